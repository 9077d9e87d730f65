//! The letters about an appeal or complaint: that it was received and what happens next,
//! then its outcome (upheld, varied, agreed, withdrawn) and the customer's further rights.

use super::super::super::appeal::{Appeal, AppealChannel, AppealOutcome};
use super::super::super::negotiation::ClaimStatus;
use super::super::phrasing::fill;
use super::super::recourse::{after_ruling, rights_via, routes_after};
use super::{bullets, channel_name, latest_appeal, paragraph, section, ClaimLetters};
use crate::locale::{tr, Locale};

/// The reference line: the body and its case reference, as the desk recorded them.
fn reference(appeal: &Appeal, locale: Locale, out: &mut String) {
    let (colon, _, _) = locale.punctuation();
    paragraph(
        out,
        &format!(
            "{}{colon}{}",
            tr(locale, "相关编号", "相關編號", "Reference"),
            appeal.reference
        ),
    );
}

/// [`StatusLetter::AppealReceived`](super::StatusLetter::AppealReceived).
pub(super) fn received(
    letters: &ClaimLetters<'_>,
    channel: AppealChannel,
    locale: Locale,
) -> String {
    let mut out = String::new();
    let title = match channel {
        AppealChannel::InternalComplaint | AppealChannel::Csrc12386 | AppealChannel::Pboc12363 => {
            tr(
                locale,
                "投诉受理通知",
                "投訴受理通知",
                "We have received your complaint",
            )
        }
        AppealChannel::Mediation => tr(
            locale,
            "关于您的调解申请",
            "關於您的調解申請",
            "Your request for mediation",
        ),
        AppealChannel::Arbitration => tr(
            locale,
            "关于您的仲裁申请",
            "關於您的仲裁申請",
            "Your arbitration claim",
        ),
        AppealChannel::Court => tr(
            locale,
            "关于您提起的诉讼",
            "關於您提起的訴訟",
            "Your court claim",
        ),
    };
    letters.head(title, locale, &mut out);
    let Some(appeal) = latest_appeal(letters.case, channel, false) else {
        return out;
    };
    reference(appeal, locale, &mut out);
    section(
        &mut out,
        tr(locale, "我们已收到", "我們已收到", "What we received"),
    );
    let date = letters.date(appeal.recorded_at, locale);
    paragraph(
        &mut out,
        &fill(
            received_sentence(channel, locale),
            &[("d", &date), ("c", channel_name(channel, locale))],
        ),
    );
    section(
        &mut out,
        tr(locale, "接下来", "接下來", "What happens next"),
    );
    paragraph(&mut out, next_steps(channel, locale));
    out
}

/// That `{c}` brought the customer's appeal to the firm on `{d}`.
fn received_sentence(channel: AppealChannel, locale: Locale) -> &'static str {
    match channel {
        AppealChannel::InternalComplaint => tr(
            locale,
            "我们已于{d}收到您对补偿决定的投诉。",
            "我們已於{d}收到您對補償決定的投訴。",
            "On {d} we received your complaint about our compensation decision.",
        ),
        AppealChannel::Csrc12386 | AppealChannel::Pboc12363 => tr(
            locale,
            "我们已于{d}收到您通过{c}提出的投诉。",
            "我們已於{d}收到您透過{c}提出的投訴。",
            "On {d} we received the complaint you made through {c}.",
        ),
        AppealChannel::Mediation => tr(
            locale,
            "我们已于{d}收到您向{c}申请调解的通知。",
            "我們已於{d}收到您向{c}申請調解的通知。",
            "On {d} we were told that you have asked {c} to mediate.",
        ),
        AppealChannel::Arbitration => tr(
            locale,
            "我们已于{d}收到您向{c}申请仲裁的通知。",
            "我們已於{d}收到您向{c}申請仲裁的通知。",
            "On {d} we were notified of the claim you brought before {c}.",
        ),
        AppealChannel::Court => tr(
            locale,
            "我们已于{d}收到您向{c}提起诉讼的通知。",
            "我們已於{d}收到您向{c}提起訴訟的通知。",
            "On {d} we were notified of the claim you brought before {c}.",
        ),
    }
}

/// What the firm does next.
fn next_steps(channel: AppealChannel, locale: Locale) -> &'static str {
    match channel {
        AppealChannel::InternalComplaint => tr(
            locale,
            "我们会重新审查您的申请和我们作出的决定，并在处理后书面答复您。处理期间，如您有补充材料，可以随时提供给我们。",
            "我們會重新審視您的申請及我們作出的決定，並在處理後以書面回覆您。處理期間，如您有補充資料，可以隨時提供給我們。",
            "We will look at your claim and our decision again and reply to you in writing. If you have anything to add in the meantime, you can send it to us at any time.",
        ),
        AppealChannel::Csrc12386 | AppealChannel::Pboc12363 => tr(
            locale,
            "我们会核实情况并与您沟通，在规定时限内答复您，并按要求反馈处理结果。处理期间，如您有补充材料，可以随时提供给我们。",
            "我們會核實情況並與您溝通，在規定時限內回覆您，並按要求回報處理結果。處理期間，如您有補充資料，可以隨時提供給我們。",
            "We will look into it, talk it through with you, reply within the time allowed and report the outcome as required. If you have anything to add in the meantime, you can send it to us at any time.",
        ),
        AppealChannel::Mediation => tr(
            locale,
            "我们会按调解组织的安排参加调解。调解以双方自愿为原则；如达成调解协议，我们会按协议办理。",
            "我們會按調解組織的安排參與調解。調解以雙方自願為原則；如達成調解協議，我們會按協議辦理。",
            "We will take part in the mediation as the mediation body arranges. Mediation is voluntary for both sides; if we reach an agreement, we will act on it.",
        ),
        AppealChannel::Arbitration => tr(
            locale,
            "我们会按照仲裁规则参加仲裁程序。",
            "我們會按照仲裁規則參與仲裁程序。",
            "We will take part in the arbitration under its rules.",
        ),
        AppealChannel::Court => tr(
            locale,
            "我们会依照法律程序参加诉讼。",
            "我們會依照法律程序參與訴訟。",
            "We will take part in the proceedings as the law requires.",
        ),
    }
}

/// [`StatusLetter::AppealDecided`](super::StatusLetter::AppealDecided).
pub(super) fn decided(
    letters: &ClaimLetters<'_>,
    channel: AppealChannel,
    locale: Locale,
) -> String {
    let mut out = String::new();
    let title = match channel {
        AppealChannel::InternalComplaint | AppealChannel::Csrc12386 | AppealChannel::Pboc12363 => {
            tr(
                locale,
                "投诉处理结果通知",
                "投訴處理結果通知",
                "The outcome of your complaint",
            )
        }
        AppealChannel::Mediation => tr(
            locale,
            "调解结果通知",
            "調解結果通知",
            "The outcome of the mediation",
        ),
        AppealChannel::Arbitration => tr(
            locale,
            "仲裁结果通知",
            "仲裁結果通知",
            "The outcome of the arbitration",
        ),
        AppealChannel::Court => tr(
            locale,
            "诉讼结果通知",
            "訴訟結果通知",
            "The outcome of the court case",
        ),
    };
    letters.head(title, locale, &mut out);
    let Some(appeal) = latest_appeal(letters.case, channel, true) else {
        return out;
    };
    let Some(outcome) = appeal.outcome else {
        return out;
    };
    reference(appeal, locale, &mut out);
    section(&mut out, tr(locale, "处理结果", "處理結果", "The outcome"));
    let received = letters.date(appeal.recorded_at, locale);
    let resolved = letters.date(appeal.resolved_at.unwrap_or(appeal.recorded_at), locale);
    let args = [
        ("r", received.as_str()),
        ("d", resolved.as_str()),
        ("c", channel_name(channel, locale)),
    ];
    let text = outcome_paragraph(letters, channel, outcome, &args, locale);
    paragraph(&mut out, &text);
    section(
        &mut out,
        tr(
            locale,
            "您的其他权利",
            "您的其他權利",
            "Your further rights",
        ),
    );
    let withdrawn = outcome == AppealOutcome::Withdrawn;
    let mut lines = rights_via(
        letters.policy.terms().recourse,
        routes_after(channel, withdrawn),
        locale,
    );
    if !withdrawn {
        lines.extend(after_ruling(channel, locale).map(str::to_owned));
    }
    bullets(&mut out, &lines);
    out
}

/// That the appeal received through `{c}` on `{r}` was withdrawn on `{d}`.
fn withdrawn_sentence(channel: AppealChannel, locale: Locale) -> &'static str {
    match channel {
        AppealChannel::InternalComplaint
        | AppealChannel::Csrc12386
        | AppealChannel::Pboc12363 => tr(
            locale,
            "您于{r}通过{c}提出的投诉已于{d}撤回，相关处理已经停止。",
            "您於{r}透過{c}提出的投訴已於{d}撤回，相關處理已經停止。",
            "The complaint you made through {c} on {r} was withdrawn on {d}, so it has not been taken further.",
        ),
        AppealChannel::Mediation => tr(
            locale,
            "您于{r}向{c}提出的调解申请已于{d}撤回，调解已经终止。",
            "您於{r}向{c}提出的調解申請已於{d}撤回，調解已經終止。",
            "The request for mediation you made to {c} on {r} was withdrawn on {d}, so the mediation has ended.",
        ),
        AppealChannel::Arbitration => tr(
            locale,
            "您于{r}向{c}提出的仲裁申请已于{d}撤回。",
            "您於{r}向{c}提出的仲裁申請已於{d}撤回。",
            "The claim you brought before {c} on {r} was withdrawn on {d}.",
        ),
        AppealChannel::Court => tr(
            locale,
            "您于{r}向{c}提起的诉讼已于{d}撤回。",
            "您於{r}向{c}提起的訴訟已於{d}撤回。",
            "The claim you brought before {c} on {r} was withdrawn on {d}.",
        ),
    }
}

/// The sentence that introduces the outcome: `{r}` received, `{d}` decided, through `{c}`.
fn outcome_lead(channel: AppealChannel, locale: Locale) -> &'static str {
    match channel {
        AppealChannel::InternalComplaint => tr(
            locale,
            "我们已复核您于{r}提出的投诉。",
            "我們已覆核您於{r}提出的投訴。",
            "We have looked again at the complaint you made on {r}.",
        ),
        AppealChannel::Csrc12386 | AppealChannel::Pboc12363 => tr(
            locale,
            "我们已处理您于{r}通过{c}提出的投诉。",
            "我們已處理您於{r}透過{c}提出的投訴。",
            "We have dealt with the complaint you made through {c} on {r}.",
        ),
        AppealChannel::Mediation => tr(
            locale,
            "您于{r}申请的调解已于{d}结束。",
            "您於{r}申請的調解已於{d}結束。",
            "The mediation you asked for on {r} ended on {d}.",
        ),
        AppealChannel::Arbitration => tr(
            locale,
            "您于{r}申请的仲裁已于{d}有了结果。",
            "您於{r}申請的仲裁已於{d}有結果。",
            "The arbitration you started on {r} reached its outcome on {d}.",
        ),
        AppealChannel::Court => tr(
            locale,
            "您于{r}提起的诉讼已于{d}有了结果。",
            "您於{r}提起的訴訟已於{d}有結果。",
            "The court case you brought on {r} reached its outcome on {d}.",
        ),
    }
}

/// The outcome and what it means for the customer's compensation; `args` are the dates
/// (`{r}` received, `{d}` decided) and the channel (`{c}`).
fn outcome_paragraph(
    letters: &ClaimLetters<'_>,
    channel: AppealChannel,
    outcome: AppealOutcome,
    args: &[(&str, &str)],
    locale: Locale,
) -> String {
    let space = tr(locale, "", "", " ");
    let lead = fill(outcome_lead(channel, locale), args);
    let result = match outcome {
        AppealOutcome::Withdrawn => {
            let withdrawn = fill(withdrawn_sentence(channel, locale), args);
            let rights = tr(
                locale,
                "撤回不影响您依法享有的其他权利。",
                "撤回並不影響您依法享有的其他權利。",
                "Withdrawing it does not affect your other rights under the law.",
            );
            // Nothing was decided: no lead saying it was dealt with.
            return format!("{withdrawn}{space}{rights}");
        }
        AppealOutcome::Upheld => {
            let case = letters.case;
            let stands = tr(
                locale,
                "原补偿决定维持不变。",
                "原補償決定維持不變。",
                "Our compensation decision stands.",
            );
            let cash = case.entitlement();
            if case.status == ClaimStatus::Rejected || !cash.is_positive() {
                stands.to_owned()
            } else {
                let remains = fill(
                    tr(
                        locale,
                        "您的现金补偿仍为{c}。",
                        "您的現金補償仍為{c}。",
                        "Your cash compensation remains {c}.",
                    ),
                    &[("c", &locale.format_money(cash))],
                );
                format!("{stands}{space}{remains}")
            }
        }
        AppealOutcome::Varied => tr(
            locale,
            "原补偿决定将予以变更。我们会据此重新评估或调整您的补偿，并另行书面通知您新的决定。",
            "原補償決定將予以更改。我們會據此重新評估或調整您的補償，並另行以書面通知您新的決定。",
            "Our compensation decision will change. We will reassess or adjust your compensation accordingly and write to you with the new decision.",
        )
        .to_owned(),
        AppealOutcome::Agreed => tr(
            locale,
            "您与我们已达成一致。我们会按照约定办理，并告知您付款进展。",
            "您與我們已達成共識。我們會按照約定辦理，並告知您付款進度。",
            "You and we have reached an agreement. We will act on what was agreed and tell you how the payment progresses.",
        )
        .to_owned(),
    };
    format!("{lead}{space}{result}")
}
