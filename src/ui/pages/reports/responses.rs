//! The report's response times: the Inbox's figures (first response, reply, resolution;
//! first response by network) for the conversations answered or closed in the period, in
//! the working hours kept in the Strategy, read when the report is.

use leptos::prelude::*;

use crate::domain::report::Period;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// The Inbox's response times for what was answered or closed in the period (first
/// response, reply, resolution; then by network), read when the report is: the
/// conversations and the working hours kept in the Strategy.
#[component]
pub fn ResponsesSection(period: Period) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = state.current().map(|w| w.id).unwrap_or_default();
    let data = LocalResource::new(move || {
        let (db, ws) = (db.get(), ws.clone());
        async move {
            let now = crate::services::clock::now_ms();
            let hours = crate::services::strategy::load(&db, &ws)
                .await
                .ok()
                .and_then(|s| s.working_hours);
            let list = crate::services::conversations::load(&db, &ws, now).await?;
            let zone =
                crate::domain::zone_cache::CachedZone::new(crate::services::queue::BrowserZone);
            let (start, end) = period.bounds(&zone);
            Ok::<_, crate::store::StoreError>(crate::services::conversations::report(
                &list,
                hours.as_ref(),
                start,
                end,
            ))
        }
    });
    let body = move || match data.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{crate::ui::errors::read_failed(t, &e)}</p> }.into_any()
        }
        Some(Ok(r)) => {
            use crate::ui::pages::inbox::times::{table, totals_table};
            let totals = totals_table(t, &r);
            let by_network = (!r.networks.is_empty()).then(|| {
                table(
                    t,
                    Msg::ReportResponsesByNetwork,
                    r.networks
                        .iter()
                        .map(|(n, row)| (n.name().to_string(), row.first_response.clone()))
                        .collect(),
                )
            });
            view! { {totals} {by_network} }.into_any()
        }
    };
    view! {
        <section aria-labelledby="report-responses">
            <h2 id="report-responses">{t.tr(Msg::ReportResponsesHeading)}</h2>
            <p>{t.tr(Msg::ReportResponsesIntro)}</p>
            <Transition>{body}</Transition>
        </section>
    }
}
