//! The post-incident review report: one serializable value built from the replayed incident
//! (and so from its event log alone), rendered as a blameless Markdown review in zh-CN,
//! zh-HK or en.
//!
//! The sections follow the seeds' closing steps (report the results, find the holes, fix
//! them, train people) and the usual blameless-review outline: summary, impact, timeline,
//! root cause, response against deadlines, communications and feedback, compensation,
//! preventive actions.
//!
//! This file holds the report as data and how it is built; `report_markdown` prints it.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::comms::{Audience, ContentElement, MessageKind, NoticeStatus, Sensitivity};
use crate::id::FactKey;
use crate::locale::Locale;
use crate::locale::Zone;
use crate::regulation::{AlertKind, Obligations};
use crate::{
    actions::Action, actions::ActionKind, classify::Impact, compensation::CompensationStance,
    findings::Finding, findings::FindingKind, id::ActionId, id::NoticeId, id::RegimeId,
    id::ReportId, DetectionSource, IncidentId, IncidentKind, Severity,
};
use crate::{Incident, Phase};

use super::{DeterminationLine, GbtSection, ResponseMetrics};

/// The version of [`ReviewReport`]'s JSON shape; bumped (with a CHANGELOG entry) whenever
/// the shape changes.
///
/// History: 1 — first release; 2 — `clearance` and `withheld` (what the report leaves out
/// for its readers); 3 — `determinations` (every determination and grade recorded, with the
/// computed assessment behind it).
pub const REVIEW_REPORT_VERSION: u32 = 3;

/// What happened at a point of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum TimelineEvent {
    /// The incident is believed to have started.
    Occurred {
        /// The time is an estimate.
        estimated: bool,
    },
    /// It was detected.
    Detected {
        /// How.
        source: DetectionSource,
    },
    /// The severity changed.
    SeverityChanged {
        /// Before.
        from: Severity,
        /// After.
        to: Severity,
        /// Why.
        reason: String,
    },
    /// The incident entered a phase.
    PhaseEntered {
        /// The phase.
        phase: Phase,
    },
    /// An action was completed.
    ActionCompleted {
        /// The action.
        action_id: ActionId,
        /// Its stage.
        kind: ActionKind,
        /// What it was.
        title: String,
    },
    /// A notice was sent.
    NoticeSent {
        /// The notice.
        notice_id: NoticeId,
        /// To whom.
        audience: Audience,
        /// What kind of message.
        message: MessageKind,
    },
    /// A report was filed with a regulator or other recipient.
    ReportFiled {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
    },
    /// A regulatory deadline passed with no filing.
    DeadlineMissed {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
    },
}

/// One timeline entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub event: TimelineEvent,
}

/// The findings, grouped as the report prints them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewFindings {
    /// Root causes.
    pub root_causes: Vec<Finding>,
    /// Contributing factors.
    pub contributing_factors: Vec<Finding>,
    /// What went well in the response.
    pub went_well: Vec<Finding>,
    /// What went poorly in the response.
    pub went_poorly: Vec<Finding>,
}

impl ReviewFindings {
    /// No finding at all.
    pub fn is_empty(&self) -> bool {
        self.root_causes.is_empty()
            && self.contributing_factors.is_empty()
            && self.went_well.is_empty()
            && self.went_poorly.is_empty()
    }
}

/// One notice in the communications section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeLine {
    /// The notice.
    pub notice_id: NoticeId,
    /// To whom.
    pub audience: Audience,
    /// What kind of message.
    pub message: MessageKind,
    /// Where it stands.
    pub status: NoticeStatus,
    /// When it was sent.
    pub sent_at: Option<DateTime<Utc>>,
    /// Required elements it lacks (under the adopted plan's rules, or the defaults).
    pub missing_elements: Vec<ContentElement>,
}

/// One action in the actions section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionLine {
    /// The action.
    pub action: Action,
    /// Neither done nor deferred, and past its due time at the report's `at`.
    pub overdue: bool,
}

/// A post-incident review of one incident, as data: what dashboards read and what
/// [`to_markdown`](Self::to_markdown) prints. Built from the replayed incident alone, so it
/// can be regenerated for any stored log.
///
/// # Examples
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident::locale::{Locale, Zone};
/// use incident::comms::Sensitivity;
/// use incident::review::ReviewReport;
/// use incident::{ActorId, Context, Declare, DetectionSource, Incident, IncidentId};
/// use incident::{IncidentKind, Severity};
///
/// let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap();
/// let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Leak")
///     .detection(DetectionSource::Monitoring, t0)
///     .severity(Severity::Sev2)
///     .owner(ActorId::new("alice")?);
/// let ctx = Context::new(ActorId::new("alice")?, t0);
/// let incident = Incident::replay(&Incident::declare(&declare, &ctx)?)?;
///
/// let report = ReviewReport::build(&incident, None, t0, Sensitivity::Internal);
/// assert!(report.metrics.contain.is_missing()); // never 0
/// let md = report.to_markdown(Locale::En, Zone::SHANGHAI);
/// assert!(md.starts_with("# Post-incident review: Leak"));
/// assert!(report.to_markdown(Locale::ZhCn, Zone::SHANGHAI).contains("事件复盘报告"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewReport {
    /// [`REVIEW_REPORT_VERSION`] when written.
    pub report_version: u32,
    /// The incident.
    pub incident_id: IncidentId,
    /// Its title.
    pub title: String,
    /// Its description.
    pub summary: Option<String>,
    /// Its kind.
    pub kind: IncidentKind,
    /// Its GB/T 20986-2023 category, subcategory and grade, for Chinese regulators' forms.
    #[serde(default)]
    pub gbt: GbtSection,
    /// Current severity.
    pub severity: Severity,
    /// Current phase.
    pub phase: Phase,
    /// A drill.
    pub exercise: bool,
    /// The moment the report describes (the obligations' `at` when they were supplied).
    pub at: DateTime<Utc>,
    /// Who may read it: the report leaves out what is labelled above this.
    pub clearance: Sensitivity,
    /// What was left out for that clearance: the facts (`funds_involved` covers the funds
    /// and every loss amount; `root_cause` every finding), each shown as withheld.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<FactKey>,
    /// What is known of the impact.
    pub impact: Impact,
    /// Key moments, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Root cause, contributing factors, what went well and poorly.
    pub findings: ReviewFindings,
    /// Response times, regulator notifications against their deadlines, inquiry and survey
    /// statistics and compensation totals.
    pub metrics: ResponseMetrics,
    /// Every determination and CAC grade recorded by `at`, oldest first, with what the
    /// rule proposed when one was assessed.
    #[serde(default)]
    pub determinations: Vec<DeterminationLine>,
    /// Every notice, in id order.
    pub notices: Vec<NoticeLine>,
    /// Where compensation stands.
    pub compensation: CompensationStance,
    /// Prevention actions first, then remediation and containment; by id within each.
    pub actions: Vec<ActionLine>,
}

impl ReviewReport {
    /// Builds the report of `incident` as of `at`, for readers cleared for `clearance`.
    /// Regulator notifications come from `obligations` (compute them for the same `at`);
    /// without them that table is empty. What is labelled above `clearance` is left out
    /// and listed in [`withheld`](Self::withheld): the funds and loss amounts follow the
    /// label of `funds_involved` (restricted unless relabelled), the findings that of
    /// `root_cause` (restricted by default). The internal post-incident review uses
    /// [`Sensitivity::Internal`]; a version for regulators, [`Sensitivity::Restricted`].
    ///
    /// # Examples
    ///
    /// A broker's accounts were taken over with passwords reused from another site; the
    /// team records the root cause and the report groups it.
    ///
    /// ```
    /// use chrono::Duration;
    /// use incident::findings::{Finding, FindingKind, RootCause};
    /// use incident::id::FindingId;
    /// use incident::locale::{Locale, Zone};
    /// use incident::comms::Sensitivity;
    /// use incident::review::ReviewReport;
    /// use incident::{ActorId, Command, Context};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([7; 16]), IncidentKind::AccountTakeover, "Client accounts taken over")
    /// #     .detection(DetectionSource::CustomerReport, t0).severity(Severity::Sev2).owner(ActorId::new("li.na")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("hotline")?, t0))?)?;
    /// let finding = Command::RecordFinding(Finding {
    ///     finding_id: FindingId::new("F-1")?,
    ///     kind: FindingKind::RootCause,
    ///     root_cause: Some(RootCause::CredentialStuffing),
    ///     summary: "Passwords leaked elsewhere were replayed against the trading app".into(),
    ///     evidence: vec![],
    /// });
    /// let at = t0 + Duration::days(3);
    /// for envelope in incident.execute(&finding, &Context::new(ActorId::new("li.na")?, at))? {
    ///     incident.apply(&envelope)?;
    /// }
    ///
    /// let report = ReviewReport::build(&incident, None, at, Sensitivity::Internal);
    /// assert_eq!(report.findings.root_causes.len(), 1);
    /// assert!(report.metrics.contain.is_missing()); // not contained yet: missing, never 0
    /// let markdown = report.to_markdown(Locale::En, Zone::SHANGHAI);
    /// assert!(markdown.contains("Passwords leaked elsewhere"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(
        incident: &Incident,
        obligations: Option<&Obligations>,
        at: DateTime<Utc>,
        clearance: Sensitivity,
    ) -> Self {
        let metrics = ResponseMetrics::from_incident(incident, obligations);
        let mut findings = ReviewFindings::default();
        for finding in incident.findings().values() {
            let bucket = match finding.kind {
                FindingKind::RootCause => &mut findings.root_causes,
                FindingKind::ContributingFactor => &mut findings.contributing_factors,
                FindingKind::WentWell => &mut findings.went_well,
                FindingKind::WentPoorly => &mut findings.went_poorly,
            };
            bucket.push(finding.clone());
        }
        let notices = incident
            .notices()
            .iter()
            .map(|(id, n)| NoticeLine {
                notice_id: id.clone(),
                audience: n.draft.audience,
                message: n.draft.kind,
                status: n.status,
                sent_at: n.sent_at,
                missing_elements: incident.missing_elements(n),
            })
            .collect();
        let mut actions: Vec<ActionLine> = incident
            .actions()
            .values()
            .map(|a| ActionLine {
                action: a.clone(),
                overdue: a.is_overdue(at),
            })
            .collect();
        actions.sort_by_key(|line| {
            let stage = match line.action.kind {
                ActionKind::Prevention => 0,
                ActionKind::Remediation => 1,
                ActionKind::Containment => 2,
            };
            (stage, line.action.id.clone())
        });
        Self {
            report_version: REVIEW_REPORT_VERSION,
            incident_id: incident.id(),
            title: incident.title().to_owned(),
            summary: incident.summary().map(str::to_owned),
            kind: incident.kind(),
            gbt: GbtSection::of(incident, clearance),
            severity: incident.severity(),
            phase: incident.phase(),
            exercise: incident.is_exercise(),
            at,
            clearance,
            withheld: Vec::new(),
            impact: incident.impact().clone(),
            timeline: timeline(incident),
            findings,
            metrics,
            determinations: super::determinations::lines(&incident.regulatory().history, at),
            notices,
            compensation: incident.compensation().clone(),
            actions,
        }
        .withhold(incident, clearance)
    }

    /// Leaves out what `clearance` may not see, listing it in `withheld`.
    fn withhold(mut self, incident: &Incident, clearance: Sensitivity) -> Self {
        let above =
            |key: &str, default: Sensitivity| incident.label_of(key).unwrap_or(default) > clearance;
        let has_amounts = self.impact.funds_involved.is_some()
            || self.impact.losses.iter().any(|l| l.amount.is_some());
        if has_amounts && above("funds_involved", Sensitivity::Restricted) {
            self.impact.funds_involved = None;
            for loss in &mut self.impact.losses {
                loss.amount = None;
            }
            self.withheld.push(FactKey::from_static("funds_involved"));
        }
        if !self.findings.is_empty() && above("root_cause", Sensitivity::Restricted) {
            self.findings = ReviewFindings::default();
            self.withheld.push(FactKey::from_static("root_cause"));
        }
        self
    }

    /// The review as Markdown in `locale`, with times shown in `zone`. The output is
    /// deterministic (golden-file tested) and escapes host text that would break a table.
    pub fn to_markdown(&self, locale: Locale, zone: Zone) -> String {
        super::report_markdown::write(self, locale, zone)
    }
}

fn timeline(incident: &Incident) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    let mut push = |at, event| entries.push(TimelineEntry { at, event });
    if let Some((at, estimated)) = incident.occurred_at() {
        push(at, TimelineEvent::Occurred { estimated });
    }
    push(
        incident.detected_at(),
        TimelineEvent::Detected {
            source: incident.detection_source(),
        },
    );
    for change in incident.severity_changes() {
        push(
            change.at,
            TimelineEvent::SeverityChanged {
                from: change.from,
                to: change.to,
                reason: change.reason.clone(),
            },
        );
    }
    for stamp in incident.stamps() {
        if stamp.sub_status.is_none() && stamp.phase != Phase::Detected {
            push(stamp.at, TimelineEvent::PhaseEntered { phase: stamp.phase });
        }
    }
    for action in incident.actions().values() {
        if let Some(at) = action.completed_at {
            push(
                at,
                TimelineEvent::ActionCompleted {
                    action_id: action.id.clone(),
                    kind: action.kind,
                    title: action.title.clone(),
                },
            );
        }
    }
    for (id, notice) in incident.notices() {
        if let Some(at) = notice.sent_at {
            push(
                at,
                TimelineEvent::NoticeSent {
                    notice_id: id.clone(),
                    audience: notice.draft.audience,
                    message: notice.draft.kind,
                },
            );
        }
    }
    let record = incident.regulatory();
    for filing in &record.filings {
        push(
            filing.submitted_at,
            TimelineEvent::ReportFiled {
                regime: filing.regime.clone(),
                report: filing.report.clone(),
            },
        );
    }
    for alert in &record.alerts {
        if alert.kind == (AlertKind::Missed {}) {
            push(
                alert.due_at,
                TimelineEvent::DeadlineMissed {
                    regime: alert.regime.clone(),
                    report: alert.report.clone(),
                },
            );
        }
    }
    // At equal times, a phase entry comes after the work its guard required (the notice
    // sent, the action completed); otherwise the order above is kept (the sort is stable).
    entries.sort_by_key(|e| (e.at, matches!(e.event, TimelineEvent::PhaseEntered { .. })));
    entries
}
