//! What a playbook says about communication: the plan it adopts, which of its messages are
//! drafted on activation, and the feedback channels it opens.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CsfCategory;
use crate::comms::{Channel, CommsPlan};
use crate::id::{ActionId, PlanItemId, PlaybookRoleId};
use crate::locale::{Label, Locale};

/// The communication part of a playbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaybookComms {
    /// The plan activation adopts: messages, audiences, channels, cadence, approvers.
    pub plan: CommsPlan,
    /// The plan item of the first customer notice, drafted on activation.
    pub first_customer_notice: PlanItemId,
    /// The plan item of the press holding statement, drafted on activation.
    pub holding_statement: PlanItemId,
}

/// A feedback channel the playbook opens for customers (the first seed's hotline, online
/// service and social media accounts), with its first-response target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackChannel {
    /// The channel.
    pub channel: Channel,
    /// The role that staffs it.
    pub owner: PlaybookRoleId,
    /// Minutes after detection it must be open.
    pub open_within_minutes: u32,
    /// First-response target for inquiries on it, minutes.
    pub first_response_minutes: u32,
    /// The NIST CSF 2.0 category (RS.CO for most).
    pub csf: CsfCategory,
}

impl FeedbackChannel {
    /// The id of the action activation adds to open it: `open-` and the channel's JSON
    /// name, e.g. `open-online-chat`. A step may not take it. (Always a valid id; `None`
    /// only if channel names ever broke the id rules.)
    pub fn action_id(&self) -> Option<ActionId> {
        ActionId::new(format!("open-{}", self.channel.as_str().replace('_', "-"))).ok()
    }

    /// The action's title in `locale`: which channel to open and how fast to answer on it.
    pub fn action_title(&self, locale: Locale) -> String {
        let channel = self.channel.label(locale);
        let minutes = self.first_response_minutes;
        match locale {
            Locale::ZhCn => format!("开通{channel}受理客户咨询，{minutes} 分钟内首次响应"),
            Locale::ZhHk => format!("開通{channel}處理客戶查詢，{minutes} 分鐘內首次回應"),
            Locale::En => format!("Open the {channel} to customers; answer within {minutes} min"),
        }
    }
}
