//! The one retry policy (`domain/retry.rs`) that sends and reads share: the backoff and its
//! jitter, the server's own waits (`Retry-After`, rate-limit reset), what each outcome leads
//! to, what a sync reports instead of retrying, and when a write asks the server first.

use attache::domain::network::Network;
use attache::domain::post::SendProblem;
use attache::domain::retry::{
    ask_first, backoff_ms, next, read_problem, Next, Outcome, MASTODON_KEY_SAFE_MS,
};

const SECOND: f64 = 1_000.0;
const MINUTE: f64 = 60.0 * SECOND;
/// 2027-01-15, any instant far from zero will do.
const NOW: f64 = 1_800_000_000_000.0;

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

#[test]
fn each_outcome_leads_to_done_a_wait_for_the_network_a_retry_or_a_stop() {
    let backoff = |tries: u32| Next::RetryAt(NOW + backoff_ms(tries + 1, 0.0));
    let cases = [
        (Outcome::Sent, Next::Done),
        (Outcome::Offline, Next::WaitForOnline),
        (Outcome::NetworkError, backoff(0)),
        (Outcome::ServerError(503), backoff(0)),
        (rate_limited(None, None), backoff(0)),
        (Outcome::Unauthorized, Next::Stop(SendProblem::Reconnect)),
        (Outcome::Forbidden, Next::Stop(SendProblem::Reconnect)),
        (
            rejected(422, " Text too long "),
            Next::Stop(SendProblem::Rejected {
                message: "Text too long".into(),
            }),
        ),
        (
            rejected(400, ""),
            Next::Stop(SendProblem::Rejected {
                message: "HTTP 400".into(),
            }),
        ),
    ];
    for (outcome, expected) in cases {
        assert_eq!(next(&outcome, 0, NOW, 0.0), expected, "{outcome:?}");
    }
    assert_eq!(next(&Outcome::NetworkError, 3, NOW, 0.0), backoff(3));
    assert_eq!(backoff(3), Next::RetryAt(NOW + 8.0 * SECOND));
}

#[test]
fn a_sync_reports_a_failed_read_instead_of_retrying_it() {
    let reset = NOW + 10.0 * MINUTE;
    let cases = [
        (Outcome::Offline, SendProblem::Unreachable),
        (Outcome::NetworkError, SendProblem::Unreachable),
        (Outcome::ServerError(502), SendProblem::Unreachable),
        (
            rate_limited(Some(reset), None),
            SendProblem::RateLimited { until: Some(reset) },
        ),
        (
            rate_limited(None, Some(60.0)),
            SendProblem::RateLimited {
                until: Some(NOW + MINUTE),
            },
        ),
        (
            rate_limited(Some(NOW - MINUTE), None),
            SendProblem::RateLimited { until: None },
        ),
        (Outcome::Unauthorized, SendProblem::Reconnect),
        (
            rejected(400, "Bad cursor"),
            SendProblem::Rejected {
                message: "Bad cursor".into(),
            },
        ),
    ];
    for (outcome, expected) in cases {
        assert_eq!(read_problem(&outcome, NOW), expected, "{outcome:?}");
    }
}

#[test]
fn a_write_asks_the_server_first_only_when_an_earlier_try_may_have_gone_through() {
    let first = NOW;
    let inside = NOW + MASTODON_KEY_SAFE_MS;
    let after = inside + 1.0;
    for at in [NOW, inside, after] {
        for network in [Network::Mastodon, Network::Bluesky] {
            assert!(!ask_first(network, false, first, at), "{network:?} at {at}");
        }
        assert!(
            ask_first(Network::Bluesky, true, first, at),
            "Bluesky has no key"
        );
    }
    assert!(
        !ask_first(Network::Mastodon, true, first, inside),
        "the key still holds"
    );
    assert!(
        ask_first(Network::Mastodon, true, first, after),
        "the key is forgotten"
    );
    assert!(
        ask_first(Network::Mastodon, true, f64::NAN, NOW),
        "unknown: ask"
    );
}

#[test]
fn backoff_doubles_from_one_second() {
    let waits: Vec<f64> = (1..=6).map(|n| backoff_ms(n, 0.0) / SECOND).collect();
    assert_eq!(waits, vec![1.0, 2.0, 4.0, 8.0, 16.0, 32.0]);
    assert_eq!(backoff_ms(0, 0.0), SECOND, "attempt 0 waits like the first");
}

#[test]
fn backoff_stops_growing_at_fifteen_minutes() {
    assert_eq!(backoff_ms(10, 0.0), 512.0 * SECOND);
    assert_eq!(backoff_ms(11, 0.0), 15.0 * MINUTE);
    assert_eq!(backoff_ms(40, 0.0), 15.0 * MINUTE);
    assert_eq!(backoff_ms(u32::MAX, 0.0), 15.0 * MINUTE);
    assert_eq!(backoff_ms(u32::MAX, 1.0), 18.75 * MINUTE);
}

#[test]
fn jitter_adds_at_most_a_quarter_of_the_wait() {
    for attempt in 1..=20 {
        let base = backoff_ms(attempt, 0.0);
        for jitter in [0.0, 0.1, 0.5, 0.999, 1.0] {
            let wait = backoff_ms(attempt, jitter);
            assert!(
                wait >= base && wait <= base * 1.25,
                "attempt {attempt}, jitter {jitter}: {wait} not in [{base}, {}]",
                base * 1.25
            );
        }
    }
    assert_eq!(backoff_ms(1, 0.5), 1_125.0);
}

#[test]
fn jitter_out_of_range_is_clamped_and_not_a_number_adds_nothing() {
    assert_eq!(backoff_ms(1, -3.0), 1_000.0);
    assert_eq!(backoff_ms(1, 7.0), 1_250.0);
    assert_eq!(backoff_ms(1, f64::NAN), 1_000.0);
}

#[test]
fn retry_after_is_honoured() {
    assert_eq!(
        next(&rate_limited(None, Some(120.0)), 0, NOW, 0.9),
        Next::RetryAt(NOW + 120.0 * SECOND)
    );
}

#[test]
fn the_rate_limit_reset_is_honoured() {
    let reset = NOW + 10.0 * MINUTE;
    assert_eq!(
        next(&rate_limited(Some(reset), None), 0, NOW, 0.9),
        Next::RetryAt(reset)
    );
}

#[test]
fn with_a_reset_and_a_retry_after_the_later_one_wins() {
    assert_eq!(
        next(&rate_limited(Some(NOW + MINUTE), Some(300.0)), 0, NOW, 0.0),
        Next::RetryAt(NOW + 5.0 * MINUTE)
    );
    assert_eq!(
        next(
            &rate_limited(Some(NOW + 9.0 * MINUTE), Some(60.0)),
            0,
            NOW,
            0.0
        ),
        Next::RetryAt(NOW + 9.0 * MINUTE)
    );
}

#[test]
fn a_reset_already_past_falls_back_to_the_normal_backoff() {
    assert_eq!(
        next(&rate_limited(Some(NOW - MINUTE), None), 0, NOW, 0.5),
        Next::RetryAt(NOW + 1_125.0)
    );
}

#[test]
/// After nine failures, the tenth waits 512 s.
fn a_server_wait_shorter_than_the_backoff_waits_the_backoff() {
    assert_eq!(
        next(&rate_limited(Some(NOW + SECOND), Some(5.0)), 9, NOW, 0.0),
        Next::RetryAt(NOW + 512.0 * SECOND)
    );
}

#[test]
fn nonsense_rate_limit_headers_are_ignored() {
    for outcome in [
        rate_limited(Some(f64::INFINITY), None),
        rate_limited(Some(f64::NAN), Some(f64::NAN)),
        rate_limited(None, Some(-30.0)),
        rate_limited(None, Some(f64::INFINITY)),
    ] {
        assert_eq!(
            next(&outcome, 0, NOW, 0.0),
            Next::RetryAt(NOW + SECOND),
            "{outcome:?}"
        );
    }
}
