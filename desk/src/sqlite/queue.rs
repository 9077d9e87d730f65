//! The durable webhook queue on SQLite: the columns it adds to `outbox` (and the migration
//! that adds them to a file of an older desk), the claim and the settling of a claimed
//! row. Writers are serialised by SQLite's lock, so one `UPDATE … RETURNING` claims a row
//! for one worker only, across processes too.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, TransactionBehavior};

use super::{outbox_row, sql_error, to_outbox_row, OUTBOX_COLUMNS};
use crate::store::{time_text, Lease, OutboxRow, Settle, StoreError, WEBHOOK_CHANNEL};

/// The columns the durable webhook queue added to `outbox`, with their declarations: a
/// file of an older desk gains them when opened, its rows keeping their data (no attempt
/// yet, due now, no lease). `channel` is computed from the payload (subscriber messages
/// carry `webhook`, `email` or `sms`; the comms plan's none), so the rows an older desk
/// enqueued have it too.
const QUEUE_COLUMNS: [(&str, &str); 6] = [
    (
        "channel",
        "TEXT AS (json_extract(payload, '$.channel')) VIRTUAL",
    ),
    ("attempts", "INTEGER NOT NULL DEFAULT 0"),
    ("next_attempt_at", "TEXT"),
    ("lease_owner", "TEXT"),
    ("lease_until", "TEXT"),
    ("last_detail", "TEXT"),
];

/// Adds the missing [`QUEUE_COLUMNS`] to `outbox`, in one transaction that holds the
/// write lock (two processes opening one old file do not both add a column).
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // `table_xinfo`: `table_info` leaves generated columns (`channel`) out.
    let present: HashSet<String> = {
        let mut stmt = tx.prepare("SELECT name FROM pragma_table_xinfo('outbox')")?;
        let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
        names.collect::<Result<_, _>>()?
    };
    for (name, declaration) in QUEUE_COLUMNS {
        if !present.contains(name) {
            tx.execute_batch(&format!(
                "ALTER TABLE outbox ADD COLUMN {name} {declaration}"
            ))?;
        }
    }
    tx.commit()
}

/// [`Store::claim_webhooks`](crate::store::Store::claim_webhooks) on SQLite.
pub(super) fn claim(
    conn: &Connection,
    owner: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<OutboxRow>, StoreError> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "UPDATE outbox SET attempts = attempts + 1, lease_owner = ?1, lease_until = ?2 \
             WHERE id IN (SELECT id FROM outbox \
                 WHERE sent_at IS NULL AND channel = '{WEBHOOK_CHANNEL}' \
                 AND (next_attempt_at IS NULL OR next_attempt_at <= ?3) \
                 AND (lease_until IS NULL OR lease_until <= ?3) \
                 ORDER BY id LIMIT ?4) \
             RETURNING {OUTBOX_COLUMNS}"
        ))
        .map_err(sql_error)?;
    let rows = stmt
        .query_map(
            params![owner, time_text(until), time_text(now), i64::from(limit)],
            outbox_row,
        )
        .map_err(sql_error)?;
    let mut claimed = rows
        .map(|r| to_outbox_row(r.map_err(sql_error)?))
        .collect::<Result<Vec<_>, _>>()?;
    claimed.sort_by_key(|r| r.id);
    Ok(claimed)
}

/// The condition every change to a claimed row carries: the claim still holds.
const HELD: &str = "id = ?1 AND lease_owner = ?2 AND attempts = ?3 AND sent_at IS NULL";

/// [`Store::settle_webhook`](crate::store::Store::settle_webhook) on SQLite.
pub(super) fn settle(
    conn: &Connection,
    lease: &Lease,
    settle: &Settle,
) -> Result<bool, StoreError> {
    let changed = match settle {
        Settle::Retry { next_at, detail } => conn.execute(
            &format!(
                "UPDATE outbox SET next_attempt_at = ?4, last_detail = ?5, \
                 lease_owner = NULL, lease_until = NULL WHERE {HELD}"
            ),
            params![
                lease.row,
                lease.owner,
                i64::from(lease.attempt),
                time_text(*next_at),
                detail
            ],
        ),
        Settle::Extend { until } => conn.execute(
            &format!("UPDATE outbox SET lease_until = ?4 WHERE {HELD}"),
            params![
                lease.row,
                lease.owner,
                i64::from(lease.attempt),
                time_text(*until)
            ],
        ),
        Settle::Done => conn.execute(
            &format!(
                "UPDATE outbox SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), \
                 lease_owner = NULL, lease_until = NULL WHERE {HELD}"
            ),
            params![lease.row, lease.owner, i64::from(lease.attempt)],
        ),
        Settle::Abandon { detail } => conn.execute(
            &format!(
                "UPDATE outbox SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), \
                 last_detail = ?4, lease_owner = NULL, lease_until = NULL WHERE {HELD}"
            ),
            params![lease.row, lease.owner, i64::from(lease.attempt), detail],
        ),
    }
    .map_err(sql_error)?;
    Ok(changed == 1)
}
