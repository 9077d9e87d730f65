use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
}

impl MessageKind {
    /// Every message kind.
    pub const ALL: [MessageKind; 8] = [
        Self::InitialNotice,
        Self::Update,
        Self::HoldingStatement,
        Self::RegulatorReport,
        Self::IdentityTheftGuide,
        Self::Faq,
        Self::ResolutionNotice,
        Self::Survey,
    ];
}

/// A piece of content a message may be required to carry.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContentElement {
    /// When the incident happened.
    OccurredAt,
    /// How it was discovered.
    HowDiscovered,
    /// Who and what is affected.
    AffectedScope,
    /// Which categories of data were exposed.
    DataCategories,
    /// What the firm has done about it.
    MeasuresTaken,
    /// What the firm is changing so that it does not happen again.
    SecurityImprovements,
    /// What the recipient should do.
    WhatToDo,
    /// What compensation is offered.
    CompensationOffer,
    /// How to reach the firm (hotline, chat, e-mail).
    ContactPoints,
    /// When the next update will come.
    NextUpdateTime,
    /// An apology.
    Apology,
}

impl ContentElement {
    /// The stable snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OccurredAt => "occurred_at",
            Self::HowDiscovered => "how_discovered",
            Self::AffectedScope => "affected_scope",
            Self::DataCategories => "data_categories",
            Self::MeasuresTaken => "measures_taken",
            Self::SecurityImprovements => "security_improvements",
            Self::WhatToDo => "what_to_do",
            Self::CompensationOffer => "compensation_offer",
            Self::ContactPoints => "contact_points",
            Self::NextUpdateTime => "next_update_time",
            Self::Apology => "apology",
        }
    }
}

impl std::fmt::Display for ContentElement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
