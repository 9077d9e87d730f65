//! Regulatory notification clocks: regimes as data, business calendars, obligations.
//!
//! A [`Regime`] says when it applies and which [`Report`]s it requires, each with deadline
//! [`Limb`]s (a [`Trigger`], an [`Offset`] and the counting rules). A [`Regulation`] bundles
//! the reporting entity's [`EntityProfile`], the regimes ([`builtin_regimes`] by default),
//! the [`Calendars`] and the chosen [`Readings`]. Given an incident's [`IncidentFacts`] it
//! lists every [`Obligation`] with its due time and status, names the facts it is missing
//! ([`MissingFact`]) and gives the one moment the host should set a timer for.
//!
//! Counting rules, in one place:
//! - minutes and hours are elapsed time on the absolute timeline, so daylight saving
//!   neither stretches nor shrinks them;
//! - calendar days and months are counted on local dates in the regime's zone, the trigger
//!   day not counted; a month that lacks the day ends on its last day;
//! - working days come from a [`BusinessCalendar`]; a date outside its years is an error,
//!   reported as a missing fact, never a guess;
//! - "immediately", "without undue delay", 及时 and 第一时间 give obligations with no due
//!   time (and any outer cap as a limb);
//! - a limb that expired before the obligation arose does not count (DORA RTS 2025/301
//!   Art. 5(2)); of the rest, the earliest governs;
//! - where a text is ambiguous ([`Ambiguity`]) the conservative reading is the default and
//!   each obligation reports the reading used and the due time under the other.
//!
//! # Examples
//!
//! A payment institution in Frankfurt classifies an outage as major; DORA's initial
//! notification is due within 4 hours. The host sets one timer and, when it fires, records
//! what fell due.
//!
//! ```
//! use chrono::{Duration, TimeZone as _, Utc};
//! use incident::regulation::*;
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
//! let t0 = Utc.with_ymd_and_hms(2026, 3, 9, 8, 0, 0).unwrap(); // Monday 09:00 CET
//! let soc = ActorId::new("soc")?;
//! let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::ServiceDisruption, "Payments API down")
//!     .detection(DetectionSource::Monitoring, t0)
//!     .severity(Severity::Sev1)
//!     .owner(ActorId::new("ops.lead")?);
//! let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(soc.clone(), t0))?)?;
//!
//! // The entity, with its Member State's business calendar (built in as `de`; a host
//! // loads others as data).
//! let profile = EntityProfile::new()
//!     .established_in(Jurisdiction::new("DE")?)
//!     .entity_type(EntityType::PaymentInstitution)
//!     .time_zone(Zone::BERLIN)
//!     .calendar(CalendarId::new("de")?);
//! let regulation = Regulation::builtin(profile);
//!
//! // Until the incident is classified as major, DORA cannot tell and says why.
//! let before = incident.obligations(&regulation, t0);
//! assert!(before.undetermined.iter().any(|u| u.regime.as_str() == "eu-dora"));
//!
//! let at = t0 + Duration::hours(1);
//! // The crate proposes the classification from the facts (RTS 2024/1772 Arts. 6, 8, 9);
//! // the compliance officer confirms it, and the log keeps facts and proposal.
//! let mut facts = DoraFacts::default();
//! facts.affects_critical_functions = Some(true);
//! facts.clients_affected = Some(30_000);
//! facts.clients_of_service = Some(200_000); // more than 10 % of the service's clients
//! facts.critical_downtime_minutes = Some(150); // more than 2 hours
//! let classify = Command::confirm(Assessment::DoraMajor { facts }, "classification call 10:00")
//!     .ok_or("the facts settle it")?;
//! assert!(matches!(&classify, Command::RecordDetermination { fact, value: true, .. } if fact.as_str() == "major_incident"));
//! for e in incident.execute(&classify, &Context::new(soc.clone(), at))? {
//!     incident.apply(&e)?;
//! }
//! let obligations = incident.obligations(&regulation, at);
//! let initial = obligations.get("eu-dora", "initial").unwrap();
//! assert_eq!(initial.due, Some(at + Duration::hours(4)));
//!
//! // One timer: the 50 % reminder. When it fires, the incident records it in the log.
//! let wake = incident.poll_timeout(Some(&regulation), at).unwrap();
//! assert_eq!(wake.at, at + Duration::hours(2));
//! for command in incident.handle_timeout(Some(&regulation), wake.at) {
//!     for e in incident.execute(&command, &Context::new(soc.clone(), wake.at))? {
//!         incident.apply(&e)?;
//!     }
//! }
//! assert_eq!(incident.regulatory().alerts.len(), 1);
//! # Ok(())
//! # }
//! ```

mod alerts;
mod ambiguity;
mod applicability;
mod assessment;
mod builtin;
mod calendar;
mod compute;
mod count;
mod deadline;
mod deferral;
mod entity;
mod facts;
mod history;
mod in_force;
mod obligation;
mod ongoing;
mod outcome;
mod problems;
mod record;
mod regime;
mod residents;
mod verdict;
mod versions;

pub use alerts::{DrillMargin, DrillScore};
pub use ambiguity::Ambiguity;
pub use applicability::Applicability;
pub use assessment::{
    Assessment, AssessmentMismatch, AssessmentRecord, CacFacts, CriterionResult, DoraFacts,
    FactUsed, Nis2Facts, Outcome, PortalKind, Proposal, ProposedOutcome,
};
pub use builtin::{
    builtin_regimes, cn_cac, cn_csrc, cn_dsl, cn_pboc, cn_pipl, eu_dora, eu_gdpr, eu_nis2,
    hk_cap_653, hk_sfc, sg_mas_644, sg_pdpa, us_hipaa, us_hipaa_business_associate, us_ny_dfs,
    us_ny_dfs_2017, us_sec_6k, us_sec_8k, us_sec_reg_sp, us_sec_reg_sp_service_provider,
    BUILTIN_FACTS,
};
pub use calendar::{
    BusinessCalendar, CalendarError, CalendarSpec, Calendars, Day, MAX_CALENDAR_YEARS,
};
pub use compute::Regulation;
pub use deferral::{Deferral, DeferralRule, DeferredDue};
pub use entity::{EntityProfile, EntityType};
pub use facts::{Determination, Filing, GradeRecord, IncidentFacts, Waiver};
pub use history::{FactChange, FactHistory, RecordedChange};
pub use in_force::{InForce, LaterCompliance, NotInForce};
pub use obligation::{
    LimbOutcome, NotApplicable, Obligation, ObligationStatus, Obligations, ReadingUsed, Readings,
    Reminder, Undetermined,
};
pub use outcome::ObligationOutcome;
pub use problems::RegimeProblem;
pub use record::{AlertKind, ClockAlert, RegulatoryRecord};
pub use regime::{
    Anchor, CalendarRule, CnGrade, Confidence, IfOngoing, Limb, Milestone, Offset, RecipientKind,
    Regime, Report, ReportRecipient, Roll, StartRule, Submission, TimeOfDay, Trigger, Unit,
    Urgency, ZoneRule,
};
pub use verdict::{MissingFact, Tri, Verdict};
