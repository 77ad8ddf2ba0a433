//! What the search box finds, record by record: members (names, every handle, tags,
//! fields and the notes kept about them), conversations (who wrote and what they said),
//! posts (the base text, every network's variant and thread), the workspace's notes,
//! snippets and saved replies, and the strategy (its words, personas, glossary).

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::conversation::group;
use super::inbox::InboxItem;
use super::interaction::Interaction;
use super::library::{Body, LibraryItem};
use super::member::key_of;
use super::member_gather::Spelled;
use super::member_record::MemberRecord;
use super::network::Network;
use super::note::Note;
use super::post::Post;
use super::search::{Doc, Kind};
use super::strategy::Strategy;

/// How much of one message is searched (its beginning).
const MESSAGE_CHARS: usize = 280;
/// How many of a conversation's messages are searched (its latest).
const MESSAGES: usize = 6;

fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

fn message_text(item: &InboxItem) -> String {
    if item.text.is_empty() && !item.html.is_empty() {
        let plain = super::rich_text::plain_text(&super::rich_text::parse_status_html(&item.html));
        first_chars(&plain, MESSAGE_CHARS).to_string()
    } else {
        first_chars(&item.text, MESSAGE_CHARS).to_string()
    }
}

/// One document per member: the people who wrote or gave a sign, merged as the user chose
/// (`merged`: an identity's key → the member's key), the workspace's own accounts and
/// forgotten people left out.
pub fn members(
    items: &[InboxItem],
    signs: &[Interaction],
    own_handles: &[String],
    merged: &HashMap<String, String>,
    records: &HashMap<String, MemberRecord>,
) -> Vec<Doc> {
    let mut docs = MemberDocs::default();
    for i in items {
        docs.item(i);
    }
    for s in signs {
        docs.sign(s);
    }
    docs.finish(own_handles, merged, records).collect()
}

/// The members' documents being made, one message or sign at a time (so the service can
/// give way to the screen between slices); [`MemberDocs::finish`] makes them.
#[derive(Default)]
pub struct MemberDocs {
    /// Each spelling of a handle once, by network: where it is in `met`. The keys are made
    /// once per person; owned, as the signs are read and let go a page at a time.
    spelled: Spelled<usize>,
    /// The people met, in the order first met.
    met: Vec<Met>,
}

/// A spelling of a handle met: its newest name, and when it was last seen.
struct Met {
    network: Network,
    handle: Box<str>,
    name: Box<str>,
    at: f64,
}

impl MemberDocs {
    pub fn item(&mut self, i: &InboxItem) {
        if !i.is_erased() {
            self.person(i.network, &i.author_handle, &i.author_name, i.at);
        }
    }

    /// A sign, given in any order (the newest decides the name; the first met, the order
    /// of the documents and a handle's first spelling).
    pub fn sign(&mut self, s: &Interaction) {
        if !s.who_handle.is_empty() {
            self.person(s.network, &s.who_handle, &s.who_name, s.at);
        }
    }

    fn person(&mut self, network: Network, handle: &str, name: &str, at: f64) {
        match self.spelled.get(network, handle) {
            Some(&n) => {
                let last = &mut self.met[n];
                if at >= last.at {
                    if !name.trim().is_empty() && *last.name != *name {
                        last.name = name.into();
                    }
                    last.at = at;
                }
            }
            None => {
                self.spelled.insert(network, handle, self.met.len());
                self.met.push(Met {
                    network,
                    handle: handle.into(),
                    name: name.into(),
                    at,
                });
            }
        }
    }

    /// The documents, in the order the people were first met, each made as it is asked for.
    pub fn finish<'r>(
        self,
        own_handles: &[String],
        merged: &'r HashMap<String, String>,
        records: &'r HashMap<String, MemberRecord>,
    ) -> impl Iterator<Item = Doc> + use<'r> {
        let mut finishing = self.finishing(own_handles, merged, records);
        while !finishing.step(usize::MAX) {}
        finishing.docs()
    }

    /// [`MemberDocs::finish`] with the people put together by member a few at a time
    /// ([`MembersFinishing::step`]), so a caller can give way to the screen between steps.
    pub fn finishing<'r>(
        self,
        own_handles: &[String],
        merged: &'r HashMap<String, String>,
        records: &'r HashMap<String, MemberRecord>,
    ) -> MembersFinishing<'r> {
        MembersFinishing {
            own: own_handles.iter().map(|h| h.to_lowercase()).collect(),
            merged,
            records,
            people: self,
            next: 0,
            by_key: FxHashMap::default(),
            order: vec![],
        }
    }
}

/// What a member is seen as, put together from every identity merged into them.
struct Seen {
    name: String,
    handles: Vec<String>,
    at: f64,
}

/// The people met being put together by member ([`MemberDocs::finishing`]).
pub struct MembersFinishing<'r> {
    own: Vec<String>,
    merged: &'r HashMap<String, String>,
    records: &'r HashMap<String, MemberRecord>,
    people: MemberDocs,
    next: usize,
    by_key: FxHashMap<String, Seen>,
    order: Vec<String>,
}

impl<'r> MembersFinishing<'r> {
    /// Puts up to `budget` more people met with their member; true once all are.
    pub fn step(&mut self, budget: usize) -> bool {
        let met = &self.people.met;
        let end = self.next.saturating_add(budget).min(met.len());
        for Met {
            network,
            handle,
            name,
            at,
        } in &met[self.next..end]
        {
            let (network, handle, at) = (*network, &**handle, *at);
            if self.own.contains(&handle.to_lowercase()) {
                continue;
            }
            let own_key = key_of(network, handle);
            let key = self.merged.get(&own_key).cloned().unwrap_or(own_key);
            let order = &mut self.order;
            let seen = self.by_key.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                Seen {
                    name: String::new(),
                    handles: vec![],
                    at,
                }
            });
            if (seen.name.is_empty() || at >= seen.at) && !name.trim().is_empty() {
                seen.name = name.trim().to_string();
            }
            seen.at = seen.at.max(at);
            if !seen.handles.iter().any(|h| h.eq_ignore_ascii_case(handle)) {
                seen.handles.push(handle.to_string());
            }
        }
        self.next = end;
        end == met.len()
    }

    /// How many members the documents are (once every step is taken).
    pub fn members(&self) -> usize {
        self.order.len()
    }

    /// The documents, in the order the people were first met, each made as it is asked for.
    pub fn docs(self) -> impl Iterator<Item = Doc> + use<'r> {
        let (mut by_key, records) = (self.by_key, self.records);
        self.order.into_iter().filter_map(move |key| {
            let seen = by_key.remove(&key)?;
            let mut body = seen.handles.join(" ");
            if let Some(r) = records.get(&key) {
                for t in &r.tags {
                    body.push(' ');
                    body.push_str(t);
                }
                for f in &r.fields {
                    body.push(' ');
                    body.push_str(&f.value);
                }
                for n in &r.notes {
                    body.push(' ');
                    body.push_str(&n.text);
                }
            }
            let handle = seen.handles.first().cloned().unwrap_or_default();
            let title = if seen.name.is_empty() {
                seen.handles.first().cloned().unwrap_or_default()
            } else {
                seen.name
            };
            Some(Doc {
                kind: Kind::Member,
                id: key,
                title,
                body,
                at: seen.at,
                handle,
            })
        })
    }
}

/// One document per conversation: who wrote (the title) and what their latest messages say.
/// The conversations are grouped at once; each document is made as it is asked for.
pub fn conversations(items: &[InboxItem]) -> impl Iterator<Item = Doc> + '_ {
    conversation_docs(items, group(items))
}

/// The documents of `items` grouped already (`conversation::Grouping`), each made as it is
/// asked for.
pub fn conversation_docs(
    items: &[InboxItem],
    grouped: Vec<super::conversation::Conversation>,
) -> impl Iterator<Item = Doc> + '_ {
    grouped.into_iter().map(|c| {
        let mut names: Vec<&str> = vec![];
        for &n in &c.items {
            let i = &items[n];
            let name = if i.author_name.trim().is_empty() {
                i.author_handle.as_str()
            } else {
                i.author_name.trim()
            };
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        let body: Vec<String> = c
            .items
            .iter()
            .rev()
            .take(MESSAGES)
            .map(|&n| {
                let i = &items[n];
                format!("{} {}", i.author_handle, message_text(i))
            })
            .collect();
        Doc {
            kind: Kind::Conversation,
            handle: c
                .items
                .first()
                .map(|&n| items[n].author_handle.clone())
                .unwrap_or_default(),
            id: c.key,
            title: names.join(", "),
            body: body.join(" "),
            at: c.last_at,
        }
    })
}

/// A post: its first line as the title, every network's words as the body. A post with
/// no words yet is not found.
pub fn post(p: &Post) -> Option<Doc> {
    let mut body = p.base_text.clone();
    for v in &p.variants {
        for part in v.text.iter().chain(v.thread.iter()) {
            body.push('\n');
            body.push_str(part);
        }
    }
    let title = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    Some(Doc {
        kind: Kind::Post,
        id: p.id.clone(),
        title: first_chars(title, 80).to_string(),
        at: p.updated_at,
        handle: String::new(),
        body,
    })
}

/// A note kept in the workspace.
pub fn note(n: &Note) -> Doc {
    let title = if n.title.trim().is_empty() {
        first_chars(n.text.lines().next().unwrap_or(&n.url), 80).to_string()
    } else {
        n.title.trim().to_string()
    };
    Doc {
        kind: Kind::Note,
        id: n.id.clone(),
        title,
        body: format!("{} {}", n.text, n.url),
        at: n.created_at,
        handle: String::new(),
    }
}

/// A snippet or saved reply (campaigns and the rest of the library aside).
pub fn snippet(item: &LibraryItem) -> Option<Doc> {
    match &item.body {
        Body::Snippet {
            title,
            text,
            updated_at,
            code,
            ..
        } => Some(Doc {
            kind: Kind::Snippet,
            id: item.id.clone(),
            title: title.clone(),
            body: format!("{code} {text}"),
            at: *updated_at,
            handle: String::new(),
        }),
        _ => None,
    }
}

/// The strategy's words as one document; each persona and each glossary term as its own.
pub fn strategy(s: &Strategy) -> Vec<Doc> {
    let mut out = vec![];
    let words = [
        s.mission.as_str(),
        s.audience.as_str(),
        &s.tone_do.join(" "),
        &s.tone_dont.join(" "),
    ]
    .join(" ");
    if !words.trim().is_empty() {
        out.push(Doc {
            kind: Kind::Strategy,
            id: "words".into(),
            title: first_chars(s.mission.lines().next().unwrap_or(&s.audience).trim(), 80)
                .to_string(),
            body: words,
            at: s.updated_at,
            handle: String::new(),
        });
    }
    out.extend(s.personas.iter().map(|p| Doc {
        kind: Kind::Strategy,
        id: format!("persona:{}", p.id),
        title: p.name.clone(),
        body: format!("{} {} {}", p.needs, p.where_found, p.expects),
        at: s.updated_at,
        handle: String::new(),
    }));
    out.extend(s.glossary.iter().map(|t| Doc {
        kind: Kind::Strategy,
        id: format!("term:{}", t.banned),
        title: format!("{} → {}", t.banned, t.replacement),
        body: String::new(),
        at: s.updated_at,
        handle: String::new(),
    }));
    out
}
