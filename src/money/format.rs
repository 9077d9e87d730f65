//! Money as text: the human form (`Display`) and the machine form (`to_plain_string`).

use std::fmt;
#[cfg(doc)]
use std::str::FromStr;

use crate::Money;

impl Money {
    /// The machine form `"1234.50 CNY"`: ungrouped, exactly
    /// `minor_exponent` decimals, code last. [`FromStr`] parses it back to
    /// the same value, so use it in logs, notes and test fixtures.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// assert_eq!(Money::from_minor(-5, Currency::USD).to_plain_string(), "-0.05 USD");
    /// assert_eq!(Money::from_minor(1_235, Currency::JPY).to_plain_string(), "1235 JPY");
    /// ```
    pub fn to_plain_string(&self) -> String {
        let (major, fraction) = self.split_magnitude();
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{major}{fraction} {}", self.currency())
    }

    /// The amount without its currency, thousands grouped and signed: `-1,234.50`. Locales
    /// put the currency around it ([`Locale::format_money`](crate::locale::Locale::format_money)).
    pub(crate) fn grouped_amount(&self) -> String {
        let (major, fraction) = self.split_magnitude();
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{}{fraction}", group_thousands(major))
    }

    /// Magnitude as (major digits, ".minor" digits or empty).
    fn split_magnitude(&self) -> (u64, String) {
        let magnitude = self.amount_minor().unsigned_abs();
        let exponent = self.currency().minor_exponent();
        // minor_per_major is at least 1, so the division cannot fail.
        let per_major = self.currency().minor_per_major().unsigned_abs();
        let major = magnitude.checked_div(per_major).unwrap_or(magnitude);
        let minor = magnitude.checked_rem(per_major).unwrap_or(0);
        let fraction = if exponent == 0 {
            String::new()
        } else {
            format!(".{minor:0width$}", width = usize::from(exponent))
        };
        (major, fraction)
    }
}

/// Inserts ',' every three digits from the right.
pub(crate) fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let len = digits.len();
    let mut grouped = String::with_capacity(len + len / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index != 0 && (len - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

impl fmt::Display for Money {
    /// Human form: `¥1,234.50`, `-$0.05`, `JP¥1,235`, `BHD 1.234`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, fraction) = self.split_magnitude();
        let sign = if self.is_negative() { "-" } else { "" };
        let grouped = group_thousands(major);
        let text = match self.currency().symbol() {
            Some(symbol) => format!("{sign}{symbol}{grouped}{fraction}"),
            None => format!("{sign}{} {grouped}{fraction}", self.currency()),
        };
        f.pad(&text)
    }
}

#[cfg(test)]
mod tests {
    use crate::money::testing::{any_currency, cur, m};
    use crate::Currency;
    use proptest::prelude::*;

    #[test]
    fn display_cases() {
        assert_eq!(m(123_450, Currency::CNY).to_string(), "¥1,234.50");
        assert_eq!(m(123_450, Currency::USD).to_string(), "$1,234.50");
        assert_eq!(m(-5, Currency::USD).to_string(), "-$0.05");
        assert_eq!(m(1_235, Currency::JPY).to_string(), "JP¥1,235");
        assert_eq!(m(1_200, Currency::HKD).to_string(), "HK$12.00");
        assert_eq!(m(1_234, cur("BHD")).to_string(), "BHD 1.234");
        assert_eq!(m(-1_234, cur("BHD")).to_string(), "-BHD 1.234");
        assert_eq!(m(100_000, Currency::SGD).to_string(), "S$1,000.00");
        assert_eq!(m(99_999, Currency::EUR).to_string(), "€999.99");
        assert_eq!(m(0, Currency::GBP).to_string(), "£0.00");
        assert_eq!(m(123_456_789, Currency::JPY).to_string(), "JP¥123,456,789");
        assert_eq!(m(1_000_000, cur("KRW")).to_string(), "KRW 1,000,000");
        assert_eq!(m(12_345_678, cur("AUD")).to_string(), "AUD 123,456.78");
        assert_eq!(
            m(i64::MIN, Currency::USD).to_string(),
            "-$92,233,720,368,547,758.08"
        );
        assert_eq!(
            m(i64::MAX, Currency::JPY).to_string(),
            "JP¥9,223,372,036,854,775,807"
        );
        assert_eq!(format!("{:>12}", m(5, Currency::USD)), "       $0.05");
    }

    #[test]
    fn plain_string_cases() {
        assert_eq!(m(123_450, Currency::CNY).to_plain_string(), "1234.50 CNY");
        assert_eq!(m(-5, Currency::USD).to_plain_string(), "-0.05 USD");
        assert_eq!(m(1_235, Currency::JPY).to_plain_string(), "1235 JPY");
        assert_eq!(m(1_234, cur("BHD")).to_plain_string(), "1.234 BHD");
        assert_eq!(m(7, cur("KWD")).to_plain_string(), "0.007 KWD");
        assert_eq!(
            m(i64::MIN, Currency::USD).to_plain_string(),
            "-92233720368547758.08 USD"
        );
    }

    proptest! {
        #[test]
        fn display_digits_match_plain_string(a in any::<i64>(), c in any_currency()) {
            // Display is the plain amount with grouping and a symbol or code.
            let x = m(a, c);
            let shown: String = x.to_string().chars().filter(char::is_ascii_digit).collect();
            let plain: String = x.to_plain_string().chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(shown, plain);
            prop_assert_eq!(x.to_string().starts_with('-'), a < 0);
        }
    }
}
