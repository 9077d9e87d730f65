//! [`Decision::explain`]: the English record of a decision from the decision alone, for
//! logs and callers that hold no policy or claim.

use std::fmt::Write as _;

use super::super::decision::{Decision, RuleStatus};
use super::super::policy::Remedy;
use super::remedies::record_remedy;
use crate::locale::Locale;
use crate::Money;

impl Decision {
    /// A readable account in English, from the decision alone: one line per rule that was
    /// evaluated (applies / does not apply, with what it requires and the claim's facts),
    /// one line naming the rules a first-match policy did not evaluate, then the cash and
    /// review lines. For the full record in any locale, see
    /// [`Explanation::to_regulator`](super::Explanation::to_regulator).
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, Tier};
    /// use incident::id::CustomerRef;
    /// use incident::{Currency, Money};
    /// let claim = Claim::builder(CustomerRef::new("C-9")?, Tier::Standard,
    ///     Money::from_minor(0, Currency::CNY), EvidenceStrength::None).build()?;
    /// let decision = reference_securities_policy().decide(&claim)?;
    /// let text = decision.explain();
    /// assert!(text.contains("no-evidence-goodwill: applies: every claim qualifies"));
    /// assert!(text.contains("verified-loss: does not apply: requires evidence verified; the claim's evidence is none (no loss claimed)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(&self) -> String {
        let locale = Locale::En;
        let money = |m: Money| locale.format_money(m);
        let mut out = String::new();
        let mut skipped: Vec<&str> = Vec::new();
        let mut skipped_reason = "";
        for rule in &self.rules {
            let status = match rule.status {
                RuleStatus::Matched => "applies",
                RuleStatus::NotMatched => "does not apply",
                RuleStatus::Skipped => {
                    skipped.push(rule.rule.as_str());
                    skipped_reason = &rule.reason;
                    continue;
                }
            };
            let _ = write!(out, "{}: {status}: {}", rule.rule, rule.reason);
            let grants: Vec<String> = self
                .granted
                .iter()
                .filter(|g| g.rule == rule.rule)
                .map(|g| {
                    let mut s = record_remedy(&g.remedy, locale);
                    if g.cash.is_positive() || matches!(g.remedy, Remedy::Reimburse { .. }) {
                        let _ = write!(s, " = {}", money(g.cash));
                    }
                    if g.cap_bound {
                        s.push_str(" (cap reached)");
                    }
                    s
                })
                .collect();
            if !grants.is_empty() {
                let _ = write!(out, " → {}", grants.join("; "));
            }
            out.push('\n');
        }
        if !skipped.is_empty() {
            let _ = writeln!(
                out,
                "not evaluated ({skipped_reason}): {}",
                skipped.join(", ")
            );
        }
        let a = &self.assessment;
        let _ = write!(out, "cash: {}", money(a.cash));
        if a.customer_cap_bound {
            let _ = write!(
                out,
                " (per-customer cap reached; {} before the cap)",
                money(a.cash_before_customer_cap)
            );
        }
        out.push('\n');
        if a.needs_manual_review {
            let _ = writeln!(out, "manual review: {}", self.review_reasons.join("; "));
        }
        out
    }
}
