//! Worked regulatory cases through the public API: each built-in regime against the
//! project's regulatory reference, the counting rules (DST, weekends, holidays, month ends,
//! make-up working days), missing facts, overrides, timers and drills. The per-regime cases
//! are tables, one per jurisdiction (`eu_cases`, `us_cases`, `cn_cases`, `sg_hk_cases`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use incident::classify::*;
use incident::id::*;
use incident::locale::*;
use incident::regulation::*;
use incident::*;
use proptest::prelude::*;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

fn j(s: &str) -> Jurisdiction {
    Jurisdiction::new(s).unwrap()
}

fn fact(s: &str) -> FactName {
    FactName::new(s).unwrap()
}

fn facts(kind: IncidentKind, detected: &str) -> IncidentFacts {
    IncidentFacts::new(kind, t(detected))
}

fn determine(f: &mut IncidentFacts, name: &str, value: bool, at: &str) {
    f.determinations.insert(
        fact(name),
        Determination {
            value,
            determined_at: t(at),
            first_yes_at: value.then(|| t(at)),
            basis: "test".into(),
        },
    );
}

fn file(f: &mut IncidentFacts, regime: &str, report: &str, at: &str) {
    f.filings.push(Filing {
        regime: RegimeId::new(regime).unwrap(),
        report: ReportId::new(report).unwrap(),
        submitted_at: t(at),
        reference: None,
    });
}

fn personal(f: &mut IncidentFacts, people: u64, jurisdiction: &str) {
    f.impact.people.estimated = Some(people);
    f.impact
        .data_categories
        .insert(DataCategory::ContactDetails);
    f.impact
        .data_categories
        .insert(DataCategory::FinancialAccount);
    f.impact.jurisdictions.insert(j(jurisdiction));
}

/// A host-supplied calendar for Germany 2026 (nationwide public holidays only), as a DORA
/// entity in Frankfurt would load it.
fn germany_2026() -> BusinessCalendar {
    serde_json::from_value(serde_json::json!({
        "id": "de",
        "name": "Germany, nationwide public holidays",
        "time_zone": "Europe/Berlin",
        "weekend": ["saturday", "sunday"],
        "first_year": 2026,
        "last_year": 2026,
        "holidays": ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                     "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"],
        "working_days": [],
        "source": "test fixture"
    }))
    .unwrap()
}

fn eu_profile(types: &[EntityType]) -> EntityProfile {
    let mut p = EntityProfile::new()
        .established_in(j("DE"))
        .time_zone("Europe/Berlin".parse().unwrap())
        .calendar(CalendarId::new("de").unwrap());
    for t in types {
        p = p.entity_type(*t);
    }
    p
}

fn regulation(profile: EntityProfile) -> Regulation {
    let mut r = Regulation::builtin(profile);
    r.calendars.insert(germany_2026());
    r
}

fn due(o: &Obligations, regime: &str, report: &str) -> DateTime<Utc> {
    o.get(regime, report)
        .unwrap_or_else(|| panic!("no obligation {regime}/{report} in {o}"))
        .due
        .unwrap_or_else(|| panic!("{regime}/{report} has no due time"))
}

fn cn_profile(types: &[EntityType]) -> EntityProfile {
    let mut p = EntityProfile::new()
        .established_in(j("CN"))
        .time_zone("Asia/Shanghai".parse().unwrap())
        .calendar(CalendarId::new("cn").unwrap());
    for t in types {
        p = p.entity_type(*t);
    }
    p
}

// --- Worked cases, one table per jurisdiction --------------------------------------------
//
// Each row is a regulation (the entity's profile, its calendars and readings), an incident's
// facts, the moment asked about, and what the obligations must show then. The comment above a
// row says what it checks and where the rule comes from; `name` says the same in a failure
// message. A fact sheet that changes over a story (a filing, a determination, a milestone) is
// one row per step.

/// One worked case.
struct Case {
    /// What the row checks, in a few words (printed when it fails).
    name: &'static str,
    /// The entity, its calendars and readings.
    regulation: Regulation,
    /// What is known about the incident.
    facts: IncidentFacts,
    /// The moment the obligations are asked for.
    at: &'static str,
    /// What must hold then.
    expect: Vec<Expect>,
}

/// One thing a row expects. Obligation-level variants name the regime and the report, and the
/// obligation must exist unless the variant says otherwise.
enum Expect {
    /// Due at this instant.
    Due(&'static str, &'static str, &'static str),
    /// Owed with no due time ("immediately", "without undue delay").
    NoDue(&'static str, &'static str),
    /// Not owed at all (not listed among the obligations).
    Absent(&'static str, &'static str),
    /// Owed (listed among the obligations).
    Present(&'static str, &'static str),
    /// Its status, exactly.
    Status(&'static str, &'static str, ObligationStatus),
    /// Met, by a filing submitted at this instant (late or not).
    MetAt(&'static str, &'static str, &'static str),
    /// Met, on time.
    MetOnTime(&'static str, &'static str),
    /// Met (on time or late).
    IsMet(&'static str, &'static str),
    /// Its urgency.
    Urgent(&'static str, &'static str, Urgency),
    /// Its local due time contains this text.
    DueLocalHas(&'static str, &'static str, &'static str),
    /// One of its notes contains this text.
    Note(&'static str, &'static str, &'static str),
    /// One of its assumptions contains this text.
    Assumes(&'static str, &'static str, &'static str),
    /// The rule is flagged as not verified.
    Unverified(&'static str, &'static str),
    /// The trigger that governs its due time.
    TriggeredBy(&'static str, &'static str, Trigger),
    /// How many deadline limbs it has.
    Limbs(&'static str, &'static str, usize),
    /// Whether limb `i` governs the due time.
    Governing(&'static str, &'static str, usize, bool),
    /// Limb `i` was dropped (it expired before the obligation arose).
    Dropped(&'static str, &'static str, usize),
    /// It has a due time and a trigger time, and the due time is not before the trigger.
    DueNotBeforeTrigger(&'static str, &'static str),
    /// The first reading it reports: the ambiguity, whether the alternative was chosen (if
    /// given) and the due time under the other reading (if given).
    FirstReading(
        &'static str,
        &'static str,
        Ambiguity,
        Option<bool>,
        Option<&'static str>,
    ),
    /// The reading it reports for this ambiguity, as for `FirstReading`.
    ReadingOf(
        &'static str,
        &'static str,
        Ambiguity,
        Option<bool>,
        Option<&'static str>,
    ),
    /// The first undetermined entry of the regime (for this report, if given) names exactly
    /// these missing facts (if given).
    Undetermined(&'static str, Option<&'static str>, Option<Vec<MissingFact>>),
    /// The regime is not applicable, with a reason containing this text (if given).
    NotApplicable(&'static str, Option<&'static str>),
    /// The regulation holds this many regimes with this id.
    RegimeCount(&'static str, usize),
    /// The grade floor the facts settle under the CAC grading guide.
    GradeFloor(Option<CnGrade>),
}

fn obligation<'a>(
    o: &'a Obligations,
    regime: &str,
    report: &str,
) -> Result<&'a Obligation, String> {
    o.get(regime, report)
        .ok_or_else(|| format!("no obligation {regime}/{report} in {o}"))
}

fn reading_matches(
    reading: Option<&ReadingUsed>,
    ambiguity: Ambiguity,
    alternative: Option<bool>,
    other_due: Option<&str>,
) -> Result<(), String> {
    let reading = reading.ok_or_else(|| format!("no {ambiguity:?} reading"))?;
    if reading.ambiguity != ambiguity {
        return Err(format!(
            "reading {:?}, expected {ambiguity:?}",
            reading.ambiguity
        ));
    }
    if let Some(alternative) = alternative {
        if reading.alternative != alternative {
            return Err(format!(
                "reading {ambiguity:?}: alternative {}",
                reading.alternative
            ));
        }
    }
    if let Some(other) = other_due {
        if reading.other_due != Some(t(other)) {
            return Err(format!(
                "reading {ambiguity:?}: other due {:?}, expected {other}",
                reading.other_due
            ));
        }
    }
    Ok(())
}

impl Expect {
    /// Checks the expectation against the obligations `o` that `case` gave.
    fn check(&self, case: &Case, o: &Obligations) -> Result<(), String> {
        match self {
            Self::Due(g, p, at) => {
                let due = obligation(o, g, p)?.due;
                if due != Some(t(at)) {
                    return Err(format!("{g}/{p} due {due:?}, expected {at}"));
                }
            }
            Self::NoDue(g, p) => {
                let due = obligation(o, g, p)?.due;
                if due.is_some() {
                    return Err(format!("{g}/{p} due {due:?}, expected no due time"));
                }
            }
            Self::Absent(g, p) => {
                if o.get(g, p).is_some() {
                    return Err(format!("{g}/{p} owed, expected not"));
                }
            }
            Self::Present(g, p) => {
                obligation(o, g, p)?;
            }
            Self::Status(g, p, status) => {
                let got = obligation(o, g, p)?.status;
                if got != *status {
                    return Err(format!("{g}/{p} status {got:?}, expected {status:?}"));
                }
            }
            Self::MetAt(g, p, at) => {
                let got = obligation(o, g, p)?.status;
                if !matches!(got, ObligationStatus::Met { submitted_at, .. } if submitted_at == t(at))
                {
                    return Err(format!("{g}/{p} status {got:?}, expected met at {at}"));
                }
            }
            Self::MetOnTime(g, p) => {
                let got = obligation(o, g, p)?.status;
                if !matches!(
                    got,
                    ObligationStatus::Met {
                        late_seconds: None,
                        ..
                    }
                ) {
                    return Err(format!("{g}/{p} status {got:?}, expected met on time"));
                }
            }
            Self::IsMet(g, p) => {
                let got = obligation(o, g, p)?.status;
                if !matches!(got, ObligationStatus::Met { .. }) {
                    return Err(format!("{g}/{p} status {got:?}, expected met"));
                }
            }
            Self::Urgent(g, p, urgency) => {
                let got = obligation(o, g, p)?.urgency;
                if got != *urgency {
                    return Err(format!("{g}/{p} urgency {got:?}, expected {urgency:?}"));
                }
            }
            Self::DueLocalHas(g, p, text) => {
                let got = &obligation(o, g, p)?.due_local;
                if !got.as_deref().is_some_and(|local| local.contains(text)) {
                    return Err(format!("{g}/{p} due locally {got:?}, expected {text}"));
                }
            }
            Self::Note(g, p, text) => {
                let notes = &obligation(o, g, p)?.notes;
                if !notes.iter().any(|n| n.contains(text)) {
                    return Err(format!("{g}/{p} notes {notes:?} lack {text:?}"));
                }
            }
            Self::Assumes(g, p, text) => {
                let assumptions = &obligation(o, g, p)?.assumptions;
                if !assumptions.iter().any(|a| a.contains(text)) {
                    return Err(format!("{g}/{p} assumptions {assumptions:?} lack {text:?}"));
                }
            }
            Self::Unverified(g, p) => {
                if obligation(o, g, p)?.is_verified() {
                    return Err(format!("{g}/{p} verified, expected flagged as not"));
                }
            }
            Self::TriggeredBy(g, p, trigger) => {
                let got = &obligation(o, g, p)?.trigger;
                if got.as_ref() != Some(trigger) {
                    return Err(format!("{g}/{p} trigger {got:?}, expected {trigger:?}"));
                }
            }
            Self::Limbs(g, p, n) => {
                let got = obligation(o, g, p)?.limbs.len();
                if got != *n {
                    return Err(format!("{g}/{p} has {got} limbs, expected {n}"));
                }
            }
            Self::Governing(g, p, i, governing) => {
                let limb = obligation(o, g, p)?.limbs.get(*i);
                if limb.map(|l| l.governing) != Some(*governing) {
                    return Err(format!(
                        "{g}/{p} limb {i}: {limb:?}, expected governing {governing}"
                    ));
                }
            }
            Self::Dropped(g, p, i) => {
                let limb = obligation(o, g, p)?.limbs.get(*i);
                if limb.is_none_or(|l| l.dropped.is_none()) {
                    return Err(format!("{g}/{p} limb {i}: {limb:?}, expected dropped"));
                }
            }
            Self::DueNotBeforeTrigger(g, p) => {
                let ob = obligation(o, g, p)?;
                match (ob.due, ob.triggered_at) {
                    (Some(due), Some(trigger)) if due >= trigger => {}
                    other => return Err(format!("{g}/{p} (due, triggered at) {other:?}")),
                }
            }
            Self::FirstReading(g, p, ambiguity, alternative, other) => {
                let readings = &obligation(o, g, p)?.readings;
                reading_matches(readings.first(), *ambiguity, *alternative, *other)
                    .map_err(|e| format!("{g}/{p} first {e}"))?;
            }
            Self::ReadingOf(g, p, ambiguity, alternative, other) => {
                let readings = &obligation(o, g, p)?.readings;
                let reading = readings.iter().find(|r| r.ambiguity == *ambiguity);
                reading_matches(reading, *ambiguity, *alternative, *other)
                    .map_err(|e| format!("{g}/{p} {e}"))?;
            }
            Self::Undetermined(g, p, missing) => {
                let u = o
                    .undetermined
                    .iter()
                    .find(|u| {
                        u.regime.as_str() == *g
                            && p.is_none_or(|p| u.report.as_ref().map(ReportId::as_str) == Some(p))
                    })
                    .ok_or_else(|| format!("{g}/{p:?} not undetermined in {o}"))?;
                if let Some(missing) = missing {
                    if u.missing != *missing {
                        return Err(format!(
                            "{g}/{p:?} missing {:?}, expected {missing:?}",
                            u.missing
                        ));
                    }
                }
            }
            Self::NotApplicable(g, reason) => {
                let n = o
                    .not_applicable
                    .iter()
                    .find(|n| n.regime.as_str() == *g)
                    .ok_or_else(|| format!("{g} not listed as not applicable in {o}"))?;
                if let Some(reason) = reason {
                    if !n.reason.contains(reason) {
                        return Err(format!(
                            "{g} not applicable because {:?}, expected {reason:?}",
                            n.reason
                        ));
                    }
                }
            }
            Self::RegimeCount(g, n) => {
                let got = case
                    .regulation
                    .regimes
                    .iter()
                    .filter(|r| r.id.as_str() == *g)
                    .count();
                if got != *n {
                    return Err(format!("{got} regimes {g}, expected {n}"));
                }
            }
            Self::GradeFloor(grade) => {
                let got = case.facts.cn_grade_floor();
                if got != *grade {
                    return Err(format!("grade floor {got:?}, expected {grade:?}"));
                }
            }
        }
        Ok(())
    }
}

/// Runs every row and reports every failed expectation at once.
fn check_table(cases: Vec<Case>) {
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in &cases {
        assert!(!case.expect.is_empty(), "{} expects nothing", case.name);
        let o = case.regulation.obligations(&case.facts, t(case.at));
        for expect in &case.expect {
            if let Err(e) = expect.check(case, &o) {
                failures.push(format!("{}: {e}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Facts built step by step in a row.
trait Build: Sized {
    fn personal(self, people: u64, jurisdiction: &str) -> Self;
    fn determined(self, name: &str, value: bool, at: &str) -> Self;
    fn filed(self, regime: &str, report: &str, at: &str) -> Self;
    fn milestone(self, milestone: Milestone, at: &str) -> Self;
    fn with(self, change: impl FnOnce(&mut IncidentFacts)) -> Self;
}

impl Build for IncidentFacts {
    fn personal(mut self, people: u64, jurisdiction: &str) -> Self {
        personal(&mut self, people, jurisdiction);
        self
    }
    fn determined(mut self, name: &str, value: bool, at: &str) -> Self {
        determine(&mut self, name, value, at);
        self
    }
    fn filed(mut self, regime: &str, report: &str, at: &str) -> Self {
        file(&mut self, regime, report, at);
        self
    }
    fn milestone(mut self, milestone: Milestone, at: &str) -> Self {
        self.milestones.insert(milestone, t(at));
        self
    }
    fn with(mut self, change: impl FnOnce(&mut IncidentFacts)) -> Self {
        change(&mut self);
        self
    }
}

/// A breach of contact and account data, detected at `detected`, 20,000 people in `where_`.
fn gdpr_breach(detected: &str, where_: &str) -> IncidentFacts {
    facts(IncidentKind::DataBreach, detected).personal(20_000, where_)
}

/// An incident classified major under DORA at `classified`, known since `awareness`.
fn dora_major(awareness: &str, classified: &str) -> IncidentFacts {
    facts(IncidentKind::ServiceDisruption, awareness).determined("major_incident", true, classified)
}

/// An entity in Ireland with no Member State calendar loaded (and `calendar`, if any, named).
fn dora_ireland(entity: EntityType, calendar: Option<&str>) -> Regulation {
    dora_entity("IE", "Europe/Dublin", entity, calendar)
}

/// An entity established in `country`, in `zone`, with `calendar` (if any) as its own.
fn dora_entity(
    country: &str,
    zone: &str,
    entity: EntityType,
    calendar: Option<&str>,
) -> Regulation {
    let mut profile = EntityProfile::new()
        .established_in(j(country))
        .entity_type(entity)
        .time_zone(zone.parse().unwrap());
    if let Some(id) = calendar {
        profile = profile.calendar(CalendarId::new(id).unwrap());
    }
    Regulation::builtin(profile)
}

/// A significant NIS2 incident known since 2026-01-29 10:00Z.
fn nis2_significant() -> IncidentFacts {
    facts(IncidentKind::ServiceDisruption, "2026-01-29T10:00:00Z").determined(
        "significant_incident",
        true,
        "2026-01-29T12:00:00Z",
    )
}

/// NIS2 as a Member State transposed it: a 12 h early warning, loaded from JSON as a host
/// would, replacing the built-in regime with the same id.
fn nis2_transposed() -> Regulation {
    let mut national = eu_nis2();
    national.name = "NIS2 as transposed (test: 12 h early warning)".into();
    national.reports[0].deadline[0].offset = Offset::hours(12);
    let national: Regime =
        serde_json::from_str(&serde_json::to_string(&national).unwrap()).unwrap();
    regulation(eu_profile(&[EntityType::Nis2Important])).with_regime(national)
}

fn eu_cases() -> Vec<Case> {
    use Expect::*;
    let controller = || regulation(eu_profile(&[EntityType::DataController]));
    let gdpr = "eu-gdpr";
    let sa = "supervisory-authority";
    let dora = "eu-dora";
    let nis2 = "eu-nis2";
    vec![
        // GDPR Art. 33(1): 72 h from awareness (here: detection) are elapsed time; aware
        // Friday 2026-03-27 16:00 CET, clocks go forward on Sunday 29 March, so the 72 h end
        // at 17:00 local summer time, not 16:00. Art. 34 needs the high-risk determination:
        // named as missing, not guessed; "not unlikely to result in a risk" is an assumption.
        Case {
            name: "gdpr_72_hours_are_elapsed_time_across_the_eu_dst_change",
            regulation: controller(),
            facts: gdpr_breach("2026-03-27T15:00:00Z", "DE"),
            at: "2026-03-27T18:00:00Z",
            expect: vec![
                Due(gdpr, sa, "2026-03-30T15:00:00Z"),
                DueLocalHas(gdpr, sa, "17:00"),
                Urgent(gdpr, sa, Urgency::WithoutUndueDelay),
                Note(gdpr, sa, "awareness not recorded"),
                Undetermined(
                    gdpr,
                    Some("data-subjects"),
                    Some(vec![MissingFact::Determination {
                        fact: fact("high_risk"),
                    }]),
                ),
                Assumes(gdpr, sa, "risk_unlikely"),
            ],
        },
        // Before the filing (2026-03-29 10:00Z): still owed, with 48 h left.
        Case {
            name: "a_filing_after_the_moment_asked_about_is_not_yet_met (before)",
            regulation: controller(),
            facts: gdpr_breach("2026-03-27T15:00:00Z", "DE").filed(
                gdpr,
                sa,
                "2026-03-29T10:00:00Z",
            ),
            at: "2026-03-28T15:00:00Z",
            expect: vec![Status(
                gdpr,
                sa,
                ObligationStatus::Pending {
                    remaining_seconds: Some(48 * 3600),
                },
            )],
        },
        // After the deadline and before a later filing (1 April): overdue by 24 h.
        Case {
            name: "a_filing_after_the_moment_asked_about_is_not_yet_met (overdue)",
            regulation: controller(),
            facts: gdpr_breach("2026-03-27T15:00:00Z", "DE").filed(
                gdpr,
                sa,
                "2026-04-01T10:00:00Z",
            ),
            at: "2026-03-31T15:00:00Z",
            expect: vec![Status(
                gdpr,
                sa,
                ObligationStatus::Overdue {
                    overdue_seconds: 24 * 3600,
                },
            )],
        },
        // At the filing: met.
        Case {
            name: "a_filing_after_the_moment_asked_about_is_not_yet_met (at the filing)",
            regulation: controller(),
            facts: gdpr_breach("2026-03-27T15:00:00Z", "DE").filed(
                gdpr,
                sa,
                "2026-03-29T10:00:00Z",
            ),
            at: "2026-03-29T10:00:00Z",
            expect: vec![MetAt(gdpr, sa, "2026-03-29T10:00:00Z")],
        },
        // After the filing: met.
        Case {
            name: "a_filing_after_the_moment_asked_about_is_not_yet_met (after the filing)",
            regulation: controller(),
            facts: gdpr_breach("2026-03-27T15:00:00Z", "DE").filed(
                gdpr,
                sa,
                "2026-03-29T10:00:00Z",
            ),
            at: "2026-04-02T00:00:00Z",
            expect: vec![MetAt(gdpr, sa, "2026-03-29T10:00:00Z")],
        },
        // GDPR has no weekend relief: due Sunday 29 March, no roll. The default reading counts
        // from the minute of awareness; Reg. 1182/71 strict counts from the next full hour
        // (11:00 local = 10:00Z... next is 11:00Z), reported alongside.
        Case {
            name: "gdpr_has_no_weekend_relief_and_reports_the_strict_hour_reading",
            regulation: controller(),
            facts: gdpr_breach("2026-03-26T10:20:00Z", "FR"),
            at: "2026-03-26T11:00:00Z",
            expect: vec![
                Due(gdpr, sa, "2026-03-29T10:20:00Z"),
                FirstReading(
                    gdpr,
                    sa,
                    Ambiguity::HourCountStart,
                    Some(false),
                    Some("2026-03-29T11:00:00Z"),
                ),
            ],
        },
        // Choosing the alternative (strict) reading moves the due time and says so.
        Case {
            name: "gdpr_has_no_weekend_relief_and_reports_the_strict_hour_reading (alternative)",
            regulation: controller()
                .with_readings(Readings::default().alternative(Ambiguity::HourCountStart)),
            facts: gdpr_breach("2026-03-26T10:20:00Z", "FR"),
            at: "2026-03-26T11:00:00Z",
            expect: vec![
                Due(gdpr, sa, "2026-03-29T11:00:00Z"),
                FirstReading(gdpr, sa, Ambiguity::HourCountStart, Some(true), None),
            ],
        },
        // Without data categories GDPR cannot tell whether personal data was exposed.
        Case {
            name: "gdpr_does_not_apply_without_personal_data_and_cannot_tell_without_categories",
            regulation: controller(),
            facts: facts(IncidentKind::DataBreach, "2026-03-26T10:00:00Z"),
            at: "2026-03-26T11:00:00Z",
            expect: vec![Undetermined(
                gdpr,
                None,
                Some(vec![MissingFact::DataCategories {}]),
            )],
        },
        // With only source code exposed, GDPR does not apply, and says why.
        Case {
            name: "gdpr_does_not_apply_without_personal_data (source code only)",
            regulation: controller(),
            facts: facts(IncidentKind::DataBreach, "2026-03-26T10:00:00Z").with(|f| {
                f.impact.data_categories.insert(DataCategory::SourceCode);
            }),
            at: "2026-03-26T11:00:00Z",
            expect: vec![NotApplicable(gdpr, Some("no personal data"))],
        },
        // DORA initial notification (RTS 2025/301 Art. 5(1)(a)): aware Mon 08:00Z, classified
        // Mon 20:00Z; 4 h from classification beats 24 h from awareness.
        Case {
            name: "dora_initial_is_the_earlier_limb",
            regulation: regulation(eu_profile(&[EntityType::PaymentInstitution])),
            facts: dora_major("2026-03-09T08:00:00Z", "2026-03-09T20:00:00Z"),
            at: "2026-03-09T20:00:00Z",
            expect: vec![
                Due(dora, "initial", "2026-03-10T00:00:00Z"),
                TriggeredBy(
                    dora,
                    "initial",
                    Trigger::Determined {
                        fact: fact("major_incident"),
                    },
                ),
                Limbs(dora, "initial", 2),
                Governing(dora, "initial", 0, true),
                Governing(dora, "initial", 1, false),
            ],
        },
        // RTS Art. 5(2): classified 50 h after awareness; the 24 h limb expired before the
        // obligation arose and is dropped, so 4 h from classification.
        Case {
            name: "dora_late_classification_counts_four_hours_from_classification",
            regulation: regulation(eu_profile(&[EntityType::PaymentInstitution])),
            facts: dora_major("2026-03-09T08:00:00Z", "2026-03-11T10:00:00Z"),
            at: "2026-03-11T10:00:00Z",
            expect: vec![
                Due(dora, "initial", "2026-03-11T14:00:00Z"),
                Dropped(dora, "initial", 1),
                DueNotBeforeTrigger(dora, "initial"),
            ],
        },
        // Classified Saturday 2026-03-07 09:00 CET, 4 h ends Saturday 12:00Z: a payment
        // institution gets 12:00 noon of the next working day (Monday, Berlin) (Art. 5(4)).
        Case {
            name: "dora_weekend_relief_depends_on_entity_type (payment institution)",
            regulation: regulation(eu_profile(&[EntityType::PaymentInstitution])),
            facts: dora_major("2026-03-07T08:00:00Z", "2026-03-07T08:00:00Z"),
            at: "2026-03-07T08:00:00Z",
            expect: vec![Due(dora, "initial", "2026-03-09T11:00:00Z")],
        },
        // A credit institution does not (RTS Art. 5(5)), and the obligation says so.
        Case {
            name: "dora_weekend_relief_depends_on_entity_type (credit institution)",
            regulation: regulation(eu_profile(&[EntityType::CreditInstitution])),
            facts: dora_major("2026-03-07T08:00:00Z", "2026-03-07T08:00:00Z"),
            at: "2026-03-07T08:00:00Z",
            expect: vec![
                Due(dora, "initial", "2026-03-07T12:00:00Z"),
                Note(dora, "initial", "relief not available"),
            ],
        },
        // Nor does an entity its authority excluded (Art. 5(6)).
        Case {
            name: "dora_weekend_relief_depends_on_entity_type (excluded by the authority)",
            regulation: regulation(eu_profile(&[
                EntityType::PaymentInstitution,
                EntityType::DoraReliefExcluded,
            ])),
            facts: dora_major("2026-03-07T08:00:00Z", "2026-03-07T08:00:00Z"),
            at: "2026-03-07T08:00:00Z",
            expect: vec![Due(dora, "initial", "2026-03-07T12:00:00Z")],
        },
        // Classified Good Friday 2026-04-03 08:00 CEST (06:00Z): 4 h lands on the holiday;
        // Saturday, Sunday and Easter Monday follow; due Tuesday 7 April 12:00 CEST.
        Case {
            name: "dora_relief_uses_the_member_state_bank_holidays",
            regulation: regulation(eu_profile(&[EntityType::InvestmentFirm])),
            facts: dora_major("2026-04-03T06:00:00Z", "2026-04-03T06:00:00Z"),
            at: "2026-04-03T06:00:00Z",
            expect: vec![Due(dora, "initial", "2026-04-07T10:00:00Z")],
        },
        // RTS Art. 5(1)(b): the intermediate report waits for the initial submission.
        Case {
            name: "dora_intermediate_and_final_anchor_to_submissions (nothing filed)",
            regulation: regulation(eu_profile(&[EntityType::CreditInstitution])),
            facts: dora_major("2026-01-26T08:00:00Z", "2026-01-26T09:00:00Z"),
            at: "2026-01-26T10:00:00Z",
            expect: vec![Status(
                dora,
                "intermediate",
                ObligationStatus::AwaitingTrigger {},
            )],
        },
        // Initial filed 12:00Z on time: the intermediate report is due 72 h later.
        Case {
            name: "dora_intermediate_and_final_anchor_to_submissions (initial filed)",
            regulation: regulation(eu_profile(&[EntityType::CreditInstitution])),
            facts: dora_major("2026-01-26T08:00:00Z", "2026-01-26T09:00:00Z").filed(
                dora,
                "initial",
                "2026-01-26T12:00:00Z",
            ),
            at: "2026-01-26T13:00:00Z",
            expect: vec![
                MetOnTime(dora, "initial"),
                Due(dora, "intermediate", "2026-01-29T12:00:00Z"),
            ],
        },
        // Intermediate filed, then updated on Saturday 31 January: the final report runs one
        // month from the latest update (Art. 5(1)(c)), clamps to 28 February (a Saturday)
        // and, as relief applies to final reports of every entity, moves to Monday 2 March
        // 12:00 CET.
        Case {
            name: "dora_intermediate_and_final_anchor_to_submissions (intermediate updated)",
            regulation: regulation(eu_profile(&[EntityType::CreditInstitution])),
            facts: dora_major("2026-01-26T08:00:00Z", "2026-01-26T09:00:00Z")
                .filed(dora, "initial", "2026-01-26T12:00:00Z")
                .filed(dora, "intermediate", "2026-01-29T09:00:00Z")
                .filed(dora, "intermediate", "2026-01-31T10:00:00Z"),
            at: "2026-02-01T00:00:00Z",
            expect: vec![Due(dora, "final", "2026-03-02T11:00:00Z")],
        },
        // Weekend relief needs the Member State's calendar: without one, named as missing.
        Case {
            name: "dora_without_a_member_state_calendar_names_what_is_missing",
            regulation: dora_ireland(EntityType::PaymentInstitution, None),
            facts: dora_major("2026-03-09T08:00:00Z", "2026-03-09T08:00:00Z"),
            at: "2026-03-09T09:00:00Z",
            expect: vec![Undetermined(
                dora,
                Some("initial"),
                Some(vec![MissingFact::EntityCalendar {}]),
            )],
        },
        // A credit institution has no relief for the initial report, so it needs no calendar
        // for it; the final report (relief for all) still does.
        Case {
            name: "dora_without_a_member_state_calendar (credit institution)",
            regulation: dora_ireland(EntityType::CreditInstitution, None),
            facts: dora_major("2026-03-09T08:00:00Z", "2026-03-09T08:00:00Z")
                .filed(dora, "initial", "2026-03-09T10:00:00Z")
                .filed(dora, "intermediate", "2026-03-10T10:00:00Z"),
            at: "2026-03-10T11:00:00Z",
            expect: vec![
                IsMet(dora, "initial"),
                Undetermined(
                    dora,
                    Some("final"),
                    Some(vec![MissingFact::EntityCalendar {}]),
                ),
            ],
        },
        // A calendar id the host did not supply is named (Malta has no built-in calendar).
        Case {
            name: "dora_without_a_member_state_calendar (unknown calendar id)",
            regulation: dora_entity(
                "MT",
                "Europe/Malta",
                EntityType::PaymentInstitution,
                Some("mt"),
            ),
            facts: dora_major("2026-03-09T08:00:00Z", "2026-03-09T08:00:00Z"),
            at: "2026-03-09T09:00:00Z",
            expect: vec![Undetermined(
                dora,
                Some("initial"),
                Some(vec![MissingFact::Calendar {
                    id: CalendarId::new("mt").unwrap(),
                }]),
            )],
        },
        // RTS 2025/301 Art. 5(4) with the built-in Irish calendar: classified major on Monday
        // 16 March 2026 at 22:00 (Dublin is on UTC in March), the initial report is due 4 h
        // later, 02:00 on Tuesday 17 March, Saint Patrick's Day (Organisation of Working
        // Time Act 1997, Sch. 2): a payment institution has relief, so it moves to 12:00 on
        // Wednesday 18 March.
        Case {
            name: "dora_relief_over_saint_patricks_day_with_the_irish_calendar",
            regulation: dora_ireland(EntityType::PaymentInstitution, Some("ie")),
            facts: dora_major("2026-03-16T22:00:00Z", "2026-03-16T22:00:00Z"),
            at: "2026-03-16T23:00:00Z",
            expect: vec![Due(dora, "initial", "2026-03-18T12:00:00Z")],
        },
        // The same clock in Frankfurt on Corpus Christi (Thursday 4 June 2026), a holiday in
        // Hesse but not nationwide: aware at 23:00 CEST on 3 June, classified at 06:00 CEST
        // on 4 June, both limbs (10:00 and 23:00 CEST on 4 June) fall on the holiday. Under
        // the Hesse calendar they move to 12:00 CEST on Friday 5 June; under the nationwide
        // one the earlier limb, 10:00 CEST on 4 June, governs.
        Case {
            name: "dora_relief_on_corpus_christi (hesse)",
            regulation: dora_entity(
                "DE",
                "Europe/Berlin",
                EntityType::PaymentInstitution,
                Some("de-he"),
            ),
            facts: dora_major("2026-06-03T21:00:00Z", "2026-06-04T04:00:00Z"),
            at: "2026-06-04T05:00:00Z",
            expect: vec![Due(dora, "initial", "2026-06-05T10:00:00Z")],
        },
        Case {
            name: "dora_relief_on_corpus_christi (nationwide)",
            regulation: dora_entity(
                "DE",
                "Europe/Berlin",
                EntityType::PaymentInstitution,
                Some("de"),
            ),
            facts: dora_major("2026-06-03T21:00:00Z", "2026-06-04T04:00:00Z"),
            at: "2026-06-04T05:00:00Z",
            expect: vec![Due(dora, "initial", "2026-06-04T08:00:00Z")],
        },
        // NIS2 Art. 23(4)(a), (b): early warning 24 h and notification 72 h from awareness;
        // the trust-service-provider notification does not apply to an essential entity.
        Case {
            name: "nis2_final_report_is_one_month_after_the_notification (clocks)",
            regulation: regulation(eu_profile(&[EntityType::Nis2Essential])),
            facts: nis2_significant(),
            at: "2026-01-29T13:00:00Z",
            expect: vec![
                Due(nis2, "early-warning", "2026-01-30T10:00:00Z"),
                Due(nis2, "incident-notification", "2026-02-01T10:00:00Z"),
                Absent(nis2, "incident-notification-tsp"),
            ],
        },
        // Art. 23(4)(d): 31 January 10:30 CET + one month = 28 February 10:30 CET (clamped);
        // the 1182/71 reading (end of the last day) is reported alongside.
        Case {
            name: "nis2_final_report_is_one_month_after_the_notification_with_month_end_clamping",
            regulation: regulation(eu_profile(&[EntityType::Nis2Essential])),
            facts: nis2_significant().filed(nis2, "incident-notification", "2026-01-31T09:30:00Z"),
            at: "2026-02-01T00:00:00Z",
            expect: vec![
                Due(nis2, "final-report", "2026-02-28T09:30:00Z"),
                FirstReading(
                    nis2,
                    "final-report",
                    Ambiguity::DayEnd,
                    None,
                    Some("2026-02-28T23:00:00Z"),
                ),
            ],
        },
        // Art. 23(4)(e): still ongoing when the final report falls due (28 February 10:30
        // CET), handling not ended: a progress report is due then, and the final report
        // waits for the end of handling.
        Case {
            name: "nis2_ongoing_incident_progress_report_then_final_after_handling",
            regulation: regulation(eu_profile(&[EntityType::Nis2Essential])),
            facts: nis2_significant().filed(nis2, "incident-notification", "2026-01-31T09:30:00Z"),
            at: "2026-03-01T00:00:00Z",
            expect: vec![
                Due(nis2, "progress-report", "2026-02-28T09:30:00Z"),
                Status(nis2, "final-report", ObligationStatus::AwaitingTrigger {}),
            ],
        },
        // Handling ended 10 March 13:00 CET, after the due time: the final report one month
        // later, 10 April 13:00 CEST; the progress report stays owed.
        Case {
            name: "nis2_ongoing_incident_final_report_one_month_after_handling_ends",
            regulation: regulation(eu_profile(&[EntityType::Nis2Essential])),
            facts: nis2_significant()
                .filed(nis2, "incident-notification", "2026-01-31T09:30:00Z")
                .milestone(Milestone::HandlingEnded, "2026-03-10T12:00:00Z"),
            at: "2026-03-11T00:00:00Z",
            expect: vec![
                Due(nis2, "progress-report", "2026-02-28T09:30:00Z"),
                Due(nis2, "final-report", "2026-04-10T11:00:00Z"),
            ],
        },
        // Handling ended before the due time: the final report of Art. 23(4)(d), no
        // progress report.
        Case {
            name: "nis2_final_report_when_handling_ended_in_time",
            regulation: regulation(eu_profile(&[EntityType::Nis2Essential])),
            facts: nis2_significant()
                .filed(nis2, "incident-notification", "2026-01-31T09:30:00Z")
                .milestone(Milestone::HandlingEnded, "2026-02-20T12:00:00Z"),
            at: "2026-03-01T00:00:00Z",
            expect: vec![
                Due(nis2, "final-report", "2026-02-28T09:30:00Z"),
                Absent(nis2, "progress-report"),
            ],
        },
        // Asked before the due time, handling not ended: the final report as usual.
        Case {
            name: "nis2_final_report_before_its_due_time_while_ongoing",
            regulation: regulation(eu_profile(&[EntityType::Nis2Essential])),
            facts: nis2_significant().filed(nis2, "incident-notification", "2026-01-31T09:30:00Z"),
            at: "2026-02-27T00:00:00Z",
            expect: vec![
                Due(nis2, "final-report", "2026-02-28T09:30:00Z"),
                Absent(nis2, "progress-report"),
            ],
        },
        // NIS2 Art. 4: entities under DORA are carved out.
        Case {
            name: "nis2_does_not_apply_to_dora_entities",
            regulation: regulation(eu_profile(&[
                EntityType::Nis2Essential,
                EntityType::CreditInstitution,
            ])),
            facts: nis2_significant(),
            at: "2026-01-29T13:00:00Z",
            expect: vec![NotApplicable(nis2, None)],
        },
        // A national transposition replaces the built-in regime by id (one regime left) and
        // its 12 h early warning applies.
        Case {
            name: "a_national_transposition_overrides_the_builtin_by_id",
            regulation: nis2_transposed(),
            facts: nis2_significant(),
            at: "2026-01-29T13:00:00Z",
            expect: vec![
                RegimeCount(nis2, 1),
                Due(nis2, "early-warning", "2026-01-29T22:00:00Z"),
            ],
        },
    ]
}

#[test]
fn eu_regimes_against_worked_cases() {
    check_table(eu_cases());
}

/// A ransomware incident detected 2025-12-01 and determined material at `determined`, for a
/// US registrant; the obligations are asked for at the determination.
fn sec_material(determined: &str) -> (Regulation, IncidentFacts) {
    let facts = facts(IncidentKind::Ransomware, "2025-12-01T15:00:00Z")
        .determined("material", true, determined);
    let profile = EntityProfile::new()
        .established_in(j("US"))
        .entity_type(EntityType::SecRegistrant);
    (Regulation::builtin(profile), facts)
}

/// A ransomware incident detected Monday 2 March 2026 15:00Z, determined material at 16:00Z.
fn sec_march() -> IncidentFacts {
    facts(IncidentKind::Ransomware, "2026-03-02T15:00:00Z").determined(
        "material",
        true,
        "2026-03-02T16:00:00Z",
    )
}

/// [`sec_march`] with two grants: until 5 April (recorded 5 March) and until 20 April
/// (recorded 1 April).
fn two_grants() -> IncidentFacts {
    sec_march().with(|f| {
        f.deferrals
            .push(ag_delay("2026-04-05T21:30:00Z", "2026-03-05T12:00:00Z"));
        f.deferrals
            .push(ag_delay("2026-04-20T21:30:00Z", "2026-04-01T12:00:00Z"));
    })
}

/// A deferral of the Form 8-K granted by the Department of Justice until `until`, recorded
/// at `recorded`.
fn ag_delay(until: &str, recorded: &str) -> Deferral {
    Deferral {
        regime: RegimeId::new("us-sec-8k").unwrap(),
        report: ReportId::new("form-8-k").unwrap(),
        authority: "U.S. Department of Justice".into(),
        until: t(until),
        reference: None,
        recorded_at: t(recorded),
    }
}

/// The obligation says what the deferral did, keeps the original due time, and says when a
/// grant asks for more than Item 1.05(c) allows; a deferral of a report that provides for
/// none (GDPR Art. 33) leaves the due time as it is, and says so.
#[test]
fn a_deferral_is_shown_beside_the_original_due_time_and_never_applied_silently() {
    let regulation = builtin_for(EntityType::SecRegistrant);
    let sec = sec_march().with(|f| {
        f.deferrals
            .push(ag_delay("2026-04-20T21:30:00Z", "2026-03-05T12:00:00Z"));
    });
    let o = regulation.obligations(&sec, t("2026-03-07T00:00:00Z"));
    let k8 = obligation(&o, "us-sec-8k", "form-8-k").unwrap();
    let deferred = k8.deferred.as_ref().unwrap();
    assert_eq!(deferred.original_due, t("2026-03-06T22:30:00Z"));
    assert_eq!(deferred.until, t("2026-04-05T21:30:00Z"));
    assert_eq!(
        (deferred.grants, deferred.authority.as_str()),
        (1, "U.S. Department of Justice")
    );
    assert!(
        k8.notes
            .iter()
            .any(|n| n.contains("held to") && n.contains("exemptive order")),
        "{:?}",
        k8.notes
    );
    // The plain-text table says so on the obligation's line.
    assert!(
        o.to_string()
            .contains("[deferred by U.S. Department of Justice from 2026-03-06T22:30:00+00:00]"),
        "{o}"
    );
    // Before the grant was recorded: the original clock, no deferral.
    let before = regulation.obligations(&sec, t("2026-03-04T00:00:00Z"));
    let k8 = obligation(&before, "us-sec-8k", "form-8-k").unwrap();
    assert_eq!(
        (k8.due, k8.deferred.as_ref()),
        (Some(t("2026-03-06T22:30:00Z")), None)
    );

    let mut gdpr = facts(IncidentKind::DataBreach, "2026-03-02T09:00:00Z").personal(5_000, "DE");
    gdpr.deferrals.push(Deferral {
        regime: RegimeId::new("eu-gdpr").unwrap(),
        report: ReportId::new("supervisory-authority").unwrap(),
        ..ag_delay("2026-03-20T00:00:00Z", "2026-03-02T10:00:00Z")
    });
    let o = Regulation::builtin(EntityProfile::new().established_in(j("DE")))
        .obligations(&gdpr, t("2026-03-03T00:00:00Z"));
    let initial = obligation(&o, "eu-gdpr", "supervisory-authority").unwrap();
    assert_eq!(initial.due, Some(t("2026-03-05T09:00:00Z")));
    assert!(initial.deferred.is_none());
    assert!(
        initial
            .notes
            .iter()
            .any(|n| n.contains("provides for none")),
        "{:?}",
        initial.notes
    );
}

fn builtin_for(entity: EntityType) -> Regulation {
    Regulation::builtin(EntityProfile::new().entity_type(entity))
}

/// A ransomware incident determined a cybersecurity incident on 21 May 2026, for a NYDFS
/// covered entity.
fn nydfs_incident() -> IncidentFacts {
    facts(IncidentKind::Ransomware, "2026-05-20T12:00:00Z").determined(
        "cybersecurity_incident",
        true,
        "2026-05-21T12:00:00Z",
    )
}

/// A health-data breach discovered 10 January 2026, `people` confirmed.
fn hipaa_breach(people: u64) -> IncidentFacts {
    facts(IncidentKind::DataBreach, "2026-01-10T15:00:00Z").with(|f| {
        f.impact.data_categories.insert(DataCategory::Health);
        f.impact.people.confirmed = Some(people);
    })
}

/// A HIPAA covered entity in Chicago.
fn hipaa_entity() -> Regulation {
    Regulation::builtin(
        EntityProfile::new()
            .entity_type(EntityType::HipaaCoveredEntity)
            .time_zone("America/Chicago".parse().unwrap()),
    )
}

fn us_cases() -> Vec<Case> {
    use Expect::*;
    let sec_case = |name, determined, expect| {
        let (regulation, facts) = sec_material(determined);
        Case {
            name,
            regulation,
            facts,
            at: determined,
            expect,
        }
    };
    let (k8, f8) = ("us-sec-8k", "form-8-k");
    let dfs = "us-ny-dfs-500-17";
    let hipaa = "us-hipaa";
    vec![
        // Form 8-K Item 1.05, four business days: determined Friday 19 December 2025: Mon 22
        // (1), Tue 23 (2); 24 and 26 December are executive-order closures and 25 is
        // Christmas; Mon 29 (3), Tue 30 (4), 17:30 EST.
        sec_case(
            "sec_8k_four_business_days_skip_holidays_and_closure_days",
            "2025-12-19T20:00:00Z",
            vec![Due(k8, f8, "2025-12-30T22:30:00Z")],
        ),
        // Determined Saturday 7 March 2026; the period begins on and includes Monday 9 March
        // (General Instruction B.1); day 4 is Thursday 12 March; US clocks went forward on
        // 8 March, so 17:30 EDT is 21:30Z.
        sec_case(
            "sec_8k_weekend_determination_begins_on_the_next_business_day_across_dst",
            "2026-03-07T15:00:00Z",
            vec![Due(k8, f8, "2026-03-12T21:30:00Z")],
        ),
        // Determined on Sunday 8 March at 23:30 EDT (Monday 03:30Z): the Eastern date governs.
        sec_case(
            "sec_8k_weekend_determination (the Eastern date governs)",
            "2026-03-09T03:30:00Z",
            vec![Due(k8, f8, "2026-03-12T21:30:00Z")],
        ),
        // Mon 2 March → Fri 6 March 17:30 EST = 22:30Z (17 CFR 232.13(a)(2)); filed 17:45
        // EST: late by 15 minutes.
        Case {
            name: "sec_8k_filed_after_the_1730_cut_off_is_late",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: sec_march().filed(k8, f8, "2026-03-06T22:45:00Z"),
            at: "2026-03-07T00:00:00Z",
            expect: vec![
                Due(k8, f8, "2026-03-06T22:30:00Z"),
                Status(
                    k8,
                    f8,
                    ObligationStatus::Met {
                        submitted_at: t("2026-03-06T22:45:00Z"),
                        late_seconds: Some(900),
                    },
                ),
            ],
        },
        // Item 1.05(c): the Attorney General's delay, recorded once granted. Due Friday 6
        // March 17:30 EST (22:30Z); a first grant until Friday 20 March 17:30 EDT is within
        // its 30 days and moves the clock; filed then, on time.
        Case {
            name: "sec_8k_attorney_general_delay_moves_the_due_time",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: sec_march()
                .with(|f| {
                    f.deferrals
                        .push(ag_delay("2026-03-20T21:30:00Z", "2026-03-05T12:00:00Z"))
                })
                .filed(k8, f8, "2026-03-20T21:00:00Z"),
            at: "2026-03-21T00:00:00Z",
            expect: vec![Due(k8, f8, "2026-03-20T21:30:00Z"), MetOnTime(k8, f8)],
        },
        // One grant asking for 45 days is held to 30: Sunday 5 April 17:30 EDT (21:30Z), the
        // same New York wall time across the clock change; a second grant reaches it.
        Case {
            name: "sec_8k_a_first_grant_is_held_to_30_days",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: sec_march().with(|f| {
                f.deferrals
                    .push(ag_delay("2026-04-20T21:30:00Z", "2026-03-05T12:00:00Z"))
            }),
            at: "2026-03-07T00:00:00Z",
            expect: vec![Due(k8, f8, "2026-04-05T21:30:00Z")],
        },
        Case {
            name: "sec_8k_a_second_grant_extends_within_60_days",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: two_grants(),
            at: "2026-04-02T00:00:00Z",
            expect: vec![Due(k8, f8, "2026-04-20T21:30:00Z")],
        },
        // Asked before the second grant was recorded, the first one governs (as of a moment).
        Case {
            name: "sec_8k_a_grant_counts_from_when_it_was_recorded",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: two_grants(),
            at: "2026-03-31T00:00:00Z",
            expect: vec![Due(k8, f8, "2026-04-05T21:30:00Z")],
        },
        // Item 1.05 Instruction 2: nothing omitted, no amendment.
        Case {
            name: "sec_8k_amendment_runs_from_the_information_becoming_available (none)",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: sec_march(),
            at: "2026-03-03T00:00:00Z",
            expect: vec![Absent(k8, "form-8-k-a")],
        },
        // Information omitted: the amendment waits for the information to become available.
        Case {
            name: "sec_8k_amendment_runs_from_the_information_becoming_available (omitted)",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: sec_march().determined(
                "information_omitted_from_8k",
                true,
                "2026-03-05T16:00:00Z",
            ),
            at: "2026-03-05T17:00:00Z",
            expect: vec![Status(
                k8,
                "form-8-k-a",
                ObligationStatus::AwaitingTrigger {},
            )],
        },
        // Available Thu 2 April → Wed 8 April 17:30 EDT (no federal holiday in between).
        Case {
            name: "sec_8k_amendment_runs_from_the_information_becoming_available",
            regulation: builtin_for(EntityType::SecRegistrant),
            facts: sec_march()
                .determined("information_omitted_from_8k", true, "2026-03-05T16:00:00Z")
                .milestone(Milestone::InformationAvailable, "2026-04-02T14:00:00Z"),
            at: "2026-04-02T15:00:00Z",
            expect: vec![Due(k8, "form-8-k-a", "2026-04-08T21:30:00Z")],
        },
        // Form 6-K: promptly after disclosure at home; no four-day clock, no timestamp.
        Case {
            name: "foreign_private_issuers_have_no_four_day_clock",
            regulation: builtin_for(EntityType::ForeignPrivateIssuer),
            facts: sec_march(),
            at: "2026-03-03T00:00:00Z",
            expect: vec![
                Absent(k8, f8),
                NoDue("us-sec-6k", "form-6-k"),
                Status(
                    "us-sec-6k",
                    "form-6-k",
                    ObligationStatus::Pending {
                        remaining_seconds: None,
                    },
                ),
            ],
        },
        // Reg S-P 248.30(a)(4)(iii): aware (detected) Friday 30 January 09:00 EST + 30 days =
        // Sunday 1 March 09:00 EST; a service provider has 72 h (248.30(a)(5)(i)).
        Case {
            name: "reg_sp_thirty_days_and_service_provider_72_hours",
            regulation: Regulation::builtin(
                EntityProfile::new()
                    .entity_type(EntityType::BrokerDealer)
                    .entity_type(EntityType::RegSpServiceProvider),
            ),
            facts: facts(IncidentKind::DataBreach, "2026-01-30T14:00:00Z")
                .personal(3_000, "US")
                .determined(
                    "sensitive_customer_information_compromised",
                    true,
                    "2026-01-31T14:00:00Z",
                ),
            at: "2026-02-01T00:00:00Z",
            expect: vec![
                Due("us-sec-reg-sp", "individuals", "2026-03-01T14:00:00Z"),
                Due(
                    "us-sec-reg-sp-service-provider",
                    "covered-institution",
                    "2026-02-02T14:00:00Z",
                ),
            ],
        },
        // 23 NYCRR 500.17(a)(1): 72 h from the determination; no extortion payment, no notice.
        Case {
            name: "nydfs_72_hours_and_extortion_clocks",
            regulation: builtin_for(EntityType::NydfsCoveredEntity),
            facts: nydfs_incident(),
            at: "2026-05-21T13:00:00Z",
            expect: vec![
                Due(dfs, "incident-notice", "2026-05-24T12:00:00Z"),
                Absent(dfs, "extortion-payment-notice"),
            ],
        },
        // 500.17(c): paid Friday 26 June 2026 10:00 EDT: notice in 24 h; the written
        // explanation's 30 days end Sunday 26 July. The GCL § 25-a reading (roll to the end of
        // Monday 27 July) is reported, not applied.
        Case {
            name: "nydfs_72_hours_and_extortion_clocks (payment made)",
            regulation: builtin_for(EntityType::NydfsCoveredEntity),
            facts: nydfs_incident()
                .milestone(Milestone::ExtortionPaymentMade, "2026-06-26T14:00:00Z"),
            at: "2026-06-26T15:00:00Z",
            expect: vec![
                Due(dfs, "extortion-payment-notice", "2026-06-27T14:00:00Z"),
                Due(dfs, "extortion-payment-explanation", "2026-07-26T14:00:00Z"),
                ReadingOf(
                    dfs,
                    "extortion-payment-explanation",
                    Ambiguity::RestDayExtension,
                    Some(false),
                    Some("2026-07-28T04:00:00Z"),
                ),
            ],
        },
        // 45 CFR 164.404(b): 10 January + 60 days = 11 March (same clock time, 09:00 CST =
        // 15:00Z; CDT from 8 March makes it 14:00Z). 501 people, 501 of them in Illinois:
        // the media (more than 500 residents of a State, 164.406(a)) and HHS now
        // (164.408(b)), no annual log.
        Case {
            name: "hipaa_sixty_days_media_and_hhs_thresholds",
            regulation: hipaa_entity(),
            facts: hipaa_breach(501).with(|f| {
                f.impact
                    .people_by_jurisdiction
                    .insert(Jurisdiction::new("US-IL").unwrap(), 501);
            }),
            at: "2026-01-11T00:00:00Z",
            expect: vec![
                Due(hipaa, "individuals", "2026-03-11T14:00:00Z"),
                Present(hipaa, "media"),
                Present(hipaa, "hhs"),
                Absent(hipaa, "hhs-annual-log"),
            ],
        },
        // 501 people, per-State counts unknown: the media notice is undetermined and names
        // the missing counts; the total is not taken for one State's.
        Case {
            name: "hipaa_media_needs_per_state_counts",
            regulation: hipaa_entity(),
            facts: hipaa_breach(501),
            at: "2026-01-11T00:00:00Z",
            expect: vec![
                Undetermined(
                    hipaa,
                    Some("media"),
                    Some(vec![MissingFact::PeopleBySubdivision {}]),
                ),
                Present(hipaa, "hhs"),
            ],
        },
        // 900 people, at most 450 in any State and everyone counted: no media notice.
        Case {
            name: "hipaa_media_not_owed_when_no_state_has_more_than_500",
            regulation: hipaa_entity(),
            facts: hipaa_breach(900).with(|f| {
                for (state, n) in [("US-IL", 450), ("US-WI", 450)] {
                    f.impact
                        .people_by_jurisdiction
                        .insert(Jurisdiction::new(state).unwrap(), n);
                }
            }),
            at: "2026-01-11T00:00:00Z",
            expect: vec![Absent(hipaa, "media"), Present(hipaa, "hhs")],
        },
        // 500 exactly: HHS now, but not the media (more than 500).
        Case {
            name: "hipaa_sixty_days_media_and_hhs_thresholds (500)",
            regulation: hipaa_entity(),
            facts: hipaa_breach(500),
            at: "2026-01-11T00:00:00Z",
            expect: vec![Absent(hipaa, "media"), Present(hipaa, "hhs")],
        },
        // Fewer than 500: the annual log, 60 days after the end of 2026 = 1 March 2027
        // (164.408(c)), by the end of the day in Chicago.
        Case {
            name: "hipaa_sixty_days_media_and_hhs_thresholds (120)",
            regulation: hipaa_entity(),
            facts: hipaa_breach(120),
            at: "2026-01-11T00:00:00Z",
            expect: vec![Due(hipaa, "hhs-annual-log", "2027-03-02T06:00:00Z")],
        },
        // Discovered in 2027: 2028 is a leap year, so the log is due by the end of 29 February.
        Case {
            name: "hipaa_sixty_days_media_and_hhs_thresholds (leap year)",
            regulation: hipaa_entity(),
            facts: hipaa_breach(120).with(|f| f.detected_at = t("2027-06-01T15:00:00Z")),
            at: "2027-06-02T00:00:00Z",
            expect: vec![Due(hipaa, "hhs-annual-log", "2028-03-01T06:00:00Z")],
        },
    ]
}

#[test]
fn us_regimes_against_worked_cases() {
    check_table(us_cases());
}

/// An entity established in mainland China, on the built-in `cn` calendar.
fn cn_entity(types: &[EntityType]) -> Regulation {
    Regulation::builtin(cn_profile(types))
}

/// Funds stolen, discovered 14 March 2026 09:30 CST, with `loss` of direct loss and a grade
/// of 一般 (general) recorded.
fn cn_theft(loss: &str) -> IncidentFacts {
    facts(IncidentKind::FundsTheft, "2026-03-14T01:30:00Z").with(|f| {
        f.impact.funds_involved = Some(loss.parse::<Money>().unwrap());
        f.cn_grade = Some(GradeRecord {
            grade: CnGrade::General,
            graded_at: t("2026-03-14T02:00:00Z"),
            basis: "no criterion met".into(),
        });
    })
}

/// A breach discovered 14 March 2026 09:30 CST and graded 较大 at 11:00 CST.
fn cn_graded() -> IncidentFacts {
    facts(IncidentKind::DataBreach, "2026-03-14T01:30:00Z").with(|f| {
        f.cn_grade = Some(GradeRecord {
            grade: CnGrade::RelativelyMajor,
            graded_at: t("2026-03-14T03:00:00Z"),
            basis: "CII main function down 40 min".into(),
        });
    })
}

fn cn_cases() -> Vec<Case> {
    use Expect::*;
    let cac = "cn-cac-incident-reporting";
    let csrc = "cn-csrc";
    let breach =
        |people| facts(IncidentKind::DataBreach, "2026-03-14T01:30:00Z").personal(people, "CN");
    vec![
        // CAC grading guide: below 1,000,000 people the facts do not settle the grade: named,
        // not guessed. PIPL Art. 57 applies regardless, immediately, with no timestamp.
        Case {
            name: "cac_grade_thresholds_by_persons_are_inclusive (999,999)",
            regulation: cn_entity(&[EntityType::CnNetworkOperator]),
            facts: breach(999_999),
            at: "2026-03-14T02:00:00Z",
            expect: vec![
                Undetermined(cac, None, Some(vec![MissingFact::CnGrade {}])),
                NoDue("cn-pipl-57", "authority"),
                Urgent("cn-pipl-57", "authority", Urgency::Immediately),
            ],
        },
        // 1,000,000 is 较大: every other operator has 4 h from discovery to the provincial
        // CAC (Art. 4(3)).
        Case {
            name: "cac_grade_thresholds_by_persons_are_inclusive (1,000,000)",
            regulation: cn_entity(&[EntityType::CnNetworkOperator]),
            facts: breach(1_000_000),
            at: "2026-03-14T02:00:00Z",
            expect: vec![
                GradeFloor(Some(CnGrade::RelativelyMajor)),
                Due(cac, "provincial-report", "2026-03-14T05:30:00Z"),
            ],
        },
        // 10,000,000 is 重大.
        Case {
            name: "cac_grade_thresholds_by_persons_are_inclusive (10,000,000)",
            regulation: cn_entity(&[EntityType::CnNetworkOperator]),
            facts: breach(10_000_000),
            at: "2026-03-14T02:00:00Z",
            expect: vec![GradeFloor(Some(CnGrade::Major))],
        },
        // 100,000,000 is 特别重大.
        Case {
            name: "cac_grade_thresholds_by_persons_are_inclusive (100,000,000)",
            regulation: cn_entity(&[EntityType::CnNetworkOperator]),
            facts: breach(100_000_000),
            at: "2026-03-14T02:00:00Z",
            expect: vec![GradeFloor(Some(CnGrade::ExtremelyMajor))],
        },
        // A recorded grade of 一般 with RMB 4,999,999.99 of loss: the CAC does not apply, and
        // says why.
        Case {
            name: "cac_recorded_grade_and_economic_loss (below the threshold)",
            regulation: cn_entity(&[EntityType::CnCiiOperator]),
            facts: cn_theft("4999999.99 CNY"),
            at: "2026-03-14T02:10:00Z",
            expect: vec![NotApplicable(cac, Some("一般"))],
        },
        // RMB 5,000,000 of direct loss is 较大 whatever was recorded: a CII operator has 1 h
        // (Art. 4(1)), and the provincial report is not owed.
        Case {
            name: "cac_recorded_grade_and_economic_loss",
            regulation: cn_entity(&[EntityType::CnCiiOperator]),
            facts: cn_theft("5000000.00 CNY"),
            at: "2026-03-14T02:10:00Z",
            expect: vec![
                Due(cac, "cii-report", "2026-03-14T02:30:00Z"),
                Absent(cac, "provincial-report"),
            ],
        },
        // A state organ has 2 h (Art. 4(2)), counted from discovery, the conservative reading.
        Case {
            name: "cac_clock_runs_from_discovery_with_grading_as_the_alternative",
            regulation: cn_entity(&[EntityType::CnStateOrgan]),
            facts: cn_graded(),
            at: "2026-03-14T03:10:00Z",
            expect: vec![
                Due(cac, "state-organ-report", "2026-03-14T03:30:00Z"),
                FirstReading(cac, "state-organ-report", Ambiguity::CacAnchor, None, None),
            ],
        },
        // The alternative reading counts from the grading.
        Case {
            name: "cac_clock_runs_from_discovery_with_grading_as_the_alternative (alternative)",
            regulation: cn_entity(&[EntityType::CnStateOrgan])
                .with_readings(Readings::default().alternative(Ambiguity::CacAnchor)),
            facts: cn_graded(),
            at: "2026-03-14T03:10:00Z",
            expect: vec![Due(cac, "state-organ-report", "2026-03-14T05:00:00Z")],
        },
        // Art. 8: handling ended Thursday 30 April 10:00 CST; 30 calendar days end Saturday
        // 30 May. Civil Code Art. 203 (to the end of Monday 1 June, 24:00 CST) is reported.
        Case {
            name: "cac_summary_report_is_thirty_calendar_days_with_the_civil_code_reading_reported",
            regulation: cn_entity(&[]),
            facts: facts(IncidentKind::DataBreach, "2026-04-20T01:30:00Z")
                .personal(2_000_000, "CN")
                .milestone(Milestone::HandlingEnded, "2026-04-30T02:00:00Z"),
            at: "2026-05-01T00:00:00Z",
            expect: vec![
                Due(cac, "summary-report", "2026-05-30T02:00:00Z"),
                ReadingOf(
                    cac,
                    "summary-report",
                    Ambiguity::RestDayExtension,
                    None,
                    Some("2026-06-01T16:00:00Z"),
                ),
            ],
        },
        // CSRC summary report placeholder: 5 工作日 after handling ends on Thu 12 Feb 2026:
        // Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5), to
        // the end of 26 February, Beijing time; flagged unverified. The emergency report has
        // no timestamp and says the CSRC rule is unverified.
        Case {
            name: "five_chinese_working_days_cross_the_spring_festival_make_up_saturday",
            regulation: cn_entity(&[EntityType::CnSecuritiesFirm]),
            facts: facts(IncidentKind::AccountTakeover, "2026-02-10T01:30:00Z")
                .milestone(Milestone::HandlingEnded, "2026-02-12T02:00:00Z"),
            at: "2026-02-13T00:00:00Z",
            expect: vec![
                Due(csrc, "summary-report", "2026-02-26T16:00:00Z"),
                Unverified(csrc, "summary-report"),
                Note(csrc, "summary-report", "not verified"),
                NoDue(csrc, "emergency-report"),
                Note(csrc, "emergency-report", "CSRC rule unverified"),
            ],
        },
        // Five working days from 28 December 2026 run into 2027, beyond the published
        // schedule: the missing calendar year is named, never guessed.
        Case {
            name: "a_chinese_deadline_beyond_the_published_schedule_is_an_error_not_a_guess",
            regulation: cn_entity(&[EntityType::CnSecuritiesFirm]),
            facts: facts(IncidentKind::AccountTakeover, "2026-12-20T01:30:00Z")
                .milestone(Milestone::HandlingEnded, "2026-12-28T02:00:00Z"),
            at: "2026-12-28T03:00:00Z",
            expect: vec![Undetermined(
                csrc,
                None,
                Some(vec![MissingFact::CalendarCoverage {
                    id: CalendarId::new("cn").unwrap(),
                    year: 2027,
                    first_day: NaiveDate::from_ymd_opt(2025, 1, 1),
                    last_day: NaiveDate::from_ymd_opt(2026, 12, 31),
                    note: BusinessCalendar::prc().coverage_note().map(str::to_owned),
                    notes: BusinessCalendar::prc().spec().coverage_notes.clone(),
                }]),
            )],
        },
    ]
}

#[test]
fn cn_regimes_against_worked_cases() {
    check_table(cn_cases());
}

fn sg_hk_cases() -> Vec<Case> {
    use Expect::*;
    let pdpa = "sg-pdpa";
    let cap653 = "hk-cap-653";
    let pdpa_breach =
        |people| facts(IncidentKind::DataBreach, "2026-06-01T02:00:00Z").personal(people, "SG");
    let cap653_incident = || facts(IncidentKind::ServiceDisruption, "2026-02-02T01:00:00Z");
    vec![
        // MAS Notice 644 paras. 7, 8: 1 h from discovery; the root-cause report in 14 days.
        Case {
            name: "mas_one_hour_and_fourteen_days",
            regulation: builtin_for(EntityType::MasRegulated),
            facts: facts(IncidentKind::ServiceDisruption, "2026-06-01T02:15:00Z").determined(
                "relevant_incident",
                true,
                "2026-06-01T02:30:00Z",
            ),
            at: "2026-06-01T02:40:00Z",
            expect: vec![
                Due("sg-mas-644", "notification", "2026-06-01T03:15:00Z"),
                Due("sg-mas-644", "root-cause-report", "2026-06-15T02:15:00Z"),
            ],
        },
        // PDPA s. 26B: 499 people and no harm determination: cannot tell.
        Case {
            name: "pdpa_three_days_after_the_assessment_day_at_significant_scale (499)",
            regulation: Regulation::builtin(EntityProfile::new().established_in(j("SG"))),
            facts: pdpa_breach(499),
            at: "2026-06-01T03:00:00Z",
            expect: vec![Undetermined(pdpa, Some("pdpc"), None)],
        },
        // 500 people is significant scale; s. 26D(1): assessed 3 June (17:00 SGT), so by the
        // end of 6 June, Singapore time.
        Case {
            name: "pdpa_three_days_after_the_assessment_day_at_significant_scale",
            regulation: Regulation::builtin(EntityProfile::new().established_in(j("SG"))),
            facts: pdpa_breach(500)
                .milestone(Milestone::AssessmentCompleted, "2026-06-03T09:00:00Z"),
            at: "2026-06-03T10:00:00Z",
            expect: vec![Due(pdpa, "pdpc", "2026-06-06T16:00:00Z")],
        },
        // Cap. 653 s. 28: which clock applies depends on the core-function determination.
        Case {
            name: "cap_653_twelve_or_forty_eight_hours (undetermined)",
            regulation: builtin_for(EntityType::HkCriticalInfrastructureOperator),
            facts: cap653_incident(),
            at: "2026-02-02T02:00:00Z",
            expect: vec![Undetermined(cap653, None, None)],
        },
        // Core function disrupted: 12 h from awareness.
        Case {
            name: "cap_653_twelve_or_forty_eight_hours (core function disrupted)",
            regulation: builtin_for(EntityType::HkCriticalInfrastructureOperator),
            facts: cap653_incident().determined(
                "core_function_disrupted",
                true,
                "2026-02-02T01:30:00Z",
            ),
            at: "2026-02-02T02:00:00Z",
            expect: vec![Due(cap653, "notification-serious", "2026-02-02T13:00:00Z")],
        },
        // Otherwise 48 h; the written report's 14 days are flagged unverified.
        Case {
            name: "cap_653_twelve_or_forty_eight_hours (other incidents)",
            regulation: builtin_for(EntityType::HkCriticalInfrastructureOperator),
            facts: cap653_incident().determined(
                "core_function_disrupted",
                false,
                "2026-02-02T01:30:00Z",
            ),
            at: "2026-02-02T02:00:00Z",
            expect: vec![
                Due(cap653, "notification", "2026-02-04T01:00:00Z"),
                Unverified(cap653, "written-report"),
            ],
        },
    ]
}

#[test]
fn sg_and_hk_regimes_against_worked_cases() {
    check_table(sg_hk_cases());
}

// --- Timers, the log, drills -----------------------------------------------------------

fn ctx(at: DateTime<Utc>) -> Context<'static> {
    Context::new(ActorId::new("soc").unwrap(), at)
}

fn run(incident: &mut Incident, command: &Command, at: DateTime<Utc>) {
    let envelopes = incident
        .execute(command, &ctx(at))
        .unwrap_or_else(|e| panic!("{e}"));
    for e in &envelopes {
        incident.apply(e).unwrap();
    }
}

/// `RecordDeferral` through the lifecycle: the clock the incident answers moves, the timer
/// does not call the original due time missed, and the guards refuse a grant for a report
/// already filed, one dated before detection and the same grant twice.
#[test]
fn a_recorded_deferral_moves_the_incidents_clock() {
    let t0 = t("2026-03-02T15:00:00Z");
    let declare = Declare::new(
        IncidentId::from_bytes([8; 16]),
        IncidentKind::Ransomware,
        "Ransomware",
    )
    .detection(DetectionSource::Monitoring, t0)
    .severity(Severity::Sev1)
    .owner(ActorId::new("ops.lead").unwrap());
    let mut incident = Incident::replay(&Incident::declare(&declare, &ctx(t0)).unwrap()).unwrap();
    let material = Command::RecordDetermination {
        fact: FactName::new("material").unwrap(),
        value: true,
        determined_at: Some(t("2026-03-02T16:00:00Z")),
        basis: "loss of trading data".into(),
        assessment: None,
        override_reason: None,
    };
    run(&mut incident, &material, t("2026-03-02T16:00:00Z"));
    let defer = |until: &str| Command::RecordDeferral {
        regime: RegimeId::new("us-sec-8k").unwrap(),
        report: ReportId::new("form-8-k").unwrap(),
        authority: "U.S. Department of Justice".into(),
        until: t(until),
        reference: Some("DOJ letter 2026-03-05".into()),
    };
    run(
        &mut incident,
        &defer("2026-03-20T21:30:00Z"),
        t("2026-03-05T12:00:00Z"),
    );
    let regulation = builtin_for(EntityType::SecRegistrant);
    let after = t("2026-03-10T00:00:00Z");
    let o = incident.obligations(&regulation, after);
    let k8 = obligation(&o, "us-sec-8k", "form-8-k").unwrap();
    assert_eq!(k8.due, Some(t("2026-03-20T21:30:00Z")));
    assert!(
        matches!(k8.status, ObligationStatus::Pending { .. }),
        "{:?}",
        k8.status
    );
    // Past the original due time, the timer records no missed 8-K.
    for command in incident.handle_timeout(Some(&regulation), after) {
        if let Command::RecordClockAlerts { alerts } = command {
            assert!(
                alerts
                    .iter()
                    .all(|a| a.report.as_str() != "form-8-k"
                        || !matches!(a.kind, AlertKind::Missed {})),
                "{alerts:?}"
            );
        }
    }
    let codes = |r: Rejection| driver::codes(&r);
    let same = incident
        .execute(&defer("2026-03-20T21:30:00Z"), &ctx(after))
        .unwrap_err();
    assert_eq!(codes(same), ["no_change"]);
    let early = incident
        .execute(&defer("2026-03-01T00:00:00Z"), &ctx(after))
        .unwrap_err();
    assert_eq!(codes(early), ["invalid"]);
    // Under the host's regulation, a misspelt report is refused, not recorded as deferred.
    let Command::RecordDeferral { regime, .. } = defer("2026-03-20T21:30:00Z") else {
        unreachable!()
    };
    let misspelt = Command::RecordDeferral {
        regime,
        report: ReportId::new("form-8k").unwrap(),
        authority: "U.S. Department of Justice".into(),
        until: t("2026-03-20T21:30:00Z"),
        reference: None,
    };
    let unknown = incident
        .execute(&misspelt, &ctx(after).with_regulation(&regulation))
        .unwrap_err();
    assert!(
        unknown.to_string().contains("its reports: form-8-k"),
        "{unknown}"
    );
    assert_eq!(codes(unknown), ["unknown_report"]);
    let filing = Command::RecordFiling {
        regime: RegimeId::new("us-sec-8k").unwrap(),
        report: ReportId::new("form-8-k").unwrap(),
        submitted_at: Some(t("2026-03-19T20:00:00Z")),
        reference: None,
    };
    run(&mut incident, &filing, t("2026-03-19T20:00:00Z"));
    let late = incident
        .execute(
            &defer("2026-04-01T21:30:00Z"),
            &ctx(t("2026-03-20T00:00:00Z")),
        )
        .unwrap_err();
    assert_eq!(codes(late), ["no_change"]);
    let o = incident.obligations(&regulation, t("2026-03-20T00:00:00Z"));
    let k8 = obligation(&o, "us-sec-8k", "form-8-k").unwrap();
    assert!(
        matches!(
            k8.status,
            ObligationStatus::Met {
                late_seconds: None,
                ..
            }
        ),
        "{:?}",
        k8.status
    );
}

fn dora_incident(exercise: bool) -> (Incident, Vec<Envelope>) {
    let id = IncidentId::from_bytes([7; 16]);
    let t0 = t("2026-03-09T08:00:00Z");
    let declare = Declare::new(id, IncidentKind::ServiceDisruption, "Payments API outage")
        .detection(DetectionSource::Monitoring, t0)
        .severity(Severity::Sev1)
        .owner(ActorId::new("ops.lead").unwrap())
        .exercise(exercise);
    let first = Incident::declare(&declare, &ctx(t0)).unwrap();
    let incident = Incident::replay(&first).unwrap();
    (incident, first)
}

#[test]
fn the_timer_records_reminders_and_the_missed_deadline_in_the_log() {
    let (mut incident, mut log) = dora_incident(false);
    let r = regulation(eu_profile(&[EntityType::CreditInstitution]));
    let t0 = t("2026-03-09T08:00:00Z");
    assert_eq!(
        incident.poll_timeout(Some(&r), t0).map(|w| w.at),
        None,
        "DORA needs the major classification"
    );
    let classify = Command::RecordDetermination {
        fact: fact("major_incident"),
        value: true,
        determined_at: None,
        basis: "RTS 2024/1772: critical service, > 10 % of clients".into(),
        assessment: None,
        override_reason: None,
    };
    let at = t0 + Duration::hours(1);
    let envelopes = incident.execute(&classify, &ctx(at)).unwrap();
    for e in &envelopes {
        incident.apply(e).unwrap();
    }
    log.extend(envelopes);
    // Initial due 13:00Z (4 h from 09:00Z); reminders at 50 % (11:00Z) and 80 % (12:12Z).
    assert_eq!(
        incident.poll_timeout(Some(&r), at).map(|w| w.at),
        Some(t("2026-03-09T11:00:00Z"))
    );
    assert_eq!(
        incident.handle_timeout(Some(&r), at).into_iter().next(),
        None
    );
    let tick_at = t("2026-03-09T11:00:00Z");
    let tick = incident
        .handle_timeout(Some(&r), tick_at)
        .into_iter()
        .next()
        .unwrap();
    let envelopes = incident.execute(&tick, &ctx(tick_at)).unwrap();
    assert_eq!(envelopes.len(), 1);
    for e in &envelopes {
        incident.apply(e).unwrap();
    }
    log.extend(envelopes);
    assert_eq!(
        incident.poll_timeout(Some(&r), tick_at).map(|w| w.at),
        Some(t("2026-03-09T12:12:00Z"))
    );
    // The host was down until 14:00: one tick records the missed deadline (the stale
    // 80 % reminder is not recorded once the deadline has passed).
    let late = t("2026-03-09T14:00:00Z");
    let tick = incident
        .handle_timeout(Some(&r), late)
        .into_iter()
        .next()
        .unwrap();
    let Command::RecordClockAlerts { alerts } = &tick else {
        panic!()
    };
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, AlertKind::Missed {});
    assert_eq!(alerts[0].at, t("2026-03-09T13:00:00Z"));
    let envelopes = incident.execute(&tick, &ctx(late)).unwrap();
    assert!(envelopes[0].event().to_string().contains("DEADLINE MISSED"));
    for e in &envelopes {
        incident.apply(e).unwrap();
    }
    log.extend(envelopes);
    // Recording the same alert twice is refused.
    let again = Command::RecordClockAlerts {
        alerts: alerts.clone(),
    };
    assert!(incident.decide(&again, &ctx(late)).is_err());
    assert_eq!(
        incident.handle_timeout(Some(&r), late).into_iter().next(),
        None
    );
    // The obligation is overdue, and the log, replayed, shows it.
    let replayed = Incident::replay(&log).unwrap();
    assert_eq!(replayed, incident);
    let o = replayed.obligations(&r, late);
    assert_eq!(
        o.get("eu-dora", "initial").unwrap().status,
        ObligationStatus::Overdue {
            overdue_seconds: 3600
        }
    );
    assert_eq!(replayed.regulatory().alerts.len(), 2);
    // Filing it late meets it, late by 1 h 30 min.
    let file = Command::RecordFiling {
        regime: RegimeId::new("eu-dora").unwrap(),
        report: ReportId::new("initial").unwrap(),
        submitted_at: Some(t("2026-03-09T14:30:00Z")),
        reference: Some("BaFin-2026-17".into()),
    };
    run(&mut incident, &file, t("2026-03-09T14:31:00Z"));
    let o = incident.obligations(&r, t("2026-03-09T15:00:00Z"));
    assert_eq!(
        o.get("eu-dora", "initial").unwrap().status,
        ObligationStatus::Met {
            submitted_at: t("2026-03-09T14:30:00Z"),
            late_seconds: Some(5400)
        }
    );
    // The next clock is the intermediate report, 72 h after the submission.
    assert_eq!(
        due(&o, "eu-dora", "intermediate"),
        t("2026-03-12T14:30:00Z")
    );
}

#[test]
fn regulatory_commands_validate_their_inputs() {
    let (incident, _) = dora_incident(false);
    let now = t("2026-03-09T09:00:00Z");
    let future = Command::RecordMilestone {
        milestone: Milestone::Awareness,
        at: Some(now + Duration::hours(1)),
    };
    assert!(incident.decide(&future, &ctx(now)).is_err());
    let blank = Command::RecordDetermination {
        fact: fact("material"),
        value: true,
        determined_at: None,
        basis: " ".into(),
        assessment: None,
        override_reason: None,
    };
    let err = incident.decide(&blank, &ctx(now)).unwrap_err();
    assert!(err.to_string().contains("basis"), "{err}");
    let empty = Command::RecordClockAlerts { alerts: vec![] };
    assert!(incident.decide(&empty, &ctx(now)).is_err());
    let inconsistent = Command::RecordClockAlerts {
        alerts: vec![ClockAlert {
            regime: RegimeId::new("eu-dora").unwrap(),
            report: ReportId::new("initial").unwrap(),
            kind: AlertKind::Missed {},
            due_at: now,
            at: now - Duration::hours(1),
        }],
    };
    assert!(incident.decide(&inconsistent, &ctx(now)).is_err());
}

#[test]
fn a_drill_computes_the_same_clocks_marks_them_and_scores_them() {
    let (mut drill, _) = dora_incident(true);
    let (mut real, _) = dora_incident(false);
    let r = regulation(eu_profile(&[EntityType::PaymentInstitution]));
    let classify = Command::RecordDetermination {
        fact: fact("major_incident"),
        value: true,
        determined_at: Some(t("2026-03-09T09:00:00Z")),
        basis: "drill script step 2".into(),
        assessment: None,
        override_reason: None,
    };
    run(&mut drill, &classify, t("2026-03-09T09:05:00Z"));
    run(&mut real, &classify, t("2026-03-09T09:05:00Z"));
    let file = Command::RecordFiling {
        regime: RegimeId::new("eu-dora").unwrap(),
        report: ReportId::new("initial").unwrap(),
        submitted_at: Some(t("2026-03-09T12:00:00Z")),
        reference: None,
    };
    run(&mut drill, &file, t("2026-03-09T12:00:00Z"));
    let at = t("2026-03-13T00:00:00Z");
    let d = drill.obligations(&r, at);
    let live = real.obligations(&r, at);
    assert!(d.exercise && !live.exercise);
    let di = d.get("eu-dora", "initial").unwrap();
    assert!(di.exercise);
    assert!(di.notes.iter().any(|n| n.contains("exercise")));
    assert_eq!(di.due, live.get("eu-dora", "initial").unwrap().due);
    assert!(d.to_string().starts_with("EXERCISE"));
    let score = d.score();
    // Initial met with an hour to spare; intermediate (due 12 March 12:00Z) missed.
    assert_eq!((score.on_time, score.late, score.missed), (1, 0, 1));
    assert_eq!(score.on_time_bp(), Some(5_000));
    let initial = score
        .margins
        .iter()
        .find(|m| m.report.as_str() == "initial")
        .unwrap();
    assert_eq!(initial.margin_seconds, Some(3_600));
}

#[test]
fn every_builtin_regime_round_trips_and_low_confidence_rules_are_flagged() {
    for regime in builtin_regimes() {
        let json = serde_json::to_string(&regime).unwrap();
        let back: Regime = serde_json::from_str(&json).unwrap();
        assert_eq!(back, regime);
    }
    let low: Vec<_> = builtin_regimes()
        .into_iter()
        .flat_map(|g| {
            let c = g.confidence;
            g.reports
                .into_iter()
                .filter(move |p| !p.confidence.unwrap_or(c).is_verified())
                .map(move |p| format!("{}/{}", g.id, p.id))
        })
        .collect();
    assert_eq!(
        low,
        vec![
            "cn-csrc/summary-report",
            "cn-pboc/incident-report",
            "hk-cap-653/written-report"
        ]
    );
}

// --- Properties ---------------------------------------------------------------------------

fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2025-01-01 .. 2026-11-30, to stay within the built-in calendars with room for offsets.
    (1_735_689_600i64..1_796_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn zones() -> impl Strategy<Value = Zone> {
    proptest::sample::select(vec![
        "Europe/Berlin",
        "Europe/Dublin",
        "America/New_York",
        "Asia/Shanghai",
        "Pacific/Auckland",
        "UTC",
    ])
    .prop_map(|z| z.parse().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A deadline is never earlier than the trigger that starts it, for any built-in regime.
    #[test]
    fn deadlines_are_never_before_their_triggers(
        detected in any_instant(),
        after in 0i64..2_000_000,
        people in 0u64..3_000_000,
        zone in zones(),
    ) {
        let mut f = IncidentFacts::new(IncidentKind::DataBreach, detected);
        f.impact.people.estimated = Some(people);
        f.impact.data_categories.insert(DataCategory::Health);
        f.impact.data_categories.insert(DataCategory::FinancialAccount);
        f.impact.jurisdictions.insert(j("DE"));
        f.impact.jurisdictions.insert(j("CN"));
        f.impact.jurisdictions.insert(j("SG"));
        let later = detected + Duration::seconds(after);
        for name in ["major_incident", "material", "significant_incident", "cybersecurity_incident", "relevant_incident", "high_risk", "sensitive_customer_information_compromised"] {
            determine(&mut f, name, true, &later.to_rfc3339());
        }
        f.milestones.insert(Milestone::Awareness, later);
        let mut profile = EntityProfile::new()
            .established_in(j("DE"))
            .established_in(j("CN"))
            .established_in(j("SG"))
            .time_zone(zone)
            .calendar(CalendarId::new("us-federal").unwrap());
        for t in [EntityType::PaymentInstitution, EntityType::SecRegistrant, EntityType::BrokerDealer,
                  EntityType::NydfsCoveredEntity, EntityType::HipaaCoveredEntity, EntityType::MasRegulated,
                  EntityType::HkCriticalInfrastructureOperator, EntityType::CnCiiOperator, EntityType::DataController] {
            profile = profile.entity_type(t);
        }
        let o = Regulation::builtin(profile).obligations(&f, later);
        prop_assert!(!o.obligations.is_empty());
        for ob in &o.obligations {
            if let (Some(due), Some(trig)) = (ob.due, ob.triggered_at) {
                prop_assert!(due >= trig, "{}/{}: due {} before trigger {}", ob.regime, ob.report, due, trig);
            }
            for r in &ob.reminders {
                prop_assert!(Some(r.at) < ob.due);
            }
        }
    }

    /// Elapsed-hour deadlines do not depend on the zone used to display them.
    #[test]
    fn elapsed_hour_deadlines_are_invariant_under_the_display_zone(
        aware in any_instant(),
        a in zones(),
        b in zones(),
    ) {
        let mut f = IncidentFacts::new(IncidentKind::DataBreach, aware);
        personal(&mut f, 10, "FR");
        let profile = |z| EntityProfile::new().established_in(j("FR")).time_zone(z);
        let da = Regulation::builtin(profile(a)).obligations(&f, aware);
        let db = Regulation::builtin(profile(b)).obligations(&f, aware);
        let ga = da.get("eu-gdpr", "supervisory-authority").unwrap();
        let gb = db.get("eu-gdpr", "supervisory-authority").unwrap();
        prop_assert_eq!(ga.due, Some(aware + Duration::hours(72)));
        prop_assert_eq!(ga.due, gb.due);
    }

    /// Obligations, facts and regulations survive JSON.
    #[test]
    fn obligations_round_trip(detected in any_instant(), people in 0u64..2_000_000) {
        let mut f = IncidentFacts::new(IncidentKind::DataBreach, detected);
        personal(&mut f, people, "CN");
        let back: IncidentFacts = serde_json::from_str(&serde_json::to_string(&f).unwrap()).unwrap();
        prop_assert_eq!(&back, &f);
        let r = Regulation::builtin(cn_profile(&[EntityType::CnSecuritiesFirm]));
        let o = r.obligations(&f, detected);
        let back: Obligations = serde_json::from_str(&serde_json::to_string(&o).unwrap()).unwrap();
        prop_assert_eq!(back, o);
    }
}

/// Instants at the ends of the representable timeline give missing facts or no due
/// time, never a panic, under every built-in regime (hostile or corrupt input).
#[test]
fn extreme_instants_never_panic() {
    let edges = [
        DateTime::<Utc>::MAX_UTC,
        DateTime::<Utc>::MAX_UTC - Duration::minutes(30),
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MIN_UTC + Duration::minutes(30),
    ];
    for edge in edges {
        let mut f = IncidentFacts::new(IncidentKind::DataBreach, edge);
        personal(&mut f, 2_000_000, "DE");
        f.impact.data_categories.insert(DataCategory::Health);
        for name in [
            "major_incident",
            "material",
            "cybersecurity_incident",
            "relevant_incident",
            "high_risk",
            "significant_incident",
        ] {
            f.determinations.insert(
                fact(name),
                Determination {
                    value: true,
                    determined_at: edge,
                    first_yes_at: Some(edge),
                    basis: "edge".into(),
                },
            );
        }
        for m in [
            Milestone::Awareness,
            Milestone::HandlingEnded,
            Milestone::ExtortionPaymentMade,
            Milestone::AssessmentCompleted,
        ] {
            f.milestones.insert(m, edge);
        }
        f.filings.push(Filing {
            regime: RegimeId::new("eu-dora").unwrap(),
            report: ReportId::new("initial").unwrap(),
            submitted_at: edge,
            reference: None,
        });
        let mut profile = eu_profile(&[
            EntityType::PaymentInstitution,
            EntityType::SecRegistrant,
            EntityType::NydfsCoveredEntity,
            EntityType::HipaaCoveredEntity,
            EntityType::CnCiiOperator,
            EntityType::CnSecuritiesFirm,
            EntityType::HkCriticalInfrastructureOperator,
        ]);
        profile = profile.established_in(j("CN"));
        let r = regulation(profile).with_readings(
            Readings::default()
                .alternative(Ambiguity::HourCountStart)
                .alternative(Ambiguity::DayEnd)
                .alternative(Ambiguity::RestDayExtension),
        );
        let o = r.obligations(&f, edge);
        let _ = o.to_string();
        let _ = r.next_deadline(&f, edge);
        let _ = r.alerts_due(&f, edge);
        let _ = o.score();
    }
}

/// The other reading of an ambiguity that cannot be computed says why, rather than
/// disappearing: the CAC summary report of an incident handled in 2030, when the PRC
/// calendar does not cover 2030, still has its 30-calendar-day due time, and the Civil
/// Code reading (to the end of the next working day) is undetermined for want of a
/// calendar, not "the same time".
#[test]
fn an_other_reading_that_cannot_be_computed_names_why() {
    let reading = |handled: &str, at: &str| {
        let facts = facts(IncidentKind::DataBreach, "2026-04-20T01:30:00Z")
            .personal(2_000_000, "CN")
            .milestone(Milestone::HandlingEnded, handled);
        let o = cn_entity(&[]).obligations(&facts, t(at));
        let summary = obligation(&o, "cn-cac-incident-reporting", "summary-report")
            .unwrap()
            .clone();
        summary
            .readings
            .iter()
            .find(|r| r.ambiguity == Ambiguity::RestDayExtension)
            .cloned()
            .unwrap_or_else(|| panic!("no rest-day reading in {summary:?}"))
    };
    let covered = reading("2026-04-30T02:00:00Z", "2026-05-01T00:00:00Z");
    assert_eq!(covered.other_due, Some(t("2026-06-01T16:00:00Z")));
    assert_eq!(covered.other_due_undetermined, None);
    let beyond = reading("2030-04-30T02:00:00Z", "2030-05-01T00:00:00Z");
    assert_eq!(beyond.other_due, None);
    match beyond.other_due_undetermined {
        Some(MissingFact::CalendarCoverage { id, year, note, .. }) => {
            assert_eq!((id.as_str(), year), ("cn", 2030));
            assert!(note.is_some_and(|n| n.contains("2027 holiday notice")));
        }
        other => panic!("expected the calendar's coverage as the reason, got {other:?}"),
    }
}
