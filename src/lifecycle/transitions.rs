use crate::phase::Phase;
use crate::CommandKind;

/// The lifecycle's one transition table: (from, command, to). `decide`, `apply`, the
/// diagram in the module docs and the tests all read it.
pub const TRANSITIONS: [(Phase, CommandKind, Phase); 7] = [
    (Phase::Detected, CommandKind::Contain, Phase::Contained),
    (Phase::Contained, CommandKind::Disclose, Phase::Disclosed),
    (Phase::Disclosed, CommandKind::Remediate, Phase::Remediated),
    (Phase::Remediated, CommandKind::Review, Phase::Reviewed),
    (Phase::Reviewed, CommandKind::Close, Phase::Closed),
    (Phase::Detected, CommandKind::Dismiss, Phase::Dismissed),
    (Phase::Contained, CommandKind::Dismiss, Phase::Dismissed),
];

/// The command that moves `from` to `to`, if the table has that edge.
pub(crate) fn target(from: Phase, to: Phase) -> Option<CommandKind> {
    TRANSITIONS
        .iter()
        .find(|(f, _, t)| *f == from && *t == to)
        .map(|(_, c, _)| *c)
}

/// The commands `phase` accepts: its outgoing transitions, then every cross-phase command
/// unless the phase is terminal.
///
/// # Examples
/// ```
/// use incident::lifecycle::allowed_commands;
/// use incident::{CommandKind, Phase};
/// assert!(allowed_commands(Phase::Detected).contains(&CommandKind::Contain));
/// assert!(!allowed_commands(Phase::Detected).contains(&CommandKind::Review));
/// assert!(allowed_commands(Phase::Closed).is_empty());
/// ```
pub fn allowed_commands(phase: Phase) -> Vec<CommandKind> {
    if phase.is_terminal() {
        return Vec::new();
    }
    TRANSITIONS
        .iter()
        .filter(|(f, _, _)| *f == phase)
        .map(|(_, c, _)| *c)
        .chain(CommandKind::CROSS_PHASE)
        .collect()
}

/// The phase a transition command leads to from `phase`, if any.
pub(crate) fn transition(phase: Phase, command: CommandKind) -> Option<Phase> {
    TRANSITIONS
        .iter()
        .find(|(f, c, _)| *f == phase && *c == command)
        .map(|(_, _, t)| *t)
}

/// The lifecycle as a Mermaid state diagram, generated from [`TRANSITIONS`].
pub fn mermaid() -> String {
    let mut out = String::from("stateDiagram-v2\n    [*] --> detected: declare\n");
    for (from, command, to) in TRANSITIONS {
        out.push_str(&format!("    {from} --> {to}: {command}\n"));
    }
    out.push_str("    closed --> [*]\n    dismissed --> [*]\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_docs_show_the_table() {
        let docs = include_str!("mod.rs");
        let diagram: String = mermaid().lines().map(|l| format!("//! {l}\n")).collect();
        assert!(
            docs.contains(&diagram),
            "lifecycle/mod.rs docs must contain:\n{diagram}"
        );
    }

    #[test]
    fn terminal_phases_have_no_way_out() {
        for (from, _, _) in TRANSITIONS {
            assert!(!from.is_terminal());
        }
        assert_eq!(transition(Phase::Detected, CommandKind::Review), None);
        assert_eq!(
            transition(Phase::Contained, CommandKind::Dismiss),
            Some(Phase::Dismissed)
        );
        assert_eq!(
            allowed_commands(Phase::Reviewed).first(),
            Some(&CommandKind::Close)
        );
    }
}
