//! The built-in calendars, one file per calendar, and the literal helpers they are written
//! with.

mod eu;
mod hk;
mod prc;
mod sg;
mod us_federal;
mod us_sec;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Day;
use crate::locale::{Locale, Translations};

/// A coverage note in Simplified (mainland) and Traditional (Hong Kong) Chinese.
pub(super) fn notes(zh_cn: &str, zh_hk: &str) -> Translations {
    Translations::new()
        .with(Locale::ZhCn, zh_cn)
        .with(Locale::ZhHk, zh_hk)
}

/// A `(year, month, day)` literal.
pub(super) type Ymd = (i32, u32, u32);

/// Expands `(first, last)` inclusive date ranges given as `(year, month, day)` literals.
/// Impossible literals are skipped (a test pins the expected day counts), so building a
/// built-in calendar cannot panic.
pub(super) fn blocks(ranges: &[(Ymd, Ymd)]) -> BTreeSet<NaiveDate> {
    ranges
        .iter()
        .filter_map(|&((y0, m0, d0), (y1, m1, d1))| {
            Some((
                NaiveDate::from_ymd_opt(y0, m0, d0)?,
                NaiveDate::from_ymd_opt(y1, m1, d1)?,
            ))
        })
        .flat_map(|(first, last)| first.iter_days().take_while(move |d| *d <= last))
        .collect()
}

/// Single dates from `(year, month, day)` literals (impossible ones skipped, see [`blocks`]).
pub(super) fn dates(list: &[Ymd]) -> BTreeSet<NaiveDate> {
    list.iter()
        .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .collect()
}

pub(super) fn sat_sun() -> BTreeSet<Day> {
    BTreeSet::from([Day::Saturday, Day::Sunday])
}

#[cfg(test)]
mod tests {
    use crate::locale::Zone;
    use crate::regulation::calendar::spec::validate;
    use crate::regulation::{BusinessCalendar, Calendars};

    #[test]
    fn built_ins_pass_validation_and_hold_the_expected_data() {
        for calendar in Calendars::builtin().iter() {
            validate(calendar.spec()).unwrap();
            assert_eq!(
                BusinessCalendar::new(calendar.spec().clone()).unwrap(),
                *calendar
            );
        }
        // Every literal parsed: day counts of the blocks and lists.
        let cn = BusinessCalendar::prc();
        let days_2025 = 1 + 8 + 3 + 5 + 3 + 8;
        let days_2026 = 3 + 9 + 3 + 5 + 3 + 3 + 7;
        assert_eq!(cn.spec().holidays.len(), days_2025 + days_2026);
        assert_eq!(cn.spec().working_days.len(), 5 + 6);
        assert_eq!(BusinessCalendar::us_federal().spec().holidays.len(), 34);
        let sec = BusinessCalendar::us_sec();
        assert_eq!(sec.spec().holidays.len(), 34);
        assert_eq!(sec.spec().closures.len(), 3);
        assert!(cn
            .coverage_note()
            .is_some_and(|n| n.contains("2027 holiday notice")));
        assert_eq!(cn.covered_years(), 2025..=2026);
        assert_eq!(cn.id().as_str(), "cn");
        // The other built-ins: (id, holidays listed, first year, last year).
        let expected = [
            ("de", 27, 2025, 2027),
            ("de-he", 30, 2025, 2027),
            ("fr", 33, 2025, 2027),
            ("hk", 34, 2025, 2026),
            ("ie", 30, 2025, 2027),
            ("lu", 33, 2025, 2027),
            ("nl", 27, 2025, 2027),
            ("sg", 26, 2025, 2026),
        ];
        let calendars = Calendars::builtin();
        for (id, count, first, last) in expected {
            let calendar = calendars.get(&id.parse().unwrap()).unwrap();
            assert_eq!(calendar.spec().holidays.len(), count, "{id}");
            assert_eq!(calendar.covered_years(), first..=last, "{id}");
            assert!(calendar.source().contains("checked 2026-12-07"), "{id}");
            assert!(calendar.coverage_note().is_some(), "{id}");
        }
        // Every built-in that stops somewhere says why in Chinese too (a Chinese drill page
        // prints it).
        for calendar in calendars.iter() {
            if calendar.coverage_note().is_some() {
                let notes = &calendar.spec().coverage_notes;
                for locale in [crate::locale::Locale::ZhCn, crate::locale::Locale::ZhHk] {
                    assert!(
                        notes.get(locale).is_some_and(|n| n.contains("年")),
                        "{} {locale:?}",
                        calendar.id()
                    );
                }
            }
        }
        assert_eq!(cn.time_zone(), Zone::SHANGHAI);
        assert!(cn.source().contains("国办发明电〔2024〕12号"));
        assert!(!cn.name().is_empty());
    }
}
