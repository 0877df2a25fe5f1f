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

/// Waits for the first event that `collect` finds a change in, then gathers the events that
/// follow until `QUIET` passes without one, or `LONGEST_WAIT` after the first: the changes of
/// one save, sorted, each once. `None` when the events have stopped before a change.
fn next_burst<E>(
    events: &Receiver<E>,
    mut collect: impl FnMut(E, &mut Vec<PathBuf>),
) -> Option<Vec<PathBuf>> {
    let mut changed = Vec::new();
    while changed.is_empty() {
        let event = events.recv().ok()?;
        collect(event, &mut changed);
    }
    let started = Instant::now();
    loop {
        let left = LONGEST_WAIT.saturating_sub(started.elapsed());
        match events.recv_timeout(QUIET.min(left)) {
            Ok(event) => collect(event, &mut changed),
            // Stopped mid-burst: what it gathered is still a save to show.
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
        if left.is_zero() {
            break;
        }
    }
    changed.sort();
    changed.dedup();
    Some(changed)
}

pub struct Watcher {
    sources: Sources,
    events: Receiver<notify::Result<notify::Event>>,
}

/// What is watched, and how an event becomes the files it changed.
struct Sources {
    root: PathBuf,
    watcher: RecommendedWatcher,
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
        let mut sources = Sources {
            root: root.to_path_buf(),
            watcher,
        };
        // The root itself, to see `content/` or `themes/` appear, vanish or be renamed.
        sources
            .watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|err| {
                Diagnostic::error(format!("could not watch {}: {err}", root.display()))
            })?;
        sources.watch_sources();
        Ok(Watcher { sources, events })
    }

    /// Waits for the next burst of changes and returns the files it touched, relative to the
    /// root; `None` when the watcher has stopped.
    pub fn next_changes(&mut self) -> Option<Vec<PathBuf>> {
        let sources = &mut self.sources;
        next_burst(&self.events, |event, changed| {
            sources.collect(event, changed)
        })
    }
}

impl Sources {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(event: &str, changed: &mut Vec<PathBuf>) {
        if !event.is_empty() {
            changed.push(PathBuf::from(event));
        }
    }

    #[test]
    fn the_events_of_one_save_come_as_one_burst_each_once() {
        let (send, events) = channel();
        for event in ["content/a.md", "", "content/b.md", "content/a.md"] {
            send.send(event).unwrap();
        }
        let burst = next_burst(&events, path_of).unwrap();
        assert_eq!(
            burst,
            [PathBuf::from("content/a.md"), PathBuf::from("content/b.md")]
        );
    }

    #[test]
    fn a_save_after_a_pause_is_a_burst_of_its_own() {
        let (send, events) = channel();
        send.send("content/a.md").unwrap();
        let later = std::thread::spawn(move || {
            std::thread::sleep(LONGEST_WAIT * 3);
            send.send("content/b.md").unwrap();
        });
        let first = next_burst(&events, path_of).unwrap();
        assert_eq!(first, [PathBuf::from("content/a.md")]);
        let second = next_burst(&events, path_of).unwrap();
        assert_eq!(second, [PathBuf::from("content/b.md")]);
        later.join().unwrap();
    }

    #[test]
    fn a_disk_that_never_goes_quiet_still_gets_a_rebuild() {
        // Events for two seconds, never more than QUIET apart: a burst ends all the same.
        let (send, events) = channel();
        let busy = std::thread::spawn(move || {
            for _ in 0..1000 {
                if send.send("content/log.md").is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        });
        let started = Instant::now();
        let burst = next_burst(&events, path_of).unwrap();
        assert_eq!(burst, [PathBuf::from("content/log.md")]);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "the burst ended after {:?}",
            started.elapsed()
        );
        drop(events);
        busy.join().unwrap();
    }

    #[test]
    fn no_burst_once_the_events_stop() {
        let (send, events) = channel::<&str>();
        drop(send);
        assert_eq!(next_burst(&events, path_of), None);
    }
}
