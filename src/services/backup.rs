//! Export to a file the user downloads, and import from a file the user picks: read, check
//! everything (domain), then write all or nothing (store). An export can be encrypted with
//! a passphrase (`domain::sealed_file`), and such a file is opened with it before the check.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::backup::{
    as_new_workspace, parse_backup, Backup, ImportError, MediaFile, Scope,
};
use crate::domain::lock::ITERATIONS;
use crate::domain::sealed_file::{read_sealed, sealed_name, SealedFile, CIPHER, FORMAT};
use crate::domain::storage::export_file_name;
use crate::domain::workspace::Workspace;
use crate::store::backup::{self as stored, ImportControl};
use crate::store::{sealing, Db, StoreError};

use super::clock::{new_id, now_ms};

/// Why an import did not happen. Existing data is untouched in every case.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFailure {
    Unreadable,
    Invalid(ImportError),
    Store(StoreError),
    /// An encrypted export (its text): its passphrase is needed to read it.
    Encrypted(String),
    /// The passphrase typed does not open the encrypted export.
    WrongPassphrase,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    Everything { workspaces: usize, notes: usize },
    Workspace { workspace: Workspace, notes: usize },
}

fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// An export made ready, not written yet: the user sees its size first.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub name: String,
    pub text: String,
    pub images: usize,
}

impl Export {
    /// The file's size in bytes (UTF-8).
    pub fn size(&self) -> usize {
        self.text.len()
    }
}

/// The export file's name and text: every record, and every image's bytes (base64), so
/// another device restores everything from this one file.
pub async fn export(db: &Db, workspace: Option<&Workspace>) -> Result<Export, StoreError> {
    let (mut backup, images) = match workspace {
        None => stored::export_all(db, now_ms()).await?,
        Some(w) => stored::export_workspace(db, &w.id, now_ms()).await?,
    };
    for image in images {
        let buffer = JsFuture::from(image.blob.array_buffer())
            .await
            .map_err(StoreError::from_js)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        backup.media.push(MediaFile::new(
            &image.id,
            &image.post_id,
            &image.blob.type_(),
            &bytes,
        ));
    }
    let text =
        serde_json::to_string_pretty(&backup).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Export {
        name: export_file_name(workspace.map(|w| w.name.as_str()), &today()),
        text,
        images: backup.media.len(),
    })
}

/// Hands `text` to the browser as a JSON file download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), StoreError> {
    download_as(name, text, "application/json")
}

/// Hands `text` to the browser as a file download named `name` of type `mime`.
pub fn download_as(name: &str, text: &str, mime: &str) -> Result<(), StoreError> {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(StoreError::from_js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(StoreError::from_js)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(StoreError::Unavailable)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(StoreError::from_js)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a picked file and checks it whole; nothing is written.
pub async fn read(file: &web_sys::File) -> Result<Backup, ImportFailure> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ImportFailure::Unreadable)?;
    let text = text.as_string().ok_or(ImportFailure::Unreadable)?;
    if read_sealed(&text).is_some() {
        return Err(ImportFailure::Encrypted(text));
    }
    parse_backup(&text).map_err(ImportFailure::Invalid)
}

/// The most PBKDF2 iterations an encrypted export may ask for (a file cannot make the app
/// work for minutes).
const MAX_ITERATIONS: u32 = 10_000_000;

/// An encrypted export opened with `passphrase` and checked whole; nothing is written.
pub async fn open_sealed(text: &str, passphrase: &str) -> Result<Backup, ImportFailure> {
    let f = read_sealed(text).ok_or(ImportFailure::Invalid(ImportError::NotABackup))?;
    if f.version != 1 || f.cipher != CIPHER || !(1..=MAX_ITERATIONS).contains(&f.iterations) {
        return Err(ImportFailure::Invalid(ImportError::NewerVersion {
            found: u64::from(f.version),
        }));
    }
    let bad = |_| ImportFailure::Invalid(ImportError::NotABackup);
    let (salt, iv, sealed) = (
        sealing::from_base64(&f.salt).map_err(bad)?,
        sealing::from_base64(&f.iv).map_err(bad)?,
        sealing::from_base64(&f.ciphertext).map_err(bad)?,
    );
    let key = sealing::passphrase_file_key(passphrase, &salt, f.iterations)
        .await
        .map_err(ImportFailure::Store)?;
    let plain = sealing::decrypt_with(&key, &iv, &sealed)
        .await
        .map_err(ImportFailure::Store)?
        .ok_or(ImportFailure::WrongPassphrase)?;
    let text = String::from_utf8(plain).map_err(|_| ImportFailure::Unreadable)?;
    parse_backup(&text).map_err(ImportFailure::Invalid)
}

/// `file` encrypted with `passphrase` in the documented envelope (`domain::sealed_file`).
pub async fn seal_export(file: &Export, passphrase: &str) -> Result<Export, StoreError> {
    let salt = sealing::random::<16>()?;
    let key = sealing::passphrase_file_key(passphrase, &salt, ITERATIONS).await?;
    let (iv, sealed) = sealing::encrypt_with(&key, file.text.as_bytes()).await?;
    let envelope = SealedFile {
        format: FORMAT.into(),
        version: 1,
        kdf: "PBKDF2-SHA-256".into(),
        iterations: ITERATIONS,
        salt: sealing::to_base64(&salt),
        cipher: CIPHER.into(),
        iv: sealing::to_base64(&iv),
        ciphertext: sealing::to_base64(&sealed),
    };
    let text =
        serde_json::to_string_pretty(&envelope).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Export {
        name: sealed_name(&file.name),
        text,
        images: file.images,
    })
}

/// Writes a checked backup: a full export replaces everything; a workspace export is added
/// as a new workspace beside the existing ones.
pub async fn import(
    db: &Db,
    backup: &Backup,
    existing: &[Workspace],
    control: ImportControl,
) -> Result<Imported, ImportFailure> {
    match backup.scope {
        Scope::All => {
            stored::replace_all(db, backup, control)
                .await
                .map_err(ImportFailure::Store)?;
            Ok(Imported::Everything {
                workspaces: backup.workspaces.len(),
                notes: backup.notes.len(),
            })
        }
        Scope::Workspace => {
            let names: Vec<String> = existing.iter().map(|w| w.name.clone()).collect();
            let new = as_new_workspace(backup, &names, new_id)
                .ok_or(ImportFailure::Invalid(ImportError::NotABackup))?;
            stored::add_workspace(db, &new, control)
                .await
                .map_err(ImportFailure::Store)?;
            Ok(Imported::Workspace {
                workspace: new.workspace,
                notes: new.notes.len(),
            })
        }
    }
}
