//! What a page shows of the views ([`Deps`]), and a fingerprint of exactly that ([`Fingerprints`]):
//! `inspira serve` renders again only the pages whose fingerprint changed since they were written,
//! and removes the pages that no longer exist. An edit, a new or removed case, a new title that moves
//! a case in the order or changed terms all go the same way: positions shift, counts change, and the
//! fingerprints of the pages that show them change with them.
//!
//! A fingerprint is made of [`Stamp`]s, numbers that [`super::Views`] gives each case's view and
//! renews only when the view changes, so comparing a page's fingerprint costs a few words per case
//! it shows, not a rendering.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use super::Views;
use crate::content::Content;
use crate::model::{CaseId, PageId};
use crate::vocabulary::Dimension;

/// What a page shows of the content. Anything not narrowed down shows every case.
#[derive(Debug, Clone, PartialEq)]
pub enum Deps {
    /// Nothing from the cases (not-found page, accessibility statement, robots.txt).
    Site,
    /// What the page shows was hashed into this number when the page was listed (the sitemap: the
    /// set of pages).
    Fixed(u64),
    /// A case's page, which also shows its neighbours' and related cases' titles.
    CasePage(CaseId),
    /// Something of every case, and the free pages' lists of cases (start page, search page, feed).
    AllCases,
    /// The cases in this range, out of how many there are, and how many cases use each term: one page
    /// of a comparison page.
    Cases(Range<usize>),
    /// How many cases use each term (lists of terms).
    TermCounts,
    /// One page of a term's page: the wording of the cases in this range of those using the term, how
    /// many use it, and the terms used alongside it.
    Term(Dimension, String, Range<usize>),
    /// One page of the case list: the cases in this range, and the filters' counts over all cases.
    CaseList(Range<usize>),
    /// A free page, which may list cases (their titles and summaries).
    Page(PageId),
    /// The booklet of a free page: its cases in full.
    Booklet(PageId),
}

impl Deps {
    /// A page that shows `value` and nothing else of the content.
    pub fn fixed(value: impl Hash) -> Deps {
        Deps::Fixed(hash(value))
    }
}

/// The versions of one case's view. Each number changes exactly when that part of the view does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    /// The whole view, as the case page shows it.
    pub view: u64,
    /// What lists and comparison pages show ([`super::case::CaseView::brief`]).
    pub brief: u64,
    /// What the case list's filters count ([`super::facets::case_facets`]).
    pub facets: u64,
    /// The case's terms, per dimension: what terms used alongside each other are counted from.
    pub terms: u64,
}

/// What the fingerprints of one state of the views are computed from, worked out once for all pages.
pub struct Fingerprints<'v> {
    views: &'v Views,
    /// Every case's brief, the number of cases and the term counts.
    all: u64,
    /// Every case's facets.
    facets: u64,
    /// How many cases use each term.
    counts: u64,
    /// Per term: the terms of every case using it (what the terms used alongside it come from).
    cooccurring: HashMap<(Dimension, &'v str), u64>,
    /// Per free page (by [`PageId`]): the views of the cases it lists.
    listed: Vec<u64>,
}

/// The numbers in order: what a set of cases shows when their order does not matter.
fn sorted(numbers: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut numbers: Vec<u64> = numbers.collect();
    numbers.sort_unstable();
    numbers
}

fn hash(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl<'v> Fingerprints<'v> {
    pub fn new(views: &'v Views, content: &Content) -> Fingerprints<'v> {
        let stamps = &views.stamps;
        let counts = hash(
            views
                .dimensions
                .iter()
                .flat_map(|d| d.terms.iter().map(|t| t.count))
                .collect::<Vec<_>>(),
        );
        // The start page and the search page also show the free pages, with their booklets.
        let all = hash((
            stamps.len(),
            counts,
            stamps.iter().map(|s| s.brief).collect::<Vec<_>>(),
            views
                .pages
                .iter()
                .map(|p| (&p.booklet_url, &p.cases))
                .collect::<Vec<_>>(),
        ));
        // The filters count cases whatever their order: a case moving in the order changes no count.
        let facets = hash(sorted(stamps.iter().map(|s| s.facets)));
        let cooccurring = views
            .index
            .terms()
            .map(|(dimension, id, usages)| {
                let terms = sorted(usages.iter().map(|u| stamps[u.case.index()].terms));
                ((dimension, id), hash(terms))
            })
            .collect();
        let listed = content
            .pages
            .iter()
            .map(|page| {
                let mut h = DefaultHasher::new();
                for (case, stamp) in content.cases.iter().zip(stamps) {
                    if page.meta.lists(&case.slug, &case.meta) {
                        stamp.view.hash(&mut h);
                    }
                }
                h.finish()
            })
            .collect();
        Fingerprints {
            views,
            all,
            facets,
            counts,
            cooccurring,
            listed,
        }
    }

    /// A number that changes whenever what a page with these dependencies shows changes.
    pub fn of(&self, deps: &Deps) -> u64 {
        let views = self.views;
        let stamps = &views.stamps;
        let briefs = |range: &Range<usize>| -> Vec<u64> {
            stamps[range.start.min(stamps.len())..range.end.min(stamps.len())]
                .iter()
                .map(|s| s.brief)
                .collect()
        };
        match deps {
            Deps::Site => 0,
            Deps::Fixed(h) => *h,
            Deps::CasePage(i) => {
                let neighbour = |j: Option<usize>| {
                    j.and_then(|j| views.cases.get(j))
                        .map(|c| (c.title.as_str(), c.url.as_str()))
                };
                let i = i.index();
                hash((
                    stamps.get(i).map(|s| s.view),
                    neighbour(i.checked_sub(1)),
                    neighbour(Some(i + 1)),
                ))
            }
            Deps::AllCases => self.all,
            Deps::Cases(range) => hash((1, stamps.len(), self.counts, briefs(range))),
            Deps::TermCounts => self.counts,
            Deps::Term(dimension, id, range) => {
                let usages = views.index.usages(*dimension, id);
                let shown = &usages[range.start.min(usages.len())..range.end.min(usages.len())];
                hash((
                    2,
                    usages.len(),
                    self.cooccurring.get(&(*dimension, id.as_str())),
                    shown
                        .iter()
                        .map(|u| stamps[u.case.index()].brief)
                        .collect::<Vec<_>>(),
                ))
            }
            Deps::CaseList(range) => hash((3, stamps.len(), self.facets, briefs(range))),
            Deps::Page(k) => views
                .pages
                .get(k.index())
                .map_or(0, |page| hash((4, &page.booklet_url, &page.cases))),
            Deps::Booklet(k) => hash((5, self.listed.get(k.index()))),
        }
    }
}

/// Each page's fingerprint, by the file it is written to.
pub type PageFingerprints = BTreeMap<String, u64>;
