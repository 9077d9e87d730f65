//! Building the determination and grade commands, with or without the rule's assessment.

use super::Command;
use crate::id::FactName;
use crate::regulation::{Assessment, CnGrade};

impl Command {
    /// [`Command::RecordGrade`] at the command's time, decided by a person on `basis`.
    pub fn record_grade(grade: CnGrade, basis: impl Into<String>) -> Self {
        Self::RecordGrade {
            grade,
            graded_at: None,
            basis: basis.into(),
            assessment: None,
            override_reason: None,
        }
    }

    /// [`Command::RecordDetermination`] at the command's time, decided by a person on
    /// `basis`.
    pub fn record_determination(fact: FactName, value: bool, basis: impl Into<String>) -> Self {
        Self::RecordDetermination {
            fact,
            value,
            determined_at: None,
            basis: basis.into(),
            assessment: None,
            override_reason: None,
        }
    }

    /// The answer `assessment`'s rule proposes, confirmed on `basis`; `None` when the facts
    /// do not settle it (record a person's answer instead, with the assessment and, where
    /// it departs from a floor, an `override_reason`).
    ///
    /// # Examples
    /// ```
    /// use incident::regulation::{Assessment, CacFacts};
    /// use incident::Command;
    ///
    /// let mut facts = CacFacts::default();
    /// facts.personal_information_persons = Some(1_200_000);
    /// // Other criteria unknown: the grade is only a floor, which a person confirms.
    /// let grade = Command::confirm(Assessment::CacGrade { facts }, "graded at 09:40")
    ///     .ok_or("a proposal")?;
    /// assert!(matches!(grade, Command::RecordGrade { grade: incident::regulation::CnGrade::RelativelyMajor, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn confirm(assessment: Assessment, basis: impl Into<String>) -> Option<Self> {
        use crate::regulation::{Outcome, ProposedOutcome};
        let outcome = match assessment.propose().outcome {
            ProposedOutcome::Settled { outcome } | ProposedOutcome::AtLeast { outcome } => outcome,
            ProposedOutcome::Undetermined {} => return None,
        };
        let assessment = Some(Box::new(assessment));
        Some(match outcome {
            Outcome::Determination { fact, value } => Self::RecordDetermination {
                fact,
                value,
                determined_at: None,
                basis: basis.into(),
                assessment,
                override_reason: None,
            },
            Outcome::Grade { grade } => Self::RecordGrade {
                grade,
                graded_at: None,
                basis: basis.into(),
                assessment,
                override_reason: None,
            },
        })
    }
}
