//! `/timeline/`: every case's dated process steps on a common time axis, and the same as a table;
//! `cases_per_page` cases a page. Steps the sources do not date are listed apart, never on the axis.

use serde::Serialize;
use tera::Context;

use super::{Input, Job, page_context};
use crate::content::swedish_sort_key;
use crate::routes::Route;
use crate::theme::strings::Strings;
use crate::view::case::{CaseView, StepView};
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
    #[serde(skip)]
    position: f64,
    date: &'a str,
    date_text: &'a str,
    /// Approximate or derived, with the reasoning when there is one.
    marked: bool,
    date_note: Option<&'a str>,
    planned: bool,
    case_title: &'a str,
    url: String,
    term: &'a str,
    term_url: &'a str,
}

#[derive(Debug, Clone, Serialize)]
struct Legend {
    marker: String,
    text: String,
}

fn entry<'a>(c: &'a CaseView, s: &'a StepView) -> TimelineEntry<'a> {
    TimelineEntry {
        position: s.position.unwrap_or_default(),
        date: &s.date,
        date_text: &s.date_text,
        marked: s.marked,
        date_note: s.date_note.as_deref(),
        planned: s.planned,
        case_title: &c.title,
        url: format!("{}#{}", c.url, s.anchor),
        term: &s.term.label,
        term_url: &s.term.url,
    }
}

/// `/timeline/`: every case's dated process steps on a common axis, the undated ones apart.
fn timeline_page(cases: &[CaseView], strings: &Strings) -> Context {
    let years = cases
        .iter()
        .flat_map(|c| c.process.steps.iter().filter_map(|s| s.year));
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
                .filter_map(|s| {
                    Some(TimelineStep {
                        position: s.position?,
                        marked: s.marked,
                        planned: s.planned,
                    })
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
    let (dated, undated): (Vec<_>, Vec<_>) = cases
        .iter()
        .flat_map(|c| c.process.steps.iter().map(move |s| entry(c, s)))
        .partition(|e| !e.date.is_empty());
    let mut entries = dated;
    entries.sort_by(|a, b| {
        a.position
            .total_cmp(&b.position)
            .then_with(|| swedish_sort_key(a.case_title).cmp(&swedish_sort_key(b.case_title)))
    });
    let legend = [
        (false, false, "timeline_legend_stated"),
        (true, false, "timeline_legend_marked"),
        (false, true, "timeline_legend_planned"),
    ]
    .into_iter()
    .map(|(marked, planned, key)| Legend {
        marker: chart::legend_marker(marked, planned),
        text: strings.get(key).to_string(),
    })
    .collect::<Vec<_>>();
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
    ctx.insert("undated", &undated);
    ctx.insert("legend", &legend);
    ctx.insert("first", &first);
    ctx.insert("last", &last);
    ctx
}
