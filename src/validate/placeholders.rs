//! Values left as `inspira new case` wrote them: empty text (`""`) and the skeleton's placeholders
//! (`content::placeholder`), each reported at the field that holds it, until it is filled in.

use crate::content::Case;
use crate::content::placeholder;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

use super::lines::{FieldLine, unquoted};

/// Fields written as `""`.
pub fn empty_fields(case: &Case, lines: &[FieldLine]) -> Diagnostics {
    let text = case.source.text.as_str();
    lines
        .iter()
        .filter(|l| l.value == "\"\"" || l.value == "''")
        .map(|l| {
            Diagnostic::error(Code::EmptyField, format!("`{}` är tomt", l.path))
                .in_file(&case.source.path)
                .at(text, l.line, l.column, l.key.chars().count())
                .label("fyll i")
                .help("skriv värdet mellan citattecknen, eller ta bort fältet om det är frivilligt")
        })
        .collect()
}

/// What a placeholder stands for, and how to replace it.
struct Left {
    path: &'static str,
    /// Which of the fields with this path (the first is 0).
    nth: usize,
    help: &'static str,
}

const DATE_HELP: &str = "skriv datumet så exakt som källan ger det (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ), `omkring ÅÅÅÅ`, eller `okänt` när källan inte säger det";

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
        "skriv när du senast stämde av beskrivningen mot källorna, t.ex. 2024-05",
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
        "skriv det sista året (eller dagen) som dokumentet gäller, eller ta bort fältet",
    );
    field(
        document
            .status_checked
            .as_ref()
            .is_some_and(placeholder::is_year),
        "document.status_checked",
        0,
        "skriv när statusen stämde, t.ex. året för källan som säger det; säger källan inget om statusen, ta bort både `status` och `status_checked`",
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
            "skriv siffran ur källan, utan mellanslag och med punkt som decimaltecken; är den verkligen 0, räcker det att datum och källa är ifyllda",
        );
        if let Some(date) = &fact.date {
            field(
                placeholder::is_sourced_year(date),
                "facts[].date",
                dated,
                "skriv datumet som siffran gäller, t.ex. 2015-12-31",
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
            "ge källan ett eget kort id, t.ex. utgivare och år (`ksl-2016`), och skriv samma id i alla `source:` som pekar på den",
        );
        field(
            source.year == placeholder::YEAR,
            "sources[].year",
            i,
            "skriv året då källan gavs ut",
        );
    }

    let text = case.source.text.as_str();
    let mut out = Diagnostics::new();
    for l in left {
        let mut d = Diagnostic::error(Code::Placeholder, String::new()).in_file(&case.source.path);
        match lines.iter().filter(|f| f.path == l.path).nth(l.nth) {
            Some(at) => {
                d.message = format!(
                    "`{}` har kvar mallens platshållare `{}`",
                    l.path,
                    unquoted(at.value)
                );
                d = if at.value.is_empty() {
                    d.at(text, at.line, at.column, at.key.chars().count())
                } else {
                    d.at(text, at.line, at.value_column, at.value.chars().count())
                };
            }
            None => d.message = format!("`{}` har kvar mallens platshållare", l.path),
        }
        out.push(d.label("platshållare från inspira new case").help(l.help));
    }
    if placeholder::in_description(&case.body) {
        let line = text
            .lines()
            .position(|l| l.contains(placeholder::DESCRIPTION_START))
            .map_or(case.body_line, |i| i + 1);
        out.push(
            Diagnostic::error(
                Code::Placeholder,
                "beskrivningen har kvar mallens instruktioner",
            )
            .in_file(&case.source.path)
            .at(text, line, 1, placeholder::DESCRIPTION_START.chars().count())
            .label("platshållare från inspira new case")
            .help("ta bort kommentaren och beskriv exemplet med egna ord, under rubriker som ## Bakgrund och ## Så togs strategin fram"),
        );
    }
    out
}
