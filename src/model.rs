//! Typed ids for what the derived indexes and views refer to, so that a case's position is never
//! mistaken for any other number.

use std::ops::{Index, IndexMut};

/// A case: its position in the case order (`Content::cases`, sorted by title and slug), which every
/// derived index and view uses to refer to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseId(u32);

impl CaseId {
    /// The case at position `index`.
    pub fn new(index: usize) -> CaseId {
        CaseId(u32::try_from(index).expect("fewer than 4 billion cases"))
    }

    /// Its position in the case order.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The ids of `count` cases, in case order.
    pub fn all(count: usize) -> impl Iterator<Item = CaseId> {
        (0..count).map(CaseId::new)
    }
}

/// Storage by case: `cases[id]` for anything kept in case order.
impl<T> Index<CaseId> for Vec<T> {
    type Output = T;

    fn index(&self, id: CaseId) -> &T {
        &self[id.index()]
    }
}

impl<T> IndexMut<CaseId> for Vec<T> {
    fn index_mut(&mut self, id: CaseId) -> &mut T {
        &mut self[id.index()]
    }
}

/// A free page (about, a publication): its position in `Content::pages` (sorted by menu position,
/// title and slug), which the page views share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(u32);

impl PageId {
    /// The page at position `index`.
    pub fn new(index: usize) -> PageId {
        PageId(u32::try_from(index).expect("fewer than 4 billion pages"))
    }

    /// Its position among the pages.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Storage by page: `pages[id]` for anything kept in page order.
impl<T> Index<PageId> for Vec<T> {
    type Output = T;

    fn index(&self, id: PageId) -> &T {
        &self[id.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_indexes_what_is_kept_in_case_order() {
        let titles: Vec<&str> = ["Alfa", "Beta"].into();
        let ids: Vec<CaseId> = CaseId::all(titles.len()).collect();
        assert_eq!(titles[ids[1]], "Beta");
        assert!(ids[0] < ids[1]);
    }

    #[test]
    fn a_page_id_indexes_what_is_kept_in_page_order() {
        let slugs: Vec<&str> = ["om", "publikation"].into();
        assert_eq!(slugs[PageId::new(1)], "publikation");
    }
}
