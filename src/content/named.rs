//! Files named on the command line (`inspira check content/cases/are.md`): found relative to the
//! working folder or to the site's folder, and accepted only when they are content the site reads.

use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Code, Diagnostic, did_you_mean};
use crate::vocabulary::Dimension;

/// The path of `given` relative to `root` (as diagnostics name files), when it is a case, a page or
/// a vocabulary file of the site. A path is tried relative to the working folder first, then to
/// `root`, so both `content/cases/are.md` and `--root site site/content/cases/are.md` work.
pub fn resolve(root: &Path, given: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = given.display().to_string().replace('\\', "/");
    let site = root.canonicalize().map_err(|e| {
        Diagnostic::error(
            Code::NotContent,
            format!(
                "webbplatsens mapp {} går inte att läsa: {e}",
                root.display()
            ),
        )
        .help("ange mappen med inspira.toml med --root")
    })?;
    let mut outside = false;
    for candidate in [given.to_path_buf(), root.join(given)] {
        let Ok(full) = candidate.canonicalize() else {
            continue;
        };
        let Ok(relative) = full.strip_prefix(&site) else {
            outside = true;
            continue;
        };
        if full.is_dir() {
            return Err(Diagnostic::error(
                Code::NotContent,
                format!("`{shown}` är en mapp, inte en fil"),
            )
            .help("ange filerna, t.ex. content/cases/*.md, eller kör inspira check utan filer för att kontrollera hela webbplatsen"));
        }
        return if is_content(relative) {
            Ok(relative.to_path_buf())
        } else {
            Err(
                Diagnostic::error(Code::NotContent, format!("`{shown}` är ingen innehållsfil"))
                    .help(WHAT_IS_CONTENT),
            )
        };
    }
    if outside {
        return Err(Diagnostic::error(
            Code::NotContent,
            format!("`{shown}` ligger utanför webbplatsen i {}", root.display()),
        )
        .help(
            "ange en fil under content/ i webbplatsens mapp, eller välj webbplatsen med --root",
        ));
    }
    let d = Diagnostic::error(Code::NotContent, format!("`{shown}` finns inte"));
    Err(match similar_file(root, given) {
        Some(best) => d.help(format!("menade du `{best}`?")),
        None => d.help(format!(
            "{WHAT_IS_CONTENT}; sökvägen får vara relativ till den här mappen eller till --root"
        )),
    })
}

/// The content file whose name is closest to `given`'s, if one is close enough to be a typo.
fn similar_file(root: &Path, given: &Path) -> Option<String> {
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    let wanted = stem(given)?;
    let files = content_files(root);
    let stems: Vec<(String, &String)> = files
        .iter()
        .filter_map(|f| Some((stem(Path::new(f))?, f)))
        .collect();
    let best = did_you_mean(&wanted, stems.iter().map(|(s, _)| s.as_str()))?;
    stems
        .iter()
        .find(|(s, _)| s == best)
        .map(|(_, f)| (*f).clone())
}

const WHAT_IS_CONTENT: &str = "inspira check kontrollerar exempel (content/cases/<slug>.md), sidor (content/pages/<slug>.md) och ordlistor (content/vocabulary/<dimension>.yaml)";

/// Whether `relative` (to the site's root) names a file the site reads as content: a case or a page
/// (`.md` below `content/cases` or `content/pages`, not hidden) or one of the vocabulary files.
pub fn is_content(relative: &Path) -> bool {
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let Some(parts) = parts else {
        return false;
    };
    let hidden = parts.iter().any(|p| p.starts_with('.'));
    match parts.as_slice() {
        ["content", "cases" | "pages", .., file] => !hidden && file.ends_with(".md"),
        ["content", "vocabulary", file] => Dimension::ALL.iter().any(|d| d.file_name() == *file),
        _ => false,
    }
}

/// Every content file below `root`, as `content/…` paths with `/`, for suggestions.
fn content_files(root: &Path) -> Vec<String> {
    WalkDir::new(root.join("content"))
        .max_depth(6)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let relative = e.path().strip_prefix(root).ok()?;
            is_content(relative).then(|| relative.display().to_string().replace('\\', "/"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_pages_and_vocabularies_are_content() {
        for yes in [
            "content/cases/are.md",
            "content/cases/lan/are.md",
            "content/pages/om.md",
            "content/vocabulary/focus-areas.yaml",
        ] {
            assert!(is_content(Path::new(yes)), "{yes}");
        }
        for no in [
            "inspira.toml",
            "content/cases/are.txt",
            "content/cases/.are.md",
            "content/vocabulary/other.yaml",
            "content/are.md",
            "README.md",
            "../content/cases/are.md",
        ] {
            assert!(!is_content(Path::new(no)), "{no}");
        }
    }
}
