//! A YAML or type error in front matter, put into the contributor's words: the real line and column,
//! what is wrong, and the fix (`rad 75 börjar med en tabb; …`, `lägg till county: Skåne län efter place:`).
//!
//! serde-saphyr reports some errors a line early (a tab), or where the mapping ends (a missing field),
//! and passes our own type errors (dates) on as text; this module finds the place the contributor must
//! edit and says what to write there.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Code, Diagnostic, Text, did_you_mean, did_you_mean_among, own_error_id};
use crate::msg;

mod missing;

use super::date;
use super::source::SourceFile;

/// Swedish names a contributor may write for a field (the words the site and the guide use).
const FIELD_ALIASES: &[(&str, &[&str])] = &[
    ("title", &["titel", "namn", "rubrik"]),
    ("kind", &["typ", "sort"]),
    ("place", &["ort", "plats", "kommun"]),
    ("county", &["län"]),
    ("summary", &["sammanfattning", "ingress"]),
    ("updated", &["uppdaterad", "uppdaterat"]),
    ("document", &["dokument", "strategidokument"]),
    ("facts", &["fakta", "nyckeltal"]),
    ("process", &["processen", "arbetsprocess"]),
    ("steps", &["steg", "processteg"]),
    ("focus_areas", &["fokusområden", "fokusområde", "fokus"]),
    ("success_factors", &["framgångsfaktorer", "framgångsfaktor"]),
    ("organisation", &["organisering", "styrning"]),
    ("target_groups", &["målgrupper", "målgrupp"]),
    ("child_perspective", &["barnperspektiv", "barnperspektivet"]),
    ("follow_up", &["uppföljning"]),
    ("next_steps", &["nästa steg", "fortsättning"]),
    ("quotes", &["citat"]),
    ("series", &["serier", "dataserier", "tidsserier"]),
    ("related", &["relaterade", "liknande"]),
    ("sources", &["källor"]),
    ("source", &["källa"]),
    ("label", &["etikett", "benämning"]),
    ("date", &["datum"]),
    ("value", &["värde"]),
    ("unit", &["enhet"]),
    ("note", &["anmärkning", "kommentar"]),
    ("speaker", &["talare"]),
    ("adopted", &["antagen", "antaget"]),
    ("adopted_by", &["antagen av", "beslutad av"]),
    ("published", &["publicerad", "utgiven"]),
    ("publisher", &["utgivare"]),
    ("year", &["år", "årtal"]),
    ("term", &["begrepp"]),
    ("step", &["processteg"]),
    ("goals", &["mål"]),
    ("indicators", &["indikatorer"]),
];

/// The diagnostic for `error`, raised parsing the YAML of `file` that starts at line `first_line`.
pub fn explain<T: DeserializeOwned>(
    file: &SourceFile,
    error: &serde_saphyr::Error,
    first_line: usize,
) -> Diagnostic {
    let raw = without_location(error);
    let message = raw.as_str();
    let root = root_cause(error);
    let text = file.text.as_str();
    let (line, column) = match error.location() {
        Some(loc) => (
            usize::try_from(loc.line()).unwrap_or(1) + first_line - 1,
            usize::try_from(loc.column()).unwrap_or(1).max(1),
        ),
        None => (0, 0),
    };
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let d = |message: Text| Diagnostic::error(Code::Yaml, message).in_file(&file.path);
    let at_token = |d: Diagnostic| {
        if line == 0 {
            d
        } else {
            d.at(text, line, column, token_width(line_text, column))
        }
    };

    if (message.contains("found a tab")
        || message.contains("tab character")
        || message.contains("tabs disallowed"))
        && let Some((tab_line, tab_column)) = find_tab(text, line.max(first_line))
    {
        let leading = text
            .lines()
            .nth(tab_line - 1)
            .is_some_and(|l| l.chars().take(tab_column - 1).all(char::is_whitespace));
        let (message, help) = if leading {
            (
                msg!("yaml-tab-indent", line = tab_line),
                msg!("yaml-tab-indent-help"),
            )
        } else {
            (msg!("yaml-tab", line = tab_line), msg!("yaml-tab-help"))
        };
        return d(message)
            .at(text, tab_line, tab_column, 1)
            .label(msg!("yaml-tab-label"))
            .help(help);
    }

    if let serde_saphyr::Error::SerdeUnknownField {
        field, expected, ..
    } = root
    {
        let (field, candidates) = (field.as_str(), expected);
        let aliases = FIELD_ALIASES
            .iter()
            .filter(|(name, _)| candidates.contains(name))
            .flat_map(|(name, words)| words.iter().map(move |w| (*name, *w)));
        let named = candidates.iter().map(|c| (*c, *c)).chain(aliases);
        let help = match did_you_mean_among(field, named) {
            Some(best) => msg!(
                "yaml-unknown-field-did-you-mean",
                name = best,
                fields = candidates.join(", ")
            ),
            None => msg!("yaml-unknown-field-help", fields = candidates.join(", ")),
        };
        return at_token(d(msg!("yaml-unknown-field", field = field)))
            .label(msg!("yaml-unknown-field-label"))
            .help(help);
    }
    if let serde_saphyr::Error::SerdeUnknownVariant {
        variant, expected, ..
    } = root
    {
        let (value, candidates) = (variant.as_str(), expected);
        let help = match did_you_mean(value, candidates.iter().copied()) {
            Some(best) => msg!(
                "yaml-unknown-value-did-you-mean",
                name = best,
                values = candidates.join(", ")
            ),
            None => msg!("yaml-unknown-value-help", values = candidates.join(", ")),
        };
        return at_token(d(msg!("yaml-unknown-value", value = value)))
            .label(msg!("yaml-unknown-value-label"))
            .help(help);
    }
    if let serde_saphyr::Error::SerdeMissingField { field, .. } = root {
        return missing::missing_field::<T>(file, field, line, first_line);
    }
    if message.contains("invalid floating point")
        || message.contains("invalid type") && message.contains("f64")
    {
        let mut diagnostic = d(msg!("yaml-not-a-number")).label(msg!("yaml-not-a-number-label"));
        if line == 0 {
            return diagnostic.help(msg!("yaml-not-a-number-help"));
        }
        let width = value_width(line_text, column);
        let value: String = line_text.chars().skip(column - 1).take(width).collect();
        diagnostic = diagnostic.at(text, line, column, width);
        return diagnostic.help(match number_meant(&value) {
            Some(number) => msg!("yaml-number-suggestion", number = number),
            None => msg!("yaml-not-a-number-help"),
        });
    }
    if let serde_saphyr::Error::DuplicateMappingKey { key, .. } = root {
        let key = key.as_deref().unwrap_or("?");
        return at_token(d(msg!("yaml-duplicate-key", key = key)))
            .label(msg!("yaml-duplicate-key-label"))
            .help(msg!("yaml-duplicate-key-help", key = key));
    }
    if message == "expected string scalar" {
        return at_token(d(msg!("yaml-not-text")))
            .label(msg!("yaml-not-text-label"))
            .help(msg!("yaml-not-text-help"));
    }
    if let Some(id) = own_error_id(message) {
        let mut diagnostic = d(Text::new(id));
        if line > 0 {
            diagnostic = diagnostic.at(text, line, column, value_width(line_text, column));
        }
        return diagnostic.help(Text::new(match id {
            "yaml-vision-form" => "yaml-vision-form-help",
            _ => "yaml-date-form-help",
        }));
    }
    if let Some(problem) = date_problem(message) {
        let value = quoted(message).unwrap_or_default();
        if let Some(joined) = joined_by_indentation(text, line, value) {
            return joined.in_file(&file.path);
        }
        let mut diagnostic = d(problem).label(msg!("yaml-date-label"));
        if line > 0 {
            diagnostic = diagnostic.at(text, line, column, value_width(line_text, column));
        }
        return diagnostic.help(match date::suggest_iso(value) {
            Some(iso) => msg!("yaml-date-suggestion", date = iso),
            None => msg!("yaml-date-help"),
        });
    }
    if message.contains("mapping values are not allowed") {
        return at_token(d(msg!("yaml-colon-in-text", line = line)))
            .label(msg!("yaml-colon-in-text-label"))
            .help(msg!("yaml-colon-in-text-help"));
    }
    let trimmed = line_text.trim_start();
    let dash_without_space =
        trimmed.starts_with('-') && !trimmed.starts_with("- ") && !trimmed.starts_with("---");
    if dash_without_space || message.contains("did not find expected '-' indicator") {
        if dash_without_space {
            let dash = line_text.chars().count() - trimmed.chars().count() + 1;
            return d(msg!("yaml-dash-without-space", line = line))
                .at(text, line, dash, 1)
                .label(msg!("yaml-dash-without-space-label"))
                .help(msg!(
                    "yaml-dash-without-space-help",
                    fixed = format!("- {}", trimmed[1..].trim_start())
                ));
        }
        return at_token(d(msg!("yaml-list-indent", line = line)))
            .help(msg!("yaml-list-indent-help"));
    }
    if message.contains("quoted scalar")
        && let Some(open) = unclosed_quote(text, first_line, line)
    {
        let open_text = text.lines().nth(open - 1).unwrap_or("");
        let column = open_text
            .find('"')
            .map_or(1, |b| open_text[..b].chars().count() + 1);
        return d(msg!("yaml-unclosed-quote", line = open))
            .at(text, open, column, 1)
            .label(msg!("yaml-unclosed-quote-label"))
            .help(msg!("yaml-unclosed-quote-help"));
    }
    at_token(d(msg!("yaml-other", problem = message))).help(msg!("yaml-other-help"))
}

/// A value that ran on into the next line because that line is indented more than its neighbours
/// (`adopted: 2014-10` followed by `   adopted_by:`), which YAML reads as one value: `2014-10 adopted_by`.
fn joined_by_indentation(text: &str, line: usize, value: &str) -> Option<Diagnostic> {
    let (_, last_word) = value.rsplit_once(' ')?;
    let lines: Vec<&str> = text.lines().collect();
    let (offset, next) = lines
        .iter()
        .enumerate()
        .skip(line)
        .take(3)
        .find(|(_, l)| l.trim_start().starts_with(&format!("{last_word}:")))?;
    let indent = |l: &str| l.chars().take_while(|c| *c == ' ').count();
    let own = indent(lines.get(line.checked_sub(1)?)?);
    let next_line = offset + 1;
    let key = last_word;
    Some(
        Diagnostic::error(
            Code::Yaml,
            msg!("yaml-joined-lines", line = next_line, key = key),
        )
        .at(text, next_line, 1, indent(next).max(1))
        .label(msg!("yaml-joined-lines-label"))
        .help(msg!(
            "yaml-joined-lines-help",
            key = key,
            spaces = own,
            above = line
        )),
    )
}

/// The line where a double-quoted text opens and is not closed on the same line, between the first
/// line of the front matter and `until`.
fn unclosed_quote(text: &str, first_line: usize, until: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(first_line.saturating_sub(1))
        .take(until.saturating_sub(first_line) + 1)
        .find(|(_, l)| {
            let value = l.split_once(": ").map_or("", |(_, v)| v.trim_start());
            value.starts_with('"') && value.matches('"').count() % 2 == 1
        })
        .map(|(i, _)| i + 1)
}

/// The number a contributor meant by `29 272` or `8,3`: without spaces, with a decimal point.
fn number_meant(value: &str) -> Option<String> {
    let number: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    (number != value && number.parse::<f64>().is_ok()).then_some(number)
}

/// The error itself, out of the wrappers that add a snippet or the alias it came through.
fn root_cause(error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    let mut error = error;
    while let serde_saphyr::Error::AliasError { error: inner, .. }
    | serde_saphyr::Error::WithSnippet { error: inner, .. } = error
    {
        error = inner;
    }
    error
}

/// The library's message without the position it appends (we give our own).
fn without_location(error: &serde_saphyr::Error) -> String {
    let raw = error.to_string();
    match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    }
}

/// Our own date errors (from `date::PartialDate::parse`), in the catalogue's words.
fn date_problem(message: &str) -> Option<Text> {
    let value = quoted(message)?;
    let rest = message.get(value.len() + 2..)?.trim_start();
    if rest.starts_with("is not a date") {
        return Some(msg!("yaml-not-a-date", value = value));
    }
    if let Some(month) = rest.strip_prefix("has month ") {
        let month = month.split(';').next().unwrap_or(month);
        return Some(msg!("yaml-date-month", value = value, month = month));
    }
    if let Some(detail) = rest.strip_prefix("is not a real date: ") {
        // "month 02 of 2021 has 28 days"
        let words: Vec<&str> = detail.split_whitespace().collect();
        if let [_, month, _, year, _, days, ..] = words.as_slice() {
            return Some(msg!(
                "yaml-date-day",
                value = value,
                month = *month,
                year = *year,
                days = *days
            ));
        }
        return Some(msg!("yaml-not-a-date", value = value));
    }
    None
}

/// The text between the first pair of backticks.
fn quoted(message: &str) -> Option<&str> {
    let rest = message.strip_prefix('`')?;
    Some(&rest[..rest.find('`')?])
}

/// The first tab at or after line `from` (1-based): its line and column.
fn find_tab(text: &str, from: usize) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, l)| l.chars().position(|c| c == '\t').map(|c| (i + 1, c + 1)))
}

/// Width of the word that starts at `column`, for the underline.
fn token_width(line: &str, column: usize) -> usize {
    line.chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && *c != ':')
        .count()
        .max(1)
}

/// Width of the whole value that starts at `column`, up to a comment or the end of the line.
fn value_width(line: &str, column: usize) -> usize {
    let value: String = line.chars().skip(column.saturating_sub(1)).collect();
    let value = match value.find(" #") {
        Some(i) => &value[..i],
        None => value.as_str(),
    };
    value.trim_end().chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        adopted: Option<crate::content::date::PartialDate>,
        adopted_by: Option<String>,
        #[serde(default)]
        items: Vec<String>,
    }

    /// The Swedish message and the position `check` gives for the front matter `yaml`.
    fn explained(yaml: &str) -> (String, String) {
        let file = SourceFile {
            path: "content/cases/x.md".into(),
            text: format!("---\n{yaml}---\n"),
        };
        let split = file.split().unwrap();
        let d = file
            .parse_yaml::<Doc>(split.yaml, split.yaml_line)
            .unwrap_err();
        let help = d
            .help
            .as_ref()
            .map(|h| h.in_lang(crate::diagnostics::Lang::Swedish))
            .unwrap_or_default();
        (
            format!(
                "{} {}",
                d.location().unwrap(),
                d.message.in_lang(crate::diagnostics::Lang::Swedish)
            ),
            help,
        )
    }

    #[test]
    fn explains_common_yaml_mistakes_in_plain_words() {
        let (what, help) = explained("title: KSL: Kommunförbundet\n");
        assert_eq!(
            what,
            "content/cases/x.md:2:11 texten på rad 2 innehåller `: `, som YAML läser som början på ett nytt fält"
        );
        assert!(help.contains("dubbla citattecken"), "{help}");
        let (what, help) = explained("title: x\nitems:\n  - a\n  -b\n");
        assert!(
            what.ends_with("rad 5 har inget mellanslag efter `-`"),
            "{what}"
        );
        assert!(help.starts_with("skriv `- b`"), "{help}");
        let (what, _) = explained("title: \"x\nadopted_by: y\nitems: [\"z\"]\n");
        assert_eq!(
            what,
            "content/cases/x.md:2:8 citattecknet på rad 2 stängs aldrig"
        );
        let (what, help) = explained("title: x\nadopted: 2014-10\n   adopted_by: Kf\n");
        assert!(
            what.starts_with("content/cases/x.md:4:1 rad 4 är indragen mer"),
            "{what}"
        );
        assert_eq!(
            help,
            "ge `adopted_by:` samma indrag som rad 3 (0 mellanslag)"
        );
    }

    #[test]
    fn reads_the_number_meant() {
        assert_eq!(number_meant("29 272").as_deref(), Some("29272"));
        assert_eq!(number_meant("8,3").as_deref(), Some("8.3"));
        assert_eq!(number_meant("många"), None);
    }

    #[test]
    fn underlines_the_whole_value() {
        assert_eq!(
            value_width("  date: 14/4 2021  # kommentar", 9),
            "14/4 2021".len()
        );
    }
}
