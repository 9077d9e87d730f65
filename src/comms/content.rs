//! The content vocabulary: what a message may be required to carry, and the fact keys that
//! carry it.
//!
//! Two things are named here, and each concept once:
//!
//! - A [`ContentElement`] is a *requirement*: "an initial notice says how the incident was
//!   found". The list of elements is the list of things a message can be required to say;
//!   each element names the one [well-known key](ContentElement::key) whose fact says it.
//! - A [`WellKnownKey`] *names a fact* that templates refer to (`{{how_discovered}}`) and
//!   fact sheets hold. The keys are the twenty-three element keys, plus eight that say
//!   something no rule requires: who is speaking and under which reference (`firm_name`,
//!   `incident_reference`), when the firm found out (`detected_at`), how many people are
//!   affected (`people_affected`, which also counts as the affected scope), for
//!   supervisors the money involved as an amount (`funds_involved`), the link a short
//!   variant gives to the full notice (`details_url`), and a securities firm's answers on
//!   frozen accounts and sold positions (`account_unfreeze`, `positions_restored`).
//!   [`WellKnownKey::element`] is derived from [`ContentElement::key`], so the two cannot
//!   drift apart again.
//!
//! They stay two types because they are stored apart under frozen names: elements in notice
//! drafts, element rules and facts (`"element": "next_update_time"`), keys in facts and
//! templates (`"key": "next_update_at"`). That pair is the one place where an element and
//! its key are spelled differently; every other element's key is spelled as the element.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Fact, FactValue, Sensitivity, ValueKind};
use crate::id::FactKey;
use crate::locale::{tr, Label, Locale};

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
    /// How much money was taken, from how many accounts: required of customer notices
    /// whenever funds were taken (the first seed's theft case).
    FundsTaken,
    /// The cause, once the investigation has confirmed one ("公布调查结果", the securities
    /// playbook).
    RootCause,
    /// The named person or team answering for the customer's case ("建立专人负责", the
    /// securities playbook's third rule).
    CaseOwner,
    /// Where a customer can complain beyond the firm (the supervisors' hotlines).
    ComplaintChannels,
    /// What has changed since the previous update.
    SinceLastUpdate,
    /// When the document is issued: the date line of a 公告, the time stamp of a press
    /// statement.
    IssuedAt,
    /// The press office, apart from the customer hotline.
    MediaContact,
    /// The incident's grade and the basis for it (a report to a supervisor).
    IncidentGrade,
    /// How the incident is developing and what further impact is likely.
    TrendAndImpact,
    /// What was done to preserve the scene and the evidence.
    ScenePreservation,
    /// What support the firm asks the supervisor or the police for.
    SupportNeeded,
    /// Who reports: name, title and telephone.
    Reporter,
}

impl ContentElement {
    /// Every element, in declaration order.
    pub const ALL: [ContentElement; 23] = [
        Self::OccurredAt,
        Self::HowDiscovered,
        Self::AffectedScope,
        Self::DataCategories,
        Self::MeasuresTaken,
        Self::SecurityImprovements,
        Self::WhatToDo,
        Self::CompensationOffer,
        Self::ContactPoints,
        Self::NextUpdateTime,
        Self::Apology,
        Self::FundsTaken,
        Self::RootCause,
        Self::CaseOwner,
        Self::ComplaintChannels,
        Self::SinceLastUpdate,
        Self::IssuedAt,
        Self::MediaContact,
        Self::IncidentGrade,
        Self::TrendAndImpact,
        Self::ScenePreservation,
        Self::SupportNeeded,
        Self::Reporter,
    ];

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
            Self::FundsTaken => "funds_taken",
            Self::RootCause => "root_cause",
            Self::CaseOwner => "case_owner",
            Self::ComplaintChannels => "complaint_channels",
            Self::SinceLastUpdate => "since_last_update",
            Self::IssuedAt => "issued_at",
            Self::MediaContact => "media_contact",
            Self::IncidentGrade => "incident_grade",
            Self::TrendAndImpact => "trend_and_impact",
            Self::ScenePreservation => "scene_preservation",
            Self::SupportNeeded => "support_needed",
            Self::Reporter => "reporter",
        }
    }

    /// The well-known key whose fact provides this element: the placeholder a template
    /// writes to carry it (`{{next_update_at}}` for [`ContentElement::NextUpdateTime`]).
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{ContentElement, WellKnownKey};
    /// assert_eq!(ContentElement::NextUpdateTime.key(), WellKnownKey::NextUpdateAt);
    /// assert_eq!(ContentElement::NextUpdateTime.key().element(), Some(ContentElement::NextUpdateTime));
    /// ```
    pub const fn key(self) -> WellKnownKey {
        match self {
            Self::OccurredAt => WellKnownKey::OccurredAt,
            Self::HowDiscovered => WellKnownKey::HowDiscovered,
            Self::AffectedScope => WellKnownKey::AffectedScope,
            Self::DataCategories => WellKnownKey::DataCategories,
            Self::MeasuresTaken => WellKnownKey::MeasuresTaken,
            Self::SecurityImprovements => WellKnownKey::SecurityImprovements,
            Self::WhatToDo => WellKnownKey::WhatToDo,
            Self::CompensationOffer => WellKnownKey::CompensationOffer,
            Self::ContactPoints => WellKnownKey::ContactPoints,
            Self::NextUpdateTime => WellKnownKey::NextUpdateAt,
            Self::Apology => WellKnownKey::Apology,
            Self::FundsTaken => WellKnownKey::FundsTaken,
            Self::RootCause => WellKnownKey::RootCause,
            Self::CaseOwner => WellKnownKey::CaseOwner,
            Self::ComplaintChannels => WellKnownKey::ComplaintChannels,
            Self::SinceLastUpdate => WellKnownKey::SinceLastUpdate,
            Self::IssuedAt => WellKnownKey::IssuedAt,
            Self::MediaContact => WellKnownKey::MediaContact,
            Self::IncidentGrade => WellKnownKey::IncidentGrade,
            Self::TrendAndImpact => WellKnownKey::TrendAndImpact,
            Self::ScenePreservation => WellKnownKey::ScenePreservation,
            Self::SupportNeeded => WellKnownKey::SupportNeeded,
            Self::Reporter => WellKnownKey::Reporter,
        }
    }
}

impl fmt::Display for ContentElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a reader is told is missing ("缺少的必备内容: 联系方式").
impl Label for ContentElement {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::OccurredAt => ("发生时间", "發生時間", "when it happened"),
            Self::HowDiscovered => ("发现经过", "發現經過", "how it was discovered"),
            Self::AffectedScope => ("影响范围", "影響範圍", "who and what is affected"),
            Self::DataCategories => ("涉及的数据类型", "涉及的資料類型", "the data involved"),
            Self::MeasuresTaken => ("已采取的措施", "已採取的措施", "measures taken"),
            Self::SecurityImprovements => ("安全改进", "安全改進", "security improvements"),
            Self::WhatToDo => (
                "客户应采取的行动",
                "客戶應採取的行動",
                "what readers should do",
            ),
            Self::CompensationOffer => ("补偿方案", "補償方案", "the compensation offer"),
            Self::ContactPoints => ("联系方式", "聯絡方法", "contact points"),
            Self::NextUpdateTime => ("下次更新时间", "下次更新時間", "the next update time"),
            Self::Apology => ("致歉", "致歉", "an apology"),
            Self::FundsTaken => ("被盗转资金情况", "被盜轉資金情況", "the funds taken"),
            Self::RootCause => ("事件原因", "事件原因", "the cause"),
            Self::CaseOwner => ("专人负责", "專人負責", "the named case owner"),
            Self::ComplaintChannels => ("投诉渠道", "投訴渠道", "complaint channels"),
            Self::SinceLastUpdate => (
                "上次通报以来的进展",
                "上次通報以來的進展",
                "what has changed since the last update",
            ),
            Self::IssuedAt => ("发布时间", "發佈時間", "the issue time"),
            Self::MediaContact => ("媒体联系方式", "傳媒聯絡方法", "the media contact"),
            Self::IncidentGrade => (
                "事件级别及研判依据",
                "事件級別及評估依據",
                "the incident grade and its basis",
            ),
            Self::TrendAndImpact => (
                "事态发展趋势及可能造成的影响",
                "事態發展趨勢及可能造成的影響",
                "the trend and likely further impact",
            ),
            Self::ScenePreservation => (
                "现场保护情况",
                "現場保護情況",
                "how the scene and evidence were preserved",
            ),
            Self::SupportNeeded => ("需要支持的事项", "需要支持的事項", "the support needed"),
            Self::Reporter => (
                "报告人及联系电话",
                "報告人及聯絡電話",
                "the reporter's name, title and telephone",
            ),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// A fact key every [`TemplateSet`](crate::comms::TemplateSet) knows without being told. Hosts
/// add their own keys (`ioc.c2_address`, `hotline_hours`) with
/// [`TemplateSet::declare_fact_key`](crate::comms::TemplateSet::declare_fact_key).
///
/// The label is only a default, used by [`WellKnownKey::fact`]: the label on the fact in
/// the sheet is what rendering enforces.
///
/// | key | value | default label | element it provides |
/// |---|---|---|---|
/// | `incident_reference` | literal | public | – |
/// | `firm_name` | literal or text | public | – |
/// | `occurred_at` | time | public | [`OccurredAt`](ContentElement::OccurredAt) |
/// | `detected_at` | time | public | – (how it was found is `how_discovered`) |
/// | `how_discovered` | text | customers | [`HowDiscovered`](ContentElement::HowDiscovered) |
/// | `affected_scope` | text | public | [`AffectedScope`](ContentElement::AffectedScope) |
/// | `people_affected` | count | public | [`AffectedScope`](ContentElement::AffectedScope) |
/// | `data_categories` | data categories | public | [`DataCategories`](ContentElement::DataCategories) |
/// | `measures_taken` | text | public | [`MeasuresTaken`](ContentElement::MeasuresTaken) |
/// | `security_improvements` | text | public | [`SecurityImprovements`](ContentElement::SecurityImprovements) |
/// | `what_to_do` | text | public | [`WhatToDo`](ContentElement::WhatToDo) |
/// | `compensation_offer` | text | customers | [`CompensationOffer`](ContentElement::CompensationOffer) |
/// | `contact_points` | text or literal | public | [`ContactPoints`](ContentElement::ContactPoints) |
/// | `next_update_at` | time | public | [`NextUpdateTime`](ContentElement::NextUpdateTime) |
/// | `apology` | text | public | [`Apology`](ContentElement::Apology) |
/// | `root_cause` | text | restricted | [`RootCause`](ContentElement::RootCause) |
/// | `funds_involved` | amount | restricted | – |
/// | `funds_taken` | text or amount | customers | [`FundsTaken`](ContentElement::FundsTaken) |
/// | `case_owner` | text | customers | [`CaseOwner`](ContentElement::CaseOwner) |
/// | `complaint_channels` | text | public | [`ComplaintChannels`](ContentElement::ComplaintChannels) |
/// | `since_last_update` | text | public | [`SinceLastUpdate`](ContentElement::SinceLastUpdate) |
/// | `issued_at` | time | public | [`IssuedAt`](ContentElement::IssuedAt) |
/// | `media_contact` | text | public | [`MediaContact`](ContentElement::MediaContact) |
/// | `incident_grade` | text or literal | restricted | [`IncidentGrade`](ContentElement::IncidentGrade) |
/// | `trend_and_impact` | text | restricted | [`TrendAndImpact`](ContentElement::TrendAndImpact) |
/// | `scene_preservation` | text | restricted | [`ScenePreservation`](ContentElement::ScenePreservation) |
/// | `support_needed` | text | restricted | [`SupportNeeded`](ContentElement::SupportNeeded) |
/// | `reporter` | text | restricted | [`Reporter`](ContentElement::Reporter) |
/// | `account_unfreeze` | text | customers | – (the securities FAQ: how a frozen account is released) |
/// | `positions_restored` | text | customers | – (the securities FAQ: what happens to positions sold) |
/// | `details_url` | literal | public | – (the link a short SMS, push or WeChat variant gives to the full notice) |
///
/// How the incident was found, what is offered in compensation, the money taken and the
/// named case owner default to customers only: the press gets none of them until the firm
/// decides so. The cause, the money involved as an amount and the supervisor's report
/// fields (grade, trend, scene, support, reporter) default to restricted (supervisors,
/// police, board) while the investigation runs; once the cause is confirmed, relabel it to
/// tell customers (the resolution notice then requires it).
///
/// # Examples
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident::comms::{ContentElement, FactValue, Sensitivity, WellKnownKey};
///
/// let at = Utc.with_ymd_and_hms(2026, 3, 13, 14, 47, 0).unwrap();
/// let fact = WellKnownKey::OccurredAt.fact(FactValue::Time { at });
/// assert_eq!(fact.key.as_str(), "occurred_at");
/// assert_eq!(fact.sensitivity, Sensitivity::Public);
/// assert_eq!(fact.element, Some(ContentElement::OccurredAt));
/// assert_eq!(WellKnownKey::from_key("root_cause"), Some(WellKnownKey::RootCause));
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WellKnownKey {
    /// `incident_reference`: the reference customers quote when they call.
    IncidentReference,
    /// `firm_name`: who is speaking.
    FirmName,
    /// `occurred_at`: [`ContentElement::OccurredAt`] (or when it began).
    OccurredAt,
    /// `detected_at`: when the firm found out.
    DetectedAt,
    /// `how_discovered`: [`ContentElement::HowDiscovered`].
    HowDiscovered,
    /// `affected_scope`: [`ContentElement::AffectedScope`], in words.
    AffectedScope,
    /// `people_affected`: how many people are affected; also provides
    /// [`ContentElement::AffectedScope`].
    PeopleAffected,
    /// `data_categories`: [`ContentElement::DataCategories`].
    DataCategories,
    /// `measures_taken`: [`ContentElement::MeasuresTaken`].
    MeasuresTaken,
    /// `security_improvements`: [`ContentElement::SecurityImprovements`].
    SecurityImprovements,
    /// `what_to_do`: [`ContentElement::WhatToDo`].
    WhatToDo,
    /// `compensation_offer`: [`ContentElement::CompensationOffer`].
    CompensationOffer,
    /// `contact_points`: [`ContentElement::ContactPoints`].
    ContactPoints,
    /// `next_update_at`: [`ContentElement::NextUpdateTime`].
    NextUpdateAt,
    /// `apology`: [`ContentElement::Apology`].
    Apology,
    /// `root_cause`: the cause as far as it is known.
    RootCause,
    /// `funds_involved`: the money stolen or at risk.
    FundsInvolved,
    /// `funds_taken`: [`ContentElement::FundsTaken`], as customers are told it.
    FundsTaken,
    /// `case_owner`: [`ContentElement::CaseOwner`].
    CaseOwner,
    /// `complaint_channels`: [`ContentElement::ComplaintChannels`].
    ComplaintChannels,
    /// `since_last_update`: [`ContentElement::SinceLastUpdate`].
    SinceLastUpdate,
    /// `issued_at`: [`ContentElement::IssuedAt`].
    IssuedAt,
    /// `media_contact`: [`ContentElement::MediaContact`].
    MediaContact,
    /// `incident_grade`: [`ContentElement::IncidentGrade`].
    IncidentGrade,
    /// `trend_and_impact`: [`ContentElement::TrendAndImpact`].
    TrendAndImpact,
    /// `scene_preservation`: [`ContentElement::ScenePreservation`].
    ScenePreservation,
    /// `support_needed`: [`ContentElement::SupportNeeded`].
    SupportNeeded,
    /// `reporter`: [`ContentElement::Reporter`].
    Reporter,
    /// `account_unfreeze`: how a client whose account was frozen for their protection gets
    /// it back (a securities firm's FAQ).
    AccountUnfreeze,
    /// `positions_restored`: what happens to positions sold without the client's consent
    /// (a securities firm's FAQ).
    PositionsRestored,
    /// `details_url`: where the full notice is published (the firm's own site or app). A
    /// short channel variant links to it, after a label such as `详情：` or `Details: `;
    /// it is never a link to "verify" an account.
    DetailsUrl,
}

impl WellKnownKey {
    /// Every well-known key, in the order of the table above.
    pub const ALL: [WellKnownKey; 31] = [
        Self::IncidentReference,
        Self::FirmName,
        Self::OccurredAt,
        Self::DetectedAt,
        Self::HowDiscovered,
        Self::AffectedScope,
        Self::PeopleAffected,
        Self::DataCategories,
        Self::MeasuresTaken,
        Self::SecurityImprovements,
        Self::WhatToDo,
        Self::CompensationOffer,
        Self::ContactPoints,
        Self::NextUpdateAt,
        Self::Apology,
        Self::RootCause,
        Self::FundsInvolved,
        Self::FundsTaken,
        Self::CaseOwner,
        Self::ComplaintChannels,
        Self::SinceLastUpdate,
        Self::IssuedAt,
        Self::MediaContact,
        Self::IncidentGrade,
        Self::TrendAndImpact,
        Self::ScenePreservation,
        Self::SupportNeeded,
        Self::Reporter,
        Self::DetailsUrl,
        Self::AccountUnfreeze,
        Self::PositionsRestored,
    ];

    /// The key as templates write it, e.g. `occurred_at`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::IncidentReference => "incident_reference",
            Self::FirmName => "firm_name",
            Self::OccurredAt => "occurred_at",
            Self::DetectedAt => "detected_at",
            Self::HowDiscovered => "how_discovered",
            Self::AffectedScope => "affected_scope",
            Self::PeopleAffected => "people_affected",
            Self::DataCategories => "data_categories",
            Self::MeasuresTaken => "measures_taken",
            Self::SecurityImprovements => "security_improvements",
            Self::WhatToDo => "what_to_do",
            Self::CompensationOffer => "compensation_offer",
            Self::ContactPoints => "contact_points",
            Self::NextUpdateAt => "next_update_at",
            Self::Apology => "apology",
            Self::RootCause => "root_cause",
            Self::FundsInvolved => "funds_involved",
            Self::FundsTaken => "funds_taken",
            Self::CaseOwner => "case_owner",
            Self::ComplaintChannels => "complaint_channels",
            Self::SinceLastUpdate => "since_last_update",
            Self::IssuedAt => "issued_at",
            Self::MediaContact => "media_contact",
            Self::IncidentGrade => "incident_grade",
            Self::TrendAndImpact => "trend_and_impact",
            Self::ScenePreservation => "scene_preservation",
            Self::SupportNeeded => "support_needed",
            Self::Reporter => "reporter",
            Self::DetailsUrl => "details_url",
            Self::AccountUnfreeze => "account_unfreeze",
            Self::PositionsRestored => "positions_restored",
        }
    }

    /// The well-known key spelled `key`, if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// The key as a [`FactKey`].
    pub fn key(self) -> FactKey {
        FactKey::from_static(self.as_str())
    }

    /// The required content element a placeholder for this key provides: the element whose
    /// [`key`](ContentElement::key) this is; for `people_affected` the affected scope (a
    /// count says who is affected as well as words do); `None` for the context keys.
    pub fn element(self) -> Option<ContentElement> {
        match self {
            Self::PeopleAffected => Some(ContentElement::AffectedScope),
            _ => ContentElement::ALL.into_iter().find(|e| e.key() == self),
        }
    }

    /// The label a fact with this key gets from [`WellKnownKey::fact`].
    pub const fn sensitivity(self) -> Sensitivity {
        match self {
            Self::HowDiscovered | Self::CompensationOffer | Self::FundsTaken | Self::CaseOwner => {
                Sensitivity::Customers
            }
            Self::RootCause
            | Self::FundsInvolved
            | Self::IncidentGrade
            | Self::TrendAndImpact
            | Self::ScenePreservation
            | Self::SupportNeeded
            | Self::Reporter => Sensitivity::Restricted,
            _ => Sensitivity::Public,
        }
    }

    /// The value shapes the built-in templates are written for (the first is the usual
    /// one). Any shape renders; another may read oddly in the built-in wording.
    pub const fn value_kinds(self) -> &'static [ValueKind] {
        match self {
            Self::IncidentReference | Self::DetailsUrl => &[ValueKind::Literal],
            Self::FirmName => &[ValueKind::Literal, ValueKind::Text],
            Self::OccurredAt | Self::DetectedAt | Self::NextUpdateAt | Self::IssuedAt => {
                &[ValueKind::Time]
            }
            Self::FundsTaken => &[ValueKind::Text, ValueKind::Amount],
            Self::IncidentGrade => &[ValueKind::Text, ValueKind::Literal],
            Self::PeopleAffected => &[ValueKind::Count],
            Self::DataCategories => &[ValueKind::DataCategories],
            Self::FundsInvolved => &[ValueKind::Amount],
            Self::ContactPoints => &[ValueKind::Text, ValueKind::Literal],
            Self::HowDiscovered
            | Self::AffectedScope
            | Self::MeasuresTaken
            | Self::SecurityImprovements
            | Self::WhatToDo
            | Self::CompensationOffer
            | Self::Apology
            | Self::RootCause
            | Self::CaseOwner
            | Self::ComplaintChannels
            | Self::SinceLastUpdate
            | Self::MediaContact
            | Self::TrendAndImpact
            | Self::ScenePreservation
            | Self::SupportNeeded
            | Self::Reporter
            | Self::AccountUnfreeze
            | Self::PositionsRestored => &[ValueKind::Text],
        }
    }

    /// A fact with this key, its default label and element.
    pub fn fact(self, value: FactValue) -> Fact {
        Fact {
            key: self.key(),
            value,
            sensitivity: self.sensitivity(),
            element: self.element(),
        }
    }
}

impl fmt::Display for WellKnownKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_valid_unique_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for k in WellKnownKey::ALL {
            assert!(seen.insert(k.as_str()), "{k}");
            assert_eq!(FactKey::new(k.as_str()).unwrap(), k.key());
            assert_eq!(WellKnownKey::from_key(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::json!(k.as_str())
            );
            assert!(!k.value_kinds().is_empty());
        }
        assert_eq!(WellKnownKey::from_key("ioc.c2_address"), None);
    }

    #[test]
    fn every_element_has_its_own_key_spelled_like_it_but_one() {
        for e in ContentElement::ALL {
            assert_eq!(e.key().element(), Some(e), "{e}");
            assert_eq!(
                serde_json::to_value(e).unwrap(),
                serde_json::json!(e.as_str())
            );
            // The stored names of the next-update element and key differ; no other pair may.
            if e != ContentElement::NextUpdateTime {
                assert_eq!(e.key().as_str(), e.as_str());
            }
        }
        let context: Vec<_> = WellKnownKey::ALL
            .into_iter()
            .filter(|k| k.element().is_none())
            .collect();
        use WellKnownKey::*;
        assert_eq!(
            context,
            [
                IncidentReference,
                FirmName,
                DetectedAt,
                FundsInvolved,
                DetailsUrl,
                AccountUnfreeze,
                PositionsRestored
            ]
        );
        assert_eq!(
            PeopleAffected.element(),
            Some(ContentElement::AffectedScope)
        );
    }

    #[test]
    fn every_element_has_a_distinct_name_in_each_language() {
        crate::locale::assert_labels_distinct(&ContentElement::ALL);
    }
}
