//! The drill programme: scripted drills run on exercise incidents and scored against a
//! playbook's targets, and the firm's programme across drills (cadence per scenario,
//! coverage of the plan's scope, trends and the drill report's regulatory clock).
//!
//! A scenario is the playbook exercised ([`PlaybookId`](crate::id::PlaybookId)); the
//! targets are a [`DrillStandard`](crate::review::DrillStandard). CSRC Order 218 Art. 38
//! asks core institutions to drill at least yearly and report each drill to the CSRC
//! (see [`DrillReportRule::csrc_order_218`], unverified).

mod markdown;
mod programme;
mod report_clock;
mod run;
mod script;
mod status;

pub use programme::{
    DrillProgramme, DrillProgrammeError, DrillProgrammeProblem, DrillProgrammeSpec, DrillRecord,
    DrillResult, ScenarioPlan,
};
pub use report_clock::{DrillReportClock, DrillReportRule, DrillReportState};
pub use run::{DrillRun, DrillRunError, DrillStep, DrillStepOrigin, DrillStopped};
pub use script::{
    DrillInject, DrillScript, DrillScriptError, DrillScriptProblem, DrillScriptSpec, InjectSource,
};
pub use status::{Coverage, DrillProgrammeStatus, ScenarioDue, ScenarioStatus, TrendPoint};
