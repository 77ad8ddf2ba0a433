//! The content library: hashtag sets, snippets, campaigns and their colours, and the JSON
//! shape of the library store's records.

use attache::domain::library::{
    campaign, hashtag_set, queue_id, snippet, Body, LibraryError, LibraryItem, SnippetKind,
    MAX_SNIPPET, MAX_TITLE, PALETTE,
};
use attache::domain::queue::Slot;
use serde_json::{json, Value};

#[test]
fn a_hashtag_set_turns_each_entry_into_one_tag_and_drops_duplicates() {
    assert_eq!(
        hashtag_set("coffee, #Latte art\nlatte art"),
        "#coffee #LatteArt"
    );
    assert_eq!(
        hashtag_set("tea; herbal tea\ngreen"),
        "#tea #herbalTea #green"
    );
    // The first spelling wins.
    assert_eq!(hashtag_set("Coffee, coffee\n#COFFEE"), "#Coffee");
}

#[test]
fn tags_already_written_on_one_line_stay_separate() {
    assert_eq!(hashtag_set("#a #b"), "#a #b");
    assert_eq!(hashtag_set("#brunch #Paris, #brunch"), "#brunch #Paris");
    // A `#` starts a new tag; words after it without one join it.
    assert_eq!(hashtag_set("#launch day #paris"), "#launchDay #paris");
    assert_eq!(hashtag_set("coffee #tea"), "#coffee #tea");
}

#[test]
fn a_hashtag_keeps_accents_and_drops_punctuation() {
    assert_eq!(hashtag_set("café"), "#café");
    assert_eq!(hashtag_set("crème brûlée"), "#crèmeBrûlée");
    assert_eq!(
        hashtag_set("rock'n'roll!, (summer) sale, open_source"),
        "#rocknroll #summerSale #open_source"
    );
}

#[test]
fn an_empty_hashtag_set_is_empty() {
    assert_eq!(hashtag_set(""), "");
    assert_eq!(hashtag_set("  ,\n ; # , !!"), "");
}

#[test]
fn a_snippet_title_is_trimmed_and_its_inner_spaces_folded() {
    assert_eq!(
        snippet(SnippetKind::Signature, "  Sign \t  off\n ", "— Camille"),
        Ok(("Sign off".to_string(), "— Camille".to_string()))
    );
}

#[test]
fn a_snippet_needs_a_title_and_a_text() {
    assert_eq!(
        snippet(SnippetKind::Answer, "   ", "Thanks!"),
        Err(LibraryError::Empty)
    );
    assert_eq!(
        snippet(SnippetKind::Answer, "Thanks", " \n\t "),
        Err(LibraryError::Empty)
    );
    // A hashtag set with no usable word is empty too.
    assert_eq!(
        snippet(SnippetKind::Hashtags, "Tags", "#, !!"),
        Err(LibraryError::Empty)
    );
}

#[test]
fn a_title_is_measured_in_graphemes() {
    let flag = "🇫🇷"; // two code points, one grapheme
    let fits = flag.repeat(MAX_TITLE);
    assert_eq!(
        snippet(SnippetKind::Other, &fits, "x").map(|(t, _)| t),
        Ok(fits.clone())
    );
    assert_eq!(
        snippet(SnippetKind::Other, &flag.repeat(MAX_TITLE + 1), "x"),
        Err(LibraryError::TooLong)
    );
    assert_eq!(
        snippet(SnippetKind::Other, &"a".repeat(MAX_TITLE + 1), "x"),
        Err(LibraryError::TooLong)
    );
}

#[test]
fn a_snippet_text_has_a_length_limit() {
    assert!(snippet(SnippetKind::Answer, "t", &"é".repeat(MAX_SNIPPET)).is_ok());
    assert_eq!(
        snippet(SnippetKind::Answer, "t", &"é".repeat(MAX_SNIPPET + 1)),
        Err(LibraryError::TooLong)
    );
}

#[test]
fn a_hashtag_snippet_is_normalised_and_others_keep_their_lines() {
    assert_eq!(
        snippet(
            SnippetKind::Hashtags,
            "Café",
            "coffee, #Latte art\nlatte art"
        ),
        Ok(("Café".to_string(), "#coffee #LatteArt".to_string()))
    );
    let answer = "\n  Thanks for writing!\n\n— Camille, Café Lumière  \n";
    for kind in [
        SnippetKind::Signature,
        SnippetKind::Answer,
        SnippetKind::Other,
    ] {
        assert_eq!(
            snippet(kind, "Reply", answer).map(|(_, text)| text),
            Ok("Thanks for writing!\n\n— Camille, Café Lumière".to_string()),
            "{kind:?}"
        );
    }
}

#[test]
fn a_campaign_colour_is_a_lowercase_hex_colour() {
    assert_eq!(
        campaign("  Summer   sale ", " #1D4ED8 ", []),
        Ok(("Summer sale".to_string(), "#1d4ed8".to_string()))
    );
    for bad in [
        "", "1d4ed8", "#1d4ed", "#1d4ed80", "#ggg000", "blue", "#1d4éd", "#1d 4ed",
    ] {
        assert_eq!(
            campaign("Summer sale", bad, []),
            Err(LibraryError::BadColour),
            "{bad:?}"
        );
    }
}

#[test]
fn a_campaign_name_is_unique_in_its_workspace_ignoring_case() {
    let others = ["Summer sale", "Rentrée"];
    assert_eq!(
        campaign("summer SALE", "#047857", others),
        Err(LibraryError::Taken)
    );
    assert_eq!(
        campaign("  RENTRÉE ", "#047857", others),
        Err(LibraryError::Taken)
    );
    assert_eq!(
        campaign("Winter sale", "#047857", others),
        Ok(("Winter sale".to_string(), "#047857".to_string()))
    );
    assert_eq!(campaign(" ", "#047857", others), Err(LibraryError::Empty));
    assert_eq!(
        campaign(&"x".repeat(MAX_TITLE + 1), "#047857", others),
        Err(LibraryError::TooLong)
    );
}

/// WCAG 2 relative luminance of a `#rrggbb` colour.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast_with_white(hex: &str) -> f64 {
    (1.0 + 0.05) / (luminance(hex) + 0.05)
}

#[test]
fn the_contrast_helper_matches_known_values() {
    assert!((contrast_with_white("#ffffff") - 1.0).abs() < 1e-9);
    assert!((contrast_with_white("#000000") - 21.0).abs() < 1e-9);
    // #767676 is the classic lightest grey that passes on white (4.54:1).
    assert!((contrast_with_white("#767676") - 4.54).abs() < 0.01);
}

#[test]
fn every_palette_colour_is_readable_under_white_text() {
    for colour in PALETTE {
        assert_eq!(campaign("c", colour, []).map(|(_, c)| c), Ok(colour.into()));
        let ratio = contrast_with_white(colour);
        assert!(ratio >= 4.5, "{colour} has {ratio:.2}:1 with white");
    }
    let mut distinct = PALETTE.to_vec();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), PALETTE.len());
}

#[test]
fn a_workspace_queue_record_has_a_fixed_id() {
    assert_eq!(queue_id("w1"), "queue:w1");
    assert_ne!(queue_id("w1"), queue_id("w2"));
}

#[test]
fn a_snippet_is_a_flat_json_record_tagged_by_kind() {
    let item = LibraryItem {
        id: "s1".into(),
        workspace_id: "w1".into(),
        body: Body::Snippet {
            snippet_kind: SnippetKind::Hashtags,
            title: "Café".into(),
            text: "#coffee #LatteArt".into(),
            updated_at: 12.5,
            code: String::new(),
            language: String::new(),
        },
    };
    let value = serde_json::to_value(&item).unwrap();
    assert_eq!(
        value,
        json!({
            "id": "s1", "workspace_id": "w1", "kind": "snippet", "snippet_kind": "hashtags",
            "title": "Café", "text": "#coffee #LatteArt", "updated_at": 12.5
        })
    );
    let back: LibraryItem = serde_json::from_str(&value.to_string()).unwrap();
    assert_eq!(back, item);
    assert!(back.is_snippet() && !back.is_campaign());
}

#[test]
fn a_campaign_record_round_trips() {
    let item = LibraryItem {
        id: "c1".into(),
        workspace_id: "w1".into(),
        body: Body::Campaign {
            name: "Summer sale".into(),
            colour: "#b91c1c".into(),
            created_at: 3.0,
        },
    };
    let value = serde_json::to_value(&item).unwrap();
    assert_eq!(value["kind"], "campaign");
    assert_eq!(value["colour"], "#b91c1c");
    let back: LibraryItem = serde_json::from_value(value).unwrap();
    assert_eq!(back, item);
    assert!(back.is_campaign() && !back.is_snippet());
}

#[test]
fn a_queue_record_keeps_its_slots() {
    let item = LibraryItem {
        id: queue_id("w1"),
        workspace_id: "w1".into(),
        body: Body::Queue {
            slots: vec![
                Slot::new(0, 9 * 60).unwrap(),
                Slot::new(4, 17 * 60 + 30).unwrap(),
            ],
        },
    };
    let value = serde_json::to_value(&item).unwrap();
    assert_eq!(
        value,
        json!({
            "id": "queue:w1", "workspace_id": "w1", "kind": "queue",
            "slots": [ { "weekday": 0, "minute": 540 }, { "weekday": 4, "minute": 1050 } ]
        })
    );
    let back: LibraryItem = serde_json::from_value(value).unwrap();
    assert_eq!(back, item);
    assert!(!back.is_campaign() && !back.is_snippet());
}

#[test]
fn a_record_of_an_unknown_or_missing_kind_is_refused() {
    let unknown = json!({ "id": "t1", "workspace_id": "w1", "kind": "template", "text": "Hi" });
    assert!(serde_json::from_value::<LibraryItem>(unknown).is_err());
    let untagged = json!({ "id": "t1", "workspace_id": "w1", "name": "Sale", "colour": "#b91c1c", "created_at": 1.0 });
    assert!(serde_json::from_value::<LibraryItem>(untagged).is_err());
    let mut missing_field = json!({ "id": "c1", "workspace_id": "w1", "kind": "campaign", "name": "Sale", "created_at": 1.0 });
    assert!(serde_json::from_value::<LibraryItem>(missing_field.clone()).is_err());
    missing_field["colour"] = Value::from("#b91c1c");
    assert!(serde_json::from_value::<LibraryItem>(missing_field).is_ok());
}

#[test]
fn a_queue_record_with_a_slot_out_of_range_is_refused() {
    for slot in [
        json!({ "weekday": 7, "minute": 540 }),
        json!({ "weekday": 0, "minute": 1440 }),
    ] {
        let record =
            json!({ "id": "queue:w1", "workspace_id": "w1", "kind": "queue", "slots": [slot] });
        assert!(serde_json::from_value::<LibraryItem>(record).is_err());
    }
    let good = json!({ "id": "queue:w1", "workspace_id": "w1", "kind": "queue", "slots": [{ "weekday": 6, "minute": 1439 }] });
    assert!(serde_json::from_value::<LibraryItem>(good).is_ok());
}

#[test]
fn a_routine_is_kept_as_a_library_item_and_read_back_whole() {
    use attache::domain::library::{Body, LibraryItem};
    use attache::domain::routine::{default_routine, routine_id};
    let mut routine = default_routine("ws-1", |step| format!("Étape {}", step.id()), 1.0);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 28).unwrap();
    routine.toggle("overnight", day);
    let item = LibraryItem {
        id: routine_id("ws-1"),
        workspace_id: "ws-1".into(),
        body: Body::Routine {
            routine: routine.clone(),
        },
    };
    let json = serde_json::to_string(&item).unwrap();
    let back: LibraryItem = serde_json::from_str(&json).expect("the stored routine reads back");
    assert_eq!(back, item);
    let Body::Routine { routine: read } = back.body else {
        panic!("a routine")
    };
    assert_eq!(read.done_on(day), vec!["overnight"]);
}
