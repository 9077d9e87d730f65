//! A step of a playbook: an action it instantiates, with its owner and due offset.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CsfCategory, Wording};
use crate::actions::{ActionKind, Measure};
use crate::id::{ActionId, PlaybookRoleId};

/// One action the playbook starts: containment, remediation or prevention, owned by one of
/// the playbook's roles and due a fixed time after detection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The id of the action activation adds, unique within the playbook.
    pub id: ActionId,
    /// Containment, remediation or prevention.
    pub kind: ActionKind,
    /// The typed measure, when it is one of the catalogue's.
    #[serde(default)]
    pub measure: Option<Measure>,
    /// What is to be done, in each of the playbook's languages.
    pub title: Wording,
    /// The role that owns it.
    pub owner: PlaybookRoleId,
    /// Minutes after detection it is due; never negative.
    pub due_after_minutes: i64,
    /// The NIST CSF 2.0 category it serves.
    pub csf: CsfCategory,
}
