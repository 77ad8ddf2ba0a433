//! The current workspace's library (snippets, campaigns, posting slots), loaded once per
//! screen and reloaded after each change.

use crate::domain::sorting;
use leptos::prelude::*;

use crate::domain::library::{Body, LibraryItem, SnippetKind};
use crate::domain::queue::Slot;
use crate::store;
use crate::ui::errors::store_error;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};

/// A campaign as the screens show it.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignView {
    pub id: String,
    pub name: String,
    pub colour: String,
}

#[derive(Clone, Copy)]
pub struct Library {
    pub items: RwSignal<Vec<LibraryItem>>,
    version: RwSignal<u32>,
}

impl Library {
    /// Loads the current workspace's library now and whenever the workspace changes.
    pub fn provide() -> Library {
        let (state, db) = (use_app(), use_db());
        let lib = Library {
            items: RwSignal::new(vec![]),
            version: RwSignal::new(0),
        };
        Effect::new(move |_| {
            lib.version.track();
            let ws = state.prefs.with(|p| p.current_workspace.clone());
            load(state, db, lib, ws);
        });
        provide_context(lib);
        lib
    }

    pub fn reload(&self) {
        self.version.update(|v| *v += 1);
    }

    pub fn campaigns(&self) -> Vec<CampaignView> {
        self.items.with(|items| {
            let mut out: Vec<CampaignView> = items
                .iter()
                .filter_map(|i| match &i.body {
                    Body::Campaign { name, colour, .. } => Some(CampaignView {
                        id: i.id.clone(),
                        name: name.clone(),
                        colour: colour.clone(),
                    }),
                    _ => None,
                })
                .collect();
            sorting::sort_by_key(&mut out[..], |c| c.name.to_lowercase());
            out
        })
    }

    /// Snippets as (id, kind, title, text), by title.
    /// Every snippet: id, kind, title, text and (a saved reply's) short code.
    pub fn snippets(&self) -> Vec<(String, SnippetKind, String, String, String)> {
        self.items.with(|items| {
            let mut out: Vec<_> = items
                .iter()
                .filter_map(|i| match &i.body {
                    Body::Snippet {
                        snippet_kind,
                        title,
                        text,
                        code,
                        ..
                    } => Some((
                        i.id.clone(),
                        *snippet_kind,
                        title.clone(),
                        text.clone(),
                        code.clone(),
                    )),
                    _ => None,
                })
                .collect();
            sorting::sort_by_key(&mut out[..], |s| s.2.to_lowercase());
            out
        })
    }

    pub fn slots(&self) -> Vec<Slot> {
        self.items.with(|items| {
            items
                .iter()
                .find_map(|i| match &i.body {
                    Body::Queue { slots } => Some(slots.clone()),
                    _ => None,
                })
                .unwrap_or_default()
        })
    }
}

fn load(state: AppState, db: OpenDb, lib: Library, workspace: Option<String>) {
    let db = db.get();
    let Some(ws) = workspace else {
        lib.items.set(vec![]);
        return;
    };
    leptos::task::spawn_local(async move {
        match store::library::for_workspace(&db, &ws).await {
            Ok(items) => lib.items.set(items),
            Err(e) => state.warn_in(move |t| t.get(store_error(&e)).to_string()),
        }
    });
}
