//! Import validation: nothing is accepted unless the whole file is right, and every problem
//! names its place in the file.

mod domain_support;

use attache::domain::backup::{
    as_new_workspace, parse_backup, Backup, ImportError, Problem, Scope, MAX_LISTED_PROBLEMS,
};
use attache::domain::library::{queue_id, Body, LibraryItem, SnippetKind};
use attache::domain::note::Note;
use attache::domain::post::Post;
use attache::domain::queue::Slot;
use attache::domain::workspace::{NameError, Workspace};
use serde_json::{json, Value};

/// A small valid export (also the fuzz command's seed for the import file).
fn valid() -> Value {
    serde_json::from_str(include_str!("fixtures/backup.json")).unwrap()
}

fn problems(v: Value) -> Vec<(String, Problem)> {
    match parse_backup(&v.to_string()) {
        Err(ImportError::Problems { listed, .. }) => {
            listed.into_iter().map(|p| (p.path, p.problem)).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_valid_export_is_read_whole() {
    let backup = parse_backup(&valid().to_string()).unwrap();
    assert_eq!(backup.scope, Scope::All);
    assert_eq!(backup.workspaces.len(), 2);
    assert_eq!(backup.notes[0].text, "Launch day 🎉");
    assert_eq!(backup.record_count(), 4);
}

#[test]
fn a_key_given_twice_counts_once_the_last_one_as_it_was_checked() {
    // A hand-edited file: the first workspace's name given twice. The check reads the last
    // one; the import must read the same, not refuse the file.
    let text = valid().to_string();
    let first = valid()["workspaces"][0]["name"]
        .as_str()
        .unwrap()
        .to_string();
    let at = text.find(&format!("\"name\":\"{first}\"")).unwrap();
    let twice = format!("{}\"name\":\"Old name\",{}", &text[..at], &text[at..]);
    let backup = parse_backup(&twice).unwrap();
    assert_eq!(backup.workspaces[0].name, first);
}

#[test]
fn an_export_survives_a_round_trip_through_its_own_json() {
    let mut b = Backup::new(Scope::All, 5.0);
    b.workspaces.push(Workspace {
        id: "w".into(),
        name: "Ünïcödé 👩‍💻".into(),
        created_at: 1.5,
    });
    b.notes.push(Note {
        id: "n".into(),
        workspace_id: "w".into(),
        title: "t".into(),
        text: "x".into(),
        url: "https://e.example/?a=1".into(),
        created_at: 2.0,
    });
    let text = serde_json::to_string(&b).unwrap();
    assert_eq!(parse_backup(&text).unwrap(), b);
}

#[test]
fn malformed_json_says_where_it_breaks() {
    assert_eq!(
        parse_backup("{\n  \"format\": \"attache-backup\",\n  oops\n}"),
        Err(ImportError::NotJson { line: 3, column: 3 })
    );
    assert!(matches!(parse_backup(""), Err(ImportError::NotJson { .. })));
}

#[test]
fn json_that_is_not_an_attache_export_is_refused_as_such() {
    assert_eq!(parse_backup("[1,2,3]"), Err(ImportError::NotABackup));
    assert_eq!(
        parse_backup(r#"{"format":"buffer-export","version":1}"#),
        Err(ImportError::NotABackup)
    );
    assert_eq!(
        parse_backup(r#"{"format":"attache-backup","version":"one"}"#),
        Err(ImportError::NotABackup)
    );
}

#[test]
fn a_file_from_a_newer_version_is_refused_with_its_version() {
    let mut v = valid();
    v["version"] = json!(7);
    assert_eq!(
        parse_backup(&v.to_string()),
        Err(ImportError::NewerVersion { found: 7 })
    );
}

#[test]
fn missing_fields_are_reported_by_path() {
    let mut v = valid();
    v["workspaces"][1].as_object_mut().unwrap().remove("name");
    v["notes"][0].as_object_mut().unwrap().remove("created_at");
    v.as_object_mut().unwrap().remove("scope");
    assert_eq!(
        problems(v),
        vec![
            ("scope".into(), Problem::Missing),
            ("workspaces[1].name".into(), Problem::Missing),
            ("notes[0].created_at".into(), Problem::Missing),
        ]
    );
}

#[test]
fn wrong_types_are_reported_by_path() {
    let mut v = valid();
    v["workspaces"][0]["created_at"] = json!("yesterday");
    v["notes"][0]["title"] = json!(42);
    v["notes"] = json!([v["notes"][0].clone(), "not an object"]);
    assert_eq!(
        problems(v),
        vec![
            (
                "workspaces[0].created_at".into(),
                Problem::WrongType { expected: "number" }
            ),
            (
                "notes[0].title".into(),
                Problem::WrongType { expected: "text" }
            ),
            ("notes[1]".into(), Problem::WrongType { expected: "object" }),
        ]
    );
}

#[test]
fn duplicate_ids_and_dangling_references_are_reported() {
    let mut v = valid();
    v["workspaces"][1]["id"] = json!("w1");
    assert_eq!(
        problems(v),
        vec![
            ("workspaces[1].id".into(), Problem::DuplicateId("w1".into())),
            (
                "notes[0].workspace_id".into(),
                Problem::UnknownWorkspace("w2".into())
            ),
        ]
    );
}

#[test]
fn names_follow_the_same_rules_as_in_the_app() {
    let mut v = valid();
    v["workspaces"][1]["name"] = json!("café lumière");
    assert_eq!(
        problems(v),
        vec![(
            "workspaces[1].name".into(),
            Problem::BadName(NameError::Taken)
        )]
    );
}

#[test]
fn a_file_with_thousands_of_problems_lists_a_readable_number_and_counts_all() {
    let mut v = valid();
    v["notes"] = Value::Array(
        (0..5000)
            .map(|i| json!({ "id": format!("n{i}"), "created_at": 1.0 }))
            .collect(),
    );
    match parse_backup(&v.to_string()) {
        Err(ImportError::Problems { listed, total }) => {
            assert_eq!(listed.len(), MAX_LISTED_PROBLEMS);
            assert_eq!(total, 5000);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_50_megabyte_export_is_validated_whole() {
    let text = "x".repeat(480);
    let notes: Vec<Value> = (0..100_000)
        .map(|i| json!({ "id": format!("note-{i:06}"), "workspace_id": "w1", "title": "t", "text": text, "url": "", "created_at": i as f64 }))
        .collect();
    let mut v = valid();
    v["notes"] = Value::Array(notes);
    let file = v.to_string();
    assert!(file.len() > 50_000_000, "{} bytes", file.len());
    let backup = parse_backup(&file).unwrap();
    assert_eq!(backup.notes.len(), 100_000);
    assert_eq!(backup.notes[99_999].id, "note-099999");
}

#[test]
fn a_workspace_import_gets_fresh_ids_and_a_free_name() {
    let backup = parse_backup(&valid().to_string()).unwrap();
    let mut backup = backup;
    backup.workspaces.remove(0); // a one-workspace export of Northwind with its note
    let mut n = 0;
    let new = as_new_workspace(
        &backup,
        &["Northwind".into(), "Northwind (2)".into()],
        || {
            n += 1;
            format!("new{n}")
        },
    )
    .unwrap();
    let (ws, notes) = (new.workspace, new.notes);
    assert_eq!(
        (ws.id.as_str(), ws.name.as_str()),
        ("new1", "Northwind (3)")
    );
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].id.as_str(), notes[0].workspace_id.as_str()),
        ("new2", "new1")
    );
    assert_eq!(notes[0].text, "Launch day 🎉");
}

#[test]
fn a_workspace_import_brings_its_member_records_and_the_marks_of_its_forgotten() {
    use attache::domain::member_record::{scrub, Forgotten, Marks};
    let mut v = valid();
    v["version"] = json!(3);
    v["scope"] = json!("workspace");
    v["workspaces"].as_array_mut().unwrap().remove(0);
    v["notes"] = json!([]);
    v["members"] = json!([
        { "id": "w2:mastodon:dan@x.test", "workspace_id": "w2", "key": "mastodon:dan@x.test", "tags": ["ambassadeur"], "updated_at": 1.0 },
        { "id": "w2:mastodon:erin@x.test", "workspace_id": "w2", "key": "mastodon:erin@x.test", "tags": ["vip"], "updated_at": 1.0 }
    ]);
    let fay = Forgotten::new("w2", "mastodon:fay@x.test", 5.0);
    v["forgotten"] = serde_json::to_value(vec![&fay]).unwrap();
    let backup = parse_backup(&v.to_string()).unwrap();
    let mut n = 0;
    let new = as_new_workspace(&backup, &[], || {
        n += 1;
        format!("new{n}")
    })
    .unwrap();
    assert_eq!(new.came_from, "w2");
    let records: Vec<(&str, &str, &str)> = new
        .members
        .iter()
        .map(|r| (r.id.as_str(), r.workspace_id.as_str(), r.tags[0].as_str()))
        .collect();
    assert_eq!(
        records,
        vec![
            ("new1:mastodon:dan@x.test", "new1", "ambassadeur"),
            ("new1:mastodon:erin@x.test", "new1", "vip")
        ]
    );
    // Nothing forgotten on this device since: both records, fay's mark under the new id.
    let (members, marks) = new.members_and_marks(&[]);
    assert_eq!(members.len(), 2);
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].id, format!("new1:{}", fay.mark));
    assert_eq!(marks[0].workspace_id, "new1");
    // Erin was forgotten in the original workspace, still here, after the file was made:
    // her record stays out and her mark comes along; another workspace's marks do not.
    let erin = Forgotten::new("w2", "mastodon:erin@x.test", 9.0);
    let elsewhere = Forgotten::new("w1", "mastodon:dan@x.test", 9.0);
    let (members, marks) = new.members_and_marks(&[erin, elsewhere]);
    let kept: Vec<&str> = members.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(kept, vec!["mastodon:dan@x.test"]);
    assert_eq!(marks.len(), 2);
    // In the new workspace, the marks still know whom they are of: a sync's page from
    // before their forgetting is scrubbed, what they write after is kept.
    let marks_here = Marks::new(&marks);
    assert_eq!(marks_here.forgotten_at("mastodon:fay@x.test"), Some(5.0));
    assert_eq!(marks_here.forgotten_at("mastodon:erin@x.test"), Some(9.0));
    assert_eq!(marks_here.forgotten_at("mastodon:dan@x.test"), None);
    let sign = |handle: &str, at: f64| attache::domain::interaction::Interaction {
        workspace_id: "new1".into(),
        ..domain_support::favourite(&format!("s-{handle}-{at}"), handle, at)
    };
    let mut signs = vec![
        sign("fay@x.test", 4.0),
        sign("fay@x.test", 6.0),
        sign("dan@x.test", 4.0),
    ];
    assert_eq!(scrub("new1", &marks, &mut [], &mut signs), 1);
    let left: Vec<&str> = signs.iter().map(|s| s.who_handle.as_str()).collect();
    assert_eq!(left, vec!["", "fay@x.test", "dan@x.test"]);
}

fn with_library() -> Value {
    let mut v = valid();
    v["library"] = json!([
        { "id": "s1", "workspace_id": "w2", "kind": "snippet", "snippet_kind": "signature",
          "title": "Sign-off", "text": "— Camille", "updated_at": 4.0 },
        { "id": "c1", "workspace_id": "w2", "kind": "campaign", "name": "Summer sale",
          "colour": "#b91c1c", "created_at": 5.0 },
        { "id": "queue:w2", "workspace_id": "w2", "kind": "queue",
          "slots": [ { "weekday": 0, "minute": 540 } ] }
    ]);
    v
}

#[test]
fn a_file_with_a_library_is_read_whole_and_counted() {
    let backup = parse_backup(&with_library().to_string()).unwrap();
    assert_eq!(backup.library.len(), 3);
    assert_eq!(
        backup.library[0].body,
        Body::Snippet {
            snippet_kind: SnippetKind::Signature,
            title: "Sign-off".into(),
            text: "— Camille".into(),
            updated_at: 4.0,
            code: String::new(),
            language: String::new(),
        }
    );
    assert!(backup.library[1].is_campaign());
    assert_eq!(
        backup.library[2].body,
        Body::Queue {
            slots: vec![Slot::new(0, 540).unwrap()]
        }
    );
    // 2 workspaces + 1 note + 3 library items + preferences.
    assert_eq!(backup.record_count(), 7);
}

#[test]
fn an_older_export_without_a_library_still_reads() {
    let mut v = valid();
    let root = v.as_object_mut().unwrap();
    root.remove("library");
    root.remove("posts");
    let backup = parse_backup(&v.to_string()).unwrap();
    assert!(backup.library.is_empty() && backup.posts.is_empty());
    assert_eq!(backup.record_count(), 4);
}

#[test]
fn a_library_item_of_an_unknown_workspace_is_reported_by_path() {
    let mut v = with_library();
    v["library"][0]["workspace_id"] = json!("w9");
    assert_eq!(
        problems(v),
        vec![(
            "library[0].workspace_id".into(),
            Problem::UnknownWorkspace("w9".into())
        )]
    );
}

#[test]
fn a_library_item_with_a_bad_body_is_reported_by_path() {
    let mut v = with_library();
    v["library"][1].as_object_mut().unwrap().remove("colour");
    v["library"][2]["kind"] = json!("template");
    assert_eq!(
        problems(v),
        vec![
            ("library[1]".into(), Problem::BadValue),
            ("library[2]".into(), Problem::BadValue),
        ]
    );
    let mut v = with_library();
    v["library"][2]["slots"][0]["minute"] = json!("nine");
    v["library"] = json!([v["library"][0].clone(), v["library"][2].clone(), 7]);
    assert_eq!(
        problems(v),
        vec![
            ("library[1]".into(), Problem::BadValue),
            (
                "library[2]".into(),
                Problem::WrongType { expected: "object" }
            ),
        ]
    );
}

#[test]
fn duplicate_library_ids_are_reported() {
    let mut v = with_library();
    v["library"][2]["id"] = json!("s1");
    assert_eq!(
        problems(v),
        vec![("library[2].id".into(), Problem::DuplicateId("s1".into()))]
    );
}

#[test]
fn a_library_that_is_not_a_list_is_reported() {
    let mut v = valid();
    v["library"] = json!({ "s1": {} });
    assert_eq!(
        problems(v),
        vec![("library".into(), Problem::WrongType { expected: "list" })]
    );
}

#[test]
fn a_workspace_import_brings_its_library_under_fresh_ids() {
    let mut backup = parse_backup(&with_library().to_string()).unwrap();
    backup.scope = Scope::Workspace;
    backup.workspaces.remove(0); // a one-workspace export of Northwind
    backup.library.push(LibraryItem {
        id: "c2".into(),
        workspace_id: "w2".into(),
        body: Body::Campaign {
            name: "Rentrée".into(),
            colour: "#1d4ed8".into(),
            created_at: 6.0,
        },
    });
    let mut post = Post::new("p1".into(), "w2".into(), 7.0);
    post.base_text = "Sale starts today".into();
    post.campaigns = vec!["c2".into(), "gone".into(), "c1".into()];
    backup.posts.push(post.clone());

    let mut n = 0;
    let new = as_new_workspace(&backup, &[], || {
        n += 1;
        format!("new{n}")
    })
    .unwrap();
    let ws = new.workspace.id.clone();
    assert_eq!(new.workspace.name, "Northwind");

    let old_ids = ["w2", "n1", "s1", "c1", "c2", "queue:w2", "p1"];
    let mut new_ids: Vec<&str> = std::iter::once(ws.as_str())
        .chain(new.notes.iter().map(|n| n.id.as_str()))
        .chain(new.library.iter().map(|i| i.id.as_str()))
        .chain(new.posts.iter().map(|p| p.id.as_str()))
        .collect();
    assert_eq!(new_ids.len(), 1 + 1 + 4 + 1);
    assert!(
        new_ids.iter().all(|id| !old_ids.contains(id)),
        "{new_ids:?}"
    );
    new_ids.sort();
    new_ids.dedup();
    assert_eq!(new_ids.len(), 7, "ids are not unique");

    assert!(new.library.iter().all(|i| i.workspace_id == ws));
    let bodies: Vec<&Body> = new.library.iter().map(|i| &i.body).collect();
    let old_bodies: Vec<&Body> = backup.library.iter().map(|i| &i.body).collect();
    assert_eq!(bodies, old_bodies);

    let queue: Vec<&LibraryItem> = new
        .library
        .iter()
        .filter(|i| matches!(i.body, Body::Queue { .. }))
        .collect();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].id, format!("queue:{ws}"));
    assert_eq!(queue[0].id, queue_id(&ws));

    let campaign_id = |name: &str| {
        new.library
            .iter()
            .find(|i| matches!(&i.body, Body::Campaign { name: n, .. } if n == name))
            .unwrap()
            .id
            .clone()
    };
    assert_eq!(new.posts.len(), 1);
    let p = &new.posts[0];
    assert_eq!(p.workspace_id, ws);
    assert_eq!(p.base_text, "Sale starts today");
    assert_eq!(
        p.campaigns,
        vec![campaign_id("Rentrée"), campaign_id("Summer sale")]
    );
}

#[test]
fn a_workspace_import_leaves_other_workspaces_library_behind() {
    let mut backup = parse_backup(&with_library().to_string()).unwrap();
    backup.library[0].workspace_id = "w1".into();
    backup.workspaces.remove(1); // keep Café Lumière (w1) only
    let mut n = 0;
    let new = as_new_workspace(&backup, &[], || {
        n += 1;
        format!("new{n}")
    })
    .unwrap();
    assert!(new.notes.is_empty());
    assert_eq!(new.library.len(), 1);
    assert_eq!(new.library[0].body, backup.library[0].body);
    assert_eq!(new.library[0].workspace_id, new.workspace.id);
}

#[test]
fn images_travel_as_base64_and_bad_ones_are_named_by_their_place() {
    use attache::domain::backup::MediaFile;
    let bytes = [0x89u8, 0x50, 0x4e, 0x47, 0xff, 0x00];
    let m = MediaFile::new("i1", "p1", "image/png", &bytes);
    assert_eq!(m.bytes().unwrap(), bytes);
    let mut v = valid();
    v["version"] = json!(2);
    v["posts"] = json!([serde_json::to_value(Post::new("p1".into(), "w1".into(), 1.0)).unwrap()]);
    v["media"] = json!([serde_json::to_value(&m).unwrap()]);
    let b = parse_backup(&v.to_string()).unwrap();
    assert!(b.carries_media());
    assert_eq!(b.media, vec![m.clone()]);
    assert_eq!(
        b.record_count(),
        2 + 1 + 1 + 1 + 1,
        "workspaces, notes, posts, media, preferences"
    );

    v["media"] = json!([
        { "id": "i1", "post_id": "p9", "mime": "image/png", "data": m.data },
        { "id": "i2", "post_id": "p1", "mime": "image/png", "data": "not base64 ☕" },
        { "id": "i2", "post_id": "p1", "mime": "image/png", "data": m.data }
    ]);
    assert_eq!(
        problems(v),
        vec![
            ("media[0].post_id".into(), Problem::UnknownPost("p9".into())),
            ("media[1].data".into(), Problem::BadValue),
            ("media[2].id".into(), Problem::DuplicateId("i2".into())),
        ]
    );
}

#[test]
fn a_version_one_file_has_no_images_and_says_so() {
    let b = parse_backup(&valid().to_string()).unwrap();
    assert!(!b.carries_media());
    assert!(b.media.is_empty());
}

#[test]
fn member_records_and_marks_are_read_checked_and_kept_out_when_forgotten() {
    // An older file has none: the import keeps the device's.
    assert_eq!(parse_backup(&valid().to_string()).unwrap().members, None);
    let mut v = valid();
    v["version"] = json!(3);
    v["members"] = json!([
        { "id": "w1:mastodon:dan@x.test", "workspace_id": "w1", "key": "mastodon:dan@x.test", "tags": ["ambassadeur"], "updated_at": 1.0 },
        { "id": "w2:mastodon:erin@x.test", "workspace_id": "w2", "key": "mastodon:erin@x.test", "notes": [], "updated_at": 1.0 }
    ]);
    let erin = attache::domain::member_record::Forgotten::new("w2", "mastodon:erin@x.test", 5.0);
    v["forgotten"] = serde_json::to_value(vec![&erin]).unwrap();
    let b = parse_backup(&v.to_string()).unwrap();
    assert_eq!(b.members.as_ref().map(Vec::len), Some(2));
    assert_eq!(b.record_count(), 2 + 1 + 2 + 1 + 1);
    // Erin was forgotten (in the file): her record is not written; with a mark of the
    // device for dan, neither is his.
    let kept: Vec<String> = b.members_to_keep(&[]).into_iter().map(|r| r.key).collect();
    assert_eq!(kept, vec!["mastodon:dan@x.test"]);
    let dan = attache::domain::member_record::Forgotten::new("w1", "mastodon:dan@x.test", 6.0);
    assert!(b.members_to_keep(std::slice::from_ref(&dan)).is_empty());
    // A mark of another workspace is no mark here.
    let elsewhere =
        attache::domain::member_record::Forgotten::new("w2", "mastodon:dan@x.test", 6.0);
    assert_eq!(b.members_to_keep(&[elsewhere]).len(), 1);
    // A mark that came with w1 from another device's workspace (hashed with that one's id).
    let carried = attache::domain::member_record::Forgotten::new("w0", "mastodon:dan@x.test", 6.0);
    assert!(b.members_to_keep(&[carried.moved_to("w1")]).is_empty());

    v["members"][0]["workspace_id"] = json!("w9");
    v["members"][1]["tags"] = json!("not a list");
    assert_eq!(
        problems(v),
        vec![
            (
                "members[0].workspace_id".into(),
                Problem::UnknownWorkspace("w9".into())
            ),
            ("members[1]".into(), Problem::BadValue),
        ]
    );
}

/// A version-4 file whose workspaces keep follow-ups, a segment, weights and dismissed
/// suggestions; dan was forgotten in w2 (a mark in the file).
fn with_documents() -> Value {
    let mut v = valid();
    v["version"] = json!(4);
    let dan = attache::domain::member_record::Forgotten::new("w2", "mastodon:dan@x.test", 5.0);
    v["forgotten"] = serde_json::to_value(vec![&dan]).unwrap();
    v["documents"] = json!([
        { "kind": "follow-ups", "workspace_id": "w2", "value": [
            { "id": "f1", "member_key": "mastodon:dan@x.test", "member_name": "Dan", "what": "Rappeler Dan", "due": 9.0, "created_at": 1.0 },
            { "id": "f2", "member_key": "mastodon:erin@x.test", "member_name": "Erin", "what": "Envoyer le devis", "due": 9.0, "created_at": 1.0 }
        ] },
        { "kind": "segments", "workspace_id": "w2", "value": [ { "name": "Ambassadeurs", "filter": { "levels": [1, 2] } } ] },
        { "kind": "member-weights", "workspace_id": "w1", "value": { "reply": 9 } },
        { "kind": "merge-dismissed", "workspace_id": "w2", "value": [
            ["mastodon:dan@x.test", "bluesky:dan.test"], ["mastodon:erin@x.test", "bluesky:erin.test"]
        ] }
    ]);
    v
}

#[test]
fn the_workspaces_settings_documents_travel_without_what_concerns_the_forgotten() {
    let b = parse_backup(&with_documents().to_string()).unwrap();
    assert!(b.carries_documents());
    assert_eq!(b.documents.len(), 4);
    assert_eq!(b.documents[0].key(), "follow-ups:w2");
    let kept = b.documents_to_keep(&[]);
    assert_eq!(
        kept[0].value,
        json!([{ "id": "f2", "member_key": "mastodon:erin@x.test", "member_name": "Erin", "what": "Envoyer le devis", "due": 9.0, "created_at": 1.0 }]),
        "dan's follow-up stays out"
    );
    assert_eq!(kept[1], b.documents[1], "a segment names nobody");
    assert_eq!(
        kept[3].value,
        json!([["mastodon:erin@x.test", "bluesky:erin.test"]])
    );
    // Forgotten on the device since (erin): out too; a mark of another workspace is not.
    let erin = attache::domain::member_record::Forgotten::new("w2", "mastodon:erin@x.test", 6.0);
    let elsewhere =
        attache::domain::member_record::Forgotten::new("w1", "mastodon:dan@x.test", 6.0);
    let kept = b.documents_to_keep(&[erin.clone(), elsewhere]);
    assert_eq!(kept[0].value, json!([]));
    assert_eq!(kept[3].value, json!([]));
    // An older file has none, and says so: the device keeps its own.
    let old = parse_backup(&valid().to_string()).unwrap();
    assert!(!old.carries_documents() && old.documents.is_empty());

    // A one-workspace file: w2's documents under the new id, the device's marks applied.
    let mut v = with_documents();
    v["scope"] = json!("workspace");
    v["workspaces"].as_array_mut().unwrap().remove(0);
    v["documents"].as_array_mut().unwrap().remove(2);
    v["notes"] = json!([]);
    let one = parse_backup(&v.to_string()).unwrap();
    let new = as_new_workspace(&one, &[], || "new1".to_string()).unwrap();
    let keys: Vec<String> = new.documents.iter().map(|d| d.key()).collect();
    assert_eq!(
        keys,
        vec!["follow-ups:new1", "segments:new1", "merge-dismissed:new1"]
    );
    let kept = new.documents_to_keep(&[erin]);
    assert_eq!(
        kept[0].value,
        json!([]),
        "dan (in the file) and erin (here) both forgotten"
    );
}

#[test]
fn a_settings_document_of_an_unknown_kind_or_shape_is_refused_by_its_path() {
    let mut v = with_documents();
    v["documents"][0]["value"][0]["due"] = json!("tomorrow");
    v["documents"][2]["kind"] = json!("bluesky");
    v["documents"][3] = json!({ "kind": "segments", "workspace_id": "w2", "value": [] });
    v["documents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "kind": "listening", "workspace_id": "w1" }));
    v["documents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "kind": "member-weights", "workspace_id": "w9", "value": {} }));
    assert_eq!(
        problems(v),
        vec![
            ("documents[0].value".into(), Problem::BadValue),
            ("documents[2].kind".into(), Problem::BadValue),
            (
                "documents[3]".into(),
                Problem::DuplicateId("segments:w2".into())
            ),
            ("documents[4].value".into(), Problem::Missing),
            (
                "documents[5].workspace_id".into(),
                Problem::UnknownWorkspace("w9".into())
            ),
        ]
    );
}

/// Saved Inbox views are checked for the filter the Inbox reads: a list it does not know, or
/// a view without its name, is refused by its path; a good view travels.
#[test]
fn saved_inbox_views_are_checked_for_the_filter_the_inbox_reads() {
    let mut v = with_documents();
    v["documents"].as_array_mut().unwrap().push(json!({
        "kind": "inbox-views", "workspace_id": "w1",
        "value": [ { "name": "Livraisons", "filter": { "tab": "All", "label": "livraison", "question": true } } ]
    }));
    let b = parse_backup(&v.to_string()).unwrap();
    assert_eq!(b.documents.len(), 5);
    assert_eq!(b.documents[4].key(), "inbox-views:w1");
    v["documents"][4]["value"][0]["filter"]["tab"] = json!("Everything");
    assert_eq!(
        problems(v.clone()),
        vec![("documents[4].value".into(), Problem::BadValue)]
    );
    v["documents"][4]["value"] = json!([{ "filter": {} }]);
    assert_eq!(
        problems(v),
        vec![("documents[4].value".into(), Problem::BadValue)]
    );
}
