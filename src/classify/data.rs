use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{tr, Label, Locale};

/// A category of data exposed by the incident.
///
/// Finer than VERIS (`attribute.confidentiality.data.variety`), because notices and
/// compensation rules depend on the difference between, say, a phone number and a passport
/// scan. [`DataCategory::veris`] gives the VERIS 1.4 variety each one maps to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DataCategory {
    /// Name, date of birth and similar identifying details.
    BasicIdentity,
    /// Identity documents and national id numbers (passport, ID card, SSN).
    IdentityDocument,
    /// Phone numbers, e-mail and postal addresses.
    ContactDetails,
    /// Passwords, security questions, PINs.
    Credentials,
    /// One-time-password seeds, authenticator enrolments, SMS codes.
    MultiFactorCredential,
    /// Session tokens and cookies.
    SessionToken,
    /// Bank and brokerage account numbers and balances.
    FinancialAccount,
    /// Payment card numbers and card data.
    PaymentCard,
    /// Transaction, trading and payment history.
    TransactionHistory,
    /// Holdings of virtual currency and wallet keys.
    VirtualCurrency,
    /// Fingerprints, face images and other biometric templates.
    Biometric,
    /// Health and medical information.
    Health,
    /// Precise location history.
    Location,
    /// The firm's own internal or confidential business data.
    InternalBusiness,
    /// API keys, private keys and other system secrets.
    SystemSecrets,
    /// Source code.
    SourceCode,
    /// Anything else.
    Other,
}

impl DataCategory {
    /// Every category, in declaration order.
    pub const ALL: [DataCategory; 17] = [
        Self::BasicIdentity,
        Self::IdentityDocument,
        Self::ContactDetails,
        Self::Credentials,
        Self::MultiFactorCredential,
        Self::SessionToken,
        Self::FinancialAccount,
        Self::PaymentCard,
        Self::TransactionHistory,
        Self::VirtualCurrency,
        Self::Biometric,
        Self::Health,
        Self::Location,
        Self::InternalBusiness,
        Self::SystemSecrets,
        Self::SourceCode,
        Self::Other,
    ];

    /// The VERIS 1.4 data variety (`attribute.confidentiality.data[].variety`) this maps to.
    pub const fn veris(self) -> &'static str {
        match self {
            Self::BasicIdentity | Self::ContactDetails | Self::Location => "Personal",
            Self::IdentityDocument | Self::Biometric => "Sensitive Personal",
            Self::Credentials => "Credentials",
            Self::MultiFactorCredential => "Multi-factor credential",
            Self::SessionToken => "Session key",
            Self::FinancialAccount | Self::TransactionHistory => "Bank",
            Self::PaymentCard => "Payment",
            Self::VirtualCurrency => "Virtual currency",
            Self::Health => "Medical",
            Self::InternalBusiness => "Internal",
            Self::SystemSecrets => "Secrets",
            Self::SourceCode => "Source code",
            Self::Other => "Other",
        }
    }

    /// Whether exposure lets someone impersonate the customer or move their money; the
    /// default severity rule and compensation policies treat these as sensitive.
    pub const fn is_sensitive(self) -> bool {
        matches!(
            self,
            Self::IdentityDocument
                | Self::Credentials
                | Self::MultiFactorCredential
                | Self::SessionToken
                | Self::FinancialAccount
                | Self::PaymentCard
                | Self::VirtualCurrency
                | Self::Biometric
                | Self::Health
        )
    }

    /// Whether the category is information about an identified or identifiable person
    /// (GDPR Art. 4(1), PIPL Art. 4): everything except the firm's own business data,
    /// secrets and code. `Other` counts as personal, the conservative reading when the
    /// category is not known.
    pub const fn is_personal(self) -> bool {
        !matches!(
            self,
            Self::InternalBusiness | Self::SystemSecrets | Self::SourceCode
        )
    }
}

/// The names notices print: what a customer recognises as theirs ("身份证件信息",
/// "identity document numbers"), finer than the VERIS variety.
impl Label for DataCategory {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::BasicIdentity => (
                "姓名等基本身份信息",
                "姓名等基本身份資料",
                "basic identity details (name, date of birth)",
            ),
            Self::IdentityDocument => (
                "身份证件信息",
                "身份證明文件資料",
                "identity document numbers",
            ),
            Self::ContactDetails => ("联系方式", "聯絡方法", "contact details"),
            Self::Credentials => (
                "登录密码等账户凭证",
                "登入密碼等賬戶憑證",
                "login credentials (passwords, PINs)",
            ),
            Self::MultiFactorCredential => (
                "二次验证凭证",
                "雙重認證憑證",
                "two-factor authentication credentials",
            ),
            Self::SessionToken => ("登录会话凭证", "登入會話憑證", "login session tokens"),
            Self::FinancialAccount => (
                "银行及证券账户信息",
                "銀行及證券賬戶資料",
                "bank or brokerage account details",
            ),
            Self::PaymentCard => ("银行卡信息", "銀行卡資料", "payment card details"),
            Self::TransactionHistory => ("交易记录", "交易記錄", "transaction history"),
            Self::VirtualCurrency => (
                "虚拟货币资产信息",
                "虛擬資產資料",
                "virtual currency holdings",
            ),
            Self::Biometric => ("生物识别信息", "生物識別資料", "biometric data"),
            Self::Health => ("健康信息", "健康資料", "health information"),
            Self::Location => ("位置信息", "位置資料", "location history"),
            Self::InternalBusiness => (
                "公司内部业务数据",
                "公司內部業務資料",
                "internal business data",
            ),
            Self::SystemSecrets => ("系统密钥", "系統密鑰", "system secrets (keys, tokens)"),
            Self::SourceCode => ("源代码", "原始碼", "source code"),
            Self::Other => ("其他信息", "其他資料", "other information"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_a_distinct_name_in_each_language() {
        crate::locale::assert_labels_distinct(&DataCategory::ALL);
    }
}
