//! Exports for reuse outside the site: the whole knowledge base as JSON (schema in docs/export.md),
//! the comparison matrices and key facts as CSV. Feeds and the sitemap are templates of the theme.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::{Config, Publisher};
use crate::content::Content;
use crate::content::case::CaseMeta;
use crate::content::page::{PageKind, Publication};
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::Links;
use crate::output::Sink;
use crate::routes::Route;
use crate::view::case::CaseView;
use crate::vocabulary::{Dimension, Vocabulary};

/// The version of the JSON export's shape; raised when a field changes meaning or disappears.
/// 2: dates carry their provenance (`omkring 2009`, `okänt`, `{derived, note}`), figures their scope,
/// group and goal, quotes a speaker or a narration, related links a reason; pages list the cases that
/// cite them, derived.
pub const JSON_SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct Export<'a> {
    schema_version: u32,
    generator: String,
    site: SiteInfo<'a>,
    vocabularies: BTreeMap<&'static str, VocabularyExport<'a>>,
    cases: Vec<CaseExport<'a>>,
    pages: Vec<PageExport<'a>>,
}

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    language: &'a str,
    publisher: &'a Publisher,
}

#[derive(Serialize)]
struct VocabularyExport<'a> {
    title: &'a str,
    title_en: Option<&'a str>,
    terms: Vec<TermExport<'a>>,
}

#[derive(Serialize)]
struct TermExport<'a> {
    id: &'a str,
    url: String,
    label: &'a str,
    label_en: Option<&'a str>,
    definition: &'a str,
    definition_en: Option<&'a str>,
}

#[derive(Serialize)]
struct CaseExport<'a> {
    slug: &'a str,
    url: &'a str,
    #[serde(flatten)]
    meta: &'a CaseMeta,
    /// The Markdown description as written.
    description: &'a str,
}

#[derive(Serialize)]
struct PageExport<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    summary: &'a str,
    kind: PageKind,
    publication: Option<&'a Publication>,
    cases: Vec<&'a str>,
}

/// `knowledge-base.json`, the matrices as `compare/<dimension>.csv` and `compare/facts.csv`.
pub fn write(
    config: &Config,
    content: &Content,
    vocabulary: &Vocabulary,
    links: &Links,
    cases: &[CaseView],
    sink: &dyn Sink,
) -> Result<Vec<String>, Diagnostic> {
    let export = Export {
        schema_version: JSON_SCHEMA_VERSION,
        generator: format!("inspira {}", env!("CARGO_PKG_VERSION")),
        site: SiteInfo {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            language: &config.language,
            publisher: &config.publisher,
        },
        vocabularies: vocabulary
            .dimensions()
            .map(|d| {
                (
                    d.dimension.slug(),
                    VocabularyExport {
                        title: &d.file.title,
                        title_en: d.file.title_en.as_deref(),
                        terms: d
                            .terms()
                            .iter()
                            .map(|t| TermExport {
                                id: &t.id.value,
                                url: links.term_url(d.dimension, &t.id.value),
                                label: &t.label,
                                label_en: t.label_en.as_deref(),
                                definition: &t.definition,
                                definition_en: t.definition_en.as_deref(),
                            })
                            .collect(),
                    },
                )
            })
            .collect(),
        cases: content
            .cases
            .iter()
            .zip(cases)
            .map(|(c, v)| CaseExport {
                slug: &c.slug,
                url: &v.url,
                meta: &c.meta,
                description: c.body.trim(),
            })
            .collect(),
        pages: content
            .pages
            .iter()
            .map(|p| PageExport {
                slug: &p.slug,
                url: links.page_url(&p.slug),
                title: &p.meta.title,
                summary: &p.meta.summary,
                kind: p.meta.kind,
                publication: p.meta.publication.as_ref(),
                // Every case citing the publication, in case order, as the page lists them.
                cases: content
                    .cases
                    .iter()
                    .filter(|c| p.meta.lists(&c.slug, &c.meta))
                    .map(|c| c.slug.as_str())
                    .collect(),
            })
            .collect(),
    };
    // Streamed into the file: at 10,000 cases the export is 160 MB.
    let json_file = Route::Json.file();
    sink.put_with(&json_file, &mut |w| {
        serde_json::to_writer_pretty(w, &export).map_err(std::io::Error::other)
    })
    .map_err(|e| export_error(&json_file, &e.to_string()))?;
    let mut written = vec![json_file];
    for dimension in Dimension::ALL {
        let name = Route::MatrixCsv(dimension).file();
        let csv = matrix_csv(vocabulary, cases, dimension)
            .map_err(|e| export_error(&name, &e.to_string()))?;
        sink.put(&name, &csv)
            .map_err(|e| export_error(&name, &e.to_string()))?;
        written.push(name);
    }
    let facts_file = Route::FactsCsv.file();
    let facts = facts_csv(cases).map_err(|e| export_error(&facts_file, &e.to_string()))?;
    sink.put(&facts_file, &facts)
        .map_err(|e| export_error(&facts_file, &e.to_string()))?;
    written.push(facts_file);
    Ok(written)
}

fn export_error(file: &str, message: &str) -> Diagnostic {
    Diagnostic::error(
        Code::Export,
        crate::msg!("export-failed", file = file, error = message),
    )
}

/// Terms × cases; each cell holds the case's own wording ("; " between several), empty when absent.
fn matrix_csv(
    vocabulary: &Vocabulary,
    cases: &[CaseView],
    dimension: Dimension,
) -> csv::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["term_id".to_string(), "term".to_string()];
    header.extend(cases.iter().map(|c| c.slug.clone()));
    w.write_record(&header)?;
    for term in vocabulary.dimension(dimension).terms() {
        let id = term.id.value.as_str();
        let mut row = vec![id.to_string(), term.label.clone()];
        for case in cases {
            let labels: Vec<String> = case
                .entries(dimension, id)
                .into_iter()
                .map(|e| match (e.date, e.lesson) {
                    (Some(date), _) => date.to_string(),
                    (None, true) => format!("{} (lärdom)", e.label),
                    (None, false) => e.label.to_string(),
                })
                .collect();
            row.push(labels.join("; "));
        }
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// One row per figure: case, kind, label, value, unit, date, source.
fn facts_csv(cases: &[CaseView]) -> csv::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "case",
        "kind",
        "label",
        "value",
        "unit",
        "scope",
        "group",
        "goal",
        "comparable",
        "date",
        "date_provenance",
        "date_note",
        "period",
        "source",
    ])?;
    let flag = |b: bool| if b { "true" } else { "false" };
    for case in cases {
        for f in &case.facts {
            w.write_record([
                case.slug.as_str(),
                f.kind,
                f.label.as_str(),
                &f.value.to_string(),
                f.unit.as_str(),
                f.scope_id.as_str(),
                f.group.as_deref().unwrap_or(""),
                flag(f.goal),
                flag(f.comparable),
                f.date_iso.as_deref().unwrap_or(""),
                f.date_provenance.unwrap_or(""),
                f.date_note.as_deref().unwrap_or(""),
                f.period.as_deref().unwrap_or(""),
                f.source.as_ref().map_or("", |s| s.label.as_str()),
            ])?;
        }
    }
    w.into_inner().map_err(|e| e.into_error().into())
}
