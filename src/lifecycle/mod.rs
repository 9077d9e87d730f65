//! The incident aggregate and its lifecycle.
//!
//! State changes only through [`Incident::decide`](crate::Incident::decide) /
//! [`Incident::execute`](crate::Incident::execute) (command → events, or a
//! [`Rejection`](crate::Rejection) listing every unmet precondition) and
//! [`Incident::apply`](crate::Incident::apply) / [`Incident::replay`](crate::Incident::replay)
//! (events → state). Both are pure: time and actor travel in the
//! [`Context`](crate::Context). The one timer is
//! [`Incident::poll_timeout`](crate::Incident::poll_timeout) /
//! [`Incident::handle_timeout`](crate::Incident::handle_timeout).
//!
//! The phases, generated from [`TRANSITIONS`] (a test keeps this diagram equal to it):
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
//! The guard of each transition, and what every phase accepts besides, are in
//! [`guide::lifecycle`](crate::guide::lifecycle); [`allowed_commands`] answers it for one
//! phase. Every phase entry and sub-status change is stamped
//! ([`Incident::stamps`](crate::Incident::stamps)) so response metrics can be computed from
//! the log.

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
pub use event::{one_pass_decode, Declared};
pub use incident::{ApplyError, Note, SeverityChange};
pub use timer::Overdue;
pub use transitions::{allowed_commands, mermaid, TRANSITIONS};
