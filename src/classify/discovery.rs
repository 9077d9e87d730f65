use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the incident was detected. The Detect guard requires one.
///
/// Each source maps to a VERIS 1.4 `discovery_method` group and variety
/// ([`DetectionSource::veris`]); media reports have no VERIS variety and map to
/// `external / Other`.
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

/// A VERIS 1.4 discovery method: the group (`internal`, `external`, `partner`) and variety.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerisDiscovery {
    /// `internal`, `external` or `partner`.
    pub group: &'static str,
    /// The variety within the group, spelled as in `verisc.json`.
    pub variety: &'static str,
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
            Self::Media | Self::Other => ("external", "Other"),
            Self::ActorDisclosure => ("external", "Actor disclosure"),
        };
        VerisDiscovery { group, variety }
    }
}
