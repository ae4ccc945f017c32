//! Links written from the site's root (`[Skåne](/cases/skane/)`). They work while the site is
//! published at a host's root and break under a base URL with a path
//! (`https://example.org/integration/`); an `@/` link to the file is resolved under any base URL and
//! checked. The suggestion is the exact `@/` form when the address is one of a case, a page, a
//! vocabulary or a term.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use crate::content::{Content, RESERVED_SLUGS};
use crate::diagnostics::{Arg, Code, Diagnostic, Diagnostics, Text, did_you_mean_among};
use crate::markdown;
use crate::msg;
use crate::routes::Route;
use crate::vocabulary::Vocabulary;

/// What a link can be rewritten to point at.
pub struct Targets<'a> {
    pub cases: &'a BTreeSet<&'a str>,
    pub pages: &'a BTreeSet<&'a str>,
    pub vocabulary: &'a Vocabulary,
}

/// A file's text, where its Markdown body starts, and its front matter as parsed.
pub struct File<'a, T: Serialize> {
    pub path: &'a Path,
    pub text: &'a str,
    pub body: &'a str,
    pub body_line: usize,
    pub meta: &'a T,
}

/// Warnings for the root-relative links in a file's body and in any text of its front matter.
pub fn root_relative_links<T: Serialize>(file: &File<'_, T>, targets: &Targets) -> Diagnostics {
    let mut out = Diagnostics::new();
    for (offset, target) in markdown::root_relative_links(file.body) {
        let from = file.body[offset..]
            .find(target.as_str())
            .map_or(offset, |i| offset + i);
        let line = file.body_line + file.body[..from].matches('\n').count();
        out.push(warning(file, line, &target, targets));
    }
    let yaml_lines = file.body_line.saturating_sub(2);
    let front = front_matter(file.text, yaml_lines);
    if !markdown::may_have_root_link(front) {
        return out;
    }
    let Ok(meta) = serde_json::to_value(file.meta) else {
        return out;
    };
    let mut texts = Vec::new();
    strings(&meta, &mut texts);
    for text in texts {
        for (_, target) in markdown::root_relative_links(text) {
            let line = front
                .lines()
                .position(|l| l.contains(&format!("]({target}")))
                .or_else(|| front.lines().position(|l| l.contains(target.as_str())))
                .map_or(1, |i| i + 1);
            out.push(warning(file, line, &target, targets));
        }
    }
    out
}

/// The first `lines` lines of `text`: the front matter, up to the closing `---`.
fn front_matter(text: &str, lines: usize) -> &str {
    match text.match_indices('\n').nth(lines.saturating_sub(1)) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Every string in a parsed front matter.
fn strings<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn warning<T: Serialize>(
    file: &File<'_, T>,
    line: usize,
    target: &str,
    targets: &Targets,
) -> Diagnostic {
    let line_text = file.text.lines().nth(line - 1).unwrap_or_default();
    let column = line_text
        .find(target)
        .map_or(1, |b| line_text[..b].chars().count() + 1);
    let d = Diagnostic::warning(
        Code::RootRelativeLink,
        msg!("root-relative-link", target = target),
    )
    .in_file(file.path)
    .at(file.text, line, column, target.chars().count())
    .label(msg!("root-relative-link-label"));
    match at_form(target, targets) {
        Some(form) => d.help(msg!("root-relative-link-help", link = form)),
        None => d.help(msg!("root-relative-link-other-help")),
    }
}

/// The `@/` link to what `target` addresses, when it is a case, a page, a vocabulary or a term of
/// the site, under the root or any base path (`/integration/cases/skane/` → `@/cases/skane.md`).
fn at_form(target: &str, targets: &Targets) -> Option<String> {
    let (path, fragment) = match target.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (target, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let mut path = path.trim_end_matches("index.html").to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    let with_fragment = |form: String| match fragment {
        Some(f) if !f.is_empty() => format!("{form}#{f}"),
        _ => form,
    };
    let cases = targets.cases.iter().map(|slug| {
        (
            Route::Case(slug).url("/"),
            with_fragment(format!("@/cases/{slug}.md")),
        )
    });
    let pages = targets.pages.iter().map(|slug| {
        (
            Route::Page(slug).url("/"),
            with_fragment(format!("@/pages/{slug}.md")),
        )
    });
    let vocabulary = targets.vocabulary.dimensions().flat_map(|d| {
        let file = d.dimension.file_name();
        let terms = d.ids().map(move |id| {
            (
                Route::Term(d.dimension, id).url("/"),
                format!("@/vocabulary/{file}#{id}"),
            )
        });
        [(
            Route::Dimension(d.dimension).url("/"),
            with_fragment(format!("@/vocabulary/{}", d.dimension.file_name())),
        )]
        .into_iter()
        .chain(terms.collect::<Vec<_>>())
    });
    cases
        .chain(pages)
        .chain(vocabulary)
        .filter(|(url, _)| addresses(&path, url))
        .max_by_key(|(url, _)| url.len())
        .map(|(_, form)| form)
}

/// Whether `path` is `url` under the root or under a base path: `/integration/om/` addresses
/// `/om/`, but `/cases/om/` does not (it is a case's address, not the page's).
fn addresses(path: &str, url: &str) -> bool {
    let Some(prefix) = path.strip_suffix(url) else {
        return false;
    };
    let parent = prefix.rsplit('/').next().unwrap_or_default();
    !RESERVED_SLUGS.contains(&parent)
}

/// Gives a broken link to a case the suggestion found by the cases' titles and places as well as
/// their slugs: `@/cases/kommunforbundet-skane.md` → `skane`, the case titled Kommunförbundet Skåne.
/// (The links are resolved while the views are built, which know only slugs.)
pub fn suggest_cases_by_title(problems: &mut [Diagnostic], content: &Content) {
    for d in problems.iter_mut().filter(|d| d.code == Code::BrokenLink) {
        let Text::Message {
            id: "broken-link",
            args,
        } = &d.message
        else {
            continue;
        };
        let Some((_, Arg::Text(target))) = args.iter().find(|(name, _)| *name == "target") else {
            continue;
        };
        let Some(slug) = target
            .strip_prefix("@/cases/")
            .map(|s| s.split('#').next().unwrap_or(s).trim_end_matches(".md"))
        else {
            continue;
        };
        let names = content.cases.iter().flat_map(|c| {
            [
                (c.slug.as_str(), c.slug.as_str()),
                (c.slug.as_str(), c.meta.title.as_str()),
                (c.slug.as_str(), c.meta.place.as_str()),
            ]
        });
        if let Some(best) = did_you_mean_among(slug, names) {
            let link = format!("@/cases/{best}.md");
            d.help = Some(msg!("broken-link-did-you-mean", link = link));
        }
    }
}
