//! Conversations: grouping by thread, the state at an instant (snooze, reopening), labels and
//! assignees, and the events the response times read.

use attache::domain::conversation::{
    events, group, standing, waiting_since, Grouping, Priority, Step, Triage, TriageState,
};
use attache::domain::inbox::InboxItem;
use attache::domain::network::Network;
use attache::domain::queue::Zone;
use attache::domain::response_times::times;

const H: f64 = 3_600_000.0;

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _utc_ms: f64) -> i32 {
        0
    }
}

fn item(remote: &str, parent: Option<&str>, at: f64) -> InboxItem {
    InboxItem {
        id: format!("mastodon:x:{remote}"),
        workspace_id: "w".into(),
        account_id: "acc".into(),
        network: Network::Mastodon,
        author_name: "Sam".into(),
        author_handle: "@sam@example.org".into(),
        author_url: String::new(),
        html: String::new(),
        text: String::new(),
        links: vec![],
        spoiler: String::new(),
        at,
        url: String::new(),
        in_reply_to: parent.map(str::to_string),
        post_id: None,
        remote_id: remote.into(),
        cid: String::new(),
        thread_root: None,
        thread_root_cid: None,
        visibility: "public".into(),
        mentions: vec![],
        answered_at: None,
        profile: Default::default(),
    }
}

fn keys_of(items: &[InboxItem]) -> Vec<(String, Vec<String>)> {
    group(items)
        .into_iter()
        .map(|c| {
            let ids = c
                .items
                .iter()
                .map(|&i| items[i].remote_id.clone())
                .collect();
            (c.key, ids)
        })
        .collect()
}

#[test]
fn a_message_kept_twice_is_one_message() {
    // The same status kept as a mention and from the direct conversations (older items were
    // named by their notification).
    let mut again = item("9", None, 5.0);
    again.id = "mastodon:x:notification-77".into();
    let items = vec![item("9", None, 5.0), again, item("10", Some("9"), 6.0)];
    assert_eq!(
        keys_of(&items),
        [("acc:9".to_string(), vec!["9".to_string(), "10".to_string()])]
    );
}

#[test]
fn replies_under_one_post_of_ours_are_one_conversation_oldest_message_first() {
    // "our" is our post (never in the inbox); 2 answers it, 3 answers 2 (received first),
    // 5 is another thread; 4 answers a message we never received.
    let items = vec![
        item("3", Some("2"), 3.0 * H),
        item("2", Some("our"), 2.0 * H),
        item("5", None, 1.0 * H),
        item("4", Some("unknown"), 4.0 * H),
        item("6", Some("our"), 5.0 * H),
    ];
    assert_eq!(
        keys_of(&items),
        vec![
            (
                "acc:our".to_string(),
                vec!["2".into(), "3".into(), "6".into()]
            ),
            ("acc:unknown".to_string(), vec!["4".into()]),
            ("acc:5".to_string(), vec!["5".into()]),
        ]
    );
}

#[test]
fn bluesky_groups_by_the_thread_root_it_names_and_old_items_stand_alone() {
    let mut a = item("at://bob/post/1", Some("at://alice/post/0"), 1.0 * H);
    a.network = Network::Bluesky;
    a.thread_root = Some("at://alice/post/0".into());
    let mut b = item("at://carol/post/9", Some("at://bob/post/1"), 2.0 * H);
    b.network = Network::Bluesky;
    b.thread_root = Some("at://alice/post/0".into());
    let mut old = item("", Some("x"), 3.0 * H);
    old.id = "legacy".into();
    let got = keys_of(&[a, b, old]);
    assert_eq!(got[0].0, "legacy");
    assert_eq!(got[1].0, "acc:at://alice/post/0");
    assert_eq!(got[1].1.len(), 2);
}

#[test]
fn a_cycle_of_parents_does_not_hang() {
    let items = vec![item("1", Some("2"), 1.0), item("2", Some("1"), 2.0)];
    let convs = group(&items);
    assert!(!convs.is_empty());
}

#[test]
fn untriaged_is_open_and_a_message_after_done_or_our_reply_opens_it_again() {
    assert_eq!(standing(None, 5.0, 10.0).state, TriageState::Open);
    let mut t = Triage::new("w", "k");
    t.set_state(TriageState::Done, 100.0);
    let s = standing(Some(&t), 50.0, 200.0);
    assert_eq!((s.state, s.came_back), (TriageState::Done, false));
    let s = standing(Some(&t), 150.0, 200.0);
    assert_eq!((s.state, s.came_back), (TriageState::Open, true));
    t.replied(300.0);
    assert_eq!(
        standing(Some(&t), 150.0, 400.0).state,
        TriageState::WaitingOnThem
    );
    assert_eq!(standing(Some(&t), 350.0, 400.0).state, TriageState::Open);
    // Waiting on us stays so whatever they add.
    t.set_state(TriageState::WaitingOnUs, 500.0);
    assert_eq!(
        standing(Some(&t), 600.0, 700.0).state,
        TriageState::WaitingOnUs
    );
}

#[test]
fn a_snoozed_conversation_hides_until_its_time_or_their_next_message() {
    let mut t = Triage::new("w", "k");
    t.set_state(TriageState::WaitingOnUs, 10.0);
    t.snooze(1_000.0, 20.0);
    let s = standing(Some(&t), 5.0, 500.0);
    assert!(s.snoozed);
    let s = standing(Some(&t), 5.0, 1_000.0);
    assert_eq!(
        (s.snoozed, s.state, s.came_back),
        (false, TriageState::Open, true)
    );
    let s = standing(Some(&t), 30.0, 500.0);
    assert_eq!((s.snoozed, s.state), (false, TriageState::Open));
    // Any state change ends the snooze.
    t.set_state(TriageState::Done, 40.0);
    assert!(!standing(Some(&t), 5.0, 500.0).snoozed);
}

#[test]
fn done_and_reopening_are_kept_in_the_history_once() {
    let mut t = Triage::new("w", "k");
    t.set_state(TriageState::Done, 10.0);
    t.set_state(TriageState::Done, 20.0);
    t.set_state(TriageState::WaitingOnUs, 30.0);
    t.set_state(TriageState::WaitingOnThem, 40.0);
    t.set_state(TriageState::WaitingOnThem, 50.0);
    // Waiting on them after waiting on us: we answered elsewhere (once).
    assert_eq!(
        t.history,
        vec![Step::Done(10.0), Step::Reopened(30.0), Step::Replied(40.0)]
    );
}

#[test]
fn labels_toggle_ignoring_case_and_assignees_are_names() {
    let mut t = Triage::new("w", "k");
    t.toggle_label(" Bug ");
    t.toggle_label("avis");
    t.toggle_label("  ");
    assert_eq!(t.labels, vec!["avis".to_string(), "Bug".to_string()]);
    t.toggle_label("BUG");
    assert_eq!(t.labels, vec!["avis".to_string()]);
    t.assign("  Léa ");
    assert_eq!(t.assignee.as_deref(), Some("Léa"));
    t.assign(" ");
    assert_eq!(t.assignee, None);
    assert_eq!(t.priority, Priority::Normal);
    assert!(Priority::Urgent > Priority::High);
}

#[test]
fn the_history_feeds_the_response_times() {
    // Arrived at 0, answered at 2 h, they came back at 3 h, answered at 3.5 h, done at 4 h.
    let mut t = Triage::new("w", "k");
    t.replied(2.0 * H);
    t.replied(3.5 * H);
    t.set_state(TriageState::Done, 4.0 * H);
    let got = times(&events(&[0.0, 3.0 * H], Some(&t)), None, &Utc);
    assert_eq!(got.first_response, Some(2.0 * H));
    assert_eq!(got.replies, vec![2.0 * H, 0.5 * H]);
    assert_eq!(got.resolution, Some(4.0 * H));
    // Nothing done yet: no figure but the wait.
    let none = times(&events(&[0.0], None), None, &Utc);
    assert_eq!((none.first_response, none.resolution), (None, None));
}

#[test]
fn a_conversation_waits_since_their_first_message_after_our_last_answer() {
    let theirs = [30.0, 10.0, 50.0];
    let open = standing(None, 50.0, 60.0);
    assert_eq!(waiting_since(&theirs, None, &open), Some(10.0));
    let mut t = Triage::new("w", "k");
    t.replied(20.0);
    // Their message at 30 answered at 20 is not it; 30 is (after our reply).
    let back = standing(Some(&t), 50.0, 60.0);
    assert_eq!(back.state, TriageState::Open);
    assert_eq!(waiting_since(&theirs, Some(&t), &back), Some(30.0));
    t.set_state(TriageState::Done, 55.0);
    assert_eq!(
        waiting_since(&theirs, Some(&t), &standing(Some(&t), 50.0, 60.0)),
        None
    );
    // Snoozed: it does not wait in the lists.
    t.set_state(TriageState::WaitingOnUs, 56.0);
    t.snooze(1_000.0, 57.0);
    assert_eq!(
        waiting_since(&theirs, Some(&t), &standing(Some(&t), 50.0, 60.0)),
        None
    );
}

#[test]
fn a_mastodon_reply_names_the_author_and_the_others_never_the_answering_account() {
    use attache::services::conversations::assemble;
    use attache::services::conversations::reply_start;
    let mut msg = item("7", None, 1.0);
    msg.author_handle = "@carol@elsewhere.test".into();
    msg.mentions = vec![
        "alice".into(),
        "bob@elsewhere.test".into(),
        "Carol@elsewhere.test".into(),
        "dan@autre.test".into(),
    ];
    let list = assemble("w", vec![msg.clone()], vec![], 2.0);
    assert_eq!(
        reply_start(&list[0], "@alice@social.test"),
        "@carol@elsewhere.test @bob@elsewhere.test @dan@autre.test "
    );
    // Bluesky: nothing (the reply's refs say whom it answers).
    msg.network = Network::Bluesky;
    let list = assemble("w", vec![msg], vec![], 2.0);
    assert_eq!(reply_start(&list[0], "@alice.test"), "");
}

#[test]
fn a_mastodon_reply_keeps_a_known_visibility_and_is_public_otherwise() {
    use attache::domain::reply_to::ReplyTo;
    let r = |v: &str| ReplyTo {
        conversation: "k".into(),
        parent: "1".into(),
        parent_cid: String::new(),
        root: String::new(),
        root_cid: String::new(),
        visibility: v.into(),
    };
    for v in ["public", "unlisted", "private", "direct"] {
        assert_eq!(r(v).mastodon_visibility(), v);
    }
    assert_eq!(r("").mastodon_visibility(), "public");
    assert_eq!(r("limited").mastodon_visibility(), "public");
}

#[test]
fn the_filter_keeps_a_network_and_conversations_where_they_asked_something() {
    use attache::services::conversations::{assemble, Filter};
    let mut asked = item("1", None, 1.0);
    asked.html = "<p>Vous ouvrez dimanche ?</p>".into();
    let thanks = item("2", None, 2.0);
    let mut sky = item("at://z/post/3", None, 3.0);
    sky.network = Network::Bluesky;
    sky.html = String::new();
    sky.text = "¿Abren el domingo".into();
    let list = assemble("w", vec![asked, thanks, sky], vec![], 10.0);
    let kept = |f: &Filter| -> Vec<String> {
        list.iter()
            .filter(|c| f.keeps(c))
            .map(|c| c.last().remote_id.clone())
            .collect()
    };
    let questions = Filter {
        question: true,
        ..Filter::default()
    };
    assert_eq!(kept(&questions), vec!["at://z/post/3", "1"]);
    let mastodon = Filter {
        network: Some(Network::Mastodon),
        ..Filter::default()
    };
    assert_eq!(kept(&mastodon), vec!["2", "1"]);
    assert_eq!(
        kept(&Filter {
            question: true,
            ..mastodon
        }),
        vec!["1"]
    );
}

#[test]
fn the_filter_keeps_a_priority_an_account_and_what_we_never_answered() {
    use attache::domain::conversation::{Change, Priority};
    use attache::services::conversations::{assemble, Filter, Tab};
    let urgent = item("1", None, 1.0);
    let answered = item("2", None, 2.0);
    let mut other_account = item("3", None, 3.0);
    other_account.account_id = "b".into();
    let mut list = assemble("w", vec![urgent, answered, other_account], vec![], 10.0);
    // Triage: "1" urgent, "2" answered (our reply in its history).
    for c in &mut list {
        match c.last().remote_id.as_str() {
            "1" => Change::Priority(Priority::Urgent).apply(&mut c.triage, 5.0),
            "2" => c.triage.replied(5.0),
            _ => {}
        }
    }
    let kept = |f: &Filter| -> Vec<String> {
        let mut k: Vec<String> = list
            .iter()
            .filter(|c| f.keeps(c))
            .map(|c| c.last().remote_id.clone())
            .collect();
        k.sort();
        k
    };
    let all = Filter {
        tab: Tab::All,
        ..Filter::default()
    };
    assert_eq!(
        kept(&Filter {
            priority: Some(Priority::Urgent),
            ..all.clone()
        }),
        vec!["1"]
    );
    assert_eq!(
        kept(&Filter {
            unanswered: true,
            ..all.clone()
        }),
        vec!["1", "3"]
    );
    assert_eq!(
        kept(&Filter {
            account: Some("b".into()),
            ..all.clone()
        }),
        vec!["3"]
    );
}

/// Grouped a few messages at a time (the search index gives way to the screen between
/// steps), the conversations are the ones grouped at once: every message once, a message
/// kept twice once, replies with their thread, each conversation oldest first.
#[test]
fn grouping_a_few_messages_at_a_time_gives_the_same_conversations() {
    // 400 messages: every third a reply to an earlier one, every 25th kept twice.
    let mut items: Vec<InboxItem> = (0..400u32)
        .map(|n| {
            let parent = (n % 3 == 1).then(|| format!("r{}", (n * 7) % n.max(1)));
            item(
                &format!("r{n}"),
                parent.as_deref(),
                f64::from((n * 37) % 400),
            )
        })
        .collect();
    items.extend(
        (0..400)
            .step_by(25)
            .map(|n| item(&format!("r{n}"), None, 0.0)),
    );
    let whole = group(&items);
    let ids = |convs: &[attache::domain::conversation::Conversation]| {
        convs
            .iter()
            .map(|c| (c.key.clone(), c.items.clone(), c.first_at, c.last_at))
            .collect::<Vec<_>>()
    };
    for budget in [1, 7, 50, 399, 400, 10_000] {
        let mut grouping = Grouping::new(&items);
        let mut steps = 1;
        while !grouping.step(budget) {
            steps += 1;
        }
        // Each message is taken at most three times: its remote id known, into its
        // conversation, its conversation put in order (a step of that at least).
        let each = items.len().div_ceil(budget);
        assert!(
            (2 * each + 1..=3 * each).contains(&steps),
            "budget {budget}: {steps} steps"
        );
        assert_eq!(
            ids(&grouping.conversations()),
            ids(&whole),
            "budget {budget}"
        );
    }
    let mut seen: Vec<usize> = whole.iter().flat_map(|c| c.items.clone()).collect();
    seen.sort_unstable();
    assert_eq!(
        seen,
        (0..400).collect::<Vec<_>>(),
        "every message once, the copies left out"
    );
    assert!(
        whole.iter().any(|c| c.items.len() > 1),
        "replies are grouped"
    );
    for c in &whole {
        assert!(c.items.windows(2).all(|w| items[w[0]].at <= items[w[1]].at));
    }
    assert!(whole.windows(2).all(|w| w[0].last_at >= w[1].last_at));
}
