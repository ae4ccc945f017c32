//! View models: what templates see. Built once per build from the checked site and the derived
//! indexes ([`Views::build`]), kept by `inspira serve` and brought up to date case by case
//! ([`Views::update_case`]). Pages borrow from them; what many pages show (case summaries, the
//! dimensions) is turned into template values once here and shared, not serialised for every page.

pub mod case;
pub mod chart;
mod edit;
pub mod facets;
pub mod format;
mod records;
pub mod truth;
pub mod values;

use std::collections::BTreeSet;
use std::ops::Range;

use tera::Value;

pub use edit::{Deps, Edit};

use crate::compare::{self, Related, TermIndex};
use crate::config::Config;
use crate::content::{Content, Page};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, Links, Origin};
use crate::model::CaseId;
use crate::routes::Route;
use crate::search;
use crate::theme::Theme;
use crate::theme::strings::{self, Strings};
use crate::vocabulary::{Dimension, Vocabulary};
use case::{CaseView, Markdown, ViewBuilder};
use values::{CaseLink, DimensionView, PageView, TermSummary};

/// Everything pages are made from.
pub struct Views {
    pub base_path: String,
    pub links: Links,
    pub strings: Strings,
    pub index: TermIndex,
    /// Each case's related cases, by case position.
    pub related: Vec<Vec<Related>>,
    pub cases: Vec<CaseView>,
    /// Each case as lists show it ([`CaseView::listing`]), as a template value, by case position:
    /// lists of cases share these instead of serialising the same cases page after page.
    listings: Vec<Value>,
    pub pages: Vec<PageView>,
    pub dimensions: Vec<DimensionView>,
    /// [`Views::dimensions`] as template values, in the same order, for the many pages that show them.
    dimension_values: Vec<Value>,
}

impl Views {
    /// Builds the case views (Markdown rendered once), the derived indexes and what lists share.
    pub fn build(
        config: &Config,
        content: &Content,
        vocabulary: &Vocabulary,
        theme: &Theme,
    ) -> Result<Views, Vec<Diagnostic>> {
        let Basis {
            base_path,
            links,
            strings,
            index,
        } = Basis::new(config, content, vocabulary, theme)?;
        let related = compare::related_cases(content, &index);
        let builder = ViewBuilder {
            strings: &strings,
            content,
            vocabulary,
            links: &links,
            index: &index,
            markdown: Markdown::Render,
        };
        let (cases, mut diagnostics) = builder.cases(&related);
        let pages: Vec<PageView> = content
            .pages
            .iter()
            .map(|p| page_view(p, content, &links, &base_path, &cases, &mut diagnostics))
            .collect();
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let dimensions = dimension_views(vocabulary, &links, &base_path, &index);
        let listings = listings(&cases);
        Ok(Views {
            dimension_values: dimensions.iter().map(Value::from_serializable).collect(),
            base_path,
            links,
            strings,
            index,
            related,
            cases,
            listings,
            pages,
            dimensions,
        })
    }

    /// What [`Views::build`] would report, without building what pages need: every link in every
    /// piece of Markdown is resolved, but nothing is rendered and no related cases are counted.
    pub fn check(
        config: &Config,
        content: &Content,
        vocabulary: &Vocabulary,
        theme: &Theme,
    ) -> Vec<Diagnostic> {
        let basis = match Basis::new(config, content, vocabulary, theme) {
            Ok(basis) => basis,
            Err(diagnostics) => return diagnostics,
        };
        let builder = ViewBuilder {
            strings: &basis.strings,
            content,
            vocabulary,
            links: &basis.links,
            index: &basis.index,
            markdown: Markdown::CheckLinks,
        };
        let no_related = vec![Vec::new(); content.cases.len()];
        let (cases, mut diagnostics) = builder.cases(&no_related);
        for page in &content.pages {
            page_view(
                page,
                content,
                &basis.links,
                &basis.base_path,
                &cases,
                &mut diagnostics,
            );
        }
        diagnostics
    }

    /// Every dimension with its terms, as one list value.
    pub fn dimensions_value(&self) -> Value {
        Value::from(&self.dimension_values[..])
    }

    /// One dimension with its terms, as a value.
    pub fn dimension_value(&self, dimension: Dimension) -> Value {
        self.dimensions
            .iter()
            .position(|d| d.dimension == dimension)
            .map_or_else(Value::none, |k| self.dimension_values[k].clone())
    }

    /// The cases in `range` as lists show them, as one list value.
    pub fn listings_of(&self, range: Range<usize>) -> Value {
        Value::from(&self.listings[range])
    }

    /// Every case as lists show it, as one list value.
    pub fn all_listings(&self) -> Value {
        self.listings_of(0..self.listings.len())
    }

    /// The `limit` most recently changed cases as lists show them, newest first (ties in case order).
    pub fn newest(&self, limit: usize) -> Value {
        let mut order: Vec<usize> = (0..self.cases.len()).collect();
        order.sort_by(|&i, &j| {
            self.cases[j]
                .changed
                .cmp(&self.cases[i].changed)
                .then(i.cmp(&j))
        });
        order.truncate(limit);
        Value::from(
            order
                .into_iter()
                .map(|i| self.listings[i].clone())
                .collect::<Vec<_>>(),
        )
    }

    /// The search records of every case, term and page, in a fixed order.
    pub fn records(&self, content: &Content) -> Vec<search::Record> {
        records::records(
            content,
            &self.cases,
            &self.dimensions,
            &self.pages,
            &self.strings,
        )
    }

    /// Brings the views up to date after case `i` was edited in place: the same slug, place in the
    /// case order, terms and related links (the caller checks, and rebuilds everything otherwise).
    /// Returns what the edit changed, or the edited case's problems (then the views are unchanged).
    pub fn update_case(
        &mut self,
        content: &Content,
        vocabulary: &Vocabulary,
        i: CaseId,
    ) -> Result<Edit, Vec<Diagnostic>> {
        let case = &content.cases[i];
        let mut diagnostics = Vec::new();
        let builder = ViewBuilder {
            strings: &self.strings,
            content,
            vocabulary,
            links: &self.links,
            index: &self.index,
            markdown: Markdown::Render,
        };
        let view = builder.case(case, &self.related[i], &mut diagnostics);
        let referrers: BTreeSet<CaseId> = CaseId::all(self.related.len())
            .filter(|&j| self.related[j].iter().any(|r| r.case == i))
            .collect();
        // Related lists show the case's title.
        let title = view.title != self.cases[i].title;
        let referrer_views: Vec<(CaseId, CaseView)> = if title {
            referrers
                .iter()
                .map(|&j| {
                    let c = &content.cases[j];
                    (j, builder.case(c, &self.related[j], &mut diagnostics))
                })
                .collect()
        } else {
            Vec::new()
        };
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let old = &self.cases[i];
        let brief =
            serde_json::to_value(old.brief()).ok() != serde_json::to_value(view.brief()).ok();
        let index = &self.index;
        let terms = compare::term_ids(case)
            .into_iter()
            .flat_map(|(d, ids)| ids.into_iter().map(move |id| (d, id)))
            .filter_map(|(d, id)| {
                let at = index.usages(d, id).iter().position(|u| u.case == i)?;
                Some(((d, id.to_string()), at))
            })
            .collect();
        let facets = facets::case_facets(old) != facets::case_facets(&view);
        self.listings[i] = Value::from_serializable(&view.listing());
        self.cases[i] = view;
        for (j, v) in referrer_views {
            self.listings[j] = Value::from_serializable(&v.listing());
            self.cases[j] = v;
        }
        let pages: BTreeSet<usize> = content
            .pages
            .iter()
            .enumerate()
            .filter(|(k, page)| {
                // Listed before the edit or after it.
                page.meta.lists(&case.slug, &case.meta)
                    || self.pages[*k]
                        .cases
                        .iter()
                        .any(|l| l.url == self.cases[i].url)
            })
            .map(|(k, _)| k)
            .collect();
        let mut listing_changed = BTreeSet::new();
        for &k in &pages {
            let listed = case_links(&content.pages[k], content, &self.cases);
            if listed.len() != self.pages[k].cases.len() {
                listing_changed.insert(k);
            }
            self.pages[k].cases = listed;
        }
        Ok(Edit {
            case: i,
            title,
            brief,
            referrers,
            terms,
            facets,
            pages,
            listing_changed,
        })
    }
}

/// Every case as lists show it, as template values, serialised on all cores.
fn listings(cases: &[CaseView]) -> Vec<Value> {
    use rayon::prelude::*;
    cases
        .par_iter()
        .map(|c| Value::from_serializable(&c.listing()))
        .collect()
}

/// What every view is built on: the base path, the link resolver, the interface strings and the
/// term index.
struct Basis {
    base_path: String,
    links: Links,
    strings: Strings,
    index: TermIndex,
}

impl Basis {
    fn new(
        config: &Config,
        content: &Content,
        vocabulary: &Vocabulary,
        theme: &Theme,
    ) -> Result<Basis, Vec<Diagnostic>> {
        let base_path = config.base_path();
        let links = Links::new(
            &base_path,
            content.cases.iter().map(|c| c.slug.as_str()),
            content.pages.iter().map(|p| p.slug.as_str()),
            vocabulary,
        );
        let strings =
            strings::load(&config.ui_language, &theme.string_tables).map_err(|d| vec![d])?;
        Ok(Basis {
            index: TermIndex::build(content),
            base_path,
            links,
            strings,
        })
    }
}

/// A free page's view: its body rendered, and the cases it lists.
fn page_view(
    page: &Page,
    content: &Content,
    links: &Links,
    base_path: &str,
    cases: &[CaseView],
    diagnostics: &mut Vec<Diagnostic>,
) -> PageView {
    let origin = Origin {
        path: &page.source.path,
        text: &page.source.text,
        first_line: Some(page.body_line),
    };
    let body = markdown::render(&page.body, links, origin, diagnostics);
    let listed = case_links(page, content, cases);
    PageView {
        slug: page.slug.clone(),
        booklet_url: (page.meta.publication.is_some() && !listed.is_empty())
            .then(|| Route::Booklet(&page.slug).url(base_path)),
        url: Route::Page(&page.slug).url(base_path),
        title: page.meta.title.clone(),
        summary: page.meta.summary.clone(),
        publication: page.meta.publication.clone(),
        body: body.html,
        cases: listed,
    }
}

/// The cases a free page lists, as links, in case order: for a publication, every case citing it.
fn case_links(page: &Page, content: &Content, cases: &[CaseView]) -> Vec<CaseLink> {
    content
        .cases
        .iter()
        .zip(cases)
        .filter(|(case, _)| page.meta.lists(&case.slug, &case.meta))
        .map(|(_, c)| CaseLink {
            title: c.title.clone(),
            url: c.url.clone(),
            summary: c.summary.clone(),
        })
        .collect()
}

/// Every dimension with its terms and how many cases use each.
fn dimension_views(
    vocabulary: &Vocabulary,
    links: &Links,
    base_path: &str,
    index: &TermIndex,
) -> Vec<DimensionView> {
    vocabulary
        .dimensions()
        .map(|d| DimensionView {
            dimension: d.dimension,
            slug: d.dimension.slug(),
            title: d.file.title.clone(),
            title_en: d.file.title_en.clone(),
            description: d.file.description.clone(),
            url: Route::Dimension(d.dimension).url(base_path),
            matrix_url: Route::Matrix(d.dimension).url(base_path),
            terms: d
                .terms()
                .iter()
                .map(|t| TermSummary {
                    id: t.id.value.clone(),
                    label: t.label.clone(),
                    label_en: t.label_en.clone(),
                    definition: t.definition.clone(),
                    definition_en: t.definition_en.clone(),
                    url: links.term_url(d.dimension, &t.id.value),
                    count: index.usages(d.dimension, &t.id.value).len(),
                })
                .collect(),
        })
        .collect()
}
