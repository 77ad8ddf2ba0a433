//! Review: ask for a review, approve or send back to draft; comments on the post (a note
//! thread for the team); the post's history of states with who and when.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::post::{PostState, ME};
use crate::services::posts;
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::{adopt_saved, change_failed, state_label, Draft};

#[component]
pub fn Review() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let current = Memo::new(move |_| draft.post.with(|p| p.state));
    let go = Action::new_local(move |to: &PostState| {
        let (to, db, post) = (*to, db.get(), draft.post.get_untracked());
        async move {
            match posts::transition(&db, &post, to).await {
                Ok(saved) => {
                    adopt_saved(draft, saved);
                    draft.saved.update(|n| *n += 1);
                    state.say_in(move |t| {
                        t.fill(Msg::StateChanged, &[("state", &t.get(state_label(to)))])
                    });
                }
                Err(e) => change_failed(state, e),
            }
        }
    });
    let go = move |to: PostState| {
        go.dispatch(to);
    };
    let comment = RwSignal::new(String::new());
    let add_comment = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = comment.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        let (db, post) = (db.get(), draft.post.get_untracked());
        leptos::task::spawn_local(async move {
            match posts::add_comment(&db, &post, &text).await {
                Ok(saved) => {
                    comment.set(String::new());
                    adopt_saved(draft, saved);
                    draft.saved.update(|n| *n += 1);
                }
                Err(e) => state.save_failed(&e),
            }
        });
    };
    let who = move |by: &str| {
        if by == ME {
            t.get(Msg::Me).to_string()
        } else {
            by.to_string()
        }
    };
    view! {
        <section class="review" aria-labelledby="review-heading">
            <h2 id="review-heading">{t.tr(Msg::ReviewHeading)}</h2>
            <p>
                <span class="badge">{move || t.get(state_label(current.get()))}</span>
            </p>
            <div class="actions">
                <Show when=move || current.get().can_become(PostState::InReview)>
                    <button type="button" on:click=move |_| go(PostState::InReview)>{t.tr(Msg::AskReview)}</button>
                </Show>
                <Show when=move || current.get() == PostState::InReview>
                    <button type="button" on:click=move |_| go(PostState::Approved)>{t.tr(Msg::Approve)}</button>
                </Show>
                <Show when=move || current.get() != PostState::Draft && current.get().can_become(PostState::Draft)>
                    <button type="button" on:click=move |_| go(PostState::Draft)>{t.tr(Msg::BackToDraft)}</button>
                </Show>
            </div>
            <ul class="comments">
                {move || {
                    let comments = draft.post.with(|p| p.comments.clone());
                    if comments.is_empty() {
                        view! { <li class="empty">{t.get(Msg::CommentsEmpty)}</li> }.into_any()
                    } else {
                        comments.into_iter().map(|c| view! {
                            <li class="comment">
                                <p class="comment-meta">{who(&c.by)}" · "{date_time(t.lang(), c.at)}</p>
                                <p>{c.text}</p>
                            </li>
                        }).collect_view().into_any()
                    }
                }}
            </ul>
            <form class="inline-form" on:submit=add_comment>
                <label for="comment-text">{t.tr(Msg::CommentLabel)}</label>
                <input id="comment-text" type="text" autocomplete="off" bind:value=comment/>
                <button type="submit">{t.tr(Msg::AddComment)}</button>
            </form>
            <details class="history">
                <summary>{t.tr(Msg::HistoryHeading)}</summary>
                <ol>
                    {move || draft.post.with(|p| p.history.clone()).into_iter().map(|h| view! {
                        <li>{t.fill(Msg::HistoryLine, &[("when", &date_time(t.lang(), h.at)), ("from", &t.get(state_label(h.from))), ("to", &t.get(state_label(h.to)))])}
                            " ("{who(&h.by)}")"</li>
                    }).collect_view()}
                </ol>
            </details>
        </section>
    }
}
