//! Findings of the post-incident review: the root cause, contributing factors, and what
//! went well or poorly. Recorded in the log (the Review guard needs at least one); the
//! review report reads them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::{EvidenceId, FindingId};
use crate::locale::{tr, Label, Locale};

/// What a finding is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The root cause.
    RootCause,
    /// Something that made it possible or worse.
    ContributingFactor,
    /// Something in the response that worked.
    WentWell,
    /// Something in the response that did not.
    WentPoorly,
}

/// Root-cause categories, from the seeds (social engineering, unpatched holes) and common
/// incident taxonomies.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RootCause {
    /// Phishing or other social engineering.
    PhishingSocialEngineering,
    /// A known vulnerability left unpatched.
    UnpatchedVulnerability,
    /// A misconfiguration.
    Misconfiguration,
    /// Credential stuffing or password reuse.
    CredentialStuffing,
    /// A malicious or negligent insider.
    Insider,
    /// A supplier or other third party.
    ThirdPartySupplyChain,
    /// Not determined.
    Unknown,
}

impl Label for FindingKind {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::RootCause => ("根本原因", "根本原因", "root cause"),
            Self::ContributingFactor => ("促成因素", "促成因素", "contributing factor"),
            Self::WentWell => ("做得好的", "做得好的", "went well"),
            Self::WentPoorly => ("需改进的", "需改進的", "went poorly"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

impl Label for RootCause {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::PhishingSocialEngineering => (
                "网络钓鱼/社会工程",
                "網絡釣魚/社會工程",
                "phishing or social engineering",
            ),
            Self::UnpatchedVulnerability => {
                ("未修补的漏洞", "未修補的漏洞", "unpatched vulnerability")
            }
            Self::Misconfiguration => ("配置错误", "配置錯誤", "misconfiguration"),
            Self::CredentialStuffing => {
                ("撞库/密码复用", "撞庫/重複使用密碼", "credential stuffing")
            }
            Self::Insider => ("内部人员", "內部人員", "insider"),
            Self::ThirdPartySupplyChain => (
                "第三方/供应链",
                "第三方/供應鏈",
                "third party or supply chain",
            ),
            Self::Unknown => ("未查明", "未查明", "unknown"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// A review finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Host-chosen id, unique within the incident.
    pub finding_id: FindingId,
    /// What the finding is about.
    pub kind: FindingKind,
    /// The root-cause category, for root-cause and contributing-factor findings.
    pub root_cause: Option<RootCause>,
    /// The finding in words (blameless).
    pub summary: String,
    /// Evidence items that support it.
    pub evidence: Vec<EvidenceId>,
}
