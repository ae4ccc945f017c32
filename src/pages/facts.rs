//! `/compare/facts/`: the key figures of every case in a table, with a bar chart per figure that can
//! be compared across cases; `cases_per_page` cases a page.

use serde::Serialize;
use tera::Context;

use super::{Input, Job, crumb, page_context};
use crate::content::case::FactKind;
use crate::routes::Route;
use crate::theme::strings::Strings;
use crate::view::case::{CaseListing, CaseView, FactView};
use crate::view::chart::{self, Bar};

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings, base_path) = (input.views, input.strings(), input.base_path());
    input.paging(views.cases.len()).jobs(
        Route::Facts,
        "facts.html",
        move |_, chunk| facts_page(&views.cases[chunk], &views.cases, base_path, strings),
        jobs,
    );
}

#[derive(Debug, Clone, Serialize)]
struct FactColumn {
    kind: &'static str,
    label: String,
    /// The unit and period every figure in the column shares.
    unit: String,
    period: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct FactCell {
    text: String,
    date: Option<String>,
    period: Option<String>,
    url: String,
}

#[derive(Debug, Clone, Serialize)]
struct FactRow<'a> {
    case: CaseListing<'a>,
    cells: Vec<Option<FactCell>>,
}

/// A figure of a compared kind that does not measure the same thing as the column: listed apart,
/// with why.
#[derive(Debug, Clone, Serialize)]
struct ApartRow<'a> {
    case_title: &'a str,
    url: String,
    label: &'a str,
    value_text: String,
    date: Option<&'a str>,
    why: String,
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
const FACT_KINDS: [FactKind; 4] = [
    FactKind::Population,
    FactKind::PopulationGrowth,
    FactKind::Unemployment,
    FactKind::ForeignBorn,
];

/// The kinds charted.
const CHARTED: [FactKind; 2] = [FactKind::Population, FactKind::Unemployment];

/// What a column compares: figures of one kind that measure the case's own population as a whole,
/// in the unit and over the period most cases give (ties: the first case's), so that like stands with
/// like. Decided over every case, so each page of a paginated page has the same columns.
fn column(all: &[CaseView], kind: FactKind, strings: &Strings) -> FactColumn {
    let mut counts: Vec<((&str, Option<&str>), usize)> = Vec::new();
    for f in all.iter().flat_map(|c| {
        c.facts
            .iter()
            .filter(|f| f.kind == kind.id() && f.comparable)
    }) {
        let key = (f.unit.as_str(), f.period.as_deref());
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    // The first of the most frequent: `max_by_key` would keep the last.
    let best = counts
        .iter()
        .fold(
            None::<&((&str, Option<&str>), usize)>,
            |best, c| match best {
                Some(b) if b.1 >= c.1 => Some(b),
                _ => Some(c),
            },
        )
        .map(|(k, _)| *k);
    FactColumn {
        kind: kind.id(),
        label: strings.get(kind.key()).to_string(),
        unit: best.map_or_else(String::new, |(u, _)| u.to_string()),
        period: best.and_then(|(_, p)| p.map(str::to_string)),
    }
}

/// Whether a figure belongs in `col`.
fn fits(f: &FactView, col: &FactColumn) -> bool {
    f.kind == col.kind && f.comparable && f.unit == col.unit && f.period == col.period
}

/// Why a figure of the column's kind is not in it.
fn why_apart(f: &FactView, col: &FactColumn, strings: &Strings) -> String {
    let mut why = Vec::new();
    if f.goal {
        why.push(strings.get("fact_goal").to_string());
    }
    if let Some(scope) = &f.scope {
        why.push(scope.clone());
    }
    if why.is_empty() && f.unit != col.unit {
        why.push(strings.format("facts_other_unit", &[("unit", &f.unit)]));
    }
    if why.is_empty() && f.period != col.period {
        let period = f.period.clone().unwrap_or_default();
        why.push(strings.format("facts_other_period", &[("period", &period)]));
    }
    why.join("; ")
}

/// `/compare/facts/`: key facts of every case, with a bar chart per comparable figure.
fn facts_page(cases: &[CaseView], all: &[CaseView], base_path: &str, strings: &Strings) -> Context {
    // A kind no case gives a comparable figure of gets no column.
    let columns: Vec<FactColumn> = FACT_KINDS
        .iter()
        .map(|&k| column(all, k, strings))
        .filter(|c| !c.unit.is_empty())
        .collect();
    let rows: Vec<FactRow> = cases
        .iter()
        .map(|case| FactRow {
            case: case.listing(),
            cells: columns
                .iter()
                .map(|col| {
                    case.facts.iter().find(|f| fits(f, col)).map(|f| FactCell {
                        text: format!("{} {}", f.value_text, f.unit),
                        date: f.date.clone(),
                        period: f.period.clone(),
                        url: format!("{}#dokument", case.url),
                    })
                })
                .collect(),
        })
        .collect();
    let mut apart = Vec::new();
    for case in cases {
        for col in &columns {
            let in_cell = case.facts.iter().position(|f| fits(f, col));
            for (k, f) in case.facts.iter().enumerate() {
                if f.kind == col.kind && Some(k) != in_cell {
                    apart.push(ApartRow {
                        case_title: &case.title,
                        url: format!("{}#dokument", case.url),
                        label: &f.label,
                        value_text: format!("{} {}", f.value_text, f.unit),
                        date: f.date.as_deref(),
                        why: why_apart(f, col, strings),
                    });
                }
            }
        }
    }
    let charts: Vec<ChartView> = CHARTED
        .into_iter()
        .filter_map(|kind| {
            let col = columns.iter().find(|c| c.kind == kind.id())?;
            fact_chart(cases, col)
        })
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
    ctx.insert("apart", &apart);
    ctx.insert("charts", &charts);
    ctx.insert("csv_url", &Route::FactsCsv.url(base_path));
    ctx
}

/// A bar chart of one column across the cases that have a figure in it: one kind, one unit, one
/// scope. Figures from different dates are shown with their dates: the chart compares orders of
/// magnitude, the table gives the details.
fn fact_chart(cases: &[CaseView], col: &FactColumn) -> Option<ChartView> {
    let mut bars = Vec::new();
    let mut rows = Vec::new();
    for case in cases {
        let Some(f) = case.facts.iter().find(|f| fits(f, col)) else {
            continue;
        };
        bars.push(Bar {
            label: case.title.clone(),
            value: f.value,
        });
        rows.push(ChartRow {
            label: case.title.clone(),
            url: case.url.clone(),
            value_text: format!("{} {}", f.value_text, f.unit),
            note: f.date.clone().unwrap_or_default(),
        });
    }
    if bars.len() < 2 {
        return None;
    }
    let id = format!("diagram-{}", col.kind);
    let svg = chart::bar_chart(&id, &col.label, &col.unit, &bars);
    Some(ChartView {
        id,
        title: col.label.clone(),
        unit: col.unit.clone(),
        svg,
        rows,
    })
}
