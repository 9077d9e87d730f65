//! The letters about money owed and not yet received: a payment that came back, and a
//! settlement held for the customer as unclaimed.

use super::super::super::aftercare::ReversalReason;
use super::super::phrasing::fill;
use super::{latest_return, paragraph, section, ClaimLetters, Returned};
use crate::locale::{tr, Locale};

/// [`StatusLetter::PaymentReturned`](super::StatusLetter::PaymentReturned): what happened,
/// that the money is still owed and set aside, what the firm needs and by when.
pub(super) fn returned(letters: &ClaimLetters<'_>, locale: Locale) -> String {
    let case = letters.case;
    let mut out = String::new();
    letters.head(
        tr(
            locale,
            "补偿款退回通知",
            "補償款退回通知",
            "Your compensation payment came back",
        ),
        locale,
        &mut out,
    );
    section(
        &mut out,
        tr(locale, "发生了什么", "發生了甚麼事", "What happened"),
    );
    if let Some((payment, how)) = latest_return(case) {
        let (d, a) = (
            letters.date(payment.paid_at, locale),
            locale.format_money(payment.amount),
        );
        let what = fill(what_happened(how, locale), &[("d", &d), ("a", &a)]);
        let sorry = tr(
            locale,
            "由此给您带来的不便，我们深表歉意。",
            "由此為您帶來的不便，我們深表歉意。",
            "We are sorry for the trouble this causes you.",
        );
        let space = tr(locale, "", "", " ");
        paragraph(&mut out, &format!("{what}{space}{sorry}"));
    }
    section(
        &mut out,
        tr(
            locale,
            "您的补偿不受影响",
            "您的補償不受影響",
            "Your compensation still stands",
        ),
    );
    if let Some(settled) = case.settled {
        paragraph(
            &mut out,
            &fill(
                tr(
                    locale,
                    "您的补偿金额仍为{a}。这笔款项仍属于您，我们已为您单独保留。",
                    "您的補償金額仍為{a}。這筆款項仍然屬於您，我們已為您另行保留。",
                    "Your compensation is still {a}. The money is still yours, and we have set it aside for you.",
                ),
                &[("a", &locale.format_money(settled))],
            ),
        );
    }
    section(
        &mut out,
        tr(
            locale,
            "需要您做什么",
            "需要您做甚麼",
            "What we need from you",
        ),
    );
    paragraph(&mut out, &what_we_need(letters, locale));
    paragraph(
        &mut out,
        tr(
            locale,
            "为保护您的资金安全，请勿向任何人透露您的密码或短信验证码。",
            "為保障您的資金安全，請勿向任何人透露您的密碼或短訊驗證碼。",
            "To keep your money safe, do not tell anyone your password or the verification codes sent to you by text message.",
        ),
    );
    out
}

/// The sentence saying what happened to the payment of `{a}` made on `{d}`.
fn what_happened(how: Returned, locale: Locale) -> &'static str {
    match how {
        Returned::Failed => tr(
            locale,
            "我们于{d}向您支付的补偿款{a}未能到账，款项已被退回。",
            "我們於{d}向您支付的補償款{a}未能存入您的賬戶，款項已被退回。",
            "The compensation payment of {a} we made on {d} did not reach your account and has come back to us.",
        ),
        Returned::Reversed(ReversalReason::ReturnedByBank) => tr(
            locale,
            "我们于{d}向您支付的补偿款{a}入账后被收款银行退回。",
            "我們於{d}向您支付的補償款{a}存入後被收款銀行退回。",
            "The compensation payment of {a} we made on {d} was credited to your account, then returned to us by the receiving bank.",
        ),
        Returned::Reversed(ReversalReason::PaidInError) => tr(
            locale,
            "由于我们的操作失误，我们于{d}发出的补偿款{a}未能正确支付给您，该笔款项已收回。",
            "由於我們的操作失誤，我們於{d}發出的補償款{a}未能正確支付給您，該筆款項已收回。",
            "Because of an error on our side, the payment of {a} we made on {d} did not reach you as it should have, and it has been taken back.",
        ),
        Returned::Reversed(ReversalReason::Other) => tr(
            locale,
            "我们于{d}向您支付的补偿款{a}已被撤回。",
            "我們於{d}向您支付的補償款{a}已被撤回。",
            "The compensation payment of {a} we made on {d} has been reversed.",
        ),
    }
}

/// The receiving account to confirm, and by when: the date before which the money is not
/// declared unclaimed when the policy states a period, "as soon as you can" otherwise.
fn what_we_need(letters: &ClaimLetters<'_>, locale: Locale) -> String {
    let ask = tr(
        locale,
        "请您通过我们的官方客服渠道，确认用于接收补偿款的银行账户信息（开户银行、户名及账号）是否正确、是否仍可正常使用；如账户已变更，请提供新的收款账户。确认后，我们会重新安排付款。",
        "請您透過我們的官方客戶服務渠道，確認用於接收補償款的銀行賬戶資料（開戶銀行、賬戶名稱及賬戶號碼）是否正確、是否仍可正常使用；如賬戶已變更，請提供新的收款賬戶。確認後，我們會重新安排付款。",
        "Please confirm, through our official customer service channels, the bank account the compensation should be paid into (bank, account name and account number) and that it can still receive payments; if it has changed, give us the new one. Once you have confirmed it, we will arrange the payment again.",
    );
    let space = tr(locale, "", "", " ");
    let when = match letters.respond_by() {
        Some(by) => fill(
            tr(
                locale,
                "请在{d}前完成确认。逾期未能确认的，我们会将这笔款项作为待领取款项继续为您保管，您之后仍可以申请领取。",
                "請在{d}前完成確認。逾期未能確認的，我們會將這筆款項作為待領取款項繼續為您保管，您其後仍可以申請領取。",
                "Please confirm it by {d}. If we have not heard from you by then, we will keep the money for you as unclaimed compensation, and you can still claim it afterwards.",
            ),
            &[("d", &locale.format_deadline(by, letters.zone.as_tz()))],
        ),
        None => tr(
            locale,
            "请您尽快与我们确认。",
            "請您盡快與我們確認。",
            "Please confirm it as soon as you can.",
        )
        .to_owned(),
    };
    format!("{ask}{space}{when}")
}

/// [`StatusLetter::Unclaimed`](super::StatusLetter::Unclaimed): where the money is held,
/// how to claim it, and that the right to it is not lost.
pub(super) fn unclaimed(letters: &ClaimLetters<'_>, locale: Locale) -> String {
    let mut out = String::new();
    letters.head(
        tr(
            locale,
            "待领取补偿款通知",
            "待領取補償款通知",
            "Compensation held for you",
        ),
        locale,
        &mut out,
    );
    let Some(held) = &letters.case.unclaimed else {
        return out;
    };
    let (colon, _, _) = locale.punctuation();
    section(
        &mut out,
        tr(locale, "您的补偿款", "您的補償款", "Your compensation"),
    );
    paragraph(
        &mut out,
        &fill(
            tr(
                locale,
                "您的补偿款{a}自{s}起可以领取，但至今仍未能支付给您。我们已于{d}将这笔款项列为待领取款项，单独记账，继续为您保管。",
                "您的補償款{a}自{s}起可以領取，但至今仍未能支付給您。我們已於{d}將這筆款項列為待領取款項，獨立記賬，繼續為您保管。",
                "Your compensation of {a} has been payable since {s}, but we have not been able to pay it to you. On {d} we set it aside as unclaimed compensation, on a separate ledger, and we keep it for you there.",
            ),
            &[
                ("a", &locale.format_money(held.amount)),
                ("s", &letters.date(held.payable_since, locale)),
                ("d", &letters.date(held.declared_at, locale)),
            ],
        ),
    );
    paragraph(
        &mut out,
        &format!(
            "{}{colon}{}",
            tr(locale, "保管账目", "保管賬目", "Held in"),
            held.held_at
        ),
    );
    section(
        &mut out,
        tr(locale, "如何领取", "如何領取", "How to claim it"),
    );
    paragraph(
        &mut out,
        &fill(
            tr(
                locale,
                "如需领取，请通过我们的官方客服渠道与我们联系，提供您的申请编号{c}和用于收款的银行账户。我们核实您的身份后，会将款项支付给您。",
                "如需領取，請透過我們的官方客戶服務渠道與我們聯絡，提供您的申請編號{c}及用於收款的銀行賬戶。我們核實您的身份後，會將款項支付給您。",
                "To claim it, contact us through our official customer service channels with your claim reference {c} and the bank account to pay it into. Once we have confirmed your identity, we will pay it to you.",
            ),
            &[("c", letters.claim_id.as_str())],
        ),
    );
    section(
        &mut out,
        tr(
            locale,
            "您的权利不受影响",
            "您的權利不受影響",
            "Your right to the money",
        ),
    );
    paragraph(
        &mut out,
        tr(
            locale,
            "将款项列为待领取款项，不影响您领取这笔补偿款的权利，金额也不会因此减少。",
            "將款項列為待領取款項，並不影響您領取這筆補償款的權利，金額亦不會因此減少。",
            "Setting the money aside does not take away your right to it, and does not reduce the amount.",
        ),
    );
    out
}
