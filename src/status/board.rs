//! The firm's status board: the components (services it names to the public) with their
//! status, and scheduled maintenance. Host data, not incident events: a component outlives
//! any one incident, and maintenance is planned before anything goes wrong.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::{ComponentId, MaintenanceId};
use crate::locale::{tr, Label, Locale};

/// How a component is doing, in the vocabulary status pages share (Atlassian Statuspage,
/// Cachet): operational, degraded, partial or major outage, under maintenance.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ComponentStatus {
    /// Working normally.
    Operational,
    /// Working, but slower or with errors.
    Degraded,
    /// Unavailable for some customers or functions.
    PartialOutage,
    /// Unavailable.
    MajorOutage,
    /// Taken down on purpose for planned work.
    UnderMaintenance,
}

impl ComponentStatus {
    /// Every status, from best to worst.
    pub const ALL: [ComponentStatus; 5] = [
        Self::Operational,
        Self::UnderMaintenance,
        Self::Degraded,
        Self::PartialOutage,
        Self::MajorOutage,
    ];

    /// The stable snake_case name (as in JSON, and the HTML `data-status` attribute).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Operational => "operational",
            Self::Degraded => "degraded",
            Self::PartialOutage => "partial_outage",
            Self::MajorOutage => "major_outage",
            Self::UnderMaintenance => "under_maintenance",
        }
    }

    /// The worse of two statuses, in the order of [`ComponentStatus::ALL`].
    pub fn worst(self, other: ComponentStatus) -> ComponentStatus {
        let rank = |s: ComponentStatus| Self::ALL.iter().position(|a| *a == s).unwrap_or(0);
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

impl Label for ComponentStatus {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Operational => ("运行正常", "運作正常", "operational"),
            Self::Degraded => ("性能下降", "效能下降", "degraded performance"),
            Self::PartialOutage => ("部分中断", "部分中斷", "partial outage"),
            Self::MajorOutage => ("服务中断", "服務中斷", "major outage"),
            Self::UnderMaintenance => ("维护中", "維護中", "under maintenance"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// A service the firm names on its status page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// Stable id (subscriptions name it).
    pub id: ComponentId,
    /// Its name in every language ([`StatusBoard::problems`] checks that none is missing).
    pub name: BTreeMap<Locale, String>,
    /// How it is doing now.
    pub status: ComponentStatus,
}

/// Planned work announced on the status page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Maintenance {
    /// Stable id.
    pub id: MaintenanceId,
    /// What is done, in every language.
    pub title: BTreeMap<Locale, String>,
    /// When it starts.
    pub starts_at: DateTime<Utc>,
    /// When it ends.
    pub ends_at: DateTime<Utc>,
    /// The components it takes down or slows.
    pub components: BTreeSet<ComponentId>,
}

/// The firm's components and scheduled maintenance (a host file, schema `status_board`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBoard {
    /// The components, in the order the page lists them.
    #[serde(default)]
    pub components: Vec<Component>,
    /// Scheduled maintenance, in any order (the page sorts it by start).
    #[serde(default)]
    pub maintenance: Vec<Maintenance>,
}

/// Something wrong with a status board.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BoardProblem {
    /// Two components share an id.
    #[error("component {0} appears twice: give each component its own id")]
    DuplicateComponent(ComponentId),
    /// A name or title lacks a language: the page would switch language or print nothing.
    #[error("{what} has no {locale} text: write it in zh-CN, zh-HK and en")]
    MissingText {
        /// The component or maintenance.
        what: String,
        /// The language missing.
        locale: Locale,
    },
    /// Maintenance that ends before it starts.
    #[error("maintenance {0} ends before it starts: swap starts_at and ends_at")]
    EndsBeforeStart(MaintenanceId),
    /// Maintenance naming a component the board does not list.
    #[error("maintenance {maintenance} names component {component}, which the board does not list: add it or remove the reference")]
    UnknownComponent {
        /// The maintenance.
        maintenance: MaintenanceId,
        /// The unknown component.
        component: ComponentId,
    },
}

impl StatusBoard {
    /// The component with this id.
    pub fn component(&self, id: &ComponentId) -> Option<&Component> {
        self.components.iter().find(|c| &c.id == id)
    }

    /// Every problem of the board, empty when it can be published: a host checks it when
    /// it loads the file, so a page never has to print a blank where a name should be.
    ///
    /// # Examples
    /// ```
    /// use incident::status::{BoardProblem, StatusBoard};
    /// let board: StatusBoard = serde_json::from_str(
    ///     r#"{"components":[{"id":"app","name":{"en":"Mobile app"},"status":"operational"}]}"#,
    /// )?;
    /// assert!(matches!(board.problems()[0], BoardProblem::MissingText { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn problems(&self) -> Vec<BoardProblem> {
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        for c in &self.components {
            if !seen.insert(&c.id) {
                problems.push(BoardProblem::DuplicateComponent(c.id.clone()));
            }
            missing_text(&mut problems, &format!("component {}", c.id), &c.name);
        }
        for m in &self.maintenance {
            missing_text(&mut problems, &format!("maintenance {}", m.id), &m.title);
            if m.ends_at < m.starts_at {
                problems.push(BoardProblem::EndsBeforeStart(m.id.clone()));
            }
            for component in m.components.iter().filter(|c| !seen.contains(c)) {
                problems.push(BoardProblem::UnknownComponent {
                    maintenance: m.id.clone(),
                    component: component.clone(),
                });
            }
        }
        problems
    }

    /// The board as the public should see it while `pages` are published: each
    /// component's status is the worst of the board's own and of every page that links
    /// it ([`StatusPage::components`](super::StatusPage::components)), so a component an
    /// unresolved incident affects is never shown operational.
    ///
    /// # Examples
    /// ```
    /// use incident::status::{ComponentStatus, StatusBoard};
    /// let board = StatusBoard::default();
    /// assert_eq!(board.with_incidents([]), board);
    /// assert_eq!(
    ///     ComponentStatus::Degraded.worst(ComponentStatus::MajorOutage),
    ///     ComponentStatus::MajorOutage
    /// );
    /// ```
    pub fn with_incidents<'a>(
        &self,
        pages: impl IntoIterator<Item = &'a super::StatusPage>,
    ) -> StatusBoard {
        let mut board = self.clone();
        for page in pages {
            for (id, status) in &page.components {
                if let Some(c) = board.components.iter_mut().find(|c| &c.id == id) {
                    c.status = c.status.worst(*status);
                }
            }
        }
        board
    }

    /// Maintenance not yet over at `at`, soonest first.
    pub fn upcoming(&self, at: DateTime<Utc>) -> Vec<&Maintenance> {
        let mut list: Vec<&Maintenance> =
            self.maintenance.iter().filter(|m| m.ends_at > at).collect();
        list.sort_by_key(|m| (m.starts_at, m.id.clone()));
        list
    }
}

fn missing_text(problems: &mut Vec<BoardProblem>, what: &str, text: &BTreeMap<Locale, String>) {
    for locale in Locale::ALL {
        if text.get(&locale).is_none_or(|t| t.trim().is_empty()) {
            problems.push(BoardProblem::MissingText {
                what: what.to_owned(),
                locale,
            });
        }
    }
}

/// The text in `locale` of a board name the board's checks passed.
pub(super) fn text_in(text: &BTreeMap<Locale, String>, locale: Locale) -> &str {
    text.get(&locale).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_board_names_every_problem_and_labels_are_distinct() {
        crate::locale::assert_labels_distinct(&ComponentStatus::ALL);
        let board: StatusBoard = serde_json::from_value(serde_json::json!({
            "components": [
                {"id": "app", "name": {"zh-CN": "手机银行", "zh-HK": "手機銀行", "en": "Mobile banking"}, "status": "operational"},
                {"id": "app", "name": {"zh-CN": "网银", "zh-HK": "網上銀行", "en": ""}, "status": "degraded"}
            ],
            "maintenance": [{"id": "m1", "title": {"zh-CN": "升级", "zh-HK": "升級", "en": "Upgrade"},
                "starts_at": "2026-12-08T02:00:00Z", "ends_at": "2026-12-08T01:00:00Z", "components": ["web"]}]
        }))
        .unwrap();
        let problems: Vec<String> = board.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "component app appears twice: give each component its own id",
                "component app has no en text: write it in zh-CN, zh-HK and en",
                "maintenance m1 ends before it starts: swap starts_at and ends_at",
                "maintenance m1 names component web, which the board does not list: add it or remove the reference",
            ]
        );
        assert!(serde_json::from_value::<StatusBoard>(serde_json::json!({"extra": 1})).is_err());
    }
}
