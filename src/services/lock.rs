//! The passphrase lock: setting it up (a new data key, wrapped by the passphrase's key, and
//! every token sealed with it, in one strict transaction), unlocking (wrong tries counted and
//! made to wait), locking (on demand, or when idle), changing the passphrase (only the
//! wrapped key is written again) and taking the lock off. Tabs follow each other through
//! `lock/channel.rs`: unlocked in one, unlocked in all; locked in one, locked in all.

pub mod channel;
pub mod everything;

use std::cell::{Cell, RefCell};

use crate::domain::lock::{check_new, is_sealed, LockConfig, PassphraseProblem, Tries, ITERATIONS};
use crate::store::{accounts, sealing, settings_docs, Db, StoreError};

pub use crate::domain::lock::LockState;

const CONFIG_KEY: &str = "lock";
const TRIES_KEY: &str = "lock-tries";
const KDF: &str = "PBKDF2-SHA-256";

/// Why the lock did not do what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum LockError {
    /// The passphrase is not the one set; `next_try_at`: when the next try may be made.
    Wrong {
        next_try_at: f64,
    },
    /// Too many wrong tries: the next one waits until then (UTC ms).
    Wait {
        until: f64,
    },
    /// A new passphrase refused.
    Refused(PassphraseProblem),
    /// No passphrase is set (or one is set already, for turning it on).
    NotSet,
    AlreadySet,
    Store(StoreError),
}

impl From<StoreError> for LockError {
    fn from(e: StoreError) -> Self {
        LockError::Store(e)
    }
}

/// Told of each change of the lock in this tab.
type Listener = Box<dyn Fn(LockState)>;

thread_local! {
    static IDLE_MINUTES: Cell<u32> = const { Cell::new(0) };
    static LAST_ACTIVITY: Cell<f64> = const { Cell::new(0.0) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Where the lock stands in this tab.
pub fn state() -> LockState {
    sealing::state()
}

/// `on_change` is told each time this tab's lock changes (here or from another tab).
pub fn listen(on_change: impl Fn(LockState) + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Box::new(on_change)));
}

/// Tells the listener where the lock now stands (`sealing` was just set).
fn told() {
    let s = state();
    LISTENER.with(|l| {
        if let Some(f) = &*l.borrow() {
            f(s);
        }
    });
}

/// The minutes without activity after which the app locks itself (0: never).
pub fn idle_minutes() -> u32 {
    IDLE_MINUTES.with(Cell::get)
}

/// The last key or click in any tab (UTC ms).
pub fn last_activity() -> f64 {
    LAST_ACTIVITY.with(Cell::get)
}

/// The user did something at `at` (in this tab, or in another one, as told).
pub fn activity(at: f64, tell_others: bool) {
    let before = last_activity();
    if at <= before {
        return;
    }
    LAST_ACTIVITY.with(|c| c.set(at));
    // Told at most every 20 seconds: enough for the others' idle clocks.
    if tell_others && at - before >= 20_000.0 {
        channel::post_activity(at);
    }
}

/// The lock's document, if a passphrase is set.
pub async fn config(db: &Db) -> Result<Option<LockConfig>, StoreError> {
    settings_docs::get(db, CONFIG_KEY).await
}

/// At start: locked when a passphrase is set (another tab that holds the key is asked for it).
pub async fn start(db: &Db, now: f64) -> Result<LockState, StoreError> {
    channel::join();
    LAST_ACTIVITY.with(|c| c.set(now));
    match config(db).await? {
        Some(c) => {
            IDLE_MINUTES.with(|m| m.set(c.idle_minutes));
            sealing::set_locked();
            // Encrypt everything: nothing is written in the clear while locked.
            crate::store::sealed_records::set_must_seal(
                c.encrypt_everything && c.records_key.is_some(),
            );
            told();
            channel::ask_for_key();
            Ok(LockState::Locked)
        }
        None => {
            sealing::set_off();
            told();
            Ok(LockState::Off)
        }
    }
}

/// Sets a passphrase: a new data key wrapped by the passphrase's key (PBKDF2-SHA-256,
/// [`ITERATIONS`], a random salt), and every account's tokens sealed with it, in one strict
/// transaction with the lock's document. The other tabs get the key.
pub async fn turn_on(
    db: &Db,
    passphrase: &str,
    confirmation: &str,
    idle_minutes: u32,
) -> Result<(), LockError> {
    check_new(passphrase, confirmation).map_err(LockError::Refused)?;
    if config(db).await?.is_some() {
        return Err(LockError::AlreadySet);
    }
    let salt = sealing::random::<16>()?;
    let wrapping = sealing::passphrase_key(passphrase, &salt, ITERATIONS).await?;
    let made = sealing::new_data_key().await?;
    let wrapped = sealing::wrap(&made, &wrapping).await?;
    // The key kept in memory is not extractable: the one just made is let go.
    let key = sealing::unwrap(&wrapped, &wrapping, false)
        .await?
        .ok_or(StoreError::Corrupt("a key just wrapped".into()))?;
    let config = LockConfig {
        version: 1,
        kdf: KDF.into(),
        iterations: ITERATIONS,
        salt: sealing::to_base64(&salt),
        wrapped_key: sealing::to_base64(&wrapped),
        idle_minutes,
        records_key: None,
        encrypt_everything: false,
    };
    // A refresh under way in another tab ends first, and what it wrote is what is sealed.
    let _refreshes = hold_refreshes(db).await?;
    sealing::set_open(key.clone());
    let sealed = async {
        let mut out = vec![];
        for a in accounts::all_as_stored(db).await? {
            out.push(accounts::sealed(a).await?);
        }
        accounts::put_as_given(db, &out, |settings| {
            settings
                .put_with_key(&crate::store::codec::to_js(&config)?, &CONFIG_KEY.into())
                .map(|_| ())
                .map_err(StoreError::from_js)
        })
        .await
    }
    .await;
    if let Err(e) = sealed {
        sealing::set_off();
        return Err(e.into());
    }
    IDLE_MINUTES.with(|m| m.set(idle_minutes));
    told();
    channel::post_key(&key);
    Ok(())
}

/// Checks `passphrase` against the stored lock, counting a wrong try: the data key when it is
/// the one (extractable only when asked, to be wrapped again).
async fn open_key(
    db: &Db,
    config: &LockConfig,
    passphrase: &str,
    extractable: bool,
    now: f64,
) -> Result<wasm_bindgen::JsValue, LockError> {
    let tries: Tries = settings_docs::get(db, TRIES_KEY).await?.unwrap_or_default();
    if now < tries.next_try_at() {
        return Err(LockError::Wait {
            until: tries.next_try_at(),
        });
    }
    let salt = sealing::from_base64(&config.salt)?;
    let wrapped = sealing::from_base64(&config.wrapped_key)?;
    let wrapping = sealing::passphrase_key(passphrase, &salt, config.iterations).await?;
    match sealing::unwrap(&wrapped, &wrapping, extractable).await? {
        Some(key) => {
            if tries.wrong > 0 {
                settings_docs::put_clear(db, TRIES_KEY, &Tries::default()).await?;
            }
            Ok(key)
        }
        None => {
            let counted = settings_docs::update_clear(db, TRIES_KEY, |t: &mut Tries| {
                t.wrong += 1;
                t.last_at = now;
                *t
            })
            .await?;
            Err(LockError::Wrong {
                next_try_at: counted.next_try_at(),
            })
        }
    }
}

/// Unlocks this tab and every other one with `passphrase`. Tokens written in the clear
/// meanwhile (by a tab that did not know of the lock) are sealed.
pub async fn unlock(db: &Db, passphrase: &str, now: f64) -> Result<(), LockError> {
    let config = config(db).await?.ok_or(LockError::NotSet)?;
    let key = open_key(db, &config, passphrase, false, now).await?;
    everything::load(&config, &key).await?;
    sealing::set_open(key.clone());
    IDLE_MINUTES.with(|m| m.set(config.idle_minutes));
    LAST_ACTIVITY.with(|c| c.set(now));
    told();
    channel::post_key(&key);
    for a in accounts::all_as_stored(db).await? {
        let plain = |t: &str| !t.is_empty() && !is_sealed(t);
        if plain(&a.token) || plain(&a.refresh_token) {
            accounts::put(db, &a).await?;
        }
    }
    Ok(())
}

/// Locks this tab and every other one: the key is forgotten, nothing sealed can be read.
pub fn lock_now() {
    if state() != LockState::Open {
        return;
    }
    lock_here();
    channel::post_locked();
}

/// Locks this tab only (another tab said so).
pub(crate) fn lock_here() {
    sealing::set_locked();
    told();
}

/// Another tab holds the key (it unlocked, or set the lock up): this one is unlocked too.
pub(crate) fn open_here(key: wasm_bindgen::JsValue) {
    sealing::set_open(key);
    LAST_ACTIVITY.with(|c| c.set(super::clock::now_ms()));
    told();
}

/// Another tab took the lock off.
pub(crate) fn off_here() {
    sealing::set_off();
    told();
}

/// The idle time chosen (one strict write of the lock's document).
pub async fn set_idle(db: &Db, minutes: u32) -> Result<(), LockError> {
    change_config(db, |c| c.idle_minutes = minutes).await?;
    IDLE_MINUTES.with(|m| m.set(minutes));
    Ok(())
}

/// Changes the lock's document where it is read, in one strict transaction (two tabs, or a
/// passphrase change and "encrypt everything" at once, each keep the other's fields).
pub(crate) async fn change_config(
    db: &Db,
    change: impl FnOnce(&mut LockConfig),
) -> Result<LockConfig, LockError> {
    if config(db).await?.is_none() {
        return Err(LockError::NotSet);
    }
    settings_docs::update_clear(db, CONFIG_KEY, |c: &mut Option<LockConfig>| {
        if let Some(c) = c.as_mut() {
            change(c);
        }
        c.clone()
    })
    .await?
    .ok_or(LockError::NotSet)
}

/// A new passphrase: the data key is wrapped again by the new passphrase's key (a new salt)
/// and only the lock's document is written, in one strict transaction; the sealed tokens
/// stay as they are.
pub async fn change(
    db: &Db,
    current: &str,
    new: &str,
    confirmation: &str,
    now: f64,
) -> Result<(), LockError> {
    check_new(new, confirmation).map_err(LockError::Refused)?;
    let config = config(db).await?.ok_or(LockError::NotSet)?;
    let key = open_key(db, &config, current, true, now).await?;
    let salt = sealing::random::<16>()?;
    let wrapping = sealing::passphrase_key(new, &salt, ITERATIONS).await?;
    let wrapped = sealing::wrap(&key, &wrapping).await?;
    change_config(db, |c| {
        c.iterations = ITERATIONS;
        c.salt = sealing::to_base64(&salt);
        c.wrapped_key = sealing::to_base64(&wrapped);
    })
    .await?;
    Ok(())
}

/// Every account's refresh lock (`bluesky::session::refresh_lock`), held while the tokens
/// are rewritten: a refresh in another tab cannot write between this read and this write
/// (its new, single-use refresh token would be overwritten by the spent one).
async fn hold_refreshes(db: &Db) -> Result<Vec<super::tabs::LockGuard>, StoreError> {
    let mut ids: Vec<String> = accounts::all_as_stored(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    crate::domain::sorting::sort(&mut ids);
    let mut held = Vec::with_capacity(ids.len());
    for id in ids {
        held.push(super::tabs::exclusive(&super::bluesky::session::refresh_lock(&id)).await);
    }
    Ok(held)
}

/// Takes the lock off: every record written again in the clear when everything was
/// sealed, then every token opened and written in the clear, and the lock's document
/// removed, in one strict transaction.
pub async fn turn_off(db: &Db, passphrase: &str, now: f64) -> Result<(), LockError> {
    let config = config(db).await?.ok_or(LockError::NotSet)?;
    let key = open_key(db, &config, passphrase, false, now).await?;
    let _refreshes = hold_refreshes(db).await?;
    sealing::set_open(key);
    if config.records_key.is_some() {
        // Everything written again in the clear first: nothing sealed stays without its key.
        everything::turn_off(db, &|_, _| {}).await?;
    }
    let mut plain = vec![];
    for mut a in accounts::all_as_stored(db).await? {
        a.token = sealing::unseal(&a.token).await?;
        a.refresh_token = sealing::unseal(&a.refresh_token).await?;
        plain.push(a);
    }
    accounts::put_as_given(db, &plain, |settings| {
        settings
            .delete(&CONFIG_KEY.into())
            .map(|_| ())
            .map_err(StoreError::from_js)
    })
    .await?;
    off_here();
    channel::post_off();
    Ok(())
}

/// The export encrypted with the lock's passphrase, checked first as an unlock is (a wrong
/// one counted): the file opens anywhere with that passphrase.
pub async fn sealed_export(
    db: &Db,
    file: &super::backup::Export,
    passphrase: &str,
    now: f64,
) -> Result<super::backup::Export, LockError> {
    let config = config(db).await?.ok_or(LockError::NotSet)?;
    open_key(db, &config, passphrase, false, now).await?;
    Ok(super::backup::seal_export(file, passphrase).await?)
}

/// Erases everything this app keeps on this device (the passphrase forgotten): the database
/// is deleted; the page should be loaded again after.
pub async fn erase_device(db: Db) -> Result<(), StoreError> {
    db.erase().await
}
