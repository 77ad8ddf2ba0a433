//! "Encrypt everything" (Settings → Security, with a passphrase set): every record's payload
//! sealed at rest, not only the tokens. A random secret, sealed by the data key, is kept in
//! the lock's document; unlocking opens it, and its keys (`store::sealed_records`) seal each
//! write and open each read. Turning it on or off writes every record again
//! (`store::reseal`); turning the passphrase off turns it off first. The other tabs get the
//! secret with the data key (`channel.rs`).

use crate::domain::lock::LockConfig;
use crate::store::{reseal, sealed_records, sealing, Db, StoreError};

use super::{channel, config, LockError, LockState, CONFIG_KEY};

/// Whether this tab seals what it writes.
pub fn is_on() -> bool {
    sealed_records::sealing_writes()
}

/// The records' secret out of the lock's document, opened with `data_key` and held (none:
/// "encrypt everything" is off).
pub(super) async fn load(
    config: &LockConfig,
    data_key: &wasm_bindgen::JsValue,
) -> Result<(), StoreError> {
    let Some(sealed) = &config.records_key else {
        sealed_records::forget();
        return Ok(());
    };
    let raw = sealing::from_base64(sealed)?;
    if raw.len() < 12 {
        return Err(StoreError::Corrupt("the records' key is too short".into()));
    }
    let (iv, body) = raw.split_at(12);
    let secret = sealing::decrypt_with(data_key, iv, body)
        .await?
        .ok_or_else(|| StoreError::Corrupt("the records' key does not open".into()))?;
    let secret: [u8; 32] = secret
        .try_into()
        .map_err(|_| StoreError::Corrupt("the records' key is not 32 bytes".into()))?;
    sealed_records::hold(Some(&secret), true);
    Ok(())
}

/// Turns "encrypt everything" on: a new secret sealed by the data key in the lock's document
/// (kept if one is there: a rewrite stopped midway is finished), then every record written
/// again sealed. `progress`: the store being written and the records so far.
pub async fn turn_on(db: &Db, progress: &dyn Fn(&str, usize)) -> Result<usize, LockError> {
    let key = sealing::key().ok_or(match super::state() {
        LockState::Off => LockError::NotSet,
        _ => LockError::Store(StoreError::Locked),
    })?;
    let mut config = config(db).await?.ok_or(LockError::NotSet)?;
    if config.records_key.is_none() {
        let secret = sealing::random::<32>()?;
        let (iv, body) = sealing::encrypt_with(&key, &secret).await?;
        let mut stored = iv.to_vec();
        stored.extend(body);
        config.records_key = Some(sealing::to_base64(&stored));
        crate::store::settings_docs::put_clear(db, CONFIG_KEY, &config).await?;
    }
    load(&config, &key).await?;
    channel::post_records();
    Ok(reseal::rewrite_all(db, progress).await?)
}

/// Turns it off: every record written again in the clear (the keys still open what is
/// sealed), then the secret removed from the lock's document.
pub async fn turn_off(db: &Db, progress: &dyn Fn(&str, usize)) -> Result<usize, LockError> {
    let config = config(db).await?.ok_or(LockError::NotSet)?;
    if config.records_key.is_none() {
        return Ok(0);
    }
    writing_in_clear(&config).await?;
    let done = reseal::rewrite_all(db, progress).await?;
    let changed = LockConfig {
        records_key: None,
        ..config
    };
    crate::store::settings_docs::put_clear(db, CONFIG_KEY, &changed).await?;
    sealed_records::forget();
    channel::post_records();
    Ok(done)
}

/// Holds the keys to read what is sealed, and writes in the clear from now on (here and in
/// the other tabs).
pub(super) async fn writing_in_clear(config: &LockConfig) -> Result<(), LockError> {
    let key = sealing::key().ok_or(LockError::Store(StoreError::Locked))?;
    load(config, &key).await?;
    if let Some((secret, _)) = sealed_records::held() {
        sealed_records::hold(Some(&secret), false);
    }
    channel::post_records();
    Ok(())
}
