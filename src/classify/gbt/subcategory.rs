//! The subcategories of GB/T 20986-2023, one per line of its §5.2 list.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::GbtCategory;
use crate::locale::{tr, Label, Locale};

/// A subcategory (子类) of GB/T 20986-2023; each belongs to one [`GbtCategory`]
/// ([`GbtSubcategory::category`]). The category 其他事件 has none.
///
/// The names are transcribed from a secondary source (see [`GbtCategory`]): the
/// 恶意程序事件 names are confirmed by two sources; every other name by one, not by the
/// standard's own text. Check them against the standard before filing.

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GbtSubcategory {
    /// 计算机病毒事件 (恶意程序事件).
    ComputerVirus,
    /// 网络蠕虫事件 (恶意程序事件).
    NetworkWorm,
    /// 特洛伊木马事件 (恶意程序事件).
    TrojanHorse,
    /// 僵尸网络事件 (恶意程序事件).
    Botnet,
    /// 恶意代码内嵌网页事件 (恶意程序事件).
    MaliciousCodeEmbeddedWebPage,
    /// 恶意代码宿主站点事件 (恶意程序事件).
    MaliciousCodeHostSite,
    /// 勒索软件事件 (恶意程序事件).
    Ransomware,
    /// 挖矿病毒事件 (恶意程序事件).
    CryptoMining,
    /// 混合攻击程序事件 (恶意程序事件).
    BlendedAttackProgram,
    /// 其他恶意程序事件 (恶意程序事件).
    OtherMalware,
    /// 网络扫描探测事件 (网络攻击事件).
    NetworkScanning,
    /// 网络钓鱼事件 (网络攻击事件).
    Phishing,
    /// 漏洞利用事件 (网络攻击事件).
    VulnerabilityExploitation,
    /// 后门利用事件 (网络攻击事件).
    BackdoorExploitation,
    /// 后门植入事件 (网络攻击事件).
    BackdoorImplant,
    /// 凭据攻击事件 (网络攻击事件).
    CredentialAttack,
    /// 信号干扰事件 (网络攻击事件).
    SignalJamming,
    /// 拒绝服务事件 (网络攻击事件).
    DenialOfService,
    /// 网页篡改事件 (网络攻击事件).
    WebDefacement,
    /// 暗链植入事件 (网络攻击事件).
    HiddenLinkImplant,
    /// 域名劫持事件 (网络攻击事件).
    DomainHijacking,
    /// 域名转嫁事件 (网络攻击事件).
    DomainRedirection,
    /// DNS污染事件 (网络攻击事件).
    DnsPoisoning,
    /// WLAN劫持事件 (网络攻击事件).
    WlanHijacking,
    /// 流量劫持事件 (网络攻击事件).
    TrafficHijacking,
    /// BGP劫持攻击事件 (网络攻击事件).
    BgpHijacking,
    /// 广播欺诈事件 (网络攻击事件).
    BroadcastSpoofing,
    /// 失陷主机事件 (网络攻击事件).
    CompromisedHost,
    /// 供应链攻击事件 (网络攻击事件).
    SupplyChainAttack,
    /// APT事件 (网络攻击事件).
    AdvancedPersistentThreat,
    /// 其他网络攻击事件 (网络攻击事件).
    OtherNetworkAttack,
    /// 数据篡改事件 (数据安全事件).
    DataTampering,
    /// 数据假冒事件 (数据安全事件).
    DataCounterfeiting,
    /// 数据泄露事件 (数据安全事件).
    DataLeak,
    /// 社会工程事件 (数据安全事件).
    SocialEngineering,
    /// 数据窃取事件 (数据安全事件).
    DataTheft,
    /// 数据拦截事件 (数据安全事件).
    DataInterception,
    /// 位置检测事件 (数据安全事件).
    LocationDetection,
    /// 数据投毒事件 (数据安全事件).
    DataPoisoning,
    /// 数据滥用事件 (数据安全事件).
    DataAbuse,
    /// 隐私侵犯事件 (数据安全事件).
    PrivacyInfringement,
    /// 数据损失事件 (数据安全事件).
    DataLoss,
    /// 其他数据安全事件 (数据安全事件).
    OtherDataSecurity,
    /// 反动宣传事件 (信息内容安全事件).
    SubversivePropaganda,
    /// 暴恐宣扬事件 (信息内容安全事件).
    TerrorismPromotion,
    /// 色情传播事件 (信息内容安全事件).
    Pornography,
    /// 虚假信息传播事件 (信息内容安全事件).
    Disinformation,
    /// 权益侵害事件 (信息内容安全事件).
    RightsInfringement,
    /// 信息滥发事件 (信息内容安全事件).
    Spam,
    /// 网络欺诈事件 (信息内容安全事件).
    OnlineFraud,
    /// 其他信息内容安全事件 (信息内容安全事件).
    OtherInformationContent,
    /// 技术故障事件 (设备设施故障事件).
    TechnicalFailure,
    /// 配套设施故障事件 (设备设施故障事件).
    SupportingFacilityFailure,
    /// 物理损害事件 (设备设施故障事件).
    PhysicalDamage,
    /// 辐射干扰事件 (设备设施故障事件).
    RadiationInterference,
    /// 其他设备设施故障事件 (设备设施故障事件).
    OtherEquipmentFailure,
    /// 权限滥用事件 (违规操作事件).
    PrivilegeAbuse,
    /// 权限伪造事件 (违规操作事件).
    PrivilegeForgery,
    /// 行为抵赖事件 (违规操作事件).
    Repudiation,
    /// 故意违规操作事件 (违规操作事件).
    DeliberateViolation,
    /// 误操作事件 (违规操作事件).
    OperatorError,
    /// 人员可用性破坏事件 (违规操作事件).
    StaffAvailabilityLoss,
    /// 资源未授权使用事件 (违规操作事件).
    UnauthorisedResourceUse,
    /// 其他违规操作事件 (违规操作事件).
    OtherViolation,
    /// 网络漏洞事件 (安全隐患事件).
    NetworkVulnerability,
    /// 网络配置合规缺陷事件 (安全隐患事件).
    NonCompliantConfiguration,
    /// 其他安全隐患事件 (安全隐患事件).
    OtherSecurityHazard,
    /// 访问异常事件 (异常行为事件).
    AbnormalAccess,
    /// 流量异常事件 (异常行为事件).
    AbnormalTraffic,
    /// 其他异常行为事件 (异常行为事件).
    OtherAbnormalBehaviour,
    /// 自然灾害事件 (不可抗力事件).
    NaturalDisaster,
    /// 事故灾难事件 (不可抗力事件).
    AccidentDisaster,
    /// 公共卫生事件 (不可抗力事件).
    PublicHealth,
    /// 社会安全事件 (不可抗力事件).
    SocialSecurity,
    /// 其他不可抗力事件 (不可抗力事件).
    OtherForceMajeure,
}

impl GbtSubcategory {
    /// Every subcategory, in the order of the standard's list.
    pub const ALL: [GbtSubcategory; 75] = [
        Self::ComputerVirus,
        Self::NetworkWorm,
        Self::TrojanHorse,
        Self::Botnet,
        Self::MaliciousCodeEmbeddedWebPage,
        Self::MaliciousCodeHostSite,
        Self::Ransomware,
        Self::CryptoMining,
        Self::BlendedAttackProgram,
        Self::OtherMalware,
        Self::NetworkScanning,
        Self::Phishing,
        Self::VulnerabilityExploitation,
        Self::BackdoorExploitation,
        Self::BackdoorImplant,
        Self::CredentialAttack,
        Self::SignalJamming,
        Self::DenialOfService,
        Self::WebDefacement,
        Self::HiddenLinkImplant,
        Self::DomainHijacking,
        Self::DomainRedirection,
        Self::DnsPoisoning,
        Self::WlanHijacking,
        Self::TrafficHijacking,
        Self::BgpHijacking,
        Self::BroadcastSpoofing,
        Self::CompromisedHost,
        Self::SupplyChainAttack,
        Self::AdvancedPersistentThreat,
        Self::OtherNetworkAttack,
        Self::DataTampering,
        Self::DataCounterfeiting,
        Self::DataLeak,
        Self::SocialEngineering,
        Self::DataTheft,
        Self::DataInterception,
        Self::LocationDetection,
        Self::DataPoisoning,
        Self::DataAbuse,
        Self::PrivacyInfringement,
        Self::DataLoss,
        Self::OtherDataSecurity,
        Self::SubversivePropaganda,
        Self::TerrorismPromotion,
        Self::Pornography,
        Self::Disinformation,
        Self::RightsInfringement,
        Self::Spam,
        Self::OnlineFraud,
        Self::OtherInformationContent,
        Self::TechnicalFailure,
        Self::SupportingFacilityFailure,
        Self::PhysicalDamage,
        Self::RadiationInterference,
        Self::OtherEquipmentFailure,
        Self::PrivilegeAbuse,
        Self::PrivilegeForgery,
        Self::Repudiation,
        Self::DeliberateViolation,
        Self::OperatorError,
        Self::StaffAvailabilityLoss,
        Self::UnauthorisedResourceUse,
        Self::OtherViolation,
        Self::NetworkVulnerability,
        Self::NonCompliantConfiguration,
        Self::OtherSecurityHazard,
        Self::AbnormalAccess,
        Self::AbnormalTraffic,
        Self::OtherAbnormalBehaviour,
        Self::NaturalDisaster,
        Self::AccidentDisaster,
        Self::PublicHealth,
        Self::SocialSecurity,
        Self::OtherForceMajeure,
    ];

    /// The category this subcategory belongs to.
    pub const fn category(self) -> GbtCategory {
        match self {
            Self::ComputerVirus
            | Self::NetworkWorm
            | Self::TrojanHorse
            | Self::Botnet
            | Self::MaliciousCodeEmbeddedWebPage
            | Self::MaliciousCodeHostSite
            | Self::Ransomware
            | Self::CryptoMining
            | Self::BlendedAttackProgram
            | Self::OtherMalware => GbtCategory::Malware,
            Self::NetworkScanning
            | Self::Phishing
            | Self::VulnerabilityExploitation
            | Self::BackdoorExploitation
            | Self::BackdoorImplant
            | Self::CredentialAttack
            | Self::SignalJamming
            | Self::DenialOfService
            | Self::WebDefacement
            | Self::HiddenLinkImplant
            | Self::DomainHijacking
            | Self::DomainRedirection
            | Self::DnsPoisoning
            | Self::WlanHijacking
            | Self::TrafficHijacking
            | Self::BgpHijacking
            | Self::BroadcastSpoofing
            | Self::CompromisedHost
            | Self::SupplyChainAttack
            | Self::AdvancedPersistentThreat
            | Self::OtherNetworkAttack => GbtCategory::NetworkAttack,
            Self::DataTampering
            | Self::DataCounterfeiting
            | Self::DataLeak
            | Self::SocialEngineering
            | Self::DataTheft
            | Self::DataInterception
            | Self::LocationDetection
            | Self::DataPoisoning
            | Self::DataAbuse
            | Self::PrivacyInfringement
            | Self::DataLoss
            | Self::OtherDataSecurity => GbtCategory::DataSecurity,
            Self::SubversivePropaganda
            | Self::TerrorismPromotion
            | Self::Pornography
            | Self::Disinformation
            | Self::RightsInfringement
            | Self::Spam
            | Self::OnlineFraud
            | Self::OtherInformationContent => GbtCategory::InformationContent,
            Self::TechnicalFailure
            | Self::SupportingFacilityFailure
            | Self::PhysicalDamage
            | Self::RadiationInterference
            | Self::OtherEquipmentFailure => GbtCategory::EquipmentFailure,
            Self::PrivilegeAbuse
            | Self::PrivilegeForgery
            | Self::Repudiation
            | Self::DeliberateViolation
            | Self::OperatorError
            | Self::StaffAvailabilityLoss
            | Self::UnauthorisedResourceUse
            | Self::OtherViolation => GbtCategory::ViolationOfProcedure,
            Self::NetworkVulnerability
            | Self::NonCompliantConfiguration
            | Self::OtherSecurityHazard => GbtCategory::SecurityHazard,
            Self::AbnormalAccess | Self::AbnormalTraffic | Self::OtherAbnormalBehaviour => {
                GbtCategory::AbnormalBehaviour
            }
            Self::NaturalDisaster
            | Self::AccidentDisaster
            | Self::PublicHealth
            | Self::SocialSecurity
            | Self::OtherForceMajeure => GbtCategory::ForceMajeure,
        }
    }

    /// The stable snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ComputerVirus => "computer_virus",
            Self::NetworkWorm => "network_worm",
            Self::TrojanHorse => "trojan_horse",
            Self::Botnet => "botnet",
            Self::MaliciousCodeEmbeddedWebPage => "malicious_code_embedded_web_page",
            Self::MaliciousCodeHostSite => "malicious_code_host_site",
            Self::Ransomware => "ransomware",
            Self::CryptoMining => "crypto_mining",
            Self::BlendedAttackProgram => "blended_attack_program",
            Self::OtherMalware => "other_malware",
            Self::NetworkScanning => "network_scanning",
            Self::Phishing => "phishing",
            Self::VulnerabilityExploitation => "vulnerability_exploitation",
            Self::BackdoorExploitation => "backdoor_exploitation",
            Self::BackdoorImplant => "backdoor_implant",
            Self::CredentialAttack => "credential_attack",
            Self::SignalJamming => "signal_jamming",
            Self::DenialOfService => "denial_of_service",
            Self::WebDefacement => "web_defacement",
            Self::HiddenLinkImplant => "hidden_link_implant",
            Self::DomainHijacking => "domain_hijacking",
            Self::DomainRedirection => "domain_redirection",
            Self::DnsPoisoning => "dns_poisoning",
            Self::WlanHijacking => "wlan_hijacking",
            Self::TrafficHijacking => "traffic_hijacking",
            Self::BgpHijacking => "bgp_hijacking",
            Self::BroadcastSpoofing => "broadcast_spoofing",
            Self::CompromisedHost => "compromised_host",
            Self::SupplyChainAttack => "supply_chain_attack",
            Self::AdvancedPersistentThreat => "advanced_persistent_threat",
            Self::OtherNetworkAttack => "other_network_attack",
            Self::DataTampering => "data_tampering",
            Self::DataCounterfeiting => "data_counterfeiting",
            Self::DataLeak => "data_leak",
            Self::SocialEngineering => "social_engineering",
            Self::DataTheft => "data_theft",
            Self::DataInterception => "data_interception",
            Self::LocationDetection => "location_detection",
            Self::DataPoisoning => "data_poisoning",
            Self::DataAbuse => "data_abuse",
            Self::PrivacyInfringement => "privacy_infringement",
            Self::DataLoss => "data_loss",
            Self::OtherDataSecurity => "other_data_security",
            Self::SubversivePropaganda => "subversive_propaganda",
            Self::TerrorismPromotion => "terrorism_promotion",
            Self::Pornography => "pornography",
            Self::Disinformation => "disinformation",
            Self::RightsInfringement => "rights_infringement",
            Self::Spam => "spam",
            Self::OnlineFraud => "online_fraud",
            Self::OtherInformationContent => "other_information_content",
            Self::TechnicalFailure => "technical_failure",
            Self::SupportingFacilityFailure => "supporting_facility_failure",
            Self::PhysicalDamage => "physical_damage",
            Self::RadiationInterference => "radiation_interference",
            Self::OtherEquipmentFailure => "other_equipment_failure",
            Self::PrivilegeAbuse => "privilege_abuse",
            Self::PrivilegeForgery => "privilege_forgery",
            Self::Repudiation => "repudiation",
            Self::DeliberateViolation => "deliberate_violation",
            Self::OperatorError => "operator_error",
            Self::StaffAvailabilityLoss => "staff_availability_loss",
            Self::UnauthorisedResourceUse => "unauthorised_resource_use",
            Self::OtherViolation => "other_violation",
            Self::NetworkVulnerability => "network_vulnerability",
            Self::NonCompliantConfiguration => "non_compliant_configuration",
            Self::OtherSecurityHazard => "other_security_hazard",
            Self::AbnormalAccess => "abnormal_access",
            Self::AbnormalTraffic => "abnormal_traffic",
            Self::OtherAbnormalBehaviour => "other_abnormal_behaviour",
            Self::NaturalDisaster => "natural_disaster",
            Self::AccidentDisaster => "accident_disaster",
            Self::PublicHealth => "public_health",
            Self::SocialSecurity => "social_security",
            Self::OtherForceMajeure => "other_force_majeure",
        }
    }
}

impl std::fmt::Display for GbtSubcategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Label for GbtSubcategory {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::ComputerVirus => ("计算机病毒事件", "電腦病毒事件", "computer virus incident"),
            Self::NetworkWorm => ("网络蠕虫事件", "網絡蠕蟲事件", "network worm incident"),
            Self::TrojanHorse => ("特洛伊木马事件", "特洛伊木馬事件", "Trojan horse incident"),
            Self::Botnet => ("僵尸网络事件", "殭屍網絡事件", "botnet incident"),
            Self::MaliciousCodeEmbeddedWebPage => (
                "恶意代码内嵌网页事件",
                "惡意程式碼內嵌網頁事件",
                "web page with embedded malicious code",
            ),
            Self::MaliciousCodeHostSite => (
                "恶意代码宿主站点事件",
                "惡意程式碼宿主站點事件",
                "malicious code host site",
            ),
            Self::Ransomware => ("勒索软件事件", "勒索軟件事件", "ransomware incident"),
            Self::CryptoMining => (
                "挖矿病毒事件",
                "挖礦病毒事件",
                "cryptomining malware incident",
            ),
            Self::BlendedAttackProgram => (
                "混合攻击程序事件",
                "混合攻擊程式事件",
                "blended attack program incident",
            ),
            Self::OtherMalware => (
                "其他恶意程序事件",
                "其他惡意程式事件",
                "other malware incident",
            ),
            Self::NetworkScanning => (
                "网络扫描探测事件",
                "網絡掃描探測事件",
                "network scanning and probing",
            ),
            Self::Phishing => ("网络钓鱼事件", "網絡釣魚事件", "phishing incident"),
            Self::VulnerabilityExploitation => {
                ("漏洞利用事件", "漏洞利用事件", "vulnerability exploitation")
            }
            Self::BackdoorExploitation => ("后门利用事件", "後門利用事件", "backdoor exploitation"),
            Self::BackdoorImplant => ("后门植入事件", "後門植入事件", "backdoor implant"),
            Self::CredentialAttack => ("凭据攻击事件", "憑證攻擊事件", "credential attack"),
            Self::SignalJamming => ("信号干扰事件", "訊號干擾事件", "signal jamming"),
            Self::DenialOfService => ("拒绝服务事件", "拒絕服務事件", "denial of service"),
            Self::WebDefacement => ("网页篡改事件", "網頁篡改事件", "web page defacement"),
            Self::HiddenLinkImplant => ("暗链植入事件", "暗鏈植入事件", "hidden link implant"),
            Self::DomainHijacking => ("域名劫持事件", "域名劫持事件", "domain name hijacking"),
            Self::DomainRedirection => ("域名转嫁事件", "域名轉嫁事件", "domain name redirection"),
            Self::DnsPoisoning => ("DNS污染事件", "DNS污染事件", "DNS poisoning"),
            Self::WlanHijacking => ("WLAN劫持事件", "WLAN劫持事件", "WLAN hijacking"),
            Self::TrafficHijacking => ("流量劫持事件", "流量劫持事件", "traffic hijacking"),
            Self::BgpHijacking => ("BGP劫持攻击事件", "BGP劫持攻擊事件", "BGP hijacking"),
            Self::BroadcastSpoofing => ("广播欺诈事件", "廣播欺詐事件", "broadcast spoofing"),
            Self::CompromisedHost => ("失陷主机事件", "失陷主機事件", "compromised host"),
            Self::SupplyChainAttack => ("供应链攻击事件", "供應鏈攻擊事件", "supply chain attack"),
            Self::AdvancedPersistentThreat => ("APT事件", "APT事件", "advanced persistent threat"),
            Self::OtherNetworkAttack => (
                "其他网络攻击事件",
                "其他網絡攻擊事件",
                "other network attack",
            ),
            Self::DataTampering => ("数据篡改事件", "數據篡改事件", "data tampering"),
            Self::DataCounterfeiting => ("数据假冒事件", "數據假冒事件", "data counterfeiting"),
            Self::DataLeak => ("数据泄露事件", "數據洩露事件", "data leak"),
            Self::SocialEngineering => ("社会工程事件", "社交工程事件", "social engineering"),
            Self::DataTheft => ("数据窃取事件", "數據竊取事件", "data theft"),
            Self::DataInterception => ("数据拦截事件", "數據攔截事件", "data interception"),
            Self::LocationDetection => ("位置检测事件", "位置偵測事件", "location detection"),
            Self::DataPoisoning => ("数据投毒事件", "數據投毒事件", "data poisoning"),
            Self::DataAbuse => ("数据滥用事件", "數據濫用事件", "data abuse"),
            Self::PrivacyInfringement => ("隐私侵犯事件", "私隱侵犯事件", "privacy infringement"),
            Self::DataLoss => ("数据损失事件", "數據損失事件", "data loss"),
            Self::OtherDataSecurity => (
                "其他数据安全事件",
                "其他數據安全事件",
                "other data security incident",
            ),
            Self::SubversivePropaganda => ("反动宣传事件", "反動宣傳事件", "subversive propaganda"),
            Self::TerrorismPromotion => (
                "暴恐宣扬事件",
                "暴恐宣揚事件",
                "promotion of terrorism or extremism",
            ),
            Self::Pornography => ("色情传播事件", "色情傳播事件", "spreading pornography"),
            Self::Disinformation => (
                "虚假信息传播事件",
                "虛假資訊傳播事件",
                "spreading false information",
            ),
            Self::RightsInfringement => (
                "权益侵害事件",
                "權益侵害事件",
                "infringement of rights and interests",
            ),
            Self::Spam => ("信息滥发事件", "資訊濫發事件", "spam"),
            Self::OnlineFraud => ("网络欺诈事件", "網絡欺詐事件", "online fraud"),
            Self::OtherInformationContent => (
                "其他信息内容安全事件",
                "其他資訊內容安全事件",
                "other information content incident",
            ),
            Self::TechnicalFailure => ("技术故障事件", "技術故障事件", "technical failure"),
            Self::SupportingFacilityFailure => (
                "配套设施故障事件",
                "配套設施故障事件",
                "supporting facility failure",
            ),
            Self::PhysicalDamage => ("物理损害事件", "物理損害事件", "physical damage"),
            Self::RadiationInterference => {
                ("辐射干扰事件", "輻射干擾事件", "radiation interference")
            }
            Self::OtherEquipmentFailure => (
                "其他设备设施故障事件",
                "其他設備設施故障事件",
                "other equipment or facility failure",
            ),
            Self::PrivilegeAbuse => ("权限滥用事件", "權限濫用事件", "abuse of privileges"),
            Self::PrivilegeForgery => ("权限伪造事件", "權限偽造事件", "forged privileges"),
            Self::Repudiation => ("行为抵赖事件", "行為抵賴事件", "repudiation of actions"),
            Self::DeliberateViolation => (
                "故意违规操作事件",
                "故意違規操作事件",
                "deliberate violation",
            ),
            Self::OperatorError => ("误操作事件", "誤操作事件", "operator error"),
            Self::StaffAvailabilityLoss => (
                "人员可用性破坏事件",
                "人員可用性破壞事件",
                "loss of staff availability",
            ),
            Self::UnauthorisedResourceUse => (
                "资源未授权使用事件",
                "資源未授權使用事件",
                "unauthorised use of resources",
            ),
            Self::OtherViolation => (
                "其他违规操作事件",
                "其他違規操作事件",
                "other violation of operating rules",
            ),
            Self::NetworkVulnerability => ("网络漏洞事件", "網絡漏洞事件", "network vulnerability"),
            Self::NonCompliantConfiguration => (
                "网络配置合规缺陷事件",
                "網絡配置合規缺陷事件",
                "non-compliant network configuration",
            ),
            Self::OtherSecurityHazard => (
                "其他安全隐患事件",
                "其他安全隱患事件",
                "other security hazard",
            ),
            Self::AbnormalAccess => ("访问异常事件", "訪問異常事件", "abnormal access"),
            Self::AbnormalTraffic => ("流量异常事件", "流量異常事件", "abnormal traffic"),
            Self::OtherAbnormalBehaviour => (
                "其他异常行为事件",
                "其他異常行為事件",
                "other abnormal behaviour",
            ),
            Self::NaturalDisaster => ("自然灾害事件", "自然災害事件", "natural disaster"),
            Self::AccidentDisaster => ("事故灾难事件", "事故災難事件", "accident or disaster"),
            Self::PublicHealth => ("公共卫生事件", "公共衞生事件", "public health emergency"),
            Self::SocialSecurity => ("社会安全事件", "社會安全事件", "public safety emergency"),
            Self::OtherForceMajeure => (
                "其他不可抗力事件",
                "其他不可抗力事件",
                "other force majeure",
            ),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}
