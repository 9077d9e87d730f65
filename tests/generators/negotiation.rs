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

use crate::generators::commands::compensation::{budget, cny, pins, service};
use crate::generators::pools::placeholder;
use crate::generators::recipes::{edge_when, pooled_or};
use crate::generators::scenario::When;
use crate::generators::values::{claim_id, customer, good_text, program_id};

/// How a negotiation recipe ends.
#[derive(Debug, Clone, Copy)]
enum Ending {
    /// Stop after the offers (the claim stays offered or countered).
    Open,
    Paid,
    Escalated,
    Rejected,
}

/// A claim negotiated under the program the recipe opened (pinned to `pin`): assessed,
/// offered, maybe countered and re-offered, then paid, escalated, rejected or left open.
fn negotiation(
    program_id: ProgramId,
    pin: PolicyPin,
) -> impl Strategy<Value = Vec<(Command, When)>> {
    (
        pooled_or(claim_id(), ClaimId::new("CLR").unwrap()),
        customer(),
        (
            0i64..1_000_000,
            0i64..2_000_000,
            1i64..2_000_000,
            0i64..2_000_000,
        ),
        vec(service(), 0..2),
        prop::bool::weighted(0.5),
        prop_oneof![
            1 => Just(Ending::Open),
            4 => Just(Ending::Paid),
            1 => Just(Ending::Escalated),
            1 => Just(Ending::Rejected),
        ],
        (option::of(Just(placeholder())), edge_when(), good_text()),
    )
        .prop_map(
            move |(claim_id, customer, amounts, services, counter, ending, payment)| {
                let (cash, first, asked, second) = amounts;
                let (paid_at, pay_when, reference) = payment;
                let now = When::Within(0);
                let mut steps = vec![
                    (
                        Command::RecordClaimAssessment {
                            program_id: program_id.clone(),
                            claim_id: claim_id.clone(),
                            customer,
                            assessment: ClaimAssessment {
                                policy: pin.policy.clone(),
                                cash: cny(cash),
                                remedies: vec![Remedy::NegotiatedSettlement {}],
                                needs_manual_review: true,
                            },
                        },
                        now,
                    ),
                    (
                        Command::OfferSettlement {
                            claim_id: claim_id.clone(),
                            amount: cny(first),
                            remedies: services,
                        },
                        now,
                    ),
                ];
                let mut agreed = first;
                if counter {
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
                            amount: cny(second.max(1)),
                            remedies: vec![],
                        },
                        now,
                    ));
                    agreed = second.max(1);
                }
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
                        steps.push((
                            Command::RecordClaimPaid {
                                claim_id,
                                paid_at,
                                amount: cny(agreed),
                                payment_reference: reference,
                            },
                            pay_when,
                        ));
                    }
                    Ending::Escalated => steps.push((
                        Command::EscalateClaim {
                            claim_id,
                            reason: reference,
                        },
                        now,
                    )),
                    Ending::Rejected => steps.push((
                        Command::RejectClaim {
                            claim_id,
                            reason: reference,
                        },
                        now,
                    )),
                }
                steps
            },
        )
}

/// Compensation decided: a program opened (and usually a claim or two negotiated under
/// it), or compensation declared not applicable.
pub(crate) fn compensation_decision() -> impl Strategy<Value = Vec<(Command, When)>> {
    let opened =
        (program_id(), select(pins()), budget()).prop_flat_map(|(program_id, pin, budget)| {
            let open = Command::OpenCompensationProgram {
                program_id: program_id.clone(),
                pin: pin.clone(),
                budget,
            };
            vec(negotiation(program_id, pin).boxed(), 0..3).prop_map(move |claims| {
                let mut steps = vec![(open.clone(), When::Within(0))];
                steps.extend(claims.into_iter().flatten());
                steps
            })
        });
    prop_oneof![
        3 => opened.boxed(),
        1 => good_text().prop_map(|reason| {
            vec![(Command::DeclareCompensationNotApplicable { reason }, When::Within(0))]
        }).boxed(),
    ]
}
