//! When a customer does not accept the outcome: a claim reopened on new evidence (the
//! earlier decision kept on record) and appeals or complaints, each with the channel it
//! came through and its outcome.
//!
//! Channels, as the customer explanation names them (sources in
//! `explanation/recourse.rs`, checked 2026-12-07): the firm's own complaint handling; the
//! CSRC 12386 service platform (phone 12386, fwpt.csrc12386.org.cn), which takes complaints
//! about securities, futures and fund firms and may refer them to mediation with the
//! investor's consent; the PBoC 12363 line for payment institutions; mediation bodies such
//! as 中证中小投资者服务中心 or 中证资本市场法律服务中心 under 《证券期货纠纷调解规则》;
//! arbitration; and the courts.

use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::negotiation::{
    AssessmentOverride, ClaimAssessment, ClaimReview, ClaimStatus, Offer, Payment,
};
use crate::locale::{tr, Label, Locale};
use crate::{ActorId, Money};

/// Where a customer's appeal or complaint came in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AppealChannel {
    /// The firm's own complaint handling.
    InternalComplaint,
    /// The CSRC 12386 service platform (hotline or online).
    Csrc12386,
    /// The PBoC 12363 financial consumer line.
    Pboc12363,
    /// A mediation body (named in the appeal's `body`, e.g. 中证资本市场法律服务中心).
    Mediation,
    /// An arbitration commission.
    Arbitration,
    /// A court.
    Court,
}

impl fmt::Display for AppealChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InternalComplaint => "internal complaint",
            Self::Csrc12386 => "CSRC 12386",
            Self::Pboc12363 => "PBoC 12363",
            Self::Mediation => "mediation",
            Self::Arbitration => "arbitration",
            Self::Court => "court",
        })
    }
}

/// The channel as a customer letter names it: the bodies by their full names (sources in
/// `explanation/recourse.rs`).
impl Label for AppealChannel {
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::InternalComplaint => tr(
                locale,
                "我们的投诉受理渠道",
                "我們的投訴處理渠道",
                "our complaints service",
            ),
            Self::Csrc12386 => tr(
                locale,
                "中国证监会12386服务平台",
                "中國證監會12386服務平台",
                "the CSRC 12386 service platform",
            ),
            Self::Pboc12363 => tr(
                locale,
                "中国人民银行12363金融消费权益保护咨询投诉电话",
                "中國人民銀行12363金融消費權益保護諮詢投訴電話",
                "the People's Bank of China 12363 financial consumer protection line",
            ),
            Self::Mediation => tr(
                locale,
                "纠纷调解组织",
                "糾紛調解組織",
                "a dispute mediation body",
            ),
            Self::Arbitration => tr(
                locale,
                "仲裁委员会",
                "仲裁委員會",
                "an arbitration commission",
            ),
            Self::Court => tr(locale, "人民法院", "人民法院", "a people's court"),
        }
    }
}

impl AppealChannel {
    /// Every channel.
    pub const ALL: [AppealChannel; 6] = [
        AppealChannel::InternalComplaint,
        AppealChannel::Csrc12386,
        AppealChannel::Pboc12363,
        AppealChannel::Mediation,
        AppealChannel::Arbitration,
        AppealChannel::Court,
    ];
}

/// How an appeal ended.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AppealOutcome {
    /// The firm's decision stands.
    Upheld,
    /// The decision is changed: the desk reopens the claim or proposes an override.
    Varied,
    /// An agreement was reached (a mediated settlement, a court settlement).
    Agreed,
    /// The customer withdrew it.
    Withdrawn,
}

impl fmt::Display for AppealOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Upheld => "upheld",
            Self::Varied => "varied",
            Self::Agreed => "agreed",
            Self::Withdrawn => "withdrawn",
        })
    }
}

/// A customer's appeal or complaint about a claim, through one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Appeal {
    /// Where it came in.
    pub channel: AppealChannel,
    /// The body and its case reference (e.g. "中证资本市场法律服务中心, case 2026-118"), no
    /// personal data.
    pub reference: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// Who recorded it.
    pub recorded_by: ActorId,
    /// How it ended, once recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<AppealOutcome>,
    /// What was decided, in the desk's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_note: Option<String>,
    /// When the outcome was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
}

/// A claim's decision before it was reopened on new evidence: kept on record with
/// everything that followed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EarlierDecision {
    /// Where the claim stood (rejected or paid).
    pub status: ClaimStatus,
    /// What the policy decided then.
    pub assessment: ClaimAssessment,
    /// The facts it decided on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
    /// The override, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_override: Option<AssessmentOverride>,
    /// The review, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ClaimReview>,
    /// The offers made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<Offer>,
    /// The amount settled (a paid claim's), which still counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<Money>,
    /// The payment made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Payment>,
    /// Why it was rejected, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What the new evidence is.
    pub new_evidence: String,
    /// When it was reopened.
    pub reopened_at: DateTime<Utc>,
    /// Who reopened it.
    pub reopened_by: ActorId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_has_a_distinct_name_in_every_locale() {
        crate::locale::assert_labels_distinct(&AppealChannel::ALL);
    }
}
