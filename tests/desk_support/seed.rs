//! The seed cases of `tests/common/seeds.rs`, run on a `Desk` with the same interface as
//! the one in `tests/common` that also records every step (declaration, accepted and
//! rejected commands, each with its actor and time), so a test can drive the same case over
//! HTTP and compare.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::*;

#[path = "../common/seeds.rs"]
mod seeds;
pub use seeds::*;

/// One step of a seed case.
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

pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

pub fn actor(s: &str) -> ActorId {
    ActorId::new(s).unwrap()
}

pub struct Desk {
    pub log: EventLog,
    pub incident: Incident,
    pub now: DateTime<Utc>,
    pub actor: ActorId,
    pub steps: Vec<Step>,
}

impl Desk {
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

    pub fn run(&mut self, command: Command) -> &mut Self {
        if let Err(r) = self.try_run(command.clone()) {
            panic!("{command:?} rejected: {r}");
        }
        self
    }

    pub fn reject(&mut self, command: Command) -> Rejection {
        let version = self.log.version();
        let rejection = self
            .try_run(command.clone())
            .map(|_| panic!("{command:?} was accepted"))
            .unwrap_err();
        assert_eq!(self.log.version(), version);
        rejection
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

/// The unmet items' codes.
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
