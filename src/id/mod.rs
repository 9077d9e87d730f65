//! Identifiers. The library never mints ids: the host supplies them (a UUID it generated, a
//! ticket number, a user name), so that the same inputs always give the same events.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// A malformed identifier or label.
///
/// # Handling
/// Input error: report it to whoever typed the value (HTTP 400); retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// The value was empty or only white space.
    #[error("{kind} is empty: supply a non-empty value")]
    Empty {
        /// Which kind of identifier.
        kind: &'static str,
    },
    /// The value was longer than allowed.
    #[error("{kind} is {len} characters long; at most {max} are allowed")]
    TooLong {
        /// Which kind of identifier.
        kind: &'static str,
        /// Its length in characters.
        len: usize,
        /// The maximum.
        max: usize,
    },
    /// The value had leading or trailing white space or a control character.
    #[error("{kind} {value:?} has leading/trailing white space or a control character: trim it and remove line breaks and tabs")]
    BadCharacters {
        /// Which kind of identifier.
        kind: &'static str,
        /// The offending value.
        value: String,
    },
    /// An incident id that is not a UUID.
    #[error("incident id {value:?} is not a UUID (expected the form 67e55044-10b1-426f-9247-bb680e5fe0c8)")]
    NotUuid {
        /// The offending value.
        value: String,
    },
}

/// Checks the rules every label and text id shares: not empty, at most `max` characters,
/// no leading/trailing white space, no control characters.
pub(crate) fn check_label(kind: &'static str, value: &str, max: usize) -> Result<(), IdError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(IdError::Empty { kind });
    }
    // Every stored id is checked on every replay: ASCII text, the usual case, is counted
    // and searched byte by byte.
    let (len, control) = if value.is_ascii() {
        let bytes = value.as_bytes();
        (bytes.len(), bytes.iter().any(u8::is_ascii_control))
    } else {
        (value.chars().count(), value.chars().any(char::is_control))
    };
    if len > max {
        return Err(IdError::TooLong { kind, len, max });
    }
    if trimmed.len() != value.len() || control {
        return Err(IdError::BadCharacters {
            kind,
            value: value.to_owned(),
        });
    }
    Ok(())
}

/// Defines a validated string identifier: private field, `TryFrom<String>` for serde so that
/// deserializing cannot skip validation, and a JSON Schema with the same limits.
macro_rules! label {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $max:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        #[serde(try_from = "String")]
        pub struct $name(String);

        /// Written as the plain string, borrowed (no copy per id on every encoding).
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl $name {
            /// Validates and wraps the value.
            ///
            /// # Errors
            /// [`IdError`] when the value is empty, too long, or has surrounding white space
            /// or control characters.
            pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
                let value = value.into();
                check_label($kind, &value, $max)?;
                Ok(Self(value))
            }

            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Wraps a crate-internal literal without checking it: for constants the crate
            /// ships (reference policies), whose validity is asserted by tests.
            #[allow(dead_code)]
            pub(crate) fn from_static(value: &'static str) -> Self {
                Self(value.to_owned())
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;

            fn try_from(value: &str) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl FromStr for $name {
            type Err = IdError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "description": concat!("A ", $kind, ": 1 to ", stringify!($max), " characters, no surrounding white space, no control characters."),
                    "type": "string",
                    "minLength": 1,
                    "maxLength": $max,
                    "pattern": "^\\S(.*\\S)?$"
                })
            }
        }
    };
}

// The two ids every host loop uses, re-exported at the crate root (and only there).
pub(crate) mod core;

label!(
    /// Identifies an evidence item within an incident (e.g. `EV-0007`).
    EvidenceId,
    "evidence id",
    64
);
label!(
    /// Identifies a containment, remediation or prevention action within an incident.
    ActionId,
    "action id",
    64
);
label!(
    /// Identifies a notice (a message to an audience) within an incident.
    NoticeId,
    "notice id",
    64
);
label!(
    /// Identifies a component (a service the firm names on its status page, e.g.
    /// `mobile-banking`).
    ComponentId,
    "component id",
    64
);
label!(
    /// Identifies a scheduled maintenance window on the status page.
    MaintenanceId,
    "maintenance id",
    64
);
label!(
    /// Identifies a review finding within an incident.
    FindingId,
    "finding id",
    64
);
label!(
    /// Identifies a compensation program.
    ProgramId,
    "program id",
    64
);
label!(
    /// Identifies a compensation claim within an incident (e.g. `CL-000123`). Host-chosen
    /// and opaque: never a name, phone number or account number.
    ClaimId,
    "claim id",
    64
);
label!(
    /// An opaque reference to a customer in the host's systems (never personal data), so
    /// compensation claims and decisions can be stored without a name or account number.
    CustomerRef,
    "customer reference",
    64
);
label!(
    /// An opaque reference to the person who makes a compensation claim for a customer (an
    /// heir, a guardian, an authorised agent) in the host's systems: never a name, an
    /// identity number or an account number.
    ClaimantRef,
    "claimant reference",
    64
);
label!(
    /// An opaque reference to the account a claim's cash is paid into, as the host keys it
    /// (its payment provider's account token, or a keyed hash of the account): never the
    /// account number. Claims of different customers naming one reference are held for a
    /// review before an offer, the sign of a mule account or a fraud ring.
    PayoutRef,
    "payout reference",
    64
);
label!(
    /// Identifies a compensation policy; with its version it pins what a program applies.
    PolicyId,
    "policy id",
    64
);
label!(
    /// Identifies an emergency plan (应急预案, a playbook) and the drill scenario it is
    /// exercised under (e.g. `securities.account-takeover`); with its version it pins what
    /// an incident activated.
    PlaybookId,
    "playbook id",
    64
);
label!(
    /// Names a role an emergency plan staffs (e.g. `security-lead`, `it-operations`); a
    /// playbook declares its roles and every step names one as its owner.
    PlaybookRoleId,
    "playbook role id",
    64
);
label!(
    /// Identifies a rule within a compensation policy, so decisions can name it.
    RuleId,
    "rule id",
    64
);
label!(
    /// Identifies a business calendar, e.g. `cn` or `us-sec`.
    CalendarId,
    "calendar id",
    64
);
label!(
    /// Identifies a regulatory regime, e.g. `eu-gdpr` or `cn-cac-incident-reporting`.
    RegimeId,
    "regime id",
    64
);
label!(
    /// Identifies a report within a regime, e.g. `initial` or `final`.
    ReportId,
    "report id",
    64
);
label!(
    /// Names a determination the incident team records (a yes/no fact such as
    /// `major_incident` or `material`), which regimes test in their applicability.
    FactName,
    "fact name",
    64
);
label!(
    /// Names a fact a message may carry, e.g. `occurred_at`, `contact_points` or
    /// `ioc.c2_address`. Templates refer to facts by these keys.
    FactKey,
    "fact key",
    64
);
label!(
    /// Identifies an item of a communication plan, e.g. `customer-initial`.
    PlanItemId,
    "plan item id",
    64
);
label!(
    /// A host-defined sub-status inside a phase, e.g. `monitoring for re-entry`.
    SubStatus,
    "sub-status",
    64
);
label!(
    /// The name of an affected system, e.g. `trading-gateway`.
    SystemName,
    "system name",
    128
);
label!(
    /// Identifies a customer inquiry (a question or complaint on a feedback channel)
    /// within an incident.
    InquiryId,
    "inquiry id",
    64
);
label!(
    /// Identifies a survey response within an incident.
    SurveyResponseId,
    "survey response id",
    64
);
label!(
    /// Identifies a message template, e.g. `builtin.initial_notice.zh-CN` or a host's
    /// `acme.sms.initial`; rendered messages name the template they came from.
    TemplateId,
    "template id",
    64
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorId, IncidentId};

    #[test]
    fn labels_honour_width_and_alignment() {
        let id = NoticeId::new("N-1").unwrap();
        assert_eq!(format!("[{id:<6}]"), "[N-1   ]");
        assert_eq!(format!("[{id:>6}]"), "[   N-1]");
        assert_eq!(format!("[{id}]"), "[N-1]");
    }

    #[test]
    fn labels_validate_on_construction_and_deserialization() {
        assert!(ActorId::new("alice@example.com").is_ok());
        assert_eq!(ActorId::new("  "), Err(IdError::Empty { kind: "actor id" }));
        assert!(matches!(
            ActorId::new(" bob"),
            Err(IdError::BadCharacters { .. })
        ));
        assert!(matches!(
            ActorId::new("a\nb"),
            Err(IdError::BadCharacters { .. })
        ));
        assert!(matches!(
            EvidenceId::new("x".repeat(65)),
            Err(IdError::TooLong {
                len: 65,
                max: 64,
                ..
            })
        ));
        assert!(EvidenceId::new("证据-1").is_ok());
        // Control characters in ASCII text and beyond it (DEL, a C1 control).
        for bad in ["a\u{7f}b", "张\u{85}敏", "a\u{85}b", "张\tb"] {
            assert!(
                matches!(ActorId::new(bad), Err(IdError::BadCharacters { .. })),
                "{bad:?}"
            );
        }
        // Length in characters, not bytes: 64 Chinese characters fit, 65 do not.
        assert!(EvidenceId::new("证".repeat(64)).is_ok());
        assert!(matches!(
            EvidenceId::new("证".repeat(65)),
            Err(IdError::TooLong { len: 65, .. })
        ));
        let err = serde_json::from_str::<ActorId>("\"\"").unwrap_err();
        assert!(err.to_string().contains("actor id is empty"), "{err}");
    }

    #[test]
    fn incident_id_round_trips() {
        let id = IncidentId::from_bytes([7; 16]);
        let text = id.to_string();
        assert_eq!(text.parse::<IncidentId>().unwrap(), id);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{text}\""));
        assert!(matches!(
            "nope".parse::<IncidentId>(),
            Err(IdError::NotUuid { .. })
        ));
    }
}
