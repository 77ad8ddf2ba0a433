//! One attempt at one row: the network's send (which saves every step on the post), and its
//! end read as an [`Outcome`] for the policy in `domain/outbox.rs`.

use crate::domain::network::Network;
use crate::domain::outbox::{OutboxItem, Outcome};
use crate::domain::post::SendProblem;
use crate::services::sending::PublishError;
use crate::services::{bluesky, mastodon};
use crate::store::Db;

/// How the attempt ended: an outcome for the policy, or the post is gone (the row is done).
pub enum Ended {
    Outcome(Outcome),
    PostGone,
}

/// Sends the row's post to its network. `check_first`: an earlier attempt may have gone
/// through unseen, so the server is asked before anything is written again.
pub async fn run(db: &Db, row: &OutboxItem, check_first: bool) -> Ended {
    let result = match row.network {
        Network::Mastodon => {
            let since = check_first.then(|| row.first_attempt_at.unwrap_or(row.created_at));
            mastodon::publish::publish_now(db, &row.post_id, since).await
        }
        Network::Bluesky => bluesky::publish::publish_now(db, &row.post_id, check_first).await,
        _ => Err(PublishError::NoPost),
    };
    match result {
        Ok(_) => Ended::Outcome(Outcome::Sent),
        Err(PublishError::NoPost) => Ended::PostGone,
        Err(PublishError::Stopped(problem)) => Ended::Outcome(outcome_of(&problem)),
        // The device could not save a step (full disk, closed database): nothing is known to
        // have gone wrong on the server; try again later, asking first.
        Err(PublishError::Store(_)) => Ended::Outcome(Outcome::NetworkError),
    }
}

/// The outcome behind the stop a network's send kept on the post.
pub fn outcome_of(problem: &SendProblem) -> Outcome {
    match problem {
        SendProblem::RateLimited { until } => Outcome::RateLimited {
            reset_at: *until,
            retry_after_s: None,
        },
        SendProblem::Reconnect | SendProblem::NoAccount => Outcome::Unauthorized,
        SendProblem::Rejected { message } => Outcome::Rejected {
            status: 422,
            message: message.clone(),
        },
        // No answer, or 5xx after the network's own quick retries: it may have arrived.
        SendProblem::Unreachable => Outcome::NetworkError,
        SendProblem::HeldGone => Outcome::Rejected {
            status: 404,
            message: String::new(),
        },
    }
}
