//! From the library into the post: insert a snippet where the cursor is, and tag the post
//! with campaigns.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::components::library_data::Library;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use super::Draft;

/// Inserts `snippet` into the post text at the cursor of `#post-text` (or at the end),
/// on its own line, and puts the cursor after it.
fn insert_at_cursor(draft: Draft, snippet: &str) {
    let area = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("post-text"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    let text = draft.post.with_untracked(|p| p.base_text.clone());
    // The textarea counts UTF-16 units; find the matching byte offset.
    let at_units = area
        .as_ref()
        .and_then(|a| a.selection_start().ok().flatten())
        .unwrap_or(u32::MAX) as usize;
    let mut units = 0;
    let mut at = text.len();
    for (i, c) in text.char_indices() {
        if units >= at_units {
            at = i;
            break;
        }
        units += c.len_utf16();
    }
    let before = &text[..at];
    let after = &text[at..];
    let sep_before = if before.is_empty() || before.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let sep_after = if after.is_empty() || after.starts_with('\n') {
        ""
    } else {
        "\n"
    };
    let new_text = format!("{before}{sep_before}{snippet}{sep_after}{after}");
    let cursor =
        (before.encode_utf16().count() + sep_before.len() + snippet.encode_utf16().count()) as u32;
    draft.post.update(|p| p.base_text = new_text.clone());
    if let Some(area) = area {
        area.set_value(&new_text);
        let _ = area.set_selection_range(cursor, cursor);
        let _ = area.focus();
    }
}

#[component]
pub fn SnippetPicker(lib: Library) -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let chosen = RwSignal::new(String::new());
    let insert = move |_| {
        let id = chosen.get_untracked();
        let found = lib
            .snippets()
            .into_iter()
            .find(|s| s.0 == id)
            .or_else(|| lib.snippets().into_iter().next());
        if let Some((_, _, title, text, _)) = found {
            insert_at_cursor(draft, &text);
            state.say_in(move |t| t.fill(Msg::Inserted, &[("title", &title)]));
        }
    };
    view! {
        <div class="snippet-picker">
            {move || {
                let list = lib.snippets();
                if list.is_empty() {
                    view! { <p class="hint">{t.get(Msg::NoSnippets)}</p> }.into_any()
                } else {
                    view! {
                        <label for="snippet-choice">{t.get(Msg::InsertSnippet)}</label>
                        <select id="snippet-choice" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {list.into_iter().map(|(id, _, title, _, _)| view! { <option value=id>{title}</option> }).collect_view()}
                        </select>
                        <button type="button" on:click=insert>{t.get(Msg::Insert)}</button>
                    }.into_any()
                }
            }}
        </div>
    }
}

#[component]
pub fn CampaignPicker(lib: Library) -> impl IntoView {
    let t = use_text();
    let draft = expect_context::<Draft>();
    view! {
        {move || {
            let list = lib.campaigns();
            (!list.is_empty()).then(|| view! {
                <fieldset class="networks campaigns-choice">
                    <legend>{t.get(Msg::CampaignsLegend)}</legend>
                    {list.into_iter().map(|c| {
                        let id = format!("campaign-{}", c.id);
                        let (cid, cid2) = (c.id.clone(), c.id.clone());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || draft.post.with(|p| p.campaigns.contains(&cid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        draft.post.update(|p| {
                                            p.campaigns.retain(|x| *x != cid2);
                                            if on { p.campaigns.push(cid2.clone()); }
                                        });
                                    }/>
                                <label for=id>
                                    <span class="swatch" style:background-color=c.colour.clone() aria-hidden="true"></span>
                                    {c.name}
                                </label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })
        }}
    }
}
