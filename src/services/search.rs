//! The search box's index for one workspace, read from the store and built in slices that
//! give way to the screen (`clock::Slices`), so a large workspace's build never holds a
//! frame for long: the people met one message or sign at a time, the documents added a few
//! at a time, the people met put together by member and the messages grouped into
//! conversations [`STEP`] at a time, the words sorted a bucket at a time
//! (`search::Finishing`).

use std::collections::HashMap;

use crate::domain::member_record::{merge_map, MemberRecord};
use crate::domain::search::kept::{Freezing, Thawing};
use crate::domain::search::{Builder, Doc, Index, Kind};
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

/// The kinds read from the small stores, read again over a kept index at the start.
const SMALL_KINDS: [Kind; 4] = [Kind::Post, Kind::Note, Kind::Snippet, Kind::Strategy];

/// The documents of the small stores: posts, notes, snippets and the strategy.
async fn small_docs(db: &Db, workspace_id: &str) -> Result<Vec<Doc>, StoreError> {
    let posts = store::posts::for_workspace(db, workspace_id, u32::MAX).await?;
    let mut docs: Vec<Doc> = posts.items.iter().filter_map(search_docs::post).collect();
    let notes = store::notes::for_workspace(db, workspace_id, u32::MAX).await?;
    docs.extend(notes.items.iter().map(search_docs::note));
    let library = store::library::for_workspace(db, workspace_id).await?;
    docs.extend(library.iter().filter_map(search_docs::snippet));
    let strategy = store::library::strategy(db, workspace_id).await?;
    docs.extend(search_docs::strategy(&strategy));
    Ok(docs)
}

/// An index read from the records, with when the read began (UTC ms).
pub struct Read {
    pub index: Index,
    pub from: f64,
}

/// Documents or terms written or read back between two turns of the screen when an index
/// is kept or read back (`search::kept`).
const KEPT_STEP: usize = 5_000;

/// The index the last build of this workspace kept, with the posts, notes, snippets and
/// the strategy read again (the members and conversations are as that build found them,
/// until [`build`] ends): the box answers from the start. `None` when none is kept, or the
/// copy cannot be read (it is made again by the next build).
pub async fn head_start(db: &Db, workspace_id: &str) -> Result<Option<Index>, StoreError> {
    let Some(bytes) = store::kept::search(db, workspace_id).await? else {
        return Ok(None);
    };
    let Ok(mut thawing) = Thawing::new(bytes) else {
        return Ok(None);
    };
    loop {
        match thawing.step(KEPT_STEP) {
            Ok(true) => break,
            Ok(false) => give_way().await,
            Err(_) => return Ok(None),
        }
    }
    let Ok(mut index) = thawing.index() else {
        return Ok(None);
    };
    give_way().await;
    index.remove_kinds(&SMALL_KINDS);
    for d in small_docs(db, workspace_id).await? {
        index.put(d);
    }
    Ok(Some(index))
}

/// Keeps a build's index for the next session's [`head_start`], unless a member was
/// forgotten since its read began (`store::kept::keep_search`); true when kept.
pub async fn keep(
    db: &Db,
    workspace_id: &str,
    index: &Index,
    read_from: f64,
) -> Result<bool, StoreError> {
    let Some(mut freezing) = Freezing::new(index) else {
        return Ok(false);
    };
    while !freezing.step(KEPT_STEP) {
        give_way().await;
    }
    let bytes = freezing.bytes();
    give_way().await;
    store::kept::keep_search(db, workspace_id, &bytes, read_from).await
}

/// Everything of the workspace the search box finds, indexed.
pub async fn build(db: &Db, workspace_id: &str) -> Result<Read, StoreError> {
    let from = super::clock::now_ms();
    let mut builder = Builder::default();
    // The small stores first: found even while the messages are read.
    add_all(&mut builder, small_docs(db, workspace_id).await?).await;
    let items = super::read_all::messages(db, workspace_id).await?;
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
    // The signs a page at a time, each page let go once read: never all at once.
    let mut signs = super::read_all::SignPages::new(db, workspace_id);
    while let Some(page) = signs.next().await? {
        for s in &page {
            people.sign(s);
            slices.tick().await;
        }
    }
    give_way().await;
    let mut finishing = people.finishing(&own, &merged, &records);
    while !finishing.step(STEP) {
        give_way().await;
    }
    let member_count = finishing.members();
    let members = finishing.docs();
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
    super::clock::let_go(items).await;
    let mut finishing = builder.finishing();
    while !finishing.step(crate::domain::search::FINISH_STEP) {
        give_way().await;
    }
    Ok(Read {
        index: finishing.index(),
        from,
    })
}
