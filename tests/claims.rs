//! A claims desk's programme on the incident's log (issue #21): decisions the log can
//! replay, overrides and reviews by a second person, offers held to the entitlement, the
//! cap, the budget and their validity, four eyes between offering, settling and paying,
//! failed payments, disputes after payment, and an incident that cannot finish with
//! compensation agreed and unpaid. Each test names the abuse it defends against.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use chrono::Duration;
use driver::{at, claim_id as id, cny, codes, program, Desk};

/// The forged lines as one JSON Lines text, resealed ([`driver::reseal`]).
fn reseal(lines: Vec<serde_json::Value>) -> String {
    driver::reseal(lines)
        .iter()
        .map(|l| format!("{l}\n"))
        .collect()
}
use incident::chain::write_json_lines;
use incident::compensation::*;
use incident::id::*;
use incident::*;

/// A declared account takeover with a programme under the reference securities policy
/// (¥1,000,000 budget), run by `comp.officer`.
fn desk() -> Desk {
    driver::compensation_desk(21, &reference_securities_policy())
}

/// A claim with a verified loss of `verified` (fen), which the securities policy pays in
/// full without review.
fn verified(customer: &str, verified: i64) -> Claim {
    Claim::builder(
        CustomerRef::new(customer).unwrap(),
        Tier::Standard,
        cny(verified),
        EvidenceStrength::Verified,
    )
    .verified_loss(cny(verified))
    .build()
    .unwrap()
}

/// An unverified claim of `reported` (fen): goodwill only, flagged for review above the
/// policy's threshold.
fn unverified(customer: &str, reported: i64) -> Claim {
    Claim::builder(
        CustomerRef::new(customer).unwrap(),
        Tier::Standard,
        cny(reported),
        EvidenceStrength::Unverified,
    )
    .build()
    .unwrap()
}

fn assess(desk: &mut Desk, claim_id: &str, claim: &Claim) {
    desk.advance(5).run(Command::record_claim_assessment(
        program(),
        id(claim_id),
        claim,
    ));
}

fn offer(claim_id: &str, amount: i64) -> Command {
    Command::OfferSettlement {
        claim_id: id(claim_id),
        amount: cny(amount),
        remedies: vec![],
        valid_until: None,
    }
}

fn accept(claim_id: &str) -> Command {
    Command::RecordClaimResponse {
        claim_id: id(claim_id),
        response: ClaimResponse::Accepted {},
    }
}

fn settle(claim_id: &str) -> Command {
    Command::SettleClaim {
        claim_id: id(claim_id),
    }
}

fn pay(claim_id: &str, amount: i64) -> Command {
    Command::RecordClaimPaid {
        claim_id: id(claim_id),
        paid_at: None,
        amount: cny(amount),
        payment_reference: format!("TX-{claim_id}"),
    }
}

/// Abuse: a desk records ¥999,999.99 for a claim the policy pays ¥1,000: the crate runs
/// the policy itself, and a log whose assessment figure was edited (and re-sealed) does not
/// replay.
#[test]
fn the_assessment_is_the_policys_own_and_an_edited_figure_does_not_replay() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.assessment.cash, cny(100_000));
    assert_eq!(case.claim.as_ref(), Some(&verified("C-1", 100_000)));
    assert_eq!(
        case.assessed_by.as_ref().map(ActorId::as_str),
        Some("comp.officer")
    );
    desk.assert_replays();

    // The stored event carries the claim and the figures; change the figure and re-seal
    // the chain, as a forger holding the log would.
    let jsonl = write_json_lines(desk.log.envelopes()).unwrap();
    let mut lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let program_line = lines
        .iter()
        .position(|l| l["event"]["type"] == "compensation_program_opened")
        .unwrap();
    assert!(lines[program_line]["event"]["policy_text"].is_object());
    let last = lines.last_mut().unwrap();
    assert_eq!(last["event"]["type"], "claim_assessed");
    assert_eq!(last["event"]["claim"]["customer"], "C-1");
    last["event"]["assessment"]["cash"]["amount_minor"] = 99_999_999.into();
    let forged = reseal(lines.clone());
    let err =
        Incident::replay_json_lines(forged.as_bytes(), &ReplayOptions::default()).unwrap_err();
    assert!(err.to_string().contains("does not reproduce"), "{err}");
    assert!(err.to_string().contains("¥999,999.99"), "{err}");

    // Editing the claim instead (a larger verified loss) is caught the same way.
    let mut lines2 = lines.clone();
    let last = lines2.last_mut().unwrap();
    last["event"]["assessment"]["cash"]["amount_minor"] = 100_000.into();
    last["event"]["claim"]["customer"] = "C-2".into();
    let err = Incident::replay_json_lines(reseal(lines2).as_bytes(), &ReplayOptions::default())
        .unwrap_err();
    assert!(err.to_string().contains("names customer C-1"), "{err}");

    // Dropping the claim from the event leaves nothing to re-run: refused.
    let mut lines3 = lines.clone();
    let last = lines3.last_mut().unwrap();
    last["event"]["assessment"]["cash"]["amount_minor"] = 100_000.into();
    last["event"].as_object_mut().unwrap().remove("claim");
    let err = Incident::replay_json_lines(reseal(lines3).as_bytes(), &ReplayOptions::default())
        .unwrap_err();
    assert!(err.to_string().contains("carries no claim"), "{err}");

    // Editing the recorded policy (a higher cap) breaks its pin.
    let mut lines4 = lines;
    lines4.last_mut().unwrap()["event"]["assessment"]["cash"]["amount_minor"] = 100_000.into();
    lines4[program_line]["event"]["policy_text"]["customer_cap"]["amount_minor"] =
        999_999_999.into();
    let err = Incident::replay_json_lines(reseal(lines4).as_bytes(), &ReplayOptions::default())
        .unwrap_err();
    assert!(
        err.to_string().contains(
            "records a policy text whose digest is not the one pinned for securities-firm@v2"
        ),
        "{err}"
    );
}

/// Abuse: a goodwill top-up or a pro-rata cut recorded by one person alone.
#[test]
fn an_override_needs_a_reason_and_a_second_person_and_then_binds_the_offer() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    let propose = |cash| Command::ProposeAssessmentOverride {
        claim_id: id("CL-1"),
        cash: cny(cash),
        remedies: vec![],
        reason: "pro-rata share after the claim window (committee minute 7)".into(),
    };
    // Above the per-customer cap (¥500,000): refused.
    let r = desk.reject(propose(60_000_000));
    assert_eq!(codes(&r), ["above_customer_cap"]);
    desk.run(propose(80_000));
    // Nothing is offered while it waits.
    assert_eq!(
        codes(&desk.reject(offer("CL-1", 100_000))),
        ["override_pending"]
    );
    let approve = Command::ApproveAssessmentOverride {
        claim_id: id("CL-1"),
    };
    let r = desk.reject(approve.clone());
    assert_eq!(codes(&r), ["four_eyes"]);
    assert_eq!(
        r.unmet[0].to_string(),
        "comp.officer proposed the override for claim CL-1 and may not also approve the \
         override of it: ask another person"
    );
    desk.run_by("claims.committee", approve.clone());
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.entitlement(), cny(80_000));
    assert_eq!(
        case.assessment.cash,
        cny(100_000),
        "the policy's figure stays on record"
    );
    let o = case.assessment_override.as_ref().unwrap();
    assert_eq!(
        o.approved_by.as_ref().map(ActorId::as_str),
        Some("claims.committee")
    );
    // Approving twice changes nothing.
    assert_eq!(
        codes(&desk.reject_by("claims.committee", approve)),
        ["no_change"]
    );
    // The offer is now held to the override.
    assert_eq!(
        codes(&desk.reject(offer("CL-1", 79_999))),
        ["offer_below_entitlement"]
    );
    desk.run(offer("CL-1", 80_000));
    desk.assert_replays();
}

/// Abuse: a claim the policy flagged (a large unverified loss) offered without anyone
/// looking at it.
#[test]
fn a_flagged_claim_is_reviewed_by_a_second_person_before_any_offer() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &unverified("C-1", 1_500_000));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert!(case.assessment.needs_manual_review);
    assert!(case.awaits_review());
    let entitled = case.entitlement().amount_minor();
    let r = desk.reject(offer("CL-1", entitled));
    assert_eq!(codes(&r), ["review_required"]);
    let review = Command::RecordClaimReview {
        claim_id: id("CL-1"),
        note: "no statement supports the loss; goodwill only".into(),
    };
    assert_eq!(codes(&desk.reject(review.clone())), ["four_eyes"]);
    desk.run_by("claims.reviewer", review.clone());
    assert_eq!(
        codes(&desk.reject_by("claims.reviewer", review)),
        ["no_change"]
    );
    desk.run(offer("CL-1", entitled));
    // A claim the policy does not flag needs no review.
    assess(&mut desk, "CL-2", &verified("C-2", 10_000));
    let r = desk.reject_by(
        "claims.reviewer",
        Command::RecordClaimReview {
            claim_id: id("CL-2"),
            note: "checked".into(),
        },
    );
    assert_eq!(codes(&r), ["no_change"]);
    desk.assert_replays();
}

/// Abuse: a fraud ring files claims for several customers, each to be paid into one mule
/// account. Once a second customer's claim names the account, neither claim is offered
/// before a second person records a review of it; a review recorded before a third claim
/// named the account does not cover that claim; a rejected claim pays nothing and no
/// longer counts. A re-sealed log whose offer skips the review does not replay.
#[test]
fn claims_paid_into_one_account_are_reviewed_before_any_offer() {
    let mut desk = desk();
    let into = |claim: Claim, account: &str| {
        let mut json = serde_json::to_value(&claim).unwrap();
        json["payout"] = account.into();
        serde_json::from_value::<Claim>(json).unwrap()
    };
    assess(
        &mut desk,
        "CL-1",
        &into(verified("C-1", 10_000), "acct-7f3a"),
    );
    // Alone on the account: offered as usual.
    desk.run(offer("CL-1", 10_000));
    assess(
        &mut desk,
        "CL-2",
        &into(verified("C-2", 10_000), "acct-7f3a"),
    );
    assess(
        &mut desk,
        "CL-9",
        &into(verified("C-9", 10_000), "acct-0001"),
    );
    let r = desk.reject(offer("CL-2", 10_000));
    assert_eq!(codes(&r), ["shared_payout"]);
    assert!(
        r.to_string().contains(
            "claim CL-2 is to be paid into account acct-7f3a, which other customers' claims \
             also name (CL-1)"
        ),
        "{r}"
    );
    // Another account, or none: no review needed.
    desk.run(offer("CL-9", 10_000));
    let review = |claim: &str| Command::RecordClaimReview {
        claim_id: id(claim),
        note: "the account is the customer's own, per the bank's confirmation".into(),
    };
    assert_eq!(codes(&desk.reject(review("CL-2"))), ["four_eyes"]);
    desk.advance(1).run_by("claims.reviewer", review("CL-2"));
    desk.run(offer("CL-2", 10_000));

    // A third customer names the account: the earlier review does not cover them.
    assess(
        &mut desk,
        "CL-3",
        &into(verified("C-3", 10_000), "acct-7f3a"),
    );
    assert_eq!(
        codes(&desk.reject(offer("CL-3", 10_000))),
        ["shared_payout"]
    );
    let log = write_json_lines(desk.log.envelopes()).unwrap();

    // Rejecting the other claims on the account lets CL-3 through without a review.
    for claim in ["CL-1", "CL-2"] {
        desk.run(Command::RejectClaim {
            claim_id: id(claim),
            reason: "the account belongs to neither customer".into(),
        });
    }
    desk.run(offer("CL-3", 10_000));
    desk.assert_replays();

    // The log before the rejections, with an offer of CL-3 planted and re-sealed.
    let mut lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut planted = lines
        .iter()
        .rfind(|l| l["event"]["type"] == "settlement_offered")
        .unwrap()
        .clone();
    planted["event"]["claim_id"] = "CL-3".into();
    planted["recorded_at"] = lines.last().unwrap()["recorded_at"].clone();
    planted["sequence"] = (lines.len() as u64 + 1).into();
    lines.push(planted);
    let err = Incident::replay_json_lines(reseal(lines).as_bytes(), &ReplayOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "settlement_offered, recorded by comp.officer, is not what its command decides"
        ) && err.contains("claim CL-3 is to be paid into account acct-7f3a"),
        "{err}"
    );
}

/// Abuse: one person offers, records the acceptance, settles and pays.
#[test]
fn offering_settling_and_paying_are_three_people() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    desk.run(offer("CL-1", 100_000)).run(accept("CL-1"));
    let r = desk.reject(settle("CL-1"));
    assert_eq!(codes(&r), ["four_eyes"]);
    assert!(
        r.to_string()
            .contains("comp.officer offered claim CL-1 and may not also settle it"),
        "{r}"
    );
    desk.run_by("claims.lead", settle("CL-1"));
    let r = desk.reject_by("claims.lead", pay("CL-1", 100_000));
    assert_eq!(codes(&r), ["four_eyes"]);
    // The person who offered may record the payment: only settling and paying are kept
    // apart from the step before each.
    desk.run_by("payments.clerk", pay("CL-1", 100_000));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(
        case.settled_by.as_ref().map(ActorId::as_str),
        Some("claims.lead")
    );
    assert_eq!(
        case.payment.as_ref().map(|p| p.recorded_by.as_str()),
        Some("payments.clerk")
    );
    desk.assert_replays();
}

/// Abuse: an offer accepted months later, after the firm withdrew the budget for it.
#[test]
fn an_offer_lapses_at_its_validity_and_can_then_be_replaced() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    let until = desk.now + Duration::days(14);
    let past = Command::OfferSettlement {
        claim_id: id("CL-1"),
        amount: cny(100_000),
        remedies: vec![],
        valid_until: Some(desk.now - Duration::minutes(1)),
    };
    assert_eq!(codes(&desk.reject(past)), ["time_order"]);
    desk.run(Command::OfferSettlement {
        claim_id: id("CL-1"),
        amount: cny(100_000),
        remedies: vec![],
        valid_until: Some(until),
    });
    // Not replaced while it runs.
    assert_eq!(codes(&desk.reject(offer("CL-1", 120_000))), ["invalid"]);
    // Accepting at the last moment is fine; a minute later it has lapsed.
    let mut on_time = desk.incident.clone();
    let ctx = Context::new(driver::actor("comp.officer"), until);
    let envelopes = on_time.execute(&accept("CL-1"), &ctx).unwrap();
    on_time.apply(&envelopes[0]).unwrap();
    assert_eq!(on_time.claims()[&id("CL-1")].status, ClaimStatus::Accepted);
    desk.now = until + Duration::minutes(1);
    let r = desk.reject(accept("CL-1"));
    assert_eq!(codes(&r), ["offer_expired"]);
    assert!(r.to_string().contains("make a new offer"), "{r}");
    // A new offer replaces the lapsed one and takes over its reservation.
    desk.run(offer("CL-1", 120_000)).run(accept("CL-1"));
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(totals.reserved, cny(120_000));
    assert_eq!(desk.incident.claims()[&id("CL-1")].offers.len(), 2);
    desk.assert_replays();
}

/// Abuse: ¥600,000 offered against a ¥500,000 per-customer cap.
#[test]
fn offers_stay_within_the_policys_per_customer_cap() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    let r = desk.reject(offer("CL-1", 60_000_000));
    assert_eq!(codes(&r), ["above_customer_cap"]);
    assert!(
        r.to_string()
            .contains("above the policy's per-customer cap of ¥500,000.00"),
        "{r}"
    );
    desk.run(offer("CL-1", 50_000_000));
}

/// Abuse: a second claim for the same customer, paid twice.
#[test]
fn one_open_claim_per_customer_and_a_new_one_only_after_rejection() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    let again = Command::record_claim_assessment(program(), id("CL-2"), &verified("C-1", 5_000));
    assert_eq!(codes(&desk.reject(again.clone())), ["duplicate_customer"]);
    desk.run(Command::RejectClaim {
        claim_id: id("CL-1"),
        reason: "loss predates the incident".into(),
    });
    // New evidence after a rejection: a new claim is accepted.
    desk.run(again);
    assert_eq!(desk.incident.claims().len(), 2);
    desk.assert_replays();
}

/// A programme with a claim window assesses nothing received after it.
#[test]
fn no_claim_is_assessed_after_the_claim_window() {
    let declare = Declare::new(
        IncidentId::from_bytes([22; 16]),
        IncidentKind::AccountTakeover,
        "t",
    )
    .detection(DetectionSource::CustomerReport, at(2026, 3, 2, 9, 0))
    .severity(Severity::Sev2)
    .owner(driver::actor("o"));
    let mut desk = Desk::declare(declare, at(2026, 3, 2, 9, 30), "o");
    let close = at(2026, 6, 30, 16, 0);
    let mut open =
        Command::open_compensation_program(program(), &reference_securities_policy(), None);
    if let Command::OpenCompensationProgram {
        claims_close_at, ..
    } = &mut open
    {
        *claims_close_at = Some(close);
    }
    desk.run(open);
    desk.now = close;
    desk.run(Command::record_claim_assessment(
        program(),
        id("CL-1"),
        &verified("C-1", 1_000),
    ));
    desk.now = close + Duration::seconds(1);
    let r = desk.reject(Command::record_claim_assessment(
        program(),
        id("CL-2"),
        &verified("C-2", 1_000),
    ));
    assert_eq!(codes(&r), ["claim_window_closed"]);
    desk.assert_replays();
}

/// A payment returned by the bank is recorded, the claim is settled again and the payment
/// is reissued; a customer who disputes what was paid is escalated to legal.
#[test]
fn a_failed_payment_is_reissued_and_a_paid_claim_can_be_disputed() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    desk.run(offer("CL-1", 100_000))
        .run(accept("CL-1"))
        .run_by("claims.lead", settle("CL-1"))
        .run_by("payments.clerk", pay("CL-1", 100_000));
    let fail = Command::RecordClaimPaymentFailed {
        claim_id: id("CL-1"),
        reason: "returned by the bank: account closed".into(),
    };
    desk.run(fail.clone());
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Settled);
    assert_eq!(case.payment, None);
    assert_eq!(case.failed_payments.len(), 1);
    assert_eq!(case.failed_payments[0].payment.reference, "TX-CL-1");
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(totals.paid, cny(0));
    assert_eq!(totals.outstanding().unwrap(), cny(100_000));
    // Only a paid claim can fail.
    assert_eq!(codes(&desk.reject(fail)), ["claim_status"]);
    desk.run_by("payments.clerk", pay("CL-1", 100_000));
    assert_eq!(desk.incident.claim_totals().unwrap().paid, cny(100_000));
    desk.run(Command::EscalateClaim {
        claim_id: id("CL-1"),
        reason: "customer disputes the amount paid; mediation requested".into(),
    });
    assert_eq!(
        desk.incident.claims()[&id("CL-1")].status,
        ClaimStatus::Escalated
    );
    desk.assert_replays();
}

/// Abuse: an incident closed (or dismissed) with compensation agreed and never paid.
#[test]
fn close_and_dismiss_wait_for_agreed_compensation_to_be_paid() {
    let mut desk = desk();
    assess(&mut desk, "CL-1", &verified("C-1", 100_000));
    assess(&mut desk, "CL-2", &verified("C-2", 50_000));
    desk.run(offer("CL-1", 100_000))
        .run(accept("CL-1"))
        .run(offer("CL-2", 50_000))
        .run(accept("CL-2"))
        .run_by("claims.lead", settle("CL-2"));
    let r = desk.reject(Command::Dismiss {
        rationale: "false positive".into(),
    });
    assert_eq!(codes(&r), ["claims_unpaid"]);
    assert_eq!(
        r.unmet[0].to_string(),
        "compensation agreed but not paid: accepted and not settled: CL-1; settled and not \
         paid: CL-2; settle and pay them, escalate them to legal, or declare settled money the \
         customer does not collect unclaimed (DeclareClaimUnclaimed)"
    );
    desk.run_by("claims.lead", settle("CL-1"))
        .run_by("payments.clerk", pay("CL-1", 100_000))
        .run_by("payments.clerk", pay("CL-2", 50_000));
    desk.run(Command::Dismiss {
        rationale: "false positive".into(),
    });
}

/// The budget runs out: the programme is amended (more budget, then a later policy
/// version, v3, for claims assessed from then on), each change pinned in the log with its
/// reason.
#[test]
fn a_programme_is_amended_with_more_budget_or_a_new_policy_version() {
    let mut desk = desk();
    let amend = |budget: Option<i64>, policy: Option<Policy>| Command::AmendCompensationProgram {
        program_id: program(),
        budget: budget.map(cny),
        claims_close_at: None,
        policy: policy.map(Box::new),
        reason: "board resolution 2026-14".into(),
    };
    assess(&mut desk, "CL-1", &verified("C-1", 40_000_000));
    // A large loss is flagged for review.
    desk.run_by(
        "claims.reviewer",
        Command::RecordClaimReview {
            claim_id: id("CL-1"),
            note: "bank statements verified".into(),
        },
    );
    desk.run(offer("CL-1", 40_000_000)).run(accept("CL-1"));
    // Below what is already reserved: refused; nothing to change: refused.
    let r = desk.reject(amend(Some(30_000_000), None));
    assert_eq!(codes(&r), ["invalid"]);
    assert!(
        r.to_string()
            .contains("less than the ¥400,000.00 already offered"),
        "{r}"
    );
    assert_eq!(codes(&desk.reject(amend(None, None))), ["no_change"]);
    desk.run(amend(Some(200_000_000), None));
    assert!(matches!(
        desk.incident.compensation(),
        CompensationStance::ProgramOpened { budget: Some(b), .. } if *b == cny(200_000_000)
    ));
    // Policy v3: the same id, a later version than the reference's v2, the same currency.
    let v2 = reference_securities_policy();
    let mut json = serde_json::to_value(&v2).unwrap();
    json["version"] = 3.into();
    json["customer_cap"]["amount_minor"] = 80_000_000.into();
    let v3: Policy = serde_json::from_value(json).unwrap();
    assert_eq!(
        codes(&desk.reject(amend(None, Some(v2.clone())))),
        ["invalid"]
    );
    assert_eq!(
        codes(&desk.reject(amend(None, Some(reference_platform_policy())))),
        ["invalid"]
    );
    desk.run(amend(None, Some(v3.clone())));
    assert!(matches!(
        desk.incident.compensation(),
        CompensationStance::ProgramOpened { pin: Some(pin), policy, .. }
            if pin.policy.version == 3 && policy == "securities-firm@v3"
    ));
    // A claim assessed now runs v3 (its cap of ¥800,000); CL-1 keeps v2's figure.
    assess(&mut desk, "CL-2", &verified("C-2", 70_000_000));
    assert_eq!(
        desk.incident.claims()[&id("CL-2")].assessment.cash,
        cny(70_000_000)
    );
    assert_eq!(
        desk.incident.claims()[&id("CL-2")]
            .assessment
            .policy
            .version,
        3
    );
    assert_eq!(
        desk.incident.claims()[&id("CL-1")]
            .assessment
            .policy
            .version,
        2
    );
    let timeline: Vec<String> = desk
        .log
        .envelopes()
        .iter()
        .map(|e| e.event().to_string())
        .collect();
    assert!(
        timeline.contains(&"compensation program SEC-COMP-1 amended, policy securities-firm@v3: board resolution 2026-14".to_owned()),
        "{timeline:#?}"
    );
    desk.assert_replays();
}

/// Advance payment (先行赔付) and what comes back: the firm books recoveries under the
/// customer's assigned rights, never more than it paid.
#[test]
fn recoveries_after_an_advance_payment_are_booked_up_to_what_was_paid() {
    let declare = Declare::new(
        IncidentId::from_bytes([23; 16]),
        IncidentKind::AccountTakeover,
        "Payment accounts taken over",
    )
    .detection(DetectionSource::CustomerReport, at(2026, 3, 2, 9, 0))
    .severity(Severity::Sev2)
    .owner(driver::actor("o"));
    let mut desk = Desk::declare(declare, at(2026, 3, 2, 9, 30), "comp.officer");
    let policy = reference_platform_policy();
    desk.run(Command::open_compensation_program(program(), &policy, None));
    // Funds reported taken from a compromised account, not yet verified: the platform
    // pays the ¥3,000 in advance (plus its ¥50 goodwill).
    let claim = Claim::builder(
        CustomerRef::new("C-1").unwrap(),
        Tier::Standard,
        cny(300_000),
        EvidenceStrength::Unverified,
    )
    .account_compromised(true)
    .build()
    .unwrap();
    let decision = policy.decide(&claim).unwrap();
    assert!(decision
        .granted
        .iter()
        .any(|g| matches!(g.remedy, Remedy::AdvancePayment { .. }) && g.cash == cny(300_000)));
    assert_eq!(decision.cash(), cny(305_000));
    assess(&mut desk, "CL-1", &claim);
    desk.run(offer("CL-1", 305_000))
        .run(accept("CL-1"))
        .run_by("claims.lead", settle("CL-1"));
    let recover = |amount| Command::RecordRecovery {
        claim_id: id("CL-1"),
        source: RecoverySource::Police,
        amount: cny(amount),
        reference: "PSB case 2026-0042".into(),
    };
    // Not before payment.
    assert_eq!(codes(&desk.reject(recover(100_000))), ["claim_status"]);
    desk.run_by("payments.clerk", pay("CL-1", 305_000));
    desk.run(recover(200_000));
    let r = desk.reject(recover(105_001));
    assert_eq!(codes(&r), ["invalid"]);
    assert!(r.to_string().contains("belongs to the customer"), "{r}");
    assert_eq!(codes(&desk.reject(recover(0))), ["invalid"]);
    desk.run(recover(105_000));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert_eq!(case.recovered().unwrap(), cny(305_000));
    assert_eq!(
        desk.incident.claim_totals().unwrap().recovered,
        cny(305_000)
    );
    desk.assert_replays();
}
