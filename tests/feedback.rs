//! The customer feedback loop through the public API: inquiries and survey responses
//! recorded as events, statistics computed from the state, replay reproducing both, and
//! every guard's rejection.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod json_schema;

use chrono::{DateTime, Duration, Utc};
use incident::comms::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::*;

use driver::*;
use json_schema::*;

fn q(id: &str) -> InquiryId {
    InquiryId::new(id).unwrap()
}

fn s(id: &str) -> SurveyResponseId {
    SurveyResponseId::new(id).unwrap()
}

/// Seed 1's platform, declared at 01:30 after detection at 01:10.
fn desk() -> Desk {
    let declare = Declare::new(
        IncidentId::from_bytes([42; 16]),
        IncidentKind::DataBreach,
        "B特派 客户数据与资金被盗",
    )
    .detection(DetectionSource::Monitoring, at(2026, 3, 14, 1, 10))
    .severity(Severity::Sev1)
    .owner(actor("zhang.min"));
    Desk::declare(declare, at(2026, 3, 14, 1, 30), "soc.oncall")
}

fn record(
    id: &str,
    channel: Channel,
    topic: InquiryTopic,
    received_at: Option<DateTime<Utc>>,
) -> Command {
    Command::RecordInquiry {
        inquiry_id: q(id),
        channel,
        topic,
        customer: None,
        received_at,
    }
}

fn respond(id: &str, responded_at: Option<DateTime<Utc>>) -> Command {
    Command::RespondToInquiry {
        inquiry_id: q(id),
        responded_at,
    }
}

fn resolve(id: &str, resolved_at: Option<DateTime<Utc>>, note: Option<&str>) -> Command {
    Command::ResolveInquiry {
        inquiry_id: q(id),
        resolved_at,
        note: note.map(Into::into),
    }
}

fn survey(id: &str, csat: Option<u8>, nps: Option<u8>, received_at: DateTime<Utc>) -> Command {
    Command::RecordSurveyResponse(SurveyResponse {
        id: s(id),
        csat,
        nps,
        comment: None,
        received_at,
    })
}

fn last_event(desk: &Desk) -> Event {
    desk.log.envelopes().last().unwrap().event().clone()
}

/// The first day of inquiries after the notice went out, then the survey a week later.
#[test]
fn inquiries_and_surveys_become_events_state_and_statistics() {
    let mut desk = desk();
    let t = |h: u32, m: u32| at(2026, 3, 14, h, m);

    // 09:00: the hotline opens; five inquiries come in over the morning.
    desk.now = t(9, 0);
    desk.as_actor("hotline.agent").run(Command::RecordInquiry {
        inquiry_id: q("Q1"),
        channel: Channel::Hotline,
        topic: InquiryTopic::LostFunds,
        customer: Some(CustomerRef::new("C-1001").unwrap()),
        received_at: Some(t(8, 58)),
    });
    assert_eq!(last_event(&desk).name(), "inquiry_received");
    assert_eq!(
        last_event(&desk).to_string(),
        "inquiry Q1 received by hotline about lost_funds from customer C-1001"
    );
    desk.advance(1)
        .run(respond("Q1", None)) // 09:01: 3 minutes after receipt
        .run(record(
            "Q2",
            Channel::OnlineChat,
            InquiryTopic::AccountSecurity,
            None,
        )) // received 09:01
        .advance(12)
        .run(respond("Q2", None)) // 09:13: 12 minutes, misses 5
        .run(record(
            "Q3",
            Channel::Email,
            InquiryTopic::DataExposed,
            Some(t(7, 0)),
        ))
        .run(record(
            "Q4",
            Channel::SocialMedia,
            InquiryTopic::Complaint,
            Some(t(8, 0)),
        ))
        .run(record(
            "Q5",
            Channel::Hotline,
            InquiryTopic::HowToProtectMyself,
            None,
        )); // received 09:13
    assert_eq!(
        last_event(&desk),
        Event::InquiryReceived {
            inquiry_id: q("Q5"),
            channel: Channel::Hotline,
            topic: InquiryTopic::HowToProtectMyself,
            customer: None,
            received_at: t(9, 13),
        }
    );
    // 09:15: Q5 answered and closed in one call: the resolution is its first response.
    desk.advance(2).run(resolve(
        "Q5",
        None,
        Some("walked the customer through a password reset and MFA"),
    ));
    assert_eq!(
        last_event(&desk).to_string(),
        "inquiry Q5 resolved: walked the customer through a password reset and MFA"
    );
    let q5 = &desk.incident.inquiries()[&q("Q5")];
    assert_eq!(q5.first_response_at, Some(t(9, 15)));
    assert_eq!(q5.resolved_at, Some(t(9, 15)));
    assert_eq!(q5.first_response_seconds(), Some(120));

    // 11:00: the e-mail is answered (4 h after receipt); Q1 is resolved.
    desk.now = t(11, 0);
    desk.run(respond("Q3", Some(t(10, 59))))
        .run(resolve("Q1", None, None));
    assert_eq!(
        last_event(&desk),
        Event::InquiryResolved {
            inquiry_id: q("Q1"),
            resolved_at: t(11, 0),
            note: None,
        }
    );

    // Statistics at 11:00. Answered: Q1 180 s, Q2 720 s, Q5 120 s, Q3 14 340 s.
    // Q4 (social media, 2 h) has waited 3 h: missed and open past its target.
    let stats = desk
        .incident
        .inquiry_stats(&SlaTargets::default(), t(11, 0));
    assert_eq!(stats.at, t(11, 0));
    assert_eq!(stats.count, 5);
    assert_eq!(
        (stats.answered, stats.unanswered, stats.resolved),
        (4, 1, 2)
    );
    // Sorted: 120, 180, 720, 14 340. Median: rank 2; p90: rank 4.
    assert_eq!(stats.median_first_response_seconds, Some(180));
    assert_eq!(stats.p90_first_response_seconds, Some(14_340));
    // Within: Q1, Q5 (hotline ≤ 5 min), Q3 (e-mail ≤ 24 h). Missed: Q2, Q4.
    assert_eq!((stats.within_sla, stats.missed_sla), (3, 2));
    assert_eq!(stats.within_sla_bp, Some(6_000));
    assert_eq!(stats.open_past_sla, 1);
    assert_eq!(stats.median_resolution_seconds, Some(120));
    assert_eq!(stats.resolution_within_sla_bp, None);
    assert_eq!(stats.by_channel[&Channel::Hotline], 2);
    assert_eq!(stats.by_topic[&InquiryTopic::Complaint], 1);
    assert_eq!(stats.by_topic.values().sum::<u64>(), 5);
    // The same state as of 08:30: only Q3 and Q4 had come in, neither answered.
    let early = desk
        .incident
        .inquiry_stats(&SlaTargets::default(), t(8, 30));
    assert_eq!((early.count, early.answered), (2, 0));
    assert_eq!(early.within_sla_bp, None);
    // A host target of 1 h for e-mail turns Q3 into a miss.
    let strict = SlaTargets::default().with_first_response(Channel::Email, 3600);
    let stats = desk.incident.inquiry_stats(&strict, t(11, 0));
    assert_eq!(stats.within_sla_bp, Some(4_000));

    // A week later: survey responses.
    desk.now = at(2026, 3, 21, 12, 0);
    let day = |h| at(2026, 3, 21, h, 0);
    desk.as_actor("survey.import")
        .run(survey("S1", Some(5), Some(10), day(8)))
        .run(survey("S2", Some(4), Some(8), day(9)))
        .run(survey("S3", Some(2), Some(3), day(10)))
        .run(Command::RecordSurveyResponse(SurveyResponse {
            id: s("S4"),
            csat: None,
            nps: Some(9),
            comment: Some("快速处理,值得信任".into()),
            received_at: day(11),
        }));
    assert_eq!(last_event(&desk).name(), "survey_response_recorded");
    assert_eq!(
        last_event(&desk).to_string(),
        "survey response S4: NPS 9/10"
    );
    assert_eq!(desk.incident.survey_responses().len(), 4);
    let stats = desk.incident.survey_stats();
    assert_eq!(stats.responses, 4);
    assert_eq!(stats.csat_answers, 3);
    // CSAT: 2 of 3 answered 4–5.
    assert_eq!(stats.csat_bp, Some(6_666));
    assert_eq!(stats.mean_csat_hundredths, Some(367));
    // NPS: promoters S1, S4; passive S2; detractor S3: 50 − 25 = 25.
    assert_eq!(
        (stats.promoters, stats.passives, stats.detractors),
        (2, 1, 1)
    );
    assert_eq!(stats.nps, Some(25));

    // Replay reproduces the inquiries, the responses and the statistics.
    desk.assert_replays();
    let replayed = Incident::replay(desk.log.envelopes()).unwrap();
    assert_eq!(replayed.inquiries(), desk.incident.inquiries());
    assert_eq!(
        replayed.inquiry_stats(&SlaTargets::default(), t(11, 0)),
        desk.incident
            .inquiry_stats(&SlaTargets::default(), t(11, 0))
    );
    assert_eq!(replayed.survey_stats(), desk.incident.survey_stats());

    // The stored contract: explicit tags, and the committed schemas accept the values.
    let names: Vec<&str> = desk
        .log
        .envelopes()
        .iter()
        .map(|e| e.event().name())
        .collect();
    for name in [
        "inquiry_received",
        "inquiry_responded",
        "inquiry_resolved",
        "survey_response_recorded",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let envelope_schema = committed_validator("envelope");
    for envelope in desk.log.envelopes() {
        assert_valid(&envelope_schema, &serde_json::to_value(envelope).unwrap());
    }
    assert_valid(
        &committed_validator("incident"),
        &serde_json::to_value(&desk.incident).unwrap(),
    );
    let command_schema = committed_validator("command");
    for command in [
        record("Q9", Channel::Letter, InquiryTopic::Other, None),
        respond("Q9", Some(t(9, 0))),
        resolve("Q9", None, Some("answered by letter")),
        survey("S9", Some(3), None, t(9, 0)),
    ] {
        assert_valid(&command_schema, &serde_json::to_value(&command).unwrap());
    }
    assert_valid(
        &committed_validator("sla_targets"),
        &serde_json::to_value(SlaTargets::default()).unwrap(),
    );
    let json = serde_json::to_value(desk.log.envelopes()[1].event()).unwrap();
    assert_eq!(json["type"], "inquiry_received");
    assert_eq!(json["channel"], "hotline");
    assert_eq!(json["topic"], "lost_funds");
}

#[test]
fn feedback_commands_are_accepted_in_every_open_phase_and_refused_after_closure() {
    for phase in Phase::ALL {
        let allowed = allowed_commands(phase);
        for kind in [
            CommandKind::RecordInquiry,
            CommandKind::RespondToInquiry,
            CommandKind::ResolveInquiry,
            CommandKind::RecordSurveyResponse,
        ] {
            assert_eq!(
                allowed.contains(&kind),
                !phase.is_terminal(),
                "{phase} {kind}"
            );
        }
    }
    assert_eq!(CommandKind::RecordInquiry.to_string(), "record_inquiry");
    assert_eq!(
        CommandKind::RecordSurveyResponse.to_string(),
        "record_survey_response"
    );
    let mut desk = desk();
    desk.advance(1).run(Command::Dismiss {
        rationale: "a drill mistaken for an attack".into(),
    });
    let r = desk.reject(record("Q1", Channel::Hotline, InquiryTopic::Other, None));
    assert_eq!(codes(&r), ["wrong_phase"]);
}

#[test]
fn inquiry_guards_reject_with_what_to_fix() {
    let mut desk = desk();
    let t0 = desk.now;
    desk.advance(60).run(record(
        "Q1",
        Channel::Hotline,
        InquiryTopic::LostFunds,
        Some(t0 + Duration::minutes(30)),
    ));
    let now = desk.now;

    // Duplicate id.
    let r = desk.reject(record("Q1", Channel::Email, InquiryTopic::Other, None));
    assert_eq!(codes(&r), ["duplicate_id"]);
    assert_eq!(
        r.to_string(),
        "cannot record_inquiry an incident in phase detected: inquiry Q1 already exists: choose a new id"
    );
    // Received in the future.
    let r = desk.reject(record(
        "Q2",
        Channel::Hotline,
        InquiryTopic::Other,
        Some(now + Duration::minutes(5)),
    ));
    assert_eq!(codes(&r), ["in_the_future"]);
    assert!(r.to_string().contains("received_at"), "{r}");
    // A channel customers do not write in on.
    let r = desk.reject(record(
        "Q2",
        Channel::PressRelease,
        InquiryTopic::Other,
        None,
    ));
    assert_eq!(codes(&r), ["invalid"]);
    assert!(
        r.to_string()
            .contains("customers do not write in by press_release"),
        "{r}"
    );
    // Nor on a machine-to-machine callback.
    let r = desk.reject(record("Q2", Channel::Webhook, InquiryTopic::Other, None));
    assert!(
        r.to_string()
            .contains("customers do not write in by webhook"),
        "{r}"
    );

    // Unknown inquiry.
    let r = desk.reject(respond("Q404", None));
    assert_eq!(codes(&r), ["unknown_id"]);
    assert!(r.to_string().contains("there is no inquiry Q404"), "{r}");
    let r = desk.reject(resolve("Q404", None, None));
    assert_eq!(codes(&r), ["unknown_id"]);
    // Response before receipt, and in the future.
    let r = desk.reject(respond("Q1", Some(t0 + Duration::minutes(29))));
    assert_eq!(codes(&r), ["time_order"]);
    assert!(
        r.to_string()
            .contains("responded_at (2026-03-14 01:59:00 UTC) is earlier than received_at"),
        "{r}"
    );
    let r = desk.reject(respond("Q1", Some(now + Duration::seconds(1))));
    assert_eq!(codes(&r), ["in_the_future"]);

    // The first response is recorded once; a second is refused.
    desk.run(respond("Q1", Some(t0 + Duration::minutes(33))));
    let r = desk.reject(respond("Q1", None));
    assert_eq!(codes(&r), ["no_change"]);
    assert!(
        r.to_string().contains("already had its first response"),
        "{r}"
    );

    // Resolution before the first response, in the future, with an empty note.
    let r = desk.reject(resolve("Q1", Some(t0 + Duration::minutes(32)), None));
    assert_eq!(codes(&r), ["time_order"]);
    assert!(r.to_string().contains("first_response_at"), "{r}");
    let r = desk.reject(resolve("Q1", Some(now + Duration::hours(1)), Some(" ")));
    assert_eq!(codes(&r), ["in_the_future", "empty_text"]);
    // Resolved once; a second resolution is refused.
    desk.run(resolve("Q1", None, Some("refund initiated")));
    let r = desk.reject(resolve("Q1", None, None));
    assert_eq!(codes(&r), ["no_change"]);
    assert!(r.to_string().contains("already resolved"), "{r}");

    // Resolved without a separate response: no response can follow.
    desk.advance(5)
        .run(record("Q2", Channel::OnlineChat, InquiryTopic::Other, None))
        .advance(2)
        .run(resolve("Q2", None, None));
    let r = desk.reject(respond("Q2", None));
    assert_eq!(codes(&r), ["no_change"]);
    let q2 = &desk.incident.inquiries()[&q("Q2")];
    assert_eq!(q2.first_response_seconds(), Some(120));
    desk.assert_replays();
}

#[test]
fn survey_guards_reject_off_scale_scores_duplicates_and_future_times() {
    let mut desk = desk();
    desk.advance(60);
    let now = desk.now;
    let r = desk.reject(survey("S1", Some(6), Some(11), now));
    assert_eq!(codes(&r), ["invalid", "invalid"]);
    assert_eq!(
        r.to_string(),
        "cannot record_survey_response an incident in phase detected: \
         csat is not acceptable: csat 6 is out of range: customer satisfaction is scored 1 (very dissatisfied) to 5 (very satisfied); \
         nps is not acceptable: nps 11 is out of range: likelihood to recommend is scored 0 (not at all likely) to 10 (extremely likely)"
    );
    let r = desk.reject(survey("S1", Some(0), None, now));
    assert_eq!(codes(&r), ["invalid"]);
    let r = desk.reject(survey("S1", None, None, now));
    assert_eq!(codes(&r), ["missing"]);
    assert!(
        r.to_string()
            .contains("CSAT score (1–5), an NPS score (0–10)"),
        "{r}"
    );
    let r = desk.reject(survey("S1", Some(5), None, now + Duration::minutes(1)));
    assert_eq!(codes(&r), ["in_the_future"]);
    let r = desk.reject(Command::RecordSurveyResponse(SurveyResponse {
        id: s("S1"),
        csat: Some(5),
        nps: None,
        comment: Some(String::new()),
        received_at: now,
    }));
    assert_eq!(codes(&r), ["empty_text"]);

    // The scale edges are accepted.
    desk.run(survey("S1", Some(1), Some(0), now))
        .run(survey("S2", Some(5), Some(10), now));
    let r = desk.reject(survey("S1", Some(3), None, now));
    assert_eq!(codes(&r), ["duplicate_id"]);
    assert!(
        r.to_string().contains("survey response S1 already exists"),
        "{r}"
    );
    let stats = desk.incident.survey_stats();
    assert_eq!(stats.nps, Some(0));
    assert_eq!(stats.csat_bp, Some(5_000));
    desk.assert_replays();

    // The validating constructor refuses the same values before any command is built.
    assert_eq!(
        SurveyResponse::new(s("S3"), Some(6), None, None, now),
        Err(SurveyError::CsatOutOfRange { value: 6 })
    );
    let err: Error = SurveyError::NoScore.into();
    assert!(!err.is_rejection());
}
