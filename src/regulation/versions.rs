//! Which version of a regime applies to a report: the moment its obligation arises
//! against the version's in-force dates.

use chrono::{DateTime, Utc};

use super::in_force::InForceFinding;
use super::{IncidentFacts, NotInForce, Regime, Regulation, Report};

impl Regulation {
    /// Whether the regime version applies to `report`: the moment its obligation arises
    /// (the latest trigger of its limbs that has happened, or detection for a report
    /// without a clock) against the version's dates. Checked before counting, so a report
    /// not in force is never "undetermined" for want of a calendar year. A report still
    /// awaiting its trigger can only be ruled out as superseded, as of `at` (a trigger yet
    /// to come is no earlier).
    pub(super) fn in_force(
        &self,
        regime: &Regime,
        report: &Report,
        facts: &IncidentFacts,
        at: DateTime<Utc>,
    ) -> InForceFinding {
        let Some(in_force) = &regime.in_force else {
            return InForceFinding::In {
                assumptions: Vec::new(),
            };
        };
        let arises = if report.deadline.is_empty() {
            Some(facts.detected_at)
        } else {
            report
                .deadline
                .iter()
                .filter_map(|limb| facts.trigger_time(&regime.id, &self.limb_trigger(limb)))
                .map(|(when, _)| when)
                .max()
        };
        match arises {
            Some(trigger) => in_force.check(trigger, self.zone(regime), &self.profile),
            None => match self.superseded_before(regime, at) {
                Some(n) => InForceFinding::Out(n),
                None => InForceFinding::In {
                    assumptions: Vec::new(),
                },
            },
        }
    }

    /// Why the regime version no longer applied at `at`, if it was superseded by then:
    /// triggers are never before detection, so a version that ended before the incident was
    /// detected applies to none of its reports.
    pub(super) fn superseded_before(
        &self,
        regime: &Regime,
        at: DateTime<Utc>,
    ) -> Option<NotInForce> {
        let in_force = regime.in_force.as_ref()?;
        in_force.until?;
        match in_force.check(at, self.zone(regime), &self.profile) {
            InForceFinding::Out(n) if n.is_superseded() => Some(n),
            _ => None,
        }
    }
}
