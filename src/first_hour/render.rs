//! The first-hour checklist as text for people, in zh-CN, zh-HK or en.

use std::fmt::Write as _;

use super::{FirstHour, NoDeadline, WakeItem};
use crate::locale::{tr, Label, Locale, Zone};
use crate::playbook::Wording;

/// The punctuation and the time format of one reader.
struct Pen {
    locale: Locale,
    zone: Zone,
}

impl Pen {
    fn t(&self, zh_cn: &'static str, zh_hk: &'static str, en: &'static str) -> &'static str {
        tr(self.locale, zh_cn, zh_hk, en)
    }
    fn colon(&self) -> &'static str {
        self.t("：", "：", ": ")
    }
    fn list(&self) -> &'static str {
        self.t("、", "、", ", ")
    }
    fn paren(&self, inner: &str) -> String {
        match self.locale {
            Locale::En => format!(" ({inner})"),
            Locale::ZhCn | Locale::ZhHk => format!("（{inner}）"),
        }
    }
    fn time(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        self.locale.format_time(at, self.zone)
    }
    /// A playbook text in the reader's language, else in the language it was recorded in.
    fn text<'a>(&self, wording: &'a Wording) -> &'a str {
        wording
            .get(&self.locale)
            .or_else(|| wording.values().next())
            .map_or("", String::as_str)
    }
}

impl FirstHour {
    /// The checklist as plain text, times in `zone`.
    pub fn render(&self, locale: Locale, zone: Zone) -> String {
        let pen = Pen { locale, zone };
        let mut out = String::new();
        self.header(&pen, &mut out);
        self.actions(&pen, &mut out);
        self.drafts(&pen, &mut out);
        self.clock(&pen, &mut out);
        out
    }

    fn header(&self, pen: &Pen, out: &mut String) {
        let colon = pen.colon();
        let incident = pen.t("事件", "事件", "Incident");
        let _ = writeln!(out, "{incident} {} — {}", self.incident, pen.time(self.at));
        if let Some(pin) = &self.playbook {
            let name = pen.t("应急预案", "應急預案", "Playbook");
            let _ = writeln!(out, "{name}{colon}{}@v{}", pin.playbook, pin.version);
        }
        if !self.roles_to_fill.is_empty() {
            let names: Vec<&str> = self
                .roles_to_fill
                .iter()
                .map(|r| pen.text(&r.name))
                .collect();
            let label = pen.t("待指定人员的角色", "待指定人員的角色", "Roles to fill");
            let _ = writeln!(out, "{label}{colon}{}", names.join(pen.list()));
        }
    }

    fn actions(&self, pen: &Pen, out: &mut String) {
        let title = pen.t(
            "按负责人列出的行动",
            "按負責人列出的行動",
            "Actions by owner",
        );
        let _ = writeln!(out, "\n{title}");
        for group in &self.owners {
            let role = group.role_name.as_ref().map(|w| pen.text(w));
            let who = match (role, &group.person) {
                (Some(role), Some(person)) => format!("{role}{}", pen.paren(person.as_str())),
                (Some(role), None) => {
                    format!(
                        "{role}{}",
                        pen.paren(pen.t("尚未指定", "尚未指定", "nobody yet"))
                    )
                }
                (None, Some(person)) => person.to_string(),
                (None, None) => pen.t("未指定负责人", "未指定負責人", "no owner").to_owned(),
            };
            let _ = writeln!(out, "  {who}");
            for a in &group.actions {
                let due = a.due.map_or_else(
                    || pen.t("未定期限", "未定期限", "no due time").to_owned(),
                    |at| pen.time(at),
                );
                let flag = if a.overdue {
                    pen.t("【已超时】", "【已逾時】", "[OVERDUE] ")
                } else {
                    ""
                };
                let title = a
                    .step_title
                    .as_ref()
                    .map_or(a.title.as_str(), |w| pen.text(w));
                let _ = writeln!(
                    out,
                    "    {flag}{due}  {title}{}",
                    pen.paren(a.kind.label(pen.locale))
                );
            }
        }
    }

    fn drafts(&self, pen: &Pen, out: &mut String) {
        let (colon, locale) = (pen.colon(), pen.locale);
        let title = pen.t("待审批的草稿", "待審批的草稿", "Drafts awaiting approval");
        let _ = writeln!(out, "\n{title}");
        if self.drafts.is_empty() {
            let _ = writeln!(out, "  {}", pen.t("无", "無", "none"));
        }
        for d in &self.drafts {
            let approver = d.approver.map_or_else(
                || pen.t("未指定", "未指定", "not named").to_owned(),
                |r| r.label(locale).to_owned(),
            );
            let (semi, by) = (
                pen.t("；", "；", "; "),
                pen.t("审批人", "審批人", "approver"),
            );
            let (kind, audience) = (d.kind.label(locale), d.audience.label(locale));
            let _ = writeln!(
                out,
                "  {}{colon}{kind} → {audience}{semi}{by}{colon}{approver}",
                d.notice_id
            );
            if !d.missing.is_empty() {
                let missing: Vec<&str> = d.missing.iter().map(|e| e.label(locale)).collect();
                let label = pen.t("待补充", "待補充", "still missing");
                let _ = writeln!(out, "    {label}{colon}{}", missing.join(pen.list()));
            }
        }
        let _ = writeln!(out);
    }

    fn clock(&self, pen: &Pen, out: &mut String) {
        let colon = pen.colon();
        let label = pen.t(
            "最近的监管时限",
            "最近的監管時限",
            "Nearest regulatory deadline",
        );
        match (&self.nearest_deadline, &self.no_deadline_reason) {
            (Some(d), _) => {
                let due = d.due.map_or_else(
                    || pen.t("立即", "立即", "immediately").to_owned(),
                    |at| pen.locale.format_deadline(at, pen.zone),
                );
                let flag = if d.overdue {
                    pen.t("（已逾期）", "（已逾期）", " (overdue)")
                } else {
                    ""
                };
                let comma = pen.t("，", "，", ", ");
                let _ = writeln!(
                    out,
                    "{label}{colon}{} — {}{comma}{due}{flag}",
                    d.regime_titles.or(pen.locale, &d.regime_name),
                    d.report_titles.or(pen.locale, &d.report_name)
                );
            }
            (None, reason) => {
                let why = match reason {
                    Some(NoDeadline::NoRegulation {}) | None => pen.t("未提供监管配置，无法计算", "未提供監管配置，無法計算", "no regulation given, so none computed"),
                    Some(NoDeadline::AwaitingFacts {}) => pen.t("暂无；以下制度待补充事实（如事件分级）后才能起算", "暫無；以下制度待補充事實（如事件分級）後才能起算", "none yet; these regimes wait for a fact (such as the grade) to start their clocks"),
                    Some(NoDeadline::NothingOpen {}) => pen.t("按所给监管配置，暂无待报事项", "按所給監管配置，暫無待報事項", "nothing owed under the regulation given"),
                };
                let _ = writeln!(out, "{label}{colon}{why}");
                if !self.regimes_undetermined.is_empty() {
                    let ids: Vec<&str> = self
                        .regimes_undetermined
                        .iter()
                        .map(|r| r.as_str())
                        .collect();
                    let _ = writeln!(out, "  {}", ids.join(", "));
                }
            }
        }
        if !self.regimes_not_evaluated.is_empty() {
            let ids: Vec<&str> = self
                .regimes_not_evaluated
                .iter()
                .map(|r| r.as_str())
                .collect();
            let label = pen.t(
                "预案要求评估但未纳入监管配置的制度",
                "預案要求評估但未納入監管配置的制度",
                "Regimes the playbook names that the regulation leaves out",
            );
            let _ = writeln!(out, "{label}{colon}{}", ids.join(", "));
        }
        let label = pen.t("计时器下次提醒", "計時器下次提醒", "Timer wakes next");
        match self.next_wake {
            Some(at) => {
                let items: Vec<String> = self
                    .next_wake_items
                    .iter()
                    .map(|i| i.describe(pen.locale))
                    .collect();
                let _ = writeln!(
                    out,
                    "{label}{colon}{} — {}",
                    pen.time(at),
                    items.join(pen.list())
                );
            }
            None => {
                let nothing = pen.t("没有待办的时限", "沒有待辦的時限", "nothing open");
                let _ = writeln!(out, "{label}{colon}{nothing}");
            }
        }
    }
}

impl WakeItem {
    /// The item in words.
    fn describe(&self, locale: Locale) -> String {
        match self {
            Self::Action { action_id } => {
                format!("{} {action_id}", tr(locale, "行动", "行動", "action"))
            }
            Self::Message { plan_item } => {
                format!("{} {plan_item}", tr(locale, "消息", "訊息", "message"))
            }
            Self::Alert { regime, report } => {
                format!(
                    "{} {regime}/{report}",
                    tr(locale, "监管提醒", "監管提醒", "regulatory alert")
                )
            }
        }
    }
}
