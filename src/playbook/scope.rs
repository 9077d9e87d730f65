//! What incidents a playbook is for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::classify::{GbtCategory, Jurisdiction};
use crate::{IncidentKind, Severity};

/// The incidents a playbook is written for: a kind, and optionally the least severity, the
/// jurisdiction and the GB/T 20986-2023 category it assumes. NIST SP 800-61r3 (April 2025,
/// §3.1, <https://doi.org/10.6028/NIST.SP.800-61r3>, checked 2026-12-07) asks for playbooks
/// per incident type; CSRC Order 218 Art. 37 asks for plans covering defined scenarios.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// The incident kind.
    pub kind: IncidentKind,
    /// The least severe incident it is meant for; `null` for any.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// The jurisdiction whose rules it follows; `null` for any.
    #[serde(default)]
    pub jurisdiction: Option<Jurisdiction>,
    /// The GB/T 20986-2023 category it assumes; `null` for any.
    #[serde(default)]
    pub gbt: Option<GbtCategory>,
}

impl Scope {
    /// A scope for one kind, any severity, jurisdiction and category.
    pub fn kind(kind: IncidentKind) -> Self {
        Self {
            kind,
            severity: None,
            jurisdiction: None,
            gbt: None,
        }
    }

    /// Whether an incident of this kind and severity is in scope (an incident at least as
    /// severe as the scope's least severity).
    pub fn covers(&self, kind: IncidentKind, severity: Severity) -> bool {
        kind == self.kind
            && self
                .severity
                .is_none_or(|least| !least.is_worse_than(severity))
    }
}
