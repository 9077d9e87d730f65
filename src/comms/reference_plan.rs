//! The reference communication plan: data, kept apart from the plan's mechanics.

use super::{Audience, Channel, CommsPlan, MessageKind, PlanItem, PlanTrigger};
use crate::id::PlanItemId;
use crate::phase::{Phase, Role};

impl CommsPlan {
    /// A plan following the two seed documents, for a breach in which customers' money or
    /// data was taken. Customers hear first and hear early ("快速反应", "第一时间": the
    /// securities playbook; "迅速发布公告", the first seed):
    ///
    /// | when | what | to whom |
    /// |---|---|---|
    /// | 1 h after detection | staff briefing; hotline script and agreed answers | staff, agents |
    /// | 2 h after detection | initial notice (SMS, in-app, e-mail) | affected customers |
    /// | 3 h after detection | holding statement; spokesperson's Q&A | media |
    /// | every 24 h from detection while detected, contained or disclosed | update | affected customers |
    /// | 24 h after detection | identity-theft guide; FAQ | affected customers |
    /// | on each regulatory clock | report | regulators |
    /// | 4 h after disclosure | press release | media |
    /// | 72 h after remediation | resolution notice | affected customers |
    /// | 7 days after remediation | satisfaction survey | affected customers |
    ///
    /// The press is never due before customers ([`PlanProblem::PressBeforeCustomers`](super::PlanProblem::PressBeforeCustomers)).
    /// Customer messages and press documents are approved by the communications lead, the
    /// hotline script by the customer liaison, regulator reports by legal counsel.
    pub fn reference() -> Self {
        use Channel::*;
        let item =
            |id: &'static str, kind, audience, channels: &[Channel], trigger, approver| PlanItem {
                id: PlanItemId::from_static(id),
                kind,
                audience,
                channels: channels.iter().copied().collect(),
                trigger,
                approver,
            };
        let phase = |phase, within_minutes| PlanTrigger::Phase {
            phase,
            within_minutes,
        };
        let detected = |minutes| phase(Phase::Detected, minutes);
        Self {
            items: vec![
                item(
                    "staff-briefing",
                    MessageKind::StaffBriefing,
                    Audience::Employees,
                    &[Email],
                    detected(60),
                    Role::CommsLead,
                ),
                item(
                    "hotline-script",
                    MessageKind::HotlineScript,
                    Audience::Employees,
                    &[Email],
                    detected(60),
                    Role::CustomerLiaison,
                ),
                item(
                    "customer-initial",
                    MessageKind::InitialNotice,
                    Audience::AffectedCustomers,
                    &[Sms, InApp, Email],
                    detected(120),
                    Role::CommsLead,
                ),
                item(
                    "media-holding",
                    MessageKind::HoldingStatement,
                    Audience::Media,
                    &[PressRelease, SocialMedia],
                    detected(180),
                    Role::CommsLead,
                ),
                item(
                    "spokesperson-qa",
                    MessageKind::SpokespersonQa,
                    Audience::Media,
                    &[Email],
                    detected(180),
                    Role::CommsLead,
                ),
                item(
                    "customer-updates",
                    MessageKind::Update,
                    Audience::AffectedCustomers,
                    &[InApp, Email],
                    PlanTrigger::Cadence {
                        every_hours: 24,
                        while_in: [Phase::Detected, Phase::Contained, Phase::Disclosed]
                            .into_iter()
                            .collect(),
                    },
                    Role::CommsLead,
                ),
                item(
                    "identity-theft-guide",
                    MessageKind::IdentityTheftGuide,
                    Audience::AffectedCustomers,
                    &[Email, WebsiteNotice],
                    detected(24 * 60),
                    Role::CommsLead,
                ),
                item(
                    "faq",
                    MessageKind::Faq,
                    Audience::AffectedCustomers,
                    &[InApp, Email],
                    detected(24 * 60),
                    Role::CommsLead,
                ),
                item(
                    "regulator-reports",
                    MessageKind::RegulatorReport,
                    Audience::Regulators,
                    &[RegulatorPortal],
                    PlanTrigger::RegulatoryObligations {},
                    Role::Legal,
                ),
                item(
                    "press-release",
                    MessageKind::PressRelease,
                    Audience::Media,
                    &[PressRelease, WebsiteNotice],
                    phase(Phase::Disclosed, 240),
                    Role::CommsLead,
                ),
                item(
                    "customer-resolution",
                    MessageKind::ResolutionNotice,
                    Audience::AffectedCustomers,
                    &[Email, WebsiteNotice],
                    phase(Phase::Remediated, 72 * 60),
                    Role::CommsLead,
                ),
                item(
                    "satisfaction-survey",
                    MessageKind::Survey,
                    Audience::AffectedCustomers,
                    &[Email, InApp],
                    phase(Phase::Remediated, 7 * 24 * 60),
                    Role::CustomerLiaison,
                ),
            ],
            required_elements: None,
            allow_self_approval: false,
            allow_press_before_customers: false,
        }
    }
}
