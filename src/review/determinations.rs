//! The determinations and CAC grades recorded for the clocks, each with the computed
//! assessment behind it, for the review report: an auditor reads here whether "not major"
//! was the rule's answer or a person's, which criteria decided, what was still unknown, and
//! why a person departed from the rule.
//!
//! The facts an assessment read stay in the log (they include amounts the report may have
//! to withhold); the report names the criteria and the missing facts, not their values.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::report_markdown::{cell, table_head, table_row};
use crate::locale::{tr, Label, Locale, Zone};
use crate::regulation::{AssessmentRecord, FactChange, FactHistory, Outcome, ProposedOutcome, Tri};

/// A determination or grade as recorded, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeterminationLine {
    /// When it was recorded (the envelope's time).
    pub recorded_at: DateTime<Utc>,
    /// The answer recorded.
    pub answer: Outcome,
    /// The basis the person gave.
    pub basis: String,
    /// The computed assessment it was recorded with; `None` when a person recorded the
    /// answer without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed: Option<AssessedLine>,
}

/// What the rule proposed for a recorded answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessedLine {
    /// The rule and its source.
    pub rule: String,
    /// The rule's proposal.
    pub proposed: ProposedOutcome,
    /// The citations of the criteria that decided the proposal (empty when undetermined).
    pub decided_by: Vec<String>,
    /// The facts the rule needed and did not have, each once, in the text's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Why the recorded answer departs from the proposal; present exactly when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

impl AssessedLine {
    fn of(record: &AssessmentRecord) -> Self {
        let proposal = &record.proposal;
        let decided_by = proposal
            .criteria
            .iter()
            .filter(|c| proposal.fired.contains(&c.id))
            .map(|c| c.citation.clone())
            .collect();
        let mut missing: Vec<String> = Vec::new();
        for name in proposal
            .criteria
            .iter()
            .filter(|c| c.status == Tri::Unknown)
            .flat_map(|c| &c.missing)
        {
            if !missing.contains(name) {
                missing.push(name.clone());
            }
        }
        Self {
            rule: proposal.rule.clone(),
            proposed: proposal.outcome.clone(),
            decided_by,
            missing,
            override_reason: record.override_reason.clone(),
        }
    }
}

/// Every determination and grade recorded at or before `at`, oldest first.
pub(super) fn lines(history: &FactHistory, at: DateTime<Utc>) -> Vec<DeterminationLine> {
    history
        .changes
        .iter()
        .take_while(|c| c.recorded_at <= at)
        .filter_map(|c| {
            let (answer, basis, assessment) = match &c.change {
                FactChange::Determination {
                    fact,
                    value,
                    basis,
                    assessment,
                    ..
                } => (
                    Outcome::Determination {
                        fact: fact.clone(),
                        value: *value,
                    },
                    basis,
                    assessment,
                ),
                FactChange::Grade { grade, assessment } => (
                    Outcome::Grade { grade: grade.grade },
                    &grade.basis,
                    assessment,
                ),
                _ => return None,
            };
            Some(DeterminationLine {
                recorded_at: c.recorded_at,
                answer,
                basis: basis.clone(),
                assessed: assessment.as_deref().map(AssessedLine::of),
            })
        })
        .collect()
}

/// The answer in words: `major_incident: yes`, `CAC grade: 较大`.
fn answer(locale: Locale, outcome: &Outcome) -> String {
    let (colon, _, _) = locale.punctuation();
    match outcome {
        Outcome::Determination { fact, value } => {
            let yes_no = if *value {
                tr(locale, "是", "是", "yes")
            } else {
                tr(locale, "否", "否", "no")
            };
            format!("{}{colon}{yes_no}", fact.as_str())
        }
        Outcome::Grade { grade } => format!(
            "{}{colon}{}",
            tr(locale, "网信部门分级", "網信部門分級", "CAC grade"),
            grade.label(locale)
        ),
    }
}

fn proposed(locale: Locale, outcome: &ProposedOutcome) -> String {
    match outcome {
        ProposedOutcome::Settled { outcome } => answer(locale, outcome),
        ProposedOutcome::AtLeast { outcome } => {
            format!(
                "{} {}",
                tr(locale, "至少", "至少", "at least"),
                answer(locale, outcome)
            )
        }
        ProposedOutcome::Undetermined {} => {
            tr(locale, "无法确定", "無法確定", "undetermined").to_owned()
        }
    }
}

/// The section, or a sentence saying none was recorded.
pub(super) fn write_markdown(
    out: &mut String,
    locale: Locale,
    zone: Zone,
    lines: &[DeterminationLine],
) {
    let t = |zh, zh_hk, en| tr(locale, zh, zh_hk, en);
    let _ = write!(
        out,
        "\n## {}\n\n",
        t("认定与分级", "認定與分級", "Determinations and grades")
    );
    if lines.is_empty() {
        out.push_str(t(
            "未记录任何认定或分级。\n",
            "未記錄任何認定或分級。\n",
            "No determination or grade was recorded.\n",
        ));
        return;
    }
    table_head(
        out,
        &[
            t("记录时间", "記錄時間", "Recorded"),
            t("结论", "結論", "Answer"),
            t("依据", "依據", "Basis"),
            t("规则建议", "規則建議", "Rule proposed"),
            t("决定性标准", "決定性準則", "Decided by"),
            t("缺少的事实", "缺少的事實", "Facts missing"),
            t("偏离理由", "偏離理由", "Reason for departing"),
        ],
    );
    let (_, _, semi) = locale.punctuation();
    for line in lines {
        let none = || t("未经计算评估", "未經計算評估", "not assessed").to_owned();
        let dash = || "—".to_owned();
        let a = line.assessed.as_ref();
        table_row(
            out,
            &[
                locale.format_time(line.recorded_at, zone),
                answer(locale, &line.answer),
                cell(&line.basis),
                a.map_or_else(none, |a| proposed(locale, &a.proposed)),
                a.filter(|a| !a.decided_by.is_empty())
                    .map_or_else(dash, |a| cell(&a.decided_by.join(semi))),
                a.filter(|a| !a.missing.is_empty())
                    .map_or_else(dash, |a| cell(&a.missing.join(semi))),
                a.and_then(|a| a.override_reason.as_deref())
                    .map_or_else(dash, cell),
            ],
        );
    }
}
