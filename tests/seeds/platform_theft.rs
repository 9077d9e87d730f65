//! Seed 1, the B特派 case: a payments platform whose customer records were exfiltrated and
//! whose customers' funds were withdrawn (Sev1 in CN; root cause an unpatched
//! vulnerability; compensation under the reference platform policy).

use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::*;

use crate::driver::commands::*;
use crate::driver::*;

/// Content digests the evidence carries (SHA-256 of "test" and of "test2").
const SHA_A: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const SHA_B: &str = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

/// Seed 1 (the B特派 case) from detection up to the Review: every step the scenario test checks, with its assertions.
pub(crate) fn platform_theft_until_review() -> Desk {
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
            "resolution_notice_not_sent"
        ]
    );
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
