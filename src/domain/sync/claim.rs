//! Exactly-once publishing across a team's devices: before sending a scheduled post, a
//! device writes a claim (`claim:<post>:<due>`, a new document with its device id). Two
//! devices that claim at once make two leaves of one document once replicated, and the
//! revision tree's winner rule picks the same one on every device: only the winner sends,
//! and only once its claim has been to the server and back (so it has seen any rival
//! claim made before). A claim whose device went quiet before sending can be taken over,
//! by an edit on top of it, which then wins everywhere.

use serde::{Deserialize, Serialize};

use super::rev_tree::{Branch, Rev, RevTree};

/// A claim as written in the claim document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub device: String,
    /// When it was claimed (UTC milliseconds, the claiming device's clock).
    pub at: f64,
}

/// A claim not sent within this time may be taken over by another device.
pub const TAKE_OVER_AFTER_MS: f64 = 10.0 * 60_000.0;

/// The claim document's id for one post at one due time (a post moved to another time is
/// claimed again).
pub fn doc_id(post_id: &str, due_at: f64) -> String {
    format!("claim:{post_id}:{}", due_at as i64)
}

/// The claim's body as stored (and hashed into its revision).
pub fn body(claim: &Claim) -> String {
    serde_json::to_string(claim).unwrap_or_default()
}

/// The branch a device writes to claim (`parent`: the claim it takes over, if any).
pub fn claim_branch(claim: &Claim, parent: Option<&Branch>) -> Branch {
    let rev = Rev::next(parent.map(|p| p.leaf()), &body(claim), false);
    let mut path = parent.map(|p| p.path.clone()).unwrap_or_default();
    path.push(rev);
    Branch {
        path,
        deleted: false,
    }
}

/// What this device does about a claimed post.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Its claim won and has been seen back from the server: send.
    Send,
    /// Its claim wins so far, but has not been to the server and back: wait.
    Wait,
    /// Another device's claim wins: do not send.
    Theirs { device: String },
    /// Another device claimed long ago and has not sent: take it over (write a claim on
    /// top of the winner).
    TakeOver,
}

/// The verdict for device `me` on a claim document's `tree`, with the body of each leaf
/// (`claim_of`), whether `me`'s claim has made the round trip to the server (`settled`),
/// and the time now.
pub fn verdict(
    tree: &RevTree,
    claim_of: impl Fn(&Rev) -> Option<Claim>,
    me: &str,
    settled: bool,
    now_ms: f64,
) -> Option<Verdict> {
    let winner = tree.winner()?;
    let claim = claim_of(winner.leaf())?;
    Some(if claim.device == me {
        if settled {
            Verdict::Send
        } else {
            Verdict::Wait
        }
    } else if now_ms - claim.at > TAKE_OVER_AFTER_MS {
        Verdict::TakeOver
    } else {
        Verdict::Theirs {
            device: claim.device,
        }
    })
}
