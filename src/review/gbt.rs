//! The review report's GB/T 20986-2023 section: what a Chinese regulator's form asks for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::classify::GbtClassification;
use crate::comms::Sensitivity;
use crate::regulation::CnGrade;
use crate::Incident;

/// The incident's GB/T 20986-2023 category, subcategory and grade.
///
/// Before the desk records a classification the report shows the crate's proposal from the
/// kind ([`GbtClassification::proposed_for`]), marked `proposed`, so a reader sees a
/// suggestion, never a decision nobody made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct GbtSection {
    /// The recorded classification, else the proposal, else `null`.
    pub classification: Option<GbtClassification>,
    /// Whether `classification` is only the proposal from the kind.
    pub proposed: bool,
    /// Why, as recorded; `null` for a proposal.
    pub basis: Option<String>,
    /// The grade (特别重大 … 一般) recorded with
    /// [`Command::RecordGrade`](crate::Command::RecordGrade). `null` while ungraded, and for
    /// readers below [`Sensitivity::Restricted`], who do not see the regulatory record.
    pub grade: Option<CnGrade>,
}

impl GbtSection {
    /// The section of `incident` for readers cleared for `clearance`.
    pub(super) fn of(incident: &Incident, clearance: Sensitivity) -> Self {
        let grade = incident
            .regulatory()
            .cn_grade
            .as_ref()
            .map(|g| g.grade)
            .filter(|_| clearance >= Sensitivity::Restricted);
        match incident.gbt() {
            Some(record) => Self {
                classification: Some(record.classification),
                proposed: false,
                basis: Some(record.basis.clone()),
                grade,
            },
            None => {
                let proposal = GbtClassification::proposed_for(incident.kind());
                Self {
                    classification: proposal,
                    proposed: proposal.is_some(),
                    basis: None,
                    grade,
                }
            }
        }
    }
}
