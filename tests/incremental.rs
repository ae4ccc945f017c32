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
fn changed_terms_added_and_removed_cases_rewrite_only_the_pages_that_changed() {
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
    // Not every page: the accessibility statement and the not-found page show no case.
    session.settle();
    let total = common::snapshot_tree(&output)
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .count();
    let written = pages_written(update);
    assert!(written < total, "{written} of {total} pages");
    assert_same_as_full_build(&mut session, root, &output);

    let gamma = common::read(case_file(root, "beta")).replace("title: Beta", "title: Gamma");
    std::fs::write(case_file(root, "gamma"), gamma).unwrap();
    let update = session
        .update(&[case_file(root, "gamma")], || {})
        .expect("update");
    assert!(
        matches!(update, Update::Pages { removed: 0, .. }),
        "{update:?}"
    );
    assert!(output.join("cases/gamma/index.html").is_file());
    assert!(common::read(output.join("cases/index.html")).contains("Gamma"));
    assert_same_as_full_build(&mut session, root, &output);

    std::fs::remove_file(case_file(root, "gamma")).unwrap();
    let update = session
        .update(&[case_file(root, "gamma")], || {})
        .expect("update");
    assert!(
        matches!(update, Update::Pages { removed: 1, .. }),
        "the case page goes: {update:?}"
    );
    assert!(!output.join("cases/gamma").exists());
    assert!(!common::read(output.join("cases/index.html")).contains("Gamma"));
    assert_same_as_full_build(&mut session, root, &output);
}

#[test]
fn removing_a_case_another_links_to_is_an_error_and_changes_nothing() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let (mut session, output) = start(root);
    let gamma = common::read(case_file(root, "beta")).replace("title: Beta", "title: Gamma");
    std::fs::write(case_file(root, "gamma"), gamma).unwrap();
    session
        .update(&[case_file(root, "gamma")], || {})
        .expect("update");
    let alfa = common::read(case_file(root, "alfa"));
    std::fs::write(
        case_file(root, "alfa"),
        format!("{alfa}\nSe också [Gamma](@/cases/gamma.md).\n"),
    )
    .unwrap();
    session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update");
    // The search index of the last update is written in the background.
    session.settle();
    let before = snapshot_tree(&output);

    std::fs::remove_file(case_file(root, "gamma")).unwrap();
    let problems = session
        .update(&[case_file(root, "gamma")], || {})
        .expect_err("alfa links to gamma");
    let text = format!("{problems:?}");
    assert!(text.contains("gamma"), "{text}");
    assert!(
        text.contains("alfa.md"),
        "the problem is in alfa's file: {text}"
    );
    session.settle();
    let after = snapshot_tree(&output);
    let changed: Vec<_> = before
        .keys()
        .chain(after.keys())
        .filter(|p| before.get(*p) != after.get(*p))
        .collect();
    assert!(
        changed.is_empty(),
        "the output is as it was, but {changed:?} changed"
    );

    // Removing the link fixes it.
    std::fs::write(case_file(root, "alfa"), alfa).unwrap();
    session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update");
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
    assert!(
        problems
            .iter()
            .any(|d| d.message.to_string().contains("betta"))
    );
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

/// One change a contributor can make while `inspira serve` runs.
#[derive(Debug, Clone)]
enum Change {
    /// A new title, which may move the case in the case order.
    Retitle(usize, &'static str),
    /// A new summary: what lists show.
    Summary(usize, &'static str),
    /// A new sentence in the description: only the case page.
    Describe(usize, &'static str),
    /// Another kind of body: what the case list's filters count.
    Kind(usize, &'static str),
    /// Another focus area: related cases and term pages.
    Term(usize, &'static str),
    /// A new case, copied from Beta.
    Add(&'static str),
    /// An added case removed again.
    Remove(&'static str),
    /// An unknown kind, then the next change fixes it.
    Break(usize),
}

const SLUGS: [&str; 2] = ["alfa", "beta"];
const ADDED: [&str; 2] = ["gamma", "delta"];

fn change() -> impl proptest::strategy::Strategy<Value = Change> {
    use proptest::prelude::*;
    let case = 0..SLUGS.len();
    prop_oneof![
        (
            case.clone(),
            prop::sample::select(vec!["Alfa", "Öst", "Aaa", "Mitt"])
        )
            .prop_map(|(i, t)| Change::Retitle(i, t)),
        (
            case.clone(),
            prop::sample::select(vec!["Kort.", "En ny sammanfattning."])
        )
            .prop_map(|(i, t)| Change::Summary(i, t)),
        (
            case.clone(),
            prop::sample::select(vec!["Ny mening.", "Ännu en."])
        )
            .prop_map(|(i, t)| Change::Describe(i, t)),
        (
            case.clone(),
            prop::sample::select(vec!["bostad", "arbete", "delaktighet"])
        )
            .prop_map(|(i, t)| Change::Term(i, t)),
        (case.clone(), prop::sample::select(vec!["kommun", "region"]))
            .prop_map(|(i, k)| Change::Kind(i, k)),
        prop::sample::select(ADDED.to_vec()).prop_map(Change::Add),
        prop::sample::select(ADDED.to_vec()).prop_map(Change::Remove),
        case.prop_map(Change::Break),
    ]
}

/// Replaces the value of the first line starting with `key` in a case file.
fn set_line(path: &Path, key: &str, value: &str) {
    let text = common::read(path);
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if !done && l.starts_with(key) {
                done = true;
                format!("{key}{value}")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// Applies `change` to the sources; returns the files it touched.
fn apply(root: &Path, change: &Change) -> Vec<PathBuf> {
    match change {
        Change::Retitle(i, title) => {
            let path = case_file(root, SLUGS[*i]);
            set_line(&path, "title: ", title);
            vec![path]
        }
        Change::Summary(i, text) => {
            let path = case_file(root, SLUGS[*i]);
            set_line(&path, "summary: ", text);
            vec![path]
        }
        Change::Describe(i, text) => {
            let path = case_file(root, SLUGS[*i]);
            let mut body = common::read(&path);
            body.push_str(&format!("\n{text}\n"));
            std::fs::write(&path, body).unwrap();
            vec![path]
        }
        Change::Kind(i, kind) => {
            let path = case_file(root, SLUGS[*i]);
            set_line(&path, "kind: ", kind);
            vec![path]
        }
        Change::Term(i, term) => {
            let path = case_file(root, SLUGS[*i]);
            set_line(&path, "  - term: ", term);
            vec![path]
        }
        Change::Add(slug) => {
            let path = case_file(root, slug);
            let beta = common::read(case_file(root, "beta"));
            let title = format!("title: {}", slug.to_uppercase());
            let text = beta
                .lines()
                .map(|l| {
                    if l.starts_with("title: ") {
                        title.clone()
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            std::fs::write(&path, text + "\n").unwrap();
            vec![path]
        }
        Change::Remove(slug) => {
            let path = case_file(root, slug);
            let _ = std::fs::remove_file(&path);
            vec![path]
        }
        Change::Break(i) => {
            let path = case_file(root, SLUGS[*i]);
            set_line(&path, "kind: ", "stad");
            vec![path]
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Whatever a contributor does, in whatever order, the served output ends up as a full build
    /// of the same sources would make it: after every change that leaves the site valid.
    #[test]
    fn any_sequence_of_edits_ends_as_a_full_build(changes in proptest::collection::vec(change(), 1..6)) {
        let tmp = fixture("basic");
        let root = tmp.path();
        // One case a page, so that every paginated page (term pages, the case list, the comparison
        // pages) depends on one case and a missed dependency shows.
        let config = root.join("inspira.toml");
        let text = common::read(&config);
        std::fs::write(&config, format!("{text}\n[compare]\ncases_per_page = 1\nlist_all_up_to = 1\n")).unwrap();
        let (mut session, output) = start(root);
        for change in &changes {
            let mut touched = apply(root, change);
            if let Change::Break(i) = change {
                let result = session.update(&touched, || {});
                proptest::prop_assert!(result.is_err(), "{change:?} must be an error");
                // Fix it again before the next change.
                let path = case_file(root, SLUGS[*i]);
                set_line(&path, "kind: ", if *i == 0 { "kommun" } else { "region" });
                touched = vec![path];
            }
            let result = session.update(&touched, || {});
            proptest::prop_assert!(result.is_ok(), "{change:?}: {:?}", result.err());
            assert_same_as_full_build(&mut session, root, &output);
        }
    }
}

#[test]
fn a_changed_kind_rewrites_every_page_of_a_paginated_case_list() {
    let tmp = fixture("basic");
    let root = tmp.path();
    let config = root.join("inspira.toml");
    let text = common::read(&config);
    std::fs::write(
        &config,
        format!("{text}\n[compare]\ncases_per_page = 1\nlist_all_up_to = 1\n"),
    )
    .unwrap();
    let (mut session, output) = start(root);
    edit(
        root,
        "content/cases/alfa.md",
        "kind: kommun",
        "kind: region",
    );
    let update = session
        .update(&[case_file(root, "alfa")], || {})
        .expect("update");
    // Beta's page of the list shows no part of Alfa but the filters' counts.
    assert!(pages_written(update) > 1);
    assert_same_as_full_build(&mut session, root, &output);
}
