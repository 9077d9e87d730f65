//! The public status pages: `GET /status`, `GET /status/{id}` and
//! `GET /status/{id}/feed.atom`, served without a token.
//!
//! They show only what [`incident::status::StatusPage`] holds (facts cleared for the
//! public, notices to public audiences recorded as sent); an incident with nothing
//! published answers 404 exactly like an unknown one, so the pages do not even tell that
//! it exists. Each incident's log is folded once per version ([`StatusFold`]: the page and
//! the delivery receipts the reach report reads) and kept; a request then costs a version
//! check and, unless the client's `If-None-Match` matches, one rendering.
//!
//! The components an unresolved incident affects ([`StatusFold`] links them from its
//! affected systems) are shown with the incident's status on every page, from the folds
//! the desk holds: the index folds every incident, an incident's page refreshes its own.
//!
//! `GET /status` is paged: [`PAGE_SIZE`] incidents by default (`?limit=` up to
//! [`MAX_PAGE_SIZE`]), the most recently updated first (ties by id), and a `next` link
//! (`?after=<cursor>`) while more follow. The cursor is the last entry's (update time,
//! id), so a page boundary does not move when incidents are added; an incident updated
//! while a reader pages moves to the front, where that reader does not see it again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use incident::comms::TemplateSet;
use incident::locale::{Locale, Zone};
use incident::status::{StatusBoard, StatusFold, StatusLinks, StatusPage, StatusView};
use incident::IncidentId;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::delivery::WebhookPolicy;
use crate::error::{ApiError, ApiResult};

/// How many incidents one page of `GET /status` lists unless `?limit=` says otherwise.
pub const PAGE_SIZE: usize = 20;

/// The most `?limit=` may ask for.
pub const MAX_PAGE_SIZE: usize = 100;

/// How many incidents the index reads from the store per query.
const STORE_BATCH: u32 = 1000;

/// What the status pages need besides the incidents: the firm's board, the address the
/// public reaches the desk at, and the pages built so far.
#[derive(Debug)]
pub struct StatusSite {
    board: StatusBoard,
    board_digest: String,
    public_url: String,
    templates: TemplateSet,
    /// Per incident: its log folded at a version ([`StatusFold::version`]).
    folds: Mutex<HashMap<IncidentId, Arc<StatusFold>>>,
    webhooks: WebhookPolicy,
}

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
            folds: Mutex::new(HashMap::new()),
            webhooks: WebhookPolicy::default(),
        })
    }

    /// The same site sending webhooks with `policy`.
    pub fn with_webhook_policy(mut self, policy: WebhookPolicy) -> Self {
        self.webhooks = policy;
        self
    }

    /// How webhooks are sent, and whether they may reach internal addresses.
    pub fn webhook_policy(&self) -> &WebhookPolicy {
        &self.webhooks
    }

    /// The board as the public sees it now: each component at the worst of its own status
    /// and the status every held page gives it.
    ///
    /// # Errors
    /// The cache's lock is poisoned.
    pub fn live_board(&self) -> Result<StatusBoard, ApiError> {
        let folds = lock(&self.folds)?;
        Ok(self
            .board
            .with_incidents(folds.values().filter_map(|f| f.page())))
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
            folds: Mutex::new(HashMap::new()),
            webhooks: WebhookPolicy::default(),
        }
    }
}

/// `?lang=&tz=` of the status pages, and `?after=&limit=` of the index.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusQuery {
    lang: Option<String>,
    tz: Option<String>,
    after: Option<String>,
    limit: Option<usize>,
}

/// The published page of `id` at its current version, folded from the log when the held
/// fold is older; `None` when the incident is unknown or has published nothing.
///
/// # Errors
/// A store failure, or a log the crate refuses.
pub async fn page(app: &App, id: IncidentId) -> Result<Option<Arc<StatusPage>>, ApiError> {
    Ok(fold(app, id)
        .await?
        .and_then(|f| f.page.clone())
        .map(Arc::new))
}

/// `id`'s log folded at its current version ([`StatusFold`]); `None` when unknown.
///
/// # Errors
/// A store failure, or a log the crate refuses.
pub async fn fold(app: &App, id: IncidentId) -> Result<Option<Arc<StatusFold>>, ApiError> {
    let Some(version) = app.read(id, |i| i.version()).await? else {
        return Ok(None);
    };
    fold_at(app, id, version).await.map(Some)
}

/// `id`'s fold, rebuilt from the log only when the held one is older than `version`.
async fn fold_at(app: &App, id: IncidentId, version: u64) -> Result<Arc<StatusFold>, ApiError> {
    let site = app.status();
    if let Some(f) = lock(&site.folds)?.get(&id) {
        if f.version >= version {
            return Ok(Arc::clone(f));
        }
    }
    let log = app
        .store()
        .load(id, 0)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    let fold = Arc::new(StatusFold::from_log(&log, &site.board).map_err(ApiError::internal)?);
    // Built from the table, which may be newer than `version`: keep the newest.
    let mut folds = lock(&site.folds)?;
    let held = folds.entry(id).or_insert_with(|| Arc::clone(&fold));
    if held.version < fold.version {
        *held = Arc::clone(&fold);
    }
    Ok(Arc::clone(held))
}

/// Every incident's fold at its stored version (unchanged ones from the cache), in id
/// order.
///
/// # Errors
/// A store failure, or a log the crate refuses.
pub async fn fold_all(app: &App) -> Result<Vec<Arc<StatusFold>>, ApiError> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let rows = app
            .store()
            .incidents_page(after, STORE_BATCH)
            .await
            .map_err(|e| ApiError::store(e, 0))?;
        for row in &rows {
            out.push(fold_at(app, row.incident_id, row.version).await?);
        }
        match rows.last() {
            Some(last) if rows.len() == STORE_BATCH as usize => after = Some(last.incident_id),
            _ => return Ok(out),
        }
    }
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

/// The validator of one rendering: the page's version, the language, the zone, the board,
/// the components' live statuses (another incident may change them) and which
/// maintenance is still to come (the page changes when one ends).
fn etag(site: &StatusSite, what: &str, version: u64, view: &StatusView<'_>) -> String {
    let mut d = Sha256::new();
    d.update(format!(
        "{what}|{version}|{}|{}|{}|",
        view.locale, view.zone, site.board_digest
    ));
    for c in &view.board.components {
        d.update(format!("{}={};", c.id, c.status.as_str()));
    }
    for m in site.board.upcoming(view.at) {
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
    let board = site.live_board()?;
    let links = site.links(Some(id));
    let view = StatusView {
        locale,
        zone,
        templates: &site.templates,
        board: &board,
        links: &links,
        at: app.now(),
    };
    let rep = Representation {
        etag: etag(site, what, page.version, &view),
        modified: page.updated_at(),
        content_type: if what == "atom" { ATOM } else { HTML },
    };
    Ok(answer(headers, &rep, || {
        if what == "atom" {
            page.atom(&view)
        } else {
            page.html(&view)
        }
    }))
}

/// Where a page sits in the index: later updates first, then by id.
type IndexKey = (std::cmp::Reverse<i64>, IncidentId);

fn index_key(page: &StatusPage) -> IndexKey {
    (
        std::cmp::Reverse(page.updated_at().timestamp_millis()),
        page.incident_id,
    )
}

/// `?after=`: `<update time in Unix milliseconds>_<incident id>` of the last entry seen.
fn parse_cursor(raw: &str) -> Result<IndexKey, ApiError> {
    let bad = || {
        ApiError::bad_request(
            "malformed_query",
            format!("{raw:?} is not a cursor: follow the page's next link"),
            "after",
        )
    };
    let (millis, id) = raw.split_once('_').ok_or_else(bad)?;
    Ok((
        std::cmp::Reverse(millis.parse().map_err(|_| bad())?),
        id.parse().map_err(|_| bad())?,
    ))
}

/// `GET /status`: the published incidents, the most recently updated first, one page at
/// a time (`?after=` from the previous page's next link, `?limit=`).
pub async fn index(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    q: Result<Query<StatusQuery>, QueryRejection>,
) -> ApiResult {
    let q = query(q)?;
    let locale = negotiate(&q, &headers)?;
    let zone = zone(&q, locale)?;
    let limit = q.limit.unwrap_or(PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        return Err(ApiError::bad_request(
            "malformed_query",
            format!("limit must be 1 to {MAX_PAGE_SIZE}"),
            "limit",
        ));
    }
    let after = q.after.as_deref().map(parse_cursor).transpose()?;
    let folds = fold_all(&app).await?;
    let mut pages: Vec<&StatusPage> = folds.iter().filter_map(|f| f.page()).collect();
    pages.sort_by_key(|p| index_key(p));
    let shown: Vec<&StatusPage> = pages
        .iter()
        .filter(|p| after.as_ref().is_none_or(|a| index_key(p) > *a))
        .take(limit + 1)
        .copied()
        .collect();
    let more = shown.len() > limit;
    let shown = shown.get(..limit).unwrap_or(&shown);
    let site = app.status();
    let next = more
        .then(|| shown.last())
        .flatten()
        .map(|p| next_link(site, p, locale, &q, limit));
    let mut versions = Sha256::new();
    for p in shown {
        versions.update(format!("{}:{};", p.incident_id, p.version));
    }
    versions.update(next.as_deref().unwrap_or_default());
    let board = site.board.with_incidents(pages.iter().copied());
    let links = site.links(None);
    let view = StatusView {
        locale,
        zone,
        templates: &site.templates,
        board: &board,
        links: &links,
        at: app.now(),
    };
    let digest = crate::access::hex(&versions.finalize());
    let rep = Representation {
        etag: etag(site, &format!("index|{digest}"), 0, &view),
        modified: shown
            .iter()
            .map(|p| p.updated_at())
            .max()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH),
        content_type: HTML,
    };
    Ok(answer(&headers, &rep, || {
        StatusPage::index_html_paged(
            shown,
            &view,
            |p| site.links(Some(p.incident_id)).page,
            next.as_deref(),
        )
    }))
}

/// The address of the index page after `last`, keeping the reader's language, zone and
/// page size.
fn next_link(
    site: &StatusSite,
    last: &StatusPage,
    locale: Locale,
    q: &StatusQuery,
    limit: usize,
) -> String {
    let (std::cmp::Reverse(millis), id) = index_key(last);
    let mut link = format!(
        "{}?after={millis}_{id}&lang={locale}",
        site.links(None).page
    );
    if let Some(tz) = &q.tz {
        link.push_str(&format!("&tz={}", percent(tz)));
    }
    if limit != PAGE_SIZE {
        link.push_str(&format!("&limit={limit}"));
    }
    link
}

/// `s` with every byte outside the URL-safe set percent-encoded (zone names hold `/`).
fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
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
