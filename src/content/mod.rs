//! Content: finding the files of a site and parsing them into typed cases and pages.

pub mod case;
pub mod date;
pub mod named;
pub mod page;
pub mod placeholder;
pub mod source;
pub mod stated;
mod yaml_error;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Text};
use crate::msg;
use case::CaseMeta;
use page::PageMeta;
use source::SourceFile;

/// A parsed case file.
#[derive(Debug, Clone)]
pub struct Case {
    pub slug: String,
    pub source: SourceFile,
    pub meta: CaseMeta,
    /// The Markdown body and the line of the file it starts on.
    pub body: String,
    pub body_line: usize,
}

/// A parsed free page.
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub source: SourceFile,
    pub meta: PageMeta,
    pub body: String,
    pub body_line: usize,
}

/// Everything under `content/` except the vocabularies.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Sorted by title, the Swedish way.
    pub cases: Vec<Case>,
    /// Sorted by menu position, then title.
    pub pages: Vec<Page>,
    /// Slugs of case files that exist but could not be parsed: references to them are not errors of
    /// their own, so one broken file gives one error rather than a cascade.
    pub unparsed_cases: Vec<String>,
}

/// Page slugs that would collide with the site's own sections.
pub const RESERVED_SLUGS: [&str; 8] = [
    "cases", "terms", "compare", "static", "search", "assets", "index", "404",
];

/// Checks that a slug or id is safe in a URL and a file name: a–z, 0–9 and inner `-`. The error
/// says what is wrong with it ("contains capital letters").
pub fn check_slug(slug: &str) -> Result<(), Text> {
    let problem = if slug.is_empty() {
        "slug-empty"
    } else if slug.contains("..") || slug.contains('/') || slug.contains('\\') {
        "slug-path"
    } else if slug.chars().any(|c| c.is_uppercase()) {
        "slug-capitals"
    } else if slug.chars().any(char::is_whitespace) {
        "slug-spaces"
    } else if !slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        "slug-characters"
    } else if slug.starts_with('-') || slug.ends_with('-') {
        "slug-dash"
    } else {
        return Ok(());
    };
    Err(Text::new(problem))
}

/// A sort key that orders Swedish text as a Swedish reader expects: å, ä, ö after z.
pub fn swedish_sort_key(text: &str) -> Vec<u32> {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => u32::from('z') + 1,
            'ä' | 'æ' => u32::from('z') + 2,
            'ö' | 'ø' => u32::from('z') + 3,
            'é' | 'è' => u32::from('e'),
            'ü' => u32::from('y'),
            c => u32::from(c),
        })
        .collect()
}

/// Loads every case and page below `root/content`, collecting every problem rather than stopping at the first.
pub fn load(root: &Path) -> (Content, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let case_files = find_markdown(root, Path::new("content/cases"), &mut diagnostics);
    let page_files = find_markdown(root, Path::new("content/pages"), &mut diagnostics);
    if case_files.is_empty() && !diagnostics.has_errors() {
        diagnostics
            .push(Diagnostic::error(Code::NoCases, msg!("no-cases")).help(msg!("no-cases-help")));
    }

    let cases: Vec<Result<Case, Diagnostic>> =
        case_files.par_iter().map(|p| load_case(root, p)).collect();
    let pages: Vec<Result<Page, Diagnostic>> =
        page_files.par_iter().map(|p| load_page(root, p)).collect();

    let mut content = Content::default();
    for (path, result) in case_files.iter().zip(&cases) {
        if result.is_err()
            && let Some(stem) = path.file_stem()
        {
            content
                .unparsed_cases
                .push(stem.to_string_lossy().into_owned());
        }
    }
    content.cases = unique_by_slug(
        cases,
        "cases",
        |c| (&c.slug, &c.source.path),
        &mut diagnostics,
    );
    content.pages = unique_by_slug(
        pages,
        "pages",
        |p| (&p.slug, &p.source.path),
        &mut diagnostics,
    );
    sort_cases(&mut content.cases);
    content.pages.sort_by(|a, b| {
        (
            a.meta.menu.unwrap_or(u32::MAX),
            swedish_sort_key(&a.meta.title),
            &a.slug,
        )
            .cmp(&(
                b.meta.menu.unwrap_or(u32::MAX),
                swedish_sort_key(&b.meta.title),
                &b.slug,
            ))
    });
    (content, diagnostics)
}

/// Puts cases in the case order: by title as a Swedish reader sorts, then by slug.
pub fn sort_cases(cases: &mut [Case]) {
    cases.sort_by_cached_key(case_order);
}

/// Where a case goes in the case order.
pub fn case_order(case: &Case) -> (Vec<u32>, String) {
    (swedish_sort_key(&case.meta.title), case.slug.clone())
}

/// Keeps the parsed files, reporting parse failures and a second file with a slug already taken.
fn unique_by_slug<T>(
    results: Vec<Result<T, Diagnostic>>,
    kind: &str,
    id: impl Fn(&T) -> (&String, &PathBuf),
    diagnostics: &mut Diagnostics,
) -> Vec<T> {
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut kept = Vec::with_capacity(results.len());
    for result in results {
        let item = match result {
            Ok(item) => item,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let (slug, path) = id(&item);
        if let Some(first) = seen.get(slug) {
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    msg!("duplicate-slug", kind = kind, slug = slug),
                )
                .in_file(path)
                .help(msg!(
                    "duplicate-slug-help",
                    first = first.display().to_string().replace('\\', "/")
                )),
            );
            continue;
        }
        seen.insert(slug.clone(), path.clone());
        kept.push(item);
    }
    kept
}

/// Every `.md` file below `root/dir`, as paths relative to `root`, sorted. Symlinks are followed; loops are errors.
fn find_markdown(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let full = root.join(dir);
    if !full.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&full).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if entry.file_type().is_file()
                    && !hidden
                    && path.extension().is_some_and(|e| e == "md")
                {
                    let relative = path.strip_prefix(root).unwrap_or(path).to_path_buf();
                    files.push(relative);
                }
            }
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
                let message = if e.loop_ancestor().is_some() {
                    msg!("walk-loop")
                } else {
                    msg!("walk-unreadable", error = e.to_string())
                };
                let mut d = Diagnostic::error(Code::Walk, message).help(msg!("walk-help"));
                if let Some(at) = at {
                    d = d.in_file(at);
                }
                diagnostics.push(d);
            }
        }
    }
    files
}

fn slug_of(relative: &Path, text: &str) -> Result<String, Diagnostic> {
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    check_slug(&stem).map_err(|problem| {
        let suggestion = slug::slugify(&stem);
        Diagnostic::error(
            Code::BadSlug,
            msg!("bad-slug-file", name = &stem, problem = problem),
        )
        .in_file(relative)
        .help(msg!("bad-slug-file-help", suggestion = suggestion))
        .label(text.lines().next().unwrap_or_default())
    })?;
    Ok(stem)
}

/// Reads and parses the case file at `relative` below `root`.
pub fn load_case(root: &Path, relative: &Path) -> Result<Case, Diagnostic> {
    parse_case(SourceFile::read(root, relative)?)
}

/// Parses a case from a file already in memory (its path names the slug). Used by loading and fuzzing.
pub fn parse_case(source: SourceFile) -> Result<Case, Diagnostic> {
    let slug = slug_of(&source.path, &source.text)?;
    let split = source.split()?;
    let meta: CaseMeta = source.parse_yaml(split.yaml, split.yaml_line)?;
    let (body, body_line) = (split.body.to_string(), split.body_line);
    Ok(Case {
        slug,
        meta,
        body,
        body_line,
        source,
    })
}

fn load_page(root: &Path, relative: &Path) -> Result<Page, Diagnostic> {
    let source = SourceFile::read(root, relative)?;
    let slug = slug_of(relative, &source.text)?;
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(
            Diagnostic::error(Code::ReservedSlug, msg!("reserved-slug", slug = &slug))
                .in_file(relative)
                .help(msg!(
                    "reserved-slug-help",
                    reserved = RESERVED_SLUGS.join(", ")
                )),
        );
    }
    let split = source.split()?;
    let meta: PageMeta = source.parse_yaml(split.yaml, split.yaml_line)?;
    let (body, body_line) = (split.body.to_string(), split.body_line);
    Ok(Page {
        slug,
        meta,
        body,
        body_line,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_slugs_are_refused() {
        assert!(check_slug("gislaved").is_ok());
        assert!(check_slug("region-jamtland-2").is_ok());
        assert!(check_slug("../etc").is_err());
        assert!(check_slug("a/b").is_err());
        assert!(check_slug("Gislaved").is_err());
        assert!(check_slug("två ord").is_err());
        assert!(check_slug("strömsund").is_err());
        assert!(check_slug("-x").is_err());
    }

    #[test]
    fn swedish_letters_sort_after_z() {
        let mut names = vec!["Örebro", "Älmhult", "Åre", "Vallentuna", "Botkyrka"];
        names.sort_by_key(|n| swedish_sort_key(n));
        assert_eq!(
            names,
            ["Botkyrka", "Vallentuna", "Åre", "Älmhult", "Örebro"]
        );
    }
}
