//! The sentiment hints the user corrected, per workspace (settings document
//! `sentiment:<workspace>`: a message's address → the tone the user gave it). A corrected
//! hint is what every figure uses for that message, in the Inbox, Listening and People.

use std::collections::HashMap;

use crate::domain::inbox::InboxItem;
use crate::domain::sentiment::{hint, Sentiment};
use crate::domain::spike::{crisis as crisis_of, Spike, LOOK_BACK_DAYS};
use crate::store::{self, Db, StoreError};

fn key(workspace_id: &str) -> String {
    format!("sentiment:{workspace_id}")
}

/// The workspace's corrections, by the message's address.
pub async fn corrections(
    db: &Db,
    workspace_id: &str,
) -> Result<HashMap<String, Sentiment>, StoreError> {
    store::settings_docs::get_or_default(db, &key(workspace_id)).await
}

/// Keeps the user's tone for the message at `url`, or forgets it (`None`: the hint again).
/// Returns the workspace's corrections as saved.
pub async fn correct(
    db: &Db,
    workspace_id: &str,
    url: &str,
    tone: Option<Sentiment>,
) -> Result<HashMap<String, Sentiment>, StoreError> {
    store::settings_docs::update(
        db,
        &key(workspace_id),
        |all: &mut HashMap<String, Sentiment>| {
            match tone {
                Some(t) => {
                    all.insert(url.to_string(), t);
                }
                None => {
                    all.remove(url);
                }
            }
            all.clone()
        },
    )
    .await
}

/// The tone a message counts as: the user's, else the hint worked out from its words.
pub fn tone(
    corrections: &HashMap<String, Sentiment>,
    url: &str,
    words: &str,
    lang: &str,
) -> Sentiment {
    corrections
        .get(url)
        .copied()
        .unwrap_or_else(|| hint(words, lang))
}

/// The words of a message: Bluesky's text, Mastodon's HTML read as text.
pub fn words_of(item: &InboxItem) -> String {
    if item.html.is_empty() {
        item.text.clone()
    } else {
        let tree = crate::domain::rich_text::parse_status_html(&item.html);
        crate::domain::rich_text::plain_text(&tree)
    }
}

/// Whether the hour before `now` is a crisis in the workspace's Inbox: its messages that
/// count as negative (the user's word, else the hint) against the same hour of the last
/// 14 days (`domain::spike::crisis`), watched from the first message kept.
pub async fn crisis(db: &Db, workspace_id: &str, now: f64) -> Result<Option<Spike>, StoreError> {
    let (first, _) = store::inbox::page(db, workspace_id, None, 1).await?;
    let Some(watched_from) = first.first().map(|i| i.at) else {
        return Ok(None);
    };
    let back = f64::from(LOOK_BACK_DAYS + 1) * 86_400_000.0;
    let items = store::inbox::between(db, workspace_id, now - back, now + 1.0).await?;
    let said = corrections(db, workspace_id).await?;
    let negative: Vec<f64> = items
        .iter()
        .filter(|i| !i.is_erased())
        .filter(|i| tone(&said, &i.url, &words_of(i), &i.profile.lang) == Sentiment::Negative)
        .map(|i| i.at)
        .collect();
    Ok(crisis_of(&negative, now, watched_from))
}
