//! The status page as accessible HTML: one document per language, semantic sections, a
//! `lang` on the document and on every link to another language, `<time datetime>` on
//! every moment, a viewport for phones, no script, every text escaped.

use chrono::{DateTime, SecondsFormat, Utc};

use super::board::text_in;
use super::escape::{escaped, markdown, text};
use super::words::{autonym, heading, phase_sentence, Words};
use super::{PublishedUpdate, StatusBoard, StatusPage};
use crate::comms::{ContentElement, FactSheet, TemplateSet, WellKnownKey};
use crate::locale::{Label, Locale, Zone};

/// Where a page and its feed live, as the host serves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLinks {
    /// The page's address without a query (`https://status.example.com/status/<id>`).
    pub page: String,
    /// The Atom feed's address.
    pub feed: String,
}

/// How one reader sees a page: language, zone, the templates that print updates, the
/// firm's board and the addresses.
#[derive(Debug, Clone, Copy)]
pub struct StatusView<'a> {
    /// The language.
    pub locale: Locale,
    /// The zone times are shown in.
    pub zone: Zone,
    /// The templates updates are rendered with ([`TemplateSet::builtin`] unless the firm
    /// registers its own).
    pub templates: &'a TemplateSet,
    /// Components and maintenance.
    pub board: &'a StatusBoard,
    /// The page's and the feed's addresses.
    pub links: &'a StatusLinks,
    /// Now, for which maintenance is still to come.
    pub at: DateTime<Utc>,
}

/// `<time>` with its machine-readable instant and the reader's wording.
pub(super) fn time(out: &mut String, at: DateTime<Utc>, locale: Locale, zone: Zone) {
    out.push_str("<time datetime=\"");
    out.push_str(&at.to_rfc3339_opts(SecondsFormat::Secs, true));
    out.push_str("\">");
    text(out, &locale.format_time(at, zone));
    out.push_str("</time>");
}

impl StatusPage {
    /// The page's title in `view`'s language: the subject of the first update that has
    /// one there, else a neutral heading.
    pub fn title(&self, view: &StatusView<'_>) -> String {
        self.updates
            .iter()
            .filter_map(|u| u.render(view.templates, view.locale, view.zone).ok())
            .find_map(|r| r.subject)
            .unwrap_or_else(|| Words::DefaultTitle.get(view.locale).to_owned())
    }

    /// The page as an HTML document for `view`.
    ///
    /// Nothing on it comes from anywhere but the page (public facts and published
    /// updates) and the board; an update that cannot be rendered in the language says so
    /// in place of its text.
    pub fn html(&self, view: &StatusView<'_>) -> String {
        let locale = view.locale;
        let mut out = String::with_capacity(16 * 1024);
        let title = self.title(view);
        head(&mut out, &title, view);
        out.push_str("<body>\n<header>\n<h1>");
        text(&mut out, &title);
        out.push_str("</h1>\n<p>");
        text(&mut out, Words::LastUpdated.get(locale));
        time(&mut out, self.updated_at(), locale, view.zone);
        out.push_str("</p>\n");
        languages(&mut out, view);
        out.push_str("</header>\n<main>\n");
        self.current(&mut out, view);
        summary(&mut out, &self.facts, view);
        components(&mut out, view);
        self.timeline(&mut out, view);
        out.push_str("</main>\n<footer>\n<p><a href=\"");
        text(&mut out, &view.links.feed);
        out.push_str("\" type=\"application/atom+xml\">");
        text(&mut out, Words::Feed.get(locale));
        out.push_str("</a></p>\n</footer>\n</body>\n</html>\n");
        out
    }

    fn current(&self, out: &mut String, view: &StatusView<'_>) {
        let locale = view.locale;
        section_start(out, "status", Words::CurrentStatus.get(locale));
        out.push_str("<p><strong>");
        text(out, &heading(self.phase.label(locale)));
        out.push_str("</strong>");
        text(out, Words::OpenParen.get(locale));
        text(out, Words::Since.get(locale));
        out.push(' ');
        time(out, self.phase_since, locale, view.zone);
        text(out, Words::CloseParen.get(locale));
        out.push_str("</p>\n<p>");
        text(out, phase_sentence(self.phase, locale));
        out.push_str("</p>\n</section>\n");
    }

    fn timeline(&self, out: &mut String, view: &StatusView<'_>) {
        let locale = view.locale;
        section_start(out, "updates", Words::Updates.get(locale));
        for update in self.updates.iter().rev() {
            self.html_entry(out, update, view);
        }
        out.push_str("</section>\n");
    }

    fn html_entry(&self, out: &mut String, update: &PublishedUpdate, view: &StatusView<'_>) {
        let locale = view.locale;
        out.push_str("<article id=\"");
        text(out, &anchor(update));
        out.push_str("\">\n");
        let rendered = update.render(view.templates, locale, view.zone).ok();
        out.push_str("<h3>");
        let kind = heading(update.kind.label(locale));
        match rendered.as_ref().and_then(|r| r.subject.as_deref()) {
            Some(subject) => text(out, subject),
            None => text(out, &kind),
        }
        out.push_str("</h3>\n<p>");
        time(out, update.sent_at, locale, view.zone);
        out.push_str(" · ");
        if update.corrects.is_some() {
            out.push_str("<strong>");
            text(out, Words::Correction.get(locale));
            out.push_str("</strong>");
        } else {
            text(out, &kind);
        }
        out.push_str("</p>\n");
        if let Some(corrected) = update.corrects.as_ref().and_then(|id| self.update(id)) {
            out.push_str("<p>");
            text(out, Words::Corrects.get(locale));
            out.push_str("<a href=\"#");
            text(out, &anchor(corrected));
            out.push_str("\">");
            time(out, corrected.sent_at, locale, view.zone);
            out.push_str("</a></p>\n");
        }
        match rendered {
            Some(r) => markdown(out, &r.body, 2, true),
            None => {
                out.push_str("<p>");
                text(out, Words::UpdateUnavailable.get(locale));
                out.push_str("</p>\n");
            }
        }
        out.push_str("</article>\n");
    }
}

/// The fragment id of an update on the page (and of its feed entry).
pub(super) fn anchor(update: &PublishedUpdate) -> String {
    format!("update-{}", update.notice_id)
}

fn head(out: &mut String, title: &str, view: &StatusView<'_>) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(view.locale.as_str());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    text(out, title);
    out.push_str("</title>\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"");
    text(out, &view.links.feed);
    out.push_str("\">\n<style>body{max-width:42rem;margin:0 auto;padding:1rem;font:1rem/1.6 system-ui,sans-serif;overflow-wrap:anywhere}dt{font-weight:bold}nav ul{list-style:none;padding:0;display:flex;gap:1rem}article{border-top:1px solid #999;padding-top:.5rem}</style>\n</head>\n");
}

fn languages(out: &mut String, view: &StatusView<'_>) {
    out.push_str("<nav aria-label=\"");
    text(out, Words::OtherLanguages.get(view.locale));
    out.push_str("\">\n<ul>\n");
    language_links(out, &view.links.page, view.locale);
    out.push_str("</ul>\n</nav>\n");
}

/// One list item per language other than `locale`, each linking to `page` in it, named in
/// its own language: the incident's page and the index switch languages alike.
pub(super) fn language_links(out: &mut String, page: &str, locale: Locale) {
    for other in Locale::ALL.into_iter().filter(|l| *l != locale) {
        let tag = other.as_str();
        out.push_str(&format!(
            "<li><a href=\"{}?lang={tag}\" hreflang=\"{tag}\" lang=\"{tag}\">{}</a></li>\n",
            escaped(page),
            autonym(other)
        ));
    }
}

fn section_start(out: &mut String, id: &str, title: &str) {
    out.push_str(&format!(
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">"
    ));
    text(out, title);
    out.push_str("</h2>\n");
}

/// The public facts a reader needs, each under its element's name; a fact not published
/// (or not in the language) says so.
fn summary(out: &mut String, facts: &FactSheet, view: &StatusView<'_>) {
    let locale = view.locale;
    section_start(out, "summary", Words::Summary.get(locale));
    out.push_str("<dl>\n");
    let rows: [(String, WellKnownKey); 6] = [
        (
            ContentElement::AffectedScope.label(locale).into(),
            WellKnownKey::AffectedScope,
        ),
        (
            Words::PeopleAffected.get(locale).into(),
            WellKnownKey::PeopleAffected,
        ),
        (
            ContentElement::DataCategories.label(locale).into(),
            WellKnownKey::DataCategories,
        ),
        (
            ContentElement::WhatToDo.label(locale).into(),
            WellKnownKey::WhatToDo,
        ),
        (
            ContentElement::CompensationOffer.label(locale).into(),
            WellKnownKey::CompensationOffer,
        ),
        (
            ContentElement::ContactPoints.label(locale).into(),
            WellKnownKey::ContactPoints,
        ),
    ];
    for (name, key) in rows {
        out.push_str("<dt>");
        text(out, &heading(&name));
        out.push_str("</dt>\n<dd>");
        let value = facts
            .get(&key.key())
            .and_then(|f| f.value.localized(locale, view.zone));
        match value {
            Some(v) => text(out, &v),
            None => text(out, Words::NotYetPublished.get(locale)),
        }
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n</section>\n");
}

fn components(out: &mut String, view: &StatusView<'_>) {
    let locale = view.locale;
    if !view.board.components.is_empty() {
        section_start(out, "components", Words::Components.get(locale));
        out.push_str("<ul>\n");
        for c in &view.board.components {
            out.push_str(&format!("<li data-status=\"{}\">", c.status.as_str()));
            text(out, text_in(&c.name, locale));
            text(out, Words::Colon.get(locale));
            text(out, &heading(c.status.label(locale)));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    section_start(out, "maintenance", Words::Maintenance.get(locale));
    let upcoming = view.board.upcoming(view.at);
    if upcoming.is_empty() {
        out.push_str("<p>");
        text(out, Words::NoMaintenance.get(locale));
        out.push_str("</p>\n");
    }
    for m in upcoming {
        out.push_str("<article>\n<h3>");
        text(out, text_in(&m.title, locale));
        out.push_str("</h3>\n<p>");
        time(out, m.starts_at, locale, view.zone);
        out.push(' ');
        text(out, Words::To.get(locale));
        out.push(' ');
        time(out, m.ends_at, locale, view.zone);
        out.push_str("</p>\n");
        let names: Vec<&str> = m
            .components
            .iter()
            .filter_map(|id| view.board.component(id))
            .map(|c| text_in(&c.name, locale))
            .collect();
        if !names.is_empty() {
            out.push_str("<p>");
            text(out, &locale.join_list(names));
            out.push_str("</p>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}
