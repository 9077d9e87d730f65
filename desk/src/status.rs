//! The public status pages: `GET /status`, `GET /status/{id}` and
//! `GET /status/{id}/feed.atom`, served without a token.
//!
//! They show only what [`incident::status::StatusPage`] holds (facts cleared for the
//! public, notices to public audiences recorded as sent); an incident with nothing
//! published answers 404 exactly like an unknown one, so the pages do not even tell that
//! it exists. Each page is built once per incident version and kept; a request then costs
//! a version check and, unless the client's `If-None-Match` matches, one rendering.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use incident::comms::TemplateSet;
use incident::locale::{Locale, Zone};
use incident::status::{StatusBoard, StatusLinks, StatusPage, StatusView};
use incident::IncidentId;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::error::{ApiError, ApiResult};

/// The most incidents `GET /status` lists (the most recently updated first).
pub const INDEX_LIMIT: u32 = 1000;

/// What the status pages need besides the incidents: the firm's board, the address the
/// public reaches the desk at, and the pages built so far.
#[derive(Debug)]
pub struct StatusSite {
    board: StatusBoard,
    board_digest: String,
    public_url: String,
    templates: TemplateSet,
    /// Per incident: the version a page was built at and the page (`None`: nothing
    /// published at that version).
    pages: Mutex<HashMap<IncidentId, Built>>,
}

/// A page as built at a version (`None`: nothing published then).
type Built = (u64, Option<Arc<StatusPage>>);

impl StatusSite {
    /// A site with `board` (checked: its problems are refused) reached at `public_url`
    /// (`https://status.example.com`, no trailing slash).
    ///
    /// # Errors
    /// The board's problems, one a line.
    pub fn new(board: StatusBoard, public_url: &str) -> Result<Self, String> {
        let problems = board.problems();
        if !problems.is_empty() {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            return Err(lines.join("\n"));
        }
        let json = serde_json::to_vec(&board).map_err(|e| e.to_string())?;
        Ok(Self {
            board,
            board_digest: crate::access::hex(&Sha256::digest(&json)),
            public_url: public_url.trim_end_matches('/').to_owned(),
            templates: TemplateSet::builtin(),
            pages: Mutex::new(HashMap::new()),
        })
    }

    /// The firm's components and maintenance.
    pub fn board(&self) -> &StatusBoard {
        &self.board
    }

    /// The address the public reaches the pages at (no trailing slash).
    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    fn links(&self, id: Option<IncidentId>) -> StatusLinks {
        match id {
            Some(id) => StatusLinks {
                page: format!("{}/status/{id}", self.public_url),
                feed: format!("{}/status/{id}/feed.atom", self.public_url),
            },
            None => StatusLinks {
                page: format!("{}/status", self.public_url),
                feed: String::new(),
            },
        }
    }
}

impl Default for StatusSite {
    /// No components or maintenance, reached at the default listen address.
    fn default() -> Self {
        Self {
            board: StatusBoard::default(),
            board_digest: String::new(),
            public_url: "http://127.0.0.1:8080".to_owned(),
            templates: TemplateSet::builtin(),
            pages: Mutex::new(HashMap::new()),
        }
    }
}

/// `?lang=&tz=` of the status pages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusQuery {
    lang: Option<String>,
    tz: Option<String>,
}

/// The published page of `id` at its current version, built from the log when the cached
/// one is older; `None` when the incident is unknown or has published nothing.
///
/// # Errors
/// A store failure, or a log the crate refuses.
pub async fn page(app: &App, id: IncidentId) -> Result<Option<Arc<StatusPage>>, ApiError> {
    let Some(version) = app.read(id, |i| i.version()).await? else {
        return Ok(None);
    };
    let site = app.status();
    if let Some((v, page)) = lock(&site.pages)?.get(&id) {
        if *v == version {
            return Ok(page.clone());
        }
    }
    let log = app
        .store()
        .load(id, 0)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    let page = StatusPage::from_log(&log)
        .map_err(ApiError::internal)?
        .map(Arc::new);
    // Built from the table, which may be newer than `version`: key it by its own.
    let built = page.as_ref().map_or(version, |p| p.version);
    lock(&site.pages)?.insert(id, (built, page.clone()));
    Ok(page)
}

fn lock<T>(m: &Mutex<T>) -> Result<std::sync::MutexGuard<'_, T>, ApiError> {
    m.lock()
        .map_err(|_| ApiError::internal("the status page cache lock is poisoned"))
}

/// The reader's language: `?lang=` if given (400 if unsupported), else the first
/// supported language of `Accept-Language` by weight, else zh-CN.
fn negotiate(query: &StatusQuery, headers: &HeaderMap) -> Result<Locale, ApiError> {
    if let Some(raw) = &query.lang {
        return raw
            .trim()
            .parse()
            .map_err(|e: incident::locale::LocaleError| {
                ApiError::bad_request("malformed_query", e.to_string(), "lang")
            });
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    Ok(accept_language(accept).unwrap_or(Locale::ZhCn))
}

/// The best supported language of an `Accept-Language` value (RFC 9110 §12.5.4): by
/// weight, ties in the order given; `zh-TW`, `zh-MO` and `zh-Hant…` read as zh-HK, other
/// `zh…` as zh-CN, `en…` as en.
pub fn accept_language(value: &str) -> Option<Locale> {
    let mut best: Option<(u16, Locale)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .map_or(1000, |q| (q.clamp(0.0, 1.0) * 1000.0) as u16);
        let locale = if tag.starts_with("zh-hk")
            || tag.starts_with("zh-tw")
            || tag.starts_with("zh-mo")
            || tag.starts_with("zh-hant")
        {
            Locale::ZhHk
        } else if tag == "zh" || tag.starts_with("zh-") {
            Locale::ZhCn
        } else if tag == "en" || tag.starts_with("en-") {
            Locale::En
        } else {
            continue;
        };
        if weight > 0 && best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, locale));
        }
    }
    best.map(|(_, l)| l)
}

fn zone(query: &StatusQuery, locale: Locale) -> Result<Zone, ApiError> {
    match &query.tz {
        None => Ok(locale.default_time_zone()),
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|e: incident::locale::ZoneError| {
                ApiError::bad_request("malformed_query", e.to_string(), "tz")
            }),
    }
}

/// What a representation is, for the validators.
struct Representation {
    etag: String,
    modified: DateTime<Utc>,
    content_type: &'static str,
}

/// 304 when the client's validators match (`If-None-Match` first, `If-Modified-Since`
/// only without it, RFC 9110 §13.2.2), else 200 with the body `render` makes.
fn answer(headers: &HeaderMap, rep: &Representation, render: impl FnOnce() -> String) -> Response {
    let etag = HeaderValue::from_str(&rep.etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let modified = rep.modified.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    let not_modified = match headers.get(header::IF_NONE_MATCH) {
        Some(inm) => inm.to_str().is_ok_and(|v| {
            v.split(',')
                .any(|t| t.trim() == "*" || t.trim().trim_start_matches("W/") == rep.etag)
        }),
        None => headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
            .is_some_and(|since| rep.modified.timestamp() <= since.timestamp()),
    };
    let mut common = vec![
        (header::ETAG, etag),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=15, must-revalidate"),
        ),
        (header::VARY, HeaderValue::from_static("Accept-Language")),
    ];
    if let Ok(v) = HeaderValue::from_str(&modified) {
        common.push((header::LAST_MODIFIED, v));
    }
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(rep.content_type)),
                (
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(
                        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
                    ),
                ),
                (
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ),
            ],
            render(),
        )
            .into_response()
    };
    response.headers_mut().extend(common);
    response
}

/// The validator of one rendering: the page's version, the language, the zone, the board
/// and which maintenance is still to come (the page changes when one ends).
fn etag(
    site: &StatusSite,
    what: &str,
    version: u64,
    locale: Locale,
    zone: Zone,
    at: DateTime<Utc>,
) -> String {
    let mut d = Sha256::new();
    d.update(format!(
        "{what}|{version}|{locale}|{zone}|{}|",
        site.board_digest
    ));
    for m in site.board.upcoming(at) {
        d.update(m.id.as_str());
        d.update([0]);
    }
    format!(
        "\"{}\"",
        crate::access::hex(&d.finalize())
            .get(..20)
            .unwrap_or_default()
    )
}

fn parse_id(path: Result<Path<String>, PathRejection>) -> Result<IncidentId, ApiError> {
    let Path(raw) = path.map_err(|_| not_published())?;
    raw.parse().map_err(|_| not_published())
}

/// The one answer for an unknown, unpublished or malformed incident id.
fn not_published() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no published incident has this id",
    )
}

fn query(q: Result<Query<StatusQuery>, QueryRejection>) -> Result<StatusQuery, ApiError> {
    q.map(|Query(q)| q)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_query", e.body_text()))
}

const HTML: &str = "text/html; charset=utf-8";
const ATOM: &str = "application/atom+xml; charset=utf-8";

/// `GET /status/{id}`.
pub async fn page_html(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    q: Result<Query<StatusQuery>, QueryRejection>,
) -> ApiResult {
    one(&app, &headers, path, q, "html").await
}

/// `GET /status/{id}/feed.atom`.
pub async fn feed(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    q: Result<Query<StatusQuery>, QueryRejection>,
) -> ApiResult {
    one(&app, &headers, path, q, "atom").await
}

async fn one(
    app: &App,
    headers: &HeaderMap,
    path: Result<Path<String>, PathRejection>,
    q: Result<Query<StatusQuery>, QueryRejection>,
    what: &str,
) -> ApiResult {
    let id = parse_id(path)?;
    let q = query(q)?;
    let locale = negotiate(&q, headers)?;
    let zone = zone(&q, locale)?;
    let page = page(app, id).await?.ok_or_else(not_published)?;
    let site = app.status();
    let at = app.now();
    let rep = Representation {
        etag: etag(site, what, page.version, locale, zone, at),
        modified: page.updated_at(),
        content_type: if what == "atom" { ATOM } else { HTML },
    };
    let links = site.links(Some(id));
    let view = StatusView {
        locale,
        zone,
        templates: &site.templates,
        board: &site.board,
        links: &links,
        at,
    };
    Ok(answer(headers, &rep, || {
        if what == "atom" {
            page.atom(&view)
        } else {
            page.html(&view)
        }
    }))
}

/// `GET /status`: every published incident, the most recently updated first.
pub async fn index(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    q: Result<Query<StatusQuery>, QueryRejection>,
) -> ApiResult {
    let q = query(q)?;
    let locale = negotiate(&q, &headers)?;
    let zone = zone(&q, locale)?;
    let rows = app
        .store()
        .incidents_page(None, INDEX_LIMIT)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    let mut pages = Vec::new();
    let mut versions = Sha256::new();
    for row in rows {
        if let Some(p) = page(&app, row.incident_id).await? {
            versions.update(format!("{}:{};", p.incident_id, p.version));
            pages.push(p);
        }
    }
    let site = app.status();
    let at = app.now();
    let digest = crate::access::hex(&versions.finalize());
    let modified = pages
        .iter()
        .map(|p| p.updated_at())
        .max()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let rep = Representation {
        etag: etag(site, &format!("index|{digest}"), 0, locale, zone, at),
        modified,
        content_type: HTML,
    };
    let links = site.links(None);
    let view = StatusView {
        locale,
        zone,
        templates: &site.templates,
        board: &site.board,
        links: &links,
        at,
    };
    Ok(answer(&headers, &rep, || {
        let refs: Vec<&StatusPage> = pages.iter().map(|p| &**p).collect();
        StatusPage::index_html(&refs, &view, |p| site.links(Some(p.incident_id)).page)
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn accept_language_picks_the_heaviest_supported_language() {
        assert_eq!(
            accept_language("en-GB,en;q=0.9,zh-CN;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            accept_language("fr, zh-TW;q=0.5, en;q=0.4"),
            Some(Locale::ZhHk)
        );
        assert_eq!(accept_language("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(accept_language("de, fr;q=0.9"), None);
        assert_eq!(accept_language("en;q=0, zh;q=0.1"), Some(Locale::ZhCn));
        assert_eq!(accept_language(""), None);
    }
}
