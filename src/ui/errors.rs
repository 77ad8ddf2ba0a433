//! Turning layer errors into plain sentences, once, at the UI edge.

use crate::domain::i18n::Msg;
use crate::domain::workspace::NameError;
use crate::store::StoreError;

pub fn name_error(e: NameError) -> Msg {
    match e {
        NameError::Empty => Msg::NameEmpty,
        NameError::TooLong => Msg::NameTooLong,
        NameError::ControlCharacter => Msg::NameControl,
        NameError::Taken => Msg::NameTaken,
    }
}

pub fn store_error(e: &StoreError) -> Msg {
    match e {
        StoreError::Unavailable => Msg::ErrUnavailable,
        StoreError::Blocked => Msg::ErrBlocked,
        StoreError::QuotaExceeded => Msg::ErrQuota,
        StoreError::Backend(_) => Msg::ErrBackend,
        StoreError::Closed => Msg::ErrClosed,
        StoreError::NewerVersion => Msg::ErrNewer,
        StoreError::Corrupt(_) => Msg::ErrCorrupt,
        StoreError::Aborted => Msg::ErrAborted,
        StoreError::Other { .. } => Msg::ErrOther,
    }
}
