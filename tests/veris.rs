//! The VERIS 1.4 export: both seed cases, driven to closure, export records that validate
//! against the official VERIS schema (`tests/fixtures/verisc-merged.json`, from
//! vz-risk/veris, CC BY-SA 4.0; see `tests/fixtures/VERIS-NOTICE.md`).

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod json_schema;
mod seeds;

use incident::classify::*;
use incident::comms::Sensitivity;
use incident::compensation::*;
use incident::id::*;
use incident::review::*;
use incident::*;
use serde_json::json;

use driver::*;
use json_schema::assert_valid;
use seeds::platform_theft::platform_theft_until_review;
use seeds::securities_takeover::securities_takeover_until_review;

fn cny(minor: i64) -> Money {
    Money::from_minor(minor, Currency::CNY)
}

/// What the seeds do not record but a VERIS export should carry: losses with amounts, a
/// regulatory filing, and one compensation claim assessed, settled and paid.
fn extras(desk: &mut Desk, program: &str, policy: &Policy) {
    let program = ProgramId::new(program).unwrap();
    let claim_id = ClaimId::new("CL-1").unwrap();
    let claim = Claim::builder(
        CustomerRef::new("C-0001").unwrap(),
        Tier::Standard,
        cny(300_000),
        EvidenceStrength::Partial,
    )
    .verified_loss(cny(150_000))
    .build()
    .unwrap();
    desk.advance(5)
        .run(Command::UpdateImpact {
            update: ImpactUpdate::default().losses([
                Loss {
                    variety: LossVariety::AssetAndFraud,
                    amount: Some(cny(128_000_000)),
                },
                Loss {
                    variety: LossVariety::ResponseAndRecovery,
                    amount: Some(cny(5_000_050)),
                },
                Loss {
                    variety: LossVariety::BrandDamage,
                    amount: None,
                },
            ]),
            reason: Some("finance estimate".into()),
        })
        .run(Command::RecordFiling {
            regime: RegimeId::new("cn-cac-incident-reporting").unwrap(),
            report: ReportId::new("provincial-report").unwrap(),
            submitted_at: None,
            reference: Some("CAC-2026-001".into()),
        });
    commands::claim_paid(desk, &program, &claim_id, &claim, policy);
}

fn seed_platform_theft() -> Desk {
    let mut desk = platform_theft_until_review();
    extras(&mut desk, "CP-2026-03", &reference_platform_policy());
    desk.run(Command::Review {}).run(Command::Close {});
    assert_eq!(desk.incident.phase(), Phase::Closed);
    desk
}

fn seed_securities_takeover() -> Desk {
    let mut desk = securities_takeover_until_review();
    extras(&mut desk, "SEC-COMP-1", &reference_securities_policy());
    desk.run(Command::Review {}).run(Command::Close {});
    assert_eq!(desk.incident.phase(), Phase::Closed);
    desk
}

fn options(industry: &str) -> VerisOptions {
    let mut options = VerisOptions::new(
        VerisVictim {
            industry: industry.into(),
            country: "CN".into(),
            employee_count: "1001 to 10000".into(),
            government: None,
        },
        "incident-crate-test",
    );
    options.analyst = Some("review.board".into());
    options.reference = Some("CASE-1".into());
    // Shared with the industry's information-sharing body, cleared for restricted facts
    // (the amounts); the public default withholds them (see the test below).
    options.clearance = Sensitivity::Restricted;
    options
}

/// VERIS is made for sharing outside the firm: by default the record carries no amount of
/// money labelled above public, and says so.
#[test]
fn the_public_record_withholds_the_amounts() {
    let desk = seed_platform_theft();
    let mut options = options("522");
    options.clearance = Sensitivity::Public;
    let record = veris_record(&desk.incident, &options).unwrap();
    assert_valid(&veris_validator(), &record);
    assert!(
        record["impact"].get("overall_amount").is_none(),
        "{}",
        record["impact"]
    );
    assert!(record["impact"]["loss"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l.get("amount").is_none()));
    assert_eq!(record["plus"]["incident"]["funds_involved"], json!(null));
    assert_eq!(record["plus"]["withheld"], json!(["funds_involved"]));
    let text = record.to_string();
    assert!(!text.contains("1280000"), "an amount leaked: {text}");
}

fn veris_validator() -> jsonschema::Validator {
    let path = format!(
        "{}/tests/fixtures/verisc-merged.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-04/schema#");
    jsonschema::draft4::new(&schema).unwrap()
}

fn check_common(desk: &Desk, record: &serde_json::Value) {
    let validator = veris_validator();
    assert_valid(&validator, record);
    // The validator does check VERIS's enums and required fields.
    let mut bad = record.clone();
    bad["security_incident"] = json!("Maybe");
    assert!(!validator.is_valid(&bad));
    let mut bad = record.clone();
    bad.as_object_mut().unwrap().remove("actor");
    assert!(!validator.is_valid(&bad));
    assert_eq!(record["incident_id"], desk.incident.id().to_string());
    assert_eq!(record["schema_version"], "1.4.0");
    assert_eq!(record["security_incident"], "Confirmed");
    assert_eq!(record["victim"]["country"], json!(["CN"]));
    assert_eq!(record["victim"]["government"], json!(["NA"]));
    assert_eq!(record["reference"], "CASE-1");
    // Losses in major units, one currency.
    assert_eq!(record["impact"]["iso_currency_code"], "CNY");
    assert_eq!(record["impact"]["overall_amount"], json!(1_330_000.5));
    assert_eq!(record["impact"]["loss"][0]["variety"], "Asset and fraud");
    assert_eq!(record["impact"]["loss"][0]["amount"], json!(1_280_000.0));
    assert!(record["impact"]["loss"][2].get("amount").is_none());
    // `plus` carries what VERIS lacks: notification times and compensation.
    let plus = &record["plus"];
    assert_eq!(plus["analyst"], "review.board");
    assert_eq!(
        plus["analysis_at"],
        serde_json::to_value(desk.incident.updated_at()).unwrap()
    );
    let notices = plus["notification"]["notices"].as_array().unwrap();
    assert_eq!(notices.len(), desk.incident.notices().len());
    assert!(notices.iter().any(|n| n["sent_at"].is_string()));
    let filings = plus["notification"]["filings"].as_array().unwrap();
    assert_eq!(filings.len(), 1);
    assert_eq!(filings[0]["reference"], "CAC-2026-001");
    let totals = &plus["compensation"]["claim_totals"];
    assert_eq!(totals["claims"], 1);
    assert_eq!(
        totals,
        &serde_json::to_value(desk.incident.claim_totals()).unwrap()
    );
    assert!(!totals["paid"].is_null());
    assert_eq!(
        plus["incident"]["severity"],
        serde_json::to_value(desk.incident.severity()).unwrap()
    );
}

#[test]
fn platform_theft_exports_a_valid_veris_record() {
    let desk = seed_platform_theft();
    let record = veris_record(&desk.incident, &options("522")).unwrap();
    check_common(&desk, &record);
    assert_eq!(record["plus"]["incident"]["kind"], "data_breach");
    assert_eq!(
        record["timeline"]["incident"],
        json!({ "year": 2026, "month": 3, "day": 13 })
    );
    assert_eq!(
        record["timeline"]["discovery"],
        json!({ "unit": "Hours", "value": 3.17 })
    );
    assert_eq!(
        record["discovery_method"],
        json!({ "internal": { "variety": ["Infrastructure monitoring"] } })
    );
    let confidentiality = &record["attribute"]["confidentiality"];
    assert_eq!(confidentiality["data_disclosure"], "Yes");
    assert_eq!(confidentiality["data_total"], 52_000);
    let varieties: Vec<&str> = confidentiality["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["variety"].as_str().unwrap())
        .collect();
    assert_eq!(varieties, ["Bank", "Personal", "Sensitive Personal"]);
    assert_eq!(confidentiality["data_victim"], json!(["Customer"]));
}

#[test]
fn securities_takeover_exports_a_valid_veris_record() {
    let desk = seed_securities_takeover();
    let record = veris_record(&desk.incident, &options("523")).unwrap();
    check_common(&desk, &record);
    assert_eq!(record["plus"]["incident"]["kind"], "account_takeover");
    assert_eq!(
        record["discovery_method"],
        json!({ "external": { "variety": ["Customer"] } })
    );
    // No occurrence time: the incident date is the detection date, and no discovery span.
    assert_eq!(record["timeline"]["incident"]["day"], 6);
    assert!(record["timeline"].get("discovery").is_none());
    assert!(record["timeline"]["containment"]["unit"].is_string());
    let varieties: Vec<&str> = record["attribute"]["confidentiality"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["variety"].as_str().unwrap())
        .collect();
    assert_eq!(varieties, ["Bank", "Credentials"]);
}

/// What the record says fills the record, and nothing more: the platform's data breach was
/// cashed out (an asset-and-fraud loss), so it is a fraudulent transaction; its root cause
/// (an unpatched vulnerability) does not say who the actor was, so the actor stays
/// `Unknown`; the rating follows SEV1.
#[test]
fn a_data_breach_that_moved_funds_is_a_fraudulent_transaction() {
    let desk = seed_platform_theft();
    let record = veris_record(&desk.incident, &options("522")).unwrap();
    assert_eq!(
        record["attribute"]["integrity"]["variety"],
        json!(["Fraudulent transaction"])
    );
    assert_eq!(record["impact"]["overall_rating"], "Damaging");
    assert!(
        record["actor"].get("unknown").is_some(),
        "{}",
        record["actor"]
    );
    assert_eq!(
        record["action"]["hacking"],
        json!({ "variety": ["Exploit vuln"], "vector": ["Unknown"] })
    );
}

/// An account takeover by credential stuffing against the trading app: an external actor
/// with a financial motive (funds moved), the web application as the vector, typed assets.
#[test]
fn a_takeover_by_credential_stuffing_names_actor_vector_and_assets() {
    let mut desk = securities_takeover_until_review();
    extras(&mut desk, "SEC-COMP-1", &reference_securities_policy());
    desk.run(Command::UpdateImpact {
        update: ImpactUpdate::default().assets([AssetKind::WebApplication, AssetKind::Customer]),
        reason: None,
    })
    .run(Command::Review {})
    .run(Command::Close {});
    let record = veris_record(&desk.incident, &options("523")).unwrap();
    assert_valid(&veris_validator(), &record);
    assert_eq!(
        record["actor"],
        json!({ "external": { "variety": ["Unknown"], "motive": ["Financial"] } })
    );
    assert_eq!(
        record["action"]["hacking"],
        json!({ "variety": ["Use of stolen creds"], "vector": ["Web application"] })
    );
    assert_eq!(
        record["asset"]["assets"],
        json!([{ "variety": "S - Web application" }, { "variety": "P - Customer" }])
    );
    assert_eq!(record["impact"]["overall_rating"], "Painful");
    assert_eq!(
        record["attribute"]["integrity"]["variety"],
        json!(["Fraudulent transaction"])
    );
    // 860 people confirmed: the counted figure, not an estimate.
    assert_eq!(record["attribute"]["confidentiality"]["data_total"], 860);
}

#[test]
fn only_a_closed_incident_exports() {
    let declare = Declare::new(id(7), IncidentKind::FundsTheft, "open case")
        .detection(DetectionSource::FraudDetection, at(2026, 2, 1, 0, 0))
        .severity(Severity::Sev2)
        .owner(actor("o"));
    let desk = Desk::declare(declare, at(2026, 2, 1, 0, 5), "o");
    let err = veris_record(&desk.incident, &options("522")).unwrap_err();
    assert_eq!(err, VerisError::NotClosed(Phase::Detected));
    assert!(err.to_string().contains("detected"), "{err}");
}
