//! The committed JSON Schemas match the Rust types, and the real content validates against them.

use std::path::Path;

use inspira::schema;
use inspira::vocabulary::Vocabulary;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_schemas_are_in_sync_with_the_types_and_vocabulary() {
    let vocabulary = Vocabulary::load(root()).expect("vocabulary");
    let case = schema::to_pretty(&schema::case_schema(Some(&vocabulary)));
    let committed = std::fs::read_to_string(root().join(schema::CASE_SCHEMA_PATH))
        .expect("committed case schema");
    assert!(
        case == committed,
        "schema/case.schema.json is out of date: run `cargo run -- schema --write`"
    );
    let vocab = schema::to_pretty(&schema::vocabulary_schema());
    let committed = std::fs::read_to_string(root().join(schema::VOCABULARY_SCHEMA_PATH))
        .expect("committed vocabulary schema");
    assert!(
        vocab == committed,
        "schema/vocabulary.schema.json is out of date: run `cargo run -- schema --write`"
    );
}

fn front_matter(text: &str) -> serde_json::Value {
    let yaml = text
        .split("\n---")
        .next()
        .unwrap()
        .trim_start_matches("---");
    serde_saphyr::from_str(yaml).expect("front matter as JSON value")
}

#[test]
fn every_real_case_validates_against_the_schema() {
    let vocabulary = Vocabulary::load(root()).expect("vocabulary");
    let validator =
        jsonschema::validator_for(&schema::case_schema(Some(&vocabulary))).expect("valid schema");
    for entry in std::fs::read_dir(root().join("content/cases")).unwrap() {
        let path = entry.unwrap().path();
        let value = front_matter(&std::fs::read_to_string(&path).unwrap());
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[test]
fn the_schema_rejects_unknown_terms_and_fields() {
    let vocabulary = Vocabulary::load(root()).expect("vocabulary");
    let validator =
        jsonschema::validator_for(&schema::case_schema(Some(&vocabulary))).expect("valid schema");
    let text = std::fs::read_to_string(root().join("content/cases/gislaved.md")).unwrap();
    let mut value = front_matter(&text);
    value["focus_areas"][0]["term"] = "finns-inte".into();
    value["sumary"] = "x".into();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.iter().any(|e| e.contains("finns-inte")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("sumary")), "{errors:?}");
}

#[test]
fn the_schema_and_check_agree_on_dates() {
    let vocabulary = Vocabulary::load(root()).expect("vocabulary");
    let validator =
        jsonschema::validator_for(&schema::case_schema(Some(&vocabulary))).expect("valid schema");
    let text = std::fs::read_to_string(root().join("content/cases/gislaved.md")).unwrap();
    let with_date = |date: serde_json::Value| {
        let mut value = front_matter(&text);
        value["process"]["steps"][0]["date"] = date;
        validator.is_valid(&value)
    };
    // What `check` refuses, the schema refuses: a bare small number, a month 13, a day 45.
    for bad in [
        serde_json::json!(12),
        serde_json::json!("2014-13-45"),
        serde_json::json!("2014-02-30"),
        serde_json::json!("våren 2015"),
        serde_json::json!({ "derived": "2009" }),
    ] {
        assert!(!with_date(bad.clone()), "the schema accepts {bad}");
    }
    // And what it accepts, the schema accepts.
    for good in [
        serde_json::json!("2014-10"),
        serde_json::json!(2011),
        serde_json::json!("omkring 2009"),
        serde_json::json!("okänt"),
        serde_json::json!({ "derived": "2009", "note": "Sju månader före juni 2010." }),
        serde_json::json!({ "approximate": "2015", "note": "i början av 2015" }),
    ] {
        assert!(with_date(good.clone()), "the schema refuses {good}");
    }
}

#[test]
fn the_table_of_diagnostic_codes_is_generated_from_the_code() {
    let path = root().join("docs/diagnostics.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let table = inspira::diagnostics::Code::markdown_table();
    let expected = format!("{DIAGNOSTICS_INTRO}\n{table}");
    if std::env::var_os("INSPIRA_WRITE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    assert!(
        committed == expected,
        "docs/diagnostics.md is out of date: run `INSPIRA_WRITE_DOCS=1 cargo test --test schema`"
    );
}

/// The text above the table in docs/diagnostics.md.
const DIAGNOSTICS_INTRO: &str = "# Diagnostic codes

Every problem `inspira check` and `inspira build` report has a code: a stable name that `--format json`
prints as `code` and that tools can rely on. Errors stop the build; warnings do not, but the real knowledge
base is kept free of them. The table is generated from `Code` in `src/diagnostics/mod.rs` (each variant's
doc comment is its meaning); a test fails when they differ.

The code is the same in every language; the messages themselves are Swedish by default and English with
`--lang en` (or `diagnostics_language = \"en\"` in `inspira.toml`), from `locales/sv/diagnostics.ftl` and
`locales/en/diagnostics.ftl`.
";

#[test]
fn the_table_of_warnings_in_contributing_is_generated_from_the_code() {
    let path = root().join("CONTRIBUTING.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let (start, end) = ("<!-- warnings:start -->\n", "<!-- warnings:end -->");
    let (Some(from), Some(to)) = (committed.find(start), committed.find(end)) else {
        panic!("CONTRIBUTING.md has no {start:?} … {end:?} around its table of warnings");
    };
    let table = inspira::diagnostics::Code::warnings_table_sv();
    let expected = format!("{}{start}{table}{}", &committed[..from], &committed[to..]);
    if std::env::var_os("INSPIRA_WRITE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    assert!(
        committed == expected,
        "the table of warnings in CONTRIBUTING.md is out of date: run `INSPIRA_WRITE_DOCS=1 cargo test --test schema`"
    );
    for code in inspira::diagnostics::Code::ALL {
        let warning = code.severity() == inspira::diagnostics::Severity::Warning;
        assert_eq!(
            warning,
            code.meaning_sv().is_some(),
            "{code}: every warning, and only a warning, says in Swedish what it means"
        );
    }
}
