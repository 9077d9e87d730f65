//! # incident
//!
//! A sans-I/O, event-sourced model of the response to a security incident that touches a
//! firm's customers: a payments platform whose customer data and funds were stolen, a
//! broker whose client accounts were taken over. It models the incident's lifecycle
//! (detect → contain → disclose → remediate → review → close) and its guards, evidence and
//! chain of custody, actions, regulatory notification clocks, compensation,
//! communications and the post-incident review, over a tamper-evident, hash-chained log
//! of everything that happened.
//!
//! The crate owns the rules and the state; the host owns storage, transport, clocks and
//! people. Nothing here reads a clock, the environment, files or randomness: time and
//! actor come in a [`Context`], ids are supplied by the host, and the same inputs always
//! give the same events.
//!
//! ## The host loop
//!
//! Load → replay → decide → append with the expected version → on a conflict, reload and
//! decide again → apply → ask the timer when to wake.
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use incident::classify::Jurisdiction;
//! use incident::id::CalendarId;
//! use incident::locale::Zone;
//! use incident::regulation::{CnGrade, EntityProfile, EntityType, Regulation};
//! use incident::{ActorId, Command, Context, Declare, DetectionSource, Error, Event, EventLog};
//! use incident::{Incident, IncidentId, IncidentKind, Severity};
//!
//! /// One command, as a request handler runs it.
//! fn handle(store: &mut EventLog<Event>, command: &Command, ctx: &Context) -> Result<Incident, Error> {
//!     loop {
//!         let mut incident = Incident::replay(store.envelopes())?; // load; verifies the hash chain
//!         let envelopes = incident.execute(command, ctx)?; // a Rejection lists every unmet guard
//!         match store.append(incident.version(), &envelopes) {
//!             Ok(_head) => {
//!                 for envelope in &envelopes {
//!                     incident.apply(envelope)?; // only what the store accepted
//!                 }
//!                 return Ok(incident);
//!             }
//!             Err(e) if e.is_conflict() => continue, // another writer was first: reload, retry
//!             Err(e) => return Err(e.into()),
//!         }
//!     }
//! }
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let id = IncidentId::from_bytes(*b"0123456789abcdef"); // host-generated
//! let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap(); // the host's clock
//! let soc = ActorId::new("soc.oncall")?;
//! let mut store = EventLog::new(id); // stands in for the host's append-only table
//!
//! // Declare: the Detect guard needs a source, a time, a severity and an owner.
//! let declare = Declare::new(id, IncidentKind::DataBreach, "Customer records and funds stolen")
//!     .detection(DetectionSource::NetworkTraffic, t0)
//!     .severity(Severity::Sev1)
//!     .owner(ActorId::new("zhang.min")?);
//! store.append(0, &Incident::declare(&declare, &Context::new(soc.clone(), t0))?)?;
//!
//! // A request: the breach is graded 较大 under the CAC Measures.
//! let grade = Command::record_grade(CnGrade::RelativelyMajor, "personal information of more than one million people");
//! let incident = handle(&mut store, &grade, &Context::new(soc.clone(), t0 + Duration::minutes(30)))?;
//! assert_eq!(incident.version(), 2);
//!
//! // A writer still holding version 1 is refused, never silently merged.
//! let stale = Incident::replay(&store.envelopes()[..1])?;
//! let note = Command::AddNote { text: "Exfiltration hosts blocked at the edge".into() };
//! let envelopes = stale.execute(&note, &Context::new(soc.clone(), t0 + Duration::minutes(31)))?;
//! assert!(store.append(stale.version(), &envelopes).unwrap_err().is_conflict());
//!
//! // The timer: when must the host wake up for this incident, and for what? The firm's
//! // regulation is a value: its profile, the regimes and the business calendars.
//! let regulation = Regulation::builtin(
//!     EntityProfile::new()
//!         .established_in(Jurisdiction::new("CN")?)
//!         .entity_type(EntityType::CnNetworkOperator)
//!         .time_zone(Zone::SHANGHAI)
//!         .calendar(CalendarId::new("cn")?),
//! );
//! let now = t0 + Duration::minutes(30);
//! let wake = incident.poll_timeout(Some(&regulation), now).ok_or("a clock is running")?;
//! assert_eq!(wake.at, t0 + Duration::hours(2)); // half-time reminder: the CAC report is due in 4 h
//!
//! // When the timer fires, what fell due is recorded through the same loop.
//! let mut incident = incident;
//! for command in incident.handle_timeout(Some(&regulation), wake.at) {
//!     incident = handle(&mut store, &command, &Context::new(soc.clone(), wake.at))?;
//! }
//! assert_eq!(incident.regulatory().alerts.len(), 1);
//! let next = incident.poll_timeout(Some(&regulation), wake.at).ok_or("the next reminder")?;
//! assert_eq!(next.at, t0 + Duration::minutes(192)); // at 80 %; a miss at 4 h is recorded too
//! # Ok(())
//! # }
//! ```
//!
//! The invariant the host must keep: **append envelopes only with the version they were
//! made from ([`Incident::version`] before [`Incident::execute`]), all of a command's
//! envelopes or none, and apply them to the state only after the store accepted them.** A
//! version mismatch is a [`Conflict`]: reload, decide again, retry. Commands from
//! [`Incident::handle_timeout`] go through the same loop. [`EventLog`] is the in-memory
//! reference of what the store must do; the workspace crate `incident-desk` (`desk/`) does
//! it over SQLite and PostgreSQL.
//!
//! ## Map
//!
//! The root re-exports the core of the loop above: the aggregate, its inputs and outputs,
//! the log, the ids and money, and the umbrella error. Everything else is in its module,
//! exported there only; the modules, lowest layer first:
//!
//! - vocabulary: [`id`], [`money`], [`classify`] (VERIS-aligned kinds, severities, data
//!   categories, impact), [`locale`] (languages, formats, time zones);
//! - the record: [`chain`] (envelopes, hash chain, JSON Lines, verification),
//!   [`evidence`], [`actions`], [`findings`];
//! - domain rules: [`regulation`] (regimes, calendars, obligations), [`compensation`]
//!   (policies, decisions, programs, claims), [`comms`] (notices, facts, plans, templates,
//!   fan-out, feedback), [`playbook`] (emergency plans, their validation, the built-ins);
//! - the aggregate: [`lifecycle`] ([`Incident`], its transition table, replay, the timer),
//!   [`bundle`] (evidence bundles);
//! - read models: [`review`] (metrics, report, drills, portfolio, VERIS export),
//!   [`first_hour`] (the checklist a playbook's activation leaves);
//!   [`status`] (the public status page and its Atom feed);
//! - top: [`Error`], [`schema`] (the JSON Schemas), and the [`guide`]: design notes, the
//!   lifecycle's guards, the event contract, the hash-chain specification and tours of each
//!   subdomain.

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
pub mod playbook;
pub mod regulation;
// The aggregate.
pub mod bundle;
pub mod lifecycle;
// Read models.
pub mod first_hour;
pub mod review;
pub mod status;
// Top: the umbrella error, the schema catalogue, the guide (documentation only).
mod error;
pub mod guide;
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

/// The README's code blocks, compiled and run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
