//! Seed 2: a securities firm whose clients' accounts were taken over by credential
//! stuffing (declared Sev1, lowered to Sev2; a media holding statement before the customer
//! notice; compensation under the reference securities policy).

use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::*;

use crate::driver::commands::*;
use crate::driver::*;

/// Seed 2 (the securities firm) from detection up to the Review, with its assertions.
pub(crate) fn securities_takeover_until_review() -> Desk {
    let mut impact = Impact::default();
    impact.people.estimated = Some(1_200);
    impact
        .data_categories
        .extend([DataCategory::Credentials, DataCategory::TransactionHistory]);
    impact.funds_involved = Some(Money::from_minor(340_000_000, Currency::CNY));
    let declare = Declare::new(id(2), IncidentKind::AccountTakeover, "客户证券账户被盗用")
        .detection(DetectionSource::CustomerReport, at(2026, 5, 6, 2, 15))
        .severity(Severity::Sev1)
        .owner(actor("crisis.lead"))
        .impact(impact);
    let mut desk = Desk::declare(declare, at(2026, 5, 6, 2, 20), "hotline.agent");
    assert_eq!(desk.incident.assessed_severity().severity, Severity::Sev2);
    assert_eq!(
        desk.incident.severity(),
        Severity::Sev1,
        "declaring worse than the rule is free"
    );

    // Review before remediation is out of order.
    let r = desk.reject(Command::Review {});
    assert!(
        r.to_string().contains("not accepted in phase detected"),
        "{r}"
    );

    desk.advance(15)
        .run(add_action(
            "C-1",
            ActionKind::Containment,
            "Freeze the 1,200 affected accounts",
            Some("ops"),
            None,
            Some(Measure::FreezeAccounts),
        ))
        .run(add_action(
            "C-2",
            ActionKind::Containment,
            "Block attacker IP ranges",
            Some("secops"),
            None,
            Some(Measure::BlockIndicators),
        ))
        .advance(10)
        .run(complete("C-1"));
    let r = desk.reject(Command::Contain { contained_at: None });
    assert_eq!(codes(&r), ["missing"]);
    assert!(r.to_string().contains("contained_at is missing"), "{r}");
    let r = desk.reject(Command::Contain {
        contained_at: Some(at(2026, 5, 6, 1, 0)),
    });
    assert_eq!(codes(&r), ["time_order"], "containment before detection");
    let contained = desk.now;
    desk.run(Command::Contain {
        contained_at: Some(contained),
    })
    .advance(45)
    .run(Command::UpdateImpact {
        update: ImpactUpdate::default().people_confirmed(860),
        reason: Some("trade-log reconciliation".into()),
    })
    .run(Command::ChangeSeverity {
        severity: Severity::Sev2,
        reason: "scope confirmed at 860 accounts; all frozen".into(),
    })
    // Media holding statement first, then the customer notice (快速反应、透明公开).
    .as_actor("pr.lead")
    .run(complete_draft(
        "M-1",
        MessageKind::HoldingStatement,
        Audience::Media,
        &[Channel::PressRelease],
    ))
    .run_by("crisis.lead", approve("M-1"))
    .run(sent("M-1"))
    .run(complete_draft(
        "N-1",
        MessageKind::InitialNotice,
        Audience::AllCustomers,
        &[Channel::WebsiteNotice, Channel::InApp],
    ))
    .run_by("crisis.lead", approve("N-1"));
    // A holding statement is not a customer disclosure.
    let r = desk.reject(Command::Disclose {
        basis: DisclosureBasis::PublicNotice {
            notice_id: NoticeId::new("M-1").unwrap(),
        },
    });
    assert_eq!(codes(&r), ["not_a_disclosure_notice"]);
    desk.run(Command::Disclose {
        basis: DisclosureBasis::PublicNotice {
            notice_id: NoticeId::new("N-1").unwrap(),
        },
    });
    assert_eq!(desk.incident.severity_changes().len(), 1);
    assert_eq!(desk.incident.severity(), Severity::Sev2);

    desk.as_actor("crisis.lead")
        .advance(3 * 24 * 60)
        .run(add_action(
            "R-1",
            ActionKind::Remediation,
            "Reset credentials and re-verify identity of affected clients",
            Some("ops"),
            None,
            Some(Measure::ResetPasswords),
        ))
        .run(complete("R-1"))
        .run(Command::open_compensation_program(
            ProgramId::new("SEC-COMP-1").unwrap(),
            &reference_securities_policy(),
            None,
        ));
    let r = desk.reject(Command::DeclareCompensationNotApplicable {
        reason: "n/a".into(),
    });
    assert_eq!(codes(&r), ["compensation_program_open"]);
    let due = desk.now + chrono::Duration::days(90);
    desk.run(Command::Remediate {})
        .run(add_action(
            "P-1",
            ActionKind::Prevention,
            "MFA for all trading logins",
            Some("it.lead"),
            Some(due),
            Some(Measure::MultiFactorAuthentication),
        ))
        .run(add_action(
            "P-2",
            ActionKind::Prevention,
            "Quarterly incident drills",
            Some("crisis.lead"),
            Some(due),
            Some(Measure::IncidentDrills),
        ))
        .run(finding(
            "F-1",
            FindingKind::RootCause,
            Some(RootCause::CredentialStuffing),
            "Reused passwords from a third-party leak",
            &[],
        ))
        .run(complete_draft(
            "N-2",
            MessageKind::ResolutionNotice,
            Audience::AffectedCustomers,
            &[Channel::Email, Channel::Letter],
        ))
        .run_by("pr.lead", approve("N-2"))
        .run(sent("N-2"));
    desk
}
