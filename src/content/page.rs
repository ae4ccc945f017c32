//! The front matter of a free page (a publication, the about page).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::case::Ref;

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
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub cases: Vec<Ref>,
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
