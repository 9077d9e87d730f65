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
        fact(AffectedScope, text("12,480名客户的账户资料被未经授权查询，其中37个账户中的资金被盗转。", "The account records of 12,480 customers were viewed without authorisation, and money was moved out of 37 of those accounts.")),
        fact(FundsTaken, text("被盗转资金合计人民币386万元。", "A total of CNY 3,860,000.00 was taken.")),
        fact(MeasuresTaken, text("我们已停用被盗用的后台账号；发现异常后即对可疑提现实施拦截；已重置受影响客户的登录密码，并已向公安机关报案。", "We disabled the stolen account; since we found the activity, we have been blocking suspicious withdrawals. We reset affected customers' passwords and reported the crime to the police.")),
        fact(WhatToDo, text("请尽快修改登录密码和交易密码，开启二次验证，并核对近期交易记录。", "Please change your login and transaction passwords, turn on two-factor authentication and check your recent transactions.")),
        fact(ContactPoints, text("客服热线：400-000-0000（24小时，境外请拨+86 21 0000 0000）；App内“在线客服”", "Hotline: 400-000-0000 from mainland China, +86 21 0000 0000 from elsewhere (24 hours); in-app chat")),
        fact(CaseOwner, text("客户服务部王敏负责本次事件的客户沟通与个案处理，联系电话021-0000-0001。", "Wang Min of our customer-service department handles customer contact and individual cases: +86 21 0000 0001.")),
        fact(ComplaintChannels, text("如对我们的处理不满意，您可以向中国人民银行金融消费权益保护咨询投诉电话12363反映。", "If you are not satisfied with how we handle this, you can complain to the People's Bank of China consumer protection line, 12363.")),
        fact(MediaContact, text("品牌与公共关系部（联系人：陈静），电话：021-0000-0002", "Chen Jing, Brand and Public Relations: +86 21 0000 0002")),
        fact(IssuedAt, FactValue::Time { at: beijing(14, 11, 30) }),
        fact(DetailsUrl, FactValue::Literal { value: "https://btepai.example/notice/0314".into() }),
        // Not decided yet, and said so: the notice can go out before the programme is.
        fact(CompensationOffer, text("补偿方案正在制定中，将于3月20日前公布；经核实被盗转的资金将先行返还，无需等待追回结果。", "We are still drawing up the compensation arrangements and will publish them by 20 March; money confirmed as taken will be refunded first, without waiting for any recovery.")),
        fact(NextUpdateAt, FactValue::Time { at: beijing(15, 18, 0) }),
        fact(Apology, text("我们没有守护好您托付的信息和资金，对此深表歉意。", "We failed to protect the information and money you trusted us with, and we are sorry.")),
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
    // Each document carries its own issue time: the resolution notice is dated today.
    desk.run("li.na", now, fact(IssuedAt, FactValue::Time { at: now }))?;
    // The investigation's result, released to customers ("公布调查结果"): the resolution
    // notice must say what happened.
    desk.run("li.na", now, Command::RecordFact(Fact {
        sensitivity: Sensitivity::Customers,
        ..RootCause.fact(text("经调查，不法分子通过钓鱼邮件窃取了一名客服人员的后台账号密码，并利用该账号查询客户资料、发起提现。该账号当时未启用二次验证，这是我们在账号安全管理上的疏漏。", "Our investigation found that criminals stole a customer-service agent's back-office password with a phishing e-mail and used the account to view customer records and request withdrawals. The account was not protected by two-factor authentication, which was a failure of our account-security controls."))
    }))?;
    desk.run("li.na", now, fact(CompensationOffer, text("经核实被盗转的资金，我们将先行全额返还至您的账户，无需等待追回结果；返还安排及申请方式将于3月20日前另行通知。", "We will refund in full, without waiting for any recovery, money confirmed as taken from your account, and will tell you by 20 March how to apply.")))?;
    desk.run(
        "zhang.min",
        now,
        Command::open_compensation_program(
            ProgramId::new("P-1")?,
            &reference_platform_policy(),
            Some("10000000.00 CNY".parse()?),
        ),
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
            .channel(Channel::Sms)
            .format(Format::PlainText)
            .body("【{{firm_name}}】事件{{incident_reference}}：经核实，您的账户将获返还{{recipient.refund}}。我们不会索要密码或验证码。详情：{{details_url}}\n{{contact_points}}")
            .build()?,
    )?;
    let recipients = (1..=3u32).map(|n| {
        Recipient::new(CustomerRef::from_static_str(n), Locale::ZhCn, Channel::Sms)
            .field("refund", format!("{},000.00元", n))
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
