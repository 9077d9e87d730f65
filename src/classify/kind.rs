use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{tr, Label, Locale};

/// What happened, in the words an incident desk uses. Drives which regulatory regimes and
/// which compensation rules can apply.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IncidentKind {
    /// Customer or personal data was accessed or exfiltrated without authorisation.
    DataBreach,
    /// Customer or company funds were stolen or moved without authorisation.
    FundsTheft,
    /// Customer accounts were taken over (credential stuffing, SIM swap, phishing).
    AccountTakeover,
    /// Systems or data were encrypted or held for ransom.
    Ransomware,
    /// A service was unavailable or degraded (outage, DDoS).
    ServiceDisruption,
    /// A staff member or contractor misused legitimate access.
    InsiderMisuse,
    /// A supplier, processor or partner was compromised and that reached our customers.
    ThirdPartyCompromise,
    /// Anything else; describe it in the title and summary.
    Other,
}

impl IncidentKind {
    /// Every kind, in declaration order.
    pub const ALL: [IncidentKind; 8] = [
        Self::DataBreach,
        Self::FundsTheft,
        Self::AccountTakeover,
        Self::Ransomware,
        Self::ServiceDisruption,
        Self::InsiderMisuse,
        Self::ThirdPartyCompromise,
        Self::Other,
    ];

    /// The stable snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DataBreach => "data_breach",
            Self::FundsTheft => "funds_theft",
            Self::AccountTakeover => "account_takeover",
            Self::Ransomware => "ransomware",
            Self::ServiceDisruption => "service_disruption",
            Self::InsiderMisuse => "insider_misuse",
            Self::ThirdPartyCompromise => "third_party_compromise",
            Self::Other => "other",
        }
    }
}

impl std::fmt::Display for IncidentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Label for IncidentKind {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::DataBreach => ("数据泄露", "資料外洩", "data breach"),
            Self::FundsTheft => ("资金盗取", "資金盜取", "theft of funds"),
            Self::AccountTakeover => ("账户盗用", "賬戶盜用", "account takeover"),
            Self::Ransomware => ("勒索软件", "勒索軟件", "ransomware"),
            Self::ServiceDisruption => ("服务中断", "服務中斷", "service disruption"),
            Self::InsiderMisuse => ("内部人员滥用", "內部人員濫用", "insider misuse"),
            Self::ThirdPartyCompromise => {
                ("第三方被入侵", "第三方被入侵", "third-party compromise")
            }
            Self::Other => ("其他", "其他", "other"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_name_in_each_language() {
        crate::locale::assert_labels_distinct(&IncidentKind::ALL);
    }
}
