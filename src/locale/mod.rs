//! Languages and everything that reads differently in each: the [`Locale`] tag, how
//! numbers, money, times and time zones are written ([`Locale::format_time`] and its
//! neighbours), and the reader-facing names of the crate's enums ([`Label`]).
//!
//! Communications rendering and the review report both write through this module, so a
//! phrase or a format is decided once: no other module holds a translation table.
//!
//! The names of an enum are translated beside the enum (`impl Label for Phase` is in the
//! lifecycle's phase file), so a new variant fails to compile until it has a name in every
//! locale. Adding a locale works the same way: add the variant to [`Locale`], and the
//! compiler lists every table and format that needs its text; callers, which only ever
//! ask for `x.label(locale)` or `locale.format_time(..)`, do not change.
//!
//! This is vocabulary: it uses std, serde, chrono, chrono-tz and schemars, and the crate's
//! ids, money and classification, nothing above them.
//! (One locale fact sits elsewhere for now: [`Locale::default_time_zone`] is implemented
//! beside the fan-out in `comms`, its one user.)

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod format;
mod label;
mod translations;
mod zone;

pub(crate) use format::{deadline_wall, format_seconds};
pub use label::Label;
pub use translations::Translations;
pub use zone::{Zone, ZoneError};

/// A language messages are written in. Built-in templates exist for each.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[non_exhaustive]
pub enum Locale {
    /// Simplified Chinese (mainland China).
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// Traditional Chinese as written in Hong Kong (資料, 賬戶, 短訊; times in 香港時間).
    #[serde(rename = "zh-HK")]
    ZhHk,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// The BCP 47 tag.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::ZhHk => "zh-HK",
            Self::En => "en",
        }
    }

    /// Every supported locale.
    pub const ALL: [Locale; 3] = [Locale::ZhCn, Locale::ZhHk, Locale::En];
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unsupported locale tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("locale {0:?} is not supported: use \"zh-CN\", \"zh-HK\" or \"en\"")]
pub struct LocaleError(String);

impl FromStr for Locale {
    type Err = LocaleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "zh-CN" | "zh-Hans-CN" | "zh" => Ok(Self::ZhCn),
            "zh-HK" | "zh-Hant-HK" | "zh-Hant" => Ok(Self::ZhHk),
            "en" | "en-US" | "en-GB" => Ok(Self::En),
            other => Err(LocaleError(other.to_owned())),
        }
    }
}

/// The text for `locale` among one phrase's translations: the report writers' and the
/// [`Label`] tables' one switch on the language.
///
/// Every call site gives every locale's text, in the order of [`Locale::ALL`]: Simplified
/// Chinese, Hong Kong Traditional Chinese (Hong Kong usage, not a character conversion:
/// 資料, 賬戶, 短訊, 補償), English. A phrase missing a language does not compile; a new
/// locale adds a parameter here and the compiler lists every call.
pub(crate) fn tr(
    locale: Locale,
    zh_cn: &'static str,
    zh_hk: &'static str,
    en: &'static str,
) -> &'static str {
    match locale {
        Locale::ZhCn => zh_cn,
        Locale::ZhHk => zh_hk,
        Locale::En => en,
    }
}

#[cfg(test)]
pub(crate) use label::assert_labels_distinct;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_parse_print_and_serialize_as_their_tag() {
        assert_eq!("zh-CN".parse::<Locale>().unwrap(), Locale::ZhCn);
        assert_eq!("en-GB".parse::<Locale>().unwrap(), Locale::En);
        let err = "fr".parse::<Locale>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "locale \"fr\" is not supported: use \"zh-CN\", \"zh-HK\" or \"en\""
        );
        for tag in ["zh-HK", "zh-Hant-HK", "zh-Hant"] {
            assert_eq!(tag.parse::<Locale>().unwrap(), Locale::ZhHk, "{tag}");
        }
        assert_eq!(Locale::ALL.len(), 3);
        for locale in Locale::ALL {
            assert_eq!(locale.as_str().parse::<Locale>().unwrap(), locale);
            assert_eq!(
                serde_json::to_value(locale).unwrap(),
                serde_json::json!(locale.to_string())
            );
        }
        assert_eq!(tr(Locale::ZhCn, "资料", "資料", "data"), "资料");
        assert_eq!(tr(Locale::ZhHk, "资料", "資料", "data"), "資料");
        assert_eq!(tr(Locale::En, "资料", "資料", "data"), "data");
    }
}
