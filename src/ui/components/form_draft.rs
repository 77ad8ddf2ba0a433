//! A form that keeps what is typed in it: its fields are saved as the user types (through
//! [`Autosave`], so at most `DELAY_MS` after a change, and at once when the screen is left or
//! the page hidden) and put back when the form is shown again, in the same workspace. A form
//! emptied (sent, or cleared) keeps nothing. Never for secrets: a password field is not kept.

use leptos::prelude::*;

use crate::services::form_drafts;
use crate::ui::components::autosave::Autosave;
use crate::ui::state::{use_app, use_db};

/// Keeps the `fields` of the form named `form` (unique per screen) in the current workspace.
pub fn keep_typed(form: &'static str, fields: Vec<RwSignal<String>>) {
    let state = use_app();
    let db = use_db().get();
    let Some(ws) = state.current() else {
        return;
    };
    let autosave = Autosave::new();
    // Nothing is saved before what was kept is put back (it would be overwritten).
    let restored = RwSignal::new(false);
    // The values as kept, so an unchanged form writes nothing.
    let last = StoredValue::new(Vec::<String>::new());
    {
        let (db, ws, fields) = (db.clone(), ws.id.clone(), fields.clone());
        leptos::task::spawn_local(async move {
            if let Ok(Some(values)) = form_drafts::load(&db, &ws, form).await {
                last.try_set_value(values.clone());
                for (field, value) in fields.iter().zip(values) {
                    // What the user typed meanwhile wins.
                    if field.try_with_untracked(String::is_empty) == Some(true) {
                        field.try_set(value);
                    }
                }
            }
            restored.try_set(true);
        });
    }
    Effect::new(move |_| {
        let values: Vec<String> = fields.iter().map(|f| f.get()).collect();
        if !restored.get() || last.with_value(|l| blank_or_equal(l, &values)) {
            return;
        }
        last.set_value(values.clone());
        let (db, ws) = (db.clone(), ws.id.clone());
        autosave.change(move || {
            leptos::task::spawn_local(async move {
                if let Err(e) = form_drafts::keep(&db, &ws, form, &values).await {
                    state.save_failed(&e);
                }
            });
        });
    });
}

/// Whether `now` is what was kept (or both are empty: nothing to keep nor to forget).
fn blank_or_equal(kept: &[String], now: &[String]) -> bool {
    let blank = |v: &[String]| v.iter().all(|s| s.trim().is_empty());
    kept == now || (blank(kept) && blank(now))
}
