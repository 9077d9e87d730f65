//! Customer feedback: inquiries measured against service-level targets, and survey
//! responses (CSAT and NPS).
//!
//! The first seed asks for dedicated feedback channels ("热线电话、在线客服、社交媒体") and for
//! questionnaires and satisfaction surveys ("问卷调查、满意度调查"); the securities playbook asks
//! to answer customers' questions promptly ("及时解答用户的疑问"). This module holds the values
//! and the statistics; the lifecycle records inquiries and survey responses as events
//! (`record_inquiry`, `respond_to_inquiry`, `resolve_inquiry`, `record_survey_response`), and
//! [`Incident::inquiry_stats`](crate::Incident::inquiry_stats) and
//! [`Incident::survey_stats`](crate::Incident::survey_stats) compute these statistics from
//! the incident's state.
//!
//! The statistics are defined precisely in [`inquiry_stats`] and [`survey_stats`].

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Channel;
use crate::{id::CustomerRef, id::InquiryId, id::SurveyResponseId};

/// What a customer asks or tells the firm about. The list follows the customers' concerns in
/// the seeds: whether their information and accounts are safe ("他们的信息是否安全"), funds
/// lost ("客户资金损失"), data leaked ("客户数据泄露"), compensation ("补偿措施"), how to protect
/// themselves against identity theft ("身份盗用应对指南": change passwords, two-factor
/// authentication, credit monitoring), services interrupted while systems are isolated
/// ("隔离受感染系统"), and dissatisfaction ("客户的不满和焦虑").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InquiryTopic {
    /// Is my account safe, should I change my password, was my account accessed?
    AccountSecurity,
    /// Money missing from an account, unauthorized transfers or trades.
    LostFunds,
    /// Was my personal data exposed, and which data?
    DataExposed,
    /// What compensation is offered and how to claim it.
    Compensation,
    /// What should I do to protect myself (passwords, MFA, credit monitoring, freezes)?
    HowToProtectMyself,
    /// Services unavailable or degraded (log-in, trading, payments).
    ServiceAvailability,
    /// A complaint about the incident or its handling.
    Complaint,
    /// Anything else.
    Other,
}

impl InquiryTopic {
    /// Every topic, in declaration order.
    pub const ALL: [InquiryTopic; 8] = [
        Self::AccountSecurity,
        Self::LostFunds,
        Self::DataExposed,
        Self::Compensation,
        Self::HowToProtectMyself,
        Self::ServiceAvailability,
        Self::Complaint,
        Self::Other,
    ];

    /// The stable snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AccountSecurity => "account_security",
            Self::LostFunds => "lost_funds",
            Self::DataExposed => "data_exposed",
            Self::Compensation => "compensation",
            Self::HowToProtectMyself => "how_to_protect_myself",
            Self::ServiceAvailability => "service_availability",
            Self::Complaint => "complaint",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for InquiryTopic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A customer's question or complaint and how fast it was handled.
///
/// The lifecycle builds it from the `inquiry_received`, `inquiry_responded` and
/// `inquiry_resolved` events; hosts may also build values directly to compute
/// [`inquiry_stats`] over inquiries kept elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Inquiry {
    /// Host-chosen id, unique within the incident.
    pub id: InquiryId,
    /// Where it came in.
    pub channel: Channel,
    /// What it is about.
    pub topic: InquiryTopic,
    /// Who asked, as an opaque reference (never personal data), if known.
    pub customer: Option<CustomerRef>,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// When the customer first got an answer from a person (not an automatic
    /// acknowledgement).
    pub first_response_at: Option<DateTime<Utc>>,
    /// When it was resolved.
    pub resolved_at: Option<DateTime<Utc>>,
    /// How it was resolved.
    pub resolution_note: Option<String>,
}

impl Inquiry {
    /// A new inquiry, not yet answered.
    pub fn new(
        id: InquiryId,
        channel: Channel,
        topic: InquiryTopic,
        customer: Option<CustomerRef>,
        received_at: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            channel,
            topic,
            customer,
            received_at,
            first_response_at: None,
            resolved_at: None,
            resolution_note: None,
        }
    }

    /// The first response as of `at`: the recorded first response, or else the resolution
    /// (an inquiry answered and closed in one contact), if it happened by `at`.
    fn first_response_by(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.first_response_at
            .or(self.resolved_at)
            .filter(|t| *t <= at)
    }

    /// The first-response time in whole seconds, once answered.
    pub fn first_response_seconds(&self) -> Option<i64> {
        self.first_response_at
            .or(self.resolved_at)
            .map(|t| (t - self.received_at).num_seconds())
    }

    /// The resolution time in whole seconds, once resolved.
    pub fn resolution_seconds(&self) -> Option<i64> {
        self.resolved_at
            .map(|t| (t - self.received_at).num_seconds())
    }
}

/// Service-level targets for inquiries: how soon a first response is due, per channel, and
/// optionally how soon resolution is due. Durations are whole seconds.
///
/// The defaults ([`SlaTargets::default`]) are common customer-service practice, not a
/// regulation: live channels (hotline, online chat) answered within 5 minutes, social media
/// within 2 hours, e-mail and every other channel within 24 hours; no resolution target,
/// because resolution times differ too much by topic (a password question against a
/// compensation claim) for one number to mean much. Hosts override them with the targets
/// their service charter promises.
///
/// # Examples
/// ```
/// use incident::comms::{Channel, SlaTargets};
/// let sla = SlaTargets::default()
///     .with_first_response(Channel::Email, 4 * 3600)
///     .with_resolution(Some(72 * 3600));
/// assert_eq!(sla.first_response_target(Channel::Email).num_hours(), 4);
/// assert_eq!(sla.first_response_target(Channel::Hotline).num_minutes(), 5);
/// assert_eq!(sla.first_response_target(Channel::Letter).num_hours(), 24);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaTargets {
    /// First-response target, in seconds, for channels without their own.
    pub first_response_seconds: u32,
    /// First-response targets by channel, in seconds.
    #[serde(default)]
    pub first_response_seconds_by_channel: BTreeMap<Channel, u32>,
    /// Resolution target, in seconds from receipt; `null` for none.
    #[serde(default)]
    pub resolution_seconds: Option<u32>,
}

/// Five minutes.
const LIVE_CHANNEL_SECONDS: u32 = 5 * 60;
/// Two hours.
const SOCIAL_MEDIA_SECONDS: u32 = 2 * 3600;
/// Twenty-four hours.
const ONE_DAY_SECONDS: u32 = 24 * 3600;

impl Default for SlaTargets {
    fn default() -> Self {
        Self::new(ONE_DAY_SECONDS)
            .with_first_response(Channel::Hotline, LIVE_CHANNEL_SECONDS)
            .with_first_response(Channel::OnlineChat, LIVE_CHANNEL_SECONDS)
            .with_first_response(Channel::SocialMedia, SOCIAL_MEDIA_SECONDS)
            .with_first_response(Channel::Email, ONE_DAY_SECONDS)
    }
}

impl SlaTargets {
    /// One first-response target for every channel, in seconds, and no resolution target.
    pub fn new(first_response_seconds: u32) -> Self {
        Self {
            first_response_seconds,
            first_response_seconds_by_channel: BTreeMap::new(),
            resolution_seconds: None,
        }
    }

    /// Sets the first-response target of one channel, in seconds.
    #[must_use]
    pub fn with_first_response(mut self, channel: Channel, seconds: u32) -> Self {
        self.first_response_seconds_by_channel
            .insert(channel, seconds);
        self
    }

    /// Sets or clears the resolution target, in seconds.
    #[must_use]
    pub fn with_resolution(mut self, seconds: Option<u32>) -> Self {
        self.resolution_seconds = seconds;
        self
    }

    fn first_response_secs(&self, channel: Channel) -> i64 {
        i64::from(
            self.first_response_seconds_by_channel
                .get(&channel)
                .copied()
                .unwrap_or(self.first_response_seconds),
        )
    }

    /// The first-response target for an inquiry that came in on `channel`.
    pub fn first_response_target(&self, channel: Channel) -> Duration {
        Duration::seconds(self.first_response_secs(channel))
    }

    /// The resolution target, if any.
    pub fn resolution_target(&self) -> Option<Duration> {
        self.resolution_seconds
            .map(|s| Duration::seconds(i64::from(s)))
    }
}

/// Inquiry statistics as of a moment; [`inquiry_stats`] defines every figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InquiryStats {
    /// The moment the statistics describe.
    pub at: DateTime<Utc>,
    /// Inquiries received by then.
    pub count: u64,
    /// Of those, answered (a first response or a resolution) by then.
    pub answered: u64,
    /// Of those, not answered by then: counted here, never as a response time of 0.
    pub unanswered: u64,
    /// Of those, resolved by then.
    pub resolved: u64,
    /// Median first-response time in seconds (nearest rank); `null` when none is answered.
    pub median_first_response_seconds: Option<i64>,
    /// 90th-percentile first-response time in seconds (nearest rank); `null` when none is
    /// answered.
    pub p90_first_response_seconds: Option<i64>,
    /// Answered within their channel's first-response target.
    pub within_sla: u64,
    /// Answered after their target, or unanswered with the target elapsed.
    pub missed_sla: u64,
    /// `within_sla / (within_sla + missed_sla)` in basis points, rounded down; `null` when
    /// no inquiry is decided yet.
    pub within_sla_bp: Option<u32>,
    /// Median resolution time in seconds (nearest rank); `null` when none is resolved.
    pub median_resolution_seconds: Option<i64>,
    /// Share resolved within the resolution target, in basis points, rounded down, among
    /// those resolved and those unresolved with the target elapsed; `null` without a
    /// resolution target or when none is decided yet.
    pub resolution_within_sla_bp: Option<u32>,
    /// Inquiries not resolved by then that are past a target still unmet: unanswered with
    /// the first-response target elapsed, or (with a resolution target) unresolved with it
    /// elapsed. Each counts once. This is the backlog to chase.
    pub open_past_sla: u64,
    /// Inquiries received, by topic (topics with none are left out).
    pub by_topic: BTreeMap<InquiryTopic, u64>,
    /// Inquiries received, by channel (channels with none are left out).
    pub by_channel: BTreeMap<Channel, u64>,
}

/// The value at nearest rank ⌈p·n/100⌉ (1-based) of `sorted` (ascending); `None` when empty.
fn nearest_rank(sorted: &[i64], percent: usize) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (percent.saturating_mul(n).saturating_add(99) / 100).clamp(1, n);
    sorted.get(rank - 1).copied()
}

/// `part / whole` in basis points, rounded down; `None` when `whole` is 0.
fn basis_points(part: u64, whole: u64) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let bp = u128::from(part) * 10_000 / u128::from(whole);
    u32::try_from(bp).ok()
}

/// Whether more than `target_seconds` passed between `from` and `at`.
fn elapsed(from: DateTime<Utc>, at: DateTime<Utc>, target_seconds: i64) -> bool {
    (at - from).num_seconds() > target_seconds
}

/// Computes [`InquiryStats`] for `inquiries` against `targets`, as of `at`.
///
/// # Definitions
///
/// - **First-response time**: `first_response_at − received_at`, in whole seconds
///   (sub-seconds truncated). An inquiry resolved without a separate response has its
///   resolution as its first response.
/// - **Percentiles** use the *nearest-rank* method on the first-response times sorted
///   ascending: the p-th percentile of n values is the value at rank ⌈p·n/100⌉ (counting
///   from 1). The median is the 50th percentile, so with an even count it is the lower of
///   the two middle values; every percentile is a time that was actually observed.
/// - **Unanswered inquiries are counted separately** ([`InquiryStats::unanswered`]), never
///   as a response time of 0; they are not in the percentiles.
/// - **Share within SLA**: inquiries answered within their channel's target, divided by the
///   inquiries whose outcome is known: those answered, plus those still unanswered after
///   their target elapsed (they missed it whatever happens next). Unanswered inquiries still
///   inside their target are left out until they are decided. A response exactly at the
///   target is within it.
/// - Shares are in basis points (1 % = 100 bp) and **rounded down**, so a share is never
///   overstated; a share with nothing to divide by is `None`.
/// - Statistics are taken **as of** a moment `at`: inquiries received later are left out,
///   and responses or resolutions after `at` count as not having happened yet, so a host
///   can compute the figures for any past moment from the same state.
/// - **Open past SLA**, resolution share and median resolution time: see the fields of
///   [`InquiryStats`].
///
/// # Examples
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use incident::comms::{inquiry_stats, Channel, Inquiry, InquiryTopic, SlaTargets};
/// use incident::id::InquiryId;
/// let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 9, 0, 0).unwrap();
/// let mut answered = Inquiry::new(InquiryId::new("Q1")?, Channel::Hotline, InquiryTopic::LostFunds, None, t0);
/// answered.first_response_at = Some(t0 + Duration::minutes(3));
/// let waiting = Inquiry::new(InquiryId::new("Q2")?, Channel::Hotline, InquiryTopic::Compensation, None, t0);
/// let stats = inquiry_stats([&answered, &waiting], &SlaTargets::default(), t0 + Duration::minutes(10));
/// assert_eq!((stats.count, stats.answered, stats.unanswered), (2, 1, 1));
/// assert_eq!(stats.median_first_response_seconds, Some(180));
/// assert_eq!(stats.within_sla_bp, Some(5_000)); // Q2 is 10 minutes old: it missed 5 minutes
/// assert_eq!(stats.open_past_sla, 1);
/// # Ok::<(), incident::id::IdError>(())
/// ```
pub fn inquiry_stats<'a>(
    inquiries: impl IntoIterator<Item = &'a Inquiry>,
    targets: &SlaTargets,
    at: DateTime<Utc>,
) -> InquiryStats {
    let resolution_target = targets.resolution_seconds.map(i64::from);
    let mut stats = InquiryStats {
        at,
        count: 0,
        answered: 0,
        unanswered: 0,
        resolved: 0,
        median_first_response_seconds: None,
        p90_first_response_seconds: None,
        within_sla: 0,
        missed_sla: 0,
        within_sla_bp: None,
        median_resolution_seconds: None,
        resolution_within_sla_bp: None,
        open_past_sla: 0,
        by_topic: BTreeMap::new(),
        by_channel: BTreeMap::new(),
    };
    let mut response_times = Vec::new();
    let mut resolution_times = Vec::new();
    let (mut resolved_within, mut resolved_missed) = (0u64, 0u64);
    for inquiry in inquiries {
        if inquiry.received_at > at {
            continue;
        }
        stats.count += 1;
        *stats.by_topic.entry(inquiry.topic).or_default() += 1;
        *stats.by_channel.entry(inquiry.channel).or_default() += 1;
        let target = targets.first_response_secs(inquiry.channel);
        let mut overdue = false;
        match inquiry.first_response_by(at) {
            Some(first) => {
                stats.answered += 1;
                let seconds = (first - inquiry.received_at).num_seconds();
                response_times.push(seconds);
                if seconds <= target {
                    stats.within_sla += 1;
                } else {
                    stats.missed_sla += 1;
                }
            }
            None => {
                stats.unanswered += 1;
                if elapsed(inquiry.received_at, at, target) {
                    stats.missed_sla += 1;
                    overdue = true;
                }
            }
        }
        match inquiry.resolved_at.filter(|t| *t <= at) {
            Some(resolved) => {
                stats.resolved += 1;
                let seconds = (resolved - inquiry.received_at).num_seconds();
                resolution_times.push(seconds);
                match resolution_target {
                    Some(target) if seconds <= target => resolved_within += 1,
                    Some(_) => resolved_missed += 1,
                    None => {}
                }
                overdue = false;
            }
            None => {
                if let Some(target) = resolution_target {
                    if elapsed(inquiry.received_at, at, target) {
                        resolved_missed += 1;
                        overdue = true;
                    }
                }
            }
        }
        if overdue {
            stats.open_past_sla += 1;
        }
    }
    response_times.sort_unstable();
    resolution_times.sort_unstable();
    stats.median_first_response_seconds = nearest_rank(&response_times, 50);
    stats.p90_first_response_seconds = nearest_rank(&response_times, 90);
    stats.within_sla_bp = basis_points(stats.within_sla, stats.within_sla + stats.missed_sla);
    stats.median_resolution_seconds = nearest_rank(&resolution_times, 50);
    if resolution_target.is_some() {
        stats.resolution_within_sla_bp =
            basis_points(resolved_within, resolved_within + resolved_missed);
    }
    stats
}

/// Lowest CSAT score.
const CSAT_MIN: u8 = 1;
/// Highest CSAT score.
const CSAT_MAX: u8 = 5;
/// Highest NPS score (the lowest is 0).
const NPS_MAX: u8 = 10;

/// A survey response that breaks the scales.
///
/// # Handling
/// Input error: report it to whoever submitted the response (HTTP 400 or 422); retrying
/// unchanged will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SurveyError {
    /// A CSAT score outside 1–5.
    #[error("csat {value} is out of range: customer satisfaction is scored 1 (very dissatisfied) to 5 (very satisfied)")]
    CsatOutOfRange {
        /// The score given.
        value: u8,
    },
    /// An NPS score outside 0–10.
    #[error("nps {value} is out of range: likelihood to recommend is scored 0 (not at all likely) to 10 (extremely likely)")]
    NpsOutOfRange {
        /// The score given.
        value: u8,
    },
    /// Neither score given.
    #[error("the response has no score: give a CSAT score (1–5), an NPS score (0–10) or both")]
    NoScore,
}

/// One customer's answer to a satisfaction survey: a CSAT score (1–5, "how satisfied are you
/// with how we handled this?"), an NPS score (0–10, "how likely are you to recommend us?"),
/// or both, and an optional comment.
///
/// The built-in survey asks for agreement with statements on a 1–5 scale (1 strongly
/// disagree … 5 strongly agree); its overall item ("Overall, I am satisfied with how the
/// incident was handled.") is the CSAT score. It does not ask the recommendation question,
/// so `nps` is usually `None`: right after a breach, asking to be recommended reads as
/// tone-deaf. A host that wants it opts in with
/// [`TemplateSet::add_recommendation_question`](crate::comms::TemplateSet::add_recommendation_question).
///
/// The fields are public data (the payload of the `record_survey_response` command and
/// event); [`SurveyResponse::problems`] and the command's guard check the scales, and
/// [`SurveyResponse::new`] refuses a response that breaks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyResponse {
    /// Host-chosen id, unique within the incident.
    pub id: SurveyResponseId,
    /// Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied).
    #[schemars(range(min = 1, max = 5))]
    pub csat: Option<u8>,
    /// Likelihood to recommend, 0 (not at all likely) to 10 (extremely likely).
    #[schemars(range(min = 0, max = 10))]
    pub nps: Option<u8>,
    /// The customer's comment.
    pub comment: Option<String>,
    /// When the response was received.
    pub received_at: DateTime<Utc>,
}

impl SurveyResponse {
    /// A validated response.
    ///
    /// # Errors
    /// The first [`SurveyError`] of [`problems`](Self::problems).
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident::comms::{SurveyError, SurveyResponse};
    /// use incident::id::SurveyResponseId;
    /// let at = Utc.with_ymd_and_hms(2026, 3, 20, 8, 0, 0).unwrap();
    /// let ok = SurveyResponse::new(SurveyResponseId::new("S1")?, Some(4), Some(9), None, at);
    /// assert!(ok.is_ok());
    /// let bad = SurveyResponse::new(SurveyResponseId::new("S2")?, Some(6), None, None, at);
    /// assert_eq!(bad, Err(SurveyError::CsatOutOfRange { value: 6 }));
    /// # Ok::<(), incident::id::IdError>(())
    /// ```
    pub fn new(
        id: SurveyResponseId,
        csat: Option<u8>,
        nps: Option<u8>,
        comment: Option<String>,
        received_at: DateTime<Utc>,
    ) -> Result<Self, SurveyError> {
        let response = Self {
            id,
            csat,
            nps,
            comment,
            received_at,
        };
        match response.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(response),
        }
    }

    /// Every way the response breaks the scales: a CSAT score outside 1–5, an NPS score
    /// outside 0–10, no score at all. Empty when valid.
    pub fn problems(&self) -> Vec<SurveyError> {
        let mut problems = Vec::new();
        if let Some(value) = self.csat.filter(|v| !(CSAT_MIN..=CSAT_MAX).contains(v)) {
            problems.push(SurveyError::CsatOutOfRange { value });
        }
        if let Some(value) = self.nps.filter(|v| *v > NPS_MAX) {
            problems.push(SurveyError::NpsOutOfRange { value });
        }
        if self.csat.is_none() && self.nps.is_none() {
            problems.push(SurveyError::NoScore);
        }
        problems
    }
}

/// Survey statistics; see [`survey_stats`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyStats {
    /// Responses counted.
    pub responses: u64,
    /// Responses with a CSAT score.
    pub csat_answers: u64,
    /// CSAT answers of 4 or 5 (satisfied or very satisfied).
    pub csat_satisfied: u64,
    /// CSAT: `csat_satisfied / csat_answers` in basis points, rounded down; `null` without
    /// CSAT answers.
    pub csat_bp: Option<u32>,
    /// Mean CSAT score × 100 (e.g. 433 for 4.33), rounded to the nearest, halves up; `null`
    /// without CSAT answers.
    pub mean_csat_hundredths: Option<u32>,
    /// Responses with an NPS score.
    pub nps_answers: u64,
    /// NPS answers of 9 or 10.
    pub promoters: u64,
    /// NPS answers of 7 or 8.
    pub passives: u64,
    /// NPS answers of 0 to 6.
    pub detractors: u64,
    /// Net Promoter Score: % promoters − % detractors, from −100 to 100, that is
    /// `100 × (promoters − detractors) / nps_answers` rounded to the nearest integer, halves
    /// away from zero; `null` without NPS answers.
    pub nps: Option<i32>,
}

/// Computes [`SurveyStats`] for `responses`. Scores outside their scale are left out of the
/// figures (the lifecycle never records them).
///
/// - CSAT % counts the answers of 4 or 5 among all CSAT answers (the usual "top two boxes").
/// - NPS groups answers into promoters (9–10), passives (7–8) and detractors (0–6).
///
/// # Examples
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident::comms::{survey_stats, SurveyResponse};
/// use incident::id::SurveyResponseId;
/// let at = Utc.with_ymd_and_hms(2026, 3, 20, 8, 0, 0).unwrap();
/// let r = |id: &str, csat, nps| SurveyResponse::new(SurveyResponseId::new(id).unwrap(), csat, nps, None, at).unwrap();
/// let responses = [r("S1", Some(5), Some(10)), r("S2", Some(2), Some(3)), r("S3", Some(4), None)];
/// let stats = survey_stats(&responses);
/// assert_eq!(stats.csat_bp, Some(6_666)); // 2 of 3, rounded down
/// assert_eq!(stats.mean_csat_hundredths, Some(367));
/// assert_eq!(stats.nps, Some(0)); // one promoter, one detractor
/// ```
pub fn survey_stats<'a>(responses: impl IntoIterator<Item = &'a SurveyResponse>) -> SurveyStats {
    let mut stats = SurveyStats {
        responses: 0,
        csat_answers: 0,
        csat_satisfied: 0,
        csat_bp: None,
        mean_csat_hundredths: None,
        nps_answers: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        nps: None,
    };
    let mut csat_sum = 0u64;
    for response in responses {
        stats.responses += 1;
        if let Some(csat) = response.csat.filter(|v| (CSAT_MIN..=CSAT_MAX).contains(v)) {
            stats.csat_answers += 1;
            csat_sum += u64::from(csat);
            if csat >= 4 {
                stats.csat_satisfied += 1;
            }
        }
        match response.nps {
            Some(9..=10) => stats.promoters += 1,
            Some(7..=8) => stats.passives += 1,
            Some(0..=6) => stats.detractors += 1,
            _ => continue,
        }
        stats.nps_answers += 1;
    }
    stats.csat_bp = basis_points(stats.csat_satisfied, stats.csat_answers);
    if stats.csat_answers > 0 {
        let n = u128::from(stats.csat_answers);
        let mean = (u128::from(csat_sum) * 200 + n) / (2 * n);
        stats.mean_csat_hundredths = u32::try_from(mean).ok();
    }
    if stats.nps_answers > 0 {
        let n = i128::from(stats.nps_answers);
        let net = 100 * (i128::from(stats.promoters) - i128::from(stats.detractors));
        let rounded = (2 * net.abs() + n) / (2 * n);
        stats.nps = i32::try_from(if net < 0 { -rounded } else { rounded }).ok();
    }
    stats
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 14, 9, 0, 0).unwrap()
    }

    fn secs(s: i64) -> DateTime<Utc> {
        t0() + Duration::seconds(s)
    }

    /// An inquiry received at `t0 + received` seconds, answered `response` seconds later.
    fn inquiry(
        id: &str,
        channel: Channel,
        topic: InquiryTopic,
        received: i64,
        response: Option<i64>,
    ) -> Inquiry {
        let mut q = Inquiry::new(
            InquiryId::new(id).unwrap(),
            channel,
            topic,
            None,
            secs(received),
        );
        q.first_response_at = response.map(|r| secs(received + r));
        q
    }

    /// Hotline inquiries received at t0 with these response times (seconds).
    fn hotline(times: &[Option<i64>]) -> Vec<Inquiry> {
        times
            .iter()
            .enumerate()
            .map(|(i, r)| {
                inquiry(
                    &format!("Q{i}"),
                    Channel::Hotline,
                    InquiryTopic::Other,
                    0,
                    *r,
                )
            })
            .collect()
    }

    fn late() -> DateTime<Utc> {
        secs(10 * 86_400)
    }

    #[test]
    fn nearest_rank_on_known_tables() {
        assert_eq!(nearest_rank(&[], 50), None);
        assert_eq!(nearest_rank(&[7], 50), Some(7));
        assert_eq!(nearest_rank(&[7], 90), Some(7));
        // Odd count: the middle value.
        assert_eq!(nearest_rank(&[1, 2, 3, 4, 5], 50), Some(3));
        // Even count: the lower middle value (rank ⌈4·0.5⌉ = 2).
        assert_eq!(nearest_rank(&[10, 20, 30, 40], 50), Some(20));
        // p90 on ten values: rank 9.
        let ten: Vec<i64> = (1..=10).map(|i| i * 60).collect();
        assert_eq!(nearest_rank(&ten, 90), Some(540));
        // p90 on eleven values: rank ⌈9.9⌉ = 10.
        let eleven: Vec<i64> = (1..=11).collect();
        assert_eq!(nearest_rank(&eleven, 90), Some(10));
        assert_eq!(nearest_rank(&eleven, 100), Some(11));
        assert_eq!(nearest_rank(&eleven, 0), Some(1));
    }

    #[test]
    fn odd_count_median_and_p90() {
        // Response times 60, 120, 180, 240, 900 (unsorted on purpose).
        let table = hotline(&[Some(900), Some(60), Some(180), Some(240), Some(120)]);
        let stats = inquiry_stats(&table, &SlaTargets::default(), late());
        assert_eq!(stats.count, 5);
        assert_eq!(stats.answered, 5);
        assert_eq!(stats.unanswered, 0);
        assert_eq!(stats.median_first_response_seconds, Some(180));
        assert_eq!(stats.p90_first_response_seconds, Some(900));
        // 900 s misses the 300 s hotline target: 4 of 5.
        assert_eq!((stats.within_sla, stats.missed_sla), (4, 1));
        assert_eq!(stats.within_sla_bp, Some(8_000));
        assert_eq!(stats.open_past_sla, 0);
    }

    #[test]
    fn even_count_median_is_the_lower_middle_value() {
        let table = hotline(&[Some(100), Some(400), Some(200), Some(300)]);
        let stats = inquiry_stats(&table, &SlaTargets::default(), late());
        assert_eq!(stats.median_first_response_seconds, Some(200));
        assert_eq!(stats.p90_first_response_seconds, Some(400));
        // A response exactly at the target (300 s) is within it.
        assert_eq!(stats.within_sla, 3);
        assert_eq!(stats.within_sla_bp, Some(7_500));
    }

    #[test]
    fn p90_on_ten_values() {
        let times: Vec<Option<i64>> = (1..=10).map(|i| Some(i * 30)).collect();
        let stats = inquiry_stats(&hotline(&times), &SlaTargets::default(), late());
        assert_eq!(stats.median_first_response_seconds, Some(150));
        assert_eq!(stats.p90_first_response_seconds, Some(270));
        assert_eq!(stats.within_sla_bp, Some(10_000));
    }

    #[test]
    fn all_unanswered_gives_no_times_and_counts_them_separately() {
        let table = hotline(&[None, None, None]);
        // Two minutes in: nothing is late yet, so nothing is decided.
        let early = inquiry_stats(&table, &SlaTargets::default(), secs(120));
        assert_eq!((early.count, early.answered, early.unanswered), (3, 0, 3));
        assert_eq!(early.median_first_response_seconds, None);
        assert_eq!(early.p90_first_response_seconds, None);
        assert_eq!(early.within_sla_bp, None);
        assert_eq!(early.open_past_sla, 0);
        // Ten days in: all three missed the target and are open past it.
        let stats = inquiry_stats(&table, &SlaTargets::default(), late());
        assert_eq!(stats.median_first_response_seconds, None);
        assert_eq!(stats.missed_sla, 3);
        assert_eq!(stats.within_sla_bp, Some(0));
        assert_eq!(stats.open_past_sla, 3);
        // Nothing at all.
        let none = inquiry_stats(&[], &SlaTargets::default(), late());
        assert_eq!(none.count, 0);
        assert_eq!(none.within_sla_bp, None);
        assert!(none.by_topic.is_empty());
    }

    #[test]
    fn unanswered_inquiries_are_never_a_zero_response_time() {
        // Answered at 600 s and 900 s, two unanswered. Counted as 0 s, the unanswered ones
        // would make the median 0; left out, it is 600.
        let table = hotline(&[Some(900), None, None, Some(600)]);
        let stats = inquiry_stats(&table, &SlaTargets::default(), late());
        assert_eq!((stats.answered, stats.unanswered), (2, 2));
        assert_eq!(stats.median_first_response_seconds, Some(600));
        assert_eq!(stats.p90_first_response_seconds, Some(900));
        assert_eq!(stats.within_sla_bp, Some(0));
        assert_eq!(stats.open_past_sla, 2);
    }

    #[test]
    fn sla_share_per_channel_with_topics_and_channels_counted() {
        // Hotline 5 min, chat 5 min, e-mail 24 h, social 2 h, letter (default) 24 h.
        let table = vec![
            inquiry(
                "H1",
                Channel::Hotline,
                InquiryTopic::LostFunds,
                0,
                Some(240),
            ), // within
            inquiry(
                "H2",
                Channel::Hotline,
                InquiryTopic::LostFunds,
                0,
                Some(301),
            ), // missed
            inquiry(
                "C1",
                Channel::OnlineChat,
                InquiryTopic::AccountSecurity,
                0,
                Some(30),
            ), // within
            inquiry(
                "E1",
                Channel::Email,
                InquiryTopic::DataExposed,
                0,
                Some(20 * 3600),
            ), // within
            inquiry(
                "E2",
                Channel::Email,
                InquiryTopic::Compensation,
                0,
                Some(30 * 3600),
            ), // missed
            inquiry(
                "S1",
                Channel::SocialMedia,
                InquiryTopic::Complaint,
                0,
                Some(3 * 3600),
            ), // missed
            inquiry("L1", Channel::Letter, InquiryTopic::Compensation, 0, None), // undecided at 12 h
            inquiry("S2", Channel::SocialMedia, InquiryTopic::Complaint, 0, None), // missed, open
        ];
        let at = secs(12 * 3600);
        let stats = inquiry_stats(&table, &SlaTargets::default(), at);
        assert_eq!(stats.count, 8);
        // Answered by 12 h: H1, H2, C1, S1 (3 h). E1 (20 h) and E2 (30 h) not yet.
        assert_eq!(stats.answered, 4);
        assert_eq!(stats.unanswered, 4);
        // Within: H1, C1. Missed: H2, S1, S2 (unanswered, 12 h > 2 h). E1, E2, L1 undecided.
        assert_eq!((stats.within_sla, stats.missed_sla), (2, 3));
        assert_eq!(stats.within_sla_bp, Some(4_000));
        assert_eq!(stats.open_past_sla, 1);
        assert_eq!(stats.by_topic.get(&InquiryTopic::LostFunds), Some(&2));
        assert_eq!(stats.by_topic.get(&InquiryTopic::Compensation), Some(&2));
        assert_eq!(stats.by_topic.get(&InquiryTopic::HowToProtectMyself), None);
        assert_eq!(stats.by_channel.get(&Channel::SocialMedia), Some(&2));
        assert_eq!(stats.by_channel.values().sum::<u64>(), 8);

        // Two days later every e-mail and the letter are decided.
        let stats = inquiry_stats(&table, &SlaTargets::default(), secs(48 * 3600));
        assert_eq!(stats.answered, 6);
        // Within: H1, C1, E1. Missed: H2, E2, S1, S2, L1.
        assert_eq!((stats.within_sla, stats.missed_sla), (3, 5));
        assert_eq!(stats.within_sla_bp, Some(3_750));
        assert_eq!(stats.open_past_sla, 2);
        assert_eq!(stats.median_first_response_seconds, Some(301));
        assert_eq!(stats.p90_first_response_seconds, Some(30 * 3600));

        // A stricter host target for e-mail turns E1 into a miss.
        let strict = SlaTargets::default().with_first_response(Channel::Email, 4 * 3600);
        let stats = inquiry_stats(&table, &strict, secs(48 * 3600));
        assert_eq!((stats.within_sla, stats.missed_sla), (2, 6));
    }

    #[test]
    fn inquiries_received_after_the_moment_are_left_out() {
        let table = vec![
            inquiry("A", Channel::Hotline, InquiryTopic::Other, 0, Some(60)),
            inquiry("B", Channel::Hotline, InquiryTopic::Other, 3600, Some(60)),
        ];
        let stats = inquiry_stats(&table, &SlaTargets::default(), secs(1800));
        assert_eq!(stats.count, 1);
        assert_eq!(stats.by_channel.get(&Channel::Hotline), Some(&1));
    }

    #[test]
    fn resolution_counts_as_first_response_and_resolution_targets() {
        let mut direct = inquiry("R1", Channel::Hotline, InquiryTopic::Other, 0, None);
        direct.resolved_at = Some(secs(120));
        let mut slow = inquiry(
            "R2",
            Channel::Email,
            InquiryTopic::Compensation,
            0,
            Some(600),
        );
        slow.resolved_at = Some(secs(4 * 86_400));
        let open = inquiry(
            "R3",
            Channel::Email,
            InquiryTopic::Compensation,
            0,
            Some(600),
        );
        let table = [direct, slow, open];
        assert_eq!(table[0].first_response_seconds(), Some(120));
        assert_eq!(table[1].resolution_seconds(), Some(4 * 86_400));

        let sla = SlaTargets::default().with_resolution(Some(3 * 86_400));
        let stats = inquiry_stats(&table, &sla, late());
        assert_eq!((stats.answered, stats.resolved), (3, 2));
        assert_eq!(stats.median_first_response_seconds, Some(600));
        assert_eq!(stats.median_resolution_seconds, Some(120));
        // R1 within; R2 late; R3 unresolved after 10 days: 1 of 3.
        assert_eq!(stats.resolution_within_sla_bp, Some(3_333));
        assert_eq!(stats.open_past_sla, 1);
        // Without a resolution target there is no resolution share and R3 is not overdue.
        let stats = inquiry_stats(&table, &SlaTargets::default(), late());
        assert_eq!(stats.resolution_within_sla_bp, None);
        assert_eq!(stats.open_past_sla, 0);
        // Before R1's resolution it is unanswered.
        let stats = inquiry_stats(&table, &SlaTargets::default(), secs(60));
        assert_eq!((stats.answered, stats.resolved), (0, 0));
    }

    #[test]
    fn sla_targets_defaults_and_json() {
        let sla = SlaTargets::default();
        assert_eq!(
            sla.first_response_target(Channel::Hotline),
            Duration::minutes(5)
        );
        assert_eq!(
            sla.first_response_target(Channel::OnlineChat),
            Duration::minutes(5)
        );
        assert_eq!(
            sla.first_response_target(Channel::SocialMedia),
            Duration::hours(2)
        );
        assert_eq!(
            sla.first_response_target(Channel::Email),
            Duration::hours(24)
        );
        assert_eq!(
            sla.first_response_target(Channel::InApp),
            Duration::hours(24)
        );
        assert_eq!(sla.resolution_target(), None);
        let json = serde_json::to_value(&sla).unwrap();
        assert_eq!(json["first_response_seconds"], 86_400);
        assert_eq!(json["first_response_seconds_by_channel"]["hotline"], 300);
        let back: SlaTargets =
            serde_json::from_value(serde_json::json!({ "first_response_seconds": 600 })).unwrap();
        assert_eq!(back, SlaTargets::new(600));
    }

    fn response(id: &str, csat: Option<u8>, nps: Option<u8>) -> SurveyResponse {
        SurveyResponse::new(SurveyResponseId::new(id).unwrap(), csat, nps, None, t0()).unwrap()
    }

    fn nps_only(scores: &[u8]) -> Vec<SurveyResponse> {
        scores
            .iter()
            .enumerate()
            .map(|(i, s)| response(&format!("S{i}"), None, Some(*s)))
            .collect()
    }

    #[test]
    fn nps_edges() {
        let all_promoters = survey_stats(&nps_only(&[9, 10, 10]));
        assert_eq!(all_promoters.nps, Some(100));
        let all_detractors = survey_stats(&nps_only(&[0, 3, 6]));
        assert_eq!(all_detractors.nps, Some(-100));
        let balanced = survey_stats(&nps_only(&[10, 0, 7, 8]));
        assert_eq!(balanced.nps, Some(0));
        assert_eq!(
            (balanced.promoters, balanced.passives, balanced.detractors),
            (1, 2, 1)
        );
        let passives = survey_stats(&nps_only(&[7, 8]));
        assert_eq!(passives.nps, Some(0));
        assert_eq!(survey_stats(&[]).nps, None);
        assert_eq!(survey_stats(&[response("C", Some(3), None)]).nps, None);
    }

    #[test]
    fn nps_rounds_half_away_from_zero() {
        // 1 promoter of 3: 33.33 → 33; 2 of 3: 66.67 → 67; 1 detractor of 3 → −33.
        assert_eq!(survey_stats(&nps_only(&[9, 7, 7])).nps, Some(33));
        assert_eq!(survey_stats(&nps_only(&[9, 9, 7])).nps, Some(67));
        assert_eq!(survey_stats(&nps_only(&[0, 7, 7])).nps, Some(-33));
        // 1 of 8: 12.5 → 13; −12.5 → −13.
        let mut eight = vec![10];
        eight.extend([8; 7]);
        assert_eq!(survey_stats(&nps_only(&eight)).nps, Some(13));
        eight[0] = 5;
        assert_eq!(survey_stats(&nps_only(&eight)).nps, Some(-13));
    }

    #[test]
    fn csat_share_and_mean() {
        let table = [
            response("A", Some(5), Some(9)),
            response("B", Some(4), None),
            response("C", Some(3), Some(6)),
            response("D", Some(1), None),
            response("E", None, Some(10)),
            response("F", Some(5), None),
        ];
        let stats = survey_stats(&table);
        assert_eq!(stats.responses, 6);
        assert_eq!(stats.csat_answers, 5);
        assert_eq!(stats.csat_satisfied, 3);
        assert_eq!(stats.csat_bp, Some(6_000));
        // (5 + 4 + 3 + 1 + 5) / 5 = 3.6.
        assert_eq!(stats.mean_csat_hundredths, Some(360));
        assert_eq!(stats.nps_answers, 3);
        // 2 promoters, 1 detractor of 3: 33.
        assert_eq!(stats.nps, Some(33));
        // All satisfied, none satisfied.
        let happy = survey_stats(&[response("A", Some(4), None), response("B", Some(5), None)]);
        assert_eq!(happy.csat_bp, Some(10_000));
        assert_eq!(happy.mean_csat_hundredths, Some(450));
        let unhappy = survey_stats(&[response("A", Some(1), None), response("B", Some(3), None)]);
        assert_eq!(unhappy.csat_bp, Some(0));
        // Mean 4.333… → 433; 1.666… → 167.
        let thirds = [
            response("A", Some(4), None),
            response("B", Some(4), None),
            response("C", Some(5), None),
        ];
        assert_eq!(survey_stats(&thirds).mean_csat_hundredths, Some(433));
        let thirds = [
            response("A", Some(1), None),
            response("B", Some(2), None),
            response("C", Some(2), None),
        ];
        assert_eq!(survey_stats(&thirds).mean_csat_hundredths, Some(167));
        assert_eq!(survey_stats(&thirds).csat_bp, Some(0));
        assert_eq!(survey_stats(&[]).csat_bp, None);
    }

    #[test]
    fn survey_responses_are_validated_and_invalid_scores_are_left_out() {
        let id = SurveyResponseId::new("S").unwrap();
        let new = |csat, nps| SurveyResponse::new(id.clone(), csat, nps, None, t0());
        assert_eq!(
            new(Some(0), None),
            Err(SurveyError::CsatOutOfRange { value: 0 })
        );
        assert_eq!(
            new(Some(6), None),
            Err(SurveyError::CsatOutOfRange { value: 6 })
        );
        assert_eq!(
            new(None, Some(11)),
            Err(SurveyError::NpsOutOfRange { value: 11 })
        );
        assert_eq!(new(None, None), Err(SurveyError::NoScore));
        assert!(new(Some(1), Some(0)).is_ok());
        assert!(new(Some(5), Some(10)).is_ok());
        let raw = SurveyResponse {
            id: id.clone(),
            csat: Some(9),
            nps: Some(12),
            comment: None,
            received_at: t0(),
        };
        assert_eq!(raw.problems().len(), 2);
        let stats = survey_stats(&[raw, response("ok", Some(5), Some(10))]);
        assert_eq!(stats.responses, 2);
        assert_eq!((stats.csat_answers, stats.nps_answers), (1, 1));
        assert_eq!(stats.nps, Some(100));
        assert_eq!(
            SurveyError::NoScore.to_string(),
            "the response has no score: give a CSAT score (1–5), an NPS score (0–10) or both"
        );
    }

    #[test]
    fn topics_serialize_by_their_names() {
        for topic in InquiryTopic::ALL {
            assert_eq!(
                serde_json::to_value(topic).unwrap(),
                serde_json::json!(topic.as_str())
            );
        }
    }
}
