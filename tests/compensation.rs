//! Compensation: the reference policies decide a table of claims exactly; policy validation
//! names every problem; properties hold for arbitrary claims (caps, budgets, batch totals,
//! serde round-trips).

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use incident::*;
use proptest::prelude::*;

fn cny(minor: i64) -> Money {
    Money::from_minor(minor, Currency::CNY)
}

struct Case {
    evidence: EvidenceStrength,
    reported: i64,
    verified: Option<i64>,
    compromised: bool,
    data: &'static [DataCategory],
}

fn claim(name: &str, c: &Case) -> Claim {
    let mut b = Claim::builder(
        CustomerRef::new(name).unwrap(),
        Tier::Standard,
        cny(c.reported),
        c.evidence,
    )
    .account_compromised(c.compromised);
    if let Some(v) = c.verified {
        b = b.verified_loss(cny(v));
    }
    for d in c.data {
        b = b.data(*d);
    }
    b.build().unwrap()
}

/// (case, cash, cash before the customer cap, remedies, manual review, matched rule)
type Row = (Case, i64, i64, &'static [&'static str], bool, &'static str);

fn kinds(d: &Decision) -> Vec<&'static str> {
    d.granted.iter().map(|g| g.remedy.kind()).collect()
}

#[test]
fn securities_policy_table() {
    use EvidenceStrength as E;
    let policy = reference_securities_policy();
    let table: [Row; 6] = [
        (
            Case {
                evidence: E::Verified,
                reported: 100_000,
                verified: Some(100_000),
                compromised: true,
                data: &[],
            },
            100_000,
            100_000,
            &["reimburse", "account_freeze", "assisted_password_reset"],
            false,
            "verified-compromised",
        ),
        (
            Case {
                evidence: E::Verified,
                reported: 80_000_000,
                verified: Some(80_000_000),
                compromised: false,
                data: &[],
            },
            50_000_000,
            80_000_000,
            &["reimburse"],
            true,
            "verified-loss",
        ),
        (
            Case {
                evidence: E::Partial,
                reported: 500_000,
                verified: Some(200_000),
                compromised: false,
                data: &[],
            },
            200_000,
            200_000,
            &["reimburse", "negotiated_settlement"],
            true,
            "partial-evidence",
        ),
        (
            Case {
                evidence: E::Unverified,
                reported: 300_000,
                verified: None,
                compromised: false,
                data: &[],
            },
            20_000,
            20_000,
            &["negotiated_settlement", "goodwill", "fee_waiver"],
            true,
            "unverified-claim",
        ),
        (
            Case {
                evidence: E::None,
                reported: 0,
                verified: None,
                compromised: true,
                data: &[],
            },
            10_000,
            10_000,
            &[
                "account_freeze",
                "assisted_password_reset",
                "goodwill",
                "fee_waiver",
            ],
            false,
            "compromised-account",
        ),
        (
            Case {
                evidence: E::None,
                reported: 0,
                verified: None,
                compromised: false,
                data: &[],
            },
            10_000,
            10_000,
            &["goodwill", "fee_waiver"],
            false,
            "no-evidence-goodwill",
        ),
    ];
    for (n, (case, cash, before, remedies, review, rule)) in table.iter().enumerate() {
        let d = policy.decide(&claim(&format!("S-{n}"), case)).unwrap();
        assert_eq!(d.cash(), cny(*cash), "case {n}\n{}", d.explain());
        assert_eq!(
            d.assessment.cash_before_customer_cap,
            cny(*before),
            "case {n}"
        );
        assert_eq!(d.assessment.customer_cap_bound, cash != before, "case {n}");
        assert_eq!(kinds(&d), *remedies, "case {n}");
        assert_eq!(d.needs_manual_review(), *review, "case {n}");
        let matched: Vec<&str> = d
            .rules
            .iter()
            .filter(|r| r.status == RuleStatus::Matched)
            .map(|r| r.rule.as_str())
            .collect();
        assert_eq!(matched, [*rule], "case {n}");
        assert_eq!(
            d.explain().lines().count(),
            6 + 1 + usize::from(*review),
            "case {n}"
        );
    }
}

#[test]
fn platform_policy_table() {
    use DataCategory as D;
    use EvidenceStrength as E;
    let policy = reference_platform_policy();
    let table: [(Case, i64, i64, &[&str], bool); 5] = [
        (
            Case {
                evidence: E::None,
                reported: 0,
                verified: None,
                compromised: false,
                data: &[D::ContactDetails],
            },
            5_000,
            5_000,
            &["credit_monitoring", "goodwill"],
            false,
        ),
        (
            Case {
                evidence: E::Verified,
                reported: 1_000_000,
                verified: Some(1_000_000),
                compromised: true,
                data: &[D::IdentityDocument],
            },
            1_005_000,
            1_005_000,
            &[
                "reimburse",
                "credit_monitoring",
                "identity_theft_insurance",
                "account_freeze",
                "assisted_password_reset",
                "goodwill",
            ],
            false,
        ),
        (
            Case {
                evidence: E::Verified,
                reported: 6_000_000,
                verified: Some(6_000_000),
                compromised: false,
                data: &[],
            },
            5_000_000,
            5_005_000,
            &["reimburse", "goodwill"],
            true,
        ),
        (
            Case {
                evidence: E::Unverified,
                reported: 2_000_000,
                verified: None,
                compromised: false,
                data: &[],
            },
            5_000,
            5_000,
            &["negotiated_settlement", "goodwill"],
            true,
        ),
        (
            Case {
                evidence: E::Partial,
                reported: 100,
                verified: Some(50),
                compromised: false,
                data: &[D::Biometric],
            },
            5_000,
            5_000,
            &["identity_theft_insurance", "goodwill"],
            true,
        ),
    ];
    for (n, (case, cash, before, remedies, review)) in table.iter().enumerate() {
        let d = policy.decide(&claim(&format!("P-{n}"), case)).unwrap();
        assert_eq!(d.cash(), cny(*cash), "case {n}\n{}", d.explain());
        assert_eq!(
            d.assessment.cash_before_customer_cap,
            cny(*before),
            "case {n}"
        );
        assert_eq!(kinds(&d), *remedies, "case {n}");
        assert_eq!(d.needs_manual_review(), *review, "case {n}");
    }
    // The rule cap (¥50,000 on reimbursement) bound in case 2 and is stated.
    let d = policy
        .decide(&claim(
            "P-cap",
            &Case {
                evidence: E::Verified,
                reported: 6_000_000,
                verified: Some(6_000_000),
                compromised: false,
                data: &[],
            },
        ))
        .unwrap();
    assert!(d.granted[0].cap_bound);
    let text = d.explain();
    assert!(text.contains("verified-loss: matched: evidence verified holds → reimburse 100.00% of verified loss up to ¥50,000.00 = ¥50,000.00 (cap bound)"), "{text}");
    assert!(text.contains("per-customer cap bound"), "{text}");
    assert!(
        text.contains("credit-monitoring: not matched: data exposed is []; rule needs any of"),
        "{text}"
    );
}

fn builder() -> PolicyBuilder {
    Policy::builder(
        PolicyId::new("v").unwrap(),
        1,
        Currency::CNY,
        Matching::FirstMatch,
        cny(1_000),
    )
}

fn rule(id: &str, when: Condition, grant: Vec<Remedy>) -> Rule {
    Rule::new(RuleId::new(id).unwrap(), when, grant)
}

fn problems(b: PolicyBuilder) -> Vec<PolicyProblem> {
    b.build().unwrap_err().problems
}

#[test]
fn validation_errors_are_named() {
    assert_eq!(problems(builder()), [PolicyProblem::NoRules]);
    let always = || Condition::Always;
    assert!(matches!(
        problems(builder().rule(rule(
            "r",
            always(),
            vec![Remedy::CreditMonitoring { months: 0 }]
        )))[..],
        [PolicyProblem::ZeroMonths {
            remedy: "credit_monitoring",
            ..
        }]
    ));
    assert!(matches!(
        problems(builder().rule(rule(
            "r",
            always(),
            vec![Remedy::Reimburse {
                share_bps: 0,
                cap: None
            }]
        )))[..],
        [PolicyProblem::ShareOutOfRange { bps: 0, .. }]
    ));
    assert!(matches!(
        problems(builder().rule(rule(
            "r",
            always(),
            vec![Remedy::Reimburse {
                share_bps: 10_001,
                cap: None
            }]
        )))[..],
        [PolicyProblem::ShareOutOfRange { bps: 10_001, .. }]
    ));
    assert!(matches!(
        problems(builder().rule(rule(
            "r",
            always(),
            vec![Remedy::Goodwill {
                amount: Money::from_minor(5, Currency::USD)
            }]
        )))[..],
        [PolicyProblem::CurrencyMismatch {
            expected: Currency::CNY,
            ..
        }]
    ));
    assert!(matches!(
        problems(builder().rule(rule(
            "r",
            always(),
            vec![Remedy::Reimburse {
                share_bps: 5_000,
                cap: Some(cny(0))
            }]
        )))[..],
        [PolicyProblem::NonPositiveAmount { .. }]
    ));
    // A rule cap above the per-customer cap is fine.
    assert!(builder()
        .rule(rule(
            "r",
            always(),
            vec![Remedy::Reimburse {
                share_bps: 5_000,
                cap: Some(cny(9_999))
            }]
        ))
        .build()
        .is_ok());
    let verified = || Condition::Evidence {
        any_of: [EvidenceStrength::Verified].into(),
    };
    let p = problems(
        builder()
            .rule(rule(
                "a",
                verified(),
                vec![Remedy::Reimburse {
                    share_bps: 10_000,
                    cap: Some(cny(10)),
                }],
            ))
            .rule(rule(
                "b",
                verified(),
                vec![Remedy::Reimburse {
                    share_bps: 10_000,
                    cap: Some(cny(20)),
                }],
            )),
    );
    assert_eq!(
        p[0].to_string(),
        "rule b can never apply: earlier rule a has the identical condition and the policy is first-match; merge them or change a condition"
    );
    // The same rules are fine when accumulating.
    assert!(Policy::builder(
        PolicyId::new("v").unwrap(),
        1,
        Currency::CNY,
        Matching::Accumulate,
        cny(1_000)
    )
    .rule(rule("a", verified(), vec![Remedy::FeeWaiver { months: 1 }]))
    .rule(rule("b", verified(), vec![Remedy::FeeWaiver { months: 2 }]))
    .build()
    .is_ok());
    assert!(matches!(
        problems(
            builder()
                .rule(rule("a", verified(), vec![Remedy::AccountFreeze]))
                .rule(rule("a", always(), vec![Remedy::AccountFreeze]))
        )[..],
        [PolicyProblem::DuplicateRuleId { .. }]
    ));
    let err = Policy::builder(
        PolicyId::new("v").unwrap(),
        1,
        Currency::CNY,
        Matching::FirstMatch,
        cny(-1),
    )
    .build()
    .unwrap_err();
    assert_eq!(err.problems.len(), 2);
    assert!(err.to_string().contains("customer_cap: amount"), "{err}");
}

#[test]
fn deserializing_an_invalid_policy_fails() {
    let mut json = serde_json::to_value(reference_securities_policy()).unwrap();
    json["rules"][1]["grant"][0]["share_bps"] = 20_000.into();
    let err = serde_json::from_value::<Policy>(json).unwrap_err();
    assert!(
        err.to_string().contains("20000 bps is outside 1..=10000"),
        "{err}"
    );

    let mut json = serde_json::to_value(reference_platform_policy()).unwrap();
    json["surprise"] = true.into();
    assert!(serde_json::from_value::<Policy>(json).is_err());

    let mut json = serde_json::to_value(reference_platform_policy()).unwrap();
    json["rules"] = serde_json::json!([]);
    let err = serde_json::from_value::<Policy>(json).unwrap_err();
    assert!(err.to_string().contains("has no rules"), "{err}");
}

#[test]
fn program_pins_policy_and_budget() {
    let policy = reference_securities_policy();
    assert!(Program::new(ProgramId::new("P").unwrap(), &policy, cny(0)).is_err());
    let program = Program::new(ProgramId::new("P").unwrap(), &policy, cny(1)).unwrap();
    let err = program
        .assess(&reference_platform_policy(), std::iter::empty::<Claim>())
        .unwrap_err();
    assert!(
        matches!(err, CompensationError::PolicyMismatch { .. }),
        "{err}"
    );
}

fn arb_claim() -> impl Strategy<Value = Claim> {
    use EvidenceStrength as E;
    (
        0usize..4,
        0i64..200_000_000,
        0i64..200_000_000,
        any::<bool>(),
        0usize..3,
        proptest::collection::btree_set(0usize..DataCategory::ALL.len(), 0..4),
    )
        .prop_map(|(e, reported, verified, compromised, tier, data)| {
            let evidence = [E::Verified, E::Partial, E::Unverified, E::None][e];
            let tier = [Tier::Standard, Tier::Premium, Tier::Vip][tier];
            let mut b = Claim::builder(
                CustomerRef::new("X").unwrap(),
                tier,
                cny(reported),
                evidence,
            )
            .account_compromised(compromised);
            if matches!(evidence, E::Verified | E::Partial) {
                b = b.verified_loss(cny(verified.min(reported)));
            }
            for d in data {
                b = b.data(DataCategory::ALL[d]);
            }
            b.build().unwrap()
        })
}

proptest! {
    #[test]
    fn cash_never_exceeds_the_customer_cap(claim in arb_claim(), cap in 1i64..100_000_000) {
        for reference in [reference_platform_policy(), reference_securities_policy()] {
            let d = reference.decide(&claim).unwrap();
            prop_assert!(d.cash().amount_minor() <= reference.customer_cap().amount_minor());
            prop_assert!(!d.cash().is_negative());
            // The same rules under an arbitrary per-customer cap.
            let mut b = Policy::builder(reference.id().clone(), 2, Currency::CNY, reference.matching(), cny(cap));
            for r in reference.rules() {
                b = b.rule(r.clone());
            }
            let capped = b.build().unwrap();
            prop_assert!(capped.assess(&claim).unwrap().cash.amount_minor() <= cap);
        }
    }

    #[test]
    fn batch_totals_equal_the_sum_of_decisions(claims in proptest::collection::vec(arb_claim(), 0..40)) {
        let policy = reference_platform_policy();
        let program = Program::new(ProgramId::new("P").unwrap(), &policy, cny(1_000_000)).unwrap();
        let summary = program.assess(&policy, claims.iter()).unwrap();
        let mut cash = cny(0);
        let mut review = 0;
        let mut totals = RemedyTotals::zero(Currency::CNY);
        for c in &claims {
            let d = policy.decide(c).unwrap();
            cash = cash.checked_add(d.cash()).unwrap();
            review += u64::from(d.needs_manual_review());
            totals.checked_add(&d.assessment.remedies).unwrap();
        }
        prop_assert_eq!(summary.claims, claims.len() as u64);
        prop_assert_eq!(summary.cash_total, cash);
        prop_assert_eq!(summary.needs_manual_review, review);
        prop_assert_eq!(summary.remedies, totals);
        let o = summary.outcomes;
        prop_assert_eq!(o.cash + o.services_only + o.no_remedy, claims.len() as u64);
    }

    #[test]
    fn pro_rata_never_exceeds_the_budget(
        cash in proptest::collection::vec(0i64..10_000_000, 1..60),
        budget_share in 1i64..10_000,
    ) {
        let total: i64 = cash.iter().sum();
        prop_assume!(total > 1);
        let budget = (total * budget_share / 10_000).max(1);
        prop_assume!(budget < total);
        let summary = ProgramSummary {
            program: ProgramId::new("P").unwrap(),
            policy: reference_securities_policy().reference(),
            budget: cny(budget),
            claims: cash.len() as u64,
            cash_total: cny(total),
            customer_cap_bound: 0,
            needs_manual_review: 0,
            outcomes: OutcomeCounts::default(),
            remedies: RemedyTotals::zero(Currency::CNY),
        };
        let mut pro_rata = summary.scale_to_budget().unwrap();
        let mut paid = 0i64;
        for c in &cash {
            let share = pro_rata.scale(cny(*c)).unwrap().amount_minor();
            prop_assert!(share >= 0 && share <= *c);
            paid += share;
            prop_assert!(paid <= budget);
        }
        prop_assert_eq!(paid, budget);
    }

    #[test]
    fn decisions_round_trip(claim in arb_claim()) {
        for policy in [reference_platform_policy(), reference_securities_policy()] {
            let d = policy.decide(&claim).unwrap();
            let back: Decision = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
            prop_assert_eq!(back, d);
        }
        let back: Claim = serde_json::from_str(&serde_json::to_string(&claim).unwrap()).unwrap();
        prop_assert_eq!(back, claim);
    }
}

#[test]
fn policies_round_trip_and_validate_against_their_schema() {
    for policy in [reference_platform_policy(), reference_securities_policy()] {
        let json = serde_json::to_string_pretty(&policy).unwrap();
        assert_eq!(serde_json::from_str::<Policy>(&json).unwrap(), policy);
        let schema = schemas()
            .into_iter()
            .find(|(n, _)| *n == "compensation_policy")
            .unwrap()
            .1;
        let validator = jsonschema::validator_for(&serde_json::to_value(&schema).unwrap()).unwrap();
        assert!(validator.is_valid(&serde_json::to_value(&policy).unwrap()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Claims, decisions, programs and summaries validate against the committed schemas
    /// with an independent validator, under both reference policies.
    #[test]
    fn values_validate_against_the_committed_schemas(claims in proptest::collection::vec(arb_claim(), 1..12)) {
        let (claim_schema, decision_schema, program_schema, summary_schema) = (
            common::committed_validator("compensation_claim"),
            common::committed_validator("compensation_decision"),
            common::committed_validator("compensation_program"),
            common::committed_validator("compensation_program_summary"),
        );
        for policy in [reference_platform_policy(), reference_securities_policy()] {
            for claim in &claims {
                common::assert_valid(&claim_schema, &serde_json::to_value(claim).unwrap());
                let decision = policy.decide(claim).unwrap();
                common::assert_valid(&decision_schema, &serde_json::to_value(&decision).unwrap());
            }
            let program = Program::new(ProgramId::new("P").unwrap(), &policy, cny(100_000)).unwrap();
            common::assert_valid(&program_schema, &serde_json::to_value(&program).unwrap());
            let summary = program.assess(&policy, &claims).unwrap();
            common::assert_valid(&summary_schema, &serde_json::to_value(&summary).unwrap());
        }
    }
}
