//! Obligations: what each applicable report requires of this incident, by when, and how it
//! stands.

use crate::locale::Translations;
use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Ambiguity, Confidence, DeferredDue, MissingFact, Offset, ReportRecipient, Trigger, Urgency,
};
use crate::locale::Zone;
use crate::{id::RegimeId, id::ReportId};

/// Which reading of each known ambiguity to use. The default is the conservative reading
/// everywhere; naming an ambiguity here chooses its alternative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Readings {
    /// The ambiguities read the alternative way.
    #[serde(default)]
    pub alternatives: BTreeSet<Ambiguity>,
}

impl Readings {
    /// Chooses the alternative reading of an ambiguity.
    #[must_use]
    pub fn alternative(mut self, ambiguity: Ambiguity) -> Self {
        self.alternatives.insert(ambiguity);
        self
    }
}

/// Which reading an obligation used for one ambiguity, and what the other gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadingUsed {
    /// The ambiguity.
    pub ambiguity: Ambiguity,
    /// Whether the alternative reading was used (otherwise the conservative one).
    pub alternative: bool,
    /// The reading used, in words.
    pub reading: String,
    /// The due time under the other reading, when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_due: Option<DateTime<Utc>>,
    /// Why the due time under the other reading could not be computed (a calendar that
    /// does not cover the year, a time out of range). Then `other_due` is absent for this
    /// reason, not because both readings give the same time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_due_undetermined: Option<MissingFact>,
}

/// How one limb of a deadline came out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimbOutcome {
    /// The trigger.
    pub trigger: Trigger,
    /// The period.
    pub offset: Offset,
    /// When the trigger happened, if it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triggered_at: Option<DateTime<Utc>>,
    /// The due time this limb gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<Utc>>,
    /// Whether this limb sets the obligation's due time.
    pub governing: bool,
    /// Why the limb does not count, if it does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped: Option<String>,
}

/// A reminder before a due time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    /// The share of the window elapsed, in basis points (5000 = half way).
    pub fraction_bp: u16,
    /// When.
    pub at: DateTime<Utc>,
}

/// Where an obligation stands at the time asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum ObligationStatus {
    /// The regime applies, but what starts the clock has not happened yet.
    AwaitingTrigger {},
    /// Open: due in the future, or due "immediately" with no timestamp.
    Pending {
        /// Seconds left until the due time, if it has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        remaining_seconds: Option<i64>,
    },
    /// Not filed and past due: the deadline was breached.
    Overdue {
        /// Seconds past due.
        overdue_seconds: i64,
    },
    /// Recorded as not owed; the legal basis is in the incident's
    /// [`Waiver`](super::Waiver).
    Waived {
        /// When that was recorded.
        waived_at: DateTime<Utc>,
    },
    /// Filed.
    Met {
        /// When it was submitted.
        submitted_at: DateTime<Utc>,
        /// Seconds after the due time, when late.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        late_seconds: Option<i64>,
    },
}

impl ObligationStatus {
    /// A short label for tables.
    pub fn label(&self) -> String {
        match self {
            Self::AwaitingTrigger {} => "awaiting trigger".to_owned(),
            Self::Pending {
                remaining_seconds: Some(s),
            } => format!("pending, {} left", human(*s)),
            Self::Pending { .. } => "pending (no timestamp)".to_owned(),
            Self::Overdue { overdue_seconds } => format!("OVERDUE by {}", human(*overdue_seconds)),
            Self::Met {
                late_seconds: Some(s),
                ..
            } => format!("met, {} late", human(*s)),
            Self::Met { .. } => "met".to_owned(),
            Self::Waived { .. } => "waived (not owed)".to_owned(),
        }
    }

    /// Still owed: pending or overdue (what Review and Close wait for).
    pub fn is_owed(&self) -> bool {
        matches!(self, Self::Pending { .. } | Self::Overdue { .. })
    }
}

/// A duration in seconds as `2d 3h 05m`.
pub(crate) fn human(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (d, h, m) = (s / 86_400, (s % 86_400) / 3_600, (s % 3_600) / 60);
    if d > 0 {
        format!("{d}d {h}h {m:02}m")
    } else if h > 0 {
        format!("{h}h {m:02}m")
    } else {
        format!("{m}m")
    }
}

/// One report the incident owes under one regime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    /// The regime.
    pub regime: RegimeId,
    /// The regime's version.
    pub regime_version: String,
    /// The regime's name.
    pub regime_name: String,
    /// The regime's name in other languages ([`Regime::titles`](super::Regime::titles)).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub regime_titles: Translations,
    /// The report.
    pub report: ReportId,
    /// The report's name.
    pub report_name: String,
    /// The report's name in other languages ([`Report::titles`](super::Report::titles)).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub report_titles: Translations,
    /// Who receives it.
    pub recipient: ReportRecipient,
    /// How fast the text asks for it apart from the hard limit.
    pub urgency: Urgency,
    /// How sure the rule is; `low` means unverified.
    pub confidence: Confidence,
    /// The provision.
    pub citation: String,
    /// The trigger of the governing limb and when it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Trigger>,
    /// When the governing trigger happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triggered_at: Option<DateTime<Utc>>,
    /// The due time; `null` for "immediately"/"without undue delay" with no outer cap, or
    /// while the trigger has not happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<Utc>>,
    /// The due time in the regime's zone, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_local: Option<String>,
    /// The zone `due_local` is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Zone>,
    /// Every limb and how it came out.
    #[serde(default)]
    pub limbs: Vec<LimbOutcome>,
    /// The reading used for each ambiguity of the governing limb.
    #[serde(default)]
    pub readings: Vec<ReadingUsed>,
    /// Facts assumed because they were not recorded.
    #[serde(default)]
    pub assumptions: Vec<String>,
    /// Other explanations (fallbacks, relief applied or denied).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Reminders before the due time.
    #[serde(default)]
    pub reminders: Vec<Reminder>,
    /// The due time as an authority moved it, with the original (`due` is the one in force).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferred: Option<DeferredDue>,
    /// Where it stands.
    pub status: ObligationStatus,
    /// What the report must contain.
    #[serde(default)]
    pub contents: Vec<String>,
    /// Computed for a drill: not a real filing obligation.
    pub exercise: bool,
}

impl Obligation {
    /// Whether the rule behind it was verified against a text.
    pub fn is_verified(&self) -> bool {
        self.confidence.is_verified()
    }
}

/// A regime or report that cannot be evaluated yet, and what is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Undetermined {
    /// The regime.
    pub regime: RegimeId,
    /// The report, when only it is undetermined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportId>,
    /// What is missing.
    pub missing: Vec<MissingFact>,
}

/// A regime or report that does not apply, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotApplicable {
    /// The regime.
    pub regime: RegimeId,
    /// The report, when only it does not apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportId>,
    /// Why.
    pub reason: String,
    /// Set when the reason is the regime version's dates: not yet in force at the trigger
    /// (for this entity), or superseded by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_in_force: Option<super::NotInForce>,
}

/// Every obligation of an incident at one moment, plus what could not be decided and what
/// does not apply, so nothing is silently left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligations {
    /// The moment the statuses are computed for.
    pub at: DateTime<Utc>,
    /// A drill.
    pub exercise: bool,
    /// Applicable obligations, earliest due first (those without a due time first, as they
    /// are "immediately").
    pub obligations: Vec<Obligation>,
    /// What cannot be evaluated for want of a fact.
    pub undetermined: Vec<Undetermined>,
    /// What does not apply.
    pub not_applicable: Vec<NotApplicable>,
}

impl Obligations {
    /// Obligations past due and not filed.
    pub fn overdue(&self) -> impl Iterator<Item = &Obligation> {
        self.obligations
            .iter()
            .filter(|o| matches!(o.status, ObligationStatus::Overdue { .. }))
    }

    /// The obligation for a regime's report.
    pub fn get(&self, regime: &str, report: &str) -> Option<&Obligation> {
        self.obligations
            .iter()
            .find(|o| o.regime.as_str() == regime && o.report.as_str() == report)
    }
}

impl fmt::Display for Obligations {
    /// A plain-text table, one line per obligation, then what is undetermined.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exercise {
            writeln!(
                f,
                "EXERCISE: computed for a drill, nothing here is a real filing"
            )?;
        }
        writeln!(
            f,
            "{:<26} {:<28} {:<34} {:<30} status",
            "regime", "report", "due (local)", "trigger"
        )?;
        for o in &self.obligations {
            let due = match (&o.due_local, o.status) {
                (Some(d), _) => d.clone(),
                (None, ObligationStatus::AwaitingTrigger {}) => "-".to_owned(),
                (None, _) => o.urgency.as_str().to_owned(),
            };
            let trigger = o
                .trigger
                .as_ref()
                .map_or_else(|| "-".to_owned(), ToString::to_string);
            let mut flag = if o.is_verified() { "" } else { " [unverified]" }.to_owned();
            if let Some(d) = &o.deferred {
                flag.push_str(&format!(
                    " [deferred by {} from {}]",
                    d.authority,
                    d.original_due.to_rfc3339()
                ));
            }
            writeln!(
                f,
                "{:<26} {:<28} {:<34} {:<30} {}{flag}",
                o.regime.as_str(),
                o.report.as_str(),
                due,
                trigger,
                o.status.label()
            )?;
        }
        if !self.not_applicable.is_empty() {
            writeln!(
                f,
                "({} regimes or reports do not apply; their reasons are in the JSON output)",
                self.not_applicable.len()
            )?;
        }
        for u in &self.undetermined {
            let what = u
                .report
                .as_ref()
                .map_or_else(|| u.regime.to_string(), |r| format!("{} / {r}", u.regime));
            for m in &u.missing {
                writeln!(f, "undetermined {what}: missing {m}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;

    #[test]
    fn durations_and_statuses_read_well() {
        assert_eq!(human(59), "0m");
        assert_eq!(human(3_600 + 5 * 60), "1h 05m");
        assert_eq!(human(2 * 86_400 + 3 * 3_600 + 60), "2d 3h 01m");
        assert_eq!(human(-90 * 60), "1h 30m");
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
        assert_eq!(
            ObligationStatus::AwaitingTrigger {}.label(),
            "awaiting trigger"
        );
        assert_eq!(
            ObligationStatus::Pending {
                remaining_seconds: Some(7_200)
            }
            .label(),
            "pending, 2h 00m left"
        );
        assert_eq!(
            ObligationStatus::Pending {
                remaining_seconds: None
            }
            .label(),
            "pending (no timestamp)"
        );
        assert_eq!(
            ObligationStatus::Overdue {
                overdue_seconds: 60
            }
            .label(),
            "OVERDUE by 1m"
        );
        assert_eq!(
            ObligationStatus::Met {
                submitted_at: at,
                late_seconds: None
            }
            .label(),
            "met"
        );
        assert_eq!(
            ObligationStatus::Met {
                submitted_at: at,
                late_seconds: Some(86_400)
            }
            .label(),
            "met, 1d 0h 00m late"
        );
    }
}
