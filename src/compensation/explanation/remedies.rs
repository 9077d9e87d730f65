//! Remedies in words, in every locale, in the record's voice (what the policy grants) and
//! the customer's (what they receive).

use super::super::policy::Remedy;
use super::phrasing::fill;
use crate::locale::{tr, Locale};
use crate::Money;

fn percent(locale: Locale, share_bps: u32) -> String {
    locale.format_percent(share_bps)
}

/// A remedy as the record lists it.
pub(crate) fn record_remedy(remedy: &Remedy, locale: Locale) -> String {
    let money = |m: &Money| locale.format_money(*m);
    match remedy {
        Remedy::Reimburse { share_bps, cap } => {
            let share = fill(
                tr(
                    locale,
                    "补偿已核实损失的{p}",
                    "補償已核實損失的{p}",
                    "reimbursement of {p} of the verified loss",
                ),
                &[("p", &percent(locale, *share_bps))],
            );
            match cap {
                Some(cap) => fill(
                    tr(locale, "{s}，上限{c}", "{s}，上限{c}", "{s}, up to {c}"),
                    &[("s", &share), ("c", &money(cap))],
                ),
                None => share,
            }
        }
        Remedy::AdvancePayment { share_bps, cap } => {
            let share = fill(
                tr(
                    locale,
                    "先行赔付申报损失的{p}（客户权利转让予公司）",
                    "先行賠付申報損失的{p}（客戶權利轉讓予公司）",
                    "advance payment of {p} of the reported loss (the customer's rights assigned to the firm)",
                ),
                &[("p", &percent(locale, *share_bps))],
            );
            match cap {
                Some(cap) => fill(
                    tr(locale, "{s}，上限{c}", "{s}，上限{c}", "{s}, up to {c}"),
                    &[("s", &share), ("c", &money(cap))],
                ),
                None => share,
            }
        }
        Remedy::Interest { annual_rate_bps } => fill(
            tr(
                locale,
                "按年利率{p}计算资金被占用期间的利息",
                "按年利率{p}計算資金被佔用期間的利息",
                "interest at {p} a year for the days the funds were missing",
            ),
            &[("p", &percent(locale, *annual_rate_bps))],
        ),
        Remedy::TimeSpent { hourly, max_hours } => fill(
            tr(
                locale,
                "处理本事件所花时间按每小时{h}计算，最多{n}小时",
                "處理本事件所花時間按每小時{h}計算，最多{n}小時",
                "time spent at {h} an hour, up to {n} hours",
            ),
            &[("h", &money(hourly)), ("n", &max_hours.to_string())],
        ),
        Remedy::DocumentReplacement { cap } => fill(
            tr(
                locale,
                "补办证件及银行卡的费用，上限{c}",
                "補領證件及銀行卡的費用，上限{c}",
                "costs of replacing documents and cards, up to {c}",
            ),
            &[("c", &money(cap))],
        ),
        Remedy::CreditReportObjection {} => tr(
            locale,
            "协助提出征信异议",
            "協助就信貸報告提出異議",
            "assistance with a credit-report objection",
        )
        .to_owned(),
        Remedy::AccountSecurityReview {} => tr(
            locale,
            "账户安全检查",
            "賬戶安全檢查",
            "account security review",
        )
        .to_owned(),
        Remedy::Goodwill { amount } => fill(
            tr(
                locale,
                "一次性补偿金{a}",
                "一次性補償金{a}",
                "goodwill payment of {a}",
            ),
            &[("a", &money(amount))],
        ),
        Remedy::CreditMonitoring { months } => fill(
            tr(
                locale,
                "信用监测服务{n}个月",
                "信貸監察服務{n}個月",
                "credit monitoring for {n} months",
            ),
            &[("n", &months.to_string())],
        ),
        Remedy::IdentityTheftInsurance { coverage, months } => fill(
            tr(
                locale,
                "身份盗用保险{n}个月，保额{c}",
                "身份盜用保險{n}個月，保額{c}",
                "identity-theft insurance for {n} months, cover {c}",
            ),
            &[("n", &months.to_string()), ("c", &money(coverage))],
        ),
        Remedy::FeeWaiver { months } => fill(
            tr(
                locale,
                "免收佣金及账户费用{n}个月",
                "豁免佣金及賬戶費用{n}個月",
                "commissions and account fees waived for {n} months",
            ),
            &[("n", &months.to_string())],
        ),
        Remedy::AssistedPasswordReset {} => tr(
            locale,
            "协助重置密码及二次验证",
            "協助重設密碼及雙重認證",
            "assisted password and second-factor reset",
        )
        .to_owned(),
        Remedy::AccountFreeze {} => tr(
            locale,
            "协助冻结账户",
            "協助凍結賬戶",
            "assisted account freeze",
        )
        .to_owned(),
        Remedy::NegotiatedSettlement {} => tr(
            locale,
            "协商解决方案",
            "商討解決方案",
            "negotiated settlement",
        )
        .to_owned(),
    }
}

/// A remedy as the customer reads it; a reimbursement states `cash` when given.
pub(crate) fn customer_remedy(remedy: &Remedy, cash: Option<Money>, locale: Locale) -> String {
    let money = |m: Money| locale.format_money(m);
    match remedy {
        Remedy::Reimburse { share_bps, cap } => {
            let share = if *share_bps == 10_000 {
                tr(
                    locale,
                    "全额补偿经核实的损失",
                    "全數補償經核實的損失",
                    "your verified loss reimbursed in full",
                )
                .to_owned()
            } else {
                fill(
                    tr(
                        locale,
                        "补偿经核实损失的{p}",
                        "補償經核實損失的{p}",
                        "{p} of your verified loss reimbursed",
                    ),
                    &[("p", &percent(locale, *share_bps))],
                )
            };
            let capped = match cap {
                Some(cap) => fill(
                    tr(
                        locale,
                        "{s}（本项上限{c}）",
                        "{s}（此項上限{c}）",
                        "{s} (up to {c})",
                    ),
                    &[("s", &share), ("c", &money(*cap))],
                ),
                None => share,
            };
            match cash {
                Some(cash) => fill(
                    tr(locale, "{s}：{m}", "{s}：{m}", "{s}: {m}"),
                    &[("s", &capped), ("m", &money(cash))],
                ),
                None => capped,
            }
        }
        Remedy::AdvancePayment { .. }
        | Remedy::Interest { .. }
        | Remedy::TimeSpent { .. }
        | Remedy::DocumentReplacement { .. } => {
            let what = match remedy {
                Remedy::AdvancePayment { .. } => tr(
                    locale,
                    "先行赔付您申报的资金损失（您向他人追偿的权利同时转让给我们）",
                    "先行賠付您申報的資金損失（您向他人追討的權利同時轉讓給我們）",
                    "an advance payment of the funds you reported lost (your right to recover them from others passes to us)",
                ),
                Remedy::Interest { .. } => tr(
                    locale,
                    "资金被占用期间的利息",
                    "資金被佔用期間的利息",
                    "interest for the days your funds were missing",
                ),
                Remedy::TimeSpent { .. } => tr(
                    locale,
                    "您为处理本事件所花的时间",
                    "您為處理本事件所花的時間",
                    "the time you spent dealing with the incident",
                ),
                _ => tr(
                    locale,
                    "补办证件及银行卡的费用",
                    "補領證件及銀行卡的費用",
                    "the cost of replacing your documents and cards",
                ),
            };
            match cash {
                Some(cash) => fill(
                    tr(locale, "{s}：{m}", "{s}：{m}", "{s}: {m}"),
                    &[("s", what), ("m", &money(cash))],
                ),
                None => what.to_owned(),
            }
        }
        Remedy::CreditReportObjection {} => tr(
            locale,
            "专人协助您就征信报告中的错误记录提出异议",
            "專人協助您就信貸報告中的錯誤記錄提出異議",
            "help from our staff to object to a wrong entry in your credit report",
        )
        .to_owned(),
        Remedy::AccountSecurityReview {} => tr(
            locale,
            "专人与您一起检查账户安全（登录设备、绑定银行卡、联系方式和交易限额）",
            "專人與您一起檢查賬戶安全（登入裝置、綁定銀行卡、聯絡資料及交易限額）",
            "a security review of your account with our staff (devices, linked cards, contact details and limits)",
        )
        .to_owned(),
        Remedy::Goodwill { amount } => fill(
            tr(
                locale,
                "一次性补偿金{a}",
                "一次性補償金{a}",
                "a one-off goodwill payment of {a}",
            ),
            &[("a", &money(*amount))],
        ),
        Remedy::CreditMonitoring { months } => fill(
            tr(
                locale,
                "免费信用监测服务{n}个月",
                "免費信貸監察服務{n}個月",
                "{n} months of free credit monitoring",
            ),
            &[("n", &months.to_string())],
        ),
        Remedy::IdentityTheftInsurance { coverage, months } => fill(
            tr(
                locale,
                "身份盗用保险{n}个月，保额{c}，保费由我们承担",
                "身份盜用保險{n}個月，保額{c}，保費由我們承擔",
                "{n} months of identity-theft insurance with cover of {c}, paid for by us",
            ),
            &[("n", &months.to_string()), ("c", &money(*coverage))],
        ),
        Remedy::FeeWaiver { months } => fill(
            tr(
                locale,
                "{n}个月内免收佣金及账户费用",
                "{n}個月內豁免佣金及賬戶費用",
                "no commissions or account fees for {n} months",
            ),
            &[("n", &months.to_string())],
        ),
        Remedy::AssistedPasswordReset {} => tr(
            locale,
            "专人协助您重置密码和二次验证",
            "專人協助您重設密碼及雙重認證",
            "help from our staff to reset your password and second factor",
        )
        .to_owned(),
        Remedy::AccountFreeze {} => tr(
            locale,
            "专人协助您冻结账户",
            "專人協助您凍結賬戶",
            "help from our staff to freeze your account",
        )
        .to_owned(),
        Remedy::NegotiatedSettlement {} => tr(
            locale,
            "安排专人与您联系，协商解决方案",
            "安排專人與您聯絡，商討解決方案",
            "a member of our staff assigned to agree a settlement with you",
        )
        .to_owned(),
    }
}
