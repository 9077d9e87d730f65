//! SMS sizing: which encoding a text needs and how many segments it is sent in, by the
//! GSM 03.38 (3GPP TS 23.038) and UCS-2 rules (the rules are on [`SmsSegments::count`]).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The character set an SMS is sent in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SmsEncoding {
    /// The GSM 03.38 default alphabet, 7 bits a character (septets); the extension table's
    /// characters take an escape septet and one more.
    Gsm7,
    /// UCS-2 (as UTF-16 on today's networks), 16 bits a unit: used as soon as one character is
    /// outside the GSM alphabet, e.g. any Chinese text.
    Ucs2,
}

impl SmsEncoding {
    /// Units in a message sent as one segment: 160 septets or 70 UTF-16 units.
    pub fn single_segment_units(self) -> usize {
        match self {
            Self::Gsm7 => 160,
            Self::Ucs2 => 70,
        }
    }

    /// Units in each segment of a concatenated message: 153 septets or 67 UTF-16 units (the
    /// user-data header of concatenation takes 6 bytes of the 140).
    pub fn concatenated_segment_units(self) -> usize {
        match self {
            Self::Gsm7 => 153,
            Self::Ucs2 => 67,
        }
    }

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Gsm7 => "gsm7",
            Self::Ucs2 => "ucs2",
        }
    }
}

impl fmt::Display for SmsEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Gsm7 => "GSM-7",
            Self::Ucs2 => "UCS-2",
        })
    }
}

/// How a text is sent as SMS: its encoding, the units it takes and the segments the
/// operator bills. A fan-out reports it per message ([`ChannelFit::sms`](crate::comms::ChannelFit::sms))
/// so the host can price a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SmsSegments {
    /// The encoding the text needs.
    pub encoding: SmsEncoding,
    /// Characters (Unicode scalar values) in the text.
    pub chars: usize,
    /// Units it takes: septets for GSM-7 (2 for an extension character), UTF-16 units for
    /// UCS-2 (2 for a character outside the Basic Multilingual Plane, such as an emoji).
    pub units: usize,
    /// Segments it is sent in (at least 1: an empty message is still one SMS).
    pub segments: usize,
    /// Units each segment holds at this size: the single-segment size when `segments` is
    /// 1, the concatenated size otherwise.
    pub per_segment: usize,
}

impl SmsSegments {
    /// Sizes `text` as an SMS.
    ///
    /// # The rules
    ///
    /// - **Encoding.** GSM-7 when every character is in the GSM 03.38 default alphabet or
    ///   its extension table; UCS-2 otherwise (one Chinese character, one emoji, one `` ` ``
    ///   makes the whole message UCS-2). National language shift tables are not used.
    /// - **Units.** GSM-7: one septet a character, two for the extension table's
    ///   `^ { } \ [ ~ ] | €` and form feed (an escape septet, then the character). UCS-2:
    ///   one unit a character, two for a character outside the BMP (a surrogate pair).
    /// - **Segments.** Up to 160 septets or 70 units: one segment. Beyond, concatenated
    ///   segments of 153 septets or 67 units, filled in order; a two-unit character (an
    ///   escape sequence, a surrogate pair) is never split: when only one unit is left in a
    ///   segment it moves whole to the next, and the unit is lost. This is what handsets
    ///   and common gateways do; an operator that splits differently can only bill fewer
    ///   segments, never more, than counted here for GSM-7 text.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{SmsEncoding, SmsSegments};
    ///
    /// let one = SmsSegments::count(&"a".repeat(160));
    /// assert_eq!((one.encoding, one.segments, one.per_segment), (SmsEncoding::Gsm7, 1, 160));
    /// assert_eq!(SmsSegments::count(&"a".repeat(161)).segments, 2);
    /// assert_eq!(SmsSegments::count("€").units, 2);
    ///
    /// let zh = SmsSegments::count(&"您".repeat(71));
    /// assert_eq!((zh.encoding, zh.segments, zh.per_segment), (SmsEncoding::Ucs2, 2, 67));
    /// ```
    pub fn count(text: &str) -> Self {
        // One pass in GSM-7, abandoned at the first character outside it; then UCS-2.
        Self::tally(text, SmsEncoding::Gsm7).unwrap_or_else(|| Self::ucs2(text))
    }

    fn ucs2(text: &str) -> Self {
        Self::tally(text, SmsEncoding::Ucs2).unwrap_or(Self {
            encoding: SmsEncoding::Ucs2,
            chars: 0,
            units: 0,
            segments: 1,
            per_segment: SmsEncoding::Ucs2.single_segment_units(),
        })
    }

    /// Characters, units and segments of `text` in `encoding`, in one pass; `None` when a
    /// character cannot be written in it. A character's units never straddle two
    /// segments: one that does not fit starts the next.
    fn tally(text: &str, encoding: SmsEncoding) -> Option<Self> {
        let per = encoding.concatenated_segment_units();
        let (mut chars, mut units, mut segments, mut used) = (0, 0, 1, 0);
        for c in text.chars() {
            let w = match encoding {
                SmsEncoding::Gsm7 => gsm_septets(c)?,
                SmsEncoding::Ucs2 => c.len_utf16(),
            };
            chars += 1;
            units += w;
            if used + w > per {
                segments += 1;
                used = 0;
            }
            used += w;
        }
        let single = encoding.single_segment_units();
        let (segments, per_segment) = if units <= single {
            (1, single)
        } else {
            (segments, per)
        };
        Some(Self {
            encoding,
            chars,
            units,
            segments,
            per_segment,
        })
    }
}

impl fmt::Display for SmsSegments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} characters, {} {} units, {} segment{} of up to {}",
            self.chars,
            self.units,
            self.encoding,
            self.segments,
            if self.segments == 1 { "" } else { "s" },
            self.per_segment
        )
    }
}

/// The GSM 03.38 default alphabet's basic table (one septet each).
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                     ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Its extension table (escape + character: two septets each).
const EXTENSION: &str = "\u{0C}^{}\\[~]|€";

/// Septets `c` takes in the GSM 03.38 default alphabet: 1 in the basic table, 2 in the
/// extension table (escape + character), `None` when it is in neither. ASCII, nearly every
/// character of an English notice, is decided by one match; the rest by the tables (a
/// search of the table strings for every character made sizing a 1.7 kB notice cost more
/// than rendering it).
fn gsm_septets(c: char) -> Option<usize> {
    match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' => Some(1),
        ' ' | '\n' | '\r' | '@' | '$' | '_' | '!' | '"' | '#' | '%' | '&' | '\'' | '(' | ')'
        | '*' | '+' | ',' | '-' | '.' | '/' | ':' | ';' | '<' | '=' | '>' | '?' => Some(1),
        '\u{0C}' | '^' | '{' | '}' | '\\' | '[' | '~' | ']' | '|' => Some(2),
        _ if c.is_ascii() => None,
        _ => table_septets(c),
    }
}

/// [`gsm_septets`] by the tables alone.
fn table_septets(c: char) -> Option<usize> {
    if BASIC.contains(c) {
        Some(1)
    } else if EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn segments(text: &str) -> usize {
        SmsSegments::count(text).segments
    }

    #[test]
    fn the_gsm_alphabet_has_128_basic_and_10_extension_characters() {
        let basic = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| gsm_septets(*c) == Some(1))
            .count();
        // 128 positions, less the escape code itself.
        assert_eq!(basic, 127);
        let extension = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| gsm_septets(*c) == Some(2))
            .count();
        assert_eq!(extension, 10);
        assert_eq!(gsm_septets('`'), None);
        assert_eq!(gsm_septets('ç'), None, "only the capital Ç is in the table");
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_tables() {
        for byte in 0u8..128 {
            let c = char::from(byte);
            assert_eq!(gsm_septets(c), table_septets(c), "{c:?}");
        }
    }

    #[test]
    fn gsm7_segment_counts_match_gsm_03_38_known_cases() {
        let a = |n| "a".repeat(n);
        assert_eq!(segments(""), 1);
        assert_eq!(segments(&a(160)), 1);
        assert_eq!(segments(&a(161)), 2);
        assert_eq!(segments(&a(306)), 2);
        assert_eq!(segments(&a(307)), 3);
        assert_eq!(segments(&a(459)), 3);
        assert_eq!(segments(&a(460)), 4);
        let euro = SmsSegments::count("€");
        assert_eq!(
            (euro.encoding, euro.chars, euro.units),
            (SmsEncoding::Gsm7, 1, 2)
        );
        // 159 letters and a euro sign: 161 septets, two segments.
        assert_eq!(segments(&format!("{}€", a(159))), 2);
        assert_eq!(segments(&format!("{}€", a(158))), 1);
        // An escape sequence at a segment boundary moves whole to the next segment: 152
        // letters and `{` would be 154 septets in 153, so `{` opens segment 2, and 153 more
        // letters then fill it, leaving the 154th for a third.
        assert_eq!(segments(&format!("{}{{{}", a(152), a(151))), 2);
        assert_eq!(segments(&format!("{}{{{}", a(152), a(152))), 3);
        // Without the boundary rule, 152 + 2 + 152 = 306 septets would fit two segments.
        assert_eq!(
            SmsSegments::count(&format!("{}{{{}", a(152), a(152))).units,
            306
        );
        assert_eq!(segments("Ça coûte 5 €"), 1, "û is not GSM: UCS-2");
        assert_eq!(SmsSegments::count("Ça coûte").encoding, SmsEncoding::Ucs2);
    }

    #[test]
    fn ucs2_segment_counts_match_known_cases() {
        let zh = |n| "您".repeat(n);
        assert_eq!(segments(&zh(70)), 1);
        assert_eq!(segments(&zh(71)), 2);
        assert_eq!(segments(&zh(134)), 2);
        assert_eq!(segments(&zh(135)), 3);
        let s = SmsSegments::count(&zh(135));
        assert_eq!(
            (s.encoding, s.units, s.per_segment),
            (SmsEncoding::Ucs2, 135, 67)
        );
        // One Chinese character makes an English text UCS-2.
        let mixed = SmsSegments::count(&format!("{}您", "a".repeat(69)));
        assert_eq!((mixed.encoding, mixed.segments), (SmsEncoding::Ucs2, 1));
        // An emoji is a surrogate pair: two units.
        let emoji = SmsSegments::count("🙂");
        assert_eq!((emoji.chars, emoji.units), (1, 2));
        assert_eq!(segments(&format!("{}🙂", zh(68))), 1);
        assert_eq!(segments(&format!("{}🙂", zh(69))), 2);
        // A surrogate pair is never split: 66 units and an emoji opens segment 2.
        assert_eq!(segments(&format!("{}🙂{}", zh(66), zh(65))), 2);
        assert_eq!(segments(&format!("{}🙂{}", zh(66), zh(66))), 3);
        // The signature counts: 【B特派】 is five characters.
        assert_eq!(segments(&format!("【B特派】{}", zh(65))), 1);
        assert_eq!(segments(&format!("【B特派】{}", zh(66))), 2);
        assert_eq!(
            SmsSegments::count(&zh(71)).to_string(),
            "71 characters, 71 UCS-2 units, 2 segments of up to 67"
        );
    }

    fn sms_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => prop::sample::select(vec!['a', 'Z', ' ', '@', '\n', 'é', '0']),
            1 => prop::sample::select(vec!['€', '{', '|', '\u{0C}']),
            1 => prop::sample::select(vec!['您', '，', '【', 'ç']),
            1 => prop::sample::select(vec!['🙂', '𠀀']),
        ]
    }

    proptest! {
        #[test]
        fn segments_hold_the_units_and_grow_with_the_text(
            chars in prop::collection::vec(sms_char(), 0..500),
            extra in sms_char(),
        ) {
            let text: String = chars.iter().collect();
            let s = SmsSegments::count(&text);
            prop_assert!(s.segments * s.per_segment >= s.units);
            prop_assert!(s.segments >= 1);
            // Never more than one unit lost per segment boundary.
            prop_assert!(s.units > (s.segments - 1) * (s.per_segment - 1) || s.segments == 1);
            let longer = SmsSegments::count(&format!("{text}{extra}"));
            prop_assert!(longer.segments >= s.segments);
            // Units need not grow (`€€` is 4 septets, `€€您` 3 UCS-2 units); segments do.
            prop_assert_eq!(longer.chars, s.chars + 1);
            prop_assert_eq!(s.chars, chars.len());
        }
    }
}
