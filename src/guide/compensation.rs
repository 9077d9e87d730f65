//! Compensation: policies as data, self-explaining decisions, batch programs and claim
//! negotiation in the incident's log.
//!
//! The reference is the [`compensation`](crate::compensation) module; this page is the
//! overview.
//!
//! # Policies and decisions
//!
//! A [`Policy`](crate::compensation::Policy) is data (serde + JSON Schema, checked by
//! [`PolicyBuilder::build`](crate::compensation::PolicyBuilder::build) and on
//! deserialization): ordered rules whose conditions look at evidence strength, loss
//! ranges, exposed data, tier, account compromise and jurisdiction, granting reimbursement
//! (a share of the verified loss up to a cap), advance payment of the reported loss
//! (先行赔付), interest for the days funds were missing, time spent, document replacement,
//! goodwill, credit monitoring, identity-theft insurance, fee waivers, assisted reset or
//! freeze, help with a credit-report objection, an account security review, or a
//! negotiated settlement.
//! [`Policy::decide`](crate::compensation::Policy::decide) says for every rule whether it
//! matched and why not, which caps bound and whether a person must review. Money is
//! integer minor units ([`Money`](crate::Money)) with one rounding rule, half to even.
//! Two reference policies follow the seed cases:
//! [`reference_platform_policy`](crate::compensation::reference_platform_policy) and
//! [`reference_securities_policy`](crate::compensation::reference_securities_policy).
//!
//! # Programs
//!
//! [`Program::assess`](crate::compensation::Program::assess) streams any number of claims
//! in constant memory (the policy compiled once, nothing allocated per claim) and reports
//! totals and budget use, offering pro-rata scaling only when asked
//! (`cargo run --example compensation`).
//!
//! # Negotiation in the log
//!
//! A program opened on the incident
//! ([`Command::open_compensation_program`](crate::Command::open_compensation_program))
//! records its policy's text and pin (id, version, the SHA-256 of the policy's canonical
//! JSON, currency), an optional budget and an optional claim window. Under it each claim is
//! negotiated in the incident's log — assessed → (reviewed) → offered → accepted or
//! countered → (offered again) → settled → paid, or escalated to legal, or rejected with a
//! reason — every step an event, so replay reproduces every offer and acceptance.
//!
//! What a claims desk, a regulator and an auditor can rely on:
//!
//! - **The decision is the policy's.** [`Command::record_claim_assessment`](crate::Command::record_claim_assessment)
//!   carries the claim's facts; the incident runs the recorded policy on them and stores
//!   facts and figures together. Replay runs the policy again and refuses a figure it does
//!   not give, a claim that was swapped, or a policy text whose digest is not the pin's.
//! - **Another figure is an override**, with its reason, proposed by one person and
//!   approved by another ([`Command::ProposeAssessmentOverride`](crate::Command::ProposeAssessmentOverride),
//!   [`Command::ApproveAssessmentOverride`](crate::Command::ApproveAssessmentOverride)).
//! - **A flagged claim is reviewed** by someone other than its assessor before any offer
//!   ([`Command::RecordClaimReview`](crate::Command::RecordClaimReview)).
//! - **One account, several customers:** a claim names the account its cash would be paid
//!   into as an opaque reference ([`ClaimBuilder::payout`](crate::compensation::ClaimBuilder::payout),
//!   never the account number). While another customer's claim (not rejected) names the
//!   same account, the claim is not offered until a review is recorded after the last of
//!   them was assessed (`shared_payout`); a batch lists such accounts
//!   ([`BatchReport::shared_payouts`](crate::compensation::BatchReport::shared_payouts)).
//! - **Offers** are at least the entitlement (the policy's figure, or the approved
//!   override), at most the per-customer cap, and may lapse (`valid_until`); a lapsed
//!   offer is not accepted and can be replaced.
//! - **The budget** counts open and accepted offers, settlements and payments, because an
//!   accepted offer is a contract: two acceptances can never exceed it.
//! - **Four eyes:** whoever settles did not make the offer; whoever records the payment
//!   did not settle. Replay asks these guards again for every offer, settlement, payment,
//!   review, approved override, confirmed reversal and unclaimed declaration, as the
//!   recorded actor at the recorded time, so a re-sealed log that breaks one does not
//!   replay.
//! - **After agreement:** a failed payment puts the claim back to settled for a reissued
//!   payment (the failure stays on record); a settled or paid claim can be escalated when
//!   the customer disputes it; Close and Dismiss wait until every accepted claim is settled
//!   and every settled claim paid (or escalated).
//! - **After payment:** a paid amount is reversed (returned by the bank, paid in error) by
//!   two people: one requests ([`Command::RequestPaymentReversal`](crate::Command::RequestPaymentReversal)),
//!   another confirms; the claim is then settled again. Money a customer does not collect
//!   is declared unclaimed after the policy's period
//!   ([`OfferTerms::unclaimed_after_days`](crate::compensation::OfferTerms::unclaimed_after_days);
//!   180 days in the reference policies from version 2, see
//!   [`reference_policy`](crate::compensation::reference_policy)),
//!   with where it is held, and paid out when claimed. Close and Dismiss accept unclaimed
//!   money held on record, and wait for every pending reversal to be confirmed or withdrawn.
//! - **Reopening and appeals:** a rejected or paid claim is reopened on new evidence
//!   ([`Command::ReopenClaim`](crate::Command::ReopenClaim)): the pinned policy assesses
//!   the revised claim, the earlier decision stays in
//!   [`ClaimCase::earlier`](crate::compensation::ClaimCase::earlier), and a paid claim is
//!   owed a top-up. Appeals and complaints are recorded with their channel (internal,
//!   CSRC 12386, PBoC 12363, mediation, arbitration, court) and outcome.
//! - **Letters after the decision:** [`ClaimLetters`](crate::compensation::ClaimLetters)
//!   writes, from the claim's record and the programme's policy, the customer's letter about
//!   a payment that came back (still owed, set aside, the account to confirm and by when),
//!   money held as unclaimed (where, how to claim it, the right not lost), a reassessment
//!   (the new decision, the top-up beside what was paid), and an appeal received and its
//!   outcome (with the routes still open), in zh-CN, zh-HK and en.
//! - **Claims made for the customer** by an heir, a guardian or an authorised agent carry
//!   the claimant ([`Claimant`](crate::compensation::Claimant)), their capacity and the
//!   documents it needs; the claim waits for a person until every document the policy
//!   requires of that capacity is verified ([`Policy::capacity_gap`](crate::compensation::Policy::capacity_gap)),
//!   and the explanations name what is missing.
//! - **One claim per customer** at a time; a new one only after the earlier was rejected.
//! - **The programme can be amended** (more budget, a new claim window, a later policy
//!   version for claims assessed from then on), each change with its reason.
//! - **Recoveries** (代位追偿): after an advance payment the customer's rights pass to the
//!   firm, and what it recovers from the police, a bank, the perpetrator or an insurer is
//!   booked against the claim ([`Command::RecordRecovery`](crate::Command::RecordRecovery)),
//!   never more than was paid.
//!
//! Claims carry only the opaque [`CustomerRef`](crate::id::CustomerRef).
//! [`Incident::compensation_program`](crate::Incident::compensation_program) gives the
//! batch program for the same pinned policy, with the budget the settlements left.
//!
//! A broker's client lost ¥3,000, ¥1,500 of it verified; the desk offers the verified
//! part, the client counters, and they settle at ¥2,200:
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use incident::compensation::{reference_securities_policy, Claim, ClaimResponse, ClaimStatus};
//! use incident::compensation::{EvidenceStrength, Tier};
//! use incident::id::{ClaimId, CustomerRef, ProgramId};
//! use incident::{ActorId, Command, Context, Currency, Declare, DetectionSource, Incident};
//! use incident::{IncidentId, IncidentKind, Money, Severity};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let officer = ActorId::new("claims.officer")?;
//! let t0 = Utc.with_ymd_and_hms(2026, 3, 20, 1, 0, 0).unwrap();
//! let declare = Declare::new(IncidentId::from_bytes([7; 16]), IncidentKind::AccountTakeover, "Client accounts taken over")
//!     .detection(DetectionSource::CustomerReport, t0)
//!     .severity(Severity::Sev2)
//!     .owner(officer.clone());
//! let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(officer.clone(), t0))?)?;
//! // The host loop without a store: an hour later each time, execute as `who`, apply.
//! let mut hours = 0;
//! let mut run = |incident: &mut Incident, who: &str, command: Command| -> Result<(), Box<dyn std::error::Error>> {
//!     hours += 1;
//!     let ctx = Context::new(ActorId::new(who)?, t0 + Duration::hours(hours));
//!     for envelope in incident.execute(&command, &ctx)? {
//!         incident.apply(&envelope)?;
//!     }
//!     Ok(())
//! };
//!
//! let cny = |minor| Money::from_minor(minor, Currency::CNY);
//! let policy = reference_securities_policy();
//! let program = ProgramId::new("SEC-COMP-1")?;
//! run(&mut incident, "claims.officer", Command::open_compensation_program(program.clone(), &policy, Some(cny(500_000_000))))?;
//!
//! let claim = Claim::builder(CustomerRef::new("C-0001")?, Tier::Standard, cny(300_000), EvidenceStrength::Partial)
//!     .verified_loss(cny(150_000))
//!     .build()?;
//! let id = ClaimId::new("CL-1")?;
//! // The incident runs the policy: the verified ¥1,500, the rest negotiated, and a review.
//! run(&mut incident, "claims.officer", Command::record_claim_assessment(program, id.clone(), &claim))?;
//! assert_eq!(incident.claims()[&id].entitlement(), cny(150_000));
//! run(&mut incident, "claims.reviewer", Command::RecordClaimReview {
//!     claim_id: id.clone(),
//!     note: "statements match the verified part".into(),
//! })?;
//! let offer = |amount| Command::OfferSettlement { claim_id: id.clone(), amount: cny(amount), remedies: vec![], valid_until: None };
//! let respond = |response| Command::RecordClaimResponse { claim_id: id.clone(), response };
//! let pay = Command::RecordClaimPaid {
//!     claim_id: id.clone(),
//!     paid_at: None,
//!     amount: cny(220_000),
//!     payment_reference: "TX-20260321-0001".into(),
//! };
//! run(&mut incident, "claims.officer", offer(150_000))?;
//! run(&mut incident, "claims.officer", respond(ClaimResponse::Countered { amount: cny(300_000), note: None }))?;
//! run(&mut incident, "claims.officer", offer(220_000))?;
//! // Paying before settling is refused, and says why.
//! let later = Context::new(ActorId::new("payments.clerk")?, t0 + Duration::days(1));
//! let refused = incident.decide(&pay, &later).unwrap_err();
//! assert!(refused.to_string().contains("claim CL-1 is offered; this needs it to be settled"));
//! run(&mut incident, "claims.officer", respond(ClaimResponse::Accepted {}))?;
//! // Four eyes: the lead settles what the officer offered; the clerk pays.
//! run(&mut incident, "claims.lead", Command::SettleClaim { claim_id: id.clone() })?;
//! run(&mut incident, "payments.clerk", pay)?;
//!
//! let case = &incident.claims()[&id];
//! assert_eq!((case.status, case.offers.len()), (ClaimStatus::Paid, 2));
//! assert_eq!(incident.claim_totals().map(|t| t.paid), Some(cny(220_000)));
//! # Ok(())
//! # }
//! ```
