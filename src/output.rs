//! Writing the site: everything goes into a staging folder next to the output, which replaces the
//! output only once it is complete. A failed build therefore never leaves a half-written site.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::OutputFile;

/// Refuses output folders that would destroy the site's own files when replaced.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), String> {
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let output_abs = absolute(output);
    if root.starts_with(&output_abs) {
        return Err(format!(
            "the output folder {} contains the site itself; choose a folder inside it, such as public/",
            output.display()
        ));
    }
    for protected in ["content", "templates", "static", "themes", "src", ".git"] {
        if output_abs == root.join(protected) {
            return Err(format!(
                "the output folder cannot be {protected}/, which holds the site's own files"
            ));
        }
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => absolute(parent).join(name),
        _ => std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Writes `files` to `output`, replacing it as a whole.
pub fn write_site(output: &Path, files: &[OutputFile]) -> io::Result<()> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.inspira-new-{}", std::process::id()));
    let previous = parent.join(format!(".{name}.inspira-old-{}", std::process::id()));
    remove_if_exists(&staging)?;
    remove_if_exists(&previous)?;

    let written = write_all(&staging, files);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let had_previous = output.exists();
    if had_previous {
        fs::rename(output, &previous)?;
    }
    if let Err(e) = fs::rename(&staging, output) {
        if had_previous {
            let _ = fs::rename(&previous, output);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if had_previous {
        let _ = fs::remove_dir_all(&previous);
    }
    Ok(())
}

fn write_all(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut folders: Vec<PathBuf> = files
        .iter()
        .filter_map(|(p, _)| Path::new(p).parent().map(|d| dir.join(d)))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        fs::create_dir_all(folder)?;
    }
    files
        .par_iter()
        .try_for_each(|(path, bytes)| fs::write(dir.join(path), bytes))
}

fn remove_if_exists(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(
            &out,
            &[
                ("a/index.html".into(), b"one".to_vec()),
                ("stale.html".into(), b"x".to_vec()),
            ],
        )
        .unwrap();
        write_site(&out, &[("a/index.html".into(), b"two".to_vec())]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("stale.html").exists());
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
    }

    #[test]
    fn refuses_to_replace_the_site_itself() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(check_output_dir(tmp.path(), tmp.path()).is_err());
        assert!(check_output_dir(tmp.path(), &tmp.path().join("content")).is_err());
        assert!(check_output_dir(tmp.path(), &tmp.path().join("public")).is_ok());
    }
}
