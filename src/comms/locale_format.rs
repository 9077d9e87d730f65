//! How fact values read in each locale (the formats are documented on
//! [`FactValue::localized`]).

use std::borrow::Cow;

use chrono::{DateTime, Datelike, Offset, TimeZone as _, Timelike, Utc};
use chrono_tz::OffsetName;

use super::{FactValue, Locale};
use crate::money::group_thousands;
use crate::regulation::format_offset;
use crate::{classify::DataCategory, regulation::TimeZone};

/// Chinese names of common zones, and whether the zone observes daylight saving (then the
/// offset is shown too).
fn zh_zone_name(iana: &str) -> Option<(&'static str, bool)> {
    Some(match iana {
        "Asia/Shanghai" | "Asia/Chongqing" | "Asia/Chungking" | "Asia/Harbin" | "PRC" => {
            ("北京时间", false)
        }
        "Asia/Hong_Kong" | "Hongkong" => ("香港时间", false),
        "Asia/Macau" | "Asia/Macao" => ("澳门时间", false),
        "Asia/Taipei" | "ROC" => ("台北时间", false),
        "Asia/Singapore" | "Singapore" => ("新加坡时间", false),
        "Asia/Tokyo" | "Japan" => ("日本时间", false),
        "America/New_York" | "US/Eastern" | "EST5EDT" => ("美国东部时间", true),
        "America/Chicago" | "US/Central" | "CST6CDT" => ("美国中部时间", true),
        "America/Los_Angeles" | "US/Pacific" | "PST8PDT" => ("美国太平洋时间", true),
        "Europe/London" | "GB" => ("英国时间", true),
        "Europe/Berlin" | "Europe/Brussels" | "Europe/Paris" | "Europe/Amsterdam"
        | "Europe/Luxembourg" | "Europe/Madrid" | "Europe/Rome" | "Europe/Vienna"
        | "Europe/Zurich" | "Europe/Stockholm" | "Europe/Copenhagen" | "Europe/Oslo"
        | "Europe/Prague" | "Europe/Warsaw" | "CET" => ("中欧时间", true),
        "UTC" | "Etc/UTC" | "Etc/UCT" | "Etc/Universal" | "Etc/Zulu" | "UCT" | "Universal"
        | "Zulu" | "Etc/GMT" | "GMT" => ("协调世界时", false),
        _ => return None,
    })
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

impl Locale {
    /// `at` as a reader in `zone` sees it, in this locale (the formats are described on
    /// [`FactValue::localized`]).
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone as _, Utc};
    /// use incident::{Locale, TimeZone};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// assert_eq!(Locale::ZhCn.format_time(at, TimeZone::SHANGHAI), "2026年3月14日 09:30 (北京时间)");
    /// assert_eq!(Locale::En.format_time(at, TimeZone::SHANGHAI), "14 March 2026, 09:30 CST (UTC+08:00)");
    /// assert_eq!(
    ///     Locale::ZhCn.format_time(at, TimeZone::NEW_YORK),
    ///     "2026年3月13日 21:30 (美国东部时间 UTC-04:00)"
    /// );
    /// ```
    pub fn format_time(self, at: DateTime<Utc>, zone: TimeZone) -> String {
        let wall = zone.to_local(at);
        let offset = zone.as_tz().offset_from_utc_datetime(&at.naive_utc());
        let seconds = offset.fix().local_minus_utc();
        let utc_offset = format_offset(seconds);
        let (hour, minute) = (wall.hour(), wall.minute());
        match self {
            Self::ZhCn => {
                let zone_text = match zh_zone_name(zone.name()) {
                    Some((name, false)) => name.to_owned(),
                    Some((name, true)) => format!("{name} UTC{utc_offset}"),
                    None => format!("{} UTC{utc_offset}", zone.name()),
                };
                format!(
                    "{}年{}月{}日 {hour:02}:{minute:02} ({zone_text})",
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
                match offset.abbreviation() {
                    Some("UTC") if seconds == 0 => format!("{date} UTC"),
                    Some(abbreviation) if !abbreviation.starts_with(['+', '-']) => {
                        format!("{date} {abbreviation} (UTC{utc_offset})")
                    }
                    _ => format!("{date} (UTC{utc_offset})"),
                }
            }
        }
    }

    /// `n` with thousands separators (`12,480` in both locales: exact, and usual in
    /// Chinese financial notices).
    pub fn format_count(self, n: u64) -> String {
        group_thousands(n)
    }

    /// The reader-facing name of a data category.
    ///
    /// # Examples
    /// ```
    /// use incident::{DataCategory, Locale};
    /// assert_eq!(Locale::ZhCn.data_category_name(DataCategory::IdentityDocument), "身份证件信息");
    /// assert_eq!(Locale::En.data_category_name(DataCategory::IdentityDocument), "identity document numbers");
    /// ```
    pub fn data_category_name(self, category: DataCategory) -> &'static str {
        use DataCategory::*;
        match self {
            Self::ZhCn => match category {
                BasicIdentity => "姓名等基本身份信息",
                IdentityDocument => "身份证件信息",
                ContactDetails => "联系方式",
                Credentials => "登录密码等账户凭证",
                MultiFactorCredential => "二次验证凭证",
                SessionToken => "登录会话凭证",
                FinancialAccount => "银行及证券账户信息",
                PaymentCard => "银行卡信息",
                TransactionHistory => "交易记录",
                VirtualCurrency => "虚拟货币资产信息",
                Biometric => "生物识别信息",
                Health => "健康信息",
                Location => "位置信息",
                InternalBusiness => "公司内部业务数据",
                SystemSecrets => "系统密钥",
                SourceCode => "源代码",
                Other => "其他信息",
            },
            Self::En => match category {
                BasicIdentity => "basic identity details (name, date of birth)",
                IdentityDocument => "identity document numbers",
                ContactDetails => "contact details",
                Credentials => "login credentials (passwords, PINs)",
                MultiFactorCredential => "two-factor authentication credentials",
                SessionToken => "login session tokens",
                FinancialAccount => "bank or brokerage account details",
                PaymentCard => "payment card details",
                TransactionHistory => "transaction history",
                VirtualCurrency => "virtual currency holdings",
                Biometric => "biometric data",
                Health => "health information",
                Location => "location history",
                InternalBusiness => "internal business data",
                SystemSecrets => "system secrets (keys, tokens)",
                SourceCode => "source code",
                Other => "other information",
            },
        }
    }

    /// A list as a sentence: `a、b、c` in Chinese, `a, b and c` in English; an empty list
    /// is `无` / `none`.
    pub(crate) fn join_list<'a>(self, items: impl IntoIterator<Item = &'a str>) -> String {
        let items: Vec<&str> = items.into_iter().collect();
        match (self, items.as_slice()) {
            (Self::ZhCn, []) => "无".to_owned(),
            (Self::En, []) => "none".to_owned(),
            (Self::ZhCn, _) => items.join("、"),
            (Self::En, [only]) => (*only).to_owned(),
            (Self::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
        }
    }

    /// The zone readers in this locale are assumed to be in when the host names none:
    /// Beijing time for zh-CN (what Chinese notices use), UTC for en (which has no home
    /// zone; hosts should set one per recipient).
    pub fn default_time_zone(self) -> TimeZone {
        match self {
            Self::ZhCn => TimeZone::SHANGHAI,
            Self::En => TimeZone::UTC,
        }
    }
}

impl FactValue {
    /// The value as a reader in `locale` and `zone` sees it, or `None` when a
    /// [`FactValue::Text`] has no text in `locale`: a notice never switches language
    /// silently. Literals come out as they are; amounts use [`Money`](crate::Money)'s
    /// display.
    ///
    ///
    /// | value | zh-CN | en |
    /// |---|---|---|
    /// | time (Asia/Shanghai) | `2026年3月14日 09:30 (北京时间)` | `14 March 2026, 09:30 CST (UTC+08:00)` |
    /// | time (America/New_York) | `2026年3月13日 21:30 (美国东部时间 UTC-04:00)` | `13 March 2026, 21:30 EDT (UTC-04:00)` |
    /// | time (UTC) | `2026年3月14日 01:30 (协调世界时)` | `14 March 2026, 01:30 UTC` |
    /// | count | `12,480` | `12,480` |
    /// | amount | `¥3,860,000.00` | `¥3,860,000.00` |
    /// | data categories | `联系方式、身份证件信息` | `contact details and identity document numbers` |
    ///
    /// Times: zh-CN names the zone in words for the zones Chinese readers meet most (北京时间,
    /// 香港时间, 新加坡时间, 美国东部时间, 中欧时间, 协调世界时 …) and adds the UTC offset
    /// where the zone observes daylight saving, so "美国东部时间" is never ambiguous; other zones
    /// show their IANA name and offset. en gives day, month name, year, the zone abbreviation
    /// and the offset, because abbreviations alone are ambiguous (CST is also US Central).
    /// Counts use thousands separators in both languages: exact, and what Chinese financial
    /// notices use (`12,480人`), where `1.2万` would round.
    ///
    /// # Examples
    /// ```
    /// use incident::{FactValue, Locale, TimeZone};
    /// let v = FactValue::text(Locale::En, "We reset all passwords.");
    /// assert_eq!(v.localized(Locale::En, TimeZone::UTC).as_deref(), Some("We reset all passwords."));
    /// assert_eq!(v.localized(Locale::ZhCn, TimeZone::UTC), None);
    /// assert_eq!(FactValue::Count { n: 1_200_000 }.localized(Locale::ZhCn, TimeZone::UTC).as_deref(), Some("1,200,000"));
    /// ```
    pub fn localized(&self, locale: Locale, zone: TimeZone) -> Option<Cow<'_, str>> {
        Some(match self {
            Self::Text { by_locale } => Cow::Borrowed(by_locale.get(&locale)?.as_str()),
            Self::Literal { value } => Cow::Borrowed(value.as_str()),
            Self::Time { at } => Cow::Owned(locale.format_time(*at, zone)),
            Self::Count { n } => Cow::Owned(locale.format_count(*n)),
            Self::Amount { money } => Cow::Owned(money.to_string()),
            Self::DataCategories { categories } => Cow::Owned(
                locale.join_list(categories.iter().map(|c| locale.data_category_name(*c))),
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, Money};

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn times_read_in_the_readers_zone_and_language() {
        let at = utc(2026, 3, 14, 1, 30);
        let zh = Locale::ZhCn;
        let en = Locale::En;
        assert_eq!(
            zh.format_time(at, TimeZone::SHANGHAI),
            "2026年3月14日 09:30 (北京时间)"
        );
        assert_eq!(
            zh.format_time(at, TimeZone::HONG_KONG),
            "2026年3月14日 09:30 (香港时间)"
        );
        assert_eq!(
            zh.format_time(at, TimeZone::SINGAPORE),
            "2026年3月14日 09:30 (新加坡时间)"
        );
        assert_eq!(
            zh.format_time(at, TimeZone::UTC),
            "2026年3月14日 01:30 (协调世界时)"
        );
        assert_eq!(
            zh.format_time(at, TimeZone::BERLIN),
            "2026年3月14日 02:30 (中欧时间 UTC+01:00)"
        );
        assert_eq!(
            zh.format_time(utc(2026, 7, 1, 1, 30), TimeZone::BERLIN),
            "2026年7月1日 03:30 (中欧时间 UTC+02:00)"
        );
        let lisbon: TimeZone = "Europe/Lisbon".parse().unwrap();
        assert_eq!(
            zh.format_time(at, lisbon),
            "2026年3月14日 01:30 (Europe/Lisbon UTC+00:00)"
        );
        assert_eq!(
            en.format_time(at, TimeZone::SHANGHAI),
            "14 March 2026, 09:30 CST (UTC+08:00)"
        );
        assert_eq!(
            en.format_time(at, TimeZone::NEW_YORK),
            "13 March 2026, 21:30 EDT (UTC-04:00)"
        );
        assert_eq!(
            en.format_time(at, TimeZone::UTC),
            "14 March 2026, 01:30 UTC"
        );
        // A zone whose tz-database abbreviation is numeric shows the offset once.
        let sao_paulo: TimeZone = "America/Sao_Paulo".parse().unwrap();
        assert_eq!(
            en.format_time(at, sao_paulo),
            "13 March 2026, 22:30 (UTC-03:00)"
        );
        // The extremes of chrono's range do not panic.
        assert!(!zh
            .format_time(DateTime::<Utc>::MAX_UTC, TimeZone::NEW_YORK)
            .is_empty());
        assert!(!en
            .format_time(DateTime::<Utc>::MIN_UTC, TimeZone::SHANGHAI)
            .is_empty());
    }

    #[test]
    fn values_render_per_locale() {
        let cats = FactValue::DataCategories {
            categories: [
                DataCategory::ContactDetails,
                DataCategory::IdentityDocument,
                DataCategory::BasicIdentity,
            ]
            .into_iter()
            .collect(),
        };
        let z = TimeZone::UTC;
        assert_eq!(
            cats.localized(Locale::ZhCn, z).unwrap(),
            "姓名等基本身份信息、身份证件信息、联系方式"
        );
        assert_eq!(
            cats.localized(Locale::En, z).unwrap(),
            "basic identity details (name, date of birth), identity document numbers and contact details"
        );
        let none = FactValue::DataCategories {
            categories: Default::default(),
        };
        assert_eq!(none.localized(Locale::ZhCn, z).unwrap(), "无");
        assert_eq!(none.localized(Locale::En, z).unwrap(), "none");
        assert_eq!(Locale::En.join_list(["a", "b"]), "a and b");
        assert_eq!(Locale::En.join_list(["a"]), "a");
        assert_eq!(
            FactValue::Count { n: 12_480 }
                .localized(Locale::ZhCn, z)
                .unwrap(),
            "12,480"
        );
        assert_eq!(
            FactValue::Count { n: 999 }
                .localized(Locale::En, z)
                .unwrap(),
            "999"
        );
        let money = Money::from_major(3_860_000, Currency::CNY).unwrap();
        assert_eq!(
            FactValue::Amount { money }
                .localized(Locale::En, z)
                .unwrap(),
            "¥3,860,000.00"
        );
        assert_eq!(
            FactValue::Literal {
                value: "400-820-8820".into()
            }
            .localized(Locale::ZhCn, z)
            .unwrap(),
            "400-820-8820"
        );
    }

    #[test]
    fn every_data_category_has_a_distinct_name_in_each_language() {
        for locale in Locale::ALL {
            let names: std::collections::BTreeSet<_> = DataCategory::ALL
                .iter()
                .map(|c| locale.data_category_name(*c))
                .collect();
            assert_eq!(names.len(), DataCategory::ALL.len(), "{locale}");
        }
    }
}
