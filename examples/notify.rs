//! Communications for the platform-theft seed case (customer data and funds stolen from
//! the B特派 platform): adopt the reference plan, record the facts with their labels,
//! approve and render the media holding statement, the initial notice in zh-CN and en, the
//! identity-theft guide and the resolution notice, and watch the clearance check refuse an
//! internal indicator of compromise.
//!
//! Run with `cargo run --example notify`.

use std::error::Error;

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::locale::*;
use incident::*;

/// Beijing time to UTC.
fn beijing(d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, d, h, mi, 0).unwrap() - Duration::hours(8)
}

fn text(zh: &str, en: &str) -> FactValue {
    FactValue::text(Locale::ZhCn, zh).and(Locale::En, en)
}

/// A tiny host: the incident, its log and who is acting when.
struct Desk {
    incident: Incident,
    log: EventLog<Event>,
}

impl Desk {
    fn run(
        &mut self,
        who: &str,
        at: DateTime<Utc>,
        command: Command,
    ) -> Result<(), Box<dyn Error>> {
        let ctx = Context::new(ActorId::new(who)?, at);
        let envelopes = self.incident.execute(&command, &ctx)?;
        self.log.append(self.incident.version(), &envelopes)?;
        for e in &envelopes {
            self.incident.apply(e)?;
        }
        Ok(())
    }
}

fn fact(key: WellKnownKey, value: FactValue) -> Command {
    Command::RecordFact(key.fact(value))
}

/// A draft for a plan item carrying exactly the facts its template uses, so approval
/// checks what rendering will show.
fn planned_draft(
    templates: &TemplateSet,
    id: &str,
    item: &str,
    kind: MessageKind,
    audience: Audience,
    channel: Channel,
) -> Result<Command, Box<dyn Error>> {
    let template = templates
        .lookup(kind, Locale::ZhCn, audience)
        .ok_or("no template")?;
    Ok(Command::DraftNotice(
        NoticeDraft::new(NoticeId::new(id)?, kind, audience)
            .channels([channel])
            .elements(templates.elements(template))
            .facts(template.fact_keys().cloned())
            .plan_item(PlanItemId::new(item)?),
    ))
}

fn show(
    templates: &TemplateSet,
    incident: &Incident,
    kind: MessageKind,
    audience: Audience,
    locale: Locale,
) -> Result<(), Box<dyn Error>> {
    // The audience is in mainland China: times in Beijing time, whatever the language.
    let cx = RenderContext::new(locale, Zone::SHANGHAI, audience, Format::Markdown);
    let rendered = templates.render(kind, &incident.fact_sheet(), &cx, None)?;
    println!(
        "----- {} · {} · {} -----",
        kind_label(kind),
        audience,
        locale
    );
    if let Some(subject) = &rendered.subject {
        println!("Subject: {subject}\n");
    }
    println!("{}\n", rendered.body.trim_end());
    Ok(())
}

fn kind_label(kind: MessageKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn Error>> {
    use WellKnownKey::*;
    let templates = TemplateSet::builtin();
    let t0 = beijing(14, 9, 30);
    let mut impact = Impact::default();
    impact.people.estimated = Some(12_480);
    impact.data_categories.extend([
        DataCategory::BasicIdentity,
        DataCategory::IdentityDocument,
        DataCategory::ContactDetails,
        DataCategory::FinancialAccount,
    ]);
    let declare = Declare::new(
        IncidentId::from_bytes(*b"btepai-2026-0314"),
        IncidentKind::DataBreach,
        "Customer data and funds stolen",
    )
    .detection(DetectionSource::Monitoring, t0)
    .occurred_at(beijing(13, 22, 47), true)
    .severity(Severity::Sev1)
    .owner(ActorId::new("zhang.min")?)
    .impact(impact);
    let first = Incident::declare(
        &declare,
        &Context::new(ActorId::new("soc.oncall")?, t0 + Duration::minutes(5)),
    )?;
    let mut log = EventLog::new(declare.incident_id);
    log.append(0, &first)?;
    let mut desk = Desk {
        incident: Incident::replay(log.envelopes())?,
        log,
    };
    let mut now = t0 + Duration::minutes(10);

    // Roles and the plan: the comms lead approves customer and media messages.
    desk.run(
        "zhang.min",
        now,
        Command::AssignRole {
            role: Role::CommsLead,
            person: ActorId::new("li.na")?,
        },
    )?;
    desk.run(
        "zhang.min",
        now,
        Command::AssignRole {
            role: Role::Legal,
            person: ActorId::new("wang.fang")?,
        },
    )?;
    desk.run(
        "li.na",
        now,
        Command::AdoptCommsPlan {
            plan: CommsPlan::reference(),
        },
    )?;

    // The facts, each with its label (the well-known keys carry sensible defaults).
    for command in [
        fact(IncidentReference, FactValue::Literal { value: "BTP-2026-0314".into() }),
        fact(FirmName, text("B特派", "BTepai")),
        fact(HowDiscovered, text("我们的交易监控系统发现了大量异常提现请求，安全团队随即核查并确认有人使用窃取的后台账号访问了客户资料。", "Our transaction monitoring flagged a burst of unusual withdrawals; the security team confirmed that a stolen back-office account had been used to access customer records.")),
        fact(AffectedScope, text("部分客户的账户资料被未经授权查询，其中 37 个账户中的资金被盗转。", "Some customers' account records were viewed without authorisation, and money was moved out of 37 accounts.")),
        fact(MeasuresTaken, text("我们已停用被盗用的后台账号，拦截全部可疑提现，重置受影响客户的登录密码，并已向公安机关报案、向监管部门报告。", "We disabled the stolen account, stopped every suspicious withdrawal, reset affected customers' passwords, reported the crime to the police and notified our regulators.")),
        fact(WhatToDo, text("请尽快修改登录密码和交易密码，开启二次验证，并核对近期交易记录。", "Please change your login and transaction passwords, turn on two-factor authentication and check your recent transactions.")),
        fact(ContactPoints, text("客服热线 400-000-0000（24小时）；App内“在线客服”", "Hotline 400-000-0000 (24 hours); in-app chat")),
        fact(NextUpdateAt, FactValue::Time { at: beijing(15, 18, 0) }),
        fact(Apology, text("对于此次事件给您带来的担忧和不便，我们深表歉意。", "We are sorry for the worry and inconvenience this has caused.")),
        Command::RecordFact(Fact {
            key: FactKey::new("ioc.c2_address")?,
            value: FactValue::Literal { value: "203.0.113.7".into() },
            sensitivity: Sensitivity::Internal,
            element: None,
        }),
    ] {
        desk.run("li.na", now, command)?;
    }

    // The media holding statement. A draft that slips in the attacker's address is refused.
    let mut leaky = planned_draft(
        &templates,
        "PR-0",
        "media-holding",
        MessageKind::HoldingStatement,
        Audience::Media,
        Channel::PressRelease,
    )?;
    if let Command::DraftNotice(draft) = &mut leaky {
        draft.facts.insert(FactKey::new("ioc.c2_address")?);
    }
    // Drafted by a writer on the comms team; the comms lead approves (four eyes).
    desk.run("chen.jie", now, leaky)?;
    let refused = desk.incident.decide(
        &Command::ApproveNotice {
            notice_id: NoticeId::new("PR-0")?,
        },
        &Context::new(ActorId::new("li.na")?, now),
    );
    println!(
        "Approving a press release with the C2 address: {}\n",
        refused.err().map(|e| e.to_string()).unwrap_or_default()
    );
    desk.run(
        "li.na",
        now,
        Command::CancelNotice {
            notice_id: NoticeId::new("PR-0")?,
            reason: "carried an internal indicator".into(),
        },
    )?;
    desk.run(
        "chen.jie",
        now,
        planned_draft(
            &templates,
            "PR-1",
            "media-holding",
            MessageKind::HoldingStatement,
            Audience::Media,
            Channel::PressRelease,
        )?,
    )?;
    desk.run(
        "li.na",
        now,
        Command::ApproveNotice {
            notice_id: NoticeId::new("PR-1")?,
        },
    )?;
    show(
        &templates,
        &desk.incident,
        MessageKind::HoldingStatement,
        Audience::Media,
        Locale::En,
    )?;
    desk.run(
        "li.na",
        now,
        Command::RecordNoticeSent {
            notice_id: NoticeId::new("PR-1")?,
            sent_at: None,
        },
    )?;

    // Contain, then the initial notice to affected customers, approved and disclosed.
    now += Duration::hours(2);
    desk.run(
        "zhang.min",
        now,
        Command::AddAction(NewAction {
            action_id: ActionId::new("C1")?,
            kind: ActionKind::Containment,
            title: "Disable the stolen back-office account".into(),
            owner: Some(ActorId::new("ops")?),
            due: None,
            measure: Some(Measure::RevokeCredentials),
        }),
    )?;
    desk.run(
        "ops",
        now,
        Command::CompleteAction {
            action_id: ActionId::new("C1")?,
            completed_at: None,
            outcome: None,
        },
    )?;
    desk.run(
        "zhang.min",
        now,
        Command::Contain {
            contained_at: Some(now),
        },
    )?;
    desk.run(
        "chen.jie",
        now,
        planned_draft(
            &templates,
            "N-1",
            "customer-initial",
            MessageKind::InitialNotice,
            Audience::AffectedCustomers,
            Channel::Email,
        )?,
    )?;
    desk.run(
        "li.na",
        now,
        Command::ApproveNotice {
            notice_id: NoticeId::new("N-1")?,
        },
    )?;
    desk.run(
        "zhang.min",
        now,
        Command::Disclose {
            basis: DisclosureBasis::PublicNotice {
                notice_id: NoticeId::new("N-1")?,
            },
        },
    )?;
    show(
        &templates,
        &desk.incident,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        Locale::ZhCn,
    )?;
    show(
        &templates,
        &desk.incident,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        Locale::En,
    )?;
    desk.run(
        "li.na",
        now,
        Command::RecordNoticeSent {
            notice_id: NoticeId::new("N-1")?,
            sent_at: None,
        },
    )?;

    // The identity-theft guide.
    show(
        &templates,
        &desk.incident,
        MessageKind::IdentityTheftGuide,
        Audience::AffectedCustomers,
        Locale::ZhCn,
    )?;

    // What the plan says is due next and what is overdue.
    let schedule =
        CommsPlan::reference().schedule(desk.incident.plan_view(), None, now + Duration::hours(30));
    if let Some(next) = schedule.next_due() {
        println!(
            "Next planned message: {} ({}), due {}",
            next.item,
            kind_label(next.kind),
            next.due_at.map(|d| d.to_rfc3339()).unwrap_or_default()
        );
    }
    for late in schedule.overdue() {
        println!(
            "Overdue: {} ({}) for {}",
            late.item,
            kind_label(late.kind),
            late.audience
        );
    }
    println!();

    // Remediation and the resolution notice: results and improvements.
    now += Duration::days(3);
    desk.run("li.na", now, fact(SecurityImprovements, text("后台系统全面启用硬件密钥二次验证；大额提现增加人工复核；聘请第三方开展安全评估；全员防钓鱼培训并每季度演练。", "Hardware-key two-factor authentication for every back-office login; a human check on large withdrawals; an independent security assessment; anti-phishing training and quarterly drills.")))?;
    desk.run("li.na", now, fact(CompensationOffer, text("经核实被盗转的资金将全额返还；所有受影响客户可免费获得 12 个月信用监测。", "Money confirmed as stolen will be refunded in full; every affected customer gets 12 months of free credit monitoring.")))?;
    desk.run(
        "zhang.min",
        now,
        Command::open_compensation_program(
            ProgramId::new("P-1")?,
            &reference_platform_policy(),
            Some("10000000.00 CNY".parse()?),
        )?,
    )?;
    desk.run("zhang.min", now, Command::Remediate {})?;
    show(
        &templates,
        &desk.incident,
        MessageKind::ResolutionNotice,
        Audience::AffectedCustomers,
        Locale::En,
    )?;

    // Personalised fan-out: three customers, each with their own offer, rendered lazily.
    let mut set = TemplateSet::builtin();
    set.declare_recipient_field("refund")?;
    set.register(
        Template::builder(TemplateId::new("btepai.sms.refund")?, MessageKind::Update, Locale::ZhCn)
            .audience(Audience::AffectedCustomers)
            .format(Format::PlainText)
            .body("【{{firm_name}}】事件 {{incident_reference}}：{{measures_taken}}经核实，您的账户将获返还 {{recipient.refund}}。下次通报：{{next_update_at}}。咨询：{{contact_points}}")
            .build()?,
    )?;
    let recipients = (1..=3u32).map(|n| {
        Recipient::new(CustomerRef::from_static_str(n), Locale::ZhCn, Channel::Sms)
            .field("refund", format!("¥{}.00", n * 1_000))
    });
    let sheet = desk.incident.fact_sheet();
    for message in fan_out(
        &set,
        MessageKind::Update,
        Audience::AffectedCustomers,
        &sheet,
        recipients,
    ) {
        let message = message?;
        println!("SMS to {}: {}", message.recipient, message.body.trim_end());
    }
    println!(
        "\n{} events in the log; replay verifies: {}",
        desk.log.envelopes().len(),
        Incident::replay(desk.log.envelopes()).is_ok()
    );
    Ok(())
}

/// Opaque customer references for the example.
trait FromStaticStr {
    fn from_static_str(n: u32) -> Self;
}

impl FromStaticStr for CustomerRef {
    fn from_static_str(n: u32) -> Self {
        CustomerRef::new(format!("C-{n:06}")).unwrap_or_else(|_| unreachable!())
    }
}
