//! Turning layer errors into plain sentences, once, at the UI edge.

use crate::domain::workspace::NameError;
use crate::store::StoreError;
use crate::ui::i18n::Msg;

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
        StoreError::Locked => Msg::ErrLocked,
        StoreError::EditedElsewhere => Msg::ErrEditedElsewhere,
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
            t.fill(Msg::ProblemWrongType, &[("type", &t.get(ty))])
        }
        Problem::DuplicateId(id) => t.fill(Msg::ProblemDuplicate, &[("id", &id)]),
        Problem::UnknownWorkspace(id) => t.fill(Msg::ProblemUnknownWorkspace, &[("id", &id)]),
        Problem::UnknownPost(id) => t.fill(Msg::ProblemUnknownPost, &[("id", &id)]),
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

/// A connection failure as a sentence (the server's own words are filled in by the caller).
pub fn connect_error(e: &crate::services::mastodon::ConnectError) -> Msg {
    use crate::domain::address::InstanceError;
    use crate::services::mastodon::ConnectError;
    match e {
        ConnectError::Instance(InstanceError::Empty) => Msg::ErrInstanceEmpty,
        ConnectError::Instance(InstanceError::Invalid) => Msg::ErrInstanceInvalid,
        ConnectError::Instance(InstanceError::Insecure) => Msg::ErrInstanceInsecure,
        ConnectError::NotMastodon => Msg::ErrNotMastodon,
        ConnectError::Offline => Msg::ErrOffline,
        ConnectError::Unreachable => Msg::ErrUnreachable,
        ConnectError::Denied => Msg::ErrDenied,
        ConnectError::StateMismatch => Msg::ErrStateMismatch,
        ConnectError::Server(_) => Msg::ErrServerSaid,
        ConnectError::Store(e) => store_error(e),
    }
}

/// A Bluesky sign-in failure as a sentence (the server's own words are filled in by the
/// caller).
pub fn sign_in_error(e: &crate::services::bluesky::SignInError) -> Msg {
    use crate::domain::address::InstanceError;
    use crate::services::bluesky::SignInError;
    match e {
        SignInError::HandleInvalid => Msg::ErrHandleInvalid,
        SignInError::Server(InstanceError::Empty) => Msg::ErrInstanceEmpty,
        SignInError::Server(InstanceError::Invalid) => Msg::ErrInstanceInvalid,
        SignInError::Server(InstanceError::Insecure) => Msg::ErrInstanceInsecure,
        SignInError::UnknownHandle => Msg::ErrUnknownHandle,
        SignInError::WrongPassword => Msg::ErrWrongPassword,
        SignInError::CodeNeeded => Msg::ErrCodeNeeded,
        SignInError::Inactive => Msg::ErrInactive,
        SignInError::Offline => Msg::ErrOffline,
        SignInError::Unreachable => Msg::ErrUnreachable,
        SignInError::RateLimited => Msg::ErrTooManyTries,
        SignInError::Said(_) => Msg::ErrServerSaid,
        SignInError::Store(e) => store_error(e),
        SignInError::NoOAuth => Msg::ErrNoOAuth,
        SignInError::LoopbackHost => Msg::ErrLoopbackHost,
        SignInError::NotOurs => Msg::ErrStateMismatch,
        SignInError::Denied => Msg::ErrDenied,
    }
}

/// Why a send stopped, as a sentence naming the network (and the server's words or the
/// time the pause ends).
pub fn send_problem(
    t: crate::ui::text::Text,
    network: &str,
    p: &crate::domain::post::SendProblem,
) -> String {
    use crate::domain::post::SendProblem;
    match p {
        SendProblem::RateLimited { until: Some(at) } => t.fill(
            Msg::ProblemRateLimited,
            &[
                ("network", &network),
                ("until", &crate::ui::format::time_of_day(t.lang(), *at)),
            ],
        ),
        SendProblem::RateLimited { until: None } => {
            t.fill(Msg::ProblemRateLimitedSoon, &[("network", &network)])
        }
        SendProblem::Reconnect => t.fill(Msg::ProblemReconnect, &[("network", &network)]),
        SendProblem::Rejected { message } => t.fill(
            Msg::ProblemRejected,
            &[("network", &network), ("message", &message)],
        ),
        SendProblem::Unreachable => t.fill(Msg::ProblemUnreachable, &[("network", &network)]),
        SendProblem::HeldGone => t.fill(Msg::ProblemHeldGone, &[("network", &network)]),
        SendProblem::NoAccount => t.fill(Msg::ProblemNoAccount, &[("network", &network)]),
    }
}

/// The sentences of one kind of read (the inbox's check, a thread) for each problem.
struct ReadWords {
    rate_limited: Msg,
    rate_limited_soon: Msg,
    reconnect: Msg,
    rejected: Msg,
    unreachable: Msg,
    no_account: Msg,
}

fn read_sentence(
    t: crate::ui::text::Text,
    network: &str,
    p: &crate::domain::post::SendProblem,
    words: &ReadWords,
) -> String {
    use crate::domain::post::SendProblem;
    let named: [(&str, &dyn std::fmt::Display); 1] = [("network", &network)];
    match p {
        SendProblem::RateLimited { until: Some(at) } => t.fill(
            words.rate_limited,
            &[
                ("network", &network),
                ("until", &crate::ui::format::time_of_day(t.lang(), *at)),
            ],
        ),
        SendProblem::RateLimited { until: None } => t.fill(words.rate_limited_soon, &named),
        SendProblem::Reconnect => t.fill(words.reconnect, &named),
        SendProblem::Rejected { message } => t.fill(
            words.rejected,
            &[("network", &network), ("message", &message)],
        ),
        // A read holds nothing on the server: "gone" there is as good as unreachable.
        SendProblem::Unreachable | SendProblem::HeldGone => t.fill(words.unreachable, &named),
        SendProblem::NoAccount => t.fill(words.no_account, &named),
    }
}

/// Why checking a network for new messages (the inbox's sync) stopped, as a sentence that
/// says so: nothing was being published.
pub fn sync_problem(
    t: crate::ui::text::Text,
    network: &str,
    p: &crate::domain::post::SendProblem,
) -> String {
    let words = ReadWords {
        rate_limited: Msg::SyncRateLimited,
        rate_limited_soon: Msg::SyncRateLimitedSoon,
        reconnect: Msg::SyncReconnect,
        rejected: Msg::SyncRejected,
        unreachable: Msg::SyncUnreachable,
        no_account: Msg::SyncNoAccount,
    };
    read_sentence(t, network, p, &words)
}

/// Why reading a conversation's thread stopped, as a sentence; what is kept stays shown.
pub fn thread_problem(
    t: crate::ui::text::Text,
    network: &str,
    p: &crate::domain::post::SendProblem,
) -> String {
    let words = ReadWords {
        rate_limited: Msg::ThreadRateLimited,
        rate_limited_soon: Msg::ThreadRateLimitedSoon,
        reconnect: Msg::ThreadReconnect,
        rejected: Msg::ThreadRejected,
        unreachable: Msg::ThreadUnreachable,
        no_account: Msg::ThreadNoAccount,
    };
    read_sentence(t, network, p, &words)
}

/// "Could not save: …" with why, the one sentence for a failed save (or read) of the store.
pub fn save_failed(t: crate::ui::text::Text, e: &crate::store::StoreError) -> String {
    t.fill(Msg::SaveFailed, &[("reason", &t.get(store_error(e)))])
}

/// A list could not be read from the device: why, in the current language.
pub fn read_failed(t: crate::ui::text::Text, e: &crate::store::StoreError) -> String {
    t.fill(Msg::ReadFailed, &[("reason", &t.get(store_error(e)))])
}
