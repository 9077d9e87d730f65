//! Post-incident review: findings (root cause, contributing factors, what went well or
//! poorly), response metrics computed from the event log, portfolio metrics across many
//! incidents, and the VERIS 1.4 export. The Review guard requires at least one finding.

mod finding;
mod metrics;
mod portfolio;
mod veris;

pub use finding::{Finding, FindingKind, RootCause};
pub use metrics::{
    DeadlineCounts, DeadlineOutcome, Elapsed, IncidentSummary, RegulatorNotification,
    ResponseMetrics, Span,
};
pub use portfolio::{Percentiles, Portfolio, PortfolioReport, RegimeDeadlines, ResponseTimes};
pub use veris::{
    veris_record, VerisConfidence, VerisError, VerisOptions, VerisVictim, VERIS_SCHEMA_VERSION,
};
