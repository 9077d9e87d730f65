//! The reader-facing names of enums.

use super::Locale;

/// The name a reader sees for a value of a closed vocabulary (a phase, a kind of incident, a
/// data category), in their language. Reports and notices print labels; JSON keeps the
/// stable snake_case names.
///
/// Each enum's implementation sits beside the enum and matches on every variant, so a new
/// variant, or a new [`Locale`], does not compile until its names are written; callers only
/// ever ask `value.label(locale)`.
///
/// # Examples
/// ```
/// use incident::locale::{Label, Locale};
/// use incident::{IncidentKind, Phase};
///
/// assert_eq!(IncidentKind::DataBreach.label(Locale::ZhCn), "数据泄露");
/// assert_eq!(Phase::Contained.label(Locale::En), "contained");
/// ```
pub trait Label {
    /// The name in `locale`: a noun phrase, lower case in English unless a proper noun.
    fn label(self, locale: Locale) -> &'static str;
}

/// Asserts that every value has a non-empty label in every locale, distinct from the other
/// values' labels in that locale (a reader could not tell two apart otherwise).
#[cfg(test)]
pub(crate) fn assert_labels_distinct<T: Label + Copy + std::fmt::Debug>(values: &[T]) {
    for locale in Locale::ALL {
        let mut seen = std::collections::BTreeMap::new();
        for value in values {
            let label = value.label(locale);
            assert!(!label.is_empty(), "{value:?} has no {locale} label");
            if let Some(other) = seen.insert(label, value) {
                panic!("{value:?} and {other:?} are both `{label}` in {locale}");
            }
        }
    }
}
