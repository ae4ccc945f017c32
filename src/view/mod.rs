//! View models: what templates see. Built once per build from the checked site and the derived
//! indexes ([`Views::build`]), kept by `inspira serve` and brought up to date case by case
//! ([`Views::update_case`]). Pages borrow from them; what many pages show (case summaries, the
//! dimensions) is turned into template values once here and shared, not serialised for every page.

pub mod case;
pub mod chart;
mod deps;
pub mod facets;
pub mod format;
mod records;
pub mod truth;
pub mod values;

use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use rayon::prelude::*;
use tera::Value;

pub use deps::{Deps, Fingerprints, PageFingerprints, Stamp};

use crate::compare::{self, Related, TermIndex};
use crate::config::Config;
use crate::content::{Case, Content, Page};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, Links, Origin};
use crate::model::CaseId;
use crate::routes::Route;
use crate::search;
use crate::theme::Theme;
use crate::theme::strings::{self, Strings};
use crate::vocabulary::{Dimension, Vocabulary};
use case::{CaseView, Markdown, RelatedView, ViewBuilder};
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
    /// Each case's [`Stamp`], by case position: what page fingerprints are made of.
    stamps: Vec<Stamp>,
    /// The number the next changed part of a view is stamped with.
    next_stamp: u64,
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
        // Every part of every view gets the case's own number; a change gets a new one.
        let stamps: Vec<Stamp> = content
            .cases
            .iter()
            .zip(1..)
            .map(|(case, n)| Stamp {
                view: n,
                brief: n,
                facets: n,
                terms: terms_stamp(case),
            })
            .collect();
        Ok(Views {
            next_stamp: stamps.len() as u64 + 1,
            stamps,
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
    /// case order, terms and related links (the caller checks, and calls [`Views::restructure`]
    /// otherwise). On the edited case's problems the views are unchanged.
    pub fn update_case(
        &mut self,
        content: &Content,
        vocabulary: &Vocabulary,
        i: CaseId,
    ) -> Result<(), Vec<Diagnostic>> {
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
        // Related lists show the case's title.
        let referrer_views: Vec<(CaseId, CaseView)> = if view.title != self.cases[i].title {
            CaseId::all(self.related.len())
                .filter(|&j| self.related[j].iter().any(|r| r.case == i))
                .map(|j| {
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
        self.replace_view(i, view);
        for (j, v) in referrer_views {
            self.replace_view(j, v);
        }
        self.stamps[i].terms = terms_stamp(case);
        self.list_cases(content);
        Ok(())
    }

    /// Brings the views up to date after any change to the cases: cases added, removed, moved in the
    /// order by a new title, or with new terms or related links. `content` holds the cases as they are
    /// now; `rebuild` names those whose views are built anew (the added and edited ones, and those
    /// whose links must be resolved again). The term index and the related cases are worked out again;
    /// every other case keeps its view, with its list of related cases brought up to date, and the
    /// free pages' links are resolved again. On problems the views are unchanged.
    pub fn restructure(
        &mut self,
        content: &Content,
        vocabulary: &Vocabulary,
        rebuild: &BTreeSet<&str>,
    ) -> Result<(), Vec<Diagnostic>> {
        let links = Links::new(
            &self.base_path,
            content.cases.iter().map(|c| c.slug.as_str()),
            content.pages.iter().map(|p| p.slug.as_str()),
            vocabulary,
        );
        let index = TermIndex::build(content);
        let related = compare::related_cases(content, &index);
        /// What a case's view becomes.
        enum Next {
            /// Built anew.
            Built(Box<CaseView>),
            /// The view at this old position, with a new list of related cases if it changed.
            Kept(usize, Option<Vec<RelatedView>>),
        }
        // Each case's position before the change, by slug.
        let old: HashMap<String, usize> = self
            .cases
            .iter()
            .enumerate()
            .map(|(j, c)| (c.slug.clone(), j))
            .collect();
        let planned: Vec<(Next, Vec<Diagnostic>)> = {
            let builder = ViewBuilder {
                strings: &self.strings,
                content,
                vocabulary,
                links: &links,
                index: &index,
                markdown: Markdown::Render,
            };
            content
                .cases
                .par_iter()
                .zip(related.par_iter())
                .map(|(case, related)| {
                    let mut diagnostics = Vec::new();
                    let next = match old.get(case.slug.as_str()) {
                        Some(&j) if !rebuild.contains(case.slug.as_str()) => {
                            let views: Vec<RelatedView> =
                                related.iter().map(|r| builder.related(r)).collect();
                            Next::Kept(j, (views != self.cases[j].related).then_some(views))
                        }
                        _ => Next::Built(Box::new(builder.case(case, related, &mut diagnostics))),
                    };
                    (next, diagnostics)
                })
                .collect()
        };
        let mut problems: Vec<Diagnostic> = planned.iter().flat_map(|(_, d)| d.clone()).collect();
        // Free pages may link to cases that are gone.
        let bodies: Vec<String> = content
            .pages
            .iter()
            .map(|page| page_body(page, &links, &mut problems))
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        for (view, body) in self.pages.iter_mut().zip(bodies) {
            view.body = body;
        }
        let mut old_views: Vec<Option<CaseView>> = std::mem::take(&mut self.cases)
            .into_iter()
            .map(Some)
            .collect();
        let mut old_listings: Vec<Option<Value>> = std::mem::take(&mut self.listings)
            .into_iter()
            .map(Some)
            .collect();
        let old_stamps = std::mem::take(&mut self.stamps);
        for ((next, _), case) in planned.into_iter().zip(&content.cases) {
            let (view, listing, stamp) = match next {
                Next::Kept(j, None) => (old_views[j].take(), old_listings[j].take(), old_stamps[j]),
                Next::Kept(j, Some(related)) => {
                    let mut view = old_views[j].take();
                    if let Some(v) = view.as_mut() {
                        v.related = related;
                    }
                    let stamp = Stamp {
                        view: self.fresh_stamp(),
                        ..old_stamps[j]
                    };
                    (view, old_listings[j].take(), stamp)
                }
                Next::Built(view) => {
                    let view = *view;
                    let before = old
                        .get(&case.slug)
                        .and_then(|&j| Some((old_views[j].take()?, old_stamps[j])));
                    let stamp = self.stamp_of(&view, before.as_ref(), case);
                    let listing = Value::from_serializable(&view.listing());
                    (Some(view), Some(listing), stamp)
                }
            };
            let (Some(view), Some(listing)) = (view, listing) else {
                unreachable!("each old view is kept at most once: slugs are unique");
            };
            self.cases.push(view);
            self.listings.push(listing);
            self.stamps.push(stamp);
        }
        self.dimensions = dimension_views(vocabulary, &links, &self.base_path, &index);
        self.dimension_values = self
            .dimensions
            .iter()
            .map(Value::from_serializable)
            .collect();
        self.links = links;
        self.index = index;
        self.related = related;
        self.list_cases(content);
        Ok(())
    }

    /// A number no stamp has had yet.
    fn fresh_stamp(&mut self) -> u64 {
        self.next_stamp += 1;
        self.next_stamp
    }

    /// The stamp of `view`, built anew for `case`, given the view and stamp it replaces: each part
    /// keeps its number when it shows the same as before.
    fn stamp_of(
        &mut self,
        view: &CaseView,
        before: Option<&(CaseView, Stamp)>,
        case: &Case,
    ) -> Stamp {
        let same = before.map_or((false, false, false), |(old, _)| unchanged(old, view));
        self.renew(before.map(|(_, s)| *s), same, terms_stamp(case))
    }

    /// Replaces case `i`'s view with `view`, renewing the parts of its stamp that changed; its terms
    /// are the same (the caller restructures otherwise).
    fn replace_view(&mut self, i: CaseId, view: CaseView) {
        let (_, brief, facets) = unchanged(&self.cases[i], &view);
        let old = self.stamps[i];
        // The caller rebuilt the view because its case was edited: the case page is written again.
        self.stamps[i] = self.renew(Some(old), (false, brief, facets), old.terms);
        self.listings[i] = Value::from_serializable(&view.listing());
        self.cases[i] = view;
    }

    /// A stamp that keeps `old`'s number for each part that shows the same (whole view, brief,
    /// facets) and gets a fresh one for the others.
    fn renew(
        &mut self,
        old: Option<Stamp>,
        (whole, brief, facets): (bool, bool, bool),
        terms: u64,
    ) -> Stamp {
        let mut part = |same: bool, of: fn(&Stamp) -> u64| match &old {
            Some(s) if same => of(s),
            _ => self.fresh_stamp(),
        };
        Stamp {
            view: part(whole, |s| s.view),
            brief: part(brief, |s| s.brief),
            facets: part(facets, |s| s.facets),
            terms,
        }
    }

    /// Works out again which cases each free page lists, and whether it has a booklet.
    fn list_cases(&mut self, content: &Content) {
        for (view, page) in self.pages.iter_mut().zip(&content.pages) {
            let listed = case_links(page, content, &self.cases);
            view.booklet_url = booklet_url(page, &listed, &self.base_path);
            view.cases = listed;
        }
    }
}

/// Whether a case's new view shows the same as its old one: as a whole, in lists ([`CaseView::brief`])
/// and in the case list's filters.
fn unchanged(old: &CaseView, new: &CaseView) -> (bool, bool, bool) {
    let whole = serde_json::to_value(old).ok() == serde_json::to_value(new).ok();
    let brief =
        whole || serde_json::to_value(old.brief()).ok() == serde_json::to_value(new.brief()).ok();
    let facets = facets::case_facets(old) == facets::case_facets(new);
    (whole, brief, facets)
}

/// A number for the terms a case uses, per dimension, in its own order.
fn terms_stamp(case: &Case) -> u64 {
    let mut h = DefaultHasher::new();
    compare::term_ids(case).hash(&mut h);
    h.finish()
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
        // A case file that could not be read is still a case: links to it are not broken (its own
        // problem is reported, and a build with it fails anyway).
        let links = Links::new(
            &base_path,
            content
                .cases
                .iter()
                .map(|c| c.slug.as_str())
                .chain(content.unparsed_cases.iter().map(String::as_str)),
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
    let body = page_body(page, links, diagnostics);
    let listed = case_links(page, content, cases);
    PageView {
        slug: page.slug.clone(),
        booklet_url: booklet_url(page, &listed, base_path),
        url: Route::Page(&page.slug).url(base_path),
        title: page.meta.title.clone(),
        summary: page.meta.summary.clone(),
        publication: page.meta.publication.clone(),
        body,
        cases: listed,
    }
}

/// The most cases a booklet prints. It shows each in full, about 11 kB of HTML a case, so this keeps
/// it under 1 MB; a publication that more cases cite is read through its page and the case list.
pub const BOOKLET_MAX_CASES: usize = 60;

/// Where a publication's booklet is, if it has one: when it lists at least one case and at most
/// [`BOOKLET_MAX_CASES`].
fn booklet_url(page: &Page, listed: &[CaseLink], base_path: &str) -> Option<String> {
    (page.meta.publication.is_some() && (1..=BOOKLET_MAX_CASES).contains(&listed.len()))
        .then(|| Route::Booklet(&page.slug).url(base_path))
}

/// A free page's text as HTML.
fn page_body(page: &Page, links: &Links, diagnostics: &mut Vec<Diagnostic>) -> String {
    let origin = Origin {
        path: &page.source.path,
        text: &page.source.text,
        first_line: Some(page.body_line),
    };
    markdown::render(&page.body, links, origin, diagnostics).html
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
