//! SEC business days: the federal calendar plus the SEC's executive-order closures.

use super::{dates, Ymd};
use crate::id::CalendarId;
use crate::regulation::{BusinessCalendar, CalendarSpec};

/// Days the federal government was closed by executive order, which the Commission treats
/// as holidays (EDGAR closed): 2025-01-09, national day of mourning for President Carter
/// (EO 14133 of 2024-12-30, 90 FR 187); 2025-12-24 and 2025-12-26 (EO 14371 of 2025-12-18).
const EXECUTIVE_ORDER_CLOSURES: [Ymd; 3] = [(2025, 1, 9), (2025, 12, 24), (2025, 12, 26)];

impl BusinessCalendar {
    /// SEC business days, 2025–2027, `America/New_York`: [`us_federal`](Self::us_federal)
    /// plus the days the federal government was closed by executive order, as
    /// [`closures`](CalendarSpec::closures): 2025-01-09 (EO 14133, national day of mourning;
    /// EDGAR closed), 2025-12-24 and 2025-12-26 (EO 14371). A business day is any day except
    /// Saturdays, Sundays and federal holidays (17 CFR 240.0-2); counting the closures as
    /// holidays is the Commission's practice and a named reading
    /// ([`Ambiguity::ExecutiveOrderClosures`](crate::regulation::Ambiguity::ExecutiveOrderClosures)),
    /// so every 8-K deadline also reports the due time without them. The SEC is closed on
    /// Columbus and Veterans Day while exchanges trade, so this is not a trading calendar.
    /// The EDGAR 17:30 ET filing cut-off (17 CFR 232.13(a)(2)) is a time of day, applied by
    /// the regime, not here.
    pub fn us_sec() -> Self {
        let mut spec = CalendarSpec::from(Self::us_federal());
        spec.id = CalendarId::from_static("us-sec");
        spec.name = "US SEC business days".to_owned();
        spec.closures = dates(&EXECUTIVE_ORDER_CLOSURES);
        spec.source = "17 CFR 240.0-2; 5 U.S.C. 6103 and EO 11582; executive-order closures 2025-01-09 (EO 14133, 90 FR 187), 2025-12-24 and 2025-12-26 (EO 14371 of 2025-12-18)".to_owned();
        Self::from_valid(spec)
    }
}
