//! Delivery receipts: what the sending provider reported for one message to one recipient
//! (accepted, delivered, failed, bounced), recorded as events so the log proves who was
//! told what and when.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Channel;
use crate::id::{CustomerRef, NoticeId};
use crate::locale::{tr, Label, Locale};

/// What the provider says became of a message, in the vocabulary e-mail and SMS
/// providers' delivery callbacks share.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeliveryOutcome {
    /// The provider took the message for delivery; not yet delivered.
    Accepted,
    /// The recipient's server or handset took it: the customer was reached.
    Delivered,
    /// Delivery failed (temporarily or for a reason the provider gave).
    Failed,
    /// The address or number does not exist or refuses mail: retrying the same address
    /// will not help.
    Bounced,
}

impl DeliveryOutcome {
    /// Every outcome.
    pub const ALL: [DeliveryOutcome; 4] =
        [Self::Accepted, Self::Delivered, Self::Failed, Self::Bounced];
}

impl Label for DeliveryOutcome {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Accepted => ("已受理", "已受理", "accepted"),
            Self::Delivered => ("已送达", "已送達", "delivered"),
            Self::Failed => ("发送失败", "發送失敗", "failed"),
            Self::Bounced => ("被退回", "被退回", "bounced"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// One delivery receipt (the payload of
/// [`Command::RecordDeliveryReceipt`](crate::Command::RecordDeliveryReceipt) and its
/// event). Only a sent notice takes receipts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryReceipt {
    /// The notice the message carried.
    pub notice_id: NoticeId,
    /// Who it was for (an opaque reference, never an address).
    pub recipient: CustomerRef,
    /// The channel it went on.
    pub channel: Channel,
    /// What became of it.
    pub outcome: DeliveryOutcome,
    /// When the provider says it happened (not in the future).
    pub at: DateTime<Utc>,
    /// The provider's id of the message, to trace it in the provider's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_ref: Option<String>,
    /// The provider's reason for a failure or bounce.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_have_distinct_labels_and_snake_case_names() {
        crate::locale::assert_labels_distinct(&DeliveryOutcome::ALL);
        assert_eq!(
            serde_json::to_value(DeliveryOutcome::Bounced).unwrap(),
            "bounced"
        );
    }
}
