//! Collecting every unmet precondition of a command, so all are reported together.

use chrono::{DateTime, Utc};

use crate::compensation::{ClaimStatus, Remedy};
use crate::id::{RegimeId, ReportId};
use crate::money::MoneyError;
use crate::regulation::Regulation;
use crate::{CommandKind, Event, Phase, Rejection, Unmet};
use crate::{Currency, Money};

/// Longest title, in characters.
pub(super) const MAX_TITLE: usize = crate::actions::MAX_TITLE;
/// Longest short text (reasons, locations, policy names), in characters.
pub(super) const MAX_SHORT: usize = 2_000;
/// Longest long text (summaries, notes), in characters.
pub(super) const MAX_LONG: usize = 20_000;

/// The claim statuses in which a claim is still being negotiated (not yet agreed).
pub(super) const OPEN_CLAIM: &[ClaimStatus] = &[
    ClaimStatus::Assessed,
    ClaimStatus::Offered,
    ClaimStatus::Countered,
];

/// The claim statuses from which a claim can be handed to legal: any but a final one, and
/// after payment too (a dispute of what was agreed or paid).
pub(super) const ESCALABLE_CLAIM: &[ClaimStatus] = &[
    ClaimStatus::Assessed,
    ClaimStatus::Offered,
    ClaimStatus::Countered,
    ClaimStatus::Accepted,
    ClaimStatus::Settled,
    ClaimStatus::Paid,
];

/// Collects unmet preconditions so that all of them are reported together.
#[derive(Default)]
pub(super) struct Checks(pub(super) Vec<Unmet>);

impl Checks {
    pub(super) fn push(&mut self, unmet: Unmet) {
        self.0.push(unmet);
    }

    pub(super) fn text(&mut self, field: &str, value: &str, hint: &str, max: usize) {
        if value.trim().is_empty() {
            self.push(Unmet::EmptyText {
                field: field.to_owned(),
                hint: hint.to_owned(),
            });
        } else {
            let len = value.chars().count();
            if len > max {
                self.push(Unmet::TextTooLong {
                    field: field.to_owned(),
                    len,
                    max,
                });
            }
        }
    }

    pub(super) fn optional_text(
        &mut self,
        field: &str,
        value: Option<&String>,
        hint: &str,
        max: usize,
    ) {
        if let Some(value) = value {
            self.text(field, value, hint, max);
        }
    }

    pub(super) fn not_future(&mut self, field: &str, value: DateTime<Utc>, now: DateTime<Utc>) {
        if value > now {
            self.push(Unmet::InTheFuture {
                field: field.to_owned(),
                value,
                now,
            });
        }
    }

    pub(super) fn not_before(
        &mut self,
        field: &str,
        value: DateTime<Utc>,
        earlier_field: &str,
        earlier: DateTime<Utc>,
    ) {
        if value < earlier {
            self.push(Unmet::TimeOrder {
                field: field.to_owned(),
                value,
                earlier_field: earlier_field.to_owned(),
                earlier,
            });
        }
    }

    pub(super) fn impact(
        &mut self,
        impact_funds: Option<&crate::Money>,
        losses: Option<&[crate::classify::Loss]>,
    ) {
        if impact_funds.is_some_and(|m| m.is_negative()) {
            self.push(Unmet::Invalid {
                field: "funds_involved".to_owned(),
                problem:
                    "the amount is negative; record funds stolen or at risk as a positive amount"
                        .to_owned(),
            });
        }
        if losses
            .unwrap_or_default()
            .iter()
            .any(|l| l.amount.is_some_and(|m| m.is_negative()))
        {
            self.push(Unmet::Invalid {
                field: "losses".to_owned(),
                problem: "a loss amount is negative; record losses as positive amounts".to_owned(),
            });
        }
    }

    pub(super) fn finish_many(
        self,
        command: CommandKind,
        phase: Option<Phase>,
        events: Vec<Event>,
    ) -> Result<Vec<Event>, Rejection> {
        if self.0.is_empty() {
            Ok(events)
        } else {
            Err(Rejection {
                command,
                phase,
                unmet: self.0,
            })
        }
    }

    /// An amount in the program currency.
    pub(super) fn currency(&mut self, field: &str, amount: Money, expected: Currency) {
        if amount.currency() != expected {
            self.push(Unmet::WrongCurrency {
                field: field.to_owned(),
                amount,
                expected,
            });
        }
    }

    /// A non-negative amount in the program currency.
    pub(super) fn amount(&mut self, field: &str, amount: Money, expected: Currency) {
        self.currency(field, amount, expected);
        if amount.is_negative() {
            self.push(Unmet::Invalid {
                field: field.to_owned(),
                problem: format!("{amount} is negative; amounts are zero or more"),
            });
        }
    }

    /// Services offered alongside a settlement: no cash (that is the offer's amount),
    /// durations of a month or more, insured amounts in the program currency.
    pub(super) fn offered_services(&mut self, remedies: &[Remedy], currency: Currency) {
        for remedy in remedies {
            let problem = match remedy {
                cash if cash.is_cash() => Some(format!(
                    "{} is cash: put it in the offer's amount",
                    remedy.kind()
                )),
                Remedy::CreditMonitoring { months: 0 }
                | Remedy::FeeWaiver { months: 0 }
                | Remedy::IdentityTheftInsurance { months: 0, .. } => Some(format!(
                    "{} lasts 0 months; give at least one month",
                    remedy.kind()
                )),
                Remedy::IdentityTheftInsurance { coverage, .. } => {
                    self.currency("remedies", *coverage, currency);
                    (!coverage.is_positive())
                        .then(|| format!("insured amount {coverage} is not positive"))
                }
                _ => None,
            };
            if let Some(problem) = problem {
                self.push(Unmet::Invalid {
                    field: "remedies".to_owned(),
                    problem,
                });
            }
        }
    }

    /// An amount the program's totals can absorb.
    pub(super) fn fits(&mut self, field: &str, added: Result<(), MoneyError>) {
        if let Err(e) = added {
            self.push(Unmet::Invalid {
                field: field.to_owned(),
                problem: format!("the program's totals cannot take this amount ({e})"),
            });
        }
    }

    pub(super) fn finish(
        self,
        command: CommandKind,
        phase: Option<Phase>,
        event: Event,
    ) -> Result<Vec<Event>, Rejection> {
        if self.0.is_empty() {
            Ok(vec![event])
        } else {
            Err(Rejection {
                command,
                phase,
                unmet: self.0,
            })
        }
    }
}

impl Checks {
    /// A report the host's `regulation` has. Without a regulation in the context, or with
    /// one that runs no regimes (`Regulation::without_regimes`), there is nothing to check
    /// the ids against and they are taken as given.
    pub(super) fn known_report(
        &mut self,
        regulation: Option<&Regulation>,
        regime: &RegimeId,
        report: &ReportId,
    ) {
        let Some(regulation) = regulation.filter(|r| !r.regimes.is_empty()) else {
            return;
        };
        // A regime may appear once per version in force; any version's report counts.
        let versions: Vec<_> = regulation
            .regimes
            .iter()
            .filter(|r| &r.id == regime)
            .collect();
        if versions.iter().any(|r| r.report(report).is_some()) {
            return;
        }
        let ids: std::collections::BTreeSet<&str> = versions
            .iter()
            .flat_map(|r| r.reports.iter().map(|r| r.id.as_str()))
            .collect();
        let known = if versions.is_empty() {
            "it has no such regime".to_owned()
        } else {
            format!(
                "its reports: {}",
                ids.into_iter().collect::<Vec<_>>().join(", ")
            )
        };
        self.push(Unmet::UnknownReport {
            regime: regime.clone(),
            report: report.clone(),
            known,
        });
    }
}

pub(super) fn unknown(entity: &str, id: &dyn std::fmt::Display) -> Unmet {
    Unmet::UnknownId {
        entity: entity.to_owned(),
        id: id.to_string(),
    }
}

pub(super) fn duplicate(entity: &str, id: &dyn std::fmt::Display) -> Unmet {
    Unmet::DuplicateId {
        entity: entity.to_owned(),
        id: id.to_string(),
    }
}

pub(super) fn no_change(what: impl Into<String>) -> Unmet {
    Unmet::NoChange { what: what.into() }
}
