//! Building fixture sites and reading the HTML a visitor would get.

mod common;

use common::{attrs, edit, fixture, html, snapshot_tree, texts};
use inspira::site;

#[test]
fn case_page_presents_every_dimension_in_the_cases_own_words() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, None).expect("build");
    let doc = html(out.join("cases/alfa/index.html"));
    assert_eq!(texts(&doc, "h1"), ["Alfa"]);
    assert_eq!(
        texts(&doc, "#vision blockquote"),
        ["Alla invånare i Alfa ska känna sig hemma."]
    );
    let focus = texts(&doc, "#fokusomraden h3");
    assert_eq!(focus, ["Boende för alla", "Socialt deltagande/inflytande"]);
    assert!(texts(&doc, "#framgangsfaktorer h3")[0].starts_with("Lärdom Årliga planer"));
    assert_eq!(texts(&doc, ".timeline time"), ["2012", "oktober 2014"]);
    // Figures are shown the Swedish way, with their date.
    assert!(texts(&doc, ".key-facts dd")[0].contains("29 272 invånare"));
    assert!(texts(&doc, ".key-facts dd")[0].contains("31 december 2015"));
    // Cross-references resolve to the other case and the term.
    let links = attrs(&doc, "#beskrivning a", "href");
    assert!(links.contains(&"/cases/beta/".to_string()), "{links:?}");
    assert!(
        links.contains(&"/terms/focus-areas/bostad/".to_string()),
        "{links:?}"
    );
    // Related cases show their reason.
    let related = texts(&doc, "#relaterade li");
    assert_eq!(related.len(), 1);
    assert!(
        related[0].contains("Beta") && related[0].contains("delar 1 fokusområde: bostad"),
        "{related:?}"
    );
}

#[test]
fn term_page_lists_each_case_with_its_own_wording() {
    let root = fixture("basic");
    site::build(root.path(), None, None).expect("build");
    let doc = html(
        root.path()
            .join("public/terms/focus-areas/bostad/index.html"),
    );
    assert_eq!(texts(&doc, "h1"), ["Bostad"]);
    assert_eq!(texts(&doc, ".term-case h3"), ["Alfa", "Beta"]);
    let wording = texts(&doc, ".term-case li a");
    assert_eq!(wording, ["Boende för alla", "Bostadsförsörjning"]);
    assert_eq!(
        attrs(&doc, ".term-case li a", "href")[0],
        "/cases/alfa/#fokus-bostad"
    );
    assert_eq!(
        attrs(&doc, "p.translation", "lang").len(),
        0,
        "no English definition was given"
    );
    assert_eq!(texts(&doc, ".meta[lang=en]"), ["Housing"]);
}

#[test]
fn focus_area_matrix_has_a_cell_for_every_case_and_term() {
    let root = fixture("basic");
    site::build(root.path(), None, None).expect("build");
    let doc = html(root.path().join("public/compare/focus-areas/index.html"));
    assert_eq!(
        texts(&doc, "table.matrix thead th"),
        ["Begrepp", "Alfa", "Beta"]
    );
    let rows = texts(&doc, "table.matrix tbody tr");
    assert_eq!(rows.len(), 3, "one row per term");
    let cells = texts(&doc, "table.matrix tbody td");
    assert_eq!(cells.len(), 3 * 2, "one cell per term and case");
    assert_eq!(
        cells,
        [
            "Boende för alla",
            "Bostadsförsörjning",
            "– saknas",
            "Sysselsättning",
            "Socialt deltagande/inflytande",
            "– saknas"
        ]
    );
    assert_eq!(
        texts(&doc, "caption"),
        ["Fokusområden: begrepp och exempel"]
    );
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let root = fixture("basic");
    let a = root.path().join("a");
    let b = root.path().join("b");
    site::build(root.path(), Some(&a), None).expect("first build");
    site::build(root.path(), Some(&b), None).expect("second build");
    let (ta, tb) = (snapshot_tree(&a), snapshot_tree(&b));
    assert!(ta.len() > 10);
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(
            bytes == &tb[path],
            "{} differs between builds",
            path.display()
        );
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, None).expect("build");
    let before = snapshot_tree(&out);
    edit(
        root.path(),
        "content/cases/beta.md",
        "title: Beta",
        "title: [Beta",
    );
    edit(
        root.path(),
        "content/cases/alfa.md",
        "Alla invånare",
        "Ändrad vision",
    );
    let errors = site::build(root.path(), None, None).expect_err("broken YAML must fail the build");
    assert!(errors.has_errors());
    assert_eq!(
        snapshot_tree(&out),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("inspira-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind");
}

#[test]
fn the_site_works_under_a_sub_path() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, Some("https://example.org/kb")).expect("build");
    for (path, bytes) in snapshot_tree(&out) {
        if path.extension().is_some_and(|e| e == "html") {
            let doc = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
            for attr in ["href", "src"] {
                for url in attrs(&doc, &format!("[{attr}]"), attr) {
                    let external = url.starts_with("https://www.") || url.starts_with("mailto:");
                    assert!(
                        url.starts_with('#')
                            || url.starts_with("/kb/")
                            || url.starts_with("https://example.org/kb/")
                            || external,
                        "{}: {attr}={url} escapes the sub-path",
                        path.display()
                    );
                }
            }
        }
    }
}

#[test]
fn script_in_a_contribution_never_reaches_the_page() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/beta.md",
        "Beta skriver om sitt program.",
        "<script>alert('x')</script>\n\n[klick](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n<!-- --><script>alert(2)</script>",
    );
    edit(
        root.path(),
        "content/cases/beta.md",
        "Betas program om arbete",
        "<script>alert(3)</script> Betas program om arbete",
    );
    site::build(root.path(), None, None).expect("build");
    let page = common::read(root.path().join("public/cases/beta/index.html"));
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("javascript:"));
    assert!(!page.contains("onerror"));
    assert!(
        page.contains("&lt;script&gt;alert(3)&lt;/script&gt;"),
        "front matter text is escaped"
    );
}

#[test]
fn a_site_template_overrides_the_theme() {
    let root = fixture("basic");
    std::fs::create_dir_all(root.path().join("templates")).unwrap();
    std::fs::write(
        root.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Egen 404</h1>{% endblock content %}",
    )
    .unwrap();
    site::build(root.path(), None, None).expect("build");
    let doc = html(root.path().join("public/404.html"));
    assert_eq!(texts(&doc, "h1"), ["Egen 404"]);
}

#[test]
fn exports_cover_every_case_term_and_page() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, Some("https://example.org/kb/")).expect("build");
    let json: serde_json::Value =
        serde_json::from_str(&common::read(out.join("knowledge-base.json"))).expect("JSON");
    assert_eq!(json["schema_version"], 2);
    let slugs: Vec<&str> = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["alfa", "beta"]);
    assert_eq!(json["cases"][0]["url"], "/kb/cases/alfa/");
    assert_eq!(
        json["cases"][0]["focus_areas"][1]["label"],
        "Socialt deltagande/inflytande"
    );
    assert_eq!(json["cases"][0]["facts"][0]["date"], "2015-12-31");
    assert_eq!(
        json["vocabularies"]["focus-areas"]["terms"][0]["id"],
        "bostad"
    );

    let csv = common::read(out.join("compare/focus-areas.csv"));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "term_id,term,alfa,beta");
    assert_eq!(rows[1], "bostad,Bostad,Boende för alla,Bostadsförsörjning");
    assert_eq!(rows.len(), 4, "a row per term");
    let facts = common::read(out.join("compare/facts.csv"));
    let facts: Vec<&str> = facts.lines().collect();
    assert_eq!(
        facts[0],
        "case,kind,label,value,unit,scope,group,goal,comparable,date,date_provenance,date_note,period,source"
    );
    assert!(
        facts.contains(&"alfa,population,Invånare,29272,invånare,egen,,false,true,2015-12-31,stated,,,\"Testrapporten (Testförbundet, 2016)\""),
        "{facts:?}"
    );

    let atom = common::read(out.join("atom.xml"));
    assert!(
        atom.contains("<id>https://example.org/kb/cases/beta/</id>"),
        "{atom}"
    );
    assert!(
        atom.contains("<updated>2015-01-01T00:00:00Z</updated>"),
        "{atom}"
    );
    let sitemap = common::read(out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/kb/cases/alfa/</loc>"));
    assert!(!sitemap.contains("404"));
    // Crawlers never read robots.txt under a sub-path, so it is written only when asked.
    assert!(!out.join("robots.txt").exists());
}

#[test]
fn robots_txt_is_written_at_the_root_or_when_asked() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, Some("https://example.org/")).expect("build");
    assert!(
        common::read(out.join("robots.txt")).contains("Sitemap: https://example.org/sitemap.xml")
    );
    let config = root.path().join("inspira.toml");
    let text = common::read(&config);
    std::fs::write(&config, format!("robots_txt = true\n{text}")).unwrap();
    site::build(root.path(), None, Some("https://example.org/kb/")).expect("build");
    assert!(
        common::read(out.join("robots.txt"))
            .contains("Sitemap: https://example.org/kb/sitemap.xml")
    );
}

#[test]
fn machines_find_the_feed_and_the_csv_files_and_titles_lose_their_soft_hyphens() {
    let root = fixture("basic");
    let out = root.path().join("public");
    let config = root.path().join("inspira.toml");
    let text = common::read(&config);
    let titled = text.replacen("title = \"", "title = \"Kunskaps\\u00ADbank ", 1);
    assert_ne!(titled, text, "the fixture's config has a title");
    std::fs::write(&config, titled).unwrap();
    site::build(root.path(), None, Some("https://example.org/kb/")).expect("build");
    let home = common::read(out.join("index.html"));
    assert!(
        home.contains(r#"<link rel="alternate" type="application/atom+xml" href="https://example.org/kb/atom.xml""#),
        "the feed is advertised"
    );
    let doc = scraper::Html::parse_document(&home);
    let title = texts(&doc, "title").concat();
    assert!(title.starts_with("Kunskapsbank "), "{title:?}");
    let og = scraper::Selector::parse(r#"meta[property="og:site_name"]"#).unwrap();
    let og = doc.select(&og).next().unwrap().attr("content").unwrap();
    assert!(!og.contains('\u{ad}'), "{og:?}");
    assert!(!common::read(out.join("atom.xml")).contains('\u{ad}'));
    // The header keeps the soft hyphen, where it helps the word break.
    assert!(texts(&doc, ".site-title a").concat().contains('\u{ad}'));
    // Each CSV file is linked from its comparison page (the statement's links: tests/content.rs).
    let links = |page: &str| -> Vec<String> {
        let doc = scraper::Html::parse_document(&common::read(out.join(page)));
        let a = scraper::Selector::parse(r#"a[type="text/csv"]"#).unwrap();
        doc.select(&a)
            .filter_map(|a| a.attr("href").map(str::to_string))
            .collect()
    };
    assert_eq!(
        links("compare/focus-areas/index.html"),
        ["/kb/compare/focus-areas.csv"]
    );
    assert_eq!(links("compare/facts/index.html"), ["/kb/compare/facts.csv"]);
}

#[test]
fn a_case_added_later_appears_everywhere_without_code_changes() {
    let root = fixture("basic");
    let indexed_pages = |root: &std::path::Path| -> u64 {
        let meta: serde_json::Value =
            serde_json::from_str(&common::read(root.join("public/search-index/meta.json")))
                .expect("meta");
        meta["pages"].as_u64().expect("page count")
    };
    site::build(root.path(), None, Some("https://example.org/"))
        .expect("build without the new case");
    let before = indexed_pages(root.path());
    let beta = common::read(root.path().join("content/cases/beta.md"));
    let gamma = beta
        .replace("title: Beta", "title: Gamma")
        .replace("Bostadsförsörjning", "Bostäder åt alla")
        .replace("county: Testlän", "county: Nylän");
    std::fs::write(root.path().join("content/cases/gamma.md"), gamma).unwrap();
    site::build(root.path(), None, Some("https://example.org/")).expect("build");
    let out = root.path().join("public");
    assert!(out.join("cases/gamma/index.html").is_file());
    let term = html(out.join("terms/focus-areas/bostad/index.html"));
    assert_eq!(texts(&term, ".term-case h3"), ["Alfa", "Beta", "Gamma"]);
    let matrix = html(out.join("compare/focus-areas/index.html"));
    assert_eq!(
        texts(&matrix, "table.matrix thead th"),
        ["Begrepp", "Alfa", "Beta", "Gamma"]
    );
    let beta_page = html(out.join("cases/beta/index.html"));
    assert!(
        texts(&beta_page, "#relaterade li")
            .iter()
            .any(|r| r.starts_with("Gamma")),
        "related cases"
    );
    let list = html(out.join("cases/index.html"));
    assert!(
        texts(&list, "#filter fieldset")
            .iter()
            .any(|f| f.contains("Nylän (1)")),
        "facets"
    );
    assert!(common::read(out.join("knowledge-base.json")).contains("\"slug\": \"gamma\""));
    assert!(
        common::read(out.join("compare/focus-areas.csv"))
            .lines()
            .next()
            .unwrap()
            .ends_with(",gamma")
    );
    assert!(common::read(out.join("atom.xml")).contains("cases/gamma/"));
    assert!(common::read(out.join("timeline/index.html")).contains("Gamma"));
    assert!(common::read(out.join("compare/side-by-side/index.html")).contains("valj-gamma"));
    assert_eq!(
        indexed_pages(root.path()),
        before + 1,
        "the search index has the new case"
    );
}

#[test]
fn the_interface_can_be_english() {
    let root = fixture("basic");
    edit(
        root.path(),
        "inspira.toml",
        "language = \"sv\"",
        "language = \"sv\"\nui_language = \"en\"",
    );
    site::build(root.path(), None, None).expect("build");
    let doc = html(root.path().join("public/cases/alfa/index.html"));
    assert_eq!(texts(&doc, "#rubrik-fokus"), ["Focus areas"]);
    assert_eq!(texts(&doc, ".skip-link"), ["Skip to content"]);
    assert!(texts(&doc, ".key-facts dt").contains(&"Population".to_string()));
    assert!(texts(&doc, ".timeline time").contains(&"October 2014".to_string()));
    assert!(texts(&doc, "#relaterade li")[0].contains("shares 1 focus area: bostad"));
    let menu = texts(&doc, ".menu a");
    assert_eq!(menu[..4], ["Home", "Cases", "Compare", "Timeline"]);
    assert_eq!(
        attrs(&doc, "header.site-header", "lang"),
        ["en"],
        "the English frame is marked"
    );
    assert_eq!(
        attrs(&doc, "html", "lang"),
        ["sv"],
        "the page's content is Swedish"
    );
    // The content stays as written.
    assert_eq!(
        texts(&doc, "#fokusomraden h3"),
        ["Boende för alla", "Socialt deltagande/inflytande"]
    );
}

#[test]
fn an_unknown_interface_language_is_a_clear_error() {
    let root = fixture("basic");
    edit(
        root.path(),
        "inspira.toml",
        "language = \"sv\"",
        "language = \"sv\"\nui_language = \"fi\"",
    );
    let errors = site::build(root.path(), None, None).expect_err("no Finnish table");
    let text: Vec<String> = errors.iter().map(|d| d.render(false)).collect();
    assert!(
        text.join("\n")
            .contains("det finns inga gränssnittstexter för språket `fi`"),
        "{text:?}"
    );
}

#[test]
fn whole_site_comparison_pages_are_split_into_pages_of_cases_per_page() {
    let root = fixture("basic");
    let out = root.path().join("public");
    site::build(root.path(), None, None).expect("build");
    assert!(
        !out.join("compare/focus-areas/page").exists(),
        "two cases fit on one page"
    );
    let doc = html(out.join("compare/focus-areas/index.html"));
    assert!(
        texts(&doc, "nav.pages").is_empty(),
        "no pager on a single page"
    );

    let config = root.path().join("inspira.toml");
    let text = common::read(&config);
    std::fs::write(&config, format!("{text}\n[compare]\ncases_per_page = 1\n")).unwrap();
    site::build(root.path(), None, None).expect("paginated build");
    for dir in [
        "compare/",
        "compare/focus-areas/",
        "compare/success-factors/",
        "compare/process-steps/",
        "compare/facts/",
        "compare/side-by-side/",
        "timeline/",
    ] {
        assert!(out.join(dir).join("index.html").is_file(), "{dir} page 1");
        assert!(
            out.join(dir).join("page/2/index.html").is_file(),
            "{dir} page 2"
        );
        assert!(
            !out.join(dir).join("page/3").exists(),
            "{dir} has no page 3"
        );
    }
    // Each case is on exactly one page of the matrix, and each page says which page it is.
    let first = html(out.join("compare/focus-areas/index.html"));
    let second = html(out.join("compare/focus-areas/page/2/index.html"));
    assert_eq!(texts(&first, "table thead th a"), ["Alfa"]);
    assert_eq!(texts(&second, "table thead th a"), ["Beta"]);
    assert_eq!(
        texts(&second, "h1"),
        ["Fokusområden i alla exempel, sida 2 av 2"]
    );
    assert_eq!(texts(&second, "nav.pages p"), ["Visar exempel 2–2 av 2."]);
    assert_eq!(
        attrs(&second, "nav.pages a[rel=prev]", "href"),
        ["/compare/focus-areas/"]
    );
    assert_eq!(
        attrs(&first, "nav.pages a[rel=next]", "href"),
        ["/compare/focus-areas/page/2/"]
    );
    assert_eq!(
        attrs(&second, "nav.pages a[aria-current=page]", "href"),
        ["/compare/focus-areas/page/2/"]
    );
    // Side by side: each page has its own stylesheet for its own cases.
    let side = html(out.join("compare/side-by-side/page/2/index.html"));
    assert!(
        attrs(&side, "link[rel=stylesheet]", "href")
            .contains(&"/assets/side-by-side-2.css".to_string())
    );
    let css = common::read(out.join("assets/side-by-side-2.css"));
    assert!(
        css.contains("#valj-beta") && !css.contains("#valj-alfa"),
        "{css}"
    );
}

#[test]
fn term_pages_list_their_cases_cases_per_page_at_a_time() {
    let root = fixture("basic");
    let out = root.path().join("public");
    let config = root.path().join("inspira.toml");
    let text = common::read(&config);
    std::fs::write(&config, format!("{text}\n[compare]\ncases_per_page = 1\n")).unwrap();
    site::build(root.path(), None, None).expect("paginated build");
    let dir = out.join("terms/focus-areas/bostad");
    let first = html(dir.join("index.html"));
    let second = html(dir.join("page/2/index.html"));
    assert!(!dir.join("page/3").exists(), "two cases, two pages");
    // Each page shows one case, and both say how many cases use the term in all.
    let one = texts(&first, ".term-case h3 a");
    let two = texts(&second, ".term-case h3 a");
    assert_eq!((one.len(), two.len()), (1, 1), "{one:?} {two:?}");
    assert_ne!(one, two);
    assert_eq!(
        texts(&first, "#rubrik-anvands"),
        texts(&second, "#rubrik-anvands")
    );
    assert!(texts(&first, "#rubrik-anvands")[0].contains('2'));
    assert_eq!(
        attrs(&first, "nav.pages a[rel=next]", "href"),
        ["/terms/focus-areas/bostad/page/2/"]
    );
    assert_eq!(texts(&second, "nav.pages p"), ["Visar exempel 2–2 av 2."]);
}

#[test]
fn a_case_list_longer_than_list_all_up_to_is_paginated_and_its_filters_open_the_search_page() {
    let root = fixture("basic");
    let out = root.path().join("public");
    let config = root.path().join("inspira.toml");
    let text = common::read(&config);
    std::fs::write(
        &config,
        format!("{text}\n[compare]\ncases_per_page = 1\nlist_all_up_to = 1\n"),
    )
    .unwrap();
    site::build(root.path(), None, None).expect("paginated build");
    let first = html(out.join("cases/index.html"));
    let second = html(out.join("cases/page/2/index.html"));
    assert!(!out.join("cases/page/3").exists(), "two cases, two pages");
    let one = texts(&first, ".cards h2 a");
    let two = texts(&second, ".cards h2 a");
    assert_eq!((one.len(), two.len()), (1, 1), "{one:?} {two:?}");
    assert_ne!(one, two);
    assert_eq!(
        attrs(&first, "nav.pages a[rel=next]", "href"),
        ["/cases/page/2/"]
    );
    // No per-case data for an in-page filter, and a form that asks the search page instead, with
    // the search page's names for the filters and the labels as values, counted over all cases.
    assert!(texts(&first, "[data-facets]").is_empty());
    assert_eq!(
        attrs(&first, "form[data-filter-search]", "action"),
        ["/search/"]
    );
    let names = attrs(
        &first,
        "form[data-filter-search] input[type=checkbox]",
        "name",
    );
    for name in [
        "typ",
        "lan",
        "dokument",
        "antagen-ar",
        "fokusomrade",
        "framgangsfaktor",
    ] {
        assert!(
            names.iter().any(|n| n == name),
            "{name} missing from {names:?}"
        );
    }
    let values = attrs(&first, "form[data-filter-search] input[name=lan]", "value");
    assert_eq!(values, ["Testlän"]);
    assert_eq!(
        texts(&first, "form[data-filter-search] input[name=lan] ~ .count"),
        ["(2)"]
    );
    assert_eq!(
        attrs(
            &first,
            "form[data-filter-search] input[type=hidden]",
            "name"
        ),
        ["innehall"]
    );
    // The search index has the same filters on each case, so the search page can apply them.
    let filters = common::gunzip_json(out.join("search-index/filters.json.gz"));
    let names: Vec<&str> = filters["names"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    for name in [
        "Typ",
        "Län",
        "Dokument",
        "Antagen år",
        "Fokusområde",
        "Framgångsfaktor",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
}

#[test]
fn with_many_cases_the_start_page_and_feed_show_the_most_recently_changed() {
    let root = fixture("basic");
    let beta = common::read(root.path().join("content/cases/beta.md"));
    for n in 1..=26 {
        let mut text = beta.replacen("title: Beta", &format!("title: Beta {n:02}"), 1);
        if n == 7 {
            text = text.replacen("kind: region", "kind: region\nupdated: 2030-01", 1);
        }
        std::fs::write(
            root.path().join(format!("content/cases/beta-{n:02}.md")),
            text,
        )
        .unwrap();
    }
    let out = root.path().join("public");
    site::build(root.path(), None, Some("https://example.org/")).expect("build");
    let home = html(out.join("index.html"));
    let cards = texts(&home, "#rubrik-exempel + .cards h3");
    assert_eq!(cards.len(), 24, "{cards:?}");
    assert_eq!(cards[0], "Beta 07", "the newest first");
    assert_eq!(
        attrs(&home, "a[href='/cases/']", "href").len(),
        texts(&home, "nav a[href='/cases/']").len() + 1,
        "a link to the whole case list"
    );
    assert!(texts(&home, "section p a").contains(&"Se alla 28 exempel".to_string()));
    let feed = common::read(out.join("atom.xml"));
    assert_eq!(feed.matches("<entry>").count(), 28);
    let first = feed.find("<entry>").unwrap();
    assert!(
        feed[first..].starts_with("<entry>\n    <title>Beta 07</title>"),
        "{}",
        &feed[first..first + 80]
    );
}

/// A focus area's and a success factor's `source:` were read but never shown; the case page cites
/// them as it cites the source of a step or a figure.
#[test]
fn focus_areas_and_success_factors_cite_their_sources() {
    let root = fixture("basic");
    common::edit(
        root.path(),
        "content/cases/alfa.md",
        "    label: Boende för alla\n",
        "    label: Boende för alla\n    source: rapport\n",
    );
    common::edit(
        root.path(),
        "content/cases/alfa.md",
        "    outcome: lärdom\n",
        "    outcome: lärdom\n    source: rapport\n",
    );
    site::build(root.path(), None, None).expect("build");
    let doc = html(root.path().join("public/cases/alfa/index.html"));
    for section in ["#fokusomraden", "#framgangsfaktorer"] {
        assert_eq!(
            attrs(&doc, &format!("{section} li a.cite"), "href"),
            ["#kalla-rapport"],
            "{section}"
        );
    }
    assert_eq!(
        texts(&doc, "#fokusomraden li a.cite"),
        ["Källa: Testrapporten (Testförbundet, 2016)"]
    );
}

/// `adopted_by` without `adopted` is not dropped: the case page says who adopted the document.
#[test]
fn adopting_body_without_a_date_is_shown() {
    let root = fixture("basic");
    edit(
        root.path(),
        "content/cases/alfa.md",
        "  adopted: 2014-10\n",
        "",
    );
    site::build(root.path(), None, None).expect("build");
    let doc = html(root.path().join("public/cases/alfa/index.html"));
    let facts = texts(&doc, "#dokument dl.facts").join(" ");
    assert!(facts.contains("Antagen av Kommunfullmäktige"), "{facts}");
    let terms = texts(&doc, "#dokument > dl.facts:not(.key-facts) > dt");
    assert_eq!(terms, ["Dokument", "Typ", "Antagen av"]);
}

/// A booklet prints every case that cites the publication in full: above `BOOKLET_MAX_CASES` it
/// would weigh megabytes (33 MB at 10,000 synthetic cases), so the publication has none.
#[test]
fn a_publication_cited_by_many_cases_has_no_booklet_and_lists_them_a_page_at_a_time() {
    let root = fixture("basic");
    std::fs::write(
        root.path().join("content/pages/rapport.md"),
        "---\ntitle: Testrapporten\nsummary: Rapporten som exemplen bygger på.\nkind: publication\n\
         publication:\n  title: Testrapporten\n  publisher: Testförbundet\n  year: 2016\n---\n\nOm rapporten.\n",
    )
    .unwrap();
    let build = |root: &std::path::Path| {
        site::build(root, None, Some("https://example.org/")).expect("build");
        let page = common::read(root.join("public/rapport/index.html"));
        (
            page,
            root.join("public/rapport/booklet/index.html").is_file(),
        )
    };
    let (page, booklet) = build(root.path());
    assert!(booklet, "one citing case gets a booklet");
    assert!(page.contains("/rapport/booklet/"), "the page links it");

    let beta = common::read(root.path().join("content/cases/beta.md"));
    for n in 1..=inspira::view::BOOKLET_MAX_CASES {
        let copy = beta.replace("title: Beta", &format!("title: Beta {n}"));
        std::fs::write(root.path().join(format!("content/cases/beta-{n}.md")), copy).unwrap();
    }
    let (page, booklet) = build(root.path());
    assert!(!booklet, "more cases than a booklet holds get none");
    assert!(
        !page.contains("/rapport/booklet/"),
        "and the page does not link one"
    );
    assert!(
        page.contains("Beta 60"),
        "the page still lists every citing case"
    );

    // Above `list_all_up_to` the page lists them a page at a time, its own text on the first.
    let config = root.path().join("inspira.toml");
    let text = common::read(&config);
    std::fs::write(
        &config,
        format!("{text}\n[compare]\ncases_per_page = 25\nlist_all_up_to = 30\n"),
    )
    .unwrap();
    site::build(root.path(), None, Some("https://example.org/")).expect("build");
    let out = root.path().join("public/rapport");
    let first = html(out.join("index.html"));
    assert_eq!(texts(&first, ".cards h3").len(), 25);
    assert!(texts(&first, ".prose p").contains(&"Om rapporten.".to_string()));
    let second = html(out.join("page/2/index.html"));
    assert_eq!(texts(&second, ".cards h3").len(), 25);
    assert!(
        texts(&second, ".prose p").is_empty(),
        "the text is on the first page only"
    );
    let range = texts(&second, "nav.pages p");
    assert!(
        range.iter().any(|t| t.contains("26") && t.contains("50")),
        "{range:?}"
    );
    let last = html(out.join("page/3/index.html"));
    assert!(!texts(&last, ".cards h3").is_empty());
    assert!(!out.join("page/4/index.html").exists());
}
