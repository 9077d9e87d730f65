//! The roles a playbook staffs. An incident has four roles of its own ([`Role`]); a plan
//! needs more (security lead, IT operations, fraud, customer care), so a playbook declares
//! its roles and says which, if any, is one of the incident's.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Wording;
use crate::id::PlaybookRoleId;
use crate::phase::Role;

/// A role the playbook staffs.
///
/// Who owns a step's action: the person the host names for the role when activating
/// ([`Staffing`](super::Staffing)); failing that, the holder of the incident role it maps
/// to (the declared owner for [`Role::Owner`]); failing that, nobody yet, and the first-hour
/// checklist lists the role as one to fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaybookRole {
    /// The role's id, which steps name as their owner.
    pub id: PlaybookRoleId,
    /// The role's name in each of the playbook's languages.
    pub name: Wording,
    /// The incident role it is, if it is one of the four.
    #[serde(default)]
    pub incident_role: Option<Role>,
}
