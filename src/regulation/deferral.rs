//! Deferrals an authority grants: a report's due time moved later by a public body, within
//! the periods the rule allows (Form 8-K Item 1.05(c): the U.S. Attorney General).
//!
//! A deferral is a recorded fact, like a filing or a waiver; the rule that caps it is data on
//! the report ([`DeferralRule`]). The clock shows the later due time and keeps the original,
//! and says in the obligation's notes when a grant asks for more than the rule allows.

use chrono::{DateTime, Days, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::{RegimeId, ReportId};
use crate::locale::Zone;

/// How far an authority may move a report's due time: successive grants, each adding at most
/// its step, counted on from the original due time in calendar days of the regime's zone (30
/// days after 17:30 New York time is 17:30 New York time, across a clock change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeferralRule {
    /// Who may grant it, e.g. "U.S. Attorney General".
    pub authority: String,
    /// The most each successive grant may add, in days: `[30, 30, 60]` for Form 8-K.
    pub steps_days: Vec<u32>,
    /// The provision.
    pub citation: String,
    /// What it takes to go beyond the last step, said to the operator when a grant asks for it.
    pub beyond: String,
}

/// A deferral recorded for one report: who granted it, until when, when it was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deferral {
    /// The regime.
    pub regime: RegimeId,
    /// The report.
    pub report: ReportId,
    /// The authority that granted it, as it signed (e.g. "U.S. Department of Justice").
    pub authority: String,
    /// The due time the authority granted.
    pub until: DateTime<Utc>,
    /// The authority's reference (letter, case number), without personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// When it was recorded (a grant counts from then on, not before).
    pub recorded_at: DateTime<Utc>,
}

/// A due time moved by recorded deferrals, as the obligation shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeferredDue {
    /// The due time without any deferral.
    pub original_due: DateTime<Utc>,
    /// The due time in force: the latest grant, within what the rule allows for that many
    /// grants.
    pub until: DateTime<Utc>,
    /// The latest grant's authority.
    pub authority: String,
    /// How many grants were recorded.
    pub grants: u32,
    /// The provision that allows it (the report's [`DeferralRule::citation`]).
    pub citation: String,
}

impl DeferralRule {
    /// The latest time `grants` successive grants may reach from `original`: the sum of the
    /// first `grants` steps (all of them for more grants than steps), in `zone`'s days.
    pub fn cap(&self, original: DateTime<Utc>, grants: usize, zone: Zone) -> DateTime<Utc> {
        let days: u64 = self
            .steps_days
            .iter()
            .take(grants)
            .map(|d| u64::from(*d))
            .sum();
        let local = zone.to_local(original);
        local
            .date()
            .checked_add_days(Days::new(days))
            .map_or(original, |date| zone.instant_at(date, local.time()))
    }

    /// The due time `grants` (oldest first, all for this report) leave in force, and what the
    /// operator must be told: a grant beyond the rule's periods, or asking for more than
    /// they allow, is held to the cap and said so. `None` without grants.
    pub fn extend(
        &self,
        original: DateTime<Utc>,
        grants: &[&Deferral],
        zone: Zone,
    ) -> Option<(DeferredDue, Vec<String>)> {
        let latest = grants.last()?;
        let cap = self.cap(original, grants.len(), zone);
        let mut notes = Vec::new();
        if grants.len() > self.steps_days.len() {
            notes.push(format!(
                "{} deferrals recorded, but {} allows {}: {}",
                grants.len(),
                self.citation,
                self.steps_days.len(),
                self.beyond
            ));
        }
        if latest.until > cap {
            notes.push(format!(
                "the deferral granted until {} goes beyond what {} allows for {} grant(s); the due time is held to {}: {}",
                latest.until.to_rfc3339(),
                self.citation,
                grants.len().min(self.steps_days.len()),
                cap.to_rfc3339(),
                self.beyond
            ));
        }
        let until = latest.until.clamp(original, cap);
        let due = DeferredDue {
            original_due: original,
            until,
            authority: latest.authority.clone(),
            grants: u32::try_from(grants.len()).unwrap_or(u32::MAX),
            citation: self.citation.clone(),
        };
        Some((due, notes))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone as _};

    use super::*;

    fn t(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, 21, 30, 0).unwrap()
    }

    fn rule() -> DeferralRule {
        DeferralRule {
            authority: "U.S. Attorney General".into(),
            steps_days: vec![30, 30, 60],
            citation: "Form 8-K Item 1.05(c)".into(),
            beyond: "further delay needs an SEC exemptive order".into(),
        }
    }

    fn grant(until: DateTime<Utc>) -> Deferral {
        Deferral {
            regime: RegimeId::from_static("us-sec-8k"),
            report: ReportId::from_static("form-8-k"),
            authority: "U.S. Department of Justice".into(),
            until,
            reference: None,
            recorded_at: t(1),
        }
    }

    #[test]
    fn each_grant_adds_at_most_its_step_counted_from_the_original_due_time() {
        let original = t(6);
        let rule = rule();
        assert_eq!(rule.cap(original, 0, Zone::UTC), original);
        assert_eq!(
            rule.cap(original, 1, Zone::UTC),
            original + Duration::days(30)
        );
        assert_eq!(
            rule.cap(original, 2, Zone::UTC),
            original + Duration::days(60)
        );
        assert_eq!(
            rule.cap(original, 3, Zone::UTC),
            original + Duration::days(120)
        );
        assert_eq!(
            rule.cap(original, 9, Zone::UTC),
            original + Duration::days(120)
        );
        // Within the first period: granted as asked, nothing to say.
        let first = grant(original + Duration::days(20));
        let (due, notes) = rule.extend(original, &[&first], Zone::UTC).unwrap();
        assert_eq!(due.until, original + Duration::days(20));
        assert_eq!((due.grants, due.original_due), (1, original));
        assert!(notes.is_empty(), "{notes:?}");
        // Asking 45 days with one grant: held to 30, and said.
        let long = grant(original + Duration::days(45));
        let (due, notes) = rule.extend(original, &[&long], Zone::UTC).unwrap();
        assert_eq!(due.until, original + Duration::days(30));
        assert!(notes[0].contains("held to"), "{notes:?}");
        // A second grant reaches 45.
        let (due, notes) = rule.extend(original, &[&first, &long], Zone::UTC).unwrap();
        assert_eq!(due.until, original + Duration::days(45));
        assert!(notes.is_empty(), "{notes:?}");
        // A fourth grant: beyond the rule's periods, held to 120 days.
        let far = grant(original + Duration::days(200));
        let (due, notes) = rule
            .extend(original, &[&first, &first, &first, &far], Zone::UTC)
            .unwrap();
        assert_eq!(due.until, original + Duration::days(120));
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("exemptive order"), "{notes:?}");
        // A grant cannot bring the due time forward, and no grant is no deferral.
        let early = grant(original - Duration::days(2));
        assert_eq!(
            rule.extend(original, &[&early], Zone::UTC).unwrap().0.until,
            original
        );
        assert!(rule.extend(original, &[], Zone::UTC).is_none());
    }

    /// Days are the regime's: 30 days after Friday 6 March 2026 17:30 EST (22:30Z) is Sunday
    /// 5 April 17:30 EDT (21:30Z), not 22:30Z; US clocks went forward on 8 March.
    #[test]
    fn days_are_counted_in_the_regimes_zone_across_a_clock_change() {
        let new_york = Zone::new(chrono_tz::America::New_York);
        let original = Utc.with_ymd_and_hms(2026, 3, 6, 22, 30, 0).unwrap();
        assert_eq!(
            rule().cap(original, 1, new_york),
            Utc.with_ymd_and_hms(2026, 4, 5, 21, 30, 0).unwrap()
        );
    }
}
