//! The app's shared state: the open database, workspaces and preferences as signals, and
//! the status line. Installed once by `App`; screens read it through `use_app()`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::locale::{negotiate, Lang};
use crate::domain::lock::LockState;
use crate::domain::preferences::Preferences;
use crate::domain::workspace::{sort_for_display, Workspace};
use crate::services::clock::now_ms;
use crate::services::tabs::{elect_leader, Change, Tabs};
use crate::store::{self, Db, StoreError};

use super::text::Text;

/// Where the app is in its start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Opening,
    Ready,
    Failed(StoreError),
}

/// The words of a notice, written again in whatever language the interface is in.
pub type Words = Arc<dyn Fn(Text) -> String + Send + Sync>;

/// What puts back what a notice reports as done (a deletion): offered as "Undo".
pub type Undo = Arc<dyn Fn() + Send + Sync>;

/// How long "Undo" is offered, in milliseconds.
pub const UNDO_MS: u64 = 10_000;

/// A sentence for the status line: announced politely, or as an alert when it is an error.
/// It belongs to the page that raised it (shown there only, gone once the user leaves), is
/// written in the current language (a notice given as finished text, in the language of its
/// moment, is hidden once the language changes), and can be dismissed.
#[derive(Clone)]
pub struct Notice {
    words: Words,
    /// The language of finished text; `None` when the words follow the language.
    fixed_lang: Option<Lang>,
    pub is_error: bool,
    /// The page (path) it was raised on.
    pub path: String,
    pub about: About,
    /// Offered as "Undo" for [`UNDO_MS`], then the notice goes.
    pub undo: Option<Undo>,
    /// Tells one notice from the next (the undo's timer ends only its own notice).
    pub serial: u64,
}

/// What a notice is about, so it can go when that clears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    Other,
    /// A send that stopped: withdrawn once nothing waits in the outbox.
    Sending,
}

impl Notice {
    /// Its words in the current language, or `None` when they were written in another one.
    pub fn text(&self, t: Text) -> Option<String> {
        match self.fixed_lang {
            Some(lang) if lang != t.lang() => None,
            _ => Some((self.words)(t)),
        }
    }
}

fn next_serial() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static SERIAL: AtomicU64 = AtomicU64::new(1);
    SERIAL.fetch_add(1, Ordering::Relaxed)
}

/// The page the user is on (the path, without query), where a notice raised now belongs.
pub fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
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
    /// Another tab erased this device's data (the forgotten passphrase's way out).
    pub erased: RwSignal<bool>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// The passphrase lock in this tab: while `Locked`, the shell shows the lock screen alone
    /// and nothing runs in the background.
    pub lock: RwSignal<LockState>,
    /// The first screen is painted. Work that can follow it (the service worker, the outbox
    /// runner and badge, the search index) starts only then, so it never delays it.
    pub settled: RwSignal<bool>,
    /// The Inbox's conversations as last shown, by workspace id: going back to the Inbox
    /// shows them at once while they are read again.
    pub inbox_cache: StoredValue<Option<(String, crate::ui::pages::inbox::List)>>,
    /// The People page's members as last read, by workspace id: going back shows them at
    /// once while they are gathered again.
    pub people_cache: StoredValue<Option<(String, crate::services::members::People)>>,
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
            erased: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            settled: RwSignal::new(false),
            lock: RwSignal::new(LockState::Off),
            inbox_cache: StoredValue::new(None),
            people_cache: StoredValue::new(None),
            db: StoredValue::new_local(None),
            tabs: StoredValue::new_local(None),
        }
    }

    /// The database once it is open, for the background loops that start with the shell
    /// (before it opens). Pages and what they start use [`use_db`] instead.
    pub fn db_if_open(&self) -> Option<Db> {
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

    fn raise(&self, words: Words, fixed_lang: Option<Lang>, is_error: bool, about: About) {
        self.notice.set(Some(Notice {
            words,
            fixed_lang,
            is_error,
            path: current_path(),
            about,
            undo: None,
            serial: next_serial(),
        }));
    }

    /// Says that something was deleted, with "Undo" offered for [`UNDO_MS`]: `undo` puts it
    /// back exactly as it was.
    pub fn say_undoable(
        &self,
        words: impl Fn(Text) -> String + Send + Sync + 'static,
        undo: impl Fn() + Send + Sync + 'static,
    ) {
        self.notice.set(Some(Notice {
            words: Arc::new(words),
            fixed_lang: None,
            is_error: false,
            path: current_path(),
            about: About::Other,
            undo: Some(Arc::new(undo)),
            serial: next_serial(),
        }));
    }

    /// Says something on the page at `path`, where the user is being taken (a step that
    /// ends by going to another page).
    pub fn say_on(
        &self,
        path: &str,
        is_error: bool,
        words: impl Fn(Text) -> String + Send + Sync + 'static,
    ) {
        self.notice.set(Some(Notice {
            words: Arc::new(words),
            fixed_lang: None,
            is_error,
            path: path.to_string(),
            about: About::Other,
            undo: None,
            serial: next_serial(),
        }));
    }

    /// Says how something went, in finished text (hidden if the language changes).
    pub fn say(&self, text: String) {
        let lang = self.lang.get_untracked();
        self.raise(
            Arc::new(move |_| text.clone()),
            Some(lang),
            false,
            About::Other,
        );
    }

    /// Warns, in finished text (hidden if the language changes).
    pub fn warn(&self, text: String) {
        let lang = self.lang.get_untracked();
        self.raise(
            Arc::new(move |_| text.clone()),
            Some(lang),
            true,
            About::Other,
        );
    }

    /// Says how something went, in words written again if the language changes.
    pub fn say_in(&self, words: impl Fn(Text) -> String + Send + Sync + 'static) {
        self.raise(Arc::new(words), None, false, About::Other);
    }

    /// Warns, in words written again if the language changes.
    pub fn warn_in(&self, words: impl Fn(Text) -> String + Send + Sync + 'static) {
        self.raise(Arc::new(words), None, true, About::Other);
    }

    /// Warns that a send stopped; withdrawn once nothing waits in the outbox.
    pub fn warn_sending(&self, words: impl Fn(Text) -> String + Send + Sync + 'static) {
        self.raise(Arc::new(words), None, true, About::Sending);
    }

    /// Removes the notice (the user dismissed it, or left its page).
    pub fn dismiss(&self) {
        self.notice.set(None);
    }

    /// A change could not be saved: the one sentence every screen uses ("Could not save: …"
    /// with why, in the current language), as an alert.
    pub fn save_failed(&self, e: &StoreError) {
        let e = e.clone();
        self.warn_in(move |t| super::errors::save_failed(t, &e));
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
        let Some(db) = self.db_if_open() else { return };
        let ids = self.workspace_ids();
        let pending = self.outbox_pending;
        let notice = self.notice;
        leptos::task::spawn_local(async move {
            if let Ok(n) = crate::services::outbox::pending(&db, &ids).await {
                pending.set(n);
                // Nothing waits: a warning about a stopped send no longer holds.
                if n == 0 {
                    notice.update(|slot| {
                        if slot.as_ref().is_some_and(|x| x.about == About::Sending) {
                            *slot = None;
                        }
                    });
                }
                crate::services::outbox::set_app_badge(n);
            }
        });
    }

    /// Reads workspaces and preferences again (another tab changed them, or an import).
    pub fn reload(&self) {
        let Some(db) = self.db_if_open() else { return };
        let this = *self;
        leptos::task::spawn_local(async move {
            match load_shell(&db).await {
                Ok((prefs, Some(list))) => this.show_loaded(prefs, list),
                Ok((prefs, None)) => this.prefs.set(prefs),
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

    /// Reads the workspaces again (unlocked: with everything encrypted they could not be read
    /// before).
    fn reload_workspaces(&self) {
        let Some(db) = self.db_if_open() else { return };
        let this = *self;
        leptos::task::spawn_local(async move {
            match store::workspaces::list(&db).await {
                Ok(list) => this.show_loaded(this.prefs.get_untracked(), list),
                Err(e) => {
                    let lang = this.lang.get_untracked();
                    this.warn(super::errors::store_error(&e).get(lang).to_string());
                }
            }
        });
    }

    /// Changes preferences on screen at once and saves them; a failed save is announced.
    pub fn update_prefs(&self, change: impl FnOnce(&mut Preferences)) {
        self.prefs.update(change);
        let prefs = self.prefs.get_untracked();
        let Some(db) = self.db_if_open() else { return };
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
                let (superseded, erased) = (self.superseded, self.erased);
                db.on_superseded(move |gone| {
                    erased.set(gone);
                    superseded.set(true);
                });
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
                let lock = self.lock;
                let notice = self.notice;
                crate::services::lock::listen(move |s| {
                    lock.set(s);
                    // What the status line said belongs to the app behind the lock.
                    if s == LockState::Locked {
                        notice.set(None);
                    }
                    if s != LockState::Locked {
                        crate::services::outbox::runner::wake();
                    }
                    // With everything encrypted, the workspaces are read once unlocked.
                    if s == LockState::Open {
                        this.reload_workspaces();
                    }
                });
                let loaded = match crate::services::lock::start(&db, now_ms()).await {
                    Ok(_) => load_shell(&db).await,
                    Err(e) => Err(e),
                };
                self.db.set_value(Some(db));
                loaded
            }
            Err(e) => Err(e),
        };
        match loaded {
            Ok((prefs, Some(list))) => {
                self.show_loaded(prefs, list);
                self.phase.set(Phase::Ready);
            }
            Ok((prefs, None)) => {
                self.prefs.set(prefs);
                self.phase.set(Phase::Ready);
            }
            Err(e) => self.phase.set(Phase::Failed(e)),
        }
    }
}

/// What the shell shows from the store: preferences and the workspaces (none while locked
/// with everything encrypted: they are read on unlock).
async fn load_shell(db: &Db) -> Result<(Preferences, Option<Vec<Workspace>>), StoreError> {
    let prefs = store::preferences::load(db).await?;
    match store::workspaces::list(db).await {
        Ok(list) => Ok((prefs, Some(list))),
        Err(StoreError::Locked) => Ok((prefs, None)),
        Err(e) => Err(e),
    }
}

/// Creates the state, provides it to every component below, and starts opening the store.
pub fn provide_app_state() -> AppState {
    let state = AppState::new();
    provide_context(state);
    leptos::task::spawn_local(state.start(store::schema::DB_NAME));
    let update_ready = state.update_ready;
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) || !state.settled.get() {
            return registered.unwrap_or(false);
        }
        leptos::task::spawn_local(crate::services::pwa::register(move || {
            update_ready.set(true)
        }));
        true
    });
    state
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The open database, provided as context by the shell to everything below it once the
/// store is open: pages mount only then, so a page always finds it. A `Copy` handle, so
/// event handlers and tasks can carry it.
#[derive(Clone, Copy)]
pub struct OpenDb(StoredValue<Db, LocalStorage>);

impl OpenDb {
    /// The handle for the database `db` (the shell provides it).
    pub fn new(db: Db) -> Self {
        OpenDb(StoredValue::new_local(db))
    }

    pub fn get(&self) -> Db {
        self.0.get_value()
    }
}

/// The open database, from the context the shell provides (call it while a component is
/// being created, not in an event handler or a task).
pub fn use_db() -> OpenDb {
    expect_context::<OpenDb>()
}
