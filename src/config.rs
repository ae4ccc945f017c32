//! Site configuration: `inspira.toml` at the site root.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Code, Diagnostic, Lang, Text, did_you_mean, parse_unknown};
use crate::msg;

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
    /// The language of the site's own texts (menus, headings, buttons): `sv` or `en`, or any language
    /// the site gives a complete `i18n/<language>.toml` for.
    #[serde(default = "default_language")]
    pub ui_language: String,
    /// The language of `check` and `build` messages: `sv` or `en`. Without it, `language` decides
    /// (English for an English site, Swedish otherwise); `--lang` overrides both.
    #[serde(default)]
    pub diagnostics_language: Option<String>,
    /// Where `inspira build` writes the site, relative to the root.
    #[serde(default = "default_output")]
    pub output_dir: PathBuf,
    pub publisher: Publisher,
    #[serde(default)]
    pub contact: Contact,
    /// Re-branding without editing templates: accent colours and a logo.
    #[serde(default)]
    pub theme: ThemeConfig,
    /// The accessibility statement (tillgänglighetsredogörelse) generated at /accessibility/.
    #[serde(default)]
    pub accessibility: Option<AccessibilityStatement>,
    /// The whole-site comparison pages.
    #[serde(default)]
    pub compare: CompareConfig,
    /// Whether to write `robots.txt`. Crawlers read it only at the root of a host, so by default it is
    /// written only when the base URL's path is `/`; under a sub-path, `true` writes it for the
    /// publisher to place at the host's root.
    #[serde(default)]
    pub robots_txt: Option<bool>,
}

/// The comparison pages that show every case (matrices, overview, key figures, timeline, side by
/// side) are split into pages of this many cases, so they stay light on a phone however many cases
/// the site holds. A site with fewer cases gets one page each.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CompareConfig {
    #[serde(default = "default_cases_per_page")]
    pub cases_per_page: usize,
    /// Up to this many cases, the case list and the search page list every case on one page, and the
    /// case list's filters work in the page. Above it, the case list is split into pages of
    /// `cases_per_page` and its filters open the search page, which filters through the search index.
    #[serde(default = "default_list_all_up_to")]
    pub list_all_up_to: usize,
}

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            cases_per_page: default_cases_per_page(),
            list_all_up_to: default_list_all_up_to(),
        }
    }
}

fn default_cases_per_page() -> usize {
    50
}

fn default_list_all_up_to() -> usize {
    300
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeConfig {
    /// Accent colour on the light background, `#rrggbb`; must reach 4.5:1 contrast against white.
    #[serde(default)]
    pub accent: Option<String>,
    /// Accent colour in dark mode; must reach 4.5:1 against the dark background.
    #[serde(default)]
    pub accent_dark: Option<String>,
    /// A file in `static/` shown in the header before the site title (e.g. `logo.svg`).
    #[serde(default)]
    pub logo: Option<String>,
}

/// Following DIGG's model for tillgänglighetsredogörelser.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityStatement {
    /// How far the site complies with the law: `helt`, `delvis` or `inte förenlig`.
    pub status: Compliance,
    /// When and how the site was assessed.
    pub assessed: String,
    pub method: String,
    /// When the statement was last reviewed.
    pub updated: String,
    /// When the site was first published, if known.
    #[serde(default)]
    pub published: Option<String>,
    /// Known inaccessible content, each with the reason.
    #[serde(default)]
    pub known_issues: Vec<KnownIssue>,
    /// Where to report problems: an e-mail address; the contact's if left out.
    #[serde(default)]
    pub report_email: Option<String>,
    /// How quickly reports are answered, in words.
    #[serde(default)]
    pub response_time: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Compliance {
    #[serde(rename = "helt")]
    Helt,
    #[serde(rename = "delvis")]
    Delvis,
    #[serde(rename = "inte förenlig")]
    InteForenlig,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KnownIssue {
    pub what: String,
    pub why: String,
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
                Code::Config,
                msg!("config-unreadable", error = e.to_string()),
            )
            .in_file(CONFIG_FILE)
            .help(msg!("config-unreadable-help"))
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| toml_error(&text, &e))?;
        config.base_url = normalise_base_url(&config.base_url).map_err(|problem| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("base_url"))
                .map_or(1, |i| i + 1);
            Diagnostic::error(Code::Config, msg!("config-base-url", problem = problem))
                .in_file(CONFIG_FILE)
                .at(&text, line, 1, 8)
                .help(msg!("config-base-url-help"))
        })?;
        if config.compare.cases_per_page == 0 {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("cases_per_page"))
                .map_or(1, |i| i + 1);
            return Err(
                Diagnostic::error(Code::Config, msg!("config-cases-per-page"))
                    .in_file(CONFIG_FILE)
                    .at(&text, line, 1, "cases_per_page".len())
                    .help(msg!("config-cases-per-page-help")),
            );
        }
        if let Some(tag) = &config.diagnostics_language
            && Lang::from_tag(tag).is_none()
        {
            let key = "diagnostics_language";
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(1, |i| i + 1);
            return Err(Diagnostic::error(
                Code::Config,
                msg!("config-diagnostics-language", value = tag),
            )
            .in_file(CONFIG_FILE)
            .at(&text, line, 1, key.len())
            .help(msg!("config-diagnostics-language-help")));
        }
        for (key, value, background, help) in [
            (
                "accent",
                &config.theme.accent,
                (255, 255, 255),
                "config-accent-help",
            ),
            (
                "accent_dark",
                &config.theme.accent_dark,
                (0x12, 0x14, 0x17),
                "config-accent-dark-help",
            ),
        ] {
            if let Some(colour) = value {
                check_accent(colour, background).map_err(|problem| {
                    let line = text
                        .lines()
                        .position(|l| l.trim_start().starts_with(key))
                        .map_or(1, |i| i + 1);
                    Diagnostic::error(
                        Code::Config,
                        msg!("config-accent", key = key, problem = problem),
                    )
                    .in_file(CONFIG_FILE)
                    .at(&text, line, 1, key.len())
                    .help(Text::new(help))
                })?;
            }
        }
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

/// The language of the messages for the site in `root`: its `diagnostics_language`, else its
/// `language`, Swedish when neither names a language with a catalogue. Read leniently, before the
/// configuration is checked, so that even the configuration's own errors are in that language.
pub fn diagnostics_language(root: &Path) -> Lang {
    let Ok(text) = std::fs::read_to_string(root.join(CONFIG_FILE)) else {
        return Lang::Swedish;
    };
    let Ok(table) = text.parse::<toml::Table>() else {
        return Lang::Swedish;
    };
    ["diagnostics_language", "language"]
        .iter()
        .find_map(|key| table.get(*key)?.as_str().and_then(Lang::from_tag))
        .unwrap_or(Lang::Swedish)
}

/// Checks a base URL and gives it its trailing `/`; the error says what is wrong with it.
pub fn normalise_base_url(url: &str) -> Result<String, Text> {
    let url = url.trim();
    if url.is_empty() {
        return Ok("/".into());
    }
    let ok_scheme = url.starts_with("https://") || url.starts_with("http://");
    if !ok_scheme && !url.starts_with('/') {
        return Err(msg!("base-url-not-url-or-path", url = url));
    }
    if url.contains(['?', '#', ' ', '"', '<', '>']) {
        return Err(msg!("base-url-bad-character", url = url));
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

/// Parses `#rrggbb`.
pub fn parse_hex(colour: &str) -> Option<(u8, u8, u8)> {
    let hex = colour.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// WCAG 2.1 contrast ratio between two sRGB colours.
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn check_accent(colour: &str, background: (u8, u8, u8)) -> Result<(), Text> {
    let rgb = parse_hex(colour).ok_or_else(|| msg!("accent-not-hex", colour = colour))?;
    let ratio = contrast_ratio(rgb, background);
    if ratio < 4.5 {
        return Err(msg!(
            "accent-low-contrast",
            colour = colour,
            ratio = format!("{ratio:.2}")
        ));
    }
    Ok(())
}

fn toml_error(text: &str, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let mut d = Diagnostic::error(Code::Config, msg!("config-toml", problem = &message))
        .in_file(CONFIG_FILE);
    if let Some(span) = e.span() {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let width = text[span.clone()].chars().count().max(1);
        d = d.at(text, line, column, width);
    }
    if let Some((field, candidates)) = parse_unknown(&message, "field") {
        d.message = msg!("config-unknown-key", key = field);
        d = d.label(msg!("config-unknown-key-label"));
        d = match did_you_mean(field, candidates.iter().copied()) {
            Some(best) => d.help(msg!("did-you-mean", name = best)),
            None => d.help(msg!(
                "config-unknown-key-help",
                keys = candidates.join(", ")
            )),
        };
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
    fn contrast_follows_wcag() {
        assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!(check_accent("#005a70", (255, 255, 255)).is_ok());
        assert!(
            check_accent("#7fb2c0", (255, 255, 255))
                .unwrap_err()
                .in_lang(Lang::English)
                .contains("contrast")
        );
        assert!(check_accent("teal", (255, 255, 255)).is_err());
    }

    #[test]
    fn rejects_relative_base_urls() {
        assert!(normalise_base_url("example.org").is_err());
    }
}
