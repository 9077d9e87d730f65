//! Thresholds that count the affected residents of one State or other subdivision, read
//! from the impact's per-jurisdiction counts and never guessed from the total.
//!
//! Built in: the HIPAA media notice, "more than 500 residents of a State or jurisdiction"
//! (45 CFR 164.406(a); "State" includes the District of Columbia, Puerto Rico, the Virgin
//! Islands, Guam, American Samoa and the Northern Mariana Islands, 45 CFR 160.103; eCFR,
//! checked 2026-12-06). The other built-in regimes count people in total (HIPAA HHS notice
//! 164.408, Singapore PDPA s. 26B(1)(b) and the CAC personal-information criterion) or not
//! at all.

use super::applicability::{list, within};
use super::{IncidentFacts, MissingFact, Verdict};
use crate::classify::Jurisdiction;

/// [`Applicability::PeopleInOneSubdivisionAtLeast`](super::Applicability::PeopleInOneSubdivisionAtLeast):
/// yes when a subdivision of `of` counts at least `count` affected residents; no when the
/// total, or the people the counts leave unaccounted for, is below `count` (then no
/// subdivision can reach it); cannot tell otherwise.
pub(super) fn in_one_subdivision(
    count: u64,
    of: &[Jurisdiction],
    facts: &IncidentFacts,
) -> Verdict {
    let counts = &facts.impact.people_by_jurisdiction;
    let in_scope = |j: &Jurisdiction| j.subdivision().is_some() && of.iter().any(|p| within(j, p));
    if counts.iter().any(|(j, n)| in_scope(j) && *n >= count) {
        return Verdict::yes();
    }
    let Some(total) = facts.impact.people.best_estimate() else {
        return Verdict::missing(MissingFact::PeopleBySubdivision {});
    };
    if total < count {
        return Verdict::no(format!(
            "{total} people affected in all, so fewer than {count} in any one subdivision"
        ));
    }
    // People counted in a subdivision in scope (all below the threshold) or outside the
    // countries in scope; a count for a whole country in scope could be anywhere in it.
    let accounted = counts
        .iter()
        .filter(|(j, _)| in_scope(j) || !of.iter().any(|p| within(j, p)))
        .fold(0u64, |sum, (_, n)| sum.saturating_add(*n));
    let unaccounted = total.saturating_sub(accounted);
    if unaccounted < count {
        Verdict::no(format!(
            "fewer than {count} affected residents in every subdivision of {} (per-jurisdiction counts; {unaccounted} of {total} people not counted by subdivision)",
            list(of)
        ))
    } else {
        Verdict::missing(MissingFact::PeopleBySubdivision {})
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};

    use super::*;
    use crate::regulation::Tri;
    use crate::IncidentKind;

    fn j(s: &'static str) -> Jurisdiction {
        Jurisdiction::from_static(s)
    }

    fn facts(total: Option<u64>, counts: &[(&'static str, u64)]) -> IncidentFacts {
        let mut f = IncidentFacts::new(
            IncidentKind::DataBreach,
            Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        );
        f.impact.people.confirmed = total;
        for (code, n) in counts {
            f.impact.people_by_jurisdiction.insert(j(code), *n);
        }
        f
    }

    fn eval(f: &IncidentFacts) -> Verdict {
        in_one_subdivision(501, &[j("US")], f)
    }

    #[test]
    fn the_total_never_stands_in_for_a_state() {
        // 10,000 people, nothing known per State: cannot tell, and says which fact.
        let v = eval(&facts(Some(10_000), &[]));
        assert_eq!(v.value, Tri::Unknown);
        assert_eq!(v.missing, vec![MissingFact::PeopleBySubdivision {}]);
        // No total, no counts: cannot tell either.
        assert_eq!(eval(&facts(None, &[])).value, Tri::Unknown);
        // A count for the whole country could be anywhere in it.
        assert_eq!(eval(&facts(Some(900), &[("US", 900)])).value, Tri::Unknown);
    }

    #[test]
    fn a_state_over_the_threshold_decides_yes() {
        let v = eval(&facts(Some(10_000), &[("US-CA", 501), ("US-NY", 20)]));
        assert_eq!(v.value, Tri::Yes);
        // Without a total too.
        assert_eq!(eval(&facts(None, &[("US-PR", 700)])).value, Tri::Yes);
        // A subdivision of another country does not count.
        assert_eq!(eval(&facts(Some(700), &[("CN-GD", 700)])).value, Tri::No);
    }

    #[test]
    fn no_needs_the_total_or_every_person_counted() {
        // 500 in all: no State can have more.
        assert_eq!(eval(&facts(Some(500), &[])).value, Tri::No);
        // 1,400 people in three States of at most 500 each, and 100 abroad.
        let spread = [("US-CA", 500), ("US-NY", 450), ("US-TX", 350), ("DE", 100)];
        let v = eval(&facts(Some(1_400), &spread));
        assert_eq!(v.value, Tri::No, "{v:?}");
        // 600 not counted by State: one State could still have more than 500.
        let v = eval(&facts(Some(2_000), &spread));
        assert_eq!(v.value, Tri::Unknown);
    }
}
