//! The composer: one text, the networks it goes to, a live counter and preview per network,
//! threads, snippets and campaigns from the library, images with alt text, the publish gate,
//! save / schedule / add to queue / repeat, and review. Below it, the workspace's posts.

mod api_publish;
mod counters;
mod edited_elsewhere;
pub(crate) mod gate;
mod library_picks;
mod link_card;
mod media_editor;
mod post_list;
mod preview;
mod publish_by_hand;
mod publish_everywhere;
mod queue_actions;
mod quote;
mod review;
mod thread_editor;
mod tone_check;

pub use post_list::state_label;

use crate::domain::sorting;
use std::collections::HashMap;

use leptos::prelude::*;

use crate::ui::components::no_workspace::NoWorkspace;
use leptos_router::hooks::use_query_map;

use crate::domain::account::Account;
use crate::domain::counting::MastodonRules;
use crate::domain::network::Network;
use crate::domain::post::{Post, Variant};
use crate::services::posts::{self, PostChangeError};
use crate::services::{avatars, bluesky, mastodon};
use crate::store::{self, StoreError};
use crate::ui::components::autosave::Autosave;
use crate::ui::components::library_data::Library;
use crate::ui::format::{long_date_time, time_of_day};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
use crate::ui::text::{use_text, Text};

/// The post being edited, shared by the composer's parts.
#[derive(Clone, Copy)]
pub struct Draft {
    pub post: RwSignal<Post>,
    /// Bumped after each save so the list below reloads.
    pub saved: RwSignal<u32>,
    /// The connected Mastodon instance's limits (the defaults until one is connected).
    pub rules: RwSignal<MastodonRules>,
    /// The workspace's Mastodon account, when one is connected.
    pub mastodon: RwSignal<Option<Account>>,
    /// The workspace's Bluesky account, when one is connected.
    pub bluesky: RwSignal<Option<Account>>,
    /// When the post being edited was last saved as typed (`None`: not since it was opened).
    pub autosaved: RwSignal<Option<f64>>,
    /// Object URLs of the post's images, by media id, for the thumbnails and the previews
    /// (kept for the page's life).
    pub thumbs: RwSignal<HashMap<String, String>>,
    /// Object URLs of the connected accounts' pictures, by network, for the previews.
    pub avatars: RwSignal<HashMap<Network, String>>,
    /// The post as the store holds it, as the autosave compares it (`Post::as_edited`).
    kept: StoredValue<Option<Post>>,
    /// The id of the post being edited once the store has it (the list below shows it).
    stored: StoredValue<Option<String>>,
    /// Another tab saved the post since it was opened here: saves wait for the user's word
    /// (`edited_elsewhere::EditedElsewhere`).
    pub elsewhere: RwSignal<bool>,
}

impl Draft {
    /// Edits `post`, as saved: nothing to save until the user changes it.
    fn open(self, post: Post) {
        self.kept.set_value(Some(post.as_edited()));
        self.stored.set_value(Some(post.id.clone()));
        self.autosaved.set(None);
        self.elsewhere.set(false);
        self.post.set(post);
    }

    /// `post` is what the store now holds: the autosave has nothing to save until it changes.
    fn kept_as_saved(self, post: &Post) {
        self.kept.try_set_value(Some(post.as_edited()));
    }

    /// Whether the post being edited is a new one nobody touched yet.
    fn untouched(self) -> bool {
        self.post
            .with_untracked(|p| p.history.is_empty() && !p.has_content())
            && self.kept.with_value(|k| {
                k.as_ref()
                    .is_none_or(|k| k.id != self.post.with_untracked(|p| p.id.clone()))
            })
    }
}

/// Saves every change to the post being edited as the user types (`Autosave`): a new post
/// once it has content, a saved one at each change, not one going out or gone. The saved post
/// becomes the one the composer reopens.
fn autosave_as_typed(state: AppState, db: OpenDb, draft: Draft) -> Autosave {
    let autosave = Autosave::new();
    let handle = autosave.clone();
    Effect::new(move |_| {
        let post = draft.post.get();
        let edited = post.as_edited();
        let same = draft.kept.with_value(|k| k.as_ref() == Some(&edited));
        // Saved, or a save of it already waits: an emptied text must be saved too.
        let known = draft.stored.with_value(|s| s.as_ref() == Some(&post.id))
            || draft
                .kept
                .with_value(|k| k.as_ref().is_some_and(|k| k.id == post.id));
        if same || !post.takes_edits() || (!known && !post.has_content()) {
            return;
        }
        draft.kept.set_value(Some(edited));
        autosave.change(move || {
            let db = db.get();
            leptos::task::spawn_local(async move {
                match posts::autosave(&db, &post).await {
                    Ok(saved) => {
                        let current = draft.post.try_with_untracked(|p| p.id == saved.id);
                        if current == Some(true) {
                            draft.autosaved.try_set(Some(saved.updated_at));
                        }
                        // The first save of a post (however many changes it carries): the
                        // list below now shows it.
                        let first = draft
                            .stored
                            .try_with_value(|s| s.as_ref() != Some(&saved.id))
                            .unwrap_or(false);
                        if first && current == Some(true) {
                            draft.stored.try_set_value(Some(saved.id.clone()));
                        }
                        if first {
                            draft.saved.try_update(|n| *n += 1);
                        }
                    }
                    Err(e) => {
                        // The next change tries again with everything typed.
                        draft.kept.try_set_value(None);
                        saving_failed(state, draft, &e);
                    }
                }
            });
        });
    });
    handle
}

/// Shows the account's picture, as kept on the device, in the previews.
async fn show_avatar(db: &store::Db, draft: Draft, account: &Account) {
    if let Some(picture) = avatars::get(db, &account.id).await {
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&picture) {
            draft.avatars.try_update(|a| a.insert(account.network, url));
        }
    }
}

/// Takes the post a service saved as the one being edited, keeping any text typed since
/// the change was asked (a click's save must not undo a keystroke).
pub(super) fn adopt_saved(draft: Draft, saved: Post) {
    draft.post.update(|p| {
        if p.id != saved.id {
            return; // the user moved on to another post
        }
        let base = std::mem::take(&mut p.base_text);
        let texts: Vec<_> = p
            .variants
            .iter()
            .map(|v| (v.network, v.text.clone()))
            .collect();
        *p = saved;
        p.base_text = base;
        for v in p.variants.iter_mut() {
            if let Some((_, text)) = texts.iter().find(|(n, _)| *n == v.network) {
                v.text = text.clone();
            }
        }
    });
}

/// Reports a post change that was not made. A move the life cycle refuses says nothing:
/// the screen offers only the moves the post's state allows, so it comes from a stale copy.
pub(super) fn change_failed(state: AppState, e: PostChangeError) {
    match e {
        PostChangeError::NotAllowed => {}
        PostChangeError::InThePast => state.warn_in(|t| t.get(Msg::DueInPast).to_string()),
        PostChangeError::Store(e) => state.save_failed(&e),
    }
}

pub(super) fn save(state: AppState, db: OpenDb, t: Text, draft: Draft, then: Option<Msg>) {
    let db = db.get();
    let post = draft.post.get_untracked();
    leptos::task::spawn_local(async move {
        match posts::autosave(&db, &post).await {
            Ok(saved) => {
                let id = saved.id.clone();
                let at = saved.updated_at;
                draft.post.update(|p| {
                    if p.id == id {
                        p.updated_at = at;
                    }
                });
                draft.saved.update(|n| *n += 1);
                if let Some(msg) = then {
                    let due = post
                        .due_at
                        .map(|d| long_date_time(t.lang(), d))
                        .unwrap_or_default();
                    state.say_in(move |t| t.fill(msg, &[("when", &due)]));
                }
            }
            Err(e) => saving_failed(state, draft, &e),
        }
    });
}

/// A save of the post being edited was refused: another tab's change is shown as a choice
/// (nothing typed here is lost), anything else as the store's error.
fn saving_failed(state: AppState, draft: Draft, e: &StoreError) {
    if *e == StoreError::EditedElsewhere {
        draft.elsewhere.try_set(true);
    } else {
        state.save_failed(e);
    }
}

#[component]
pub fn ComposePage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let query = use_query_map();
    let workspace = state.current();
    // The networks the brand is on (chosen in the first run), else Mastodon and Bluesky.
    let networks = RwSignal::new(vec![Network::Mastodon, Network::Bluesky]);
    // A new post is in the language the user works in until they say otherwise.
    let fresh = move |ws: &str| posts::fresh(ws, &networks.get_untracked(), t.lang().tag());
    let Some(ws) = workspace else {
        return view! { <h1>{t.tr(Msg::NavCompose)}</h1><NoWorkspace/> }.into_any();
    };
    let draft = Draft {
        post: RwSignal::new(fresh(&ws.id)),
        saved: RwSignal::new(0),
        rules: RwSignal::new(MastodonRules::default()),
        mastodon: RwSignal::new(None),
        bluesky: RwSignal::new(None),
        autosaved: RwSignal::new(None),
        thumbs: RwSignal::new(HashMap::new()),
        avatars: RwSignal::new(HashMap::new()),
        kept: StoredValue::new(None),
        stored: StoredValue::new(None),
        elsewhere: RwSignal::new(false),
    };
    let autosave = autosave_as_typed(state, db, draft);
    // The workspace's Mastodon account, if any, says how long a post may be there.
    {
        let db = db.get();
        let ws_id = ws.id.clone();
        // Read now: the page (and its query) may be gone when the reads below end. `?new=1`
        // (the palette's "Write a post") asks for a new post, whatever was being written.
        let (opening_saved, asked_new) =
            query.with_untracked(|q| (q.get("post").is_some(), q.get("new").is_some()));
        leptos::task::spawn_local(async move {
            // Opened without a post: the one being written before, if it is still a draft.
            let mut reopened = false;
            if !opening_saved && !asked_new {
                if let Ok(Some(p)) = posts::editing(&db, &ws_id).await {
                    if draft.untouched() {
                        draft.open(p);
                        reopened = true;
                    }
                }
            }
            if let Ok(Some(account)) = mastodon::publish::account_for(&db, &ws_id).await {
                if let Some(rules) = account.rules {
                    draft.rules.set(rules);
                }
                show_avatar(&db, draft, &account).await;
                draft.mastodon.set(Some(account));
            }
            if let Ok(Some(account)) = bluesky::session::account_for(&db, &ws_id).await {
                show_avatar(&db, draft, &account).await;
                draft.bluesky.set(Some(account));
            }
            if let Ok(s) = store::library::strategy(&db, &ws_id).await {
                if !s.networks.is_empty() {
                    networks.set(s.networks.clone());
                }
                if !s.networks.is_empty() && !opening_saved && !reopened {
                    // A new, untouched post takes them too.
                    draft.post.update(|p| {
                        if p.base_text.is_empty()
                            && p.history.is_empty()
                            && p.variants.iter().all(|v| v.text.is_none())
                        {
                            let lang = p.variants.iter().find_map(|v| v.language.clone());
                            p.variants = s
                                .networks
                                .iter()
                                .map(|n| Variant {
                                    language: lang.clone(),
                                    ..Variant::new(*n)
                                })
                                .collect();
                        }
                    });
                }
            }
        });
    }
    // `?post=ID` opens a saved post; the route stays mounted when only the query changes.
    let opened = Memo::new(move |_| query.with(|q| q.get("post")));
    Effect::new(move |_| {
        if let Some(id) = opened.get() {
            let db = db.get();
            leptos::task::spawn_local(async move {
                if let Ok(Some(p)) = store::posts::get(&db, &id).await {
                    draft.open(p);
                }
            });
        }
    });
    provide_context(draft);
    // The post list saves what waits before it deletes the post being edited.
    provide_context(autosave.clone());
    let lib = Library::provide();
    let due = RwSignal::new(String::new());
    let blockers = Memo::new(move |_| {
        let rules = draft.rules.get();
        draft.post.with(|p| p.blockers(rules))
    });
    let schedule = move |_| {
        let value = due.get_untracked();
        let at = js_sys::Date::new(&value.clone().into()).get_time();
        if value.is_empty() || at.is_nan() {
            state.warn_in(move |t| t.get(Msg::DueMissing).to_string());
            return;
        }
        match posts::scheduled(&draft.post.get_untracked(), at) {
            Ok(p) => {
                draft.post.set(p);
                api_publish::save_schedule(state, db, t, draft);
            }
            Err(e) => change_failed(state, e),
        }
    };
    let new_post = {
        let ws = ws.id.clone();
        let autosave = autosave.clone();
        move |_| {
            // What was typed in the post left is saved first; then the composer stops
            // reopening it.
            autosave.flush();
            draft.kept.set_value(None);
            draft.autosaved.set(None);
            draft.elsewhere.set(false);
            draft.post.set(fresh(&ws));
            {
                let db = db.get();
                let ws = ws.clone();
                leptos::task::spawn_local(async move {
                    // After the save flushed above (transactions run in order): the list
                    // below shows the post left as it was last typed.
                    match posts::stop_editing(&db, &ws).await {
                        Ok(()) => {
                            draft.saved.try_update(|n| *n += 1);
                        }
                        Err(e) => state.save_failed(&e),
                    }
                });
            }
        }
    };
    view! {
        <h1>{t.tr(Msg::NavCompose)}</h1>
        <p>{t.tr(Msg::ComposeIntro)}</p>
        <div class="compose-layout">
        <div class="composer">
            <edited_elsewhere::EditedElsewhere/>
            <label for="post-text" class="field-label">{t.tr(Msg::PostText)}</label>
            <textarea id="post-text" rows="8"
                prop:value=move || draft.post.with(|p| p.base_text.clone())
                on:input=move |ev| { let v = event_target_value(&ev); draft.post.update(|p| p.base_text = v); }>
            </textarea>
            <tone_check::ToneCheck/>
            <library_picks::SnippetPicker lib=lib/>
            <NetworkChoice/>
            <library_picks::CampaignPicker lib=lib/>
            <Show when=move || draft.post.with(|p| p.variants.iter().any(|v| v.network == Network::Mastodon))>
                <label for="content-warning" class="field-label">{t.tr(Msg::ContentWarning)}</label>
                <input id="content-warning" type="text"
                    prop:value=move || draft.post.with(|p| p.variants.iter().find(|v| v.network == Network::Mastodon).map(|v| v.content_warning.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.post.update(|p| p.variants.iter_mut().filter(|x| x.network == Network::Mastodon).for_each(|x| x.content_warning = v.clone()));
                    }/>
            </Show>
            <LanguageChoice/>
            <thread_editor::ThreadEditor/>
            <media_editor::MediaEditor/>
            <link_card::LinkCardEditor/>
            <quote::QuoteNote/>
        </div>
        // Beside the editor on a wide screen (under it on a narrow one): what each network
        // will show, what blocks publishing, and the publishing actions, always in reach.
        <div class="compose-side">
            <counters::Counters/>
            <gate::Gate blockers=blockers/>
            <div class="actions">
                <button type="button" on:click=move |_| save(state, db, t, draft, Some(Msg::DraftSaved))>{t.tr(Msg::SaveDraft)}</button>
                <label for="due-at">{t.tr(Msg::DueLabel)}</label>
                <input id="due-at" type="datetime-local" bind:value=due/>
                <button type="button" id="schedule" on:click=schedule disabled=move || !blockers.with(|b| b.is_empty())>
                    {t.tr(Msg::Schedule)}
                </button>
                <button type="button" on:click=new_post>{t.tr(Msg::NewPost)}</button>
            </div>
            // Before scheduling: which networks depend on Attaché being open at that time.
            {move || {
                let (while_open, by_hand) = draft.post.with(|p| p.scheduled_sending());
                let names = |list: Vec<Network>| list.iter().map(|n| n.name()).collect::<Vec<_>>().join(", ");
                view! {
                    <ul class="hint schedule-notes">
                        {(!while_open.is_empty()).then(|| view! { <li>{t.fill(Msg::ScheduleWhileOpen, &[("networks", &names(while_open))])}</li> })}
                        {(!by_hand.is_empty()).then(|| view! { <li>{t.fill(Msg::ScheduleByHand, &[("networks", &names(by_hand))])}</li> })}
                    </ul>
                }
            }}
            <p class="hint" id="autosave-status">{move || draft.autosaved.get().map(|at| {
                t.fill(Msg::AutosavedAt, &[("time", &time_of_day(t.lang(), at))])
            })}</p>
            <preview::Previews/>
            <queue_actions::QueueActions lib=lib blockers=blockers/>
            <publish_everywhere::PublishEverywhere blockers=blockers/>
            <api_publish::ApiPublish network=Network::Mastodon blockers=blockers/>
            <api_publish::ApiPublish network=Network::Bluesky blockers=blockers/>
            <publish_by_hand::PublishByHand blockers=blockers/>
        </div>
        </div>
        <review::Review/>
        <post_list::PostList/>
    }
    .into_any()
}

#[component]
fn NetworkChoice() -> impl IntoView {
    let t = use_text();
    let draft = expect_context::<Draft>();
    view! {
        <fieldset class="networks">
            <legend>{t.tr(Msg::NetworksLegend)}</legend>
            {Network::ALL.into_iter().map(|n| {
                let id = format!("net-{}", n.name().to_lowercase());
                view! {
                    <div class="choice">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || draft.post.with(|p| p.variants.iter().any(|v| v.network == n))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                draft.post.update(|p| {
                                    p.variants.retain(|v| v.network != n);
                                    if on {
                                        let mut v = Variant::new(n);
                                        v.media = p.variants.first().map(|f| f.media.clone()).unwrap_or_default();
                                        v.language = p.variants.iter().find_map(|f| f.language.clone());
                                        p.variants.push(v);
                                        sorting::sort_by_key(&mut p.variants[..], |v| v.network);
                                    }
                                });
                            }/>
                        <label for=id>{n.name()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Languages offered for a post (BCP-47 tags the networks read); the list covers the
/// audiences our users write for, and "not said".
pub(crate) const LANGUAGES: [(&str, &str); 8] = [
    ("fr", "Français"),
    ("en", "English"),
    ("es", "Español"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("nl", "Nederlands"),
    ("ar", "العربية"),
];

/// The post's language, given to every network that reads it (Mastodon, Bluesky).
#[component]
fn LanguageChoice() -> impl IntoView {
    let t = use_text();
    let draft = expect_context::<Draft>();
    let current = move || {
        draft.post.with(|p| {
            p.variants
                .iter()
                .find_map(|v| v.language.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <label for="post-language" class="field-label">{t.tr(Msg::PostLanguage)}</label>
        <select id="post-language"
            prop:value=current
            on:change=move |ev| {
                let value = event_target_value(&ev);
                let lang = (!value.is_empty()).then_some(value);
                draft.post.update(|p| p.variants.iter_mut().for_each(|v| v.language = lang.clone()));
            }>
            <option value="">{t.tr(Msg::LanguageNotSaid)}</option>
            {LANGUAGES.into_iter().map(|(code, name)| view! {
                <option value=code lang=code selected=move || current() == code>{name}</option>
            }).collect_view()}
        </select>
    }
}
