//! Mainland China's working days (工作日), with the 调休 make-up working days.

use std::collections::BTreeSet;

use super::{blocks, dates, sat_sun};
use crate::id::CalendarId;
use crate::locale::Zone;
use crate::regulation::{BusinessCalendar, CalendarSpec};

/// Why the PRC calendar ends with 2026: the 调休 swaps cannot be derived from rules, and the
/// State Council publishes each year's schedule in the autumn before (checked 2026-12-06).
const PRC_COVERAGE: &str = "the PRC working-day calendar covers 2025-01-01..2026-12-31; the State Council has not yet published the 2027 holiday notice (checked 2026-12-06): load the 2027 schedule when it is published";

impl BusinessCalendar {
    /// Mainland China's working days (工作日), 2025–2026, `Asia/Shanghai`: Saturday and
    /// Sunday off, the statutory holiday blocks off, and the make-up working days (调休
    /// 上班) on.
    ///
    /// Sources: 2025 — State Council General Office notice 国办发明电〔2024〕12号 (Xinhua,
    /// 2024-11-12); 2026 — the notice of 2025-11-04,
    /// <https://politics.gmw.cn/2025-11/04/content_38391083.htm>. Working days are not
    /// trading days (交易日): exchanges close on make-up days. Later years are errors until
    /// the host loads the new schedule.
    pub fn prc() -> Self {
        let holidays = blocks(&[
            // 2025
            ((2025, 1, 1), (2025, 1, 1)),
            ((2025, 1, 28), (2025, 2, 4)),
            ((2025, 4, 4), (2025, 4, 6)),
            ((2025, 5, 1), (2025, 5, 5)),
            ((2025, 5, 31), (2025, 6, 2)),
            ((2025, 10, 1), (2025, 10, 8)),
            // 2026
            ((2026, 1, 1), (2026, 1, 3)),
            ((2026, 2, 15), (2026, 2, 23)),
            ((2026, 4, 4), (2026, 4, 6)),
            ((2026, 5, 1), (2026, 5, 5)),
            ((2026, 6, 19), (2026, 6, 21)),
            ((2026, 9, 25), (2026, 9, 27)),
            ((2026, 10, 1), (2026, 10, 7)),
        ]);
        let working_days = dates(&[
            // 2025
            (2025, 1, 26),
            (2025, 2, 8),
            (2025, 4, 27),
            (2025, 9, 28),
            (2025, 10, 11),
            // 2026
            (2026, 1, 4),
            (2026, 2, 14),
            (2026, 2, 28),
            (2026, 5, 9),
            (2026, 9, 20),
            (2026, 10, 10),
        ]);
        Self::from_valid(CalendarSpec {
            id: CalendarId::from_static("cn"),
            name: "Mainland China working days (工作日)".to_owned(),
            time_zone: Zone::SHANGHAI,
            weekend: sat_sun(),
            first_year: 2025,
            last_year: 2026,
            holidays,
            working_days,
            closures: BTreeSet::new(),
            source: "2025: 国办发明电〔2024〕12号 (Xinhua 2024-11-12); 2026: State Council General Office notice of 2025-11-04, https://politics.gmw.cn/2025-11/04/content_38391083.htm".to_owned(),
            coverage_note: Some(PRC_COVERAGE.to_owned()),
            coverage_notes: super::notes(
                "中国内地工作日历覆盖2025年1月1日至2026年12月31日；国务院办公厅尚未发布2027年部分节假日安排的通知（核查日期：2026年12月6日），发布后请载入2027年安排",
                "中國內地工作日曆覆蓋2025年1月1日至2026年12月31日；國務院辦公廳尚未發布2027年部分節假日安排的通知（核查日期：2026年12月6日），發布後請載入2027年安排",
            ),
        })
    }
}
