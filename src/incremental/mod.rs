//! Incremental rebuilds for `inspira serve`.
//!
//! A [`Session`] keeps the loaded site, the prepared views of its last build and a fingerprint of every
//! page it wrote ([`crate::view::Fingerprints`]). When only case files changed (edited, added or
//! removed), it re-reads just those files and checks them against the rest of the site. An edit that
//! keeps the case's place in the case order, its terms and its related links rebuilds that case's
//! view (and the views that show its title); anything else also works out the term index and the
//! related cases again and keeps every other case's view ([`crate::view::Views::restructure`]). Then
//! only the pages whose fingerprint changed are rendered, written in place (each file replaced
//! atomically), pages that no longer exist are removed, and the browser reloads. After that the
//! files derived from everything (the JSON and CSV exports, the side-by-side stylesheets) are
//! written, and the search index is rebuilt by a worker of its own ([`index_worker`]): the next edit
//! never waits for it, and edits that come while it builds make one rebuild, not one each.
//!
//! Anything else (a page, vocabulary, template or configuration edited) is a full build, as
//! `inspira build` does it. Either way the output ends up byte-identical to a full build of the same
//! sources.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::compare;
use crate::content::{self, Case};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::CaseId;
use crate::output::Folder;
use crate::render::Prepared;
use crate::routes::Route;
use crate::search;
use crate::site::{self, BuildReport, Kept, Site};
use crate::validate;
use crate::view::PageFingerprints;
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
        /// The changed cases (edited, added or removed), by slug.
        cases: Vec<String>,
        /// How many pages were written before the browser was told to reload.
        pages: usize,
        /// How many pages that no longer exist were removed.
        removed: usize,
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
    state: Option<State>,
    /// Rebuilds the search index after incremental updates.
    indexing: IndexWorker,
    /// Files whose change an update could not take (it found problems): the next update takes them
    /// too, so that fixing a problem in another file than the one that caused it works.
    pending: BTreeSet<PathBuf>,
}

/// What the output folder holds, and what it was made from.
struct State {
    site: Site,
    prepared: Prepared,
    /// Every page written, with its fingerprint.
    pages: PageFingerprints,
    /// The files written that are not pages.
    derived: Vec<String>,
}

/// A changed case file.
enum Change {
    /// The file of a case the site has, or a new one.
    Written(String),
    /// The file of a case the site has is gone.
    Removed(String),
}

impl Change {
    fn slug(&self) -> &str {
        match self {
            Change::Written(slug) | Change::Removed(slug) => slug,
        }
    }
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
            pending: BTreeSet::new(),
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
        self.pending.extend(changed.iter().cloned());
        let changed: Vec<PathBuf> = self.pending.iter().cloned().collect();
        let Some(changes) = self.case_changes(&changed) else {
            let report = self.full()?;
            pages_written();
            return Ok(Update::Full(report));
        };
        if changes.is_empty() {
            self.pending.clear();
            return Ok(Update::Nothing);
        }
        let (pages, removed, warnings) = self.update_cases(&changes)?;
        self.pending.clear();
        let elapsed = started.elapsed();
        pages_written();
        self.refresh_derived()?;
        Ok(Update::Pages {
            cases: changes.iter().map(|c| c.slug().to_string()).collect(),
            pages,
            removed,
            elapsed,
            warnings,
        })
    }

    /// Waits until the search index of the last update is written (tests and benchmarks).
    pub fn settle(&mut self) {
        self.indexing.settle();
    }

    fn full(&mut self) -> Result<BuildReport, Diagnostics> {
        self.settle();
        // A full build reads every file.
        self.pending.clear();
        // The kept state may no longer match the sources, whatever the build's outcome: on failure
        // the output still holds the last good build, and the next change gets a full build.
        self.state = None;
        let built = site::build_full(
            &self.root,
            Some(&self.output),
            Some(&self.base_url),
            self.live_reload,
            true,
            &site::Progress::on_terminal(),
        )?;
        self.state = built.state.map(|kept| {
            let Kept {
                site,
                prepared,
                derived,
            } = kept;
            let pages = site.renderer(self.live_reload).fingerprints(&prepared);
            State {
                site,
                prepared,
                pages,
                derived,
            }
        });
        Ok(built.report)
    }

    /// The changed case files, by slug, when only case files changed (files that are not Markdown,
    /// such as an editor's temporary files, and files that neither exist nor were cases do not count);
    /// `None` when anything else changed (or nothing is kept to update).
    fn case_changes(&self, changed: &[PathBuf]) -> Option<Vec<Change>> {
        let state = self.state.as_ref()?;
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
            slugs.insert(slug.to_string());
        }
        let cases = &state.site.content.cases;
        let mut changes = Vec::new();
        for slug in slugs {
            let file = self.root.join("content/cases").join(format!("{slug}.md"));
            let known = cases.iter().any(|c| c.slug == slug);
            if file.is_file() {
                changes.push(Change::Written(slug));
            } else if file.exists() {
                // A folder named like a case: loading decides what that is.
                return None;
            } else if known {
                changes.push(Change::Removed(slug));
            }
        }
        Some(changes)
    }

    /// Re-reads the changed cases and renders the pages whose fingerprint changed. Returns how many
    /// pages were written and removed, and the warnings; on problems the kept state and the output
    /// are unchanged.
    fn update_cases(
        &mut self,
        changes: &[Change],
    ) -> Result<(usize, usize, Diagnostics), Diagnostics> {
        let Some(state) = self.state.as_mut() else {
            return Err(Diagnostics::new());
        };
        let site = &mut state.site;
        // Every changed file is read before anything changes.
        let mut loaded = Vec::new();
        for change in changes {
            if let Change::Written(slug) = change {
                let relative = Path::new("content/cases").join(format!("{slug}.md"));
                let case = content::load_case(&self.root, &relative).map_err(Diagnostics::from)?;
                loaded.push(case);
            }
        }
        let in_place: Option<Vec<(usize, String)>> = loaded
            .iter()
            .map(|case| {
                let cases = &site.content.cases;
                let i = cases.iter().position(|c| c.slug == case.slug)?;
                same_structure(cases, i, case).then(|| (i, case.slug.clone()))
            })
            .collect::<Option<Vec<_>>>()
            .filter(|_| changes.iter().all(|c| matches!(c, Change::Written(_))));
        let undo = apply(&mut site.content.cases, changes, loaded);
        // Cases edited side by side can still swap places.
        let in_place = in_place.filter(|edited| {
            edited
                .iter()
                .all(|(i, slug)| site.content.cases[*i].slug == *slug)
        });
        let restore = |site: &mut Site, undo: Vec<(String, Option<Case>)>| {
            let cases = &mut site.content.cases;
            for (slug, before) in undo {
                cases.retain(|c| c.slug != slug);
                cases.extend(before);
            }
            content::sort_cases(cases);
        };
        let removed: Vec<&str> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Removed(slug) => Some(slug.as_str()),
                Change::Written(_) => None,
            })
            .collect();
        // A case can only refer to another by writing its slug: those that may have linked to a
        // removed case are checked and their links resolved again.
        let referrers: Vec<&str> = site
            .content
            .cases
            .iter()
            .filter(|case| removed.iter().any(|slug| case.source.text.contains(slug)))
            .map(|case| case.slug.as_str())
            .collect();
        let rebuild: BTreeSet<&str> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Written(slug) => Some(slug.as_str()),
                Change::Removed(_) => None,
            })
            .chain(referrers)
            .collect();
        let found = validate::validate_changed(
            &site.content,
            &site.vocabulary,
            &rebuild,
            !removed.is_empty(),
        );
        if found.has_errors() {
            restore(site, undo);
            return Err(found);
        }
        let renderer = site.renderer(self.live_reload);
        let updated = match in_place {
            Some(edited) => edited
                .into_iter()
                .try_for_each(|(i, _)| renderer.update_case(&mut state.prepared, CaseId::new(i))),
            None => {
                if let Err(problems) = renderer.restructure(&mut state.prepared, &rebuild) {
                    // The views are as they were.
                    restore(site, undo);
                    return Err(sorted(problems));
                }
                Ok(())
            }
        };
        let sink = Folder(self.output.clone());
        let rendered =
            updated.and_then(|()| renderer.render_changed(&state.prepared, &state.pages, &sink));
        let rendered = match rendered {
            Ok(rendered) => rendered,
            Err(problems) => {
                // Some views may already be updated: the kept state no longer matches what was
                // written, so the next change gets a full build.
                self.state = None;
                return Err(sorted(problems));
            }
        };
        for file in &rendered.removed {
            sink.remove(file)
                .map_err(|e| Diagnostics::from(remove_error(file, &e)))?;
        }
        state.pages = rendered.fingerprints;
        Ok((rendered.written.len(), rendered.removed.len(), found))
    }

    /// Writes the exports and starts rebuilding the search index, which replaces the bundle when done.
    fn refresh_derived(&mut self) -> Result<(), Diagnostics> {
        let Some(state) = self.state.as_mut() else {
            return Ok(());
        };
        let (site, prepared) = (&state.site, &state.prepared);
        let renderer = site.renderer(self.live_reload);
        let sink = Folder(self.output.clone());
        let derived = renderer
            .write_derived(prepared, &sink)
            .map_err(Diagnostics::from)?;
        // Fewer cases can need fewer side-by-side stylesheets.
        for file in state.derived.iter().filter(|f| !derived.contains(f)) {
            sink.remove(file)
                .map_err(|e| Diagnostics::from(remove_error(file, &e)))?;
        }
        state.derived = derived;
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
    let key = content::case_order;
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

/// Applies the changes to the cases, keeping them in the case order. Returns what undoes it: each
/// changed slug, with the case it had before (`None` if it is new).
fn apply(
    cases: &mut Vec<Case>,
    changes: &[Change],
    loaded: Vec<Case>,
) -> Vec<(String, Option<Case>)> {
    let mut undo = Vec::new();
    let mut take = |cases: &mut Vec<Case>, slug: &str| {
        let before = cases
            .iter()
            .position(|c| c.slug == slug)
            .map(|i| cases.remove(i));
        undo.push((slug.to_string(), before));
    };
    for change in changes {
        if let Change::Removed(slug) = change {
            take(cases, slug);
        }
    }
    for case in loaded {
        take(cases, &case.slug);
        cases.push(case);
    }
    content::sort_cases(cases);
    undo
}

fn sorted(problems: Vec<Diagnostic>) -> Diagnostics {
    let mut found = Diagnostics::new();
    found.extend(problems);
    found.sort();
    found
}

fn remove_error(file: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        crate::diagnostics::Code::Io,
        crate::msg!("stale-not-removed", file = file, error = e.to_string()),
    )
    .help(crate::msg!("output-writable-help"))
}
