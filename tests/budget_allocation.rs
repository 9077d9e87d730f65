//! Allocating a programme's budget after its claim window closed (`AllocateBudget`): the
//! verified losses first, equal claims equal cash whatever order they arrived in, each
//! claim then offered exactly its share; the allocation replays, and one edited in the log
//! does not.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use driver::{account_takeover, at, claim_id, cny, codes, program, resealed_replay_error, Desk};
use incident::compensation::*;
use incident::id::*;
use incident::*;

/// Reimburses a verified loss in full and gives everyone ¥300 of goodwill.
fn policy() -> Policy {
    Policy::builder(
        PolicyId::new("allocation-test").unwrap(),
        1,
        Currency::CNY,
        Matching::Accumulate,
        cny(10_000_000),
    )
    .rule(Rule::new(
        RuleId::new("verified-loss").unwrap(),
        Condition::Evidence {
            any_of: [EvidenceStrength::Verified].into(),
        },
        vec![Remedy::Reimburse {
            share_bps: 10_000,
            cap: None,
        }],
    ))
    .rule(Rule::new(
        RuleId::new("goodwill").unwrap(),
        Condition::Always {},
        vec![Remedy::Goodwill {
            amount: cny(30_000),
        }],
    ))
    .build()
    .unwrap()
}

/// An incident with the program open from 10:00 with a ¥1,500 budget and a claim window
/// closing at 12:00.
fn desk(seed: u8) -> Desk {
    let mut desk = account_takeover(seed);
    desk.advance(30).run(Command::OpenCompensationProgram {
        program_id: program(),
        policy: Box::new(policy()),
        budget: Some(cny(150_000)),
        claims_close_at: Some(at(2026, 3, 2, 12, 0)),
    });
    desk
}

/// A claim of ¥`loss` (fen), verified when `verified`.
fn claim(customer: &str, loss: i64, verified: bool) -> Claim {
    let evidence = if verified {
        EvidenceStrength::Verified
    } else {
        EvidenceStrength::None
    };
    let mut b = Claim::builder(
        CustomerRef::new(customer).unwrap(),
        Tier::Standard,
        cny(loss),
        evidence,
    );
    if verified {
        b = b.verified_loss(cny(loss));
    }
    b.build().unwrap()
}

fn assess(desk: &mut Desk, id: &str, claim: &Claim) {
    desk.advance(5).run(Command::record_claim_assessment(
        program(),
        claim_id(id),
        claim,
    ));
}

fn offer(id: &str, fen: i64) -> Command {
    Command::OfferSettlement {
        claim_id: claim_id(id),
        amount: cny(fen),
        remedies: vec![],
        valid_until: None,
    }
}

fn allocate() -> Command {
    Command::AllocateBudget {
        program_id: program(),
    }
}

/// A verified ¥1,000 loss (owed ¥1,300) and two unverified claims (¥300 of goodwill each).
fn three_claims(desk: &mut Desk, order: [&str; 3]) {
    for id in order {
        match id {
            "CL-A" => assess(desk, "CL-A", &claim("C-A", 100_000, true)),
            "CL-B" => assess(desk, "CL-B", &claim("C-B", 50_000, false)),
            _ => assess(desk, "CL-C", &claim("C-C", 50_000, false)),
        }
    }
}

#[test]
fn after_the_window_the_verified_loss_is_paid_in_full_and_equal_goodwill_shares_equally() {
    let mut d = desk(1);
    three_claims(&mut d, ["CL-A", "CL-B", "CL-C"]);
    // The window is open: not every claim is in.
    assert_eq!(codes(&d.reject(allocate())), ["claim_window_open"]);
    d.now = at(2026, 3, 2, 12, 1);
    d.run(allocate());
    let a = d.incident.budget_allocation().unwrap().clone();
    // ¥1,500: the ¥1,000 loss first; ¥500 of goodwill over three equal ¥300 credits is
    // ¥166.66 each, and the 2 fen that cannot be split three ways stay unallocated.
    assert_eq!(a.pool, cny(150_000));
    assert_eq!(a.coverage, Coverage::DiscretionaryScaled);
    assert_eq!(a.share_of(&claim_id("CL-A")), Some(cny(116_666)));
    assert_eq!(a.share_of(&claim_id("CL-B")), Some(cny(16_666)));
    assert_eq!(a.share_of(&claim_id("CL-C")), Some(cny(16_666)));
    assert_eq!(a.unallocated, cny(2));
    assert_eq!(
        a.shares[0].owed,
        Share::new(cny(100_000), cny(30_000)),
        "the verified loss is protected, the goodwill discretionary"
    );
    // Allocating again at once changes nothing.
    assert_eq!(codes(&d.reject(allocate())), ["no_change"]);
    // Each claim is offered exactly its share: the full entitlement is refused, the
    // share below it is accepted.
    let r = d.reject(offer("CL-A", 130_000));
    assert_eq!(codes(&r), ["not_allocated_share"]);
    assert!(r.to_string().contains("allotted ¥1,166.66"), "{r}");
    assert_eq!(
        codes(&d.reject(offer("CL-B", 16_667))),
        ["not_allocated_share"]
    );
    d.advance(1).run(offer("CL-A", 116_666));
    d.run(offer("CL-B", 16_666));
    d.assert_replays();
}

#[test]
fn the_shares_do_not_depend_on_the_order_claims_arrived_in() {
    let shares = |order| {
        let mut d = desk(2);
        three_claims(&mut d, order);
        d.now = at(2026, 3, 2, 12, 0);
        d.run(allocate());
        d.incident.budget_allocation().unwrap().clone()
    };
    let first = shares(["CL-A", "CL-B", "CL-C"]);
    assert_eq!(shares(["CL-C", "CL-A", "CL-B"]), first);
    assert_eq!(shares(["CL-B", "CL-C", "CL-A"]), first);
}

#[test]
fn cash_already_committed_before_the_deadline_is_not_shared_again() {
    let mut d = desk(3);
    three_claims(&mut d, ["CL-A", "CL-B", "CL-C"]);
    // CL-B was offered its full ¥300 before the window closed and accepted: a contract.
    d.advance(5).run(offer("CL-B", 30_000));
    d.run(Command::RecordClaimResponse {
        claim_id: claim_id("CL-B"),
        response: ClaimResponse::Accepted {},
    });
    d.now = at(2026, 3, 2, 12, 30);
    d.run(allocate());
    let a = d.incident.budget_allocation().unwrap();
    // ¥1,200 left over CL-A (¥1,000 + ¥300) and CL-C (¥300): the loss in full, ¥200 of
    // goodwill in two equal halves.
    assert_eq!(a.pool, cny(120_000));
    assert_eq!(a.shares.len(), 2);
    assert_eq!(a.share_of(&claim_id("CL-A")), Some(cny(110_000)));
    assert_eq!(a.share_of(&claim_id("CL-C")), Some(cny(10_000)));
    assert_eq!(a.share_of(&claim_id("CL-B")), None);
    d.assert_replays();
}

#[test]
fn an_entitlement_still_under_review_or_override_blocks_the_allocation() {
    let mut d = desk(4);
    three_claims(&mut d, ["CL-A", "CL-B", "CL-C"]);
    d.advance(5).run(Command::ProposeAssessmentOverride {
        claim_id: claim_id("CL-B"),
        cash: cny(40_000),
        remedies: vec![],
        reason: "hardship: the customer's salary account was emptied".into(),
    });
    d.now = at(2026, 3, 2, 12, 0);
    let r = d.reject(allocate());
    assert_eq!(codes(&r), ["entitlements_pending"]);
    assert!(r.to_string().contains("CL-B"), "{r}");
    d.run_by(
        "claims.lead",
        Command::ApproveAssessmentOverride {
            claim_id: claim_id("CL-B"),
        },
    );
    d.run(allocate());
    // The override's ¥400 is owed in full as discretionary cash.
    let a = d.incident.budget_allocation().unwrap();
    let b = a
        .shares
        .iter()
        .find(|s| s.claim_id == claim_id("CL-B"))
        .unwrap();
    assert_eq!(b.owed, Share::new(cny(0), cny(40_000)));
}

#[test]
fn a_program_without_a_budget_or_window_or_claims_cannot_be_allocated() {
    let mut d = account_takeover(5);
    assert_eq!(codes(&d.reject(allocate())), ["no_compensation_program"]);
    d.advance(30).run(Command::OpenCompensationProgram {
        program_id: program(),
        policy: Box::new(policy()),
        budget: None,
        claims_close_at: Some(at(2026, 3, 2, 11, 0)),
    });
    d.now = at(2026, 3, 2, 11, 0);
    let r = d.reject(allocate());
    assert_eq!(codes(&r), ["invalid"]);
    assert!(r.to_string().contains("has no budget"), "{r}");
    d.run(Command::AmendCompensationProgram {
        program_id: program(),
        budget: Some(cny(100_000)),
        claims_close_at: None,
        policy: None,
        reason: "board approved the budget".into(),
    });
    let r = d.reject(allocate());
    assert!(r.to_string().contains("no claim open to an offer"), "{r}");
    let other = Command::AllocateBudget {
        program_id: ProgramId::new("OTHER").unwrap(),
    };
    assert_eq!(codes(&d.reject(other)), ["unknown_id"]);
}

#[test]
fn an_allocation_edited_in_the_log_and_resealed_does_not_replay() {
    let mut d = desk(6);
    three_claims(&mut d, ["CL-A", "CL-B", "CL-C"]);
    d.now = at(2026, 3, 2, 12, 0);
    d.run(allocate());
    let mut lines: Vec<serde_json::Value> = d
        .log
        .envelopes()
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    let last = lines.last_mut().unwrap();
    assert_eq!(last["event"]["type"], "budget_allocated");
    // Move ¥100 from CL-C to CL-B: the totals still add up.
    let shares = last["event"]["allocation"]["shares"]
        .as_array_mut()
        .unwrap();
    shares[1]["share"]["amount_minor"] = 26_666.into();
    shares[2]["share"]["amount_minor"] = 6_666.into();
    let err = resealed_replay_error(lines);
    assert!(
        err.to_string().contains(
            "budget_allocated for program SEC-COMP-1 is not the allocation the log gives"
        ),
        "{err}"
    );
}
