//! `/compare/`: every case by dimension; `/compare/<dimension>/`: a matrix of the cases against one
//! dimension's terms, with each case's wording in the cells. Both `cases_per_page` cases a page.

use super::{Input, Job, crumb, page_context};
use crate::routes::Route;
use crate::view::case::{CaseSummary, CaseView};
use crate::view::values::{MatrixRow, TermEntryView};
use crate::vocabulary::Dimension;

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings, base_path) = (input.views, input.strings(), input.base_path());
    let paging = input.paging(views.cases.len());
    paging.jobs(
        Route::Compare,
        "compare.html",
        move |_, chunk| {
            let mut ctx = page_context(
                "compare",
                strings.get("compare_title"),
                strings.get("compare_description"),
                vec![],
            );
            let briefs: Vec<CaseSummary> = views.cases[chunk].iter().map(CaseView::brief).collect();
            ctx.insert("cases", &briefs);
            ctx.insert_value("dimensions", views.dimensions_value());
            ctx
        },
        jobs,
    );
    for dim in &views.dimensions {
        paging.jobs(
            Route::Matrix(dim.dimension),
            "matrix.html",
            move |_, chunk| {
                let dimension = dim.dimension;
                let rows: Vec<MatrixRow> = dim
                    .terms
                    .iter()
                    .map(|term| MatrixRow {
                        term,
                        cells: views.cases[chunk.clone()]
                            .iter()
                            .map(|case| entries_for(case, dimension, &term.id))
                            .collect(),
                    })
                    .collect();
                let mut ctx = page_context(
                    "compare",
                    &strings.format("matrix_title", &[("dimension", &dim.title)]),
                    &strings.format(
                        "matrix_description",
                        &[("dimension", &dim.title.to_lowercase())],
                    ),
                    vec![crumb(
                        strings.get("menu_compare"),
                        &Route::Compare.url(base_path),
                    )],
                );
                ctx.insert_value("dimension", views.dimension_value(dimension));
                ctx.insert_value("cases", views.listings_of(chunk));
                ctx.insert("rows", &rows);
                ctx.insert("csv_url", &Route::MatrixCsv(dimension).url(base_path));
                ctx
            },
            jobs,
        );
    }
}

/// A case's entries for one term, each linking to its passage on the case page.
pub(super) fn entries_for(case: &CaseView, dimension: Dimension, term: &str) -> Vec<TermEntryView> {
    case.entries(dimension, term)
        .into_iter()
        .map(|e| TermEntryView {
            label: e.label.to_string(),
            text: e.text.map(str::to_string),
            url: format!("{}#{}", case.url, e.anchor),
            lesson: e.lesson,
            date: e.date.map(str::to_string),
        })
        .collect()
}
