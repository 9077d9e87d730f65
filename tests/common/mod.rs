//! A small incident desk for tests: an in-memory log, the live state and a clock that the
//! test moves by hand.
// Test code: a failed setup should stop the test loudly.
#![allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::actions::*;
use incident::chain::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::*;

mod seeds;
#[allow(unused_imports)]
pub use seeds::*;

pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

pub fn actor(s: &str) -> ActorId {
    ActorId::new(s).unwrap()
}

/// One step a [`Desk`] took, so a test can drive the same case another way (over HTTP in
/// the desk tests) and compare.
#[derive(Debug, Clone)]
pub enum Step {
    /// The declaration.
    Declare {
        declare: Box<Declare>,
        actor: ActorId,
        at: DateTime<Utc>,
    },
    /// A command; `rejected` holds the unmet codes when it was refused.
    Command {
        command: Box<Command>,
        actor: ActorId,
        at: DateTime<Utc>,
        rejected: Option<Vec<String>>,
    },
}

pub struct Desk {
    pub log: EventLog<Event>,
    pub incident: Incident,
    pub now: DateTime<Utc>,
    pub actor: ActorId,
    /// Every step, accepted or rejected, in order.
    pub steps: Vec<Step>,
}

impl Desk {
    /// Declares and returns the desk, panicking with the rejection if the declaration fails.
    pub fn declare(declare: Declare, now: DateTime<Utc>, by: &str) -> Desk {
        let ctx = Context::new(actor(by), now);
        let envelopes = Incident::declare(&declare, &ctx).unwrap_or_else(|r| panic!("{r}"));
        let mut log = EventLog::new(declare.incident_id);
        log.append(0, &envelopes).unwrap();
        let incident = Incident::replay(log.envelopes()).unwrap();
        Desk {
            log,
            incident,
            now,
            actor: actor(by),
            steps: vec![Step::Declare {
                declare: Box::new(declare),
                actor: actor(by),
                at: now,
            }],
        }
    }

    pub fn advance(&mut self, minutes: i64) -> &mut Self {
        self.now += Duration::minutes(minutes);
        self
    }

    pub fn as_actor(&mut self, by: &str) -> &mut Self {
        self.actor = actor(by);
        self
    }

    pub fn ctx(&self) -> Context {
        Context::new(self.actor.clone(), self.now)
    }

    /// Runs the host loop for one command, recording the step.
    pub fn try_run(&mut self, command: Command) -> Result<Vec<Envelope>, Rejection> {
        let result = self.incident.execute(&command, &self.ctx());
        self.steps.push(Step::Command {
            command: Box::new(command),
            actor: self.actor.clone(),
            at: self.now,
            rejected: result.as_ref().err().map(codes),
        });
        let envelopes = result?;
        self.log
            .append(self.incident.version(), &envelopes)
            .unwrap();
        for e in &envelopes {
            self.incident.apply(e).unwrap();
        }
        Ok(envelopes)
    }

    /// Runs a command that must succeed.
    pub fn run(&mut self, command: Command) -> &mut Self {
        if let Err(r) = self.try_run(command.clone()) {
            panic!("{command:?} rejected: {r}");
        }
        self
    }

    /// Runs a command that must be rejected and returns the rejection.
    pub fn reject(&mut self, command: Command) -> Rejection {
        let before = self.incident.clone();
        let version = self.log.version();
        let rejection = self
            .try_run(command.clone())
            .map(|_| panic!("{command:?} was accepted"))
            .unwrap_err();
        assert_eq!(
            self.incident, before,
            "a rejection must not change the state"
        );
        assert_eq!(self.log.version(), version);
        assert!(!rejection.unmet.is_empty());
        rejection
    }

    /// The state replayed from the log equals the live state, and the state survives a
    /// snapshot round trip through JSON.
    pub fn assert_replays(&self) {
        let snapshot = serde_json::to_string(&self.incident).unwrap();
        assert_eq!(
            serde_json::from_str::<Incident>(&snapshot).unwrap(),
            self.incident
        );
        assert_eq!(
            Incident::replay(self.log.envelopes()).unwrap(),
            self.incident
        );
        let jsonl = write_json_lines(self.log.envelopes()).unwrap();
        assert_eq!(
            Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).unwrap(),
            self.incident
        );
    }
}

pub fn add_action(
    id: &str,
    kind: ActionKind,
    title: &str,
    owner: Option<&str>,
    due: Option<DateTime<Utc>>,
    measure: Option<Measure>,
) -> Command {
    Command::AddAction(NewAction {
        action_id: ActionId::new(id).unwrap(),
        kind,
        title: title.into(),
        owner: owner.map(actor),
        due,
        measure,
    })
}

pub fn complete(id: &str) -> Command {
    Command::CompleteAction {
        action_id: ActionId::new(id).unwrap(),
        completed_at: None,
        outcome: None,
    }
}

pub fn draft(
    id: &str,
    kind: MessageKind,
    audience: Audience,
    channels: &[Channel],
    elements: &[ContentElement],
) -> Command {
    Command::DraftNotice(NoticeDraft {
        notice_id: NoticeId::new(id).unwrap(),
        kind,
        audience,
        channels: channels.iter().copied().collect::<BTreeSet<_>>(),
        elements: elements.iter().copied().collect::<BTreeSet<_>>(),
        facts: Default::default(),
        plan_item: None,
    })
}

pub fn complete_draft(
    id: &str,
    kind: MessageKind,
    audience: Audience,
    channels: &[Channel],
) -> Command {
    draft(
        id,
        kind,
        audience,
        channels,
        required_elements(kind, audience),
    )
}

pub fn approve(id: &str) -> Command {
    Command::ApproveNotice {
        notice_id: NoticeId::new(id).unwrap(),
    }
}

pub fn sent(id: &str) -> Command {
    Command::RecordNoticeSent {
        notice_id: NoticeId::new(id).unwrap(),
        sent_at: None,
    }
}

pub fn finding(
    id: &str,
    kind: FindingKind,
    root: Option<RootCause>,
    summary: &str,
    evidence: &[&str],
) -> Command {
    Command::RecordFinding(Finding {
        finding_id: FindingId::new(id).unwrap(),
        kind,
        root_cause: root,
        summary: summary.into(),
        evidence: evidence
            .iter()
            .map(|e| EvidenceId::new(*e).unwrap())
            .collect(),
    })
}

pub fn evidence(
    id: &str,
    description: &str,
    by: &str,
    collected_at: DateTime<Utc>,
    location: &str,
    digest_hex: Option<&str>,
) -> Command {
    Command::AddEvidence(NewEvidence {
        evidence_id: EvidenceId::new(id).unwrap(),
        description: description.into(),
        collected_by: actor(by),
        collected_at,
        location: location.into(),
        digest: digest_hex.map(|h| ContentDigest::new(DigestAlgorithm::Sha256, h).unwrap()),
    })
}

/// The unmet items' codes, for compact assertions.
pub fn codes(rejection: &Rejection) -> Vec<String> {
    rejection
        .unmet
        .iter()
        .map(|u| {
            serde_json::to_value(u).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// An independent (jsonschema crate) validator for the committed `schema/{name}.json`.
pub fn committed_validator(name: &str) -> jsonschema::Validator {
    let path = format!("{}/schema/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// Asserts `value` validates, listing every error with its path.
pub fn assert_valid(validator: &jsonschema::Validator, value: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{value}\n{errors:#?}");
}

fn golden_dir(dir: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(dir)
}

/// Compares `actual` with the golden file `tests/golden/{dir}/{name}`, or rewrites it under
/// `UPDATE_GOLDEN=1`. Returns a description of the drift.
pub fn check_golden(dir: &str, name: &str, actual: &str) -> Option<String> {
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
