//! Rendering: the validated site and its derived indexes, through Tera, into files in memory.

mod booklet;
pub mod chart;
mod context;
mod facets;
pub mod format;
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

impl Renderer<'_> {
    /// Renders every page. Returns the files, or every problem found on the way.
    pub fn render(&self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
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

        let mut jobs: Vec<(String, &'static str, Context)> = Vec::new();
        jobs.push((
            "index.html".into(),
            "index.html",
            self.home_context(&briefs, &dimensions, &pages),
        ));
        jobs.push((
            "404.html".into(),
            "404.html",
            page_context("404", &t("not_found_title"), "", vec![]),
        ));
        let mut ctx = page_context("cases", &t("cases_title"), &t("cases_description"), vec![]);
        ctx.insert("cases", &briefs);
        ctx.insert("facets", &facets::facets(&cases, &dimensions, &strings));
        let case_facets: Vec<facets::CaseFacets> = cases.iter().map(facets::case_facets).collect();
        ctx.insert("case_facets", &case_facets);
        jobs.push(("cases/index.html".into(), "cases.html", ctx));
        for (i, case) in cases.iter().enumerate() {
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
            jobs.push((format!("cases/{}/index.html", case.slug), "case.html", ctx));
        }
        let mut ctx = page_context("terms", &t("terms_title"), &t("terms_description"), vec![]);
        ctx.insert("dimensions", &dimensions);
        jobs.push(("terms/index.html".into(), "terms.html", ctx));
        for dim in &dimensions {
            let mut ctx = page_context(
                "terms",
                &dim.title,
                dim.description.as_deref().unwrap_or(""),
                vec![crumb(&t("menu_terms"), &format!("{base_path}terms/"))],
            );
            ctx.insert("dimension", dim);
            jobs.push((
                format!("terms/{}/index.html", dim.slug),
                "dimension.html",
                ctx,
            ));
            let dimension = dim.dimension;
            for term in &dim.terms {
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
                ctx.insert("uses", &self.term_uses(&cases, &index, dimension, &term.id));
                let related: Vec<RelatedTermView> = compare::cooccurring(
                    self.content,
                    &index,
                    self.vocabulary,
                    dimension,
                    &term.id,
                )
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
                jobs.push((
                    format!("terms/{}/{}/index.html", dim.slug, term.id),
                    "term.html",
                    ctx,
                ));
            }
        }
        let mut ctx = page_context(
            "compare",
            &t("compare_title"),
            &t("compare_description"),
            vec![],
        );
        ctx.insert("cases", &briefs);
        ctx.insert("dimensions", &dimensions);
        jobs.push(("compare/index.html".into(), "compare.html", ctx));
        jobs.push(sections::facts_page(&cases, &base_path, &strings));
        jobs.push(sections::timeline_page(&cases, &strings));
        jobs.push(sections::side_by_side_page(
            &cases,
            &dimensions,
            &base_path,
            &strings,
        ));
        if let Some(statement) = &self.config.accessibility {
            let mut ctx = page_context(
                "accessibility",
                &strings.format("a11y_title", &[("site", &self.config.title)]),
                &t("a11y_description"),
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
            jobs.push(("accessibility/index.html".into(), "accessibility.html", ctx));
        }
        for dim in &dimensions {
            let dimension = dim.dimension;
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
            ctx.insert("cases", &briefs);
            ctx.insert("rows", &rows);
            jobs.push((
                format!("compare/{}/index.html", dim.slug),
                "matrix.html",
                ctx,
            ));
        }
        for page in &pages {
            let mut ctx = page_context(
                &format!("page:{}", page.slug),
                &page.title,
                &page.summary,
                vec![],
            );
            ctx.insert("page", page);
            jobs.push((format!("{}/index.html", page.slug), "page.html", ctx));
            if page.publication.is_some() && !page.cases.is_empty() {
                jobs.push(booklet::booklet_page(page, &cases, &dimensions, &strings));
            }
        }
        let mut ctx = page_context(
            "search",
            &t("search_title"),
            &t("search_description"),
            vec![],
        );
        ctx.insert("cases", &briefs);
        ctx.insert("dimensions", &dimensions);
        ctx.insert("pages", &pages);
        jobs.push(("search/index.html".into(), "search.html", ctx));

        if let Some(origin) = self.config.origin() {
            let mut urls: Vec<String> = jobs
                .iter()
                .filter(|(path, _, _)| path != "404.html")
                .map(|(path, _, _)| {
                    format!("{origin}{base_path}{}", path.trim_end_matches("index.html"))
                })
                .collect();
            urls.sort();
            let mut ctx = Context::new();
            ctx.insert("urls", &urls);
            jobs.push(("sitemap.xml".into(), "sitemap.xml", ctx));
            let mut ctx = Context::new();
            ctx.insert("origin", &origin);
            ctx.insert("cases", &briefs);
            let newest = cases
                .iter()
                .map(|c| c.changed.as_str())
                .max()
                .unwrap_or("1970-01-01T00:00:00Z");
            ctx.insert("updated", newest);
            jobs.push(("atom.xml".into(), "atom.xml", ctx));
            let mut ctx = Context::new();
            ctx.insert("sitemap", &format!("{origin}{base_path}sitemap.xml"));
            jobs.push(("robots.txt".into(), "robots.txt", ctx));
        }
        let rendered: Vec<Result<OutputFile, Diagnostic>> = jobs
            .par_iter()
            .map(|(path, template, ctx)| {
                let mut ctx = ctx.clone();
                ctx.insert(
                    "current_path",
                    &format!("{base_path}{}", path.trim_end_matches("index.html")),
                );
                tera.render(template, &ctx)
                    .map(|html| (path.clone(), html.into_bytes()))
                    .map_err(|e| template_error(template, &e))
            })
            .collect();
        let mut files = Vec::with_capacity(rendered.len() + self.theme.static_files.len());
        match crate::export::files(self.config, self.content, self.vocabulary, &links, &cases) {
            Ok(exports) => files.extend(exports),
            Err(d) => return Err(vec![d]),
        }
        let mut errors = Vec::new();
        for r in rendered {
            match r {
                Ok(f) => files.push(f),
                Err(d) => errors.push(d),
            }
        }
        if !errors.is_empty() {
            errors.sort_by(|a, b| a.message.cmp(&b.message));
            errors.dedup();
            return Err(errors);
        }
        for (name, bytes) in &self.theme.static_files {
            files.push((format!("assets/{name}"), bytes.clone()));
        }
        files.push((
            "assets/brand.css".into(),
            brand_css(&self.config.theme).into_bytes(),
        ));
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
            "assets/side-by-side.css".into(),
            sections::side_by_side_css(&cases).into_bytes(),
        ));
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
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
