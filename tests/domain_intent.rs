//! Share intents: the address each network's intent needs, encoded so nothing is lost.

use attache::domain::intent::{encode_component, plan, IntentPlan};
use attache::domain::network::Network;

#[test]
fn x_and_threads_intents_carry_the_whole_text_encoded() {
    let text = "Café & croissants #Lyon 🎉\nhttps://cafe.example/a?b=1";
    let Some(IntentPlan::Open(url)) = plan(Network::X, text) else {
        panic!()
    };
    assert_eq!(
        url,
        "https://x.com/intent/tweet?text=Caf%C3%A9%20%26%20croissants%20%23Lyon%20%F0%9F%8E%89%0Ahttps%3A%2F%2Fcafe.example%2Fa%3Fb%3D1"
    );
    let Some(IntentPlan::Open(url)) = plan(Network::Threads, "a b") else {
        panic!()
    };
    assert_eq!(url, "https://www.threads.com/intent/post?text=a%20b");
}

#[test]
fn linkedin_and_facebook_get_the_first_link_and_the_text_is_copied() {
    let text = "Nouvelle carte : cafe-lumiere.fr/carte et https://other.example";
    assert_eq!(
        plan(Network::LinkedIn, text),
        Some(IntentPlan::CopyThenOpen {
            text: text.into(),
            url: "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fcafe-lumiere.fr%2Fcarte".into()
        })
    );
    let Some(IntentPlan::CopyThenOpen { url, .. }) =
        plan(Network::Facebook, "see https://e.example.org/x")
    else {
        panic!()
    };
    assert_eq!(
        url,
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fe.example.org%2Fx"
    );
}

#[test]
fn without_a_link_the_text_is_copied_for_pasting() {
    assert_eq!(
        plan(Network::LinkedIn, "No link here"),
        Some(IntentPlan::CopyOnly("No link here".into()))
    );
    assert_eq!(
        plan(Network::Instagram, "Caption"),
        Some(IntentPlan::CopyOnly("Caption".into()))
    );
}

#[test]
fn networks_with_an_api_have_no_intent() {
    assert_eq!(plan(Network::Mastodon, "x"), None);
    assert_eq!(plan(Network::Bluesky, "x"), None);
}

#[test]
fn encoding_keeps_unreserved_characters_only() {
    assert_eq!(encode_component("aZ09-_.~"), "aZ09-_.~");
    assert_eq!(encode_component("a+b/c?d#e"), "a%2Bb%2Fc%3Fd%23e");
}
