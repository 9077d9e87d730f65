//! # incident
//!
//! A sans-I/O, event-sourced model of the response to a security incident that touches
//! customers: a broker whose client accounts were breached, a payments platform whose
//! customer data or funds were stolen. It models the incident and its lifecycle
//! (detect → contain → disclose → remediate → review), the evidence and its chain of
//! custody, the actions, the notices to customers, and a tamper-evident log of everything
//! that happened.
//!
//! The crate owns the rules and the state; the host owns storage, transport, clocks and
//! people. Nothing here reads a clock, the environment, files or randomness: time and
//! actor come in a [`Context`], ids are supplied by the host.
//!
//! ## The host loop
//!
//! Load → replay → decide → append with the expected version → on conflict reload and
//! retry → apply. The invariant the host must keep: **append envelopes to the store only
//! with the version they were made from, and apply them to the state only after the store
//! accepted them.**
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident::*;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let id = IncidentId::from_bytes(*b"0123456789abcdef"); // host-generated
//! let soc = ActorId::new("soc.oncall")?;
//! let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
//! let mut store = EventLog::new(id); // stands in for the host's database table
//!
//! // Declare: the Detect guard needs a source, a time, a severity and an owner.
//! let declare = Declare::new(id, IncidentKind::DataBreach, "Customer records exfiltrated")
//!     .detection(DetectionSource::NetworkTraffic, t0)
//!     .severity(Severity::Sev2)
//!     .owner(ActorId::new("zhang.min")?);
//! let first = Incident::declare(&declare, &Context::new(soc.clone(), t0))?;
//! store.append(0, &first)?;
//!
//! // Later, in a request handler: load, replay (verifies the hash chain), decide.
//! let mut incident = Incident::replay(store.envelopes())?;
//! let ctx = Context::new(soc, t0 + chrono::Duration::minutes(20));
//! let command = Command::AddNote { text: "Blocked exfiltration IPs at the edge".into() };
//! let envelopes = loop {
//!     let envelopes = incident.execute(&command, &ctx)?; // a Rejection lists every unmet guard
//!     match store.append(incident.version(), &envelopes) {
//!         Ok(_) => break envelopes,
//!         Err(e) if e.is_conflict() => incident = Incident::replay(store.envelopes())?,
//!         Err(e) => return Err(e.into()),
//!     }
//! };
//! for envelope in &envelopes {
//!     incident.apply(envelope)?;
//! }
//! assert_eq!(incident.version(), 2);
//! assert_eq!(incident.notes().len(), 1);
//!
//! // Out-of-order transitions are rejected with what is missing and what is allowed.
//! let err = incident.decide(&Command::Review, &ctx).unwrap_err();
//! assert!(err.to_string().contains("not accepted in phase detected"));
//! # Ok(())
//! # }
//! ```
//!
//! ## Map
//!
//! - [`lifecycle`]: [`Incident`], [`Command`], [`Event`], [`Envelope`], guards, replay.
//! - Classification: [`IncidentKind`], [`Severity`] and [`assess_severity`],
//!   [`DataCategory`], [`DetectionSource`], [`Impact`] (VERIS 1.4 vocabulary).
//! - Evidence and actions: [`EvidenceItem`], [`CustodyEntry`], [`Action`].
//! - Communications ([`comms`]): [`Audience`], [`Channel`], [`MessageKind`],
//!   [`ContentElement`], [`required_elements`], [`Notice`], [`Sensitivity`] and
//!   [`FactSheet`], [`CommsPlan`] and its [`Schedule`], [`TemplateSet`] and [`fan_out`],
//!   inquiries and surveys ([`inquiry_stats`], [`survey_stats`]).
//! - Regulatory clocks ([`regulation`]): [`Regulation`], [`Regime`], [`Obligations`],
//!   [`BusinessCalendar`].
//! - Integrity: [`verify`], [`Head`], [`EvidenceBundle`].
//! - Compensation: [`Claim`], [`Policy`] and [`Policy::decide`] (a self-explaining
//!   [`Decision`]), [`Program`] batch assessment with [`ProgramSummary`] (on a
//!   [`CompiledPolicy`]); claims negotiated in the incident's log ([`Incident::claims`],
//!   [`ClaimCase`], [`ClaimStatus`], [`Incident::claim_totals`]).
//! - Money: [`Money`], [`Currency`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod actions;
mod bundle;
mod chain;
mod classify;
pub mod comms;
mod compensation;
mod error;
mod evidence;
mod id;
pub mod lifecycle;
pub mod locale;
mod log;
mod money;
pub mod regulation;
pub mod review;
mod schema;

// --- public interface -------------------------------------------------------------------

// Identifiers.
pub use id::{
    ActionId, ActorId, CalendarId, ClaimId, CustomerRef, EvidenceId, FactKey, FactName, FindingId,
    IdError, IncidentId, InquiryId, NoticeId, PlanItemId, PolicyId, ProgramId, RegimeId, ReportId,
    RuleId, SubStatus, SurveyResponseId, SystemName,
};

// The aggregate and its lifecycle.
pub use lifecycle::{
    allowed_commands, read_json_lines, write_json_lines, ApplyError, Command, CommandKind, Context,
    Declare, Declared, DisclosureBasis, Envelope, Event, Incident, Note, Phase, PhaseStamp,
    Rejection, ReplayError, ReplayOptions, Role, SeverityChange, Unmet, EVENT_SCHEMA_VERSION,
};

// Storage reference and integrity.
pub use bundle::{BundleError, EvidenceBundle, BUNDLE_FORMAT};
pub use chain::{
    verify, CanonicalError, ChainBreak, ChainError, ChainVerifier, Digest, DigestParseError, Head,
};
pub use log::{AppendError, Conflict, EventLog};

// Classification.
pub use classify::{
    assess_severity, DataCategory, DetectionSource, Impact, ImpactUpdate, IncidentKind,
    Jurisdiction, JurisdictionError, Loss, LossVariety, PeopleAffected, Severity,
    SeverityAssessment, VerisDiscovery,
};

// Evidence, actions, communications, review, compensation.
pub use actions::{Action, ActionChanges, ActionKind, ActionStatus, Measure, NewAction};
pub use comms::{
    inquiry_stats, required_elements, survey_stats, Audience, Channel, ClearanceViolation,
    CommsPlan, ContentElement, Fact, FactSheet, FactValue, Inquiry, InquiryStats, InquiryTopic,
    MessageKind, Notice, NoticeDraft, NoticeStatus, Schedule, Sensitivity, SlaTargets, SurveyError,
    SurveyResponse, SurveyStats,
};
pub use compensation::{
    reference_platform_policy, reference_securities_policy, Assessment, Claim, ClaimAssessment,
    ClaimBuilder, ClaimCase, ClaimCounts, ClaimError, ClaimResponse, ClaimStatus, ClaimTotals,
    CompensationError, CompensationStance, CompiledPolicy, Condition, Decision, EvidenceSet,
    EvidenceStrength, Grant, LossBasis, Matching, Offer, Outcome, OutcomeCounts, Payment, Policy,
    PolicyBuilder, PolicyError, PolicyPin, PolicyProblem, PolicyRef, ProRata, Program,
    ProgramSummary, Remedy, RemedyTotals, ReviewTrigger, Rule, RuleOutcome, RuleStatus, Tier,
};
pub use evidence::{
    ContentDigest, ContentDigestError, CustodyAction, CustodyEntry, CustodyRecord, DigestAlgorithm,
    EvidenceItem, NewEvidence,
};
pub use locale::{Locale, LocaleError};
pub use review::{
    veris_record, DeadlineCounts, DeadlineOutcome, DrillGrade, DrillScorecard, DrillStandard,
    Elapsed, Finding, FindingKind, IncidentSummary, Percentiles, Portfolio, PortfolioReport,
    RegimeDeadlines, RegulatorNotification, ResponseMetrics, ResponseTimes, ReviewReport,
    RootCause, Span, VerisConfidence, VerisError, VerisOptions, VerisVictim, VERIS_SCHEMA_VERSION,
};

// Regulatory clocks (the rest of the vocabulary is in [`regulation`]).
pub use regulation::{
    BusinessCalendar, Calendars, CnGrade, EntityProfile, EntityType, IncidentFacts, Milestone,
    MissingFact, Obligation, ObligationStatus, Obligations, Regime, Regulation, TimeZone,
};

// Money.
pub use money::{Currency, Money, MoneyError, MoneyOperation};

// Errors and schemas.
pub use error::Error;
pub use schema::schemas;

// Communications: templates and rendering.
pub use comms::{
    fan_out, FanOut, FanOutError, Format, PersonalMessage, Position, Recipient, RenderContext,
    RenderError, Rendered, Template, TemplateBuilder, TemplateError, TemplatePart, TemplateSet,
    ValueKind, WellKnownKey,
};
pub use id::TemplateId;

/// The README's examples, compiled and run as doctests so the tour cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
