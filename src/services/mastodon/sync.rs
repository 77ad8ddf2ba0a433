//! Bringing Mastodon home: new mentions into the inbox (grouped notifications, v2, where the
//! server has them, else v1), favourites, boosts and follows counted
//! (each pass with its own position), private messages from the direct conversations (forward from where the last sync
//! stopped with `min_id`; the first sync walks back through the `Link` pages), the account's
//! figures and its recent statuses' favourites, boosts and replies as snapshots, and the
//! statuses the server holds reconciled with our scheduled posts (published ones become
//! published posts with their address; moved ones move here; vanished ones are flagged,
//! never dropped silently); the notifications marker moved up to the newest mention brought
//! home, so the account's other apps show them read. Each request is tried once: a failure
//! ends the sync, which reports it as the policy says (`domain/retry.rs`); the next sync is
//! the retry.

use crate::domain::account::{Account, AccountStatus};
use crate::domain::inbox::{newer_id, InboxItem, MetricSnapshot};
use crate::domain::interaction::{Interaction, InteractionKind};
use crate::domain::network::Network;
use crate::domain::post::{Post, PostState, Publication, RemoteSend, SendProblem};
use crate::domain::profile::Profile;
use crate::domain::retry::Outcome;
use crate::domain::rich_text::{parse_status_html, plain_text};
use crate::platforms::mastodon::api::{self, link_header, Request};
use crate::platforms::mastodon::entities::{
    Account as RemoteAccount, DirectConversation, GroupedNotifications, Markers, Notification,
    ScheduledStatus, Status,
};
use crate::platforms::timing::parse_time;
use crate::services::clock::now_ms;
use crate::services::member_records::scrub_page;
use crate::store::{self, Db, StoreError};

use super::publish::{account_for, call, mastodon_variant};

/// Which notifications a pass of the sync brings home, each with its own position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Into the inbox.
    Mentions,
    /// Favourites, boosts and follows: counted, not listed.
    Interactions,
}

impl Pass {
    fn types(self) -> &'static [&'static str] {
        match self {
            Pass::Mentions => &["mention"],
            Pass::Interactions => &["favourite", "reblog", "follow"],
        }
    }

    /// How far back the first sync of an account reads (pages of 80).
    fn first_pages(self) -> usize {
        match self {
            Pass::Mentions => 25,
            Pass::Interactions => 10,
        }
    }

    fn cursor_key(self, account: &Account) -> String {
        match self {
            Pass::Mentions => format!("mention-cursor:{}", account.id),
            Pass::Interactions => format!("interaction-cursor:{}", account.id),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub mentions: usize,
    /// New favourites, boosts and follows.
    pub interactions: usize,
    /// New private messages read from the direct conversations only.
    pub direct: usize,
    /// Held statuses the server published meanwhile.
    pub published: usize,
    /// Held statuses moved on the server (another app, the web).
    pub moved: usize,
    /// Held statuses that vanished from the server without being published.
    pub gone: usize,
}

pub use crate::services::sending::SyncError;

fn cursor_key(account: &Account) -> String {
    Pass::Mentions.cursor_key(account)
}

/// `@user@domain` for an account seen from `instance_domain`.
fn handle(a: &RemoteAccount, instance_domain: &str) -> String {
    if a.acct.contains('@') {
        format!("@{}", a.acct)
    } else {
        format!("@{}@{instance_domain}", a.acct)
    }
}

/// The display name, or the user name when there is none.
fn name_of(a: &RemoteAccount) -> String {
    if a.display_name.trim().is_empty() {
        a.username.clone()
    } else {
        a.display_name.clone()
    }
}

fn domain_of(account: &Account) -> &str {
    account.handle.rsplit('@').next().unwrap_or("")
}

/// A status as an inbox item stored under `id`; `post_id` is our post it answers.
pub(crate) fn status_item(
    account: &Account,
    id: String,
    s: &Status,
    fallback_at: &str,
    post_id: Option<String>,
) -> InboxItem {
    InboxItem {
        id,
        workspace_id: account.workspace_id.clone(),
        account_id: account.id.clone(),
        network: Network::Mastodon,
        author_name: name_of(&s.account),
        author_handle: handle(&s.account, domain_of(account)),
        author_url: s.account.url.clone(),
        html: s.content.clone(),
        text: String::new(),
        links: vec![],
        spoiler: s.spoiler_text.clone(),
        at: parse_time(&s.created_at)
            .or_else(|| parse_time(fallback_at))
            .unwrap_or_else(now_ms),
        url: s.link().to_string(),
        in_reply_to: s.in_reply_to_id.clone(),
        post_id,
        remote_id: s.id.clone(),
        cid: String::new(),
        thread_root: None,
        thread_root_cid: None,
        visibility: s.visibility.clone(),
        mentions: s.mentions.iter().map(|m| m.acct.clone()).collect(),
        answered_at: None,
        profile: Profile {
            lang: s.language.clone().unwrap_or_default(),
            ..s.account.profile()
        },
    }
}

/// The id of the inbox item kept for a status, however it came (a mention, a direct
/// conversation): the same status is kept once. (Items kept before this named the
/// notification instead; grouping counts a message once by its status id either way.)
pub(crate) fn status_item_id(account: &Account, status_id: &str) -> String {
    format!("mastodon:{}:status:{status_id}", account.instance)
}

async fn to_items(
    db: &Db,
    account: &Account,
    list: &[Notification],
) -> Result<Vec<InboxItem>, StoreError> {
    let mut items = vec![];
    for n in list.iter().filter(|n| n.kind == "mention") {
        let Some(s) = &n.status else { continue };
        let post_id = match &s.in_reply_to_id {
            Some(r) => store::accounts::sent_post(db, &account.id, r).await?,
            None => None,
        };
        let id = status_item_id(account, &s.id);
        items.push(status_item(account, id, s, &n.created_at, post_id));
    }
    Ok(items)
}

fn parse_list<T: serde::de::DeserializeOwned>(text: &str) -> Result<Vec<T>, SendProblem> {
    serde_json::from_str(text).map_err(|_| SendProblem::Rejected {
        message: "unexpected answer".into(),
    })
}

/// What a page of notifications brings: mentions for the inbox, or interactions.
async fn page_of(
    db: &Db,
    account: &Account,
    pass: Pass,
    list: &[Notification],
) -> Result<(Vec<InboxItem>, Vec<Interaction>), StoreError> {
    Ok(match pass {
        Pass::Mentions => (to_items(db, account, list).await?, vec![]),
        Pass::Interactions => (vec![], to_interactions(account, list)),
    })
}

/// Favourites, boosts and follows in a page of notifications.
fn to_interactions(account: &Account, list: &[Notification]) -> Vec<Interaction> {
    list.iter()
        .filter_map(|n| {
            let kind = InteractionKind::from_notification(Network::Mastodon, &n.kind)?;
            Some(Interaction {
                id: format!("{}:interaction:{}", account.id, n.id),
                workspace_id: account.workspace_id.clone(),
                account_id: account.id.clone(),
                network: Network::Mastodon,
                kind,
                who_name: name_of(&n.account),
                who_handle: handle(&n.account, domain_of(account)),
                who_url: n.account.url.clone(),
                profile: n.account.profile(),
                subject: n.status.as_ref().map(|s| s.id.clone()),
                at: n.at(),
            })
        })
        .collect()
}

/// Which page of notifications to ask for.
enum Page<'a> {
    /// Newer than this id (or the newest page).
    Since(Option<&'a str>),
    /// The server's `rel="next"` address.
    Next(String),
}

/// A page of a pass's notifications and the address of the next (older) one. Mentions come
/// from the grouped endpoint where the server has it (Mastodon ≥ 4.3; mentions are never
/// grouped, and accounts come once each); a server that answers it 404 is remembered
/// (`notifications-v1:<account>`) and asked v1. Favourites, boosts and follows always come
/// from v1: grouped, they would name only a sample of who, and the CRM counts each person.
async fn fetch_page(
    db: &Db,
    account: &Account,
    pass: Pass,
    page: Page<'_>,
) -> Result<(Vec<Notification>, Option<String>), SyncError> {
    let v1_key = format!("notifications-v1:{}", account.id);
    let (instance, token) = (&account.instance, &account.token);
    let (req, grouped) = match &page {
        Page::Since(since) => {
            if pass == Pass::Mentions && store::inbox::cursor(db, &v1_key).await?.is_none() {
                let req = api::grouped_notifications(instance, token, pass.types(), *since);
                (req, true)
            } else {
                (
                    api::notifications(instance, token, pass.types(), *since),
                    false,
                )
            }
        }
        Page::Next(url) => (
            Request::get(url.clone()).bearer(token),
            url.contains("/api/v2/notifications"),
        ),
    };
    let (r, grouped) = match (call(&req, None).await, &page) {
        (Err(Outcome::Rejected { status: 404, .. }), Page::Since(since)) if grouped => {
            store::inbox::save_page(db, &[], Some((&v1_key, "1"))).await?;
            let req = api::notifications(instance, token, pass.types(), *since);
            (call(&req, None).await?, false)
        }
        (r, _) => (r?, grouped),
    };
    let list = if grouped {
        serde_json::from_str::<GroupedNotifications>(&r.text)
            .map(GroupedNotifications::into_notifications)
            .map_err(|_| SendProblem::Rejected {
                message: "unexpected answer".into(),
            })?
    } else {
        parse_list(&r.text)?
    };
    let next = r.header("link").and_then(|l| link_header(l, "next"));
    Ok((list, next))
}

/// New notifications of a pass; returns how many were kept.
async fn sync_pass(db: &Db, account: &Account, pass: Pass) -> Result<usize, SyncError> {
    let key = pass.cursor_key(account);
    let mut count = 0;
    match store::inbox::cursor(db, &key).await? {
        Some(mut since) => loop {
            // `min_id`: the page just newer than the cursor; repeat until nothing is newer.
            let (list, _) = fetch_page(db, account, pass, Page::Since(Some(&since))).await?;
            if list.is_empty() {
                break;
            }
            let newest = list
                .iter()
                .fold(since.clone(), |m, n| newer_id(&m, &n.id).to_string());
            let (mut items, mut given) = page_of(db, account, pass, &list).await?;
            scrub_page(db, &account.workspace_id, &mut items, &mut given).await?;
            store::inbox::save_page_with(db, &items, &given, Some((&key, &newest))).await?;
            count += items.len() + given.len();
            if newest == since {
                break;
            }
            since = newest;
        },
        None => {
            // First sync: walk back from the newest; the cursor is set once all is saved, so
            // an interrupted first sync starts again (items are stored by id: no duplicates).
            let mut page = Page::Since(None);
            let mut newest: Option<String> = None;
            for _ in 0..pass.first_pages() {
                let (list, next) = fetch_page(db, account, pass, page).await?;
                if list.is_empty() {
                    break;
                }
                for n in &list {
                    newest = Some(match newest {
                        Some(m) => newer_id(&m, &n.id).to_string(),
                        None => n.id.clone(),
                    });
                }
                let (mut items, mut given) = page_of(db, account, pass, &list).await?;
                scrub_page(db, &account.workspace_id, &mut items, &mut given).await?;
                store::inbox::save_page_with(db, &items, &given, None).await?;
                count += items.len() + given.len();
                match next {
                    Some(next) if next.starts_with(&account.instance) => page = Page::Next(next),
                    _ => break,
                }
            }
            store::inbox::save_page(db, &[], Some((&key, newest.as_deref().unwrap_or("0"))))
                .await?;
        }
    }
    Ok(count)
}

fn normalised(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The held statuses, checked against the server's list.
async fn reconcile_held(
    db: &Db,
    account: &Account,
    recent: &[Status],
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let now = now_ms();
    let posts: Vec<Post> = store::posts::due_between(
        db,
        &account.workspace_id,
        now - 30.0 * 86_400_000.0,
        f64::MAX,
    )
    .await?
    .into_iter()
    .filter(|p| p.held_by_server(Network::Mastodon))
    .collect();
    if posts.is_empty() {
        return Ok(());
    }
    let r = call(
        &api::scheduled_statuses(&account.instance, &account.token),
        None,
    )
    .await?;
    let held: Vec<ScheduledStatus> = parse_list(&r.text)?;
    for mut post in posts {
        let Some(id) = mastodon_variant(&mut post).and_then(|v| v.remote.as_ref()?.held_id.clone())
        else {
            continue;
        };
        if let Some(s) = held.iter().find(|s| s.id == id) {
            if let Some(at) = parse_time(&s.scheduled_at) {
                if post.due_at.is_none_or(|d| (d - at).abs() > 30_000.0) {
                    post.due_at = Some(at);
                    post.updated_at = now;
                    store::posts::put_server_due(db, &post).await?;
                    report.moved += 1;
                }
            }
            continue;
        }
        // Not held any more: published (find it among the recent statuses), or deleted.
        let text = normalised(
            post.variants
                .iter()
                .find(|v| v.network == Network::Mastodon)
                .map(|v| post.text_for(v))
                .unwrap_or(""),
        );
        // Published after the post was written, with its text (the server keeps the text
        // we sent; Mastodon renders it as HTML).
        let written = post.created_at - 60_000.0;
        let found = recent.iter().find(|s| {
            parse_time(&s.created_at).is_some_and(|t| t >= written)
                && normalised(&plain_text(&parse_status_html(&s.content))) == text
        });
        if let Some(v) = mastodon_variant(&mut post) {
            let remote = v.remote.get_or_insert_with(RemoteSend::default);
            remote.held_id = None;
            match found {
                Some(s) => {
                    remote.ids = vec![s.id.clone()];
                    v.published = Some(Publication {
                        at: parse_time(&s.created_at).unwrap_or(now),
                        url: s.link().to_string(),
                    });
                }
                None => remote.problem = Some(SendProblem::HeldGone),
            }
        }
        match found {
            Some(s) => {
                store::accounts::remember_sent(db, &account.id, &s.id, &post.id).await?;
                let url = s.link().to_string();
                let _ = post.mark_published(Network::Mastodon, &url, "server", now);
                report.published += 1;
            }
            None => {
                if post.state == PostState::Scheduled {
                    let _ = post.transition(PostState::Publishing, "server", now);
                }
                let _ = post.transition(PostState::Failed, "server", now);
                report.gone += 1;
            }
        }
        post.updated_at = now;
        store::posts::put_send(db, &post).await?;
    }
    Ok(())
}

/// How far back the first sync of an account reads its direct conversations (pages of 40).
const FIRST_DIRECT_PAGES: usize = 5;

/// New private messages from the account's direct conversations: those a server keeps out of
/// the notifications (Mastodon 4.3 filters private mentions from strangers into "requests")
/// still reach the inbox. A message also seen as a mention is kept once (both name it by its
/// status id). The first sync walks back `FIRST_DIRECT_PAGES` pages (`Link`), later ones read
/// the most recently active page. A conversation whose latest message is kept here is marked
/// read on the server (best effort), so the account's other apps show it read. A server
/// without the endpoint (404) has none.
async fn sync_direct(db: &Db, account: &Account) -> Result<usize, SyncError> {
    let walked_key = format!("direct-walked:{}", account.id);
    let pages = match store::inbox::cursor(db, &walked_key).await? {
        Some(_) => 1,
        None => FIRST_DIRECT_PAGES,
    };
    let mut req = api::direct_conversations(&account.instance, &account.token);
    let mut count = 0;
    for _ in 0..pages {
        let r = match call(&req, None).await {
            Ok(r) => r,
            Err(Outcome::Rejected { status: 404, .. }) => return Ok(0),
            Err(o) => return Err(o.into()),
        };
        let list: Vec<DirectConversation> = parse_list(&r.text)?;
        let mut items = vec![];
        let mut unread = vec![];
        for c in &list {
            let Some(s) = &c.last_status else { continue };
            if c.unread {
                unread.push(c.id.clone());
            }
            if s.account.id == account.remote_id {
                continue;
            }
            let id = status_item_id(account, &s.id);
            if store::inbox::has(db, &id).await? {
                continue;
            }
            let post_id = match &s.in_reply_to_id {
                Some(r) => store::accounts::sent_post(db, &account.id, r).await?,
                None => None,
            };
            items.push(status_item(account, id, s, &s.created_at, post_id));
        }
        scrub_page(db, &account.workspace_id, &mut items, &mut []).await?;
        store::inbox::save_page(db, &items, None).await?;
        count += items.len();
        for id in unread {
            let _ = call(
                &api::read_conversation(&account.instance, &account.token, &id),
                None,
            )
            .await;
        }
        match r.header("link").and_then(|l| link_header(l, "next")) {
            Some(next) if next.starts_with(&account.instance) && !list.is_empty() => {
                req = Request::get(next).bearer(&account.token);
            }
            _ => break,
        }
    }
    store::inbox::save_page(db, &[], Some((&walked_key, "1"))).await?;
    Ok(count)
}

/// Moves the account's notifications marker (shared by its other apps) up to the newest
/// mention brought here, never back. Best effort: a server without markers, or one that
/// refuses, leaves the sync as it was.
async fn mark_read(db: &Db, account: &Account) {
    let Ok(Some(newest)) = store::inbox::cursor(db, &cursor_key(account)).await else {
        return;
    };
    if newest == "0" {
        return;
    }
    let theirs = call(
        &api::notifications_marker(&account.instance, &account.token),
        None,
    )
    .await
    .ok()
    .and_then(|r| serde_json::from_str::<Markers>(&r.text).ok())
    .and_then(|m| m.notifications)
    .map(|m| m.last_read_id);
    if theirs.as_deref().is_some_and(|t| newer_id(t, &newest) == t) {
        return;
    }
    let _ = call(
        &api::mark_notifications_read(&account.instance, &account.token, &newest),
        None,
    )
    .await;
}

/// Syncs the workspace's Mastodon account. A 401 marks the account "sign in again".
pub async fn sync(db: &Db, workspace_id: &str) -> Result<SyncReport, SyncError> {
    let Some(mut account) = account_for(db, workspace_id).await? else {
        return Err(SyncError::Stopped(SendProblem::NoAccount));
    };
    if account.status == AccountStatus::ReconnectNeeded {
        return Err(SyncError::Stopped(SendProblem::Reconnect));
    }
    let result = sync_account(db, &account).await;
    if let Err(SyncError::Stopped(SendProblem::Reconnect)) = result {
        account.status = AccountStatus::ReconnectNeeded;
        store::accounts::put(db, &account).await?;
    }
    result
}

async fn sync_account(db: &Db, account: &Account) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport {
        mentions: sync_pass(db, account, Pass::Mentions).await?,
        ..Default::default()
    };
    report.interactions = sync_pass(db, account, Pass::Interactions).await?;
    report.direct = sync_direct(db, account).await?;
    mark_read(db, account).await;
    let now = now_ms();
    let me = call(
        &api::verify_credentials(&account.instance, &account.token),
        None,
    )
    .await?;
    let me: RemoteAccount = serde_json::from_str(&me.text).map_err(|_| SendProblem::Rejected {
        message: "unexpected answer".into(),
    })?;
    let r = call(
        &api::account_statuses(&account.instance, &account.token, &account.remote_id),
        None,
    )
    .await?;
    let recent: Vec<Status> = parse_list(&r.text)?;
    let mut snapshots = vec![MetricSnapshot {
        followers: me.followers_count,
        following: me.following_count,
        statuses: me.statuses_count,
        ..MetricSnapshot::account(&account.workspace_id, &account.id, now)
    }];
    snapshots.extend(recent.iter().map(|s| MetricSnapshot {
        favourites: s.favourites_count,
        boosts: s.reblogs_count,
        replies: s.replies_count,
        ..MetricSnapshot::post(&account.workspace_id, &account.id, &s.id, now)
    }));
    store::inbox::put_metrics(db, &snapshots).await?;
    reconcile_held(db, account, &recent, &mut report).await?;
    Ok(report)
}
