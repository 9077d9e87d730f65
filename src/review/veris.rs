//! Export of a closed incident as a VERIS 1.4 record.
//!
//! [VERIS](https://github.com/vz-risk/veris) (the Vocabulary for Event Recording and
//! Incident Sharing, CC BY-SA 4.0, VERIS Community) is the schema behind the Verizon DBIR
//! and the VERIS Community Database. [`veris_record`] maps what the incident model knows
//! onto `verisc.json` 1.4 and puts what VERIS lacks (notification times, regulatory
//! filings, compensation, the crate's own kind and severity) under VERIS's `plus`
//! extension object. Where the model does not know something VERIS requires (actor, asset),
//! the record says `Unknown`, as the VERIS rules ask.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::comms::Sensitivity;
use crate::{
    classify::AssetKind, classify::DataCategory, classify::LossVariety, findings::FindingKind,
    findings::RootCause, Currency, Incident, IncidentKind, Money, Phase, Severity,
};

/// The victim organisation, as VERIS describes it (`victim`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerisVictim {
    /// NAICS industry code (2 to 6 digits), e.g. `"522"` for credit intermediation or
    /// `"523"` for securities.
    pub industry: String,
    /// ISO 3166-1 alpha-2 country of operation, e.g. `"CN"`.
    pub country: String,
    /// A VERIS `employee_count` value, e.g. `"1001 to 10000"` or `"Unknown"`.
    pub employee_count: String,
    /// Level of government (`"Federal"`, `"Regional"`, `"Local"`, ...) when the industry is
    /// public administration (NAICS 92); `None` gives VERIS's `"NA"`.
    #[serde(default)]
    pub government: Option<String>,
}

/// How confident the analyst is in the record (VERIS `confidence`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub enum VerisConfidence {
    /// High confidence.
    High,
    /// Medium confidence.
    #[default]
    Medium,
    /// Low confidence.
    Low,
    /// No stated confidence.
    None,
}

impl VerisConfidence {
    /// The VERIS spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::High => "High",
            Self::Medium => "Medium",
            Self::Low => "Low",
            Self::None => "None",
        }
    }
}

/// What the export needs that the incident does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerisOptions {
    /// The victim organisation.
    pub victim: VerisVictim,
    /// Who recorded the incident (VERIS `plus.analyst`).
    pub analyst: Option<String>,
    /// The source of the data (VERIS `source_id`), e.g. the firm's name for its own records.
    pub source_id: String,
    /// A reference (VERIS `reference`): case number or URL.
    #[serde(default)]
    pub reference: Option<String>,
    /// Analyst confidence.
    #[serde(default)]
    pub confidence: VerisConfidence,
    /// The VERIS schema version written to `schema_version`; [`VERIS_SCHEMA_VERSION`].
    pub schema_version: String,
    /// Who may read the record. VERIS is made for sharing outside the firm, so the default
    /// is [`Sensitivity::Public`]: amounts of money (the funds involved, each loss) appear
    /// only when the `funds_involved` fact's label is within it, and what is left out is
    /// listed in `plus.withheld`.
    #[serde(default = "public")]
    pub clearance: Sensitivity,
}

fn public() -> Sensitivity {
    Sensitivity::Public
}

/// The VERIS schema version this export targets.
pub const VERIS_SCHEMA_VERSION: &str = "1.4.0";

impl VerisOptions {
    /// Options for `victim` and `source_id`, with no analyst or reference, medium
    /// confidence and schema version [`VERIS_SCHEMA_VERSION`].
    pub fn new(victim: VerisVictim, source_id: impl Into<String>) -> Self {
        Self {
            victim,
            analyst: None,
            source_id: source_id.into(),
            reference: None,
            confidence: VerisConfidence::default(),
            schema_version: VERIS_SCHEMA_VERSION.to_owned(),
            clearance: Sensitivity::Public,
        }
    }
}

/// Why an incident cannot be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerisError {
    /// Only closed incidents are exported; this one is in the named phase.
    #[error("only a closed incident exports to VERIS; this one is {0}")]
    NotClosed(Phase),
    /// Loss amounts are in more than one currency; VERIS records one `iso_currency_code`.
    #[error(
        "VERIS records losses in one currency; found {} and {}: record the losses in one currency",
        .0.code(),
        .1.code()
    )]
    MixedCurrencies(Currency, Currency),
    /// A value could not be serialized.
    #[error("serialization failed: {0}")]
    Serialize(String),
}

fn to_value<T: Serialize>(value: &T) -> Result<Value, VerisError> {
    serde_json::to_value(value).map_err(|e| VerisError::Serialize(e.to_string()))
}

/// An amount in major units (e.g. yuan, not fen), as VERIS's numeric amounts expect.
#[allow(clippy::cast_precision_loss)]
fn major(money: &Money) -> f64 {
    let exponent = i32::from(money.currency().minor_exponent());
    money.amount_minor() as f64 / 10f64.powi(exponent)
}

/// A VERIS unit/value span for the time from `from` to `to`, when it is not negative.
#[allow(clippy::cast_precision_loss)]
fn span(from: DateTime<Utc>, to: DateTime<Utc>) -> Option<Value> {
    let seconds = to.signed_duration_since(from).num_seconds();
    if seconds < 0 {
        return None;
    }
    let (unit, per) = match seconds {
        0..=59 => ("Seconds", 1),
        60..=3_599 => ("Minutes", 60),
        3_600..=86_399 => ("Hours", 3_600),
        _ => ("Days", 86_400),
    };
    let value = (seconds as f64 / f64::from(per) * 100.0).round() / 100.0;
    Some(json!({ "unit": unit, "value": value }))
}

#[derive(Default)]
struct ActionEntry {
    variety: BTreeSet<&'static str>,
    vector: BTreeSet<&'static str>,
    target: BTreeSet<&'static str>,
}

fn add_action(
    actions: &mut BTreeMap<&'static str, ActionEntry>,
    category: &'static str,
    variety: &'static str,
) {
    let entry = actions.entry(category).or_default();
    entry.variety.insert(variety);
}

fn actions_value(incident: &Incident, root_causes: &BTreeSet<RootCause>) -> Value {
    let assets = &incident.impact().assets;
    let web = assets.contains(&AssetKind::WebApplication);
    let mut actions: BTreeMap<&'static str, ActionEntry> = BTreeMap::new();
    for cause in root_causes {
        match cause {
            RootCause::PhishingSocialEngineering => add_action(&mut actions, "social", "Phishing"),
            RootCause::UnpatchedVulnerability => {
                add_action(&mut actions, "hacking", "Exploit vuln");
            }
            RootCause::Misconfiguration => add_action(&mut actions, "hacking", "Exploit misconfig"),
            RootCause::CredentialStuffing => {
                add_action(&mut actions, "hacking", "Use of stolen creds");
            }
            RootCause::Insider => add_action(&mut actions, "misuse", "Unknown"),
            RootCause::ThirdPartySupplyChain | RootCause::Unknown => {}
        }
    }
    match incident.kind() {
        IncidentKind::Ransomware => add_action(&mut actions, "malware", "Ransomware"),
        IncidentKind::InsiderMisuse if !actions.contains_key("misuse") => {
            add_action(&mut actions, "misuse", "Unknown");
        }
        IncidentKind::AccountTakeover if actions.is_empty() => {
            add_action(&mut actions, "hacking", "Use of stolen creds");
        }
        _ => {}
    }
    if root_causes.contains(&RootCause::ThirdPartySupplyChain) {
        // In through a partner: the partner connection is the vector of whatever hacking or
        // malware there was, or of an otherwise unknown hacking action.
        if !actions.contains_key("hacking") && !actions.contains_key("malware") {
            add_action(&mut actions, "hacking", "Unknown");
        }
        for category in ["hacking", "malware"] {
            if let Some(entry) = actions.get_mut(category) {
                entry.vector.insert("Partner");
            }
        }
    }
    if web {
        // A typed web-application asset is where hacking and misuse came in.
        for category in ["hacking", "misuse"] {
            if let Some(entry) = actions.get_mut(category) {
                entry.vector.insert("Web application");
            }
        }
    }
    if actions.is_empty() {
        return json!({ "unknown": {
            "notes": "The threat actions were not determined by the review.",
            "result": ["Unknown"],
        }});
    }
    let mut out = Map::new();
    for (category, mut entry) in actions {
        if entry.vector.is_empty() {
            entry.vector.insert("Unknown");
        }
        let mut value = json!({ "variety": entry.variety, "vector": entry.vector });
        if category == "social" {
            if assets.contains(&AssetKind::Customer) {
                entry.target.insert("Customer");
            }
            if assets.contains(&AssetKind::Employee) {
                entry.target.insert("End-user or employee");
            }
            if entry.target.is_empty() {
                entry.target.insert("Unknown");
            }
            if let Some(object) = value.as_object_mut() {
                object.insert("target".into(), json!(entry.target));
            }
        }
        out.insert(category.into(), value);
    }
    Value::Object(out)
}

/// Whether money moved: an incident of kind funds theft, or any incident with an
/// asset-and-fraud loss recorded (a data breach or takeover that was cashed out). Funds only
/// put at risk (`funds_involved` with no such loss) do not count.
fn funds_moved(incident: &Incident) -> bool {
    incident.kind() == IncidentKind::FundsTheft
        || incident
            .impact()
            .losses
            .iter()
            .any(|l| l.variety == LossVariety::AssetAndFraud)
}

/// The actor as far as the record says: internal for insider misuse, partner for a
/// supplier's compromise, external when a root cause is an outsider's technique (phishing,
/// credential stuffing); otherwise `Unknown`. The motive is financial when funds moved or
/// the incident is ransomware, else `Unknown`.
fn actor_value(incident: &Incident, root_causes: &BTreeSet<RootCause>) -> Value {
    let kind = incident.kind();
    let financial = funds_moved(incident) || kind == IncidentKind::Ransomware;
    let motive = if financial { "Financial" } else { "Unknown" };
    if kind == IncidentKind::InsiderMisuse || root_causes.contains(&RootCause::Insider) {
        json!({ "internal": { "variety": ["Unknown"], "motive": [motive] } })
    } else if kind == IncidentKind::ThirdPartyCompromise
        || root_causes.contains(&RootCause::ThirdPartySupplyChain)
    {
        json!({ "partner": { "country": ["Unknown"], "motive": [motive] } })
    } else if root_causes.iter().any(|c| {
        matches!(
            c,
            RootCause::PhishingSocialEngineering | RootCause::CredentialStuffing
        )
    }) {
        json!({ "external": { "variety": ["Unknown"], "motive": [motive] } })
    } else {
        json!({ "unknown": { "notes": "The threat actor was not identified." } })
    }
}

fn confidentiality_value(incident: &Incident) -> Option<Value> {
    let impact = incident.impact();
    if impact.data_categories.is_empty() {
        return None;
    }
    // Counted figures before estimates: records, then people confirmed, then estimated.
    let amount = impact
        .records
        .or(impact.people.confirmed)
        .or(impact.people.estimated);
    let varieties: BTreeSet<&str> = impact
        .data_categories
        .iter()
        .map(|c| DataCategory::veris(*c))
        .collect();
    let data: Vec<Value> = varieties
        .into_iter()
        .map(|variety| match amount {
            Some(n) => json!({ "variety": variety, "amount": n }),
            None => json!({ "variety": variety }),
        })
        .collect();
    let mut victims = BTreeSet::new();
    for category in &impact.data_categories {
        victims.insert(if category.is_personal() {
            "Customer"
        } else {
            "Victim organization"
        });
    }
    let confirmed = impact.records.is_some() || impact.people.confirmed.is_some();
    let mut out = json!({
        "data_disclosure": if confirmed { "Yes" } else { "Potentially" },
        "data": data,
        "data_victim": victims,
    });
    if let (Some(total), Some(object)) = (amount, out.as_object_mut()) {
        object.insert("data_total".into(), json!(total));
    }
    Some(out)
}

/// Whether amounts of money are above the record's readers' clearance.
fn amounts_withheld(incident: &Incident, options: &VerisOptions) -> bool {
    incident
        .label_of("funds_involved")
        .unwrap_or(Sensitivity::Restricted)
        > options.clearance
}

fn impact_value(incident: &Incident, options: &VerisOptions) -> Result<Value, VerisError> {
    let mut currency: Option<Currency> = None;
    let mut total = 0.0_f64;
    let mut losses = Vec::new();
    let withheld = amounts_withheld(incident, options);
    let impact = incident.impact();
    let mut listed: Vec<(&'static str, Option<Money>)> = impact
        .losses
        .iter()
        .map(|l| (l.variety.veris(), l.amount))
        .collect();
    if funds_moved(incident)
        && !impact
            .losses
            .iter()
            .any(|l| l.variety == LossVariety::AssetAndFraud)
    {
        // Funds moved but no loss was itemised: the funds involved are the loss.
        listed.insert(
            0,
            (LossVariety::AssetAndFraud.veris(), impact.funds_involved),
        );
    }
    for (variety, amount) in listed {
        let mut entry = json!({ "variety": variety });
        if let Some(amount) = amount.as_ref().filter(|_| !withheld) {
            match currency {
                Some(c) if c != amount.currency() => {
                    return Err(VerisError::MixedCurrencies(c, amount.currency()));
                }
                _ => currency = Some(amount.currency()),
            }
            total += major(amount);
            if let Some(object) = entry.as_object_mut() {
                object.insert("amount".into(), json!(major(amount)));
            }
        }
        losses.push(entry);
    }
    let mut out = json!({ "overall_rating": overall_rating(incident.severity()) });
    if let Some(object) = out.as_object_mut() {
        if let Some(c) = currency {
            object.insert("iso_currency_code".into(), json!(c.code()));
            object.insert("overall_amount".into(), json!(total));
        }
        if !losses.is_empty() {
            object.insert("loss".into(), Value::Array(losses));
        }
    }
    Ok(out)
}

/// VERIS `impact.overall_rating` from the severity. SEV1 is `Damaging`, not
/// `Catastrophic`: the severity says how many customers were hurt, not whether the firm's
/// survival is threatened, which only the analyst can judge.
const fn overall_rating(severity: Severity) -> &'static str {
    match severity {
        Severity::Sev1 => "Damaging",
        Severity::Sev2 => "Painful",
        Severity::Sev3 => "Distracting",
        Severity::Sev4 => "Insignificant",
    }
}

fn plus_value(incident: &Incident, options: &VerisOptions) -> Result<Value, VerisError> {
    let notices: Vec<Value> = incident
        .notices()
        .values()
        .map(|n| {
            json!({
                "notice_id": n.draft.notice_id,
                "kind": n.draft.kind,
                "audience": n.draft.audience,
                "channels": n.draft.channels,
                "status": n.status,
                "approved_at": n.approved_at,
                "sent_at": n.sent_at,
            })
        })
        .collect();
    let regulatory = incident.regulatory();
    let impact = incident.impact();
    let mut out = json!({
        "master_id": incident.id().to_string(),
        "analysis_at": incident.updated_at(),
        "incident": {
            "kind": incident.kind(),
            "severity": incident.severity(),
            "declared_at": incident.declared_at(),
            "detected_at": incident.detected_at(),
            "contained_at": incident.contained_at(),
            "closed_at": incident.entered_at(Phase::Closed),
            "people_affected": to_value(&impact.people)?,
            "records": impact.records,
            "data_categories": to_value(&impact.data_categories)?,
            "funds_involved": if amounts_withheld(incident, options) {
                Value::Null
            } else {
                to_value(&impact.funds_involved)?
            },
            "jurisdictions": to_value(&impact.jurisdictions)?,
        },
        "notification": {
            "notices": notices,
            "filings": to_value(&regulatory.filings)?,
            "milestones": to_value(&regulatory.milestones)?,
        },
        "compensation": {
            "claim_totals": to_value(&incident.claim_totals())?,
        },
    });
    if let Some(object) = out.as_object_mut() {
        if let Some(analyst) = &options.analyst {
            object.insert("analyst".into(), json!(analyst));
        }
        let has_amounts =
            impact.funds_involved.is_some() || impact.losses.iter().any(|l| l.amount.is_some());
        if has_amounts && amounts_withheld(incident, options) {
            object.insert("withheld".into(), json!(["funds_involved"]));
        }
    }
    Ok(out)
}

/// Exports a closed incident as a VERIS 1.4 record (`verisc.json` with its enums).
///
/// The mapping: `incident_id` and `plus.master_id` are the incident's UUID;
/// `security_incident` is `Confirmed`; `summary` is the title and summary; `timeline.incident`
/// is the date it occurred (or, when unknown, was detected), `timeline.discovery` the span
/// from occurrence to detection and `timeline.containment` from detection to containment;
/// `discovery_method` comes from [`DetectionSource::veris`](crate::DetectionSource::veris)
/// (`Other` is VERIS's `"other": true`); `action` comes from the root-cause findings and the
/// kind, with vectors where the record shows them (a typed web-application asset, a
/// supplier's compromise as `Partner`) and social targets from the typed assets, else
/// `Unknown` with a note; `actor` is internal, partner or external only when the record says
/// so (insider misuse, a supplier's compromise, an outsider's technique as root cause),
/// with a `Financial` motive when funds moved or for ransomware, else `Unknown`;
/// `asset.assets` lists the typed [`AssetKind::veris`] assets (else `Unknown`; the systems'
/// names go in its notes); `attribute.confidentiality` lists the [`DataCategory::veris`]
/// varieties with a count, counted figures first (records, then people confirmed, then the
/// estimate); `integrity` has `Fraudulent transaction` whenever funds moved (kind funds
/// theft, or an asset-and-fraud loss recorded on any kind) and `Software installation` for
/// ransomware; `availability` follows the kind (ransomware, service disruption);
/// `impact.overall_rating` follows the severity (SEV1 `Damaging` … SEV4 `Insignificant`);
/// `impact.loss` lists the losses (with an `Asset and fraud` line for moved funds when none
/// was itemised), with amounts in major units and one `iso_currency_code` only when
/// [`VerisOptions::clearance`] covers the `funds_involved` label; `victim` comes from
/// `options`. Under `plus`: the notices and their send times, regulatory filings and
/// milestones, claim totals, the
/// crate's kind and severity, and `analysis_at`, the time of the last event (the function
/// reads no clock).
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident::review::{veris_record, VerisError, VerisOptions, VerisVictim};
/// use incident::{ActorId, Context, Declare, DetectionSource, Incident, IncidentId};
/// use incident::{IncidentKind, Phase, Severity};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
/// let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::FundsTheft, "t")
///     .detection(DetectionSource::FraudDetection, t0)
///     .severity(Severity::Sev2)
///     .owner(ActorId::new("owner")?);
/// let soc = Context::new(ActorId::new("soc")?, t0);
/// let incident = Incident::replay(&Incident::declare(&declare, &soc)?)?;
/// let victim = VerisVictim {
///     industry: "522".into(),
///     country: "CN".into(),
///     employee_count: "1001 to 10000".into(),
///     government: None,
/// };
/// let options = VerisOptions::new(victim, "my-firm");
/// // Only a closed incident exports.
/// let err = veris_record(&incident, &options).unwrap_err();
/// assert_eq!(err, VerisError::NotClosed(Phase::Detected));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// [`VerisError::NotClosed`] unless the incident is closed (a dismissed incident was not a
/// security incident and is refused too); [`VerisError::MixedCurrencies`] when loss amounts
/// are in more than one currency.
pub fn veris_record(incident: &Incident, options: &VerisOptions) -> Result<Value, VerisError> {
    let phase = incident.phase();
    if phase != Phase::Closed {
        return Err(VerisError::NotClosed(phase));
    }
    let root_causes: BTreeSet<RootCause> = incident
        .findings()
        .values()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::RootCause | FindingKind::ContributingFactor
            )
        })
        .filter_map(|f| f.root_cause)
        .collect();

    let detected = incident.detected_at();
    let occurred = incident.occurred_at().map(|(at, _)| at);
    let start = occurred.unwrap_or(detected);
    let date = start.date_naive();
    let mut timeline = json!({
        "incident": {
            "year": chrono::Datelike::year(&date),
            "month": chrono::Datelike::month(&date),
            "day": chrono::Datelike::day(&date),
        }
    });
    if let Some(object) = timeline.as_object_mut() {
        if let Some(discovery) = occurred.and_then(|o| span(o, detected)) {
            object.insert("discovery".into(), discovery);
        }
        if let Some(containment) = incident.contained_at().and_then(|c| span(detected, c)) {
            object.insert("containment".into(), containment);
        }
    }

    let discovery = crate::DetectionSource::veris(incident.detection_source());
    let mut discovery_method = Map::new();
    discovery_method.insert(
        discovery.group.into(),
        match discovery.variety {
            Some(variety) => json!({ "variety": [variety] }),
            None => json!(true),
        },
    );

    let mut attribute = Map::new();
    if let Some(confidentiality) = confidentiality_value(incident) {
        attribute.insert("confidentiality".into(), confidentiality);
    }
    let mut integrity: Vec<&str> = Vec::new();
    if funds_moved(incident) {
        integrity.push("Fraudulent transaction");
    }
    if incident.kind() == IncidentKind::Ransomware {
        integrity.push("Software installation");
    }
    if !integrity.is_empty() {
        attribute.insert("integrity".into(), json!({ "variety": integrity }));
    }
    let availability: &[&str] = match incident.kind() {
        IncidentKind::Ransomware => &["Obscuration"],
        IncidentKind::ServiceDisruption => &["Interruption"],
        _ => &[],
    };
    if !availability.is_empty() {
        attribute.insert("availability".into(), json!({ "variety": availability }));
    }

    let systems = &incident.impact().systems;
    let assets: Vec<Value> = if incident.impact().assets.is_empty() {
        vec![json!({ "variety": "Unknown" })]
    } else {
        incident
            .impact()
            .assets
            .iter()
            .map(|a| json!({ "variety": a.veris() }))
            .collect()
    };
    let mut asset = json!({
        "assets": assets,
        "cloud": ["Unknown"],
    });
    if !systems.is_empty() {
        let names: Vec<String> = systems.iter().map(ToString::to_string).collect();
        if let Some(object) = asset.as_object_mut() {
            object.insert(
                "notes".into(),
                json!(format!("Systems involved: {}", names.join(", "))),
            );
        }
    }

    let summary = match incident.summary() {
        Some(s) if !s.is_empty() => format!("{}. {s}", incident.title()),
        _ => incident.title().to_owned(),
    };
    let victim = &options.victim;
    let mut record = json!({
        "schema_version": options.schema_version,
        "incident_id": incident.id().to_string(),
        "source_id": options.source_id,
        "security_incident": "Confirmed",
        "confidence": options.confidence.as_str(),
        "summary": summary,
        "timeline": timeline,
        "discovery_method": Value::Object(discovery_method),
        "action": actions_value(incident, &root_causes),
        "actor": actor_value(incident, &root_causes),
        "asset": asset,
        "impact": impact_value(incident, options)?,
        "victim": {
            "industry": victim.industry,
            "country": [victim.country],
            "employee_count": victim.employee_count,
            "government": [victim.government.as_deref().unwrap_or("NA")],
        },
        "plus": plus_value(incident, options)?,
    });
    if let Some(object) = record.as_object_mut() {
        if !attribute.is_empty() {
            object.insert("attribute".into(), Value::Object(attribute));
        }
        if let Some(reference) = &options.reference {
            object.insert("reference".into(), json!(reference));
        }
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn spans_pick_a_unit_and_refuse_negative_times() {
        let t = |s: i64| {
            Utc.timestamp_opt(1_700_000_000 + s, 0)
                .single()
                .unwrap_or_default()
        };
        assert_eq!(
            span(t(0), t(30)),
            Some(json!({"unit": "Seconds", "value": 30.0}))
        );
        assert_eq!(
            span(t(0), t(90)),
            Some(json!({"unit": "Minutes", "value": 1.5}))
        );
        assert_eq!(
            span(t(0), t(11_400)),
            Some(json!({"unit": "Hours", "value": 3.17}))
        );
        assert_eq!(
            span(t(0), t(172_800)),
            Some(json!({"unit": "Days", "value": 2.0}))
        );
        assert_eq!(span(t(10), t(0)), None);
    }

    fn funds_theft(funds: Option<Money>) -> Incident {
        let t0 = Utc
            .with_ymd_and_hms(2026, 3, 14, 1, 30, 0)
            .single()
            .unwrap_or_default();
        let mut declare = crate::Declare::new(
            crate::IncidentId::from_bytes([3; 16]),
            IncidentKind::FundsTheft,
            "wire fraud",
        )
        .detection(crate::DetectionSource::Other, t0)
        .severity(Severity::Sev2)
        .owner(crate::ActorId::new("owner").unwrap());
        declare.impact.funds_involved = funds;
        let ctx = crate::Context::new(crate::ActorId::new("soc").unwrap(), t0);
        Incident::replay(&Incident::declare(&declare, &ctx).unwrap()).unwrap()
    }

    fn options(clearance: Sensitivity) -> VerisOptions {
        let victim = VerisVictim {
            industry: "522".into(),
            country: "CN".into(),
            employee_count: "Unknown".into(),
            government: None,
        };
        let mut options = VerisOptions::new(victim, "test");
        options.clearance = clearance;
        options
    }

    /// A funds theft with no loss itemised: the funds involved are the `Asset and fraud`
    /// loss, their amount shown only to a reader cleared for it.
    #[test]
    fn moved_funds_are_a_loss_even_when_not_itemised() {
        let incident = funds_theft(Some(Money::from_minor(250_000, Currency::CNY)));
        assert!(funds_moved(&incident));
        let cleared = impact_value(&incident, &options(Sensitivity::Restricted)).unwrap();
        assert_eq!(
            cleared,
            json!({
                "overall_rating": "Painful",
                "iso_currency_code": "CNY",
                "overall_amount": 2500.0,
                "loss": [{ "variety": "Asset and fraud", "amount": 2500.0 }],
            })
        );
        let public = impact_value(&incident, &options(Sensitivity::Public)).unwrap();
        assert_eq!(
            public,
            json!({ "overall_rating": "Painful", "loss": [{ "variety": "Asset and fraud" }] })
        );
        // Nothing recorded about who did it: the actor is unknown, whatever the kind.
        let actor = actor_value(&incident, &BTreeSet::new());
        assert!(actor.get("unknown").is_some(), "{actor}");
    }

    #[test]
    fn other_detection_is_veris_other_not_external() {
        let d = crate::DetectionSource::Other.veris();
        assert_eq!((d.group, d.variety), ("other", None));
        let m = crate::DetectionSource::Media.veris();
        assert_eq!((m.group, m.variety), ("external", Some("Other")));
    }

    #[test]
    fn ratings_follow_severity() {
        assert_eq!(overall_rating(Severity::Sev1), "Damaging");
        assert_eq!(overall_rating(Severity::Sev4), "Insignificant");
    }

    #[test]
    fn amounts_are_in_major_units() {
        assert!((major(&Money::from_minor(12_345, Currency::CNY)) - 123.45).abs() < 1e-9);
        let err = VerisError::NotClosed(Phase::Contained).to_string();
        assert!(err.contains("contained"), "{err}");
    }
}
