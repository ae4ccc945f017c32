//! `/cases/`: every case, with facets to narrow the list by kind, county and term.

use super::{Input, Job, page_context};
use crate::routes::Route;
use crate::view::facets;

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings) = (input.views, input.strings());
    jobs.push(Job::new(Route::Cases, "cases.html", move || {
        let mut ctx = page_context(
            "cases",
            strings.get("cases_title"),
            strings.get("cases_description"),
            vec![],
        );
        ctx.insert_value("cases", views.all_listings());
        ctx.insert(
            "facets",
            &facets::facets(&views.cases, &views.dimensions, strings),
        );
        let case_facets: Vec<facets::CaseFacets> =
            views.cases.iter().map(facets::case_facets).collect();
        ctx.insert("case_facets", &case_facets);
        ctx
    }));
}
