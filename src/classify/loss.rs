use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{tr, Label, Locale};
use crate::Money;

/// A variety of loss, exactly the VERIS 1.4 `impact.loss[].variety` list.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LossVariety {
    /// Stolen funds and fraudulent transactions.
    AssetAndFraud,
    /// Damage to the brand and reputation.
    BrandDamage,
    /// Lost business while systems were down.
    BusinessDisruption,
    /// Loss of competitive advantage.
    CompetitiveAdvantage,
    /// Fines, settlements and legal costs.
    LegalAndRegulatory,
    /// Ongoing operating costs caused by the incident.
    OperatingCosts,
    /// Investigation, response and recovery costs (including customer compensation).
    ResponseAndRecovery,
    /// Anything else.
    Other,
}

impl LossVariety {
    /// The VERIS 1.4 spelling.
    pub const fn veris(self) -> &'static str {
        match self {
            Self::AssetAndFraud => "Asset and fraud",
            Self::BrandDamage => "Brand damage",
            Self::BusinessDisruption => "Business disruption",
            Self::CompetitiveAdvantage => "Competitive advantage",
            Self::LegalAndRegulatory => "Legal and regulatory",
            Self::OperatingCosts => "Operating costs",
            Self::ResponseAndRecovery => "Response and recovery",
            Self::Other => "Other",
        }
    }
}

impl Label for LossVariety {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::AssetAndFraud => ("资产与欺诈损失", "資產與欺詐損失", "asset and fraud"),
            Self::BrandDamage => ("品牌损害", "品牌損害", "brand damage"),
            Self::BusinessDisruption => ("业务中断", "業務中斷", "business disruption"),
            Self::CompetitiveAdvantage => ("竞争优势损失", "競爭優勢損失", "competitive advantage"),
            Self::LegalAndRegulatory => ("法律与监管", "法律與監管", "legal and regulatory"),
            Self::OperatingCosts => ("运营成本", "營運成本", "operating costs"),
            Self::ResponseAndRecovery => ("响应与恢复", "應變與復原", "response and recovery"),
            Self::Other => ("其他", "其他", "other"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// One loss the firm or its customers suffered, with its amount when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Loss {
    /// What kind of loss.
    pub variety: LossVariety,
    /// The amount, if it has been estimated; `null` while unknown.
    pub amount: Option<Money>,
}
