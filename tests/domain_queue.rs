//! The posting queue: slots, the next free slot, evergreen occurrences, across DST changes.
//! Zones come from `chrono-tz`; every expectation is read back as local wall-clock time.

use attache::domain::queue::{
    evergreen_occurrences, local_parts, local_to_utc, next_free_slot, QueueError, QueueSettings,
    Recurrence, Slot, MAX_OCCURRENCES,
};
use chrono::{Datelike, NaiveDate};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;

#[path = "zones/mod.rs"]
mod zones;
use zones::{at, date, wall, Real};

const HOUR: f64 = 3_600_000.0;
const MON: u8 = 0;
const WED: u8 = 2;

fn slot(weekday: u8, h: u16, m: u16) -> Slot {
    Slot::new(weekday, h * 60 + m).unwrap()
}

fn settings(slots: &[Slot]) -> QueueSettings {
    let mut s = QueueSettings::new("w1".into());
    for &sl in slots {
        s.add_slot(sl);
    }
    s
}

fn daily(h: u16, m: u16) -> QueueSettings {
    settings(&(0..7).map(|d| slot(d, h, m)).collect::<Vec<_>>())
}

// Slots and settings.

#[test]
fn a_slot_needs_a_weekday_up_to_sunday_and_a_minute_within_the_day() {
    assert!(Slot::new(6, 1439).is_ok());
    assert_eq!(Slot::new(7, 0), Err(QueueError::Weekday));
    assert_eq!(Slot::new(0, 1440), Err(QueueError::Minute));
}

#[test]
fn a_slot_is_labelled_with_two_digit_hours_and_minutes() {
    assert_eq!(slot(MON, 9, 30).label_hhmm(), "09:30");
    assert_eq!(slot(MON, 0, 5).label_hhmm(), "00:05");
    assert_eq!(slot(MON, 23, 59).label_hhmm(), "23:59");
}

#[test]
fn slots_are_kept_sorted_by_weekday_then_time_without_duplicates() {
    let mut s = QueueSettings::new("w1".into());
    assert!(s.add_slot(slot(WED, 14, 30)));
    assert!(s.add_slot(slot(MON, 18, 0)));
    assert!(s.add_slot(slot(MON, 9, 0)));
    assert!(!s.add_slot(slot(MON, 9, 0)));
    assert_eq!(
        s.slots,
        vec![slot(MON, 9, 0), slot(MON, 18, 0), slot(WED, 14, 30)]
    );
}

#[test]
fn a_slot_can_be_removed_once() {
    let mut s = settings(&[slot(MON, 9, 0), slot(WED, 14, 30)]);
    assert!(s.remove_slot(&slot(MON, 9, 0)));
    assert!(!s.remove_slot(&slot(MON, 9, 0)));
    assert_eq!(s.slots, vec![slot(WED, 14, 30)]);
}

#[test]
fn settings_survive_a_json_round_trip_and_slots_default_to_none() {
    let s = settings(&[slot(MON, 9, 0), slot(WED, 14, 30)]);
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<QueueSettings>(&json).unwrap(), s);
    let bare: QueueSettings = serde_json::from_str(r#"{"workspace_id":"w2"}"#).unwrap();
    assert_eq!(bare, QueueSettings::new("w2".into()));
}

// The next free slot.

fn mon_wed() -> QueueSettings {
    settings(&[slot(MON, 9, 0), slot(WED, 14, 30)])
}

#[test]
fn from_a_tuesday_evening_the_next_slot_is_wednesday_afternoon() {
    let tuesday_evening = at(Paris, 2026, 6, 9, 20, 0);
    let next = next_free_slot(&mon_wed(), &Real(Paris), tuesday_evening, &[]).unwrap();
    assert_eq!(wall(Paris, next), (date(2026, 6, 10), "14:30".into(), 120));
}

#[test]
fn a_taken_slot_is_passed_over_for_the_next_one() {
    let tuesday_evening = at(Paris, 2026, 6, 9, 20, 0);
    let wednesday = at(Paris, 2026, 6, 10, 14, 30);
    let next = next_free_slot(&mon_wed(), &Real(Paris), tuesday_evening, &[wednesday]).unwrap();
    assert_eq!(wall(Paris, next), (date(2026, 6, 15), "09:00".into(), 120));
}

#[test]
fn a_post_within_a_minute_of_a_slot_takes_it() {
    let tuesday_evening = at(Paris, 2026, 6, 9, 20, 0);
    let wednesday = at(Paris, 2026, 6, 10, 14, 30);
    let near = [wednesday + 59_000.0];
    let next = next_free_slot(&mon_wed(), &Real(Paris), tuesday_evening, &near).unwrap();
    assert_eq!(wall(Paris, next).0, date(2026, 6, 15));
    let a_minute_off = [wednesday + 60_000.0];
    let next = next_free_slot(&mon_wed(), &Real(Paris), tuesday_evening, &a_minute_off).unwrap();
    assert_eq!(next, wednesday);
}

#[test]
fn without_slots_there_is_no_next_slot() {
    let empty = QueueSettings::new("w1".into());
    assert_eq!(next_free_slot(&empty, &Real(Paris), 0.0, &[]), None);
}

#[test]
fn the_next_slot_is_strictly_after_the_given_instant() {
    let wednesday = at(Paris, 2026, 6, 10, 14, 30);
    let next = next_free_slot(&mon_wed(), &Real(Paris), wednesday, &[]).unwrap();
    assert_eq!(wall(Paris, next), (date(2026, 6, 15), "09:00".into(), 120));
}

#[test]
fn when_every_slot_of_the_year_is_taken_there_is_none() {
    let only_monday = settings(&[slot(MON, 9, 0)]);
    let start = at(Paris, 2026, 1, 1, 0, 0);
    let mondays: Vec<f64> = (0..60)
        .map(|w| {
            local_to_utc(
                &Real(Paris),
                date(2026, 1, 5) + chrono::Days::new(7 * w),
                540,
            )
        })
        .collect();
    assert_eq!(
        next_free_slot(&only_monday, &Real(Paris), start, &mondays),
        None
    );
}

// DST: a daily slot keeps its wall-clock time; the UTC gap between days is 23 h or 25 h.

fn daily_nine_around(tz: Tz, saturday: NaiveDate) -> (f64, f64) {
    let nine = daily(9, 0);
    let friday = saturday.pred_opt().unwrap();
    let friday_noon = at(tz, friday.year(), friday.month(), friday.day(), 12, 0);
    let sat = next_free_slot(&nine, &Real(tz), friday_noon, &[]).unwrap();
    let sun = next_free_slot(&nine, &Real(tz), sat, &[]).unwrap();
    assert_eq!(wall(tz, sat).0, saturday);
    assert_eq!(wall(tz, sat).1, "09:00");
    assert_eq!(wall(tz, sun).0, saturday.succ_opt().unwrap());
    assert_eq!(wall(tz, sun).1, "09:00");
    (sat, sun)
}

#[test]
fn paris_spring_forward_keeps_nine_o_clock_and_the_day_lasts_23_hours() {
    let (sat, sun) = daily_nine_around(Paris, date(2026, 3, 28));
    assert_eq!(wall(Paris, sat).2, 60);
    assert_eq!(wall(Paris, sun).2, 120);
    assert_eq!(sun - sat, 23.0 * HOUR);
}

#[test]
fn paris_fall_back_keeps_nine_o_clock_and_the_day_lasts_25_hours() {
    let (sat, sun) = daily_nine_around(Paris, date(2026, 10, 24));
    assert_eq!(wall(Paris, sat).2, 120);
    assert_eq!(wall(Paris, sun).2, 60);
    assert_eq!(sun - sat, 25.0 * HOUR);
}

#[test]
fn new_york_spring_forward_and_fall_back_keep_nine_o_clock() {
    let (sat, sun) = daily_nine_around(New_York, date(2026, 3, 7));
    assert_eq!((wall(New_York, sat).2, wall(New_York, sun).2), (-300, -240));
    assert_eq!(sun - sat, 23.0 * HOUR);
    let (sat, sun) = daily_nine_around(New_York, date(2026, 10, 31));
    assert_eq!((wall(New_York, sat).2, wall(New_York, sun).2), (-240, -300));
    assert_eq!(sun - sat, 25.0 * HOUR);
}

#[test]
fn a_slot_in_the_spring_gap_lands_an_hour_later_like_javascript() {
    // new Date(2026, 2, 29, 2, 30) in Paris is 2026-03-29T01:30:00Z, 03:30 local.
    let half_past_two = daily(2, 30);
    let saturday_noon = at(Paris, 2026, 3, 28, 12, 0);
    let next = next_free_slot(&half_past_two, &Real(Paris), saturday_noon, &[]).unwrap();
    assert_eq!(next, at(chrono_tz::UTC, 2026, 3, 29, 1, 30));
    assert_eq!(wall(Paris, next), (date(2026, 3, 29), "03:30".into(), 120));
    // The same in New York: 02:30 does not exist on 2026-03-08, 03:30 EDT it is.
    let saturday_noon = at(New_York, 2026, 3, 7, 12, 0);
    let next = next_free_slot(&half_past_two, &Real(New_York), saturday_noon, &[]).unwrap();
    assert_eq!(
        wall(New_York, next),
        (date(2026, 3, 8), "03:30".into(), -240)
    );
}

#[test]
fn a_slot_in_the_autumn_overlap_is_the_first_of_the_two() {
    let half_past_two = daily(2, 30);
    let saturday_noon = at(Paris, 2026, 10, 24, 12, 0);
    let next = next_free_slot(&half_past_two, &Real(Paris), saturday_noon, &[]).unwrap();
    assert_eq!(next, at(chrono_tz::UTC, 2026, 10, 25, 0, 30));
    assert_eq!(wall(Paris, next), (date(2026, 10, 25), "02:30".into(), 120));
    // New York repeats 01:00–02:00 on 2026-11-01: the first 01:30 is EDT.
    let half_past_one = daily(1, 30);
    let saturday_noon = at(New_York, 2026, 10, 31, 12, 0);
    let next = next_free_slot(&half_past_one, &Real(New_York), saturday_noon, &[]).unwrap();
    assert_eq!(
        wall(New_York, next),
        (date(2026, 11, 1), "01:30".into(), -240)
    );
}

#[test]
fn local_parts_reads_the_wall_clock_and_local_to_utc_goes_back() {
    let zone = Real(Paris);
    for utc in [
        at(Paris, 2026, 1, 5, 0, 0),
        at(Paris, 2026, 3, 29, 3, 0),
        at(Paris, 2026, 7, 14, 23, 59),
        at(Paris, 2026, 10, 25, 3, 0),
    ] {
        let (day, minute) = local_parts(&zone, utc);
        let (wall_day, hhmm, _) = wall(Paris, utc);
        assert_eq!(day, wall_day);
        assert_eq!(format!("{:02}:{:02}", minute / 60, minute % 60), hhmm);
        assert_eq!(local_to_utc(&zone, day, minute), utc);
    }
}

// Evergreen posts.

#[test]
fn every_seven_days_for_four_weeks_gives_five_nine_o_clocks_across_dst() {
    let first = at(Paris, 2026, 3, 16, 9, 0);
    let until = at(Paris, 2026, 4, 13, 9, 0);
    let weekly = Recurrence::new(7, until).unwrap();
    let all = evergreen_occurrences(&mon_wed(), &Real(Paris), first, &weekly, &[]);
    let walls: Vec<_> = all.iter().map(|&t| wall(Paris, t)).collect();
    let expected_days = [
        date(2026, 3, 16),
        date(2026, 3, 23),
        date(2026, 3, 30),
        date(2026, 4, 6),
        date(2026, 4, 13),
    ];
    assert_eq!(walls.len(), 5);
    for ((day, hhmm, _), expected) in walls.iter().zip(expected_days) {
        assert_eq!((*day, hhmm.as_str()), (expected, "09:00"));
    }
    assert_eq!(walls[1].2, 60);
    assert_eq!(walls[2].2, 120);
}

#[test]
fn without_slots_the_wall_clock_time_is_kept_across_dst() {
    let no_slots = QueueSettings::new("w1".into());
    let first = at(New_York, 2026, 2, 26, 17, 45);
    let until = at(New_York, 2026, 3, 19, 17, 45);
    let weekly = Recurrence::new(7, until).unwrap();
    let all = evergreen_occurrences(&no_slots, &Real(New_York), first, &weekly, &[]);
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|&t| wall(New_York, t).1 == "17:45"));
    assert_eq!(all[2] - all[1], 7.0 * 24.0 * HOUR - HOUR);
}

#[test]
fn a_taken_slot_moves_that_occurrence_to_the_next_free_one() {
    let first = at(Paris, 2026, 6, 1, 9, 0);
    let until = at(Paris, 2026, 6, 22, 9, 0);
    let second_monday = at(Paris, 2026, 6, 8, 9, 0);
    let weekly = Recurrence::new(7, until).unwrap();
    let all = evergreen_occurrences(&mon_wed(), &Real(Paris), first, &weekly, &[second_monday]);
    let walls: Vec<_> = all
        .iter()
        .map(|&t| wall(Paris, t))
        .map(|w| (w.0, w.1))
        .collect();
    assert_eq!(
        walls,
        vec![
            (date(2026, 6, 1), "09:00".into()),
            (date(2026, 6, 10), "14:30".into()),
            (date(2026, 6, 15), "09:00".into()),
            (date(2026, 6, 22), "09:00".into()),
        ]
    );
}

#[test]
fn no_two_occurrences_share_a_slot() {
    // Aiming daily at a single weekly slot: each aim moves on to a later Monday.
    let first = at(Paris, 2026, 6, 1, 9, 0);
    let until = at(Paris, 2026, 6, 29, 9, 0);
    let daily_aims = Recurrence::new(1, until).unwrap();
    let monday = settings(&[slot(MON, 9, 0)]);
    let taken = [at(Paris, 2026, 6, 15, 9, 0)];
    let all = evergreen_occurrences(&monday, &Real(Paris), first, &daily_aims, &taken);
    let days: Vec<_> = all.iter().map(|&t| wall(Paris, t).0).collect();
    assert_eq!(
        days,
        vec![
            date(2026, 6, 1),
            date(2026, 6, 8),
            date(2026, 6, 22),
            date(2026, 6, 29)
        ]
    );
    assert!(all.windows(2).all(|w| w[1] - w[0] >= 60_000.0));
}

#[test]
fn until_is_inclusive() {
    let first = at(Paris, 2026, 6, 1, 9, 0);
    let third = at(Paris, 2026, 6, 15, 9, 0);
    let zone = Real(Paris);
    let on = Recurrence::new(7, third).unwrap();
    assert_eq!(
        evergreen_occurrences(&mon_wed(), &zone, first, &on, &[]).len(),
        3
    );
    let just_before = Recurrence::new(7, third - 1.0).unwrap();
    assert_eq!(
        evergreen_occurrences(&mon_wed(), &zone, first, &just_before, &[]).len(),
        2
    );
}

#[test]
fn a_recurrence_must_repeat_at_least_every_day() {
    assert_eq!(Recurrence::new(0, 0.0), Err(QueueError::EveryDays));
    assert!(Recurrence::new(1, 0.0).is_ok());
}

#[test]
fn occurrences_stop_at_one_thousand() {
    let no_slots = QueueSettings::new("w1".into());
    let first = at(Paris, 2026, 1, 1, 9, 0);
    let forever = Recurrence::new(1, f64::MAX).unwrap();
    let all = evergreen_occurrences(&no_slots, &Real(Paris), first, &forever, &[]);
    assert_eq!(all.len(), MAX_OCCURRENCES);
}

/// The offsets remembered per quarter of an hour are the zone's own at every instant, in
/// zones whose changes fall at odd local times or whose offsets are not whole hours.
#[test]
fn a_cached_zone_answers_as_the_zone_at_every_instant() {
    use attache::domain::queue::Zone;
    use attache::domain::zone_cache::CachedZone;
    for tz in [
        Paris,
        New_York,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::Asia::Kathmandu,
        chrono_tz::Pacific::Chatham,
        chrono_tz::America::St_Johns,
    ] {
        let cached = CachedZone::new(zones::Real(tz));
        let start = zones::at(tz, 2026, 1, 1, 0, 0);
        // Every 7 minutes over a year and a half, out of order (a cache filled backwards
        // must answer as well).
        let steps = 18 * 31 * 24 * 60 / 7;
        for k in (0..steps).rev().chain(0..steps) {
            let t = start + f64::from(k) * 7.0 * 60_000.0 + 13_000.0;
            assert_eq!(
                cached.offset_minutes(t),
                zones::Real(tz).offset_minutes(t),
                "{tz} at {t}"
            );
        }
    }
}
