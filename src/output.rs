//! Writing the site: everything goes into a staging folder next to the output, which replaces the
//! output only once it is complete. A failed build therefore never leaves a half-written site.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A rendered output file: its path below the output folder and its bytes.
pub type OutputFile = (String, Vec<u8>);

/// Refuses output folders that would destroy the site's own files when replaced.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), crate::diagnostics::Text> {
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let output_abs = absolute(output);
    if root.starts_with(&output_abs) {
        return Err(crate::msg!(
            "output-contains-site",
            folder = output.display().to_string()
        ));
    }
    for protected in ["content", "templates", "static", "themes", "src", ".git"] {
        if output_abs == root.join(protected) {
            return Err(crate::msg!("output-protected", folder = protected));
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

    /// Stores one file at `path` whose bytes `write` produces, without holding all of them in memory
    /// where the sink is a folder (the JSON export runs to hundreds of megabytes at scale).
    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.put(path, &bytes)
    }
}

/// Writes a new file at `target` through a buffer, creating its folder.
fn write_new(
    target: &Path,
    write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    if let Some(folder) = target.parent() {
        fs::create_dir_all(folder)?;
    }
    let mut file = io::BufWriter::with_capacity(1 << 16, fs::File::create(target)?);
    write(&mut file)?;
    io::Write::flush(&mut file)
}

/// Replaces the file at `target` in one step: the bytes go to a temporary file beside it, which is
/// then renamed over it, so a reader (a browser during `inspira serve`) never sees half a file.
fn replace(
    target: &Path,
    write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let temporary = target.with_file_name(format!(".{name}.inspira-{}-{n}", std::process::id()));
    let written = write_new(&temporary, write).and_then(|()| fs::rename(&temporary, target));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
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

    fn put_with(
        &self,
        _path: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        // Still produced, so `check` finds what would make the export fail.
        write(&mut io::sink())
    }
}

/// Writes into an existing output folder in place, for `inspira serve`'s incremental updates; each
/// file is replaced atomically.
pub struct Folder(pub PathBuf);

impl Sink for Folder {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        replace(&self.0.join(path), &mut |w| w.write_all(bytes))
    }

    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        replace(&self.0.join(path), write)
    }
}

impl Folder {
    /// Removes the file at `path` (below the folder) if it is there, and then the folders that held
    /// it if that left them empty (`cases/gamma/` when `cases/gamma/index.html` goes).
    pub fn remove(&self, path: &str) -> io::Result<()> {
        let file = self.0.join(path);
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        }
        let mut dir = file.parent();
        while let Some(d) = dir.filter(|d| *d != self.0 && d.starts_with(&self.0)) {
            // Not empty (or already gone): the folders above it stay too.
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(())
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

    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        write_new(&self.dir.join(path), write)
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

    #[test]
    fn a_folder_replaces_each_file_whole_and_leaves_no_temporary_files() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = Folder(tmp.path().to_path_buf());
        folder.put("cases/a/index.html", b"one").unwrap();
        folder.put("cases/a/index.html", b"two").unwrap();
        folder
            .put_with("data.json", &mut |w| w.write_all(b"[1, 2]"))
            .unwrap();
        assert_eq!(
            fs::read_to_string(tmp.path().join("cases/a/index.html")).unwrap(),
            "two"
        );
        assert_eq!(
            fs::read_to_string(tmp.path().join("data.json")).unwrap(),
            "[1, 2]"
        );
        let names: Vec<String> = fs::read_dir(tmp.path().join("cases/a"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["index.html"]);
    }

    #[test]
    fn a_failed_streamed_write_keeps_the_old_file() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = Folder(tmp.path().to_path_buf());
        folder.put("a.json", b"old").unwrap();
        let failed = folder.put_with("a.json", &mut |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("serialisation failed"))
        });
        assert!(failed.is_err());
        assert_eq!(
            fs::read_to_string(tmp.path().join("a.json")).unwrap(),
            "old"
        );
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn memory_and_staging_store_streamed_files_like_others() {
        let memory = Memory::default();
        memory
            .put_with("x.json", &mut |w| w.write_all(b"{}"))
            .unwrap();
        assert_eq!(
            memory.into_files(),
            [("x.json".to_string(), b"{}".to_vec())]
        );
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let staging = Staging::create(&out).unwrap();
        staging
            .put_with("compare/x.json", &mut |w| w.write_all(b"{}"))
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("compare/x.json")).unwrap(),
            "{}"
        );
    }
}
