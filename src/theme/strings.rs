//! Interface texts: every word the theme shows that is not content comes from a string table
//! (`themes/default/i18n/<language>.toml`, overridable per site in `i18n/<language>.toml`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::date::PartialDate;
use crate::diagnostics::{Code, Diagnostic};

/// String tables of the default theme, by language.
pub const DEFAULT_TABLES: &[(&str, &str)] = &[
    ("sv", include_str!("../../themes/default/i18n/sv.toml")),
    ("en", include_str!("../../themes/default/i18n/en.toml")),
];

/// One language's interface texts.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Strings {
    map: BTreeMap<String, String>,
}

impl Strings {
    /// Parses a table; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Strings, Diagnostic> {
        toml::from_str::<BTreeMap<String, String>>(text)
            .map(|map| Strings { map })
            .map_err(|e| {
                Diagnostic::error(
                    Code::I18n,
                    crate::msg!("i18n-invalid", problem = e.message().trim()),
                )
                .in_file(file)
                .help(crate::msg!("i18n-invalid-help"))
            })
    }

    /// Adds or replaces texts from `other` (a site's overrides).
    pub fn merge(&mut self, other: Strings) {
        self.map.extend(other.map);
    }

    /// Keys of `reference` that this table lacks.
    pub fn missing_keys<'a>(&self, reference: &'a Strings) -> Vec<&'a str> {
        reference
            .map
            .keys()
            .filter(|k| !self.map.contains_key(*k))
            .map(String::as_str)
            .collect()
    }

    /// The text for `key`; the key itself when a table lacks it (loading checks completeness).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The text for `key` with every `{name}` replaced.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// A date as a reader of this language writes it: "31 december 2015", "mars 2012", "2011".
    pub fn date(&self, date: &PartialDate) -> String {
        let month = |m: u8| {
            self.get("months")
                .split_whitespace()
                .nth(usize::from(m) - 1)
                .unwrap_or("")
                .to_string()
        };
        let year = date.year.to_string();
        match (date.month, date.day) {
            (Some(m), Some(d)) => self.format(
                "date_day",
                &[
                    ("day", &d.to_string()),
                    ("month", &month(m)),
                    ("year", &year),
                ],
            ),
            (Some(m), None) => self.format("date_month", &[("month", &month(m)), ("year", &year)]),
            _ => year,
        }
    }
}

/// The table for `language`: the theme's, with the site's overrides, complete against Swedish.
pub fn load(language: &str, site_tables: &[(String, String)]) -> Result<Strings, Diagnostic> {
    let reference = Strings::parse("themes/default/i18n/sv.toml", DEFAULT_TABLES[0].1)?;
    let mut strings = match DEFAULT_TABLES.iter().find(|(l, _)| *l == language) {
        Some((l, text)) => Strings::parse(&format!("themes/default/i18n/{l}.toml"), text)?,
        None => Strings {
            map: BTreeMap::new(),
        },
    };
    let site_file = format!("i18n/{language}.toml");
    if let Some((_, text)) = site_tables
        .iter()
        .find(|(name, _)| *name == format!("{language}.toml"))
    {
        strings.merge(Strings::parse(&site_file, text)?);
    } else if strings.map.is_empty() {
        return Err(Diagnostic::error(
            Code::I18n,
            crate::msg!("i18n-no-language", language = language),
        )
        .in_file(crate::config::CONFIG_FILE)
        .help(crate::msg!("i18n-no-language-help", file = &site_file)));
    }
    let missing = strings.missing_keys(&reference);
    if !missing.is_empty() {
        return Err(Diagnostic::error(
            Code::I18n,
            crate::msg!(
                "i18n-missing",
                count = missing.len(),
                keys = missing.join(", ")
            ),
        )
        .in_file(site_file)
        .help(crate::msg!("i18n-missing-help")));
    }
    Ok(strings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let sv = Strings::parse("sv", DEFAULT_TABLES[0].1).unwrap();
        for (language, text) in DEFAULT_TABLES {
            let table = Strings::parse(language, text).unwrap();
            assert!(
                table.missing_keys(&sv).is_empty(),
                "{language}: {:?}",
                table.missing_keys(&sv)
            );
            assert!(
                sv.missing_keys(&table).is_empty(),
                "{language} has keys sv lacks: {:?}",
                sv.missing_keys(&table)
            );
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let d = PartialDate::parse("2015-12-31").unwrap();
        assert_eq!(load("sv", &[]).unwrap().date(&d), "31 december 2015");
        assert_eq!(load("en", &[]).unwrap().date(&d), "31 December 2015");
        assert_eq!(
            load("sv", &[])
                .unwrap()
                .date(&PartialDate::parse("2012-03").unwrap()),
            "mars 2012"
        );
    }

    #[test]
    fn an_incomplete_site_table_is_an_error() {
        let err = load(
            "de",
            &[("de.toml".into(), "skip_link = \"Zum Inhalt\"\n".into())],
        )
        .unwrap_err();
        let message = err.message.in_lang(crate::diagnostics::Lang::English);
        assert!(message.contains("texts are missing"), "{message}");
    }
}
