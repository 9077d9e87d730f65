use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::event::wire;
use crate::id::{FactKey, RegimeId, ReportId};
use crate::phase::{Phase, Role};
use crate::CommandKind;
use crate::{
    actions::ActionStatus, comms::Audience, comms::ClearanceViolation, comms::ContentElement,
    comms::MessageKind, comms::NoticeStatus, compensation::ClaimStatus, compensation::PolicyRef,
    id::ActionId, id::ClaimId, ActorId, Currency, Money, Severity,
};

/// A command the incident refused, with every unmet precondition at once.
///
/// Rejections are normal, user-facing outcomes: show them to the operator. They are a
/// different type from [`ReplayError`](crate::ReplayError), which means stored history is
/// damaged.
///
/// # Handling
/// Answer HTTP 422 with the list of [`Unmet`] items; the operator fixes them and resubmits.
/// Retrying the same command unchanged gives the same rejection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
pub struct Rejection {
    /// The command refused.
    pub command: CommandKind,
    /// The incident's phase, `null` for a declaration.
    pub phase: Option<Phase>,
    /// Everything that must change before the command can succeed (never empty).
    pub unmet: Vec<Unmet>,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.phase {
            Some(phase) => write!(f, "cannot {} an incident in phase {phase}: ", self.command)?,
            None => write!(f, "cannot {}: ", self.command)?,
        }
        for (i, unmet) in self.unmet.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{unmet}")?;
        }
        Ok(())
    }
}

/// Joins items for messages: `a, b, c`.
fn list<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One unmet precondition, in words an operator can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Unmet {
    /// The command is not accepted in the current phase.
    #[error("{} (accepted now: {})", if allowed.is_empty() { "the incident is finished and accepts no more commands".to_owned() } else { format!("this command is not accepted in phase {phase}") }, if allowed.is_empty() { "none".to_owned() } else { list(allowed) })]
    WrongPhase {
        /// The current phase.
        phase: Phase,
        /// The commands the phase accepts.
        allowed: Vec<CommandKind>,
    },
    /// A required field is missing.
    #[error("{field} is missing: {hint}")]
    Missing {
        /// The field.
        field: String,
        /// What to supply.
        hint: String,
    },
    /// A text field is empty.
    #[error("{field} is empty: write {hint}")]
    EmptyText {
        /// The field.
        field: String,
        /// What to write.
        hint: String,
    },
    /// A text field is too long.
    #[error("{field} is {len} characters long; shorten it to at most {max}")]
    TextTooLong {
        /// The field.
        field: String,
        /// Its length in characters.
        len: usize,
        /// The maximum.
        max: usize,
    },
    /// A time lies after the command's own time.
    #[error("{field} ({value}) is later than now ({now}): a time cannot be in the future; check the date and time zone")]
    InTheFuture {
        /// The field.
        field: String,
        /// The value given.
        value: DateTime<Utc>,
        /// The command's time.
        now: DateTime<Utc>,
    },
    /// The command's time is earlier than the last recorded event's: the log's
    /// `recorded_at` never goes backwards. In-world times (when something occurred, was
    /// contained, was sent) have their own fields and may lie in the past.
    #[error("the command's time ({at}) is earlier than the last recorded event ({last_recorded_at}): the log's recorded_at never goes backwards; pass the host's current time, and put a past moment in the command's own time field")]
    Backdated {
        /// The command's time.
        at: DateTime<Utc>,
        /// When the last event was recorded.
        last_recorded_at: DateTime<Utc>,
    },
    /// A time lies before a time it must follow.
    #[error("{field} ({value}) is earlier than {earlier_field} ({earlier}); it must not be")]
    TimeOrder {
        /// The field.
        field: String,
        /// The value given.
        value: DateTime<Utc>,
        /// The field it must follow.
        earlier_field: String,
        /// That field's value.
        earlier: DateTime<Utc>,
    },
    /// A declared severity is milder than the default rule gives and has no reason.
    #[error("severity {chosen} is milder than {assessed} given by the default rule ({rule}): give a severity_reason or declare {assessed}")]
    SeverityBelowAssessment {
        /// The severity declared.
        chosen: Severity,
        /// The rule's severity.
        assessed: Severity,
        /// The rule clause that matched.
        rule: String,
    },
    /// A value is not acceptable.
    #[error("{field} is not acceptable: {problem}")]
    Invalid {
        /// The field.
        field: String,
        /// What is wrong and what to do.
        problem: String,
    },
    /// The command would change nothing.
    #[error("nothing would change: {what}")]
    NoChange {
        /// What is already so.
        what: String,
    },
    /// The owner can be replaced but not removed.
    #[error("the owner role cannot be left empty: assign a new owner instead")]
    OwnerRequired {},
    /// An id is already in use.
    #[error("{entity} {id} already exists: choose a new id")]
    DuplicateId {
        /// What kind of thing.
        entity: String,
        /// The id.
        id: String,
    },
    /// An id is not known.
    #[error("there is no {entity} {id} in this incident: check the id or add it first")]
    UnknownId {
        /// What kind of thing.
        entity: String,
        /// The id.
        id: String,
    },
    /// A waiver or a deferral names a report the host's regulation does not have (a
    /// misspelt id would leave the real report owed).
    #[error("the regulation this desk runs has no report {report} in regime {regime}: check the ids ({known})")]
    UnknownReport {
        /// The regime named.
        regime: RegimeId,
        /// The report named.
        report: ReportId,
        /// What the regulation has: the regime's reports, or that it has no such regime.
        known: String,
    },
    /// A custody step predates the latest one.
    #[error("custody step at {at} for evidence {evidence_id} is earlier than the latest step at {latest}: custody entries must be recorded in time order")]
    CustodyOutOfOrder {
        /// The item.
        evidence_id: String,
        /// The step's time.
        at: DateTime<Utc>,
        /// The latest recorded step's time.
        latest: DateTime<Utc>,
    },
    /// An action is in a status the command does not accept.
    #[error("action {action_id} is {}; this needs it to be one of: {}", wire(status), expected.iter().map(wire).collect::<Vec<_>>().join(", "))]
    ActionStatus {
        /// The action.
        action_id: ActionId,
        /// Its status.
        status: ActionStatus,
        /// The statuses the command accepts.
        expected: Vec<ActionStatus>,
    },
    /// A notice is in a status the command does not accept.
    #[error("notice {notice_id} is {}; this needs it to be one of: {}", wire(status), expected.iter().map(wire).collect::<Vec<_>>().join(", "))]
    NoticeStatus {
        /// The notice.
        notice_id: String,
        /// Its status.
        status: NoticeStatus,
        /// The statuses the command accepts.
        expected: Vec<NoticeStatus>,
    },
    /// A notice lacks required content elements.
    #[error("notice {notice_id} lacks required content: {}; add them to the text and record them in the draft", list(missing))]
    NoticeIncomplete {
        /// The notice.
        notice_id: String,
        /// The missing elements.
        missing: Vec<ContentElement>,
    },
    /// A notice cannot serve as the public disclosure.
    #[error("notice {notice_id} is a {} for {}; disclosure needs an initial_notice to affected_customers or all_customers", wire(kind), wire(audience))]
    NotADisclosureNotice {
        /// The notice.
        notice_id: String,
        /// Its kind.
        kind: MessageKind,
        /// Its audience.
        audience: Audience,
    },
    /// Contain needs a completed containment action.
    #[error("no containment action is done: complete at least one (isolate systems, revoke credentials, freeze accounts, block indicators){}", if open.is_empty() { String::new() } else { format!("; open containment actions: {}", list(open)) })]
    NoContainmentDone {
        /// Containment actions not yet done.
        open: Vec<ActionId>,
    },
    /// Remediate needs every remediation action done or deferred.
    #[error("remediation actions not yet done or deferred: {}; complete them or defer each with a reason", list(actions))]
    RemediationOutstanding {
        /// The actions.
        actions: Vec<ActionId>,
    },
    /// Remediate needs a compensation decision.
    #[error("no compensation decision: open a compensation program or declare compensation not applicable with a reason")]
    CompensationUndecided {},
    /// Compensation cannot be declared not applicable once a program is open.
    #[error(
        "compensation program {program_id} is already open; it cannot be declared not applicable"
    )]
    CompensationProgramOpen {
        /// The program.
        program_id: String,
    },
    /// Claims are negotiated only under an open compensation program.
    #[error("no compensation program is open: claims are assessed and negotiated under an open program; open one first (OpenCompensationProgram)")]
    NoCompensationProgram {},
    /// The open program was opened before programs were pinned to a policy.
    #[error("compensation program {program_id} was opened without a pinned policy (by an event written before pinning); claims need a program pinned to a policy version, digest and currency")]
    ProgramNotPinned {
        /// The program.
        program_id: String,
    },
    /// A claim was assessed under another policy than the program pins.
    #[error("the assessment comes from policy {given}, but the program pins {pinned}: assess the claim with the pinned policy version")]
    PolicyMismatch {
        /// The pinned policy.
        pinned: PolicyRef,
        /// The policy of the assessment.
        given: PolicyRef,
    },
    /// A claim is in a status the command does not accept.
    #[error("claim {claim_id} is {status}; this needs it to be {}", expected.iter().map(ToString::to_string).collect::<Vec<_>>().join(" or "))]
    ClaimStatus {
        /// The claim.
        claim_id: ClaimId,
        /// Its status.
        status: ClaimStatus,
        /// The statuses the command accepts.
        expected: Vec<ClaimStatus>,
    },
    /// An amount is not in the currency it must be in.
    #[error("{field} is {amount}, but the compensation program is in {expected}: state it in {expected}")]
    WrongCurrency {
        /// The field.
        field: String,
        /// The amount given.
        amount: Money,
        /// The program currency.
        expected: Currency,
    },
    /// An offer would take the program's commitments beyond its budget.
    #[error("{amount} more would bring program {program_id}'s commitments beyond its budget of {budget} ({settled} already offered, accepted, settled or paid): offer less, amend the program's budget, or escalate the claim")]
    OverBudget {
        /// The program.
        program_id: String,
        /// Its budget.
        budget: Money,
        /// Reserved so far: open and accepted offers, settlements and payments.
        settled: Money,
        /// The amount offered.
        amount: Money,
    },
    /// The program was opened before policies were recorded in the log, so its claims'
    /// assessments could not be replayed.
    #[error("compensation program {program_id} was opened without the policy's text in the log, so no assessment under it could be replayed: open the program with the policy (Command::open_compensation_program)")]
    PolicyNotRecorded {
        /// The program.
        program_id: String,
    },
    /// The claim window has ended.
    #[error("the claim window of program {program_id} closed at {closed_at}: claims received after it are not assessed under this program")]
    ClaimWindowClosed {
        /// The program.
        program_id: String,
        /// When it closed.
        closed_at: DateTime<Utc>,
    },
    /// The customer already has a claim still in the program.
    #[error("customer {customer} already has claim {claim_id} in this program: add new evidence to that claim's review or override instead of a second claim (a new claim is accepted only after the earlier one is rejected)")]
    DuplicateCustomer {
        /// The customer.
        customer: String,
        /// The claim the customer already has.
        claim_id: ClaimId,
    },
    /// The policy flagged the claim for manual review and none is recorded.
    #[error("the policy flagged claim {claim_id} for manual review: record the review (RecordClaimReview) before offering")]
    ReviewRequired {
        /// The claim.
        claim_id: ClaimId,
    },
    /// The claim's cash would go to an account that claims of other customers also name,
    /// and no review is recorded since the last of them was assessed.
    #[error("claim {claim_id} is to be paid into account {payout}, which other customers' claims also name ({}): check who holds the account and record a review of the claim (RecordClaimReview) before offering", list(others))]
    SharedPayout {
        /// The claim.
        claim_id: ClaimId,
        /// The account, as the host's opaque reference.
        payout: crate::id::PayoutRef,
        /// The other customers' claims naming it.
        others: Vec<ClaimId>,
    },
    /// An override is proposed and not yet approved.
    #[error("an override of claim {claim_id}'s assessment awaits approval: have another person approve it (ApproveAssessmentOverride) before going on")]
    OverridePending {
        /// The claim.
        claim_id: ClaimId,
    },
    /// An offer is below what the claim is entitled to.
    #[error("the offer of {offered} on claim {claim_id} is below its entitlement of {entitled}: offer at least the entitlement, or propose an override with its reason")]
    OfferBelowEntitlement {
        /// The claim.
        claim_id: ClaimId,
        /// What it is entitled to.
        entitled: Money,
        /// What was offered.
        offered: Money,
    },
    /// An offer on a claim the budget was allocated over is not the claim's share.
    #[error("claim {claim_id} was allotted {share} when the program's budget was allocated, and {offered} was offered: offer exactly the share (allocate the budget again after amending it)")]
    NotAllocatedShare {
        /// The claim.
        claim_id: ClaimId,
        /// Its share.
        share: Money,
        /// What was offered.
        offered: Money,
    },
    /// The program's claim window has not closed, so not every claim is in.
    #[error("program {program_id}'s claim window is open until {closes_at}: allocate its budget once the window has closed, so every claim received shares in it")]
    ClaimWindowOpen {
        /// The program.
        program_id: String,
        /// When the window closes.
        closes_at: DateTime<Utc>,
    },
    /// Claims whose entitlement is not final yet.
    #[error("claims {} await a manual review or an override decision: record them before allocating, so that every share rests on a final entitlement", list(claims))]
    EntitlementsPending {
        /// The claims.
        claims: Vec<ClaimId>,
    },
    /// An amount is above the policy's per-customer cap.
    #[error("{field} is {amount}, above the policy's per-customer cap of {cap}: stay within the cap, or open the program under a policy version with another cap")]
    AboveCustomerCap {
        /// The field.
        field: String,
        /// The cap.
        cap: Money,
        /// The amount given.
        amount: Money,
    },
    /// The latest offer lapsed before the response.
    #[error("the offer on claim {claim_id} lapsed at {valid_until}: make a new offer")]
    OfferExpired {
        /// The claim.
        claim_id: ClaimId,
        /// When it lapsed.
        valid_until: DateTime<Utc>,
    },
    /// One person would take two steps the four-eyes rule keeps apart.
    #[error("{actor} {earlier} claim {claim_id} and may not also {step} it: ask another person")]
    FourEyes {
        /// The claim.
        claim_id: ClaimId,
        /// The person.
        actor: ActorId,
        /// The earlier step, in the past tense ("offered").
        earlier: String,
        /// The step refused ("settle").
        step: String,
    },
    /// The incident cannot finish while agreed compensation is unpaid.
    #[error("compensation agreed but not paid: {}{}; settle and pay them, escalate them to legal, or declare settled money the customer does not collect unclaimed (DeclareClaimUnclaimed)", if accepted.is_empty() { String::new() } else { format!("accepted and not settled: {}", list(accepted)) }, if settled.is_empty() { String::new() } else { format!("{}settled and not paid: {}", if accepted.is_empty() { "" } else { "; " }, list(settled)) })]
    ClaimsUnpaid {
        /// Claims accepted and not settled.
        accepted: Vec<ClaimId>,
        /// Claims settled and not paid.
        settled: Vec<ClaimId>,
    },
    /// A reversal of a payment is requested and neither confirmed nor withdrawn.
    #[error("a reversal of the payment is pending on {}: have another person confirm it (ConfirmPaymentReversal) or withdraw it (WithdrawPaymentReversal) first", list(claims))]
    PaymentReversalPending {
        /// The claims.
        claims: Vec<ClaimId>,
    },
    /// An appeal or complaint has no recorded outcome: a closed incident takes no more
    /// records, so its outcome could never be written.
    #[error("an appeal or complaint on {} has no recorded outcome, and a closed incident takes no more records: record each outcome first (RecordAppealOutcome)", list(claims))]
    AppealPending {
        /// The claims.
        claims: Vec<ClaimId>,
    },
    /// The policy's period before money may be declared unclaimed has not yet run.
    #[error("claim {claim_id} has been payable only since {payable_since}; the policy lets it be declared unclaimed from {not_before}: try to pay the customer until then")]
    UnclaimedTooEarly {
        /// The claim.
        claim_id: ClaimId,
        /// Since when it could have been collected.
        payable_since: DateTime<Utc>,
        /// The first moment it may be declared unclaimed.
        not_before: DateTime<Utc>,
    },
    /// A payment differs from the settled amount.
    #[error("claim {claim_id} was settled for {settled} but the payment is {paid}: record the settled amount")]
    PaymentMismatch {
        /// The claim.
        claim_id: ClaimId,
        /// The settled amount.
        settled: Money,
        /// The amount paid.
        paid: Money,
    },
    /// Review needs findings.
    #[error("no findings are recorded: record at least the root cause (or that it is unknown)")]
    NoFindings {},
    /// Review needs every prevention action owned.
    #[error("prevention action {action_id} has no owner: assign one")]
    PreventionWithoutOwner {
        /// The action.
        action_id: ActionId,
    },
    /// Review needs every prevention action dated.
    #[error("prevention action {action_id} has no due date: set one")]
    PreventionWithoutDueDate {
        /// The action.
        action_id: ActionId,
    },
    /// Review needs the resolution notice sent.
    #[error("the resolution notice to customers (what happened, what we did, what changes) has not been sent: draft, approve and send a resolution_notice to affected or all customers")]
    ResolutionNoticeNotSent {},
    /// A notice carries a fact above its audience's clearance.
    #[error("notice {notice_id}: {violation}")]
    AboveClearance {
        /// The notice.
        notice_id: String,
        /// The fact, its label and the audience.
        violation: ClearanceViolation,
    },
    /// Review and Close check every regulatory report is filed or waived, which needs the
    /// regulation the host runs.
    #[error("the context carries no regulation: pass the one the host runs with Context::with_regulation (Regulation::without_regimes when no regime applies), so that no report still owed is forgotten")]
    RegulationNotGiven {},
    /// A regulatory report is still owed: neither filed nor waived.
    #[error("{regime} / {report} is still owed ({status}): file it (record_filing) or record why it is not owed (waive_obligation)")]
    ReportOwed {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// Where it stands.
        status: String,
    },
    /// Nobody who drafted or revised a notice may approve it (four eyes).
    #[error("notice {notice_id} was drafted or revised by {actor}, who may not approve it too: ask another person (a plan may allow self-approval with allow_self_approval)")]
    SelfApproval {
        /// The notice.
        notice_id: String,
        /// A writer of the text (its drafter or a reviser), who asked to approve.
        actor: ActorId,
    },
    /// A fact the approval bound changed after the approval: what was approved is not what
    /// would go out.
    #[error("notice {notice_id} was approved before {} changed: approve it again (see what changed first)", changed.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "))]
    StaleApproval {
        /// The notice.
        notice_id: String,
        /// The facts whose value or label changed, or that appeared or disappeared.
        changed: Vec<FactKey>,
    },
    /// A planned notice must be approved by the holder of the plan item's role.
    #[error("notice {notice_id} belongs to plan item {plan_item}, which the {role} approves{}; ask them to approve it", match holder { Some(h) => format!(" (now {h})"), None => " (no one holds the role: assign it)".to_owned() })]
    NotTheApprover {
        /// The notice.
        notice_id: String,
        /// The plan item.
        plan_item: String,
        /// The approving role.
        role: Role,
        /// Who holds it.
        holder: Option<ActorId>,
    },
    /// A draft does not match the plan item it names.
    #[error(
        "plan item {plan_item} is a {} for {}; the draft is a {} for {}",
        wire(expected_kind),
        wire(expected_audience),
        wire(kind),
        wire(audience)
    )]
    PlanItemMismatch {
        /// The plan item.
        plan_item: String,
        /// The item's kind.
        expected_kind: MessageKind,
        /// The item's audience.
        expected_audience: Audience,
        /// The draft's kind.
        kind: MessageKind,
        /// The draft's audience.
        audience: Audience,
    },
    /// Under an adopted plan, the disclosure notice must be the planned initial notice.
    #[error("notice {notice_id} is not the planned initial notice to customers; draft the disclosure notice for plan item {}", list(items))]
    UnplannedDisclosure {
        /// The notice.
        notice_id: String,
        /// The plan items that can serve.
        items: Vec<String>,
    },
    /// A role is already held by that person.
    #[error("{person} already holds the {role} role")]
    RoleAlreadyHeld {
        /// The role.
        role: Role,
        /// The holder.
        person: ActorId,
    },
    /// An event could not be encoded (a bug).
    #[error("the resulting event could not be encoded ({detail}); this is a bug in the incident crate, please report it")]
    Unencodable {
        /// What failed.
        detail: String,
    },
}
