//! The regulator's record: the claim's facts, every rule with its outcome and reason, the
//! figures, the review flag and the terms the customer was told.

use std::fmt::Write as _;

use super::super::decision::RuleStatus;
use super::super::policy::{Matching, Remedy, Rule};
use super::capacity::{record_claimant, record_gap};
use super::phrasing::{customer_reference, fill, record_fact, Fact};
use super::remedies::record_remedy;
use super::{grants_of, rule_reason, Explanation};
use crate::compensation::LossBasis;
use crate::locale::{tr, Label, Locale};
use crate::Money;

pub(super) fn render(ex: &Explanation<'_>, locale: Locale) -> String {
    let mut out = String::new();
    let (colon, _, semicolon) = locale.punctuation();
    let d = &ex.decision;
    let _ = writeln!(
        out,
        "# {}\n",
        tr(
            locale,
            "补偿决定记录",
            "補償決定紀錄",
            "Compensation decision record"
        )
    );
    let _ = writeln!(out, "{}{colon}{}", customer_reference(locale), d.customer);
    let matching = match ex.policy.matching() {
        Matching::FirstMatch => tr(
            locale,
            "按首个适用的规则决定",
            "按首個適用的規則決定",
            "first match: the first rule that applies decides",
        ),
        Matching::Accumulate => tr(
            locale,
            "所有适用的规则累计",
            "所有適用的規則累計",
            "accumulating: every rule that applies contributes",
        ),
    };
    let _ = writeln!(
        out,
        "{}{colon}{}",
        tr(locale, "补偿方案", "補償方案", "Policy"),
        locale.aside(&d.policy.to_string(), matching)
    );
    let facts: Vec<String> = [
        Fact::Evidence,
        Fact::Loss(LossBasis::Reported),
        Fact::Loss(LossBasis::Verified),
        Fact::Tier,
        Fact::Account,
        Fact::Data,
        Fact::Jurisdiction,
    ]
    .into_iter()
    .filter_map(|f| record_fact(f, ex.claim, locale))
    .collect();
    if let Some(claimant) = record_claimant(ex, locale) {
        let _ = writeln!(
            out,
            "{}{colon}{claimant}",
            tr(locale, "代为申请", "代為申請", "Claimed by"),
        );
    }
    let _ = writeln!(
        out,
        "{}{colon}{}\n",
        tr(locale, "申请", "申請", "Claim"),
        facts.join(semicolon)
    );
    let _ = writeln!(
        out,
        "## {}\n",
        tr(
            locale,
            "规则（按方案顺序）",
            "規則（按方案次序）",
            "Rules, in policy order"
        )
    );
    let winner = ex
        .policy
        .rules()
        .iter()
        .zip(&d.rules)
        .find(|(_, o)| o.status == RuleStatus::Matched)
        .map(|(r, _)| r);
    for (n, (rule, outcome)) in ex.policy.rules().iter().zip(&d.rules).enumerate() {
        let status = match outcome.status {
            RuleStatus::Matched => tr(locale, "适用", "適用", "applies"),
            RuleStatus::NotMatched => tr(locale, "不适用", "不適用", "does not apply"),
            RuleStatus::Skipped => tr(locale, "未评估", "未評估", "not evaluated"),
        };
        let reason = rule_reason(rule, outcome.status, winner, ex.claim, locale);
        let _ = write!(out, "{}. {} — {status}{colon}{reason}", n + 1, rule.id);
        let grants = grants(ex, rule, locale);
        if !grants.is_empty() {
            let _ = write!(out, " → {grants}");
        }
        out.push('\n');
    }
    out.push('\n');
    result(ex, locale, &mut out);
    out
}

fn grants(ex: &Explanation<'_>, rule: &Rule, locale: Locale) -> String {
    let parts: Vec<String> = grants_of(&ex.decision, rule)
        .map(|g| {
            let mut text = record_remedy(&g.remedy, locale);
            if matches!(g.remedy, Remedy::Reimburse { .. }) {
                text = fill(
                    tr(locale, "{t}，计{c}", "{t}，計{c}", "{t}: {c}"),
                    &[("t", &text), ("c", &locale.format_money(g.cash))],
                );
            }
            if g.cap_bound {
                text = fill(
                    tr(
                        locale,
                        "{t}（已达上限）",
                        "{t}（已達上限）",
                        "{t} (cap reached)",
                    ),
                    &[("t", &text)],
                );
            }
            text
        })
        .collect();
    parts.join(tr(locale, "；", "；", "; "))
}

fn result(ex: &Explanation<'_>, locale: Locale, out: &mut String) {
    let (colon, _, semicolon) = locale.punctuation();
    let a = &ex.decision.assessment;
    let money = |m: Money| locale.format_money(m);
    let _ = writeln!(out, "## {}\n", tr(locale, "结果", "結果", "Result"));
    let mut cash = money(a.cash);
    if a.customer_cap_bound {
        cash = locale.aside(
            &cash,
            &fill(
                tr(
                    locale,
                    "每位客户上限{cap}，上限前{b}",
                    "每位客戶上限{cap}，上限前{b}",
                    "per-customer cap {cap}; {b} before the cap",
                ),
                &[
                    ("cap", &money(ex.policy.customer_cap())),
                    ("b", &money(a.cash_before_customer_cap)),
                ],
            ),
        );
    }
    let _ = writeln!(
        out,
        "- {}{colon}{cash}",
        tr(locale, "现金补偿", "現金補償", "Cash")
    );
    let reported = ex.claim.reported_loss();
    if let Ok(rest) = reported.checked_sub(a.cash) {
        if rest.is_positive() {
            let _ = writeln!(
                out,
                "- {}{colon}{}",
                tr(
                    locale,
                    "申报损失中未以现金补偿的部分",
                    "申報損失中未以現金補償的部分",
                    "Reported loss not covered by cash",
                ),
                money(rest)
            );
        }
    }
    let review = if a.needs_manual_review {
        let reasons = review_reasons(ex, locale);
        locale.aside(
            tr(locale, "需要", "需要", "required"),
            &reasons.join(semicolon),
        )
    } else {
        tr(locale, "不需要", "不需要", "not required").to_owned()
    };
    let _ = writeln!(
        out,
        "- {}{colon}{review}",
        tr(locale, "人工复核", "人工覆核", "Manual review")
    );
    let terms = ex.policy.terms();
    let admission = if terms.without_admission {
        tr(
            locale,
            "客户通知中已载明",
            "客戶通知中已載明",
            "stated in the customer letter",
        )
    } else {
        tr(
            locale,
            "方案未要求载明",
            "方案未要求載明",
            "not stated (the policy does not ask for it)",
        )
    };
    let _ = writeln!(
        out,
        "- {}{colon}{admission}",
        tr(
            locale,
            "补偿不代表承认法律责任的声明",
            "補償不代表承認法律責任的聲明",
            "Statement that the offer is no admission of liability",
        )
    );
    let window = match (
        ex.evidence_deadline(),
        ex.decided,
        terms.evidence_window_days,
    ) {
        (Some(at), Some((_, zone)), _) => locale.format_deadline(at, zone.as_tz()),
        (_, _, Some(days)) => fill(
            tr(
                locale,
                "决定后{n}天内",
                "決定後{n}天內",
                "within {n} days of the decision",
            ),
            &[("n", &days.get().to_string())],
        ),
        _ => tr(
            locale,
            "方案未设期限",
            "方案未設期限",
            "none set by the policy",
        )
        .to_owned(),
    };
    let _ = writeln!(
        out,
        "- {}{colon}{window}",
        tr(
            locale,
            "补充证据期限",
            "補充證據期限",
            "Deadline for further evidence"
        )
    );
}

/// Why the decision needs review, in `locale` (the decision's own reasons are English).
fn review_reasons(ex: &Explanation<'_>, locale: Locale) -> Vec<String> {
    let trigger = ex.policy.review_trigger();
    let claim = ex.claim;
    let mut reasons = Vec::new();
    if trigger.evidence.contains(claim.evidence()) {
        reasons.push(fill(
            tr(locale, "证据状态为{e}", "證據狀態為{e}", "evidence {e}"),
            &[("e", claim.evidence().label(locale))],
        ));
    }
    if let Some(limit) = trigger.reported_loss_above {
        if claim.reported_loss().amount_minor() > limit.amount_minor() {
            reasons.push(fill(
                tr(
                    locale,
                    "申报损失{r}高于{l}",
                    "申報損失{r}高於{l}",
                    "reported loss {r} above {l}",
                ),
                &[
                    ("r", &locale.format_money(claim.reported_loss())),
                    ("l", &locale.format_money(limit)),
                ],
            ));
        }
    }
    reasons.extend(
        ex.policy
            .capacity_gap(claim)
            .map(|gap| record_gap(&gap, locale)),
    );
    reasons
}
