//! The compensation part of the remediate recipe: a program opened under a reference
//! policy and claims negotiated under it (assessed, offered, maybe countered, then paid,
//! escalated, rejected or left open), or compensation declared not applicable.

use incident::compensation::*;
use incident::id::*;
use incident::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::commands::compensation::{
    budget, claim, cny, policies, service, valid_until,
};
use crate::generators::pools::placeholder;
use crate::generators::recipes::{edge_when, pooled_or};
use crate::generators::scenario::When;
use crate::generators::values::{claim_id, good_text, program_id};

/// How a negotiation recipe ends.
#[derive(Debug, Clone, Copy)]
enum Ending {
    /// Stop after the offers (the claim stays offered or countered).
    Open,
    Paid,
    Escalated,
    Rejected,
}

/// A claim negotiated under the program the recipe opened (under `policy`): assessed,
/// reviewed when the policy flags it, offered around its entitlement, maybe countered and
/// re-offered, then paid (sometimes after a failed payment and a spell as unclaimed money,
/// sometimes reversed and paid again or with the reversal withdrawn), escalated, rejected or
/// left open.
fn negotiation(
    program_id: ProgramId,
    policy: Policy,
) -> impl Strategy<Value = Vec<(Command, When)>> {
    (
        pooled_or(claim_id(), ClaimId::new("CLR").unwrap()),
        claim(),
        (-1_000i64..200_000, 0i64..2_000_000, 0i64..200_000),
        vec(service(), 0..2),
        (
            prop::bool::weighted(0.5),
            prop::bool::weighted(0.2),
            valid_until(),
            option::weighted(0.2, 0i64..50_000),
            prop_oneof![3 => Just(0i64), 1 => 1i64..500_000],
        ),
        prop_oneof![
            1 => Just(Ending::Open),
            4 => Just(Ending::Paid),
            1 => Just(Ending::Escalated),
            1 => Just(Ending::Rejected),
        ],
        (option::of(Just(placeholder())), edge_when(), good_text()),
    )
        .prop_map(
            move |(
                claim_id,
                claim,
                amounts,
                services,
                (counter, fails, valid_until, bump, recovered),
                ending,
                payment,
            )| {
                let (above, asked, second_above) = amounts;
                let (paid_at, pay_when, reference) = payment;
                let now = When::Within(0);
                let decision = policy.decide(&claim).ok();
                let mut entitled = decision.as_ref().map_or(0, |d| d.cash().amount_minor());
                let mut steps = vec![(
                    Command::record_claim_assessment(program_id.clone(), claim_id.clone(), &claim),
                    now,
                )];
                // Sometimes a second person approves a goodwill top-up first.
                if let Some(bump) = bump {
                    entitled += bump;
                    steps.push((
                        Command::ProposeAssessmentOverride {
                            claim_id: claim_id.clone(),
                            cash: cny(entitled),
                            remedies: vec![],
                            reason: reference.clone(),
                        },
                        now,
                    ));
                    steps.push((
                        Command::ApproveAssessmentOverride {
                            claim_id: claim_id.clone(),
                        },
                        now,
                    ));
                }
                let first = (entitled + above).max(0);
                if decision.as_ref().is_some_and(Decision::needs_manual_review) {
                    steps.push((
                        Command::RecordClaimReview {
                            claim_id: claim_id.clone(),
                            note: reference.clone(),
                        },
                        now,
                    ));
                }
                steps.push((
                    Command::OfferSettlement {
                        claim_id: claim_id.clone(),
                        amount: cny(first),
                        remedies: services,
                        valid_until,
                    },
                    now,
                ));
                let mut agreed = first;
                if counter {
                    let second = (entitled + second_above).max(1);
                    steps.push((
                        Command::RecordClaimResponse {
                            claim_id: claim_id.clone(),
                            response: ClaimResponse::Countered {
                                amount: cny(asked),
                                note: None,
                            },
                        },
                        now,
                    ));
                    steps.push((
                        Command::OfferSettlement {
                            claim_id: claim_id.clone(),
                            amount: cny(second),
                            remedies: vec![],
                            valid_until: None,
                        },
                        now,
                    ));
                    agreed = second;
                }
                let paid = Command::RecordClaimPaid {
                    claim_id: claim_id.clone(),
                    paid_at,
                    amount: cny(agreed),
                    payment_reference: reference.clone(),
                };
                match ending {
                    Ending::Open => {}
                    Ending::Paid => {
                        steps.push((
                            Command::RecordClaimResponse {
                                claim_id: claim_id.clone(),
                                response: ClaimResponse::Accepted {},
                            },
                            now,
                        ));
                        steps.push((
                            Command::SettleClaim {
                                claim_id: claim_id.clone(),
                            },
                            now,
                        ));
                        steps.push((paid.clone(), pay_when));
                        if fails {
                            steps.push((
                                Command::RecordClaimPaymentFailed {
                                    claim_id: claim_id.clone(),
                                    reason: "returned by the bank".into(),
                                },
                                now,
                            ));
                            // Sometimes the customer cannot be reached: the money is held
                            // as unclaimed (under a policy with a period) until claimed.
                            if counter {
                                steps.push((
                                    Command::DeclareClaimUnclaimed {
                                        claim_id: claim_id.clone(),
                                        held_at: "client-money ledger".into(),
                                    },
                                    now,
                                ));
                            }
                            steps.push((paid.clone(), pay_when));
                        }
                        // Sometimes the payment went to the wrong account: a reversal is
                        // requested, confirmed by a second person and the claim paid again.
                        if !fails && counter && recovered == 0 {
                            steps.push((
                                Command::RequestPaymentReversal {
                                    claim_id: claim_id.clone(),
                                    reason: ReversalReason::PaidInError,
                                    note: "paid to a closed account".into(),
                                },
                                now,
                            ));
                            if bump.is_some() {
                                steps.push((
                                    Command::WithdrawPaymentReversal {
                                        claim_id: claim_id.clone(),
                                        reason: "the account was open after all".into(),
                                    },
                                    now,
                                ));
                            } else {
                                steps.push((
                                    Command::ConfirmPaymentReversal {
                                        claim_id: claim_id.clone(),
                                    },
                                    now,
                                ));
                                steps.push((paid.clone(), pay_when));
                            }
                        }
                        // Sometimes the police return part of the funds (代位追偿).
                        if recovered > 0 {
                            steps.push((
                                Command::RecordRecovery {
                                    claim_id: claim_id.clone(),
                                    source: RecoverySource::Police,
                                    amount: cny(recovered.min(agreed.max(1))),
                                    reference: "case 2026-0042".into(),
                                },
                                now,
                            ));
                        }
                    }
                    Ending::Escalated => steps.push((
                        Command::EscalateClaim {
                            claim_id,
                            reason: reference,
                        },
                        now,
                    )),
                    Ending::Rejected => {
                        steps.push((
                            Command::RejectClaim {
                                claim_id: claim_id.clone(),
                                reason: reference.clone(),
                            },
                            now,
                        ));
                        // Sometimes the customer complains through 12386, and new
                        // evidence reopens the claim under the same policy.
                        if counter {
                            steps.push((
                                Command::RecordClaimAppeal {
                                    claim_id: claim_id.clone(),
                                    channel: AppealChannel::Csrc12386,
                                    reference: reference.clone(),
                                },
                                now,
                            ));
                            steps.push((
                                Command::RecordAppealOutcome {
                                    claim_id: claim_id.clone(),
                                    channel: AppealChannel::Csrc12386,
                                    outcome: AppealOutcome::Varied,
                                    note: reference.clone(),
                                },
                                now,
                            ));
                            steps.push((
                                Command::ReopenClaim {
                                    claim_id,
                                    claim: Box::new(claim.clone()),
                                    new_evidence: reference,
                                },
                                now,
                            ));
                        }
                    }
                }
                steps
            },
        )
}

/// Compensation decided: a program opened (and usually a claim or two negotiated under
/// it), or compensation declared not applicable.
pub(crate) fn compensation_decision() -> impl Strategy<Value = Vec<(Command, When)>> {
    let opened = (program_id(), select(policies()), budget()).prop_flat_map(
        |(program_id, policy, budget)| {
            let open = Command::open_compensation_program(program_id.clone(), &policy, budget);
            let amended = program_id.clone();
            let allocated = (program_id.clone(), policy.clone());
            (
                vec(negotiation(program_id, policy).boxed(), 0..3),
                option::weighted(0.2, 100_000_000i64..1_000_000_000),
                option::weighted(0.3, (claim_id(), claim())),
            )
                .prop_map(move |(claims, more, allocation)| {
                    let mut steps = vec![(open.clone(), When::Within(0))];
                    // Sometimes the budget runs out first and the board raises it.
                    if let Some(more) = more {
                        steps.push((
                            Command::AmendCompensationProgram {
                                program_id: amended.clone(),
                                budget: Some(cny(more)),
                                claims_close_at: None,
                                policy: None,
                                reason: "board raised the budget".into(),
                            },
                            When::Within(0),
                        ));
                    }
                    steps.extend(claims.into_iter().flatten());
                    if let Some((claim_id, claim)) = &allocation {
                        steps.extend(allocation_steps(&allocated, claim_id, claim));
                    }
                    steps
                })
        },
    );
    prop_oneof![
        3 => opened.boxed(),
        1 => good_text().prop_map(|reason| {
            vec![(Command::DeclareCompensationNotApplicable { reason }, When::Within(0))]
        }).boxed(),
    ]
}

/// One more claim assessed (and reviewed when the policy flags it), the claim window closed
/// now, and the budget allocated at the next step, after the window.
fn allocation_steps(
    (program_id, policy): &(ProgramId, Policy),
    claim_id: &ClaimId,
    claim: &Claim,
) -> Vec<(Command, When)> {
    let now = When::Within(0);
    let mut steps = vec![(
        Command::record_claim_assessment(program_id.clone(), claim_id.clone(), claim),
        now,
    )];
    if policy.decide(claim).is_ok_and(|d| d.needs_manual_review()) {
        steps.push((
            Command::RecordClaimReview {
                claim_id: claim_id.clone(),
                note: "checked against the ledger".into(),
            },
            now,
        ));
    }
    steps.push((
        Command::AmendCompensationProgram {
            program_id: program_id.clone(),
            budget: None,
            claims_close_at: Some(placeholder()),
            policy: None,
            reason: "the claim window closes".into(),
        },
        now,
    ));
    steps.push((
        Command::AllocateBudget {
            program_id: program_id.clone(),
        },
        now,
    ));
    steps
}
