//! A regime as data: when it applies and which reports it requires, each with its clock.

use crate::locale::Translations;
use std::fmt;

use chrono::NaiveTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Ambiguity, Applicability, DeferralRule};
use crate::locale::{tr, Label, Locale, Zone};
use crate::{classify::Jurisdiction, id::CalendarId, id::FactName, id::RegimeId, id::ReportId};

/// How sure the crate is of a rule, following the marks of the project's regulatory
/// reference: primary text seen, reliable secondary summary, or not verified.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Not verified against the text: shipped as data a host can override, and every
    /// obligation it produces says so.
    Low,
    /// A reliable secondary summary.
    Medium,
    /// The primary text (or a verbatim quote) was read.
    High,
}

impl Confidence {
    /// Whether the rule was checked against a primary or reliable secondary text.
    pub fn is_verified(self) -> bool {
        self != Self::Low
    }
}

/// A set of reporting rules under one law or regulation.
///
/// Built-in regimes are in [`builtin_regimes`](crate::regulation::builtin_regimes); a host can
/// load its own from JSON (see `schema/regime.json`), override a built-in by id, or add a
/// national transposition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    /// Stable id, e.g. `eu-gdpr`.
    pub id: RegimeId,
    /// Version of this rule set, e.g. the date of the text it encodes; obligations carry it
    /// so a filed record says which rules were applied.
    pub version: String,
    /// Human name in English, e.g. `GDPR Art. 33/34`.
    pub name: String,
    /// The name in other languages, e.g. 《通用数据保护条例》第33、34条 for zh-CN: what a
    /// Chinese page prints instead of `name` (which stays the fallback, never a blank).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub titles: Translations,
    /// The jurisdiction whose law this is.
    pub jurisdiction: Jurisdiction,
    /// Where the rules come from (ELI, statute section, URL).
    pub sources: Vec<String>,
    /// The dates this version applies (from, and until when superseded), with their source.
    /// An obligation whose clock would count from a moment outside them is not applicable,
    /// with a typed [`NotInForce`](super::NotInForce) reason; an earlier version of the same
    /// id may apply instead. Absent (a host's own regime): no date is checked, and every
    /// obligation says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<super::InForce>,
    /// How sure the rules are.
    pub confidence: Confidence,
    /// When the regime applies at all.
    pub applies_when: Applicability,
    /// The time zone for calendar-day and month periods and for rendering.
    pub time_zone: ZoneRule,
    /// The reports it requires.
    pub reports: Vec<Report>,
    /// Anything an operator should know (e.g. "national transposition governs").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Regime {
    /// The report with this id.
    pub fn report(&self, id: &ReportId) -> Option<&Report> {
        self.reports.iter().find(|r| &r.id == id)
    }
}

/// Which time zone a regime counts days in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "zone", rename_all = "snake_case", deny_unknown_fields)]
pub enum ZoneRule {
    /// A fixed zone, e.g. `America/New_York` for the SEC.
    Fixed {
        /// The zone.
        time_zone: Zone,
    },
    /// The reporting entity's home zone (from its [`EntityProfile`](super::EntityProfile)),
    /// e.g. for EU regimes, where the Member State decides.
    Entity {},
}

/// One report a regime requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Id within the regime, e.g. `initial`.
    pub id: ReportId,
    /// Human name, e.g. `Initial notification`.
    pub name: String,
    /// The name in other languages, for readers of those (`name` stays the fallback).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub titles: Translations,
    /// Who receives it.
    pub recipient: ReportRecipient,
    /// Extra conditions for this report on top of the regime's (default: always).
    #[serde(default)]
    pub applies_when: Applicability,
    /// How fast the text asks for it, apart from any hard limit.
    pub urgency: Urgency,
    /// The hard limits. Several limbs mean "whichever comes first" (DORA's initial report);
    /// none means the obligation has no timestamp ("immediately" with no outer cap).
    #[serde(default)]
    pub deadline: Vec<Limb>,
    /// What the report must contain.
    #[serde(default)]
    pub contents: Vec<String>,
    /// The provision, e.g. `GDPR Art. 33(1)`.
    pub citation: String,
    /// Overrides the regime's confidence for this report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Anything an operator should know about this report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the report becomes when the incident is still ongoing at its due time (NIS2
    /// Art. 23(4)(e)): a progress report then, and the report itself on a clock of its
    /// own. `null`: the report is due as its limbs say, ongoing or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_ongoing: Option<IfOngoing>,
    /// Whether, and how far, an authority may move the due time (Form 8-K Item 1.05(c)).
    /// `null`: no deferral; one recorded anyway leaves the due time as it is, and says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferral: Option<DeferralRule>,
}

/// A report that, for an incident still ongoing at its due time, is replaced then by a
/// progress report and falls due on a later clock: NIS2 Art. 23(4)(e), "in the event of an
/// ongoing incident at the time of the submission of the final report referred to in point
/// (d), ... a progress report at that time and a final report within one month of their
/// handling of the incident" (ELI <http://data.europa.eu/eli/dir/2022/2555/oj>, checked
/// 2026-12-06).
///
/// The incident is ongoing at the due time when the milestone `until` was recorded after it,
/// or has not been recorded by then (asked before the due time with no milestone, the report
/// is owed as usual and its note says what happens next). A report filed or waived by then
/// stays as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IfOngoing {
    /// The milestone that ends "ongoing" (handling ended).
    pub until: Milestone,
    /// The progress report due at the report's own due time instead.
    pub progress: ReportId,
    /// Its human name.
    pub progress_name: String,
    /// The report's deadline once ongoing, counted from `until` (one month for NIS2).
    pub then: Limb,
    /// The provision.
    pub citation: String,
}

/// Who receives a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRecipient {
    /// The kind of recipient.
    pub kind: RecipientKind,
    /// Its name, e.g. `lead supervisory authority`.
    pub name: String,
}

/// The kinds of report recipients.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecipientKind {
    /// A regulator, supervisory authority or CSIRT.
    Regulator,
    /// Police or another law-enforcement body.
    LawEnforcement,
    /// The people whose data or money was affected.
    AffectedIndividuals,
    /// The public, through the media.
    Media,
    /// Another firm: a controller, covered entity or covered institution the reporting
    /// entity serves.
    BusinessPartner,
    /// Investors, through a securities filing.
    Investors,
    /// The reporting entity itself (an internal assessment with a deadline).
    Internal,
}

/// How fast a text asks for a report apart from its hard limit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// "Immediately", 立即, 第一时间.
    Immediately,
    /// "Without undue delay".
    WithoutUndueDelay,
    /// "As soon as practicable" / "as promptly as possible".
    AsSoonAsPracticable,
    /// 及时 ("timely").
    Timely,
    /// Only the hard limit.
    ByDeadline,
}

impl Urgency {
    /// The wording, for tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Immediately => "immediately",
            Self::WithoutUndueDelay => "without undue delay",
            Self::AsSoonAsPracticable => "as soon as practicable",
            Self::Timely => "timely",
            Self::ByDeadline => "by the deadline",
        }
    }
}

/// One hard limit: a trigger and a period after it, with the counting rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limb {
    /// What starts the clock.
    pub trigger: Trigger,
    /// How long after the trigger.
    pub offset: Offset,
    /// Count from the trigger itself (default) or from the end of its calendar year
    /// (HIPAA's annual log of small breaches).
    #[serde(default)]
    pub from: Anchor,
    /// For day-based periods: the time of day on the last day.
    #[serde(default)]
    pub time_of_day: TimeOfDay,
    /// For working-day periods: what happens when the trigger falls on a non-working day.
    #[serde(default)]
    pub start: StartRule,
    /// What happens when the due time falls on a non-working day.
    #[serde(default)]
    pub roll: Roll,
    /// Conditions under which the roll is not available (DORA RTS 2025/301 Art. 5(5)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll_unless: Option<Applicability>,
    /// The calendar for working days and rolls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarRule>,
    /// Readings of the text where it is ambiguous; the default is the conservative one, a
    /// host may choose the alternative in [`Readings`](super::Readings), and the obligation
    /// says which was used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambiguities: Vec<Ambiguity>,
}

impl Limb {
    /// A limb with the default counting rules.
    pub fn new(trigger: Trigger, offset: Offset) -> Self {
        Self {
            trigger,
            offset,
            from: Anchor::Trigger,
            time_of_day: TimeOfDay::SameClockTime {},
            start: StartRule::FromTriggerDate,
            roll: Roll::None {},
            roll_unless: None,
            calendar: None,
            ambiguities: Vec::new(),
        }
    }
}

/// What starts a clock.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "on", rename_all = "snake_case", deny_unknown_fields)]
pub enum Trigger {
    /// The incident's detection time.
    Detected {},
    /// A milestone the team records (awareness, handling ended, …).
    Milestone {
        /// Which.
        milestone: Milestone,
    },
    /// The moment a yes/no determination was first recorded as yes (DORA's classification
    /// as major, the SEC's materiality determination).
    Determined {
        /// The determination.
        fact: FactName,
    },
    /// The moment the CAC grade was first recorded at or above a grade.
    Graded {
        /// The grade.
        at_least: CnGrade,
    },
    /// The submission of another report of the same regime (NIS2 and DORA anchor later
    /// reports to the previous submission).
    Filed {
        /// The earlier report.
        report: ReportId,
        /// Which submission, when it was filed more than once.
        #[serde(default)]
        which: Submission,
    },
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Detected {} => f.write_str("detection"),
            Self::Milestone { milestone } => write!(f, "{}", milestone.as_str()),
            Self::Determined { fact } => write!(f, "determination `{fact}`"),
            Self::Graded { at_least } => write!(f, "grading at or above {}", at_least.as_str()),
            Self::Filed { report, which } => match which {
                Submission::First => write!(f, "submission of `{report}`"),
                Submission::Latest => write!(f, "latest submission of `{report}`"),
            },
        }
    }
}

/// Which submission of a report anchors a later one.
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
#[serde(rename_all = "snake_case")]
pub enum Submission {
    /// The first (NIS2's incident notification).
    #[default]
    First,
    /// The latest (DORA's "latest updated intermediate report").
    Latest,
}

/// Moments in an incident that start regulatory clocks, recorded with
/// [`Command::RecordMilestone`](crate::Command::RecordMilestone).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Milestone {
    /// The firm became aware (GDPR "becomes aware", NIS2, DORA, Reg S-P, Cap. 653). When it
    /// is not recorded, clocks count from detection, which is never later.
    Awareness,
    /// Handling of the incident ended (CAC Art. 8 summary report, NIS2 final report of an
    /// ongoing incident).
    HandlingEnded,
    /// Regular activities recovered (DORA RTS Art. 5(1)(b)).
    ActivitiesRecovered,
    /// An extortion payment was made (NYDFS 500.17(c)).
    ExtortionPaymentMade,
    /// Information missing from an earlier filing became available (SEC Form 8-K/A).
    InformationAvailable,
    /// The assessment of whether the breach is notifiable was completed (Singapore PDPA
    /// s. 26D).
    AssessmentCompleted,
}

impl Milestone {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Awareness => "awareness",
            Self::HandlingEnded => "handling_ended",
            Self::ActivitiesRecovered => "activities_recovered",
            Self::ExtortionPaymentMade => "extortion_payment_made",
            Self::InformationAvailable => "information_available",
            Self::AssessmentCompleted => "assessment_completed",
        }
    }
}

impl fmt::Display for Milestone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The four grades of China's 网络安全事件分级指南 (annex to the CAC Measures for
/// Cybersecurity Incident Reporting, in force 2025-11-01), mildest first. GB/T 20986-2023
/// §6.2 grades in the same four levels under the same names, so one grade serves both.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CnGrade {
    /// 一般: no CAC clock.
    General,
    /// 较大 (relatively major): the lowest grade that must be reported.
    RelativelyMajor,
    /// 重大 (major).
    Major,
    /// 特别重大 (extremely major).
    ExtremelyMajor,
}

impl CnGrade {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::General => "general",
            Self::RelativelyMajor => "relatively_major",
            Self::Major => "major",
            Self::ExtremelyMajor => "extremely_major",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::General => "一般",
            Self::RelativelyMajor => "较大",
            Self::Major => "重大",
            Self::ExtremelyMajor => "特别重大",
        }
    }
}

impl Label for CnGrade {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::General => ("一般", "一般", "general"),
            Self::RelativelyMajor => ("较大", "較大", "relatively major"),
            Self::Major => ("重大", "重大", "major"),
            Self::ExtremelyMajor => ("特别重大", "特別重大", "extremely major"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// A period: a count and a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offset {
    /// How many units.
    pub count: u32,
    /// Which unit.
    pub unit: Unit,
}

impl Offset {
    /// `count` minutes of elapsed time.
    pub const fn minutes(count: u32) -> Self {
        Self {
            count,
            unit: Unit::Minutes,
        }
    }
    /// `count` hours of elapsed time.
    pub const fn hours(count: u32) -> Self {
        Self {
            count,
            unit: Unit::Hours,
        }
    }
    /// `count` calendar days.
    pub const fn days(count: u32) -> Self {
        Self {
            count,
            unit: Unit::CalendarDays,
        }
    }
    /// `count` calendar months.
    pub const fn months(count: u32) -> Self {
        Self {
            count,
            unit: Unit::Months,
        }
    }
    /// `count` working days of a calendar.
    pub const fn working_days(count: u32) -> Self {
        Self {
            count,
            unit: Unit::WorkingDays,
        }
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.unit, self.count == 1) {
            (Unit::Minutes, true) => "minute",
            (Unit::Minutes, false) => "minutes",
            (Unit::Hours, true) => "hour",
            (Unit::Hours, false) => "hours",
            (Unit::CalendarDays, true) => "day",
            (Unit::CalendarDays, false) => "days",
            (Unit::Months, true) => "month",
            (Unit::Months, false) => "months",
            (Unit::WorkingDays, true) => "working day",
            (Unit::WorkingDays, false) => "working days",
        };
        write!(f, "{} {unit}", self.count)
    }
}

impl Offset {
    /// The period in `locale`'s words: `15 working days`, `15个工作日`, `15個工作日`.
    pub fn in_words(self, locale: Locale) -> String {
        let (zh_cn, zh_hk) = match self.unit {
            Unit::Minutes => ("分钟", "分鐘"),
            Unit::Hours => ("小时", "小時"),
            Unit::CalendarDays => ("日", "日"),
            Unit::Months => ("个月", "個月"),
            Unit::WorkingDays => ("个工作日", "個工作日"),
        };
        match locale {
            Locale::En => self.to_string(),
            Locale::ZhCn | Locale::ZhHk => {
                format!("{}{}", self.count, tr(locale, zh_cn, zh_hk, ""))
            }
        }
    }
}

/// Units of a period.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Elapsed minutes on the absolute timeline.
    Minutes,
    /// Elapsed hours on the absolute timeline: DST changes do not stretch or shrink them.
    Hours,
    /// Calendar days in the regime's local calendar; the trigger day is not counted.
    CalendarDays,
    /// Calendar months in the regime's local calendar; a day the month lacks clamps to the
    /// month's last day (one month after 31 January ends on the last day of February).
    Months,
    /// Working (business) days of the limb's calendar; the trigger day is not counted.
    WorkingDays,
}

impl Unit {
    /// Whether periods in this unit end on a calendar date (so time of day, rolls and
    /// local calendars matter), as opposed to elapsed time.
    pub fn is_day_based(self) -> bool {
        matches!(self, Self::CalendarDays | Self::Months | Self::WorkingDays)
    }
}

/// Where a period is counted from.
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
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The trigger.
    #[default]
    Trigger,
    /// The last day of the trigger's calendar year (45 CFR 164.408(c)).
    EndOfTriggerYear,
}

/// The time of day a day-based period ends at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "at", rename_all = "snake_case", deny_unknown_fields)]
pub enum TimeOfDay {
    /// The trigger's local clock time on the last day: the conservative reading.
    SameClockTime {},
    /// The end of the last day (24:00 local), as Reg. 1182/71 Art. 3(2) and the PRC Civil
    /// Code Art. 203 count.
    EndOfDay {},
    /// A fixed local time, e.g. the SEC's 17:30 EDGAR cut-off (17 CFR 232.13(a)(2)).
    Fixed {
        /// The time.
        #[schemars(with = "String")]
        time: NaiveTime,
    },
}

impl Default for TimeOfDay {
    fn default() -> Self {
        Self::SameClockTime {}
    }
}

/// What happens when a working-day period's trigger falls on a non-working day.
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
#[serde(rename_all = "snake_case")]
pub enum StartRule {
    /// Count from the trigger's date; the date itself is not counted.
    #[default]
    FromTriggerDate,
    /// If the trigger's date is not a working day, the period begins on, and includes, the
    /// next working day (Form 8-K General Instruction B.1).
    NextWorkingDayInclusive,
}

impl Default for Roll {
    fn default() -> Self {
        Self::None {}
    }
}

/// What happens when a due time falls on a non-working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "roll", rename_all = "snake_case", deny_unknown_fields)]
pub enum Roll {
    /// Nothing: the due time stands.
    None {},
    /// To the end of the next working day (Reg. 1182/71 Art. 3(4)).
    NextWorkingDayEnd {},
    /// To a fixed time on the next working day (DORA RTS 2025/301 Art. 5(4): 12:00).
    NextWorkingDayAt {
        /// The time.
        #[schemars(with = "String")]
        time: NaiveTime,
    },
}

/// Which calendar a limb counts working days and rolls in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "calendar", rename_all = "snake_case", deny_unknown_fields)]
pub enum CalendarRule {
    /// A named calendar, e.g. `us-sec`.
    Named {
        /// Its id.
        id: CalendarId,
    },
    /// The reporting entity's home calendar (DORA: bank holidays of its Member State).
    Entity {},
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_display_with_their_unit() {
        assert_eq!(Offset::hours(1).to_string(), "1 hour");
        assert_eq!(Offset::hours(72).to_string(), "72 hours");
        assert_eq!(Offset::working_days(4).to_string(), "4 working days");
        assert_eq!(Offset::months(1).to_string(), "1 month");
        assert_eq!(Offset::minutes(30).to_string(), "30 minutes");
        assert!(Unit::WorkingDays.is_day_based() && !Unit::Hours.is_day_based());
        assert!(Confidence::Medium.is_verified() && !Confidence::Low.is_verified());
    }
}
