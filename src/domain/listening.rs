//! Listening: the saved searches of a workspace, what a search's words ask of each network,
//! which posts a search keeps (exclusions, language, tags that must be there), the parts of a
//! text that matched (to highlight), and a hit kept once however many runs and searches find
//! it (by the post's URI).
//!
//! A search is written as a person would type it: `café lumière #cafelumiere -spam`. Words
//! and `#tags` are alternatives (a post that holds any of them is found); `+#tag` must be
//! there too; `-word` and `-#tag` leave a post out; `"a phrase"` is one word.

use serde::{Deserialize, Serialize};

use super::inbox::InboxItem;

/// The shortest time between two runs of a search, and the longest.
pub const MIN_EVERY_MINUTES: u32 = 5;
pub const MAX_EVERY_MINUTES: u32 = 24 * 60;

/// A saved search of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSearch {
    pub id: String,
    pub name: String,
    /// As typed (see the module's header).
    pub query: String,
    /// A language code (`fr`, `en`), or empty for every language.
    #[serde(default)]
    pub lang: String,
    /// How often it runs while the app is open.
    pub every_minutes: u32,
    /// UTC ms: days before it are not counted in its volume.
    pub created_at: f64,
}

/// Why a search cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchError {
    /// No name given.
    NoName,
    /// Nothing to look for: only exclusions, or nothing.
    NothingToFind,
    /// The interval is outside [`MIN_EVERY_MINUTES`]..=[`MAX_EVERY_MINUTES`].
    Interval,
}

impl SavedSearch {
    /// The search's fields checked, trimmed; its id and creation time are the caller's.
    pub fn checked(mut self) -> Result<SavedSearch, SearchError> {
        self.name = self.name.trim().to_string();
        self.query = self.query.trim().to_string();
        self.lang = self.lang.trim().to_lowercase();
        if self.name.is_empty() {
            return Err(SearchError::NoName);
        }
        if parse(&self.query).is_empty() {
            return Err(SearchError::NothingToFind);
        }
        if !(MIN_EVERY_MINUTES..=MAX_EVERY_MINUTES).contains(&self.every_minutes) {
            return Err(SearchError::Interval);
        }
        Ok(self)
    }
}

/// A search's words, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words and phrases, any of which finds a post.
    pub words: Vec<String>,
    /// Tags (without `#`), any of which finds a post.
    pub any_tags: Vec<String>,
    /// Tags that must all be there (`+#tag`).
    pub all_tags: Vec<String>,
    /// Tags that leave a post out (`-#tag`).
    pub none_tags: Vec<String>,
    /// Words that leave a post out (`-word`).
    pub none_words: Vec<String>,
}

impl Query {
    /// Nothing that could find a post.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.any_tags.is_empty() && self.all_tags.is_empty()
    }
}

fn tag_of(s: &str) -> Option<String> {
    let t = s.strip_prefix(['#', '＃'])?;
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_');
    (!t.is_empty()).then(|| t.to_lowercase())
}

fn push_once(list: &mut Vec<String>, s: String) {
    if !s.is_empty() && !list.contains(&s) {
        list.push(s);
    }
}

/// Reads a search as typed.
pub fn parse(text: &str) -> Query {
    let mut q = Query::default();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let (token, quoted, after) = next_token(rest);
        rest = after.trim_start();
        if quoted {
            push_once(&mut q.words, token.to_lowercase());
            continue;
        }
        if let Some(t) = token.strip_prefix('-') {
            match tag_of(t) {
                Some(tag) => push_once(&mut q.none_tags, tag),
                None => push_once(&mut q.none_words, t.trim_matches('"').to_lowercase()),
            }
        } else if let Some(t) = token.strip_prefix('+') {
            match tag_of(t) {
                Some(tag) => push_once(&mut q.all_tags, tag),
                None => push_once(&mut q.words, t.to_lowercase()),
            }
        } else if let Some(tag) = tag_of(token) {
            push_once(&mut q.any_tags, tag);
        } else {
            push_once(&mut q.words, token.to_lowercase());
        }
    }
    q
}

/// The next token of `s` (which starts with one): a `"phrase"` or a run without spaces.
fn next_token(s: &str) -> (&str, bool, &str) {
    if let Some(inner) = s.strip_prefix('"') {
        if let Some(end) = inner.find('"') {
            return (inner[..end].trim(), true, &inner[end + 1..]);
        }
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (&s[..end], false, &s[end..])
}

/// What a Mastodon hashtag timeline is asked (`/api/v1/timelines/tag/:tag`): the first tag
/// in the path, the others in `any[]`, `all[]` and `none[]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagTimeline {
    pub tag: String,
    pub any: Vec<String>,
    pub all: Vec<String>,
    pub none: Vec<String>,
}

impl Query {
    /// The hashtag timeline that finds this search's tags on Mastodon; none when it has no
    /// tag (Mastodon finds posts by hashtag only, not by word).
    pub fn mastodon(&self) -> Option<TagTimeline> {
        let (tag, any) = match self.any_tags.split_first() {
            Some((first, rest)) => (first.clone(), rest.to_vec()),
            None => {
                let (first, _) = self.all_tags.split_first()?;
                (first.clone(), vec![])
            }
        };
        Some(TagTimeline {
            all: self
                .all_tags
                .iter()
                .filter(|t| **t != tag)
                .cloned()
                .collect(),
            tag,
            any,
            none: self.none_tags.clone(),
        })
    }

    /// The terms Bluesky's `searchPosts` is asked, one request each: every word, then every
    /// tag (with `#`).
    pub fn bluesky(&self) -> Vec<Term> {
        let words = self.words.iter().map(|w| Term::Word(w.clone()));
        let tags = self.any_tags.iter().chain(&self.all_tags);
        let mut out: Vec<Term> = words.collect();
        for t in tags {
            let term = Term::Tag(t.clone());
            if !out.contains(&term) {
                out.push(term);
            }
        }
        out
    }
}

/// One thing Bluesky is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word(String),
    Tag(String),
}

/// Whether a post the network found is kept by the search: none of its exclusions, all its
/// `+#tags`, in its language when it names one (a post that says no language is kept), and
/// at least one of its words or tags really there (a network may find more loosely).
/// `tags` are the post's own tags (lowercase, without `#`), when the network lists them.
pub fn keeps(q: &Query, lang: &str, text: &str, tags: &[String], post_lang: &str) -> bool {
    let folded = text.to_lowercase();
    let has_tag = |t: &String| tags.contains(t) || holds_word(&folded, &format!("#{t}"));
    if q.none_words.iter().any(|w| holds_word(&folded, w)) || q.none_tags.iter().any(has_tag) {
        return false;
    }
    if !q.all_tags.iter().all(has_tag) {
        return false;
    }
    if !lang.is_empty() && !post_lang.is_empty() {
        let primary = post_lang.split(['-', '_']).next().unwrap_or("");
        if !primary.eq_ignore_ascii_case(lang) {
            return false;
        }
    }
    let found = q.words.iter().any(|w| holds_word(&folded, w)) || q.any_tags.iter().any(has_tag);
    found || (q.words.is_empty() && q.any_tags.is_empty())
}

/// Whether `needle` (lowercase) is in `hay` (lowercase) at the start of a word.
fn holds_word(hay: &str, needle: &str) -> bool {
    !starts(hay, needle).is_empty()
}

/// Where `needle` starts in `hay` at the start of a word (byte offsets), both lowercase.
fn starts(hay: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return vec![];
    }
    hay.match_indices(needle)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = hay[..i].chars().next_back();
            let first = needle.chars().next();
            // A tag or a word begins after a non-word character; `#` needs no such border.
            first == Some('#') || before.is_none_or(|c| !c.is_alphanumeric())
        })
        .collect()
}

/// The parts of `text` a search's words and tags matched (byte ranges, in order, not
/// overlapping), to show highlighted. Compared without case; a text whose lowercase has
/// other lengths (rare letters) is matched on its lowercase and gets no highlight.
pub fn highlights(q: &Query, text: &str) -> Vec<(usize, usize)> {
    let folded = text.to_lowercase();
    if folded.len() != text.len() {
        return vec![];
    }
    let tags = q
        .any_tags
        .iter()
        .chain(&q.all_tags)
        .map(|t| format!("#{t}"));
    let needles: Vec<String> = q.words.iter().cloned().chain(tags).collect();
    let mut ranges: Vec<(usize, usize)> = needles
        .iter()
        .flat_map(|n| {
            starts(&folded, n)
                .into_iter()
                .map(move |i| (i, i + n.len()))
        })
        .filter(|(s, e)| text.is_char_boundary(*s) && text.is_char_boundary(*e))
        .collect();
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = vec![];
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// A post a search found, kept once per workspace and URI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// `<workspace>:<uri>`.
    pub id: String,
    pub workspace_id: String,
    /// The post's URI (Mastodon's ActivityPub `uri`, Bluesky's `at://`): the same post found
    /// twice, or on two servers, is one hit.
    pub uri: String,
    /// When it was written (UTC ms): its day in the volume.
    pub at: f64,
    /// When a run first found it (UTC ms).
    pub found_at: f64,
    /// The searches that found it.
    pub searches: Vec<String>,
    /// Its tags, lowercase, without `#`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The post as the inbox keeps a message (author, text or HTML, links, thread): what
    /// it becomes when it is taken into the Inbox.
    pub item: InboxItem,
    /// What the user did with it: `conversation`, `member`, `draft`.
    #[serde(default)]
    pub taken: Vec<String>,
}

impl Hit {
    /// The hit id of `uri` in a workspace.
    pub fn key(workspace_id: &str, uri: &str) -> String {
        format!("{workspace_id}:{uri}")
    }

    /// The hit as kept once `found` is found again: the first finding stays, the searches
    /// join, what the user did stays.
    pub fn joined(mut self, found: &Hit) -> Hit {
        for s in &found.searches {
            push_once(&mut self.searches, s.clone());
        }
        self.found_at = self.found_at.min(found.found_at);
        self
    }

    /// The plain words of the post (Bluesky's text; Mastodon's HTML without its tags),
    /// for matching.
    pub fn words(&self) -> String {
        if self.item.html.is_empty() {
            self.item.text.clone()
        } else {
            super::rich_text::plain_text(&super::rich_text::parse_status_html(&self.item.html))
        }
    }
}

/// Why a network found nothing for a search in a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Mastodon finds posts by hashtag only and the search has none.
    HashtagsOnly,
    /// The Mastodon server has switched its hashtag feeds off.
    FeedsOff,
    /// The request failed, as the retry policy says.
    Failed { problem: super::post::SendProblem },
}

/// How the server let a search read its hashtag feeds, when it said something worth saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedNote {
    /// Hashtag feeds only for signed-in users: read as the connected account.
    SignedInOnly,
    /// Only the server's own posts.
    LocalOnly,
    /// Only the posts of other servers.
    RemoteOnly,
}

/// What one network said in a search's last run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkRun {
    pub network: super::network::Network,
    /// Posts kept (new or seen before).
    pub found: usize,
    #[serde(default)]
    pub problem: Option<Problem>,
    #[serde(default)]
    pub note: Option<FeedNote>,
}

/// A search's runs: when it last ran, what each network said, when it runs next.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunState {
    /// UTC ms of the last run, and of the last one where every network answered.
    pub last_at: f64,
    #[serde(default)]
    pub ok_at: Option<f64>,
    /// Failed runs in a row (the backoff's count).
    #[serde(default)]
    pub fails: u32,
    pub next_at: f64,
    #[serde(default)]
    pub networks: Vec<NetworkRun>,
    /// Mastodon: the newest status id seen, so a run asks only newer ones.
    #[serde(default)]
    pub mastodon_since: Option<String>,
}

/// When a search runs again after a run at `now`: after its interval when every network
/// answered; after a failure, the retry policy's backoff for the failures in a row (never
/// sooner than the interval), or when the server said its limit lifts, whichever is later.
pub fn next_run(
    every_minutes: u32,
    fails: u32,
    rate_limited_until: Option<f64>,
    now: f64,
    jitter: f64,
) -> f64 {
    let every = f64::from(every_minutes.max(MIN_EVERY_MINUTES)) * 60_000.0;
    let mut wait = every;
    if fails > 0 {
        let doublings = fails.saturating_sub(1).min(8) as i32;
        wait = (every * 2f64.powi(doublings))
            .min(6.0 * 3_600_000.0)
            .max(every);
        wait += super::retry::backoff_ms(fails, jitter);
    }
    let next = now + wait;
    match rate_limited_until {
        Some(until) if until > next => until,
        _ => next,
    }
}

/// Whether a search is due at `now`.
pub fn is_due(state: Option<&RunState>, now: f64) -> bool {
    state.is_none_or(|s| s.next_at <= now)
}
