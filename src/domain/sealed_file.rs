//! The encrypted export's envelope (format 1), read and written as JSON around the export's
//! text: `{"format": "attache-encrypted-export", "version": 1, "kdf": "PBKDF2-SHA-256",
//! "iterations": 600000, "salt": <base64, 16 bytes>, "cipher": "AES-256-GCM", "iv": <base64,
//! 12 bytes>, "ciphertext": <base64: the export's UTF-8 text, AES-GCM with its 16-byte tag
//! at the end>}`. The key is PBKDF2-SHA-256 over the passphrase with that salt: the file opens
//! on any device with the passphrase alone. `docs/encrypted-export.md` says the same for
//! someone who must open one without Attaché.

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "attache-encrypted-export";
pub const CIPHER: &str = "AES-256-GCM";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SealedFile {
    pub format: String,
    pub version: u32,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub iv: String,
    pub ciphertext: String,
}

/// The envelope, when `text` is an encrypted export (any other text, a plain export
/// included, is not).
pub fn read_sealed(text: &str) -> Option<SealedFile> {
    // A plain export is large: look at its start before parsing anything.
    let head: String = text.chars().take(200).collect();
    if !head.contains(FORMAT) {
        return None;
    }
    serde_json::from_str::<SealedFile>(text)
        .ok()
        .filter(|f| f.format == FORMAT)
}

/// The encrypted file's name beside the plain one's: `attache-all-2026-12-06.json` →
/// `attache-all-2026-12-06.encrypted.json`.
pub fn sealed_name(name: &str) -> String {
    match name.strip_suffix(".json") {
        Some(stem) => format!("{stem}.encrypted.json"),
        None => format!("{name}.encrypted.json"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypted_export_is_told_from_a_plain_one_and_named_beside_it() {
        let f = SealedFile {
            format: FORMAT.into(),
            version: 1,
            kdf: "PBKDF2-SHA-256".into(),
            iterations: 600_000,
            salt: "AAAA".into(),
            cipher: CIPHER.into(),
            iv: "BBBB".into(),
            ciphertext: "CCCC".into(),
        };
        let text = serde_json::to_string_pretty(&f).unwrap();
        assert_eq!(read_sealed(&text), Some(f));
        assert_eq!(
            read_sealed(r#"{"format_version": 3, "workspaces": []}"#),
            None
        );
        assert_eq!(
            read_sealed(r#"{"format": "attache-encrypted-export"}"#),
            None,
            "incomplete"
        );
        assert_eq!(read_sealed(""), None);
        assert_eq!(
            sealed_name("attache-all-2026-12-06.json"),
            "attache-all-2026-12-06.encrypted.json"
        );
    }
}
