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
        }
    }
}

impl Renderer<'_> {
    /// Renders every file into `sink` and, when given one, feeds `search` as it goes. Returns the
    /// paths written, sorted, or every problem found on the way (files already in the sink are then
    /// incomplete and should be thrown away).
    pub fn render(
        &self,
        sink: &dyn Sink,
        search: Option<&search::Indexer>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        let base_path = self.config.base_path();
        let links = Links::new(
            &base_path,
            self.content.cases.iter().map(|c| c.slug.as_str()),
            self.content.pages.iter().map(|p| p.slug.as_str()),
            self.vocabulary,
        );
        let strings = strings::load(&self.config.ui_language, &self.theme.string_tables)
            .map_err(|d| vec![d])?;
        let t = |key: &'static str| strings.get(key).to_string();
        let index = TermIndex::build(self.content);
        let builder = ViewBuilder {
            strings: &strings,
            content: self.content,
            vocabulary: self.vocabulary,
            links: &links,
            index: &index,
        };
        let (cases, mut diagnostics) = builder.cases();
        let briefs: Vec<view::CaseSummary> = cases.iter().map(CaseView::brief).collect();
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
                    cases: p
                        .meta
                        .cases
                        .iter()
                        .filter_map(|r| cases.iter().find(|c| c.slug == r.value))
                        .map(|c| CaseLink {
                            title: c.title.clone(),
                            url: c.url.clone(),
                            summary: c.summary.clone(),
                        })
                        .collect(),
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
        if let Some(search) = search {
            for record in records::records(self.content, &cases, &dimensions, &pages, &strings) {
                search.add(search::Document::Record(record));
            }
        }

        let (cases, briefs, dimensions, pages, strings, index, links, base_path) = (
            &cases,
            &briefs,
            &dimensions,
            &pages,
            &strings,
            &index,
            &links,
            base_path.as_str(),
        );
        let t = &t;
        let mut jobs: Vec<Job> = Vec::new();
        jobs.push(Job::new("index.html", "index.html", move || {
            self.home_context(briefs, dimensions, pages)
        }));
        jobs.push(Job::new("404.html", "404.html", move || {
            page_context("404", &t("not_found_title"), "", vec![])
        }));
        jobs.push(Job::new("cases/index.html", "cases.html", move || {
            let mut ctx = page_context("cases", &t("cases_title"), &t("cases_description"), vec![]);
            ctx.insert("cases", briefs);
            ctx.insert("facets", &facets::facets(cases, dimensions, strings));
            let case_facets: Vec<facets::CaseFacets> =
                cases.iter().map(facets::case_facets).collect();
            ctx.insert("case_facets", &case_facets);
            ctx
        }));
        for (i, case) in cases.iter().enumerate() {
            jobs.push(Job::new(
                format!("cases/{}/index.html", case.slug),
                "case.html",
                move || {
                    let mut ctx = page_context(
                        "cases",
                        &case.title,
                        &case.summary,
                        vec![crumb(&t("menu_cases"), &format!("{base_path}cases/"))],
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
            ));
        }
        jobs.push(Job::new("terms/index.html", "terms.html", move || {
            let mut ctx = page_context("terms", &t("terms_title"), &t("terms_description"), vec![]);
            ctx.insert("dimensions", dimensions);
            ctx
        }));
        for dim in dimensions {
            jobs.push(Job::new(
                format!("terms/{}/index.html", dim.slug),
                "dimension.html",
                move || {
                    let mut ctx = page_context(
                        "terms",
                        &dim.title,
                        dim.description.as_deref().unwrap_or(""),
                        vec![crumb(&t("menu_terms"), &format!("{base_path}terms/"))],
                    );
                    ctx.insert("dimension", dim);
                    ctx
                },
            ));
            for term in &dim.terms {
                jobs.push(Job::new(
                    format!("terms/{}/{}/index.html", dim.slug, term.id),
                    "term.html",
                    move || self.term_context(dim, term, cases, index, links, base_path, t),
                ));
            }
        }
        // The pages that show every case, one page per `cases_per_page` cases.
        let per_page = self.config.compare.cases_per_page;
        let chunks: Vec<(usize, std::ops::Range<usize>)> =
            (0..cases.len().div_ceil(per_page).max(1))
                .map(|k| (k + 1, k * per_page..((k + 1) * per_page).min(cases.len())))
                .collect();
        for (number, range) in chunks.iter().cloned() {
            let pagination = pagination::paginate(
                base_path,
                "compare/",
                number,
                per_page,
                cases.len(),
                strings,
            );
            let chunk = range.clone();
            jobs.push(Job::new(
                pagination::path("compare/", number),
                "compare.html",
                move || {
                    let mut ctx = page_context(
                        "compare",
                        &t("compare_title"),
                        &t("compare_description"),
                        vec![],
                    );
                    ctx.insert("cases", &briefs[chunk.clone()]);
                    ctx.insert("dimensions", dimensions);
                    paged_page(ctx, &pagination, strings)
                },
            ));
            let pagination = pagination::paginate(
                base_path,
                "compare/facts/",
                number,
                per_page,
                cases.len(),
                strings,
            );
            let chunk = range.clone();
            jobs.push(Job::new(
                pagination::path("compare/facts/", number),
                "facts.html",
                move || {
                    let ctx = sections::facts_page(&cases[chunk.clone()], base_path, strings);
                    paged_page(ctx, &pagination, strings)
                },
            ));
            let pagination = pagination::paginate(
                base_path,
                "timeline/",
                number,
                per_page,
                cases.len(),
                strings,
            );
            let chunk = range.clone();
            jobs.push(Job::new(
                pagination::path("timeline/", number),
                "timeline.html",
                move || {
                    let ctx = sections::timeline_page(&cases[chunk.clone()], strings);
                    paged_page(ctx, &pagination, strings)
                },
            ));
            let pagination = pagination::paginate(
                base_path,
                "compare/side-by-side/",
                number,
                per_page,
                cases.len(),
                strings,
            );
            let chunk = range.clone();
            jobs.push(Job::new(
                pagination::path("compare/side-by-side/", number),
                "side-by-side.html",
                move || {
                    let mut ctx = sections::side_by_side_page(
                        &cases[chunk.clone()],
                        dimensions,
                        base_path,
                        strings,
                    );
                    ctx.insert("side_by_side_css", &sections::side_by_side_css_name(number));
                    paged_page(ctx, &pagination, strings)
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
            jobs.push(job);
        }
        for dim in dimensions {
            let dir = format!("compare/{}/", dim.slug);
            for (number, range) in chunks.iter().cloned() {
                let pagination =
                    pagination::paginate(base_path, &dir, number, per_page, cases.len(), strings);
                jobs.push(Job::new(
                    pagination::path(&dir, number),
                    "matrix.html",
                    move || {
                        let dimension = dim.dimension;
                        let cases = &cases[range.clone()];
                        let rows: Vec<MatrixRow> = dim
                            .terms
                            .iter()
                            .map(|term| MatrixRow {
                                term,
                                cells: cases
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
                            vec![crumb(&t("menu_compare"), &format!("{base_path}compare/"))],
                        );
                        ctx.insert("dimension", dim);
                        ctx.insert("cases", &briefs[range.clone()]);
                        ctx.insert("rows", &rows);
                        paged_page(ctx, &pagination, strings)
                    },
                ));
            }
        }
        for page in pages {
            jobs.push(Job::new(
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
            ));
            if page.publication.is_some() && !page.cases.is_empty() {
                jobs.push(Job::new(
                    format!("{}/booklet/index.html", page.slug),
                    "booklet.html",
                    move || booklet::booklet_page(page, cases, dimensions, strings),
                ));
            }
        }
        jobs.push(Job::new("search/index.html", "search.html", move || {
            let mut ctx = page_context(
                "search",
                &t("search_title"),
                &t("search_description"),
                vec![],
            );
            ctx.insert("cases", briefs);
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
            jobs.push(Job::new("sitemap.xml", "sitemap.xml", move || {
                let mut ctx = Context::new();
                ctx.insert("urls", &urls);
                ctx
            }));
            let feed_origin = origin.clone();
            jobs.push(Job::new("atom.xml", "atom.xml", move || {
                let mut ctx = Context::new();
                ctx.insert("origin", &feed_origin);
                ctx.insert("cases", briefs);
                let newest = cases
                    .iter()
                    .map(|c| c.changed.as_str())
                    .max()
                    .unwrap_or("1970-01-01T00:00:00Z");
                ctx.insert("updated", newest);
                ctx
            }));
            jobs.push(Job::new("robots.txt", "robots.txt", move || {
                let mut ctx = Context::new();
                ctx.insert("sitemap", &format!("{origin}{base_path}sitemap.xml"));
                ctx
            }));
        }

        let mut written: Vec<String> = jobs.iter().map(|job| job.path.clone()).collect();
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

        let mut files: Vec<OutputFile> =
            crate::export::files(self.config, self.content, self.vocabulary, links, cases)
                .map_err(|d| vec![d])?;
        if let Some(logo) = &self.config.theme.logo
            && !self.theme.static_files.iter().any(|(name, _)| name == logo)
        {
            return Err(vec![
                Diagnostic::error("config", format!("the logo `{logo}` is not in static/"))
                    .in_file(crate::config::CONFIG_FILE)
                    .help(format!(
                        "put the file at static/{logo}, or correct `logo` under [theme]"
                    )),
            ]);
        }
        files.push((
            "assets/brand.css".into(),
            brand_css(&self.config.theme).into_bytes(),
        ));
        for (number, range) in chunks {
            files.push((
                format!("assets/{}", sections::side_by_side_css_name(number)),
                sections::side_by_side_css(&cases[range]).into_bytes(),
            ));
        }
        for (path, bytes) in &files {
            sink.put(path, bytes)
                .map_err(|e| vec![write_error(path, &e)])?;
        }
        for (name, bytes) in &self.theme.static_files {
            let path = format!("assets/{name}");
            sink.put(&path, bytes)
                .map_err(|e| vec![write_error(&path, &e)])?;
            written.push(path);
        }
        written.extend(files.into_iter().map(|(path, _)| path));
        written.sort();
        Ok(written)
    }

    #[allow(clippy::too_many_arguments)]
    fn term_context(
        &self,
        dim: &DimensionView,
        term: &context::TermSummary,
        cases: &[CaseView],
        index: &TermIndex,
        links: &Links,
        base_path: &str,
        t: &dyn Fn(&'static str) -> String,
    ) -> Context {
        let dimension = dim.dimension;
        let mut ctx = page_context(
            "terms",
            &term.label,
            &term.definition,
            vec![
                crumb(&t("menu_terms"), &format!("{base_path}terms/")),
                crumb(&dim.title, &dim.url),
            ],
        );
        ctx.insert("dimension", dim);
        ctx.insert("term", term);
        ctx.insert("uses", &self.term_uses(cases, index, dimension, &term.id));
        let related: Vec<RelatedTermView> =
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
                .collect();
        ctx.insert("related_terms", &related);
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
    ) -> Context {
        let mut ctx = page_context("home", &self.config.title, &self.config.description, vec![]);
        ctx.insert("cases", cases);
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
    ) -> Vec<TermCaseView<'c>> {
        index
            .usages(dimension, term)
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
