//! Real time zones (`chrono-tz`) for the tests of local-time rules (the queue, the routine),
//! and ways to read an instant back on a zone's wall clock, independent of the code under test.
#![allow(dead_code)]

use attache::domain::queue::Zone;
use chrono::{DateTime, NaiveDate, Offset, TimeZone, Timelike};
use chrono_tz::Tz;

pub struct Real(pub Tz);

impl Zone for Real {
    fn offset_minutes(&self, utc_ms: f64) -> i32 {
        let utc = DateTime::from_timestamp_millis(utc_ms as i64).unwrap();
        self.0
            .offset_from_utc_datetime(&utc.naive_utc())
            .fix()
            .local_minus_utc()
            / 60
    }
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An unambiguous local time in `tz`, as UTC ms (independent of the code under test).
pub fn at(tz: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> f64 {
    tz.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .unwrap()
        .timestamp_millis() as f64
}

/// An instant read on the wall clock of `tz`: (date, "HH:MM", offset in minutes).
pub fn wall(tz: Tz, utc_ms: f64) -> (NaiveDate, String, i32) {
    let local = DateTime::from_timestamp_millis(utc_ms as i64)
        .unwrap()
        .with_timezone(&tz);
    let hhmm = format!("{:02}:{:02}", local.hour(), local.minute());
    (
        local.date_naive(),
        hhmm,
        local.offset().fix().local_minus_utc() / 60,
    )
}
