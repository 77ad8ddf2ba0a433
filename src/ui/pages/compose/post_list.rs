//! The workspace's posts under the composer, with their state and due time.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::post::PostState;
use crate::store;
use crate::ui::format::long_date;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use super::Draft;

pub fn state_label(s: PostState) -> Msg {
    match s {
        PostState::Draft => Msg::StateDraft,
        PostState::InReview => Msg::StateInReview,
        PostState::Approved => Msg::StateApproved,
        PostState::Scheduled => Msg::StateScheduled,
        PostState::Publishing => Msg::StatePublishing,
        PostState::Published => Msg::StatePublished,
        PostState::Failed => Msg::StateFailed,
        PostState::Cancelled => Msg::StateCancelled,
    }
}

#[component]
pub fn PostList() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let posts = LocalResource::new(move || {
        draft.saved.track();
        // The outbox moves posts to published (here or in another tab).
        state.outbox_version.track();
        let (db, ws) = (state.db(), state.current());
        async move {
            match (db, ws) {
                (Some(db), Some(ws)) => store::posts::for_workspace(&db, &ws.id, 100).await.ok(),
                _ => None,
            }
        }
    });
    view! {
        <section aria-labelledby="posts-heading">
            <h2 id="posts-heading">{move || t.get(Msg::PostsHeading)}</h2>
            {move || match posts.get().flatten() {
                None => ().into_any(),
                Some(page) if page.items.is_empty() => view! { <p>{t.get(Msg::PostsEmpty)}</p> }.into_any(),
                Some(page) => view! {
                    <ul class="post-list">
                        {page.items.into_iter().rev().map(|p| {
                            let excerpt: String = p.base_text.chars().take(80).collect();
                            let nets = p.variants.iter().map(|v| v.network.name()).collect::<Vec<_>>().join(", ");
                            let due = p.due_at.map(|d| long_date(t.lang(), d));
                            view! {
                                <li class="post-item">
                                    <span class="badge">{t.get(state_label(p.state))}</span>
                                    <span class="post-excerpt">{excerpt}</span>
                                    <span class="workspace-date">{nets}{due.map(|d| format!(" · {d}"))}</span>
                                    <A href=format!("/compose?post={}", p.id)>{t.get(Msg::OpenPost)}</A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
