//! Counting a limb outside any incident: a clock whose start the caller already knows (the
//! end of a drill, for its report to the regulator), counted by the same rules as every
//! obligation's, on the host's calendars.

use chrono::{DateTime, Utc};

use super::deadline::{self, CountError, LimbContext};
use super::{BusinessCalendar, CalendarRule, Calendars, Limb, MissingFact};
use crate::locale::Zone;

impl Limb {
    /// The due time of this limb counted from `start`, in `zone` (for day-based periods
    /// without a calendar), on `calendars`. The limb's trigger is not looked up: the caller
    /// supplies the instant it stands for. Readings are the conservative defaults and no
    /// roll is denied; an entity calendar ([`CalendarRule::Entity`]) cannot be resolved
    /// without an entity and is reported as missing.
    ///
    /// # Errors
    /// The [`MissingFact`] the count lacks: the calendar, its coverage of the dates needed
    /// (with the days it covers, never a guessed date), the zone, or
    /// [`MissingFact::OutOfRange`].
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone as _, Utc};
    /// use incident::id::CalendarId;
    /// use incident::regulation::*;
    ///
    /// let limb = Limb::new(Trigger::Detected {}, Offset::working_days(15))
    ///     .calendar(CalendarRule::Named { id: CalendarId::new("cn")? })
    ///     .at(TimeOfDay::EndOfDay {});
    /// // A drill ends Wednesday 23 September 2026, 16:00 Beijing. Mid-Autumn (25–27
    /// // September) and Golden Week (1–7 October) are rest days, Saturday 10 October a
    /// // make-up working day: the 15th working day is 21 October, due at its 24:00.
    /// let end = Utc.with_ymd_and_hms(2026, 9, 23, 8, 0, 0).unwrap();
    /// let due = limb.due_after(end, None, &Calendars::builtin()).map_err(|m| m.to_string())?;
    /// assert_eq!(due, Utc.with_ymd_and_hms(2026, 10, 21, 16, 0, 0).unwrap());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due_after(
        &self,
        start: DateTime<Utc>,
        zone: Option<Zone>,
        calendars: &Calendars,
    ) -> Result<DateTime<Utc>, MissingFact> {
        let (calendar, calendar_missing) = match &self.calendar {
            None => (None, None),
            Some(CalendarRule::Entity {}) => (None, Some(MissingFact::EntityCalendar {})),
            Some(CalendarRule::Named { id }) => match calendars.get(id) {
                Ok(c) => (Some(c), None),
                Err(_) => (None, Some(MissingFact::Calendar { id: id.clone() })),
            },
        };
        let alternatives = std::collections::BTreeSet::new();
        let cx = LimbContext {
            zone,
            calendar,
            calendar_missing,
            roll_denied: false,
            alternatives: &alternatives,
        };
        deadline::due(self, start, &cx, None).map_err(|e| why_not_counted(calendars, e))
    }
}

/// Why a limb could not be counted, as a missing fact; a calendar that does not cover the
/// dates says which days it covers and why it stops there.
pub(super) fn why_not_counted(calendars: &Calendars, e: CountError) -> MissingFact {
    match e {
        CountError::Overflow => MissingFact::OutOfRange {},
        CountError::Missing(MissingFact::CalendarCoverage { id, year, .. }) => {
            let calendar = calendars.get(&id).ok();
            let coverage = calendar.and_then(BusinessCalendar::coverage);
            MissingFact::CalendarCoverage {
                year,
                first_day: coverage.as_ref().map(|c| *c.start()),
                last_day: coverage.as_ref().map(|c| *c.end()),
                note: calendar.and_then(|c| c.coverage_note().map(str::to_owned)),
                notes: calendar
                    .map(|c| c.spec().coverage_notes.clone())
                    .unwrap_or_default(),
                id,
            }
        }
        CountError::Missing(m) => m,
    }
}
