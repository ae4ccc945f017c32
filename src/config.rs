//! Site configuration: `inspira.toml` at the site root.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, did_you_mean};

pub const CONFIG_FILE: &str = "inspira.toml";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name, shown in the header and in page titles.
    pub title: String,
    /// One or two sentences about the site, for the start page and search engines.
    pub description: String,
    /// Where the site is published: an absolute URL (`https://example.org/kb/`) or a path (`/kb/`).
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// The language of the content, as a BCP 47 tag.
    #[serde(default = "default_language")]
    pub language: String,
    /// Where `inspira build` writes the site, relative to the root.
    #[serde(default = "default_output")]
    pub output_dir: PathBuf,
    pub publisher: Publisher,
    #[serde(default)]
    pub contact: Contact,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

fn default_base_url() -> String {
    "/".into()
}

fn default_language() -> String {
    "sv".into()
}

fn default_output() -> PathBuf {
    PathBuf::from("public")
}

impl Config {
    /// Reads and checks `inspira.toml` in `root`.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Diagnostic::error(
                "config",
                format!("could not read the site configuration: {e}"),
            )
            .in_file(CONFIG_FILE)
            .help("run inspira in a site folder (one with inspira.toml), or pass --root <folder>")
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| toml_error(&text, &e))?;
        config.base_url = normalise_base_url(&config.base_url).map_err(|problem| {
            let line = text.lines().position(|l| l.trim_start().starts_with("base_url")).map_or(1, |i| i + 1);
            Diagnostic::error("config", format!("`base_url` {problem}"))
                .in_file(CONFIG_FILE)
                .at(&text, line, 1, 8)
                .help("write an absolute URL such as https://example.org/integration/ or a path such as /integration/")
        })?;
        Ok(config)
    }

    /// The path part of the base URL, always starting and ending with `/`: every internal link starts with it.
    pub fn base_path(&self) -> String {
        match self.base_url.split_once("://") {
            Some((_, rest)) => match rest.find('/') {
                Some(i) => rest[i..].to_string(),
                None => "/".into(),
            },
            None => self.base_url.clone(),
        }
    }

    /// The absolute origin (`https://example.org`) when the base URL has one.
    pub fn origin(&self) -> Option<String> {
        let (scheme, rest) = self.base_url.split_once("://")?;
        let host = rest.split('/').next()?;
        Some(format!("{scheme}://{host}"))
    }
}

/// Checks a base URL and gives it its trailing `/`.
pub fn normalise_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    if url.is_empty() {
        return Ok("/".into());
    }
    let ok_scheme = url.starts_with("https://") || url.starts_with("http://");
    if !ok_scheme && !url.starts_with('/') {
        return Err(format!(
            "`{url}` is neither an http(s) URL nor a path starting with `/`"
        ));
    }
    if url.contains(['?', '#', ' ', '"', '<', '>']) {
        return Err(format!(
            "`{url}` must not contain spaces, quotes, `?` or `#`"
        ));
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

fn toml_error(text: &str, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let mut d = Diagnostic::error("config", message.clone()).in_file(CONFIG_FILE);
    if let Some(span) = e.span() {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let width = text[span.clone()].chars().count().max(1);
        d = d.at(text, line, column, width);
    }
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once("`, expected ")
    {
        let candidates: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .collect();
        if let Some(best) = did_you_mean(field, candidates.iter().copied()) {
            d = d.help(format!("did you mean `{best}`?"));
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_comes_from_the_url() {
        let mut c: Config =
            toml::from_str("title='t'\ndescription='d'\n[publisher]\nname='p'").unwrap();
        c.base_url = normalise_base_url("https://example.org/kb").unwrap();
        assert_eq!(c.base_path(), "/kb/");
        assert_eq!(c.origin().unwrap(), "https://example.org");
        c.base_url = normalise_base_url("/").unwrap();
        assert_eq!(c.base_path(), "/");
    }

    #[test]
    fn rejects_relative_base_urls() {
        assert!(normalise_base_url("example.org").is_err());
    }
}
