//! NIS2: whether an incident is *significant* for the digital-infrastructure and
//! digital-provider entities of Commission Implementing Regulation (EU) 2024/2690, OJ L
//! 2024/2690 of 18.10.2024, <https://eur-lex.europa.eu/eli/reg_impl/2024/2690/oj>, Art. 3
//! (read 2026-12-07 through the springlex.eu reprint of the OJ text). For other NIS2
//! entities, significance is Directive (EU) 2022/2555 Art. 23(3) as transposed: record it
//! as a determination without an assessment.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{any, criterion, read, tri, CriterionResult, Outcome, Proposal, ProposedOutcome};
use crate::id::FactName;
use crate::regulation::Tri;
use crate::Currency;
use crate::Money;

/// The determination NIS2's clocks start from.
pub(super) const FACT: &str = "significant_incident";

/// Art. 3(1)(a): EUR 500,000, in cents.
const LOSS_CAP_CENTS: i64 = 50_000_000;

const IR: &str = "Implementing Regulation (EU) 2024/2690";

/// The facts of Art. 3(1). "Has caused or is capable of causing" is the text's test for
/// (a)–(d): record the capability, not only what happened. Scheduled maintenance and
/// contractually agreed interruptions are not incidents at all (Art. 3(2)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Nis2Facts {
    /// (a): the direct financial loss caused or capable of being caused, in EUR.
    pub financial_loss: Option<Money>,
    /// (a): the entity's total annual turnover in the preceding financial year, in EUR.
    pub annual_turnover: Option<Money>,
    /// (b): exfiltration of trade secrets (Directive (EU) 2016/943 Art. 2(1)).
    pub trade_secrets_exfiltrated: Option<bool>,
    /// (c): the death of a natural person.
    pub death: Option<bool>,
    /// (d): considerable damage to a natural person's health.
    pub considerable_health_damage: Option<bool>,
    /// (e): a successful, suspectedly malicious and unauthorised access to network and
    /// information systems, capable of causing severe operational disruption.
    pub malicious_access_severe_disruption: Option<bool>,
    /// (f): the recurring-incidents criteria of Art. 4 are met (twice in 6 months, same
    /// apparent root cause, together meeting (a)).
    pub recurring: Option<bool>,
    /// (g): one of the entity-type criteria of Arts. 5–14 (DNS, TLD, cloud, data centre,
    /// CDN, managed and managed security services, marketplaces, search engines, social
    /// networks, trust services) is met.
    pub entity_type_criterion: Option<bool>,
}

/// Art. 3(1): significant when one or more of (a)–(g) is met.
pub(super) fn propose(f: &Nis2Facts) -> Proposal {
    let criteria = vec![
        loss(f),
        flag("art3_1_b", "Art. 3(1)(b)", "exfiltration of trade secrets", "trade_secrets_exfiltrated", f.trade_secrets_exfiltrated),
        flag("art3_1_c", "Art. 3(1)(c)", "the death of a natural person", "death", f.death),
        flag("art3_1_d", "Art. 3(1)(d)", "considerable damage to a natural person's health", "considerable_health_damage", f.considerable_health_damage),
        flag("art3_1_e", "Art. 3(1)(e)", "a successful, suspectedly malicious and unauthorised access capable of causing severe operational disruption", "malicious_access_severe_disruption", f.malicious_access_severe_disruption),
        flag("art3_1_f", "Art. 3(1)(f), Art. 4", "recurring incidents that together meet (a)", "recurring", f.recurring),
        flag("art3_1_g", "Art. 3(1)(g), Arts. 5–14", "an entity-type criterion is met", "entity_type_criterion", f.entity_type_criterion),
    ];
    let significant = any(criteria.iter().map(|c| c.status));
    let fired = match significant {
        Tri::Unknown => Vec::new(),
        s => criteria
            .iter()
            .filter(|c| c.status == s)
            .map(|c| c.id.clone())
            .collect(),
    };
    Proposal {
        rule: format!("NIS2 significant incident: {IR}, Art. 3(1)"),
        outcome: match significant {
            Tri::Unknown => ProposedOutcome::Undetermined {},
            s => ProposedOutcome::Settled {
                outcome: Outcome::Determination {
                    fact: FactName::from_static(FACT),
                    value: s == Tri::Yes,
                },
            },
        },
        criteria,
        fired,
    }
}

fn flag(id: &str, article: &str, test: &str, name: &str, value: Option<bool>) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let v = read(name, value, &mut used, &mut missing);
    criterion(id, &format!("{IR}, {article}"), test, tri(v), used, missing)
}

/// (a): a loss above EUR 500,000 or 5 % of the annual turnover, whichever is lower.
fn loss(f: &Nis2Facts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let eur = |m: Option<Money>, name: &str, missing: &mut Vec<String>| match m {
        Some(m) if m.currency() == Currency::EUR => Some(i128::from(m.amount_minor())),
        Some(_) => {
            missing.push(format!("{name} in EUR"));
            None
        }
        None => None,
    };
    let loss = read("financial_loss", f.financial_loss, &mut used, &mut missing);
    let turnover = read(
        "annual_turnover",
        f.annual_turnover,
        &mut used,
        &mut missing,
    );
    let loss = eur(loss, "financial_loss", &mut missing);
    let turnover = eur(turnover, "annual_turnover", &mut missing);
    let cap = i128::from(LOSS_CAP_CENTS);
    let status = match (loss, turnover) {
        // The threshold is min(cap, 5 % of turnover): above the cap is above it either way.
        (Some(l), _) if l > cap => Tri::Yes,
        (Some(l), Some(t)) => tri(Some(l * 100 > t * 5)),
        _ => Tri::Unknown,
    };
    if status != Tri::Unknown {
        missing.retain(|m| m != "annual_turnover");
    }
    criterion(
        "art3_1_a",
        &format!("{IR}, Art. 3(1)(a)"),
        "a financial loss above EUR 500,000 or 5 % of the annual turnover, whichever is lower",
        status,
        used,
        missing,
    )
}
