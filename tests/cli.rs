//! The command line as a contributor meets it: messages, exit codes, files written or not.

mod common;

use assert_cmd::Command;
use common::{edit, fixture, snapshot_tree};

fn inspira(root: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("inspira").expect("binary");
    cmd.arg("--root").arg(root).env("NO_COLOR", "1");
    cmd
}

/// Runs `inspira check` and returns (exit code, stderr).
fn check(root: &std::path::Path) -> (i32, String) {
    let out = inspira(root).arg("check").output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

#[test]
fn broken_yaml_is_reported_at_file_line_column_and_leaves_public_untouched() {
    let root = fixture("basic");
    inspira(root.path()).arg("build").assert().success();
    let before = snapshot_tree(&root.path().join("public"));
    edit(
        root.path(),
        "content/cases/beta.md",
        "title: Beta",
        "title: [Beta",
    );
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    insta::assert_snapshot!("broken_yaml", stderr);
    let out = inspira(root.path()).arg("build").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("content/cases/beta.md:2:8"));
    assert_eq!(snapshot_tree(&root.path().join("public")), before);
}

#[test]
fn unknown_field_gets_a_did_you_mean() {
    let root = fixture("basic");
    edit(root.path(), "content/cases/alfa.md", "summary:", "sumary:");
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    insta::assert_snapshot!("unknown_field", stderr);
}

#[test]
fn unknown_terms_and_sources_are_all_reported_in_one_run() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "term: bostad",
        "term: bostader",
    );
    edit(
        root.path(),
        "content/cases/alfa.md",
        "step: beslut",
        "step: beslutt",
    );
    edit(
        root.path(),
        "content/cases/beta.md",
        "source: rapport",
        "source: raport",
    );
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    insta::assert_snapshot!("unknown_references", stderr);
}

#[test]
fn broken_cross_reference_names_file_and_line() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "@/cases/beta.md",
        "@/cases/gamma.md",
    );
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    insta::assert_snapshot!("broken_link", stderr);
}

#[test]
fn check_reports_a_missing_logo_and_a_broken_template_without_building() {
    let root = fixture("basic");
    std::fs::OpenOptions::new()
        .append(true)
        .open(root.path().join("inspira.toml"))
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"\n[theme]\nlogo = \"logga.svg\"\n"))
        .unwrap();
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("logotypen `logga.svg` finns inte i static/"),
        "{stderr}"
    );
    assert!(stderr.contains("lägg filen i static/logga.svg"), "{stderr}");

    let root = fixture("basic");
    std::fs::create_dir_all(root.path().join("templates")).unwrap();
    std::fs::write(
        root.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>{{ title </h1>{% endblock content %}",
    )
    .unwrap();
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("template"), "{stderr}");
    assert!(stderr.contains("404.html"), "{stderr}");
    assert!(!root.path().join("public").exists());
}

#[test]
fn invalid_date_is_explained() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "date: 2015-12-31",
        "date: 2015-02-30",
    );
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    insta::assert_snapshot!("invalid_date", stderr);
}

#[test]
fn check_json_lists_diagnostics_for_tools() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "term: bostad",
        "term: bostader",
    );
    let out = inspira(root.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["errors"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "unknown-term");
    assert_eq!(d["file"], "content/cases/alfa.md");
    assert_eq!(d["line"], 33);
    assert_eq!(d["column"], 11);
    assert_eq!(
        d["message"],
        "`bostader` är inget begrepp i ordlistan för fokusområden"
    );
    assert_eq!(
        d["help"],
        "menade du `bostad`? (begreppen står i content/vocabulary/focus-areas.yaml)"
    );
}

#[test]
fn lang_en_prints_the_same_diagnostics_in_english_with_the_same_codes() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "term: bostad",
        "term: bostader",
    );
    let out = inspira(root.path())
        .args(["--lang", "en", "check", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "unknown-term");
    assert_eq!(
        d["message"],
        "`bostader` is not a term in the focus-areas vocabulary"
    );
    assert_eq!(
        d["help"],
        "did you mean `bostad`? (terms are listed in content/vocabulary/focus-areas.yaml)"
    );
    let out = inspira(root.path())
        .args(["check", "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[unknown-term]: `bostader` is not a term"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: did you mean `bostad`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("check failed: 1 error, 0 warnings"),
        "{stderr}"
    );
}

#[test]
fn the_sites_diagnostics_language_chooses_the_language_and_lang_overrides_it() {
    let root = fixture("basic");
    edit(root.path(), "content/cases/alfa.md", "summary:", "sumary:");
    let config = root.path().join("inspira.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("diagnostics_language = \"en\"\n{text}")).unwrap();
    let (_, stderr) = check(root.path());
    assert!(
        stderr.contains("error[yaml]: unknown field `sumary`"),
        "{stderr}"
    );
    let out = inspira(root.path())
        .args(["--lang", "sv", "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fel[yaml]: fältet `sumary` finns inte"),
        "{stderr}"
    );
    std::fs::write(&config, format!("diagnostics_language = \"fi\"\n{text}")).unwrap();
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "`diagnostics_language` är `fi`, men meddelandena finns bara på svenska och engelska"
        ),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let root = fixture("basic");
    inspira(root.path()).arg("bulid").assert().code(2);
    inspira(root.path())
        .args(["build", "--nope"])
        .assert()
        .code(2);
}

#[test]
fn help_documents_exit_codes() {
    let out = Command::cargo_bin("inspira")
        .unwrap()
        .args(["check", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("Exit codes:") && help.contains("2  the command line was wrong"),
        "{help}"
    );
}

/// Runs `inspira new case ARG` and returns (exit code, stdout, stderr).
fn new_case(root: &std::path::Path, argument: &str) -> (i32, String, String) {
    let out = inspira(root)
        .args(["new", "case", argument])
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

/// The JSON report of `inspira check --format json FILE`.
fn check_json(root: &std::path::Path, file: &str) -> serde_json::Value {
    let out = inspira(root)
        .args(["check", "--format", "json", file])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// The messages of the diagnostics with `code` in a JSON report.
fn messages(report: &serde_json::Value, code: &str) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn new_case_from_a_place_name_writes_its_slug_title_and_place_and_check_lists_what_is_left() {
    let root = fixture("basic");
    let (code, stdout, stderr) = new_case(root.path(), "Åre");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Skapade content/cases/are.md"), "{stdout}");
    assert!(
        stdout.contains("inspira check content/cases/are.md"),
        "{stdout}"
    );
    let text = common::read(root.path().join("content/cases/are.md"));
    // As the cases in content/cases write it: the name as title and as place.
    assert!(text.contains("\ntitle: \"Åre\" "), "{text}");
    assert!(text.contains("\nplace: \"Åre\" "), "{text}");

    let (code, stderr) = check(root.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let (code, _, stderr) = check_files(root.path(), &["content/cases/are.md"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("fel[empty-field]: `county` är tomt\n  --> content/cases/are.md:10:1"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("fel[placeholder]: `document.adopted` har kvar mallens platshållare `0000`"),
        "{stderr}"
    );
    assert!(!stderr.contains("`title` är tomt"), "{stderr}");
    // An empty term is reported once, as empty, not also as an unknown term.
    assert!(!stderr.contains("unknown-term"), "{stderr}");
    let report = check_json(root.path(), "content/cases/are.md");
    assert!(messages(&report, "empty-field").len() >= 10, "{report}");
    assert!(messages(&report, "placeholder").len() >= 7, "{report}");

    // A second time, the file is left as it is.
    std::fs::write(root.path().join("content/cases/are.md"), "redigerad\n").unwrap();
    let (code, _, stderr) = new_case(root.path(), "Åre");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("fel[exists]: content/cases/are.md: exemplet finns redan"),
        "{stderr}"
    );
    assert_eq!(
        common::read(root.path().join("content/cases/are.md")),
        "redigerad\n"
    );
}

#[test]
fn new_case_still_takes_a_slug_and_refuses_paths_and_existing_cases() {
    let root = fixture("basic");
    let (code, stdout, _) = new_case(root.path(), "orebro");
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Skapade content/cases/orebro.md"),
        "{stdout}"
    );
    let text = common::read(root.path().join("content/cases/orebro.md"));
    assert!(text.contains("\ntitle: \"\" "), "{text}");
    let (code, _, _) = new_case(root.path(), "Upplands Väsby");
    assert_eq!(code, 0);
    assert!(
        root.path()
            .join("content/cases/upplands-vasby.md")
            .is_file()
    );

    for bad in ["../evil", "a/b", "!!!"] {
        let (code, _, stderr) = new_case(root.path(), bad);
        assert_eq!(code, 1, "{bad}");
        assert!(stderr.contains("fel[bad-slug]"), "{bad}: {stderr}");
    }
    assert!(!root.path().join("evil.md").exists());
    assert!(!root.path().join("content/evil.md").exists());
    let (code, _, stderr) = new_case(root.path(), "alfa");
    assert_eq!(code, 1);
    assert!(stderr.contains("exemplet finns redan"), "{stderr}");
}

/// Every line of the skeleton `inspira new case` writes, with the optional fields uncommented the
/// way its first lines tell a contributor to: by deleting `# ` before the field.
fn uncommented(skeleton: &str) -> String {
    let mut out = String::new();
    for line in skeleton.lines() {
        let indent = line.len() - line.trim_start().len();
        let field = line[indent..].strip_prefix("# ").filter(|rest| {
            let rest = rest.trim_start();
            let key = rest.strip_prefix("- ").unwrap_or(rest);
            rest.starts_with("- ")
                || key.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                })
        });
        match field {
            Some(rest) => out.push_str(&format!("{}{rest}", &line[..indent])),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Every field path of a JSON Schema (`document.adopted`, `facts[].value`): properties, list items
/// and alternatives, with references followed. A date is one value whatever its form.
fn schema_paths(
    root: &serde_json::Value,
    node: &serde_json::Value,
    prefix: &str,
    out: &mut std::collections::BTreeSet<String>,
) {
    if let Some(reference) = node["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        if !["SourcedDate", "PartialDate"].contains(&name) {
            schema_paths(root, &root["$defs"][name], prefix, out);
        }
    }
    if let Some(properties) = node["properties"].as_object() {
        for (key, value) in properties {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            out.insert(path.clone());
            schema_paths(root, value, &path, out);
        }
    }
    if node.get("items").is_some() {
        schema_paths(root, &node["items"], &format!("{prefix}[]"), out);
    }
    for alternatives in ["anyOf", "oneOf"] {
        for alternative in node[alternatives].as_array().into_iter().flatten() {
            schema_paths(root, alternative, prefix, out);
        }
    }
}

/// Every field path of parsed YAML.
fn value_paths(
    node: &serde_json::Value,
    prefix: &str,
    out: &mut std::collections::BTreeSet<String>,
) {
    match node {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.insert(path.clone());
                value_paths(value, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                value_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn skeleton_has_every_field_of_the_content_model_each_explained() {
    let root = fixture("basic");
    assert_eq!(new_case(root.path(), "orebro").0, 0);
    let skeleton = common::read(root.path().join("content/cases/orebro.md"));
    let yaml = skeleton.split("---\n").nth(1).expect("front matter");

    let out = inspira(root.path()).arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema");
    let mut model = std::collections::BTreeSet::new();
    schema_paths(&schema, &schema, "", &mut model);
    assert!(model.contains("follow_up.indicators"), "{model:?}");
    assert!(model.contains("series[].points[].value"), "{model:?}");

    let all: serde_json::Value =
        serde_saphyr::from_str(&uncommented(yaml)).expect("the uncommented skeleton is YAML");
    let mut written = std::collections::BTreeSet::new();
    value_paths(&all, "", &mut written);
    let missing: Vec<&String> = model.difference(&written).collect();
    assert!(missing.is_empty(), "the skeleton lacks {missing:?}");

    // Uncommented, every field is one the model knows.
    let path = root.path().join("content/cases/orebro.md");
    std::fs::write(&path, skeleton.replacen(yaml, &uncommented(yaml), 1)).unwrap();
    let report = check_json(root.path(), "content/cases/orebro.md");
    assert!(messages(&report, "yaml").is_empty(), "{report}");

    // Each field says what goes there, in a comment on its line.
    for line in yaml.lines() {
        let field = line.trim_start().trim_start_matches("# ").trim_start();
        let field = field.strip_prefix("- ").unwrap_or(field);
        let is_field = field.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        });
        if is_field {
            let after_key = &field[field.find(':').unwrap()..];
            assert!(after_key.contains(" # "), "no explanation: {line}");
        }
    }
}

#[test]
fn skeleton_with_every_empty_text_filled_still_fails_on_each_placeholder_left() {
    let root = fixture("basic");
    assert_eq!(new_case(root.path(), "orebro").0, 0);
    let path = root.path().join("content/cases/orebro.md");
    std::fs::write(&path, common::read(&path).replace("\"\"", "\"x\"")).unwrap();
    let report = check_json(root.path(), "content/cases/orebro.md");
    assert!(messages(&report, "empty-field").is_empty(), "{report}");
    let left = messages(&report, "placeholder");
    for field in [
        "`document.adopted` har kvar mallens platshållare `0000`",
        "`document.status_checked` har kvar mallens platshållare `0000`",
        "`facts[].value` har kvar mallens platshållare `0`",
        "`facts[].date` har kvar mallens platshållare `0000`",
        "`process.steps[].date` har kvar mallens platshållare `0000`",
        "`sources[].id` har kvar mallens platshållare `kalla-1`",
        "`sources[].year` har kvar mallens platshållare `0`",
        "beskrivningen har kvar mallens instruktioner",
    ] {
        assert!(left.iter().any(|m| m == field), "{field} not in {left:?}");
    }
    assert_eq!(left.len(), 8, "{left:?}");
    assert!(report["errors"].as_u64().unwrap() >= 8);
    for d in report["diagnostics"].as_array().unwrap() {
        if d["code"] == "placeholder" {
            assert!(d["line"].as_u64().is_some(), "{d}");
        }
    }
}

#[test]
fn skeleton_filled_in_from_a_source_passes_check_and_builds() {
    let root = fixture("basic");
    assert_eq!(new_case(root.path(), "Örebro").0, 0);
    let path = root.path().join("content/cases/orebro.md");
    let skeleton = common::read(&path);
    let (front, _) = skeleton.rsplit_once("---\n").unwrap();
    let mut filled = String::new();
    let mut terms = ["term: bostad", "term: bred-forankring"].into_iter();
    for line in front.lines() {
        let line = match line.contains("term: \"\"") {
            true => line.replacen("term: \"\"", terms.next().unwrap(), 1),
            false => line.to_string(),
        };
        let line = line
            .replacen("step: \"\"", "step: beslut", 1)
            .replacen("\"0000\"", "\"2015\"", 1)
            .replacen("year: 0 ", "year: 2015 ", 1)
            // A key figure of 0 stays: with its date and source filled in it is real.
            .replacen("kalla-1", "orebro-2015", 1)
            .replacen("\"\"", "\"Ifylld text\"", 1);
        filled.push_str(&line);
        filled.push('\n');
    }
    filled.push_str("---\n\n## Bakgrund\n\nÖrebro tog fram sin strategi 2015.\n");
    std::fs::write(&path, filled).unwrap();
    let (code, _, stderr) = check_files(root.path(), &["content/cases/orebro.md"]);
    assert_eq!(code, 0, "{stderr}");
    inspira(root.path()).arg("build").assert().success();
    assert!(root.path().join("public/cases/orebro/index.html").is_file());
}

#[test]
fn build_timings_list_each_stage_with_its_time_and_the_peak_memory() {
    let root = fixture("basic");
    let out = inspira(root.path())
        .args(["build", "--timings"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stages: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(" ms"))
        .collect();
    let names: Vec<&str> = stages
        .iter()
        .map(|l| l.split("  ").find(|s| !s.is_empty()).unwrap_or("").trim())
        .collect();
    assert_eq!(
        names,
        [
            "load and check",
            "prepare",
            "render",
            "search index (rest)",
            "replace output"
        ],
        "{stderr}"
    );
    if cfg!(target_os = "linux") {
        assert!(
            stages
                .iter()
                .all(|l| l.contains("peak") && l.ends_with("MiB")),
            "{stderr}"
        );
    }
}

/// A case whose source gives no vision, no adopted date, no adopting body and no dates, written as
/// such: `check` accepts it, the page shows the gaps as gaps, and a field left out is still an error.
#[test]
fn what_the_source_does_not_say_is_written_as_not_said() {
    let root = fixture("basic");
    let beta = "content/cases/beta.md";
    edit(
        root.path(),
        beta,
        "vision:\n  text: Beta växer tillsammans.\n  source: rapport\n",
        "vision: okänt\n",
    );
    edit(
        root.path(),
        beta,
        "  adopted: 2015\n",
        "  adopted: okänt\n  adopted_by: okänt\n",
    );
    edit(
        root.path(),
        beta,
        "    - date: 2015-03\n",
        "    - date: okänt\n",
    );
    edit(
        root.path(),
        beta,
        "    speaker: Samordnare\n",
        "    narration: ur Testförbundets rapport\n",
    );
    let (code, stderr) = check(root.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("0 fel, 0 varningar"), "{stderr}");
    inspira(root.path()).arg("build").assert().success();
    let page = common::read(root.path().join("public/cases/beta/index.html"));
    let doc = scraper::Html::parse_document(&page);
    let text = |sel: &str| common::texts(&doc, sel).join(" ");
    assert_eq!(text("#vision .not-in-source"), "Källan anger ingen vision.");
    assert!(
        text(".facts").contains("Antagen anges inte i källan"),
        "{}",
        text(".facts")
    );
    assert!(
        text(".timeline.undated").contains("Beslut och antagande · anges inte i källan")
            || text(".timeline.undated").contains("anges inte i källan")
    );
    assert!(
        common::texts(&doc, "ol.timeline li").is_empty(),
        "no step in the dated timeline"
    );
    assert!(text(".quote figcaption").contains("ur Testförbundets rapport"));
    // On the timeline, Beta's step is listed apart, and only Alfa's steps are on the axis.
    let timeline = common::read(root.path().join("public/timeline/index.html"));
    let doc = scraper::Html::parse_document(&timeline);
    let undated = common::texts(&doc, "#tabell-odaterade ~ tbody tr");
    assert_eq!(undated.len(), 1, "{undated:?}");
    assert!(undated[0].starts_with("Beta"), "{undated:?}");
    let on_axis = common::texts(&doc, "#tabell-tidslinje ~ tbody tr");
    assert!(
        !on_axis.is_empty() && on_axis.iter().all(|row| !row.contains("Beta")),
        "{on_axis:?}"
    );

    // Leaving the vision out is not the same as declaring it unknown.
    edit(root.path(), beta, "vision: okänt\n", "");
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("vision"), "{stderr}");
}

/// Runs `inspira check` on some files and returns (exit code, stdout, stderr).
fn check_files(root: &std::path::Path, files: &[&str]) -> (i32, String, String) {
    let out = inspira(root)
        .arg("check")
        .args(files)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

#[test]
fn check_file_reports_only_that_files_problems_though_another_case_is_broken() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/beta.md",
        "term: bostad",
        "term: bostader",
    );
    let (code, _, stderr) = check_files(root.path(), &["content/cases/alfa.md"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("beta.md"), "{stderr}");
    assert!(
        stderr.contains("kontrollen gick igenom: 0 fel, 0 varningar"),
        "{stderr}"
    );

    let (code, _, stderr) = check_files(root.path(), &["content/cases/beta.md"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/cases/beta.md:28:11"), "{stderr}");
    assert!(
        stderr.contains("kontrollen hittade fel: 1 fel, 0 varningar"),
        "{stderr}"
    );

    // The other case's error does not keep the named file's links from being checked.
    edit(
        root.path(),
        "content/cases/alfa.md",
        "[Beta](@/cases/beta.md)",
        "[Beta](@/cases/betta.md)",
    );
    let (code, _, stderr) = check_files(root.path(), &["content/cases/alfa.md"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("fel[broken-link]"), "{stderr}");
    assert!(stderr.contains("content/cases/alfa.md:55:"), "{stderr}");
    assert!(!stderr.contains("beta.md:"), "{stderr}");
    assert!(
        stderr.contains("kontrollen hittade fel: 1 fel, 0 varningar"),
        "{stderr}"
    );
}

#[test]
fn check_file_resolves_references_to_other_files() {
    let root = fixture("basic");
    // Alfa links to Beta in its text and lists it under `related:`; both resolve against Beta's file.
    let (code, _, stderr) = check_files(root.path(), &["content/cases/alfa.md"]);
    assert_eq!(code, 0, "{stderr}");

    std::fs::remove_file(root.path().join("content/cases/beta.md")).unwrap();
    let (code, _, stderr) = check_files(root.path(), &["content/cases/alfa.md"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("länken går till `@/cases/beta.md`, som inte finns"),
        "{stderr}"
    );
    assert!(
        stderr.contains("det finns inget exempel `beta`"),
        "{stderr}"
    );
    // The page that lists Beta is not among the files named, so its problem is not reported.
    assert!(!stderr.contains("content/pages/om.md"), "{stderr}");
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("content/pages/om.md"), "{stderr}");
}

#[test]
fn check_file_takes_paths_relative_to_the_working_folder_or_the_root() {
    let root = fixture("basic");
    let parent = root.path().parent().unwrap();
    let name = root.path().file_name().unwrap().to_str().unwrap();
    let from_parent = Command::cargo_bin("inspira")
        .unwrap()
        .current_dir(parent)
        .env("NO_COLOR", "1")
        .args([
            "--root",
            name,
            "check",
            &format!("{name}/content/cases/alfa.md"),
        ])
        .output()
        .unwrap();
    assert_eq!(
        from_parent.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&from_parent.stderr)
    );
    let (code, _, stderr) = check_files(
        root.path(),
        &[
            "content/cases/alfa.md",
            "content/pages/om.md",
            "content/vocabulary/focus-areas.yaml",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn check_file_that_does_not_exist_or_is_not_content_is_a_usage_error() {
    let root = fixture("basic");
    std::fs::write(root.path().join("README.md"), "# Läs mig\n").unwrap();
    let (code, stdout, stderr) = check_files(
        root.path(),
        &["content/cases/alfaa.md", "README.md", "content/cases"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("fel[not-content]: `content/cases/alfaa.md` finns inte"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tips: menade du `content/cases/alfa.md`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("fel[not-content]: `README.md` är ingen innehållsfil"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`content/cases` är en mapp, inte en fil"),
        "{stderr}"
    );
    assert!(!stderr.contains("kontrollen gick igenom"), "{stderr}");
}

#[test]
fn check_file_as_json_counts_only_that_files_problems() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "term: bostad",
        "term: bostader",
    );
    edit(
        root.path(),
        "content/cases/beta.md",
        "source: rapport",
        "source: raport",
    );
    let out = inspira(root.path())
        .args(["check", "--format", "json", "content/cases/beta.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["errors"], 1, "{json}");
    assert_eq!(json["diagnostics"][0]["code"], "unknown-source");
    assert_eq!(json["diagnostics"][0]["file"], "content/cases/beta.md");
}

#[test]
fn links_from_the_sites_root_are_warned_about_with_the_at_link_to_write() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "Alfa liknar [Beta](@/cases/beta.md)",
        "Alfa liknar [Beta](/cases/beta/), [om](/integration/om/) och [jämför](/compare/)",
    );
    edit(
        root.path(),
        "content/cases/alfa.md",
        "    label: Boende för alla\n",
        "    label: Boende för alla\n    text: Som i [bostad](/terms/focus-areas/bostad/).\n",
    );
    edit(
        root.path(),
        "content/pages/om.md",
        "[Alfa](@/cases/alfa.md)",
        "[Alfa](/cases/alfa/#bakgrund)",
    );
    let (code, stderr) = check(root.path());
    assert_eq!(code, 0, "warnings do not stop the build: {stderr}");
    assert!(
        stderr.contains(
            "varning[root-relative-link]: länken `/cases/beta/` utgår från webbplatsens rot och slutar fungera när webbplatsen publiceras under en sökväg\n  --> content/cases/alfa.md:56:20"
        ),
        "{stderr}"
    );
    for help in [
        "tips: skriv `@/cases/beta.md` i stället",
        "tips: skriv `@/pages/om.md` i stället",
        "tips: skriv `@/vocabulary/focus-areas.yaml#bostad` i stället",
        "tips: skriv `@/cases/alfa.md#bakgrund` i stället",
        "tips: länka till filen med @/ (@/cases/<slug>.md",
    ] {
        assert!(stderr.contains(help), "{help} in {stderr}");
    }
    assert!(stderr.contains("content/cases/alfa.md:35:"), "{stderr}");
    assert!(stderr.contains("content/pages/om.md:8:15"), "{stderr}");
    assert!(
        stderr.contains("kontrollen gick igenom: 0 fel, 5 varningar"),
        "{stderr}"
    );
}

#[test]
fn values_the_site_would_not_show_are_warned_about_where_they_are_written() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "  adopted_by: Kommunfullmäktige\n",
        "  adopted_by: Kommunfullmäktige\n  valid_until: 2018\n  url: www.alfa.se/strategi\n",
    );
    edit(
        root.path(),
        "content/cases/beta.md",
        "  adopted: 2015\n",
        "  adopted: 2015\n  status_checked: 2016\n",
    );
    edit(
        root.path(),
        "content/pages/om.md",
        "menu: 5\n",
        "menu: 5\npublication:\n  title: Testrapporten\n  publisher: Testförbundet\n  year: 2016\n  url: https://example.org/rapport.pdf\n",
    );
    let out = inspira(root.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "not-shown")
        .map(|d| {
            format!(
                "{}:{} {}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "content/cases/alfa.md:12 `document.valid_until` används inte: utan `status_checked` eller `updated` går det inte att säga om giltighetstiden har gått ut",
            "content/cases/alfa.md:13 `document.url` visas inte som länk: `www.alfa.se/strategi` börjar inte med https:// eller http://",
            "content/cases/beta.md:11 `document.status_checked` visas inte: dokumentet har ingen `status`",
            "content/pages/om.md:9 `publication.url` visas inte på webbplatsen",
        ],
        "{report}"
    );
    let help = |file: &str| {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "not-shown" && d["source_line"].as_str().unwrap().contains(file))
            .map(|d| d["help"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(
        help("url: www"),
        "skriv hela adressen, med https:// först, t.ex. https://www.alfa.se/strategi"
    );

    // With a status and the date it was checked, the same values are shown, and nothing is warned about.
    edit(
        root.path(),
        "content/cases/alfa.md",
        "  url: www.alfa.se/strategi\n",
        "  url: https://www.alfa.se/strategi\n  status: gällande\n  status_checked: 2016\n",
    );
    edit(
        root.path(),
        "content/cases/beta.md",
        "  status_checked: 2016\n",
        "  status: ersatt\n  status_checked: 2016\n",
    );
    let (code, stderr) = check(root.path());
    assert_eq!(code, 0);
    assert!(!stderr.contains("not-shown]: `document"), "{stderr}");
}

/// Runs `check` on the basic site after `edits` (file, from, to) and returns its stderr.
fn check_after(edits: &[(&str, &str, &str)]) -> String {
    let root = fixture("basic");
    for (file, from, to) in edits {
        edit(root.path(), file, from, to);
    }
    let (code, stderr) = check(root.path());
    assert_eq!(code, 1, "{stderr}");
    stderr
}

#[test]
fn check_reports_every_problem_in_one_run_a_broken_link_beside_a_content_error() {
    // An unknown kind in one case, a link to a case that does not exist in the other: both at once.
    let stderr = check_after(&[
        ("content/cases/alfa.md", "kind: kommun", "kind: stad"),
        (
            "content/cases/beta.md",
            "Beta skriver om sitt program.",
            "Beta skriver om sitt program, som [Gamma](@/cases/gamma.md).",
        ),
    ]);
    assert!(stderr.contains("content/cases/alfa.md"), "{stderr}");
    assert!(
        stderr.contains("content/cases/beta.md") && stderr.contains("gamma"),
        "the link is checked though alfa has an error: {stderr}"
    );
}

#[test]
fn a_tab_before_a_list_item_is_reported_as_a_tab_too() {
    // The YAML scanner words this one differently ("tabs disallowed within this context").
    let stderr = check_after(&[(
        "content/cases/alfa.md",
        "  - term: delaktighet",
        "\t- term: delaktighet",
    )]);
    assert!(
        stderr.contains(
            "fel[yaml]: rad 35 börjar med en tabb; YAML tillåter bara mellanslag för indrag"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("disallowed"), "{stderr}");
}

#[test]
fn a_tab_is_reported_on_its_own_line_with_the_fix() {
    let stderr = check_after(&[(
        "content/cases/alfa.md",
        "      step: beslut",
        "\tstep: beslut",
    )]);
    assert!(
        stderr.contains(
            "fel[yaml]: rad 25 börjar med en tabb; YAML tillåter bara mellanslag för indrag\n  --> content/cases/alfa.md:25:1"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("tips: byt tabben mot mellanslag"),
        "{stderr}"
    );
}

#[test]
fn a_missing_county_is_placed_after_place_and_suggested_from_it() {
    let stderr = check_after(&[("content/cases/alfa.md", "county: Testlän\n", "")]);
    assert!(
        stderr.contains(
            "fel[yaml]: det obligatoriska fältet `county` saknas\n --> content/cases/alfa.md:4:1"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("tips: lägg till `county:` efter `place:`, t.ex. `county: Jönköpings län`"),
        "{stderr}"
    );
    let stderr = check_after(&[
        ("content/cases/alfa.md", "county: Testlän\n", ""),
        (
            "content/cases/alfa.md",
            "place: Alfa",
            "place: Kommunförbundet Skåne",
        ),
    ]);
    assert!(
        stderr.contains("tips: lägg till `county: Skåne län` efter `place:`"),
        "{stderr}"
    );
}

#[test]
fn a_date_written_the_swedish_way_is_underlined_whole_with_the_iso_date() {
    let stderr = check_after(&[(
        "content/cases/alfa.md",
        "date: 2015-12-31",
        "date: 31/12 2015",
    )]);
    assert!(
        stderr.contains("`31/12 2015` är inget datum som inspira kan läsa"),
        "{stderr}"
    );
    assert!(stderr.contains("^^^^^^^^^^ ogiltigt datum"), "{stderr}");
    assert!(stderr.contains("tips: skriv `2015-12-31`"), "{stderr}");
}

#[test]
fn a_link_by_a_cases_title_suggests_its_file() {
    let stderr = check_after(&[
        (
            "content/cases/beta.md",
            "title: Beta",
            "title: Betaby kommun",
        ),
        (
            "content/cases/alfa.md",
            "[Beta](@/cases/beta.md)",
            "[Beta](@/cases/betaby-kommun.md)",
        ),
    ]);
    assert!(
        stderr.contains("tips: menade du `@/cases/beta.md`?"),
        "{stderr}"
    );
}

#[test]
fn a_term_written_as_its_label_suggests_its_id() {
    let stderr = check_after(&[
        (
            "content/vocabulary/focus-areas.yaml",
            "label: Bostad",
            "label: Samverkan med näringslivet",
        ),
        (
            "content/cases/alfa.md",
            "term: bostad",
            "term: Samverkan med näringslivet",
        ),
    ]);
    assert!(stderr.contains("tips: menade du `bostad`?"), "{stderr}");
}

#[test]
fn a_field_written_in_swedish_suggests_its_name() {
    let stderr = check_after(&[("content/cases/alfa.md", "focus_areas:", "fokusområden:")]);
    assert!(
        stderr.contains("fel[yaml]: fältet `fokusområden` finns inte"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tips: menade du `focus_areas`?"),
        "{stderr}"
    );
}

#[test]
fn yaml_errors_are_explained_in_english_with_lang_en() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "      step: beslut",
        "\tstep: beslut",
    );
    let out = inspira(root.path())
        .args(["--lang", "en", "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "error[yaml]: line 25 starts with a tab; YAML allows only spaces for indentation\n  --> content/cases/alfa.md:25:1"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: replace the tab with spaces"),
        "{stderr}"
    );
}
