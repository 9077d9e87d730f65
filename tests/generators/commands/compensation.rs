//! Commands on compensation: programs pinned to the reference policies, claims assessed,
//! offered, countered, settled, paid, escalated or rejected.

use incident::compensation::*;
use incident::id::*;
use incident::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::pools::{placeholder, MAX_SHORT, MAX_TITLE};
use crate::generators::values::{claim_id, customer, program_id, text};

use super::Arms;

/// The pins of the two reference policies (both in CNY).
pub(crate) fn pins() -> Vec<PolicyPin> {
    vec![
        reference_securities_policy().pin().unwrap(),
        reference_platform_policy().pin().unwrap(),
    ]
}

pub(crate) fn cny(minor: i64) -> Money {
    Money::from_minor(minor, Currency::CNY)
}

/// A claim amount: mostly valid CNY, sometimes negative or in another currency.
fn claim_money() -> BoxedStrategy<Money> {
    prop_oneof![
        12 => (0i64..2_000_000).prop_map(cny),
        1 => (-500i64..0).prop_map(cny),
        1 => (0i64..1_000).prop_map(|m| Money::from_minor(m, Currency::USD)),
    ]
    .boxed()
}

/// A program budget: none, ample, tight (settlements soon exceed it), or invalid.
pub(crate) fn budget() -> BoxedStrategy<Option<Money>> {
    prop_oneof![
        4 => Just(None),
        4 => (100_000_000i64..1_000_000_000).prop_map(|m| Some(cny(m))),
        2 => (1i64..1_500_000).prop_map(|m| Some(cny(m))),
        1 => (-100i64..=0).prop_map(|m| Some(cny(m))),
        1 => Just(Some(Money::from_minor(1_000_000, Currency::USD))),
    ]
    .boxed()
}

/// Services offered alongside a settlement: mostly valid, sometimes cash or 0 months.
pub(crate) fn service() -> BoxedStrategy<Remedy> {
    prop_oneof![
        2 => (1u16..=24).prop_map(|months| Remedy::CreditMonitoring { months }),
        2 => (1u16..=12).prop_map(|months| Remedy::FeeWaiver { months }),
        1 => (1i64..100_000_000, 1u16..=24).prop_map(|(c, months)| {
            Remedy::IdentityTheftInsurance { coverage: cny(c), months }
        }),
        1 => Just(Remedy::AssistedPasswordReset {}),
        1 => Just(Remedy::AccountFreeze {}),
        1 => Just(Remedy::NegotiatedSettlement {}),
        1 => (1i64..10_000).prop_map(|a| Remedy::Goodwill { amount: cny(a) }),
        1 => Just(Remedy::CreditMonitoring { months: 0 }),
    ]
    .boxed()
}

/// What a policy might have granted (any remedy).
fn granted() -> BoxedStrategy<Remedy> {
    prop_oneof![
        service(),
        (1u32..=10_000).prop_map(|share_bps| Remedy::Reimburse {
            share_bps,
            cap: None
        }),
    ]
    .boxed()
}

fn assessment(policies: Vec<PolicyRef>) -> BoxedStrategy<ClaimAssessment> {
    (
        select(policies),
        claim_money(),
        vec(granted(), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(policy, cash, remedies, needs_manual_review)| ClaimAssessment {
                policy,
                cash,
                remedies,
                needs_manual_review,
            },
        )
        .boxed()
}

fn response() -> BoxedStrategy<ClaimResponse> {
    prop_oneof![
        3 => Just(ClaimResponse::Accepted {}),
        2 => (claim_money(), option::of(text(MAX_SHORT)))
            .prop_map(|(amount, note)| ClaimResponse::Countered { amount, note }),
    ]
    .boxed()
}

/// Compensation programs and claims.
pub(super) fn compensation_arms() -> Arms {
    vec![
        (
            2,
            (program_id(), select(pins()), budget())
                .prop_map(
                    |(program_id, pin, budget)| Command::OpenCompensationProgram {
                        program_id,
                        pin,
                        budget,
                    },
                )
                .boxed(),
        ),
        (
            2,
            text(MAX_SHORT)
                .prop_map(|reason| Command::DeclareCompensationNotApplicable { reason })
                .boxed(),
        ),
        (
            2,
            (
                program_id(),
                claim_id(),
                customer(),
                assessment({
                    let mut policies: Vec<PolicyRef> =
                        pins().into_iter().map(|p| p.policy).collect();
                    policies.push(PolicyRef {
                        id: PolicyId::new("other").unwrap(),
                        version: 9,
                    });
                    policies
                }),
            )
                .prop_map(|(program_id, claim_id, customer, assessment)| {
                    Command::RecordClaimAssessment {
                        program_id,
                        claim_id,
                        customer,
                        assessment,
                    }
                })
                .boxed(),
        ),
        (
            2,
            (claim_id(), claim_money(), vec(service(), 0..3))
                .prop_map(|(claim_id, amount, remedies)| Command::OfferSettlement {
                    claim_id,
                    amount,
                    remedies,
                })
                .boxed(),
        ),
        (
            2,
            (claim_id(), response())
                .prop_map(|(claim_id, response)| Command::RecordClaimResponse {
                    claim_id,
                    response,
                })
                .boxed(),
        ),
        (
            1,
            claim_id()
                .prop_map(|claim_id| Command::SettleClaim { claim_id })
                .boxed(),
        ),
        (
            1,
            (
                claim_id(),
                option::of(Just(placeholder())),
                claim_money(),
                text(MAX_TITLE),
            )
                .prop_map(|(claim_id, paid_at, amount, payment_reference)| {
                    Command::RecordClaimPaid {
                        claim_id,
                        paid_at,
                        amount,
                        payment_reference,
                    }
                })
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, reason)| Command::EscalateClaim { claim_id, reason })
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, reason)| Command::RejectClaim { claim_id, reason })
                .boxed(),
        ),
    ]
}
