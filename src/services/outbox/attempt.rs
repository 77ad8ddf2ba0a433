//! One attempt at one row: the network's send (which saves every step on the post and tries
//! each request once), and its end read as an [`Outcome`] for the policy in
//! `domain/outbox.rs` — the only place a send is retried.

use crate::domain::network::Network;
use crate::domain::outbox::OutboxItem;
use crate::domain::post::{RemoteSend, SendProblem};
use crate::domain::retry::Outcome;
use crate::services::sending::PublishError;
use crate::services::{bluesky, mastodon};
use crate::store::{self, Db};

/// How the attempt ended: an outcome for the policy, or the post is gone (the row is done).
pub enum Ended {
    Outcome(Outcome),
    PostGone,
}

/// Sends the row's post to its network. `check_first`: an earlier attempt may have gone
/// through unseen, so the server is asked before anything is written again.
pub async fn run(db: &Db, row: &OutboxItem, check_first: bool) -> Ended {
    if keep_row_keys(db, row).await.is_err() {
        return Ended::Outcome(Outcome::NetworkError);
    }
    let result = match row.network {
        Network::Mastodon => {
            let since = check_first.then(|| row.first_attempt_at.unwrap_or(row.created_at));
            mastodon::publish::publish_now(db, &row.post_id, since).await
        }
        Network::Bluesky => bluesky::publish::publish_now(db, &row.post_id, check_first).await,
        _ => Err(PublishError::NoPost),
    };
    match result {
        Ok(_) => {
            // A reply from the Inbox: its conversation now waits on them. The send stands
            // even if this cannot be saved (the triage is shown as it was).
            let _ = crate::services::conversations::replied(db, &row.post_id).await;
            Ended::Outcome(Outcome::Sent)
        }
        Err(PublishError::NoPost) => Ended::PostGone,
        Err(PublishError::Stopped(problem)) => Ended::Outcome(outcome_of(&problem)),
        // The device could not save a step (full disk, closed database): nothing is known to
        // have gone wrong on the server; try again later, asking first.
        Err(PublishError::Store(_)) => Ended::Outcome(Outcome::NetworkError),
    }
}

/// The keys chosen when the send was decided are the row's: if the post's copy lost or
/// changed them (an older copy saved over it), they are put back before anything is sent.
async fn keep_row_keys(db: &Db, row: &OutboxItem) -> Result<(), crate::store::StoreError> {
    let Some(mut post) = store::posts::get(db, &row.post_id).await? else {
        return Ok(());
    };
    let Some(v) = post.variants.iter_mut().find(|v| v.network == row.network) else {
        return Ok(());
    };
    let remote = v
        .remote
        .get_or_insert_with(|| RemoteSend::new(String::new(), row.account_id.clone()));
    let bluesky = row.network == Network::Bluesky;
    let same = remote.key == row.key && (!bluesky || remote.rkeys.first() == Some(&row.key));
    if same {
        return Ok(());
    }
    remote.key = row.key.clone();
    if bluesky {
        match remote.rkeys.first_mut() {
            Some(first) => *first = row.key.clone(),
            None => remote.rkeys.push(row.key.clone()),
        }
    }
    store::posts::put_send(db, &post).await
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
        // No answer, or a 5xx: it may have arrived.
        SendProblem::Unreachable => Outcome::NetworkError,
        SendProblem::HeldGone => Outcome::Rejected {
            status: 404,
            message: String::new(),
        },
    }
}
