//! `?` works from every fallible public function into the umbrella `incident::Error`: each
//! function below returns `Result<_, incident::Error>` and calls the public API with `?`
//! only, so a public error type without a `From` conversion fails to compile. The bodies
//! also run, on the happy path, and the error kinds are checked to land in their variant.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDate, TimeZone as _, Utc};
use incident::bundle::EvidenceBundle;
use incident::chain::{read_json_lines, verify, write_json_lines, ChainVerifier, Digest};
use incident::classify::Jurisdiction;
use incident::comms::{
    fan_out, Audience, Channel, Fact, FactSheet, FactValue, Format, MessageKind, Recipient,
    RenderContext, Sensitivity, SurveyResponse, TemplateSet,
};
use incident::compensation::{
    reference_securities_policy, Claim, ClaimCase, ClaimLetters, EvidenceStrength, Program,
    StatusLetter, Tier,
};
use incident::evidence::{ContentDigest, DigestAlgorithm};
use incident::id::{CalendarId, ClaimId, CustomerRef, FactKey, ProgramId, SurveyResponseId};
use incident::locale::{Locale, Zone};
use incident::regulation::{
    BusinessCalendar, CalendarSpec, Calendars, Day, EntityProfile, Regulation,
};
use incident::review::{veris_record, ReviewReport, VerisOptions, VerisVictim};
use incident::{
    ActorId, Command, Context, Currency, Declare, DetectionSource, Envelope, Error, Event,
    EventLog, Incident, IncidentId, IncidentKind, Money, ReplayOptions, Severity,
};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap()
}

/// The aggregate, the log, the chain, JSON Lines and the bundle.
fn lifecycle_and_record() -> Result<Incident, Error> {
    let id = IncidentId::from_bytes([7; 16]);
    let soc = ActorId::new("soc")?;
    let declare = Declare::new(
        id,
        IncidentKind::FundsTheft,
        "Funds moved from client accounts",
    )
    .detection(DetectionSource::CustomerReport, t0())
    .severity(Severity::Sev1)
    .owner(ActorId::new("ops.lead")?);
    let mut log: EventLog<Event> = EventLog::new(id);
    log.append(
        0,
        &Incident::declare(&declare, &Context::new(soc.clone(), t0()))?,
    )?;
    let mut incident = Incident::replay(log.envelopes())?;
    let note = Command::AddNote {
        text: "Withdrawals frozen".into(),
    };
    let ctx = Context::new(soc, t0() + Duration::minutes(5));
    let _events = incident.decide(&note, &ctx)?;
    let envelopes = incident.execute(&note, &ctx)?;
    log.append(incident.version(), &envelopes)?;
    for envelope in &envelopes {
        incident.apply(envelope)?;
    }
    let head = verify(log.envelopes(), None)?;
    let mut verifier = ChainVerifier::new(id, head);
    for envelope in log.envelopes() {
        verifier.push(envelope)?;
        let _ = envelope.computed_payload_digest()?;
    }
    verifier.finish()?;
    let text = write_json_lines(log.envelopes())?;
    let _ = log.envelopes()[0].to_json()?;
    let decoded: Vec<Envelope> = read_json_lines(text.as_bytes())?;
    let _ = Envelope::from_json(text.lines().next().unwrap_or_default().as_bytes())?;
    let replayed = Incident::replay_json_lines(text.as_bytes(), &ReplayOptions::default())?;
    let _ = Incident::replay_with(&decoded, &ReplayOptions::default())?;
    EvidenceBundle::export(&decoded)?.verify()?;
    assert_eq!(replayed, incident);
    Ok(incident)
}

/// Vocabulary: ids, money, jurisdictions, locales, zones, digests.
fn vocabulary() -> Result<(), Error> {
    let a = Money::from_major(100, Currency::new("CNY")?)?;
    let b = a.checked_add(Money::from_minor(50, Currency::CNY))?;
    let _ = b
        .checked_sub(a)?
        .checked_mul_bps(5_000)?
        .checked_mul_ratio(1, 3)?;
    let _ = b.checked_max(a)?.checked_min(a)?.checked_neg()?;
    let _ = b.checked_mul_int(2)?;
    let _ = b.checked_cmp(&a)?;
    let _: Money = "CNY 12.50".parse()?;
    let _ = Jurisdiction::new("CN")?;
    let _: Locale = "zh-CN".parse()?;
    let _: Zone = "Asia/Shanghai".parse()?;
    let _: Digest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".parse()?;
    let _ = ContentDigest::new(
        DigestAlgorithm::Sha256,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    )?;
    Ok(())
}

/// Regulation: calendars and obligations.
fn regulation(incident: &Incident) -> Result<(), Error> {
    let calendar = BusinessCalendar::new(CalendarSpec {
        id: CalendarId::new("hk")?,
        name: "Hong Kong (partial)".into(),
        time_zone: Zone::HONG_KONG,
        weekend: BTreeSet::from([Day::Saturday, Day::Sunday]),
        first_year: 2026,
        last_year: 2026,
        holidays: BTreeSet::new(),
        working_days: BTreeSet::new(),
        closures: BTreeSet::new(),
        source: "test".into(),
        coverage_note: None,
        coverage_notes: Default::default(),
    })?;
    let day = NaiveDate::from_ymd_opt(2026, 3, 13).unwrap();
    let _ = calendar.is_working_day(day)?;
    let _ = calendar.next_working_day(day)?;
    let _ = calendar.add_working_days(day, 3)?;
    let _ = calendar.sub_working_days(day, 3)?;
    let _ = Calendars::builtin().get(&CalendarId::new("cn")?)?;
    let regulation = Regulation::builtin(EntityProfile::new());
    let _ = incident.obligations(&regulation, t0());
    Ok(())
}

/// Compensation: claims, policies, decisions, programs.
fn compensation(incident: &Incident) -> Result<(), Error> {
    let policy = reference_securities_policy();
    let claim = Claim::builder(
        CustomerRef::new("C-1")?,
        Tier::Standard,
        Money::from_minor(0, Currency::CNY),
        EvidenceStrength::None,
    )
    .build()?;
    let _ = policy.decide(&claim)?;
    let _ = policy.assess(&claim)?;
    let _ = policy.pin()?;
    let _ = policy.compile().assess(&claim)?;
    let program = Program::new(
        ProgramId::new("P-1")?,
        &policy,
        Money::from_minor(1_000_000, Currency::CNY),
    )?;
    let _ = program.assess(&policy, [&claim])?;
    // A letter the claim's record does not support.
    let case: ClaimCase = serde_json::from_value(serde_json::json!({
        "program_id": "P-1", "customer": "C-1", "status": "assessed",
        "assessment": { "policy": { "id": "securities-firm", "version": 1 },
            "cash": { "amount_minor": 10_000, "currency": "CNY" },
            "remedies": [], "needs_manual_review": false },
        "assessed_at": "2026-03-14T01:30:00Z", "offers": [],
    }))?;
    let claim_id = ClaimId::new("CL-1")?;
    let letters = ClaimLetters::new(&claim_id, &case, &policy, Zone::SHANGHAI)?;
    assert!(matches!(
        letters
            .render(StatusLetter::Unclaimed, Locale::En)
            .map_err(Error::from),
        Err(Error::Letter(_))
    ));
    // No program is open on this incident: the error converts too.
    assert!(matches!(
        incident.compensation_program(&policy).map_err(Error::from),
        Err(Error::Compensation(_))
    ));
    Ok(())
}

/// Communications: templates, rendering, fan-out, surveys.
fn comms() -> Result<(), Error> {
    let set = TemplateSet::builtin();
    let mut sheet = FactSheet::new();
    sheet.insert(Fact {
        key: FactKey::new("firm_name")?,
        value: FactValue::Literal {
            value: "Example Securities".into(),
        },
        sensitivity: Sensitivity::Public,
        element: None,
    });
    let cx = RenderContext::new(
        Locale::En,
        Zone::SHANGHAI,
        Audience::Media,
        Format::PlainText,
    );
    // A holding statement needs more facts than the sheet holds: a render error.
    assert!(matches!(
        set.render(MessageKind::HoldingStatement, &sheet, &cx, None)
            .map_err(Error::from),
        Err(Error::Render(_))
    ));
    let recipients = [Recipient::new(
        CustomerRef::new("C-1")?,
        Locale::En,
        Channel::Email,
    )];
    for message in fan_out(
        &set,
        MessageKind::HoldingStatement,
        Audience::Media,
        &sheet,
        recipients,
    ) {
        assert!(matches!(
            message.map_err(Error::from),
            Err(Error::FanOut(_))
        ));
    }
    let _ = SurveyResponse::new(SurveyResponseId::new("S-1")?, Some(5), None, None, t0())?;
    Ok(())
}

/// Read models.
fn review(incident: &Incident) -> Result<(), Error> {
    let report = ReviewReport::build(
        incident,
        None,
        t0() + Duration::hours(1),
        Sensitivity::Internal,
    );
    assert!(!report.to_markdown(Locale::En, Zone::SHANGHAI).is_empty());
    let victim = VerisVictim {
        industry: "523".into(),
        country: "CN".into(),
        employee_count: "1001 to 10000".into(),
        government: None,
    };
    // An open incident cannot be exported yet; the error converts.
    assert!(matches!(
        veris_record(incident, &VerisOptions::new(victim, "test")).map_err(Error::from),
        Err(Error::Veris(_))
    ));
    Ok(())
}

#[test]
fn question_mark_reaches_the_umbrella_error_from_every_concern() {
    let incident = lifecycle_and_record().unwrap();
    vocabulary().unwrap();
    regulation(&incident).unwrap();
    compensation(&incident).unwrap();
    comms().unwrap();
    review(&incident).unwrap();
}

#[test]
fn errors_land_in_their_variant_and_predicates_agree() {
    assert!(matches!(
        ActorId::new(" ").map_err(Error::from),
        Err(Error::Id(_))
    ));
    assert!(matches!(
        Currency::new("XX").map_err(Error::from),
        Err(Error::Money(_))
    ));
    let err = Incident::replay(&[]).map_err(Error::from).unwrap_err();
    assert!(err.is_corrupt_history() && !err.is_conflict() && !err.is_rejection());
    let err = read_json_lines::<Event>(b"{}")
        .map_err(Error::from)
        .unwrap_err();
    assert!(matches!(err, Error::Decode(_)) && err.is_corrupt_history());
    let mut log: EventLog<Event> = EventLog::new(IncidentId::from_bytes([1; 16]));
    let err = log.append(3, &[]).map_err(Error::from).unwrap_err();
    assert!(err.is_conflict());
}
