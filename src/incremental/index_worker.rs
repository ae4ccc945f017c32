//! The search index behind `inspira serve`: rebuilt on a thread of its own after each incremental
//! update, so an edit's pages never wait for it, nor share the rendering threads with it. Requests coalesce: while one index is being built,
//! newer requests replace each other and only the latest is built next. Only the files whose bytes
//! changed are written, each atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use crate::output::{Folder, Sink};
use crate::search::{self, BUNDLE_DIR, Document};

/// One index to build and write.
pub(super) struct Request {
    pub language: String,
    pub documents: Vec<Document>,
    pub output: PathBuf,
}

#[derive(Default)]
struct State {
    pending: Option<Request>,
    busy: bool,
    stop: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The worker thread and its mailbox.
pub(super) struct IndexWorker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl IndexWorker {
    pub fn start() -> IndexWorker {
        let shared = Arc::new(Shared::default());
        let thread = std::thread::spawn({
            let shared = Arc::clone(&shared);
            move || run(&shared)
        });
        IndexWorker {
            shared,
            thread: Some(thread),
        }
    }

    /// Asks for an index; a request still waiting is dropped in favour of this one.
    pub fn submit(&self, request: Request) {
        self.shared.lock().pending = Some(request);
        self.shared.changed.notify_all();
    }

    /// Waits until every request so far is built and written.
    pub fn settle(&self) {
        let mut state = self.shared.lock();
        while state.pending.is_some() || state.busy {
            state = self
                .shared
                .changed
                .wait(state)
                .unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl Drop for IndexWorker {
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(shared: &Shared) {
    // What the last bundle written holds, by path: its files' checksums.
    let mut written: Option<BTreeMap<String, u32>> = None;
    // The index is built on one thread of its own, not on the pool that renders the pages: the next
    // edit's pages then never queue behind the index of the last one.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .thread_name(|_| "inspira-search-index".into())
        .build()
        .ok();
    loop {
        let request = {
            let mut state = shared.lock();
            loop {
                if let Some(request) = state.pending.take() {
                    state.busy = true;
                    break request;
                }
                if state.stop {
                    return;
                }
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(|e| e.into_inner());
            }
        };
        // An index that cannot be built leaves the previous one in place; the pages are up to date
        // either way, and the next full build reports the problem.
        let build = || search::build_index(&request.language, request.documents);
        let built = match &pool {
            Some(pool) => pool.install(build),
            None => build(),
        };
        if let Ok(bundle) = built {
            written = write_changed(&request.output, &bundle, written.as_ref()).ok();
        }
        shared.lock().busy = false;
        shared.changed.notify_all();
    }
}

/// Writes the files of `bundle` that differ from the `previous` bundle (all of them when it is not
/// known), removes those it no longer has, and returns what is now written.
fn write_changed(
    output: &Path,
    bundle: &[(String, Vec<u8>)],
    previous: Option<&BTreeMap<String, u32>>,
) -> std::io::Result<BTreeMap<String, u32>> {
    let sink = Folder(output.to_path_buf());
    let mut now = BTreeMap::new();
    for (path, bytes) in bundle {
        let sum = crc32fast::hash(bytes);
        if previous.and_then(|p| p.get(path)) != Some(&sum) {
            sink.put(path, bytes)?;
        }
        now.insert(path.clone(), sum);
    }
    let stale: Vec<PathBuf> = match previous {
        Some(previous) => previous
            .keys()
            .filter(|p| !now.contains_key(*p))
            .map(|p| output.join(p))
            .collect(),
        None => walkdir::WalkDir::new(output.join(BUNDLE_DIR))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter(|e| {
                e.path()
                    .strip_prefix(output)
                    .ok()
                    .and_then(|p| p.to_str())
                    .is_none_or(|p| !now.contains_key(&p.replace('\\', "/")))
            })
            .map(|e| e.into_path())
            .collect(),
    };
    for path in stale {
        std::fs::remove_file(path)?;
    }
    Ok(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_files_are_written_and_dropped_ones_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        let one = vec![
            (format!("{BUNDLE_DIR}/a"), b"a".to_vec()),
            (format!("{BUNDLE_DIR}/b"), b"b".to_vec()),
        ];
        std::fs::create_dir_all(out.join(BUNDLE_DIR)).unwrap();
        std::fs::write(out.join(BUNDLE_DIR).join("stale"), "x").unwrap();
        let first = write_changed(out, &one, None).unwrap();
        assert!(!out.join(BUNDLE_DIR).join("stale").exists());
        // Touch `a` behind the worker's back: an unchanged file is not written again.
        std::fs::write(out.join(BUNDLE_DIR).join("a"), "changed on disk").unwrap();
        let two = vec![(format!("{BUNDLE_DIR}/a"), b"a".to_vec())];
        write_changed(out, &two, Some(&first)).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join(BUNDLE_DIR).join("a")).unwrap(),
            "changed on disk"
        );
        assert!(!out.join(BUNDLE_DIR).join("b").exists());
    }
}
