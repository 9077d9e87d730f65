//! Conditions and claim facts in words, in every locale: with `remedies.rs`, the one place
//! the compensation explanations get their phrases from. Two voices: the record's (third
//! person, every clause, for regulators and auditors) and the customer's (second person,
//! only what applies to them).
//!
//! A negated condition is written as what it requires, never as "not (…) holds": the
//! negation is pushed down to the clauses (De Morgan for `all`/`any`, the complement set
//! for evidence and tiers, the other truth value for account takeover), so the record reads
//! "requires evidence partly verified, unverified or no loss claimed", not a double negative.

use std::collections::BTreeSet;

use super::super::claim::{Claim, EvidenceStrength, Tier};
use super::super::policy::{Condition, LossBasis};
use crate::locale::{tr, Label, Locale};
use crate::Money;

/// `template` with each `{name}` replaced by its value: how a phrase chosen by [`tr`]
/// takes its figures.
pub(crate) fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The sentence telling the customer that a person reviews the decision before anything is
/// paid: in the decision letter and in the letter after a reassessment.
pub(super) fn review_pending(locale: Locale) -> &'static str {
    tr(
        locale,
        "本决定需经我们的工作人员复核后才会支付；如复核结果有变化，我们会另行通知您。",
        "本決定須經我們的職員覆核後才會支付；如覆核結果有變，我們會另行通知您。",
        "A member of our staff will review this decision before anything is paid; if the review changes it, we will write to you again.",
    )
}

/// The reader-facing name of an evidence strength, as the record states it.
impl Label for EvidenceStrength {
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Verified => tr(locale, "已核实", "已核實", "verified"),
            Self::Partial => tr(locale, "部分核实", "部分核實", "partly verified"),
            Self::Unverified => tr(locale, "未核实", "未核實", "unverified"),
            Self::None => tr(
                locale,
                "无（未申报损失）",
                "無（未申報損失）",
                "none (no loss claimed)",
            ),
        }
    }
}

/// The reader-facing name of a service tier.
impl Label for Tier {
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Standard => tr(locale, "普通客户", "一般客戶", "standard"),
            Self::Premium => tr(locale, "高级客户", "高級客戶", "premium"),
            Self::Vip => tr(locale, "贵宾客户", "貴賓客戶", "VIP"),
        }
    }
}

const TIERS: [Tier; 3] = [Tier::Standard, Tier::Premium, Tier::Vip];

/// Alternatives as a sentence: `A、B或C` / `A, B or C`.
pub(crate) fn or_list(locale: Locale, items: &[String]) -> String {
    let (sep, last) = (tr(locale, "、", "、", ", "), tr(locale, "或", "或", " or "));
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., end] => format!("{}{last}{end}", init.join(sep)),
    }
}

fn basis_name(locale: Locale, basis: LossBasis) -> &'static str {
    match basis {
        LossBasis::Reported => tr(locale, "申报损失", "申報損失", "reported loss"),
        LossBasis::Verified => tr(locale, "已核实损失", "已核實損失", "verified loss"),
    }
}

/// What `condition` requires, in the record's voice; `negated` asks for what its negation
/// requires.
pub(crate) fn requirement(condition: &Condition, negated: bool, locale: Locale) -> String {
    let money = |m: &Money| locale.format_money(*m);
    match condition {
        Condition::Always {} => if negated {
            tr(locale, "无任何申请", "無任何申請", "no claim")
        } else {
            tr(locale, "所有申请", "所有申請", "every claim")
        }
        .to_owned(),
        Condition::Evidence { any_of } => {
            let names: Vec<String> = EVIDENCE
                .into_iter()
                .filter(|e| any_of.contains(*e) != negated)
                .map(|e| e.label(locale).to_owned())
                .collect();
            fill(
                tr(locale, "证据状态为{e}", "證據狀態為{e}", "evidence {e}"),
                &[("e", &or_list(locale, &names))],
            )
        }
        Condition::Loss { basis, min, max } => {
            let b = basis_name(locale, *basis);
            let text = match (min, max, negated) {
                (Some(a), Some(z), false) => fill(
                    tr(
                        locale,
                        "{b}在{a}至{z}之间",
                        "{b}在{a}至{z}之間",
                        "{b} from {a} to {z}",
                    ),
                    &[("b", b), ("a", &money(a)), ("z", &money(z))],
                ),
                (Some(a), None, false) => fill(
                    tr(
                        locale,
                        "{b}不低于{a}",
                        "{b}不低於{a}",
                        "{b} of at least {a}",
                    ),
                    &[("b", b), ("a", &money(a))],
                ),
                (None, Some(z), false) => fill(
                    tr(locale, "{b}不高于{z}", "{b}不高於{z}", "{b} of at most {z}"),
                    &[("b", b), ("z", &money(z))],
                ),
                (None, None, false) => fill(
                    tr(locale, "已确定{b}", "已確定{b}", "an established {b}"),
                    &[("b", b)],
                ),
                (Some(a), Some(z), true) => fill(
                    tr(
                        locale,
                        "{b}低于{a}或高于{z}",
                        "{b}低於{a}或高於{z}",
                        "{b} below {a} or above {z}",
                    ),
                    &[("b", b), ("a", &money(a)), ("z", &money(z))],
                ),
                (Some(a), None, true) => fill(
                    tr(locale, "{b}低于{a}", "{b}低於{a}", "{b} below {a}"),
                    &[("b", b), ("a", &money(a))],
                ),
                (None, Some(z), true) => fill(
                    tr(locale, "{b}高于{z}", "{b}高於{z}", "{b} above {z}"),
                    &[("b", b), ("z", &money(z))],
                ),
                (None, None, true) => fill(
                    tr(locale, "尚未确定{b}", "尚未確定{b}", "no established {b}"),
                    &[("b", b)],
                ),
            };
            // Without a verified loss a verified-loss range fails, so its negation holds.
            if negated && *basis == LossBasis::Verified && (min.is_some() || max.is_some()) {
                fill(
                    tr(
                        locale,
                        "{t}，或尚未确定已核实损失",
                        "{t}，或尚未確定已核實損失",
                        "{t}, or no established verified loss",
                    ),
                    &[("t", &text)],
                )
            } else {
                text
            }
        }
        Condition::DataExposed { any_of } => {
            let names: Vec<&str> = any_of.iter().map(|c| c.label(locale)).collect();
            let list = locale.join_list(names);
            if negated {
                fill(
                    tr(
                        locale,
                        "以下信息均未泄露：{l}",
                        "以下資料均未外洩：{l}",
                        "none of these exposed: {l}",
                    ),
                    &[("l", &list)],
                )
            } else {
                fill(
                    tr(
                        locale,
                        "以下任一类信息泄露：{l}",
                        "以下任何一類資料外洩：{l}",
                        "any of these exposed: {l}",
                    ),
                    &[("l", &list)],
                )
            }
        }
        Condition::Tier { any_of } => {
            let names: Vec<String> = tier_names(any_of, negated, locale);
            fill(
                tr(locale, "客户等级为{t}", "客戶等級為{t}", "tier {t}"),
                &[("t", &or_list(locale, &names))],
            )
        }
        Condition::AccountCompromised { is } => account_requirement(*is != negated, locale),
        Condition::Jurisdiction { any_of } => {
            let names: Vec<String> = any_of.iter().map(|j| j.as_str().to_owned()).collect();
            let list = or_list(locale, &names);
            let template = if negated {
                tr(
                    locale,
                    "客户所在地不属于{l}",
                    "客戶所在地不屬於{l}",
                    "customer outside {l}",
                )
            } else {
                tr(
                    locale,
                    "客户所在地属于{l}",
                    "客戶所在地屬於{l}",
                    "customer in {l}",
                )
            };
            fill(template, &[("l", &list)])
        }
        // De Morgan: not (all of …) is any of the negations, and the other way round.
        Condition::All { conditions } => junction(conditions, !negated, negated, locale),
        Condition::Any { conditions } => junction(conditions, negated, negated, locale),
        Condition::Not { condition } => requirement(condition, !negated, locale),
    }
}

/// The evidence strengths, strongest first, as the record lists them.
const EVIDENCE: [EvidenceStrength; 4] = [
    EvidenceStrength::Verified,
    EvidenceStrength::Partial,
    EvidenceStrength::Unverified,
    EvidenceStrength::None,
];

fn tier_names(any_of: &BTreeSet<Tier>, negated: bool, locale: Locale) -> Vec<String> {
    TIERS
        .into_iter()
        .filter(|t| any_of.contains(t) != negated)
        .map(|t| t.label(locale).to_owned())
        .collect()
}

fn account_requirement(compromised: bool, locale: Locale) -> String {
    if compromised {
        tr(locale, "账户被盗用", "賬戶被盜用", "account taken over")
    } else {
        tr(
            locale,
            "账户未被盗用",
            "賬戶未被盜用",
            "account not taken over",
        )
    }
    .to_owned()
}

/// `all` joins the clauses with "and", otherwise with "or"; `negated` is passed down.
fn junction(conditions: &[Condition], all: bool, negated: bool, locale: Locale) -> String {
    if conditions.is_empty() {
        // An empty `all` holds for every claim, an empty `any` for none.
        return requirement(&Condition::Always {}, !all, locale);
    }
    let parts: Vec<String> = conditions
        .iter()
        .map(|c| {
            let text = requirement(c, negated, locale);
            if matches!(c, Condition::All { .. } | Condition::Any { .. }) && conditions.len() > 1 {
                fill(tr(locale, "（{t}）", "（{t}）", "({t})"), &[("t", &text)])
            } else {
                text
            }
        })
        .collect();
    let sep = if all {
        tr(locale, "，且", "，且", " and ")
    } else {
        tr(locale, "，或", "，或", " or ")
    };
    parts.join(sep)
}

/// A fact about the claim a condition looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fact {
    Affected,
    Evidence,
    Loss(LossBasis),
    Data,
    Tier,
    Account,
    Jurisdiction,
}

/// The facts `condition` looks at, in order, each once.
pub(crate) fn facts_of(condition: &Condition) -> Vec<Fact> {
    fn walk(condition: &Condition, out: &mut Vec<Fact>) {
        let fact = match condition {
            Condition::Always {} => Fact::Affected,
            Condition::Evidence { .. } => Fact::Evidence,
            Condition::Loss { basis, .. } => Fact::Loss(*basis),
            Condition::DataExposed { .. } => Fact::Data,
            Condition::Tier { .. } => Fact::Tier,
            Condition::AccountCompromised { .. } => Fact::Account,
            Condition::Jurisdiction { .. } => Fact::Jurisdiction,
            Condition::All { conditions } | Condition::Any { conditions } => {
                for c in conditions {
                    walk(c, out);
                }
                return;
            }
            Condition::Not { condition } => return walk(condition, out),
        };
        if !out.contains(&fact) {
            out.push(fact);
        }
    }
    let mut out = Vec::new();
    walk(condition, &mut out);
    out
}

/// The claim's value for `fact`, in the record's voice; `None` for [`Fact::Affected`],
/// which every claim has.
pub(crate) fn record_fact(fact: Fact, claim: &Claim, locale: Locale) -> Option<String> {
    let money = |m: Money| locale.format_money(m);
    Some(match fact {
        Fact::Affected => return None,
        Fact::Evidence => fill(
            tr(
                locale,
                "本申请的证据状态为{e}",
                "本申請的證據狀態為{e}",
                "the claim's evidence is {e}",
            ),
            &[("e", claim.evidence().label(locale))],
        ),
        Fact::Loss(LossBasis::Reported) => fill(
            tr(
                locale,
                "申报损失为{m}",
                "申報損失為{m}",
                "the reported loss is {m}",
            ),
            &[("m", &money(claim.reported_loss()))],
        ),
        Fact::Loss(LossBasis::Verified) => match claim.verified_loss() {
            Some(m) => fill(
                tr(
                    locale,
                    "已核实损失为{m}",
                    "已核實損失為{m}",
                    "the verified loss is {m}",
                ),
                &[("m", &money(m))],
            ),
            None => tr(
                locale,
                "尚未确定已核实损失",
                "尚未確定已核實損失",
                "no verified loss is established",
            )
            .to_owned(),
        },
        Fact::Data if claim.data_exposed().is_empty() => tr(
            locale,
            "未记录信息泄露",
            "未有資料外洩紀錄",
            "no data exposure is recorded",
        )
        .to_owned(),
        Fact::Data => fill(
            tr(
                locale,
                "泄露的信息为{l}",
                "外洩的資料為{l}",
                "the data exposed are {l}",
            ),
            &[("l", &exposed(claim, locale))],
        ),
        Fact::Tier => fill(
            tr(
                locale,
                "客户等级为{t}",
                "客戶等級為{t}",
                "the customer's tier is {t}",
            ),
            &[("t", claim.tier().label(locale))],
        ),
        Fact::Account if claim.account_compromised() => tr(
            locale,
            "账户曾被盗用",
            "賬戶曾被盜用",
            "the account was taken over",
        )
        .to_owned(),
        Fact::Account => tr(
            locale,
            "账户未被盗用",
            "賬戶未被盜用",
            "the account was not taken over",
        )
        .to_owned(),
        Fact::Jurisdiction => match claim.jurisdiction() {
            Some(j) => fill(
                tr(
                    locale,
                    "客户所在地为{j}",
                    "客戶所在地為{j}",
                    "the customer is in {j}",
                ),
                &[("j", j.as_str())],
            ),
            None => tr(
                locale,
                "未记录客户所在地",
                "未有客戶所在地紀錄",
                "no jurisdiction is recorded",
            )
            .to_owned(),
        },
    })
}

fn exposed(claim: &Claim, locale: Locale) -> String {
    locale.join_list(claim.data_exposed().iter().map(|c| c.label(locale)))
}

/// The claim's value for `fact`, told to the customer; `None` when there is nothing worth
/// telling them (no data exposed, no jurisdiction recorded).
pub(crate) fn customer_fact(fact: Fact, claim: &Claim, locale: Locale) -> Option<String> {
    let money = |m: Money| locale.format_money(m);
    Some(match fact {
        Fact::Affected => tr(
            locale,
            "您是受此次事件影响的客户",
            "您是受今次事件影響的客戶",
            "you are a customer affected by the incident",
        )
        .to_owned(),
        Fact::Evidence => match claim.evidence() {
            EvidenceStrength::Verified => tr(
                locale,
                "我们已核实您的损失",
                "我們已核實您的損失",
                "we have verified your loss",
            ),
            EvidenceStrength::Partial => tr(
                locale,
                "您的部分损失已有证据支持",
                "您的部分損失已有證據支持",
                "part of your loss is supported by evidence",
            ),
            EvidenceStrength::Unverified => tr(
                locale,
                "您申报了损失，但我们目前还没有可以核实的证据",
                "您申報了損失，但我們目前仍未有可以核實的證據",
                "you reported a loss that we cannot yet verify from evidence",
            ),
            EvidenceStrength::None => tr(
                locale,
                "您没有申报损失",
                "您沒有申報損失",
                "you have not reported a loss",
            ),
        }
        .to_owned(),
        Fact::Loss(LossBasis::Reported) => fill(
            tr(
                locale,
                "您申报的损失为{m}",
                "您申報的損失為{m}",
                "you reported a loss of {m}",
            ),
            &[("m", &money(claim.reported_loss()))],
        ),
        Fact::Loss(LossBasis::Verified) => match claim.verified_loss() {
            Some(m) => fill(
                tr(
                    locale,
                    "经核实，您的损失为{m}",
                    "經核實，您的損失為{m}",
                    "your verified loss is {m}",
                ),
                &[("m", &money(m))],
            ),
            None => tr(
                locale,
                "您的损失尚待核实",
                "您的損失尚待核實",
                "your loss is still to be verified",
            )
            .to_owned(),
        },
        Fact::Data if claim.data_exposed().is_empty() => return None,
        Fact::Data => fill(
            tr(
                locale,
                "您的{l}可能已经泄露",
                "您的{l}可能已經外洩",
                "your {l} may have been exposed",
            ),
            &[("l", &exposed(claim, locale))],
        ),
        Fact::Tier => fill(
            tr(
                locale,
                "您的客户等级为{t}",
                "您的客戶等級為{t}",
                "your customer tier is {t}",
            ),
            &[("t", claim.tier().label(locale))],
        ),
        Fact::Account if claim.account_compromised() => tr(
            locale,
            "您的账户曾被他人未经授权使用",
            "您的賬戶曾被他人未經授權使用",
            "your account was used by someone without your permission",
        )
        .to_owned(),
        Fact::Account => tr(
            locale,
            "我们没有发现您的账户被他人使用",
            "我們沒有發現您的賬戶被他人使用",
            "we found no sign that anyone else used your account",
        )
        .to_owned(),
        Fact::Jurisdiction => fill(
            tr(
                locale,
                "您所在地区为{j}",
                "您所在地區為{j}",
                "you are in {j}",
            ),
            &[("j", claim.jurisdiction()?.as_str())],
        ),
    })
}

/// The label of the customer's reference, at the head of every decision and letter.
pub(super) fn customer_reference(locale: Locale) -> &'static str {
    tr(locale, "客户编号", "客戶編號", "Customer reference")
}
