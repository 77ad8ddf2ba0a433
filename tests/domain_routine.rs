//! The daily routine: the default checklist, editing, ticks keyed by the local date (fresh at
//! local midnight, DST days included), history, streak, pruning, and reminders across DST.
//! Zones come from `chrono-tz`; every expectation is read back as local wall-clock time.

use attache::domain::routine::{
    check_label, day_key, default_routine, local_day, parse_day_key, reminder_at, routine_id,
    DayDone, DefaultStep, Routine, RoutineError, RoutineItem, KEEP_DAYS, LABEL_MAX_CHARS,
};
use chrono::{DateTime, Datelike, Days, NaiveDate};
use chrono_tz::America::{New_York, Santiago};
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;

#[path = "zones/mod.rs"]
mod zones;
use zones::{at, date, wall, Real};

const MINUTE: f64 = 60_000.0;
const HOUR: f64 = 3_600_000.0;
const DAY: f64 = 86_400_000.0;
const IDS: [&str; 5] = ["overnight", "answer", "publish", "listen", "report"];

fn utc_date(utc_ms: f64) -> NaiveDate {
    DateTime::from_timestamp_millis(utc_ms as i64)
        .unwrap()
        .date_naive()
}

fn back(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap()
}

fn hm(h: u16, m: u16) -> u16 {
    h * 60 + m
}

const TODAY: (i32, u32, u32) = (2026, 5, 20);

fn today() -> NaiveDate {
    date(TODAY.0, TODAY.1, TODAY.2)
}

/// The UI words each default step; here a label made from its id.
fn label(step: DefaultStep) -> String {
    format!("Step {}", step.id())
}

fn default_en() -> Routine {
    default_routine("w1", label, 1.0e12)
}

/// A routine of the given items (ids, no time), counting on every day.
fn routine_of(ids: &[&str]) -> Routine {
    Routine {
        workspace_id: "w1".into(),
        items: ids
            .iter()
            .map(|id| RoutineItem {
                id: id.to_string(),
                label: format!("Do {id}"),
                time: None,
                since: None,
            })
            .collect(),
        days: vec![],
        updated_at: 0.0,
    }
}

/// Ticks `ids` on each day `days_back` before `today`.
fn tick(r: &mut Routine, today: NaiveDate, plan: &[(u64, &[&str])]) {
    for &(days_back, ids) in plan {
        for id in ids {
            assert!(r.toggle(id, back(today, days_back)), "tick {id}");
        }
    }
}

fn ids(r: &Routine) -> Vec<&str> {
    r.items.iter().map(|i| i.id.as_str()).collect()
}

// The default routine.

#[test]
fn the_default_routine_is_five_steps_in_time_order_labelled_by_the_caller() {
    let r = default_routine("w9", label, 1234.0);
    assert_eq!(ids(&r), IDS);
    assert_eq!(r.workspace_id, "w9");
    assert_eq!(r.updated_at, 1234.0);
    assert!(r.days.is_empty());
    let times: Vec<u16> = r.items.iter().map(|i| i.time.unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    assert_eq!(
        times[0],
        hm(8, 0),
        "the day starts at 8 with the night's news"
    );
    for (item, step) in r.items.iter().zip(DefaultStep::ALL) {
        assert_eq!(item.id, step.id());
        assert_eq!(item.time, Some(step.time()));
        assert_eq!(item.label, label(step));
        assert_eq!(item.since, None, "a default step counts on every day");
    }
}

#[test]
fn a_routine_is_stored_under_its_workspace_and_survives_a_json_round_trip() {
    assert_eq!(routine_id("w1"), "routine:w1");
    let mut r = default_en();
    r.add_item("x1", "Plan tomorrow", None, today()).unwrap();
    tick(&mut r, today(), &[(0, &["answer", "x1"]), (3, &["report"])]);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<Routine>(&json).unwrap(), r);
    let bare: Routine = serde_json::from_str(r#"{"workspace_id":"w2"}"#).unwrap();
    assert!(bare.items.is_empty() && bare.days.is_empty());
}

#[test]
fn a_stored_routine_is_read_back_with_its_days_in_order_and_merged() {
    let json = r#"{"workspace_id":"w1","updated_at":0,
        "items":[{"id":"a","label":"A"},{"id":"b","label":"B"}],
        "days":[{"day":"2026-05-20","done":["a"]},{"day":"2026-05-18","done":["a","b"]},
                {"day":"20/05/2026","done":["a"]},{"day":"2026-05-20","done":["b","a"]},
                {"day":"2026-05-19","done":[]}]}"#;
    let r: Routine = serde_json::from_str(json).unwrap();
    let days: Vec<&str> = r.days.iter().map(|d| d.day.as_str()).collect();
    assert_eq!(days, ["2026-05-18", "2026-05-20"]);
    assert!(r.is_complete(date(2026, 5, 20)));
    assert_eq!(r.done_on(date(2026, 5, 20)), ["a", "b"]);
}

// Editing.

/// (id, label, time, what adding says)
type AddCase<'a> = (&'a str, &'a str, Option<u16>, Result<(), RoutineError>);

#[test]
fn adding_an_item_refuses_what_a_checklist_cannot_hold() {
    let long = "é".repeat(LABEL_MAX_CHARS + 1);
    let just = "é".repeat(LABEL_MAX_CHARS);
    let cases: [AddCase; 8] = [
        ("n1", "Plan tomorrow", Some(hm(18, 0)), Ok(())),
        ("n1", "   ", None, Err(RoutineError::Empty)),
        ("n1", "", None, Err(RoutineError::Empty)),
        ("n1", &long, None, Err(RoutineError::TooLong)),
        ("n1", &just, None, Ok(())),
        ("n1", "Late", Some(1440), Err(RoutineError::Time)),
        ("answer", "Again", None, Err(RoutineError::Id)),
        ("", "No id", None, Err(RoutineError::Id)),
    ];
    for (id, label, time, want) in cases {
        let mut r = default_en();
        assert_eq!(r.add_item(id, label, time, today()), want, "{id} {label:?}");
        assert_eq!(r.items.len(), 5 + usize::from(want.is_ok()), "{label:?}");
    }
}

#[test]
fn a_new_label_is_trimmed_and_a_timed_item_takes_its_place_in_the_day() {
    let mut r = default_en();
    r.add_item(
        "lunch",
        "  Check the \n comments  ",
        Some(hm(12, 0)),
        today(),
    )
    .unwrap();
    r.add_item("free", "Read the news", None, today()).unwrap();
    r.add_item("late", "Moderate the evening", Some(hm(22, 0)), today())
        .unwrap();
    assert_eq!(
        ids(&r),
        [
            "overnight",
            "answer",
            "publish",
            "lunch",
            "listen",
            "report",
            "late",
            "free"
        ]
    );
    assert_eq!(r.items[3].label, "Check the comments");
    assert_eq!(r.items[3].since.as_deref(), Some("2026-05-20"));
}

#[test]
fn a_french_label_keeps_its_no_break_spaces() {
    let cases = [
        (
            "Écouter la conversation\u{a0}: mots-clés",
            "Écouter la conversation\u{a0}: mots-clés",
        ),
        (
            " Bilan  du jour \u{a0};\tchiffres ",
            "Bilan du jour\u{a0};\u{20}chiffres",
        ),
        ("Encore\u{202f}?", "Encore\u{202f}?"),
    ];
    for (typed, kept) in cases {
        assert_eq!(check_label(typed).as_deref(), Ok(kept), "{typed:?}");
    }
}

#[test]
fn renaming_and_changing_the_time_check_like_adding_and_keep_the_place() {
    let mut r = default_en();
    assert_eq!(r.rename("publish", "  Publish and pin "), Ok(()));
    assert_eq!(r.items[2].label, "Publish and pin");
    assert_eq!(r.rename("publish", " "), Err(RoutineError::Empty));
    assert_eq!(r.rename("nope", "Hello"), Err(RoutineError::NotFound));
    assert_eq!(r.set_time("publish", Some(hm(23, 0))), Ok(()));
    assert_eq!(r.items[2].time, Some(hm(23, 0)));
    assert_eq!(ids(&r), IDS);
    assert_eq!(r.set_time("publish", Some(1440)), Err(RoutineError::Time));
    assert_eq!(r.set_time("publish", None), Ok(()));
    assert_eq!(r.items[2].time, None);
    assert_eq!(r.set_time("nope", None), Err(RoutineError::NotFound));
    assert_eq!(r.items[2].label, "Publish and pin");
}

#[test]
fn moving_an_item_swaps_it_with_its_neighbour_and_stops_at_the_ends() {
    let mut r = default_en();
    assert!(r.move_item("answer", true));
    assert_eq!(
        ids(&r),
        ["answer", "overnight", "publish", "listen", "report"]
    );
    assert!(!r.move_item("answer", true));
    assert!(r.move_item("listen", false));
    assert_eq!(
        ids(&r),
        ["answer", "overnight", "publish", "report", "listen"]
    );
    assert!(!r.move_item("listen", false));
    assert!(!r.move_item("nope", true));
    assert_eq!(
        ids(&r),
        ["answer", "overnight", "publish", "report", "listen"]
    );
}

#[test]
fn removing_an_item_takes_its_ticks_with_it() {
    let mut r = default_en();
    tick(
        &mut r,
        today(),
        &[(0, &["answer", "publish"]), (1, &["answer"])],
    );
    assert!(r.remove_item("answer"));
    assert!(!r.remove_item("answer"));
    assert_eq!(ids(&r), ["overnight", "publish", "listen", "report"]);
    assert_eq!(r.done_on(today()), ["publish"]);
    assert!(r.days.iter().all(|d| !d.done.iter().any(|i| i == "answer")));
    assert_eq!(r.days.len(), 1, "yesterday had only that tick");
}

// Ticks, keyed by local date.

#[test]
fn ticking_twice_unticks_and_only_that_day_changes() {
    let mut r = default_en();
    let (d, next) = (today(), today().succ_opt().unwrap());
    assert!(r.toggle("publish", d));
    assert!(r.toggle("overnight", d));
    assert_eq!(
        r.done_on(d),
        ["overnight", "publish"],
        "in the list's order"
    );
    assert!(r.done_on(next).is_empty());
    assert!(!r.toggle("publish", d));
    assert_eq!(r.done_on(d), ["overnight"]);
    assert!(!r.toggle("overnight", d));
    assert!(r.days.is_empty(), "no empty record left behind");
}

#[test]
fn ticking_an_unknown_item_or_a_day_before_it_was_added_changes_nothing() {
    let mut r = default_en();
    r.add_item("new", "New habit", None, today()).unwrap();
    assert!(!r.toggle("ghost", today()));
    assert!(!r.toggle("new", back(today(), 1)));
    assert!(r.days.is_empty());
    assert!(r.toggle("new", today()));
}

#[test]
fn ticks_of_items_no_longer_in_the_list_are_not_shown() {
    let mut r = routine_of(&["a", "b"]);
    r.days.push(DayDone {
        day: day_key(today()),
        done: vec!["old".into(), "b".into()],
    });
    assert_eq!(r.done_on(today()), ["b"]);
    assert_eq!(r.history(today(), 1), [(today(), 1, 2)]);
}

#[test]
fn a_day_is_complete_when_every_item_is_ticked_and_an_empty_routine_never_is() {
    let mut r = routine_of(&["a", "b"]);
    assert!(!r.is_complete(today()));
    r.toggle("a", today());
    assert!(!r.is_complete(today()));
    r.toggle("b", today());
    assert!(r.is_complete(today()));
    assert!(!routine_of(&[]).is_complete(today()));
}

#[test]
fn the_day_key_is_the_iso_date_and_reads_back() {
    assert_eq!(day_key(date(2026, 3, 9)), "2026-03-09");
    assert_eq!(parse_day_key("2026-03-09"), Some(date(2026, 3, 9)));
    for bad in [
        "2026-3-9",
        "2026-02-30",
        "",
        "2026/03/09",
        "2026-03-0x",
        "２026-03-09",
    ] {
        assert_eq!(parse_day_key(bad), None, "{bad:?}");
    }
}

#[test]
fn the_local_day_follows_the_wall_clock_not_utc() {
    // 21:00 in New York on 10 January is 02:00 UTC on the 11th.
    let ny_evening = at(New_York, 2026, 1, 10, 21, 0);
    assert_eq!(utc_date(ny_evening), date(2026, 1, 11));
    assert_eq!(local_day(&Real(New_York), ny_evening), date(2026, 1, 10));
    // 00:30 in Paris on 1 July is 22:30 UTC on 30 June.
    let paris_night = at(Paris, 2026, 7, 1, 0, 30);
    assert_eq!(utc_date(paris_night), date(2026, 6, 30));
    assert_eq!(local_day(&Real(Paris), paris_night), date(2026, 7, 1));
}

#[test]
fn the_checklist_starts_fresh_at_local_midnight_dst_days_included() {
    // (zone, the evening's date): ticked at 23:59 that day, looked at 00:01 the next.
    let cases = [
        (Paris, date(2026, 1, 15)),
        (Paris, date(2026, 3, 28)),  // the night into spring forward
        (Paris, date(2026, 3, 29)),  // spring forward day (23 hours)
        (Paris, date(2026, 10, 24)), // the night into fall back
        (Paris, date(2026, 10, 25)), // fall back day (25 hours)
        (New_York, date(2026, 1, 15)),
        (New_York, date(2026, 3, 8)),
        (New_York, date(2026, 11, 1)),
    ];
    for (tz, evening) in cases {
        let zone = Real(tz);
        let morning = evening.succ_opt().unwrap();
        let late = at(tz, evening.year(), evening.month(), evening.day(), 23, 59);
        let early = at(tz, morning.year(), morning.month(), morning.day(), 0, 1);
        let mut r = routine_of(&["a"]);
        assert_eq!(local_day(&zone, late), evening, "{tz} {evening}");
        assert!(r.toggle("a", local_day(&zone, late)));
        assert!(
            r.is_complete(local_day(&zone, late + 59_000.0)),
            "23:59:59 still counts"
        );
        let next = local_day(&zone, early);
        assert_eq!(next, morning, "{tz} {evening}");
        assert!(r.done_on(next).is_empty(), "{tz}: fresh after midnight");
        assert!(!r.is_complete(next));
        assert!(r.is_complete(evening), "{tz}: yesterday stays done");
    }
    // In New York the evening's 23:59 is already the next day in UTC: the local date rules.
    let late_ny = at(New_York, 2026, 1, 15, 23, 59);
    assert_eq!(utc_date(late_ny), date(2026, 1, 16));
    assert_eq!(local_day(&Real(New_York), late_ny), date(2026, 1, 15));
}

// History.

#[test]
fn history_shows_the_last_days_oldest_first_with_ticked_and_total() {
    let mut r = routine_of(&["a", "b", "c"]);
    tick(
        &mut r,
        today(),
        &[(0, &["a"]), (2, &["a", "b", "c"]), (6, &["c"]), (7, &["a"])],
    );
    let h = r.history(today(), 7);
    assert_eq!(h.len(), 7);
    assert_eq!(h[0].0, back(today(), 6));
    assert_eq!(h[6].0, today());
    let counts: Vec<(usize, usize)> = h.iter().map(|&(_, d, t)| (d, t)).collect();
    assert_eq!(
        counts,
        [(1, 3), (0, 3), (0, 3), (0, 3), (3, 3), (0, 3), (1, 3)]
    );
    assert_eq!(r.history(today(), KEEP_DAYS).len(), 30);
    assert_eq!(r.history(today(), 1), [(today(), 1, 3)]);
    assert!(r.history(today(), 0).is_empty());
}

#[test]
fn history_counts_an_added_item_only_from_the_day_it_was_added() {
    let mut r = routine_of(&["a"]);
    tick(&mut r, today(), &[(1, &["a"])]);
    r.add_item("b", "New habit", None, today()).unwrap();
    let counts: Vec<(usize, usize)> = r
        .history(today(), 2)
        .iter()
        .map(|&(_, d, t)| (d, t))
        .collect();
    assert_eq!(counts, [(1, 1), (0, 2)]);
}

// Streak.

#[test]
fn the_streak_counts_complete_days_in_a_row() {
    type Plan<'a> = &'a [(u64, &'a [&'a str])];
    let full: &[&str] = &["a", "b"];
    let cases: [(&str, Plan, u32); 6] = [
        ("nothing ticked", &[], 0),
        ("only today, complete", &[(0, full)], 1),
        (
            "today in progress keeps yesterday's run",
            &[(0, &["a"]), (1, full), (2, full)],
            2,
        ),
        (
            "today not started yet",
            &[(1, full), (2, full), (3, full)],
            3,
        ),
        (
            "a gap three days ago stops it",
            &[(0, full), (1, full), (2, full), (4, full)],
            3,
        ),
        (
            "a half day yesterday stops it",
            &[(0, full), (1, &["b"]), (2, full)],
            1,
        ),
    ];
    for (what, plan, want) in cases {
        let mut r = routine_of(&["a", "b"]);
        tick(&mut r, today(), plan);
        assert_eq!(r.streak(today()), want, "{what}");
    }
}

#[test]
fn an_empty_routine_has_no_streak() {
    assert_eq!(routine_of(&[]).streak(today()), 0);
    let mut r = routine_of(&["a"]);
    tick(&mut r, today(), &[(0, &["a"]), (1, &["a"])]);
    r.remove_item("a");
    assert_eq!(r.streak(today()), 0);
}

#[test]
fn removing_an_item_never_done_makes_those_days_complete() {
    let mut r = routine_of(&["a", "b", "c"]);
    tick(
        &mut r,
        today(),
        &[(0, &["a", "b"]), (1, &["a", "b"]), (2, &["a", "b"])],
    );
    assert_eq!(r.streak(today()), 0);
    r.remove_item("c");
    assert_eq!(r.streak(today()), 3);
}

#[test]
fn adding_an_item_keeps_the_streak_but_today_needs_it() {
    let mut r = routine_of(&["a"]);
    tick(&mut r, today(), &[(0, &["a"]), (1, &["a"]), (2, &["a"])]);
    assert_eq!(r.streak(today()), 3);
    r.add_item("b", "New habit", None, today()).unwrap();
    assert!(!r.is_complete(today()));
    assert_eq!(r.streak(today()), 2, "today is in progress again");
    r.toggle("b", today());
    assert_eq!(r.streak(today()), 3);
}

// Pruning.

#[test]
fn pruning_keeps_the_days_the_history_shows() {
    let mut r = routine_of(&["a", "b"]);
    tick(
        &mut r,
        today(),
        &[(0, &["a"]), (29, &["b"]), (30, &["a"]), (45, &["b"])],
    );
    let shown = r.history(today(), KEEP_DAYS);
    r.prune(today(), KEEP_DAYS);
    let days: Vec<&str> = r.days.iter().map(|d| d.day.as_str()).collect();
    assert_eq!(days, ["2026-04-21", "2026-05-20"]);
    assert_eq!(r.history(today(), KEEP_DAYS), shown);
}

#[test]
fn pruning_keeps_a_streak_longer_than_the_window() {
    let mut r = routine_of(&["a"]);
    let plan: Vec<(u64, &[&str])> = (1..=40).map(|b| (b, &["a"][..])).collect();
    tick(&mut r, today(), &plan);
    r.toggle("a", back(today(), 50));
    r.prune(today(), KEEP_DAYS);
    assert_eq!(r.streak(today()), 40);
    assert_eq!(r.days.len(), 40, "the lone day 50 days ago is gone");
}

// Reminders.

/// A timer ticking every minute over `[start, end)`: (id, instant) of each reminder.
fn reminders(r: &Routine, tz: Tz, start: f64, end: f64) -> Vec<(String, f64)> {
    let zone = Real(tz);
    let mut out = vec![];
    let mut t = start;
    while t < end {
        for item in r.due_items(&zone, t, t + MINUTE) {
            out.push((item.id.clone(), t + MINUTE));
        }
        t += MINUTE;
    }
    out
}

fn due_ids(r: &Routine, tz: Tz, from: f64, to: f64) -> Vec<String> {
    r.due_items(&Real(tz), from, to)
        .into_iter()
        .map(|i| i.id.clone())
        .collect()
}

#[test]
fn on_an_ordinary_day_each_item_reminds_once_at_its_time() {
    let r = default_en();
    let fired = reminders(
        &r,
        Paris,
        at(Paris, 2026, 1, 15, 0, 0),
        at(Paris, 2026, 1, 16, 0, 0),
    );
    let seen: Vec<(String, String)> = fired
        .iter()
        .map(|(id, t)| (id.clone(), wall(Paris, *t).1))
        .collect();
    let want = [
        ("overnight", "08:00"),
        ("answer", "08:30"),
        ("publish", "10:00"),
        ("listen", "14:00"),
        ("report", "17:30"),
    ];
    assert_eq!(seen, want.map(|(i, t)| (i.to_string(), t.to_string())));
}

#[test]
fn the_window_excludes_its_start_and_includes_its_end() {
    let r = default_en();
    let eight = at(New_York, 2026, 6, 2, 8, 0);
    assert_eq!(due_ids(&r, New_York, eight - MINUTE, eight), ["overnight"]);
    assert!(due_ids(&r, New_York, eight, eight + MINUTE).is_empty());
    assert_eq!(
        due_ids(&r, New_York, eight - HOUR, eight + HOUR),
        ["overnight", "answer"]
    );
    assert!(due_ids(&r, New_York, eight + MINUTE, eight - MINUTE).is_empty());
}

#[test]
fn a_ticked_or_untimed_item_is_not_reminded() {
    let mut r = default_en();
    let day = date(2026, 6, 2);
    r.toggle("overnight", day);
    r.set_time("answer", None).unwrap();
    let morning = (at(Paris, 2026, 6, 2, 7, 0), at(Paris, 2026, 6, 2, 11, 0));
    assert_eq!(due_ids(&r, Paris, morning.0, morning.1), ["publish"]);
    // Ticked on another day: still reminded today.
    let mut r = default_en();
    r.toggle("overnight", date(2026, 6, 1));
    assert_eq!(
        due_ids(&r, Paris, morning.0, morning.1),
        ["overnight", "answer", "publish"]
    );
}

#[test]
fn an_item_in_the_spring_forward_gap_reminds_once_when_the_gap_ends() {
    // Paris, 29 March 2026: 02:00 jumps to 03:00. New York, 8 March 2026: the same.
    for (tz, (y, m, d)) in [(Paris, (2026, 3, 29)), (New_York, (2026, 3, 8))] {
        let mut r = routine_of(&[]);
        r.add_item("gap", "In the gap", Some(hm(2, 30)), date(2026, 1, 1))
            .unwrap();
        r.add_item("edge", "At the jump", Some(hm(2, 0)), date(2026, 1, 1))
            .unwrap();
        r.add_item("after", "After it", Some(hm(3, 0)), date(2026, 1, 1))
            .unwrap();
        let fired = reminders(&r, tz, at(tz, y, m, d, 0, 0), at(tz, y, m, d, 6, 0));
        let three = at(tz, y, m, d, 3, 0);
        assert_eq!(
            fired,
            [
                ("edge".to_string(), three),
                ("gap".to_string(), three),
                ("after".to_string(), three)
            ],
            "{tz}"
        );
        assert_eq!(wall(tz, three).1, "03:00");
        assert_eq!(reminder_at(&Real(tz), date(y, m, d), hm(2, 30)), three);
    }
}

#[test]
fn an_item_in_the_fall_back_overlap_reminds_once_at_the_first_pass() {
    // Paris, 25 October 2026: 03:00 goes back to 02:00, so 02:30 comes twice.
    let mut r = routine_of(&[]);
    r.add_item("twice", "In the overlap", Some(hm(2, 30)), date(2026, 1, 1))
        .unwrap();
    let start = at(Paris, 2026, 10, 24, 23, 0);
    let fired = reminders(&r, Paris, start, start + 6.0 * HOUR);
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!(
        wall(Paris, fired[0].1),
        (date(2026, 10, 25), "02:30".to_string(), 120),
        "summer time's 02:30"
    );
    // Around the second 02:30 (winter time, 01:30 UTC), nothing.
    let second = fired[0].1 + HOUR;
    assert_eq!(wall(Paris, second).1, "02:30");
    assert!(due_ids(&r, Paris, second - 5.0 * MINUTE, second + 5.0 * MINUTE).is_empty());
}

#[test]
fn across_local_midnight_both_the_evening_and_the_morning_item_remind() {
    for tz in [Paris, New_York] {
        let mut r = routine_of(&[]);
        let first = date(2026, 1, 1);
        r.add_item("late", "Evening check", Some(hm(23, 55)), first)
            .unwrap();
        r.add_item("early", "Night check", Some(hm(0, 5)), first)
            .unwrap();
        let from = at(tz, 2026, 7, 10, 23, 50);
        let to = at(tz, 2026, 7, 11, 0, 10);
        assert_eq!(due_ids(&r, tz, from, to), ["early", "late"], "{tz}");
        // Ticking the evening item on the 10th silences it; the morning one is the 11th's.
        r.toggle("late", date(2026, 7, 10));
        r.toggle("early", date(2026, 7, 10));
        assert_eq!(due_ids(&r, tz, from, to), ["early"], "{tz}");
        r.toggle("early", date(2026, 7, 11));
        assert!(due_ids(&r, tz, from, to).is_empty(), "{tz}");
    }
}

#[test]
fn where_the_clock_skips_midnight_the_new_day_starts_at_one_and_reminds_there() {
    // Santiago, 6 September 2026: Saturday 23:59:59 is followed by Sunday 01:00.
    let zone = Real(Santiago);
    let saturday = at(Santiago, 2026, 9, 5, 23, 59);
    let one = at(Santiago, 2026, 9, 6, 1, 0);
    assert_eq!(one - saturday, MINUTE, "no 00:xx that night");
    assert_eq!(local_day(&zone, saturday), date(2026, 9, 5));
    assert_eq!(local_day(&zone, one), date(2026, 9, 6));
    let mut r = routine_of(&[]);
    r.add_item("late", "Evening check", Some(hm(23, 55)), date(2026, 1, 1))
        .unwrap();
    r.add_item("early", "Night check", Some(hm(0, 30)), date(2026, 1, 1))
        .unwrap();
    r.toggle("late", date(2026, 9, 5));
    let fired = reminders(&r, Santiago, saturday - HOUR, one + HOUR);
    assert_eq!(fired, [("early".to_string(), one)]);
    assert!(r.done_on(local_day(&zone, one)).is_empty());
}

#[test]
fn after_a_long_sleep_only_the_last_day_is_reminded_each_item_once() {
    let mut r = default_en();
    r.toggle("overnight", date(2026, 6, 5));
    r.toggle("publish", date(2026, 6, 4));
    let now = at(Paris, 2026, 6, 5, 9, 0);
    // Yesterday's 08:00 was missed but is more than a day ago; yesterday's 10:00 was ticked.
    let due = due_ids(&r, Paris, now - 3.0 * DAY, now);
    assert_eq!(due, ["answer", "listen", "report"]);
    // A 24-hour window over the 23-hour spring day holds two 10:00s: still one reminder.
    let sunday_ten = at(Paris, 2026, 3, 29, 10, 30);
    assert_eq!(due_ids(&r, Paris, sunday_ten - DAY, sunday_ten), IDS);
}

#[test]
fn history_starts_the_day_the_workspace_was_created() {
    let r = routine_of(&["a"]);
    let created_this_morning = r.history_since(today(), KEEP_DAYS, today());
    assert_eq!(created_this_morning, [(today(), 0, 1)]);
    let three_days = r.history_since(today(), KEEP_DAYS, back(today(), 2));
    assert_eq!(three_days.len(), 3);
    assert_eq!(three_days[0].0, back(today(), 2));
    let long_ago = r.history_since(today(), KEEP_DAYS, back(today(), 400));
    assert_eq!(long_ago.len(), 30, "at most the last 30 days");
}
