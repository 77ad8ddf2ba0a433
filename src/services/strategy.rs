//! Saving the workspace's strategy (mission, audience, tone, glossary, objectives,
//! personas, the networks it is on) and its daily routine, both library records, with the
//! time of the change set here.

use crate::domain::response_times::WorkingHours;
use chrono::NaiveDate;

use crate::domain::network::Network;
use crate::domain::objectives::{check, Metric, Objective, ObjectiveError};
use crate::domain::routine::{Routine, RoutineError};
use crate::domain::strategy::{check_persona_name, Persona, Strategy, StrategyWords, TermError};
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};

/// A new persona from what was typed (the name checked, the rest trimmed), with its id.
pub fn new_persona(
    name: &str,
    needs: &str,
    where_found: &str,
    expects: &str,
) -> Result<Persona, TermError> {
    Ok(Persona {
        id: new_id(),
        name: check_persona_name(name)?,
        needs: needs.trim().to_string(),
        where_found: where_found.trim().to_string(),
        expects: expects.trim().to_string(),
    })
}

/// A new objective from what was typed: the target (a comma is a decimal point) and the
/// deadline day (`YYYY-MM-DD`), which lasts until its end in local time; with its id and
/// creation time.
pub fn new_objective(
    metric: Metric,
    target: &str,
    day: &str,
    owner: &str,
) -> Result<Objective, ObjectiveError> {
    let now = now_ms();
    let goal: f64 = target.trim().replace(',', ".").parse().unwrap_or(f64::NAN);
    let by = js_sys::Date::new(&format!("{day}T23:59:59").into()).get_time();
    check(goal, by, now)?;
    Ok(Objective {
        id: new_id(),
        metric,
        target: goal,
        deadline: by,
        owner: owner.trim().to_string(),
        created_at: now,
    })
}

/// Adds a step to the routine on `today`, with its id (not saved: `save_routine` saves).
pub fn add_routine_step(
    routine: &mut Routine,
    label: &str,
    time: Option<u16>,
    today: NaiveDate,
) -> Result<(), RoutineError> {
    routine.add_item(&new_id(), label, time, today)
}

/// The workspace's strategy as stored (an empty one before the first save).
pub async fn load(db: &Db, workspace_id: &str) -> Result<Strategy, StoreError> {
    store::library::strategy(db, workspace_id).await
}

/// Saves the strategy as edited; returns it as saved (with the time of the change).
pub async fn save(
    db: &Db,
    workspace_id: &str,
    strategy: &Strategy,
) -> Result<Strategy, StoreError> {
    let mut s = strategy.clone();
    s.updated_at = now_ms();
    store::library::put_strategy(db, workspace_id, &s).await?;
    Ok(s)
}

/// Saves the page's words (mission, audience, tone) into the stored strategy, leaving the
/// rest as stored; returns the strategy as saved. The strategy page's autosave and its
/// "Save" button both come here.
pub async fn save_words(
    db: &Db,
    workspace_id: &str,
    words: &StrategyWords,
) -> Result<Strategy, StoreError> {
    let mut s = store::library::strategy(db, workspace_id).await?;
    s.take_words(words);
    save(db, workspace_id, &s).await
}

/// Notes that the objectives' figures (the report) were looked at now: the audit's
/// "stagnating" rule reads it. Not an edit: `updated_at` stays.
pub async fn note_report_viewed(
    db: &Db,
    workspace_id: &str,
    strategy: &Strategy,
) -> Result<Strategy, StoreError> {
    let mut s = strategy.clone();
    s.report_viewed_at = Some(now_ms());
    store::library::put_strategy(db, workspace_id, &s).await?;
    Ok(s)
}

/// The networks the brand is on (the first run's choice; new posts go to them).
pub async fn set_networks(
    db: &Db,
    workspace_id: &str,
    networks: Vec<Network>,
) -> Result<(), StoreError> {
    let mut s = store::library::strategy(db, workspace_id).await?;
    s.networks = networks;
    save(db, workspace_id, &s).await.map(|_| ())
}

/// The hours the brand answers in (`None`: every hour counts in the response times).
pub async fn set_working_hours(
    db: &Db,
    workspace_id: &str,
    hours: Option<WorkingHours>,
) -> Result<Strategy, StoreError> {
    let mut s = store::library::strategy(db, workspace_id).await?;
    s.working_hours = hours;
    save(db, workspace_id, &s).await
}

/// Adds one objective to the workspace's strategy.
pub async fn add_objective(
    db: &Db,
    workspace_id: &str,
    objective: Objective,
) -> Result<(), StoreError> {
    let mut s = store::library::strategy(db, workspace_id).await?;
    s.objectives.push(objective);
    save(db, workspace_id, &s).await.map(|_| ())
}

/// Saves the daily routine as edited (with the time of the change).
pub async fn save_routine(db: &Db, routine: &Routine) -> Result<Routine, StoreError> {
    let mut r = routine.clone();
    r.updated_at = now_ms();
    store::library::put_routine(db, &r).await?;
    Ok(r)
}
