//! Parsing the machine form back: `"1234.50 CNY"` or `"CNY 1234.50"`.

use std::str::FromStr;

use super::MoneyError;
use crate::{Currency, Money};

impl FromStr for Money {
    type Err = MoneyError;

    /// Parses `"1234.50 CNY"` or `"CNY 1234.50"` (see [`MoneyError`]'s
    /// `Parse*` variants for what is rejected).
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let owned = || input.to_owned();
        let tokens: Vec<&str> = input.split_ascii_whitespace().collect();
        let is_code = |token: &str| token.starts_with(|c: char| c.is_ascii_alphabetic());
        let (amount, code) = match tokens.as_slice() {
            [] => return Err(MoneyError::ParseEmpty),
            [only] if is_code(only) => {
                return Err(MoneyError::ParseMissingAmount { input: owned() })
            }
            [_] => return Err(MoneyError::ParseMissingCurrency { input: owned() }),
            [first, second] => match (is_code(first), is_code(second)) {
                (true, false) => (*second, *first),
                (false, true) => (*first, *second),
                (true, true) => return Err(MoneyError::ParseMissingAmount { input: owned() }),
                (false, false) => return Err(MoneyError::ParseMissingCurrency { input: owned() }),
            },
            _ => return Err(MoneyError::ParseLayout { input: owned() }),
        };
        let currency = Currency::new(code).map_err(|reason| MoneyError::ParseCurrency {
            input: owned(),
            reason: Box::new(reason),
        })?;
        parse_amount(input, amount, currency).map(|minor| Money::from_minor(minor, currency))
    }
}

/// Parses the amount token into minor units of `currency`.
fn parse_amount(input: &str, amount: &str, currency: Currency) -> Result<i64, MoneyError> {
    let owned = || input.to_owned();
    if amount.contains(',') {
        return Err(MoneyError::ParseThousandsSeparator { input: owned() });
    }
    if amount.chars().filter(|c| matches!(c, '-' | '+')).count() > 1 {
        return Err(MoneyError::ParseMultipleSigns { input: owned() });
    }
    let (negative, unsigned) = match amount.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, amount),
    };
    if let Some(character) = unsigned.chars().find(|c| !c.is_ascii_digit() && *c != '.') {
        return Err(MoneyError::ParseInvalidCharacter {
            input: owned(),
            character,
        });
    }
    if unsigned.is_empty() {
        return Err(MoneyError::ParseMissingAmount { input: owned() });
    }
    let (whole, fraction) = match unsigned.split_once('.') {
        None => (unsigned, ""),
        Some((whole, fraction)) => {
            if whole.is_empty() || fraction.is_empty() || fraction.contains('.') {
                return Err(MoneyError::ParseDecimalPoint { input: owned() });
            }
            (whole, fraction)
        }
    };
    let allowed = currency.minor_exponent();
    if fraction.len() > usize::from(allowed) {
        return Err(MoneyError::ParseTooManyDecimals {
            input: owned(),
            currency,
            allowed,
            found: fraction.len(),
        });
    }
    // Right-pad the fraction with zeros to exactly `allowed` digits, then read
    // all digits as one integer of minor units.
    let padding = usize::from(allowed).saturating_sub(fraction.len());
    let magnitude = whole
        .bytes()
        .chain(fraction.bytes())
        .chain(std::iter::repeat_n(b'0', padding))
        .try_fold(0_i128, |acc, digit| {
            acc.checked_mul(10)?
                .checked_add(i128::from(digit.checked_sub(b'0')?))
        });
    magnitude
        .map(|m| if negative { -m } else { m })
        .and_then(|signed| i64::try_from(signed).ok())
        .ok_or_else(|| MoneyError::ParseOverflow { input: owned() })
}

#[cfg(test)]
mod tests {
    use crate::money::testing::{any_currency, cur, m};
    use crate::money::MoneyError;
    use crate::{Currency, Money};
    use proptest::prelude::*;

    fn parse(input: &str) -> Result<Money, MoneyError> {
        input.parse()
    }

    #[test]
    fn parse_accepts() {
        assert_eq!(parse("1234.50 CNY"), Ok(m(123_450, Currency::CNY)));
        assert_eq!(parse("CNY 1234.50"), Ok(m(123_450, Currency::CNY)));
        assert_eq!(parse("-12 USD"), Ok(m(-1_200, Currency::USD)));
        assert_eq!(parse("1234.5 CNY"), Ok(m(123_450, Currency::CNY)));
        assert_eq!(parse("0.05 USD"), Ok(m(5, Currency::USD)));
        assert_eq!(parse("USD -0.05"), Ok(m(-5, Currency::USD)));
        assert_eq!(parse("1235 JPY"), Ok(m(1_235, Currency::JPY)));
        assert_eq!(parse("1.234 BHD"), Ok(m(1_234, cur("BHD"))));
        assert_eq!(parse("  7   HKD "), Ok(m(700, Currency::HKD)));
        assert_eq!(parse("-0 USD"), Ok(m(0, Currency::USD)));
        assert_eq!(parse("007.10 USD"), Ok(m(710, Currency::USD)));
        assert_eq!(
            parse("92233720368547758.07 USD"),
            Ok(m(i64::MAX, Currency::USD))
        );
        assert_eq!(
            parse("-92233720368547758.08 USD"),
            Ok(m(i64::MIN, Currency::USD))
        );
    }

    #[test]
    fn parse_empty() {
        assert_eq!(parse(""), Err(MoneyError::ParseEmpty));
        assert_eq!(parse(" \t "), Err(MoneyError::ParseEmpty));
        assert_eq!(
            MoneyError::ParseEmpty.to_string(),
            "cannot parse an empty string as money: expected an amount and an ISO 4217 code, e.g. \"1234.50 CNY\""
        );
    }

    #[test]
    fn parse_missing_currency() {
        for input in ["12.50", "12 34", "12USD"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseMissingCurrency {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert_eq!(
            parse("12.50").unwrap_err().to_string(),
            "cannot parse \"12.50\" as money: no currency code; add an ISO 4217 code separated by a space, e.g. \"12.50 CNY\""
        );
    }

    #[test]
    fn parse_missing_amount() {
        for input in ["CNY", "CNY USD", "- CNY", "USD12"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseMissingAmount {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("CNY")
            .unwrap_err()
            .to_string()
            .contains("no amount; write digits"));
    }

    #[test]
    fn parse_layout() {
        for input in ["1 234.50 CNY", "12 CNY USD", "CNY 1 2"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseLayout {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("1 234.50 CNY")
            .unwrap_err()
            .to_string()
            .contains("expected exactly one amount and one currency code"));
    }

    #[test]
    fn parse_unknown_or_lowercase_currency() {
        let err = parse("12 XXX").unwrap_err();
        assert_eq!(
            err,
            MoneyError::ParseCurrency {
                input: "12 XXX".into(),
                reason: Box::new(MoneyError::UnknownCurrency { code: "XXX".into() })
            }
        );
        assert!(err
            .to_string()
            .starts_with("cannot parse \"12 XXX\" as money: unknown currency code \"XXX\""));
        assert_eq!(
            parse("12 cny").unwrap_err().to_string(),
            "cannot parse \"12 cny\" as money: currency code \"cny\" must be upper-case: use \"CNY\""
        );
        assert!(matches!(
            parse("US$ 12"),
            Err(MoneyError::ParseCurrency { reason, .. })
                if matches!(*reason, MoneyError::MalformedCurrency { .. })
        ));
    }

    #[test]
    fn parse_too_many_decimals() {
        let err = parse("1.234 USD").unwrap_err();
        assert_eq!(
            err,
            MoneyError::ParseTooManyDecimals {
                input: "1.234 USD".into(),
                currency: Currency::USD,
                allowed: 2,
                found: 3
            }
        );
        assert_eq!(
            err.to_string(),
            "cannot parse \"1.234 USD\" as money: USD has 2 decimal places but the amount has 3; round to the currency's minor unit first"
        );
        assert!(matches!(
            parse("5.0 JPY"),
            Err(MoneyError::ParseTooManyDecimals {
                allowed: 0,
                found: 1,
                ..
            })
        ));
        assert!(matches!(
            parse("1.2345 BHD"),
            Err(MoneyError::ParseTooManyDecimals {
                allowed: 3,
                found: 4,
                ..
            })
        ));
    }

    #[test]
    fn parse_invalid_character() {
        for (input, character) in [
            ("12a USD", 'a'),
            ("$12 USD", '$'),
            ("+12 USD", '+'),
            ("12- USD", '-'),
            ("1_000 USD", '_'),
            ("1e3 USD", 'e'),
            ("１２ USD", '１'),
        ] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseInvalidCharacter {
                    input: input.into(),
                    character
                }),
                "{input}"
            );
        }
        assert_eq!(
            parse("12a USD").unwrap_err().to_string(),
            "cannot parse \"12a USD\" as money: unexpected character 'a' in the amount; use only digits, an optional leading '-' and at most one '.'"
        );
    }

    #[test]
    fn parse_thousands_separator() {
        for input in ["1,234.50 CNY", "CNY 1,234", "1,5 EUR"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseThousandsSeparator {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("1,234.50 CNY")
            .unwrap_err()
            .to_string()
            .contains("write the amount ungrouped"));
    }

    #[test]
    fn parse_multiple_signs() {
        for input in ["--5 USD", "-+5 USD", "+-5 USD", "-5- USD"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseMultipleSigns {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("--5 USD")
            .unwrap_err()
            .to_string()
            .contains("use at most one leading '-'"));
    }

    #[test]
    fn parse_decimal_point() {
        for input in ["1. USD", ".5 USD", "-.5 USD", "1.2.3 USD", ". USD"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseDecimalPoint {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert_eq!(
            parse("1. USD").unwrap_err().to_string(),
            "cannot parse \"1. USD\" as money: a '.' must appear at most once with digits on both sides, e.g. \"0.50 USD\" or \"1 USD\""
        );
    }

    #[test]
    fn parse_overflow() {
        for input in [
            "92233720368547758.08 USD",
            "-92233720368547758.09 USD",
            "9223372036854775808 JPY",
            "99999999999999999999999999999999999999999999999 JPY",
        ] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseOverflow {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("9223372036854775808 JPY")
            .unwrap_err()
            .to_string()
            .contains("does not fit in i64 minor units"));
    }

    proptest! {
        #[test]
        fn plain_string_round_trips(a in any::<i64>(), c in any_currency()) {
            let x = m(a, c);
            let text = x.to_plain_string();
            prop_assert_eq!(text.parse::<Money>(), Ok(x));
            // The code-first form parses to the same value.
            let (amount, code) = text.split_once(' ').unwrap();
            prop_assert_eq!(format!("{code} {amount}").parse::<Money>(), Ok(x));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<Money>();
        }

        #[test]
        fn parse_never_panics_near_valid(s in "[-+.,0-9 ]{0,25}(USD|JPY|BHD|cny|XXX)?") {
            let _ = s.parse::<Money>();
        }
    }
}
