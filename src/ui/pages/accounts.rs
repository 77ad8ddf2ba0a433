//! Connected accounts of the workspace: connect a Mastodon account (the instance's own
//! approval page, then back) or sign a Bluesky account in (its server's page by OAuth,
//! then back; or handle and app password), see
//! each one's state, disconnect (revoke or end the session, forget).

mod hand_over;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::i18n::Msg;

use crate::ui::components::no_workspace::NoWorkspace;

use crate::domain::account::{Account, AccountStatus};
use crate::domain::network::Network;
use crate::services::bluesky::{self, SignInError};
use crate::services::mastodon::{self, ConnectError};
use crate::store;
use crate::ui::errors::{connect_error, sign_in_error};
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// A connection failure in the user's language.
pub fn connect_sentence(t: Text, e: &ConnectError) -> String {
    match e {
        ConnectError::Server(said) => t.fill(Msg::ErrServerSaid, &[("message", &said)]),
        other => t.get(connect_error(other)).to_string(),
    }
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let version = RwSignal::new(0u32);
    let accounts = LocalResource::new(move || {
        version.track();
        let (db, ws) = (db.get(), state.current());
        async move {
            match ws {
                Some(ws) => store::accounts::for_workspace(&db, &ws.id)
                    .await
                    .unwrap_or_default(),
                _ => vec![],
            }
        }
    });
    let instance = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let connect = move |ev: SubmitEvent| {
        ev.prevent_default();
        let db = db.get();
        let Some(ws) = state.current() else {
            return;
        };
        let raw = instance.get_untracked();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match mastodon::start_sign_in(&db, &ws.id, &raw).await {
                Ok(url) => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().assign(&url);
                    }
                }
                Err(e) => {
                    error.set(Some(connect_sentence(t, &e)));
                    busy.set(false);
                }
            }
        });
    };
    let disconnect = move |a: Account| {
        let db = db.get();
        leptos::task::spawn_local(async move {
            let bsky = a.network == Network::Bluesky;
            let result = if bsky {
                bluesky::disconnect(&db, &a).await
            } else {
                mastodon::disconnect(&db, &a).await
            };
            match result {
                Ok(true) if bsky => {
                    state.say_in(move |t| t.fill(Msg::DisconnectedEnded, &[("handle", &a.handle)]))
                }
                Ok(true) => {
                    state.say_in(move |t| t.fill(Msg::Disconnected, &[("handle", &a.handle)]))
                }
                Ok(false) if bsky => state
                    .warn_in(move |t| t.fill(Msg::DisconnectedNotEnded, &[("handle", &a.handle)])),
                Ok(false) => state.warn_in(move |t| {
                    t.fill(Msg::DisconnectedNotRevoked, &[("handle", &a.handle)])
                }),
                Err(e) => state.save_failed(&e),
            }
            version.update(|v| *v += 1);
        });
    };
    view! {
        <h1>{t.tr(Msg::NavAccounts)}</h1>
        <p>{t.tr(Msg::AccountsIntro)}</p>
        <Show when=move || state.current().is_some() fallback=NoWorkspace>
            <section aria-labelledby="mastodon-heading">
                <h2 id="mastodon-heading">{t.tr(Msg::MastodonHeading)}</h2>
                <form class="inline-form" on:submit=connect novalidate>
                    <label for="instance">{t.tr(Msg::InstanceLabel)}</label>
                    <input id="instance" type="text" inputmode="url" autocomplete="url" spellcheck="false"
                        bind:value=instance
                        aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                        aria-describedby="instance-error"/>
                    <button type="submit" disabled=move || busy.get()>{t.tr(Msg::ConnectMastodon)}</button>
                    <p id="instance-error" class="field-error" role="alert">{move || error.get()}</p>
                </form>
                <Show when=move || busy.get()><p class="hint">{t.tr(Msg::CheckingServer)}</p></Show>
            </section>
            <BlueskySignIn on_done=move || version.update(|v| *v += 1)/>
            {move || accounts.get().is_some_and(|l| l.iter().any(|a| a.network == Network::Mastodon)).then(|| view! { <hand_over::HandOver/> })}
            {move || (state.lock.get() == crate::domain::lock::LockState::Off && accounts.get().is_some_and(|l| !l.is_empty())).then(|| view! {
                <p class="warn lock-suggest">{t.tr(Msg::LockSuggest)}" "<a href="/settings#settings-security">{t.tr(Msg::LockSuggestLink)}</a></p>
            })}
            {move || {
                let list = accounts.get().unwrap_or_default();
                if list.is_empty() {
                    view! { <p class="empty">{t.get(Msg::AccountsEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="library-list accounts">
                            {list.into_iter().map(|a| {
                                let label = t.fill(Msg::DisconnectNamed, &[("handle", &a.handle)]);
                                let badge = match a.status {
                                    AccountStatus::Connected => Msg::BadgeConnected,
                                    AccountStatus::ReconnectNeeded => Msg::BadgeReconnect,
                                };
                                let limit = a.rules.map(|r| t.plural(Msg::CharsPerInstance, r.max_characters, &[]));
                                let way = (a.network == Network::Bluesky).then(|| {
                                    t.get(if a.oauth.is_some() { Msg::BadgeOAuth } else { Msg::BadgeAppPassword })
                                });
                                let account = a.clone();
                                view! {
                                    <li class="account">
                                        <span>
                                            <strong>{a.display_name.clone()}</strong>" "
                                            <a href=a.url.clone() rel="noopener noreferrer" target="_blank">{a.handle.clone()}</a>
                                            " "<span class="badge">{t.get(badge)}</span>
                                            {limit.map(|l| view! { <span class="hint">" · "{l}</span> })}
                                            {way.map(|w| view! { <span class="hint">" · "{w}</span> })}
                                        </span>
                                        <button type="button" class="danger" aria-label=label
                                            on:click=move |_| disconnect(account.clone())>{t.get(Msg::Disconnect)}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </Show>
    }
}

/// A Bluesky sign-in failure in the user's language.
pub fn sign_in_sentence(t: Text, e: &SignInError) -> String {
    match e {
        SignInError::Said(said) => t.fill(Msg::ErrServerSaid, &[("message", &said)]),
        other => t.get(sign_in_error(other)).to_string(),
    }
}

/// A field's `aria-invalid` while `error` says something.
fn invalid_when(error: RwSignal<Option<String>>) -> impl Fn() -> &'static str + Copy {
    move || {
        if error.get().is_some() {
            "true"
        } else {
            "false"
        }
    }
}

/// Signing a Bluesky account in: on the server's own page (OAuth: handle and, rarely, a
/// server), or with an app password (and, rarely, a server and a code).
#[component]
fn BlueskySignIn(on_done: impl Fn() + Copy + 'static) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let oauth_handle = RwSignal::new(String::new());
    let oauth_server = RwSignal::new(String::new());
    let oauth_error = RwSignal::new(None::<String>);
    let leaving = RwSignal::new(false);
    let start = Action::new_local(move |(h, s): &(String, String)| {
        let (h, s) = (h.clone(), s.clone());
        let (db, ws) = (db.get(), state.current());
        async move {
            let Some(ws) = ws else {
                return;
            };
            match bluesky::oauth::start_sign_in(&db, &ws.id, &h, &s).await {
                Ok(url) => {
                    leaving.set(true);
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().assign(&url);
                    }
                }
                Err(e) => oauth_error.set(Some(sign_in_sentence(t, &e))),
            }
        }
    });
    let starting = move || start.pending().get() || leaving.get();
    let submit_oauth = move |ev: SubmitEvent| {
        ev.prevent_default();
        oauth_error.set(None);
        start.dispatch((oauth_handle.get_untracked(), oauth_server.get_untracked()));
    };
    let oauth_invalid = invalid_when(oauth_error);
    let handle = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let server = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let sign_in = Action::new_local(move |(h, p, s, c): &(String, String, String, String)| {
        let (h, p, s, c) = (h.clone(), p.clone(), s.clone(), c.clone());
        let (db, ws) = (db.get(), state.current());
        async move {
            let Some(ws) = ws else {
                return;
            };
            match bluesky::sign_in(&db, &ws.id, &h, &p, &s, Some(c.as_str())).await {
                Ok(a) => {
                    password.set(String::new());
                    code.set(String::new());
                    state.say_in(move |t| t.fill(Msg::AccountConnected, &[("handle", &a.handle)]));
                    on_done();
                }
                Err(e) => error.set(Some(sign_in_sentence(t, &e))),
            }
        }
    });
    let busy = sign_in.pending();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        sign_in.dispatch((
            handle.get_untracked(),
            password.get_untracked(),
            server.get_untracked(),
            code.get_untracked(),
        ));
    };
    let invalid = invalid_when(error);
    view! {
        <section aria-labelledby="bluesky-heading">
            <h2 id="bluesky-heading">{t.tr(Msg::BlueskyHeading)}</h2>
            <p class="hint">{t.tr(Msg::BlueskyOAuthIntro)}</p>
            <form id="bsky-oauth" class="stacked-form" aria-labelledby="bluesky-heading" on:submit=submit_oauth novalidate>
                <label for="bsky-oauth-handle">{t.tr(Msg::HandleLabel)}</label>
                <input id="bsky-oauth-handle" type="text" autocomplete="username" spellcheck="false" autocapitalize="none"
                    bind:value=oauth_handle aria-invalid=oauth_invalid aria-describedby="bsky-oauth-error"/>
                <label for="bsky-oauth-server">{t.tr(Msg::BlueskyServerLabel)}</label>
                <input id="bsky-oauth-server" type="text" inputmode="url" spellcheck="false" autocapitalize="none"
                    placeholder="bsky.social" bind:value=oauth_server/>
                <button type="submit" disabled=starting>
                    {move || if starting() { t.get(Msg::OpeningServerPage) } else { t.get(Msg::BlueskyOAuthButton) }}
                </button>
                <p id="bsky-oauth-error" class="field-error" role="alert">{move || oauth_error.get()}</p>
            </form>
            <h3 id="bsky-app-password-heading">{t.tr(Msg::AppPasswordHeading)}</h3>
            <p class="hint">{t.tr(Msg::BlueskyIntro)}</p>
            <form id="bsky-app-password" class="stacked-form" aria-labelledby="bsky-app-password-heading" on:submit=submit novalidate>
                <label for="bsky-handle">{t.tr(Msg::HandleLabel)}</label>
                <input id="bsky-handle" type="text" autocomplete="username" spellcheck="false" autocapitalize="none"
                    bind:value=handle aria-invalid=invalid aria-describedby="bsky-error"/>
                <label for="bsky-password">{t.tr(Msg::AppPasswordLabel)}</label>
                <input id="bsky-password" type="password" autocomplete="current-password"
                    bind:value=password aria-invalid=invalid aria-describedby="bsky-error"/>
                <label for="bsky-server">{t.tr(Msg::BlueskyServerLabel)}</label>
                <input id="bsky-server" type="text" inputmode="url" spellcheck="false" autocapitalize="none"
                    placeholder="bsky.social" bind:value=server/>
                <label for="bsky-code">{t.tr(Msg::CodeLabel)}</label>
                <input id="bsky-code" type="text" autocomplete="one-time-code" spellcheck="false" bind:value=code/>
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t.get(Msg::SigningIn) } else { t.get(Msg::ConnectBluesky) }}
                </button>
                <p id="bsky-error" class="field-error" role="alert">{move || error.get()}</p>
            </form>
        </section>
    }
}

/// Bluesky's callback route: finishes the OAuth sign-in, then shows the result with a way
/// back.
#[component]
pub fn BlueskyCallback() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let finish = Action::new_local(move |query: &String| {
        let (db, query) = (db.get(), query.clone());
        async move {
            let result = bluesky::oauth::finish_sign_in(&db, &query).await;
            // The code must not stay in the address bar or the history.
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(bluesky::oauth::CALLBACK_PATH),
                );
            }
            match result {
                Ok(a) => {
                    let handle = a.handle.clone();
                    state.say_in(move |t| t.fill(Msg::AccountConnected, &[("handle", &handle)]));
                    Ok(a.handle)
                }
                Err(e) => Err(sign_in_sentence(t, &e)),
            }
        }
    });
    finish.dispatch(query);
    view! {
        <h1>{t.tr(Msg::NavAccounts)}</h1>
        {move || match finish.value().get() {
            None => view! { <p>{t.get(Msg::FinishingSignIn)}</p> }.into_any(),
            Some(Ok(handle)) => view! {
                <p class="ok">{t.fill(Msg::AccountConnected, &[("handle", &handle)])}</p>
            }.into_any(),
            Some(Err(why)) => view! { <p role="alert" class="field-error">{why}</p> }.into_any(),
        }}
        <p><leptos_router::components::A href="/accounts">{t.tr(Msg::BackToAccounts)}</leptos_router::components::A></p>
    }
}

/// The callback route: finishes the sign-in, then shows the result with a way back.
#[component]
pub fn MastodonCallback() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Effect::new(move |ran: Option<()>| {
        if ran.is_some() {
            return;
        }
        let db = db.get();
        let query = query.clone();
        leptos::task::spawn_local(async move {
            let result = mastodon::finish_sign_in(&db, &query).await;
            // The code must not stay in the address bar or the history.
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(mastodon::CALLBACK_PATH),
                );
            }
            outcome.set(Some(match result {
                Ok(a) => {
                    let handle = a.handle.clone();
                    state.say_in(move |t| t.fill(Msg::AccountConnected, &[("handle", &handle)]));
                    Ok(a.handle)
                }
                Err(e) => Err(connect_sentence(t, &e)),
            }));
        });
    });
    view! {
        <h1>{t.tr(Msg::NavAccounts)}</h1>
        {move || match outcome.get() {
            None => view! { <p>{t.get(Msg::FinishingSignIn)}</p> }.into_any(),
            Some(Ok(handle)) => view! {
                <p class="ok">{t.fill(Msg::AccountConnected, &[("handle", &handle)])}</p>
                <hand_over::HandOver/>
            }.into_any(),
            Some(Err(why)) => view! { <p role="alert" class="field-error">{why}</p> }.into_any(),
        }}
        <p><leptos_router::components::A href="/accounts">{t.tr(Msg::BackToAccounts)}</leptos_router::components::A></p>
    }
}
