//! Segments of members: each filter, the three presets (slipping away, new and active, most
//! engaged), saving by name, and the CSV (quoting, formulas made inert, one row per member).

mod domain_support;

use std::collections::HashMap;

use attache::domain::inbox::InboxItem;
use attache::domain::interaction::Interaction;
use attache::domain::member::Moment;
use attache::domain::member::{gather, Member};
use attache::domain::member_level::{Level, Weights, DAY_MS};
use attache::domain::member_record::MemberRecord;
use attache::domain::network::Network;
use attache::domain::queue::Zone;
use attache::domain::segment::{cell, csv, save, Filter, Preset, Seen, Tone};
use attache::domain::sentiment::Sentiment;

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _: f64) -> i32 {
        0
    }
}

const NOW: f64 = 20_000.0 * DAY_MS + 12.0 * 3_600_000.0;

fn said(id: &str, network: Network, handle: &str, name: &str, days_ago: f64) -> InboxItem {
    let mut i: InboxItem = serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": name, "author_handle": handle, "author_url": format!("https://x.test/{handle}"),
        "html": "<p>hi</p>", "at": NOW - days_ago * DAY_MS, "url": "https://x.test/1", "remote_id": id,
    }))
    .unwrap();
    i.network = network;
    i
}

fn liked(id: &str, handle: &str, days_ago: f64) -> Interaction {
    Interaction {
        who_name: "cid".into(),
        ..domain_support::favourite(id, handle, NOW - days_ago * DAY_MS)
    }
}

/// ann: conversation started 40 days ago (Participating, idle); bea: started 2 days ago,
/// first seen then (new and active); cid: liked 100 and 3 days ago (Exploring);
/// dan: Bluesky, started 50 days ago, a thread of activity.
fn people() -> Vec<Member> {
    let items = [
        said("1", Network::Mastodon, "@ann@x.test", "Ann", 40.0),
        said("2", Network::Mastodon, "@bea@x.test", "Béa", 2.0),
        said("3", Network::Bluesky, "@dan.test", "Dan", 50.0),
        said("4", Network::Bluesky, "@dan.test", "Dan", 45.0),
    ];
    let signs = [
        liked("s1", "@cid@x.test", 100.0),
        liked("s2", "@cid@x.test", 3.0),
    ];
    gather(&items, &signs, &[], &Weights::default(), &Utc, NOW)
}

/// Every message reads as neutral (the filters that do not look at tone).
fn neutral(_: &Moment) -> Sentiment {
    Sentiment::Neutral
}

fn names(list: &[&Member]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|m| m.name.clone()).collect();
    v.sort();
    v
}

#[test]
fn each_filter_keeps_what_it_says() {
    let all = people();
    let mut records = HashMap::new();
    let mut r = MemberRecord::new("w", "mastodon:@bea@x.test", 0.0);
    r.tags = vec!["Ambassador".into()];
    records.insert(r.key.clone(), r);
    let kept = |f: Filter| names(&f.apply(&all, &records, NOW, neutral));
    assert_eq!(
        kept(Filter::default()),
        ["Ann", "Béa", "Dan", "cid"].map(String::from)
    );
    assert_eq!(
        kept(Filter {
            levels: vec![4],
            ..Filter::default()
        }),
        ["cid"]
    );
    assert_eq!(
        kept(Filter {
            tag: Some("ambassador".into()),
            ..Filter::default()
        }),
        ["Béa"]
    );
    assert_eq!(
        kept(Filter {
            network: Some(Network::Bluesky),
            ..Filter::default()
        }),
        ["Dan"]
    );
    assert_eq!(
        kept(Filter {
            seen: Some(Seen::Within(7)),
            ..Filter::default()
        }),
        ["Béa", "cid"]
    );
    assert_eq!(
        kept(Filter {
            seen: Some(Seen::IdleOver(30)),
            ..Filter::default()
        }),
        ["Ann", "Dan"]
    );
}

#[test]
fn positions_point_at_the_members_kept_in_the_lists_order_or_by_love() {
    let all = people();
    let records = HashMap::new();
    let at = |f: &Filter| -> Vec<String> {
        f.positions(&all, &records, NOW, neutral)
            .into_iter()
            .map(|i| all[i].name.clone())
            .collect()
    };
    let list_order: Vec<String> = all.iter().map(|m| m.name.clone()).collect();
    assert_eq!(at(&Filter::default()), list_order);
    let by_love = Filter::preset(Preset::MostEngaged);
    let loved: Vec<String> = by_love
        .apply(&all, &records, NOW, neutral)
        .into_iter()
        .map(|m| m.name.clone())
        .collect();
    assert_eq!(at(&by_love), loved);
    let loves: Vec<u32> = by_love
        .positions(&all, &records, NOW, neutral)
        .into_iter()
        .map(|i| all[i].love)
        .collect();
    assert!(loves.windows(2).all(|p| p[0] >= p[1]), "{loves:?}");
}

#[test]
fn the_presets_find_the_slipping_the_new_and_the_engaged() {
    let all = people();
    let records = HashMap::new();
    let ann = all.iter().find(|m| m.name == "Ann").unwrap();
    assert_eq!(ann.level, Level::Participating);
    // Slipping away: levels 1–2 idle over a month. Nobody at 1–2 here…
    assert!(Filter::preset(Preset::SlippingAway)
        .apply(&all, &records, NOW, neutral)
        .is_empty());
    // …until a weight makes a conversation started weigh 8 (Contributing).
    let mut w = Weights::default();
    w.set(
        attache::domain::member_level::ActivityKind::ConversationStarted,
        8,
    );
    let heavier = gather(
        &[
            said("1", Network::Mastodon, "@ann@x.test", "Ann", 40.0),
            said("2", Network::Mastodon, "@bea@x.test", "Béa", 2.0),
        ],
        &[],
        &[],
        &w,
        &Utc,
        NOW,
    );
    assert_eq!(
        names(&Filter::preset(Preset::SlippingAway).apply(&heavier, &records, NOW, neutral)),
        ["Ann"]
    );
    // New and active: first seen and active in the last 7 days (cid came back, but is not new).
    assert_eq!(
        names(&Filter::preset(Preset::NewAndActive).apply(&all, &records, NOW, neutral)),
        ["Béa"]
    );
    // Most engaged: the most love first.
    let engaged = Filter::preset(Preset::MostEngaged).apply(&all, &records, NOW, neutral);
    assert_eq!(engaged[0].name, "Dan", "two conversations started: 14");
    assert!(engaged.windows(2).all(|w| w[0].love >= w[1].love));
}

#[test]
fn a_segment_is_saved_by_name_in_any_case() {
    let mut list = vec![];
    assert_eq!(
        save(&mut list, "  Lyon  ", Filter::default()),
        Some("Lyon".into())
    );
    assert_eq!(
        save(
            &mut list,
            "ambassadors",
            Filter::preset(Preset::MostEngaged)
        ),
        Some("ambassadors".into())
    );
    assert_eq!(
        save(&mut list, "LYON", Filter::preset(Preset::NewAndActive)),
        Some("LYON".into())
    );
    assert_eq!(
        list.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["ambassadors", "LYON"]
    );
    assert_eq!(list[1].filter, Filter::preset(Preset::NewAndActive));
    assert_eq!(save(&mut list, "   ", Filter::default()), None);
    assert_eq!(save(&mut list, &"x".repeat(61), Filter::default()), None);
}

#[test]
fn the_csv_quotes_what_it_must_and_makes_formulas_inert() {
    assert_eq!(cell("Ann"), "Ann");
    assert_eq!(cell("Dupont, Ann"), "\"Dupont, Ann\"");
    assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(cell("@bob@x.test"), "'@bob@x.test");
    let all = people();
    let mut records = HashMap::new();
    let mut r = MemberRecord::new("w", "mastodon:@bea@x.test", 0.0);
    r.tags = vec!["vip".into(), "Lyon".into()];
    records.insert(r.key.clone(), r);
    let list: Vec<&Member> = all.iter().filter(|m| m.name == "Béa").collect();
    let text = csv(&list, &records, |l| format!("{}", l.number()), &Utc);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "name,handle,network,other identities,level,love,first seen,last seen,tags,profile"
    );
    assert_eq!(
        lines[1],
        "Béa,'@bea@x.test,Mastodon,,3,7,2024-10-02,2024-10-02,vip; Lyon,https://x.test/@bea@x.test"
    );
    assert_eq!(lines[2], "");
}

#[test]
fn the_tone_filter_keeps_members_whose_recent_messages_read_negative_or_only_positive() {
    let all = people();
    // Ann's message (40 days ago) reads negative, Béa's (2 days ago) positive, Dan's two
    // neutral; cid only liked (no words).
    let ann_at = NOW - 40.0 * DAY_MS;
    let bea_at = NOW - 2.0 * DAY_MS;
    let tone = |mo: &Moment| {
        if mo.at == ann_at {
            Sentiment::Negative
        } else if mo.at == bea_at {
            Sentiment::Positive
        } else {
            Sentiment::Neutral
        }
    };
    let mut records = HashMap::new();
    let tone_of = |f: Option<Tone>, records: &HashMap<String, MemberRecord>| {
        let f = Filter {
            tone: f,
            ..Filter::default()
        };
        names(&f.apply(&all, records, NOW, tone))
    };
    assert_eq!(tone_of(Some(Tone::Negative), &records), ["Ann"]);
    assert_eq!(tone_of(Some(Tone::Positive), &records), ["Béa"]);
    // An interaction of Dan's marked negative by the user makes him one too.
    let mut dan = MemberRecord::new("w", "bluesky:@dan.test", 0.0);
    dan.set_negative("https://x.test/3", NOW - 45.0 * DAY_MS, true);
    records.insert(dan.key.clone(), dan);
    assert_eq!(tone_of(Some(Tone::Negative), &records), ["Ann", "Dan"]);
    // Béa with a negative message as well is no longer only positive.
    let mixed = |mo: &Moment| {
        if mo.at == bea_at || mo.at == ann_at {
            Sentiment::Negative
        } else {
            tone(mo)
        }
    };
    let positive = Filter {
        tone: Some(Tone::Positive),
        ..Filter::default()
    };
    assert!(positive.apply(&all, &records, NOW, mixed).is_empty());
    // Older than 90 days does not count.
    let later = NOW + 60.0 * DAY_MS;
    let negative = Filter {
        tone: Some(Tone::Negative),
        ..Filter::default()
    };
    assert_eq!(
        names(&negative.apply(&all, &HashMap::new(), later, tone)),
        Vec::<String>::new()
    );
}
