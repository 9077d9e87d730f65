use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{tr, Label, Locale};

/// A kind of asset the incident touched, typed so that a VERIS export can name it
/// ([`AssetKind::veris`]) instead of writing `Unknown`. The affected systems' own names stay
/// in [`Impact::systems`](super::Impact::systems); this says what sort of thing they are.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AssetKind {
    /// A customer-facing web or mobile application (online banking, trading app).
    WebApplication,
    /// A database.
    Database,
    /// Authentication or identity service (login, SSO, MFA).
    Authentication,
    /// A payment switch or payment gateway.
    PaymentSwitch,
    /// A mail server.
    MailServer,
    /// Any other server.
    OtherServer,
    /// Network equipment (router, switch, firewall).
    NetworkDevice,
    /// A staff desktop or laptop.
    EmployeeComputer,
    /// A mobile phone (a customer's, in a SIM swap; staff's otherwise).
    MobilePhone,
    /// An ATM.
    Atm,
    /// Paper documents.
    Documents,
    /// Customers themselves, as targets (phishing, social engineering).
    Customer,
    /// Staff themselves, as targets.
    Employee,
}

impl AssetKind {
    /// Every asset kind, in declaration order.
    pub const ALL: [AssetKind; 13] = [
        Self::WebApplication,
        Self::Database,
        Self::Authentication,
        Self::PaymentSwitch,
        Self::MailServer,
        Self::OtherServer,
        Self::NetworkDevice,
        Self::EmployeeComputer,
        Self::MobilePhone,
        Self::Atm,
        Self::Documents,
        Self::Customer,
        Self::Employee,
    ];

    /// The VERIS 1.4 `asset.assets[].variety`.
    pub const fn veris(self) -> &'static str {
        match self {
            Self::WebApplication => "S - Web application",
            Self::Database => "S - Database",
            Self::Authentication => "S - Authentication",
            Self::PaymentSwitch => "S - Payment switch",
            Self::MailServer => "S - Mail",
            Self::OtherServer => "S - Other",
            Self::NetworkDevice => "N - Router or switch",
            Self::EmployeeComputer => "U - Desktop or laptop",
            Self::MobilePhone => "U - Mobile phone",
            Self::Atm => "T - ATM",
            Self::Documents => "M - Documents",
            Self::Customer => "P - Customer",
            Self::Employee => "P - End-user or employee",
        }
    }
}

impl Label for AssetKind {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::WebApplication => ("网站或应用", "網站或應用程式", "web or mobile application"),
            Self::Database => ("数据库", "資料庫", "database"),
            Self::Authentication => ("认证服务", "認證服務", "authentication service"),
            Self::PaymentSwitch => ("支付系统", "支付系統", "payment switch"),
            Self::MailServer => ("邮件服务器", "郵件伺服器", "mail server"),
            Self::OtherServer => ("其他服务器", "其他伺服器", "other server"),
            Self::NetworkDevice => ("网络设备", "網絡設備", "network device"),
            Self::EmployeeComputer => ("员工电脑", "員工電腦", "staff computer"),
            Self::MobilePhone => ("手机", "手機", "mobile phone"),
            Self::Atm => ("自动柜员机", "自動櫃員機", "ATM"),
            Self::Documents => ("纸质文件", "紙本文件", "paper documents"),
            Self::Customer => ("客户", "客戶", "customers"),
            Self::Employee => ("员工", "員工", "staff"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_has_a_distinct_name_in_each_language() {
        crate::locale::assert_labels_distinct(&AssetKind::ALL);
        let veris: std::collections::BTreeSet<_> =
            AssetKind::ALL.iter().map(|a| a.veris()).collect();
        assert_eq!(veris.len(), AssetKind::ALL.len());
    }
}
