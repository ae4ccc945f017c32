//! The values templates receive besides the case views: the site, the menu, breadcrumbs, dimensions
//! and terms, pages. Built by `Renderer` and serialised into each page's context.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(super) struct SiteView<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) base_url: &'a str,
    pub(super) base_path: String,
    pub(super) language: &'a str,
    /// The language of the interface texts; marked on the page frame when it differs from the content's.
    pub(super) ui_language: &'a str,
    pub(super) publisher: &'a crate::config::Publisher,
    pub(super) contact: &'a crate::config::Contact,
    /// `https://host` when the base URL is absolute: canonical and Open Graph URLs need it.
    pub(super) origin: Option<String>,
    /// The logo's URL, when the site has one.
    pub(super) logo: Option<String>,
    /// Whether /accessibility/ exists (linked from every footer).
    pub(super) accessibility: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct MenuItem {
    pub(super) key: String,
    pub(super) title: String,
    pub(super) url: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct Crumb {
    pub(super) title: String,
    pub(super) url: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct DimensionView {
    /// The dimension itself, for the Rust side; templates use `slug`.
    #[serde(skip)]
    pub(super) dimension: crate::vocabulary::Dimension,
    pub(super) slug: &'static str,
    pub(super) title: String,
    pub(super) title_en: Option<String>,
    pub(super) description: Option<String>,
    pub(super) url: String,
    pub(super) matrix_url: String,
    pub(super) terms: Vec<TermSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct TermSummary {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) label_en: Option<String>,
    pub(super) definition: String,
    pub(super) definition_en: Option<String>,
    pub(super) url: String,
    pub(super) count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct TermCaseView<'a> {
    pub(super) title: &'a str,
    pub(super) url: &'a str,
    pub(super) entries: Vec<TermEntryView>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct TermEntryView {
    pub(super) label: String,
    pub(super) text: Option<String>,
    pub(super) url: String,
    pub(super) lesson: bool,
    pub(super) date: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct RelatedTermView {
    pub(super) label: String,
    pub(super) url: String,
    pub(super) count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct MatrixRow<'a> {
    pub(super) term: &'a TermSummary,
    pub(super) cells: Vec<Vec<TermEntryView>>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct PageView {
    pub(super) slug: String,
    /// Set for publications with cases: the printable booklet.
    pub(super) booklet_url: Option<String>,
    pub(super) url: String,
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) publication: Option<crate::content::page::Publication>,
    pub(super) body: String,
    pub(super) cases: Vec<CaseLink>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct CaseLink {
    pub(super) title: String,
    pub(super) url: String,
    pub(super) summary: String,
}
