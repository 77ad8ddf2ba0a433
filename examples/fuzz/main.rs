//! The fuzz command (`scripts/fuzz.sh`, not part of the tests): every way data comes into
//! Attaché, fed generated inputs on stable Rust — the import parser, Mastodon's and
//! Bluesky's answers as the app reads them, the status-HTML sanitiser, the facet detector,
//! the counters, the preview, listening's queries and the sentiment hint. Each target gets
//! `N` inputs (60,000 unless given: `cargo run --profile fuzz --example fuzz -- N [seed]`);
//! a panic is caught, counted and its input written to `fuzz-results/<target>-<n>.txt`, to
//! become a native regression test. Prints one line per target —
//! with the share of inputs that got past the parser into the code behind it — and the
//! totals; exits 1 when anything panicked.

mod gen;
mod seeds;
mod targets;

use std::panic;
use std::time::Instant;

use gen::Rng;

fn main() {
    let mut args = std::env::args().skip(1);
    let per_target: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(60_000);
    let seed: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x5eed_a77a_c4e5);
    // A panic is counted, not printed: its message is kept with the input.
    let message = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    {
        let message = message.clone();
        panic::set_hook(Box::new(move |info| {
            if let Ok(mut m) = message.lock() {
                *m = info.to_string();
            }
        }));
    }
    std::fs::create_dir_all("fuzz-results").ok();
    let all = targets::all();
    let started = Instant::now();
    let (mut inputs, mut panics) = (0usize, 0usize);
    println!(
        "{:<28} {:>10} {:>8} {:>8} {:>10}",
        "target", "inputs", "parsed", "panics", "seconds"
    );
    for (i, target) in all.iter().enumerate() {
        let mut rng = Rng::new(seed ^ ((i as u64 + 1) * 0x9e37_79b9_7f4a_7c15));
        let t0 = Instant::now();
        let (mut found, mut parsed) = (0usize, 0usize);
        for n in 0..per_target {
            let input = (target.make)(&mut rng);
            let run = target.run;
            match panic::catch_unwind(|| run(&input)) {
                Ok(true) => parsed += 1,
                Ok(false) => {}
                Err(_) => {
                    found += 1;
                    if found <= 5 {
                        let what = message.lock().map(|m| m.clone()).unwrap_or_default();
                        let path = format!("fuzz-results/{}-{n}.txt", target.name);
                        std::fs::write(&path, &input).ok();
                        eprintln!("{}: panic on input {n} ({path}): {what}", target.name);
                    }
                }
            }
        }
        inputs += per_target;
        panics += found;
        println!(
            "{:<28} {:>10} {:>7.0}% {:>8} {:>10.1}",
            target.name,
            per_target,
            100.0 * parsed as f64 / per_target.max(1) as f64,
            found,
            t0.elapsed().as_secs_f64()
        );
    }
    println!(
        "{:<28} {:>10} {:>8} {:>8} {:>10.1}",
        "all",
        inputs,
        "",
        panics,
        started.elapsed().as_secs_f64()
    );
    if panics > 0 {
        std::process::exit(1);
    }
}
