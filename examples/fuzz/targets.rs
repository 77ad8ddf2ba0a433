//! What each target feeds and calls. A target also slices its input at the ranges the code
//! gives back, as the screens do: a range off a character boundary panics here as it would
//! there.

use attache::domain::{backup, counting, facets, intent, listening, preview, rich_text, search};
use attache::domain::{network::Network, sentiment, tid};
use attache::platforms::bluesky::{entities as bsky, faults as bsky_faults, record};
use attache::platforms::mastodon::{entities as masto, faults as masto_faults, oauth};

use crate::gen::{self, Rng};
use crate::seeds;

pub struct Target {
    pub name: &'static str,
    pub make: fn(&mut Rng) -> String,
    /// Calls the code; true when the input got past the parser into the code behind it.
    pub run: fn(&str) -> bool,
}

fn any_text(rng: &mut Rng) -> String {
    if rng.chance(2) {
        gen::text(rng, 40)
    } else {
        let seed = *rng.pick(seeds::TEXTS);
        gen::mutated(rng, seed)
    }
}

fn html(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => gen::text(rng, 60),
        1 => {
            let seed = rng.pick(attache_hostile()).clone();
            gen::mutated(rng, &seed)
        }
        _ => {
            let content = seeds::mastodon_status()["content"].as_str().unwrap_or("");
            gen::mutated(rng, content)
        }
    }
}

/// The sanitiser's hostile corpus (`tests/hostile_corpus`), read once.
fn attache_hostile() -> &'static Vec<String> {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let mut all: Vec<String> = include_str!("../../tests/fixtures/hostile_html.txt")
            .lines()
            .map(str::to_string)
            .collect();
        all.extend(seeds::TEXTS.iter().map(|s| s.to_string()));
        all
    })
}

fn within(text: &str, start: usize, end: usize) {
    let _ = &text[start..end];
}

fn masto_status(s: &masto::Status) {
    let _ = s.link();
    let _ = s.account.profile();
    let p = rich_text::parse_status_html(&s.content);
    let _ = rich_text::plain_text(&p);
}

fn bsky_post(p: &bsky::PostView) {
    let (text, links) = record::text_and_links(&p.record);
    for (start, end, _) in links {
        within(&text, start, end);
    }
    let _ = record::parent_of(&p.record);
    let _ = p.author.profile();
    let _ = p.author.name();
    let _ = bsky::rkey_of(&p.uri);
    let _ = bsky::web_url(&p.author.handle, &p.uri);
}

pub fn all() -> Vec<Target> {
    vec![
        Target {
            name: "import file",
            make: |r| gen::json(r, seeds::backup()),
            run: |s| backup::parse_backup(s).is_ok(),
        },
        Target {
            name: "status HTML sanitiser",
            make: html,
            run: |s| {
                let p = rich_text::parse_status_html(s);
                let _ = rich_text::plain_text(&p);
                let _ = rich_text::to_safe_html(&p);
                let _ = rich_text::checked_href(s);
                true
            },
        },
        Target {
            name: "facet detector",
            make: any_text,
            run: |s| {
                for f in facets::detect(s) {
                    within(s, f.start, f.end);
                }
                true
            },
        },
        Target {
            name: "counters",
            make: any_text,
            run: |s| {
                for n in Network::ALL {
                    let _ = counting::count(n, s, s, counting::MastodonRules::default());
                }
                for schemeless in [true, false] {
                    for (start, end) in counting::urls::find_links(s, schemeless) {
                        within(s, start, end);
                    }
                }
                let _ = counting::hashtags(s);
                true
            },
        },
        Target {
            name: "preview",
            make: any_text,
            run: |s| {
                for n in Network::ALL {
                    if let Some(at) = preview::fold(n).and_then(|f| preview::fold_at(s, f)) {
                        within(s, 0, at);
                    }
                    // Where the counter says the text overflows, as the composer passes it
                    // (a Mastodon server of 10 characters, so it often does).
                    let rules = counting::MastodonRules {
                        max_characters: 10,
                        ..counting::MastodonRules::default()
                    };
                    let over = counting::count(n, s, "", rules).overflow_at;
                    if let Some(at) = over {
                        within(s, 0, at);
                    }
                    let _ = preview::pieces(n, s, over);
                    let _ = preview::first_link(n, s);
                }
                let _ = preview::short_link(s);
                let _ = preview::link_host(s);
                true
            },
        },
        Target {
            name: "share intents",
            make: any_text,
            run: |s| {
                for n in [
                    Network::X,
                    Network::LinkedIn,
                    Network::Facebook,
                    Network::Threads,
                ] {
                    let _ = intent::plan(n, s);
                }
                let _ = intent::encode_component(s);
                true
            },
        },
        Target {
            name: "listening query",
            make: any_text,
            run: |s| {
                let (query, text) = s.split_at(
                    s.char_indices()
                        .nth(s.chars().count() / 2)
                        .map_or(0, |(i, _)| i),
                );
                let q = listening::parse(query);
                let _ = q.mastodon();
                let _ = q.bluesky();
                let _ = listening::keeps(&q, "fr", text, &["café".into()], "fr-FR");
                for (start, end) in listening::highlights(&q, text) {
                    within(text, start, end);
                }
                true
            },
        },
        Target {
            name: "sentiment hint",
            make: any_text,
            run: |s| {
                let _ = sentiment::hint(s, "");
                let _ = sentiment::hint(s, "fr");
                let _ = sentiment::labelled_line(s);
                true
            },
        },
        Target {
            name: "search words",
            make: any_text,
            run: |s| {
                let _ = search::words(s);
                let _ = search::fold(s);
                let _ = tid::decode(s);
                true
            },
        },
        Target {
            name: "mastodon status",
            make: |r| gen::json(r, seeds::mastodon_status()),
            run: |s| {
                let _ = masto::Posted::parse(s);
                serde_json::from_str::<masto::Status>(s)
                    .map(|st| masto_status(&st))
                    .is_ok()
            },
        },
        Target {
            name: "mastodon statuses",
            make: |r| gen::json(r, seeds::mastodon_statuses()),
            run: |s| {
                let all = serde_json::from_str::<Vec<masto::Status>>(s);
                let ok = all.is_ok();
                for st in all.unwrap_or_default() {
                    masto_status(&st);
                }
                ok
            },
        },
        Target {
            name: "mastodon notifications",
            make: |r| gen::json(r, seeds::mastodon_notifications()),
            run: |s| {
                let all = serde_json::from_str::<Vec<masto::Notification>>(s);
                let ok = all.is_ok();
                for n in all.unwrap_or_default() {
                    let _ = n.account.profile();
                    if let Some(st) = &n.status {
                        masto_status(st);
                    }
                }
                ok
            },
        },
        Target {
            name: "mastodon grouped",
            make: |r| gen::json(r, seeds::mastodon_grouped()),
            run: |s| {
                serde_json::from_str::<masto::GroupedNotifications>(s)
                    .map(|g| g.into_notifications())
                    .is_ok()
            },
        },
        Target {
            name: "mastodon context",
            make: |r| gen::json(r, seeds::mastodon_context()),
            run: |s| {
                serde_json::from_str::<masto::Context>(s)
                    .map(|c| {
                        c.ancestors
                            .iter()
                            .chain(&c.descendants)
                            .for_each(masto_status)
                    })
                    .is_ok()
            },
        },
        Target {
            name: "mastodon instance",
            make: |r| gen::json(r, seeds::mastodon_instance()),
            run: |s| {
                serde_json::from_str::<masto::InstanceV2>(s)
                    .map(|i| i.configuration.hashtag_access())
                    .is_ok()
            },
        },
        Target {
            name: "mastodon errors and links",
            make: |r| gen::json(r, seeds::mastodon_error()),
            run: |s| {
                let headers = vec![
                    (
                        "X-RateLimit-Reset".to_string(),
                        s.chars().take(30).collect(),
                    ),
                    ("Retry-After".to_string(), s.chars().rev().take(8).collect()),
                ];
                for status in [400, 401, 403, 404, 410, 422, 429, 500, 503] {
                    let _ = masto_faults::classify(status, &headers, s, 1.0e12);
                }
                let _ = masto_faults::server_words(s, 422);
                let _ = attache::platforms::mastodon::api::link_header(s, "next");
                let params: Vec<(String, String)> = s
                    .split('&')
                    .map(|p| match p.split_once('=') {
                        Some((k, v)) => (k.to_string(), v.to_string()),
                        None => (p.to_string(), String::new()),
                    })
                    .collect();
                let _ = oauth::read_callback(&params, "state");
                serde_json::from_str::<serde_json::Value>(s).is_ok()
            },
        },
        Target {
            name: "bluesky thread",
            make: |r| gen::json(r, seeds::bluesky_thread()),
            run: |s| {
                serde_json::from_str::<serde_json::Value>(s)
                    .map(|v| bsky::thread_posts(&v).iter().for_each(bsky_post))
                    .is_ok()
            },
        },
        Target {
            name: "bluesky search",
            make: |r| gen::json(r, seeds::bluesky_search()),
            run: |s| {
                serde_json::from_str::<bsky::SearchResult>(s)
                    .map(|found| found.posts.iter().for_each(bsky_post))
                    .is_ok()
            },
        },
        Target {
            name: "bluesky notifications",
            make: |r| gen::json(r, seeds::bluesky_notifications()),
            run: |s| {
                let Ok(page) = serde_json::from_str::<bsky::Notifications>(s) else {
                    return false;
                };
                for n in &page.notifications {
                    let _ = n.is_conversation();
                    let (text, links) = record::text_and_links(&n.record);
                    for (start, end, _) in links {
                        within(&text, start, end);
                    }
                    let _ = n.author.profile();
                }
                true
            },
        },
        Target {
            name: "bluesky errors",
            make: |r| gen::json(r, seeds::bluesky_error()),
            run: |s| {
                let headers = vec![("ratelimit-reset".to_string(), s.chars().take(20).collect())];
                for status in [400, 401, 413, 429, 500, 502] {
                    let _ = bsky_faults::classify(status, &headers, s);
                    let _ = bsky_faults::is_unknown_handle(status, s);
                }
                serde_json::from_str::<serde_json::Value>(s).is_ok()
            },
        },
    ]
}
