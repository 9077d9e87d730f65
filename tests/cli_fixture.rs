//! The stored log the `incident_cli` tests read (`cli/tests/fixtures/`) is exactly what the
//! securities-firm seed case writes up to its review, so the CLI is tested on the log the
//! library makes today. After an intended change of the seed, regenerate with
//! `UPDATE_FIXTURES=1 cargo test --test cli_fixture`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod driver;
mod seeds;

use incident::chain::write_json_lines;
use seeds::securities_takeover::securities_takeover_until_review;

#[test]
fn the_cli_fixture_is_what_the_seed_case_writes() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cli/tests/fixtures/securities_until_review.jsonl");
    let desk = securities_takeover_until_review();
    let written = write_json_lines(desk.log.envelopes()).unwrap();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &written).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap();
    assert!(
        stored == written,
        "{} differs from the seed case's log; run `UPDATE_FIXTURES=1 cargo test --test cli_fixture`",
        path.display()
    );
}
