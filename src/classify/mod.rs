//! What kind of incident this is, how bad, and what it touched.
//!
//! The vocabulary follows the VERIS 1.4 schema (vz-risk/veris, `verisc.json`) where VERIS has
//! the concept, so that an export to VERIS renames nothing: each data category, detection
//! source and loss variety here names its VERIS counterpart (`veris()`). Where VERIS is coarser
//! than an incident desk needs (VERIS has one `Personal` data variety; a notice must say
//! "identity documents" or "contact details"), this crate is finer and maps down.

mod asset;
mod data;
pub(crate) mod discovery;
mod gbt;
mod impact;
mod jurisdiction;
pub(crate) mod kind;
mod loss;
pub(crate) mod severity;

pub use asset::AssetKind;
pub use data::DataCategory;
pub use discovery::VerisDiscovery;
pub use gbt::{GbtCategory, GbtClassification, GbtRecord, GbtSubcategory};
pub use impact::{Impact, ImpactUpdate, PeopleAffected};
pub use jurisdiction::{Jurisdiction, JurisdictionError};
pub use loss::{Loss, LossVariety};
pub use severity::{assess_severity, SeverityAssessment};
