//! The passphrase lock's rules, pure: what is stored about it (the wrapped data key and how
//! the passphrase's key is derived), which passphrases are accepted, how long to wait after
//! wrong tries, and when an idle app locks itself. The cryptography itself is the browser's
//! (`store::sealing`); nothing here sees a key.

use serde::{Deserialize, Serialize};

/// PBKDF2-SHA-256 iterations for a new passphrase: OWASP's advice for PBKDF2-HMAC-SHA256
/// (Password Storage Cheat Sheet, 2023 onwards).
pub const ITERATIONS: u32 = 600_000;

/// The shortest passphrase accepted, in characters.
pub const MIN_CHARS: usize = 10;

/// Wrong tries allowed before each further try waits.
pub const FREE_TRIES: u32 = 5;

/// The longest wait between two tries, in ms (15 minutes).
pub const MAX_WAIT_MS: f64 = 15.0 * 60_000.0;

/// What is kept about the lock (settings document `lock`), all in the clear: none of it
/// opens anything without the passphrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LockConfig {
    /// The format of this document.
    pub version: u32,
    /// How the passphrase's key is derived: `"PBKDF2-SHA-256"`.
    pub kdf: String,
    pub iterations: u32,
    /// Random, base64 (16 bytes).
    pub salt: String,
    /// The data key (AES-256-GCM) wrapped with AES-KW by the passphrase's key, base64.
    pub wrapped_key: String,
    /// Locks itself after this many minutes without a key or a click; 0: never.
    pub idle_minutes: u32,
    /// "Encrypt everything": the records' secret (32 random bytes) sealed by the data key
    /// (AES-256-GCM), base64 of the IV and the ciphertext; made the first time it is turned
    /// on and kept while the passphrase is, so a record sealed by a tab that had not yet heard
    /// it was turned off still opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_key: Option<String>,
    /// Whether records are written sealed ("encrypt everything" on).
    #[serde(default)]
    pub encrypt_everything: bool,
}

/// The idle times offered, in minutes (0: never).
pub const IDLE_CHOICES: [u32; 5] = [5, 15, 30, 60, 0];

/// The idle time a new lock starts with.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// Where the lock stands in a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockState {
    /// No passphrase set.
    Off,
    /// A passphrase is set and this tab does not hold the key.
    Locked,
    /// Unlocked.
    Open,
}

/// Wrong tries so far and when the last one was made (settings document `lock-tries`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Tries {
    pub wrong: u32,
    pub last_at: f64,
}

impl Tries {
    /// How long the next try must wait after the last wrong one, in ms: nothing for the first
    /// five, then 30 s, doubled at each wrong try, 15 minutes at most.
    pub fn wait_ms(&self) -> f64 {
        if self.wrong < FREE_TRIES {
            return 0.0;
        }
        let doublings = (self.wrong - FREE_TRIES).min(16);
        (30_000.0 * f64::from(1u32 << doublings)).min(MAX_WAIT_MS)
    }

    /// When the next try may be made (UTC ms); at or before `now`: at once.
    pub fn next_try_at(&self) -> f64 {
        self.last_at + self.wait_ms()
    }
}

/// Why a passphrase is refused when it is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseProblem {
    TooShort,
    /// The confirmation is not the same.
    Mismatch,
}

/// Checks a new passphrase and its confirmation.
pub fn check_new(passphrase: &str, confirmation: &str) -> Result<(), PassphraseProblem> {
    if passphrase.chars().count() < MIN_CHARS {
        return Err(PassphraseProblem::TooShort);
    }
    if passphrase != confirmation {
        return Err(PassphraseProblem::Mismatch);
    }
    Ok(())
}

/// Whether an app idle since `last_activity` locks at `now`.
pub fn idle_over(idle_minutes: u32, last_activity: f64, now: f64) -> bool {
    idle_minutes > 0 && now - last_activity >= f64::from(idle_minutes) * 60_000.0
}

/// The prefix of a sealed value: `sealed1:` then base64 of the 12-byte IV and the AES-GCM
/// ciphertext.
pub const SEALED_PREFIX: &str = "sealed1:";

/// Whether a stored text is sealed (a token written while the lock was on).
pub fn is_sealed(text: &str) -> bool {
    text.starts_with(SEALED_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_tries_are_free_then_the_wait_doubles_up_to_fifteen_minutes() {
        let at = |wrong| Tries {
            wrong,
            last_at: 1_000.0,
        };
        for wrong in 0..5 {
            assert_eq!(at(wrong).wait_ms(), 0.0, "{wrong} wrong tries");
            assert_eq!(at(wrong).next_try_at(), 1_000.0);
        }
        assert_eq!(at(5).wait_ms(), 30_000.0);
        assert_eq!(at(6).wait_ms(), 60_000.0);
        assert_eq!(at(7).wait_ms(), 120_000.0);
        assert_eq!(at(9).wait_ms(), 480_000.0);
        assert_eq!(at(10).wait_ms(), MAX_WAIT_MS);
        assert_eq!(at(400).wait_ms(), MAX_WAIT_MS);
        assert_eq!(at(6).next_try_at(), 61_000.0);
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_confirmed() {
        assert_eq!(
            check_new("court", "court"),
            Err(PassphraseProblem::TooShort)
        );
        // characters, not bytes: nine accented letters are too short
        assert_eq!(
            check_new("ééééééééé", "ééééééééé"),
            Err(PassphraseProblem::TooShort)
        );
        assert_eq!(
            check_new("une phrase longue", "une phrase longu"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(check_new("une phrase longue", "une phrase longue"), Ok(()));
    }

    #[test]
    fn an_idle_app_locks_after_its_minutes_and_never_when_set_so() {
        assert!(!idle_over(15, 0.0, 14.0 * 60_000.0));
        assert!(idle_over(15, 0.0, 15.0 * 60_000.0));
        assert!(!idle_over(0, 0.0, 1e12));
    }

    #[test]
    fn the_stored_lock_is_read_back_as_written() {
        let c = LockConfig {
            version: 1,
            kdf: "PBKDF2-SHA-256".into(),
            iterations: ITERATIONS,
            salt: "c2FsdA==".into(),
            wrapped_key: "a2V5".into(),
            idle_minutes: DEFAULT_IDLE_MINUTES,
            records_key: None,
            encrypt_everything: false,
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<LockConfig>(&json).unwrap(), c);
        assert!(is_sealed("sealed1:AAAA"));
        assert!(!is_sealed("a plain token"));
    }
}
