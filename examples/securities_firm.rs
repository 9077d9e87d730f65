//! The securities-firm seed case end to end, told as a story: a broker's client accounts
//! are taken over by credential stuffing and money is moved out of them. A client calls
//! the hotline; the crisis team freezes the accounts, runs the regulator clocks that apply
//! to a Chinese securities firm and records its filings, issues a media holding statement
//! (rendered from the built-in zh-CN template), tells its clients, compensates verified
//! and unverified losses under the reference securities policy, fixes the cause, reviews
//! and closes, and prints the post-incident review in zh-CN.
//!
//! ```text
//! cargo run --example securities_firm
//! cargo run --example securities_firm -- --log /tmp/securities.jsonl   # also write the log
//! cargo run --example incident_cli -- validate /tmp/securities.jsonl
//! ```
//!
//! Every time is fixed (Beijing time in the text, UTC in the log): the output is the same
//! on every run. With `--log FILE` the incident's event log is written there as JSON Lines,
//! the stored form `incident_cli` reads.

use std::collections::BTreeSet;
use std::error::Error;
use std::process::ExitCode;

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use incident::actions::*;
use incident::chain::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::locale::*;
use incident::regulation::*;
use incident::review::*;
use incident::*;

type Result<T, E = Box<dyn Error>> = std::result::Result<T, E>;

/// Beijing time (UTC+8, no daylight saving) on a day of May 2026, as UTC.
fn beijing(day: u32, hour: u32, minute: u32) -> Result<DateTime<Utc>> {
    let local = Utc
        .with_ymd_and_hms(2026, 5, day, hour, minute, 0)
        .single()
        .ok_or("not a valid time")?;
    Ok(local - Duration::hours(8))
}

fn cny(yuan: i64) -> Money {
    Money::from_minor(yuan.saturating_mul(100), Currency::CNY)
}

/// A bilingual text fact value.
fn text(zh: &str, en: &str) -> FactValue {
    FactValue::text(Locale::ZhCn, zh).and(Locale::En, en)
}

/// The firm's desk: the store (here in memory), the live state, the regulation it runs
/// and the clock the story moves.
struct Desk {
    log: EventLog<Event>,
    incident: Incident,
    regulation: Regulation,
    now: DateTime<Utc>,
}

impl Desk {
    /// The host loop for one command: decide, append with the expected version, apply.
    fn run(&mut self, who: &str, command: Command) -> Result<()> {
        // Review and Close check no report is still owed under the firm's regulation.
        let ctx = Context::new(ActorId::new(who)?, self.now).with_regulation(&self.regulation);
        let envelopes = self.incident.execute(&command, &ctx)?;
        self.log.append(self.incident.version(), &envelopes)?;
        for envelope in &envelopes {
            self.incident.apply(envelope)?;
        }
        Ok(())
    }

    /// Moves the clock to a Beijing time.
    fn at(&mut self, day: u32, hour: u32, minute: u32) -> Result<&mut Self> {
        self.now = beijing(day, hour, minute)?;
        Ok(self)
    }

    /// The clock in Beijing time, for the story.
    fn clock(&self) -> String {
        Zone::SHANGHAI.format_local(self.now)
    }
}

fn heading(desk: &Desk, title: &str) {
    println!("\n== {} · {title}\n", desk.clock());
}

fn action(
    id: &str,
    kind: ActionKind,
    title: &str,
    owner: &str,
    due: Option<DateTime<Utc>>,
    measure: Measure,
) -> Result<Command> {
    Ok(Command::AddAction(NewAction {
        action_id: ActionId::new(id)?,
        kind,
        title: title.into(),
        owner: Some(ActorId::new(owner)?),
        due,
        measure: Some(measure),
    }))
}

fn done(id: &str, outcome: &str) -> Result<Command> {
    Ok(Command::CompleteAction {
        action_id: ActionId::new(id)?,
        completed_at: None,
        outcome: Some(outcome.into()),
    })
}

/// A draft carrying every element its kind requires for its audience.
fn draft(id: &str, kind: MessageKind, audience: Audience, channels: &[Channel]) -> Result<Command> {
    Ok(Command::DraftNotice(NoticeDraft {
        notice_id: NoticeId::new(id)?,
        kind,
        audience,
        channels: channels.iter().copied().collect::<BTreeSet<_>>(),
        elements: ElementRules::defaults().required_in(kind, audience, Situation::EVERY),
        facts: Default::default(),
        plan_item: None,
        corrects: None,
    }))
}

fn approve(id: &str) -> Result<Command> {
    Ok(Command::ApproveNotice {
        notice_id: NoticeId::new(id)?,
    })
}

fn sent(id: &str) -> Result<Command> {
    Ok(Command::RecordNoticeSent {
        notice_id: NoticeId::new(id)?,
        sent_at: None,
    })
}

fn filing(regime: &str, report: &str, reference: &str) -> Result<Command> {
    Ok(Command::RecordFiling {
        regime: RegimeId::new(regime)?,
        report: ReportId::new(report)?,
        submitted_at: None,
        reference: Some(reference.into()),
    })
}

fn fact(key: WellKnownKey, value: FactValue) -> Command {
    Command::RecordFact(key.fact(value))
}

/// A fact the firm clears for everyone, above its key's default label.
fn public_fact(key: WellKnownKey, value: FactValue) -> Command {
    Command::RecordFact(Fact {
        sensitivity: Sensitivity::Public,
        ..key.fact(value)
    })
}

/// The firm: a securities company established in mainland China, which also makes it a
/// network operator under the CAC Measures; Beijing time and the PRC working-day calendar.
fn profile() -> Result<EntityProfile> {
    Ok(EntityProfile::new()
        .established_in(Jurisdiction::new("CN")?)
        .entity_type(EntityType::CnSecuritiesFirm)
        .entity_type(EntityType::CnNetworkOperator)
        .time_zone(Zone::SHANGHAI)
        .calendar(CalendarId::new("cn")?))
}

fn show_obligations(desk: &Desk, regulation: &Regulation) {
    let obligations = desk.incident.obligations(regulation, desk.now);
    println!("Regulator clocks at {}:\n", desk.clock());
    println!("{obligations}");
    match desk
        .incident
        .poll_timeout(Some(regulation), desk.now)
        .map(|w| w.at)
    {
        Some(next) => println!("next timer: {}", Zone::SHANGHAI.format_local(next)),
        None => println!("next timer: none (nothing with a timestamp is open)"),
    }
}

/// A wire name (serde form) for the story.
fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// One client's claim: assessed by the pinned policy, recorded, offered, answered.
struct ClaimStory<'a> {
    claim_id: &'a str,
    claim: Claim,
    /// The customer's answer to the first offer.
    counter: Option<i64>,
    /// What the firm offers after a counter.
    reoffer: Option<i64>,
}

fn compensate(
    desk: &mut Desk,
    policy: &Policy,
    program: &ProgramId,
    story: ClaimStory<'_>,
) -> Result<()> {
    let claim_id = ClaimId::new(story.claim_id)?;
    let decision = policy.decide(&story.claim)?;
    println!(
        "{} · client {} ({} evidence, reported {}, verified {}):",
        story.claim_id,
        story.claim.customer(),
        story.claim.evidence().as_str(),
        story.claim.reported_loss(),
        story
            .claim
            .verified_loss()
            .map_or_else(|| "-".to_owned(), |m| m.to_string()),
    );
    for line in decision.explain().lines() {
        println!("    {line}");
    }
    // The incident runs the pinned policy itself and records the claim with the figures,
    // so the log can be replayed against the policy.
    desk.run(
        "comp.officer",
        Command::record_claim_assessment(program.clone(), claim_id.clone(), &story.claim),
    )?;
    if decision.needs_manual_review() {
        // A second person reviews what the policy flags, before anything is offered.
        desk.run(
            "comp.reviewer",
            Command::RecordClaimReview {
                claim_id: claim_id.clone(),
                note: "statements and login records checked against the claim".into(),
            },
        )?;
    }
    // Services go with the offer; cash goes in its amount.
    let services: Vec<Remedy> = decision
        .granted
        .iter()
        .map(|g| g.remedy.clone())
        .filter(|r| !r.is_cash() && !matches!(r, Remedy::NegotiatedSettlement {}))
        .collect();
    let mut amount = decision.cash();
    desk.run(
        "comp.officer",
        Command::OfferSettlement {
            claim_id: claim_id.clone(),
            amount,
            remedies: services,
            // The offer lapses after 30 days; a new one can be made then.
            valid_until: Some(desk.now + Duration::days(30)),
        },
    )?;
    print!("    offer {amount}");
    if let (Some(counter), Some(reoffer)) = (story.counter, story.reoffer) {
        desk.now += Duration::hours(20);
        desk.run(
            "comp.officer",
            Command::RecordClaimResponse {
                claim_id: claim_id.clone(),
                response: ClaimResponse::Countered {
                    amount: cny(counter),
                    note: Some("asks for the full reported loss".into()),
                },
            },
        )?;
        amount = cny(reoffer);
        desk.now += Duration::hours(2);
        desk.run(
            "comp.officer",
            Command::OfferSettlement {
                claim_id: claim_id.clone(),
                amount,
                remedies: vec![],
                valid_until: Some(desk.now + Duration::days(30)),
            },
        )?;
        print!(" → countered {} → offer {amount}", cny(counter));
    }
    desk.now += Duration::hours(4);
    desk.run(
        "comp.officer",
        Command::RecordClaimResponse {
            claim_id: claim_id.clone(),
            response: ClaimResponse::Accepted {},
        },
    )?;
    // Four eyes: the person who settles is not the one who offered, and the one who
    // records the payment is not the one who settled.
    desk.run(
        "comp.lead",
        Command::SettleClaim {
            claim_id: claim_id.clone(),
        },
    )?;
    print!(" → accepted → settled");
    if amount.is_positive() {
        desk.now += Duration::hours(1);
        desk.run(
            "finance",
            Command::RecordClaimPaid {
                claim_id,
                paid_at: None,
                amount,
                payment_reference: format!("TX-202605-{}", story.claim_id),
            },
        )?;
        print!(" → paid");
    }
    println!("\n");
    Ok(())
}

fn story(log_path: Option<&str>) -> Result<()> {
    let regulation = Regulation::builtin(profile()?);
    let templates = TemplateSet::builtin();

    // ---- Detection: a client calls the hotline.
    let mut impact = Impact::default();
    impact.people.estimated = Some(1_200);
    impact
        .data_categories
        .extend([DataCategory::Credentials, DataCategory::TransactionHistory]);
    impact.funds_involved = Some(cny(3_400_000));
    impact.jurisdictions.insert(Jurisdiction::new("CN")?);
    let detected = beijing(6, 10, 15)?;
    let declare = Declare::new(
        IncidentId::from_bytes(*b"broker-2026-0506"),
        IncidentKind::AccountTakeover,
        "客户证券账户被盗用",
    )
    .summary("撞库攻击：不法分子利用其他网站泄露的密码登录客户证券账户，卖出持仓并转走资金")
    .detection(DetectionSource::CustomerReport, detected)
    // The first attack logins in the trading-app log: an estimate until forensics confirms.
    .occurred_at(beijing(5, 22, 40)?, true)
    .severity(Severity::Sev1)
    .owner(ActorId::new("crisis.lead")?)
    .impact(impact);
    let now = beijing(6, 10, 20)?;
    let first = Incident::declare(&declare, &Context::new(ActorId::new("hotline.agent")?, now))?;
    let mut log = EventLog::new(declare.incident_id);
    log.append(0, &first)?;
    let mut desk = Desk {
        incident: Incident::replay(log.envelopes())?,
        log,
        regulation: regulation.clone(),
        now,
    };
    println!("# A broker's client accounts are taken over (securities-firm seed case)");
    heading(&desk, "Detected");
    println!(
        "At 10:15 a client calls the hotline: their holdings were sold overnight and the cash \
         transferred to a bank card they do not know. The hotline agent checks the login \
         log, sees a burst of logins from unfamiliar addresses across many accounts, and \
         declares an incident: {} ({}, {}), owner {}.",
        desk.incident.title(),
        desk.incident.kind(),
        desk.incident.severity(),
        desk.incident
            .owner()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    println!(
        "The documented severity rule says {}; the team declares {} because money left \
         client accounts (declaring worse than the rule is always allowed).",
        desk.incident.assessed_severity().severity,
        desk.incident.severity()
    );
    for (role, person) in [
        (Role::CommsLead, "pr.lead"),
        (Role::Legal, "legal.counsel"),
        (Role::CustomerLiaison, "service.lead"),
    ] {
        desk.run(
            "crisis.lead",
            Command::AssignRole {
                role,
                person: ActorId::new(person)?,
            },
        )?;
    }
    desk.at(6, 10, 30)?;
    desk.run(
        "secops",
        Command::AddEvidence(NewEvidence {
            evidence_id: EvidenceId::new("EV-1")?,
            description: "Trading-app login and order logs, 05-05 18:00 to 05-06 10:30".into(),
            collected_by: ActorId::new("secops")?,
            collected_at: beijing(6, 10, 25)?,
            location: "evidence vault, case folder 2026-0506".into(),
            digest: Some(ContentDigest::new(
                DigestAlgorithm::Sha256,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            )?),
        }),
    )?;

    // ---- Containment: freeze the accounts, block the attacker.
    desk.at(6, 10, 35)?;
    heading(&desk, "Containment");
    desk.run(
        "crisis.lead",
        action(
            "C-1",
            ActionKind::Containment,
            "Freeze the 1,200 accounts with logins from the attack addresses",
            "ops",
            None,
            Measure::FreezeAccounts,
        )?,
    )?;
    desk.run(
        "crisis.lead",
        action(
            "C-2",
            ActionKind::Containment,
            "Block the attacker's IP ranges at the edge",
            "secops",
            None,
            Measure::BlockIndicators,
        )?,
    )?;
    desk.at(6, 10, 45)?;
    desk.run(
        "ops",
        done("C-1", "1,200 accounts frozen; withdrawals stopped")?,
    )?;
    desk.run("secops", done("C-2", "412 addresses blocked")?)?;
    desk.run(
        "crisis.lead",
        Command::Contain {
            contained_at: Some(desk.now),
        },
    )?;
    println!(
        "Accounts frozen and the attack addresses blocked; the incident is {} at {}.",
        desk.incident.phase(),
        desk.clock()
    );

    // ---- Regulator clocks.
    desk.at(6, 11, 0)?;
    heading(&desk, "Regulator clocks");
    println!(
        "The firm is a securities company established in mainland China (and so a network \
         operator under the CAC Measures). The regimes that apply and their clocks:\n"
    );
    desk.run(
        "legal.counsel",
        Command::RecordGrade {
            grade: CnGrade::General,
            graded_at: None,
            basis: "直接经济损失约340万元，低于较大事件500万元标准；涉及约1,200名客户的个人信息"
                .into(),
            assessment: None,
            override_reason: None,
        },
    )?;
    println!(
        "Legal grades the incident under the CAC grading guide: direct loss about ¥3.4 million \
         (below the ¥5 million of 较大) and about 1,200 people, so {}.\n",
        wire(&CnGrade::General)
    );
    show_obligations(&desk, &regulation);
    desk.at(6, 11, 40)?;
    desk.run(
        "legal.counsel",
        filing("cn-csrc", "emergency-report", "SH-CSRC-2026-0506-03")?,
    )?;
    desk.run(
        "legal.counsel",
        filing("cn-pipl-57", "authority", "SH-CAC-PI-2026-0506-11")?,
    )?;
    desk.run(
        "legal.counsel",
        filing("cn-dsl-29", "competent-department", "SH-CSRC-2026-0506-03")?,
    )?;
    println!(
        "\nAt {} legal files the emergency report with the CSRC's local office (which also \
         serves as the Data Security Law report to the competent department) and the \
         personal-information report with the CAC; each is recorded as a filing.",
        desk.clock()
    );

    // ---- Scope confirmed; the media holding statement.
    desk.at(6, 11, 45)?;
    heading(&desk, "Scope and the media");
    desk.run(
        "crisis.lead",
        Command::UpdateImpact {
            update: ImpactUpdate::default().people_confirmed(860),
            reason: Some("trade-log reconciliation".into()),
        },
    )?;
    desk.run(
        "crisis.lead",
        Command::ChangeSeverity {
            severity: Severity::Sev2,
            reason: "scope confirmed at 860 accounts; all frozen".into(),
        },
    )?;
    println!(
        "Reconciling the trade log confirms 860 accounts; severity lowered to {}. A \
         financial reporter has called: the comms lead promises a statement once clients \
         have been told, so that no client reads about their account in the news first.\n",
        desk.incident.severity()
    );
    use WellKnownKey::*;
    for command in [
        fact(IncidentReference, FactValue::Literal { value: "BRK-2026-0506".into() }),
        fact(FirmName, text("某某证券", "Moumou Securities")),
        // How it was found goes in the notice to all clients: the firm labels it public.
        public_fact(
            HowDiscovered,
            text(
                "一位客户致电客服热线反映账户内股票被卖出、资金被转走，我们随即核查登录日志，发现大量来自陌生地址的异常登录。",
                "A client called our hotline to report that their shares had been sold and the cash moved out; our check of the login logs found many unusual logins from unfamiliar addresses.",
            ),
        ),
        fact(
            AffectedScope,
            text(
                "不法分子利用在其他网站泄露的账号密码登录了部分客户的证券账户，经核实涉及860个账户，其中部分账户内的资金被转出。",
                "Criminals used passwords leaked from other websites to log in to some clients' accounts; 860 accounts are confirmed, and money was moved out of some of them.",
            ),
        ),
        fact(
            MeasuresTaken,
            text(
                "我们已冻结全部受影响账户、拦截攻击来源地址，并已向监管部门和公安机关报告。",
                "We froze every affected account, blocked the attack addresses, and reported to our regulators and the police.",
            ),
        ),
        fact(
            WhatToDo,
            text(
                "请勿在不同网站使用相同密码；请尽快修改交易密码并开启短信验证。",
                "Do not reuse passwords across websites; change your trading password and turn on SMS verification.",
            ),
        ),
        fact(
            ContactPoints,
            text(
                "客服热线：400-000-0000（24小时，境外请拨+86 21 0000 0000）",
                "Hotline: 400-000-0000 (24 hours; from outside mainland China +86 21 0000 0000)",
            ),
        ),
        public_fact(
            FundsTaken,
            text(
                "被转出资金合计人民币128万元，涉及43个账户；被卖出的持仓正在逐户核对。",
                "CNY 1,280,000.00 in total was moved out of 43 accounts; the positions sold are being checked account by account.",
            ),
        ),
        public_fact(
            CompensationOffer,
            text(
                "补偿方案正在制定中，将于5月9日前公布。对经核实的资金损失，我们将先行返还，无需等待追回结果。",
                "We are still drawing up the compensation arrangements and will publish them by 9 May. Verified losses will be repaid first, without waiting for any recovery.",
            ),
        ),
        public_fact(
            CaseOwner,
            text(
                "经纪业务部刘洋负责受影响客户的个案处理，电话：021-0000-0004。",
                "Liu Yang of our brokerage department handles the cases of affected clients: +86 21 0000 0004.",
            ),
        ),
        fact(
            ComplaintChannels,
            text(
                "如对我们的处理不满意，您可以拨打中国证监会12386热线投诉。",
                "If you are not satisfied with how we handle this, you can complain to the CSRC on 12386.",
            ),
        ),
        fact(
            MediaContact,
            text(
                "品牌部（联系人：周敏），电话：021-0000-0005，电子邮箱：press@example.com",
                "Zhou Min, Brand Office: +86 21 0000 0005, press@example.com",
            ),
        ),
        fact(IssuedAt, FactValue::Time { at: beijing(6, 13, 0)? }),
        fact(NextUpdateAt, FactValue::Time { at: beijing(7, 18, 0)? }),
        fact(
            Apology,
            text(
                "对于此次事件给客户带来的损失和担忧，我们深表歉意。",
                "We apologise for the losses and the worry this has caused our clients.",
            ),
        ),
    ] {
        desk.run("pr.lead", command)?;
    }

    // ---- Client notice and disclosure.
    desk.at(6, 13, 0)?;
    heading(&desk, "Clients told");
    desk.run(
        "pr.lead",
        draft(
            "N-1",
            MessageKind::InitialNotice,
            Audience::AllCustomers,
            &[Channel::WebsiteNotice, Channel::InApp, Channel::Sms],
        )?,
    )?;
    desk.run("legal.counsel", approve("N-1")?)?;
    desk.run("pr.lead", sent("N-1")?)?;
    // Clients have heard from the firm; now the reporter gets the holding statement.
    let template = templates
        .lookup(MessageKind::HoldingStatement, Locale::ZhCn, Audience::Media)
        .ok_or("no built-in zh-CN holding statement for the media")?;
    desk.run(
        "pr.lead",
        Command::DraftNotice(
            NoticeDraft::new(
                NoticeId::new("M-1")?,
                MessageKind::HoldingStatement,
                Audience::Media,
            )
            .channels([Channel::PressRelease])
            .elements(templates.elements(template))
            .facts(template.fact_keys().cloned()),
        ),
    )?;
    desk.run("legal.counsel", approve("M-1")?)?;
    let cx = RenderContext::new(
        Locale::ZhCn,
        Zone::SHANGHAI,
        Audience::Media,
        Format::Markdown,
    );
    let rendered = templates.render(
        MessageKind::HoldingStatement,
        &desk.incident.fact_sheet(),
        &cx,
        None,
    )?;
    println!("----- holding statement · media · zh-CN (approved by legal) -----");
    if let Some(subject) = &rendered.subject {
        println!("Subject: {subject}\n");
    }
    println!("{}", rendered.body.trim_end());
    println!("-----------------------------------------------------------------");
    desk.run("pr.lead", sent("M-1")?)?;
    // A holding statement is not a disclosure to clients: the guard says so.
    let refused = desk.incident.decide(
        &Command::Disclose {
            basis: DisclosureBasis::PublicNotice {
                notice_id: NoticeId::new("M-1")?,
            },
        },
        &Context::new(ActorId::new("crisis.lead")?, desk.now),
    );
    if let Err(rejection) = refused {
        println!("Disclosing on the media statement is refused: {rejection}\n");
    }
    desk.run(
        "crisis.lead",
        Command::Disclose {
            basis: DisclosureBasis::PublicNotice {
                notice_id: NoticeId::new("N-1")?,
            },
        },
    )?;
    desk.run(
        "legal.counsel",
        filing("cn-pipl-57", "individuals", "notice N-1")?,
    )?;
    desk.run("legal.counsel", filing("cn-dsl-29", "users", "notice N-1")?)?;
    println!(
        "The client notice N-1 goes out on the website, in the app and by SMS, and is recorded \
         as the notice to individuals (PIPL Art. 57) and to users (DSL Art. 29); the incident \
         is {}.",
        desk.incident.phase()
    );

    // ---- Remediation and compensation.
    desk.at(9, 10, 0)?;
    heading(&desk, "Remediation and compensation");
    desk.run(
        "crisis.lead",
        action(
            "R-1",
            ActionKind::Remediation,
            "Reset credentials and re-verify the identity of affected clients",
            "ops",
            None,
            Measure::ResetPasswords,
        )?,
    )?;
    desk.run(
        "ops",
        done("R-1", "860 clients re-verified at the counter or by video")?,
    )?;
    let policy = reference_securities_policy();
    let program = ProgramId::new("SEC-COMP-1")?;
    desk.run(
        "crisis.lead",
        Command::open_compensation_program(program.clone(), &policy, Some(cny(5_000_000))),
    )?;
    println!(
        "Program {program} opens under the reference securities policy (budget {}): verified \
         losses are reimbursed in full; clients without proof still get an answer \
         (对于无实际证据证明受损情况的客户，也要正面回应，充分沟通).\n",
        cny(5_000_000)
    );
    let claim = |customer: &str,
                 reported: i64,
                 evidence: EvidenceStrength,
                 verified: Option<i64>|
     -> Result<Claim> {
        let mut builder = Claim::builder(
            CustomerRef::new(customer)?,
            Tier::Standard,
            cny(reported),
            evidence,
        )
        .account_compromised(true)
        .data(DataCategory::Credentials)
        .data(DataCategory::TransactionHistory);
        if let Some(v) = verified {
            builder = builder.verified_loss(cny(v));
        }
        Ok(builder.build()?)
    };
    for story in [
        ClaimStory {
            claim_id: "CL-1",
            claim: claim(
                "CLIENT-00417",
                86_000,
                EvidenceStrength::Verified,
                Some(86_000),
            )?,
            counter: None,
            reoffer: None,
        },
        ClaimStory {
            claim_id: "CL-2",
            claim: claim(
                "CLIENT-01022",
                40_000,
                EvidenceStrength::Partial,
                Some(25_000),
            )?,
            counter: Some(40_000),
            reoffer: Some(32_000),
        },
        ClaimStory {
            claim_id: "CL-3",
            claim: claim("CLIENT-02305", 15_000, EvidenceStrength::Unverified, None)?,
            counter: None,
            reoffer: None,
        },
    ] {
        compensate(&mut desk, &policy, &program, story)?;
    }
    if let Some(totals) = desk.incident.claim_totals() {
        println!("Claim totals: {}", serde_json::to_string(totals)?);
    }
    desk.at(12, 10, 0)?;
    desk.run("crisis.lead", Command::Remediate {})?;
    println!(
        "\nThe incident is {} at {}.",
        desk.incident.phase(),
        desk.clock()
    );

    // ---- Review.
    desk.at(13, 10, 0)?;
    heading(&desk, "Review");
    let due = desk.now + Duration::days(90);
    for command in [
        action(
            "P-1",
            ActionKind::Prevention,
            "MFA for every trading login",
            "it.lead",
            Some(due),
            Measure::MultiFactorAuthentication,
        )?,
        action(
            "P-2",
            ActionKind::Prevention,
            "Quarterly incident drills with the hotline",
            "crisis.lead",
            Some(due),
            Measure::IncidentDrills,
        )?,
        Command::RecordFinding(Finding {
            finding_id: FindingId::new("F-1")?,
            kind: FindingKind::RootCause,
            root_cause: Some(incident::findings::RootCause::CredentialStuffing),
            summary: "Passwords reused from a third-party leak; no second factor on trading logins".into(),
            evidence: vec![EvidenceId::new("EV-1")?],
        }),
        Command::RecordFinding(Finding {
            finding_id: FindingId::new("F-2")?,
            kind: FindingKind::WentWell,
            root_cause: None,
            summary: "Accounts frozen 30 minutes after the first client call".into(),
            evidence: vec![],
        }),
        Command::RecordFinding(Finding {
            finding_id: FindingId::new("F-3")?,
            kind: FindingKind::WentPoorly,
            root_cause: None,
            summary: "No alert on logins from many accounts at one address; a client found it first".into(),
            evidence: vec![],
        }),
        fact(
            SecurityImprovements,
            text(
                "所有交易登录启用双重验证；对同一来源的批量登录实时告警；每季度开展应急演练。",
                "Two-factor authentication on every trading login; real-time alerts on bulk logins from one source; quarterly incident drills.",
            ),
        ),
        fact(
            CompensationOffer,
            text(
                "经核实的损失全额赔付；无法提供证据的客户，我们将逐一沟通并给予补偿。",
                "Verified losses are reimbursed in full; clients without evidence are contacted one by one and compensated.",
            ),
        ),
        draft(
            "N-2",
            MessageKind::ResolutionNotice,
            Audience::AffectedCustomers,
            &[Channel::Email, Channel::Letter],
        )?,
    ] {
        desk.run("crisis.lead", command)?;
    }
    desk.run("legal.counsel", approve("N-2")?)?;
    desk.run("pr.lead", sent("N-2")?)?;
    desk.run(
        "crisis.lead",
        Command::RecordMilestone {
            milestone: Milestone::HandlingEnded,
            at: None,
        },
    )?;
    println!(
        "Findings: root cause credential stuffing (passwords reused from another site's leak); \
         MFA and quarterly drills are owned and due {}; the resolution notice N-2 (what \
         happened, what we did, what changes) went to the affected clients. Handling has \
         ended, which starts the summary-report clock:\n",
        Zone::SHANGHAI.format_local_deadline(due)
    );
    show_obligations(&desk, &regulation);
    desk.at(14, 16, 0)?;
    desk.run(
        "legal.counsel",
        filing("cn-csrc", "summary-report", "SH-CSRC-2026-0514-01")?,
    )?;
    desk.run("crisis.lead", Command::Review {})?;
    println!(
        "\nThe CSRC summary report is filed at {}; the incident is {}.",
        desk.clock(),
        desk.incident.phase()
    );

    // ---- Closure.
    desk.at(20, 10, 0)?;
    heading(&desk, "Closed");
    desk.run("crisis.lead", Command::Close {})?;
    let head = desk.incident.head();
    println!(
        "Closed after {} events; head {} (publish it where the log's editors cannot reach).",
        head.sequence, head.digest
    );
    if let Some(path) = log_path {
        std::fs::write(path, write_json_lines(desk.log.envelopes())?)
            .map_err(|e| format!("cannot write {path}: {e}"))?;
        println!("Event log written to {path} as JSON Lines.");
    }

    // ---- The review, as the board and the regulator read it.
    let obligations = desk.incident.obligations(&regulation, desk.now);
    let report = ReviewReport::build(
        &desk.incident,
        Some(&obligations),
        desk.now,
        Sensitivity::Internal,
    );
    println!("\n{}", report.to_markdown(Locale::ZhCn, Zone::SHANGHAI));
    println!(
        "(notices: {})",
        desk.incident
            .notices()
            .iter()
            .map(|(id, n)| format!("{id} {} {}", wire(&n.draft.kind), wire(&n.status)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

fn main() -> ExitCode {
    // `args_os`: a non-UTF-8 argument is reported, not a panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let log_path = match args.as_slice() {
        [] => None,
        [flag, path] if flag == "--log" => Some(path.as_str()),
        _ => {
            eprintln!("securities_firm: usage: securities_firm [--log FILE]");
            return ExitCode::from(2);
        }
    };
    match story(log_path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("securities_firm: {}", e.to_string().replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}
