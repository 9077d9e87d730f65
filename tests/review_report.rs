//! The post-incident review report and drill scorecards through the public API: golden
//! Markdown of both seed cases in zh-CN, zh-HK and en, the report value against its committed JSON
//! Schema, host text that tries to break the Markdown, and a scripted drill with a known
//! score.
//!
//! The golden files are under `tests/golden/review/`. After an intended change of wording
//! or format, rewrite them with `UPDATE_GOLDEN=1 cargo test --test review_report` and
//! review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod golden;
mod json_schema;
mod seeds;

use chrono::Duration;
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::findings::*;
use incident::id::*;
use incident::locale::*;
use incident::regulation::*;
use incident::review::{
    DrillGap, DrillGrade, DrillScorecard, DrillStandard, ReviewReport, TimelineEvent,
};
use incident::*;
use serde_json::json;

use driver::commands::*;
use driver::*;
use golden::check_golden;
use json_schema::*;
use seeds::platform_theft::platform_theft_until_review;
use seeds::securities_takeover::securities_takeover_until_review;

fn cn(entity: EntityType) -> EntityProfile {
    EntityProfile::new()
        .established_in(Jurisdiction::new("CN").unwrap())
        .entity_type(entity)
}

/// 1.5 million people in China, over the CAC grade floor.
fn mass_breach_in_china(category: DataCategory) -> Impact {
    let mut impact = Impact::default();
    impact.people.estimated = Some(1_500_000);
    impact.data_categories.insert(category);
    impact
        .jurisdictions
        .insert(Jurisdiction::new("CN").unwrap());
    impact
}

/// A seed case closed, its report built from the replayed log with the built-in regimes.
fn closed_report(mut desk: Desk, entity: EntityType) -> (Incident, ReviewReport) {
    desk.run(Command::Review {}).run(Command::Close {});
    let incident = Incident::replay(desk.log.envelopes()).unwrap();
    assert_eq!(incident.phase(), Phase::Closed);
    let obligations =
        Regulation::builtin(cn(entity)).obligations(&incident.regulatory_facts(), desk.now);
    let report = ReviewReport::build(
        &incident,
        Some(&obligations),
        desk.now,
        Sensitivity::Internal,
    );
    (incident, report)
}

#[test]
fn seed_reviews_render_as_the_golden_files_in_both_languages() {
    let cases = [
        (
            "platform_theft",
            platform_theft_until_review(),
            EntityType::CnPbocInstitution,
        ),
        (
            "securities_takeover",
            securities_takeover_until_review(),
            EntityType::CnSecuritiesFirm,
        ),
    ];
    let mut drift = Vec::new();
    for (name, desk, entity) in cases {
        let (_, report) = closed_report(desk, entity);
        for locale in Locale::ALL {
            let md = report.to_markdown(locale, Zone::SHANGHAI);
            drift.extend(check_golden(
                "review",
                &format!("{name}.{}.md", locale.as_str()),
                &md,
            ));
        }
        let json = serde_json::to_string_pretty(&report).unwrap() + "\n";
        drift.extend(check_golden("review", &format!("{name}.json"), &json));
    }
    assert!(
        drift.is_empty(),
        "{}\n(rewrite with UPDATE_GOLDEN=1 cargo test --test review_report if intended)",
        drift.join("\n")
    );
}

/// The GB/T 20986 section: the kind's proposal until the desk records a classification,
/// then the record; the grade only for readers cleared for the regulatory record.
#[test]
fn the_report_shows_the_gbt_classification_and_grade() {
    let mut desk = platform_theft_until_review();
    let before = ReviewReport::build(&desk.incident, None, desk.now, Sensitivity::Internal);
    assert_eq!(
        before.gbt.classification,
        Some(GbtClassification::category(GbtCategory::DataSecurity))
    );
    assert!(before.gbt.proposed);
    desk.run(Command::ClassifyGbt {
        classification: GbtClassification::of(GbtSubcategory::DataTheft),
        basis: "records exfiltrated through an unpatched server".into(),
    });
    let after = ReviewReport::build(&desk.incident, None, desk.now, Sensitivity::Internal);
    assert!(!after.gbt.proposed);
    assert_eq!(
        serde_json::to_value(&after.gbt).unwrap()["classification"],
        json!({ "category": "data_security", "subcategory": "data_theft" })
    );
    let md = after.to_markdown(Locale::ZhCn, Zone::SHANGHAI);
    assert!(
        md.contains("| GB/T 20986 类别 | 数据安全事件 / 数据窃取事件 |"),
        "{md}"
    );
    let en = after.to_markdown(Locale::En, Zone::SHANGHAI);
    assert!(en.contains("| Grade |"), "{en}");
    let customers = ReviewReport::build(&desk.incident, None, desk.now, Sensitivity::Customers);
    assert_eq!(customers.gbt.grade, None);
    assert!(!customers
        .to_markdown(Locale::En, Zone::SHANGHAI)
        .contains("| Grade |"));
}

#[test]
fn the_report_carries_every_section_from_the_log() {
    let (incident, report) = closed_report(
        securities_takeover_until_review(),
        EntityType::CnSecuritiesFirm,
    );
    assert_eq!(report.report_version, review::REVIEW_REPORT_VERSION);
    assert_eq!(report.incident_id, incident.id());
    assert_eq!(report.phase, Phase::Closed);
    // Timeline: oldest first, detection first, closure last.
    assert!(report.timeline.windows(2).all(|w| w[0].at <= w[1].at));
    assert!(matches!(
        report.timeline[0].event,
        TimelineEvent::Detected {
            source: DetectionSource::CustomerReport
        }
    ));
    assert_eq!(
        report.timeline.last().unwrap().event,
        TimelineEvent::PhaseEntered {
            phase: Phase::Closed
        }
    );
    // Findings land in their buckets.
    assert_eq!(report.findings.root_causes.len(), 1);
    assert_eq!(
        report.findings.root_causes[0].root_cause,
        Some(RootCause::CredentialStuffing)
    );
    // Prevention first, then remediation, then containment.
    let kinds: Vec<ActionKind> = report.actions.iter().map(|a| a.action.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| match k {
        ActionKind::Prevention => 0,
        ActionKind::Remediation => 1,
        ActionKind::Containment => 2,
    });
    assert_eq!(kinds, sorted);
    assert_eq!(kinds[0], ActionKind::Prevention);
    // Every notice is listed, with what it lacks.
    assert_eq!(report.notices.len(), incident.notices().len());
    assert!(report.notices.iter().all(|n| n.missing_elements.is_empty()));
    // The value validates against the committed schema.
    assert_valid(
        &committed_validator("review_report"),
        &serde_json::to_value(&report).unwrap(),
    );
    let back: ReviewReport =
        serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(back, report);
}

#[test]
fn missing_milestones_and_overruns_read_as_such() {
    // Declared, contained late, nothing else: every later milestone is "not reached".
    let declare = Declare::new(
        id(9),
        IncidentKind::DataBreach,
        "Leak | with a pipe\nand a break",
    )
    .detection(DetectionSource::Audit, at(2026, 3, 14, 1, 0))
    .severity(Severity::Sev2)
    .owner(actor("o"));
    let mut d = Desk::declare(declare, at(2026, 3, 14, 1, 0), "o");
    d.run(add_action(
        "P-1",
        ActionKind::Prevention,
        "Patch | everything",
        None,
        Some(at(2026, 3, 14, 2, 0)),
        Some(Measure::Patching),
    ));
    d.advance(5 * 60);
    let report = ReviewReport::build(&d.incident, None, d.now, Sensitivity::Internal);
    assert!(report.metrics.contain.is_missing());
    assert!(report.actions[0].overdue);

    let en = report.to_markdown(Locale::En, Zone::UTC);
    assert!(en.starts_with("# Post-incident review: Leak \\| with a pipe and a break\n"));
    assert!(en.contains("| Detected → contained | not reached |"));
    assert!(en.contains("| Occurred → detected | not reached |"));
    assert!(!en.contains("| 0 s |"));
    assert!(en.contains("Patch \\| everything"));
    assert!(en.contains("open **overdue**"));
    assert!(en.contains("No regulator notifications were computed"));
    let zh = report.to_markdown(Locale::ZhCn, Zone::SHANGHAI);
    assert!(zh.starts_with("# 事件复盘报告：Leak \\| with a pipe and a break\n"));
    assert!(zh.contains("| 发现 → 遏制 | 未达到 |"));
    assert!(zh.contains("未开始 **已逾期**"));
    // Every table row has the same number of cells as its header: nothing broke a table.
    for md in [&en, &zh] {
        let mut columns = None;
        for line in md.lines() {
            if line.starts_with('|') {
                let cells = line.replace("\\|", "").matches('|').count();
                match columns {
                    None => columns = Some(cells),
                    Some(n) => assert_eq!(cells, n, "{line}"),
                }
            } else {
                columns = None;
            }
        }
    }
}

#[test]
fn an_overrun_shows_as_negative_slack_and_late() {
    let impact = mass_breach_in_china(DataCategory::ContactDetails);
    let declare = Declare::new(id(8), IncidentKind::DataBreach, "Customer data stolen")
        .detection(DetectionSource::CustomerReport, at(2026, 3, 14, 1, 30))
        .severity(Severity::Sev1)
        .owner(actor("o"))
        .impact(impact);
    let mut d = Desk::declare(declare, at(2026, 3, 14, 1, 40), "o");
    d.now = at(2026, 3, 14, 6, 30);
    d.run(Command::RecordFiling {
        regime: RegimeId::new("cn-cac-incident-reporting").unwrap(),
        report: ReportId::new("provincial-report").unwrap(),
        submitted_at: None,
        reference: None,
    });
    let obligations = Regulation::builtin(cn(EntityType::CnPbocInstitution))
        .obligations(&d.incident.regulatory_facts(), d.now);
    let report = ReviewReport::build(
        &d.incident,
        Some(&obligations),
        d.now,
        Sensitivity::Internal,
    );
    let en = report.to_markdown(Locale::En, Zone::SHANGHAI);
    let row = en
        .lines()
        .find(|l| l.starts_with("| cn-cac-incident-reporting /") && l.contains("provincial"))
        .unwrap_or_else(|| panic!("{en}"));
    assert!(row.ends_with("| -1 h 00 min | late |"), "{row}");
    assert!(
        row.contains("14 March 2026, 13:30 Beijing time (UTC+8)"),
        "{row}"
    ); // due 05:30 UTC
    let zh = report.to_markdown(Locale::ZhCn, Zone::SHANGHAI);
    assert!(zh.contains("| -1小时00分 | 逾期提交 |"), "{zh}");
}

/// A drill of the securities-firm case, scripted to fail in known ways: contained after
/// 5 hours (target 4), the CAC provincial report practice-filed an hour late, a customer
/// notice left in draft without its required elements.
fn scripted_drill() -> Desk {
    let impact = mass_breach_in_china(DataCategory::Credentials);
    let declare = Declare::new(id(7), IncidentKind::AccountTakeover, "演练：客户账户被盗用")
        .detection(DetectionSource::CustomerReport, at(2026, 6, 1, 1, 0))
        .severity(Severity::Sev1)
        .owner(actor("crisis.lead"))
        .impact(impact)
        .exercise(true);
    let mut d = Desk::declare(declare, at(2026, 6, 1, 1, 0), "crisis.lead");
    d.run(add_action(
        "C-1",
        ActionKind::Containment,
        "Freeze the accounts",
        Some("ops"),
        None,
        Some(Measure::FreezeAccounts),
    ));
    d.run(draft(
        "N-1",
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &[Channel::Sms],
        &[ContentElement::OccurredAt],
    ));
    d.now = at(2026, 6, 1, 6, 0);
    d.run(complete("C-1")).run(Command::Contain {
        contained_at: Some(at(2026, 6, 1, 6, 0)),
    });
    d.now = at(2026, 6, 1, 6, 0);
    d.run(Command::RecordFiling {
        regime: RegimeId::new("cn-cac-incident-reporting").unwrap(),
        report: ReportId::new("provincial-report").unwrap(),
        submitted_at: None,
        reference: None,
    });
    d.assert_replays();
    d
}

#[test]
fn a_scripted_drill_scores_as_expected() {
    let d = scripted_drill();
    let at_ = d.now + Duration::hours(1);
    let regulation = Regulation::builtin(cn(EntityType::CnSecuritiesFirm));
    let obligations = regulation.obligations(&d.incident.regulatory_facts(), at_);
    let card = DrillScorecard::score(
        &d.incident,
        Some(&obligations),
        &DrillStandard::default(),
        at_,
    );
    assert!(card.exercise);

    // Containment: 5 h against 4 h.
    assert_eq!(card.contain.met, Some(false));
    assert_eq!(card.contain.actual.seconds(), Some(5 * 3600));
    assert!(card.gaps.contains(&DrillGap::ContainmentSlow {
        target_seconds: 4 * 3600,
        actual_seconds: 5 * 3600,
    }));
    // The draft lacks its required elements.
    let incomplete = card
        .gaps
        .iter()
        .find_map(|g| match g {
            DrillGap::NoticeIncomplete { notice_id, missing } => Some((notice_id, missing)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{:#?}", card.gaps));
    assert_eq!(incomplete.0.as_str(), "N-1");
    assert!(!incomplete.1.contains(&ContentElement::OccurredAt));
    assert!(incomplete.1.contains(&ContentElement::HowDiscovered));
    // The CAC report: due 4 h after detection under the securities-firm profile? Whatever
    // the due time, the drill grades it the way the obligations do.
    let cac = card
        .deadlines
        .iter()
        .find(|x| {
            x.regime.as_str() == "cn-cac-incident-reporting"
                && x.report.as_str() == "provincial-report"
        })
        .unwrap_or_else(|| panic!("{:#?}", card.deadlines));
    let o = obligations
        .get("cn-cac-incident-reporting", "provincial-report")
        .unwrap();
    assert_eq!(Some(cac.due), o.due);
    assert_eq!(cac.submitted_at, Some(at(2026, 6, 1, 6, 0)));
    let margin = (o.due.unwrap() - at(2026, 6, 1, 6, 0)).num_seconds();
    assert_eq!(cac.margin_seconds, Some(margin));

    // Points: 100 minus every gap's penalty, and the grade follows (capped at C on a miss).
    let p = DrillStandard::default().penalties;
    let expected_loss: u32 = card.gaps.iter().map(|g| p.cost(g)).sum();
    assert_eq!(card.points, 100u32.saturating_sub(expected_loss));
    // Late CAC report (15), slow containment (15), incomplete draft (10).
    assert_eq!(card.gaps.len(), 3, "{:#?}", card.gaps);
    assert_eq!(card.points, 60);
    assert_eq!(card.grade, DrillGrade::D);
    assert!(card.grade >= DrillGrade::from_points(card.points));
    // Gaps are ordered most costly first.
    let costs: Vec<u32> = card.gaps.iter().map(|g| p.cost(g)).collect();
    assert!(costs.windows(2).all(|w| w[0] >= w[1]), "{costs:?}");

    let md = card.to_markdown(Locale::En, Zone::SHANGHAI);
    assert!(md.starts_with("# Drill scorecard: "));
    assert!(md.contains("Containment: target 4 h 00 min, actual 5 h 00 min (missed)"));
    assert!(md.contains("Incomplete notice N-1"));
    let zh = card.to_markdown(Locale::ZhCn, Zone::SHANGHAI);
    assert!(
        zh.contains("遏制：目标 4小时00分，实际 5小时00分 (未达标)"),
        "{zh}"
    );
    assert_valid(
        &committed_validator("drill_scorecard"),
        &serde_json::to_value(&card).unwrap(),
    );
}

#[test]
fn a_clean_drill_gets_an_a_and_a_missed_deadline_caps_the_grade() {
    // A clean drill: contained within an hour, nothing owed, nothing drafted.
    let declare = Declare::new(id(6), IncidentKind::ServiceDisruption, "Drill")
        .detection(DetectionSource::Monitoring, at(2026, 6, 1, 1, 0))
        .severity(Severity::Sev3)
        .owner(actor("o"))
        .exercise(true);
    let mut d = Desk::declare(declare, at(2026, 6, 1, 1, 0), "o");
    d.run(add_action(
        "C-1",
        ActionKind::Containment,
        "Fail over",
        Some("o"),
        None,
        None,
    ));
    d.advance(30).run(complete("C-1"));
    d.run(Command::Contain {
        contained_at: Some(d.now),
    });
    let standard = DrillStandard {
        customer_notice_within_seconds: None,
        ..DrillStandard::default()
    };
    let card = DrillScorecard::score(&d.incident, None, &standard, d.now);
    assert_eq!(card.points, 100);
    assert_eq!(card.grade, DrillGrade::A);
    assert!(card.gaps.is_empty());
    assert_eq!(card.customer_notice, None);
    assert_eq!(card.contain.met, Some(true));

    // The default standard also scores the customer notice: open until 72 h pass.
    let card = DrillScorecard::score(&d.incident, None, &DrillStandard::default(), d.now);
    assert_eq!(card.customer_notice.unwrap().met, None);
    let later = d.now + Duration::hours(73);
    let card = DrillScorecard::score(&d.incident, None, &DrillStandard::default(), later);
    assert_eq!(card.points, 90);
    assert_eq!(
        card.gaps,
        [DrillGap::CustomerNoticeSlow {
            target_seconds: 72 * 3600,
            actual_seconds: None
        }]
    );

    // A 1.5-million-person breach never filed: the CAC deadline is missed, the grade is
    // capped at C even with generous penalties.
    let impact = mass_breach_in_china(DataCategory::ContactDetails);
    let declare = Declare::new(id(5), IncidentKind::DataBreach, "Drill")
        .detection(DetectionSource::Monitoring, at(2026, 6, 1, 1, 0))
        .severity(Severity::Sev1)
        .owner(actor("o"))
        .impact(impact)
        .exercise(true);
    let d = Desk::declare(declare, at(2026, 6, 1, 1, 0), "o");
    let when = at(2026, 6, 3, 1, 0);
    let obligations = Regulation::builtin(cn(EntityType::CnPbocInstitution))
        .obligations(&d.incident.regulatory_facts(), when);
    let lenient = DrillStandard {
        contain_within_seconds: 365 * 86_400,
        customer_notice_within_seconds: None,
        penalties: review::DrillPenalties {
            deadline_missed: 1,
            deadline_late: 0,
            regime_undetermined: 0,
            notice_incomplete: 0,
            plan_message_overdue: 0,
            containment_slow: 0,
            not_contained: 0,
            customer_notice_slow: 0,
        },
    };
    let card = DrillScorecard::score(&d.incident, Some(&obligations), &lenient, when);
    assert!(card
        .gaps
        .iter()
        .any(|g| matches!(g, DrillGap::DeadlineMissed { regime, .. } if regime.as_str() == "cn-cac-incident-reporting")));
    assert!(card.points >= 90, "{}", card.points);
    assert_eq!(card.grade, DrillGrade::C);
}

/// The report takes its readers' clearance and leaves out what they may not see: a
/// version for customers carries neither the funds nor the findings (restricted by
/// default) and says what it withheld; the internal review carries both.
#[test]
fn a_report_for_customers_withholds_the_funds_and_the_findings() {
    let desk = platform_theft_until_review();
    let full = ReviewReport::build(&desk.incident, None, desk.now, Sensitivity::Internal);
    assert!(full.withheld.is_empty());
    assert!(full.impact.funds_involved.is_some());
    assert!(!full.findings.is_empty());
    let outside = ReviewReport::build(&desk.incident, None, desk.now, Sensitivity::Customers);
    assert_eq!(
        outside
            .withheld
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
        ["funds_involved", "root_cause"]
    );
    assert_eq!(outside.impact.funds_involved, None);
    assert!(outside.impact.losses.iter().all(|l| l.amount.is_none()));
    assert!(outside.findings.is_empty());
    for locale in Locale::ALL {
        let md = outside.to_markdown(locale, Zone::SHANGHAI);
        let amount = desk.incident.impact().funds_involved.unwrap();
        assert!(!md.contains(&locale.format_money(amount)), "{md}");
        assert!(
            md.contains("withheld") || md.contains("已隐去") || md.contains("已隱去"),
            "{md}"
        );
    }
    // Relabelled public by the team, the funds go to customers too.
    let mut relabelled = desk;
    let amount = relabelled.incident.impact().funds_involved.unwrap();
    relabelled.run(Command::RecordFact(Fact {
        key: FactKey::new("funds_involved").unwrap(),
        value: FactValue::Amount { money: amount },
        sensitivity: Sensitivity::Customers,
        element: None,
    }));
    let report = ReviewReport::build(
        &relabelled.incident,
        None,
        relabelled.now,
        Sensitivity::Customers,
    );
    assert_eq!(report.impact.funds_involved, Some(amount));
}
