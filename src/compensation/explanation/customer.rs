//! The customer's letter: what was decided, why, what is left and how to get more, and
//! their rights. Rules that did not apply are not mentioned: the customer needs the reasons
//! that concern them, the regulator's record lists the rest.

use std::fmt::Write as _;

use super::super::claim::EvidenceStrength;
use super::super::decision::{Outcome, RuleStatus};
use super::super::policy::Remedy;
use super::phrasing::{customer_fact, customer_reference, facts_of, fill, review_pending, Fact};
use super::recourse::{evidence_deadline, rights, without_admission};
use super::remedies::customer_remedy;
use super::{grants_of, Explanation};
use crate::locale::{tr, Locale};
use crate::Money;

pub(super) fn render(ex: &Explanation<'_>, locale: Locale) -> String {
    let mut out = String::new();
    let (colon, _, _) = locale.punctuation();
    let _ = writeln!(
        out,
        "# {}\n",
        tr(locale, "补偿决定", "補償決定", "Your compensation decision")
    );
    let _ = writeln!(
        out,
        "{}{colon}{}",
        customer_reference(locale),
        ex.decision.customer
    );
    let _ = writeln!(
        out,
        "{}{colon}{}\n",
        tr(locale, "补偿方案", "補償方案", "Compensation policy"),
        ex.decision.policy
    );
    decided(ex, locale, &mut out);
    super::capacity::customer_section(ex, locale, &mut out);
    why(ex, locale, &mut out);
    remainder(ex, locale, &mut out);
    let _ = writeln!(
        out,
        "## {}\n",
        tr(locale, "您的权利", "您的權利", "Your rights")
    );
    for line in rights(ex.policy.terms().recourse, locale) {
        let _ = writeln!(out, "- {line}");
    }
    if ex.policy.terms().without_admission {
        let _ = writeln!(out, "\n{}", without_admission(locale));
    }
    out
}

fn decided(ex: &Explanation<'_>, locale: Locale, out: &mut String) {
    let a = &ex.decision.assessment;
    let money = |m: Money| locale.format_money(m);
    let _ = writeln!(
        out,
        "## {}\n",
        tr(locale, "我们的决定", "我們的決定", "What we decided")
    );
    let summary = match a.outcome {
        Outcome::Cash => fill(
            tr(
                locale,
                "我们向您提出的补偿包括现金{c}，明细如下：",
                "我們向您提出的補償包括現金{c}，詳情如下：",
                "Our offer to you includes {c} in cash. In detail:",
            ),
            &[("c", &money(a.cash))],
        ),
        Outcome::ServicesOnly => tr(
            locale,
            "我们为您提供以下补偿服务（不含现金）：",
            "我們為您提供以下補償服務（不包括現金）：",
            "Our offer to you is the following services (no cash):",
        )
        .to_owned(),
        Outcome::NoRemedy => tr(
            locale,
            "根据本补偿方案，您的申请目前不符合补偿条件。",
            "根據本補償方案，您的申請目前不符合補償條件。",
            "Under this compensation policy, your claim does not currently qualify for compensation.",
        )
        .to_owned(),
    };
    let _ = writeln!(out, "{summary}\n");
    let mut listed = false;
    for grant in &ex.decision.granted {
        let cash = matches!(grant.remedy, Remedy::Reimburse { .. }).then_some(grant.cash);
        let _ = writeln!(out, "- {}", customer_remedy(&grant.remedy, cash, locale));
        listed = true;
    }
    if listed {
        out.push('\n');
    }
    if a.customer_cap_bound {
        let _ = writeln!(
            out,
            "{}\n",
            fill(
                tr(
                    locale,
                    "本方案每位客户的现金补偿上限为{cap}；上述各项合计为{b}，因此现金补偿为{c}。",
                    "本方案每位客戶的現金補償上限為{cap}；上述各項合計為{b}，因此現金補償為{c}。",
                    "This policy pays each customer at most {cap} in cash; the items above add up to {b}, so the cash offered is {c}.",
                ),
                &[
                    ("cap", &money(ex.policy.customer_cap())),
                    ("b", &money(a.cash_before_customer_cap)),
                    ("c", &money(a.cash)),
                ],
            )
        );
    }
    if a.needs_manual_review {
        let _ = writeln!(out, "{}\n", review_pending(locale));
    }
}

fn why(ex: &Explanation<'_>, locale: Locale, out: &mut String) {
    let applied: Vec<_> = ex
        .policy
        .rules()
        .iter()
        .zip(&ex.decision.rules)
        .filter(|(_, outcome)| outcome.status == RuleStatus::Matched)
        .map(|(rule, _)| rule)
        .collect();
    if applied.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n",
        tr(locale, "决定的依据", "決定的依據", "Why")
    );
    // Rules resting on the same facts share one line.
    let mut lines: Vec<(String, Vec<String>)> = Vec::new();
    for rule in applied {
        let mut facts: Vec<String> = facts_of(&rule.when)
            .into_iter()
            .filter_map(|f| customer_fact(f, ex.claim, locale))
            .collect();
        if facts.is_empty() {
            facts.extend(customer_fact(Fact::Affected, ex.claim, locale));
        }
        let facts = match locale {
            Locale::En => locale.join_list(facts.iter().map(String::as_str)),
            _ => facts.join(tr(locale, "，", "，", ", ")),
        };
        let remedies =
            grants_of(&ex.decision, rule).map(|g| customer_remedy(&g.remedy, None, locale));
        match lines.iter_mut().find(|(f, _)| *f == facts) {
            Some((_, list)) => list.extend(remedies),
            None => lines.push((facts, remedies.collect())),
        }
    }
    for (facts, remedies) in lines {
        let line = fill(
            tr(
                locale,
                "{f}，因此我们为您提供：{r}。",
                "{f}，因此我們為您提供：{r}。",
                "Because {f}, we offer you: {r}.",
            ),
            &[
                ("f", &facts),
                ("r", &remedies.join(tr(locale, "；", "；", "; "))),
            ],
        );
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

/// What is left of the reported loss, and what the customer can do about it.
fn remainder(ex: &Explanation<'_>, locale: Locale, out: &mut String) {
    let claim = ex.claim;
    let cash = ex.decision.assessment.cash;
    let reported = claim.reported_loss();
    let Ok(rest) = reported.checked_sub(cash) else {
        return;
    };
    if !rest.is_positive() {
        return;
    }
    let money = |m: Money| locale.format_money(m);
    let _ = writeln!(
        out,
        "## {}\n",
        tr(
            locale,
            "尚未补偿的部分",
            "尚未補償的部分",
            "What is not covered yet"
        )
    );
    let mut text = fill(
        tr(
            locale,
            "您申报的损失为{r}，本次现金补偿{c}，尚有{d}未获补偿。",
            "您申報的損失為{r}，今次現金補償{c}，尚有{d}未獲補償。",
            "You reported a loss of {r}; this offer pays {c} in cash, which leaves {d} not covered.",
        ),
        &[
            ("r", &money(reported)),
            ("c", &money(cash)),
            ("d", &money(rest)),
        ],
    );
    let verified = claim.verified_loss();
    let unverified_part = match verified {
        Some(v) => reported.amount_minor() > v.amount_minor(),
        None => true,
    };
    if claim.evidence() != EvidenceStrength::Verified || unverified_part {
        text.push_str(tr(
            locale,
            "如您能提供交易记录、转账凭证、聊天记录等材料，我们会进行核实，并按本方案重新评估您的补偿。",
            "如您能提供交易紀錄、轉賬憑證、對話紀錄等資料，我們會進行核實，並按本方案重新評估您的補償。",
            " If you can send us evidence of the loss, such as transaction records, transfer receipts or messages, we will verify it and reassess your compensation under this policy.",
        ));
        text.push_str(&deadline(ex, locale));
    }
    if verified.is_some_and(|v| cash.amount_minor() < v.amount_minor()) {
        text.push_str(tr(
            locale,
            "经核实的损失中超出本方案补偿上限的部分，本方案不予支付；如您对此有异议，可以通过下文所列途径提出。",
            "經核實的損失中超出本方案補償上限的部分，本方案不會支付；如您對此有異議，可以透過下文所列途徑提出。",
            " The part of your verified loss above this policy's limits is not paid under it; if you disagree, you can use the routes listed below.",
        ));
    }
    let negotiated = ex
        .decision
        .granted
        .iter()
        .any(|g| matches!(g.remedy, Remedy::NegotiatedSettlement {}));
    if negotiated {
        text.push_str(tr(
            locale,
            "我们的专人会与您联系，商量这部分损失的解决方案。",
            "我們的專人會與您聯絡，商討這部分損失的解決方案。",
            " A member of our staff will contact you to discuss a settlement for this part.",
        ));
    }
    let _ = writeln!(out, "{text}\n");
}

/// The evidence deadline, as a date when the decision time is known, as a number of days
/// otherwise; empty without a window.
fn deadline(ex: &Explanation<'_>, locale: Locale) -> String {
    let lead = tr(locale, "", "", " ");
    match (
        ex.evidence_deadline(),
        ex.decided,
        ex.policy.terms().evidence_window_days,
    ) {
        (Some(at), Some((_, zone)), _) => format!(
            "{lead}{}",
            evidence_deadline(&locale.format_deadline(at, zone.as_tz()), locale)
        ),
        (_, _, Some(days)) => format!(
            "{lead}{}",
            fill(
                tr(
                    locale,
                    "请在本决定作出后{n}天内提交补充材料。",
                    "請在本決定作出後{n}天內提交補充資料。",
                    "Please send it to us within {n} days of this decision.",
                ),
                &[("n", &days.get().to_string())],
            )
        ),
        _ => String::new(),
    }
}
