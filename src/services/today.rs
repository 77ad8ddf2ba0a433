//! Gathers what the Today screen shows for one workspace, once: its posts, the conversations
//! that wait (and the snoozed ones), accounts and strategy, the objectives at risk or without figures, the daily routine (the default one
//! until the user saves theirs), and the health audit over all of it.

use crate::domain::account::Account;
use crate::domain::audit::{run, AuditInput, Finding};
use crate::domain::library::{Body, SnippetKind};
use crate::domain::objectives::{progress, Objective, Progress, Standing};
use crate::domain::post::Post;
use crate::domain::routine::{default_routine, DefaultStep, Routine};
use crate::domain::strategy::Strategy;
use crate::services::clock::now_ms;
use crate::services::objectives::figures;
use crate::store::{self, Db, StoreError};

/// Everything the screen shows, loaded once.
#[derive(Clone)]
pub struct TodayData {
    pub posts: Vec<Post>,
    /// What waits in the Inbox, and what comes back from a snooze.
    pub answering: super::conversations::Answering,
    /// When the newest message was written.
    pub latest_message: Option<f64>,
    pub accounts: Vec<Account>,
    pub strategy: Strategy,
    pub at_risk: Vec<Objective>,
    /// Objectives with no figure yet (no account connected, nothing published).
    pub no_data: usize,
    pub routine: Routine,
    pub audit: Vec<Finding>,
}

/// `step_label` words the default routine's steps, in the user's language, until the user saves
/// a routine of their own.
pub async fn load(
    db: &Db,
    ws: &str,
    step_label: impl Fn(DefaultStep) -> String,
) -> Result<TodayData, StoreError> {
    let now = now_ms();
    let strategy = store::library::strategy(db, ws).await?;
    let measured = figures(db, ws, now).await?;
    let at_risk = strategy
        .objectives
        .iter()
        .filter(|o| {
            matches!(
                progress(o, &measured, now),
                Progress::Value {
                    standing: Standing::AtRisk,
                    ..
                }
            )
        })
        .cloned()
        .collect();
    let no_data = strategy
        .objectives
        .iter()
        .filter(|o| progress(o, &measured, now) == Progress::NoData)
        .count();
    let posts = store::posts::for_workspace(db, ws, u32::MAX).await?.items;
    let conversations = super::conversations::load(db, ws, now).await?;
    let answering =
        super::conversations::answering(&conversations, now, strategy.working_hours.as_ref());
    let latest_message = conversations.iter().map(|c| c.last_at).reduce(f64::max);
    let inbox = super::conversations::answered_messages(&conversations);
    let accounts = store::accounts::for_workspace(db, ws).await?;
    let followers: Vec<_> = store::inbox::latest_metrics(db, ws, 5_000)
        .await?
        .items
        .into_iter()
        .filter(|m| m.status_id.is_none())
        .collect();
    let signature = store::library::for_workspace(db, ws)
        .await?
        .into_iter()
        .find_map(|i| match i.body {
            Body::Snippet {
                snippet_kind: SnippetKind::Signature,
                text,
                ..
            } => Some(text),
            _ => None,
        });
    let routine = match store::library::routine(db, ws).await? {
        Some(r) => r,
        None => default_routine(ws, step_label, now),
    };
    let audit = run(&AuditInput {
        now,
        strategy: Some(&strategy),
        accounts: &accounts,
        posts: &posts,
        inbox: &inbox,
        follower_snapshots: &followers,
        last_report_viewed: strategy.report_viewed_at,
        signature: signature.as_deref(),
    });
    Ok(TodayData {
        posts,
        answering,
        latest_message,
        accounts,
        strategy,
        at_risk,
        no_data,
        routine,
        audit,
    })
}
