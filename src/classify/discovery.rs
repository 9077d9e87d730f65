use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{tr, Label, Locale};

/// How the incident was detected. The Detect guard requires one.
///
/// Each source maps to a VERIS 1.4 `discovery_method` group and variety
/// ([`DetectionSource::veris`]); media reports have no VERIS variety and map to
/// `external / Other`; [`DetectionSource::Other`] says nothing about who found it and maps
/// to VERIS's own `other` group, not to `external`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DetectionSource {
    /// Infrastructure or security monitoring raised an alert.
    Monitoring,
    /// Log review.
    LogReview,
    /// Network traffic analysis or a network intrusion detection system.
    NetworkTraffic,
    /// A host-based intrusion detection or endpoint agent.
    HostIntrusionDetection,
    /// Anti-fraud controls flagged transactions.
    FraudDetection,
    /// An internal or financial audit.
    Audit,
    /// An employee reported it.
    EmployeeReport,
    /// A customer reported it.
    CustomerReport,
    /// A partner, supplier or monitoring service told us.
    ThirdParty,
    /// A security researcher told us.
    SecurityResearcher,
    /// Law enforcement told us.
    LawEnforcement,
    /// It appeared in the media or on social media.
    Media,
    /// The attacker disclosed it (ransom note, extortion message, leak site).
    ActorDisclosure,
    /// Anything else; explain in the detection summary.
    Other,
}

/// A VERIS 1.4 discovery method: the group (`internal`, `external`, `partner`, `other`) and
/// variety.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerisDiscovery {
    /// `internal`, `external`, `partner` or `other`.
    pub group: &'static str,
    /// The variety within the group, spelled as in `verisc.json`; `None` for the `other`
    /// group, which VERIS records as `"other": true` with no variety.
    pub variety: Option<&'static str>,
}

impl DetectionSource {
    /// The VERIS 1.4 discovery method this source maps to.
    pub const fn veris(self) -> VerisDiscovery {
        let (group, variety) = match self {
            Self::Monitoring => ("internal", "Infrastructure monitoring"),
            Self::LogReview => ("internal", "Log review"),
            Self::NetworkTraffic => ("internal", "Nids"),
            Self::HostIntrusionDetection => ("internal", "Hids"),
            Self::FraudDetection => ("internal", "Fraud detection"),
            Self::Audit => ("internal", "Financial audit"),
            Self::EmployeeReport => ("internal", "Reported by employee"),
            Self::CustomerReport => ("external", "Customer"),
            Self::ThirdParty => ("partner", "Monitoring service"),
            Self::SecurityResearcher => ("external", "Security researcher"),
            Self::LawEnforcement => ("external", "Law enforcement"),
            Self::Media => ("external", "Other"),
            Self::Other => {
                return VerisDiscovery {
                    group: "other",
                    variety: None,
                }
            }
            Self::ActorDisclosure => ("external", "Actor disclosure"),
        };
        VerisDiscovery {
            group,
            variety: Some(variety),
        }
    }
}

impl Label for DetectionSource {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Monitoring => ("安全监控", "安全監控", "security monitoring"),
            Self::LogReview => ("日志审查", "日誌審查", "log review"),
            Self::NetworkTraffic => ("网络流量分析", "網絡流量分析", "network traffic analysis"),
            Self::HostIntrusionDetection => {
                ("主机入侵检测", "主機入侵偵測", "host intrusion detection")
            }
            Self::FraudDetection => ("反欺诈检测", "反欺詐偵測", "fraud detection"),
            Self::Audit => ("审计", "審計", "audit"),
            Self::EmployeeReport => ("员工报告", "員工報告", "employee report"),
            Self::CustomerReport => ("客户报告", "客戶報告", "customer report"),
            Self::ThirdParty => ("第三方告知", "第三方告知", "third party"),
            Self::SecurityResearcher => ("安全研究人员", "安全研究人員", "security researcher"),
            Self::LawEnforcement => ("执法机关告知", "執法機關告知", "law enforcement"),
            Self::Media => ("媒体报道", "傳媒報道", "media report"),
            Self::ActorDisclosure => ("攻击者披露", "攻擊者披露", "disclosure by the actor"),
            Self::Other => ("其他", "其他", "other"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}
