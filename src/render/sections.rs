//! The comparison pages beyond the per-dimension matrices: key facts with charts, the common timeline
//! and side-by-side comparison. Each function returns the page's template context.

use serde::Serialize;
use tera::Context;

use super::chart::{self, Bar, TimelineRow, TimelineStep};
use super::strings::Strings;
use super::view::CaseView;
use super::{DimensionView, crumb, page_context};
use crate::content::swedish_sort_key;
use crate::vocabulary::Dimension;

#[derive(Debug, Clone, Serialize)]
struct FactColumn {
    kind: &'static str,
    label: String,
}

#[derive(Debug, Clone, Serialize)]
struct FactCell {
    text: String,
    date: Option<String>,
    url: String,
}

#[derive(Debug, Clone, Serialize)]
struct FactRow<'a> {
    case: super::view::CaseSummary<'a>,
    cells: Vec<Option<FactCell>>,
}

#[derive(Debug, Clone, Serialize)]
struct ChartView {
    id: String,
    title: String,
    unit: String,
    svg: String,
    rows: Vec<ChartRow>,
}

#[derive(Debug, Clone, Serialize)]
struct ChartRow {
    label: String,
    url: String,
    value_text: String,
    note: String,
}

/// The kinds of figure compared across cases, in column order.
const FACT_KINDS: [crate::content::case::FactKind; 4] = [
    crate::content::case::FactKind::Population,
    crate::content::case::FactKind::PopulationGrowth,
    crate::content::case::FactKind::Unemployment,
    crate::content::case::FactKind::ForeignBorn,
];

/// `/compare/facts/`: key facts of every case, with a bar chart per comparable figure.
pub fn facts_page(cases: &[CaseView], base_path: &str, strings: &Strings) -> Context {
    let columns: Vec<FactColumn> = FACT_KINDS
        .iter()
        .map(|k| FactColumn {
            kind: k.id(),
            label: strings.get(k.key()).to_string(),
        })
        .collect();
    let rows: Vec<FactRow> = cases
        .iter()
        .map(|case| FactRow {
            case: case.brief(),
            cells: columns
                .iter()
                .map(|col| {
                    case.facts
                        .iter()
                        .find(|f| f.kind == col.kind)
                        .map(|f| FactCell {
                            text: format!("{} {}", f.value_text, f.unit),
                            date: f.date.clone(),
                            url: format!("{}#dokument", case.url),
                        })
                })
                .collect(),
        })
        .collect();
    let charts: Vec<ChartView> = [
        crate::content::case::FactKind::Population,
        crate::content::case::FactKind::Unemployment,
    ]
    .into_iter()
    .filter_map(|kind| fact_chart(cases, kind.id(), strings.get(kind.key())))
    .collect();
    let mut ctx = page_context(
        "compare",
        strings.get("facts_title"),
        strings.get("facts_description"),
        vec![crumb(
            strings.get("menu_compare"),
            &format!("{base_path}compare/"),
        )],
    );
    ctx.insert("columns", &columns);
    ctx.insert("rows", &rows);
    ctx.insert("charts", &charts);
    ctx
}

/// A bar chart of one kind of fact across the cases that have it. Figures from different dates are
/// shown with their dates: the chart compares orders of magnitude, the table gives the details.
fn fact_chart(cases: &[CaseView], kind: &str, title: &str) -> Option<ChartView> {
    let mut bars = Vec::new();
    let mut rows = Vec::new();
    let mut unit = String::new();
    for case in cases {
        let Some(f) = case.facts.iter().find(|f| f.kind == kind) else {
            continue;
        };
        if unit.is_empty() {
            unit = f.unit.clone();
        } else if unit != f.unit {
            continue; // a figure in another unit cannot share the axis
        }
        let note = f.date.clone().unwrap_or_default();
        bars.push(Bar {
            label: case.title.clone(),
            value: f.value,
        });
        rows.push(ChartRow {
            label: case.title.clone(),
            url: case.url.clone(),
            value_text: format!("{} {}", f.value_text, f.unit),
            note,
        });
    }
    if bars.len() < 2 {
        return None;
    }
    let id = format!("diagram-{kind}");
    let svg = chart::bar_chart(&id, title, &unit, &bars);
    Some(ChartView {
        id,
        title: title.to_string(),
        unit,
        svg,
        rows,
    })
}

#[derive(Debug, Clone, Serialize)]
struct TimelineEntry<'a> {
    year: u16,
    date_text: &'a str,
    case_title: &'a str,
    url: String,
    term: &'a str,
    term_url: &'a str,
}

/// `/timeline/`: every case's dated process steps on a common axis.
pub fn timeline_page(cases: &[CaseView], strings: &Strings) -> Context {
    let years = cases
        .iter()
        .flat_map(|c| c.process.steps.iter().map(|s| s.year));
    let first = years.clone().min().unwrap_or(2000);
    let last = years.max().unwrap_or(first);
    let rows: Vec<TimelineRow> = cases
        .iter()
        .map(|c| TimelineRow {
            label: c.title.clone(),
            steps: c
                .process
                .steps
                .iter()
                .map(|s| TimelineStep {
                    position: s.position,
                })
                .collect(),
        })
        .collect();
    let svg = chart::timeline(
        "tidslinje",
        strings.get("timeline_chart_title"),
        first,
        last,
        &rows,
    );
    let mut entries: Vec<TimelineEntry> = cases
        .iter()
        .flat_map(|c| {
            c.process.steps.iter().map(move |s| TimelineEntry {
                year: s.year,
                date_text: &s.date_text,
                case_title: &c.title,
                url: format!("{}#{}", c.url, s.anchor),
                term: &s.term.label,
                term_url: &s.term.url,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        (a.year, swedish_sort_key(a.case_title)).cmp(&(b.year, swedish_sort_key(b.case_title)))
    });
    let mut ctx = page_context(
        "timeline",
        strings.get("timeline_title"),
        &strings.format(
            "timeline_description",
            &[("first", &first.to_string()), ("last", &last.to_string())],
        ),
        vec![],
    );
    ctx.insert("svg", &svg);
    ctx.insert("entries", &entries);
    ctx.insert("first", &first);
    ctx.insert("last", &last);
    ctx
}

#[derive(Debug, Clone, Serialize)]
struct SideRow {
    label: String,
    url: String,
    /// Slugs of the cases that have the term, space separated (read by the script).
    cases: String,
    cells: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
struct SideSection<'a> {
    dimension: &'a DimensionView,
    rows: Vec<SideRow>,
}

/// `/compare/side-by-side/`: choose 2–4 cases and compare them dimension by dimension.
pub fn side_by_side_page(
    cases: &[CaseView],
    dimensions: &[DimensionView],
    base_path: &str,
    strings: &Strings,
) -> Context {
    let sections: Vec<SideSection> = dimensions
        .iter()
        .map(|dim| {
            let dimension = dim.dimension;
            SideSection {
                dimension: dim,
                rows: dim
                    .terms
                    .iter()
                    .filter(|t| t.count > 0)
                    .map(|term| {
                        let cells: Vec<Vec<String>> = cases
                            .iter()
                            .map(|c| labels_for(c, dimension, &term.id, strings))
                            .collect();
                        let having: Vec<&str> = cases
                            .iter()
                            .zip(&cells)
                            .filter(|(_, cell)| !cell.is_empty())
                            .map(|(c, _)| c.slug.as_str())
                            .collect();
                        SideRow {
                            label: term.label.clone(),
                            url: term.url.clone(),
                            cases: having.join(" "),
                            cells,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let mut ctx = page_context(
        "compare",
        strings.get("sbs_title"),
        strings.get("sbs_description"),
        vec![crumb(
            strings.get("menu_compare"),
            &format!("{base_path}compare/"),
        )],
    );
    let briefs: Vec<super::view::CaseSummary> = cases.iter().map(CaseView::brief).collect();
    ctx.insert("cases", &briefs);
    ctx.insert("sections", &sections);
    ctx
}

fn labels_for(case: &CaseView, dimension: Dimension, term: &str, strings: &Strings) -> Vec<String> {
    case.entries(dimension, term)
        .into_iter()
        .map(|e| {
            if e.lesson {
                format!("{} {}", strings.get("lesson_prefix"), e.label)
            } else {
                e.label.to_string()
            }
        })
        .collect()
}

/// The side-by-side stylesheet of page `number`: `side-by-side.css` for the first, as before pages.
pub fn side_by_side_css_name(number: usize) -> String {
    if number == 1 {
        "side-by-side.css".to_string()
    } else {
        format!("side-by-side-{number}.css")
    }
}

/// The stylesheet that lets the side-by-side page hide unchosen cases without JavaScript (`:has()`).
pub fn side_by_side_css(cases: &[CaseView]) -> String {
    let mut css = String::from(
        "/* Generated by inspira: hides the cases not chosen on the side-by-side page. */\n",
    );
    for c in cases {
        let s = &c.slug;
        css.push_str(&format!(
            ".sbs:has(.pick input:checked):not(:has(#valj-{s}:checked)) [data-case=\"{s}\"] {{ display: none; }}\n"
        ));
    }
    css
}
