//! Decoding an internally tagged object (`{…, "type": "name", …}`) without buffering it.
//!
//! serde's derive for `#[serde(tag = "type")]` must read the whole object into an
//! intermediate tree before it knows the variant, because the tag may come last (and in
//! the canonical form, with members sorted, it usually does). Here a cheap byte scan finds
//! the tag first; the object is then parsed once, straight into the variant, by presenting
//! it to an *externally* tagged twin of the enum as `{"name": {the other members}}`.
//!
//! The route is only a shortcut: it refuses anything it is unsure of (no tag found by the
//! scan, a tag written with escapes, a second tag, a tag that disagrees with the scan), and
//! the caller then asks the derived decoder, whose verdict and error message stand. A
//! property test and a fuzz target hold every value it does accept equal to the derived
//! decoder's.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess,
    VariantAccess, Visitor,
};
use serde::{forward_to_deserialize_any, Deserialize, Deserializer};

/// Decodes `bytes`, an object whose member `tag` names the variant, as the externally
/// tagged `W` (whose variants have the same names and fields as the internally tagged
/// enum's).
///
/// # Errors
/// Any doubt at all (see the module docs); the caller falls back to the derived decoder.
pub(crate) fn decode_tagged<W: DeserializeOwned>(
    bytes: &[u8],
    tag: &'static str,
) -> Result<W, serde_json::Error> {
    let variant = last_member_tag(bytes, tag)
        .or_else(|| find_tag(bytes, tag))
        .ok_or_else(|| de::Error::custom("no plain tag found by the scan"))?;
    // One UTF-8 check of the whole object, so that the parser need not check each string.
    let text = std::str::from_utf8(bytes).map_err(de::Error::custom)?;
    let mut json = serde_json::Deserializer::from_str(text);
    let value = json.deserialize_map(ObjectVisitor {
        tag,
        variant,
        marker: PhantomData,
    })?;
    json.end()?;
    Ok(value)
}

/// The tag when it is the object's last member, as in the canonical form whenever no
/// member name sorts after it: the object ends with `,"name":"value"}` (or starts with it),
/// the value without escapes. Only a guess from the end of the bytes; [`Members`] then
/// checks that the parsed object has exactly this tag, at the top level, so a wrong guess
/// is refused rather than believed.
fn last_member_tag<'b>(bytes: &'b [u8], name: &str) -> Option<&'b str> {
    let body = bytes.strip_suffix(b"\"}")?;
    let open = body.iter().rposition(|b| *b == b'"')?;
    let value = body.get(open + 1..)?;
    if value.contains(&b'\\') {
        return None;
    }
    let before = body.get(..open)?.strip_suffix(b":")?.strip_suffix(b"\"")?;
    let before = before.strip_suffix(name.as_bytes())?.strip_suffix(b"\"")?;
    if !matches!(before.last(), Some(b',' | b'{')) {
        return None;
    }
    std::str::from_utf8(value).ok()
}

/// Finds the value of the top-level member `name` when it is a string without escapes, by
/// skipping over every other member without decoding it. `None` for anything else.
fn find_tag<'b>(bytes: &'b [u8], name: &str) -> Option<&'b str> {
    let mut at = skip_ws(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at += 1;
    loop {
        at = skip_ws(bytes, at);
        let (key, escaped, after) = string(bytes, at)?;
        at = skip_ws(bytes, after);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_ws(bytes, at + 1);
        if !escaped && key == name.as_bytes() {
            let (value, escaped, _) = string(bytes, at)?;
            return if escaped {
                None
            } else {
                std::str::from_utf8(value).ok()
            };
        }
        at = skip_value(bytes, at)?;
        at = skip_ws(bytes, at);
        if bytes.get(at) != Some(&b',') {
            return None;
        }
        at += 1;
    }
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// The string starting at `at` (its content, whether it has escapes, the index after it).
fn string(bytes: &[u8], at: usize) -> Option<(&[u8], bool, usize)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut escaped = false;
    let mut i = at + 1;
    loop {
        // Jump to the next quote or backslash: a tight loop the compiler unrolls.
        i += bytes
            .get(i..)?
            .iter()
            .position(|b| matches!(b, b'"' | b'\\'))?;
        match bytes.get(i)? {
            b'"' => return Some((bytes.get(at + 1..i)?, escaped, i + 1)),
            _ => {
                escaped = true;
                i += 2;
            }
        }
    }
}

/// The index after the value starting at `at` (roughly: the parse that follows checks it).
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    loop {
        match bytes.get(i)? {
            b'"' => i = string(bytes, i)?.2,
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b',' if depth == 0 => return Some(i),
            _ => i += 1,
        }
        if depth == 0 && matches!(bytes.get(i), None | Some(b',' | b'}' | b']')) {
            return Some(i);
        }
    }
}

/// Receives the object's members and hands them to `W` as the variant's content.
struct ObjectVisitor<'b, W> {
    tag: &'static str,
    variant: &'b str,
    marker: PhantomData<W>,
}

impl<'de, W: DeserializeOwned> Visitor<'de> for ObjectVisitor<'_, W> {
    type Value = W;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object tagged by `{}`", self.tag)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<W, A::Error> {
        W::deserialize(Tagged {
            members: Members {
                map,
                tag: self.tag,
                variant: self.variant,
                seen: false,
            },
        })
    }
}

/// The object presented as an externally tagged enum value.
struct Tagged<'b, A> {
    members: Members<'b, A>,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Tagged<'_, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Tagged<'_, A> {
    type Error = A::Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), A::Error> {
        let name: StrDeserializer<'_, A::Error> = self.members.variant.into_deserializer();
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Tagged<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        Err(de::Error::custom(
            "unit variants are not decoded by this route",
        ))
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        seed.deserialize(Rest(self.members))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, A::Error> {
        Err(de::Error::custom(
            "tuple variants are not decoded by this route",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.members)
    }
}

/// The members other than the tag, as the content of a newtype variant.
struct Rest<'b, A>(Members<'b, A>);

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Rest<'_, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.0)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// The object's members with the tag taken out (checked: exactly one, equal to the scan's).
struct Members<'b, A> {
    map: A,
    tag: &'static str,
    variant: &'b str,
    seen: bool,
}

/// A member name as read: borrowed from the input when it has no escapes.
struct Name<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl<'de> Visitor<'de> for NameVisitor {
            type Value = Name<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(NameVisitor)
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(Name(name)) = self.map.next_key::<Name<'de>>()? else {
                return if self.seen {
                    Ok(None)
                } else {
                    Err(de::Error::custom("the tag was not where the scan found it"))
                };
            };
            if name != self.tag {
                let name: StrDeserializer<'_, A::Error> = name.as_ref().into_deserializer();
                return seed.deserialize(name).map(Some);
            }
            let Name(value) = self.map.next_value::<Name<'de>>()?;
            if self.seen || value != self.variant {
                return Err(de::Error::custom("a second or different tag"));
            }
            self.seen = true;
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guess_from_the_end_reads_only_a_last_plain_member() {
        let guess = |s: &str| last_member_tag(s.as_bytes(), "type").map(str::to_owned);
        assert_eq!(guess(r#"{"a":1,"type":"y"}"#).as_deref(), Some("y"));
        assert_eq!(guess(r#"{"type":"z"}"#).as_deref(), Some("z"));
        assert_eq!(guess(r#"{"a":{"type":"x"}}"#), None);
        assert_eq!(guess(r#"{"a":1,"type":"\u0078"}"#), None);
        assert_eq!(guess(r#"{"a":1,"xtype":"y"}"#), None);
        assert_eq!(guess(r#"{"a":1,"type":"y","b":2}"#), None);
        assert_eq!(guess(r#"{"a":1, "type":"y"}"#), None);
        // A guess is only a guess: a string that merely ends like a tag is refused by the
        // parse that follows, which finds no tag at the top level.
        let d = decode_tagged::<Wire>(br#"{"a":"x\",\"type\":\"e"}"#, "type");
        assert!(d.is_err());
    }

    #[test]
    fn the_scan_finds_only_a_plain_top_level_tag() {
        let find = |s: &str| find_tag(s.as_bytes(), "type").map(str::to_owned);
        assert_eq!(
            find(r#"{"a":{"type":"x"},"b":[1,"]"],"type":"y"}"#).as_deref(),
            Some("y")
        );
        assert_eq!(find(r#" { "type" : "z" } "#).as_deref(), Some("z"));
        assert_eq!(find(r#"{"a":"\\\"","type":"q"}"#).as_deref(), Some("q"));
        assert_eq!(find(r#"{"typ\u0065":"x"}"#), None);
        assert_eq!(find(r#"{"type":"\u0078"}"#), None);
        assert_eq!(find(r#"{"type":1}"#), None);
        assert_eq!(find(r#"{"a":1}"#), None);
        for broken in [
            "",
            "{",
            r#"{""#,
            r#"{"a""#,
            r#"{"a":"#,
            r#"{"a":"\"#,
            "[",
            r#"{"a":{]}"#,
        ] {
            assert_eq!(find(broken), None, "{broken}");
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    enum Wire {
        #[serde(rename = "s")]
        S { b: u8, a: String },
        #[serde(rename = "n")]
        N(Inner),
        #[serde(rename = "e")]
        E {},
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        x: Option<u8>,
    }

    #[test]
    fn decodes_struct_newtype_and_empty_variants_and_refuses_doubt() {
        let d = |s: &str| decode_tagged::<Wire>(s.as_bytes(), "type").ok();
        assert_eq!(
            d(r#"{"a":"é","b":2,"type":"s"}"#),
            Some(Wire::S {
                b: 2,
                a: "é".into()
            })
        );
        assert_eq!(
            d(r#"{"type":"n","x":null}"#),
            Some(Wire::N(Inner { x: None }))
        );
        assert_eq!(d(r#"{"type":"e"}"#), Some(Wire::E {}));
        assert_eq!(d(r#"{"type":"e","z":1}"#), None);
        assert_eq!(d(r#"{"type":"n","x":1,"q":1}"#), None);
        assert_eq!(d(r#"{"type":"e","type":"e"}"#), None);
        assert_eq!(d(r#"{"type":"e","typ\u0065":"s"}"#), None);
        assert_eq!(d("{\"type\":\"e\"} x"), None);
        assert_eq!(d(r#"{"type":"nope"}"#), None);
    }
}
