//! The search index: built with the site, Swedish, deterministic, and a search page that works without it.

mod common;

use common::{attrs, fixture, html, snapshot_tree, texts};
use inspira::site;

/// The pages Pagefind should index: every HTML page but the 404 and search pages, narrowed to those
/// marked `data-pagefind-body` once any page is (Pagefind's own rule).
fn expected_page_count(out: &std::path::Path) -> usize {
    let pages: Vec<String> = snapshot_tree(out)
        .into_iter()
        .filter_map(|(path, bytes)| {
            let path = path.to_string_lossy().replace('\\', "/");
            let indexed = path.ends_with(".html")
                && path != "404.html"
                && path != "search/index.html"
                && !path.starts_with("pagefind/");
            indexed.then(|| String::from_utf8(bytes).expect("utf-8 page"))
        })
        .collect();
    let marked = pages
        .iter()
        .filter(|p| p.contains("data-pagefind-body"))
        .count();
    if marked > 0 { marked } else { pages.len() }
}

#[test]
fn build_writes_a_swedish_pagefind_bundle() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, None).expect("build");
    let bundle = out.join("pagefind");
    for file in [
        "pagefind.js",
        "pagefind-worker.js",
        "pagefind-entry.json",
        "wasm.sv.pagefind",
    ] {
        assert!(bundle.join(file).is_file(), "pagefind/{file} is missing");
    }
    let names: Vec<String> = snapshot_tree(&bundle)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    for (prefix, suffix) in [
        ("index/", ".pf_index"),
        ("fragment/", ".pf_fragment"),
        ("pagefind.sv_", ".pf_meta"),
    ] {
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(prefix) && n.ends_with(suffix)),
            "no {prefix}*{suffix} in {names:?}"
        );
    }
    // Pagefind's ready-made interfaces are not shipped: the theme has its own.
    assert!(!bundle.join("pagefind-ui.js").exists());

    let entry: serde_json::Value =
        serde_json::from_str(&common::read(bundle.join("pagefind-entry.json"))).expect("json");
    let languages = entry["languages"].as_object().expect("languages");
    assert_eq!(
        languages.keys().collect::<Vec<_>>(),
        ["sv"],
        "one language, Swedish"
    );
    assert_eq!(entry["languages"]["sv"]["wasm"], "sv");
    assert_eq!(
        entry["languages"]["sv"]["page_count"],
        expected_page_count(&out)
    );
}

#[test]
fn the_search_bundle_is_byte_identical_across_builds() {
    let root = fixture("basic");
    let first = root.path().join("first");
    let second = root.path().join("second");
    site::build(root.path(), Some(&first), None).expect("first build");
    site::build(root.path(), Some(&second), None).expect("second build");
    let a = snapshot_tree(&first.join("pagefind"));
    let b = snapshot_tree(&second.join("pagefind"));
    assert!(!a.is_empty());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert!(a == b, "the pagefind files differ between two builds");
}

#[test]
fn search_page_has_a_form_a_live_region_and_a_list_of_every_page() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, Some("/kb/")).expect("build");
    let doc = html(out.join("search/index.html"));
    assert_eq!(texts(&doc, "h1"), ["Sök"]);
    assert_eq!(attrs(&doc, "form[role=search]", "method"), ["get"]);
    assert_eq!(
        attrs(&doc, "form[role=search]", "data-pagefind"),
        ["/kb/pagefind/"]
    );
    assert_eq!(attrs(&doc, "input[type=search]", "name"), ["q"]);
    assert_eq!(attrs(&doc, "label[for=sok-fraga]", "for").len(), 1);
    assert_eq!(attrs(&doc, "[aria-live=polite]", "aria-live").len(), 1);
    assert_eq!(
        attrs(&doc, "script[src]", "src"),
        ["/kb/assets/search.js"],
        "the only script is the theme's own file"
    );
    let inline = scraper::Selector::parse("script:not([src])").expect("selector");
    assert_eq!(doc.select(&inline).count(), 0, "no inline script");
    // Without JavaScript the page still links to every case, term and page.
    let links = attrs(&doc, "[data-search-index] a", "href");
    for url in [
        "/kb/cases/alfa/",
        "/kb/cases/beta/",
        "/kb/terms/focus-areas/bostad/",
        "/kb/om/",
    ] {
        assert!(links.iter().any(|l| l == url), "{url} not in {links:?}");
    }
    // Every page links to the search page from the menu.
    let home = html(out.join("index.html"));
    assert!(attrs(&home, "nav a", "href").contains(&"/kb/search/".to_string()));
    assert!(out.join("assets/search.js").is_file());
}
