//! Commands on the incident record: classification, impact, occurrence, roles, sub-status,
//! evidence and custody, notes and findings.

use incident::classify::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::*;
use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::pools::{
    placeholder, JURISDICTIONS, MAX_LONG, MAX_SHORT, SUB_STATUSES, SYSTEMS,
};
use crate::generators::values::{
    content_digest, evidence_id, finding_id, label, money, person, text,
};
use crate::generators::vocabulary::{
    custody_actions, finding_kinds, loss_varieties, roles, root_causes, severities,
};

use super::Arms;

fn impact_update() -> impl Strategy<Value = ImpactUpdate> {
    let sets = (
        option::of(btree_set(select(DataCategory::ALL.to_vec()), 0..3)),
        option::of(btree_set(
            label(&SYSTEMS, |s| SystemName::new(s).unwrap()),
            0..3,
        )),
        option::of(btree_set(
            label(&JURISDICTIONS, |s| Jurisdiction::new(s).unwrap()),
            0..3,
        )),
        option::of(vec(
            (select(loss_varieties()), option::of(money()))
                .prop_map(|(variety, amount)| Loss { variety, amount }),
            0..3,
        )),
    );
    // People per State (HIPAA's media threshold is more than 500 in one), or abroad.
    let residents = option::weighted(
        0.2,
        btree_map(
            select(vec!["US-CA", "US-NY", "US-TX", "US", "DE"])
                .prop_map(|s| Jurisdiction::new(s).unwrap()),
            0u64..1_200,
            0..4,
        ),
    );
    (
        option::weighted(0.3, 0u64..200_000),
        option::weighted(0.3, 0u64..50_000),
        option::weighted(0.3, 0u64..1_000_000),
        option::weighted(0.3, money()),
        sets,
        residents,
    )
        .prop_map(|(estimated, confirmed, records, funds, sets, residents)| {
            let (categories, systems, jurisdictions, losses) = sets;
            let mut update = ImpactUpdate::default();
            if let Some(r) = residents {
                update = update.people_by_jurisdiction(r);
            }
            if let Some(n) = estimated {
                update = update.people_estimated(n);
            }
            if let Some(n) = confirmed {
                update = update.people_confirmed(n);
            }
            if let Some(n) = records {
                update = update.records(n);
            }
            if let Some(m) = funds {
                update = update.funds_involved(m);
            }
            if let Some(c) = categories {
                update = update.data_categories(c);
            }
            if let Some(s) = systems {
                update = update.systems(s);
            }
            if let Some(j) = jurisdictions {
                update = update.jurisdictions(j);
            }
            if let Some(l) = losses {
                update = update.losses(l);
            }
            update
        })
}

pub(crate) fn finding() -> impl Strategy<Value = Finding> {
    (
        finding_id(),
        select(finding_kinds()),
        option::of(select(root_causes())),
        text(MAX_LONG),
        vec(evidence_id(), 0..2),
    )
        .prop_map(
            |(finding_id, kind, root_cause, summary, evidence)| Finding {
                finding_id,
                kind,
                root_cause,
                summary,
                evidence,
            },
        )
}

/// Classification, impact, occurrence, roles and sub-status.
pub(super) fn incident_arms() -> Arms {
    vec![
        (
            3,
            (select(severities()), text(MAX_SHORT))
                .prop_map(|(severity, reason)| Command::ChangeSeverity { severity, reason })
                .boxed(),
        ),
        (
            2,
            (select(IncidentKind::ALL.to_vec()), text(MAX_SHORT))
                .prop_map(|(kind, reason)| Command::Reclassify { kind, reason })
                .boxed(),
        ),
        (
            2,
            // Any subcategory with its own or another category: mismatches are rejected.
            (
                select(GbtSubcategory::ALL.to_vec()),
                select(GbtCategory::ALL.to_vec()),
                any::<bool>(),
                option::of(any::<bool>()),
                text(MAX_SHORT),
            )
                .prop_map(|(sub, category, own, with_sub, basis)| {
                    let category = if own { sub.category() } else { category };
                    let subcategory = with_sub.map(|_| sub);
                    Command::ClassifyGbt {
                        classification: GbtClassification {
                            category,
                            subcategory,
                        },
                        basis,
                    }
                })
                .boxed(),
        ),
        (
            3,
            (impact_update(), option::of(text(MAX_SHORT)))
                .prop_map(|(update, reason)| Command::UpdateImpact { update, reason })
                .boxed(),
        ),
        (
            2,
            any::<bool>()
                .prop_map(|estimated| Command::RecordOccurrence {
                    occurred_at: placeholder(),
                    estimated,
                })
                .boxed(),
        ),
        (
            6,
            (select(roles()), person())
                .prop_map(|(role, person)| Command::AssignRole { role, person })
                .boxed(),
        ),
        (
            6,
            select(roles())
                .prop_map(|role| Command::UnassignRole { role })
                .boxed(),
        ),
        (
            2,
            option::of(label(&SUB_STATUSES, |s| SubStatus::new(s).unwrap()))
                .prop_map(|sub_status| Command::SetSubStatus { sub_status })
                .boxed(),
        ),
    ]
}

/// Evidence and its chain of custody.
pub(super) fn evidence_arms() -> Arms {
    vec![
        (
            4,
            (
                evidence_id(),
                text(MAX_SHORT),
                person(),
                text(MAX_SHORT),
                option::of(content_digest()),
            )
                .prop_map(
                    |(evidence_id, description, collected_by, location, digest)| {
                        Command::AddEvidence(NewEvidence {
                            evidence_id,
                            description,
                            collected_by,
                            collected_at: placeholder(),
                            location,
                            digest,
                        })
                    },
                )
                .boxed(),
        ),
        (
            4,
            (
                evidence_id(),
                select(custody_actions()),
                person(),
                text(MAX_SHORT),
                option::of(content_digest()),
                option::of(text(MAX_SHORT)),
            )
                .prop_map(|(evidence_id, action, by, location, digest, note)| {
                    Command::RecordCustody(CustodyRecord {
                        evidence_id,
                        entry: CustodyEntry {
                            action,
                            by,
                            at: placeholder(),
                            location,
                            digest,
                            note,
                        },
                    })
                })
                .boxed(),
        ),
    ]
}

/// A free-text note.
pub(super) fn note_arms() -> Arms {
    vec![(
        3,
        text(MAX_LONG)
            .prop_map(|text| Command::AddNote { text })
            .boxed(),
    )]
}

/// A finding.
pub(super) fn finding_arms() -> Arms {
    vec![(3, finding().prop_map(Command::RecordFinding).boxed())]
}
