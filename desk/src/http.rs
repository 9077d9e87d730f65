//! The desk's HTTP API: the router, the gate every request passes (origin, media type,
//! bearer token) and the handlers. The API and its error codes are tabled in the crate's
//! README.

use std::sync::Arc;

use axum::body::Bytes;
use axum::error_handling::HandleErrorLayer;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use chrono::{DateTime, Utc};
use incident::comms::Sensitivity;
use incident::{Command, Context, Envelope, Incident, IncidentId};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::access::Caller;
use crate::app::{App, IdempotencyKey, Written};
use crate::error::{ApiError, ApiResult};
use crate::visibility;

mod declare;

pub use declare::{DeclareRequest, PlaybookChoice};

/// The largest request body accepted (413 `body_too_large` above it).
pub const BODY_LIMIT: usize = 256 * 1024;

/// How long one request may take, body included, before it is answered 503 `timeout`: a
/// slow client or a hung database cannot hold a connection and an incident's lock for
/// longer.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The most events or incidents one page returns, and the default page size.
pub const PAGE_LIMIT: u32 = 1000;

/// The request body of `POST /incidents/{id}/commands`. The actor is the bearer token's and
/// the time is the desk's clock; a time the command itself carries (when something was
/// contained, sent, filed) is an in-world field of the command.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandRequest {
    /// The version the client decided on (`GET /incidents/{id}` → `version`); may be given
    /// as `If-Match: "<version>"` instead.
    #[serde(default)]
    pub expected_version: Option<u64>,
    /// The command (schema `command`, tagged by `type`).
    pub command: Command,
}

/// `?at=` of the obligations and plan endpoints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtQuery {
    at: Option<String>,
}

/// `?after=&limit=` of the paged endpoints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    after: Option<String>,
    limit: Option<u32>,
}

/// The router: the gate on every route but `/healthz` and the public status pages, and
/// the body limit.
pub fn router(app: Arc<App>) -> Router {
    let gated = Router::new()
        .route("/incidents", post(declare::declare).get(incidents))
        .route("/drills", post(declare::drill))
        .route("/playbooks", get(declare::playbooks))
        .route("/playbooks/{id}", get(declare::playbook))
        .route("/incidents/{id}", get(state))
        .route("/incidents/{id}/commands", post(command))
        .route("/incidents/{id}/events", get(events))
        .route("/incidents/{id}/obligations", get(obligations))
        .route("/incidents/{id}/plan", get(plan))
        .route("/incidents/{id}/outbox", get(outbox))
        .route("/incidents/{id}/receipts", post(crate::receipts::record))
        .route(
            "/incidents/{id}/notices/{notice_id}/reach",
            get(crate::receipts::reach),
        )
        .route(
            "/subscriptions",
            post(crate::subscriptions::subscribe).get(crate::subscriptions::list),
        )
        .route(
            "/subscriptions/{id}",
            axum::routing::delete(crate::subscriptions::unsubscribe),
        )
        .route("/schema", get(schema_index))
        .route("/schema/{name}", get(schema))
        .route_layer(middleware::from_fn_with_state(Arc::clone(&app), gate));
    // The public status pages: no token, no origin check (anyone may read them), and
    // nothing on them that a token guards (`crate::status`).
    let public = Router::new()
        .route("/status", get(crate::status::index))
        .route("/status/{id}", get(crate::status::page_html))
        .route("/status/{id}/feed.atom", get(crate::status::feed));
    Router::new()
        .route("/healthz", get(healthz))
        .merge(public)
        .merge(gated)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(
            tower::ServiceBuilder::new()
                .layer(HandleErrorLayer::new(timed_out))
                .layer(tower::timeout::TimeoutLayer::new(REQUEST_TIMEOUT)),
        )
        .with_state(app)
}

/// Serves `router(app)` on `listener` until `shutdown` completes; requests in flight then
/// finish before this returns.
///
/// # Errors
/// The listener's I/O error.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // Small JSON answers: send them at once rather than wait for Nagle's algorithm.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await
}

/// The gate: a browser's `Origin` must be listed (403), a body must be JSON (415), and the
/// bearer token must name a caller (401), who is handed to the handler.
async fn gate(State(app): State<Arc<App>>, mut request: Request, next: Next) -> Response {
    match admit(&app, &request) {
        Ok(caller) => {
            request.extensions_mut().insert(caller);
            next.run(request).await
        }
        Err(e) => e.into_response(),
    }
}

fn admit(app: &App, request: &Request) -> Result<Caller, ApiError> {
    let headers = request.headers();
    let origin = headers
        .get(header::ORIGIN)
        .map(|v| v.to_str().unwrap_or("?"));
    if !app.access().origin_allowed(origin) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "origin_not_allowed",
            format!(
                "requests from the origin {:?} are refused; the access file's `origins` lists \
                 the browser origins the desk serves",
                origin.unwrap_or_default()
            ),
        ));
    }
    if request.method() == Method::POST && !is_json(headers) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "request bodies must be sent as `Content-Type: application/json`",
        ));
    }
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    Ok(app.access().authenticate(authorization)?)
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

/// The body's bytes; 413 over [`BODY_LIMIT`].
pub(crate) fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|r| {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!("request bodies are limited to {BODY_LIMIT} bytes"),
            )
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed_body", r.body_text())
        }
    })
}

/// Parses a JSON body into `T`, naming the offending field on failure.
pub(crate) fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        let parent = (path != ".").then_some(path);
        let join = |name: &str| match &parent {
            Some(p) if !p.ends_with(name) => format!("{p}.{name}"),
            Some(p) => p.clone(),
            None => name.to_owned(),
        };
        let quoted = message.split('`').nth(1).unwrap_or_default().to_owned();
        if message.starts_with("unknown field") {
            ApiError::bad_request("unknown_field", message, &join(&quoted))
        } else if message.starts_with("missing field") {
            ApiError::bad_request("malformed_json", message, &join(&quoted))
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", message).field(parent)
        }
    })?;
    de.end()
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", e.to_string()))?;
    Ok(value)
}

pub(crate) fn parse_id(path: Result<Path<String>, PathRejection>) -> Result<IncidentId, ApiError> {
    let Path(raw) = path.map_err(|e| ApiError::bad_request("malformed_id", e.body_text(), "id"))?;
    parse_incident_id(&raw, "id")
}

fn parse_incident_id(raw: &str, field: &str) -> Result<IncidentId, ApiError> {
    raw.parse().map_err(|e| {
        ApiError::bad_request(
            "malformed_id",
            format!("{raw:?} is not an incident id: {e}"),
            field,
        )
    })
}

fn parse_query<T: DeserializeOwned>(
    query: Result<Query<T>, QueryRejection>,
) -> Result<T, ApiError> {
    query
        .map(|Query(q)| q)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_query", e.body_text()))
}

fn parse_at(
    app: &App,
    query: Result<Query<AtQuery>, QueryRejection>,
) -> Result<DateTime<Utc>, ApiError> {
    match parse_query(query)?.at {
        None => Ok(app.now()),
        Some(raw) => DateTime::parse_from_rfc3339(raw.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                ApiError::bad_request(
                    "malformed_query",
                    format!("at={raw:?} is not an RFC 3339 time: {e}"),
                    "at",
                )
            }),
    }
}

fn page_limit(limit: Option<u32>) -> Result<u32, ApiError> {
    match limit.unwrap_or(PAGE_LIMIT) {
        n @ 1..=PAGE_LIMIT => Ok(n),
        n => Err(ApiError::bad_request(
            "malformed_query",
            format!("limit={n}: pages hold 1 to {PAGE_LIMIT} items"),
            "limit",
        )),
    }
}

/// Where the next page starts: the last item's key when the page is full, `None` when it
/// was the last page.
fn next_after<T, K>(page: &[T], limit: u32, key: impl Fn(&T) -> K) -> Option<K> {
    (page.len() == limit as usize)
        .then(|| page.last().map(key))
        .flatten()
}

/// Refuses a read `caller` is not cleared for.
pub(crate) fn require(caller: &Caller, what: &str, needed: Sensitivity) -> Result<(), ApiError> {
    if caller.clearance >= needed {
        Ok(())
    } else {
        Err(ApiError::clearance_too_low(what, needed, caller.clearance))
    }
}

/// The `ETag` of an incident at `version`.
pub(crate) fn etag(version: u64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// The version an `If-Match` header names, when given.
fn if_match(headers: &HeaderMap) -> Result<Option<u64>, ApiError> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Ok(None);
    };
    let text = value.to_str().unwrap_or_default().trim();
    let inner = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
    inner.parse().map(Some).map_err(|_| {
        ApiError::bad_request(
            "malformed_header",
            format!("If-Match: {text:?} is not an ETag this desk gave (\"<version>\")"),
            "If-Match",
        )
    })
}

/// The longest `Idempotency-Key` accepted.
pub const IDEMPOTENCY_KEY_LIMIT: usize = 255;

/// The request's `Idempotency-Key`, scoped to the caller, with the request's digest.
pub(crate) fn idempotency_key(
    caller: &Caller,
    headers: &HeaderMap,
    request: &str,
    body: &[u8],
    status: StatusCode,
) -> Result<Option<IdempotencyKey>, ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= IDEMPOTENCY_KEY_LIMIT)
        .ok_or_else(|| {
            ApiError::bad_request(
                "malformed_header",
                format!(
                    "Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_LIMIT} visible ASCII characters"
                ),
                "Idempotency-Key",
            )
        })?;
    let mut digest = Sha256::new();
    digest.update(request.as_bytes());
    digest.update([0]);
    digest.update(body);
    Ok(Some(IdempotencyKey {
        actor: caller.actor.to_string(),
        key: key.to_owned(),
        request_digest: crate::access::hex(&digest.finalize()),
        status: status.as_u16(),
    }))
}

/// The stored answer to an earlier request with the same key, replayed; 422 when the key
/// was used for a different request.
async fn replay(app: &App, key: &IdempotencyKey) -> Result<Option<Response>, ApiError> {
    let Some(stored) = app
        .store()
        .idempotent(&key.actor, &key.key)
        .await
        .map_err(|e| ApiError::store(e, 0))?
    else {
        return Ok(None);
    };
    if stored.request_digest != key.request_digest {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            format!(
                "Idempotency-Key {:?} was used for a different request; use a new key for \
                 a new request",
                key.key
            ),
        ));
    }
    let status = StatusCode::from_u16(stored.status).map_err(ApiError::internal)?;
    let body: Value = serde_json::from_str(&stored.body).map_err(ApiError::internal)?;
    Ok(Some(
        (
            status,
            [("idempotent-replayed", HeaderValue::from_static("true"))],
            Json(body),
        )
            .into_response(),
    ))
}

/// Runs a write with its idempotency key: a stored answer is replayed; a race with the
/// same key committing first is answered with that request's answer.
pub(crate) async fn idempotent_write(
    app: &App,
    key: Option<IdempotencyKey>,
    write: impl std::future::Future<Output = Result<Written, ApiError>>,
) -> Result<Result<Written, Response>, ApiError> {
    if let Some(key) = &key {
        if let Some(answer) = replay(app, key).await? {
            return Ok(Err(answer));
        }
    }
    match write.await {
        Err(e) if e.code() == "idempotency_key_used" => match &key {
            Some(key) => replay(app, key).await?.map(Err).ok_or(e),
            None => Err(e),
        },
        other => other.map(Ok),
    }
}

/// The answer to a request that ran past [`REQUEST_TIMEOUT`].
async fn timed_out(e: tower::BoxError) -> ApiError {
    let mut error = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "timeout",
        format!(
            "the request took longer than {} s and was abandoned; a write may or may not \
             have been recorded: reload before deciding again (with an Idempotency-Key, \
             resend it as it was)",
            REQUEST_TIMEOUT.as_secs()
        ),
    );
    if !e.is::<tower::timeout::error::Elapsed>() {
        error = ApiError::internal(e);
    }
    error
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method",
    )
}

/// Whether the desk and its store answer. It needs no token, so it says nothing else (not
/// even how many incidents there are).
async fn healthz(State(app): State<Arc<App>>) -> ApiResult {
    match app.store().incidents_page(None, 1).await {
        Ok(_) => Ok(Json(json!({"status": "ok"})).into_response()),
        Err(e) => Err(ApiError::store(e, 0)),
    }
}

async fn command(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let bytes = body_bytes(body)?;
    let req: CommandRequest = parse_body(&bytes)?;
    app.access().authorize(&caller, req.command.kind())?;
    let matched = if_match(&headers)?;
    let expected = match (req.expected_version, matched) {
        (Some(body), Some(header)) if body != header => {
            return Err(ApiError::bad_request(
                "malformed_json",
                format!("expected_version {body} and If-Match {header} disagree; send one"),
                "expected_version",
            ))
        }
        (Some(v), _) | (None, Some(v)) => v,
        (None, None) => {
            return Err(ApiError::bad_request(
                "malformed_json",
                "say which version you decided on: `expected_version` in the body or \
                 `If-Match: \"<version>\"`",
                "expected_version",
            ))
        }
    };
    let request = format!("POST /incidents/{id}/commands If-Match:{matched:?}");
    let key = idempotency_key(&caller, &headers, &request, &bytes, StatusCode::OK)?;
    let write = app.write(id, key.clone(), |current| {
        let incident = current.ok_or_else(|| ApiError::unknown_incident(id))?;
        if incident.version() != expected {
            return Err(if matched.is_some() {
                ApiError::precondition_failed(expected, incident.version())
            } else {
                ApiError::conflict(expected, incident.version())
            });
        }
        // The desk's clock, read while the incident is locked, so no write of this
        // instance can come between the time and the append.
        let ctx = Context::new(caller.actor.clone(), app.now()).with_regulation(app.regulation());
        incident
            .execute(&req.command, &ctx)
            .map_err(ApiError::rejected)
    });
    let written = match idempotent_write(&app, key, write).await? {
        Ok(written) => written,
        Err(replayed) => return Ok(replayed),
    };
    Ok(([(header::ETAG, etag(written.version))], Json(written.body)).into_response())
}

async fn incidents(
    State(app): State<Arc<App>>,
    Extension(_caller): Extension<Caller>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult {
    let q = parse_query(query)?;
    let limit = page_limit(q.limit)?;
    let after = q
        .after
        .as_deref()
        .map(|raw| parse_incident_id(raw, "after"))
        .transpose()?;
    let rows = app
        .store()
        .incidents_page(after, limit)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    let next = next_after(&rows, limit, |r| r.incident_id);
    Ok(Json(json!({ "incidents": rows, "next_after": next })).into_response())
}

async fn state(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let (version, view) = app
        .read_known(id, |incident| {
            (
                incident.version(),
                visibility::state_view(incident, caller.clearance),
            )
        })
        .await?;
    let view = view.map_err(ApiError::internal)?;
    Ok(([(header::ETAG, etag(version))], Json(view)).into_response())
}

async fn events(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let q = parse_query(query)?;
    let limit = page_limit(q.limit)?;
    let after = match q.after.as_deref() {
        None => 0,
        Some(raw) => raw.trim().parse().map_err(|_| {
            ApiError::bad_request(
                "malformed_query",
                format!("after={raw:?} is not a sequence number"),
                "after",
            )
        })?,
    };
    let page = app
        .store()
        .events_page(id, after, limit)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    if page.is_empty() && after == 0 {
        return Err(ApiError::unknown_incident(id));
    }
    let next = next_after(&page, limit, Envelope::sequence);
    let (shown, withheld) = visibility::events_view(page, caller.clearance);
    Ok(Json(json!({
        "clearance": caller.clearance,
        "events": shown,
        "withheld": withheld,
        "next_after": next,
    }))
    .into_response())
}

async fn obligations(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AtQuery>, QueryRejection>,
) -> ApiResult {
    let what = "the regulatory obligations";
    read_at(
        &app,
        &caller,
        path,
        query,
        (what, Sensitivity::Restricted),
        |incident, at| serde_json::to_value(incident.obligations(app.regulation(), at)),
    )
    .await
}

async fn plan(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AtQuery>, QueryRejection>,
) -> ApiResult {
    let what = "the comms plan";
    read_at(
        &app,
        &caller,
        path,
        query,
        (what, Sensitivity::Customers),
        |incident, at| match incident.comms_plan() {
            Some(plan) => {
                let obligations = incident.obligations(app.regulation(), at);
                serde_json::to_value(plan.schedule(incident.plan_view(), Some(&obligations), at))
            }
            None => Ok(json!({ "at": at, "entries": [] })),
        },
    )
    .await
}

/// A read "as of" `?at=` that needs a clearance (`what` and the label it needs).
async fn read_at(
    app: &App,
    caller: &Caller,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AtQuery>, QueryRejection>,
    (what, needed): (&str, Sensitivity),
    f: impl FnOnce(&Incident, DateTime<Utc>) -> serde_json::Result<Value>,
) -> ApiResult {
    let id = parse_id(path)?;
    let at = parse_at(app, query)?;
    require(caller, what, needed)?;
    let value = app
        .read_known(id, |incident| f(incident, at))
        .await?
        .map_err(ApiError::internal)?;
    Ok(Json(value).into_response())
}

async fn outbox(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    require(&caller, "the outbox", Sensitivity::Restricted)?;
    app.read_known(id, |_| ()).await?;
    let rows = app
        .store()
        .outbox(id)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    Ok(Json(rows).into_response())
}

async fn schema_index() -> Json<Value> {
    let names: Vec<&str> = incident::schema::schemas()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    Json(json!(names))
}

async fn schema(path: Result<Path<String>, PathRejection>) -> ApiResult {
    let Ok(Path(name)) = path else {
        return Err(not_found().await);
    };
    incident::schema::schemas()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, schema)| Json(schema).into_response())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                format!("no schema {name:?}; GET /schema lists them"),
            )
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn a_request_past_its_time_is_answered_503_timeout_in_json() {
        let e = timed_out(Box::new(tower::timeout::error::Elapsed::new())).await;
        assert_eq!(
            (e.status(), e.code()),
            (StatusCode::SERVICE_UNAVAILABLE, "timeout")
        );
        let other = timed_out("boom".into()).await;
        assert_eq!(other.code(), "internal");
    }
}
