//! What a caller may read: every answer is cut to the caller's clearance
//! ([`Caller::clearance`](crate::access::Caller::clearance)), and what was cut is named.
//!
//! The rule is one table. A fact is as sensitive as its label. Evidence, chain of custody,
//! notes and findings hold indicators of compromise and the team's working notes, and an
//! activated playbook is the firm's own plan and its staffing: `internal`. Regulatory filings, waivers, determinations and clock alerts, the obligations
//! and the outbox: `restricted`. Claims, inquiries and survey answers name customers:
//! `customers`. The rest of an incident (its title, phase, severity, plan and notices) is
//! for anyone the desk admits with at least `customers`; a `public` caller sees only the
//! incident's identity, phase, severity and times. A part of the state the table does not
//! name is `internal`, so a field added to the crate is hidden until someone decides.

use incident::comms::Sensitivity;
use incident::{Envelope, Event, Incident};
use serde::Serialize;
use serde_json::{Map, Value};

/// How sensitive one event is: who may read it in `/events`.
pub fn event_sensitivity(event: &Event) -> Sensitivity {
    match event {
        Event::FactRecorded(fact) => fact.sensitivity,
        Event::EvidenceAdded(_)
        | Event::CustodyRecorded(_)
        | Event::NoteAdded { .. }
        | Event::FindingRecorded(_)
        // The firm's own plan and who staffs it.
        | Event::PlaybookActivated { .. } => Sensitivity::Internal,
        Event::ReportFiled(_)
        | Event::ObligationWaived { .. }
        | Event::DeterminationRecorded { .. }
        | Event::GradeRecorded { .. }
        | Event::ClockAlerted(_) => Sensitivity::Restricted,
        _ => Sensitivity::Customers,
    }
}

/// How sensitive one top-level member of the incident's JSON is (`facts` is cut fact by
/// fact instead). Unknown members are `internal`.
pub fn state_sensitivity(member: &str) -> Sensitivity {
    match member {
        "id" | "version" | "head" | "kind" | "title" | "phase" | "sub_status" | "severity"
        | "declared_at" | "updated_at" | "exercise" => Sensitivity::Public,
        "declared_by"
        | "detected_at"
        | "occurred_at"
        | "occurred_at_estimated"
        | "contained_at"
        | "severity_changes"
        | "severity_reason"
        | "summary"
        | "impact"
        | "roles"
        | "stamps"
        | "actions"
        | "overdue"
        | "notices"
        | "comms_plan"
        | "disclosure"
        | "dismissal"
        | "compensation"
        | "claims"
        | "claim_totals"
        | "inquiries"
        | "survey_responses" => Sensitivity::Customers,
        "regulatory" => Sensitivity::Restricted,
        _ => Sensitivity::Internal,
    }
}

/// The incident as `clearance` may see it.
#[derive(Debug, Serialize)]
pub struct StateView {
    /// The caller's clearance.
    pub clearance: Sensitivity,
    /// What was left out: state members by name, facts as `facts.<key>`.
    pub withheld: Vec<String>,
    /// The state (schema `incident`) without what `withheld` names.
    pub incident: Value,
}

/// Cuts `incident`'s state to `clearance`.
///
/// # Errors
/// The serializer's error (the state always serializes).
pub fn state_view(incident: &Incident, clearance: Sensitivity) -> serde_json::Result<StateView> {
    let Value::Object(members) = serde_json::to_value(incident)? else {
        return Ok(StateView {
            clearance,
            withheld: Vec::new(),
            incident: Value::Null,
        });
    };
    let mut withheld = Vec::new();
    let mut kept = Map::new();
    for (name, value) in members {
        if name == "facts" {
            kept.insert(name, cut_facts(value, clearance, &mut withheld));
        } else if state_sensitivity(&name) <= clearance {
            kept.insert(name, value);
        } else {
            withheld.push(name);
        }
    }
    Ok(StateView {
        clearance,
        withheld,
        incident: Value::Object(kept),
    })
}

fn cut_facts(facts: Value, clearance: Sensitivity, withheld: &mut Vec<String>) -> Value {
    let Value::Object(facts) = facts else {
        return facts;
    };
    let kept = facts
        .into_iter()
        .filter(|(key, fact)| {
            let label = fact
                .get("sensitivity")
                .and_then(|s| serde_json::from_value::<Sensitivity>(s.clone()).ok())
                .unwrap_or(Sensitivity::Internal);
            let visible = label <= clearance;
            if !visible {
                withheld.push(format!("facts.{key}"));
            }
            visible
        })
        .collect();
    Value::Object(kept)
}

/// An event left out of `/events`: where it sits in the chain, so a gap is never silent.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct WithheldEvent {
    /// Its sequence.
    pub seq: u64,
    /// Its type (`fact_recorded`, `note_added`, …).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Its label.
    pub sensitivity: Sensitivity,
}

/// Splits `envelopes` into those `clearance` may read and the withheld ones.
pub fn events_view(
    envelopes: Vec<Envelope>,
    clearance: Sensitivity,
) -> (Vec<Envelope>, Vec<WithheldEvent>) {
    let mut shown = Vec::with_capacity(envelopes.len());
    let mut withheld = Vec::new();
    for envelope in envelopes {
        let sensitivity = event_sensitivity(envelope.event());
        if sensitivity <= clearance {
            shown.push(envelope);
        } else {
            withheld.push(WithheldEvent {
                seq: envelope.sequence(),
                kind: envelope.event().name(),
                sensitivity,
            });
        }
    }
    (shown, withheld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_table_fails_closed() {
        assert_eq!(state_sensitivity("evidence"), Sensitivity::Internal);
        assert_eq!(state_sensitivity("notes"), Sensitivity::Internal);
        assert_eq!(state_sensitivity("findings"), Sensitivity::Internal);
        assert_eq!(
            state_sensitivity("a_field_added_later"),
            Sensitivity::Internal
        );
        assert_eq!(state_sensitivity("regulatory"), Sensitivity::Restricted);
        assert_eq!(state_sensitivity("claims"), Sensitivity::Customers);
        assert_eq!(state_sensitivity("phase"), Sensitivity::Public);
    }
}
