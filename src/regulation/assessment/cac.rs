//! The CAC grade from the grading guide annexed to the CAC Measures
//! (国家网络安全事件报告管理办法, in force 2025-11-01), "通常情况下" quantitative criteria:
//! any one criterion suffices and 「“以上”均包括本数」, so every threshold is inclusive. Text
//! from the reprint of 网信中国 at <https://www.4hou.com/posts/kg1x>, cross-checked against
//! <https://wlzx.gzy.edu.cn/info/1098/1576.htm> (the project's regulatory reference §4.1;
//! official page <https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm>, checked
//! 2026-12-07). The Dec 2023 draft guide, still widely reposted, has other thresholds and
//! is not used.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{criterion, read, CriterionResult, FactUsed, Outcome, Proposal, ProposedOutcome};
use crate::regulation::{CnGrade, Tri};
use crate::Currency;
use crate::Money;

const GUIDE: &str = "网络安全事件分级指南 (annex to the CAC Measures, 2025)";

/// Which sites a portal outage or a defacement hit, as the guide tiers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PortalKind {
    /// A portal of a Party or government organ at prefecture level or above, of an
    /// enterprise or public institution, a provincial key news site, or (for defacement) a
    /// network platform: reaches 重大 at most.
    Listed,
    /// A Party or government portal at provincial level or above, a central key news site,
    /// or (for defacement) a very large platform (超大型网络平台): can reach 特别重大.
    Top,
}

/// The facts the guide grades by. `None` is unknown; record 0 (or `false`) for what did not
/// happen, so that an unknown criterion is never read as "not met".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CacFacts {
    /// The tier of the site that was unreachable or defaced, when one was.
    pub site: Option<PortalKind>,
    /// Minutes a portal or news site was unreachable (attack or fault); 0 if none.
    pub portal_unreachable_minutes: Option<u64>,
    /// Whether the affected system is critical information infrastructure (CII).
    pub is_cii: Option<bool>,
    /// CII: minutes the whole system was down.
    pub cii_whole_outage_minutes: Option<u64>,
    /// CII: minutes its main function was down.
    pub cii_main_function_outage_minutes: Option<u64>,
    /// People whose daily-life services (water, power, gas, oil, heating, transport,
    /// medical care, shopping…) were affected; 0 if none.
    pub people_affected: Option<u64>,
    /// The largest share of one prefecture's population affected, in percent.
    pub prefecture_share_percent: Option<u8>,
    /// The largest share of one province's population affected, in percent.
    pub province_share_percent: Option<u8>,
    /// Persons whose personal information leaked; 0 if none.
    pub personal_information_persons: Option<u64>,
    /// Defacement with illegal content: minutes on a home page; 0 if none.
    pub defaced_homepage_minutes: Option<u64>,
    /// Defacement: minutes on other pages.
    pub defaced_other_page_minutes: Option<u64>,
    /// Defacement: times the content was shared on social media.
    pub defacement_shares: Option<u64>,
    /// Defacement: times it was viewed.
    pub defacement_views: Option<u64>,
    /// Direct economic loss, in CNY (another currency leaves the criterion unknown).
    pub direct_economic_loss: Option<Money>,
    /// The grade a person found on the criteria the guide states in words only (data
    /// incidents threatening national security, and each grade's catch-all on system
    /// losses); `general` when none applies.
    pub qualitative_grade: Option<CnGrade>,
}

use CnGrade::{ExtremelyMajor as XM, Major as M, RelativelyMajor as RM};

/// The highest grade whose inclusive threshold `value` reaches.
fn reach(value: u64, thresholds: [(u64, CnGrade); 3]) -> Option<CnGrade> {
    thresholds
        .iter()
        .rev()
        .find(|(t, _)| value >= *t)
        .map(|(_, g)| *g)
}

/// A graded criterion's result: its highest grade reached, or not met, or unknown.
fn graded(
    id: &str,
    test: &str,
    grade: Option<Option<CnGrade>>,
    used: Vec<FactUsed>,
    missing: Vec<String>,
) -> CriterionResult {
    let status = match grade {
        Some(Some(_)) => Tri::Yes,
        Some(None) => Tri::No,
        None => Tri::Unknown,
    };
    let mut c = criterion(id, GUIDE, test, status, used, missing);
    c.grade = grade.flatten();
    c
}

/// The highest of the grades the facts reach; a floor while any criterion is unknown.
pub(super) fn propose(f: &CacFacts) -> Proposal {
    let criteria = vec![
        portal(f),
        cii(f),
        people(f),
        personal(f),
        defacement(f),
        loss(f),
        qualitative(f),
    ];
    let grade = criteria
        .iter()
        .filter_map(|c| c.grade)
        .max()
        .unwrap_or(CnGrade::General);
    let open = criteria.iter().any(|c| c.status == Tri::Unknown);
    let fired = criteria
        .iter()
        .filter(|c| c.grade == Some(grade) && grade != CnGrade::General)
        .map(|c| c.id.clone())
        .collect();
    let outcome = Outcome::Grade { grade };
    Proposal {
        rule: format!("CAC grade: {GUIDE}, the highest grade any criterion reaches"),
        outcome: if open {
            ProposedOutcome::AtLeast { outcome }
        } else {
            ProposedOutcome::Settled { outcome }
        },
        criteria,
        fired,
    }
}

fn portal(f: &CacFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let minutes = read(
        "portal_unreachable_minutes",
        f.portal_unreachable_minutes,
        &mut used,
        &mut missing,
    );
    let grade = match minutes {
        Some(0) => Some(None),
        Some(m) => read(
            "site",
            f.site.map(|s| format!("{s:?}")),
            &mut used,
            &mut missing,
        )
        .map(|_| match f.site {
            Some(PortalKind::Top) => reach(m, [(120, RM), (360, M), (24 * 60, XM)]),
            _ => reach(m, [(120, RM), (360, M), (u64::MAX, M)]),
        }),
        None => None,
    };
    graded("portal", "portal or news site unreachable ≥ 2 h (较大), ≥ 6 h (重大), ≥ 24 h for provincial+ portals and central news sites (特别重大)", grade, used, missing)
}

fn cii(f: &CacFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let grade = match read("is_cii", f.is_cii, &mut used, &mut missing) {
        Some(false) => Some(None),
        Some(true) => {
            let whole = read(
                "cii_whole_outage_minutes",
                f.cii_whole_outage_minutes,
                &mut used,
                &mut missing,
            );
            let main = read(
                "cii_main_function_outage_minutes",
                f.cii_main_function_outage_minutes,
                &mut used,
                &mut missing,
            );
            match (whole, main) {
                (Some(w), Some(m)) => Some(
                    reach(w, [(10, RM), (60, M), (360, XM)])
                        .max(reach(m, [(30, RM), (180, M), (24 * 60, XM)])),
                ),
                _ => None,
            }
        }
        None => None,
    };
    graded("cii", "CII outage: whole ≥ 10 min or main function ≥ 30 min (较大), ≥ 1 h or ≥ 3 h (重大), ≥ 6 h or ≥ 24 h (特别重大)", grade, used, missing)
}

fn people(f: &CacFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let count = read(
        "people_affected",
        f.people_affected,
        &mut used,
        &mut missing,
    );
    let grade = match count {
        Some(0) => Some(None),
        Some(n) => {
            let pref = read(
                "prefecture_share_percent",
                f.prefecture_share_percent,
                &mut used,
                &mut missing,
            );
            let prov = read(
                "province_share_percent",
                f.province_share_percent,
                &mut used,
                &mut missing,
            );
            let by_count = reach(n, [(100_000, RM), (1_000_000, M), (10_000_000, XM)]);
            let by_pref =
                pref.and_then(|p| reach(u64::from(p), [(30, RM), (50, M), (u64::MAX, M)]));
            let by_prov =
                prov.and_then(|p| reach(u64::from(p), [(50, XM), (u64::MAX, XM), (u64::MAX, XM)]));
            match (by_count, pref, prov) {
                (Some(XM), _, _) => Some(Some(XM)),
                (_, Some(_), Some(_)) => Some(by_count.max(by_pref).max(by_prov)),
                _ => None,
            }
        }
        None => None,
    };
    graded("people", "people whose daily-life services were affected: ≥ 30 % of a prefecture or ≥ 100,000 (较大), ≥ 50 % of a prefecture or ≥ 1,000,000 (重大), ≥ 50 % of a province or ≥ 10,000,000 (特别重大)", grade, used, missing)
}

fn personal(f: &CacFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let grade = read(
        "personal_information_persons",
        f.personal_information_persons,
        &mut used,
        &mut missing,
    )
    .map(|n| reach(n, [(1_000_000, RM), (10_000_000, M), (100_000_000, XM)]));
    graded("personal_information", "personal information of ≥ 1,000,000 (较大), ≥ 10,000,000 (重大), ≥ 100,000,000 (特别重大) persons leaked", grade, used, missing)
}

fn defacement(f: &CacFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let home = read(
        "defaced_homepage_minutes",
        f.defaced_homepage_minutes,
        &mut used,
        &mut missing,
    );
    let grade = match home {
        Some(0) if f.defaced_other_page_minutes == Some(0) => Some(None),
        Some(h) => {
            let other = read(
                "defaced_other_page_minutes",
                f.defaced_other_page_minutes,
                &mut used,
                &mut missing,
            );
            let shares = read(
                "defacement_shares",
                f.defacement_shares,
                &mut used,
                &mut missing,
            );
            let views = read(
                "defacement_views",
                f.defacement_views,
                &mut used,
                &mut missing,
            );
            let site = read(
                "site",
                f.site.map(|s| format!("{s:?}")),
                &mut used,
                &mut missing,
            );
            match (other, shares, views, site) {
                (Some(o), Some(s), Some(v), Some(_)) => {
                    let g = reach(h, [(30, RM), (120, M), (360, XM)])
                        .max(reach(o, [(120, RM), (720, M), (24 * 60, XM)]))
                        .max(reach(s, [(1_000, RM), (10_000, M), (100_000, XM)]))
                        .max(reach(v, [(10_000, RM), (100_000, M), (1_000_000, XM)]));
                    // 特别重大 only for the top tier of sites.
                    Some(g.map(|g| {
                        if f.site == Some(PortalKind::Top) {
                            g
                        } else {
                            g.min(M)
                        }
                    }))
                }
                _ => None,
            }
        }
        None => None,
    };
    graded("defacement", "defacement with illegal content: home page 30 min / other page 2 h / 1,000 shares / 10,000 views (较大); 2 h / 12 h / 10,000 / 100,000 (重大); 6 h / 24 h / 100,000 / 1,000,000 on the top tier of sites (特别重大)", grade, used, missing)
}

fn loss(f: &CacFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let grade = match read(
        "direct_economic_loss",
        f.direct_economic_loss,
        &mut used,
        &mut missing,
    ) {
        Some(m) if m.currency() == Currency::CNY => {
            let fen = u64::try_from(m.amount_minor()).unwrap_or(0);
            Some(reach(
                fen,
                [(500_000_000, RM), (2_000_000_000, M), (10_000_000_000, XM)],
            ))
        }
        Some(_) => {
            missing.push("direct_economic_loss in CNY".to_owned());
            None
        }
        None => None,
    };
    graded("direct_economic_loss", "direct economic loss ≥ RMB 5,000,000 (较大), ≥ 20,000,000 (重大), ≥ 100,000,000 (特别重大)", grade, used, missing)
}

fn qualitative(f: &CacFacts) -> CriterionResult {
    let (mut used, mut missing) = (Vec::new(), Vec::new());
    let grade = read(
        "qualitative_grade",
        f.qualitative_grade.map(CnGrade::as_str),
        &mut used,
        &mut missing,
    )
    .map(|_| f.qualitative_grade.filter(|g| *g != CnGrade::General));
    graded("qualitative", "the criteria in words only (national-security data incidents, each grade's catch-all), as a person found them", grade, used, missing)
}
