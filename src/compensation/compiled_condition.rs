//! A policy's conditions compiled for batches: flattened into instruction lists, the parts
//! that only look at evidence, tier and account compromise folded into truth tables.

use super::claim::{Claim, EvidenceStrength, Tier};
use super::policy::{Condition, LossBasis};
use crate::classify::DataCategory;
/// The discrete facts of a claim packed into five bits: evidence strength (bits 0–1), tier
/// (bits 2–3) and account compromise (bit 4). A condition over these facts alone is a
/// 32-bit truth table indexed by the signature.
pub(super) type Signature = u32;

/// Every signature: a table whose bits are all set holds for every claim.
const ALWAYS: u32 = u32::MAX;

pub(super) const EVIDENCE: [EvidenceStrength; 4] = [
    EvidenceStrength::Verified,
    EvidenceStrength::Partial,
    EvidenceStrength::Unverified,
    EvidenceStrength::None,
];

fn tier_bits(tier: Tier) -> u32 {
    match tier {
        Tier::Standard => 0,
        Tier::Premium => 1,
        Tier::Vip => 2,
    }
}

pub(super) const TIERS: [Tier; 3] = [Tier::Standard, Tier::Premium, Tier::Vip];

#[inline]
pub(super) fn signature(claim: &Claim) -> Signature {
    u32::from(claim.evidence() as u8)
        | tier_bits(claim.tier()) << 2
        | u32::from(claim.account_compromised()) << 4
}

/// The truth table of a predicate over the discrete facts.
fn table(holds: impl Fn(EvidenceStrength, Tier, bool) -> bool) -> u32 {
    let mut bits = 0;
    for evidence in EVIDENCE {
        for tier in TIERS {
            for compromised in [false, true] {
                if holds(evidence, tier, compromised) {
                    bits |= 1
                        << (u32::from(evidence as u8)
                            | tier_bits(tier) << 2
                            | u32::from(compromised) << 4);
                }
            }
        }
    }
    bits
}

// Exposed data categories are tested as a bit mask.
const _: () = assert!(DataCategory::ALL.len() <= 64);

#[inline]
fn data_bit(category: DataCategory) -> u64 {
    1 << (category as u32)
}

/// One instruction of a flattened condition. Composite instructions are followed by the
/// instructions of their operands, `len` of them in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Op {
    /// Look the claim's signature up in a truth table.
    Table(u32),
    /// The loss lies in `min..=max` (open bounds are `i64::MIN` / `i64::MAX`); a claim
    /// without a verified loss fails a `verified` range.
    Loss { verified: bool, min: i64, max: i64 },
    /// One of these data categories (a bit mask) was exposed.
    Data(u64),
    /// Anything else (jurisdictions): the condition itself.
    Interpret(Condition),
    /// Every operand holds.
    All { len: usize },
    /// Some operand holds.
    Any { len: usize },
    /// The operand does not hold.
    Not { len: usize },
}

/// A compiled condition: a truth table when it only looks at discrete facts, otherwise
/// an instruction list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cond {
    Table(u32),
    Ops(Box<[Op]>),
}

pub(super) fn compile_condition(condition: &Condition) -> Cond {
    match condition {
        Condition::Always {} => Cond::Table(ALWAYS),
        Condition::Evidence { any_of } => Cond::Table(table(|e, _, _| any_of.contains(e))),
        Condition::Tier { any_of } => Cond::Table(table(|_, t, _| any_of.contains(&t))),
        Condition::AccountCompromised { is } => Cond::Table(table(|_, _, c| c == *is)),
        Condition::Loss { basis, min, max } => Cond::Ops(Box::new([Op::Loss {
            verified: *basis == LossBasis::Verified,
            min: min.map_or(i64::MIN, |m| m.amount_minor()),
            max: max.map_or(i64::MAX, |m| m.amount_minor()),
        }])),
        Condition::DataExposed { any_of } => Cond::Ops(Box::new([Op::Data(
            any_of.iter().fold(0, |mask, c| mask | data_bit(*c)),
        )])),
        Condition::Jurisdiction { .. } => Cond::Ops(Box::new([Op::Interpret(condition.clone())])),
        Condition::All { conditions } => junction(conditions, true),
        Condition::Any { conditions } => junction(conditions, false),
        Condition::Not { condition } => match compile_condition(condition) {
            Cond::Table(bits) => Cond::Table(!bits),
            Cond::Ops(ops) => {
                let mut out = Vec::with_capacity(ops.len() + 1);
                out.push(Op::Not { len: ops.len() });
                out.extend(ops.into_vec());
                Cond::Ops(out.into_boxed_slice())
            }
        },
    }
}

/// `All` (`all == true`) or `Any`: the discrete operands folded into one table, tested
/// first; the others as instructions.
fn junction(conditions: &[Condition], all: bool) -> Cond {
    let (neutral, absorbing) = if all { (ALWAYS, 0) } else { (0, ALWAYS) };
    let mut bits = neutral;
    let mut rest = Vec::new();
    let mut operands = 0;
    for condition in conditions {
        match compile_condition(condition) {
            Cond::Table(t) => bits = if all { bits & t } else { bits | t },
            Cond::Ops(ops) => {
                operands += 1;
                rest.extend(ops.into_vec());
            }
        }
    }
    if operands == 0 || bits == absorbing {
        return Cond::Table(bits);
    }
    let mut out = Vec::with_capacity(rest.len() + 2);
    let len = rest.len() + usize::from(bits != neutral);
    out.push(if all {
        Op::All { len }
    } else {
        Op::Any { len }
    });
    if bits != neutral {
        out.push(Op::Table(bits));
    }
    out.extend(rest);
    Cond::Ops(out.into_boxed_slice())
}

/// What a claim offers the instructions: its signature and, computed on first use, its
/// exposed-data mask.
pub(super) struct Facts<'a> {
    pub(super) claim: &'a Claim,
    pub(super) signature: Signature,
    pub(super) data: Option<u64>,
}

impl Facts<'_> {
    fn data(&mut self) -> u64 {
        *self.data.get_or_insert_with(|| {
            self.claim
                .data_exposed()
                .iter()
                .fold(0, |mask, c| mask | data_bit(*c))
        })
    }
}

/// Evaluates the instruction at the head of `ops`; returns its value and the
/// instructions after it.
fn eval<'o>(ops: &'o [Op], facts: &mut Facts<'_>) -> (bool, &'o [Op]) {
    let Some((op, tail)) = ops.split_first() else {
        return (false, ops);
    };
    let operands = |len: usize| tail.split_at_checked(len).unwrap_or((tail, &[]));
    match op {
        Op::Table(bits) => (bits >> facts.signature & 1 == 1, tail),
        Op::Loss { verified, min, max } => {
            let loss = if *verified {
                facts.claim.verified_loss()
            } else {
                Some(facts.claim.reported_loss())
            };
            let holds = loss.is_some_and(|m| (*min..=*max).contains(&m.amount_minor()));
            (holds, tail)
        }
        Op::Data(mask) => (facts.data() & mask != 0, tail),
        Op::Interpret(condition) => (condition.holds(facts.claim), tail),
        Op::All { len } | Op::Any { len } => {
            let want = matches!(op, Op::Any { .. });
            let (mut body, after) = operands(*len);
            while !body.is_empty() {
                let (value, next) = eval(body, facts);
                if value == want {
                    return (want, after);
                }
                body = next;
            }
            (!want, after)
        }
        Op::Not { len } => {
            let (body, after) = operands(*len);
            (!eval(body, facts).0, after)
        }
    }
}

impl Cond {
    #[inline]
    pub(super) fn holds(&self, facts: &mut Facts<'_>) -> bool {
        match self {
            Self::Table(bits) => bits >> facts.signature & 1 == 1,
            Self::Ops(ops) => eval(ops, facts).0,
        }
    }
}
