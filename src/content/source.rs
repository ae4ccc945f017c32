//! Reading a content file and turning its YAML into typed data, with every failure a diagnostic.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostics::{Code, Diagnostic};
use crate::msg;

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
            Diagnostic::error(Code::Io, msg!("file-unreadable", error = e.to_string()))
                .in_file(relative)
        };
        let size = std::fs::metadata(&full).map_err(io_error)?.len();
        if size > MAX_FILE_BYTES {
            return Err(Diagnostic::error(
                Code::FileTooLarge,
                msg!(
                    "file-too-large",
                    size = size / 1024,
                    max = MAX_FILE_BYTES / 1024
                ),
            )
            .in_file(relative)
            .help(msg!("file-too-large-help")));
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
                return Err(Diagnostic::error(Code::NotUtf8, msg!("not-utf8"))
                    .in_file(relative)
                    .at(&lossy, line, column, 1)
                    .label(msg!("not-utf8-label"))
                    .help(msg!("not-utf8-help")));
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
            return Err(Diagnostic::error(Code::EmptyFile, msg!("empty-file"))
                .in_file(&self.path)
                .help(msg!("empty-file-help")));
        }
        let mut lines = line_spans(text);
        let first = lines.next().map(|(start, end)| &text[start..end]);
        if first.map(str::trim_end) != Some("---") {
            return Err(
                Diagnostic::error(Code::NoFrontMatter, msg!("no-front-matter"))
                    .in_file(&self.path)
                    .at(text, 1, 1, first.map_or(1, |l| l.chars().count()))
                    .label(msg!("no-front-matter-label"))
                    .help(msg!("no-front-matter-help")),
            );
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
        Err(
            Diagnostic::error(Code::UnclosedFrontMatter, msg!("unclosed-front-matter"))
                .in_file(&self.path)
                .at(text, 1, 1, 3)
                .label(msg!("unclosed-front-matter-label"))
                .help(msg!("unclosed-front-matter-help")),
        )
    }

    /// Deserializes YAML that starts at line `first_line` of this file.
    pub fn parse_yaml<T: DeserializeOwned>(
        &self,
        yaml: &str,
        first_line: usize,
    ) -> Result<T, Diagnostic> {
        let options = serde_saphyr::options! { with_snippet: false };
        serde_saphyr::from_str_with_options::<T>(yaml, options)
            .map_err(|e| super::yaml_error::explain::<T>(self, &e, first_line))
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
        let en = crate::diagnostics::Lang::English;
        assert_eq!(d.message.in_lang(en), "unknown field `titel`");
        assert!(d.help.unwrap().in_lang(en).contains("did you mean `title`"));
    }
}
