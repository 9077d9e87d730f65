//! The sending provider's delivery callbacks and the reach report:
//! `POST /incidents/{id}/receipts` records one [`DeliveryReceipt`] as an event (the log
//! proves who was told what and when), `GET /incidents/{id}/notices/{notice_id}/reach`
//! lists who the notice's subscriber messages reached and who not yet, from the
//! incident's [`StatusFold`](incident::status::StatusFold) (one replay per version,
//! shared with the status page).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::{Extension, Json};
use incident::comms::{DeliveryReceipt, Sensitivity};
use incident::id::{CustomerRef, NoticeId};
use incident::{Command, CommandKind, Context, IncidentId};

use crate::access::Caller;
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::http::{
    body_bytes, etag, idempotency_key, idempotent_write, parse_body, parse_id, require,
};

/// `POST /incidents/{id}/receipts`: the body is a delivery receipt (schema: the
/// `record_delivery_receipt` command without its `type`). No expected version: a receipt
/// does not depend on what else happened, and providers cannot track versions; a retried
/// callback should carry an `Idempotency-Key` (the provider's event id).
pub async fn record(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let id = parse_id(path)?;
    let bytes = body_bytes(body)?;
    let receipt: DeliveryReceipt = parse_body(&bytes)?;
    app.access()
        .authorize(&caller, CommandKind::RecordDeliveryReceipt)?;
    let request = format!("POST /incidents/{id}/receipts");
    let key = idempotency_key(&caller, &headers, &request, &bytes, StatusCode::OK)?;
    let command = Command::RecordDeliveryReceipt(receipt);
    let write = app.write(id, key.clone(), |current| {
        let incident = current.ok_or_else(|| ApiError::unknown_incident(id))?;
        let ctx = Context::new(caller.actor.clone(), app.now()).with_regulation(app.regulation());
        incident.execute(&command, &ctx).map_err(ApiError::rejected)
    });
    let written = match idempotent_write(&app, key, write).await? {
        Ok(written) => written,
        Err(replayed) => return Ok(replayed),
    };
    Ok(([(header::ETAG, etag(written.version))], Json(written.body)).into_response())
}

/// `GET /incidents/{id}/notices/{notice_id}/reach`: the notice's subscriber messages in
/// the outbox are who it meant to reach; the receipts in the log say who it did.
pub async fn reach(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> ApiResult {
    require(&caller, "the reach report", Sensitivity::Customers)?;
    let Path((raw_id, raw_notice)) =
        path.map_err(|e| ApiError::bad_request("malformed_id", e.body_text(), "id"))?;
    let id: IncidentId = raw_id
        .parse()
        .map_err(|e| ApiError::bad_request("malformed_id", format!("{raw_id:?}: {e}"), "id"))?;
    let notice = NoticeId::new(raw_notice.clone()).map_err(|e| {
        ApiError::bad_request("malformed_id", format!("{raw_notice:?}: {e}"), "notice_id")
    })?;
    app.read_known(id, |_| ()).await?;
    let rows = app
        .store()
        .outbox(id)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    let intended: Vec<CustomerRef> = rows
        .iter()
        .filter(|r| {
            r.message.notice_id == notice.as_str() && r.message.item.starts_with("subscriber:")
        })
        .filter_map(|r| serde_json::from_value(r.message.payload.get("customer")?.clone()).ok())
        .collect();
    // The incident's fold, held per version with its status page: no replay when
    // nothing changed since the last page or report.
    let fold = crate::status::fold(&app, id)
        .await?
        .ok_or_else(|| ApiError::unknown_incident(id))?;
    Ok(Json(fold.reach(&notice, intended)).into_response())
}
