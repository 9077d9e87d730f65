//! Post-incident review: findings (root cause, contributing factors, what went well or
//! poorly), response metrics computed from the event log, portfolio metrics across many
//! incidents, the review report (Markdown in zh-CN and en, and a serializable value), drill
//! scorecards and the VERIS 1.4 export. The Review guard requires at least one finding.

mod drill;
mod labels;
mod metrics;
mod portfolio;
mod report;
mod veris;

pub use drill::{
    DrillDeadline, DrillGap, DrillGrade, DrillNotice, DrillPenalties, DrillScorecard,
    DrillStandard, DrillTarget,
};
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
