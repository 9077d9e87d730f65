//! Commands on compensation: programs opened under the reference policies, claims assessed,
//! reviewed, overridden, offered, countered, settled, paid (and failed), escalated or
//! rejected.

use incident::compensation::*;
use incident::id::PolicyId;
use incident::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::pools::{placeholder, MAX_SHORT, MAX_TITLE};
use crate::generators::values::{claim_id, customer, program_id, text};

use super::Arms;

/// The reference securities policy (latest version: a 180-day unclaimed period), version 1
/// of the reference platform policy (no unclaimed period: nothing under it is declared
/// unclaimed), and the securities one with a one-day period (so that generated runs reach
/// a declaration). All in CNY.
pub(crate) fn policies() -> Vec<Policy> {
    let mut unclaimed = serde_json::to_value(reference_securities_policy()).unwrap();
    unclaimed["terms"]["unclaimed_after_days"] = 1.into();
    let platform_v1 = PolicyRef {
        id: PolicyId::new("platform-data-theft").unwrap(),
        version: 1,
    };
    vec![
        reference_securities_policy(),
        reference_policy(&platform_v1).unwrap(),
        serde_json::from_value(unclaimed).unwrap(),
    ]
}

/// A claim: mostly valid CNY claims of every tier and evidence strength, sometimes one in
/// another currency (which no reference policy can assess).
pub(crate) fn claim() -> BoxedStrategy<Claim> {
    let evidence = select(vec![
        EvidenceStrength::None,
        EvidenceStrength::Unverified,
        EvidenceStrength::Partial,
        EvidenceStrength::Verified,
    ]);
    let tier = select(vec![Tier::Standard, Tier::Premium, Tier::Vip]);
    (
        customer(),
        tier,
        prop_oneof![12 => (0i64..2_000_000).prop_map(cny), 1 => (0i64..1_000).prop_map(|m| Money::from_minor(m, Currency::USD))],
        evidence,
        option::of(0i64..2_000_000),
        any::<bool>(),
    )
        .prop_filter_map(
            "a claim the builder accepts",
            |(customer, tier, reported, evidence, verified, compromised)| {
                let mut builder = Claim::builder(customer, tier, reported, evidence)
                    .account_compromised(compromised);
                if let Some(v) = verified.filter(|_| evidence == EvidenceStrength::Verified) {
                    builder = builder.verified_loss(Money::from_minor(v, reported.currency()));
                }
                builder.build().ok()
            },
        )
        .boxed()
}

/// A validity limit for an offer: mostly none, else long after any generated time, or
/// long before (refused).
pub(crate) fn valid_until() -> BoxedStrategy<Option<chrono::DateTime<chrono::Utc>>> {
    use chrono::TimeZone;
    prop_oneof![
        6 => Just(None),
        2 => Just(Some(chrono::Utc.with_ymd_and_hms(2099, 1, 1, 0, 0, 0).unwrap())),
        1 => Just(Some(chrono::Utc.with_ymd_and_hms(2001, 1, 1, 0, 0, 0).unwrap())),
    ]
    .boxed()
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

/// A budget amount for an amendment: mostly ample, sometimes below what is reserved,
/// non-positive or in another currency.
fn budget_amount() -> BoxedStrategy<Money> {
    prop_oneof![
        4 => (100_000_000i64..1_000_000_000).prop_map(cny),
        2 => (1i64..1_500_000).prop_map(cny),
        1 => (-100i64..=0).prop_map(cny),
        1 => Just(Money::from_minor(1_000_000, Currency::USD)),
    ]
    .boxed()
}

/// Each policy as it is (not a later version) and as its next version (the same rules).
pub(crate) fn next_versions() -> Vec<Policy> {
    let mut out = Vec::new();
    for policy in policies() {
        let mut json = serde_json::to_value(&policy).unwrap();
        out.push(serde_json::from_value(json.clone()).unwrap());
        json["version"] = (policy.version() + 1).into();
        out.push(serde_json::from_value(json).unwrap());
    }
    out
}

/// Where an appeal comes in.
pub(crate) fn appeal_channel() -> BoxedStrategy<AppealChannel> {
    select(AppealChannel::ALL.to_vec()).boxed()
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
        1 => Just(Remedy::CreditReportObjection {}),
        1 => Just(Remedy::AccountSecurityReview {}),
        1 => Just(Remedy::Interest { annual_rate_bps: 345 }),
        1 => (1i64..10_000).prop_map(|a| Remedy::Goodwill { amount: cny(a) }),
        1 => Just(Remedy::CreditMonitoring { months: 0 }),
    ]
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
            (program_id(), select(policies()), budget(), any::<bool>())
                .prop_map(|(program_id, policy, budget, window)| {
                    let mut open = Command::open_compensation_program(program_id, &policy, budget);
                    if let Command::OpenCompensationProgram {
                        claims_close_at, ..
                    } = &mut open
                    {
                        *claims_close_at = window.then(placeholder);
                    }
                    open
                })
                .boxed(),
        ),
        (
            2,
            text(MAX_SHORT)
                .prop_map(|reason| Command::DeclareCompensationNotApplicable { reason })
                .boxed(),
        ),
        (
            1,
            (
                program_id(),
                option::of(budget_amount()),
                option::of(select(next_versions())),
                text(MAX_SHORT),
                any::<bool>(),
            )
                .prop_map(|(program_id, budget, policy, reason, window)| {
                    Command::AmendCompensationProgram {
                        program_id,
                        budget,
                        claims_close_at: window.then(placeholder),
                        policy: policy.map(Box::new),
                        reason,
                    }
                })
                .boxed(),
        ),
        (
            2,
            (program_id(), claim_id(), claim())
                .prop_map(|(program_id, claim_id, claim)| {
                    Command::record_claim_assessment(program_id, claim_id, &claim)
                })
                .boxed(),
        ),
        (
            1,
            (
                claim_id(),
                claim_money(),
                vec(service(), 0..2),
                text(MAX_SHORT),
            )
                .prop_map(
                    |(claim_id, cash, remedies, reason)| Command::ProposeAssessmentOverride {
                        claim_id,
                        cash,
                        remedies,
                        reason,
                    },
                )
                .boxed(),
        ),
        (
            1,
            claim_id()
                .prop_map(|claim_id| Command::ApproveAssessmentOverride { claim_id })
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, note)| Command::RecordClaimReview { claim_id, note })
                .boxed(),
        ),
        (
            1,
            (
                claim_id(),
                select(vec![
                    RecoverySource::Police,
                    RecoverySource::Bank,
                    RecoverySource::Insurer,
                ]),
                claim_money(),
                text(MAX_TITLE),
            )
                .prop_map(
                    |(claim_id, source, amount, reference)| Command::RecordRecovery {
                        claim_id,
                        source,
                        amount,
                        reference,
                    },
                )
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, reason)| Command::RecordClaimPaymentFailed {
                    claim_id,
                    reason,
                })
                .boxed(),
        ),
        (
            2,
            (
                claim_id(),
                claim_money(),
                vec(service(), 0..3),
                valid_until(),
            )
                .prop_map(
                    |(claim_id, amount, remedies, valid_until)| Command::OfferSettlement {
                        claim_id,
                        amount,
                        remedies,
                        valid_until,
                    },
                )
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
        (
            1,
            (
                claim_id(),
                select(vec![
                    ReversalReason::ReturnedByBank,
                    ReversalReason::PaidInError,
                    ReversalReason::Other,
                ]),
                text(MAX_SHORT),
            )
                .prop_map(|(claim_id, reason, note)| Command::RequestPaymentReversal {
                    claim_id,
                    reason,
                    note,
                })
                .boxed(),
        ),
        (
            1,
            claim_id()
                .prop_map(|claim_id| Command::ConfirmPaymentReversal { claim_id })
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, reason)| Command::WithdrawPaymentReversal {
                    claim_id,
                    reason,
                })
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, held_at)| Command::DeclareClaimUnclaimed {
                    claim_id,
                    held_at,
                })
                .boxed(),
        ),
        (
            1,
            (claim_id(), claim(), text(MAX_SHORT))
                .prop_map(|(claim_id, claim, new_evidence)| Command::ReopenClaim {
                    claim_id,
                    claim: Box::new(claim),
                    new_evidence,
                })
                .boxed(),
        ),
        (
            1,
            (claim_id(), appeal_channel(), text(MAX_TITLE))
                .prop_map(
                    |(claim_id, channel, reference)| Command::RecordClaimAppeal {
                        claim_id,
                        channel,
                        reference,
                    },
                )
                .boxed(),
        ),
        (
            1,
            (
                claim_id(),
                appeal_channel(),
                select(vec![
                    AppealOutcome::Upheld,
                    AppealOutcome::Varied,
                    AppealOutcome::Agreed,
                    AppealOutcome::Withdrawn,
                ]),
                text(MAX_SHORT),
            )
                .prop_map(
                    |(claim_id, channel, outcome, note)| Command::RecordAppealOutcome {
                        claim_id,
                        channel,
                        outcome,
                        note,
                    },
                )
                .boxed(),
        ),
        (
            2,
            program_id()
                .prop_map(|program_id| Command::AllocateBudget { program_id })
                .boxed(),
        ),
    ]
}
