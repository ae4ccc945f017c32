//! `/terms/`: the dimensions and their terms; `/terms/<dimension>/`: one dimension's terms;
//! `/terms/<dimension>/<term>/`: the cases using a term, in their own words, `cases_per_page` cases a
//! page, and the terms used alongside it.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use tera::Context;

use super::{Input, Job, crumb, page_context};
use crate::compare;
use crate::routes::Route;
use crate::view::Deps;
use crate::view::values::{DimensionView, RelatedTermView, TermCaseView, TermSummary};

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings, base_path) = (input.views, input.strings(), input.base_path());
    jobs.push(
        Job::new(Route::Terms, "terms.html", move || {
            let mut ctx = page_context(
                "terms",
                strings.get("terms_title"),
                strings.get("terms_description"),
                vec![],
            );
            ctx.insert_value("dimensions", views.dimensions_value());
            ctx
        })
        .deps(Deps::TermCounts),
    );
    for dim in &views.dimensions {
        jobs.push(
            Job::new(
                Route::Dimension(dim.dimension),
                "dimension.html",
                move || {
                    let mut ctx = page_context(
                        "terms",
                        &dim.title,
                        dim.description.as_deref().unwrap_or(""),
                        vec![crumb(
                            strings.get("menu_terms"),
                            &Route::Terms.url(base_path),
                        )],
                    );
                    ctx.insert_value("dimension", views.dimension_value(dim.dimension));
                    ctx
                },
            )
            .deps(Deps::TermCounts),
        );
        for term in &dim.terms {
            let paging = input.paging(views.index.usages(dim.dimension, &term.id).len());
            // The same on every page of the term: worked out by the first page rendered.
            let related: Arc<OnceLock<Vec<RelatedTermView>>> = Arc::default();
            for (number, range) in paging.chunks() {
                let related = Arc::clone(&related);
                let route = Route::Term(dim.dimension, &term.id);
                let deps = Deps::Term(dim.dimension, term.id.clone(), range.clone());
                jobs.push(
                    paging
                        .job(route, "term.html", number, range, move |chunk| {
                            term_context(input, dim, term, chunk, &related)
                        })
                        .deps(deps),
                );
            }
        }
    }
}

/// The context of a term's page showing the cases in `chunk` of those that use it.
fn term_context(
    input: Input<'_>,
    dim: &DimensionView,
    term: &TermSummary,
    chunk: Range<usize>,
    related: &OnceLock<Vec<RelatedTermView>>,
) -> Context {
    let (views, strings, base_path) = (input.views, input.strings(), input.base_path());
    let dimension = dim.dimension;
    let mut ctx = page_context(
        "terms",
        &term.label,
        &term.definition,
        vec![
            crumb(strings.get("menu_terms"), &Route::Terms.url(base_path)),
            crumb(&dim.title, &dim.url),
        ],
    );
    ctx.insert_value("dimension", views.dimension_value(dim.dimension));
    ctx.insert("term", term);
    let usages = views.index.usages(dimension, &term.id);
    let shown = &usages[chunk.start.min(usages.len())..chunk.end.min(usages.len())];
    let uses: Vec<TermCaseView> = shown
        .iter()
        .map(|u| {
            let case = &views.cases[u.case];
            TermCaseView {
                title: &case.title,
                url: &case.url,
                entries: super::compare::entries_for(case, dimension, &term.id),
            }
        })
        .collect();
    ctx.insert("uses", &uses);
    ctx.insert("uses_total", &usages.len());
    let related = related.get_or_init(|| {
        compare::cooccurring(
            input.content,
            &views.index,
            input.vocabulary,
            dimension,
            &term.id,
        )
        .into_iter()
        .filter_map(|(id, count)| {
            let t = input.vocabulary.dimension(dimension).get(&id)?;
            Some(RelatedTermView {
                label: t.label.clone(),
                url: views.links.term_url(dimension, &id),
                count,
            })
        })
        .collect()
    });
    ctx.insert("related_terms", related);
    ctx
}
