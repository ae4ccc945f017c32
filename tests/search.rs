//! The search index: built with the site, Swedish, deterministic, and a search page that works without it.

mod common;

use common::{attrs, fixture, html, snapshot_tree, texts};
use inspira::site;

/// The pages Pagefind should index: every case, term and free page (records made from the content),
/// and the accessibility statement (from its HTML), as listed in the site's own JSON export.
fn expected_page_count(out: &std::path::Path) -> usize {
    let export: serde_json::Value =
        serde_json::from_str(&common::read(out.join("knowledge-base.json"))).expect("json");
    let terms: usize = export["vocabularies"]
        .as_object()
        .expect("vocabularies")
        .values()
        .map(|v| v["terms"].as_array().expect("terms").len())
        .sum();
    let accessibility = usize::from(out.join("accessibility/index.html").is_file());
    export["cases"].as_array().expect("cases").len()
        + terms
        + export["pages"].as_array().expect("pages").len()
        + accessibility
}

#[test]
fn build_writes_a_swedish_pagefind_bundle() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, None).expect("build");
    let bundle = out.join("pagefind");
    for file in ["pagefind.js", "pagefind-entry.json", "wasm.sv.pagefind"] {
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
    // Pagefind's ready-made interfaces are not shipped (the theme has its own), nor the web worker
    // (the theme searches without one) or the WebAssembly for pages of unknown language.
    for unused in [
        "pagefind-ui.js",
        "pagefind-worker.js",
        "wasm.unknown.pagefind",
    ] {
        assert!(
            !bundle.join(unused).exists(),
            "pagefind/{unused} is shipped"
        );
    }

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
