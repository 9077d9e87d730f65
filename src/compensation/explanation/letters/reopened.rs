//! The letter after a claim was reopened on new evidence: the new decision, what was paid
//! before and the top-up owed beside it, and the customer's rights.

use super::super::super::negotiation::ClaimCase;
use super::super::super::policy::Remedy;
use super::super::phrasing::{fill, review_pending};
use super::super::recourse::{rights, without_admission};
use super::super::remedies::customer_remedy;
use super::{bullets, paragraph, section, ClaimLetters};
use crate::locale::{tr, Locale};
use crate::Money;

/// [`StatusLetter::Reopened`](super::StatusLetter::Reopened).
pub(super) fn render(letters: &ClaimLetters<'_>, locale: Locale) -> String {
    let case = letters.case;
    let money = |m: Money| locale.format_money(m);
    let mut out = String::new();
    letters.head(
        tr(
            locale,
            "补偿重新评估结果",
            "補償重新評估結果",
            "Your claim reassessed",
        ),
        locale,
        &mut out,
    );
    let Some(earlier) = case.earlier.last() else {
        return out;
    };
    // Cash settled before each reopening still counts; a rejected claim was paid nothing.
    let before = case
        .settled_before()
        .unwrap_or(Money::zero(case.entitlement().currency()));
    section(
        &mut out,
        tr(locale, "重新评估", "重新評估", "Why we reassessed"),
    );
    let mut why = fill(
        tr(
            locale,
            "根据新的证据，我们已于{d}按本补偿方案重新评估您的申请。",
            "根據新的證據，我們已於{d}按本補償方案重新評估您的申請。",
            "On {d} we reassessed your claim under this compensation policy, on new evidence.",
        ),
        &[("d", &letters.date(earlier.reopened_at, locale))],
    );
    why.push_str(tr(locale, "", "", " "));
    if before.is_positive() {
        why.push_str(&fill(
            tr(
                locale,
                "此前我们已向您支付补偿款{b}。",
                "此前我們已向您支付補償款{b}。",
                "We had already paid you {b}.",
            ),
            &[("b", &money(before))],
        ));
    } else {
        why.push_str(tr(
            locale,
            "您的申请此前未获补偿。",
            "您的申請此前未獲補償。",
            "Your claim had not been compensated before.",
        ));
    }
    paragraph(&mut out, &why);
    decision(case, locale, &mut out);
    if before.is_positive() {
        owed(case, before, locale, &mut out);
    }
    section(&mut out, tr(locale, "您的权利", "您的權利", "Your rights"));
    let lines = rights(letters.policy.terms().recourse, locale);
    bullets(&mut out, &lines);
    if letters.policy.terms().without_admission {
        paragraph(&mut out, without_admission(locale));
    }
    out
}

/// The new decision: the cash, the services, and the review still to come.
fn decision(case: &ClaimCase, locale: Locale, out: &mut String) {
    let cash = case.entitlement();
    let remedies: &[Remedy] = match &case.assessment_override {
        Some(o) if o.approved_by.is_some() => &o.remedies,
        _ => &case.assessment.remedies,
    };
    section(out, tr(locale, "新的决定", "新的決定", "The new decision"));
    // Without a trailing full stop: the list follows after a colon.
    let lead = if cash.is_positive() {
        fill(
            tr(
                locale,
                "按重新评估的结果，您可获得的现金补偿为{c}",
                "按重新評估的結果，您可獲得的現金補償為{c}",
                "On reassessment, your compensation is {c} in cash",
            ),
            &[("c", &locale.format_money(cash))],
        )
    } else if remedies.is_empty() {
        tr(
            locale,
            "按重新评估的结果，您的申请目前不符合补偿条件",
            "按重新評估的結果，您的申請目前不符合補償條件",
            "On reassessment, your claim does not currently qualify for compensation",
        )
        .to_owned()
    } else {
        tr(
            locale,
            "按重新评估的结果，我们为您提供以下补偿服务（不含现金）",
            "按重新評估的結果，我們為您提供以下補償服務（不包括現金）",
            "On reassessment, we offer you the following services (no cash)",
        )
        .to_owned()
    };
    if remedies.is_empty() {
        paragraph(out, &format!("{lead}{}", tr(locale, "。", "。", ".")));
    } else {
        let detail = if cash.is_positive() {
            tr(locale, "，明细如下：", "，詳情如下：", ". In detail:")
        } else {
            tr(locale, "：", "：", ":")
        };
        paragraph(out, &format!("{lead}{detail}"));
        let lines: Vec<String> = remedies
            .iter()
            .map(|r| customer_remedy(r, None, locale))
            .collect();
        bullets(out, &lines);
    }
    if case.awaits_review() {
        paragraph(out, review_pending(locale));
    }
}

/// What is owed beside what was paid before: the top-up, or nothing more.
fn owed(case: &ClaimCase, before: Money, locale: Locale, out: &mut String) {
    let money = |m: Money| locale.format_money(m);
    let (cash, due) = (case.entitlement(), case.due());
    section(
        out,
        tr(
            locale,
            "尚需支付的金额",
            "尚需支付的金額",
            "What is still owed",
        ),
    );
    let text = if due.is_positive() {
        fill(
            tr(
                locale,
                "按新的决定，您的现金补偿为{c}，我们此前已支付{b}，因此我们将向您补付差额{d}。我们会就补付事宜与您联系。",
                "按新的決定，您的現金補償為{c}，我們此前已支付{b}，因此我們將向您補付差額{d}。我們會就補付事宜與您聯絡。",
                "Under the new decision your cash compensation is {c}; we have already paid you {b}, so we owe you the difference of {d}. We will contact you about paying it.",
            ),
            &[("c", &money(cash)), ("b", &money(before)), ("d", &money(due))],
        )
    } else {
        fill(
            tr(
                locale,
                "按新的决定，您的现金补偿为{c}，不高于我们此前已支付的{b}，因此无需补付。",
                "按新的決定，您的現金補償為{c}，不高於我們此前已支付的{b}，因此無需補付。",
                "Under the new decision your cash compensation is {c}, no more than the {b} we have already paid you, so nothing more is owed.",
            ),
            &[("c", &money(cash)), ("b", &money(before))],
        )
    };
    paragraph(out, &text);
}
