//! A search asked of each network, once per run: Mastodon's hashtag timeline on the
//! connected server (its `timelines_access` read first: switched off, said; open to signed-in
//! users or to one part only, read that way and said), Bluesky's `searchPosts` once per word
//! and tag. Both read page after page from where the last run stopped (Mastodon's `min_id`,
//! Bluesky's cursor back to `since`), a bounded number a run. Each request is tried once
//! (`domain/retry.rs`); what the network found comes back as hits, filtered by the search's
//! exclusions, language and required tags.

use crate::domain::account::Account;
use crate::domain::listening::{keeps, FeedNote, Hit, Problem, Query, SavedSearch, Term};
use crate::domain::network::Network;
use crate::domain::retry::read_problem;
use crate::platforms::bluesky::entities::SearchResult;
use crate::platforms::bluesky::record::parent_of;
use crate::platforms::bluesky::xrpc::{self, Search};
use crate::platforms::mastodon::api;
use crate::platforms::mastodon::entities::{HashtagAccess, InstanceV2, Status};
use crate::platforms::timing::iso_time;
use crate::services::bluesky::session;
use crate::services::bluesky::sync::{post_item, PostParts};
use crate::services::clock::now_ms;
use crate::services::mastodon::publish::call;
use crate::services::mastodon::sync::{status_item, status_item_id};
use crate::store::Db;

/// How many statuses Mastodon gives a page of a hashtag timeline.
const MASTODON_PAGE: usize = 40;
/// How many pages of it a run reads at most (the next run goes on from there).
const MASTODON_PAGES: usize = 5;
/// How many pages of Bluesky's search a run reads at most per word or tag.
const BLUESKY_PAGES: usize = 4;

/// What one network gave a run.
pub struct Found {
    pub hits: Vec<Hit>,
    pub note: Option<FeedNote>,
    /// Mastodon: the newest status id seen.
    pub newest: Option<String>,
}

fn failed(o: &crate::domain::retry::Outcome) -> Problem {
    Problem::Failed {
        problem: read_problem(o, now_ms()),
    }
}

fn unexpected() -> Problem {
    Problem::Failed {
        problem: crate::domain::post::SendProblem::Rejected {
            message: "unexpected answer".into(),
        },
    }
}

fn hit_of(
    ws: &str,
    search: &SavedSearch,
    uri: &str,
    item: crate::domain::inbox::InboxItem,
    tags: Vec<String>,
) -> Hit {
    Hit {
        id: Hit::key(ws, uri),
        workspace_id: ws.to_string(),
        uri: uri.to_string(),
        at: item.at,
        found_at: now_ms(),
        searches: vec![search.id.clone()],
        tags,
        item,
        taken: vec![],
    }
}

/// Mastodon's hashtag timeline for `search` through `account`, newer than `since` (a status id).
pub async fn mastodon(
    account: &Account,
    search: &SavedSearch,
    q: &Query,
    since: Option<&str>,
) -> Result<Found, Problem> {
    let Some(timeline) = q.mastodon() else {
        return Err(Problem::HashtagsOnly);
    };
    let instance = call(&api::instance_v2(&account.instance), None)
        .await
        .map_err(|o| failed(&o))?;
    let access = serde_json::from_str::<InstanceV2>(&instance.text)
        .map(|i| i.configuration.hashtag_access())
        .unwrap_or(HashtagAccess::Open);
    let (only, note) = match access {
        HashtagAccess::Disabled => return Err(Problem::FeedsOff),
        HashtagAccess::Open => (None, None),
        HashtagAccess::SignedIn => (None, Some(FeedNote::SignedInOnly)),
        HashtagAccess::Only(part, _) => (
            Some(part),
            Some(if part == "local" {
                FeedNote::LocalOnly
            } else {
                FeedNote::RemoteOnly
            }),
        ),
    };
    // Page after page just above the newest seen (`min_id`), so a busy day skips nothing; at
    // most MASTODON_PAGES a run, the next run going on from the newest read. A first run reads
    // the newest page only.
    let mut statuses: Vec<Status> = vec![];
    let mut newest = since.map(str::to_string);
    for _ in 0..MASTODON_PAGES {
        let req = api::tag_timeline(
            &account.instance,
            &account.token,
            &timeline,
            only,
            newest.as_deref(),
        );
        let r = call(&req, None).await.map_err(|o| failed(&o))?;
        let page: Vec<Status> = serde_json::from_str(&r.text).map_err(|_| unexpected())?;
        let full = page.len() >= MASTODON_PAGE;
        let Some(top) = page
            .iter()
            .map(|s| s.id.as_str())
            .reduce(crate::domain::inbox::newer_id)
            .map(str::to_string)
        else {
            break;
        };
        statuses.extend(page);
        newest = Some(top);
        if !full || since.is_none() {
            break;
        }
    }
    let newest = newest.filter(|n| Some(n.as_str()) != since);
    let ws = &account.workspace_id;
    let hits = statuses
        .iter()
        .filter_map(|s| {
            let tags: Vec<String> = s.tags.iter().map(|t| t.name.to_lowercase()).collect();
            let item = status_item(
                account,
                status_item_id(account, &s.id),
                s,
                &s.created_at,
                None,
            );
            let words = crate::domain::rich_text::plain_text(
                &crate::domain::rich_text::parse_status_html(&s.content),
            );
            let lang = s.language.as_deref().unwrap_or("");
            keeps(q, &search.lang, &words, &tags, lang)
                .then(|| hit_of(ws, search, &s.uri, item, tags))
        })
        .collect();
    Ok(Found { hits, note, newest })
}

/// The tags of a Bluesky post record (its tag facets and its `tags`), lowercase.
fn record_tags(record: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let facets = record["facets"].as_array().into_iter().flatten();
    let features = facets.flat_map(|f| f["features"].as_array().into_iter().flatten());
    let from_facets = features.filter_map(|f| f["tag"].as_str());
    let listed = record["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_str());
    for t in from_facets.chain(listed) {
        let t = t.to_lowercase();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Bluesky's `searchPosts` for each of the search's words and tags, from `since` (UTC ms).
pub async fn bluesky(
    db: &Db,
    account: &mut Account,
    search: &SavedSearch,
    q: &Query,
    since: Option<f64>,
) -> Result<Found, Problem> {
    let pds = account.instance.clone();
    let since = since.map(iso_time);
    let lang = Some(search.lang.as_str()).filter(|l| !l.is_empty());
    let mut hits: Vec<Hit> = vec![];
    for term in q.bluesky() {
        let what = match &term {
            Term::Word(w) => Search::Keyword(w),
            Term::Tag(t) => Search::Tag(t),
        };
        // The newest first, page after page while the search gives a cursor (a first run
        // reads the newest page only).
        let mut cursor: Option<String> = None;
        for _ in 0..BLUESKY_PAGES {
            let r = session::call(
                db,
                account,
                &|t| xrpc::search_posts(&pds, t, &what, lang, since.as_deref(), cursor.as_deref()),
                None,
            )
            .await
            .map_err(|o| failed(&o))?;
            let found: SearchResult = serde_json::from_str(&r.text).map_err(|_| unexpected())?;
            for p in &found.posts {
                if hits.iter().any(|h| h.uri == p.uri) {
                    continue;
                }
                let parts = PostParts::of(p);
                let id = format!("bluesky:{}:{}", account.remote_id, p.uri);
                let item = post_item(account, id, parts, parent_of(&p.record), None);
                let tags = record_tags(&p.record);
                let post_lang = item.profile.lang.clone();
                if keeps(q, &search.lang, &item.text, &tags, &post_lang) {
                    hits.push(hit_of(&account.workspace_id, search, &p.uri, item, tags));
                }
            }
            cursor = found
                .cursor
                .filter(|c| !c.is_empty() && !found.posts.is_empty());
            if cursor.is_none() || since.is_none() {
                break;
            }
        }
    }
    Ok(Found {
        hits,
        note: None,
        newest: None,
    })
}

/// The workspace's account on `network`, if one is connected.
pub async fn account_on(db: &Db, workspace_id: &str, network: Network) -> Option<Account> {
    crate::store::accounts::first_on(db, workspace_id, network)
        .await
        .ok()
        .flatten()
}
