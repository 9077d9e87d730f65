//! A drill of a playbook is held to the playbook's own targets.

use super::DrillStandard;
use crate::playbook::Playbook;

impl DrillStandard {
    /// The standard a drill of `playbook` is scored against: its containment and first
    /// customer notice targets, with the default penalties.
    ///
    /// # Examples
    /// ```
    /// use incident::review::DrillStandard;
    /// let playbook = incident::playbook::builtin_playbook("securities.account-takeover").ok_or("built in")?;
    /// let standard = DrillStandard::for_playbook(&playbook);
    /// assert_eq!(standard.contain_within_seconds, 30 * 60);
    /// assert_eq!(standard.customer_notice_within_seconds, Some(60 * 60));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_playbook(playbook: &Playbook) -> Self {
        let targets = playbook.targets();
        Self {
            contain_within_seconds: i64::from(targets.contain_within_minutes) * 60,
            customer_notice_within_seconds: Some(
                i64::from(targets.first_customer_notice_within_minutes) * 60,
            ),
            ..Self::default()
        }
    }
}
