//! The search box's index for one workspace, read from the store and built in slices that
//! give way to the screen (`clock::Slices`), so a large workspace's build never holds a
//! frame for long (the final sort of its words aside).

use std::collections::HashMap;

use crate::domain::member_record::{merge_map, MemberRecord};
use crate::domain::search::{Builder, Doc, Index};
use crate::domain::search_docs;
use crate::store::{self, Db, StoreError};

use super::clock::{sleep, Slices};

async fn give_way() {
    sleep(0.0).await;
}

async fn add_all(builder: &mut Builder, docs: impl IntoIterator<Item = Doc>) {
    let mut slices = Slices::default();
    for d in docs {
        builder.add(d);
        slices.tick().await;
    }
}

/// Everything of the workspace the search box finds, indexed.
pub async fn build(db: &Db, workspace_id: &str) -> Result<Index, StoreError> {
    let mut builder = Builder::default();
    // The small stores first: found even while the messages are read.
    let posts = store::posts::for_workspace(db, workspace_id, u32::MAX).await?;
    add_all(
        &mut builder,
        posts.items.iter().filter_map(search_docs::post),
    )
    .await;
    let notes = store::notes::for_workspace(db, workspace_id, u32::MAX).await?;
    add_all(&mut builder, notes.items.iter().map(search_docs::note)).await;
    let library = store::library::for_workspace(db, workspace_id).await?;
    add_all(
        &mut builder,
        library.iter().filter_map(search_docs::snippet),
    )
    .await;
    let strategy = store::library::strategy(db, workspace_id).await?;
    add_all(&mut builder, search_docs::strategy(&strategy)).await;
    let items = super::read_all::messages(db, workspace_id).await?;
    let signs = super::read_all::signs(db, workspace_id).await?;
    let own = super::members::own_handles(db, workspace_id).await?;
    let list = store::members::for_workspace(db, workspace_id).await?;
    let merged = merge_map(&list);
    let records: HashMap<String, MemberRecord> =
        list.into_iter().map(|r| (r.key.clone(), r)).collect();
    give_way().await;
    let members = search_docs::members(&items, &signs, &own, &merged, &records);
    drop(signs);
    give_way().await;
    add_all(&mut builder, members).await;
    let conversations = search_docs::conversations(&items);
    give_way().await;
    add_all(&mut builder, conversations).await;
    give_way().await;
    Ok(builder.finish())
}
