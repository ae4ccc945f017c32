//! Values left as `inspira new case` wrote them: empty text (`""`) and the skeleton's placeholders
//! (`content::placeholder`), each reported at the field that holds it, until it is filled in.

use crate::content::Case;
use crate::content::placeholder;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Text};
use crate::msg;

use super::lines::{FieldLine, unquoted};

/// Fields written as `""`.
pub fn empty_fields(case: &Case, lines: &[FieldLine]) -> Diagnostics {
    let text = case.source.text.as_str();
    lines
        .iter()
        .filter(|l| l.value == "\"\"" || l.value == "''")
        .map(|l| {
            Diagnostic::error(
                Code::EmptyField,
                msg!("empty-field", path = l.path.as_str()),
            )
            .in_file(&case.source.path)
            .at(text, l.line, l.column, l.key.chars().count())
            .label(msg!("empty-field-label"))
            .help(msg!("empty-field-help"))
        })
        .collect()
}

/// What a placeholder stands for, and how to replace it.
struct Left {
    path: &'static str,
    /// Which of the fields with this path (the first is 0).
    nth: usize,
    /// The catalogue's message that says how.
    help: &'static str,
}

const DATE_HELP: &str = "placeholder-date-help";

/// The skeleton's placeholders still in the case.
pub fn placeholders(case: &Case, lines: &[FieldLine]) -> Diagnostics {
    let meta = &case.meta;
    let document = &meta.document;
    let mut left = Vec::new();
    let mut field = |leave: bool, path, nth, help| {
        if leave {
            left.push(Left { path, nth, help });
        }
    };
    field(
        meta.updated.as_ref().is_some_and(placeholder::is_year),
        "updated",
        0,
        "placeholder-updated-help",
    );
    field(
        document
            .adopted
            .as_ref()
            .is_some_and(placeholder::is_sourced_year),
        "document.adopted",
        0,
        DATE_HELP,
    );
    field(
        document
            .published
            .as_ref()
            .is_some_and(placeholder::is_sourced_year),
        "document.published",
        0,
        DATE_HELP,
    );
    field(
        document
            .valid_until
            .as_ref()
            .is_some_and(placeholder::is_year),
        "document.valid_until",
        0,
        "placeholder-valid-until-help",
    );
    field(
        document
            .status_checked
            .as_ref()
            .is_some_and(placeholder::is_year),
        "document.status_checked",
        0,
        "placeholder-status-checked-help",
    );
    let mut dated = 0;
    for (i, fact) in meta.facts.iter().enumerate() {
        // A figure of 0 is real once its date or its source is filled in.
        let unfilled = fact.date.as_ref().is_some_and(placeholder::is_sourced_year)
            || fact
                .source
                .as_ref()
                .is_some_and(|s| s.value == placeholder::SOURCE_ID);
        field(
            unfilled && placeholder::is_figure(fact.value, fact.note.as_deref()),
            "facts[].value",
            i,
            "placeholder-figure-help",
        );
        if let Some(date) = &fact.date {
            field(
                placeholder::is_sourced_year(date),
                "facts[].date",
                dated,
                "placeholder-fact-date-help",
            );
            dated += 1;
        }
    }
    for (i, step) in meta.process.steps.iter().enumerate() {
        field(
            placeholder::is_sourced_year(&step.date.value),
            "process.steps[].date",
            i,
            DATE_HELP,
        );
    }
    for (i, source) in meta.sources.iter().enumerate() {
        field(
            source.id.value == placeholder::SOURCE_ID,
            "sources[].id",
            i,
            "placeholder-source-id-help",
        );
        field(
            source.year == placeholder::YEAR,
            "sources[].year",
            i,
            "placeholder-source-year-help",
        );
    }

    let text = case.source.text.as_str();
    let mut out = Diagnostics::new();
    for l in left {
        let mut d = Diagnostic::error(Code::Placeholder, msg!("placeholder-left", path = l.path))
            .in_file(&case.source.path);
        if let Some(at) = lines.iter().filter(|f| f.path == l.path).nth(l.nth) {
            d.message = msg!(
                "placeholder-left-value",
                path = l.path,
                value = unquoted(at.value)
            );
            d = if at.value.is_empty() {
                d.at(text, at.line, at.column, at.key.chars().count())
            } else {
                d.at(text, at.line, at.value_column, at.value.chars().count())
            };
        }
        out.push(d.label(msg!("placeholder-label")).help(Text::new(l.help)));
    }
    if placeholder::in_description(&case.body) {
        let line = text
            .lines()
            .position(|l| l.contains(placeholder::DESCRIPTION_START))
            .map_or(case.body_line, |i| i + 1);
        out.push(
            Diagnostic::error(Code::Placeholder, msg!("placeholder-description"))
                .in_file(&case.source.path)
                .at(
                    text,
                    line,
                    1,
                    placeholder::DESCRIPTION_START.chars().count(),
                )
                .label(msg!("placeholder-label"))
                .help(msg!("placeholder-description-help")),
        );
    }
    out
}
