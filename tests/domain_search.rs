//! The search box's index: words found by their beginning, accents and case aside, every
//! word typed required, whole words and titles first, then the newest; kept current by
//! putting and removing records; and what each kind of record is found by.

mod domain_support;

use std::collections::HashMap;

use attache::domain::inbox::InboxItem;
use attache::domain::interaction::Interaction;
use attache::domain::member_record::MemberRecord;
use attache::domain::search::{fold, words, Doc, Index, Kind};
use attache::domain::search_docs;

use domain_support::doc;

fn ids(index: &Index, q: &str) -> Vec<String> {
    index
        .search(q, 10)
        .into_iter()
        .map(|h| h.doc.id.clone())
        .collect()
}

#[test]
fn folding_sets_accents_and_case_aside_in_french_and_english() {
    assert_eq!(fold("Éloïse GARÇON à Noël"), "eloise garcon a noel");
    assert_eq!(fold("Straße"), "straße");
    assert_eq!(
        words("@bob@mastodon.social: l'été, c'est 2026!"),
        vec!["bob", "mastodon", "social", "l", "ete", "c", "est", "2026"]
    );
}

#[test]
fn folding_character_by_character_is_the_whole_texts_nfd_without_its_marks() {
    use unicode_normalization::UnicodeNormalization;
    let reference = |s: &str| -> String {
        s.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    };
    // Hostile strings, plus every Latin, Greek, Cyrillic and Hangul letter next to marks
    // stacked out of canonical order.
    let mut texts: Vec<String> = naughty_strings::BLNS
        .iter()
        .map(|s| s.to_string())
        .collect();
    for block in [
        0x00c0..0x0250u32,
        0x0370..0x0530,
        0x1e00..0x1f00,
        0xac00..0xac40,
    ] {
        let letters: String = block.filter_map(char::from_u32).collect();
        texts.push(letters.clone());
        texts.push(format!(
            "{letters}\u{0323}\u{0301}\u{0308}x\u{0301}\u{0323}"
        ));
    }
    texts.push("Éloïse, n°12 — Ça coûte 3 € à l\u{0301}’été ǅ ﬁ".into());
    for s in &texts {
        assert_eq!(fold(s), reference(s), "{s:?}");
    }
}

#[test]
fn words_are_found_by_their_beginning_accents_and_case_aside() {
    let index = Index::build(vec![
        doc(
            Kind::Member,
            "m1",
            "Éloïse Martin",
            "eloise@lyon.social",
            1.0,
        ),
        doc(Kind::Member, "m2", "Marc Dupont", "marc@x.test", 2.0),
        doc(
            Kind::Post,
            "p1",
            "Soldes d'été",
            "Nos soldes d'été commencent",
            3.0,
        ),
    ]);
    assert_eq!(ids(&index, "eloi"), vec!["m1"]);
    assert_eq!(ids(&index, "ÉLOÏSE"), vec!["m1"]);
    assert_eq!(ids(&index, "ete"), vec!["p1"]);
    assert_eq!(ids(&index, "  "), Vec::<String>::new());
    // Every word typed must be found in the same record.
    assert_eq!(ids(&index, "mar dup"), vec!["m2"]);
    assert_eq!(ids(&index, "marc lyon"), Vec::<String>::new());
    // Inside a word is not a beginning.
    assert_eq!(ids(&index, "oise"), Vec::<String>::new());
}

#[test]
fn whole_words_and_titles_rank_first_then_the_newest_grouped_by_kind() {
    let index = Index::build(vec![
        doc(Kind::Post, "body-old", "Rentrée", "le café du matin", 1.0),
        doc(Kind::Post, "body-new", "Rentrée", "le café du matin", 5.0),
        doc(Kind::Post, "title", "Café gourmand", "", 0.0),
        doc(Kind::Post, "prefix", "Cafétéria", "", 9.0),
        doc(Kind::Member, "member", "Camille", "cafe lover", 0.0),
    ]);
    // Members before posts; among posts a whole word of the title, then whole words of the
    // body (newest first), then a beginning in a title.
    assert_eq!(
        ids(&index, "cafe"),
        vec!["member", "title", "body-new", "body-old", "prefix"]
    );
    // At most so many per kind.
    let two: Vec<String> = index
        .search("cafe", 2)
        .into_iter()
        .map(|h| h.doc.id.clone())
        .collect();
    assert_eq!(two, vec!["member", "title", "body-new"]);
}

#[test]
fn a_word_matched_twice_in_a_record_counts_its_best_match_once() {
    let index = Index::build(vec![
        doc(Kind::Note, "twice", "lune", "lunettes lunaire lune", 0.0),
        doc(Kind::Note, "once", "lune", "", 0.0),
    ]);
    let hits = index.search("lune", 10);
    assert_eq!(hits[0].score, hits[1].score, "{hits:?}");
}

#[test]
fn records_put_or_removed_after_the_build_are_found_or_hidden_at_once() {
    let mut index = Index::build(vec![
        doc(
            Kind::Snippet,
            "s1",
            "Merci",
            "Merci pour votre message",
            1.0,
        ),
        doc(Kind::Snippet, "s2", "Horaires", "Ouvert de 9h à 18h", 1.0),
    ]);
    index.put(doc(Kind::Snippet, "s3", "Délais", "Livraison en 48h", 2.0));
    assert_eq!(ids(&index, "livr"), vec!["s3"]);
    assert_eq!(ids(&index, "delais livraison"), vec!["s3"]);
    // Changed: found by its new words only.
    index.put(doc(
        Kind::Snippet,
        "s1",
        "Bienvenue",
        "Bienvenue parmi nous",
        3.0,
    ));
    assert_eq!(ids(&index, "merci"), Vec::<String>::new());
    assert_eq!(ids(&index, "bienv"), vec!["s1"]);
    index.remove(Kind::Snippet, "s2");
    assert_eq!(ids(&index, "horaires"), Vec::<String>::new());
    assert_eq!(index.len(), 2);
    // A record of another kind with the same id is another record.
    index.put(doc(Kind::Note, "s3", "Note", "livraison", 0.0));
    assert_eq!(ids(&index, "livraison"), vec!["s3", "s3"]);
}

fn item(
    id: &str,
    handle: &str,
    name: &str,
    text: &str,
    reply_to: Option<&str>,
    at: f64,
) -> InboxItem {
    serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": name, "author_handle": handle, "author_url": "",
        "html": "", "text": text, "at": at, "url": "", "remote_id": id,
        "in_reply_to": reply_to,
    }))
    .unwrap()
}

#[test]
fn members_are_found_by_every_handle_tag_field_and_note_and_the_brand_is_not_a_member() {
    let items = vec![
        item("1", "bob@x.test", "Bob Martin", "Bonjour", None, 1.0),
        item("2", "bob.bsky.social", "Bobby", "Hello", None, 2.0),
        item("3", "brand@x.test", "The Brand", "Thanks", Some("1"), 3.0),
    ];
    let mut items = items;
    items[1].network = attache::domain::network::Network::Bluesky;
    let merged = HashMap::from([(
        "bluesky:bob.bsky.social".to_string(),
        "mastodon:bob@x.test".to_string(),
    )]);
    let mut record = MemberRecord::new("w", "mastodon:bob@x.test", 0.0);
    record.tags = vec!["Ambassadeur".into()];
    record.notes = vec![attache::domain::member_record::MemberNote {
        id: "n".into(),
        at: 0.0,
        by: "Camille".into(),
        text: "Veut un remboursement".into(),
    }];
    let records = HashMap::from([(record.key.clone(), record)]);
    let docs = search_docs::members(&items, &[], &["brand@x.test".into()], &merged, &records);
    assert_eq!(docs.len(), 1, "{docs:?}");
    let index = Index::build(docs);
    for q in ["bobby", "bob x test", "bsky", "ambassadeur", "rembours"] {
        assert_eq!(ids(&index, q), vec!["mastodon:bob@x.test"], "{q}");
    }
    assert_eq!(ids(&index, "brand"), Vec::<String>::new());
}

#[test]
fn a_conversation_is_found_by_who_wrote_and_what_was_said() {
    let items = vec![
        item(
            "1",
            "ana@x.test",
            "Ana",
            "Ma commande n'est pas arrivée",
            None,
            1.0,
        ),
        item(
            "2",
            "brand@x.test",
            "Brand",
            "Nous regardons",
            Some("1"),
            2.0,
        ),
        item("3", "ana@x.test", "Ana", "Merci !", Some("2"), 3.0),
        item("4", "zoe@x.test", "Zoé", "J'adore", None, 4.0),
    ];
    let docs: Vec<Doc> = search_docs::conversations(&items).collect();
    assert_eq!(docs.len(), 2);
    let index = Index::build(docs);
    let hits = index.search("commande arrivee", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc.title, "Ana, Brand");
    assert_eq!(hits[0].doc.at, 3.0);
    assert_eq!(index.search("zoe", 10)[0].doc.title, "Zoé");
}

#[test]
fn an_index_finished_in_small_steps_finds_what_the_whole_texts_hold() {
    use attache::domain::search::Builder;
    // Words sharing first letters, one-letter words, accents, digits: every bucket edge.
    let vocabulary = [
        "a", "ab", "abc", "abd", "b", "ba", "é", "ée", "eclair", "éclairs", "z", "zz", "0", "01",
        "1", "ñandu", "œuvre", "ça", "cab", "cabane",
    ];
    let mut seed = 7u64;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let docs: Vec<Doc> = (0..300)
        .map(|n| {
            let text = |k: usize, next: &mut dyn FnMut(usize) -> usize| {
                (0..k)
                    .map(|_| vocabulary[next(vocabulary.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            doc(
                Kind::Note,
                &format!("d{n}"),
                &text(2, &mut next),
                &text(4, &mut next),
                n as f64,
            )
        })
        .collect();
    let at_once = Index::build(docs.clone());
    let mut b = Builder::default();
    for d in docs.clone() {
        b.add(d);
    }
    let mut finishing = b.finishing();
    let mut steps = 0;
    while !finishing.step(3) {
        steps += 1;
    }
    assert!(steps > 100, "{steps} steps");
    let stepped = finishing.index();
    for q in vocabulary
        .iter()
        .chain(&["c", "e", "éc", "o", "zz 0", "ab b"])
    {
        let ids = |i: &Index| -> Vec<String> {
            i.search(q, 1_000)
                .iter()
                .map(|h| h.doc.id.clone())
                .collect()
        };
        assert_eq!(ids(&stepped), ids(&at_once), "{q}");
        // Every document some word of which starts with each word of the query, no other.
        let wanted = words(q);
        let mut expected: Vec<String> = docs
            .iter()
            .filter(|d| {
                let all = words(&format!("{} {}", d.title, d.body));
                wanted
                    .iter()
                    .all(|w| all.iter().any(|x| x.starts_with(w.as_str())))
            })
            .map(|d| d.id.clone())
            .collect();
        let mut got = ids(&stepped);
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{q}");
    }
}

/// The people met put together by member a few at a time (the search index gives way to the
/// screen between steps) make the documents made at once: merged identities one member, the
/// brand's own account left out, each with their record's words.
#[test]
fn members_put_together_a_few_at_a_time_make_the_same_documents() {
    let mut items: Vec<InboxItem> = (0..300u32)
        .map(|n| {
            let who = n % 120;
            item(
                &format!("m{n}"),
                &format!("p{who}@x.test"),
                &format!("Person {who}"),
                "",
                None,
                f64::from(n),
            )
        })
        .collect();
    items.push(item("b", "brand@x.test", "The Brand", "", None, 1.0));
    items[5].network = attache::domain::network::Network::Bluesky;
    let merged: HashMap<String, String> = (0..40)
        .map(|n| {
            (
                format!("mastodon:p{}@x.test", n + 60),
                format!("mastodon:p{n}@x.test"),
            )
        })
        .collect();
    let mut record = MemberRecord::new("w", "mastodon:p3@x.test", 0.0);
    record.tags = vec!["fidèle".into()];
    let records = HashMap::from([(record.key.clone(), record)]);
    let own = ["brand@x.test".to_string()];
    let met = || {
        let mut people = search_docs::MemberDocs::default();
        items.iter().for_each(|i| people.item(i));
        people
    };
    let whole: Vec<Doc> = met().finish(&own, &merged, &records).collect();
    assert_eq!(
        whole.len(),
        120 - 40 + 1,
        "merged ones together, the Bluesky spelling apart, no brand"
    );
    assert!(whole.iter().any(|d| d.body.contains("fidèle")));
    for budget in [1, 3, 64, 1_000] {
        let mut finishing = met().finishing(&own, &merged, &records);
        while !finishing.step(budget) {}
        let docs: Vec<Doc> = finishing.docs().collect();
        assert_eq!(format!("{docs:?}"), format!("{whole:?}"), "budget {budget}");
    }
}

#[test]
fn signs_given_oldest_or_newest_first_make_the_same_member_documents() {
    let items = vec![item("m1", "p1@x.test", "Person 1 (message)", "", None, 5.0)];
    let signs: Vec<Interaction> = (0..90u32)
        .map(|n| {
            let who = n % 9;
            let mut s = domain_support::favourite(
                &format!("s{n}"),
                &format!("p{who}@x.test"),
                f64::from(n),
            );
            s.who_name = format!("Person {who} ({})", n / 30);
            s
        })
        .collect();
    let reversed: Vec<Interaction> = signs.iter().rev().cloned().collect();
    let docs = |signs: &[Interaction]| {
        let mut d: Vec<String> =
            search_docs::members(&items, signs, &[], &HashMap::new(), &HashMap::new())
                .into_iter()
                .map(|d| format!("{} {} {} {}", d.id, d.title, d.body, d.at))
                .collect();
        d.sort();
        d
    };
    let (oldest_first, newest_first) = (docs(&signs), docs(&reversed));
    assert_eq!(oldest_first.len(), 9);
    assert_eq!(oldest_first, newest_first);
    assert!(
        oldest_first.contains(&"mastodon:p1@x.test Person 1 (2) p1@x.test 82".to_string()),
        "the newest name and when last seen: {oldest_first:?}"
    );
}
