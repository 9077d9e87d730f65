//! How numbers, money, durations, times and time zones read in each locale.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDateTime, Offset, TimeZone as _, Timelike, Utc,
};
use chrono_tz::{OffsetName, Tz};

use super::{Label, Locale};
use crate::classify::DataCategory;
use crate::money::group_thousands;
use crate::Money;

/// How readers name a common zone: in Simplified and in Hong Kong Traditional Chinese, in
/// English where the tz abbreviation
/// misleads (CST is also US Central; HKT and SGT are unknown to most readers), and whether
/// the zone observes daylight saving (then the offset is shown beside the Chinese name).
struct ZoneName {
    zh: &'static str,
    zh_hk: &'static str,
    en: Option<&'static str>,
    dst: bool,
}

/// The one table of zone names, by IANA name and alias.
fn zone_name(iana: &str) -> Option<ZoneName> {
    let (zh, zh_hk, en, dst) = match iana {
        "Asia/Shanghai" | "Asia/Chongqing" | "Asia/Chungking" | "Asia/Harbin" | "PRC" => {
            ("北京时间", "北京時間", Some("Beijing time"), false)
        }
        "Asia/Hong_Kong" | "Hongkong" => ("香港时间", "香港時間", Some("Hong Kong time"), false),
        "Asia/Macau" | "Asia/Macao" => ("澳门时间", "澳門時間", Some("Macau time"), false),
        "Asia/Taipei" | "ROC" => ("台北时间", "台北時間", Some("Taipei time"), false),
        "Asia/Singapore" | "Singapore" => {
            ("新加坡时间", "新加坡時間", Some("Singapore time"), false)
        }
        "Asia/Tokyo" | "Japan" => ("日本时间", "日本時間", Some("Japan time"), false),
        "America/New_York" | "US/Eastern" | "EST5EDT" => {
            ("美国东部时间", "美國東部時間", None, true)
        }
        "America/Chicago" | "US/Central" | "CST6CDT" => {
            ("美国中部时间", "美國中部時間", None, true)
        }
        "America/Los_Angeles" | "US/Pacific" | "PST8PDT" => {
            ("美国太平洋时间", "美國太平洋時間", None, true)
        }
        "Europe/London" | "GB" => ("英国时间", "英國時間", None, true),
        "Europe/Berlin" | "Europe/Brussels" | "Europe/Paris" | "Europe/Amsterdam"
        | "Europe/Luxembourg" | "Europe/Madrid" | "Europe/Rome" | "Europe/Vienna"
        | "Europe/Zurich" | "Europe/Stockholm" | "Europe/Copenhagen" | "Europe/Oslo"
        | "Europe/Prague" | "Europe/Warsaw" | "CET" => ("中欧时间", "中歐時間", None, true),
        "UTC" | "Etc/UTC" | "Etc/UCT" | "Etc/Universal" | "Etc/Zulu" | "UCT" | "Universal"
        | "Zulu" | "Etc/GMT" | "GMT" => ("协调世界时", "協調世界時", None, false),
        _ => return None,
    };
    Some(ZoneName { zh, zh_hk, en, dst })
}

/// The wall clock a reader sees for `wall`: a deadline at midnight is 24:00 of the day it
/// ends ("by 26 February" must not read as "27 February 00:00", a day later). The date and
/// the hour to print.
pub(crate) fn deadline_wall(wall: NaiveDateTime, deadline: bool) -> (NaiveDateTime, u32) {
    if deadline && wall.time() == chrono::NaiveTime::MIN {
        if let Some(day_before) = wall.checked_sub_signed(chrono::Duration::days(1)) {
            return (day_before, 24);
        }
    }
    (wall, wall.hour())
}

/// Chinese names of currencies, written after the amount (`3,860,000.00元`): Simplified,
/// and as Hong Kong writes them. In Hong Kong "元" alone is the Hong Kong dollar, so
/// renminbi is written 人民幣 (`3,860,000.00人民幣`) and the Hong Kong dollar 港元.
fn zh_currency_unit(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "CNY" => ("元", "人民幣"),
        "HKD" => ("港元", "港元"),
        "MOP" => ("澳门元", "澳門元"),
        "USD" => ("美元", "美元"),
        "EUR" => ("欧元", "歐元"),
        "GBP" => ("英镑", "英鎊"),
        "JPY" => ("日元", "日圓"),
        "SGD" => ("新加坡元", "新加坡元"),
        "AUD" => ("澳元", "澳元"),
        "CAD" => ("加元", "加元"),
        "CHF" => ("瑞士法郎", "瑞士法郎"),
        _ => return None,
    })
}

/// An offset as readers write it: `UTC+8`, `UTC-4`, `UTC+5:30`, `UTC+8:05:43`.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    match (m, sec) {
        (0, 0) => format!("UTC{sign}{h}"),
        (_, 0) => format!("UTC{sign}{h}:{m:02}"),
        _ => format!("UTC{sign}{h}:{m:02}:{sec:02}"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The wall-clock time at `at` in a zone `offset` from UTC, saturating at the limits of
/// chrono's range (where chrono's own conversion would panic).
fn wall_clock(at: DateTime<Utc>, offset: FixedOffset) -> NaiveDateTime {
    at.naive_utc()
        .checked_add_offset(offset)
        .unwrap_or(if offset.local_minus_utc() > 0 {
            NaiveDateTime::MAX
        } else {
            NaiveDateTime::MIN
        })
}

impl Locale {
    /// `at` as a reader in `zone` sees it, in this locale.
    ///
    /// | zone | zh-CN | zh-HK | en |
    /// |---|---|---|---|
    /// | Asia/Shanghai | `2026年3月14日09:30（北京时间）` | `2026年3月14日09:30（北京時間）` | `14 March 2026, 09:30 Beijing time (UTC+8)` |
    /// | Asia/Hong_Kong | `2026年3月14日09:30（香港时间）` | `2026年3月14日09:30（香港時間）` | `14 March 2026, 09:30 Hong Kong time (UTC+8)` |
    /// | America/New_York | `2026年3月13日21:30（美国东部时间，UTC-4）` | `2026年3月13日21:30（美國東部時間，UTC-4）` | `13 March 2026, 21:30 EDT (UTC-4)` |
    /// | UTC | `2026年3月14日01:30（协调世界时）` | `2026年3月14日01:30（協調世界時）` | `14 March 2026, 01:30 UTC` |
    ///
    /// zh-CN follows Chinese notices: no space inside the date and time, full-width
    /// brackets, and the zone in words for the zones Chinese readers meet most (北京时间,
    /// 香港时间, 新加坡时间, 美国东部时间, 中欧时间, 协调世界时 …), with the UTC offset where
    /// the zone observes daylight saving, so "美国东部时间" is never ambiguous; other zones
    /// show their IANA name and offset. zh-HK is written the same way with the zone names in
    /// Traditional characters (香港時間, 北京時間). en gives day, month name, year, then the zone in words
    /// where its abbreviation misleads (CST is also US Central), else its abbreviation, and
    /// the offset.
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone as _, Utc};
    /// use incident::locale::{Locale, Zone};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// assert_eq!(Locale::ZhCn.format_time(at, Zone::SHANGHAI), "2026年3月14日09:30（北京时间）");
    /// assert_eq!(Locale::En.format_time(at, Zone::SHANGHAI), "14 March 2026, 09:30 Beijing time (UTC+8)");
    /// assert_eq!(
    ///     Locale::ZhCn.format_time(at, Zone::NEW_YORK),
    ///     "2026年3月13日21:30（美国东部时间，UTC-4）"
    /// );
    /// ```
    pub fn format_time(self, at: DateTime<Utc>, zone: impl Into<Tz>) -> String {
        self.format_moment(at, zone.into(), false)
    }

    /// A due time, as [`format_time`](Self::format_time) writes it, except that a deadline
    /// falling at local midnight is written as 24:00 of the day it ends: "by 26 February"
    /// must not read as "27 February 00:00", which people take for a day later.
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone as _, Utc};
    /// use incident::locale::{Locale, Zone};
    ///
    /// let end_of_26th = Utc.with_ymd_and_hms(2026, 2, 26, 16, 0, 0).unwrap(); // 00:00 on the 27th in Beijing
    /// assert_eq!(Locale::ZhCn.format_deadline(end_of_26th, Zone::SHANGHAI), "2026年2月26日24:00（北京时间）");
    /// assert_eq!(Locale::En.format_deadline(end_of_26th, Zone::SHANGHAI), "26 February 2026, 24:00 Beijing time (UTC+8)");
    /// assert_eq!(Locale::En.format_time(end_of_26th, Zone::SHANGHAI), "27 February 2026, 00:00 Beijing time (UTC+8)");
    /// ```
    pub fn format_deadline(self, at: DateTime<Utc>, zone: impl Into<Tz>) -> String {
        self.format_moment(at, zone.into(), true)
    }

    /// The local date of `at` in `zone`, as a letter dates an event it reports: `2026年3月13日`
    /// in Chinese (Simplified and Hong Kong alike), `13 March 2026` in English. Without the
    /// hour, so without the zone: use [`format_time`](Self::format_time) where the hour
    /// matters and [`format_deadline`](Self::format_deadline) for a due time.
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone as _, Utc};
    /// use incident::locale::{Locale, Zone};
    ///
    /// // 17:30 UTC on 12 March is already 13 March in Beijing.
    /// let at = Utc.with_ymd_and_hms(2026, 3, 12, 17, 30, 0).unwrap();
    /// assert_eq!(Locale::ZhCn.format_date(at, Zone::SHANGHAI), "2026年3月13日");
    /// assert_eq!(Locale::ZhHk.format_date(at, Zone::SHANGHAI), "2026年3月13日");
    /// assert_eq!(Locale::En.format_date(at, Zone::SHANGHAI), "13 March 2026");
    /// assert_eq!(Locale::En.format_date(at, Zone::UTC), "12 March 2026");
    /// ```
    pub fn format_date(self, at: DateTime<Utc>, zone: impl Into<Tz>) -> String {
        let zone: Tz = zone.into();
        let fixed = zone.offset_from_utc_datetime(&at.naive_utc()).fix();
        let wall = wall_clock(at, fixed);
        match self {
            Self::ZhCn | Self::ZhHk => {
                format!("{}年{}月{}日", wall.year(), wall.month(), wall.day())
            }
            Self::En => {
                let month = MONTHS_EN
                    .get(wall.month0() as usize)
                    .copied()
                    .unwrap_or_default();
                format!("{} {month} {}", wall.day(), wall.year())
            }
        }
    }

    fn format_moment(self, at: DateTime<Utc>, zone: Tz, deadline: bool) -> String {
        let offset = zone.offset_from_utc_datetime(&at.naive_utc());
        let fixed = offset.fix();
        let seconds = fixed.local_minus_utc();
        let (wall, hour) = deadline_wall(wall_clock(at, fixed), deadline);
        let minute = wall.minute();
        let utc = utc_offset(seconds);
        let name = zone_name(zone.name());
        match self {
            Self::ZhCn | Self::ZhHk => {
                let zh = name
                    .as_ref()
                    .map(|n| if self == Self::ZhHk { n.zh_hk } else { n.zh });
                let zone_text = match (zh, name.as_ref().map(|n| n.dst)) {
                    (Some(zh), Some(false)) => zh.to_owned(),
                    (Some(zh), _) => format!("{zh}，{utc}"),
                    (None, _) => format!("{}，{utc}", zone.name()),
                };
                format!(
                    "{}年{}月{}日{hour:02}:{minute:02}（{zone_text}）",
                    wall.year(),
                    wall.month(),
                    wall.day()
                )
            }
            Self::En => {
                let month = MONTHS_EN
                    .get(wall.month0() as usize)
                    .copied()
                    .unwrap_or_default();
                let date = format!(
                    "{} {month} {}, {hour:02}:{minute:02}",
                    wall.day(),
                    wall.year()
                );
                match (name.and_then(|n| n.en), offset.abbreviation()) {
                    (Some(name), _) => format!("{date} {name} ({utc})"),
                    (None, Some("UTC")) if seconds == 0 => format!("{date} UTC"),
                    (None, Some(abbreviation)) if !abbreviation.starts_with(['+', '-']) => {
                        format!("{date} {abbreviation} ({utc})")
                    }
                    _ => format!("{date} ({utc})"),
                }
            }
        }
    }

    /// `n` with thousands separators (`12,480` in every locale: exact, and what Chinese
    /// financial notices use (`12,480人`), where `1.2万` would round).
    pub fn format_count(self, n: u64) -> String {
        group_thousands(n)
    }

    /// An amount of money as a notice in this locale writes it: zh-CN puts the currency's
    /// Chinese name after the amount (`3,860,000.00元`, `1,200.00港元`), zh-HK likewise in
    /// Hong Kong usage, where 元 alone means Hong Kong dollars (`3,860,000.00人民幣`,
    /// `1,200.00港元`), en puts the ISO code
    /// before it (`CNY 3,860,000.00`: "¥" reads as yen to English readers). A currency
    /// without a Chinese name keeps its code in both (`BHD 1.234`).
    ///
    /// # Examples
    /// ```
    /// use incident::locale::Locale;
    /// use incident::{Currency, Money};
    /// let money = Money::from_major(3_860_000, Currency::CNY)?;
    /// assert_eq!(Locale::ZhCn.format_money(money), "3,860,000.00元");
    /// assert_eq!(Locale::En.format_money(money), "CNY 3,860,000.00");
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn format_money(self, money: Money) -> String {
        let amount = money.grouped_amount();
        let code = money.currency();
        match (self, zh_currency_unit(code.code())) {
            (Self::ZhCn, Some((unit, _))) => format!("{amount}{unit}"),
            (Self::ZhHk, Some((_, unit))) => format!("{amount}{unit}"),
            _ => format!("{code} {amount}"),
        }
    }

    /// Money as prose writes a large round sum: `人民币386万元` / `人民幣386萬元` in Chinese
    /// (counted in 万), `CNY 3.86 million` in English. Only when that is exact — whole
    /// hundredths of a 万 or of a million, at least one of them, not negative — and
    /// [`format_money`](Locale::format_money) otherwise: a compact figure is never rounded.
    ///
    /// # Examples
    /// ```
    /// use incident::locale::Locale;
    /// use incident::{Currency, Money};
    /// let stolen = Money::from_major(3_860_000, Currency::CNY)?;
    /// assert_eq!(Locale::ZhCn.format_money_in_prose(stolen), "人民币386万元");
    /// assert_eq!(Locale::ZhHk.format_money_in_prose(stolen), "人民幣386萬元");
    /// assert_eq!(Locale::En.format_money_in_prose(stolen), "CNY 3.86 million");
    /// let odd = Money::from_minor(386_000_001, Currency::CNY);
    /// assert_eq!(Locale::ZhCn.format_money_in_prose(odd), "3,860,000.01元");
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn format_money_in_prose(self, money: Money) -> String {
        let minor = i128::from(money.amount_minor());
        let Some(unit) = 10i128.checked_pow(u32::from(money.currency().minor_exponent())) else {
            return self.format_money(money);
        };
        // A 万 (10^4) or a million (10^6) of major units, in hundredths.
        let step = match self {
            Self::ZhCn | Self::ZhHk => unit * 10_000,
            Self::En => unit * 1_000_000,
        };
        if minor < step || minor % (step / 100) != 0 {
            return self.format_money(money);
        }
        let hundredths = minor / (step / 100);
        let mut number = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        while number.ends_with('0') {
            number.pop();
        }
        if number.ends_with('.') {
            number.pop();
        }
        let code = money.currency();
        match (self, zh_currency_unit(code.code())) {
            (Self::ZhCn, Some(("元", _))) => format!("人民币{number}万元"),
            (Self::ZhHk, Some((_, "人民幣"))) => format!("人民幣{number}萬元"),
            (Self::ZhCn, Some((unit, _))) => format!("{number}万{unit}"),
            (Self::ZhHk, Some((_, unit))) => format!("{number}萬{unit}"),
            (Self::En, _) => format!("{code} {number} million"),
            _ => self.format_money(money),
        }
    }

    /// Basis points as a percentage with one decimal, rounded down: `8750` → `87.5%`.
    pub(crate) fn format_percent(self, basis_points: u32) -> String {
        format!("{}.{}%", basis_points / 100, (basis_points % 100) / 10)
    }

    /// The reader-facing name of a data category (its [`Label`]).
    ///
    /// # Examples
    /// ```
    /// use incident::classify::DataCategory;
    /// use incident::locale::Locale;
    /// assert_eq!(Locale::ZhCn.data_category_name(DataCategory::IdentityDocument), "身份证件信息");
    /// assert_eq!(Locale::En.data_category_name(DataCategory::IdentityDocument), "identity document numbers");
    /// ```
    pub fn data_category_name(self, category: DataCategory) -> &'static str {
        category.label(self)
    }

    /// Colon, comma and semicolon with the spacing of the locale: full-width and unspaced
    /// in Chinese, Simplified and Traditional (`：`, `，`, `；`), followed by a space in English.
    pub(crate) fn punctuation(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::ZhCn | Self::ZhHk => ("：", "，", "；"),
            Self::En => (": ", ", ", "; "),
        }
    }

    /// `text` with `note` in brackets after it: `事件开始（估计）` with full-width brackets
    /// and no space in Chinese, `Incident began (estimated)` in English.
    pub(crate) fn aside(self, text: &str, note: &str) -> String {
        match self {
            Self::ZhCn | Self::ZhHk => format!("{text}（{note}）"),
            Self::En => format!("{text} ({note})"),
        }
    }

    /// A list as a sentence: `a、b、c` in Chinese, `a, b and c` in English; an empty list
    /// is `无` / `none`.
    pub(crate) fn join_list<'a>(self, items: impl IntoIterator<Item = &'a str>) -> String {
        let items: Vec<&str> = items.into_iter().collect();
        match (self, items.as_slice()) {
            (Self::ZhCn, []) => "无".to_owned(),
            (Self::ZhHk, []) => "無".to_owned(),
            (Self::En, []) => "none".to_owned(),
            (Self::ZhCn | Self::ZhHk, _) => items.join("、"),
            (Self::En, [only]) => (*only).to_owned(),
            (Self::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
        }
    }
}

/// `seconds` as `2 h 05 min` / `2小时05分`, with days when a day or more; negative spans
/// keep their sign.
pub(crate) fn format_seconds(locale: Locale, seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    let (days, hours, minutes) = (s / 86_400, (s % 86_400) / 3_600, (s % 3_600) / 60);
    match locale {
        Locale::ZhCn if days > 0 => format!("{sign}{days}天{hours}小时{minutes:02}分"),
        Locale::ZhCn if hours > 0 => format!("{sign}{hours}小时{minutes:02}分"),
        Locale::ZhCn if minutes > 0 => format!("{sign}{minutes}分钟"),
        Locale::ZhCn => format!("{sign}{s}秒"),
        Locale::ZhHk if days > 0 => format!("{sign}{days}天{hours}小時{minutes:02}分"),
        Locale::ZhHk if hours > 0 => format!("{sign}{hours}小時{minutes:02}分"),
        Locale::ZhHk if minutes > 0 => format!("{sign}{minutes}分鐘"),
        Locale::ZhHk => format!("{sign}{s}秒"),
        Locale::En if days > 0 => format!("{sign}{days} d {hours} h {minutes:02} min"),
        Locale::En if hours > 0 => format!("{sign}{hours} h {minutes:02} min"),
        Locale::En if minutes > 0 => format!("{sign}{minutes} min"),
        Locale::En => format!("{sign}{s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn prose_money_is_compact_only_when_exact() {
        let m = |minor, c| Money::from_minor(minor, c);
        let cases = [
            (Locale::ZhCn, m(128_000_000, Currency::CNY), "人民币128万元"),
            (Locale::ZhCn, m(1_500_000, Currency::CNY), "人民币1.5万元"),
            (Locale::ZhCn, m(999_900, Currency::CNY), "9,999.00元"),
            (
                Locale::ZhCn,
                m(-386_000_000, Currency::CNY),
                "-3,860,000.00元",
            ),
            (Locale::ZhCn, m(50_000_000, Currency::HKD), "50万港元"),
            (Locale::ZhHk, m(50_000_000, Currency::HKD), "50萬港元"),
            (Locale::ZhCn, m(1_234_567, Currency::USD), "12,345.67美元"),
            (Locale::En, m(150_000_000, Currency::USD), "USD 1.5 million"),
            (Locale::En, m(12_000_000, Currency::CNY), "CNY 120,000.00"),
            (Locale::En, m(100_000_000, Currency::JPY), "JPY 100 million"),
        ];
        for (locale, money, expected) in cases {
            assert_eq!(
                locale.format_money_in_prose(money),
                expected,
                "{locale} {money}"
            );
        }
    }

    #[test]
    fn times_read_in_the_readers_zone_and_language() {
        use chrono_tz::{America, Asia, Europe, UTC};
        let at = utc(2026, 3, 14, 1, 30);
        let zh = Locale::ZhCn;
        let en = Locale::En;
        assert_eq!(
            zh.format_time(at, Asia::Shanghai),
            "2026年3月14日09:30（北京时间）"
        );
        assert_eq!(
            zh.format_time(at, Asia::Hong_Kong),
            "2026年3月14日09:30（香港时间）"
        );
        assert_eq!(
            zh.format_time(at, Asia::Singapore),
            "2026年3月14日09:30（新加坡时间）"
        );
        assert_eq!(zh.format_time(at, UTC), "2026年3月14日01:30（协调世界时）");
        let hk = Locale::ZhHk;
        assert_eq!(
            hk.format_time(at, Asia::Hong_Kong),
            "2026年3月14日09:30（香港時間）"
        );
        assert_eq!(
            hk.format_time(at, Asia::Shanghai),
            "2026年3月14日09:30（北京時間）"
        );
        assert_eq!(
            hk.format_time(at, America::New_York),
            "2026年3月13日21:30（美國東部時間，UTC-4）"
        );
        assert_eq!(hk.format_time(at, UTC), "2026年3月14日01:30（協調世界時）");
        assert_eq!(
            hk.format_time(at, Europe::Lisbon),
            "2026年3月14日01:30（Europe/Lisbon，UTC+0）"
        );
        assert_eq!(
            hk.format_deadline(utc(2026, 2, 26, 16, 0), Asia::Hong_Kong),
            "2026年2月26日24:00（香港時間）"
        );
        assert_eq!(
            zh.format_time(at, Europe::Berlin),
            "2026年3月14日02:30（中欧时间，UTC+1）"
        );
        assert_eq!(
            zh.format_time(utc(2026, 7, 1, 1, 30), Europe::Berlin),
            "2026年7月1日03:30（中欧时间，UTC+2）"
        );
        assert_eq!(
            zh.format_time(at, Europe::Lisbon),
            "2026年3月14日01:30（Europe/Lisbon，UTC+0）"
        );
        assert_eq!(
            en.format_time(at, Asia::Shanghai),
            "14 March 2026, 09:30 Beijing time (UTC+8)"
        );
        assert_eq!(
            en.format_time(at, America::New_York),
            "13 March 2026, 21:30 EDT (UTC-4)"
        );
        assert_eq!(en.format_time(at, UTC), "14 March 2026, 01:30 UTC");
        // A zone whose tz-database abbreviation is numeric shows the offset once.
        assert_eq!(
            en.format_time(at, America::Sao_Paulo),
            "13 March 2026, 22:30 (UTC-3)"
        );
        // The extremes of chrono's range do not panic.
        assert!(!zh
            .format_time(DateTime::<Utc>::MAX_UTC, America::New_York)
            .is_empty());
        assert!(!en
            .format_time(DateTime::<Utc>::MIN_UTC, Asia::Shanghai)
            .is_empty());
    }

    #[test]
    fn offsets_show_seconds_only_when_they_have_some() {
        assert_eq!(utc_offset(8 * 3600), "UTC+8");
        assert_eq!(utc_offset(-4 * 3600), "UTC-4");
        assert_eq!(utc_offset(5 * 3600 + 30 * 60), "UTC+5:30");
        assert_eq!(utc_offset(-(9 * 3600 + 30 * 60)), "UTC-9:30");
        assert_eq!(utc_offset(8 * 3600 + 5 * 60 + 43), "UTC+8:05:43");
        assert_eq!(utc_offset(0), "UTC+0");
        // Shanghai's local mean time before 1901.
        let at = utc(1900, 1, 1, 0, 0);
        assert_eq!(
            Locale::En.format_time(at, chrono_tz::Asia::Shanghai),
            "1 January 1900, 08:05 Beijing time (UTC+8:05:43)"
        );
    }

    #[test]
    fn numbers_money_and_lists_read_per_locale() {
        assert_eq!(Locale::ZhCn.format_count(12_480), "12,480");
        assert_eq!(Locale::En.format_count(999), "999");
        let money = Money::from_major(3_860_000, Currency::CNY).unwrap();
        assert_eq!(Locale::En.format_money(money), "CNY 3,860,000.00");
        assert_eq!(Locale::ZhCn.format_money(money), "3,860,000.00元");
        let hkd = Money::from_minor(-120_050, Currency::HKD);
        assert_eq!(Locale::ZhCn.format_money(hkd), "-1,200.50港元");
        assert_eq!(Locale::En.format_money(hkd), "HKD -1,200.50");
        let bhd = Money::from_minor(1_234, Currency::new("BHD").unwrap());
        assert_eq!(Locale::ZhCn.format_money(bhd), "BHD 1.234");
        // Hong Kong: 元 alone would read as Hong Kong dollars, so renminbi is 人民幣.
        assert_eq!(Locale::ZhHk.format_money(money), "3,860,000.00人民幣");
        assert_eq!(Locale::ZhHk.format_money(hkd), "-1,200.50港元");
        assert_eq!(
            Locale::ZhHk.format_money(Money::from_major(12, Currency::GBP).unwrap()),
            "12.00英鎊"
        );
        assert_eq!(Locale::ZhHk.format_money(bhd), "BHD 1.234");
        assert_eq!(Locale::ZhHk.format_count(12_480), "12,480");
        assert_eq!(Locale::ZhHk.join_list([]), "無");
        assert_eq!(Locale::ZhHk.join_list(["甲", "乙"]), "甲、乙");
        assert_eq!(Locale::ZhHk.aside("事件開始", "估計"), "事件開始（估計）");
        assert_eq!(
            Locale::En.format_money(Money::from_minor(1_235, Currency::JPY)),
            "JPY 1,235"
        );
        assert_eq!(Locale::En.format_percent(8_759), "87.5%");
        assert_eq!(Locale::ZhCn.format_percent(10_000), "100.0%");
        assert_eq!(Locale::En.format_percent(5), "0.0%");
        assert_eq!(Locale::ZhCn.join_list([]), "无");
        assert_eq!(Locale::En.join_list([]), "none");
        assert_eq!(Locale::ZhCn.join_list(["甲", "乙"]), "甲、乙");
        assert_eq!(Locale::En.join_list(["a", "b"]), "a and b");
        assert_eq!(Locale::En.join_list(["a", "b", "c"]), "a, b and c");
        assert_eq!(Locale::En.join_list(["a"]), "a");
        assert_eq!(Locale::ZhCn.aside("事件开始", "估计"), "事件开始（估计）");
        assert_eq!(
            Locale::En.aside("Incident began", "estimated"),
            "Incident began (estimated)"
        );
    }

    #[test]
    fn durations_read_naturally_in_both_languages() {
        assert_eq!(format_seconds(Locale::En, 0), "0 s");
        assert_eq!(format_seconds(Locale::En, 59), "59 s");
        assert_eq!(format_seconds(Locale::En, 60), "1 min");
        assert_eq!(format_seconds(Locale::En, 3_600 + 5 * 60), "1 h 05 min");
        assert_eq!(
            format_seconds(Locale::En, 86_400 * 2 + 3_600),
            "2 d 1 h 00 min"
        );
        assert_eq!(format_seconds(Locale::En, -90 * 60), "-1 h 30 min");
        assert_eq!(format_seconds(Locale::ZhCn, 3_600 + 5 * 60), "1小时05分");
        assert_eq!(format_seconds(Locale::ZhCn, 86_400), "1天0小时00分");
        assert_eq!(format_seconds(Locale::ZhCn, 120), "2分钟");
        assert_eq!(format_seconds(Locale::ZhCn, -5), "-5秒");
        assert_eq!(format_seconds(Locale::ZhHk, 3_600 + 5 * 60), "1小時05分");
        assert_eq!(format_seconds(Locale::ZhHk, 86_400), "1天0小時00分");
        assert_eq!(format_seconds(Locale::ZhHk, 120), "2分鐘");
        assert_eq!(format_seconds(Locale::ZhHk, -5), "-5秒");
    }
}
