//! A post: one base text, a variant per target network, campaign tags, review comments,
//! and a life cycle whose every transition is checked and kept with who and when.

use serde::{Deserialize, Serialize};

use super::counting::{count, MastodonRules};
use super::network::Network;

mod version;

/// Whether a post may be scheduled (or moved) to `due` at `now`: only ahead.
pub fn due_is_ahead(due: f64, now: f64) -> bool {
    due.is_finite() && due > now
}

/// Who acts on this device (in a post's history, comments and sends).
pub const ME: &str = "me";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostState {
    Draft,
    InReview,
    Approved,
    Scheduled,
    Publishing,
    Published,
    Failed,
    Cancelled,
}

impl PostState {
    /// The states a post may move to from this one.
    pub fn next(self) -> &'static [PostState] {
        use PostState::*;
        match self {
            Draft => &[InReview, Scheduled, Publishing, Cancelled],
            InReview => &[Approved, Draft, Cancelled],
            Approved => &[Scheduled, Publishing, Draft, Cancelled],
            Scheduled => &[Publishing, Draft, Cancelled],
            Publishing => &[Published, Failed],
            Failed => &[Publishing, Draft, Cancelled],
            Published => &[],
            Cancelled => &[Draft],
        }
    }

    pub fn can_become(self, to: PostState) -> bool {
        self.next().contains(&to)
    }
}

/// One step of the life cycle, kept forever.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    pub from: PostState,
    pub to: PostState,
    pub by: String,
    pub at: f64,
}

/// An image attached to a variant; the bytes live in the media store under `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaRef {
    pub id: String,
    pub mime: String,
    pub bytes: u64,
    #[serde(default)]
    pub alt: String,
}

/// What goes to one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub network: Network,
    /// `None`: the post's base text.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub media: Vec<MediaRef>,
    /// Follow-up segments when the variant is a thread.
    #[serde(default)]
    pub thread: Vec<String>,
    #[serde(default)]
    pub content_warning: String,
    #[serde(default)]
    pub language: Option<String>,
    /// Set once the variant went out (by the user through a share intent, or by the app).
    #[serde(default)]
    pub published: Option<Publication>,
    /// The app's own send through the network's API, once decided.
    #[serde(default)]
    pub remote: Option<RemoteSend>,
    /// Bluesky: the card shown under the post for its first link, written by the user (the
    /// browser may not read other sites' pages).
    #[serde(default)]
    pub link_card: Option<LinkCard>,
}

/// A link preview the user writes: the address, a title and a short description.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinkCard {
    pub uri: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// A send through a network's API: chosen once, then filled in as the server answers, so a
/// retry repeats nothing that already went through.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RemoteSend {
    /// Chosen when the send was decided and never changed (Mastodon's `Idempotency-Key`;
    /// thread part `n` > 0 uses `key-n`).
    pub key: String,
    /// The connected account it goes out from.
    pub account_id: String,
    /// The server's ids of the parts already sent, in thread order (Bluesky: `at://` URIs).
    #[serde(default)]
    pub ids: Vec<String>,
    /// Bluesky: the record key (a TID) of every part, chosen when the send was decided, so a
    /// retry writes the same records and never a second copy.
    #[serde(default)]
    pub rkeys: Vec<String>,
    /// Bluesky: the content id of each part already sent (replies point at root and parent).
    #[serde(default)]
    pub cids: Vec<String>,
    /// Our media id → the server's, for uploads already done.
    #[serde(default)]
    pub media: Vec<(String, String)>,
    /// The id of the status the server holds until the due time (server-side scheduling).
    #[serde(default)]
    pub held_id: Option<String>,
    /// What the held status says ([`Post::content_version`] when it was handed over), so an
    /// edit made since shows and is sent again; `None` for a status held before it was kept.
    #[serde(default)]
    pub held_version: Option<String>,
    /// Why the last attempt stopped, until the next one.
    #[serde(default)]
    pub problem: Option<SendProblem>,
    /// Favourites, boosts and replies at the last sync, with when they were read.
    #[serde(default)]
    pub metrics: Vec<PostMetrics>,
}

impl RemoteSend {
    pub fn new(key: String, account_id: String) -> Self {
        RemoteSend {
            key,
            account_id,
            ..Default::default()
        }
    }

    /// The idempotency key of thread part `n` (0 is the first status).
    pub fn key_for_part(&self, n: usize) -> String {
        if n == 0 {
            self.key.clone()
        } else {
            format!("{}-{n}", self.key)
        }
    }
}

/// Why a send stopped, kept on the post so nothing is lost and the user knows what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SendProblem {
    /// Too many requests: the server accepts more after `until` (UTC ms), when it said.
    RateLimited { until: Option<f64> },
    /// The account must be signed in again.
    Reconnect,
    /// The server refused the post, in its words.
    Rejected { message: String },
    /// No answer (offline, unreachable, or the server failed): worth trying again later.
    Unreachable,
    /// The server no longer holds the scheduled status, and it was not found published.
    HeldGone,
    /// No connected account of that network in the workspace.
    NoAccount,
}

/// Counts read from the network for one published post.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PostMetrics {
    pub at: f64,
    pub favourites: u64,
    pub boosts: u64,
    pub replies: u64,
    /// Bluesky's quote posts.
    #[serde(default)]
    pub quotes: u64,
}

/// Where and when a variant was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub at: f64,
    /// The post's address on the network, when known.
    #[serde(default)]
    pub url: String,
}

impl Variant {
    pub fn new(network: Network) -> Self {
        Variant {
            network,
            text: None,
            media: vec![],
            thread: vec![],
            content_warning: String::new(),
            language: None,
            published: None,
            remote: None,
            link_card: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub by: String,
    pub at: f64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub id: String,
    pub workspace_id: String,
    pub base_text: String,
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub campaigns: Vec<String>,
    pub state: PostState,
    #[serde(default)]
    pub history: Vec<Transition>,
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// When it should go out (UTC milliseconds), once scheduled.
    #[serde(default)]
    pub due_at: Option<f64>,
    /// For a later occurrence of an evergreen post: the post it repeats.
    #[serde(default)]
    pub repeat_of: Option<String>,
    /// A reply written in the Inbox: the message it answers.
    #[serde(default)]
    pub reply_to: Option<super::reply_to::ReplyTo>,
    /// Someone's post this one quotes (a listening find): on Bluesky, a quote embed.
    #[serde(default)]
    pub quote: Option<super::reply_to::Quote>,
    pub created_at: f64,
    pub updated_at: f64,
    /// Saves of its content by a person, and the tab of the last (`post/version.rs`).
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub edited_in: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IllegalTransition {
    pub from: PostState,
    pub to: PostState,
}

/// Why a post cannot be published yet, per network.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocker {
    NoNetwork,
    Empty(Network),
    TooLong(Network),
    OtherLimit(Network),
    MissingAltText(Network, String),
    TooManyImages(Network),
    /// The network takes no post without an image or a video (Instagram).
    NeedsMedia(Network),
    /// Bluesky refuses images over 1,000,000 bytes (offer a downscale).
    ImageTooLarge(Network, String),
}

pub const BLUESKY_MAX_IMAGE_BYTES: u64 = 1_000_000;

/// Mastodon refuses `scheduled_at` less than 5 minutes ahead.
pub const MIN_HOLD_MS: f64 = 5.0 * 60_000.0;

impl Post {
    pub fn new(id: String, workspace_id: String, now: f64) -> Post {
        Post {
            id,
            workspace_id,
            base_text: String::new(),
            variants: vec![],
            campaigns: vec![],
            state: PostState::Draft,
            history: vec![],
            comments: vec![],
            due_at: None,
            repeat_of: None,
            reply_to: None,
            quote: None,
            created_at: now,
            updated_at: now,
            version: 0,
            edited_in: None,
        }
    }

    /// Whether the user put anything in the post: text, a thread, an image, a content
    /// warning, a link card, a campaign or a quote. A new post nobody touched is not kept.
    pub fn has_content(&self) -> bool {
        !self.base_text.trim().is_empty()
            || !self.campaigns.is_empty()
            || self.quote.is_some()
            || self.variants.iter().any(|v| {
                v.text.as_deref().is_some_and(|t| !t.trim().is_empty())
                    || !v.media.is_empty()
                    || v.thread.iter().any(|t| !t.trim().is_empty())
                    || !v.content_warning.trim().is_empty()
                    || v.link_card.is_some()
            })
    }

    /// How each of the post's networks goes out once scheduled, besides Mastodon (whose
    /// server keeps a scheduled post itself): sent by Attaché only while it is open at that
    /// time (Bluesky), or published by hand after a reminder (the share-intent networks).
    pub fn scheduled_sending(&self) -> (Vec<Network>, Vec<Network>) {
        let nets = self.variants.iter().map(|v| v.network);
        let while_open = nets
            .clone()
            .filter(|n| n.has_api() && *n != Network::Mastodon)
            .collect();
        let by_hand = nets.filter(|n| !n.has_api()).collect();
        (while_open, by_hand)
    }

    /// Whether the composer saves the user's edits as they type: not once the post is going
    /// out or gone (what went out cannot change).
    pub fn takes_edits(&self) -> bool {
        !matches!(self.state, PostState::Publishing | PostState::Published)
    }

    /// Whether the user may delete the post: not while it is scheduled or going out (the
    /// outbox or a server would still send it), nor once published (deleting our record
    /// would not delete it on the network); never while a server holds a copy to publish.
    pub fn is_deletable(&self) -> bool {
        matches!(
            self.state,
            PostState::Draft
                | PostState::InReview
                | PostState::Approved
                | PostState::Failed
                | PostState::Cancelled
        ) && self
            .variants
            .iter()
            .all(|v| v.remote.as_ref().is_none_or(|r| r.held_id.is_none()))
    }

    /// Whether the composer, opened without a post, reopens this one it was editing: work
    /// still in progress (a draft, in review or approved), not one scheduled, sent or dropped.
    pub fn is_in_progress(&self) -> bool {
        matches!(
            self.state,
            PostState::Draft | PostState::InReview | PostState::Approved
        )
    }

    /// The post as the autosave compares it: content and state, not the last save's mark.
    pub fn as_edited(&self) -> Post {
        Post {
            updated_at: 0.0,
            version: 0,
            edited_in: None,
            ..self.clone()
        }
    }

    /// Records that the variant for `network` went out. When every variant has, the post
    /// becomes Published (through Publishing, as the life cycle requires).
    pub fn mark_published(
        &mut self,
        network: Network,
        url: &str,
        by: &str,
        at: f64,
    ) -> Result<(), IllegalTransition> {
        for v in self.variants.iter_mut().filter(|v| v.network == network) {
            v.published = Some(Publication {
                at,
                url: url.trim().to_string(),
            });
        }
        if self.variants.iter().all(|v| v.published.is_some()) {
            if self.state != PostState::Publishing {
                self.transition(PostState::Publishing, by, at)?;
            }
            self.transition(PostState::Published, by, at)?;
        }
        self.updated_at = at;
        Ok(())
    }

    /// A draft made from a kept note: its title, text and link, one paragraph each, for
    /// Mastodon and Bluesky (the networks the app can post to itself).
    pub fn from_note(note: &super::note::Note, id: String, now: f64) -> Post {
        let mut post = Post::new(id, note.workspace_id.clone(), now);
        post.base_text = [note.title.trim(), note.text.trim(), note.url.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        post.variants = vec![
            Variant::new(Network::Mastodon),
            Variant::new(Network::Bluesky),
        ];
        post
    }

    /// A later occurrence of this (evergreen) post: the same text, networks, images and
    /// campaigns under a new id, scheduled at `due`, with its own history; `media_id` gives
    /// each image its copy's id (every post owns its Blobs).
    pub fn occurrence(
        &self,
        id: String,
        due: f64,
        by: &str,
        now: f64,
        media_id: impl Fn(&str) -> String,
    ) -> Post {
        let mut copy = Post::new(id, self.workspace_id.clone(), now);
        copy.base_text = self.base_text.clone();
        copy.campaigns = self.campaigns.clone();
        copy.variants = self
            .variants
            .iter()
            .map(|v| Variant {
                media: v
                    .media
                    .iter()
                    .map(|m| MediaRef {
                        id: media_id(&m.id),
                        ..m.clone()
                    })
                    .collect(),
                published: None,
                remote: None,
                ..v.clone()
            })
            .collect();
        copy.repeat_of = Some(self.id.clone());
        copy.due_at = Some(due);
        copy.history.push(Transition {
            from: PostState::Draft,
            to: PostState::Scheduled,
            by: by.to_string(),
            at: now,
        });
        copy.state = PostState::Scheduled;
        copy
    }

    /// Moves the post to `to` if the life cycle allows it, and records who did it and when.
    pub fn transition(
        &mut self,
        to: PostState,
        by: &str,
        at: f64,
    ) -> Result<(), IllegalTransition> {
        if !self.state.can_become(to) {
            return Err(IllegalTransition {
                from: self.state,
                to,
            });
        }
        self.history.push(Transition {
            from: self.state,
            to,
            by: by.to_string(),
            at,
        });
        self.state = to;
        self.updated_at = at;
        Ok(())
    }

    /// Whether the server of `network` holds this post until its due time.
    pub fn held_by_server(&self, network: Network) -> bool {
        self.variants
            .iter()
            .any(|v| v.network == network && v.remote.as_ref().is_some_and(|r| r.held_id.is_some()))
    }

    /// A short fingerprint of what goes out on `network`: the text, the thread's next parts,
    /// the content warning, the language and the images with their alt text. Equal
    /// fingerprints, same statuses.
    pub fn content_version(&self, network: Network) -> Option<String> {
        use sha2::{Digest, Sha256};
        let v = self.variants.iter().find(|v| v.network == network)?;
        let mut h = Sha256::new();
        for part in [
            self.text_for(v),
            &v.content_warning,
            v.language.as_deref().unwrap_or(""),
        ] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        for part in &v.thread {
            h.update([2]);
            h.update(part.as_bytes());
            h.update([0]);
        }
        for m in &v.media {
            h.update(m.id.as_bytes());
            h.update([1]);
            h.update(m.alt.as_bytes());
            h.update([0]);
        }
        Some(
            h.finalize()[..8]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }

    /// Whether the server of `network` holds an earlier version of this post than the one
    /// here (edited since it was handed over).
    pub fn held_is_stale(&self, network: Network) -> bool {
        let held = self
            .variants
            .iter()
            .find(|v| v.network == network)
            .and_then(|v| v.remote.as_ref())
            .filter(|r| r.held_id.is_some())
            .and_then(|r| r.held_version.clone());
        held.is_some_and(|h| Some(h) != self.content_version(network))
    }

    /// Whether the server of `network` can hold this post until its due time: one status (no
    /// thread), not published yet, due at least [`MIN_HOLD_MS`] after `now`.
    pub fn can_be_held(&self, network: Network, now: f64) -> bool {
        let Some(v) = self.variants.iter().find(|v| v.network == network) else {
            return false;
        };
        v.thread.iter().all(|s| s.trim().is_empty())
            && v.published.is_none()
            && self.due_at.is_some_and(|d| d >= now + MIN_HOLD_MS)
    }

    /// The text that goes to `variant`'s network.
    pub fn text_for<'a>(&'a self, variant: &'a Variant) -> &'a str {
        variant.text.as_deref().unwrap_or(&self.base_text)
    }

    /// Every reason this post cannot be published now; empty when it can.
    pub fn blockers(&self, mastodon: MastodonRules) -> Vec<Blocker> {
        let mut out = vec![];
        if self.variants.is_empty() {
            out.push(Blocker::NoNetwork);
        }
        for v in &self.variants {
            let text = self.text_for(v);
            if text.trim().is_empty() && v.media.is_empty() {
                out.push(Blocker::Empty(v.network));
            } else if v.network.needs_media() && v.media.is_empty() {
                out.push(Blocker::NeedsMedia(v.network));
            }
            let c = count(v.network, text, &v.content_warning, mastodon);
            if c.used > c.limit {
                out.push(Blocker::TooLong(v.network));
            }
            if !c.excess.is_empty() {
                out.push(Blocker::OtherLimit(v.network));
            }
            for segment in &v.thread {
                if count(v.network, segment, "", mastodon).used > c.limit {
                    out.push(Blocker::TooLong(v.network));
                }
            }
            let max_images = match v.network {
                Network::Mastodon => mastodon.max_media,
                other => other.max_images(),
            };
            if v.media.len() > max_images {
                out.push(Blocker::TooManyImages(v.network));
            }
            for m in &v.media {
                if m.alt.trim().is_empty() {
                    out.push(Blocker::MissingAltText(v.network, m.id.clone()));
                }
                if v.network == Network::Bluesky && m.bytes > BLUESKY_MAX_IMAGE_BYTES {
                    out.push(Blocker::ImageTooLarge(v.network, m.id.clone()));
                }
            }
        }
        out
    }
}
