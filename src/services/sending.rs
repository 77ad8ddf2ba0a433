//! What sending and syncing through any network's API can end with, shared by the Mastodon
//! and Bluesky services and read by the UI.

use crate::domain::post::SendProblem;
use crate::store::StoreError;

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
