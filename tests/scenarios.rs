//! The two seed cases driven from detection to closure through the public API, and a
//! dismissed false positive.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod seeds;

use incident::bundle::*;
use incident::id::*;
use incident::*;

use driver::*;
use seeds::platform_theft::platform_theft_until_review;
use seeds::securities_takeover::securities_takeover_until_review;

/// Seed 1: customer data and funds stolen from a payments platform (the B特派 case).
#[test]
fn platform_customer_data_theft_from_detection_to_closure() {
    let mut desk = platform_theft_until_review();
    desk.run(Command::Review {}).run(Command::Close {});
    assert_eq!(desk.incident.phase(), Phase::Closed);

    // Phase stamps give every transition time, in order.
    let phases: Vec<Phase> = desk
        .incident
        .stamps()
        .iter()
        .filter(|s| s.sub_status.is_none())
        .map(|s| s.phase)
        .collect();
    assert_eq!(
        phases,
        [
            Phase::Detected,
            Phase::Contained,
            Phase::Disclosed,
            Phase::Remediated,
            Phase::Reviewed,
            Phase::Closed
        ]
    );
    assert!(
        desk.incident.entered_at(Phase::Contained) < desk.incident.entered_at(Phase::Disclosed)
    );
    assert_eq!(
        desk.incident.evidence()[&EvidenceId::new("EV-1").unwrap()]
            .custody
            .len(),
        2
    );

    // Nothing is accepted after Closed.
    let r = desk.reject(Command::AddNote {
        text: "late".into(),
    });
    assert!(
        matches!(&r.unmet[..], [Unmet::WrongPhase { phase: Phase::Closed, allowed }] if allowed.is_empty())
    );

    desk.assert_replays();
    let bundle = EvidenceBundle::export(desk.log.envelopes()).unwrap();
    assert_eq!(bundle.verify().unwrap(), desk.incident.head());
    let json = serde_json::to_string(&bundle).unwrap();
    let back: EvidenceBundle = serde_json::from_str(&json).unwrap();
    assert_eq!(back.verify().unwrap().sequence, desk.incident.version());
}

/// Seed 2: a securities firm's client accounts taken over and funds moved.
#[test]
fn securities_firm_client_account_breach_from_detection_to_closure() {
    let mut desk = securities_takeover_until_review();
    desk.run(Command::Review {}).run(Command::Close {});
    assert_eq!(desk.incident.phase(), Phase::Closed);
    desk.assert_replays();
}

/// A fraud-detection alert that turns out to be a load test: dismissed with a rationale.
#[test]
fn false_positive_is_dismissed_and_frozen() {
    let declare = Declare::new(
        id(3),
        IncidentKind::FundsTheft,
        "Burst of withdrawals flagged",
    )
    .detection(DetectionSource::FraudDetection, at(2026, 7, 1, 9, 0))
    .severity(Severity::Sev2)
    .owner(actor("risk.oncall"));
    let mut desk = Desk::declare(declare, at(2026, 7, 1, 9, 5), "risk.oncall");
    let r = desk.reject(Command::Dismiss {
        rationale: "  ".into(),
    });
    assert_eq!(codes(&r), ["empty_text"]);
    desk.advance(30)
        .run(Command::AddNote {
            text: "Withdrawals traced to the treasury team's scheduled load test".into(),
        })
        .run(Command::Dismiss {
            rationale: "Scheduled load test by treasury; no customer funds moved".into(),
        });
    assert_eq!(desk.incident.phase(), Phase::Dismissed);
    assert_eq!(
        desk.incident.dismissal(),
        Some("Scheduled load test by treasury; no customer funds moved")
    );
    let r = desk.reject(Command::ChangeSeverity {
        severity: Severity::Sev4,
        reason: "dismissed".into(),
    });
    assert_eq!(r.to_string(), "cannot change_severity an incident in phase dismissed: the incident is finished and accepts no more commands (accepted now: none)");
    desk.assert_replays();
}

/// A drill runs the same machine and is marked as such in the state and the log.
#[test]
fn exercise_flag_is_recorded() {
    let declare = Declare::new(
        id(4),
        IncidentKind::Ransomware,
        "Tabletop: ransomware on the back office",
    )
    .detection(DetectionSource::ActorDisclosure, at(2026, 9, 1, 8, 0))
    .severity(Severity::Sev2)
    .owner(actor("drill.lead"))
    .exercise(true);
    let desk = Desk::declare(declare, at(2026, 9, 1, 8, 0), "drill.lead");
    assert!(desk.incident.is_exercise());
    assert!(matches!(desk.log.envelopes()[0].event(), Event::IncidentDeclared(d) if d.exercise));
}
