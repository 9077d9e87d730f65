//! Who a message is for, how it travels and what kind of message it is (what it must
//! contain is in the content vocabulary beside this file).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{tr, Label, Locale};

/// Who a message is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Audience {
    /// Customers whose data, accounts or funds were affected.
    AffectedCustomers,
    /// Every customer (a public notice on the website or app).
    AllCustomers,
    /// Supervisory and data-protection authorities.
    Regulators,
    /// Police and other law-enforcement agencies.
    LawEnforcement,
    /// Journalists and the public through the press.
    Media,
    /// Staff.
    Employees,
    /// Partners, suppliers and counterparties.
    Partners,
    /// The board and investors.
    BoardAndInvestors,
}

impl Audience {
    /// Every audience.
    pub const ALL: [Audience; 8] = [
        Self::AffectedCustomers,
        Self::AllCustomers,
        Self::Regulators,
        Self::LawEnforcement,
        Self::Media,
        Self::Employees,
        Self::Partners,
        Self::BoardAndInvestors,
    ];

    /// Customers, affected or all: the audiences of a public disclosure.
    pub fn is_customers(self) -> bool {
        matches!(self, Self::AffectedCustomers | Self::AllCustomers)
    }
}

/// How a message is delivered (the host sends it; the crate records that it was sent).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Channel {
    /// E-mail.
    Email,
    /// Text message.
    Sms,
    /// A message or banner inside the app.
    InApp,
    /// A notice on the website.
    WebsiteNotice,
    /// A telephone hotline.
    Hotline,
    /// Online customer-service chat.
    OnlineChat,
    /// Social media accounts.
    SocialMedia,
    /// A press release.
    PressRelease,
    /// A paper letter.
    Letter,
    /// A regulator's reporting portal.
    RegulatorPortal,
    /// A push notification to the firm's app: a title and a short body.
    AppPush,
    /// A WeChat Official Account template message: short fields, no markup.
    #[serde(rename = "wechat")]
    WeChat,
    /// A signed HTTP callback to a subscriber's system (a status-page webhook): machine to
    /// machine, so no person reads it as sent.
    Webhook,
}

impl Channel {
    /// Every channel, in declaration order.
    pub const ALL: [Self; 13] = [
        Self::Email,
        Self::Sms,
        Self::InApp,
        Self::WebsiteNotice,
        Self::Hotline,
        Self::OnlineChat,
        Self::SocialMedia,
        Self::PressRelease,
        Self::Letter,
        Self::RegulatorPortal,
        Self::AppPush,
        Self::WeChat,
        Self::Webhook,
    ];

    /// The stable snake_case name (as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "sms",
            Self::InApp => "in_app",
            Self::WebsiteNotice => "website_notice",
            Self::Hotline => "hotline",
            Self::OnlineChat => "online_chat",
            Self::SocialMedia => "social_media",
            Self::PressRelease => "press_release",
            Self::Letter => "letter",
            Self::RegulatorPortal => "regulator_portal",
            Self::AppPush => "app_push",
            Self::WeChat => "wechat",
            Self::Webhook => "webhook",
        }
    }
}

/// What a message is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MessageKind {
    /// The first notice that something happened.
    InitialNotice,
    /// A progress update.
    Update,
    /// A short statement for the media while facts are established.
    HoldingStatement,
    /// A report to a regulator.
    RegulatorReport,
    /// Guidance on protecting oneself from identity theft.
    IdentityTheftGuide,
    /// Frequently asked questions.
    Faq,
    /// The closing notice: what happened, what was done, what changes.
    ResolutionNotice,
    /// A satisfaction survey.
    Survey,
    /// A press release: the firm's full statement to the media, with an issue time and
    /// a media contact apart from the customer hotline.
    PressRelease,
    /// A briefing for staff: what happened, what to say and what not to, where to send
    /// questions from customers and journalists.
    StaffBriefing,
    /// The hotline script and agreed answers (口径) for customer-service agents.
    HotlineScript,
    /// The spokesperson's prepared questions and answers for the media.
    SpokespersonQa,
}

impl MessageKind {
    /// Every message kind.
    pub const ALL: [MessageKind; 12] = [
        Self::InitialNotice,
        Self::Update,
        Self::HoldingStatement,
        Self::RegulatorReport,
        Self::IdentityTheftGuide,
        Self::Faq,
        Self::ResolutionNotice,
        Self::Survey,
        Self::PressRelease,
        Self::StaffBriefing,
        Self::HotlineScript,
        Self::SpokespersonQa,
    ];
}

impl Label for Audience {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::AffectedCustomers => ("受影响客户", "受影響客戶", "affected customers"),
            Self::AllCustomers => ("全体客户", "全體客戶", "all customers"),
            Self::Regulators => ("监管机构", "監管機構", "regulators"),
            Self::LawEnforcement => ("执法机关", "執法機關", "law enforcement"),
            Self::Media => ("媒体", "傳媒", "media"),
            Self::Employees => ("员工", "員工", "employees"),
            Self::Partners => ("合作伙伴", "合作夥伴", "partners"),
            Self::BoardAndInvestors => ("董事会与投资者", "董事會與投資者", "board and investors"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

impl Label for Channel {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Email => ("电子邮件", "電郵", "email"),
            Self::Sms => ("短信", "短訊", "SMS"),
            Self::InApp => ("App 内消息", "App 內訊息", "in-app message"),
            Self::WebsiteNotice => ("官网公告", "網站公告", "website notice"),
            Self::Hotline => ("客服热线", "客戶服務熱線", "hotline"),
            Self::OnlineChat => ("在线客服", "網上客戶服務", "online chat"),
            Self::SocialMedia => (
                "官方社交媒体账号",
                "官方社交媒體賬戶",
                "social media accounts",
            ),
            Self::PressRelease => ("新闻稿", "新聞稿", "press release"),
            Self::Letter => ("信函", "信函", "letter"),
            Self::RegulatorPortal => ("监管报送系统", "監管報送系統", "regulator portal"),
            Self::AppPush => ("App 推送", "App 推送通知", "app push"),
            Self::WeChat => ("微信公众号", "微信公眾號", "WeChat"),
            Self::Webhook => ("Webhook 回调", "Webhook 回調", "webhook"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

impl Label for MessageKind {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::InitialNotice => ("首次通知", "首次通知", "initial notice"),
            Self::Update => ("进展更新", "進展更新", "update"),
            Self::HoldingStatement => ("临时声明", "臨時聲明", "holding statement"),
            Self::RegulatorReport => ("监管报告", "監管報告", "regulator report"),
            Self::IdentityTheftGuide => (
                "身份盗用防范指南",
                "身份盜用防範指南",
                "identity-theft guide",
            ),
            Self::Faq => ("常见问题", "常見問題", "FAQ"),
            Self::ResolutionNotice => ("处理结果通知", "處理結果通知", "resolution notice"),
            Self::Survey => ("满意度调查", "滿意度調查", "survey"),
            Self::PressRelease => ("新闻稿", "新聞稿", "press release"),
            Self::StaffBriefing => ("员工通报", "員工通報", "staff briefing"),
            Self::HotlineScript => ("客服应答口径", "客戶服務熱線應答指引", "hotline script"),
            Self::SpokespersonQa => (
                "新闻发言人问答口径",
                "新聞發言人問答指引",
                "spokesperson Q&A",
            ),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences_and_kinds_have_distinct_names_in_each_language() {
        crate::locale::assert_labels_distinct(&Audience::ALL);
        crate::locale::assert_labels_distinct(&MessageKind::ALL);
    }

    #[test]
    fn channels_have_distinct_names_in_each_language() {
        crate::locale::assert_labels_distinct(&Channel::ALL);
    }

    #[test]
    fn channel_names_are_the_json_names() {
        for c in Channel::ALL {
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::json!(c.as_str())
            );
        }
    }
}
