//! Where a required field that is missing must go, and what to write there: after the field the
//! content model puts before it (`county` after `place`), with the county derived from the place
//! when the place names a län.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Code, Diagnostic};
use crate::msg;

use super::root_cause;
use crate::content::source::SourceFile;

/// The län, for suggesting `county:` from the place or title.
const COUNTIES: &[(&str, &str)] = &[
    ("Stockholm", "Stockholms län"),
    ("Uppsala", "Uppsala län"),
    ("Södermanland", "Södermanlands län"),
    ("Östergötland", "Östergötlands län"),
    ("Jönköping", "Jönköpings län"),
    ("Kronoberg", "Kronobergs län"),
    ("Kalmar", "Kalmar län"),
    ("Gotland", "Gotlands län"),
    ("Blekinge", "Blekinge län"),
    ("Skåne", "Skåne län"),
    ("Halland", "Hallands län"),
    ("Västra Götaland", "Västra Götalands län"),
    ("Värmland", "Värmlands län"),
    ("Örebro", "Örebro län"),
    ("Västmanland", "Västmanlands län"),
    ("Dalarna", "Dalarnas län"),
    ("Gävleborg", "Gävleborgs län"),
    ("Västernorrland", "Västernorrlands län"),
    ("Jämtland", "Jämtlands län"),
    ("Västerbotten", "Västerbottens län"),
    ("Norrbotten", "Norrbottens län"),
];

/// The example a help text shows for a field the guide's example case has a simple value for.
fn example_value(field: &str) -> Option<&'static str> {
    Some(match field {
        "title" | "place" => "Gislaved",
        "kind" => "kommun",
        "county" => "Jönköpings län",
        "type" => "strategi",
        "source" => "ksl-2016",
        _ => return None,
    })
}

/// Where the required `field` must go. At the top level, that is after the field the content model puts
/// before it (`county` after `place`), with the county suggested from the place when it names a län.
pub(super) fn missing_field<T: DeserializeOwned>(
    file: &SourceFile,
    field: &str,
    line: usize,
    first_line: usize,
) -> Diagnostic {
    let text = file.text.as_str();
    let d = Diagnostic::error(Code::Yaml, msg!("yaml-missing-field", field = field))
        .in_file(&file.path);
    let reported = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let top_level = !reported.starts_with([' ', '-']);
    let order = field_order::<T>();
    if top_level && let Some(position) = order.iter().position(|f| f == field) {
        let front_matter = text.lines().enumerate().skip(first_line - 1);
        let before = order[..position].iter().rev().find_map(|name| {
            front_matter
                .clone()
                .find(|(_, l)| {
                    l.strip_prefix(name.as_str())
                        .is_some_and(|r| r.starts_with(':'))
                })
                .map(|(i, _)| (format!("{name}:"), i + 1))
        });
        let derived = match field {
            "county" => county_from(text),
            _ => None,
        };
        let (at, after) = match before {
            Some((after, at)) => (at, after),
            None => (first_line.saturating_sub(1).max(1), "---".to_string()),
        };
        let help = match (derived, example_value(field)) {
            (Some(value), _) => msg!(
                "yaml-missing-field-after-help",
                line = format!("{field}: {value}"),
                after = &after
            ),
            (None, Some(example)) => msg!(
                "yaml-missing-field-after-example-help",
                field = field,
                after = &after,
                example = format!("{field}: {example}")
            ),
            (None, None) => msg!(
                "yaml-missing-field-after-plain-help",
                field = field,
                after = &after
            ),
        };
        // After a section (`facts:` and its list), the new field goes before the next top-level line.
        let next = text
            .lines()
            .enumerate()
            .skip(at)
            .take_while(|(_, l)| l.trim_end() != "---")
            .find(|(_, l)| !l.is_empty() && !l.starts_with([' ', '-', '#', '\t']))
            .map(|(i, l)| (i + 1, l));
        return match next {
            Some((next_line, next_text)) if next_line > at + 1 => {
                let key = next_text.split(':').next().unwrap_or(next_text);
                d.at(text, next_line, 1, key.chars().count())
                    .label(msg!("yaml-missing-field-before-label", field = field))
                    .help(help)
            }
            _ => d
                .at(text, at, 1, after.chars().count() - 1)
                .label(msg!("yaml-missing-field-after-label", field = field))
                .help(help),
        };
    }
    let mut d = d;
    if line > 0 {
        d = d.at(text, line, 1, reported.chars().count().max(1));
        if let Some(parent) = parent_key(text, line) {
            d.message = msg!("yaml-missing-field-in", field = field, parent = parent);
        }
    }
    d.label(msg!("yaml-missing-field-label", field = field))
        .help(msg!("yaml-missing-field-help", field = field))
}

/// The top-level fields of `T` in the order the content model gives them, read from the list serde
/// gives when it meets a field it does not know (empty when `T` accepts unknown fields).
fn field_order<T: DeserializeOwned>() -> Vec<String> {
    let probe = "inspira-probe-no-such-field: 0\n";
    let options = serde_saphyr::options! { with_snippet: false };
    match serde_saphyr::from_str_with_options::<T>(probe, options) {
        Err(e) => match root_cause(&e) {
            serde_saphyr::Error::SerdeUnknownField { expected, .. } => {
                expected.iter().map(|f| f.to_string()).collect()
            }
            _ => Vec::new(),
        },
        Ok(_) => Vec::new(),
    }
}

/// The län that the case's `place:` or `title:` names, e.g. Skåne län for Kommunförbundet Skåne.
fn county_from(text: &str) -> Option<&'static str> {
    ["place:", "title:"].iter().find_map(|key| {
        let value = text.lines().find_map(|l| l.strip_prefix(key))?;
        COUNTIES
            .iter()
            .find(|(stem, _)| value.contains(stem))
            .map(|(_, county)| *county)
    })
}

/// The key of the section that line `line` belongs to: the nearest line above it that is less indented.
fn parent_key(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().take(line).collect();
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '-']).len();
    let own = indent(lines.last()?);
    lines[..lines.len() - 1]
        .iter()
        .rev()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .find(|l| indent(l) < own)
        .and_then(|l| l.trim_start_matches([' ', '-']).split(':').next())
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_section_a_line_belongs_to() {
        let text = "document:\n  type: strategi\n  source: a\ntitle: x\n";
        assert_eq!(parent_key(text, 3).as_deref(), Some("document"));
        assert_eq!(parent_key(text, 4), None);
    }

    #[test]
    fn derives_the_county_from_the_place() {
        assert_eq!(
            county_from("title: X\nplace: Kommunförbundet Skåne\n"),
            Some("Skåne län")
        );
        assert_eq!(county_from("place: Gislaved\n"), None);
    }
}
