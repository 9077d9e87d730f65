use super::{Audience, ContentElement, MessageKind};

use ContentElement::*;

/// The content elements a message of `kind` for `audience` must carry before it can be
/// approved. These are the crate's defaults:
///
/// - An initial notice to customers carries when it happened, how it was found, who is
///   affected, what has been done and how to reach the firm: the first seed (the B特派 theft
///   case) lists "具体事件的发生时间、发现的经过、受影响的客户范围、以及企业所采取的应对措施"
///   and "联系方式"; the securities playbook asks to publish "事件发生的时间、原因、影响范围以及解决措施".
/// - A resolution notice reports the results and the improvements ("事件的处理结果与后续的改进措施",
///   first seed), plus the scope and contact points.
/// - Updates and media holding statements promise the next update; regulator reports carry
///   the facts a supervisor asks for; an identity-theft guide says what to do.
///
/// # Examples
/// ```
/// use incident::{required_elements, Audience, ContentElement, MessageKind};
/// let need = required_elements(MessageKind::InitialNotice, Audience::AffectedCustomers);
/// assert!(need.contains(&ContentElement::ContactPoints));
/// ```
pub fn required_elements(kind: MessageKind, audience: Audience) -> &'static [ContentElement] {
    match (kind, audience) {
        (MessageKind::InitialNotice, Audience::Regulators | Audience::LawEnforcement)
        | (MessageKind::RegulatorReport, _) => &[
            OccurredAt,
            HowDiscovered,
            AffectedScope,
            DataCategories,
            MeasuresTaken,
            ContactPoints,
        ],
        (MessageKind::InitialNotice, _) => &[
            OccurredAt,
            HowDiscovered,
            AffectedScope,
            MeasuresTaken,
            ContactPoints,
        ],
        (MessageKind::Update, _) => &[MeasuresTaken, NextUpdateTime],
        (MessageKind::HoldingStatement, _) => {
            &[AffectedScope, MeasuresTaken, NextUpdateTime, ContactPoints]
        }
        (MessageKind::IdentityTheftGuide, _) => &[WhatToDo, ContactPoints],
        (MessageKind::ResolutionNotice, _) => &[
            AffectedScope,
            MeasuresTaken,
            SecurityImprovements,
            ContactPoints,
        ],
        (MessageKind::Faq, _) => &[ContactPoints],
        (MessageKind::Survey, _) => &[],
    }
}
