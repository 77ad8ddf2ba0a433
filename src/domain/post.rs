//! A post: one base text, a variant per target network, campaign tags, review comments,
//! and a life cycle whose every transition is checked and kept with who and when.

use serde::{Deserialize, Serialize};

use super::counting::{count, MastodonRules};
use super::network::Network;

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
    pub created_at: f64,
    pub updated_at: f64,
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
    /// Bluesky refuses images over 1,000,000 bytes (offer a downscale).
    ImageTooLarge(Network, String),
}

pub const BLUESKY_MAX_IMAGE_BYTES: u64 = 1_000_000;

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
            created_at: now,
            updated_at: now,
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
            if v.media.len() > v.network.max_images() {
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
