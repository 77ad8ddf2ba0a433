//! Images in the browser: reduce one below a byte limit (Bluesky takes at most
//! 1,000,000 bytes), by drawing it smaller on a canvas and encoding it as JPEG.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

/// Why an image could not be reduced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownscaleFailed;

/// A JPEG version of `blob` under `max_bytes`: first at full size, then 80 % of the
/// previous width each try (at most eight tries). Transparent parts become white.
pub async fn downscale(blob: &Blob, max_bytes: u64) -> Result<Blob, DownscaleFailed> {
    let window = web_sys::window().ok_or(DownscaleFailed)?;
    let promise = window
        .create_image_bitmap_with_blob(blob)
        .map_err(|_| DownscaleFailed)?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| DownscaleFailed)?
        .dyn_into()
        .map_err(|_| DownscaleFailed)?;
    let canvas: HtmlCanvasElement = window
        .document()
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .ok_or(DownscaleFailed)?;
    let (w0, h0) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let mut scale = 1.0;
    for _ in 0..8 {
        let (w, h) = ((w0 * scale).round().max(1.0), (h0 * scale).round().max(1.0));
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok())
            .ok_or(DownscaleFailed)?;
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w, h);
        ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h)
            .map_err(|_| DownscaleFailed)?;
        let out = to_jpeg(&canvas).await?;
        if (out.size() as u64) <= max_bytes {
            bitmap.close();
            return Ok(out);
        }
        scale *= 0.8;
    }
    bitmap.close();
    Err(DownscaleFailed)
}

async fn to_jpeg(canvas: &HtmlCanvasElement) -> Result<Blob, DownscaleFailed> {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let cb = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            cb.unchecked_ref(),
            "image/jpeg",
            &JsValue::from_f64(0.85),
        );
    });
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|b| b.dyn_into::<Blob>().ok())
        .ok_or(DownscaleFailed)
}

/// The width and height of an image, in pixels, when the browser can read it.
pub async fn dimensions(blob: &Blob) -> Option<(u32, u32)> {
    let promise = web_sys::window()?
        .create_image_bitmap_with_blob(blob)
        .ok()?;
    let bitmap: ImageBitmap = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let size = (bitmap.width(), bitmap.height());
    bitmap.close();
    Some(size)
}
