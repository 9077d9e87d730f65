//! Wording no notice to customers or the public may carry: absolute promises.
//!
//! After a breach, a firm knows what it has done, not what will never happen. A promise
//! such as "确保不再发生" or "your money is completely safe" is the sentence a regulator, a
//! court and the next attacker quote back, and the issue that asked for this list (#16)
//! found several in the first templates. The list is checked against every built-in
//! customer and press document by a test, and hosts can run [`absolute_promises`] over
//! their own texts before registering them.
//!
//! Staff documents (the hotline script, the spokesperson's Q&A) quote these phrases as
//! lines not to use, so they are not held to the list.

/// The phrases, each with the reason it may not be published. Matching is by substring,
/// case-insensitive for English.
pub const ABSOLUTE_PROMISES: [(&str, &str); 38] = [
    ("确保", "promises an outcome; say what was done"),
    ("保证", "a guarantee the firm cannot give"),
    ("绝对", "an absolute claim"),
    ("百分之百", "an absolute claim"),
    ("100%", "an absolute claim"),
    ("彻底", "claims the problem is gone for good"),
    ("万无一失", "an absolute claim"),
    ("杜绝", "promises it can never happen"),
    ("不会再发生", "promises it can never happen"),
    ("完全安全", "an absolute claim of safety"),
    (
        "已处理完毕",
        "claims the matter is closed while claims and appeals may be open",
    ),
    (
        "全部拦截",
        "claims every attempt was stopped, which the facts rarely support",
    ),
    (
        "拦截了全部",
        "claims every attempt was stopped, which the facts rarely support",
    ),
    ("全额追回", "promises a recovery the firm does not control"),
    ("零风险", "an absolute claim of safety"),
    ("无需担心", "dismisses the reader's concern"),
    // The same in Hong Kong Traditional Chinese, where the characters differ.
    ("確保", "promises an outcome; say what was done"),
    ("保證", "a guarantee the firm cannot give"),
    ("絕對", "an absolute claim"),
    ("徹底", "claims the problem is gone for good"),
    ("萬無一失", "an absolute claim"),
    ("杜絕", "promises it can never happen"),
    ("不會再發生", "promises it can never happen"),
    (
        "已處理完畢",
        "claims the matter is closed while claims and appeals may be open",
    ),
    (
        "攔截了全部",
        "claims every attempt was stopped, which the facts rarely support",
    ),
    ("全額追回", "promises a recovery the firm does not control"),
    ("零風險", "an absolute claim of safety"),
    ("無需擔心", "dismisses the reader's concern"),
    ("guarantee", "a guarantee the firm cannot give"),
    ("ensure", "promises an outcome; say what was done"),
    ("never happen", "promises it can never happen"),
    (
        "stopped every",
        "claims every attempt was stopped, which the facts rarely support",
    ),
    ("completely safe", "an absolute claim of safety"),
    ("fully secure", "an absolute claim of safety"),
    ("absolutely", "an absolute claim"),
    ("no risk", "an absolute claim of safety"),
    (
        "fully resolved",
        "claims the matter is closed while claims and appeals may be open",
    ),
    ("nothing to worry", "dismisses the reader's concern"),
];

/// The phrases of [`ABSOLUTE_PROMISES`] that `text` contains, in list order.
///
/// # Examples
/// ```
/// use incident::comms::absolute_promises;
/// assert_eq!(absolute_promises("我们将确保此类事件不会再发生。"), ["确保", "不会再发生"]);
/// assert_eq!(absolute_promises("We Guarantee your funds."), ["guarantee"]);
/// assert!(absolute_promises("我们已停用被盗用的后台账号。").is_empty());
/// ```
pub fn absolute_promises(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    ABSOLUTE_PROMISES
        .iter()
        .map(|(phrase, _)| *phrase)
        .filter(|phrase| lower.contains(phrase))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_distinct_lowercase_and_explained() {
        let mut seen = std::collections::BTreeSet::new();
        for (phrase, why) in ABSOLUTE_PROMISES {
            assert!(seen.insert(phrase), "{phrase}");
            assert_eq!(phrase, phrase.to_lowercase(), "{phrase}");
            assert!(!why.is_empty());
        }
    }
}
