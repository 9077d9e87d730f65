//! The seed cases of `tests/common`, whose `Desk` records every step (declaration,
//! accepted and rejected commands, each with its actor and time), so a test can drive the
//! same case over HTTP and compare.

#[path = "../common/mod.rs"]
mod common;
pub use common::*;
