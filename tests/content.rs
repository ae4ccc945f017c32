//! The real knowledge base in content/: complete, consistent and free of warnings.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use inspira::content::case::FactKind;
use inspira::site::Site;
use inspira::vocabulary::Dimension;

use common::KNOWLEDGE_BASE_MIN_WORDS;

fn site() -> Site {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match Site::load(root) {
        Ok((site, warnings)) => {
            let rendered: Vec<String> = warnings.iter().map(|d| d.render(false)).collect();
            assert!(
                warnings.is_empty(),
                "the real content has warnings:\n{}",
                rendered.join("\n")
            );
            site
        }
        Err(errors) => panic!(
            "the real content has errors:\n{}",
            errors
                .iter()
                .map(|d| d.render(false))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn the_seven_cases_are_there() {
    let slugs: Vec<String> = site()
        .content
        .cases
        .iter()
        .map(|c| c.slug.clone())
        .collect();
    let expected = [
        "botkyrka",
        "gislaved",
        "jamtland-harjedalen",
        "norrtalje",
        "skane",
        "stromsund",
        "vallentuna",
    ];
    let got: BTreeSet<&str> = slugs.iter().map(String::as_str).collect();
    assert_eq!(got, expected.into_iter().collect::<BTreeSet<_>>());
}

#[test]
fn every_case_fills_every_comparison_dimension() {
    for case in &site().content.cases {
        let m = &case.meta;
        // The seven cases' sources all state a vision.
        let vision = m
            .vision
            .known()
            .expect("the seven cases' sources state a vision");
        assert!(!vision.text.trim().is_empty(), "{}: vision", case.slug);
        assert!(!m.process.steps.is_empty(), "{}: process", case.slug);
        assert!(!m.focus_areas.is_empty(), "{}: focus areas", case.slug);
        assert!(
            !m.success_factors.is_empty(),
            "{}: success factors",
            case.slug
        );
        assert!(!m.sources.is_empty(), "{}: sources", case.slug);
        let words = inspira::validate::description_words(&case.body);
        assert!(
            words > KNOWLEDGE_BASE_MIN_WORDS,
            "{}: the description has {words} words; CONTRIBUTING.md asks for more than {KNOWLEDGE_BASE_MIN_WORDS}",
            case.slug
        );
    }
}

#[test]
fn every_figure_has_a_date_and_a_source() {
    for case in &site().content.cases {
        for fact in &case.meta.facts {
            let what = fact
                .label
                .clone()
                .unwrap_or_else(|| fact.kind.default_label().into());
            assert!(fact.date.is_some(), "{}: {what} has no date", case.slug);
            assert!(fact.source.is_some(), "{}: {what} has no source", case.slug);
        }
        for series in &case.meta.series {
            assert!(
                !series.points.is_empty(),
                "{}: series {} is empty",
                case.slug,
                series.id.value
            );
        }
    }
}

#[test]
fn every_defined_term_is_used_and_every_used_term_defined() {
    let site = site();
    for dimension in Dimension::ALL {
        let defined: BTreeSet<&str> = site.vocabulary.dimension(dimension).ids().collect();
        let mut used = BTreeSet::new();
        for case in &site.content.cases {
            for (d, ids) in inspira::compare::term_ids(case) {
                if d == dimension {
                    used.extend(ids);
                }
            }
        }
        assert_eq!(defined, used, "{dimension}: defined and used terms differ");
    }
}

#[test]
fn every_term_has_labels_and_definitions_in_both_languages() {
    let site = site();
    for dim in site.vocabulary.dimensions() {
        for term in dim.terms() {
            assert!(
                term.label_en.is_some(),
                "{}: no English label",
                term.id.value
            );
            assert!(
                term.definition_en.is_some(),
                "{}: no English definition",
                term.id.value
            );
            assert!(
                term.definition.ends_with('.'),
                "{}: the definition should be one full sentence",
                term.id.value
            );
        }
    }
}

#[test]
fn key_figures_match_the_sources() {
    // Spot checks against the source documents in shared/seeds (KSL 2016).
    let site = site();
    let fact = |slug: &str, kind: FactKind| {
        let case = site
            .content
            .cases
            .iter()
            .find(|c| c.slug == slug)
            .expect("case");
        case.meta
            .facts
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| (f.value, f.date.as_ref().map(|d| d.to_string())))
    };
    assert_eq!(
        fact("gislaved", FactKind::Population),
        Some((29272.0, Some("2015-12-31".into())))
    );
    assert_eq!(
        fact("gislaved", FactKind::Unemployment).map(|f| f.0),
        Some(8.3)
    );
    assert_eq!(
        fact("gislaved", FactKind::PopulationGrowth).map(|f| f.0),
        Some(1.9)
    );
    assert_eq!(
        fact("botkyrka", FactKind::Population),
        Some((89425.0, Some("2015-12-31".into())))
    );
    assert_eq!(
        fact("botkyrka", FactKind::Unemployment).map(|f| f.0),
        Some(11.7)
    );
    assert_eq!(
        fact("vallentuna", FactKind::Population),
        Some((32380.0, Some("2015-12-31".into())))
    );
    assert_eq!(
        fact("vallentuna", FactKind::Unemployment).map(|f| f.0),
        Some(2.6)
    );
    assert_eq!(
        fact("jamtland-harjedalen", FactKind::PopulationGrowth).map(|f| f.0),
        Some(0.9)
    );
    assert_eq!(
        fact("jamtland-harjedalen", FactKind::Unemployment).map(|f| f.0),
        Some(2.9)
    );
}

#[test]
fn stromsunds_population_series_matches_its_programme() {
    // Strömsund's programme (2014), section 10, table "Befolkning" 2004–2013, row "Totalt".
    let site = site();
    let case = site
        .content
        .cases
        .iter()
        .find(|c| c.slug == "stromsund")
        .expect("stromsund");
    let series = case
        .meta
        .series
        .iter()
        .find(|s| s.id.value == "folkmangd")
        .expect("population series");
    let points: Vec<(&str, f64)> = series
        .points
        .iter()
        .map(|p| (p.period.as_str(), p.value))
        .collect();
    let expected = [
        13112.0, 12931.0, 12782.0, 12679.0, 12532.0, 12286.0, 12185.0, 12171.0, 12138.0, 11984.0,
    ];
    assert_eq!(points.len(), expected.len());
    for ((period, value), (year, want)) in points.iter().zip((2004..).zip(expected)) {
        assert_eq!((*period, *value), (year.to_string().as_str(), want));
    }
}

#[test]
fn the_real_site_renders_without_problems() {
    let files = site().render().expect("render");
    assert!(files.iter().any(|(p, _)| p == "cases/stromsund/index.html"));
}

/// The real site, rendered in memory: each page's path and its HTML.
fn rendered() -> std::collections::BTreeMap<String, scraper::Html> {
    site()
        .render()
        .expect("render")
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| {
            let html = String::from_utf8(bytes).expect("UTF-8");
            (path, scraper::Html::parse_document(&html))
        })
        .collect()
}

fn text_of(element: scraper::ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn select<'a>(doc: &'a scraper::Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).collect()
}

#[test]
fn no_comparison_row_mixes_scopes_or_units() {
    let pages = rendered();
    let facts = &pages["compare/facts/index.html"];
    let table = select(facts, "table.facts-table")[0];
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    // Each column says its unit in its heading, and every figure in it is in that unit.
    let units: Vec<Option<String>> = table
        .select(&sel("thead th"))
        .skip(1)
        .map(|th| {
            let heading = text_of(th);
            let unit = heading
                .rsplit_once('(')?
                .1
                .trim_end_matches(')')
                .to_string();
            Some(unit.split(',').next().unwrap().trim().to_string())
        })
        .collect();
    assert!(units.iter().all(Option::is_some), "{units:?}");
    let mut cells = 0;
    for row in table.select(&sel("tbody tr")) {
        for (td, unit) in row.select(&sel("td")).zip(&units) {
            let text = text_of(td);
            if text.is_empty() || text.starts_with('–') {
                continue;
            }
            cells += 1;
            let unit = unit.as_deref().unwrap();
            assert!(text.contains(unit), "`{text}` in a column of {unit}");
        }
    }
    assert!(
        cells >= 10,
        "the table compares the cases' own figures ({cells} cells)"
    );
    // Norrtälje's national figures and Strömsund's nine-year growth are listed apart, with why.
    let table_text = text_of(table);
    assert!(
        !table_text.contains("3,8"),
        "a national figure in the comparison: {table_text}"
    );
    assert!(
        !table_text.contains("−8,6") && !table_text.contains("-8,6"),
        "{table_text}"
    );
    let apart = text_of(
        select(facts, "#rubrik-andra-uppgifter")[0]
            .parent()
            .and_then(scraper::ElementRef::wrap)
            .unwrap(),
    );
    assert!(
        apart.contains("Arbetslöshet bland inrikes födda")
            && apart.contains("gäller riket, inrikes födda, 15–74 år"),
        "{apart}"
    );
    assert!(apart.contains("annan period (2004–2013)"), "{apart}");
}

#[test]
fn no_undated_step_sits_on_the_time_axis() {
    let site = site();
    let pages = rendered();
    let timeline = &pages["timeline/index.html"];
    // One marker per dated step on the axis: dots, rings and squares.
    let markers = select(timeline, "svg.chart .chart-dot").len();
    let (dated, undated): (Vec<_>, Vec<_>) = site
        .content
        .cases
        .iter()
        .flat_map(|c| c.meta.process.steps.iter())
        .partition(|s| s.date.value.date().is_some());
    assert!(
        !undated.is_empty(),
        "the real content has steps the sources do not date"
    );
    assert_eq!(markers, dated.len());
    // The table of the axis holds only dated steps; the others are listed apart, said to be undated.
    let axis_table = select(timeline, "#tabell-tidslinje")[0]
        .parent()
        .and_then(scraper::ElementRef::wrap)
        .unwrap();
    assert!(!text_of(axis_table).contains("anges inte i källan"));
    let apart = select(
        timeline,
        "#tabell-odaterade + thead + tbody tr, #tabell-odaterade ~ tbody tr",
    );
    assert_eq!(apart.len(), undated.len());
    assert!(
        apart
            .iter()
            .all(|tr| text_of(*tr).contains("anges inte i källan"))
    );
    // Derived and approximate dates carry their mark and their reasoning.
    let gislaved = &pages["cases/gislaved/index.html"];
    let marked: Vec<String> = select(gislaved, ".timeline li.date-marked")
        .into_iter()
        .map(text_of)
        .collect();
    assert!(
        marked.iter().any(|t| t.contains("2013 (härlett)")
            && t.contains("Projektplanen från 2012 förlade kartläggningen till 2013")),
        "{marked:?}"
    );
    let undated_steps: Vec<String> = select(gislaved, ".timeline.undated li")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(
        undated_steps.len(),
        2,
        "the workshop and the remiss: {undated_steps:?}"
    );
}

#[test]
fn strömsunds_growth_is_the_per_cent_of_its_own_table() {
    let site = site();
    let case = site
        .content
        .cases
        .iter()
        .find(|c| c.slug == "stromsund")
        .unwrap();
    let series = case
        .meta
        .series
        .iter()
        .find(|s| s.id.value == "folkmangd")
        .unwrap();
    let (first, last) = (series.points[0].value, series.points.last().unwrap().value);
    let growth = case
        .meta
        .facts
        .iter()
        .find(|f| f.kind == FactKind::PopulationGrowth)
        .unwrap();
    assert_eq!(growth.unit, "procent");
    assert_eq!(
        growth.value,
        ((last - first) / first * 1000.0).round() / 10.0
    );
    assert_eq!(growth.period.as_deref(), Some("2004–2013"));
}

#[test]
fn publications_list_every_case_citing_them_and_links_show_on_both_cases() {
    let pages = rendered();
    let listed = |page: &str| -> Vec<String> {
        select(&pages[page], "main a[href^='/cases/']")
            .into_iter()
            .filter_map(|a| a.attr("href").map(str::to_string))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    assert_eq!(
        listed("inspiration-for-integration/index.html"),
        [
            "/cases/botkyrka/",
            "/cases/gislaved/",
            "/cases/jamtland-harjedalen/",
            "/cases/vallentuna/"
        ]
    );
    assert_eq!(
        listed("tillgang-eller-belastning/index.html"),
        ["/cases/skane/"]
    );
    // Norrtälje links to Skåne; Skåne's page shows Norrtälje too, with the reason Norrtälje gives.
    let related = |slug: &str| -> String {
        text_of(select(&pages[&format!("cases/{slug}/index.html")], "#relaterade")[0])
    };
    let skane = related("skane");
    assert!(
        skane.contains("Norrtälje")
            && skane.contains("Båda beskriver kommunens roll i nyanländas etablering."),
        "{skane}"
    );
}

#[test]
fn the_accessibility_statement_links_every_csv_file() {
    let site = site();
    let files = site.render().expect("render");
    let statement = files
        .iter()
        .find(|(p, _)| p == "accessibility/index.html")
        .unwrap();
    let doc = scraper::Html::parse_document(std::str::from_utf8(&statement.1).unwrap());
    let links: BTreeSet<String> = select(&doc, "a[type='text/csv']")
        .into_iter()
        .filter_map(|a| a.attr("href").map(str::to_string))
        .collect();
    let csv: BTreeSet<String> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".csv"))
        .map(|(p, _)| format!("/{p}"))
        .collect();
    assert!(csv.len() >= 4, "{csv:?}");
    assert_eq!(links, csv);
}
