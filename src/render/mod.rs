//! Rendering: the validated site and its derived indexes, through Tera, into files in memory.

mod booklet;
pub mod chart;
mod context;
mod facets;
pub mod format;
mod pagination;
mod records;
mod sections;
pub mod strings;
pub mod theme;
pub mod view;

use std::collections::BTreeSet;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::compare::{self, TermIndex};
use crate::config::Config;
use crate::content::Content;
use crate::content::page::PageKind;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, Links, Origin};
use crate::output::Sink;
use crate::search;
use crate::vocabulary::{Dimension, Vocabulary};
use context::{
    CaseLink, Crumb, DimensionView, MatrixRow, MenuItem, PageView, RelatedTermView, SiteView,
    TermCaseView, TermEntryView, TermSummary,
};
use theme::Theme;
use view::{CaseView, ViewBuilder};

/// A rendered output file: its path below the output folder and its bytes.
pub type OutputFile = (String, Vec<u8>);

/// Everything rendering needs, borrowed from the earlier stages.
pub struct Renderer<'a> {
    pub config: &'a Config,
    pub content: &'a Content,
    pub vocabulary: &'a Vocabulary,
    pub theme: &'a Theme,
    /// Adds the script that reloads the page when `inspira serve` rebuilds.
    pub live_reload: bool,
}

/// How a page reaches the search index.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Indexed {
    /// Not at all, or through a record made from the content model.
    No,
    /// From its rendered HTML: its text lives in the template.
    Html,
}

/// One page to render. The context is built only when the page is rendered and dropped right after,
/// so a build holds one context per rendering thread, not one per page.
struct Job<'a> {
    path: String,
    template: &'static str,
    context: Box<dyn Fn() -> Context + Send + Sync + 'a>,
    indexed: Indexed,
    deps: Deps,
}

/// What a page shows of the content, so that an edit to one case re-renders only the pages showing
/// it (`inspira serve`). Anything not narrowed down shows every case.
#[derive(Debug, Clone, PartialEq)]
pub enum Deps {
    /// Nothing from the cases (not-found page, accessibility statement, robots.txt).
    Site,
    /// Case `i`'s page, which also shows its neighbours' and related cases' titles.
    CasePage(usize),
    /// Something of every case (start page, case list, search page, feed, sitemap).
    AllCases,
    /// The cases in this range: one page of a comparison page.
    Cases(std::ops::Range<usize>),
    /// How many cases use each term (lists of terms).
    TermCounts,
    /// One term's page: every case's wording for it.
    Term(Dimension, String),
    /// Free page `i`, which may list cases (their titles and summaries).
    Page(usize),
    /// The booklet of free page `i`: its cases in full.
    Booklet(usize),
}

/// Everything pages are made from, built once per build (and kept by `inspira serve`, which updates
/// it case by case).
pub struct Prepared {
    base_path: String,
    links: Links,
    strings: strings::Strings,
    index: TermIndex,
    related: Vec<Vec<compare::Related>>,
    cases: Vec<CaseView>,
    pages: Vec<PageView>,
    dimensions: Vec<DimensionView>,
    tera: Tera,
}

impl Prepared {
    fn briefs(&self) -> Vec<view::CaseSummary<'_>> {
        self.briefs_of(0..self.cases.len())
    }

    fn briefs_of(&self, range: std::ops::Range<usize>) -> Vec<view::CaseSummary<'_>> {
        self.cases[range].iter().map(CaseView::brief).collect()
    }
}

/// How many cases the start page shows; with more, it shows the most recently changed and links to
/// the case list.
const HOME_CASES: usize = 24;

/// Up to how many cases the search page lists for reading without JavaScript.
const SEARCH_PAGE_CASES: usize = 300;

/// How many cases the Atom feed carries: the most recently changed.
const FEED_ENTRIES: usize = 50;

/// The `limit` most recently changed cases, newest first (ties in case order).
fn newest<'c>(cases: &[view::CaseSummary<'c>], limit: usize) -> Vec<view::CaseSummary<'c>> {
    let mut sorted: Vec<(usize, &view::CaseSummary<'c>)> = cases.iter().enumerate().collect();
    sorted.sort_by(|(i, a), (j, b)| b.changed.cmp(a.changed).then(i.cmp(j)));
    sorted
        .into_iter()
        .take(limit)
        .map(|(_, c)| c.clone())
        .collect()
}

/// The cases a free page lists, as links.
fn case_links(page: &crate::content::Page, cases: &[CaseView]) -> Vec<CaseLink> {
    page.meta
        .cases
        .iter()
        .filter_map(|r| cases.iter().find(|c| c.slug == r.value))
        .map(|c| CaseLink {
            title: c.title.clone(),
            url: c.url.clone(),
            summary: c.summary.clone(),
        })
        .collect()
}

/// What an edit of one case changed, and so which pages must be rendered again.
#[derive(Debug, Clone)]
pub struct Edit {
    case: usize,
    /// The title changed: neighbours and related cases show it.
    title: bool,
    /// Something list and comparison pages show changed (anything but the description and the
    /// long texts).
    brief: bool,
    /// Cases whose related list shows this case.
    referrers: BTreeSet<usize>,
    /// The terms the case uses.
    terms: BTreeSet<(Dimension, String)>,
    /// Free pages that list the case.
    pages: BTreeSet<usize>,
}

impl Edit {
    /// Whether a page showing `deps` must be rendered again.
    pub fn affects(&self, deps: &Deps) -> bool {
        let i = self.case;
        match deps {
            Deps::Site | Deps::TermCounts => false,
            Deps::CasePage(j) => {
                *j == i || (self.title && (j + 1 == i || i + 1 == *j || self.referrers.contains(j)))
            }
            Deps::AllCases => self.brief,
            Deps::Cases(range) => self.brief && range.contains(&i),
            Deps::Term(dimension, id) => {
                self.brief && self.terms.contains(&(*dimension, id.clone()))
            }
            Deps::Page(k) => self.brief && self.pages.contains(k),
            Deps::Booklet(k) => self.pages.contains(k),
        }
    }
}

/// The pages of a paginated page: (1-based number, range of cases).
fn chunks(count: usize, per_page: usize) -> Vec<(usize, std::ops::Range<usize>)> {
    (0..count.div_ceil(per_page).max(1))
        .map(|k| (k + 1, k * per_page..((k + 1) * per_page).min(count)))
        .collect()
}

impl<'a> Job<'a> {
    fn new(
        path: impl Into<String>,
        template: &'static str,
        context: impl Fn() -> Context + Send + Sync + 'a,
    ) -> Job<'a> {
        Job {
            path: path.into(),
            template,
            context: Box::new(context),
            indexed: Indexed::No,
            deps: Deps::AllCases,
        }
    }

    fn deps(mut self, deps: Deps) -> Job<'a> {
        self.deps = deps;
        self
    }
}

impl Renderer<'_> {
    /// Brings `p` up to date after case `i` was edited in place: the same slug, place in the case order,
    /// terms and related links (the caller checks, and rebuilds everything otherwise). Returns what
    /// the edit changed, or the edited case's problems (then `p` is unchanged).
    pub fn update_case(&self, p: &mut Prepared, i: usize) -> Result<Edit, Vec<Diagnostic>> {
        // The same terms in the same order: the term index is unchanged.
        let index = &p.index;
        let case = &self.content.cases[i];
        let mut diagnostics = Vec::new();
        let (view, referrers, referrer_views) = {
            let builder = ViewBuilder {
                strings: &p.strings,
                content: self.content,
                vocabulary: self.vocabulary,
                links: &p.links,
                index,
            };
            let view = builder.case(case, &p.related[i], &mut diagnostics);
            let referrers: BTreeSet<usize> = p
                .related
                .iter()
                .enumerate()
                .filter(|(_, related)| related.iter().any(|r| r.case == i))
                .map(|(j, _)| j)
                .collect();
            // Related lists show the case's title.
            let referrer_views: Vec<(usize, CaseView)> = if view.title != p.cases[i].title {
                referrers
                    .iter()
                    .map(|&j| {
                        let c = &self.content.cases[j];
                        (j, builder.case(c, &p.related[j], &mut diagnostics))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            (view, referrers, referrer_views)
        };
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let old = &p.cases[i];
        let brief =
            serde_json::to_value(old.brief()).ok() != serde_json::to_value(view.brief()).ok();
        let title = old.title != view.title;
        let terms = compare::term_ids(case)
            .into_iter()
            .flat_map(|(d, ids)| ids.into_iter().map(move |id| (d, id.to_string())))
            .collect();
        p.cases[i] = view;
        for (j, v) in referrer_views {
            p.cases[j] = v;
        }
        let pages: BTreeSet<usize> = self
            .content
            .pages
            .iter()
            .enumerate()
            .filter(|(_, page)| page.meta.cases.iter().any(|r| r.value == case.slug))
            .map(|(k, _)| k)
            .collect();
        for &k in &pages {
            p.pages[k].cases = case_links(&self.content.pages[k], &p.cases);
        }
        Ok(Edit {
            case: i,
            title,
            brief,
            referrers,
            terms,
            pages,
        })
    }

    /// The search records of every case, term and page, in a fixed order.
    pub fn records(&self, p: &Prepared) -> Vec<search::Record> {
        records::records(self.content, &p.cases, &p.dimensions, &p.pages, &p.strings)
    }

    /// Builds what every page is made from: the case views (Markdown rendered once), the derived
    /// indexes, the templates.
    pub fn prepare(&self) -> Result<Prepared, Vec<Diagnostic>> {
        let base_path = self.config.base_path();
        let links = Links::new(
            &base_path,
            self.content.cases.iter().map(|c| c.slug.as_str()),
            self.content.pages.iter().map(|p| p.slug.as_str()),
            self.vocabulary,
        );
        let strings = strings::load(&self.config.ui_language, &self.theme.string_tables)
            .map_err(|d| vec![d])?;
        let index = TermIndex::build(self.content);
        let builder = ViewBuilder {
            strings: &strings,
            content: self.content,
            vocabulary: self.vocabulary,
            links: &links,
            index: &index,
        };
        let related = compare::related_cases(self.content, &index);
        let (cases, mut diagnostics) = builder.cases(&related);
        let pages: Vec<PageView> = self
            .content
            .pages
            .iter()
            .map(|p| {
                let origin = Origin {
                    path: &p.source.path,
                    text: &p.source.text,
                    first_line: Some(p.body_line),
                };
                let body = markdown::render(&p.body, &links, origin, &mut diagnostics);
                PageView {
                    slug: p.slug.clone(),
                    booklet_url: (p.meta.publication.is_some() && !p.meta.cases.is_empty())
                        .then(|| format!("{}booklet/", links.page_url(&p.slug))),
                    url: links.page_url(&p.slug),
                    title: p.meta.title.clone(),
                    summary: p.meta.summary.clone(),
                    publication: p.meta.publication.clone(),
                    body: body.html,
                    cases: case_links(p, &cases),
                }
            })
            .collect();
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }

        let tera = self
            .tera(&base_path, &pages, &strings)
            .map_err(|d| vec![d])?;
        let dimensions: Vec<DimensionView> = self.dimension_views(&links, &index);
        Ok(Prepared {
            base_path,
            links,
            strings,
            index,
            related,
            cases,
            pages,
            dimensions,
            tera,
        })
    }

    /// Every page of the site as a job, with what it shows ([`Deps`]).
    fn jobs<'p>(&'p self, p: &'p Prepared) -> Vec<Job<'p>> {
        let (cases, dimensions, pages, strings, index, base_path) = (
            &p.cases,
            &p.dimensions,
            &p.pages,
            &p.strings,
            &p.index,
            p.base_path.as_str(),
        );
        let mut jobs: Vec<Job> = Vec::new();
        jobs.push(Job::new("index.html", "index.html", move || {
            self.home_context(&p.briefs(), dimensions, pages, strings)
        }));
        jobs.push(
            Job::new("404.html", "404.html", move || {
                page_context("404", strings.get("not_found_title"), "", vec![])
            })
            .deps(Deps::Site),
        );
        jobs.push(Job::new("cases/index.html", "cases.html", move || {
            let mut ctx = page_context(
                "cases",
                strings.get("cases_title"),
                strings.get("cases_description"),
                vec![],
            );
            ctx.insert("cases", &p.briefs());
            ctx.insert("facets", &facets::facets(cases, dimensions, strings));
            let case_facets: Vec<facets::CaseFacets> =
                cases.iter().map(facets::case_facets).collect();
            ctx.insert("case_facets", &case_facets);
            ctx
        }));
        for (i, case) in cases.iter().enumerate() {
            jobs.push(
                Job::new(
                    format!("cases/{}/index.html", case.slug),
                    "case.html",
                    move || {
                        let mut ctx = page_context(
                            "cases",
                            &case.title,
                            &case.summary,
                            vec![crumb(
                                strings.get("menu_cases"),
                                &format!("{base_path}cases/"),
                            )],
                        );
                        ctx.insert("case", case);
                        ctx.insert(
                            "previous",
                            &i.checked_sub(1)
                                .and_then(|p| cases.get(p))
                                .map(|c| crumb(&c.title, &c.url)),
                        );
                        ctx.insert("next", &cases.get(i + 1).map(|c| crumb(&c.title, &c.url)));
                        ctx
                    },
                )
                .deps(Deps::CasePage(i)),
            );
        }
        jobs.push(
            Job::new("terms/index.html", "terms.html", move || {
                let mut ctx = page_context(
                    "terms",
                    strings.get("terms_title"),
                    strings.get("terms_description"),
                    vec![],
                );
                ctx.insert("dimensions", dimensions);
                ctx
            })
            .deps(Deps::TermCounts),
        );
        for dim in dimensions {
            jobs.push(
                Job::new(
                    format!("terms/{}/index.html", dim.slug),
                    "dimension.html",
                    move || {
                        let mut ctx = page_context(
                            "terms",
                            &dim.title,
                            dim.description.as_deref().unwrap_or(""),
                            vec![crumb(
                                strings.get("menu_terms"),
                                &format!("{base_path}terms/"),
                            )],
                        );
                        ctx.insert("dimension", dim);
                        ctx
                    },
                )
                .deps(Deps::TermCounts),
            );
            // A term's page lists every case that uses it, `cases_per_page` cases a page.
            for term in &dim.terms {
                let uses = index.usages(dim.dimension, &term.id).len();
                let paging = Paging {
                    per_page: self.config.compare.cases_per_page,
                    count: uses,
                    base_path,
                    strings,
                };
                let dir = format!("terms/{}/{}/", dim.slug, term.id);
                let related = std::sync::Arc::new(std::sync::OnceLock::new());
                for (number, range) in chunks(uses, paging.per_page) {
                    let related = std::sync::Arc::clone(&related);
                    jobs.push(
                        paging
                            .job(&dir, "term.html", number, range, move |chunk| {
                                self.term_context(p, dim, term, chunk, &related)
                            })
                            .deps(Deps::Term(dim.dimension, term.id.clone())),
                    );
                }
            }
        }
        // The pages that show every case, one page per `cases_per_page` cases.
        let paging = Paging {
            per_page: self.config.compare.cases_per_page,
            count: cases.len(),
            base_path,
            strings,
        };
        let chunks = chunks(cases.len(), paging.per_page);
        for (number, range) in chunks.iter().cloned() {
            jobs.push(paging.job(
                "compare/",
                "compare.html",
                number,
                range.clone(),
                move |chunk| {
                    let mut ctx = page_context(
                        "compare",
                        strings.get("compare_title"),
                        strings.get("compare_description"),
                        vec![],
                    );
                    ctx.insert("cases", &p.briefs_of(chunk));
                    ctx.insert("dimensions", dimensions);
                    ctx
                },
            ));
            jobs.push(paging.job(
                "compare/facts/",
                "facts.html",
                number,
                range.clone(),
                move |chunk| sections::facts_page(&cases[chunk], base_path, strings),
            ));
            jobs.push(paging.job(
                "timeline/",
                "timeline.html",
                number,
                range.clone(),
                move |chunk| sections::timeline_page(&cases[chunk], strings),
            ));
            jobs.push(paging.job(
                "compare/side-by-side/",
                "side-by-side.html",
                number,
                range,
                move |chunk| {
                    let mut ctx =
                        sections::side_by_side_page(&cases[chunk], dimensions, base_path, strings);
                    ctx.insert("side_by_side_css", &sections::side_by_side_css_name(number));
                    ctx
                },
            ));
        }
        if let Some(statement) = &self.config.accessibility {
            let mut job = Job::new(
                "accessibility/index.html",
                "accessibility.html",
                move || self.accessibility_context(statement, strings),
            );
            job.indexed = Indexed::Html;
            jobs.push(job.deps(Deps::Site));
        }
        for dim in dimensions {
            let dir = format!("compare/{}/", dim.slug);
            for (number, range) in chunks.iter().cloned() {
                jobs.push(
                    paging.job(&dir, "matrix.html", number, range, move |chunk| {
                        let dimension = dim.dimension;
                        let rows: Vec<MatrixRow> = dim
                            .terms
                            .iter()
                            .map(|term| MatrixRow {
                                term,
                                cells: cases[chunk.clone()]
                                    .iter()
                                    .map(|case| entries_for(case, dimension, &term.id))
                                    .collect(),
                            })
                            .collect();
                        let mut ctx = page_context(
                            "compare",
                            &strings.format("matrix_title", &[("dimension", &dim.title)]),
                            &strings.format(
                                "matrix_description",
                                &[("dimension", &dim.title.to_lowercase())],
                            ),
                            vec![crumb(
                                strings.get("menu_compare"),
                                &format!("{base_path}compare/"),
                            )],
                        );
                        ctx.insert("dimension", dim);
                        ctx.insert("cases", &p.briefs_of(chunk));
                        ctx.insert("rows", &rows);
                        ctx
                    }),
                );
            }
        }
        for (i, page) in pages.iter().enumerate() {
            jobs.push(
                Job::new(
                    format!("{}/index.html", page.slug),
                    "page.html",
                    move || {
                        let mut ctx = page_context(
                            &format!("page:{}", page.slug),
                            &page.title,
                            &page.summary,
                            vec![],
                        );
                        ctx.insert("page", page);
                        ctx
                    },
                )
                .deps(Deps::Page(i)),
            );
            if page.publication.is_some() && !page.cases.is_empty() {
                jobs.push(
                    Job::new(
                        format!("{}/booklet/index.html", page.slug),
                        "booklet.html",
                        move || booklet::booklet_page(page, cases, dimensions, strings),
                    )
                    .deps(Deps::Booklet(i)),
                );
            }
        }
        jobs.push(Job::new("search/index.html", "search.html", move || {
            let mut ctx = page_context(
                "search",
                strings.get("search_title"),
                strings.get("search_description"),
                vec![],
            );
            // Listing every case keeps the page usable without JavaScript; above a few hundred it
            // would weigh megabytes, so it points to the case list instead.
            if cases.len() <= SEARCH_PAGE_CASES {
                ctx.insert("cases", &p.briefs());
            } else {
                ctx.insert(
                    "all_cases",
                    &strings.format(
                        "search_all_cases",
                        &[("count", &format::number_sv(cases.len() as f64))],
                    ),
                );
            }
            ctx.insert("dimensions", dimensions);
            ctx.insert("pages", pages);
            ctx
        }));

        if let Some(origin) = self.config.origin() {
            let mut urls: Vec<String> = jobs
                .iter()
                .filter(|job| job.path != "404.html")
                .map(|job| {
                    format!(
                        "{origin}{base_path}{}",
                        job.path.trim_end_matches("index.html")
                    )
                })
                .collect();
            urls.sort();
            // Only the set of pages decides the sitemap, and an edit of a case never changes it.
            jobs.push(
                Job::new("sitemap.xml", "sitemap.xml", move || {
                    let mut ctx = Context::new();
                    ctx.insert("urls", &urls);
                    ctx
                })
                .deps(Deps::Site),
            );
            let feed_origin = origin.clone();
            jobs.push(Job::new("atom.xml", "atom.xml", move || {
                let mut ctx = Context::new();
                ctx.insert("origin", &feed_origin);
                ctx.insert("cases", &newest(&p.briefs(), FEED_ENTRIES));
                let newest = cases
                    .iter()
                    .map(|c| c.changed.as_str())
                    .max()
                    .unwrap_or("1970-01-01T00:00:00Z");
                ctx.insert("updated", newest);
                ctx
            }));
            jobs.push(
                Job::new("robots.txt", "robots.txt", move || {
                    let mut ctx = Context::new();
                    ctx.insert("sitemap", &format!("{origin}{base_path}sitemap.xml"));
                    ctx
                })
                .deps(Deps::Site),
            );
        }

        jobs
    }

    /// Renders the pages whose dependencies `select` accepts into `sink`; pages indexed from their
    /// HTML go to `search`. Returns the paths written, in job order.
    pub fn render_pages(
        &self,
        p: &Prepared,
        sink: &dyn Sink,
        search: Option<&search::Indexer>,
        select: &(dyn Fn(&Deps) -> bool + Sync),
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        let base_path = p.base_path.as_str();
        let tera = &p.tera;
        let jobs: Vec<Job> = self
            .jobs(p)
            .into_iter()
            .filter(|job| select(&job.deps))
            .collect();
        let written: Vec<String> = jobs.iter().map(|job| job.path.clone()).collect();
        let rendered: Vec<Result<Option<search::Document>, Diagnostic>> = jobs
            .par_iter()
            .map(|job| {
                let mut ctx = (job.context)();
                ctx.insert(
                    "current_path",
                    &format!("{base_path}{}", job.path.trim_end_matches("index.html")),
                );
                let html = tera
                    .render(job.template, &ctx)
                    .map_err(|e| template_error(job.template, &e))?;
                drop(ctx);
                sink.put(&job.path, html.as_bytes())
                    .map_err(|e| write_error(&job.path, &e))?;
                Ok((job.indexed == Indexed::Html && search.is_some()).then(|| {
                    search::Document::Html {
                        url: search::page_url(&job.path, base_path),
                        html,
                    }
                }))
            })
            .collect();
        let mut errors = Vec::new();
        let mut html_documents = Vec::new();
        for r in rendered {
            match r {
                Ok(document) => html_documents.extend(document),
                Err(d) => errors.push(d),
            }
        }
        if !errors.is_empty() {
            errors.sort_by(|a, b| a.message.cmp(&b.message));
            errors.dedup();
            return Err(errors);
        }
        if let Some(search) = search {
            for document in html_documents {
                search.add(document);
            }
        }

        Ok(written)
    }

    /// The files that are not pages: exports, generated stylesheets and the theme's static files.
    pub fn derived_files(&self, p: &Prepared) -> Result<Vec<OutputFile>, Diagnostic> {
        let per_page = self.config.compare.cases_per_page;
        let cases = &p.cases;
        let mut files: Vec<OutputFile> =
            crate::export::files(self.config, self.content, self.vocabulary, &p.links, cases)?;
        if let Some(logo) = &self.config.theme.logo
            && !self.theme.static_files.iter().any(|(name, _)| name == logo)
        {
            return Err(Diagnostic::error(
                "config",
                format!("the logo `{logo}` is not in static/"),
            )
            .in_file(crate::config::CONFIG_FILE)
            .help(format!(
                "put the file at static/{logo}, or correct `logo` under [theme]"
            )));
        }
        files.push((
            "assets/brand.css".into(),
            brand_css(&self.config.theme).into_bytes(),
        ));
        for (number, range) in chunks(cases.len(), per_page) {
            files.push((
                format!("assets/{}", sections::side_by_side_css_name(number)),
                sections::side_by_side_css(&cases[range]).into_bytes(),
            ));
        }
        for (name, bytes) in &self.theme.static_files {
            files.push((format!("assets/{name}"), bytes.clone()));
        }
        Ok(files)
    }

    /// The context of a term's page showing the cases in `chunk` of those that use it.
    fn term_context(
        &self,
        p: &Prepared,
        dim: &DimensionView,
        term: &context::TermSummary,
        chunk: std::ops::Range<usize>,
        related: &std::sync::OnceLock<Vec<RelatedTermView>>,
    ) -> Context {
        let (cases, index, links, base_path, strings) = (
            &p.cases,
            &p.index,
            &p.links,
            p.base_path.as_str(),
            &p.strings,
        );
        let dimension = dim.dimension;
        let mut ctx = page_context(
            "terms",
            &term.label,
            &term.definition,
            vec![
                crumb(strings.get("menu_terms"), &format!("{base_path}terms/")),
                crumb(&dim.title, &dim.url),
            ],
        );
        ctx.insert("dimension", dim);
        ctx.insert("term", term);
        let uses = self.term_uses(cases, index, dimension, &term.id, chunk);
        ctx.insert("uses", &uses);
        ctx.insert("uses_total", &index.usages(dimension, &term.id).len());
        // The same on every page of the term: worked out by the first page rendered.
        let related = related.get_or_init(|| {
            compare::cooccurring(self.content, index, self.vocabulary, dimension, &term.id)
                .into_iter()
                .filter_map(|(id, count)| {
                    let t = self.vocabulary.dimension(dimension).get(&id)?;
                    Some(RelatedTermView {
                        label: t.label.clone(),
                        url: links.term_url(dimension, &id),
                        count,
                    })
                })
                .collect()
        });
        ctx.insert("related_terms", related);
        ctx
    }

    fn accessibility_context(
        &self,
        statement: &crate::config::AccessibilityStatement,
        strings: &strings::Strings,
    ) -> Context {
        let mut ctx = page_context(
            "accessibility",
            &strings.format("a11y_title", &[("site", &self.config.title)]),
            strings.get("a11y_description"),
            vec![],
        );
        ctx.insert("statement", statement);
        ctx.insert(
            "status",
            match statement.status {
                crate::config::Compliance::Helt => strings.get("a11y_status_helt"),
                crate::config::Compliance::Delvis => strings.get("a11y_status_delvis"),
                crate::config::Compliance::InteForenlig => strings.get("a11y_status_inte"),
            },
        );
        let email = statement
            .report_email
            .as_ref()
            .or(self.config.contact.email.as_ref());
        ctx.insert("report_email", &email);
        ctx
    }

    fn tera(
        &self,
        base_path: &str,
        pages: &[PageView],
        strings: &strings::Strings,
    ) -> Result<Tera, Diagnostic> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.add_raw_templates(
            self.theme
                .templates
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str())),
        )
        .map_err(|e| template_error("(loading)", &e))?;
        let config = self.config;
        let site = SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            base_path: base_path.to_string(),
            language: &config.language,
            ui_language: &config.ui_language,
            publisher: &config.publisher,
            contact: &config.contact,
            origin: config.origin(),
            logo: config
                .theme
                .logo
                .as_ref()
                .map(|l| format!("{base_path}assets/{l}")),
            accessibility: config.accessibility.is_some(),
        };
        let mut menu = vec![
            MenuItem {
                key: "home".into(),
                title: strings.get("menu_home").into(),
                url: base_path.to_string(),
            },
            MenuItem {
                key: "cases".into(),
                title: strings.get("menu_cases").into(),
                url: format!("{base_path}cases/"),
            },
            MenuItem {
                key: "compare".into(),
                title: strings.get("menu_compare").into(),
                url: format!("{base_path}compare/"),
            },
            MenuItem {
                key: "timeline".into(),
                title: strings.get("menu_timeline").into(),
                url: format!("{base_path}timeline/"),
            },
            MenuItem {
                key: "terms".into(),
                title: strings.get("menu_terms").into(),
                url: format!("{base_path}terms/"),
            },
            MenuItem {
                key: "search".into(),
                title: strings.get("menu_search").into(),
                url: format!("{base_path}search/"),
            },
        ];
        for page in self.content.pages.iter().filter(|p| p.meta.menu.is_some()) {
            if let Some(view) = pages.iter().find(|v| v.slug == page.slug) {
                menu.push(MenuItem {
                    key: format!("page:{}", view.slug),
                    title: view.title.clone(),
                    url: view.url.clone(),
                });
            }
        }
        let global = tera.global_context();
        global.insert("site", &site);
        global.insert("menu", &menu);
        global.insert("assets", &format!("{base_path}assets/"));
        global.insert("live_reload", &self.live_reload);
        global.insert("t", strings);
        Ok(tera)
    }

    fn dimension_views(&self, links: &Links, index: &TermIndex) -> Vec<DimensionView> {
        self.vocabulary
            .dimensions()
            .map(|d| DimensionView {
                dimension: d.dimension,
                slug: d.dimension.slug(),
                title: d.file.title.clone(),
                title_en: d.file.title_en.clone(),
                description: d.file.description.clone(),
                url: format!("{}terms/{}/", self.config.base_path(), d.dimension.slug()),
                matrix_url: format!("{}compare/{}/", self.config.base_path(), d.dimension.slug()),
                terms: d
                    .terms()
                    .iter()
                    .map(|t| TermSummary {
                        id: t.id.value.clone(),
                        label: t.label.clone(),
                        label_en: t.label_en.clone(),
                        definition: t.definition.clone(),
                        definition_en: t.definition_en.clone(),
                        url: links.term_url(d.dimension, &t.id.value),
                        count: index.usages(d.dimension, &t.id.value).len(),
                    })
                    .collect(),
            })
            .collect()
    }

    fn home_context(
        &self,
        cases: &[view::CaseSummary],
        dimensions: &[DimensionView],
        pages: &[PageView],
        strings: &strings::Strings,
    ) -> Context {
        let mut ctx = page_context("home", &self.config.title, &self.config.description, vec![]);
        if cases.len() <= HOME_CASES {
            ctx.insert("cases", cases);
        } else {
            ctx.insert("cases", &newest(cases, HOME_CASES));
            ctx.insert(
                "more_cases",
                &strings.format(
                    "home_all_cases",
                    &[("count", &format::number_sv(cases.len() as f64))],
                ),
            );
        }
        ctx.insert("dimensions", dimensions);
        let publications: Vec<&PageView> = self
            .content
            .pages
            .iter()
            .filter(|p| p.meta.kind == PageKind::Publication)
            .filter_map(|p| pages.iter().find(|v| v.slug == p.slug))
            .collect();
        ctx.insert("publications", &publications);
        ctx
    }

    fn term_uses<'c>(
        &self,
        cases: &'c [CaseView],
        index: &TermIndex,
        dimension: Dimension,
        term: &str,
        chunk: std::ops::Range<usize>,
    ) -> Vec<TermCaseView<'c>> {
        let usages = index.usages(dimension, term);
        usages[chunk.start.min(usages.len())..chunk.end.min(usages.len())]
            .iter()
            .map(|u| {
                let case = &cases[u.case];
                TermCaseView {
                    title: &case.title,
                    url: &case.url,
                    entries: entries_for(case, dimension, term),
                }
            })
            .collect()
    }
}

/// A case's entries for one term, each linking to its passage on the case page.
fn entries_for(case: &CaseView, dimension: Dimension, term: &str) -> Vec<TermEntryView> {
    case.entries(dimension, term)
        .into_iter()
        .map(|e| TermEntryView {
            label: e.label.to_string(),
            text: e.text.map(str::to_string),
            url: format!("{}#{}", case.url, e.anchor),
            lesson: e.lesson,
            date: e.date.map(str::to_string),
        })
        .collect()
}

/// What every page of a paginated page needs to know.
struct Paging<'p> {
    per_page: usize,
    /// How many cases the site has.
    count: usize,
    base_path: &'p str,
    strings: &'p strings::Strings,
}

impl<'p> Paging<'p> {
    /// Page `number` of the page at `dir`, showing the cases in `range`: `context` builds the page's
    /// context from that range, and the pager and the page's position in the title are added.
    fn job(
        &self,
        dir: &str,
        template: &'static str,
        number: usize,
        range: std::ops::Range<usize>,
        context: impl Fn(std::ops::Range<usize>) -> Context + Send + Sync + 'p,
    ) -> Job<'p> {
        let pagination = pagination::paginate(
            self.base_path,
            dir,
            number,
            self.per_page,
            self.count,
            self.strings,
        );
        let strings = self.strings;
        let chunk = range.clone();
        Job::new(pagination::path(dir, number), template, move || {
            paged_page(context(chunk.clone()), &pagination, strings)
        })
        .deps(Deps::Cases(range))
    }
}

/// Adds the pager to one page of a paginated page, and its position to the title when there are several.
fn paged_page(
    mut ctx: Context,
    pagination: &pagination::Pagination,
    strings: &strings::Strings,
) -> Context {
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

fn page_context(key: &str, title: &str, description: &str, breadcrumbs: Vec<Crumb>) -> Context {
    let mut ctx = Context::new();
    ctx.insert("page_key", key);
    ctx.insert("title", title);
    ctx.insert("description", description);
    ctx.insert("breadcrumbs", &breadcrumbs);
    ctx
}

fn write_error(path: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error("io", format!("could not write {path}: {e}")).help(
        "check that the output folder is writable and the disk is not full; the previous site was left as it was",
    )
}

fn template_error(template: &str, e: &tera::Error) -> Diagnostic {
    use std::error::Error as _;
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::error(
        "template",
        format!("template `{template}` failed: {message}"),
    )
    .help(
        "if you override this template in templates/, compare it with the default theme's version",
    )
}

/// The publisher's colours, as custom properties over the theme's defaults (a file, not inline
/// styles, so the Content-Security-Policy can forbid inline CSS).
fn brand_css(theme: &crate::config::ThemeConfig) -> String {
    let mut css = String::from("/* Generated by inspira from [theme] in inspira.toml. */\n");
    if let Some(accent) = &theme.accent {
        css.push_str(&format!(
            ":root {{ --accent: {accent}; --link: {accent}; }}\n"
        ));
    }
    if let Some(accent) = &theme.accent_dark {
        css.push_str(&format!(
            "@media (prefers-color-scheme: dark) {{ :root {{ --accent: {accent}; --link: {accent}; }} }}\n"
        ));
    }
    css
}
