//! Follow-ups: something to do about a member by a date and time ("ask Bob how the workshop
//! went"), open until marked done. Today lists those due by the end of the day.

use super::sorting;
use serde::{Deserialize, Serialize};

/// The longest a follow-up's words may be.
pub const MAX_WHAT: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: String,
    /// The member it is about (`domain::member::key_of`).
    pub member_key: String,
    /// Their name when it was written (Today shows it without reading every member).
    pub member_name: String,
    pub what: String,
    /// UTC ms.
    pub due: f64,
    pub created_at: f64,
    #[serde(default)]
    pub done_at: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpError {
    Empty,
    TooLong,
    /// No date and time, or not one.
    NoDue,
}

/// The words of a follow-up, trimmed, or why they cannot be one.
pub fn validate(what: &str, due: f64) -> Result<String, FollowUpError> {
    let what = what.trim();
    if what.is_empty() {
        return Err(FollowUpError::Empty);
    }
    if what.chars().count() > MAX_WHAT {
        return Err(FollowUpError::TooLong);
    }
    if !due.is_finite() {
        return Err(FollowUpError::NoDue);
    }
    Ok(what.to_string())
}

/// The open follow-ups due before `end`, the oldest due first.
pub fn due_before(list: &[FollowUp], end: f64) -> Vec<&FollowUp> {
    let mut due: Vec<&FollowUp> = list
        .iter()
        .filter(|f| f.done_at.is_none() && f.due < end)
        .collect();
    sorting::sort_by(&mut due[..], |a, b| a.due.total_cmp(&b.due));
    due
}

/// A member's open follow-ups, the soonest first: those written on any of their identities
/// (`member_keys`; a merged member has several).
pub fn open_for<'a, S: AsRef<str>>(list: &'a [FollowUp], member_keys: &[S]) -> Vec<&'a FollowUp> {
    due_before(list, f64::INFINITY)
        .into_iter()
        .filter(|f| member_keys.iter().any(|k| k.as_ref() == f.member_key))
        .collect()
}
