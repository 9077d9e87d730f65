//! The lifecycle: phases, guards, and what each phase accepts.
//!
//! ```text
//! declare → detected → contained → disclosed → remediated → reviewed → closed
//!               │           │
//!               └───────────┴──→ dismissed (false positive, with a rationale)
//! ```
//!
//! The one transition table is [`TRANSITIONS`](crate::lifecycle::TRANSITIONS);
//! [`Incident::decide`](crate::Incident::decide) reads it, the Mermaid diagram in the
//! [`lifecycle`](crate::lifecycle) module is generated from it (a test keeps the two equal),
//! and [`allowed_commands`](crate::lifecycle::allowed_commands) answers what a phase
//! accepts.
//!
//! # Guards
//!
//! Each transition has a guard. A command that fails it is refused with a
//! [`Rejection`](crate::Rejection) listing every unmet precondition at once, each an
//! [`Unmet`](crate::Unmet) with a stable `code` and a message an operator can act on.
//!
//! | transition | requires |
//! |---|---|
//! | declare | a detection source; detected-at (not in the future, not before occurred-at); an initial severity (milder than [`assess_severity`](crate::classify::assess_severity) gives only with a reason); an accountable owner |
//! | contain | at least one containment action done; a contained-at time (not before detection, not in the future) |
//! | disclose | an approved, complete initial notice to affected or all customers (under a comms plan: the planned one), or a recorded decision that public disclosure is not required, with its legal basis |
//! | remediate | every remediation action done or deferred with a reason; a compensation program opened or compensation declared not applicable |
//! | review | at least one finding; every prevention action with an owner and a due date; a resolution notice to customers sent; no regulatory report still owed |
//! | close | no regulatory report still owed |
//! | dismiss | a rationale; only from detected or contained |
//!
//! Regulator notifications are obligations on their own clocks ([`clocks`](super::clocks))
//! and may be filed in any phase; Review and Close then wait for every report that is due
//! or open (pending or overdue) and neither filed nor waived, so an incident cannot be
//! closed while a regulator was never told. The host passes the regulation it runs in
//! the [`Context`](crate::Context) ([`Context::with_regulation`](crate::Context::with_regulation));
//! a report that is not owed (a threshold not met, PIPL art. 57(2)) is recorded with its
//! legal basis by [`Command::WaiveObligation`](crate::Command::WaiveObligation). A report
//! whose trigger has not happened (awaiting trigger) does not hold the incident.
//!
//! # Across phases
//!
//! Every other command ([`CommandKind::CROSS_PHASE`](crate::CommandKind::CROSS_PHASE)) is
//! accepted in any open phase: severity, classification, impact and occurrence time,
//! roles, sub-status, evidence and custody, actions, notes, the regulatory record
//! (milestones, determinations, grade, filings, waivers, deferrals, clock alerts), overdue records, inquiries
//! and survey responses, notices and facts, the comms plan, findings, the compensation
//! decision and claim negotiation. Some have guards of their own: a notice is approved
//! only with facts its audience may see, and a planned one only by the holder of its plan
//! item's role;
//! claims follow their own lifecycle ([`ClaimStatus`](crate::compensation::ClaimStatus))
//! under a pinned program. Nothing is accepted after closed or dismissed.
//!
//! Hosts may set their own sub-status inside a phase ("contained: monitoring for
//! re-entry"). Every phase entry and sub-status change is stamped with its time and
//! sequence ([`Incident::stamps`](crate::Incident::stamps)), so response metrics can be
//! computed from the log. Incidents declared with
//! [`Declare::exercise`](crate::Declare::exercise) are drills: the same machine, flagged,
//! with clocks computed and scored but nothing counted as a real filing.
//!
//! # How a rejection reads
//!
//! A half-filled declaration (a broker's client hotline reports accounts taken over) is
//! refused with everything it lacks; an out-of-order transition names the phase and what
//! it accepts.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident::{ActorId, Command, Context, Declare, DetectionSource, Incident, IncidentId};
//! use incident::{IncidentKind, Severity, Unmet};
//!
//! let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
//! let ctx = Context::new(ActorId::new("hotline")?, t0);
//! let id = IncidentId::from_bytes([7; 16]);
//!
//! let half = Declare::new(id, IncidentKind::AccountTakeover, "Client accounts taken over");
//! let rejection = Incident::declare(&half, &ctx).unwrap_err();
//! let missing: Vec<&str> = rejection
//!     .unmet
//!     .iter()
//!     .filter_map(|u| match u {
//!         Unmet::Missing { field, .. } => Some(field.as_str()),
//!         _ => None,
//!     })
//!     .collect();
//! assert_eq!(missing, ["detection_source", "detected_at", "severity", "owner"]);
//!
//! let declare = half
//!     .detection(DetectionSource::CustomerReport, t0)
//!     .severity(Severity::Sev2)
//!     .owner(ActorId::new("li.na")?);
//! let incident = Incident::replay(&Incident::declare(&declare, &ctx)?)?;
//! let rejection = incident.decide(&Command::Remediate {}, &ctx).unwrap_err();
//! assert!(rejection.to_string().starts_with(
//!     "cannot remediate an incident in phase detected: this command is not accepted in \
//!      phase detected (accepted now: contain, dismiss, change_severity,"
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
