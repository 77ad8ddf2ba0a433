//! The export file: one versioned JSON document holding everything, or one workspace.
//! Import validates the whole file before anything is written, and reports every problem
//! by path (`workspaces[2].name: missing`), so the user can fix the file.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::library::LibraryItem;
use super::member_record::{Forgotten, Marks, MemberRecord};
use super::note::Note;
use super::post::Post;
use super::preferences::Preferences;
use super::workspace::{validate_name, NameError, Workspace};

mod documents;
mod new_workspace;
pub use documents::{Document, KINDS as DOCUMENT_KINDS};
pub use new_workspace::{as_new_workspace, NewWorkspace};

pub const FORMAT: &str = "attache-backup";
/// The newest file version this build reads and the one it writes. Version 2 carries the
/// posts' images (`media`); a version 1 file has none, and importing it keeps the images
/// already on the device. Version 3 carries what the workspaces keep about their members
/// (`members`) and the marks of the forgotten; an older file has neither, and importing it
/// keeps the member records on the device.
pub const VERSION: u64 = 4;
/// Beyond this many, problems are counted but not listed.
pub const MAX_LISTED_PROBLEMS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Everything on the device: a full import replaces it all.
    All,
    /// One workspace: an import adds it as a new workspace.
    Workspace,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u64,
    pub scope: Scope,
    pub exported_at: f64,
    pub workspaces: Vec<Workspace>,
    pub notes: Vec<Note>,
    /// Posts with their text, variants and history (images are not in the file yet).
    #[serde(default)]
    pub posts: Vec<Post>,
    /// Snippets, campaigns and posting slots.
    #[serde(default)]
    pub library: Vec<LibraryItem>,
    #[serde(default)]
    pub preferences: Option<Preferences>,
    /// The posts' images, bytes and all (from version 2).
    #[serde(default)]
    pub media: Vec<MediaFile>,
    /// What the workspaces keep about their members: notes, tags, fields, the teammate
    /// mark, merges, negative marks (from version 3; `None`: an older file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<MemberRecord>>,
    /// The marks of forgotten members (from version 3): an import adds them, never removes.
    #[serde(default)]
    pub forgotten: Vec<Forgotten>,
    /// The workspaces' own settings documents (from version 4: follow-ups, segments…).
    #[serde(default)]
    pub documents: Vec<Document>,
}

/// One image of a post, carried in the file: its type and its bytes in base64 (standard
/// alphabet, padded), so the export is one JSON file that restores everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaFile {
    pub id: String,
    pub post_id: String,
    pub mime: String,
    pub data: String,
}

impl MediaFile {
    pub fn new(id: &str, post_id: &str, mime: &str, bytes: &[u8]) -> MediaFile {
        use base64::Engine;
        MediaFile {
            id: id.to_string(),
            post_id: post_id.to_string(),
            mime: mime.to_string(),
            data: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    /// The image's bytes, or `None` when `data` is not base64.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(&self.data)
            .ok()
    }
}

impl Backup {
    pub fn new(scope: Scope, exported_at: f64) -> Self {
        Backup {
            format: FORMAT.into(),
            version: VERSION,
            scope,
            exported_at,
            workspaces: Vec::new(),
            notes: Vec::new(),
            posts: Vec::new(),
            library: Vec::new(),
            preferences: None,
            media: Vec::new(),
            members: None,
            forgotten: Vec::new(),
            documents: Vec::new(),
        }
    }

    /// How many records an import writes.
    pub fn record_count(&self) -> usize {
        self.workspaces.len()
            + self.notes.len()
            + self.posts.len()
            + self.library.len()
            + self.media.len()
            + usize::from(self.preferences.is_some())
            + self.members.as_ref().map_or(0, Vec::len)
            + self.forgotten.len()
            + self.documents.len()
    }

    /// The member records an import may write: those of a member forgotten (by a mark of
    /// the file or of the device, `device_marks`) are left out — a backup made before a
    /// member was forgotten does not bring them back.
    pub fn members_to_keep(&self, device_marks: &[Forgotten]) -> Vec<MemberRecord> {
        let mut marks: HashMap<&str, Marks> = HashMap::new();
        for w in &self.workspaces {
            let of_w = device_marks
                .iter()
                .chain(&self.forgotten)
                .filter(|f| f.workspace_id == w.id);
            marks.insert(w.id.as_str(), Marks::new(of_w));
        }
        self.members
            .iter()
            .flatten()
            .filter(|r| {
                marks
                    .get(r.workspace_id.as_str())
                    .is_none_or(|m| m.forgotten_at(&r.key).is_none())
            })
            .cloned()
            .collect()
    }

    /// Whether the file carries the workspaces' settings documents (version 4 and later): a
    /// full import then replaces the device's; an older file leaves them as they are.
    pub fn carries_documents(&self) -> bool {
        self.version >= 4
    }

    /// The settings documents an import writes, without what concerns anyone forgotten (by
    /// a mark of the file or of the device, `device_marks`).
    pub fn documents_to_keep(&self, device_marks: &[Forgotten]) -> Vec<Document> {
        self.documents
            .iter()
            .map(|d| {
                let marks = Marks::new(
                    device_marks
                        .iter()
                        .chain(&self.forgotten)
                        .filter(|f| f.workspace_id == d.workspace_id),
                );
                let mut d = d.clone();
                d.without_forgotten(&marks);
                d
            })
            .collect()
    }

    /// Whether the file carries the posts' images (version 2 and later): an import then
    /// replaces the images too.
    pub fn carries_media(&self) -> bool {
        self.version >= 2
    }
}

/// What is wrong at one place in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Missing,
    WrongType {
        expected: &'static str,
    },
    DuplicateId(String),
    UnknownWorkspace(String),
    /// An image for a post the file does not hold.
    UnknownPost(String),
    BadName(NameError),
    BadValue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathProblem {
    pub path: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Not JSON at all (line and column are 1-based).
    NotJson { line: usize, column: usize },
    /// JSON, but not an Attaché export.
    NotABackup,
    /// Written by a newer Attaché.
    NewerVersion { found: u64 },
    /// The file is an export, but some records are wrong. `total` may exceed the list.
    Problems {
        listed: Vec<PathProblem>,
        total: usize,
    },
}

struct Checker {
    listed: Vec<PathProblem>,
    total: usize,
}

impl Checker {
    fn report(&mut self, path: impl FnOnce() -> String, problem: Problem) {
        self.total += 1;
        if self.listed.len() < MAX_LISTED_PROBLEMS {
            self.listed.push(PathProblem {
                path: path(),
                problem,
            });
        }
    }

    fn field<'v>(&mut self, obj: &'v Map<String, Value>, at: &str, key: &str) -> Option<&'v Value> {
        let v = obj.get(key);
        if v.is_none() {
            self.report(|| format!("{at}.{key}"), Problem::Missing);
        }
        v
    }

    fn string<'v>(&mut self, obj: &'v Map<String, Value>, at: &str, key: &str) -> Option<&'v str> {
        match self.field(obj, at, key)? {
            Value::String(s) => Some(s),
            _ => {
                self.report(
                    || format!("{at}.{key}"),
                    Problem::WrongType { expected: "text" },
                );
                None
            }
        }
    }

    fn id(
        &mut self,
        obj: &Map<String, Value>,
        at: &str,
        seen: &mut HashSet<String>,
    ) -> Option<String> {
        let id = self.string(obj, at, "id")?;
        if id.trim().is_empty() {
            self.report(|| format!("{at}.id"), Problem::BadValue);
            return None;
        }
        if !seen.insert(id.to_string()) {
            self.report(|| format!("{at}.id"), Problem::DuplicateId(id.to_string()));
        }
        Some(id.to_string())
    }

    fn number(&mut self, obj: &Map<String, Value>, at: &str, key: &str) {
        if let Some(v) = self.field(obj, at, key) {
            if !v.is_number() {
                self.report(
                    || format!("{at}.{key}"),
                    Problem::WrongType { expected: "number" },
                );
            }
        }
    }

    fn optional_string(&mut self, obj: &Map<String, Value>, at: &str, key: &str) {
        if let Some(v) = obj.get(key) {
            if !v.is_string() {
                self.report(
                    || format!("{at}.{key}"),
                    Problem::WrongType { expected: "text" },
                );
            }
        }
    }

    /// A list the file may leave out (added after version 1): empty when absent.
    /// A record's `workspace_id`: present, and one of the file's workspaces.
    fn workspace_of(&mut self, obj: &Map<String, Value>, at: &str, known: &HashSet<String>) {
        if let Some(ws) = self.string(obj, at, "workspace_id") {
            if !known.contains(ws) {
                let ws = ws.to_string();
                self.report(
                    || format!("{at}.workspace_id"),
                    Problem::UnknownWorkspace(ws),
                );
            }
        }
    }

    fn optional_array<'v>(&mut self, root: &'v Map<String, Value>, key: &str) -> &'v [Value] {
        match root.get(key) {
            None => &[],
            Some(_) => self.array(root, key),
        }
    }

    fn array<'v>(&mut self, root: &'v Map<String, Value>, key: &str) -> &'v [Value] {
        match root.get(key) {
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.report(|| key.to_string(), Problem::WrongType { expected: "list" });
                &[]
            }
            None => {
                self.report(|| key.to_string(), Problem::Missing);
                &[]
            }
        }
    }

    fn object<'v>(
        &mut self,
        item: &'v Value,
        at: impl FnOnce() -> String,
    ) -> Option<&'v Map<String, Value>> {
        match item {
            Value::Object(o) => Some(o),
            _ => {
                self.report(at, Problem::WrongType { expected: "object" });
                None
            }
        }
    }
}

/// Reads and checks an export file. Nothing is returned unless the whole file is valid.
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    let root: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(root) = root else {
        return Err(ImportError::NotABackup);
    };
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotABackup);
    }
    match root.get("version").and_then(Value::as_u64) {
        Some(v) if v > VERSION => return Err(ImportError::NewerVersion { found: v }),
        Some(v) if v >= 1 => {}
        _ => return Err(ImportError::NotABackup),
    }
    let mut c = Checker {
        listed: Vec::new(),
        total: 0,
    };
    match root.get("scope").and_then(Value::as_str) {
        Some("all") | Some("workspace") => {}
        Some(_) => c.report(|| "scope".into(), Problem::BadValue),
        None => c.report(|| "scope".into(), Problem::Missing),
    }
    if !root.get("exported_at").is_some_and(Value::is_number) {
        c.report(
            || "exported_at".into(),
            Problem::WrongType { expected: "number" },
        );
    }

    let mut workspace_ids = HashSet::new();
    let mut names: Vec<String> = Vec::new();
    for (i, item) in c.array(&root, "workspaces").iter().enumerate() {
        let at = format!("workspaces[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.id(obj, &at, &mut workspace_ids);
        if let Some(name) = c.string(obj, &at, "name") {
            match validate_name(name, names.iter().map(String::as_str)) {
                Ok(clean) => names.push(clean),
                Err(e) => c.report(|| format!("{at}.name"), Problem::BadName(e)),
            }
        }
        c.number(obj, &at, "created_at");
    }

    let mut note_ids = HashSet::new();
    for (i, item) in c.array(&root, "notes").iter().enumerate() {
        let at = format!("notes[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.id(obj, &at, &mut note_ids);
        c.workspace_of(obj, &at, &workspace_ids);
        for key in ["title", "text", "url"] {
            c.optional_string(obj, &at, key);
        }
        c.number(obj, &at, "created_at");
    }

    let mut post_ids = HashSet::new();
    let posts = c.optional_array(&root, "posts");
    for (i, item) in posts.iter().enumerate() {
        let at = format!("posts[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.id(obj, &at, &mut post_ids);
        c.workspace_of(obj, &at, &workspace_ids);
        if super::json::read::<Post>(item).is_err() {
            c.report(|| at.clone(), Problem::BadValue);
        }
    }

    let mut library_ids = HashSet::new();
    let library = c.optional_array(&root, "library");
    for (i, item) in library.iter().enumerate() {
        let at = format!("library[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.id(obj, &at, &mut library_ids);
        c.workspace_of(obj, &at, &workspace_ids);
        if super::json::read::<LibraryItem>(item).is_err() {
            c.report(|| at.clone(), Problem::BadValue);
        }
    }

    let mut media_ids = HashSet::new();
    let media = c.optional_array(&root, "media");
    for (i, item) in media.iter().enumerate() {
        let at = format!("media[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.id(obj, &at, &mut media_ids);
        if let Some(post) = c.string(obj, &at, "post_id") {
            if !post_ids.contains(post) {
                c.report(
                    || format!("{at}.post_id"),
                    Problem::UnknownPost(post.to_string()),
                );
            }
        }
        c.string(obj, &at, "mime");
        match super::json::read::<MediaFile>(item) {
            Ok(m) if m.bytes().is_some() => {}
            _ => c.report(|| format!("{at}.data"), Problem::BadValue),
        }
    }

    let mut member_ids = HashSet::new();
    for (i, item) in c.optional_array(&root, "members").iter().enumerate() {
        let at = format!("members[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.id(obj, &at, &mut member_ids);
        c.workspace_of(obj, &at, &workspace_ids);
        c.string(obj, &at, "key");
        if super::json::read::<MemberRecord>(item).is_err() {
            c.report(|| at.clone(), Problem::BadValue);
        }
    }
    let mut mark_ids = HashSet::new();
    for (i, item) in c.optional_array(&root, "forgotten").iter().enumerate() {
        let at = format!("forgotten[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.id(obj, &at, &mut mark_ids);
        c.string(obj, &at, "mark");
        if super::json::read::<Forgotten>(item).is_err() {
            c.report(|| at.clone(), Problem::BadValue);
        }
    }

    let mut document_keys = HashSet::new();
    for (i, item) in c.optional_array(&root, "documents").iter().enumerate() {
        let at = format!("documents[{i}]");
        let Some(obj) = c.object(item, || at.clone()) else {
            continue;
        };
        c.workspace_of(obj, &at, &workspace_ids);
        let kind = c.string(obj, &at, "kind");
        if kind.is_some_and(|k| !DOCUMENT_KINDS.contains(&k)) {
            c.report(|| format!("{at}.kind"), Problem::BadValue);
            continue;
        }
        match super::json::read::<Document>(item) {
            Ok(d) if !d.is_well_formed() => c.report(|| format!("{at}.value"), Problem::BadValue),
            Ok(d) if !document_keys.insert(d.key()) => {
                c.report(|| at.clone(), Problem::DuplicateId(d.key()))
            }
            Ok(_) => {}
            Err(_) if obj.contains_key("value") => c.report(|| at.clone(), Problem::BadValue),
            Err(_) => c.report(|| format!("{at}.value"), Problem::Missing),
        }
    }

    if let Some(prefs) = root.get("preferences").filter(|p| !p.is_null()) {
        if super::json::read::<Preferences>(prefs).is_err() {
            c.report(|| "preferences".into(), Problem::BadValue);
        }
    }

    if c.total > 0 {
        return Err(ImportError::Problems {
            listed: c.listed,
            total: c.total,
        });
    }
    // Read from the checked tree (a key given twice counts once, as it was checked), through
    // its text: one deserializer for every type (domain::json).
    super::json::read(&Value::Object(root)).map_err(|_| ImportError::NotABackup)
}
