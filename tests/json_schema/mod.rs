//! An independent validator (the `jsonschema` crate) for the JSON Schemas committed under
//! `schema/`, so that values the library produces are checked against the published
//! contract and not only against the code that generated it.
//!
//! Used by `compensation`, `feedback`, `review_report`, `schema` and `veris`; `veris`
//! brings its own validator for the VERIS schema and uses only [`assert_valid`], hence
//! `dead_code` is allowed here.

// Test code: a failed setup should stop the test loudly. `veris` uses a part.
#![allow(dead_code, clippy::unwrap_used)]

/// An independent (jsonschema crate) validator for the committed `schema/{name}.json`.
pub(crate) fn committed_validator(name: &str) -> jsonschema::Validator {
    let path = format!("{}/schema/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// Asserts `value` validates, listing every error with its path.
pub(crate) fn assert_valid(validator: &jsonschema::Validator, value: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{value}\n{errors:#?}");
}
