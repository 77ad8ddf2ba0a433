//! CouchDB's revision trees, its winner rule and the claim documents that keep publishing
//! exactly-once across a team's devices (`domain::sync`), as two or three replicas see them.

use attache::domain::sync::claim::{self, Claim, Verdict, TAKE_OVER_AFTER_MS};
use attache::domain::sync::rev_tree::{Branch, Rev, RevTree, Revisions, REVS_LIMIT};

fn rev(s: &str) -> Rev {
    Rev::parse(s).unwrap()
}

fn branch(revs: &[&str]) -> Branch {
    Branch {
        path: revs.iter().map(|r| rev(r)).collect(),
        deleted: false,
    }
}

fn leaves(t: &RevTree) -> Vec<String> {
    let mut l: Vec<String> = t.branches.iter().map(|b| b.leaf().to_string()).collect();
    l.sort();
    l
}

#[test]
fn revisions_read_and_write_as_n_dash_hash_and_an_edit_has_one_id_everywhere() {
    assert_eq!(rev("3-abc9").to_string(), "3-abc9");
    for bad in ["", "0-abc", "x-abc", "3-", "3", "-abc", "3-ab c", "3-é"] {
        assert!(Rev::parse(bad).is_none(), "{bad:?}");
    }
    let first = Rev::next(None, r#"{"text":"Bonjour"}"#, false);
    assert_eq!(first.pos, 1);
    assert_eq!(first, Rev::next(None, r#"{"text":"Bonjour"}"#, false));
    assert_ne!(first, Rev::next(None, r#"{"text":"Bonsoir"}"#, false));
    assert_ne!(first, Rev::next(None, r#"{"text":"Bonjour"}"#, true));
    let second = Rev::next(Some(&first), r#"{"text":"Bonjour !"}"#, false);
    assert_eq!(second.pos, 2);
    let json = serde_json::to_string(&second).unwrap();
    assert_eq!(json, format!("\"{second}\""));
    assert_eq!(serde_json::from_str::<Rev>(&json).unwrap(), second);
    assert!(serde_json::from_str::<Rev>("\"0-x\"").is_err());
}

#[test]
fn a_branch_goes_to_revisions_and_back() {
    let b = branch(&["1-a", "2-b", "3-c"]);
    let r = b.revisions();
    assert_eq!(
        r,
        Revisions {
            start: 3,
            ids: vec!["c".into(), "b".into(), "a".into()]
        }
    );
    assert_eq!(Branch::from_revisions(&r, false).unwrap(), b);
    // stemmed history: starts above 1
    let stemmed = Revisions {
        start: 9,
        ids: vec!["i".into(), "h".into()],
    };
    assert_eq!(
        Branch::from_revisions(&stemmed, true).unwrap(),
        Branch {
            path: vec![rev("8-h"), rev("9-i")],
            deleted: true
        }
    );
    assert!(Branch::from_revisions(
        &Revisions {
            start: 1,
            ids: vec![]
        },
        false
    )
    .is_none());
    assert!(Branch::from_revisions(
        &Revisions {
            start: 1,
            ids: vec!["b".into(), "a".into()]
        },
        false
    )
    .is_none());
}

#[test]
fn edits_in_a_line_keep_one_leaf_and_concurrent_ones_keep_both() {
    let mut t = RevTree::default();
    t.merge(branch(&["1-a"]));
    t.merge(branch(&["1-a", "2-b"]));
    assert_eq!(leaves(&t), ["2-b"]);
    assert!(t.knows(&rev("1-a")));
    // a replica sends only the new part of its history: joined onto what is known
    t.merge(branch(&["2-b", "3-c"]));
    assert_eq!(t.branches[0].path, branch(&["1-a", "2-b", "3-c"]).path);
    // two laptops edit 3-c offline
    t.merge(branch(&["1-a", "2-b", "3-c", "4-camille"]));
    t.merge(branch(&["1-a", "2-b", "3-c", "4-mine"]));
    assert_eq!(leaves(&t), ["4-camille", "4-mine"]);
    // receiving what is known changes nothing
    let before = t.clone();
    t.merge(branch(&["1-a", "2-b", "3-c", "4-mine"]));
    t.merge(branch(&["1-a", "2-b"]));
    assert_eq!(t, before);
}

#[test]
fn the_winner_is_live_then_deepest_then_the_greater_hash_and_every_replica_agrees() {
    let edits = [
        branch(&["1-a", "2-x", "3-low"]),
        branch(&["1-a", "2-y"]),
        branch(&["1-a", "2-x", "3-zed"]),
        Branch {
            path: vec![rev("1-a"), rev("2-y"), rev("3-y"), rev("4-gone")],
            deleted: true,
        },
    ];
    // every order of arrival gives the same tree, winner and conflicts
    let orders = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]];
    let mut seen = vec![];
    for order in orders {
        let mut t = RevTree::default();
        for i in order {
            t.merge(edits[i].clone());
        }
        let winner = t.winner().unwrap().leaf().to_string();
        let conflicts: Vec<String> = t.conflicts().iter().map(|b| b.leaf().to_string()).collect();
        seen.push((leaves(&t), winner, conflicts));
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    let (all, winner, conflicts) = &seen[0];
    assert_eq!(all, &["3-low", "3-zed", "4-gone"], "2-y was continued");
    // the deleted leaf is deepest but a live one wins; "zed" > "low"
    assert_eq!(winner, "3-zed");
    assert_eq!(conflicts, &["3-low"], "a deleted leaf is not a conflict");

    // when every leaf is deleted, the same order picks among them
    let mut t = RevTree::default();
    for b in [
        Branch {
            path: vec![rev("1-a"), rev("2-b")],
            deleted: true,
        },
        Branch {
            path: vec![rev("1-a"), rev("2-c")],
            deleted: true,
        },
    ] {
        t.merge(b);
    }
    assert_eq!(t.winner().unwrap().leaf().to_string(), "2-c");
    assert!(t.conflicts().is_empty());
}

#[test]
fn revs_diff_names_what_this_replica_lacks() {
    let mut t = RevTree::default();
    t.merge(branch(&["1-a", "2-b", "3-c"]));
    let asked = [rev("2-b"), rev("3-d"), rev("4-e")];
    let missing: Vec<String> = t.missing(&asked).iter().map(|r| r.to_string()).collect();
    assert_eq!(missing, ["3-d", "4-e"]);
}

#[test]
fn keeping_one_side_ends_the_conflict_on_every_replica_and_loses_no_history() {
    let mut mine = RevTree::default();
    let mut theirs = RevTree::default();
    for t in [&mut mine, &mut theirs] {
        t.merge(branch(&["1-a", "2-mine"]));
        t.merge(branch(&["1-a", "2-theirs"]));
    }
    assert_eq!(mine.conflicts().len(), 1);
    let written = mine.resolve(&rev("2-mine"));
    assert_eq!(written.len(), 1);
    assert!(written[0].deleted);
    assert_eq!(mine.winner().unwrap().leaf(), &rev("2-mine"));
    assert!(mine.conflicts().is_empty());
    // the other replica receives the tombstone and agrees; the text of "2-theirs" is still
    // in the history under it
    for b in written {
        theirs.merge(b);
    }
    assert_eq!(theirs.winner().unwrap().leaf(), &rev("2-mine"));
    assert!(theirs.conflicts().is_empty());
    assert!(theirs.knows(&rev("2-theirs")));
}

#[test]
fn a_long_history_keeps_its_newest_revisions() {
    let mut t = RevTree::default();
    let mut parent: Option<Rev> = None;
    let mut path = vec![];
    for i in 0..REVS_LIMIT + 20 {
        let r = Rev::next(parent.as_ref(), &i.to_string(), false);
        path.push(r.clone());
        parent = Some(r);
    }
    t.merge(Branch {
        path: path.clone(),
        deleted: false,
    });
    assert_eq!(t.branches[0].path.len(), REVS_LIMIT);
    assert_eq!(t.branches[0].leaf(), path.last().unwrap());
    assert!(!t.knows(&path[0]));
}

fn claim_of<'a>(claims: &'a [(Rev, Claim)]) -> impl Fn(&Rev) -> Option<Claim> + 'a {
    move |r| claims.iter().find(|(x, _)| x == r).map(|(_, c)| c.clone())
}

#[test]
fn two_devices_claiming_one_post_at_once_agree_on_one_sender() {
    assert_eq!(
        claim::doc_id("p1", 1_800_000_000_000.0),
        "claim:p1:1800000000000"
    );
    let now = 1_000_000.0;
    let a = Claim {
        device: "laptop-camille".into(),
        at: now,
    };
    let b = Claim {
        device: "laptop-ines".into(),
        at: now + 5.0,
    };
    let (ba, bb) = (claim::claim_branch(&a, None), claim::claim_branch(&b, None));
    let claims = [
        (ba.leaf().clone(), a.clone()),
        (bb.leaf().clone(), b.clone()),
    ];
    // each device first sees only its own claim: it waits for the round trip
    let mut camille = RevTree::default();
    camille.merge(ba.clone());
    assert_eq!(
        claim::verdict(&camille, claim_of(&claims), "laptop-camille", false, now),
        Some(Verdict::Wait)
    );
    // after replication both trees hold both claims, in either order
    let mut ines = RevTree::default();
    ines.merge(bb.clone());
    ines.merge(ba.clone());
    camille.merge(bb.clone());
    let verdicts: Vec<_> = [("laptop-camille", &camille), ("laptop-ines", &ines)]
        .iter()
        .map(|(me, t)| claim::verdict(t, claim_of(&claims), me, true, now + 10.0).unwrap())
        .collect();
    let senders = verdicts.iter().filter(|v| **v == Verdict::Send).count();
    assert_eq!(senders, 1, "{verdicts:?}");
    let winner = camille.winner().unwrap().leaf().clone();
    assert_eq!(&winner, ines.winner().unwrap().leaf());
    let (winner_device, loser) = if winner == *ba.leaf() {
        ("laptop-camille", 1)
    } else {
        ("laptop-ines", 0)
    };
    assert_eq!(
        verdicts[loser],
        Verdict::Theirs {
            device: winner_device.into()
        }
    );
}

#[test]
fn a_claim_left_unsent_is_taken_over_and_the_take_over_wins_everywhere() {
    let start = 5_000_000.0;
    let gone = Claim {
        device: "closed-laptop".into(),
        at: start,
    };
    let first = claim::claim_branch(&gone, None);
    let mut t = RevTree::default();
    t.merge(first.clone());
    let mut claims = vec![(first.leaf().clone(), gone)];
    assert_eq!(
        claim::verdict(&t, claim_of(&claims), "me", true, start + 60_000.0),
        Some(Verdict::Theirs {
            device: "closed-laptop".into()
        })
    );
    let later = start + TAKE_OVER_AFTER_MS + 1.0;
    assert_eq!(
        claim::verdict(&t, claim_of(&claims), "me", true, later),
        Some(Verdict::TakeOver)
    );
    let mine = Claim {
        device: "me".into(),
        at: later,
    };
    let over = claim::claim_branch(&mine, t.winner());
    assert_eq!(over.leaf().pos, 2);
    claims.push((over.leaf().clone(), mine));
    t.merge(over.clone());
    assert_eq!(
        claim::verdict(&t, claim_of(&claims), "me", true, later),
        Some(Verdict::Send)
    );
    // a third device that had only the first claim agrees once it receives the take-over
    let mut third = RevTree::default();
    third.merge(first);
    third.merge(over);
    assert_eq!(
        claim::verdict(&third, claim_of(&claims), "third", true, later),
        Some(Verdict::Theirs {
            device: "me".into()
        })
    );
}
