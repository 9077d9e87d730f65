//! The first hour, printed: a securities firm's hotline reports client accounts taken over;
//! the duty officer declares the incident with the firm's emergency plan (the built-in
//! `securities.account-takeover` playbook) and the desk prints what to do first: actions by
//! owner with due times, drafts waiting for approval, the nearest regulatory deadline and
//! what the timer says to do next, in zh-CN and en.
//!
//! Run with `cargo run --example playbook`.

use chrono::{Duration, TimeZone, Utc};
use incident::classify::Jurisdiction;
use incident::first_hour::FirstHour;
use incident::id::{CalendarId, PlaybookRoleId};
use incident::locale::{Locale, Zone};
use incident::playbook::{builtin_playbook, Activation};
use incident::regulation::{EntityProfile, EntityType, Regulation};
use incident::{ActorId, Context, Declare, DetectionSource, Error, Incident, IncidentId};
use incident::{IncidentKind, Severity};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // 09:12 Beijing time: the hotline has three calls about trades nobody placed.
    let detected = Utc
        .with_ymd_and_hms(2026, 5, 12, 1, 12, 0)
        .single()
        .ok_or("a valid time")?;
    let playbook = builtin_playbook("securities.account-takeover").ok_or("built in")?;
    let security = PlaybookRoleId::new("security")?;
    let fraud = PlaybookRoleId::new("fraud")?;
    let declare = Declare::new(
        IncidentId::from_bytes(*b"broker-ato-2026a"),
        IncidentKind::AccountTakeover,
        "客户账户被盗用，出现非本人委托",
    )
    .detection(DetectionSource::CustomerReport, detected)
    .severity(Severity::Sev2)
    .owner(ActorId::new("chen.jie")?)
    .playbook(
        Activation::new(playbook, Locale::ZhCn)
            .staff(security, ActorId::new("li.qiang")?)
            .staff(fraud, ActorId::new("zhou.min")?),
    );
    let declared_at = detected + Duration::minutes(2);
    let ctx = Context::new(ActorId::new("duty.officer")?, declared_at);
    let envelopes = Incident::declare(&declare, &ctx).map_err(Error::from)?;
    let incident = Incident::replay(&envelopes).map_err(Error::from)?;
    println!(
        "One command, {} events: the declaration, the playbook's pin, its actions, its plan and two drafts.\n",
        envelopes.len()
    );

    // The firm: a securities firm and network operator in mainland China.
    let regulation = Regulation::builtin(
        EntityProfile::new()
            .established_in(Jurisdiction::new("CN")?)
            .entity_type(EntityType::CnSecuritiesFirm)
            .entity_type(EntityType::CnNetworkOperator)
            .time_zone(Zone::SHANGHAI)
            .calendar(CalendarId::new("cn")?),
    );
    let first = FirstHour::of(&incident, Some(&regulation), declared_at);
    println!("{}", first.render(Locale::ZhCn, Zone::SHANGHAI));
    println!("{}", first.render(Locale::En, Zone::SHANGHAI));
    Ok(())
}
