//! Computed determinations (issue #17, item 6): the crate proposes DORA *major*, NIS2
//! *significant* and the CAC grade from the facts, listing every criterion with the facts it
//! read; a person confirms or overrides it, and the log keeps facts, proposal and reason so
//! replay can check them. Worked cases cite the article they test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use driver::{at, Desk};
use incident::chain::write_json_lines;
use incident::classify::Jurisdiction;
use incident::id::FactName;
use incident::regulation::{
    Assessment, CacFacts, CnGrade, DoraFacts, Nis2Facts, Outcome, PortalKind, ProposedOutcome, Tri,
};
use incident::*;

fn settled_yes(p: &ProposedOutcome) -> bool {
    matches!(
        p,
        ProposedOutcome::Settled {
            outcome: Outcome::Determination { value: true, .. }
        }
    )
}

fn settled_no(p: &ProposedOutcome) -> bool {
    matches!(
        p,
        ProposedOutcome::Settled {
            outcome: Outcome::Determination { value: false, .. }
        }
    )
}

fn eur(major: i64) -> Money {
    Money::from_major(major, Currency::EUR).unwrap()
}

/// A payments outage at a payment institution: critical functions hit, nothing else known.
fn outage() -> DoraFacts {
    DoraFacts {
        affects_critical_functions: Some(true),
        affects_authorised_services: Some(true),
        malicious_unauthorised_access: Some(false),
        access_may_result_in_data_losses: Some(false),
        ..DoraFacts::default()
    }
}

fn none_of_the_other_thresholds(mut f: DoraFacts) -> DoraFacts {
    f.clients_affected = Some(5_000);
    f.clients_of_service = Some(200_000);
    f.counterparts_affected = Some(0);
    f.counterparts_of_service = Some(40);
    f.transactions_affected = Some(1_000);
    f.daily_average_transactions = Some(50_000);
    f.transaction_amount_affected = Some(eur(10_000));
    f.daily_average_transaction_value = Some(eur(1_000_000));
    f.relevant_clients_affected = Some(false);
    f.reflected_in_media = Some(false);
    f.repeated_complaints = Some(false);
    f.regulatory_requirements_unmet = Some(false);
    f.clients_likely_lost = Some(false);
    f.duration_minutes = Some(90);
    f.critical_downtime_minutes = Some(45);
    f.member_states_affected = Some([Jurisdiction::new("IE").unwrap()].into());
    f.adverse_data_impact = Some(false);
    f.costs_and_losses = Some(eur(20_000));
    f
}

#[test]
fn dora_two_thresholds_make_a_critical_outage_major() {
    // RTS 2024/1772 Art. 8(1)(b): critical services affected and two thresholds of Art. 9
    // met: 9(1)(b) more than 100,000 clients, 9(3)(b) critical downtime over 2 hours.
    let mut f = none_of_the_other_thresholds(outage());
    f.clients_affected = Some(100_001);
    f.critical_downtime_minutes = Some(121);
    let p = Assessment::DoraMajor { facts: f.clone() }.propose();
    assert!(settled_yes(&p.outcome), "{p:#?}");
    assert_eq!(p.fired, ["art6_a", "art6_b", "art9_1", "art9_3"]);
    let clients = p.criteria.iter().find(|c| c.id == "art9_1").unwrap();
    assert!(clients
        .facts_used
        .iter()
        .any(|u| u.name == "clients_affected" && u.value == "100001"));

    // Exactly at the figures ("higher than", "longer than"): only one threshold, not major.
    f.clients_affected = Some(100_000);
    f.critical_downtime_minutes = Some(120);
    let p = Assessment::DoraMajor { facts: f.clone() }.propose();
    assert!(settled_no(&p.outcome), "{p:#?}");
    // 10 % of the service's clients is not "higher than 10 %" either.
    f.clients_affected = Some(20_000);
    f.clients_of_service = Some(200_000);
    f.critical_downtime_minutes = Some(200);
    assert!(settled_no(
        &Assessment::DoraMajor { facts: f }.propose().outcome
    ));
}

#[test]
fn dora_malicious_access_that_may_lose_data_is_major_on_its_own() {
    // Art. 8(1)(a) with Art. 6(c) and 9(5)(b): no other threshold needed.
    let mut f = none_of_the_other_thresholds(outage());
    f.affects_critical_functions = Some(false);
    f.affects_authorised_services = Some(false);
    f.malicious_unauthorised_access = Some(true);
    f.access_may_result_in_data_losses = Some(true);
    let p = Assessment::DoraMajor { facts: f }.propose();
    assert!(settled_yes(&p.outcome));
    assert_eq!(p.fired, ["art6_c", "art9_5_b"]);
}

#[test]
fn dora_without_critical_services_is_not_major_whatever_else() {
    let mut f = none_of_the_other_thresholds(outage());
    f.affects_critical_functions = Some(false);
    f.affects_authorised_services = Some(false);
    f.clients_affected = Some(1_000_000);
    f.duration_minutes = Some(5_000);
    f.costs_and_losses = Some(eur(5_000_000));
    let p = Assessment::DoraMajor { facts: f }.propose();
    assert!(settled_no(&p.outcome));
    assert_eq!(p.fired, ["art6_a", "art6_b", "art6_c"]);
}

#[test]
fn dora_missing_facts_are_named_never_guessed() {
    // One threshold met, the rest unknown: it could still be major.
    let mut f = outage();
    f.reflected_in_media = Some(true);
    let p = Assessment::DoraMajor { facts: f.clone() }.propose();
    assert_eq!(p.outcome, ProposedOutcome::Undetermined {});
    assert!(p.fired.is_empty());
    let duration = p.criteria.iter().find(|c| c.id == "art9_3").unwrap();
    assert_eq!(duration.status, Tri::Unknown);
    assert_eq!(
        duration.missing,
        ["duration_minutes", "critical_downtime_minutes"]
    );
    // Costs in another currency are not converted at a guessed rate.
    f.costs_and_losses = Some(Money::from_major(2_000_000, Currency::CNY).unwrap());
    let p = Assessment::DoraMajor { facts: f }.propose();
    let economic = p.criteria.iter().find(|c| c.id == "art9_6").unwrap();
    assert_eq!(economic.status, Tri::Unknown);
    assert!(economic
        .missing
        .contains(&"costs_and_losses in EUR".to_owned()));
    // Two Member States (the UK is not one), Art. 9(4).
    let mut f = outage();
    f.member_states_affected = Some(
        ["IE", "GB", "DE"]
            .iter()
            .map(|c| Jurisdiction::new(*c).unwrap())
            .collect(),
    );
    let p = Assessment::DoraMajor { facts: f }.propose();
    let spread = p.criteria.iter().find(|c| c.id == "art9_4").unwrap();
    assert_eq!(spread.status, Tri::Yes);
    assert_eq!(spread.facts_used[0].value, "DE, IE");
}

#[test]
fn nis2_loss_threshold_is_the_lower_of_the_cap_and_five_percent() {
    // Implementing Regulation 2024/2690 Art. 3(1)(a): EUR 500,000 or 5 % of turnover,
    // whichever is lower. Turnover EUR 4 M: 5 % is EUR 200,000.
    let all_no = Nis2Facts {
        trade_secrets_exfiltrated: Some(false),
        death: Some(false),
        considerable_health_damage: Some(false),
        malicious_access_severe_disruption: Some(false),
        recurring: Some(false),
        entity_type_criterion: Some(false),
        ..Nis2Facts::default()
    };
    let with = |loss: i64, turnover: Option<i64>| Nis2Facts {
        financial_loss: Some(eur(loss)),
        annual_turnover: turnover.map(eur),
        ..all_no.clone()
    };
    let propose = |f: Nis2Facts| Assessment::Nis2Significant { facts: f }.propose();
    assert!(settled_yes(
        &propose(with(200_001, Some(4_000_000))).outcome
    ));
    assert!(settled_no(&propose(with(200_000, Some(4_000_000))).outcome));
    // Above the cap, the turnover does not matter.
    let p = propose(with(500_001, None));
    assert!(settled_yes(&p.outcome));
    assert_eq!(p.fired, ["art3_1_a"]);
    // Below the cap with no turnover: cannot tell.
    assert_eq!(
        propose(with(300_000, None)).outcome,
        ProposedOutcome::Undetermined {}
    );
}

#[test]
fn cac_grade_is_the_highest_criterion_and_a_floor_while_any_is_unknown() {
    // Annex of the CAC Measures: ≥ 1,000,000 persons' personal information is 较大; a CII
    // main-function outage of 3 h is 重大 (inclusive thresholds).
    let mut f = CacFacts {
        personal_information_persons: Some(1_000_000),
        ..CacFacts::default()
    };
    let p = Assessment::CacGrade { facts: f.clone() }.propose();
    assert_eq!(
        p.outcome,
        ProposedOutcome::AtLeast {
            outcome: Outcome::Grade {
                grade: CnGrade::RelativelyMajor
            }
        }
    );
    f.is_cii = Some(true);
    f.cii_whole_outage_minutes = Some(0);
    f.cii_main_function_outage_minutes = Some(180);
    f.portal_unreachable_minutes = Some(0);
    f.people_affected = Some(0);
    f.defaced_homepage_minutes = Some(0);
    f.defaced_other_page_minutes = Some(0);
    f.direct_economic_loss = Some(Money::from_major(4_999_999, Currency::CNY).unwrap());
    f.qualitative_grade = Some(CnGrade::General);
    let p = Assessment::CacGrade { facts: f.clone() }.propose();
    assert_eq!(
        p.outcome,
        ProposedOutcome::Settled {
            outcome: Outcome::Grade {
                grade: CnGrade::Major
            }
        }
    );
    assert_eq!(p.fired, ["cii"]);
    // A listed portal down 30 h stays 重大; a provincial portal reaches 特别重大.
    f.portal_unreachable_minutes = Some(30 * 60);
    f.site = Some(PortalKind::Listed);
    assert_eq!(
        Assessment::CacGrade { facts: f.clone() }.propose().outcome,
        ProposedOutcome::Settled {
            outcome: Outcome::Grade {
                grade: CnGrade::Major
            }
        }
    );
    f.site = Some(PortalKind::Top);
    assert_eq!(
        Assessment::CacGrade { facts: f }.propose().outcome,
        ProposedOutcome::Settled {
            outcome: Outcome::Grade {
                grade: CnGrade::ExtremelyMajor
            }
        }
    );
}

/// An account takeover at a payment institution, run by the compliance officer.
fn desk() -> Desk {
    let declare = Declare::new(
        IncidentId::from_bytes([17; 16]),
        IncidentKind::AccountTakeover,
        "Client accounts taken over",
    )
    .detection(DetectionSource::CustomerReport, at(2026, 3, 2, 9, 0))
    .severity(Severity::Sev1)
    .owner(ActorId::new("li.na").unwrap());
    let mut desk = Desk::declare(declare, at(2026, 3, 2, 9, 5), "li.na");
    desk.as_actor("compliance.officer");
    desk
}

fn major(facts: DoraFacts, value: bool, reason: Option<&str>) -> Command {
    Command::RecordDetermination {
        fact: FactName::new("major_incident").unwrap(),
        value,
        determined_at: None,
        basis: "classification meeting of 09:30".into(),
        assessment: Some(Box::new(Assessment::DoraMajor { facts })),
        override_reason: reason.map(str::to_owned),
    }
}

fn account_takeover() -> DoraFacts {
    let mut f = none_of_the_other_thresholds(outage());
    f.malicious_unauthorised_access = Some(true);
    f.access_may_result_in_data_losses = Some(true);
    f
}

#[test]
fn a_confirmed_proposal_starts_the_clock_and_replays() {
    let mut desk = desk();
    desk.advance(25).run(major(account_takeover(), true, None));
    let d = &desk.incident.regulatory().determinations;
    assert!(d[&FactName::new("major_incident").unwrap()].value);
    desk.assert_replays();
}

#[test]
fn an_override_needs_a_reason_and_a_confirmation_refuses_one() {
    let mut desk = desk();
    desk.advance(25);
    let r = desk.reject(major(account_takeover(), false, None));
    assert!(r.to_string().contains("departs from the proposal"), "{r}");
    let r = desk.reject(major(account_takeover(), true, Some("agrees anyway")));
    assert!(r.to_string().contains("remove it"), "{r}");
    // A grade rule cannot answer a DORA question.
    let mut wrong = major(account_takeover(), true, None);
    if let Command::RecordDetermination { assessment, .. } = &mut wrong {
        *assessment = Some(Box::new(Assessment::CacGrade {
            facts: CacFacts::default(),
        }));
    }
    let r = desk.reject(wrong);
    assert!(r.to_string().contains("answers the CAC grade"), "{r}");
    // With a reason, the override is recorded, and the proposal with it.
    desk.run(major(
        account_takeover(),
        false,
        Some("access was a red-team exercise agreed with the supervisor"),
    ));
    assert!(
        !desk.incident.regulatory().determinations[&FactName::new("major_incident").unwrap()].value
    );
    desk.assert_replays();
}

/// Replays `lines` re-sealed as a forger holding the log would, returning the refusal.
fn replay_resealed(lines: Vec<serde_json::Value>) -> ReplayError {
    let text: String = driver::reseal(lines)
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    Incident::replay_json_lines(text.as_bytes(), &ReplayOptions::default()).unwrap_err()
}

#[test]
fn an_edited_proposal_or_a_dropped_reason_does_not_replay() {
    let mut desk = desk();
    desk.advance(25)
        .run(major(account_takeover(), false, Some("red-team exercise")));
    let jsonl = write_json_lines(desk.log.envelopes()).unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let last = lines.len() - 1;
    assert_eq!(lines[last]["event"]["type"], "determination_recorded");
    assert_eq!(
        lines[last]["event"]["assessment"]["proposal"]["fired"][0],
        "art6_a"
    );

    // A forger flips the proposal to agree with the recorded "no" and drops the reason.
    let mut forged = lines.clone();
    forged[last]["event"]["assessment"]["proposal"]["outcome"]["outcome"]["value"] = false.into();
    forged[last]["event"]["assessment"]
        .as_object_mut()
        .unwrap()
        .remove("override_reason");
    let err = replay_resealed(forged);
    assert!(
        err.to_string()
            .contains("does not reproduce its assessment"),
        "{err}"
    );

    // Or edits the facts so the rule would agree: the recorded proposal no longer fits them.
    let mut forged = lines.clone();
    forged[last]["event"]["assessment"]["assessment"]["facts"]["malicious_unauthorised_access"] =
        false.into();
    let err = replay_resealed(forged);
    assert!(err.to_string().contains("altered"), "{err}");

    // Dropping only the reason: an override without one.
    let mut forged = lines;
    forged[last]["event"]["assessment"]
        .as_object_mut()
        .unwrap()
        .remove("override_reason");
    let err = replay_resealed(forged);
    assert!(err.to_string().contains("give override_reason"), "{err}");
}

/// The review report shows each recorded answer beside the rule's proposal: which criteria
/// decided it, what was missing, and the reason a person gave for departing from it; the
/// facts' values stay in the log.
#[test]
fn the_review_report_shows_each_answer_beside_the_rules_proposal() {
    use incident::comms::Sensitivity;
    use incident::locale::{Locale, Zone};
    use incident::review::ReviewReport;

    let mut desk = desk();
    desk.advance(25).run(major(account_takeover(), true, None));
    desk.advance(60).run(major(
        account_takeover(),
        false,
        Some("access was a red-team exercise agreed with the supervisor"),
    ));
    desk.advance(5).run(Command::RecordDetermination {
        fact: FactName::new("significant_incident").unwrap(),
        value: false,
        determined_at: None,
        basis: "no NIS2 entity".into(),
        assessment: None,
        override_reason: None,
    });
    let at = desk.now;
    let report = ReviewReport::build(&desk.incident, None, at, Sensitivity::Internal);
    let lines = &report.determinations;
    assert_eq!(lines.len(), 3, "{lines:#?}");
    let confirmed = lines[0].assessed.as_ref().unwrap();
    assert!(settled_yes(&confirmed.proposed));
    assert!(confirmed.override_reason.is_none());
    assert!(
        confirmed.decided_by.iter().any(|c| c.contains("9(5)(b)")),
        "{confirmed:?}"
    );
    let overridden = lines[1].assessed.as_ref().unwrap();
    assert_eq!(
        overridden.override_reason.as_deref(),
        Some("access was a red-team exercise agreed with the supervisor")
    );
    assert!(lines[2].assessed.is_none());

    let en = report.to_markdown(Locale::En, Zone::SHANGHAI);
    assert!(en.contains("## Determinations and grades"), "{en}");
    assert!(en.contains("| major_incident: no |"), "{en}");
    assert!(en.contains("red-team exercise"), "{en}");
    assert!(en.contains("not assessed"), "{en}");
    let zh = report.to_markdown(Locale::ZhCn, Zone::SHANGHAI);
    assert!(
        zh.contains("## 认定与分级") && zh.contains("major_incident：是"),
        "{zh}"
    );

    // As of a moment before the override, the report has only the confirmation.
    let earlier = ReviewReport::build(
        &desk.incident,
        None,
        lines[0].recorded_at,
        Sensitivity::Internal,
    );
    assert_eq!(earlier.determinations.len(), 1);
}
