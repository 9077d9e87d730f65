//! Obligations: what each applicable report requires of this incident, by when, and how it
//! stands.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::deadline::{self, CountError, LimbContext};
use super::outcome::late_by;
use super::{
    Ambiguity, CalendarRule, Calendars, Confidence, EntityProfile, IncidentFacts, MissingFact,
    Offset, Regime, Report, ReportRecipient, Tri, Trigger, Urgency, ZoneRule,
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
    AwaitingTrigger,
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
            Self::AwaitingTrigger => "awaiting trigger".to_owned(),
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
        }
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
    /// The report.
    pub report: ReportId,
    /// The report's name.
    pub report_name: String,
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
                (None, ObligationStatus::AwaitingTrigger) => "-".to_owned(),
                (None, _) => o.urgency.as_str().to_owned(),
            };
            let trigger = o
                .trigger
                .as_ref()
                .map_or_else(|| "-".to_owned(), ToString::to_string);
            let flag = if o.is_verified() { "" } else { " [unverified]" };
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

/// Everything needed to compute clocks: the entity, the regimes, the calendars, the
/// readings chosen and the reminder points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    /// The reporting entity.
    pub profile: EntityProfile,
    /// The regimes considered.
    pub regimes: Vec<Regime>,
    /// The calendars they may name.
    pub calendars: Calendars,
    /// The readings of known ambiguities.
    #[serde(default)]
    pub readings: Readings,
    /// Reminder points as shares of each window in basis points (default 50 % and 80 %).
    #[serde(default = "default_reminders")]
    pub reminders_bp: Vec<u16>,
}

fn default_reminders() -> Vec<u16> {
    vec![5_000, 8_000]
}

impl Regulation {
    /// The built-in regimes and calendars for this entity, with conservative readings and
    /// reminders at 50 % and 80 % of each window.
    pub fn builtin(profile: EntityProfile) -> Self {
        Self {
            profile,
            regimes: super::builtin_regimes(),
            calendars: Calendars::builtin(),
            readings: Readings::default(),
            reminders_bp: default_reminders(),
        }
    }

    /// Adds a regime, replacing a regime with the same id (a host override).
    #[must_use]
    pub fn with_regime(mut self, regime: Regime) -> Self {
        match self.regimes.iter_mut().find(|r| r.id == regime.id) {
            Some(slot) => *slot = regime,
            None => self.regimes.push(regime),
        }
        self
    }

    /// Everything wrong with the regimes (see [`Regime::problems`]), plus regimes that
    /// share an id. Empty when the regulation is sound; the built-in one is.
    pub fn problems(&self) -> Vec<super::RegimeProblem> {
        let mut out: Vec<_> = self.regimes.iter().flat_map(Regime::problems).collect();
        for (i, regime) in self.regimes.iter().enumerate() {
            if self.regimes.iter().take(i).any(|r| r.id == regime.id) {
                out.push(super::RegimeProblem::DuplicateRegime {
                    regime: regime.id.clone(),
                });
            }
        }
        out
    }

    /// Sets the readings.
    #[must_use]
    pub fn with_readings(mut self, readings: Readings) -> Self {
        self.readings = readings;
        self
    }

    /// Every obligation of the incident as it stood at `at`. Filings submitted after `at`
    /// are left out, so asking about a past moment shows what was still owed then (a
    /// report filed later is pending or overdue at `at`, not met).
    pub fn obligations(&self, facts: &IncidentFacts, at: DateTime<Utc>) -> Obligations {
        let as_of;
        let facts = if facts.filings.iter().any(|f| f.submitted_at > at) {
            as_of = IncidentFacts {
                filings: facts
                    .filings
                    .iter()
                    .filter(|f| f.submitted_at <= at)
                    .cloned()
                    .collect(),
                ..facts.clone()
            };
            &as_of
        } else {
            facts
        };
        let mut out = Obligations {
            at,
            exercise: facts.exercise,
            obligations: Vec::new(),
            undetermined: Vec::new(),
            not_applicable: Vec::new(),
        };
        for regime in &self.regimes {
            let verdict = regime.applies_when.evaluate(&self.profile, facts);
            match verdict.value {
                Tri::No => {
                    out.not_applicable.push(NotApplicable {
                        regime: regime.id.clone(),
                        report: None,
                        reason: verdict.reason,
                    });
                    continue;
                }
                Tri::Unknown => {
                    out.undetermined.push(Undetermined {
                        regime: regime.id.clone(),
                        report: None,
                        missing: dedup(verdict.missing),
                    });
                    continue;
                }
                Tri::Yes => {}
            }
            for report in &regime.reports {
                let report_verdict = report.applies_when.evaluate(&self.profile, facts);
                match report_verdict.value {
                    Tri::No => out.not_applicable.push(NotApplicable {
                        regime: regime.id.clone(),
                        report: Some(report.id.clone()),
                        reason: report_verdict.reason,
                    }),
                    Tri::Unknown => out.undetermined.push(Undetermined {
                        regime: regime.id.clone(),
                        report: Some(report.id.clone()),
                        missing: dedup(report_verdict.missing),
                    }),
                    Tri::Yes => {
                        let mut assumptions = verdict.assumptions.clone();
                        assumptions.extend(report_verdict.assumptions);
                        match self.obligation(regime, report, facts, at, assumptions) {
                            Ok(o) => out.obligations.push(o),
                            Err(missing) => out.undetermined.push(Undetermined {
                                regime: regime.id.clone(),
                                report: Some(report.id.clone()),
                                missing: vec![missing],
                            }),
                        }
                    }
                }
            }
        }
        out.obligations
            .sort_by(|a, b| (a.due, &a.regime, &a.report).cmp(&(b.due, &b.regime, &b.report)));
        out
    }

    /// The limb's calendar, or why it is not available.
    fn calendar(
        &self,
        limb: &super::Limb,
    ) -> (Option<&super::BusinessCalendar>, Option<MissingFact>) {
        let id = match &limb.calendar {
            None => return (None, None),
            Some(CalendarRule::Named { id }) => id,
            Some(CalendarRule::Entity) => match &self.profile.calendar {
                Some(id) => id,
                None => return (None, Some(MissingFact::EntityCalendar)),
            },
        };
        match self.calendars.get(id) {
            Ok(c) => (Some(c), None),
            Err(_) => (None, Some(MissingFact::Calendar { id: id.clone() })),
        }
    }

    fn zone(&self, regime: &Regime) -> Option<Zone> {
        match &regime.time_zone {
            ZoneRule::Fixed { time_zone } => Some(*time_zone),
            ZoneRule::Entity => self.profile.time_zone,
        }
    }

    fn obligation(
        &self,
        regime: &Regime,
        report: &Report,
        facts: &IncidentFacts,
        at: DateTime<Utc>,
        assumptions: Vec<String>,
    ) -> Result<Obligation, MissingFact> {
        let zone = self.zone(regime);
        let mut notes = Vec::new();
        let mut limbs = Vec::new();
        // (due, triggered_at, trigger, limb index) of each counted limb.
        let mut counted: Vec<(DateTime<Utc>, DateTime<Utc>, Trigger, usize)> = Vec::new();
        let mut arise: Option<DateTime<Utc>> = None;
        for (i, limb) in report.deadline.iter().enumerate() {
            let trigger = if limb.ambiguities.contains(&Ambiguity::CacAnchor)
                && self.readings.alternatives.contains(&Ambiguity::CacAnchor)
            {
                Trigger::Graded {
                    at_least: super::CnGrade::RelativelyMajor,
                }
            } else {
                limb.trigger.clone()
            };
            let Some((triggered_at, note)) = facts.trigger_time(&regime.id, &trigger) else {
                limbs.push(LimbOutcome {
                    trigger,
                    offset: limb.offset,
                    triggered_at: None,
                    due: None,
                    governing: false,
                    dropped: Some("trigger has not happened".to_owned()),
                });
                continue;
            };
            notes.extend(note);
            arise = Some(arise.map_or(triggered_at, |a| a.max(triggered_at)));
            let (calendar, calendar_missing) = self.calendar(limb);
            let roll_denied = match &limb.roll_unless {
                None => false,
                Some(cond) => {
                    let v = cond.evaluate(&self.profile, facts);
                    match v.value {
                        Tri::Yes => {
                            notes.push(format!(
                                "non-working-day relief not available: {}",
                                cond.describe()
                            ));
                            true
                        }
                        Tri::No => false,
                        Tri::Unknown => {
                            notes.push(
                                "non-working-day relief not applied: cannot tell whether it is available"
                                    .to_owned(),
                            );
                            true
                        }
                    }
                }
            };
            let cx = LimbContext {
                zone,
                calendar,
                roll_denied,
                alternatives: &self.readings.alternatives,
                calendar_missing,
            };
            let due = deadline::due(limb, triggered_at, &cx, None).map_err(|e| match e {
                CountError::Missing(m) => m,
                CountError::Overflow => MissingFact::OutOfRange,
            })?;
            counted.push((due, triggered_at, trigger.clone(), i));
            limbs.push(LimbOutcome {
                trigger,
                offset: limb.offset,
                triggered_at: Some(triggered_at),
                due: Some(due),
                governing: false,
                dropped: None,
            });
        }
        let exercise = facts.exercise;
        let confidence = report.confidence.unwrap_or(regime.confidence);
        let base = Obligation {
            regime: regime.id.clone(),
            regime_version: regime.version.clone(),
            regime_name: regime.name.clone(),
            report: report.id.clone(),
            report_name: report.name.clone(),
            recipient: report.recipient.clone(),
            urgency: report.urgency,
            confidence,
            citation: report.citation.clone(),
            trigger: None,
            triggered_at: None,
            due: None,
            due_local: None,
            time_zone: zone,
            limbs,
            readings: Vec::new(),
            assumptions,
            notes: Vec::new(),
            reminders: Vec::new(),
            status: ObligationStatus::AwaitingTrigger,
            contents: report.contents.clone(),
            exercise,
        };
        if let Some(note) = &regime.note {
            notes.push(note.clone());
        }
        if let Some(note) = &report.note {
            notes.push(note.clone());
        }
        if !confidence.is_verified() {
            notes.push(
                "rule not verified against the text: check it before relying on it".to_owned(),
            );
        }
        if exercise {
            notes.push("exercise: not a real filing obligation".to_owned());
        }
        let mut o = Obligation { notes, ..base };
        let filed = facts.first_filing(&regime.id, &report.id);
        if counted.is_empty() && !report.deadline.is_empty() {
            o.trigger = report.deadline.first().map(|l| l.trigger.clone());
            if let Some(f) = filed {
                o.status = ObligationStatus::Met {
                    submitted_at: f.submitted_at,
                    late_seconds: None,
                };
            }
            return Ok(o);
        }
        // DORA RTS 2025/301 Art. 5(2): a limb that expired before the obligation arose (the
        // latest trigger) does not count; the limbs left give the earliest due time.
        let arise = arise.unwrap_or(facts.detected_at);
        let governing = counted
            .iter()
            .filter(|(due, ..)| *due >= arise)
            .min_by_key(|(due, ..)| *due)
            .cloned();
        for (due, _, _, i) in &counted {
            if let Some(outcome) = o.limbs.get_mut(*i) {
                if *due < arise {
                    outcome.dropped = Some(
                        "expired before the obligation arose; the later limb governs".to_owned(),
                    );
                }
                outcome.governing = governing.as_ref().is_some_and(|g| g.3 == *i);
            }
        }
        if let Some((due, triggered_at, trigger, i)) = governing {
            o.due = Some(due);
            o.due_local = Some(match zone {
                Some(z) => z.format_local(due),
                None => format!("{} UTC", due.format("%Y-%m-%d %H:%M")),
            });
            o.trigger = Some(trigger);
            o.triggered_at = Some(triggered_at);
            if let Some(limb) = report.deadline.get(i) {
                o.readings = self.readings_used(limb, triggered_at, due, facts, zone);
            }
            if due > triggered_at {
                let window = due - triggered_at;
                for bp in &self.reminders_bp {
                    if *bp == 0 || *bp >= 10_000 {
                        continue;
                    }
                    let ms = window.num_milliseconds() / 10_000 * i64::from(*bp);
                    o.reminders.push(Reminder {
                        fraction_bp: *bp,
                        at: triggered_at + Duration::milliseconds(ms),
                    });
                }
            }
        } else if let Some((_, triggered_at, trigger, _)) = counted.first().cloned() {
            o.trigger = Some(trigger);
            o.triggered_at = Some(triggered_at);
        } else if let Some((at_trigger, _)) = report
            .deadline
            .is_empty()
            .then(|| facts.trigger_time(&regime.id, &Trigger::Detected))
            .flatten()
        {
            o.triggered_at = Some(at_trigger);
        }
        o.status = match (filed, o.due) {
            (Some(f), due) => ObligationStatus::Met {
                submitted_at: f.submitted_at,
                late_seconds: due.and_then(|d| late_by(f.submitted_at, d)),
            },
            (None, Some(due)) if at >= due => ObligationStatus::Overdue {
                overdue_seconds: (at - due).num_seconds(),
            },
            (None, Some(due)) => ObligationStatus::Pending {
                remaining_seconds: Some((due - at).num_seconds()),
            },
            (None, None) => ObligationStatus::Pending {
                remaining_seconds: None,
            },
        };
        Ok(o)
    }

    fn readings_used(
        &self,
        limb: &super::Limb,
        triggered_at: DateTime<Utc>,
        due: DateTime<Utc>,
        facts: &IncidentFacts,
        zone: Option<Zone>,
    ) -> Vec<ReadingUsed> {
        let (calendar, calendar_missing) = self.calendar(limb);
        let roll_denied = limb
            .roll_unless
            .as_ref()
            .is_some_and(|c| c.evaluate(&self.profile, facts).value != Tri::No);
        let cx = LimbContext {
            zone,
            calendar,
            roll_denied,
            alternatives: &self.readings.alternatives,
            calendar_missing,
        };
        limb.ambiguities
            .iter()
            .map(|a| {
                let alternative = self.readings.alternatives.contains(a);
                let other_due = if *a == Ambiguity::CacAnchor {
                    None
                } else {
                    deadline::due(limb, triggered_at, &cx, Some(*a))
                        .ok()
                        .filter(|d| *d != due)
                };
                ReadingUsed {
                    ambiguity: *a,
                    alternative,
                    reading: if alternative {
                        a.alternative().to_owned()
                    } else {
                        a.conservative().to_owned()
                    },
                    other_due,
                }
            })
            .collect()
    }
}

fn dedup(mut missing: Vec<MissingFact>) -> Vec<MissingFact> {
    missing.sort();
    missing.dedup();
    missing
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::regulation::{eu_gdpr, EntityType};
    use crate::{classify::DataCategory, classify::Jurisdiction, IncidentKind};

    #[test]
    fn durations_and_statuses_read_well() {
        assert_eq!(human(59), "0m");
        assert_eq!(human(3_600 + 5 * 60), "1h 05m");
        assert_eq!(human(2 * 86_400 + 3 * 3_600 + 60), "2d 3h 01m");
        assert_eq!(human(-90 * 60), "1h 30m");
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
        assert_eq!(
            ObligationStatus::AwaitingTrigger.label(),
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

    #[test]
    fn reminders_follow_the_configured_points_and_skip_meaningless_ones() {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
        let mut f = IncidentFacts::new(IncidentKind::DataBreach, t0);
        f.impact
            .data_categories
            .insert(DataCategory::ContactDetails);
        f.impact
            .jurisdictions
            .insert(Jurisdiction::from_static("FR"));
        let profile = EntityProfile::new().entity_type(EntityType::DataController);
        let mut r = Regulation::builtin(profile);
        r.regimes = vec![eu_gdpr()];
        r.reminders_bp = vec![0, 2_500, 9_000, 10_000];
        let o = r.obligations(&f, t0);
        let sa = o.get("eu-gdpr", "supervisory-authority").unwrap();
        assert_eq!(
            sa.reminders,
            vec![
                Reminder {
                    fraction_bp: 2_500,
                    at: t0 + Duration::hours(18)
                },
                Reminder {
                    fraction_bp: 9_000,
                    at: t0 + Duration::minutes(72 * 60 * 9 / 10)
                },
            ]
        );
        // Statuses over time: pending, then overdue by exactly the time past due.
        let later = r.obligations(&f, t0 + Duration::hours(73));
        assert_eq!(
            later
                .get("eu-gdpr", "supervisory-authority")
                .unwrap()
                .status,
            ObligationStatus::Overdue {
                overdue_seconds: 3_600
            }
        );
        assert_eq!(later.overdue().count(), 1);
        assert_eq!(
            o.get("eu-gdpr", "supervisory-authority").unwrap().status,
            ObligationStatus::Pending {
                remaining_seconds: Some(72 * 3_600)
            }
        );
        // Obligations without a due time sort first.
        let mut f2 = f.clone();
        f2.determinations.insert(
            crate::id::FactName::from_static("high_risk"),
            crate::regulation::Determination {
                value: true,
                determined_at: t0,
                first_yes_at: Some(t0),
                basis: "b".into(),
            },
        );
        let o2 = r.obligations(&f2, t0);
        assert_eq!(o2.obligations[0].report.as_str(), "data-subjects");
        assert_eq!(o2.obligations[0].due, None);
        assert!(r.problems().is_empty());
        let dup = r.clone().with_regime(eu_gdpr());
        assert_eq!(dup.regimes.len(), 1);
        let mut twice = r;
        twice.regimes.push(eu_gdpr());
        assert_eq!(twice.problems().len(), 1);
    }
}
