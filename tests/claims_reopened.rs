//! When the customer does not accept the outcome (issue #21): a rejected or paid claim
//! reopened on new evidence under the pinned policy, the earlier decision kept on record
//! and a paid claim's new offer a top-up; appeals and complaints recorded with their
//! channel (internal, CSRC 12386, mediation, court) and outcome; and a reopening whose
//! figure was edited (re-sealed) that does not replay.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use driver::{claim_id as id, cny, codes, program, Desk};
use incident::chain::write_json_lines;
use incident::compensation::*;
use incident::id::*;
use incident::*;

/// A claim of customer `customer` with `verified` fen verified (the securities policy pays
/// it in full), or none verified when `verified` is zero (goodwill only).
fn claim(customer: &str, reported: i64, verified: i64) -> Claim {
    let evidence = if verified > 0 {
        EvidenceStrength::Verified
    } else {
        EvidenceStrength::Unverified
    };
    let mut builder = Claim::builder(
        CustomerRef::new(customer).unwrap(),
        Tier::Standard,
        cny(reported),
        evidence,
    );
    if verified > 0 {
        builder = builder.verified_loss(cny(verified));
    }
    builder.build().unwrap()
}

/// A programme under the reference securities policy (¥1,000,000 budget) run by
/// `comp.officer`, with claim CL-1 assessed from `first`.
fn desk(first: &Claim) -> Desk {
    let mut desk = driver::compensation_desk(23, &reference_securities_policy());
    desk.advance(5).run(Command::record_claim_assessment(
        program(),
        id("CL-1"),
        first,
    ));
    desk
}

fn offer(amount: i64) -> Command {
    Command::OfferSettlement {
        claim_id: id("CL-1"),
        amount: cny(amount),
        remedies: vec![],
        valid_until: None,
    }
}

/// Reviewed by `reviewer` when the policy flagged it, then offered, accepted, settled
/// (claims.lead) and paid (payments.clerk) `amount` on CL-1.
fn pay_out(desk: &mut Desk, amount: i64) {
    review_if_flagged(desk);
    desk.run(offer(amount))
        .run(Command::RecordClaimResponse {
            claim_id: id("CL-1"),
            response: ClaimResponse::Accepted {},
        })
        .run_by(
            "claims.lead",
            Command::SettleClaim {
                claim_id: id("CL-1"),
            },
        )
        .run_by(
            "payments.clerk",
            Command::RecordClaimPaid {
                claim_id: id("CL-1"),
                paid_at: None,
                amount: cny(amount),
                payment_reference: format!("TX-{amount}"),
            },
        );
}

fn review_if_flagged(desk: &mut Desk) {
    if desk.incident.claims()[&id("CL-1")].awaits_review() {
        desk.run_by(
            "reviewer",
            Command::RecordClaimReview {
                claim_id: id("CL-1"),
                note: "statements checked".into(),
            },
        );
    }
}

fn reopen(claim: &Claim) -> Command {
    Command::ReopenClaim {
        claim_id: id("CL-1"),
        claim: Box::new(claim.clone()),
        new_evidence: "bank statement showing the ¥3,000 transfer".into(),
    }
}

/// Abuse: a paid claim reopened to pay the whole entitlement again, or a desk that
/// forgets the first decision. The new evidence is assessed by the pinned policy, the
/// earlier decision and payment stay on record, and the new offer is a top-up that still
/// counts the first payment against the per-customer cap and the budget.
#[test]
fn a_paid_claim_reopened_on_new_evidence_is_owed_a_top_up() {
    let first = claim("C-1", 300_000, 100_000);
    let mut desk = desk(&first);
    pay_out(&mut desk, 100_000);
    let revised = claim("C-1", 300_000, 300_000);
    desk.advance(60).run(reopen(&revised));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Assessed);
    assert_eq!(case.assessment.cash, cny(300_000));
    assert_eq!(case.claim.as_ref(), Some(&revised));
    assert_eq!(case.earlier.len(), 1);
    let earlier = &case.earlier[0];
    assert_eq!(earlier.status, ClaimStatus::Paid);
    assert_eq!(earlier.assessment.cash, cny(100_000));
    assert_eq!(earlier.claim.as_ref(), Some(&first));
    assert_eq!(earlier.settled, Some(cny(100_000)));
    assert_eq!(
        earlier.payment.as_ref().map(|p| p.amount),
        Some(cny(100_000))
    );
    assert_eq!(case.due(), cny(200_000));
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(
        (
            totals.assessed,
            totals.settled,
            totals.paid,
            totals.reserved
        ),
        (cny(300_000), cny(100_000), cny(100_000), cny(100_000))
    );
    assert_eq!(totals.by_status.assessed, 1);
    assert_eq!(totals.by_status.paid, 0);
    // The top-up is at least the new entitlement less what was paid.
    assert_eq!(
        codes(&desk.reject(offer(150_000))),
        ["offer_below_entitlement"]
    );
    pay_out(&mut desk, 200_000);
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!((totals.settled, totals.paid), (cny(300_000), cny(300_000)));
    desk.assert_replays();
}

/// The per-customer cap counts what a reopened claim was paid before.
#[test]
fn a_top_up_stays_within_the_cap_with_what_was_paid_before() {
    let cap = reference_securities_policy().customer_cap().amount_minor();
    let mut desk = desk(&claim("C-1", cap, cap - 100_000));
    pay_out(&mut desk, cap - 100_000);
    desk.run(reopen(&claim("C-1", cap, cap)));
    assert_eq!(desk.incident.claims()[&id("CL-1")].due(), cny(100_000));
    review_if_flagged(&mut desk);
    assert_eq!(codes(&desk.reject(offer(200_000))), ["above_customer_cap"]);
    desk.run(offer(100_000));
}

/// Abuse: a reopening that changes whose claim it is, or reopens an open claim.
#[test]
fn only_a_rejected_or_paid_claim_of_the_same_customer_is_reopened() {
    let first = claim("C-1", 300_000, 0);
    let mut desk = desk(&first);
    assert_eq!(
        codes(&desk.reject(reopen(&claim("C-1", 300_000, 300_000)))),
        ["claim_status"]
    );
    desk.run(Command::RejectClaim {
        claim_id: id("CL-1"),
        reason: "no evidence of a loss".into(),
    });
    let r = desk.reject(reopen(&claim("C-2", 300_000, 300_000)));
    assert_eq!(codes(&r), ["invalid"]);
    assert!(
        r.unmet[0].to_string().contains("customer C-1's"),
        "{}",
        r.unmet[0]
    );
    let blank = Command::ReopenClaim {
        claim_id: id("CL-1"),
        claim: Box::new(claim("C-1", 300_000, 300_000)),
        new_evidence: "".into(),
    };
    assert_eq!(codes(&desk.reject(blank)), ["empty_text"]);
    desk.run(reopen(&claim("C-1", 300_000, 300_000)));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.earlier[0].status, ClaimStatus::Rejected);
    assert_eq!(
        case.earlier[0].reason.as_deref(),
        Some("no evidence of a loss")
    );
    assert_eq!(case.reason, None);
    desk.assert_replays();
}

/// A complaint through 12386 and a mediation are recorded with their channel and outcome;
/// one pending appeal per channel, and an outcome only for a pending one.
#[test]
fn appeals_are_recorded_with_their_channel_and_outcome() {
    let mut desk = desk(&claim("C-1", 300_000, 100_000));
    pay_out(&mut desk, 100_000);
    let complaint = Command::RecordClaimAppeal {
        claim_id: id("CL-1"),
        channel: AppealChannel::Csrc12386,
        reference: "12386 complaint 2026-0419".into(),
    };
    let outcome = |channel, outcome| Command::RecordAppealOutcome {
        claim_id: id("CL-1"),
        channel,
        outcome,
        note: "the decision stands: the unverified part is not covered".into(),
    };
    assert_eq!(
        codes(&desk.reject(outcome(AppealChannel::Csrc12386, AppealOutcome::Upheld))),
        ["no_change"]
    );
    desk.run(complaint.clone());
    assert_eq!(codes(&desk.reject(complaint)), ["no_change"]);
    desk.run(Command::RecordClaimAppeal {
        claim_id: id("CL-1"),
        channel: AppealChannel::Mediation,
        reference: "中证资本市场法律服务中心, case 2026-118".into(),
    });
    desk.run(outcome(AppealChannel::Csrc12386, AppealOutcome::Upheld));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.appeals.len(), 2);
    assert_eq!(case.appeals[0].outcome, Some(AppealOutcome::Upheld));
    assert_eq!(case.appeals[1].outcome, None);
    assert_eq!(
        case.pending_appeal(AppealChannel::Mediation),
        Some(&case.appeals[1])
    );
    // The incident cannot end while the mediation has no outcome: nothing could record it
    // after Close or Dismiss.
    let dismiss = || Command::Dismiss {
        rationale: "the takeovers were a test by the bank's red team".into(),
    };
    let r = desk.reject(dismiss());
    assert!(codes(&r).contains(&"appeal_pending".to_owned()), "{r}");
    assert!(r.to_string().contains("CL-1"), "{r}");
    // The mediation varies the decision: the desk reopens the claim on the evidence it saw.
    desk.run(outcome(AppealChannel::Mediation, AppealOutcome::Varied));
    // Decided, not run: the claim goes on below.
    if let Err(r) = desk.incident.execute(&dismiss(), &desk.ctx()) {
        assert!(!codes(&r).contains(&"appeal_pending".to_owned()), "{r}");
    }
    desk.run(reopen(&claim("C-1", 300_000, 200_000)));
    assert_eq!(desk.incident.claims()[&id("CL-1")].due(), cny(100_000));
    desk.assert_replays();
}

/// Abuse: a forger edits the reopened assessment (a larger figure) and re-seals the log.
#[test]
fn an_edited_reopening_does_not_replay() {
    let mut desk = desk(&claim("C-1", 300_000, 100_000));
    pay_out(&mut desk, 100_000);
    desk.run(reopen(&claim("C-1", 300_000, 200_000)));
    let mut lines: Vec<serde_json::Value> = write_json_lines(desk.log.envelopes())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let last = lines.last_mut().unwrap();
    assert_eq!(last["event"]["type"], "claim_reopened");
    last["event"]["assessment"]["cash"]["amount_minor"] = 2_000_000.into();
    let text: String = driver::reseal(lines)
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    let err = Incident::replay_json_lines(text.as_bytes(), &ReplayOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("does not reproduce"), "{err}");
    assert!(err.contains("¥20,000.00"), "{err}");
}
