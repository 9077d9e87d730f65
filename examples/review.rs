//! The post-incident review of the securities-firm seed case (client accounts taken over
//! with reused passwords), run to closure through the public API, printed as a blameless
//! Markdown review in Chinese and English; then the same scenario run as a drill, slower,
//! and scored.
//!
//! ```text
//! cargo run --example review
//! ```
//!
//! The host loop is the one every integration has: `execute` a command, store the events,
//! `apply` them. Here the store is the in-memory [`EventLog`] and the clock is scripted.

use std::process::ExitCode;

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::locale::*;
use incident::regulation::*;
use incident::regulation::{CnGrade, EntityType};
use incident::review::{DrillScorecard, DrillStandard, ReviewReport};
use incident::*;

/// One scripted step: minutes after detection, who, what.
type Step = (i64, &'static str, Command);

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("review example failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let detected = Utc
        .with_ymd_and_hms(2026, 5, 6, 2, 15, 0)
        .single()
        .ok_or("bad time")?;
    let regulation = Regulation::builtin(
        EntityProfile::new()
            .established_in(Jurisdiction::new("CN")?)
            .entity_type(EntityType::CnSecuritiesFirm),
    );

    // The real incident, run to closure.
    let (incident, closed_at) = play(
        IncidentId::from_bytes([2; 16]),
        &regulation,
        detected,
        false,
        1,
    )?;
    let obligations = regulation.obligations(&incident.regulatory_facts(), closed_at);
    let report = ReviewReport::build(
        &incident,
        Some(&obligations),
        closed_at,
        Sensitivity::Internal,
    );
    println!("{}", report.to_markdown(Locale::ZhCn, Zone::SHANGHAI));
    println!("---\n");
    println!("{}", report.to_markdown(Locale::En, Zone::SHANGHAI));

    // The same scenario as a drill three months later, played by a slower team (every step
    // takes ten times as long): the CAC report is filed late and containment misses its
    // four-hour target.
    let drill_detected = detected + Duration::days(90);
    let (drill, drill_end) = play(
        IncidentId::from_bytes([3; 16]),
        &regulation,
        drill_detected,
        true,
        10,
    )?;
    let scored_at = drill_end;
    let obligations = regulation.obligations(&drill.regulatory_facts(), scored_at);
    let card = DrillScorecard::score(
        &drill,
        Some(&obligations),
        &DrillStandard::default(),
        scored_at,
    );
    println!("---\n");
    println!("{}", card.to_markdown(Locale::En, Zone::SHANGHAI));
    println!("{}", card.to_markdown(Locale::ZhCn, Zone::SHANGHAI));
    Ok(())
}

/// Declares the incident and plays the script under `regulation`, each step `slowness`
/// times later than in the real response. Returns the replayed incident and the time of its last step.
fn play(
    id: IncidentId,
    regulation: &Regulation,
    detected: DateTime<Utc>,
    exercise: bool,
    slowness: i64,
) -> Result<(Incident, DateTime<Utc>), Box<dyn std::error::Error>> {
    let mut impact = Impact::default();
    impact.people.estimated = Some(1_200);
    impact
        .data_categories
        .extend([DataCategory::Credentials, DataCategory::TransactionHistory]);
    impact.funds_involved = Some(Money::from_minor(340_000_000, Currency::CNY));
    impact.jurisdictions.insert(Jurisdiction::new("CN")?);
    let declare = Declare::new(id, IncidentKind::AccountTakeover, "客户证券账户被盗用")
        .summary("Client trading accounts were logged into with passwords reused from a third-party leak; stock was sold and funds moved.")
        .detection(DetectionSource::CustomerReport, detected)
        .severity(Severity::Sev1)
        .owner(ActorId::new("crisis.lead")?)
        .impact(impact)
        .exercise(exercise);
    let start = detected + Duration::minutes(5);
    let mut log = EventLog::new(id);
    log.append(
        0,
        &Incident::declare(
            &declare,
            &Context::new(ActorId::new("hotline.agent")?, start),
        )?,
    )?;
    let mut incident = Incident::replay(log.envelopes())?;
    let mut now = start;
    for (minutes, by, command) in script(detected, slowness)? {
        now = detected + Duration::minutes(minutes * slowness);
        let ctx = Context::new(ActorId::new(by)?, now).with_regulation(regulation);
        let envelopes = incident
            .execute(&command, &ctx)
            .map_err(|r| format!("{} rejected: {r}", command.kind()))?;
        log.append(incident.version(), &envelopes)?;
        for e in &envelopes {
            incident.apply(e)?;
        }
    }
    // What the review reads is what the log replays to.
    Ok((Incident::replay(log.envelopes())?, now))
}

/// A report filed `minutes` after detection by legal, with the recipient's reference.
fn filing(minutes: i64, regime: &str, report: &str, reference: &str) -> Result<Step, IdError> {
    Ok((
        minutes,
        "legal",
        Command::RecordFiling {
            regime: RegimeId::new(regime)?,
            report: ReportId::new(report)?,
            submitted_at: None,
            reference: Some(reference.into()),
        },
    ))
}

fn script(detected: DateTime<Utc>, slowness: i64) -> Result<Vec<Step>, Box<dyn std::error::Error>> {
    let id = |s: &str| ActionId::new(s);
    let notice = |s: &str| NoticeId::new(s);
    let action =
        |action_id, kind, title: &str, owner: &str, due, measure| -> Result<Command, IdError> {
            Ok(Command::AddAction(NewAction {
                action_id,
                kind,
                title: title.to_owned(),
                owner: Some(ActorId::new(owner)?),
                due,
                measure: Some(measure),
            }))
        };
    let draft = |notice_id, kind, audience, channels: &[Channel]| {
        Command::DraftNotice(NoticeDraft {
            notice_id,
            kind,
            audience,
            channels: channels.iter().copied().collect(),
            elements: ElementRules::defaults().required_in(kind, audience, Situation::EVERY),
            facts: Default::default(),
            plan_item: None,
            corrects: None,
        })
    };
    let complete = |action_id| Command::CompleteAction {
        action_id,
        completed_at: None,
        outcome: None,
    };
    let contained_at = detected + Duration::minutes(25 * slowness);
    let review_due = detected + Duration::days(95);
    Ok(vec![
        (
            15,
            "crisis.lead",
            action(
                id("C-1")?,
                ActionKind::Containment,
                "Freeze the 1,200 affected accounts",
                "ops",
                None,
                Measure::FreezeAccounts,
            )?,
        ),
        (
            15,
            "crisis.lead",
            action(
                id("C-2")?,
                ActionKind::Containment,
                "Block attacker IP ranges",
                "secops",
                None,
                Measure::BlockIndicators,
            )?,
        ),
        (25, "ops", complete(id("C-1")?)),
        (
            25,
            "crisis.lead",
            Command::Contain {
                contained_at: Some(contained_at),
            },
        ),
        (
            40,
            "legal",
            Command::RecordGrade {
                grade: CnGrade::RelativelyMajor,
                graded_at: None,
                basis: "funds of clients moved; over ¥1m direct loss".into(),
                assessment: None,
                override_reason: None,
            },
        ),
        (
            70,
            "crisis.lead",
            Command::UpdateImpact {
                update: ImpactUpdate::default().people_confirmed(860),
                reason: Some("trade-log reconciliation".into()),
            },
        ),
        (
            70,
            "crisis.lead",
            Command::ChangeSeverity {
                severity: Severity::Sev2,
                reason: "scope confirmed at 860 accounts; all frozen".into(),
            },
        ),
        (
            70,
            "pr.lead",
            draft(
                notice("M-1")?,
                MessageKind::HoldingStatement,
                Audience::Media,
                &[Channel::PressRelease],
            ),
        ),
        (
            70,
            "crisis.lead",
            Command::ApproveNotice {
                notice_id: notice("M-1")?,
            },
        ),
        (
            75,
            "pr.lead",
            Command::RecordNoticeSent {
                notice_id: notice("M-1")?,
                sent_at: None,
            },
        ),
        (
            75,
            "pr.lead",
            draft(
                notice("N-1")?,
                MessageKind::InitialNotice,
                Audience::AllCustomers,
                &[Channel::WebsiteNotice, Channel::InApp],
            ),
        ),
        (
            75,
            "crisis.lead",
            Command::ApproveNotice {
                notice_id: notice("N-1")?,
            },
        ),
        (
            80,
            "pr.lead",
            Command::RecordNoticeSent {
                notice_id: notice("N-1")?,
                sent_at: None,
            },
        ),
        (
            80,
            "crisis.lead",
            Command::Disclose {
                basis: DisclosureBasis::PublicNotice {
                    notice_id: notice("N-1")?,
                },
            },
        ),
        (
            150,
            "legal",
            Command::RecordFiling {
                regime: RegimeId::new("cn-cac-incident-reporting")?,
                report: ReportId::new("provincial-report")?,
                submitted_at: None,
                reference: Some("网信办受理 2026-0506-17".into()),
            },
        ),
        filing(
            150,
            "cn-csrc",
            "emergency-report",
            "证监局受理 2026-0506-03",
        )?,
        filing(150, "cn-pipl-57", "authority", "网信办受理 2026-0506-18")?,
        filing(
            150,
            "cn-dsl-29",
            "competent-department",
            "证监局受理 2026-0506-04",
        )?,
        // The clients were told by notice N-1: that is the notification both laws ask for.
        filing(150, "cn-pipl-57", "individuals", "notice N-1")?,
        filing(150, "cn-dsl-29", "users", "notice N-1")?,
        (
            3 * 24 * 60,
            "crisis.lead",
            action(
                id("R-1")?,
                ActionKind::Remediation,
                "Reset credentials and re-verify identity of affected clients",
                "ops",
                None,
                Measure::ResetPasswords,
            )?,
        ),
        (3 * 24 * 60, "ops", complete(id("R-1")?)),
        (
            3 * 24 * 60,
            "crisis.lead",
            Command::open_compensation_program(
                ProgramId::new("SEC-COMP-1")?,
                &reference_securities_policy(),
                None,
            ),
        ),
        (3 * 24 * 60, "crisis.lead", Command::Remediate {}),
        (
            3 * 24 * 60 + 60,
            "crisis.lead",
            action(
                id("P-1")?,
                ActionKind::Prevention,
                "MFA for all trading logins",
                "it.lead",
                Some(review_due),
                Measure::MultiFactorAuthentication,
            )?,
        ),
        (
            3 * 24 * 60 + 60,
            "crisis.lead",
            action(
                id("P-2")?,
                ActionKind::Prevention,
                "Quarterly incident drills",
                "crisis.lead",
                Some(review_due),
                Measure::IncidentDrills,
            )?,
        ),
        (
            3 * 24 * 60 + 60,
            "crisis.lead",
            Command::RecordFinding(Finding {
                finding_id: FindingId::new("F-1")?,
                kind: FindingKind::RootCause,
                root_cause: Some(RootCause::CredentialStuffing),
                summary:
                    "Passwords reused from a third-party leak; trading logins had no second factor"
                        .into(),
                evidence: vec![],
            }),
        ),
        (
            3 * 24 * 60 + 60,
            "crisis.lead",
            Command::RecordFinding(Finding {
                finding_id: FindingId::new("F-2")?,
                kind: FindingKind::WentWell,
                root_cause: None,
                summary: "Accounts frozen within half an hour of the first customer call".into(),
                evidence: vec![],
            }),
        ),
        (
            3 * 24 * 60 + 60,
            "crisis.lead",
            Command::RecordFinding(Finding {
                finding_id: FindingId::new("F-3")?,
                kind: FindingKind::WentPoorly,
                root_cause: None,
                summary: "No alert on logins from new devices at unusual hours".into(),
                evidence: vec![],
            }),
        ),
        (
            3 * 24 * 60 + 60,
            "pr.lead",
            draft(
                notice("N-2")?,
                MessageKind::ResolutionNotice,
                Audience::AffectedCustomers,
                &[Channel::Email, Channel::Letter],
            ),
        ),
        (
            3 * 24 * 60 + 60,
            "crisis.lead",
            Command::ApproveNotice {
                notice_id: notice("N-2")?,
            },
        ),
        (
            3 * 24 * 60 + 70,
            "pr.lead",
            Command::RecordNoticeSent {
                notice_id: notice("N-2")?,
                sent_at: None,
            },
        ),
        (3 * 24 * 60 + 70, "crisis.lead", Command::Review {}),
        (3 * 24 * 60 + 80, "crisis.lead", Command::Close {}),
    ])
}
