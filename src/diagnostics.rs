//! Diagnostics: every problem a contributor can cause, reported the way rustc does it.
//!
//! A diagnostic carries everything needed to render it later (file, position, the offending line), so
//! stages can collect many of them and the CLI can print them all at once, as text or as JSON.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

/// How bad a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a file: 1-based line and column (in characters), and the width to underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub width: usize,
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, machine-readable name for the kind of problem (e.g. `unknown-term`).
    pub code: &'static str,
    pub message: String,
    /// The file, relative to the site root.
    pub file: Option<PathBuf>,
    #[serde(flatten)]
    pub position: Option<Position>,
    /// The text of the offending line, without its line break.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
    /// What the underline says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: None,
            position: None,
            source_line: None,
            label: None,
            help: None,
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Points at `line:column` of `text` (the whole file), underlining `width` characters.
    pub fn at(mut self, text: &str, line: usize, column: usize, width: usize) -> Self {
        self.position = Some(Position {
            line,
            column,
            width,
        });
        self.source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?.display().to_string().replace('\\', "/");
        Some(match self.position {
            Some(p) => format!("{file}:{}:{}", p.line, p.column),
            None => file,
        })
    }

    /// Renders the diagnostic as rustc does, with or without colour.
    pub fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let path = self.location().unwrap_or_default();
        let mut group_elements = Vec::new();
        let mut title_text = self.message.clone();
        match (&self.position, &self.source_line, &self.file) {
            (Some(pos), Some(line), Some(file)) => {
                let start = byte_offset(line, pos.column);
                let end = byte_offset(line, pos.column + pos.width.max(1)).max(start + 1);
                let end = end.min(line.len()).max(start);
                let mut annotation = AnnotationKind::Primary.span(start..end);
                if let Some(label) = &self.label {
                    annotation = annotation.label(label.as_str());
                }
                let file = file.display().to_string().replace('\\', "/");
                group_elements.push(
                    Snippet::source(line.as_str())
                        .line_start(pos.line)
                        .path(file)
                        .annotation(annotation),
                );
            }
            _ => {
                if !path.is_empty() {
                    title_text = format!("{path}: {}", self.message);
                }
            }
        }
        let mut group = Group::with_title(level.primary_title(title_text).id(self.code));
        for snippet in group_elements {
            group = group.element(snippet);
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group])
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Byte offset of the 1-based character `column` in `line` (clamped to the line's end).
fn byte_offset(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

/// The problems found in one run, kept in a deterministic order.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorts by file, then position, then message, so output never depends on thread scheduling.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.file, &a.position, a.severity, &a.message).cmp(&(
                &b.file,
                &b.position,
                b.severity,
                &b.message,
            ))
        });
        self.0.dedup();
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" (or "unknown variant …") message:
/// the name written and the names allowed. `what` is `field` or `variant`.
pub fn parse_unknown<'a>(message: &'a str, what: &str) -> Option<(&'a str, Vec<&'a str>)> {
    let rest = message.strip_prefix(&format!("unknown {what} `"))?;
    let (name, expected) = rest.split_once("`, expected ")?;
    let candidates = expected
        .trim_start_matches("one of ")
        .split(", ")
        .map(|s| s.trim_matches('`'))
        .collect();
    Some((name, candidates))
}

/// The closest candidate to `wrong`, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_and_offending_line() {
        let text = "---\ntitle: Gislaved\nkind: komun\n---\n";
        let d = Diagnostic::error("yaml", "unknown kind `komun`")
            .in_file("content/cases/gislaved.md")
            .at(text, 3, 7, 5)
            .label("not a kind")
            .help("use one of: kommun, region, kommunförbund");
        let out = d.render(false);
        assert!(out.contains("content/cases/gislaved.md:3:7"), "{out}");
        assert!(out.contains("kind: komun"), "{out}");
        assert!(out.contains("^^^^^"), "{out}");
        assert!(out.contains("help: use one of"), "{out}");
    }

    #[test]
    fn reads_serdes_unknown_name_messages() {
        let (name, allowed) = parse_unknown(
            "unknown field `titel`, expected one of `title`, `kind`",
            "field",
        )
        .unwrap();
        assert_eq!((name, allowed), ("titel", vec!["title", "kind"]));
        let (name, allowed) =
            parse_unknown("unknown variant `komun`, expected `kommun`", "variant").unwrap();
        assert_eq!((name, allowed), ("komun", vec!["kommun"]));
        assert!(parse_unknown("missing field `title`", "field").is_none());
    }

    #[test]
    fn suggests_close_candidates_only() {
        assert_eq!(
            did_you_mean("delaktighte", ["bostad", "delaktighet"]),
            Some("delaktighet")
        );
        assert_eq!(did_you_mean("xyz", ["bostad", "delaktighet"]), None);
    }
}
