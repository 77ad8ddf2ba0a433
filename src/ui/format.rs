//! Dates and numbers in the user's language, through the browser's own `Intl`.

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::locale::Lang;

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(lang.tag()))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

/// A calendar date written out, e.g. "25 November 2026" / "25 novembre 2026".
pub fn long_date(lang: Lang, epoch_ms: f64) -> String {
    format_with(lang, epoch_ms, &[("dateStyle", "long")])
}

/// A date written out with its time, e.g. "December 5, 2026 at 10:30 AM" /
/// "5 décembre 2026 à 10:30".
pub fn long_date_time(lang: Lang, epoch_ms: f64) -> String {
    format_with(
        lang,
        epoch_ms,
        &[("dateStyle", "long"), ("timeStyle", "short")],
    )
}

/// A date and time, e.g. "Nov 25, 2026, 9:30 AM" / "25 nov. 2026, 09:30".
pub fn date_time(lang: Lang, epoch_ms: f64) -> String {
    format_with(
        lang,
        epoch_ms,
        &[("dateStyle", "medium"), ("timeStyle", "short")],
    )
}

/// A whole number with the locale's grouping, e.g. "100,000" / "100 000".
pub fn number(lang: Lang, n: f64) -> String {
    let f = Intl::NumberFormat::new(&locales(lang), &Object::new());
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A number with at most `digits` decimals, e.g. "2.5" / "2,5".
pub fn decimal(lang: Lang, n: f64, digits: u8) -> String {
    let digits = digits.to_string();
    let f = Intl::NumberFormat::new(
        &locales(lang),
        &options(&[("maximumFractionDigits", digits.as_str())]),
    );
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A number with its sign and at most `digits` decimals, e.g. "+120", "−3", "+4.1 %" with
/// `percent` (`n` in percent) / "+4,1 %".
pub fn signed(lang: Lang, n: f64, digits: u8, percent: bool) -> String {
    let digits = digits.to_string();
    let mut pairs = vec![
        ("signDisplay", "exceptZero"),
        ("maximumFractionDigits", digits.as_str()),
    ];
    if percent {
        pairs.push(("style", "percent"));
    }
    let f = Intl::NumberFormat::new(&locales(lang), &options(&pairs));
    let n = if percent { n / 100.0 } else { n };
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A size in bytes with a unit fit for reading: "12.3 MB" / "12,3 Mo".
pub fn bytes(lang: Lang, n: f64) -> String {
    let (value, unit) = match n {
        n if n >= 1e9 => (n / 1e9, "gigabyte"),
        n if n >= 1e6 => (n / 1e6, "megabyte"),
        n if n >= 1e3 => (n / 1e3, "kilobyte"),
        n => (n, "byte"),
    };
    let opts = options(&[("style", "unit"), ("unit", unit), ("unitDisplay", "short")]);
    let _ = Reflect::set(
        &opts,
        &"maximumFractionDigits".into(),
        &JsValue::from_f64(1.0),
    );
    let f = Intl::NumberFormat::new(&locales(lang), &opts);
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

thread_local! {
    /// The formatters made so far, by language and options: making one costs far more than
    /// using it (a list of 40 rows made 40 of them).
    static FORMATS: std::cell::RefCell<std::collections::HashMap<(Lang, String), js_sys::Function>> =
        std::cell::RefCell::default();
}

fn format_with(lang: Lang, epoch_ms: f64, pairs: &[(&str, &str)]) -> String {
    let key = (lang, format!("{pairs:?}"));
    let format = FORMATS.with(|f| {
        f.borrow_mut()
            .entry(key)
            .or_insert_with(|| Intl::DateTimeFormat::new(&locales(lang), &options(pairs)).format())
            .clone()
    });
    format
        .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(epoch_ms)))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// "December 2026" / "décembre 2026".
pub fn month_year(lang: Lang, epoch_ms: f64) -> String {
    format_with(lang, epoch_ms, &[("month", "long"), ("year", "numeric")])
}

/// "Nov 30" / "30 nov.".
pub fn day_month(lang: Lang, epoch_ms: f64) -> String {
    format_with(lang, epoch_ms, &[("day", "numeric"), ("month", "short")])
}

/// "9:30 AM" / "09:30".
pub fn time_of_day(lang: Lang, epoch_ms: f64) -> String {
    format_with(lang, epoch_ms, &[("timeStyle", "short")])
}

/// "Mon" / "lun.".
pub fn weekday_short(lang: Lang, epoch_ms: f64) -> String {
    format_with(lang, epoch_ms, &[("weekday", "short")])
}

/// "Monday" / "lundi".
pub fn weekday_long(lang: Lang, epoch_ms: f64) -> String {
    format_with(lang, epoch_ms, &[("weekday", "long")])
}

/// `08:30` for a minute of the day (what a time field holds).
pub fn hhmm(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// The minute of the day a time field's `08:30` names.
pub fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}
