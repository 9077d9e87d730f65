//! SEC business days: the federal calendar plus the SEC's executive-order closures.

use super::dates;
use crate::id::CalendarId;
use crate::regulation::{BusinessCalendar, CalendarSpec};

impl BusinessCalendar {
    /// SEC business days, 2025–2027, `America/New_York`: [`us_federal`](Self::us_federal)
    /// plus the executive-order closures the SEC treats as holidays (2025-12-24 and
    /// 2025-12-26, EO of 2025-12-18). A business day is any day except Saturdays, Sundays and
    /// federal holidays (17 CFR 240.0-2); the SEC is closed on Columbus and Veterans Day
    /// while exchanges trade, so this is not a trading calendar. The EDGAR 17:30 ET filing
    /// cut-off (17 CFR 232.13(a)(2)) is a time of day, applied by the regime, not here.
    pub fn us_sec() -> Self {
        let mut spec = CalendarSpec::from(Self::us_federal());
        spec.id = CalendarId::from_static("us-sec");
        spec.name = "US SEC business days".to_owned();
        spec.holidays
            .extend(dates(&[(2025, 12, 24), (2025, 12, 26)]));
        spec.source = "17 CFR 240.0-2; 5 U.S.C. 6103 and EO 11582; executive-order closures 2025-12-24 and 2025-12-26 (EO of 2025-12-18)".to_owned();
        Self::from_valid(spec)
    }
}
