//! The real knowledge base in content/: complete, consistent and free of warnings.

use std::collections::BTreeSet;
use std::path::Path;

use inspira::content::case::FactKind;
use inspira::site::Site;
use inspira::vocabulary::Dimension;

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
        assert!(
            case.body.split_whitespace().count() > 300,
            "{}: the description is too short",
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
