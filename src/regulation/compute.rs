//! Computing obligations: the [`Regulation`] an incident is measured against, and the
//! walk from its regimes and reports, through each deadline limb, to every [`Obligation`]
//! with its due time, reminders and status.

use chrono::{DateTime, Duration, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::deadline::{self, CountError, LimbContext};
use super::in_force::InForceFinding;
use super::{
    Ambiguity, CalendarRule, Calendars, EntityProfile, IncidentFacts, LimbOutcome, MissingFact,
    NotApplicable, NotInForce, Obligation, ObligationStatus, Obligations, ReadingUsed, Readings,
    Regime, Reminder, Report, Tri, Trigger, Undetermined, ZoneRule,
};
use crate::locale::Zone;

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

    /// No regime at all: the host's statement that it runs no regulatory clocks (an
    /// exercise without them, a firm outside every built-in regime). Review and Close then
    /// wait for no report.
    pub fn without_regimes(profile: EntityProfile) -> Self {
        Self {
            regimes: Vec::new(),
            ..Self::builtin(profile)
        }
    }

    /// Adds a regime, replacing every regime with the same id, all its versions (a host
    /// override).
    #[must_use]
    pub fn with_regime(mut self, regime: Regime) -> Self {
        match self.regimes.iter().position(|r| r.id == regime.id) {
            Some(at) => {
                self.regimes.retain(|r| r.id != regime.id);
                self.regimes.insert(at.min(self.regimes.len()), regime);
            }
            None => self.regimes.push(regime),
        }
        self
    }

    /// Everything wrong with the regimes (see [`Regime::problems`]), plus regimes that
    /// share an id, unless they are versions whose in-force dates do not overlap. Empty
    /// when the regulation is sound; the built-in one is.
    pub fn problems(&self) -> Vec<super::RegimeProblem> {
        let mut out: Vec<_> = self.regimes.iter().flat_map(Regime::problems).collect();
        for (i, regime) in self.regimes.iter().enumerate() {
            let clash = |r: &Regime| r.id == regime.id && !successive(r, regime);
            if self.regimes.iter().take(i).any(clash) {
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

    /// Every obligation of the incident at `at`, from `facts`. Filings submitted after
    /// `at` are left out, so a report filed later is pending or overdue at `at`, not met.
    /// For an incident's past moment pass the facts as recorded by then
    /// ([`Incident::regulatory_facts_at`](crate::Incident::regulatory_facts_at));
    /// [`Incident::obligations`](crate::Incident::obligations) does, so that
    /// determinations, grades, milestones and impact recorded after `at` are left out too.
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
            if let Some(n) = self.superseded_before(regime, facts.detected_at) {
                out.not_applicable.push(not_in_force(regime, None, n));
                continue;
            }
            let verdict = regime.applies_when.evaluate(&self.profile, facts);
            match verdict.value {
                Tri::No => {
                    out.not_applicable.push(NotApplicable {
                        regime: regime.id.clone(),
                        report: None,
                        reason: verdict.reason,
                        not_in_force: None,
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
                        not_in_force: None,
                    }),
                    Tri::Unknown => out.undetermined.push(Undetermined {
                        regime: regime.id.clone(),
                        report: Some(report.id.clone()),
                        missing: dedup(report_verdict.missing),
                    }),
                    Tri::Yes => {
                        let mut assumptions = verdict.assumptions.clone();
                        assumptions.extend(report_verdict.assumptions);
                        self.applicable_report(regime, report, facts, at, assumptions, &mut out);
                    }
                }
            }
        }
        out.obligations
            .sort_by(|a, b| (a.due, &a.regime, &a.report).cmp(&(b.due, &b.regime, &b.report)));
        out
    }

    /// Adds to `out` what an applicable report gives: not applicable for its version's
    /// dates, an obligation, or undetermined for want of a fact its count needs.
    fn applicable_report(
        &self,
        regime: &Regime,
        report: &Report,
        facts: &IncidentFacts,
        at: DateTime<Utc>,
        mut assumptions: Vec<String>,
        out: &mut Obligations,
    ) {
        match self.in_force(regime, report, facts, at) {
            InForceFinding::In { assumptions: extra } => assumptions.extend(extra),
            InForceFinding::Out(n) => {
                let report = Some(report.id.clone());
                out.not_applicable.push(not_in_force(regime, report, n));
                return;
            }
        }
        if report.if_ongoing.is_some() {
            return self.if_ongoing(regime, report, facts, at, assumptions, out);
        }
        self.counted_report(regime, report, facts, at, assumptions, out);
    }

    /// Adds the obligation `report` gives to `out`, or undetermined for want of a fact its
    /// count needs.
    pub(super) fn counted_report(
        &self,
        regime: &Regime,
        report: &Report,
        facts: &IncidentFacts,
        at: DateTime<Utc>,
        assumptions: Vec<String>,
        out: &mut Obligations,
    ) {
        match self.obligation(regime, report, facts, at, assumptions) {
            Ok(o) => out.obligations.push(o),
            Err(missing) => out.undetermined.push(Undetermined {
                regime: regime.id.clone(),
                report: Some(report.id.clone()),
                missing: vec![missing],
            }),
        }
    }

    /// The limb's calendar, or why it is not available.
    fn calendar(
        &self,
        limb: &super::Limb,
    ) -> (Option<&super::BusinessCalendar>, Option<MissingFact>) {
        let id = match &limb.calendar {
            None => return (None, None),
            Some(CalendarRule::Named { id }) => id,
            Some(CalendarRule::Entity {}) => match &self.profile.calendar {
                Some(id) => id,
                None => return (None, Some(MissingFact::EntityCalendar {})),
            },
        };
        match self.calendars.get(id) {
            Ok(c) => (Some(c), None),
            Err(_) => (None, Some(MissingFact::Calendar { id: id.clone() })),
        }
    }

    /// Why a limb could not be counted, as a missing fact.
    fn why_not_counted(&self, e: CountError) -> MissingFact {
        super::count::why_not_counted(&self.calendars, e)
    }

    pub(super) fn zone(&self, regime: &Regime) -> Option<Zone> {
        match &regime.time_zone {
            ZoneRule::Fixed { time_zone } => Some(*time_zone),
            ZoneRule::Entity {} => self.profile.time_zone,
        }
    }

    /// The obligation `report` of `regime` gives the incident at `at`: its limbs counted,
    /// the governing due time, reminders and status. `Err` names the fact a limb's count
    /// lacks (a calendar, a year outside it).
    pub(super) fn obligation(
        &self,
        regime: &Regime,
        report: &Report,
        facts: &IncidentFacts,
        at: DateTime<Utc>,
        assumptions: Vec<String>,
    ) -> Result<Obligation, MissingFact> {
        let zone = self.zone(regime);
        let mut notes = Vec::new();
        let Limbs {
            outcomes: limbs,
            counted,
            arise,
        } = self.count_limbs(regime, report, facts, zone, &mut notes)?;
        let mut o = described(
            regime,
            report,
            facts.exercise,
            zone,
            limbs,
            assumptions,
            notes,
        );
        let filed = facts.first_filing(&regime.id, &report.id);
        if counted.is_empty() && !report.deadline.is_empty() {
            o.trigger = report.deadline.first().map(|l| l.trigger.clone());
            if let Some(f) = filed {
                o.status = ObligationStatus::Met {
                    submitted_at: f.submitted_at,
                    late_seconds: None,
                };
            }
            return Ok(waive(o, facts, at));
        }
        let arise = arise.unwrap_or(facts.detected_at);
        if let Some(governing) = govern(&mut o, &counted, arise) {
            self.set_due(&mut o, governing, report, facts, zone);
            self.defer(&mut o, report, facts, zone, at);
        } else if let Some(first) = counted.first() {
            o.trigger = Some(first.trigger.clone());
            o.triggered_at = Some(first.triggered_at);
        } else if let Some((at_trigger, _)) = report
            .deadline
            .is_empty()
            .then(|| facts.trigger_time(&regime.id, &Trigger::Detected {}))
            .flatten()
        {
            o.triggered_at = Some(at_trigger);
        }
        o.status = ObligationStatus::of(filed.map(|f| f.submitted_at), o.due, at);
        Ok(waive(o, facts, at))
    }

    /// Counts every limb of `report` whose trigger has happened. Notes on triggers and
    /// non-working-day relief go to `notes`.
    fn count_limbs(
        &self,
        regime: &Regime,
        report: &Report,
        facts: &IncidentFacts,
        zone: Option<Zone>,
        notes: &mut Vec<String>,
    ) -> Result<Limbs, MissingFact> {
        let mut limbs = Vec::new();
        let mut counted = Vec::new();
        let mut arise: Option<DateTime<Utc>> = None;
        for (index, limb) in report.deadline.iter().enumerate() {
            let trigger = self.limb_trigger(limb);
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
            let cx = LimbContext {
                zone,
                calendar,
                roll_denied: self.roll_denied(limb, facts, notes),
                alternatives: &self.readings.alternatives,
                calendar_missing,
            };
            let due = deadline::due(limb, triggered_at, &cx, None)
                .map_err(|e| self.why_not_counted(e))?;
            counted.push(Counted {
                due,
                triggered_at,
                trigger: trigger.clone(),
                index,
            });
            limbs.push(LimbOutcome {
                trigger,
                offset: limb.offset,
                triggered_at: Some(triggered_at),
                due: Some(due),
                governing: false,
                dropped: None,
            });
        }
        Ok(Limbs {
            outcomes: limbs,
            counted,
            arise,
        })
    }

    /// The limb's trigger under the readings chosen: the CAC anchor's alternative reading
    /// starts the clock at the "relatively major" grade.
    pub(super) fn limb_trigger(&self, limb: &super::Limb) -> Trigger {
        if limb.ambiguities.contains(&Ambiguity::CacAnchor)
            && self.readings.alternatives.contains(&Ambiguity::CacAnchor)
        {
            Trigger::Graded {
                at_least: super::CnGrade::RelativelyMajor,
            }
        } else {
            limb.trigger.clone()
        }
    }

    /// Whether the limb's non-working-day relief is denied, with a note when it is: its
    /// condition holds, or cannot be told (the conservative reading).
    fn roll_denied(
        &self,
        limb: &super::Limb,
        facts: &IncidentFacts,
        notes: &mut Vec<String>,
    ) -> bool {
        let Some(cond) = &limb.roll_unless else {
            return false;
        };
        match cond.evaluate(&self.profile, facts).value {
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

    /// Sets the governing limb's due time (in UTC and local), trigger, readings and
    /// reminders on `o`.
    fn set_due(
        &self,
        o: &mut Obligation,
        governing: &Counted,
        report: &Report,
        facts: &IncidentFacts,
        zone: Option<Zone>,
    ) {
        let Counted {
            due, triggered_at, ..
        } = *governing;
        o.due = Some(due);
        // A due time at local midnight reads as 24:00 of the day it ends (one rule, in
        // `locale`); without the regime's zone it is shown in UTC, said so.
        o.due_local = Some(zone.unwrap_or(Zone::UTC).format_local_deadline(due));
        o.trigger = Some(governing.trigger.clone());
        o.triggered_at = Some(triggered_at);
        if let Some(limb) = report.deadline.get(governing.index) {
            o.readings = self.readings_used(limb, triggered_at, due, facts, zone);
        }
        o.reminders = self.reminders(triggered_at, due);
    }

    /// Moves the due time as the deferrals of `report` recorded by `at` allow (see
    /// [`DeferralRule::extend`](super::DeferralRule::extend)); a deferral the report provides
    /// for none is said, not applied.
    fn defer(
        &self,
        o: &mut Obligation,
        report: &Report,
        facts: &IncidentFacts,
        zone: Option<Zone>,
        at: DateTime<Utc>,
    ) {
        let grants = facts.deferrals_of(&o.regime, &o.report, at);
        let (Some(original), Some(latest)) = (o.due, grants.last()) else {
            return;
        };
        let Some(rule) = &report.deferral else {
            o.notes.push(format!(
                "a deferral by {} until {} is recorded, but {} provides for none: the due time stands",
                latest.authority,
                latest.until.to_rfc3339(),
                report.citation
            ));
            return;
        };
        let zone = zone.unwrap_or(Zone::UTC);
        if let Some((deferred, notes)) = rule.extend(original, &grants, zone) {
            o.notes.extend(notes);
            o.due = Some(deferred.until);
            o.due_local = Some(zone.format_local_deadline(deferred.until));
            if let Some(from) = o.triggered_at {
                o.reminders = self.reminders(from, deferred.until);
            }
            o.deferred = Some(deferred);
        }
    }

    /// The reminders at the configured shares of the window from `triggered_at` to `due`
    /// (none for an empty window; shares of 0 or 100 % and more are skipped).
    fn reminders(&self, triggered_at: DateTime<Utc>, due: DateTime<Utc>) -> Vec<Reminder> {
        if due <= triggered_at {
            return Vec::new();
        }
        let window = due - triggered_at;
        self.reminders_bp
            .iter()
            .filter(|bp| **bp != 0 && **bp < 10_000)
            .map(|bp| {
                let ms = window.num_milliseconds() / 10_000 * i64::from(*bp);
                Reminder {
                    fraction_bp: *bp,
                    at: triggered_at + Duration::milliseconds(ms),
                }
            })
            .collect()
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
                // The CAC anchor's other reading is another trigger, reported elsewhere.
                let other = (*a != Ambiguity::CacAnchor)
                    .then(|| deadline::due(limb, triggered_at, &cx, Some(*a)));
                let (other_due, other_due_undetermined) = match other {
                    None => (None, None),
                    Some(Ok(other)) => (Some(other).filter(|d| *d != due), None),
                    Some(Err(e)) => (None, Some(self.why_not_counted(e))),
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
                    other_due_undetermined,
                }
            })
            .collect()
    }
}

/// A report's deadline limbs, counted.
#[derive(Debug)]
struct Limbs {
    /// Every limb's outcome, in the report's order.
    outcomes: Vec<LimbOutcome>,
    /// The limbs whose trigger has happened.
    counted: Vec<Counted>,
    /// When the obligation arose: the latest trigger, if any happened.
    arise: Option<DateTime<Utc>>,
}

/// A limb whose trigger has happened, counted to its due time.
#[derive(Debug, Clone)]
struct Counted {
    due: DateTime<Utc>,
    triggered_at: DateTime<Utc>,
    trigger: Trigger,
    /// The limb's position in the report's deadline.
    index: usize,
}

/// The obligation as described by its regime and report, with its limbs and notes, before
/// any due time or status is set.
fn described(
    regime: &Regime,
    report: &Report,
    exercise: bool,
    zone: Option<Zone>,
    limbs: Vec<LimbOutcome>,
    assumptions: Vec<String>,
    mut notes: Vec<String>,
) -> Obligation {
    let confidence = report.confidence.unwrap_or(regime.confidence);
    notes.extend(regime.note.clone());
    if regime.in_force.is_none() {
        notes.push(
            "the regime gives no in-force dates: the trigger's date was not checked against them"
                .to_owned(),
        );
    }
    notes.extend(report.note.clone());
    if !confidence.is_verified() {
        notes.push("rule not verified against the text: check it before relying on it".to_owned());
    }
    if exercise {
        notes.push("exercise: not a real filing obligation".to_owned());
    }
    Obligation {
        regime: regime.id.clone(),
        regime_version: regime.version.clone(),
        regime_name: regime.name.clone(),
        regime_titles: regime.titles.clone(),
        report: report.id.clone(),
        report_name: report.name.clone(),
        report_titles: report.titles.clone(),
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
        notes,
        reminders: Vec::new(),
        deferred: None,
        status: ObligationStatus::AwaitingTrigger {},
        contents: report.contents.clone(),
        exercise,
    }
}

/// Whether two versions of a regime follow each other: both dated, and one ends before
/// the other begins.
fn successive(a: &Regime, b: &Regime) -> bool {
    let (Some(x), Some(y)) = (&a.in_force, &b.in_force) else {
        return false;
    };
    a.version != b.version
        && (x.until.is_some_and(|u| u < y.from) || y.until.is_some_and(|u| u < x.from))
}

/// A regime or report not applicable because of its version's dates.
fn not_in_force(
    regime: &Regime,
    report: Option<crate::id::ReportId>,
    n: NotInForce,
) -> NotApplicable {
    NotApplicable {
        regime: regime.id.clone(),
        report,
        reason: n.to_string(),
        not_in_force: Some(n),
    }
}

/// The governing limb among `counted`, marked on `o`'s limbs. DORA RTS 2025/301 Art. 5(2):
/// a limb that expired before the obligation arose (the latest trigger, `arise`) does not
/// count; the limbs left give the earliest due time.
fn govern<'c>(
    o: &mut Obligation,
    counted: &'c [Counted],
    arise: DateTime<Utc>,
) -> Option<&'c Counted> {
    let governing = counted
        .iter()
        .filter(|c| c.due >= arise)
        .min_by_key(|c| c.due);
    for c in counted {
        if let Some(outcome) = o.limbs.get_mut(c.index) {
            if c.due < arise {
                outcome.dropped =
                    Some("expired before the obligation arose; the later limb governs".to_owned());
            }
            outcome.governing = governing.is_some_and(|g| g.index == c.index);
        }
    }
    governing
}

/// An obligation not filed but recorded as not owed by `at` is waived; a filing stands.
fn waive(mut o: Obligation, facts: &IncidentFacts, at: DateTime<Utc>) -> Obligation {
    if !matches!(o.status, ObligationStatus::Met { .. }) {
        if let Some(w) = facts.waiver(&o.regime, &o.report, at) {
            o.status = ObligationStatus::Waived {
                waived_at: w.waived_at,
            };
        }
    }
    o
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
