//! What the search index gets for each case, term and page: its readable text, title and filters,
//! made from the content model (see [`crate::search`]). The text is what the page shows, in reading
//! order, without navigation, related lists or link targets.

use std::collections::BTreeMap;

use super::case::CaseView;
use super::values::{DimensionView, PageView};
use crate::content::{Case, Content};
use crate::markdown::plain_text;
use crate::search::{Record, weight};
use crate::theme::strings::Strings;

/// Collects text blocks, one per line, skipping empty ones.
#[derive(Default)]
struct Text(String);

impl Text {
    fn add(&mut self, block: &str) {
        let block = block.trim();
        if !block.is_empty() {
            if !self.0.is_empty() {
                self.0.push('\n');
            }
            self.0.push_str(block);
        }
    }

    fn markdown(&mut self, markdown: &str) {
        self.add(&plain_text(markdown));
    }
}

/// The filters of a record from (name, value) pairs; a name may come several times, a value counts once.
fn filters(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, value) in pairs {
        if !value.is_empty() {
            let values = map.entry(name.to_string()).or_default();
            if !values.iter().any(|v| v == value) {
                values.push(value.to_string());
            }
        }
    }
    map
}

/// Every record, in a fixed order: cases, then terms, then pages.
pub(super) fn records(
    content: &Content,
    cases: &[CaseView],
    dimensions: &[DimensionView],
    pages: &[PageView],
    strings: &Strings,
) -> Vec<Record> {
    let mut records: Vec<Record> = content
        .cases
        .iter()
        .zip(cases)
        .map(|(case, view)| case_record(case, view, strings))
        .collect();
    for dim in dimensions {
        for term in &dim.terms {
            let mut text = Text::default();
            text.add(&term.label);
            text.add(&dim.title);
            text.add(&term.definition);
            // The English label and definition are indexed as English, apart from the Swedish.
            let mut english = Text::default();
            english.add(term.label_en.as_deref().unwrap_or(""));
            english.add(term.definition_en.as_deref().unwrap_or(""));
            records.push(Record {
                url: term.url.clone(),
                title: term.label.clone(),
                content: text.0,
                other_languages: if english.0.is_empty() {
                    Vec::new()
                } else {
                    vec![("en".to_string(), english.0)]
                },
                filters: filters(&[(
                    strings.get("search_filter_content"),
                    strings.get("search_section_term"),
                )]),
                weight: weight::TERM,
            });
        }
    }
    for (page, view) in content.pages.iter().zip(pages) {
        let mut text = Text::default();
        text.add(&view.title);
        text.add(&view.summary);
        text.markdown(&page.body);
        for case in &view.cases {
            text.add(&case.title);
            text.add(&case.summary);
        }
        records.push(Record {
            url: view.url.clone(),
            title: view.title.clone(),
            content: text.0,
            other_languages: Vec::new(),
            filters: filters(&[(
                strings.get("search_filter_content"),
                strings.get("search_section_page"),
            )]),
            weight: weight::PAGE,
        });
    }
    records
}

/// A case's record: everything on its page from the title to the quotes and the description.
fn case_record(case: &Case, view: &CaseView, strings: &Strings) -> Record {
    let m = &case.meta;
    let mut text = Text::default();
    text.add(&view.title);
    // What the case page's header says of it: its kind and county ("Kommun · Stockholms län").
    text.add(&format!("{} · {}", view.kind, view.county));
    text.add(&view.summary);
    text.add(&view.document.title);
    text.add(view.document.adopted_by.as_deref().unwrap_or(""));
    for fact in &view.facts {
        text.add(&format!("{} {} {}", fact.label, fact.value_text, fact.unit));
        text.add(fact.note.as_deref().unwrap_or(""));
    }
    text.markdown(&view.vision.text);
    for goal in &view.vision.goals {
        text.markdown(goal);
    }
    for part in [&m.process.led_by, &m.process.duration, &m.process.resources] {
        text.markdown(part.as_deref().unwrap_or(""));
    }
    for step in &view.process.steps {
        text.add(&step.term.label);
    }
    for step in &m.process.steps {
        text.markdown(&step.text);
    }
    for (uses, views) in [
        (&m.focus_areas, &view.focus_areas),
        (&m.success_factors, &view.success_factors),
    ] {
        for (term_use, term_view) in uses.iter().zip(views) {
            text.add(&term_use.label);
            text.add(&term_view.term.label);
            text.markdown(term_use.text.as_deref().unwrap_or(""));
        }
    }
    text.markdown(m.organisation.as_deref().unwrap_or(""));
    for group in &m.target_groups {
        text.add(group);
    }
    text.markdown(m.child_perspective.as_deref().unwrap_or(""));
    if let Some(follow_up) = &m.follow_up {
        text.markdown(follow_up.text.as_deref().unwrap_or(""));
        for indicator in &follow_up.indicators {
            text.add(indicator);
        }
    }
    text.markdown(m.next_steps.as_deref().unwrap_or(""));
    for quote in &view.quotes {
        text.add(&format!("{} {}", quote.text, quote.speaker));
    }
    text.markdown(&case.body);
    Record {
        url: view.url.clone(),
        title: view.title.clone(),
        content: text.0,
        other_languages: Vec::new(),
        weight: weight::CASE,
        filters: case_filters(view, strings),
    }
}

/// A case's filters: the same facets as the case list's, so that its filters can search the index
/// when the list is too long to filter in the page.
fn case_filters(view: &CaseView, strings: &Strings) -> BTreeMap<String, Vec<String>> {
    let year = view.document.adopted_year.map(|y| y.to_string());
    let mut pairs = vec![
        (
            strings.get("search_filter_content"),
            strings.get("search_section_case"),
        ),
        (strings.get("facet_kind"), view.kind.as_str()),
        (strings.get("facet_county"), view.county.as_str()),
        (
            strings.get("facet_document"),
            view.document.doc_type.as_str(),
        ),
        (strings.get("facet_year"), year.as_deref().unwrap_or("")),
    ];
    for (name, uses) in [
        (strings.get("facet_focus"), &view.focus_areas),
        (strings.get("facet_factor"), &view.success_factors),
    ] {
        pairs.extend(uses.iter().map(|u| (name, u.term.label.as_str())));
    }
    filters(&pairs)
}
