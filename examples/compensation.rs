//! Compensation for the securities-firm seed case: 50,000 affected clients, some with
//! verified losses, some with partial evidence, most with no evidence of loss, assessed
//! under the reference securities policy. Prints the program summary, the pro-rata option
//! when the budget is short, and three explained decisions.
//!
//! Run with `cargo run --example compensation`.

use std::error::Error;

use incident::{
    classify::DataCategory, compensation::reference_securities_policy, compensation::Claim,
    compensation::EvidenceStrength, compensation::Program, compensation::Tier, id::CustomerRef,
    id::ProgramId, Currency, Money,
};

const CLIENTS: u64 = 50_000;

/// A small deterministic mixer (splitmix64): the same clients on every run.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn cny(minor: u64) -> Money {
    Money::from_minor(i64::try_from(minor).unwrap_or(i64::MAX), Currency::CNY)
}

/// Client `n`: 5% verified losses, 5% partial evidence, 10% unverified claims, the rest
/// affected without evidence of loss; one in eight accounts was taken over.
fn client(n: u64) -> Result<Claim, Box<dyn Error>> {
    let r = mix(n);
    let tier = match r % 20 {
        0 => Tier::Vip,
        1..=4 => Tier::Premium,
        _ => Tier::Standard,
    };
    let (evidence, reported, verified) = match (r >> 8) % 100 {
        0..=4 => {
            let loss = 100_000 + (r >> 16) % 20_000_000; // ¥1,000 to ¥201,000
            (EvidenceStrength::Verified, loss, Some(loss))
        }
        5..=9 => {
            let loss = 50_000 + (r >> 16) % 5_000_000;
            (EvidenceStrength::Partial, loss, Some(loss / 2))
        }
        10..=19 => (
            EvidenceStrength::Unverified,
            10_000 + (r >> 16) % 1_000_000,
            None,
        ),
        _ => (EvidenceStrength::None, 0, None),
    };
    let mut builder = Claim::builder(
        CustomerRef::new(format!("CLIENT-{n:05}"))?,
        tier,
        cny(reported),
        evidence,
    )
    .account_compromised((r >> 48) % 8 == 0)
    .data(DataCategory::ContactDetails)
    .data(DataCategory::TransactionHistory);
    if let Some(verified) = verified {
        builder = builder.verified_loss(cny(verified));
    }
    Ok(builder.build()?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let policy = reference_securities_policy();
    let budget = Money::from_major(250_000_000, Currency::CNY)?;
    let program = Program::new(ProgramId::new("SEC-2026-01")?, &policy, budget)?;

    // Stream the clients: nothing is collected, memory stays constant. A client that fails
    // validation stops the stream and is reported after it.
    let mut invalid: Option<Box<dyn Error>> = None;
    let claims = (0..CLIENTS).map_while(|n| match client(n) {
        Ok(claim) => Some(claim),
        Err(e) => {
            invalid = Some(e);
            None
        }
    });
    let summary = program.assess(&policy, claims)?;
    if let Some(e) = invalid {
        return Err(e);
    }
    println!("{}", serde_json::to_string_pretty(&summary)?);
    println!(
        "\n{} claims, cash owed {} of budget {} ({}.{:02}% used), {} need manual review",
        summary.claims,
        summary.cash_total,
        summary.budget,
        summary.budget_used_bps() / 100,
        summary.budget_used_bps() % 100,
        summary.needs_manual_review,
    );
    match summary.pro_rata_factor() {
        Some((num, den)) => println!(
            "over budget: pro-rata scaling by {num}/{den} is available via scale_to_budget(); nothing is scaled unless you choose it"
        ),
        None => println!("within budget: every claim can be paid in full"),
    }

    // Three explained decisions: verified, partial and no evidence.
    for wanted in [
        EvidenceStrength::Verified,
        EvidenceStrength::Partial,
        EvidenceStrength::None,
    ] {
        let mut n = 0;
        let claim = loop {
            let claim = client(n)?;
            if claim.evidence() == wanted {
                break claim;
            }
            n += 1;
        };
        let decision = policy.decide(&claim)?;
        println!(
            "\n{} ({} evidence):\n{}",
            claim.customer(),
            wanted.as_str(),
            decision.explain()
        );
    }
    Ok(())
}
