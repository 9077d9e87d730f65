//! Golden files: rendered text committed under `tests/golden/{dir}/`, compared byte for
//! byte. `comms/` holds every built-in notice template rendered for the platform-theft
//! seed case (`tests/comms_render.rs`), and under `comms/sms/` the short SMS variants with
//! their segment counts; `review/` holds both seed cases' review reports in
//! each language and as JSON (`tests/review_report.rs`); `drills/` the drill programme's
//! status in each language (`tests/drills.rs`); `compensation/` the decision letters and
//! records (`tests/compensation_explain.rs`) and `letters/` the letters after a decision
//! (`tests/claim_letters.rs`). After an intended change, rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --test comms_render --test review_report --test drills` and
//! review the diff.

// Test code: a failed setup should stop the test loudly.
#![allow(clippy::unwrap_used)]

fn golden_dir(dir: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(dir)
}

/// Compares `actual` with the golden file `tests/golden/{dir}/{name}`, or rewrites it under
/// `UPDATE_GOLDEN=1`. Returns a description of the drift.
pub(crate) fn check_golden(dir: &str, name: &str, actual: &str) -> Option<String> {
    let path = golden_dir(dir).join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir(dir)).unwrap();
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => return Some(format!("{name}: cannot read {}: {e}", path.display())),
    };
    if expected == actual {
        return None;
    }
    let (line, want, got) = expected
        .lines()
        .chain(std::iter::repeat("<end of file>"))
        .zip(actual.lines().chain(std::iter::repeat("<end of file>")))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a, b))
        .unwrap_or((0, "", ""));
    Some(format!(
        "{name} differs from the golden file at line {line}:\n  golden:   {want}\n  rendered: {got}"
    ))
}
