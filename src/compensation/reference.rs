//! Reference policies mirroring the two seed cases. They are ordinary values: copy, adjust,
//! re-version and serialize them like any host policy.

use super::claim::{EvidenceSet, EvidenceStrength};
use super::policy::{Condition, LossBasis, Matching, Policy, Remedy, ReviewTrigger, Rule};
use super::terms::{OfferTerms, Recourse};
use crate::{classify::DataCategory, id::PolicyId, id::RuleId, Currency, Money};

fn cny(yuan: i64) -> Money {
    Money::from_minor(yuan.saturating_mul(100), Currency::CNY)
}

fn evidence(strengths: &[EvidenceStrength]) -> Condition {
    Condition::Evidence {
        any_of: strengths.iter().copied().collect(),
    }
}

fn data(categories: &[DataCategory]) -> Condition {
    Condition::DataExposed {
        any_of: categories.iter().copied().collect(),
    }
}

/// Interest at 3.00% a year: the one-year Loan Prime Rate (贷款市场报价利率) since the
/// National Interbank Funding Center's announcement of 2025-05-20 (checked 2026-12-06 from
/// secondary reports of the announcement). A host adjusts it to the LPR of its own time.
fn lpr_interest() -> Remedy {
    Remedy::Interest {
        annual_rate_bps: 300,
    }
}

fn rule(id: &'static str, description: &str, when: Condition, grant: Vec<Remedy>) -> Rule {
    Rule::new(RuleId::from_static(id), when, grant).describe(description)
}

/// Assembles a reference policy without re-validating at run time: the literals are fixed
/// and a test asserts that each one passes [`PolicyBuilder::build`](super::PolicyBuilder::build)
/// unchanged, so library code needs no fallible path here.
fn finish(
    id: &'static str,
    matching: Matching,
    customer_cap: Money,
    review: ReviewTrigger,
    rules: Vec<Rule>,
    recourse: Recourse,
) -> Policy {
    Policy {
        id: PolicyId::from_static(id),
        version: 1,
        currency: Currency::CNY,
        matching,
        customer_cap,
        review,
        rules,
        terms: OfferTerms {
            without_admission: true,
            evidence_window_days: None,
            recourse: Some(recourse),
            unclaimed_after_days: None,
        },
    }
}

/// The platform data-theft policy, after seed 000 (a payments platform whose customer data
/// was stolen). Accumulating rules, CNY, per-customer cash cap ¥50,000:
///
/// 1. `verified-loss` — verified evidence: reimburse 100% of the verified loss, capped at
///    ¥50,000 ("若受到严重影响,客户有权……要求企业进行赔偿").
/// 2. `credit-monitoring` — identity, contact, account or card data exposed: 12 months of
///    credit monitoring ("提供一定的补偿措施,如免费信用监测服务").
/// 3. `identity-insurance` — identity documents, biometrics, account or card data exposed:
///    identity-theft insurance of ¥500,000 for 24 months ("保险", "身份盗用监测服务").
/// 4. `account-recovery` — account compromised: assisted account freeze, password reset
///    and an account security review ("应立即更改密码", "帮助客户与相关机构联系,冻结账户").
/// 5. `advance-payment` — account compromised, evidence partial or unverified: the reported
///    loss paid in advance (先行赔付) up to ¥10,000, the customer's rights assigned to the
///    platform, which books recoveries.
/// 6. `funds-interest` — verified evidence and account compromised: interest at 3.00% a
///    year (the one-year LPR) for the days the funds were missing.
/// 7. `credit-report` — identity document, account or card data exposed: help to object
///    to wrong credit-report entries (征信异议).
/// 8. `serious-impact` — reported loss of ¥10,000 or more without verified evidence: a
///    negotiated settlement ("若受到严重影响,客户有权寻求法律援助").
/// 9. `goodwill` — every affected customer: a ¥50 goodwill credit ("给予适当的安抚").
///
/// Manual review: partial evidence, or a reported loss above ¥10,000.
///
/// Terms: the offer is made without admission of liability; recourse is the payments
/// regulator's ([`Recourse::CnPayments`]); no evidence deadline (the seed names none).
///
/// # Examples
/// ```
/// let policy = incident::compensation::reference_platform_policy();
/// assert_eq!(policy.rules().len(), 9);
/// ```
pub fn reference_platform_policy() -> Policy {
    use DataCategory as D;
    use EvidenceStrength as E;
    let review = ReviewTrigger {
        evidence: EvidenceSet::from([E::Partial]),
        reported_loss_above: Some(cny(10_000)),
    };
    let rules = vec![
        rule(
            "verified-loss",
            "Seed 000: 若受到严重影响,客户有权寻求法律援助,要求企业进行赔偿 — reimburse verified losses.",
            evidence(&[E::Verified]),
            vec![Remedy::Reimburse { share_bps: 10_000, cap: Some(cny(50_000)) }],
        ),
        rule(
            "credit-monitoring",
            "Seed 000: 提供一定的补偿措施,如免费信用监测服务 — free credit monitoring.",
            data(&[
                D::BasicIdentity,
                D::IdentityDocument,
                D::ContactDetails,
                D::FinancialAccount,
                D::PaymentCard,
            ]),
            vec![Remedy::CreditMonitoring { months: 12 }],
        ),
        rule(
            "identity-insurance",
            "Seed 000: 保险; 身份盗用的风险会显著增加 — identity-theft insurance.",
            data(&[D::IdentityDocument, D::Biometric, D::FinancialAccount, D::PaymentCard]),
            vec![Remedy::IdentityTheftInsurance { coverage: cny(500_000), months: 24 }],
        ),
        rule(
            "account-recovery",
            "Seed 000: 应立即更改密码……冻结账户 — assisted reset and freeze.",
            Condition::AccountCompromised { is: true },
            vec![
                Remedy::AccountFreeze {},
                Remedy::AssistedPasswordReset {},
                Remedy::AccountSecurityReview {},
            ],
        ),
        rule(
            "advance-payment",
            "Funds taken from a compromised payment account are paid back in advance (先行赔付) up to ¥10,000 while the loss is verified; the customer's rights pass to the platform, which books what it recovers.",
            Condition::All {
                conditions: vec![
                    Condition::AccountCompromised { is: true },
                    evidence(&[E::Partial, E::Unverified]),
                ],
            },
            vec![Remedy::AdvancePayment { share_bps: 10_000, cap: Some(cny(10_000)) }],
        ),
        rule(
            "funds-interest",
            "Verified funds taken from a compromised account earn interest for the days they were missing.",
            Condition::All {
                conditions: vec![evidence(&[E::Verified]), Condition::AccountCompromised { is: true }],
            },
            vec![lpr_interest()],
        ),
        rule(
            "credit-report",
            "Seed 000: 身份盗用的风险会显著增加 — help to object to entries a thief caused in the credit report.",
            data(&[D::IdentityDocument, D::FinancialAccount, D::PaymentCard]),
            vec![Remedy::CreditReportObjection {}],
        ),
        rule(
            "serious-impact",
            "Seed 000: 若受到严重影响 — negotiate serious unverified losses.",
            Condition::All {
                conditions: vec![
                    Condition::Loss { basis: LossBasis::Reported, min: Some(cny(10_000)), max: None },
                    Condition::Not { condition: Box::new(evidence(&[E::Verified])) },
                ],
            },
            vec![Remedy::NegotiatedSettlement {}],
        ),
        rule(
            "goodwill",
            "Seed 000: 以同理心对待客户的情绪……给予适当的安抚 — goodwill for every affected customer.",
            Condition::Always {},
            vec![Remedy::Goodwill { amount: cny(50) }],
        ),
    ];
    finish(
        "platform-data-theft",
        Matching::Accumulate,
        cny(50_000),
        review,
        rules,
        Recourse::CnPayments,
    )
}

/// The securities-firm policy, after seed 002 (a broker's crisis playbook). First-match,
/// CNY, per-customer cash cap ¥500,000. The seed (Q1/A1) says: "对于确因网络安全事件对客户
/// 造成损失的,证券公司应该准确评估损失情况,及时与客户协商解决方案,尽早取得客户谅解。
/// 对于无实际证据证明受损情况的客户,也要正面回应,充分沟通". (The seed does not literally
/// say "全额赔偿"; full reimbursement of verified losses is this policy's reading of
/// "确因……造成损失" + "取得客户谅解".)
///
/// 1. `verified-compromised` — verified evidence and a compromised account: reimburse 100%
///    of the verified loss with interest at 3.00% a year (the one-year LPR) for the days the
///    funds were missing, account freeze, assisted password reset and an account security
///    review.
/// 2. `verified-loss` — verified evidence: reimburse 100% of the verified loss.
/// 3. `partial-evidence` — partial evidence: reimburse the verified part in full and
///    negotiate the rest ("及时与客户协商解决方案").
/// 4. `unverified-claim` — a loss claimed without evidence: negotiated settlement, ¥200
///    goodwill and a 6-month fee waiver ("正面回应,充分沟通").
/// 5. `compromised-account` — account compromised, no loss claimed: freeze, reset, a security
///    review, ¥100 goodwill and a 3-month fee waiver.
/// 6. `no-evidence-goodwill` — everyone else affected: ¥100 goodwill and a 3-month fee
///    waiver ("增强客户对公司的信任和支持").
///
/// Manual review: partial or unverified evidence, or a reported loss above ¥100,000.
///
/// Terms: the offer is made without admission of liability; recourse is the securities
/// regulator's ([`Recourse::CnSecurities`]); no evidence deadline (the seed names none).
///
/// # Examples
/// ```
/// let policy = incident::compensation::reference_securities_policy();
/// assert_eq!(policy.rules().len(), 6);
/// ```
pub fn reference_securities_policy() -> Policy {
    use EvidenceStrength as E;
    let review = ReviewTrigger {
        evidence: EvidenceSet::from([E::Partial, E::Unverified]),
        reported_loss_above: Some(cny(100_000)),
    };
    let full = Remedy::Reimburse {
        share_bps: 10_000,
        cap: None,
    };
    let rules = vec![
        rule(
            "verified-compromised",
            "Seed 002: 对于确因网络安全事件对客户造成损失的 — full reimbursement, plus account recovery.",
            Condition::All {
                conditions: vec![evidence(&[E::Verified]), Condition::AccountCompromised { is: true }],
            },
            vec![
                full.clone(),
                lpr_interest(),
                Remedy::AccountFreeze {},
                Remedy::AssistedPasswordReset {},
                Remedy::AccountSecurityReview {},
            ],
        ),
        rule(
            "verified-loss",
            "Seed 002: 对于确因网络安全事件对客户造成损失的,证券公司应该准确评估损失情况 — full reimbursement.",
            evidence(&[E::Verified]),
            vec![full.clone()],
        ),
        rule(
            "partial-evidence",
            "Seed 002: 及时与客户协商解决方案,尽早取得客户谅解 — pay the verified part, negotiate the rest.",
            evidence(&[E::Partial]),
            vec![full, Remedy::NegotiatedSettlement {}],
        ),
        rule(
            "unverified-claim",
            "Seed 002: 对于无实际证据证明受损情况的客户,也要正面回应,充分沟通 — negotiate, goodwill, fee waiver.",
            evidence(&[E::Unverified]),
            vec![
                Remedy::NegotiatedSettlement {},
                Remedy::Goodwill { amount: cny(200) },
                Remedy::FeeWaiver { months: 6 },
            ],
        ),
        rule(
            "compromised-account",
            "Seed 002: 保护用户数据,防止进一步损失 — recover the account, goodwill, fee waiver.",
            Condition::AccountCompromised { is: true },
            vec![
                Remedy::AccountFreeze {},
                Remedy::AssistedPasswordReset {},
                Remedy::AccountSecurityReview {},
                Remedy::Goodwill { amount: cny(100) },
                Remedy::FeeWaiver { months: 3 },
            ],
        ),
        rule(
            "no-evidence-goodwill",
            "Seed 002: 增强客户对公司的信任和支持,重建良好的客户关系 — goodwill and fee waiver.",
            Condition::Always {},
            vec![Remedy::Goodwill { amount: cny(100) }, Remedy::FeeWaiver { months: 3 }],
        ),
    ];
    finish(
        "securities-firm",
        Matching::FirstMatch,
        cny(500_000),
        review,
        rules,
        Recourse::CnSecurities,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_policies_pass_validation_unchanged() {
        for policy in [reference_platform_policy(), reference_securities_policy()] {
            let mut builder = Policy::builder(
                policy.id().clone(),
                policy.version(),
                policy.currency(),
                policy.matching(),
                policy.customer_cap(),
            )
            .review(policy.review_trigger().clone())
            .terms(policy.terms().clone());
            for rule in policy.rules() {
                builder = builder.rule(rule.clone());
            }
            assert_eq!(builder.build().unwrap(), policy);
        }
        assert_eq!(reference_platform_policy().rules().len(), 9);
        assert_eq!(reference_securities_policy().rules().len(), 6);
    }
}
