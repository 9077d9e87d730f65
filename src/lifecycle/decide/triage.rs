//! Deciding commands about severity, kind, GB/T 20986 classification, impact, occurrence time, roles, sub-status and notes.

use chrono::{DateTime, Utc};

use super::checks::{no_change, Checks, MAX_LONG, MAX_SHORT};
use crate::classify::{GbtClassification, Impact, ImpactUpdate};
use crate::id::SubStatus;
use crate::{ActorId, Event, Incident, IncidentKind, Role, Severity, Unmet};

impl Incident {
    /// [`Command::ChangeSeverity`].
    pub(super) fn change_severity(
        &self,
        c: &mut Checks,
        severity: &Severity,
        reason: &str,
    ) -> Event {
        c.text("reason", reason, "why the severity changes", MAX_SHORT);
        if *severity == self.severity {
            c.push(no_change(format!("the severity is already {severity}")));
        }
        Event::SeverityChanged {
            from: self.severity,
            to: *severity,
            reason: reason.to_owned(),
        }
    }

    /// [`Command::Reclassify`].
    pub(super) fn reclassify(&self, c: &mut Checks, to: &IncidentKind, reason: &str) -> Event {
        c.text("reason", reason, "why the kind changes", MAX_SHORT);
        if *to == self.kind {
            c.push(no_change(format!("the kind is already {to}")));
        }
        Event::KindChanged {
            from: self.kind,
            to: *to,
            reason: reason.to_owned(),
        }
    }

    /// [`Command::ClassifyGbt`].
    pub(super) fn classify_gbt(
        &self,
        c: &mut Checks,
        classification: &GbtClassification,
        basis: &str,
    ) -> Event {
        c.text(
            "basis",
            basis,
            "why the incident falls in this category",
            MAX_SHORT,
        );
        if let Some(sub) = classification
            .subcategory
            .filter(|_| !classification.is_consistent())
        {
            c.push(Unmet::Invalid {
                field: "classification.subcategory".into(),
                problem: format!(
                    "{sub} belongs to {}, not {}: pick a subcategory of {} or leave it out",
                    sub.category(),
                    classification.category,
                    classification.category
                ),
            });
        }
        if self.gbt.as_ref().map(|r| r.classification) == Some(*classification) {
            c.push(no_change("the GB/T 20986 classification is already that"));
        }
        Event::GbtClassified {
            classification: *classification,
            basis: basis.to_owned(),
        }
    }

    /// [`Command::UpdateImpact`].
    pub(super) fn update_impact(
        &self,
        c: &mut Checks,
        update: &ImpactUpdate,
        reason: &Option<String>,
    ) -> Event {
        c.optional_text(
            "reason",
            reason.as_ref(),
            "the source of the figures or leave it out",
            MAX_SHORT,
        );
        c.impact(update.funds_involved.as_ref(), update.losses.as_deref());
        if update.is_empty() || self.impact_unchanged(update) {
            c.push(no_change("the update sets no new value"));
        }
        Event::ImpactUpdated {
            update: update.clone(),
            reason: reason.clone(),
        }
    }

    /// [`Command::RecordOccurrence`].
    pub(super) fn record_occurrence(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        occurred_at: &DateTime<Utc>,
        estimated: &bool,
    ) -> Event {
        c.not_future("occurred_at", *occurred_at, now);
        c.not_before("detected_at", self.detected_at, "occurred_at", *occurred_at);
        Event::OccurrenceRecorded {
            occurred_at: *occurred_at,
            estimated: *estimated,
        }
    }

    /// [`Command::AssignRole`].
    pub(super) fn assign_role(&self, c: &mut Checks, role: &Role, person: &ActorId) -> Event {
        if self.roles.get(role) == Some(person) {
            c.push(Unmet::RoleAlreadyHeld {
                role: *role,
                person: person.clone(),
            });
        }
        Event::RoleAssigned {
            role: *role,
            person: person.clone(),
        }
    }

    /// [`Command::UnassignRole`].
    pub(super) fn unassign_role(&self, c: &mut Checks, role: &Role) -> Event {
        if *role == Role::Owner {
            c.push(Unmet::OwnerRequired {});
        } else if !self.roles.contains_key(role) {
            c.push(no_change(format!("no one holds the {role} role")));
        }
        Event::RoleUnassigned { role: *role }
    }

    /// [`Command::SetSubStatus`].
    pub(super) fn set_sub_status(&self, c: &mut Checks, sub_status: &Option<SubStatus>) -> Event {
        if *sub_status == self.sub_status {
            c.push(no_change("the sub-status is already that"));
        }
        Event::SubStatusSet {
            sub_status: sub_status.clone(),
        }
    }

    /// [`Command::AddNote`].
    pub(super) fn add_note(&self, c: &mut Checks, text: &str) -> Event {
        c.text("text", text, "the note", MAX_LONG);
        Event::NoteAdded {
            text: text.to_owned(),
        }
    }

    pub(super) fn impact_unchanged(&self, update: &ImpactUpdate) -> bool {
        let mut next: Impact = self.impact.clone();
        next.apply(update);
        next == self.impact
    }
}
