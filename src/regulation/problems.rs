//! Checking a regime as data: every problem found at once, so a host that loads regimes
//! can report them all.

use super::{Ambiguity, Offset, Regime, Roll, Trigger, Unit};
use crate::{id::RegimeId, id::ReportId};

/// Something wrong with a regime as data; [`Regime::problems`] lists them all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegimeProblem {
    /// The regime requires no report.
    #[error("regime {regime} has no reports: add at least one")]
    NoReports {
        /// The regime.
        regime: RegimeId,
    },
    /// Two reports share an id.
    #[error("regime {regime} lists report {report} twice: give each report its own id")]
    DuplicateReport {
        /// The regime.
        regime: RegimeId,
        /// The repeated id.
        report: ReportId,
    },
    /// A limb is anchored to the submission of a report the regime does not have, or of
    /// the report itself.
    #[error("regime {regime}, report {report}: its clock starts at the submission of {anchor}, which is {why}: anchor it to another report of the same regime")]
    BadAnchor {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// The report it names.
        anchor: ReportId,
        /// "not in the regime" or "the report itself".
        why: &'static str,
    },
    /// A limb needs a calendar (working days, a roll, a rest-day reading) and names none.
    #[error("regime {regime}, report {report}: {what} needs a calendar: set the limb's calendar")]
    CalendarMissing {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// What needs it.
        what: &'static str,
    },
    /// Two regimes share an id in one regulation.
    #[error("regime {regime} appears twice: replace it with Regulation::with_regime instead")]
    DuplicateRegime {
        /// The repeated id.
        regime: RegimeId,
    },
    /// A limb's offset is zero or implausibly long.
    #[error("regime {regime}, report {report}: an offset of {offset} is {why}: use no limb for \"immediately\", and at most about a century")]
    BadOffset {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// The offset.
        offset: Offset,
        /// "zero" or "too long".
        why: &'static str,
    },
}

/// The longest offset accepted per unit: about a century.
fn max_count(unit: Unit) -> u32 {
    match unit {
        Unit::Minutes => 52_560_000,
        Unit::Hours => 876_000,
        Unit::CalendarDays => 36_500,
        Unit::Months => 1_200,
        Unit::WorkingDays => 26_000,
    }
}

impl Regime {
    /// Everything wrong with this regime as data (empty when it is sound): reports without
    /// ids of their own, anchors to unknown reports, limbs that need a calendar and name
    /// none, zero or absurd offsets. Hosts should check regimes they load.
    pub fn problems(&self) -> Vec<RegimeProblem> {
        let mut out = Vec::new();
        if self.reports.is_empty() {
            out.push(RegimeProblem::NoReports {
                regime: self.id.clone(),
            });
        }
        for (i, report) in self.reports.iter().enumerate() {
            if self.reports.iter().take(i).any(|r| r.id == report.id) {
                out.push(RegimeProblem::DuplicateReport {
                    regime: self.id.clone(),
                    report: report.id.clone(),
                });
            }
            // A progress report (NIS2 Art. 23(4)(e)) is filed under its own id, which must
            // not be another report's.
            if let Some(rule) = &report.if_ongoing {
                if self.reports.iter().any(|r| r.id == rule.progress) {
                    out.push(RegimeProblem::DuplicateReport {
                        regime: self.id.clone(),
                        report: rule.progress.clone(),
                    });
                }
            }
            for limb in &report.deadline {
                let here = |what| RegimeProblem::CalendarMissing {
                    regime: self.id.clone(),
                    report: report.id.clone(),
                    what,
                };
                if let Trigger::Filed { report: anchor, .. } = &limb.trigger {
                    let why = if anchor == &report.id {
                        Some("the report itself")
                    } else if self.report(anchor).is_none() {
                        Some("not in the regime")
                    } else {
                        None
                    };
                    if let Some(why) = why {
                        out.push(RegimeProblem::BadAnchor {
                            regime: self.id.clone(),
                            report: report.id.clone(),
                            anchor: anchor.clone(),
                            why,
                        });
                    }
                }
                if limb.calendar.is_none() {
                    if limb.offset.unit == Unit::WorkingDays {
                        out.push(here("a working-day offset"));
                    }
                    if limb.roll != (Roll::None {}) {
                        out.push(here("a roll to the next working day"));
                    }
                    if limb.ambiguities.contains(&Ambiguity::RestDayExtension) {
                        out.push(here("the rest-day-extension reading"));
                    }
                }
                let why = if limb.offset.count == 0 {
                    Some("zero")
                } else if limb.offset.count > max_count(limb.offset.unit) {
                    Some("too long")
                } else {
                    None
                };
                if let Some(why) = why {
                    out.push(RegimeProblem::BadOffset {
                        regime: self.id.clone(),
                        report: report.id.clone(),
                        offset: limb.offset,
                        why,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Jurisdiction;
    use crate::regulation::{
        builtin_regimes, Applicability, CalendarRule, Confidence, Limb, RecipientKind, Report,
        ReportRecipient, Submission, Urgency, ZoneRule,
    };

    fn regime(reports: Vec<Report>) -> Regime {
        Regime {
            id: RegimeId::from_static("test"),
            version: "1".into(),
            name: "test".into(),
            titles: crate::locale::Translations::new(),
            jurisdiction: Jurisdiction::from_static("EU"),
            sources: vec![],
            in_force: None,
            confidence: Confidence::Low,
            applies_when: Applicability::Always {},
            time_zone: ZoneRule::Entity {},
            reports,
            note: None,
        }
    }

    fn report(id: &'static str) -> Report {
        Report::new(
            ReportId::from_static(id),
            id,
            ReportRecipient {
                kind: RecipientKind::Regulator,
                name: "r".into(),
            },
            Urgency::ByDeadline,
            "c",
        )
    }

    #[test]
    fn builtin_regimes_have_no_problems() {
        for r in builtin_regimes() {
            assert_eq!(r.problems(), vec![], "{}", r.id);
        }
    }

    #[test]
    fn a_progress_report_needs_an_id_of_its_own() {
        let ongoing = |progress: &'static str| crate::regulation::IfOngoing {
            until: crate::regulation::Milestone::HandlingEnded,
            progress: ReportId::from_static(progress),
            progress_name: "Progress report".into(),
            then: Limb::new(Trigger::Detected {}, Offset::months(1)),
            citation: "NIS2 Art. 23(4)(e)".into(),
        };
        let clash = regime(vec![report("a"), report("b").if_ongoing(ongoing("a"))]);
        assert_eq!(
            clash.problems(),
            vec![RegimeProblem::DuplicateReport {
                regime: RegimeId::from_static("test"),
                report: ReportId::from_static("a"),
            }]
        );
        let fine = regime(vec![report("a"), report("b").if_ongoing(ongoing("p"))]);
        assert_eq!(fine.problems(), vec![]);
    }

    #[test]
    fn every_problem_is_found_at_once() {
        assert_eq!(
            regime(vec![]).problems(),
            vec![RegimeProblem::NoReports {
                regime: RegimeId::from_static("test")
            }]
        );
        let filed = |to: &'static str| Trigger::Filed {
            report: ReportId::from_static(to),
            which: Submission::First,
        };
        let r = regime(vec![
            report("a").limb(Limb::new(filed("a"), Offset::hours(1))),
            report("a"),
            report("b")
                .limb(Limb::new(filed("zzz"), Offset::working_days(0)))
                .limb(
                    Limb::new(Trigger::Detected {}, Offset::days(40_000))
                        .roll(Roll::NextWorkingDayEnd {}, None)
                        .ambiguous(&[Ambiguity::RestDayExtension]),
                ),
        ]);
        let problems = r.problems();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 8, "{text:#?}");
        assert!(text[0].contains("the report itself"));
        assert!(text[1].contains("lists report a twice"));
        assert!(text[2].contains("not in the regime"));
        assert!(text[3].contains("a working-day offset needs a calendar"));
        assert!(text[4].contains("0 working days is zero"));
        assert!(text[5].contains("roll"));
        assert!(text[6].contains("rest-day"));
        assert!(text[7].contains("40000 days is too long"));
        let with_calendar = regime(vec![report("c").limb(
            Limb::new(Trigger::Detected {}, Offset::days(36_501)).calendar(CalendarRule::Entity {}),
        )]);
        assert!(with_calendar.problems()[0].to_string().contains("too long"));
    }
}
