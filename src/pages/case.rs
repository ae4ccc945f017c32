//! `/cases/<slug>/`: one case in full, with links to its neighbours in the case order.

use super::{Input, Job, crumb, page_context};
use crate::model::CaseId;
use crate::routes::Route;
use crate::view::Deps;

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (cases, strings, base_path) = (&input.views.cases, input.strings(), input.base_path());
    for (i, case) in cases.iter().enumerate() {
        jobs.push(
            Job::new(Route::Case(&case.slug), "case.html", move || {
                let mut ctx = page_context(
                    "cases",
                    &case.title,
                    &case.summary,
                    vec![crumb(
                        strings.get("menu_cases"),
                        &Route::Cases.url(base_path),
                    )],
                );
                ctx.insert("case", case);
                let neighbour = |j: Option<usize>| {
                    j.and_then(|j| cases.get(j))
                        .map(|c| crumb(&c.title, &c.url))
                };
                ctx.insert("previous", &neighbour(i.checked_sub(1)));
                ctx.insert("next", &neighbour(Some(i + 1)));
                ctx
            })
            .deps(Deps::CasePage(CaseId::new(i))),
        );
    }
}
