//! A workspace's messages and signs read a page at a time (`store::time_pages`), the screen
//! given its turn between pages: a hundred thousand members' million signs are never one
//! long block of the page. Messages whole, newest first, as `store::inbox::all` gives them;
//! signs a page at a time ([`SignPages`]), so that a million of them are never held at once
//! (a list of them was 360 MB of the wasm memory, which never shrinks), or whole.

use std::future::Future;

use crate::domain::inbox::InboxItem;
use crate::domain::interaction::Interaction;
use crate::domain::sign_pack::{packs_for_page, PACK_MS};
use crate::store::{self, Db, StoreError};

/// Records per page: each page's JSON is parsed in one go, a few milliseconds.
const PAGE: u32 = 2_000;

/// Every page `read` gives from the oldest, then newest first.
async fn whole<T, F, Fut>(mut read: F) -> Result<Vec<T>, StoreError>
where
    F: FnMut(Option<f64>) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, Option<f64>), StoreError>>,
{
    let mut pages: Vec<Vec<T>> = vec![];
    let mut after = None;
    loop {
        let (page, next) = read(after).await?;
        pages.push(page);
        match next {
            Some(at) => after = Some(at),
            None => break,
        }
        super::clock::give_way().await;
    }
    Ok(newest_first(pages).await)
}

/// Pages read oldest first (each oldest first) as one list, newest first. The pages are
/// kept apart while they are read, then moved into one list made with room for all, a page
/// at a time: a list of a million signs that grew, or was turned around, in one go would
/// hold the screen for a tenth of a second.
async fn newest_first<T>(mut pages: Vec<Vec<T>>) -> Vec<T> {
    let mut out = Vec::with_capacity(pages.iter().map(Vec::len).sum());
    let mut slices = super::clock::Slices::default();
    while let Some(page) = pages.pop() {
        out.extend(page.into_iter().rev());
        slices.tick().await;
    }
    out
}

/// Every message of the workspace, newest first.
pub async fn messages(db: &Db, workspace_id: &str) -> Result<Vec<InboxItem>, StoreError> {
    whole(|after| store::inbox::page(db, workspace_id, after, PAGE)).await
}

/// The workspace's signs (favourites, boosts, follows) a page at a time, oldest first (each
/// page oldest first). Signs come in packs of ten minutes (`store::interactions`), some full,
/// some nearly empty: each page asks for as many packs as the last page's would make about
/// [`PAGE`] signs.
pub struct SignPages<'d> {
    db: &'d Db,
    workspace_id: &'d str,
    /// Where the next page starts after; `None` with `started`: nothing more.
    after: Option<f64>,
    started: bool,
    packs: u32,
}

impl<'d> SignPages<'d> {
    /// Every sign of the workspace.
    pub fn new(db: &'d Db, workspace_id: &'d str) -> Self {
        // One pack first: it may be a full one, and the screen may be painting.
        SignPages {
            db,
            workspace_id,
            after: None,
            started: false,
            packs: 1,
        }
    }

    /// The next page, `None` once every page was given.
    pub async fn next(&mut self) -> Result<Option<Vec<Interaction>>, StoreError> {
        if self.started {
            if self.after.is_none() {
                return Ok(None);
            }
            super::clock::give_way().await;
        }
        self.started = true;
        let asked = self.packs;
        let (page, next) =
            store::interactions::page(self.db, self.workspace_id, self.after, asked).await?;
        self.packs = packs_for_page(asked, page.len(), PAGE);
        self.after = next;
        Ok(Some(page))
    }
}

/// The signs of the workspace at or after `since` (with the few before it in the same
/// pack), newest first.
pub async fn signs_since(
    db: &Db,
    workspace_id: &str,
    since: f64,
) -> Result<Vec<Interaction>, StoreError> {
    let mut pages = SignPages::new(db, workspace_id);
    // A pack that starts a whole pack's length before `since` ends before it.
    pages.after = Some(since - PACK_MS);
    let mut read = vec![];
    while let Some(page) = pages.next().await? {
        read.push(page);
    }
    Ok(newest_first(read).await)
}
