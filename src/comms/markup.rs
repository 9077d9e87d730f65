//! Markup: the two formats a template and a message can be in, and how text crosses from
//! one to the other (the rules are on [`Format`]).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::template_syntax::TemplatePart;
use super::Channel;

/// How a template's text, and a rendered message, are marked up.
///
/// A template is written in one format and renders to either:
///
/// | template | output | literal text | fact and recipient values |
/// |---|---|---|---|
/// | plain text | plain text | as written | as they are |
/// | Markdown | Markdown | as written | escaped |
/// | Markdown | plain text | de-marked: `#` heading markers and `**` removed, `\x` escapes resolved; lists and everything else kept | as they are |
/// | plain text | Markdown | escaped like values (line breaks inside a paragraph reflow, as Markdown does) | escaped |
///
/// Escaping puts a backslash before `` \ ` * _ [ ] < > | ~ `` anywhere and before `&` when
/// it could start an entity; at the start of a line also before `#` and `=`, before `-` and
/// `+` that would start a list item or a rule, and before the `.` or `)` of a list number
/// (`12. `). Escaped text displays exactly as the value was written and cannot open a link,
/// an image, HTML, emphasis, a list or a heading; ordinary text such as `400-820-8820`,
/// `203.0.113.7` or `+86` is left alone. Subjects are plain text in every format: values
/// are never escaped there, and their line breaks become spaces.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text: SMS, letters, hotline scripts, chat.
    PlainText,
    /// CommonMark: e-mail (the host converts it to HTML), in-app and website notices, press
    /// releases.
    Markdown,
}

impl Format {
    /// The format a message sent through `channel` is rendered in when the host does not
    /// choose: Markdown for e-mail, in-app, website notices and press releases; plain text
    /// for everything else (SMS, app push, WeChat template messages, letters, hotline
    /// scripts, chat, social media, regulator portals' text fields). How long a message may
    /// be on each channel is [`ChannelPolicy`](crate::comms::ChannelPolicy)'s.
    pub fn for_channel(channel: Channel) -> Format {
        match channel {
            Channel::Email | Channel::InApp | Channel::WebsiteNotice | Channel::PressRelease => {
                Self::Markdown
            }
            _ => Self::PlainText,
        }
    }

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlainText => "plain_text",
            Self::Markdown => "markdown",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Appends a fact or recipient value: one line in subjects, escaped in Markdown bodies.
pub(super) fn insert_value(
    out: &mut String,
    value: &str,
    part: TemplatePart,
    format: Format,
    line_start: bool,
) {
    match (part, format) {
        (TemplatePart::Subject, _) => {
            if value.contains(['\n', '\r']) {
                out.extend(
                    value
                        .chars()
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                );
            } else {
                out.push_str(value);
            }
        }
        (TemplatePart::Body, Format::PlainText) => out.push_str(value),
        (TemplatePart::Body, Format::Markdown) => escape_markdown(out, value, line_start),
    }
}

/// Appends template text written in `from` as `to` (the rules are on [`Format`]).
pub(super) fn convert_literal(
    out: &mut String,
    text: &str,
    from: Format,
    to: Format,
    line_start: bool,
) {
    match (from, to) {
        (Format::PlainText, Format::PlainText) | (Format::Markdown, Format::Markdown) => {
            out.push_str(text);
        }
        (Format::PlainText, Format::Markdown) => escape_markdown(out, text, line_start),
        (Format::Markdown, Format::PlainText) => demark(out, text, line_start),
    }
}

/// Backslash-escapes Markdown syntax so `text` displays as written.
fn escape_markdown(out: &mut String, text: &str, mut line_start: bool) {
    // Digits seen at the start of the current line (a list number is 1 to 9 of them).
    let mut leading_digits = 0_usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_blank = chars
            .peek()
            .is_none_or(|n| matches!(n, ' ' | '\t' | '\n' | '\r'));
        if line_start {
            match c {
                ' ' | '\t' => {
                    out.push(c);
                    continue;
                }
                '#' | '=' => {
                    line_start = false;
                    out.push('\\');
                    out.push(c);
                    continue;
                }
                '-' | '+' if next_is_blank || chars.peek() == Some(&c) => {
                    line_start = false;
                    out.push('\\');
                    out.push(c);
                    continue;
                }
                '0'..='9' => {
                    line_start = false;
                    leading_digits = 1;
                    out.push(c);
                    continue;
                }
                _ => line_start = false,
            }
        } else if leading_digits > 0 {
            if c.is_ascii_digit() {
                leading_digits += 1;
                out.push(c);
                continue;
            }
            let list_number = leading_digits <= 9 && matches!(c, '.' | ')') && next_is_blank;
            leading_digits = 0;
            if list_number {
                out.push('\\');
                out.push(c);
                continue;
            }
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\n' => {
                out.push(c);
                line_start = true;
            }
            _ => out.push(c),
        }
    }
}

/// Turns the Markdown subset the built-in templates use into plain text.
fn demark(out: &mut String, text: &str, line_start: bool) {
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let mut line = line;
        if i > 0 || line_start {
            let hashes = line.bytes().take_while(|b| *b == b'#').count();
            if (1..=6).contains(&hashes) {
                if let Some(rest) = line.get(hashes..).and_then(|r| r.strip_prefix(' ')) {
                    line = rest.trim_start_matches(' ');
                }
            }
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                }
                '*' if chars.peek() == Some(&'*') => {
                    chars.next();
                }
                _ => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str, line_start: bool) -> String {
        let mut out = String::new();
        escape_markdown(&mut out, text, line_start);
        out
    }

    fn plain(text: &str) -> String {
        let mut out = String::new();
        demark(&mut out, text, true);
        out
    }

    #[test]
    fn markdown_escaping_neutralises_syntax_and_keeps_plain_text() {
        assert_eq!(
            md("热线 400-820-8820（24小时）", true),
            "热线 400-820-8820（24小时）"
        );
        assert_eq!(md("203.0.113.7", true), "203.0.113.7");
        assert_eq!(md("1,200 people", true), "1,200 people");
        assert_eq!(
            md(
                "[click](http://evil) *now* <b>x</b> a_b `c` | ~d~ \\",
                false
            ),
            "\\[click\\](http://evil) \\*now\\* \\<b\\>x\\</b\\> a\\_b \\`c\\` \\| \\~d\\~ \\\\"
        );
        assert_eq!(
            md("# title\n- item\n12. twelve\n  + x", true),
            "\\# title\n\\- item\n12\\. twelve\n  \\+ x"
        );
        assert_eq!(
            md("# not a heading mid-line", false),
            "# not a heading mid-line"
        );
        assert_eq!(md("AT&T &amp; & co", false), "AT\\&T \\&amp; & co");
        assert_eq!(md("2026. year", false), "2026. year");
        assert_eq!(md("-5 and +86 400", true), "-5 and +86 400");
        assert_eq!(
            md("---\n1234567890. x\n3)", true),
            "\\---\n1234567890. x\n3\\)"
        );
    }

    #[test]
    fn demarking_drops_the_subset_the_builtins_use() {
        assert_eq!(
            plain("# Title\n\n## Sub\n- **When:** x\n"),
            "Title\n\nSub\n- When: x\n"
        );
        assert_eq!(plain("a \\* b #5"), "a * b #5");
        assert_eq!(plain("#hashtag"), "#hashtag");
        let mut out = String::new();
        demark(&mut out, "# mid-line", false);
        assert_eq!(out, "# mid-line");
    }

    #[test]
    fn channels_pick_a_format() {
        assert_eq!(Format::for_channel(Channel::Email), Format::Markdown);
        assert_eq!(Format::for_channel(Channel::Sms), Format::PlainText);
        assert_eq!(
            serde_json::to_value(Format::PlainText).unwrap(),
            serde_json::json!("plain_text")
        );
    }
}
