//! `inspira serve`'s incremental updates: only the pages showing an edited case are rendered again,
//! and after every kind of change the output is byte-identical to a full build of the same sources.

mod common;

use std::path::{Path, PathBuf};

use common::{edit, fixture, snapshot_tree};
use inspira::incremental::{Session, Update};
use inspira::site;

const BASE_URL: &str = "http://127.0.0.1:4000/";

/// Waits for the search index, builds the same sources in full elsewhere and compares every file.
fn assert_same_as_full_build(session: &mut Session, root: &Path, output: &Path) {
    session.settle();
    let fresh = root.join("fresh");
    site::build_with(root, Some(&fresh), Some(BASE_URL), true).expect("full build");
    let incremental = snapshot_tree(output);
    let full = snapshot_tree(&fresh);
    std::fs::remove_dir_all(&fresh).unwrap();
    let differing: Vec<&PathBuf> = full
        .keys()
        .chain(incremental.keys())
        .filter(|p| full.get(*p) != incremental.get(*p))
        .collect();
    assert!(
        differing.is_empty(),
        "the incremental output differs from a full build in {differing:?}"
    );
}

fn start(root: &Path) -> (Session, PathBuf) {
    let output = root.join("public");
    let (session, first) = Session::start(root, &output, BASE_URL, true);
    first.expect("first build");
    (session, output)
}

fn case_file(root: &Path, slug: &str) -> PathBuf {
    root.join(format!("content/cases/{slug}.md"))
}

fn pages_written(update: Update) -> usize {
    match update {
        Update::Pages { pages, .. } => pages,
        other => panic!("expected an incremental update, got {other:?}"),
    }
}

#[test]
fn an_edit_of_the_description_rewrites_only_the_case_page() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let (mut session, output) = start(root);
    edit(
        root,
        "content/cases/alfa.md",
        "Kommunen planerar nu att revidera strategin",
        "Kommunen har nu reviderat strategin",
    );
    let mut reloaded = false;
    let update = session
        .update(&[case_file(root, "alfa")], || reloaded = true)
        .expect("update");
    assert!(reloaded, "the browser is told to reload");
    assert_eq!(
        pages_written(update),
        1,
        "only cases/alfa/ shows the description"
    );
    assert!(common::read(output.join("cases/alfa/index.html")).contains("har nu reviderat"));
    assert!(common::read(output.join("knowledge-base.json")).contains("har nu reviderat"));
    assert_same_as_full_build(&mut session, root, &output);
}

#[test]
fn an_edit_of_what_lists_show_rewrites_the_pages_that_show_it() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let (mut session, output) = start(root);
    edit(
        root,
        "content/cases/alfa.md",
        "label: Boende för alla",
        "label: Bostäder för alla",
    );
    let update = session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update");
    let pages = pages_written(update);
    assert!(
        pages > 1,
        "term, comparison and list pages show the label ({pages})"
    );
    assert!(
        common::read(output.join("terms/focus-areas/bostad/index.html"))
            .contains("Bostäder för alla")
    );
    assert!(
        common::read(output.join("compare/focus-areas/index.html")).contains("Bostäder för alla")
    );
    assert_same_as_full_build(&mut session, root, &output);

    // A new title that keeps the case's place in the order: neighbours and related lists show it.
    edit(
        root,
        "content/cases/alfa.md",
        "title: Alfa\n",
        "title: Alfastad\n",
    );
    let update = session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update");
    pages_written(update);
    assert!(common::read(output.join("cases/beta/index.html")).contains("Alfastad"));
    assert_same_as_full_build(&mut session, root, &output);
}

#[test]
fn changed_terms_added_and_removed_cases_get_a_full_build() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let (mut session, output) = start(root);

    edit(
        root,
        "content/cases/alfa.md",
        "  - term: delaktighet\n",
        "  - term: arbete\n",
    );
    let update = session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update");
    assert!(
        matches!(update, Update::Full(_)),
        "terms decide related cases"
    );
    assert_same_as_full_build(&mut session, root, &output);

    let gamma = common::read(case_file(root, "beta")).replace("title: Beta", "title: Gamma");
    std::fs::write(case_file(root, "gamma"), gamma).unwrap();
    let update = session
        .update(&[case_file(root, "gamma")], || {})
        .expect("update");
    assert!(matches!(update, Update::Full(_)));
    assert!(output.join("cases/gamma/index.html").is_file());
    assert_same_as_full_build(&mut session, root, &output);

    std::fs::remove_file(case_file(root, "gamma")).unwrap();
    let update = session
        .update(&[case_file(root, "gamma")], || {})
        .expect("update");
    assert!(matches!(update, Update::Full(_)));
    assert!(!output.join("cases/gamma").exists());
    assert_same_as_full_build(&mut session, root, &output);
}

#[test]
fn a_broken_edit_leaves_the_output_as_it_was_and_a_fix_recovers() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let (mut session, output) = start(root);
    session.settle();
    let before = snapshot_tree(&output);

    edit(root, "content/cases/alfa.md", "kind: kommun", "kind: stad");
    let mut reloaded = false;
    let problems = session
        .update(&[case_file(root, "alfa")], || reloaded = true)
        .expect_err("an unknown kind is an error");
    assert!(!reloaded);
    assert!(problems.has_errors());
    assert!(snapshot_tree(&output) == before, "the output is untouched");

    edit(root, "content/cases/alfa.md", "kind: stad", "kind: kommun");
    edit(
        root,
        "content/cases/alfa.md",
        "Kommunen planerar nu",
        "Kommunen planerade",
    );
    let update = session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update after the fix");
    assert_eq!(pages_written(update), 1);
    assert_same_as_full_build(&mut session, root, &output);
}

#[test]
fn an_editors_temporary_file_is_not_a_change() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let (mut session, _output) = start(root);
    let swap = root.join("content/cases/.alfa.md.swp");
    std::fs::write(&swap, "x").unwrap();
    let mut reloaded = false;
    let update = session.update(&[swap], || reloaded = true).expect("update");
    assert!(matches!(update, Update::Nothing), "{update:?}");
    assert!(!reloaded);
}

#[test]
fn a_broken_link_in_an_edit_is_reported_and_the_next_change_rebuilds_in_full() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let (mut session, output) = start(root);
    session.settle();
    let before = snapshot_tree(&output);
    edit(
        root,
        "content/cases/alfa.md",
        "(@/cases/beta.md)",
        "(@/cases/betta.md)",
    );
    let problems = session
        .update(&[case_file(root, "alfa")], || {})
        .expect_err("a broken link is an error");
    assert!(problems.iter().any(|d| d.message.contains("betta")));
    assert!(snapshot_tree(&output) == before, "the output is untouched");

    edit(
        root,
        "content/cases/alfa.md",
        "(@/cases/betta.md)",
        "(@/cases/beta.md)",
    );
    let update = session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update after the fix");
    assert!(matches!(update, Update::Full(_)), "{update:?}");
    assert_same_as_full_build(&mut session, root, &output);
}
