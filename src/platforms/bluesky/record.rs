//! An `app.bsky.feed.post` record as JSON: the text, its facets (links, mentions resolved to
//! DIDs, hashtags) at UTF-8 byte offsets, the languages, the reply references of a thread
//! part, and an embed (images with alt text and aspect ratio, or a link card the user wrote).

use crate::domain::sorting;
use serde_json::{json, Value};

use super::entities::RecordRef;
use crate::domain::facets::{Facet, FacetKind};
use crate::domain::post::LinkCard;

/// An image already uploaded: the blob reference the PDS gave back, its alt text and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub blob: Value,
    pub alt: String,
    /// Width and height in pixels, when known.
    pub aspect: Option<(u32, u32)>,
}

/// Where a thread part hangs: the thread's first post and the one it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub root: RecordRef,
    pub parent: RecordRef,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewPost<'a> {
    pub text: &'a str,
    /// What `facets::detect` found in `text`.
    pub facets: &'a [Facet],
    /// Handle → DID for the mentions that resolved; the others stay plain text.
    pub dids: &'a [(String, String)],
    /// BCP-47 language tags (`fr`, `en`).
    pub langs: &'a [String],
    /// ISO 8601, UTC.
    pub created_at: &'a str,
    pub reply: Option<Reply>,
    pub images: &'a [Image],
    /// Shown only when there are no images (a post has one embed).
    pub card: Option<&'a LinkCard>,
    /// A post quoted (`at://` URI, content id): a record embed, with the images when there
    /// are some; the card then goes.
    pub quote: Option<(&'a str, &'a str)>,
}

/// The facet JSON for the detected facets; a mention without a DID is left out.
pub fn facets_json(facets: &[Facet], dids: &[(String, String)]) -> Vec<Value> {
    facets
        .iter()
        .filter_map(|f| {
            let feature = match &f.kind {
                FacetKind::Link { uri } => {
                    json!({ "$type": "app.bsky.richtext.facet#link", "uri": uri })
                }
                FacetKind::Mention { handle } => {
                    let did = dids
                        .iter()
                        .find(|(h, _)| h.eq_ignore_ascii_case(handle))
                        .map(|(_, d)| d)?;
                    json!({ "$type": "app.bsky.richtext.facet#mention", "did": did })
                }
                FacetKind::Tag { tag } => {
                    json!({ "$type": "app.bsky.richtext.facet#tag", "tag": tag })
                }
            };
            Some(json!({
                "index": { "byteStart": f.start, "byteEnd": f.end },
                "features": [feature],
            }))
        })
        .collect()
}

fn strong_ref(r: &RecordRef) -> Value {
    json!({ "uri": r.uri, "cid": r.cid })
}

/// The whole record.
pub fn post_record(p: &NewPost) -> Value {
    let mut record = json!({
        "$type": "app.bsky.feed.post",
        "text": p.text,
        "createdAt": p.created_at,
    });
    let facets = facets_json(p.facets, p.dids);
    if !facets.is_empty() {
        record["facets"] = Value::Array(facets);
    }
    if !p.langs.is_empty() {
        record["langs"] = json!(p.langs);
    }
    if let Some(r) = &p.reply {
        record["reply"] = json!({ "root": strong_ref(&r.root), "parent": strong_ref(&r.parent) });
    }
    if !p.images.is_empty() {
        let images: Vec<Value> = p
            .images
            .iter()
            .take(4)
            .map(|i| {
                let mut image = json!({ "image": i.blob, "alt": i.alt });
                if let Some((w, h)) = i.aspect.filter(|(w, h)| *w > 0 && *h > 0) {
                    image["aspectRatio"] = json!({ "width": w, "height": h });
                }
                image
            })
            .collect();
        record["embed"] = json!({ "$type": "app.bsky.embed.images", "images": images });
    } else if let Some(card) = p
        .card
        .filter(|c| p.quote.is_none() && !c.uri.trim().is_empty())
    {
        record["embed"] = json!({
            "$type": "app.bsky.embed.external",
            "external": {
                "uri": card.uri.trim(),
                "title": card.title.trim(),
                "description": card.description.trim(),
            },
        });
    }
    if let Some((uri, cid)) = p.quote {
        let quoted =
            json!({ "$type": "app.bsky.embed.record", "record": { "uri": uri, "cid": cid } });
        record["embed"] = match record.get("embed") {
            Some(media) => json!({
                "$type": "app.bsky.embed.recordWithMedia",
                "record": quoted,
                "media": media,
            }),
            None => quoted,
        };
    }
    record
}

/// A record's text and its link facets, read back (notifications, search results): byte
/// ranges with where they lead. Ranges that do not fall on the text's characters are dropped.
pub fn text_and_links(record: &Value) -> (String, Vec<(usize, usize, String)>) {
    let text = record
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let mut links = vec![];
    for f in record
        .get("facets")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let index = &f["index"];
        let (Some(start), Some(end)) = (index["byteStart"].as_u64(), index["byteEnd"].as_u64())
        else {
            continue;
        };
        let (start, end) = (start as usize, end as usize);
        if start >= end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        let Some(feature) = f["features"].as_array().and_then(|a| a.first()) else {
            continue;
        };
        let href = match feature["$type"].as_str().unwrap_or_default() {
            "app.bsky.richtext.facet#link" => feature["uri"]
                .as_str()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                .map(str::to_string),
            "app.bsky.richtext.facet#mention" => feature["did"]
                .as_str()
                .map(|d| format!("{}/profile/{d}", super::WEB_APP)),
            "app.bsky.richtext.facet#tag" => feature["tag"].as_str().map(|t| {
                format!(
                    "{}/hashtag/{}",
                    super::WEB_APP,
                    crate::platforms::request::encode(t)
                )
            }),
            _ => None,
        };
        if let Some(href) = href {
            links.push((start, end, href));
        }
    }
    sorting::sort_by_key(&mut links[..], |(s, _, _)| *s);
    let mut kept: Vec<(usize, usize, String)> = Vec::with_capacity(links.len());
    for l in links {
        if kept.last().is_none_or(|(_, e, _)| *e <= l.0) {
            kept.push(l);
        }
    }
    (text, kept)
}

/// The reply reference a record carries (`reply.parent.uri`), if it answers something.
pub fn parent_of(record: &Value) -> Option<String> {
    record["reply"]["parent"]["uri"]
        .as_str()
        .map(str::to_string)
}
