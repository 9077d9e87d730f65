//! The answers of the condition language: three-valued truth, the verdict with its
//! explanation, and the facts the crate names when it cannot tell.

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::{CalendarId, FactName};
use crate::locale::{tr, Locale, Translations};

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// Holds.
    Yes,
    /// Does not hold.
    No,
    /// Cannot tell: a fact is missing.
    Unknown,
}

/// The outcome of evaluating an [`Applicability`](super::Applicability), with its explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The value.
    pub value: Tri,
    /// Why not, when the value is [`Tri::No`].
    pub reason: String,
    /// What is missing, when the value is [`Tri::Unknown`].
    pub missing: Vec<MissingFact>,
    /// Facts assumed because they were not recorded.
    pub assumptions: Vec<String>,
}

impl Verdict {
    pub(super) fn yes() -> Self {
        Self {
            value: Tri::Yes,
            reason: String::new(),
            missing: Vec::new(),
            assumptions: Vec::new(),
        }
    }

    pub(super) fn no(reason: String) -> Self {
        Self {
            value: Tri::No,
            reason,
            missing: Vec::new(),
            assumptions: Vec::new(),
        }
    }

    pub(super) fn missing(fact: MissingFact) -> Self {
        Self {
            value: Tri::Unknown,
            reason: String::new(),
            missing: vec![fact],
            assumptions: Vec::new(),
        }
    }
}

/// A fact the crate needs and does not have.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "missing", rename_all = "snake_case", deny_unknown_fields)]
pub enum MissingFact {
    /// A yes/no determination (record it with
    /// [`Command::RecordDetermination`](crate::Command::RecordDetermination)).
    Determination {
        /// Which.
        fact: FactName,
    },
    /// How many people are affected.
    PeopleAffected {},
    /// How many affected people live in each State or other subdivision (ISO 3166-2,
    /// `US-CA`), for a threshold that counts the residents of one of them.
    PeopleBySubdivision {},
    /// Which data categories were exposed.
    DataCategories {},
    /// Where affected people are.
    AffectedJurisdictions {},
    /// The CAC grade: the recorded facts do not settle it.
    CnGrade {},
    /// The entity's home time zone (for a regime that counts in the entity's zone).
    EntityTimeZone {},
    /// The entity's home business calendar.
    EntityCalendar {},
    /// A calendar the host did not supply.
    Calendar {
        /// Its id.
        id: CalendarId,
    },
    /// A calendar does not cover a date the deadline needs: the deadline is undetermined,
    /// never a guessed date.
    CalendarCoverage {
        /// The calendar.
        id: CalendarId,
        /// The year it would need.
        year: i32,
        /// The first day the calendar covers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first_day: Option<NaiveDate>,
        /// The last day the calendar covers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_day: Option<NaiveDate>,
        /// Why it stops there, from the calendar's data (e.g. next year's official schedule
        /// is not published yet).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The note in other languages, from the calendar's data.
        #[serde(default, skip_serializing_if = "Translations::is_empty")]
        notes: Translations,
    },
    /// The deadline falls outside the representable timeline: check the regime's offsets.
    OutOfRange {},
}

impl MissingFact {
    /// What is missing and how to supply it, in `locale`: the one wording of each missing
    /// fact, which every page (drill report, review, first hour) prints. Command and field
    /// names stay as the API spells them, since that is what the reader types.
    pub fn describe(&self, locale: Locale) -> String {
        let t = |zh_cn, zh_hk, en| tr(locale, zh_cn, zh_hk, en);
        match self {
            Self::Determination { fact } => format!(
                "{} `{fact}`{}",
                t("判定事项", "判定事項", "determination"),
                t("：请用 record_determination 记录", "：請用 record_determination 記錄", ": record it with record_determination")
            ),
            Self::PeopleAffected {} => t("受影响人数：请用 update_impact 记录", "受影響人數：請用 update_impact 記錄", "number of people affected: record it with update_impact").to_owned(),
            Self::PeopleBySubdivision {} => t(
                "受影响人员按州或其他下级行政区（ISO 3166-2，如 US-CA）的分布：门槛按其中一地的居民人数计算，总数无法判断；请用 update_impact 记录 people_by_jurisdiction",
                "受影響人士按州或其他下級行政區（ISO 3166-2，如 US-CA）的分佈：門檻按其中一地的居民人數計算，總數無法判斷；請用 update_impact 記錄 people_by_jurisdiction",
                "affected people per State or other subdivision (ISO 3166-2, e.g. US-CA): the threshold counts the residents of one of them and the total does not settle it; record people_by_jurisdiction with update_impact",
            ).to_owned(),
            Self::DataCategories {} => t("泄露的数据类别：请用 update_impact 记录", "外洩的資料類別：請用 update_impact 記錄", "data categories exposed: record them with update_impact").to_owned(),
            Self::AffectedJurisdictions {} => t("受影响人员所在的法域：请用 update_impact 记录", "受影響人士所在的司法管轄區：請用 update_impact 記錄", "jurisdictions of affected people: record them with update_impact").to_owned(),
            Self::CnGrade {} => t(
                "网络安全事件分级：已记录的事实不足以确定，请用 record_grade 记录",
                "網絡安全事件分級：已記錄的事實不足以確定，請用 record_grade 記錄",
                "CAC grade (网络安全事件分级): the recorded facts do not settle it; record it with record_grade",
            ).to_owned(),
            Self::EntityTimeZone {} => t("本机构所在时区：请在机构档案中设置 time_zone", "本機構所在時區：請在機構檔案中設定 time_zone", "the entity's time zone: set time_zone in the entity profile").to_owned(),
            Self::EntityCalendar {} => t(
                "本机构的工作日历：请在机构档案中设置 calendar，并提供该日历",
                "本機構的工作日曆：請在機構檔案中設定 calendar，並提供該日曆",
                "the entity's business calendar: set calendar in the entity profile and supply the calendar",
            ).to_owned(),
            Self::Calendar { id } => format!(
                "{} `{id}`{}",
                t("日历", "日曆", "calendar"),
                t("：请提供给监管配置", "：請提供給監管配置", ": supply it to the regulation")
            ),
            Self::CalendarCoverage { id, year, first_day, last_day, note, notes } => {
                let note = note.as_deref().map(|n| notes.or(locale, n));
                coverage(locale, id, *year, (*first_day, *last_day), note)
            }
            Self::OutOfRange {} => t(
                "可计算的时限：结果超出可表示的时间范围，请检查该制度的时限设置",
                "可計算的時限：結果超出可表示的時間範圍，請檢查該制度的時限設定",
                "a computable deadline: it falls outside the representable timeline; check the regime's offsets",
            ).to_owned(),
        }
    }
}

/// [`MissingFact::CalendarCoverage`] in `locale`. The calendar's own note is data: its
/// translation for `locale` when the calendar gives one, else as written.
fn coverage(
    locale: Locale,
    id: &CalendarId,
    year: i32,
    covers: (Option<NaiveDate>, Option<NaiveDate>),
    note: Option<&str>,
) -> String {
    let t = |zh_cn, zh_hk, en| tr(locale, zh_cn, zh_hk, en);
    let mut out = match locale {
        Locale::En => format!("calendar `{id}` does not cover {year}"),
        Locale::ZhCn => format!("日历 `{id}` 未覆盖 {year} 年"),
        Locale::ZhHk => format!("日曆 `{id}` 未覆蓋 {year} 年"),
    };
    if let (Some(first), Some(last)) = covers {
        out.push_str(&match locale {
            Locale::En => format!(" (it covers {first}..{last})"),
            Locale::ZhCn => format!("（覆盖范围：{first} 至 {last}）"),
            Locale::ZhHk => format!("（覆蓋範圍：{first} 至 {last}）"),
        });
    }
    out.push_str(t("：", "：", ": "));
    out.push_str(note.unwrap_or_else(|| {
        t(
            "请提供该年度的日历",
            "請提供該年度的日曆",
            "supply a calendar for that year",
        )
    }));
    out
}

impl fmt::Display for MissingFact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Locale::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_missing_fact() -> Vec<MissingFact> {
        let id = CalendarId::from_static("cn");
        vec![
            MissingFact::Determination {
                fact: FactName::from_static("material"),
            },
            MissingFact::PeopleAffected {},
            MissingFact::PeopleBySubdivision {},
            MissingFact::DataCategories {},
            MissingFact::AffectedJurisdictions {},
            MissingFact::CnGrade {},
            MissingFact::EntityTimeZone {},
            MissingFact::EntityCalendar {},
            MissingFact::Calendar { id: id.clone() },
            MissingFact::CalendarCoverage {
                id,
                year: 2027,
                first_day: NaiveDate::from_ymd_opt(2026, 1, 1),
                last_day: NaiveDate::from_ymd_opt(2026, 12, 31),
                note: None,
                notes: Translations::new(),
            },
            MissingFact::OutOfRange {},
        ]
    }

    /// A drill report in Chinese says in Chinese what it lacks; the English wording is the
    /// `Display` one, and the command to run is named in every language.
    #[test]
    fn every_missing_fact_is_described_in_each_language() {
        for fact in every_missing_fact() {
            let en = fact.describe(Locale::En);
            assert_eq!(en, fact.to_string());
            for locale in [Locale::ZhCn, Locale::ZhHk] {
                let zh = fact.describe(locale);
                assert!(zh.contains('：'), "{locale}: {zh}");
                assert!(!zh.contains(": "), "{locale}: {zh}");
                for command in ["record_determination", "update_impact", "record_grade"] {
                    assert_eq!(en.contains(command), zh.contains(command), "{zh}");
                }
            }
            assert_ne!(fact.describe(Locale::ZhCn), fact.describe(Locale::ZhHk));
        }
        let coverage = &every_missing_fact()[9];
        assert_eq!(
            coverage.describe(Locale::ZhCn),
            "日历 `cn` 未覆盖 2027 年（覆盖范围：2026-01-01 至 2026-12-31）：请提供该年度的日历"
        );
        assert_eq!(
            coverage.describe(Locale::En),
            "calendar `cn` does not cover 2027 (it covers 2026-01-01..2026-12-31): supply a calendar for that year"
        );
    }
}
