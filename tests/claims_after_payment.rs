//! After payment (issue #21): a paid amount reversed by two people and paid again, a
//! reversal withdrawn, money a customer never collects declared unclaimed after the
//! policy's period and held for them, then paid out when claimed; an incident that cannot
//! finish with a reversal unresolved; and edited (re-sealed) figures that do not replay.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use driver::{claim_id as id, cny, codes, program, Desk};
use incident::compensation::*;
use incident::id::*;
use incident::*;

const DAY: i64 = 24 * 60;

/// The reference policies' unclaimed period, from version 2, in days.
const PERIOD: i64 = 180;

/// The reference securities policy: its latest version, which states 180 days after which
/// money is unclaimed, when `unclaimed` is set; else version 1, which states none.
fn policy(unclaimed: bool) -> Policy {
    if unclaimed {
        reference_securities_policy()
    } else {
        reference_policy(&PolicyRef {
            id: PolicyId::new("securities-firm").unwrap(),
            version: 1,
        })
        .unwrap()
    }
}

/// A programme (¥1,000,000 budget) under `policy`, run by `comp.officer`, with claim CL-1
/// (a verified ¥1,000 loss) offered, accepted, settled by `claims.lead` and paid by
/// `payments.clerk`.
fn paid_claim(policy: &Policy) -> Desk {
    let mut desk = driver::compensation_desk(22, policy);
    let claim = Claim::builder(
        CustomerRef::new("C-1").unwrap(),
        Tier::Standard,
        cny(100_000),
        EvidenceStrength::Verified,
    )
    .verified_loss(cny(100_000))
    .build()
    .unwrap();
    desk.advance(5)
        .run(Command::record_claim_assessment(
            program(),
            id("CL-1"),
            &claim,
        ))
        .run(Command::OfferSettlement {
            claim_id: id("CL-1"),
            amount: cny(100_000),
            remedies: vec![],
            valid_until: None,
        })
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
        .run_by("payments.clerk", pay());
    desk
}

fn pay() -> Command {
    Command::RecordClaimPaid {
        claim_id: id("CL-1"),
        paid_at: None,
        amount: cny(100_000),
        payment_reference: "TX-CL-1".into(),
    }
}

fn request() -> Command {
    Command::RequestPaymentReversal {
        claim_id: id("CL-1"),
        reason: ReversalReason::ReturnedByBank,
        note: "returned three days after crediting: the account was closed".into(),
    }
}

fn confirm() -> Command {
    Command::ConfirmPaymentReversal {
        claim_id: id("CL-1"),
    }
}

fn declare_unclaimed() -> Command {
    Command::DeclareClaimUnclaimed {
        claim_id: id("CL-1"),
        held_at: "client-money ledger 2210, unclaimed compensation".into(),
    }
}

fn dismiss() -> Command {
    Command::Dismiss {
        rationale: "the takeovers were a test by the bank's red team".into(),
    }
}

/// Abuse: one person books money back out of the paid total alone. A reversal is
/// requested by one person and confirmed by another; the claim is then owed again and the
/// budget still holds it.
#[test]
fn a_returned_payment_is_reversed_by_two_people_and_paid_again() {
    let mut desk = paid_claim(&policy(false));
    desk.advance(60).run(request());
    // Nothing moved yet: still paid, and a second request is refused.
    assert_eq!(desk.incident.claim_totals().unwrap().paid, cny(100_000));
    assert_eq!(codes(&desk.reject(request())), ["payment_reversal_pending"]);
    // A failed payment or a dispute now would leave the reversal unresolvable.
    let failed = Command::RecordClaimPaymentFailed {
        claim_id: id("CL-1"),
        reason: "returned".into(),
    };
    assert_eq!(codes(&desk.reject(failed)), ["payment_reversal_pending"]);
    let r = desk.reject(confirm());
    assert_eq!(codes(&r), ["four_eyes"]);
    assert_eq!(
        r.unmet[0].to_string(),
        "comp.officer requested the reversal of the payment of claim CL-1 and may not also \
         confirm the reversal of it: ask another person"
    );
    desk.run_by("treasury", confirm());
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Settled);
    assert_eq!(case.payment, None);
    assert_eq!(case.reversals.len(), 1);
    assert_eq!(case.reversals[0].payment.reference, "TX-CL-1");
    assert_eq!(case.reversals[0].reason, ReversalReason::ReturnedByBank);
    assert!(matches!(
        &case.reversals[0].outcome,
        Some(ReversalOutcome::Confirmed { by, .. }) if by.as_str() == "treasury"
    ));
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(totals.paid, cny(0));
    assert_eq!(totals.reserved, cny(100_000));
    assert_eq!(totals.outstanding().unwrap(), cny(100_000));
    // Nothing is pending any more.
    assert_eq!(
        codes(&desk.reject_by("treasury", confirm())),
        ["claim_status"]
    );
    desk.run_by("payments.clerk", pay());
    assert_eq!(desk.incident.claim_totals().unwrap().paid, cny(100_000));
    desk.assert_replays();
}

/// A reversal the bank cancelled is withdrawn: the payment stands.
#[test]
fn a_withdrawn_reversal_leaves_the_payment_standing() {
    let mut desk = paid_claim(&policy(false));
    let withdraw = Command::WithdrawPaymentReversal {
        claim_id: id("CL-1"),
        reason: "the bank cancelled its return".into(),
    };
    assert_eq!(codes(&desk.reject(withdraw.clone())), ["no_change"]);
    assert_eq!(codes(&desk.reject_by("treasury", confirm())), ["no_change"]);
    desk.run(request()).run(withdraw);
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Paid);
    assert!(case.pending_reversal().is_none());
    assert!(matches!(
        &case.reversals[0].outcome,
        Some(ReversalOutcome::Withdrawn { reason, .. }) if reason == "the bank cancelled its return"
    ));
    assert_eq!(desk.incident.claim_totals().unwrap().paid, cny(100_000));
    desk.run(dismiss());
    desk.assert_replays();
}

/// Abuse: an incident dismissed while a payment is being reversed, or while the money it
/// owes sits nowhere on record. Money the customer never collected is acceptable once it is
/// declared unclaimed, after the policy's period, by someone other than the settler, with
/// where it is held.
#[test]
fn dismiss_waits_for_a_pending_reversal_and_accepts_money_held_as_unclaimed() {
    let mut desk = paid_claim(&policy(true));
    desk.advance(60).run(request());
    let r = desk.reject(dismiss());
    assert_eq!(codes(&r), ["payment_reversal_pending"]);
    assert_eq!(
        r.unmet[0].to_string(),
        "a reversal of the payment is pending on CL-1: have another person confirm it \
         (ConfirmPaymentReversal) or withdraw it (WithdrawPaymentReversal) first"
    );
    desk.run_by("treasury", confirm());
    assert_eq!(codes(&desk.reject(dismiss())), ["claims_unpaid"]);
    // The period runs from the reversal, not from the settlement.
    let reversed_at = desk.now;
    desk.advance(PERIOD * DAY - 1);
    let r = desk.reject(declare_unclaimed());
    assert_eq!(codes(&r), ["unclaimed_too_early"]);
    assert!(
        r.unmet[0]
            .to_string()
            .contains(&format!("payable only since {reversed_at}")),
        "{}",
        r.unmet[0]
    );
    desk.advance(1);
    // The person who settled does not also put the money aside.
    assert_eq!(
        codes(&desk.reject_by("claims.lead", declare_unclaimed())),
        ["four_eyes"]
    );
    let blank = Command::DeclareClaimUnclaimed {
        claim_id: id("CL-1"),
        held_at: " ".into(),
    };
    assert_eq!(codes(&desk.reject(blank)), ["empty_text"]);
    desk.run(declare_unclaimed());
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Unclaimed);
    let held = case.unclaimed.as_ref().unwrap();
    assert_eq!(
        (held.amount, held.payable_since, held.held_at.as_str()),
        (
            cny(100_000),
            reversed_at,
            "client-money ledger 2210, unclaimed compensation"
        )
    );
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(totals.unclaimed, Some(cny(100_000)));
    assert_eq!(totals.by_status.unclaimed, 1);
    assert_eq!(totals.reserved, cny(100_000));
    desk.run(dismiss());
    desk.assert_replays();
}

/// The customer turns up after the money was declared unclaimed: it is paid out, and the
/// declaration stays on record.
#[test]
fn unclaimed_money_is_paid_out_when_the_customer_claims_it() {
    let mut desk = paid_claim(&policy(true));
    desk.run(Command::RecordClaimPaymentFailed {
        claim_id: id("CL-1"),
        reason: "rejected by the bank: account closed".into(),
    });
    desk.advance(PERIOD * DAY).run(declare_unclaimed());
    desk.advance(DAY).run_by("payments.clerk", pay());
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Paid);
    assert!(case.unclaimed.is_some());
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!((totals.unclaimed, totals.paid), (None, cny(100_000)));
    assert_eq!(totals.by_status.unclaimed, 0);
    desk.assert_replays();
}

/// A policy that states no period: nothing under it is declared unclaimed.
#[test]
fn without_a_stated_period_nothing_is_declared_unclaimed() {
    let mut desk = paid_claim(&policy(false));
    desk.run(Command::RecordClaimPaymentFailed {
        claim_id: id("CL-1"),
        reason: "rejected by the bank: account closed".into(),
    });
    desk.advance(365 * DAY);
    let r = desk.reject(declare_unclaimed());
    assert_eq!(codes(&r), ["invalid"]);
    assert!(r.unmet[0]
        .to_string()
        .contains("policy securities-firm@v1 states no period after which money is unclaimed"));
}

/// A programme opened under version 1 of the reference policy, which states no period,
/// is amended to version 2, which does: from then on its settled money can be declared
/// unclaimed, the period counted from when it became payable. The amendment is pinned.
#[test]
fn a_programme_under_version_1_amended_to_version_2_can_declare_money_unclaimed() {
    let mut desk = paid_claim(&policy(false));
    desk.run(Command::RecordClaimPaymentFailed {
        claim_id: id("CL-1"),
        reason: "rejected by the bank: account closed".into(),
    });
    let failed_at = desk.now;
    desk.advance(PERIOD * DAY);
    assert_eq!(codes(&desk.reject(declare_unclaimed())), ["invalid"]);
    let latest = reference_securities_policy();
    desk.run(Command::AmendCompensationProgram {
        program_id: program(),
        budget: None,
        claims_close_at: None,
        policy: Some(Box::new(latest.clone())),
        reason: "adopt the reference policy's unclaimed period (v2)".into(),
    });
    assert!(matches!(
        desk.incident.compensation(),
        CompensationStance::ProgramOpened { pin: Some(pin), .. } if *pin == latest.pin().unwrap()
    ));
    desk.run(declare_unclaimed());
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Unclaimed);
    assert_eq!(case.unclaimed.as_ref().unwrap().payable_since, failed_at);
    // The claim keeps the version it was assessed under.
    assert_eq!(case.assessment.policy.version, 1);
    desk.assert_replays();
}

/// The JSON Lines of the desk's log, one value a line.
fn lines(desk: &Desk) -> Vec<serde_json::Value> {
    driver::log_lines(desk)
}

fn replay_error(lines: Vec<serde_json::Value>) -> String {
    driver::resealed_replay_error(lines)
}

fn find(lines: &[serde_json::Value], kind: &str) -> usize {
    lines
        .iter()
        .position(|l| l["event"]["type"] == kind)
        .unwrap()
}

/// Abuse: a forger holding the log edits a reversal or an unclaimed declaration and
/// re-seals the chain: a larger amount reversed, a confirmation by the requester, a held
/// amount other than the settlement, an earlier payable-since date that makes the period
/// look run. None replays.
#[test]
fn edited_reversal_and_unclaimed_figures_do_not_replay() {
    let mut desk = paid_claim(&policy(true));
    desk.run(request()).run_by("treasury", confirm());
    desk.advance(PERIOD * DAY).run(declare_unclaimed());
    desk.assert_replays();
    let log = lines(&desk);
    let confirmed = find(&log, "payment_reversal_confirmed");
    let declared = find(&log, "claim_declared_unclaimed");

    let mut forged = log.clone();
    forged[confirmed]["event"]["amount"]["amount_minor"] = 900_000.into();
    let err = replay_error(forged);
    assert!(
        err.contains(
            "payment_reversal_confirmed, recorded by treasury, is not what its command decides"
        ) && err.contains("amount.amount_minor: stored 900000, decided 100000"),
        "{err}"
    );

    let mut forged = log.clone();
    let requester = forged[find(&log, "payment_reversal_requested")]["actor"].clone();
    assert_eq!(requester, "comp.officer");
    forged[confirmed]["actor"] = requester;
    let err = replay_error(forged);
    assert!(
        err.contains("comp.officer requested the reversal of the payment of claim CL-1 and may not also confirm the reversal of it"),
        "{err}"
    );

    let mut forged = log.clone();
    forged[declared]["event"]["amount"]["amount_minor"] = 1_000.into();
    let err = replay_error(forged);
    assert!(
        err.contains("amount.amount_minor: stored 1000, decided 100000"),
        "{err}"
    );

    let mut forged = log;
    forged[declared]["event"]["payable_since"] = "2026-01-01T00:00:00Z".into();
    let err = replay_error(forged);
    assert!(
        err.contains("payable_since: stored \"2026-01-01T00:00:00Z\""),
        "{err}"
    );
}

/// Abuse: a forger removes the settlement (or the offer) from the log and re-seals the
/// chain, so the claim is paid straight from an earlier status: the payment's guard, asked
/// again at replay, refuses it and names the status. A customer's acceptance copied after
/// the payment (an event replay does not decide again) is refused by the claim's
/// transitions, naming both statuses.
#[test]
fn a_payment_of_a_claim_nobody_settled_does_not_replay() {
    let desk = paid_claim(&policy(true));
    let log = lines(&desk);
    let renumber = |mut lines: Vec<serde_json::Value>| {
        for (i, line) in lines.iter_mut().enumerate() {
            line["sequence"] = (i as u64 + 1).into();
        }
        lines
    };

    let mut forged = log.clone();
    forged.remove(find(&log, "claim_settled"));
    let err = replay_error(renumber(forged));
    assert!(
        err.contains("claim CL-1 is accepted; this needs it to be settled or unclaimed"),
        "{err}"
    );

    let mut forged = log.clone();
    let offered = find(&log, "settlement_offered");
    forged.drain(offered..offered + 2);
    let err = replay_error(renumber(forged));
    assert!(
        err.contains("claim_settled, recorded by")
            && err.contains("claim CL-1 is assessed; this needs it to be accepted"),
        "{err}"
    );

    let mut forged = log.clone();
    let accepted = log[find(&log, "claim_response_recorded")].clone();
    forged.push(accepted);
    let err = replay_error(renumber(forged));
    assert!(
        err.contains("moves claim CL-1 from paid to accepted, which no command does"),
        "{err}"
    );
}

/// Abuse: a forger makes one person take both steps the four-eyes rule keeps apart, by
/// changing the `actor` of a line and re-sealing the chain: the officer who offered also
/// settles, or the lead who settled also records the payment. Replay asks the step's guard
/// again, as that actor at that time, and refuses the line naming both steps.
#[test]
fn one_person_taking_both_steps_does_not_replay() {
    let log = lines(&paid_claim(&policy(true)));
    let offered = find(&log, "settlement_offered");
    let settled = find(&log, "claim_settled");
    let paid = find(&log, "claim_paid");
    assert_eq!(log[offered]["actor"], "comp.officer");
    assert_eq!(log[settled]["actor"], "claims.lead");

    let mut forged = log.clone();
    forged[settled]["actor"] = "comp.officer".into();
    let err = replay_error(forged);
    assert!(
        err.contains("claim_settled, recorded by comp.officer, is not what its command decides")
            && err.contains("comp.officer offered claim CL-1 and may not also settle it"),
        "{err}"
    );

    let mut forged = log.clone();
    forged[paid]["actor"] = "claims.lead".into();
    let err = replay_error(forged);
    assert!(
        err.contains("claims.lead settled claim CL-1 and may not also record the payment of it"),
        "{err}"
    );

    // A third person for either step replays: the rule is about the pair, not the names.
    let mut forged = log;
    forged[paid]["actor"] = "treasury".into();
    let text: String = driver::reseal(forged)
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    Incident::replay_json_lines(text.as_bytes(), &ReplayOptions::default()).unwrap();
}
