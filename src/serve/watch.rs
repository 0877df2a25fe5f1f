//! Watching `content/` and `themes/` for saves.
//!
//! Editors save in odd ways: write a temporary file and rename it over the original (vim,
//! VS Code, JetBrains), leave swap files, raise several events per save, or rename whole
//! folders. So folders are watched rather than files, editors' leftovers are ignored, and a
//! burst of events is gathered until it has been quiet for a moment: milliseconds, not the
//! second-long debounce other generators wait.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::diagnostic::Diagnostic;
use crate::load::{CONTENT_DIR, is_hidden_or_temporary};
use crate::theme::THEMES_DIR;

/// A burst of events is over when none has come for this long.
const QUIET: Duration = Duration::from_millis(8);
/// However busy the disk, a rebuild starts this soon after the first event.
const LONGEST_WAIT: Duration = Duration::from_millis(100);

pub struct Watcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

impl Watcher {
    pub fn new(root: &Path) -> Result<Self, Diagnostic> {
        // notify reports absolute paths; compare them with an absolute root.
        let root = root
            .canonicalize()
            .map_err(|err| Diagnostic::io("watch", root, &err))?;
        let root = root.as_path();
        let (sender, events) = channel();
        let watcher = notify::recommended_watcher(sender).map_err(|err| {
            Diagnostic::error(format!(
                "could not watch {} for changes: {err}",
                root.display()
            ))
        })?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            watcher,
            events,
        };
        // The root itself, to see `content/` or `themes/` appear, vanish or be renamed.
        watcher
            .watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|err| {
                Diagnostic::error(format!("could not watch {}: {err}", root.display()))
            })?;
        watcher.watch_sources();
        Ok(watcher)
    }

    /// Watches `content/` and `themes/` throughout, as far as they exist now.
    fn watch_sources(&mut self) {
        for folder in [CONTENT_DIR, THEMES_DIR] {
            let path = self.root.join(folder);
            if path.is_dir() {
                // Watching again after a folder was replaced is harmless; a failure here only
                // means that folder is not there any more.
                let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
            }
        }
    }

    /// Waits for the next burst of changes and returns the files it touched, relative to the
    /// root; `None` when the watcher has stopped.
    pub fn next_changes(&mut self) -> Option<Vec<PathBuf>> {
        let mut changed = Vec::new();
        while changed.is_empty() {
            let event = self.events.recv().ok()?;
            self.collect(event, &mut changed);
        }
        let started = Instant::now();
        loop {
            let left = LONGEST_WAIT.saturating_sub(started.elapsed());
            match self.events.recv_timeout(QUIET.min(left)) {
                Ok(event) => self.collect(event, &mut changed),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
            if left.is_zero() {
                break;
            }
        }
        changed.sort();
        changed.dedup();
        Some(changed)
    }

    fn collect(&mut self, event: notify::Result<notify::Event>, changed: &mut Vec<PathBuf>) {
        let Ok(event) = event else {
            return;
        };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let Ok(relative) = path.strip_prefix(&self.root) else {
                continue;
            };
            let top = relative.components().next().map(|c| c.as_os_str());
            if !matches!(top.and_then(|t| t.to_str()), Some(CONTENT_DIR | THEMES_DIR)) {
                continue;
            }
            if relative.components().count() == 1 {
                // A whole folder appeared or was replaced: watch what is there now.
                self.watch_sources();
            }
            if relative.iter().any(is_hidden_or_temporary) {
                continue;
            }
            changed.push(relative.to_path_buf());
        }
    }
}
