//! The checks a playbook passes when built and when loaded.

use std::collections::BTreeSet;

use super::{Catalogue, HostReferences, PlaybookBuilder, PlaybookProblem as P, Wording};
use crate::actions::{ActionKind, MAX_TITLE};
use crate::comms::{Audience, MessageKind, PlanTrigger, TemplateSet};
use crate::id::{PlanItemId, PlaybookRoleId};
use crate::phase::Phase;

/// What a playbook's regimes are checked against: the built-in catalogue, then the host's
/// (when built for one), then the host references a loaded playbook declares.
pub(super) struct Known<'a> {
    builtin: Catalogue,
    host: Option<&'a Catalogue>,
    declared: &'a HostReferences,
    /// The references found outside the built-in catalogue, recorded in the playbook.
    found: HostReferences,
}

impl<'a> Known<'a> {
    pub(super) fn new(host: Option<&'a Catalogue>, declared: &'a HostReferences) -> Self {
        Self {
            builtin: Catalogue::builtin(),
            host,
            declared,
            found: HostReferences::default(),
        }
    }

    /// Whether `regime` is known; a host's is recorded.
    fn regime(&mut self, regime: &crate::id::RegimeId) -> bool {
        if self.builtin.knows_regime(regime) {
            return true;
        }
        let host = self.host.is_some_and(|c| c.knows_regime(regime))
            || self.declared.regimes.contains(regime);
        if host && !self.found.regimes.contains(regime) {
            self.found.regimes.push(regime.clone());
        }
        host
    }

    /// The host references found, in a stable order.
    pub(super) fn into_found(mut self) -> HostReferences {
        self.found.regimes.sort();
        self.found
    }
}

/// Every problem of `b`; `policy` is what the policy's parse said when it failed.
pub(super) fn problems(
    b: &PlaybookBuilder,
    policy: Option<String>,
    known: &mut Known<'_>,
) -> Vec<P> {
    let mut out = Vec::new();
    if b.version == 0 {
        out.push(P::ZeroVersion {});
    }
    if b.locales.is_empty() {
        out.push(P::NoLocale {});
    }
    wording(b, "title", &b.title, &mut out);
    let roles = roles(b, &mut out);
    steps(b, &roles, &mut out);
    for (i, channel) in b.feedback.iter().enumerate() {
        known_role(
            &roles,
            &format!("feedback[{i}].owner"),
            &channel.owner,
            &mut out,
        );
    }
    messages(b, &mut out);
    for regime in &b.regimes {
        if !known.regime(regime) {
            out.push(P::UnknownRegime {
                regime: regime.clone(),
            });
        }
    }
    if let Some(detail) = policy {
        out.push(P::InvalidPolicy { detail });
    }
    for (index, source) in b.sources.iter().enumerate() {
        if source.title.trim().is_empty() || source.url.trim().is_empty() {
            out.push(P::BadSource { index });
        }
    }
    out
}

fn wording(b: &PlaybookBuilder, field: &str, text: &Wording, out: &mut Vec<P>) {
    for locale in &b.locales {
        if text.get(locale).is_none_or(|t| t.trim().is_empty()) {
            out.push(P::MissingTranslation {
                field: field.to_owned(),
                locale: *locale,
            });
        }
    }
}

fn roles(b: &PlaybookBuilder, out: &mut Vec<P>) -> BTreeSet<PlaybookRoleId> {
    let mut seen = BTreeSet::new();
    for role in &b.roles {
        if !seen.insert(role.id.clone()) {
            out.push(P::DuplicateRole {
                role: role.id.clone(),
            });
        }
        wording(b, &format!("roles[{}].name", role.id), &role.name, out);
    }
    seen
}

fn known_role(
    roles: &BTreeSet<PlaybookRoleId>,
    field: &str,
    role: &PlaybookRoleId,
    out: &mut Vec<P>,
) {
    if !roles.contains(role) {
        out.push(P::UnknownRole {
            field: field.to_owned(),
            role: role.clone(),
        });
    }
}

fn steps(b: &PlaybookBuilder, roles: &BTreeSet<PlaybookRoleId>, out: &mut Vec<P>) {
    let mut seen = BTreeSet::new();
    let mut channel_seen = BTreeSet::new();
    for step in &b.steps {
        let id = step.id.to_string();
        if !seen.insert(step.id.clone()) {
            out.push(P::DuplicateStep { step: id.clone() });
        }
        known_role(roles, &format!("steps[{id}].owner"), &step.owner, out);
        if step.due_after_minutes < 0 {
            out.push(P::NegativeOffset {
                step: id.clone(),
                minutes: step.due_after_minutes,
            });
        }
        wording(b, &format!("steps[{id}].title"), &step.title, out);
        for (locale, title) in &step.title {
            let len = title.chars().count();
            if len > MAX_TITLE {
                out.push(P::TitleTooLong {
                    step: id.clone(),
                    locale: *locale,
                    len,
                    max: MAX_TITLE,
                });
            }
        }
    }
    for channel in &b.feedback {
        let opens = channel.action_id();
        if opens.as_ref().is_some_and(|id| seen.contains(id))
            || !channel_seen.insert(channel.channel)
        {
            out.push(P::DuplicateStep {
                step: opens
                    .map_or_else(|| channel.channel.as_str().to_owned(), |id| id.to_string()),
            });
        }
    }
    if !b.steps.iter().any(|s| s.kind == ActionKind::Containment) {
        out.push(P::NoContainment {});
    }
}

/// A message activation drafts, and what it must be.
struct Drafted<'a> {
    field: &'static str,
    item: &'a PlanItemId,
    kind: MessageKind,
    audience_ok: fn(Audience) -> bool,
    expected: &'static str,
}

/// The plan, and the two messages drafted on activation: in the plan, of the right kind,
/// with a template in every language, and the customer notice within its target.
fn messages(b: &PlaybookBuilder, out: &mut Vec<P>) {
    let plan = &b.comms.plan;
    out.extend(plan.problems().into_iter().map(|detail| P::Plan { detail }));
    let templates = TemplateSet::builtin();
    let drafted = [
        Drafted {
            field: "first_customer_notice",
            item: &b.comms.first_customer_notice,
            kind: MessageKind::InitialNotice,
            audience_ok: Audience::is_customers,
            expected: "an initial notice to customers",
        },
        Drafted {
            field: "holding_statement",
            item: &b.comms.holding_statement,
            kind: MessageKind::HoldingStatement,
            audience_ok: |a| a == Audience::Media,
            expected: "a holding statement for the media",
        },
    ];
    for Drafted {
        field,
        item: id,
        kind,
        audience_ok,
        expected,
    } in drafted
    {
        let Some(item) = plan.item(id) else {
            out.push(P::UnknownMessage {
                field: field.to_owned(),
                item: id.clone(),
            });
            continue;
        };
        if item.kind != kind || !audience_ok(item.audience) {
            out.push(P::WrongMessage {
                field: field.to_owned(),
                item: id.clone(),
                kind: item.kind,
                audience: item.audience,
                expected: expected.to_owned(),
            });
        }
        for locale in &b.locales {
            if templates
                .lookup(item.kind, *locale, item.audience)
                .is_none()
            {
                out.push(P::UnknownTemplate {
                    item: id.clone(),
                    kind: item.kind,
                    audience: item.audience,
                    locale: *locale,
                });
            }
        }
    }
    if let Some(PlanTrigger::Phase {
        phase: Phase::Detected,
        within_minutes,
    }) = plan
        .item(&b.comms.first_customer_notice)
        .map(|i| &i.trigger)
    {
        let target = b.targets.first_customer_notice_within_minutes;
        if *within_minutes > target {
            out.push(P::TargetBeforePlan {
                planned: *within_minutes,
                target,
            });
        }
    }
}
