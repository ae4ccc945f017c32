//! How the views say what the sources support: a date with its provenance ("omkring 2009", "2009
//! (härlett)", "anges inte i källan"), a status with the date it was checked, and what a figure
//! measures. Every word comes from the string tables.

use serde::Serialize;

use crate::content::case::{Fact, Scope, StrategyDocument};
use crate::content::date::PartialDate;
use crate::content::stated::{Provenance, SourcedDate, Stated};
use crate::theme::strings::Strings;

/// A date as readers and machines see it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// As written, for machines and `<time datetime>`: `2014-10`; empty when unknown.
    pub iso: String,
    /// As readers see it, marked when it is not stated: "oktober 2014", "omkring 2009",
    /// "2009 (härlett)", "anges inte i källan".
    pub text: String,
    /// `stated`, `approximate`, `derived` or `unknown`.
    pub provenance: &'static str,
    /// Approximate or derived: shown with a distinct marker.
    pub marked: bool,
    /// How an approximate or derived date follows from the source.
    pub note: Option<String>,
    pub year: Option<u16>,
    /// The date as a fraction of years, for placing it on a time axis; none when unknown.
    pub position: Option<f64>,
}

impl DateView {
    pub fn new(strings: &Strings, date: &SourcedDate) -> DateView {
        let provenance = date.provenance();
        let written = date.date().map(|d| strings.date(&d)).unwrap_or_default();
        let text = match provenance {
            Provenance::Stated => written,
            Provenance::Approximate => strings.format("date_approximate", &[("date", &written)]),
            Provenance::Derived => strings.format("date_derived", &[("date", &written)]),
            Provenance::Unknown => strings.get("date_unknown").to_string(),
        };
        DateView {
            iso: date.date().map(|d| d.to_string()).unwrap_or_default(),
            text,
            provenance: provenance.id(),
            marked: matches!(provenance, Provenance::Approximate | Provenance::Derived),
            note: date.note().map(str::to_string),
            year: date.date().map(|d| d.year),
            position: date.date().map(|d| d.year_fraction()),
        }
    }
}

/// Text that the source may not give: the text, or "anges inte i källan".
pub fn stated_text(strings: &Strings, value: &Stated<String>) -> String {
    match value {
        Stated::Known(text) => text.clone(),
        Stated::NotInSource => strings.get("date_unknown").to_string(),
    }
}

/// A document's status as of when it was checked; a validity period that ended before the latest
/// check (or the case's last review) is shown as ended, not as "gällande".
pub fn status_text(
    strings: &Strings,
    document: &StrategyDocument,
    reviewed: Option<PartialDate>,
) -> Option<String> {
    let checked = document.status_checked;
    let as_of = checked.into_iter().chain(reviewed).max();
    if let (Some(until), Some(as_of)) = (document.valid_until, as_of)
        && as_of.certainly_after(&until)
    {
        let ended = strings.format("status_ended", &[("date", &strings.date(&until))]);
        return Some(match (document.status, checked) {
            (Some(status), Some(checked)) => strings.format(
                "status_ended_checked",
                &[
                    ("ended", &ended),
                    ("status", &strings.get(status.key()).to_lowercase()),
                    ("date", &strings.date(&checked)),
                ],
            ),
            _ => ended,
        });
    }
    let status = strings.get(document.status?.key());
    Some(match checked {
        Some(checked) => strings.format(
            "status_checked",
            &[("status", status), ("date", &strings.date(&checked))],
        ),
        None => status.to_string(),
    })
}

/// Where a figure applies and whom it counts, as readers see it; empty for the case's own population.
pub fn scope_text(strings: &Strings, fact: &Fact) -> Option<String> {
    let place = match &fact.scope {
        Scope::Own => None,
        Scope::County => Some(strings.get("scope_county").to_string()),
        Scope::Country => Some(strings.get("scope_country").to_string()),
        Scope::Place(name) => Some(name.clone()),
    };
    let parts: Vec<String> = place.into_iter().chain(fact.group.clone()).collect();
    (!parts.is_empty()).then(|| {
        strings.format(
            "fact_scope",
            &[("scope", &parts.join(strings.get("list_separator")))],
        )
    })
}

/// Whether a figure can stand beside other cases' figures of its kind: it measures the case's own
/// population as a whole, as an outcome, and is of a kind the comparison pages compare.
pub fn comparable(fact: &Fact) -> bool {
    fact.scope.is_own()
        && fact.group.is_none()
        && !fact.goal
        && fact.kind != crate::content::case::FactKind::Other
}
