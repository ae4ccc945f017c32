//! Records from rendered HTML, for pages whose text lives in the templates (the accessibility
//! statement). A theme marks what is indexed:
//!
//! - `data-search-body` on the element whose text is the page's content (a page without one is not
//!   indexed);
//! - `data-search-ignore` on an element inside it that is left out;
//! - `data-search-filter="Name:Value"` on any element, for a filter value.
//!
//! The title is the body's first `h1`, so the site's name in `<title>` does not rank the page for it.

use std::collections::BTreeMap;

use scraper::{ElementRef, Html, Node, Selector};

use super::Record;

/// A record for the page, or `None` when it has no `data-search-body`.
pub fn record(url: &str, html: &str, weight: f32) -> Option<Record> {
    let document = Html::parse_document(html);
    let body_selector = Selector::parse("[data-search-body]").ok()?;
    let body = document.select(&body_selector).next()?;
    let mut text = String::new();
    collect_text(body, &mut text);
    let h1 = Selector::parse("h1").ok()?;
    let title = body
        .select(&h1)
        .next()
        .map(|h| squeeze(&h.text().collect::<String>()))
        .unwrap_or_default();
    let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let filter_selector = Selector::parse("[data-search-filter]").ok()?;
    for element in document.select(&filter_selector) {
        if let Some((name, value)) = element
            .value()
            .attr("data-search-filter")
            .and_then(|f| f.split_once(':'))
        {
            filters
                .entry(name.trim().to_string())
                .or_default()
                .push(value.trim().to_string());
        }
    }
    Some(Record {
        url: url.to_string(),
        title,
        content: squeeze(&text),
        other_languages: Vec::new(),
        filters,
        weight,
    })
}

/// The element's text, block by block, without ignored elements, scripts and styles.
fn collect_text(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                if e.attr("data-search-ignore").is_some()
                    || matches!(e.name(), "script" | "style" | "template")
                {
                    continue;
                }
                if let Some(child) = ElementRef::wrap(child) {
                    let block = matches!(
                        e.name(),
                        "p" | "h1" | "h2" | "h3" | "h4" | "li" | "div" | "section" | "dd" | "dt"
                    );
                    if block {
                        out.push('\n');
                    }
                    collect_text(child, out);
                    if block {
                        out.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of spaces within lines and drops empty lines.
fn squeeze(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_the_marked_body_with_its_heading_as_title_and_its_filters() {
        let html = r#"<!DOCTYPE html><html lang="sv"><head><title>Tillgänglighet – Sajten</title></head>
            <body><nav>Meny</nav><article data-search-body>
            <span hidden data-search-filter="Innehåll:Sida"></span>
            <h1>Tillgänglighet</h1><p>Så   här <b>fungerar</b> det.</p>
            <p data-search-ignore>Inte detta.</p><script>var x;</script></article></body></html>"#;
        let r = record("/kb/a11y/", html, 0.5).expect("a record");
        assert_eq!(r.title, "Tillgänglighet");
        assert_eq!(r.content, "Tillgänglighet\nSå här fungerar det.");
        assert_eq!(r.filters["Innehåll"], ["Sida"]);
        assert_eq!(r.weight, 0.5);
    }

    #[test]
    fn a_page_without_a_marked_body_is_not_indexed() {
        assert_eq!(
            record("/x/", "<html><body><p>Text</p></body></html>", 1.0),
            None
        );
    }
}
