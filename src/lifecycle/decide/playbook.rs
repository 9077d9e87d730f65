//! Activating a playbook: one command, a `playbook_activated` event and the events it
//! instantiates, each decided by the guard of the command it stands for on a scratch copy
//! that has applied the events before it.

use super::checks::Checks;
use crate::playbook::Activation;
use crate::{Command, Context, Event, Incident, Unmet};

impl Incident {
    /// [`Command::ActivatePlaybook`].
    pub(super) fn activate_playbook(
        &self,
        c: &mut Checks,
        ctx: &Context,
        activation: &Activation,
    ) -> Vec<Event> {
        let playbook = &activation.playbook;
        if let Some(active) = &self.playbook {
            c.push(Unmet::Invalid {
                field: "playbook".to_owned(),
                problem: format!(
                    "playbook {}@v{} is already active: an incident follows one playbook; add what the other one asks as actions and notices",
                    active.pin.playbook, active.pin.version
                ),
            });
            return Vec::new();
        }
        if playbook.scope().kind != self.kind {
            c.push(Unmet::Invalid {
                field: "playbook".to_owned(),
                problem: format!(
                    "playbook {} is for {} incidents and this one is {}: reclassify the incident first or choose a playbook for its kind",
                    playbook.id(), playbook.scope().kind, self.kind
                ),
            });
        }
        let locale = activation.locale;
        let Some(actions) =
            playbook.actions(self.detected_at, locale, &activation.staffing, &self.roles)
        else {
            c.push(Unmet::Invalid {
                field: "locale".to_owned(),
                problem: format!(
                    "playbook {} is not written in {}: choose one of its languages",
                    playbook.id(),
                    locale.as_str()
                ),
            });
            return Vec::new();
        };
        let pin = match playbook.pin() {
            Ok(pin) => pin,
            Err(e) => {
                c.push(Unmet::Unencodable {
                    detail: e.to_string(),
                });
                return Vec::new();
            }
        };
        let roles_to_fill = playbook
            .unfilled_roles(&activation.staffing, &self.roles)
            .into_iter()
            .map(|r| r.id.clone())
            .collect();
        let activated = Event::PlaybookActivated {
            pin,
            playbook_text: playbook.clone(),
            locale,
            staffing: activation.staffing.clone(),
            roles_to_fill,
        };
        let mut scratch = Scratch {
            state: self.clone(),
            ctx,
            events: Vec::new(),
        };
        scratch.record(c, activated);
        for action in actions {
            scratch.run(c, &Command::AddAction(action));
        }
        let plan = playbook.comms().plan.clone();
        scratch.run(c, &Command::AdoptCommsPlan { plan });
        for draft in playbook.drafts(&scratch.state.fact_sheet()) {
            scratch.run(c, &Command::DraftNotice(draft));
        }
        scratch.events
    }
}

/// The state as the events decided so far leave it.
struct Scratch<'a> {
    state: Incident,
    ctx: &'a Context<'a>,
    events: Vec<Event>,
}

impl Scratch<'_> {
    /// Decides `command` on the scratch state; records its events, or its unmet guards.
    fn run(&mut self, c: &mut Checks, command: &Command) {
        match self.state.decide(command, self.ctx) {
            Ok(events) => events.into_iter().for_each(|e| self.record(c, e)),
            Err(rejection) => rejection.unmet.into_iter().for_each(|u| c.push(u)),
        }
    }

    /// Applies `event` to the scratch state and keeps it.
    fn record(&mut self, c: &mut Checks, event: Event) {
        let sequence = self.state.version.saturating_add(1);
        match self
            .state
            .evolve(event.clone(), sequence, self.ctx.at(), self.ctx.actor().clone())
        {
            Ok(()) => {
                self.state.version = sequence;
                self.events.push(event);
            }
            Err(e) => c.push(Unmet::Invalid {
                field: "playbook".to_owned(),
                problem: format!("{} would not apply ({e}); this is a bug in the incident crate, please report it", event.name()),
            }),
        }
    }
}
