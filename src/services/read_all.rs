//! A workspace's messages and signs read whole, a page at a time (`store::time_pages`),
//! the screen given its turn between pages: a hundred thousand members' million signs are
//! never one long block of the page. Newest first, as `store::inbox::all` gives them.

use std::future::Future;

use crate::domain::inbox::InboxItem;
use crate::domain::interaction::Interaction;
use crate::domain::sign_pack::packs_for_page;
use crate::store::{self, Db, StoreError};

/// Records per page: each page's JSON is parsed in one go, a few milliseconds.
const PAGE: u32 = 2_000;

/// Every page `read` gives from the oldest, then newest first. The pages are kept apart
/// while they are read, then moved into one list made with room for all, a page at a time:
/// a list of a million signs that grew, or was turned around, in one go would hold the
/// screen for a tenth of a second.
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
    let mut out = Vec::with_capacity(pages.iter().map(Vec::len).sum());
    let mut slices = super::clock::Slices::default();
    while let Some(page) = pages.pop() {
        out.extend(page.into_iter().rev());
        slices.tick().await;
    }
    Ok(out)
}

/// Every message of the workspace, newest first.
pub async fn messages(db: &Db, workspace_id: &str) -> Result<Vec<InboxItem>, StoreError> {
    whole(|after| store::inbox::page(db, workspace_id, after, PAGE)).await
}

/// Every sign (favourite, boost, follow) of the workspace, newest first. Signs come in
/// packs of ten minutes (`store::interactions`), some full, some nearly empty: each page asks
/// for as many packs as the last page's would make about [`PAGE`] signs.
pub async fn signs(db: &Db, workspace_id: &str) -> Result<Vec<Interaction>, StoreError> {
    // One pack first: it may be a full one, and the screen may be painting.
    let packs = std::cell::Cell::new(1u32);
    whole(|after| {
        let packs = &packs;
        async move {
            let asked = packs.get();
            let (page, next) = store::interactions::page(db, workspace_id, after, asked).await?;
            packs.set(packs_for_page(asked, page.len(), PAGE));
            Ok((page, next))
        }
    })
    .await
}
