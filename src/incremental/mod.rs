//! Incremental rebuilds for `inspira serve`.
//!
//! A [`Session`] keeps the loaded site and the prepared views of its last build. When only existing
//! case files changed, and none of them changed its terms, related links or place in the case order,
//! it re-reads just those files, re-checks them, rebuilds their views and renders only the pages that
//! show them ([`crate::view::Deps`]): the case page, and when what lists show changed, the term,
//! comparison and list pages that include it. Those pages are written in place and the browser
//! reloads (each file replaced atomically). Then the files derived from everything (the JSON and CSV
//! exports) are written, and the search index is rebuilt by a worker of its own ([`index_worker`]):
//! the next edit never waits for it, and edits that come while it builds make one rebuild, not one
//! each.
//!
//! Anything else (a case added, renamed or removed, a term changed, a page, vocabulary, template or
//! configuration edited) is a full build, as `inspira build` does it. Either way the output ends up
//! byte-identical to a full build of the same sources.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::compare;
use crate::content::{self, Case};
use crate::diagnostics::Diagnostics;
use crate::model::CaseId;
use crate::output::Folder;
use crate::render::Prepared;
use crate::routes::Route;
use crate::search;
use crate::site::{self, BuildReport, Site};
use crate::validate;
use index_worker::IndexWorker;

mod index_worker;

/// What one update did.
#[derive(Debug)]
pub enum Update {
    /// Nothing that makes up the site changed (an editor's temporary file, say).
    Nothing,
    /// A full build.
    Full(BuildReport),
    /// Only the pages showing the changed cases were rendered again.
    Pages {
        /// The changed cases, by slug.
        cases: Vec<String>,
        /// How many pages were written before the browser was told to reload.
        pages: usize,
        /// From the change being picked up to the pages being written.
        elapsed: Duration,
        warnings: Diagnostics,
    },
}

/// A site being served: the last good build, kept for incremental updates.
pub struct Session {
    root: PathBuf,
    output: PathBuf,
    base_url: String,
    live_reload: bool,
    /// The site and its views as of the last good build; `None` after a failed full build.
    state: Option<(Site, Prepared)>,
    /// Rebuilds the search index after incremental updates.
    indexing: IndexWorker,
}

impl Session {
    /// Builds the site in full and keeps it for later updates.
    pub fn start(
        root: &Path,
        output: &Path,
        base_url: &str,
        live_reload: bool,
    ) -> (Session, Result<BuildReport, Diagnostics>) {
        let mut session = Session {
            root: root.to_path_buf(),
            output: output.to_path_buf(),
            base_url: base_url.to_string(),
            live_reload,
            state: None,
            indexing: IndexWorker::start(),
        };
        let result = session.full();
        (session, result)
    }

    /// Brings the output up to date after the files at `changed` (absolute, or relative to the root)
    /// changed. `pages_written` is called as soon as the pages are in place, before the exports and
    /// the search index: that is when the browser can reload. On failure the output is left as it was.
    pub fn update(
        &mut self,
        changed: &[PathBuf],
        pages_written: impl FnOnce(),
    ) -> Result<Update, Diagnostics> {
        let started = Instant::now();
        let Some(slugs) = self.edited_cases(changed) else {
            let report = self.full()?;
            pages_written();
            return Ok(Update::Full(report));
        };
        if slugs.is_empty() {
            return Ok(Update::Nothing);
        }
        match self.update_cases(&slugs)? {
            Some((pages, warnings)) => {
                let elapsed = started.elapsed();
                pages_written();
                self.refresh_derived()?;
                Ok(Update::Pages {
                    cases: slugs,
                    pages,
                    elapsed,
                    warnings,
                })
            }
            None => {
                let report = self.full()?;
                pages_written();
                Ok(Update::Full(report))
            }
        }
    }

    /// Waits until the search index of the last update is written (tests and benchmarks).
    pub fn settle(&mut self) {
        self.indexing.settle();
    }

    fn full(&mut self) -> Result<BuildReport, Diagnostics> {
        self.settle();
        let built = site::build_full(
            &self.root,
            Some(&self.output),
            Some(&self.base_url),
            self.live_reload,
            true,
            &site::Progress::on_terminal(),
        );
        match built {
            Ok(built) => {
                self.state = built.state;
                Ok(built.report)
            }
            Err(problems) => {
                // The output still holds the last good build, but the kept state may no longer
                // match the sources: the next change gets a full build.
                self.state = None;
                Err(problems)
            }
        }
    }

    /// The slugs of the changed files when every one is an existing case's file (files that are not
    /// Markdown, such as an editor's temporary files, do not count); `None` when anything else changed
    /// (or nothing is kept to update).
    fn edited_cases(&self, changed: &[PathBuf]) -> Option<Vec<String>> {
        let (site, _) = self.state.as_ref()?;
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        let mut slugs = BTreeSet::new();
        for path in changed {
            let relative = path
                .strip_prefix(&root)
                .or_else(|_| path.strip_prefix(&self.root))
                .unwrap_or(path);
            let mut parts = relative.components().map(|c| c.as_os_str().to_str());
            let (Some(Some("content")), Some(Some("cases")), Some(Some(file)), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return None;
            };
            let Some(slug) = file.strip_suffix(".md") else {
                continue;
            };
            if !self.root.join(relative).is_file()
                || !site.content.cases.iter().any(|c| c.slug == slug)
            {
                return None;
            }
            slugs.insert(slug.to_string());
        }
        Some(slugs.into_iter().collect())
    }

    /// Re-reads the cases and renders the pages that show them. `Ok(None)` when an edit needs a full
    /// build; on problems the kept state and the output are unchanged.
    fn update_cases(
        &mut self,
        slugs: &[String],
    ) -> Result<Option<(usize, Diagnostics)>, Diagnostics> {
        let Some((site, prepared)) = self.state.as_mut() else {
            return Ok(None);
        };
        let mut edits = Vec::new();
        for slug in slugs {
            let relative = Path::new("content/cases").join(format!("{slug}.md"));
            let case = content::load_case(&self.root, &relative).map_err(Diagnostics::from)?;
            let Some(i) = site.content.cases.iter().position(|c| c.slug == *slug) else {
                return Ok(None);
            };
            if !same_structure(&site.content.cases, i, &case) {
                return Ok(None);
            }
            edits.push((i, case));
        }
        // Check every edited case before changing anything.
        let mut warnings = Diagnostics::new();
        let mut previous = Vec::new();
        for (i, case) in edits {
            previous.push((i, std::mem::replace(&mut site.content.cases[i], case)));
        }
        let mut problems = Diagnostics::new();
        for (i, _) in &previous {
            let found =
                validate::validate_case(&site.content, &site.vocabulary, &site.content.cases[*i]);
            if found.has_errors() {
                problems.extend(found);
            } else {
                warnings.extend(found);
            }
        }
        let restore = |site: &mut Site, previous: Vec<(usize, Case)>| {
            for (i, case) in previous {
                site.content.cases[i] = case;
            }
        };
        if problems.has_errors() {
            restore(site, previous);
            problems.sort();
            return Err(problems);
        }
        let renderer = site.renderer(self.live_reload);
        let mut changes = Vec::new();
        let mut failed = None;
        for (i, _) in &previous {
            match renderer.update_case(prepared, CaseId::new(*i)) {
                Ok(edit) => changes.push(edit),
                Err(found) => {
                    failed = Some(found);
                    break;
                }
            }
        }
        let written = match failed {
            Some(found) => Err(found),
            None => renderer.render_pages(prepared, &Folder(self.output.clone()), None, &|deps| {
                changes.iter().any(|edit| edit.affects(deps))
            }),
        };
        let written = match written {
            Ok(written) => written,
            Err(found) => {
                // The views of the cases before the failing one were already updated: the kept state
                // no longer matches the sources, so the next change gets a full build.
                restore(site, previous);
                self.state = None;
                let mut problems = Diagnostics::new();
                problems.extend(found);
                problems.sort();
                return Err(problems);
            }
        };
        warnings.sort();
        Ok(Some((written.len(), warnings)))
    }

    /// Writes the exports and starts rebuilding the search index, which replaces the bundle when done.
    fn refresh_derived(&mut self) -> Result<(), Diagnostics> {
        let Some((site, prepared)) = self.state.as_ref() else {
            return Ok(());
        };
        let renderer = site.renderer(self.live_reload);
        let sink = Folder(self.output.clone());
        renderer
            .write_derived(prepared, &sink)
            .map_err(Diagnostics::from)?;
        let mut documents: Vec<search::Document> = renderer
            .records(prepared)
            .into_iter()
            .map(search::Document::Record)
            .collect();
        // The accessibility statement is indexed from its HTML, which an edit of a case never changes.
        let statement = Route::Accessibility;
        if let Ok(html) = std::fs::read_to_string(self.output.join(statement.file())) {
            documents.push(search::Document::Html {
                url: statement.url(&site.config.base_path()),
                html,
            });
        }
        self.indexing.submit(index_worker::Request {
            language: site.config.language.clone(),
            documents,
            output: self.output.clone(),
        });
        Ok(())
    }
}

/// Whether `edited` can replace case `i` without a full build: the same place in the case order,
/// the same terms and the same explicit related cases (which decide every related list).
fn same_structure(cases: &[Case], i: usize, edited: &Case) -> bool {
    let old = &cases[i];
    let key = |c: &Case| (content::swedish_sort_key(&c.meta.title), c.slug.clone());
    let in_order = i
        .checked_sub(1)
        .is_none_or(|p| key(&cases[p]) <= key(edited))
        && cases.get(i + 1).is_none_or(|n| key(edited) <= key(n));
    let terms = |c: &Case| {
        compare::term_ids(c)
            .into_iter()
            .map(|(d, ids)| (d, ids.into_iter().map(str::to_string).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    let related = |c: &Case| {
        c.meta
            .related
            .iter()
            .map(|r| r.value.clone())
            .collect::<Vec<_>>()
    };
    in_order && terms(old) == terms(edited) && related(old) == related(edited)
}
