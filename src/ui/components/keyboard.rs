//! What the page-wide shortcuts ask of a key press: whether it was typed into a field
//! (then it is the field's), and the arrows and Enter in a list of choices.

use wasm_bindgen::JsCast;

/// Whether the key was pressed in a text field, a list box or editable text.
pub fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.has_attribute("contenteditable")
}

/// In a combobox's list of `n` choices: the arrows move `active` round the list; returns
/// whether Enter was pressed (to run the active choice). Keys handled are not the page's.
pub fn choose_in_list(
    ev: &web_sys::KeyboardEvent,
    n: usize,
    active: leptos::prelude::RwSignal<usize>,
) -> bool {
    use leptos::prelude::Update;
    match ev.key().as_str() {
        "ArrowDown" if n > 0 => {
            ev.prevent_default();
            active.update(|a| *a = (*a + 1) % n);
            false
        }
        "ArrowUp" if n > 0 => {
            ev.prevent_default();
            active.update(|a| *a = (*a + n - 1) % n);
            false
        }
        "Enter" => {
            ev.prevent_default();
            true
        }
        _ => false,
    }
}
