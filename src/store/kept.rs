//! What the device keeps only to start faster, by workspace: the search box's last index as
//! bytes (`domain::search::kept`), in chunks of [`CHUNK`] bytes under `[workspace, "search",
//! n]` and a header under `[workspace, "search"]` saying how many. Written whole in one
//! transaction, a chunk per request (each its own turn of the page), and read in one, so a
//! reader sees a whole copy or none. Never exported; a workspace's deletion, forgetting one
//! of its members and a full import delete it (it holds names and words). Sealed whole when
//! "encrypt everything" is on.

use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
use super::schema::{FORGOTTEN, KEPT};
use super::{Db, StoreError};

/// Bytes per record: each is copied in one go when written or read.
pub const CHUNK: usize = 1 << 20;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    chunks: u32,
    bytes: f64,
    /// The chunks hold the index sealed ("encrypt everything"); `bytes` counts what is stored.
    #[serde(default)]
    sealed: bool,
}

fn key(workspace_id: &str, chunk: Option<u32>) -> JsValue {
    let k = Array::of2(&workspace_id.into(), &"search".into());
    if let Some(n) = chunk {
        k.push(&n.into());
    }
    k.into()
}

/// Every key of the workspace's copies: `[workspace]` up to `[workspace, []]` (an array
/// sorts after every text and number).
fn workspace_range(workspace_id: &str) -> Result<JsValue, StoreError> {
    let lower = Array::of1(&workspace_id.into());
    let upper = Array::of2(&workspace_id.into(), &Array::new());
    web_sys::IdbKeyRange::bound(&lower, &upper)
        .map(JsValue::from)
        .map_err(StoreError::from_js)
}

/// Deletes the workspace's copies inside `tx` (which covers [`KEPT`]).
pub fn delete_for_workspace(tx: &Tx, workspace_id: &str) -> Result<(), StoreError> {
    tx.store(KEPT)?
        .delete(&workspace_range(workspace_id)?)
        .map(|_| ())
        .map_err(StoreError::from_js)
}

/// Keeps `bytes` as the workspace's search index, read from the records at `read_from`
/// (UTC ms), replacing the last copy — unless a member of the workspace was forgotten since
/// that read began (their words may be in it): then nothing is kept, and false returned.
pub async fn keep_search(
    db: &Db,
    workspace_id: &str,
    bytes: &[u8],
    read_from: f64,
) -> Result<bool, StoreError> {
    let (stored, sealed) = super::sealed_records::sealed_bytes(bytes)?;
    let bytes = &stored[..];
    let tx = Tx::write(db.raw(), &[KEPT, FORGOTTEN], Durability::Relaxed)?;
    let marks = super::members::marks_in(&tx, workspace_id).await?;
    if marks.iter().any(|m| m.at >= read_from) {
        tx.commit().await?;
        return Ok(false);
    }
    delete_for_workspace(&tx, workspace_id)?;
    let store = tx.store(KEPT)?;
    let mut n = 0u32;
    for chunk in bytes.chunks(CHUNK) {
        let put = store
            .put_with_key(&Uint8Array::from(chunk), &key(workspace_id, Some(n)))
            .map_err(StoreError::from_js)?;
        request(&put).await?;
        n += 1;
    }
    let header = Header {
        chunks: n,
        bytes: bytes.len() as f64,
        sealed,
    };
    store
        .put_with_key(&to_js(&header)?, &key(workspace_id, None))
        .map_err(StoreError::from_js)?;
    tx.commit().await?;
    Ok(true)
}

/// The workspace's kept search index, whole, if there is one.
pub async fn search(db: &Db, workspace_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
    let tx = Tx::read(db.raw(), &[KEPT])?;
    let store = tx.store(KEPT)?;
    let get = store
        .get(&key(workspace_id, None))
        .map_err(StoreError::from_js)?;
    let found = request(&get).await?;
    if found.is_undefined() {
        return Ok(None);
    }
    let Ok(header) = from_js::<Header>(&found) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    // Room for all at once when the header is believable (a damaged one asks for no more).
    let expected = (header.bytes as usize).min(header.chunks as usize * CHUNK);
    if expected <= 1 << 30 {
        bytes.reserve_exact(expected);
    }
    for n in 0..header.chunks {
        let get = store
            .get(&key(workspace_id, Some(n)))
            .map_err(StoreError::from_js)?;
        let chunk = request(&get).await?;
        let Some(chunk) = chunk.dyn_ref::<Uint8Array>() else {
            return Ok(None);
        };
        let from = bytes.len();
        bytes.resize(from + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[from..]);
    }
    tx.finish().await?;
    if bytes.len() as f64 != header.bytes {
        return Ok(None);
    }
    super::sealed_records::opened_bytes(bytes, header.sealed).map(Some)
}
