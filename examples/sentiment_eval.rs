//! The sentiment hint against the labelled sets written for the project
//! (`tests/fixtures/sentiment/{en,fr}.tsv`, 210 posts each, 70 per class): accuracy,
//! macro-F1 and the confusion table per language, as `scripts/bench.sh` prints them; for
//! English, VADER itself (`vader-parity`, the reference Python package's rules and
//! lexicon, a dev-dependency only) on the same posts, as the baseline.
//! Run: `cargo run --release --example sentiment_eval`.

use attache::domain::sentiment::{
    compound, evaluate, labelled_line, of_score, Evaluation, Language,
};

fn show(name: &str, e: &Evaluation) {
    println!(
        "{name}: {} posts, accuracy {:.1} %, macro-F1 {:.3}; confusion (rows labelled neg/neu/pos, columns hinted) {:?}",
        e.total,
        e.accuracy * 100.0,
        e.macro_f1,
        e.confusion
    );
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut json = vec![];
    for (code, lang) in [("en", Language::English), ("fr", Language::French)] {
        let text = std::fs::read_to_string(format!("{root}/tests/fixtures/sentiment/{code}.tsv"))
            .expect("the labelled set");
        let set: Vec<_> = text.lines().filter_map(labelled_line).collect();
        let ours = evaluate(&set, |t| of_score(compound(t, lang)));
        show(&format!("attache {code}"), &ours);
        json.push(format!(
            "\"{code}\":{{\"posts\":{},\"accuracy\":{:.4},\"macro_f1\":{:.4}}}",
            ours.total, ours.accuracy, ours.macro_f1
        ));
        if lang == Language::English {
            let vader = vader_parity::SentimentIntensityAnalyzer::new();
            let base = evaluate(&set, |t| of_score(vader.polarity_scores(t).compound));
            show("vader (reference) en", &base);
            json.push(format!(
                "\"vader_en\":{{\"posts\":{},\"accuracy\":{:.4},\"macro_f1\":{:.4}}}",
                base.total, base.accuracy, base.macro_f1
            ));
        }
    }
    println!("JSON {{{}}}", json.join(","));
}
