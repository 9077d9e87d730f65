//! The guide: the long-form documentation of the crate, one topic per module. It holds no
//! code, only text and examples (like jiff's `_documentation`); the API reference is in
//! the other modules.
//!
//! Read in this order:
//!
//! 1. [`design`]: why the crate is shaped as it is: sans-I/O, event-sourced, layered, one
//!    timer, domain rules on views of the incident, one error per concern.
//! 2. [`lifecycle`]: the phases, the guard of each transition, what is accepted in every
//!    phase, and how a rejection reads.
//! 3. [`events`]: the stored envelope, the frozen event names, `EVENT_SCHEMA_VERSION` and
//!    how the contract may change.
//! 4. [`chain`]: the hash chain and the canonical JSON form, specified so that a log can be
//!    verified in another language without this crate.
//! 5. [`clocks`], [`compensation`], [`comms`] and [`review`]: short tours of the domain
//!    rules and read models, each pointing to its module.
//!
//! The host loop itself (load → replay → decide → append with the expected version →
//! retry on conflict → apply → ask the timer when to wake) is in the [crate
//! documentation](crate#the-host-loop).

pub mod chain;
pub mod clocks;
pub mod comms;
pub mod compensation;
pub mod design;
pub mod events;
pub mod lifecycle;
pub mod review;
