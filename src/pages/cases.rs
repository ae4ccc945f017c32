//! `/cases/`: every case, with filters by kind, county, document, year, focus area and success factor.
//!
//! Up to `[compare] list_all_up_to` cases it is one page, and its filters work in the page (the
//! theme's facets.js) or, without JavaScript, not at all while every case stays listed. Above that it
//! is split into pages of `cases_per_page` cases, and its filters open the search page with the same
//! choices, where the search index filters every case ([`crate::search`]); the counts beside them
//! are over all cases.

use std::sync::{Arc, OnceLock};

use super::{Input, Job, page_context};
use crate::routes::Route;
use crate::view::Deps;
use crate::view::facets::{self, Facet};

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings) = (input.views, input.strings());
    let all = views.cases.len();
    // The same on every page of the list: worked out by the first page rendered.
    let facets: Arc<OnceLock<Vec<Facet>>> = Arc::default();
    let context = move |facets: &OnceLock<Vec<Facet>>| {
        let mut ctx = page_context(
            "cases",
            strings.get("cases_title"),
            strings.get("cases_description"),
            vec![],
        );
        ctx.insert(
            "facets",
            facets.get_or_init(|| facets::facets(&views.cases, &views.dimensions, strings)),
        );
        ctx
    };
    if all <= input.config.compare.list_all_up_to {
        jobs.push(Job::new(Route::Cases, "cases.html", move || {
            let mut ctx = context(&facets);
            ctx.insert_value("cases", views.all_listings());
            let case_facets: Vec<facets::CaseFacets> =
                views.cases.iter().map(facets::case_facets).collect();
            ctx.insert("case_facets", &case_facets);
            ctx
        }));
        return;
    }
    let search = Route::Search.url(input.base_path());
    // The search page shows only cases: the same list, filtered.
    let content = crate::search::filter_param(strings.get("search_filter_content"));
    let first = jobs.len();
    input.paging(all).jobs(
        Route::Cases,
        "cases.html",
        move |_, chunk| {
            let mut ctx = context(&facets);
            ctx.insert_value("cases", views.listings_of(chunk));
            ctx.insert("filter_search", &search);
            ctx.insert("filter_content_param", &content);
            ctx
        },
        jobs,
    );
    // Every page also shows the filters' counts over all cases.
    for job in &mut jobs[first..] {
        if let Deps::Cases(range) = &job.deps {
            job.deps = Deps::CaseList(range.clone());
        }
    }
}
