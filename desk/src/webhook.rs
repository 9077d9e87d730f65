//! Signed webhooks: the receiver of a status update can check that the desk sent it, and
//! that it is not a replay of an old one.
//!
//! The signature is HMAC-SHA256, keyed with the subscription's secret, over
//! `"{timestamp}.{body}"`, sent as `Incident-Signature: t={timestamp},v1={hex}`: the scheme
//! Stripe documents for its webhooks (<https://docs.stripe.com/webhooks#verify-manually>)
//! and Slack for its request signing (`v0:{timestamp}:{body}`,
//! <https://api.slack.com/authentication/verifying-requests-from-slack>), both checked
//! 2026-12-07. A receiver (a Slack or Teams adapter) recomputes it with [`verify`] and
//! refuses a timestamp older than its tolerance (five minutes is usual).

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The header the signature travels in.
pub const SIGNATURE_HEADER: &str = "Incident-Signature";

/// The signature of `body` at `at` with `secret`: the value of [`SIGNATURE_HEADER`].
pub fn sign(secret: &[u8], at: DateTime<Utc>, body: &[u8]) -> String {
    let t = at.timestamp();
    format!("t={t},v1={}", crate::access::hex(&mac(secret, t, body)))
}

fn mac(secret: &[u8], t: i64, body: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length: `new_from_slice` cannot fail for it.
    let Ok(mut m) = Hmac::<Sha256>::new_from_slice(secret) else {
        return Vec::new();
    };
    m.update(t.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    m.finalize().into_bytes().to_vec()
}

/// Why a webhook was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    /// The header is not `t=<seconds>,v1=<hex>`.
    #[error("the {SIGNATURE_HEADER} header is not `t=<unix seconds>,v1=<hex>`")]
    Malformed,
    /// The timestamp is further from now than the tolerance: a replay, or a clock off.
    #[error("the webhook was signed at {signed_at}, more than {tolerance_s} s from now: refuse it (a replay) or check the clocks")]
    Stale {
        /// When it was signed.
        signed_at: i64,
        /// The tolerance, in seconds.
        tolerance_s: i64,
    },
    /// No `v1` signature matches the body.
    #[error("the signature does not match the body: the secret differs or the body was altered")]
    Mismatch,
}

/// Checks `header` against `body` with `secret`, at `now`, allowing `tolerance_s` seconds
/// of age or clock difference. Several `v1=` entries (during a secret rotation) may be
/// given; one must match. Compared in constant time.
///
/// # Errors
/// [`WebhookError`]: malformed, stale or not matching.
pub fn verify(
    secret: &[u8],
    header: &str,
    body: &[u8],
    now: DateTime<Utc>,
    tolerance_s: i64,
) -> Result<(), WebhookError> {
    let mut t = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = v.parse::<i64>().ok(),
            Some(("v1", v)) => signatures.push(v.to_owned()),
            _ => {}
        }
    }
    let t = t.ok_or(WebhookError::Malformed)?;
    if signatures.is_empty() {
        return Err(WebhookError::Malformed);
    }
    if (now.timestamp() - t).abs() > tolerance_s {
        return Err(WebhookError::Stale {
            signed_at: t,
            tolerance_s,
        });
    }
    let expected = crate::access::hex(&mac(secret, t, body));
    if signatures
        .iter()
        .any(|s| bool::from(s.as_bytes().ct_eq(expected.as_bytes())))
    {
        Ok(())
    } else {
        Err(WebhookError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_signature_verifies_and_a_changed_body_stale_time_or_other_secret_does_not() {
        let at = DateTime::from_timestamp(1_773_451_800, 0).unwrap();
        let header = sign(b"whsec_test", at, br#"{"a":1}"#);
        // Independently computed: python3 -c 'import hmac,hashlib;
        // print(hmac.new(b"whsec_test", b"1773451800.{\"a\":1}", hashlib.sha256).hexdigest())'
        assert_eq!(
            header,
            "t=1773451800,v1=03e0ad4948fc30904f98ab5acdc18937384af1d5a89b35468c3547ab1589b25e"
        );
        assert_eq!(
            verify(b"whsec_test", &header, br#"{"a":1}"#, at, 300),
            Ok(())
        );
        assert_eq!(
            verify(b"whsec_test", &header, br#"{"a":2}"#, at, 300),
            Err(WebhookError::Mismatch)
        );
        assert_eq!(
            verify(b"other", &header, br#"{"a":1}"#, at, 300),
            Err(WebhookError::Mismatch)
        );
        let later = at + chrono::Duration::seconds(301);
        assert!(matches!(
            verify(b"whsec_test", &header, br#"{"a":1}"#, later, 300),
            Err(WebhookError::Stale { .. })
        ));
        assert_eq!(
            verify(b"whsec_test", "v1=00", b"", at, 300),
            Err(WebhookError::Malformed)
        );
        let rotated = format!("{header},v1=deadbeef");
        assert_eq!(
            verify(b"whsec_test", &rotated, br#"{"a":1}"#, at, 300),
            Ok(())
        );
    }
}
