//! Two tabs editing one post: each save of its content by a person (`store::posts::put_edit`)
//! writes it one `version` up and names the tab that saved it (`edited_in`, one page load,
//! `services::tabs::this_tab`), so a copy edited from an older version is told apart from
//! the tab's own earlier saves.

use super::Post;

impl Post {
    /// Whether saving this copy over `stored` would silently drop a change a person made in
    /// another tab: the stored post was saved since the copy was read (a higher version), by
    /// another tab, and says something else. A tab's own earlier saves never count: its copy
    /// is its own latest word.
    pub fn edited_elsewhere(&self, stored: &Post) -> bool {
        stored.version > self.version
            && stored.edited_in != self.edited_in
            && stored.as_edited() != self.as_edited()
    }
}
