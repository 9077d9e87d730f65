//! Sending the subscribers' webhooks: a real HTTP `POST` per outbox message, signed when
//! it is sent, retried with exponential backoff up to a cap, and recorded in the
//! incident's log as a delivery receipt (`delivered`, `bounced` or `failed`), so the reach
//! report shows who was told and the log proves it.
//!
//! # A durable queue
//!
//! The retry state lives in the outbox row, not in memory, so a message the desk accepted
//! for delivery reaches a final receipt across crashes, restarts and several instances:
//!
//! - A webhook row stays pending (`sent_at` unset) until its receipt is in the incident's
//!   log. The row carries how many attempts were started (`attempts`), when the next is
//!   due (`next_attempt_at`) and who holds it until when (`lease_owner`, `lease_until`);
//!   [`Store::deliver`](crate::store::Store::deliver) leaves it alone.
//! - [`run`] claims due, unleased rows ([`Store::claim_webhooks`](crate::store::Store::claim_webhooks):
//!   one statement, `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two instances never claim
//!   one row), counting the attempt **when claimed**: an attempt a crash interrupts still
//!   counts, so the cap ([`WebhookPolicy::max_attempts`]) is over all attempts, across
//!   restarts. The lease lasts [`WebhookPolicy::lease_time`] (longer than an attempt may
//!   take); a lease left by a dead instance ends and the row is claimed again.
//! - A failed attempt worth retrying releases the row with its next attempt due after the
//!   backoff ([`WebhookPolicy::backoff`]); a restart finds it at that time. A final
//!   outcome extends the lease, records the receipt (actor [`WEBHOOK_ACTOR`], the delivery
//!   id in `provider_ref`), then marks the row sent. Every change after the claim is
//!   conditional on the claim (owner and attempt), so a worker that lost its lease
//!   changes nothing.
//! - Receipt and completion are one fact: if the desk dies after recording the receipt
//!   and before marking the row, the next claim finds the receipt in the log (a
//!   `delivery_receipt_recorded` event after the row was enqueued whose `provider_ref` is
//!   `webhook <delivery id>`), marks the row sent and sends nothing, so no second receipt
//!   is recorded.
//! - Every attempt carries the same [`DELIVERY_HEADER`] (`<incident id>/<outbox row
//!   id>`), before and after a restart.
//!
//! **What remains at-least-once.** A receiver may get one extra `POST` with the same
//! delivery id when the desk (or its database) fails after the receiver answered and
//! before the outcome was stored: after a `2xx` before the receipt committed, or after a
//! `5xx` before the retry was stored. It drops the duplicate by the delivery id. The
//! instances' clocks must agree to within a few seconds (NTP): leases and due times are
//! compared with the claiming desk's clock.
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
use std::time::Duration;

use chrono::{DateTime, Utc};
use incident::comms::{DeliveryOutcome, DeliveryReceipt};
use incident::{ActorId, Command, Context, IncidentId};

use crate::app::App;
use crate::error::ApiError;
use crate::webhook::SIGNATURE_HEADER;

mod queue;

pub use queue::{run, worker_id, CONCURRENT};

/// Who the log names for the receipts the desk records for its own webhook deliveries.
pub const WEBHOOK_ACTOR: &str = "desk.webhook";

/// The header carrying the delivery's id (`<incident id>/<outbox row id>`), the same on
/// every attempt: a receiver drops a delivery it has seen.
pub const DELIVERY_HEADER: &str = "Incident-Delivery";

/// How many version conflicts recording one receipt retries (see [`record`]).
const RECORD_CONFLICTS: u32 = 50;

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
    /// How long a worker holds a row it attempts before another may take it (the lease;
    /// see [`WebhookPolicy::lease_time`] for the floor).
    pub lease: Duration,
    /// Whether URLs may reach loopback, private and other internal addresses (see the
    /// module's notes on request forgery). Off by default.
    pub allow_private: bool,
}

impl Default for WebhookPolicy {
    /// 10 s per attempt, 6 attempts, waits of 2, 4, 8, 16 and 32 s (at most 60 s each),
    /// a lease of 60 s, internal addresses refused.
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_attempts: 6,
            first_backoff: Duration::from_secs(2),
            max_backoff: Duration::from_secs(60),
            lease: Duration::from_secs(60),
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

    /// When the attempt after failed attempt `attempt` is due, failed at `now`.
    pub fn next_attempt_at(&self, now: DateTime<Utc>, attempt: u32) -> DateTime<Utc> {
        after(now, self.backoff(attempt))
    }

    /// The lease a worker takes on a row: [`lease`](Self::lease), but at least twice
    /// [`timeout`](Self::timeout). An attempt ends within `timeout`, so the holder has
    /// at least as long again to store its outcome before anyone else may take the row.
    pub fn lease_time(&self) -> Duration {
        self.lease.max(self.timeout.saturating_mul(2))
    }

    /// The end of a lease taken at `now`.
    pub fn lease_until(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        after(now, self.lease_time())
    }
}

/// `at` plus `wait`, the latest representable time when that overflows.
fn after(at: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    chrono::Duration::from_std(wait)
        .ok()
        .and_then(|d| at.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
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

/// Records `receipt` as the desk's webhook actor, retrying a version conflict (a human,
/// or another instance's delivery, appended meanwhile) up to [`RECORD_CONFLICTS`] times:
/// each retry catches up first, and a receipt given up on is sent again once the lease
/// ends, so it is worth insisting.
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
            Err(e) if e.code() == "version_conflict" && conflicts < RECORD_CONFLICTS => {
                conflicts += 1;
            }
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

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn the_next_attempt_is_due_after_the_backoff_of_the_attempt_that_failed() {
        let p = WebhookPolicy::default();
        let now = at("2026-12-07T10:00:00Z");
        assert_eq!(p.next_attempt_at(now, 1), at("2026-12-07T10:00:02Z"));
        assert_eq!(p.next_attempt_at(now, 3), at("2026-12-07T10:00:08Z"));
        assert_eq!(p.next_attempt_at(now, 9), at("2026-12-07T10:01:00Z"));
        // Saturates rather than wrapping or panicking.
        let end = DateTime::<Utc>::MAX_UTC;
        assert_eq!(p.next_attempt_at(end, 1), end);
    }

    #[test]
    fn a_lease_lasts_its_length_but_at_least_two_timeouts() {
        let p = WebhookPolicy::default();
        let now = at("2026-12-07T10:00:00Z");
        assert_eq!(p.lease_time(), Duration::from_secs(60));
        assert_eq!(p.lease_until(now), at("2026-12-07T10:01:00Z"));
        let short = WebhookPolicy {
            lease: Duration::from_secs(1),
            ..WebhookPolicy::default()
        };
        // An attempt may take 10 s: a 1 s lease would let a second worker send meanwhile.
        assert_eq!(short.lease_time(), Duration::from_secs(20));
        assert_eq!(short.lease_until(now), at("2026-12-07T10:00:20Z"));
        let endless = WebhookPolicy {
            lease: Duration::MAX,
            ..WebhookPolicy::default()
        };
        assert_eq!(endless.lease_until(now), DateTime::<Utc>::MAX_UTC);
    }

    #[test]
    fn stored_times_compare_as_text_in_time_order() {
        use crate::store::time_text;
        assert_eq!(
            time_text(at("2026-12-07T10:00:00.5+08:00")),
            "2026-12-07T02:00:00.500Z"
        );
        let times = [
            "2026-12-07T09:59:59.999Z",
            "2026-12-07T10:00:00Z",
            "2026-12-07T10:00:00.001Z",
            "2026-12-07T10:00:01Z",
            "2026-12-08T00:00:00Z",
            "2027-01-01T00:00:00Z",
        ];
        let texts: Vec<String> = times.iter().map(|t| time_text(at(t))).collect();
        for pair in texts.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?}");
        }
    }
}
