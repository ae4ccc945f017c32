//! Rendering: the pages ([`crate::pages`]) through Tera, on all cores, into a [`Sink`]; and the files
//! that are not pages (exports, generated stylesheets, the theme's static files).

use std::collections::BTreeSet;

use rayon::prelude::*;
use tera::Tera;

use crate::config::Config;
use crate::content::Content;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::CaseId;
use crate::output::Sink;
use crate::pages::{self, Indexed, Input, side_by_side};
use crate::routes::{self, Route};
use crate::search;
use crate::theme::Theme;
use crate::theme::strings::Strings;
use crate::view::values::{MenuItem, PageView, SiteView};
use crate::view::{Fingerprints, PageFingerprints, Views};
use crate::vocabulary::Vocabulary;

/// What [`Renderer::render_changed`] did.
pub struct Changed {
    /// Every page's fingerprint now.
    pub fingerprints: PageFingerprints,
    /// The files rendered again, in page order.
    pub written: Vec<String>,
    /// The files that are no longer pages.
    pub removed: Vec<String>,
}

/// Everything rendering needs, borrowed from the earlier stages.
pub struct Renderer<'a> {
    pub config: &'a Config,
    pub content: &'a Content,
    pub vocabulary: &'a Vocabulary,
    pub theme: &'a Theme,
    /// Adds the script that reloads the page when `inspira serve` rebuilds.
    pub live_reload: bool,
}

/// Everything pages are made from, built once per build (and kept by `inspira serve`, which updates
/// it case by case): the views and the templates.
pub struct Prepared {
    views: Views,
    tera: Tera,
}

impl Renderer<'_> {
    /// Builds the views and the templates.
    pub fn prepare(&self) -> Result<Prepared, Vec<Diagnostic>> {
        let views = Views::build(self.config, self.content, self.vocabulary, self.theme)?;
        let tera = self.tera(&views).map_err(|d| vec![d])?;
        Ok(Prepared { views, tera })
    }

    /// What [`Renderer::prepare`] would report, at a fraction of its cost (`inspira check`): every
    /// link resolved, every template compiled; no page is rendered.
    pub fn check(&self) -> Vec<Diagnostic> {
        let mut diagnostics = Views::check(self.config, self.content, self.vocabulary, self.theme);
        if let Err(e) = Tera::new().add_raw_templates(self.templates()) {
            diagnostics.push(template_error("(loading)", &e));
        }
        diagnostics
    }

    fn templates(&self) -> impl Iterator<Item = (&str, &str)> {
        self.theme
            .templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
    }

    /// Brings `p` up to date after case `i` was edited in place ([`Views::update_case`]).
    pub fn update_case(&self, p: &mut Prepared, i: CaseId) -> Result<(), Vec<Diagnostic>> {
        p.views.update_case(self.content, self.vocabulary, i)
    }

    /// Brings `p` up to date after any change to the cases ([`Views::restructure`]).
    pub fn restructure(
        &self,
        p: &mut Prepared,
        rebuild: &BTreeSet<&str>,
    ) -> Result<(), Vec<Diagnostic>> {
        p.views.restructure(self.content, self.vocabulary, rebuild)
    }

    /// Each page's fingerprint, by the file it is written to: what [`Renderer::render_changed`]
    /// compares with.
    pub fn fingerprints(&self, p: &Prepared) -> PageFingerprints {
        fingerprint(&p.views, self.content, &pages::jobs(self.input(p)))
    }

    /// Renders the pages whose fingerprint is not in `before` (new pages, and pages that show
    /// something that changed) into `sink`. Returns the pages' fingerprints now, the files written,
    /// and the files in `before` that are no longer pages, for the caller to remove.
    pub fn render_changed(
        &self,
        p: &Prepared,
        before: &PageFingerprints,
        sink: &dyn Sink,
    ) -> Result<Changed, Vec<Diagnostic>> {
        let jobs = pages::jobs(self.input(p));
        let now = fingerprint(&p.views, self.content, &jobs);
        let changed = jobs
            .into_iter()
            .filter(|job| {
                let file = job.file();
                before.get(&file) != now.get(&file)
            })
            .collect();
        let written = self.render(p, sink, None, changed)?;
        let removed = before
            .keys()
            .filter(|file| !now.contains_key(*file))
            .cloned()
            .collect();
        Ok(Changed {
            fingerprints: now,
            written,
            removed,
        })
    }

    /// The search records of every case, term and page, in a fixed order.
    pub fn records(&self, p: &Prepared) -> Vec<search::Record> {
        p.views.records(self.content)
    }

    fn input<'p>(&'p self, p: &'p Prepared) -> Input<'p> {
        Input {
            config: self.config,
            content: self.content,
            vocabulary: self.vocabulary,
            views: &p.views,
        }
    }

    /// Renders every page into `sink`; pages indexed from their HTML go to `search`. Returns the
    /// paths written, in page order.
    pub fn render_pages(
        &self,
        p: &Prepared,
        sink: &dyn Sink,
        search: Option<&search::Indexer>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        self.render(p, sink, search, pages::jobs(self.input(p)))
    }

    /// Renders `jobs`.
    fn render(
        &self,
        p: &Prepared,
        sink: &dyn Sink,
        search: Option<&search::Indexer>,
        jobs: Vec<pages::Job>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        let base_path = p.views.base_path.as_str();
        let written: Vec<String> = jobs.iter().map(pages::Job::file).collect();
        let rendered: Vec<Result<Option<search::Document>, Diagnostic>> = jobs
            .par_iter()
            .zip(&written)
            .map(|(job, file)| {
                let mut ctx = job.context();
                let url = job.url(base_path);
                ctx.insert("current_path", &url);
                let html = p
                    .tera
                    .render(job.template, &ctx)
                    .map_err(|e| template_error(job.template, &e))?;
                drop(ctx);
                sink.put(file, html.as_bytes())
                    .map_err(|e| write_error(file, &e))?;
                Ok((job.indexed == Indexed::Html && search.is_some())
                    .then_some(search::Document::Html { url, html }))
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

    /// Writes the files that are not pages into `sink`: exports, generated stylesheets and the
    /// theme's static files. Returns the files written.
    pub fn write_derived(&self, p: &Prepared, sink: &dyn Sink) -> Result<Vec<String>, Diagnostic> {
        let cases = &p.views.cases;
        let mut written = Vec::new();
        let mut put = |path: &str, bytes: &[u8]| {
            written.push(path.to_string());
            sink.put(path, bytes).map_err(|e| write_error(path, &e))
        };
        put(
            &routes::asset_file("brand.css"),
            brand_css(&self.config.theme).as_bytes(),
        )?;
        for (number, range) in pages::chunks(cases.len(), self.config.compare.cases_per_page) {
            put(
                &routes::asset_file(&side_by_side::css_name(number)),
                side_by_side::css(&cases[range]).as_bytes(),
            )?;
        }
        for (name, bytes) in &self.theme.static_files {
            put(&routes::asset_file(name), bytes)?;
        }
        let exports = crate::export::write(
            self.config,
            self.content,
            self.vocabulary,
            &p.views.links,
            cases,
            sink,
        )?;
        written.extend(exports);
        Ok(written)
    }

    /// The theme's templates, with what every page shows (the site, the menu, the interface texts)
    /// in the global context.
    fn tera(&self, views: &Views) -> Result<Tera, Diagnostic> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.add_raw_templates(self.templates())
            .map_err(|e| template_error("(loading)", &e))?;
        let config = self.config;
        let base_path = views.base_path.as_str();
        let site = SiteView {
            title: &config.title,
            plain_title: crate::pages::plain(&config.title),
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
                .map(|l| routes::asset(base_path, l)),
            accessibility: config.accessibility.is_some(),
            json_url: Route::Json.url(base_path),
        };
        let global = tera.global_context();
        global.insert("site", &site);
        global.insert(
            "menu",
            &menu(self.content, &views.pages, &views.strings, base_path),
        );
        global.insert("assets", &routes::asset(base_path, ""));
        global.insert("live_reload", &self.live_reload);
        global.insert("t", &views.strings);
        Ok(tera)
    }
}

/// Each of `jobs`' pages' fingerprint, by the file it is written to.
fn fingerprint(views: &Views, content: &Content, jobs: &[pages::Job]) -> PageFingerprints {
    let fingerprints = Fingerprints::new(views, content);
    jobs.par_iter()
        .map(|job| (job.file(), fingerprints.of(&job.deps)))
        .collect()
}

/// The main menu: the site's sections, then the free pages that ask to be in it.
fn menu(
    content: &Content,
    pages: &[PageView],
    strings: &Strings,
    base_path: &str,
) -> Vec<MenuItem> {
    let item = |key: &str, title: &str, route: Route| MenuItem {
        key: key.into(),
        title: strings.get(title).into(),
        url: route.url(base_path),
    };
    let mut menu = vec![
        item("home", "menu_home", Route::Home),
        item("cases", "menu_cases", Route::Cases),
        item("compare", "menu_compare", Route::Compare),
        item("timeline", "menu_timeline", Route::Timeline),
        item("terms", "menu_terms", Route::Terms),
        item("search", "menu_search", Route::Search),
    ];
    for page in content.pages.iter().filter(|p| p.meta.menu.is_some()) {
        if let Some(view) = pages.iter().find(|v| v.slug == page.slug) {
            menu.push(MenuItem {
                key: format!("page:{}", view.slug),
                title: view.title.clone(),
                url: view.url.clone(),
            });
        }
    }
    menu
}

fn write_error(path: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::Io,
        crate::msg!("path-not-written", path = path, error = e.to_string()),
    )
    .help(crate::msg!("site-not-written-help"))
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
        Code::Template,
        crate::msg!("template-failed", template = template, error = message),
    )
    .help(crate::msg!("template-failed-help"))
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
