//! Criterion benchmarks for the incident lifecycle and for replaying a large event log.
//!
//! Every group carries its own baseline, measured in the same run on the same input, so the
//! ratios are comparable without a saved baseline.
//!
//! ## `lifecycle/full_30_commands`
//!
//! A realistic lifecycle of 30 commands on an already declared data breach: roles assigned,
//! evidence collected and sealed, impact updated and severity raised, a containment action
//! added, started and completed, contain, an initial notice to affected customers drafted
//! with every [`required_elements`] entry, approved and sent, disclose on the public-notice
//! basis, remediation actions added and completed, a compensation program opened,
//! remediate, a root-cause finding, prevention actions with owner and due date, a
//! resolution notice drafted, approved and sent, review, close. `Throughput::Elements(30)`,
//! so criterion reports the time per command.
//!
//! - `decide_seal_apply`: the host loop for every command: [`Incident::execute`] (decide,
//!   then seal: canonical JSON and SHA-256 of the payload and of the envelope) and
//!   [`Incident::apply`] of each envelope (which re-verifies both digests and the link,
//!   then evolves the state). Starts from a clone of the declared incident made outside
//!   the timing.
//! - `decide_seal`: [`Incident::execute`] only, on the precomputed state before each
//!   command (no apply).
//! - `decide_only` (**baseline**): [`Incident::decide`] only, on the same precomputed
//!   states, without sealing. `decide_seal - decide_only` is the sealing cost and
//!   `decide_seal_apply - decide_seal` the apply (verification + evolve) cost.
//!
//! The declaration itself is setup, not measured: the public API has no way to decide a
//! [`Declare`] without sealing it, so it could not be part of the baseline.
//!
//! ## `replay/100k_events`
//!
//! One JSON Lines log built once (through the host loop, so the chain is genuine): a
//! declared incident followed by 99,999 varied cross-phase events (notes, evidence added,
//! custody records, actions added/started/completed, impact updates, severity changes,
//! sub-status sets; realistic text sizes, about a third of the free text in zh-CN), 100,000
//! envelopes in all. Every benchmark reads the same bytes; `Throughput::Elements(100_000)`,
//! so criterion reports the time per envelope. `sample_size(10)` with flat sampling keeps
//! the group to about a minute.
//!
//! Every benchmark finds line ends with `memchr` (vectorised), as the crate's reader does:
//! a byte-by-byte split cost as much as the parse itself and flattered every ratio.
//!
//! - `parse_ignored_any` (**parse baseline**): split lines and parse each one into
//!   [`serde::de::IgnoredAny`]: what checking the JSON syntax alone costs, the floor any
//!   decoder of these bytes stands on. Goal: `replay_verified` ≤ 2.5 × this.
//! - `value_per_line` (**baseline**): each line into a `serde_json::Value` tree; a typed
//!   decoder should beat building the generic tree.
//! - `deserialize_only` (**strict baseline**): split lines and
//!   `serde_json::from_slice::<Envelope>` each one, dropping each envelope at once (the
//!   allocator reuses the same memory; nothing is kept).
//! - `decode_hand_route`: each line by the hand-written route alone
//!   (`chain::canonical_line_decode`), dropped at once: the decoding part of a replay,
//!   so that `replay_unverified - decode_hand_route` is the fold.
//! - `deserialize_collect` (**baseline**): [`read_json_lines`], the same decoding keeping
//!   every envelope, as replay keeps the state it folds into. Dropping the result is not
//!   timed here nor in the replays (`iter_with_large_drop`).
//! - `replay_unverified`: [`Incident::replay_json_lines`] with
//!   `ReplayOptions::default().skip_verification()`. Goal: ≤ 1.15 × the deserialize
//!   baseline (both are reported). Every line here is in the canonical layout, so replay
//!   reads each one by the hand-written route (`chain::canonical_line_decode`: metadata
//!   straight from the bytes, the event once by the one-pass decoder) where
//!   `deserialize_only` uses serde's derive.
//! - `replay_verified`: [`Incident::replay_json_lines`] with `ReplayOptions::default()`
//!   (verification is the default). Goal: ≤ 2.5 × `parse_ignored_any`. On top of
//!   `replay_unverified` it re-encodes each decoded event canonically and hashes it (the
//!   readers' one rule: a stored event counts through the value it decodes to), and
//!   hashes the metadata, straight from the stored bytes when they spell it canonically.
//! - `verify_only`: [`read_json_lines`] then [`verify`] over the whole log (decoding
//!   included, no state built); baseline: `deserialize_collect`.
//!
//! Before the group runs, the setup prints the peak heap use of one verified replay of the
//! log (a counting global allocator, `peak_alloc`) against the heap the final state holds:
//! replay streams, so the peak should stay within 2 × the state.

// Benches are test code: a failed setup should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeSet, VecDeque};
use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use incident::{
    actions::ActionKind, actions::Measure, actions::NewAction, chain::read_json_lines,
    chain::verify, classify::DataCategory, classify::ImpactUpdate, classify::Jurisdiction,
    classify::Loss, classify::LossVariety, comms::required_elements, comms::Audience,
    comms::Channel, comms::ContentElement, comms::MessageKind, comms::NoticeDraft,
    compensation::reference_platform_policy, evidence::ContentDigest, evidence::CustodyAction,
    evidence::CustodyEntry, evidence::CustodyRecord, evidence::DigestAlgorithm,
    evidence::NewEvidence, findings::Finding, findings::FindingKind, findings::RootCause,
    id::ActionId, id::EvidenceId, id::FindingId, id::NoticeId, id::ProgramId, id::SubStatus,
    id::SystemName, lifecycle::DisclosureBasis, ActorId, Command, Context, Currency, Declare,
    DetectionSource, Envelope, Incident, IncidentId, IncidentKind, Money, Phase, ReplayOptions,
    Role, Severity,
};

// --- shared helpers ----------------------------------------------------------------------

fn actor(name: &str) -> ActorId {
    ActorId::new(name).unwrap()
}

fn action_id(id: &str) -> ActionId {
    ActionId::new(id).unwrap()
}

fn notice_id(id: &str) -> NoticeId {
    NoticeId::new(id).unwrap()
}

fn evidence_id(id: &str) -> EvidenceId {
    EvidenceId::new(id).unwrap()
}

/// 2026-03-14 01:12 UTC: when the breach was detected.
fn detected_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 1, 12, 0).unwrap()
}

/// SplitMix64: a tiny deterministic generator, so the inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let i = usize::try_from(self.below(items.len() as u64)).unwrap();
        items[i]
    }

    /// A SHA-256-shaped content digest (64 lower-case hex digits).
    fn sha256(&mut self) -> ContentDigest {
        let hex: String = (0..4).map(|_| format!("{:016x}", self.next())).collect();
        ContentDigest::new(DigestAlgorithm::Sha256, hex).unwrap()
    }
}

/// The declaration both groups start from.
fn declare(id: IncidentId) -> Declare {
    Declare::new(
        id,
        IncidentKind::DataBreach,
        "Customer records exfiltrated from the support portal",
    )
    .summary(
        "Outbound transfer of ~2 GB from crm-db-03 to 203.0.113.77 flagged by NetFlow \
         anomaly detection; session traced to a support engineer's VPN account. \
         疑似客服工程师VPN账号被钓鱼后用于导出客户资料。",
    )
    .detection(DetectionSource::NetworkTraffic, detected_at())
    .occurred_at(detected_at() - TimeDelta::hours(9), true)
    .severity(Severity::Sev2)
    .owner(actor("zhang.min"))
}

// --- lifecycle/full_30_commands ----------------------------------------------------------

/// The regulation of a host that runs no regulatory clocks: the benchmark measures the
/// host loop, not the obligations Review and Close check.
fn no_regimes() -> &'static incident::regulation::Regulation {
    static NONE: std::sync::LazyLock<incident::regulation::Regulation> =
        std::sync::LazyLock::new(|| {
            incident::regulation::Regulation::without_regimes(
                incident::regulation::EntityProfile::new(),
            )
        });
    &NONE
}

/// Declares the incident of the lifecycle benchmark and returns its state.
fn declared_incident() -> Incident {
    let id = IncidentId::from_bytes(*b"lifecycle-bench!");
    let ctx = Context::new(actor("soc.oncall"), detected_at() + TimeDelta::minutes(18));
    let first = Incident::declare(&declare(id), &ctx).unwrap_or_else(|r| panic!("declare: {r}"));
    Incident::replay(&first).unwrap()
}

/// The 30 commands after the declaration, each with the context it is issued in.
fn lifecycle_commands() -> Vec<(Command, Context<'static>)> {
    let start = detected_at() + TimeDelta::minutes(30);
    let due = start + TimeDelta::days(45);
    let initial_elements: BTreeSet<ContentElement> =
        required_elements(MessageKind::InitialNotice, Audience::AffectedCustomers)
            .iter()
            .copied()
            .chain([ContentElement::WhatToDo, ContentElement::Apology])
            .collect();
    let resolution_elements: BTreeSet<ContentElement> =
        required_elements(MessageKind::ResolutionNotice, Audience::AffectedCustomers)
            .iter()
            .copied()
            // A root-cause finding is recorded before it, so the resolution notice must
            // carry the cause too.
            .chain([ContentElement::CompensationOffer, ContentElement::RootCause])
            .collect();
    let ev1 = "EV-0001";
    let commands: Vec<(&str, Command)> = vec![
        (
            "zhang.min",
            Command::AssignRole {
                role: Role::CommsLead,
                person: actor("wang.fang"),
            },
        ),
        (
            "zhang.min",
            Command::AssignRole {
                role: Role::Legal,
                person: actor("chen.jie"),
            },
        ),
        (
            "zhang.min",
            Command::AssignRole {
                role: Role::CustomerLiaison,
                person: actor("liu.yang"),
            },
        ),
        (
            "forensics.li",
            Command::AddEvidence(NewEvidence {
                evidence_id: evidence_id(ev1),
                description: "NetFlow export and nginx access logs, crm-db-03 and portal-01..03, \
                              2026-03-13 16:00 to 2026-03-14 02:00 UTC"
                    .into(),
                collected_by: actor("forensics.li"),
                collected_at: start - TimeDelta::minutes(5),
                location: "s3://ir-evidence-worm/2026-031/netflow/".into(),
                digest: Some(
                    ContentDigest::new(
                        DigestAlgorithm::Sha256,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    )
                    .unwrap(),
                ),
            }),
        ),
        (
            "forensics.li",
            Command::RecordCustody(CustodyRecord {
                evidence_id: evidence_id(ev1),
                entry: CustodyEntry {
                    action: CustodyAction::Sealed,
                    by: actor("forensics.li"),
                    at: start + TimeDelta::minutes(20),
                    location: "取证实验室2号保险柜（只读介质）".into(),
                    digest: Some(
                        ContentDigest::new(
                            DigestAlgorithm::Sha256,
                            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        )
                        .unwrap(),
                    ),
                    note: Some("copied to write-once media, seal no. 000417".into()),
                },
            }),
        ),
        (
            "zhang.min",
            Command::UpdateImpact {
                update: ImpactUpdate::default()
                    .people_estimated(12_400)
                    .records(15_230)
                    .data_categories([
                        DataCategory::BasicIdentity,
                        DataCategory::ContactDetails,
                        DataCategory::IdentityDocument,
                        DataCategory::FinancialAccount,
                    ])
                    .systems([
                        SystemName::new("crm-db-03").unwrap(),
                        SystemName::new("customer-portal").unwrap(),
                    ])
                    .jurisdictions([
                        Jurisdiction::new("CN").unwrap(),
                        Jurisdiction::new("HK").unwrap(),
                    ]),
                reason: Some("row count of the exported CRM tables, deduplicated by customer".into()),
            },
        ),
        (
            "zhang.min",
            Command::ChangeSeverity {
                severity: Severity::Sev1,
                reason: "identity documents of more than 10,000 customers exposed".into(),
            },
        ),
        (
            "zhang.min",
            Command::AddAction(NewAction {
                action_id: action_id("CT-1"),
                kind: ActionKind::Containment,
                title: "Disable the compromised VPN account and isolate crm-db-03".into(),
                owner: Some(actor("ops.zhou")),
                due: Some(start + TimeDelta::hours(2)),
                measure: Some(Measure::IsolateSystems),
            }),
        ),
        (
            "ops.zhou",
            Command::StartAction {
                action_id: action_id("CT-1"),
            },
        ),
        (
            "ops.zhou",
            Command::CompleteAction {
                action_id: action_id("CT-1"),
                completed_at: None,
                outcome: Some("account disabled, host isolated, egress to 203.0.113.0/24 blocked".into()),
            },
        ),
        (
            "zhang.min",
            Command::AddNote {
                text: "已在边界防火墙封禁外传IP段，涉事VPN账号已停用；取证确认攻击者利用钓鱼邮件获取的凭据登录。".into(),
            },
        ),
        (
            "zhang.min",
            Command::Contain {
                contained_at: Some(start + TimeDelta::minutes(135)),
            },
        ),
        (
            "wang.fang",
            Command::DraftNotice(NoticeDraft {
                notice_id: notice_id("N-INIT"),
                kind: MessageKind::InitialNotice,
                audience: Audience::AffectedCustomers,
                channels: [Channel::Email, Channel::Sms, Channel::InApp]
                    .into_iter()
                    .collect(),
                elements: initial_elements,
                facts: Default::default(),
                plan_item: None,
                corrects: None,
            }),
        ),
        (
            "chen.jie",
            Command::ApproveNotice {
                notice_id: notice_id("N-INIT"),
            },
        ),
        (
            "wang.fang",
            Command::RecordNoticeSent {
                notice_id: notice_id("N-INIT"),
                sent_at: None,
            },
        ),
        (
            "zhang.min",
            Command::Disclose {
                basis: DisclosureBasis::PublicNotice {
                    notice_id: notice_id("N-INIT"),
                },
            },
        ),
        (
            "zhang.min",
            Command::AddAction(NewAction {
                action_id: action_id("RM-1"),
                kind: ActionKind::Remediation,
                title: "Force password reset for all affected customers".into(),
                owner: Some(actor("iam.sun")),
                due: Some(start + TimeDelta::days(2)),
                measure: Some(Measure::ResetPasswords),
            }),
        ),
        (
            "zhang.min",
            Command::AddAction(NewAction {
                action_id: action_id("RM-2"),
                kind: ActionKind::Remediation,
                title: "修补客服门户导出接口的越权漏洞".into(),
                owner: Some(actor("dev.huang")),
                due: Some(start + TimeDelta::days(5)),
                measure: Some(Measure::Patching),
            }),
        ),
        (
            "iam.sun",
            Command::CompleteAction {
                action_id: action_id("RM-1"),
                completed_at: None,
                outcome: Some("12,388 resets forced; 12 accounts had already rotated".into()),
            },
        ),
        (
            "dev.huang",
            Command::CompleteAction {
                action_id: action_id("RM-2"),
                completed_at: None,
                outcome: None,
            },
        ),
        (
            "zhang.min",
            Command::open_compensation_program(
                ProgramId::new("COMP-2026-031").unwrap(),
                &reference_platform_policy(),
                None,
            ),
        ),
        ("zhang.min", Command::Remediate {}),
        (
            "zhang.min",
            Command::RecordFinding(Finding {
                finding_id: FindingId::new("F-1").unwrap(),
                kind: FindingKind::RootCause,
                root_cause: Some(RootCause::PhishingSocialEngineering),
                summary: "A support engineer entered VPN credentials on a look-alike SSO page; \
                          the VPN did not require a second factor."
                    .into(),
                evidence: vec![evidence_id(ev1)],
            }),
        ),
        (
            "zhang.min",
            Command::AddAction(NewAction {
                action_id: action_id("PV-1"),
                kind: ActionKind::Prevention,
                title: "Require phishing-resistant MFA on the VPN and the support portal".into(),
                owner: Some(actor("iam.sun")),
                due: Some(due),
                measure: Some(Measure::MultiFactorAuthentication),
            }),
        ),
        (
            "zhang.min",
            Command::AddAction(NewAction {
                action_id: action_id("PV-2"),
                kind: ActionKind::Prevention,
                title: "全员反钓鱼培训及季度演练".into(),
                owner: Some(actor("hr.zhao")),
                due: Some(due),
                measure: Some(Measure::StaffTraining),
            }),
        ),
        (
            "wang.fang",
            Command::DraftNotice(NoticeDraft {
                notice_id: notice_id("N-RES"),
                kind: MessageKind::ResolutionNotice,
                audience: Audience::AffectedCustomers,
                channels: [Channel::Email, Channel::WebsiteNotice].into_iter().collect(),
                elements: resolution_elements,
                facts: Default::default(),
                plan_item: None,
                corrects: None,
            }),
        ),
        (
            "chen.jie",
            Command::ApproveNotice {
                notice_id: notice_id("N-RES"),
            },
        ),
        (
            "wang.fang",
            Command::RecordNoticeSent {
                notice_id: notice_id("N-RES"),
                sent_at: None,
            },
        ),
        ("zhang.min", Command::Review {}),
        ("zhang.min", Command::Close {}),
    ];
    commands
        .into_iter()
        .zip(0..)
        .map(|((by, command), i)| {
            let ctx = Context::new(actor(by), start + TimeDelta::minutes(15 * i))
                .with_regulation(no_regimes());
            (command, ctx)
        })
        .collect()
}

/// The state before each command, obtained by running the host loop once.
fn states_before(declared: &Incident, commands: &[(Command, Context<'_>)]) -> Vec<Incident> {
    let mut incident = declared.clone();
    let mut states = Vec::with_capacity(commands.len());
    for (command, ctx) in commands {
        states.push(incident.clone());
        let envelopes = incident
            .execute(command, ctx)
            .unwrap_or_else(|r| panic!("{:?} rejected: {r}", command.kind()));
        for envelope in &envelopes {
            incident.apply(envelope).unwrap();
        }
    }
    assert_eq!(incident.phase(), Phase::Closed);
    assert_eq!(incident.version(), 1 + commands.len() as u64);
    states
}

fn lifecycle(c: &mut Criterion) {
    let declared = declared_incident();
    let commands = lifecycle_commands();
    assert_eq!(commands.len(), 30);
    let states = states_before(&declared, &commands);

    let mut group = c.benchmark_group("lifecycle/full_30_commands");
    group.throughput(Throughput::Elements(commands.len() as u64));
    group.bench_function("decide_seal_apply", |b| {
        b.iter_batched(
            || declared.clone(),
            |mut incident| {
                for (command, ctx) in &commands {
                    let envelopes = incident.execute(black_box(command), ctx).unwrap();
                    for envelope in &envelopes {
                        incident.apply(envelope).unwrap();
                    }
                }
                incident
            },
            BatchSize::SmallInput,
        );
    });
    group.bench_function("decide_seal", |b| {
        b.iter(|| {
            for (state, (command, ctx)) in states.iter().zip(&commands) {
                black_box(state.execute(black_box(command), ctx).unwrap());
            }
        });
    });
    group.bench_function("decide_only", |b| {
        b.iter(|| {
            for (state, (command, ctx)) in states.iter().zip(&commands) {
                black_box(state.decide(black_box(command), ctx).unwrap());
            }
        });
    });
    group.finish();
}

// --- replay/100k_events ------------------------------------------------------------------

/// Envelopes in the replay log, the declaration included.
const REPLAY_ENVELOPES: u64 = 100_000;

const PEOPLE: [&str; 7] = [
    "soc.oncall",
    "zhang.min",
    "wang.fang",
    "forensics.li",
    "chen.jie",
    "ops.zhou",
    "iam.sun",
];

const NOTES_EN: [&str; 10] = [
    "Blocked exfiltration addresses 203.0.113.0/24 and 198.51.100.14 at the edge firewall.",
    "Forensics confirmed the attacker reused a phished VPN credential of a support engineer.",
    "Hotline volume is up 340% since the SMS notice went out; two extra shifts added tonight.",
    "Rotated the payment gateway API keys and invalidated every active customer session.",
    "Legal reviewed the draft; the regulator portal submission is scheduled for 14:00 UTC.",
    "Reconciliation found 17 withdrawals to unrecognised bank accounts between 01:12 and 01:47.",
    "EDR flagged a new persistence attempt on crm-db-03 (scheduled task); host re-imaged.",
    "External assessor on site; scope agreed: customer portal, CRM, support tooling, VPN.",
    "Bank partner confirmed the freeze on the three mule accounts; recall requests filed.",
    "No further outbound anomalies in NetFlow for the last 24 hours; monitoring continues.",
];

const NOTES_ZH: [&str; 8] = [
    "已在边界防火墙封禁外传数据的IP地址段，并同步更新了威胁情报平台的黑名单。",
    "取证确认攻击者利用客服工程师被钓鱼的VPN账号登录内网，随后横向移动至CRM数据库。",
    "客服热线来电量较平日增长三倍，已增派两个班次并上线常见问题解答页面。",
    "已轮换支付网关的API密钥，并使所有活动会话失效，要求客户重新登录。",
    "法务已审阅客户通知草稿，计划于下午两点通过监管报送系统提交初步报告。",
    "对账发现凌晨一点十二分至一点四十七分之间有17笔提现转入陌生银行账户，已申请冻结。",
    "受影响客户的范围已扩大至香港分公司的部分机构客户，需补充发送通知。",
    "外部安全公司已进场，评估范围包括客户门户、CRM系统、客服工具和VPN。",
];

const EVIDENCE: [&str; 8] = [
    "nginx access logs, portal-01..03",
    "memory image of crm-db-03",
    "VPN concentrator authentication logs",
    "邮件网关日志（钓鱼邮件原件及附件）",
    "EDR telemetry export, support workstation fleet",
    "NetFlow export, core switches",
    "database audit log, CRM cluster",
    "客服工单系统操作日志",
];

const LOCATIONS: [&str; 5] = [
    "s3://ir-evidence-worm/2026-031/",
    "evidence locker B2, shelf 4",
    "取证实验室2号保险柜",
    "forensic workstation FW-07, encrypted volume",
    "external assessor's lab (under NDA), case 2026-118",
];

const ACTIONS: [&str; 8] = [
    "Revoke all tokens issued by the support SSO before 03-14 02:00",
    "Block look-alike domains at the mail gateway and DNS resolvers",
    "对受影响账户设置临时提现限制",
    "Rebuild crm-db-03 from a known-good image",
    "Review privileged access of all support engineers",
    "部署数据库异常导出告警规则",
    "Enable geo-velocity checks on customer logins",
    "Run a tabletop exercise for the comms playbook",
];

const OUTCOMES: [&str; 4] = [
    "done; verified by a second engineer",
    "completed ahead of schedule, evidence attached to the ticket",
    "已完成并经复核确认",
    "completed; residual risk accepted by the CISO",
];

const SUB_STATUSES: [&str; 5] = [
    "awaiting forensic report",
    "monitoring for re-entry",
    "等待监管机构回复",
    "customer hotline surge",
    "coordinating with bank partners",
];

const MEASURES: [Measure; 6] = [
    Measure::BlockIndicators,
    Measure::RevokeCredentials,
    Measure::FreezeAccounts,
    Measure::AccessControl,
    Measure::IntrusionDetection,
    Measure::SecurityAudit,
];

const CUSTODY: [CustodyAction; 5] = [
    CustodyAction::Transferred,
    CustodyAction::Accessed,
    CustodyAction::Analyzed,
    CustodyAction::Copied,
    CustodyAction::Sealed,
];

/// Free text of one to `max` sentences; about a third of it in zh-CN.
fn text(rng: &mut Rng, max: u64) -> String {
    let zh = rng.below(3) == 0;
    let n = 1 + rng.below(max);
    let mut out = String::new();
    for i in 0..n {
        if i > 0 && !zh {
            out.push(' ');
        }
        out.push_str(if zh {
            rng.pick(&NOTES_ZH)
        } else {
            rng.pick(&NOTES_EN)
        });
    }
    out
}

/// Chooses the next cross-phase command of the replay log from the current state.
struct LogGenerator {
    rng: Rng,
    evidence: u64,
    actions: u64,
    open: VecDeque<ActionId>,
    in_progress: VecDeque<ActionId>,
    people_confirmed: u64,
    sub_status: usize,
}

impl LogGenerator {
    fn command(&mut self, incident: &Incident, now: DateTime<Utc>) -> Command {
        let roll = self.rng.below(100);
        match roll {
            0..=29 => Command::AddNote {
                text: text(&mut self.rng, 5),
            },
            30..=39 => self.add_evidence(now),
            40..=54 if self.evidence > 0 => {
                let back = self.rng.below(self.evidence.min(40));
                let evidence_id = evidence_id(&format!("EV-{:06}", self.evidence - back));
                let digest = (self.rng.below(2) == 0).then(|| self.rng.sha256());
                let note = (self.rng.below(3) == 0).then(|| text(&mut self.rng, 1));
                Command::RecordCustody(CustodyRecord {
                    evidence_id,
                    entry: CustodyEntry {
                        action: self.rng.pick(&CUSTODY),
                        by: actor(self.rng.pick(&PEOPLE)),
                        at: now,
                        location: self.rng.pick(&LOCATIONS).to_owned(),
                        digest,
                        note,
                    },
                })
            }
            40..=54 => self.add_evidence(now),
            73..=80 if !self.in_progress.is_empty() => {
                let action_id = self.in_progress.pop_front().unwrap();
                let outcome = (self.rng.below(2) == 0).then(|| self.rng.pick(&OUTCOMES).into());
                Command::CompleteAction {
                    action_id,
                    completed_at: None,
                    outcome,
                }
            }
            65..=80 if !self.open.is_empty() => {
                let action_id = self.open.pop_front().unwrap();
                self.in_progress.push_back(action_id.clone());
                Command::StartAction { action_id }
            }
            55..=80 => {
                self.actions += 1;
                let action_id = action_id(&format!("A-{:06}", self.actions));
                self.open.push_back(action_id.clone());
                let kind = self.rng.pick(&[
                    ActionKind::Containment,
                    ActionKind::Remediation,
                    ActionKind::Prevention,
                ]);
                Command::AddAction(NewAction {
                    action_id,
                    kind,
                    title: self.rng.pick(&ACTIONS).to_owned(),
                    owner: Some(actor(self.rng.pick(&PEOPLE))),
                    due: Some(
                        now + TimeDelta::hours(4 + i64::try_from(self.rng.below(700)).unwrap()),
                    ),
                    measure: (self.rng.below(3) > 0).then(|| self.rng.pick(&MEASURES)),
                })
            }
            81..=90 => {
                self.people_confirmed += 1 + self.rng.below(40);
                let mut update = ImpactUpdate::default().people_confirmed(self.people_confirmed);
                match self.rng.below(6) {
                    0 => update = update.records(self.people_confirmed * 3 / 2),
                    1 => {
                        let funds = 1_000_000 + i64::try_from(self.rng.below(50_000_000)).unwrap();
                        update = update
                            .funds_involved(Money::from_minor(funds, Currency::CNY))
                            .losses([
                                Loss {
                                    variety: LossVariety::AssetAndFraud,
                                    amount: Some(Money::from_minor(funds, Currency::CNY)),
                                },
                                Loss {
                                    variety: LossVariety::ResponseAndRecovery,
                                    amount: None,
                                },
                            ]);
                    }
                    2 => {
                        update = update.data_categories(
                            DataCategory::ALL
                                .into_iter()
                                .skip(usize::try_from(self.rng.below(4)).unwrap())
                                .take(3 + usize::try_from(self.rng.below(4)).unwrap()),
                        );
                    }
                    3 => {
                        update = update
                            .systems(
                                ["crm-db-03", "customer-portal", "support-sso", "vpn-gw-2"]
                                    .into_iter()
                                    .take(2 + usize::try_from(self.rng.below(3)).unwrap())
                                    .map(|s| SystemName::new(s).unwrap()),
                            )
                            .jurisdictions(
                                ["CN", "HK", "SG"]
                                    .into_iter()
                                    .map(|j| Jurisdiction::new(j).unwrap()),
                            );
                    }
                    _ => {}
                }
                Command::UpdateImpact {
                    update,
                    reason: (self.rng.below(2) == 0).then(|| text(&mut self.rng, 1)),
                }
            }
            91..=94 => Command::ChangeSeverity {
                severity: if incident.severity() == Severity::Sev1 {
                    Severity::Sev2
                } else {
                    Severity::Sev1
                },
                reason: text(&mut self.rng, 2),
            },
            _ => {
                self.sub_status = (self.sub_status + 1) % (SUB_STATUSES.len() + 1);
                let sub_status = SUB_STATUSES
                    .get(self.sub_status)
                    .map(|s| SubStatus::new(*s).unwrap());
                Command::SetSubStatus { sub_status }
            }
        }
    }

    fn add_evidence(&mut self, now: DateTime<Utc>) -> Command {
        self.evidence += 1;
        let description = format!(
            "{} (batch {}, {} files)",
            self.rng.pick(&EVIDENCE),
            self.evidence,
            1 + self.rng.below(4_000)
        );
        Command::AddEvidence(NewEvidence {
            evidence_id: evidence_id(&format!("EV-{:06}", self.evidence)),
            description,
            collected_by: actor(self.rng.pick(&PEOPLE)),
            collected_at: now - TimeDelta::minutes(i64::try_from(self.rng.below(90)).unwrap()),
            location: self.rng.pick(&LOCATIONS).to_owned(),
            digest: (self.rng.below(5) > 0).then(|| self.rng.sha256()),
        })
    }
}

/// Builds the replay log through the host loop and returns it as JSON Lines.
fn replay_log() -> Vec<u8> {
    let id = IncidentId::from_bytes(*b"replay-bench-100");
    let mut now = detected_at() + TimeDelta::minutes(18);
    let first = Incident::declare(&declare(id), &Context::new(actor("soc.oncall"), now))
        .unwrap_or_else(|r| panic!("declare: {r}"));
    let mut out = String::with_capacity(80 << 20);
    for envelope in &first {
        out.push_str(&envelope.to_json().unwrap());
        out.push('\n');
    }
    let mut incident = Incident::replay(&first).unwrap();
    let mut generator = LogGenerator {
        rng: Rng(20_260_314),
        evidence: 0,
        actions: 0,
        open: VecDeque::new(),
        in_progress: VecDeque::new(),
        people_confirmed: 0,
        sub_status: 0,
    };
    while incident.version() < REPLAY_ENVELOPES {
        now += TimeDelta::seconds(5 + i64::try_from(generator.rng.below(60)).unwrap());
        let command = generator.command(&incident, now);
        let ctx = Context::new(actor(generator.rng.pick(&PEOPLE)), now);
        let envelopes = incident
            .execute(&command, &ctx)
            .unwrap_or_else(|r| panic!("{command:?} rejected: {r}"));
        for envelope in &envelopes {
            out.push_str(&envelope.to_json().unwrap());
            out.push('\n');
            incident.apply(envelope).unwrap();
        }
    }
    out.into_bytes()
}

/// The log's non-empty lines, found with the same vectorised search the crate's reader
/// uses, so that every baseline and every replay pays the same for splitting.
fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', bytes)
        .map(move |end| {
            let line = &bytes[start..end];
            start = end + 1;
            line
        })
        .filter(|line| !line.is_empty())
}

/// Parses every line into `IgnoredAny`: the JSON syntax check alone.
fn parse_ignored_any(bytes: &[u8]) {
    for line in lines(bytes) {
        black_box(serde_json::from_slice::<serde::de::IgnoredAny>(line).unwrap());
    }
}

/// Parses every line into a generic `serde_json::Value` tree.
fn value_per_line(bytes: &[u8]) {
    for line in lines(bytes) {
        black_box(serde_json::from_slice::<serde_json::Value>(line).unwrap());
    }
}

/// Prints the peak heap use of one verified replay next to the heap its final state keeps.
fn report_peak_memory(bytes: &[u8]) {
    let before = PEAK_ALLOC.current_usage();
    PEAK_ALLOC.reset_peak_usage();
    let incident = Incident::replay_json_lines(bytes, &ReplayOptions::default()).unwrap();
    let peak = PEAK_ALLOC.peak_usage().saturating_sub(before);
    let state = PEAK_ALLOC.current_usage().saturating_sub(before);
    drop(incident);
    let mib = |n: usize| n as f64 / f64::from(1 << 20);
    eprintln!(
        "replay peak memory: {:.1} MiB above the log's bytes; final state {:.1} MiB; peak/state {:.2}",
        mib(peak),
        mib(state),
        peak as f64 / state.max(1) as f64
    );
}

/// Counts heap use so that the replay's peak can be compared with the state it builds.
#[global_allocator]
static PEAK_ALLOC: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// Decodes every line as the replay does, without keeping the envelopes.
fn deserialize_only(bytes: &[u8]) {
    for line in lines(bytes) {
        black_box(serde_json::from_slice::<Envelope>(line).unwrap());
    }
}

/// Decodes every line through the hand-written route alone (no fallback, no replay).
fn decode_hand_route(bytes: &[u8]) {
    for line in lines(bytes) {
        black_box(incident::chain::canonical_line_decode::<incident::Event>(line).unwrap());
    }
}

fn replay(c: &mut Criterion) {
    let bytes = replay_log();
    let unverified = ReplayOptions::default().skip_verification();
    let verified = ReplayOptions::default();
    // Check every path once on the bytes before timing them.
    let envelopes = read_json_lines::<incident::Event>(&bytes).unwrap();
    assert_eq!(envelopes.len() as u64, REPLAY_ENVELOPES);
    let head = verify(&envelopes, None).unwrap().unwrap();
    drop(envelopes);
    let incident = Incident::replay_json_lines(&bytes, &verified).unwrap();
    assert_eq!(incident.version(), REPLAY_ENVELOPES);
    assert_eq!(incident.head(), head);
    assert_eq!(
        Incident::replay_json_lines(&bytes, &unverified).unwrap(),
        incident
    );
    drop(incident);
    report_peak_memory(&bytes);
    eprintln!(
        "replay log: {} envelopes, {:.1} MiB of JSON Lines ({} bytes per envelope on average)",
        REPLAY_ENVELOPES,
        bytes.len() as f64 / f64::from(1 << 20),
        bytes.len() as u64 / REPLAY_ENVELOPES
    );

    let mut group = c.benchmark_group("replay/100k_events");
    group
        .throughput(Throughput::Elements(REPLAY_ENVELOPES))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    group.bench_function("parse_ignored_any", |b| {
        b.iter(|| parse_ignored_any(black_box(&bytes)));
    });
    group.bench_function("value_per_line", |b| {
        b.iter(|| value_per_line(black_box(&bytes)));
    });
    group.bench_function("deserialize_only", |b| {
        b.iter(|| deserialize_only(black_box(&bytes)));
    });
    group.bench_function("decode_hand_route", |b| {
        b.iter(|| decode_hand_route(black_box(&bytes)));
    });
    group.bench_function("deserialize_collect", |b| {
        b.iter_with_large_drop(|| read_json_lines::<incident::Event>(black_box(&bytes)).unwrap());
    });
    group.bench_function("replay_unverified", |b| {
        b.iter_with_large_drop(|| {
            Incident::replay_json_lines(black_box(&bytes), &unverified).unwrap()
        });
    });
    group.bench_function("replay_verified", |b| {
        b.iter_with_large_drop(|| {
            Incident::replay_json_lines(black_box(&bytes), &verified).unwrap()
        });
    });
    group.bench_function("verify_only", |b| {
        b.iter(|| {
            let envelopes = read_json_lines::<incident::Event>(black_box(&bytes)).unwrap();
            verify(&envelopes, None).unwrap()
        });
    });
    group.finish();
}

criterion_group!(benches, lifecycle, replay);
criterion_main!(benches);
