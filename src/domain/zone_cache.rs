//! A zone that asks its inner zone once per quarter of an hour: working out a million
//! activities' local days asks the browser's clock a million times otherwise. Offsets
//! change only at whole quarters of an hour in UTC (every zone's offset is a multiple of
//! 15 minutes and its changes fall on :00 or :30 local), so one answer holds for the
//! whole quarter.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::queue::Zone;

const QUARTER_MS: f64 = 15.0 * 60_000.0;

/// `zone`, remembered per quarter of an hour; make one per piece of work, so a change of
/// the device's zone is seen by the next.
pub struct CachedZone<Z> {
    zone: Z,
    known: RefCell<FxHashMap<i64, i32>>,
}

impl<Z: Zone> CachedZone<Z> {
    pub fn new(zone: Z) -> Self {
        CachedZone {
            zone,
            known: RefCell::default(),
        }
    }
}

impl<Z: Zone> Zone for CachedZone<Z> {
    fn offset_minutes(&self, utc_ms: f64) -> i32 {
        let quarter = (utc_ms / QUARTER_MS).floor() as i64;
        if let Some(&known) = self.known.borrow().get(&quarter) {
            return known;
        }
        let offset = self.zone.offset_minutes(quarter as f64 * QUARTER_MS);
        self.known.borrow_mut().insert(quarter, offset);
        offset
    }
}
