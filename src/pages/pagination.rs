//! The pager of a page split into pages of `[compare] cases_per_page` cases (where the pages live is
//! [`Route`]'s business). A site with fewer cases than a page holds gets one page, with no pager.

use serde::Serialize;

use crate::routes::Route;

use crate::theme::strings::Strings;
use crate::view::format::number_sv;

/// Where a page stands among its siblings, for the pager and the page title.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// The 1-based positions of the page's first and last case, and how many cases there are.
    pub first_case: usize,
    pub last_case: usize,
    pub case_count: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The first and last page, the current one and its neighbours; a gap stands for the pages left out.
    pub links: Vec<PageLink>,
    /// "Showing cases 51–100 of 10 000."
    pub range: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Stands for the pages between its neighbours; `number` and `url` are unused.
    pub gap: bool,
}

/// How many pages either side of the current one the pager links to.
const WINDOW: usize = 2;

/// The pagination of page `number` (1-based) of `total`, for `case_count` cases at `per_page` a page.
pub fn paginate(
    base_path: &str,
    route: Route<'_>,
    number: usize,
    per_page: usize,
    case_count: usize,
    strings: &Strings,
) -> Pagination {
    let total = case_count.div_ceil(per_page).max(1);
    let first_case = ((number - 1) * per_page + 1).min(case_count);
    let last_case = (number * per_page).min(case_count);
    let mut links = Vec::new();
    for n in 1..=total {
        let shown = n == 1 || n == total || n.abs_diff(number) <= WINDOW;
        if shown {
            links.push(PageLink {
                number: n,
                url: route.url_of(base_path, n),
                current: n == number,
                gap: false,
            });
        } else if links.last().is_some_and(|l: &PageLink| !l.gap) {
            links.push(PageLink {
                number: 0,
                url: String::new(),
                current: false,
                gap: true,
            });
        }
    }
    Pagination {
        number,
        total,
        first_case,
        last_case,
        case_count,
        previous: (number > 1).then(|| route.url_of(base_path, number - 1)),
        next: (number < total).then(|| route.url_of(base_path, number + 1)),
        links,
        range: strings.format(
            "pages_range",
            &[
                ("first", &number_sv(first_case as f64)),
                ("last", &number_sv(last_case as f64)),
                ("count", &number_sv(case_count as f64)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        crate::theme::strings::load("sv", &[]).unwrap()
    }

    #[test]
    fn the_pager_links_the_neighbouring_pages_and_says_which_cases_it_shows() {
        let p = paginate("/kb/", Route::Compare, 2, 50, 120, &strings());
        assert_eq!(
            (p.number, p.total, p.first_case, p.last_case),
            (2, 3, 51, 100)
        );
        assert_eq!(p.previous.as_deref(), Some("/kb/compare/"));
        assert_eq!(p.next.as_deref(), Some("/kb/compare/page/3/"));
        assert_eq!(p.range, "Visar exempel 51–100 av 120.");
    }

    #[test]
    fn the_pager_shows_the_ends_and_the_neighbours_with_gaps_between() {
        let p = paginate("/", Route::Compare, 10, 1, 200, &strings());
        let shown: Vec<String> = p
            .links
            .iter()
            .map(|l| {
                if l.gap {
                    "…".to_string()
                } else if l.current {
                    format!("[{}]", l.number)
                } else {
                    l.number.to_string()
                }
            })
            .collect();
        assert_eq!(shown.join(" "), "1 … 8 9 [10] 11 12 … 200");
    }
}
