//! `/404.html`: the page a server shows for an address that does not exist.

use super::{Input, Job, page_context};
use crate::routes::Route;
use crate::view::Deps;

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let strings = input.strings();
    jobs.push(
        Job::new(Route::NotFound, "404.html", move || {
            page_context("404", strings.get("not_found_title"), "", vec![])
        })
        .deps(Deps::Site),
    );
}
