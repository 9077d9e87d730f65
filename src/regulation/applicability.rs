//! When a regime or report applies: a small condition language over the entity's profile
//! and the incident's facts, evaluated in three values (yes, no, cannot tell) so a missing
//! fact is named instead of guessed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    CnGrade, EntityProfile, EntityType, IncidentFacts, Milestone, MissingFact, Tri, Verdict,
};
use crate::{classify::DataCategory, classify::Jurisdiction, id::FactName, IncidentKind};

/// A condition on the entity and the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "test", rename_all = "snake_case", deny_unknown_fields)]
pub enum Applicability {
    /// Always true.
    Always {},
    /// Every condition holds.
    All {
        /// The conditions.
        all: Vec<Applicability>,
    },
    /// At least one condition holds.
    Any {
        /// The conditions.
        any: Vec<Applicability>,
    },
    /// The condition does not hold.
    Not {
        /// The condition.
        not: Box<Applicability>,
    },
    /// The entity is established in one of these jurisdictions (`EU` covers the Member
    /// States, `US` covers `US-NY`).
    EstablishedIn {
        /// The jurisdictions.
        jurisdictions: Vec<Jurisdiction>,
    },
    /// Affected people are in one of these jurisdictions. Unknown until the incident
    /// records where affected people are.
    AffectedIn {
        /// The jurisdictions.
        jurisdictions: Vec<Jurisdiction>,
    },
    /// The entity is of one of these types.
    EntityType {
        /// The types.
        any_of: Vec<EntityType>,
    },
    /// The incident is of one of these kinds.
    Kind {
        /// The kinds.
        any_of: Vec<IncidentKind>,
    },
    /// One of these data categories was exposed. Unknown while the incident records no
    /// data categories.
    DataExposed {
        /// The categories.
        any_of: Vec<DataCategory>,
    },
    /// Personal data (any category about a person) was exposed. Unknown while the incident
    /// records no data categories.
    PersonalDataExposed {},
    /// At least this many people are affected (best estimate). Unknown until a figure is
    /// recorded.
    PeopleAtLeast {
        /// The threshold, inclusive.
        count: u64,
    },
    /// At least this many affected people are residents of one State or other subdivision
    /// (ISO 3166-2: `US-CA`, `US-DC`, `US-PR`) of one of these countries, by the impact's
    /// per-jurisdiction counts. The total never stands in for them: a total below the
    /// threshold settles "no"; otherwise, until a subdivision reaches the threshold or the
    /// counts leave fewer than it unaccounted for, the answer is "cannot tell", naming
    /// [`MissingFact::PeopleBySubdivision`].
    PeopleInOneSubdivisionAtLeast {
        /// The threshold, inclusive.
        count: u64,
        /// The countries whose subdivisions count.
        of: Vec<Jurisdiction>,
    },
    /// A yes/no determination the team records.
    Determined {
        /// The determination.
        fact: FactName,
        /// What to assume while it is not recorded; `null` means "cannot tell" and the
        /// fact is reported as missing. An assumption is reported with the obligation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        if_missing: Option<bool>,
    },
    /// The CAC grade is at least this. The grade comes from the recorded grade or, when
    /// higher, from the annex's quantitative criteria the incident's facts settle (persons
    /// whose personal information leaked, direct economic loss in CNY).
    GradeAtLeast {
        /// The grade.
        grade: CnGrade,
    },
    /// A milestone has been recorded (e.g. an extortion payment).
    MilestoneRecorded {
        /// The milestone.
        milestone: Milestone,
    },
}

impl Default for Applicability {
    fn default() -> Self {
        Self::Always {}
    }
}

impl Applicability {
    /// All of these.
    pub fn all(all: impl IntoIterator<Item = Applicability>) -> Self {
        Self::All {
            all: all.into_iter().collect(),
        }
    }

    /// Any of these.
    pub fn any(any: impl IntoIterator<Item = Applicability>) -> Self {
        Self::Any {
            any: any.into_iter().collect(),
        }
    }

    /// Not this.
    #[allow(clippy::should_implement_trait)]
    pub fn not(not: Applicability) -> Self {
        Self::Not { not: Box::new(not) }
    }

    /// The entity is of one of these types.
    pub fn entity(any_of: impl IntoIterator<Item = EntityType>) -> Self {
        Self::EntityType {
            any_of: any_of.into_iter().collect(),
        }
    }

    /// A determination that must be recorded.
    pub fn determined(fact: FactName) -> Self {
        Self::Determined {
            fact,
            if_missing: None,
        }
    }

    /// Evaluates the condition.
    pub fn evaluate(&self, profile: &EntityProfile, facts: &IncidentFacts) -> Verdict {
        match self {
            Self::Always {} => Verdict::yes(),
            Self::All { all } => all_of(all, profile, facts),
            Self::Any { any } => any_of(any, profile, facts),
            Self::Not { not } => not_of(not, profile, facts),
            Self::EstablishedIn { jurisdictions } => {
                if profile
                    .established_in
                    .iter()
                    .any(|j| jurisdictions.iter().any(|p| within(j, p)))
                {
                    Verdict::yes()
                } else {
                    Verdict::no(format!(
                        "the entity is not established in {}",
                        list(jurisdictions)
                    ))
                }
            }
            Self::AffectedIn { jurisdictions } => {
                let affected = &facts.impact.jurisdictions;
                if affected.is_empty() {
                    Verdict::missing(MissingFact::AffectedJurisdictions {})
                } else if affected
                    .iter()
                    .any(|j| jurisdictions.iter().any(|p| within(j, p)))
                {
                    Verdict::yes()
                } else {
                    Verdict::no(format!("no affected people in {}", list(jurisdictions)))
                }
            }
            Self::EntityType { any_of } => {
                if any_of.iter().any(|t| profile.entity_types.contains(t)) {
                    Verdict::yes()
                } else {
                    let types: Vec<&str> = any_of.iter().map(|t| t.as_str()).collect();
                    Verdict::no(format!("the entity is not {}", types.join(" or ")))
                }
            }
            Self::Kind { any_of } => {
                if any_of.contains(&facts.kind) {
                    Verdict::yes()
                } else {
                    Verdict::no(format!("the incident kind is {:?}", facts.kind))
                }
            }
            Self::DataExposed { any_of } => {
                let exposed = &facts.impact.data_categories;
                if exposed.is_empty() {
                    Verdict::missing(MissingFact::DataCategories {})
                } else if any_of.iter().any(|c| exposed.contains(c)) {
                    Verdict::yes()
                } else {
                    Verdict::no("none of the listed data categories was exposed".to_owned())
                }
            }
            Self::PersonalDataExposed {} => {
                let exposed = &facts.impact.data_categories;
                if exposed.is_empty() {
                    Verdict::missing(MissingFact::DataCategories {})
                } else if exposed.iter().any(|c| c.is_personal()) {
                    Verdict::yes()
                } else {
                    Verdict::no("no personal data was exposed".to_owned())
                }
            }
            Self::PeopleAtLeast { count } => match facts.impact.people.best_estimate() {
                None => Verdict::missing(MissingFact::PeopleAffected {}),
                Some(n) if n >= *count => Verdict::yes(),
                Some(n) => Verdict::no(format!("{n} people affected, fewer than {count}")),
            },
            Self::PeopleInOneSubdivisionAtLeast { count, of } => {
                super::residents::in_one_subdivision(*count, of, facts)
            }
            Self::Determined { fact, if_missing } => determined(fact, *if_missing, facts),
            Self::GradeAtLeast { grade } => grade_at_least(*grade, facts),
            Self::MilestoneRecorded { milestone } => {
                if facts.milestones.contains_key(milestone) {
                    Verdict::yes()
                } else {
                    Verdict::no(format!("no {milestone} recorded"))
                }
            }
        }
    }

    /// A short description, for explanations.
    pub fn describe(&self) -> String {
        match self {
            Self::Always {} => "always".to_owned(),
            Self::All { all } => format!(
                "all of ({})",
                all.iter()
                    .map(Self::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Self::Any { any } => format!(
                "any of ({})",
                any.iter()
                    .map(Self::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Self::Not { not } => format!("not {}", not.describe()),
            Self::EstablishedIn { jurisdictions } => {
                format!("established in {}", list(jurisdictions))
            }
            Self::AffectedIn { jurisdictions } => {
                format!("people affected in {}", list(jurisdictions))
            }
            Self::EntityType { any_of } => format!(
                "entity is {}",
                any_of
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            Self::Kind { any_of } => format!("incident kind in {any_of:?}"),
            Self::DataExposed { any_of } => format!("data exposed in {any_of:?}"),
            Self::PersonalDataExposed {} => "personal data exposed".to_owned(),
            Self::PeopleAtLeast { count } => format!("at least {count} people affected"),
            Self::PeopleInOneSubdivisionAtLeast { count, of } => {
                format!(
                    "at least {count} affected residents of one subdivision of {}",
                    list(of)
                )
            }
            Self::Determined { fact, .. } => format!("`{fact}`"),
            Self::GradeAtLeast { grade } => format!("graded {} or above", grade.zh()),
            Self::MilestoneRecorded { milestone } => format!("{milestone} recorded"),
        }
    }
}

/// Every condition holds: no at the first no (keeping the assumptions made so far),
/// cannot tell if any cannot tell (naming everything missing), yes otherwise.
fn all_of(all: &[Applicability], profile: &EntityProfile, facts: &IncidentFacts) -> Verdict {
    let mut out = Verdict::yes();
    for c in all {
        let v = c.evaluate(profile, facts);
        out.assumptions.extend(v.assumptions);
        match v.value {
            Tri::No => {
                return Verdict {
                    value: Tri::No,
                    reason: v.reason,
                    missing: Vec::new(),
                    assumptions: out.assumptions,
                }
            }
            Tri::Unknown => {
                out.value = Tri::Unknown;
                out.missing.extend(v.missing);
            }
            Tri::Yes => {}
        }
    }
    out
}

/// At least one condition holds: yes at the first yes, cannot tell if any cannot tell,
/// no (with every reason) otherwise.
fn any_of(any: &[Applicability], profile: &EntityProfile, facts: &IncidentFacts) -> Verdict {
    let mut missing = Vec::new();
    let mut reasons = Vec::new();
    let mut assumptions = Vec::new();
    for c in any {
        let v = c.evaluate(profile, facts);
        match v.value {
            Tri::Yes => {
                return Verdict {
                    assumptions: v.assumptions,
                    ..Verdict::yes()
                }
            }
            Tri::Unknown => {
                missing.extend(v.missing);
                assumptions.extend(v.assumptions);
            }
            Tri::No => reasons.push(v.reason),
        }
    }
    if missing.is_empty() {
        Verdict::no(format!("none of: {}", reasons.join("; ")))
    } else {
        Verdict {
            value: Tri::Unknown,
            reason: String::new(),
            missing,
            assumptions,
        }
    }
}

/// The condition does not hold; cannot tell stays cannot tell.
fn not_of(not: &Applicability, profile: &EntityProfile, facts: &IncidentFacts) -> Verdict {
    let v = not.evaluate(profile, facts);
    match v.value {
        Tri::Yes => Verdict::no(format!("not expected: {}", not.describe())),
        Tri::No => Verdict {
            assumptions: v.assumptions,
            ..Verdict::yes()
        },
        Tri::Unknown => v,
    }
}

/// A recorded determination, or the assumption made while it is not recorded (reported
/// with the verdict), or cannot tell.
fn determined(fact: &FactName, if_missing: Option<bool>, facts: &IncidentFacts) -> Verdict {
    match facts.determination(fact) {
        Some(true) => Verdict::yes(),
        Some(false) => Verdict::no(format!("determined: not `{fact}`")),
        None => match if_missing {
            Some(assumed) => {
                let mut v = if assumed {
                    Verdict::yes()
                } else {
                    Verdict::no(format!("`{fact}` not recorded: assumed no"))
                };
                v.assumptions.push(format!(
                    "`{fact}` not recorded: assumed {}",
                    if assumed { "yes" } else { "no" }
                ));
                v
            }
            None => Verdict::missing(MissingFact::Determination { fact: fact.clone() }),
        },
    }
}

/// The CAC grade against `grade`: a recorded grade decides; criteria that only show a
/// lower bound below `grade` cannot tell.
fn grade_at_least(grade: CnGrade, facts: &IncidentFacts) -> Verdict {
    match facts.cn_grade() {
        GradeFinding::AtLeast(g) if g >= grade => Verdict::yes(),
        GradeFinding::Recorded(g) if g >= grade => Verdict::yes(),
        GradeFinding::Recorded(g) => Verdict::no(format!(
            "graded {} ({}), below {} ({})",
            g.zh(),
            g.as_str(),
            grade.zh(),
            grade.as_str()
        )),
        GradeFinding::AtLeast(_) => Verdict::missing(MissingFact::CnGrade {}),
    }
}

pub(super) fn list(jurisdictions: &[Jurisdiction]) -> String {
    jurisdictions
        .iter()
        .map(Jurisdiction::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The 27 EU Member States (ISO 3166-1 alpha-2; Greece is `GR`).
const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Whether `code` lies within `pattern`: equal, a subdivision of it, or a Member State when
/// the pattern is `EU`.
pub(crate) fn within(code: &Jurisdiction, pattern: &Jurisdiction) -> bool {
    if code == pattern {
        return true;
    }
    match pattern.subdivision() {
        Some(_) => false,
        None if pattern.as_str() == "EU" => {
            code.country() == "EU" || EU_MEMBER_STATES.contains(&code.country())
        }
        None => code.country() == pattern.country(),
    }
}

/// What the incident's facts say about the CAC grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GradeFinding {
    /// The team recorded a grade (the higher of it and the quantitative floor).
    Recorded(CnGrade),
    /// No grade recorded; the quantitative criteria give at least this.
    AtLeast(CnGrade),
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};

    use super::*;
    use crate::regulation::{Determination, GradeRecord};
    use crate::{Currency, Money};

    fn j(s: &'static str) -> Jurisdiction {
        Jurisdiction::from_static(s)
    }

    fn facts() -> IncidentFacts {
        IncidentFacts::new(
            IncidentKind::DataBreach,
            Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        )
    }

    fn eval(c: &Applicability, p: &EntityProfile, f: &IncidentFacts) -> Tri {
        c.evaluate(p, f).value
    }

    #[test]
    fn jurisdictions_match_countries_subdivisions_and_the_union() {
        assert!(within(&j("US-NY"), &j("US")));
        assert!(within(&j("US"), &j("US")));
        assert!(!within(&j("US"), &j("US-NY")));
        assert!(!within(&j("US-CA"), &j("US-NY")));
        assert!(within(&j("DE"), &j("EU")));
        assert!(within(&j("GR"), &j("EU")));
        assert!(within(&j("EU"), &j("EU")));
        assert!(!within(&j("GB"), &j("EU")));
        assert!(!within(&j("CH"), &j("EU")));
        assert!(!within(&j("DE"), &j("FR")));
    }

    #[test]
    fn three_valued_logic_names_every_missing_fact() {
        let p = EntityProfile::new().established_in(j("FR"));
        let f = facts();
        let people = Applicability::PeopleAtLeast { count: 10 };
        let data = Applicability::PersonalDataExposed {};
        let eu = Applicability::EstablishedIn {
            jurisdictions: vec![j("EU")],
        };
        let cn = Applicability::EstablishedIn {
            jurisdictions: vec![j("CN")],
        };
        assert_eq!(eval(&eu, &p, &f), Tri::Yes);
        assert_eq!(eval(&cn, &p, &f), Tri::No);
        // All: a No wins over Unknown; otherwise every missing fact is listed.
        let all = Applicability::all([people.clone(), data.clone(), eu.clone()]);
        let v = all.evaluate(&p, &f);
        assert_eq!(v.value, Tri::Unknown);
        assert_eq!(
            v.missing,
            vec![
                MissingFact::PeopleAffected {},
                MissingFact::DataCategories {}
            ]
        );
        assert_eq!(
            eval(&Applicability::all([people.clone(), cn.clone()]), &p, &f),
            Tri::No
        );
        // Any: a Yes wins over Unknown; Unknown over No.
        assert_eq!(
            eval(&Applicability::any([people.clone(), eu.clone()]), &p, &f),
            Tri::Yes
        );
        assert_eq!(
            eval(&Applicability::any([people.clone(), cn.clone()]), &p, &f),
            Tri::Unknown
        );
        let none = Applicability::any([
            cn.clone(),
            Applicability::Kind {
                any_of: vec![IncidentKind::Ransomware],
            },
        ]);
        let v = none.evaluate(&p, &f);
        assert_eq!(v.value, Tri::No);
        assert!(v.reason.starts_with("none of:"), "{}", v.reason);
        // Not flips Yes and No and keeps Unknown.
        assert_eq!(eval(&Applicability::not(eu.clone()), &p, &f), Tri::No);
        assert_eq!(eval(&Applicability::not(cn), &p, &f), Tri::Yes);
        assert_eq!(eval(&Applicability::not(people), &p, &f), Tri::Unknown);
        assert_eq!(eval(&Applicability::Always {}, &p, &f), Tri::Yes);
    }

    #[test]
    fn facts_answer_once_recorded() {
        let p = EntityProfile::new().entity_type(EntityType::BrokerDealer);
        let mut f = facts();
        f.impact.people.estimated = Some(10);
        f.impact.data_categories.insert(DataCategory::SourceCode);
        f.impact.jurisdictions.insert(j("US-NY"));
        assert_eq!(
            eval(&Applicability::PeopleAtLeast { count: 10 }, &p, &f),
            Tri::Yes
        );
        assert_eq!(
            eval(&Applicability::PeopleAtLeast { count: 11 }, &p, &f),
            Tri::No
        );
        assert_eq!(
            eval(&Applicability::PersonalDataExposed {}, &p, &f),
            Tri::No
        );
        let health = Applicability::DataExposed {
            any_of: vec![DataCategory::Health],
        };
        assert_eq!(eval(&health, &p, &f), Tri::No);
        f.impact.data_categories.insert(DataCategory::Health);
        assert_eq!(eval(&health, &p, &f), Tri::Yes);
        assert_eq!(
            eval(&Applicability::PersonalDataExposed {}, &p, &f),
            Tri::Yes
        );
        let us = Applicability::AffectedIn {
            jurisdictions: vec![j("US")],
        };
        assert_eq!(eval(&us, &p, &f), Tri::Yes);
        let sg = Applicability::AffectedIn {
            jurisdictions: vec![j("SG")],
        };
        assert_eq!(eval(&sg, &p, &f), Tri::No);
        assert_eq!(
            eval(&Applicability::entity([EntityType::BrokerDealer]), &p, &f),
            Tri::Yes
        );
        assert_eq!(
            eval(&Applicability::entity([EntityType::SecRegistrant]), &p, &f),
            Tri::No
        );
        assert_eq!(
            eval(
                &Applicability::Kind {
                    any_of: vec![IncidentKind::DataBreach]
                },
                &p,
                &f
            ),
            Tri::Yes
        );
        let paid = Applicability::MilestoneRecorded {
            milestone: Milestone::ExtortionPaymentMade,
        };
        assert_eq!(eval(&paid, &p, &f), Tri::No);
        f.milestones
            .insert(Milestone::ExtortionPaymentMade, f.detected_at);
        assert_eq!(eval(&paid, &p, &f), Tri::Yes);
    }

    #[test]
    fn determinations_and_assumptions() {
        let p = EntityProfile::new();
        let mut f = facts();
        let name = FactName::from_static("material");
        let required = Applicability::determined(name.clone());
        let assumed_no = Applicability::Determined {
            fact: name.clone(),
            if_missing: Some(false),
        };
        let assumed_yes = Applicability::Determined {
            fact: name.clone(),
            if_missing: Some(true),
        };
        let v = required.evaluate(&p, &f);
        assert_eq!(
            (v.value, v.missing.clone()),
            (
                Tri::Unknown,
                vec![MissingFact::Determination { fact: name.clone() }]
            )
        );
        let v = assumed_no.evaluate(&p, &f);
        assert_eq!(v.value, Tri::No);
        assert_eq!(
            v.assumptions,
            vec!["`material` not recorded: assumed no".to_owned()]
        );
        // The assumption survives a Not, so the obligation can report it.
        let v = Applicability::not(assumed_no.clone()).evaluate(&p, &f);
        assert_eq!((v.value, v.assumptions.len()), (Tri::Yes, 1));
        assert_eq!(eval(&assumed_yes, &p, &f), Tri::Yes);
        f.determinations.insert(
            name,
            Determination {
                value: false,
                determined_at: f.detected_at,
                first_yes_at: None,
                basis: "b".into(),
            },
        );
        assert_eq!(eval(&required, &p, &f), Tri::No);
        assert_eq!(eval(&assumed_yes, &p, &f), Tri::No);
        assert!(assumed_yes.evaluate(&p, &f).assumptions.is_empty());
    }

    #[test]
    fn the_cac_grade_combines_recorded_grade_and_quantitative_floor() {
        let p = EntityProfile::new();
        let mut f = facts();
        let at_least = |g| Applicability::GradeAtLeast { grade: g };
        assert_eq!(
            eval(&at_least(CnGrade::RelativelyMajor), &p, &f),
            Tri::Unknown
        );
        // People count only with personal data.
        f.impact.people.estimated = Some(1_000_000);
        f.impact.data_categories.insert(DataCategory::SystemSecrets);
        assert_eq!(f.cn_grade_floor(), None);
        f.impact.data_categories.insert(DataCategory::BasicIdentity);
        assert_eq!(eval(&at_least(CnGrade::RelativelyMajor), &p, &f), Tri::Yes);
        assert_eq!(eval(&at_least(CnGrade::Major), &p, &f), Tri::Unknown);
        // A recorded grade settles it, but never below the floor.
        f.cn_grade = Some(GradeRecord {
            grade: CnGrade::General,
            graded_at: f.detected_at,
            basis: "b".into(),
        });
        assert_eq!(eval(&at_least(CnGrade::RelativelyMajor), &p, &f), Tri::Yes);
        assert_eq!(eval(&at_least(CnGrade::Major), &p, &f), Tri::No);
        f.cn_grade = Some(GradeRecord {
            grade: CnGrade::ExtremelyMajor,
            graded_at: f.detected_at,
            basis: "b".into(),
        });
        assert_eq!(eval(&at_least(CnGrade::ExtremelyMajor), &p, &f), Tri::Yes);
        // Direct loss counts only in CNY, inclusive at RMB 20 million for 重大.
        let mut g = facts();
        g.impact.funds_involved = Some(Money::from_minor(2_000_000_000, Currency::CNY));
        assert_eq!(g.cn_grade_floor(), Some(CnGrade::Major));
        g.impact.funds_involved = Some(Money::from_minor(1_999_999_999, Currency::CNY));
        assert_eq!(g.cn_grade_floor(), Some(CnGrade::RelativelyMajor));
        g.impact.funds_involved = Some(Money::from_minor(2_000_000_000, Currency::USD));
        assert_eq!(g.cn_grade_floor(), None);
    }

    #[test]
    fn descriptions_read_as_conditions() {
        let c = Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("EU")],
            },
            Applicability::not(Applicability::entity([
                EntityType::CreditInstitution,
                EntityType::CentralCounterparty,
            ])),
            Applicability::any([
                Applicability::determined(FactName::from_static("high_risk")),
                Applicability::PeopleAtLeast { count: 500 },
            ]),
            Applicability::GradeAtLeast {
                grade: CnGrade::RelativelyMajor,
            },
        ]);
        assert_eq!(
            c.describe(),
            "all of (established in EU; not entity is credit_institution or central_counterparty; any of (`high_risk`; at least 500 people affected); graded 较大 or above)"
        );
        for m in [
            MissingFact::PeopleAffected {},
            MissingFact::CnGrade {},
            MissingFact::EntityCalendar {},
            MissingFact::OutOfRange {},
        ] {
            assert!(!m.to_string().is_empty());
        }
    }
}
