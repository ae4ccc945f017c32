//! `/<slug>/`: a free page (about, a publication) with the cases it lists (a page at a time above
//! `[compare] list_all_up_to`); `/<slug>/booklet/`: a
//! publication's introduction, all its cases and their success factors on one page, for printing.

use serde::Serialize;
use tera::Context;

use super::{Input, Job, crumb, page_context};
use crate::model::PageId;
use crate::routes::Route;
use crate::theme::strings::Strings;
use crate::view::Deps;
use crate::view::case::CaseView;
use crate::view::values::{CaseLink, DimensionView, PageView};

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let (views, strings) = (input.views, input.strings());
    for (i, page) in views.pages.iter().enumerate() {
        let i = PageId::new(i);
        let context = move |cases: &[CaseLink], first: bool| {
            let mut ctx = page_context(
                &format!("page:{}", page.slug),
                &page.title,
                &page.summary,
                vec![],
            );
            ctx.insert("page", page);
            ctx.insert("cases", cases);
            // The page's own text is on its first page; the others continue its list of cases.
            ctx.insert("first_page", &first);
            ctx
        };
        let route = Route::Page(&page.slug);
        // A publication that thousands of cases cite lists them a page at a time, as the case list does.
        if page.cases.len() <= input.config.compare.list_all_up_to {
            jobs.push(
                Job::new(route, "page.html", move || context(&page.cases, true))
                    .deps(Deps::Page(i)),
            );
        } else {
            let first = jobs.len();
            input.paging(page.cases.len()).jobs(
                route,
                "page.html",
                move |number, chunk| context(&page.cases[chunk], number == 1),
                jobs,
            );
            for job in &mut jobs[first..] {
                job.deps = Deps::Page(i);
            }
        }
        if page.booklet_url.is_some() {
            jobs.push(
                Job::new(Route::Booklet(&page.slug), "booklet.html", move || {
                    booklet_page(page, &views.cases, &views.dimensions, strings)
                })
                .deps(Deps::Booklet(i)),
            );
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct BookletCase<'a> {
    case: &'a CaseView,
    /// The description with its headings moved one level down, to sit under the case's heading.
    body: String,
}

#[derive(Debug, Clone, Serialize)]
struct BookletFactor {
    label: String,
    cases: Vec<String>,
}

/// `/<publication>/booklet/`: the publication's introduction, all its cases and their success factors
/// on one page, for printing or saving as PDF.
fn booklet_page(
    page: &PageView,
    cases: &[CaseView],
    dimensions: &[DimensionView],
    strings: &Strings,
) -> Context {
    let chosen: Vec<&CaseView> = page
        .cases
        .iter()
        .filter_map(|l| cases.iter().find(|c| c.url == l.url))
        .collect();
    let booklet_cases: Vec<BookletCase> = chosen
        .iter()
        .map(|c| BookletCase {
            case: c,
            body: prefix_ids(&demote_headings(&c.body), &c.slug),
        })
        .collect();
    let factors: Vec<BookletFactor> = dimensions
        .iter()
        .find(|d| d.dimension == crate::vocabulary::Dimension::SuccessFactors)
        .map(|d| {
            d.terms
                .iter()
                .filter_map(|t| {
                    let having: Vec<String> = chosen
                        .iter()
                        .filter(|c| c.success_factors.iter().any(|u| u.term.id == t.id))
                        .map(|c| c.title.clone())
                        .collect();
                    (!having.is_empty()).then(|| BookletFactor {
                        label: t.label.clone(),
                        cases: having,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut ctx = page_context(
        &format!("page:{}", page.slug),
        &strings.format("booklet_title", &[("title", &page.title)]),
        &page.summary,
        vec![crumb(&page.title, &page.url)],
    );
    ctx.insert("page", page);
    ctx.insert("booklet_cases", &booklet_cases);
    ctx.insert("factors", &factors);
    ctx
}

/// Prefixes every id and in-page link of rendered HTML with `prefix-`, so several descriptions can share
/// one page without duplicate ids.
fn prefix_ids(html: &str, prefix: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{prefix}-"))
        .replace(" href=\"#", &format!(" href=\"#{prefix}-"))
}

/// Moves every heading of rendered HTML one level down (h2 → h3 …), deepest first.
fn demote_headings(html: &str) -> String {
    let mut out = html.to_string();
    for level in (1..=5).rev() {
        out = out
            .replace(&format!("<h{level}"), &format!("<h{}", level + 1))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1));
    }
    out
}
