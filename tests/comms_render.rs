//! Templates and rendering through the public API: golden outputs of every built-in
//! template in both languages for the platform-theft seed case (the B特派 case), template
//! registration errors, rendering errors, the clearance property and the fan-out.
//!
//! The golden files are under `tests/golden/comms/`. After an intended change of wording
//! or format, rewrite them with `UPDATE_GOLDEN=1 cargo test --test comms_render` and review
//! the diff.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

mod golden;

use chrono::{DateTime, TimeZone as _, Utc};
use incident::classify::*;
use incident::comms::*;
use incident::id::*;
use incident::locale::*;
use incident::{Currency, Money};
use proptest::prelude::*;

use golden::check_golden;

const KINDS: [MessageKind; 12] = MessageKind::ALL;

const AUDIENCES: [Audience; 8] = Audience::ALL;

fn key(s: &str) -> FactKey {
    FactKey::new(s).unwrap()
}

fn id(s: &str) -> TemplateId {
    TemplateId::new(s).unwrap()
}

fn cref(s: &str) -> CustomerRef {
    CustomerRef::new(s).unwrap()
}

/// The zone the golden files are rendered for: Hong Kong time for zh-HK readers, Beijing
/// time for the others (the seed firm's).
fn reader_zone(locale: Locale) -> Zone {
    match locale {
        Locale::ZhHk => Zone::HONG_KONG,
        _ => Zone::SHANGHAI,
    }
}

/// Beijing time as UTC.
fn beijing(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap() - chrono::Duration::hours(8)
}

/// A text fact in every locale: Simplified Chinese, Hong Kong Traditional Chinese, English.
fn text(zh: &str, zh_hk: &str, en: &str) -> FactValue {
    FactValue::text(Locale::ZhCn, zh)
        .and(Locale::ZhHk, zh_hk)
        .and(Locale::En, en)
}

const C2: &str = "203.0.113.7";

/// The platform-theft seed case: customer data and some funds stolen from the B特派
/// platform, found by monitoring of withdrawals.
fn seed_sheet() -> FactSheet {
    use WellKnownKey::*;
    let mut sheet: FactSheet = [
        IncidentReference.fact(FactValue::Literal {
            value: "BTP-2026-0314".into(),
        }),
        FirmName.fact(text("B特派", "B特派", "BTepai")),
        OccurredAt.fact(FactValue::Time {
            at: beijing(2026, 3, 13, 22, 47),
        }),
        DetectedAt.fact(FactValue::Time {
            at: beijing(2026, 3, 14, 9, 30),
        }),
        HowDiscovered.fact(text(
            "我们的交易监控系统发现，少数境外IP地址在短时间内发起了大量异常提现请求。值班安全团队随即核查，确认有人使用窃取的后台账号访问了客户资料。",
            "我們的交易監控系統發現，少數境外IP地址在短時間內發起了大量異常提款請求。值班安全團隊隨即核查，確認有人使用竊取的後台賬戶存取了客戶資料。",
            "Our transaction monitoring flagged a burst of unusual withdrawal requests from a few overseas IP addresses. The on-call security team investigated and confirmed that someone had used a stolen back-office account to access customer records.",
        )),
        AffectedScope.fact(text(
            "12,480名客户的账户资料被未经授权查询，其中37个账户中的资金被盗转。",
            "12,480名客戶的賬戶資料被未經授權查詢，其中37個賬戶中的資金被盜轉。",
            "The account records of 12,480 customers were viewed without authorisation, and money was moved out of 37 of those accounts.",
        )),
        PeopleAffected.fact(FactValue::Count { n: 12_480 }),
        DataCategories.fact(FactValue::DataCategories {
            categories: [
                DataCategory::BasicIdentity,
                DataCategory::IdentityDocument,
                DataCategory::ContactDetails,
                DataCategory::FinancialAccount,
            ]
            .into_iter()
            .collect(),
        }),
        MeasuresTaken.fact(text(
            "我们已停用被盗用的后台账号并封禁相关IP地址；发现异常后即对可疑提现实施拦截；已重置受影响客户的登录密码，并已向公安机关报案。",
            "我們已停用被盜用的後台賬戶並封鎖相關IP地址；發現異常後即對可疑提款實施攔截；已重置受影響客戶的登入密碼，並已向內地公安機關報案。",
            "We disabled the stolen back-office account and blocked the addresses involved. Since we found the activity, we have been blocking suspicious withdrawals. We reset the login passwords of affected customers and reported the crime to the police.",
        )),
        SecurityImprovements.fact(text(
            "后台系统全面启用硬件密钥二次验证；大额提现增加人工复核；聘请第三方安全公司开展全面安全评估；对全体员工开展防钓鱼培训，并每季度组织应急演练。",
            "後台系統全面啟用硬件密鑰雙重認證；大額提款增加人工複核；聘請第三方安全公司進行全面安全評估；為全體員工提供防釣魚培訓，並每季度組織應急演練。",
            "Hardware-key two-factor authentication for every back-office login; a second, human check on large withdrawals; a full security assessment by an independent firm; anti-phishing training for all staff and quarterly incident drills.",
        )),
        WhatToDo.fact(text(
            "请尽快登录App修改登录密码和交易密码，开启二次验证，并核对近期的交易记录。",
            "請盡快登入App修改登入密碼和交易密碼，開啟雙重認證，並核對近期的交易記錄。",
            "Please sign in to the app, change your login and transaction passwords, turn on two-factor authentication and check your recent transactions.",
        )),
        CompensationOffer.fact(text(
            "经核实被盗转的资金，我们将先行全额返还至您的账户，无需等待追回结果；返还安排及申请方式将于3月20日前另行通知。",
            "經核實被盜轉的資金，我們將先行全額返還至您的賬戶，無需等待追回結果；返還安排及申請方式將於3月20日前另行通知。",
            "We will refund in full, without waiting for any recovery, money confirmed as taken from your account. We will tell you by 20 March how the refund works and how to apply.",
        )),
        ContactPoints.fact(text(
            "客服热线：400-000-0000（24小时，境外请拨+86 21 0000 0000）；App内“在线客服”；电子邮箱：security@btepai.example",
            "客戶服務熱線：400-000-0000（24小時，香港及海外請撥+86 21 0000 0000）；App內「網上客戶服務」；電郵：security@btepai.example",
            "Hotline: 400-000-0000 from mainland China, +86 21 0000 0000 from elsewhere (24 hours); in-app chat (\"Online service\"); e-mail: security@btepai.example",
        )),
        NextUpdateAt.fact(FactValue::Time {
            at: beijing(2026, 3, 15, 18, 0),
        }),
        Apology.fact(text(
            "我们没有守护好您托付的信息和资金，对此深表歉意。",
            "我們沒有守護好您託付的資料和資金，對此深表歉意。",
            "We failed to protect the information and money you trusted us with, and we are sorry.",
        )),
        // Confirmed by the investigation and released to customers (the resolution
        // notice must say what happened: "公布调查结果").
        Fact {
            sensitivity: Sensitivity::Customers,
            ..RootCause.fact(text(
                "经调查，不法分子通过钓鱼邮件窃取了一名客服人员的后台账号密码，并利用该账号查询客户资料、发起提现。该账号当时未启用二次验证，这是我们在账号安全管理上的疏漏。",
                "經調查，不法分子透過釣魚電郵竊取了一名客戶服務人員的後台賬戶密碼，並利用該賬戶查詢客戶資料、發起提款。該賬戶當時未啟用雙重認證，這是我們在賬戶安全管理上的疏漏。",
                "Our investigation found that criminals stole a customer-service agent's back-office password with a phishing e-mail and used the account to view customer records and request withdrawals. The account was not protected by two-factor authentication, which was a failure of our account-security controls.",
            ))
        },
        FundsInvolved.fact(FactValue::Amount {
            money: Money::from_major(3_860_000, Currency::CNY).unwrap(),
        }),
        FundsTaken.fact(text(
            "被盗转资金合计人民币386万元。",
            "被盜轉資金合計人民幣386萬元。",
            "A total of CNY 3,860,000.00 was taken.",
        )),
        CaseOwner.fact(text(
            "客户服务部王敏负责本次事件的客户沟通与个案处理，联系电话021-0000-0001。",
            "客戶服務部王敏負責本次事件的客戶溝通與個案處理，聯絡電話021-0000-0001。",
            "Wang Min of our customer-service department handles customer contact and individual cases for this incident: +86 21 0000 0001.",
        )),
        ComplaintChannels.fact(text(
            "如对我们的处理不满意，您可以向中国人民银行金融消费权益保护咨询投诉电话12363反映。",
            "如對我們的處理不滿意，您可以向中國人民銀行金融消費權益保護諮詢投訴電話12363反映。",
            "If you are not satisfied with how we handle this, you can complain to the People's Bank of China consumer protection line, 12363.",
        )),
        SinceLastUpdate.fact(text(
            "截至3月14日11时，确认被盗转资金的账户仍为37个，未发现新的受影响账户；被盗用后台账号的取证工作已完成。",
            "截至3月14日11時，確認被盜轉資金的賬戶仍為37個，未發現新的受影響賬戶；被盜用後台賬戶的取證工作已完成。",
            "As of 11:00 on 14 March, money has been taken from 37 accounts, the same number as before, and no further accounts are affected. Forensic work on the stolen back-office account is complete.",
        )),
        IssuedAt.fact(FactValue::Time {
            at: beijing(2026, 3, 14, 11, 30),
        }),
        MediaContact.fact(text(
            "品牌与公共关系部（联系人：陈静），电话：021-0000-0002，电子邮箱：press@btepai.example",
            "品牌與公共關係部（聯絡人：陳靜），電話：021-0000-0002，電郵：press@btepai.example",
            "Chen Jing, Brand and Public Relations: +86 21 0000 0002, press@btepai.example",
        )),
        IncidentGrade.fact(text(
            "初步研判为一般网络安全事件（涉及个人信息12,480人，直接经济损失386万元，均未达到较大事件标准），研判将随调查进展更新。",
            "初步研判為一般網絡安全事件（涉及個人資料12,480人，直接經濟損失386萬元，均未達到較大事件標準），研判將隨調查進展更新。",
            "Provisionally graded ordinary (一般): 12,480 people's personal information and a direct loss of CNY 3.86 million, both below the thresholds for a relatively major incident; the grade will be revisited as the investigation proceeds.",
        )),
        TrendAndImpact.fact(text(
            "异常提现已停止，暂未发现新的受影响账户；泄露的客户资料可能被用于电信诈骗，预计未来数周内受影响客户接到诈骗电话的风险上升。",
            "異常提款已停止，暫未發現新的受影響賬戶；洩露的客戶資料可能被用於電信詐騙，預計未來數週內受影響客戶接到詐騙電話的風險上升。",
            "The unauthorised withdrawals have stopped and no new accounts are affected; the leaked records may be used for phone fraud, so affected customers are likely to receive more scam calls in the coming weeks.",
        )),
        ScenePreservation.fact(text(
            "已对被盗用账号的登录日志、相关服务器镜像和网络流量记录进行固定和哈希存证，由专人保管。",
            "已對被盜用賬戶的登入日誌、相關伺服器鏡像和網絡流量記錄進行固定和哈希存證，由專人保管。",
            "Login logs of the stolen account, images of the servers involved and network traffic records have been secured and hashed, in the custody of a named person.",
        )),
        SupportNeeded.fact(text(
            "请求公安机关协助追查被盗转资金的流向，并协调相关银行冻结涉案账户。",
            "請求內地公安機關協助追查被盜轉資金的流向，並協調相關銀行凍結涉案賬戶。",
            "We ask the police to help trace the stolen funds and to coordinate with the banks concerned to freeze the accounts used.",
        )),
        Reporter.fact(text(
            "李强，信息安全部总经理，电话：021-0000-0003",
            "李強，資訊保安部總經理，電話：021-0000-0003",
            "Li Qiang, General Manager, Information Security: +86 21 0000 0003",
        )),
        DetailsUrl.fact(FactValue::Literal {
            value: DETAILS_URL.into(),
        }),
    ]
    .into_iter()
    .collect();
    sheet.insert(Fact {
        key: key("ioc.c2_address"),
        value: FactValue::Literal { value: C2.into() },
        sensitivity: Sensitivity::Internal,
        element: None,
    });
    sheet
}

/// The audience each built-in kind is usually sent to.
fn usual_audience(kind: MessageKind) -> Audience {
    match kind {
        MessageKind::HoldingStatement | MessageKind::PressRelease | MessageKind::SpokespersonQa => {
            Audience::Media
        }
        MessageKind::StaffBriefing | MessageKind::HotlineScript => Audience::Employees,
        MessageKind::RegulatorReport => Audience::Regulators,
        _ => Audience::AffectedCustomers,
    }
}

fn kind_name(kind: MessageKind) -> String {
    serde_json::to_value(kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn as_file(rendered: &Rendered) -> String {
    format!(
        "Subject: {}\n\n{}",
        rendered.subject.as_deref().unwrap_or(""),
        rendered.body
    )
}

#[test]
fn builtin_templates_render_the_seed_case_as_the_golden_files() {
    let set = TemplateSet::builtin();
    let sheet = seed_sheet();
    let mut drift = Vec::new();
    for kind in KINDS {
        for locale in Locale::ALL {
            let audience = usual_audience(kind);
            let cx = RenderContext::new(locale, reader_zone(locale), audience, Format::Markdown);
            let rendered = set
                .render(kind, &sheet, &cx, None)
                .unwrap_or_else(|e| panic!("{kind:?} {locale}: {e}"));
            assert!(!rendered.body.contains(C2));
            let text = as_file(&rendered);
            assert!(
                !text.contains("{{"),
                "{kind:?} {locale}: unrendered placeholder"
            );
            drift.extend(check_golden(
                "comms",
                &format!("{}.{locale}.md", kind_name(kind)),
                &text,
            ));
        }
    }
    // The same notices as plain text (SMS, letters): the Markdown subset is removed.
    for locale in Locale::ALL {
        let cx = RenderContext::new(
            locale,
            reader_zone(locale),
            Audience::AffectedCustomers,
            Format::PlainText,
        );
        let rendered = set
            .render(MessageKind::InitialNotice, &sheet, &cx, None)
            .unwrap();
        assert!(!rendered.body.contains("**") && !rendered.body.contains("# "));
        drift.extend(check_golden(
            "comms",
            &format!("initial_notice.{locale}.txt"),
            &as_file(&rendered),
        ));
    }
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test comms_render` and review the diff.",
        drift.join("\n\n")
    );
}

/// The identity-theft guide for each country the built-in set can be built for, in each
/// language: `identity_theft_guide.<country>.<locale>.md`.
#[test]
fn identity_theft_guides_render_per_country_as_the_golden_files() {
    let sheet = seed_sheet();
    let mut drift = Vec::new();
    for country in Country::ALL {
        let set = TemplateSet::builtin_for(country);
        for locale in Locale::ALL {
            let cx = RenderContext::new(
                locale,
                reader_zone(locale),
                Audience::AffectedCustomers,
                Format::Markdown,
            );
            let rendered = set
                .render(MessageKind::IdentityTheftGuide, &sheet, &cx, None)
                .unwrap();
            let text = as_file(&rendered);
            assert!(
                !text.contains("{{") && !text.contains("%%"),
                "{country} {locale}"
            );
            drift.extend(check_golden(
                "comms",
                &format!("identity_theft_guide.{country}.{locale}.md"),
                &text,
            ));
        }
    }
    // The default set is built for mainland China.
    assert_eq!(
        TemplateSet::builtin(),
        TemplateSet::builtin_for(Country::Cn)
    );
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test comms_render` and review the diff.",
        drift.join("\n\n")
    );
}

/// Where the seed case's full notice is published: what the short variants link to.
const DETAILS_URL: &str = "https://btepai.example/notice/0314";

/// The short SMS variants, rendered for the seed case through the fan-out (which picks
/// them for SMS recipients): each fits the default channel policy, signs first in Chinese,
/// labels its link, and matches its golden file under `tests/golden/comms/sms/` (the last
/// line is the size report).
#[test]
fn sms_variants_fit_the_default_policy_and_match_the_golden_files() {
    let set = TemplateSet::builtin();
    let sheet = seed_sheet();
    let mut drift = Vec::new();
    for kind in [
        MessageKind::InitialNotice,
        MessageKind::Update,
        MessageKind::ResolutionNotice,
        MessageKind::Survey,
    ] {
        for locale in Locale::ALL {
            let to = Recipient::new(cref("C-1"), locale, Channel::Sms);
            let message = fan_out(&set, kind, Audience::AffectedCustomers, &sheet, [to])
                .time_zone(reader_zone(locale))
                .next()
                .unwrap()
                .unwrap_or_else(|e| panic!("{kind:?} {locale}: {e}"));
            let sms = message.fit.sms.unwrap();
            assert!(sms.segments <= ChannelPolicy::default().max_sms_segments);
            let body = &message.body;
            match locale {
                Locale::ZhCn | Locale::ZhHk => {
                    assert_eq!(sms.encoding, SmsEncoding::Ucs2);
                    assert!(body.starts_with("【B特派】"), "{body}");
                }
                _ => {
                    assert_eq!(sms.encoding, SmsEncoding::Gsm7, "{body}");
                    assert!(body.starts_with("BTepai: "), "{body}");
                }
            }
            if let Some(at) = body.find(DETAILS_URL) {
                let label = &body[..at];
                assert!(
                    label.ends_with("详情：")
                        || label.ends_with("詳情：")
                        || label.ends_with("Details: "),
                    "unlabelled link in {kind:?} {locale}"
                );
            }
            for phishing in [
                "验证账户",
                "点击链接",
                "驗證賬戶",
                "點擊連結",
                "按此連結",
                "verify",
                "click",
            ] {
                assert!(!body.contains(phishing), "{kind:?} {locale}: {phishing}");
            }
            drift.extend(check_golden(
                "comms/sms",
                &format!("{}.{locale}.txt", kind_name(kind)),
                &format!("{body}\n---\n{sms}\n"),
            ));
        }
    }
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test comms_render` and review the diff.",
        drift.join("\n\n")
    );
}

/// The app-push and WeChat variants, rendered for the seed case through the fan-out (which
/// picks them for those channels): each fits the channel's default limits (the fan-out
/// refuses what does not), carries the anti-phishing line or points to the app instead of a
/// link, and matches its golden file under `tests/golden/comms/{push,wechat}/`. English has
/// no WeChat variant: the fan-out refuses the full notice there rather than cut it.
#[test]
fn push_and_wechat_variants_fit_their_channel_and_match_the_golden_files() {
    let set = TemplateSet::builtin();
    let sheet = seed_sheet();
    let mut drift = Vec::new();
    for (channel, dir) in [(Channel::AppPush, "push"), (Channel::WeChat, "wechat")] {
        for kind in [
            MessageKind::InitialNotice,
            MessageKind::Update,
            MessageKind::ResolutionNotice,
        ] {
            for locale in Locale::ALL {
                let to = Recipient::new(cref("C-1"), locale, channel);
                let result = fan_out(&set, kind, Audience::AffectedCustomers, &sheet, [to])
                    .time_zone(reader_zone(locale))
                    .next()
                    .unwrap();
                if channel == Channel::WeChat && locale == Locale::En {
                    assert!(result.is_err(), "{kind:?}: a full notice on WeChat");
                    continue;
                }
                let message = result.unwrap_or_else(|e| panic!("{kind:?} {locale}: {e}"));
                let body = &message.body;
                assert!(
                    !body.contains("http"),
                    "{kind:?} {locale}: a link in {body}"
                );
                for phishing in ["点击", "點擊", "按此", "verify", "click", "tap"] {
                    assert!(!body.contains(phishing), "{kind:?} {locale}: {phishing}");
                }
                if kind == MessageKind::InitialNotice {
                    assert!(
                        ["验证码", "驗證碼", "codes"]
                            .iter()
                            .any(|w| body.contains(w)),
                        "{kind:?} {locale}: no warning against phishing"
                    );
                }
                assert_eq!(
                    message.link.as_deref(),
                    Some(DETAILS_URL),
                    "{kind:?} {locale}"
                );
                let subject = message.subject.as_deref().unwrap_or("");
                drift.extend(check_golden(
                    &format!("comms/{dir}"),
                    &format!("{}.{locale}.txt", kind_name(kind)),
                    &format!(
                        "{subject}\n---\n{body}\n---\nlink: {DETAILS_URL}\n{} characters\n",
                        message.fit.chars
                    ),
                ));
            }
        }
    }
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test comms_render` and review the diff.",
        drift.join("\n\n")
    );
}

/// A push or WeChat message carries the full notice's address beside its text; without a
/// `details_url` fact the fan-out refuses it, naming the fact, rather than send a message
/// that leads nowhere.
#[test]
fn a_push_without_the_details_address_is_refused_naming_it() {
    let set = TemplateSet::builtin();
    let mut sheet = FactSheet::new();
    for fact in seed_sheet()
        .iter()
        .filter(|f| f.key.as_str() != "details_url")
    {
        sheet.insert(fact.clone());
    }
    for channel in [Channel::AppPush, Channel::WeChat] {
        let to = Recipient::new(cref("C-1"), Locale::ZhCn, channel);
        let err = fan_out(
            &set,
            MessageKind::InitialNotice,
            Audience::AffectedCustomers,
            &sheet,
            [to],
        )
        .next()
        .unwrap()
        .unwrap_err();
        assert!(
            err.to_string().contains("details_url"),
            "{channel:?}: {err}"
        );
    }
    // SMS prints the address in its text, so it carries no separate link.
    let to = Recipient::new(cref("C-1"), Locale::ZhCn, Channel::Sms);
    let sms = fan_out(
        &set,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &seed_sheet(),
        [to],
    )
    .next()
    .unwrap()
    .unwrap();
    assert_eq!(sms.link, None);
}

/// The survey rates statements, not yes/no questions, and asks no recommendation question
/// unless the host opts in.
#[test]
fn the_survey_rates_statements_and_asks_no_recommendation_by_default() {
    let sheet = seed_sheet();
    for locale in Locale::ALL {
        let cx = RenderContext::new(
            locale,
            Zone::SHANGHAI,
            Audience::AffectedCustomers,
            Format::PlainText,
        );
        let body = TemplateSet::builtin()
            .render(MessageKind::Survey, &sheet, &cx, None)
            .unwrap()
            .body;
        let scale = body
            .lines()
            .position(|l| l.contains("1＝非常不同意") || l.contains("1 = strongly disagree"))
            .expect("the 1–5 agreement scale is stated");
        let items: Vec<&str> = body
            .lines()
            .skip(scale + 1)
            .take_while(|l| !l.starts_with("6."))
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(items.len(), 5, "{locale}: {items:?}");
        for item in &items {
            assert!(
                !item.ends_with('？') && !item.ends_with('?'),
                "{locale}: {item}"
            );
        }
        assert!(
            !body.contains("推荐") && !body.contains("推薦") && !body.contains("recommend"),
            "{locale}"
        );
        let mut opted = TemplateSet::builtin();
        opted.add_recommendation_question().unwrap();
        let body = opted
            .render(MessageKind::Survey, &sheet, &cx, None)
            .unwrap()
            .body;
        assert!(
            body.contains("推荐") || body.contains("推薦") || body.contains("recommend"),
            "{locale}"
        );
    }
}

/// The reviewer's case: the full notices are far too long for SMS. Without a short variant
/// the fan-out refuses them with the count rather than sending a dozen segments.
#[test]
fn a_full_notice_sent_by_sms_is_refused_with_its_segment_count() {
    let mut set = TemplateSet::empty();
    for t in TemplateSet::builtin()
        .templates()
        .filter(|t| t.channel().is_none())
    {
        set.register(t.clone()).unwrap();
    }
    let sheet = seed_sheet();
    let to = |n: &str| Recipient::new(cref(n), Locale::ZhCn, Channel::Sms);
    let mut out = fan_out(
        &set,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &sheet,
        [to("A"), to("B")],
    );
    let err = out.next().unwrap().unwrap_err();
    let RenderError::DoesNotFit {
        error: ChannelFitError::TooManySmsSegments { size, max_segments },
        ..
    } = &err.error
    else {
        panic!("{err}");
    };
    assert_eq!((size.encoding, *max_segments), (SmsEncoding::Ucs2, 3));
    assert!(size.segments >= 10, "{size}");
    assert!(
        err.to_string()
            .contains("use the short SMS variant of the message"),
        "{err}"
    );
    // The next recipient is still served (and refused the same way).
    assert!(out.next().unwrap().is_err());
    // E-mail takes the full notice; its size is reported without SMS segments.
    let email = Recipient::new(cref("E"), Locale::ZhCn, Channel::Email);
    let message = fan_out(
        &set,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &sheet,
        [email],
    )
    .next()
    .unwrap()
    .unwrap();
    assert_eq!(message.fit.sms, None);
    assert_eq!(message.fit.chars, message.body.chars().count());
}

#[test]
fn seed_notices_carry_what_the_seeds_ask_for() {
    let set = TemplateSet::builtin();
    let sheet = seed_sheet();
    let cx = RenderContext::new(
        Locale::ZhCn,
        Zone::SHANGHAI,
        Audience::AffectedCustomers,
        Format::Markdown,
    );
    let notice = set
        .render(MessageKind::InitialNotice, &sheet, &cx, None)
        .unwrap();
    // 发生时间、发现的经过、受影响的客户范围、应对措施、联系方式。
    for needle in [
        "2026年3月13日22:47（北京时间）",
        "2026年3月14日09:30（北京时间）",
        "交易监控系统",
        "12,480",
        "身份证件信息",
        "停用被盗用的后台账号",
        "400-000-0000",
        "2026年3月15日18:00（北京时间）",
        // 专人负责, complaint channels, the money taken, the date line.
        "王敏",
        "12363",
        "人民币386万元",
        "特此公告。\n\nB特派\n\n2026年3月14日11:30（北京时间）",
    ] {
        assert!(notice.body.contains(needle), "{needle}");
    }
    assert_eq!(
        BTreeSet::from_iter(notice.facts_used.iter().map(FactKey::as_str)),
        BTreeSet::from([
            "affected_scope",
            "apology",
            "case_owner",
            "compensation_offer",
            "complaint_channels",
            "contact_points",
            "data_categories",
            "detected_at",
            "firm_name",
            "funds_taken",
            "how_discovered",
            "incident_reference",
            "issued_at",
            "measures_taken",
            "next_update_at",
            "occurred_at",
            "what_to_do",
        ])
    );
    // A reader in New York sees New York time.
    let cx = RenderContext::new(
        Locale::En,
        Zone::NEW_YORK,
        Audience::AffectedCustomers,
        Format::PlainText,
    );
    let notice = set
        .render(MessageKind::InitialNotice, &sheet, &cx, None)
        .unwrap();
    assert!(notice
        .body
        .contains("we found it on 13 March 2026, 21:30 EDT (UTC-4)"));
}

// --- registration errors ------------------------------------------------------------------

fn initial(body: &str) -> Result<Template, TemplateError> {
    Template::builder(id("acme.initial"), MessageKind::InitialNotice, Locale::En)
        .audience(Audience::AffectedCustomers)
        .body(body)
        .build()
}

const COMPLETE: &str = "{{occurred_at}} {{how_discovered}} {{affected_scope}} {{measures_taken}} \
     {{what_to_do}} {{compensation_offer}} {{case_owner}} {{complaint_channels}} \
     {{next_update_at}} {{issued_at}} {{contact_points}}";

#[test]
fn registration_refuses_unknown_placeholders_with_their_position() {
    let mut set = TemplateSet::builtin();
    let t = initial(&format!("{COMPLETE}\nPlease call {{{{hotline}}}}.")).unwrap();
    let err = set.register(t).unwrap_err();
    assert_eq!(
        err.to_string(),
        "template `acme.initial` body 2:13: unknown fact key `hotline`: use a well-known key (see WellKnownKey) or declare it with TemplateSet::declare_fact_key"
    );
    let t = initial(&format!("{COMPLETE} {{{{what_to_dp}}}}")).unwrap();
    let err = set.register(t).unwrap_err();
    assert!(
        matches!(&err, TemplateError::UnknownFactKey { suggestion: Some(s), .. } if s == "what_to_do"),
        "{err}"
    );
    // Declared host keys are known.
    set.declare_fact_key(key("hotline"), Some(ContentElement::ContactPoints))
        .unwrap();
    let t = initial(&format!("{COMPLETE}\nPlease call {{{{hotline}}}}.")).unwrap();
    assert_eq!(set.register(t).unwrap(), None);
}

#[test]
fn registration_refuses_unclosed_and_empty_placeholders() {
    let err = initial("Dear customer,\n\nOn {{occurred_at we found").unwrap_err();
    assert_eq!(
        err,
        TemplateError::Unclosed {
            template: id("acme.initial"),
            part: TemplatePart::Body,
            at: Position { line: 3, column: 4 },
        }
    );
    assert!(err.to_string().contains("body 3:4"), "{err}");
    let err = initial("{{}}").unwrap_err();
    assert!(
        matches!(err, TemplateError::EmptyPlaceholder { .. }),
        "{err}"
    );
    let err = Template::builder(id("x"), MessageKind::Faq, Locale::ZhCn)
        .subject("关于 {{incident_reference")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            TemplateError::Unclosed {
                part: TemplatePart::Subject,
                at: Position { line: 1, column: 4 },
                ..
            }
        ),
        "{err}"
    );
    // `{{{{` is a literal `{{`.
    let t = Template::builder(id("x"), MessageKind::Survey, Locale::En)
        .body("Write {{{{name}} in a template.")
        .build()
        .unwrap();
    let cx = RenderContext::new(
        Locale::En,
        Zone::UTC,
        Audience::Employees,
        Format::PlainText,
    );
    assert_eq!(
        t.render(&FactSheet::new(), &cx, None).unwrap().body,
        "Write {{name}} in a template."
    );
}

#[test]
fn registration_refuses_a_customer_notice_without_contact_points() {
    let mut set = TemplateSet::builtin();
    let t = initial(&COMPLETE.replace(" {{contact_points}}", "")).unwrap();
    let err = set.register(t).unwrap_err();
    assert_eq!(
        err,
        TemplateError::MissingElements {
            template: id("acme.initial"),
            kind: MessageKind::InitialNotice,
            audience: Some(Audience::AffectedCustomers),
            missing: vec![ContentElement::ContactPoints],
        }
    );
    assert_eq!(
        err.to_string(),
        "template `acme.initial` (initial_notice for affected_customers) lacks required content: contact_points (e.g. {{contact_points}}): add a placeholder for a fact that provides each, or declare a host key with the element"
    );
    // The built-in notice is still the one found.
    let found = set
        .lookup(
            MessageKind::InitialNotice,
            Locale::En,
            Audience::AffectedCustomers,
        )
        .unwrap();
    assert_eq!(found.id().as_str(), "builtin.initial_notice.en");
}

#[test]
fn registration_refuses_undeclared_recipient_fields() {
    let mut set = TemplateSet::builtin();
    set.declare_recipient_field("offer").unwrap();
    let t = initial(&format!("{COMPLETE} Your offer: {{{{recipient.offr}}}}")).unwrap();
    let err = set.register(t).unwrap_err();
    assert!(
        matches!(
            &err,
            TemplateError::UnknownRecipientField { field, suggestion: Some(s), at: Position { line: 1, column: 214 }, .. }
                if field == "offr" && s == "offer"
        ),
        "{err:?}"
    );
    assert!(matches!(
        set.declare_recipient_field("case-ref"),
        Err(TemplateError::BadRecipientField { .. })
    ));
}

// --- rendering errors -------------------------------------------------------------------

#[test]
fn a_missing_fact_is_named() {
    let set = TemplateSet::builtin();
    let mut sheet = seed_sheet();
    let mut without = FactSheet::new();
    for fact in sheet.iter().filter(|f| f.key.as_str() != "contact_points") {
        without.insert(fact.clone());
    }
    sheet = without;
    let cx = RenderContext::new(
        Locale::En,
        Zone::UTC,
        Audience::AffectedCustomers,
        Format::Markdown,
    );
    let err = set
        .render(MessageKind::InitialNotice, &sheet, &cx, None)
        .unwrap_err();
    assert_eq!(
        err,
        RenderError::MissingFacts {
            template: id("builtin.initial_notice.en"),
            keys: vec![key("contact_points")],
        }
    );
}

#[test]
fn a_missing_translation_is_an_error_not_another_language() {
    let set = TemplateSet::builtin();
    let mut sheet = seed_sheet();
    sheet.insert(WellKnownKey::WhatToDo.fact(FactValue::text(Locale::ZhCn, "请修改密码。")));
    let cx = RenderContext::new(
        Locale::En,
        Zone::UTC,
        Audience::AffectedCustomers,
        Format::PlainText,
    );
    let err = set
        .render(MessageKind::InitialNotice, &sheet, &cx, None)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fact `what_to_do` has no en text (it has: zh-CN): add the translation; a notice never switches language"
    );
}

/// A Hong Kong reader whose fact has only Simplified and English texts gets an error naming
/// the fact and zh-HK, never the Simplified text.
#[test]
fn a_fact_without_hong_kong_text_is_an_error_not_simplified_chinese() {
    let set = TemplateSet::builtin();
    let mut sheet = seed_sheet();
    sheet.insert(
        WellKnownKey::WhatToDo
            .fact(FactValue::text(Locale::ZhCn, "请修改密码。").and(Locale::En, "Change it.")),
    );
    let cx = RenderContext::new(
        Locale::ZhHk,
        Zone::HONG_KONG,
        Audience::AffectedCustomers,
        Format::PlainText,
    );
    let err = set
        .render(MessageKind::InitialNotice, &sheet, &cx, None)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fact `what_to_do` has no zh-HK text (it has: zh-CN, en): add the translation; a notice never switches language"
    );
}

/// Characters that exist only in Simplified Chinese (their Traditional forms differ): none
/// may appear in a text for Hong Kong readers. Characters both scripts share (系, 后, 台,
/// 里, 面, 户 …) are not listed.
const SIMPLIFIED_ONLY: &str =
    "这们个为说时发资经对务证还进现关应处报过与请码账号认网络该际题联钱银\
    险诈骗汇计记让费钓鱼监测门问页见国构东万实专业产员损复无总结单";

fn simplified_in(text: &str) -> Vec<char> {
    let mut found: Vec<char> = text
        .chars()
        .filter(|c| SIMPLIFIED_ONLY.contains(*c))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Every zh-HK golden file (notices, SMS variants, guides per country, review reports)
/// is written in Traditional characters throughout, and says 賬戶, 短訊, 補償 and 資料.
#[test]
fn hong_kong_texts_have_no_simplified_characters() {
    assert!(simplified_in("这个").len() == 2 && simplified_in("這個賬戶系統").is_empty());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        // The other tests are rewriting the files; the next plain run reads them.
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().contains("zh-HK") {
                files.push(path);
            }
        }
    }
    // 12 kinds, the plain-text notice, 4 country guides, 4 SMS variants, review reports.
    assert!(files.len() >= 21, "{files:?}");
    let mut problems = Vec::new();
    for path in &files {
        let mut text = std::fs::read_to_string(path).unwrap();
        // A review report or a drill programme's status also shows host data and statute
        // names as recorded (the incident title, the firm and its scenarios, a regulation's
        // recipient and citation as its law names them), the same in every locale, and so
        // does a claim letter (an appeal's case reference as the desk recorded it): whatever
        // Chinese the English text shows too is data, not the crate's wording.
        let english = path.to_string_lossy().replace("zh-HK", "en");
        let review = path.parent().is_some_and(|p| {
            p.ends_with("review") || p.ends_with("drills") || p.ends_with("letters")
        });
        if let (true, Ok(en)) = (review, std::fs::read_to_string(&english)) {
            let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
            let mut runs: Vec<&str> = en
                .split(|c: char| !cjk(c))
                .filter(|r| !r.is_empty())
                .collect();
            runs.sort_by_key(|r| std::cmp::Reverse(r.len()));
            for run in runs {
                text = text.replace(run, "");
            }
        }
        let found = simplified_in(&text);
        if !found.is_empty() {
            problems.push(format!("{}: {found:?}", path.display()));
        }
        for mainland in ["短信", "赔偿", "賠償", "帳戶", "帳號", "賬户", "個人信息"]
        {
            if text.contains(mainland) {
                problems.push(format!("{}: {mainland}", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_internal_indicator_of_compromise_never_reaches_a_press_release_or_a_regulator() {
    let mut set = TemplateSet::builtin();
    set.declare_fact_key(key("ioc.c2_address"), None).unwrap();
    // A careless host holding statement for any audience, quoting the attacker's server.
    let leaky = Template::builder(
        id("acme.holding"),
        MessageKind::HoldingStatement,
        Locale::En,
    )
    .format(Format::Markdown)
    .body(
        "{{firm_name}} is investigating traffic to {{ioc.c2_address}}. {{affected_scope}} \
         {{measures_taken}} Next update: {{next_update_at}}. Press: {{media_contact}} \
         Issued {{issued_at}}.",
    )
    .build()
    .unwrap();
    set.register(leaky).unwrap();
    let sheet = seed_sheet();
    for audience in [
        Audience::Media,
        Audience::Regulators,
        Audience::AllCustomers,
    ] {
        let cx = RenderContext::new(Locale::En, Zone::UTC, audience, Format::Markdown);
        let err = set
            .render(MessageKind::HoldingStatement, &sheet, &cx, None)
            .unwrap_err();
        let RenderError::AboveClearance { violations, .. } = &err else {
            panic!("{audience}: {err}")
        };
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].fact, key("ioc.c2_address"));
        assert_eq!(violations[0].sensitivity, Sensitivity::Internal);
        assert!(
            err.to_string().contains("leave it out or relabel it"),
            "{err}"
        );
    }
    // Relabelled restricted, it may go to a regulator, still not to the press.
    let mut relabelled = sheet.clone();
    relabelled.insert(Fact {
        sensitivity: Sensitivity::Restricted,
        ..sheet.get(&key("ioc.c2_address")).unwrap().clone()
    });
    let cx = |audience| RenderContext::new(Locale::En, Zone::UTC, audience, Format::PlainText);
    let report = set
        .render(
            MessageKind::HoldingStatement,
            &relabelled,
            &cx(Audience::Regulators),
            None,
        )
        .unwrap();
    assert!(report.body.contains(C2));
    assert!(set
        .render(
            MessageKind::HoldingStatement,
            &relabelled,
            &cx(Audience::Media),
            None
        )
        .unwrap_err()
        .is_above_clearance());
    // The built-in regulator report carries the restricted cause and funds to regulators,
    // and refuses the press.
    let report = set
        .render(
            MessageKind::RegulatorReport,
            &sheet,
            &cx(Audience::Regulators),
            None,
        )
        .unwrap();
    assert!(report.body.contains("CNY 3,860,000.00"));
    let err = set
        .render(
            MessageKind::RegulatorReport,
            &sheet,
            &cx(Audience::Media),
            None,
        )
        .unwrap_err();
    let RenderError::AboveClearance { violations, .. } = err else {
        panic!()
    };
    let keys: BTreeSet<&str> = violations.iter().map(|v| v.fact.as_str()).collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "funds_involved",
            "how_discovered",
            "incident_grade",
            "reporter",
            "root_cause",
            "scene_preservation",
            "support_needed",
            "trend_and_impact"
        ])
    );
}

// --- the clearance property --------------------------------------------------------------

const SENSITIVITIES: [Sensitivity; 4] = [
    Sensitivity::Public,
    Sensitivity::Customers,
    Sensitivity::Restricted,
    Sensitivity::Internal,
];

fn token(i: usize, salt: u32) -> String {
    // Letters and digits only, so Markdown escaping leaves it whole.
    format!("Z{i}Q{salt}Z")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// No rendered message carries a fact above its audience's clearance, and every
    /// referenced fact above it refuses the message.
    #[test]
    fn no_message_carries_a_fact_above_its_audience_clearance(
        labels in proptest::collection::vec(proptest::option::weighted(0.9, 0..4_usize), 8),
        referenced in proptest::collection::vec(any::<bool>(), 8),
        in_subject in proptest::collection::vec(any::<bool>(), 8),
        salts in proptest::collection::vec(any::<u32>(), 8),
        audience in 0..8_usize,
        markdown in any::<bool>(),
    ) {
        let audience = AUDIENCES[audience];
        let clearance = audience.clearance();
        let mut sheet = FactSheet::new();
        for (i, label) in labels.iter().enumerate() {
            if let Some(label) = label {
                sheet.insert(Fact {
                    key: key(&format!("host.k{i}")),
                    value: FactValue::Literal { value: token(i, salts[i]) },
                    sensitivity: SENSITIVITIES[*label],
                    element: None,
                });
            }
        }
        let mut subject = String::from("About");
        let mut body = String::from("# Notice\n\n");
        for i in (0..8).filter(|i| referenced[*i]) {
            let placeholder = format!("{{{{host.k{i}}}}}");
            if in_subject[i] {
                subject.push_str(&format!(" {placeholder}"));
            } else {
                body.push_str(&format!("- {placeholder}\n"));
            }
        }
        let format = if markdown { Format::Markdown } else { Format::PlainText };
        let template = Template::builder(id("prop"), MessageKind::Survey, Locale::En)
            .format(Format::Markdown)
            .subject(subject)
            .body(body)
            .build()
            .unwrap();
        let cx = RenderContext::new(Locale::En, Zone::UTC, audience, format);
        let above: BTreeSet<String> = (0..8)
            .filter(|i| referenced[*i])
            .filter(|i| labels[*i].is_some_and(|l| SENSITIVITIES[l] > clearance))
            .map(|i| format!("host.k{i}"))
            .collect();
        let missing = (0..8).any(|i| referenced[i] && labels[i].is_none());
        match template.render(&sheet, &cx, None) {
            Ok(rendered) => {
                prop_assert!(above.is_empty());
                prop_assert!(!missing);
                let text = format!("{}\n{}", rendered.subject.unwrap_or_default(), rendered.body);
                for fact in sheet.iter() {
                    let i: usize = fact.key.as_str()["host.k".len()..].parse().unwrap();
                    let present = text.contains(&token(i, salts[i]));
                    if fact.sensitivity > clearance {
                        prop_assert!(!present, "{} leaked to {}", fact.key, audience);
                    } else {
                        prop_assert_eq!(present, referenced[i]);
                    }
                }
            }
            Err(RenderError::AboveClearance { violations, .. }) => {
                let keys: BTreeSet<String> =
                    violations.iter().map(|v| v.fact.as_str().to_owned()).collect();
                prop_assert_eq!(keys, above);
            }
            Err(RenderError::MissingFacts { .. }) => {
                prop_assert!(above.is_empty());
                prop_assert!(missing);
            }
            Err(other) => prop_assert!(false, "unexpected error: {other}"),
        }
    }
}

// --- fan-out -----------------------------------------------------------------------------

/// The built-ins plus an English SMS notice with the recipient's offer and case number.
fn fan_out_set() -> TemplateSet {
    let mut set = TemplateSet::builtin();
    set.declare_recipient_field("offer").unwrap();
    set.declare_recipient_field("case_ref").unwrap();
    let sms = Template::builder(id("acme.sms.initial"), MessageKind::InitialNotice, Locale::En)
        .audience(Audience::AffectedCustomers)
        .subject("{{firm_name}} case {{recipient.case_ref}}")
        .body(
            "{{firm_name}}: on {{occurred_at}} an incident touched your account ({{data_categories}}). \
             How we found it: {{how_discovered}} {{affected_scope}} {{measures_taken}} \
             Your offer: {{recipient.offer}} Case {{recipient.case_ref}}. Help: {{contact_points}} \
             {{what_to_do}} {{compensation_offer}} {{case_owner}} {{complaint_channels}} \
             Next update by {{next_update_at}}. Issued {{issued_at}}.",
        )
        .build()
        .unwrap();
    set.register(sms).unwrap();
    set
}

/// A channel policy that lets `acme.sms.initial` through: that fixture carries every
/// element, far more than an SMS should (the limits are tested on their own above).
fn lenient() -> ChannelPolicy {
    ChannelPolicy::default().max_sms_segments(usize::MAX)
}

fn recipient(n: u64) -> Recipient {
    let locale = if n % 3 == 0 { Locale::ZhCn } else { Locale::En };
    let channel = [Channel::Sms, Channel::Email, Channel::Letter][(n % 5 % 3) as usize];
    let mut r = Recipient::new(cref(&format!("C-{n:06}")), locale, channel)
        .field("offer", format!("¥{} credit", n * 10))
        .field("case_ref", format!("K-{n}"));
    if n % 4 == 1 {
        r = r.time_zone(Zone::NEW_YORK);
    }
    r
}

#[test]
fn fan_out_is_lazy() {
    let set = fan_out_set();
    let sheet = seed_sheet();
    let recipients = (0..).map(|n| {
        assert!(n < 5, "recipient {n} was pulled");
        recipient(n)
    });
    let messages: Vec<_> = fan_out(
        &set,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &sheet,
        recipients,
    )
    .channel_policy(lenient())
    .take(5)
    .collect();
    assert_eq!(messages.len(), 5);
    assert!(messages.iter().all(Result::is_ok));
}

#[test]
fn fan_out_equals_rendering_one_by_one() {
    let set = fan_out_set();
    let sheet = seed_sheet();
    let messages = fan_out(
        &set,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &sheet,
        (0..60).map(recipient),
    )
    .channel_policy(lenient());
    for (n, message) in (0..60).zip(messages) {
        let r = recipient(n);
        let message = message.unwrap();
        let format = Format::for_channel(r.channel);
        let zone = r.time_zone.unwrap_or(r.locale.default_time_zone());
        let cx = RenderContext::new(r.locale, zone, Audience::AffectedCustomers, format);
        // The template for the recipient's channel: the built-in short SMS variant for
        // zh-CN SMS recipients, the host's English notice for the others.
        let one = set
            .lookup_for(
                MessageKind::InitialNotice,
                r.locale,
                Audience::AffectedCustomers,
                r.channel,
            )
            .unwrap()
            .render(&sheet, &cx, Some(&r))
            .unwrap();
        assert_eq!(message.recipient, r.id);
        assert_eq!(
            (message.channel, message.locale, message.format),
            (r.channel, r.locale, format)
        );
        assert_eq!(message.subject, one.subject);
        assert_eq!(message.body, one.body);
        if r.locale == Locale::En {
            assert!(
                message.body.contains(&format!("Case K-{n}.")),
                "{}",
                message.body
            );
        }
        let says_when = one.facts_used.iter().any(|k| k.as_str() == "occurred_at");
        if r.time_zone == Some(Zone::NEW_YORK) && says_when {
            let expected = match r.locale {
                Locale::En => "13 March 2026, 10:47 EDT",
                _ => "2026年3月13日10:47（美国东部时间，UTC-4）",
            };
            assert!(message.body.contains(expected), "{}", message.body);
        }
    }
}

#[test]
fn fan_out_reports_each_failed_recipient_and_goes_on() {
    let set = fan_out_set();
    let sheet = seed_sheet();
    let recipients = vec![
        recipient(1),
        Recipient::new(cref("NO-FIELDS"), Locale::En, Channel::Sms),
        recipient(2),
    ];
    let results: Vec<_> = fan_out(
        &set,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &sheet,
        recipients,
    )
    .collect();
    assert!(results[0].is_ok() && results[2].is_ok());
    let err = results[1].as_ref().unwrap_err();
    assert_eq!(
        err.to_string(),
        "notice for recipient `NO-FIELDS` not rendered: recipient `NO-FIELDS` has no field `case_ref`, which template `acme.sms.initial` uses: add it to the recipient's fields"
    );
    // A sheet that breaks clearance fails every recipient, naming each.
    let mut leaky = seed_sheet();
    leaky.insert(Fact {
        sensitivity: Sensitivity::Internal,
        ..leaky.get(&key("firm_name")).unwrap().clone()
    });
    let errors: Vec<_> = fan_out(
        &set,
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &leaky,
        (0..4).map(recipient),
    )
    .map(|r| r.unwrap_err())
    .collect();
    assert_eq!(errors.len(), 4);
    assert!(errors.iter().all(|e| e.error.is_above_clearance()));
    assert_eq!(errors[3].recipient, cref("C-000003"));
}

#[test]
fn recipients_round_trip_through_json() {
    let r = recipient(1);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["time_zone"], "America/New_York");
    assert_eq!(json["locale"], "en");
    assert_eq!(serde_json::from_value::<Recipient>(json).unwrap(), r);
}

/// No built-in document a customer or the public reads makes an absolute promise from the
/// documented list ([`ABSOLUTE_PROMISES`]), in any language, for any country, full or
/// short (staff documents quote the phrases as lines not to use, so they are not checked).
#[test]
fn no_customer_or_press_document_makes_an_absolute_promise() {
    let sheet = seed_sheet();
    let public = [
        MessageKind::InitialNotice,
        MessageKind::Update,
        MessageKind::HoldingStatement,
        MessageKind::PressRelease,
        MessageKind::IdentityTheftGuide,
        MessageKind::Faq,
        MessageKind::ResolutionNotice,
        MessageKind::Survey,
    ];
    let mut checked = 0;
    for country in Country::ALL {
        let set = TemplateSet::builtin_for(country);
        for kind in public {
            for locale in Locale::ALL {
                for channel in [Channel::Email, Channel::Sms] {
                    let to = Recipient::new(cref("C-1"), locale, channel);
                    let message = fan_out(&set, kind, usual_audience(kind), &sheet, [to])
                        .next()
                        .unwrap();
                    // Kinds without a short variant are refused by SMS; that is tested above.
                    let Ok(message) = message else { continue };
                    let text = format!("{}\n{}", message.subject.unwrap_or_default(), message.body);
                    let found = absolute_promises(&text);
                    assert!(
                        found.is_empty(),
                        "{kind:?} {locale} {channel:?} {country}: {found:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= public.len() * Locale::ALL.len() * Country::ALL.len());
    // The list catches what the first templates said.
    assert_eq!(
        absolute_promises("我们将全力确保此类事件不会再发生，并拦截了全部可疑提现。"),
        ["确保", "不会再发生", "拦截了全部"]
    );
    assert_eq!(
        absolute_promises(
            "We stopped every suspicious withdrawal and will ensure this can never happen again."
        ),
        ["ensure", "never happen", "stopped every"]
    );
}

/// A document is dated when it is issued: the render context's issue time prints in place
/// of the sheet's `issued_at` (which would date every later document with the first one's
/// time), and stands in for it when the sheet has none.
#[test]
fn the_render_context_dates_the_document() {
    let set = TemplateSet::builtin();
    let mut sheet = seed_sheet();
    let cx = RenderContext::new(
        Locale::ZhCn,
        Zone::SHANGHAI,
        Audience::AffectedCustomers,
        Format::Markdown,
    );
    let later = beijing(2026, 3, 17, 10, 5);
    let body = |sheet: &FactSheet, cx: &RenderContext| {
        set.render(MessageKind::ResolutionNotice, sheet, cx, None)
            .map(|r| r.body)
    };
    let recorded = body(&sheet, &cx).unwrap();
    assert!(
        recorded.ends_with("2026年3月14日11:30（北京时间）\n"),
        "{recorded}"
    );
    let dated = body(&sheet, &cx.issued_at(later)).unwrap();
    assert!(
        dated.ends_with("2026年3月17日10:05（北京时间）\n"),
        "{dated}"
    );
    sheet = sheet
        .iter()
        .filter(|f| f.key != key("issued_at"))
        .cloned()
        .collect();
    assert!(matches!(
        body(&sheet, &cx),
        Err(RenderError::MissingFacts { keys, .. }) if keys == [key("issued_at")]
    ));
    assert_eq!(body(&sheet, &cx.issued_at(later)).unwrap(), dated);
    // The fan-out dates every message the same way.
    let to = Recipient::new(cref("C-1"), Locale::ZhCn, Channel::Email);
    let message = fan_out(
        &set,
        MessageKind::ResolutionNotice,
        Audience::AffectedCustomers,
        &sheet,
        [to],
    )
    .time_zone(Zone::SHANGHAI)
    .format(Format::Markdown)
    .issued_at(later)
    .next()
    .unwrap()
    .unwrap();
    assert_eq!(message.body, dated);
}

/// A securities firm's FAQ also answers how a frozen account is released and whether sold
/// shares are restored (the securities playbook's clients, whose shares were sold by the
/// intruder); the variant is opt-in and replaces the FAQ in every language.
#[test]
fn the_securities_faq_answers_frozen_accounts_and_sold_positions() {
    let mut set = TemplateSet::builtin();
    set.add_securities_questions().unwrap();
    let mut sheet = seed_sheet();
    sheet.insert(WellKnownKey::AccountUnfreeze.fact(text(
        "为保护您的资金安全，我们已暂时冻结受影响账户。请携带本人身份证到任一营业部，或通过App视频见证完成身份核验并重设密码，核验通过后当日解冻。",
        "為保障您的資金安全，我們已暫時凍結受影響賬戶。請攜同本人身份證到任何一間營業部，或透過App視像見證完成身份核實並重設密碼，核實通過後即日解凍。",
        "To protect your money we have temporarily frozen the affected accounts. Verify your identity at any branch with your ID card, or by video in the app, and reset your password; the account is released the same day.",
    )));
    sheet.insert(WellKnownKey::PositionsRestored.fact(text(
        "对未经您授权卖出的股票，我们将逐户核对成交记录，与您协商按卖出时的数量恢复持仓或按约定方式补足差价，并在协商一致后办理。",
        "對未經您授權沽出的股票，我們將逐戶核對成交記錄，與您協商按沽出時的數量恢復持倉或按約定方式補足差價，並在協商一致後辦理。",
        "For shares sold without your consent, we will check the trades account by account and agree with you whether to restore the same number of shares or make up the difference in an agreed way.",
    )));
    let mut drift = Vec::new();
    for locale in Locale::ALL {
        let cx = RenderContext::new(
            locale,
            Zone::SHANGHAI,
            Audience::AffectedCustomers,
            Format::Markdown,
        );
        let rendered = set.render(MessageKind::Faq, &sheet, &cx, None).unwrap();
        let text = as_file(&rendered);
        assert!(
            rendered.facts_used.contains(&key("account_unfreeze")),
            "{locale}"
        );
        assert!(
            rendered.facts_used.contains(&key("positions_restored")),
            "{locale}"
        );
        assert!(absolute_promises(&text).is_empty(), "{locale}");
        drift.extend(check_golden(
            "comms",
            &format!("faq_securities.{locale}.md"),
            &text,
        ));
    }
    // Without the two facts the securities FAQ cannot be rendered: it never leaves them out.
    let cx = RenderContext::new(
        Locale::En,
        Zone::SHANGHAI,
        Audience::AffectedCustomers,
        Format::Markdown,
    );
    assert!(matches!(
        set.render(MessageKind::Faq, &seed_sheet(), &cx, None),
        Err(RenderError::MissingFacts { .. })
    ));
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test comms_render` and review the diff.",
        drift.join("\n\n")
    );
}
