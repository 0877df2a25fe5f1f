//! The site as `serve` holds it: the last good build, and the problem with the newest
//! content, if it has one.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::output::Contents;
use crate::render::Rendered;

/// One file of the site as served.
#[derive(Clone)]
pub enum Served {
    Bytes(Arc<[u8]>),
    /// A file under `content/`, read when asked for, as a static host would.
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

    /// Replaces one file if its bytes changed, and says whether they did, so that open pages
    /// are told only when there is something new to show.
    pub fn refresh_file(&mut self, file: crate::output::OutputFile) -> bool {
        let Contents::Bytes(bytes) = file.contents else {
            return false;
        };
        let same =
            matches!(self.files.get(&file.path), Some(Served::Bytes(old)) if **old == *bytes);
        if !same {
            self.files.insert(file.path, Served::Bytes(bytes.into()));
            self.version += 1;
        }
        !same
    }

    /// Replaces the site with a new build; the problem, if any, is over.
    pub fn replace(&mut self, rendered: Rendered) {
        self.files = rendered
            .files
            .into_iter()
            .map(|file| {
                let served = match file.contents {
                    Contents::Bytes(bytes) => Served::Bytes(bytes.into()),
                    Contents::Copy(path) => Served::File(path),
                };
                (file.path, served)
            })
            .collect();
        self.problem = None;
        self.version += 1;
    }
}
