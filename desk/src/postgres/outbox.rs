//! The outbox on PostgreSQL: its rows, the worker's `deliver` (rows other than webhooks,
//! claimed with `FOR UPDATE SKIP LOCKED` and marked sent in one transaction), and the
//! durable webhook queue: the claim (one `UPDATE` whose candidates are locked with `FOR
//! UPDATE SKIP LOCKED`, so two instances never claim one row, and a row another claim has
//! just leased is re-checked and left out) and the settling of a claimed row, conditional
//! on the claim still holding. The queue's columns are added by [`SCHEMA`](super::SCHEMA).

use chrono::{DateTime, Utc};
use deadpool_postgres::Object;

use super::{pg_error, Failed, NOW};
use crate::store::{
    time_text, to_u64, BoxFut, Lease, OutboxMessage, OutboxRow, Sender, Settle, StoreError,
    WEBHOOK_CHANNEL,
};

const OUTBOX_COLUMNS: &str =
    "id, incident_id, item, occurrence, notice_id, payload, enqueued_at_seq, sent_at, \
     attempts, next_attempt_at, lease_owner, lease_until, last_detail";

fn to_row(r: &tokio_postgres::Row) -> Result<OutboxRow, StoreError> {
    let get_s = |i: usize| r.try_get::<_, String>(i).map_err(|e| pg_error(&e));
    let get_i = |i: usize| r.try_get::<_, i64>(i).map_err(|e| pg_error(&e));
    let get_o = |i: usize| r.try_get::<_, Option<String>>(i).map_err(|e| pg_error(&e));
    Ok(OutboxRow {
        id: get_i(0)?,
        message: OutboxMessage {
            incident_id: get_s(1)?.parse().map_err(StoreError::backend)?,
            item: get_s(2)?,
            occurrence: u32::try_from(get_i(3)?).unwrap_or(0),
            notice_id: get_s(4)?,
            payload: serde_json::from_str(&get_s(5)?).map_err(StoreError::backend)?,
        },
        enqueued_at_seq: to_u64(get_i(6)?),
        sent_at: get_o(7)?,
        attempts: u32::try_from(get_i(8)?).unwrap_or(0),
        next_attempt_at: get_o(9)?,
        lease_owner: get_o(10)?,
        lease_until: get_o(11)?,
        last_detail: get_o(12)?,
    })
}

pub(super) fn outbox_op<'c>(
    c: &'c mut Object,
    key: &'c String,
) -> BoxFut<'c, Result<Vec<OutboxRow>, Failed>> {
    Box::pin(async move {
        let stmt = c
            .prepare_cached(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE incident_id = $1 ORDER BY id"
            ))
            .await?;
        let rows = c.query(&stmt, &[key]).await?;
        Ok(rows.iter().map(to_row).collect::<Result<_, _>>()?)
    })
}

pub(super) fn deliver_op<'c>(
    c: &'c mut Object,
    a: &'c (i64, Sender),
) -> BoxFut<'c, Result<Vec<OutboxRow>, Failed>> {
    Box::pin(async move {
        let (limit, send) = a;
        let tx = c.transaction().await?;
        let rows = tx
            .query(
                &format!(
                    "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE sent_at IS NULL \
                     AND channel IS DISTINCT FROM '{WEBHOOK_CHANNEL}' \
                     ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED"
                ),
                &[limit],
            )
            .await?;
        let mut sent = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut row = to_row(r)?;
            send(&row);
            let done = tx
                .query_one(
                    &format!("UPDATE outbox SET sent_at = {NOW} WHERE id = $1 RETURNING sent_at"),
                    &[&row.id],
                )
                .await?;
            row.sent_at = done.try_get(0)?;
            sent.push(row);
        }
        tx.commit().await.map_err(Failed::Commit)?;
        Ok(sent)
    })
}

/// A claim's arguments as the statement takes them: owner, lease end, now, limit.
pub(super) struct ClaimArgs {
    owner: String,
    until: String,
    now: String,
    limit: i64,
}

impl ClaimArgs {
    pub(super) fn new(owner: String, now: DateTime<Utc>, until: DateTime<Utc>, limit: u32) -> Self {
        Self {
            owner,
            until: time_text(until),
            now: time_text(now),
            limit: i64::from(limit),
        }
    }
}

pub(super) fn claim_op<'c>(
    c: &'c mut Object,
    a: &'c ClaimArgs,
) -> BoxFut<'c, Result<Vec<OutboxRow>, Failed>> {
    Box::pin(async move {
        let stmt = c
            .prepare_cached(&format!(
                "UPDATE outbox SET attempts = attempts + 1, lease_owner = $1, lease_until = $2 \
                 WHERE id IN (SELECT id FROM outbox \
                     WHERE sent_at IS NULL AND channel = '{WEBHOOK_CHANNEL}' \
                     AND (next_attempt_at IS NULL OR next_attempt_at <= $3) \
                     AND (lease_until IS NULL OR lease_until <= $3) \
                     ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED) \
                 RETURNING {OUTBOX_COLUMNS}"
            ))
            .await?;
        let rows = c
            .query(&stmt, &[&a.owner, &a.until, &a.now, &a.limit])
            .await?;
        let mut claimed = rows.iter().map(to_row).collect::<Result<Vec<_>, _>>()?;
        claimed.sort_by_key(|r| r.id);
        Ok(claimed)
    })
}

/// The condition every change to a claimed row carries: the claim still holds.
const HELD: &str = "id = $1 AND lease_owner = $2 AND attempts = $3 AND sent_at IS NULL";

pub(super) fn settle_op<'c>(
    c: &'c mut Object,
    a: &'c (Lease, Settle),
) -> BoxFut<'c, Result<bool, Failed>> {
    Box::pin(async move {
        let (lease, settle) = a;
        let attempt = i64::from(lease.attempt);
        let changed = match settle {
            Settle::Retry { next_at, detail } => {
                c.execute(
                    &format!(
                        "UPDATE outbox SET next_attempt_at = $4, last_detail = $5, \
                         lease_owner = NULL, lease_until = NULL WHERE {HELD}"
                    ),
                    &[
                        &lease.row,
                        &lease.owner,
                        &attempt,
                        &time_text(*next_at),
                        detail,
                    ],
                )
                .await?
            }
            Settle::Extend { until } => {
                c.execute(
                    &format!("UPDATE outbox SET lease_until = $4 WHERE {HELD}"),
                    &[&lease.row, &lease.owner, &attempt, &time_text(*until)],
                )
                .await?
            }
            Settle::Done => {
                c.execute(
                    &format!(
                        "UPDATE outbox SET sent_at = {NOW}, lease_owner = NULL, \
                         lease_until = NULL WHERE {HELD}"
                    ),
                    &[&lease.row, &lease.owner, &attempt],
                )
                .await?
            }
            Settle::Abandon { detail } => {
                c.execute(
                    &format!(
                        "UPDATE outbox SET sent_at = {NOW}, last_detail = $4, \
                         lease_owner = NULL, lease_until = NULL WHERE {HELD}"
                    ),
                    &[&lease.row, &lease.owner, &attempt, detail],
                )
                .await?
            }
        };
        Ok(changed == 1)
    })
}
