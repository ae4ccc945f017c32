//! The bad-input corpus: every file in tests/corpus/ is added to a working site as a case. Each one gets
//! its clear message (snapshotted), exit code 1 from `check` and `build`, and leaves the previously built
//! public/ untouched. The few inputs that cannot live as files (huge files, symlink loops, duplicate
//! slugs) are made by the tests below.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{fixture, snapshot_tree};

/// Inputs that are valid and must simply work.
const VALID: &[&str] = &["bom-crlf.md"];

fn run(root: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("inspira")
        .expect("binary")
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Builds the good site, applies `setup`, then checks and builds again.
fn assert_rejected(name: &str, setup: impl FnOnce(&Path)) -> String {
    let root = fixture("basic");
    let (code, stderr) = run(root.path(), &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let before = snapshot_tree(&root.path().join("public"));
    setup(root.path());
    let (code, check) = run(root.path(), &["check"]);
    assert_eq!(code, 1, "{name}: check must fail:\n{check}");
    assert!(!check.contains("panicked"), "{name}: {check}");
    let (code, build) = run(root.path(), &["build"]);
    assert_eq!(code, 1, "{name}: build must fail:\n{build}");
    assert!(
        build.contains("webbplatsen från förra bygget är orörd"),
        "{build}"
    );
    assert!(
        snapshot_tree(&root.path().join("public")) == before,
        "{name}: public/ changed"
    );
    check
}

#[test]
fn every_corpus_file_is_rejected_with_a_clear_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && !VALID.contains(&n.as_str()))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "the corpus lost files: {names:?}");
    for name in names {
        let check = assert_rejected(&name, |root| {
            std::fs::copy(dir.join(&name), root.join("content/cases").join(&name)).unwrap();
        });
        insta::assert_snapshot!(name.trim_end_matches(".md").replace(' ', "_"), check);
    }
}

#[test]
fn bom_and_crlf_simply_work() {
    let root = fixture("basic");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    std::fs::copy(
        dir.join("bom-crlf.md"),
        root.path().join("content/cases/bom-crlf.md"),
    )
    .unwrap();
    let (code, stderr) = run(root.path(), &["check"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = run(root.path(), &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let page = common::read(root.path().join("public/cases/bom-crlf/index.html"));
    assert!(page.contains("Beta växer tillsammans."));
    assert!(!page.contains('\u{feff}'));
}

#[test]
fn a_very_large_file_is_refused() {
    let check = assert_rejected("huge", |root| {
        let mut text = common::read(root.join("content/cases/beta.md"));
        text.push_str(&"Lång text om integration. ".repeat(200_000));
        std::fs::write(root.join("content/cases/huge.md"), text).unwrap();
    });
    assert!(
        check.contains("content/cases/huge.md") && check.contains("får vara högst 4096 KiB"),
        "{check}"
    );
}

#[test]
fn duplicate_slugs_are_refused() {
    let check = assert_rejected("duplicate", |root| {
        std::fs::create_dir_all(root.join("content/cases/arkiv")).unwrap();
        std::fs::copy(
            root.join("content/cases/alfa.md"),
            root.join("content/cases/arkiv/alfa.md"),
        )
        .unwrap();
    });
    assert!(
        check.contains(
            "fel[duplicate-slug]: content/cases/arkiv/alfa.md: två exempel har samma namn, `alfa`"
        ),
        "{check}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_content_is_an_error_not_a_hang() {
    let check = assert_rejected("loop", |root| {
        std::os::unix::fs::symlink("..", root.join("content/cases/loop")).unwrap();
    });
    assert!(
        check.contains("pekar tillbaka in i en av sina egna överordnade mappar"),
        "{check}"
    );
}
