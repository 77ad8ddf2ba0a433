//! Listening: a workspace's saved searches (settings document `listening:<workspace>`), their
//! runs (`listening-runs:<workspace>`: when each last ran, what each network said, when it
//! runs next), the hits kept once per URI (`store/hits.rs`), each search's volume per day
//! and its spike, and what a hit becomes: a draft in the composer, a conversation in the
//! Inbox, a member (with a "wrote about the brand" sign) in People.

pub mod networks;

use std::collections::HashMap;

use crate::domain::interaction::{Interaction, InteractionKind};
use crate::domain::listening::{
    self, next_run, parse, Hit, NetworkRun, Problem, RunState, SavedSearch, SearchError,
};
use crate::domain::network::Network;
use crate::domain::post::{Post, SendProblem};
use crate::domain::report::Period;
use crate::domain::spike::{last_day_spike, per_day, DayVolume, Spike, LOOK_BACK_DAYS};
use crate::services::clock::{new_id, now_ms};
use crate::services::queue::BrowserZone;
use crate::store::{self, Db, StoreError};

fn searches_key(workspace_id: &str) -> String {
    format!("listening:{workspace_id}")
}

fn runs_key(workspace_id: &str) -> String {
    format!("listening-runs:{workspace_id}")
}

/// The workspace's saved searches, in the order they were made.
pub async fn searches(db: &Db, workspace_id: &str) -> Result<Vec<SavedSearch>, StoreError> {
    store::settings_docs::get_or_default(db, &searches_key(workspace_id)).await
}

/// Why a search was not saved.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Invalid(SearchError),
    Store(StoreError),
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

/// Saves a new search (no id yet) or a changed one (its id kept); a changed search runs
/// again at once. Returns it as kept.
pub async fn save(
    db: &Db,
    workspace_id: &str,
    search: SavedSearch,
) -> Result<SavedSearch, SaveError> {
    let mut search = search.checked().map_err(SaveError::Invalid)?;
    if search.id.is_empty() {
        search.id = new_id();
        search.created_at = now_ms();
    }
    let kept = search.clone();
    store::settings_docs::update(
        db,
        &searches_key(workspace_id),
        |all: &mut Vec<SavedSearch>| match all.iter_mut().find(|s| s.id == kept.id) {
            Some(s) => {
                *s = SavedSearch {
                    created_at: s.created_at,
                    ..kept.clone()
                };
            }
            None => all.push(kept.clone()),
        },
    )
    .await?;
    store::settings_docs::update(
        db,
        &runs_key(workspace_id),
        |runs: &mut HashMap<String, RunState>| {
            runs.remove(&search.id);
        },
    )
    .await?;
    Ok(search)
}

/// Forgets a search and its runs; its hits are kept (so "Undo" brings the search back
/// whole, another search that found them still counts them, and what was taken into People
/// or the Inbox stays there). Returns it, for "Undo".
pub async fn delete(
    db: &Db,
    workspace_id: &str,
    id: &str,
) -> Result<Option<SavedSearch>, StoreError> {
    let gone = store::settings_docs::update(
        db,
        &searches_key(workspace_id),
        |all: &mut Vec<SavedSearch>| {
            let at = all.iter().position(|s| s.id == id)?;
            Some(all.remove(at))
        },
    )
    .await?;
    store::settings_docs::update(
        db,
        &runs_key(workspace_id),
        |runs: &mut HashMap<String, RunState>| {
            runs.remove(id);
        },
    )
    .await?;
    Ok(gone)
}

/// Puts back a search just deleted, where it was not saved again meanwhile.
pub async fn restore(db: &Db, workspace_id: &str, search: SavedSearch) -> Result<(), StoreError> {
    store::settings_docs::update(
        db,
        &searches_key(workspace_id),
        |all: &mut Vec<SavedSearch>| {
            if !all.iter().any(|s| s.id == search.id) {
                all.push(search);
            }
        },
    )
    .await
}

/// How long finds are kept, from the time of the post: 180 days (the volume looks back 14).
pub const KEPT_MS: f64 = 180.0 * 86_400_000.0;

/// Runs `search` now on every connected network, keeps what it found (and lets go of the
/// workspace's finds older than [`KEPT_MS`]), and records the run.
/// Returns the run as recorded and how many posts were new.
pub async fn run(
    db: &Db,
    workspace_id: &str,
    search: &SavedSearch,
) -> Result<(RunState, usize), StoreError> {
    let q = parse(&search.query);
    let runs: HashMap<String, RunState> =
        store::settings_docs::get_or_default(db, &runs_key(workspace_id)).await?;
    let before = runs.get(&search.id).cloned().unwrap_or_default();
    let started = now_ms();
    let mut state = RunState {
        last_at: started,
        mastodon_since: before.mastodon_since.clone(),
        ..RunState::default()
    };
    let mut found: Vec<Hit> = vec![];
    if let Some(account) = networks::account_on(db, workspace_id, Network::Mastodon).await {
        let r = networks::mastodon(&account, search, &q, before.mastodon_since.as_deref()).await;
        state.networks.push(outcome(
            Network::Mastodon,
            r,
            &mut found,
            &mut state.mastodon_since,
        ));
    }
    if let Some(mut account) = networks::account_on(db, workspace_id, Network::Bluesky).await {
        // Read again from an hour before the last good run: what the network indexed late
        // is found; what was found already is kept once.
        let since = before.ok_at.map(|t| t - 3_600_000.0);
        let r = networks::bluesky(db, &mut account, search, &q, since).await;
        state
            .networks
            .push(outcome(Network::Bluesky, r, &mut found, &mut None));
    }
    // Nothing of someone forgotten is kept, whatever they wrote before they asked.
    let forgotten = store::members::forgotten(db, workspace_id).await?;
    found.retain_mut(|h| {
        crate::domain::member_record::scrub(
            workspace_id,
            &forgotten,
            std::slice::from_mut(&mut h.item),
            &mut [],
        );
        !h.item.is_erased()
    });
    let new = store::hits::save(db, &found).await?;
    store::hits::prune(db, workspace_id, started - KEPT_MS).await?;
    let problems: Vec<&Problem> = state
        .networks
        .iter()
        .filter_map(|n| n.problem.as_ref())
        .collect();
    let failed = problems.iter().any(|p| matches!(p, Problem::Failed { .. }));
    let until = problems.iter().find_map(|p| match p {
        Problem::Failed {
            problem: SendProblem::RateLimited { until },
        } => *until,
        _ => None,
    });
    state.fails = if failed { before.fails + 1 } else { 0 };
    state.ok_at = if failed { before.ok_at } else { Some(started) };
    state.next_at = next_run(
        search.every_minutes,
        state.fails,
        until,
        now_ms(),
        js_sys::Math::random(),
    );
    let kept = state.clone();
    store::settings_docs::update(
        db,
        &runs_key(workspace_id),
        |runs: &mut HashMap<String, RunState>| {
            runs.insert(search.id.clone(), kept);
        },
    )
    .await?;
    Ok((state, new))
}

fn outcome(
    network: Network,
    r: Result<networks::Found, Problem>,
    into: &mut Vec<Hit>,
    since: &mut Option<String>,
) -> NetworkRun {
    match r {
        Ok(f) => {
            let n = f.hits.len();
            into.extend(f.hits);
            if let Some(id) = f.newest {
                let newer = match since.as_deref() {
                    Some(s) => crate::domain::inbox::newer_id(s, &id).to_string(),
                    None => id,
                };
                *since = Some(newer);
            }
            NetworkRun {
                network,
                found: n,
                problem: None,
                note: f.note,
            }
        }
        Err(problem) => NetworkRun {
            network,
            found: 0,
            problem: Some(problem),
            note: None,
        },
    }
}

/// One search as the Listening page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchView {
    pub search: SavedSearch,
    pub run: Option<RunState>,
    /// Its hits, newest first (at most [`SHOWN`]), and how many it has in all.
    pub hits: Vec<Hit>,
    pub total: usize,
    /// The posts per day of the last [`LOOK_BACK_DAYS`] days and today.
    pub volume: Vec<DayVolume>,
    pub spike: Option<Spike>,
}

/// Hits shown per search.
pub const SHOWN: usize = 100;
/// How far back the page reads hits.
const READ_BACK_DAYS: u32 = 90;

/// Every search of the workspace with its run, hits, volume and spike at `now`.
pub async fn load(db: &Db, workspace_id: &str, now: f64) -> Result<Vec<SearchView>, StoreError> {
    let all = searches(db, workspace_id).await?;
    let runs: HashMap<String, RunState> =
        store::settings_docs::get_or_default(db, &runs_key(workspace_id)).await?;
    let zone = crate::domain::zone_cache::CachedZone::new(BrowserZone);
    let read = Period::last_days(&zone, now, READ_BACK_DAYS);
    let (start, end) = read.bounds(&zone);
    let hits = store::hits::between(db, workspace_id, start, end).await?;
    let days = Period::last_days(&zone, now, LOOK_BACK_DAYS + 1);
    Ok(all
        .into_iter()
        .map(|search| {
            let mine: Vec<&Hit> = hits
                .iter()
                .filter(|h| h.searches.contains(&search.id))
                .collect();
            let volume = per_day(mine.iter().map(|h| h.at), days, &zone);
            let watched = crate::domain::queue::local_parts(&zone, search.created_at).0;
            SearchView {
                run: runs.get(&search.id).cloned(),
                total: mine.len(),
                hits: mine.iter().take(SHOWN).map(|h| (*h).clone()).collect(),
                spike: last_day_spike(&volume, watched),
                volume,
                search,
            }
        })
        .collect())
}

/// Every search of every workspace due at `now` is run; returns the spikes found today in
/// the searches that ran and found something new (workspace, search name, spike).
pub async fn run_due(db: &Db, now: f64) -> Result<Vec<(String, String, Spike)>, StoreError> {
    let mut spikes = vec![];
    for ws in store::workspaces::list(db).await? {
        let all = searches(db, &ws.id).await?;
        if all.is_empty() {
            continue;
        }
        let runs: HashMap<String, RunState> =
            store::settings_docs::get_or_default(db, &runs_key(&ws.id)).await?;
        let mut any_new = false;
        for s in all
            .iter()
            .filter(|s| listening::is_due(runs.get(&s.id), now))
        {
            let (_, new) = run(db, &ws.id, s).await?;
            any_new |= new > 0;
        }
        if any_new {
            for v in load(db, &ws.id, now_ms()).await? {
                if let Some(spike) = v.spike {
                    spikes.push((ws.id.clone(), v.search.name.clone(), spike));
                }
            }
        }
    }
    Ok(spikes)
}

/// The searches of the workspace whose today is a spike (for Today).
pub async fn spikes(
    db: &Db,
    workspace_id: &str,
    now: f64,
) -> Result<Vec<(String, Spike)>, StoreError> {
    Ok(load(db, workspace_id, now)
        .await?
        .into_iter()
        .filter_map(|v| v.spike.map(|s| (v.search.name, s)))
        .collect())
}

/// Marks what was done with a hit, on the copy kept (none when it is gone: its author was
/// forgotten in another tab since the page read it).
async fn mark(db: &Db, hit: &Hit, what: &str) -> Result<Option<Hit>, StoreError> {
    store::hits::mark(db, &hit.id, what).await
}

/// Whether the hit is still kept (not when its author was forgotten since it was read).
async fn kept(db: &Db, hit: &Hit) -> Result<bool, StoreError> {
    Ok(store::hits::get(db, &hit.id).await?.is_some())
}

/// What a draft made from a hit does with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    /// A reply to the post (Mastodon's `in_reply_to_id`, Bluesky's reply refs).
    Reply,
    /// A post of ours that links to it.
    Quote,
}

/// A draft on the hit's network, saved and ready for the composer (`/compose?post=<id>`).
pub async fn to_draft(
    db: &Db,
    hit: &Hit,
    kind: DraftKind,
    lang: &str,
) -> Result<Option<Post>, StoreError> {
    if !kept(db, hit).await? {
        return Ok(None);
    }
    let item = &hit.item;
    let mut post = super::posts::fresh(&hit.workspace_id, &[item.network], lang);
    match kind {
        DraftKind::Reply => {
            post.base_text = if item.network == Network::Mastodon {
                format!("{} ", item.author_handle)
            } else {
                String::new()
            };
            post.reply_to = Some(crate::domain::reply_to::ReplyTo {
                conversation: crate::domain::conversation::conversation_key(item, &HashMap::new()),
                parent: item.remote_id.clone(),
                parent_cid: item.cid.clone(),
                root: item.thread_root.clone().unwrap_or_default(),
                root_cid: item.thread_root_cid.clone().unwrap_or_default(),
                visibility: item.visibility.clone(),
            });
        }
        // Bluesky: a quote embed (the text is the user's comment); elsewhere the text
        // links to the post.
        DraftKind::Quote if item.network == Network::Bluesky && !item.cid.is_empty() => {
            post.quote = Some(crate::domain::reply_to::Quote {
                uri: hit.uri.clone(),
                cid: item.cid.clone(),
                url: item.url.clone(),
            });
        }
        DraftKind::Quote => post.base_text = format!("\n\n{}", item.url),
    }
    store::posts::put(db, &post).await?;
    mark(db, hit, "draft").await?;
    Ok(Some(post))
}

fn sign_id(hit: &Hit) -> String {
    format!("{}:interaction:listening:{}", hit.item.account_id, hit.uri)
}

/// The hit as a conversation in the Inbox (its author becomes a member from it; a sign
/// made when it was taken into People goes, so the post counts once).
pub async fn to_conversation(db: &Db, hit: &Hit) -> Result<Option<Hit>, StoreError> {
    if !kept(db, hit).await? {
        return Ok(None);
    }
    store::inbox::save_page(db, std::slice::from_ref(&hit.item), None).await?;
    store::interactions::delete(db, &hit.workspace_id, hit.item.at, &sign_id(hit)).await?;
    mark(db, hit, "conversation").await
}

/// The hit's author as a member of People, with their post as a sign that they wrote
/// about the brand (weighed as "content about the brand").
/// A post already in the Inbox made them a member: nothing more is written.
pub async fn to_member(db: &Db, hit: &Hit) -> Result<Option<Hit>, StoreError> {
    if !kept(db, hit).await? {
        return Ok(None);
    }
    let i = &hit.item;
    if store::inbox::has(db, &i.id).await? {
        return mark(db, hit, "member").await;
    }
    let sign = Interaction {
        id: sign_id(hit),
        workspace_id: hit.workspace_id.clone(),
        account_id: i.account_id.clone(),
        network: i.network,
        kind: InteractionKind::Content,
        who_name: i.author_name.clone(),
        who_handle: i.author_handle.clone(),
        who_url: i.author_url.clone(),
        subject: Some(i.url.clone()),
        at: i.at,
        profile: i.profile.clone(),
    };
    store::inbox::save_page_with(db, &[], &[sign], None).await?;
    mark(db, hit, "member").await
}
