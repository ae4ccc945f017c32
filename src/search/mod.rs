//! Search: a static, chunked full-text index of our own, built in parallel with the site.
//!
//! The index is fed while the pages render, on a thread of its own ([`Indexer`]): cases, terms and
//! pages arrive as text records made from the content model ([`Record`]), so nothing is parsed back
//! out of HTML and each text is indexed once, on the page that owns it (a term's page indexes the term,
//! not every case's wording, which the case pages hold). Pages whose text lives in the templates (the
//! accessibility statement) are indexed from their HTML ([`Document::Html`], see [`html`]).
//!
//! When the last page has arrived, [`index::build`] cuts every text into keys on all cores
//! ([`text`]: Swedish words stemmed and folded, other languages kept apart), and writes posting lists
//! in key-range chunks, one small file per page for excerpts, and a filter table. The browser's
//! engine (`engine.js`, shipped in the bundle) fetches `meta.json`, the filter table, the one or two
//! chunks a query's words fall in, and the pages of the results it shows: the download stays small
//! however large the site grows.
//!
//! Pagefind was used before; at 10,000 cases its indexer took about 40 s of a 70 s build and several
//! GiB, and its query-side stemming matched in one direction only (BENCHMARKS.md has the comparison).

pub mod html;
pub mod index;
pub mod text;

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread::JoinHandle;

use crate::diagnostics::{Code, Diagnostic};

/// The folder below the output folder that holds the search bundle.
pub const BUNDLE_DIR: &str = "search-index";

/// The browser's side of the index: opens it, searches it, makes excerpts.
const ENGINE_JS: &str = include_str!("engine.js");

/// How strongly a kind of page ranks against others with the same words (a record's `weight`).
pub mod weight {
    /// A case: what most searches are for.
    pub const CASE: f32 = 1.0;
    /// A free page (a publication, the about page).
    pub const PAGE: f32 = 0.8;
    /// A vocabulary term: a label and a sentence of definition.
    pub const TERM: f32 = 0.45;
    /// A page of the site's own boilerplate (the accessibility statement).
    pub const BOILERPLATE: f32 = 0.3;
}

/// A search result described by its text: what a reader finds and where it leads.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The page's URL, base path included.
    pub url: String,
    /// The result's title.
    pub title: String,
    /// The readable text in the site's language, searched and quoted in excerpts.
    pub content: String,
    /// Text in other languages, as (ISO 639-1 code, text): indexed apart from the site's language.
    pub other_languages: Vec<(String, String)>,
    /// Filter name → values (`Innehåll` → `Fall`).
    pub filters: BTreeMap<String, Vec<String>>,
    /// How strongly the page ranks ([`weight`]).
    pub weight: f32,
}

/// The index's files by path below the output folder, with their bytes.
type Bundle = Vec<(String, Vec<u8>)>;

/// What the indexer is given for one page.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Record(Record),
    /// A rendered page, indexed by its `data-search-*` marks ([`html`]).
    Html {
        url: String,
        html: String,
    },
}

/// Builds the index on a thread of its own while the caller goes on rendering.
///
/// Pages are numbered in the order they are added, and the files depend on that order: add them in
/// a deterministic order.
pub struct Indexer {
    sender: mpsc::Sender<Document>,
    worker: JoinHandle<Result<Bundle, String>>,
}

impl Indexer {
    /// Starts an indexer for a site written in `language` (an ISO 639-1 code such as `sv`).
    pub fn start(language: &str) -> Indexer {
        let (sender, receiver) = mpsc::channel();
        let language = language.to_string();
        let worker = std::thread::spawn(move || index_documents(&language, receiver));
        Indexer { sender, worker }
    }

    /// Queues one page for indexing.
    pub fn add(&self, document: Document) {
        // A send fails only when the worker has stopped; `finish` reports why.
        let _ = self.sender.send(document);
    }

    /// Waits for the index and returns its files with paths below the output folder
    /// (`search-index/…`), sorted by path.
    pub fn finish(self) -> Result<Bundle, Diagnostic> {
        drop(self.sender);
        let bundle = self
            .worker
            .join()
            .unwrap_or_else(|_| Err("the indexer stopped unexpectedly".into()))
            .map_err(|message| {
                Diagnostic::error(
                    Code::SearchIndex,
                    crate::msg!("search-index-failed", error = message),
                )
                .help(crate::msg!("search-index-failed-help"))
            })?;
        let mut files: Bundle = bundle
            .into_iter()
            .map(|(name, bytes)| (format!("{BUNDLE_DIR}/{name}"), bytes))
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }
}

/// Builds a whole index at once: the documents in the order given.
pub fn build_index(
    language: &str,
    documents: impl IntoIterator<Item = Document>,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let indexer = Indexer::start(language);
    for document in documents {
        indexer.add(document);
    }
    indexer.finish()
}

/// How a filter's name appears in the search page's address: lowercase, without diacritics, other
/// characters as `-` ("Antagen år" → `antagen-ar`). `param()` in the theme's search.js does the same.
pub fn filter_param(name: &str) -> String {
    let folded = text::fold(&name.to_lowercase());
    let mut param = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            param.push(c);
        } else if !param.ends_with('-') {
            param.push('-');
        }
    }
    param
}

/// Collects the documents as they arrive (HTML is read into records right away), then builds the
/// index on all cores; returns its files by their `/`-separated name inside the bundle.
fn index_documents(language: &str, documents: mpsc::Receiver<Document>) -> Result<Bundle, String> {
    let records: Vec<Record> = documents
        .into_iter()
        .filter_map(|document| match document {
            Document::Record(record) => Some(record),
            Document::Html { url, html } => html::record(&url, &html, weight::BOILERPLATE),
        })
        .collect();
    let mut files = index::build(language, &records)?;
    files.push(("engine.js".into(), ENGINE_JS.as_bytes().to_vec()));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(url: &str, title: &str, content: &str, weight: f32) -> Document {
        Document::Record(Record {
            url: url.to_string(),
            title: title.to_string(),
            content: content.to_string(),
            other_languages: vec![("en".into(), "Work and area".into())],
            filters: BTreeMap::from([("Innehåll".to_string(), vec!["Fall".to_string()])]),
            weight,
        })
    }

    fn documents() -> Vec<Document> {
        vec![
            record(
                "/kb/cases/a/",
                "A",
                "Arbete och försörjning för nyanlända.",
                weight::CASE,
            ),
            record("/kb/cases/b/", "B", "Bostäder och språk.", weight::CASE),
            Document::Html {
                url: "/kb/accessibility/".into(),
                html: "<!DOCTYPE html><html lang=\"sv\"><head><title>T</title></head><body>\
                       <main data-search-body><h1>Tillgänglighet</h1><p>Redogörelse.</p></main>\
                       </body></html>"
                    .into(),
            },
        ]
    }

    fn unzip(bytes: &[u8]) -> serde_json::Value {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(bytes), &mut text)
            .expect("gzip");
        serde_json::from_str(&text).expect("json")
    }

    #[test]
    fn a_filter_name_in_the_address_is_folded_to_ascii() {
        assert_eq!(filter_param("Län"), "lan");
        assert_eq!(filter_param("Antagen år"), "antagen-ar");
        assert_eq!(filter_param("Framgångsfaktor"), "framgangsfaktor");
    }

    #[test]
    fn builds_the_same_bundle_twice_with_meta_chunks_pages_and_filters() {
        let first = build_index("sv", documents()).unwrap();
        let second = build_index("sv", documents()).unwrap();
        assert_eq!(first, second, "two builds must be byte-identical");
        let file = |name: &str| {
            &first
                .iter()
                .find(|(n, _)| n == &format!("{BUNDLE_DIR}/{name}"))
                .unwrap_or_else(|| panic!("{name} missing"))
                .1
        };
        let meta: serde_json::Value = serde_json::from_slice(file("meta.json")).unwrap();
        assert_eq!(meta["version"], index::FORMAT_VERSION);
        assert_eq!(meta["language"], "sv");
        assert_eq!(meta["pages"], 3);
        assert_eq!(
            meta["chunks"][0], "",
            "the first chunk starts at the smallest key"
        );
        assert!(file("engine.js").starts_with(b"//"));

        let chunk = unzip(file("terms/0.json.gz"));
        let keys: Vec<&str> = chunk["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        // Swedish stemmed and folded; the English text under its own prefix.
        for key in ["bostad", "forsorjning", "nyanland", "tillgang", "en:area"] {
            assert!(keys.contains(&key), "{key} not in {keys:?}");
        }
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "keys are sorted");
        // "och" is in pages 0 and 1: gaps 0 then 1.
        let och = keys.iter().position(|k| *k == "och").unwrap();
        let list = chunk["postings"][och].as_array().unwrap();
        assert_eq!(list.len(), 4);
        assert_eq!((list[0].as_u64(), list[2].as_u64()), (Some(0), Some(1)));

        let page = unzip(file("pages/2.json.gz"));
        assert_eq!(page["url"], "/kb/accessibility/");
        assert_eq!(page["title"], "Tillgänglighet");
        let filters = unzip(file("filters.json.gz"));
        assert_eq!(filters["names"], serde_json::json!(["Innehåll"]));
        assert_eq!(filters["values"], serde_json::json!([["Fall"]]));
        assert_eq!(filters["pages"], serde_json::json!([[0, 0, -1]]));
    }

    #[test]
    fn a_case_ranks_above_a_brief_page_with_the_same_word() {
        let files = build_index(
            "sv",
            vec![
                record(
                    "/t/",
                    "Bostäder",
                    "Bostäder. Ett tak över huvudet.",
                    weight::TERM,
                ),
                record(
                    "/c/",
                    "Kommun",
                    &"Kommunen arbetar med bostäder för nyanlända, och bostaden är nyckeln. "
                        .repeat(8),
                    weight::CASE,
                ),
            ],
        )
        .unwrap();
        let chunk = unzip(
            &files
                .iter()
                .find(|(n, _)| n.ends_with("terms/0.json.gz"))
                .unwrap()
                .1,
        );
        let keys = chunk["keys"].as_array().unwrap();
        let at = keys.iter().position(|k| k == "bostad").unwrap();
        let list: Vec<u64> = chunk["postings"][at]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let (term, case) = (list[1], list[3]);
        assert!(
            case > term,
            "case impact {case} should exceed the term page's {term}"
        );
    }
}
