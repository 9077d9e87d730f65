//! The customer's remaining rights, as the letter states them: complaint to the firm, the
//! regulator's line and mediation for the policy's [`Recourse`], and the limitation period.
//!
//! Every public fact here is cited in [`SOURCES`], each checked on 2026-12-06:
//!
//! - **12386** — the CSRC's 12386 service platform takes investors' complaints about
//!   securities, futures and fund firms, by phone (12386) and online
//!   (fwpt.csrc12386.org.cn); with the investor's consent it refers complaints to
//!   securities and futures mediation bodies.
//! - **中证中小投资者服务中心** (China Securities Investor Services Center) mediates civil
//!   disputes between investors and securities and futures firms under its
//!   《证券期货纠纷调解规则》 (revised 2025-09).
//! - **12363** — the PBoC's financial consumer protection line takes complaints within the
//!   PBoC's remit (payments and settlement, credit reporting); customers complain to the
//!   firm first. Non-bank payment institutions fall under the PBoC's consumer protection
//!   rules.
//! - **PRC Civil Code Art. 188** — the limitation period for asking a people's court to
//!   protect civil rights is three years, counted from when the right-holder knew or
//!   should have known of the harm and of the obligor, unless the law provides otherwise.
//!
//! The hotlines' hours are left out on purpose: they have changed before, and a letter
//! kept for years should not carry them.

use super::super::appeal::AppealChannel;
use super::super::terms::Recourse;
use super::phrasing::fill;
use crate::locale::{tr, Locale};

/// A cited public fact: what it supports, where it was read, what kind of source that is,
/// and when it was checked. Kept as data (read only by the tests, which tie every number
/// the letter prints to a source) rather than as prose alone.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Source {
    /// The fact as the letter relies on it.
    pub(crate) fact: &'static str,
    /// Where it was read.
    pub(crate) url: &'static str,
    /// `official` (the body itself or a government site) or `secondary` (a newspaper or a
    /// law firm quoting it).
    pub(crate) kind: &'static str,
    /// When it was checked, ISO 8601.
    pub(crate) checked_on: &'static str,
}

#[cfg_attr(not(test), allow(dead_code))]
const CHECKED: &str = "2026-12-06";

/// The sources of every public fact the rights section states.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const SOURCES: [Source; 7] = [
    Source {
        fact: "12386: CSRC service platform for investor complaints against securities, futures and fund firms; phone 12386 and fwpt.csrc12386.org.cn; may refer complaints to mediation with consent",
        url: "https://edu.cnstock.com/e_tszt/ezta315/202103/4669172.htm",
        kind: "secondary (China Securities Journal quoting the CSRC site, 2020-09-22)",
        checked_on: CHECKED,
    },
    Source {
        fact: "12386 online platform at fwpt.csrc12386.org.cn (CSRC notice of 2022-11-01)",
        url: "https://rushilaw.com/zonghefalv/3243.html",
        kind: "secondary (law firm)",
        checked_on: CHECKED,
    },
    Source {
        fact: "中证中小投资者服务中心 mediates disputes between investors and securities and futures firms (证券期货纠纷调解规则, revised 2025-09)",
        url: "https://www.caiding5.cn/gupiao/33821264.html",
        kind: "secondary (Beijing News report of 2025-09-29)",
        checked_on: CHECKED,
    },
    Source {
        fact: "12363: PBoC financial consumer protection line, complaints within the PBoC's statutory remit",
        url: "http://www.qinghai.gov.cn/zwgk/system/2014/03/20/010107748.shtml",
        kind: "official (Qinghai provincial government, PBoC Xining notice)",
        checked_on: CHECKED,
    },
    Source {
        fact: "12363 covers payments and settlement; complain to the firm first",
        url: "http://www.yixingjingji.com/news/guonei/426807.html",
        kind: "secondary (report of the PBoC Changchun notice)",
        checked_on: CHECKED,
    },
    Source {
        fact: "PRC Civil Code Art. 188: three-year limitation period from when the right-holder knew or should have known of the harm and the obligor",
        url: "https://wangshirfid.com/335.html",
        kind: "secondary (article text quoted in full)",
        checked_on: CHECKED,
    },
    Source {
        fact: "PRC Civil Code Art. 188, English translation",
        url: "http://cnbjlawyers.com/html/Litigation/20211020997.html",
        kind: "secondary (law firm translation)",
        checked_on: CHECKED,
    },
];

/// One route the rights section names, in the order the letter lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// A complaint to the firm.
    Firm,
    /// The regulator's line (12386, 12363), after the firm's answer.
    Regulator,
    /// Mediation.
    Mediation,
    /// The courts, with the limitation period.
    Court,
}

impl Route {
    /// Every route, in letter order.
    pub(super) const ALL: [Route; 4] = [
        Route::Firm,
        Route::Regulator,
        Route::Mediation,
        Route::Court,
    ];
}

/// The rights section's lines, in order: the firm, the regulator, mediation, the courts.
pub(super) fn rights(recourse: Option<Recourse>, locale: Locale) -> Vec<String> {
    rights_via(recourse, &Route::ALL, locale)
}

/// The lines of the rights section for `routes` only (in letter order): what a letter
/// after an appeal names, leaving out the routes the customer has already taken.
pub(super) fn rights_via(
    recourse: Option<Recourse>,
    routes: &[Route],
    locale: Locale,
) -> Vec<String> {
    Route::ALL
        .into_iter()
        .filter(|route| routes.contains(route))
        .filter_map(|route| route_line(recourse, route, locale))
        .collect()
}

/// One route's line; `None` where the policy's recourse names no such body.
fn route_line(recourse: Option<Recourse>, route: Route, locale: Locale) -> Option<String> {
    let line = match (route, recourse) {
        (Route::Firm, _) => tr(
            locale,
            "如您对本决定有疑问或不满意，可以向我们提出投诉，我们会在处理后答复您。",
            "如您對本決定有疑問或不滿意，可以向我們提出投訴，我們會在處理後回覆您。",
            "If you have questions about this decision or disagree with it, you can complain to us and we will reply once we have looked into it.",
        ),
        (Route::Regulator, Some(Recourse::CnSecurities)) => tr(
            locale,
            "如您对我们的处理结果不满意，可以拨打中国证监会12386服务热线，或登录12386服务平台（fwpt.csrc12386.org.cn）提出投诉。",
            "如您對我們的處理結果不滿意，可以致電中國證監會12386服務熱線，或登入12386服務平台（fwpt.csrc12386.org.cn）提出投訴。",
            "If you are not satisfied with our answer, you can complain to the China Securities Regulatory Commission on its 12386 hotline or on the 12386 online platform (fwpt.csrc12386.org.cn).",
        ),
        (Route::Mediation, Some(Recourse::CnSecurities)) => tr(
            locale,
            "您也可以申请调解，例如向中证中小投资者服务中心等证券期货纠纷调解组织申请；经您同意，12386热线也可以将您的投诉转交调解组织。",
            "您亦可以申請調解，例如向中證中小投資者服務中心等證券期貨糾紛調解組織申請；經您同意，12386熱線亦可以將您的投訴轉交調解組織。",
            "You can also ask for mediation, for example from the China Securities Investor Services Center (中证中小投资者服务中心) or another securities and futures mediation body; with your consent, the 12386 hotline can also pass your complaint to one.",
        ),
        (Route::Regulator, Some(Recourse::CnPayments)) => tr(
            locale,
            "如您对我们的处理结果不满意，可以拨打中国人民银行12363金融消费权益保护咨询投诉电话提出投诉。",
            "如您對我們的處理結果不滿意，可以致電中國人民銀行12363金融消費權益保護諮詢投訴電話提出投訴。",
            "If you are not satisfied with our answer, you can complain to the People's Bank of China on its 12363 financial consumer protection line.",
        ),
        (Route::Mediation, Some(Recourse::CnPayments)) => tr(
            locale,
            "您也可以向依法设立的金融纠纷调解组织申请调解。",
            "您亦可以向依法設立的金融糾紛調解組織申請調解。",
            "You can also ask a lawfully established financial dispute mediation body to mediate.",
        ),
        (Route::Regulator | Route::Mediation, None) => return None,
        (Route::Court, Some(_)) => tr(
            locale,
            "您也可以向人民法院提起诉讼。依照《中华人民共和国民法典》第一百八十八条，诉讼时效期间为三年，自您知道或者应当知道权利受到损害以及义务人之日起计算，法律另有规定的除外。",
            "您亦可以向人民法院提起訴訟。依照《中華人民共和國民法典》第一百八十八條，訴訟時效期間為三年，自您知道或者應當知道權利受到損害以及義務人之日起計算，法律另有規定的除外。",
            "You can also go to court. Under Article 188 of the Civil Code of the People's Republic of China, you have three years to do so, counted from when you knew or should have known that your rights were harmed and by whom, unless the law provides otherwise.",
        ),
        (Route::Court, None) => tr(
            locale,
            "您也可以依照适用的法律申请调解或提起诉讼；请留意法律规定的时效期间。",
            "您亦可以依照適用的法律申請調解或提起訴訟；請留意法律規定的時效期間。",
            "You can also seek mediation or go to court under the law that applies to you; mind the time limits that law sets.",
        ),
    };
    Some(line.to_owned())
}

/// The routes a letter names after the outcome of an appeal through `channel`: every route
/// once it was withdrawn; otherwise those after the one taken (the regulator after the
/// firm's answer, mediation and the courts after the regulator's line, the courts after
/// mediation), none after an award or a judgment (see [`after_ruling`]).
pub(super) fn routes_after(channel: AppealChannel, withdrawn: bool) -> &'static [Route] {
    if withdrawn {
        return &Route::ALL;
    }
    match channel {
        AppealChannel::InternalComplaint => &[Route::Regulator, Route::Mediation, Route::Court],
        AppealChannel::Csrc12386 | AppealChannel::Pboc12363 => &[Route::Mediation, Route::Court],
        AppealChannel::Mediation => &[Route::Court],
        AppealChannel::Arbitration | AppealChannel::Court => &[],
    }
}

/// What a letter after an arbitral award or a judgment says instead of further routes: the
/// law sets how and by when it can be challenged. No period is named: it differs by
/// procedure and a letter kept for years should not carry one.
pub(super) fn after_ruling(channel: AppealChannel, locale: Locale) -> Option<&'static str> {
    Some(match channel {
        AppealChannel::Arbitration => tr(
            locale,
            "如您对仲裁裁决有异议，请依照法律规定的程序和期限办理。",
            "如您對仲裁裁決有異議，請依照法律規定的程序及期限辦理。",
            "If you disagree with the award, the law sets how and by when you can challenge it.",
        ),
        AppealChannel::Court => tr(
            locale,
            "如您对法院的裁判有异议，请依照法律规定的程序和期限办理。",
            "如您對法院的裁判有異議，請依照法律規定的程序及期限辦理。",
            "If you disagree with the court's decision, the law sets how and by when you can challenge it.",
        ),
        _ => return None,
    })
}

/// The statement that the offer is no admission of liability.
pub(super) fn without_admission(locale: Locale) -> &'static str {
    tr(
        locale,
        "本补偿是我们主动提出的，不代表我们承认任何法律责任。",
        "本補償是我們主動提出的，並不代表我們承認任何法律責任。",
        "We make this offer of our own accord; it is not an admission of legal liability.",
    )
}

/// The sentence naming the evidence deadline.
pub(super) fn evidence_deadline(deadline: &str, locale: Locale) -> String {
    fill(
        tr(
            locale,
            "请在{d}前提交补充材料。",
            "請在{d}前提交補充資料。",
            "Please send it to us by {d}.",
        ),
        &[("d", deadline)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_is_dated_and_every_cited_number_is_sourced() {
        for source in SOURCES {
            assert_eq!(source.checked_on, "2026-12-06", "{}", source.fact);
            assert!(source.url.starts_with("http"), "{}", source.url);
        }
        for locale in Locale::ALL {
            for recourse in [Recourse::CnSecurities, Recourse::CnPayments] {
                let text = rights(Some(recourse), locale).join("\n");
                for number in ["12386", "12363", "188"] {
                    if text.contains(number) {
                        assert!(SOURCES.iter().any(|s| s.fact.contains(number)), "{number}");
                    }
                }
                assert!(!text.contains("赔偿") && !text.contains("賠償"), "{text}");
            }
        }
    }

    #[test]
    fn after_an_appeal_the_routes_taken_are_not_offered_again() {
        let recourse = Some(Recourse::CnSecurities);
        for channel in AppealChannel::ALL {
            let routes = routes_after(channel, false);
            assert_eq!(routes_after(channel, true), &Route::ALL);
            assert!(!routes.contains(&Route::Firm), "{channel}");
            let ruled = after_ruling(channel, Locale::En).is_some();
            // After an award or a judgment, no route: how to challenge it instead.
            assert_eq!(routes.is_empty(), ruled, "{channel}");
            for locale in Locale::ALL {
                let mut text = rights_via(recourse, routes, locale).join("\n");
                text.extend(after_ruling(channel, locale));
                for number in ["12386", "12363", "188"] {
                    if text.contains(number) {
                        assert!(SOURCES.iter().any(|s| s.fact.contains(number)), "{number}");
                    }
                }
            }
        }
        let en =
            |channel| rights_via(recourse, routes_after(channel, false), Locale::En).join("\n");
        assert!(en(AppealChannel::InternalComplaint).contains("12386"));
        assert!(!en(AppealChannel::Csrc12386).contains("12386 hotline or"));
        assert!(en(AppealChannel::Mediation).contains("Article 188"));
        assert!(!en(AppealChannel::Mediation).contains("ask for mediation"));
    }
}
