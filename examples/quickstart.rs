//! Quickstart: the stolen-customer-data case from the first seed (a payments platform whose
//! customer records and funds were stolen), driven from detection to closure through the
//! host loop, then printed as a timeline and a final state. The declaration activates the
//! built-in payments playbook, so the containment, remediation and prevention actions, the
//! communication plan and the first drafts are recorded by that one command; the team then
//! works them off.
//!
//! Run with `cargo run --example quickstart`.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::actions::*;
use incident::bundle::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::locale::{Locale, Zone};
use incident::playbook::{builtin_playbook, Activation};
use incident::regulation::{EntityProfile, EntityType, Regulation};
use incident::*;

/// A minimal host: an in-memory store, the live state, the regulation it runs and a clock
/// the script moves.
struct Host {
    store: EventLog<Event>,
    incident: Incident,
    regulation: Regulation,
    now: DateTime<Utc>,
}

impl Host {
    /// The host loop for one command: decide, append with the expected version, apply.
    fn run(&mut self, by: &str, minutes_later: i64, command: Command) -> Result<(), Error> {
        self.now += Duration::minutes(minutes_later);
        // Review and Close check no regulatory report is still owed under this regulation.
        let ctx = Context::new(ActorId::new(by)?, self.now).with_regulation(&self.regulation);
        let envelopes = self.incident.execute(&command, &ctx)?;
        self.store.append(self.incident.version(), &envelopes)?;
        for envelope in &envelopes {
            self.incident.apply(envelope)?;
        }
        Ok(())
    }
}

/// A validated id from a literal.
fn id<T: TryFrom<&'static str, Error = IdError>>(s: &'static str) -> Result<T, IdError> {
    T::try_from(s)
}

fn notice(
    notice_id: &'static str,
    kind: MessageKind,
    audience: Audience,
    channels: &[Channel],
    plan_item: &'static str,
) -> Result<Command, IdError> {
    Ok(Command::DraftNotice(NoticeDraft {
        notice_id: id(notice_id)?,
        kind,
        audience,
        channels: channels.iter().copied().collect::<BTreeSet<_>>(),
        // The text the comms lead wrote carries every element this kind of notice requires.
        elements: ElementRules::defaults().required_in(kind, audience, Situation::EVERY),
        facts: Default::default(),
        // The planned message it is: the playbook adopted the plan.
        plan_item: Some(id(plan_item)?),
        corrects: None,
    }))
}

fn action(
    action_id: &'static str,
    kind: ActionKind,
    title: &str,
    owner: &'static str,
    due: Option<DateTime<Utc>>,
    measure: Measure,
) -> Result<Command, IdError> {
    Ok(Command::AddAction(NewAction {
        action_id: id(action_id)?,
        kind,
        title: title.into(),
        owner: Some(id(owner)?),
        due,
        measure: Some(measure),
    }))
}

fn done(action_id: &'static str, outcome: &str) -> Result<Command, IdError> {
    Ok(Command::CompleteAction {
        action_id: id(action_id)?,
        completed_at: None,
        outcome: Some(outcome.into()),
    })
}

fn main() -> Result<(), Error> {
    let beijing =
        chrono::FixedOffset::east_opt(8 * 3600).ok_or(IdError::Empty { kind: "offset" })?;
    let t0 = beijing
        .with_ymd_and_hms(2026, 3, 14, 9, 30, 0)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let incident_id = IncidentId::from_uuid(uuid::Uuid::from_u128(
        0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8,
    ));

    // 1. Detect: the monitoring system flags a bulk export of customer records at 09:10.
    let mut impact = Impact::default();
    impact.people.estimated = Some(48_000);
    impact.data_categories = [
        DataCategory::BasicIdentity,
        DataCategory::ContactDetails,
        DataCategory::IdentityDocument,
        DataCategory::FinancialAccount,
    ]
    .into();
    impact.funds_involved = Some("1280000.00 CNY".parse()?);
    impact.jurisdictions = [Jurisdiction::new("CN")?].into();
    let suggested = assess_severity(IncidentKind::DataBreach, &impact);
    println!(
        "Default severity rule: {} ({})\n",
        suggested.severity, suggested.reason
    );
    // The firm's plan for this case, with who fills which of its roles.
    let playbook = builtin_playbook("payments.data-funds-theft").ok_or(IdError::Empty {
        kind: "built-in playbook",
    })?;
    let mut activation = Activation::new(playbook, Locale::En);
    for (role, person) in [
        ("security", "sec.lead"),
        ("it-ops", "ops.lead"),
        ("fraud", "risk.lead"),
        ("customer-care", "care.lead"),
        ("comms", "li.na"),
        ("legal", "wang.fang"),
    ] {
        activation = activation.staff(id(role)?, id(person)?);
    }
    let declare = Declare::new(incident_id, IncidentKind::DataBreach, "B特派平台客户数据及资金被盗")
        .summary("Bulk export of customer records through a compromised partner API key, followed by withdrawals to unknown accounts")
        .detection(DetectionSource::Monitoring, t0 - Duration::minutes(20))
        .occurred_at(t0 - Duration::hours(11), true)
        .severity(suggested.severity)
        .owner(ActorId::new("zhang.min")?)
        .impact(impact)
        .playbook(activation);
    let first = Incident::declare(&declare, &Context::new(ActorId::new("soc.oncall")?, t0))?;
    let mut store = EventLog::new(incident_id);
    store.append(0, &first)?;
    let incident = Incident::replay(store.envelopes())?;
    // The platform is a network operator and a PBOC-supervised payment institution in
    // mainland China: the built-in regulation knows which reports that makes it owe.
    let profile = EntityProfile::new()
        .established_in(Jurisdiction::new("CN")?)
        .entity_type(EntityType::CnNetworkOperator)
        .entity_type(EntityType::CnPbocInstitution)
        .time_zone(Zone::SHANGHAI)
        .calendar(CalendarId::new("cn")?);
    let mut host = Host {
        store,
        incident,
        regulation: Regulation::builtin(profile),
        now: t0,
    };
    println!(
        "Declared with playbook {}: {} events in one command, {} actions, {} drafts waiting\n",
        host.incident
            .playbook()
            .map(|p| p.pin.playbook.to_string())
            .unwrap_or_default(),
        host.store.envelopes().len(),
        host.incident.actions().len(),
        host.incident.notices().len(),
    );

    // 2. Contain: isolate, revoke, freeze (快速反应).
    host.run(
        "zhang.min",
        2,
        Command::AssignRole {
            role: Role::CommsLead,
            person: id("li.na")?,
        },
    )?;
    host.run(
        "zhang.min",
        0,
        Command::AssignRole {
            role: Role::Legal,
            person: id("wang.fang")?,
        },
    )?;
    host.run(
        "forensics",
        10,
        Command::AddEvidence(NewEvidence {
            evidence_id: id("EV-1")?,
            description: "API gateway access logs, 2026-03-13 22:00 to 2026-03-14 09:40".into(),
            collected_by: id("forensics")?,
            collected_at: host.now,
            location: "evidence vault A, WORM bucket".into(),
            digest: Some(ContentDigest::new(
                DigestAlgorithm::Sha256,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            )?),
        }),
    )?;
    // The playbook's containment actions, done by the people it named.
    for (by, minutes, action_id, outcome) in [
        (
            "ops.lead",
            5,
            "revoke-credentials",
            "partner API key revoked; partner notified",
        ),
        (
            "risk.lead",
            5,
            "suspend-withdrawals",
            "withdrawals suspended on 31,204 accounts",
        ),
        (
            "sec.lead",
            5,
            "isolate-exfil-hosts",
            "export hosts cut off from the core network",
        ),
        (
            "sec.lead",
            5,
            "block-indicators",
            "12 addresses and 3 domains blocked",
        ),
        ("risk.lead", 10, "freeze-accounts", "31,204 accounts frozen"),
        (
            "sec.lead",
            10,
            "preserve-evidence",
            "EV-1 in the vault, custody log started",
        ),
    ] {
        host.run(by, minutes, done(action_id, outcome)?)?;
    }
    host.run(
        "zhang.min",
        5,
        Command::Contain {
            contained_at: Some(host.now),
        },
    )?;
    host.run(
        "zhang.min",
        0,
        Command::SetSubStatus {
            sub_status: Some(id("monitoring for re-entry")?),
        },
    )?;
    host.run(
        "forensics",
        90,
        Command::UpdateImpact {
            update: ImpactUpdate::default()
                .people_confirmed(31_204)
                .records(52_377),
            reason: Some("log analysis of EV-1".into()),
        },
    )?;

    // 3. Disclose: the playbook drafted the first notice and the holding statement at
    // declaration, from the facts known then; the complete notice, written once the scope
    // is confirmed, supersedes the first, is approved by the communications lead and goes out on four
    // channels (透明公开).
    host.run(
        "li.na",
        15,
        Command::CancelNotice {
            notice_id: id("customer-initial")?,
            reason: "superseded by N-1, written once the scope was confirmed".into(),
        },
    )?;
    host.run(
        "wu.ting",
        20,
        notice(
            "N-1",
            MessageKind::InitialNotice,
            Audience::AffectedCustomers,
            &[
                Channel::Sms,
                Channel::Email,
                Channel::InApp,
                Channel::WebsiteNotice,
            ],
            "customer-initial",
        )?,
    )?;
    host.run(
        "li.na",
        30,
        Command::ApproveNotice {
            notice_id: id("N-1")?,
        },
    )?;
    host.run(
        "li.na",
        10,
        Command::RecordNoticeSent {
            notice_id: id("N-1")?,
            sent_at: None,
        },
    )?;
    host.run(
        "zhang.min",
        0,
        Command::Disclose {
            basis: DisclosureBasis::PublicNotice {
                notice_id: id("N-1")?,
            },
        },
    )?;

    // Report: every regulator and the individuals the regulation names hear from the
    // platform, and each filing is recorded (Review and Close wait for them).
    for (regime, report, reference) in [
        (
            "cn-pboc",
            "incident-report",
            "PBOC Shanghai HQ, case 2026-031",
        ),
        (
            "cn-dsl-29",
            "competent-department",
            "PBOC data-security desk, 2026-031",
        ),
        ("cn-pipl-57", "authority", "CAC Shanghai, PI-2026-0314"),
        (
            "cn-pipl-57",
            "individuals",
            "notice N-1 (SMS, e-mail, app, website)",
        ),
        (
            "cn-dsl-29",
            "users",
            "notice N-1 (SMS, e-mail, app, website)",
        ),
    ] {
        host.run(
            "wang.fang",
            5,
            Command::RecordFiling {
                regime: id(regime)?,
                report: id(report)?,
                submitted_at: None,
                reference: Some(reference.into()),
            },
        )?;
    }
    let owed = host.incident.obligations(&host.regulation, host.now);
    println!("Regulatory reports after the filings:");
    for o in &owed.obligations {
        println!("  {:<12} {:<22} {}", o.regime, o.report, o.status.label());
    }
    println!();

    // 4. Remediate: fix the cause, make customers whole (积极解决).
    host.run(
        "dev.lead",
        24 * 60,
        action(
            "R-1",
            ActionKind::Remediation,
            "Scope partner API keys to least privilege",
            "dev.lead",
            None,
            Measure::AccessControl,
        )?,
    )?;
    host.run(
        "dev.lead",
        6 * 60,
        done("R-1", "partner keys scoped and rotated")?,
    )?;
    for (by, action_id, outcome) in [
        (
            "ops.lead",
            "force-password-reset",
            "31,204 customers reset their passwords",
        ),
        (
            "wang.fang",
            "report-police",
            "reported to the Shanghai PSB, case 2026-0314",
        ),
        (
            "ops.lead",
            "patch-entry-point",
            "partner API gateway patched",
        ),
    ] {
        host.run(by, 10, done(action_id, outcome)?)?;
    }
    host.run(
        "zhang.min",
        60,
        Command::open_compensation_program(
            id("CP-2026-03")?,
            &reference_platform_policy(),
            Some(Money::from_minor(200_000_000, Currency::CNY)),
        ),
    )?;
    host.run("zhang.min", 0, Command::Remediate {})?;

    // 5. Review: findings, preventive actions with owners and dates, the resolution notice.
    host.run(
        "zhang.min",
        3 * 24 * 60,
        Command::RecordFinding(Finding {
            finding_id: id("F-1")?,
            kind: FindingKind::RootCause,
            root_cause: Some(RootCause::ThirdPartySupplyChain),
            summary: "A partner's leaked API key had read access to all customer records".into(),
            evidence: vec![id("EV-1")?],
        }),
    )?;
    // The playbook's prevention actions (external assessment, MFA, training) already have
    // owners and due dates, which the Review guard asks for.
    host.run(
        "wu.ting",
        60,
        notice(
            "N-2",
            MessageKind::ResolutionNotice,
            Audience::AffectedCustomers,
            &[Channel::Email, Channel::InApp],
            "customer-resolution",
        )?,
    )?;
    host.run(
        "li.na",
        30,
        Command::ApproveNotice {
            notice_id: id("N-2")?,
        },
    )?;
    host.run(
        "li.na",
        5,
        Command::RecordNoticeSent {
            notice_id: id("N-2")?,
            sent_at: None,
        },
    )?;
    host.run("zhang.min", 10, Command::Review {})?;
    host.run("zhang.min", 60, Command::Close {})?;

    // A command after closure is refused, with the reason.
    if let Err(refused) = host.incident.execute(
        &Command::AddNote {
            text: "late note".into(),
        },
        &Context::new(id("intern")?, host.now),
    ) {
        println!("Refused as expected: {refused}\n");
    }

    println!("Timeline (times in UTC):");
    let mut phase = Phase::Detected;
    for envelope in host.store.envelopes() {
        if let Some(stamp) = host
            .incident
            .stamps()
            .iter()
            .find(|s| s.sequence == envelope.sequence() && s.sub_status.is_none())
        {
            phase = stamp.phase;
        }
        println!(
            "{:>3}  {}  {:<10}  {:<11} {}",
            envelope.sequence(),
            envelope.recorded_at().format("%m-%d %H:%M"),
            phase.as_str(),
            envelope.actor().as_str(),
            envelope.event()
        );
    }

    let i = &host.incident;
    println!("\nFinal state:");
    println!("  phase            {}", i.phase());
    println!(
        "  severity         {} (rule now says {})",
        i.severity(),
        i.assessed_severity().severity
    );
    println!(
        "  people           {:?} estimated, {:?} confirmed",
        i.impact().people.estimated,
        i.impact().people.confirmed
    );
    println!(
        "  funds involved   {}",
        i.impact()
            .funds_involved
            .map(|m| m.to_string())
            .unwrap_or_default()
    );
    for phase in [
        Phase::Contained,
        Phase::Disclosed,
        Phase::Remediated,
        Phase::Reviewed,
        Phase::Closed,
    ] {
        if let Some(at) = i.entered_at(phase) {
            let hours = (at - i.detected_at()).num_minutes() as f64 / 60.0;
            println!("  {:<16} {:>6.1} h after detection", phase.as_str(), hours);
        }
    }
    println!("  evidence items   {}", i.evidence().len());
    println!("  actions          {}", i.actions().len());
    println!(
        "  chain head       #{} {}",
        i.head().sequence,
        i.head().digest
    );
    let bundle = EvidenceBundle::export(host.store.envelopes())?;
    println!("  bundle verifies  {}", bundle.verify().is_ok());
    Ok(())
}
