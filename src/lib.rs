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
//! # use incident::actions::*;
//! # use incident::bundle::*;
//! # use incident::chain::*;
//! # use incident::classify::*;
//! # use incident::comms::*;
//! # use incident::compensation::*;
//! # use incident::evidence::*;
//! # use incident::findings::*;
//! # use incident::id::*;
//! # use incident::lifecycle::*;
//! # use incident::locale::*;
//! # use incident::money::*;
//! # use incident::regulation::*;
//! # use incident::review::*;
//! # use incident::schema::*;
//! # use incident::actions::*;
//! # use incident::bundle::*;
//! # use incident::chain::*;
//! # use incident::classify::*;
//! # use incident::comms::*;
//! # use incident::compensation::*;
//! # use incident::evidence::*;
//! # use incident::findings::*;
//! # use incident::id::*;
//! # use incident::lifecycle::*;
//! # use incident::locale::*;
//! # use incident::money::*;
//! # use incident::regulation::*;
//! # use incident::review::*;
//! # use incident::schema::*;
//! # use incident::actions::*;
//! # use incident::bundle::*;
//! # use incident::chain::*;
//! # use incident::classify::*;
//! # use incident::comms::*;
//! # use incident::compensation::*;
//! # use incident::evidence::*;
//! # use incident::findings::*;
//! # use incident::id::*;
//! # use incident::lifecycle::*;
//! # use incident::locale::*;
//! # use incident::money::*;
//! # use incident::regulation::*;
//! # use incident::review::*;
//! # use incident::schema::*;
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

// The modules, in layers (`.ci/layers`): each uses only the layers above it here.
// Vocabulary.
pub mod classify;
pub mod id;
pub mod locale;
pub mod money;
mod phase;
// The record.
pub mod actions;
pub mod chain;
pub mod evidence;
pub mod findings;
mod log;
// Domain rules, each on its own view of the incident.
pub mod comms;
pub mod compensation;
pub mod regulation;
// The aggregate.
pub mod bundle;
pub mod lifecycle;
// Read models.
pub mod review;
// Top: the umbrella error, the schema catalogue.
mod error;
pub mod schema;

// --- public interface: what the host loop touches -------------------------------------
// Everything else lives in its subdomain's module, exported there and only there.

// The aggregate: state, inputs, outputs.
pub use lifecycle::command::{Command, CommandKind, Declare};
pub use lifecycle::context::Context;
pub use lifecycle::envelope::{Envelope, EVENT_SCHEMA_VERSION};
pub use lifecycle::event::Event;
pub use lifecycle::incident::Incident;
pub use lifecycle::rejection::{Rejection, Unmet};
pub use lifecycle::replay::{ReplayError, ReplayOptions};
pub use lifecycle::timer::Wake;
pub use phase::{Phase, Role};

// Storage: the reference log and the chain head a host publishes.
pub use chain::head::Head;
pub use log::{AppendError, Conflict, EventLog};

// Vocabulary every declaration uses.
pub use classify::discovery::DetectionSource;
pub use classify::kind::IncidentKind;
pub use classify::severity::Severity;
pub use id::core::{ActorId, IncidentId};
pub use money::amount::Money;
pub use money::currency::Currency;

// One error for hosts that want one type in their signatures.
pub use error::Error;

/// The README's examples, compiled and run as doctests so the tour cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
