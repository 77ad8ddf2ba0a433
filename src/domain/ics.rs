//! Scheduled posts as an iCalendar file (RFC 5545) that calendar programs import: one
//! VEVENT per post with a due time, in UTC, with escaped text and folded lines.

use super::post::Post;

/// `20261205T083000Z` from UTC milliseconds (RFC 5545 §3.3.5, form #2).
pub fn utc_stamp(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// TEXT escaping (§3.3.11): backslash, semicolon, comma, and newlines.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (§3.1).
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

/// The calendar: scheduled posts (those with a due time), each a 15-minute event.
pub fn calendar(posts: &[Post], now_ms: f64, calendar_name: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Attache//Community manager's desk//EN",
        "CALSCALE:GREGORIAN",
    ] {
        out.push_str(&fold(line));
    }
    out.push_str(&fold(&format!(
        "X-WR-CALNAME:{}",
        escape_text(calendar_name)
    )));
    let stamp = utc_stamp(now_ms);
    for p in posts {
        let Some(due) = p.due_at else { continue };
        let networks: Vec<&str> = p.variants.iter().map(|v| v.network.name()).collect();
        let title: String = p
            .base_text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        let summary = format!("[{}] {}", networks.join(", "), title);
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&fold(&format!("UID:{}@attache", p.id)));
        out.push_str(&fold(&format!("DTSTAMP:{stamp}")));
        out.push_str(&fold(&format!("DTSTART:{}", utc_stamp(due))));
        out.push_str(&fold(&format!(
            "DTEND:{}",
            utc_stamp(due + 15.0 * 60_000.0)
        )));
        out.push_str(&fold(&format!("SUMMARY:{}", escape_text(&summary))));
        out.push_str(&fold(&format!("DESCRIPTION:{}", escape_text(&p.base_text))));
        if !p.campaigns.is_empty() {
            let cats: Vec<String> = p.campaigns.iter().map(|c| escape_text(c)).collect();
            out.push_str(&fold(&format!("CATEGORIES:{}", cats.join(","))));
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}
