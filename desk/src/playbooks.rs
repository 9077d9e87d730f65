//! The desk's playbook catalogue: the crate's built-in playbooks, plus the firm's own from
//! a file or a directory given on the command line (`--playbooks`), each validated when the
//! desk starts, so a bad plan stops the desk instead of failing the first declaration.

use std::collections::BTreeMap;
use std::path::Path;

use incident::id::PlaybookId;
use incident::playbook::{builtin_playbooks, Playbook};

/// The playbooks the desk can activate, by id.
#[derive(Debug, Clone)]
pub struct Catalogue {
    playbooks: BTreeMap<PlaybookId, Playbook>,
}

impl Default for Catalogue {
    /// The built-in playbooks.
    fn default() -> Self {
        Self {
            playbooks: builtin_playbooks()
                .into_iter()
                .map(|p| (p.id().clone(), p))
                .collect(),
        }
    }
}

impl Catalogue {
    /// The built-ins plus the firm's `extra` playbooks, which replace a built-in of the same id.
    pub fn with(mut self, extra: Vec<Playbook>) -> Self {
        for p in extra {
            self.playbooks.insert(p.id().clone(), p);
        }
        self
    }

    /// The playbook with this id.
    pub fn get(&self, id: &str) -> Option<&Playbook> {
        PlaybookId::new(id)
            .ok()
            .and_then(|id| self.playbooks.get(&id))
    }

    /// Every playbook, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Playbook> {
        self.playbooks.values()
    }
}

/// Reads the firm's playbooks: a JSON file holding one playbook or an array of them, or a
/// directory of such `.json` files. Every playbook is validated as it is read.
///
/// # Errors
/// The file and everything wrong with it (every problem of a playbook at once).
pub fn load(path: &Path) -> Result<Vec<Playbook>, String> {
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let mut out = Vec::new();
        for file in files {
            out.extend(load_file(&file)?);
        }
        Ok(out)
    } else {
        load_file(path)
    }
}

fn load_file(path: &Path) -> Result<Vec<Playbook>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        one => vec![one],
    };
    items
        .into_iter()
        .map(|item| serde_json::from_value(item).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_firm_playbook_is_validated_when_loaded_and_replaces_a_builtin() {
        let dir = std::env::temp_dir().join(format!("desk-playbooks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut mine = incident::playbook::builtin_playbook("ransomware")
            .unwrap()
            .to_builder();
        mine.version = 2;
        let mine = mine.build().unwrap();
        std::fs::write(dir.join("a.json"), serde_json::to_string(&[&mine]).unwrap()).unwrap();
        let loaded = load(&dir).unwrap();
        let catalogue = Catalogue::default().with(loaded);
        assert_eq!(catalogue.get("ransomware").unwrap().version(), 2);
        let mut bad = serde_json::to_value(&mine).unwrap();
        bad["regimes"] = serde_json::json!(["xx-made-up"]);
        std::fs::write(dir.join("b.json"), bad.to_string()).unwrap();
        let err = load(&dir).unwrap_err();
        assert!(err.contains("xx-made-up"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
