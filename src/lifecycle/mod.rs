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
//! ([`ClaimStatus`](crate::ClaimStatus)). Every phase entry and sub-status change
//! is stamped ([`Incident::stamps`]) so response metrics can be computed from the log.

mod command;
mod context;
mod decide;
mod envelope;
mod event;
mod evolve;
mod incident;
mod rejection;
mod replay;
mod timer;
mod transitions;
mod views;

pub use command::{Command, CommandKind, Declare, DisclosureBasis};
pub use context::Context;
pub use envelope::{Envelope, EVENT_SCHEMA_VERSION};
pub use event::{Declared, Event};
pub use incident::{ApplyError, Incident, Note, SeverityChange};
pub use rejection::{Rejection, Unmet};
pub use replay::{ReplayError, ReplayOptions};
pub use timer::{Overdue, Wake};
pub use transitions::{allowed_commands, mermaid, TRANSITIONS};
