//! The publish gate: every reason the post cannot go out yet, in plain words.

use leptos::prelude::*;

use crate::domain::post::Blocker;
use crate::ui::i18n::Msg;
use crate::ui::text::{use_text, Text};

/// One reason, in plain words (the Inbox's reply box says them too).
pub(crate) fn blocker_line(t: Text, b: &Blocker) -> String {
    match b {
        Blocker::NoNetwork => t.get(Msg::GateNoNetwork).to_string(),
        Blocker::Empty(n) => t.fill(Msg::GateEmpty, &[("network", &n.name())]),
        Blocker::TooLong(n) => t.fill(Msg::GateTooLong, &[("network", &n.name())]),
        Blocker::OtherLimit(n) => t.fill(Msg::GateOther, &[("network", &n.name())]),
        Blocker::MissingAltText(n, _) => t.fill(Msg::GateAlt, &[("network", &n.name())]),
        Blocker::TooManyImages(n) => t.fill(Msg::GateTooManyImages, &[("network", &n.name())]),
        Blocker::NeedsMedia(n) => t.fill(Msg::GateNeedsMedia, &[("network", &n.name())]),
        Blocker::ImageTooLarge(n, _) => t.fill(Msg::GateImageTooLarge, &[("network", &n.name())]),
    }
}

#[component]
pub fn Gate(blockers: Memo<Vec<Blocker>>) -> impl IntoView {
    let t = use_text();
    let line = move |b: &Blocker| blocker_line(t, b);
    view! {
        <Show when=move || blockers.with(|b| !b.is_empty())>
            <div class="gate" role="status" aria-labelledby="gate-heading">
                <h2 id="gate-heading">{t.tr(Msg::GateHeading)}</h2>
                <ul>
                    {move || {
                        let mut lines: Vec<String> = blockers.get().iter().map(line).collect();
                        lines.dedup();
                        lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
