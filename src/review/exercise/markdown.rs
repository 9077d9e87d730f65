//! The drill programme's status as Markdown in zh-CN, zh-HK or en: overdue and due-soon
//! scenarios, coverage of the plan's scope with trends, and every drill report's clock with
//! the rule's source and confidence.

use std::fmt::Write as _;

use super::report_clock::DrillReportState;
use super::status::{Coverage, DrillProgrammeStatus, ScenarioDue, ScenarioStatus};
use crate::locale::{Label, Locale, Zone};
use crate::regulation::{ObligationStatus, Offset};
use crate::review::drill_words::Words;
use crate::review::report_markdown::{cell, table_head, table_row};

impl DrillProgrammeStatus {
    /// The status as Markdown in `locale`, times in `zone`.
    pub fn to_markdown(&self, locale: Locale, zone: Zone) -> String {
        let w = Words::new(locale, zone);
        let mut md = String::new();
        let _ = writeln!(
            md,
            "# {}{}{}\n\n{} {}\n",
            w.t(
                "演练计划执行情况",
                "演練計劃執行情況",
                "Drill programme status"
            ),
            w.colon,
            cell(&self.firm),
            w.t("截至", "截至", "As of"),
            w.time(self.at)
        );
        self.write_due(&mut md, &w);
        self.write_coverage(&mut md, &w);
        self.write_reports(&mut md, &w);
        md
    }

    /// Every scenario's cadence, last drill and next due date.
    fn write_due(&self, md: &mut String, w: &Words) {
        let _ = writeln!(
            md,
            "## {}\n",
            w.t("演练频次与到期", "演練頻次與到期", "Cadence and due dates")
        );
        table_head(
            md,
            &[
                w.t("场景", "場景", "Scenario"),
                w.t("频次", "頻次", "Cadence"),
                w.t("上次演练", "上次演練", "Last drill"),
                w.t("最迟演练时间", "最遲演練時間", "Drill due by"),
                w.t("状态", "狀態", "State"),
            ],
        );
        for s in &self.scenarios {
            let every = format!(
                "{}{}",
                w.t("每", "每", "every "),
                Offset::months(s.every_months).in_words(w.locale)
            );
            let last = s.last_held_at.map_or_else(
                || w.t("从未演练", "從未演練", "never").to_owned(),
                |t| w.time(t),
            );
            table_row(
                md,
                &[
                    scenario_name(s),
                    every,
                    last,
                    due_by(s.due, w),
                    due_state(s.due, w),
                ],
            );
        }
    }

    /// Coverage of the scope, the latest scores and their change.
    fn write_coverage(&self, md: &mut String, w: &Words) {
        let covered = self
            .scenarios
            .iter()
            .filter(|s| matches!(s.coverage, Coverage::Covered { .. }))
            .count();
        let _ = writeln!(
            md,
            "\n## {}\n\n{}{}{covered} / {}\n",
            w.t("场景覆盖", "場景覆蓋", "Scenario coverage"),
            w.t("已覆盖", "已覆蓋", "Covered"),
            w.colon,
            self.scenarios.len()
        );
        for s in &self.scenarios {
            let _ = writeln!(md, "- {}{}{}", scenario_name(s), w.colon, coverage(s, w));
        }
        if !self.outside_scope.is_empty() {
            let ids: Vec<&str> = self.outside_scope.iter().map(|s| s.as_str()).collect();
            let _ = writeln!(
                md,
                "- {}{}{}",
                w.t(
                    "计划范围外的演练场景",
                    "計劃範圍外的演練場景",
                    "Drilled outside the plan's scope"
                ),
                w.colon,
                w.locale.join_list(ids)
            );
        }
    }

    /// The report rule and every drill's report clock.
    fn write_reports(&self, md: &mut String, w: &Words) {
        let _ = writeln!(
            md,
            "\n## {}\n",
            w.t(
                "演练报告报送时限",
                "演練報告報送時限",
                "Drill report deadlines"
            )
        );
        let Some(rule) = &self.report_rule else {
            let _ = writeln!(
                md,
                "{}",
                w.t(
                    "本计划未设定演练报告报送要求。",
                    "本計劃未設定演練報告報送要求。",
                    "The programme sets no drill report duty."
                )
            );
            return;
        };
        let period = rule.period.in_words(w.locale);
        let duty = match w.locale {
            Locale::En => format!(
                "within {period} after the drill, to {}",
                cell(&rule.recipient)
            ),
            _ => format!(
                "{}{period}{}{}",
                w.t("演练结束后", "演練結束後", ""),
                w.t("内报送", "內報送", ""),
                cell(&rule.recipient)
            ),
        };
        let _ = writeln!(
            md,
            "{}{}{}{}{duty}{}",
            w.t("依据", "依據", "Rule"),
            w.colon,
            cell(&rule.citation),
            w.t("。", "。", ": "),
            w.t("。", "。", "."),
        );
        if !rule.is_verified() {
            let _ = writeln!(
                md,
                "\n> {}",
                w.t(
                    "注意：该时限尚未经原文核实，使用前请核对。",
                    "注意：該時限尚未經原文核實，使用前請核對。",
                    "Caution: this time limit is not verified against the text; check it before relying on it."
                )
            );
            for line in rule.note.iter().chain(&rule.sources) {
                let _ = writeln!(md, "> - {}", cell(line));
            }
        }
        md.push('\n');
        table_head(
            md,
            &[
                w.t("演练", "演練", "Drill"),
                w.t("结束时间", "結束時間", "Ended"),
                w.t("报送截止", "報送截止", "Report due"),
                w.t("状态", "狀態", "State"),
            ],
        );
        if self.report_clocks.is_empty() {
            table_row(
                md,
                &["—", "—", "—", w.t("尚无演练", "尚無演練", "no drill yet")],
            );
        }
        for c in &self.report_clocks {
            let (due, state) = report_cells(&c.state, w);
            let drill = format!("{} / {}", c.scenario, c.incident_id);
            table_row(md, &[drill, w.time(c.ended_at), due, state]);
        }
    }
}

/// A scenario as a table cell: its title and id.
fn scenario_name(s: &ScenarioStatus) -> String {
    format!("{} (`{}`)", cell(&s.title), s.scenario)
}

/// The last moment to drill: 24:00 of the due date.
fn due_by(due: ScenarioDue, w: &Words) -> String {
    match due {
        ScenarioDue::Overdue { due_by, .. }
        | ScenarioDue::DueSoon { due_by, .. }
        | ScenarioDue::OnTrack { due_by } => w.deadline(w.zone.end_of_day(due_by)),
        ScenarioDue::OutOfRange {} => w
            .t(
                "超出可表示的日期范围",
                "超出可表示的日期範圍",
                "beyond representable dates",
            )
            .to_owned(),
    }
}

/// Overdue, due soon, on track.
fn due_state(due: ScenarioDue, w: &Words) -> String {
    match (due, w.locale) {
        (ScenarioDue::Overdue { days_overdue, .. }, Locale::En) => {
            format!("**overdue** by {days_overdue} days")
        }
        (ScenarioDue::Overdue { days_overdue, .. }, _) => format!("**已逾期{days_overdue}天**"),
        (ScenarioDue::DueSoon { days_left, .. }, Locale::En) => w
            .locale
            .aside("due soon", &format!("{days_left} days left")),
        (ScenarioDue::DueSoon { days_left, .. }, locale) => locale.aside(
            w.t("即将到期", "即將到期", ""),
            &format!("{}{days_left}天", w.t("剩余", "尚餘", "")),
        ),
        (ScenarioDue::OnTrack { .. }, _) => w.t("按计划", "按計劃", "on track").to_owned(),
        (ScenarioDue::OutOfRange {}, _) => {
            w.t("无法计算", "無法計算", "cannot be computed").to_owned()
        }
    }
}

/// Covered, failed, unscored or never drilled, with the latest score and its change.
fn coverage(s: &ScenarioStatus, w: &Words) -> String {
    let score = |r: crate::review::DrillResult| {
        let change = s.points_change.map(|c| match w.locale {
            Locale::En => format!("{c:+} since the previous drill"),
            _ => format!(
                "{}{c:+}{}",
                w.t("较上次", "較上次", ""),
                w.t("分", "分", "")
            ),
        });
        let parts = match w.locale {
            Locale::En => [format!("{:?}", r.grade), format!("{} points", r.points)],
            _ => [
                format!("{:?}{}", r.grade, w.t("级", "級", "")),
                format!("{}分", r.points),
            ],
        };
        parts
            .into_iter()
            .chain(change)
            .collect::<Vec<_>>()
            .join(w.comma)
    };
    match s.coverage {
        Coverage::Covered { result } => w
            .locale
            .aside(w.t("已覆盖", "已覆蓋", "covered"), &score(result)),
        Coverage::Failed { result } => w.locale.aside(
            w.t(
                "**最近一次演练未通过，需重新演练**",
                "**最近一次演練未通過，需重新演練**",
                "**latest drill failed: drill it again**",
            ),
            &score(result),
        ),
        Coverage::Unscored {} => w
            .t("已演练，未评分", "已演練，未評分", "drilled, not scored")
            .to_owned(),
        Coverage::NeverDrilled {} => {
            format!("**{}**", w.t("从未演练", "從未演練", "never drilled"))
        }
    }
}

/// The due-time and state cells of a report clock.
fn report_cells(state: &DrillReportState, w: &Words) -> (String, String) {
    let undetermined = w.t("无法确定", "無法確定", "undetermined");
    match (state, state.outcome()) {
        (DrillReportState::Counted { due, status }, Some(outcome)) => {
            let label = outcome.label(w.locale);
            let state = match status {
                ObligationStatus::Met {
                    late_seconds: Some(s),
                    ..
                }
                | ObligationStatus::Overdue { overdue_seconds: s } => {
                    w.locale.aside(label, &w.seconds(*s))
                }
                ObligationStatus::Pending {
                    remaining_seconds: Some(s),
                } => w.locale.aside(
                    label,
                    &format!("{}{}", w.t("剩余", "尚餘", "left: "), w.seconds(*s)),
                ),
                _ => label.to_owned(),
            };
            (w.deadline(*due), state)
        }
        (DrillReportState::Undetermined { missing, .. }, outcome) => {
            let why = format!(
                "{undetermined}{}{}",
                w.colon,
                cell(&missing.describe(w.locale))
            );
            let state = outcome.map_or_else(
                || w.t("待报送", "待報送", "open").to_owned(),
                |o| o.label(w.locale).to_owned(),
            );
            (why, state)
        }
        // A counted clock always has an outcome.
        (DrillReportState::Counted { due, .. }, None) => {
            (w.deadline(*due), undetermined.to_owned())
        }
    }
}
