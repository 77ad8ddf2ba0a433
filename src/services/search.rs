//! The search box's index for one workspace, read from the store and built in slices that
//! give way to the screen (`clock::Slices`), so a large workspace's build never holds a
//! frame for long: the people met one message or sign at a time, the documents added a few
//! at a time, the people met put together by member and the messages grouped into
//! conversations [`STEP`] at a time, the words sorted a bucket at a time
//! (`search::Finishing`).

use std::collections::HashMap;

use crate::domain::member_record::{merge_map, MemberRecord};
use crate::domain::search::{Builder, Doc, Index};
use crate::domain::search_docs;
use crate::store::{self, Db, StoreError};

use super::clock::{give_way, Slices};

/// How many people met, or messages, are put together between two turns of the screen.
pub const STEP: usize = 2_500;

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
    let mut slices = Slices::default();
    let mut people = search_docs::MemberDocs::default();
    for i in &items {
        people.item(i);
        slices.tick().await;
    }
    for s in &signs {
        people.sign(s);
        slices.tick().await;
    }
    give_way().await;
    let mut finishing = people.finishing(&own, &merged, &records);
    while !finishing.step(STEP) {
        give_way().await;
    }
    let member_count = finishing.members();
    let members = finishing.docs();
    drop(signs);
    give_way().await;
    let mut grouping = crate::domain::conversation::Grouping::new(&items);
    while !grouping.step(STEP) {
        give_way().await;
    }
    let grouped = grouping.conversations();
    give_way().await;
    builder.reserve(member_count + grouped.len());
    add_all(&mut builder, members).await;
    give_way().await;
    add_all(
        &mut builder,
        search_docs::conversation_docs(&items, grouped),
    )
    .await;
    give_way().await;
    let mut finishing = builder.finishing();
    while !finishing.step(crate::domain::search::FINISH_STEP) {
        give_way().await;
    }
    Ok(finishing.index())
}
