//! The fixed facts every generated scenario shares: the incident's id, when it was declared
//! and detected, the small pools of ids and names that generated commands draw from (so
//! that commands often refer to things that exist), and the text limits the guards apply.

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::*;

/// The incident every generated scenario declares. Its UUID has hex letters on purpose
/// (tamper tests flip their case).
const INCIDENT_BYTES: [u8; 16] = [
    0x5e, 0xc1, 0x7a, 0x3f, 0x0b, 0xd2, 0x4e, 0x9c, 0xa1, 0x6f, 0xe8, 0x27, 0xbc, 0x40, 0xd9, 0x13,
];

pub(crate) fn incident_id() -> IncidentId {
    IncidentId::from_bytes(INCIDENT_BYTES)
}

/// When the declaration is handled.
pub(crate) fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap()
}

/// When the incident was detected (before the declaration).
pub(crate) fn detected_at() -> DateTime<Utc> {
    base() - Duration::minutes(45)
}

/// A placeholder time, replaced by [`retime`](crate::generators::scenario::retime).
pub(crate) fn placeholder() -> DateTime<Utc> {
    base()
}

/// The pools generated commands draw names and ids from.
pub(crate) static ACTORS: [&str; 3] = ["soc.oncall", "zhang.min", "li.wei"];
pub(crate) static ACTION_IDS: [&str; 4] = ["A1", "A2", "A3", "A4"];
pub(crate) static NOTICE_IDS: [&str; 3] = ["N1", "N2", "N3"];
pub(crate) static EVIDENCE_IDS: [&str; 3] = ["E1", "E2", "E3"];
pub(crate) static FINDING_IDS: [&str; 3] = ["F1", "F2", "F3"];
pub(crate) static PROGRAM_IDS: [&str; 2] = ["P1", "P2"];
pub(crate) static INQUIRY_IDS: [&str; 3] = ["Q1", "Q2", "Q3"];
pub(crate) static SURVEY_IDS: [&str; 3] = ["S1", "S2", "S3"];
pub(crate) static CUSTOMERS: [&str; 3] = ["C-1001", "C-1002", "C-1003"];
pub(crate) static CLAIM_IDS: [&str; 3] = ["CL1", "CL2", "CL3"];
pub(crate) static SUB_STATUSES: [&str; 3] = ["triage", "waiting-on-vendor", "forensics"];
pub(crate) static SYSTEMS: [&str; 3] = ["core-banking", "web-portal", "crm"];
pub(crate) static JURISDICTIONS: [&str; 4] = ["CN", "HK", "US-NY", "EU"];

/// Text limits the guards in `decide` apply: titles, short texts, long texts.
pub(crate) const MAX_TITLE: usize = 200;
pub(crate) const MAX_SHORT: usize = 2_000;
pub(crate) const MAX_LONG: usize = 20_000;
