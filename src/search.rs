//! Search: a static, chunked full-text index built from the rendered pages with Pagefind.
//!
//! [`build_index`] feeds every rendered HTML page to Pagefind's library API and returns the bundle it
//! produces (`pagefind/pagefind.js`, the per-language WebAssembly, the entry file, and the hashed index,
//! fragment and filter chunks). The browser loads only the chunks a query needs, so the download stays
//! small however large the site grows. The theme's `search.js` drives it; nothing runs on a server.
//!
//! Indexing follows Pagefind's conventions: the language comes from `<html lang>` (Swedish gets Swedish
//! stemming), words are indexed without diacritics as well as with them (so `forsorjning` finds
//! `försörjning`), and the templates choose what is indexed with `data-pagefind-body`,
//! `data-pagefind-ignore`, `data-pagefind-filter` and `data-pagefind-meta`.

use std::path::Path;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::diagnostics::Diagnostic;

/// The folder below the output folder that holds the search bundle.
pub const BUNDLE_DIR: &str = "pagefind";

/// Pages that are never search results: the not-found page and the search page itself.
const NOT_INDEXED: &[&str] = &["404.html", "search/index.html"];

/// Files of Pagefind's ready-made user interfaces; the theme has its own, so they are left out.
const UNUSED_BUNDLE_FILES: &[&str] = &[
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
];

/// Builds the search index of the rendered site.
///
/// `pages` are the output files (path below the output folder, bytes); every `*.html` file except
/// [`NOT_INDEXED`] is indexed under its URL (`cases/x/index.html` → `{base_path}cases/x/`). Returns the
/// bundle's files with paths below the output folder (`pagefind/…`), sorted by path.
pub fn build_index(
    pages: &[(String, Vec<u8>)],
    base_path: &str,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let documents: Vec<(String, String)> = pages
        .iter()
        .filter(|(path, _)| is_indexed(path))
        .map(|(path, bytes)| {
            (
                page_url(path, base_path),
                String::from_utf8_lossy(bytes).into_owned(),
            )
        })
        .collect();
    // A thread of its own, so the runtime below never nests in a caller's (`inspira serve` builds from
    // inside its server's runtime, and Tokio refuses to block there).
    let bundle = std::thread::scope(|scope| {
        scope
            .spawn(|| index_documents(documents))
            .join()
            .unwrap_or_else(|_| Err("the indexer stopped unexpectedly".into()))
    })
    .map_err(|message| {
        Diagnostic::error(
            "search-index",
            format!("could not build the search index: {message}"),
        )
        .help("this is a bug in inspira or Pagefind; the pages themselves rendered fine")
    })?;
    let mut files: Vec<(String, Vec<u8>)> = bundle
        .into_iter()
        .filter(|(name, _)| !UNUSED_BUNDLE_FILES.contains(&name.as_str()))
        .map(|(name, bytes)| (format!("{BUNDLE_DIR}/{name}"), bytes))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Whether the output file at `path` is a page to index.
fn is_indexed(path: &str) -> bool {
    path.ends_with(".html") && !NOT_INDEXED.contains(&path)
}

/// The URL a page is served at: `cases/x/index.html` → `{base_path}cases/x/`.
fn page_url(path: &str, base_path: &str) -> String {
    let path = match path.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => dir,
        _ => path,
    };
    format!("{base_path}{path}")
}

/// Runs Pagefind over `(url, html)` documents on a small single-threaded runtime; returns the bundle's
/// files by their `/`-separated name inside the bundle.
fn index_documents(documents: Vec<(String, String)>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("could not start the indexer: {e}"))?;
    runtime.block_on(async move {
        let config = PagefindServiceConfig::builder().build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for (url, html) in documents {
            index
                .add_html_file(None, Some(url.clone()), html)
                .await
                .map_err(|e| format!("{url}: {e}"))?;
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

    fn page(path: &str, body: &str) -> (String, Vec<u8>) {
        let html = format!(
            "<!DOCTYPE html><html lang=\"sv\"><head><title>{path}</title></head>\
             <body><main data-pagefind-body><h1>{path}</h1><p>{body}</p></main></body></html>"
        );
        (path.to_string(), html.into_bytes())
    }

    #[test]
    fn urls_drop_index_html_and_keep_the_base_path() {
        assert_eq!(page_url("index.html", "/kb/"), "/kb/");
        assert_eq!(page_url("cases/x/index.html", "/kb/"), "/kb/cases/x/");
        assert_eq!(page_url("about.html", "/"), "/about.html");
        assert_eq!(page_url("xindex.html", "/"), "/xindex.html");
    }

    #[test]
    fn indexes_html_pages_but_not_404_search_or_assets() {
        assert!(is_indexed("cases/x/index.html"));
        assert!(!is_indexed("404.html"));
        assert!(!is_indexed("search/index.html"));
        assert!(!is_indexed("assets/style.css"));
    }

    #[test]
    fn builds_a_swedish_bundle_deterministically() {
        let pages = vec![
            page(
                "cases/a/index.html",
                "Arbete och försörjning för nyanlända.",
            ),
            page("cases/b/index.html", "Bostäder och språk."),
            page("404.html", "Sidan finns inte."),
            ("assets/style.css".to_string(), b"body{}".to_vec()),
        ];
        let first = build_index(&pages, "/kb/").unwrap();
        let second = build_index(&pages, "/kb/").unwrap();
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
        assert!(!names.contains(&"pagefind/pagefind-ui.js"));
        let entry = &first
            .iter()
            .find(|(n, _)| n.ends_with("entry.json"))
            .unwrap()
            .1;
        let entry: serde_json::Value = serde_json::from_slice(entry).unwrap();
        assert_eq!(entry["languages"]["sv"]["page_count"], 2);
    }
}
