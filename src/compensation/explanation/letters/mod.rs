//! Letters to the customer about where their claim stands after the decision: a payment
//! that came back, money held for them as unclaimed, a claim reassessed on new evidence, an
//! appeal or complaint received and its outcome. In zh-CN, zh-HK and en, in the register of
//! a Chinese financial firm's customer-care team: 补偿 (never 赔偿), no absolute promises,
//! full-width punctuation in Chinese, dates as `2026年3月13日`, money in the crate's one
//! format ([`Locale::format_money`]).
//!
//! A letter is rendered from the claim's record ([`ClaimCase`]), the programme's policy (for
//! the terms it states: recourse, the unclaimed period, the no-admission statement) and the
//! zone the customer's dates are written in; never from the incident. What the desk wrote in
//! its own words (a failure reason, a reversal note, an appeal's outcome note) stays out of
//! the letter: it is in the desk's language and for the desk. The letter names what the
//! record states as data.
//!
//! The public facts the letters print (12386, 12363, the mediation bodies, Civil Code
//! Art. 188) are those of the rights section, each cited in `recourse.rs`'s `SOURCES`.

mod appeal;
mod payment;
mod reopened;

use std::fmt;
use std::fmt::Write as _;

use chrono::{DateTime, Days, Utc};

use super::super::aftercare::ReversalReason;
use super::super::appeal::{Appeal, AppealChannel};
use super::super::negotiation::{ClaimCase, ClaimStatus, Payment};
use super::super::policy::Policy;
use super::phrasing::customer_reference;
use crate::id::{ClaimId, PolicyId};
use crate::locale::{tr, Label, Locale, Zone};

/// Which letter about a claim after its decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusLetter {
    /// A payment that did not reach the customer or was reversed: what happened, that the
    /// money is still owed and set aside, what the firm needs (the receiving account) and
    /// by when. For a settled claim whose latest payment failed or was reversed.
    PaymentReturned,
    /// Money declared unclaimed: where it is held, how to claim it, that the right to it is
    /// not lost. For a claim whose settlement is held as unclaimed.
    Unclaimed,
    /// A claim reassessed on new evidence: the new decision, what was paid before and the
    /// top-up owed, and the customer's rights. For a reopened claim not since rejected or
    /// escalated.
    Reopened,
    /// An appeal or complaint received through `channel`, and what happens next.
    AppealReceived {
        /// The channel it came through (the latest appeal through it is the one meant).
        channel: AppealChannel,
    },
    /// The outcome of the latest appeal through `channel` that has one, and the
    /// customer's further rights.
    AppealDecided {
        /// The channel it came through.
        channel: AppealChannel,
    },
}

impl fmt::Display for StatusLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PaymentReturned => f.write_str("payment-returned"),
            Self::Unclaimed => f.write_str("unclaimed"),
            Self::Reopened => f.write_str("reopened"),
            Self::AppealReceived { channel } => write!(f, "appeal-received ({channel})"),
            Self::AppealDecided { channel } => write!(f, "appeal-decided ({channel})"),
        }
    }
}

/// A letter that cannot be written from the record given.
///
/// # Handling
/// Input error (HTTP 422): ask for a letter [`ClaimLetters::available`] lists, or pass the
/// programme's policy; retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LetterError {
    /// The policy given is not the one the claim was assessed under.
    #[error("claim {claim_id} was assessed under policy {assessed}, but the letters were given policy {given}: pass the programme's policy (any version of {assessed})")]
    PolicyMismatch {
        /// The claim.
        claim_id: ClaimId,
        /// The policy of the claim's assessment.
        assessed: PolicyId,
        /// The policy given.
        given: PolicyId,
    },
    /// The claim's record does not support the letter asked for.
    #[error("claim {claim_id} ({status}) has no record for the {letter} letter, which is for {applies}: send one of the letters ClaimLetters::available lists")]
    NotApplicable {
        /// The claim.
        claim_id: ClaimId,
        /// Where the claim stands.
        status: ClaimStatus,
        /// The letter asked for.
        letter: StatusLetter,
        /// What the letter is for.
        applies: &'static str,
    },
}

/// The letters one claim's record supports, rendered in every [`Locale`].
///
/// # Examples
/// ```
/// use chrono::{TimeZone as _, Utc};
/// use incident::compensation::{reference_securities_policy, AppealChannel, ClaimLetters, StatusLetter};
/// use incident::locale::{Locale, Zone};
/// # use incident::compensation::*;
/// # use incident::id::{ClaimId, CustomerRef};
/// # use incident::*;
/// # let policy = reference_securities_policy();
/// # let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap();
/// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::AccountTakeover, "Takeovers")
/// #     .detection(DetectionSource::CustomerReport, t0).severity(Severity::Sev2).owner(ActorId::new("lead")?);
/// # let mut log = EventLog::new(declare.incident_id);
/// # let desk = Context::new(ActorId::new("desk")?, t0);
/// # log.append(0, &Incident::declare(&declare, &desk)?)?;
/// # let mut incident = Incident::replay(log.envelopes())?;
/// # let claim = Claim::builder(CustomerRef::new("C-1")?, Tier::Standard,
/// #     Money::from_minor(0, Currency::CNY), EvidenceStrength::None).build()?;
/// # for command in [
/// #     Command::open_compensation_program(incident::id::ProgramId::new("P")?, &policy, None),
/// #     Command::record_claim_assessment(incident::id::ProgramId::new("P")?, ClaimId::new("CL-1")?, &claim),
/// #     Command::RecordClaimAppeal { claim_id: ClaimId::new("CL-1")?, channel: AppealChannel::Csrc12386, reference: "12386-0001".into() },
/// # ] {
/// #     for envelope in incident.execute(&command, &desk)? { incident.apply(&envelope)?; }
/// # }
/// let claim_id = ClaimId::new("CL-1")?;
/// let case = &incident.claims()[&claim_id];
/// let letters = ClaimLetters::new(&claim_id, case, &policy, Zone::SHANGHAI)?;
/// let received = StatusLetter::AppealReceived { channel: AppealChannel::Csrc12386 };
/// assert_eq!(letters.available(), [received]);
/// let letter = letters.render(received, Locale::ZhCn)?;
/// assert!(letter.contains("我们已于2026年3月2日收到您通过中国证监会12386服务平台提出的投诉。"));
/// // A letter the record does not support is refused, naming what it is for.
/// let err = letters.render(StatusLetter::Unclaimed, Locale::En).unwrap_err();
/// assert!(err.to_string().contains("a settlement held as unclaimed"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ClaimLetters<'a> {
    claim_id: &'a ClaimId,
    case: &'a ClaimCase,
    policy: &'a Policy,
    zone: Zone,
}

impl<'a> ClaimLetters<'a> {
    /// The letters of claim `claim_id`, whose record is `case`, under `policy` (the
    /// programme's policy now: after an amendment, the later version, whose terms then
    /// apply), with dates in `zone`.
    ///
    /// # Errors
    /// [`LetterError::PolicyMismatch`] when `policy` is not a version of the policy the
    /// claim was assessed under.
    pub fn new(
        claim_id: &'a ClaimId,
        case: &'a ClaimCase,
        policy: &'a Policy,
        zone: Zone,
    ) -> Result<Self, LetterError> {
        if policy.id() != &case.assessment.policy.id {
            return Err(LetterError::PolicyMismatch {
                claim_id: claim_id.clone(),
                assessed: case.assessment.policy.id.clone(),
                given: policy.id().clone(),
            });
        }
        Ok(Self {
            claim_id,
            case,
            policy,
            zone,
        })
    }

    /// Every letter the claim's record supports now, in the order of [`StatusLetter`]
    /// (appeals by channel).
    pub fn available(&self) -> Vec<StatusLetter> {
        let mut letters = vec![
            StatusLetter::PaymentReturned,
            StatusLetter::Unclaimed,
            StatusLetter::Reopened,
        ];
        for channel in AppealChannel::ALL {
            letters.push(StatusLetter::AppealReceived { channel });
            letters.push(StatusLetter::AppealDecided { channel });
        }
        letters.retain(|letter| self.check(*letter).is_ok());
        letters
    }

    /// The last moment by which the payment-returned letter asks the customer to confirm
    /// the receiving account: the end of the local day before the policy's unclaimed period
    /// (`terms.unclaimed_after_days`) has run since the settlement became payable again, so
    /// the money is not declared unclaimed before the date the letter names. `None` when
    /// the policy states no period or the claim is not payable.
    pub fn respond_by(&self) -> Option<DateTime<Utc>> {
        let days = self.policy.terms().unclaimed_after_days?;
        let since = self.case.payable_since()?;
        let last = self
            .zone
            .local_date(since)
            .checked_add_days(Days::new(u64::from(days.get()).saturating_sub(1)))?;
        Some(self.zone.end_of_day(last))
    }

    /// The letter in `locale`, as Markdown.
    ///
    /// # Errors
    /// [`LetterError::NotApplicable`] when the claim's record does not support the letter
    /// (see [`available`](Self::available)).
    pub fn render(&self, letter: StatusLetter, locale: Locale) -> Result<String, LetterError> {
        self.check(letter)?;
        Ok(match letter {
            StatusLetter::PaymentReturned => payment::returned(self, locale),
            StatusLetter::Unclaimed => payment::unclaimed(self, locale),
            StatusLetter::Reopened => reopened::render(self, locale),
            StatusLetter::AppealReceived { channel } => appeal::received(self, channel, locale),
            StatusLetter::AppealDecided { channel } => appeal::decided(self, channel, locale),
        })
    }

    /// Whether the record supports `letter`; says what the letter is for when it does not.
    fn check(&self, letter: StatusLetter) -> Result<(), LetterError> {
        let case = self.case;
        let (supported, applies) = match letter {
            StatusLetter::PaymentReturned => (
                case.status == ClaimStatus::Settled && latest_return(case).is_some(),
                "a settled claim whose latest payment failed or was reversed",
            ),
            StatusLetter::Unclaimed => (
                case.status == ClaimStatus::Unclaimed && case.unclaimed.is_some(),
                "a settlement held as unclaimed",
            ),
            StatusLetter::Reopened => (
                !case.earlier.is_empty()
                    && !matches!(case.status, ClaimStatus::Rejected | ClaimStatus::Escalated),
                "a claim reopened on new evidence and not since rejected or escalated",
            ),
            StatusLetter::AppealReceived { channel } => (
                latest_appeal(case, channel, false).is_some(),
                "a claim with an appeal or complaint through that channel",
            ),
            StatusLetter::AppealDecided { channel } => (
                latest_appeal(case, channel, true).is_some(),
                "a claim with an appeal or complaint through that channel that has its outcome",
            ),
        };
        if supported {
            Ok(())
        } else {
            Err(LetterError::NotApplicable {
                claim_id: self.claim_id.clone(),
                status: case.status,
                letter,
                applies,
            })
        }
    }

    /// A date of the claim's record as the letter writes it.
    fn date(&self, at: DateTime<Utc>, locale: Locale) -> String {
        locale.format_date(at, self.zone.as_tz())
    }

    /// The letter's title and the references every letter starts with.
    fn head(&self, title: &str, locale: Locale, out: &mut String) {
        let (colon, _, _) = locale.punctuation();
        let _ = writeln!(out, "# {title}\n");
        let _ = writeln!(
            out,
            "{}{colon}{}",
            customer_reference(locale),
            self.case.customer
        );
        let _ = writeln!(
            out,
            "{}{colon}{}",
            tr(locale, "申请编号", "申請編號", "Claim reference"),
            self.claim_id
        );
        let _ = writeln!(
            out,
            "{}{colon}{}\n",
            tr(locale, "补偿方案", "補償方案", "Compensation policy"),
            self.case.assessment.policy
        );
    }
}

/// A section heading.
fn section(out: &mut String, heading: &str) {
    let _ = writeln!(out, "## {heading}\n");
}

/// A paragraph.
fn paragraph(out: &mut String, text: &str) {
    let _ = writeln!(out, "{text}\n");
}

/// A bulleted list, then a blank line.
fn bullets(out: &mut String, lines: &[String]) {
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

/// How a payment came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Returned {
    /// The payment did not reach the account (a failed payment).
    Failed,
    /// A confirmed reversal, for this reason.
    Reversed(ReversalReason),
}

/// The latest payment that came back since the settlement: the failed payment or the
/// confirmed reversal recorded last, with how it came back.
fn latest_return(case: &ClaimCase) -> Option<(&Payment, Returned)> {
    let failed = case
        .failed_payments
        .iter()
        .map(|f| (f.recorded_at, &f.payment, Returned::Failed));
    let reversed = case.reversals.iter().filter_map(|r| {
        r.confirmed_at()
            .map(|at| (at, &r.payment, Returned::Reversed(r.reason)))
    });
    failed
        .chain(reversed)
        .max_by_key(|(at, _, _)| *at)
        .map(|(_, payment, how)| (payment, how))
}

/// The latest appeal through `channel` (with an outcome, when `decided`).
fn latest_appeal(case: &ClaimCase, channel: AppealChannel, decided: bool) -> Option<&Appeal> {
    case.appeals
        .iter()
        .rev()
        .find(|a| a.channel == channel && (!decided || a.outcome.is_some()))
}

/// The channel's name, as the letters print it.
fn channel_name(channel: AppealChannel, locale: Locale) -> &'static str {
    channel.label(locale)
}
