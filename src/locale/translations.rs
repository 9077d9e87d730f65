//! A name written in one language with its translations, for names that are data (a
//! regime's or a report's title) rather than a closed vocabulary ([`Label`](super::Label)).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Locale;

/// The translations of a name, by language. The name itself stays where it was written
/// (e.g. `Report::name`); a reader in a language without a translation gets that name, so
/// a missing translation shows the original, never a blank.
///
/// # Examples
/// ```
/// use incident::locale::{Locale, Translations};
///
/// let titles = Translations::new().with(Locale::ZhCn, "向中国人民银行报告");
/// assert_eq!(titles.or(Locale::ZhCn, "Report to the PBOC"), "向中国人民银行报告");
/// assert_eq!(titles.or(Locale::ZhHk, "Report to the PBOC"), "Report to the PBOC");
/// ```
#[derive(
    Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct Translations(BTreeMap<Locale, String>);

impl Translations {
    /// No translation.
    pub fn new() -> Self {
        Self::default()
    }

    /// With `text` as the translation for `locale`.
    #[must_use]
    pub fn with(mut self, locale: Locale, text: impl Into<String>) -> Self {
        self.0.insert(locale, text.into());
        self
    }

    /// The translation for `locale`, if any.
    pub fn get(&self, locale: Locale) -> Option<&str> {
        self.0.get(&locale).map(String::as_str)
    }

    /// The translation for `locale`, else `original`.
    pub fn or<'a>(&'a self, locale: Locale, original: &'a str) -> &'a str {
        self.get(locale).unwrap_or(original)
    }

    /// Whether there is no translation.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
