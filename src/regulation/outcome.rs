//! How an obligation turned out against its due time: the one rule every consumer (the
//! drill score, the drill scorecard, the response metrics) reads, so they cannot disagree
//! about one obligation.

use chrono::{DateTime, Utc};

use super::{Obligation, ObligationStatus};

/// How an obligation stands against its due time, from [`Obligation::outcome`].
///
/// Only an obligation with a due time can be on time, late, missed or open; one without
/// (its clock has not started, or the rule asks for "immediately" or "without undue delay"
/// with no outer cap) is [`Untimed`](Self::Untimed), filed or not, because there is nothing
/// to measure it against. A filing at the due time itself is on time.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone as _, Utc};
/// use incident::regulation::ObligationOutcome;
///
/// let late = ObligationOutcome::Late {
///     submitted_at: Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
///     late_seconds: 3_600,
/// };
/// assert!(late.is_decided());
/// assert_eq!(late.margin_seconds(), Some(-3_600));
/// assert_eq!(ObligationOutcome::Open { remaining_seconds: 60 }.margin_seconds(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObligationOutcome {
    /// Filed at or before the due time.
    OnTime {
        /// When it was submitted.
        submitted_at: DateTime<Utc>,
        /// Seconds to spare before the due time (0 when filed at the due time).
        slack_seconds: i64,
    },
    /// Filed after the due time.
    Late {
        /// When it was submitted.
        submitted_at: DateTime<Utc>,
        /// Seconds after the due time (0 when less than a second late).
        late_seconds: i64,
    },
    /// Not filed, and the due time has come: the deadline was breached.
    Missed {
        /// Seconds past the due time when the obligations were computed.
        overdue_seconds: i64,
    },
    /// Not filed, and the due time is still ahead.
    Open {
        /// Seconds left until the due time.
        remaining_seconds: i64,
    },
    /// No due time to measure against: the clock has not started, or the rule sets none.
    /// Neither on time, late nor missed, whether filed or not.
    Untimed {
        /// When it was submitted, if it was.
        submitted_at: Option<DateTime<Utc>>,
    },
}

impl ObligationOutcome {
    /// When the report was submitted, if it was.
    pub fn submitted_at(self) -> Option<DateTime<Utc>> {
        match self {
            Self::OnTime { submitted_at, .. } | Self::Late { submitted_at, .. } => {
                Some(submitted_at)
            }
            Self::Untimed { submitted_at } => submitted_at,
            Self::Missed { .. } | Self::Open { .. } => None,
        }
    }

    /// Whether the outcome is final against a due time: on time, late or missed. (A
    /// missed deadline stays missed when the report is filed; it then becomes late.)
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            Self::OnTime { .. } | Self::Late { .. } | Self::Missed { .. }
        )
    }

    /// Seconds from the filing (or, if not filed, from when the obligations were computed)
    /// to the due time: positive while ahead of it, negative past it. `None` without a due
    /// time.
    pub fn slack_seconds(self) -> Option<i64> {
        match self {
            Self::OnTime { slack_seconds, .. } => Some(slack_seconds),
            Self::Late { late_seconds, .. } => Some(-late_seconds),
            Self::Missed { overdue_seconds } => Some(-overdue_seconds),
            Self::Open { remaining_seconds } => Some(remaining_seconds),
            Self::Untimed { .. } => None,
        }
    }

    /// The slack of a [decided](Self::is_decided) outcome: positive to spare, negative
    /// late or overdue by. `None` while open or untimed, as the margin is not known yet.
    pub fn margin_seconds(self) -> Option<i64> {
        if self.is_decided() {
            self.slack_seconds()
        } else {
            None
        }
    }
}

impl Obligation {
    /// How the obligation stands against its due time: the one classification the drill
    /// score, the drill scorecard and the response metrics all use.
    ///
    /// A filing is compared with the due time (the status's `late_seconds` is a copy of
    /// that comparison); an unfiled obligation is missed or open as its status says. An
    /// obligation without a due time, or whose status contradicts having one (a host-built
    /// value), is [`Untimed`](ObligationOutcome::Untimed).
    pub fn outcome(&self) -> ObligationOutcome {
        let submitted_at = self.status.submitted_at();
        let Some(due) = self.due else {
            return ObligationOutcome::Untimed { submitted_at };
        };
        match self.status {
            ObligationStatus::Met { submitted_at, .. } => match late_by(submitted_at, due) {
                None => ObligationOutcome::OnTime {
                    submitted_at,
                    slack_seconds: (due - submitted_at).num_seconds(),
                },
                Some(late_seconds) => ObligationOutcome::Late {
                    submitted_at,
                    late_seconds,
                },
            },
            ObligationStatus::Overdue { overdue_seconds } => {
                ObligationOutcome::Missed { overdue_seconds }
            }
            ObligationStatus::Pending {
                remaining_seconds: Some(remaining_seconds),
            } => ObligationOutcome::Open { remaining_seconds },
            ObligationStatus::Pending {
                remaining_seconds: None,
            }
            | ObligationStatus::AwaitingTrigger {}
            | ObligationStatus::Waived { .. } => ObligationOutcome::Untimed { submitted_at },
        }
    }
}

impl ObligationStatus {
    /// Where a report due at `due` (if it has a due time) stands at `at`: met if submitted
    /// (late when after the due time), overdue from its due time on, pending before it or
    /// without one. The one status rule for obligations and for clocks outside an incident
    /// (a drill's report).
    ///
    /// # Examples
    /// ```
    /// use chrono::{Duration, TimeZone as _, Utc};
    /// use incident::regulation::ObligationStatus;
    ///
    /// let due = Utc.with_ymd_and_hms(2026, 3, 2, 16, 0, 0).unwrap();
    /// let at = due + Duration::hours(1);
    /// assert_eq!(ObligationStatus::of(None, Some(due), at), ObligationStatus::Overdue { overdue_seconds: 3_600 });
    /// assert!(matches!(ObligationStatus::of(Some(due), Some(due), at), ObligationStatus::Met { late_seconds: None, .. }));
    /// ```
    pub fn of(
        submitted_at: Option<DateTime<Utc>>,
        due: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
    ) -> Self {
        match (submitted_at, due) {
            (Some(submitted_at), due) => Self::Met {
                submitted_at,
                late_seconds: due.and_then(|d| late_by(submitted_at, d)),
            },
            (None, Some(due)) if at >= due => Self::Overdue {
                overdue_seconds: (at - due).num_seconds(),
            },
            (None, Some(due)) => Self::Pending {
                remaining_seconds: Some((due - at).num_seconds()),
            },
            (None, None) => Self::Pending {
                remaining_seconds: None,
            },
        }
    }

    /// When the report was submitted, if it was.
    pub fn submitted_at(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Met { submitted_at, .. } => Some(*submitted_at),
            Self::AwaitingTrigger {}
            | Self::Pending { .. }
            | Self::Overdue { .. }
            | Self::Waived { .. } => None,
        }
    }
}

/// How many seconds after `due` a filing at `submitted_at` came, or `None` when it was on
/// time (at or before the due time). The one on-time rule: the status's `late_seconds` and
/// [`Obligation::outcome`] both come from it.
pub(super) fn late_by(submitted_at: DateTime<Utc>, due: DateTime<Utc>) -> Option<i64> {
    (submitted_at > due).then(|| (submitted_at - due).num_seconds())
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone as _};

    use super::*;
    use crate::regulation::{eu_gdpr, EntityProfile, EntityType, IncidentFacts, Regulation};
    use crate::{classify::DataCategory, classify::Jurisdiction, IncidentKind};

    fn gdpr_notification() -> Obligation {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
        let mut f = IncidentFacts::new(IncidentKind::DataBreach, t0);
        f.impact
            .data_categories
            .insert(DataCategory::ContactDetails);
        f.impact
            .jurisdictions
            .insert(Jurisdiction::from_static("FR"));
        let mut r =
            Regulation::builtin(EntityProfile::new().entity_type(EntityType::DataController));
        r.regimes = vec![eu_gdpr()];
        r.obligations(&f, t0)
            .get("eu-gdpr", "supervisory-authority")
            .unwrap()
            .clone()
    }

    #[test]
    fn every_status_has_one_outcome() {
        let o = gdpr_notification();
        let due = o.due.unwrap();
        let with = |due, status| Obligation {
            due,
            status,
            ..o.clone()
        };
        let met = |at| ObligationStatus::Met {
            submitted_at: at,
            late_seconds: late_by(at, due),
        };
        assert_eq!(
            with(Some(due), met(due)).outcome(),
            ObligationOutcome::OnTime {
                submitted_at: due,
                slack_seconds: 0
            }
        );
        let early = due - Duration::hours(1);
        assert_eq!(
            with(Some(due), met(early)).outcome().margin_seconds(),
            Some(3_600)
        );
        let late = due + Duration::milliseconds(500);
        assert_eq!(
            with(Some(due), met(late)).outcome(),
            ObligationOutcome::Late {
                submitted_at: late,
                late_seconds: 0
            }
        );
        assert_eq!(
            with(Some(due), ObligationStatus::Overdue { overdue_seconds: 9 }).outcome(),
            ObligationOutcome::Missed { overdue_seconds: 9 }
        );
        let open = with(
            Some(due),
            ObligationStatus::Pending {
                remaining_seconds: Some(60),
            },
        )
        .outcome();
        assert_eq!(
            open,
            ObligationOutcome::Open {
                remaining_seconds: 60
            }
        );
        assert_eq!(
            (open.slack_seconds(), open.margin_seconds()),
            (Some(60), None)
        );
        // No due time: untimed, filed or not, even where a host-built status says more.
        assert_eq!(
            with(None, met(late)).outcome(),
            ObligationOutcome::Untimed {
                submitted_at: Some(late)
            }
        );
        for status in [
            ObligationStatus::AwaitingTrigger {},
            ObligationStatus::Pending {
                remaining_seconds: None,
            },
            ObligationStatus::Overdue { overdue_seconds: 9 },
        ] {
            let u = with(None, status).outcome();
            assert_eq!(u, ObligationOutcome::Untimed { submitted_at: None });
            assert!(!u.is_decided() && u.slack_seconds().is_none());
        }
        assert_eq!(
            with(Some(due), ObligationStatus::AwaitingTrigger {}).outcome(),
            ObligationOutcome::Untimed { submitted_at: None }
        );
    }
}
