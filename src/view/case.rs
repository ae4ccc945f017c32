//! View models: what templates see. Built once per build from the validated site and the derived
//! indexes; every page's context borrows from them.

use std::collections::BTreeMap;

use serde::Serialize;

use super::format::number_sv;
use super::truth::{DateView, comparable, scope_text, stated_text, status_text};
use crate::compare::{Related, TermIndex};
use crate::content::case::{Outcome, Ref, Source, TermUse};
use crate::content::stated::{SourcedDate, Stated};
use crate::content::{Case, Content};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, Heading, Links, Origin};
use crate::vocabulary::{Dimension, Vocabulary};

#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub kind: String,
    pub place: String,
    pub county: String,
    pub summary: String,
    pub updated: Option<String>,
    /// When the case last changed, for feeds: `updated`, else the adoption date, else the last step.
    pub changed: String,
    pub document: DocumentView,
    pub facts: Vec<FactView>,
    pub vision: VisionView,
    pub process: ProcessView,
    pub focus_areas: Vec<TermUseView>,
    pub success_factors: Vec<TermUseView>,
    pub organisation: Option<String>,
    pub target_groups: Vec<String>,
    pub child_perspective: Option<String>,
    pub follow_up: Option<FollowUpView>,
    pub next_steps: Option<String>,
    pub quotes: Vec<QuoteView>,
    pub series: Vec<SeriesView>,
    pub sources: Vec<SourceView>,
    pub body: String,
    pub toc: Vec<Heading>,
    pub related: Vec<RelatedView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub title: String,
    pub doc_type: String,
    /// When it was adopted, marked when approximate or derived; "anges inte i källan" when declared unknown.
    pub adopted: Option<String>,
    pub adopted_note: Option<String>,
    pub adopted_year: Option<u16>,
    pub adopted_by: Option<String>,
    /// When it was published (a report is published, not adopted).
    pub published: Option<String>,
    pub published_note: Option<String>,
    pub valid: Option<String>,
    /// The status as of when it was checked, or that the validity period has ended.
    pub status: Option<String>,
    pub replaces: Option<String>,
    pub url: Option<String>,
    pub source: Option<SourceRef>,
}

/// A citation: which source, and the anchor of its entry in the case's source list.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub anchor: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactView {
    pub kind: &'static str,
    pub label: String,
    pub value: f64,
    pub value_text: String,
    pub unit: String,
    /// Where the figure applies and whom it counts, when not the case's own population: "gäller riket".
    pub scope: Option<String>,
    /// `egen`, `länet`, `riket` or the named place, for machines.
    pub scope_id: String,
    pub group: Option<String>,
    /// A goal, not an outcome.
    pub goal: bool,
    /// Whether comparison pages may set it beside other cases' figures of its kind.
    pub comparable: bool,
    /// The date as readers see it, marked when approximate or derived.
    pub date: Option<String>,
    /// The date as written in the file (`2015-12-31`), for machines.
    pub date_iso: Option<String>,
    /// `stated`, `approximate`, `derived` or `unknown`.
    pub date_provenance: Option<&'static str>,
    pub date_note: Option<String>,
    pub period: Option<String>,
    pub source: Option<SourceRef>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VisionView {
    /// The vision; when the source states none, the sentence saying so.
    pub text: String,
    /// False when the source states no vision (`vision: okänt`).
    pub stated: bool,
    pub source: Option<SourceRef>,
    pub goals: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProcessView {
    pub led_by: Option<String>,
    pub duration: Option<String>,
    pub resources: Option<String>,
    /// Every step, in the file's order; the undated ones have an empty `date`.
    pub steps: Vec<StepView>,
    /// Some step has no date in the source: the case page lists those apart.
    pub has_undated: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub anchor: String,
    /// The date as written (`2014-10`); empty when the source gives none.
    pub date: String,
    /// The date as readers see it, marked when approximate or derived.
    pub date_text: String,
    /// `stated`, `approximate`, `derived` or `unknown`.
    pub provenance: &'static str,
    /// Approximate or derived.
    pub marked: bool,
    /// How an approximate or derived date follows from the source.
    pub date_note: Option<String>,
    pub year: Option<u16>,
    /// The date as a fraction of years, for placing it on a timeline; none when undated.
    pub position: Option<f64>,
    /// Planned, not yet done when the source was written.
    pub planned: bool,
    /// The date as the content model writes it, for the exports: `2014-10`, `omkring 2009`,
    /// `2009 (härlett)`, `okänt`; ` (planerat)` after a planned step.
    pub written: String,
    pub term: TermLink,
    pub text: String,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub id: String,
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermUseView {
    pub anchor: String,
    pub term: TermLink,
    pub label: String,
    pub text: Option<String>,
    pub lesson: bool,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUpView {
    pub text: Option<String>,
    pub indicators: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub text: String,
    /// Who the words are attributed to: the speaker's role, or the publication they are from.
    pub speaker: String,
    /// The publication's words, or a speaker it does not name: attributed to the publication.
    pub narration: bool,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesView {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub source: Option<SourceRef>,
    pub points: Vec<PointView>,
    /// The series as an accessible SVG line chart.
    pub svg: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    pub period: String,
    pub value: f64,
    pub value_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub id: String,
    pub anchor: String,
    pub title: String,
    pub publisher: String,
    pub year: u16,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedView {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub reasons: Vec<String>,
}

/// What lists of cases show of each (the start page, the case list, the search page, the feed, the
/// rows of the matrices and the facts): its name, kind, place and document.
#[derive(Debug, Clone, Serialize)]
pub struct CaseListing<'a> {
    pub slug: &'a str,
    pub url: &'a str,
    pub title: &'a str,
    pub kind: &'a str,
    pub county: &'a str,
    pub summary: &'a str,
    pub changed: &'a str,
    pub document: DocumentListing<'a>,
}

/// What lists show of a case's document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentListing<'a> {
    pub title: &'a str,
    pub doc_type: &'a str,
    pub adopted: Option<&'a str>,
    pub adopted_year: Option<u16>,
}

/// What the comparison pages need of a case: everything but the long texts (description,
/// governance, quotes, sources).
#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary<'a> {
    pub slug: &'a str,
    pub url: &'a str,
    pub title: &'a str,
    pub kind: &'a str,
    pub county: &'a str,
    pub summary: &'a str,
    pub changed: &'a str,
    pub document: &'a DocumentView,
    pub facts: &'a [FactView],
    pub vision: &'a VisionView,
    pub process: &'a ProcessView,
    pub focus_areas: &'a [TermUseView],
    pub success_factors: &'a [TermUseView],
}

/// The entries of a focus-area or success-factor list that map onto `term`.
fn uses<'a>(list: &'a [TermUseView], term: &str) -> Vec<TermEntry<'a>> {
    list.iter()
        .filter(|u| u.term.id == term)
        .map(|u| TermEntry {
            label: &u.label,
            text: u.text.as_deref(),
            anchor: &u.anchor,
            lesson: u.lesson,
            date: None,
        })
        .collect()
}

/// One of a case's entries for a term: a focus area or success factor in the case's own words, or a
/// dated process step.
#[derive(Debug, Clone, Copy)]
pub struct TermEntry<'a> {
    /// The case's wording; for a process step, its date as readers see it.
    pub label: &'a str,
    pub text: Option<&'a str>,
    pub anchor: &'a str,
    pub lesson: bool,
    /// For a process step, the date as written (`2014-10`).
    pub date: Option<&'a str>,
}

impl CaseView {
    /// The case's entries for `term` in `dimension`, in the case's order.
    pub fn entries(&self, dimension: Dimension, term: &str) -> Vec<TermEntry<'_>> {
        match dimension {
            Dimension::FocusAreas => uses(&self.focus_areas, term),
            Dimension::SuccessFactors => uses(&self.success_factors, term),
            Dimension::ProcessSteps => self
                .process
                .steps
                .iter()
                .filter(|s| s.term.id == term)
                .map(|s| TermEntry {
                    label: &s.date_text,
                    text: Some(&s.text),
                    anchor: &s.anchor,
                    lesson: false,
                    date: Some(&s.written),
                })
                .collect(),
        }
    }

    pub fn listing(&self) -> CaseListing<'_> {
        let d = &self.document;
        CaseListing {
            slug: &self.slug,
            url: &self.url,
            title: &self.title,
            kind: &self.kind,
            county: &self.county,
            summary: &self.summary,
            changed: &self.changed,
            document: DocumentListing {
                title: &d.title,
                doc_type: &d.doc_type,
                adopted: d.adopted.as_deref(),
                adopted_year: d.adopted_year,
            },
        }
    }

    pub fn brief(&self) -> CaseSummary<'_> {
        CaseSummary {
            slug: &self.slug,
            url: &self.url,
            title: &self.title,
            kind: &self.kind,
            county: &self.county,
            summary: &self.summary,
            changed: &self.changed,
            document: &self.document,
            facts: &self.facts,
            vision: &self.vision,
            process: &self.process,
            focus_areas: &self.focus_areas,
            success_factors: &self.success_factors,
        }
    }
}

/// Anchor prefixes of the passages on a case page, per dimension.
pub fn anchor_prefix(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::FocusAreas => "fokus",
        Dimension::SuccessFactors => "faktor",
        Dimension::ProcessSteps => "steg",
    }
}

/// Builds the view of every case. Markdown in fields and body is rendered here, once.
pub struct ViewBuilder<'a> {
    pub strings: &'a crate::theme::strings::Strings,
    pub content: &'a Content,
    pub vocabulary: &'a Vocabulary,
    pub links: &'a Links,
    pub index: &'a TermIndex,
    pub markdown: Markdown,
}

/// What [`ViewBuilder`] does with Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markdown {
    /// Renders it to sanitised HTML, for pages.
    Render,
    /// Only resolves its links, for `inspira check`: the views are then fit for nothing but their
    /// diagnostics, so [`super::Views::check`] drops them.
    CheckLinks,
}

impl ViewBuilder<'_> {
    fn markdown(
        &self,
        text: &str,
        origin: Origin<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> markdown::Rendered {
        match self.markdown {
            Markdown::Render => markdown::render(text, self.links, origin, diagnostics),
            Markdown::CheckLinks => {
                markdown::check_links(text, self.links, origin, diagnostics);
                markdown::Rendered::default()
            }
        }
    }

    pub fn case(
        &self,
        case: &Case,
        related: &[Related],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> CaseView {
        let m = &case.meta;
        let origin = Origin {
            path: &case.source.path,
            text: &case.source.text,
            first_line: None,
        };
        let mut md = |text: &str| self.markdown(text, origin, diagnostics).html;
        let sources: BTreeMap<&str, &Source> =
            m.sources.iter().map(|s| (s.id.value.as_str(), s)).collect();
        let cite = |r: &Ref| -> Option<SourceRef> {
            let s = sources.get(r.value.as_str())?;
            Some(SourceRef {
                id: r.value.clone(),
                anchor: format!("kalla-{}", r.value),
                label: format!("{} ({}, {})", s.title, s.publisher, s.year),
            })
        };
        let term_link = |dimension: Dimension, id: &str| TermLink {
            id: id.to_string(),
            label: self
                .vocabulary
                .dimension(dimension)
                .get(id)
                .map_or_else(|| id.to_string(), |t| t.label.clone()),
            url: self.links.term_url(dimension, id),
        };
        let mut anchors = Anchors::default();
        let mut uses = |dimension: Dimension,
                        list: &[TermUse],
                        md: &mut dyn FnMut(&str) -> String|
         -> Vec<TermUseView> {
            list.iter()
                .map(|t| TermUseView {
                    anchor: anchors.next(anchor_prefix(dimension), &t.term.value),
                    term: term_link(dimension, &t.term.value),
                    label: t.label.clone(),
                    text: t.text.as_deref().map(&mut *md),
                    lesson: t.outcome == Some(Outcome::Lardom),
                    source: t.source.as_ref().and_then(cite),
                })
                .collect()
        };
        let focus_areas = uses(Dimension::FocusAreas, &m.focus_areas, &mut md);
        let success_factors = uses(Dimension::SuccessFactors, &m.success_factors, &mut md);
        let steps: Vec<StepView> = m
            .process
            .steps
            .iter()
            .map(|s| {
                let date = DateView::new(self.strings, &s.date.value);
                StepView {
                    anchor: anchors.next(anchor_prefix(Dimension::ProcessSteps), &s.step.value),
                    date: date.iso,
                    date_text: date.text,
                    provenance: date.provenance,
                    marked: date.marked,
                    date_note: date.note,
                    year: date.year,
                    position: date.position,
                    planned: s.planned,
                    written: written_date(&s.date.value, s.planned),
                    term: term_link(Dimension::ProcessSteps, &s.step.value),
                    text: md(&s.text),
                    source: s.source.as_ref().and_then(cite),
                }
            })
            .collect();
        let body_origin = Origin {
            path: &case.source.path,
            text: &case.source.text,
            first_line: Some(case.body_line),
        };
        let body = self.markdown(&case.body, body_origin, diagnostics);
        let mut md = |text: &str| self.markdown(text, origin, diagnostics).html;
        CaseView {
            slug: case.slug.clone(),
            url: self.links.case_url(&case.slug),
            title: m.title.clone(),
            kind: self.strings.get(m.kind.key()).to_string(),
            place: m.place.clone(),
            county: m.county.clone(),
            summary: m.summary.clone(),
            updated: m.updated.map(|d| self.strings.date(&d)),
            changed: m
                .updated
                .or_else(|| m.document.adopted.as_ref().and_then(SourcedDate::date))
                .or_else(|| m.document.published.as_ref().and_then(SourcedDate::date))
                .or_else(|| {
                    m.process
                        .steps
                        .iter()
                        .filter_map(|s| s.date.value.date())
                        .max()
                })
                .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| d.rfc3339()),
            document: DocumentView {
                title: m.document.title.clone(),
                doc_type: self.strings.get(m.document.doc_type.key()).to_string(),
                adopted: m
                    .document
                    .adopted
                    .as_ref()
                    .map(|d| DateView::new(self.strings, d).text),
                adopted_note: m
                    .document
                    .adopted
                    .as_ref()
                    .and_then(|d| d.note())
                    .map(str::to_string),
                adopted_year: m
                    .document
                    .adopted
                    .as_ref()
                    .and_then(SourcedDate::date)
                    .map(|d| d.year),
                adopted_by: m
                    .document
                    .adopted_by
                    .as_ref()
                    .map(|a| stated_text(self.strings, a)),
                published: m
                    .document
                    .published
                    .as_ref()
                    .map(|d| DateView::new(self.strings, d).text),
                published_note: m
                    .document
                    .published
                    .as_ref()
                    .and_then(|d| d.note())
                    .map(str::to_string),
                valid: m.document.valid.clone(),
                status: status_text(self.strings, &m.document, m.updated),
                replaces: m.document.replaces.clone(),
                url: m.document.url.clone().filter(|u| is_web_url(u)),
                source: cite(&m.document.source),
            },
            facts: m
                .facts
                .iter()
                .map(|f| FactView {
                    kind: f.kind.id(),
                    label: f
                        .label
                        .clone()
                        .unwrap_or_else(|| self.strings.get(f.kind.key()).to_string()),
                    value: f.value,
                    value_text: number_sv(f.value),
                    unit: f.unit.clone(),
                    scope: scope_text(self.strings, f),
                    scope_id: f.scope.id().to_string(),
                    group: f.group.clone(),
                    goal: f.goal,
                    comparable: comparable(f),
                    date: f.date.as_ref().map(|d| DateView::new(self.strings, d).text),
                    date_iso: f
                        .date
                        .as_ref()
                        .and_then(SourcedDate::date)
                        .map(|d| d.to_string()),
                    date_provenance: f.date.as_ref().map(|d| d.provenance().id()),
                    date_note: f.date.as_ref().and_then(|d| d.note()).map(str::to_string),
                    period: f.period.clone(),
                    source: f.source.as_ref().and_then(cite),
                    note: f.note.clone(),
                })
                .collect(),
            vision: match &m.vision {
                Stated::Known(v) => VisionView {
                    text: v.text.clone(),
                    stated: true,
                    source: v.source.as_ref().and_then(cite),
                    goals: v.goals.clone(),
                },
                Stated::NotInSource => VisionView {
                    text: self.strings.get("vision_not_in_source").to_string(),
                    stated: false,
                    source: None,
                    goals: Vec::new(),
                },
            },
            process: ProcessView {
                led_by: m.process.led_by.as_deref().map(&mut md),
                duration: m.process.duration.clone(),
                resources: m.process.resources.as_deref().map(&mut md),
                has_undated: steps.iter().any(|s| s.date.is_empty()),
                steps,
            },
            focus_areas,
            success_factors,
            organisation: m.organisation.as_deref().map(&mut md),
            target_groups: m.target_groups.clone(),
            child_perspective: m.child_perspective.as_deref().map(&mut md),
            follow_up: m.follow_up.as_ref().map(|f| FollowUpView {
                text: f.text.as_deref().map(&mut md),
                indicators: f.indicators.clone(),
            }),
            next_steps: m.next_steps.as_deref().map(&mut md),
            quotes: m
                .quotes
                .iter()
                .map(|q| QuoteView {
                    text: q.text.trim().to_string(),
                    speaker: q
                        .speaker
                        .clone()
                        .or_else(|| q.narration.clone())
                        .unwrap_or_default(),
                    narration: q.speaker.is_none(),
                    source: q.source.as_ref().and_then(cite),
                })
                .collect(),
            series: m
                .series
                .iter()
                .map(|s| SeriesView {
                    id: s.id.value.clone(),
                    title: s.title.clone(),
                    unit: s.unit.clone(),
                    source: cite(&s.source),
                    points: s
                        .points
                        .iter()
                        .map(|p| PointView {
                            period: p.period.clone(),
                            value: p.value,
                            value_text: number_sv(p.value),
                        })
                        .collect(),
                    svg: super::chart::line_chart(
                        &format!("serie-{}", s.id.value),
                        &s.title,
                        &s.unit,
                        &s.points
                            .iter()
                            .map(|p| (p.period.clone(), p.value))
                            .collect::<Vec<_>>(),
                    ),
                })
                .collect(),
            sources: m
                .sources
                .iter()
                .map(|s| SourceView {
                    id: s.id.value.clone(),
                    anchor: format!("kalla-{}", s.id.value),
                    title: s.title.clone(),
                    publisher: s.publisher.clone(),
                    year: s.year,
                    url: s.url.clone().filter(|u| is_web_url(u)),
                    note: s.note.clone(),
                })
                .collect(),
            body: body.html,
            toc: body.headings.into_iter().filter(|h| h.level == 2).collect(),
            related: related.iter().map(|r| self.related(r)).collect(),
        }
    }

    pub(super) fn related(&self, r: &Related) -> RelatedView {
        let other = &self.content.cases[r.case];
        let reasons = r
            .shared
            .iter()
            .map(|(dimension, ids)| {
                let terms = self.vocabulary.dimension(*dimension);
                let labels: Vec<String> = ids
                    .iter()
                    .filter_map(|id| terms.get(id))
                    .map(|t| t.label.to_lowercase())
                    .collect();
                let noun = match (dimension, ids.len()) {
                    (Dimension::FocusAreas, 1) => "noun_focus_area",
                    (Dimension::FocusAreas, _) => "noun_focus_areas",
                    (Dimension::SuccessFactors, 1) => "noun_success_factor",
                    (Dimension::SuccessFactors, _) => "noun_success_factors",
                    (Dimension::ProcessSteps, 1) => "noun_process_step",
                    (Dimension::ProcessSteps, _) => "noun_process_steps",
                };
                self.strings.format(
                    "related_shares",
                    &[
                        ("n", &ids.len().to_string()),
                        ("what", self.strings.get(noun)),
                        ("terms", &labels.join(self.strings.get("list_separator"))),
                    ],
                )
            })
            .collect::<Vec<_>>();
        // The reasons written with `related:`, on either case, come first.
        let mut written: Vec<String> = r
            .links
            .iter()
            .filter_map(|(_, reason)| reason.clone())
            .collect();
        if written.is_empty() && !r.links.is_empty() {
            written.push(self.strings.get("related_linked").to_string());
        }
        written.extend(reasons);
        RelatedView {
            slug: other.slug.clone(),
            title: other.meta.title.clone(),
            url: self.links.case_url(&other.slug),
            reasons: written,
        }
    }

    /// Views of all cases, in parallel; link problems are returned, not lost.
    pub fn cases(&self, related: &[Vec<Related>]) -> (Vec<CaseView>, Vec<Diagnostic>) {
        use rayon::prelude::*;
        let results: Vec<(CaseView, Vec<Diagnostic>)> = self
            .content
            .cases
            .par_iter()
            .zip(related.par_iter())
            .map(|(case, related)| {
                let mut diagnostics = Vec::new();
                let view = self.case(case, related, &mut diagnostics);
                (view, diagnostics)
            })
            .collect();
        let mut diagnostics = Vec::new();
        let views = results
            .into_iter()
            .map(|(v, d)| {
                diagnostics.extend(d);
                v
            })
            .collect();
        (views, diagnostics)
    }
}

/// Unique anchors within one page: `fokus-bostad`, then `fokus-bostad-2`.
#[derive(Default)]
struct Anchors(BTreeMap<String, usize>);

impl Anchors {
    fn next(&mut self, prefix: &str, id: &str) -> String {
        let base = format!("{prefix}-{id}");
        let n = self.0.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}-{n}") }
    }
}

/// A step's date as the exports write it: the content model's form, with derived dates and planned
/// steps marked in the words the matrices' `(lärdom)` uses.
fn written_date(date: &SourcedDate, planned: bool) -> String {
    let mut text = match date {
        SourcedDate::Derived { date, .. } => format!("{date} (härlett)"),
        other => other.to_string(),
    };
    if planned {
        text.push_str(" (planerat)");
    }
    text
}

/// Only web links are rendered as links; anything else (`javascript:` and the like) is dropped.
fn is_web_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}
