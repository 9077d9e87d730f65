//! The list of published incidents (`GET /status`): each page's title, phase and last
//! update, newest first.

use super::escape::{escaped, text};
use super::html::{language_links, time, StatusView};
use super::words::{heading, Words};
use super::StatusPage;
use crate::locale::Label;

impl StatusPage {
    /// The index of `pages` as an HTML document for `view`'s language; `link` gives each
    /// page's address. `view.links.page` is the index's own address.
    pub fn index_html(
        pages: &[&StatusPage],
        view: &StatusView<'_>,
        link: impl Fn(&StatusPage) -> String,
    ) -> String {
        Self::index_html_paged(pages, view, link, None)
    }

    /// [`StatusPage::index_html`] for one page of a longer list: `next` is the address of
    /// the following page (a `rel="next"` link in the head and after the list), `None` on
    /// the last page.
    pub fn index_html_paged(
        pages: &[&StatusPage],
        view: &StatusView<'_>,
        link: impl Fn(&StatusPage) -> String,
        next: Option<&str>,
    ) -> String {
        let locale = view.locale;
        let title = Words::Incidents.get(locale);
        let mut out = String::with_capacity(4 * 1024);
        out.push_str(&format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            locale.as_str()
        ));
        text(&mut out, title);
        out.push_str("</title>\n");
        if let Some(next) = next {
            out.push_str(&format!("<link rel=\"next\" href=\"{}\">\n", escaped(next)));
        }
        out.push_str("</head>\n<body>\n<header>\n<h1>");
        text(&mut out, title);
        out.push_str("</h1>\n<nav><ul>\n");
        language_links(&mut out, &view.links.page, locale);
        out.push_str("</ul></nav>\n</header>\n<main>\n");
        let mut sorted: Vec<&StatusPage> = pages.to_vec();
        sorted.sort_by_key(|p| std::cmp::Reverse(p.updated_at()));
        if sorted.is_empty() {
            out.push_str("<p>");
            text(&mut out, Words::NoIncidents.get(locale));
            out.push_str("</p>\n");
        }
        for page in sorted {
            out.push_str("<article>\n<h2><a href=\"");
            text(
                &mut out,
                &format!("{}?lang={}", link(page), locale.as_str()),
            );
            out.push_str("\">");
            text(&mut out, &page.title(view));
            out.push_str("</a></h2>\n<p>");
            text(&mut out, &heading(page.phase.label(locale)));
            out.push_str(" · ");
            text(&mut out, Words::LastUpdated.get(locale));
            time(&mut out, page.updated_at(), locale, view.zone);
            out.push_str("</p>\n</article>\n");
        }
        if let Some(next) = next {
            out.push_str(&format!("<nav><a rel=\"next\" href=\"{}\">", escaped(next)));
            text(&mut out, Words::OlderIncidents.get(locale));
            out.push_str("</a></nav>\n");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }
}
