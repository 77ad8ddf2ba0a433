//! The status HTML sanitiser in Chromium: every input of the hostile corpus (over 2,000) is
//! rendered through the app's own `StatusContent` component into the live document, with
//! `alert`, `confirm`, `prompt`, `print` and `window.__trap` replaced by a trap. No trap may
//! fire, and the DOM may hold only div/p/br/a/span with class/href/rel/target attributes,
//! every href http(s), no `on*` attribute, no `javascript:` anywhere. A control case proves
//! the trap fires when hostile HTML does reach `innerHTML`.
#![cfg(target_arch = "wasm32")]

use attache::ui::components::rich_text::StatusContent;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_test::*;

#[path = "hostile_corpus/mod.rs"]
mod hostile_corpus;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// Replaces the functions the corpus calls by one that records the call.
fn set_trap() {
    let w = window();
    js_sys::Reflect::set(&w, &"__trapped".into(), &JsValue::from(0)).unwrap();
    let trap = Closure::<dyn Fn()>::new(|| {
        let w = web_sys::window().unwrap();
        let n = js_sys::Reflect::get(&w, &"__trapped".into())
            .unwrap()
            .as_f64()
            .unwrap_or(0.0);
        js_sys::Reflect::set(&w, &"__trapped".into(), &JsValue::from(n + 1.0)).unwrap();
    });
    for name in ["alert", "confirm", "prompt", "print", "__trap", "eval_trap"] {
        js_sys::Reflect::set(&w, &name.into(), trap.as_ref()).unwrap();
    }
    trap.forget();
}

fn trapped() -> f64 {
    js_sys::Reflect::get(&window(), &"__trapped".into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0)
}

async fn settle() {
    // Long enough for image errors, SVG loads and focus events to fire if anything hostile
    // had reached the DOM.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 300)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn container() -> web_sys::HtmlElement {
    let doc = window().document().unwrap();
    let div: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn the_trap_fires_when_hostile_html_reaches_inner_html() {
    set_trap();
    let div = container();
    div.set_inner_html("<img src=x onerror=alert(1)>");
    settle().await;
    assert!(trapped() >= 1.0, "the control case must fire the trap");
    div.remove();
}

#[wasm_bindgen_test]
async fn no_hostile_input_runs_or_leaves_a_handler_or_a_script_url() {
    let inputs = hostile_corpus::all_inputs();
    assert!(inputs.len() >= 2_000, "only {} inputs", inputs.len());
    set_trap();
    let div = container();
    let list = inputs.clone();
    let handle = leptos::mount::mount_to(div.clone(), move || {
        list.into_iter()
            .map(|html| view! { <StatusContent html=html/> })
            .collect_view()
    });
    settle().await;
    assert_eq!(trapped(), 0.0, "a trap fired");
    let rendered = div.query_selector_all(".status-content").unwrap().length() as usize;
    assert_eq!(rendered, inputs.len(), "every input was rendered");
    let all = div.query_selector_all("*").unwrap();
    let mut links = 0;
    for i in 0..all.length() {
        let el: web_sys::Element = all.item(i).unwrap().unchecked_into();
        let tag = el.tag_name().to_ascii_lowercase();
        assert!(
            ["div", "p", "br", "a", "span"].contains(&tag.as_str()),
            "element <{tag}> in {}",
            el.outer_html()
        );
        let names = el.get_attribute_names();
        for n in names.iter() {
            let name = n.as_string().unwrap().to_ascii_lowercase();
            assert!(!name.starts_with("on"), "{} in {}", name, el.outer_html());
            assert!(
                ["class", "href", "rel", "target"].contains(&name.as_str()),
                "attribute {name} in {}",
                el.outer_html()
            );
            let value = el
                .get_attribute(&name)
                .unwrap_or_default()
                .to_ascii_lowercase();
            assert!(!value.contains("javascript:"), "{}", el.outer_html());
        }
        if tag == "a" {
            links += 1;
            // What the browser resolves the link to, not just what the attribute says.
            let a: web_sys::HtmlAnchorElement = el.clone().unchecked_into();
            let protocol = a.protocol();
            assert!(
                protocol == "https:" || protocol == "http:",
                "{}",
                el.outer_html()
            );
            assert_eq!(a.rel(), "nofollow noopener noreferrer");
            assert_eq!(a.target(), "_blank");
        }
    }
    assert!(links > 1_000, "the benign links survive ({links})");
    let text = div.text_content().unwrap_or_default();
    assert!(!text.is_empty());
    drop(handle);
    div.remove();
}
