//! Builders for the commands scenario tests write most often: actions, notices, findings
//! and evidence, with ids given as plain strings.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use incident::actions::*;
use incident::comms::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::*;

use super::actor;

pub(crate) fn add_action(
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

pub(crate) fn complete(id: &str) -> Command {
    Command::CompleteAction {
        action_id: ActionId::new(id).unwrap(),
        completed_at: None,
        outcome: None,
    }
}

pub(crate) fn draft(
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
        corrects: None,
    })
}

pub(crate) fn complete_draft(
    id: &str,
    kind: MessageKind,
    audience: Audience,
    channels: &[Channel],
) -> Command {
    // Everything the kind may require: always, when funds were taken, once a cause is
    // confirmed.
    let elements: Vec<_> = ElementRules::defaults()
        .required_in(kind, audience, Situation::EVERY)
        .into_iter()
        .collect();
    draft(id, kind, audience, channels, &elements)
}

pub(crate) fn approve(id: &str) -> Command {
    Command::ApproveNotice {
        notice_id: NoticeId::new(id).unwrap(),
    }
}

pub(crate) fn sent(id: &str) -> Command {
    Command::RecordNoticeSent {
        notice_id: NoticeId::new(id).unwrap(),
        sent_at: None,
    }
}

pub(crate) fn finding(
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

pub(crate) fn evidence(
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

/// Takes one claim from assessment to payment under the open program, the way a claims
/// desk does: assessed under the recorded policy, reviewed by a second person when the
/// policy flags it, offered at its entitlement by the current actor, accepted, settled by
/// `claims.lead` and paid by `payments.clerk` (four eyes at each step).
pub(crate) fn claim_paid(
    desk: &mut super::Desk,
    program: &ProgramId,
    claim_id: &ClaimId,
    claim: &compensation::Claim,
    policy: &compensation::Policy,
) {
    let decision = policy.decide(claim).unwrap();
    let amount = decision.cash();
    desk.advance(5).run(Command::record_claim_assessment(
        program.clone(),
        claim_id.clone(),
        claim,
    ));
    if decision.needs_manual_review() {
        desk.run_by(
            "claims.reviewer",
            Command::RecordClaimReview {
                claim_id: claim_id.clone(),
                note: "evidence checked against the ledger".into(),
            },
        );
    }
    desk.run(Command::OfferSettlement {
        claim_id: claim_id.clone(),
        amount,
        remedies: vec![],
        valid_until: None,
    })
    .run(Command::RecordClaimResponse {
        claim_id: claim_id.clone(),
        response: compensation::ClaimResponse::Accepted {},
    })
    .run_by(
        "claims.lead",
        Command::SettleClaim {
            claim_id: claim_id.clone(),
        },
    )
    .run_by(
        "payments.clerk",
        Command::RecordClaimPaid {
            claim_id: claim_id.clone(),
            paid_at: None,
            amount,
            payment_reference: "TX-1".into(),
        },
    );
}
