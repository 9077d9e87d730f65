//! Applying events about the compensation program and each claim.

use chrono::{DateTime, Utc};

use super::{duplicate, unknown, Stamp};
use crate::compensation::{
    ClaimAssessment, ClaimCase, ClaimResponse, ClaimStatus, ClaimTotals, CompensationStance, Offer,
    Payment, PolicyPin, Remedy,
};
use crate::id::{ClaimId, CustomerRef, ProgramId};
use crate::lifecycle::ApplyError;
use crate::Incident;
use crate::Money;

impl Incident {
    /// [`Event::CompensationProgramOpened`].
    pub(super) fn apply_compensation_program_opened(
        &mut self,
        program_id: ProgramId,
        policy: String,
        pin: Option<PolicyPin>,
        budget: Option<Money>,
    ) -> Result<(), ApplyError> {
        self.claim_totals = pin.as_ref().map(|pin| ClaimTotals::zero(pin.currency));
        self.compensation = CompensationStance::ProgramOpened {
            program_id,
            policy,
            pin,
            budget,
        };
        Ok(())
    }

    /// [`Event::CompensationNotApplicable`].
    pub(super) fn apply_compensation_not_applicable(
        &mut self,
        reason: String,
    ) -> Result<(), ApplyError> {
        self.compensation = CompensationStance::NotApplicable { reason };
        Ok(())
    }

    /// [`Event::ClaimAssessed`].
    pub(super) fn apply_claim_assessed(
        &mut self,
        program_id: ProgramId,
        claim_id: ClaimId,
        customer: CustomerRef,
        assessment: ClaimAssessment,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, .. } = stamp;
        if self.claims.contains_key(&claim_id) {
            return Err(duplicate(name, "claim", &claim_id));
        }
        let totals = self
            .claim_totals
            .as_mut()
            .ok_or_else(|| unknown(name, "compensation program", &program_id))?;
        totals
            .add_claim(assessment.cash)
            .map_err(|source| ApplyError::Amount {
                event: name,
                source,
            })?;
        self.claims.insert(
            claim_id,
            ClaimCase::assessed(program_id, customer, assessment, at),
        );
        Ok(())
    }

    /// [`Event::SettlementOffered`].
    pub(super) fn apply_settlement_offered(
        &mut self,
        claim_id: ClaimId,
        amount: Money,
        remedies: Vec<Remedy>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, by, .. } = stamp;
        self.claim_step(&claim_id, name, ClaimStatus::Offered, None, |case| {
            case.offers.push(Offer {
                amount,
                remedies,
                offered_at: at,
                offered_by: by,
                response: None,
                responded_at: None,
            });
        })?;
        Ok(())
    }

    /// [`Event::ClaimResponseRecorded`].
    pub(super) fn apply_claim_response_recorded(
        &mut self,
        claim_id: ClaimId,
        response: ClaimResponse,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, .. } = stamp;
        let status = match response {
            ClaimResponse::Accepted {} => ClaimStatus::Accepted,
            ClaimResponse::Countered { .. } => ClaimStatus::Countered,
        };
        self.claim_step(&claim_id, name, status, None, |case| {
            if let Some(offer) = case.offers.last_mut() {
                offer.response = Some(response);
                offer.responded_at = Some(at);
            }
        })?;
        Ok(())
    }

    /// [`Event::ClaimSettled`].
    pub(super) fn apply_claim_settled(
        &mut self,
        claim_id: ClaimId,
        amount: Money,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, .. } = stamp;
        self.claim_step(
            &claim_id,
            name,
            ClaimStatus::Settled,
            Some(amount),
            |case| {
                case.settled = Some(amount);
                case.settled_at = Some(at);
            },
        )?;
        Ok(())
    }

    /// [`Event::ClaimPaid`].
    pub(super) fn apply_claim_paid(
        &mut self,
        claim_id: ClaimId,
        paid_at: DateTime<Utc>,
        amount: Money,
        payment_reference: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, by, .. } = stamp;
        self.claim_step(&claim_id, name, ClaimStatus::Paid, Some(amount), |case| {
            case.payment = Some(Payment {
                paid_at,
                amount,
                reference: payment_reference,
                recorded_by: by,
            });
        })?;
        Ok(())
    }

    /// [`Event::ClaimEscalated`].
    pub(super) fn apply_claim_escalated(
        &mut self,
        claim_id: ClaimId,
        reason: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        self.claim_step(&claim_id, name, ClaimStatus::Escalated, None, |case| {
            case.reason = Some(reason);
        })?;
        Ok(())
    }

    /// [`Event::ClaimRejected`].
    pub(super) fn apply_claim_rejected(
        &mut self,
        claim_id: ClaimId,
        reason: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        self.claim_step(&claim_id, name, ClaimStatus::Rejected, None, |case| {
            case.reason = Some(reason);
        })?;
        Ok(())
    }
}
