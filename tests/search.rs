//! The search index: built with the site, Swedish, deterministic, and a search page that works without it.

mod common;

use common::{attrs, fixture, html, snapshot_tree, texts};
use inspira::site;

/// The pages the search should index: every case, term and free page (records made from the
/// content), and the accessibility statement (from its HTML), as listed in the site's own JSON export.
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
fn build_writes_a_swedish_search_index_with_one_file_per_page() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, Some("/kb/")).expect("build");
    let bundle = out.join("search-index");
    for file in [
        "engine.js",
        "meta.json",
        "filters.json.gz",
        "terms/0.json.gz",
    ] {
        assert!(
            bundle.join(file).is_file(),
            "search-index/{file} is missing"
        );
    }
    let meta: serde_json::Value =
        serde_json::from_str(&common::read(bundle.join("meta.json"))).expect("json");
    assert_eq!(meta["language"], "sv");
    assert_eq!(meta["version"], 1);
    let pages = expected_page_count(&out);
    assert_eq!(meta["pages"], pages);
    // One file per page, each with the page's URL under the base path and its title.
    let urls: Vec<String> = (0..pages)
        .map(|i| {
            let page = common::gunzip_json(bundle.join(format!("pages/{i}.json.gz")));
            page["url"].as_str().expect("url").to_string()
        })
        .collect();
    for url in [
        "/kb/cases/alfa/",
        "/kb/cases/beta/",
        "/kb/terms/focus-areas/bostad/",
        "/kb/om/",
    ] {
        assert!(urls.iter().any(|u| u == url), "{url} not indexed: {urls:?}");
    }
    assert!(!bundle.join(format!("pages/{pages}.json.gz")).exists());
    // Every chunk named in meta.json exists, and the keys are sorted across chunks.
    let chunks = meta["chunks"].as_array().expect("chunks");
    let mut all_keys: Vec<String> = Vec::new();
    for i in 0..chunks.len() {
        let chunk = common::gunzip_json(bundle.join(format!("terms/{i}.json.gz")));
        let keys = chunk["keys"].as_array().expect("keys");
        assert_eq!(
            keys.len(),
            chunk["postings"].as_array().expect("postings").len()
        );
        all_keys.extend(keys.iter().map(|k| k.as_str().expect("key").to_string()));
    }
    assert!(
        all_keys.windows(2).all(|w| w[0] < w[1]),
        "keys are sorted and unique"
    );
    // Filters: content kind for every page, and the cases' facets as on the case list.
    let filters = common::gunzip_json(bundle.join("filters.json.gz"));
    let names: Vec<&str> = filters["names"]
        .as_array()
        .expect("names")
        .iter()
        .map(|n| n.as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "Antagen år",
            "Dokument",
            "Fokusområde",
            "Framgångsfaktor",
            "Innehåll",
            "Län",
            "Typ"
        ]
    );
    for per_page in filters["pages"].as_array().expect("pages") {
        assert_eq!(per_page.as_array().expect("values").len(), pages);
    }
}

#[test]
fn the_search_bundle_is_byte_identical_across_builds() {
    let root = fixture("basic");
    let first = root.path().join("first");
    let second = root.path().join("second");
    site::build(root.path(), Some(&first), None).expect("first build");
    site::build(root.path(), Some(&second), None).expect("second build");
    let a = snapshot_tree(&first.join("search-index"));
    let b = snapshot_tree(&second.join("search-index"));
    assert!(!a.is_empty());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert!(a == b, "the search index files differ between two builds");
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
        attrs(&doc, "form[role=search]", "data-index"),
        ["/kb/search-index/"]
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
