//! Checks that go beyond the shape of a file: references between cases, terms and sources, and the
//! completeness warnings a reviewer would otherwise have to catch by eye.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::content::case::Ref;
use crate::content::{Case, Content, Page};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Text, did_you_mean, did_you_mean_among};
use crate::msg;
use crate::vocabulary::{Dimension, Vocabulary};

mod lines;
pub mod links;
mod not_shown;
mod placeholders;

use links::Targets;

/// Below this, a case's description is too thin to be useful (the skeleton's comment does not count).
/// This is the tool's floor for any site; the knowledge base in this repository asks more of its own
/// cases (`KNOWLEDGE_BASE_MIN_WORDS` in tests/common, stated in CONTRIBUTING.md).
pub const MIN_DESCRIPTION_WORDS: usize = 150;

/// Words of Markdown outside HTML comments, as `check` counts a description.
pub fn description_words(body: &str) -> usize {
    let mut words = 0;
    let mut rest = body;
    while let Some(start) = rest.find("<!--") {
        words += rest[..start].split_whitespace().count();
        rest = match rest[start..].find("-->") {
            Some(end) => &rest[start + end + 3..],
            None => "",
        };
    }
    words + rest.split_whitespace().count()
}

/// The line of a case file on which its YAML starts (after the opening `---`).
const YAML_FIRST_LINE: usize = 2;

/// Runs every cross-file check and returns what it found, sorted.
pub fn validate(content: &Content, vocabulary: &Vocabulary) -> Diagnostics {
    let (slugs, pages) = (case_slugs(content), page_slugs(content));
    let targets = Targets {
        cases: &slugs,
        pages: &pages,
        vocabulary,
    };
    let mut diagnostics = Diagnostics::new();
    let per_case: Vec<Diagnostics> = content
        .cases
        .par_iter()
        .map(|c| check_case(c, &targets))
        .collect();
    for d in per_case {
        diagnostics.extend(d);
    }
    diagnostics.extend(check_pages(content, &targets));
    // Unused terms can only be judged when every case could be read.
    if content.unparsed_cases.is_empty() {
        diagnostics.extend(unused_terms(content, vocabulary));
    }
    diagnostics.sort();
    diagnostics
}

/// The checks of the cases named in `cases` against the rest of the site and, with `pages`, of every
/// free page: for `inspira serve`, after only those cases changed (or cases the pages may list were
/// removed). Sorted.
pub fn validate_changed(
    content: &Content,
    vocabulary: &Vocabulary,
    cases: &BTreeSet<&str>,
    pages: bool,
) -> Diagnostics {
    let (slugs, page_slugs) = (case_slugs(content), page_slugs(content));
    let targets = Targets {
        cases: &slugs,
        pages: &page_slugs,
        vocabulary,
    };
    let mut diagnostics = Diagnostics::new();
    for case in content
        .cases
        .iter()
        .filter(|c| cases.contains(c.slug.as_str()))
    {
        diagnostics.extend(check_case(case, &targets));
    }
    if pages {
        diagnostics.extend(check_pages(content, &targets));
    }
    diagnostics.sort();
    diagnostics
}

/// Every page's slug.
fn page_slugs(content: &Content) -> BTreeSet<&str> {
    content.pages.iter().map(|p| p.slug.as_str()).collect()
}

/// Every case's slug, the files that could not be parsed included: references to them are not errors.
fn case_slugs(content: &Content) -> BTreeSet<&str> {
    content
        .cases
        .iter()
        .map(|c| c.slug.as_str())
        .chain(content.unparsed_cases.iter().map(String::as_str))
        .collect()
}

/// The checks of every free page.
fn check_pages(content: &Content, targets: &Targets) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    for page in &content.pages {
        diagnostics.extend(check_page(page, targets));
    }
    diagnostics
}

/// A diagnostic pointing at a reference inside a case's front matter.
fn at_ref(case_path: &std::path::Path, text: &str, r: &Ref, d: Diagnostic) -> Diagnostic {
    at_span(case_path, text, r, r.value.chars().count(), d)
}

/// A diagnostic pointing at any value inside a front matter, `width` characters wide.
fn at_span<T>(
    path: &std::path::Path,
    text: &str,
    s: &serde_saphyr::Spanned<T>,
    width: usize,
    d: Diagnostic,
) -> Diagnostic {
    let line = s.referenced.line() as usize + YAML_FIRST_LINE - 1;
    let column = s.referenced.column() as usize;
    d.in_file(path).at(text, line, column, width.max(1))
}

/// The line on which a top-level field is written, for problems with the field as a whole.
fn field_line(text: &str, field: &str) -> Option<usize> {
    let prefix = format!("{field}:");
    text.lines()
        .position(|l| l.starts_with(&prefix))
        .map(|i| i + 1)
}

fn check_case(case: &Case, targets: &Targets) -> Diagnostics {
    let (vocabulary, slugs) = (targets.vocabulary, targets.cases);
    let mut out = Diagnostics::new();
    let meta = &case.meta;
    let path = case.source.path.as_path();
    let text = case.source.text.as_str();

    // Sources: unique ids, and every `source:` names one of them.
    let mut source_ids: BTreeMap<&str, &Ref> = BTreeMap::new();
    for s in &meta.sources {
        if source_ids.insert(s.id.value.as_str(), &s.id).is_some() {
            out.push(
                at_ref(
                    path,
                    text,
                    &s.id,
                    Diagnostic::error(
                        Code::DuplicateSource,
                        msg!("duplicate-source", id = &s.id.value),
                    ),
                )
                .help(msg!("duplicate-source-help")),
            );
        }
    }
    // An empty reference is reported as an empty field, not as an unknown one.
    let check_source = |r: &Ref, out: &mut Diagnostics| {
        if !r.value.is_empty() && !source_ids.contains_key(r.value.as_str()) {
            let mut d = at_ref(
                path,
                text,
                r,
                Diagnostic::error(Code::UnknownSource, msg!("unknown-source", id = &r.value)),
            )
            .label(msg!("unknown-source-label"));
            let titles = meta
                .sources
                .iter()
                .map(|s| (s.id.value.as_str(), s.title.as_str()));
            let names = source_ids.keys().map(|id| (*id, *id)).chain(titles);
            d = match did_you_mean_among(&r.value, names) {
                Some(best) => d.help(msg!("did-you-mean", name = best)),
                None => d.help(msg!("unknown-source-help")),
            };
            out.push(d);
        }
    };
    check_source(&meta.document.source, &mut out);
    for r in meta
        .vision
        .known()
        .and_then(|v| v.source.as_ref())
        .into_iter()
        .chain(meta.facts.iter().filter_map(|f| f.source.as_ref()))
        .chain(meta.process.steps.iter().filter_map(|s| s.source.as_ref()))
        .chain(
            meta.focus_areas
                .iter()
                .chain(&meta.success_factors)
                .filter_map(|t| t.source.as_ref()),
        )
        .chain(meta.quotes.iter().filter_map(|q| q.source.as_ref()))
        .chain(meta.series.iter().map(|s| &s.source))
    {
        check_source(r, &mut out);
    }

    // Terms: every mapping names a term of the right vocabulary.
    let check_term = |dimension: Dimension, r: &Ref, out: &mut Diagnostics| {
        let terms = vocabulary.dimension(dimension);
        if !r.value.is_empty() && terms.get(&r.value).is_none() {
            let mut d = at_ref(
                path,
                text,
                r,
                Diagnostic::error(
                    Code::UnknownTerm,
                    msg!(
                        "unknown-term",
                        term = &r.value,
                        vocabulary = dimension.to_string()
                    ),
                ),
            )
            .label(msg!("unknown-term-label"));
            let file = dimension.file_name();
            d = match did_you_mean_among(&r.value, terms.names()) {
                Some(best) => d.help(msg!("unknown-term-did-you-mean", name = best, file = file)),
                None => d.help(msg!("unknown-term-help", file = file)),
            };
            out.push(d);
        }
    };
    for t in &meta.focus_areas {
        check_term(Dimension::FocusAreas, &t.term, &mut out);
    }
    for t in &meta.success_factors {
        check_term(Dimension::SuccessFactors, &t.term, &mut out);
    }
    for s in &meta.process.steps {
        check_term(Dimension::ProcessSteps, &s.step, &mut out);
    }

    // The comparison dimensions must not be empty lists.
    for (field, empty) in [
        ("focus_areas", meta.focus_areas.is_empty()),
        ("success_factors", meta.success_factors.is_empty()),
        ("sources", meta.sources.is_empty()),
    ] {
        if empty {
            out.push(
                field_error(
                    path,
                    text,
                    field,
                    Diagnostic::error(Code::EmptyDimension, msg!("empty-dimension", field = field)),
                )
                .help(msg!("empty-dimension-help")),
            );
        }
    }
    if meta.process.steps.is_empty() {
        out.push(
            field_error(
                path,
                text,
                "process",
                Diagnostic::error(
                    Code::EmptyDimension,
                    msg!("empty-dimension", field = "process.steps"),
                ),
            )
            .help(msg!("empty-dimension-steps-help")),
        );
    }

    let lines = lines::field_lines(text, case.body_line);
    out.extend(placeholders::empty_fields(case, &lines));
    out.extend(placeholders::placeholders(case, &lines));
    out.extend(not_shown::case(case, &lines));
    out.extend(links::root_relative_links(
        &links::File {
            path,
            text,
            body: &case.body,
            body_line: case.body_line,
            meta,
        },
        targets,
    ));

    // Related cases exist.
    for r in &meta.related {
        let slug = r.value.case();
        let width = slug.chars().count();
        if slug == case.slug {
            out.push(at_span(
                path,
                text,
                r,
                width,
                Diagnostic::error(Code::SelfReference, msg!("self-reference")),
            ));
        } else if !slug.is_empty() && !slugs.contains(slug) {
            let mut d = at_span(
                path,
                text,
                r,
                width,
                Diagnostic::error(Code::UnknownCase, msg!("unknown-case", slug = slug)),
            );
            if let Some(best) = did_you_mean(slug, slugs.iter().copied()) {
                d = d.help(msg!("did-you-mean", name = best));
            }
            out.push(d);
        }
    }

    // Warnings: what a reviewer would ask for.
    for (field, missing, why) in [
        ("facts", meta.facts.is_empty(), "missing-facts-help"),
        ("quotes", meta.quotes.is_empty(), "missing-quotes-help"),
    ] {
        if missing {
            out.push(
                Diagnostic::warning(
                    Code::MissingOptional,
                    msg!("missing-optional", field = field),
                )
                .in_file(path)
                .help(Text::new(why)),
            );
        }
    }
    for fact in &meta.facts {
        let label = fact
            .label
            .clone()
            .unwrap_or_else(|| fact.kind.default_label().to_string());
        if fact.date.is_none() {
            out.push(fact_warning(
                case,
                &label,
                "fact-without-date",
                "fact-without-date-help",
            ));
        }
        if fact.source.is_none() {
            out.push(fact_warning(
                case,
                &label,
                "fact-without-source",
                "fact-without-source-help",
            ));
        }
    }
    for step in &meta.process.steps {
        if step.source.is_none() {
            let line = step.date.referenced.line() as usize + YAML_FIRST_LINE - 1;
            out.push(
                Diagnostic::warning(Code::StepWithoutSource, msg!("step-without-source"))
                    .in_file(path)
                    .at(text, line, 1, 1)
                    .help(msg!("step-without-source-help")),
            );
        }
    }
    let words = description_words(&case.body);
    if words < MIN_DESCRIPTION_WORDS {
        out.push(
            Diagnostic::warning(
                Code::ShortDescription,
                msg!("short-description", words = words),
            )
            .in_file(path)
            .at(text, case.body_line.min(text.lines().count()).max(1), 1, 1)
            .help(msg!(
                "short-description-help",
                minimum = MIN_DESCRIPTION_WORDS
            )),
        );
    }
    for quote in &meta.quotes {
        if quote.source.is_none() {
            let line = quote_line(text, quote);
            out.push(
                Diagnostic::warning(Code::QuoteWithoutSource, msg!("quote-without-source"))
                    .in_file(path)
                    .at(text, line, 1, 1)
                    .help(msg!("quote-without-source-help")),
            );
        }
    }
    if meta.vision.known().is_some_and(|v| v.source.is_none()) {
        out.push(
            field_error(
                path,
                text,
                "vision",
                Diagnostic::warning(Code::VisionWithoutSource, msg!("vision-without-source")),
            )
            .help(msg!("vision-without-source-help")),
        );
    }
    // Steps in time order; a step without a date has no place in it.
    let dated: Vec<_> = meta
        .process
        .steps
        .iter()
        .filter_map(|s| s.date.value.date().map(|d| (d, s)))
        .collect();
    let dates: Vec<_> = dated.iter().map(|(d, _)| *d).collect();
    if let Some(i) = dates.windows(2).position(|w| w[0].certainly_after(&w[1])) {
        let step = dated[i + 1].1;
        let line = step.date.referenced.line() as usize + YAML_FIRST_LINE - 1;
        out.push(
            Diagnostic::warning(
                Code::StepsOutOfOrder,
                msg!(
                    "steps-out-of-order",
                    date = dates[i + 1].to_string(),
                    previous = dates[i].to_string()
                ),
            )
            .in_file(path)
            .at(text, line, step.date.referenced.column() as usize, 10)
            .help(msg!("steps-out-of-order-help")),
        );
    }
    out.extend(quote_attributions(case));
    if meta.document.status.is_some() && meta.document.status_checked.is_none() {
        out.push(
            field_error(
                path,
                text,
                "document",
                Diagnostic::warning(Code::StatusUnchecked, msg!("status-unchecked")),
            )
            .help(msg!("status-unchecked-help")),
        );
    }
    out
}

/// The line a quote's text starts on (its first words), or line 1 when they span a line break.
fn quote_line(text: &str, quote: &crate::content::case::Quote) -> usize {
    let first_words: String = quote.text.chars().take(30).collect();
    text.lines()
        .position(|l| l.contains(first_words.trim()))
        .map_or(1, |i| i + 1)
}

/// Every quote is either a person's words (`speaker:`) or the publication's (`narration:`), not both.
fn quote_attributions(case: &Case) -> Diagnostics {
    let mut out = Diagnostics::new();
    let text = case.source.text.as_str();
    for quote in &case.meta.quotes {
        let problem = match (&quote.speaker, &quote.narration) {
            (Some(_), None) | (None, Some(_)) => continue,
            (None, None) => msg!("quote-attribution-neither"),
            (Some(_), Some(_)) => msg!("quote-attribution-both"),
        };
        let line = quote_line(text, quote);
        out.push(
            Diagnostic::error(Code::QuoteAttribution, problem)
                .in_file(&case.source.path)
                .at(text, line, 1, 1)
                .help(msg!("quote-attribution-help")),
        );
    }
    out
}

fn field_error(path: &std::path::Path, text: &str, field: &str, d: Diagnostic) -> Diagnostic {
    let d = d.in_file(path);
    match field_line(text, field) {
        Some(line) => d.at(text, line, 1, field.chars().count()),
        None => d,
    }
}

/// A warning about the key figure `label`: the catalogue's `message` and `help`.
fn fact_warning(case: &Case, label: &str, message: &'static str, help: &'static str) -> Diagnostic {
    let text = case.source.text.as_str();
    let line = field_line(text, "facts").unwrap_or(1);
    Diagnostic::warning(Code::FactIncomplete, Text::new(message).arg("label", label))
        .in_file(&case.source.path)
        .at(text, line, 1, 5)
        .help(Text::new(help))
}

fn check_page(page: &Page, targets: &Targets) -> Diagnostics {
    let slugs = targets.cases;
    let mut out = Diagnostics::new();
    let lines = lines::field_lines(&page.source.text, page.body_line);
    out.extend(not_shown::page(page, &lines));
    out.extend(links::root_relative_links(
        &links::File {
            path: &page.source.path,
            text: &page.source.text,
            body: &page.body,
            body_line: page.body_line,
            meta: &page.meta,
        },
        targets,
    ));
    if page.meta.publication.is_some()
        && let Some(first) = page.meta.cases.first()
    {
        out.push(
            at_ref(
                &page.source.path,
                &page.source.text,
                first,
                Diagnostic::warning(Code::CasesNotNeeded, msg!("cases-not-needed")),
            )
            .help(msg!("cases-not-needed-help")),
        );
    }
    for r in &page.meta.cases {
        if !slugs.contains(r.value.as_str()) {
            let mut d = at_ref(
                &page.source.path,
                &page.source.text,
                r,
                Diagnostic::error(Code::UnknownCase, msg!("unknown-case", slug = &r.value)),
            );
            if let Some(best) = did_you_mean(&r.value, slugs.iter().copied()) {
                d = d.help(msg!("did-you-mean", name = best));
            }
            out.push(d);
        }
    }
    out
}

fn unused_terms(content: &Content, vocabulary: &Vocabulary) -> Diagnostics {
    let mut used: BTreeSet<(Dimension, &str)> = BTreeSet::new();
    for case in &content.cases {
        let m = &case.meta;
        used.extend(
            m.focus_areas
                .iter()
                .map(|t| (Dimension::FocusAreas, t.term.value.as_str())),
        );
        used.extend(
            m.success_factors
                .iter()
                .map(|t| (Dimension::SuccessFactors, t.term.value.as_str())),
        );
        used.extend(
            m.process
                .steps
                .iter()
                .map(|s| (Dimension::ProcessSteps, s.step.value.as_str())),
        );
    }
    let mut out = Diagnostics::new();
    for dim in vocabulary.dimensions() {
        for term in dim.terms() {
            if !used.contains(&(dim.dimension, term.id.value.as_str())) {
                out.push(
                    Diagnostic::warning(Code::UnusedTerm, msg!("unused-term", id = &term.id.value))
                        .in_file(format!("content/vocabulary/{}", dim.dimension.file_name()))
                        .help(msg!("unused-term-help")),
                );
            }
        }
    }
    out
}
