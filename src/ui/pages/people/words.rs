//! The words of a member's level: its name, why they are there, what moves them up and until
//! when they keep it — from the domain's codes (`domain/member_level.rs`).

use crate::domain::member::Member;
use crate::domain::member_level::{earned_until, next_step, ActivityKind, Basis, Level, Weights};
use crate::ui::format::long_date;
use crate::ui::i18n::Msg;
use crate::ui::text::Text;

pub fn level_name(t: Text, l: Level) -> String {
    let name = t.get(match l {
        Level::Leading => Msg::LevelLeading,
        Level::Contributing => Msg::LevelContributing,
        Level::Participating => Msg::LevelParticipating,
        Level::Exploring => Msg::LevelExploring,
    });
    format!("{} · {name}", l.number())
}

/// One activity of a kind, as a noun ("a reply to our post").
pub fn one(t: Text, k: ActivityKind) -> String {
    t.get(match k {
        ActivityKind::Follow => Msg::ActFollow,
        ActivityKind::Favourite => Msg::ActFavourite,
        ActivityKind::Boost => Msg::ActBoost,
        ActivityKind::Mention => Msg::ActMention,
        ActivityKind::Reply => Msg::ActReply,
        ActivityKind::Quote => Msg::ActQuote,
        ActivityKind::ConversationStarted => Msg::ActConversation,
        ActivityKind::ContentAboutBrand => Msg::ActContent,
        ActivityKind::EventHosted => Msg::ActEvent,
    })
    .to_string()
}

/// Why `m` is at their level.
pub fn why(t: Text, m: &Member, weights: &Weights) -> String {
    let lang = t.lang();
    match m.basis {
        Basis::Weight { kind, at } => t.fill(
            Msg::WhyWeight,
            &[
                ("what", &one(t, kind)),
                ("date", &long_date(lang, at)),
                ("weight", &weights.of(kind).to_string()),
                ("need", &m.level.weight().to_string()),
            ],
        ),
        Basis::Presence {
            days,
            window,
            first,
            at,
        } => t.fill(
            Msg::WhyPresence,
            &[
                ("days", &days.to_string()),
                ("window", &window.to_string()),
                ("from", &long_date(lang, first)),
                ("to", &long_date(lang, at)),
            ],
        ),
        Basis::Any => t.get(Msg::WhyAny).to_string(),
        Basis::Nothing => t.get(Msg::WhyNothing).to_string(),
    }
}

/// Until when they keep their level without doing more (then the monthly review).
pub fn keeps(t: Text, m: &Member) -> Option<String> {
    let until = earned_until(m.basis)?;
    (m.level > Level::Exploring)
        .then(|| t.fill(Msg::KeepsUntil, &[("date", &long_date(t.lang(), until))]))
}

/// What would move them up.
pub fn next(t: Text, m: &Member, weights: &Weights, now: f64) -> Option<String> {
    use crate::services::queue::BrowserZone;
    let acts = m.activities(&BrowserZone);
    let today = crate::domain::member::day_number(&BrowserZone, now);
    let step = next_step(&acts, weights, m.level, today)?;
    let kinds: Vec<String> = step.kinds.iter().map(|k| one(t, *k)).collect();
    let mut said = t.fill(
        Msg::NextByWeight,
        &[
            ("level", &level_name(t, step.level)),
            ("weight", &step.weight.to_string()),
            ("kinds", &kinds.join(", ")),
        ],
    );
    if let Some((days, window)) = step.presence {
        said.push(' ');
        said.push_str(&t.fill(
            Msg::NextByPresence,
            &[
                ("days", &days.to_string()),
                ("window", &window.to_string()),
                ("have", &step.have.to_string()),
            ],
        ));
    }
    Some(said)
}
