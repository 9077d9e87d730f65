//! Building blocks for generated commands: free text (with JSON escapes, multi-byte UTF-8
//! and control characters), ids from the pools, people, money and content digests.

use incident::evidence::*;
use incident::id::*;
use incident::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use crate::driver::actor;
use crate::generators::pools::{
    ACTION_IDS, ACTORS, CLAIM_IDS, CUSTOMERS, EVIDENCE_IDS, FINDING_IDS, INQUIRY_IDS, NOTICE_IDS,
    PROGRAM_IDS, SURVEY_IDS,
};

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

pub(crate) fn good_text() -> impl Strategy<Value = String> {
    words()
}

pub(crate) fn label<T: 'static + std::fmt::Debug>(
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

pub(crate) fn person() -> impl Strategy<Value = ActorId> {
    label(&ACTORS, actor)
}

pub(crate) fn money() -> impl Strategy<Value = Money> {
    // Mostly positive; a negative amount is a guard violation.
    prop_oneof![9 => 0i64..10_000_000, 1 => -500i64..0]
        .prop_map(|minor| Money::from_minor(minor, Currency::CNY))
}

pub(crate) fn content_digest() -> impl Strategy<Value = ContentDigest> {
    any::<[u8; 32]>().prop_map(|bytes| {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        ContentDigest::new(DigestAlgorithm::Sha256, hex).unwrap()
    })
}
