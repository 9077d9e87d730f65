//! Replay decides again the events that carry a second person's or an approver's word.
//!
//! An offer, a settlement, a payment, an approved override, a manual review, a confirmed
//! reversal, money declared unclaimed and a notice's approval each stand for a guard that
//! looked at who asked (four eyes, the plan's approver) and at the record (the facts an
//! approval binds, the amounts a step carries, the caps and reviews an offer needs). Their command is the event itself, so replay can ask
//! [`Incident::decide`] the same question at the same point of the log, as the same actor
//! at the same time, and require the same answer. The guards stay written once, in
//! `decide`; a log edited and re-sealed to let one person take both steps, or to hide a
//! fact changed since an approval, does not replay.

use serde_json::Value;

use super::Stamp;
use crate::lifecycle::ApplyError;
use crate::{Command, Context, Event, Incident};

/// The command that records `event`, for the events replay decides again.
fn command_of(event: &Event) -> Option<Command> {
    Some(match event {
        Event::NoticeApproved { notice_id, .. } => Command::ApproveNotice {
            notice_id: notice_id.clone(),
        },
        Event::AssessmentOverrideApproved { claim_id } => Command::ApproveAssessmentOverride {
            claim_id: claim_id.clone(),
        },
        Event::ClaimReviewed { claim_id, note } => Command::RecordClaimReview {
            claim_id: claim_id.clone(),
            note: note.clone(),
        },
        Event::SettlementOffered {
            claim_id,
            amount,
            remedies,
            valid_until,
        } => Command::OfferSettlement {
            claim_id: claim_id.clone(),
            amount: *amount,
            remedies: remedies.clone(),
            valid_until: *valid_until,
        },
        Event::ClaimSettled { claim_id, .. } => Command::SettleClaim {
            claim_id: claim_id.clone(),
        },
        Event::ClaimPaid {
            claim_id,
            paid_at,
            amount,
            payment_reference,
        } => Command::RecordClaimPaid {
            claim_id: claim_id.clone(),
            paid_at: Some(*paid_at),
            amount: *amount,
            payment_reference: payment_reference.clone(),
        },
        Event::PaymentReversalConfirmed { claim_id, .. } => Command::ConfirmPaymentReversal {
            claim_id: claim_id.clone(),
        },
        Event::ClaimDeclaredUnclaimed {
            claim_id, held_at, ..
        } => Command::DeclareClaimUnclaimed {
            claim_id: claim_id.clone(),
            held_at: held_at.clone(),
        },
        _ => return None,
    })
}

impl Incident {
    /// Decides `event`'s command again on the state before it, as its recorder at its
    /// time; the event must be exactly what the guards decide.
    pub(super) fn redecide(&self, event: &Event, stamp: &Stamp) -> Result<(), ApplyError> {
        let Some(command) = command_of(event) else {
            return Ok(());
        };
        let not_decided = |problem: String| ApplyError::NotDecided {
            event: stamp.name,
            actor: stamp.by.to_string(),
            problem,
        };
        let ctx = Context::new(stamp.by.clone(), stamp.at);
        match self.decide(&command, &ctx) {
            Err(rejection) => Err(not_decided(rejection.to_string())),
            Ok(decided) => match decided.as_slice() {
                [only] if only == event => Ok(()),
                [only] => Err(not_decided(differences(event, only))),
                _ => Err(not_decided(format!(
                    "the command records {} events, not this one",
                    decided.len()
                ))),
            },
        }
    }
}

/// The members where the stored event departs from the decided one, as
/// `path: stored …, decided …`.
fn differences(stored: &Event, decided: &Event) -> String {
    let (Ok(stored), Ok(decided)) = (serde_json::to_value(stored), serde_json::to_value(decided))
    else {
        return "it differs from the decided event".to_owned();
    };
    let mut out = Vec::new();
    diff("", Some(&stored), Some(&decided), &mut out);
    out.join("; ")
}

/// Pushes `path: stored …, decided …` for each member where `stored` and `decided` differ;
/// a member one side lacks is `absent` there.
fn diff(path: &str, stored: Option<&Value>, decided: Option<&Value>, out: &mut Vec<String>) {
    if let (Some(Value::Object(a)), Some(Value::Object(b))) = (stored, decided) {
        let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for key in keys {
            let inner = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            diff(&inner, a.get(key), b.get(key), out);
        }
    } else if stored != decided {
        let shown = |v: Option<&Value>| v.map_or_else(|| "absent".to_owned(), Value::to_string);
        out.push(format!(
            "{path}: stored {}, decided {}",
            shown(stored),
            shown(decided)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_name_each_changed_member_by_its_path() {
        let stored = serde_json::json!({"a": 1, "b": {"c": "x", "d": true}, "e": null});
        let decided = serde_json::json!({"a": 1, "b": {"c": "y", "d": true}, "f": 2});
        let mut out = Vec::new();
        diff("", Some(&stored), Some(&decided), &mut out);
        assert_eq!(
            out,
            [
                "b.c: stored \"x\", decided \"y\"",
                "e: stored null, decided absent",
                "f: stored absent, decided 2"
            ]
        );
    }
}
