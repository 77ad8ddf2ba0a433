//! Answering in place: the replies already written in a conversation (each with how far it
//! got), and the reply box under the thread — started with the people to name on Mastodon,
//! counted exactly for its network, checked against the glossary (`reply_tone.rs`), and
//! queued in the outbox, which sends it once, now or as soon as the device is online. Once it
//! is out the conversation waits on them.

use leptos::prelude::*;

use crate::domain::counting::{count, MastodonRules};
use crate::domain::post::{Post, PostState};
use crate::domain::saved_reply::{code_being_typed, fill_known, matching, FillError, SavedReply};
use crate::services::conversations::{self, ReplyError};
use crate::store;
use crate::ui::i18n::Msg;
use crate::ui::pages::compose::gate::blocker_line;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::use_inbox;

/// Our replies in the conversation `conv_key`, oldest first, with their state; the remote
/// ids of those published go to `published` (the thread leaves them out: one line each).
#[component]
pub fn OurReplies(conv_key: String, published: RwSignal<Vec<String>>) -> impl IntoView {
    let (state, db, t, inbox) = (use_app(), use_db(), use_text(), use_inbox());
    let key = StoredValue::new(conv_key);
    let ids = Memo::new(move |_| {
        inbox.all.with(|all| {
            key.with_value(|k| {
                all.iter()
                    .find(|c| &c.key == k)
                    .map(|c| c.triage.our_replies.clone())
                    .unwrap_or_default()
            })
        })
    });
    let posts = LocalResource::new(move || {
        let ids = ids.get();
        state.outbox_version.track();
        let db = db.get();
        async move {
            let mut out: Vec<Post> = vec![];
            for id in ids {
                if let Ok(Some(p)) = store::posts::get(&db, &id).await {
                    out.push(p);
                }
            }
            out
        }
    });
    Effect::new(move |_| {
        let ids: Vec<String> = posts
            .get()
            .unwrap_or_default()
            .iter()
            .flat_map(|p| p.variants.iter())
            .filter_map(|v| v.remote.as_ref())
            .flat_map(|r| r.ids.iter().cloned())
            .collect();
        if published.with_untracked(|p| *p != ids) {
            published.set(ids);
        }
    });
    let line = move |p: &Post| {
        let url = p
            .variants
            .iter()
            .find_map(|v| v.published.as_ref().map(|x| x.url.clone()));
        let said = match p.state {
            PostState::Published => t.get(Msg::ReplySent),
            PostState::Failed => t.get(Msg::ReplyStopped),
            _ => t.get(Msg::ReplyWaiting),
        };
        view! {
            <li class="ours">
                <div class="inbox-item">
                    <p class="inbox-meta"><strong>{t.get(Msg::ReplyYou)}</strong>" · "
                        {match url {
                            Some(u) => view! { <a href=u rel="noopener noreferrer" target="_blank">{said}</a> }.into_any(),
                            None => view! { <span>{said}</span> }.into_any(),
                        }}
                    </p>
                    <p class="inbox-text">{p.base_text.clone()}</p>
                </div>
            </li>
        }
    };
    view! {
        {move || posts.get().map(|list| list.iter().map(line).collect_view())}
    }
}

/// The box to answer the conversation `conv_key` with.
#[component]
pub fn ReplyBox(conv_key: String) -> impl IntoView {
    let (state, db, t, inbox) = (use_app(), use_db(), use_text(), use_inbox());
    let Some(conv) = inbox.get(&conv_key) else {
        return ().into_any();
    };
    let network = conv.last().network;
    let name = conv.last().author_name.clone();
    let conv = StoredValue::new(conv);
    // The text lives in the Inbox's kept replies: drawn again, the box finds it there.
    let conv_id = StoredValue::new(conv_key.clone());
    let text = Signal::derive(move || {
        conv_id.with_value(|k| {
            inbox
                .replies
                .with(|m| m.get(k).cloned().unwrap_or_default())
        })
    });
    // Also called when a send ends, maybe after the row was drawn again (this box gone).
    let set_text = move |v: String| {
        if let Some(k) = conv_id.try_get_value() {
            inbox.replies.try_update(|m| {
                m.insert(k, v);
            });
        }
    };
    let start = RwSignal::new(None::<String>);
    // Started with the names once the kept replies are read and none is kept for it.
    Effect::new(move |_| {
        let Some(words) = start.get() else { return };
        if inbox.replies_loaded.get()
            && conv_id.with_value(|k| inbox.replies.with_untracked(|m| !m.contains_key(k)))
        {
            set_text(words);
        }
    });
    let rules = RwSignal::new(MastodonRules::default());
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(Vec::<SavedReply>::new());
    let area = NodeRef::<leptos::html::Textarea>::new();
    // The account that answers: its limits, and the names a Mastodon reply starts with.
    {
        let db = db.get();
        let ws = conv.with_value(|c| c.triage.workspace_id.clone());
        leptos::task::spawn_local(async move {
            // The workspace's saved replies, for the `/code` picker.
            let replies: Vec<SavedReply> = store::library::for_workspace(&db, &ws)
                .await
                .unwrap_or_default()
                .iter()
                .filter_map(|i| i.saved_reply())
                .collect();
            saved.try_set(replies);
            let accounts = store::accounts::for_workspace(&db, &ws)
                .await
                .unwrap_or_default();
            if let Some(a) = accounts.into_iter().find(|a| a.network == network) {
                if let Some(r) = a.rules {
                    rules.try_set(r);
                }
                // The row may have been drawn again meanwhile (this box gone).
                let words = conv.try_with_value(|c| conversations::reply_start(c, &a.handle));
                if let Some(words) = words {
                    start.try_set(Some(words));
                }
            }
        });
    }
    let counted = Memo::new(move |_| text.with(|s| count(network, s, "", rules.get())));
    let send = Action::new_local(move |body: &String| {
        let (db, body, c) = (db.get(), body.clone(), conv.get_value());
        let lang = t.lang().tag();
        let name = c.last().author_name.clone();
        async move {
            match conversations::reply(&db, &c, &body, lang).await {
                Ok(done) => {
                    set_text(String::new());
                    problem.try_set(None);
                    inbox.saved(done.triage);
                    state.say_in(move |t| {
                        t.fill(
                            Msg::ReplyQueued,
                            &[("name", &name), ("network", &network.name())],
                        )
                    });
                }
                Err(ReplyError::Blocked(b)) => {
                    let lines: Vec<String> = b.iter().map(|b| blocker_line(t, b)).collect();
                    problem.try_set(Some(lines.join(" ")));
                }
                Err(ReplyError::Store(e)) => state.save_failed(&e),
                Err(ReplyError::NotQueued) => {
                    problem.try_set(Some(t.get(Msg::ReplyNotQueued).to_string()));
                }
                Err(ReplyError::Variables(e)) => {
                    let (msg, names) = match e {
                        FillError::Unknown(n) => (Msg::ReplyUnknownVariables, n),
                        FillError::Unfilled(n) => (Msg::ReplyUnfilledVariables, n),
                    };
                    let names: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
                    problem.try_set(Some(t.fill(msg, &[("variables", &names.join(", "))])));
                }
            }
        }
    });
    let pending = send.pending();
    // The saved replies whose code starts with the `/code` being typed.
    let lang = t.lang().tag();
    let offered = Memo::new(move |_: Option<&Vec<SavedReply>>| {
        text.with(|s| {
            code_being_typed(s)
                .map(|code| {
                    saved.with(|all| matching(all, code, lang).into_iter().cloned().collect())
                })
                .unwrap_or_default()
        })
    });
    let brand = StoredValue::new(state.current().map(|w| w.name).unwrap_or_default());
    let insert = move |r: SavedReply| {
        let values = conv.with_value(|c| brand.with_value(|b| conversations::values(c, b)));
        let filled = fill_known(&r.text, &values);
        let mut s = text.get_untracked();
        if let Some(at) = s.rfind('/') {
            s.truncate(at);
        }
        s.push_str(&filled);
        set_text(s);
        if let Some(a) = area.get() {
            let _ = a.focus();
        }
    };
    let id = format!("reply-{}", conv.with_value(|c| c.triage.id.clone()));
    let label = t.fill(
        Msg::ReplyLabel,
        &[("name", &name), ("network", &network.name())],
    );
    view! {
        <form class="reply-box" on:submit=move |ev| {
            ev.prevent_default();
            send.dispatch(text.get_untracked());
        }>
            <label for=id.clone()>{label}</label>
            <textarea id=id rows="3" node_ref=area prop:value=move || text.get()
                on:input=move |ev| set_text(event_target_value(&ev))></textarea>
            <Show when=move || offered.with(|o| !o.is_empty())>
                <ul class="saved-replies" aria-label=t.tr(Msg::SavedRepliesLabel)>
                    {move || offered.get().into_iter().map(|r| {
                        let shown = format!("/{} · {}", r.code, r.text.chars().take(60).collect::<String>());
                        view! { <li><button type="button" class="secondary" on:click=move |_| insert(r.clone())>{shown}</button></li> }
                    }).collect_view()}
                </ul>
            </Show>
            <super::reply_tone::ReplyTone text=text set=Callback::new(set_text)/>
            <p class="counter" class:over=move || counted.with(|c| c.used > c.limit)>
                {move || counted.with(|c| {
                    let name = network.name();
                    if c.used > c.limit {
                        t.plural(Msg::CharsOver, c.used - c.limit, &[("network", &name)])
                    } else {
                        t.plural(Msg::CharsLeft, c.limit - c.used, &[("network", &name)])
                    }
                })}
            </p>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            <button type="submit" disabled=move || pending.get()>{t.tr(Msg::ReplySend)}</button>
        </form>
    }
    .into_any()
}
