//! The public status page: an incident driven through disclosure, two updates and a
//! correction, its page and Atom feed in zh-CN, zh-HK and en as golden files
//! (`tests/golden/status/`), planted internal facts that must reach neither, and the feed
//! checked against RFC 4287's required elements.
//!
//! The scenario is also written, as JSON steps, to `tests/golden/status/scenario.json`,
//! which the desk's browser test (`desk/tests/browser/`) drives over HTTP: one scenario
//! for the library, the desk and the browser. After an intended change, rewrite the files
//! with `UPDATE_GOLDEN=1 cargo test --test status_page` and review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod golden;

use chrono::{DateTime, Utc};
use driver::commands::{add_action, complete, draft};
use driver::{actor, at, id, Desk};
use incident::actions::{ActionKind, Measure};
use incident::classify::{DataCategory, Impact, Jurisdiction};
use incident::comms::*;
use incident::id::*;
use incident::lifecycle::DisclosureBasis;
use incident::locale::Locale;
use incident::status::*;
use incident::{Command, Declare, DetectionSource, Incident, IncidentKind, Phase, Severity};
use serde::Serialize;

/// One step of the scenario as the browser test replays it over HTTP.
#[derive(Serialize)]
struct Step {
    actor: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    declare: Option<Declare>,
    #[serde(skip_serializing_if = "Option::is_none")]
    command: Option<Command>,
}

/// The attacker's command-and-control host: internal, it must never reach the public.
const C2_HOST: &str = "c2.update-cdn.example (198.51.100.23)";
/// The funds involved, labelled restricted by the incident: never public.
const FUNDS_FIGURE: &str = "1,280,000";

fn text(zh_cn: &str, zh_hk: &str, en: &str) -> FactValue {
    FactValue::text(Locale::ZhCn, zh_cn)
        .and(Locale::ZhHk, zh_hk)
        .and(Locale::En, en)
}

fn public(key: WellKnownKey, value: FactValue) -> Command {
    let mut fact = key.fact(value);
    fact.sensitivity = Sensitivity::Public;
    Command::RecordFact(fact)
}

fn declaration() -> Declare {
    let mut impact = Impact::default();
    impact.people.estimated = Some(12_480);
    impact
        .data_categories
        .extend([DataCategory::ContactDetails, DataCategory::FinancialAccount]);
    impact.funds_involved = Some("1280000.00 CNY".parse().unwrap());
    impact
        .jurisdictions
        .insert(Jurisdiction::new("CN").unwrap());
    Declare::new(
        id(20),
        IncidentKind::DataBreach,
        "C2 beacon from ops jump host; funds moved",
    )
    .detection(DetectionSource::Monitoring, at(2026, 3, 14, 1, 10))
    .occurred_at(at(2026, 3, 13, 22, 0), true)
    .severity(Severity::Sev1)
    .owner(actor("zhang.min"))
    .impact(impact)
}

/// The facts of the first notice: public, in every language.
fn first_facts() -> Vec<Command> {
    use WellKnownKey::*;
    vec![
        public(FirmName, text("B特派", "B特派", "BTepai")),
        public(IncidentReference, FactValue::Literal { value: "BTP-2026-0314".into() }),
        public(Apology, text(
            "对于此次事件给您带来的困扰和损失，我们深表歉意。",
            "對於是次事件為您帶來的困擾和損失，我們深表歉意。",
            "We are sorry for the worry and the loss this has caused you.",
        )),
        public(HowDiscovered, text(
            "我们的交易监控系统发现异常提现请求，安全团队随即核查确认。",
            "我們的交易監控系統發現異常提款請求，安全團隊隨即核實確認。",
            "Our transaction monitoring flagged unusual withdrawal requests, and our security team confirmed the attack.",
        )),
        public(AffectedScope, text(
            "部分客户的账户资料被未经授权查询。",
            "部分客戶的賬戶資料被未經授權查閱。",
            "Some customers' account records were viewed without authorisation.",
        )),
        public(FundsTaken, text(
            "其中37个账户的资金被盗转，相关交易已全部冻结。",
            "其中37個賬戶的資金被盜轉，相關交易已全部凍結。",
            "Money was moved out of 37 of those accounts; every transfer involved has been frozen.",
        )),
        public(MeasuresTaken, text(
            "我们已停用被盗用的后台账号，重置了受影响客户的登录密码，并已向公安机关报案。",
            "我們已停用被盜用的後台賬戶，重設了受影響客戶的登入密碼，並已向警方報案。",
            "We disabled the stolen back-office account, reset affected customers' passwords and reported the crime to the police.",
        )),
        public(WhatToDo, text(
            "请尽快修改登录密码和交易密码，并核对近期交易记录。",
            "請盡快更改登入密碼和交易密碼，並核對近期交易記錄。",
            "Please change your login and transaction passwords and check your recent transactions.",
        )),
        public(CompensationOffer, text(
            "经核实被盗转的资金，我们将先行全额返还。",
            "經核實被盜轉的資金，我們將先行全數退還。",
            "We will refund in full any money confirmed as taken from your account.",
        )),
        public(ContactPoints, text(
            "客服热线：400-000-0000（24小时）",
            "客戶服務熱線：400-000-0000（24小時）",
            "Hotline: 400-000-0000 (24 hours)",
        )),
        public(CaseOwner, text(
            "客户权益保障专班负责跟进您的问题。",
            "客戶權益保障專責小組負責跟進您的查詢。",
            "A dedicated customer team follows up your case.",
        )),
        public(ComplaintChannels, text(
            "如对处理结果不满意，您可向中国人民银行上海总部投诉。",
            "如對處理結果不滿意，您可向中國人民銀行上海總部投訴。",
            "If you are not satisfied, you may complain to the People's Bank of China, Shanghai Head Office.",
        )),
        public(NextUpdateAt, FactValue::Time { at: at(2026, 3, 15, 10, 0) }),
        Command::RecordFact(Fact {
            key: FactKey::new("ioc.c2_host").unwrap(),
            value: FactValue::Literal { value: C2_HOST.into() },
            sensitivity: Sensitivity::Internal,
            element: None,
        }),
    ]
}

fn since(zh_cn: &str, zh_hk: &str, en: &str) -> Command {
    public(WellKnownKey::SinceLastUpdate, text(zh_cn, zh_hk, en))
}

fn next_update(at: DateTime<Utc>) -> Command {
    public(WellKnownKey::NextUpdateAt, FactValue::Time { at })
}

/// Drafts (li.na), approves (wang.fang: four eyes) and sends a notice.
fn publish(steps: &mut Vec<(i64, &'static str, Command)>, notice: Command, id: &str) {
    let notice_id = NoticeId::new(id).unwrap();
    steps.push((5, "li.na", notice));
    steps.push((
        5,
        "wang.fang",
        Command::ApproveNotice {
            notice_id: notice_id.clone(),
        },
    ));
    steps.push((
        5,
        "li.na",
        Command::RecordNoticeSent {
            notice_id,
            sent_at: None,
        },
    ));
}

fn update(id: &str) -> Command {
    draft(
        id,
        MessageKind::Update,
        Audience::AllCustomers,
        &[Channel::WebsiteNotice],
        &[
            ContentElement::SinceLastUpdate,
            ContentElement::MeasuresTaken,
            ContentElement::ContactPoints,
            ContentElement::NextUpdateTime,
            ContentElement::FundsTaken,
            ContentElement::IssuedAt,
        ],
    )
}

/// The scenario: (minutes to advance, actor, command) after the declaration.
fn steps() -> Vec<(i64, &'static str, Command)> {
    let mut steps = vec![
        (
            10,
            "zhang.min",
            add_action(
                "C-1",
                ActionKind::Containment,
                "Revoke the stolen credentials",
                Some("zhang.min"),
                None,
                Some(Measure::RevokeCredentials),
            ),
        ),
        (30, "zhang.min", complete("C-1")),
        (
            5,
            "zhang.min",
            Command::Contain {
                contained_at: Some(at(2026, 3, 14, 2, 10)),
            },
        ),
    ];
    steps.extend(first_facts().into_iter().map(|c| (1, "li.na", c)));
    let elements: Vec<ContentElement> = ElementRules::defaults()
        .required_in(
            MessageKind::InitialNotice,
            Audience::AllCustomers,
            Situation::EVERY,
        )
        .into_iter()
        .collect();
    let initial = draft(
        "N-1",
        MessageKind::InitialNotice,
        Audience::AllCustomers,
        &[Channel::WebsiteNotice],
        &elements,
    );
    publish(&mut steps, initial, "N-1");
    steps.push((
        5,
        "zhang.min",
        Command::Disclose {
            basis: DisclosureBasis::PublicNotice {
                notice_id: NoticeId::new("N-1").unwrap(),
            },
        },
    ));
    steps.push((600, "li.na", since(
        "所有受影响客户的密码已完成重置，冻结交易的核查已完成过半。",
        "所有受影響客戶的密碼已完成重設，凍結交易的核實已完成過半。",
        "Every affected customer's password has been reset, and more than half of the frozen transfers have been checked.",
    )));
    steps.push((1, "li.na", next_update(at(2026, 3, 16, 10, 0))));
    publish(&mut steps, update("N-2"), "N-2");
    steps.push((
        600,
        "li.na",
        since(
            "被盗转资金已有31个账户完成全额返还。",
            "被盜轉資金已有31個賬戶完成全數退還。",
            "Refunds are complete for 31 of the accounts money was taken from.",
        ),
    ));
    steps.push((1, "li.na", next_update(at(2026, 3, 17, 10, 0))));
    publish(&mut steps, update("N-3"), "N-3");
    steps.push((60, "li.na", since(
        "更正：上一则公告中的“31个账户”应为“13个账户”，其余账户的返还仍在办理中。",
        "更正：上一則公告中的「31個賬戶」應為「13個賬戶」，其餘賬戶的退款仍在處理中。",
        "Correction: our previous update said 31 accounts; it should have said 13. Refunds for the other accounts are in progress.",
    )));
    let mut correction = update("N-4");
    if let Command::DraftNotice(d) = &mut correction {
        d.corrects = Some(NoticeId::new("N-3").unwrap());
    }
    publish(&mut steps, correction, "N-4");
    steps
}

fn run() -> (Desk, Vec<Step>) {
    let t0 = at(2026, 3, 14, 1, 30);
    let mut desk = Desk::declare(declaration(), t0, "soc.oncall");
    let mut recorded = vec![Step {
        actor: "soc.oncall".into(),
        declare: Some(declaration()),
        command: None,
    }];
    for (minutes, by, command) in steps() {
        desk.advance(minutes).as_actor(by).run(command.clone());
        recorded.push(Step {
            actor: by.into(),
            declare: None,
            command: Some(command),
        });
    }
    (desk, recorded)
}

fn board() -> StatusBoard {
    serde_json::from_value(serde_json::json!({
        "components": [
            {"id": "app", "name": {"zh-CN": "手机App", "zh-HK": "手機App", "en": "Mobile app"}, "status": "operational"},
            {"id": "withdrawals", "name": {"zh-CN": "提现", "zh-HK": "提款", "en": "Withdrawals"}, "status": "partial_outage"}
        ],
        "maintenance": [{"id": "m-1",
            "title": {"zh-CN": "提现系统安全加固", "zh-HK": "提款系統安全加固", "en": "Security hardening of withdrawals"},
            "starts_at": "2026-03-18T16:00:00Z", "ends_at": "2026-03-18T18:00:00Z", "components": ["withdrawals"]}]
    }))
    .unwrap()
}

fn links() -> StatusLinks {
    StatusLinks {
        page: "https://status.btepai.example/status/14141414-1414-1414-1414-141414141414".into(),
        feed: "https://status.btepai.example/status/14141414-1414-1414-1414-141414141414/feed.atom"
            .into(),
    }
}

fn page(desk: &Desk) -> StatusPage {
    StatusPage::from_log(desk.log.envelopes())
        .unwrap()
        .expect("published")
}

fn view<'a>(
    locale: Locale,
    templates: &'a TemplateSet,
    board: &'a StatusBoard,
    links: &'a StatusLinks,
    now: DateTime<Utc>,
) -> StatusView<'a> {
    StatusView {
        locale,
        zone: locale.default_time_zone(),
        templates,
        board,
        links,
        at: now,
    }
}

#[test]
fn the_page_and_feed_render_as_the_golden_files_in_every_language() {
    let (desk, steps) = run();
    let page = page(&desk);
    assert_eq!(page.phase, Phase::Disclosed);
    assert_eq!(page.updates.len(), 4);
    assert_eq!(
        page.updates[3].corrects.as_ref().map(NoticeId::as_str),
        Some("N-3")
    );
    let (templates, board, links) = (TemplateSet::builtin(), board(), links());
    let mut drift = Vec::new();
    let scenario = serde_json::to_string_pretty(&steps).unwrap() + "\n";
    drift.extend(golden::check_golden("status", "scenario.json", &scenario));
    for locale in Locale::ALL {
        let v = view(locale, &templates, &board, &links, desk.now);
        drift.extend(golden::check_golden(
            "status",
            &format!("page.{locale}.html"),
            &page.html(&v),
        ));
        drift.extend(golden::check_golden(
            "status",
            &format!("feed.{locale}.atom"),
            &page.atom(&v),
        ));
    }
    assert!(
        drift.is_empty(),
        "{}\n\nIf intended: UPDATE_GOLDEN=1 cargo test --test status_page",
        drift.join("\n\n")
    );
}

#[test]
fn each_update_shows_what_was_said_when_it_was_sent_and_the_correction_links_to_it() {
    let (desk, _) = run();
    let page = page(&desk);
    let (templates, board, links) = (TemplateSet::builtin(), board(), links());
    let html = page.html(&view(Locale::En, &templates, &board, &links, desk.now));
    // The second update keeps its own words although the fact changed twice since.
    assert!(
        html.contains("more than half of the frozen transfers"),
        "{html}"
    );
    assert!(html.contains("Refunds are complete for 31 of the accounts"));
    assert!(html.contains("it should have said 13"));
    assert!(
        html.contains("This corrects: <a href=\"#update-N-3\">"),
        "{html}"
    );
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(!html.contains("<script"));
    let zh = page.html(&view(Locale::ZhCn, &templates, &board, &links, desk.now));
    assert!(zh.contains("更正公告"), "{zh}");
    assert!(zh.contains("2026年3月14日"));
}

#[test]
fn no_internal_or_restricted_fact_reaches_the_page_or_the_feed() {
    let (mut desk, _) = run();
    // The incident knows both, and its own sheet labels them above public.
    let sheet = desk.incident.fact_sheet();
    assert_eq!(
        sheet.get_str("ioc.c2_host").unwrap().sensitivity,
        Sensitivity::Internal
    );
    assert_eq!(
        sheet.get_str("funds_involved").unwrap().sensitivity,
        Sensitivity::Restricted
    );
    // A customers-only fact recorded after the last update stays off too.
    desk.advance(1)
        .as_actor("li.na")
        .run(Command::RecordFact(Fact {
            key: FactKey::new("hotline.vip").unwrap(),
            value: FactValue::Literal {
                value: "VIP line 400-999-9999".into(),
            },
            sensitivity: Sensitivity::Customers,
            element: None,
        }));
    let page = page(&desk);
    let json = serde_json::to_string(&page).unwrap();
    let (templates, board, links) = (TemplateSet::builtin(), board(), links());
    for locale in Locale::ALL {
        let v = view(locale, &templates, &board, &links, desk.now);
        for (what, out) in [
            ("html", page.html(&v)),
            ("atom", page.atom(&v)),
            ("json", json.clone()),
        ] {
            for secret in [
                C2_HOST,
                "198.51.100.23",
                FUNDS_FIGURE,
                "1280000",
                "VIP line",
                "C2 beacon",
            ] {
                assert!(!out.contains(secret), "{what} {locale} carries {secret:?}");
            }
        }
    }
}

#[test]
fn nothing_is_published_before_the_first_public_notice_is_sent() {
    let t0 = at(2026, 3, 14, 1, 30);
    let mut desk = Desk::declare(declaration(), t0, "soc.oncall");
    assert_eq!(StatusPage::from_log(desk.log.envelopes()).unwrap(), None);
    // A notice to regulators is sent: still nothing public.
    for (minutes, by, command) in steps().into_iter().take(3) {
        desk.advance(minutes).as_actor(by).run(command);
    }
    assert_eq!(StatusPage::from_log(desk.log.envelopes()).unwrap(), None);
    assert_eq!(StatusPage::from_log(&[]).unwrap(), None);
}

#[test]
fn a_correction_must_name_a_sent_notice() {
    let (mut desk, _) = run();
    let mut bad = update("N-9");
    if let Command::DraftNotice(d) = &mut bad {
        d.corrects = Some(NoticeId::new("N-404").unwrap());
    }
    let r = desk.as_actor("li.na").reject(bad);
    assert_eq!(driver::codes(&r), ["unknown_id"], "{r}");
    // Nor a draft: only what the public has read can be corrected.
    let mut draft_only = update("N-8");
    if let Command::DraftNotice(d) = &mut draft_only {
        d.corrects = Some(NoticeId::new("N-9").unwrap());
    }
    desk.run(update("N-9"));
    let r = desk.reject(draft_only);
    assert_eq!(driver::codes(&r), ["notice_status"], "{r}");
}

/// RFC 4287 §4.1.1/§4.1.2: a feed has exactly one id, title and updated, an author (or
/// every entry has one), and each entry exactly one id, title and updated, a content or
/// an alternate link; dates are RFC 3339; content type html is escaped text.
#[test]
fn the_feed_is_well_formed_atom_with_every_required_element() {
    let (desk, _) = run();
    let page = page(&desk);
    let (templates, board, links) = (TemplateSet::builtin(), board(), links());
    for locale in Locale::ALL {
        let atom = page.atom(&view(locale, &templates, &board, &links, desk.now));
        let doc = roxmltree::Document::parse(&atom).unwrap_or_else(|e| panic!("{locale}: {e}"));
        let feed = doc.root_element();
        let ns = "http://www.w3.org/2005/Atom";
        assert_eq!(
            (feed.tag_name().namespace(), feed.tag_name().name()),
            (Some(ns), "feed")
        );
        let children = |n: roxmltree::Node<'_, '_>, name: &str| -> Vec<String> {
            n.children()
                .filter(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ns))
                .map(|c| c.text().unwrap_or_default().to_owned())
                .collect()
        };
        for name in ["id", "title", "updated"] {
            assert_eq!(children(feed, name).len(), 1, "{locale} feed/{name}");
        }
        assert_eq!(children(feed, "author").len(), 1);
        DateTime::parse_from_rfc3339(&children(feed, "updated")[0]).unwrap();
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.tag_name().name() == "entry")
            .collect();
        assert_eq!(entries.len(), 4);
        let mut ids = std::collections::BTreeSet::new();
        for entry in entries {
            for name in ["id", "title", "updated", "content"] {
                assert_eq!(children(entry, name).len(), 1, "{locale} entry/{name}");
            }
            assert!(ids.insert(children(entry, "id")[0].clone()));
            DateTime::parse_from_rfc3339(&children(entry, "updated")[0]).unwrap();
            let content = entry
                .children()
                .find(|c| c.tag_name().name() == "content")
                .unwrap();
            assert_eq!(content.attribute("type"), Some("html"));
            assert!(content.text().unwrap().starts_with("<h1>"), "{locale}");
        }
    }
}

#[test]
fn the_page_replays_like_the_incident() {
    let (desk, _) = run();
    let page = page(&desk);
    assert_eq!(page.version, desk.incident.version());
    let replayed = Incident::replay(desk.log.envelopes()).unwrap();
    assert_eq!(page.facts, replayed.fact_sheet().cleared_for(PUBLIC));
    assert_eq!(page.updated_at(), page.updates[3].sent_at);
}

fn receipt(
    recipient: &str,
    channel: Channel,
    outcome: DeliveryOutcome,
    at: DateTime<Utc>,
) -> Command {
    Command::RecordDeliveryReceipt(DeliveryReceipt {
        notice_id: NoticeId::new("N-1").unwrap(),
        recipient: CustomerRef::new(recipient).unwrap(),
        channel,
        outcome,
        at,
        provider_ref: None,
        detail: (outcome == DeliveryOutcome::Bounced).then(|| "mailbox does not exist".into()),
    })
}

#[test]
fn receipts_are_events_and_the_reach_report_names_who_was_not_reached() {
    let (mut desk, _) = run();
    let t = desk.now;
    desk.advance(1).as_actor("li.na");
    for command in [
        receipt("C-1", Channel::Email, DeliveryOutcome::Accepted, t),
        receipt(
            "C-1",
            Channel::Email,
            DeliveryOutcome::Delivered,
            t + chrono::Duration::minutes(1),
        ),
        // A late "accepted" after the delivery changes nothing.
        receipt(
            "C-1",
            Channel::Sms,
            DeliveryOutcome::Accepted,
            t + chrono::Duration::minutes(1),
        ),
        receipt("C-2", Channel::Email, DeliveryOutcome::Bounced, t),
        receipt("C-3", Channel::Sms, DeliveryOutcome::Accepted, t),
        receipt("C-9", Channel::Sms, DeliveryOutcome::Delivered, t),
    ] {
        desk.run(command);
    }
    desk.assert_replays();
    let intended = ["C-1", "C-2", "C-3", "C-4"].map(|c| CustomerRef::new(c).unwrap());
    let report = ReachReport::from_log(
        desk.log.envelopes(),
        &NoticeId::new("N-1").unwrap(),
        intended,
    );
    let reached: Vec<&str> = report
        .reached
        .iter()
        .map(|r| r.recipient.as_str())
        .collect();
    assert_eq!(reached, ["C-1"]);
    assert_eq!(report.reached[0].at, t + chrono::Duration::minutes(1));
    let not: Vec<(&str, Option<DeliveryOutcome>, bool)> = report
        .not_reached
        .iter()
        .map(|u| {
            (
                u.recipient.as_str(),
                u.last.as_ref().map(|r| r.outcome),
                u.in_flight(),
            )
        })
        .collect();
    assert_eq!(
        not,
        [
            ("C-2", Some(DeliveryOutcome::Bounced), false),
            ("C-3", Some(DeliveryOutcome::Accepted), true),
            ("C-4", None, false),
        ]
    );
    assert_eq!(report.unexpected, [CustomerRef::new("C-9").unwrap()]);
    // Receipts are part of the record: the event says who was told what and when.
    let last = desk.log.envelopes().last().unwrap();
    assert_eq!(
        last.event().to_string(),
        "notice N-1 to C-9 by sms: delivered"
    );
}

#[test]
fn a_receipt_needs_a_sent_notice_and_a_past_time() {
    let (mut desk, _) = run();
    desk.as_actor("li.na").run(update("N-7"));
    let mut draft_receipt = receipt("C-1", Channel::Email, DeliveryOutcome::Delivered, desk.now);
    if let Command::RecordDeliveryReceipt(r) = &mut draft_receipt {
        r.notice_id = NoticeId::new("N-7").unwrap();
    }
    assert_eq!(
        driver::codes(&desk.reject(draft_receipt)),
        ["notice_status"]
    );
    let future = receipt(
        "C-1",
        Channel::Email,
        DeliveryOutcome::Delivered,
        desk.now + chrono::Duration::hours(1),
    );
    assert_eq!(driver::codes(&desk.reject(future)), ["in_the_future"]);
}

#[test]
fn one_fold_links_the_affected_components_and_answers_the_page_and_the_reach_report() {
    let mut declare = declaration();
    declare
        .impact
        .systems
        .extend(["app", "ops-jump-01"].map(|s| SystemName::new(s).unwrap()));
    let mut desk = Desk::declare(declare, at(2026, 3, 14, 1, 30), "soc.oncall");
    for (minutes, by, command) in steps() {
        desk.advance(minutes).as_actor(by).run(command);
    }
    let t = desk.now;
    desk.advance(1).as_actor("li.na").run(receipt(
        "C-1",
        Channel::Email,
        DeliveryOutcome::Delivered,
        t,
    ));
    let board = board();
    let fold = StatusFold::from_log(desk.log.envelopes(), &board).unwrap();
    let page = fold.page().unwrap();
    // Only the board's own ids: the jump host's name is not on the page.
    let app = ComponentId::new("app").unwrap();
    assert_eq!(
        page.components.iter().collect::<Vec<_>>(),
        [(&app, &ComponentStatus::MajorOutage)],
        "a sev1 incident not yet remediated: major outage"
    );
    // The same page as the separate fold, apart from the link it alone can make.
    let mut unlinked = page.clone();
    unlinked.components.clear();
    assert_eq!(
        StatusPage::from_log(desk.log.envelopes()).unwrap(),
        Some(unlinked)
    );
    let n1 = NoticeId::new("N-1").unwrap();
    let intended = ["C-1", "C-2"].map(|c| CustomerRef::new(c).unwrap());
    assert_eq!(
        fold.reach(&n1, intended.clone()),
        ReachReport::from_log(desk.log.envelopes(), &n1, intended)
    );
    // The board shows the component at the incident's status, however the board file
    // left it; withdrawals keeps its own partial outage.
    let live = board.with_incidents([page]);
    let status = |id: &str| {
        live.component(&ComponentId::new(id).unwrap())
            .unwrap()
            .status
    };
    assert_eq!(status("app"), ComponentStatus::MajorOutage);
    assert_eq!(status("withdrawals"), ComponentStatus::PartialOutage);
    let templates = TemplateSet::builtin();
    let links = links();
    let html = page.html(&view(Locale::En, &templates, &live, &links, desk.now));
    assert!(html.contains("<li data-status=\"major_outage\">Mobile app"));
    assert!(!html.contains("ops-jump-01"));
    // A lower severity lowers it; a resolved incident leaves it operational.
    desk.run(Command::ChangeSeverity {
        severity: Severity::Sev3,
        reason: "funds were recovered".into(),
    });
    let fold = StatusFold::from_log(desk.log.envelopes(), &board).unwrap();
    assert_eq!(
        fold.page().unwrap().components[&app],
        ComponentStatus::Degraded
    );
    assert!(!is_resolved(Phase::Disclosed) && is_resolved(Phase::Dismissed));
    // Remediated: the incident is resolved for the public, the component operational
    // again, and still linked (its subscribers hear the resolution).
    desk.run(add_action(
        "R-1",
        ActionKind::Remediation,
        "Rotate every operator credential",
        Some("zhang.min"),
        None,
        None,
    ))
    .run(complete("R-1"))
    .run(Command::DeclareCompensationNotApplicable {
        reason: "every stolen fund was returned".into(),
    })
    .run(Command::Remediate {});
    assert_eq!(desk.incident.phase(), Phase::Remediated);
    let fold = StatusFold::from_log(desk.log.envelopes(), &board).unwrap();
    assert_eq!(
        fold.page().unwrap().components[&app],
        ComponentStatus::Operational
    );
    let live = board.with_incidents(fold.page());
    assert_eq!(
        live.component(&app).unwrap().status,
        ComponentStatus::Operational
    );
}
