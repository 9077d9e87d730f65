//! The precomputed per-calendar lookup table that makes every working-day query O(1).

use chrono::{Days, NaiveDate};

use super::spec::{is_working, CalendarSpec};

/// The precomputed answer table over the covered days, so every query is a lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Index {
    /// 1 January of the first covered year: day offset 0.
    first: NaiveDate,
    /// `running[i]`: working days among offsets `0..=i`.
    running: Vec<u32>,
    /// Offsets of the working days, ascending.
    working: Vec<u32>,
}

impl Index {
    /// Builds the table; infallible (an invalid year range gives an empty table that covers
    /// nothing), so the built-in calendars need no fallible path.
    pub(super) fn build(spec: &CalendarSpec) -> Self {
        let first = NaiveDate::from_ymd_opt(spec.first_year, 1, 1);
        let last = NaiveDate::from_ymd_opt(spec.last_year, 12, 31);
        let (Some(first), Some(last)) = (first, last) else {
            return Self {
                first: NaiveDate::MIN,
                running: Vec::new(),
                working: Vec::new(),
            };
        };
        let days = usize::try_from(
            last.signed_duration_since(first)
                .num_days()
                .saturating_add(1),
        )
        .unwrap_or(0);
        let mut running = Vec::with_capacity(days);
        let mut working = Vec::with_capacity(days);
        let mut count = 0u32;
        for (date, offset) in first.iter_days().take_while(|d| *d <= last).zip(0u32..) {
            if is_working(spec, date) {
                count = count.saturating_add(1);
                working.push(offset);
            }
            running.push(count);
        }
        working.shrink_to_fit();
        Self {
            first,
            running,
            working,
        }
    }

    pub(super) fn offset(&self, date: NaiveDate) -> Option<usize> {
        let days = date.signed_duration_since(self.first).num_days();
        usize::try_from(days)
            .ok()
            .filter(|&i| i < self.running.len())
    }

    /// Working days among offsets `0..=i`.
    pub(super) fn through(&self, i: usize) -> u32 {
        self.running.get(i).copied().unwrap_or(0)
    }

    /// Working days among offsets `0..i`.
    pub(super) fn before(&self, i: usize) -> u32 {
        i.checked_sub(1).map_or(0, |j| self.through(j))
    }

    /// The date of the working day with rank `k` (0-based), if any.
    pub(super) fn working_day(&self, k: u64) -> Option<NaiveDate> {
        let offset = self.working.get(usize::try_from(k).ok()?)?;
        self.first.checked_add_days(Days::new(u64::from(*offset)))
    }
}

#[cfg(test)]
mod tests {
    use crate::regulation::calendar::spec::is_working;
    use crate::regulation::calendar::testing::date;
    use crate::regulation::Calendars;

    #[test]
    fn index_matches_the_definition_day_by_day() {
        for calendar in Calendars::builtin().iter() {
            let spec = calendar.spec();
            let first = date(spec.first_year, 1, 1);
            let last = date(spec.last_year, 12, 31);
            for d in first.iter_days().take_while(|d| *d <= last) {
                assert_eq!(
                    calendar.is_working_day(d).unwrap(),
                    is_working(spec, d),
                    "{d}"
                );
            }
        }
    }
}
