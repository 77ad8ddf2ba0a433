//! "Encrypt everything" (Settings → Security, with a passphrase set): every record's payload
//! sealed at rest, not only the tokens. A random secret, sealed by the data key, is kept in
//! the lock's document; unlocking opens it, and its keys (`store::sealed_records`) seal each
//! write while the setting is on and open each read always. Turning it on or off writes
//! every record again (`store::reseal`); the secret stays while the passphrase does, so a
//! record another tab sealed just before it heard of the change still opens. Turning the
//! passphrase off writes everything in the clear first. The other tabs get the secret with
//! the data key (`channel.rs`).

use crate::domain::lock::LockConfig;
use crate::store::{reseal, sealed_records, sealing, Db, StoreError};

use super::{channel, LockError, LockState};

/// Whether this tab seals what it writes.
pub fn is_on() -> bool {
    sealed_records::sealing_writes()
}

/// The records' secret out of the lock's document, opened with `data_key` and held, writes
/// sealed as the document says (none made yet: nothing held).
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
    sealed_records::hold(Some(&secret), config.encrypt_everything);
    Ok(())
}

fn data_key() -> Result<wasm_bindgen::JsValue, LockError> {
    sealing::key().ok_or(match super::state() {
        LockState::Off => LockError::NotSet,
        _ => LockError::Store(StoreError::Locked),
    })
}

/// The lock's document with "encrypt everything" set to `on` (a secret made the first
/// time), written, held here and told to the other tabs.
async fn set(db: &Db, on: bool) -> Result<LockConfig, LockError> {
    let key = data_key()?;
    // A secret made beforehand (WebCrypto cannot run inside the transaction), used only if
    // the document has none when it is read: a secret once there is never replaced.
    let secret = sealing::random::<32>()?;
    let (iv, body) = sealing::encrypt_with(&key, &secret).await?;
    let mut made = iv.to_vec();
    made.extend(body);
    let config = super::change_config(db, |c| {
        if c.records_key.is_none() {
            c.records_key = Some(sealing::to_base64(&made));
        }
        c.encrypt_everything = on;
    })
    .await?;
    load(&config, &key).await?;
    channel::post_records();
    Ok(config)
}

/// Turns "encrypt everything" on, then writes every record again sealed (run again after a
/// stop midway, it finishes). `progress`: the store being written and the records so far.
pub async fn turn_on(db: &Db, progress: &dyn Fn(&str, usize)) -> Result<usize, LockError> {
    set(db, true).await?;
    Ok(reseal::rewrite_all(db, progress).await?)
}

/// Turns it off, then writes every record again in the clear (the keys still open what is
/// sealed).
pub async fn turn_off(db: &Db, progress: &dyn Fn(&str, usize)) -> Result<usize, LockError> {
    set(db, false).await?;
    Ok(reseal::rewrite_all(db, progress).await?)
}
