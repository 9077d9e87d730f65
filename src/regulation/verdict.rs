//! The answers of the condition language: three-valued truth, the verdict with its
//! explanation, and the facts the crate names when it cannot tell.

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::{CalendarId, FactName};

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// Holds.
    Yes,
    /// Does not hold.
    No,
    /// Cannot tell: a fact is missing.
    Unknown,
}

/// The outcome of evaluating an [`Applicability`](super::Applicability), with its explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The value.
    pub value: Tri,
    /// Why not, when the value is [`Tri::No`].
    pub reason: String,
    /// What is missing, when the value is [`Tri::Unknown`].
    pub missing: Vec<MissingFact>,
    /// Facts assumed because they were not recorded.
    pub assumptions: Vec<String>,
}

impl Verdict {
    pub(super) fn yes() -> Self {
        Self {
            value: Tri::Yes,
            reason: String::new(),
            missing: Vec::new(),
            assumptions: Vec::new(),
        }
    }

    pub(super) fn no(reason: String) -> Self {
        Self {
            value: Tri::No,
            reason,
            missing: Vec::new(),
            assumptions: Vec::new(),
        }
    }

    pub(super) fn missing(fact: MissingFact) -> Self {
        Self {
            value: Tri::Unknown,
            reason: String::new(),
            missing: vec![fact],
            assumptions: Vec::new(),
        }
    }
}

/// A fact the crate needs and does not have.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "missing", rename_all = "snake_case", deny_unknown_fields)]
pub enum MissingFact {
    /// A yes/no determination (record it with
    /// [`Command::RecordDetermination`](crate::Command::RecordDetermination)).
    Determination {
        /// Which.
        fact: FactName,
    },
    /// How many people are affected.
    PeopleAffected {},
    /// How many affected people live in each State or other subdivision (ISO 3166-2,
    /// `US-CA`), for a threshold that counts the residents of one of them.
    PeopleBySubdivision {},
    /// Which data categories were exposed.
    DataCategories {},
    /// Where affected people are.
    AffectedJurisdictions {},
    /// The CAC grade: the recorded facts do not settle it.
    CnGrade {},
    /// The entity's home time zone (for a regime that counts in the entity's zone).
    EntityTimeZone {},
    /// The entity's home business calendar.
    EntityCalendar {},
    /// A calendar the host did not supply.
    Calendar {
        /// Its id.
        id: CalendarId,
    },
    /// A calendar does not cover a date the deadline needs: the deadline is undetermined,
    /// never a guessed date.
    CalendarCoverage {
        /// The calendar.
        id: CalendarId,
        /// The year it would need.
        year: i32,
        /// The first day the calendar covers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first_day: Option<NaiveDate>,
        /// The last day the calendar covers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_day: Option<NaiveDate>,
        /// Why it stops there, from the calendar's data (e.g. next year's official schedule
        /// is not published yet).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The deadline falls outside the representable timeline: check the regime's offsets.
    OutOfRange {},
}

impl fmt::Display for MissingFact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Determination { fact } => {
                write!(f, "determination `{fact}`: record it with record_determination")
            }
            Self::PeopleAffected {} => f.write_str("number of people affected: record it with update_impact"),
            Self::PeopleBySubdivision {} => f.write_str("affected people per State or other subdivision (ISO 3166-2, e.g. US-CA): the threshold counts the residents of one of them and the total does not settle it; record people_by_jurisdiction with update_impact"),
            Self::DataCategories {} => f.write_str("data categories exposed: record them with update_impact"),
            Self::AffectedJurisdictions {} => f.write_str("jurisdictions of affected people: record them with update_impact"),
            Self::CnGrade {} => f.write_str("CAC grade (网络安全事件分级): the recorded facts do not settle it; record it with record_grade"),
            Self::EntityTimeZone {} => f.write_str("the entity's time zone: set time_zone in the entity profile"),
            Self::EntityCalendar {} => f.write_str("the entity's business calendar: set calendar in the entity profile and supply the calendar"),
            Self::Calendar { id } => write!(f, "calendar `{id}`: supply it to the regulation"),
            Self::CalendarCoverage { id, year, first_day, last_day, note } => {
                write!(f, "calendar `{id}` does not cover {year}")?;
                if let (Some(first), Some(last)) = (first_day, last_day) {
                    write!(f, " (it covers {first}..{last})")?;
                }
                match note {
                    Some(note) => write!(f, ": {note}"),
                    None => f.write_str(": supply a calendar for that year"),
                }
            }
            Self::OutOfRange {} => f.write_str("a computable deadline: it falls outside the representable timeline; check the regime's offsets"),
        }
    }
}
