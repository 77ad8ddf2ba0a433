//! The report at the scale the issue names: 5 accounts with 2 years of daily follower
//! counts and 10,000 posts published with their counts, data in memory. Times the 90-day
//! report as `services::reports` works it out (each account's days and growth over the
//! period and the one before, the posts' figures, the best times), the best times alone, and
//! the CSV of all 10,000 posts; and writes the same into the app's database, for the Reports
//! page's own timing (`tests/bench/report_page.mjs`).

use wasm_bindgen::prelude::*;

use crate::domain::best_time::{best_times, WEEKS};
use crate::domain::inbox::MetricSnapshot;
use crate::domain::network::Network;
use crate::domain::report::{follower_days, growth, post_figures, posts_csv, Period, Published};

const DAY_MS: f64 = 86_400_000.0;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// The fixture: `accounts` Mastodon accounts' daily follower counts over `days` days up to
/// `now`, and `posts` posts spread over those days, each with its counts an hour after.
fn fixture(
    ws: &str,
    accounts: u32,
    days: u32,
    posts: u32,
    now: f64,
) -> (Vec<String>, Vec<MetricSnapshot>, Vec<Published>) {
    let ids: Vec<String> = (0..accounts)
        .map(|a| format!("mastodon:social.test:{a}"))
        .collect();
    let mut snapshots = vec![];
    for (a, id) in ids.iter().enumerate() {
        for d in 0..days {
            let at = now - f64::from(days - d) * DAY_MS + 12.0 * 3_600_000.0;
            snapshots.push(MetricSnapshot {
                followers: 1_000 + u64::from(d) * (a as u64 + 1),
                ..MetricSnapshot::account(ws, id, at)
            });
        }
    }
    let published: Vec<Published> = (0..posts)
        .map(|i| Published {
            remote_id: format!("s{i}"),
            account_id: ids[(i % accounts.max(1)) as usize].clone(),
            network: Network::Mastodon,
            at: now - f64::from(days) * DAY_MS * f64::from(posts - i) / f64::from(posts),
            text: format!("Publication {i} : atelier, « coulisses » et questions"),
            url: format!("https://social.test/@a/s{i}"),
        })
        .collect();
    for (i, p) in published.iter().enumerate() {
        snapshots.push(MetricSnapshot {
            favourites: (i % 40) as u64,
            boosts: (i % 7) as u64,
            replies: (i % 5) as u64,
            ..MetricSnapshot::post(ws, &p.account_id, &p.remote_id, p.at + 3_600_000.0)
        });
    }
    (ids, snapshots, published)
}

/// Writes [`fixture`] into the app's database for its first workspace, ending now, as the
/// syncs and the outbox would have: the accounts, every count, and each post published with
/// Attaché. The Reports page then reads it as a user would. Returns the posts written.
#[wasm_bindgen(js_name = benchSeedReport)]
pub async fn bench_seed_report(accounts: u32, days: u32, posts: u32) -> Result<f64, JsValue> {
    use crate::domain::account::{Account, AccountStatus};
    use crate::domain::post::{Post, PostState, Publication, Variant};
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let (db, ws) = super::app_db_first_workspace().await?;
    let now = js_sys::Date::now();
    let (ids, snapshots, published) = fixture(&ws.id, accounts, days, posts, now);
    for (a, id) in ids.iter().enumerate() {
        let account = Account {
            id: id.clone(),
            workspace_id: ws.id.clone(),
            network: Network::Mastodon,
            instance: "https://social.test".into(),
            remote_id: a.to_string(),
            handle: format!("@bench{a}@social.test"),
            display_name: format!("Bench {a}"),
            avatar: String::new(),
            url: format!("https://social.test/@bench{a}"),
            token: "bench".into(),
            refresh_token: String::new(),
            status: AccountStatus::Connected,
            rules: None,
            connected_at: 1.0,
            oauth: None,
        };
        crate::store::accounts::put(&db, &account)
            .await
            .map_err(|e| err(&e))?;
    }
    crate::store::inbox::put_metrics(&db, &snapshots)
        .await
        .map_err(|e| err(&e))?;
    let posts: Vec<Post> = published
        .iter()
        .map(|p| {
            let mut post = Post::new(format!("bench-report-{}", p.remote_id), ws.id.clone(), 1.0);
            post.base_text = p.text.clone();
            let mut v = Variant::new(Network::Mastodon);
            v.published = Some(Publication {
                at: p.at,
                url: p.url.clone(),
            });
            v.remote = serde_json::from_value(serde_json::json!({
                "key": p.remote_id, "account_id": p.account_id, "ids": [p.remote_id],
            }))
            .ok();
            post.variants = vec![v];
            post.state = PostState::Published;
            post
        })
        .collect();
    crate::store::posts::put_many(&db, &posts)
        .await
        .map_err(|e| err(&e))?;
    db.close();
    Ok(posts.len() as f64)
}

/// Returns the medians over `runs` (ms): the 90-day report, the best times alone, the CSV
/// of every post; then how many posts the CSV held.
#[wasm_bindgen(js_name = benchReport)]
pub fn bench_report(accounts: u32, days: u32, posts: u32, runs: u32) -> Result<Vec<f64>, JsValue> {
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let now = 1_780_000_000_000.0;
    let (ids, mut snapshots, published) = fixture("ws", accounts, days, posts, now);
    snapshots.sort_by(|a, b| a.at.total_cmp(&b.at));
    let zone = crate::domain::zone_cache::CachedZone::new(crate::services::queue::BrowserZone);
    let (mut report, mut best, mut csv) = (vec![], vec![], vec![]);
    let mut rows = 0;
    for _ in 0..runs.max(1) {
        let t = perf.now();
        let period = Period::last_days(&zone, now, 90);
        let (start, end) = period.bounds(&zone);
        let weeks_start = now - f64::from(WEEKS) * 7.0 * DAY_MS;
        let recent = post_figures(&snapshots, &published, (weeks_start, end));
        let mut seen = 0;
        for id in &ids {
            let here = follower_days(&snapshots, id, period, &zone);
            let before = follower_days(&snapshots, id, period.previous(), &zone);
            seen += usize::from(growth(&here).is_some()) + usize::from(growth(&before).is_some());
            seen += best_times(&recent, id, &zone, now).sample as usize;
        }
        let figures = post_figures(&snapshots, &published, (start, end));
        report.push(perf.now() - t);
        if seen == 0 || figures.is_empty() {
            return Err("an empty report".into());
        }
        let t = perf.now();
        let recent = post_figures(&snapshots, &published, (weeks_start, end));
        let named: usize = ids
            .iter()
            .map(|id| best_times(&recent, id, &zone, now).top.len())
            .sum();
        best.push(perf.now() - t);
        if named == 0 {
            return Err("no best time".into());
        }
        let t = perf.now();
        let all = post_figures(&snapshots, &published, (f64::NEG_INFINITY, f64::INFINITY));
        let text = posts_csv(&all);
        csv.push(perf.now() - t);
        rows = text.lines().count() - 1;
    }
    Ok(vec![median(report), median(best), median(csv), rows as f64])
}
