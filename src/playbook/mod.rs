//! Emergency plans (应急预案, playbooks): what a firm has decided in advance to do when an
//! incident of a kind is found, so that declaring it starts the response in one command
//! instead of minutes of typing. A playbook is data (serde + JSON Schema), validated when
//! built and when loaded, listing every problem at once; activation pins its version and
//! digest in the log.
//!
//! The securities seed's first rule is to cut the response "from minutes to seconds" by
//! starting a prepared plan the moment an incident is found (「第一时间启动应急预案」); CSRC
//! Order 218 (Arts. 37–38) requires plans for defined scenarios and yearly drills; NIST SP
//! 800-61r3 asks for playbooks per incident type.
//!
//! | file | holds |
//! |---|---|
//! | `playbook` | [`Playbook`], its builder, its pin and its serialized form |
//! | `scope`, `role`, `step`, `comms`, `targets` | what it is for, who, what, what is said, how fast |
//! | `csf` | NIST CSF 2.0 Functions and Categories each step is tagged with |
//! | `problems`, `validate` | [`PlaybookProblems`] and the checks behind it |
//! | `catalogue` | the host's regimes a firm's playbook may name |
//! | `activation` | what activation instantiates: actions with due times, drafts |
//! | `builtin` | the five built-in playbooks, zh-CN and en |
//!
//! This module sits among the domain rules: it uses `comms`, `compensation` and
//! `regulation`, which never use it.

mod activation;
mod builtin;
mod catalogue;
mod comms;
mod csf;
#[allow(clippy::module_inception)]
mod playbook;
mod problems;
mod role;
mod scope;
mod step;
mod targets;
mod validate;

pub use activation::{Activation, ActivePlaybook, Staffing};
pub use builtin::{builtin_playbook, builtin_playbooks};
pub use catalogue::{Catalogue, HostReferences};
pub use comms::{FeedbackChannel, PlaybookComms};
pub use csf::{CsfCategory, CsfFunction};
pub use playbook::{Playbook, PlaybookBuilder, PlaybookPin, Source, Wording};
pub use problems::{PlaybookProblem, PlaybookProblems};
pub use role::PlaybookRole;
pub use scope::Scope;
pub use step::Step;
pub use targets::Targets;
