//! The drill report's clock: a report to the regulator within a period after each drill.
//!
//! It is a clock of the drill programme, not a regime of the catalogue. Obligations
//! computed for an exercise incident are marked "not a real filing obligation", while the
//! drill report is a real filing; the drill it follows may be a joint or tabletop exercise
//! with no exercise incident in this system; and its start (the end of the drill) is not a
//! fact of any incident. The counting is the regulation's own ([`Limb::due_after`]), on the
//! host's calendars, so a date past a calendar's data is undetermined, never guessed.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::CalendarId;
use crate::locale::Zone;
use crate::regulation::{
    CalendarRule, Calendars, Confidence, Limb, MissingFact, ObligationStatus, Offset, TimeOfDay,
    Trigger,
};
use crate::review::DeadlineOutcome;
use crate::IncidentId;

/// A duty to report each drill to a regulator within a period after it ends, as data.
///
/// # Examples
/// ```
/// use chrono::{TimeZone as _, Utc};
/// use incident::locale::Zone;
/// use incident::regulation::Calendars;
/// use incident::review::DrillReportRule;
///
/// let rule = DrillReportRule::csrc_order_218();
/// assert!(!rule.is_verified()); // the "15" is read from a garbled copy
/// // A drill ends Friday 30 January 2026, 17:00 Beijing; Spring Festival runs 15–23
/// // February, Saturdays 14 and 28 February are make-up working days.
/// let ended = Utc.with_ymd_and_hms(2026, 1, 30, 9, 0, 0).unwrap();
/// let due = rule.due(ended, Zone::SHANGHAI, &Calendars::builtin()).map_err(|m| m.to_string())?;
/// assert_eq!(Zone::SHANGHAI.format_local_deadline(due), "2026-02-27 24:00 CST (UTC+08:00)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillReportRule {
    /// The article, e.g. `CSRC Order 218 Art. 38`.
    pub citation: String,
    /// Who receives the report.
    pub recipient: String,
    /// The period after the drill ends; day periods end at 24:00 of the last day, the
    /// end day not counted.
    pub period: Offset,
    /// The calendar working days are counted on.
    pub calendar: CalendarId,
    /// How sure the rule is; anything below medium is shown as unverified.
    pub confidence: Confidence,
    /// Where the rule comes from, with the date checked.
    pub sources: Vec<String>,
    /// What a reader must know about the rule (e.g. why it is unverified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl DrillReportRule {
    /// CSRC Order 218 (证券期货业网络和信息安全管理办法, in force 2023-05-01) Art. 38: core
    /// institutions (核心机构) run joint drills at least yearly and report 「演练后15个工作日内」
    /// to the CSRC, counted here on the PRC working-day calendar (`cn`).
    ///
    /// **Unverified** ([`Confidence::Low`]): the "15" is read from a garbled reprint whose
    /// text shows 「1,5」 (<http://m.jianbiaoku.com/webarbs/book/171887/4861034.shtml>);
    /// check it against the official page
    /// <https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml> (both checked
    /// 2026-12-07) before relying on it. A host overrides the rule with its own value.
    pub fn csrc_order_218() -> Self {
        Self {
            citation: "《证券期货业网络和信息安全管理办法》（证监会令第218号）第三十八条 / CSRC Order 218 Art. 38".to_owned(),
            recipient: "中国证监会".to_owned(),
            period: Offset::working_days(15),
            calendar: CalendarId::from_static("cn"),
            confidence: Confidence::Low,
            sources: vec![
                "https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml (official page, checked 2026-12-07)".to_owned(),
                "http://m.jianbiaoku.com/webarbs/book/171887/4861034.shtml (garbled reprint, checked 2026-12-07)".to_owned(),
            ],
            note: Some(
                "「15个工作日」取自字符错乱的转载本（原文显示为「1,5」），尚未与证监会官方文本核对 / \
                 the 15 working days are read from a garbled reprint showing 「1,5」 and not yet \
                 checked against the CSRC's official text"
                    .to_owned(),
            ),
        }
    }

    /// Whether the rule was checked against a primary or reliable secondary text.
    pub fn is_verified(&self) -> bool {
        self.confidence.is_verified()
    }

    /// The period as a limb of the regulation's counting rules: from the end of the drill,
    /// the end day not counted, to 24:00 of the last day (Civil Code arts. 201 and 203).
    fn limb(&self) -> Limb {
        // The trigger is not looked up: `due_after` is given the drill's end.
        let mut limb = Limb::new(Trigger::Detected {}, self.period);
        limb.calendar = Some(CalendarRule::Named {
            id: self.calendar.clone(),
        });
        limb.time_of_day = TimeOfDay::EndOfDay {};
        limb
    }

    /// When the report on a drill that ended at `ended_at` is due; `zone` counts calendar
    /// days (working days use the calendar's zone).
    ///
    /// # Errors
    /// The [`MissingFact`] the count lacks: the calendar is not loaded, or does not cover
    /// the dates (never a guessed date).
    pub fn due(
        &self,
        ended_at: DateTime<Utc>,
        zone: Zone,
        calendars: &Calendars,
    ) -> Result<DateTime<Utc>, MissingFact> {
        self.limb().due_after(ended_at, Some(zone), calendars)
    }
}

/// Where a drill's report stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "clock", rename_all = "snake_case", deny_unknown_fields)]
pub enum DrillReportState {
    /// The due time is known.
    Counted {
        /// When the report is due.
        due: DateTime<Utc>,
        /// Pending, overdue or met (with how late).
        status: ObligationStatus,
    },
    /// The due time cannot be computed: what is missing (a calendar, or its coverage of
    /// the dates); never a guessed date.
    Undetermined {
        /// What is missing.
        missing: MissingFact,
        /// When the report was filed, if it was.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        filed_at: Option<DateTime<Utc>>,
    },
}

impl DrillReportState {
    /// The state of a report on a drill that ended at `ended_at`, filed at `filed_at`,
    /// at `at`: a filing after `at` does not count yet.
    pub fn of(
        rule: &DrillReportRule,
        ended_at: DateTime<Utc>,
        filed_at: Option<DateTime<Utc>>,
        zone: Zone,
        calendars: &Calendars,
        at: DateTime<Utc>,
    ) -> Self {
        let filed_at = filed_at.filter(|f| *f <= at);
        match rule.due(ended_at, zone, calendars) {
            Ok(due) => Self::Counted {
                due,
                status: ObligationStatus::of(filed_at, Some(due), at),
            },
            Err(missing) => Self::Undetermined { missing, filed_at },
        }
    }

    /// The outcome as the drill scorecard words it; `None` when undetermined and not filed.
    pub fn outcome(&self) -> Option<DeadlineOutcome> {
        match self {
            Self::Counted { status, .. } => Some(match status {
                ObligationStatus::Met {
                    late_seconds: None, ..
                } => DeadlineOutcome::OnTime,
                ObligationStatus::Met { .. } => DeadlineOutcome::Late,
                ObligationStatus::Overdue { .. } => DeadlineOutcome::Missed,
                ObligationStatus::Pending { .. }
                | ObligationStatus::AwaitingTrigger {}
                | ObligationStatus::Waived { .. } => DeadlineOutcome::Open,
            }),
            Self::Undetermined {
                filed_at: Some(_), ..
            } => Some(DeadlineOutcome::Filed),
            Self::Undetermined { filed_at: None, .. } => None,
        }
    }
}

/// One drill's report clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillReportClock {
    /// The scenario drilled.
    pub scenario: crate::id::PlaybookId,
    /// The exercise incident.
    pub incident_id: IncidentId,
    /// When the drill ended (the clock's start).
    pub ended_at: DateTime<Utc>,
    /// Where the report stands.
    pub state: DrillReportState,
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone as _};

    use super::*;

    fn beijing(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Zone::SHANGHAI.instant_at(
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
        )
    }

    fn due_date(ended: DateTime<Utc>) -> Result<NaiveDate, MissingFact> {
        DrillReportRule::csrc_order_218()
            .due(ended, Zone::SHANGHAI, &Calendars::builtin())
            // 24:00 of the last day is 00:00 of the next: the last day is the day before.
            .map(|due| Zone::SHANGHAI.local_date(due).pred_opt().unwrap())
    }

    #[test]
    fn fifteen_working_days_skip_golden_week_and_count_make_up_saturdays() {
        // 2025: Golden Week 1–8 October; Sunday 28 September and Saturday 11 October are
        // working days. From Friday 26 September: 28, 29, 30 Sep, 9, 10, 11, 13–17, 20–23.
        assert_eq!(
            due_date(beijing(2025, 9, 26, 17)),
            Ok(NaiveDate::from_ymd_opt(2025, 10, 23).unwrap())
        );
        // A drill ending on a holiday: the count starts the next day all the same.
        assert_eq!(
            due_date(beijing(2026, 10, 3, 10)),
            Ok(NaiveDate::from_ymd_opt(2026, 10, 27).unwrap())
        );
    }

    #[test]
    fn fifteen_working_days_over_spring_festival() {
        // 2026: Spring Festival 15–23 February; Saturdays 14 and 28 February are working
        // days. From Friday 6 February: 9–13, 14, 24–27, 28, 2–5 March.
        assert_eq!(
            due_date(beijing(2026, 2, 6, 18)),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap())
        );
        // Without the calendar's make-up days and holidays it would be 27 February: the
        // calendar decides.
        assert_ne!(
            due_date(beijing(2026, 2, 6, 18)),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 27).unwrap())
        );
    }

    #[test]
    fn a_date_past_the_calendar_is_undetermined_never_guessed() {
        let rule = DrillReportRule::csrc_order_218();
        let ended = beijing(2026, 12, 18, 17);
        let at = ended + chrono::Duration::days(40);
        let state = DrillReportState::of(
            &rule,
            ended,
            None,
            Zone::SHANGHAI,
            &Calendars::builtin(),
            at,
        );
        match &state {
            DrillReportState::Undetermined {
                missing: MissingFact::CalendarCoverage { year, last_day, .. },
                filed_at: None,
            } => {
                assert_eq!(*year, 2027);
                assert_eq!(*last_day, NaiveDate::from_ymd_opt(2026, 12, 31));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(state.outcome(), None);
        let state = DrillReportState::of(&rule, ended, None, Zone::SHANGHAI, &Calendars::new(), at);
        assert!(matches!(
            state,
            DrillReportState::Undetermined {
                missing: MissingFact::Calendar { .. },
                ..
            }
        ));
    }

    #[test]
    fn filed_due_and_overdue() {
        let rule = DrillReportRule::csrc_order_218();
        let ended = beijing(2026, 2, 6, 18);
        let due = Utc.with_ymd_and_hms(2026, 3, 5, 16, 0, 0).unwrap();
        let state = |filed, at| {
            DrillReportState::of(
                &rule,
                ended,
                filed,
                Zone::SHANGHAI,
                &Calendars::builtin(),
                at,
            )
        };
        let before = due - chrono::Duration::hours(1);
        let after = due + chrono::Duration::hours(1);
        assert_eq!(state(None, before).outcome(), Some(DeadlineOutcome::Open));
        assert_eq!(state(None, due).outcome(), Some(DeadlineOutcome::Missed));
        assert_eq!(
            state(Some(due), after).outcome(),
            Some(DeadlineOutcome::OnTime)
        );
        assert_eq!(
            state(Some(after), after).outcome(),
            Some(DeadlineOutcome::Late)
        );
        // Filed after the moment asked: not filed yet at that moment.
        assert_eq!(
            state(Some(after), before).outcome(),
            Some(DeadlineOutcome::Open)
        );
    }
}
