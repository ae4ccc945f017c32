//! The values templates receive besides the case views: the site, the menu, breadcrumbs, dimensions
//! and terms, pages. Built by `Renderer` and serialised into each page's context.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    /// The title without soft hyphens, for `<title>`, Open Graph and the feed.
    pub plain_title: String,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: String,
    pub language: &'a str,
    /// The language of the interface texts; marked on the page frame when it differs from the content's.
    pub ui_language: &'a str,
    pub publisher: &'a crate::config::Publisher,
    pub contact: &'a crate::config::Contact,
    /// `https://host` when the base URL is absolute: canonical and Open Graph URLs need it.
    pub origin: Option<String>,
    /// The logo's URL, when the site has one.
    pub logo: Option<String>,
    /// Whether /accessibility/ exists (linked from every footer).
    pub accessibility: bool,
    /// The JSON export of the whole knowledge base, linked from every footer.
    pub json_url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MenuItem {
    pub key: String,
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DimensionView {
    /// The dimension itself, for the Rust side; templates use `slug`.
    #[serde(skip)]
    pub dimension: crate::vocabulary::Dimension,
    pub slug: &'static str,
    pub title: String,
    pub title_en: Option<String>,
    pub description: Option<String>,
    pub url: String,
    pub matrix_url: String,
    pub terms: Vec<TermSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermSummary {
    pub id: String,
    pub label: String,
    pub label_en: Option<String>,
    pub definition: String,
    pub definition_en: Option<String>,
    pub url: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermCaseView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub entries: Vec<TermEntryView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermEntryView {
    pub label: String,
    pub text: Option<String>,
    pub url: String,
    pub lesson: bool,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedTermView {
    pub label: String,
    pub url: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow<'a> {
    pub term: &'a TermSummary,
    pub cells: Vec<Vec<TermEntryView>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub slug: String,
    /// Set for publications with cases: the printable booklet.
    pub booklet_url: Option<String>,
    pub url: String,
    pub title: String,
    pub summary: String,
    pub publication: Option<crate::content::page::Publication>,
    pub body: String,
    pub cases: Vec<CaseLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CaseLink {
    pub title: String,
    pub url: String,
    pub summary: String,
}
