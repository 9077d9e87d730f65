//! The drill programme through the public API: a scripted drill of a securities firm's
//! client-account takeover playbook run end to end and scored, a refused step reported, the
//! programme's cadence, coverage and drill-report clocks (golden Markdown in three
//! languages), and as-of answers that ignore later drills.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod golden;
mod json_schema;

use chrono::{DateTime, Duration, NaiveDate, TimeZone as _, Utc};
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::id::*;
use incident::locale::*;
use incident::regulation::*;
use incident::review::*;
use incident::*;
use proptest::prelude::*;

use driver::actor;
use driver::commands::*;
use golden::check_golden;
use json_schema::{assert_valid, committed_validator};

/// Beijing wall time as UTC.
fn beijing(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, mi, 0).unwrap() - Duration::hours(8)
}

fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}

fn scenario() -> PlaybookId {
    PlaybookId::new("securities.account-takeover").unwrap()
}

/// The firm: a mainland securities company, hence also a network operator under the CAC
/// Measures; Beijing time, the PRC working-day calendar.
fn regulation() -> Regulation {
    Regulation::builtin(
        EntityProfile::new()
            .established_in(Jurisdiction::new("CN").unwrap())
            .entity_type(EntityType::CnSecuritiesFirm)
            .entity_type(EntityType::CnNetworkOperator)
            .time_zone(Zone::SHANGHAI)
            .calendar(CalendarId::new("cn").unwrap()),
    )
}

/// The playbook's targets: contain within an hour, first customer notice within two.
fn standard() -> DrillStandard {
    DrillStandard {
        contain_within_seconds: 3_600,
        customer_notice_within_seconds: Some(2 * 3_600),
        ..DrillStandard::default()
    }
}

fn declaration(n: u8, detected: DateTime<Utc>) -> Declare {
    let mut impact = Impact::default();
    impact.people.estimated = Some(1_200);
    impact
        .data_categories
        .extend([DataCategory::Credentials, DataCategory::TransactionHistory]);
    impact.funds_involved = Some(Money::from_minor(340_000_000, Currency::CNY));
    impact
        .jurisdictions
        .insert(Jurisdiction::new("CN").unwrap());
    Declare::new(
        driver::id(n),
        IncidentKind::AccountTakeover,
        "演练：客户证券账户被盗用",
    )
    .summary("撞库攻击：不法分子利用外部泄露的密码登录客户账户，卖出持仓并转走资金")
    .detection(DetectionSource::CustomerReport, detected)
    .severity(Severity::Sev1)
    .owner(actor("crisis.lead"))
    .impact(impact)
    .exercise(true)
}

/// The securities firm's client-account takeover drill, 22 September 2026 from 10:00
/// Beijing time: the facilitator injects what the hotline, the trade logs and the press
/// desk report; the team is expected to freeze, block, contain, grade, tell the media and
/// the clients, and file with the CAC within its four hours.
fn takeover_script(n: u8, detected: DateTime<Utc>) -> DrillScriptSpec {
    use InjectSource::{Facilitator, Team};
    let control = || actor("drill.control");
    let lead = || actor("crisis.lead");
    DrillScriptSpec::new(
        scenario(),
        "2026 年第三季度 客户账户被盗用应急演练",
        control(),
        declaration(n, detected),
    )
    .declared_after(minutes(3))
    .inject(
        minutes(5),
        Facilitator,
        control(),
        Command::AddNote {
            text: "热线：客户反映持仓在夜间被卖出，资金转入陌生银行卡".into(),
        },
    )
    .inject(
        minutes(8),
        Team,
        lead(),
        Command::AssignRole {
            role: Role::CommsLead,
            person: actor("pr.lead"),
        },
    )
    .inject(
        minutes(10),
        Team,
        lead(),
        add_action(
            "C-1",
            ActionKind::Containment,
            "冻结受影响账户的转账与交易",
            Some("ops"),
            None,
            Some(Measure::FreezeAccounts),
        ),
    )
    .inject(
        minutes(12),
        Team,
        lead(),
        add_action(
            "C-2",
            ActionKind::Containment,
            "封禁攻击来源地址段",
            Some("secops"),
            None,
            Some(Measure::BlockIndicators),
        ),
    )
    .inject(
        minutes(20),
        Facilitator,
        control(),
        Command::UpdateImpact {
            update: ImpactUpdate::default().people_confirmed(37),
            reason: Some("交易日志核对：37 个账户已发生资金转出".into()),
        },
    )
    .inject(
        minutes(30),
        Team,
        lead(),
        Command::record_grade(
            CnGrade::RelativelyMajor,
            "客户资金损失，涉及人数待核实；按较大事件处置",
        ),
    )
    .inject(minutes(35), Team, actor("ops"), complete("C-1"))
    .inject(minutes(40), Team, actor("secops"), complete("C-2"))
    .inject(
        minutes(45),
        Team,
        lead(),
        Command::Contain {
            contained_at: Some(detected + minutes(45)),
        },
    )
    .inject(
        minutes(50),
        Facilitator,
        control(),
        Command::AddNote {
            text: "媒体来电询问是否发生大规模盗号".into(),
        },
    )
    .inject(
        minutes(55),
        Team,
        actor("pr.lead"),
        complete_draft(
            "M-1",
            MessageKind::HoldingStatement,
            Audience::Media,
            &[Channel::PressRelease],
        ),
    )
    .inject(minutes(60), Team, lead(), approve("M-1"))
    .inject(minutes(62), Team, actor("pr.lead"), sent("M-1"))
    .inject(
        minutes(75),
        Team,
        actor("pr.lead"),
        complete_draft(
            "N-1",
            MessageKind::InitialNotice,
            Audience::AllCustomers,
            &[Channel::WebsiteNotice, Channel::InApp],
        ),
    )
    .inject(minutes(85), Team, lead(), approve("N-1"))
    .inject(minutes(90), Team, actor("pr.lead"), sent("N-1"))
    .inject(
        minutes(100),
        Facilitator,
        control(),
        Command::RecordInquiry {
            inquiry_id: InquiryId::new("Q-1").unwrap(),
            channel: Channel::Hotline,
            topic: InquiryTopic::LostFunds,
            customer: None,
            received_at: None,
        },
    )
    .inject(
        minutes(150),
        Team,
        actor("legal.counsel"),
        Command::RecordFiling {
            regime: RegimeId::new("cn-cac-incident-reporting").unwrap(),
            report: ReportId::new("provincial-report").unwrap(),
            submitted_at: None,
            reference: Some("演练-省网信办-01".into()),
        },
    )
    .ends_after(Duration::hours(4))
}

#[test]
fn the_takeover_drill_runs_end_to_end_and_is_scored_against_the_playbook_targets() {
    let detected = beijing(2026, 9, 22, 10, 0);
    let script = takeover_script(1, detected).build().unwrap();
    let run = script.run(&regulation(), &standard()).unwrap();

    // Every inject ran, after the declaration, in order.
    let injects: Vec<usize> = run
        .steps
        .iter()
        .filter_map(|s| match s.origin {
            DrillStepOrigin::Inject { index, .. } => Some(index),
            _ => None,
        })
        .collect();
    assert_eq!(injects, (0..script.injects().len()).collect::<Vec<_>>());
    assert_eq!(run.steps[0].origin, DrillStepOrigin::Declaration);
    assert_eq!(run.steps[0].at, detected + minutes(3));

    // An exercise incident, contained, disclosed, driven through the normal loop.
    assert!(run.incident.is_exercise());
    assert_eq!(run.incident.phase(), Phase::Contained);
    assert_eq!(run.incident.contained_at(), Some(detected + minutes(45)));
    assert_eq!(run.scored_at, detected + Duration::hours(4));

    // The exercise clock ran as a host's timer would: the CAC 4-hour clock's reminders
    // (50 % and 80 % of the window, before the filing at 2.5 h) are in the log.
    let timer: Vec<&DrillStep> = run
        .steps
        .iter()
        .filter(|s| s.origin == DrillStepOrigin::Timer)
        .collect();
    assert!(!timer.is_empty());
    assert!(timer.iter().all(|s| s.actor.as_str() == "drill.control"));
    assert!(!run.incident.regulatory().alerts.is_empty());

    // Replaying the run's log gives the same incident.
    assert_eq!(Incident::replay(&run.envelopes).unwrap(), run.incident);

    // The scorecard: contained in 45 min (target 1 h), first customer notice at 90 min
    // (target 2 h), the CAC report filed on time; nothing to train on.
    let card = &run.scorecard;
    assert!(card.exercise);
    assert_eq!(card.at, run.scored_at);
    assert_eq!(card.contain.met, Some(true));
    assert_eq!(card.customer_notice.unwrap().met, Some(true));
    let cac = card
        .deadlines
        .iter()
        .find(|d| d.regime.as_str() == "cn-cac-incident-reporting")
        .unwrap();
    assert_eq!(cac.outcome, DeadlineOutcome::OnTime);
    assert_eq!(cac.due, detected + Duration::hours(4));
    assert!(card.gaps.is_empty(), "{:#?}", card.gaps);
    assert_eq!((card.points, card.grade), (100, DrillGrade::A));

    // The same script gives the same log: the run is pure.
    let again = script.run(&regulation(), &standard()).unwrap();
    assert_eq!(again.envelopes, run.envelopes);
}

#[test]
fn a_slower_team_loses_points_for_each_missed_target() {
    let detected = beijing(2026, 9, 22, 10, 0);
    let mut spec = takeover_script(2, detected);
    // Containment 30 minutes late and the CAC filing left out.
    for inject in &mut spec.injects {
        if matches!(inject.command, Command::Contain { .. }) {
            inject.after_seconds = 95 * 60;
            inject.command = Command::Contain {
                contained_at: Some(detected + minutes(95)),
            };
        }
    }
    spec.injects.sort_by_key(|i| i.after_seconds);
    spec.injects
        .retain(|i| !matches!(i.command, Command::RecordFiling { .. }));
    let run = spec
        .build()
        .unwrap()
        .run(&regulation(), &standard())
        .unwrap();
    let card = &run.scorecard;
    assert_eq!(card.contain.met, Some(false));
    assert!(card.gaps.iter().any(|g| matches!(
        g,
        DrillGap::ContainmentSlow { actual_seconds, .. } if *actual_seconds == 95 * 60
    )));
    assert!(card.gaps.iter().any(|g| matches!(
        g,
        DrillGap::DeadlineMissed { regime, .. } if regime.as_str() == "cn-cac-incident-reporting"
    )));
    // 25 for the missed deadline, 15 for slow containment; a missed deadline caps at C.
    assert_eq!(card.points, 60);
    assert_eq!(card.grade, DrillGrade::D);
}

#[test]
fn a_refused_step_stops_the_run_and_is_reported_never_skipped() {
    let detected = beijing(2026, 9, 22, 10, 0);
    let mut spec = takeover_script(3, detected);
    // The team contains before either containment action is done.
    spec.injects
        .retain(|i| !matches!(i.command, Command::CompleteAction { .. }));
    let contain_index = spec
        .injects
        .iter()
        .position(|i| matches!(i.command, Command::Contain { .. }))
        .unwrap();
    let err = spec
        .build()
        .unwrap()
        .run(&regulation(), &standard())
        .unwrap_err();
    let stopped = err.stopped().unwrap();
    assert_eq!(
        stopped.origin,
        DrillStepOrigin::Inject {
            index: contain_index,
            source: InjectSource::Team
        }
    );
    assert_eq!(stopped.command, CommandKind::Contain);
    assert_eq!(stopped.actor.as_str(), "crisis.lead");
    let text = err.to_string();
    assert!(
        text.starts_with(&format!(
            "drill securities.account-takeover stopped at inject {contain_index} (contain by crisis.lead)"
        )),
        "{text}"
    );
    assert!(text.contains("containment"), "{text}");
    // The run up to there: nothing after the refused step, scored at its time.
    let run = stopped.run.as_ref().unwrap();
    assert_eq!(run.scored_at, detected + minutes(45));
    assert_eq!(run.incident.phase(), Phase::Detected);
    assert!(run.incident.notices().is_empty());
    assert!(run.steps.iter().all(|s| s.at <= detected + minutes(45)));
    assert_eq!(Incident::replay(&run.envelopes).unwrap(), run.incident);
}

#[test]
fn a_refused_declaration_is_reported_too() {
    let detected = beijing(2026, 9, 22, 10, 0);
    let mut spec = takeover_script(4, detected);
    spec.declare.owner = None;
    let err = spec
        .build()
        .unwrap()
        .run(&regulation(), &standard())
        .unwrap_err();
    let stopped = err.stopped().unwrap();
    assert_eq!(stopped.origin, DrillStepOrigin::Declaration);
    assert!(stopped.run.is_none());
    assert!(err.to_string().contains("owner"), "{err}");
}

#[test]
fn a_script_lists_every_problem_at_once_when_built_and_when_loaded() {
    let detected = beijing(2026, 9, 22, 10, 0);
    let mut spec = takeover_script(5, detected);
    spec.title = " ".into();
    spec.declare = spec.declare.exercise(false);
    spec.injects.swap(0, 1);
    spec.injects[2].command = Command::RecordOverdue { overdue: vec![] };
    spec.ends_after_seconds = 60;
    let problems = spec.problems();
    assert_eq!(problems.len(), 5, "{problems:#?}");
    assert!(matches!(problems[0], DrillScriptProblem::EmptyTitle));
    assert!(matches!(problems[1], DrillScriptProblem::NotAnExercise));
    assert!(matches!(
        problems[2],
        DrillScriptProblem::OutOfOrder { index: 1, .. }
    ));
    assert!(matches!(
        problems[3],
        DrillScriptProblem::TimerCommand { index: 2, .. }
    ));
    assert!(matches!(
        problems[4],
        DrillScriptProblem::EndsBeforeLastInject { .. }
    ));
    let err = spec.clone().build().unwrap_err();
    assert_eq!(err.problems, problems);
    assert!(err.to_string().contains("set `exercise: true`"), "{err}");

    // Loading validates the same way; a sound script round-trips.
    let json = serde_json::to_value(&spec).unwrap();
    let e = serde_json::from_value::<DrillScript>(json).unwrap_err();
    assert!(e.to_string().contains("the title is empty"), "{e}");
    let good = takeover_script(5, detected).build().unwrap();
    let text = serde_json::to_string(&good).unwrap();
    assert_eq!(serde_json::from_str::<DrillScript>(&text).unwrap(), good);
    let mut planted = serde_json::to_value(&good).unwrap();
    planted["injects"][0]["weight"] = 3.into();
    assert!(serde_json::from_value::<DrillScript>(planted).is_err());
}

// ---- The programme ------------------------------------------------------------------

fn plan(id: &str, title: &str, every_months: u32) -> ScenarioPlan {
    ScenarioPlan {
        scenario: PlaybookId::new(id).unwrap(),
        title: title.into(),
        every_months,
    }
}

fn drill(id: &str, n: u8, ended: DateTime<Utc>, points: Option<u32>) -> DrillRecord {
    DrillRecord {
        scenario: PlaybookId::new(id).unwrap(),
        incident_id: driver::id(n),
        held_at: ended - Duration::hours(4),
        ended_at: ended,
        result: points.map(|points| DrillResult {
            points,
            grade: DrillGrade::from_points(points),
        }),
        report_filed_at: None,
    }
}

/// A securities firm's programme: account takeover quarterly, the trading outage and
/// ransomware yearly, third-party compromise yearly and never drilled.
fn programme() -> DrillProgramme {
    let mut takeover_q1 = drill(
        "securities.account-takeover",
        11,
        beijing(2026, 1, 30, 17, 0),
        Some(72),
    );
    takeover_q1.report_filed_at = Some(beijing(2026, 2, 26, 10, 0));
    let takeover_q3 = drill(
        "securities.account-takeover",
        12,
        beijing(2026, 9, 30, 18, 0),
        Some(88),
    );
    let mut outage = drill(
        "securities.trading-outage",
        13,
        beijing(2025, 10, 15, 20, 0),
        Some(55),
    );
    outage.report_filed_at = Some(beijing(2025, 11, 20, 10, 0));
    let ransomware = drill("ransomware", 14, beijing(2026, 12, 18, 17, 0), None);
    let tabletop = drill(
        "payments.data-and-funds-theft",
        15,
        beijing(2026, 6, 10, 17, 0),
        Some(90),
    );
    DrillProgramme::new(DrillProgrammeSpec {
        firm: "示例证券股份有限公司".into(),
        time_zone: Zone::SHANGHAI,
        starts_on: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
        scope: vec![
            plan("securities.account-takeover", "客户账户被盗用", 3),
            plan("securities.trading-outage", "交易系统中断", 12),
            plan("ransomware", "勒索软件", 12),
            plan("third-party.compromise", "信息技术服务机构被入侵", 12),
        ],
        due_soon_days: 30,
        passing_grade: DrillGrade::D,
        report_rule: Some(DrillReportRule::csrc_order_218()),
        drills: vec![takeover_q1, takeover_q3, outage, ransomware, tabletop],
    })
    .unwrap()
}

/// 2026-12-28 10:00 Beijing: every drill above has ended.
fn year_end() -> DateTime<Utc> {
    beijing(2026, 12, 28, 10, 0)
}

#[test]
fn overdue_scenarios_coverage_and_trends_at_year_end() {
    let status = programme().status(year_end(), &Calendars::builtin());
    let by_id = |id: &str| {
        status
            .scenarios
            .iter()
            .find(|s| s.scenario.as_str() == id)
            .unwrap()
    };

    // Quarterly takeover drill: last held 30 Sep, due by 30 Dec: two days left.
    let takeover = by_id("securities.account-takeover");
    assert_eq!(
        takeover.due,
        ScenarioDue::DueSoon {
            due_by: NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(),
            days_left: 2
        }
    );
    assert!(matches!(takeover.coverage, Coverage::Covered { result } if result.points == 88));
    assert_eq!(takeover.points_change, Some(16));
    assert_eq!(takeover.trend.len(), 2);

    // The outage drill failed (55 points) and is past its yearly cadence.
    let outage = by_id("securities.trading-outage");
    assert!(matches!(outage.coverage, Coverage::Failed { .. }));
    assert!(
        matches!(
            outage.due,
            ScenarioDue::Overdue {
                days_overdue: 74,
                ..
            }
        ),
        "{:?}",
        outage.due
    );

    // Ransomware was drilled without a score; third-party compromise never, due since 1 July.
    assert_eq!(by_id("ransomware").coverage, Coverage::Unscored {});
    let third = by_id("third-party.compromise");
    assert_eq!(third.coverage, Coverage::NeverDrilled {});
    assert!(
        matches!(third.due, ScenarioDue::Overdue { due_by, .. } if due_by == NaiveDate::from_ymd_opt(2026, 7, 1).unwrap())
    );
    assert_eq!(status.overdue().count(), 2);
    assert_eq!(status.never_drilled().count(), 1);
    assert_eq!(
        status.outside_scope,
        [PlaybookId::new("payments.data-and-funds-theft").unwrap()]
    );
}

#[test]
fn drill_report_clocks_count_fifteen_prc_working_days_and_never_guess_past_the_calendar() {
    let status = programme().status(year_end(), &Calendars::builtin());
    let clock = |n: u8| {
        status
            .report_clocks
            .iter()
            .find(|c| c.incident_id == driver::id(n))
            .unwrap()
            .state
            .clone()
    };
    // Ended Fri 30 Jan 2026: over Spring Festival (15–23 Feb, make-up Sat 14 Feb), the
    // 15th working day is 27 Feb; filed on the 26th.
    match clock(11) {
        DrillReportState::Counted {
            due,
            status: ObligationStatus::Met {
                late_seconds: None, ..
            },
        } => {
            assert_eq!(due, beijing(2026, 2, 28, 0, 0));
        }
        other => panic!("{other:?}"),
    }
    // Ended Wed 30 Sep 2026: Golden Week 1–7 Oct, make-up Sat 10 Oct: 8, 9, 10, 12–16,
    // 19–23, 26, 27; due 24:00 on 27 Oct, never filed.
    match clock(12) {
        DrillReportState::Counted {
            due,
            status: ObligationStatus::Overdue { .. },
        } => {
            assert_eq!(due, beijing(2026, 10, 28, 0, 0));
        }
        other => panic!("{other:?}"),
    }
    // Ended Wed 15 Oct 2025: due 24:00 on 5 Nov; filed 20 Nov, late.
    assert_eq!(clock(13).outcome(), Some(DeadlineOutcome::Late));
    // Ended 18 Dec 2026: the 15th working day falls in 2027, past the built-in calendar.
    assert!(matches!(
        clock(14),
        DrillReportState::Undetermined {
            missing: MissingFact::CalendarCoverage { year: 2027, .. },
            filed_at: None
        }
    ));
    // Drills outside the scope are reported too: the duty is per drill.
    assert_eq!(status.report_clocks.len(), 5);
}

#[test]
fn the_programme_status_renders_in_three_languages() {
    let status = programme().status(year_end(), &Calendars::builtin());
    let mut drift = Vec::new();
    for (locale, name) in [
        (Locale::ZhCn, "status.zh-CN.md"),
        (Locale::ZhHk, "status.zh-HK.md"),
        (Locale::En, "status.en.md"),
    ] {
        let md = status.to_markdown(locale, Zone::SHANGHAI);
        drift.extend(check_golden("drills", name, &md));
    }
    assert!(drift.is_empty(), "{}", drift.join("\n"));
    // The unverified rule says so, with its source, in every language.
    let en = status.to_markdown(Locale::En, Zone::SHANGHAI);
    assert!(en.contains("not verified"), "{en}");
    assert!(en.contains("https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml"));
    assert!(status
        .to_markdown(Locale::ZhCn, Zone::SHANGHAI)
        .contains("未经原文核实"));
}

#[test]
fn a_programme_lists_every_problem_at_once() {
    let mut spec = programme().spec().clone();
    spec.scope.push(plan("ransomware", " ", 0));
    spec.drills[0].ended_at = spec.drills[0].held_at - Duration::hours(1);
    spec.drills[1].result = Some(DrillResult {
        points: 65,
        grade: DrillGrade::A,
    });
    spec.drills[3].report_filed_at = Some(spec.drills[3].held_at);
    let dup = spec.drills[2].clone();
    spec.drills.push(dup);
    let err = DrillProgramme::new(spec.clone()).unwrap_err();
    let kinds: Vec<String> = err.problems.iter().map(|p| format!("{p:?}")).collect();
    let names: Vec<&str> = kinds
        .iter()
        .map(|k| k.split([' ', '{']).next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "DuplicateScenario",
            "EmptyTitle",
            "ZeroCadence",
            "EndsBeforeHeld",
            "InconsistentResult",
            "ReportBeforeEnd",
            "DuplicateDrill"
        ]
    );
    let e =
        serde_json::from_value::<DrillProgramme>(serde_json::to_value(&spec).unwrap()).unwrap_err();
    assert!(e.to_string().contains("listed more than once"), "{e}");
    // Recording keeps the programme valid.
    let mut p = programme();
    let e = p
        .record(drill("ransomware", 14, year_end(), None))
        .unwrap_err();
    assert!(e.to_string().contains("recorded more than once"), "{e}");
    assert_eq!(p, programme());
    p.record_report(driver::id(12), year_end()).unwrap();
    let status = p.status(year_end(), &Calendars::builtin());
    let q3 = status
        .report_clocks
        .iter()
        .find(|c| c.incident_id == driver::id(12))
        .unwrap();
    assert_eq!(q3.state.outcome(), Some(DeadlineOutcome::Late));
}

#[test]
fn a_scripted_drill_is_recorded_in_the_programme() {
    let detected = beijing(2026, 12, 21, 10, 0);
    let run = takeover_script(6, detected)
        .build()
        .unwrap()
        .run(&regulation(), &standard())
        .unwrap();
    let mut p = programme();
    p.record(DrillRecord::from_run(scenario(), &run)).unwrap();
    let status = p.status(year_end(), &Calendars::builtin());
    let takeover = &status.scenarios[0];
    assert_eq!(takeover.last_held_at, Some(detected + minutes(3)));
    assert!(matches!(takeover.due, ScenarioDue::OnTrack { .. }));
    assert_eq!(takeover.points_change, Some(12));
}

#[test]
fn scripts_programmes_and_statuses_validate_against_the_committed_schemas() {
    let script = takeover_script(7, beijing(2026, 9, 22, 10, 0))
        .build()
        .unwrap();
    let script_schema = committed_validator("drill_script");
    assert_valid(&script_schema, &serde_json::to_value(&script).unwrap());
    let mut bad = serde_json::to_value(&script).unwrap();
    bad["injects"][0]["source"] = "observer".into();
    assert!(!script_schema.is_valid(&bad));
    let programme = programme();
    assert_valid(
        &committed_validator("drill_programme"),
        &serde_json::to_value(&programme).unwrap(),
    );
    assert_valid(
        &committed_validator("drill_programme_status"),
        &serde_json::to_value(programme.status(year_end(), &Calendars::builtin())).unwrap(),
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// As of a moment, drills that end after it and reports filed after it change nothing.
    #[test]
    fn as_of_answers_ignore_later_drills_and_filings(
        at_hours in 0i64..(24 * 540),
        later in proptest::collection::vec((1i64..(24 * 200), 0usize..4, proptest::option::of(0u32..=100), proptest::option::of(1i64..2_000)), 0..6),
    ) {
        let at = beijing(2025, 7, 1, 0, 0) + Duration::hours(at_hours);
        let base = programme();
        let mut spec = base.spec().clone();
        spec.drills.retain(|d| d.ended_at <= at);
        for d in &mut spec.drills {
            d.report_filed_at = d.report_filed_at.filter(|f| *f <= at);
        }
        let known = DrillProgramme::new(spec.clone()).unwrap();
        // Later knowledge: reports of past drills filed after `at`, and drills ending after it.
        let mut with_later = spec;
        for (i, (hours, which, points, filed)) in later.iter().enumerate() {
            let scenario = &base.spec().scope[*which].scenario;
            let ended = at + Duration::hours(*hours);
            let mut record = drill(scenario.as_str(), 100 + i as u8, ended, *points);
            record.report_filed_at = filed.map(|h| ended + Duration::hours(h));
            with_later.drills.push(record);
        }
        for d in &mut with_later.drills {
            if d.ended_at <= at && d.report_filed_at.is_none() {
                d.report_filed_at = Some(at + Duration::hours(1));
            }
        }
        let with_later = DrillProgramme::new(with_later).unwrap();
        let calendars = Calendars::builtin();
        prop_assert_eq!(known.status(at, &calendars), with_later.status(at, &calendars));
        // And the full programme agrees with the one cut at `at`.
        prop_assert_eq!(base.status(at, &calendars), known.status(at, &calendars));
    }
}
