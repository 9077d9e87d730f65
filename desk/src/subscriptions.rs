//! Subscriptions to the status pages (host data: per component and channel, e-mail, SMS or
//! a signed webhook), the fan-out of a published update to them through the outbox, and
//! the endpoints: `POST /subscriptions`, `GET /subscriptions`, `DELETE /subscriptions/{id}`.
//!
//! A subscription to components hears of an incident linked to one of them (the incident's
//! affected systems name the component: [`component_impact`]); one without components
//! hears of every incident. When a notice to a public audience is recorded sent, one
//! outbox message per matching subscription is enqueued in the same transaction (item
//! `subscriber:<id>`, so each is enqueued once); a webhook's message carries its body,
//! which [`crate::delivery`] signs and posts when it sends it.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use incident::comms::Sensitivity;
use incident::id::{ComponentId, CustomerRef};
use incident::locale::Locale;
use incident::status::{component_impact, StatusBoard};
use incident::{Envelope, Event, Incident};
use serde::{Deserialize, Serialize};

use crate::access::Caller;
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::http::{body_bytes, parse_body, require};
use crate::store::OutboxMessage;

/// How a subscriber is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Endpoint {
    /// An e-mail address.
    Email {
        /// The address.
        address: String,
    },
    /// A mobile number.
    Sms {
        /// The number, with its country code.
        number: String,
    },
    /// An HTTPS URL that receives signed JSON (a Slack or Teams adapter); checked when
    /// subscribing and at each send ([`crate::delivery::check_url`]).
    Webhook {
        /// The URL.
        url: String,
    },
}

impl Endpoint {
    fn channel(&self) -> &'static str {
        match self {
            Self::Email { .. } => "email",
            Self::Sms { .. } => "sms",
            Self::Webhook { .. } => "webhook",
        }
    }
}

/// The body of `POST /subscriptions`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscribeRequest {
    /// The customer's opaque reference (delivery receipts name it).
    pub customer: CustomerRef,
    /// The components of the board to hear about; empty: every incident.
    #[serde(default)]
    pub components: BTreeSet<ComponentId>,
    /// Where to.
    pub endpoint: Endpoint,
    /// The language of the updates.
    pub locale: Locale,
}

/// A stored subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    /// The desk's id for it.
    pub id: String,
    /// The customer's reference.
    pub customer: CustomerRef,
    /// Components; empty: every incident.
    pub components: BTreeSet<ComponentId>,
    /// Where to.
    pub endpoint: Endpoint,
    /// The language.
    pub locale: Locale,
    /// A webhook's signing secret: returned once, when subscribing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl Subscription {
    /// Whether it hears of an incident linked to the components `linked`.
    fn wants(&self, linked: &BTreeSet<ComponentId>) -> bool {
        self.components.is_empty() || !self.components.is_disjoint(linked)
    }
}

/// Whether `envelopes` record a notice to a public audience sent (so subscribers are due
/// a message).
pub fn publishes(incident: &Incident, envelopes: &[Envelope]) -> bool {
    envelopes.iter().any(|e| public_sent(incident, e).is_some())
}

fn public_sent<'a>(
    incident: &Incident,
    e: &'a Envelope,
) -> Option<(&'a incident::id::NoticeId, DateTime<Utc>)> {
    let Event::NoticeSent { notice_id, sent_at } = e.event() else {
        return None;
    };
    let notice = incident.notices().get(notice_id)?;
    (notice.draft.audience.clearance() == Sensitivity::Public).then_some((notice_id, *sent_at))
}

/// One outbox message per subscription that wants each public notice `envelopes` record
/// sent (`incident` is the state after them): those without components, and those naming
/// a component of `board` the incident is linked to. A webhook's message carries the
/// body to post, unsigned: it is signed when sent.
pub fn fan_out(
    incident: &Incident,
    envelopes: &[Envelope],
    subscriptions: &[Subscription],
    board: &StatusBoard,
    public_url: &str,
) -> Vec<OutboxMessage> {
    let linked: BTreeSet<ComponentId> = component_impact(incident, board).into_keys().collect();
    let mut out = Vec::new();
    for (notice_id, sent_at) in envelopes.iter().filter_map(|e| public_sent(incident, e)) {
        for sub in subscriptions.iter().filter(|s| s.wants(&linked)) {
            let id = incident.id();
            let page = format!("{public_url}/status/{id}?lang={}", sub.locale);
            let body = serde_json::json!({
                "type": "status_update", "incident_id": id, "notice_id": notice_id,
                "sent_at": sent_at, "page": page,
                "feed": format!("{public_url}/status/{id}/feed.atom?lang={}", sub.locale),
            })
            .to_string();
            let mut payload = serde_json::json!({
                "kind": "status_update", "subscription": sub.id, "customer": sub.customer,
                "channel": sub.endpoint.channel(), "endpoint": sub.endpoint,
                "locale": sub.locale, "page": page,
            });
            if let (Endpoint::Webhook { .. }, Some(map)) = (&sub.endpoint, payload.as_object_mut())
            {
                map.insert("body".into(), body.into());
            }
            out.push(OutboxMessage {
                incident_id: id,
                item: format!("subscriber:{}", sub.id),
                occurrence: 0,
                notice_id: notice_id.to_string(),
                payload,
            });
        }
    }
    out
}

/// Every stored subscription.
///
/// # Errors
/// A store failure, or a stored row that no longer parses.
pub async fn all(app: &App) -> Result<Vec<Subscription>, ApiError> {
    let rows = app
        .store()
        .subscriptions()
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    rows.iter()
        .map(|(_, body)| serde_json::from_str(body).map_err(ApiError::internal))
        .collect()
}

const WHAT: &str = "the status-page subscriptions";

/// `POST /subscriptions`: 201 with the subscription (a webhook's secret shown this once).
pub async fn subscribe(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    require(&caller, WHAT, Sensitivity::Customers)?;
    let req: SubscribeRequest = parse_body(&body_bytes(body)?)?;
    if let Some(unknown) = req
        .components
        .iter()
        .find(|c| app.status().board().component(c).is_none())
    {
        return Err(ApiError::bad_request(
            "unknown_component",
            format!("the status board has no component {unknown}"),
            "components",
        ));
    }
    if let Endpoint::Webhook { url } = &req.endpoint {
        crate::delivery::check_url(url, app.status().webhook_policy().allow_private).map_err(
            |e| ApiError::bad_request("invalid_webhook_url", e.to_string(), "endpoint.url"),
        )?;
    }
    let random = |n| crate::access::new_token().map(|t| t.chars().take(n).collect::<String>());
    let id = format!("sub_{}", random(24).map_err(ApiError::internal)?);
    let secret = match req.endpoint {
        Endpoint::Webhook { .. } => {
            Some(format!("whsec_{}", random(48).map_err(ApiError::internal)?))
        }
        _ => None,
    };
    let sub = Subscription {
        id: id.clone(),
        customer: req.customer,
        components: req.components,
        endpoint: req.endpoint,
        locale: req.locale,
        secret,
    };
    let json = serde_json::to_string(&sub).map_err(ApiError::internal)?;
    app.store()
        .put_subscription(id, json)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    Ok((StatusCode::CREATED, Json(sub)).into_response())
}

/// `GET /subscriptions`: every subscription, without secrets.
pub async fn list(State(app): State<Arc<App>>, Extension(caller): Extension<Caller>) -> ApiResult {
    require(&caller, WHAT, Sensitivity::Customers)?;
    let mut subs = all(&app).await?;
    for s in &mut subs {
        s.secret = None;
    }
    Ok(Json(serde_json::json!({ "subscriptions": subs })).into_response())
}

/// `DELETE /subscriptions/{id}`: 204, or 404 when there is none.
pub async fn unsubscribe(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    require(&caller, WHAT, Sensitivity::Customers)?;
    let Ok(Path(id)) = path else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such subscription",
        ));
    };
    let removed = app
        .store()
        .delete_subscription(id)
        .await
        .map_err(|e| ApiError::store(e, 0))?;
    if removed {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such subscription",
        ))
    }
}
