//! Singapore business days: the public holidays of the Holidays Act 1998.

use super::{dates, sat_sun, Ymd};
use crate::id::CalendarId;
use crate::locale::Zone;
use crate::regulation::{BusinessCalendar, CalendarSpec};

/// Singapore public holidays (Holidays Act 1998, as declared by the Ministry of Manpower),
/// 2025–2026, with the Monday in lieu of a holiday falling on a Sunday (s. 4).
const SG_PUBLIC_HOLIDAYS: [Ymd; 26] = [
    // 2025
    (2025, 1, 1),   // New Year's Day
    (2025, 1, 29),  // Chinese New Year
    (2025, 1, 30),  // Chinese New Year, second day
    (2025, 3, 31),  // Hari Raya Puasa
    (2025, 4, 18),  // Good Friday
    (2025, 5, 1),   // Labour Day
    (2025, 5, 3),   // Polling Day (general election)
    (2025, 5, 12),  // Vesak Day
    (2025, 6, 7),   // Hari Raya Haji (a Saturday)
    (2025, 8, 9),   // National Day (a Saturday)
    (2025, 10, 20), // Deepavali
    (2025, 12, 25), // Christmas Day
    // 2026
    (2026, 1, 1),   // New Year's Day
    (2026, 2, 17),  // Chinese New Year
    (2026, 2, 18),  // Chinese New Year, second day
    (2026, 3, 21),  // Hari Raya Puasa (a Saturday)
    (2026, 4, 3),   // Good Friday
    (2026, 5, 1),   // Labour Day
    (2026, 5, 27),  // Hari Raya Haji
    (2026, 5, 31),  // Vesak Day (a Sunday)
    (2026, 6, 1),   // Vesak Day, in lieu
    (2026, 8, 9),   // National Day (a Sunday)
    (2026, 8, 10),  // National Day, in lieu
    (2026, 11, 8),  // Deepavali (a Sunday)
    (2026, 11, 9),  // Deepavali, in lieu
    (2026, 12, 25), // Christmas Day
];

impl BusinessCalendar {
    /// Singapore business days, 2025–2026, `Asia/Singapore`: Saturday, Sunday and the
    /// public holidays of the Holidays Act 1998 off, with the Monday in lieu of a holiday
    /// on a Sunday.
    ///
    /// Sources: Holidays Act 1998, <https://sso.agc.gov.sg/Act/HA1998>; the Ministry of
    /// Manpower's lists for 2025 and 2026,
    /// <https://www.mom.gov.sg/employment-practices/public-holidays> (checked 2026-12-07
    /// day by day against the independently maintained `holidays` 0.109 data). The PDPA's
    /// 3-day breach notification counts calendar days and does not use this calendar; it
    /// is here for firm-defined clocks and for regimes a host adds.
    pub fn singapore() -> Self {
        Self::from_valid(CalendarSpec {
            id: CalendarId::from_static("sg"),
            name: "Singapore business days".to_owned(),
            time_zone: Zone::SINGAPORE,
            weekend: sat_sun(),
            first_year: 2025,
            last_year: 2026,
            holidays: dates(&SG_PUBLIC_HOLIDAYS),
            working_days: Default::default(),
            closures: Default::default(),
            source: "Holidays Act 1998 (Singapore); Ministry of Manpower public holidays 2025 and 2026, https://www.mom.gov.sg/employment-practices/public-holidays (checked 2026-12-07)".to_owned(),
            coverage_note: Some("the Singapore calendar covers 2025-01-01..2026-12-31: the 2027 dates of Hari Raya Puasa and Hari Raya Haji depend on MUIS's confirmation and were not read from the Ministry of Manpower (checked 2026-12-07); load them as an amended calendar".to_owned()),
            coverage_notes: super::notes(
                "新加坡工作日历覆盖2025年1月1日至2026年12月31日：2027年开斋节（Hari Raya Puasa）和哈芝节（Hari Raya Haji）的日期有待新加坡回教理事会确认，尚未从人力部读取（核查日期：2026年12月7日）；请以修订日历载入",
                "新加坡工作日曆覆蓋2025年1月1日至2026年12月31日：2027年開齋節（Hari Raya Puasa）和哈芝節（Hari Raya Haji）的日期有待新加坡回教理事會確認，尚未從人力部讀取（核查日期：2026年12月7日）；請以修訂日曆載入",
            ),
        })
    }
}
