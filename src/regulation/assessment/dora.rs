//! DORA: whether an incident is *major*, by Commission Delegated Regulation (EU) 2024/1772
//! (RTS on classification), OJ L 2024/1772 of 25.6.2024,
//! <https://eur-lex.europa.eu/eli/reg_del/2024/1772/oj/eng>. Read 2026-12-07 through
//! consolidated reprints of the OJ text (springlex.eu, nomox.eu,
//! digital-operational-resilience.pages.dev): Art. 6 (critical services), Art. 8(1) (major
//! incidents) and Art. 9 (materiality thresholds).

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    all, any, criterion, more_than_percent, read, tri, CriterionResult, FactUsed, Outcome,
    Proposal, ProposedOutcome,
};
use crate::classify::Jurisdiction;
use crate::id::FactName;
use crate::regulation::applicability::within;
use crate::regulation::Tri;
use crate::Currency;
use crate::Money;

/// The determination DORA's clocks start from.
pub(super) const FACT: &str = "major_incident";

/// Art. 9(6): costs and losses above EUR 100,000, in cents.
const ECONOMIC_THRESHOLD_CENTS: i64 = 10_000_000;

/// The facts RTS 2024/1772 classifies an incident by. Every field is optional: a missing
/// fact makes its criterion unknown, never met or unmet. Counts are of the affected
/// service; "more than" is strict, as the text says "higher than".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DoraFacts {
    /// Art. 6(a): the incident affects ICT services or network and information systems
    /// that support critical or important functions.
    pub affects_critical_functions: Option<bool>,
    /// Art. 6(b): it affects financial services that need authorisation or registration,
    /// or that are supervised.
    pub affects_authorised_services: Option<bool>,
    /// Art. 6(c), 9(5)(b): it is or was a successful, malicious and unauthorised access to
    /// the entity's network and information systems.
    pub malicious_unauthorised_access: Option<bool>,
    /// Art. 9(5)(b): that access may result in data losses.
    pub access_may_result_in_data_losses: Option<bool>,
    /// Art. 9(1)(a), (b): clients affected.
    pub clients_affected: Option<u64>,
    /// Art. 9(1)(a): all clients using the affected service.
    pub clients_of_service: Option<u64>,
    /// Art. 9(1)(c): financial counterparts affected.
    pub counterparts_affected: Option<u64>,
    /// Art. 9(1)(c): all financial counterparts of the affected service.
    pub counterparts_of_service: Option<u64>,
    /// Art. 9(1)(d): transactions affected.
    pub transactions_affected: Option<u64>,
    /// Art. 9(1)(d): the daily average number of transactions of the service.
    pub daily_average_transactions: Option<u64>,
    /// Art. 9(1)(e): the amount of the transactions affected.
    pub transaction_amount_affected: Option<Money>,
    /// Art. 9(1)(e): the daily average value of the service's transactions (same currency).
    pub daily_average_transaction_value: Option<Money>,
    /// Art. 9(1)(f): clients or counterparts identified as relevant (Art. 1(3)) are affected.
    pub relevant_clients_affected: Option<bool>,
    /// Art. 9(2)(a): the incident has been reflected in the media.
    pub reflected_in_media: Option<bool>,
    /// Art. 9(2)(b): repeated complaints from different clients or counterparts.
    pub repeated_complaints: Option<bool>,
    /// Art. 9(2)(c): the entity will not, or is likely not to, meet regulatory requirements.
    pub regulatory_requirements_unmet: Option<bool>,
    /// Art. 9(2)(d): the entity will, or is likely to, lose clients or counterparts with a
    /// material impact on its business.
    pub clients_likely_lost: Option<bool>,
    /// Art. 9(3)(a): how long the incident has lasted (or is estimated to last), minutes.
    pub duration_minutes: Option<u64>,
    /// Art. 9(3)(b): downtime of ICT services supporting critical or important functions,
    /// minutes.
    pub critical_downtime_minutes: Option<u64>,
    /// Art. 9(4): the Member States where it had an impact (Art. 4); other codes are ignored.
    pub member_states_affected: Option<BTreeSet<Jurisdiction>>,
    /// Art. 9(5)(a): an impact on the availability, authenticity, integrity or
    /// confidentiality of data with an adverse impact on business objectives or regulatory
    /// requirements.
    pub adverse_data_impact: Option<bool>,
    /// Art. 9(6): costs and losses that have exceeded or are likely to exceed the
    /// threshold, in EUR (another currency leaves the criterion unknown: convert first).
    pub costs_and_losses: Option<Money>,
}

const RTS: &str = "Delegated Regulation (EU) 2024/1772";

/// Art. 8(1): critical services affected, and Art. 9(5)(b) met or two other thresholds met.
pub(super) fn propose(f: &DoraFacts) -> Proposal {
    let gate = critical_services(f);
    let access = data_access(f);
    let others = [
        clients(f),
        reputation(f),
        duration(f),
        spread(f),
        data_impact(f),
        economic(f),
    ];
    let yes = others.iter().filter(|c| c.status == Tri::Yes).count();
    let unknown = others.iter().filter(|c| c.status == Tri::Unknown).count();
    let two_or_more = if yes >= 2 {
        Tri::Yes
    } else if yes + unknown < 2 {
        Tri::No
    } else {
        Tri::Unknown
    };
    let gate_status = any(gate.iter().map(|c| c.status));
    let major = all([gate_status, any([access.status, two_or_more])]);
    let fired = fired(major, &gate, &access, &others, two_or_more);
    let mut criteria = gate;
    criteria.push(access);
    criteria.extend(others);
    Proposal {
        rule: format!("DORA major incident: {RTS}, Art. 8(1)"),
        outcome: match major {
            Tri::Yes | Tri::No => ProposedOutcome::Settled {
                outcome: Outcome::Determination {
                    fact: FactName::from_static(FACT),
                    value: major == Tri::Yes,
                },
            },
            Tri::Unknown => ProposedOutcome::Undetermined {},
        },
        criteria,
        fired,
    }
}

/// The criteria that decided: for a yes, the critical-service limbs met and the threshold
/// path taken; for a no, the gate if it failed, else the thresholds that were not met.
fn fired(
    major: Tri,
    gate: &[CriterionResult],
    access: &CriterionResult,
    others: &[CriterionResult],
    two_or_more: Tri,
) -> Vec<String> {
    let ids = |cs: &[&CriterionResult], s: Tri| {
        cs.iter()
            .filter(|c| c.status == s)
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    let gate: Vec<&CriterionResult> = gate.iter().collect();
    let others: Vec<&CriterionResult> = others.iter().collect();
    match major {
        Tri::Unknown => Vec::new(),
        Tri::Yes => {
            let mut out = ids(&gate, Tri::Yes);
            if access.status == Tri::Yes {
                out.push(access.id.clone());
            } else {
                out.extend(ids(&others, Tri::Yes));
            }
            out
        }
        Tri::No if gate.iter().all(|c| c.status == Tri::No) => ids(&gate, Tri::No),
        Tri::No => {
            let mut out = vec![access.id.clone()];
            if two_or_more == Tri::No {
                out.extend(ids(&others, Tri::No));
            }
            out
        }
    }
}

fn flag(id: &str, article: &str, test: &str, name: &str, value: Option<bool>) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let v = read(name, value, &mut used, &mut missing);
    criterion(
        id,
        &format!("{RTS}, {article}"),
        test,
        tri(v),
        used,
        missing,
    )
}

fn critical_services(f: &DoraFacts) -> Vec<CriterionResult> {
    vec![
        flag("art6_a", "Art. 6(a)", "ICT services or systems supporting critical or important functions are affected", "affects_critical_functions", f.affects_critical_functions),
        flag("art6_b", "Art. 6(b)", "financial services requiring authorisation or registration, or supervised, are affected", "affects_authorised_services", f.affects_authorised_services),
        flag("art6_c", "Art. 6(c)", "a successful, malicious and unauthorised access to network and information systems", "malicious_unauthorised_access", f.malicious_unauthorised_access),
    ]
}

fn data_access(f: &DoraFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let access = read(
        "malicious_unauthorised_access",
        f.malicious_unauthorised_access,
        &mut used,
        &mut missing,
    );
    let loss = read(
        "access_may_result_in_data_losses",
        f.access_may_result_in_data_losses,
        &mut used,
        &mut missing,
    );
    let status = all([tri(access), tri(loss)]);
    criterion("art9_5_b", &format!("{RTS}, Art. 9(5)(b), Art. 8(1)(a)"), "a successful, malicious and unauthorised access that may result in data losses (major on its own)", status, used, missing)
}

/// `part` more than `percent` % of `whole`, or unknown.
fn share(
    name: (&str, &str),
    part: Option<u64>,
    whole: Option<u64>,
    percent: u64,
    used: &mut Vec<FactUsed>,
    missing: &mut Vec<String>,
) -> Tri {
    let part = read(name.0, part, used, missing);
    let whole = read(name.1, whole, used, missing);
    match (part, whole) {
        (Some(p), Some(w)) => tri(Some(more_than_percent(p, w, percent))),
        _ => Tri::Unknown,
    }
}

fn clients(f: &DoraFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let a = share(
        ("clients_affected", "clients_of_service"),
        f.clients_affected,
        f.clients_of_service,
        10,
        &mut used,
        &mut missing,
    );
    let b = tri(f.clients_affected.map(|n| n > 100_000));
    let c = share(
        ("counterparts_affected", "counterparts_of_service"),
        f.counterparts_affected,
        f.counterparts_of_service,
        30,
        &mut used,
        &mut missing,
    );
    let d = share(
        ("transactions_affected", "daily_average_transactions"),
        f.transactions_affected,
        f.daily_average_transactions,
        10,
        &mut used,
        &mut missing,
    );
    let e = amount_share(f, &mut used, &mut missing);
    let g = tri(read(
        "relevant_clients_affected",
        f.relevant_clients_affected,
        &mut used,
        &mut missing,
    ));
    missing.dedup();
    criterion("art9_1", &format!("{RTS}, Art. 9(1)"), "clients, counterparts and transactions: more than 10 % of the service's clients, more than 100,000 clients, more than 30 % of its counterparts, more than 10 % of its daily average number or value of transactions, or relevant clients affected", any([a, b, c, d, e, g]), used, missing)
}

/// Art. 9(1)(e): the amount affected more than 10 % of the daily average value.
fn amount_share(f: &DoraFacts, used: &mut Vec<FactUsed>, missing: &mut Vec<String>) -> Tri {
    let part = read(
        "transaction_amount_affected",
        f.transaction_amount_affected,
        used,
        missing,
    );
    let whole = read(
        "daily_average_transaction_value",
        f.daily_average_transaction_value,
        used,
        missing,
    );
    match (part, whole) {
        (Some(p), Some(w)) if p.currency() == w.currency() => {
            let (p, w) = (i128::from(p.amount_minor()), i128::from(w.amount_minor()));
            tri(Some(p * 10 > w))
        }
        (Some(_), Some(_)) => {
            missing.push("transaction amounts in one currency".to_owned());
            Tri::Unknown
        }
        _ => Tri::Unknown,
    }
}

fn reputation(f: &DoraFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let limbs = [
        ("reflected_in_media", f.reflected_in_media),
        ("repeated_complaints", f.repeated_complaints),
        (
            "regulatory_requirements_unmet",
            f.regulatory_requirements_unmet,
        ),
        ("clients_likely_lost", f.clients_likely_lost),
    ]
    .map(|(name, v)| tri(read(name, v, &mut used, &mut missing)));
    criterion("art9_2", &format!("{RTS}, Art. 9(2)"), "reputational impact: media, repeated complaints, regulatory requirements unmet, or clients likely lost", any(limbs), used, missing)
}

fn duration(f: &DoraFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let a = tri(read(
        "duration_minutes",
        f.duration_minutes,
        &mut used,
        &mut missing,
    )
    .map(|m| m > 24 * 60));
    let b = tri(read(
        "critical_downtime_minutes",
        f.critical_downtime_minutes,
        &mut used,
        &mut missing,
    )
    .map(|m| m > 2 * 60));
    criterion("art9_3", &format!("{RTS}, Art. 9(3)"), "duration longer than 24 hours, or downtime of services supporting critical functions longer than 2 hours", any([a, b]), used, missing)
}

fn spread(f: &DoraFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let eu = Jurisdiction::from_static("EU");
    let states = f.member_states_affected.as_ref().map(|s| {
        s.iter()
            .filter(|j| j.as_str() != "EU" && within(j, &eu))
            .map(|j| j.country().to_owned())
            .collect::<BTreeSet<_>>()
    });
    let listed = states
        .as_ref()
        .map(|s| s.iter().cloned().collect::<Vec<_>>().join(", "));
    read("member_states_affected", listed, &mut used, &mut missing);
    criterion(
        "art9_4",
        &format!("{RTS}, Art. 9(4)"),
        "an impact in two or more Member States",
        tri(states.map(|s| s.len() >= 2)),
        used,
        missing,
    )
}

fn data_impact(f: &DoraFacts) -> CriterionResult {
    flag("art9_5_a", "Art. 9(5)(a)", "an impact on the availability, authenticity, integrity or confidentiality of data, with an adverse impact on business objectives or regulatory requirements", "adverse_data_impact", f.adverse_data_impact)
}

fn economic(f: &DoraFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let status = match read(
        "costs_and_losses",
        f.costs_and_losses,
        &mut used,
        &mut missing,
    ) {
        Some(m) if m.currency() == Currency::EUR => {
            tri(Some(m.amount_minor() > ECONOMIC_THRESHOLD_CENTS))
        }
        Some(_) => {
            missing.push("costs_and_losses in EUR".to_owned());
            Tri::Unknown
        }
        None => Tri::Unknown,
    };
    criterion(
        "art9_6",
        &format!("{RTS}, Art. 9(6)"),
        "costs and losses above EUR 100,000",
        status,
        used,
        missing,
    )
}
