//! Where a reader of the identity-theft guide can get help, per country: the facts the guide's
//! country section is rendered from.
//!
//! Each entry says what it is for ([`ResourcePurpose`]), whom to contact, what to tell the
//! reader in each language, the page the fact was read on (`source`), when
//! (`checked_on`) and whether that page is the provider's own ([`SourceKind`]). A phone number
//! or address not found on a page that could be read is left out rather than guessed.
//!
//! The table is data, not prose in a template, so that a changed fact (Action Fraud became
//! Report Fraud on 2025-12-04) is changed once, with its source, and every guide and both
//! languages follow. [`TemplateSet::builtin_for`](crate::comms::TemplateSet::builtin_for)
//! renders [`country_section`] into the built-in guide.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{tr, Label, Locale};

/// A country or region whose identity-theft help the built-in guide can name.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[non_exhaustive]
pub enum Country {
    /// Mainland China: the default, as the firms this crate models are Chinese.
    #[default]
    #[serde(rename = "CN")]
    Cn,
    /// Hong Kong SAR.
    #[serde(rename = "HK")]
    Hk,
    /// The United States.
    #[serde(rename = "US")]
    Us,
    /// The United Kingdom.
    #[serde(rename = "UK")]
    Uk,
}

impl Country {
    /// Every country with guidance.
    pub const ALL: [Country; 4] = [Self::Cn, Self::Hk, Self::Us, Self::Uk];

    /// The two-letter code used in JSON and file names (`UK`, not ISO's `GB`, as readers
    /// and the issue write it).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Cn => "CN",
            Self::Hk => "HK",
            Self::Us => "US",
            Self::Uk => "UK",
        }
    }
}

impl std::fmt::Display for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Label for Country {
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Cn => tr(locale, "中国内地", "中國內地", "mainland China"),
            Self::Hk => tr(locale, "中国香港", "香港", "Hong Kong"),
            Self::Us => tr(locale, "美国", "美國", "the United States"),
            Self::Uk => tr(locale, "英国", "英國", "the United Kingdom"),
        }
    }
}

/// What a resource helps the reader do. The guide lists resources in this order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResourcePurpose {
    /// Get advice on a suspected scam, or check a caller, number or account.
    ScamAdvice,
    /// Report a fraud or other crime to the police.
    ReportFraud,
    /// See one's own credit report.
    CheckCreditReport,
    /// Correct a wrong record in a credit report, and avoid paid "repair".
    DisputeCreditRecord,
    /// Find accounts, cards or phone numbers opened in one's name.
    CheckAccountsInYourName,
    /// Freeze a credit file or flag it so that lenders check harder.
    FreezeOrFlag,
    /// Complain about a financial firm to its regulator or an ombudsman.
    ComplainToRegulator,
    /// Complain about the handling of personal data.
    ComplainAboutData,
}

impl ResourcePurpose {
    /// Every purpose, in the order the guide lists them.
    pub const ALL: [ResourcePurpose; 8] = [
        Self::ScamAdvice,
        Self::ReportFraud,
        Self::CheckCreditReport,
        Self::DisputeCreditRecord,
        Self::CheckAccountsInYourName,
        Self::FreezeOrFlag,
        Self::ComplainToRegulator,
        Self::ComplainAboutData,
    ];
}

/// The guide's sub-heading for the purpose.
impl Label for ResourcePurpose {
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::ScamAdvice => tr(
                locale,
                "防骗咨询与预警",
                "防騙查詢與預警",
                "scam advice and warnings",
            ),
            Self::ReportFraud => tr(locale, "报案", "報案", "reporting fraud"),
            Self::CheckCreditReport => tr(
                locale,
                "查询信用报告",
                "查詢信貸報告",
                "checking your credit report",
            ),
            Self::DisputeCreditRecord => tr(
                locale,
                "信用记录有误时",
                "信貸記錄有誤時",
                "when a credit record is wrong",
            ),
            Self::CheckAccountsInYourName => tr(
                locale,
                "核查名下的银行卡和手机卡",
                "核查以您名義開立的銀行賬戶和流動電話號碼",
                "checking accounts in your name",
            ),
            Self::FreezeOrFlag => tr(
                locale,
                "冻结或标注信用档案",
                "凍結或標註信貸檔案",
                "freezing or flagging your credit file",
            ),
            Self::ComplainToRegulator => tr(
                locale,
                "向监管部门投诉",
                "向監管機構投訴",
                "complaining to a regulator",
            ),
            Self::ComplainAboutData => tr(
                locale,
                "个人信息保护投诉",
                "個人資料私隱投訴",
                "complaining about the handling of personal data",
            ),
        }
    }
}

/// How a fact was checked.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// Read on the provider's or a government's own page.
    Official,
    /// Read on a third party's page that quotes the provider (a news report, a reprint);
    /// worth re-checking on the provider's own page before relying on it.
    Secondary,
}

/// What the guide says about a resource in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceText {
    /// The resource's name as readers of this language know it.
    pub name: String,
    /// One or two sentences: what it is for and how to use it.
    pub advice: String,
}

/// One place a reader can get help, with the source of the fact and when it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentityTheftResource {
    /// Where it applies.
    pub country: Country,
    /// What it helps with.
    pub purpose: ResourcePurpose,
    /// Telephone number as it is dialled in the country, if it has one we could verify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Web address, if it has one we could verify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The text in each language.
    pub texts: BTreeMap<Locale, ResourceText>,
    /// The page the fact was read on.
    pub source: String,
    /// Whether that page is the provider's own.
    pub source_kind: SourceKind,
    /// When it was read.
    pub checked_on: NaiveDate,
}

use super::identity_theft_rows::{Row, ROWS};

impl IdentityTheftResource {
    /// The text in `locale`, if the entry has one.
    pub fn text(&self, locale: Locale) -> Option<&ResourceText> {
        self.texts.get(&locale)
    }
}

/// The resources for `country`, in the order the guide lists them (by purpose, then as
/// written in the table).
///
/// # Examples
/// ```
/// use incident::comms::{identity_theft_resources, Country, ResourcePurpose};
/// use incident::locale::Locale;
///
/// let uk = identity_theft_resources(Country::Uk);
/// let report = uk.iter().find(|r| r.purpose == ResourcePurpose::ReportFraud).unwrap();
/// assert_eq!(report.phone.as_deref(), Some("0300 123 2040"));
/// assert_eq!(report.text(Locale::En).unwrap().name, "Report Fraud (England, Wales and Northern Ireland)");
/// assert!(report.source.starts_with("https://"));
/// ```
pub fn identity_theft_resources(country: Country) -> Vec<IdentityTheftResource> {
    let mut out: Vec<IdentityTheftResource> = ROWS
        .iter()
        .filter(|row| row.country == country)
        .filter_map(Row::resource)
        .collect();
    out.sort_by_key(|r| r.purpose);
    out
}

/// The guide's country section for `country` in `locale`, in Markdown: a heading, then one
/// sub-heading per purpose with a bullet per resource (name, contact, advice). Resources
/// without text in `locale` are left out.
///
/// # Examples
/// ```
/// use incident::comms::{country_section, Country};
/// use incident::locale::Locale;
///
/// let zh = country_section(Country::Cn, Locale::ZhCn);
/// assert!(zh.contains("接到96110来电请务必接听"));
/// assert!(zh.contains("12386") && zh.contains("12363") && zh.contains("12378"));
/// ```
pub fn country_section(country: Country, locale: Locale) -> String {
    let resources = identity_theft_resources(country);
    let mut out = String::new();
    let heading = match locale {
        Locale::ZhCn => format!("## 在{}可以求助的渠道\n", country.label(locale)),
        Locale::ZhHk => format!("## 在{}尋求協助的途徑\n", country.label(locale)),
        Locale::En => format!("## Where to get help in {}\n", country.label(locale)),
    };
    out.push_str(&heading);
    for purpose in ResourcePurpose::ALL {
        let items: Vec<(&IdentityTheftResource, &ResourceText)> = resources
            .iter()
            .filter(|r| r.purpose == purpose)
            .filter_map(|r| r.text(locale).map(|t| (r, t)))
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = write!(out, "\n### {}\n\n", capitalised(purpose.label(locale)));
        for (resource, text) in items {
            let _ = writeln!(
                out,
                "- **{}**{}{}",
                text.name,
                contact(resource, locale),
                with_stop(&text.advice, locale)
            );
        }
    }
    out
}

/// `（电话：…；网址：…）：` / ` (phone …; web …): `, or the bare separator.
fn contact(resource: &IdentityTheftResource, locale: Locale) -> String {
    let mut parts = Vec::new();
    if let Some(phone) = &resource.phone {
        parts.push(format!(
            "{}{phone}",
            tr(locale, "电话：", "電話：", "phone ")
        ));
    }
    if let Some(url) = &resource.url {
        parts.push(format!("{}{url}", tr(locale, "网址：", "網址：", "web ")));
    }
    match (locale, parts.is_empty()) {
        (Locale::ZhCn | Locale::ZhHk, true) => "：".to_owned(),
        (Locale::ZhCn | Locale::ZhHk, false) => format!("（{}）：", parts.join("；")),
        (Locale::En, true) => ": ".to_owned(),
        (Locale::En, false) => format!(" ({}): ", parts.join("; ")),
    }
}

fn with_stop(advice: &str, locale: Locale) -> String {
    let stop = tr(locale, "。", "。", ".");
    if advice.ends_with(stop) {
        advice.to_owned()
    } else {
        format!("{advice}{stop}")
    }
}

fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::assert_labels_distinct;

    fn all() -> Vec<IdentityTheftResource> {
        Country::ALL
            .into_iter()
            .flat_map(identity_theft_resources)
            .collect()
    }

    #[test]
    fn every_row_becomes_a_resource_with_source_date_and_texts() {
        let resources = all();
        assert_eq!(resources.len(), ROWS.len(), "a row has an invalid date");
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        for r in &resources {
            assert!(
                r.source.starts_with("https://") || r.source.starts_with("http://"),
                "{r:?}"
            );
            assert!(r.checked_on <= today, "{r:?}");
            if let Some(url) = &r.url {
                assert!(url.starts_with("https://") || url.starts_with("http://"));
            }
            for locale in Locale::ALL {
                let t = r.text(locale).unwrap();
                assert!(!t.name.trim().is_empty() && !t.advice.trim().is_empty());
            }
            // zh-CN and zh-HK texts: no ASCII punctuation a Chinese reader would trip over,
            // and no space between Chinese and digits or Latin letters.
            let zh = r.text(Locale::ZhCn).unwrap();
            let hk = r.text(Locale::ZhHk).unwrap();
            for s in [&zh.name, &zh.advice, &hk.name, &hk.advice] {
                assert!(
                    !s.contains(", ") && !s.contains("; ") && !s.contains(": "),
                    "{s}"
                );
                let chars: Vec<char> = s.chars().collect();
                for w in chars.windows(3) {
                    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
                    assert!(
                        !(w[1] == ' ' && (cjk(w[0]) || cjk(w[2]))),
                        "space beside Chinese in {s}"
                    );
                }
            }
        }
        for country in Country::ALL {
            assert!(!identity_theft_resources(country).is_empty(), "{country}");
        }
    }

    #[test]
    fn uk_names_report_fraud_and_never_action_fraud() {
        let uk = identity_theft_resources(Country::Uk);
        let json = serde_json::to_string(&uk).unwrap().to_lowercase();
        assert!(!json.contains("action fraud") && !json.contains("actionfraud"));
        assert!(uk.iter().any(
            |r| r.url.as_deref() == Some("https://www.reportfraud.police.uk")
                && r.phone.as_deref() == Some("0300 123 2040")
        ));
        let section = country_section(Country::Uk, Locale::En);
        assert!(!section.to_lowercase().contains("action fraud"));
    }

    #[test]
    fn cn_has_the_warning_line_the_credit_centre_and_the_complaint_lines() {
        let cn = identity_theft_resources(Country::Cn);
        let phone = |p: &str| cn.iter().find(|r| r.phone.as_deref() == Some(p));
        for line in ["12386", "12363", "12378"] {
            assert_eq!(
                phone(line).map(|r| r.purpose),
                Some(ResourcePurpose::ComplainToRegulator),
                "{line}"
            );
        }
        let warning = phone("96110").unwrap();
        assert!(warning
            .text(Locale::ZhCn)
            .unwrap()
            .advice
            .contains("请务必接听"));
        assert!(cn
            .iter()
            .any(|r| r.url.as_deref() == Some("https://ipcrs.pbccrc.org.cn")));
        let zh = country_section(Country::Cn, Locale::ZhCn);
        for needle in [
            "一键查卡",
            "一证通查",
            "征信修复",
            "异议",
            "国家反诈中心",
            "110",
        ] {
            assert!(zh.contains(needle), "{needle}");
        }
    }

    #[test]
    fn resources_round_trip_through_json() {
        for r in all() {
            let json = serde_json::to_value(&r).unwrap();
            assert_eq!(json["checked_on"], "2026-12-06");
            let back: IdentityTheftResource = serde_json::from_value(json).unwrap();
            assert_eq!(back, r);
        }
        assert_eq!(serde_json::to_value(Country::Uk).unwrap(), "UK");
    }

    #[test]
    fn labels_are_distinct() {
        assert_labels_distinct(&Country::ALL);
        assert_labels_distinct(&ResourcePurpose::ALL);
    }

    #[test]
    fn sections_list_purposes_in_order() {
        let en = country_section(Country::Us, Locale::En);
        assert!(en.starts_with("## Where to get help in the United States\n"));
        let report = en.find("### Reporting fraud").unwrap();
        let freeze = en.find("### Freezing").unwrap();
        assert!(report < freeze);
        assert!(en.contains("- **Federal Trade Commission: IdentityTheft.gov** (phone 1-877-438-4338; web https://www.identitytheft.gov): "));
    }
}
