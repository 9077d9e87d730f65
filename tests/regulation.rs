//! Worked regulatory cases through the public API: each built-in regime against the
//! project's regulatory reference, the counting rules (DST, weekends, holidays, month ends,
//! make-up working days), missing facts, overrides, timers and drills.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Duration, Utc};
use incident::classify::*;
use incident::id::*;
use incident::money::*;
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

// --- GDPR -----------------------------------------------------------------------------

#[test]
fn gdpr_72_hours_are_elapsed_time_across_the_eu_dst_change() {
    // Aware Friday 2026-03-27 16:00 CET; clocks go forward on Sunday 29 March.
    let mut f = facts(IncidentKind::DataBreach, "2026-03-27T15:00:00Z");
    personal(&mut f, 20_000, "DE");
    let r = regulation(eu_profile(&[EntityType::DataController]));
    let o = r.obligations(&f, t("2026-03-27T18:00:00Z"));
    let sa = o.get("eu-gdpr", "supervisory-authority").unwrap();
    assert_eq!(sa.due, Some(t("2026-03-30T15:00:00Z")));
    // 72 elapsed hours end at 17:00 local summer time, not 16:00.
    assert!(
        sa.due_local.as_deref().unwrap().contains("17:00"),
        "{:?}",
        sa.due_local
    );
    assert_eq!(sa.urgency, Urgency::WithoutUndueDelay);
    assert!(sa
        .notes
        .iter()
        .any(|n| n.contains("awareness not recorded")));
    // Art. 34 needs the high-risk determination: named as missing, not guessed.
    assert!(o
        .undetermined
        .iter()
        .any(
            |u| u.report.as_ref().map(ReportId::as_str) == Some("data-subjects")
                && u.missing
                    == vec![MissingFact::Determination {
                        fact: fact("high_risk")
                    }]
        ));
    // Assumed "not unlikely to result in a risk": reported as an assumption.
    assert!(sa.assumptions.iter().any(|a| a.contains("risk_unlikely")));
}

#[test]
fn a_filing_after_the_moment_asked_about_is_not_yet_met() {
    let mut f = facts(IncidentKind::DataBreach, "2026-03-27T15:00:00Z");
    personal(&mut f, 20_000, "DE");
    file(
        &mut f,
        "eu-gdpr",
        "supervisory-authority",
        "2026-03-29T10:00:00Z",
    );
    let r = regulation(eu_profile(&[EntityType::DataController]));
    // Before the filing: still owed, with time left.
    let before = r.obligations(&f, t("2026-03-28T15:00:00Z"));
    let sa = before.get("eu-gdpr", "supervisory-authority").unwrap();
    assert_eq!(
        sa.status,
        ObligationStatus::Pending {
            remaining_seconds: Some(48 * 3600)
        }
    );
    // After the deadline and before the filing, it would be overdue.
    let f_late = {
        let mut f = facts(IncidentKind::DataBreach, "2026-03-27T15:00:00Z");
        personal(&mut f, 20_000, "DE");
        file(
            &mut f,
            "eu-gdpr",
            "supervisory-authority",
            "2026-04-01T10:00:00Z",
        );
        f
    };
    let overdue = r.obligations(&f_late, t("2026-03-31T15:00:00Z"));
    assert_eq!(
        overdue
            .get("eu-gdpr", "supervisory-authority")
            .unwrap()
            .status,
        ObligationStatus::Overdue {
            overdue_seconds: 24 * 3600
        }
    );
    // At and after the filing: met.
    for at in ["2026-03-29T10:00:00Z", "2026-04-02T00:00:00Z"] {
        let o = r.obligations(&f, t(at));
        assert!(matches!(
            o.get("eu-gdpr", "supervisory-authority").unwrap().status,
            ObligationStatus::Met { submitted_at, .. } if submitted_at == t("2026-03-29T10:00:00Z")
        ));
    }
}

#[test]
fn gdpr_has_no_weekend_relief_and_reports_the_strict_hour_reading() {
    let mut f = facts(IncidentKind::DataBreach, "2026-03-26T10:20:00Z");
    personal(&mut f, 20_000, "FR");
    let r = regulation(eu_profile(&[EntityType::DataController]));
    let o = r.obligations(&f, t("2026-03-26T11:00:00Z"));
    let sa = o.get("eu-gdpr", "supervisory-authority").unwrap();
    // Sunday 29 March, no roll.
    assert_eq!(sa.due, Some(t("2026-03-29T10:20:00Z")));
    let reading = &sa.readings[0];
    assert_eq!(reading.ambiguity, Ambiguity::HourCountStart);
    assert!(!reading.alternative);
    // Reg. 1182/71 strict: from the next full hour (11:00 local = 10:00Z... next is 11:00Z).
    assert_eq!(reading.other_due, Some(t("2026-03-29T11:00:00Z")));
    // Choosing the alternative moves the due time and says so.
    let r2 = r
        .clone()
        .with_readings(Readings::default().alternative(Ambiguity::HourCountStart));
    let sa2 = r2.obligations(&f, t("2026-03-26T11:00:00Z"));
    let sa2 = sa2.get("eu-gdpr", "supervisory-authority").unwrap();
    assert_eq!(sa2.due, Some(t("2026-03-29T11:00:00Z")));
    assert!(sa2.readings[0].alternative);
}

#[test]
fn gdpr_does_not_apply_without_personal_data_and_cannot_tell_without_categories() {
    let r = regulation(eu_profile(&[EntityType::DataController]));
    let f = facts(IncidentKind::DataBreach, "2026-03-26T10:00:00Z");
    let o = r.obligations(&f, t("2026-03-26T11:00:00Z"));
    let u = o
        .undetermined
        .iter()
        .find(|u| u.regime.as_str() == "eu-gdpr")
        .unwrap();
    assert_eq!(u.missing, vec![MissingFact::DataCategories]);

    let mut f = f;
    f.impact.data_categories.insert(DataCategory::SourceCode);
    let o = r.obligations(&f, t("2026-03-26T11:00:00Z"));
    let na = o
        .not_applicable
        .iter()
        .find(|n| n.regime.as_str() == "eu-gdpr")
        .unwrap();
    assert!(na.reason.contains("no personal data"), "{}", na.reason);
}

// --- DORA -----------------------------------------------------------------------------

fn dora_case(types: &[EntityType], awareness: &str, classified: &str) -> Obligations {
    let mut f = facts(IncidentKind::ServiceDisruption, awareness);
    determine(&mut f, "major_incident", true, classified);
    regulation(eu_profile(types)).obligations(&f, t(classified))
}

#[test]
fn dora_initial_is_the_earlier_limb() {
    // Aware Mon 08:00Z, classified Mon 20:00Z: 4 h from classification beats 24 h.
    let o = dora_case(
        &[EntityType::PaymentInstitution],
        "2026-03-09T08:00:00Z",
        "2026-03-09T20:00:00Z",
    );
    let initial = o.get("eu-dora", "initial").unwrap();
    assert_eq!(initial.due, Some(t("2026-03-10T00:00:00Z")));
    assert_eq!(
        initial.trigger,
        Some(Trigger::Determined {
            fact: fact("major_incident")
        })
    );
    assert_eq!(initial.limbs.len(), 2);
    assert!(initial.limbs[0].governing && !initial.limbs[1].governing);
}

#[test]
fn dora_late_classification_counts_four_hours_from_classification() {
    // RTS Art. 5(2): classified 50 h after awareness; the 24 h limb expired before the
    // obligation arose and is dropped.
    let o = dora_case(
        &[EntityType::PaymentInstitution],
        "2026-03-09T08:00:00Z",
        "2026-03-11T10:00:00Z",
    );
    let initial = o.get("eu-dora", "initial").unwrap();
    assert_eq!(initial.due, Some(t("2026-03-11T14:00:00Z")));
    assert!(initial.limbs[1].dropped.is_some());
    assert!(initial.due.unwrap() >= initial.triggered_at.unwrap());
}

#[test]
fn dora_weekend_relief_depends_on_entity_type() {
    // Classified Saturday 2026-03-07 09:00 CET: due Saturday 12:00Z.
    let relief = dora_case(
        &[EntityType::PaymentInstitution],
        "2026-03-07T08:00:00Z",
        "2026-03-07T08:00:00Z",
    );
    // A payment institution gets 12:00 noon of the next working day (Monday, Berlin).
    assert_eq!(
        due(&relief, "eu-dora", "initial"),
        t("2026-03-09T11:00:00Z")
    );
    // A credit institution does not (RTS Art. 5(5)).
    let none = dora_case(
        &[EntityType::CreditInstitution],
        "2026-03-07T08:00:00Z",
        "2026-03-07T08:00:00Z",
    );
    let initial = none.get("eu-dora", "initial").unwrap();
    assert_eq!(initial.due, Some(t("2026-03-07T12:00:00Z")));
    assert!(initial
        .notes
        .iter()
        .any(|n| n.contains("relief not available")));
    // Nor does an entity its authority excluded (Art. 5(6)).
    let excluded = dora_case(
        &[
            EntityType::PaymentInstitution,
            EntityType::DoraReliefExcluded,
        ],
        "2026-03-07T08:00:00Z",
        "2026-03-07T08:00:00Z",
    );
    assert_eq!(
        due(&excluded, "eu-dora", "initial"),
        t("2026-03-07T12:00:00Z")
    );
}

#[test]
fn dora_relief_uses_the_member_state_bank_holidays() {
    // Classified Good Friday 2026-04-03 08:00 CEST (06:00Z): 4 h lands on the holiday;
    // Saturday, Sunday and Easter Monday follow; due Tuesday 7 April 12:00 CEST.
    let o = dora_case(
        &[EntityType::InvestmentFirm],
        "2026-04-03T06:00:00Z",
        "2026-04-03T06:00:00Z",
    );
    assert_eq!(due(&o, "eu-dora", "initial"), t("2026-04-07T10:00:00Z"));
}

#[test]
fn dora_intermediate_and_final_anchor_to_submissions() {
    let mut f = facts(IncidentKind::ServiceDisruption, "2026-01-26T08:00:00Z");
    determine(&mut f, "major_incident", true, "2026-01-26T09:00:00Z");
    let r = regulation(eu_profile(&[EntityType::CreditInstitution]));
    let o = r.obligations(&f, t("2026-01-26T10:00:00Z"));
    assert_eq!(
        o.get("eu-dora", "intermediate").unwrap().status,
        ObligationStatus::AwaitingTrigger
    );
    file(&mut f, "eu-dora", "initial", "2026-01-26T12:00:00Z");
    let o = r.obligations(&f, t("2026-01-26T13:00:00Z"));
    assert!(matches!(
        o.get("eu-dora", "initial").unwrap().status,
        ObligationStatus::Met {
            late_seconds: None,
            ..
        }
    ));
    assert_eq!(
        due(&o, "eu-dora", "intermediate"),
        t("2026-01-29T12:00:00Z")
    );
    // Intermediate filed, then updated on Saturday 31 January: the final report runs one
    // month from the latest update, clamps to 28 February (a Saturday) and, as relief
    // applies to final reports of every entity, moves to Monday 2 March 12:00 CET.
    file(&mut f, "eu-dora", "intermediate", "2026-01-29T09:00:00Z");
    file(&mut f, "eu-dora", "intermediate", "2026-01-31T10:00:00Z");
    let o = r.obligations(&f, t("2026-02-01T00:00:00Z"));
    assert_eq!(due(&o, "eu-dora", "final"), t("2026-03-02T11:00:00Z"));
}

#[test]
fn dora_without_a_member_state_calendar_names_what_is_missing() {
    let mut f = facts(IncidentKind::ServiceDisruption, "2026-03-09T08:00:00Z");
    determine(&mut f, "major_incident", true, "2026-03-09T08:00:00Z");
    let profile = EntityProfile::new()
        .established_in(j("IE"))
        .entity_type(EntityType::PaymentInstitution)
        .time_zone("Europe/Dublin".parse().unwrap());
    let o = Regulation::builtin(profile).obligations(&f, t("2026-03-09T09:00:00Z"));
    let u = o
        .undetermined
        .iter()
        .find(|u| u.report.as_ref().map(ReportId::as_str) == Some("initial"))
        .unwrap();
    assert_eq!(u.missing, vec![MissingFact::EntityCalendar]);
    // A credit institution has no relief for the initial report, so it needs no calendar
    // for it; the final report (relief for all) still does.
    let profile = EntityProfile::new()
        .established_in(j("IE"))
        .entity_type(EntityType::CreditInstitution)
        .time_zone("Europe/Dublin".parse().unwrap());
    let mut f2 = f.clone();
    file(&mut f2, "eu-dora", "initial", "2026-03-09T10:00:00Z");
    file(&mut f2, "eu-dora", "intermediate", "2026-03-10T10:00:00Z");
    let o = Regulation::builtin(profile).obligations(&f2, t("2026-03-10T11:00:00Z"));
    assert!(matches!(
        o.get("eu-dora", "initial").unwrap().status,
        ObligationStatus::Met { .. }
    ));
    let fin = o
        .undetermined
        .iter()
        .find(|u| u.report.as_ref().map(ReportId::as_str) == Some("final"))
        .unwrap();
    assert_eq!(fin.missing, vec![MissingFact::EntityCalendar]);
    // A calendar id the host did not supply is named.
    let profile = EntityProfile::new()
        .established_in(j("IE"))
        .entity_type(EntityType::PaymentInstitution)
        .time_zone("Europe/Dublin".parse().unwrap())
        .calendar(CalendarId::new("ie").unwrap());
    let o = Regulation::builtin(profile).obligations(&f, t("2026-03-09T09:00:00Z"));
    let u = o
        .undetermined
        .iter()
        .find(|u| u.report.as_ref().map(ReportId::as_str) == Some("initial"))
        .unwrap();
    assert_eq!(
        u.missing,
        vec![MissingFact::Calendar {
            id: CalendarId::new("ie").unwrap()
        }]
    );
}

// --- NIS2 -----------------------------------------------------------------------------

#[test]
fn nis2_final_report_is_one_month_after_the_notification_with_month_end_clamping() {
    let mut f = facts(IncidentKind::ServiceDisruption, "2026-01-29T10:00:00Z");
    determine(&mut f, "significant_incident", true, "2026-01-29T12:00:00Z");
    let r = regulation(eu_profile(&[EntityType::Nis2Essential]));
    let o = r.obligations(&f, t("2026-01-29T13:00:00Z"));
    assert_eq!(
        due(&o, "eu-nis2", "early-warning"),
        t("2026-01-30T10:00:00Z")
    );
    assert_eq!(
        due(&o, "eu-nis2", "incident-notification"),
        t("2026-02-01T10:00:00Z")
    );
    assert!(o.get("eu-nis2", "incident-notification-tsp").is_none());
    file(
        &mut f,
        "eu-nis2",
        "incident-notification",
        "2026-01-31T09:30:00Z",
    );
    let o = r.obligations(&f, t("2026-02-01T00:00:00Z"));
    // 31 January 10:30 CET + one month = 28 February 10:30 CET (clamped).
    let fin = o.get("eu-nis2", "final-report").unwrap();
    assert_eq!(fin.due, Some(t("2026-02-28T09:30:00Z")));
    // The 1182/71 reading (end of the last day) is reported alongside.
    assert_eq!(fin.readings[0].ambiguity, Ambiguity::DayEnd);
    assert_eq!(fin.readings[0].other_due, Some(t("2026-02-28T23:00:00Z")));
}

#[test]
fn nis2_does_not_apply_to_dora_entities() {
    let mut f = facts(IncidentKind::ServiceDisruption, "2026-01-29T10:00:00Z");
    determine(&mut f, "significant_incident", true, "2026-01-29T12:00:00Z");
    let r = regulation(eu_profile(&[
        EntityType::Nis2Essential,
        EntityType::CreditInstitution,
    ]));
    let o = r.obligations(&f, t("2026-01-29T13:00:00Z"));
    assert!(o
        .not_applicable
        .iter()
        .any(|n| n.regime.as_str() == "eu-nis2"));
}

#[test]
fn a_national_transposition_overrides_the_builtin_by_id() {
    let mut national = eu_nis2();
    national.name = "NIS2 as transposed (test: 12 h early warning)".into();
    national.reports[0].deadline[0].offset = Offset::hours(12);
    // Round-trips through JSON, as a host would load it.
    let national: Regime =
        serde_json::from_str(&serde_json::to_string(&national).unwrap()).unwrap();
    let mut f = facts(IncidentKind::ServiceDisruption, "2026-01-29T10:00:00Z");
    determine(&mut f, "significant_incident", true, "2026-01-29T12:00:00Z");
    let r = regulation(eu_profile(&[EntityType::Nis2Important])).with_regime(national);
    assert_eq!(
        r.regimes
            .iter()
            .filter(|g| g.id.as_str() == "eu-nis2")
            .count(),
        1
    );
    let o = r.obligations(&f, t("2026-01-29T13:00:00Z"));
    assert_eq!(
        due(&o, "eu-nis2", "early-warning"),
        t("2026-01-29T22:00:00Z")
    );
}

// --- SEC --------------------------------------------------------------------------------

fn sec(determined: &str) -> Obligations {
    let mut f = facts(IncidentKind::Ransomware, "2025-12-01T15:00:00Z");
    determine(&mut f, "material", true, determined);
    let profile = EntityProfile::new()
        .established_in(j("US"))
        .entity_type(EntityType::SecRegistrant);
    Regulation::builtin(profile).obligations(&f, t(determined))
}

#[test]
fn sec_8k_four_business_days_skip_holidays_and_closure_days() {
    // Determined Friday 19 December 2025: Mon 22 (1), Tue 23 (2); 24 and 26 December are
    // executive-order closures and 25 is Christmas; Mon 29 (3), Tue 30 (4), 17:30 EST.
    let o = sec("2025-12-19T20:00:00Z");
    assert_eq!(due(&o, "us-sec-8k", "form-8-k"), t("2025-12-30T22:30:00Z"));
}

#[test]
fn sec_8k_weekend_determination_begins_on_the_next_business_day_across_dst() {
    // Determined Saturday 7 March 2026; the period begins on and includes Monday 9
    // March; day 4 is Thursday 12 March; US clocks went forward on 8 March, so 17:30 EDT
    // is 21:30Z.
    let o = sec("2026-03-07T15:00:00Z");
    assert_eq!(due(&o, "us-sec-8k", "form-8-k"), t("2026-03-12T21:30:00Z"));
    // Determined on Sunday 8 March at 23:30 EDT (Monday 03:30Z): the Eastern date governs.
    let o = sec("2026-03-09T03:30:00Z");
    assert_eq!(due(&o, "us-sec-8k", "form-8-k"), t("2026-03-12T21:30:00Z"));
}

#[test]
fn sec_8k_filed_after_the_1730_cut_off_is_late() {
    let mut f = facts(IncidentKind::Ransomware, "2026-03-02T15:00:00Z");
    determine(&mut f, "material", true, "2026-03-02T16:00:00Z");
    // Mon 2 March → Fri 6 March 17:30 EST = 22:30Z; filed 17:45 EST.
    file(&mut f, "us-sec-8k", "form-8-k", "2026-03-06T22:45:00Z");
    let profile = EntityProfile::new().entity_type(EntityType::SecRegistrant);
    let o = Regulation::builtin(profile).obligations(&f, t("2026-03-07T00:00:00Z"));
    let o8 = o.get("us-sec-8k", "form-8-k").unwrap();
    assert_eq!(o8.due, Some(t("2026-03-06T22:30:00Z")));
    assert_eq!(
        o8.status,
        ObligationStatus::Met {
            submitted_at: t("2026-03-06T22:45:00Z"),
            late_seconds: Some(900)
        }
    );
}

#[test]
fn sec_8k_amendment_runs_from_the_information_becoming_available() {
    let mut f = facts(IncidentKind::Ransomware, "2026-03-02T15:00:00Z");
    determine(&mut f, "material", true, "2026-03-02T16:00:00Z");
    let profile = EntityProfile::new().entity_type(EntityType::SecRegistrant);
    let r = Regulation::builtin(profile);
    // Nothing omitted: no amendment.
    let o = r.obligations(&f, t("2026-03-03T00:00:00Z"));
    assert!(o.get("us-sec-8k", "form-8-k-a").is_none());
    determine(
        &mut f,
        "information_omitted_from_8k",
        true,
        "2026-03-05T16:00:00Z",
    );
    let o = r.obligations(&f, t("2026-03-05T17:00:00Z"));
    assert_eq!(
        o.get("us-sec-8k", "form-8-k-a").unwrap().status,
        ObligationStatus::AwaitingTrigger
    );
    f.milestones
        .insert(Milestone::InformationAvailable, t("2026-04-02T14:00:00Z"));
    // Thu 2 April → Wed 8 April 17:30 EDT (no federal holiday in between).
    let o = r.obligations(&f, t("2026-04-02T15:00:00Z"));
    assert_eq!(
        due(&o, "us-sec-8k", "form-8-k-a"),
        t("2026-04-08T21:30:00Z")
    );
}

#[test]
fn foreign_private_issuers_have_no_four_day_clock() {
    let mut f = facts(IncidentKind::Ransomware, "2026-03-02T15:00:00Z");
    determine(&mut f, "material", true, "2026-03-02T16:00:00Z");
    let profile = EntityProfile::new().entity_type(EntityType::ForeignPrivateIssuer);
    let o = Regulation::builtin(profile).obligations(&f, t("2026-03-03T00:00:00Z"));
    assert!(o.get("us-sec-8k", "form-8-k").is_none());
    let six_k = o.get("us-sec-6k", "form-6-k").unwrap();
    assert_eq!(six_k.due, None);
    assert_eq!(
        six_k.status,
        ObligationStatus::Pending {
            remaining_seconds: None
        }
    );
}

#[test]
fn reg_sp_thirty_days_and_service_provider_72_hours() {
    let mut f = facts(IncidentKind::DataBreach, "2026-01-30T14:00:00Z");
    personal(&mut f, 3_000, "US");
    determine(
        &mut f,
        "sensitive_customer_information_compromised",
        true,
        "2026-01-31T14:00:00Z",
    );
    let profile = EntityProfile::new()
        .entity_type(EntityType::BrokerDealer)
        .entity_type(EntityType::RegSpServiceProvider);
    let o = Regulation::builtin(profile).obligations(&f, t("2026-02-01T00:00:00Z"));
    // Aware (detected) Friday 30 January 09:00 EST + 30 days = Sunday 1 March 09:00 EST.
    assert_eq!(
        due(&o, "us-sec-reg-sp", "individuals"),
        t("2026-03-01T14:00:00Z")
    );
    assert_eq!(
        due(&o, "us-sec-reg-sp-service-provider", "covered-institution"),
        t("2026-02-02T14:00:00Z")
    );
}

// --- NYDFS, HIPAA ----------------------------------------------------------------------

#[test]
fn nydfs_72_hours_and_extortion_clocks() {
    let mut f = facts(IncidentKind::Ransomware, "2026-05-20T12:00:00Z");
    determine(
        &mut f,
        "cybersecurity_incident",
        true,
        "2026-05-21T12:00:00Z",
    );
    let profile = EntityProfile::new().entity_type(EntityType::NydfsCoveredEntity);
    let r = Regulation::builtin(profile);
    let o = r.obligations(&f, t("2026-05-21T13:00:00Z"));
    assert_eq!(
        due(&o, "us-ny-dfs-500-17", "incident-notice"),
        t("2026-05-24T12:00:00Z")
    );
    assert!(o
        .get("us-ny-dfs-500-17", "extortion-payment-notice")
        .is_none());
    // Paid Friday 26 June 2026 10:00 EDT: notice in 24 h; 30 days end Sunday 26 July.
    f.milestones
        .insert(Milestone::ExtortionPaymentMade, t("2026-06-26T14:00:00Z"));
    let o = r.obligations(&f, t("2026-06-26T15:00:00Z"));
    assert_eq!(
        due(&o, "us-ny-dfs-500-17", "extortion-payment-notice"),
        t("2026-06-27T14:00:00Z")
    );
    let expl = o
        .get("us-ny-dfs-500-17", "extortion-payment-explanation")
        .unwrap();
    assert_eq!(expl.due, Some(t("2026-07-26T14:00:00Z")));
    // The GCL § 25-a reading (roll to the end of Monday 27 July) is reported, not applied.
    let roll = expl
        .readings
        .iter()
        .find(|r| r.ambiguity == Ambiguity::RestDayExtension)
        .unwrap();
    assert!(!roll.alternative);
    assert_eq!(roll.other_due, Some(t("2026-07-28T04:00:00Z")));
}

#[test]
fn hipaa_sixty_days_media_and_hhs_thresholds() {
    let mut f = facts(IncidentKind::DataBreach, "2026-01-10T15:00:00Z");
    f.impact.data_categories.insert(DataCategory::Health);
    f.impact.people.confirmed = Some(501);
    let profile = EntityProfile::new()
        .entity_type(EntityType::HipaaCoveredEntity)
        .time_zone("America/Chicago".parse().unwrap());
    let r = Regulation::builtin(profile);
    let o = r.obligations(&f, t("2026-01-11T00:00:00Z"));
    // 10 January + 60 days = 11 March (same clock time, 09:00 CST = 15:00Z; CDT from 8
    // March makes it 14:00Z).
    assert_eq!(
        due(&o, "us-hipaa", "individuals"),
        t("2026-03-11T14:00:00Z")
    );
    assert!(o.get("us-hipaa", "media").is_some());
    assert!(o.get("us-hipaa", "hhs").is_some());
    assert!(o.get("us-hipaa", "hhs-annual-log").is_none());

    // 500 exactly: HHS now, but not the media (more than 500).
    f.impact.people.confirmed = Some(500);
    let o = r.obligations(&f, t("2026-01-11T00:00:00Z"));
    assert!(o.get("us-hipaa", "media").is_none());
    assert!(o.get("us-hipaa", "hhs").is_some());

    // Fewer than 500: the annual log, 60 days after the end of 2026 = 1 March 2027.
    f.impact.people.confirmed = Some(120);
    let o = r.obligations(&f, t("2026-01-11T00:00:00Z"));
    let log = o.get("us-hipaa", "hhs-annual-log").unwrap();
    assert_eq!(log.due, Some(t("2027-03-02T06:00:00Z")));
    // Discovered in 2027: 2028 is a leap year, so the log is due by the end of 29 February.
    let mut f27 = f.clone();
    f27.detected_at = t("2027-06-01T15:00:00Z");
    let o = r.obligations(&f27, t("2027-06-02T00:00:00Z"));
    assert_eq!(
        due(&o, "us-hipaa", "hhs-annual-log"),
        t("2028-03-01T06:00:00Z")
    );
}

// --- China -----------------------------------------------------------------------------

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

#[test]
fn cac_grade_thresholds_by_persons_are_inclusive() {
    let r = Regulation::builtin(cn_profile(&[EntityType::CnNetworkOperator]));
    let mut f = facts(IncidentKind::DataBreach, "2026-03-14T01:30:00Z");
    personal(&mut f, 999_999, "CN");
    let o = r.obligations(&f, t("2026-03-14T02:00:00Z"));
    // Below 1,000,000 the facts do not settle the grade: named, not guessed.
    let u = o
        .undetermined
        .iter()
        .find(|u| u.regime.as_str() == "cn-cac-incident-reporting")
        .unwrap();
    assert_eq!(u.missing, vec![MissingFact::CnGrade]);
    // PIPL applies regardless, with no timestamp.
    let pipl = o.get("cn-pipl-57", "authority").unwrap();
    assert_eq!((pipl.due, pipl.urgency), (None, Urgency::Immediately));

    f.impact.people.estimated = Some(1_000_000);
    assert_eq!(f.cn_grade_floor(), Some(CnGrade::RelativelyMajor));
    let o = r.obligations(&f, t("2026-03-14T02:00:00Z"));
    // Every other operator: 4 h from discovery to the provincial CAC.
    assert_eq!(
        due(&o, "cn-cac-incident-reporting", "provincial-report"),
        t("2026-03-14T05:30:00Z")
    );
    f.impact.people.estimated = Some(10_000_000);
    assert_eq!(f.cn_grade_floor(), Some(CnGrade::Major));
    f.impact.people.estimated = Some(100_000_000);
    assert_eq!(f.cn_grade_floor(), Some(CnGrade::ExtremelyMajor));
}

#[test]
fn cac_recorded_grade_and_economic_loss() {
    let r = Regulation::builtin(cn_profile(&[EntityType::CnCiiOperator]));
    let mut f = facts(IncidentKind::FundsTheft, "2026-03-14T01:30:00Z");
    f.impact.funds_involved = Some("4999999.99 CNY".parse::<Money>().unwrap());
    f.cn_grade = Some(GradeRecord {
        grade: CnGrade::General,
        graded_at: t("2026-03-14T02:00:00Z"),
        basis: "no criterion met".into(),
    });
    let o = r.obligations(&f, t("2026-03-14T02:10:00Z"));
    let na = o
        .not_applicable
        .iter()
        .find(|n| n.regime.as_str() == "cn-cac-incident-reporting")
        .unwrap();
    assert!(na.reason.contains("一般"), "{}", na.reason);
    // RMB 5,000,000 of direct loss is 较大 whatever was recorded: a CII operator has 1 h.
    f.impact.funds_involved = Some("5000000.00 CNY".parse::<Money>().unwrap());
    let o = r.obligations(&f, t("2026-03-14T02:10:00Z"));
    assert_eq!(
        due(&o, "cn-cac-incident-reporting", "cii-report"),
        t("2026-03-14T02:30:00Z")
    );
    assert!(o
        .get("cn-cac-incident-reporting", "provincial-report")
        .is_none());
}

#[test]
fn cac_clock_runs_from_discovery_with_grading_as_the_alternative() {
    let mut f = facts(IncidentKind::DataBreach, "2026-03-14T01:30:00Z");
    f.cn_grade = Some(GradeRecord {
        grade: CnGrade::RelativelyMajor,
        graded_at: t("2026-03-14T03:00:00Z"),
        basis: "CII main function down 40 min".into(),
    });
    let r = Regulation::builtin(cn_profile(&[EntityType::CnStateOrgan]));
    let o = r.obligations(&f, t("2026-03-14T03:10:00Z"));
    let rep = o
        .get("cn-cac-incident-reporting", "state-organ-report")
        .unwrap();
    assert_eq!(rep.due, Some(t("2026-03-14T03:30:00Z")));
    assert_eq!(rep.readings[0].ambiguity, Ambiguity::CacAnchor);
    let alt = r
        .clone()
        .with_readings(Readings::default().alternative(Ambiguity::CacAnchor))
        .obligations(&f, t("2026-03-14T03:10:00Z"));
    assert_eq!(
        due(&alt, "cn-cac-incident-reporting", "state-organ-report"),
        t("2026-03-14T05:00:00Z")
    );
}

#[test]
fn cac_summary_report_is_thirty_calendar_days_with_the_civil_code_reading_reported() {
    let mut f = facts(IncidentKind::DataBreach, "2026-04-20T01:30:00Z");
    personal(&mut f, 2_000_000, "CN");
    // Handling ended Thursday 30 April 10:00 CST; 30 calendar days end Saturday 30 May.
    f.milestones
        .insert(Milestone::HandlingEnded, t("2026-04-30T02:00:00Z"));
    let r = Regulation::builtin(cn_profile(&[]));
    let o = r.obligations(&f, t("2026-05-01T00:00:00Z"));
    let s = o
        .get("cn-cac-incident-reporting", "summary-report")
        .unwrap();
    assert_eq!(s.due, Some(t("2026-05-30T02:00:00Z")));
    let civil = s
        .readings
        .iter()
        .find(|r| r.ambiguity == Ambiguity::RestDayExtension)
        .unwrap();
    // Civil Code Art. 203: to the end of Monday 1 June (24:00 CST).
    assert_eq!(civil.other_due, Some(t("2026-06-01T16:00:00Z")));
}

#[test]
fn five_chinese_working_days_cross_the_spring_festival_make_up_saturday() {
    // CSRC summary report placeholder: 5 工作日 after handling ends on Thu 12 Feb 2026:
    // Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    let mut f = facts(IncidentKind::AccountTakeover, "2026-02-10T01:30:00Z");
    f.milestones
        .insert(Milestone::HandlingEnded, t("2026-02-12T02:00:00Z"));
    let r = Regulation::builtin(cn_profile(&[EntityType::CnSecuritiesFirm]));
    let o = r.obligations(&f, t("2026-02-13T00:00:00Z"));
    let s = o.get("cn-csrc", "summary-report").unwrap();
    // End of 26 February, Beijing time.
    assert_eq!(s.due, Some(t("2026-02-26T16:00:00Z")));
    assert!(!s.is_verified());
    assert!(s.notes.iter().any(|n| n.contains("not verified")));
    // The emergency report has no timestamp and says the CSRC rule is unverified.
    let e = o.get("cn-csrc", "emergency-report").unwrap();
    assert_eq!(e.due, None);
    assert!(e.notes.iter().any(|n| n.contains("CSRC rule unverified")));
}

#[test]
fn a_chinese_deadline_beyond_the_published_schedule_is_an_error_not_a_guess() {
    let mut f = facts(IncidentKind::AccountTakeover, "2026-12-20T01:30:00Z");
    f.milestones
        .insert(Milestone::HandlingEnded, t("2026-12-28T02:00:00Z"));
    let r = Regulation::builtin(cn_profile(&[EntityType::CnSecuritiesFirm]));
    let o = r.obligations(&f, t("2026-12-28T03:00:00Z"));
    let u = o
        .undetermined
        .iter()
        .find(|u| u.regime.as_str() == "cn-csrc")
        .unwrap();
    assert_eq!(
        u.missing,
        vec![MissingFact::CalendarCoverage {
            id: CalendarId::new("cn").unwrap(),
            year: 2027
        }]
    );
}

// --- Singapore, Hong Kong ---------------------------------------------------------------

#[test]
fn mas_one_hour_and_fourteen_days() {
    let mut f = facts(IncidentKind::ServiceDisruption, "2026-06-01T02:15:00Z");
    determine(&mut f, "relevant_incident", true, "2026-06-01T02:30:00Z");
    let profile = EntityProfile::new().entity_type(EntityType::MasRegulated);
    let o = Regulation::builtin(profile).obligations(&f, t("2026-06-01T02:40:00Z"));
    assert_eq!(
        due(&o, "sg-mas-644", "notification"),
        t("2026-06-01T03:15:00Z")
    );
    assert_eq!(
        due(&o, "sg-mas-644", "root-cause-report"),
        t("2026-06-15T02:15:00Z")
    );
}

#[test]
fn pdpa_three_days_after_the_assessment_day_at_significant_scale() {
    let mut f = facts(IncidentKind::DataBreach, "2026-06-01T02:00:00Z");
    personal(&mut f, 499, "SG");
    let profile = EntityProfile::new().established_in(j("SG"));
    let r = Regulation::builtin(profile);
    let o = r.obligations(&f, t("2026-06-01T03:00:00Z"));
    // 499 people and no harm determination: cannot tell.
    assert!(o.undetermined.iter().any(|u| u.regime.as_str() == "sg-pdpa"
        && u.report.as_ref().map(ReportId::as_str) == Some("pdpc")));
    f.impact.people.estimated = Some(500);
    f.milestones
        .insert(Milestone::AssessmentCompleted, t("2026-06-03T09:00:00Z"));
    let o = r.obligations(&f, t("2026-06-03T10:00:00Z"));
    // Assessed 3 June (17:00 SGT): by the end of 6 June, Singapore time.
    assert_eq!(due(&o, "sg-pdpa", "pdpc"), t("2026-06-06T16:00:00Z"));
}

#[test]
fn cap_653_twelve_or_forty_eight_hours() {
    let mut f = facts(IncidentKind::ServiceDisruption, "2026-02-02T01:00:00Z");
    let profile = EntityProfile::new().entity_type(EntityType::HkCriticalInfrastructureOperator);
    let r = Regulation::builtin(profile);
    let o = r.obligations(&f, t("2026-02-02T02:00:00Z"));
    assert!(o
        .undetermined
        .iter()
        .any(|u| u.regime.as_str() == "hk-cap-653"));
    determine(
        &mut f,
        "core_function_disrupted",
        true,
        "2026-02-02T01:30:00Z",
    );
    let o = r.obligations(&f, t("2026-02-02T02:00:00Z"));
    assert_eq!(
        due(&o, "hk-cap-653", "notification-serious"),
        t("2026-02-02T13:00:00Z")
    );
    determine(
        &mut f,
        "core_function_disrupted",
        false,
        "2026-02-02T01:30:00Z",
    );
    let o = r.obligations(&f, t("2026-02-02T02:00:00Z"));
    assert_eq!(
        due(&o, "hk-cap-653", "notification"),
        t("2026-02-04T01:00:00Z")
    );
    assert!(!o.get("hk-cap-653", "written-report").unwrap().is_verified());
}

// --- Timers, the log, drills -----------------------------------------------------------

fn ctx(at: DateTime<Utc>) -> Context {
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
    assert_eq!(alerts[0].kind, AlertKind::Missed);
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
    };
    let err = incident.decide(&blank, &ctx(now)).unwrap_err();
    assert!(err.to_string().contains("basis"), "{err}");
    let empty = Command::RecordClockAlerts { alerts: vec![] };
    assert!(incident.decide(&empty, &ctx(now)).is_err());
    let inconsistent = Command::RecordClockAlerts {
        alerts: vec![ClockAlert {
            regime: RegimeId::new("eu-dora").unwrap(),
            report: ReportId::new("initial").unwrap(),
            kind: AlertKind::Missed,
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

fn zones() -> impl Strategy<Value = TimeZone> {
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
