//! The placeholder syntax (documented on [`Template`](super::Template)): parsing a
//! template's text into literal slices and placeholders, and the places errors point at.

use std::fmt;

use crate::id::FactKey;

/// Which part of a template a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplatePart {
    /// The subject line.
    Subject,
    /// The body.
    Body,
}

impl fmt::Display for TemplatePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Subject => "subject",
            Self::Body => "body",
        })
    }
}

/// A place in a template's text: 1-based line and column (columns count characters, not
/// bytes, so `占位` is two columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Position {
    /// Where byte offset `byte` of `text` is.
    pub(super) fn of(text: &str, byte: usize) -> Self {
        let before = text.get(..byte).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |s| s.chars().count()) + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    /// Text copied from the source, `start..end` in bytes.
    Literal { start: usize, end: usize },
    /// A fact from the sheet; `at` is the byte offset of its `{{`.
    Fact { key: FactKey, at: usize },
    /// A recipient field.
    Field { name: String, at: usize },
}

/// A syntax problem and the byte offset of its `{{`.
pub(super) enum Syntax {
    Unclosed(usize),
    Empty(usize),
    Bad {
        at: usize,
        text: String,
        reason: String,
    },
}

pub(super) fn valid_field_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub(super) fn parse(src: &str) -> Result<Vec<Segment>, Syntax> {
    let mut segments = Vec::new();
    let mut literal_start = 0;
    let mut from = 0;
    while let Some(open) = src.get(from..).and_then(|s| s.find("{{")).map(|i| i + from) {
        let rest = src.get(open..).unwrap_or_default();
        if rest.starts_with("{{{{") {
            // An escaped `{{`: keep the first two braces as text, drop the other two.
            segments.push(Segment::Literal {
                start: literal_start,
                end: open + 2,
            });
            literal_start = open + 4;
            from = open + 4;
            continue;
        }
        let inner_start = open + 2;
        let after = src.get(inner_start..).unwrap_or_default();
        let Some(len) = after.find("}}") else {
            return Err(Syntax::Unclosed(open));
        };
        let inner = after.get(..len).unwrap_or_default();
        if inner.contains('\n') || inner.contains("{{") {
            return Err(Syntax::Unclosed(open));
        }
        let text = inner.trim_matches(' ');
        if text.is_empty() {
            return Err(Syntax::Empty(open));
        }
        let bad = |reason: &str| Syntax::Bad {
            at: open,
            text: text.to_owned(),
            reason: reason.to_owned(),
        };
        let segment = if let Some(name) = text.strip_prefix("recipient.") {
            if !valid_field_name(name) {
                return Err(bad("bad recipient field name"));
            }
            Segment::Field {
                name: name.to_owned(),
                at: open,
            }
        } else {
            if text.contains(['{', '}']) {
                return Err(bad("braces inside"));
            }
            let key = FactKey::new(text).map_err(|e| bad(&e.to_string()))?;
            Segment::Fact { key, at: open }
        };
        if literal_start < open {
            segments.push(Segment::Literal {
                start: literal_start,
                end: open,
            });
        }
        segments.push(segment);
        literal_start = inner_start + len + 2;
        from = literal_start;
    }
    if literal_start < src.len() {
        segments.push(Segment::Literal {
            start: literal_start,
            end: src.len(),
        });
    }
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_splits_literals_and_placeholders() {
        let src = "Hi {{ recipient.name_1 }}, on {{occurred_at}}: {{{{x}} }} {a}";
        let segments = parse(src).ok().unwrap();
        assert_eq!(
            segments,
            vec![
                Segment::Literal { start: 0, end: 3 },
                Segment::Field {
                    name: "name_1".into(),
                    at: 3
                },
                Segment::Literal { start: 25, end: 30 },
                Segment::Fact {
                    key: FactKey::new("occurred_at").unwrap(),
                    at: 30
                },
                Segment::Literal { start: 45, end: 49 },
                Segment::Literal { start: 51, end: 61 },
            ]
        );
        let text: String = segments
            .iter()
            .filter_map(|s| match s {
                Segment::Literal { start, end } => src.get(*start..*end),
                _ => None,
            })
            .collect();
        assert_eq!(text, "Hi , on : {{x}} }} {a}");
    }

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(
            Position::of("ab\n  见 {{x", 9),
            Position { line: 2, column: 5 }
        );
        assert_eq!(Position::of("", 0).to_string(), "1:1");
    }
}
