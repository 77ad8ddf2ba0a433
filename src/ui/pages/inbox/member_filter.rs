//! The Inbox's filter by member level: the members' levels (`services::members`) are read
//! the first time a level is asked for, then kept for the visit.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::member_level::Level;
use crate::services::conversations::Filter;
use crate::ui::state::use_app;

/// The members' levels (by member key), read the first time the filter asks for a level.
pub(super) fn levels(
    db: crate::store::Db,
    workspace: Option<String>,
    filter: RwSignal<Filter>,
) -> RwSignal<Option<HashMap<String, Level>>> {
    let levels = RwSignal::new(None);
    let started = StoredValue::new(false);
    let db = StoredValue::new_local(db);
    Effect::new(move |_| {
        let wanted = filter.with(|f| f.level.is_some());
        let Some(ws) = workspace.clone() else { return };
        if !wanted || started.get_value() {
            return;
        }
        started.set_value(true);
        let (db, state) = (db.get_value(), use_app());
        leptos::task::spawn_local(async move {
            let now = crate::services::clock::now_ms();
            match crate::services::members::load(&db, &ws, now).await {
                Ok(people) => {
                    levels.try_set(Some(
                        people
                            .members
                            .iter()
                            // Every identity of a merged member has their level.
                            .flat_map(|m| {
                                let level = m.level;
                                m.identities.iter().map(move |i| (i.key.clone(), level))
                            })
                            .collect(),
                    ));
                }
                Err(e) => state.save_failed(&e),
            }
        });
    });
    levels
}
