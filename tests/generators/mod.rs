//! Proptest strategies for the property tests (`tests/properties.rs`) and the tamper tests
//! (`tests/tamper.rs`): a declared incident followed by random command sequences drawn from
//! every `Command` variant, with small id pools (so that commands often refer to things that
//! exist) and guard-satisfying recipes (so that runs reach the late phases).
//!
//! - `pools.rs`: the fixed incident, its clock, the id pools and text limits;
//! - `vocabulary.rs`, `values.rs`: enum values, text, ids, money;
//! - `commands/`: any command, one file per subdomain;
//! - `scenario.rs`: a declaration and commands on a strictly increasing clock;
//! - `recipes.rs`, `negotiation.rs`: command sequences that meet (or narrowly miss) a
//!   transition's guard, and a claim negotiated through to payment;
//! - `one_of_each.rs`: one valid command of every variant, and every command kind.
//!
//! Test files import from the file that holds a helper (`generators::scenario::scenario`,
//! `generators::pools::base`). Needs `mod driver;` next to it (for `actor`). `tamper` uses
//! only the scenarios and pools, hence `dead_code` is allowed here.

// Test code: a broken generator should stop the test loudly. `tamper` uses a part.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod commands;
mod negotiation;
pub(crate) mod one_of_each;
pub(crate) mod pools;
mod recipes;
pub(crate) mod scenario;
mod values;
mod vocabulary;

use proptest::test_runner::{Config, FileFailurePersistence};

/// Proptest configuration for these tests: no regression files are written into the repo.
pub(crate) fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}
