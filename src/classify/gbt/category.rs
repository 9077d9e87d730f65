//! The ten categories of GB/T 20986-2023.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::GbtSubcategory;
use crate::locale::{tr, Label, Locale};

/// A category (类别) of GB/T 20986-2023 §5.2, as a Chinese regulator's form names it.
///
/// GB/T 20986-2023 (SAC/TC 260) was issued 2023-05-23 and is in force from **2023-12-01**,
/// replacing GB/Z 20986-2007.
///
/// # Sources (checked 2026-12-06)
///
/// - Issue and in-force dates, the count of categories (7 → 10) and the per-category counts
///   of the first three (恶意程序 10, 网络攻击 21, 数据安全 12): <https://m.bzxz.net/bzxz/194016.html>,
///   <https://www.chinesestandard.net/PDF/English.aspx/GBT20986-2023>,
///   <http://www.1tube.cn/standard/en/1175192215.html> (which also says "45 subcategories",
///   contradicting its own per-category table; the list below has 75).
/// - The ten 恶意程序事件 subcategories: <http://www.txrzx.com/i255.html> (2026-01-22), quoting
///   the standard.
/// - Every category and subcategory name: a vendor's `event_category` table transcribing the
///   standard (a public SQL seed file in a GitHub repository, seen through the code index;
///   its repository name was not shown). **Only the 恶意程序事件 names are confirmed by a
///   second source; the other names rest on that one transcription and were not checked
///   against the standard's text.** The standard's Annex B classification codes were not
///   found and are not modelled.
///
/// The English names are this crate's translations, not the standard's.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GbtCategory {
    /// 恶意程序事件.
    Malware,
    /// 网络攻击事件.
    NetworkAttack,
    /// 数据安全事件.
    DataSecurity,
    /// 信息内容安全事件.
    InformationContent,
    /// 设备设施故障事件.
    EquipmentFailure,
    /// 违规操作事件.
    ViolationOfProcedure,
    /// 安全隐患事件.
    SecurityHazard,
    /// 异常行为事件.
    AbnormalBehaviour,
    /// 不可抗力事件.
    ForceMajeure,
    /// 其他事件.
    Other,
}

impl GbtCategory {
    /// Every category, in the order of the standard.
    pub const ALL: [GbtCategory; 10] = [
        Self::Malware,
        Self::NetworkAttack,
        Self::DataSecurity,
        Self::InformationContent,
        Self::EquipmentFailure,
        Self::ViolationOfProcedure,
        Self::SecurityHazard,
        Self::AbnormalBehaviour,
        Self::ForceMajeure,
        Self::Other,
    ];

    /// The stable snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Malware => "malware",
            Self::NetworkAttack => "network_attack",
            Self::DataSecurity => "data_security",
            Self::InformationContent => "information_content",
            Self::EquipmentFailure => "equipment_failure",
            Self::ViolationOfProcedure => "violation_of_procedure",
            Self::SecurityHazard => "security_hazard",
            Self::AbnormalBehaviour => "abnormal_behaviour",
            Self::ForceMajeure => "force_majeure",
            Self::Other => "other",
        }
    }

    /// The subcategories of this category, in the standard's order (none for 其他事件).
    pub fn subcategories(self) -> impl Iterator<Item = GbtSubcategory> {
        GbtSubcategory::ALL
            .into_iter()
            .filter(move |s| s.category() == self)
    }
}

impl std::fmt::Display for GbtCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Label for GbtCategory {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Malware => ("恶意程序事件", "惡意程式事件", "malware incident"),
            Self::NetworkAttack => ("网络攻击事件", "網絡攻擊事件", "network attack incident"),
            Self::DataSecurity => ("数据安全事件", "數據安全事件", "data security incident"),
            Self::InformationContent => (
                "信息内容安全事件",
                "資訊內容安全事件",
                "information content security incident",
            ),
            Self::EquipmentFailure => (
                "设备设施故障事件",
                "設備設施故障事件",
                "equipment and facility failure",
            ),
            Self::ViolationOfProcedure => (
                "违规操作事件",
                "違規操作事件",
                "violation of operating rules",
            ),
            Self::SecurityHazard => ("安全隐患事件", "安全隱患事件", "security hazard"),
            Self::AbnormalBehaviour => ("异常行为事件", "異常行為事件", "abnormal behaviour"),
            Self::ForceMajeure => ("不可抗力事件", "不可抗力事件", "force majeure"),
            Self::Other => ("其他事件", "其他事件", "other incident"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}
