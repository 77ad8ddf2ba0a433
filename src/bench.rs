//! Entry points for the benchmark command (`scripts/bench.sh`), compiled only with the
//! `bench` feature. The page calls them through Trunk's `window.wasmBindings`; they go
//! through the same store code as the app (batch `put_all`, `get_all` with serde).

use wasm_bindgen::prelude::*;

pub mod fixtures;
mod report;
mod search;

use fixtures::inbox_fixture;

use crate::domain::note::Note;
use crate::store::idb::Durability;
use crate::store::{records, schema, Db};

/// A member-shaped record of about 480 bytes of JSON, the same as the JS contenders write.
fn record(i: u32) -> Note {
    Note {
        id: format!("bench-{i:07}"),
        workspace_id: "bench-workspace".into(),
        title: format!("Member {i}: Camille Dupont-Lefèvre, community ambassador"),
        text: format!(
            "Joined {i} days ago through the spring campaign; answers in French and English; \
             prefers Mastodon; organised two meet-ups in Lyon; tagged as ambassador, early \
             adopter and event host; last contact about the beta programme; notes: very \
             responsive, likes behind-the-scenes content, asked about accessibility. #{i}"
        ),
        url: format!("https://social.example/@member{i}"),
        created_at: 1_764_000_000_000.0 + i as f64,
    }
}

fn durability(strict: bool) -> Durability {
    if strict {
        Durability::Strict
    } else {
        Durability::Relaxed
    }
}

/// JSON of record `i`, so the JavaScript contenders write byte-identical records.
#[wasm_bindgen(js_name = benchRecordJson)]
pub fn bench_record_json(i: u32) -> String {
    serde_json::to_string(&record(i)).unwrap_or_default()
}

/// Writes `count` records into the notes store of database `name` in one transaction;
/// returns the milliseconds from the first serialisation to the commit.
#[wasm_bindgen(js_name = benchPut)]
pub async fn bench_put(name: String, count: u32, strict: bool) -> Result<f64, JsValue> {
    let db = Db::open(&name, || {})
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let batch: Vec<Note> = (0..count).map(record).collect();
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let start = perf.now();
    records::put_all(&db, schema::NOTES, &batch, durability(strict))
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let ms = perf.now() - start;
    db.close();
    Ok(ms)
}

/// "Encrypt everything" on (a fixed secret) or off for what this page writes and reads next:
/// the same store path as the app's, each record sealed or opened with its keys.
#[wasm_bindgen(js_name = benchSealing)]
pub fn bench_sealing(on: bool) {
    crate::store::sealed_records::hold(on.then_some(&[7u8; 32]), on);
}

/// Reads every record back as Rust values; returns milliseconds, and fails if the count
/// is not `expected`.
#[wasm_bindgen(js_name = benchGetAll)]
pub async fn bench_get_all(name: String, expected: u32) -> Result<f64, JsValue> {
    let db = Db::open(&name, || {})
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let start = perf.now();
    let all: Vec<Note> = records::get_all(&db, schema::NOTES)
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let ms = perf.now() - start;
    db.close();
    if all.len() as u32 != expected {
        return Err(JsValue::from_str(&format!(
            "read {} of {expected}",
            all.len()
        )));
    }
    Ok(ms)
}

/// Counts a 3,000-character mixed text (Latin, accents, CJK, emoji sequences, links,
/// mentions) for every network, `iterations` times; returns milliseconds per full count,
/// i.e. per keystroke in the composer.
#[wasm_bindgen(js_name = benchCount)]
pub fn bench_count(iterations: u32) -> Result<f64, JsValue> {
    let unit = "Bonjour à tous 👋🏽 ! Notre atelier café 日本語 ouvre https://cafe.example/atelier?x=1 avec @camille@piaille.fr 👨‍👩‍👧 #latte ";
    bench_count_text(unit, iterations)
}

/// Like `benchCount`, with `unit` repeated to 3,000 characters (the hard cases: CJK with
/// dots, dense emoji, dotted runs).
#[wasm_bindgen(js_name = benchCountText)]
pub fn bench_count_text(unit: &str, iterations: u32) -> Result<f64, JsValue> {
    use crate::domain::counting::{count_all, MastodonRules};
    use crate::domain::network::Network;
    let mut text = String::new();
    while text.chars().count() < 3000 {
        text.push_str(unit);
    }
    let text: String = text.chars().take(3000).collect();
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let start = perf.now();
    let mut checksum = 0;
    for _ in 0..iterations {
        for c in count_all(&Network::ALL, &text, "", MastodonRules::default()) {
            checksum += c.used;
        }
    }
    let ms = (perf.now() - start) / iterations.max(1) as f64;
    if checksum == 0 {
        return Err("nothing counted".into());
    }
    Ok(ms)
}

/// Export and import of `count` notes through the app's own paths: `import_ms` covers
/// checking the file text whole (`parse_backup`) and the all-or-nothing strict write;
/// `export_ms` the consistent read and the JSON text. Returns `[export_ms, import_ms, bytes]`.
#[wasm_bindgen(js_name = benchExportImport)]
pub async fn bench_export_import(name: String, count: u32) -> Result<Vec<f64>, JsValue> {
    use crate::domain::backup::{parse_backup, Backup, Scope};
    use crate::domain::workspace::Workspace;
    use crate::store::backup::{export_all, replace_all, ImportControl};
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let db = Db::open(&name, || {}).await.map_err(|e| err(&e))?;
    let mut source = Backup::new(Scope::All, 0.0);
    source.workspaces.push(Workspace {
        id: "bench-workspace".into(),
        name: "Bench".into(),
        created_at: 0.0,
    });
    source.notes = (0..count).map(record).collect();
    let file = serde_json::to_string(&source).map_err(|e| err(&e))?;
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;

    let start = perf.now();
    let checked = parse_backup(&file).map_err(|e| JsValue::from_str(&format!("{e:?}")))?;
    replace_all(&db, &checked, ImportControl::default())
        .await
        .map_err(|e| err(&e))?;
    let import_ms = perf.now() - start;

    let start = perf.now();
    // No image in this set: the records only.
    let (exported, _media) = export_all(&db, 1.0).await.map_err(|e| err(&e))?;
    let text = serde_json::to_string_pretty(&exported).map_err(|e| err(&e))?;
    let export_ms = perf.now() - start;
    db.close();
    if exported.notes.len() as u32 != count {
        return Err(JsValue::from_str("export lost records"));
    }
    Ok(vec![export_ms, import_ms, text.len() as f64])
}

/// Writes `count` scheduled posts for the first workspace of the app's own database,
/// spread over the local month `year`-`month` (1–12) from 08:00 to 20:00, for the calendar
/// benchmark. Returns the workspace id.
#[wasm_bindgen(js_name = benchSeedMonth)]
pub async fn bench_seed_month(count: u32, year: u32, month: u32) -> Result<String, JsValue> {
    use crate::domain::network::Network;
    use crate::domain::post::{Post, PostState, Variant};
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let (db, ws) = app_db_first_workspace().await?;
    let days = js_sys::Date::new_with_year_month_day(year, month as i32, 0).get_date();
    let posts: Vec<Post> = (0..count)
        .map(|i| {
            let day = 1 + i % days;
            let minute = 8 * 60 + (i * 7) % (12 * 60);
            let due = js_sys::Date::new_with_year_month_day_hr_min_sec(
                year,
                month as i32 - 1,
                day as i32,
                (minute / 60) as i32,
                (minute % 60) as i32,
                0,
            )
            .get_time();
            let mut p = Post::new(format!("bench-post-{i:05}"), ws.id.clone(), 1.0);
            p.base_text =
                format!("Post {i}: la carte de saison arrive, réservez votre table ☕ #{i}");
            p.variants = vec![
                Variant::new(Network::Mastodon),
                Variant::new(Network::Bluesky),
            ];
            p.state = PostState::Scheduled;
            p.due_at = Some(due);
            p
        })
        .collect();
    crate::store::posts::put_many(&db, &posts)
        .await
        .map_err(|e| err(&e))?;
    db.close();
    Ok(ws.id)
}

/// Today's figures and the health audit for a workspace of `posts` posts and `items` inbox
/// items already in memory (what the screen computes once its data is loaded): returns the
/// median milliseconds of `runs` runs of both together.
#[wasm_bindgen(js_name = benchToday)]
pub fn bench_today(posts: u32, items: u32, runs: u32) -> Result<f64, JsValue> {
    use crate::domain::audit::{run, AuditInput};
    use crate::domain::inbox::InboxItem;
    use crate::domain::network::Network;
    use crate::domain::post::{Post, PostState, Publication, Variant};
    use crate::domain::strategy::Strategy;
    use crate::domain::today::compute;
    const DAY: f64 = 86_400_000.0;
    let now = 1_780_000_000_000.0;
    let start_of_day = now - 10.0 * 3_600_000.0;
    let all: Vec<Post> = (0..posts)
        .map(|i| {
            let mut p = Post::new(format!("p{i}"), "ws".into(), now - 200.0 * DAY);
            p.base_text = format!("Post {i}: notre atelier café ouvre samedi #latte");
            p.due_at = Some(now - (i % 400) as f64 * 0.5 * DAY);
            p.state = if i % 3 == 0 {
                PostState::Published
            } else {
                PostState::Scheduled
            };
            p.variants = [Network::Mastodon, Network::Bluesky, Network::X]
                .into_iter()
                .map(|n| {
                    let mut v = Variant::new(n);
                    if i % 3 == 0 {
                        v.published = Some(Publication {
                            at: p.due_at.unwrap_or(now),
                            url: String::new(),
                        });
                    }
                    v
                })
                .collect();
            p
        })
        .collect();
    let inbox: Vec<InboxItem> = (0..items)
        .map(|i| InboxItem {
            id: format!("i{i}"),
            workspace_id: "ws".into(),
            account_id: "a".into(),
            network: if i % 2 == 0 {
                Network::Mastodon
            } else {
                Network::Bluesky
            },
            author_name: "Camille".into(),
            author_handle: "@camille@piaille.fr".into(),
            author_url: String::new(),
            html: "<p>Bonjour !</p>".into(),
            text: String::new(),
            links: vec![],
            spoiler: String::new(),
            at: now - i as f64 * 60_000.0,
            url: String::new(),
            // Threads of three: every message answers the one before, but each third.
            in_reply_to: (i % 3 != 0).then(|| format!("s{}", i - 1)),
            post_id: None,
            remote_id: format!("s{i}"),
            cid: String::new(),
            thread_root: None,
            thread_root_cid: None,
            visibility: String::new(),
            mentions: vec![],
            answered_at: (i % 4 != 0).then_some(now - i as f64 * 60_000.0 + 3_600_000.0),
            profile: Default::default(),
        })
        .collect();
    let strategy = Strategy::default();
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let mut times = vec![];
    let mut checksum = 0usize;
    for _ in 0..runs.max(1) {
        let t0 = perf.now();
        // As the screen does: the messages into conversations, what waits, then the figures.
        let list = crate::services::conversations::assemble("ws", inbox.clone(), vec![], now);
        let answering = crate::services::conversations::answering(&list, now - 30.0 * DAY, None);
        let answered = crate::services::conversations::answered_messages(&list);
        let today = compute(
            &all,
            &answering.waiting,
            &answering.snoozed_until,
            start_of_day,
            start_of_day + DAY,
            now,
        );
        let findings = run(&AuditInput {
            now,
            strategy: Some(&strategy),
            accounts: &[],
            posts: &all,
            inbox: &answered,
            follower_snapshots: &[],
            last_report_viewed: None,
            signature: None,
        });
        times.push(perf.now() - t0);
        checksum += today.unanswered + findings.len();
    }
    if checksum == 0 {
        return Err("nothing computed".into());
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

/// The Inbox at scale, data loaded: `conversations` threads of three messages (150,000
/// messages for 50,000), a fifth of them triaged (answered, some done). Returns, as medians
/// over `runs`: grouping and joining the triage, the response-time figures of the whole set,
/// the 95th percentile of filtering by text one typed character at a time, and making the
/// search texts (once, when the Inbox reads the list).
#[wasm_bindgen(js_name = benchConversations)]
pub fn bench_conversations(conversations: u32, runs: u32) -> Result<Vec<f64>, JsValue> {
    use crate::services::conversations::{answering, assemble, index_for_search, Filter};
    const DAY: f64 = 86_400_000.0;
    let now = 1_780_000_000_000.0;
    let (items, triage) = inbox_fixture("ws", conversations, now);
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let (mut group_ms, mut figures_ms, mut filter_ms) = (vec![], vec![], vec![]);
    let mut index_ms = vec![];
    let mut checksum = 0usize;
    for _ in 0..runs.max(1) {
        let t0 = perf.now();
        let mut list = assemble("ws", items.clone(), triage.clone(), now);
        group_ms.push(perf.now() - t0);
        let t3 = perf.now();
        index_for_search(&mut list);
        index_ms.push(perf.now() - t3);
        let t1 = perf.now();
        let a = answering(&list, now - 30.0 * DAY, None);
        figures_ms.push(perf.now() - t1);
        checksum += a.waiting.len() + a.first_response_hours.len() + list.len();
        let typed = "commande n°12345";
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let f = Filter {
                text: typed[..end].to_lowercase(),
                ..Filter::default()
            };
            let t2 = perf.now();
            checksum += list.iter().filter(|c| f.keeps(c)).count();
            filter_ms.push(perf.now() - t2);
        }
    }
    if checksum == 0 {
        return Err("nothing computed".into());
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    filter_ms.sort_by(f64::total_cmp);
    let p95 =
        filter_ms[((filter_ms.len() as f64 * 0.95).ceil() as usize).clamp(1, filter_ms.len()) - 1];
    Ok(vec![
        median(group_ms),
        median(figures_ms),
        p95,
        median(index_ms),
    ])
}

/// The app's own database and its first workspace (the benchmark made it through the UI).
async fn app_db_first_workspace() -> Result<(Db, crate::domain::workspace::Workspace), JsValue> {
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let db = Db::open(schema::DB_NAME, || {})
        .await
        .map_err(|e| err(&e))?;
    let ws = crate::store::workspaces::list(&db)
        .await
        .map_err(|e| err(&e))?
        .into_iter()
        .next()
        .ok_or("create a workspace first")?;
    Ok((db, ws))
}

/// Writes the fixture of [`inbox_fixture`] into the app's database, for its first
/// workspace, ending now: the Inbox page then reads 50,000 conversations as a user would.
#[wasm_bindgen(js_name = benchSeedInbox)]
pub async fn bench_seed_inbox(conversations: u32) -> Result<u32, JsValue> {
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let (db, ws) = app_db_first_workspace().await?;
    let (items, triage) = inbox_fixture(&ws.id, conversations, js_sys::Date::now());
    for chunk in items.chunks(5_000) {
        crate::store::inbox::save_page(&db, chunk, None)
            .await
            .map_err(|e| err(&e))?;
    }
    crate::store::triage::put_all(&db, &triage)
        .await
        .map_err(|e| err(&e))?;
    Ok(items.len() as u32)
}
