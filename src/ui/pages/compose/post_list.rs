//! The workspace's posts under the composer, with their state and due time; a post not
//! scheduled, going out or published can be deleted, with "Undo" offered.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::post::{Post, PostState};
use crate::services::posts::{self, PostChangeError};
use crate::services::undo::{self, Deleted};
use crate::store::{self, records::Page, StoreError};
use crate::ui::components::autosave::Autosave;
use crate::ui::errors::read_failed;
use crate::ui::format::long_date;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
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
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let posts = LocalResource::new(move || {
        draft.saved.track();
        // The outbox moves posts to published (here or in another tab).
        state.outbox_version.track();
        let (db, ws) = (db.get(), state.current());
        async move {
            match ws {
                Some(ws) => store::posts::for_workspace(&db, &ws.id, 100).await,
                _ => Ok(Page {
                    items: vec![],
                    total: 0,
                }),
            }
        }
    });
    let autosave = use_context::<Autosave>();
    let delete = Action::new_local(move |p: &Post| {
        // The post open in the composer: what waits is saved now (before the deletion, as
        // transactions run in order), and the composer moves to a new post, so no keystroke
        // saves the deleted one again.
        if draft.post.with_untracked(|d| d.id == p.id) {
            if let Some(a) = &autosave {
                a.flush();
            }
            let networks: Vec<_> = p.variants.iter().map(|v| v.network).collect();
            draft
                .post
                .set(posts::fresh(&p.workspace_id, &networks, t.lang().tag()));
        }
        let (p, handle, db) = (p.clone(), db, db.get());
        async move {
            match posts::delete(&db, &p).await {
                Ok(deleted) => {
                    draft.saved.update(|n| *n += 1);
                    let name = short_name(&p);
                    let words = name.clone();
                    state.say_undoable(
                        move |t| t.fill(Msg::PostDeleted, &[("name", &words)]),
                        move || put_back(state, handle, draft, name.clone(), deleted.clone()),
                    );
                }
                Err(PostChangeError::Store(e)) => state.save_failed(&e),
                // Scheduled or sent since the list was read: the list reloads with its state.
                Err(_) => draft.saved.update(|n| *n += 1),
            }
        }
    });
    let list_view = move |page: Page<Post>| {
        if page.items.is_empty() {
            return view! { <p>{t.get(Msg::PostsEmpty)}</p> }.into_any();
        }
        view! {
            <ul class="post-list">
                {page.items.into_iter().rev().map(|p| {
                    let excerpt: String = p.base_text.chars().take(80).collect();
                    let nets = p.variants.iter().map(|v| v.network.name()).collect::<Vec<_>>().join(", ");
                    let due = p.due_at.map(|d| long_date(t.lang(), d));
                    let deletable = p.is_deletable();
                    let name = format!(" {}", short_name(&p));
                    view! {
                        <li class="post-item">
                            <span class="badge">{t.get(state_label(p.state))}</span>
                            <span class="post-excerpt">{excerpt}</span>
                            <span class="workspace-date">{nets}{due.map(|d| format!(" · {d}"))}</span>
                            <A href=format!("/compose?post={}", p.id)>{t.get(Msg::OpenPost)}</A>
                            {deletable.then(|| view! {
                                <button type="button" class="danger" on:click=move |_| { delete.dispatch(p.clone()); }>
                                    {t.get(Msg::DeletePost)}<span class="visually-hidden">{name}</span>
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="posts-heading">
            <h2 id="posts-heading">{t.tr(Msg::PostsHeading)}</h2>
            // The list stays as it was while it reloads (`Transition`); a failed read says
            // so in place (`ErrorBoundary`), in the current language.
            <Transition fallback=|| ()>
                <ErrorBoundary fallback=move |errors| view! {
                    <p class="field-error" role="alert">{move || errors.with(|list| {
                        list.iter().next().map(|(_, e)| match e.downcast_ref::<StoreError>() {
                            Some(e) => read_failed(t, e),
                            None => e.to_string(),
                        })
                    })}</p>
                }>
                    {move || Suspend::new(async move {
                        let page = posts.await?;
                        Ok::<_, StoreError>(list_view(page))
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// The post as a notice names it: its first words.
fn short_name(p: &Post) -> String {
    let first: String = p.base_text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut name: String = first.chars().take(40).collect();
    if first.chars().count() > 40 {
        name.push('…');
    }
    name
}

/// Undoes a deletion: the post, its images and its outbox rows come back exactly.
fn put_back(state: AppState, db: OpenDb, draft: Draft, name: String, deleted: Deleted) {
    let db = db.get();
    leptos::task::spawn_local(async move {
        match undo::put_back(&db, &deleted).await {
            Ok(_) => {
                draft.saved.try_update(|n| *n += 1);
                state.say_in(move |t| t.fill(Msg::PostBack, &[("name", &name)]));
            }
            Err(e) => state.save_failed(&e),
        }
    });
}
