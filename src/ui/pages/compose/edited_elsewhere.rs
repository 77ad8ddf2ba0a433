//! The post being edited was saved in another tab meanwhile (`StoreError::EditedElsewhere`):
//! nothing typed here was saved over it. The user keeps theirs (saved over the other tab's
//! version) or takes the other tab's version; until then what they type stays on screen.

use leptos::prelude::*;

use crate::services::posts;
use crate::store;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::Draft;

#[component]
pub fn EditedElsewhere() -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let draft = expect_context::<Draft>();
    let focus_text = || {
        if let Some(el) = leptos::prelude::document().get_element_by_id("post-text") {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
        }
    };
    let keep = Action::new_local(move |_: &()| {
        let (db, post) = (db.get(), draft.post.get_untracked());
        async move {
            match posts::keep_mine(&db, &post).await {
                Ok(saved) => {
                    draft.kept_as_saved(&post);
                    draft.autosaved.try_set(Some(saved.updated_at));
                    draft.elsewhere.try_set(false);
                    draft.saved.try_update(|n| *n += 1);
                    focus_text();
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let take = Action::new_local(move |_: &()| {
        let (db, id) = (db.get(), draft.post.with_untracked(|p| p.id.clone()));
        async move {
            match store::posts::get(&db, &id).await {
                Ok(Some(p)) => {
                    draft.open(p);
                    focus_text();
                }
                Ok(None) => draft.elsewhere.set(false),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let busy = move || keep.pending().get() || take.pending().get();
    move || {
        draft.elsewhere.get().then(|| {
            view! {
                <section class="edited-elsewhere" role="alert" aria-labelledby="edited-elsewhere-title">
                    <h2 id="edited-elsewhere-title">{t.tr(Msg::EditedElsewhereHeading)}</h2>
                    <p>{t.tr(Msg::EditedElsewhereText)}</p>
                    <p class="actions">
                        <button type="button" disabled=busy on:click=move |_| { keep.dispatch(()); }>
                            {t.tr(Msg::EditedElsewhereKeep)}
                        </button>" "
                        <button type="button" class="secondary" disabled=busy on:click=move |_| { take.dispatch(()); }>
                            {t.tr(Msg::EditedElsewhereReload)}
                        </button>
                    </p>
                </section>
            }
        })
    }
}
