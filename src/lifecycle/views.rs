//! Views of the incident for the domain rules: each rule takes the slice of the record it
//! needs (the regulatory facts, the plan's inputs, the facts messages may carry), never
//! the whole aggregate, and the aggregate lends it here.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::comms::{
    inquiry_stats, survey_stats, ContentElement, ElementRules, Fact, FactSheet, FactValue,
    InquiryStats, Notice, NoticeStatus, PlanView, Schedule, Sensitivity, Situation, SlaTargets,
    SurveyStats,
};
use crate::compensation::{CompensationError, Policy, Program};
use crate::findings::{FindingKind, RootCause};
use crate::id::FactKey;
use crate::regulation::{IncidentFacts, Obligations};
use crate::Incident;

impl Incident {
    /// Statistics of this incident's inquiries against `targets`, as of `at` (see
    /// [`inquiry_stats`] for the definitions).
    ///
    /// # Examples
    /// ```
    /// use chrono::Duration;
    /// use incident::comms::{Channel, InquiryTopic, SlaTargets};
    /// use incident::id::InquiryId;
    /// use incident::{ActorId, Command, Context};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer data exfiltrated")
    /// #     .detection(DetectionSource::Monitoring, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?)?;
    /// let ctx = Context::new(ActorId::new("hotline.agent")?, t0 + Duration::minutes(10));
    /// let record = Command::RecordInquiry {
    ///     inquiry_id: InquiryId::new("Q-1")?,
    ///     channel: Channel::Hotline,
    ///     topic: InquiryTopic::LostFunds,
    ///     customer: None,
    ///     received_at: Some(t0 + Duration::minutes(2)),
    /// };
    /// for envelope in incident.execute(&record, &ctx)? {
    ///     incident.apply(&envelope)?;
    /// }
    /// let stats = incident.inquiry_stats(&SlaTargets::default(), ctx.at());
    /// assert_eq!((stats.count, stats.unanswered, stats.open_past_sla), (1, 1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn inquiry_stats(&self, targets: &SlaTargets, at: DateTime<Utc>) -> InquiryStats {
        inquiry_stats(self.inquiries.values(), targets, at)
    }

    /// Statistics of this incident's survey responses (see [`survey_stats`]).
    pub fn survey_stats(&self) -> SurveyStats {
        survey_stats(self.survey_responses.values())
    }

    /// Every fact messages may carry: what the incident's state says (`occurred_at`,
    /// `detected_at`, `people_affected` and `data_categories` public, `funds_involved`
    /// restricted) overlaid with the facts the team recorded, which win on the same key. Derived facts are labelled conservatively; a
    /// recorded fact relabels one.
    pub fn fact_sheet(&self) -> FactSheet {
        let mut sheet = FactSheet::new();
        let mut derive = |key: &'static str, value, sensitivity, element| {
            sheet.insert(Fact {
                key: FactKey::from_static(key),
                value,
                sensitivity,
                element,
            });
        };
        if let Some((at, _)) = self.occurred_at() {
            derive(
                "occurred_at",
                FactValue::Time { at },
                Sensitivity::Public,
                Some(ContentElement::OccurredAt),
            );
        }
        derive(
            "detected_at",
            FactValue::Time {
                at: self.detected_at,
            },
            Sensitivity::Public,
            None,
        );
        if let Some(n) = self.impact.people.best_estimate() {
            derive(
                "people_affected",
                FactValue::Count { n },
                Sensitivity::Public,
                Some(ContentElement::AffectedScope),
            );
        }
        if !self.impact.data_categories.is_empty() {
            derive(
                "data_categories",
                FactValue::DataCategories {
                    categories: self.impact.data_categories.clone(),
                },
                Sensitivity::Public,
                Some(ContentElement::DataCategories),
            );
        }
        if let Some(money) = self.impact.funds_involved {
            derive(
                "funds_involved",
                FactValue::Amount { money },
                Sensitivity::Restricted,
                None,
            );
        }
        for fact in self.facts.iter() {
            sheet.insert(fact.clone());
        }
        sheet
    }

    /// The facts regulatory clocks are computed from, as they stand now (see
    /// [`Regulation::obligations`](crate::regulation::Regulation::obligations)).
    pub fn regulatory_facts(&self) -> IncidentFacts {
        IncidentFacts {
            kind: self.kind,
            exercise: self.exercise,
            detected_at: self.detected_at,
            impact: self.impact.clone(),
            determinations: self.regulatory.determinations.clone(),
            milestones: self.regulatory.milestones.clone(),
            cn_grade: self.regulatory.cn_grade.clone(),
            filings: self.regulatory.filings.clone(),
            alerts: self.regulatory.alerts.clone(),
            waivers: self.regulatory.waivers.clone(),
            deferrals: self.regulatory.deferrals.clone(),
        }
    }

    /// The facts regulatory clocks are computed from, as recorded by `at`: what the
    /// incident replayed from its log cut after the last envelope recorded at or before
    /// `at` would give. A record counts from its envelope's `recorded_at`, not from the
    /// time it states (a determination backdated to before `at` but recorded after it was
    /// not known at `at`); see [`FactHistory`](crate::regulation::FactHistory). A moment
    /// before the declaration gives the declared facts. A snapshot written before the
    /// history was kept has none: it gives the current facts (and
    /// [`Regulation::obligations`](crate::regulation::Regulation::obligations) still leaves
    /// out later filings); replay the log to restore the history.
    ///
    /// # Examples
    /// ```
    /// use chrono::Duration;
    /// use incident::id::FactName;
    /// use incident::{ActorId, Command, Context};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 9, 8, 0, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::ServiceDisruption, "Payments API down")
    /// #     .detection(DetectionSource::Monitoring, t0).severity(Severity::Sev1).owner(ActorId::new("ops.lead")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?)?;
    /// // Classified as major at 10:00, stating that the decision was taken at 08:30.
    /// let classify = Command::RecordDetermination {
    ///     fact: FactName::new("major_incident")?,
    ///     value: true,
    ///     determined_at: Some(t0 + Duration::minutes(30)),
    ///     basis: "critical service down".into(),
    ///     assessment: None,
    ///     override_reason: None,
    /// };
    /// let ctx = Context::new(ActorId::new("cro")?, t0 + Duration::hours(2));
    /// for e in incident.execute(&classify, &ctx)? {
    ///     incident.apply(&e)?;
    /// }
    /// let major = FactName::new("major_incident")?;
    /// // At 09:00 nobody knew yet.
    /// assert_eq!(incident.regulatory_facts_at(t0 + Duration::hours(1)).determination(&major), None);
    /// assert_eq!(incident.regulatory_facts_at(ctx.at()).determination(&major), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn regulatory_facts_at(&self, at: DateTime<Utc>) -> IncidentFacts {
        if at >= self.updated_at {
            return self.regulatory_facts();
        }
        self.regulatory
            .history
            .as_of(at)
            .unwrap_or_else(|| self.regulatory_facts())
    }

    /// The label of fact `key` as the incident holds it (recorded, or derived with its
    /// default label), `None` when the incident holds no such fact. Outputs without an
    /// audience of their own (the review report, the VERIS export) leave out what their
    /// clearance may not see by this rule, the same one messages follow.
    pub fn label_of(&self, key: &str) -> Option<Sensitivity> {
        self.fact_sheet()
            .iter()
            .find(|f| f.key.as_str() == key)
            .map(|f| f.sensitivity)
    }

    /// What the conditional content rules read ([`ElementRules::required_in`]): money
    /// taken (a funds theft, or funds recorded in the impact) and a confirmed cause (a
    /// root-cause finding that names a category other than unknown).
    pub fn situation(&self) -> Situation {
        let funds_taken = self.kind == crate::IncidentKind::FundsTheft
            || self.impact.funds_involved.is_some_and(|m| m.is_positive());
        let cause_confirmed = self.findings.values().any(|f| {
            f.kind == FindingKind::RootCause
                && f.root_cause.is_some_and(|c| c != RootCause::Unknown)
        });
        Situation {
            funds_taken,
            cause_confirmed,
        }
    }

    /// The required content elements `notice` does not carry: under the adopted plan's
    /// rules when it states them, else the crate's defaults, in this incident's
    /// [situation](Incident::situation). Approval refuses a notice that lacks one; the
    /// review report and the drill list them.
    pub fn missing_elements(&self, notice: &Notice) -> Vec<ContentElement> {
        // The default rules are constants of the crate: built once per process, not on
        // every approval, disclosure and review guard.
        static DEFAULTS: std::sync::OnceLock<ElementRules> = std::sync::OnceLock::new();
        let rules = match self
            .comms_plan
            .as_ref()
            .and_then(|p| p.required_elements.as_ref())
        {
            Some(rules) => rules,
            None => DEFAULTS.get_or_init(ElementRules::defaults),
        };
        notice.missing_elements_in(rules, self.situation())
    }

    /// What the communication plan's schedule is computed from: the phase history and
    /// the notices.
    pub fn plan_view(&self) -> PlanView<'_> {
        let approved = self
            .notices
            .values()
            .any(|n| n.status == NoticeStatus::Approved && !n.bound.is_empty());
        // The fact sheet is built only when an approval could have gone stale.
        let sheet = approved.then(|| self.fact_sheet());
        let stale = sheet.map_or_else(BTreeSet::new, |sheet| {
            self.notices
                .iter()
                .filter(|(_, n)| !n.stale_facts(&sheet).is_empty())
                .map(|(id, _)| id.clone())
                .collect()
        });
        PlanView {
            stamps: &self.stamps,
            notices: &self.notices,
            stale,
        }
    }

    /// The adopted plan's messages at `at` (see [`CommsPlan::schedule`](crate::comms::CommsPlan::schedule)),
    /// `None` while no plan is adopted.
    ///
    /// # Examples
    /// ```
    /// use chrono::Duration;
    /// use incident::comms::CommsPlan;
    /// use incident::{ActorId, Command, Context};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer data exfiltrated")
    /// #     .detection(DetectionSource::Monitoring, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?)?;
    /// let adopt = Command::AdoptCommsPlan { plan: CommsPlan::reference() };
    /// for envelope in incident.execute(&adopt, &Context::new(ActorId::new("comms")?, t0))? {
    ///     incident.apply(&envelope)?;
    /// }
    /// let schedule = incident.plan_schedule(None, t0 + Duration::hours(3)).expect("a plan");
    /// // The reference plan's holding statement to the media was due two hours after detection.
    /// assert!(schedule.overdue().next().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plan_schedule(
        &self,
        obligations: Option<&Obligations>,
        at: DateTime<Utc>,
    ) -> Option<Schedule> {
        self.comms_plan
            .as_ref()
            .map(|plan| plan.schedule(self.plan_view(), obligations, at))
    }

    /// The compensation program this incident opened, for batch assessment with `policy`
    /// (see [`Program::opened`]).
    ///
    /// # Errors
    /// As [`Program::opened`]: no pinned program, another policy text, no budget, or a
    /// budget the settlements used up.
    pub fn compensation_program(&self, policy: &Policy) -> Result<Program, CompensationError> {
        Program::opened(&self.compensation, self.claim_totals.as_ref(), policy)
    }
}
