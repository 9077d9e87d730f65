//! Deciding commands about a claim the customer does not accept: reopening on new evidence
//! (the pinned policy run on the revised claim) and appeals or complaints with their channel
//! and outcome.

use super::checks::{no_change, Checks, MAX_SHORT, MAX_TITLE};
use crate::compensation::{AppealChannel, AppealOutcome, Claim, ClaimStatus};
use crate::id::ClaimId;
use crate::{Command, Event, Incident, Unmet};

impl Incident {
    /// The events of a reopening or appeal command; `None` for other commands.
    pub(super) fn appeal_events(&self, c: &mut Checks, command: &Command) -> Option<Event> {
        Some(match command {
            Command::ReopenClaim {
                claim_id,
                claim,
                new_evidence,
            } => return self.reopen_claim(c, claim_id, claim, new_evidence),
            Command::RecordClaimAppeal {
                claim_id,
                channel,
                reference,
            } => self.record_claim_appeal(c, claim_id, *channel, reference),
            Command::RecordAppealOutcome {
                claim_id,
                channel,
                outcome,
                note,
            } => self.record_appeal_outcome(c, claim_id, *channel, *outcome, note),
            _ => return None,
        })
    }

    /// [`Command::ReopenClaim`]: a rejected or paid claim (no reversal pending), the same
    /// customer, a claim the pinned policy can assess. Without an assessment the command is
    /// rejected and records nothing (`Some` of no event is never returned).
    fn reopen_claim(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        claim: &Claim,
        new_evidence: &str,
    ) -> Option<Event> {
        let program = self.claim_program(c);
        let case = self.claim_status(c, claim_id, &[ClaimStatus::Rejected, ClaimStatus::Paid]);
        self.no_reversal_pending(c, claim_id);
        if let Some(case) = case.filter(|case| &case.customer != claim.customer()) {
            c.push(Unmet::Invalid {
                field: "claim".to_owned(),
                problem: format!("claim {claim_id} is customer {}'s, and the revised claim is {}'s: reopen with the same customer's claim", case.customer, claim.customer()),
            });
        }
        let other = self.claims.iter().find(|(id, other)| {
            *id != claim_id
                && &other.customer == claim.customer()
                && other.status != ClaimStatus::Rejected
        });
        if let Some((other, _)) = other {
            c.push(Unmet::DuplicateCustomer {
                customer: claim.customer().to_string(),
                claim_id: other.clone(),
            });
        }
        let mut assessment = None;
        match program.map(|p| (p.id.to_string(), p.policy)) {
            Some((program_id, None)) => c.push(Unmet::PolicyNotRecorded { program_id }),
            Some((_, Some(policy))) => match policy.record(claim) {
                Ok(recorded) => assessment = Some(recorded),
                Err(e) => c.push(Unmet::Invalid {
                    field: "claim".to_owned(),
                    problem: e.to_string(),
                }),
            },
            None => {}
        }
        if let (Some(case), Some(a), Some(mut totals)) = (case, &assessment, self.claim_totals) {
            c.fits("claim", totals.reassess(case.assessment.cash, a.cash));
        }
        c.text(
            "new_evidence",
            new_evidence,
            "what the new evidence is (a bank statement, a police report number)",
            MAX_SHORT,
        );
        let event = assessment.map(|assessment| Event::ClaimReopened {
            claim_id: claim_id.clone(),
            assessment,
            claim: Box::new(claim.clone()),
            new_evidence: new_evidence.to_owned(),
        });
        if event.is_none() && c.0.is_empty() {
            c.push(Unmet::NoCompensationProgram {});
        }
        event
    }

    /// [`Command::RecordClaimAppeal`]: one pending appeal per channel.
    fn record_claim_appeal(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        channel: AppealChannel,
        reference: &str,
    ) -> Event {
        self.claim_program(c);
        if let Some(case) = self.claim_status(c, claim_id, &ALL_STATUSES) {
            if case.pending_appeal(channel).is_some() {
                c.push(no_change(format!(
                    "claim {claim_id} already has a pending appeal through {channel}; record its outcome first"
                )));
            }
        }
        c.text(
            "reference",
            reference,
            "the body and its case reference (e.g. 中证资本市场法律服务中心, case 2026-118), without personal data",
            MAX_TITLE,
        );
        Event::ClaimAppealed {
            claim_id: claim_id.clone(),
            channel,
            reference: reference.to_owned(),
        }
    }

    /// [`Command::RecordAppealOutcome`]: of the pending appeal through `channel`.
    fn record_appeal_outcome(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        channel: AppealChannel,
        outcome: AppealOutcome,
        note: &str,
    ) -> Event {
        self.claim_program(c);
        if let Some(case) = self.claim_status(c, claim_id, &ALL_STATUSES) {
            if case.pending_appeal(channel).is_none() {
                c.push(no_change(format!(
                    "claim {claim_id} has no pending appeal through {channel}"
                )));
            }
        }
        c.text("note", note, "what was decided", MAX_SHORT);
        Event::ClaimAppealResolved {
            claim_id: claim_id.clone(),
            channel,
            outcome,
            note: note.to_owned(),
        }
    }
}

/// A customer can appeal or complain whatever the claim's status.
const ALL_STATUSES: [ClaimStatus; 9] = [
    ClaimStatus::Assessed,
    ClaimStatus::Offered,
    ClaimStatus::Countered,
    ClaimStatus::Accepted,
    ClaimStatus::Settled,
    ClaimStatus::Paid,
    ClaimStatus::Escalated,
    ClaimStatus::Rejected,
    ClaimStatus::Unclaimed,
];
