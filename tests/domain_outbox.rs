//! The outbox's retry policy: the decision table for every outcome on Mastodon and Bluesky,
//! inside and outside Mastodon's idempotency window, the lease of a send (kept alive while it
//! runs, taken again once abandoned), the per-account stop, and posts found late. (The
//! backoff and the server's waits themselves: `domain_retry.rs`.)

use std::collections::HashSet;

use attache::domain::network::Network;
use attache::domain::outbox::{
    blocked_accounts, decide, late_decision, next_due, Decision, ItemState, Late, OutboxItem,
    Start, Why, KEEP_LEASE_EVERY_MS, LEASE_MS, SLOWEST_TIMER_MS,
};
use attache::domain::post::{Post, RemoteSend, SendProblem};
use attache::domain::retry::{Outcome, REQUEST_TIMEOUT_MS};

const SECOND: f64 = 1_000.0;
const MINUTE: f64 = 60.0 * SECOND;
const HOUR: f64 = 60.0 * MINUTE;
/// 2027-01-15, any instant far from zero will do.
const NOW: f64 = 1_800_000_000_000.0;

const M: Network = Network::Mastodon;
const B: Network = Network::Bluesky;

fn item(network: Network, account: &str, id: &str, due: f64) -> OutboxItem {
    let post = Post::new(format!("post-{id}"), "ws-1".into(), due);
    let remote = RemoteSend::new(format!("key-{id}"), account.into());
    OutboxItem::new(id.into(), &post, network, &remote, due, due)
}

/// An item whose first request left at `first` and is waiting for its answer.
fn in_flight(network: Network, first: f64) -> OutboxItem {
    let mut it = item(network, "acct-1", "a", first);
    assert_eq!(it.start(first), Start::Send);
    it
}

fn rate_limited(reset_at: Option<f64>, retry_after_s: Option<f64>) -> Outcome {
    Outcome::RateLimited {
        reset_at,
        retry_after_s,
    }
}

fn rejected(status: u16, message: &str) -> Outcome {
    Outcome::Rejected {
        status,
        message: message.into(),
    }
}

/// Every outcome by name; a new variant does not compile until the table covers it.
fn name(o: &Outcome) -> &'static str {
    match o {
        Outcome::Sent => "sent",
        Outcome::Offline => "offline",
        Outcome::NetworkError => "network error",
        Outcome::ServerError(_) => "5xx",
        Outcome::RateLimited { .. } => "429",
        Outcome::Unauthorized => "401",
        Outcome::Forbidden => "403",
        Outcome::Rejected { .. } => "422",
    }
}

#[test]
fn decision_table_covers_every_outcome_on_both_networks_inside_and_after_the_key_window() {
    use Decision::*;
    // First attempt 10 minutes ago (Mastodon's key still good) or 2 hours ago (expired).
    let (inside, after) = (10.0 * MINUTE, 2.0 * HOUR);
    let retry = RetryAt(NOW + SECOND);
    let check = CheckFirstThenRetryAt(NOW + SECOND);
    let edit = Stop(Why::Edit {
        message: "Text character limit of 500 exceeded".into(),
    });
    let too_long = || rejected(422, "Text character limit of 500 exceeded");
    let rows: Vec<(Outcome, Network, f64, Decision)> = vec![
        (Outcome::Sent, M, inside, Done),
        (Outcome::Sent, M, after, Done),
        (Outcome::Sent, B, inside, Done),
        (Outcome::Sent, B, after, Done),
        (Outcome::Offline, M, inside, WaitForOnline),
        (Outcome::Offline, M, after, WaitForOnline),
        (Outcome::Offline, B, inside, WaitForOnline),
        (Outcome::Offline, B, after, WaitForOnline),
        (Outcome::NetworkError, M, inside, retry.clone()),
        (Outcome::NetworkError, M, after, check.clone()),
        (Outcome::NetworkError, B, inside, check.clone()),
        (Outcome::NetworkError, B, after, check.clone()),
        (Outcome::ServerError(503), M, inside, retry.clone()),
        (Outcome::ServerError(502), M, after, check.clone()),
        (Outcome::ServerError(500), B, inside, check.clone()),
        (Outcome::ServerError(504), B, after, check.clone()),
        (rate_limited(None, None), M, inside, retry.clone()),
        (rate_limited(None, None), M, after, retry.clone()),
        (rate_limited(None, None), B, inside, retry.clone()),
        (rate_limited(None, None), B, after, retry.clone()),
        (Outcome::Unauthorized, M, inside, Stop(Why::Reconnect)),
        (Outcome::Unauthorized, M, after, Stop(Why::Reconnect)),
        (Outcome::Unauthorized, B, inside, Stop(Why::Reconnect)),
        (Outcome::Unauthorized, B, after, Stop(Why::Reconnect)),
        (Outcome::Forbidden, M, inside, Stop(Why::Reconnect)),
        (Outcome::Forbidden, M, after, Stop(Why::Reconnect)),
        (Outcome::Forbidden, B, inside, Stop(Why::Reconnect)),
        (Outcome::Forbidden, B, after, Stop(Why::Reconnect)),
        (too_long(), M, inside, edit.clone()),
        (too_long(), M, after, edit.clone()),
        (too_long(), B, inside, edit.clone()),
        (too_long(), B, after, edit.clone()),
    ];
    let mut seen = HashSet::new();
    for (outcome, network, ago, expected) in &rows {
        let it = in_flight(*network, NOW - ago);
        assert_eq!(
            decide(&it, outcome, NOW, 0.0),
            *expected,
            "{outcome:?} on {network:?}, first attempt {} min ago",
            ago / MINUTE
        );
        seen.insert((name(outcome), *network, *ago as i64));
    }
    assert_eq!(seen.len(), 8 * 2 * 2, "every outcome × network × window");
}

#[test]
fn mastodon_resends_with_its_key_until_55_minutes_after_the_first_attempt_then_checks() {
    let first = NOW - HOUR;
    let it = in_flight(M, first);
    // The retry (1 s later) lands exactly 55 minutes after the first attempt: the key holds.
    let edge = first + 55.0 * MINUTE - SECOND;
    assert_eq!(
        decide(&it, &Outcome::NetworkError, edge, 0.0),
        Decision::RetryAt(first + 55.0 * MINUTE)
    );
    // One millisecond later the retry falls outside: the recent statuses are read first.
    assert_eq!(
        decide(&it, &Outcome::NetworkError, edge + 1.0, 0.0),
        Decision::CheckFirstThenRetryAt(first + 55.0 * MINUTE + 1.0)
    );
}

#[test]
fn a_mastodon_retry_reached_after_the_window_checks_first_though_decided_inside_it() {
    let mut it = in_flight(M, NOW);
    assert_eq!(
        it.record(Outcome::NetworkError, NOW + 10.0 * SECOND, 0.0),
        Decision::RetryAt(NOW + 11.0 * SECOND)
    );
    let mut reopened = it.clone();
    // Sent again a few seconds later: same key, the server answers with the first status.
    assert_eq!(it.start(NOW + 12.0 * SECOND), Start::Send);
    // The laptop was closed until two hours later: the key is gone, ask first.
    assert_eq!(reopened.start(NOW + 2.0 * HOUR), Start::CheckFirst);
}

#[test]
fn bluesky_never_writes_twice_without_asking_for_the_record_after_no_answer() {
    let mut it = in_flight(B, NOW);
    assert!(matches!(
        it.record(Outcome::NetworkError, NOW, 0.0),
        Decision::CheckFirstThenRetryAt(_)
    ));
    assert_eq!(it.start(NOW + 2.0 * SECOND), Start::CheckFirst);
    // Then a 429: that request wrote nothing, but the first one still may have.
    assert!(matches!(
        it.record(rate_limited(None, Some(30.0)), NOW + 3.0 * SECOND, 0.0),
        Decision::CheckFirstThenRetryAt(_)
    ));
    assert_eq!(it.start(NOW + HOUR), Start::CheckFirst);
    // The record was there: done, nothing more to ask.
    assert_eq!(it.record(Outcome::Sent, NOW + HOUR, 0.0), Decision::Done);
    assert_eq!(it.state, ItemState::Sent);
    assert!(!it.maybe_sent);
    assert_eq!(it.last_error, None);
}

#[test]
fn four_unanswered_attempts_wait_one_two_four_then_eight_seconds() {
    let mut it = item(M, "acct-1", "a", NOW);
    let mut waits = vec![];
    let mut now = NOW;
    for _ in 0..4 {
        assert_eq!(it.start(now), Start::Send);
        match it.record(Outcome::ServerError(503), now, 0.0) {
            Decision::RetryAt(at) => {
                waits.push((at - now) / SECOND);
                now = at;
            }
            other => panic!("expected a retry, got {other:?}"),
        }
    }
    assert_eq!(waits, vec![1.0, 2.0, 4.0, 8.0]);
    assert_eq!(it.attempts, 4);
    assert_eq!(it.last_error, Some(Outcome::ServerError(503)));
}

#[test]
fn offline_counts_no_attempt_and_leaves_the_item_due_for_the_online_event() {
    let mut it = in_flight(B, NOW);
    assert_eq!(
        it.record(Outcome::Offline, NOW, 0.0),
        Decision::WaitForOnline
    );
    assert_eq!(it.attempts, 0);
    assert_eq!(it.state, ItemState::Waiting);
    assert!(!it.maybe_sent, "nothing left the device");
    assert_eq!(
        next_due(std::slice::from_ref(&it), NOW).map(|i| &i.id),
        Some(&it.id)
    );
    assert_eq!(it.start(NOW + MINUTE), Start::Send, "no check needed");
}

#[test]
fn a_refused_post_stops_with_the_servers_words() {
    let mut it = in_flight(M, NOW);
    let outcome = rejected(
        422,
        " Validation failed: Text character limit of 500 exceeded ",
    );
    it.record(outcome.clone(), NOW, 0.0);
    let message = "Validation failed: Text character limit of 500 exceeded".to_string();
    assert_eq!(
        it.state,
        ItemState::NeedsUser(Why::Edit {
            message: message.clone()
        })
    );
    assert_eq!(
        outcome.problem(NOW),
        Some(SendProblem::Rejected { message })
    );
}

#[test]
fn a_refusal_without_words_names_its_status() {
    let it = in_flight(B, NOW);
    assert_eq!(
        decide(&it, &rejected(413, ""), NOW, 0.0),
        Decision::Stop(Why::Edit {
            message: "HTTP 413".into()
        })
    );
}

#[test]
fn outcomes_map_to_the_problem_kept_on_the_post() {
    let reset = NOW + 4.0 * MINUTE;
    assert_eq!(Outcome::Sent.problem(NOW), None);
    assert_eq!(
        Outcome::NetworkError.problem(NOW),
        Some(SendProblem::Unreachable)
    );
    assert_eq!(
        Outcome::Forbidden.problem(NOW),
        Some(SendProblem::Reconnect)
    );
    assert_eq!(
        rate_limited(Some(reset), Some(10.0)).problem(NOW),
        Some(SendProblem::RateLimited { until: Some(reset) })
    );
    assert_eq!(
        rate_limited(Some(NOW - MINUTE), None).problem(NOW),
        Some(SendProblem::RateLimited { until: None })
    );
}

#[test]
fn the_earliest_due_item_goes_first_and_future_ones_wait() {
    let items = vec![
        item(M, "acct-1", "later", NOW - MINUTE),
        item(B, "acct-2", "future", NOW + MINUTE),
        item(M, "acct-1", "earliest", NOW - 5.0 * MINUTE),
    ];
    assert_eq!(next_due(&items, NOW).unwrap().id, "earliest");
    let rest = &items[..2];
    assert_eq!(next_due(rest, NOW).unwrap().id, "later");
    assert_eq!(next_due(&items[1..2], NOW), None);
    assert_eq!(next_due(&items[1..2], NOW + MINUTE).unwrap().id, "future");
}

#[test]
fn items_due_together_go_in_the_order_they_were_queued() {
    let mut older = item(M, "acct-1", "zz-older", NOW - HOUR);
    let mut newer = item(M, "acct-1", "aa-newer", NOW - MINUTE);
    older.next_try_at = NOW;
    newer.next_try_at = NOW;
    assert_eq!(next_due(&[newer, older], NOW).unwrap().id, "zz-older");
}

#[test]
fn sent_cancelled_and_stopped_items_are_never_due() {
    let mut items = vec![];
    for (id, state) in [
        ("sent", ItemState::Sent),
        ("cancelled", ItemState::Cancelled),
        ("late", ItemState::NeedsUser(Why::LateDecision)),
        (
            "edit",
            ItemState::NeedsUser(Why::Edit {
                message: "x".into(),
            }),
        ),
    ] {
        let mut it = item(M, "acct-1", id, NOW - HOUR);
        it.state = state;
        items.push(it);
    }
    assert_eq!(next_due(&items, NOW), None);
}

#[test]
fn a_send_abandoned_by_a_crashed_tab_is_taken_again_after_two_minutes_and_checked() {
    let mut it = item(B, "acct-1", "a", NOW);
    assert_eq!(it.start(NOW), Start::Send);
    let due = |it: &OutboxItem, at: f64| next_due(std::slice::from_ref(it), at).is_some();
    assert!(!due(&it, NOW + 2.0 * MINUTE - 1.0), "still leased");
    assert!(due(&it, NOW + 2.0 * MINUTE));
    assert_eq!(it.start(NOW + 2.0 * MINUTE), Start::CheckFirst);
    assert_eq!(it.attempts, 1, "the abandoned attempt counts");
    assert!(it.maybe_sent);
}

#[test]
fn an_abandoned_mastodon_send_is_resent_with_its_key_inside_the_window() {
    let mut it = in_flight(M, NOW);
    assert_eq!(it.start(NOW + 3.0 * MINUTE), Start::Send);
    let mut late = in_flight(M, NOW);
    assert_eq!(late.start(NOW + HOUR), Start::CheckFirst);
}

/// An attempt of 30 requests each unanswered until the network layer gives up, its lease
/// renewed every `gap` (saved 50 ms later): at no instant is the row due to another run.
fn leased_through_a_long_attempt(gap: f64) -> OutboxItem {
    let mut it = in_flight(B, NOW);
    let end = NOW + 30.0 * REQUEST_TIMEOUT_MS;
    let mut t = NOW;
    while t < end {
        for probe in [t + 1.0, t + gap / 2.0, t + gap + 49.0] {
            assert_eq!(
                next_due(std::slice::from_ref(&it), probe),
                None,
                "renewed every {gap} ms: taken {} ms into the attempt",
                probe - NOW
            );
        }
        t += gap + 50.0;
        it.keep_lease(t);
    }
    it
}

#[test]
fn a_send_that_keeps_its_lease_is_never_taken_by_another_run_however_long_it_lasts() {
    leased_through_a_long_attempt(KEEP_LEASE_EVERY_MS);
    // The renewal of a hidden page, its timer delayed as much as a browser delays one.
    let it = leased_through_a_long_attempt(KEEP_LEASE_EVERY_MS + SLOWEST_TIMER_MS);
    assert_eq!(it.attempts, 0, "renewals are not attempts");
    assert_eq!(it.state, ItemState::Sending);
}

#[test]
fn a_send_that_stops_renewing_its_lease_is_taken_again_a_lease_later_and_checked() {
    let mut it = in_flight(B, NOW);
    let last = NOW + 10.0 * KEEP_LEASE_EVERY_MS;
    it.keep_lease(last);
    let due = |it: &OutboxItem, at: f64| next_due(std::slice::from_ref(it), at).is_some();
    assert!(!due(&it, last + LEASE_MS - 1.0));
    assert!(due(&it, last + LEASE_MS));
    assert_eq!(it.start(last + LEASE_MS), Start::CheckFirst);
    assert_eq!(it.attempts, 1);
}

#[test]
fn a_renewal_after_the_attempt_ended_changes_nothing() {
    let mut it = in_flight(M, NOW);
    let decision = it.record(Outcome::ServerError(502), NOW + SECOND, 0.0);
    let recorded = it.clone();
    it.keep_lease(NOW + KEEP_LEASE_EVERY_MS);
    assert_eq!(it, recorded, "{decision:?}");
}

#[test]
fn a_refused_token_stops_only_that_account() {
    let mut stopped = in_flight(M, NOW - HOUR);
    stopped.record(Outcome::Unauthorized, NOW - HOUR, 0.0);
    let items = vec![
        stopped,
        item(M, "acct-1", "same-account", NOW - 30.0 * MINUTE),
        item(B, "acct-2", "other-account", NOW - MINUTE),
    ];
    assert_eq!(blocked_accounts(&items), vec!["acct-1"]);
    assert_eq!(next_due(&items, NOW).unwrap().id, "other-account");
    assert_eq!(items[1].state, ItemState::Waiting, "kept for later");
}

#[test]
fn an_account_is_listed_once_and_only_a_refused_token_blocks_it() {
    let mut items = vec![];
    for (id, account, why) in [
        ("a", "acct-1", Why::Reconnect),
        ("b", "acct-1", Why::Reconnect),
        (
            "c",
            "acct-2",
            Why::Edit {
                message: "no".into(),
            },
        ),
        ("d", "acct-3", Why::LateDecision),
    ] {
        let mut it = item(M, account, id, NOW);
        it.state = ItemState::NeedsUser(why);
        items.push(it);
    }
    items.push(item(B, "acct-2", "e", NOW));
    assert_eq!(blocked_accounts(&items), vec!["acct-1"]);
    assert_eq!(next_due(&items, NOW).unwrap().id, "e");
}

#[test]
fn after_signing_in_again_the_account_goes_on_and_its_key_window_is_kept() {
    let first = NOW - 2.0 * HOUR;
    let mut stopped = in_flight(M, first);
    stopped.record(Outcome::NetworkError, first, 0.0);
    assert_eq!(stopped.start(first + SECOND), Start::Send);
    stopped.record(Outcome::Unauthorized, first + SECOND, 0.0);
    let mut items = vec![stopped, item(M, "acct-1", "b", NOW - HOUR)];
    assert_eq!(next_due(&items, NOW), None);
    items[0].retry_now(NOW);
    assert!(blocked_accounts(&items).is_empty());
    assert_eq!(items[0].attempts, 0, "backoff starts again");
    assert_eq!(items[0].first_attempt_at, Some(first));
    assert_eq!(next_due(&items, NOW).unwrap().id, "b", "due an hour ago");
    // The unanswered attempt two hours ago may be out: ask before sending it again.
    assert_eq!(items[0].start(NOW), Start::CheckFirst);
}

#[test]
fn a_post_up_to_fifteen_minutes_late_still_goes_out_by_itself() {
    let due = NOW;
    assert_eq!(late_decision(due, due - HOUR, false), Late::SendNow);
    assert_eq!(late_decision(due, due, false), Late::SendNow);
    assert_eq!(
        late_decision(due, due + 15.0 * MINUTE, false),
        Late::SendNow
    );
    assert_eq!(
        late_decision(due, due + 15.0 * MINUTE + 1.0, false),
        Late::AskUser
    );
}

#[test]
fn sending_late_automatically_never_means_hours_late() {
    let due = NOW;
    assert_eq!(late_decision(due, due + 40.0 * MINUTE, true), Late::SendNow);
    assert_eq!(late_decision(due, due + HOUR, true), Late::SendNow);
    assert_eq!(late_decision(due, due + HOUR + 1.0, true), Late::AskUser);
    assert_eq!(late_decision(due, due + 5.0 * HOUR, true), Late::AskUser);
    assert_eq!(late_decision(f64::NAN, due, true), Late::AskUser);
}

#[test]
fn choosing_to_send_a_late_post_sends_it_without_asking_again() {
    let mut it = item(B, "acct-1", "a", NOW - 3.0 * HOUR);
    assert_eq!(late_decision(it.due_at, NOW, false), Late::AskUser);
    it.state = ItemState::NeedsUser(Why::LateDecision);
    it.retry_now(NOW + MINUTE);
    assert_eq!(late_decision(it.due_at, NOW + MINUTE, false), Late::SendNow);
    assert_eq!(it.start(NOW + MINUTE), Start::Send);
}

#[test]
fn nothing_is_sent_for_an_item_already_sent_or_cancelled() {
    let mut it = in_flight(M, NOW);
    it.record(Outcome::Sent, NOW, 0.0);
    assert_eq!(it.start(NOW + HOUR), Start::Nothing);
    assert_eq!(it.state, ItemState::Sent);
}

#[test]
fn an_item_survives_a_save_and_a_reload() {
    let mut it = in_flight(B, NOW);
    it.record(rejected(400, "Invalid app.bsky.feed.post record"), NOW, 0.0);
    let json = serde_json::to_string(&it).unwrap();
    let back: OutboxItem = serde_json::from_str(&json).unwrap();
    assert_eq!(back, it);
}

#[test]
fn a_row_saved_without_the_optional_fields_reads_as_never_tried() {
    let json = r#"{"id":"o1","workspace_id":"ws-1","post_id":"p1","network":"mastodon",
        "account_id":"acct-1","key":"k1","created_at":1.0,"due_at":2.0,"next_try_at":2.0,
        "state":"waiting"}"#;
    let it: OutboxItem = serde_json::from_str(json).unwrap();
    assert_eq!(it.attempts, 0);
    assert_eq!(it.first_attempt_at, None);
    assert!(!it.maybe_sent);
    assert_eq!(it.last_error, None);
}

#[test]
fn a_new_leader_takes_a_row_left_mid_send_at_once_and_counts_that_attempt() {
    let mut it = in_flight(M, NOW);
    assert_eq!(it.next_try_at, NOW + 2.0 * MINUTE, "under a lease");
    it.reclaim(NOW + 5.0 * SECOND);
    assert_eq!(it.next_try_at, NOW + 5.0 * SECOND);
    assert_eq!(
        next_due(std::slice::from_ref(&it), NOW + 5.0 * SECOND).map(|i| i.id.as_str()),
        Some("a")
    );
    assert_eq!(
        it.start(NOW + 5.0 * SECOND),
        Start::Send,
        "Mastodon's key still holds"
    );
    assert_eq!(it.attempts, 1);
    assert!(it.maybe_sent);
    let mut bsky = in_flight(B, NOW);
    bsky.reclaim(NOW + SECOND);
    assert_eq!(
        bsky.start(NOW + SECOND),
        Start::CheckFirst,
        "Bluesky asks getRecord first"
    );
    // a row that is only waiting keeps its time
    let mut waiting = item(M, "acct-1", "w", NOW + HOUR);
    waiting.reclaim(NOW);
    assert_eq!(waiting.next_try_at, NOW + HOUR);
}

#[test]
fn coming_back_online_brings_network_failures_forward_and_nothing_else() {
    let mut net = in_flight(M, NOW);
    net.record(Outcome::NetworkError, NOW, 0.0);
    let mut limited = in_flight(M, NOW);
    limited.record(rate_limited(Some(NOW + 30.0 * SECOND), None), NOW, 0.0);
    let later = NOW + 500.0;
    net.network_back(later);
    limited.network_back(later);
    assert_eq!(net.next_try_at, later);
    assert_eq!(
        limited.next_try_at,
        NOW + 30.0 * SECOND,
        "a 429 still waits for its reset"
    );
}

#[test]
fn cancel_is_refused_while_a_tab_is_sending() {
    let mut sending = in_flight(M, NOW);
    assert!(!sending.cancel());
    assert_eq!(sending.state, ItemState::Sending);
    let mut waiting = item(B, "acct-2", "b", NOW);
    assert!(waiting.cancel());
    assert_eq!(waiting.state, ItemState::Cancelled);
    assert!(!waiting.is_open());
    let mut stopped = in_flight(M, NOW);
    stopped.record(Outcome::Unauthorized, NOW, 0.0);
    assert!(stopped.is_open());
    assert!(stopped.cancel());
}

#[test]
fn the_badge_counts_open_rows_and_done_rows_are_forgotten_after_a_week() {
    let mut sent = in_flight(M, NOW);
    sent.record(Outcome::Sent, NOW, 0.0);
    let waiting = item(B, "acct-2", "b", NOW);
    let mut stopped = item(M, "acct-1", "c", NOW);
    let _ = stopped.start(NOW);
    stopped.record(rejected(422, "Text too long"), NOW, 0.0);
    let all = vec![sent.clone(), waiting, stopped];
    assert_eq!(attache::domain::outbox::pending_count(&all), 2);
    assert!(attache::domain::outbox::expired(&all, NOW + 6.0 * 24.0 * HOUR).is_empty());
    assert_eq!(
        attache::domain::outbox::expired(&all, NOW + 8.0 * 24.0 * HOUR),
        vec![sent.id.clone()],
        "only the sent row, never an open one"
    );
}

#[test]
fn a_status_is_recognised_by_its_text_not_its_links_or_spacing() {
    use attache::domain::outbox::same_text;
    assert!(same_text(
        "Soirée dégustation jeudi",
        "Soirée  dégustation\njeudi"
    ));
    assert!(same_text(
        "Le menu est ici https://cafe.example/menu-hiver #Lyon",
        "Le menu est ici cafe.example/menu-hi… #Lyon"
    ));
    assert!(!same_text(
        "Soirée dégustation jeudi",
        "Soirée dégustation vendredi"
    ));
    assert!(!same_text("", ""), "an empty text matches nothing");
    assert!(!same_text("Part 1", "Part 1 of 3"));
}
