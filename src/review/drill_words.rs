//! The words a drill scorecard is written in, and each gap as a line of it.

use chrono::{DateTime, Utc};

use super::drill::DrillGap;
use super::report_markdown::cell;
use crate::locale::{format_seconds, tr, Label, Locale, Zone};

/// The words a scorecard is written in: the locale's strings and punctuation, times in a
/// zone.
pub(super) struct Words {
    pub(super) locale: Locale,
    pub(super) zone: Zone,
    pub(super) colon: &'static str,
    pub(super) comma: &'static str,
}

impl Words {
    pub(super) fn new(locale: Locale, zone: Zone) -> Self {
        let (colon, comma) = match locale {
            Locale::ZhCn | Locale::ZhHk => ("：", "，"),
            Locale::En => (": ", ", "),
        };
        Self {
            locale,
            zone,
            colon,
            comma,
        }
    }

    pub(super) fn t(
        &self,
        zh_cn: &'static str,
        zh_hk: &'static str,
        en: &'static str,
    ) -> &'static str {
        tr(self.locale, zh_cn, zh_hk, en)
    }

    pub(super) fn time(&self, at: DateTime<Utc>) -> String {
        self.locale.format_time(at, self.zone)
    }

    /// A due time: midnight reads as 24:00 of the day before ([`Locale::format_deadline`]).
    pub(super) fn deadline(&self, at: DateTime<Utc>) -> String {
        self.locale.format_deadline(at, self.zone)
    }

    pub(super) fn seconds(&self, seconds: i64) -> String {
        format_seconds(self.locale, seconds)
    }
}

/// One gap as a line of the scorecard.
pub(super) fn gap_line(gap: &DrillGap, w: &Words) -> String {
    let colon = w.colon;
    match gap {
        DrillGap::DeadlineMissed {
            regime,
            report,
            overdue_seconds,
        } => format!(
            "{} {regime} / {report}{colon}{} {}",
            w.t("未报送", "未報送", "Missed"),
            w.t("已逾期", "已逾期", "overdue by"),
            w.seconds(*overdue_seconds)
        ),
        DrillGap::DeadlineLate {
            regime,
            report,
            late_seconds,
        } => format!(
            "{} {regime} / {report}{colon}{} {}",
            w.t("逾期报送", "逾期報送", "Filed late"),
            w.t("晚了", "晚了", "late by"),
            w.seconds(*late_seconds)
        ),
        DrillGap::RegimeUndetermined { regime, missing } => {
            let missing: Vec<String> = missing.iter().map(|m| m.describe(w.locale)).collect();
            format!(
                "{} {regime}{colon}{}",
                w.t(
                    "无法判断是否适用",
                    "無法判斷是否適用",
                    "Could not tell whether this applies:"
                ),
                cell(&missing.join(w.t("；", "；", "; ")))
            )
        }
        DrillGap::NoticeIncomplete { notice_id, missing } => {
            let missing: Vec<&str> = missing.iter().map(|e| e.label(w.locale)).collect();
            format!(
                "{} {notice_id}{colon}{}",
                w.t("通知内容不完整", "通知內容不完整", "Incomplete notice"),
                w.locale.join_list(missing)
            )
        }
        DrillGap::PlanMessageOverdue {
            item,
            message,
            audience,
            due_at,
            ..
        } => format!(
            "{} {item}{colon}{} → {} ({} {})",
            w.t(
                "计划内消息逾期未发",
                "計劃內消息逾期未發",
                "Planned message overdue"
            ),
            message.label(w.locale),
            audience.label(w.locale),
            w.t("截止", "截止", "due"),
            due_at.map_or_else(
                || w.t("立即", "立即", "immediately").to_owned(),
                |at| w.deadline(at)
            )
        ),
        DrillGap::ContainmentSlow {
            target_seconds,
            actual_seconds,
        } => format!(
            "{}{colon}{} / {} {}",
            w.t("遏制过慢", "遏制過慢", "Containment slow"),
            w.seconds(*actual_seconds),
            w.t("目标", "目標", "target"),
            w.seconds(*target_seconds)
        ),
        DrillGap::NotContained { target_seconds } => format!(
            "{} ({} {})",
            w.t("未能遏制", "未能遏制", "Not contained"),
            w.t("目标", "目標", "target"),
            w.seconds(*target_seconds)
        ),
        DrillGap::CustomerNoticeSlow {
            target_seconds,
            actual_seconds,
        } => format!(
            "{}{colon}{} / {} {}",
            w.t("客户通知过慢", "客戶通知過慢", "Customer notice slow"),
            actual_seconds.map_or_else(
                || w.t("未发送", "未發送", "not sent").to_owned(),
                |s| w.seconds(s)
            ),
            w.t("目标", "目標", "target"),
            w.seconds(*target_seconds)
        ),
    }
}
