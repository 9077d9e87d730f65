//! Letters to the customer about where their claim stands after the decision (issue #21):
//! a payment that came back (failed, or reversed by two people), money held as unclaimed,
//! a claim reassessed on new evidence with the top-up owed, an appeal or complaint received
//! and its outcome. Each is rendered from a claim record the desk built through commands,
//! in zh-CN, zh-HK and en, against golden files under `tests/golden/letters/`; and the
//! wording rules hold in every one: 补偿 never 赔偿, no absolute promises, the channel
//! already taken not offered again.
//!
//! After an intended change of wording, rewrite the golden files with
//! `UPDATE_GOLDEN=1 cargo test --test claim_letters` and read the diff.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod golden;

use chrono::Duration;
use driver::{claim_id as id, cny, codes, program, Desk};
use golden::check_golden;
use incident::comms::absolute_promises;
use incident::compensation::*;
use incident::id::*;
use incident::locale::{Locale, Zone};
use incident::*;

const DAY: i64 = 24 * 60;

/// The reference policies' unclaimed period (from version 2), in days.
const PERIOD: i64 = 180;

/// The reference securities policy (its latest version states the unclaimed period).
fn securities() -> Policy {
    reference_securities_policy()
}

/// Version 1 of the reference platform policy, which states no unclaimed period.
fn platform_v1() -> Policy {
    reference_policy(&PolicyRef {
        id: PolicyId::new("platform-data-theft").unwrap(),
        version: 1,
    })
    .unwrap()
}

/// A verified claim of `yuan` (the securities policy pays it in full; the platform policy
/// adds its goodwill credit).
fn verified(customer: &str, reported: i64, verified: i64) -> Claim {
    Claim::builder(
        CustomerRef::new(customer).unwrap(),
        Tier::Standard,
        cny(reported * 100),
        EvidenceStrength::Verified,
    )
    .verified_loss(cny(verified * 100))
    .build()
    .unwrap()
}

/// Claim CL-1 of `claim` under `policy`, offered its entitlement, accepted, settled by
/// `claims.lead` and paid by `payments.clerk`.
fn paid(seed: u8, policy: &Policy, claim: &Claim) -> Desk {
    let mut desk = driver::compensation_desk(seed, policy);
    desk.advance(5).run(Command::record_claim_assessment(
        program(),
        id("CL-1"),
        claim,
    ));
    pay_due(&mut desk);
    desk
}

/// Offers what CL-1 is due, then accepted, settled and paid.
fn pay_due(desk: &mut Desk) {
    let due = desk.incident.claims()[&id("CL-1")].due();
    desk.advance(60)
        .run(Command::OfferSettlement {
            claim_id: id("CL-1"),
            amount: due,
            remedies: vec![],
            valid_until: None,
        })
        .run(Command::RecordClaimResponse {
            claim_id: id("CL-1"),
            response: ClaimResponse::Accepted {},
        })
        .advance(DAY)
        .run_by(
            "claims.lead",
            Command::SettleClaim {
                claim_id: id("CL-1"),
            },
        )
        .advance(DAY)
        .run_by(
            "payments.clerk",
            Command::RecordClaimPaid {
                claim_id: id("CL-1"),
                paid_at: None,
                amount: due,
                payment_reference: "TX-CL-1".into(),
            },
        );
}

fn failed() -> Command {
    Command::RecordClaimPaymentFailed {
        claim_id: id("CL-1"),
        reason: "rejected by the bank: account closed".into(),
    }
}

fn appeal(channel: AppealChannel, reference: &str) -> Command {
    Command::RecordClaimAppeal {
        claim_id: id("CL-1"),
        channel,
        reference: reference.into(),
    }
}

fn outcome(channel: AppealChannel, outcome: AppealOutcome) -> Command {
    Command::RecordAppealOutcome {
        claim_id: id("CL-1"),
        channel,
        outcome,
        note: "see the case file".into(),
    }
}

/// One golden letter: its name, the desk whose claim CL-1 it is about, the policy the
/// letters are given, and which letter.
struct Case {
    name: &'static str,
    desk: Desk,
    policy: Policy,
    letter: StatusLetter,
}

fn payment_cases() -> Vec<Case> {
    let claim = verified("C-1", 1_000, 1_000);
    let mut returned = paid(31, &securities(), &claim);
    returned.advance(3 * DAY).run(failed());
    let platform = platform_v1();
    let mut reversed = paid(32, &platform, &claim);
    reversed
        .advance(2 * DAY)
        .run(Command::RequestPaymentReversal {
            claim_id: id("CL-1"),
            reason: ReversalReason::PaidInError,
            note: "paid twice in the 3 March run".into(),
        })
        .run_by(
            "treasury",
            Command::ConfirmPaymentReversal {
                claim_id: id("CL-1"),
            },
        );
    let mut unclaimed = paid(33, &securities(), &claim);
    unclaimed.advance(DAY).run(failed());
    unclaimed
        .advance(PERIOD * DAY)
        .run(Command::DeclareClaimUnclaimed {
            claim_id: id("CL-1"),
            held_at: "UC-2210".into(),
        });
    vec![
        Case {
            name: "payment_failed",
            desk: returned,
            policy: securities(),
            letter: StatusLetter::PaymentReturned,
        },
        Case {
            name: "payment_reversed",
            desk: reversed,
            policy: platform,
            letter: StatusLetter::PaymentReturned,
        },
        Case {
            name: "unclaimed",
            desk: unclaimed,
            policy: securities(),
            letter: StatusLetter::Unclaimed,
        },
    ]
}

fn reopened_cases() -> Vec<Case> {
    let policy = reference_securities_policy();
    let mut top_up = paid(34, &policy, &verified("C-1", 3_000, 1_000));
    top_up.advance(10 * DAY).run(Command::ReopenClaim {
        claim_id: id("CL-1"),
        claim: Box::new(verified("C-1", 3_000, 3_000)),
        new_evidence: "bank statement showing the ¥3,000 transfer".into(),
    });
    let mut after_rejection = driver::compensation_desk(35, &policy);
    after_rejection
        .advance(5)
        .run(Command::record_claim_assessment(
            program(),
            id("CL-1"),
            &verified("C-1", 2_000, 2_000),
        ))
        .run(Command::RejectClaim {
            claim_id: id("CL-1"),
            reason: "the transfer was made before the incident".into(),
        })
        .advance(20 * DAY)
        .run(Command::ReopenClaim {
            claim_id: id("CL-1"),
            claim: Box::new(verified("C-1", 2_000, 1_500)),
            new_evidence: "police report 2026-0311 dates the transfer after the takeover".into(),
        });
    vec![
        Case {
            name: "reopened_top_up",
            desk: top_up,
            policy: policy.clone(),
            letter: StatusLetter::Reopened,
        },
        Case {
            name: "reopened_after_rejection",
            desk: after_rejection,
            policy,
            letter: StatusLetter::Reopened,
        },
    ]
}

fn appeal_cases() -> Vec<Case> {
    use AppealChannel as C;
    let securities = reference_securities_policy();
    let claim = verified("C-1", 3_000, 1_000);
    let appealed = |seed, channel, reference: &str, decided: Option<AppealOutcome>| {
        let mut desk = paid(seed, &securities, &claim);
        desk.advance(5 * DAY).run(appeal(channel, reference));
        if let Some(o) = decided {
            desk.advance(20 * DAY).run(outcome(channel, o));
        }
        desk
    };
    let platform = reference_platform_policy();
    let mut withdrawn = paid(46, &platform, &claim);
    withdrawn
        .advance(5 * DAY)
        .run(appeal(C::Pboc12363, "12363-2026-0077"))
        .advance(3 * DAY)
        .run(outcome(C::Pboc12363, AppealOutcome::Withdrawn));
    let case = |name, desk, policy: &Policy, letter| Case {
        name,
        desk,
        policy: policy.clone(),
        letter,
    };
    vec![
        case(
            "appeal_received_internal",
            appealed(41, C::InternalComplaint, "CS-2026-031", None),
            &securities,
            StatusLetter::AppealReceived {
                channel: C::InternalComplaint,
            },
        ),
        case(
            "appeal_received_12386",
            appealed(42, C::Csrc12386, "12386-2026-0419", None),
            &securities,
            StatusLetter::AppealReceived {
                channel: C::Csrc12386,
            },
        ),
        case(
            "appeal_decided_internal_upheld",
            appealed(
                43,
                C::InternalComplaint,
                "CS-2026-031",
                Some(AppealOutcome::Upheld),
            ),
            &securities,
            StatusLetter::AppealDecided {
                channel: C::InternalComplaint,
            },
        ),
        case(
            "appeal_decided_mediation_agreed",
            appealed(
                44,
                C::Mediation,
                "中证资本市场法律服务中心 2026-118",
                Some(AppealOutcome::Agreed),
            ),
            &securities,
            StatusLetter::AppealDecided {
                channel: C::Mediation,
            },
        ),
        case(
            "appeal_decided_court_upheld",
            appealed(
                45,
                C::Court,
                "(2026)沪0115民初1234号",
                Some(AppealOutcome::Upheld),
            ),
            &securities,
            StatusLetter::AppealDecided { channel: C::Court },
        ),
        case(
            "appeal_decided_12363_withdrawn",
            withdrawn,
            &platform,
            StatusLetter::AppealDecided {
                channel: C::Pboc12363,
            },
        ),
    ]
}

fn cases() -> Vec<Case> {
    let mut cases = payment_cases();
    cases.extend(reopened_cases());
    cases.extend(appeal_cases());
    cases
}

fn letters<'a>(case: &'a Case, claim: &'a ClaimId) -> ClaimLetters<'a> {
    let record = &case.desk.incident.claims()[claim];
    ClaimLetters::new(claim, record, &case.policy, Zone::SHANGHAI).unwrap()
}

fn render(case: &Case, locale: Locale) -> String {
    let claim = id("CL-1");
    letters(case, &claim).render(case.letter, locale).unwrap()
}

#[test]
fn letters_match_the_golden_files() {
    let mut drift = Vec::new();
    for case in cases() {
        case.desk.assert_replays();
        for locale in Locale::ALL {
            drift.extend(check_golden(
                "letters",
                &format!("{}.{}.md", case.name, locale.as_str()),
                &render(&case, locale),
            ));
        }
    }
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test claim_letters` and read the diff.",
        drift.join("\n")
    );
}

/// The register: 补偿 never 赔偿 (which reads as admitting liability), no absolute promise,
/// full-width punctuation in Chinese, and none of the desk's own (English) words.
#[test]
fn letters_keep_the_register() {
    for case in cases() {
        for locale in Locale::ALL {
            let text = render(&case, locale);
            let name = case.name;
            assert!(
                !text.contains("赔偿") && !text.contains("賠償"),
                "{name} {locale}\n{text}"
            );
            assert!(
                absolute_promises(&text).is_empty(),
                "{name} {locale}: {:?}\n{text}",
                absolute_promises(&text)
            );
            for desk_words in [
                "see the case file",
                "account closed",
                "paid twice",
                "bank statement",
            ] {
                assert!(!text.contains(desk_words), "{name} {locale}: {desk_words}");
            }
            if locale != Locale::En {
                for half_width in [", ", ": ", ". ", "; "] {
                    assert!(
                        !text.contains(half_width),
                        "{name} {locale}: {half_width:?}\n{text}"
                    );
                }
                assert!(!text.contains("CNY"), "{name} {locale}\n{text}");
            }
        }
    }
}

/// Which letters a record supports, and the refusal of the others.
#[test]
fn a_letter_the_record_does_not_support_is_refused() {
    let cases = cases();
    let claim = id("CL-1");
    for case in &cases {
        let letters = letters(case, &claim);
        assert!(letters.available().contains(&case.letter), "{}", case.name);
    }
    let returned = letters(&cases[0], &claim);
    assert_eq!(returned.available(), [StatusLetter::PaymentReturned]);
    let err = returned
        .render(StatusLetter::Unclaimed, Locale::En)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "claim CL-1 (settled) has no record for the unclaimed letter, which is for a settlement \
         held as unclaimed: send one of the letters ClaimLetters::available lists"
    );
    let decided_court = StatusLetter::AppealDecided {
        channel: AppealChannel::Court,
    };
    assert!(matches!(
        returned.render(decided_court, Locale::ZhCn),
        Err(LetterError::NotApplicable { .. })
    ));
    // A received appeal without its outcome has no outcome letter yet.
    let received = letters(&cases[5], &claim);
    let internal = AppealChannel::InternalComplaint;
    assert_eq!(
        received.available(),
        [StatusLetter::AppealReceived { channel: internal }]
    );
    assert!(received
        .render(
            StatusLetter::AppealDecided { channel: internal },
            Locale::En
        )
        .is_err());
    // Once paid again, the payment-returned letter no longer applies.
    let mut desk = paid(36, &securities(), &verified("C-1", 1_000, 1_000));
    desk.run(failed());
    let record = desk.incident.claims()[&claim].clone();
    assert!(
        ClaimLetters::new(&claim, &record, &securities(), Zone::SHANGHAI)
            .unwrap()
            .available()
            .contains(&StatusLetter::PaymentReturned)
    );
    desk.run_by(
        "payments.clerk",
        Command::RecordClaimPaid {
            claim_id: claim.clone(),
            paid_at: None,
            amount: cny(100_000),
            payment_reference: "TX-CL-1-2".into(),
        },
    );
    let record = &desk.incident.claims()[&claim];
    let policy = securities();
    let letters = ClaimLetters::new(&claim, record, &policy, Zone::SHANGHAI).unwrap();
    assert_eq!(letters.available(), []);
    // Another policy's letters are refused.
    let err = ClaimLetters::new(&claim, record, &reference_platform_policy(), Zone::SHANGHAI)
        .unwrap_err();
    assert!(matches!(err, LetterError::PolicyMismatch { .. }), "{err}");
    let err: incident::Error = err.into();
    assert!(
        err.to_string().contains("pass the programme's policy"),
        "{err}"
    );
}

/// The date the payment-returned letter names comes no later than the moment the money
/// may be declared unclaimed: the customer is never told a date the desk has already
/// passed.
#[test]
fn the_confirmation_date_is_before_the_money_can_be_declared_unclaimed() {
    let claim = id("CL-1");
    for hour in [0, 7, 15, 16, 23] {
        let mut desk = paid(37, &securities(), &verified("C-1", 1_000, 1_000));
        desk.advance(hour * 60).run(failed());
        let failed_at = desk.now;
        let (record, policy) = (desk.incident.claims()[&claim].clone(), securities());
        let letters = ClaimLetters::new(&claim, &record, &policy, Zone::SHANGHAI).unwrap();
        let by = letters.respond_by().unwrap();
        assert!(by <= failed_at + Duration::days(PERIOD), "{hour}: {by}");
        assert!(by > failed_at + Duration::days(PERIOD - 1), "{hour}: {by}");
        // The letter names that moment as a date: 24:00 of the last day.
        let zh = letters
            .render(StatusLetter::PaymentReturned, Locale::ZhCn)
            .unwrap();
        let date = Locale::ZhCn.format_deadline(by, Zone::SHANGHAI);
        assert!(date.contains("24:00（北京时间）"), "{date}");
        assert!(zh.contains(&format!("请在{date}前完成确认。")), "{zh}");
        // Declaring the money unclaimed before that moment is refused.
        desk.now = by - Duration::seconds(1);
        let declare = Command::DeclareClaimUnclaimed {
            claim_id: claim.clone(),
            held_at: "UC-2210".into(),
        };
        assert_eq!(codes(&desk.reject(declare)), ["unclaimed_too_early"]);
    }
    // Without a period, the letter asks for an answer as soon as the customer can.
    let case = &payment_cases()[1];
    let en = render(case, Locale::En);
    assert!(en.contains("Please confirm it as soon as you can."), "{en}");
    assert_eq!(letters(case, &claim).respond_by(), None);
}

/// After an appeal, the letter names the routes still open and not the one just taken:
/// 12386 after the firm's own answer, mediation and the courts after 12386, the courts
/// after mediation, how to challenge an award or judgment after one; every route once the
/// customer withdrew. The limitation period comes with the courts.
#[test]
fn the_outcome_letter_names_the_routes_still_open() {
    let cases = appeal_cases();
    let en = |name: &str| render(cases.iter().find(|c| c.name == name).unwrap(), Locale::En);
    let internal = en("appeal_decided_internal_upheld");
    assert!(!internal.contains("you can complain to us"), "{internal}");
    assert!(internal.contains("12386 hotline"), "{internal}");
    assert!(internal.contains("Article 188"), "{internal}");
    assert!(
        internal.contains(
            "Our compensation decision stands. Your cash compensation remains CNY 1,000.00."
        ),
        "{internal}"
    );
    let mediation = en("appeal_decided_mediation_agreed");
    assert!(!mediation.contains("12386"), "{mediation}");
    assert!(!mediation.contains("ask for mediation"), "{mediation}");
    assert!(mediation.contains("Article 188"), "{mediation}");
    let court = en("appeal_decided_court_upheld");
    assert!(
        !court.contains("12386") && !court.contains("go to court"),
        "{court}"
    );
    assert!(
        court.contains("how and by when you can challenge it"),
        "{court}"
    );
    let withdrawn = en("appeal_decided_12363_withdrawn");
    assert!(withdrawn.contains("you can complain to us"), "{withdrawn}");
    assert!(withdrawn.contains("12363"), "{withdrawn}");
    assert!(!withdrawn.contains("12386"), "{withdrawn}");
    let zh = render(&cases[1], Locale::ZhCn);
    assert!(
        zh.contains("收到您通过中国证监会12386服务平台提出的投诉。"),
        "{zh}"
    );
}

/// The reassessment letter states the new decision beside what was paid, and the top-up.
#[test]
fn the_reassessment_letter_states_the_top_up() {
    let cases = reopened_cases();
    let zh = render(&cases[0], Locale::ZhCn);
    assert!(zh.contains("此前我们已向您支付补偿款1,000.00元。"), "{zh}");
    assert!(
        zh.contains("按新的决定，您的现金补偿为3,000.00元，我们此前已支付1,000.00元，因此我们将向您补付差额2,000.00元。"),
        "{zh}"
    );
    let hk = render(&cases[0], Locale::ZhHk);
    assert!(hk.contains("補付差額2,000.00人民幣"), "{hk}");
    let en = render(&cases[1], Locale::En);
    assert!(
        en.contains("Your claim had not been compensated before."),
        "{en}"
    );
    assert!(!en.contains("What is still owed"), "{en}");
    assert!(en.contains("CNY 1,500.00 in cash"), "{en}");
}
