//! What an Inbox view is made of: the working lists (tabs) and the filter a view applies —
//! a list, words, a label, a teammate, a network, an account, a priority, a question, not
//! answered, a member level — and a saved view, its name and filter (kept by
//! `services::inbox_views`, carried by exports). Whether a conversation passes a filter is
//! the Inbox service's (`services::conversations`), which reads the conversations.

use super::conversation::Standing;

/// The working lists of the Inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// New or waiting on us, not snoozed.
    #[default]
    ToAnswer,
    WaitingOnThem,
    Snoozed,
    Done,
    All,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::ToAnswer,
        Tab::WaitingOnThem,
        Tab::Snoozed,
        Tab::Done,
        Tab::All,
    ];

    /// Whether a conversation standing so belongs in this list.
    pub fn holds(self, s: &Standing) -> bool {
        use crate::domain::conversation::TriageState as S;
        match self {
            Tab::All => true,
            Tab::Snoozed => s.snoozed,
            _ if s.snoozed => false,
            Tab::ToAnswer => s.state.waits_on_us(),
            Tab::WaitingOnThem => s.state == S::WaitingOnThem,
            Tab::Done => s.state == S::Done,
        }
    }
}

/// What the Inbox shows: a list, words searched, a label, an assignee… (kept as saved views).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    pub tab: Tab,
    /// Lower case, trimmed; empty: everything.
    pub text: String,
    pub label: Option<String>,
    /// `Some("")`: assigned to nobody.
    pub assignee: Option<String>,
    pub network: Option<crate::domain::network::Network>,
    /// Only those where they asked something (a `?` in one of their messages).
    pub question: bool,
    pub priority: Option<crate::domain::conversation::Priority>,
    /// Only those we never replied to.
    pub unanswered: bool,
    /// Only those with a message from a member at this level (`Level::number`, 1–4); kept
    /// by the Inbox, which reads the levels when asked (`member_keys`).
    pub level: Option<u8>,
    /// Only those that came to this account (its id).
    pub account: Option<String>,
}

/// A filter kept under a name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedView {
    pub name: String,
    pub filter: Filter,
}
