//! What a page shows of the views, and what an edit of one case changed: together they decide which
//! pages `inspira serve` renders again after an edit.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::model::CaseId;
use crate::vocabulary::Dimension;

/// What a page shows of the content, so that an edit to one case re-renders only the pages showing
/// it. Anything not narrowed down shows every case.
#[derive(Debug, Clone, PartialEq)]
pub enum Deps {
    /// Nothing from the cases (not-found page, accessibility statement, robots.txt).
    Site,
    /// Case `i`'s page, which also shows its neighbours' and related cases' titles.
    CasePage(CaseId),
    /// Something of every case (start page, case list, search page, feed, sitemap).
    AllCases,
    /// The cases in this range: one page of a comparison page.
    Cases(Range<usize>),
    /// How many cases use each term (lists of terms).
    TermCounts,
    /// One page of a term's page: the wording of the cases in this range of those using the term.
    Term(Dimension, String, Range<usize>),
    /// One page of the case list: the cases in this range, and the filters' counts over all cases.
    CaseList(Range<usize>),
    /// Free page `i`, which may list cases (their titles and summaries).
    Page(usize),
    /// The booklet of free page `i`: its cases in full.
    Booklet(usize),
}

/// What an edit of one case changed, and so which pages must be rendered again.
#[derive(Debug, Clone)]
pub struct Edit {
    pub(super) case: CaseId,
    /// The title changed: neighbours and related cases show it.
    pub(super) title: bool,
    /// Something list and comparison pages show changed (anything but the description and the
    /// long texts).
    pub(super) brief: bool,
    /// Cases whose related list shows this case.
    pub(super) referrers: BTreeSet<CaseId>,
    /// The terms the case uses, each with the case's position among the cases using it.
    pub(super) terms: BTreeMap<(Dimension, String), usize>,
    /// What the case list's filters count changed (kind, county, document type, year).
    pub(super) facets: bool,
    /// Free pages that list the case, before the edit or after it.
    pub(super) pages: BTreeSet<usize>,
    /// Free pages that list the case after the edit but not before, or the other way round.
    pub(super) listing_changed: BTreeSet<usize>,
}

impl Edit {
    /// Whether a page showing `deps` must be rendered again.
    pub fn affects(&self, deps: &Deps) -> bool {
        let i = self.case;
        // Pages of cases in case order show a range of positions.
        let at = i.index();
        match deps {
            Deps::Site | Deps::TermCounts => false,
            Deps::CasePage(j) => {
                // Neighbours in the case order show each other's titles.
                let next_to = j.index() + 1 == at || at + 1 == j.index();
                *j == i || (self.title && (next_to || self.referrers.contains(j)))
            }
            Deps::AllCases => self.brief,
            Deps::Cases(range) => self.brief && range.contains(&at),
            Deps::Term(dimension, id, range) => {
                self.brief
                    && self
                        .terms
                        .get(&(*dimension, id.clone()))
                        .is_some_and(|at| range.contains(at))
            }
            Deps::CaseList(range) => self.facets || (self.brief && range.contains(&at)),
            Deps::Page(k) => {
                (self.brief && self.pages.contains(k)) || self.listing_changed.contains(k)
            }
            Deps::Booklet(k) => self.pages.contains(k),
        }
    }
}
