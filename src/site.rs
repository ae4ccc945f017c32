//! The pipeline: files on disk → typed model → validated site → rendered pages → output tree.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::content::{self, Content};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::output::OutputFile;
use crate::output::{self, Sink};
use crate::render::{Prepared, Renderer};
use crate::search;
use crate::theme::Theme;
use crate::validate;
use crate::vocabulary::Vocabulary;

/// Progress of a long build on a terminal: the stage, files written so far and time spent. Hidden
/// when stderr is not a terminal (CI logs, pipes, tests), so output there stays one line a build.
pub struct Progress(indicatif::ProgressBar);

impl Progress {
    /// No display at all.
    pub fn hidden() -> Progress {
        Progress(indicatif::ProgressBar::hidden())
    }

    /// A spinner on stderr if it is a terminal; hidden otherwise.
    pub fn on_terminal() -> Progress {
        use std::io::IsTerminal as _;
        if !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(bar)
    }

    /// A new stage, named by the catalogue's message `stage`; `counting` shows how many files have
    /// been written.
    fn stage(&self, stage: &'static str, counting: bool) {
        let template = if counting {
            let written = crate::msg!("progress-files-written").to_string();
            format!("{{spinner}} {{msg}}: {{pos}} {written} [{{elapsed}}]")
        } else {
            "{spinner} {msg} [{elapsed}]".to_string()
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            self.0.set_style(style);
        }
        self.0
            .set_message(crate::diagnostics::Text::new(stage).to_string());
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

/// Counts the files going into a sink on the progress display.
struct Counting<'a> {
    sink: &'a dyn Sink,
    progress: &'a Progress,
}

impl Sink for Counting<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.sink.put(path, bytes)?;
        self.progress.0.inc(1);
        Ok(())
    }

    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.sink.put_with(path, write)?;
        self.progress.0.inc(1);
        Ok(())
    }
}

/// A loaded and validated site, ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub content: Content,
    pub vocabulary: Vocabulary,
    pub theme: Theme,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    pub files: usize,
    pub cases: usize,
    pub warnings: Diagnostics,
    pub elapsed: Duration,
    /// How long each stage took, in pipeline order (`inspira build --timings`).
    pub stages: Vec<Stage>,
}

/// One stage of a build, as `inspira build --timings` reports it.
#[derive(Debug, Clone)]
pub struct Stage {
    pub name: &'static str,
    pub took: Duration,
    /// The process's peak resident memory by the end of the stage, where the system tells it
    /// (Linux: `VmHWM` in /proc/self/status), so a benchmark sees which stage sets the peak.
    pub peak_rss: Option<u64>,
}

impl Stage {
    fn since(name: &'static str, started: Instant) -> Stage {
        Stage {
            name,
            took: started.elapsed(),
            peak_rss: peak_rss(),
        }
    }
}

/// The peak resident memory of this process so far, in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

impl Site {
    /// Loads and validates everything under `root`. On success, the warnings come along.
    pub fn load(root: &Path) -> Result<(Site, Diagnostics), Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let config = Config::load(root).map_err(Diagnostics::from)?;
        let theme = Theme::load(root).map_err(Diagnostics::from)?;
        theme.check_config(&config).map_err(Diagnostics::from)?;
        let (content, load_problems) = content::load(root);
        diagnostics.extend(load_problems);
        let vocabulary = match Vocabulary::load(root) {
            Ok(v) => Some(v),
            Err(problems) => {
                diagnostics.extend(problems);
                None
            }
        };
        let Some(vocabulary) = vocabulary else {
            diagnostics.sort();
            return Err(diagnostics);
        };
        diagnostics.extend(validate::validate(&content, &vocabulary));
        diagnostics.sort();
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok((
            Site {
                root: root.to_path_buf(),
                config,
                content,
                vocabulary,
                theme,
            },
            diagnostics,
        ))
    }

    /// Renders every page in memory, sorted by path.
    ///
    /// The search index is left out: it is derived from the content and cannot fail on it, so `check`
    /// skips the most expensive stage.
    pub fn render(&self) -> Result<Vec<OutputFile>, Diagnostics> {
        let memory = output::Memory::default();
        self.render_into(&memory)?;
        Ok(memory.into_files())
    }

    /// Renders every page and derived file into `sink`, without the search index.
    fn render_into(&self, sink: &dyn Sink) -> Result<(), Diagnostics> {
        self.render_all(sink, false, false, &mut Vec::new(), &Progress::hidden())
            .map(|_| ())
    }

    /// Renders every page and derived file into `sink` and, with `search`, starts the search index on
    /// a thread of its own, fed while the pages render.
    fn render_all(
        &self,
        sink: &dyn Sink,
        live_reload: bool,
        search: bool,
        stages: &mut Vec<Stage>,
        progress: &Progress,
    ) -> Result<Rendered, Diagnostics> {
        let started = Instant::now();
        progress.stage("progress-preparing", false);
        let renderer = self.renderer(live_reload);
        let prepared = renderer.prepare().map_err(|mut problems| {
            validate::links::suggest_cases_by_title(&mut problems, &self.content);
            diagnostics(problems)
        })?;
        stages.push(Stage::since("prepare", started));
        progress.stage("progress-rendering", true);
        let started = Instant::now();
        let indexer = search.then(|| {
            let indexer = search::Indexer::start(&self.config.language);
            for record in renderer.records(&prepared) {
                indexer.add(search::Document::Record(record));
            }
            indexer
        });
        let pages = renderer
            .render_pages(&prepared, sink, indexer.as_ref())
            .map_err(diagnostics)?
            .len();
        let derived = renderer
            .write_derived(&prepared, sink)
            .map_err(Diagnostics::from)?;
        stages.push(Stage::since("render", started));
        Ok(Rendered {
            files: pages + derived.len(),
            prepared,
            derived,
            indexer,
        })
    }

    /// The renderer over this site.
    pub fn renderer(&self, live_reload: bool) -> Renderer<'_> {
        Renderer {
            config: &self.config,
            content: &self.content,
            vocabulary: &self.vocabulary,
            theme: &self.theme,
            live_reload,
        }
    }

    /// The output folder: the one given, or the config's, relative to the root.
    pub fn output_dir(&self, requested: Option<&Path>) -> PathBuf {
        requested.map_or_else(
            || self.root.join(&self.config.output_dir),
            Path::to_path_buf,
        )
    }
}

/// Loads, validates, renders and writes the site; the previous output stays untouched on any failure.
pub fn build(
    root: &Path,
    output: Option<&Path>,
    base_url: Option<&str>,
) -> Result<BuildReport, Diagnostics> {
    build_with(root, output, base_url, false)
}

/// [`build`], optionally with the live-reload script that `inspira serve` uses.
pub fn build_with(
    root: &Path,
    output: Option<&Path>,
    base_url: Option<&str>,
    live_reload: bool,
) -> Result<BuildReport, Diagnostics> {
    build_full(
        root,
        output,
        base_url,
        live_reload,
        false,
        &Progress::hidden(),
    )
    .map(|built| built.report)
}

/// A finished build and what it was made from.
pub struct Built {
    pub report: BuildReport,
    /// The loaded site and its views, when asked to keep them.
    pub state: Option<Kept>,
}

/// What a build leaves for `inspira serve`'s incremental rebuilds.
pub struct Kept {
    pub site: Site,
    /// What the pages were made from.
    pub prepared: Prepared,
    /// The files written that are not pages ([`Renderer::write_derived`]).
    pub derived: Vec<String>,
}

/// What [`Site::render_all`] did.
struct Rendered {
    /// How many files were written.
    files: usize,
    prepared: Prepared,
    derived: Vec<String>,
    /// The unfinished search index.
    indexer: Option<search::Indexer>,
}

/// [`build_with`], with a progress display, optionally keeping the loaded site and the prepared views
/// for incremental rebuilds. Without `keep`, they are dropped before the search index is finished,
/// which is when the build needs the most memory.
pub fn build_full(
    root: &Path,
    output: Option<&Path>,
    base_url: Option<&str>,
    live_reload: bool,
    keep: bool,
    progress: &Progress,
) -> Result<Built, Diagnostics> {
    let started = Instant::now();
    let mut stages = Vec::new();
    progress.stage("progress-reading", false);
    let (mut site, warnings) = Site::load(root)?;
    stages.push(Stage::since("load and check", started));
    if let Some(url) = base_url {
        site.config.base_url = crate::config::normalise_base_url(url).map_err(|m| {
            Diagnostics::from(Diagnostic::error(
                Code::BaseUrl,
                crate::msg!("base-url-option", problem = m),
            ))
        })?;
    }
    let output = site.output_dir(output);
    output::check_output_dir(root, &output).map_err(|m| {
        Diagnostics::from(Diagnostic::error(Code::Output, m).help(crate::msg!("output-help")))
    })?;
    let io_error = |e: std::io::Error| {
        Diagnostics::from(
            Diagnostic::error(
                Code::Io,
                crate::msg!(
                    "site-not-written",
                    folder = output.display().to_string(),
                    error = e.to_string()
                ),
            )
            .help(crate::msg!("site-not-written-help")),
        )
    };
    let staging = output::Staging::create(&output).map_err(io_error)?;
    let sink = &Counting {
        sink: &staging,
        progress,
    };
    let Rendered {
        mut files,
        prepared,
        derived,
        indexer,
    } = site.render_all(sink, live_reload, true, &mut stages, progress)?;
    let cases = site.content.cases.len();
    let state = if keep {
        Some(Kept {
            site,
            prepared,
            derived,
        })
    } else {
        drop(prepared);
        drop(site);
        None
    };
    progress.stage("progress-search-index", true);
    let indexing = Instant::now();
    let bundle = match indexer {
        Some(indexer) => indexer.finish()?,
        None => Vec::new(),
    };
    for (path, bytes) in &bundle {
        sink.put(path, bytes).map_err(|e| write_error(path, &e))?;
    }
    files += bundle.len();
    drop(bundle);
    stages.push(Stage::since("search index (rest)", indexing));
    let swapping = Instant::now();
    staging.commit().map_err(io_error)?;
    stages.push(Stage::since("replace output", swapping));
    let report = BuildReport {
        output,
        files,
        cases,
        warnings,
        elapsed: started.elapsed(),
        stages,
    };
    Ok(Built { report, state })
}

/// Problems from rendering, sorted for the report.
fn diagnostics(problems: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.extend(problems);
    d.sort();
    d
}

fn write_error(path: &str, e: &std::io::Error) -> Diagnostics {
    Diagnostics::from(
        Diagnostic::error(
            Code::Io,
            crate::msg!("path-not-written", path = path, error = e.to_string()),
        )
        .help(crate::msg!("site-not-written-help")),
    )
}

/// Runs every check that does not need the pages rendered, and writes nothing: the content is read
/// and validated, every link resolved and every template compiled. Errors that only rendering can
/// find (a custom template that fails on some page) are left to `build`, which is what keeps this
/// fast enough to run on every save. A problem in one file does not stop the others' links from being
/// checked: every problem is reported in one run.
pub fn check(root: &Path) -> Diagnostics {
    let (mut found, stopped) = check_everything(root);
    found.extend(stopped);
    found.sort();
    found
}

/// [`check`] for some files of the site (paths relative to `root`, as [`content::named::resolve`]
/// gives them): the whole site is read and checked, so their references to other cases, pages,
/// terms and sources resolve as in a build, but only the problems located in `files` are returned.
/// Problems that keep the files from being checked at all (the configuration, the theme, the
/// vocabularies) are returned too.
pub fn check_files(root: &Path, files: &[PathBuf]) -> Diagnostics {
    let (mut found, stopped) = check_everything(root);
    found = found
        .into_iter()
        .filter(|d| d.file.as_ref().is_some_and(|f| files.contains(f)))
        .chain(stopped)
        .collect();
    found.sort();
    found
}

/// Every check that does not render, each run as far as the files allow: the problems found, and
/// those that stopped the checks (nothing can be checked without the configuration and the theme,
/// and no reference to a term without the vocabularies).
fn check_everything(root: &Path) -> (Diagnostics, Diagnostics) {
    let stopped = |d: Diagnostic| (Diagnostics::new(), Diagnostics::from(d));
    let config = match Config::load(root) {
        Ok(config) => config,
        Err(d) => return stopped(d),
    };
    let theme = match Theme::load(root) {
        Ok(theme) => theme,
        Err(d) => return stopped(d),
    };
    if let Err(d) = theme.check_config(&config) {
        return stopped(d);
    }
    let (content, mut found) = content::load(root);
    let vocabulary = match Vocabulary::load(root) {
        Ok(vocabulary) => vocabulary,
        Err(problems) => return (found, problems),
    };
    found.extend(validate::validate(&content, &vocabulary));
    let renderer = Renderer {
        config: &config,
        content: &content,
        vocabulary: &vocabulary,
        theme: &theme,
        live_reload: false,
    };
    let mut rendered = renderer.check();
    validate::links::suggest_cases_by_title(&mut rendered, &content);
    found.extend(rendered);
    (found, Diagnostics::new())
}
