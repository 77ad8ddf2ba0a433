//! The one HTTP client: sends a platform `Request` with the browser's `fetch` (no cookies,
//! no referrer), gives up after the policy's `REQUEST_TIMEOUT_MS` (`domain/retry.rs`), and
//! gives back the status, the headers the platforms read, and the text. One try: retrying
//! is the policy's.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestInit, RequestMode, Response as FetchResponse};

use super::request::{Body, Method, Request};
use crate::domain::retry::REQUEST_TIMEOUT_MS;

/// Headers the platforms read (rate limits, pagination, DPoP's nonce and its refusals).
const KEPT_HEADERS: [&str; 10] = [
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
    "link",
    "retry-after",
    "dpop-nonce",
    "www-authenticate",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why no answer came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetError {
    /// The browser says it is offline.
    Offline,
    /// The server could not be reached (DNS, refused, TLS, CORS).
    Unreachable,
}

/// Sets `AbortSignal.timeout(ms)` on the request, where the browser has it.
fn give_up_after(init: &RequestInit, ms: f64) {
    use js_sys::{Function, Reflect};
    let Ok(abort) = Reflect::get(&js_sys::global(), &"AbortSignal".into()) else {
        return;
    };
    let Some(timeout) = Reflect::get(&abort, &"timeout".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    if let Ok(signal) = timeout.call1(&abort, &JsValue::from_f64(ms)) {
        let _ = Reflect::set(init, &"signal".into(), &signal);
    }
}

pub async fn send(req: &Request) -> Result<Response, NetError> {
    send_with_file(req, None).await
}

/// Sends `req`; a `Multipart` body carries `file` under the field name `file`.
pub async fn send_with_file(
    req: &Request,
    file: Option<(&web_sys::Blob, &str)>,
) -> Result<Response, NetError> {
    let offline = || {
        web_sys::window()
            .map(|w| !w.navigator().on_line())
            .unwrap_or(false)
    };
    if offline() {
        return Err(NetError::Offline);
    }
    let init = RequestInit::new();
    init.set_method(match req.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
        Method::Delete => "DELETE",
    });
    init.set_mode(RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let headers = Headers::new().map_err(|_| NetError::Unreachable)?;
    headers
        .set("Accept", "application/json")
        .map_err(|_| NetError::Unreachable)?;
    for (k, v) in &req.headers {
        headers.set(k, v).map_err(|_| NetError::Unreachable)?;
    }
    match &req.body {
        Body::None => {}
        Body::Form(f) => {
            headers
                .set("Content-Type", "application/x-www-form-urlencoded")
                .map_err(|_| NetError::Unreachable)?;
            init.set_body(&JsValue::from_str(f));
        }
        Body::Json(j) => {
            headers
                .set("Content-Type", "application/json")
                .map_err(|_| NetError::Unreachable)?;
            init.set_body(&JsValue::from_str(j));
        }
        Body::Multipart(fields) => {
            // The browser writes the boundary into Content-Type itself.
            let form = web_sys::FormData::new().map_err(|_| NetError::Unreachable)?;
            for (k, v) in fields {
                form.append_with_str(k, v)
                    .map_err(|_| NetError::Unreachable)?;
            }
            if let Some((blob, name)) = file {
                form.append_with_blob_and_filename("file", blob, name)
                    .map_err(|_| NetError::Unreachable)?;
            }
            init.set_body(&form);
        }
        Body::File { content_type } => {
            headers
                .set("Content-Type", content_type)
                .map_err(|_| NetError::Unreachable)?;
            if let Some((blob, _)) = file {
                init.set_body(blob);
            }
        }
    }
    init.set_headers(&headers);
    // No answer by then: unreachable (it may have arrived); see the policy's timeout.
    give_up_after(&init, REQUEST_TIMEOUT_MS);
    let window = web_sys::window().ok_or(NetError::Unreachable)?;
    let answer = JsFuture::from(window.fetch_with_str_and_init(&req.url, &init)).await;
    let resp: FetchResponse = match answer {
        Ok(r) => r.dyn_into().map_err(|_| NetError::Unreachable)?,
        Err(_) if offline() => return Err(NetError::Offline),
        Err(_) => return Err(NetError::Unreachable),
    };
    let mut kept = vec![];
    for name in KEPT_HEADERS {
        if let Ok(Some(v)) = resp.headers().get(name) {
            kept.push((name.to_string(), v));
        }
    }
    let text = match resp.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(Response {
        status: resp.status(),
        headers: kept,
        text,
    })
}

/// Downloads a picture (an account's avatar) as a Blob, with the request timeout; `None`
/// when it cannot be had (offline, refused, not an image, a CORS-less server).
pub async fn get_image(url: &str) -> Option<web_sys::Blob> {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    give_up_after(&init, REQUEST_TIMEOUT_MS);
    let window = web_sys::window()?;
    let resp: FetchResponse = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !resp.ok() {
        return None;
    }
    let blob: web_sys::Blob = JsFuture::from(resp.blob().ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    blob.type_().starts_with("image/").then_some(blob)
}
