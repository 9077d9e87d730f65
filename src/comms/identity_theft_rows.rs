//! The identity-theft help per country, as data: one row per resource, each with the
//! source it was read on and the date (see [`identity_theft_resources`](super::identity_theft_resources)).

use chrono::NaiveDate;

use super::{Country, IdentityTheftResource, ResourcePurpose, ResourceText, SourceKind};
use crate::locale::Locale;

/// One row of the table, as written below.
pub(super) struct Row {
    pub(super) country: Country,
    purpose: ResourcePurpose,
    phone: Option<&'static str>,
    url: Option<&'static str>,
    zh_cn: (&'static str, &'static str),
    zh_hk: (&'static str, &'static str),
    en: (&'static str, &'static str),
    source: &'static str,
    source_kind: SourceKind,
    checked_on: (i32, u32, u32),
}

/// The date every row below was last read.
const CHECKED: (i32, u32, u32) = (2026, 12, 6);

use ResourcePurpose as P;
use SourceKind::{Official, Secondary};

pub(super) const ROWS: &[Row] = &[
    // Mainland China.
    Row {
        country: Country::Cn,
        purpose: P::ScamAdvice,
        phone: Some("96110"),
        url: None,
        zh_cn: (
            "96110反诈预警劝阻专线",
            "接到96110来电请务必接听。来电通常说明您或家人可能正在遭遇电信网络诈骗，或属于易受骗人群。遇到疑似诈骗，也可拨打96110咨询或举报。",
        ),
        zh_hk: (
            "96110反詐預警勸阻專線",
            "接到96110來電請務必接聽。來電通常說明您或家人可能正在遭遇電信網絡詐騙，或屬於易受騙人群。遇到疑似詐騙，也可撥打96110查詢或舉報。",
        ),
        en: (
            "96110 anti-fraud warning line",
            "If 96110 calls you, answer: the police use it to warn people who, or whose relatives, may be in the middle of a phone or online scam. You can also call it for advice on a suspected scam or to report one.",
        ),
        source: "https://m.cqcb.com/headline/2020-09-21/3021362_pc.html",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::ScamAdvice,
        phone: None,
        url: None,
        zh_cn: (
            "“国家反诈中心”App",
            "由公安部刑侦局组织研发，可识别诈骗来电和短信，设有“我要举报”“报案助手”等功能。请在手机应用商店搜索“国家反诈中心”下载。",
        ),
        zh_hk: (
            "「國家反詐中心」App",
            "由公安部刑偵局組織研發，可識別詐騙來電和短訊，設有「我要舉報」「報案助手」等功能。請在流動電話的應用程式商店搜尋「國家反詐中心」下載。",
        ),
        en: (
            "National Anti-Fraud Center app (国家反诈中心)",
            "Developed for the Ministry of Public Security's criminal investigation department: it flags scam calls and messages and lets you report a scam. Search for 国家反诈中心 in your phone's app store.",
        ),
        source: "http://news.cnhubei.com/content/2021-03/25/content_13697655.html",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::ReportFraud,
        phone: Some("110"),
        url: None,
        zh_cn: (
            "公安机关",
            "如已被骗或资金被盗转，请立即拨打110报警，或前往当地派出所报案，并保留短信、通话记录和转账凭证。",
        ),
        zh_hk: (
            "內地公安機關",
            "如已被騙或資金被盜轉，請立即撥打110報警，或前往當地派出所報案，並保留短訊、通話記錄和轉賬憑證。",
        ),
        en: (
            "Police",
            "If you have been defrauded or money has been taken, call the police on 110 at once or report it at a local police station, and keep the messages, call records and payment receipts.",
        ),
        source: "http://www.shicijianshang.com/h/GWhJFdIz1f6SmpLmzz2vmVDPsdkvn7xi.html",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::CheckCreditReport,
        phone: None,
        url: Some("https://ipcrs.pbccrc.org.cn"),
        zh_cn: (
            "中国人民银行征信中心互联网个人信用信息服务平台",
            "注册并验证身份后，可查询本人信用报告。征信中心未授权任何第三方代查，声称“快速通道”或收费代办的均有诈骗风险。",
        ),
        zh_hk: (
            "中國人民銀行徵信中心互聯網個人信用信息服務平台",
            "註冊並驗證身份後，可查詢本人信用報告。徵信中心未授權任何第三方代查，聲稱「快速通道」或收費代辦的均有詐騙風險。",
        ),
        en: (
            "Credit Reference Center of the People's Bank of China: online personal credit information service",
            "Register and verify your identity to see your own credit report. The Center has authorised no third party to fetch reports for you; anyone offering a paid \"fast track\" may be a fraudster.",
        ),
        source: "http://www.yh001883.com/55462.html",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::CheckCreditReport,
        phone: None,
        url: None,
        zh_cn: (
            "商业银行手机银行、云闪付App",
            "多家商业银行的手机银行和云闪付App设有“信用报告”查询入口，完成身份验证后即可申请本人信用报告。",
        ),
        zh_hk: (
            "商業銀行手機銀行、雲閃付App",
            "多家商業銀行的手機銀行和雲閃付App設有「信用報告」查詢入口，完成身份驗證後即可申請本人信用報告。",
        ),
        en: (
            "Bank apps and the UnionPay app (云闪付)",
            "Many banks' mobile apps and the UnionPay app (云闪付) have a \"credit report\" (信用报告) entry: verify your identity there to request your own report.",
        ),
        source: "https://www.yexp.com.cn/a/225852.html",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::DisputeCreditRecord,
        phone: None,
        url: None,
        zh_cn: (
            "征信异议申请",
            "如发现非本人办理的贷款、信用卡或其他错误记录，请通过正规渠道向征信中心或报送该记录的金融机构提出异议申请。",
        ),
        zh_hk: (
            "徵信異議申請",
            "如發現非本人辦理的貸款、信用卡或其他錯誤記錄，請透過正規渠道向徵信中心或報送該記錄的金融機構提出異議申請。",
        ),
        en: (
            "Credit record dispute (征信异议)",
            "If your report shows a loan, card or other record that is not yours or is wrong, raise a dispute through official channels with the Credit Reference Center or with the institution that reported it.",
        ),
        source: "https://www.51dongshi.net/eedfrcbhgcehb.html",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::DisputeCreditRecord,
        phone: None,
        url: None,
        zh_cn: (
            "谨防“征信修复”骗局",
            "真实的逾期等记录无法花钱“洗白”。声称收费“征信修复”“百分百成功”的中介不能改变您的信用记录，还可能骗取您的证件、手机卡和资金。",
        ),
        zh_hk: (
            "謹防「徵信修復」騙局",
            "真實的逾期等記錄無法花錢「洗白」。聲稱收費「徵信修復」「百分百成功」的中介不能改變您的信用記錄，還可能騙取您的證件、電話卡和資金。",
        ),
        en: (
            "Beware of \"credit repair\" (征信修复) scams",
            "A true record cannot be bought off your report. Agents who charge for \"credit repair\" or promise certain success cannot change your record, and may take your documents, phone number and money.",
        ),
        source: "https://reportify.cn/news/1217495062489993216",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::CheckAccountsInYourName,
        phone: None,
        url: None,
        zh_cn: (
            "云闪付“一键查卡”",
            "在云闪付App中使用“一键查卡”，可查询本人名下在多家银行开立的银行卡。发现非本人办理的卡，请立即联系发卡银行。",
        ),
        zh_hk: (
            "雲閃付「一鍵查卡」",
            "在雲閃付App中使用「一鍵查卡」，可查詢本人名下在多家銀行開立的銀行卡。發現非本人辦理的卡，請立即聯絡發卡銀行。",
        ),
        en: (
            "UnionPay app \"check my cards\" (云闪付一键查卡)",
            "The 一键查卡 service in the UnionPay app lists bank cards opened in your name at participating banks. If one is not yours, contact the bank that issued it at once.",
        ),
        source: "https://kunming.cn/news/c/2022-03-28/13523742.shtml",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::CheckAccountsInYourName,
        phone: None,
        url: None,
        zh_cn: (
            "工业和信息化部“一证通查”",
            "凭居民身份证可查询本人名下登记的移动电话卡数量。如有非本人办理的号码，可通过对应的电信企业查询明细并办理销号。",
        ),
        zh_hk: (
            "工業和信息化部「一證通查」",
            "憑內地居民身份證可查詢本人名下登記的流動電話號碼數量。如有非本人辦理的號碼，可透過對應的電訊公司查詢明細並辦理銷號。",
        ),
        en: (
            "MIIT \"one ID, all numbers\" check (一证通查)",
            "With your resident ID card you can find out how many mobile numbers are registered in your name. If one is not yours, the operator concerned can show you the details and close it.",
        ),
        source: "https://lhqzf.haikou.gov.cn/xxgk/zcjd1/hygq/202203/t703431.shtml",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::ComplainToRegulator,
        phone: Some("12386"),
        url: Some("http://fwpt.csrc12386.org.cn"),
        zh_cn: (
            "中国证监会12386服务平台",
            "涉及证券、基金、期货经营机构的投诉，可拨打12386或通过12386网络平台提交。",
        ),
        zh_hk: (
            "中國證監會12386服務平台",
            "涉及證券、基金、期貨經營機構的投訴，可撥打12386或透過12386網絡平台提交。",
        ),
        en: (
            "CSRC 12386 service platform",
            "For complaints about securities, fund or futures firms, call 12386 or use the 12386 online platform.",
        ),
        source: "http://caifuhao.eastmoney.com/news/20241103203827877215120",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::ComplainToRegulator,
        phone: Some("12363"),
        url: None,
        zh_cn: (
            "中国人民银行12363金融消费权益保护咨询投诉电话",
            "受理人民银行法定职责范围内（如支付结算、征信）的咨询和投诉。原则上请先向金融机构投诉，对处理结果不满意的再向人民银行投诉。",
        ),
        zh_hk: (
            "中國人民銀行12363金融消費權益保護諮詢投訴電話",
            "受理人民銀行法定職責範圍內（如支付結算、徵信）的查詢和投訴。原則上請先向金融機構投訴，對處理結果不滿意的再向人民銀行投訴。",
        ),
        en: (
            "PBoC 12363 financial consumer protection line",
            "Takes questions and complaints within the People's Bank of China's remit, such as payments and credit reporting. Complain to the firm first; if you are not satisfied with its answer, complain to the PBoC.",
        ),
        source: "http://www.qinghai.gov.cn/zwgk/system/2014/03/20/010107748.shtml",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Cn,
        purpose: P::ComplainToRegulator,
        phone: Some("12378"),
        url: None,
        zh_cn: (
            "国家金融监督管理总局12378银行保险消费者投诉维权热线",
            "涉及银行、保险、消费金融等机构的投诉，可拨打12378。",
        ),
        zh_hk: (
            "國家金融監督管理總局12378銀行保險消費者投訴維權熱線",
            "涉及銀行、保險、消費金融等機構的投訴，可撥打12378。",
        ),
        en: (
            "NFRA 12378 banking and insurance consumer complaints line",
            "For complaints about banks, insurers, consumer-finance companies and similar firms, call 12378.",
        ),
        source: "https://szcga.com/zhengceinfo.asp?ID=1173",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    // Hong Kong.
    Row {
        country: Country::Hk,
        purpose: P::ScamAdvice,
        phone: Some("18222"),
        url: Some("https://www.adcc.gov.hk"),
        zh_cn: (
            "香港警务处反诈骗协调中心“防骗易热线18222”",
            "24小时防骗咨询热线。对来电者身份或转账对象有疑问时，请先致电18222查询。",
        ),
        zh_hk: (
            "香港警務處反詐騙協調中心「防騙易熱線18222」",
            "24小時防騙查詢熱線。對來電者身份或轉賬對象有疑問時，請先致電18222查詢。",
        ),
        en: (
            "Hong Kong Police Anti-Deception Coordination Centre: Anti-Scam Helpline 18222",
            "A 24-hour helpline for advice on suspected scams. If you doubt who is calling or where you are asked to send money, call 18222 first.",
        ),
        source: "https://www.adcc.gov.hk/en-hk/about-us.html",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Hk,
        purpose: P::ScamAdvice,
        phone: None,
        url: None,
        zh_cn: (
            "“Scameter”防骗搜索器",
            "在香港警方CyberDefender网站的Scameter或“Scameter+”App中输入可疑电话号码、网址或收款账户，可查询是否涉及已举报的骗案。",
        ),
        zh_hk: (
            "「防騙視伏器」（Scameter）",
            "在香港警方「守網者」（CyberDefender）網站的防騙視伏器或「防騙視伏App」（Scameter+）中輸入可疑電話號碼、網址或收款賬戶，可查詢是否涉及已舉報的騙案。",
        ),
        en: (
            "Scameter",
            "Enter a suspicious phone number, web address or payee account in Scameter on the police CyberDefender website, or in the Scameter+ app, to see whether it is linked to reported scams.",
        ),
        source: "https://www.adcc.gov.hk/en-hk/anti-deception-coordination-centre-to-enhance-scam-intervention-through-sms-communications.html",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Hk,
        purpose: P::CheckCreditReport,
        phone: Some("(852) 2577 1816"),
        url: Some("https://www.transunion.hk"),
        zh_cn: (
            "环联（TransUnion）香港",
            "个人可直接向环联索取本人信用报告，核对是否有不知情的贷款或信用卡。",
        ),
        zh_hk: (
            "環聯（TransUnion）香港",
            "個人可直接向環聯索取本人信貸報告，核對是否有不知情的貸款或信用卡。",
        ),
        en: (
            "TransUnion Hong Kong",
            "You can order your own credit report directly from TransUnion and check it for loans or cards you do not recognise.",
        ),
        source: "https://www.transunion.hk/assistance/faq",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Hk,
        purpose: P::ComplainToRegulator,
        phone: None,
        url: Some("https://bankcomplaint.hkma.gov.hk"),
        zh_cn: (
            "香港金融管理局（银行投诉）",
            "对银行的处理不满意，或怀疑银行或其员工有失当行为，可通过金管局网上表格投诉。请先向银行正式投诉。",
        ),
        zh_hk: (
            "香港金融管理局（銀行投訴）",
            "對銀行的處理不滿意，或懷疑銀行或其員工有失當行為，可透過金管局網上表格投訴。請先向銀行正式投訴。",
        ),
        en: (
            "Hong Kong Monetary Authority (complaints about banks)",
            "If a bank has not dealt with your complaint properly, or you suspect misconduct by a bank or its staff, complain to the HKMA with its online form. Complain to the bank first.",
        ),
        source: "https://www.hkma.gov.hk/eng/smart-consumers/complaints/complaints-about-banks/",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Hk,
        purpose: P::ComplainAboutData,
        phone: None,
        url: Some("https://www.pcpd.org.hk"),
        zh_cn: (
            "个人资料私隐专员公署",
            "认为机构违反《个人资料（私隐）条例》处理您的个人资料，可填写投诉表格以书面形式投诉。",
        ),
        zh_hk: (
            "個人資料私隱專員公署",
            "認為機構違反《個人資料（私隱）條例》處理您的個人資料，可填寫投訴表格以書面形式投訴。",
        ),
        en: (
            "Office of the Privacy Commissioner for Personal Data (PCPD)",
            "If you believe an organisation has mishandled your personal data under the Personal Data (Privacy) Ordinance, complain in writing using the PCPD's complaint form.",
        ),
        source: "https://www.pcpd.org.hk/english/complaints/how_complaint/complaint/complaint.html",
        source_kind: Official,
        checked_on: CHECKED,
    },
    // The United States.
    Row {
        country: Country::Us,
        purpose: P::ReportFraud,
        phone: Some("1-877-438-4338"),
        url: Some("https://www.identitytheft.gov"),
        zh_cn: (
            "美国联邦贸易委员会（FTC）IdentityTheft.gov",
            "在线或致电报告身份盗用，系统会生成身份盗用报告和恢复计划。",
        ),
        zh_hk: (
            "美國聯邦貿易委員會（FTC）IdentityTheft.gov",
            "網上或致電報告身份盜用，系統會生成身份盜用報告和恢復計劃。",
        ),
        en: (
            "Federal Trade Commission: IdentityTheft.gov",
            "Report identity theft online or by phone; you get an Identity Theft Report and a recovery plan.",
        ),
        source: "https://fallbackstatus.com/identity-theft-a-recovery-plan/",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Us,
        purpose: P::CheckCreditReport,
        phone: Some("1-877-322-8228"),
        url: Some("https://www.annualcreditreport.com"),
        zh_cn: (
            "AnnualCreditReport.com",
            "免费获取Equifax、Experian、TransUnion三家征信机构的信用报告。其他网站可能收费或是钓鱼网站。",
        ),
        zh_hk: (
            "AnnualCreditReport.com",
            "免費索取Equifax、Experian、TransUnion三家信貸資料機構的信貸報告。其他網站可能收費或是釣魚網站。",
        ),
        en: (
            "AnnualCreditReport.com",
            "Get your free credit reports from Equifax, Experian and TransUnion. Other sites may charge you or be set up to steal your details.",
        ),
        source: "https://fallbackstatus.com/identity-theft-a-recovery-plan/",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Us,
        purpose: P::FreezeOrFlag,
        phone: None,
        url: None,
        zh_cn: (
            "欺诈警示（fraud alert）",
            "联系三家征信机构中的任意一家即可免费设置欺诈警示，该机构须通知另外两家。设置后，他人更难以您的名义开立新账户。",
        ),
        zh_hk: (
            "欺詐警示（fraud alert）",
            "聯絡三家信貸資料機構中的任何一家即可免費設置欺詐警示，該機構須通知另外兩家。設置後，他人更難以您的名義開立新賬戶。",
        ),
        en: (
            "Fraud alert",
            "A fraud alert is free: contact any one of the three credit bureaus and it must tell the other two. It makes it harder for someone to open new accounts in your name.",
        ),
        source: "https://fallbackstatus.com/identity-theft-a-recovery-plan/",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Us,
        purpose: P::FreezeOrFlag,
        phone: None,
        url: None,
        zh_cn: (
            "信用冻结（security freeze）",
            "信用冻结免费，须分别向Equifax、Experian、TransUnion三家机构申请（网站或电话）。冻结后，新的放贷机构无法查看您的信用报告。",
        ),
        zh_hk: (
            "信用凍結（security freeze）",
            "信用凍結免費，須分別向Equifax、Experian、TransUnion三家機構申請（網站或電話）。凍結後，新的放貸機構無法查看您的信貸報告。",
        ),
        en: (
            "Credit (security) freeze",
            "A freeze is free and must be placed with each of Equifax, Experian and TransUnion separately, online or by phone. While it is in place, new lenders cannot see your report.",
        ),
        source: "https://anelephantintheroom.org/credit-security-freeze-how-to-place-or-lift-a-security-freeze-on-your-credit-report",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Us,
        purpose: P::FreezeOrFlag,
        phone: Some("1-888-397-3742"),
        url: None,
        zh_cn: ("Experian信用冻结", "可在Experian网站或致电申请冻结。"),
        zh_hk: ("Experian信用凍結", "可在Experian網站或致電申請凍結。"),
        en: ("Experian freeze", "Place a freeze on the Experian website or by phone."),
        source: "https://anelephantintheroom.org/credit-security-freeze-how-to-place-or-lift-a-security-freeze-on-your-credit-report",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Us,
        purpose: P::FreezeOrFlag,
        phone: Some("1-888-909-8872"),
        url: None,
        zh_cn: ("TransUnion信用冻结", "可在TransUnion网站或致电申请冻结。"),
        zh_hk: ("TransUnion信用凍結", "可在TransUnion網站或致電申請凍結。"),
        en: ("TransUnion freeze", "Place a freeze on the TransUnion website or by phone."),
        source: "https://anelephantintheroom.org/credit-security-freeze-how-to-place-or-lift-a-security-freeze-on-your-credit-report",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Us,
        purpose: P::ComplainToRegulator,
        phone: Some("(855) 411-2372"),
        url: Some("https://www.consumerfinance.gov/complaint/"),
        zh_cn: (
            "美国消费者金融保护局（CFPB）",
            "对银行、信用卡、征信报告等金融产品或服务有投诉，可在线或致电提交。",
        ),
        zh_hk: (
            "美國消費者金融保護局（CFPB）",
            "對銀行、信用卡、信貸報告等金融產品或服務有投訴，可網上或致電提交。",
        ),
        en: (
            "Consumer Financial Protection Bureau (CFPB)",
            "Complain online or by phone about a bank, card, credit report or other consumer financial product or service.",
        ),
        source: "https://issuhub.com/view/index/4410?pageIndex=262",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    // The United Kingdom.
    Row {
        country: Country::Uk,
        purpose: P::ReportFraud,
        phone: Some("0300 123 2040"),
        url: Some("https://www.reportfraud.police.uk"),
        zh_cn: (
            "Report Fraud（英格兰、威尔士和北爱尔兰）",
            "英格兰、威尔士和北爱尔兰的全国欺诈和网络犯罪报案服务，自2025年12月4日起使用。",
        ),
        zh_hk: (
            "Report Fraud（英格蘭、威爾士和北愛爾蘭）",
            "英格蘭、威爾士和北愛爾蘭的全國欺詐和網絡犯罪報案服務，自2025年12月4日起使用。",
        ),
        en: (
            "Report Fraud (England, Wales and Northern Ireland)",
            "The national service for reporting fraud and cyber crime in England, Wales and Northern Ireland since 4 December 2025.",
        ),
        source: "https://www.wired-gov.net/wg/news.nsf/articles/report+fraud+service+goes+live+04122025143000?open",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Uk,
        purpose: P::ReportFraud,
        phone: Some("101"),
        url: None,
        zh_cn: (
            "苏格兰警方（Police Scotland）",
            "在苏格兰遭遇欺诈或网络犯罪，请拨打101联系苏格兰警方。",
        ),
        zh_hk: (
            "蘇格蘭警方（Police Scotland）",
            "在蘇格蘭遭遇欺詐或網絡犯罪，請撥打101聯絡蘇格蘭警方。",
        ),
        en: (
            "Police Scotland",
            "In Scotland, report fraud and cyber crime to Police Scotland on 101.",
        ),
        source: "https://www.wired-gov.net/wg/news.nsf/articles/report+fraud+service+goes+live+04122025143000?open",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Uk,
        purpose: P::ScamAdvice,
        phone: Some("7726"),
        url: None,
        zh_cn: (
            "举报诈骗短信和邮件",
            "将诈骗短信免费转发至7726；将可疑电子邮件转发至report@phishing.gov.uk。",
        ),
        zh_hk: (
            "舉報詐騙短訊和電郵",
            "將詐騙短訊免費轉發至7726；將可疑電郵轉發至report@phishing.gov.uk。",
        ),
        en: (
            "Reporting scam texts and e-mails",
            "Forward scam texts to 7726 (free) and suspicious e-mails to report@phishing.gov.uk.",
        ),
        source: "https://www.wokingham.gov.uk/fraud/general-fraud/report-fraud-relevant-authorities",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Uk,
        purpose: P::CheckCreditReport,
        phone: None,
        url: None,
        zh_cn: (
            "Experian、Equifax、TransUnion（英国）",
            "三家征信机构都必须免费提供法定信用报告。不同放贷机构向不同机构报送信息，建议三家都查。",
        ),
        zh_hk: (
            "Experian、Equifax、TransUnion（英國）",
            "三家信貸資料機構都必須免費提供法定信貸報告。不同放貸機構向不同機構報送資料，建議三家都查。",
        ),
        en: (
            "Experian, Equifax and TransUnion (UK)",
            "Each of the three credit reference agencies must give you a free statutory credit report. Lenders report to different agencies, so check all three.",
        ),
        source: "https://uswitch.com/credit-reports",
        source_kind: Secondary,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Uk,
        purpose: P::FreezeOrFlag,
        phone: None,
        url: Some("https://www.cifas.org.uk"),
        zh_cn: (
            "Cifas保护性登记（Protective Registration）",
            "收费服务：Cifas在其国家欺诈数据库中为您的信息加注警示，使用Cifas数据的机构在有人以您的名义申请时会额外核实身份。不影响信用评分。",
        ),
        zh_hk: (
            "Cifas保護性登記（Protective Registration）",
            "收費服務：Cifas在其國家欺詐資料庫中為您的資料加註警示，使用Cifas資料的機構在有人以您的名義申請時會額外核實身份。不影響信用評分。",
        ),
        en: (
            "Cifas Protective Registration",
            "A paid service: Cifas flags your details in its National Fraud Database, so that organisations using Cifas data make extra checks when someone applies in your name. It does not affect your credit score.",
        ),
        source: "https://www.cifas.org.uk/pr_for_individuals",
        source_kind: Official,
        checked_on: CHECKED,
    },
    Row {
        country: Country::Uk,
        purpose: P::ComplainToRegulator,
        phone: Some("0300 123 9123"),
        url: Some("https://www.financial-ombudsman.org.uk"),
        zh_cn: (
            "金融申诉专员服务（Financial Ombudsman Service）",
            "免费的独立纠纷解决服务。请先向金融机构投诉；机构在八周内未答复或您对答复不满意的，可在收到最终答复后六个月内申请。",
        ),
        zh_hk: (
            "金融申訴專員服務（Financial Ombudsman Service）",
            "免費的獨立糾紛解決服務。請先向金融機構投訴；機構在八週內未答覆或您對答覆不滿意的，可在收到最終答覆後六個月內申請。",
        ),
        en: (
            "Financial Ombudsman Service",
            "A free, independent service for disputes with financial firms. Complain to the firm first; if it has not answered within eight weeks or you are unhappy with its answer, contact the ombudsman within six months of its final response.",
        ),
        source: "http://www.financial-ombudsman.org.uk/publications/consumer-leaflet.htm",
        source_kind: Official,
        checked_on: CHECKED,
    },
];

impl Row {
    pub(super) fn resource(&self) -> Option<IdentityTheftResource> {
        let (y, m, d) = self.checked_on;
        let text = |(name, advice): (&str, &str)| ResourceText {
            name: name.to_owned(),
            advice: advice.to_owned(),
        };
        Some(IdentityTheftResource {
            country: self.country,
            purpose: self.purpose,
            phone: self.phone.map(str::to_owned),
            url: self.url.map(str::to_owned),
            texts: [
                (Locale::ZhCn, text(self.zh_cn)),
                (Locale::ZhHk, text(self.zh_hk)),
                (Locale::En, text(self.en)),
            ]
            .into_iter()
            .collect(),
            source: self.source.to_owned(),
            source_kind: self.source_kind,
            checked_on: NaiveDate::from_ymd_opt(y, m, d)?,
        })
    }
}
