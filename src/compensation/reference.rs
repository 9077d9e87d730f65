//! Reference policies mirroring the two seed cases. They are ordinary values: copy, adjust,
//! re-version and serialize them like any host policy.

use std::num::NonZeroU16;

use super::claim::{EvidenceSet, EvidenceStrength};
use super::claimant::{Capacity, CapacityDocument, CapacityDocuments};
use super::policy::{
    Condition, LossBasis, Matching, Policy, PolicyRef, Remedy, ReviewTrigger, Rule,
};
use super::terms::{OfferTerms, Recourse};
use crate::{classify::DataCategory, id::PolicyId, id::RuleId, Currency, Money};

/// The latest version of each reference policy.
const LATEST: u32 = 2;

/// Days after which settled money a customer has not collected may be declared unclaimed
/// and held for them, in the reference policies from version 2: 180.
///
/// No rule fixes this period for compensation a firm owes. We found none in the PBoC's, the
/// CSRC's or the NFRA's rules (searched 2026-12-07); the nearest are about dormant bank
/// accounts, which are not money a firm owes its customer: 《人民币银行结算账户管理办法》
/// (PBoC Order 〔2003〕 No. 5) Art. 56 closes a unit settlement account without activity for
/// a year after 30 days' notice (as quoted at
/// <http://www.wwpfw.com/waihuikaihu/133930.html>, secondary, checked 2026-12-07). So the
/// period is the firm's choice, stated as data in the policy's terms, and a host changes it
/// by publishing its own version. 180 days leaves time for a returned payment, the letter
/// asking the customer to confirm the receiving account (the date it names is
/// [`ClaimLetters::respond_by`](super::ClaimLetters::respond_by)) and a reminder, and is
/// far inside the three-year limitation period of Civil Code Art. 188 (sourced in the
/// customer letter's rights section): the declaration holds the money for the customer and
/// is never a time bar.
const UNCLAIMED_AFTER_DAYS: Option<NonZeroU16> = NonZeroU16::new(180);

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
/// Version 1 states no unclaimed period; later versions state [`UNCLAIMED_AFTER_DAYS`].
fn finish(
    (id, version): (&'static str, u32),
    matching: Matching,
    customer_cap: Money,
    review: ReviewTrigger,
    rules: Vec<Rule>,
    recourse: Recourse,
) -> Policy {
    Policy {
        id: PolicyId::from_static(id),
        version,
        currency: Currency::CNY,
        matching,
        customer_cap,
        review,
        rules,
        terms: OfferTerms {
            without_admission: true,
            evidence_window_days: None,
            recourse: Some(recourse),
            unclaimed_after_days: UNCLAIMED_AFTER_DAYS.filter(|_| version >= 2),
        },
        claimant_documents: if version >= 2 {
            claimant_documents()
        } else {
            CapacityDocuments::new()
        },
    }
}

/// The documents the reference policies require, from version 2, of someone who claims for
/// a customer. The firm's choice, modelled on what the law and the regulators ask in the
/// nearest cases (checked 2026-12-07):
///
/// - **heir**: their identity, the customer's death and their right to inherit. For a
///   deceased depositor's small balance, banks need proof of the death and of kinship from
///   a first-order heir, and a written undertaking, without a notarised certificate of
///   succession (CBIRC and PBoC notice 银保监办发〔2021〕18号, up to ¥10,000, reported at
///   <http://bazhou.gov.cn/xwzx/gnyw/content_17699>, official, 2021-02-05; raised to
///   ¥50,000 from 2024-06-01 by the NFRA and PBoC, reported at
///   <http://wlchinahc.com/news/hangyezixun/202404/236127.html>, secondary), so
///   [`CapacityDocument::SuccessionProof`] accepts proof of kinship as well as a notarised
///   certificate;
/// - **guardian**: their identity, the customer's identity and the guardianship (Civil Code
///   Arts. 23, 27, 28: a guardian is the legal agent of a minor or an adult under
///   guardianship);
/// - **agent**: their identity, the customer's identity and a power of attorney the
///   customer signed (Civil Code Art. 165).
///
/// Sources of the Civil Code articles: the [`Capacity`] documentation.
fn claimant_documents() -> CapacityDocuments {
    use CapacityDocument as D;
    let mut required = CapacityDocuments::new();
    let mut require = |capacity, documents: [D; 3]| {
        required.insert(capacity, documents.into_iter().collect());
    };
    require(
        Capacity::Heir,
        [D::ClaimantIdentity, D::DeathCertificate, D::SuccessionProof],
    );
    require(
        Capacity::Guardian,
        [
            D::ClaimantIdentity,
            D::CustomerIdentity,
            D::GuardianshipProof,
        ],
    );
    require(
        Capacity::Agent,
        [D::ClaimantIdentity, D::CustomerIdentity, D::PowerOfAttorney],
    );
    required
}

/// Every published version of a reference policy, by id and version: `None` for an id or
/// a version that was never published.
///
/// A programme pins its policy by id, version and the digest of its canonical JSON, and the
/// digest is in logs, bundles and golden files. A published version therefore never
/// changes: a change is a new version, and every published version stays available here,
/// so that a host can load, compare or amend from it.
///
/// | version | what changed |
/// |---|---|
/// | 1 | the rules, caps, review triggers and terms of the seed cases |
/// | 2 | the terms state an unclaimed period of 180 days (`terms.unclaimed_after_days`): money a customer does not collect can be declared unclaimed and held for them; the documents an heir, a guardian or an agent supplies are listed (`claimant_documents`); nothing else differs |
///
/// The 180 days are the firm's choice, not a rule's: we found no rule of the PBoC, the CSRC
/// or the NFRA that fixes when compensation a firm owes becomes unclaimed (searched
/// 2026-12-07; the nearest rules are about dormant bank accounts). They leave time for a
/// returned payment, the letter asking the customer to confirm the receiving account
/// ([`ClaimLetters::respond_by`](super::ClaimLetters::respond_by)) and a reminder, and are
/// far inside the three-year limitation period of Civil Code Art. 188: the declaration
/// holds the money for the customer and is never a time bar. A host that chooses otherwise
/// publishes its own version.
/// [`reference_platform_policy`] and [`reference_securities_policy`] give the latest.
///
/// # Examples
/// ```
/// use incident::compensation::{reference_policy, reference_securities_policy, PolicyRef};
/// use incident::id::PolicyId;
/// let v1 = PolicyRef { id: PolicyId::new("securities-firm")?, version: 1 };
/// let first = reference_policy(&v1).ok_or("published")?;
/// // Version 1 states no unclaimed period; the latest states 180 days.
/// assert_eq!(first.terms().unclaimed_after_days, None);
/// let latest = reference_securities_policy();
/// assert_eq!(latest.terms().unclaimed_after_days.map(|d| d.get()), Some(180));
/// assert_eq!((first.rules(), first.customer_cap()), (latest.rules(), latest.customer_cap()));
/// // The digest a programme pinned under version 1 is still the one it gets.
/// assert_eq!(
///     first.digest()?.to_string(),
///     "3d79a1cd0181e9605b1fed70d9485271f64d020fb000e5409963132708e46bc4"
/// );
/// assert!(reference_policy(&PolicyRef { version: 3, ..v1 }).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reference_policy(reference: &PolicyRef) -> Option<Policy> {
    if reference.version == 0 || reference.version > LATEST {
        return None;
    }
    match reference.id.as_str() {
        PLATFORM => Some(platform(reference.version)),
        SECURITIES => Some(securities(reference.version)),
        _ => None,
    }
}

/// Version 1 of the platform policy: what the built-in payments playbook (version 1)
/// carries. Moving the playbook to version 2 changes its text, so it takes a playbook
/// version of its own.
pub(crate) fn platform_policy_v1() -> Policy {
    platform(1)
}

/// Version 1 of the securities policy: what the built-in securities playbook (version 1)
/// carries, as [`platform_policy_v1`] for payments.
pub(crate) fn securities_policy_v1() -> Policy {
    securities(1)
}

const PLATFORM: &str = "platform-data-theft";
const SECURITIES: &str = "securities-firm";

/// The platform data-theft policy, after seed 000 (a payments platform whose customer data
/// was stolen), in its latest version (2; see [`reference_policy`] for version 1).
/// Accumulating rules, CNY, per-customer cash cap ¥50,000:
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
/// regulator's ([`Recourse::CnPayments`]); no evidence deadline (the seed names none);
/// money not collected may be declared unclaimed after 180 days (the firm's choice: see
/// [`reference_policy`]).
///
/// # Examples
/// ```
/// let policy = incident::compensation::reference_platform_policy();
/// assert_eq!(policy.rules().len(), 9);
/// assert_eq!(policy.reference().to_string(), "platform-data-theft@v2");
/// ```
pub fn reference_platform_policy() -> Policy {
    platform(LATEST)
}

fn platform(version: u32) -> Policy {
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
        (PLATFORM, version),
        Matching::Accumulate,
        cny(50_000),
        review,
        rules,
        Recourse::CnPayments,
    )
}

/// The securities-firm policy, after seed 002 (a broker's crisis playbook), in its latest
/// version (2; see [`reference_policy`] for version 1). First-match, CNY, per-customer
/// cash cap ¥500,000. The seed (Q1/A1) says: "对于确因网络安全事件对客户
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
/// regulator's ([`Recourse::CnSecurities`]); no evidence deadline (the seed names none);
/// money not collected may be declared unclaimed after 180 days (the firm's choice: see
/// [`reference_policy`]).
///
/// # Examples
/// ```
/// let policy = incident::compensation::reference_securities_policy();
/// assert_eq!(policy.rules().len(), 6);
/// assert_eq!(policy.reference().to_string(), "securities-firm@v2");
/// ```
pub fn reference_securities_policy() -> Policy {
    securities(LATEST)
}

fn securities(version: u32) -> Policy {
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
        (SECURITIES, version),
        Matching::FirstMatch,
        cny(500_000),
        review,
        rules,
        Recourse::CnSecurities,
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn every_version() -> Vec<Policy> {
        let mut all = Vec::new();
        for id in [PLATFORM, SECURITIES, "no-such-policy"] {
            for version in 0..=LATEST + 1 {
                all.extend(reference_policy(&PolicyRef {
                    id: PolicyId::from_static(id),
                    version,
                }));
            }
        }
        all
    }

    #[test]
    fn reference_policies_pass_validation_unchanged() {
        let all = every_version();
        assert_eq!(all.len(), 4, "two versions of each of the two policies");
        for policy in all {
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
            for capacity in Capacity::ALL {
                if let Some(documents) = policy.claimant_documents(capacity) {
                    builder = builder.claimant_documents(capacity, documents.iter().copied());
                }
            }
            assert_eq!(builder.build().unwrap(), policy);
        }
        assert_eq!(reference_platform_policy().rules().len(), 9);
        assert_eq!(reference_securities_policy().rules().len(), 6);
    }

    /// A published version never changes: programmes pinned its digest. Version 1 is the
    /// text every log written before version 2 pinned.
    #[test]
    fn published_versions_keep_their_digests() {
        let digest = |id: &'static str, version| {
            let reference = PolicyRef {
                id: PolicyId::from_static(id),
                version,
            };
            reference_policy(&reference)
                .unwrap()
                .digest()
                .unwrap()
                .to_string()
        };
        assert_eq!(
            digest(PLATFORM, 1),
            "a732987f1a2a0d11876b42162bf46a7f5bab6fd29991b95e3a5276b34d613130"
        );
        assert_eq!(
            digest(SECURITIES, 1),
            "3d79a1cd0181e9605b1fed70d9485271f64d020fb000e5409963132708e46bc4"
        );
        assert_ne!(digest(PLATFORM, 2), digest(PLATFORM, 1));
        assert_ne!(digest(SECURITIES, 2), digest(SECURITIES, 1));
    }

    /// Version 2 differs from version 1 in its version, its unclaimed period and the
    /// documents it requires of claimants only.
    #[test]
    fn version_2_adds_the_unclaimed_period_and_the_claimant_documents_and_nothing_else() {
        for (latest, id) in [
            (reference_platform_policy(), PLATFORM),
            (reference_securities_policy(), SECURITIES),
        ] {
            assert_eq!(latest.version(), LATEST);
            assert_eq!(
                latest.terms().unclaimed_after_days.map(|d| d.get()),
                Some(180)
            );
            let first = reference_policy(&PolicyRef {
                id: PolicyId::from_static(id),
                version: 1,
            })
            .unwrap();
            assert_eq!(first.terms().unclaimed_after_days, None);
            let mut json = serde_json::to_value(&latest).unwrap();
            json["version"] = 1.into();
            json["terms"]
                .as_object_mut()
                .unwrap()
                .remove("unclaimed_after_days");
            let claimants = json.as_object_mut().unwrap().remove("claimant_documents");
            assert_eq!(claimants.unwrap().as_object().unwrap().len(), 3);
            assert_eq!(json, serde_json::to_value(&first).unwrap());
            for capacity in Capacity::ALL {
                assert_eq!(first.claimant_documents(capacity), None);
                assert_eq!(
                    latest.claimant_documents(capacity).map(BTreeSet::len),
                    Some(3)
                );
            }
        }
    }
}
