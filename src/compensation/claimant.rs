//! Claims made by someone other than the customer: an heir of a customer who died, the
//! guardian of a customer without full civil capacity, an agent the customer authorised.
//!
//! The claim records who claims (an opaque [`ClaimantRef`], never personal data), in what
//! [`Capacity`], and the documents that capacity needs, each received or verified; the
//! policy states the documents it requires per capacity
//! ([`PolicyBuilder::claimant_documents`](super::PolicyBuilder::claimant_documents)). A
//! claim by someone other than the customer goes to manual review unless every document the
//! policy requires of the capacity is verified, and when the policy requires none for it:
//! a person checks the capacity before anything is paid. [`Policy::capacity_gap`] names
//! what is missing; the decision's review reasons and both explanations say it.
//!
//! The capacities are the Civil Code's (checked 2026-12-07): a guardian is the legal agent
//! of a person without full civil capacity (Art. 23; parents of minors, Art. 27; the
//! spouse, parents or children of an adult, Art. 28: quoted at
//! <https://ieqm.com/law/5495324.html>, secondary); an agent acts under a written power of
//! attorney naming the agent, the matter, the powers and the period, signed by the
//! principal (Art. 165: quoted at
//! <https://www.jielaw.com/question/2024-civil-code-power-of-attorney>, a law firm); an
//! heir succeeds to the rights of the deceased (Book Six, Succession).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::policy::Policy;
use crate::id::ClaimantRef;
use crate::locale::{tr, Label, Locale};

/// In what capacity someone other than the customer claims.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Capacity {
    /// An heir (继承人) of a customer who died.
    Heir,
    /// The guardian (监护人) of a customer without full civil capacity: a minor, or an
    /// adult under guardianship; their legal agent (Civil Code Art. 23).
    Guardian,
    /// An agent (委托代理人) the customer authorised in writing to claim for them
    /// (Civil Code Art. 165).
    Agent,
}

impl Capacity {
    /// Every capacity.
    pub const ALL: [Capacity; 3] = [Capacity::Heir, Capacity::Guardian, Capacity::Agent];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Heir => "heir",
            Self::Guardian => "guardian",
            Self::Agent => "agent",
        }
    }
}

impl fmt::Display for Capacity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}

impl Label for Capacity {
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Heir => tr(locale, "继承人", "繼承人", "heir"),
            Self::Guardian => tr(locale, "监护人", "監護人", "guardian"),
            Self::Agent => tr(locale, "委托代理人", "獲授權代理人", "authorised agent"),
        }
    }
}

/// A document a claimant's capacity needs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CapacityDocument {
    /// The claimant's own identity document.
    ClaimantIdentity,
    /// A copy of the customer's identity document.
    CustomerIdentity,
    /// Proof of the customer's death (a death certificate).
    DeathCertificate,
    /// Proof of the right to inherit: proof of kinship for a first-order heir, or a
    /// notarised certificate of succession (继承公证书), a notarised will or a court's
    /// decision.
    SuccessionProof,
    /// Proof of guardianship: the household register or a birth certificate showing the
    /// parent, or the document appointing the guardian.
    GuardianshipProof,
    /// A power of attorney the customer signed, naming the agent, the matter, the powers
    /// and the period (Civil Code Art. 165).
    PowerOfAttorney,
}

impl CapacityDocument {
    /// Every document.
    pub const ALL: [CapacityDocument; 6] = [
        CapacityDocument::ClaimantIdentity,
        CapacityDocument::CustomerIdentity,
        CapacityDocument::DeathCertificate,
        CapacityDocument::SuccessionProof,
        CapacityDocument::GuardianshipProof,
        CapacityDocument::PowerOfAttorney,
    ];
}

impl fmt::Display for CapacityDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}

impl Label for CapacityDocument {
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::ClaimantIdentity => tr(
                locale,
                "申请人本人的有效身份证件",
                "申請人本人的有效身份證明文件",
                "the claimant's own identity document",
            ),
            Self::CustomerIdentity => tr(
                locale,
                "客户身份证件的复印件",
                "客戶身份證明文件的副本",
                "a copy of the customer's identity document",
            ),
            Self::DeathCertificate => tr(
                locale,
                "客户的死亡证明",
                "客戶的死亡證明",
                "proof of the customer's death",
            ),
            Self::SuccessionProof => tr(
                locale,
                "继承权证明",
                "繼承權證明",
                "proof of the right to inherit",
            ),
            Self::GuardianshipProof => tr(
                locale,
                "监护关系证明",
                "監護關係證明",
                "proof of guardianship",
            ),
            Self::PowerOfAttorney => tr(
                locale,
                "客户签署的授权委托书",
                "客戶簽署的授權委託書",
                "a power of attorney signed by the customer",
            ),
        }
    }
}

/// Where a document stands; a document not listed has not been received.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Received, not yet verified.
    Received,
    /// Verified by the desk.
    Verified,
}

/// Who claims when it is not the customer, in what capacity, and the documents supplied.
///
/// # Examples
/// ```
/// use incident::compensation::{Capacity, CapacityDocument as D, Claimant, DocumentStatus};
/// use incident::id::ClaimantRef;
/// let heir = Claimant::new(ClaimantRef::new("H-0042")?, Capacity::Heir)
///     .document(D::ClaimantIdentity, DocumentStatus::Verified)
///     .document(D::DeathCertificate, DocumentStatus::Received);
/// let required = [D::ClaimantIdentity, D::DeathCertificate, D::SuccessionProof].into();
/// assert_eq!(
///     heir.unverified(&required),
///     [(D::DeathCertificate, Some(DocumentStatus::Received)), (D::SuccessionProof, None)]
/// );
/// # Ok::<(), incident::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claimant {
    /// The claimant (an opaque reference in the host's systems).
    pub reference: ClaimantRef,
    /// The capacity they claim in.
    pub capacity: Capacity,
    /// The documents supplied, each received or verified; one not listed is missing.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub documents: BTreeMap<CapacityDocument, DocumentStatus>,
}

impl Claimant {
    /// `reference` claiming as `capacity`, no document supplied yet.
    pub fn new(reference: ClaimantRef, capacity: Capacity) -> Self {
        Self {
            reference,
            capacity,
            documents: BTreeMap::new(),
        }
    }

    /// Records a document and where it stands.
    #[must_use]
    pub fn document(mut self, document: CapacityDocument, status: DocumentStatus) -> Self {
        self.documents.insert(document, status);
        self
    }

    /// The documents of `required` not verified, in order, each with its status (`None`:
    /// not received).
    pub fn unverified(
        &self,
        required: &BTreeSet<CapacityDocument>,
    ) -> Vec<(CapacityDocument, Option<DocumentStatus>)> {
        required
            .iter()
            .map(|d| (*d, self.documents.get(d).copied()))
            .filter(|(_, status)| *status != Some(DocumentStatus::Verified))
            .collect()
    }

    /// Whether every document of `required` is verified (without allocating: the batch
    /// path asks this of every claim made by someone other than the customer).
    pub(crate) fn all_verified(&self, required: &BTreeSet<CapacityDocument>) -> bool {
        required
            .iter()
            .all(|d| self.documents.get(d) == Some(&DocumentStatus::Verified))
    }
}

/// Why a claim made by someone other than the customer waits for a person: the capacity's
/// documents the policy requires and that are not verified, or the policy requiring none
/// for that capacity (then a person checks the capacity itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CapacityGap {
    /// The claimant.
    pub claimant: ClaimantRef,
    /// The capacity they claim in.
    pub capacity: Capacity,
    /// Whether the policy states the documents this capacity needs.
    pub stated: bool,
    /// The required documents not verified, each with its status (`None`: not received).
    pub missing: Vec<(CapacityDocument, Option<DocumentStatus>)>,
}

/// The review reason, in English: `claimant H-1 claims as heir; not verified: proof of the
/// customer's death (received), proof of the right to inherit (not received)`, or `…; the
/// policy lists no documents for that capacity: a person checks it`.
impl fmt::Display for CapacityGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "claimant {} claims as {}; ",
            self.claimant, self.capacity
        )?;
        if !self.stated {
            return f
                .write_str("the policy lists no documents for that capacity: a person checks it");
        }
        f.write_str("not verified: ")?;
        for (n, (document, status)) in self.missing.iter().enumerate() {
            let status = match status {
                Some(DocumentStatus::Received) => "received",
                Some(DocumentStatus::Verified) => "verified",
                None => "not received",
            };
            let sep = if n == 0 { "" } else { ", " };
            write!(f, "{sep}{document} ({status})")?;
        }
        Ok(())
    }
}

/// The documents per capacity a policy requires: what [`Policy`] holds.
pub(crate) type CapacityDocuments = BTreeMap<Capacity, BTreeSet<CapacityDocument>>;

/// Whether `claim` needs review for its claimant under `required` (no allocation).
#[inline]
pub(crate) fn needs_capacity_review(required: &CapacityDocuments, claim: &Claim) -> bool {
    if !claim.by_claimant() {
        return false;
    }
    claim.claimant().is_some_and(|claimant| {
        required
            .get(&claimant.capacity)
            .is_none_or(|docs| !claimant.all_verified(docs))
    })
}

impl Policy {
    /// Why `claim` waits for a person because someone other than the customer makes it:
    /// `None` for the customer's own claim, and for a claimant whose capacity's documents
    /// (as this policy requires them) are all verified.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::*;
    /// use incident::id::{ClaimantRef, CustomerRef};
    /// use incident::{Currency, Money};
    /// let policy = reference_securities_policy();
    /// let agent = Claimant::new(ClaimantRef::new("A-7")?, Capacity::Agent)
    ///     .document(CapacityDocument::PowerOfAttorney, DocumentStatus::Received);
    /// let claim = Claim::builder(CustomerRef::new("C-1")?, Tier::Standard,
    ///     Money::from_minor(0, Currency::CNY), EvidenceStrength::None)
    ///     .claimant(agent)
    ///     .build()?;
    /// let gap = policy.capacity_gap(&claim).ok_or("an agent's documents are checked")?;
    /// assert!(gap.stated);
    /// assert!(gap.missing.contains(&(CapacityDocument::PowerOfAttorney, Some(DocumentStatus::Received))));
    /// assert!(policy.decide(&claim)?.needs_manual_review());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn capacity_gap(&self, claim: &Claim) -> Option<CapacityGap> {
        let claimant = claim.claimant()?;
        let required = self.claimant_documents.get(&claimant.capacity);
        let missing = required.map(|docs| claimant.unverified(docs));
        if missing.as_ref().is_some_and(Vec::is_empty) {
            return None;
        }
        Some(CapacityGap {
            claimant: claimant.reference.clone(),
            capacity: claimant.capacity,
            stated: required.is_some(),
            missing: missing.unwrap_or_default(),
        })
    }

    /// The documents this policy requires of a claimant in `capacity`; `None` when it
    /// states none (such a claim is then always reviewed).
    pub fn claimant_documents(&self, capacity: Capacity) -> Option<&BTreeSet<CapacityDocument>> {
        self.claimant_documents.get(&capacity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacities_and_documents_have_distinct_names_in_every_locale() {
        crate::locale::assert_labels_distinct(&Capacity::ALL);
        crate::locale::assert_labels_distinct(&CapacityDocument::ALL);
    }
}
