//! Batch assessment that does not abort (`Program::assess_batch`): bad claims are skipped
//! and reported, duplicate customers are assessed once, and what is assessed sums exactly
//! as the fast path (`Program::assess`) sums the same claims.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use incident::compensation::*;
use incident::id::{CustomerRef, ProgramId};
use incident::{Currency, Money};
use proptest::prelude::*;

fn claim(who: &str, minor: i64, currency: Currency, evidence: EvidenceStrength) -> Claim {
    let mut b = Claim::builder(
        CustomerRef::new(who).unwrap(),
        Tier::Standard,
        Money::from_minor(minor, currency),
        evidence,
    );
    if matches!(
        evidence,
        EvidenceStrength::Verified | EvidenceStrength::Partial
    ) {
        b = b.verified_loss(Money::from_minor(minor, currency));
    }
    b.build().unwrap()
}

fn program(policy: &Policy) -> Program {
    Program::new(
        ProgramId::new("P-batch").unwrap(),
        policy,
        Money::from_minor(1_000_000_000, Currency::CNY),
    )
    .unwrap()
}

#[test]
fn one_hkd_claim_does_not_abort_the_batch() {
    let policy = reference_securities_policy();
    let program = program(&policy);
    let mut claims: Vec<Claim> = (0..1_000)
        .map(|n| {
            claim(
                &format!("C-{n}"),
                10_000,
                Currency::CNY,
                EvidenceStrength::Verified,
            )
        })
        .collect();
    claims[500] = claim("C-HK", 10_000, Currency::HKD, EvidenceStrength::Verified);
    // The fast path stops at the bad claim.
    let err = program.assess(&policy, &claims).unwrap_err();
    assert!(
        matches!(err, CompensationError::CurrencyMismatch { .. }),
        "{err}"
    );
    let report = program.assess_batch(&policy, &claims).unwrap();
    assert_eq!(report.received, 1_000);
    assert_eq!(report.summary.claims, 999);
    assert_eq!(
        report.skipped,
        [SkippedClaim {
            index: 500,
            customer: CustomerRef::new("C-HK").unwrap(),
            reason: SkipReason::CurrencyMismatch {
                claim: Currency::HKD,
                expected: Currency::CNY,
            },
        }]
    );
    assert_eq!(
        report.skipped[0].reason.to_string(),
        "the claim is in HKD, the policy in CNY: convert the claim's losses to CNY and assess it again"
    );
    assert!(!report.is_complete());
    // What was assessed sums exactly as the fast path over the good claims.
    let good: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.currency() == Currency::CNY)
        .collect();
    assert_eq!(report.summary, program.assess(&policy, good).unwrap());
    // The report is data: it round-trips through JSON.
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(serde_json::from_str::<BatchReport>(&json).unwrap(), report);
}

#[test]
fn a_customer_twice_is_assessed_once_and_flagged() {
    let policy = reference_securities_policy();
    let program = program(&policy);
    let claims = [
        claim("C-1", 50_000, Currency::CNY, EvidenceStrength::Verified),
        claim("C-2", 0, Currency::CNY, EvidenceStrength::None),
        claim("C-1", 90_000, Currency::CNY, EvidenceStrength::Verified),
        claim("C-1", 10, Currency::CNY, EvidenceStrength::Unverified),
    ];
    let report = program.assess_batch(&policy, &claims).unwrap();
    assert_eq!(report.summary.claims, 2);
    assert_eq!(
        report
            .duplicates
            .iter()
            .map(|d| (d.index, d.customer.as_str(), d.first_index))
            .collect::<Vec<_>>(),
        [(2, "C-1", 0), (3, "C-1", 0)]
    );
    // ¥500 reimbursed to C-1, ¥100 goodwill to C-2: the later C-1 claims add nothing.
    assert_eq!(
        report.summary.cash_total,
        Money::from_minor(60_000, Currency::CNY)
    );
}

/// Abuse: a fraud ring files claims for several customers, all paid into one account.
/// The batch assesses them like the rest and lists the account with its claims; a
/// customer's later claim (a duplicate) and a claim it could not assess are not listed,
/// and claims naming distinct accounts or none are not flagged.
#[test]
fn a_payout_account_named_by_several_customers_is_listed() {
    let policy = reference_securities_policy();
    let program = program(&policy);
    let paid_into = |c: Claim, account: &str| {
        let json = serde_json::to_value(&c).unwrap();
        let mut json = json.as_object().unwrap().clone();
        json.insert("payout".into(), account.into());
        serde_json::from_value::<Claim>(json.into()).unwrap()
    };
    let cny = |who: &str| claim(who, 10_000, Currency::CNY, EvidenceStrength::Verified);
    let claims = [
        paid_into(cny("C-1"), "acct-7f3a"),
        paid_into(cny("C-2"), "acct-0001"),
        cny("C-3"),
        paid_into(cny("C-4"), "acct-7f3a"),
        paid_into(cny("C-1"), "acct-7f3a"),
        paid_into(
            claim("C-5", 10_000, Currency::HKD, EvidenceStrength::Verified),
            "acct-7f3a",
        ),
        paid_into(cny("C-6"), "acct-7f3a"),
    ];
    let report = program.assess_batch(&policy, &claims).unwrap();
    assert_eq!(report.summary.claims, 5);
    assert_eq!(report.shared_payouts.len(), 1);
    let shared = &report.shared_payouts[0];
    assert_eq!(shared.payout.as_str(), "acct-7f3a");
    assert_eq!(
        shared
            .claims
            .iter()
            .map(|c| (c.index, c.customer.as_str()))
            .collect::<Vec<_>>(),
        [(0, "C-1"), (3, "C-4"), (6, "C-6")]
    );
    // Listed, not left out: the report is complete but for the duplicate and the skip.
    assert_eq!((report.duplicates.len(), report.skipped.len()), (1, 1));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["shared_payouts"][0]["claims"][1]["index"], 3);

    // Without shared accounts the member is left out of the JSON.
    let report = program.assess_batch(&policy, &claims[..3]).unwrap();
    assert!(report.shared_payouts.is_empty());
    let json = serde_json::to_value(&report).unwrap();
    assert!(json.get("shared_payouts").is_none());
}

#[test]
fn a_claim_that_would_overflow_the_total_is_skipped_and_the_total_kept() {
    let policy = reference_securities_policy();
    let program = program(&policy);
    // Each reimburses i64::MAX before the per-customer cap: the second overflows the
    // batch's reimbursed total.
    let claims = [
        claim("C-1", i64::MAX, Currency::CNY, EvidenceStrength::Verified),
        claim("C-2", i64::MAX, Currency::CNY, EvidenceStrength::Verified),
        claim("C-3", 0, Currency::CNY, EvidenceStrength::None),
    ];
    assert!(program.assess(&policy, &claims).is_err());
    let report = program.assess_batch(&policy, &claims).unwrap();
    assert_eq!(report.summary.claims, 2);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].index, 1);
    assert_eq!(report.skipped[0].reason, SkipReason::Overflow {});
    let assessed = [&claims[0], &claims[2]];
    assert_eq!(report.summary, program.assess(&policy, assessed).unwrap());
}

fn arb_claims() -> impl Strategy<Value = Vec<Claim>> {
    let one = (
        0u8..12,
        0i64..2_000_000,
        prop_oneof![
            Just(Currency::CNY),
            Just(Currency::CNY),
            Just(Currency::HKD)
        ],
        prop_oneof![
            Just(EvidenceStrength::Verified),
            Just(EvidenceStrength::Partial),
            Just(EvidenceStrength::Unverified),
            Just(EvidenceStrength::None),
        ],
    )
        .prop_map(|(who, minor, currency, evidence)| {
            claim(&format!("C-{who}"), minor, currency, evidence)
        });
    prop::collection::vec(one, 0..40)
}

proptest! {
    /// Against a simple model: the batch equals the fast path over the claims that are in
    /// the policy currency and the first of their customer; every claim is accounted for.
    #[test]
    fn the_batch_equals_the_fast_path_over_the_claims_it_keeps(
        claims in arb_claims(),
        platform in any::<bool>(),
    ) {
        let policy = if platform { reference_platform_policy() } else { reference_securities_policy() };
        let program = program(&policy);
        let report = program.assess_batch(&policy, &claims).unwrap();
        let mut seen = BTreeSet::new();
        let kept: Vec<&Claim> = claims
            .iter()
            .filter(|c| c.currency() == Currency::CNY && seen.insert(c.customer().clone()))
            .collect();
        prop_assert_eq!(&report.summary, &program.assess(&policy, kept).unwrap());
        prop_assert_eq!(
            report.received,
            report.summary.claims + report.skipped.len() as u64 + report.duplicates.len() as u64
        );
        prop_assert_eq!(report.received, claims.len() as u64);
        for d in &report.duplicates {
            prop_assert!(d.first_index < d.index);
            prop_assert_eq!(claims[d.first_index as usize].customer(), &d.customer);
        }
    }
}
