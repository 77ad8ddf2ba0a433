//! The search box and the members at the scale of a large workspace: 100,000 members who
//! gave 1,000,000 signs, and 50,000 conversations (150,000 messages), data in memory.

use wasm_bindgen::prelude::*;

use crate::domain::interaction::Interaction;

use super::fixtures::{records_fixture, signs_fixture};
use crate::domain::search::Builder;
use crate::domain::search_docs;

/// Returns: making the documents and building the index as the search box does, in ms; the
/// longest single block of that work in ms (a slice of 2,000 messages, signs or additions,
/// making the members' documents, grouping the conversations, or a step of the words'
/// sort); the 95th percentile of searching one typed character at a time; the number of
/// documents; meeting the people, making the members' documents and grouping the
/// conversations (ms); placing every member on their level (ms) and how many members that
/// made.
#[wasm_bindgen(js_name = benchSearch)]
pub fn bench_search(members: u32, signs: u32, conversations: u32) -> Result<Vec<f64>, JsValue> {
    let now = 1_780_000_000_000.0;
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let (items, _) = super::inbox_fixture("ws", conversations, now);
    let signs = signs_fixture("ws", members, signs, now);
    let records = records_fixture("ws", members, now);
    // As the search box builds it (services/search.rs): the people met and the documents
    // added (each made as it is added) in slices of `SLICE_MS`, put together by member and
    // the conversations grouped `STEP` at a time, the words sorted in steps.
    let t0 = perf.now();
    let mut longest = 0f64;
    let mut slice_at = t0;
    // One step of the build; `done`: a step that gives way whatever its length. Else as
    // `clock::Slices::tick` does: the clock read every `CLOCK_EVERY` steps, the screen's turn once the
    // slice has run `SLICE_MS`.
    let mut ticks = 0u32;
    let mut longest_in = "";
    // Every block over 12 ms, for the console.
    let mut over_frame: Vec<String> = vec![];
    let mut step = |longest: &mut f64, done: bool, what: &'static str| {
        ticks += 1;
        if done
            || (ticks.is_multiple_of(crate::services::clock::CLOCK_EVERY)
                && perf.now() - slice_at >= crate::services::clock::SLICE_MS)
        {
            let t = perf.now();
            if t - slice_at > *longest {
                *longest = t - slice_at;
                longest_in = what;
            }
            if t - slice_at > 12.0 {
                over_frame.push(format!("{:.1} ms {what}", t - slice_at));
            }
            slice_at = t;
        }
    };
    let mut people = search_docs::MemberDocs::default();
    for i in &items {
        people.item(i);
        step(&mut longest, false, "people met");
    }
    for s in &signs {
        people.sign(s);
        step(&mut longest, false, "people met");
    }
    step(&mut longest, true, "people met (end)");
    let merged = Default::default();
    let mut finishing = people.finishing(&[], &merged, &records);
    while !finishing.step(crate::services::search::STEP) {
        step(&mut longest, true, "put together");
    }
    let member_count = finishing.members();
    let member_docs = finishing.docs();
    step(&mut longest, true, "put together (end)");
    let mut grouping = crate::domain::conversation::Grouping::new(&items);
    step(&mut longest, true, "grouping (new)");
    while !grouping.step(crate::services::search::STEP) {
        step(&mut longest, true, "grouping");
    }
    let grouped = grouping.conversations();
    step(&mut longest, true, "conversations sorted");
    let docs_ms = perf.now() - t0;
    let mut builder = Builder::default();
    builder.reserve(member_count + grouped.len());
    let conversation_docs = search_docs::conversation_docs(&items, grouped);
    let mut count = 0usize;
    for d in member_docs.into_iter().chain(conversation_docs) {
        builder.add(d);
        count += 1;
        step(&mut longest, false, "documents added");
    }
    step(&mut longest, true, "documents added (end)");
    let mut finishing = builder.finishing();
    step(&mut longest, true, "words: buckets made");
    while !finishing.step(crate::domain::search::FINISH_STEP) {
        step(&mut longest, true, "words sorted");
    }
    let index = finishing.index();
    step(&mut longest, true, "index");
    let build_ms = perf.now() - t0 - docs_ms;
    web_sys::console::log_1(
        &format!(
            "search build: longest block {longest:.1} ms, in \"{longest_in}\"; over 12 ms: {}",
            over_frame.join(", ")
        )
        .into(),
    );
    let mut times = vec![];
    let mut found = 0usize;
    for typed in [
        "eloise dubois 4",
        "commande 12345",
        "ambassadeur livraison 77",
        "zoe",
    ] {
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let t = perf.now();
            found += index.search(&typed[..end], 5).len();
            times.push(perf.now() - t);
        }
    }
    if found == 0 {
        return Err("nothing found".into());
    }
    times.sort_by(f64::total_cmp);
    let p95 = times[((times.len() as f64 * 0.95).ceil() as usize).clamp(1, times.len()) - 1];
    // Every member placed on their level (what the People page works out on each visit),
    // in the browser's time zone as the page does.
    let zone = crate::domain::zone_cache::CachedZone::new(crate::services::queue::BrowserZone);
    let t = perf.now();
    let merged = Default::default();
    let mut g = crate::domain::member_gather::Gatherer::new(&items, &[], &merged);
    for i in &items {
        g.item(i);
    }
    let items_ms = perf.now() - t;
    for s in &signs {
        g.sign(s);
    }
    let signs_ms = perf.now() - t - items_ms;
    let weights = crate::domain::member_level::Weights::default();
    let review = crate::domain::member::review_start(&zone, now);
    let mut placed = g.members();
    for m in &mut placed {
        crate::domain::member_gather::place(m, &weights, &zone, now, review);
    }
    let levels_ms = perf.now() - t;
    // The same placing asking the browser's clock at every activity (as before the cache).
    let t = perf.now();
    for m in &mut placed {
        crate::domain::member_gather::place(
            m,
            &weights,
            &crate::services::queue::BrowserZone,
            now,
            review,
        );
    }
    let uncached_ms = perf.now() - t;
    web_sys::console::log_1(
        &format!(
            "levels: messages {items_ms:.0} ms, signs {signs_ms:.0} ms, placing {:.0} ms \
             (placing with the clock asked at every activity: {uncached_ms:.0} ms)",
            levels_ms - items_ms - signs_ms
        )
        .into(),
    );
    Ok(vec![
        docs_ms + build_ms,
        longest,
        p95,
        count as f64,
        docs_ms,
        levels_ms,
        placed.len() as f64,
        levels_ms - items_ms - signs_ms,
        uncached_ms,
    ])
}

/// Messages and signs written as the syncs write them, 10,000 at a time.
async fn write_fixture(
    db: &crate::store::Db,
    items: &[crate::domain::inbox::InboxItem],
    signs: &[Interaction],
) -> Result<(), JsValue> {
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    for chunk in items.chunks(10_000) {
        crate::store::inbox::save_page(db, chunk, None)
            .await
            .map_err(|e| err(&e))?;
    }
    for chunk in signs.chunks(10_000) {
        crate::store::inbox::save_page_with(db, &[], chunk, None)
            .await
            .map_err(|e| err(&e))?;
    }
    Ok(())
}

/// Forgetting one member in a large workspace, as the People page does it: `conversations`
/// threads of three messages and `signs` signs from `members` people written to a database
/// of its own; then one who wrote 30 messages and one who gave 10 signs are forgotten.
/// Returns: the time to write the fixture (ms), then each forget (ms), then the messages
/// and signs each erased.
#[wasm_bindgen(js_name = benchForget)]
pub async fn bench_forget(
    members: u32,
    signs: u32,
    conversations: u32,
) -> Result<Vec<f64>, JsValue> {
    use crate::store::Db;
    let err = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no performance")?;
    let now = js_sys::Date::now();
    let db = Db::open("attache-bench-forget", || {})
        .await
        .map_err(|e| err(&e))?;
    let (items, _) = super::inbox_fixture("ws", conversations, now);
    let all_signs = signs_fixture("ws", members, signs, now);
    let t = perf.now();
    write_fixture(&db, &items, &all_signs).await?;
    let mut out = vec![perf.now() - t];
    let mut erased = vec![];
    for handle in ["@membre7@piaille.fr", "p1@piaille.fr"] {
        // The member as the People page holds them.
        let theirs: Vec<_> = items
            .iter()
            .filter(|i| i.author_handle == handle)
            .cloned()
            .collect();
        let given: Vec<_> = all_signs
            .iter()
            .filter(|s| s.who_handle == handle)
            .cloned()
            .collect();
        let member = crate::domain::member::gather(
            &theirs,
            &given,
            &[],
            &Default::default(),
            &crate::services::queue::BrowserZone,
            now,
        )
        .pop()
        .ok_or("no such member")?;
        // A search index kept for the next session, of about the size this workspace's is
        // (48 MB): forgetting deletes it in the same transaction.
        let kept = vec![7u8; 48 << 20];
        crate::store::kept::keep_search(&db, "ws", &kept, f64::INFINITY)
            .await
            .map_err(|e| err(&e))?;
        drop(kept);
        let t = perf.now();
        let e = crate::services::member_records::forget(&db, "ws", &member)
            .await
            .map_err(|e| err(&e))?;
        out.push(perf.now() - t);
        erased.extend([e.messages as f64, e.signs as f64]);
    }
    db.close();
    out.extend(erased);
    Ok(out)
}

/// The People page's workspace at scale: `conversations` threads of three messages and
/// `signs` signs from `members` people written into the app's own database, in its first
/// workspace. Returns the messages and signs written.
#[wasm_bindgen(js_name = benchSeedPeople)]
pub async fn bench_seed_people(
    members: u32,
    signs: u32,
    conversations: u32,
) -> Result<Vec<f64>, JsValue> {
    let (db, ws) = super::app_db_first_workspace().await?;
    let now = js_sys::Date::now();
    let (items, _) = super::inbox_fixture(&ws.id, conversations, now);
    let all_signs = signs_fixture(&ws.id, members, signs, now);
    write_fixture(&db, &items, &all_signs).await?;
    Ok(vec![items.len() as f64, all_signs.len() as f64])
}
