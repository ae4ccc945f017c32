//! The front matter of a free page (a publication, the about page).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::case::{CaseMeta, Ref, Source};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub kind: PageKind,
    /// Position in the main menu; pages without one are not in the menu.
    #[serde(default)]
    pub menu: Option<u32>,
    #[serde(default)]
    pub publication: Option<Publication>,
    /// No longer needed: a publication lists every case whose `sources:` cite it. Cases named here are
    /// listed too.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub cases: Vec<Ref>,
}

impl PageMeta {
    /// Whether the page lists `case`: it cites the page's publication among its sources (same title and
    /// year), or the page names it under `cases:`.
    pub fn lists(&self, slug: &str, case: &CaseMeta) -> bool {
        self.cases.iter().any(|r| r.value == slug)
            || self
                .publication
                .as_ref()
                .is_some_and(|p| case.sources.iter().any(|s| p.is_cited_by(s)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    #[default]
    Page,
    Publication,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub title: String,
    pub publisher: String,
    pub year: u16,
    #[serde(default)]
    pub url: Option<String>,
}

impl Publication {
    /// Whether a case's source is this publication: the same title (ignoring case and surrounding
    /// space) and year.
    pub fn is_cited_by(&self, source: &Source) -> bool {
        source.year == self.year
            && source.title.trim().to_lowercase() == self.title.trim().to_lowercase()
    }
}
