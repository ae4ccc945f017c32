//! Files named on the command line (`inspira check content/cases/are.md`): found relative to the
//! working folder or to the site's folder, and accepted only when they are content the site reads.

use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Code, Diagnostic, did_you_mean};
use crate::msg;
use crate::vocabulary::Dimension;

/// The path of `given` relative to `root` (as diagnostics name files), when it is a case, a page or
/// a vocabulary file of the site. A path is tried relative to the working folder first, then to
/// `root`, so both `content/cases/are.md` and `--root site site/content/cases/are.md` work.
pub fn resolve(root: &Path, given: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = given.display().to_string().replace('\\', "/");
    let site = root.canonicalize().map_err(|e| {
        Diagnostic::error(
            Code::NotContent,
            msg!(
                "not-content-root",
                root = root.display().to_string(),
                error = e.to_string()
            ),
        )
        .help(msg!("not-content-root-help"))
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
                msg!("not-content-folder", path = &shown),
            )
            .help(msg!("not-content-folder-help")));
        }
        return if is_content(relative) {
            Ok(relative.to_path_buf())
        } else {
            Err(
                Diagnostic::error(Code::NotContent, msg!("not-content-file", path = &shown))
                    .help(msg!("not-content-what")),
            )
        };
    }
    if outside {
        return Err(Diagnostic::error(
            Code::NotContent,
            msg!(
                "not-content-outside",
                path = &shown,
                root = root.display().to_string()
            ),
        )
        .help(msg!("not-content-outside-help")));
    }
    let d = Diagnostic::error(Code::NotContent, msg!("not-content-missing", path = &shown));
    Err(match similar_file(root, given) {
        Some(best) => d.help(msg!("did-you-mean", name = best)),
        None => d.help(msg!("not-content-missing-help")),
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
