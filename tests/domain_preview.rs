//! The feed preview's pieces: folds where each network folds, links shown as the network
//! shows them, the part over the limit marked, and nothing of the text lost.

use attache::domain::counting::{count, MastodonRules};
use attache::domain::network::Network;
use attache::domain::preview::{
    draws_link_card, first_link, fold, fold_at, images_shown, link_host, pieces, short_link, Look,
    Part, Piece,
};

fn text_of(pieces: &[Piece], part: Part) -> String {
    pieces
        .iter()
        .filter(|p| p.part == part)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn a_short_post_shows_whole_everywhere() {
    for network in Network::ALL {
        let p = pieces(network, "Du pain chaud ce matin.", None);
        assert_eq!(
            text_of(&p, Part::Shown),
            "Du pain chaud ce matin.",
            "{network:?}"
        );
        assert!(p.iter().all(|x| x.part == Part::Shown));
    }
}

#[test]
fn linkedin_folds_after_about_210_characters_at_a_word() {
    let word = "croissant ";
    let text = word.repeat(40); // 400 characters
    let p = pieces(Network::LinkedIn, &text, None);
    let shown = text_of(&p, Part::Shown);
    let folded = text_of(&p, Part::Folded);
    assert!(shown.chars().count() <= 210, "{}", shown.len());
    assert!(shown.chars().count() > 190);
    assert!(shown.ends_with("croissant"), "cut inside a word: {shown:?}");
    assert_eq!(format!("{shown}{folded}"), text);
}

#[test]
fn a_fold_comes_at_the_network_s_line_count_first() {
    let text = "Un\nDeux\nTrois\nQuatre\nCinq";
    let p = pieces(Network::LinkedIn, text, None);
    assert_eq!(text_of(&p, Part::Shown), "Un\nDeux\nTrois");
    assert_eq!(text_of(&p, Part::Folded), "\nQuatre\nCinq");
    let p = pieces(Network::Instagram, text, None);
    assert_eq!(text_of(&p, Part::Shown), "Un\nDeux");
    // Mastodon shows it all.
    assert_eq!(
        text_of(&pieces(Network::Mastodon, text, None), Part::Shown),
        text
    );
}

#[test]
fn trailing_white_space_is_not_worth_a_fold() {
    let text = format!("{}\n\n\n   ", "a".repeat(20));
    assert_eq!(fold_at(&text, fold(Network::Instagram).unwrap()), None);
}

#[test]
fn a_fold_never_cuts_a_character() {
    let text = "🥐".repeat(300);
    let at = fold_at(&text, fold(Network::LinkedIn).unwrap()).unwrap();
    assert!(text.is_char_boundary(at));
    assert_eq!(text[..at].chars().count(), 210);
}

#[test]
fn x_marks_what_is_over_280_and_nothing_is_lost() {
    let text = "pain ".repeat(70); // 350
    let c = count(Network::X, &text, "", MastodonRules::default());
    let p = pieces(Network::X, &text, c.overflow_at);
    let over = text_of(&p, Part::Over);
    assert_eq!(text_of(&p, Part::Shown).chars().count(), 280);
    assert_eq!(over.chars().count(), 70);
    assert_eq!(format!("{}{}", text_of(&p, Part::Shown), over), text);
}

#[test]
fn the_fold_is_before_the_limit_or_not_at_all() {
    // Over LinkedIn's 3,000 limit: shown, then folded, then over, in that order.
    let text = "brioche ".repeat(400);
    let c = count(Network::LinkedIn, &text, "", MastodonRules::default());
    let p = pieces(Network::LinkedIn, &text, c.overflow_at);
    let parts: Vec<Part> = p.iter().map(|x| x.part).collect();
    let first_folded = parts.iter().position(|&x| x == Part::Folded).unwrap();
    let first_over = parts.iter().position(|&x| x == Part::Over).unwrap();
    assert!(first_folded < first_over);
    assert!(parts[first_over..].iter().all(|&x| x == Part::Over));
}

#[test]
fn links_mentions_and_tags_are_drawn_as_each_network_does() {
    let text = "Nouveau : https://www.boulangerie-exemple.fr/nos-pains/la-tourte-de-seigle #pain @ami.bsky.social";
    let p = pieces(Network::Bluesky, text, None);
    let link = p.iter().find(|x| x.look == Look::Link).unwrap();
    assert_eq!(link.text, "boulangerie-exemple.fr/nos-pai…");
    assert!(p.iter().any(|x| x.look == Look::Tag && x.text == "#pain"));
    assert!(p
        .iter()
        .any(|x| x.look == Look::Mention && x.text == "@ami.bsky.social"));
    // LinkedIn shows the address as typed.
    let p = pieces(Network::LinkedIn, text, None);
    assert!(p
        .iter()
        .any(|x| x.look == Look::Link && x.text.starts_with("https://www.")));
    // Instagram does not make a link of it, and keeps the words.
    let p = pieces(Network::Instagram, text, None);
    assert!(p.iter().all(|x| x.look != Look::Link));
    let all: String = p.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(all, text);
}

#[test]
fn a_link_cut_by_the_limit_is_not_shortened() {
    let text = format!(
        "{} https://example.org/a-long-address-of-a-page",
        "a".repeat(290)
    );
    let c = count(Network::Bluesky, &text, "", MastodonRules::default());
    let p = pieces(Network::Bluesky, &text, c.overflow_at);
    let all: String = p.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(all, text);
    assert!(p
        .iter()
        .any(|x| x.part == Part::Over && x.look == Look::Link));
}

#[test]
fn short_links_and_hosts() {
    assert_eq!(short_link("https://exemple.fr"), "exemple.fr");
    assert_eq!(short_link("HTTP://www.exemple.fr/a"), "exemple.fr/a");
    assert_eq!(short_link("exemple.fr/p"), "exemple.fr/p");
    assert_eq!(link_host("https://www.Exemple.fr/a?b#c"), "exemple.fr");
    assert_eq!(link_host("https://user@exemple.fr:443/"), "exemple.fr:443");
    // a card is drawn for the first link the network itself finds: Bluesky and X link a
    // bare domain, Mastodon only an address with its scheme
    let text = "Voir exemple.fr et https://autre.org";
    assert_eq!(
        first_link(Network::Bluesky, text),
        Some("https://exemple.fr".into())
    );
    assert_eq!(
        first_link(Network::X, text),
        Some("https://exemple.fr".into())
    );
    assert_eq!(
        first_link(Network::Mastodon, text),
        Some("https://autre.org".into())
    );
    assert_eq!(first_link(Network::Mastodon, "#pain seulement"), None);
}

#[test]
fn x_and_mastodon_previews_link_what_the_networks_link() {
    let links = |network, text| -> Vec<String> {
        pieces(network, text, None)
            .into_iter()
            .filter(|p| p.look == Look::Link)
            .map(|p| p.text)
            .collect()
    };
    // after a full stop, with parentheses: a link; a host without a public suffix: not one
    let text = "Ouverture samedi.https://cafe-lumiere.fr/menu(2026) et http://localhost:8080 fin";
    assert_eq!(
        links(Network::Mastodon, text),
        ["cafe-lumiere.fr/menu(2026)"]
    );
    assert_eq!(links(Network::X, text), ["cafe-lumiere.fr/menu(2026)"]);
    // a mention inside a link (Bluesky's detection starts one after "(") is part of the
    // link: the link stays whole, so it is shown shortened as one
    let text = "Voir https://cafe-lumiere.fr/p(@bob.test) fin";
    let mentions = pieces(Network::Mastodon, text, None)
        .into_iter()
        .filter(|p| p.look == Look::Mention)
        .count();
    assert_eq!(mentions, 0);
    assert_eq!(
        links(Network::Mastodon, text),
        ["cafe-lumiere.fr/p(@bob.test)"]
    );
}

#[test]
fn cards_and_image_grids_follow_each_network() {
    assert!(draws_link_card(Network::Mastodon, false));
    assert!(!draws_link_card(Network::Mastodon, true));
    assert!(!draws_link_card(Network::Instagram, false));
    assert_eq!(images_shown(Network::Instagram, 5), 1);
    assert_eq!(images_shown(Network::LinkedIn, 9), 4);
    assert_eq!(images_shown(Network::Bluesky, 2), 2);
    assert_eq!(images_shown(Network::X, 0), 0);
}
