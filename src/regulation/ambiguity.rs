//! The known ambiguities of the texts: each a named reading an obligation reports, with the
//! due time under the other reading, so a lawyer sees every assumption the crate made.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A known ambiguity in the text, with the default reading and an alternative a host may
/// choose (the project's regulatory reference, section 3).
///
/// The default is the conservative reading (the earlier due time), except for
/// [`ExecutiveOrderClosures`](Self::ExecutiveOrderClosures), whose default is the
/// Commission's own practice; each says so in [`default_reading`](Self::default_reading), and
/// every obligation reports the due time under the other reading.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Ambiguity {
    /// Hour periods: from the trigger instant (default) or from the next full hour
    /// (Reg. 1182/71 Art. 3(1), "strict"); DPAs count from awareness.
    HourCountStart,
    /// Day and month periods: end at the trigger's clock time (default) or at the end of the
    /// last day (Reg. 1182/71 Art. 3(2)(b), PRC Civil Code Art. 203).
    DayEnd,
    /// Day periods ending on a rest day: stand (default, the earlier date binds) or run to
    /// the end of the next working day (PRC Civil Code Art. 203, NY General Construction Law
    /// § 25-a, Reg. 1182/71 Art. 3(4)).
    RestDayExtension,
    /// The clock's anchor: the limb's trigger (default, e.g. CAC discovery) or the
    /// alternative trigger given in [`Readings`](super::Readings) (CAC grading time).
    CacAnchor,
    /// Days the federal government is closed by executive order (2025-01-09, EO 14133;
    /// 2025-12-24 and 2025-12-26, EO 14371): counted as holidays (default) or as business
    /// days. 17 CFR 240.0-2 names only federal holidays, but the Commission is closed and
    /// EDGAR accepts no filing on those days, and the SEC has treated such days as holidays
    /// (2018-12-05, 2019-12-24, 2020-12-24); the alternative gives the earlier due time.
    /// The closures are the calendar's
    /// [`closures`](super::CalendarSpec::closures).
    ExecutiveOrderClosures,
}

impl Ambiguity {
    /// Every ambiguity, in declaration order.
    pub const ALL: [Self; 5] = [
        Self::HourCountStart,
        Self::DayEnd,
        Self::RestDayExtension,
        Self::CacAnchor,
        Self::ExecutiveOrderClosures,
    ];

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HourCountStart => "hour_count_start",
            Self::DayEnd => "day_end",
            Self::RestDayExtension => "rest_day_extension",
            Self::CacAnchor => "cac_anchor",
            Self::ExecutiveOrderClosures => "executive_order_closures",
        }
    }

    /// The default reading, in words: the conservative one, except where
    /// [`default_is_earliest`](Self::default_is_earliest) says otherwise.
    pub fn conservative(self) -> &'static str {
        self.default_reading()
    }

    /// The default reading, in words.
    pub fn default_reading(self) -> &'static str {
        match self {
            Self::HourCountStart => "hours counted from the trigger instant",
            Self::DayEnd => "the period ends at the trigger's clock time on the last day",
            Self::RestDayExtension => "a period ending on a rest day is not extended",
            Self::CacAnchor => "counted from discovery (发现或获知)",
            Self::ExecutiveOrderClosures => "closures by executive order counted as holidays",
        }
    }

    /// Whether the default reading gives the earlier due time (the conservative choice).
    /// Only [`ExecutiveOrderClosures`](Self::ExecutiveOrderClosures) defaults to the later
    /// one, the regulator's own practice.
    pub fn default_is_earliest(self) -> bool {
        self != Self::ExecutiveOrderClosures
    }

    /// The alternative reading, in words.
    pub fn alternative(self) -> &'static str {
        match self {
            Self::HourCountStart => {
                "hours counted from the next full hour (Reg. 1182/71 Art. 3(1))"
            }
            Self::DayEnd => "the period ends at the end of the last day",
            Self::RestDayExtension => {
                "a period ending on a rest day runs to the end of the next working day"
            }
            Self::CacAnchor => "counted from the grading decision",
            Self::ExecutiveOrderClosures => {
                "closures by executive order counted as business days (17 CFR 240.0-2 names only federal holidays)"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ambiguity_has_distinct_names_and_readings() {
        let names: std::collections::BTreeSet<_> =
            Ambiguity::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(names.len(), Ambiguity::ALL.len());
        for a in Ambiguity::ALL {
            assert_ne!(a.default_reading(), a.alternative(), "{a:?}");
            assert_eq!(a.conservative(), a.default_reading());
            let json = serde_json::to_value(a).unwrap();
            assert_eq!(json, a.as_str());
        }
        assert!(!Ambiguity::ExecutiveOrderClosures.default_is_earliest());
        assert!(Ambiguity::DayEnd.default_is_earliest());
    }
}
