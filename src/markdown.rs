//! Markdown to safe HTML: pulldown-cmark renders, `@/` cross-references are resolved, headings get ids,
//! and ammonia removes anything a contribution could use to inject script or styles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::diagnostics::{Code, Diagnostic, Text, did_you_mean};
use crate::msg;
use crate::routes::Route;
use crate::vocabulary::{Dimension, Vocabulary};

/// Everything a link can point at, and how to build its URL.
#[derive(Debug, Clone)]
pub struct Links {
    base_path: String,
    cases: BTreeSet<String>,
    pages: BTreeSet<String>,
    terms: BTreeMap<Dimension, BTreeSet<String>>,
}

impl Links {
    pub fn new<'a>(
        base_path: &str,
        cases: impl IntoIterator<Item = &'a str>,
        pages: impl IntoIterator<Item = &'a str>,
        vocabulary: &Vocabulary,
    ) -> Links {
        Links {
            base_path: base_path.to_string(),
            cases: cases.into_iter().map(str::to_string).collect(),
            pages: pages.into_iter().map(str::to_string).collect(),
            terms: vocabulary
                .dimensions()
                .map(|d| (d.dimension, d.ids().map(str::to_string).collect()))
                .collect(),
        }
    }

    pub fn case_url(&self, slug: &str) -> String {
        Route::Case(slug).url(&self.base_path)
    }

    pub fn page_url(&self, slug: &str) -> String {
        Route::Page(slug).url(&self.base_path)
    }

    pub fn term_url(&self, dimension: Dimension, id: &str) -> String {
        Route::Term(dimension, id).url(&self.base_path)
    }

    /// Resolves an `@/…` target to a URL, or explains why it cannot.
    pub fn resolve(&self, target: &str) -> Result<String, (Text, Text)> {
        let path = target.trim_start_matches("@/");
        let (path, fragment) = match path.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (path, None),
        };
        let with_fragment = |url: String| match fragment {
            Some(f) if !f.is_empty() => format!("{url}#{f}"),
            _ => url,
        };
        let unknown = |kind: &str, id: &str, known: &mut dyn Iterator<Item = &str>| {
            let help = match did_you_mean(id, known) {
                Some(best) => msg!(
                    "broken-link-did-you-mean",
                    link = target.replacen(id, best, 1)
                ),
                None => msg!("broken-link-help", folder = format!("content/{kind}")),
            };
            (msg!("broken-link", target = target), help)
        };
        if let Some(slug) = path
            .strip_prefix("cases/")
            .and_then(|p| p.strip_suffix(".md"))
        {
            return if self.cases.contains(slug) {
                Ok(with_fragment(self.case_url(slug)))
            } else {
                Err(unknown(
                    "cases",
                    slug,
                    &mut self.cases.iter().map(String::as_str),
                ))
            };
        }
        if let Some(slug) = path
            .strip_prefix("pages/")
            .and_then(|p| p.strip_suffix(".md"))
        {
            return if self.pages.contains(slug) {
                Ok(with_fragment(self.page_url(slug)))
            } else {
                Err(unknown(
                    "pages",
                    slug,
                    &mut self.pages.iter().map(String::as_str),
                ))
            };
        }
        if let Some(file) = path
            .strip_prefix("vocabulary/")
            .and_then(|p| p.strip_suffix(".yaml"))
            && let Some(dimension) = Dimension::from_slug(file)
        {
            let known = &self.terms[&dimension];
            return match fragment {
                Some(term) if known.contains(term) => Ok(self.term_url(dimension, term)),
                Some(term) => Err(unknown(
                    "vocabulary",
                    term,
                    &mut known.iter().map(String::as_str),
                )),
                None => Ok(Route::Dimension(dimension).url(&self.base_path)),
            };
        }
        Err((
            msg!("broken-link-unknown-kind", target = target),
            msg!("broken-link-unknown-kind-help"),
        ))
    }
}

/// Where a piece of Markdown comes from, so broken links can be reported at their line.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    /// The line of `text` on which the Markdown starts, if it is the body of the file.
    pub first_line: Option<usize>,
}

/// Rendered HTML and the headings found in it (for a table of contents).
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    pub id: String,
    pub text: String,
    pub level: u8,
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Renders Markdown, resolving cross-references; every broken link becomes a diagnostic.
pub fn render(
    markdown: &str,
    links: &Links,
    origin: Origin<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Rendered {
    let mut events: Vec<Event> = Vec::new();
    let mut headings = Vec::new();
    let mut used_ids: BTreeSet<String> = BTreeSet::new();
    let mut open_heading: Option<(usize, HeadingLevel, Option<String>)> = None;
    let mut heading_text = String::new();

    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => {
                let url = match links.resolve(&dest_url) {
                    Ok(url) => url,
                    Err((message, help)) => {
                        diagnostics.push(link_error(
                            origin,
                            markdown,
                            range.start,
                            &dest_url,
                            message,
                            help,
                        ));
                        String::from("#")
                    }
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                open_heading = Some((events.len(), level, id.map(|i| i.to_string())));
                heading_text.clear();
                events.push(Event::Text(CowStr::Borrowed("")));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((index, _, explicit)) = open_heading.take() {
                    let base = explicit.unwrap_or_else(|| {
                        let s = slug::slugify(&heading_text);
                        if s.is_empty() {
                            "avsnitt".to_string()
                        } else {
                            s
                        }
                    });
                    let mut id = base.clone();
                    let mut n = 1;
                    while !used_ids.insert(id.clone()) {
                        n += 1;
                        id = format!("{base}-{n}");
                    }
                    let level_number = level as u8;
                    events[index] = Event::Start(Tag::Heading {
                        level,
                        id: Some(CowStr::from(id.clone())),
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    });
                    headings.push(Heading {
                        id,
                        text: heading_text.trim().to_string(),
                        level: level_number,
                    });
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Text(ref t) | Event::Code(ref t) if open_heading.is_some() => {
                heading_text.push_str(t);
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
    Rendered {
        html: sanitize(&raw),
        headings,
    }
}

/// Resolves the cross-references of Markdown without rendering it: the diagnostics [`render`] would
/// give, at a fraction of its cost (`inspira check`).
pub fn check_links(
    markdown: &str,
    links: &Links,
    origin: Origin<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. }) = event
            && dest_url.starts_with("@/")
            && let Err((message, help)) = links.resolve(&dest_url)
        {
            diagnostics.push(link_error(
                origin,
                markdown,
                range.start,
                &dest_url,
                message,
                help,
            ));
        }
    }
}

/// The links and images of Markdown whose target starts with `/` (`/cases/skane/`, not
/// `//host/…`): the byte offset where each is written and its target. Such a link works only while
/// the site is published at a host's root.
pub fn root_relative_links(markdown: &str) -> Vec<(usize, String)> {
    if !may_have_root_link(markdown) {
        return Vec::new();
    }
    Parser::new_ext(markdown, OPTIONS)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if dest_url.starts_with('/') && !dest_url.starts_with("//") =>
            {
                Some((range.start, dest_url.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// Whether a link target could start with `/`: `](/`, `]: /` or `](</`, with any space between.
/// Most text has none, and is then not parsed at all.
pub fn may_have_root_link(text: &str) -> bool {
    text.match_indices(']').any(|(i, _)| {
        let rest = &text[i + 1..];
        let rest = rest
            .strip_prefix('(')
            .or_else(|| rest.strip_prefix(':'))
            .map(str::trim_start);
        rest.is_some_and(|r| r.starts_with('/') || r.starts_with("</"))
    })
}

/// The readable text of Markdown, for the search index: words only, no markup, link targets or raw
/// HTML; blocks are separated by a newline so words never run together.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text.truncate(text.trim_end().len());
    text
}

fn link_error(
    origin: Origin<'_>,
    markdown: &str,
    offset: usize,
    target: &str,
    message: Text,
    help: Text,
) -> Diagnostic {
    let d = Diagnostic::error(Code::BrokenLink, message)
        .in_file(origin.path)
        .help(help);
    match origin.first_line {
        Some(first) => {
            let before = &markdown[..offset];
            let line_in_body = before.matches('\n').count();
            let line = first + line_in_body;
            let line_text = origin.text.lines().nth(line - 1).unwrap_or_default();
            let column = line_text
                .find(target)
                .map_or(1, |b| line_text[..b].chars().count() + 1);
            d.at(origin.text, line, column, target.chars().count())
        }
        None => {
            let line = origin
                .text
                .lines()
                .position(|l| l.contains(target))
                .map_or(1, |i| i + 1);
            let line_text = origin.text.lines().nth(line - 1).unwrap_or_default();
            let column = line_text
                .find(target)
                .map_or(1, |b| line_text[..b].chars().count() + 1);
            d.at(origin.text, line, column, target.chars().count())
        }
    }
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(["http", "https", "mailto"].into())
        .add_tag_attributes("h1", ["id"])
        .add_tag_attributes("h2", ["id"])
        .add_tag_attributes("h3", ["id"])
        .add_tag_attributes("h4", ["id"])
        .add_tag_attributes("h5", ["id"])
        .add_tag_attributes("h6", ["id"])
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_tag_attributes("li", ["id"])
        .add_allowed_classes("div", ["footnote-definition"])
        .add_allowed_classes("sup", ["footnote-definition-label", "footnote-reference"])
        .add_tag_attributes("span", ["lang"])
        .add_tag_attributes("p", ["lang"])
        .add_tag_attributes("blockquote", ["lang"])
        .link_rel(Some("noopener noreferrer"));
    b
});

/// Removes everything but the allow-listed tags, attributes and URL schemes.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {

    #[test]
    fn plain_text_keeps_words_and_drops_markup_targets_and_html() {
        let md = "# Rubrik\n\nEtt *stycke* med [länk](@/cases/x.md) och `kod`.\n\n- ett\n- två\n\n<script>alert(1)</script>\n";
        assert_eq!(
            plain_text(md),
            "Rubrik\nEtt stycke med länk och kod.\nett\ntvå"
        );
    }
    use super::*;

    fn links() -> Links {
        Links {
            base_path: "/kb/".into(),
            cases: ["stromsund".to_string()].into(),
            pages: ["om".to_string()].into(),
            terms: [(Dimension::FocusAreas, ["bostad".to_string()].into())].into(),
        }
    }

    fn render_body(md: &str) -> (Rendered, Vec<Diagnostic>) {
        let text = format!("---\ntitle: x\n---\n{md}");
        let mut diagnostics = Vec::new();
        let origin = Origin {
            path: Path::new("content/cases/x.md"),
            text: &text,
            first_line: Some(4),
        };
        let r = render(md, &links(), origin, &mut diagnostics);
        (r, diagnostics)
    }

    #[test]
    fn resolves_cross_references_under_the_base_path() {
        let (r, d) = render_body(
            "Se [Strömsund](@/cases/stromsund.md) och [bostad](@/vocabulary/focus-areas.yaml#bostad).",
        );
        assert!(d.is_empty(), "{d:?}");
        assert!(
            r.html.contains(r#"href="/kb/cases/stromsund/""#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"href="/kb/terms/focus-areas/bostad/""#),
            "{}",
            r.html
        );
    }

    #[test]
    fn broken_cross_reference_names_file_and_line() {
        let (_, d) = render_body("Text\n\nSe [x](@/cases/stromsnd.md).");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location().unwrap(), "content/cases/x.md:6:8");
        assert!(
            d[0].help
                .as_ref()
                .unwrap()
                .to_string()
                .contains("stromsund")
        );
    }

    #[test]
    fn checking_links_finds_what_rendering_finds() {
        let md = "Se [x](@/cases/stromsnd.md), [ok](@/cases/stromsund.md)\n\n- [y](@/pages/saknas.md)\n\n| a |\n| - |\n| [z](@/vocabulary/focus-areas.yaml#inget) |\n";
        let (_, rendered) = render_body(md);
        let text = format!("---\ntitle: x\n---\n{md}");
        let origin = Origin {
            path: Path::new("content/cases/x.md"),
            text: &text,
            first_line: Some(4),
        };
        let mut checked = Vec::new();
        check_links(md, &links(), origin, &mut checked);
        assert_eq!(rendered.len(), 3, "{rendered:?}");
        let described = |d: &[Diagnostic]| {
            d.iter()
                .map(|d| format!("{:?} {}", d.location(), d.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(described(&checked), described(&rendered));
    }

    #[test]
    fn finds_links_written_from_the_sites_root() {
        let md = "Se [Skåne](/cases/skane/) och ![karta](/assets/karta.png), [ref][r], [ok](@/cases/x.md),\n[extern](https://example.org/) och [värd](//example.org/).\n\n[r]: /om/\n";
        let found: Vec<String> = root_relative_links(md)
            .into_iter()
            .map(|(at, target)| format!("{at} {target}"))
            .collect();
        assert_eq!(
            found,
            ["3 /cases/skane/", "31 /assets/karta.png", "60 /om/"]
        );
        assert!(root_relative_links("Inga [länkar](@/pages/om.md) här / alls.").is_empty());
    }

    #[test]
    fn headings_get_unique_ids() {
        let (r, _) = render_body("## Bakgrund\n\n## Bakgrund\n\n## Så gjorde man {#sa}\n");
        assert!(r.html.contains(r#"<h2 id="bakgrund">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="bakgrund-2">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="sa">"#), "{}", r.html);
        assert_eq!(r.headings[0].text, "Bakgrund");
    }

    #[test]
    fn scripts_and_dangerous_urls_are_removed() {
        let (r, _) = render_body(
            "<script>alert(1)</script>\n\n[a](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<svg><script>alert(1)</script></svg>\n\n[d](data:text/html;base64,PHNjcmlwdD4=)\n\n<style>body{}</style>",
        );
        for bad in [
            "<script",
            "javascript:",
            "onerror",
            "<svg",
            "data:",
            "<style",
        ] {
            assert!(!r.html.contains(bad), "{bad} survived: {}", r.html);
        }
    }

    #[test]
    fn mathml_comments_frames_forms_and_inline_styles_are_removed() {
        let (r, _) = render_body(concat!(
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>\n\n",
            "<!-- --><script>alert(1)</script><!-- -->\n\n",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a> <iframe src=\"https://example.org\"></iframe>\n\n",
            "<form action=\"https://example.org\"><input></form>\n\n",
            "<p style=\"position:fixed\" onclick=\"x()\">y</p>\n",
        ));
        for bad in [
            "<math",
            "<script",
            "avascript",
            "<iframe",
            "<form",
            "<input",
            "style=",
            "onclick",
        ] {
            assert!(
                !r.html.to_lowercase().contains(&bad.to_lowercase()),
                "{bad} survived: {}",
                r.html
            );
        }
    }

    #[test]
    fn tables_and_footnotes_survive_sanitizing() {
        let (r, _) = render_body("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Not.\n");
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("footnote-definition"), "{}", r.html);
    }
}
