//! Hong Kong business days: the general holidays of the General Holidays Ordinance.

use super::{dates, sat_sun, Ymd};
use crate::id::CalendarId;
use crate::locale::Zone;
use crate::regulation::{BusinessCalendar, CalendarSpec};

/// Hong Kong general holidays other than Sundays (General Holidays Ordinance, Cap. 149,
/// as gazetted each year), 2025–2026. Substitute days are already applied: when a festival
/// falls on a Sunday the gazette names the day following it.
const HK_GENERAL_HOLIDAYS: [Ymd; 34] = [
    // 2025
    (2025, 1, 1),   // the first day of January
    (2025, 1, 29),  // Lunar New Year's Day
    (2025, 1, 30),  // the second day of Lunar New Year
    (2025, 1, 31),  // the third day of Lunar New Year
    (2025, 4, 4),   // Ching Ming Festival
    (2025, 4, 18),  // Good Friday
    (2025, 4, 19),  // the day following Good Friday
    (2025, 4, 21),  // Easter Monday
    (2025, 5, 1),   // Labour Day
    (2025, 5, 5),   // the Birthday of the Buddha
    (2025, 5, 31),  // Tuen Ng Festival
    (2025, 7, 1),   // HKSAR Establishment Day
    (2025, 10, 1),  // National Day
    (2025, 10, 7),  // the day following the Chinese Mid-Autumn Festival
    (2025, 10, 29), // Chung Yeung Festival
    (2025, 12, 25), // Christmas Day
    (2025, 12, 26), // the first weekday after Christmas Day
    // 2026
    (2026, 1, 1),   // the first day of January
    (2026, 2, 17),  // Lunar New Year's Day
    (2026, 2, 18),  // the second day of Lunar New Year
    (2026, 2, 19),  // the third day of Lunar New Year
    (2026, 4, 3),   // Good Friday
    (2026, 4, 4),   // the day following Good Friday
    (2026, 4, 6),   // the day following Ching Ming Festival (04-05 is a Sunday)
    (2026, 4, 7),   // the day following Easter Monday
    (2026, 5, 1),   // Labour Day
    (2026, 5, 25),  // the day following the Birthday of the Buddha (05-24 is a Sunday)
    (2026, 6, 19),  // Tuen Ng Festival
    (2026, 7, 1),   // HKSAR Establishment Day
    (2026, 9, 26),  // the day following the Chinese Mid-Autumn Festival
    (2026, 10, 1),  // National Day
    (2026, 10, 19), // the day following Chung Yeung Festival (10-18 is a Sunday)
    (2026, 12, 25), // Christmas Day
    (2026, 12, 26), // the first weekday after Christmas Day
];

impl BusinessCalendar {
    /// Hong Kong business days, 2025–2026, `Asia/Hong_Kong`: Saturday, Sunday and the
    /// general holidays (公眾假期) of the General Holidays Ordinance (Cap. 149) off, as most
    /// Hong Kong legislation defines a business day.
    ///
    /// Sources: Cap. 149, <https://www.elegislation.gov.hk/hk/cap149>, and the general
    /// holidays gazetted for 2025 and 2026 (<https://www.gov.hk/en/about/abouthk/holiday/>),
    /// checked day by day on 2026-12-07 against the independently maintained
    /// `holidays` 0.109 data (categories public and optional). Days a typhoon signal No. 8 or
    /// a black rainstorm warning is hoisted are not business days under several ordinances;
    /// they cannot be known in advance and are not modelled: a host records such a day by
    /// loading an amended calendar.
    pub fn hong_kong() -> Self {
        Self::from_valid(CalendarSpec {
            id: CalendarId::from_static("hk"),
            name: "Hong Kong business days".to_owned(),
            time_zone: Zone::HONG_KONG,
            weekend: sat_sun(),
            first_year: 2025,
            last_year: 2026,
            holidays: dates(&HK_GENERAL_HOLIDAYS),
            working_days: Default::default(),
            closures: Default::default(),
            source: "General Holidays Ordinance (Cap. 149), general holidays gazetted for 2025 and 2026, https://www.gov.hk/en/about/abouthk/holiday/ (checked 2026-12-07)".to_owned(),
            coverage_note: Some("the Hong Kong calendar covers 2025-01-01..2026-12-31: the 2027 general holidays were not read from the gazette (checked 2026-12-07); load them, and any typhoon or black-rainstorm day, as an amended calendar".to_owned()),
            coverage_notes: super::notes(
                "香港工作日历覆盖2025年1月1日至2026年12月31日：尚未从宪报读取2027年公众假期（核查日期：2026年12月7日）；请将其及任何台风或黑色暴雨日以修订日历载入",
                "香港工作日曆覆蓋2025年1月1日至2026年12月31日：尚未從憲報讀取2027年公眾假期（核查日期：2026年12月7日）；請將其及任何颱風或黑色暴雨日以修訂日曆載入",
            ),
        })
    }
}
