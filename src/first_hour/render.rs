//! The first-hour checklist as text for people, in zh-CN, zh-HK or en.

use std::fmt::Write as _;

use super::{FirstHour, NoDeadline};
use crate::locale::{tr, Label, Locale, Zone};

impl FirstHour {
    /// The checklist as plain text, times in `zone`.
    pub fn render(&self, locale: Locale, zone: Zone) -> String {
        let t = |zh_cn, zh_hk, en| tr(locale, zh_cn, zh_hk, en);
        let time = |at| locale.format_time(at, zone.clone());
        let colon = t("：", "：", ": ");
        let list = t("、", "、", ", ");
        let paren = |inner: &str| match locale {
            Locale::En => format!(" ({inner})"),
            Locale::ZhCn | Locale::ZhHk => format!("（{inner}）"),
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {} — {}",
            t("事件", "事件", "Incident"),
            self.incident,
            time(self.at)
        );
        if let Some(pin) = &self.playbook {
            let _ = writeln!(
                out,
                "{}{colon}{}@v{}",
                t("应急预案", "應急預案", "Playbook"),
                pin.playbook,
                pin.version
            );
        }
        if !self.roles_to_fill.is_empty() {
            let names: Vec<&str> = self
                .roles_to_fill
                .iter()
                .map(|r| in_locale(&r.name, locale))
                .collect();
            let _ = writeln!(
                out,
                "{}{colon}{}",
                t("待指定人员的角色", "待指定人員的角色", "Roles to fill"),
                names.join(list)
            );
        }
        let _ = writeln!(
            out,
            "\n{}",
            t(
                "按负责人列出的行动",
                "按負責人列出的行動",
                "Actions by owner"
            )
        );
        for group in &self.owners {
            let role = group.role_name.as_ref().map(|w| in_locale(w, locale));
            let who = match (role, &group.person) {
                (Some(role), Some(person)) => format!("{role}{}", paren(person.as_str())),
                (Some(role), None) => {
                    format!("{role}{}", paren(t("尚未指定", "尚未指定", "nobody yet")))
                }
                (None, Some(person)) => person.to_string(),
                (None, None) => t("未指定负责人", "未指定負責人", "no owner").to_owned(),
            };
            let _ = writeln!(out, "  {who}");
            for a in &group.actions {
                let due = a
                    .due
                    .map_or_else(|| t("未定期限", "未定期限", "no due time").to_owned(), time);
                let flag = if a.overdue {
                    t("【已超时】", "【已逾時】", "[OVERDUE] ")
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "    {flag}{due}  {}{}",
                    a.step_title
                        .as_ref()
                        .map_or(a.title.as_str(), |w| in_locale(w, locale)),
                    paren(a.kind.label(locale))
                );
            }
        }
        let _ = writeln!(
            out,
            "\n{}",
            t("待审批的草稿", "待審批的草稿", "Drafts awaiting approval")
        );
        if self.drafts.is_empty() {
            let _ = writeln!(out, "  {}", t("无", "無", "none"));
        }
        for d in &self.drafts {
            let approver = d.approver.map_or_else(
                || t("未指定", "未指定", "not named").to_owned(),
                |r| r.label(locale).to_owned(),
            );
            let _ = writeln!(
                out,
                "  {}{colon}{} → {}{}{}{colon}{approver}",
                d.notice_id,
                d.kind.label(locale),
                d.audience.label(locale),
                t("；", "；", "; "),
                t("审批人", "審批人", "approver")
            );
            if !d.missing.is_empty() {
                let missing: Vec<&str> = d.missing.iter().map(|e| e.label(locale)).collect();
                let _ = writeln!(
                    out,
                    "    {}{colon}{}",
                    t("待补充", "待補充", "still missing"),
                    missing.join(list)
                );
            }
        }
        let _ = writeln!(out);
        match (&self.nearest_deadline, &self.no_deadline_reason) {
            (Some(d), _) => {
                let due = d.due.map_or_else(
                    || t("立即", "立即", "immediately").to_owned(),
                    |at| locale.format_deadline(at, zone.clone()),
                );
                let flag = if d.overdue {
                    t("（已逾期）", "（已逾期）", " (overdue)")
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "{}{colon}{} — {}{}{}{flag}",
                    t(
                        "最近的监管时限",
                        "最近的監管時限",
                        "Nearest regulatory deadline"
                    ),
                    d.regime_name,
                    d.report_name,
                    t("，", "，", ", "),
                    due
                );
            }
            (None, reason) => {
                let why = match reason {
                    Some(NoDeadline::NoRegulation {}) | None => t("未提供监管配置，无法计算", "未提供監管配置，無法計算", "no regulation given, so none computed"),
                    Some(NoDeadline::AwaitingFacts {}) => t("暂无；以下制度待补充事实（如事件分级）后才能起算", "暫無；以下制度待補充事實（如事件分級）後才能起算", "none yet; these regimes wait for a fact (such as the grade) to start their clocks"),
                    Some(NoDeadline::NothingOpen {}) => t("按所给监管配置，暂无待报事项", "按所給監管配置，暫無待報事項", "nothing owed under the regulation given"),
                };
                let _ = writeln!(
                    out,
                    "{}{colon}{why}",
                    t(
                        "最近的监管时限",
                        "最近的監管時限",
                        "Nearest regulatory deadline"
                    )
                );
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
            let _ = writeln!(
                out,
                "{}{colon}{}",
                t(
                    "预案要求评估但未纳入监管配置的制度",
                    "預案要求評估但未納入監管配置的制度",
                    "Regimes the playbook names that the regulation leaves out"
                ),
                ids.join(", ")
            );
        }
        match self.next_wake {
            Some(at) => {
                let items: Vec<String> = self
                    .next_wake_items
                    .iter()
                    .map(|i| i.describe(locale))
                    .collect();
                let _ = writeln!(
                    out,
                    "{}{colon}{} — {}",
                    t("计时器下次提醒", "計時器下次提醒", "Timer wakes next"),
                    time(at),
                    items.join(list)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}",
                    t(
                        "计时器：没有待办的时限",
                        "計時器：沒有待辦的時限",
                        "Timer: nothing open"
                    )
                );
            }
        }
        out
    }
}

impl super::WakeItem {
    /// The item in words.
    fn describe(&self, locale: Locale) -> String {
        match self {
            Self::Action { action_id } => {
                format!("{} {action_id}", tr(locale, "行动", "行動", "action"))
            }
            Self::Message { plan_item } => {
                format!("{} {plan_item}", tr(locale, "消息", "訊息", "message"))
            }
            Self::Alert { regime, report } => format!(
                "{} {regime}/{report}",
                tr(locale, "监管提醒", "監管提醒", "regulatory alert")
            ),
        }
    }
}

/// The text in `locale`, else in the first language it has (the one it was recorded in).
fn in_locale(wording: &crate::playbook::Wording, locale: Locale) -> &str {
    wording
        .get(&locale)
        .or_else(|| wording.values().next())
        .map_or("", String::as_str)
}
