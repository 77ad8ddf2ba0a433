//! Local calendar dates through the browser's own clock and time zone (`Date` in local
//! time), so days and daylight-saving changes are the user's.

use js_sys::Date;
use wasm_bindgen::JsValue;

/// A day in the user's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u32, // 1..=12
    pub day: u32,
}

impl Day {
    pub fn of(ms: f64) -> Day {
        let d = Date::new(&JsValue::from_f64(ms));
        Day {
            year: d.get_full_year() as i32,
            month: d.get_month() + 1,
            day: d.get_date(),
        }
    }

    pub fn today() -> Day {
        Day::of(Date::now())
    }

    /// The `YYYY-MM-DD` form used by `<input type="date">` and `data-date`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    pub fn parse(s: &str) -> Option<Day> {
        let mut it = s.split('-');
        let (y, m, d) = (
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
        );
        Some(Day {
            year: y,
            month: m,
            day: d,
        })
    }

    /// Local midnight of this day, as UTC milliseconds (the browser applies DST).
    pub fn start_ms(self) -> f64 {
        Date::new_with_year_month_day(self.year as u32, self.month as i32 - 1, self.day as i32)
            .get_time()
    }

    /// The same wall-clock time as `ms`, on this day: what moving a post keeps.
    pub fn at_time_of(self, ms: f64) -> f64 {
        let t = Date::new(&JsValue::from_f64(ms));
        Date::new_with_year_month_day_hr_min_sec(
            self.year as u32,
            self.month as i32 - 1,
            self.day as i32,
            t.get_hours() as i32,
            t.get_minutes() as i32,
            0,
        )
        .get_time()
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday_from_monday(self) -> u32 {
        let d =
            Date::new_with_year_month_day(self.year as u32, self.month as i32 - 1, self.day as i32);
        (d.get_day() + 6) % 7
    }

    pub fn days_in_month(year: i32, month: u32) -> u32 {
        // day 0 of the next month is the last day of this one
        Date::new_with_year_month_day(year as u32, month as i32, 0).get_date()
    }

    /// The day `n` days later (or earlier), through the browser's calendar.
    pub fn add_days(self, n: i32) -> Day {
        let d = Date::new_with_year_month_day(
            self.year as u32,
            self.month as i32 - 1,
            self.day as i32 + n,
        );
        Day {
            year: d.get_full_year() as i32,
            month: d.get_month() + 1,
            day: d.get_date(),
        }
    }

    /// This day at `minute` after local midnight, as UTC milliseconds.
    pub fn at_minute(self, minute: u32) -> f64 {
        Date::new_with_year_month_day_hr_min_sec(
            self.year as u32,
            self.month as i32 - 1,
            self.day as i32,
            (minute / 60) as i32,
            (minute % 60) as i32,
            0,
        )
        .get_time()
    }

    /// The Monday of this day's week.
    pub fn week_start(self) -> Day {
        self.add_days(-(self.weekday_from_monday() as i32))
    }

    pub fn add_months(self, n: i32) -> Day {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        Day {
            year: total.div_euclid(12),
            month: total.rem_euclid(12) as u32 + 1,
            day: 1,
        }
    }
}
