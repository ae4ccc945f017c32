//! CONTRIBUTING.md stays true: every command it shows runs, every message it quotes is what the tool
//! prints today, and every number it states is the one the code uses.
//!
//! The convention, which CONTRIBUTING.md follows:
//! - A command is a line of a ```` ```sh ```` block, or an inline `` `inspira …` `` or
//!   `` `cargo run --release -- …` `` in the prose. Each `inspira` command runs, in document order,
//!   in one copy of this repository's site, and must be accepted (exit code 0 or 1, not a usage error).
//!   Anything else is in [`SKIPPED`] with the reason, or the test fails.
//! - A quoted message is a fenced block without a language (```` ``` ````), or an inline
//!   `` `fel[…]: …` ``/`` `varning[…]: …` `` in the prose. Each one follows a comment, invisible on
//!   GitHub, that says how to produce it, in a fresh copy of the site:
//!
//!   ```text
//!   <!-- guide-test
//!   edit content/cases/gislaved.md | county: | countty:
//!   run check
//!   -->
//!   ```
//!
//!   `edit FILE | FROM | TO` replaces the first `FROM` (which must be there), `run ARGS` runs
//!   `inspira ARGS` in the site's folder; `\t` and `\n` stand for a tab and a new line. The quoted
//!   block (or, for a comment before a paragraph, each message quoted in that paragraph) must appear
//!   in what the last `run` printed, with the temporary folder's path removed.

mod common;

use std::path::Path;

use assert_cmd::Command;

/// Commands the guide shows that a test cannot run, each with the reason. A command that is neither
/// an `inspira` command nor listed here fails the test, so a new one cannot slip through.
const SKIPPED: &[(&str, &str)] = &[
    ("curl ", "installs Rust on the contributor's computer"),
    ("git ", "works on the contributor's fork and branch"),
    ("cd ", "moves into the clone that git made"),
    (
        "serve",
        "serves the site until Ctrl+C; tests/serve.rs covers it",
    ),
];

/// How the guide writes `inspira ARGS` in its blocks and in the prose.
const PREFIXES: &[&str] = &[
    "cargo run --release --quiet -- ",
    "cargo run --release -- ",
    "inspira ",
];

fn guide() -> String {
    common::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("CONTRIBUTING.md"))
}

/// A copy of this repository's site (config, content, theme, schemas) in a temporary folder.
fn site() -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    for dir in ["content", "themes", "schema"] {
        common::copy_dir(&repo.join(dir), &tmp.path().join(dir));
    }
    std::fs::copy(repo.join("inspira.toml"), tmp.path().join("inspira.toml")).expect("copy");
    tmp
}

/// Runs `inspira ARGS` in `root` as a contributor would; returns the exit code and what it printed
/// (stdout, then stderr), with the temporary folder's path removed.
fn run(root: &Path, args: &[String]) -> (i32, String) {
    let out = Command::cargo_bin("inspira")
        .expect("binary")
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let prefix = format!("{}/", root.display());
    (
        out.status.code().unwrap_or(-1),
        printed.replace(&prefix, ""),
    )
}

/// Splits a command line into words, keeping "double-quoted" words together.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// One thing the guide shows, with the line of CONTRIBUTING.md it is on.
#[derive(Debug)]
enum Shown {
    /// A command line, as written.
    Command(usize, String),
    /// A `guide-test` comment's steps and the messages it must produce.
    Example {
        line: usize,
        steps: Vec<String>,
        quoted: Vec<String>,
    },
    /// A quoted message with no `guide-test` comment before it.
    Unexplained(usize, String),
}

/// The inline code spans of a line of prose.
fn spans(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let ticks = rest[start..].len() - rest[start..].trim_start_matches('`').len();
        let fence = &rest[start..start + ticks];
        let after = &rest[start + ticks..];
        let Some(end) = after.find(fence) else { break };
        out.push(after[..end].trim().to_string());
        rest = &after[end + ticks..];
    }
    out
}

/// A message or a summary line as `check` prints it (`fel[code]: …`, `kontrollen hittade fel: …`).
fn is_message(span: &str) -> bool {
    ["fel[", "varning[", "kontrollen "]
        .iter()
        .any(|p| span.starts_with(p))
        && span.contains(": ")
}

fn inline_command(span: &str) -> Option<&str> {
    PREFIXES
        .iter()
        .find_map(|p| span.strip_prefix(p))
        .filter(|rest| !rest.contains('…'))
}

/// Everything CONTRIBUTING.md shows, in document order.
fn shown(guide: &str) -> Vec<Shown> {
    let lines: Vec<&str> = guide.lines().collect();
    let mut out = Vec::new();
    let mut pending: Option<(usize, Vec<String>)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        if line.starts_with("<!-- guide-test") {
            let start = i + 1;
            let mut steps = Vec::new();
            i += 1;
            while !lines[i].trim_start().starts_with("-->") {
                steps.push(lines[i].trim().to_string());
                i += 1;
            }
            pending = Some((start, steps));
        } else if let Some(info) = line.strip_prefix("```") {
            let indent = lines[i].len() - line.len();
            let start = i + 1;
            let mut body = Vec::new();
            i += 1;
            while lines[i].trim_start() != "```" {
                body.push(lines[i].get(indent..).unwrap_or("").trim_end());
                i += 1;
            }
            if info.is_empty() {
                let quoted = body.join("\n");
                out.push(match pending.take() {
                    Some((line, steps)) => Shown::Example {
                        line,
                        steps,
                        quoted: vec![quoted],
                    },
                    None => Shown::Unexplained(start, quoted),
                });
            } else if info == "sh" {
                for (n, command) in body.iter().enumerate() {
                    let command = command.split(" #").next().unwrap_or("").trim();
                    if !command.is_empty() {
                        out.push(Shown::Command(start + 1 + n, command.to_string()));
                    }
                }
            }
        } else if !line.is_empty() {
            // A paragraph of prose: its inline commands, and its messages, which the comment just
            // before it (if any) explains.
            let start = i + 1;
            let mut paragraph = Vec::new();
            while i < lines.len() && !lines[i].trim().is_empty() && !lines[i].contains("```") {
                paragraph.push(lines[i].trim());
                i += 1;
            }
            let mut messages = Vec::new();
            for span in spans(&paragraph.join(" ")) {
                if is_message(&span) {
                    messages.push(span);
                } else if inline_command(&span).is_some() {
                    out.push(Shown::Command(start, span));
                }
            }
            match pending.take() {
                Some((line, steps)) => out.push(Shown::Example {
                    line,
                    steps,
                    quoted: messages,
                }),
                None => out.extend(messages.into_iter().map(|m| Shown::Unexplained(start, m))),
            }
            continue;
        }
        i += 1;
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("\\t", "\t").replace("\\n", "\n")
}

/// Follows a `guide-test` comment's steps in a fresh copy of the site; returns what the last `run`
/// printed.
fn produce(line: usize, steps: &[String]) -> String {
    let root = site();
    let mut printed = None;
    for step in steps {
        if let Some(args) = step.strip_prefix("run ") {
            printed = Some(run(root.path(), &words(args)).1);
        } else if let Some(edit) = step.strip_prefix("edit ") {
            let parts: Vec<&str> = edit.split(" | ").collect();
            let [file, from, to] = parts[..] else {
                panic!("CONTRIBUTING.md:{line}: `edit FILE | FROM | TO`, not `{step}`");
            };
            common::edit(root.path(), file, &unescape(from), &unescape(to));
        } else {
            panic!("CONTRIBUTING.md:{line}: unknown guide-test step `{step}`");
        }
    }
    printed.unwrap_or_else(|| panic!("CONTRIBUTING.md:{line}: the guide-test has no `run`"))
}

#[test]
fn every_message_the_guide_quotes_is_what_the_tool_prints() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for shown in shown(&guide()) {
        match shown {
            Shown::Unexplained(line, quoted) => problems.push(format!(
                "CONTRIBUTING.md:{line}: no `<!-- guide-test … -->` says how to produce\n{quoted}"
            )),
            Shown::Example {
                line,
                steps,
                quoted,
            } => {
                if quoted.is_empty() {
                    problems.push(format!(
                        "CONTRIBUTING.md:{line}: the guide-test is followed by no quoted message"
                    ));
                }
                let printed = produce(line, &steps);
                for q in quoted {
                    checked += 1;
                    if !printed.contains(&q) {
                        problems.push(format!(
                            "CONTRIBUTING.md:{line}: the guide quotes\n{q}\nbut the tool prints\n{printed}"
                        ));
                    }
                }
            }
            Shown::Command(..) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(checked >= 10, "only {checked} quoted messages found");
}

#[test]
fn every_command_the_guide_shows_runs_or_is_skipped_for_a_reason() {
    let root = site();
    let mut problems = Vec::new();
    let mut ran = 0;
    for shown in shown(&guide()) {
        let Shown::Command(line, command) = shown else {
            continue;
        };
        let args = inline_command(&command)
            .or_else(|| PREFIXES.iter().find_map(|p| command.strip_prefix(p)))
            .map(words);
        let skipped = SKIPPED.iter().find(|(prefix, _)| {
            command.starts_with(prefix) || args.as_ref().is_some_and(|a| a[0] == prefix.trim())
        });
        match (skipped, args) {
            (Some(_), _) => {}
            (None, Some(args)) => {
                ran += 1;
                let (code, printed) = run(root.path(), &args);
                if !matches!(code, 0 | 1) {
                    problems.push(format!(
                        "CONTRIBUTING.md:{line}: `{command}` exits with {code}:\n{printed}"
                    ));
                }
            }
            (None, None) => problems.push(format!(
                "CONTRIBUTING.md:{line}: `{command}` is neither an inspira command nor in SKIPPED"
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(ran >= 5, "only {ran} commands ran");
}

/// How many times `needle` occurs in `text`.
fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn every_number_the_guide_states_is_the_one_the_code_uses() {
    let guide = guide();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));

    // The description's length: the knowledge base's own rule, once in each language of the guide.
    let words = common::KNOWLEDGE_BASE_MIN_WORDS;
    assert_eq!(count(&guide, &format!("mer än {words} ord")), 1, "step 4");
    assert_eq!(count(&guide, &format!("more than {words} words")), 1);
    // `check`'s floor is stated in docs/content-model.md, which the guide points to, not repeats.
    let floor = inspira::validate::MIN_DESCRIPTION_WORDS;
    let model = common::read(repo.join("docs/content-model.md"));
    assert!(model.contains(&format!("fewer than {floor} words")));
    assert!(!guide.contains(&format!("{floor} ord")) && !guide.contains(&format!("{floor} words")));

    // The Rust the guide asks for is the crate's rust-version.
    let manifest: toml::Table = common::read(repo.join("Cargo.toml")).parse().expect("toml");
    let rust = manifest["package"]["rust-version"]
        .as_str()
        .expect("rust-version");
    assert_eq!(count(&guide, &format!("Rust {rust} eller senare")), 1);
    assert_eq!(count(&guide, &format!("Rust {rust} or later")), 1);
    assert_eq!(count(&guide, "eller senare") + count(&guide, "or later"), 2);

    // The preview's address is serve's default port, wherever the guide gives it.
    let help = run(repo, &["serve".into(), "--help".into()]).1;
    let port = help
        .lines()
        .find(|l| l.contains("--port"))
        .and_then(|l| l.split("[default: ").nth(1))
        .and_then(|rest| rest.split(']').next())
        .expect("serve --help shows the default port");
    let addresses: Vec<&str> = guide.split("127.0.0.1:").skip(1).collect();
    assert!(!addresses.is_empty());
    for address in addresses {
        assert!(
            address.starts_with(&format!("{port}/")),
            "127.0.0.1:{address:.10}"
        );
    }
}
