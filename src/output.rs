//! Writing the site: everything goes into a staging folder next to the output, which replaces the
//! output only once it is complete. A failed build therefore never leaves a half-written site.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A rendered output file: its path below the output folder and its bytes.
pub type OutputFile = (String, Vec<u8>);

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

/// Where rendered files go: the staging folder of a build, memory for `check` and tests.
pub trait Sink: Sync {
    /// Stores one file at `path` below the output folder (`/`-separated).
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
}

/// Keeps every file in memory, for `check` and tests.
#[derive(Default)]
pub struct Memory(Mutex<Vec<OutputFile>>);

impl Memory {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
    }
}

impl Sink for Memory {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_string(), bytes.to_vec()));
        Ok(())
    }
}

/// Throws every file away: `check` renders only to find problems.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _path: &str, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }
}

/// Writes into an existing output folder in place, for `inspira serve`'s incremental updates.
pub struct Folder(pub PathBuf);

impl Sink for Folder {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.0.join(path);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(target, bytes)
    }
}

/// A new site being written next to the output folder, which it replaces as a whole on
/// [`Staging::commit`]. Dropped without committing, it removes itself and the output stays untouched.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    previous: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder for `output`.
    pub fn create(output: &Path) -> io::Result<Staging> {
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.inspira-new-{}", std::process::id()));
        let previous = parent.join(format!(".{name}.inspira-old-{}", std::process::id()));
        remove_if_exists(&dir)?;
        remove_if_exists(&previous)?;
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            previous,
            committed: false,
        })
    }

    /// Replaces the output folder with the staged site.
    pub fn commit(mut self) -> io::Result<()> {
        let had_previous = self.output.exists();
        if had_previous {
            fs::rename(&self.output, &self.previous)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.output) {
            if had_previous {
                let _ = fs::rename(&self.previous, &self.output);
            }
            return Err(e);
        }
        self.committed = true;
        if had_previous {
            let _ = fs::remove_dir_all(&self.previous);
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.dir.join(path);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(target, bytes)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
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

    /// Stages `files` for `output`, committing them unless `commit` is false.
    fn stage(output: &Path, files: &[(&str, &str)], commit: bool) {
        let staging = Staging::create(output).unwrap();
        for (path, text) in files {
            staging.put(path, text.as_bytes()).unwrap();
        }
        if commit {
            staging.commit().unwrap();
        }
    }

    #[test]
    fn a_commit_replaces_the_whole_output_and_a_drop_leaves_it_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        stage(&out, &[("a/index.html", "one"), ("stale.html", "x")], true);
        stage(&out, &[("a/index.html", "two")], true);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("stale.html").exists());
        stage(&out, &[("a/index.html", "three")], false);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
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
