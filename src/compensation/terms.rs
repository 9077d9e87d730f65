//! What a policy tells customers besides its remedies: whether the offer is made without
//! admission of liability, how long a customer has to supply evidence, and which outside
//! bodies they can turn to. The customer explanation
//! ([`Explanation::to_customer`](super::Explanation::to_customer)) prints them.

use std::num::NonZeroU16;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The outside bodies a customer can turn to after the firm's own complaint handling: the
/// regulator's hotline and mediation. Which ones depend on who supervises the firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Recourse {
    /// A mainland securities, futures or fund firm: the CSRC 12386 service platform and
    /// securities and futures dispute mediation (中证中小投资者服务中心 and the other
    /// mediation bodies 12386 refers complaints to).
    CnSecurities,
    /// A mainland payment institution: the PBoC 12363 financial consumer line and
    /// financial dispute mediation.
    CnPayments,
}

/// The terms a policy states to customers. Every field is optional, so policies written
/// before these terms existed load unchanged, and serialize (and hash, for a program's
/// pin) exactly as before.
///
/// # Examples
/// ```
/// use incident::compensation::{OfferTerms, Recourse};
/// let terms: OfferTerms = serde_json::from_str(
///     r#"{"without_admission": true, "evidence_window_days": 60, "recourse": "cn_securities"}"#,
/// )?;
/// assert_eq!(terms.evidence_window_days.map(|d| d.get()), Some(60));
/// assert_eq!(terms.recourse, Some(Recourse::CnSecurities));
/// // Zero days would be a deadline already passed: refused when loading.
/// assert!(serde_json::from_str::<OfferTerms>(r#"{"evidence_window_days": 0}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferTerms {
    /// The offer is made without admission of liability, and the customer letter says so.
    /// A goodwill payment read as an admission invites claims the firm did not intend.
    #[serde(default, skip_serializing_if = "is_false")]
    pub without_admission: bool,
    /// Days after the decision within which a customer may supply evidence to have a loss
    /// (re)verified. Absent: the policy sets no deadline, and the letter names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_window_days: Option<NonZeroU16>,
    /// The regulator hotline and mediation named in the letter. Absent: the letter names
    /// the firm's own complaint handling and the courts only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recourse: Option<Recourse>,
    /// Days after a settlement became payable (or its payment failed or was reversed)
    /// after which money the customer has not collected may be declared unclaimed and held
    /// for them. Absent: the policy states no period, and nothing under it is declared
    /// unclaimed (amend the programme with a version that states one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unclaimed_after_days: Option<NonZeroU16>,
}

impl OfferTerms {
    /// Whether nothing is set (how policies without terms serialize: the field is left out).
    pub fn is_unset(&self) -> bool {
        *self == Self::default()
    }
}

// serde's `skip_serializing_if` passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}
