//! Post-incident review: findings (root cause, contributing factors, what went well or
//! poorly). The Review guard requires at least one finding.

mod finding;

pub use finding::{Finding, FindingKind, RootCause};
