//! Declaring, with or without a playbook from the desk's catalogue; starting a drill (an
//! exercise incident declared with a playbook); listing and fetching the playbooks.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::{Extension, Json};
use incident::comms::Sensitivity;
use incident::locale::Locale;
use incident::playbook::{Activation, Staffing};
use incident::{CommandKind, Context, Declare, Incident};
use serde::Deserialize;
use serde_json::json;

use super::{body_bytes, etag, idempotency_key, idempotent_write, parse_body, require};
use crate::access::Caller;
use crate::app::App;
use crate::error::{ApiError, ApiResult};

/// The request body of `POST /incidents` and `POST /drills`. The actor is the bearer
/// token's.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclareRequest {
    /// The declaration (schema `declare`).
    pub declare: Declare,
    /// A playbook of the desk's catalogue to activate with it (`GET /playbooks`); or give
    /// the whole playbook in `declare.playbook`, not both.
    #[serde(default)]
    pub playbook: Option<PlaybookChoice>,
}

/// A playbook of the desk's catalogue, named in a declaration.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaybookChoice {
    /// Its id.
    pub id: String,
    /// The language its actions are recorded in (one of the playbook's).
    pub locale: Locale,
    /// Who fills which of its roles.
    #[serde(default)]
    pub staffing: Staffing,
}

/// The declaration the request asks for, with the named playbook attached.
fn resolve(app: &App, req: DeclareRequest, drill: bool) -> Result<Declare, ApiError> {
    let mut declare = req.declare;
    match (req.playbook, declare.playbook.is_some()) {
        (Some(_), true) => {
            return Err(ApiError::bad_request(
                "malformed_json",
                "name the playbook by id in `playbook` or give it whole in `declare.playbook`, not both",
                "playbook",
            ))
        }
        (Some(choice), false) => {
            let playbook = app.playbooks().get(&choice.id).ok_or_else(|| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unknown_playbook",
                    format!("no playbook {:?}; GET /playbooks lists them", choice.id),
                )
                .field(Some("playbook.id".into()))
            })?;
            let mut activation = Activation::new(playbook.clone(), choice.locale);
            activation.staffing = choice.staffing;
            declare = declare.playbook(activation);
        }
        (None, _) => {}
    }
    if drill {
        if declare.playbook.is_none() {
            return Err(ApiError::bad_request(
                "malformed_json",
                "a drill runs a playbook: name one in `playbook` (GET /playbooks lists them)",
                "playbook",
            ));
        }
        // A drill is an exercise: clocks run and are scored, nothing counts as a filing.
        declare = declare.exercise(true);
    }
    Ok(declare)
}

/// `POST /incidents`.
pub(super) async fn declare(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    declare_as(app, caller, headers, body, false).await
}

/// `POST /drills`: an exercise incident declared with a playbook.
pub(super) async fn drill(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    declare_as(app, caller, headers, body, true).await
}

async fn declare_as(
    app: Arc<App>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
    drill: bool,
) -> ApiResult {
    let bytes = body_bytes(body)?;
    let req: DeclareRequest = parse_body(&bytes)?;
    app.access().authorize(&caller, CommandKind::Declare)?;
    let declare = resolve(&app, req, drill)?;
    let id = declare.incident_id;
    let path = if drill {
        "POST /drills"
    } else {
        "POST /incidents"
    };
    let key = idempotency_key(&caller, &headers, path, &bytes, StatusCode::CREATED)?;
    let write = app.write(id, key.clone(), |existing| match existing {
        Some(incident) => Err(ApiError::conflict(0, incident.version())),
        None => Incident::declare(&declare, &Context::new(caller.actor.clone(), app.now()))
            .map_err(ApiError::rejected),
    });
    let written = match idempotent_write(&app, key, write).await? {
        Ok(written) => written,
        Err(replayed) => return Ok(replayed),
    };
    let location =
        HeaderValue::from_str(&format!("/incidents/{id}")).map_err(ApiError::internal)?;
    Ok((
        StatusCode::CREATED,
        [
            (header::LOCATION, location),
            (header::ETAG, etag(written.version)),
        ],
        Json(written.body),
    )
        .into_response())
}

/// `GET /playbooks`: id, version, digest, title, scope and targets of each. A playbook is
/// the firm's internal plan: `internal` clearance.
pub(super) async fn playbooks(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
) -> ApiResult {
    require(&caller, "playbooks", Sensitivity::Internal)?;
    let list: Vec<_> = app
        .playbooks()
        .iter()
        .map(|p| {
            json!({
                "id": p.id(),
                "version": p.version(),
                "digest": p.digest().ok(),
                "title": { "zh-CN": p.title(Locale::ZhCn), "en": p.title(Locale::En) },
                "scope": p.scope(),
                "targets": p.targets(),
            })
        })
        .collect();
    Ok(Json(list).into_response())
}

/// `GET /playbooks/{id}`: the playbook (schema `playbook`).
pub(super) async fn playbook(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    require(&caller, "playbooks", Sensitivity::Internal)?;
    let Ok(Path(id)) = path else {
        return Err(super::not_found().await);
    };
    app.playbooks()
        .get(&id)
        .map(|p| Json(p).into_response())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_playbook",
                format!("no playbook {id:?}; GET /playbooks lists them"),
            )
        })
}
