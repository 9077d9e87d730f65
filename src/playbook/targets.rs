//! The times a playbook promises, which drills score against.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The playbook's target times, from detection. A drill of the playbook is scored
/// against them (`DrillStandard::for_playbook` in the review module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Detection to containment, minutes.
    pub contain_within_minutes: u32,
    /// Detection to the first notice sent to customers, minutes.
    pub first_customer_notice_within_minutes: u32,
}
