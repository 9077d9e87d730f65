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
//! (a share of the verified loss up to a cap), goodwill, credit monitoring, identity-theft
//! insurance, fee waivers, assisted reset or freeze, or a negotiated settlement.
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
//! ([`Command::open_compensation_program`](crate::Command::open_compensation_program)) pins
//! its policy: id, version, the SHA-256 of the policy's canonical JSON, its currency, and an
//! optional budget. Under it each claim is negotiated in the incident's log — assessed →
//! offered → accepted or countered → (offered again) → settled → paid, or escalated to
//! legal, or rejected with a reason — every step an event, so replay reproduces every offer
//! and acceptance. The guards are typed rejections: no offer to accept, paying before
//! settling or another amount than settled, offering after a rejection, another currency
//! than the program's, offers or settlements beyond the budget. Claims carry only the
//! opaque [`CustomerRef`](crate::id::CustomerRef).
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
//! let desk = ActorId::new("claims.desk")?;
//! let t0 = Utc.with_ymd_and_hms(2026, 3, 20, 1, 0, 0).unwrap();
//! let declare = Declare::new(IncidentId::from_bytes([7; 16]), IncidentKind::AccountTakeover, "Client accounts taken over")
//!     .detection(DetectionSource::CustomerReport, t0)
//!     .severity(Severity::Sev2)
//!     .owner(desk.clone());
//! let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(desk.clone(), t0))?)?;
//! // The host loop without a store: an hour later each time, execute, apply.
//! let mut hours = 0;
//! let mut run = |incident: &mut Incident, command: Command| -> Result<(), Box<dyn std::error::Error>> {
//!     hours += 1;
//!     for envelope in incident.execute(&command, &Context::new(desk.clone(), t0 + Duration::hours(hours)))? {
//!         incident.apply(&envelope)?;
//!     }
//!     Ok(())
//! };
//!
//! let cny = |minor| Money::from_minor(minor, Currency::CNY);
//! let policy = reference_securities_policy();
//! let program = ProgramId::new("SEC-COMP-1")?;
//! run(&mut incident, Command::open_compensation_program(program.clone(), &policy, Some(cny(500_000_000)))?)?;
//!
//! let claim = Claim::builder(CustomerRef::new("C-0001")?, Tier::Standard, cny(300_000), EvidenceStrength::Partial)
//!     .verified_loss(cny(150_000))
//!     .build()?;
//! let decision = policy.decide(&claim)?; // the verified ¥1,500; the rest is negotiated
//! let id = ClaimId::new("CL-1")?;
//! let offer = |amount| Command::OfferSettlement { claim_id: id.clone(), amount: cny(amount), remedies: vec![] };
//! let respond = |response| Command::RecordClaimResponse { claim_id: id.clone(), response };
//! let pay = Command::RecordClaimPaid {
//!     claim_id: id.clone(),
//!     paid_at: None,
//!     amount: cny(220_000),
//!     payment_reference: "TX-20260321-0001".into(),
//! };
//! run(&mut incident, Command::record_claim_assessment(program, id.clone(), &decision))?;
//! run(&mut incident, offer(150_000))?;
//! run(&mut incident, respond(ClaimResponse::Countered { amount: cny(300_000), note: None }))?;
//! run(&mut incident, offer(220_000))?;
//! // Paying before settling is refused, and says why.
//! let later = Context::new(ActorId::new("claims.desk")?, t0 + Duration::days(1));
//! let refused = incident.decide(&pay, &later).unwrap_err();
//! assert!(refused.to_string().contains("claim CL-1 is offered; this needs it to be settled"));
//! run(&mut incident, respond(ClaimResponse::Accepted {}))?;
//! run(&mut incident, Command::SettleClaim { claim_id: id.clone() })?;
//! run(&mut incident, pay)?;
//!
//! let case = &incident.claims()[&id];
//! assert_eq!((case.status, case.offers.len()), (ClaimStatus::Paid, 2));
//! assert_eq!(incident.claim_totals().map(|t| t.paid), Some(cny(220_000)));
//! # Ok(())
//! # }
//! ```
