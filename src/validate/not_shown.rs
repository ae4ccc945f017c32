//! Values the site silently leaves out: given in a file, never shown on a page, because of what
//! else the file says or does not say. Each is reported where it is written, with what would make
//! it show.

use crate::content::case::StrategyDocument;
use crate::content::date::PartialDate;
use crate::content::{Case, Page};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Text};
use crate::msg;

use super::lines::FieldLine;

/// Whether the document's validity ended before it was last checked (its `status_checked`, or the
/// case's `updated`): the case page then says so, whatever the status was. The same rule as the
/// case page's status (`view::truth::status_text`).
fn ended(document: &StrategyDocument, updated: Option<PartialDate>) -> bool {
    let as_of = document.status_checked.into_iter().chain(updated).max();
    matches!((document.valid_until, as_of), (Some(until), Some(as_of)) if as_of.certainly_after(&until))
}

/// Whether the site shows an address as a link: only web addresses are.
fn is_web_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// How to write an address so that it is shown.
fn url_help(url: &str) -> Text {
    if url.starts_with('/') || url.starts_with("@/") {
        msg!("not-shown-url-own-site-help")
    } else {
        msg!(
            "not-shown-url-help",
            example = format!("https://{}", url.trim_start_matches("//"))
        )
    }
}

/// The values of a case that its page would not show.
pub fn case(case: &Case, lines: &[FieldLine]) -> Diagnostics {
    let meta = &case.meta;
    let document = &meta.document;
    let mut found: Vec<(&str, usize, Text, Text)> = Vec::new();
    if document.status_checked.is_some()
        && document.status.is_none()
        && !ended(document, meta.updated)
    {
        found.push((
            "document.status_checked",
            0,
            msg!("not-shown-status-checked"),
            msg!("not-shown-status-checked-help"),
        ));
    }
    if document.valid_until.is_some() && document.status_checked.is_none() && meta.updated.is_none()
    {
        found.push((
            "document.valid_until",
            0,
            msg!("not-shown-valid-until"),
            msg!("not-shown-valid-until-help"),
        ));
    }
    if let Some(url) = document.url.as_deref().filter(|u| !is_web_url(u)) {
        found.push((
            "document.url",
            0,
            msg!("not-shown-document-url", url = url),
            url_help(url),
        ));
    }
    let with_url = meta.sources.iter().filter(|s| s.url.is_some());
    for (nth, source) in with_url.enumerate() {
        if let Some(url) = source.url.as_deref().filter(|u| !is_web_url(u)) {
            found.push((
                "sources[].url",
                nth,
                msg!("not-shown-source-url", url = url),
                url_help(url),
            ));
        }
    }
    found
        .into_iter()
        .map(|(path, nth, message, help)| at(case_file(case), lines, path, nth, message, help))
        .collect()
}

/// The values of a free page that the site would not show.
pub fn page(page: &Page, lines: &[FieldLine]) -> Diagnostics {
    let mut out = Diagnostics::new();
    if page
        .meta
        .publication
        .as_ref()
        .is_some_and(|p| p.url.is_some())
    {
        out.push(at(
            (&page.source.path, &page.source.text),
            lines,
            "publication.url",
            0,
            msg!("not-shown-publication-url"),
            msg!("not-shown-publication-url-help"),
        ));
    }
    out
}

fn case_file(case: &Case) -> (&std::path::Path, &str) {
    (&case.source.path, &case.source.text)
}

/// The warning, at the `nth` field with `path`.
fn at(
    (file, text): (&std::path::Path, &str),
    lines: &[FieldLine],
    path: &str,
    nth: usize,
    message: Text,
    help: Text,
) -> Diagnostic {
    let d = Diagnostic::warning(Code::NotShown, message)
        .in_file(file)
        .help(help);
    match lines.iter().filter(|l| l.path == path).nth(nth) {
        Some(l) => d
            .at(text, l.line, l.column, l.key.chars().count())
            .label(msg!("not-shown-label")),
        None => d,
    }
}
