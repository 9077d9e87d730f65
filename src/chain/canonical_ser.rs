//! A serde `Serializer` that writes the canonical form directly, without building a
//! `serde_json::Value` first.
//!
//! Sealing an event, verifying a decoded log and checking that stored bytes are canonical
//! all need the canonical bytes of a typed value; going through `Value` allocates a map node
//! per member. This writer produces the same bytes as the reference writer over
//! `serde_json::to_value` (a property test holds it to that): members are written in the
//! order serde gives them, then each object's members are put in UTF-16 order in place,
//! with a buffer reused across calls.

use std::fmt;

use serde::ser::{self, Serialize};

use super::canonical::{write_string, CanonicalError};

/// Writes canonical JSON, reusing its scratch buffers across values (one per reader).
#[derive(Debug, Default)]
pub(crate) struct CanonicalEncoder {
    members: Vec<Member>,
    scratch: Vec<u8>,
}

impl CanonicalEncoder {
    /// Appends the canonical form of `value` to `out`.
    pub(crate) fn encode<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
        out: &mut Vec<u8>,
    ) -> Result<(), CanonicalError> {
        self.members.clear();
        let mut writer = Writer {
            out,
            members: &mut self.members,
            scratch: &mut self.scratch,
        };
        value.serialize(&mut writer).map_err(|e| e.0)
    }
}

/// Appends the canonical form of `value` to `out` (a fresh encoder; for one-off values).
pub(crate) fn encode<T: Serialize + ?Sized>(
    value: &T,
    out: &mut Vec<u8>,
) -> Result<(), CanonicalError> {
    CanonicalEncoder::default().encode(value, out)
}

/// One member of an object being written: its name and where `"name":value` lies in `out`.
#[derive(Debug)]
struct Member {
    key: Key,
    start: usize,
    end: usize,
}

#[derive(Debug)]
enum Key {
    Static(&'static str),
    Owned(String),
}

impl Key {
    fn as_str(&self) -> &str {
        match self {
            Self::Static(s) => s,
            Self::Owned(s) => s,
        }
    }
}

/// RFC 8785 orders names by UTF-16 code units. UTF-8 byte order is code point order, and
/// the two differ only where the first differing characters are one in U+E000..=U+FFFF
/// (lead byte 0xEE or 0xEF) and one above U+FFFF (lead byte 0xF0 and up, a surrogate pair
/// in UTF-16, which sorts first). So: find the first differing byte (names are short; an
/// inline loop, no library call) and swap the verdict in that one case.
fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let Some((p, q)) = x.iter().zip(y).find(|(p, q)| p != q) else {
        return x.len().cmp(&y.len());
    };
    let supplementary = |c: u8| c >= 0xF0;
    let upper_bmp = |c: u8| matches!(c, 0xEE | 0xEF);
    if (upper_bmp(*p) && supplementary(*q)) || (supplementary(*p) && upper_bmp(*q)) {
        q.cmp(p)
    } else {
        p.cmp(q)
    }
}

#[derive(Debug)]
struct Writer<'a> {
    out: &'a mut Vec<u8>,
    members: &'a mut Vec<Member>,
    scratch: &'a mut Vec<u8>,
}

/// The error inside the serializer; carries the canonical error out.
#[derive(Debug)]
struct Error(CanonicalError);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(CanonicalError::Unencodable {
            detail: msg.to_string(),
        })
    }
}

fn unencodable(detail: &str) -> Error {
    Error(CanonicalError::Unencodable {
        detail: detail.to_owned(),
    })
}

/// Writes a float as `serde_json::to_value` then the canonical form would: non-finite
/// values become `null`, finite ones are refused.
fn float(out: &mut Vec<u8>, v: f64) -> Result<(), Error> {
    match serde_json::Number::from_f64(v) {
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
        Some(n) => Err(Error(CanonicalError::NonInteger {
            number: n.to_string(),
        })),
    }
}

/// Writes `n` in decimal, `-` first when `negative`, as serde_json writes integers: the one
/// integer writer of the canonical form (the envelope's metadata uses it too).
pub(super) fn decimal(out: &mut Vec<u8>, negative: bool, mut n: u128) {
    let mut buf = [0u8; 40];
    let mut start = buf.len();
    loop {
        start -= 1;
        if let Some(slot) = buf.get_mut(start) {
            // `n % 10` is below 10, so the cast cannot truncate.
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    if negative {
        out.push(b'-');
    }
    out.extend_from_slice(buf.get(start..).unwrap_or_default());
}

/// An object or array under construction.
#[derive(Debug)]
struct Compound<'w, 'a> {
    writer: &'w mut Writer<'a>,
    /// For objects: the index of this object's first member in `members`; the position of
    /// its `{` in `out`. `None` for arrays.
    object: Option<(usize, usize)>,
    first: bool,
    /// For `{"variant":…}` wrappers: close one more brace at the end.
    wrapped: bool,
}

impl<'w, 'a> Compound<'w, 'a> {
    fn array(writer: &'w mut Writer<'a>, wrapped: bool) -> Self {
        writer.out.push(b'[');
        Self {
            writer,
            object: None,
            first: true,
            wrapped,
        }
    }

    fn object(writer: &'w mut Writer<'a>, wrapped: bool) -> Self {
        writer.out.push(b'{');
        let at = (writer.members.len(), writer.out.len());
        Self {
            writer,
            object: Some(at),
            first: true,
            wrapped,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.writer.out.push(b',');
        }
        self.first = false;
        value.serialize(&mut *self.writer)
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: Key, value: &T) -> Result<(), Error> {
        if !self.first {
            self.writer.out.push(b',');
        }
        self.first = false;
        let start = self.writer.out.len();
        write_string(key.as_str(), self.writer.out);
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)?;
        let end = self.writer.out.len();
        self.writer.members.push(Member { key, start, end });
        Ok(())
    }

    fn finish(self) -> Result<(), Error> {
        match self.object {
            None => self.writer.out.push(b']'),
            Some((base, body)) => self.writer.close_object(base, body),
        }
        if self.wrapped {
            self.writer.out.push(b'}');
        }
        Ok(())
    }
}

impl Writer<'_> {
    /// Puts the members from `base` on in canonical order (the last of equal names wins,
    /// as in a map), separated by commas, and closes the object.
    fn close_object(&mut self, base: usize, body: usize) {
        let members = self.members.get_mut(base..).unwrap_or_default();
        let sorted = members
            .windows(2)
            .all(|w| matches!(w, [a, b] if key_order(a.key.as_str(), b.key.as_str()).is_lt()));
        if sorted {
            self.members.truncate(base);
            self.out.push(b'}');
            return;
        }
        members.sort_by(|a, b| key_order(a.key.as_str(), b.key.as_str()));
        self.scratch.clear();
        self.scratch
            .extend_from_slice(self.out.get(body..).unwrap_or_default());
        self.out.truncate(body);
        let mut first = true;
        let mut iter = members.iter().peekable();
        while let Some(m) = iter.next() {
            if iter
                .peek()
                .is_some_and(|next| next.key.as_str() == m.key.as_str())
            {
                continue;
            }
            if !first {
                self.out.push(b',');
            }
            first = false;
            let range = m.start.saturating_sub(body)..m.end.saturating_sub(body);
            self.out
                .extend_from_slice(self.scratch.get(range).unwrap_or_default());
        }
        self.members.truncate(base);
        self.out.push(b'}');
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = MapCompound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        decimal(self.out, v < 0, u128::from(v.unsigned_abs()));
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        if i64::try_from(v).is_err() && u64::try_from(v).is_err() {
            return Err(unencodable("number out of range"));
        }
        decimal(self.out, v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        decimal(self.out, false, u128::from(v));
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        if u64::try_from(v).is_err() {
            return Err(unencodable("number out of range"));
        }
        decimal(self.out, false, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        float(self.out, f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        float(self.out, v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_string(v.encode_utf8(&mut [0u8; 4]), self.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_string(v, self.out);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = Compound::array(self, false);
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        seq.finish()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Error> {
        self.serialize_str(v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        write_string(variant, self.out);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(Compound::array(self, false))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'w, 'a>, Error> {
        Ok(Compound::array(self, false))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Error> {
        Ok(Compound::array(self, false))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        write_string(variant, self.out);
        self.out.push(b':');
        Ok(Compound::array(self, true))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapCompound<'w, 'a>, Error> {
        Ok(MapCompound {
            inner: Compound::object(self, false),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Error> {
        Ok(Compound::object(self, false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        write_string(variant, self.out);
        self.out.push(b':');
        Ok(Compound::object(self, true))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(Key::Static(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(Key::Static(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// A map under construction: keys are turned into strings as `serde_json` does.
#[derive(Debug)]
struct MapCompound<'w, 'a> {
    inner: Compound<'w, 'a>,
    key: Option<String>,
}

impl ser::SerializeMap for MapCompound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeyWriter)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| unencodable("a map value without a key"))?;
        self.inner.member(Key::Owned(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.inner.finish()
    }
}

/// Turns a map key into the string `serde_json` would use.
struct KeyWriter;

fn key_must_be_a_string<T>() -> Result<T, Error> {
    Err(unencodable("key must be a string"))
}

impl ser::Serializer for KeyWriter {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_f64(self, _: f64) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_none(self) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_unit(self) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        v: &'static str,
    ) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        key_must_be_a_string()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        key_must_be_a_string()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        key_must_be_a_string()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        key_must_be_a_string()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        key_must_be_a_string()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        key_must_be_a_string()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        key_must_be_a_string()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        key_must_be_a_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::Value;

    fn via_value(v: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        super::super::canonical::write(v, &mut out).unwrap();
        out
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            "[a-z\u{0}-\u{1f}\"\\\\\u{e000}\u{ff61}\u{1f600}]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-zA-Z_\u{e000}\u{ff61}\u{1f600}]{0,4}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    #[derive(Serialize)]
    struct Unsorted<'a> {
        z: u8,
        b: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        a: Vec<Inner>,
        #[serde(flatten)]
        extra: std::collections::BTreeMap<String, i32>,
    }

    #[derive(Serialize)]
    #[serde(tag = "type")]
    enum Inner {
        #[serde(rename = "x")]
        X { y: i8, b: () },
        #[serde(rename = "w")]
        W(Wrapped),
    }

    #[derive(Serialize)]
    struct Wrapped {
        value: char,
        kind: Kind,
    }

    #[derive(Serialize)]
    enum Kind {
        Unit,
        New(u8),
        Tuple(u8, i8),
        Struct { q: u8, p: u8 },
    }

    proptest! {
        #[test]
        fn key_order_is_utf16_order(a in "[a-z\u{e000}-\u{e002}\u{fff0}\u{1f600}-\u{1f602}\u{4e00}é]{0,6}", b in "[a-z\u{e000}-\u{e002}\u{fff0}\u{1f600}-\u{1f602}\u{4e00}é]{0,6}") {
            prop_assert_eq!(key_order(&a, &b), a.encode_utf16().cmp(b.encode_utf16()));
            let prefixed = format!("{a}{b}");
            prop_assert_eq!(key_order(&a, &prefixed), a.encode_utf16().cmp(prefixed.encode_utf16()));
        }
    }

    proptest! {
        #[test]
        fn equals_the_value_route(v in value()) {
            let mut out = Vec::new();
            encode(&v, &mut out).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(via_value(&v)).unwrap());
        }
    }

    #[test]
    fn typed_values_equal_the_value_route() {
        let v = Unsorted {
            z: 1,
            b: None,
            skipped: None,
            a: vec![
                Inner::X { y: -3, b: () },
                Inner::W(Wrapped {
                    value: 'é',
                    kind: Kind::Struct { q: 1, p: 2 },
                }),
                Inner::W(Wrapped {
                    value: '"',
                    kind: Kind::Tuple(1, -1),
                }),
                Inner::W(Wrapped {
                    value: 'a',
                    kind: Kind::New(7),
                }),
                Inner::W(Wrapped {
                    value: 'b',
                    kind: Kind::Unit,
                }),
            ],
            extra: [("m".to_owned(), 5), ("A".to_owned(), -5)].into(),
        };
        let mut out = Vec::new();
        encode(&v, &mut out).unwrap();
        assert_eq!(out, via_value(&serde_json::to_value(&v).unwrap()));
    }

    #[test]
    fn floats_are_refused_as_the_value_route_refuses_them() {
        let err = encode(&1.5f64, &mut Vec::new()).unwrap_err();
        assert!(matches!(err, CanonicalError::NonInteger { .. }));
        let mut out = Vec::new();
        encode(&f64::NAN, &mut out).unwrap();
        assert_eq!(out, b"null");
    }
}
