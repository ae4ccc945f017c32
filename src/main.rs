//! The `inspira` command line: a thin layer over the library's pipeline.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc instead of glibc's allocator: the build allocates and frees many small strings on several
/// threads (template values, the search index's word maps). At 10,000 cases it cut the build from 80 s to 59 s and
/// peak memory from 6.0 to 4.4 GiB (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use inspira::diagnostics::{self, Code, Diagnostic, Diagnostics, Lang, Text};
use inspira::msg;
use inspira::site::{self, BuildReport};
use inspira::vocabulary::Vocabulary;
use inspira::{scaffold, schema, serve};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (warnings may have been printed)
  1  the content has errors, or the site could not be built or served
  2  the command line was wrong (unknown command or option, or a file given to
     check that does not exist or is not content)";

/// A static site generator for comparative knowledge bases of strategies.
#[derive(Debug, Parser)]
#[command(name = "inspira", version, about, after_help = EXIT_CODES)]
struct Cli {
    /// The site folder: the one with inspira.toml and content/.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,

    /// The language of messages: sv (Swedish) or en (English). Without it, the site's
    /// `diagnostics_language`, else its `language`, decides; Swedish if neither is English.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ unless configured otherwise).
    #[command(after_help = EXIT_CODES)]
    Build {
        /// Write the site here instead of the configured output folder.
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Override the configured base URL, e.g. https://example.org/integration/.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Print how long each stage of the build took.
        #[arg(long)]
        timings: bool,
    },
    /// Build, serve on 127.0.0.1, rebuild on every change and reload the open browser.
    #[command(after_help = EXIT_CODES)]
    Serve {
        /// Write the site here instead of the configured output folder.
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The port to listen on (0 picks a free one).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
    },
    /// Run every check without writing anything; exit 1 if there are errors.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Check only these files (e.g. content/cases/are.md), against the whole site: their links
        /// and references to other files resolve, and only their own problems are reported.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// How to print the problems found.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the JSON Schema of case front matter (with this site's term ids), or write both schemas.
    #[command(after_help = EXIT_CODES)]
    Schema {
        /// Write schema/case.schema.json and schema/vocabulary.schema.json instead of printing.
        #[arg(long)]
        write: bool,
    },
    /// Create new content from a commented skeleton.
    #[command(after_help = EXIT_CODES)]
    New {
        #[command(subcommand)]
        what: NewWhat,
    },
}

#[derive(Debug, Subcommand)]
enum NewWhat {
    /// Write content/cases/<slug>.md, a case to fill in, with every field of the content model.
    Case {
        /// The place's name, e.g. "Åre" or "Upplands Väsby" (the slug is made from it, and the
        /// title and place are filled in), or the slug itself: a–z, 0–9 and -, e.g. `orebro`.
        #[arg(value_name = "NAME_OR_SLUG")]
        name: String,
    },
}

/// `--lang`'s values: the languages' tags.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Sv,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    without_huge_pages();
    let cli = Cli::parse();
    diagnostics::set_language(match cli.lang {
        Some(LangArg::Sv) => Lang::Swedish,
        Some(LangArg::En) => Lang::English,
        None => inspira::config::diagnostics_language(&cli.root),
    });
    match cli.command {
        Command::Build {
            output,
            base_url,
            timings,
        } => {
            let result = {
                // Cleared when dropped, before the report is printed.
                let progress = site::Progress::on_terminal();
                site::build_full(
                    &cli.root,
                    output.as_deref(),
                    base_url.as_deref(),
                    false,
                    false,
                    &progress,
                )
                .map(|built| built.report)
            };
            report_build(&result);
            if let (true, Ok(report)) = (timings, &result) {
                for stage in &report.stages {
                    let peak = stage.peak_rss.map_or_else(String::new, |b| {
                        format!("   peak {:>6.0} MiB", b as f64 / (1024.0 * 1024.0))
                    });
                    eprintln!(
                        "  {:<20} {:>8.1} ms{peak}",
                        stage.name,
                        stage.took.as_secs_f64() * 1000.0
                    );
                }
            }
            if result.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Serve { output, port } => {
            let options = serve::ServeOptions {
                root: cli.root,
                output,
                port,
            };
            match serve::serve(options, report_build) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let mut d =
                        Diagnostic::error(Code::Io, msg!("serve-failed", error = e.to_string()));
                    if e.kind() == std::io::ErrorKind::AddrInUse {
                        d = d.help(msg!("serve-port-in-use-help", port = port));
                    }
                    eprintln!("{}", d.render(use_color()));
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { files, format } => {
            let diagnostics = if files.is_empty() {
                site::check(&cli.root)
            } else {
                match named_files(&cli.root, &files) {
                    Ok(files) => site::check_files(&cli.root, &files),
                    Err(problems) => {
                        print_diagnostics(&problems);
                        return ExitCode::from(2);
                    }
                }
            };
            match format {
                Format::Text => {
                    print_diagnostics(&diagnostics);
                    let outcome = if diagnostics.has_errors() {
                        "summary-check-failed"
                    } else {
                        "summary-check-passed"
                    };
                    eprintln!("{}", summary(outcome, &diagnostics));
                }
                Format::Json => {
                    let json = serde_json::json!({
                        "errors": diagnostics.error_count(),
                        "warnings": diagnostics.warning_count(),
                        "diagnostics": diagnostics,
                    });
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&json).unwrap_or_default()
                    );
                }
            }
            if diagnostics.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Schema { write } => {
            let vocabulary = match Vocabulary::load(&cli.root) {
                Ok(v) => v,
                Err(problems) => {
                    print_diagnostics(&problems);
                    return ExitCode::from(1);
                }
            };
            let case = schema::to_pretty(&schema::case_schema(Some(&vocabulary)));
            if !write {
                print!("{case}");
                return ExitCode::SUCCESS;
            }
            let vocabulary_schema = schema::to_pretty(&schema::vocabulary_schema());
            for (path, text) in [
                (schema::CASE_SCHEMA_PATH, &case),
                (schema::VOCABULARY_SCHEMA_PATH, &vocabulary_schema),
            ] {
                let full = cli.root.join(path);
                let written = full
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::write(&full, text));
                if let Err(e) = written {
                    let d = Diagnostic::error(
                        Code::Io,
                        msg!("file-not-written", error = e.to_string()),
                    )
                    .in_file(path);
                    eprintln!("{}", d.render(use_color()));
                    return ExitCode::from(1);
                }
                println!("{}", msg!("schema-wrote", path = path));
            }
            ExitCode::SUCCESS
        }
        Command::New {
            what: NewWhat::Case { name },
        } => {
            let written = scaffold::NewCase::parse(&name)
                .and_then(|case| scaffold::new_case(&cli.root, &case).map(|path| (case, path)));
            match written {
                Ok((case, path)) => {
                    let path = path.display().to_string().replace('\\', "/");
                    println!("{}", msg!("new-case-created", path = &path));
                    if let Some(name) = &case.name {
                        println!("{}", msg!("new-case-named", slug = &case.slug, name = name));
                    }
                    println!("{}", msg!("new-case-next", path = &path));
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    eprintln!("{}", d.render(use_color()));
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// Turns off transparent huge pages for this process. mimalloc asks the kernel for them
/// (`madvise`), and the kernel then zeroes 2 MiB at a time on first touch, most of it never used:
/// at 10,000 cases that was 1.2–1.6 s of kernel time in a 2.7–3.0 s `inspira check` (BENCHMARKS.md,
/// issue 14 step 4). Where the kernel does not know the request, nothing changes.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// The files given to `check`, relative to the root; every one that is not content is a usage error.
fn named_files(root: &std::path::Path, given: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut files = Vec::new();
    let mut problems = Diagnostics::new();
    for path in given {
        match inspira::content::named::resolve(root, path) {
            Ok(file) if !files.contains(&file) => files.push(file),
            Ok(_) => {}
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn use_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    let color = use_color();
    for d in diagnostics.iter() {
        eprintln!("{}\n", d.render(color));
    }
}

/// The last line of `check` or a failed `build`: the catalogue's `outcome`, with the counts.
fn summary(outcome: &'static str, diagnostics: &Diagnostics) -> String {
    Text::new(outcome)
        .arg(
            "errors",
            msg!("count-errors", count = diagnostics.error_count()),
        )
        .arg(
            "warnings",
            msg!("count-warnings", count = diagnostics.warning_count()),
        )
        .to_string()
}

fn report_build(result: &Result<BuildReport, Diagnostics>) {
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let built = msg!(
                "summary-built",
                cases = report.cases,
                output = report.output.display().to_string(),
                files = report.files,
                warnings = msg!("count-warnings", count = report.warnings.warning_count()),
                ms = u64::try_from(report.elapsed.as_millis()).unwrap_or(u64::MAX)
            );
            eprintln!("{built}");
        }
        Err(diagnostics) => {
            print_diagnostics(diagnostics);
            eprintln!("{}", summary("summary-build-failed", diagnostics));
        }
    }
}
