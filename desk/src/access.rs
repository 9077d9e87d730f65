//! Who may use the desk, as what, and what they may see: the access file.
//!
//! Every request but `GET /healthz` carries `Authorization: Bearer <token>`. The access file
//! holds the SHA-256 of each token (never the token), mapped to the actor the log records,
//! the desk roles they hold and their clearance; a token is compared with every entry in
//! constant time. The actor of a command is the token's, never a field of the body.
//!
//! Which desk roles may run which command is data in the same file (`commands`), so legal
//! approving notices and the incident owner containing, disclosing and closing is a
//! deployment's decision, reviewed like any other configuration. A command the file does
//! not list is refused to everyone (fail closed). Desk roles say what a person may do on the
//! desk; the incident's own roles (`assign_role`) say who holds which position in one
//! incident, and the crate's guards check those (an approver must hold the plan item's
//! approver role, and may not approve their own draft).
//!
//! ```json
//! {
//!   "origins": ["https://desk.example.com"],
//!   "tokens": [
//!     {"sha256": "…64 hex digits…", "actor": "li.na", "roles": ["incident_owner"], "clearance": "internal"}
//!   ],
//!   "commands": {"declare": ["incident_owner"], "approve_notice": ["legal"]}
//! }
//! ```
//!
//! `desk new-token --actor li.na --role incident_owner --clearance internal` prints a fresh
//! token (to hand to the person) and the entry to add to `tokens`.

use std::collections::{BTreeMap, BTreeSet};

use incident::comms::Sensitivity;
use incident::{ActorId, CommandKind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The access file: tokens, the command → roles table and the allowed browser origins.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Access {
    /// Origins (`scheme://host[:port]`) a browser may call the desk from. A request with an
    /// `Origin` header not listed here is refused (403 `origin_not_allowed`); a request
    /// without one (a service, curl) is not a cross-site request and passes.
    #[serde(default)]
    pub origins: BTreeSet<String>,
    /// The tokens.
    pub tokens: Vec<TokenEntry>,
    /// For each command (and `declare`), the desk roles that may run it; any one suffices.
    pub commands: BTreeMap<CommandKind, BTreeSet<String>>,
}

/// One token: who it is and what they may do and see.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenEntry {
    /// SHA-256 of the token, 64 lowercase hex digits.
    pub sha256: String,
    /// The actor the log records for this token's commands.
    pub actor: ActorId,
    /// The desk roles held.
    #[serde(default)]
    pub roles: BTreeSet<String>,
    /// The most sensitive label this caller may read; facts and records above it are left
    /// out of every answer. `internal` for the incident team.
    pub clearance: Sensitivity,
}

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// Who.
    pub actor: ActorId,
    /// Their desk roles.
    pub roles: BTreeSet<String>,
    /// What they may read.
    pub clearance: Sensitivity,
}

/// Why the access file is unusable.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    /// The file could not be read or is not valid JSON of the documented shape.
    #[error("access file {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// What was wrong.
        reason: String,
    },
    /// A token entry's `sha256` is not 64 hex digits.
    #[error("access file: the token of {actor} has sha256 {value:?}, which is not 64 hex digits; `desk new-token` prints a valid entry")]
    BadHash {
        /// Whose entry.
        actor: String,
        /// The value found.
        value: String,
    },
    /// Two entries share a hash: one token would be two people.
    #[error("access file: {first} and {second} have the same token hash; give each person a token of their own")]
    SharedToken {
        /// One holder.
        first: String,
        /// The other.
        second: String,
    },
}

/// Why a request was refused before it reached the incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No `Authorization: Bearer` header (401).
    MissingToken,
    /// A token that matches no entry (401).
    UnknownToken,
    /// The caller holds none of the roles the command needs (403).
    Forbidden {
        /// The command.
        command: CommandKind,
        /// The roles that may run it (empty: no one may).
        needed: BTreeSet<String>,
    },
}

impl Access {
    /// Reads and checks the access file at `path`.
    ///
    /// # Errors
    /// [`AccessError`] naming what is wrong with the file.
    pub fn load(path: &str) -> Result<Self, AccessError> {
        let unreadable = |reason: String| AccessError::Unreadable {
            path: path.to_owned(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))?;
        let access: Self = serde_json::from_str(&text).map_err(|e| unreadable(e.to_string()))?;
        access.check()
    }

    /// Checks every hash is 64 hex digits and no two entries share one.
    ///
    /// # Errors
    /// [`AccessError::BadHash`], [`AccessError::SharedToken`].
    pub fn check(self) -> Result<Self, AccessError> {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for entry in &self.tokens {
            let hash = entry.sha256.to_ascii_lowercase();
            if decode_hash(&hash).is_none() {
                return Err(AccessError::BadHash {
                    actor: entry.actor.to_string(),
                    value: entry.sha256.clone(),
                });
            }
            if let Some(first) = seen.insert(hash, entry.actor.to_string()) {
                return Err(AccessError::SharedToken {
                    first,
                    second: entry.actor.to_string(),
                });
            }
        }
        Ok(self)
    }

    /// The caller an `Authorization` header value names. The token's hash is compared with
    /// every entry, each comparison in constant time, so the answer's timing tells nothing
    /// about how much of a guess was right.
    ///
    /// # Errors
    /// [`Refusal::MissingToken`] without a bearer token, [`Refusal::UnknownToken`] when no
    /// entry matches.
    pub fn authenticate(&self, authorization: Option<&str>) -> Result<Caller, Refusal> {
        let token = authorization
            .and_then(|h| {
                let (scheme, rest) = h.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
            })
            .filter(|t| !t.is_empty())
            .ok_or(Refusal::MissingToken)?;
        let presented: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let mut found = None;
        for entry in &self.tokens {
            let stored = decode_hash(&entry.sha256).unwrap_or([0; 32]);
            if bool::from(stored.ct_eq(&presented)) && found.is_none() {
                found = Some(entry);
            }
        }
        let entry = found.ok_or(Refusal::UnknownToken)?;
        Ok(Caller {
            actor: entry.actor.clone(),
            roles: entry.roles.clone(),
            clearance: entry.clearance,
        })
    }

    /// Whether `caller` may run `command`.
    ///
    /// # Errors
    /// [`Refusal::Forbidden`] naming the roles that may.
    pub fn authorize(&self, caller: &Caller, command: CommandKind) -> Result<(), Refusal> {
        let needed = self.commands.get(&command).cloned().unwrap_or_default();
        if needed.iter().any(|role| caller.roles.contains(role)) {
            Ok(())
        } else {
            Err(Refusal::Forbidden { command, needed })
        }
    }

    /// Whether a request with this `Origin` header may proceed: no header, or a listed one.
    pub fn origin_allowed(&self, origin: Option<&str>) -> bool {
        origin.is_none_or(|o| self.origins.contains(o.trim_end_matches('/')))
    }
}

/// The SHA-256 of `token`, as the access file holds it.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A fresh token: 32 bytes from the operating system's random source, as 64 hex digits.
///
/// # Errors
/// The operating system's error when it has no random source.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex(&bytes))
}

/// Bytes as lowercase hex digits.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn decode_hash(text: &str) -> Option<[u8; 32]> {
    let text = text.as_bytes();
    if text.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        let pair = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn access() -> Access {
        serde_json::from_value(serde_json::json!({
            "origins": ["https://desk.example.com"],
            "tokens": [
                {"sha256": hash_token("tok-li"), "actor": "li.na", "roles": ["legal"], "clearance": "restricted"},
                {"sha256": hash_token("tok-zhang").to_uppercase(), "actor": "zhang.min", "roles": ["incident_owner"], "clearance": "internal"}
            ],
            "commands": {"approve_notice": ["legal"], "close": ["incident_owner"]}
        }))
        .unwrap()
    }

    #[test]
    fn the_token_names_the_actor_and_nothing_else_does() {
        let a = access().check().unwrap();
        let li = a.authenticate(Some("Bearer tok-li")).unwrap();
        assert_eq!(li.actor.as_str(), "li.na");
        assert_eq!(li.clearance, Sensitivity::Restricted);
        // Upper-case hex in the file is the same hash.
        assert_eq!(
            a.authenticate(Some("bearer  tok-zhang"))
                .unwrap()
                .actor
                .as_str(),
            "zhang.min"
        );
        assert_eq!(a.authenticate(None), Err(Refusal::MissingToken));
        assert_eq!(
            a.authenticate(Some("Basic tok-li")),
            Err(Refusal::MissingToken)
        );
        assert_eq!(a.authenticate(Some("Bearer ")), Err(Refusal::MissingToken));
        assert_eq!(
            a.authenticate(Some("Bearer li.na")),
            Err(Refusal::UnknownToken)
        );
        assert_eq!(
            a.authenticate(Some("Bearer tok-l")),
            Err(Refusal::UnknownToken)
        );
    }

    /// The example file (the README's starting point) lets some role run every command the
    /// crate has: a command left out of it is one nobody on a new desk could run.
    #[test]
    fn the_example_access_file_grants_every_command() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/access.example.json");
        let example = Access::load(path).unwrap();
        let missing: Vec<&str> = CommandKind::CROSS_PHASE
            .into_iter()
            .chain(
                incident::lifecycle::TRANSITIONS
                    .iter()
                    .map(|(_, kind, _)| *kind),
            )
            .filter(|kind| example.commands.get(kind).is_none_or(BTreeSet::is_empty))
            .map(CommandKind::as_str)
            .collect();
        assert!(missing.is_empty(), "no role may run {missing:?}");
    }

    #[test]
    fn a_command_needs_one_of_its_roles_and_an_unlisted_command_no_one_may_run() {
        let a = access();
        let li = a.authenticate(Some("Bearer tok-li")).unwrap();
        assert!(a.authorize(&li, CommandKind::ApproveNotice).is_ok());
        assert_eq!(
            a.authorize(&li, CommandKind::Close),
            Err(Refusal::Forbidden {
                command: CommandKind::Close,
                needed: ["incident_owner".to_owned()].into()
            })
        );
        assert_eq!(
            a.authorize(&li, CommandKind::AddNote),
            Err(Refusal::Forbidden {
                command: CommandKind::AddNote,
                needed: BTreeSet::new()
            })
        );
    }

    #[test]
    fn origins_are_checked_only_when_a_browser_sends_one() {
        let a = access();
        assert!(a.origin_allowed(None));
        assert!(a.origin_allowed(Some("https://desk.example.com")));
        assert!(!a.origin_allowed(Some("https://evil.example")));
        assert!(!a.origin_allowed(Some("null")));
    }

    #[test]
    fn a_malformed_or_shared_hash_is_refused_at_startup() {
        let mut a = access();
        a.tokens[0].sha256 = "abc".into();
        assert!(matches!(a.check(), Err(AccessError::BadHash { .. })));
        let mut a = access();
        a.tokens[1].sha256 = a.tokens[0].sha256.clone();
        assert!(matches!(a.check(), Err(AccessError::SharedToken { .. })));
    }

    #[test]
    fn a_new_token_is_64_hex_digits_and_its_hash_decodes() {
        let t = new_token().unwrap();
        assert_eq!(t.len(), 64);
        assert!(decode_hash(&t).is_some());
        assert!(decode_hash(&hash_token(&t)).is_some());
        assert_ne!(t, new_token().unwrap());
    }
}
