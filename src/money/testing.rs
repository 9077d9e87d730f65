//! Helpers shared by the money unit tests.

use proptest::prelude::*;

use super::{Currency, Money};

pub(super) fn m(amount: i64, currency: Currency) -> Money {
    Money::from_minor(amount, currency)
}

pub(super) fn cur(code: &str) -> Currency {
    Currency::new(code).unwrap()
}

pub(super) fn any_currency() -> impl Strategy<Value = Currency> {
    proptest::sample::select(Currency::supported().collect::<Vec<_>>())
}
