//! Compensation decisions explained to people: the customer's letter and the regulator's
//! record, in zh-CN, zh-HK and en, for representative claims (golden files under
//! `tests/golden/compensation/`), and the rules the wording keeps: 补偿 never 赔偿, no
//! absolute promises, no rules the customer is not concerned by, no double negatives.
//!
//! After an intended change of wording, rewrite the golden files with
//! `UPDATE_GOLDEN=1 cargo test --test compensation_explain` and review the diff.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod golden;

use std::num::NonZeroU16;

use chrono::{TimeZone as _, Utc};
use golden::check_golden;
use incident::classify::DataCategory;
use incident::comms::absolute_promises;
use incident::compensation::*;
use incident::id::{ClaimantRef, CustomerRef};
use incident::locale::{Locale, Zone};
use incident::{Currency, Money};

fn cny(yuan: i64) -> Money {
    Money::from_minor(yuan * 100, Currency::CNY)
}

fn tag(locale: Locale) -> &'static str {
    locale.as_str()
}

/// The reference securities policy with a 30-day evidence window, as version 3 (a firm's
/// own version after the reference's v2).
fn securities_with_window() -> Policy {
    let reference = reference_securities_policy();
    let mut builder = Policy::builder(
        reference.id().clone(),
        3,
        reference.currency(),
        reference.matching(),
        reference.customer_cap(),
    )
    .review(reference.review_trigger().clone())
    .terms(OfferTerms {
        evidence_window_days: NonZeroU16::new(30),
        ..reference.terms().clone()
    });
    for rule in reference.rules() {
        builder = builder.rule(rule.clone());
    }
    builder.build().unwrap()
}

struct Case {
    name: &'static str,
    policy: Policy,
    claim: Claim,
    decided: bool,
}

fn cases() -> Vec<Case> {
    let customer = |s: &str| CustomerRef::new(s).unwrap();
    vec![
        Case {
            name: "verified_paid_in_full",
            policy: reference_securities_policy(),
            claim: Claim::builder(
                customer("C-1001"),
                Tier::Standard,
                cny(12_000),
                EvidenceStrength::Verified,
            )
            .verified_loss(cny(12_000))
            .build()
            .unwrap(),
            decided: false,
        },
        Case {
            name: "unverified_goodwill",
            policy: reference_securities_policy(),
            claim: Claim::builder(
                customer("C-1002"),
                Tier::Standard,
                cny(15_000),
                EvidenceStrength::Unverified,
            )
            .build()
            .unwrap(),
            decided: false,
        },
        Case {
            name: "unverified_with_deadline",
            policy: securities_with_window(),
            claim: Claim::builder(
                customer("C-1002"),
                Tier::Standard,
                cny(15_000),
                EvidenceStrength::Unverified,
            )
            .build()
            .unwrap(),
            decided: true,
        },
        Case {
            name: "manual_review",
            policy: reference_securities_policy(),
            claim: Claim::builder(
                customer("C-1003"),
                Tier::Premium,
                cny(180_000),
                EvidenceStrength::Partial,
            )
            .verified_loss(cny(120_000))
            .account_compromised(true)
            .build()
            .unwrap(),
            decided: false,
        },
        Case {
            name: "heir_documents_pending",
            policy: reference_securities_policy(),
            claim: Claim::builder(
                customer("C-1004"),
                Tier::Standard,
                cny(8_000),
                EvidenceStrength::Verified,
            )
            .verified_loss(cny(8_000))
            .claimant(
                Claimant::new(ClaimantRef::new("H-0042").unwrap(), Capacity::Heir)
                    .document(CapacityDocument::ClaimantIdentity, DocumentStatus::Verified)
                    .document(CapacityDocument::DeathCertificate, DocumentStatus::Received),
            )
            .build()
            .unwrap(),
            decided: false,
        },
        Case {
            name: "data_only_services",
            policy: reference_platform_policy(),
            claim: Claim::builder(
                customer("C-2001"),
                Tier::Standard,
                cny(0),
                EvidenceStrength::None,
            )
            .data(DataCategory::IdentityDocument)
            .data(DataCategory::ContactDetails)
            .build()
            .unwrap(),
            decided: false,
        },
    ]
}

fn explain(case: &Case) -> Explanation<'_> {
    let explanation = case.policy.explain(&case.claim).unwrap();
    if case.decided {
        // 10:00 on 6 December 2026 in Beijing.
        explanation.decided_at(
            Utc.with_ymd_and_hms(2026, 12, 6, 2, 0, 0).unwrap(),
            Zone::SHANGHAI,
        )
    } else {
        explanation
    }
}

#[test]
fn explanations_match_the_golden_files() {
    let mut drift = Vec::new();
    for case in cases() {
        let explanation = explain(&case);
        for locale in Locale::ALL {
            let customer = explanation.to_customer(locale);
            let regulator = explanation.to_regulator(locale);
            drift.extend(check_golden(
                "compensation",
                &format!("{}.customer.{}.md", case.name, tag(locale)),
                &customer,
            ));
            drift.extend(check_golden(
                "compensation",
                &format!("{}.regulator.{}.md", case.name, tag(locale)),
                &regulator,
            ));
        }
    }
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test compensation_explain` and review the diff.",
        drift.join("\n")
    );
}

#[test]
fn customer_letters_make_no_absolute_promise_and_never_say_pei_chang() {
    for case in cases() {
        let explanation = explain(&case);
        for locale in Locale::ALL {
            for text in [
                explanation.to_customer(locale),
                explanation.to_regulator(locale),
            ] {
                assert!(
                    absolute_promises(&text).is_empty(),
                    "{} {locale}: {:?}\n{text}",
                    case.name,
                    absolute_promises(&text)
                );
                assert!(
                    !text.contains("赔偿") && !text.contains("賠償"),
                    "{} {locale}\n{text}",
                    case.name
                );
            }
        }
    }
}

#[test]
fn the_customer_letter_omits_rules_that_did_not_apply_and_the_record_lists_every_rule() {
    for case in cases() {
        let explanation = explain(&case);
        for locale in Locale::ALL {
            let letter = explanation.to_customer(locale);
            let record = explanation.to_regulator(locale);
            for rule in case.policy.rules() {
                // Hyphenated ids cannot be ordinary words ("goodwill" is both).
                assert!(
                    !rule.id.as_str().contains('-') || !letter.contains(rule.id.as_str()),
                    "{} {locale}: the letter names rule {}",
                    case.name,
                    rule.id
                );
                assert!(
                    record.contains(&format!(" {} — ", rule.id)),
                    "{} {locale}: the record misses {}",
                    case.name,
                    rule.id
                );
            }
            // No double negative and no snake_case vocabulary in the record.
            for bad in ["holds", "needs it not to", "_", "not (", "不不"] {
                let body = record.replace(case.claim.customer().as_str(), "");
                assert!(
                    !body.contains(bad),
                    "{} {locale}: {bad}\n{record}",
                    case.name
                );
            }
        }
    }
}

#[test]
fn an_unverified_claim_states_what_is_left_and_how_to_obtain_more() {
    let case = &cases()[1];
    let explanation = explain(case);
    assert_eq!(explanation.decision().cash(), cny(200));
    let en = explanation.to_customer(Locale::En);
    assert!(
        en.contains("You reported a loss of CNY 15,000.00; this offer pays CNY 200.00 in cash, which leaves CNY 14,800.00 not covered."),
        "{en}"
    );
    assert!(en.contains("we will verify it and reassess"), "{en}");
    assert!(
        en.contains("it is not an admission of legal liability"),
        "{en}"
    );
    assert!(en.contains("12386"), "{en}");
    assert!(en.contains("Article 188"), "{en}");
    let zh = explanation.to_customer(Locale::ZhCn);
    assert!(zh.contains("尚有14,800.00元未获补偿"), "{zh}");
    assert!(zh.contains("不代表我们承认任何法律责任"), "{zh}");
    assert!(zh.contains("第一百八十八条"), "{zh}");
    assert!(zh.contains("中证中小投资者服务中心"), "{zh}");
    let hk = explanation.to_customer(Locale::ZhHk);
    assert!(hk.contains("尚有14,800.00人民幣未獲補償"), "{hk}");
}

#[test]
fn a_policy_window_gives_a_dated_deadline_only_when_the_decision_time_is_known() {
    let policy = securities_with_window();
    let claim = &cases()[1].claim;
    let undated = policy.explain(claim).unwrap();
    assert_eq!(undated.evidence_deadline(), None);
    assert!(undated
        .to_customer(Locale::En)
        .contains("Please send it to us within 30 days of this decision."));
    let dated = undated.decided_at(
        Utc.with_ymd_and_hms(2026, 12, 6, 2, 0, 0).unwrap(),
        Zone::SHANGHAI,
    );
    assert_eq!(
        dated.evidence_deadline(),
        Some(Utc.with_ymd_and_hms(2027, 1, 5, 16, 0, 0).unwrap())
    );
    let zh = dated.to_customer(Locale::ZhCn);
    assert!(
        zh.contains("请在2027年1月5日24:00（北京时间）前提交补充材料。"),
        "{zh}"
    );
    // The reference policies set no window: no deadline is named.
    let reference = reference_securities_policy();
    let letter = reference.explain(claim).unwrap().to_customer(Locale::En);
    assert!(!letter.contains("Please send it"), "{letter}");
}

#[test]
fn a_policy_without_terms_states_no_admission_and_names_only_the_courts() {
    let reference = reference_securities_policy();
    let mut builder = Policy::builder(
        reference.id().clone(),
        4,
        reference.currency(),
        reference.matching(),
        reference.customer_cap(),
    );
    for rule in reference.rules() {
        builder = builder.rule(rule.clone());
    }
    let bare = builder.build().unwrap();
    assert!(bare.terms().is_unset());
    let claim = &cases()[0].claim;
    let letter = bare.explain(claim).unwrap().to_customer(Locale::En);
    assert!(!letter.contains("admission"), "{letter}");
    assert!(
        !letter.contains("12386") && !letter.contains("12363"),
        "{letter}"
    );
    assert!(letter.contains("go to court"), "{letter}");
    let record = bare.explain(claim).unwrap().to_regulator(Locale::En);
    assert!(
        record.contains("not stated (the policy does not ask for it)"),
        "{record}"
    );
}

#[test]
fn a_payments_policy_names_12363_and_a_securities_policy_12386() {
    let case = cases()
        .into_iter()
        .find(|c| c.name == "data_only_services")
        .unwrap();
    let claim = &case.claim;
    let payments = reference_platform_policy()
        .explain(claim)
        .unwrap()
        .to_customer(Locale::ZhCn);
    assert!(payments.contains("12363") && !payments.contains("12386"));
    let securities = reference_securities_policy()
        .explain(claim)
        .unwrap()
        .to_customer(Locale::ZhCn);
    assert!(securities.contains("12386") && !securities.contains("12363"));
}

#[test]
fn negated_conditions_read_as_requirements() {
    // The platform policy's serious-impact rule is "reported loss ≥ ¥10,000 and not verified".
    let claim = Claim::builder(
        CustomerRef::new("C-3").unwrap(),
        Tier::Standard,
        cny(20_000),
        EvidenceStrength::Verified,
    )
    .verified_loss(cny(20_000))
    .build()
    .unwrap();
    let policy = reference_platform_policy();
    let record = policy.explain(&claim).unwrap().to_regulator(Locale::En);
    assert!(
        record.contains(
            "serious-impact — does not apply: requires reported loss of at least CNY 10,000.00 and evidence partly verified, unverified or none (no loss claimed); the reported loss is CNY 20,000.00, the claim's evidence is verified"
        ),
        "{record}"
    );
    let zh = policy.explain(&claim).unwrap().to_regulator(Locale::ZhCn);
    assert!(
        zh.contains("要求申报损失不低于10,000.00元，且证据状态为部分核实、未核实或无（未申报损失）；申报损失为20,000.00元，本申请的证据状态为已核实"),
        "{zh}"
    );
}

#[test]
fn old_policy_json_without_terms_still_loads_and_keeps_its_digest() {
    let reference = reference_securities_policy();
    let mut json = serde_json::to_value(&reference).unwrap();
    let terms = json.as_object_mut().unwrap().remove("terms").unwrap();
    assert_eq!(terms["without_admission"], true);
    let old: Policy = serde_json::from_value(json.clone()).unwrap();
    assert!(old.terms().is_unset());
    // Unset terms are left out, so an old policy re-serializes byte for byte.
    assert_eq!(serde_json::to_value(&old).unwrap(), json);
}

/// A claim made by an heir whose documents are not all verified waits for a person: the
/// decision's reasons say so, the record names the documents not verified, and the letter
/// (to the heir) lists what is still needed. Once every document is verified, the claim
/// is not held back for its claimant; a capacity the policy lists nothing for always is.
#[test]
fn a_claim_by_someone_else_waits_until_their_documents_are_verified() {
    let case = cases()
        .into_iter()
        .find(|c| c.name == "heir_documents_pending")
        .unwrap();
    let decision = case.policy.decide(&case.claim).unwrap();
    assert!(decision.needs_manual_review());
    assert_eq!(
        decision.review_reasons,
        ["claimant H-0042 claims as heir; not verified: proof of the customer's death (received), proof of the right to inherit (not received)"]
    );
    let explanation = explain(&case);
    let record = explanation.to_regulator(Locale::En);
    assert!(record.contains("Claimed by: H-0042 (heir)"), "{record}");
    assert!(
        record.contains("claimant H-0042 (heir) has documents not verified: proof of the customer's death (received) and proof of the right to inherit (not received)"),
        "{record}"
    );
    let zh = explanation.to_customer(Locale::ZhCn);
    assert!(
        zh.contains("本申请由申请人H-0042以客户的继承人身份提出。"),
        "{zh}"
    );
    assert!(
        zh.contains("- 继承权证明（如亲属关系证明或继承公证书）：尚未收到，请提交"),
        "{zh}"
    );
    assert!(zh.contains("- 客户的死亡证明：已收到，正在核实"), "{zh}");
    // The verified identity is not asked for again.
    assert!(!zh.contains("申请人本人的有效身份证件"), "{zh}");

    // Every document verified: no review on the claimant's account.
    let verified = Claimant::new(ClaimantRef::new("H-0042").unwrap(), Capacity::Heir)
        .document(CapacityDocument::ClaimantIdentity, DocumentStatus::Verified)
        .document(CapacityDocument::DeathCertificate, DocumentStatus::Verified)
        .document(CapacityDocument::SuccessionProof, DocumentStatus::Verified);
    let claim = Claim::builder(
        CustomerRef::new("C-1004").unwrap(),
        Tier::Standard,
        cny(8_000),
        EvidenceStrength::Verified,
    )
    .verified_loss(cny(8_000))
    .claimant(verified.clone())
    .build()
    .unwrap();
    let policy = reference_securities_policy();
    assert_eq!(policy.capacity_gap(&claim), None);
    assert!(!policy.decide(&claim).unwrap().needs_manual_review());
    assert!(policy
        .explain(&claim)
        .unwrap()
        .to_customer(Locale::En)
        .contains("The documents you sent have been verified."));
    // Under version 1, which lists no documents, the same heir is always reviewed.
    let v1 = reference_policy(&PolicyRef {
        id: policy.id().clone(),
        version: 1,
    })
    .unwrap();
    let gap = v1.capacity_gap(&claim).unwrap();
    assert!(!gap.stated);
    assert!(v1.decide(&claim).unwrap().needs_manual_review());
    assert!(v1
        .explain(&claim)
        .unwrap()
        .to_customer(Locale::En)
        .contains("a member of our staff will check that you can claim as the customer's heir"));
    // The customer's own claim is not held back.
    let own = Claim::builder(
        CustomerRef::new("C-1004").unwrap(),
        Tier::Standard,
        cny(8_000),
        EvidenceStrength::Verified,
    )
    .verified_loss(cny(8_000))
    .build()
    .unwrap();
    assert!(!v1.decide(&own).unwrap().needs_manual_review());
}

/// A claim and a policy written before claimants existed keep their JSON (and so their
/// digests): the new members are left out when unused.
#[test]
fn claims_and_policies_without_claimants_keep_their_json() {
    let own = &cases()[0].claim;
    let json = serde_json::to_value(own).unwrap();
    assert!(json.get("claimant").is_none(), "{json}");
    assert_eq!(serde_json::from_value::<Claim>(json).unwrap(), *own);
    let v1 = reference_policy(&PolicyRef {
        id: incident::id::PolicyId::new("securities-firm").unwrap(),
        version: 1,
    })
    .unwrap();
    assert!(serde_json::to_value(&v1)
        .unwrap()
        .get("claimant_documents")
        .is_none());
    // A capacity listed with no document is refused: it would read as "nothing to check".
    let mut json = serde_json::to_value(reference_securities_policy()).unwrap();
    json["claimant_documents"]["agent"] = serde_json::json!([]);
    let err = serde_json::from_value::<Policy>(json).unwrap_err();
    assert!(
        err.to_string()
            .contains("claimant_documents.agent: no document is listed"),
        "{err}"
    );
}
