//! The canonical JSON form that digests are computed over.
//!
//! It is RFC 8785 (JSON Canonicalization Scheme) restricted to what the crate's events
//! contain: objects with members sorted by the UTF-16 code units of their names, no
//! insignificant white space, strings escaped as in RFC 8785 (`\"`, `\\`, `\b`, `\f`, `\n`,
//! `\r`, `\t`, other characters below U+0020 as `\u00xx` with lower-case hex, everything
//! else as literal UTF-8), integers in plain decimal, `true`, `false`, `null`. Numbers with a
//! fraction or exponent never occur in events and are refused rather than guessed at.

#[cfg(test)]
use serde_json::Value;

/// A value the canonical form refuses. Events made by this crate never contain one; seeing
/// this error means a bug or a hand-made value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CanonicalError {
    /// A number with a fraction or exponent.
    #[error("canonical JSON has no form for the non-integer number {number}: events carry money as integer minor units, never floats")]
    NonInteger {
        /// The number as written.
        number: String,
    },
    /// serde_json could not represent the value.
    #[error("the value cannot be encoded as JSON ({detail}); this is a bug in the incident crate, please report it")]
    Unencodable {
        /// serde_json's message.
        detail: String,
    },
}

/// Appends the canonical form of `value` to `out`: the reference the crate's writer
/// ([`canonical_ser`](super::canonical_ser)) is tested against.
#[cfg(test)]
pub(crate) fn write(value: &Value, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.extend_from_slice(i.to_string().as_bytes());
            } else if let Some(u) = n.as_u64() {
                out.extend_from_slice(u.to_string().as_bytes());
            } else {
                return Err(CanonicalError::NonInteger {
                    number: n.to_string(),
                });
            }
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(item, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            // serde_json's map is ordered by UTF-8 bytes, which differs from UTF-16 order
            // only for names mixing U+E000..U+FFFF with supplementary characters.
            if members
                .iter()
                .any(|(k, _)| k.chars().any(|c| u32::from(c) >= 0xE000))
            {
                members.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
            }
            out.push(b'{');
            for (i, (key, item)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(key, out);
                out.push(b':');
                write(item, out)?;
            }
            out.push(b'}');
        }
    }
    Ok(())
}

/// Appends `s` as an RFC 8785 JSON string.
pub(crate) fn write_string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    // Most text needs no escape: copy the leading run of clean 8-byte words at once (every
    // verified replay writes every string of every event this way), then go byte by byte.
    let clean = 8 * s
        .as_bytes()
        .chunks_exact(8)
        .take_while(|word| matches!(<[u8; 8]>::try_from(*word), Ok(w) if !needs_escape(u64::from_le_bytes(w))))
        .count();
    let (plain, bytes) = s
        .as_bytes()
        .split_at_checked(clean)
        .unwrap_or((&[], s.as_bytes()));
    out.extend_from_slice(plain);
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            0x08 => Some(b"\\b"),
            0x0c => Some(b"\\f"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0x00..=0x1f => None,
            _ => continue,
        };
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        match escape {
            Some(e) => out.extend_from_slice(e),
            None => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                super::hex_digit(b >> 4),
                super::hex_digit(b),
            ]),
        }
        start = i + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// Whether any of the eight bytes of `word` is below U+0020, `"` or `\\` (the bytes the
/// canonical form escapes). The classic "has a byte less than n" bit trick: exact as a
/// yes/no answer, and bytes of multi-byte UTF-8 characters (0x80 and up) never count.
const fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn has_below(v: u64, n: u64) -> bool {
        v.wrapping_sub(ONES * n) & !v & HIGH != 0
    }
    has_below(word, 0x20)
        || has_below(word ^ (ONES * 0x22), 1)
        || has_below(word ^ (ONES * 0x5c), 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        #[test]
        fn strings_are_written_as_serde_json_writes_them(s in "(.|[\\u{0}-\\u{1f}\"\\\\]){0,40}") {
            let mut out = Vec::new();
            write_string(&s, &mut out);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn the_word_test_agrees_with_the_byte_test(word in any::<[u8; 8]>()) {
            let bytewise = word.iter().any(|b| *b < 0x20 || *b == b'"' || *b == b'\\');
            prop_assert_eq!(needs_escape(u64::from_le_bytes(word)), bytewise);
        }
    }

    fn canon(v: &Value) -> String {
        let mut out = Vec::new();
        write(v, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sorts_members_and_drops_white_space() {
        let v = json!({"b": [1, {"z": null, "a": true}], "a": "x", "A": -5});
        assert_eq!(canon(&v), r#"{"A":-5,"a":"x","b":[1,{"a":true,"z":null}]}"#);
    }

    #[test]
    fn escapes_like_rfc_8785() {
        let v = json!("\u{0}\u{8}\t\n\u{c}\r\u{1f}\"\\/é€😀\u{7f}");
        assert_eq!(
            canon(&v),
            "\"\\u0000\\b\\t\\n\\f\\r\\u001f\\\"\\\\/é€😀\u{7f}\""
        );
        // The same bytes serde_json writes for strings.
        assert_eq!(canon(&v), serde_json::to_string(&v).unwrap());
    }

    #[test]
    fn sorts_by_utf16_code_units() {
        // U+FF61 sorts after U+1F600 in UTF-8 but before it in UTF-16 (surrogates D83D..).
        let v = json!({"\u{ff61}": 1, "\u{1f600}": 2});
        assert_eq!(canon(&v), "{\"😀\":2,\"｡\":1}");
    }

    #[test]
    fn refuses_floats_and_keeps_big_integers() {
        assert!(write(&json!(1.5), &mut Vec::new()).is_err());
        assert_eq!(canon(&json!(u64::MAX)), "18446744073709551615");
        assert_eq!(canon(&json!(i64::MIN)), "-9223372036854775808");
    }
}
