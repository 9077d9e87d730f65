//! Sending the subscribers' webhooks: a real HTTP `POST` per outbox message, signed when
//! it is sent, retried with exponential backoff up to a cap, and recorded in the
//! incident's log as a delivery receipt (`delivered`, `bounced` or `failed`), so the reach
//! report shows who was told and the log proves it.
//!
//! The outbox worker claims rows in a transaction and calls a synchronous [`Sender`]; a
//! webhook cannot be sent there (it may take a minute of retries), so [`sender`] hands
//! webhook rows to a queue that [`run`] drains, and logs the others as before. A row is
//! marked sent once it is queued: if the desk stops before the `POST` finishes, no receipt
//! is recorded and the reach report lists the subscriber as not reached, with no receipt
//! (resend it by hand); a row a failed transaction hands over twice is sent twice with the
//! same [`DELIVERY_HEADER`], which a receiver uses to drop the duplicate.
//!
//! # Server-side request forgery
//!
//! A webhook URL is chosen by whoever subscribes, and the desk then sends requests to it
//! from inside the firm's network. So, unless [`WebhookPolicy::allow_private`] is set
//! (`desk --webhook-allow-private`, for a receiver on the firm's own network or a test):
//!
//! - only `http` and `https` URLs are taken, without user name or password;
//! - a URL whose host is an IP literal in a loopback, private, link-local, shared (CGNAT),
//!   documentation, multicast or reserved range, or `localhost`, is refused when
//!   subscribing ([`check_url`]);
//! - at each attempt the host name is resolved and refused when any address it resolves
//!   to is in those ranges, and the request goes to the address checked (so a DNS answer
//!   that changes between check and use cannot redirect it);
//! - redirects are not followed (a `3xx` counts as `bounced`), and no proxy from the
//!   environment is used.
//!
//! Where the desk's host can reach sensitive services, an egress firewall that lets the
//! desk reach only the internet is still the stronger control.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use incident::comms::{Channel, DeliveryOutcome, DeliveryReceipt};
use incident::id::{CustomerRef, NoticeId};
use incident::{ActorId, Command, Context, IncidentId};
use tokio::sync::mpsc;

use crate::app::App;
use crate::error::ApiError;
use crate::store::{OutboxRow, Sender};
use crate::subscriptions::{Endpoint, Subscription};
use crate::webhook::SIGNATURE_HEADER;

/// Who the log names for the receipts the desk records for its own webhook deliveries.
pub const WEBHOOK_ACTOR: &str = "desk.webhook";

/// The header carrying the delivery's id (`<incident id>/<outbox row id>`), the same on
/// every attempt: a receiver drops a delivery it has seen.
pub const DELIVERY_HEADER: &str = "Incident-Delivery";

/// How webhooks are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookPolicy {
    /// How long one attempt may take, connecting and answering included.
    pub timeout: Duration,
    /// How many attempts at most (the cap); after the last, the delivery is `failed`.
    pub max_attempts: u32,
    /// The wait after the first failed attempt; each later wait doubles it.
    pub first_backoff: Duration,
    /// The longest wait between two attempts.
    pub max_backoff: Duration,
    /// Whether URLs may reach loopback, private and other internal addresses (see the
    /// module's notes on request forgery). Off by default.
    pub allow_private: bool,
}

impl Default for WebhookPolicy {
    /// 10 s per attempt, 6 attempts, waits of 2, 4, 8, 16 and 32 s (at most 60 s each),
    /// internal addresses refused.
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_attempts: 6,
            first_backoff: Duration::from_secs(2),
            max_backoff: Duration::from_secs(60),
            allow_private: false,
        }
    }
}

impl WebhookPolicy {
    /// The wait after failed attempt `attempt` (1-based): `first_backoff × 2^(attempt-1)`,
    /// at most `max_backoff`.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(31));
        self.first_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }
}

/// Why a webhook URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UrlRefused {
    /// Not an absolute URL with a host.
    #[error("{0:?} is not an absolute URL with a host: give an https:// address")]
    Malformed(String),
    /// Another scheme than http or https.
    #[error("webhook URLs must be https:// (or http://), not {0}://")]
    Scheme(String),
    /// A user name or password in the URL.
    #[error("the webhook URL carries a user name or password: remove it (the receiver authenticates the desk by the signature)")]
    Credentials,
    /// An internal address, while the desk does not allow them.
    #[error("{0} is a loopback, private, link-local or otherwise internal address: webhooks may reach it only when the desk runs with --webhook-allow-private")]
    Internal(String),
}

/// Checks a webhook URL when subscribing: http(s), no credentials, and (unless
/// `allow_private`) a host that is not an internal IP literal or `localhost`. Host names
/// are checked again, resolved, at each attempt.
///
/// # Errors
/// [`UrlRefused`], saying what to change.
pub fn check_url(url: &str, allow_private: bool) -> Result<reqwest::Url, UrlRefused> {
    let parsed = reqwest::Url::parse(url).map_err(|_| UrlRefused::Malformed(url.to_owned()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(UrlRefused::Scheme(parsed.scheme().to_owned()));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(UrlRefused::Credentials);
    }
    let host = parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| UrlRefused::Malformed(url.to_owned()))?;
    if !allow_private {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let lower = bare.to_ascii_lowercase();
        let internal = match bare.parse::<IpAddr>() {
            Ok(ip) => is_internal(ip),
            Err(_) => lower == "localhost" || lower.ends_with(".localhost"),
        };
        if internal {
            return Err(UrlRefused::Internal(host.to_owned()));
        }
    }
    Ok(parsed)
}

/// Whether `ip` is loopback, private (RFC 1918, unique local), link-local, shared
/// (100.64.0.0/10), unspecified, broadcast, multicast, documentation, benchmarking or
/// reserved; an IPv4-mapped IPv6 address is judged as its IPv4 address.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_internal_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_internal_v4(v4),
            None => is_internal_v6(v6),
        },
    }
}

fn is_internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, _, _] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || a >= 240
        || (a == 100 && (b & 0xc0) == 64)
        || (a == 198 && (b & 0xfe) == 18)
}

fn is_internal_v6(ip: Ipv6Addr) -> bool {
    let [a, b, ..] = ip.segments();
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (a & 0xfe00) == 0xfc00
        || (a & 0xffc0) == 0xfe80
        || (a == 0x2001 && b == 0x0db8)
}

/// The queue between the outbox worker and [`run`].
pub type Queue = mpsc::UnboundedSender<OutboxRow>;

/// A queue and its receiving end, for [`sender`] and [`run`].
pub fn queue() -> (Queue, mpsc::UnboundedReceiver<OutboxRow>) {
    mpsc::unbounded_channel()
}

/// The outbox's sender: webhook rows go to `queue` (sent by [`run`]), the others to
/// `other` (the reference desk logs e-mail and SMS messages).
pub fn sender(queue: Queue, other: Sender) -> Sender {
    Arc::new(move |row: &OutboxRow| {
        if row.message.payload.get("channel").and_then(|c| c.as_str()) == Some("webhook") {
            if queue.send(row.clone()).is_err() {
                eprintln!(
                    "desk webhooks: the sending task has stopped; outbox row {} not sent",
                    row.id
                );
            }
        } else {
            other(row);
        }
    })
}

/// How many webhooks are sent at once.
pub const CONCURRENT: usize = 16;

/// Sends every webhook row the queue brings, at most 16 at once, with
/// `app`'s webhook policy; runs until the queue's senders are gone.
pub async fn run(app: Arc<App>, mut rows: mpsc::UnboundedReceiver<OutboxRow>) {
    let slots = Arc::new(tokio::sync::Semaphore::new(CONCURRENT));
    let mut tasks = tokio::task::JoinSet::new();
    while let Some(row) = rows.recv().await {
        let Ok(permit) = Arc::clone(&slots).acquire_owned().await else {
            return;
        };
        let app = Arc::clone(&app);
        tasks.spawn(async move {
            if let Err(e) = deliver(&app, &row).await {
                eprintln!("desk webhooks: outbox row {}: {}", row.id, e.message());
            }
            drop(permit);
        });
        while tasks.try_join_next().is_some() {}
    }
    while tasks.join_next().await.is_some() {}
}

/// What became of one delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// Delivered (2xx), bounced (refused for good) or failed (the cap reached).
    pub outcome: DeliveryOutcome,
    /// How many attempts were made.
    pub attempts: u32,
    /// What the last attempt saw.
    pub detail: String,
}

/// Sends one webhook row and records its receipt in the incident's log.
///
/// # Errors
/// A malformed row, or the receipt could not be recorded.
pub async fn deliver(app: &App, row: &OutboxRow) -> Result<Delivered, ApiError> {
    let m = &row.message;
    let field = |k: &str| {
        m.payload
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
    };
    let notice = NoticeId::new(m.notice_id.clone()).map_err(ApiError::internal)?;
    let customer: CustomerRef =
        serde_json::from_value(m.payload.get("customer").cloned().unwrap_or_default())
            .map_err(|e| ApiError::internal(format!("outbox row {}: customer: {e}", row.id)))?;
    let subs = crate::subscriptions::all(app).await?;
    let sub = subs.iter().find(|s| s.id == field("subscription"));
    let delivery_id = format!("{}/{}", m.incident_id, row.id);
    let result = match sub {
        Some(sub) => send(app, sub, field("body"), &delivery_id).await,
        None => Delivered {
            outcome: DeliveryOutcome::Failed,
            attempts: 0,
            detail: "not sent: the subscription was removed before sending".into(),
        },
    };
    let receipt = DeliveryReceipt {
        notice_id: notice,
        recipient: customer,
        channel: Channel::Webhook,
        outcome: result.outcome,
        at: app.now(),
        provider_ref: Some(format!("webhook {delivery_id}")),
        detail: Some(result.detail.clone()),
    };
    record(app, m.incident_id, receipt).await?;
    Ok(result)
}

/// Posts `body` to the subscription's URL until it is delivered, refused for good or the
/// cap is reached, signing it anew at each attempt.
async fn send(app: &App, sub: &Subscription, body: &str, delivery_id: &str) -> Delivered {
    let policy = app.status().webhook_policy().clone();
    let (Endpoint::Webhook { url }, Some(secret)) = (&sub.endpoint, &sub.secret) else {
        return finished(
            DeliveryOutcome::Failed,
            0,
            "not a webhook subscription".into(),
        );
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        match post(app, &policy, url, secret, body, delivery_id).await {
            Try::Done(outcome, detail) => return finished(outcome, attempt, detail),
            Try::Again(detail) if attempt >= policy.max_attempts => {
                let detail = format!("gave up after {attempt} attempts (the cap): {detail}");
                return finished(DeliveryOutcome::Failed, attempt, detail);
            }
            Try::Again(_) => tokio::time::sleep(policy.backoff(attempt)).await,
        }
    }
}

fn finished(outcome: DeliveryOutcome, attempts: u32, detail: String) -> Delivered {
    Delivered {
        outcome,
        attempts,
        detail,
    }
}

/// One attempt's result.
enum Try {
    /// Finished: delivered, or refused in a way retrying will not change.
    Done(DeliveryOutcome, String),
    /// Worth another attempt (no answer, timeout, 408, 429, 5xx).
    Again(String),
}

/// One signed `POST`.
async fn post(
    app: &App,
    policy: &WebhookPolicy,
    url: &str,
    secret: &str,
    body: &str,
    delivery_id: &str,
) -> Try {
    let url = match check_url(url, policy.allow_private) {
        Ok(url) => url,
        Err(e) => return Try::Done(DeliveryOutcome::Failed, format!("not sent: {e}")),
    };
    let client = match client(&url, policy).await {
        Ok(client) => client,
        Err(Refusal::Internal(e)) => return Try::Done(DeliveryOutcome::Failed, e),
        Err(Refusal::Transient(e)) => return Try::Again(e),
    };
    // Signed now, not when enqueued: the receiver's replay window starts at the send.
    let signature = crate::webhook::sign(secret.as_bytes(), app.now(), body.as_bytes());
    let sent = client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(SIGNATURE_HEADER, signature)
        .header(DELIVERY_HEADER, delivery_id)
        .body(body.to_owned())
        .send()
        .await;
    match sent {
        Ok(answer) => {
            let status = answer.status();
            let detail = format!("the receiver answered HTTP {}", status.as_u16());
            if status.is_success() {
                Try::Done(DeliveryOutcome::Delivered, detail)
            } else if status.is_server_error() || matches!(status.as_u16(), 408 | 429) {
                Try::Again(detail)
            } else {
                Try::Done(DeliveryOutcome::Bounced, detail)
            }
        }
        Err(e) if e.is_timeout() => Try::Again(format!(
            "no answer within {} ms",
            policy.timeout.as_millis()
        )),
        Err(e) => Try::Again(format!("the request failed: {e}")),
    }
}

enum Refusal {
    Internal(String),
    Transient(String),
}

/// A client for one attempt: a bounded timeout, no redirects, no proxy, and the host name
/// pinned to the address just checked.
async fn client(url: &reqwest::Url, policy: &WebhookPolicy) -> Result<reqwest::Client, Refusal> {
    let mut builder = reqwest::Client::builder()
        .timeout(policy.timeout)
        .connect_timeout(policy.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy();
    let host = url.host_str().unwrap_or_default();
    let is_literal = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .is_ok();
    if !is_literal {
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
            .await
            .map_err(|e| Refusal::Transient(format!("cannot resolve {host}: {e}")))?
            .collect();
        if !policy.allow_private {
            if let Some(bad) = addrs.iter().find(|a| is_internal(a.ip())) {
                return Err(Refusal::Internal(format!(
                    "not sent: {host} resolves to the internal address {}; webhooks may reach it only when the desk runs with --webhook-allow-private",
                    bad.ip()
                )));
            }
        }
        let first = addrs
            .first()
            .ok_or_else(|| Refusal::Transient(format!("{host} resolves to no address")))?;
        builder = builder.resolve(host, *first);
    }
    builder
        .build()
        .map_err(|e| Refusal::Transient(format!("cannot build the HTTP client: {e}")))
}

/// Records `receipt` as the desk's webhook actor, retrying a version conflict (a human
/// or another delivery appended meanwhile) a few times.
async fn record(app: &App, id: IncidentId, receipt: DeliveryReceipt) -> Result<(), ApiError> {
    let actor = ActorId::new(WEBHOOK_ACTOR).map_err(ApiError::internal)?;
    let command = Command::RecordDeliveryReceipt(receipt);
    let mut conflicts = 0;
    loop {
        let written = app
            .write(id, None, |current| {
                let incident = current.ok_or_else(|| ApiError::unknown_incident(id))?;
                let ctx = Context::new(actor.clone(), app.now()).with_regulation(app.regulation());
                incident.execute(&command, &ctx).map_err(ApiError::rejected)
            })
            .await;
        match written {
            Err(e) if e.code() == "version_conflict" && conflicts < 5 => conflicts += 1,
            other => return other.map(|_| ()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn urls_are_refused_unless_http_and_public() {
        assert!(check_url("https://hooks.example.com/x", false).is_ok());
        assert!(matches!(
            check_url("ftp://hooks.example.com/x", true),
            Err(UrlRefused::Scheme(_))
        ));
        assert!(matches!(
            check_url("file:///etc/passwd", true),
            Err(UrlRefused::Scheme(_))
        ));
        assert_eq!(
            check_url("https://u:p@hooks.example.com/", true),
            Err(UrlRefused::Credentials)
        );
        for internal in [
            "http://127.0.0.1:8080/",
            "http://10.1.2.3/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:192.168.0.1]/",
            "http://100.64.0.1/",
            "http://localhost/",
            "http://0.0.0.0/",
        ] {
            assert!(
                matches!(check_url(internal, false), Err(UrlRefused::Internal(_))),
                "{internal}"
            );
            assert!(check_url(internal, true).is_ok(), "{internal}");
        }
        assert!(!is_internal("93.184.215.14".parse().unwrap()));
    }

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let p = WebhookPolicy::default();
        let waits: Vec<u64> = (1..=7).map(|n| p.backoff(n).as_secs()).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(p.backoff(200), Duration::from_secs(60));
    }
}
