//! The desk's JSON error contract: every refusal is `{"code", "message", …}` with a stable
//! `code` (the table in the crate's README), and bad input never gets a 500.

use std::collections::BTreeSet;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use incident::comms::Sensitivity;
use incident::{IncidentId, Rejection};
use serde::Serialize;

use crate::access::Refusal;
use crate::store::StoreError;

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
    field: Option<Box<str>>,
    /// The incident's version now (409).
    #[serde(skip_serializing_if = "Option::is_none")]
    current_version: Option<u64>,
    /// The desk roles any one of which may run the command (403 `forbidden`).
    #[serde(skip_serializing_if = "Option::is_none")]
    roles_needed: Option<BTreeSet<String>>,
    /// The clearance the read needs (403 `clearance_too_low`).
    #[serde(skip_serializing_if = "Option::is_none")]
    clearance_needed: Option<Sensitivity>,
    /// The rejection: `command`, `phase` and every `unmet` precondition (422).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    rejection: Option<Box<Rejection>>,
}

/// A handler's answer.
pub type ApiResult = Result<Response, ApiError>;

impl ApiError {
    /// An error with `status`, `code` and a message for people.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field: None,
            current_version: None,
            roles_needed: None,
            clearance_needed: None,
            rejection: None,
        }
    }

    /// A 400 `code` naming `field`.
    pub fn bad_request(code: &'static str, message: impl Into<String>, field: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message).field(Some(field.to_owned()))
    }

    /// Names the offending field.
    pub fn field(mut self, field: Option<String>) -> Self {
        self.field = field.map(String::into_boxed_str);
        self
    }

    /// 409: the incident is not at the version the client decided on.
    pub fn conflict(expected: u64, current: u64) -> Self {
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

    /// 412: `If-Match` names another version.
    pub fn precondition_failed(expected: u64, current: u64) -> Self {
        let mut e = Self::conflict(expected, current);
        e.status = StatusCode::PRECONDITION_FAILED;
        e
    }

    /// 422: the incident refused the command.
    pub fn rejected(rejection: Rejection) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "rejected",
            rejection.to_string(),
        );
        e.rejection = Some(Box::new(rejection));
        e
    }

    /// 404: no such incident.
    pub fn unknown_incident(id: IncidentId) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "unknown_incident",
            format!("no incident {id}"),
        )
    }

    /// 403: the caller's clearance is below what the read needs.
    pub fn clearance_too_low(what: &str, needed: Sensitivity, held: Sensitivity) -> Self {
        let mut e = Self::new(
            StatusCode::FORBIDDEN,
            "clearance_too_low",
            format!("{what} needs clearance {needed}; your token has {held}"),
        );
        e.clearance_needed = Some(needed);
        e
    }

    /// 500: a fault of the desk, logged. The message names what failed; it never holds a
    /// secret (store errors are built without the database URL's password).
    pub fn internal(message: impl std::fmt::Display) -> Self {
        eprintln!("desk: internal error: {message}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("internal error: {message}"),
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable machine-readable code (`version_conflict`, `rejected`, …).
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// For humans.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The store's failure: 409 on a conflict, 503 with `Retry-After` when the database is
    /// unavailable, 500 otherwise; the message keeps the database's cause (never a
    /// password: the stores build their messages without the URL's).
    pub fn store(e: StoreError, expected: u64) -> Self {
        match e {
            StoreError::Conflict { current } => Self::conflict(expected, current),
            StoreError::Unavailable(message) => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "store_unavailable",
                format!("the database did not answer; retry shortly: {message}"),
            ),
            StoreError::IdempotencyKeyUsed => Self::new(
                StatusCode::CONFLICT,
                "idempotency_key_used",
                "a request with this Idempotency-Key committed meanwhile; send it again to \
                 get its stored answer",
            ),
            other => {
                eprintln!("desk: store failed: {other}");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "store_failed",
                    other.to_string(),
                )
            }
        }
    }
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::MissingToken => Self::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "send `Authorization: Bearer <token>`; the desk's operator issues tokens \
                 (`desk new-token`)",
            ),
            Refusal::UnknownToken => Self::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "the bearer token matches no entry of the access file",
            ),
            Refusal::Forbidden { command, needed } => {
                let message = if needed.is_empty() {
                    format!(
                        "no desk role may run {command}: the access file's `commands` does \
                         not list it"
                    )
                } else {
                    let roles: Vec<&str> = needed.iter().map(String::as_str).collect();
                    format!(
                        "{command} needs one of the desk roles {}; your token holds none",
                        roles.join(", ")
                    )
                };
                let mut e = Self::new(StatusCode::FORBIDDEN, "forbidden", message);
                e.roles_needed = Some(needed);
                e
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status;
        let mut response = (status, Json(&self)).into_response();
        let headers = response.headers_mut();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"incident-desk\""),
            );
        }
        response
    }
}
