//! `/`: the start page. It shows the cases (the most recently changed when there are many), the
//! dimensions and the publications.

use super::{Input, Job, page_context};
use crate::content::page::PageKind;
use crate::routes::Route;
use crate::view::format::number_sv;
use crate::view::values::PageView;

/// How many cases the start page shows; with more, it shows the most recently changed and links to
/// the case list.
const HOME_CASES: usize = 24;

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    jobs.push(Job::new(Route::Home, "index.html", move || {
        let (config, views) = (input.config, input.views);
        let mut ctx = page_context("home", &config.title, &config.description, vec![]);
        if views.cases.len() <= HOME_CASES {
            ctx.insert_value("cases", views.all_listings());
        } else {
            ctx.insert_value("cases", views.newest(HOME_CASES));
            ctx.insert(
                "more_cases",
                &views.strings.format(
                    "home_all_cases",
                    &[("count", &number_sv(views.cases.len() as f64))],
                ),
            );
        }
        ctx.insert_value("dimensions", views.dimensions_value());
        let publications: Vec<&PageView> = input
            .content
            .pages
            .iter()
            .filter(|p| p.meta.kind == PageKind::Publication)
            .filter_map(|p| views.pages.iter().find(|v| v.slug == p.slug))
            .collect();
        ctx.insert("publications", &publications);
        ctx
    }));
}
