//! Drill scoring: how an exercise did against the regulatory clocks it would have run under,
//! whether its notices were complete, and how fast it was contained, as points, a letter
//! grade and the list of gaps to train on.
//!
//! The seeds ask for regular drills ("定期进行安全演练") so that a real incident finds the
//! team ready; a score makes drills comparable from one quarter to the next. The rubric is
//! data ([`DrillStandard`]) so a firm can hold itself to its own targets.

use crate::locale::Translations;
use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::comms::{Audience, ContentElement, MessageKind};
use crate::locale::Zone;
use crate::locale::{Label, Locale};
use crate::regulation::{MissingFact, ObligationOutcome, Obligations};
use crate::Incident;
use crate::{id::NoticeId, id::PlanItemId, id::RegimeId, id::ReportId, IncidentId};

use super::drill_words::{gap_line, Words};
use super::report_markdown::{cell, table_head};
use super::{DeadlineOutcome, Elapsed};

/// Points deducted for each kind of gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillPenalties {
    /// A deadline passed with nothing filed.
    pub deadline_missed: u32,
    /// A report filed after its deadline.
    pub deadline_late: u32,
    /// A regime that could not be evaluated for want of a fact (the team would not have
    /// known whether to file).
    pub regime_undetermined: u32,
    /// A notice (drafted, approved or sent) lacking a required element.
    pub notice_incomplete: u32,
    /// A message of the adopted communication plan past due and not sent.
    pub plan_message_overdue: u32,
    /// Contained, but later than the target.
    pub containment_slow: u32,
    /// Not contained at all.
    pub not_contained: u32,
    /// First customer notice later than the target, or not sent with the target elapsed.
    pub customer_notice_slow: u32,
}

impl DrillPenalties {
    /// The points `gap` costs.
    pub fn cost(&self, gap: &DrillGap) -> u32 {
        match gap {
            DrillGap::DeadlineMissed { .. } => self.deadline_missed,
            DrillGap::DeadlineLate { .. } => self.deadline_late,
            DrillGap::RegimeUndetermined { .. } => self.regime_undetermined,
            DrillGap::NoticeIncomplete { .. } => self.notice_incomplete,
            DrillGap::PlanMessageOverdue { .. } => self.plan_message_overdue,
            DrillGap::ContainmentSlow { .. } => self.containment_slow,
            DrillGap::NotContained { .. } => self.not_contained,
            DrillGap::CustomerNoticeSlow { .. } => self.customer_notice_slow,
        }
    }
}

/// The standard a drill is held to: targets and penalties. Points start at 100 and never
/// go below 0; the grade is A from 90, B from 80, C from 70, D from 60, F below, and a
/// missed deadline caps the grade at C (a drill that would have earned a fine does not
/// pass with honours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillStandard {
    /// Detection to containment, seconds.
    pub contain_within_seconds: i64,
    /// Detection to the first notice to customers, seconds; `null`: not scored.
    pub customer_notice_within_seconds: Option<i64>,
    /// Points per gap.
    pub penalties: DrillPenalties,
}

impl Default for DrillStandard {
    /// Containment within 4 hours; the first customer notice within 72 hours (the
    /// shortest common "without undue delay" horizon, GDPR Art. 33(1)'s 72 hours, used as a
    /// yardstick, not a rule); a missed deadline costs 25 points, a late one 15, an
    /// undetermined regime 10, an incomplete notice 10, an overdue plan message 10, slow
    /// containment 15, none 30, a slow customer notice 10.
    fn default() -> Self {
        Self {
            contain_within_seconds: 4 * 3_600,
            customer_notice_within_seconds: Some(72 * 3_600),
            penalties: DrillPenalties {
                deadline_missed: 25,
                deadline_late: 15,
                regime_undetermined: 10,
                notice_incomplete: 10,
                plan_message_overdue: 10,
                containment_slow: 15,
                not_contained: 30,
                customer_notice_slow: 10,
            },
        }
    }
}

/// A letter grade.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum DrillGrade {
    /// 90 points or more.
    A,
    /// 80 to 89.
    B,
    /// 70 to 79.
    C,
    /// 60 to 69.
    D,
    /// Below 60.
    F,
}

impl DrillGrade {
    /// The grade for `points`.
    pub fn from_points(points: u32) -> Self {
        match points {
            90.. => Self::A,
            80..=89 => Self::B,
            70..=79 => Self::C,
            60..=69 => Self::D,
            _ => Self::F,
        }
    }
}

/// One deadline of the drill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillDeadline {
    /// The regime.
    pub regime: RegimeId,
    /// The report.
    pub report: ReportId,
    /// The report's name.
    pub report_name: String,
    /// The report's name in other languages.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub report_titles: Translations,
    /// When it was due.
    pub due: DateTime<Utc>,
    /// When it was (practice-)filed.
    pub submitted_at: Option<DateTime<Utc>>,
    /// How it turned out.
    pub outcome: DeadlineOutcome,
    /// Slack (positive) or overrun (negative) in seconds; `null` while open.
    pub margin_seconds: Option<i64>,
}

/// One notice of the drill and whether it was complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillNotice {
    /// The notice.
    pub notice_id: NoticeId,
    /// To whom.
    pub audience: Audience,
    /// What kind of message.
    pub message: MessageKind,
    /// Required elements it lacks; empty when complete.
    pub missing_elements: Vec<ContentElement>,
}

/// A time target of the drill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillTarget {
    /// The target, seconds from detection.
    pub target_seconds: i64,
    /// What was achieved (missing if the milestone was not reached).
    pub actual: Elapsed,
    /// Met, missed, or `null` while the milestone is not reached and the target has not
    /// elapsed yet.
    pub met: Option<bool>,
}

/// Something to train on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "gap", rename_all = "snake_case", deny_unknown_fields)]
pub enum DrillGap {
    /// A deadline passed with nothing filed.
    DeadlineMissed {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// How far past due at scoring time, seconds.
        overdue_seconds: i64,
    },
    /// A report filed after its deadline.
    DeadlineLate {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// How late, seconds.
        late_seconds: i64,
    },
    /// A regime that could not be evaluated.
    RegimeUndetermined {
        /// The regime.
        regime: RegimeId,
        /// What was missing.
        missing: Vec<MissingFact>,
    },
    /// A notice (not cancelled) without every required element.
    NoticeIncomplete {
        /// The notice.
        notice_id: NoticeId,
        /// What it lacks.
        missing: Vec<ContentElement>,
    },
    /// A message of the adopted plan past due and not sent (regulator reports are scored
    /// as deadlines instead).
    PlanMessageOverdue {
        /// The plan item.
        item: PlanItemId,
        /// Which occurrence.
        occurrence: u32,
        /// The message kind.
        message: MessageKind,
        /// The audience.
        audience: Audience,
        /// When it was due.
        due_at: Option<DateTime<Utc>>,
    },
    /// Contained later than the target.
    ContainmentSlow {
        /// The target, seconds.
        target_seconds: i64,
        /// Detection to containment, seconds.
        actual_seconds: i64,
    },
    /// Not contained at scoring time, with the target elapsed.
    NotContained {
        /// The target, seconds.
        target_seconds: i64,
    },
    /// The first customer notice came later than the target, or not at all with the target
    /// elapsed (`actual_seconds` is `null`).
    CustomerNoticeSlow {
        /// The target, seconds.
        target_seconds: i64,
        /// Detection to the first customer notice, seconds.
        actual_seconds: Option<i64>,
    },
}

/// A drill's scorecard. Scoring a real incident works the same way (useful to compare a
/// real response with drills), and [`exercise`](Self::exercise) says which it was.
///
/// # Examples
/// ```
/// use chrono::{Duration, TimeZone as _, Utc};
/// use incident::review::{DrillGrade, DrillScorecard, DrillStandard};
/// # use incident::actions::*;
/// # use incident::bundle::*;
/// # use incident::chain::*;
/// # use incident::classify::*;
/// # use incident::comms::*;
/// # use incident::compensation::*;
/// # use incident::evidence::*;
/// # use incident::findings::*;
/// # use incident::id::*;
/// # use incident::lifecycle::*;
/// # use incident::locale::*;
/// # use incident::money::*;
/// # use incident::regulation::*;
/// # use incident::review::*;
/// # use incident::schema::*;
/// # use incident::actions::*;
/// # use incident::bundle::*;
/// # use incident::chain::*;
/// # use incident::classify::*;
/// # use incident::comms::*;
/// # use incident::compensation::*;
/// # use incident::evidence::*;
/// # use incident::findings::*;
/// # use incident::id::*;
/// # use incident::lifecycle::*;
/// # use incident::locale::*;
/// # use incident::money::*;
/// # use incident::regulation::*;
/// # use incident::review::*;
/// # use incident::schema::*;
/// # use incident::actions::*;
/// # use incident::bundle::*;
/// # use incident::chain::*;
/// # use incident::classify::*;
/// # use incident::comms::*;
/// # use incident::compensation::*;
/// # use incident::evidence::*;
/// # use incident::findings::*;
/// # use incident::id::*;
/// # use incident::lifecycle::*;
/// # use incident::locale::*;
/// # use incident::money::*;
/// # use incident::regulation::*;
/// # use incident::review::*;
/// # use incident::schema::*;
/// use incident::*;
///
/// let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap();
/// let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Drill")
///     .detection(DetectionSource::Monitoring, t0)
///     .severity(Severity::Sev2)
///     .owner(ActorId::new("alice")?)
///     .exercise(true);
/// let ctx = Context::new(ActorId::new("alice")?, t0);
/// let drill = Incident::replay(&Incident::declare(&declare, &ctx)?)?;
///
/// // Five hours in and still not contained: 30 points off. The 72-hour customer-notice
/// // target has not elapsed yet, so it is open, not a gap.
/// let card = DrillScorecard::score(&drill, None, &DrillStandard::default(), t0 + Duration::hours(5));
/// assert_eq!(card.points, 70);
/// assert_eq!(card.grade, DrillGrade::C);
/// assert_eq!(card.gaps.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillScorecard {
    /// The incident.
    pub incident_id: IncidentId,
    /// Whether it was marked as an exercise.
    pub exercise: bool,
    /// The moment scored.
    pub at: DateTime<Utc>,
    /// The standard applied.
    pub standard: DrillStandard,
    /// Every obligation with a due time.
    pub deadlines: Vec<DrillDeadline>,
    /// Every notice not cancelled.
    pub notices: Vec<DrillNotice>,
    /// Containment against its target.
    pub contain: DrillTarget,
    /// The first customer notice against its target, when the standard sets one.
    pub customer_notice: Option<DrillTarget>,
    /// 0 to 100.
    pub points: u32,
    /// The grade.
    pub grade: DrillGrade,
    /// What to train on, most costly first.
    pub gaps: Vec<DrillGap>,
}

impl DrillScorecard {
    /// Scores `incident` at `at` against `standard`. Deadlines come from `obligations`
    /// (compute them for the same `at`); without them no deadline is scored.
    pub fn score(
        incident: &Incident,
        obligations: Option<&Obligations>,
        standard: &DrillStandard,
        at: DateTime<Utc>,
    ) -> Self {
        // Gaps in the order found: deadlines, undetermined regimes, notices, plan
        // messages, times.
        let mut gaps: Vec<DrillGap> = Vec::new();
        let deadlines = obligations.map_or_else(Vec::new, |o| scored_deadlines(o, &mut gaps));
        gaps.extend(obligations.iter().flat_map(|o| &o.undetermined).map(|u| {
            DrillGap::RegimeUndetermined {
                regime: u.regime.clone(),
                missing: u.missing.clone(),
            }
        }));
        let notices = scored_notices(incident, &mut gaps);
        gaps.extend(overdue_plan_messages(incident, obligations, at));
        let (contain, customer_notice) = time_targets(incident, standard, at, &mut gaps);
        let (points, grade) = grade(&mut gaps, &standard.penalties);
        Self {
            incident_id: incident.id(),
            exercise: incident.is_exercise(),
            at,
            standard: *standard,
            deadlines,
            notices,
            contain,
            customer_notice,
            points,
            grade,
            gaps,
        }
    }

    /// The scorecard as Markdown in `locale`, times in `zone`.
    pub fn to_markdown(&self, locale: Locale, zone: Zone) -> String {
        let w = Words::new(locale, zone);
        let mut md = String::new();
        self.write_heading(&mut md, &w);
        self.write_deadlines(&mut md, &w);
        self.write_targets(&mut md, &w);
        let _ = writeln!(md, "\n## {}\n", w.t("待改进项", "待改進項", "Gaps"));
        if self.gaps.is_empty() {
            let _ = writeln!(md, "{}", w.t("无。", "無。", "None."));
        }
        for gap in &self.gaps {
            let _ = writeln!(md, "- {}", gap_line(gap, &w));
        }
        md
    }

    /// The title, the exercise warning and the grade.
    fn write_heading(&self, md: &mut String, w: &Words) {
        let (colon, comma) = (w.colon, w.comma);
        let _ = writeln!(
            md,
            "# {}{colon}{}\n",
            w.t("演练评分", "演練評分", "Drill scorecard"),
            self.incident_id
        );
        if !self.exercise {
            let _ = writeln!(
                md,
                "> {}\n",
                w.t(
                    "注意：本事件未标记为演练。",
                    "注意：本事件未標記為演練。",
                    "Note: this incident is not marked as an exercise."
                )
            );
        }
        let _ = writeln!(
            md,
            "**{}{colon}{:?}** ({} / 100){comma}{} {}\n",
            w.t("等级", "等級", "Grade"),
            self.grade,
            self.points,
            w.t("截至", "截至", "as of"),
            w.time(self.at)
        );
    }

    /// The deadlines as a table: report, due time, outcome, margin.
    fn write_deadlines(&self, md: &mut String, w: &Words) {
        let _ = writeln!(md, "## {}\n", w.t("报送时限", "報送時限", "Deadlines"));
        if self.deadlines.is_empty() {
            let _ = writeln!(
                md,
                "{}",
                w.t(
                    "无有明确时限的报送。",
                    "無有明確時限的報送。",
                    "No timed deadline."
                )
            );
            return;
        }
        table_head(
            md,
            &[
                w.t("报送", "報送", "Report"),
                w.t("截止时间", "截止時間", "Due"),
                w.t("结果", "結果", "Outcome"),
                w.t(
                    "余量（负数为超时）",
                    "餘量（負數為超時）",
                    "Margin (negative: overrun)",
                ),
            ],
        );
        for d in &self.deadlines {
            let _ = writeln!(
                md,
                "| {} / {} | {} | {} | {} |",
                d.regime,
                cell(d.report_titles.or(w.locale, &d.report_name)),
                w.deadline(d.due),
                d.outcome.label(w.locale),
                d.margin_seconds
                    .map_or_else(|| "—".to_owned(), |s| w.seconds(s))
            );
        }
    }

    /// Containment and the first customer notice against their targets.
    fn write_targets(&self, md: &mut String, w: &Words) {
        let (colon, comma) = (w.colon, w.comma);
        let _ = writeln!(md, "\n## {}\n", w.t("时间目标", "時間目標", "Time targets"));
        let mut targets = vec![(w.t("遏制", "遏制", "Containment"), &self.contain)];
        if let Some(c) = &self.customer_notice {
            targets.push((
                w.t("首次客户通知", "首次客戶通知", "First customer notice"),
                c,
            ));
        }
        for (name, target) in targets {
            let actual = target.actual.seconds().map_or_else(
                || w.t("未达到", "未達到", "not reached").to_owned(),
                |s| w.seconds(s),
            );
            let verdict = match target.met {
                Some(true) => w.t("达标", "達標", "met"),
                Some(false) => w.t("未达标", "未達標", "missed"),
                None => w.t("进行中", "進行中", "open"),
            };
            let _ = writeln!(
                md,
                "- {name}{colon}{} {}{comma}{} {actual} ({verdict})",
                w.t("目标", "目標", "target"),
                w.seconds(target.target_seconds),
                w.t("实际", "實際", "actual"),
            );
        }
    }
}

/// Every obligation with a due time, as [`Obligation::outcome`] classifies it; a late or
/// missed one is also a gap.
///
/// [`Obligation::outcome`]: crate::regulation::Obligation::outcome
fn scored_deadlines(obligations: &Obligations, gaps: &mut Vec<DrillGap>) -> Vec<DrillDeadline> {
    let mut deadlines = Vec::new();
    for o in &obligations.obligations {
        let outcome = o.outcome();
        match outcome {
            ObligationOutcome::Untimed { .. } => continue,
            ObligationOutcome::Late { late_seconds, .. } => gaps.push(DrillGap::DeadlineLate {
                regime: o.regime.clone(),
                report: o.report.clone(),
                late_seconds,
            }),
            ObligationOutcome::Missed { overdue_seconds } => {
                gaps.push(DrillGap::DeadlineMissed {
                    regime: o.regime.clone(),
                    report: o.report.clone(),
                    overdue_seconds,
                });
            }
            ObligationOutcome::OnTime { .. } | ObligationOutcome::Open { .. } => {}
        }
        // A timed outcome always has a due time.
        let Some(due) = o.due else { continue };
        deadlines.push(DrillDeadline {
            regime: o.regime.clone(),
            report: o.report.clone(),
            report_name: o.report_name.clone(),
            report_titles: o.report_titles.clone(),
            due,
            submitted_at: outcome.submitted_at(),
            outcome: outcome.into(),
            margin_seconds: outcome.margin_seconds(),
        });
    }
    deadlines
}

/// Every notice not cancelled, with the required elements it lacks (under the adopted
/// plan's rules when it has some); an incomplete one is also a gap.
fn scored_notices(incident: &Incident, gaps: &mut Vec<DrillGap>) -> Vec<DrillNotice> {
    let mut notices = Vec::new();
    for (id, n) in incident.notices() {
        if n.status == crate::comms::NoticeStatus::Cancelled {
            continue;
        }
        let missing = incident.missing_elements(n);
        if !missing.is_empty() {
            gaps.push(DrillGap::NoticeIncomplete {
                notice_id: id.clone(),
                missing: missing.clone(),
            });
        }
        notices.push(DrillNotice {
            notice_id: id.clone(),
            audience: n.draft.audience,
            message: n.draft.kind,
            missing_elements: missing,
        });
    }
    notices
}

/// The adopted plan's messages past due and not sent at `at`, except regulator reports
/// (scored as deadlines).
fn overdue_plan_messages(
    incident: &Incident,
    obligations: Option<&Obligations>,
    at: DateTime<Utc>,
) -> Vec<DrillGap> {
    let Some(plan) = incident.comms_plan() else {
        return Vec::new();
    };
    plan.schedule(incident.plan_view(), obligations, at)
        .overdue()
        .filter(|due| due.obligation.is_none())
        .map(|due| DrillGap::PlanMessageOverdue {
            item: due.item.clone(),
            occurrence: due.occurrence,
            message: due.kind,
            audience: due.audience,
            due_at: due.due_at,
        })
        .collect()
}

/// Containment and the first customer notice against the standard's targets at `at`; a
/// missed target is also a gap.
fn time_targets(
    incident: &Incident,
    standard: &DrillStandard,
    at: DateTime<Utc>,
    gaps: &mut Vec<DrillGap>,
) -> (DrillTarget, Option<DrillTarget>) {
    let elapsed_now = (at - incident.detected_at()).num_seconds();
    let metrics = super::ResponseMetrics::from_incident(incident, None);
    let contain = target(
        standard.contain_within_seconds,
        metrics.contain,
        elapsed_now,
    );
    match (contain.met, contain.actual) {
        (Some(false), Elapsed::Measured(span)) => gaps.push(DrillGap::ContainmentSlow {
            target_seconds: contain.target_seconds,
            actual_seconds: span.seconds,
        }),
        (Some(false), Elapsed::Missing {}) => gaps.push(DrillGap::NotContained {
            target_seconds: contain.target_seconds,
        }),
        _ => {}
    }
    let customer_notice = standard.customer_notice_within_seconds.map(|seconds| {
        let t = target(seconds, metrics.first_customer_notice, elapsed_now);
        if t.met == Some(false) {
            gaps.push(DrillGap::CustomerNoticeSlow {
                target_seconds: seconds,
                actual_seconds: t.actual.seconds(),
            });
        }
        t
    });
    (contain, customer_notice)
}

/// The points left after the gaps' penalties and the grade (capped at C by a missed
/// deadline); sorts the gaps most costly first, equal costs in the order found.
fn grade(gaps: &mut [DrillGap], penalties: &DrillPenalties) -> (u32, DrillGrade) {
    let lost: u32 = gaps
        .iter()
        .fold(0u32, |sum, gap| sum.saturating_add(penalties.cost(gap)));
    let points = 100u32.saturating_sub(lost);
    let mut grade = DrillGrade::from_points(points);
    if gaps
        .iter()
        .any(|g| matches!(g, DrillGap::DeadlineMissed { .. }))
    {
        grade = grade.max(DrillGrade::C);
    }
    gaps.sort_by_key(|g| std::cmp::Reverse(penalties.cost(g)));
    (points, grade)
}

/// A target against what was reached: met if reached in time, missed if reached late or
/// not reached with the target elapsed, open otherwise.
fn target(target_seconds: i64, actual: Elapsed, elapsed_now: i64) -> DrillTarget {
    let met = match actual {
        Elapsed::Measured(span) => Some(span.seconds <= target_seconds),
        Elapsed::Missing {} if elapsed_now > target_seconds => Some(false),
        Elapsed::Missing {} => None,
    };
    DrillTarget {
        target_seconds,
        actual,
        met,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_boundaries() {
        assert_eq!(DrillGrade::from_points(100), DrillGrade::A);
        assert_eq!(DrillGrade::from_points(90), DrillGrade::A);
        assert_eq!(DrillGrade::from_points(89), DrillGrade::B);
        assert_eq!(DrillGrade::from_points(80), DrillGrade::B);
        assert_eq!(DrillGrade::from_points(79), DrillGrade::C);
        assert_eq!(DrillGrade::from_points(70), DrillGrade::C);
        assert_eq!(DrillGrade::from_points(69), DrillGrade::D);
        assert_eq!(DrillGrade::from_points(60), DrillGrade::D);
        assert_eq!(DrillGrade::from_points(59), DrillGrade::F);
        assert_eq!(DrillGrade::from_points(0), DrillGrade::F);
    }

    #[test]
    fn targets_are_open_until_they_elapse() {
        let measured = |s| {
            Elapsed::Measured(super::super::Span {
                seconds: s,
                estimated: false,
            })
        };
        assert_eq!(target(100, measured(100), 500).met, Some(true));
        assert_eq!(target(100, measured(101), 500).met, Some(false));
        assert_eq!(target(100, Elapsed::Missing {}, 100).met, None);
        assert_eq!(target(100, Elapsed::Missing {}, 101).met, Some(false));
    }
}
