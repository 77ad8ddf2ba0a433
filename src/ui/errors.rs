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

/// One line of an import report: `workspaces[2].name: missing`.
pub fn problem_line(t: crate::ui::text::Text, p: &crate::domain::backup::PathProblem) -> String {
    use crate::domain::backup::Problem;
    let what = match &p.problem {
        Problem::Missing => t.get(Msg::ProblemMissing).to_string(),
        Problem::WrongType { expected } => {
            let ty = match *expected {
                "number" => Msg::TypeNumber,
                "list" => Msg::TypeList,
                "object" => Msg::TypeObject,
                _ => Msg::TypeText,
            };
            t.fill(Msg::ProblemWrongType, &[t.get(ty)])
        }
        Problem::DuplicateId(id) => t.fill(Msg::ProblemDuplicate, &[id]),
        Problem::UnknownWorkspace(id) => t.fill(Msg::ProblemUnknownWorkspace, &[id]),
        Problem::BadName(e) => t.get(name_error(*e)).to_string(),
        Problem::BadValue => t.get(Msg::ProblemBadValue).to_string(),
    };
    format!("{}: {}", p.path, what)
}

pub fn library_error(e: crate::domain::library::LibraryError) -> Msg {
    use crate::domain::library::LibraryError;
    match e {
        LibraryError::Empty => Msg::LibEmpty,
        LibraryError::TooLong => Msg::LibTooLong,
        LibraryError::BadColour => Msg::LibBadColour,
        LibraryError::Taken => Msg::LibTaken,
    }
}
