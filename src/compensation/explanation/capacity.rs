//! A claim made by someone other than the customer, in words: who claims and in what
//! capacity, and the documents still to be verified, in the record's voice and in the
//! customer letter's (then addressed to the claimant).

use std::fmt::Write as _;

use super::super::claimant::{CapacityDocument, CapacityGap, DocumentStatus};
use super::phrasing::fill;
use super::Explanation;
use crate::locale::{tr, Label, Locale};

/// The record's line naming the claimant: `H-0042（继承人）` / `H-0042 (heir)`; `None` for
/// the customer's own claim.
pub(super) fn record_claimant(ex: &Explanation<'_>, locale: Locale) -> Option<String> {
    let claimant = ex.claim.claimant()?;
    Some(locale.aside(claimant.reference.as_str(), claimant.capacity.label(locale)))
}

/// The record's review reason for a claimant whose documents are not all verified.
pub(super) fn record_gap(gap: &CapacityGap, locale: Locale) -> String {
    let args = [
        ("r", gap.claimant.as_str()),
        ("c", gap.capacity.label(locale)),
    ];
    if !gap.stated {
        return fill(
            tr(
                locale,
                "代为申请的{c}{r}：方案未列明该身份须提交的材料，须由工作人员核实其身份",
                "代為申請的{c}{r}：方案未列明該身份須提交的資料，須由職員核實其身份",
                "claimant {r} ({c}): the policy lists no documents for that capacity, so a person checks it",
            ),
            &args,
        );
    }
    let missing: Vec<String> = gap
        .missing
        .iter()
        .map(|(document, status)| {
            let status = match status {
                Some(DocumentStatus::Received) => tr(locale, "已收到", "已收到", "received"),
                Some(DocumentStatus::Verified) => tr(locale, "已核实", "已核實", "verified"),
                None => tr(locale, "未收到", "未收到", "not received"),
            };
            locale.aside(document.label(locale), status)
        })
        .collect();
    let list = locale.join_list(missing.iter().map(String::as_str));
    fill(
        tr(
            locale,
            "代为申请的{c}{r}尚有材料未核实：{l}",
            "代為申請的{c}{r}尚有資料未核實：{l}",
            "claimant {r} ({c}) has documents not verified: {l}",
        ),
        &[args[0], args[1], ("l", &list)],
    )
}

/// Examples of what a document can be, for the claimant.
fn hint(document: CapacityDocument, locale: Locale) -> Option<&'static str> {
    Some(match document {
        CapacityDocument::SuccessionProof => tr(
            locale,
            "如亲属关系证明或继承公证书",
            "如親屬關係證明或繼承公證書",
            "such as proof of kinship or a notarised certificate of succession",
        ),
        CapacityDocument::GuardianshipProof => tr(
            locale,
            "如户口簿、出生证明或指定监护的文书",
            "如戶口簿、出生證明或指定監護的文件",
            "such as the household register, a birth certificate or the appointment of the guardian",
        ),
        _ => return None,
    })
}

/// The customer letter's section on who claims, and what is still to be verified before
/// anything is paid; nothing for the customer's own claim.
pub(super) fn customer_section(ex: &Explanation<'_>, locale: Locale, out: &mut String) {
    let Some(claimant) = ex.claim.claimant() else {
        return;
    };
    let capacity = claimant.capacity.label(locale);
    let _ = writeln!(
        out,
        "## {}\n",
        tr(locale, "代为申请", "代為申請", "Claiming for the customer")
    );
    let mut text = fill(
        tr(
            locale,
            "本申请由申请人{r}以客户的{c}身份提出。",
            "本申請由申請人{r}以客戶的{c}身份提出。",
            "This claim is made by claimant {r} as the customer's {c}.",
        ),
        &[("r", claimant.reference.as_str()), ("c", capacity)],
    );
    let space = tr(locale, "", "", " ");
    match ex.policy.capacity_gap(ex.claim) {
        None => {
            text.push_str(space);
            text.push_str(tr(
                locale,
                "您提交的身份材料已经核实。",
                "您提交的身份資料已經核實。",
                "The documents you sent have been verified.",
            ));
            let _ = writeln!(out, "{text}\n");
        }
        Some(gap) if !gap.stated => {
            text.push_str(space);
            text.push_str(&fill(
                tr(
                    locale,
                    "在支付任何款项之前，我们的工作人员需要核实您以客户的{c}身份提出申请的资格，并会就此与您联系。",
                    "在支付任何款項之前，我們的職員需要核實您以客戶的{c}身份提出申請的資格，並會就此與您聯絡。",
                    "Before anything is paid, a member of our staff will check that you can claim as the customer's {c}, and will contact you about it.",
                ),
                &[("c", capacity)],
            ));
            let _ = writeln!(out, "{text}\n");
        }
        Some(gap) => {
            text.push_str(space);
            text.push_str(tr(
                locale,
                "在支付任何款项之前，我们需要核实以下材料：",
                "在支付任何款項之前，我們需要核實以下資料：",
                "Before anything is paid, we need to verify these documents:",
            ));
            let _ = writeln!(out, "{text}\n");
            for (document, status) in &gap.missing {
                let _ = writeln!(out, "- {}", document_line(*document, *status, locale));
            }
            out.push('\n');
        }
    }
}

/// `继承权证明（如亲属关系证明或继承公证书）：尚未收到，请提交`.
fn document_line(
    document: CapacityDocument,
    status: Option<DocumentStatus>,
    locale: Locale,
) -> String {
    let name = match hint(document, locale) {
        Some(hint) => locale.aside(document.label(locale), hint),
        None => document.label(locale).to_owned(),
    };
    let status = match status {
        Some(DocumentStatus::Received) => tr(
            locale,
            "已收到，正在核实",
            "已收到，正在核實",
            "received, being verified",
        ),
        Some(DocumentStatus::Verified) => tr(locale, "已核实", "已核實", "verified"),
        None => tr(
            locale,
            "尚未收到，请提交",
            "尚未收到，請提交",
            "not received yet, please send it",
        ),
    };
    let (colon, _, _) = locale.punctuation();
    format!("{name}{colon}{status}")
}
