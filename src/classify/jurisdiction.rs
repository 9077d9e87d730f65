use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// A malformed jurisdiction code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("jurisdiction {value:?} is not a code like \"CN\", \"HK\", \"US-NY\" or \"EU\": use an ISO 3166-1 alpha-2 country code in upper case, optionally followed by '-' and an ISO 3166-2 subdivision code")]
pub struct JurisdictionError {
    value: String,
}

/// Where affected people or entities are: an ISO 3166-1 alpha-2 country code, optionally with
/// an ISO 3166-2 subdivision (`US-NY`), or `EU` for Union-wide regimes. Regulatory regimes
/// are selected by these codes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Jurisdiction(String);

impl Jurisdiction {
    /// Wraps a crate-internal literal without checking it: for the built-in regimes, whose
    /// codes are checked by tests.
    pub(crate) fn from_static(value: &'static str) -> Self {
        Self(value.to_owned())
    }

    /// Validates a code.
    ///
    /// # Errors
    /// [`JurisdictionError`] unless the value is two upper-case letters, optionally followed
    /// by `-` and one to three upper-case letters or digits.
    ///
    /// # Examples
    /// ```
    /// use incident::classify::Jurisdiction;
    /// assert_eq!(Jurisdiction::new("US-NY")?.country(), "US");
    /// assert!(Jurisdiction::new("usa").is_err());
    /// # Ok::<(), incident::classify::JurisdictionError>(())
    /// ```
    pub fn new(value: impl Into<String>) -> Result<Self, JurisdictionError> {
        let value = value.into();
        let bytes = value.as_bytes();
        let country_ok = bytes.len() >= 2 && bytes.iter().take(2).all(u8::is_ascii_uppercase);
        let rest_ok = match bytes.get(2..) {
            Some([]) => true,
            Some([b'-', sub @ ..]) => {
                (1..=3).contains(&sub.len())
                    && sub
                        .iter()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            }
            _ => false,
        };
        if country_ok && rest_ok {
            Ok(Self(value))
        } else {
            Err(JurisdictionError { value })
        }
    }

    /// The whole code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country (or `EU`) part.
    pub fn country(&self) -> &str {
        self.0.get(..2).unwrap_or(&self.0)
    }

    /// The subdivision part, if any (`NY` in `US-NY`).
    pub fn subdivision(&self) -> Option<&str> {
        self.0.get(3..)
    }
}

impl TryFrom<String> for Jurisdiction {
    type Error = JurisdictionError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Jurisdiction> for String {
    fn from(value: Jurisdiction) -> Self {
        value.0
    }
}

impl FromStr for Jurisdiction {
    type Err = JurisdictionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for Jurisdiction {
    fn schema_name() -> Cow<'static, str> {
        "Jurisdiction".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 3166-1 alpha-2 country code, optionally with an ISO 3166-2 subdivision (US-NY), or EU.",
            "type": "string",
            "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_countries_and_subdivisions_only() {
        for ok in ["CN", "HK", "EU", "US-NY", "CN-31", "GB-ENG"] {
            assert!(Jurisdiction::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "C", "cn", "CHN", "US-", "US-ABCD", "US_NY", "US-ny"] {
            assert!(Jurisdiction::new(bad).is_err(), "{bad}");
        }
        let j = Jurisdiction::new("US-NY").unwrap();
        assert_eq!((j.country(), j.subdivision()), ("US", Some("NY")));
        assert_eq!(Jurisdiction::new("CN").unwrap().subdivision(), None);
    }
}
