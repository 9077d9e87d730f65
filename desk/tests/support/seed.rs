//! The platform-theft seed case (seed 1), copied from the library's `tests/seeds/platform_theft.rs` and
//! trimmed to what the desk tests use: a small in-memory desk that records every step
//! (declaration, accepted and rejected commands, each with its actor and time), so a test
//! can drive the same case over HTTP and compare with the in-memory reference.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::*;

pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

pub fn actor(s: &str) -> ActorId {
    ActorId::new(s).unwrap()
}

/// One step a [`Desk`] took, so a test can drive the same case another way (over HTTP in
/// the desk tests) and compare.
#[derive(Debug, Clone)]
pub enum Step {
    /// The declaration.
    Declare {
        declare: Box<Declare>,
        actor: ActorId,
        at: DateTime<Utc>,
    },
    /// A command; `rejected` holds the unmet codes when it was refused.
    Command {
        command: Box<Command>,
        actor: ActorId,
        at: DateTime<Utc>,
        rejected: Option<Vec<String>>,
    },
}

pub struct Desk {
    pub log: EventLog<Event>,
    pub incident: Incident,
    pub now: DateTime<Utc>,
    pub actor: ActorId,
    /// Every step, accepted or rejected, in order.
    pub steps: Vec<Step>,
    /// The regulation the desk over HTTP runs, so Review and Close wait for the same reports.
    pub regulation: incident::regulation::Regulation,
}

impl Desk {
    /// Declares and returns the desk, panicking with the rejection if the declaration fails.
    pub fn declare(declare: Declare, now: DateTime<Utc>, by: &str) -> Desk {
        let ctx = Context::new(actor(by), now);
        let envelopes = Incident::declare(&declare, &ctx).unwrap_or_else(|r| panic!("{r}"));
        let mut log = EventLog::new(declare.incident_id);
        log.append(0, &envelopes).unwrap();
        let incident = Incident::replay(log.envelopes()).unwrap();
        Desk {
            log,
            incident,
            now,
            actor: actor(by),
            regulation: incident_desk::app::default_regulation(),
            steps: vec![Step::Declare {
                declare: Box::new(declare),
                actor: actor(by),
                at: now,
            }],
        }
    }

    pub fn advance(&mut self, minutes: i64) -> &mut Self {
        self.now += Duration::minutes(minutes);
        self
    }

    pub fn as_actor(&mut self, by: &str) -> &mut Self {
        self.actor = actor(by);
        self
    }

    pub fn ctx(&self) -> Context<'_> {
        Context::new(self.actor.clone(), self.now).with_regulation(&self.regulation)
    }

    /// Runs the host loop for one command, recording the step.
    pub fn try_run(&mut self, command: Command) -> Result<Vec<Envelope>, Rejection> {
        let result = self.incident.execute(&command, &self.ctx());
        self.steps.push(Step::Command {
            command: Box::new(command),
            actor: self.actor.clone(),
            at: self.now,
            rejected: result.as_ref().err().map(codes),
        });
        let envelopes = result?;
        self.log
            .append(self.incident.version(), &envelopes)
            .unwrap();
        for e in &envelopes {
            self.incident.apply(e).unwrap();
        }
        Ok(envelopes)
    }

    /// Runs a command that must succeed.
    pub fn run(&mut self, command: Command) -> &mut Self {
        if let Err(r) = self.try_run(command.clone()) {
            panic!("{command:?} rejected: {r}");
        }
        self
    }

    /// Runs a command that must succeed as `by`, then carries on as the current actor (a
    /// second person's approval, for four eyes).
    pub fn run_by(&mut self, by: &str, command: Command) -> &mut Self {
        let current = std::mem::replace(&mut self.actor, actor(by));
        self.run(command);
        self.actor = current;
        self
    }

    /// Runs a command that must be rejected and returns the rejection.
    pub fn reject(&mut self, command: Command) -> Rejection {
        let before = self.incident.clone();
        let version = self.log.version();
        let rejection = self
            .try_run(command.clone())
            .map(|_| panic!("{command:?} was accepted"))
            .unwrap_err();
        assert_eq!(
            self.incident, before,
            "a rejection must not change the state"
        );
        assert_eq!(self.log.version(), version);
        assert!(!rejection.unmet.is_empty());
        rejection
    }
}

pub fn add_action(
    id: &str,
    kind: ActionKind,
    title: &str,
    owner: Option<&str>,
    due: Option<DateTime<Utc>>,
    measure: Option<Measure>,
) -> Command {
    Command::AddAction(NewAction {
        action_id: ActionId::new(id).unwrap(),
        kind,
        title: title.into(),
        owner: owner.map(actor),
        due,
        measure,
    })
}

pub fn complete(id: &str) -> Command {
    Command::CompleteAction {
        action_id: ActionId::new(id).unwrap(),
        completed_at: None,
        outcome: None,
    }
}

pub fn draft(
    id: &str,
    kind: MessageKind,
    audience: Audience,
    channels: &[Channel],
    elements: &[ContentElement],
) -> Command {
    Command::DraftNotice(NoticeDraft {
        notice_id: NoticeId::new(id).unwrap(),
        kind,
        audience,
        channels: channels.iter().copied().collect::<BTreeSet<_>>(),
        elements: elements.iter().copied().collect::<BTreeSet<_>>(),
        facts: Default::default(),
        plan_item: None,
        corrects: None,
    })
}

pub fn complete_draft(
    id: &str,
    kind: MessageKind,
    audience: Audience,
    channels: &[Channel],
) -> Command {
    // Everything the kind may require: always, when funds were taken, once a cause is
    // confirmed.
    let elements: Vec<_> = ElementRules::defaults()
        .required_in(kind, audience, Situation::EVERY)
        .into_iter()
        .collect();
    draft(id, kind, audience, channels, &elements)
}

pub fn approve(id: &str) -> Command {
    Command::ApproveNotice {
        notice_id: NoticeId::new(id).unwrap(),
    }
}

pub fn sent(id: &str) -> Command {
    Command::RecordNoticeSent {
        notice_id: NoticeId::new(id).unwrap(),
        sent_at: None,
    }
}

pub fn finding(
    id: &str,
    kind: FindingKind,
    root: Option<RootCause>,
    summary: &str,
    evidence: &[&str],
) -> Command {
    Command::RecordFinding(Finding {
        finding_id: FindingId::new(id).unwrap(),
        kind,
        root_cause: root,
        summary: summary.into(),
        evidence: evidence
            .iter()
            .map(|e| EvidenceId::new(*e).unwrap())
            .collect(),
    })
}

pub fn evidence(
    id: &str,
    description: &str,
    by: &str,
    collected_at: DateTime<Utc>,
    location: &str,
    digest_hex: Option<&str>,
) -> Command {
    Command::AddEvidence(NewEvidence {
        evidence_id: EvidenceId::new(id).unwrap(),
        description: description.into(),
        collected_by: actor(by),
        collected_at,
        location: location.into(),
        digest: digest_hex.map(|h| ContentDigest::new(DigestAlgorithm::Sha256, h).unwrap()),
    })
}

/// The unmet items' codes, for compact assertions.
pub fn codes(rejection: &Rejection) -> Vec<String> {
    rejection
        .unmet
        .iter()
        .map(|u| {
            serde_json::to_value(u).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Content digests the seeds' evidence carries (SHA-256 of "test" and of "test2").
pub const SHA_A: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
pub const SHA_B: &str = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

pub fn id(n: u8) -> IncidentId {
    IncidentId::from_bytes([n; 16])
}

/// Seed 1 (the B特派 case) from detection up to the Review: every step the library's scenario
/// test checks, with its assertions.
pub fn platform_theft_until_review() -> Desk {
    let mut impact = Impact::default();
    impact.people.estimated = Some(48_000);
    impact.data_categories.extend([
        DataCategory::ContactDetails,
        DataCategory::IdentityDocument,
        DataCategory::FinancialAccount,
    ]);
    impact.funds_involved = Some("1280000.00 CNY".parse().unwrap());
    impact
        .jurisdictions
        .insert(Jurisdiction::new("CN").unwrap());
    assert_eq!(
        assess_severity(IncidentKind::DataBreach, &impact).severity,
        Severity::Sev1
    );
    let declare = Declare::new(id(1), IncidentKind::DataBreach, "B特派 客户数据与资金被盗")
        .summary("Attackers exfiltrated customer records and initiated withdrawals")
        .detection(DetectionSource::Monitoring, at(2026, 3, 14, 1, 10))
        .occurred_at(at(2026, 3, 13, 22, 0), true)
        .severity(Severity::Sev1)
        .owner(actor("zhang.min"))
        .impact(impact);
    let mut desk = Desk::declare(declare, at(2026, 3, 14, 1, 30), "soc.oncall");
    assert_eq!(desk.incident.phase(), Phase::Detected);
    assert_eq!(desk.incident.owner(), Some(&actor("zhang.min")));
    assert_eq!(
        desk.incident.occurred_at(),
        Some((at(2026, 3, 13, 22, 0), true))
    );

    desk.advance(25)
        .run(Command::AssignRole {
            role: Role::CommsLead,
            person: actor("li.na"),
        })
        .run(Command::AssignRole {
            role: Role::Legal,
            person: actor("wang.fang"),
        })
        .run(Command::AssignRole {
            role: Role::CustomerLiaison,
            person: actor("chen.jie"),
        })
        .run(evidence(
            "EV-1",
            "API gateway access logs 03-13..03-14",
            "forensics",
            at(2026, 3, 14, 1, 40),
            "evidence vault A",
            Some(SHA_A),
        ))
        .run(evidence(
            "EV-2",
            "Database audit log export",
            "forensics",
            at(2026, 3, 14, 1, 50),
            "evidence vault A",
            Some(SHA_B),
        ))
        .advance(20)
        .run(Command::RecordCustody(CustodyRecord {
            evidence_id: EvidenceId::new("EV-1").unwrap(),
            entry: CustodyEntry {
                action: CustodyAction::Transferred,
                by: actor("forensics"),
                at: at(2026, 3, 14, 1, 55),
                location: "external forensics firm, sealed drive".into(),
                digest: Some(ContentDigest::new(DigestAlgorithm::Sha256, SHA_A).unwrap()),
                note: Some("handed to investigators under NDA".into()),
            },
        }))
        .run(add_action(
            "C-1",
            ActionKind::Containment,
            "Isolate the customer database subnet",
            Some("ops.lead"),
            None,
            Some(Measure::IsolateSystems),
        ))
        .run(add_action(
            "C-2",
            ActionKind::Containment,
            "Revoke leaked API credentials",
            Some("ops.lead"),
            None,
            Some(Measure::RevokeCredentials),
        ))
        .run(add_action(
            "C-3",
            ActionKind::Containment,
            "Freeze withdrawals on affected accounts",
            Some("risk.lead"),
            None,
            Some(Measure::FreezeAccounts),
        ));

    // Contain is refused until a containment action is done, and names the open ones.
    let r = desk.reject(Command::Contain {
        contained_at: Some(desk.now),
    });
    assert_eq!(codes(&r), ["no_containment_done"]);
    assert!(r.to_string().contains("C-1, C-2, C-3"), "{r}");

    desk.advance(60).run(complete("C-1")).run(complete("C-3"));
    let contained_at = desk.now;
    desk.advance(10)
        .run(Command::Contain {
            contained_at: Some(contained_at),
        })
        .run(Command::SetSubStatus {
            sub_status: Some(SubStatus::new("monitoring for re-entry").unwrap()),
        })
        .run(Command::UpdateImpact {
            update: ImpactUpdate::default()
                .people_confirmed(31_204)
                .records(52_000),
            reason: Some("log analysis complete".into()),
        });
    assert_eq!(desk.incident.phase(), Phase::Contained);
    assert_eq!(desk.incident.contained_at(), Some(contained_at));
    assert_eq!(
        desk.incident.sub_status().map(SubStatus::as_str),
        Some("monitoring for re-entry")
    );

    // A notice without contact points cannot be approved; the rejection lists what is missing.
    desk.as_actor("li.na").run(draft(
        "N-1",
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &[Channel::Sms, Channel::Email],
        &[
            ContentElement::OccurredAt,
            ContentElement::AffectedScope,
            ContentElement::MeasuresTaken,
        ],
    ));
    let r = desk.as_actor("wang.fang").reject(approve("N-1"));
    desk.as_actor("li.na");
    assert_eq!(codes(&r), ["notice_incomplete"]);
    assert!(
        r.to_string()
            .contains("how_discovered, what_to_do, compensation_offer, contact_points"),
        "{r}"
    );
    // Disclosing on a draft is refused too.
    let r = desk.reject(Command::Disclose {
        basis: DisclosureBasis::PublicNotice {
            notice_id: NoticeId::new("N-1").unwrap(),
        },
    });
    assert_eq!(codes(&r), ["notice_status", "notice_incomplete"]);

    desk.run(Command::CancelNotice {
        notice_id: NoticeId::new("N-1").unwrap(),
        reason: "missing discovery and contact details".into(),
    })
    .run(complete_draft(
        "N-2",
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &[
            Channel::Sms,
            Channel::Email,
            Channel::InApp,
            Channel::WebsiteNotice,
        ],
    ))
    .as_actor("wang.fang")
    .advance(30)
    .run(approve("N-2"))
    .as_actor("li.na")
    .advance(5)
    .run(sent("N-2"))
    .run(Command::Disclose {
        basis: DisclosureBasis::PublicNotice {
            notice_id: NoticeId::new("N-2").unwrap(),
        },
    });
    assert_eq!(desk.incident.phase(), Phase::Disclosed);
    let n2 = &desk.incident.notices()[&NoticeId::new("N-2").unwrap()];
    assert_eq!(n2.status, NoticeStatus::Sent);
    assert_eq!(n2.approved_by, Some(actor("wang.fang")));
    assert_eq!(
        desk.incident.sub_status(),
        None,
        "entering a phase clears the sub-status"
    );

    // Remediate needs settled remediation work and a compensation decision.
    desk.as_actor("zhang.min");
    let r = desk.reject(Command::Remediate {});
    assert_eq!(codes(&r), ["compensation_undecided"]);
    desk.advance(24 * 60)
        .run(add_action(
            "R-1",
            ActionKind::Remediation,
            "Patch the exploited API deserialization flaw",
            Some("dev.lead"),
            None,
            Some(Measure::Patching),
        ))
        .run(add_action(
            "R-2",
            ActionKind::Remediation,
            "Force password reset for affected customers",
            Some("ops.lead"),
            None,
            Some(Measure::ResetPasswords),
        ))
        .run(add_action(
            "R-3",
            ActionKind::Remediation,
            "Migrate keys to a new HSM",
            Some("ops.lead"),
            None,
            None,
        ));
    let r = desk.reject(Command::Remediate {});
    assert_eq!(
        codes(&r),
        ["remediation_outstanding", "compensation_undecided"]
    );
    desk.run(complete("R-1"))
        .run(complete("R-2"))
        .run(Command::DeferAction {
            action_id: ActionId::new("R-3").unwrap(),
            reason: "HSM delivery in Q3; keys rotated meanwhile".into(),
        })
        .run(Command::open_compensation_program(
            ProgramId::new("CP-2026-03").unwrap(),
            &reference_platform_policy(),
            Some(Money::from_minor(200_000_000, Currency::CNY)),
        ))
        .run(Command::Remediate {});
    assert_eq!(desk.incident.phase(), Phase::Remediated);

    // Review needs findings, owned and dated prevention, and the resolution notice sent.
    desk.run(add_action(
        "P-1",
        ActionKind::Prevention,
        "Comprehensive security audit",
        None,
        None,
        Some(Measure::SecurityAudit),
    ));
    let r = desk.reject(Command::Review {});
    assert_eq!(
        codes(&r),
        [
            "no_findings",
            "prevention_without_owner",
            "prevention_without_due_date",
            "resolution_notice_not_sent",
            // The desk runs the CN regulation: every report it requires must be filed (or
            // waived with a legal basis) before review.
            "report_owed",
            "report_owed",
            "report_owed",
            "report_owed",
            "report_owed"
        ]
    );
    for (regime, report) in [
        ("cn-dsl-29", "competent-department"),
        ("cn-dsl-29", "users"),
        ("cn-pboc", "incident-report"),
        ("cn-pipl-57", "authority"),
        ("cn-pipl-57", "individuals"),
    ] {
        desk.run(Command::RecordFiling {
            regime: RegimeId::new(regime).unwrap(),
            report: ReportId::new(report).unwrap(),
            submitted_at: None,
            reference: None,
        });
    }
    let due = desk.now + chrono::Duration::days(60);
    desk.run(Command::UpdateAction(ActionChanges {
        action_id: ActionId::new("P-1").unwrap(),
        title: None,
        owner: Some(actor("ciso")),
        due: Some(due),
    }))
    .run(add_action(
        "P-2",
        ActionKind::Prevention,
        "External assessment by a security firm",
        Some("ciso"),
        Some(due),
        Some(Measure::ExternalAssessment),
    ))
    .run(add_action(
        "P-3",
        ActionKind::Prevention,
        "Anti-phishing training for all staff",
        Some("hr.lead"),
        Some(due),
        Some(Measure::StaffTraining),
    ))
    .run(add_action(
        "P-4",
        ActionKind::Prevention,
        "MFA for all customer logins",
        Some("dev.lead"),
        Some(due),
        Some(Measure::MultiFactorAuthentication),
    ))
    .run(finding(
        "F-1",
        FindingKind::RootCause,
        Some(RootCause::UnpatchedVulnerability),
        "An unpatched API flaw allowed record enumeration",
        &["EV-1", "EV-2"],
    ))
    .run(finding(
        "F-2",
        FindingKind::WentWell,
        None,
        "Withdrawals were frozen within two hours",
        &[],
    ))
    .run(complete_draft(
        "N-3",
        MessageKind::ResolutionNotice,
        Audience::AffectedCustomers,
        &[Channel::Email],
    ))
    .run_by("wang.fang", approve("N-3"))
    .run(sent("N-3"));
    desk
}
