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

mod driver;
mod json_schema;

/// The shared helpers, under the name this file's tests call them by.
mod common {
    pub(crate) use super::driver::{actor, at, codes, Desk};
    pub(crate) use super::json_schema::{assert_valid, committed_validator};
}

use incident::chain::*;
use incident::classify::*;
use incident::compensation::*;
use incident::id::*;
use incident::schema::*;
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
            &[
                "reimburse",
                "interest",
                "account_freeze",
                "assisted_password_reset",
                "account_security_review",
            ],
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
                "account_security_review",
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
        // One line per evaluated rule, one for the rules not evaluated (if any), the cash
        // line and the review line.
        let evaluated = d
            .rules
            .iter()
            .filter(|r| r.status != RuleStatus::Skipped)
            .count();
        assert_eq!(
            d.explain().lines().count(),
            evaluated + usize::from(evaluated < 6) + 1 + usize::from(*review),
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
                "account_security_review",
                "interest",
                "credit_report_objection",
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
    assert!(text.contains("verified-loss: applies: requires evidence verified; the claim's evidence is verified → reimbursement of 100.0% of the verified loss, up to CNY 50,000.00 = CNY 50,000.00 (cap reached)"), "{text}");
    assert!(text.contains("per-customer cap reached"), "{text}");
    assert!(
        text.contains("credit-monitoring: does not apply: requires any of these exposed: basic identity details (name, date of birth), identity document numbers, contact details"),
        "{text}"
    );
    assert!(text.contains("; no data exposure is recorded\n"), "{text}");
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
    let always = || Condition::Always {};
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
                .rule(rule("a", verified(), vec![Remedy::AccountFreeze {}]))
                .rule(rule("a", always(), vec![Remedy::AccountFreeze {}]))
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
        (
            proptest::option::of(0u32..400),
            proptest::option::of(0u16..60),
            proptest::option::of(0i64..100_000),
        ),
    )
        .prop_map(
            |(e, reported, verified, compromised, tier, data, (days, hours, documents))| {
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
                if let Some(days) = days {
                    b = b.days_without_funds(days);
                }
                if let Some(hours) = hours {
                    b = b.hours_spent(hours);
                }
                if let Some(documents) = documents {
                    b = b.document_costs(cny(documents));
                }
                b.build().unwrap()
            },
        )
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

/// Any condition, nested up to three levels, over every fact a claim has.
fn arb_condition() -> impl Strategy<Value = Condition> {
    use EvidenceStrength as E;
    let strengths = [E::Verified, E::Partial, E::Unverified, E::None];
    let tiers = [Tier::Standard, Tier::Premium, Tier::Vip];
    let jurisdictions = ["CN", "US", "US-NY", "HK"];
    let bound = proptest::option::of((0i64..150_000_000).prop_map(cny));
    let leaf = prop_oneof![
        Just(Condition::Always {}),
        proptest::sample::subsequence(strengths.to_vec(), 0..=4).prop_map(|s| {
            Condition::Evidence {
                any_of: s.into_iter().collect(),
            }
        }),
        (any::<bool>(), bound.clone(), bound).prop_map(|(verified, a, b)| {
            // An empty range is refused by the builder: order the bounds.
            let (min, max) = match (a, b) {
                (Some(a), Some(b)) if a.amount_minor() > b.amount_minor() => (Some(b), Some(a)),
                other => other,
            };
            Condition::Loss {
                basis: if verified {
                    LossBasis::Verified
                } else {
                    LossBasis::Reported
                },
                min,
                max,
            }
        }),
        proptest::collection::btree_set(proptest::sample::select(DataCategory::ALL.to_vec()), 0..4)
            .prop_map(|any_of| Condition::DataExposed { any_of }),
        proptest::sample::subsequence(tiers.to_vec(), 0..=3).prop_map(|t| Condition::Tier {
            any_of: t.into_iter().collect()
        }),
        any::<bool>().prop_map(|is| Condition::AccountCompromised { is }),
        proptest::sample::subsequence(jurisdictions.to_vec(), 0..=2).prop_map(|j| {
            Condition::Jurisdiction {
                any_of: j
                    .into_iter()
                    .map(|j| Jurisdiction::new(j).unwrap())
                    .collect(),
            }
        }),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4)
                .prop_map(|conditions| Condition::All { conditions }),
            proptest::collection::vec(inner.clone(), 0..4)
                .prop_map(|conditions| Condition::Any { conditions }),
            inner.prop_map(|c| Condition::Not {
                condition: Box::new(c)
            }),
        ]
    })
}

fn arb_remedy() -> impl Strategy<Value = Remedy> {
    prop_oneof![
        (
            1u32..=10_000,
            proptest::option::of((1i64..50_000_000).prop_map(cny))
        )
            .prop_map(|(share_bps, cap)| Remedy::Reimburse { share_bps, cap }),
        Just(Remedy::Reimburse {
            share_bps: 10_000,
            cap: None
        }),
        (1i64..1_000_000).prop_map(|a| Remedy::Goodwill { amount: cny(a) }),
        (1u16..36).prop_map(|months| Remedy::CreditMonitoring { months }),
        ((1i64..100_000_000).prop_map(cny), 1u16..36)
            .prop_map(|(coverage, months)| Remedy::IdentityTheftInsurance { coverage, months }),
        (1u16..12).prop_map(|months| Remedy::FeeWaiver { months }),
        Just(Remedy::AssistedPasswordReset {}),
        Just(Remedy::AccountFreeze {}),
        Just(Remedy::NegotiatedSettlement {}),
        (
            1u32..=10_000,
            proptest::option::of((1i64..50_000_000).prop_map(cny))
        )
            .prop_map(|(share_bps, cap)| Remedy::AdvancePayment { share_bps, cap }),
        (1u32..=10_000).prop_map(|annual_rate_bps| Remedy::Interest { annual_rate_bps }),
        ((1i64..10_000).prop_map(cny), 1u16..40)
            .prop_map(|(hourly, max_hours)| Remedy::TimeSpent { hourly, max_hours }),
        (1i64..100_000).prop_map(|c| Remedy::DocumentReplacement { cap: cny(c) }),
        Just(Remedy::CreditReportObjection {}),
        Just(Remedy::AccountSecurityReview {}),
    ]
}

/// Any valid policy: 1 to 8 rules with arbitrary conditions and remedies, either matching
/// mode, any per-customer cap, review trigger and documents required of claimants.
fn arb_policy() -> impl Strategy<Value = Policy> {
    (
        proptest::collection::vec(
            (
                arb_condition(),
                proptest::collection::vec(arb_remedy(), 1..4),
            ),
            1..8,
        ),
        any::<bool>(),
        1i64..100_000_000,
        proptest::sample::subsequence(
            vec![EvidenceStrength::Partial, EvidenceStrength::Unverified],
            0..=2,
        ),
        proptest::option::of((0i64..100_000_000).prop_map(cny)),
        proptest::collection::btree_map(
            proptest::sample::select(Capacity::ALL.to_vec()),
            proptest::collection::btree_set(
                proptest::sample::select(CapacityDocument::ALL.to_vec()),
                1..4,
            ),
            0..3,
        ),
    )
        .prop_filter_map(
            "first-match rules with identical conditions",
            |(rules, first, cap, review, above, claimants)| {
                let matching = if first {
                    Matching::FirstMatch
                } else {
                    Matching::Accumulate
                };
                let mut b = Policy::builder(
                    PolicyId::new("random").unwrap(),
                    1,
                    Currency::CNY,
                    matching,
                    cny(cap),
                )
                .review(ReviewTrigger {
                    evidence: review.into_iter().collect(),
                    reported_loss_above: above,
                });
                for (capacity, documents) in claimants {
                    b = b.claimant_documents(capacity, documents);
                }
                for (n, (when, grant)) in rules.into_iter().enumerate() {
                    b = b.rule(Rule::new(
                        RuleId::new(format!("r{n}")).unwrap(),
                        when,
                        grant,
                    ));
                }
                b.build().ok()
            },
        )
}

/// Someone other than the customer claiming, with any documents in any state.
fn arb_claimant() -> impl Strategy<Value = Claimant> {
    (
        proptest::sample::select(Capacity::ALL.to_vec()),
        proptest::collection::btree_map(
            proptest::sample::select(CapacityDocument::ALL.to_vec()),
            any::<bool>(),
            0..5,
        ),
    )
        .prop_map(|(capacity, documents)| {
            let mut claimant = Claimant::new(ClaimantRef::new("K-1").unwrap(), capacity);
            for (document, verified) in documents {
                let status = if verified {
                    DocumentStatus::Verified
                } else {
                    DocumentStatus::Received
                };
                claimant = claimant.document(document, status);
            }
            claimant
        })
}

/// Claims with every fact varied, including jurisdictions and claimants.
fn arb_full_claim() -> impl Strategy<Value = Claim> {
    (
        arb_claim(),
        proptest::option::of(proptest::sample::select(vec![
            "CN", "US-NY", "US-CA", "HK", "EU",
        ])),
        proptest::option::of(arb_claimant()),
    )
        .prop_map(|(claim, jurisdiction, claimant)| {
            let mut json = serde_json::to_value(&claim).unwrap();
            if let Some(j) = jurisdiction {
                json["jurisdiction"] = j.into();
            }
            if let Some(claimant) = claimant {
                json["claimant"] = serde_json::to_value(claimant).unwrap();
            }
            serde_json::from_value(json).unwrap()
        })
}

proptest! {
    /// The compiled policy (flattened conditions, folded truth tables, precomputed tallies)
    /// decides every claim exactly as the explained decision does, under the reference
    /// policies and under random ones; batch totals equal the sum of explained decisions.
    #[test]
    fn compiled_policy_decides_like_the_explained_one(
        policy in arb_policy(),
        claims in proptest::collection::vec(arb_full_claim(), 1..24),
    ) {
        for policy in [policy, reference_platform_policy(), reference_securities_policy()] {
            let compiled = policy.compile();
            let mut cash = cny(0);
            let mut totals = RemedyTotals::zero(Currency::CNY);
            let (mut review, mut bound) = (0, 0);
            for claim in &claims {
                let decision = policy.decide(claim).unwrap();
                prop_assert_eq!(compiled.assess(claim).unwrap(), decision.assessment);
                prop_assert_eq!(policy.assess(claim).unwrap(), decision.assessment);
                // What the log records is the explained decision without its explanations.
                prop_assert_eq!(policy.record(claim).unwrap(), ClaimAssessment::from(&decision));
                // Someone other than the customer is paid only after every document the
                // policy requires of their capacity is verified, or after a review.
                let cleared = claim.claimant().is_none_or(|c| {
                    policy.claimant_documents(c.capacity).is_some_and(|required| {
                        required.iter().all(|d| c.documents.get(d) == Some(&DocumentStatus::Verified))
                    })
                });
                prop_assert_eq!(policy.capacity_gap(claim).is_none(), cleared);
                if !cleared {
                    prop_assert!(decision.needs_manual_review());
                    prop_assert!(decision.review_reasons.iter().any(|r| r.starts_with("claimant K-1 claims as")));
                }
                cash = cash.checked_add(decision.cash()).unwrap();
                totals.checked_add(&decision.assessment.remedies).unwrap();
                review += u64::from(decision.needs_manual_review());
                bound += u64::from(decision.assessment.customer_cap_bound);
            }
            let program = Program::new(ProgramId::new("P").unwrap(), &policy, cny(1)).unwrap();
            let summary = program.assess(&policy, &claims).unwrap();
            prop_assert_eq!(&program.assess_compiled(&compiled, &claims).unwrap(), &summary);
            prop_assert_eq!(summary.cash_total, cash);
            prop_assert_eq!(summary.remedies, totals);
            prop_assert_eq!(summary.needs_manual_review, review);
            prop_assert_eq!(summary.customer_cap_bound, bound);
        }
    }
}

#[test]
fn compiled_policy_refuses_what_the_policy_refuses() {
    let policy = reference_securities_policy();
    let usd = Claim::builder(
        CustomerRef::new("C-USD").unwrap(),
        Tier::Standard,
        Money::from_minor(1, Currency::USD),
        EvidenceStrength::None,
    )
    .build()
    .unwrap();
    assert_eq!(policy.compile().assess(&usd), policy.assess(&usd));
    let program = Program::new(ProgramId::new("P").unwrap(), &policy, cny(1)).unwrap();
    assert!(matches!(
        program.assess_compiled(&reference_platform_policy().compile(), [&usd]),
        Err(CompensationError::PolicyMismatch { .. })
    ));
    assert!(matches!(
        program.assess(&policy, [&usd]),
        Err(CompensationError::CurrencyMismatch { .. })
    ));
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

// --- negotiation: claims as events in the incident's log ------------------------------

fn claim_id(s: &str) -> ClaimId {
    ClaimId::new(s).unwrap()
}

fn program() -> ProgramId {
    ProgramId::new("SEC-COMP-1").unwrap()
}

/// A declared incident with a compensation program pinned to the reference securities
/// policy, with a ¥1,000,000 budget (or `budget` in fen).
fn desk_with_program(budget: Option<i64>) -> common::Desk {
    let declare = Declare::new(
        IncidentId::from_bytes([9; 16]),
        IncidentKind::AccountTakeover,
        "Client accounts taken over",
    )
    .detection(
        DetectionSource::CustomerReport,
        common::at(2026, 3, 2, 9, 0),
    )
    .severity(Severity::Sev2)
    .owner(common::actor("crisis.lead"));
    let mut desk = common::Desk::declare(declare, common::at(2026, 3, 2, 9, 30), "crisis.lead");
    let policy = reference_securities_policy();
    let r = desk.reject(Command::record_claim_assessment(
        program(),
        claim_id("CL-0"),
        &verified_claim("C-0", 1_000),
    ));
    assert_eq!(common::codes(&r), ["no_compensation_program"]);
    desk.advance(60).run(Command::open_compensation_program(
        program(),
        &policy,
        budget.map(cny).or(Some(cny(100_000_000))),
    ));
    desk
}

fn verified_claim(customer: &str, loss: i64) -> Claim {
    Claim::builder(
        CustomerRef::new(customer).unwrap(),
        Tier::Standard,
        cny(loss),
        EvidenceStrength::Partial,
    )
    .verified_loss(cny(loss / 2))
    .build()
    .unwrap()
}

/// The person who settles claims (not the one who offers: four eyes).
const SETTLER: &str = "claims.lead";
/// The person who records payments (not the one who settles).
const PAYER: &str = "payments.clerk";
/// The person who reviews claims the policy flags (not the one who assessed them).
const REVIEWER: &str = "claims.reviewer";

/// Assesses the claim under the program's recorded policy and, when the policy flags it,
/// records a second person's review.
fn assess(desk: &mut common::Desk, id: &str, customer: &str, loss: i64) -> Decision {
    let claim = verified_claim(customer, loss);
    let decision = reference_securities_policy().decide(&claim).unwrap();
    desk.advance(5).run(Command::record_claim_assessment(
        program(),
        claim_id(id),
        &claim,
    ));
    if decision.needs_manual_review() {
        desk.run_by(
            REVIEWER,
            Command::RecordClaimReview {
                claim_id: claim_id(id),
                note: "statements checked against the ledger".into(),
            },
        );
    }
    decision
}

fn offer(id: &str, amount: i64) -> Command {
    Command::OfferSettlement {
        claim_id: claim_id(id),
        amount: cny(amount),
        remedies: vec![],
        valid_until: None,
    }
}

fn respond(id: &str, response: ClaimResponse) -> Command {
    Command::RecordClaimResponse {
        claim_id: claim_id(id),
        response,
    }
}

fn settle(id: &str) -> Command {
    Command::SettleClaim {
        claim_id: claim_id(id),
    }
}

fn pay(id: &str, amount: i64) -> Command {
    Command::RecordClaimPaid {
        claim_id: claim_id(id),
        paid_at: None,
        amount: cny(amount),
        payment_reference: "TX-20260320-0001".into(),
    }
}

#[test]
fn offer_counter_reoffer_accept_settle_pay() {
    let mut desk = desk_with_program(None);
    let decision = assess(&mut desk, "CL-1", "C-0001", 300_000);
    // The policy pays the verified half and negotiates the rest.
    assert_eq!(decision.cash(), cny(150_000));
    assert!(decision.needs_manual_review());

    desk.advance(60)
        .run(Command::OfferSettlement {
            claim_id: claim_id("CL-1"),
            amount: cny(150_000),
            remedies: vec![Remedy::FeeWaiver { months: 6 }],
            valid_until: None,
        })
        .advance(24 * 60)
        .run(respond(
            "CL-1",
            ClaimResponse::Countered {
                amount: cny(300_000),
                note: Some("asks for the full reported loss".into()),
            },
        ))
        .advance(60)
        .run(offer("CL-1", 220_000))
        .advance(60)
        .run(respond("CL-1", ClaimResponse::Accepted {}))
        .advance(10)
        .run_by(SETTLER, settle("CL-1"))
        .advance(3 * 24 * 60)
        .run_by(PAYER, pay("CL-1", 220_000));

    let case = &desk.incident.claims()[&claim_id("CL-1")];
    assert_eq!(case.status, ClaimStatus::Paid);
    assert_eq!(case.customer.as_str(), "C-0001");
    assert_eq!(case.assessment.cash, cny(150_000));
    assert_eq!(case.offers.len(), 2);
    assert_eq!(case.offers[0].amount, cny(150_000));
    assert_eq!(case.offers[0].remedies, [Remedy::FeeWaiver { months: 6 }]);
    assert!(matches!(
        case.offers[0].response,
        Some(ClaimResponse::Countered { amount, .. }) if amount == cny(300_000)
    ));
    assert_eq!(case.offers[1].response, Some(ClaimResponse::Accepted {}));
    assert_eq!(case.settled, Some(cny(220_000)));
    let payment = case.payment.as_ref().unwrap();
    assert_eq!(payment.amount, cny(220_000));
    assert_eq!(payment.paid_at, desk.now);

    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(totals.claims, 1);
    assert_eq!(totals.by_status.paid, 1);
    assert_eq!(totals.assessed, cny(150_000));
    assert_eq!(totals.settled, cny(220_000));
    assert_eq!(totals.paid, cny(220_000));
    assert_eq!(totals.outstanding().unwrap(), cny(0));

    // Every step is an event; replay reproduces every offer and acceptance.
    let names: Vec<&str> = desk
        .log
        .envelopes()
        .iter()
        .map(|e| e.event().name())
        .filter(|n| n.starts_with("claim") || n.starts_with("settlement"))
        .collect();
    assert_eq!(
        names,
        [
            "claim_assessed",
            "claim_reviewed",
            "settlement_offered",
            "claim_response_recorded",
            "settlement_offered",
            "claim_response_recorded",
            "claim_settled",
            "claim_paid"
        ]
    );
    desk.assert_replays();
    let replayed = Incident::replay(desk.log.envelopes()).unwrap();
    assert_eq!(replayed.claims(), desk.incident.claims());
    assert_eq!(replayed.claim_totals(), desk.incident.claim_totals());

    let timeline: Vec<String> = desk
        .log
        .envelopes()
        .iter()
        .map(|e| e.event().to_string())
        .collect();
    assert!(
        timeline.contains(
            &"claim CL-1: offer countered with ¥3,000.00 (asks for the full reported loss)"
                .to_owned()
        ),
        "{timeline:#?}"
    );
    assert!(
        timeline.contains(&"claim CL-1 paid ¥2,200.00 (ref TX-20260320-0001)".to_owned()),
        "{timeline:#?}"
    );
    assert!(
        timeline.iter().any(|l| l.starts_with(
            "compensation program SEC-COMP-1 opened under securities-firm@v2, budget ¥1,000,000.00"
        )),
        "{timeline:#?}"
    );
}

#[test]
fn escalated_and_rejected_claims_are_final() {
    let mut desk = desk_with_program(None);
    assess(&mut desk, "CL-2", "C-0002", 5_000_000);
    assess(&mut desk, "CL-3", "C-0003", 100);
    desk.run(offer("CL-2", 2_500_000))
        .run(Command::EscalateClaim {
            claim_id: claim_id("CL-2"),
            reason: "customer retained counsel".into(),
        })
        .run(Command::RejectClaim {
            claim_id: claim_id("CL-3"),
            reason: "account opened after the incident window".into(),
        });
    for (id, status) in [("CL-2", "escalated"), ("CL-3", "rejected")] {
        for command in [
            offer(id, 1),
            respond(id, ClaimResponse::Accepted {}),
            settle(id),
            pay(id, 1),
            Command::EscalateClaim {
                claim_id: claim_id(id),
                reason: "again".into(),
            },
            Command::RejectClaim {
                claim_id: claim_id(id),
                reason: "again".into(),
            },
        ] {
            let r = desk.reject(command);
            assert_eq!(common::codes(&r), ["claim_status"], "{r}");
            assert!(
                r.to_string().contains(&format!("claim {id} is {status}")),
                "{r}"
            );
        }
    }
    let case = &desk.incident.claims()[&claim_id("CL-2")];
    assert_eq!(case.reason.as_deref(), Some("customer retained counsel"));
    assert_eq!(case.offers.len(), 1);
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(
        (totals.by_status.escalated, totals.by_status.rejected),
        (1, 1)
    );
    assert_eq!(totals.claims, 2);
    assert_eq!(totals.settled, cny(0));
    desk.assert_replays();
}

#[test]
fn every_negotiation_guard_is_a_typed_rejection() {
    let mut desk = desk_with_program(Some(300_000));
    let policy = reference_securities_policy();
    assess(&mut desk, "CL-1", "C-0001", 100_000);

    // The claim state machine.
    let r = desk.reject(respond("CL-1", ClaimResponse::Accepted {}));
    assert_eq!(common::codes(&r), ["claim_status"]);
    assert_eq!(
        r.to_string(),
        "cannot record_claim_response an incident in phase detected: claim CL-1 is assessed; this needs it to be offered"
    );
    assert_eq!(
        common::codes(&desk.reject_by(SETTLER, settle("CL-1"))),
        ["claim_status"]
    );
    assert_eq!(
        common::codes(&desk.reject_by(PAYER, pay("CL-1", 1))),
        ["claim_status"]
    );
    assert_eq!(
        common::codes(&desk.reject(offer("CL-9", 1))),
        ["unknown_id"]
    );
    // A second assessment under the same id; one under another program; a claim the
    // policy cannot assess (another currency); a second claim for one customer.
    let other_claim = verified_claim("C-0009", 1);
    let r = desk.reject(Command::record_claim_assessment(
        program(),
        claim_id("CL-1"),
        &other_claim,
    ));
    assert_eq!(common::codes(&r), ["duplicate_id"]);
    let r = desk.reject(Command::record_claim_assessment(
        ProgramId::new("OTHER").unwrap(),
        claim_id("CL-2"),
        &other_claim,
    ));
    assert_eq!(common::codes(&r), ["unknown_id"]);
    let usd = Claim::builder(
        CustomerRef::new("C-0010").unwrap(),
        Tier::Standard,
        Money::from_minor(100, Currency::USD),
        EvidenceStrength::None,
    )
    .build()
    .unwrap();
    let r = desk.reject(Command::record_claim_assessment(
        program(),
        claim_id("CL-2"),
        &usd,
    ));
    assert_eq!(common::codes(&r), ["invalid"]);
    assert!(r.to_string().contains("USD"), "{r}");
    let r = desk.reject(Command::record_claim_assessment(
        program(),
        claim_id("CL-2"),
        &verified_claim("C-0001", 10),
    ));
    assert_eq!(common::codes(&r), ["duplicate_customer"]);
    assert!(r.to_string().contains("already has claim CL-1"), "{r}");

    // Amounts: the program's currency, not negative, an offer of something, no cash in
    // the services.
    let r = desk.reject(Command::OfferSettlement {
        claim_id: claim_id("CL-1"),
        amount: Money::from_minor(100, Currency::USD),
        remedies: vec![],
        valid_until: None,
    });
    assert_eq!(common::codes(&r), ["wrong_currency"]);
    assert!(
        r.to_string().contains("the compensation program is in CNY"),
        "{r}"
    );
    // Below the entitlement (the policy's ¥500.00) as well.
    for amount in [-1, 0] {
        assert_eq!(
            common::codes(&desk.reject(offer("CL-1", amount))),
            ["offer_below_entitlement", "invalid"]
        );
    }
    let r = desk.reject(Command::OfferSettlement {
        claim_id: claim_id("CL-1"),
        amount: cny(50_000),
        remedies: vec![
            Remedy::Goodwill { amount: cny(100) },
            Remedy::CreditMonitoring { months: 0 },
        ],
        valid_until: None,
    });
    assert_eq!(common::codes(&r), ["invalid", "invalid"]);
    assert!(
        r.to_string()
            .contains("goodwill is cash: put it in the offer's amount"),
        "{r}"
    );
    // Insurance covers a positive amount in the program's currency.
    let insured = |coverage| Command::OfferSettlement {
        claim_id: claim_id("CL-1"),
        amount: cny(50_000),
        remedies: vec![Remedy::IdentityTheftInsurance {
            coverage,
            months: 12,
        }],
        valid_until: None,
    };
    let r = desk.reject(insured(cny(0)));
    assert_eq!(common::codes(&r), ["invalid"]);
    assert!(
        r.to_string()
            .contains("insured amount ¥0.00 is not positive"),
        "{r}"
    );
    let r = desk.reject(insured(Money::from_minor(100, Currency::USD)));
    assert_eq!(common::codes(&r), ["wrong_currency"]);
    let ok = desk.incident.decide(&insured(cny(1_000_000)), &desk.ctx());
    assert!(ok.is_ok(), "{ok:?}");

    // Offered: a counter in another currency; then accepted and settled.
    desk.run(offer("CL-1", 200_000));
    let r = desk.reject(respond(
        "CL-1",
        ClaimResponse::Countered {
            amount: Money::from_minor(1, Currency::USD),
            note: None,
        },
    ));
    assert_eq!(common::codes(&r), ["wrong_currency"]);
    // An open offer that has not lapsed is not replaced.
    let r = desk.reject(offer("CL-1", 200_000));
    assert_eq!(common::codes(&r), ["invalid"]);
    assert!(
        r.to_string().contains("has an open offer of ¥2,000.00"),
        "{r}"
    );
    desk.run(respond("CL-1", ClaimResponse::Accepted {}))
        .run_by(SETTLER, settle("CL-1"));

    // Paying: the settled amount, not before the settlement, with a reference.
    let r = desk.reject_by(PAYER, pay("CL-1", 199_999));
    assert_eq!(common::codes(&r), ["payment_mismatch"]);
    let r = desk.reject_by(
        PAYER,
        Command::RecordClaimPaid {
            claim_id: claim_id("CL-1"),
            paid_at: Some(desk.now - chrono::Duration::minutes(1)),
            amount: cny(200_000),
            payment_reference: " ".into(),
        },
    );
    assert_eq!(common::codes(&r), ["time_order", "empty_text"]);

    // The budget (¥3,000) holds every commitment: ¥2,000 is paid, so an offer of ¥1,500
    // more is refused, ¥1,000 is fine.
    desk.run_by(PAYER, pay("CL-1", 200_000));
    assess(&mut desk, "CL-2", "C-0002", 100_000);
    let r = desk.reject(offer("CL-2", 150_000));
    assert_eq!(common::codes(&r), ["over_budget"]);
    assert_eq!(
        r.to_string(),
        "cannot offer_settlement an incident in phase detected: ¥1,500.00 more would bring \
         program SEC-COMP-1's commitments beyond its budget of ¥3,000.00 (¥2,000.00 already \
         offered, accepted, settled or paid): offer less, amend the program's budget, or \
         escalate the claim"
    );
    // An open offer reserves its cash: with ¥1,000 offered on CL-2, nothing is left for
    // CL-3, so two acceptances can never exceed the budget.
    assess(&mut desk, "CL-3", "C-0003", 100_000);
    desk.run(offer("CL-2", 100_000));
    assert_eq!(
        common::codes(&desk.reject(offer("CL-3", 50_000))),
        ["over_budget"]
    );
    // A counter releases the offer's cash.
    desk.run(respond(
        "CL-2",
        ClaimResponse::Countered {
            amount: cny(120_000),
            note: None,
        },
    ));
    desk.run(offer("CL-3", 50_000))
        .run(respond("CL-3", ClaimResponse::Accepted {}))
        .run_by(SETTLER, settle("CL-3"));
    assert_eq!(
        common::codes(&desk.reject(offer("CL-2", 100_000))),
        ["over_budget"]
    );
    desk.run(Command::EscalateClaim {
        claim_id: claim_id("CL-2"),
        reason: "budget exhausted; needs the board's decision".into(),
    });
    let totals = desk.incident.claim_totals().unwrap();
    assert_eq!(totals.settled, cny(250_000));
    assert_eq!(totals.reserved, cny(250_000));
    assert_eq!(totals.outstanding().unwrap(), cny(50_000));

    // Opening a program: one at a time, a positive budget in the policy's currency.
    let mut other = common::Desk::declare(
        Declare::new(
            IncidentId::from_bytes([8; 16]),
            IncidentKind::DataBreach,
            "t",
        )
        .detection(DetectionSource::Monitoring, common::at(2026, 3, 1, 0, 0))
        .severity(Severity::Sev3)
        .owner(common::actor("o")),
        common::at(2026, 3, 1, 1, 0),
        "o",
    );
    for (budget, code) in [
        (Money::from_minor(1, Currency::USD), "wrong_currency"),
        (cny(0), "invalid"),
    ] {
        let r = other.reject(Command::open_compensation_program(
            program(),
            &policy,
            Some(budget),
        ));
        assert_eq!(common::codes(&r), [code]);
    }
    let r = desk.reject(Command::open_compensation_program(program(), &policy, None));
    assert_eq!(common::codes(&r), ["no_change"]);
    // Declared not applicable: no program, so no claims.
    other.run(Command::DeclareCompensationNotApplicable {
        reason: "no customer suffered a loss".into(),
    });
    let r = other.reject(Command::record_claim_assessment(
        program(),
        claim_id("CL-1"),
        &other_claim,
    ));
    assert_eq!(common::codes(&r), ["no_compensation_program"]);
    assert_eq!(other.incident.claim_totals(), None);
    desk.assert_replays();
}

#[test]
fn programs_opened_before_pinning_still_replay() {
    let desk = desk_with_program(None);
    desk.assert_replays();
    // Rewrite the program event into the shape written before programs were pinned
    // (skipping verification, since the digests no longer match).
    let jsonl = write_json_lines(desk.log.envelopes()).unwrap();
    let mut lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let last = lines.last_mut().unwrap();
    assert_eq!(last["event"]["type"], "compensation_program_opened");
    last["event"] = serde_json::json!({
        "type": "compensation_program_opened",
        "program_id": "SEC-COMP-1",
        "policy": "securities-verified-loss@1"
    });
    // The old shape parses and re-encodes to exactly the same JSON (so its digest holds).
    let event: Event = serde_json::from_value(last["event"].clone()).unwrap();
    assert_eq!(serde_json::to_value(&event).unwrap(), last["event"]);
    let edited: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let incident = Incident::replay_json_lines(
        edited.as_bytes(),
        &ReplayOptions::default().skip_verification(),
    )
    .unwrap();
    assert!(matches!(
        incident.compensation(),
        CompensationStance::ProgramOpened { pin: None, budget: None, policy, .. } if policy == "securities-verified-loss@1"
    ));
    assert_eq!(incident.claim_totals(), None);
    // Negotiation needs a pinned program.
    let r = incident
        .decide(
            &Command::record_claim_assessment(
                program(),
                claim_id("CL-1"),
                &verified_claim("C-1", 10),
            ),
            &desk.ctx(),
        )
        .unwrap_err();
    assert_eq!(common::codes(&r), ["program_not_pinned"]);
}

#[test]
fn a_pin_names_the_exact_policy_text() {
    let policy = reference_securities_policy();
    let pin = policy.pin().unwrap();
    assert_eq!(pin.currency, Currency::CNY);
    assert_eq!(pin.digest, policy.digest().unwrap());
    // Any change to the policy's text changes the digest; the same text gives the same one.
    let again: Policy =
        serde_json::from_str(&serde_json::to_string_pretty(&policy).unwrap()).unwrap();
    assert_eq!(again.digest().unwrap(), pin.digest);
    let mut changed = serde_json::to_value(&policy).unwrap();
    changed["rules"][0]["description"] = "edited".into();
    let changed: Policy = serde_json::from_value(changed).unwrap();
    assert_eq!(changed.reference(), policy.reference());
    assert_ne!(changed.digest().unwrap(), pin.digest);
    assert_ne!(reference_platform_policy().digest().unwrap(), pin.digest);
}

/// A log written under version 1 of the reference securities policy (the securities seed
/// case up to its review, as written before version 2 was published; frozen in
/// `fixtures/securities_policy_v1.jsonl`) still replays, and the text it pinned is version
/// 1 as `reference_policy` gives it today: publishing version 2 left version 1 alone.
#[test]
fn a_log_pinned_to_reference_policy_v1_replays_and_its_text_is_still_version_1() {
    let jsonl = include_str!("fixtures/securities_policy_v1.jsonl");
    let incident =
        Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).unwrap();
    let CompensationStance::ProgramOpened {
        pin: Some(pin),
        policy_text: Some(text),
        ..
    } = incident.compensation()
    else {
        panic!(
            "the v1 log opens a pinned programme: {:?}",
            incident.compensation()
        );
    };
    assert_eq!(pin.policy.to_string(), "securities-firm@v1");
    let v1 = reference_policy(&pin.policy).unwrap();
    assert_eq!(**text, v1);
    assert_eq!(v1.pin().unwrap(), *pin);
    assert_ne!(reference_securities_policy().digest().unwrap(), pin.digest);
}

#[test]
fn a_batch_program_of_the_incident_checks_the_pin_and_shares_the_budget() {
    let policy = reference_securities_policy();
    // ¥10,000 budget; one claim settled at ¥2,200.
    let mut desk = desk_with_program(Some(1_000_000));
    assess(&mut desk, "CL-1", "C-0001", 300_000);
    desk.run(offer("CL-1", 220_000))
        .run(respond("CL-1", ClaimResponse::Accepted {}))
        .run_by(SETTLER, settle("CL-1"));
    let batch = desk.incident.compensation_program(&policy).unwrap();
    assert_eq!(batch.id, program_id_of(&desk));
    assert_eq!(batch.budget, cny(1_000_000 - 220_000));
    let summary = batch
        .assess(
            &policy,
            std::iter::repeat_n(verified_claim("C-9", 10_000), 100),
        )
        .unwrap();
    assert_eq!(summary.budget, cny(780_000));

    // The same id and version with other contents is refused by digest.
    let mut edited: serde_json::Value = serde_json::to_value(&policy).unwrap();
    let rules = edited["rules"].as_array_mut().unwrap();
    let last = rules.len() - 1;
    rules[last]["description"] = serde_json::json!("edited after pinning");
    let edited: Policy = serde_json::from_value(edited).unwrap();
    assert_eq!(edited.reference(), policy.reference());
    let err = desk.incident.compensation_program(&edited).unwrap_err();
    assert!(
        matches!(&err, CompensationError::PinMismatch { pinned, given, .. }
            if pinned.policy == given.policy && pinned.digest != given.digest),
        "{err:?}"
    );
    assert!(err
        .to_string()
        .contains("assess with the pinned policy text"));

    // Settlements that use the whole budget leave nothing to assess against.
    let mut desk = desk_with_program(Some(150_000));
    assess(&mut desk, "CL-1", "C-0001", 300_000);
    desk.run(offer("CL-1", 150_000))
        .run(respond("CL-1", ClaimResponse::Accepted {}))
        .run_by(SETTLER, settle("CL-1"));
    assert!(matches!(
        desk.incident.compensation_program(&policy),
        Err(CompensationError::BudgetExhausted { budget, settled, .. })
            if budget == cny(150_000) && settled == cny(150_000)
    ));

    // No program at all.
    let declare = Declare::new(
        IncidentId::from_bytes([10; 16]),
        IncidentKind::AccountTakeover,
        "No program",
    )
    .detection(
        DetectionSource::CustomerReport,
        common::at(2026, 3, 2, 9, 0),
    )
    .severity(Severity::Sev2)
    .owner(common::actor("o"));
    let mut bare = common::Desk::declare(declare, common::at(2026, 3, 2, 9, 30), "o");
    assert_eq!(
        bare.incident.compensation_program(&policy),
        Err(CompensationError::NoPinnedProgram)
    );
    // A program without a budget cannot be batch-assessed against the incident.
    bare.run(Command::open_compensation_program(program(), &policy, None));
    assert_eq!(
        bare.incident.compensation_program(&policy),
        Err(CompensationError::NoBudget { program: program() })
    );
}

fn program_id_of(desk: &common::Desk) -> ProgramId {
    match desk.incident.compensation() {
        CompensationStance::ProgramOpened { program_id, .. } => program_id.clone(),
        other => panic!("{other:?}"),
    }
}

/// Worked cases for the cash remedies that depend on more than the verified loss, each
/// through the explained decision and the compiled batch path.
#[test]
fn advance_payment_interest_time_and_documents_pay_what_they_say() {
    use incident::id::{PolicyId, RuleId};
    let policy = Policy::builder(
        PolicyId::new("worked").unwrap(),
        1,
        Currency::CNY,
        Matching::Accumulate,
        cny(100_000_000),
    )
    .rule(Rule::new(
        RuleId::new("all").unwrap(),
        Condition::Always {},
        vec![
            Remedy::AdvancePayment {
                share_bps: 10_000,
                cap: Some(cny(1_000_000)),
            },
            Remedy::Interest {
                annual_rate_bps: 300,
            },
            Remedy::TimeSpent {
                hourly: cny(2_500),
                max_hours: 20,
            },
            Remedy::DocumentReplacement { cap: cny(20_000) },
        ],
    ))
    .build()
    .unwrap();
    let claim = |reported: i64, verified: i64| {
        Claim::builder(
            CustomerRef::new("W-1").unwrap(),
            Tier::Standard,
            cny(reported),
            EvidenceStrength::Partial,
        )
        .verified_loss(cny(verified))
        .days_without_funds(30)
        .hours_spent(30)
        .document_costs(cny(35_000))
        .build()
        .unwrap()
    };
    // Reported ¥3,000 paid in advance; interest on the verified ¥10,000 for 30 days at 3%:
    // 1,000,000 × 300 × 30 / (10,000 × 365) = 2,465.75 fen, half to even ¥24.66; 20 of 30
    // hours at ¥25; documents capped at ¥200.
    let d = policy.decide(&claim(300_000, 1_000_000)).unwrap();
    let cash: Vec<i64> = d.granted.iter().map(|g| g.cash.amount_minor()).collect();
    assert_eq!(cash, [300_000, 2_466, 50_000, 20_000]);
    let bound: Vec<bool> = d.granted.iter().map(|g| g.cap_bound).collect();
    assert_eq!(bound, [false, false, true, true]);
    assert_eq!(d.cash(), cny(372_466));
    let totals = &d.assessment.remedies;
    assert_eq!(
        (
            totals.advance_paid,
            totals.interest,
            totals.time_paid,
            totals.documents_paid
        ),
        (cny(300_000), cny(2_466), cny(50_000), cny(20_000))
    );
    // The advance is capped at ¥10,000 of a ¥30,000 report.
    let d = policy.decide(&claim(3_000_000, 0)).unwrap();
    assert_eq!(d.granted[0].cash, cny(1_000_000));
    assert!(d.granted[0].cap_bound);
    // The compiled path gives the same figures, and a batch the same totals.
    for c in [claim(300_000, 1_000_000), claim(3_000_000, 0)] {
        assert_eq!(
            policy.compile().assess(&c).unwrap(),
            policy.assess(&c).unwrap()
        );
    }
    let program = Program::new(ProgramId::new("W").unwrap(), &policy, cny(100_000_000)).unwrap();
    let summary = program
        .assess(&policy, [claim(300_000, 1_000_000), claim(3_000_000, 0)])
        .unwrap();
    assert_eq!(summary.remedies.advance_paid, cny(1_300_000));
    assert_eq!(summary.remedies.interest, cny(2_466));
    assert_eq!(summary.remedies.interest_payments, 2);
    // A policy refuses a rate or hour limit that makes no sense, listing both.
    let err = Policy::builder(
        PolicyId::new("bad").unwrap(),
        1,
        Currency::CNY,
        Matching::Accumulate,
        cny(1),
    )
    .rule(Rule::new(
        RuleId::new("r").unwrap(),
        Condition::Always {},
        vec![
            Remedy::Interest { annual_rate_bps: 0 },
            Remedy::TimeSpent {
                hourly: cny(2_500),
                max_hours: 0,
            },
        ],
    ))
    .build()
    .unwrap_err();
    assert_eq!(err.problems.len(), 2, "{err}");
}
