//! Versions of a post, so that no tab's save and no sender's record silently drops another
//! tab's change: the composer's copy is refused when another tab changed the post since it
//! was read (`edited_elsewhere`), and a sender's copy brings only what senders own onto the
//! stored post (`with_sends_of`).

use super::Post;

impl Post {
    /// Whether saving this copy over `stored` would silently drop a change a person made in
    /// another tab: the stored post was saved since the copy was read (a higher version), by
    /// another tab, and says something else. A tab's own earlier saves never count: its copy
    /// is its own latest word.
    /// What senders record alone (sends, publications, their counts) does not count: a
    /// person's save keeps the stored ones anyway (`store::posts::put_edit`).
    pub fn edited_elsewhere(&self, stored: &Post) -> bool {
        stored.version > self.version
            && stored.edited_in != self.edited_in
            && stored.persons_part() != self.persons_part()
    }

    /// The post without what only senders write (each variant's send and publication).
    fn persons_part(&self) -> Post {
        let mut p = self.as_edited();
        for v in p.variants.iter_mut() {
            v.remote = None;
            v.published = None;
        }
        p
    }

    /// The stored post (`self`, as people last edited it) with what a sender recorded on its
    /// copy: the state and its history, each variant's send (`remote`) and publication, the
    /// time of the change, and with `due`, the due time a server moved. A variant the sender
    /// recorded a send for and that was removed meanwhile comes back, so the send is not
    /// forgotten. One version up.
    pub fn with_sends_of(&self, sender: &Post, due: bool) -> Post {
        let mut merged = self.clone();
        merged.state = sender.state;
        merged.history = sender.history.clone();
        for sent in &sender.variants {
            match merged
                .variants
                .iter_mut()
                .find(|v| v.network == sent.network)
            {
                Some(v) => {
                    v.remote = sent.remote.clone();
                    v.published = sent.published.clone();
                }
                None if sent.remote.is_some() || sent.published.is_some() => {
                    merged.variants.push(sent.clone());
                }
                None => {}
            }
        }
        if due {
            merged.due_at = sender.due_at;
        }
        merged.updated_at = merged.updated_at.max(sender.updated_at);
        merged.version = self.version.max(sender.version) + 1;
        merged
    }
}
