//! The incident aggregate and its lifecycle.
//!
//! State changes only through [`Incident::decide`] / [`Incident::execute`] (command → events,
//! or a [`Rejection`] listing every unmet precondition) and [`Incident::apply`] /
//! [`Incident::replay`] (events → state). Both are pure: time and actor travel in the
//! [`Context`].
//!
//! ```mermaid
//! stateDiagram-v2
//!     [*] --> detected: declare
//!     detected --> contained: contain
//!     contained --> disclosed: disclose
//!     disclosed --> remediated: remediate
//!     remediated --> reviewed: review
//!     reviewed --> closed: close
//!     detected --> dismissed: dismiss
//!     contained --> dismissed: dismiss
//!     closed --> [*]
//!     dismissed --> [*]
//! ```
//!
//! Guards (each failing guard is an [`Unmet`] item in the rejection):
//!
//! | transition | requires |
//! |---|---|
//! | declare | detection source, detected-at (not in the future, not before occurred-at), initial severity (a milder one than [`assess_severity`](crate::assess_severity) gives needs a reason), an accountable owner |
//! | contain | at least one containment action done; a contained-at time (not before detection, not in the future) |
//! | disclose | an approved, complete initial notice to affected or all customers, or a recorded decision that public disclosure is not required with its legal basis |
//! | remediate | every remediation action done or deferred with a reason; a compensation program opened or compensation declared not applicable |
//! | review | at least one finding; every prevention action with an owner and a due date; a resolution notice to customers sent |
//! | close | nothing more |
//! | dismiss | a rationale (only from detected or contained) |
//!
//! Every other command ([`CommandKind::CROSS_PHASE`]) is accepted in any open phase and
//! nothing is accepted after closed or dismissed. The claim negotiation commands also need
//! an open compensation program pinned to a policy, and follow each claim's own lifecycle
//! ([`ClaimStatus`](crate::compensation::ClaimStatus)). Every phase entry and sub-status change
//! is stamped ([`Incident::stamps`]) so response metrics can be computed from the log.

pub(crate) mod command;
pub(crate) mod context;
mod decide;
pub(crate) mod envelope;
pub(crate) mod event;
mod evolve;
pub(crate) mod incident;
pub(crate) mod rejection;
pub(crate) mod replay;
pub(crate) mod timer;
mod transitions;
mod views;

pub use crate::phase::PhaseStamp;
pub use command::DisclosureBasis;
pub use event::Declared;
pub use incident::{ApplyError, Note, SeverityChange};
pub use timer::Overdue;
pub use transitions::{allowed_commands, mermaid, TRANSITIONS};
