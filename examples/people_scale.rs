//! The People page's and the search box's in-memory work at the benchmark's scale, natively
//! (the same fixtures and code as `benchSearch` in the browser): 100,000 members giving
//! 1,000,000 signs and 50,000 conversations. Natively the figures are smaller than in wasm;
//! what they are for is seeing where the time goes, quickly, while optimising.
//! Run: `cargo run --release --features bench --example people_scale`.

use std::time::Instant;

use attache::bench::fixtures::{inbox_fixture, records_fixture, signs_fixture};
use attache::domain::interaction::Interaction;
use attache::domain::member_gather::{place, Gatherer};
use attache::domain::member_level::Weights;
use attache::domain::queue::Zone;
use attache::domain::search::Builder;
use attache::domain::search_docs;

/// Paris in winter, as the bench's browser would be (an offset, no clock asked).
struct Winter;
impl Zone for Winter {
    fn offset_minutes(&self, _utc_ms: f64) -> i32 {
        60
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1_000.0
}

fn main() {
    let now = 1_780_000_000_000.0;
    let (items, _) = inbox_fixture("ws", 50_000, now);
    let signs: Vec<Interaction> = signs_fixture("ws", 100_000, 1_000_000, now);
    let records = records_fixture("ws", 100_000, now);
    let mut best = [f64::MAX; 7];
    for run in 0..5 {
        let t = Instant::now();
        let merged = Default::default();
        let mut g = Gatherer::new(&items, &[], &merged);
        for i in &items {
            g.item(i);
        }
        let items_ms = ms(t);
        let t = Instant::now();
        for s in &signs {
            g.sign(s);
        }
        let signs_ms = ms(t);
        let t = Instant::now();
        let zone = attache::domain::zone_cache::CachedZone::new(Winter);
        let review = attache::domain::member::review_start(&zone, now);
        let mut members = g.members();
        for m in &mut members {
            place(m, &Weights::default(), &zone, now, review);
        }
        let place_ms = ms(t);
        let t = Instant::now();
        let mut docs = search_docs::members(&items, &signs, &[], &Default::default(), &records);
        docs.extend(search_docs::conversations(&items));
        let docs_ms = ms(t);
        let n = docs.len();
        let t = Instant::now();
        let mut b = Builder::default();
        for d in docs {
            b.add(d);
        }
        let add_ms = ms(t);
        let t = Instant::now();
        let index = b.finish();
        let finish_ms = ms(t);
        let t = Instant::now();
        let found = index.search("eloise dubois 4", 5).len();
        let search_ms = ms(t);
        for (b, v) in best.iter_mut().zip([
            items_ms, signs_ms, place_ms, docs_ms, add_ms, finish_ms, search_ms,
        ]) {
            *b = b.min(v);
        }
        println!(
            "run {run}: {} members — messages {items_ms:.0} ms, signs {signs_ms:.0} ms, \
             placing {place_ms:.0} ms (levels {:.0} ms); {n} documents {docs_ms:.0} ms, \
             added {add_ms:.0} ms, finished {finish_ms:.0} ms (search {:.0} ms); \
             a search {search_ms:.2} ms ({found} found)",
            members.len(),
            items_ms + signs_ms + place_ms,
            docs_ms + add_ms + finish_ms,
        );
    }
    println!(
        "fastest of each: messages {:.0} ms, signs {:.0} ms, placing {:.0} ms; documents {:.0} ms, \
         added {:.0} ms, finished {:.0} ms; a search {:.2} ms",
        best[0], best[1], best[2], best[3], best[4], best[5], best[6]
    );
}
