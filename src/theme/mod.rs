//! The theme: templates and static files. The default theme is compiled into the binary, so any folder
//! with content can be built; a site overrides any template with `templates/<name>` and any static file
//! with `static/<path>`.

pub mod strings;

use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostics::{Code, Diagnostic};

/// Templates of the default theme, by name.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "cases.html",
        include_str!("../../themes/default/templates/cases.html"),
    ),
    (
        "case.html",
        include_str!("../../themes/default/templates/case.html"),
    ),
    (
        "terms.html",
        include_str!("../../themes/default/templates/terms.html"),
    ),
    (
        "dimension.html",
        include_str!("../../themes/default/templates/dimension.html"),
    ),
    (
        "term.html",
        include_str!("../../themes/default/templates/term.html"),
    ),
    (
        "compare.html",
        include_str!("../../themes/default/templates/compare.html"),
    ),
    (
        "matrix.html",
        include_str!("../../themes/default/templates/matrix.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "atom.xml",
        include_str!("../../themes/default/templates/atom.xml"),
    ),
    (
        "sitemap.xml",
        include_str!("../../themes/default/templates/sitemap.xml"),
    ),
    (
        "robots.txt",
        include_str!("../../themes/default/templates/robots.txt"),
    ),
    (
        "accessibility.html",
        include_str!("../../themes/default/templates/accessibility.html"),
    ),
    (
        "booklet.html",
        include_str!("../../themes/default/templates/booklet.html"),
    ),
    (
        "facts.html",
        include_str!("../../themes/default/templates/facts.html"),
    ),
    (
        "timeline.html",
        include_str!("../../themes/default/templates/timeline.html"),
    ),
    (
        "side-by-side.html",
        include_str!("../../themes/default/templates/side-by-side.html"),
    ),
    (
        "partials/source.html",
        include_str!("../../themes/default/templates/partials/source.html"),
    ),
    (
        "partials/pager.html",
        include_str!("../../themes/default/templates/partials/pager.html"),
    ),
];

/// Static files of the default theme, by path below the output's `assets/`.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "compare.js",
        include_bytes!("../../themes/default/static/compare.js"),
    ),
    (
        "facets.js",
        include_bytes!("../../themes/default/static/facets.js"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
];

/// Templates and static files after applying the site's overrides.
#[derive(Debug, Clone)]
pub struct Theme {
    pub templates: Vec<(String, String)>,
    pub static_files: Vec<(String, Vec<u8>)>,
    /// The site's string tables from `i18n/` (file name, text); the theme's own are built in.
    pub string_tables: Vec<(String, String)>,
}

impl Theme {
    /// Checks what the configuration asks of the theme: a logo named under `[theme]` must be one of
    /// its static files.
    pub fn check_config(&self, config: &crate::config::Config) -> Result<(), Diagnostic> {
        match &config.theme.logo {
            Some(logo) if !self.static_files.iter().any(|(name, _)| name == logo) => Err(
                Diagnostic::error(Code::Config, crate::msg!("logo-missing", logo = logo))
                    .in_file(crate::config::CONFIG_FILE)
                    .help(crate::msg!("logo-missing-help", logo = logo)),
            ),
            _ => Ok(()),
        }
    }

    /// The default theme, overridden by `root/templates/**` and `root/static/**`.
    pub fn load(root: &Path) -> Result<Theme, Diagnostic> {
        let mut templates: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let mut static_files: Vec<(String, Vec<u8>)> = DEFAULT_STATIC
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        for (name, bytes) in read_tree(root, "templates")? {
            let text = String::from_utf8(bytes).map_err(|_| {
                Diagnostic::error(Code::NotUtf8, crate::msg!("template-not-utf8"))
                    .in_file(Path::new("templates").join(&name))
            })?;
            upsert(&mut templates, name, text);
        }
        for (name, bytes) in read_tree(root, "static")? {
            upsert(&mut static_files, name, bytes);
        }
        let mut string_tables = Vec::new();
        for (name, bytes) in read_tree(root, "i18n")? {
            let text = String::from_utf8(bytes).map_err(|_| {
                Diagnostic::error(Code::NotUtf8, crate::msg!("i18n-not-utf8"))
                    .in_file(Path::new("i18n").join(&name))
            })?;
            string_tables.push((name, text));
        }
        Ok(Theme {
            templates,
            static_files,
            string_tables,
        })
    }
}

fn upsert<T>(list: &mut Vec<(String, T)>, name: String, value: T) {
    match list.iter_mut().find(|(n, _)| *n == name) {
        Some(entry) => entry.1 = value,
        None => list.push((name, value)),
    }
    list.sort_by(|a, b| a.0.cmp(&b.0));
}

/// Every file below `root/dir`, as (`/`-separated relative name, bytes), sorted by name.
fn read_tree(root: &Path, dir: &str) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let base = root.join(dir);
    if !base.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(&base).follow_links(true).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            Diagnostic::error(
                Code::Walk,
                crate::msg!("folder-unreadable", folder = dir, error = e.to_string()),
            )
            .in_file(dir)
        })?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let relative = entry.path().strip_prefix(&base).unwrap_or(entry.path());
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path()).map_err(|e| {
            Diagnostic::error(
                Code::Io,
                crate::msg!("file-unreadable", error = e.to_string()),
            )
            .in_file(Path::new(dir).join(relative))
        })?;
        out.push((name, bytes));
    }
    Ok(out)
}
