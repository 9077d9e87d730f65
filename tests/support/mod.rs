//! Shared generators for `tests/properties.rs` and `tests/tamper.rs`: a declared incident
//! and random command sequences drawn from every `Command` variant, with small id pools
//! (so that commands often refer to things that exist) and guard-satisfying recipes (so
//! that runs reach the late phases).
#![allow(dead_code)]

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::locale::*;
use incident::*;
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;
use proptest::test_runner::{Config, FileFailurePersistence};

// --- fixed facts ---------------------------------------------------------------------

/// The incident every generated scenario declares. Its UUID has hex letters on purpose
/// (tamper tests flip their case).
pub(crate) const INCIDENT_BYTES: [u8; 16] = [
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

pub(crate) fn actor(name: &str) -> ActorId {
    ActorId::new(name).unwrap()
}

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

/// Text limits the guards apply (decide.rs): titles, short texts, long texts.
pub(crate) const MAX_TITLE: usize = 200;
pub(crate) const MAX_SHORT: usize = 2_000;
pub(crate) const MAX_LONG: usize = 20_000;

/// Proptest configuration for these tests: no regression files are written into the repo.
pub(crate) fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

// --- scenarios -----------------------------------------------------------------------

/// One command as the host would run it.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub(crate) at: DateTime<Utc>,
    pub(crate) actor: ActorId,
    pub(crate) command: Command,
}

impl Step {
    pub(crate) fn context(&self) -> Context {
        Context::new(self.actor.clone(), self.at)
    }
}

/// A declaration and the commands that follow it, on a strictly increasing clock.
#[derive(Debug, Clone)]
pub(crate) struct Scenario {
    pub(crate) declare: Declare,
    pub(crate) declared_by: ActorId,
    pub(crate) declared_at: DateTime<Utc>,
    pub(crate) steps: Vec<Step>,
}

impl Scenario {
    pub(crate) fn declare_context(&self) -> Context {
        Context::new(self.declared_by.clone(), self.declared_at)
    }

    /// Every command of the scenario.
    pub(crate) fn commands(&self) -> impl Iterator<Item = &Command> {
        self.steps.iter().map(|s| &s.command)
    }
}

/// Runs the host loop without checking anything beyond what must not fail (declaration,
/// append, apply): the log and the live state after the scenario.
pub(crate) fn run(scenario: &Scenario) -> (EventLog<Event>, Incident) {
    let first = Incident::declare(&scenario.declare, &scenario.declare_context()).unwrap();
    let mut log = EventLog::new(scenario.declare.incident_id);
    log.append(0, &first).unwrap();
    let mut incident = Incident::replay(log.envelopes()).unwrap();
    for step in &scenario.steps {
        if let Ok(envelopes) = incident.execute(&step.command, &step.context()) {
            log.append(incident.version(), &envelopes).unwrap();
            for envelope in &envelopes {
                incident.apply(envelope).unwrap();
            }
        }
    }
    (log, incident)
}

/// When an effective time in a command lies, relative to detection and the command's time.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    /// Between detection and now, at this fraction (per mille).
    Within(u16),
    /// This many minutes after now (a guard violation).
    Future(u16),
    /// This many minutes before detection.
    BeforeDetection(u16),
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        16 => (0u16..=1000).prop_map(When::Within),
        1 => Just(When::Within(0)),
        1 => Just(When::Within(1000)),
        1 => (1u16..600).prop_map(When::Future),
        1 => (1u16..600).prop_map(When::BeforeDetection),
    ]
}

/// A generated command before its clock is fixed: its time fields hold a placeholder
/// that [`retime`] replaces once the command's time is known.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    command: Command,
    when: When,
    minutes: u16,
    nanos: u32,
    actor: &'static str,
}

/// The sub-second part of a clock step: mostly none, else milli-, micro- or nanoseconds
/// (RFC 3339 strings then carry 3, 6 or 9 fraction digits).
fn nanos() -> impl Strategy<Value = u32> {
    prop_oneof![
        6 => Just(0u32),
        1 => (1u32..1000).prop_map(|ms| ms * 1_000_000),
        1 => (1u32..1_000_000).prop_map(|us| us * 1_000),
        1 => 1u32..1_000_000_000,
    ]
}

fn raw(
    command: impl Strategy<Value = Command>,
    when: impl Strategy<Value = When>,
) -> impl Strategy<Value = Raw> {
    (command, when, 1u16..=180, nanos(), select(&ACTORS[..])).prop_map(
        |(command, when, minutes, nanos, actor)| Raw {
            command,
            when,
            minutes,
            nanos,
            actor,
        },
    )
}

/// Replaces the placeholder times of `command` according to `when`.
pub(crate) fn retime(
    command: &mut Command,
    when: When,
    detected: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    let span = (now - detected).num_seconds().max(0);
    let pick = match when {
        When::Within(f) => detected + Duration::seconds(span * i64::from(f) / 1000),
        When::Future(m) => now + Duration::minutes(i64::from(m)),
        When::BeforeDetection(m) => detected - Duration::minutes(i64::from(m)),
    };
    // Due dates may lie anywhere; start times must lie before detection.
    let due = match when {
        When::Within(f) => now + Duration::hours(i64::from(f) - 200),
        When::Future(m) | When::BeforeDetection(m) => now + Duration::minutes(i64::from(m)),
    };
    // Payments: a little before now (sometimes before the settlement), or out of range.
    let paid = match when {
        When::Within(f) => now - Duration::seconds(i64::from(f) / 10),
        When::Future(m) => now + Duration::minutes(i64::from(m)),
        When::BeforeDetection(m) => detected - Duration::minutes(i64::from(m)),
    };
    let occurred = match when {
        When::Within(f) => detected - Duration::minutes(i64::from(f)),
        When::Future(m) => now + Duration::minutes(i64::from(m)),
        // After detection: the occurrence guard's time-order violation.
        When::BeforeDetection(m) => detected + Duration::minutes(i64::from(m)),
    };
    match command {
        Command::RecordOccurrence { occurred_at, .. } => *occurred_at = occurred,
        Command::RecordMilestone { at: Some(t), .. }
        | Command::RecordDetermination {
            determined_at: Some(t),
            ..
        }
        | Command::RecordGrade {
            graded_at: Some(t), ..
        }
        | Command::RecordFiling {
            submitted_at: Some(t),
            ..
        } => *t = pick,
        Command::RecordClockAlerts { alerts } => {
            for alert in alerts {
                alert.at = pick;
                alert.due_at = match alert.kind {
                    regulation::AlertKind::Reminder { .. } => pick + Duration::hours(1),
                    regulation::AlertKind::Missed => pick,
                };
            }
        }
        Command::AddEvidence(new) => new.collected_at = pick,
        Command::RecordCustody(record) => record.entry.at = pick,
        Command::AddAction(NewAction { due: Some(d), .. })
        | Command::UpdateAction(ActionChanges { due: Some(d), .. }) => *d = due,
        Command::CompleteAction {
            completed_at: Some(t),
            ..
        }
        | Command::RecordNoticeSent {
            sent_at: Some(t), ..
        }
        | Command::Contain {
            contained_at: Some(t),
        }
        | Command::RecordInquiry {
            received_at: Some(t),
            ..
        }
        | Command::RespondToInquiry {
            responded_at: Some(t),
            ..
        }
        | Command::ResolveInquiry {
            resolved_at: Some(t),
            ..
        } => *t = pick,
        Command::RecordSurveyResponse(response) => response.received_at = pick,
        Command::RecordClaimPaid {
            paid_at: Some(t), ..
        } => *t = paid,
        _ => {}
    }
}

fn assemble(declare: Declare, raws: Vec<Raw>) -> Scenario {
    let detected = declare.detected_at.unwrap();
    let mut now = base();
    let steps = raws
        .into_iter()
        .map(|mut raw| {
            now += Duration::minutes(i64::from(raw.minutes))
                + Duration::nanoseconds(i64::from(raw.nanos));
            retime(&mut raw.command, raw.when, detected, now);
            Step {
                at: now,
                actor: actor(raw.actor),
                command: raw.command,
            }
        })
        .collect();
    Scenario {
        declare,
        declared_by: actor("soc.oncall"),
        declared_at: base(),
        steps,
    }
}

/// A declaration, then stages of random commands each followed by the recipe for the
/// next transition (up to Closed), sometimes a dismissal, then more random commands.
pub(crate) fn scenario() -> impl Strategy<Value = Scenario> {
    scenario_with(0..3, 0..5, 0..5)
}

/// As [`scenario`], with the number of notes added first (they always succeed), of random
/// commands per stage and of random commands at the end.
pub(crate) fn scenario_with(
    leading_notes: std::ops::Range<usize>,
    noise_per_stage: std::ops::Range<usize>,
    trailing: std::ops::Range<usize>,
) -> impl Strategy<Value = Scenario> {
    let notes = vec(
        raw(words().prop_map(|text| Command::AddNote { text }), when()),
        leading_notes,
    );
    // Boxed parts keep value trees on the heap: the unboxed tuple's trees are large
    // enough to overflow a test thread's stack in debug builds.
    let recipes = (
        contain_recipe().boxed(),
        disclose_recipe().boxed(),
        remediate_recipe().boxed(),
        review_recipe().boxed(),
        close_recipe().boxed(),
    )
        .boxed();
    let dismissal = option::weighted(
        0.12,
        (
            0usize..=1,
            raw(
                text(MAX_LONG).prop_map(|rationale| Command::Dismiss { rationale }),
                when(),
            ),
        ),
    );
    // Random commands alone rarely line up a response behind its inquiry: half the runs
    // also get a customer's inquiry answered and resolved and a survey, in one stage.
    // Boxed: its value tree lives on the heap, so generation stays within a debug test
    // thread's stack (see tests/tamper.rs).
    let feedback = option::weighted(0.5, (0usize..5, feedback_recipe())).boxed();
    (
        (declare().boxed(), notes.boxed()).boxed(),
        select(vec![0usize, 1, 2, 3, 4, 5, 5, 5]),
        vec(vec(raw_command(), noise_per_stage), 5).boxed(),
        recipes,
        dismissal.boxed(),
        vec(raw_command(), trailing).boxed(),
        feedback,
    )
        .prop_map(
            |((declare, notes), depth, noise, recipes, dismissal, trailing, feedback)| {
                let (contain, disclose, remediate, review, close) = recipes;
                let recipes = [contain, disclose, remediate, review, close];
                let depth = match &dismissal {
                    Some((stage, _)) => depth.min(*stage),
                    None => depth,
                };
                let mut raws = notes;
                let (feedback_stage, feedback) = feedback.unwrap_or((usize::MAX, Vec::new()));
                for (stage, (noise, recipe)) in noise.into_iter().zip(recipes).enumerate() {
                    raws.extend(noise);
                    if stage == feedback_stage {
                        raws.extend(feedback.clone());
                    }
                    if stage < depth {
                        raws.extend(recipe);
                    }
                }
                if let Some((_, dismiss)) = dismissal {
                    raws.push(dismiss);
                }
                raws.extend(trailing);
                assemble(declare, raws)
            },
        )
}

pub(crate) fn declare() -> impl Strategy<Value = Declare> {
    (
        select(IncidentKind::ALL.to_vec()),
        select(severities()),
        select(detection_sources()),
        select(&ACTORS[..]),
        option::of(0i64..600),
        any::<bool>(),
        option::of(words()),
    )
        .prop_map(
            |(kind, severity, source, owner, occurred, exercise, summary)| {
                let mut declare = Declare::new(incident_id(), kind, "Customer records exfiltrated")
                    .detection(source, detected_at())
                    .severity(severity)
                    .severity_reason("set by the on-call lead at triage")
                    .owner(actor(owner))
                    .exercise(exercise);
                if let Some(minutes) = occurred {
                    declare = declare.occurred_at(detected_at() - Duration::minutes(minutes), true);
                }
                if let Some(summary) = summary {
                    declare = declare.summary(summary);
                }
                declare
            },
        )
}

// --- vocabularies --------------------------------------------------------------------

pub(crate) fn severities() -> Vec<Severity> {
    vec![
        Severity::Sev1,
        Severity::Sev2,
        Severity::Sev3,
        Severity::Sev4,
    ]
}

pub(crate) fn detection_sources() -> Vec<DetectionSource> {
    vec![
        DetectionSource::Monitoring,
        DetectionSource::LogReview,
        DetectionSource::NetworkTraffic,
        DetectionSource::CustomerReport,
        DetectionSource::ThirdParty,
        DetectionSource::LawEnforcement,
    ]
}

pub(crate) fn roles() -> Vec<Role> {
    vec![
        Role::Owner,
        Role::CommsLead,
        Role::Legal,
        Role::CustomerLiaison,
    ]
}

pub(crate) fn message_kinds() -> Vec<MessageKind> {
    vec![
        MessageKind::InitialNotice,
        MessageKind::Update,
        MessageKind::HoldingStatement,
        MessageKind::RegulatorReport,
        MessageKind::IdentityTheftGuide,
        MessageKind::Faq,
        MessageKind::ResolutionNotice,
        MessageKind::Survey,
    ]
}

pub(crate) fn audiences() -> Vec<Audience> {
    vec![
        Audience::AffectedCustomers,
        Audience::AllCustomers,
        Audience::Regulators,
        Audience::LawEnforcement,
        Audience::Media,
        Audience::Employees,
        Audience::Partners,
        Audience::BoardAndInvestors,
    ]
}

pub(crate) fn customer_audiences() -> Vec<Audience> {
    vec![Audience::AffectedCustomers, Audience::AllCustomers]
}

pub(crate) fn channels() -> Vec<Channel> {
    vec![
        Channel::Email,
        Channel::Sms,
        Channel::InApp,
        Channel::WebsiteNotice,
        Channel::Hotline,
        Channel::OnlineChat,
        Channel::SocialMedia,
        Channel::PressRelease,
        Channel::Letter,
        Channel::RegulatorPortal,
    ]
}

pub(crate) fn inquiry_topics() -> Vec<InquiryTopic> {
    InquiryTopic::ALL.to_vec()
}

pub(crate) fn content_elements() -> Vec<ContentElement> {
    vec![
        ContentElement::OccurredAt,
        ContentElement::HowDiscovered,
        ContentElement::AffectedScope,
        ContentElement::DataCategories,
        ContentElement::MeasuresTaken,
        ContentElement::SecurityImprovements,
        ContentElement::WhatToDo,
        ContentElement::CompensationOffer,
        ContentElement::ContactPoints,
        ContentElement::NextUpdateTime,
        ContentElement::Apology,
    ]
}

pub(crate) fn action_kinds() -> Vec<ActionKind> {
    vec![
        ActionKind::Containment,
        ActionKind::Remediation,
        ActionKind::Prevention,
    ]
}

pub(crate) fn measures() -> Vec<Measure> {
    vec![
        Measure::IsolateSystems,
        Measure::RevokeCredentials,
        Measure::FreezeAccounts,
        Measure::BlockIndicators,
        Measure::Patching,
        Measure::MultiFactorAuthentication,
        Measure::StaffTraining,
    ]
}

pub(crate) fn custody_actions() -> Vec<CustodyAction> {
    vec![
        CustodyAction::Collected,
        CustodyAction::Transferred,
        CustodyAction::Accessed,
        CustodyAction::Analyzed,
        CustodyAction::Copied,
        CustodyAction::Sealed,
        CustodyAction::Released,
        CustodyAction::Destroyed,
    ]
}

pub(crate) fn finding_kinds() -> Vec<FindingKind> {
    vec![
        FindingKind::RootCause,
        FindingKind::ContributingFactor,
        FindingKind::WentWell,
        FindingKind::WentPoorly,
    ]
}

pub(crate) fn root_causes() -> Vec<RootCause> {
    vec![
        RootCause::PhishingSocialEngineering,
        RootCause::UnpatchedVulnerability,
        RootCause::Misconfiguration,
        RootCause::CredentialStuffing,
        RootCause::Insider,
        RootCause::ThirdPartySupplyChain,
        RootCause::Unknown,
    ]
}

pub(crate) fn loss_varieties() -> Vec<LossVariety> {
    vec![
        LossVariety::AssetAndFraud,
        LossVariety::BrandDamage,
        LossVariety::LegalAndRegulatory,
        LossVariety::ResponseAndRecovery,
    ]
}

// --- values --------------------------------------------------------------------------

/// Characters for free text: JSON escapes, multi-byte UTF-8 and control characters, so
/// that encodings (and byte-level tampering) meet them.
static TEXT_CHARS: [char; 26] = [
    'a', 'b', 'c', 'x', 'y', 'z', 'E', 'Q', ' ', ' ', '.', ',', '-', '\'', '"', '\\', 'é', '€',
    '😀', '\t', '\n', '\u{1}', '\u{1f}', '/', '0', '7',
];

/// Non-blank text that starts with a letter.
pub(crate) fn words() -> impl Strategy<Value = String> {
    ("[a-z]{1,6}", vec(select(&TEXT_CHARS[..]), 0..16))
        .prop_map(|(head, tail)| head + &tail.into_iter().collect::<String>())
}

/// Free text for a field with `max` characters: mostly valid, sometimes empty, blank or
/// one character too long.
pub(crate) fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        24 => words(),
        1 => Just(String::new()),
        1 => Just(" \t ".to_owned()),
        1 => Just("y".repeat(max + 1)),
    ]
}

fn label<T: 'static + std::fmt::Debug>(
    pool: &'static [&'static str],
    make: fn(&str) -> T,
) -> impl Strategy<Value = T> {
    select(pool).prop_map(make)
}

pub(crate) fn action_id() -> impl Strategy<Value = ActionId> {
    label(&ACTION_IDS, |s| ActionId::new(s).unwrap())
}

pub(crate) fn notice_id() -> impl Strategy<Value = NoticeId> {
    label(&NOTICE_IDS, |s| NoticeId::new(s).unwrap())
}

pub(crate) fn evidence_id() -> impl Strategy<Value = EvidenceId> {
    label(&EVIDENCE_IDS, |s| EvidenceId::new(s).unwrap())
}

pub(crate) fn finding_id() -> impl Strategy<Value = FindingId> {
    label(&FINDING_IDS, |s| FindingId::new(s).unwrap())
}

pub(crate) fn program_id() -> impl Strategy<Value = ProgramId> {
    label(&PROGRAM_IDS, |s| ProgramId::new(s).unwrap())
}

pub(crate) fn inquiry_id() -> impl Strategy<Value = InquiryId> {
    label(&INQUIRY_IDS, |s| InquiryId::new(s).unwrap())
}

pub(crate) fn survey_response_id() -> impl Strategy<Value = SurveyResponseId> {
    label(&SURVEY_IDS, |s| SurveyResponseId::new(s).unwrap())
}

pub(crate) fn claim_id() -> impl Strategy<Value = ClaimId> {
    label(&CLAIM_IDS, |s| ClaimId::new(s).unwrap())
}

pub(crate) fn customer() -> impl Strategy<Value = CustomerRef> {
    label(&CUSTOMERS, |s| CustomerRef::new(s).unwrap())
}

/// A survey response with a placeholder time: mostly on the scales, now and then off
/// them or without any score (guard violations).
pub(crate) fn survey_response() -> impl Strategy<Value = SurveyResponse> {
    let csat = prop_oneof![9 => option::of(1u8..=5), 1 => prop_oneof![Just(0u8), 6u8..=u8::MAX].prop_map(Some)];
    let nps = prop_oneof![9 => option::of(0u8..=10), 1 => (11u8..=u8::MAX).prop_map(Some)];
    (survey_response_id(), csat, nps, option::of(text(MAX_LONG))).prop_map(
        |(id, csat, nps, comment)| SurveyResponse {
            id,
            csat,
            nps,
            comment,
            received_at: placeholder(),
        },
    )
}

/// The pins of the two reference policies (both in CNY).
pub(crate) fn pins() -> Vec<PolicyPin> {
    vec![
        reference_securities_policy().pin().unwrap(),
        reference_platform_policy().pin().unwrap(),
    ]
}

fn cny(minor: i64) -> Money {
    Money::from_minor(minor, Currency::CNY)
}

/// A claim amount: mostly valid CNY, sometimes negative or in another currency.
fn claim_money() -> BoxedStrategy<Money> {
    prop_oneof![
        12 => (0i64..2_000_000).prop_map(cny),
        1 => (-500i64..0).prop_map(cny),
        1 => (0i64..1_000).prop_map(|m| Money::from_minor(m, Currency::USD)),
    ]
    .boxed()
}

/// A program budget: none, ample, tight (settlements soon exceed it), or invalid.
fn budget() -> BoxedStrategy<Option<Money>> {
    prop_oneof![
        4 => Just(None),
        4 => (100_000_000i64..1_000_000_000).prop_map(|m| Some(cny(m))),
        2 => (1i64..1_500_000).prop_map(|m| Some(cny(m))),
        1 => (-100i64..=0).prop_map(|m| Some(cny(m))),
        1 => Just(Some(Money::from_minor(1_000_000, Currency::USD))),
    ]
    .boxed()
}

/// Services offered alongside a settlement: mostly valid, sometimes cash or 0 months.
fn service() -> BoxedStrategy<Remedy> {
    prop_oneof![
        2 => (1u16..=24).prop_map(|months| Remedy::CreditMonitoring { months }),
        2 => (1u16..=12).prop_map(|months| Remedy::FeeWaiver { months }),
        1 => (1i64..100_000_000, 1u16..=24).prop_map(|(c, months)| {
            Remedy::IdentityTheftInsurance { coverage: cny(c), months }
        }),
        1 => Just(Remedy::AssistedPasswordReset),
        1 => Just(Remedy::AccountFreeze),
        1 => Just(Remedy::NegotiatedSettlement),
        1 => (1i64..10_000).prop_map(|a| Remedy::Goodwill { amount: cny(a) }),
        1 => Just(Remedy::CreditMonitoring { months: 0 }),
    ]
    .boxed()
}

/// What a policy might have granted (any remedy).
fn granted() -> BoxedStrategy<Remedy> {
    prop_oneof![
        service(),
        (1u32..=10_000).prop_map(|share_bps| Remedy::Reimburse {
            share_bps,
            cap: None
        }),
    ]
    .boxed()
}

fn assessment(policies: Vec<PolicyRef>) -> BoxedStrategy<ClaimAssessment> {
    (
        select(policies),
        claim_money(),
        vec(granted(), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(policy, cash, remedies, needs_manual_review)| ClaimAssessment {
                policy,
                cash,
                remedies,
                needs_manual_review,
            },
        )
        .boxed()
}

fn response() -> BoxedStrategy<ClaimResponse> {
    prop_oneof![
        3 => Just(ClaimResponse::Accepted),
        2 => (claim_money(), option::of(text(MAX_SHORT)))
            .prop_map(|(amount, note)| ClaimResponse::Countered { amount, note }),
    ]
    .boxed()
}

pub(crate) fn person() -> impl Strategy<Value = ActorId> {
    label(&ACTORS, actor)
}

/// A placeholder time, replaced by [`retime`].
fn milestone() -> impl Strategy<Value = regulation::Milestone> {
    use regulation::Milestone::*;
    select(vec![
        Awareness,
        HandlingEnded,
        ActivitiesRecovered,
        ExtortionPaymentMade,
        InformationAvailable,
        AssessmentCompleted,
    ])
}

fn cn_grade() -> impl Strategy<Value = regulation::CnGrade> {
    use regulation::CnGrade::*;
    select(vec![General, RelativelyMajor, Major, ExtremelyMajor])
}

fn fact_name() -> impl Strategy<Value = FactName> {
    select(vec![
        "major_incident",
        "material",
        "high_risk",
        "significant_incident",
    ])
    .prop_map(|s| FactName::new(s).unwrap())
}

fn regime_id() -> impl Strategy<Value = RegimeId> {
    select(vec!["eu-dora", "eu-gdpr", "cn-cac-incident-reporting"])
        .prop_map(|s| RegimeId::new(s).unwrap())
}

fn report_id() -> impl Strategy<Value = ReportId> {
    select(vec!["initial", "intermediate", "final"]).prop_map(|s| ReportId::new(s).unwrap())
}

fn clock_alert() -> impl Strategy<Value = regulation::ClockAlert> {
    (
        regime_id(),
        report_id(),
        prop_oneof![
            3 => select(vec![5_000u16, 8_000]).prop_map(|fraction_bp| regulation::AlertKind::Reminder { fraction_bp }),
            1 => Just(regulation::AlertKind::Missed),
        ],
    )
        .prop_map(|(regime, report, kind)| regulation::ClockAlert {
            regime,
            report,
            kind,
            due_at: placeholder(),
            at: placeholder(),
        })
}

fn fact() -> impl Strategy<Value = Fact> {
    (
        select(vec![
            "occurred_at",
            "contact_points",
            "ioc.c2_address",
            "measures_taken",
        ]),
        prop_oneof![
            Just(FactValue::Literal {
                value: "95566".into()
            }),
            Just(
                FactValue::text(Locale::En, "We froze the affected accounts")
                    .and(Locale::ZhCn, "我们已冻结受影响账户")
            ),
            Just(FactValue::Text {
                by_locale: Default::default()
            }),
            Just(FactValue::Count { n: 1_200 }),
        ],
        select(vec![
            Sensitivity::Public,
            Sensitivity::Customers,
            Sensitivity::Restricted,
            Sensitivity::Internal,
        ]),
        option::of(Just(ContentElement::ContactPoints)),
    )
        .prop_map(|(key, value, sensitivity, element)| Fact {
            key: FactKey::new(key).unwrap(),
            value,
            sensitivity,
            element,
        })
}

fn placeholder() -> DateTime<Utc> {
    base()
}

fn money() -> impl Strategy<Value = Money> {
    // Mostly positive; a negative amount is a guard violation.
    prop_oneof![9 => 0i64..10_000_000, 1 => -500i64..0]
        .prop_map(|minor| Money::from_minor(minor, Currency::CNY))
}

fn content_digest() -> impl Strategy<Value = ContentDigest> {
    any::<[u8; 32]>().prop_map(|bytes| {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        ContentDigest::new(DigestAlgorithm::Sha256, hex).unwrap()
    })
}

pub(crate) fn impact_update() -> impl Strategy<Value = ImpactUpdate> {
    let sets = (
        option::of(btree_set(select(DataCategory::ALL.to_vec()), 0..3)),
        option::of(btree_set(
            label(&SYSTEMS, |s| SystemName::new(s).unwrap()),
            0..3,
        )),
        option::of(btree_set(
            label(&JURISDICTIONS, |s| Jurisdiction::new(s).unwrap()),
            0..3,
        )),
        option::of(vec(
            (select(loss_varieties()), option::of(money()))
                .prop_map(|(variety, amount)| Loss { variety, amount }),
            0..3,
        )),
    );
    (
        option::weighted(0.3, 0u64..200_000),
        option::weighted(0.3, 0u64..50_000),
        option::weighted(0.3, 0u64..1_000_000),
        option::weighted(0.3, money()),
        sets,
    )
        .prop_map(|(estimated, confirmed, records, funds, sets)| {
            let (categories, systems, jurisdictions, losses) = sets;
            let mut update = ImpactUpdate::default();
            if let Some(n) = estimated {
                update = update.people_estimated(n);
            }
            if let Some(n) = confirmed {
                update = update.people_confirmed(n);
            }
            if let Some(n) = records {
                update = update.records(n);
            }
            if let Some(m) = funds {
                update = update.funds_involved(m);
            }
            if let Some(c) = categories {
                update = update.data_categories(c);
            }
            if let Some(s) = systems {
                update = update.systems(s);
            }
            if let Some(j) = jurisdictions {
                update = update.jurisdictions(j);
            }
            if let Some(l) = losses {
                update = update.losses(l);
            }
            update
        })
}

/// A notice draft; `complete` drafts carry every required element (plus extras).
pub(crate) fn notice_draft(
    id: impl Strategy<Value = NoticeId>,
    kinds: Vec<MessageKind>,
    audiences: Vec<Audience>,
    complete_weight: u32,
) -> impl Strategy<Value = NoticeDraft> {
    (
        id,
        select(kinds),
        select(audiences),
        prop_oneof![
            9 => btree_set(select(channels()), 1..3),
            // Recipes (which weigh completeness heavily) always name a channel.
            u32::from(complete_weight < 10) => Just(BTreeSet::new()),
        ],
        prop_oneof![complete_weight => Just(true), 1 => Just(false)],
        btree_set(select(content_elements()), 0..4),
        (
            btree_set(
                select(vec![
                    "occurred_at",
                    "contact_points",
                    "ioc.c2_address",
                    "detected_at",
                ])
                .prop_map(|k| FactKey::new(k).unwrap()),
                0..2,
            ),
            option::weighted(
                0.3,
                select(vec![
                    "customer-initial",
                    "media-holding",
                    "customer-updates",
                ])
                .prop_map(|p| PlanItemId::new(p).unwrap()),
            ),
        ),
    )
        .prop_map(
            move |(notice_id, kind, audience, channels, complete, extras, (facts, plan_item))| {
                let mut elements = extras;
                if complete {
                    elements.extend(required_elements(kind, audience).iter().copied());
                }
                // Recipes (which weigh completeness heavily) draft clean, unplanned notices.
                let noise = complete_weight < 10;
                NoticeDraft {
                    notice_id,
                    kind,
                    audience,
                    channels,
                    elements,
                    facts: if noise { facts } else { BTreeSet::new() },
                    plan_item: plan_item.filter(|_| noise),
                }
            },
        )
}

pub(crate) fn new_action(
    kind: impl Strategy<Value = ActionKind>,
) -> impl Strategy<Value = NewAction> {
    new_action_with(action_id(), kind)
}

/// An id from the pool or, for recipes, sometimes one of their own (so that a recipe is
/// not always spoilt by what random commands did with the pooled ids).
fn pooled_or<T: Clone + std::fmt::Debug + 'static>(
    pooled: impl Strategy<Value = T> + 'static,
    own: T,
) -> impl Strategy<Value = T> {
    prop_oneof![1 => pooled.boxed(), 3 => Just(own).boxed()]
}

fn new_action_with(
    id: impl Strategy<Value = ActionId>,
    kind: impl Strategy<Value = ActionKind>,
) -> impl Strategy<Value = NewAction> {
    (
        id,
        kind,
        text(MAX_TITLE),
        option::of(person()),
        option::of(Just(placeholder())),
        option::of(select(measures())),
    )
        .prop_map(|(action_id, kind, title, owner, due, measure)| NewAction {
            action_id,
            kind,
            title,
            owner,
            due,
            measure,
        })
}

pub(crate) fn finding() -> impl Strategy<Value = Finding> {
    (
        finding_id(),
        select(finding_kinds()),
        option::of(select(root_causes())),
        text(MAX_LONG),
        vec(evidence_id(), 0..2),
    )
        .prop_map(
            |(finding_id, kind, root_cause, summary, evidence)| Finding {
                finding_id,
                kind,
                root_cause,
                summary,
                evidence,
            },
        )
}

fn disclosure_basis() -> impl Strategy<Value = DisclosureBasis> {
    prop_oneof![
        notice_id().prop_map(|notice_id| DisclosureBasis::PublicNotice { notice_id }),
        text(MAX_SHORT).prop_map(|legal_basis| DisclosureBasis::NotRequired { legal_basis }),
    ]
}

/// Any command, every variant, with placeholder times.
pub(crate) fn command() -> impl Strategy<Value = Command> {
    let arms: Vec<(u32, BoxedStrategy<Command>)> = vec![
        (
            3,
            (select(severities()), text(MAX_SHORT))
                .prop_map(|(severity, reason)| Command::ChangeSeverity { severity, reason })
                .boxed(),
        ),
        (
            2,
            (select(IncidentKind::ALL.to_vec()), text(MAX_SHORT))
                .prop_map(|(kind, reason)| Command::Reclassify { kind, reason })
                .boxed(),
        ),
        (
            3,
            (impact_update(), option::of(text(MAX_SHORT)))
                .prop_map(|(update, reason)| Command::UpdateImpact { update, reason })
                .boxed(),
        ),
        (
            2,
            any::<bool>()
                .prop_map(|estimated| Command::RecordOccurrence {
                    occurred_at: placeholder(),
                    estimated,
                })
                .boxed(),
        ),
        (
            6,
            (select(roles()), person())
                .prop_map(|(role, person)| Command::AssignRole { role, person })
                .boxed(),
        ),
        (
            6,
            select(roles())
                .prop_map(|role| Command::UnassignRole { role })
                .boxed(),
        ),
        (
            2,
            option::of(label(&SUB_STATUSES, |s| SubStatus::new(s).unwrap()))
                .prop_map(|sub_status| Command::SetSubStatus { sub_status })
                .boxed(),
        ),
        (
            4,
            (
                evidence_id(),
                text(MAX_SHORT),
                person(),
                text(MAX_SHORT),
                option::of(content_digest()),
            )
                .prop_map(
                    |(evidence_id, description, collected_by, location, digest)| {
                        Command::AddEvidence(NewEvidence {
                            evidence_id,
                            description,
                            collected_by,
                            collected_at: placeholder(),
                            location,
                            digest,
                        })
                    },
                )
                .boxed(),
        ),
        (
            4,
            (
                evidence_id(),
                select(custody_actions()),
                person(),
                text(MAX_SHORT),
                option::of(content_digest()),
                option::of(text(MAX_SHORT)),
            )
                .prop_map(|(evidence_id, action, by, location, digest, note)| {
                    Command::RecordCustody(CustodyRecord {
                        evidence_id,
                        entry: CustodyEntry {
                            action,
                            by,
                            at: placeholder(),
                            location,
                            digest,
                            note,
                        },
                    })
                })
                .boxed(),
        ),
        (
            6,
            new_action(select(action_kinds()))
                .prop_map(Command::AddAction)
                .boxed(),
        ),
        (
            3,
            (
                action_id(),
                option::of(text(MAX_TITLE)),
                option::of(person()),
                option::of(Just(placeholder())),
            )
                .prop_map(|(action_id, title, owner, due)| {
                    Command::UpdateAction(ActionChanges {
                        action_id,
                        title,
                        owner,
                        due,
                    })
                })
                .boxed(),
        ),
        (
            3,
            action_id()
                .prop_map(|action_id| Command::StartAction { action_id })
                .boxed(),
        ),
        (
            5,
            (
                action_id(),
                option::of(Just(placeholder())),
                option::of(text(MAX_SHORT)),
            )
                .prop_map(
                    |(action_id, completed_at, outcome)| Command::CompleteAction {
                        action_id,
                        completed_at,
                        outcome,
                    },
                )
                .boxed(),
        ),
        (
            2,
            (action_id(), text(MAX_SHORT))
                .prop_map(|(action_id, reason)| Command::DeferAction { action_id, reason })
                .boxed(),
        ),
        (
            3,
            text(MAX_LONG)
                .prop_map(|text| Command::AddNote { text })
                .boxed(),
        ),
        (
            2,
            (milestone(), option::of(Just(placeholder())))
                .prop_map(|(milestone, at)| Command::RecordMilestone { milestone, at })
                .boxed(),
        ),
        (
            2,
            (
                fact_name(),
                any::<bool>(),
                option::of(Just(placeholder())),
                text(MAX_SHORT),
            )
                .prop_map(
                    |(fact, value, determined_at, basis)| Command::RecordDetermination {
                        fact,
                        value,
                        determined_at,
                        basis,
                    },
                )
                .boxed(),
        ),
        (
            1,
            (cn_grade(), option::of(Just(placeholder())), text(MAX_SHORT))
                .prop_map(|(grade, graded_at, basis)| Command::RecordGrade {
                    grade,
                    graded_at,
                    basis,
                })
                .boxed(),
        ),
        (
            2,
            (
                regime_id(),
                report_id(),
                option::of(Just(placeholder())),
                option::of(text(MAX_TITLE)),
            )
                .prop_map(
                    |(regime, report, submitted_at, reference)| Command::RecordFiling {
                        regime,
                        report,
                        submitted_at,
                        reference,
                    },
                )
                .boxed(),
        ),
        (
            1,
            vec(clock_alert(), 0..3)
                .prop_map(|alerts| Command::RecordClockAlerts { alerts })
                .boxed(),
        ),
        // The timer: the driver fills it with what the incident's timer says is due.
        (
            2,
            Just(Command::RecordOverdue {
                overdue: Vec::new(),
            })
            .boxed(),
        ),
        (
            1,
            (
                inquiry_id(),
                select(channels()),
                select(inquiry_topics()),
                option::of(customer()),
                option::of(Just(placeholder())),
            )
                .prop_map(|(inquiry_id, channel, topic, customer, received_at)| {
                    Command::RecordInquiry {
                        inquiry_id,
                        channel,
                        topic,
                        customer,
                        received_at,
                    }
                })
                .boxed(),
        ),
        (
            1,
            (inquiry_id(), option::of(Just(placeholder())))
                .prop_map(|(inquiry_id, responded_at)| Command::RespondToInquiry {
                    inquiry_id,
                    responded_at,
                })
                .boxed(),
        ),
        (
            1,
            (
                inquiry_id(),
                option::of(Just(placeholder())),
                option::of(text(MAX_SHORT)),
            )
                .prop_map(|(inquiry_id, resolved_at, note)| Command::ResolveInquiry {
                    inquiry_id,
                    resolved_at,
                    note,
                })
                .boxed(),
        ),
        (
            1,
            survey_response()
                .prop_map(Command::RecordSurveyResponse)
                .boxed(),
        ),
        (
            5,
            notice_draft(notice_id(), message_kinds(), audiences(), 3)
                .prop_map(Command::DraftNotice)
                .boxed(),
        ),
        (
            4,
            notice_id()
                .prop_map(|notice_id| Command::ApproveNotice { notice_id })
                .boxed(),
        ),
        (
            3,
            (notice_id(), option::of(Just(placeholder())))
                .prop_map(|(notice_id, sent_at)| Command::RecordNoticeSent { notice_id, sent_at })
                .boxed(),
        ),
        (
            1,
            (notice_id(), text(MAX_SHORT))
                .prop_map(|(notice_id, reason)| Command::CancelNotice { notice_id, reason })
                .boxed(),
        ),
        (2, fact().prop_map(Command::RecordFact).boxed()),
        (
            1,
            prop_oneof![
                3 => Just(CommsPlan::reference()),
                1 => Just(CommsPlan::default()),
                1 => Just(CommsPlan { items: vec![CommsPlan::reference().items[0].clone(); 2], required_elements: None, ..CommsPlan::default() }),
            ]
            .prop_map(|plan| Command::AdoptCommsPlan { plan })
            .boxed(),
        ),
        (3, finding().prop_map(Command::RecordFinding).boxed()),
        (
            2,
            (program_id(), select(pins()), budget())
                .prop_map(
                    |(program_id, pin, budget)| Command::OpenCompensationProgram {
                        program_id,
                        pin,
                        budget,
                    },
                )
                .boxed(),
        ),
        (
            2,
            text(MAX_SHORT)
                .prop_map(|reason| Command::DeclareCompensationNotApplicable { reason })
                .boxed(),
        ),
        (
            2,
            (
                program_id(),
                claim_id(),
                customer(),
                assessment({
                    let mut policies: Vec<PolicyRef> =
                        pins().into_iter().map(|p| p.policy).collect();
                    policies.push(PolicyRef {
                        id: PolicyId::new("other").unwrap(),
                        version: 9,
                    });
                    policies
                }),
            )
                .prop_map(|(program_id, claim_id, customer, assessment)| {
                    Command::RecordClaimAssessment {
                        program_id,
                        claim_id,
                        customer,
                        assessment,
                    }
                })
                .boxed(),
        ),
        (
            2,
            (claim_id(), claim_money(), vec(service(), 0..3))
                .prop_map(|(claim_id, amount, remedies)| Command::OfferSettlement {
                    claim_id,
                    amount,
                    remedies,
                })
                .boxed(),
        ),
        (
            2,
            (claim_id(), response())
                .prop_map(|(claim_id, response)| Command::RecordClaimResponse {
                    claim_id,
                    response,
                })
                .boxed(),
        ),
        (
            1,
            claim_id()
                .prop_map(|claim_id| Command::SettleClaim { claim_id })
                .boxed(),
        ),
        (
            1,
            (
                claim_id(),
                option::of(Just(placeholder())),
                claim_money(),
                text(MAX_TITLE),
            )
                .prop_map(|(claim_id, paid_at, amount, payment_reference)| {
                    Command::RecordClaimPaid {
                        claim_id,
                        paid_at,
                        amount,
                        payment_reference,
                    }
                })
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, reason)| Command::EscalateClaim { claim_id, reason })
                .boxed(),
        ),
        (
            1,
            (claim_id(), text(MAX_SHORT))
                .prop_map(|(claim_id, reason)| Command::RejectClaim { claim_id, reason })
                .boxed(),
        ),
        (
            2,
            prop_oneof![4 => Just(Some(placeholder())), 1 => Just(None)]
                .prop_map(|contained_at| Command::Contain { contained_at })
                .boxed(),
        ),
        (
            2,
            disclosure_basis()
                .prop_map(|basis| Command::Disclose { basis })
                .boxed(),
        ),
        (2, Just(Command::Remediate).boxed()),
        (2, Just(Command::Review).boxed()),
        (2, Just(Command::Close).boxed()),
        (
            1,
            text(MAX_LONG)
                .prop_map(|rationale| Command::Dismiss { rationale })
                .boxed(),
        ),
    ];
    Union::new_weighted(arms)
}

fn raw_command() -> BoxedStrategy<Raw> {
    raw(command(), when()).boxed()
}

fn good_text() -> impl Strategy<Value = String> {
    words()
}

// --- recipes: commands that meet a transition's guard --------------------------------

/// A containment action added, maybe started, completed; then Contain.
fn contain_recipe() -> impl Strategy<Value = Vec<Raw>> {
    (
        new_action_with(
            pooled_or(action_id(), ActionId::new("AC").unwrap()),
            Just(ActionKind::Containment),
        ),
        good_text(),
        any::<bool>(),
        option::of(good_text()),
        edge_when(),
        edge_when(),
    )
        .prop_flat_map(
            |(mut action, title, start, outcome, complete_when, contain_when)| {
                action.title = title;
                let id = action.action_id.clone();
                let mut commands = vec![(Command::AddAction(action), When::Within(0))];
                if start {
                    commands.push((
                        Command::StartAction {
                            action_id: id.clone(),
                        },
                        When::Within(0),
                    ));
                }
                commands.push((
                    Command::CompleteAction {
                        action_id: id,
                        completed_at: Some(placeholder()),
                        outcome,
                    },
                    complete_when,
                ));
                commands.push((
                    Command::Contain {
                        contained_at: Some(placeholder()),
                    },
                    contain_when,
                ));
                with_clock(commands)
            },
        )
}

/// An approved complete initial notice to customers (maybe sent) and Disclose on it, or
/// Disclose with a legal basis.
fn disclose_recipe() -> impl Strategy<Value = Vec<Raw>> {
    let public = (
        notice_draft(
            pooled_or(notice_id(), NoticeId::new("NI").unwrap()),
            almost(MessageKind::InitialNotice, message_kinds()),
            almost_customers(),
            20,
        ),
        any::<bool>(),
    )
        .prop_flat_map(|(draft, send)| {
            let id = draft.notice_id.clone();
            let mut commands = vec![
                (Command::DraftNotice(draft), When::Within(0)),
                (
                    Command::ApproveNotice {
                        notice_id: id.clone(),
                    },
                    When::Within(0),
                ),
            ];
            if send {
                commands.push((
                    Command::RecordNoticeSent {
                        notice_id: id.clone(),
                        sent_at: None,
                    },
                    When::Within(0),
                ));
            }
            commands.push((
                Command::Disclose {
                    basis: DisclosureBasis::PublicNotice { notice_id: id },
                },
                When::Within(0),
            ));
            with_clock(commands)
        });
    let not_required = good_text().prop_flat_map(|legal_basis| {
        with_clock(vec![(
            Command::Disclose {
                basis: DisclosureBasis::NotRequired { legal_basis },
            },
            When::Within(0),
        )])
    });
    prop_oneof![3 => public, 1 => not_required]
}

/// How a negotiation recipe ends.
#[derive(Debug, Clone, Copy)]
enum Ending {
    /// Stop after the offers (the claim stays offered or countered).
    Open,
    Paid,
    Escalated,
    Rejected,
}

/// A claim negotiated under the program the recipe opened (pinned to `pin`): assessed,
/// offered, maybe countered and re-offered, then paid, escalated, rejected or left open.
fn negotiation(
    program_id: ProgramId,
    pin: PolicyPin,
) -> impl Strategy<Value = Vec<(Command, When)>> {
    (
        pooled_or(claim_id(), ClaimId::new("CLR").unwrap()),
        customer(),
        (
            0i64..1_000_000,
            0i64..2_000_000,
            1i64..2_000_000,
            0i64..2_000_000,
        ),
        vec(service(), 0..2),
        prop::bool::weighted(0.5),
        prop_oneof![
            1 => Just(Ending::Open),
            4 => Just(Ending::Paid),
            1 => Just(Ending::Escalated),
            1 => Just(Ending::Rejected),
        ],
        (option::of(Just(placeholder())), edge_when(), good_text()),
    )
        .prop_map(
            move |(claim_id, customer, amounts, services, counter, ending, payment)| {
                let (cash, first, asked, second) = amounts;
                let (paid_at, pay_when, reference) = payment;
                let now = When::Within(0);
                let mut steps = vec![
                    (
                        Command::RecordClaimAssessment {
                            program_id: program_id.clone(),
                            claim_id: claim_id.clone(),
                            customer,
                            assessment: ClaimAssessment {
                                policy: pin.policy.clone(),
                                cash: cny(cash),
                                remedies: vec![Remedy::NegotiatedSettlement],
                                needs_manual_review: true,
                            },
                        },
                        now,
                    ),
                    (
                        Command::OfferSettlement {
                            claim_id: claim_id.clone(),
                            amount: cny(first),
                            remedies: services,
                        },
                        now,
                    ),
                ];
                let mut agreed = first;
                if counter {
                    steps.push((
                        Command::RecordClaimResponse {
                            claim_id: claim_id.clone(),
                            response: ClaimResponse::Countered {
                                amount: cny(asked),
                                note: None,
                            },
                        },
                        now,
                    ));
                    steps.push((
                        Command::OfferSettlement {
                            claim_id: claim_id.clone(),
                            amount: cny(second.max(1)),
                            remedies: vec![],
                        },
                        now,
                    ));
                    agreed = second.max(1);
                }
                match ending {
                    Ending::Open => {}
                    Ending::Paid => {
                        steps.push((
                            Command::RecordClaimResponse {
                                claim_id: claim_id.clone(),
                                response: ClaimResponse::Accepted,
                            },
                            now,
                        ));
                        steps.push((
                            Command::SettleClaim {
                                claim_id: claim_id.clone(),
                            },
                            now,
                        ));
                        steps.push((
                            Command::RecordClaimPaid {
                                claim_id,
                                paid_at,
                                amount: cny(agreed),
                                payment_reference: reference,
                            },
                            pay_when,
                        ));
                    }
                    Ending::Escalated => steps.push((
                        Command::EscalateClaim {
                            claim_id,
                            reason: reference,
                        },
                        now,
                    )),
                    Ending::Rejected => steps.push((
                        Command::RejectClaim {
                            claim_id,
                            reason: reference,
                        },
                        now,
                    )),
                }
                steps
            },
        )
}

/// Compensation decided: a program opened (and usually a claim or two negotiated under
/// it), or compensation declared not applicable.
fn compensation_decision() -> impl Strategy<Value = Vec<(Command, When)>> {
    let opened =
        (program_id(), select(pins()), budget()).prop_flat_map(|(program_id, pin, budget)| {
            let open = Command::OpenCompensationProgram {
                program_id: program_id.clone(),
                pin: pin.clone(),
                budget,
            };
            vec(negotiation(program_id, pin).boxed(), 0..3).prop_map(move |claims| {
                let mut steps = vec![(open.clone(), When::Within(0))];
                steps.extend(claims.into_iter().flatten());
                steps
            })
        });
    prop_oneof![
        3 => opened.boxed(),
        1 => good_text().prop_map(|reason| {
            vec![(Command::DeclareCompensationNotApplicable { reason }, When::Within(0))]
        }).boxed(),
    ]
}

/// A remediation action settled, compensation decided; then Remediate.
fn remediate_recipe() -> impl Strategy<Value = Vec<Raw>> {
    (
        new_action_with(
            pooled_or(action_id(), ActionId::new("AR").unwrap()),
            Just(ActionKind::Remediation),
        ),
        good_text(),
        any::<bool>(),
        compensation_decision().boxed(),
    )
        .prop_flat_map(|(mut action, title, defer, compensation)| {
            action.title = title.clone();
            let action_id = action.action_id.clone();
            let settle = if defer {
                Command::DeferAction {
                    action_id,
                    reason: title,
                }
            } else {
                Command::CompleteAction {
                    action_id,
                    completed_at: None,
                    outcome: None,
                }
            };
            let mut commands = vec![
                (Command::AddAction(action), When::Within(0)),
                (settle, When::Within(0)),
            ];
            commands.extend(compensation);
            commands.push((Command::Remediate, When::Within(0)));
            with_clock(commands)
        })
}

/// A finding, maybe a prevention action of its own, the actions given an owner and a due
/// date (those that exist; now and then only one of the two), a resolution notice sent;
/// then Review.
fn review_recipe() -> impl Strategy<Value = Vec<Raw>> {
    let fix = prop_oneof![
        4 => Just((true, true)),
        1 => Just((true, false)),
        1 => Just((false, true)),
    ];
    (
        (finding(), good_text(), prop::bool::weighted(0.85)),
        option::of(new_action_with(
            Just(ActionId::new("AP").unwrap()),
            Just(ActionKind::Prevention),
        )),
        vec(fix, ACTION_IDS.len() + 1),
        notice_draft(
            pooled_or(notice_id(), NoticeId::new("NR").unwrap()),
            almost(MessageKind::ResolutionNotice, message_kinds()),
            almost_customers(),
            20,
        ),
        person(),
    )
        .prop_flat_map(
            |((mut finding, summary, with_finding), prevention, fixes, draft, owner)| {
                finding.summary = summary;
                finding.evidence.clear();
                let mut commands = Vec::new();
                if with_finding {
                    commands.push((Command::RecordFinding(finding), When::Within(0)));
                }
                if let Some(mut action) = prevention {
                    action.title = "enforce MFA for staff".into();
                    commands.push((Command::AddAction(action), When::Within(700)));
                }
                let ids = ACTION_IDS.into_iter().chain(["AP"]);
                for (id, (set_owner, set_due)) in ids.zip(fixes) {
                    commands.push((
                        Command::UpdateAction(ActionChanges {
                            action_id: ActionId::new(id).unwrap(),
                            title: None,
                            owner: set_owner.then(|| owner.clone()),
                            due: set_due.then(placeholder),
                        }),
                        When::Within(500),
                    ));
                }
                let id = draft.notice_id.clone();
                commands.push((Command::DraftNotice(draft), When::Within(0)));
                commands.push((
                    Command::ApproveNotice {
                        notice_id: id.clone(),
                    },
                    When::Within(0),
                ));
                commands.push((
                    Command::RecordNoticeSent {
                        notice_id: id,
                        sent_at: Some(placeholder()),
                    },
                    When::Within(1000),
                ));
                commands.push((Command::Review, When::Within(0)));
                with_clock(commands)
            },
        )
}

/// Mostly `value`, now and then any of `others` (a near miss for a guard).
fn almost<T: Clone + std::fmt::Debug + 'static>(value: T, others: Vec<T>) -> Vec<T> {
    let mut pool = vec![value; 10 * others.len()];
    pool.extend(others);
    pool
}

/// Mostly customers, now and then another audience.
fn almost_customers() -> Vec<Audience> {
    let mut pool = customer_audiences().repeat(5 * audiences().len());
    pool.extend(audiences());
    pool
}

/// A customer's inquiry on a feedback channel, answered, resolved, then a survey response
/// (now and then off the scales). Not a transition recipe: it runs inside a stage.
fn feedback_recipe() -> impl Strategy<Value = Vec<Raw>> {
    (
        inquiry_id(),
        select(vec![
            Channel::Hotline,
            Channel::OnlineChat,
            Channel::Email,
            Channel::SocialMedia,
        ]),
        select(inquiry_topics()),
        option::of(customer()),
        option::of(good_text()),
        survey_response(),
    )
        .prop_flat_map(|(inquiry_id, channel, topic, customer, note, survey)| {
            with_clock(vec![
                (
                    Command::RecordInquiry {
                        inquiry_id: inquiry_id.clone(),
                        channel,
                        topic,
                        customer,
                        received_at: None,
                    },
                    When::Within(0),
                ),
                (
                    Command::RespondToInquiry {
                        inquiry_id: inquiry_id.clone(),
                        responded_at: None,
                    },
                    When::Within(0),
                ),
                (
                    Command::ResolveInquiry {
                        inquiry_id,
                        resolved_at: None,
                        note,
                    },
                    When::Within(0),
                ),
                (Command::RecordSurveyResponse(survey), When::Within(1000)),
            ])
        })
}

fn close_recipe() -> impl Strategy<Value = Vec<Raw>> {
    with_clock(vec![(Command::Close, When::Within(0))])
}

/// Effective times for guard recipes: mostly valid, often exactly on a boundary
/// (detection or now), sometimes just outside.
fn edge_when() -> impl Strategy<Value = When> {
    prop_oneof![
        24 => (0u16..=1000).prop_map(When::Within),
        4 => Just(When::Within(0)),
        4 => Just(When::Within(1000)),
        1 => Just(When::Future(1)),
        1 => Just(When::BeforeDetection(1)),
    ]
}

/// Gives each command a random clock step and actor; one recipe in four leaves out some
/// ingredients (never the final transition), so that guards are met most of the time and
/// narrowly missed some of the time.
fn with_clock(commands: Vec<(Command, When)>) -> impl Strategy<Value = Vec<Raw>> {
    let n = commands.len();
    (
        vec((1u16..=120, nanos()), n),
        vec(select(&ACTORS[..]), n),
        prop_oneof![3 => Just(vec![true; n]), 1 => vec(prop::bool::weighted(0.7), n)],
    )
        .prop_map(move |(steps, actors, keep)| {
            let last = commands.len().saturating_sub(1);
            commands
                .iter()
                .cloned()
                .zip(steps)
                .zip(actors)
                .zip(keep)
                .enumerate()
                .filter(|(i, (_, keep))| *keep || *i == last)
                .map(
                    |(_, ((((command, when), (minutes, nanos)), actor), _))| Raw {
                        command,
                        when,
                        minutes,
                        nanos,
                        actor,
                    },
                )
                .collect()
        })
}

/// One command of every variant, each valid on its own (for checking that terminal
/// phases refuse everything).
pub(crate) fn one_of_each(at: DateTime<Utc>) -> Vec<Command> {
    let a1 = ActionId::new("A1").unwrap();
    let n1 = NoticeId::new("N1").unwrap();
    let e1 = EvidenceId::new("E1").unwrap();
    vec![
        Command::ChangeSeverity {
            severity: Severity::Sev1,
            reason: "scope grew".into(),
        },
        Command::Reclassify {
            kind: IncidentKind::FundsTheft,
            reason: "funds moved".into(),
        },
        Command::UpdateImpact {
            update: ImpactUpdate::default().people_estimated(123_456),
            reason: None,
        },
        Command::RecordOccurrence {
            occurred_at: detected_at() - Duration::hours(1),
            estimated: true,
        },
        Command::AssignRole {
            role: Role::Legal,
            person: actor("counsel"),
        },
        Command::UnassignRole {
            role: Role::CommsLead,
        },
        Command::SetSubStatus {
            sub_status: Some(SubStatus::new("late-work").unwrap()),
        },
        Command::AddEvidence(NewEvidence {
            evidence_id: EvidenceId::new("E-late").unwrap(),
            description: "memory dump".into(),
            collected_by: actor("li.wei"),
            collected_at: at,
            location: "locker 9".into(),
            digest: None,
        }),
        Command::RecordCustody(CustodyRecord {
            evidence_id: e1.clone(),
            entry: CustodyEntry {
                action: CustodyAction::Accessed,
                by: actor("li.wei"),
                at,
                location: "lab".into(),
                digest: None,
                note: None,
            },
        }),
        Command::AddAction(NewAction {
            action_id: ActionId::new("A-late").unwrap(),
            kind: ActionKind::Prevention,
            title: "rotate keys".into(),
            owner: None,
            due: None,
            measure: None,
        }),
        Command::UpdateAction(ActionChanges {
            action_id: a1.clone(),
            title: Some("renamed".into()),
            owner: None,
            due: None,
        }),
        Command::StartAction {
            action_id: a1.clone(),
        },
        Command::CompleteAction {
            action_id: a1.clone(),
            completed_at: None,
            outcome: None,
        },
        Command::DeferAction {
            action_id: a1,
            reason: "later".into(),
        },
        Command::AddNote {
            text: "late note".into(),
        },
        Command::RecordMilestone {
            milestone: regulation::Milestone::Awareness,
            at: Some(at),
        },
        Command::RecordDetermination {
            fact: FactName::new("major_incident").unwrap(),
            value: true,
            determined_at: Some(at),
            basis: "RTS 2024/1772 criteria met".into(),
        },
        Command::RecordGrade {
            grade: regulation::CnGrade::RelativelyMajor,
            graded_at: Some(at),
            basis: "personal information of 1.2 million persons".into(),
        },
        Command::RecordFiling {
            regime: RegimeId::new("eu-dora").unwrap(),
            report: ReportId::new("initial").unwrap(),
            submitted_at: Some(at),
            reference: Some("CA-2026-001".into()),
        },
        Command::RecordClockAlerts {
            alerts: vec![regulation::ClockAlert {
                regime: RegimeId::new("eu-dora").unwrap(),
                report: ReportId::new("initial").unwrap(),
                kind: regulation::AlertKind::Missed,
                due_at: at,
                at,
            }],
        },
        Command::RecordOverdue {
            overdue: vec![Overdue::Action {
                action_id: ActionId::new("A1").unwrap(),
                due_at: at,
            }],
        },
        Command::RecordInquiry {
            inquiry_id: InquiryId::new("Q-late").unwrap(),
            channel: Channel::Hotline,
            topic: InquiryTopic::LostFunds,
            customer: Some(CustomerRef::new("C-1001").unwrap()),
            received_at: None,
        },
        Command::RespondToInquiry {
            inquiry_id: InquiryId::new("Q1").unwrap(),
            responded_at: None,
        },
        Command::ResolveInquiry {
            inquiry_id: InquiryId::new("Q1").unwrap(),
            resolved_at: None,
            note: Some("explained the password reset".into()),
        },
        Command::RecordSurveyResponse(SurveyResponse {
            id: SurveyResponseId::new("S-late").unwrap(),
            csat: Some(4),
            nps: Some(8),
            comment: None,
            received_at: at,
        }),
        Command::DraftNotice(NoticeDraft {
            notice_id: NoticeId::new("N-late").unwrap(),
            kind: MessageKind::Faq,
            audience: Audience::AllCustomers,
            channels: [Channel::WebsiteNotice].into_iter().collect(),
            elements: [ContentElement::ContactPoints].into_iter().collect(),
            facts: Default::default(),
            plan_item: None,
        }),
        Command::ApproveNotice {
            notice_id: n1.clone(),
        },
        Command::RecordNoticeSent {
            notice_id: n1.clone(),
            sent_at: None,
        },
        Command::CancelNotice {
            notice_id: n1.clone(),
            reason: "superseded".into(),
        },
        Command::RecordFact(Fact {
            key: FactKey::new("contact_points").unwrap(),
            value: FactValue::Literal {
                value: "95566".into(),
            },
            sensitivity: Sensitivity::Public,
            element: Some(ContentElement::ContactPoints),
        }),
        Command::AdoptCommsPlan {
            plan: CommsPlan::reference(),
        },
        Command::RecordFinding(Finding {
            finding_id: FindingId::new("F-late").unwrap(),
            kind: FindingKind::WentWell,
            root_cause: None,
            summary: "fast isolation".into(),
            evidence: vec![],
        }),
        Command::open_compensation_program(
            ProgramId::new("P-late").unwrap(),
            &reference_securities_policy(),
            None,
        )
        .unwrap(),
        Command::DeclareCompensationNotApplicable {
            reason: "no loss".into(),
        },
        Command::RecordClaimAssessment {
            program_id: ProgramId::new("P1").unwrap(),
            claim_id: ClaimId::new("CL-late").unwrap(),
            customer: CustomerRef::new("C-0001").unwrap(),
            assessment: ClaimAssessment {
                policy: reference_securities_policy().reference(),
                cash: cny(10_000),
                remedies: vec![Remedy::FeeWaiver { months: 3 }],
                needs_manual_review: false,
            },
        },
        Command::OfferSettlement {
            claim_id: ClaimId::new("CL1").unwrap(),
            amount: cny(10_000),
            remedies: vec![],
        },
        Command::RecordClaimResponse {
            claim_id: ClaimId::new("CL1").unwrap(),
            response: ClaimResponse::Accepted,
        },
        Command::SettleClaim {
            claim_id: ClaimId::new("CL1").unwrap(),
        },
        Command::RecordClaimPaid {
            claim_id: ClaimId::new("CL1").unwrap(),
            paid_at: None,
            amount: cny(10_000),
            payment_reference: "TX-1".into(),
        },
        Command::EscalateClaim {
            claim_id: ClaimId::new("CL1").unwrap(),
            reason: "customer retained counsel".into(),
        },
        Command::RejectClaim {
            claim_id: ClaimId::new("CL1").unwrap(),
            reason: "not a customer during the incident window".into(),
        },
        Command::Contain {
            contained_at: Some(at),
        },
        Command::Disclose {
            basis: DisclosureBasis::PublicNotice { notice_id: n1 },
        },
        Command::Remediate,
        Command::Review,
        Command::Close,
        Command::Dismiss {
            rationale: "false positive".into(),
        },
    ]
}

/// Every command kind a declared incident can be sent: the cross-phase commands and the
/// transition commands of the table.
pub(crate) fn all_command_kinds() -> BTreeSet<CommandKind> {
    CommandKind::CROSS_PHASE
        .into_iter()
        .chain(lifecycle::TRANSITIONS.iter().map(|(_, kind, _)| *kind))
        .collect()
}
