//! What a playbook says about communication: the plan it adopts, which of its messages are
//! drafted on activation, and the feedback channels it opens.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CsfCategory;
use crate::comms::{Channel, CommsPlan};
use crate::id::{PlanItemId, PlaybookRoleId};

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
