//! Text into HTML and XML, and a rendered notice's Markdown into HTML blocks.
//!
//! Every piece of text a page or feed prints goes through [`text`]: it cannot open a
//! tag, an attribute or an entity. Notices are rendered as Markdown by the comms module,
//! whose values are backslash-escaped ([`Format`](crate::comms::Format)); [`markdown`] reads
//! only what the built-in templates write (headings, paragraphs, `-` lists), resolves the
//! escapes and escapes the result again for HTML, so a value can never become markup.

/// Appends `s` escaped for HTML and XML text and attribute values.
pub(super) fn text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` escaped (see [`text`]).
pub(super) fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    text(&mut out, s);
    out
}

/// Appends the Markdown `md` as HTML blocks: `#` headings become headings `base` levels
/// down (`h{base+n}`, at most `h6`), `- ` lines a list, other runs of lines paragraphs.
/// With `drop_title`, a level-1 heading is left out (the page already headed the update
/// with its subject, which says the same).
pub(super) fn markdown(out: &mut String, md: &str, base: usize, drop_title: bool) {
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<&str> = Vec::new();
    for line in md.lines().map(str::trim_end) {
        if let Some(item) = line.strip_prefix("- ") {
            flush_paragraph(out, &mut paragraph);
            list.push(item);
            continue;
        }
        flush_list(out, &mut list);
        let hashes = line.chars().take_while(|c| *c == '#').count();
        let heading = line.get(hashes..).unwrap_or_default();
        if line.is_empty() {
            flush_paragraph(out, &mut paragraph);
        } else if (1..=6).contains(&hashes) && heading.starts_with(' ') {
            flush_paragraph(out, &mut paragraph);
            if drop_title && hashes == 1 {
                continue;
            }
            let level = (hashes + base).min(6);
            out.push_str(&format!("<h{level}>"));
            inline(out, heading.trim());
            out.push_str(&format!("</h{level}>\n"));
        } else {
            paragraph.push(line);
        }
    }
    flush_paragraph(out, &mut paragraph);
    flush_list(out, &mut list);
}

fn flush_paragraph(out: &mut String, lines: &mut Vec<&str>) {
    if lines.is_empty() {
        return;
    }
    out.push_str("<p>");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>\n");
        }
        inline(out, line);
    }
    out.push_str("</p>\n");
    lines.clear();
}

fn flush_list(out: &mut String, items: &mut Vec<&str>) {
    if items.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for item in items.iter() {
        out.push_str("<li>");
        inline(out, item);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    items.clear();
}

/// One line of Markdown as HTML text: `**` emphasis markers dropped, backslash escapes
/// resolved, everything escaped for HTML.
fn inline(out: &mut String, line: &str) {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) if next.is_ascii_punctuation() => plain.push(next),
                Some(next) => {
                    plain.push('\\');
                    plain.push(next);
                }
                None => plain.push('\\'),
            },
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
            }
            c => plain.push(c),
        }
    }
    text(out, &plain);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        let mut out = String::new();
        markdown(&mut out, md, 1, false);
        out
    }

    #[test]
    fn markdown_becomes_blocks_and_escaped_values_stay_text() {
        assert_eq!(
            html("# Title\n\nLine one\nline **two**\n\n- a\n- b <i>\n"),
            "<h2>Title</h2>\n<p>Line one<br>\nline two</p>\n<ul>\n<li>a</li>\n<li>b &lt;i&gt;</li>\n</ul>\n"
        );
        // A value "# <script>" was escaped by the comms renderer as "\# \<script\>".
        assert_eq!(
            html("\\# \\<script\\>alert(1)\\</script\\> \\& \"q\""),
            "<p># &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>\n"
        );
        assert_eq!(html("###### deep"), "<h6>deep</h6>\n");
        let mut out = String::new();
        markdown(&mut out, "# Title\n\n## Part\n", 1, true);
        assert_eq!(out, "<h3>Part</h3>\n");
        assert_eq!(escaped("a'b"), "a&#39;b");
    }
}
