//! The status page's own words: headings and sentences no other document prints. Names of
//! the crate's enums (phases, message kinds, content elements, component statuses) come
//! from their [`Label`](crate::locale::Label)s; times, counts and lists from the locale.

use crate::locale::{tr, Locale};
use crate::Phase;

/// A phrase of the page, in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Words {
    /// The heading before any update gives a subject.
    DefaultTitle,
    /// "Current status".
    CurrentStatus,
    /// "Since" before the time the phase was entered.
    Since,
    /// "What you need to know".
    Summary,
    /// "People affected".
    PeopleAffected,
    /// A fact not (yet) published.
    NotYetPublished,
    /// An update whose text cannot be shown in this language.
    UpdateUnavailable,
    /// "Service status".
    Components,
    /// "Scheduled maintenance".
    Maintenance,
    /// No maintenance scheduled.
    NoMaintenance,
    /// "to" between two times.
    To,
    /// "Updates".
    Updates,
    /// The correction badge (更正公告).
    Correction,
    /// "This corrects".
    Corrects,
    /// "Last updated".
    LastUpdated,
    /// "Other languages".
    OtherLanguages,
    /// The feed link.
    Feed,
    /// The list of incidents.
    Incidents,
    /// No incident published.
    NoIncidents,
    /// The link to the next page of the incident list.
    OlderIncidents,
    /// An opening parenthesis with its spacing.
    OpenParen,
    /// A closing parenthesis.
    CloseParen,
    /// A colon with its spacing.
    Colon,
}

impl Words {
    pub(super) fn get(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::DefaultTitle => ("安全事件公告", "安全事件公告", "Security incident notice"),
            Self::CurrentStatus => ("当前状态", "目前狀態", "Current status"),
            Self::Since => ("自", "自", "since"),
            Self::Summary => (
                "您需要了解的情况",
                "您需要了解的情況",
                "What you need to know",
            ),
            Self::PeopleAffected => ("受影响人数", "受影響人數", "People affected"),
            Self::NotYetPublished => ("尚未公布", "尚未公佈", "not yet published"),
            Self::UpdateUnavailable => (
                "本条公告暂无简体中文版本，请查看其他语言版本。",
                "此公告暫無繁體中文版本，請查看其他語言版本。",
                "This update is not available in English; please see the other languages.",
            ),
            Self::Components => ("服务状态", "服務狀態", "Service status"),
            Self::Maintenance => ("计划维护", "預定維護", "Scheduled maintenance"),
            Self::NoMaintenance => (
                "暂无计划维护。",
                "暫無預定維護。",
                "No maintenance is scheduled.",
            ),
            Self::To => ("至", "至", "to"),
            Self::Updates => ("公告与进展", "公告及進展", "Updates"),
            Self::Correction => ("更正公告", "更正公告", "Correction"),
            Self::Corrects => ("本公告更正：", "本公告更正：", "This corrects: "),
            Self::LastUpdated => ("最后更新：", "最後更新：", "Last updated: "),
            Self::OtherLanguages => ("其他语言", "其他語言", "Other languages"),
            Self::Feed => (
                "订阅更新（Atom）",
                "訂閱更新（Atom）",
                "Follow updates (Atom feed)",
            ),
            Self::Incidents => ("事件公告", "事件公告", "Incident notices"),
            Self::OpenParen => ("（", "（", " ("),
            Self::CloseParen => ("）", "）", ")"),
            Self::Colon => ("：", "：", ": "),
            Self::OlderIncidents => ("更早的事件", "更早的事件", "Older incidents"),
            Self::NoIncidents => (
                "目前没有发布中的事件公告。",
                "目前沒有發佈中的事件公告。",
                "No incident notices are published.",
            ),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// The phase in plain words for the public: what the firm is doing now.
pub(super) fn phase_sentence(phase: Phase, locale: Locale) -> &'static str {
    let (zh_cn, zh_hk, en) = match phase {
        Phase::Detected => (
            "我们已发现该事件，正在调查并处置。",
            "我們已發現此事件，正在調查及處理。",
            "We have found the incident and are investigating it.",
        ),
        Phase::Contained => (
            "事件已得到控制，我们正在调查原因并评估影响。",
            "事件已受控制，我們正在調查原因及評估影響。",
            "The incident is under control; we are investigating the cause and the impact.",
        ),
        Phase::Disclosed => (
            "我们已公告事件情况，正在处理客户诉求并持续通报进展。",
            "我們已公佈事件情況，正在處理客戶訴求並持續通報進展。",
            "We have announced the incident and are handling customers' requests; we will keep you updated.",
        ),
        Phase::Remediated => (
            "问题已修复，补偿及后续工作正在进行。",
            "問題已修復，補償及跟進工作正在進行。",
            "The problem has been fixed; compensation and follow-up work are under way.",
        ),
        Phase::Reviewed | Phase::Closed => (
            "事件处理已完成。",
            "事件處理已完成。",
            "Our handling of the incident is complete.",
        ),
        Phase::Dismissed => (
            "经核查，该事件未对客户造成影响。",
            "經核實，此事件未有對客戶造成影響。",
            "After checking, we found that customers were not affected.",
        ),
    };
    tr(locale, zh_cn, zh_hk, en)
}

/// The language's own name, for the language switcher (an autonym, the same on every page).
pub(super) fn autonym(locale: Locale) -> &'static str {
    tr(locale, "简体中文", "繁體中文", "English")
}

/// `s` with its first letter upper case: an English label (lower case by the
/// [`Label`](crate::locale::Label) convention) as a heading.
pub(super) fn heading(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
