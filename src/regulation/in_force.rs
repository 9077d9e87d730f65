//! When a regime version applies: the dates it is in force, the later dates some entities
//! comply from, and the typed outcome for an incident whose trigger falls outside them.
//!
//! The date tested is the local date (in the regime's zone) of the moment the obligation's
//! clock counts from: the governing trigger, or detection for a report with no clock.
//! Rules apply to incidents by their trigger, not their occurrence: an 8-K duty arises on a
//! materiality determination made after 2023-12-18 even for an intrusion that began
//! before.

use std::fmt;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Confidence, EntityProfile, EntityType};
use crate::locale::Zone;

/// The dates a regime version is in force, with where they come from.
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use incident::regulation::hk_cap_653;
///
/// let in_force = hk_cap_653().in_force.unwrap();
/// assert_eq!(in_force.from, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
/// assert_eq!(in_force.until, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InForce {
    /// The first day the rules apply (local date in the regime's zone).
    pub from: NaiveDate,
    /// The last day they apply, when a later version supersedes them (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// Where the dates come from (the commencement provision, the release).
    pub source: String,
    /// How sure the dates are (default: the primary text or a verbatim quote was seen).
    #[serde(default = "high")]
    pub confidence: Confidence,
    /// Later compliance dates for some entities (Reg S-P smaller entities, 8-K smaller
    /// reporting companies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later_for: Vec<LaterCompliance>,
}

fn high() -> Confidence {
    Confidence::High
}

/// A later compliance date for entities of one kind, selected by an entry of the
/// [`EntityProfile`]. The profile must say which side the entity is on: when it lists
/// neither type, the size is not known, the earlier date is read (the rules apply: the
/// conservative reading) and every obligation says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LaterCompliance {
    /// The first day these entities must comply.
    pub from: NaiveDate,
    /// Who they are, in words (e.g. `smaller entities (RIAs under $1.5 billion AUM, …)`).
    pub who: String,
    /// The profile entry that selects the later date.
    pub entity_type: EntityType,
    /// The profile entry that rules it out (the entity complies from the regime's date).
    pub otherwise: EntityType,
    /// Where the date comes from.
    pub source: String,
}

impl InForce {
    /// In force from `from`, citing `source`, with no end and no later dates.
    pub fn from(from: NaiveDate, source: impl Into<String>) -> Self {
        Self {
            from,
            until: None,
            source: source.into(),
            confidence: Confidence::High,
            later_for: Vec::new(),
        }
    }

    /// Sets the last day the version applies.
    #[must_use]
    pub fn until(mut self, until: NaiveDate) -> Self {
        self.until = Some(until);
        self
    }

    /// Sets how sure the dates are.
    #[must_use]
    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = confidence;
        self
    }

    /// Adds a later compliance date.
    #[must_use]
    pub fn later_for(mut self, later: LaterCompliance) -> Self {
        self.later_for.push(later);
        self
    }

    /// Whether the version applies to an obligation whose clock counts from `trigger`, for
    /// this entity. `zone` is the regime's zone; when it is unknown, the date is taken at
    /// both ends of the world's offsets so that a trigger that might fall on the first day
    /// counts as in force (the conservative reading).
    pub(crate) fn check(
        &self,
        trigger: DateTime<Utc>,
        zone: Option<Zone>,
        profile: &EntityProfile,
    ) -> InForceFinding {
        let (earliest, latest) = match zone {
            Some(z) => (z.local_date(trigger), z.local_date(trigger)),
            None => (
                shifted(trigger, Duration::hours(-12)),
                shifted(trigger, Duration::hours(14)),
            ),
        };
        let out = |from, who: Option<&str>, source: &str| NotInForce {
            from,
            until: self.until,
            trigger_date: latest,
            who: who.map(str::to_owned),
            source: source.to_owned(),
        };
        if latest < self.from {
            return InForceFinding::Out(out(self.from, None, &self.source));
        }
        if let Some(until) = self.until {
            if earliest > until {
                return InForceFinding::Out(NotInForce {
                    trigger_date: earliest,
                    ..out(self.from, None, &self.source)
                });
            }
        }
        let mut assumptions = Vec::new();
        for later in &self.later_for {
            if latest >= later.from {
                continue;
            }
            let (is, is_not) = (
                profile.entity_types.contains(&later.entity_type),
                profile.entity_types.contains(&later.otherwise),
            );
            match (is, is_not) {
                (true, _) => {
                    return InForceFinding::Out(out(later.from, Some(&later.who), &later.source))
                }
                (false, true) => {}
                (false, false) => assumptions.push(format!(
                    "entity size not recorded: read as not {who}, so the rules apply from {from}; {who} comply from {later_from} (set `{yes}` or `{no}` in the entity profile)",
                    who = later.who,
                    from = self.from,
                    later_from = later.from,
                    yes = later.entity_type.as_str(),
                    no = later.otherwise.as_str(),
                )),
            }
        }
        InForceFinding::In { assumptions }
    }
}

/// The date of `at + by` in UTC, saturating at the ends of the timeline.
fn shifted(at: DateTime<Utc>, by: Duration) -> NaiveDate {
    at.checked_add_signed(by).unwrap_or(at).date_naive()
}

/// Whether a version applies, and the assumptions made to say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InForceFinding {
    /// It applies.
    In {
        /// Assumptions made (an entity size not recorded).
        assumptions: Vec<String>,
    },
    /// It does not apply at the trigger's date.
    Out(NotInForce),
}

/// Why a regime version does not apply: the trigger's date falls before the day it comes
/// into force (for this entity) or after the last day it applies. Carried by
/// [`NotApplicable::not_in_force`](super::NotApplicable::not_in_force), so a host can tell
/// "not yet in force" from every other reason without reading prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotInForce {
    /// The first day the version applies (to these entities, with `who`).
    pub from: NaiveDate,
    /// The last day it applies, when superseded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The local date of the moment the clock would count from.
    pub trigger_date: NaiveDate,
    /// The entities a later compliance date applies to, when that is why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// Where the date comes from.
    pub source: String,
}

impl NotInForce {
    /// Whether the version was superseded before the trigger (rather than not yet in force).
    pub fn is_superseded(&self) -> bool {
        self.trigger_date >= self.from && self.until.is_some_and(|u| self.trigger_date > u)
    }
}

impl fmt::Display for NotInForce {
    /// `not applicable: in force from 2026-01-01 (the trigger is on 2025-12-31; source)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.is_superseded(), self.until, &self.who) {
            (true, Some(until), _) => write!(
                f,
                "not applicable: in force until {until}, superseded before the trigger on {}",
                self.trigger_date
            )?,
            (_, _, Some(who)) => write!(
                f,
                "not applicable: in force from {} for {who}; the trigger is on {}",
                self.from, self.trigger_date
            )?,
            _ => write!(
                f,
                "not applicable: in force from {}; the trigger is on {}",
                self.from, self.trigger_date
            )?,
        }
        write!(f, " ({})", self.source)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sized() -> InForce {
        InForce::from(d(2025, 12, 3), "larger")
            .until(d(2027, 12, 31))
            .later_for(LaterCompliance {
                from: d(2026, 6, 3),
                who: "smaller entities".into(),
                entity_type: EntityType::RegSpSmallerEntity,
                otherwise: EntityType::RegSpLargerEntity,
                source: "smaller".into(),
            })
    }

    #[test]
    fn dates_sizes_and_unknown_zones() {
        let p = EntityProfile::new();
        let smaller = EntityProfile::new().entity_type(EntityType::RegSpSmallerEntity);
        let larger = EntityProfile::new().entity_type(EntityType::RegSpLargerEntity);
        let ny = Some(Zone::NEW_YORK);
        // 2025-12-03 04:00Z is still 2 December in New York.
        let early = Utc.with_ymd_and_hms(2025, 12, 3, 4, 0, 0).unwrap();
        let InForceFinding::Out(n) = sized().check(early, ny, &larger) else {
            panic!("in force a day early")
        };
        assert_eq!(n.trigger_date, d(2025, 12, 2));
        assert_eq!(
            n.to_string(),
            "not applicable: in force from 2025-12-03; the trigger is on 2025-12-02 (larger)"
        );
        // Unknown zone: it may already be 3 December somewhere, so it applies.
        assert!(matches!(
            sized().check(early, None, &larger),
            InForceFinding::In { .. }
        ));
        let between = Utc.with_ymd_and_hms(2026, 3, 2, 15, 0, 0).unwrap();
        assert_eq!(
            sized().check(between, ny, &larger),
            InForceFinding::In {
                assumptions: vec![]
            }
        );
        let InForceFinding::Out(n) = sized().check(between, ny, &smaller) else {
            panic!("a smaller entity complies later")
        };
        assert!(n
            .to_string()
            .contains("in force from 2026-06-03 for smaller entities"));
        let InForceFinding::In { assumptions } = sized().check(between, ny, &p) else {
            panic!("an unknown size reads as the earlier date")
        };
        assert!(
            assumptions[0].contains("entity size not recorded"),
            "{assumptions:?}"
        );
        assert!(assumptions[0].contains("reg_sp_smaller_entity"));
        let after = Utc.with_ymd_and_hms(2026, 7, 1, 15, 0, 0).unwrap();
        assert_eq!(
            sized().check(after, ny, &p),
            InForceFinding::In {
                assumptions: vec![]
            }
        );
        let late = Utc.with_ymd_and_hms(2028, 1, 1, 15, 0, 0).unwrap();
        let InForceFinding::Out(n) = sized().check(late, ny, &p) else {
            panic!("superseded")
        };
        assert!(n.is_superseded());
        assert!(n
            .to_string()
            .starts_with("not applicable: in force until 2027-12-31"));
        // The ends of the timeline do not panic.
        let _ = sized().check(DateTime::<Utc>::MAX_UTC, None, &p);
        let _ = sized().check(DateTime::<Utc>::MIN_UTC, None, &p);
    }
}
