use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Audience, ContentElement, MessageKind};

use ContentElement::*;

/// The content elements a message of `kind` for `audience` must carry before it can be
/// approved, whatever the incident. These are the crate's defaults, one line per duty the
/// seeds name (`../shared/seeds/`, read 2026-12-06):
///
/// - The first seed (the B特派 theft case) asks a notice to give "具体事件的发生时间、发现的经过、
///   受影响的客户范围、以及企业所采取的应对措施" and "联系方式"; to share the security programme
///   ("分享他们所实施的信息安全方案"); to offer compensation ("提供一定的补偿措施"); to open feedback
///   channels; and, once handled, "事件的处理结果与后续的改进措施".
/// - The securities playbook asks to publish "事件发生的时间、原因、影响范围以及解决措施", to
///   publish the investigation's result ("公布调查结果") and to name a person responsible
///   ("建立专人负责").
/// - A notice to customers therefore also names its case owner, the complaint channels and
///   the next update; an update says what changed since the last one; every public document
///   carries its issue time (the date line of a 公告); a press document carries a media
///   contact apart from the customer hotline.
/// - A report to a supervisor carries what the CAC Measures ask of a report (国家网络安全事件
///   报告管理办法, in force 2025-11-01, Art. 6, as summarised in `../shared/REGULATIONS.md`
///   §4.1 and issue #16): the unit, the time, the grade, the impact, the measures, the
///   trend and likely further impact, the preservation of the scene, the support needed
///   and the reporter's name, title and telephone.
///
/// The elements depend on the kind only: each audience has its own kinds (a report to a
/// supervisor is a [`MessageKind::RegulatorReport`], a statement to the press a
/// [`MessageKind::HoldingStatement`] or [`MessageKind::PressRelease`]), so one template per
/// kind serves every audience it is sent to. What depends on the incident (the funds
/// taken, the cause once confirmed) is in [`conditional_elements`].
///
/// # Examples
/// ```
/// use incident::comms::{required_elements, Audience, ContentElement, MessageKind};
/// let need = required_elements(MessageKind::InitialNotice, Audience::AffectedCustomers);
/// assert!(need.contains(&ContentElement::ContactPoints));
/// assert!(need.contains(&ContentElement::CaseOwner));
/// ```
pub fn required_elements(kind: MessageKind, audience: Audience) -> &'static [ContentElement] {
    match (kind, audience) {
        (MessageKind::RegulatorReport, _) => &[
            OccurredAt,
            HowDiscovered,
            AffectedScope,
            DataCategories,
            MeasuresTaken,
            IncidentGrade,
            TrendAndImpact,
            ScenePreservation,
            SupportNeeded,
            Reporter,
            IssuedAt,
        ],
        (MessageKind::InitialNotice, _) => &[
            OccurredAt,
            HowDiscovered,
            AffectedScope,
            MeasuresTaken,
            WhatToDo,
            CompensationOffer,
            ContactPoints,
            CaseOwner,
            ComplaintChannels,
            NextUpdateTime,
            IssuedAt,
        ],
        (MessageKind::StaffBriefing, _) => &[
            OccurredAt,
            AffectedScope,
            MeasuresTaken,
            ContactPoints,
            MediaContact,
            NextUpdateTime,
            IssuedAt,
        ],
        (MessageKind::Update, _) => &[
            SinceLastUpdate,
            MeasuresTaken,
            ContactPoints,
            NextUpdateTime,
            IssuedAt,
        ],
        (MessageKind::HoldingStatement, _) => &[
            AffectedScope,
            MeasuresTaken,
            MediaContact,
            NextUpdateTime,
            IssuedAt,
        ],
        (MessageKind::PressRelease, _) => &[
            OccurredAt,
            AffectedScope,
            MeasuresTaken,
            SecurityImprovements,
            MediaContact,
            IssuedAt,
        ],
        (MessageKind::SpokespersonQa, _) => &[
            AffectedScope,
            MeasuresTaken,
            SecurityImprovements,
            MediaContact,
        ],
        (MessageKind::HotlineScript, _) => &[
            AffectedScope,
            WhatToDo,
            CompensationOffer,
            ContactPoints,
            ComplaintChannels,
        ],
        (MessageKind::IdentityTheftGuide, _) => &[WhatToDo, ContactPoints],
        (MessageKind::ResolutionNotice, _) => &[
            AffectedScope,
            MeasuresTaken,
            SecurityImprovements,
            CompensationOffer,
            ContactPoints,
            ComplaintChannels,
            IssuedAt,
        ],
        (MessageKind::Faq, _) => &[AffectedScope, WhatToDo, CompensationOffer, ContactPoints],
        (MessageKind::Survey, _) => &[],
    }
}

/// Something about the incident that adds required elements to a message.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ElementCondition {
    /// Money was taken: the incident is a funds theft, or its impact records funds involved.
    FundsTaken,
    /// The investigation has confirmed a cause: a root-cause finding names a category other
    /// than unknown.
    CauseConfirmed,
}

/// What the [conditions](ElementCondition) read about an incident; the lifecycle builds it
/// from the incident when a notice is approved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Situation {
    /// Money was taken.
    pub funds_taken: bool,
    /// A cause is confirmed.
    pub cause_confirmed: bool,
}

impl ElementCondition {
    /// Every condition.
    pub const ALL: [ElementCondition; 2] = [Self::FundsTaken, Self::CauseConfirmed];
}

impl Situation {
    /// Every condition holding: what a text written for any incident (a template, a
    /// reference draft) carries.
    pub const EVERY: Situation = Situation {
        funds_taken: true,
        cause_confirmed: true,
    };

    /// Whether `condition` holds.
    pub fn holds(self, condition: ElementCondition) -> bool {
        match condition {
            ElementCondition::FundsTaken => self.funds_taken,
            ElementCondition::CauseConfirmed => self.cause_confirmed,
        }
    }
}

/// The elements a message of `kind` for `audience` must carry in addition when `condition`
/// holds: the amounts taken in every customer document and the hotline script once funds
/// were taken (a scope that hides the money reads as evasion), and the confirmed cause in what goes
/// out after the investigation (updates, the resolution notice, the press release, the
/// spokesperson's answers), as the securities playbook's "公布调查结果" asks.
///
/// # Examples
/// ```
/// use incident::comms::{conditional_elements, Audience, ContentElement, ElementCondition, MessageKind};
/// let need = conditional_elements(MessageKind::InitialNotice, Audience::AffectedCustomers, ElementCondition::FundsTaken);
/// assert_eq!(need, &[ContentElement::FundsTaken]);
/// ```
pub fn conditional_elements(
    kind: MessageKind,
    audience: Audience,
    condition: ElementCondition,
) -> &'static [ContentElement] {
    use MessageKind::*;
    match condition {
        ElementCondition::FundsTaken => match kind {
            InitialNotice | Update | ResolutionNotice | Faq if audience.is_customers() => {
                &[FundsTaken]
            }
            HotlineScript => &[FundsTaken],
            _ => &[],
        },
        ElementCondition::CauseConfirmed => match kind {
            ResolutionNotice if audience.is_customers() => &[RootCause],
            RegulatorReport => &[RootCause],
            _ => &[],
        },
    }
}

/// One rule of [`ElementRules`]: a message of `kind` (for `audience`, or for any audience
/// when `null`) must carry `elements` (always, or only while `when` holds).
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
    /// The condition under which the rule applies; `null`: always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<ElementCondition>,
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
    /// The crate's defaults, as [`required_elements`] and [`conditional_elements`] state
    /// them: per kind one rule for any audience, and a rule of its own for each audience
    /// whose elements differ.
    pub fn defaults() -> Self {
        let mut rules = Vec::new();
        for kind in MessageKind::ALL {
            push_rules(&mut rules, kind, None, |a| required_elements(kind, a));
            for condition in ElementCondition::ALL {
                push_rules(&mut rules, kind, Some(condition), |a| {
                    conditional_elements(kind, a, condition)
                });
            }
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

    /// Adds or replaces the rule for its kind, audience and condition.
    pub fn set(&mut self, rule: ElementRule) {
        match self
            .rules
            .iter_mut()
            .find(|r| r.kind == rule.kind && r.audience == rule.audience && r.when == rule.when)
        {
            Some(slot) => *slot = rule,
            None => self.rules.push(rule),
        }
    }

    /// The rules.
    pub fn rules(&self) -> &[ElementRule] {
        &self.rules
    }

    /// The elements a message of `kind` for `audience` must carry whatever the incident.
    pub fn required(&self, kind: MessageKind, audience: Audience) -> BTreeSet<ContentElement> {
        self.rule(kind, audience, None)
            .map(|r| r.elements.clone())
            .unwrap_or_default()
    }

    /// The elements a message of `kind` for `audience` must carry in `situation`: those it
    /// always needs and those of every condition that holds.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{Audience, ContentElement, ElementRules, MessageKind, Situation};
    /// let rules = ElementRules::defaults();
    /// let theft = Situation { funds_taken: true, cause_confirmed: false };
    /// let need = rules.required_in(MessageKind::InitialNotice, Audience::AffectedCustomers, theft);
    /// assert!(need.contains(&ContentElement::FundsTaken));
    /// let leak = Situation::default();
    /// let need = rules.required_in(MessageKind::InitialNotice, Audience::AffectedCustomers, leak);
    /// assert!(!need.contains(&ContentElement::FundsTaken));
    /// ```
    pub fn required_in(
        &self,
        kind: MessageKind,
        audience: Audience,
        situation: Situation,
    ) -> BTreeSet<ContentElement> {
        let mut out = self.required(kind, audience);
        for condition in ElementCondition::ALL {
            if situation.holds(condition) {
                if let Some(rule) = self.rule(kind, audience, Some(condition)) {
                    out.extend(rule.elements.iter().copied());
                }
            }
        }
        out
    }

    /// The rule for `kind` and `when` that applies to `audience`: its own, else the one for
    /// any audience.
    fn rule(
        &self,
        kind: MessageKind,
        audience: Audience,
        when: Option<ElementCondition>,
    ) -> Option<&ElementRule> {
        let of = |a: Option<Audience>| {
            self.rules
                .iter()
                .find(|r| r.kind == kind && r.audience == a && r.when == when)
        };
        of(Some(audience)).or_else(|| of(None))
    }
}

/// The default rules for one kind and condition: one for any audience (the elements most
/// audiences need) and one per audience that needs others. A conditional rule that would
/// require nothing of any audience is left out.
fn push_rules(
    rules: &mut Vec<ElementRule>,
    kind: MessageKind,
    when: Option<ElementCondition>,
    elements: impl Fn(Audience) -> &'static [ContentElement],
) {
    let set = |a: Audience| elements(a).iter().copied().collect::<BTreeSet<_>>();
    let mut counts: Vec<(BTreeSet<ContentElement>, usize)> = Vec::new();
    for audience in Audience::ALL {
        let s = set(audience);
        match counts.iter_mut().find(|(c, _)| *c == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    let common = counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
        .unwrap_or_default();
    if when.is_none() || !common.is_empty() {
        rules.push(ElementRule {
            kind,
            audience: None,
            elements: common.clone(),
            when,
        });
    }
    for audience in Audience::ALL {
        let s = set(audience);
        if s != common {
            rules.push(ElementRule {
                kind,
                audience: Some(audience),
                elements: s,
                when,
            });
        }
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
    fn the_data_defaults_equal_the_functions_in_every_situation() {
        let rules = ElementRules::defaults();
        for kind in MessageKind::ALL {
            for audience in Audience::ALL {
                for funds_taken in [false, true] {
                    for cause_confirmed in [false, true] {
                        let situation = Situation {
                            funds_taken,
                            cause_confirmed,
                        };
                        let mut expected: BTreeSet<_> =
                            required_elements(kind, audience).iter().copied().collect();
                        for c in ElementCondition::ALL {
                            if situation.holds(c) {
                                expected.extend(conditional_elements(kind, audience, c));
                            }
                        }
                        assert_eq!(
                            rules.required_in(kind, audience, situation),
                            expected,
                            "{kind:?} {audience:?} {situation:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn funds_and_a_confirmed_cause_add_what_the_seeds_ask() {
        let rules = ElementRules::defaults();
        let both = Situation {
            funds_taken: true,
            cause_confirmed: true,
        };
        let customers = Audience::AffectedCustomers;
        let resolution = rules.required_in(MessageKind::ResolutionNotice, customers, both);
        assert!(resolution.contains(&FundsTaken) && resolution.contains(&RootCause));
        // The press is not told the amounts by default; a staff briefing needs neither.
        let holding = rules.required_in(MessageKind::HoldingStatement, Audience::Media, both);
        assert!(!holding.contains(&FundsTaken) && !holding.contains(&RootCause));
        let staff = rules.required_in(MessageKind::StaffBriefing, Audience::Employees, both);
        assert!(!staff.contains(&FundsTaken));
        // The initial notice goes out before a cause can be confirmed.
        let initial = rules.required_in(MessageKind::InitialNotice, customers, both);
        assert!(initial.contains(&FundsTaken) && !initial.contains(&RootCause));
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
            when: None,
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
            11
        );
        let empty = ElementRules::new([]);
        assert!(empty
            .required(MessageKind::InitialNotice, Audience::Media)
            .is_empty());
        let json = serde_json::to_string(&rules).unwrap();
        assert_eq!(serde_json::from_str::<ElementRules>(&json).unwrap(), rules);
    }
}
