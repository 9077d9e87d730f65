//! One test per guard: each unmet precondition is named, all at once.

// Test-only (also cfg-gated where decide.rs includes this file), so that line-based scans
// see that the unwraps below are test code.
#[cfg(test)]
mod guards {
    use chrono::{DateTime, Duration, TimeZone, Utc};

    use crate::actions::*;
    use crate::classify::*;
    use crate::comms::*;

    use crate::evidence::*;
    use crate::findings::*;
    use crate::id::*;
    use crate::lifecycle::*;

    use crate::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 14, 0, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    /// A host that runs no regulatory clocks (tests of the report guard use their own).
    fn no_regimes() -> &'static crate::regulation::Regulation {
        static NONE: std::sync::LazyLock<crate::regulation::Regulation> =
            std::sync::LazyLock::new(|| {
                crate::regulation::Regulation::without_regimes(
                    crate::regulation::EntityProfile::new(),
                )
            });
        &NONE
    }

    fn ctx(minutes: i64) -> Context<'static> {
        Context::new(ActorId::new("tester").unwrap(), t(minutes)).with_regulation(no_regimes())
    }

    fn codes(r: &Rejection) -> Vec<String> {
        r.unmet
            .iter()
            .map(|u| {
                serde_json::to_value(u).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }

    fn declared() -> Incident {
        let d = Declare::new(
            IncidentId::from_bytes([5; 16]),
            IncidentKind::DataBreach,
            "x",
        )
        .detection(DetectionSource::LogReview, t(0))
        .severity(Severity::Sev3)
        .owner(ActorId::new("owner").unwrap());
        Incident::replay(&Incident::declare(&d, &ctx(1)).unwrap()).unwrap()
    }

    /// Executes and applies, panicking on rejection.
    fn run(incident: &mut Incident, command: Command, minutes: i64) {
        run_as(incident, command, minutes, "tester");
    }

    /// As [`run`], by `actor` (an approver other than the drafter, for four eyes).
    fn run_as(incident: &mut Incident, command: Command, minutes: i64, actor: &str) {
        let ctx =
            Context::new(ActorId::new(actor).unwrap(), t(minutes)).with_regulation(no_regimes());
        let envelopes = incident
            .execute(&command, &ctx)
            .unwrap_or_else(|r| panic!("{r}"));
        for e in &envelopes {
            incident.apply(e).unwrap();
        }
    }

    fn action(
        id: &str,
        kind: ActionKind,
        owner: Option<&str>,
        due: Option<DateTime<Utc>>,
    ) -> Command {
        Command::AddAction(NewAction {
            action_id: ActionId::new(id).unwrap(),
            kind,
            title: format!("action {id}"),
            owner: owner.map(|o| ActorId::new(o).unwrap()),
            due,
            measure: None,
        })
    }

    fn done(id: &str) -> Command {
        Command::CompleteAction {
            action_id: ActionId::new(id).unwrap(),
            completed_at: None,
            outcome: None,
        }
    }

    fn notice(id: &str, kind: MessageKind, audience: Audience, complete: bool) -> Command {
        let required = required_elements(kind, audience);
        let mut elements = if complete {
            required.to_vec()
        } else {
            required.get(..1).unwrap_or_default().to_vec()
        };
        if complete {
            for condition in crate::comms::ElementCondition::ALL {
                elements.extend(crate::comms::conditional_elements(
                    kind, audience, condition,
                ));
            }
        }
        Command::DraftNotice(NoticeDraft {
            notice_id: NoticeId::new(id).unwrap(),
            kind,
            audience,
            channels: [Channel::Email].into(),
            elements: elements.iter().copied().collect(),
            facts: Default::default(),
            plan_item: None,
            corrects: None,
        })
    }

    fn nid(id: &str) -> NoticeId {
        NoticeId::new(id).unwrap()
    }

    fn in_phase(phase: Phase) -> Incident {
        let mut i = declared();
        if phase == Phase::Detected {
            return i;
        }
        run(&mut i, action("C", ActionKind::Containment, None, None), 2);
        run(&mut i, done("C"), 3);
        run(
            &mut i,
            Command::Contain {
                contained_at: Some(t(3)),
            },
            4,
        );
        if phase == Phase::Contained {
            return i;
        }
        run(
            &mut i,
            Command::Disclose {
                basis: DisclosureBasis::NotRequired {
                    legal_basis: "no customer data".into(),
                },
            },
            5,
        );
        if phase == Phase::Disclosed {
            return i;
        }
        run(&mut i, action("R", ActionKind::Remediation, None, None), 6);
        run(&mut i, done("R"), 7);
        run(
            &mut i,
            Command::DeclareCompensationNotApplicable {
                reason: "no loss".into(),
            },
            8,
        );
        run(&mut i, Command::Remediate {}, 9);
        i
    }

    #[test]
    fn detect_guard_names_everything_missing_at_once() {
        let d = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::Other, " ");
        let r = Incident::declare(&d, &ctx(0)).unwrap_err();
        assert_eq!(r.command, CommandKind::Declare);
        assert_eq!(r.phase, None);
        assert_eq!(
            codes(&r),
            ["empty_text", "missing", "missing", "missing", "missing"]
        );
        let text = r.to_string();
        for field in [
            "title",
            "detection_source",
            "detected_at",
            "severity",
            "owner",
        ] {
            assert!(text.contains(field), "{field} not named in: {text}");
        }
    }

    #[test]
    fn detect_guard_checks_times() {
        let d = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::Other, "t")
            .detection(DetectionSource::Media, t(10))
            .occurred_at(t(20), true)
            .severity(Severity::Sev4)
            .owner(ActorId::new("o").unwrap());
        let r = Incident::declare(&d, &ctx(5)).unwrap_err();
        // detected in the future, detected before occurred, occurred in the future
        assert_eq!(codes(&r), ["in_the_future", "time_order", "in_the_future"]);
    }

    #[test]
    fn detect_guard_requires_a_reason_for_a_milder_severity() {
        let mut impact = Impact::default();
        impact.people.confirmed = Some(200_000);
        let base = Declare::new(
            IncidentId::from_bytes([2; 16]),
            IncidentKind::DataBreach,
            "t",
        )
        .detection(DetectionSource::Monitoring, t(0))
        .owner(ActorId::new("o").unwrap())
        .impact(impact);
        let r = Incident::declare(&base.clone().severity(Severity::Sev3), &ctx(1)).unwrap_err();
        assert!(matches!(
            &r.unmet[..],
            [Unmet::SeverityBelowAssessment {
                chosen: Severity::Sev3,
                assessed: Severity::Sev1,
                ..
            }]
        ));
        assert!(Incident::declare(
            &base
                .clone()
                .severity(Severity::Sev3)
                .severity_reason("duplicate records; 40k real"),
            &ctx(1)
        )
        .is_ok());
        assert!(Incident::declare(&base.severity(Severity::Sev1), &ctx(1)).is_ok());
    }

    #[test]
    fn contain_guard_needs_done_containment_and_a_time() {
        let mut i = declared();
        run(&mut i, action("C1", ActionKind::Containment, None, None), 2);
        run(&mut i, action("R1", ActionKind::Remediation, None, None), 2);
        run(&mut i, done("R1"), 3);
        let r = i
            .decide(&Command::Contain { contained_at: None }, &ctx(4))
            .unwrap_err();
        assert_eq!(codes(&r), ["no_containment_done", "missing"]);
        assert!(r.to_string().contains("open containment actions: C1"));
        run(&mut i, done("C1"), 5);
        let r = i
            .decide(
                &Command::Contain {
                    contained_at: Some(t(50)),
                },
                &ctx(6),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["in_the_future"]);
        assert!(i
            .decide(
                &Command::Contain {
                    contained_at: Some(t(6))
                },
                &ctx(6)
            )
            .is_ok());
    }

    #[test]
    fn an_action_is_recorded_overdue_from_its_due_time_not_before() {
        let mut i = declared();
        run(
            &mut i,
            action("A1", ActionKind::Containment, Some("owner"), Some(t(30))),
            2,
        );
        let item = Overdue::Action {
            action_id: ActionId::new("A1").unwrap(),
            due_at: t(30),
        };
        let record = Command::RecordOverdue {
            overdue: vec![item.clone()],
        };
        let early = i.decide(&record, &ctx(29)).unwrap_err();
        assert_eq!(codes(&early), ["invalid"]);
        for minutes in [30, 31] {
            let events = i.decide(&record, &ctx(minutes)).unwrap();
            assert_eq!(
                events,
                [Event::OverdueRecorded(item.clone())],
                "at {minutes}"
            );
        }
        // The same item twice in one command, or once more after it was recorded.
        let twice = Command::RecordOverdue {
            overdue: vec![item.clone(), item.clone()],
        };
        assert_eq!(
            codes(&i.decide(&twice, &ctx(31)).unwrap_err()),
            ["duplicate_id"]
        );
        run(&mut i, record.clone(), 31);
        assert_eq!(
            codes(&i.decide(&record, &ctx(32)).unwrap_err()),
            ["duplicate_id"]
        );
        // A due time the action does not have, and an action already done.
        run(
            &mut i,
            action("A2", ActionKind::Containment, Some("owner"), Some(t(40))),
            32,
        );
        let a2 = |due: i64| Command::RecordOverdue {
            overdue: vec![Overdue::Action {
                action_id: ActionId::new("A2").unwrap(),
                due_at: t(due),
            }],
        };
        assert_eq!(
            codes(&i.decide(&a2(35), &ctx(41)).unwrap_err()),
            ["invalid"]
        );
        assert!(i.decide(&a2(40), &ctx(41)).is_ok());
        run(
            &mut i,
            Command::StartAction {
                action_id: ActionId::new("A2").unwrap(),
            },
            41,
        );
        run(&mut i, done("A2"), 41);
        assert_eq!(
            codes(&i.decide(&a2(40), &ctx(42)).unwrap_err()),
            ["invalid"]
        );
    }

    #[test]
    fn only_an_initial_notice_to_customers_can_disclose() {
        // Right kind to the wrong audience, and the wrong kind to the right audience.
        for (id, kind, audience) in [
            ("P", MessageKind::InitialNotice, Audience::Media),
            (
                "U",
                MessageKind::HoldingStatement,
                Audience::AffectedCustomers,
            ),
        ] {
            let mut i = in_phase(Phase::Contained);
            run(&mut i, notice(id, kind, audience, true), 10);
            let approve = Command::ApproveNotice { notice_id: nid(id) };
            run_as(&mut i, approve, 11, "approver");
            let disclose = Command::Disclose {
                basis: DisclosureBasis::PublicNotice { notice_id: nid(id) },
            };
            let refused = i.decide(&disclose, &ctx(11)).unwrap_err();
            assert!(
                codes(&refused)
                    .iter()
                    .any(|c| c == "not_a_disclosure_notice"),
                "{kind:?} to {audience:?}: {:?}",
                codes(&refused)
            );
        }
    }

    #[test]
    fn disclose_guard_checks_the_notice() {
        let mut i = in_phase(Phase::Contained);
        let disclose = |id: &str| Command::Disclose {
            basis: DisclosureBasis::PublicNotice { notice_id: nid(id) },
        };
        assert_eq!(
            codes(&i.decide(&disclose("X"), &ctx(10)).unwrap_err()),
            ["unknown_id"]
        );
        run(
            &mut i,
            notice(
                "D",
                MessageKind::InitialNotice,
                Audience::AffectedCustomers,
                false,
            ),
            10,
        );
        assert_eq!(
            codes(&i.decide(&disclose("D"), &ctx(10)).unwrap_err()),
            ["notice_status", "notice_incomplete"]
        );
        run(
            &mut i,
            notice("M", MessageKind::HoldingStatement, Audience::Media, true),
            10,
        );
        run_as(
            &mut i,
            Command::ApproveNotice {
                notice_id: nid("M"),
            },
            11,
            "approver",
        );
        assert_eq!(
            codes(&i.decide(&disclose("M"), &ctx(11)).unwrap_err()),
            ["not_a_disclosure_notice"]
        );
        let r = i
            .decide(
                &Command::Disclose {
                    basis: DisclosureBasis::NotRequired {
                        legal_basis: "".into(),
                    },
                },
                &ctx(11),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["empty_text"]);
        run(
            &mut i,
            notice(
                "N",
                MessageKind::InitialNotice,
                Audience::AllCustomers,
                true,
            ),
            12,
        );
        run_as(
            &mut i,
            Command::ApproveNotice {
                notice_id: nid("N"),
            },
            12,
            "approver",
        );
        run(&mut i, disclose("N"), 13);
        assert_eq!(i.phase(), Phase::Disclosed);
    }

    #[test]
    fn remediate_guard_needs_settled_work_and_a_compensation_decision() {
        let mut i = in_phase(Phase::Disclosed);
        assert_eq!(
            codes(&i.decide(&Command::Remediate {}, &ctx(10)).unwrap_err()),
            ["compensation_undecided"]
        );
        run(
            &mut i,
            action("R1", ActionKind::Remediation, None, None),
            10,
        );
        run(
            &mut i,
            action("R2", ActionKind::Remediation, None, None),
            10,
        );
        run(&mut i, done("R1"), 11);
        let r = i.decide(&Command::Remediate {}, &ctx(11)).unwrap_err();
        assert_eq!(
            codes(&r),
            ["remediation_outstanding", "compensation_undecided"]
        );
        assert!(r.to_string().contains("R2"));
        run(
            &mut i,
            Command::DeferAction {
                action_id: ActionId::new("R2").unwrap(),
                reason: "vendor fix due".into(),
            },
            12,
        );
        run(
            &mut i,
            Command::open_compensation_program(
                ProgramId::new("P").unwrap(),
                &crate::compensation::reference_securities_policy(),
                None,
            ),
            12,
        );
        run(&mut i, Command::Remediate {}, 13);
        assert_eq!(i.phase(), Phase::Remediated);
    }

    #[test]
    fn review_guard_needs_findings_owned_dated_prevention_and_resolution_notice() {
        let mut i = in_phase(Phase::Remediated);
        run(&mut i, action("P1", ActionKind::Prevention, None, None), 10);
        run(
            &mut i,
            action("P2", ActionKind::Prevention, Some("ciso"), Some(t(9999))),
            10,
        );
        let r = i.decide(&Command::Review {}, &ctx(10)).unwrap_err();
        assert_eq!(
            codes(&r),
            [
                "no_findings",
                "prevention_without_owner",
                "prevention_without_due_date",
                "resolution_notice_not_sent"
            ]
        );
        run(
            &mut i,
            Command::UpdateAction(ActionChanges {
                action_id: ActionId::new("P1").unwrap(),
                title: None,
                owner: Some(ActorId::new("it").unwrap()),
                due: Some(t(5000)),
            }),
            11,
        );
        run(
            &mut i,
            Command::RecordFinding(Finding {
                finding_id: FindingId::new("F").unwrap(),
                kind: FindingKind::RootCause,
                root_cause: Some(RootCause::Misconfiguration),
                summary: "open bucket".into(),
                evidence: vec![],
            }),
            11,
        );
        run(
            &mut i,
            notice(
                "RN",
                MessageKind::ResolutionNotice,
                Audience::AffectedCustomers,
                true,
            ),
            12,
        );
        run_as(
            &mut i,
            Command::ApproveNotice {
                notice_id: nid("RN"),
            },
            12,
            "approver",
        );
        // Approved is not enough: it must be sent.
        assert_eq!(
            codes(&i.decide(&Command::Review {}, &ctx(12)).unwrap_err()),
            ["resolution_notice_not_sent"]
        );
        run(
            &mut i,
            Command::RecordNoticeSent {
                notice_id: nid("RN"),
                sent_at: None,
            },
            13,
        );
        run(&mut i, Command::Review {}, 14);
        run(&mut i, Command::Close {}, 15);
        assert_eq!(i.phase(), Phase::Closed);
    }

    #[test]
    fn every_phase_command_pair_follows_the_table() {
        for phase in [
            Phase::Detected,
            Phase::Contained,
            Phase::Disclosed,
            Phase::Remediated,
        ] {
            let i = in_phase(phase);
            for command in [
                Command::Contain {
                    contained_at: Some(t(9)),
                },
                Command::Remediate {},
                Command::Review {},
                Command::Close {},
            ] {
                let kind = command.kind();
                let result = i.decide(&command, &ctx(20));
                let edge = crate::lifecycle::transitions::transition(phase, kind);
                match (edge, result) {
                    (None, Err(r)) => assert!(
                        matches!(&r.unmet[..], [Unmet::WrongPhase { .. }]),
                        "{phase} {kind}: {r}"
                    ),
                    (None, Ok(_)) => panic!("{phase} accepted {kind}"),
                    (Some(_), Err(r)) => assert!(
                        !r.unmet
                            .iter()
                            .any(|u| matches!(u, Unmet::WrongPhase { .. })),
                        "{r}"
                    ),
                    (Some(_), Ok(_)) => {}
                }
            }
        }
    }

    #[test]
    fn cross_phase_commands_validate_ids_and_states() {
        let mut i = declared();
        let r = i
            .decide(&Command::UnassignRole { role: Role::Owner }, &ctx(2))
            .unwrap_err();
        assert_eq!(codes(&r), ["owner_required"]);
        let r = i
            .decide(
                &Command::AssignRole {
                    role: Role::Owner,
                    person: ActorId::new("owner").unwrap(),
                },
                &ctx(2),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["role_already_held"]);
        let r = i
            .decide(&Command::UnassignRole { role: Role::Legal }, &ctx(2))
            .unwrap_err();
        assert_eq!(codes(&r), ["no_change"]);
        let r = i
            .decide(
                &Command::ChangeSeverity {
                    severity: Severity::Sev3,
                    reason: "".into(),
                },
                &ctx(2),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["empty_text", "no_change"]);
        let r = i
            .decide(
                &Command::UpdateImpact {
                    update: ImpactUpdate::default(),
                    reason: None,
                },
                &ctx(2),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["no_change"]);
        let negative = ImpactUpdate::default().funds_involved(Money::from_minor(-1, Currency::USD));
        let r = i
            .decide(
                &Command::UpdateImpact {
                    update: negative,
                    reason: None,
                },
                &ctx(2),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["invalid"]);
        let r = i.decide(&done("nope"), &ctx(2)).unwrap_err();
        assert_eq!(codes(&r), ["unknown_id"]);
        run(&mut i, action("A", ActionKind::Remediation, None, None), 2);
        assert_eq!(
            codes(
                &i.decide(&action("A", ActionKind::Remediation, None, None), &ctx(2))
                    .unwrap_err()
            ),
            ["duplicate_id"]
        );
        run(&mut i, done("A"), 3);
        assert_eq!(
            codes(&i.decide(&done("A"), &ctx(3)).unwrap_err()),
            ["action_status"]
        );
        let r = i
            .decide(
                &Command::AddNote {
                    text: "x".repeat(20_001),
                },
                &ctx(3),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["text_too_long"]);
        let r = i
            .decide(
                &Command::RecordOccurrence {
                    occurred_at: t(1),
                    estimated: true,
                },
                &ctx(3),
            )
            .unwrap_err();
        assert_eq!(codes(&r), ["time_order"], "occurred after detection");
    }

    /// An incident holding evidence `E`, collected at `t(5)` (its first custody entry).
    fn with_evidence() -> Incident {
        let mut i = declared();
        run(
            &mut i,
            Command::AddEvidence(NewEvidence {
                evidence_id: EvidenceId::new("E").unwrap(),
                description: "image".into(),
                collected_by: ActorId::new("f").unwrap(),
                collected_at: t(5),
                location: "safe".into(),
                digest: None,
            }),
            6,
        );
        i
    }

    /// A transfer of evidence `E` at `at`.
    fn entry(at: DateTime<Utc>) -> CustodyRecord {
        CustodyRecord {
            evidence_id: EvidenceId::new("E").unwrap(),
            entry: CustodyEntry {
                action: CustodyAction::Transferred,
                by: ActorId::new("g").unwrap(),
                at,
                location: "lab".into(),
                digest: None,
                note: None,
            },
        }
    }

    #[test]
    fn custody_must_be_recorded_in_time_order() {
        let mut i = with_evidence();
        let r = i
            .decide(&Command::RecordCustody(entry(t(4))), &ctx(7))
            .unwrap_err();
        assert_eq!(codes(&r), ["custody_out_of_order"]);
        run(&mut i, Command::RecordCustody(entry(t(6))), 7);
        assert_eq!(
            i.evidence()[&EvidenceId::new("E").unwrap()].custody.len(),
            2
        );
    }

    #[test]
    fn a_custody_entry_at_the_same_instant_as_the_latest_is_accepted() {
        let mut i = with_evidence();
        // At the collection's instant, then twice at the same later instant.
        run(&mut i, Command::RecordCustody(entry(t(5))), 7);
        run(&mut i, Command::RecordCustody(entry(t(6))), 7);
        run(&mut i, Command::RecordCustody(entry(t(6))), 7);
        let custody = &i.evidence()[&EvidenceId::new("E").unwrap()].custody;
        let times: Vec<_> = custody.iter().map(|e| e.at).collect();
        assert_eq!(times, [t(5), t(5), t(6), t(6)]);
    }

    /// A command recording the CAC grade `grade`.
    fn grade(grade: crate::regulation::CnGrade) -> Command {
        Command::RecordGrade {
            grade,
            graded_at: None,
            basis: "grading guide, criterion 3".into(),
            assessment: None,
            override_reason: None,
        }
    }

    #[test]
    fn recording_the_grade_the_incident_already_has_is_refused_as_no_change() {
        use crate::regulation::CnGrade;
        let mut i = declared();
        run(&mut i, grade(CnGrade::General), 2);
        run(&mut i, grade(CnGrade::Major), 3);
        let r = i.decide(&grade(CnGrade::Major), &ctx(4)).unwrap_err();
        assert_eq!(codes(&r), ["no_change"]);
        assert!(r.to_string().contains("the grade is already major"), "{r}");
        // A lower grade is a change again.
        run(&mut i, grade(CnGrade::General), 5);
        assert_eq!(
            i.regulatory().cn_grade.as_ref().map(|g| g.grade),
            Some(CnGrade::General)
        );
    }

    #[test]
    fn a_milestone_at_the_time_already_recorded_is_no_change() {
        use crate::regulation::Milestone;
        let aware = |minutes| Command::RecordMilestone {
            milestone: Milestone::Awareness,
            at: Some(t(minutes)),
        };
        let mut i = declared();
        run(&mut i, aware(2), 3);
        let r = i.decide(&aware(2), &ctx(4)).unwrap_err();
        assert_eq!(codes(&r), ["no_change"]);
        // Another time corrects it; another milestone at the same time is its own.
        run(&mut i, aware(1), 4);
        let ended = Command::RecordMilestone {
            milestone: Milestone::HandlingEnded,
            at: Some(t(1)),
        };
        run(&mut i, ended, 5);
    }

    #[test]
    fn a_determination_with_the_value_already_recorded_is_no_change() {
        let determine = |value| Command::RecordDetermination {
            fact: FactName::new("major_incident").unwrap(),
            value,
            determined_at: None,
            basis: "the CISO's assessment".into(),
            assessment: None,
            override_reason: None,
        };
        let mut i = declared();
        run(&mut i, determine(true), 2);
        let r = i.decide(&determine(true), &ctx(3)).unwrap_err();
        assert_eq!(codes(&r), ["no_change"]);
        assert!(
            r.to_string()
                .contains("`major_incident` is already determined yes"),
            "{r}"
        );
        // The other answer is a change.
        run(&mut i, determine(false), 3);
    }

    #[test]
    fn a_filing_is_a_duplicate_only_of_the_same_report_of_the_same_regime_at_the_same_time() {
        let filing = |regime: &str, report: &str, minutes| Command::RecordFiling {
            regime: RegimeId::new(regime).unwrap(),
            report: ReportId::new(report).unwrap(),
            submitted_at: Some(t(minutes)),
            reference: None,
        };
        let mut i = declared();
        run(&mut i, filing("cn-csrc", "initial", 2), 3);
        let r = i
            .decide(&filing("cn-csrc", "initial", 2), &ctx(4))
            .unwrap_err();
        assert_eq!(codes(&r), ["duplicate_id"]);
        // Another report, another regime or another time is another filing.
        run(&mut i, filing("cn-csrc", "final", 2), 4);
        run(&mut i, filing("cn-pboc", "initial", 2), 5);
        run(&mut i, filing("cn-csrc", "initial", 3), 6);
        assert_eq!(i.regulatory().filings.len(), 4);
    }

    #[test]
    fn an_optional_text_given_is_held_to_the_text_rules() {
        let with_summary = |summary: String| {
            Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::Other, "t")
                .detection(DetectionSource::LogReview, t(0))
                .severity(Severity::Sev3)
                .owner(ActorId::new("owner").unwrap())
                .summary(summary)
        };
        for (summary, code) in [
            (" ".to_owned(), "empty_text"),
            ("摘".repeat(20_001), "text_too_long"),
        ] {
            let r = Incident::declare(&with_summary(summary), &ctx(1)).unwrap_err();
            assert_eq!(codes(&r), [code]);
            assert!(r.to_string().contains("summary"), "{r}");
        }
        Incident::declare(&with_summary("摘".repeat(20_000)), &ctx(1)).unwrap();
    }

    #[test]
    fn a_gbt_subcategory_must_belong_to_its_category() {
        use crate::classify::{GbtCategory, GbtClassification, GbtSubcategory};
        let mut i = declared();
        let classify = |category, subcategory| Command::ClassifyGbt {
            classification: GbtClassification {
                category,
                subcategory,
            },
            basis: "customer records published".into(),
        };
        let bad = classify(GbtCategory::Malware, Some(GbtSubcategory::DataLeak));
        let r = i.decide(&bad, &ctx(2)).unwrap_err();
        assert_eq!(codes(&r), ["invalid"]);
        assert!(
            r.to_string().contains("data_leak belongs to data_security"),
            "{r}"
        );
        let good = classify(GbtCategory::DataSecurity, Some(GbtSubcategory::DataLeak));
        run(&mut i, good.clone(), 3);
        assert_eq!(
            i.gbt().map(|g| g.classification),
            Some(GbtClassification::of(GbtSubcategory::DataLeak))
        );
        let r = i.decide(&good, &ctx(4)).unwrap_err();
        assert_eq!(codes(&r), ["no_change"]);
    }

    /// Decides, at minute 20, recording one alert of `kind` at `at` for a report due at `t(10)`.
    fn alert_at(
        i: &Incident,
        kind: crate::regulation::AlertKind,
        at: DateTime<Utc>,
    ) -> Result<Vec<Event>, Rejection> {
        let alert = crate::regulation::ClockAlert {
            regime: RegimeId::new("eu-dora").unwrap(),
            report: ReportId::new("initial").unwrap(),
            kind,
            due_at: t(10),
            at,
        };
        i.decide(
            &Command::RecordClockAlerts {
                alerts: vec![alert],
            },
            &ctx(20),
        )
    }

    #[test]
    fn a_reminder_falls_before_its_due_time_at_a_share_strictly_between_0_and_10000_bp() {
        use crate::regulation::AlertKind::Reminder;
        let i = declared();
        for fraction_bp in [1, 5_000, 9_999] {
            assert!(
                alert_at(&i, Reminder { fraction_bp }, t(5)).is_ok(),
                "{fraction_bp} bp"
            );
        }
        for fraction_bp in [0, 10_000, 20_000] {
            let r = alert_at(&i, Reminder { fraction_bp }, t(5)).unwrap_err();
            assert_eq!(codes(&r), ["invalid"], "{fraction_bp} bp");
        }
        // A valid share, but at or after the due time.
        for at in [t(10), t(12)] {
            let r = alert_at(&i, Reminder { fraction_bp: 5_000 }, at).unwrap_err();
            assert_eq!(codes(&r), ["invalid"], "at {at}");
            assert!(r.to_string().contains("is inconsistent"), "{r}");
        }
    }

    #[test]
    fn a_missed_deadline_alert_falls_at_or_after_its_due_time() {
        use crate::regulation::AlertKind::Missed;
        let i = declared();
        assert!(alert_at(&i, Missed {}, t(10)).is_ok());
        assert!(alert_at(&i, Missed {}, t(12)).is_ok());
        let r = alert_at(&i, Missed {}, t(9)).unwrap_err();
        assert_eq!(codes(&r), ["invalid"]);
    }
}
