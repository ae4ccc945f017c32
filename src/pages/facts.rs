//! `/compare/facts/`: the key figures of every case in a table, with a bar chart per figure that can
//! be compared across cases; `cases_per_page` cases a page.

use serde::Serialize;
use tera::Context;

use super::{Input, Job, crumb, page_context};
use crate::routes::Route;
use crate::theme::strings::Strings;
use crate::view::case::{CaseListing, CaseView};
use crate::view::chart::{self, Bar};

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings, base_path) = (input.views, input.strings(), input.base_path());
    input.paging(views.cases.len()).jobs(
        Route::Facts,
        "facts.html",
        move |_, chunk| facts_page(&views.cases[chunk], base_path, strings),
        jobs,
    );
}

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
    case: CaseListing<'a>,
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
fn facts_page(cases: &[CaseView], base_path: &str, strings: &Strings) -> Context {
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
            case: case.listing(),
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
            &Route::Compare.url(base_path),
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
