//! Bringing Bluesky home: the mentions, replies and quotes among the account's notifications
//! into the inbox, its likes, reposts and follows counted (newest first, paging back with the
//! cursor until the position remembered from the last sync, then `updateSeen`), the account's followers, follows and posts counts
//! as a snapshot, and the like, repost, reply and quote counts of the posts the app published
//! in the last 30 days (`getPosts`), kept on each post. Each request is tried once: a failure
//! ends the sync, which reports it as the policy says (`domain/retry.rs`); the next sync is
//! the retry.

use crate::domain::account::{Account, AccountStatus};
use crate::domain::inbox::{InboxItem, MetricSnapshot, TextLink};
use crate::domain::interaction::{Interaction, InteractionKind};
use crate::domain::network::Network;
use crate::domain::post::{PostMetrics, SendProblem};
use crate::domain::profile::Profile as AuthorProfile;
use crate::platforms::bluesky::entities::{
    web_url, Author, Notification, Notifications, Posts, Profile,
};
use crate::platforms::bluesky::record::{parent_of, text_and_links};
use crate::platforms::bluesky::{xrpc, WEB_APP};
use crate::platforms::timing::{iso_time, parse_time};
use crate::services::clock::now_ms;
use crate::services::sending::SyncError;
use crate::store::{self, Db};

use super::session::{self, account_for};

/// How far back the first sync of an account reads notifications (pages of 100).
const FIRST_SYNC_PAGES: usize = 10;
/// Pages read in one sync after the first (the rest comes at the next sync).
const MAX_PAGES: usize = 50;
/// Published posts whose counts are read at each sync.
const RECENT_MS: f64 = 30.0 * 24.0 * 3600.0 * 1000.0;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// New mentions, replies and quotes.
    pub mentions: usize,
    /// Published posts whose counts were read.
    pub posts_counted: usize,
}

fn cursor_key(account: &Account) -> String {
    format!("bluesky-seen:{}", account.id)
}

fn bad_answer() -> SendProblem {
    SendProblem::Rejected {
        message: "unexpected answer".into(),
    }
}

/// The post this notification answers or quotes, as an `at://` URI.
fn subject(n: &Notification) -> Option<String> {
    parent_of(&n.record)
        .or_else(|| {
            n.record["embed"]["record"]["uri"]
                .as_str()
                .map(str::to_string)
        })
        .or_else(|| {
            n.record["embed"]["record"]["record"]["uri"]
                .as_str()
                .map(str::to_string)
        })
        .or_else(|| n.reason_subject.clone())
}

/// A post (its URI, CID, author and record) as an inbox item stored under `id`; `post_id` is
/// our post it answers or quotes.
pub(crate) struct PostParts<'a> {
    pub uri: &'a str,
    pub cid: &'a str,
    pub author: &'a Author,
    pub record: &'a serde_json::Value,
    pub indexed_at: &'a str,
}

impl<'a> PostParts<'a> {
    /// The parts of a post as the AppView shows it.
    pub fn of(p: &'a crate::platforms::bluesky::entities::PostView) -> Self {
        PostParts {
            uri: &p.uri,
            cid: &p.cid,
            author: &p.author,
            record: &p.record,
            indexed_at: &p.indexed_at,
        }
    }
}

pub(crate) fn post_item(
    account: &Account,
    id: String,
    p: PostParts,
    in_reply_to: Option<String>,
    post_id: Option<String>,
) -> InboxItem {
    let (text, links) = text_and_links(p.record);
    let at = p.record["createdAt"]
        .as_str()
        .and_then(parse_time)
        .or_else(|| parse_time(p.indexed_at))
        .unwrap_or_else(now_ms);
    InboxItem {
        id,
        workspace_id: account.workspace_id.clone(),
        account_id: account.id.clone(),
        network: Network::Bluesky,
        author_name: p.author.name(),
        author_handle: format!("@{}", p.author.handle),
        author_url: format!("{WEB_APP}/profile/{}", p.author.handle),
        html: String::new(),
        text,
        links: links
            .into_iter()
            .map(|(start, end, href)| TextLink { start, end, href })
            .collect(),
        spoiler: String::new(),
        at,
        url: web_url(&p.author.handle, p.uri),
        in_reply_to,
        post_id,
        remote_id: p.uri.to_string(),
        cid: p.cid.to_string(),
        thread_root: p.record["reply"]["root"]["uri"]
            .as_str()
            .map(str::to_string),
        thread_root_cid: p.record["reply"]["root"]["cid"]
            .as_str()
            .map(str::to_string),
        visibility: String::new(),
        mentions: vec![],
        answered_at: None,
        profile: AuthorProfile {
            lang: p.record["langs"][0].as_str().unwrap_or("").to_string(),
            ..p.author.profile()
        },
    }
}

async fn to_item(db: &Db, account: &Account, n: &Notification) -> Result<InboxItem, SyncError> {
    let in_reply_to = subject(n);
    let post_id = match &in_reply_to {
        Some(uri) => store::accounts::sent_post(db, &account.id, uri).await?,
        None => None,
    };
    let parts = PostParts {
        uri: &n.uri,
        cid: &n.cid,
        author: &n.author,
        record: &n.record,
        indexed_at: &n.indexed_at,
    };
    let id = format!("bluesky:{}:{}", account.remote_id, n.uri);
    Ok(post_item(account, id, parts, in_reply_to, post_id))
}

/// The next page's cursor. The AppView's cursor is a bare time read as "older than", so
/// notifications sharing the millisecond of a page's last one would be skipped: the next page
/// starts 1 ms later (overlapping; repeats are dropped), unless the page brought nothing new,
/// when the server's own cursor is taken so the paging always moves on.
pub fn next_cursor(server_cursor: &str, page_brought_new: bool) -> String {
    match parse_time(server_cursor) {
        Some(at) if page_brought_new => iso_time(at + 1.0),
        _ => server_cursor.to_string(),
    }
}

/// New conversation notifications since the remembered position, saved with the new
/// position in one transaction; then the server is told they were seen.
async fn sync_notifications(db: &Db, account: &mut Account) -> Result<usize, SyncError> {
    let key = cursor_key(account);
    let seen = store::inbox::cursor(db, &key).await?;
    let seen_ms = seen.as_deref().and_then(parse_time);
    let pages = if seen.is_some() {
        MAX_PAGES
    } else {
        FIRST_SYNC_PAGES
    };
    let mut cursor: Option<String> = None;
    let mut newest: Option<(f64, String)> = None;
    let mut met = std::collections::HashSet::new();
    let mut items = vec![];
    let mut given = vec![];
    'pages: for _ in 0..pages {
        let pds = account.instance.clone();
        let c = cursor.clone();
        let r = session::call(
            db,
            account,
            &|token| xrpc::list_notifications(&pds, token, 100, c.as_deref()),
            None,
        )
        .await?;
        let page: Notifications = serde_json::from_str(&r.text).map_err(|_| bad_answer())?;
        let mut brought_new = false;
        for n in &page.notifications {
            if !met.insert(format!("{} {}", n.uri, n.reason)) {
                continue;
            }
            brought_new = true;
            let at = parse_time(&n.indexed_at).unwrap_or(0.0);
            if seen_ms.is_some_and(|s| at < s) {
                break 'pages;
            }
            if newest.as_ref().is_none_or(|(t, _)| at > *t) {
                newest = Some((at, n.indexed_at.clone()));
            }
            if !n.is_conversation() {
                if let Some(kind) = InteractionKind::from_notification(Network::Bluesky, &n.reason)
                {
                    given.push(Interaction {
                        id: format!("{}:interaction:{}", account.id, n.uri),
                        workspace_id: account.workspace_id.clone(),
                        account_id: account.id.clone(),
                        network: Network::Bluesky,
                        kind,
                        who_name: n.author.name(),
                        who_handle: format!("@{}", n.author.handle),
                        who_url: format!("{WEB_APP}/profile/{}", n.author.handle),
                        subject: n.reason_subject.clone(),
                        at,
                        profile: n.author.profile(),
                    });
                }
                continue;
            }
            let item = to_item(db, account, n).await?;
            // The remembered position's own millisecond is read again: keep only the new.
            if seen_ms.is_some_and(|s| at <= s) && store::inbox::has(db, &item.id).await? {
                continue;
            }
            items.push(item);
        }
        match page.cursor {
            Some(c) if !page.notifications.is_empty() => {
                cursor = Some(next_cursor(&c, brought_new))
            }
            _ => break,
        }
    }
    let position = newest.as_ref().map(|(_, s)| s.as_str());
    crate::services::member_records::scrub_page(db, &account.workspace_id, &mut items, &mut given)
        .await?;
    store::inbox::save_page_with(db, &items, &given, position.map(|p| (key.as_str(), p))).await?;
    if let Some((at, _)) = newest {
        let pds = account.instance.clone();
        let seen_at = iso_time(at);
        // Read state on other devices; a failure here loses nothing.
        let _ = session::call(db, account, &|t| xrpc::update_seen(&pds, t, &seen_at), None).await;
    }
    Ok(items.len())
}

/// The account's counts, and each recent published post's.
async fn sync_metrics(db: &Db, account: &mut Account) -> Result<usize, SyncError> {
    let now = now_ms();
    let (pds, did) = (account.instance.clone(), account.remote_id.clone());
    let r = session::call(db, account, &|t| xrpc::get_profile(&pds, t, &did), None).await?;
    let me: Profile = serde_json::from_str(&r.text).map_err(|_| bad_answer())?;
    let mut snapshots = vec![MetricSnapshot {
        followers: me.followers_count,
        following: me.follows_count,
        statuses: me.posts_count,
        ..MetricSnapshot::account(&account.workspace_id, &account.id, now)
    }];
    let mut posts: Vec<_> = store::posts::changed_since(db, &account.workspace_id, now - RECENT_MS)
        .await?
        .into_iter()
        .filter(|p| {
            p.variants.iter().any(|v| {
                v.network == Network::Bluesky
                    && v.remote
                        .as_ref()
                        .is_some_and(|r| r.account_id == account.id && !r.ids.is_empty())
            })
        })
        .collect();
    let uri_of = |p: &crate::domain::post::Post| {
        p.variants
            .iter()
            .find(|v| v.network == Network::Bluesky)
            .and_then(|v| v.remote.as_ref()?.ids.first().cloned())
    };
    let uris: Vec<String> = posts.iter().filter_map(uri_of).collect();
    let mut counted = 0;
    for chunk in uris.chunks(25) {
        let chunk = chunk.to_vec();
        let r = session::call(db, account, &|t| xrpc::get_posts(&pds, t, &chunk), None).await?;
        let found: Posts = serde_json::from_str(&r.text).map_err(|_| bad_answer())?;
        for view in found.posts {
            snapshots.push(MetricSnapshot {
                favourites: view.like_count,
                boosts: view.repost_count,
                replies: view.reply_count,
                quotes: view.quote_count,
                ..MetricSnapshot::post(&account.workspace_id, &account.id, &view.uri, now)
            });
            let Some(post) = posts
                .iter_mut()
                .find(|p| uri_of(p).as_deref() == Some(view.uri.as_str()))
            else {
                continue;
            };
            if let Some(remote) = post
                .variants
                .iter_mut()
                .find(|v| v.network == Network::Bluesky)
                .and_then(|v| v.remote.as_mut())
            {
                // The latest reading only; the history is in the snapshots.
                remote.metrics = vec![PostMetrics {
                    at: now,
                    favourites: view.like_count,
                    boosts: view.repost_count,
                    replies: view.reply_count,
                    quotes: view.quote_count,
                }];
            }
            // `updated_at` stays: reading counts is not a change of the post.
            store::posts::put_send(db, post).await?;
            counted += 1;
        }
    }
    store::inbox::put_metrics(db, &snapshots).await?;
    Ok(counted)
}

/// Syncs the workspace's Bluesky account. A session that cannot be refreshed marks the
/// account "sign in again"; nothing already saved is touched.
pub async fn sync(db: &Db, workspace_id: &str) -> Result<SyncReport, SyncError> {
    let Some(mut account) = account_for(db, workspace_id).await? else {
        return Err(SyncError::Stopped(SendProblem::NoAccount));
    };
    if account.status == AccountStatus::ReconnectNeeded {
        return Err(SyncError::Stopped(SendProblem::Reconnect));
    }
    let mentions = sync_notifications(db, &mut account).await?;
    let posts_counted = sync_metrics(db, &mut account).await?;
    Ok(SyncReport {
        mentions,
        posts_counted,
    })
}
