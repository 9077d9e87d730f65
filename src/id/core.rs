//! The incident's id and the actor's: the two ids every host loop touches, re-exported at
//! the crate root.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{check_label, IdError};

/// Identifies one incident. A UUID supplied by the host (`IncidentId::from_uuid`); the crate
/// does not enable uuid's generators because it must not read randomness or clocks.
///
/// # Examples
/// ```
/// use incident::IncidentId;
/// let id: IncidentId = "67e55044-10b1-426f-9247-bb680e5fe0c8".parse()?;
/// assert_eq!(id.to_string(), "67e55044-10b1-426f-9247-bb680e5fe0c8");
/// # Ok::<(), incident::id::IdError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IncidentId(Uuid);

impl IncidentId {
    /// Wraps a host-generated UUID.
    pub const fn from_uuid(uuid: Uuid) -> Self {
        Self(uuid)
    }

    /// Builds an id from 16 host-supplied bytes (for hosts that derive ids from their own keys).
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(Uuid::from_bytes(bytes))
    }

    /// The underlying UUID.
    pub const fn as_uuid(&self) -> &Uuid {
        &self.0
    }
}

impl fmt::Display for IncidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.hyphenated(), f)
    }
}

impl FromStr for IncidentId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Self).map_err(|_| IdError::NotUuid {
            value: s.to_owned(),
        })
    }
}

impl JsonSchema for IncidentId {
    fn schema_name() -> Cow<'static, str> {
        "IncidentId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Identifies one incident: a host-generated UUID in hyphenated lower-case form.",
            "type": "string",
            "format": "uuid"
        })
    }
}

label!(
    /// Who did something: a user name, e-mail or service account of the host's. Opaque to
    /// the crate; it appears in every envelope so each change is attributable.
    ActorId,
    "actor id",
    128
);
