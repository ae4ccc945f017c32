//! The pages of the site, one module per page family. Each family lists its pages as [`Job`]s: the
//! route, the template, a function that builds the page's context from the views, and what the page
//! shows of the content ([`Deps`]). Adding a page is one module here and one template.
//!
//! Contexts are built only when a page is rendered and dropped right after, so a build holds one
//! context per rendering thread, not one per page.

mod accessibility;
mod case;
mod cases;
mod compare;
mod facts;
mod feeds;
mod home;
mod not_found;
pub mod pagination;
mod publications;
mod search;
pub mod side_by_side;
mod terms;
mod timeline;

use std::ops::Range;

use tera::Context;

use crate::config::Config;
use crate::content::Content;
use crate::routes::Route;
use crate::theme::strings::Strings;
use crate::view::values::Crumb;
use crate::view::{Deps, Views};
use crate::vocabulary::Vocabulary;

/// What pages are made from.
#[derive(Clone, Copy)]
pub struct Input<'p> {
    pub config: &'p Config,
    pub content: &'p Content,
    pub vocabulary: &'p Vocabulary,
    pub views: &'p Views,
}

impl<'p> Input<'p> {
    fn base_path(&self) -> &'p str {
        &self.views.base_path
    }

    fn strings(&self) -> &'p Strings {
        &self.views.strings
    }

    /// How the pages that list cases are split, `cases_per_page` a page, over `count` cases.
    fn paging(&self, count: usize) -> Paging<'p> {
        Paging {
            per_page: self.config.compare.cases_per_page,
            count,
            base_path: self.base_path(),
            strings: self.strings(),
        }
    }
}

/// How a page reaches the search index.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Indexed {
    /// Not at all, or through a record made from the content model.
    No,
    /// From its rendered HTML: its text lives in the template.
    Html,
}

/// One page to render.
pub struct Job<'p> {
    pub route: Route<'p>,
    /// The page's number, for a paginated page; 1 otherwise.
    pub number: usize,
    pub template: &'static str,
    context: Box<dyn Fn() -> Context + Send + Sync + 'p>,
    pub indexed: Indexed,
    pub deps: Deps,
}

impl<'p> Job<'p> {
    /// A page showing something of every case; narrow it with [`Job::deps`].
    fn new(
        route: Route<'p>,
        template: &'static str,
        context: impl Fn() -> Context + Send + Sync + 'p,
    ) -> Job<'p> {
        Job {
            route,
            number: 1,
            template,
            context: Box::new(context),
            indexed: Indexed::No,
            deps: Deps::AllCases,
        }
    }

    fn deps(mut self, deps: Deps) -> Job<'p> {
        self.deps = deps;
        self
    }

    /// The file the page is written to, below the output folder.
    pub fn file(&self) -> String {
        self.route.file_of(self.number)
    }

    /// The page's URL under the site's base path.
    pub fn url(&self, base_path: &str) -> String {
        self.route.url_of(base_path, self.number)
    }

    /// Builds the page's template context.
    pub fn context(&self) -> Context {
        (self.context)()
    }
}

/// Every page of the site, family by family.
pub fn jobs(input: Input<'_>) -> Vec<Job<'_>> {
    let mut jobs = Vec::new();
    home::jobs(input, &mut jobs);
    not_found::jobs(input, &mut jobs);
    cases::jobs(input, &mut jobs);
    case::jobs(input, &mut jobs);
    terms::jobs(input, &mut jobs);
    compare::jobs(input, &mut jobs);
    facts::jobs(input, &mut jobs);
    timeline::jobs(input, &mut jobs);
    side_by_side::jobs(input, &mut jobs);
    accessibility::jobs(input, &mut jobs);
    publications::jobs(input, &mut jobs);
    search::jobs(input, &mut jobs);
    // Last: the sitemap lists the pages above.
    feeds::jobs(input, &mut jobs);
    jobs
}

/// The pages of a paginated page, `per_page` cases each.
struct Paging<'p> {
    per_page: usize,
    /// How many cases the page lists in all.
    count: usize,
    base_path: &'p str,
    strings: &'p Strings,
}

impl<'p> Paging<'p> {
    /// The pages: (1-based number, range of the cases it shows). At least one, empty if there are no
    /// cases.
    fn chunks(&self) -> Vec<(usize, Range<usize>)> {
        chunks(self.count, self.per_page)
    }

    /// Page `number` of `route`, showing the cases in `range`: `context` builds the page's context
    /// from that range, and the pager and the page's position in the title are added.
    fn job(
        &self,
        route: Route<'p>,
        template: &'static str,
        number: usize,
        range: Range<usize>,
        context: impl Fn(Range<usize>) -> Context + Send + Sync + 'p,
    ) -> Job<'p> {
        let pagination = pagination::paginate(
            self.base_path,
            route,
            number,
            self.per_page,
            self.count,
            self.strings,
        );
        let strings = self.strings;
        let chunk = range.clone();
        let mut job = Job::new(route, template, move || {
            paged_page(context(chunk.clone()), &pagination, strings)
        })
        .deps(Deps::Cases(range));
        job.number = number;
        job
    }

    /// Every page of `route`, each from `context` given its range of cases.
    fn jobs(
        &self,
        route: Route<'p>,
        template: &'static str,
        context: impl Fn(usize, Range<usize>) -> Context + Send + Sync + Clone + 'p,
        jobs: &mut Vec<Job<'p>>,
    ) {
        for (number, range) in self.chunks() {
            let context = context.clone();
            jobs.push(self.job(route, template, number, range, move |chunk| {
                context(number, chunk)
            }));
        }
    }
}

/// The pages of a paginated list: (1-based number, range of cases).
pub fn chunks(count: usize, per_page: usize) -> Vec<(usize, Range<usize>)> {
    (0..count.div_ceil(per_page).max(1))
        .map(|k| (k + 1, k * per_page..((k + 1) * per_page).min(count)))
        .collect()
}

/// Adds the pager to one page of a paginated page, and its position to the title when there are several.
fn paged_page(mut ctx: Context, pagination: &pagination::Pagination, strings: &Strings) -> Context {
    if pagination.total > 1 {
        let title = ctx
            .get("title")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        ctx.insert(
            "title",
            &strings.format(
                "pages_title",
                &[
                    ("title", &title),
                    ("page", &pagination.number.to_string()),
                    ("pages", &pagination.total.to_string()),
                ],
            ),
        );
        ctx.insert("pagination", pagination);
    }
    ctx
}

fn crumb(title: &str, url: &str) -> Crumb {
    Crumb {
        title: title.to_string(),
        url: url.to_string(),
    }
}

/// The context every page starts from: which menu entry it belongs to, its title, description and
/// breadcrumbs.
/// Text without soft hyphens (U+00AD): they help a long word break in a heading, but in a window
/// title, a link preview or a feed reader they show up or are read out.
pub fn plain(text: &str) -> String {
    text.replace('\u{ad}', "")
}

fn page_context(key: &str, title: &str, description: &str, breadcrumbs: Vec<Crumb>) -> Context {
    let mut ctx = Context::new();
    ctx.insert("page_key", key);
    ctx.insert("title", title);
    // For `<title>` and Open Graph, where a soft hyphen would be read out or shown.
    ctx.insert("plain_title", &plain(title));
    ctx.insert("description", description);
    ctx.insert("breadcrumbs", &breadcrumbs);
    ctx
}
