//! Stage 4, write: the one place that touches the output folder.
//!
//! careersite deletes or overwrites only what it wrote itself. A manifest in the output folder
//! lists every file the last build wrote; a folder with files but no manifest is not ours, and
//! is left alone unless the user says `--force`. Even then, and on every build, a path the last
//! build did not write is never taken over: a file already there stops the build.
//!
//! A build never leaves a half-written site. Each changed file is first written beside its
//! final name, under a `.careersite-partial` suffix, while the site renders; only when every file
//! is ready, and on the disk, are they renamed into place, and the manifest is written last. A
//! build that fails, or is stopped with Ctrl+C, removes its partial files and the folders it
//! made, and leaves the previous site exactly as it was. Files whose bytes have not changed are
//! not touched at all. One build at a time: each holds a lock beside the output folder.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::files::relative_to;
use crate::load::CONTENT_DIR;
use crate::output::{Contents, OutputFile, Sink};
use crate::theme::THEMES_DIR;
pub use manifest::MANIFEST;
use manifest::{Stamp, Written};

mod manifest;

/// Present while a build is writing. Found at the start of a build, it means the last one was
/// killed outright, and its partial files are still to be removed.
pub const UNFINISHED: &str = ".careersite-unfinished";
/// The suffix of a file written but not yet put in place. Renaming within one folder is cheap;
/// a staging folder elsewhere would make every rename cross folders, which takes a lock
/// shared by the whole file system.
const PARTIAL: &str = ".careersite-partial";
/// What the last build rendered, beside the output folder (see `render::RenderCache`).
const RENDER_CACHE: &str = "render-cache";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Why a build stopped, and whether the output folder was changed before it did.
#[derive(Debug)]
pub struct Failure {
    pub problems: Diagnostics,
    /// Some files of the new site were put in place, others not: the next build finishes it.
    pub output_changed: bool,
}

impl From<Diagnostics> for Failure {
    fn from(problems: Diagnostics) -> Self {
        Failure {
            problems,
            output_changed: false,
        }
    }
}

/// Held for the whole of a build, so that a second build into the same folder is turned away
/// instead of mixing its files with the first one's. Released when dropped, or when the process
/// ends however it ends.
pub struct OutputLock {
    _file: File,
    /// The output folder with every link resolved.
    real: PathBuf,
}

/// Checks that `output` is a safe place for the site, then takes the lock on it. The lock file
/// stays beside the output folder: removing it would let a third build lock a file of its own
/// while the second still holds the old one.
pub fn lock(root: &Path, output: &Path) -> Result<OutputLock, Diagnostic> {
    let real = refuse_unsafe_output(root, output)?;
    let path = beside(&real, "lock");
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| Diagnostic::io("create", &relative_to(root, parent), &err))?;
    }
    let file = open_lock_file(&path)
        .map_err(|err| Diagnostic::io("create", &relative_to(root, &path), &err))?;
    match file.try_lock() {
        Ok(()) => Ok(OutputLock { _file: file, real }),
        Err(std::fs::TryLockError::WouldBlock) => Err(Diagnostic::error(format!(
            "another careersite build is writing {}",
            relative_to(root, output).display()
        ))
        .with_help("wait for it to finish, then build again")),
        Err(std::fs::TryLockError::Error(err)) => {
            Err(Diagnostic::io("lock", &relative_to(root, &path), &err))
        }
    }
}

/// Opens the lock file without following a link put in its place, which could otherwise make
/// careersite create a file wherever the link points.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    options.open(path)
}

/// One build's writes into the output folder: files are staged as they are rendered, from any
/// thread, then committed together. Dropped without `commit`, it leaves the folder as it was.
pub struct Writer<'a> {
    root: &'a Path,
    /// The output folder as the careers leader named it, for messages.
    shown: &'a Path,
    /// The output folder with every link resolved, which every write goes through (the path
    /// as given could lead somewhere else: `a-link/..`), and outside which nothing is written
    /// or removed.
    real: &'a Path,
    /// For a first build: a new folder beside the output, filled and then renamed to it.
    fresh: Option<PathBuf>,
    /// What the last build wrote, from its manifest and list of times, and their texts.
    previous: manifest::Listed,
    previous_texts: (String, String),
    /// Every file this build produces, whether its bytes changed (it has a partial file), and
    /// what it holds.
    produced: Mutex<BTreeMap<String, (bool, Written)>>,
    /// Folders this build made, to be removed again should it fail.
    made: Mutex<Vec<PathBuf>>,
    /// Set when the user presses Ctrl+C: staging stops, and nothing is committed.
    interrupted: &'a AtomicBool,
    /// This build made the marker, so it is this build's to remove.
    marked: bool,
    committed: bool,
    /// The commit stopped part-way: the marker stays, so that the next build knows.
    part_way: bool,
}

impl<'a> Writer<'a> {
    pub fn open(
        lock: &'a OutputLock,
        root: &'a Path,
        output: &'a Path,
        force: bool,
        interrupted: &'a AtomicBool,
    ) -> Result<Self, Diagnostic> {
        let mut writer = Writer {
            root,
            shown: output,
            real: &lock.real,
            fresh: None,
            previous: manifest::Listed::new(),
            previous_texts: (String::new(), String::new()),
            produced: Mutex::default(),
            made: Mutex::default(),
            interrupted,
            marked: false,
            committed: false,
            part_way: false,
        };
        let fresh = beside(&lock.real, "new");
        // Left by a first build that was killed outright; it was never the output folder.
        if std::fs::symlink_metadata(&fresh).is_ok() {
            std::fs::remove_dir_all(&fresh).map_err(|err| writer.io("clear", &fresh, &err))?;
        }
        if std::fs::symlink_metadata(&lock.real).is_err() {
            // A first build: nothing to keep safe, and no file to rename one by one.
            writer
                .make_folder(&fresh)
                .map_err(|err| writer.io("create", &fresh, &err))?;
            writer.fresh = Some(fresh);
            return Ok(writer);
        }
        // Left by a build killed while writing its notes beside the output folder.
        for what in [manifest::STAMPS, RENDER_CACHE] {
            let _ = std::fs::remove_file(partial(&beside(&lock.real, what)));
        }
        let listed = previous_manifest(root, &lock.real, force)?;
        // Lost or unreadable, the times only cost every file being written again.
        let stamps =
            std::fs::read_to_string(beside(&lock.real, manifest::STAMPS)).unwrap_or_default();
        writer.previous = manifest::parse(&listed, &stamps);
        writer.previous_texts = (listed, stamps);
        writer.mark()?;
        Ok(writer)
    }

    /// Leaves the marker that says a build is writing, first tidying up after a build that
    /// was killed outright, or stopped part-way, if its marker is still there.
    fn mark(&mut self) -> Result<(), Diagnostic> {
        let marker = self.real.join(UNFINISHED);
        match std::fs::symlink_metadata(&marker) {
            Ok(meta) if meta.is_file() => {
                remove_partial_files(self.real);
                std::fs::remove_file(&marker).map_err(|err| self.io("remove", &marker, &err))?;
            }
            Ok(_) => return Err(self.in_the_way(&marker)),
            Err(_) => {}
        }
        create_new(&marker, b"").map_err(|err| self.io_or_in_the_way(&marker, &err))?;
        self.marked = true;
        Ok(())
    }

    /// Takes one file of the new site, and writes it beside its final name unless the file
    /// there already holds these bytes.
    pub fn stage(&self, file: OutputFile) -> Result<(), Diagnostic> {
        if self.interrupted.load(Ordering::Relaxed) {
            return Err(Diagnostic::error(
                "interrupted: the build was stopped before it finished",
            ));
        }
        if !is_plain_relative(&file.path) {
            return Err(Diagnostic::error(format!(
                "refusing to write `{}` outside the output folder",
                file.path
            )));
        }
        let destination = self.fresh.as_deref().unwrap_or(self.real).join(&file.path);
        if self.fresh.is_none() {
            self.may_take(&file.path, &destination)?;
        }
        let there = self.still_there(&file.path, &destination);
        let (bytes, copied_from) = match file.contents {
            Contents::Bytes(bytes) => (bytes, None),
            Contents::Copy(source) => {
                let copied_from = Stamp::read(&source);
                // A school file that has kept its size and time is not read at all.
                if let Some(there) =
                    there.filter(|w| copied_from.is_some() && w.copied_from == copied_from)
                {
                    return self.produced(file.path, false, there);
                }
                let bytes = std::fs::read(&source).map_err(|err| self.io("read", &source, &err))?;
                (bytes, copied_from)
            }
        };
        let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
        if let Some(there) = there.filter(|w| w.hash == hash) {
            return self.produced(
                file.path,
                false,
                Written {
                    copied_from,
                    ..there
                },
            );
        }
        let stamp = self.stage_bytes(&destination, &bytes)?;
        self.produced(
            file.path,
            true,
            Written {
                hash,
                file: stamp,
                copied_from,
            },
        )
    }

    /// What the last build wrote at `path`, if the file there still has the size and time it
    /// had then; `None` on a first build, where nothing is there.
    fn still_there(&self, path: &str, destination: &Path) -> Option<Written> {
        let written = (*self.previous.get(path)?)?;
        (self.fresh.is_none() && Stamp::read(destination) == Some(written.file)).then_some(written)
    }

    fn produced(&self, path: String, changed: bool, written: Written) -> Result<(), Diagnostic> {
        let mut produced = self.produced.lock().unwrap_or_else(|e| e.into_inner());
        if produced.contains_key(&path) {
            return Err(Diagnostic::error(format!(
                "two outputs of this build are both called `{path}`"
            )));
        }
        produced.insert(path, (changed, written));
        Ok(())
    }

    /// Writes `bytes` beside `destination`, or at it on a first build; returns the file's stamp.
    fn stage_bytes(&self, destination: &Path, bytes: &[u8]) -> Result<Stamp, Diagnostic> {
        if let Some(parent) = destination.parent() {
            // A first build's folder is its own, new; an existing one may hold links.
            if self.fresh.is_none() {
                self.refuse_outside(destination, parent)?;
            }
            self.make_folder(parent)
                .map_err(|err| self.io("create", parent, &err))?;
        }
        let staged = if self.fresh.is_some() {
            destination.to_path_buf()
        } else {
            partial(destination)
        };
        let meta =
            create_new(&staged, bytes).map_err(|err| self.io_or_in_the_way(&staged, &err))?;
        Stamp::of(&meta).ok_or_else(|| {
            Diagnostic::error(format!(
                "the system did not say when {} was written",
                relative_to(self.root, &staged).display()
            ))
        })
    }

    /// A path the last build did not write is someone else's if anything is there: replacing
    /// it, and then listing it as careersite's, would hand it to later builds to delete.
    fn may_take(&self, path: &str, destination: &Path) -> Result<(), Diagnostic> {
        if self.previous.contains_key(path) || std::fs::symlink_metadata(destination).is_err() {
            return Ok(());
        }
        let shown = relative_to(self.root, destination);
        Err(Diagnostic::error(format!(
            "{} is already there, and careersite did not write it",
            shown.display()
        ))
        .in_file(&shown)
        .with_help(format!(
            "careersite now makes a file called `{path}`, and never replaces a file it did not \
             write: move your own `{path}` out of {}, then build again",
            relative_to(self.root, self.shown).display()
        )))
    }

    /// A folder of the site may have been replaced by a link to a folder elsewhere: writing
    /// through it would overwrite someone else's files.
    fn refuse_outside(&self, destination: &Path, parent: &Path) -> Result<(), Diagnostic> {
        let real = resolve(parent).map_err(|err| self.io("read", parent, &err))?;
        if real.starts_with(self.real) {
            return Ok(());
        }
        let shown = relative_to(self.root, destination);
        Err(Diagnostic::error(format!(
            "refusing to write {}: a folder on the way is a link to {}, outside {}",
            shown.display(),
            real.display(),
            relative_to(self.root, self.shown).display()
        ))
        .in_file(&shown)
        .with_help(
            "remove the link, so that careersite can make the folder itself, then build again",
        ))
    }

    /// What the last build said it rendered, and with what (see `render::RenderCache`); `None`
    /// on a first build.
    pub fn previous_render_cache(&self) -> Option<String> {
        if self.fresh.is_some() {
            return None;
        }
        std::fs::read_to_string(beside(self.real, RENDER_CACHE)).ok()
    }

    /// Puts every staged file in place, removes the files of the last build that this one no
    /// longer has, and records what is there now, with `render_cache`, what the renderer
    /// says of this build, if it says anything. Ctrl+C is not heeded here: once begun, the
    /// renames are finished, so the folder holds either the old site or the new one.
    pub fn commit(mut self, render_cache: Option<&str>) -> Result<WriteReport, Failure> {
        // The last build's cache describes the files about to be replaced: once any is, it
        // could keep a page whose file no longer matches it. The new one is written last.
        let cache = beside(self.real, RENDER_CACHE);
        if let Err(err) = std::fs::remove_file(&cache)
            && err.kind() != std::io::ErrorKind::NotFound
        {
            return Err(vec![self.io("remove", &cache, &err)].into());
        }
        let report = self.put_everything_in_place()?;
        // Lost, it only costs the next build rendering every page.
        if let Some(render_cache) = render_cache {
            let _ = self.replace_beside(RENDER_CACHE, render_cache);
        }
        Ok(report)
    }

    fn put_everything_in_place(&mut self) -> Result<WriteReport, Failure> {
        let produced =
            std::mem::take(&mut *self.produced.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(fresh) = self.fresh.clone() {
            return self.publish(&fresh, &produced);
        }
        let changed: Vec<&String> = produced
            .iter()
            .filter_map(|(path, &(changed, _))| changed.then_some(path))
            .collect();
        let current: BTreeMap<&str, Option<&Written>> = produced
            .iter()
            .map(|(path, (_, written))| (path.as_str(), Some(written)))
            .collect();
        if !changed.is_empty() {
            // Should the machine stop part-way through the renames, the manifest must already
            // name every file that may be in place, old or new, so the next build can tidy up.
            // A file whose rename did not happen will not match what is listed, and is
            // written again.
            let mut both = current.clone();
            for (path, written) in &self.previous {
                both.entry(path.as_str()).or_insert(written.as_ref());
            }
            self.write_manifest(&both).map_err(|d| vec![d])?;
            self.make_durable(self.real).map_err(|d| vec![d])?;
        }
        self.committed = true;
        let problems = self.put_in_place(&changed);
        if !problems.is_empty() {
            let summary = self.summary_of_part_way(problems.len(), changed.len());
            return Err(self.stopped_part_way(problems, summary));
        }
        let removed = self
            .previous
            .keys()
            .filter(|p| !current.contains_key(p.as_str()) && self.remove_stale(p))
            .count();
        self.record(&current, !changed.is_empty() || removed > 0)
            .map_err(|d| self.stopped_part_way(vec![d], None))?;
        Ok(WriteReport {
            written: changed.len(),
            unchanged: produced.len() - changed.len(),
            removed,
        })
    }

    /// Writes the manifest of what is there now. It may forget a file only once that file's
    /// removal, and every rename, is sure to last. A build that moved nothing waits for
    /// nothing: waiting would also wait for whatever else is being written to the disk.
    fn record(
        &self,
        current: &BTreeMap<&str, Option<&Written>>,
        moved: bool,
    ) -> Result<(), Diagnostic> {
        if !moved {
            return self.write_manifest(current);
        }
        self.make_durable(self.real)?;
        self.write_manifest(current)?;
        self.make_durable(self.real)
    }

    /// A first build: the new folder, once complete and on the disk, becomes the output.
    fn publish(
        &mut self,
        fresh: &Path,
        produced: &BTreeMap<String, (bool, Written)>,
    ) -> Result<WriteReport, Failure> {
        let (listed, stamps) = manifest::texts(
            produced
                .iter()
                .map(|(path, (_, written))| (path.as_str(), Some(written))),
        );
        create_new(&fresh.join(MANIFEST), listed.as_bytes())
            .map_err(|err| vec![self.io("write", &self.real.join(MANIFEST), &err)])?;
        self.replace_beside(manifest::STAMPS, &stamps)
            .map_err(|d| vec![d])?;
        self.make_durable(fresh).map_err(|d| vec![d])?;
        std::fs::rename(fresh, self.real)
            .map_err(|err| vec![self.io("create", self.real, &err)])?;
        self.committed = true;
        self.make_durable(self.real)
            .map_err(|d| self.stopped_part_way(vec![d], None))?;
        Ok(WriteReport {
            written: produced.len(),
            ..WriteReport::default()
        })
    }

    /// Renames each staged file onto its final name; a partial file whose rename failed is
    /// taken back, as it will never be put in place.
    fn put_in_place(&self, changed: &[&String]) -> Diagnostics {
        changed
            .par_iter()
            .filter_map(|path| {
                let destination = self.real.join(path);
                let staged = partial(&destination);
                let err = std::fs::rename(&staged, &destination).err()?;
                let _ = std::fs::remove_file(&staged);
                Some(self.io("put in place", &destination, &err))
            })
            .collect()
    }

    fn summary_of_part_way(&self, failed: usize, changed: usize) -> Option<Diagnostic> {
        Some(
            Diagnostic::error(format!(
                "only part of the new site is in {}: {} of {changed} changed files were put in \
                 place, and the rest are still the previous version",
                relative_to(self.root, self.shown).display(),
                changed - failed,
            ))
            .with_help(
                "fix the problem above, then build again: the next build finishes the job, and \
                 deletes nothing careersite did not write",
            ),
        )
    }

    /// The folder was changed before the build stopped. The marker and the last manifest
    /// written, which names both sites' files, are kept, so that the next build finishes it.
    fn stopped_part_way(
        &mut self,
        mut problems: Diagnostics,
        summary: Option<Diagnostic>,
    ) -> Failure {
        self.part_way = true;
        problems.extend(summary);
        Failure {
            problems,
            output_changed: true,
        }
    }

    fn write_manifest(&self, files: &BTreeMap<&str, Option<&Written>>) -> Result<(), Diagnostic> {
        let (listed, stamps) =
            manifest::texts(files.iter().map(|(path, written)| (*path, *written)));
        if stamps != self.previous_texts.1 {
            // Should one of the two be lost or left behind, a file whose hash and time do not
            // both match what is there is only written again.
            self.replace_beside(manifest::STAMPS, &stamps)?;
        }
        let destination = self.real.join(MANIFEST);
        if listed == self.previous_texts.0 && Stamp::read(&destination).is_some() {
            return Ok(());
        }
        replace(&destination, &listed).map_err(|err| self.io_or_in_the_way(&destination, &err))
    }

    /// Writes careersite's own file `what` beside the output folder, in place of the last.
    fn replace_beside(&self, what: &str, text: &str) -> Result<(), Diagnostic> {
        let destination = beside(self.real, what);
        replace(&destination, text).map_err(|err| self.io_or_in_the_way(&destination, &err))
    }

    /// Removes a file an earlier build wrote, and any folders that leaves empty; nothing
    /// reached through a link to outside the output folder.
    fn remove_stale(&self, path: &str) -> bool {
        let file = self.real.join(path);
        let inside = |folder: &Path| resolve(folder).is_ok_and(|real| real.starts_with(self.real));
        if !file.parent().is_some_and(inside) {
            return false;
        }
        let removed = std::fs::remove_file(&file).is_ok();
        let mut folder = file.parent();
        while let Some(dir) = folder {
            if dir == self.real || std::fs::remove_dir(dir).is_err() {
                break;
            }
            folder = dir.parent();
        }
        removed
    }

    /// `folder` names the file system: the output folder's, or, before a first build is
    /// published, the new folder's.
    fn make_durable(&self, folder: &Path) -> Result<(), Diagnostic> {
        flush(folder).map_err(|err| self.io("save to the disk", self.real, &err))
    }

    /// Makes `folder` and any missing folders above it, remembering which it made.
    fn make_folder(&self, folder: &Path) -> std::io::Result<()> {
        match std::fs::create_dir(folder) {
            Ok(()) => {
                self.made
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(folder.to_path_buf());
                Ok(())
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => match folder.parent() {
                Some(parent) => {
                    self.make_folder(parent)?;
                    self.make_folder(folder)
                }
                None => Err(err),
            },
            Err(err) => Err(err),
        }
    }

    fn io(&self, action: &str, path: &Path, err: &std::io::Error) -> Diagnostic {
        Diagnostic::io(action, &relative_to(self.root, path), err)
    }

    fn io_or_in_the_way(&self, path: &Path, err: &std::io::Error) -> Diagnostic {
        if err.kind() == std::io::ErrorKind::AlreadyExists {
            self.in_the_way(path)
        } else {
            self.io("write", path, err)
        }
    }

    /// A name careersite keeps for itself, taken by something it did not put there.
    fn in_the_way(&self, path: &Path) -> Diagnostic {
        let shown = relative_to(self.root, path);
        Diagnostic::error(format!(
            "{} is in the way: careersite uses this name while it builds, and did not put \
             anything there itself",
            shown.display()
        ))
        .in_file(&shown)
        .with_help("move or delete it, then build again")
    }

    /// Takes back a build that will not be committed: its partial files, then the folders it
    /// made, deepest first, each only if nothing else is in it.
    fn abandon(&mut self) {
        let produced = self.produced.get_mut().unwrap_or_else(|e| e.into_inner());
        for (path, _) in produced.iter().filter(|(_, (changed, _))| *changed) {
            let _ = std::fs::remove_file(partial(&self.real.join(path)));
        }
        let made = self.made.get_mut().unwrap_or_else(|e| e.into_inner());
        made.sort_by_key(|folder| std::cmp::Reverse(folder.components().count()));
        for folder in made.iter() {
            let _ = std::fs::remove_dir(folder);
        }
    }
}

impl Sink for Writer<'_> {
    fn take(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.stage(file)
    }

    /// Takes a file of the last build as this build's, unchanged, if it is still as written.
    fn keep(&self, path: &str) -> bool {
        if self.fresh.is_some() || !is_plain_relative(path) {
            return false;
        }
        match self.still_there(path, &self.real.join(path)) {
            Some(written) => self.produced(path.to_string(), false, written).is_ok(),
            None => false,
        }
    }
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        match (&self.fresh, self.committed) {
            (Some(fresh), false) => {
                // Everything in it is this build's own: a first build that fails leaves nothing.
                let _ = std::fs::remove_dir_all(fresh);
                self.abandon();
            }
            (Some(_), true) => {}
            (None, committed) => {
                if !committed {
                    self.abandon();
                }
                if self.marked && !self.part_way {
                    let _ = std::fs::remove_file(self.real.join(UNFINISHED));
                }
            }
        }
    }
}

/// Writes a file this build owns, or, failing part-way (a full disk), removes what it wrote.
/// The name must be free: a link left there is not followed, and nothing there is replaced.
fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<std::fs::Metadata> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
        .and_then(|()| file.metadata())
        .inspect_err(|_| {
            let _ = std::fs::remove_file(path);
        })
}

/// Writes `text` beside `destination`, then renames it into place.
fn replace(destination: &Path, text: &str) -> std::io::Result<()> {
    let staged = partial(destination);
    create_new(&staged, text.as_bytes())?;
    std::fs::rename(&staged, destination)
}

/// Waits until everything written so far is on the disk, so that a power cut leaves either
/// the old file or the new one, never a renamed file whose bytes were not yet saved. One call
/// for the whole file system costs far less than one per file (see BENCHMARKS.md).
#[cfg(target_os = "linux")]
fn flush(folder: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let handle = File::open(folder)?;
    // SAFETY: `syncfs` only reads the descriptor, which `handle` keeps open for the call.
    if unsafe { libc::syncfs(handle.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Elsewhere the README promises nothing about power cuts.
#[cfg(not(target_os = "linux"))]
fn flush(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// A name beside the output folder, such as `.site.careersite-new`: where a first build puts
/// the site until it is complete, so that one rename makes it the output folder, and the lock.
fn beside(real_output: &Path, what: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(real_output.file_name().unwrap_or_default());
    name.push(".careersite-");
    name.push(what);
    real_output.with_file_name(name)
}

fn partial(destination: &Path) -> PathBuf {
    let mut name = destination.as_os_str().to_owned();
    name.push(PARTIAL);
    PathBuf::from(name)
}

/// Removes the partial files a killed build left behind; nothing else ends in their suffix.
fn remove_partial_files(output: &Path) {
    let leftovers = walkdir::WalkDir::new(output)
        .into_iter()
        .flatten()
        .filter(|entry| entry.file_type().is_file())
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(PARTIAL));
    for leftover in leftovers {
        let _ = std::fs::remove_file(leftover.path());
    }
}

/// The output folder must not be, contain, or sit inside what the user wrote, however the
/// paths are spelt: each is compared with every link resolved. Returns the resolved output.
fn refuse_unsafe_output(root: &Path, output: &Path) -> Result<PathBuf, Diagnostic> {
    let real = |p: &Path| resolve(p).map_err(|err| Diagnostic::io("read", p, &err));
    let output_real = real(output)?;
    let root_real = real(root)?;
    let content = real(&root_real.join(CONTENT_DIR))?;
    let themes = real(&root_real.join(THEMES_DIR))?;
    // Building into the root, or any folder above it, would mix the site with the sources.
    let holds_sources = [&root_real, &content, &themes]
        .iter()
        .any(|folder| folder.starts_with(&output_real));
    let inside_sources = output_real.starts_with(&content) || output_real.starts_with(&themes);
    if holds_sources || inside_sources {
        return Err(Diagnostic::error(format!(
            "refusing to build into {}: it is, holds or sits inside your own files",
            output.display()
        ))
        .with_help("choose a separate folder for the built site, such as the default `site/`"));
    }
    Ok(output_real)
}

/// `path` with every link resolved: the nearest part of it that exists, resolved by the
/// system (which reads `a-link/..` as the folder above where the link leads, as a write
/// would), followed by the parts still to be made, which being new are no links.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    loop {
        match std::fs::canonicalize(existing) {
            Ok(real) => {
                let rest = absolute.strip_prefix(existing).unwrap_or(Path::new(""));
                return Ok(normalise(&real.join(rest)));
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                existing = existing.parent().ok_or(err)?;
            }
            Err(err) => return Err(err),
        }
    }
}

fn normalise(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

/// The text of the last build's manifest, empty if there is none. A non-empty folder without a
/// manifest is not careersite's.
fn previous_manifest(root: &Path, output: &Path, force: bool) -> Result<String, Diagnostic> {
    let manifest = output.join(MANIFEST);
    match std::fs::read_to_string(&manifest) {
        Ok(text) => Ok(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let occupied = std::fs::read_dir(output)
                .map(|entries| {
                    entries
                        .flatten()
                        .any(|entry| entry.file_name() != UNFINISHED)
                })
                .unwrap_or(false);
            if occupied && !force {
                Err(Diagnostic::error(format!(
                    "{} already holds files that careersite did not write",
                    relative_to(root, output).display()
                ))
                .with_help("choose an empty or new folder with --output, or pass --force to build into it anyway (careersite will still replace or delete nothing it did not write)"))
            } else {
                Ok(String::new())
            }
        }
        Err(err) => Err(Diagnostic::io("read", &relative_to(root, &manifest), &err)),
    }
}

fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_written() {
        assert!(is_plain_relative("pupils/index.html"));
        assert!(!is_plain_relative("../escape"));
        assert!(!is_plain_relative("/etc/passwd"));
        assert!(!is_plain_relative(""));
    }

    #[test]
    fn the_output_may_not_be_the_root_or_hold_the_content() {
        let root = Path::new("/school");
        for bad in [
            "/school",
            "/",
            "/school/content",
            "/school/content/site",
            "/school/themes",
        ] {
            assert!(refuse_unsafe_output(root, Path::new(bad)).is_err(), "{bad}");
        }
        assert!(refuse_unsafe_output(root, Path::new("/school/site")).is_ok());
        assert!(refuse_unsafe_output(root, Path::new("/school/../elsewhere")).is_ok());
    }
}
