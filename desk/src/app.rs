//! The desk's HTTP API: router, handlers and the JSON error contract.
//!
//! Every handler follows the crate's host loop: load (cached state refreshed from the
//! table), decide, append with the expected version, apply only what the store accepted.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use incident::regulation::Regulation;
use incident::{ActorId, Command, Context, Declare, Envelope, Incident, IncidentId, Rejection};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::outbox::ready_messages;
use crate::store::{Store, StoreError};

/// The largest request body accepted (413 `body_too_large` above it).
pub const BODY_LIMIT: usize = 256 * 1024;

/// The shared state of one desk instance.
pub struct App {
    store: Arc<dyn Store>,
    regulation: Regulation,
    /// Each incident's state at the version last seen; refreshed from the table (events
    /// above the cached version) before every use, so several instances stay correct.
    cache: Mutex<HashMap<IncidentId, Incident>>,
    /// The due-time index for the incident's one timer: when each cached incident next
    /// needs the timer (`Incident::poll_timeout`); see [`crate::timer`].
    due: Mutex<BTreeMap<IncidentId, DateTime<Utc>>>,
    /// Wakes the timer task when a due time may have moved earlier.
    pub(crate) timer_wake: tokio::sync::Notify,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").finish_non_exhaustive()
    }
}

/// The regulatory profile the desk runs with unless `--profile` names another: a payments
/// platform established in mainland China (network operator, PBOC-supervised).
pub fn default_regulation() -> Regulation {
    let profile = serde_json::from_value(json!({
        "established_in": ["CN"],
        "entity_types": ["cn_network_operator", "cn_pboc_institution"],
        "time_zone": "Asia/Shanghai",
        "calendar": "cn"
    }))
    .unwrap_or_default();
    Regulation::builtin(profile)
}

/// The request body of `POST /incidents`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclareRequest {
    /// The declaration (schema `declare`).
    pub declare: Declare,
    /// Who declares.
    pub actor: ActorId,
    /// When; the server's clock when absent.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
}

/// The request body of `POST /incidents/{id}/commands`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandRequest {
    /// The version the client decided on (`GET /incidents/{id}` → `version`).
    pub expected_version: u64,
    /// Who issues the command.
    pub actor: ActorId,
    /// When; the server's clock when absent.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    /// The command (schema `command`, tagged by `type`).
    pub command: Command,
}

/// `?at=` of the obligations and plan endpoints.
#[derive(Debug, Deserialize)]
pub struct AtQuery {
    at: Option<String>,
}

/// An error answer: `{"code": …, "message": …, …}` with a stable `code`.
#[derive(Debug, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    status: StatusCode,
    /// Stable machine-readable code.
    code: &'static str,
    /// For humans.
    message: String,
    /// The offending field (400s), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    /// The incident's version now (409).
    #[serde(skip_serializing_if = "Option::is_none")]
    current_version: Option<u64>,
    /// The rejection: `command`, `phase` and every `unmet` precondition (422).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    rejection: Option<Rejection>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field: None,
            current_version: None,
            rejection: None,
        }
    }

    fn field(mut self, field: Option<String>) -> Self {
        self.field = field;
        self
    }

    fn conflict(expected: u64, current: u64) -> Self {
        let mut e = Self::new(
            StatusCode::CONFLICT,
            "version_conflict",
            format!(
                "expected the incident at version {expected}, but it is at {current}; \
                 reload it, decide again and retry"
            ),
        );
        e.current_version = Some(current);
        e
    }

    fn rejected(rejection: Rejection) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "rejected",
            rejection.to_string(),
        );
        e.rejection = Some(rejection);
        e
    }

    fn unknown_incident(id: IncidentId) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "unknown_incident",
            format!("no incident {id}"),
        )
    }

    pub(crate) fn internal(message: impl std::fmt::Display) -> Self {
        eprintln!("desk: internal error: {message}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("internal error: {message}"),
        )
    }

    /// The stable machine-readable code (`version_conflict`, `rejected`, …).
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// For humans.
    pub fn message(&self) -> &str {
        &self.message
    }

    fn store(e: StoreError, expected: u64) -> Self {
        match e {
            StoreError::Conflict { current } => Self::conflict(expected, current),
            StoreError::Backend(message) => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "store_unavailable",
                message,
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(&self)).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;

/// Parses a JSON body into `T`, naming the offending field on failure.
fn parse_body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = body.map_err(|r| {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!("request bodies are limited to {BODY_LIMIT} bytes"),
            )
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed_body", r.body_text())
        }
    })?;
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        let parent = (path != ".").then_some(path);
        let join = |name: &str| match &parent {
            Some(p) if !p.ends_with(name) => format!("{p}.{name}"),
            Some(p) => p.clone(),
            None => name.to_owned(),
        };
        let quoted = message
            .split('`')
            .nth(1)
            .map(str::to_owned)
            .unwrap_or_default();
        if message.starts_with("unknown field") {
            ApiError::new(StatusCode::BAD_REQUEST, "unknown_field", message)
                .field(Some(join(&quoted)))
        } else if message.starts_with("missing field") {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", message)
                .field(Some(join(&quoted)))
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", message).field(parent)
        }
    })?;
    de.end()
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", e.to_string()))?;
    Ok(value)
}

fn parse_id(path: Result<Path<String>, PathRejection>) -> Result<IncidentId, ApiError> {
    let Path(raw) = path.map_err(|e| {
        ApiError::new(StatusCode::BAD_REQUEST, "malformed_id", e.body_text())
            .field(Some("id".into()))
    })?;
    raw.parse().map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_id",
            format!("{raw:?} is not an incident id: {e}"),
        )
        .field(Some("id".into()))
    })
}

fn parse_at(query: Result<Query<AtQuery>, QueryRejection>) -> Result<DateTime<Utc>, ApiError> {
    let Query(q) = query
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_query", e.body_text()))?;
    match q.at {
        None => Ok(now()),
        Some(raw) => DateTime::parse_from_rfc3339(raw.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "malformed_query",
                    format!("at={raw:?} is not an RFC 3339 time: {e}"),
                )
                .field(Some("at".into()))
            }),
    }
}

/// The server's clock.
pub(crate) fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

impl App {
    /// A desk over `store` with `regulation`.
    pub fn new(store: Arc<dyn Store>, regulation: Regulation) -> Self {
        Self {
            store,
            regulation,
            cache: Mutex::new(HashMap::new()),
            due: Mutex::new(BTreeMap::new()),
            timer_wake: tokio::sync::Notify::new(),
        }
    }

    /// The regulatory clocks the desk runs.
    pub fn regulation(&self) -> &Regulation {
        &self.regulation
    }

    /// Rebuilds every incident's state from the event table (verifying each hash chain);
    /// returns how many incidents and events were loaded.
    pub async fn rebuild(&self) -> Result<(usize, u64), String> {
        let ids = self.store.incident_ids().await.map_err(|e| e.to_string())?;
        let mut events = 0;
        for id in &ids {
            let incident = self
                .load(*id)
                .await
                .map_err(|e| format!("incident {id}: {}", e.message))?;
            events += incident.map_or(0, |i| i.version());
        }
        Ok((ids.len(), events))
    }

    fn cached(&self, id: IncidentId) -> Option<Incident> {
        self.cache.lock().ok().and_then(|c| c.get(&id).cloned())
    }

    fn remember(&self, incident: &Incident) {
        let newer = match self.cache.lock() {
            Ok(mut cache) => {
                let newer = cache
                    .get(&incident.id())
                    .is_none_or(|c| c.version() < incident.version());
                if newer {
                    cache.insert(incident.id(), incident.clone());
                }
                newer
            }
            Err(_) => false,
        };
        if newer {
            let wake = incident.poll_timeout(Some(&self.regulation), now());
            if let Ok(mut due) = self.due.lock() {
                match wake {
                    Some(wake) => due.insert(incident.id(), wake.at),
                    None => due.remove(&incident.id()),
                };
            }
            self.timer_wake.notify_one();
        }
    }

    /// The incidents whose timer is due at `now`, and the next due time after them.
    pub(crate) fn due_at(&self, now: DateTime<Utc>) -> (Vec<IncidentId>, Option<DateTime<Utc>>) {
        let Ok(due) = self.due.lock() else {
            return (Vec::new(), None);
        };
        let ready = due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(id, _)| *id)
            .collect();
        let next = due.values().filter(|at| **at > now).min().copied();
        (ready, next)
    }

    /// Forgets `id`'s due time (the timer found nothing to record for it).
    pub(crate) fn clear_due(&self, id: IncidentId, until: DateTime<Utc>) {
        if let Ok(mut due) = self.due.lock() {
            if due.get(&id).is_some_and(|at| *at <= until) {
                due.remove(&id);
            }
        }
    }

    /// The incident at the table's current version, `None` when unknown.
    pub async fn load(&self, id: IncidentId) -> Result<Option<Incident>, ApiError> {
        let cached = self.cached(id);
        let after = cached.as_ref().map_or(0, Incident::version);
        let tail = self
            .store
            .load(id, after)
            .await
            .map_err(|e| ApiError::store(e, after))?;
        let incident = match cached {
            Some(mut incident) => {
                for envelope in &tail {
                    incident.apply(envelope).map_err(ApiError::internal)?;
                }
                incident
            }
            None if tail.is_empty() => return Ok(None),
            None => Incident::replay(&tail).map_err(ApiError::internal)?,
        };
        if !tail.is_empty() {
            self.remember(&incident);
        }
        Ok(Some(incident))
    }

    pub(crate) async fn load_known(&self, id: IncidentId) -> Result<Incident, ApiError> {
        self.load(id)
            .await?
            .ok_or_else(|| ApiError::unknown_incident(id))
    }

    /// Appends envelopes made from `base` (`None` for a declaration) with the outbox
    /// messages they make ready, then applies them; returns the new state.
    pub(crate) async fn commit(
        &self,
        base: Option<Incident>,
        id: IncidentId,
        envelopes: &[Envelope],
        at: DateTime<Utc>,
    ) -> Result<Incident, ApiError> {
        let expected = base.as_ref().map_or(0, Incident::version);
        let next = match base {
            Some(mut next) => {
                for envelope in envelopes {
                    next.apply(envelope).map_err(ApiError::internal)?;
                }
                next
            }
            None => Incident::replay(envelopes).map_err(ApiError::internal)?,
        };
        let outbox = ready_messages(&next, &self.regulation, at);
        self.store
            .append(id, expected, envelopes.to_vec(), outbox)
            .await
            .map_err(|e| ApiError::store(e, expected))?;
        self.remember(&next);
        Ok(next)
    }
}

/// The router with the body limit.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/incidents", post(declare))
        .route("/incidents/{id}", get(state))
        .route("/incidents/{id}/commands", post(command))
        .route("/incidents/{id}/events", get(events))
        .route("/incidents/{id}/obligations", get(obligations))
        .route("/incidents/{id}/plan", get(plan))
        .route("/incidents/{id}/outbox", get(outbox))
        .route("/schema", get(schema_index))
        .route("/schema/{name}", get(schema))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app)
}

/// Serves `router(app)` on `listener` until the task is dropped.
pub async fn serve(listener: tokio::net::TcpListener, app: Arc<App>) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // Small JSON answers: send them at once rather than wait for Nagle's algorithm.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router(app)).await
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

async fn healthz(State(app): State<Arc<App>>) -> ApiResult {
    match app.store.incident_ids().await {
        Ok(ids) => Ok(Json(json!({"status": "ok", "incidents": ids.len()})).into_response()),
        Err(e) => Err(ApiError::store(e, 0)),
    }
}

async fn declare(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> ApiResult {
    let req: DeclareRequest = parse_body(body)?;
    let id = req.declare.incident_id;
    if let Some(existing) = app.load(id).await? {
        return Err(ApiError::conflict(0, existing.version()));
    }
    let at = req.at.unwrap_or_else(now);
    let ctx = Context::new(req.actor, at);
    let envelopes = Incident::declare(&req.declare, &ctx).map_err(ApiError::rejected)?;
    let incident = app.commit(None, id, &envelopes, at).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "incident_id": id,
            "version": incident.version(),
            "events": envelopes,
        })),
    )
        .into_response())
}

async fn command(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let req: CommandRequest = parse_body(body)?;
    let incident = app.load_known(id).await?;
    if incident.version() != req.expected_version {
        return Err(ApiError::conflict(req.expected_version, incident.version()));
    }
    let at = req.at.unwrap_or_else(now);
    let ctx = Context::new(req.actor, at).with_regulation(&app.regulation);
    let envelopes = incident
        .execute(&req.command, &ctx)
        .map_err(ApiError::rejected)?;
    let next = app.commit(Some(incident), id, &envelopes, at).await?;
    Ok(Json(json!({
        "incident_id": id,
        "version": next.version(),
        "events": envelopes,
    }))
    .into_response())
}

async fn state(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let incident = app.load_known(parse_id(path)?).await?;
    Ok(Json(incident).into_response())
}

async fn events(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let envelopes = app
        .store
        .load(id, 0)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    if envelopes.is_empty() {
        return Err(ApiError::unknown_incident(id));
    }
    Ok(Json(envelopes).into_response())
}

async fn obligations(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AtQuery>, QueryRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let at = parse_at(query)?;
    let incident = app.load_known(id).await?;
    Ok(Json(incident.obligations(&app.regulation, at)).into_response())
}

async fn plan(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AtQuery>, QueryRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let at = parse_at(query)?;
    let incident = app.load_known(id).await?;
    let schedule = match incident.comms_plan() {
        Some(plan) => {
            let obligations = incident.obligations(&app.regulation, at);
            serde_json::to_value(plan.schedule(incident.plan_view(), Some(&obligations), at))
                .map_err(ApiError::internal)?
        }
        None => json!({ "at": at, "entries": [] }),
    };
    Ok(Json(schedule).into_response())
}

async fn outbox(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    app.load_known(id).await?;
    let rows = app
        .store
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
