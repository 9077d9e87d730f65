//! The status page as an Atom 1.0 feed (RFC 4287, <https://www.rfc-editor.org/rfc/rfc4287>,
//! checked 2026-12-07): one feed per language, one entry per published update, newest
//! first; a correction carries the category `correction` and a `related` link to the
//! entry it corrects.

use chrono::{SecondsFormat, Utc};

use super::escape::{escaped, markdown, text};
use super::html::{anchor, StatusView};
use super::words::{heading, Words};
use super::{PublishedUpdate, StatusPage};
use crate::comms::WellKnownKey;
use crate::locale::Label;

fn stamp(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl StatusPage {
    /// The Atom feed for `view`'s language. Its id is the feed's address with the
    /// language; each entry's id is the page's address, language and update anchor, which
    /// never change once published (RFC 4287 §4.2.6).
    pub fn atom(&self, view: &StatusView<'_>) -> String {
        let locale = view.locale;
        let tag = locale.as_str();
        let title = self.title(view);
        let author = self
            .facts
            .get(&WellKnownKey::FirmName.key())
            .and_then(|f| f.value.localized(locale, view.zone))
            .map_or_else(|| title.clone(), |name| name.into_owned());
        let mut out = String::with_capacity(16 * 1024);
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{tag}\">\n"
        ));
        let feed = escaped(&format!("{}?lang={tag}", view.links.feed));
        let page = format!("{}?lang={tag}", view.links.page);
        out.push_str(&format!("<id>{feed}</id>\n<title>"));
        text(&mut out, &title);
        out.push_str(&format!(
            "</title>\n<updated>{}</updated>\n<author><name>",
            stamp(self.updated_at())
        ));
        text(&mut out, &author);
        out.push_str(&format!(
            "</name></author>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n\
             <link rel=\"alternate\" type=\"text/html\" hreflang=\"{tag}\" href=\"{}\"/>\n",
            escaped(&page)
        ));
        for update in self.updates.iter().rev() {
            self.atom_entry(&mut out, update, view, &page);
        }
        out.push_str("</feed>\n");
        out
    }

    fn atom_entry(
        &self,
        out: &mut String,
        update: &PublishedUpdate,
        view: &StatusView<'_>,
        page: &str,
    ) {
        let locale = view.locale;
        let link = escaped(&format!("{page}#{}", anchor(update)));
        let rendered = update.render(view.templates, locale, view.zone).ok();
        out.push_str(&format!("<entry>\n<id>{link}</id>\n<title>"));
        let title = rendered
            .as_ref()
            .and_then(|r| r.subject.clone())
            .unwrap_or_else(|| heading(update.kind.label(locale)));
        if update.corrects.is_some() {
            text(out, Words::Correction.get(locale));
            text(out, Words::Colon.get(locale));
        }
        text(out, &title);
        let sent = stamp(update.sent_at);
        out.push_str(&format!(
            "</title>\n<updated>{sent}</updated>\n<published>{sent}</published>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n"
        ));
        if let Some(corrected) = update.corrects.as_ref().and_then(|id| self.update(id)) {
            out.push_str(&format!(
                "<link rel=\"related\" type=\"text/html\" href=\"{}\"/>\n\
                 <category term=\"correction\"/>\n",
                escaped(&format!("{page}#{}", anchor(corrected)))
            ));
        }
        let mut html = String::new();
        match rendered {
            Some(r) => markdown(&mut html, &r.body, 0, false),
            None => {
                html.push_str("<p>");
                text(&mut html, Words::UpdateUnavailable.get(locale));
                html.push_str("</p>");
            }
        }
        out.push_str("<content type=\"html\">");
        text(out, &html);
        out.push_str("</content>\n</entry>\n");
    }
}
