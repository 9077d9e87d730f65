use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Audience, ContentElement, MessageKind};

use ContentElement::*;

/// The content elements a message of `kind` for `audience` must carry before it can be
/// approved. These are the crate's defaults:
///
/// - An initial notice to customers carries when it happened, how it was found, who is
///   affected, what has been done and how to reach the firm: the first seed (the B特派 theft
///   case) lists "具体事件的发生时间、发现的经过、受影响的客户范围、以及企业所采取的应对措施"
///   and "联系方式"; the securities playbook asks to publish "事件发生的时间、原因、影响范围以及解决措施".
/// - A resolution notice reports the results and the improvements ("事件的处理结果与后续的改进措施",
///   first seed), plus the scope and contact points.
/// - Updates and media holding statements promise the next update; regulator reports carry
///   the facts a supervisor asks for; an identity-theft guide says what to do.
///
/// # Examples
/// ```
/// use incident::comms::{required_elements, Audience, ContentElement, MessageKind};
/// let need = required_elements(MessageKind::InitialNotice, Audience::AffectedCustomers);
/// assert!(need.contains(&ContentElement::ContactPoints));
/// ```
pub fn required_elements(kind: MessageKind, audience: Audience) -> &'static [ContentElement] {
    match (kind, audience) {
        (MessageKind::InitialNotice, Audience::Regulators | Audience::LawEnforcement)
        | (MessageKind::RegulatorReport, _) => &[
            OccurredAt,
            HowDiscovered,
            AffectedScope,
            DataCategories,
            MeasuresTaken,
            ContactPoints,
        ],
        (MessageKind::InitialNotice, _) => &[
            OccurredAt,
            HowDiscovered,
            AffectedScope,
            MeasuresTaken,
            ContactPoints,
        ],
        (MessageKind::Update, _) => &[MeasuresTaken, NextUpdateTime],
        (MessageKind::HoldingStatement, _) => {
            &[AffectedScope, MeasuresTaken, NextUpdateTime, ContactPoints]
        }
        (MessageKind::IdentityTheftGuide, _) => &[WhatToDo, ContactPoints],
        (MessageKind::ResolutionNotice, _) => &[
            AffectedScope,
            MeasuresTaken,
            SecurityImprovements,
            ContactPoints,
        ],
        (MessageKind::Faq, _) => &[ContactPoints],
        (MessageKind::Survey, _) => &[],
    }
}

/// One rule of [`ElementRules`]: a message of `kind` (for `audience`, or for any audience
/// when `null`) must carry `elements`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementRule {
    /// The message kind.
    pub kind: MessageKind,
    /// The audience, or `null` for every audience without a rule of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// The elements required.
    pub elements: BTreeSet<ContentElement>,
}

/// The required content elements as data, so a host can state its own (a stricter initial
/// notice, a regulator report with its regulator's fields) and adopt them with its
/// [`CommsPlan`](super::CommsPlan). An audience-specific rule wins over a generic one; a
/// kind without a rule requires nothing.
///
/// # Examples
/// ```
/// use incident::comms::ElementRules;
/// use incident::comms::{required_elements, Audience, ContentElement, MessageKind};
/// let rules = ElementRules::defaults();
/// let need = rules.required(MessageKind::InitialNotice, Audience::AffectedCustomers);
/// assert!(need.contains(&ContentElement::ContactPoints));
/// assert_eq!(need.len(), required_elements(MessageKind::InitialNotice, Audience::AffectedCustomers).len());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct ElementRules {
    rules: Vec<ElementRule>,
}

impl ElementRules {
    /// The crate's defaults, as [`required_elements`] states them.
    pub fn defaults() -> Self {
        let rule = |kind, audience| ElementRule {
            kind,
            audience,
            elements: required_elements(kind, audience.unwrap_or(Audience::AffectedCustomers))
                .iter()
                .copied()
                .collect(),
        };
        let mut rules = vec![
            rule(MessageKind::InitialNotice, Some(Audience::Regulators)),
            rule(MessageKind::InitialNotice, Some(Audience::LawEnforcement)),
        ];
        for kind in MessageKind::ALL {
            rules.push(rule(kind, None));
        }
        Self { rules }
    }

    /// Rules from a list (later rules for the same kind and audience replace earlier ones).
    pub fn new(rules: impl IntoIterator<Item = ElementRule>) -> Self {
        let mut out = Self { rules: Vec::new() };
        for rule in rules {
            out.set(rule);
        }
        out
    }

    /// Adds or replaces the rule for its kind and audience.
    pub fn set(&mut self, rule: ElementRule) {
        match self
            .rules
            .iter_mut()
            .find(|r| r.kind == rule.kind && r.audience == rule.audience)
        {
            Some(slot) => *slot = rule,
            None => self.rules.push(rule),
        }
    }

    /// The rules.
    pub fn rules(&self) -> &[ElementRule] {
        &self.rules
    }

    /// The elements a message of `kind` for `audience` must carry.
    pub fn required(&self, kind: MessageKind, audience: Audience) -> BTreeSet<ContentElement> {
        self.rules
            .iter()
            .find(|r| r.kind == kind && r.audience == Some(audience))
            .or_else(|| {
                self.rules
                    .iter()
                    .find(|r| r.kind == kind && r.audience.is_none())
            })
            .map(|r| r.elements.clone())
            .unwrap_or_default()
    }
}

impl Default for ElementRules {
    fn default() -> Self {
        Self::defaults()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_defaults_equal_the_function_for_every_kind_and_audience() {
        let rules = ElementRules::defaults();
        for kind in MessageKind::ALL {
            for audience in Audience::ALL {
                let expected: BTreeSet<_> =
                    required_elements(kind, audience).iter().copied().collect();
                assert_eq!(
                    rules.required(kind, audience),
                    expected,
                    "{kind:?} {audience:?}"
                );
            }
        }
    }

    #[test]
    fn a_host_rule_replaces_and_an_audience_rule_wins() {
        let mut rules = ElementRules::defaults();
        rules.set(ElementRule {
            kind: MessageKind::InitialNotice,
            audience: Some(Audience::Media),
            elements: [ContentElement::Apology, ContentElement::ContactPoints]
                .into_iter()
                .collect(),
        });
        assert_eq!(
            rules
                .required(MessageKind::InitialNotice, Audience::Media)
                .len(),
            2
        );
        assert_eq!(
            rules
                .required(MessageKind::InitialNotice, Audience::AllCustomers)
                .len(),
            5
        );
        let empty = ElementRules::new([]);
        assert!(empty
            .required(MessageKind::InitialNotice, Audience::Media)
            .is_empty());
        let json = serde_json::to_string(&rules).unwrap();
        assert_eq!(serde_json::from_str::<ElementRules>(&json).unwrap(), rules);
    }
}
