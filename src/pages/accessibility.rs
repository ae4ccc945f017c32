//! `/accessibility/`: the accessibility statement that Swedish public bodies must publish (lagen om
//! tillgänglighet till digital offentlig service), from `[accessibility]` in inspira.toml.

use tera::Context;

use super::{Indexed, Input, Job, page_context};
use crate::config::{AccessibilityStatement, Compliance};
use crate::routes::Route;
use crate::view::Deps;

pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    if let Some(statement) = &input.config.accessibility {
        let mut job = Job::new(Route::Accessibility, "accessibility.html", move || {
            context(input, statement)
        });
        // The statement's text is in the template, so the index reads the rendered page.
        job.indexed = Indexed::Html;
        jobs.push(job.deps(Deps::Site));
    }
}

fn context(input: Input<'_>, statement: &AccessibilityStatement) -> Context {
    let (config, strings) = (input.config, input.strings());
    let mut ctx = page_context(
        "accessibility",
        &strings.format("a11y_title", &[("site", &config.title)]),
        strings.get("a11y_description"),
        vec![],
    );
    ctx.insert("statement", statement);
    ctx.insert(
        "status",
        match statement.status {
            Compliance::Helt => strings.get("a11y_status_helt"),
            Compliance::Delvis => strings.get("a11y_status_delvis"),
            Compliance::InteForenlig => strings.get("a11y_status_inte"),
        },
    );
    let email = statement
        .report_email
        .as_ref()
        .or(config.contact.email.as_ref());
    ctx.insert("report_email", &email);
    ctx.insert("csv_links", &csv_links(input));
    ctx
}

#[derive(serde::Serialize)]
struct CsvLink {
    title: String,
    url: String,
}

/// The comparisons as CSV, which the statement offers as the plain-text alternative to the tables
/// and charts: one per dimension's matrix, and the key figures.
fn csv_links(input: Input<'_>) -> Vec<CsvLink> {
    let (views, strings, base_path) = (input.views, input.strings(), input.base_path());
    views
        .dimensions
        .iter()
        .map(|d| CsvLink {
            title: strings.format("matrix_title", &[("dimension", &d.title)]),
            url: Route::MatrixCsv(d.dimension).url(base_path),
        })
        .chain(std::iter::once(CsvLink {
            title: strings.get("facts_title").to_string(),
            url: Route::FactsCsv.url(base_path),
        }))
        .collect()
}
