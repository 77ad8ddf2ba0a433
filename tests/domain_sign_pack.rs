//! Signs in packs of one workspace and ten minutes: which pack a sign goes in, a pack kept
//! in order with who is in it, a sign synced twice kept once, the newest signs cut on a
//! whole instant, a whole read's pages of about as many signs whatever the packs hold.

mod domain_support;

use attache::domain::interaction::Interaction;
use attache::domain::sign_pack::{
    by_pack, newest_whole, pack_id, packs_for_page, start_of, who_key, SignPack, MOST_PACKS_A_PAGE,
    PACK_MS,
};
use domain_support::favourite;

#[test]
fn a_sign_goes_in_the_pack_of_its_workspace_and_ten_minutes() {
    assert_eq!(start_of(0.0), 0.0);
    assert_eq!(start_of(PACK_MS - 1.0), 0.0);
    assert_eq!(start_of(PACK_MS), PACK_MS);
    // 2026-12-06T16:09:59.999Z and 16:10:00.000Z are in two packs.
    let five = 1_796_572_800_000.0;
    assert_eq!(start_of(five + PACK_MS - 1.0), five);
    assert_eq!(start_of(five + PACK_MS), five + PACK_MS);
    let signs = vec![
        favourite("a", "@bob@x.test", five + 10.0),
        favourite("b", "@ann@x.test", five + PACK_MS + 10.0),
        Interaction {
            workspace_id: "v".into(),
            ..favourite("c", "@bob@x.test", five + 20.0)
        },
        favourite("d", "@cat@x.test", five + 30.0),
    ];
    let packs = by_pack(&signs);
    let keys: Vec<(String, i64)> = packs.keys().cloned().collect();
    assert_eq!(
        keys,
        [
            ("v".to_string(), five as i64),
            ("w".to_string(), five as i64),
            ("w".to_string(), (five + PACK_MS) as i64),
        ]
    );
    let ids = |k: (&str, f64)| {
        packs[&(k.0.to_string(), k.1 as i64)]
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(("w", five)), ["a", "d"]);
    assert_eq!(ids(("v", five)), ["c"]);
    assert_ne!(pack_id("w", five), pack_id("w", five + PACK_MS));
    assert_ne!(pack_id("w", five), pack_id("v", five));
}

#[test]
fn a_pack_keeps_its_signs_in_order_and_knows_who_is_in_it() {
    let pack = SignPack::new(
        "w",
        0.0,
        vec![
            favourite("s3", "@bob@x.test", 30.0),
            favourite("s2", "@ann@x.test", 10.0),
            favourite("s1", "@bob@x.test", 10.0),
            // Erased by a forget: nobody to name.
            favourite("s4", "", 40.0),
        ],
    );
    let ids: Vec<&str> = pack.signs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["s1", "s2", "s3", "s4"], "by time, then by id");
    assert_eq!(
        pack.who,
        [who_key("w", "@ann@x.test"), who_key("w", "@bob@x.test")]
    );
    assert_ne!(who_key("w", "@bob@x.test"), who_key("v", "@bob@x.test"));
}

#[test]
fn a_sign_synced_twice_is_kept_once_and_a_removed_one_goes() {
    let mut pack = SignPack::new("w", 0.0, vec![favourite("s1", "@bob@x.test", 10.0)]);
    pack.upsert(&[
        Interaction {
            who_name: "Bob B.".into(),
            ..favourite("s1", "@bob@x.test", 10.0)
        },
        favourite("s2", "@ann@x.test", 5.0),
    ]);
    assert_eq!(pack.signs.len(), 2);
    assert_eq!(pack.signs[0].id, "s2");
    assert_eq!(pack.signs[1].who_name, "Bob B.", "the newer copy is kept");
    assert!(pack.remove("s2"));
    assert!(!pack.remove("s2"), "gone already");
    assert_eq!(
        pack.who,
        [who_key("w", "@bob@x.test")],
        "ann is no longer in it"
    );
}

#[test]
fn a_pack_put_back_over_a_newer_one_keeps_the_newer_signs_and_brings_back_the_rest() {
    let older = vec![
        favourite("s1", "@bob@x.test", 10.0),
        favourite("s2", "@ann@x.test", 20.0),
    ];
    let mut now = SignPack::new(
        "w",
        0.0,
        vec![
            Interaction {
                who_name: "Ann, renamed".into(),
                ..favourite("s2", "@ann@x.test", 20.0)
            },
            favourite("s3", "@cid@x.test", 15.0),
        ],
    );
    now.put_back(older);
    let ids: Vec<&str> = now.signs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["s1", "s3", "s2"], "in order, each once");
    assert_eq!(
        now.signs[2].who_name, "Ann, renamed",
        "the sign as it is now"
    );
    assert_eq!(now.who.len(), 3, "bob is in it again");
}

#[test]
fn the_newest_signs_end_on_a_whole_instant() {
    let newest_first = |ats: &[f64]| -> Vec<Interaction> {
        ats.iter()
            .enumerate()
            .map(|(i, at)| favourite(&format!("s{i}"), "@bob@x.test", *at))
            .collect()
    };
    let ids = |v: Vec<Interaction>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
    let signs = newest_first(&[9.0, 8.0, 7.0, 7.0, 7.0, 3.0]);
    assert_eq!(ids(newest_whole(signs.clone(), 1)), ["s0"]);
    assert_eq!(
        ids(newest_whole(signs.clone(), 3)),
        ["s0", "s1", "s2", "s3", "s4"]
    );
    assert_eq!(
        ids(newest_whole(signs.clone(), 5)),
        ["s0", "s1", "s2", "s3", "s4"]
    );
    assert_eq!(newest_whole(signs.clone(), 6).len(), 6);
    assert_eq!(
        newest_whole(signs.clone(), 60).len(),
        6,
        "fewer than asked: all"
    );
    assert!(newest_whole(signs, 0).is_empty());
}

#[test]
fn a_whole_read_asks_for_about_as_many_signs_a_page_whatever_the_packs_hold() {
    // Full packs (600 signs each): about 2,000 signs is 3 packs.
    assert_eq!(packs_for_page(8, 4_800, 2_000), 3);
    // Nearly empty packs (2 each): 1,000 packs would make a page, but never more than twice
    // the last ask at once, nor more than the most a page asks for.
    assert_eq!(packs_for_page(8, 16, 2_000), 16);
    assert_eq!(packs_for_page(100, 200, 2_000), MOST_PACKS_A_PAGE);
    assert_eq!(packs_for_page(64, 128, 2_000), 128);
    // Empty ones, or none read: twice as many, never more.
    assert_eq!(packs_for_page(8, 0, 2_000), 16);
    assert_eq!(packs_for_page(0, 0, 2_000), 2);
    assert_eq!(
        packs_for_page(MOST_PACKS_A_PAGE, 0, 2_000),
        MOST_PACKS_A_PAGE
    );
    // A pack fuller than a page: one at a time.
    assert_eq!(packs_for_page(1, 9_000, 2_000), 1);
    // A quiet stretch then a busy one: from a page of nearly empty packs, the pages grow by
    // doubling, so a page of full ones holds at most twice the packs of the last.
    let mut asked = 1;
    for _ in 0..20 {
        asked = packs_for_page(asked, asked as usize, 2_000);
    }
    assert_eq!(asked, MOST_PACKS_A_PAGE);
    assert_eq!(packs_for_page(asked, asked as usize * 600, 2_000), 3);
}
