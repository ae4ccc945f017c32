//! What machines read: the sitemap, the Atom feed of the most recently changed cases, and robots.txt.
//! All three need the site's absolute address, so a site with a relative base URL has none. Crawlers
//! read robots.txt only at the root of a host: under a sub-path it is written only when asked.

use tera::Context;

use super::{Input, Job};
use crate::routes::Route;
use crate::view::Deps;

/// How many cases the Atom feed carries: the most recently changed.
const FEED_ENTRIES: usize = 50;

/// Adds the feeds; the sitemap lists every page in `jobs` so far.
pub(super) fn jobs<'p>(input: Input<'p>, jobs: &mut Vec<Job<'p>>) {
    let Some(origin) = input.config.origin() else {
        return;
    };
    let (views, base_path) = (input.views, input.base_path());
    let root = format!("{origin}{base_path}");
    let mut urls: Vec<String> = jobs
        .iter()
        .filter(|job| job.route.in_sitemap())
        .map(|job| job.url(&root))
        .collect();
    urls.sort();
    // Only the set of pages decides the sitemap.
    let deps = Deps::fixed(&urls);
    jobs.push(
        Job::new(Route::Sitemap, "sitemap.xml", move || {
            let mut ctx = Context::new();
            ctx.insert("urls", &urls);
            ctx
        })
        .deps(deps),
    );
    let feed_origin = origin.clone();
    jobs.push(Job::new(Route::Feed, "atom.xml", move || {
        let mut ctx = Context::new();
        ctx.insert("origin", &feed_origin);
        ctx.insert_value("cases", views.newest(FEED_ENTRIES));
        let newest = views
            .cases
            .iter()
            .map(|c| c.changed.as_str())
            .max()
            .unwrap_or("1970-01-01T00:00:00Z");
        ctx.insert("updated", newest);
        ctx
    }));
    if !input.config.robots_txt.unwrap_or(base_path == "/") {
        return;
    }
    let sitemap = Route::Sitemap.url(&root);
    jobs.push(
        Job::new(Route::Robots, "robots.txt", move || {
            let mut ctx = Context::new();
            ctx.insert("sitemap", &sitemap);
            ctx
        })
        .deps(Deps::Site),
    );
}
