//! The one owner of URLs and output paths. Every page of the site is a [`Route`]; its folder below
//! the site root gives both the file it is written to and the URL it is served at, so the two never
//! drift apart. Nothing else spells `"cases/{slug}/"`.
//!
//! A paginated page keeps its own URL for page 1 (`compare/focus-areas/`) and puts page n below it
//! (`compare/focus-areas/page/n/`).

use crate::vocabulary::Dimension;

/// A page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    NotFound,
    /// The list of every case.
    Cases,
    Case(&'a str),
    /// The list of every dimension and its terms.
    Terms,
    Dimension(Dimension),
    Term(Dimension, &'a str),
    /// The comparison of every case by dimension.
    Compare,
    /// Every case's dimension set against its terms.
    Matrix(Dimension),
    Facts,
    SideBySide,
    Timeline,
    /// A free page (about, a publication).
    Page(&'a str),
    /// A publication's cases in full, for printing.
    Booklet(&'a str),
    Search,
    Accessibility,
    Feed,
    Sitemap,
    Robots,
    /// The JSON export of the whole knowledge base.
    Json,
    /// A dimension's matrix as CSV.
    MatrixCsv(Dimension),
    /// Every key figure as CSV.
    FactsCsv,
}

impl Route<'_> {
    /// Where the route lives below the site root: a folder ending in `/` (`""` for the start page), or
    /// the name of a file that is not a folder's index (`404.html`, `atom.xml`).
    fn location(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::NotFound => "404.html".into(),
            Route::Cases => "cases/".into(),
            Route::Case(slug) => format!("cases/{slug}/"),
            Route::Terms => "terms/".into(),
            Route::Dimension(d) => format!("terms/{}/", d.slug()),
            Route::Term(d, id) => format!("terms/{}/{id}/", d.slug()),
            Route::Compare => "compare/".into(),
            Route::Matrix(d) => format!("compare/{}/", d.slug()),
            Route::Facts => "compare/facts/".into(),
            Route::SideBySide => "compare/side-by-side/".into(),
            Route::Timeline => "timeline/".into(),
            Route::Page(slug) => format!("{slug}/"),
            Route::Booklet(slug) => format!("{slug}/booklet/"),
            Route::Search => "search/".into(),
            Route::Accessibility => "accessibility/".into(),
            Route::Feed => "atom.xml".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Robots => "robots.txt".into(),
            Route::Json => "knowledge-base.json".into(),
            Route::MatrixCsv(d) => format!("compare/{}.csv", d.slug()),
            Route::FactsCsv => "compare/facts.csv".into(),
        }
    }

    /// Page `number` (1-based) of the route, relative to the site root: `compare/page/2/`.
    fn relative(&self, number: usize) -> String {
        let location = self.location();
        if number <= 1 {
            location
        } else {
            format!("{location}page/{number}/")
        }
    }

    /// The file that page `number` of the route is written to, below the output folder.
    pub fn file_of(&self, number: usize) -> String {
        let relative = self.relative(number);
        if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative
        }
    }

    /// The file the route is written to.
    pub fn file(&self) -> String {
        self.file_of(1)
    }

    /// The URL of page `number` of the route, under the site's base path (`/` or `/kb/`).
    pub fn url_of(&self, base_path: &str, number: usize) -> String {
        format!("{base_path}{}", self.relative(number))
    }

    /// The URL of the route under the site's base path.
    pub fn url(&self, base_path: &str) -> String {
        self.url_of(base_path, 1)
    }

    /// Whether the route belongs in the sitemap (every page a reader can land on).
    pub fn in_sitemap(&self) -> bool {
        !matches!(
            self,
            Route::NotFound
                | Route::Feed
                | Route::Sitemap
                | Route::Robots
                | Route::Json
                | Route::MatrixCsv(_)
                | Route::FactsCsv
        )
    }
}

/// The URL of a file under the theme's `assets/` folder.
pub fn asset(base_path: &str, name: &str) -> String {
    format!("{base_path}{}", asset_file(name))
}

/// Where a file of the theme's `assets/` folder is written, below the output folder.
pub fn asset_file(name: &str) -> String {
    format!("assets/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_route_is_written_to_its_index_and_served_at_the_folder() {
        let route = Route::Case("gislaved");
        assert_eq!(route.file(), "cases/gislaved/index.html");
        assert_eq!(route.url("/kb/"), "/kb/cases/gislaved/");
        assert_eq!(Route::Home.file(), "index.html");
        assert_eq!(Route::Home.url("/"), "/");
        assert_eq!(
            Route::Term(Dimension::FocusAreas, "bostad").url("/"),
            "/terms/focus-areas/bostad/"
        );
    }

    #[test]
    fn a_file_route_keeps_its_name() {
        assert_eq!(Route::NotFound.file(), "404.html");
        assert_eq!(Route::Sitemap.url("/kb/"), "/kb/sitemap.xml");
        assert!(!Route::Sitemap.in_sitemap());
        assert!(Route::Cases.in_sitemap());
    }

    #[test]
    fn later_pages_of_a_paginated_route_go_below_its_first() {
        let route = Route::Matrix(Dimension::FocusAreas);
        assert_eq!(route.file_of(1), "compare/focus-areas/index.html");
        assert_eq!(route.file_of(3), "compare/focus-areas/page/3/index.html");
        assert_eq!(route.url_of("/kb/", 3), "/kb/compare/focus-areas/page/3/");
    }
}
