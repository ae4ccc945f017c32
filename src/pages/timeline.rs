//! `/timeline/`: every case's dated process steps on a common time axis, and the same as a table;
//! `cases_per_page` cases a page.

use serde::Serialize;
use tera::Context;

use super::{Input, Job, page_context};
use crate::content::swedish_sort_key;
use crate::routes::Route;
use crate::theme::strings::Strings;
use crate::view::case::CaseView;
use crate::view::chart::{self, TimelineRow, TimelineStep};

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings) = (input.views, input.strings());
    input.paging(views.cases.len()).jobs(
        Route::Timeline,
        "timeline.html",
        move |_, chunk| timeline_page(&views.cases[chunk], strings),
        jobs,
    );
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
fn timeline_page(cases: &[CaseView], strings: &Strings) -> Context {
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
