//! A search asked of each network, once per run: Mastodon's hashtag timeline on the
//! connected server (its `timelines_access` read first: switched off, said; open to signed-in
//! users or to one part only, read that way and said), Bluesky's `searchPosts` once per word
//! and tag. Each request is tried once (`domain/retry.rs`); what the network found comes back
//! as hits, filtered by the search's exclusions, language and required tags.

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

/// Mastodon's hashtag timeline for `search` through `account`, newer than `since`.
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
    let req = api::tag_timeline(&account.instance, &account.token, &timeline, only, since);
    let r = call(&req, None).await.map_err(|o| failed(&o))?;
    let statuses: Vec<Status> = serde_json::from_str(&r.text).map_err(|_| unexpected())?;
    let newest = statuses
        .iter()
        .map(|s| s.id.as_str())
        .reduce(crate::domain::inbox::newer_id)
        .map(str::to_string);
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
        let r = session::call(
            db,
            account,
            &|t| xrpc::search_posts(&pds, t, &what, lang, since.as_deref(), None),
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
