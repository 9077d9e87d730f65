//! Post-incident review: findings (root cause, contributing factors, what went well or
//! poorly), response metrics computed from the event log, portfolio metrics across many
//! incidents, the review report (Markdown in zh-CN, zh-HK and en, and a serializable value), drill
//! scorecards and the VERIS 1.4 export. The Review guard requires at least one finding.

mod determinations;
mod drill;
mod drill_words;
mod exercise;
mod gbt;
mod metrics;
mod playbook_standard;
mod portfolio;
mod report;
mod report_markdown;
mod veris;

use crate::locale::{tr, Label, Locale};

pub use determinations::{AssessedLine, DeterminationLine};
pub use drill::{
    DrillDeadline, DrillGap, DrillGrade, DrillNotice, DrillPenalties, DrillScorecard,
    DrillStandard, DrillTarget,
};
pub use exercise::{
    Coverage, DrillInject, DrillProgramme, DrillProgrammeError, DrillProgrammeProblem,
    DrillProgrammeSpec, DrillProgrammeStatus, DrillRecord, DrillReportClock, DrillReportRule,
    DrillReportState, DrillResult, DrillRun, DrillRunError, DrillScript, DrillScriptError,
    DrillScriptProblem, DrillScriptSpec, DrillStep, DrillStepOrigin, DrillStopped, InjectSource,
    ScenarioDue, ScenarioPlan, ScenarioStatus, TrendPoint,
};
pub use gbt::GbtSection;
pub use metrics::{
    DeadlineCounts, DeadlineOutcome, Elapsed, IncidentSummary, RegulatorNotification,
    ResponseMetrics, Span,
};
pub use portfolio::{Percentiles, Portfolio, PortfolioReport, RegimeDeadlines, ResponseTimes};
pub use report::{
    ActionLine, NoticeLine, ReviewFindings, ReviewReport, TimelineEntry, TimelineEvent,
    REVIEW_REPORT_VERSION,
};
pub use veris::{
    veris_record, VerisConfidence, VerisError, VerisOptions, VerisVictim, VERIS_SCHEMA_VERSION,
};

/// How a deadline's outcome reads in the report and the drill scorecard. (It belongs beside
/// [`DeadlineOutcome`] in `metrics.rs`, which is being reworked elsewhere.)
impl Label for DeadlineOutcome {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::OnTime => ("按时", "按時", "on time"),
            Self::Late => ("逾期提交", "逾期提交", "late"),
            Self::Missed => ("未提交且已逾期", "未提交且已逾期", "missed"),
            Self::Open => ("待提交", "待提交", "open"),
            Self::Filed => (
                "已提交（无明确时限）",
                "已提交（無明確時限）",
                "filed (no due time)",
            ),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}
