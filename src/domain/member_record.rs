//! What the user keeps about a member (the rest is gathered from the messages, see
//! `member.rs`): dated notes by teammate name, tags, custom fields, whether they are a
//! teammate (left out of the levels) — and how a member is forgotten: their personal data
//! erased from the stored messages and signs (kept as "someone", so counts stay right) and a
//! one-way mark of who they were, so the next sync does not bring back what was erased.

use super::sorting;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::inbox::InboxItem;
use super::interaction::Interaction;

/// The longest a note may be, in characters.
pub const MAX_NOTE: usize = 5_000;
/// The longest a tag, a field's name or a field's value may be.
pub const MAX_TAG: usize = 60;
pub const MAX_FIELD: usize = 500;

/// A dated note about a member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberNote {
    pub id: String,
    /// UTC ms.
    pub at: f64,
    /// The teammate who wrote it, as they gave their name.
    pub by: String,
    pub text: String,
}

/// A custom field ("company": "Acme").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub value: String,
}

/// The user's own record of a member (key: `<workspace>:<member key>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberRecord {
    pub id: String,
    pub workspace_id: String,
    /// The member's key (`member::key_of`).
    pub key: String,
    /// Newest first.
    #[serde(default)]
    pub notes: Vec<MemberNote>,
    /// In the order given, each once (case-insensitive).
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
    /// A teammate: left out of the levels, the counts and the segments.
    #[serde(default)]
    pub teammate: bool,
    /// The keys of the identities merged into this member (each keeps its own record,
    /// which comes back as it was when unmerged).
    #[serde(default)]
    pub merged: Vec<String>,
    /// Interactions the user marked as negative (by their address), with when they were.
    #[serde(default)]
    pub negative: Vec<NegativeMark>,
    pub updated_at: f64,
}

/// One of a member's interactions the user judged negative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NegativeMark {
    /// The interaction's address (a timeline moment's `url`).
    pub url: String,
    /// When the interaction happened (UTC ms).
    pub at: f64,
}

/// How far back a negative interaction makes a member a detractor.
pub const DETRACTOR_DAYS: f64 = 90.0;

impl MemberRecord {
    pub fn id_of(workspace_id: &str, key: &str) -> String {
        format!("{workspace_id}:{key}")
    }

    pub fn new(workspace_id: &str, key: &str, now: f64) -> Self {
        MemberRecord {
            id: Self::id_of(workspace_id, key),
            workspace_id: workspace_id.to_string(),
            key: key.to_string(),
            updated_at: now,
            ..Self::default()
        }
    }

    /// Whether it holds nothing the user gave (then it need not be kept).
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
            && self.tags.is_empty()
            && self.fields.is_empty()
            && !self.teammate
            && self.merged.is_empty()
            && self.negative.is_empty()
    }

    /// Marks the interaction at `url` (that happened at `at`) as negative, or not.
    pub fn set_negative(&mut self, url: &str, at: f64, negative: bool) {
        self.negative.retain(|m| m.url != url);
        if negative {
            self.negative.push(NegativeMark {
                url: url.to_string(),
                at,
            });
        }
    }

    pub fn is_negative(&self, url: &str) -> bool {
        self.negative.iter().any(|m| m.url == url)
    }

    /// Whether an interaction of the last [`DETRACTOR_DAYS`] was marked negative.
    pub fn is_detractor(&self, now: f64) -> bool {
        let since = now - DETRACTOR_DAYS * 86_400_000.0;
        self.negative.iter().any(|m| m.at >= since)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordError {
    Empty,
    TooLong,
}

/// The words of a note, trimmed, or why they cannot be one.
pub fn note_text(text: &str) -> Result<String, RecordError> {
    let text = text.trim();
    if text.is_empty() {
        Err(RecordError::Empty)
    } else if text.chars().count() > MAX_NOTE {
        Err(RecordError::TooLong)
    } else {
        Ok(text.to_string())
    }
}

/// Tags from what was typed ("ambassador, Lyon"): trimmed, without a leading `#`, each once
/// whatever its case (the first spelling kept), empty ones dropped.
pub fn parse_tags(typed: &str) -> Result<Vec<String>, RecordError> {
    let mut tags: Vec<String> = Vec::new();
    for tag in typed.split(',') {
        let tag = tag.trim().trim_start_matches('#').trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > MAX_TAG {
            return Err(RecordError::TooLong);
        }
        if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag.to_string());
        }
    }
    Ok(tags)
}

/// Sets the field `name` to `value` (a field with an empty value is removed); names are
/// matched case-insensitively.
pub fn set_field(fields: &mut Vec<Field>, name: &str, value: &str) -> Result<(), RecordError> {
    let (name, value) = (name.trim(), value.trim());
    if name.is_empty() {
        return Err(RecordError::Empty);
    }
    if name.chars().count() > MAX_TAG || value.chars().count() > MAX_FIELD {
        return Err(RecordError::TooLong);
    }
    let at = fields
        .iter()
        .position(|f| f.name.to_lowercase() == name.to_lowercase());
    match (at, value.is_empty()) {
        (Some(i), true) => {
            fields.remove(i);
        }
        (Some(i), false) => fields[i].value = value.to_string(),
        (None, true) => {}
        (None, false) => fields.push(Field {
            name: name.to_string(),
            value: value.to_string(),
        }),
    }
    Ok(())
}

/// Merges `other` (its record, if any) into `into`: its key joins `into.merged`, its notes,
/// tags and fields are copied in (notes by id, once).
pub fn merge_into(into: &mut MemberRecord, other_key: &str, other: Option<&MemberRecord>) {
    if other_key == into.key {
        return;
    }
    if !into.merged.iter().any(|k| k == other_key) {
        into.merged.push(other_key.to_string());
    }
    let Some(other) = other else { return };
    for n in &other.notes {
        if !into.notes.iter().any(|m| m.id == n.id) {
            into.notes.push(n.clone());
        }
    }
    sorting::sort_by(&mut into.notes[..], |a, b| b.at.total_cmp(&a.at));
    for t in &other.tags {
        if !into
            .tags
            .iter()
            .any(|x| x.to_lowercase() == t.to_lowercase())
        {
            into.tags.push(t.clone());
        }
    }
    for f in &other.fields {
        if !into
            .fields
            .iter()
            .any(|x| x.name.to_lowercase() == f.name.to_lowercase())
        {
            into.fields.push(f.clone());
        }
    }
}

/// Undoes [`merge_into`]: `other_key` leaves `into.merged` and the notes copied from
/// `other` leave `into` (`other` keeps its own; tags and fields copied in stay).
pub fn unmerge_from(into: &mut MemberRecord, other_key: &str, other: Option<&MemberRecord>) {
    into.merged.retain(|k| k != other_key);
    if let Some(other) = other {
        into.notes
            .retain(|n| !other.notes.iter().any(|m| m.id == n.id));
    }
}

/// Which member each merged identity belongs to: identity key → the key of the member it
/// was merged into, followed to the end (a member merged into another brings its own).
pub fn merge_map(records: &[MemberRecord]) -> std::collections::HashMap<String, String> {
    let parent: std::collections::HashMap<&str, &str> = records
        .iter()
        .flat_map(|r| r.merged.iter().map(move |k| (k.as_str(), r.key.as_str())))
        .collect();
    parent
        .keys()
        .map(|&k| {
            let mut root = k;
            // At most as many steps as there are merges: a loop (two tabs merging each way)
            // stops.
            for _ in 0..parent.len() {
                match parent.get(root) {
                    Some(&p) if p != k => root = p,
                    _ => break,
                }
            }
            (k.to_string(), root.to_string())
        })
        .filter(|(k, root)| k != root)
        .collect()
}

/// The mark a forgotten identity leaves (key: `<workspace>:<mark>`): a one-way hash of the
/// workspace and the member's key, and when they were forgotten. Nothing in it says who.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forgotten {
    pub id: String,
    pub workspace_id: String,
    pub mark: String,
    /// UTC ms.
    pub at: f64,
    /// The workspace the mark was made in, when it came with a workspace imported under a
    /// new id (the hash cannot be made again with the new one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_in: Option<String>,
}

/// The one-way mark of a member's key in a workspace.
pub fn mark_of(workspace_id: &str, key: &str) -> String {
    let digest = Sha256::digest(format!("{workspace_id}\n{key}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Forgotten {
    pub fn new(workspace_id: &str, key: &str, at: f64) -> Self {
        let mark = mark_of(workspace_id, key);
        Forgotten {
            id: format!("{workspace_id}:{mark}"),
            workspace_id: workspace_id.to_string(),
            mark,
            at,
            made_in: None,
        }
    }

    /// The workspace whose id the mark was hashed with.
    pub fn made_in(&self) -> &str {
        self.made_in.as_deref().unwrap_or(&self.workspace_id)
    }

    /// The same mark, kept by the workspace `workspace_id` (a workspace imported as new).
    pub fn moved_to(&self, workspace_id: &str) -> Self {
        Forgotten {
            id: format!("{workspace_id}:{}", self.mark),
            workspace_id: workspace_id.to_string(),
            mark: self.mark.clone(),
            at: self.at,
            made_in: Some(self.made_in().to_string()),
        }
    }
}

/// A workspace's marks, to ask whether a key was forgotten and when.
#[derive(Debug, Default)]
pub struct Marks {
    /// The workspaces the marks were hashed with (nearly always one).
    made_in: Vec<String>,
    at: std::collections::HashMap<String, f64>,
}

impl Marks {
    pub fn new<'a>(marks: impl IntoIterator<Item = &'a Forgotten>) -> Self {
        let mut out = Marks::default();
        for f in marks {
            if !out.made_in.iter().any(|w| w == f.made_in()) {
                out.made_in.push(f.made_in().to_string());
            }
            let at = out.at.entry(f.mark.clone()).or_insert(f.at);
            *at = at.max(f.at);
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// When the member `key` was forgotten, if they were.
    pub fn forgotten_at(&self, key: &str) -> Option<f64> {
        self.made_in
            .iter()
            .find_map(|w| self.at.get(&mark_of(w, key)).copied())
    }
}

/// Erases a message's personal data: who wrote it and what they wrote. It stays, so counts
/// stay right, as a message from "someone".
pub fn erase_item(item: &mut InboxItem) {
    item.author_name.clear();
    item.author_handle.clear();
    item.author_url.clear();
    item.html.clear();
    item.text.clear();
    item.links.clear();
    item.spoiler.clear();
    item.url.clear();
    item.mentions.clear();
    item.profile = Default::default();
}

/// Erases who gave a favourite, a boost or a follow.
pub fn erase_sign(sign: &mut Interaction) {
    sign.who_name.clear();
    sign.who_handle.clear();
    sign.who_url.clear();
    sign.profile = Default::default();
}

/// Erases, in a page just read from a network, what comes from an identity forgotten
/// after it was written (`forgotten` holds the workspace's marks and their times). Returns
/// how many were erased. What they write after being forgotten is kept: a new member.
pub fn scrub(
    workspace_id: &str,
    forgotten: &[Forgotten],
    items: &mut [InboxItem],
    signs: &mut [Interaction],
) -> usize {
    let marks = Marks::new(forgotten.iter().filter(|f| f.workspace_id == workspace_id));
    if marks.is_empty() {
        return 0;
    }
    let erased_at = |network: super::network::Network, handle: &str| -> Option<f64> {
        if handle.is_empty() {
            return None;
        }
        marks.forgotten_at(&super::member::key_of(network, handle))
    };
    let mut n = 0;
    for i in items.iter_mut() {
        if erased_at(i.network, &i.author_handle).is_some_and(|at| i.at <= at) {
            erase_item(i);
            n += 1;
        }
    }
    for s in signs.iter_mut() {
        if erased_at(s.network, &s.who_handle).is_some_and(|at| s.at <= at) {
            erase_sign(s);
            n += 1;
        }
    }
    n
}
