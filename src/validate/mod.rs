//! Checks that go beyond the shape of a file: references between cases, terms and sources, and the
//! completeness warnings a reviewer would otherwise have to catch by eye.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::content::case::Ref;
use crate::content::{Case, Content, Page};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::vocabulary::{Dimension, Vocabulary};

mod lines;
mod links;
mod not_shown;
mod placeholders;

use links::Targets;

/// Below this, a case's description is too thin to be useful (the skeleton's comment does not count).
/// This is the tool's floor for any site; the knowledge base in this repository asks more of its own
/// cases (`tests/content.rs`, CONTRIBUTING.md).
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
    let slugs = case_slugs(content);
    let pages = page_slugs(content);
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
    for page in &content.pages {
        diagnostics.extend(check_page(page, &targets));
    }
    // Unused terms can only be judged when every case could be read.
    if content.unparsed_cases.is_empty() {
        diagnostics.extend(unused_terms(content, vocabulary));
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

/// The checks of one case against the rest of the site, for `inspira serve` when only that case changed.
pub fn validate_case(content: &Content, vocabulary: &Vocabulary, case: &Case) -> Diagnostics {
    let slugs = case_slugs(content);
    let pages = page_slugs(content);
    let targets = Targets {
        cases: &slugs,
        pages: &pages,
        vocabulary,
    };
    let mut diagnostics = check_case(case, &targets);
    diagnostics.sort();
    diagnostics
}

/// The checks of every free page against the cases, for `inspira serve` when cases were added or
/// removed.
pub fn validate_pages(content: &Content, vocabulary: &Vocabulary) -> Diagnostics {
    let slugs = case_slugs(content);
    let pages = page_slugs(content);
    let targets = Targets {
        cases: &slugs,
        pages: &pages,
        vocabulary,
    };
    let mut diagnostics = Diagnostics::new();
    for page in &content.pages {
        diagnostics.extend(check_page(page, &targets));
    }
    diagnostics.sort();
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
                        format!("the source id `{}` is used twice", s.id.value),
                    ),
                )
                .help("give each source its own id"),
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
                Diagnostic::error(
                    Code::UnknownSource,
                    format!("there is no source with the id `{}` in this case", r.value),
                ),
            )
            .label("not in `sources:`");
            d = match did_you_mean(&r.value, source_ids.keys().copied()) {
                Some(best) => d.help(format!("did you mean `{best}`?")),
                None => d.help("add the document to `sources:` with this id, or use the id of a source listed there"),
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
                    format!(
                        "`{}` is not a term in the {} vocabulary",
                        r.value, dimension
                    ),
                ),
            )
            .label("unknown term");
            d = match did_you_mean(&r.value, terms.ids()) {
                Some(best) => d.help(format!(
                    "did you mean `{best}`? (terms are listed in content/vocabulary/{})",
                    dimension.file_name()
                )),
                None => d.help(format!(
                    "use a term id from content/vocabulary/{}, or propose a new term there",
                    dimension.file_name()
                )),
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
            out.push(field_error(path, text, field, Diagnostic::error(Code::EmptyDimension, format!("`{field}` has no entries")))
                .help("every case needs at least one entry here: it is what makes the case comparable"));
        }
    }
    if meta.process.steps.is_empty() {
        out.push(
            field_error(
                path,
                text,
                "process",
                Diagnostic::error(Code::EmptyDimension, "`process.steps` has no entries"),
            )
            .help("list at least one dated step of how the strategy was made"),
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
                Diagnostic::error(Code::SelfReference, "a case cannot be related to itself"),
            ));
        } else if !slug.is_empty() && !slugs.contains(slug) {
            let mut d = at_span(
                path,
                text,
                r,
                width,
                Diagnostic::error(Code::UnknownCase, format!("there is no case `{slug}`")),
            );
            if let Some(best) = did_you_mean(slug, slugs.iter().copied()) {
                d = d.help(format!("did you mean `{best}`?"));
            }
            out.push(d);
        }
    }

    // Warnings: what a reviewer would ask for.
    for (field, missing, why) in [
        (
            "facts",
            meta.facts.is_empty(),
            "key facts (population, unemployment) let readers compare the settings",
        ),
        (
            "quotes",
            meta.quotes.is_empty(),
            "short attributed quotes are what readers remember",
        ),
    ] {
        if missing {
            out.push(
                Diagnostic::warning(Code::MissingOptional, format!("the case has no `{field}`"))
                    .in_file(path)
                    .help(why),
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
                "the figure has no `date`",
                "add the date the figure refers to, e.g. `date: 2015-12-31`",
            ));
        }
        if fact.source.is_none() {
            out.push(fact_warning(
                case,
                &label,
                "the figure has no `source`",
                "add `source:` with the id of the document it comes from",
            ));
        }
    }
    for step in &meta.process.steps {
        if step.source.is_none() {
            let line = step.date.referenced.line() as usize + YAML_FIRST_LINE - 1;
            out.push(
                Diagnostic::warning(Code::StepWithoutSource, "the process step has no `source`")
                    .in_file(path)
                    .at(text, line, 1, 1)
                    .help("add `source:` with the id of the document that describes the step"),
            );
        }
    }
    let words = description_words(&case.body);
    if words < MIN_DESCRIPTION_WORDS {
        out.push(
            Diagnostic::warning(Code::ShortDescription, format!("the description has {words} words"))
                .in_file(path)
                .at(text, case.body_line.min(text.lines().count()).max(1), 1, 1)
                .help(format!(
                    "tell the case in your own words below the front matter, at least {MIN_DESCRIPTION_WORDS} words, under headings such as ## Bakgrund"
                )),
        );
    }
    for quote in &meta.quotes {
        if quote.source.is_none() {
            let line = quote_line(text, quote);
            out.push(
                Diagnostic::warning(Code::QuoteWithoutSource, "the quote has no `source`")
                    .in_file(path)
                    .at(text, line, 1, 1)
                    .help("add `source:` with the id of the document the quote comes from"),
            );
        }
    }
    if meta.vision.known().is_some_and(|v| v.source.is_none()) {
        out.push(
            field_error(
                path,
                text,
                "vision",
                Diagnostic::warning(Code::VisionWithoutSource, "the vision has no `source`"),
            )
            .help("add `source:` under `vision:` with the id of the document it is quoted from"),
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
                format!(
                    "this step ({}) comes before the one above it ({})",
                    dates[i + 1],
                    dates[i]
                ),
            )
            .in_file(path)
            .at(text, line, step.date.referenced.column() as usize, 10)
            .help("list the process steps in time order"),
        );
    }
    out.extend(quote_attributions(case));
    if meta.document.status.is_some() && meta.document.status_checked.is_none() {
        out.push(
            field_error(
                path,
                text,
                "document",
                Diagnostic::warning(
                    Code::StatusUnchecked,
                    "the document's `status` has no `status_checked`",
                ),
            )
            .help("add `status_checked:` with the date the status was true, e.g. the year of the source that says so"),
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
            (None, None) => {
                "the quote says neither who speaks (`speaker:`) nor which publication it is from (`narration:`)"
            }
            (Some(_), Some(_)) => "the quote has both `speaker:` and `narration:`",
        };
        let line = quote_line(text, quote);
        out.push(
            Diagnostic::error(Code::QuoteAttribution, problem)
                .in_file(&case.source.path)
                .at(text, line, 1, 1)
                .help("write `speaker:` with the role of the person who says it, or, when the source does not name the speaker, `narration:` with the publication it is from, e.g. `narration: ur KSL:s intervju med Botkyrka kommun`"),
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

fn fact_warning(case: &Case, label: &str, message: &str, help: &str) -> Diagnostic {
    let text = case.source.text.as_str();
    let line = field_line(text, "facts").unwrap_or(1);
    Diagnostic::warning(Code::FactIncomplete, format!("{message} ({label})"))
        .in_file(&case.source.path)
        .at(text, line, 1, 5)
        .help(help)
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
                Diagnostic::warning(
                    Code::CasesNotNeeded,
                    "a publication's `cases:` list is no longer needed",
                ),
            )
            .help("remove `cases:`: the page lists every case whose `sources:` cite the publication (same title and year)"),
        );
    }
    for r in &page.meta.cases {
        if !slugs.contains(r.value.as_str()) {
            let mut d = at_ref(
                &page.source.path,
                &page.source.text,
                r,
                Diagnostic::error(Code::UnknownCase, format!("there is no case `{}`", r.value)),
            );
            if let Some(best) = did_you_mean(&r.value, slugs.iter().copied()) {
                d = d.help(format!("did you mean `{best}`?"));
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
                    Diagnostic::warning(
                        Code::UnusedTerm,
                        format!("no case uses the term `{}`", term.id.value),
                    )
                    .in_file(format!("content/vocabulary/{}", dim.dimension.file_name()))
                    .help("map a case onto it, or remove it if no case needs it"),
                );
            }
        }
    }
    out
}
