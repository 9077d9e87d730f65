//! JSON Schemas of the types hosts store or exchange. `schema/*.json` is generated from
//! [`schemas`] and a test fails when the committed files drift from the code.

use schemars::{generate::SchemaSettings, JsonSchema, Schema};

use crate::comms::{CommsPlan, FactSheet, Recipient, Schedule, TemplateSet};
use crate::first_hour::FirstHour;
use crate::playbook::Playbook;
use crate::regulation::{
    Assessment, BusinessCalendar, IncidentFacts, Obligations, Proposal, Regime, Regulation,
};
use crate::review::{
    DrillProgramme, DrillProgrammeStatus, DrillScorecard, DrillScript, DrillStandard,
    IncidentSummary, PortfolioReport, ResponseMetrics, ReviewReport,
};
use crate::status::{ReachReport, StatusBoard, StatusPage};
use crate::{
    bundle::EvidenceBundle, comms::SlaTargets, compensation::Claim, compensation::Decision,
    compensation::Policy, compensation::Program, compensation::ProgramSummary, Command, Declare,
    Envelope, Head, Incident, Rejection,
};

fn schema_of<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// Every exported schema as `(file stem, schema)`, in a fixed order: `envelope` (the stored
/// event contract), `declare` and `command` (inputs), `incident` (the state), `rejection`,
/// `head` and `evidence_bundle`, then compensation: `compensation_policy`,
/// `compensation_claim`, `compensation_decision`, `compensation_program` and
/// `compensation_program_summary`; then regulation: `regime`, `regulation` (profile,
/// regimes, calendars and readings), `business_calendar`, `incident_facts` and
/// `obligations`; then communications: `comms_plan`, `comms_schedule`, `fact_sheet`,
/// `sla_targets`, `template_set` (a host's templates and declared keys) and `recipient`;
/// then review: `response_metrics`, `incident_summary`, `portfolio_report`, `review_report`
/// (what dashboards read), `drill_standard` and `drill_scorecard`; then `playbook` (an
/// emergency plan) and `first_hour` (its checklist); then the drill programme:
/// `drill_script`, `drill_programme` and `drill_programme_status`; then the status page:
/// `status_board` (a firm's components and maintenance), `status_page` and `reach_report`.
pub fn schemas() -> Vec<(&'static str, Schema)> {
    vec![
        ("envelope", schema_of::<Envelope>()),
        ("declare", schema_of::<Declare>()),
        ("command", schema_of::<Command>()),
        ("incident", schema_of::<Incident>()),
        ("rejection", schema_of::<Rejection>()),
        ("head", schema_of::<Head>()),
        ("evidence_bundle", schema_of::<EvidenceBundle>()),
        ("compensation_policy", schema_of::<Policy>()),
        ("compensation_claim", schema_of::<Claim>()),
        ("compensation_decision", schema_of::<Decision>()),
        ("compensation_program", schema_of::<Program>()),
        (
            "compensation_program_summary",
            schema_of::<ProgramSummary>(),
        ),
        ("regime", schema_of::<Regime>()),
        ("regulation", schema_of::<Regulation>()),
        ("business_calendar", schema_of::<BusinessCalendar>()),
        ("incident_facts", schema_of::<IncidentFacts>()),
        ("assessment", schema_of::<Assessment>()),
        ("assessment_proposal", schema_of::<Proposal>()),
        ("obligations", schema_of::<Obligations>()),
        ("comms_plan", schema_of::<CommsPlan>()),
        ("comms_schedule", schema_of::<Schedule>()),
        ("fact_sheet", schema_of::<FactSheet>()),
        ("sla_targets", schema_of::<SlaTargets>()),
        ("template_set", schema_of::<TemplateSet>()),
        ("recipient", schema_of::<Recipient>()),
        ("response_metrics", schema_of::<ResponseMetrics>()),
        ("incident_summary", schema_of::<IncidentSummary>()),
        ("portfolio_report", schema_of::<PortfolioReport>()),
        ("review_report", schema_of::<ReviewReport>()),
        ("drill_standard", schema_of::<DrillStandard>()),
        ("drill_scorecard", schema_of::<DrillScorecard>()),
        ("playbook", schema_of::<Playbook>()),
        ("first_hour", schema_of::<FirstHour>()),
        ("drill_script", schema_of::<DrillScript>()),
        ("drill_programme", schema_of::<DrillProgramme>()),
        (
            "drill_programme_status",
            schema_of::<DrillProgrammeStatus>(),
        ),
        ("status_board", schema_of::<StatusBoard>()),
        ("status_page", schema_of::<StatusPage>()),
        ("reach_report", schema_of::<ReachReport>()),
    ]
}
