//! NIST Cybersecurity Framework 2.0 tags: every playbook step says which Function and
//! Category it serves, so a firm can map its plan onto the framework its auditors use.
//!
//! Source: NIST CSWP 29, *The NIST Cybersecurity Framework (CSF) 2.0*, 26 February 2024,
//! Appendix A (the Core's Functions and Categories),
//! <https://nvlpubs.nist.gov/nistpubs/CSWP/NIST.CSWP.29.pdf> (checked 2026-12-07).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A CSF 2.0 Function.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CsfFunction {
    /// GV: strategy, expectations and policy.
    Govern,
    /// ID: current risks understood.
    Identify,
    /// PR: safeguards.
    Protect,
    /// DE: attacks and compromises found and analysed.
    Detect,
    /// RS: actions on a detected incident.
    Respond,
    /// RC: assets and operations restored.
    Recover,
}

macro_rules! categories {
    ($($(#[$m:meta])* $variant:ident = $code:literal, $function:ident;)*) => {
        /// A CSF 2.0 Category, serialized as its code (`RS.MI`).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
        )]
        pub enum CsfCategory {
            $($(#[$m])* #[serde(rename = $code)] $variant,)*
        }

        impl CsfCategory {
            /// The category's code, e.g. `RS.MI`.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)* }
            }

            /// The Function the category belongs to.
            pub fn function(self) -> CsfFunction {
                match self { $(Self::$variant => CsfFunction::$function,)* }
            }
        }
    };
}

categories! {
    /// GV.RR: roles, responsibilities and authorities.
    GvRr = "GV.RR", Govern;
    /// GV.SC: cybersecurity supply chain risk management.
    GvSc = "GV.SC", Govern;
    /// ID.IM: improvement (lessons learned, plans exercised).
    IdIm = "ID.IM", Identify;
    /// PR.AA: identity management, authentication and access control.
    PrAa = "PR.AA", Protect;
    /// PR.AT: awareness and training.
    PrAt = "PR.AT", Protect;
    /// PR.DS: data security.
    PrDs = "PR.DS", Protect;
    /// PR.PS: platform security.
    PrPs = "PR.PS", Protect;
    /// PR.IR: technology infrastructure resilience.
    PrIr = "PR.IR", Protect;
    /// DE.CM: continuous monitoring.
    DeCm = "DE.CM", Detect;
    /// DE.AE: adverse event analysis.
    DeAe = "DE.AE", Detect;
    /// RS.MA: incident management.
    RsMa = "RS.MA", Respond;
    /// RS.AN: incident analysis (including evidence preservation, RS.AN-07).
    RsAn = "RS.AN", Respond;
    /// RS.CO: incident response reporting and communication.
    RsCo = "RS.CO", Respond;
    /// RS.MI: incident mitigation (containment, eradication).
    RsMi = "RS.MI", Respond;
    /// RC.RP: incident recovery plan execution.
    RcRp = "RC.RP", Recover;
    /// RC.CO: incident recovery communication.
    RcCo = "RC.CO", Recover;
}

impl fmt::Display for CsfCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_serializes_as_its_code_and_knows_its_function() {
        assert_eq!(
            serde_json::to_string(&CsfCategory::RsMi).ok().as_deref(),
            Some("\"RS.MI\"")
        );
        assert_eq!(CsfCategory::RcRp.function(), CsfFunction::Recover);
        assert_eq!(CsfCategory::GvSc.to_string(), "GV.SC");
    }
}
