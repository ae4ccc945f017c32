//! Search: a static, chunked full-text index built with Pagefind.
//!
//! The index is fed while the pages render, on a thread of its own ([`Indexer`]): cases, terms and
//! pages arrive as text records made from the content model ([`Record`]), so nothing is parsed back
//! out of HTML and each text is indexed once, on the page that owns it (a term's page indexes the term,
//! not every case's wording, which the case pages hold). Pages whose text lives in the templates (the
//! accessibility statement) are indexed from their HTML ([`Document::Html`], Pagefind's own rules:
//! `data-pagefind-body`, `-ignore`, `-filter`, `-meta`).
//!
//! The result is Pagefind's bundle (`pagefind/pagefind.js`, the per-language WebAssembly, the entry
//! file, and the hashed index, fragment and filter chunks). The browser loads only the chunks a query
//! needs, so the download stays small however large the site grows. Swedish gets Swedish stemming, and
//! words are indexed without diacritics as well as with them (`forsorjning` finds `försörjning`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::diagnostics::Diagnostic;

/// The folder below the output folder that holds the search bundle.
pub const BUNDLE_DIR: &str = "pagefind";

/// Files of Pagefind's ready-made user interfaces and its web worker; the theme has its own interface
/// and searches on the main thread (`noWorker`), so they are left out.
const UNUSED_BUNDLE_FILES: &[&str] = &[
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
];

/// A search result described by its text: what a reader finds and where it leads.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The page's URL, base path included.
    pub url: String,
    /// The result's title.
    pub title: String,
    /// The readable text that is searched and quoted in excerpts.
    pub content: String,
    /// Filter name → values (`Innehåll` → `Fall`).
    pub filters: BTreeMap<String, Vec<String>>,
}

/// Pagefind's files by name inside the bundle, with their bytes.
type Bundle = Vec<(String, Vec<u8>)>;

/// What the indexer is given for one page.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Record(Record),
    /// A rendered page, indexed by Pagefind's HTML rules.
    Html {
        url: String,
        html: String,
    },
}

/// Builds the index on a thread of its own while the caller goes on rendering.
///
/// Documents are indexed in the order they are added, and the bundle depends on that order: add them
/// in a deterministic order.
pub struct Indexer {
    sender: mpsc::Sender<Document>,
    worker: JoinHandle<Result<Bundle, String>>,
}

impl Indexer {
    /// Starts an indexer for a site written in `language` (an ISO 639-1 code such as `sv`).
    pub fn start(language: &str) -> Indexer {
        let (sender, receiver) = mpsc::channel();
        let language = language.to_string();
        // A thread of its own, with its own runtime, so it never nests in a caller's (`inspira serve`
        // builds from inside its server's runtime, and Tokio refuses to block there).
        let worker = std::thread::spawn(move || index_documents(&language, receiver));
        Indexer { sender, worker }
    }

    /// Queues one page for indexing.
    pub fn add(&self, document: Document) {
        // A send fails only when the worker has stopped; `finish` reports why.
        let _ = self.sender.send(document);
    }

    /// Waits for the index and returns the bundle's files with paths below the output folder
    /// (`pagefind/…`), sorted by path.
    pub fn finish(self) -> Result<Bundle, Diagnostic> {
        drop(self.sender);
        let bundle = self
            .worker
            .join()
            .unwrap_or_else(|_| Err("the indexer stopped unexpectedly".into()))
            .map_err(|message| {
                Diagnostic::error(
                    "search-index",
                    format!("could not build the search index: {message}"),
                )
                .help("this is a bug in inspira or Pagefind; the pages themselves rendered fine")
            })?;
        let mut files: Vec<(String, Vec<u8>)> = bundle
            .into_iter()
            .filter(|(name, _)| !UNUSED_BUNDLE_FILES.contains(&name.as_str()) && is_used(name))
            .map(|(name, bytes)| (format!("{BUNDLE_DIR}/{name}"), bytes))
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }
}

/// Whether a bundle file can be requested by the theme: not the worker (the theme searches without
/// one) and not the WebAssembly for pages of unknown language (every page has a language).
fn is_used(name: &str) -> bool {
    name != "pagefind-worker.js" && name != "wasm.unknown.pagefind"
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

/// The URL a page is served at: `cases/x/index.html` → `{base_path}cases/x/`.
pub fn page_url(path: &str, base_path: &str) -> String {
    let path = match path.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => dir,
        _ => path,
    };
    format!("{base_path}{path}")
}

/// Runs Pagefind over the documents as they arrive, on a small single-threaded runtime; returns the
/// bundle's files by their `/`-separated name inside the bundle.
fn index_documents(language: &str, documents: mpsc::Receiver<Document>) -> Result<Bundle, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("could not start the indexer: {e}"))?;
    runtime.block_on(async move {
        let config = PagefindServiceConfig::builder().build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for document in documents {
            match document {
                Document::Record(r) => {
                    let meta = BTreeMap::from([("title".to_string(), r.title)]);
                    index
                        .add_custom_record(
                            r.url.clone(),
                            r.content,
                            language.to_string(),
                            Some(meta),
                            Some(r.filters),
                            None,
                        )
                        .await
                        .map_err(|e| format!("{}: {e}", r.url))?;
                }
                Document::Html { url, html } => {
                    index
                        .add_html_file(None, Some(url.clone()), html)
                        .await
                        .map_err(|e| format!("{url}: {e}"))?;
                }
            }
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            .map(|f| (slash_path(&f.filename), f.contents))
            .collect())
    })
}

/// A relative path with `/` separators on every platform.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(url: &str, title: &str, content: &str) -> Document {
        Document::Record(Record {
            url: url.to_string(),
            title: title.to_string(),
            content: content.to_string(),
            filters: BTreeMap::from([("Innehåll".to_string(), vec!["Fall".to_string()])]),
        })
    }

    #[test]
    fn urls_drop_index_html_and_keep_the_base_path() {
        assert_eq!(page_url("index.html", "/kb/"), "/kb/");
        assert_eq!(page_url("cases/x/index.html", "/kb/"), "/kb/cases/x/");
        assert_eq!(page_url("about.html", "/"), "/about.html");
        assert_eq!(page_url("xindex.html", "/"), "/xindex.html");
    }

    #[test]
    fn builds_a_swedish_bundle_from_records_and_html_deterministically() {
        let documents = || {
            vec![
                record("/kb/cases/a/", "A", "Arbete och försörjning för nyanlända."),
                record("/kb/cases/b/", "B", "Bostäder och språk."),
                Document::Html {
                    url: "/kb/accessibility/".into(),
                    html: "<!DOCTYPE html><html lang=\"sv\"><head><title>T</title></head><body>\
                           <main data-pagefind-body><h1>Tillgänglighet</h1><p>Redogörelse.</p></main>\
                           </body></html>"
                        .into(),
                },
            ]
        };
        let first = build_index("sv", documents()).unwrap();
        let second = build_index("sv", documents()).unwrap();
        assert_eq!(first, second, "two builds must be byte-identical");
        let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
        for wanted in [
            "pagefind/pagefind.js",
            "pagefind/pagefind-entry.json",
            "pagefind/wasm.sv.pagefind",
        ] {
            assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
        }
        assert!(names.iter().any(|n| n.starts_with("pagefind/index/")));
        assert!(names.iter().any(|n| n.starts_with("pagefind/fragment/")));
        for unused in [
            "pagefind/pagefind-ui.js",
            "pagefind/pagefind-worker.js",
            "pagefind/wasm.unknown.pagefind",
        ] {
            assert!(!names.contains(&unused), "{unused} should be left out");
        }
        let entry = &first
            .iter()
            .find(|(n, _)| n.ends_with("entry.json"))
            .unwrap()
            .1;
        let entry: serde_json::Value = serde_json::from_slice(entry).unwrap();
        assert_eq!(entry["languages"]["sv"]["page_count"], 3);
    }
}
