//! Post-incident review: findings (root cause, contributing factors, what went well or
//! poorly). The Review guard requires at least one finding.

mod finding;

pub use finding::{Finding, FindingKind, RootCause};
mod veris;

pub use veris::{
    veris_record, VerisConfidence, VerisError, VerisOptions, VerisVictim, VERIS_SCHEMA_VERSION,
};
