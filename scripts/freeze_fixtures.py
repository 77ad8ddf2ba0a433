#!/usr/bin/env python3
"""Writes tests/fixtures/v{K}/<store>.json: one record set per past schema version, as the
build that introduced that version wrote it (see tests/fixtures/README.md).

For each version, the commit's own `src/domain` (pure Rust, serde) is built natively in a
scratch crate; every input record below is read into that commit's type and written back
with `serde_json`, exactly as its store wrote it (`store::codec::to_js`). A field that
commit's type did not have is dropped, one it adds by default is filled. The fixtures are
frozen: run this only to add the next version (`scripts/freeze_fixtures.py 13`), never to
rewrite a shipped one.

Usage: scripts/freeze_fixtures.py K [K...]   (from the repository's root; needs cargo)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# The commit that introduced each version: the oldest of
# `git log --format=%h -S"v{K-1}_to_v{K}" -- src/store/schema.rs`.
COMMITS = {2: "0c8e3ad", 3: "db4f31d", 4: "29a1e02", 5: "0f26d73", 6: "e5a9289", 7: "6d1142d",
           8: "3a993a9", 9: "783d891", 10: "0d84fa7", 11: "e6cba37", 12: "776fb1a"}
# (version its store came in, store, type in `domain`).
STORES = [(2, "workspaces", "workspace::Workspace"), (2, "settings", "preferences::Preferences"),
          (2, "notes", "note::Note"), (3, "posts", "post::Post"),
          (4, "library", "library::LibraryItem"), (5, "accounts", "account::Account"),
          (5, "inbox", "inbox::InboxItem"), (5, "metrics", "inbox::MetricSnapshot"),
          (6, "outbox", "outbox::OutboxItem"), (7, "triage", "conversation::Triage"),
          (8, "threads", "thread_context::ThreadContext"),
          (8, "interactions", "interaction::Interaction"),
          (9, "members", "member_record::MemberRecord"),
          (9, "forgotten", "member_record::Forgotten"), (10, "hits", "listening::Hit")]

W = "6f1c2a9e-0001-4c1e-9d3a-000000000001"
W2 = "6f1c2a9e-0002-4c1e-9d3a-000000000002"
MA = "mastodon:https://social.example:109"
BA = "bluesky:did:plc:brand7xq"
inbox1 = {"id": "mastodon:https://social.example:status:9001", "workspace_id": W, "account_id": MA,
  "network": "mastodon", "author_name": "Bob Lemaire", "author_handle": "@bob@social.example",
  "author_url": "https://social.example/@bob", "html": "<p>Merci pour le <a href=\"https://cafe.example/pain\">pain</a> !</p>",
  "text": "Merci pour le pain !", "links": [{"start": 14, "end": 18, "href": "https://cafe.example/pain"}],
  "spoiler": "pain", "at": 1764100000000.0, "url": "https://social.example/@bob/9001",
  "in_reply_to": "9000", "post_id": "post-1", "remote_id": "9001", "cid": "", "thread_root": "9000",
  "thread_root_cid": None, "visibility": "public", "mentions": ["@brand@social.example"],
  "answered_at": 1764100060000.0,
  "profile": {"links": ["https://bob.example"], "verified": ["https://bob.example"], "avatar": "https://social.example/a/bob.png", "lang": "fr", "followers": 321}}
inbox2 = {"id": "bluesky:at://did:plc:carla/app.bsky.feed.post/3kabc", "workspace_id": W, "account_id": BA,
  "network": "bluesky", "author_name": "Carla", "author_handle": "carla.bsky.social",
  "author_url": "https://bsky.app/profile/carla.bsky.social", "html": "", "text": "Ouvert dimanche ? 🥐",
  "at": 1764100300000.5, "url": "https://bsky.app/profile/carla.bsky.social/post/3kabc",
  "remote_id": "at://did:plc:carla/app.bsky.feed.post/3kabc", "cid": "bafyreicarla",
  "thread_root": "at://did:plc:brand7xq/app.bsky.feed.post/3kroot", "thread_root_cid": "bafyreiroot",
  "in_reply_to": "at://did:plc:brand7xq/app.bsky.feed.post/3kroot", "mentions": []}
sign1 = {"id": "mastodon:https://social.example:notif:77", "workspace_id": W, "account_id": MA, "network": "mastodon",
  "kind": "favourite", "who_name": "Dan", "who_handle": "@dan@social.example", "who_url": "https://social.example/@dan",
  "subject": "110", "at": 1764100400000.0, "profile": {"followers": 12}}
sign2 = {"id": "bluesky:follow:did:plc:erin", "workspace_id": W, "account_id": BA, "network": "bluesky",
  "kind": "follow", "who_name": "Erin", "who_handle": "erin.bsky.social", "who_url": "https://bsky.app/profile/erin.bsky.social",
  "subject": None, "at": 1764100500000.0}
sign3 = {"id": "mastodon:https://social.example:notif:78", "workspace_id": W2, "account_id": MA, "network": "mastodon",
  "kind": "boost", "who_name": "Fanny", "who_handle": "@fanny@social.example", "who_url": "https://social.example/@fanny",
  "subject": "111", "at": 1764101000000.0}
remote = {"key": "6b1d0c2e-send-1", "account_id": MA, "ids": ["110", "111"], "rkeys": [], "cids": [],
  "media": [["med-1", "m-55"]], "held_id": None, "held_version": None,
  "problem": None, "metrics": [{"at": 1764200000000.0, "favourites": 5, "boosts": 2, "replies": 1, "quotes": 0}]}
post1 = {"id": "post-1", "workspace_id": W, "base_text": "Le pain du jour : seigle et noix. #boulangerie",
  "variants": [
    {"network": "mastodon", "text": "Le pain du jour : seigle et noix 🌰 #boulangerie",
     "media": [{"id": "med-1", "mime": "image/jpeg", "bytes": 204800, "alt": "Une miche de seigle"}],
     "thread": ["Et demain : brioche."], "content_warning": "food", "language": "fr",
     "published": {"at": 1764090000000.0, "url": "https://social.example/@brand/110"},
     "remote": remote, "link_card": None},
    {"network": "bluesky", "text": None, "media": [], "thread": [], "content_warning": "", "language": "fr",
     "published": None, "remote": None, "link_card": {"uri": "https://cafe.example/pain", "title": "Pain du jour", "description": "Seigle"}}],
  "campaigns": ["camp-1"], "state": "published",
  "history": [{"from": "draft", "to": "publishing", "by": "me", "at": 1764089990000.0},
              {"from": "publishing", "to": "published", "by": "me", "at": 1764090000000.0}],
  "comments": [{"by": "me", "at": 1764080000000.0, "text": "Photo plus claire ?"}],
  "due_at": 1764090000000.0, "repeat_of": None, "reply_to": None, "quote": None,
  "created_at": 1764080000000.0, "updated_at": 1764090000000.0, "version": 4, "edited_in": None}
post2 = {"id": "post-2", "workspace_id": W, "base_text": "Fermé lundi.",
  "variants": [{"network": "mastodon", "text": None}], "state": "draft",
  "created_at": 1764081000000.0, "updated_at": 1764081000000.5,
  "reply_to": {"conversation": "9000", "parent": "9001", "visibility": "public"}}
outbox1 = {"id": "out-1", "workspace_id": W, "post_id": "post-1", "network": "mastodon", "account_id": MA,
  "key": "6b1d0c2e-send-1", "created_at": 1764089990000.0, "due_at": 1764089990000.0,
  "first_attempt_at": 1764089991000.0, "attempts": 2, "next_try_at": 1764089999000.0,
  "state": "sent", "last_error": "network_error", "maybe_sent": True}
outbox2 = {"id": "out-2", "workspace_id": W, "post_id": "post-2", "network": "mastodon", "account_id": MA,
  "key": "6b1d0c2e-send-2", "created_at": 1764081000000.0, "due_at": 1764081500000.0,
  "first_attempt_at": None, "attempts": 1, "next_try_at": 1764082000000.0,
  "state": {"needs_user": {"edit": {"message": "Texte trop long (512 > 500)"}}},
  "last_error": {"rejected": {"status": 422, "message": "Text too long"}}, "maybe_sent": False}
outbox3 = {"id": "out-3", "workspace_id": W, "post_id": "post-2", "network": "mastodon", "account_id": MA,
  "key": "6b1d0c2e-send-3", "created_at": 1764081000000.0, "due_at": 1764081600000.0,
  "attempts": 0, "next_try_at": 1764081600000.0, "state": "waiting"}
INPUTS = {
 "workspaces": [{"id": W, "name": "Café Lumière", "created_at": 1764000000000.0},
                {"id": W2, "name": "Northwind Traders 🚢", "created_at": 1764000360000.5}],
 "settings": [{"key": "preferences", "value": {"lang": "fr", "theme": "dark", "large_text": True, "current_workspace": W2}}],
 "notes": [{"id": "note-1", "workspace_id": W, "title": "Idée", "text": "Un concours de photos", "url": "https://cafe.example/idee", "created_at": 1764010000000.0},
           {"id": "note-2", "workspace_id": W2, "title": "", "text": "Cargo du mardi", "url": "", "created_at": 1764010000001.0}],
 "posts": [post1, post2],
 "library": [
   {"id": "lib-1", "workspace_id": W, "kind": "snippet", "snippet_kind": "signature", "title": "Signature", "text": "— L'équipe du Café", "updated_at": 1764020000000.0},
   {"id": "camp-1", "workspace_id": W, "kind": "campaign", "name": "Automne", "colour": "#b45309", "created_at": 1764020000001.0},
   {"id": "queue-" + W, "workspace_id": W, "kind": "queue", "slots": [{"weekday": 0, "minute": 540}, {"weekday": 4, "minute": 1080}]}],
 "accounts": [
   {"id": MA, "workspace_id": W, "network": "mastodon", "instance": "https://social.example", "remote_id": "109",
    "handle": "@brand@social.example", "display_name": "Café Lumière", "avatar": "https://social.example/a/brand.png",
    "url": "https://social.example/@brand", "token": "mastodon-token-abc", "refresh_token": "", "status": "connected",
    "rules": {"max_characters": 500, "characters_reserved_per_url": 23, "max_media": 4}, "connected_at": 1764030000000.0},
   {"id": BA, "workspace_id": W, "network": "bluesky", "instance": "https://pds.example", "remote_id": "did:plc:brand7xq",
    "handle": "cafe.bsky.social", "display_name": "Café", "avatar": "", "url": "https://bsky.app/profile/cafe.bsky.social",
    "token": "bsky-access-jwt", "refresh_token": "bsky-refresh-jwt", "status": "reconnect_needed", "rules": None,
    "connected_at": 1764030000001.0}],
 "inbox": [inbox1, inbox2],
 "metrics": [{"id": "met-1", "workspace_id": W, "account_id": MA, "status_id": None, "at": 1764040000000.0,
              "followers": 1200, "following": 80, "statuses": 450},
             {"id": "met-2", "workspace_id": W, "account_id": MA, "status_id": "110", "at": 1764040000001.0,
              "favourites": 5, "boosts": 2, "replies": 1, "quotes": 1}],
 "outbox": [outbox1, outbox2, outbox3],
 "triage": [{"id": W + ":9000", "workspace_id": W, "key": "9000", "state": "WaitingOnThem", "state_at": 1764100060000.0,
             "snoozed_until": 1764200000000.0, "priority": "High", "labels": ["commande"], "assignee": "Lou",
             "history": [{"Replied": 1764100060000.0}], "our_replies": ["9002"], "updated_at": 1764100060000.0},
            {"id": W + ":conv-2", "workspace_id": W, "key": "conv-2", "state": "Done", "state_at": 1764100070000.0}],
 "threads": [{"id": W + ":9000", "workspace_id": W, "key": "9000", "fetched_at": 1764100070000.0,
              "messages": [{"item": inbox1, "ours": False}]}],
 "interactions": [sign1, sign2, sign3],
 "members": [{"id": W + ":mastodon:@bob@social.example", "workspace_id": W, "key": "mastodon:@bob@social.example",
              "notes": [{"id": "mn-1", "at": 1764110000000.0, "by": "Lou", "text": "Client fidèle"}],
              "tags": ["vip"], "fields": [{"name": "Ville", "value": "Lyon"}], "teammate": False,
              "merged": ["bluesky:bob.bsky.social"], "negative": [{"url": "https://social.example/@bob/8000", "at": 1764110000001.0}],
              "updated_at": 1764110000002.0}],
 "forgotten": [{"id": W + ":forgotten:1", "workspace_id": W, "mark": "a1b2c3d4", "at": 1764120000000.0}],
 "hits": [{"id": W + ":https://social.example/@fan/77", "workspace_id": W, "uri": "https://social.example/@fan/77",
           "at": 1764130000000.0, "found_at": 1764130001000.0, "searches": ["search-1"], "tags": ["boulangerie"],
           "item": inbox1, "taken": []}],
}

CARGO_TOML = """[package]
name = "attache"
version = "0.1.0"
edition = "2021"

[[bin]]
name = "freeze"
path = "src/main.rs"

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
unicode-segmentation = "1"
unicode-normalization = "0.1"
strsim = "0.11"
rustc-hash = "2"
sha2 = { version = "0.10", default-features = false }
base64 = { version = "0.22", default-features = false, features = ["alloc"] }
chrono = { version = "0.4", default-features = false, features = ["alloc"] }
"""

MAIN_HEAD = """use serde_json::{json, Map, Value};

fn round<T: serde::Serialize + serde::de::DeserializeOwned>(store: &str, v: &Value) -> Value {
    let t: T = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{store}: {e}: {v}"));
    serde_json::to_value(&t).unwrap()
}

fn main() {
    let inputs: Value = serde_json::from_str(&std::fs::read_to_string("inputs.json").unwrap()).unwrap();
    let mut out = Map::new();
"""

# Since v11 the signs are kept in packs of one workspace and ten minutes, their `signs` one
# JSON text (`store::interactions::pack_to_js`).
SIGN_PACKS = """    {
        use attache::domain::interaction::Interaction;
        use attache::domain::sign_pack::{by_pack, SignPack};
        let signs: Vec<Interaction> = serde_json::from_value(inputs["interactions"].clone()).unwrap();
        let mut packs = vec![];
        for ((w, start), group) in by_pack(&signs) {
            let pack = SignPack::new(&w, start as f64, group);
            packs.push(json!({"id": pack.id, "workspace_id": pack.workspace_id, "start": pack.start,
                "who": pack.who, "signs": serde_json::to_string(&pack.signs).unwrap()}));
        }
        out.insert("sign_packs".into(), Value::Array(packs));
    }"""


def main_rs(k):
    body = []
    for since, store, ty in STORES:
        if since > k:
            continue
        if store == "interactions" and k == 8:
            continue  # 3a993a9 made v8 with the threads only; the signs came in bea8a29.
        if store == "interactions" and k >= 11:
            body.append(SIGN_PACKS)
        elif store == "settings":
            body.append(f'    out.insert("settings".into(), Value::Array(inputs["settings"].as_array().unwrap().iter()'
                        f'.map(|d| json!({{"key": d["key"], "value": round::<attache::domain::{ty}>("settings", &d["value"])}})).collect()));')
        else:
            body.append(f'    out.insert("{store}".into(), Value::Array(inputs["{store}"].as_array().unwrap().iter()'
                        f'.map(|r| round::<attache::domain::{ty}>("{store}", r)).collect()));')
    return MAIN_HEAD + "\n".join(body) + '\n    println!("{}", serde_json::to_string(&Value::Object(out)).unwrap());\n}\n'


def freeze(k, repo, scratch):
    commit = COMMITS[k]
    shutil.rmtree(os.path.join(scratch, "src"), ignore_errors=True)
    os.makedirs(os.path.join(scratch, "src"))
    # -m: the files dated now, so cargo rebuilds after the previous version's.
    subprocess.run(f"git -C {repo} archive {commit} src/domain src/domain.rs | tar -x -m -C {scratch}",
                   shell=True, check=True)
    with open(os.path.join(scratch, "src/lib.rs"), "w") as f:
        f.write("pub mod domain;\n")
    with open(os.path.join(scratch, "src/main.rs"), "w") as f:
        f.write(main_rs(k))
    run = subprocess.run(["cargo", "run", "--offline", "-q", "--bin", "freeze"], cwd=scratch,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"v{k} ({commit}):\n{run.stderr[-6000:]}")
    out = json.loads(run.stdout)
    folder = os.path.join(repo, "tests/fixtures", f"v{k}")
    os.makedirs(folder, exist_ok=True)
    for store, records in out.items():
        with open(os.path.join(folder, f"{store}.json"), "w") as f:
            f.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    print(f"v{k} ({commit}):", {s: len(r) for s, r in sorted(out.items())})


def main():
    repo = os.getcwd()
    scratch = tempfile.mkdtemp(prefix="attache-freeze-")
    with open(os.path.join(scratch, "Cargo.toml"), "w") as f:
        f.write(CARGO_TOML)
    shutil.copy(os.path.join(repo, "Cargo.lock"), scratch)
    with open(os.path.join(scratch, "inputs.json"), "w") as f:
        json.dump(INPUTS, f)
    try:
        for k in map(int, sys.argv[1:]):
            freeze(k, repo, scratch)
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
