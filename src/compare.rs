//! Derived indexes, computed once per build: which cases use which terms, related cases and term
//! co-occurrence. Everything is keyed by ids and ordered explicitly, so output never depends on hashing.

use std::collections::BTreeMap;

use crate::content::Content;
use crate::model::CaseId;
use crate::vocabulary::{Dimension, Vocabulary};

/// Index of a case in `Content::cases`, for the counting below; the indexes hand out [`CaseId`]s.
type CaseIx = usize;

/// One case's use of one term: which entries of the case map onto it.
#[derive(Debug, Clone)]
pub struct Usage {
    pub case: CaseId,
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
            let case_ix = CaseId::new(case_ix);
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

    /// Every term that some case uses, with its usages, dimension by dimension and in id order.
    pub fn terms(&self) -> impl Iterator<Item = (Dimension, &str, &[Usage])> {
        self.usages.iter().flat_map(|(dimension, terms)| {
            terms
                .iter()
                .map(move |(id, usages)| (*dimension, id.as_str(), usages.as_slice()))
        })
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
    pub case: CaseId,
    pub shared: BTreeMap<Dimension, Vec<String>>,
    pub score: usize,
    /// Linked with `related:`, by either case.
    pub links: Vec<Link>,
}

/// A `related:` link as written: the case that wrote it, and the reason it gives.
pub type Link = (CaseId, Option<String>);

/// One case's explicit links: the other case, and each link between the two.
pub type Links = BTreeMap<CaseIx, Vec<Link>>;

/// Every case's explicit links, both ways: the cases it lists under `related:` and the cases that list
/// it, each with who wrote the link and the reason given, in case order; itself and unknown slugs left out.
pub fn explicit_links(content: &Content) -> Vec<Links> {
    let slug_ix: BTreeMap<&str, CaseIx> = content
        .cases
        .iter()
        .enumerate()
        .map(|(i, c)| (c.slug.as_str(), i))
        .collect();
    let mut links: Vec<Links> = vec![BTreeMap::new(); content.cases.len()];
    for (me, case) in content.cases.iter().enumerate() {
        for link in &case.meta.related {
            let Some(&other) = slug_ix.get(link.value.case()) else {
                continue;
            };
            if other == me {
                continue;
            }
            let written = (CaseId::new(me), link.value.reason().map(str::to_string));
            for (from, to) in [(me, other), (other, me)] {
                let list = links[from].entry(to).or_default();
                if !list.contains(&written) {
                    list.push(written.clone());
                }
            }
        }
    }
    links
}

/// How many related cases each case page lists.
pub const RELATED_LIMIT: usize = 4;

/// Related cases for every case. Each compared term gets a bitset over all cases; for a case, the
/// bitsets of its terms are added into a bit-sliced counter (a few bit planes, word by word), so the
/// count of shared terms with every other case costs a few word operations per 64 cases and term,
/// however many cases use a term. The cases with the highest counts are then read off plane by plane,
/// scanning in case order so that ties go to the lowest case index. Process steps are left out:
/// almost every case has a decision and an adoption, which says nothing about what strategies share.
/// Cases linked explicitly with `related:` always come first.
pub fn related_cases(content: &Content, _index: &TermIndex) -> Vec<Vec<Related>> {
    use rayon::prelude::*;
    let links = explicit_links(content);
    let terms = compared_terms(content);
    let n = content.cases.len();
    let words = n.div_ceil(64);
    // A number for every compared term, and its bitset of the cases that use it.
    let mut numbers: BTreeMap<(Dimension, &str), usize> = BTreeMap::new();
    let mut case_terms: Vec<Vec<usize>> = Vec::with_capacity(n);
    let mut bitsets: Vec<Vec<u64>> = Vec::new();
    for (case, dimensions) in terms.iter().enumerate() {
        let mut mine = Vec::new();
        for (dimension, ids) in dimensions {
            for id in ids {
                let number = *numbers.entry((*dimension, id)).or_insert_with(|| {
                    bitsets.push(vec![0; words]);
                    bitsets.len() - 1
                });
                bitsets[number][case / 64] |= 1 << (case % 64);
                mine.push(number);
            }
        }
        case_terms.push(mine);
    }
    (0..n)
        .into_par_iter()
        .map_init(Vec::new, |planes: &mut Vec<u64>, me| {
            // Linked either way; the keys are sorted and distinct.
            let linked: Vec<CaseIx> = links[me].keys().copied().collect();
            // How many cases are listed: at least the limit, more if more are linked explicitly.
            let limit = RELATED_LIMIT.max(linked.len());
            let need = limit - linked.len();
            let found = top_by_count(&bitsets, &case_terms[me], words, planes, need, |c| {
                c == me || linked.binary_search(&c).is_ok()
            });
            let related = |other: CaseIx| {
                let shared = shared_terms(&terms[me], &terms[other]);
                Related {
                    case: CaseId::new(other),
                    score: shared.values().map(Vec::len).sum(),
                    shared,
                    links: links[me].get(&other).cloned().unwrap_or_default(),
                }
            };
            let mut listed: Vec<Related> = linked.into_iter().map(related).collect();
            listed.sort_by_key(|r| (std::cmp::Reverse(r.score), r.case));
            listed.extend(found.into_iter().map(related));
            listed
        })
        .collect()
}

/// Each case's distinct terms per compared dimension, sorted.
fn compared_terms(content: &Content) -> Vec<Vec<(Dimension, Vec<&str>)>> {
    let compared = [Dimension::FocusAreas, Dimension::SuccessFactors];
    content
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
        .collect()
}

/// The terms two cases share, per dimension, in the first case's (sorted) order.
fn shared_terms(
    mine: &[(Dimension, Vec<&str>)],
    theirs: &[(Dimension, Vec<&str>)],
) -> BTreeMap<Dimension, Vec<String>> {
    mine.iter()
        .zip(theirs)
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
        .collect()
}

/// Up to `need` cases that share at least one of `mine` (term numbers into `bitsets`), most shared
/// terms first, then in case order, leaving out the cases `skip` names. `planes` is scratch space.
fn top_by_count(
    bitsets: &[Vec<u64>],
    mine: &[usize],
    words: usize,
    planes: &mut Vec<u64>,
    need: usize,
    skip: impl Fn(CaseIx) -> bool,
) -> Vec<CaseIx> {
    let mut found = Vec::with_capacity(need);
    if need == 0 || mine.is_empty() {
        return found;
    }
    // Bits needed to count up to mine.len(): plane p holds bit p of every case's count.
    let depth = (usize::BITS - mine.len().leading_zeros()) as usize;
    planes.clear();
    planes.resize(depth * words, 0);
    let mut counter = vec![0u64; depth];
    for w in 0..words {
        counter.fill(0);
        for &t in mine {
            // Ripple-carry addition of one bit per case into the planes.
            let mut carry = bitsets[t][w];
            for plane in counter.iter_mut() {
                if carry == 0 {
                    break;
                }
                let sum = *plane ^ carry;
                carry &= *plane;
                *plane = sum;
            }
        }
        for (p, &plane) in counter.iter().enumerate() {
            planes[p * words + w] = plane;
        }
    }
    // Read the counts off from the highest down, each in case order.
    for count in (1..=mine.len()).rev() {
        for w in 0..words {
            let mut equal = !0u64;
            for p in 0..depth {
                let plane = planes[p * words + w];
                equal &= if count >> p & 1 == 1 { plane } else { !plane };
            }
            while equal != 0 {
                let case = w * 64 + equal.trailing_zeros() as usize;
                equal &= equal - 1;
                if skip(case) {
                    continue;
                }
                found.push(case);
                if found.len() == need {
                    return found;
                }
            }
        }
    }
    found
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::source::SourceFile;
    use crate::content::{Case, parse_case};

    /// The implementation before the bitsets, kept as the oracle: for each of a case's terms, every
    /// case listed under it gets a point in a dense counter.
    fn related_cases_by_postings(content: &Content, index: &TermIndex) -> Vec<Vec<Related>> {
        use rayon::prelude::*;
        let links = explicit_links(content);
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
                                let other = usage.case.index();
                                if other != me {
                                    if counts[other] == 0 {
                                        touched.push(other);
                                    }
                                    counts[other] += 1;
                                }
                            }
                        }
                    }
                    let explicit: Vec<CaseIx> = links[me].keys().copied().collect();
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
                                case: CaseId::new(other),
                                score: counts[other] as usize,
                                shared,
                                links: links[me].get(&other).cloned().unwrap_or_default(),
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
    /// A small deterministic generator (xorshift), so failures reproduce without a dependency.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    fn case(slug: &str, focus: &[String], success: &[String], related: &[String]) -> Case {
        let list = |ids: &[String]| {
            if ids.is_empty() {
                " []\n".to_string()
            } else {
                ids.iter()
                    .map(|id| format!("\n  - term: {id}\n    label: {id}"))
                    .collect::<String>()
                    + "\n"
            }
        };
        let text = format!(
            "---\ntitle: {slug}\nkind: kommun\nplace: {slug}\ncounty: Testlän\nsummary: S.\n\
             document:\n  title: D\n  type: strategi\n  adopted: 2014-10\n  adopted_by: KF\n  source: r\n\
             vision:\n  text: V.\n\
             process:\n  steps:\n    - date: 2012\n      step: beslut\n      text: T.\n\
             focus_areas:{}success_factors:{}related: [{}]\n\
             sources:\n  - id: r\n    title: R\n    publisher: P\n    year: 2016\n---\nBody.\n",
            list(focus),
            list(success),
            related.join(", ")
        );
        parse_case(SourceFile {
            path: format!("content/cases/{slug}.md").into(),
            text,
        })
        .unwrap()
    }

    fn random_content(rng: &mut Rng) -> Content {
        let n = 1 + rng.below(100);
        let focus_terms = 1 + rng.below(8);
        let success_terms = 1 + rng.below(8);
        let terms = |rng: &mut Rng, prefix: &str, of: usize| -> Vec<String> {
            // Duplicates on purpose: a case may map several entries onto one term.
            (0..rng.below(6))
                .map(|_| format!("{prefix}{}", rng.below(of)))
                .collect()
        };
        let cases = (0..n)
            .map(|i| {
                let focus = terms(rng, "f", focus_terms);
                let success = terms(rng, "s", success_terms);
                // Links to others, to itself, to no case, and twice to the same case.
                let related: Vec<String> = (0..rng.below(8).saturating_sub(4))
                    .map(|_| match rng.below(10) {
                        0 => "nowhere".to_string(),
                        _ => format!("c{}", rng.below(n)),
                    })
                    .collect();
                case(&format!("c{i}"), &focus, &success, &related)
            })
            .collect();
        Content {
            cases,
            ..Content::default()
        }
    }

    /// One listed case as compared: the case, its score and its shared terms.
    type Listed = (CaseId, usize, Vec<(Dimension, Vec<String>)>);

    fn summary(related: &[Vec<Related>]) -> Vec<Vec<Listed>> {
        related
            .iter()
            .map(|list| {
                list.iter()
                    .map(|r| (r.case, r.score, r.shared.clone().into_iter().collect()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn bitsets_give_what_the_postings_gave() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..150 {
            let content = random_content(&mut rng);
            let index = TermIndex::build(&content);
            assert_eq!(
                summary(&related_cases(&content, &index)),
                summary(&related_cases_by_postings(&content, &index)),
                "round {round}, {} cases",
                content.cases.len()
            );
        }
    }

    #[test]
    fn more_than_sixty_four_terms_and_cases_across_words() {
        // Many terms per case (seven bit planes) and cases beyond the first words of the bitsets.
        let ids: Vec<String> = (0..70).map(|i| format!("f{i}")).collect();
        let cases: Vec<Case> = (0..200)
            .map(|i| {
                let focus: Vec<String> =
                    ids.iter().skip(i % 7).step_by(1 + i % 3).cloned().collect();
                case(&format!("c{i}"), &focus, &[], &[])
            })
            .collect();
        let content = Content {
            cases,
            ..Content::default()
        };
        let index = TermIndex::build(&content);
        assert_eq!(
            summary(&related_cases(&content, &index)),
            summary(&related_cases_by_postings(&content, &index))
        );
    }

    #[test]
    fn explicit_links_come_first_even_without_shared_terms() {
        let t = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let content = Content {
            cases: vec![
                case(
                    "a",
                    &t(&["f1", "f2"]),
                    &t(&["s1"]),
                    &t(&["e", "c", "a", "nowhere", "e"]),
                ),
                case("b", &t(&["f1", "f2"]), &t(&["s1"]), &[]),
                case("c", &t(&["f1"]), &[], &[]),
                case("d", &t(&["f2"]), &t(&["s1"]), &[]),
                case("e", &t(&["f9"]), &[], &[]),
                case("f", &t(&["f1", "f2"]), &t(&["s1"]), &[]),
                case("g", &t(&["f1", "f2"]), &[], &[]),
            ],
            ..Content::default()
        };
        let index = TermIndex::build(&content);
        let related = related_cases(&content, &index);
        assert_eq!(
            summary(&related),
            summary(&related_cases_by_postings(&content, &index))
        );
        let a: Vec<(usize, usize)> = related[0]
            .iter()
            .map(|r| (r.case.index(), r.score))
            .collect();
        // c (1 shared) and e (none) as linked, by score; then b and f (3), d and g (2): four in all,
        // or as many as are linked, counting the link to e twice.
        assert_eq!(a, [(2, 1), (4, 0), (1, 3), (5, 3)]);
        assert!(related[0][1].shared.is_empty());
        assert_eq!(related[0][2].shared[&Dimension::FocusAreas], ["f1", "f2"]);
        assert_eq!(related[0][2].shared[&Dimension::SuccessFactors], ["s1"]);
        // A case another links to lists that case too, though they share no terms.
        let e: Vec<usize> = related[4].iter().map(|r| r.case.index()).collect();
        assert_eq!(e, [0]);
        assert_eq!(related[4][0].links, [(CaseId::new(0), None)]);
    }
}
