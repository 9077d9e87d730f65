//! Claims made by someone other than the customer (issue #21): an heir, a guardian or an
//! authorised agent claims with the documents of their capacity; the pinned policy sends
//! the claim to manual review until every document it requires is verified, so nothing is
//! offered before a second person checked them; a claim whose documents are all verified
//! goes straight on; an edited claimant (documents marked verified, re-sealed) does not
//! replay; and the claimant does not open a second claim for the same customer.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use driver::{claim_id as id, cny, codes, program, Desk};
use incident::chain::write_json_lines;
use incident::compensation::*;
use incident::id::*;
use incident::*;

/// A verified ¥2,000 loss of customer C-1 (the securities policy pays it in full, with no
/// review of its own), claimed by `claimant` when given.
fn claim(claimant: Option<Claimant>) -> Claim {
    let mut builder = Claim::builder(
        CustomerRef::new("C-1").unwrap(),
        Tier::Standard,
        cny(200_000),
        EvidenceStrength::Verified,
    )
    .verified_loss(cny(200_000));
    if let Some(claimant) = claimant {
        builder = builder.claimant(claimant);
    }
    builder.build().unwrap()
}

/// An agent whose power of attorney is received and not yet verified; both identity
/// documents verified.
fn agent(power_of_attorney: DocumentStatus) -> Claimant {
    Claimant::new(ClaimantRef::new("A-7").unwrap(), Capacity::Agent)
        .document(CapacityDocument::ClaimantIdentity, DocumentStatus::Verified)
        .document(CapacityDocument::CustomerIdentity, DocumentStatus::Verified)
        .document(CapacityDocument::PowerOfAttorney, power_of_attorney)
}

fn desk(seed: u8) -> Desk {
    driver::compensation_desk(seed, &reference_securities_policy())
}

fn assess(desk: &mut Desk, claim: &Claim) {
    desk.advance(5).run(Command::record_claim_assessment(
        program(),
        id("CL-1"),
        claim,
    ));
}

fn offer() -> Command {
    Command::OfferSettlement {
        claim_id: id("CL-1"),
        amount: cny(200_000),
        remedies: vec![],
        valid_until: None,
    }
}

/// Abuse: paying an agent whose power of attorney nobody checked. The claim waits for a
/// review by someone other than its assessor; the reviewer checks the documents, then the
/// offer can be made.
#[test]
fn an_agents_claim_waits_for_a_review_of_the_power_of_attorney() {
    let mut desk = desk(51);
    assess(&mut desk, &claim(Some(agent(DocumentStatus::Received))));
    let case = &desk.incident.claims()[&id("CL-1")];
    assert!(case.assessment.needs_manual_review);
    assert!(case.awaits_review());
    let recorded = case.claim.as_ref().unwrap().claimant().unwrap();
    assert_eq!(recorded.capacity, Capacity::Agent);
    let r = desk.reject(offer());
    assert_eq!(codes(&r), ["review_required"]);
    let review = Command::RecordClaimReview {
        claim_id: id("CL-1"),
        note: "power of attorney checked against the customer's signature on file".into(),
    };
    assert_eq!(codes(&desk.reject(review.clone())), ["four_eyes"]);
    desk.run_by("claims.reviewer", review).run(offer());
    assert_eq!(
        desk.incident.claims()[&id("CL-1")].status,
        ClaimStatus::Offered
    );
    desk.assert_replays();
}

/// Every document verified when the claim is recorded: no review on the claimant's account.
#[test]
fn an_agent_with_every_document_verified_goes_straight_on() {
    let mut desk = desk(52);
    assess(&mut desk, &claim(Some(agent(DocumentStatus::Verified))));
    assert!(!desk.incident.claims()[&id("CL-1")].awaits_review());
    desk.run(offer());
    desk.assert_replays();
}

/// The customer's own claim and a claim made for them are one claim: an heir does not
/// open a second one beside the customer's.
#[test]
fn a_claimant_does_not_open_a_second_claim_for_the_customer() {
    let mut desk = desk(53);
    assess(&mut desk, &claim(None));
    let heir = Claimant::new(ClaimantRef::new("H-1").unwrap(), Capacity::Heir);
    let r = desk.reject(Command::record_claim_assessment(
        program(),
        id("CL-2"),
        &claim(Some(heir)),
    ));
    assert_eq!(codes(&r), ["duplicate_customer"]);
}

/// Abuse: a forger clears the review flag of a claim whose power of attorney is not
/// verified, or marks the power of attorney verified, and re-seals the log. Replay runs the
/// policy on the claim the event carries and refuses either edit. (Editing both together
/// makes a consistent forged log, which only a pinned head catches, as for any re-sealed
/// edit.)
#[test]
fn an_edited_claimant_or_review_flag_does_not_replay() {
    let mut desk = desk(54);
    assess(&mut desk, &claim(Some(agent(DocumentStatus::Received))));
    let lines: Vec<serde_json::Value> = write_json_lines(desk.log.envelopes())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let last = lines.len() - 1;
    assert_eq!(lines[last]["event"]["type"], "claim_assessed");
    let replay = driver::resealed_replay_error;
    let mut forged = lines.clone();
    forged[last]["event"]["assessment"]["needs_manual_review"] = false.into();
    let err = replay(forged);
    assert!(err.contains("does not reproduce"), "{err}");
    assert!(
        err.contains("review false") && err.contains("review true"),
        "{err}"
    );
    let mut forged = lines;
    forged[last]["event"]["claim"]["claimant"]["documents"]["power_of_attorney"] =
        "verified".into();
    let err = replay(forged);
    assert!(err.contains("does not reproduce"), "{err}");
}
