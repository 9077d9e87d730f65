//! What a rule grants: cash remedies (each computed from the claim's facts by one rule,
//! here) and services. The cash remedies a mainland firm uses after funds are taken from
//! accounts — advance payment (先行赔付) with the customer's rights assigned to the firm,
//! interest for the time the funds were missing — sit beside reimbursement and goodwill;
//! the services include help with a credit-report objection and an account security review.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::policy::{check_amount, zero_months, PolicyProblem, Rule};
use crate::{Currency, Money};

/// Something a rule grants.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Remedy {
    /// Cash: a share of the verified loss, up to a cap. No verified loss, no cash.
    Reimburse {
        /// Share in basis points (10 000 = the full verified loss).
        share_bps: u32,
        /// The most this remedy pays one customer; must be positive.
        #[serde(default)]
        cap: Option<Money>,
    },
    /// Cash paid in advance (先行赔付): a share of the loss the customer reports, before it
    /// is verified and before anyone is found liable. The customer assigns the firm their
    /// rights against whoever took the funds, so what is later recovered (police, bank,
    /// perpetrator, insurer) comes back to the firm
    /// ([`Command::RecordRecovery`](crate::Command::RecordRecovery)).
    AdvancePayment {
        /// Share of the reported loss in basis points (10 000 = all of it).
        share_bps: u32,
        /// The most this remedy pays one customer; must be positive.
        #[serde(default)]
        cap: Option<Money>,
    },
    /// Cash: simple interest on the verified loss for the days the funds were missing
    /// ([`ClaimBuilder::days_without_funds`](crate::compensation::ClaimBuilder::days_without_funds)),
    /// actual/365, at an annual rate (for instance the one-year LPR). No verified loss or no
    /// days, no interest.
    Interest {
        /// The annual rate in basis points (300 = 3% a year), 1..=10000.
        annual_rate_bps: u32,
    },
    /// Cash: the customer's documented time dealing with the incident at an hourly rate,
    /// up to a number of hours (the Equifax settlement paid USD 25 an hour up to 20 hours).
    TimeSpent {
        /// Paid per hour; must be positive.
        hourly: Money,
        /// The most hours paid; at least one.
        max_hours: u16,
    },
    /// Cash: documented costs of replacing identity documents, bank cards and the like, up
    /// to a cap.
    DocumentReplacement {
        /// The most paid; must be positive.
        cap: Money,
    },
    /// Cash: a fixed goodwill credit.
    Goodwill {
        /// The credit; must be positive.
        amount: Money,
    },
    /// Free credit monitoring.
    CreditMonitoring {
        /// Duration; at least one month.
        months: u16,
    },
    /// Identity-theft insurance bought for the customer (a service, not cash paid).
    IdentityTheftInsurance {
        /// The insured amount; must be positive.
        coverage: Money,
        /// Duration; at least one month.
        months: u16,
    },
    /// Waived fees (commissions, account fees).
    FeeWaiver {
        /// Duration; at least one month.
        months: u16,
    },
    /// Staff-assisted password and second-factor reset.
    AssistedPasswordReset {},
    /// Staff-assisted account freeze.
    AccountFreeze {},
    /// Staff help to object to a wrong entry in the customer's credit report (in mainland
    /// China an objection, 异议, to the PBoC Credit Reference Center or through the firm
    /// that reported it), with the firm's correction of its own reports.
    CreditReportObjection {},
    /// A security review of the customer's account with them: devices and sessions signed
    /// in, linked bank cards, contact details and second factor, trading or payment limits.
    AccountSecurityReview {},
    /// An offer to negotiate a settlement case by case (no automatic cash).
    NegotiatedSettlement {},
}

impl Remedy {
    /// The snake_case kind name used in JSON and summaries.
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Reimburse { .. } => "reimburse",
            Self::AdvancePayment { .. } => "advance_payment",
            Self::Interest { .. } => "interest",
            Self::TimeSpent { .. } => "time_spent",
            Self::DocumentReplacement { .. } => "document_replacement",
            Self::Goodwill { .. } => "goodwill",
            Self::CreditMonitoring { .. } => "credit_monitoring",
            Self::IdentityTheftInsurance { .. } => "identity_theft_insurance",
            Self::FeeWaiver { .. } => "fee_waiver",
            Self::AssistedPasswordReset {} => "assisted_password_reset",
            Self::AccountFreeze {} => "account_freeze",
            Self::CreditReportObjection {} => "credit_report_objection",
            Self::AccountSecurityReview {} => "account_security_review",
            Self::NegotiatedSettlement {} => "negotiated_settlement",
        }
    }

    /// Whether the remedy is paid in cash (and so belongs in an offer's amount, not in its
    /// services).
    pub const fn is_cash(&self) -> bool {
        matches!(
            self,
            Self::Reimburse { .. }
                | Self::AdvancePayment { .. }
                | Self::Interest { .. }
                | Self::TimeSpent { .. }
                | Self::DocumentReplacement { .. }
                | Self::Goodwill { .. }
        )
    }

    /// The cash the remedy gives `claim`, in minor units, and whether its own cap bound it;
    /// `None` on overflow. The one rule for every cash remedy: the explained decision and
    /// the compiled batch path both use it.
    pub(super) fn cash_for(&self, claim: &Claim) -> Option<(i64, bool)> {
        let capped = |amount: i64, cap: Option<Money>| match cap {
            Some(cap) if amount > cap.amount_minor() => (cap.amount_minor(), true),
            _ => (amount, false),
        };
        match self {
            Self::Reimburse { share_bps, cap } => {
                let base = claim.verified_loss().map_or(0, |m| m.amount_minor());
                Some(capped(share_of(base, *share_bps, claim.currency())?, *cap))
            }
            Self::AdvancePayment { share_bps, cap } => {
                let base = claim.reported_loss().amount_minor();
                Some(capped(share_of(base, *share_bps, claim.currency())?, *cap))
            }
            Self::Interest { annual_rate_bps } => {
                let base = claim
                    .verified_loss()
                    .unwrap_or(Money::zero(claim.currency()));
                let days = i64::from(claim.days_without_funds().unwrap_or(0));
                let numerator = i64::from(*annual_rate_bps).checked_mul(days)?;
                let interest = base.checked_mul_ratio(numerator, 10_000 * 365).ok()?;
                Some((interest.amount_minor(), false))
            }
            Self::TimeSpent { hourly, max_hours } => {
                let hours = claim.hours_spent().unwrap_or(0);
                let paid = hourly
                    .checked_mul_int(i64::from(hours.min(*max_hours)))
                    .ok()?;
                Some((paid.amount_minor(), hours > *max_hours))
            }
            Self::DocumentReplacement { cap } => {
                let costs = claim.document_costs().map_or(0, |m| m.amount_minor());
                Some(capped(costs, Some(*cap)))
            }
            Self::Goodwill { amount } => Some((amount.amount_minor(), false)),
            _ => Some((0, false)),
        }
    }

    /// Pushes what is wrong with the remedy as granted by `rule`.
    pub(super) fn check(&self, rule: &Rule, currency: Currency, problems: &mut Vec<PolicyProblem>) {
        let place = format!("rule {}", rule.id);
        let share = |problems: &mut Vec<PolicyProblem>, bps: u32| {
            if !(1..=10_000).contains(&bps) {
                problems.push(PolicyProblem::ShareOutOfRange {
                    rule: rule.id.clone(),
                    bps,
                });
            }
        };
        match self {
            Self::Reimburse { share_bps, cap } | Self::AdvancePayment { share_bps, cap } => {
                share(problems, *share_bps);
                if let Some(cap) = cap {
                    check_amount(problems, &place, *cap, currency);
                }
            }
            Self::Interest { annual_rate_bps } => {
                if !(1..=10_000).contains(annual_rate_bps) {
                    problems.push(PolicyProblem::RateOutOfRange {
                        rule: rule.id.clone(),
                        bps: *annual_rate_bps,
                    });
                }
            }
            Self::TimeSpent { hourly, max_hours } => {
                check_amount(problems, &place, *hourly, currency);
                if *max_hours == 0 {
                    problems.push(PolicyProblem::ZeroHours {
                        rule: rule.id.clone(),
                    });
                }
            }
            Self::DocumentReplacement { cap } => check_amount(problems, &place, *cap, currency),
            Self::Goodwill { amount } => check_amount(problems, &place, *amount, currency),
            Self::IdentityTheftInsurance { coverage, months } => {
                check_amount(problems, &place, *coverage, currency);
                zero_months(problems, rule, self, *months);
            }
            Self::CreditMonitoring { months } | Self::FeeWaiver { months } => {
                zero_months(problems, rule, self, *months);
            }
            Self::AssistedPasswordReset {}
            | Self::AccountFreeze {}
            | Self::CreditReportObjection {}
            | Self::AccountSecurityReview {}
            | Self::NegotiatedSettlement {} => {}
        }
    }
}

/// `bps` of `base` minor units, half to even; the full share is exact and skips the
/// multiply-and-round.
fn share_of(base: i64, bps: u32, currency: Currency) -> Option<i64> {
    if bps == 10_000 {
        return Some(base);
    }
    Money::from_minor(base, currency)
        .checked_mul_bps(bps)
        .ok()
        .map(|m| m.amount_minor())
}

impl fmt::Display for Remedy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = |bps: &u32| format!("{}.{:02}%", bps / 100, bps % 100);
        let up_to = |cap: &Option<Money>| cap.map(|c| format!(" up to {c}")).unwrap_or_default();
        match self {
            Self::Reimburse { share_bps, cap } => {
                write!(
                    f,
                    "reimburse {} of verified loss{}",
                    percent(share_bps),
                    up_to(cap)
                )
            }
            Self::AdvancePayment { share_bps, cap } => write!(
                f,
                "advance payment of {} of reported loss{}, rights assigned",
                percent(share_bps),
                up_to(cap)
            ),
            Self::Interest { annual_rate_bps } => {
                write!(
                    f,
                    "interest at {} a year for the days funds were missing",
                    percent(annual_rate_bps)
                )
            }
            Self::TimeSpent { hourly, max_hours } => {
                write!(f, "time spent at {hourly} an hour up to {max_hours} hours")
            }
            Self::DocumentReplacement { cap } => {
                write!(f, "document replacement costs up to {cap}")
            }
            Self::Goodwill { amount } => write!(f, "goodwill credit {amount}"),
            Self::CreditMonitoring { months } => write!(f, "credit monitoring {months} months"),
            Self::IdentityTheftInsurance { coverage, months } => {
                write!(f, "identity-theft insurance {coverage} for {months} months")
            }
            Self::FeeWaiver { months } => write!(f, "fee waiver {months} months"),
            Self::AssistedPasswordReset {} => f.write_str("assisted password reset"),
            Self::AccountFreeze {} => f.write_str("assisted account freeze"),
            Self::CreditReportObjection {} => f.write_str("credit-report objection assistance"),
            Self::AccountSecurityReview {} => f.write_str("account security review"),
            Self::NegotiatedSettlement {} => f.write_str("negotiated settlement"),
        }
    }
}
