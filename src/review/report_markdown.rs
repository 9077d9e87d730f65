//! The review report as Markdown, in any [`Locale`]: section by section, every phrase
//! through [`tr`] and every name through [`Label`], so the wording of the languages sits
//! side by side.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::report::{ReviewReport, TimelineEvent};
use super::Elapsed;
use crate::comms::Sensitivity;
use crate::locale::Zone;
use crate::locale::{format_seconds, tr, Label, Locale};
use crate::{actions::Measure, compensation::CompensationStance, findings::Finding};

/// The report as Markdown in `locale`, times in `zone`.
pub(super) fn write(report: &ReviewReport, locale: Locale, zone: Zone) -> String {
    let mut md = Markdown::new(locale, zone);
    md.header(report);
    md.summary(report);
    md.impact(report);
    md.timeline(report);
    md.findings(report);
    md.response(report);
    super::determinations::write_markdown(&mut md.out, locale, zone, &report.determinations);
    md.communications(report);
    md.compensation(report);
    md.actions(report);
    md.out
}

/// Whether the report left out fact `key` for its readers.
fn withheld(r: &ReviewReport, key: &str) -> bool {
    r.withheld.iter().any(|k| k.as_str() == key)
}

/// Host text made safe for one Markdown table cell or list line: pipes escaped, line
/// breaks folded into spaces.
pub(super) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// One table row: `| a | b |`.
pub(super) fn table_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    out.push('|');
    for c in cells {
        let _ = write!(out, " {} |", c.as_ref());
    }
    out.push('\n');
}

/// A table's head: the header row and the `| --- |` separator.
pub(super) fn table_head(out: &mut String, head: &[&str]) {
    table_row(out, head);
    table_row(out, &vec!["---"; head.len()]);
}

struct Markdown {
    locale: Locale,
    zone: Zone,
    out: String,
}

impl Markdown {
    fn new(locale: Locale, zone: Zone) -> Self {
        Self {
            locale,
            zone,
            out: String::new(),
        }
    }

    fn t(&self, zh: &'static str, zh_hk: &'static str, en: &'static str) -> &'static str {
        tr(self.locale, zh, zh_hk, en)
    }

    fn time(&self, at: DateTime<Utc>) -> String {
        self.locale.format_time(at, self.zone)
    }

    fn opt_time(&self, at: Option<DateTime<Utc>>) -> String {
        at.map_or_else(|| "—".to_owned(), |at| self.time(at))
    }

    /// A due time: midnight reads as 24:00 of the day before ([`Locale::format_deadline`]).
    fn opt_deadline(&self, at: Option<DateTime<Utc>>) -> String {
        at.map_or_else(
            || "—".to_owned(),
            |at| self.locale.format_deadline(at, self.zone),
        )
    }

    fn elapsed(&self, elapsed: &Elapsed) -> String {
        match elapsed {
            Elapsed::Missing {} => self.t("未达到", "未達到", "not reached").to_owned(),
            Elapsed::Measured(span) => {
                let text = format_seconds(self.locale, span.seconds);
                if span.estimated {
                    self.locale
                        .aside(&text, self.t("估计", "估計", "estimated"))
                } else {
                    text
                }
            }
        }
    }

    /// Colon, comma and semicolon with the spacing of the locale.
    fn punct(&self) -> (&'static str, &'static str, &'static str) {
        self.locale.punctuation()
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn heading(&mut self, zh: &'static str, zh_hk: &'static str, en: &'static str) {
        let title = self.t(zh, zh_hk, en);
        let _ = write!(self.out, "\n## {title}\n\n");
    }

    fn row(&mut self, cells: &[String]) {
        table_row(&mut self.out, cells);
    }

    fn table(&mut self, head: &[&str]) {
        table_head(&mut self.out, head);
    }

    fn header(&mut self, r: &ReviewReport) {
        let l = self.locale;
        let (colon, _, _) = self.punct();
        let heading = self.t("事件复盘报告", "事件檢討報告", "Post-incident review");
        self.line(&format!("# {heading}{colon}{}", cell(&r.title)));
        self.line("");
        self.line(self.t(
            "> 本复盘遵循无责原则：关注系统与流程，而非追究个人。",
            "> 本檢討遵循無責原則：關注系統與流程，而非追究個人。",
            "> A blameless review: it looks at systems and processes, not at who to blame.",
        ));
        if r.exercise {
            self.line(self.t(
                "> **演练**：本事件为应急演练，其中的报送均非真实报送。",
                "> **演練**：本事件為應急演練，其中的報送均非真實報送。",
                "> **Exercise**: this incident is a drill; no filing in it is real.",
            ));
        }
        self.line("");
        self.table(&[
            self.t("项目", "項目", "Item"),
            self.t("内容", "內容", "Value"),
        ]);
        let rows = [
            (
                self.t("事件编号", "事件編號", "Incident"),
                r.incident_id.to_string(),
            ),
            (self.t("类型", "類型", "Kind"), r.kind.label(l).to_owned()),
            (
                self.t("GB/T 20986 类别", "GB/T 20986 類別", "GB/T 20986 category"),
                self.gbt_class(r),
            ),
            (
                self.t("严重程度", "嚴重程度", "Severity"),
                r.severity.label().to_owned(),
            ),
            (
                self.t("当前阶段", "當前階段", "Phase"),
                r.phase.label(l).to_owned(),
            ),
            (self.t("报告截至", "報告截至", "As of"), self.time(r.at)),
            (
                self.t("读者范围", "讀者範圍", "Readers"),
                r.clearance.label(l).to_owned(),
            ),
        ];
        for (k, v) in rows {
            self.row(&[k.to_owned(), v]);
        }
        if r.clearance >= Sensitivity::Restricted {
            let grade = match r.gbt.grade {
                Some(g) => g.label(l).to_owned(),
                None => self.t("未定级", "未定級", "not graded").to_owned(),
            };
            self.row(&[self.t("事件分级", "事件分級", "Grade").to_owned(), grade]);
        }
    }

    /// `category / subcategory`, marked when only proposed from the kind.
    fn gbt_class(&self, r: &ReviewReport) -> String {
        let l = self.locale;
        let Some(c) = r.gbt.classification else {
            return self.t("未分类", "未分類", "not classified").to_owned();
        };
        let mut text = c.category.label(l).to_owned();
        if let Some(sub) = c.subcategory {
            text = format!("{text} / {}", sub.label(l));
        }
        if r.gbt.proposed {
            let note = self.t(
                "（按类型建议，未确认）",
                "（按類型建議，未確認）",
                " (proposed from the kind, not confirmed)",
            );
            text.push_str(note);
        }
        cell(&text)
    }

    fn summary(&mut self, r: &ReviewReport) {
        self.heading("概述", "概述", "Summary");
        match &r.summary {
            Some(s) => self.line(&cell(s)),
            None => self.line(self.t("（未记录概述）", "（未記錄概述）", "(no summary recorded)")),
        }
    }

    fn impact(&mut self, r: &ReviewReport) {
        let (colon, comma, _) = self.punct();
        let l = self.locale;
        self.heading("影响", "影響", "Impact");
        let i = &r.impact;
        let unknown = self.t("未知", "未知", "unknown");
        let count = |n: Option<u64>| n.map_or_else(|| unknown.to_owned(), |n| l.format_count(n));
        self.line(&format!(
            "- {}{colon}{} {}{comma}{} {}",
            self.t("受影响人数", "受影響人數", "People affected"),
            self.t("估计", "估計", "estimated"),
            count(i.people.estimated),
            self.t("已确认", "已確認", "confirmed"),
            count(i.people.confirmed),
        ));
        self.line(&format!(
            "- {}{colon}{}",
            self.t("涉及记录数", "涉及記錄數", "Records exposed"),
            count(i.records)
        ));
        let categories: Vec<&str> = i
            .data_categories
            .iter()
            .map(|c| l.data_category_name(*c))
            .collect();
        self.line(&format!(
            "- {}{colon}{}",
            self.t("涉及数据", "涉及資料", "Data involved"),
            l.join_list(categories)
        ));
        self.line(&format!(
            "- {}{colon}{}",
            self.t("涉及资金", "涉及資金", "Funds involved"),
            if withheld(r, "funds_involved") {
                self.withheld_text().to_owned()
            } else {
                i.funds_involved.map_or_else(
                    || self.t("无", "無", "none").to_owned(),
                    |m| l.format_money(m),
                )
            }
        ));
        let systems: Vec<String> = i.systems.iter().map(|s| cell(s.as_str())).collect();
        self.line(&format!(
            "- {}{colon}{}",
            self.t("受影响系统", "受影響系統", "Systems affected"),
            l.join_list(systems.iter().map(String::as_str))
        ));
        let places: Vec<String> = i.jurisdictions.iter().map(ToString::to_string).collect();
        self.line(&format!(
            "- {}{colon}{}",
            self.t("涉及法域", "涉及司法管轄區", "Jurisdictions"),
            l.join_list(places.iter().map(String::as_str))
        ));
        for loss in &i.losses {
            self.line(&format!(
                "- {} ({}){colon}{}",
                self.t("损失", "損失", "Loss"),
                loss.variety.label(l),
                match loss.amount {
                    _ if withheld(r, "funds_involved") => self.withheld_text().to_owned(),
                    Some(m) => l.format_money(m),
                    None => self
                        .t("尚未估算", "尚未估算", "not yet estimated")
                        .to_owned(),
                }
            ));
        }
    }

    fn timeline(&mut self, r: &ReviewReport) {
        let (colon, comma, _) = self.punct();
        let l = self.locale;
        self.heading("时间线", "時間線", "Timeline");
        self.table(&[
            self.t("时间", "時間", "Time"),
            self.t("事件", "事件", "Event"),
        ]);
        for entry in &r.timeline {
            let what = match &entry.event {
                TimelineEvent::Occurred { estimated } => {
                    let base = self.t("事件开始", "事件開始", "Incident began");
                    if *estimated {
                        l.aside(base, self.t("估计", "估計", "estimated"))
                    } else {
                        base.to_owned()
                    }
                }
                TimelineEvent::Detected { source } => {
                    format!(
                        "{}{colon}{}",
                        self.t("发现事件", "發現事件", "Detected"),
                        source.label(l)
                    )
                }
                TimelineEvent::SeverityChanged { from, to, reason } => l.aside(
                    &format!(
                        "{}{colon}{from} → {to}",
                        self.t("严重程度调整", "嚴重程度調整", "Severity changed")
                    ),
                    &cell(reason),
                ),
                TimelineEvent::PhaseEntered { phase } => {
                    format!(
                        "{}{colon}{}",
                        self.t("进入阶段", "進入階段", "Entered phase"),
                        phase.label(l)
                    )
                }
                TimelineEvent::ActionCompleted {
                    action_id,
                    kind,
                    title,
                } => format!(
                    "{}{colon}{}",
                    l.aside(
                        self.t("完成措施", "完成措施", "Action completed"),
                        &format!("{}{comma}{action_id}", kind.label(l))
                    ),
                    cell(title)
                ),
                TimelineEvent::NoticeSent {
                    notice_id,
                    audience,
                    message,
                } => l.aside(
                    &format!(
                        "{}{colon}{} → {}",
                        self.t("发送通知", "發送通知", "Notice sent"),
                        message.label(l),
                        audience.label(l)
                    ),
                    notice_id.as_str(),
                ),
                TimelineEvent::ReportFiled { regime, report } => format!(
                    "{}{colon}{regime} / {report}",
                    self.t("完成报送", "完成報送", "Report filed")
                ),
                TimelineEvent::DeadlineMissed { regime, report } => format!(
                    "**{}**{colon}{regime} / {report}",
                    self.t("报送时限已过", "報送時限已過", "Deadline missed")
                ),
            };
            self.row(&[self.time(entry.at), what]);
        }
    }

    fn finding_lines(&mut self, findings: &[Finding]) {
        let (colon, _, _) = self.punct();
        let l = self.locale;
        if findings.is_empty() {
            self.line(&format!("- {}", self.t("无", "無", "none recorded")));
        }
        for f in findings {
            let mut text = String::from("- ");
            if let Some(cause) = f.root_cause {
                let _ = write!(text, "**{}**{colon}", cause.label(l));
            }
            text.push_str(&cell(&f.summary));
            if !f.evidence.is_empty() {
                let ids: Vec<&str> = f.evidence.iter().map(|e| e.as_str()).collect();
                let evidence = format!(
                    "{}{colon}{}",
                    self.t("证据", "證據", "evidence"),
                    l.join_list(ids)
                );
                text = l.aside(&text, &evidence);
            }
            self.line(&text);
        }
    }

    /// What the reader sees in place of a withheld value.
    fn withheld_text(&self) -> &'static str {
        self.t(
            "（已隐去：超出本报告的读者范围）",
            "（已隱去：超出本報告的讀者範圍）",
            "withheld (above this report's readers' clearance)",
        )
    }

    fn findings(&mut self, r: &ReviewReport) {
        self.heading("根本原因", "根本原因", "Root cause");
        if withheld(r, "root_cause") {
            self.line(self.withheld_text());
            return;
        }
        self.finding_lines(&r.findings.root_causes);
        for (zh, zh_hk, en, list) in [
            (
                "促成因素",
                "促成因素",
                "Contributing factors",
                &r.findings.contributing_factors,
            ),
            (
                "做得好的",
                "做得好的",
                "What went well",
                &r.findings.went_well,
            ),
            (
                "需改进的",
                "需改進的",
                "What went poorly",
                &r.findings.went_poorly,
            ),
        ] {
            let title = self.t(zh, zh_hk, en);
            let _ = write!(self.out, "\n### {title}\n\n");
            self.finding_lines(list);
        }
    }

    fn response(&mut self, r: &ReviewReport) {
        let l = self.locale;
        let m = &r.metrics;
        self.heading(
            "响应与报送时限",
            "應變與報送時限",
            "Response against deadlines",
        );
        self.table(&[
            self.t("指标", "指標", "Measure"),
            self.t("用时", "所需時間", "Time"),
        ]);
        let rows = [
            (
                self.t("发生 → 发现", "發生 → 發現", "Occurred → detected"),
                &m.detect,
            ),
            (
                self.t("发现 → 遏制", "發現 → 遏制", "Detected → contained"),
                &m.contain,
            ),
            (
                self.t(
                    "发现 → 首次客户通知",
                    "發現 → 首次客戶通知",
                    "Detected → first customer notice",
                ),
                &m.first_customer_notice,
            ),
            (
                self.t("发现 → 披露", "發現 → 披露", "Detected → disclosed"),
                &m.disclose,
            ),
            (
                self.t("发现 → 修复", "發現 → 修復", "Detected → remediated"),
                &m.remediate,
            ),
            (
                self.t("发现 → 复盘", "發現 → 檢討", "Detected → reviewed"),
                &m.review,
            ),
            (
                self.t("发现 → 关闭", "發現 → 關閉", "Detected → closed"),
                &m.close,
            ),
        ];
        for (name, elapsed) in rows {
            self.row(&[name.to_owned(), self.elapsed(elapsed)]);
        }
        self.line("");
        if m.regulator_notifications.is_empty() {
            self.line(self.t(
                "未提供监管报送义务，或无适用的监管报送。",
                "未提供監管報送義務，或無適用的監管報送。",
                "No regulator notifications were computed or none applies.",
            ));
            return;
        }
        self.table(&[
            self.t("报送", "報送", "Report"),
            self.t("接收方", "接收方", "Recipient"),
            self.t("截止时间", "截止時間", "Due"),
            self.t("提交时间", "提交時間", "Submitted"),
            self.t(
                "余量（负数为超时）",
                "餘量（負數為超時）",
                "Slack (negative: overrun)",
            ),
            self.t("结果", "結果", "Outcome"),
        ]);
        // Timed deadlines first, earliest due first; "immediately" and untimed ones after.
        let mut rows: Vec<_> = m.regulator_notifications.iter().collect();
        rows.sort_by_key(|n| (n.due.is_none(), n.due));
        for n in rows {
            let slack = n.slack_seconds.map_or_else(
                || {
                    self.t("无明确时限", "無明確時限", "no timestamp")
                        .to_owned()
                },
                |s| format_seconds(l, s),
            );
            self.row(&[
                format!(
                    "{} / {}",
                    n.regime,
                    cell(n.report_titles.or(l, &n.report_name))
                ),
                cell(&n.recipient),
                self.opt_deadline(n.due),
                self.opt_time(n.submitted_at),
                slack,
                n.outcome.label(l).to_owned(),
            ]);
        }
    }

    fn communications(&mut self, r: &ReviewReport) {
        let (colon, comma, semi) = self.punct();
        let l = self.locale;
        self.heading("沟通与反馈", "溝通與意見", "Communications and feedback");
        if r.notices.is_empty() {
            self.line(self.t(
                "未起草任何通知。",
                "未起草任何通知。",
                "No notice was drafted.",
            ));
        } else {
            self.table(&[
                self.t("通知", "通知", "Notice"),
                self.t("对象", "對象", "Audience"),
                self.t("类型", "類型", "Kind"),
                self.t("状态", "狀態", "Status"),
                self.t("发送时间", "發送時間", "Sent"),
                self.t(
                    "缺少的必备内容",
                    "缺少的必備內容",
                    "Missing required elements",
                ),
            ]);
            for n in &r.notices {
                let missing: Vec<&str> = n.missing_elements.iter().map(|e| e.label(l)).collect();
                self.row(&[
                    n.notice_id.to_string(),
                    n.audience.label(l).to_owned(),
                    n.message.label(l).to_owned(),
                    n.status.label(l).to_owned(),
                    self.opt_time(n.sent_at),
                    l.join_list(missing),
                ]);
            }
        }
        self.line("");
        let q = &r.metrics.inquiries;
        let secs = |s: Option<i64>| s.map_or_else(|| "—".to_owned(), |s| format_seconds(l, s));
        let bp = |b: Option<u32>| b.map_or_else(|| "—".to_owned(), |b| l.format_percent(b));
        self.line(&format!(
            "- {}{colon}{}{semi}{} {}{comma}{} {}{comma}{} {}",
            self.t("客户咨询", "客戶查詢", "Inquiries"),
            l.format_count(q.count),
            self.t("已回复", "已回覆", "answered"),
            l.format_count(q.answered),
            self.t("未回复", "未回覆", "unanswered"),
            l.format_count(q.unanswered),
            self.t("已解决", "已解決", "resolved"),
            l.format_count(q.resolved),
        ));
        self.line(&format!(
            "- {}{colon}{} {}{comma}P90 {}{semi}{} {}",
            self.t("首次回复用时", "首次回覆所需時間", "First response"),
            self.t("中位数", "中位數", "median"),
            secs(q.median_first_response_seconds),
            secs(q.p90_first_response_seconds),
            self.t("达标率", "達標率", "within target"),
            bp(q.within_sla_bp),
        ));
        let s = &r.metrics.surveys;
        self.line(&format!(
            "- {}{colon}{}{semi}CSAT {}{semi}NPS {}",
            self.t("满意度调查答卷", "滿意度問卷回覆", "Survey responses"),
            l.format_count(s.responses),
            bp(s.csat_bp),
            s.nps.map_or_else(|| "—".to_owned(), |n| n.to_string()),
        ));
    }

    fn compensation(&mut self, r: &ReviewReport) {
        let (colon, comma, semi) = self.punct();
        let l = self.locale;
        self.heading("补偿", "補償", "Compensation");
        match &r.compensation {
            CompensationStance::Undecided {} => {
                self.line(self.t("尚未决定。", "尚未決定。", "Not yet decided."));
            }
            CompensationStance::NotApplicable { reason } => {
                self.line(&format!(
                    "{}{colon}{}",
                    self.t("无需补偿", "無需補償", "Not applicable"),
                    cell(reason)
                ));
            }
            CompensationStance::ProgramOpened {
                program_id,
                policy,
                budget,
                ..
            } => {
                let program = format!(
                    "{}{colon}{program_id}",
                    self.t("补偿方案", "補償方案", "Program")
                );
                let policy = format!("{} {}", self.t("政策", "政策", "policy"), cell(policy));
                self.line(&format!("- {}", l.aside(&program, &policy)));
                if let Some(budget) = budget {
                    self.line(&format!(
                        "- {}{colon}{}",
                        self.t("预算", "預算", "Budget"),
                        l.format_money(*budget)
                    ));
                }
                if let Some(t) = &r.metrics.compensation {
                    self.line(&format!(
                        "- {}{colon}{}{semi}{} {}{comma}{} {}{comma}{} {}",
                        self.t("索赔", "申索", "Claims"),
                        l.format_count(t.claims),
                        self.t("核定", "核定", "assessed"),
                        l.format_money(t.assessed),
                        self.t("和解", "和解", "settled"),
                        l.format_money(t.settled),
                        self.t("已支付", "已支付", "paid"),
                        l.format_money(t.paid),
                    ));
                }
            }
        }
    }

    fn actions(&mut self, r: &ReviewReport) {
        let l = self.locale;
        self.heading("改进措施", "改進措施", "Actions");
        if r.actions.is_empty() {
            self.line(self.t("无。", "無。", "None."));
            return;
        }
        self.table(&[
            self.t("编号", "編號", "Action"),
            self.t("阶段", "階段", "Stage"),
            self.t("内容", "內容", "What"),
            self.t("措施类别", "措施類別", "Measure"),
            self.t("负责人", "負責人", "Owner"),
            self.t("截止", "截止", "Due"),
            self.t("状态", "狀態", "Status"),
        ]);
        for line in &r.actions {
            let a = &line.action;
            let mut status = a.status.label(l).to_owned();
            if line.overdue {
                let _ = write!(status, " **{}**", self.t("已逾期", "已逾期", "overdue"));
            }
            self.row(&[
                a.id.to_string(),
                a.kind.label(l).to_owned(),
                cell(&a.title),
                a.measure.map_or_else(
                    || self.t("其他", "其他", "free-form").to_owned(),
                    |m: Measure| m.label(l).to_owned(),
                ),
                a.owner
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), ToString::to_string),
                self.opt_deadline(a.due),
                status,
            ]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_text_cannot_break_a_table() {
        assert_eq!(cell("a|b\nc\r\nd"), "a\\|b c  d");
        assert_eq!(cell("普通文本"), "普通文本");
    }
}
