//! Reading a content file and turning its YAML into typed data, with every failure a diagnostic.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostics::{Code, Diagnostic, did_you_mean, parse_unknown};

/// Content files larger than this are refused: no case needs it, and it protects the build.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A content file read into memory, with its path relative to the site root.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

/// A file split into front matter and body, with the line each starts on (1-based).
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub yaml_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

impl SourceFile {
    /// Reads `root/relative`, refusing files that are too large or not UTF-8. A byte-order mark is dropped.
    pub fn read(root: &Path, relative: &Path) -> Result<SourceFile, Diagnostic> {
        let full = root.join(relative);
        let io_error = |e: std::io::Error| {
            Diagnostic::error(Code::Io, format!("could not read the file: {e}")).in_file(relative)
        };
        let size = std::fs::metadata(&full).map_err(io_error)?.len();
        if size > MAX_FILE_BYTES {
            return Err(Diagnostic::error(
                Code::FileTooLarge,
                format!(
                    "the file is {} KiB; content files may be at most {} KiB",
                    size / 1024,
                    MAX_FILE_BYTES / 1024
                ),
            )
            .in_file(relative)
            .help("split the text, or move large data out of the case"));
        }
        let bytes = std::fs::read(&full).map_err(io_error)?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                let line = valid.matches('\n').count() + 1;
                let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                return Err(Diagnostic::error(Code::NotUtf8, "the file is not valid UTF-8 text")
                    .in_file(relative)
                    .at(&lossy, line, column, 1)
                    .label("this byte is not UTF-8")
                    .help("save the file as UTF-8 (in most editors: “Save with encoding” → UTF-8)"));
            }
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        Ok(SourceFile {
            path: relative.to_path_buf(),
            text,
        })
    }

    /// Splits `---` front matter from the Markdown body. Accepts CRLF line endings.
    pub fn split(&self) -> Result<Split<'_>, Diagnostic> {
        let text = self.text.as_str();
        if text.trim().is_empty() {
            return Err(Diagnostic::error(Code::EmptyFile, "the file is empty")
                .in_file(&self.path)
                .help("start the file with front matter between two `---` lines; `inspira new case <slug>` writes a skeleton"));
        }
        let mut lines = line_spans(text);
        let first = lines.next().map(|(start, end)| &text[start..end]);
        if first.map(str::trim_end) != Some("---") {
            return Err(Diagnostic::error(
                Code::NoFrontMatter,
                "the file does not start with front matter",
            )
            .in_file(&self.path)
            .at(text, 1, 1, first.map_or(1, |l| l.chars().count()))
            .label("expected `---` here")
            .help(
                "the first line must be `---`, followed by the YAML fields and another `---` line",
            ));
        }
        let yaml_start = text.find('\n').map_or(text.len(), |i| i + 1);
        for (index, (start, end)) in lines.enumerate() {
            if text[start..end].trim_end() == "---" {
                let body_start = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                return Ok(Split {
                    yaml: &text[yaml_start..start],
                    yaml_line: 2,
                    body: &text[body_start..],
                    body_line: index + 3,
                });
            }
        }
        Err(Diagnostic::error(
            Code::UnclosedFrontMatter,
            "the front matter is never closed",
        )
        .in_file(&self.path)
        .at(text, 1, 1, 3)
        .label("front matter starts here")
        .help("add a line with only `---` after the last YAML field, before the Markdown text"))
    }

    /// Deserializes YAML that starts at line `first_line` of this file.
    pub fn parse_yaml<T: DeserializeOwned>(
        &self,
        yaml: &str,
        first_line: usize,
    ) -> Result<T, Diagnostic> {
        let options = serde_saphyr::options! { with_snippet: false };
        serde_saphyr::from_str_with_options::<T>(yaml, options)
            .map_err(|e| self.yaml_error(&e, first_line))
    }

    fn yaml_error(&self, error: &serde_saphyr::Error, first_line: usize) -> Diagnostic {
        let raw = error.to_string();
        let message = match raw.rfind(" at line ") {
            Some(i) => raw[..i].to_string(),
            None => raw.clone(),
        };
        let (message, label, help) = explain_yaml_message(&message);
        let mut d = Diagnostic::error(Code::Yaml, message).in_file(&self.path);
        if let Some(loc) = error.location() {
            let line = usize::try_from(loc.line()).unwrap_or(1) + first_line - 1;
            let column = usize::try_from(loc.column()).unwrap_or(1).max(1);
            let width = self
                .text
                .lines()
                .nth(line - 1)
                .map(|l| token_width(l, column))
                .unwrap_or(1);
            d = d.at(&self.text, line, column, width);
        }
        if let Some(label) = label {
            d = d.label(label);
        }
        if let Some(help) = help {
            d = d.help(help);
        }
        d
    }
}

/// Byte ranges of each line in `text`, without the line break.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let span = (start, end);
        start = end + 1;
        Some(span)
    })
}

/// Width of the word that starts at `column`, for the underline.
fn token_width(line: &str, column: usize) -> usize {
    line.chars()
        .skip(column - 1)
        .take_while(|c| !c.is_whitespace() && *c != ':')
        .count()
        .max(1)
}

/// Rewrites the YAML library's message into the contributor's terms: what is wrong, a label, a fix.
fn explain_yaml_message(message: &str) -> (String, Option<String>, Option<String>) {
    if let Some((field, candidates)) = parse_unknown(message, "field") {
        let help = match did_you_mean(field, candidates.iter().copied()) {
            Some(best) => format!(
                "did you mean `{best}`? (fields allowed here: {})",
                candidates.join(", ")
            ),
            None => format!("fields allowed here: {}", candidates.join(", ")),
        };
        return (
            format!("unknown field `{field}`"),
            Some("not a field of this section".into()),
            Some(help),
        );
    }
    if let Some((value, candidates)) = parse_unknown(message, "variant") {
        let help = match did_you_mean(value, candidates.iter().copied()) {
            Some(best) => format!(
                "did you mean `{best}`? (allowed values: {})",
                candidates.join(", ")
            ),
            None => format!("allowed values: {}", candidates.join(", ")),
        };
        return (
            format!("`{value}` is not an allowed value here"),
            Some("not allowed".into()),
            Some(help),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (
            format!("the required field `{field}` is missing"),
            Some(format!(
                "`{field}` is missing from the section this line belongs to"
            )),
            Some(format!(
                "add `{field}:`; docs/content-model.md describes every field"
            )),
        );
    }
    if message.contains("invalid floating point")
        || message.contains("invalid type") && message.contains("f64")
    {
        return (
            "this value must be a number".into(),
            Some("not a number".into()),
            Some(
                "write numbers without spaces or units, with a point for decimals: 29272 or 8.3"
                    .into(),
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return (
            format!("the field `{key}` is written twice"),
            Some("written again here".into()),
            Some(format!("keep one `{key}:` and remove the other")),
        );
    }
    if message == "expected string scalar" {
        return (
            "this value must be text".into(),
            Some("expected text here".into()),
            Some("a value that starts with [ { * & ! | > or a quote is read as YAML syntax: put the whole text in double quotes".into()),
        );
    }
    if message.contains("is not a date")
        || message.contains("not a real date")
        || message.contains("months run")
    {
        return (message.to_string(), Some("invalid date".into()), None);
    }
    (
        message.to_string(),
        None,
        Some("check the indentation and that text containing `: ` or starting with a special character is quoted".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from("content/cases/x.md"),
            text: text.to_string(),
        }
    }

    #[test]
    fn splits_front_matter_and_body_with_line_numbers() {
        let f = file("---\ntitle: A\n---\n# Body\n");
        let s = f.split().unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn accepts_crlf_line_endings() {
        let f = file("---\r\ntitle: A\r\n---\r\nBody\r\n");
        let s = f.split().unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.body, "Body\r\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_line_one() {
        let d = file("---\ntitle: A\n").split().unwrap_err();
        assert_eq!(d.code, crate::diagnostics::Code::UnclosedFrontMatter);
        assert_eq!(d.location().unwrap(), "content/cases/x.md:1:1");
    }

    #[test]
    fn yaml_errors_point_at_the_line_in_the_whole_file() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            title: String,
        }
        let f = file("---\ntitle: A\ntitel: B\n---\n");
        let s = f.split().unwrap();
        let d = f.parse_yaml::<T>(s.yaml, s.yaml_line).unwrap_err();
        assert_eq!(d.location().unwrap(), "content/cases/x.md:3:1");
        assert_eq!(d.message, "unknown field `titel`");
        assert!(d.help.unwrap().contains("did you mean `title`"));
    }
}
