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
    classify::DataCategory, findings::FindingKind, findings::RootCause, Currency, Incident,
    IncidentKind, Money, Phase,
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerisError {
    /// Only closed incidents are exported; this one is in the named phase.
    NotClosed(Phase),
    /// Loss amounts are in more than one currency; VERIS records one `iso_currency_code`.
    MixedCurrencies(Currency, Currency),
    /// A value could not be serialized.
    Serialize(String),
}

impl std::fmt::Display for VerisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotClosed(phase) => write!(
                f,
                "only a closed incident exports to VERIS; this one is {phase}"
            ),
            Self::MixedCurrencies(a, b) => write!(
                f,
                "VERIS records losses in one currency; found {} and {}",
                a.code(),
                b.code()
            ),
            Self::Serialize(e) => write!(f, "serialization failed: {e}"),
        }
    }
}

impl std::error::Error for VerisError {}

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
    if actions.is_empty() {
        return json!({ "unknown": {
            "notes": "The threat actions were not determined by the review.",
            "result": ["Unknown"],
        }});
    }
    let mut out = Map::new();
    for (category, mut entry) in actions {
        entry.vector.insert("Unknown");
        let mut value = json!({ "variety": entry.variety, "vector": entry.vector });
        if category == "social" {
            entry.target.insert("Unknown");
            if let Some(object) = value.as_object_mut() {
                object.insert("target".into(), json!(entry.target));
            }
        }
        out.insert(category.into(), value);
    }
    Value::Object(out)
}

fn actor_value(incident: &Incident, root_causes: &BTreeSet<RootCause>) -> Value {
    let kind = incident.kind();
    let financial = matches!(
        kind,
        IncidentKind::FundsTheft | IncidentKind::AccountTakeover | IncidentKind::Ransomware
    );
    let motive = if financial { "Financial" } else { "Unknown" };
    if kind == IncidentKind::InsiderMisuse || root_causes.contains(&RootCause::Insider) {
        json!({ "internal": { "variety": ["Unknown"], "motive": [motive] } })
    } else if kind == IncidentKind::ThirdPartyCompromise
        || root_causes.contains(&RootCause::ThirdPartySupplyChain)
    {
        json!({ "partner": { "country": ["Unknown"], "motive": [motive] } })
    } else if financial
        || root_causes.iter().any(|c| {
            matches!(
                c,
                RootCause::PhishingSocialEngineering | RootCause::CredentialStuffing
            )
        })
    {
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
    let amount = impact.records.or_else(|| impact.people.best_estimate());
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
    for loss in &incident.impact().losses {
        let mut entry = json!({ "variety": loss.variety.veris() });
        if let Some(amount) = loss.amount.as_ref().filter(|_| !withheld) {
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
    let mut out = json!({ "overall_rating": "Unknown" });
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
/// `discovery_method` comes from [`DetectionSource::veris`](crate::DetectionSource::veris);
/// `action` and `actor` from the root-cause findings and the kind, else `Unknown` with a
/// note; `asset` is `Unknown` (the affected systems go in its notes);
/// `attribute.confidentiality` lists the [`DataCategory::veris`] varieties with the record
/// (or people) count; `integrity` and `availability` follow the kind (funds theft,
/// ransomware, service disruption); `impact.loss` lists the losses with amounts in major
/// units and one `iso_currency_code`; `victim` comes from `options`. Under `plus`: the
/// notices and their send times, regulatory filings and milestones, claim totals, the
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
        json!({ "variety": [discovery.variety] }),
    );

    let mut attribute = Map::new();
    if let Some(confidentiality) = confidentiality_value(incident) {
        attribute.insert("confidentiality".into(), confidentiality);
    }
    let integrity: &[&str] = match incident.kind() {
        IncidentKind::FundsTheft => &["Fraudulent transaction"],
        IncidentKind::Ransomware => &["Software installation"],
        _ => &[],
    };
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
    let mut asset = json!({
        "assets": [{ "variety": "Unknown" }],
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

    #[test]
    fn amounts_are_in_major_units() {
        assert!((major(&Money::from_minor(12_345, Currency::CNY)) - 123.45).abs() < 1e-9);
        let err = VerisError::NotClosed(Phase::Contained).to_string();
        assert!(err.contains("contained"), "{err}");
    }
}
