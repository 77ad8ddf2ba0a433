//! The app's shared state: the open database, workspaces and preferences as signals, and
//! the status line. Installed once by `App`; screens read it through `use_app()`.

use leptos::prelude::*;

use crate::domain::locale::{negotiate, Lang};
use crate::domain::preferences::Preferences;
use crate::domain::workspace::{sort_for_display, Workspace};
use crate::services::tabs::{elect_leader, Change, Tabs};
use crate::store::{self, Db, StoreError};

/// Where the app is in its start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Opening,
    Ready,
    Failed(StoreError),
}

/// A sentence for the status line: announced politely, or as an alert when it is an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub phase: RwSignal<Phase>,
    pub workspaces: RwSignal<Vec<Workspace>>,
    pub prefs: RwSignal<Preferences>,
    pub lang: Signal<Lang>,
    pub notice: RwSignal<Option<Notice>>,
    /// This tab holds the leader lock (runs background work).
    pub is_leader: RwSignal<bool>,
    /// Rows in the outbox still to send or waiting for the user, and late posts, over every
    /// workspace: the navigation's badge.
    pub outbox_pending: RwSignal<usize>,
    /// Bumped at every outbox change, here or in another tab: screens that show rows reload.
    pub outbox_version: RwSignal<u64>,
    /// Another tab opened a newer version: this tab's connection is closed.
    pub superseded: RwSignal<bool>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    db: StoredValue<Option<Db>, LocalStorage>,
    tabs: StoredValue<Option<Tabs>, LocalStorage>,
}

fn browser_languages() -> Vec<String> {
    let nav = window().navigator();
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

impl AppState {
    fn new() -> Self {
        let prefs = RwSignal::new(Preferences::default());
        let browser = browser_languages();
        let fallback = negotiate(&browser);
        let lang = Signal::derive(move || prefs.with(|p| p.lang.unwrap_or(fallback)));
        AppState {
            phase: RwSignal::new(Phase::Opening),
            workspaces: RwSignal::new(Vec::new()),
            prefs,
            lang,
            notice: RwSignal::new(None),
            is_leader: RwSignal::new(false),
            outbox_pending: RwSignal::new(0),
            outbox_version: RwSignal::new(0),
            superseded: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            db: StoredValue::new_local(None),
            tabs: StoredValue::new_local(None),
        }
    }

    pub fn db(&self) -> Option<Db> {
        self.db.get_value()
    }

    /// The ids of every workspace (background work looks at all of them), not tracked.
    pub fn workspace_ids(&self) -> Vec<String> {
        self.workspaces
            .get_untracked()
            .into_iter()
            .map(|w| w.id)
            .collect()
    }

    /// The current workspace, if any exists.
    pub fn current(&self) -> Option<Workspace> {
        let id = self.prefs.with(|p| p.current_workspace.clone());
        self.workspaces
            .with(|list| list.iter().find(|w| Some(&w.id) == id.as_ref()).cloned())
    }

    pub fn say(&self, text: String) {
        self.notice.set(Some(Notice {
            text,
            is_error: false,
        }));
    }

    pub fn warn(&self, text: String) {
        self.notice.set(Some(Notice {
            text,
            is_error: true,
        }));
    }

    /// A change could not be saved: the one sentence every screen uses ("Could not save: …"
    /// with why, in the current language), as an alert.
    pub fn save_failed(&self, e: &StoreError) {
        self.warn(super::errors::save_failed(
            super::text::Text::of(self.lang),
            e,
        ));
    }

    /// Replaces the workspace list, keeping display order.
    pub fn set_workspaces(&self, mut list: Vec<Workspace>) {
        sort_for_display(&mut list);
        self.workspaces.set(list);
    }

    /// Tells the other tabs that this one changed something in the store.
    pub fn changed(&self, change: Change) {
        if let Some(tabs) = self.tabs.get_value() {
            tabs.announce(change);
        }
    }

    /// The outbox changed in this tab: screens reload, the badge recounts, other tabs (and
    /// the leader's runner) are told.
    pub fn outbox_changed(&self) {
        self.outbox_seen();
        self.changed(Change::Outbox);
        crate::services::outbox::runner::wake();
    }

    /// The runner changed a row: as [`AppState::outbox_changed`], without waking the runner
    /// (it is the one running).
    pub fn outbox_changed_by_runner(&self) {
        self.outbox_seen();
        self.changed(Change::Outbox);
    }

    /// The outbox changed (here or elsewhere): screens reload and the badge recounts.
    pub fn outbox_seen(&self) {
        self.outbox_version.update(|v| *v += 1);
        let Some(db) = self.db() else { return };
        let ids = self.workspace_ids();
        let pending = self.outbox_pending;
        leptos::task::spawn_local(async move {
            if let Ok(n) = crate::services::outbox::pending(&db, &ids).await {
                pending.set(n);
                crate::services::outbox::set_app_badge(n);
            }
        });
    }

    /// Reads workspaces and preferences again (another tab changed them, or an import).
    pub fn reload(&self) {
        let Some(db) = self.db() else { return };
        let this = *self;
        leptos::task::spawn_local(async move {
            match load_shell(&db).await {
                Ok((prefs, list)) => this.show_loaded(prefs, list),
                Err(e) => {
                    let lang = this.lang.get_untracked();
                    this.warn(super::errors::store_error(&e).get(lang).to_string());
                }
            }
        });
    }

    fn show_loaded(&self, mut prefs: Preferences, list: Vec<Workspace>) {
        if !list
            .iter()
            .any(|w| Some(&w.id) == prefs.current_workspace.as_ref())
        {
            prefs.current_workspace =
                crate::domain::workspace::current_after_delete(&list, None, "");
        }
        self.prefs.set(prefs);
        self.set_workspaces(list);
    }

    /// Changes preferences on screen at once and saves them; a failed save is announced.
    pub fn update_prefs(&self, change: impl FnOnce(&mut Preferences)) {
        self.prefs.update(change);
        let prefs = self.prefs.get_untracked();
        let Some(db) = self.db() else { return };
        let this = *self;
        leptos::task::spawn_local(async move {
            match crate::services::preferences::save(&db, &prefs).await {
                Ok(()) => this.changed(Change::Preferences),
                Err(e) => this.save_failed(&e),
            }
        });
    }

    /// Opens the database and loads what the shell shows; sets the phase accordingly.
    async fn start(self, name: &str) {
        let blocked_phase = self.phase;
        let opened = Db::open(name, move || {
            blocked_phase.set(Phase::Failed(StoreError::Blocked))
        })
        .await;
        let loaded = match opened {
            Ok(db) => {
                let superseded = self.superseded;
                db.on_superseded(move || superseded.set(true));
                let this = self;
                self.tabs
                    .set_value(Some(Tabs::join(move |change| match change {
                        Change::Outbox => {
                            this.outbox_seen();
                            crate::services::outbox::runner::wake();
                        }
                        _ => this.reload(),
                    })));
                let is_leader = self.is_leader;
                elect_leader(move || is_leader.set(true));
                let loaded = load_shell(&db).await;
                self.db.set_value(Some(db));
                loaded
            }
            Err(e) => Err(e),
        };
        match loaded {
            Ok((prefs, list)) => {
                self.show_loaded(prefs, list);
                self.phase.set(Phase::Ready);
            }
            Err(e) => self.phase.set(Phase::Failed(e)),
        }
    }
}

/// What the shell shows from the store: preferences and the workspaces.
async fn load_shell(db: &Db) -> Result<(Preferences, Vec<Workspace>), StoreError> {
    Ok((
        store::preferences::load(db).await?,
        store::workspaces::list(db).await?,
    ))
}

/// Creates the state, provides it to every component below, and starts opening the store.
pub fn provide_app_state() -> AppState {
    let state = AppState::new();
    provide_context(state);
    leptos::task::spawn_local(state.start(store::schema::DB_NAME));
    let update_ready = state.update_ready;
    leptos::task::spawn_local(crate::services::pwa::register(move || {
        update_ready.set(true)
    }));
    state
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
