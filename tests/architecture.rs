//! The house rules, checked on the source itself (in the spirit of rust-analyzer's tidy
//! tests): which layer may import which, the UI never writing the store, no file over
//! 600 lines, and a `//!` header on every file. A violation fails with its file, line and
//! rule. The checker's own tests plant one violation of each rule and see it caught.

use std::fs;
use std::path::{Path, PathBuf};

/// Longest a source file may be.
const MAX_LINES: usize = 600;

/// Names of store functions that write: a UI file must ask a service instead.
const WRITE_VERBS: &[&str] = &[
    "put", "delete", "save", "set", "remember", "take", "change", "clear", "import", "add",
    "remove", "write", "mark", "update", "replace", "create", "move", "apply", "adopt",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Domain,
    Store,
    Platforms,
    Services,
    Ui,
    Other,
}

impl Layer {
    /// The layer a file under `src/` belongs to, from its path relative to `src/`.
    fn of(rel: &str) -> Layer {
        match rel.split('/').next().unwrap_or("") {
            "domain" => Layer::Domain,
            "store" => Layer::Store,
            "platforms" => Layer::Platforms,
            "services" => Layer::Services,
            "ui" => Layer::Ui,
            _ => Layer::Other,
        }
    }

    /// Our own modules this layer may not name.
    fn forbidden_modules(self) -> &'static [&'static str] {
        match self {
            Layer::Domain => &["store", "platforms", "services", "ui", "app"],
            Layer::Store => &["platforms", "services", "ui", "app"],
            Layer::Platforms => &["store", "services", "ui", "app"],
            Layer::Services => &["ui", "app"],
            Layer::Ui => &["platforms", "app"],
            Layer::Other => &[],
        }
    }

    /// Outside crates this layer may not name.
    fn forbidden_crates(self) -> &'static [&'static str] {
        match self {
            Layer::Domain => &[
                "web_sys",
                "js_sys",
                "wasm_bindgen",
                "wasm_bindgen_futures",
                "leptos",
                "gloo",
            ],
            _ => &[],
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Violation {
    file: String,
    line: usize,
    rule: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "src/{}:{}: {}", self.file, self.line, self.rule)
    }
}

/// The code of a line without its `//` comment (string contents are kept: rare enough).
fn code_of(line: &str) -> &str {
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Whether `text` names `word` as a whole path segment (`crate::store`, `store::posts`,
/// `web_sys::Blob`), not as part of a longer name (`restore`, `my_store`).
fn names_segment(text: &str, word: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = vec![];
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let end = at + word.len();
        let before_ok =
            at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let after_ok =
            end == bytes.len() || !(bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_');
        if before_ok && after_ok {
            found.push(at);
        }
        from = end;
    }
    found
}

/// Whether the segment at `at` in `code` is a path into our crate's module `module`:
/// `crate::module`, `super::…::module` reaching the top, or `use crate::{module…}`.
fn is_our_module(code: &str, at: usize, module: &str) -> bool {
    let before = &code[..at];
    let after = &code[at + module.len()..];
    let path_follows = after.starts_with("::")
        || after.starts_with(';')
        || after.starts_with(',')
        || after.starts_with('}')
        || after.starts_with(" as ");
    if before.ends_with("crate::") {
        return true;
    }
    // `use crate::{store, domain}` and the like.
    if let Some(open) = before.rfind("crate::{") {
        if !before[open..].contains('}') {
            return path_follows;
        }
    }
    false
}

/// Every rule broken by one file, given its path relative to `src/` and its text.
fn check_file(rel: &str, text: &str) -> Vec<Violation> {
    let layer = Layer::of(rel);
    let mut out = vec![];
    let mut say = |line: usize, rule: String| {
        out.push(Violation {
            file: rel.to_string(),
            line,
            rule,
        })
    };
    if !text.starts_with("//!") {
        say(
            1,
            "every file starts with a `//!` header saying what it owns".into(),
        );
    }
    let lines = text.lines().count();
    if lines > MAX_LINES {
        say(
            lines,
            format!("{lines} lines: no file over {MAX_LINES} lines"),
        );
    }
    let store_aliases = if layer == Layer::Ui {
        store_modules_imported(text)
    } else {
        vec![]
    };
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let code = code_of(raw);
        for module in layer.forbidden_modules() {
            for at in names_segment(code, module) {
                if is_our_module(code, at, module) {
                    say(line, format!("{layer:?} may not use `{module}`"));
                }
            }
        }
        for krate in layer.forbidden_crates() {
            for at in names_segment(code, krate) {
                if code[at + krate.len()..].starts_with("::")
                    || code.trim_start().starts_with("use")
                {
                    say(
                        line,
                        format!("{layer:?} may not use `{krate}` (no I/O, no browser)"),
                    );
                }
            }
        }
        if layer == Layer::Ui {
            for function in store_writes_called(code, &store_aliases) {
                say(
                    line,
                    format!("the UI may not write the store (`{function}`): ask a service"),
                );
            }
        }
    }
    out
}

/// Whether a store function's name says it writes.
fn writes(function: &str) -> bool {
    WRITE_VERBS
        .iter()
        .any(|v| function == *v || function.starts_with(&format!("{v}_")))
}

/// The store modules a UI file imports by name (`use crate::store::posts;`,
/// `use crate::store::{self, posts, library as lib};`), as the names it calls them by.
fn store_modules_imported(text: &str) -> Vec<String> {
    let mut names = vec!["store".to_string()];
    for raw in text.lines() {
        let code = code_of(raw).trim();
        let Some(rest) = code.strip_prefix("use crate::store::") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let items: Vec<&str> = match rest.strip_prefix('{') {
            Some(list) => list.trim_end_matches('}').split(',').collect(),
            None => vec![rest],
        };
        for item in items {
            let item = item.trim();
            let (path, alias) = match item.split_once(" as ") {
                Some((p, a)) => (p.trim(), a.trim()),
                None => (item, item.rsplit("::").next().unwrap_or(item)),
            };
            if path.is_empty() || path == "self" || path.contains('{') {
                continue;
            }
            // A module (lower case), or a function imported directly.
            if path.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                names.push(alias.to_string());
            }
        }
    }
    names
}

/// The writing store functions a line of UI code calls, through `store::module::f`,
/// an imported module `module::f`, or a writing function imported directly.
fn store_writes_called(code: &str, aliases: &[String]) -> Vec<String> {
    let mut found = vec![];
    for alias in aliases {
        for at in names_segment(code, alias) {
            let rest = &code[at + alias.len()..];
            let Some(rest) = rest.strip_prefix("::") else {
                continue;
            };
            let mut path: Vec<&str> = vec![];
            let mut tail = rest;
            loop {
                let end = tail
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(tail.len());
                path.push(&tail[..end]);
                match tail[end..].strip_prefix("::") {
                    Some(next) => tail = next,
                    None => break,
                }
            }
            if let Some(function) = path.last() {
                let is_module_path = alias != "store" || path.len() >= 2;
                if is_module_path && writes(function) && !found.contains(&function.to_string()) {
                    found.push(function.to_string());
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn check_tree(src: &Path) -> Vec<Violation> {
    let mut files = vec![];
    rust_files(src, &mut files);
    files.sort();
    let mut out = vec![];
    for path in files {
        let rel = path
            .strip_prefix(src)
            .expect("under src/")
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(&path).expect("a UTF-8 source file");
        out.extend(check_file(&rel, &text));
    }
    out
}

#[test]
fn the_source_follows_the_house_rules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let violations = check_tree(&src);
    let listed: Vec<String> = violations.iter().map(|v| v.to_string()).collect();
    assert!(
        violations.is_empty(),
        "{} violation(s):\n{}",
        violations.len(),
        listed.join("\n")
    );
}

#[test]
fn the_checker_reads_the_whole_tree() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    rust_files(&src, &mut files);
    let layers: Vec<Layer> = files
        .iter()
        .map(|p| Layer::of(&p.strip_prefix(&src).unwrap().to_string_lossy()))
        .collect();
    for layer in [
        Layer::Domain,
        Layer::Store,
        Layer::Platforms,
        Layer::Services,
        Layer::Ui,
    ] {
        assert!(layers.contains(&layer), "no file of {layer:?} found");
    }
    assert!(files.len() > 100, "only {} files found", files.len());
}

// The checker itself: each rule fails on a planted file and passes on a clean one.

const HEADER: &str = "//! A planted file.\n";

fn rules_broken(rel: &str, body: &str) -> Vec<String> {
    check_file(rel, &format!("{HEADER}{body}"))
        .into_iter()
        .map(|v| format!("{}:{}", v.line, v.rule))
        .collect()
}

#[test]
fn the_domain_may_not_use_other_layers_or_the_browser() {
    for (body, rule) in [
        ("use crate::store::posts;\n", "Domain may not use `store`"),
        (
            "use crate::platforms::http;\n",
            "Domain may not use `platforms`",
        ),
        (
            "fn f() { crate::services::clock::now_ms(); }\n",
            "Domain may not use `services`",
        ),
        ("use crate::{ui, domain};\n", "Domain may not use `ui`"),
        ("use web_sys::Blob;\n", "Domain may not use `web_sys`"),
        (
            "fn f() { js_sys::Date::now(); }\n",
            "Domain may not use `js_sys`",
        ),
        (
            "use wasm_bindgen::JsValue;\n",
            "Domain may not use `wasm_bindgen`",
        ),
    ] {
        let broken = rules_broken("domain/planted.rs", body);
        assert_eq!(broken.len(), 1, "{body:?} → {broken:?}");
        assert!(broken[0].starts_with("2:"), "{broken:?}");
        assert!(
            broken[0].contains(rule),
            "{body:?} → {broken:?}, expected {rule}"
        );
    }
    // Words that merely contain a layer's name are not imports.
    assert!(rules_broken(
        "domain/planted.rs",
        "fn restore(store: u8) -> u8 { store }\n"
    )
    .is_empty());
    assert!(rules_broken(
        "domain/planted.rs",
        "use super::post::Post;\n// crate::store in a comment\n"
    )
    .is_empty());
}

#[test]
fn platforms_may_not_use_the_store_services_or_ui() {
    for (body, module) in [
        ("use crate::store::Db;\n", "store"),
        ("use crate::services::clock;\n", "services"),
        ("use crate::ui::state::AppState;\n", "ui"),
    ] {
        let broken = rules_broken("platforms/mastodon/planted.rs", body);
        assert_eq!(broken, vec![format!("2:Platforms may not use `{module}`")]);
    }
    assert!(rules_broken(
        "platforms/planted.rs",
        "use web_sys::Blob;\nuse crate::domain::post::Post;\n"
    )
    .is_empty());
}

#[test]
fn the_store_may_not_use_platforms_services_or_ui() {
    for (body, module) in [
        ("use crate::platforms::http;\n", "platforms"),
        ("use crate::services::clock::now_ms;\n", "services"),
        ("use crate::ui::errors;\n", "ui"),
    ] {
        let broken = rules_broken("store/planted.rs", body);
        assert_eq!(broken, vec![format!("2:Store may not use `{module}`")]);
    }
}

#[test]
fn services_may_not_use_the_ui() {
    let broken = rules_broken("services/planted.rs", "use crate::ui::text::Text;\n");
    assert_eq!(broken, vec!["2:Services may not use `ui`".to_string()]);
    assert!(rules_broken(
        "services/planted.rs",
        "use crate::store::{self, Db};\nuse crate::platforms::http;\n"
    )
    .is_empty());
}

#[test]
fn the_ui_may_not_use_platforms() {
    let broken = rules_broken(
        "ui/planted.rs",
        "    use crate::platforms::address::InstanceError;\n",
    );
    assert_eq!(broken, vec!["2:Ui may not use `platforms`".to_string()]);
}

#[test]
fn the_ui_may_not_write_the_store() {
    for body in [
        "fn f() { store::posts::put(&db, &post); }\n",
        "fn f() { crate::store::library::delete(&db, &id); }\n",
        "fn f() { store::outbox::set_sends_late_automatically(&db, &ws, true); }\n",
    ] {
        let broken = rules_broken("ui/pages/planted.rs", &format!("use crate::store;\n{body}"));
        assert_eq!(broken.len(), 1, "{body:?} → {broken:?}");
        assert!(
            broken[0].starts_with("3:the UI may not write the store"),
            "{broken:?}"
        );
    }
    // Through an imported module, renamed or not.
    let broken = rules_broken(
        "ui/planted.rs",
        "use crate::store::{self, posts as p};\nfn f() { p::put_edit(&db, &post); }\n",
    );
    assert_eq!(
        broken,
        vec!["3:the UI may not write the store (`put_edit`): ask a service".to_string()]
    );
    // Reading is allowed.
    assert!(rules_broken("ui/planted.rs", "use crate::store;\nfn f() { store::posts::get(&db, &id); store::posts::due_between(&db, &w, 0.0, 1.0); }\n").is_empty());
}

#[test]
fn every_file_has_a_header_and_at_most_600_lines() {
    let broken = check_file("domain/planted.rs", "use super::post::Post;\n");
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0].line, 1);
    assert!(broken[0].rule.contains("`//!` header"));

    let long = format!("{HEADER}{}", "fn f() {}\n".repeat(MAX_LINES));
    let broken = check_file("services/planted.rs", &long);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].rule.contains("601 lines"), "{broken:?}");
    let just = format!("{HEADER}{}", "fn f() {}\n".repeat(MAX_LINES - 1));
    assert!(check_file("services/planted.rs", &just).is_empty());
}

#[test]
fn a_violation_names_its_file_and_line() {
    let v = &check_file(
        "ui/pages/planted.rs",
        "//! x\n\nuse crate::platforms::http;\n",
    )[0];
    assert_eq!(
        v.to_string(),
        "src/ui/pages/planted.rs:3: Ui may not use `platforms`"
    );
}
