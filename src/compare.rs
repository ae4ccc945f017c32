//! Derived indexes, computed once per build: which cases use which terms, related cases and term
//! co-occurrence. Everything is keyed by ids and ordered explicitly, so output never depends on hashing.

use std::collections::BTreeMap;

use crate::content::Content;
use crate::vocabulary::{Dimension, Vocabulary};

/// Index of a case in `Content::cases`.
pub type CaseIx = usize;

/// One case's use of one term: which entries of the case map onto it.
#[derive(Debug, Clone)]
pub struct Usage {
    pub case: CaseIx,
    /// Positions in the case's list for that dimension (focus_areas, success_factors or process.steps).
    pub entries: Vec<usize>,
}

/// For every term, the cases that use it, in case order.
#[derive(Debug, Clone, Default)]
pub struct TermIndex {
    /// Keyed by dimension, then term id, so a lookup borrows the id instead of allocating a key.
    usages: BTreeMap<Dimension, BTreeMap<String, Vec<Usage>>>,
}

impl TermIndex {
    pub fn build(content: &Content) -> TermIndex {
        let mut usages: BTreeMap<Dimension, BTreeMap<String, Vec<Usage>>> = BTreeMap::new();
        for (case_ix, case) in content.cases.iter().enumerate() {
            for (dimension, ids) in term_ids(case) {
                for (entry, id) in ids.into_iter().enumerate() {
                    let list = usages
                        .entry(dimension)
                        .or_default()
                        .entry(id.to_string())
                        .or_default();
                    match list.last_mut() {
                        Some(u) if u.case == case_ix => u.entries.push(entry),
                        _ => list.push(Usage {
                            case: case_ix,
                            entries: vec![entry],
                        }),
                    }
                }
            }
        }
        TermIndex { usages }
    }

    pub fn usages(&self, dimension: Dimension, term: &str) -> &[Usage] {
        self.usages
            .get(&dimension)
            .and_then(|terms| terms.get(term))
            .map_or(&[], Vec::as_slice)
    }
}

/// The term ids a case uses, per dimension, in the case's own order.
pub fn term_ids(case: &crate::content::Case) -> [(Dimension, Vec<&str>); 3] {
    let m = &case.meta;
    [
        (
            Dimension::FocusAreas,
            m.focus_areas
                .iter()
                .map(|t| t.term.value.as_str())
                .collect(),
        ),
        (
            Dimension::SuccessFactors,
            m.success_factors
                .iter()
                .map(|t| t.term.value.as_str())
                .collect(),
        ),
        (
            Dimension::ProcessSteps,
            m.process
                .steps
                .iter()
                .map(|s| s.step.value.as_str())
                .collect(),
        ),
    ]
}

/// A case related to another, and the shared terms that make it so.
#[derive(Debug, Clone)]
pub struct Related {
    pub case: CaseIx,
    pub shared: BTreeMap<Dimension, Vec<String>>,
    pub score: usize,
}

/// How many related cases each case page lists.
pub const RELATED_LIMIT: usize = 4;

/// Related cases for every case, through the inverted index: for each of a case's terms, the cases
/// listed under that term get a point in a dense counter, so the work is the number of (term, case)
/// postings visited, with no comparison of case pairs that share nothing and no per-pair allocation.
/// Only the best few candidates get their shared terms spelled out. Process steps are left out:
/// almost every case has a decision and an adoption, which says nothing about what strategies share.
/// Cases linked explicitly with `related:` always come first.
pub fn related_cases(content: &Content, index: &TermIndex) -> Vec<Vec<Related>> {
    use rayon::prelude::*;
    let slug_ix: BTreeMap<&str, CaseIx> = content
        .cases
        .iter()
        .enumerate()
        .map(|(i, c)| (c.slug.as_str(), i))
        .collect();
    let compared = [Dimension::FocusAreas, Dimension::SuccessFactors];
    // Each case's distinct terms per compared dimension, sorted, for the counting and the reasons.
    let terms: Vec<Vec<(Dimension, Vec<&str>)>> = content
        .cases
        .iter()
        .map(|case| {
            term_ids(case)
                .into_iter()
                .filter(|(d, _)| compared.contains(d))
                .map(|(d, mut ids)| {
                    ids.sort_unstable();
                    ids.dedup();
                    (d, ids)
                })
                .collect()
        })
        .collect();
    let n = content.cases.len();
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u32; n], Vec::new()),
            |(counts, touched), me| {
                for (dimension, ids) in &terms[me] {
                    for id in ids {
                        for usage in index.usages(*dimension, id) {
                            if usage.case != me {
                                if counts[usage.case] == 0 {
                                    touched.push(usage.case);
                                }
                                counts[usage.case] += 1;
                            }
                        }
                    }
                }
                let explicit: Vec<CaseIx> = content.cases[me]
                    .meta
                    .related
                    .iter()
                    .filter_map(|r| slug_ix.get(r.value.as_str()).copied())
                    .filter(|&ix| ix != me)
                    .collect();
                // Explicit links first, then by score, then in case order: a total, deterministic order.
                let key = |c: CaseIx, counts: &[u32]| {
                    (!explicit.contains(&c), std::cmp::Reverse(counts[c]), c)
                };
                for &ix in &explicit {
                    if counts[ix] == 0 && !touched.contains(&ix) {
                        touched.push(ix);
                    }
                }
                let mut top = touched.clone();
                let limit = RELATED_LIMIT.max(explicit.len()).min(top.len());
                if limit > 0 && limit < top.len() {
                    top.select_nth_unstable_by_key(limit - 1, |&c| key(c, counts));
                }
                top.truncate(limit);
                top.sort_unstable_by_key(|&c| key(c, counts));
                let related = top
                    .iter()
                    .map(|&other| {
                        let shared: BTreeMap<Dimension, Vec<String>> = terms[me]
                            .iter()
                            .zip(&terms[other])
                            .map(|((d, mine), (_, theirs))| {
                                (
                                    *d,
                                    mine.iter()
                                        .filter(|id| theirs.binary_search(id).is_ok())
                                        .map(|id| id.to_string())
                                        .collect::<Vec<_>>(),
                                )
                            })
                            .filter(|(_, ids)| !ids.is_empty())
                            .collect();
                        Related {
                            case: other,
                            score: counts[other] as usize,
                            shared,
                        }
                    })
                    .collect();
                // Reset only what was touched, so the counter is reused at no cost per case.
                for c in touched.drain(..) {
                    counts[c] = 0;
                }
                related
            },
        )
        .collect()
}

/// For a term, the other terms of the same dimension that cases use alongside it, most frequent first.
pub fn cooccurring(
    content: &Content,
    index: &TermIndex,
    vocabulary: &Vocabulary,
    dimension: Dimension,
    term: &str,
) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for usage in index.usages(dimension, term) {
        let case = &content.cases[usage.case];
        let ids = term_ids(case)
            .into_iter()
            .find(|(d, _)| *d == dimension)
            .map(|(_, ids)| ids)
            .unwrap_or_default();
        let mut ids: Vec<&str> = ids.into_iter().filter(|id| *id != term).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            if let Some(t) = vocabulary.dimension(dimension).get(id) {
                *counts.entry(t.id.value.as_str()).or_default() += 1;
            }
        }
    }
    let terms = vocabulary.dimension(dimension);
    let mut list: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(id, n)| (id.to_string(), n))
        .collect();
    list.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(terms.position(&a.0).cmp(&terms.position(&b.0)))
    });
    list
}
