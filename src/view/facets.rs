//! The faceted case list's data: facet values with counts, and each case's values for the script.

use std::collections::BTreeMap;

use serde::Serialize;

use super::case::CaseView;
use super::values::DimensionView;
use crate::content::swedish_sort_key;
use crate::theme::strings::Strings;
use crate::vocabulary::Dimension;

#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    pub key: &'static str,
    pub title: String,
    /// The filter's name in the search page's address, where a long case list's filters lead.
    pub param: String,
    pub values: Vec<FacetValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// The facets of the case list with counts over all cases, in a stable order.
pub fn facets(cases: &[CaseView], dimensions: &[DimensionView], strings: &Strings) -> Vec<Facet> {
    let count = |key: &'static str,
                 title: &str,
                 values: &mut dyn Iterator<Item = (String, String)>,
                 numeric: bool| {
        let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for (value, label) in values {
            counts.entry(value).or_insert((label, 0)).1 += 1;
        }
        let mut values: Vec<FacetValue> = counts
            .into_iter()
            .map(|(value, (label, count))| FacetValue {
                value,
                label,
                count,
            })
            .collect();
        if !numeric {
            values.sort_by_key(|v| swedish_sort_key(&v.label));
        }
        Facet {
            key,
            title: title.to_string(),
            param: crate::search::filter_param(title),
            values,
        }
    };
    let terms = |dim: Dimension| dimensions.iter().find(|d| d.dimension == dim);
    // How many cases use each term is in the term index already.
    let term_facet = |key: &'static str, title: &str, dim: Dimension| {
        let Some(d) = terms(dim) else {
            return Facet {
                key,
                title: title.to_string(),
                param: crate::search::filter_param(title),
                values: Vec::new(),
            };
        };
        let values = d
            .terms
            .iter()
            .map(|t| FacetValue {
                value: t.id.clone(),
                label: t.label.clone(),
                count: t.count,
            })
            .filter(|v| v.count > 0)
            .collect();
        Facet {
            key,
            title: title.to_string(),
            param: crate::search::filter_param(title),
            values,
        }
    };
    vec![
        count(
            "typ",
            strings.get("facet_kind"),
            &mut cases
                .iter()
                .map(|c| (slug::slugify(&c.kind), c.kind.clone())),
            false,
        ),
        count(
            "lan",
            strings.get("facet_county"),
            &mut cases
                .iter()
                .map(|c| (slug::slugify(&c.county), c.county.clone())),
            false,
        ),
        count(
            "dokument",
            strings.get("facet_document"),
            &mut cases.iter().map(|c| {
                (
                    slug::slugify(&c.document.doc_type),
                    c.document.doc_type.clone(),
                )
            }),
            false,
        ),
        count(
            "ar",
            strings.get("facet_year"),
            &mut cases.iter().filter_map(|c| {
                c.document
                    .adopted_year
                    .map(|y| (y.to_string(), y.to_string()))
            }),
            true,
        ),
        term_facet("fokus", strings.get("facet_focus"), Dimension::FocusAreas),
        term_facet(
            "faktor",
            strings.get("facet_factor"),
            Dimension::SuccessFactors,
        ),
    ]
}

/// The facet values of one case, as `data-` attribute values (space separated ids).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseFacets {
    pub typ: String,
    pub lan: String,
    pub dokument: String,
    pub ar: String,
    pub fokus: String,
    pub faktor: String,
}

pub fn case_facets(case: &CaseView) -> CaseFacets {
    let mut fokus: Vec<&str> = case
        .focus_areas
        .iter()
        .map(|u| u.term.id.as_str())
        .collect();
    fokus.sort_unstable();
    fokus.dedup();
    let mut faktor: Vec<&str> = case
        .success_factors
        .iter()
        .map(|u| u.term.id.as_str())
        .collect();
    faktor.sort_unstable();
    faktor.dedup();
    CaseFacets {
        typ: slug::slugify(&case.kind),
        lan: slug::slugify(&case.county),
        dokument: slug::slugify(&case.document.doc_type),
        ar: case
            .document
            .adopted_year
            .map(|y| y.to_string())
            .unwrap_or_default(),
        fokus: fokus.join(" "),
        faktor: faktor.join(" "),
    }
}
