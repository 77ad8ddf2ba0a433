//! What sending and syncing through any network's API can end with, shared by the Mastodon
//! and Bluesky services and read by the UI; a failed request's [`Outcome`] becomes what the
//! user is told through the policy of `domain/retry.rs`.

use crate::domain::post::SendProblem;
use crate::domain::retry::{read_problem, Outcome};
use crate::services::clock::now_ms;
use crate::store::StoreError;

/// The problem kept on a post (or shown) for a request that failed with `outcome`.
pub fn problem(outcome: Outcome) -> SendProblem {
    outcome
        .problem(now_ms())
        .unwrap_or(SendProblem::Unreachable)
}

#[derive(Debug, Clone, PartialEq)]
pub enum PublishError {
    /// The send stopped; the reason is also kept on the post.
    Stopped(SendProblem),
    Store(StoreError),
    /// The post is gone, has no variant for that network, or cannot move to the state asked.
    NoPost,
}

impl From<StoreError> for PublishError {
    fn from(e: StoreError) -> Self {
        PublishError::Store(e)
    }
}

/// How a post went.
#[derive(Debug, Clone, PartialEq)]
pub enum Sent {
    /// Published now; the first status's address.
    Published(String),
    /// Held by the server until the post's due time (Mastodon).
    Held,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SyncError {
    Stopped(SendProblem),
    Store(StoreError),
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::Store(e)
    }
}

impl From<SendProblem> for SyncError {
    fn from(p: SendProblem) -> Self {
        SyncError::Stopped(p)
    }
}

/// A sync makes one try per request: a failed one ends the sync, which reports it (the next
/// sync is the retry).
impl From<Outcome> for SyncError {
    fn from(o: Outcome) -> Self {
        SyncError::Stopped(read_problem(&o, now_ms()))
    }
}
