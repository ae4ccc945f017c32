//! `/search/`: the search page. The index is in `search-index/` ([`crate::search`]); without
//! JavaScript the page lists the cases, the terms and the pages to read instead.

use super::{Input, Job, page_context};
use crate::routes::Route;
use crate::view::format::number_sv;

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings) = (input.views, input.strings());
    jobs.push(Job::new(Route::Search, "search.html", move || {
        let mut ctx = page_context(
            "search",
            strings.get("search_title"),
            strings.get("search_description"),
            vec![],
        );
        // Listing every case keeps the page usable without JavaScript; above a few hundred it
        // would weigh megabytes, so it points to the case list instead.
        if views.cases.len() <= input.config.compare.list_all_up_to {
            ctx.insert_value("cases", views.all_listings());
        } else {
            ctx.insert(
                "all_cases",
                &strings.format(
                    "search_all_cases",
                    &[("count", &number_sv(views.cases.len() as f64))],
                ),
            );
        }
        ctx.insert_value("dimensions", views.dimensions_value());
        ctx.insert("pages", &views.pages);
        ctx
    }));
}
