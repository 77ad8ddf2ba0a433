//! A one-workspace export added beside what exists: every record under a fresh id, member
//! records under their keys, the marks of the forgotten kept with the id they were hashed
//! with.

use super::{Backup, Document, MediaFile};
use crate::domain::library::{queue_id, Body, LibraryItem};
use crate::domain::member_record::{Forgotten, Marks, MemberRecord};
use crate::domain::note::Note;
use crate::domain::post::Post;
use crate::domain::workspace::Workspace;

/// A one-workspace export made ready to add beside what exists.
#[derive(Debug, Clone, PartialEq)]
pub struct NewWorkspace {
    pub workspace: Workspace,
    pub notes: Vec<Note>,
    pub posts: Vec<Post>,
    pub library: Vec<LibraryItem>,
    pub media: Vec<MediaFile>,
    /// The workspace's id in the file (on the device it came from).
    pub came_from: String,
    /// What the workspace kept about its members, under the new id.
    pub members: Vec<MemberRecord>,
    /// The marks of its forgotten, kept by the new workspace (hashed with the old id).
    pub forgotten: Vec<Forgotten>,
    /// Its settings documents (follow-ups, segments…), under the new id.
    pub documents: Vec<Document>,
}

impl NewWorkspace {
    /// The member records and marks to write, given the device's marks of the workspace
    /// the file came from (`here`, when it is still on the device): anyone forgotten there
    /// since the file was made is left out, and their mark comes along.
    pub fn members_and_marks(&self, here: &[Forgotten]) -> (Vec<MemberRecord>, Vec<Forgotten>) {
        let forgotten = self.marks_with(here);
        let marks = Marks::new(&forgotten);
        let members = self
            .members
            .iter()
            .filter(|r| marks.forgotten_at(&r.key).is_none())
            .cloned()
            .collect();
        (members, forgotten)
    }

    /// Its settings documents without what concerns anyone forgotten (`here` as for
    /// [`Self::members_and_marks`]).
    pub fn documents_to_keep(&self, here: &[Forgotten]) -> Vec<Document> {
        let marks = Marks::new(&self.marks_with(here));
        self.documents
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d.without_forgotten(&marks);
                d
            })
            .collect()
    }

    /// The file's marks and the device's marks of the workspace it came from, moved here.
    fn marks_with(&self, here: &[Forgotten]) -> Vec<Forgotten> {
        let mut forgotten = self.forgotten.clone();
        for f in here.iter().filter(|f| f.workspace_id == self.came_from) {
            let moved = f.moved_to(&self.workspace.id);
            if !forgotten.iter().any(|g| g.id == moved.id) {
                forgotten.push(moved);
            }
        }
        forgotten
    }
}

/// A one-workspace export made ready to add beside what exists: fresh ids for every record
/// (so nothing already stored is overwritten; posts keep their campaigns under the new
/// ids; member records keep their member keys), its marks and settings documents moved to
/// the new workspace, and a name that does not collide.
pub fn as_new_workspace(
    backup: &Backup,
    existing_names: &[String],
    mut new_id: impl FnMut() -> String,
) -> Option<NewWorkspace> {
    let source = backup.workspaces.first()?;
    let taken = |n: &str| {
        existing_names
            .iter()
            .any(|e| e.to_lowercase() == n.to_lowercase())
    };
    let mut name = source.name.clone();
    let mut k = 2;
    while taken(&name) {
        name = format!("{} ({k})", source.name);
        k += 1;
    }
    let workspace = Workspace {
        id: new_id(),
        name,
        created_at: source.created_at,
    };
    let notes = backup
        .notes
        .iter()
        .filter(|n| n.workspace_id == source.id)
        .map(|n| Note {
            id: new_id(),
            workspace_id: workspace.id.clone(),
            ..n.clone()
        })
        .collect();
    let mut renamed = std::collections::HashMap::new();
    let library: Vec<LibraryItem> = backup
        .library
        .iter()
        .filter(|i| i.workspace_id == source.id)
        .map(|i| {
            let id = match i.body {
                Body::Queue { .. } => queue_id(&workspace.id),
                Body::Strategy(_) => crate::domain::strategy::strategy_id(&workspace.id),
                Body::Routine { .. } => crate::domain::routine::routine_id(&workspace.id),
                _ => new_id(),
            };
            renamed.insert(i.id.clone(), id.clone());
            LibraryItem {
                id,
                workspace_id: workspace.id.clone(),
                body: i.body.clone(),
            }
        })
        .collect();
    let post_ids: std::collections::HashMap<String, String> = backup
        .posts
        .iter()
        .filter(|p| p.workspace_id == source.id)
        .map(|p| (p.id.clone(), new_id()))
        .collect();
    // Images get fresh ids too (the same file imported twice must not take the first
    // copy's images), and the posts' references follow.
    let media_ids: std::collections::HashMap<String, String> = backup
        .media
        .iter()
        .filter(|m| post_ids.contains_key(&m.post_id))
        .map(|m| (m.id.clone(), new_id()))
        .collect();
    let media = backup
        .media
        .iter()
        .filter_map(|m| {
            Some(MediaFile {
                id: media_ids.get(&m.id)?.clone(),
                post_id: post_ids.get(&m.post_id)?.clone(),
                ..m.clone()
            })
        })
        .collect();
    let posts = backup
        .posts
        .iter()
        .filter(|p| p.workspace_id == source.id)
        .map(|p| Post {
            id: post_ids[&p.id].clone(),
            variants: p
                .variants
                .iter()
                .map(|v| {
                    let mut v = v.clone();
                    for m in v.media.iter_mut() {
                        if let Some(id) = media_ids.get(&m.id) {
                            m.id = id.clone();
                        }
                    }
                    v
                })
                .collect(),
            workspace_id: workspace.id.clone(),
            repeat_of: p.repeat_of.as_ref().and_then(|r| post_ids.get(r).cloned()),
            campaigns: p
                .campaigns
                .iter()
                .filter_map(|c| renamed.get(c).cloned())
                .collect(),
            ..p.clone()
        })
        .collect();
    // Member records follow their key; the marks keep the id they were hashed with.
    let members = backup
        .members
        .iter()
        .flatten()
        .filter(|r| r.workspace_id == source.id)
        .map(|r| MemberRecord {
            id: MemberRecord::id_of(&workspace.id, &r.key),
            workspace_id: workspace.id.clone(),
            ..r.clone()
        })
        .collect();
    let forgotten = backup
        .forgotten
        .iter()
        .filter(|f| f.workspace_id == source.id)
        .map(|f| f.moved_to(&workspace.id))
        .collect();
    let documents = backup
        .documents
        .iter()
        .filter(|d| d.workspace_id == source.id)
        .map(|d| d.moved_to(&workspace.id))
        .collect();
    Some(NewWorkspace {
        workspace,
        notes,
        posts,
        library,
        media,
        came_from: source.id.clone(),
        members,
        forgotten,
        documents,
    })
}
