//! US federal business days: 5 U.S.C. 6103 holidays with EO 11582 observance.

use std::collections::BTreeSet;

use super::{dates, sat_sun, Ymd};
use crate::id::CalendarId;
use crate::locale::Zone;
use crate::regulation::{BusinessCalendar, CalendarSpec};

/// US federal holidays (5 U.S.C. 6103, observed dates under EO 11582), 2025–2027.
const US_FEDERAL_HOLIDAYS: [Ymd; 34] = [
    // 2025
    (2025, 1, 1),
    (2025, 1, 20),
    (2025, 2, 17),
    (2025, 5, 26),
    (2025, 6, 19),
    (2025, 7, 4),
    (2025, 9, 1),
    (2025, 10, 13),
    (2025, 11, 11),
    (2025, 11, 27),
    (2025, 12, 25),
    // 2026
    (2026, 1, 1),
    (2026, 1, 19),
    (2026, 2, 16),
    (2026, 5, 25),
    (2026, 6, 19),
    (2026, 7, 3), // Independence Day falls on Saturday 07-04
    (2026, 9, 7),
    (2026, 10, 12),
    (2026, 11, 11),
    (2026, 11, 26),
    (2026, 12, 25),
    // 2027
    (2027, 1, 1),
    (2027, 1, 18),
    (2027, 2, 15),
    (2027, 5, 31),
    (2027, 6, 18), // Juneteenth falls on Saturday 06-19
    (2027, 7, 5),  // Independence Day falls on Sunday 07-04
    (2027, 9, 6),
    (2027, 10, 11),
    (2027, 11, 11),
    (2027, 11, 25),
    (2027, 12, 24), // Christmas falls on Saturday 12-25
    (2027, 12, 31), // New Year's Day 2028 falls on Saturday 2028-01-01
];

impl BusinessCalendar {
    /// US federal business days, 2025–2027, `America/New_York`: Saturday and Sunday off and
    /// the federal holidays of 5 U.S.C. 6103, observed on the Friday before a Saturday and
    /// the Monday after a Sunday (EO 11582), including 2027-12-31 for New Year's Day 2028.
    /// Executive-order closures are not included (see [`us_sec`](Self::us_sec)): this
    /// calendar stands for the statutory holidays only.
    pub fn us_federal() -> Self {
        Self::from_valid(CalendarSpec {
            id: CalendarId::from_static("us-federal"),
            name: "US federal business days".to_owned(),
            time_zone: Zone::NEW_YORK,
            weekend: sat_sun(),
            first_year: 2025,
            last_year: 2027,
            holidays: dates(&US_FEDERAL_HOLIDAYS),
            working_days: BTreeSet::new(),
            closures: BTreeSet::new(),
            source: "5 U.S.C. 6103; Saturday/Sunday observance per Executive Order 11582"
                .to_owned(),
            coverage_note: Some("the US federal calendar covers 2025-01-01..2027-12-31: the statutory holidays of later years are known, but closures by executive order are announced weeks ahead at most; extend it with them when they are published".to_owned()),
            coverage_notes: super::notes(
                "美国联邦工作日历覆盖2025年1月1日至2027年12月31日：此后年份的法定假日已知，但行政令宣布的联邦政府停工日最多提前数周公布；公布后请补入",
                "美國聯邦工作日曆覆蓋2025年1月1日至2027年12月31日：此後年份的法定假日已知，但行政命令宣布的聯邦政府停工日最多提前數週公布；公布後請補入",
            ),
        })
    }
}
