//! The site as `serve` holds it: the last good build, and the problem with the newest
//! content, if it has one.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::output::Contents;

/// One file of the site as served.
#[derive(Clone)]
pub enum Served {
    Bytes(Arc<[u8]>),
    /// A file read when asked for, as a static host would: the preview's page, or the school's
    /// own file under `content/`.
    File(PathBuf),
}

pub struct SiteState {
    /// Keyed by the path relative to the site root, as `build` would write it.
    pub files: HashMap<String, Served>,
    /// Why the newest content could not be built, shown over the page until it is fixed.
    pub problem: Option<String>,
    /// Counts the builds served. Each page carries the number it was built at, so a page that
    /// connects for reloads after a newer build is told to reload at once.
    pub version: u64,
}

impl SiteState {
    /// Nothing built yet. Builds are counted from the moment the server started, so that a
    /// page left open from an earlier run of `serve` never carries a number this run uses,
    /// and reloads when it reconnects.
    pub fn new() -> Self {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis() as u64);
        SiteState {
            files: HashMap::new(),
            problem: None,
            version: started,
        }
    }

    /// Replaces one file after a page alone was rendered again.
    pub fn replace_file(&mut self, file: crate::output::OutputFile) {
        if let Contents::Bytes(bytes) = file.contents {
            self.files.insert(file.path, Served::Bytes(bytes.into()));
        }
        self.problem = None;
        self.version += 1;
    }

    /// The bytes served at `path`, if there are any.
    pub fn bytes(&self, path: &str) -> Option<Vec<u8>> {
        match self.files.get(path)? {
            Served::Bytes(bytes) => Some(bytes.to_vec()),
            Served::File(file) => std::fs::read(file).ok(),
        }
    }

    /// Takes a build of the same pages as those served, and says whether `watched`, which held
    /// `before`, changed, so that the pages open on it are told only when there is something
    /// new to show.
    pub fn refresh(
        &mut self,
        files: HashMap<String, Served>,
        watched: &str,
        before: Option<Vec<u8>>,
    ) -> bool {
        self.files = files;
        let changed = self.bytes(watched) != before;
        if changed {
            self.version += 1;
        }
        changed
    }

    /// Replaces the site with a new build; the problem, if any, is over.
    pub fn replace(&mut self, files: HashMap<String, Served>) {
        self.files = files;
        self.problem = None;
        self.version += 1;
    }
}
