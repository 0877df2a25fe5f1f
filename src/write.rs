//! Stage 4, write: the one place that touches the output folder.
//!
//! careersite deletes or overwrites only what it wrote itself. A manifest in the output folder
//! lists every file the last build wrote; a folder with files but no manifest is not ours, and
//! is left alone unless the user says `--force`.
//!
//! A build never leaves a half-written site. Each changed file is first written beside its
//! final name, under a `.careersite-partial` suffix, while the site renders; only when every file
//! is ready are they renamed into place, and the manifest is written last. A build that fails,
//! or is stopped with Ctrl+C, removes its partial files and the folders it made, and leaves the
//! previous site exactly as it was. Files whose bytes have not changed are not touched at all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{CONTENT_DIR, relative_to};
use crate::theme::THEMES_DIR;

pub const MANIFEST: &str = ".careersite-manifest";
/// Present while a build is writing. Found at the start of a build, it means the last one was
/// killed outright, and its partial files are still to be removed.
pub const UNFINISHED: &str = ".careersite-unfinished";
/// The suffix of a file written but not yet put in place. Renaming within one folder is cheap;
/// a staging folder elsewhere would make every rename cross folders, which takes a lock
/// shared by the whole file system.
const PARTIAL: &str = ".careersite-partial";
const MANIFEST_HEADER: &str =
    "# Files written by careersite. It deletes or replaces only the files listed here.";

pub struct OutputFile {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub contents: Contents,
}

pub enum Contents {
    Bytes(Vec<u8>),
    /// A file copied as it is, such as a PDF under `content/`.
    Copy(PathBuf),
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Writes a whole set of files at once.
pub fn write(
    root: &Path,
    output: &Path,
    files: Vec<OutputFile>,
    force: bool,
) -> Result<WriteReport, Diagnostics> {
    let never = AtomicBool::new(false);
    let writer = Writer::open(root, output, force, &never).map_err(|d| vec![d])?;
    let problems: Diagnostics = files
        .into_par_iter()
        .filter_map(|file| writer.stage(file).err())
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    writer.commit()
}

/// One build's writes into the output folder: files are staged as they are rendered, from any
/// thread, then committed together. Dropped without `commit`, it leaves the folder as it was.
pub struct Writer<'a> {
    root: &'a Path,
    output: &'a Path,
    /// For a first build: a new folder beside the output, filled and then renamed to it.
    fresh: Option<PathBuf>,
    previous: Vec<String>,
    /// Every file this build produces, and whether its bytes changed (it has a partial file).
    produced: Mutex<BTreeMap<String, bool>>,
    /// Folders this build made, to be removed again should it fail.
    made: Mutex<Vec<PathBuf>>,
    /// Set when the user presses Ctrl+C: staging stops, and nothing is committed.
    interrupted: &'a AtomicBool,
    committed: bool,
}

impl<'a> Writer<'a> {
    pub fn open(
        root: &'a Path,
        output: &'a Path,
        force: bool,
        interrupted: &'a AtomicBool,
    ) -> Result<Self, Diagnostic> {
        refuse_unsafe_output(root, output)?;
        let mut writer = Writer {
            root,
            output,
            fresh: None,
            previous: Vec::new(),
            produced: Mutex::default(),
            made: Mutex::default(),
            interrupted,
            committed: false,
        };
        let fresh = fresh_folder(output);
        // Left by a first build that was killed outright; it was never the output folder.
        if fresh.exists() {
            std::fs::remove_dir_all(&fresh).map_err(|err| writer.io("clear", &fresh, &err))?;
        }
        if std::fs::symlink_metadata(output).is_err() {
            // A first build: nothing to keep safe, and no file to rename one by one.
            writer
                .make_folder(&fresh)
                .map_err(|err| writer.io("create", &fresh, &err))?;
            writer.fresh = Some(fresh);
            return Ok(writer);
        }
        writer.previous = previous_manifest(root, output, force)?;
        let marker = output.join(UNFINISHED);
        if marker.exists() {
            remove_partial_files(output);
        }
        std::fs::write(&marker, "").map_err(|err| writer.io("write", &marker, &err))?;
        Ok(writer)
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
        let destination = self
            .fresh
            .as_deref()
            .unwrap_or(self.output)
            .join(&file.path);
        let bytes = match file.contents {
            Contents::Bytes(bytes) => bytes,
            Contents::Copy(source) => {
                std::fs::read(&source).map_err(|err| self.io("read", &source, &err))?
            }
        };
        let changed = self.fresh.is_some() || !holds(&destination, &bytes);
        if changed {
            if let Some(parent) = destination.parent() {
                self.make_folder(parent)
                    .map_err(|err| self.io("create", parent, &err))?;
            }
            let staged = if self.fresh.is_some() {
                destination.clone()
            } else {
                partial(&destination)
            };
            write_whole(&staged, &bytes).map_err(|err| self.io("write", &destination, &err))?;
        }
        let mut produced = self.produced.lock().unwrap_or_else(|e| e.into_inner());
        if produced.insert(file.path.clone(), changed).is_some() {
            return Err(Diagnostic::error(format!(
                "two outputs of this build are both called `{}`",
                file.path
            )));
        }
        Ok(())
    }
    /// Puts every staged file in place, removes the files of the last build that this one no
    /// longer has, and records what is there now. Ctrl+C is not heeded here: once begun, the
    /// renames are finished, so the folder holds either the old site or the new one.
    pub fn commit(mut self) -> Result<WriteReport, Diagnostics> {
        let produced =
            std::mem::take(&mut *self.produced.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(fresh) = &self.fresh {
            let paths = produced.keys().map(String::as_str).collect();
            let manifest = fresh.join(MANIFEST);
            std::fs::write(&manifest, manifest_text(&paths))
                .map_err(|err| vec![self.io("write", &self.output.join(MANIFEST), &err)])?;
            std::fs::rename(fresh, self.output)
                .map_err(|err| vec![self.io("create", self.output, &err)])?;
            self.committed = true;
            return Ok(WriteReport {
                written: produced.len(),
                ..WriteReport::default()
            });
        }
        let changed: Vec<&String> = produced
            .iter()
            .filter_map(|(path, &changed)| changed.then_some(path))
            .collect();
        let current: BTreeSet<&str> = produced.keys().map(String::as_str).collect();
        if !changed.is_empty() {
            // Should the machine stop part-way through the renames, the manifest must already
            // name every file that may be in place, old or new, so the next build can tidy up.
            let both: BTreeSet<&str> = current
                .iter()
                .copied()
                .chain(self.previous.iter().map(String::as_str))
                .collect();
            self.write_manifest(&both).map_err(|d| vec![d])?;
        }
        self.committed = true;
        let mut problems: Diagnostics = changed
            .par_iter()
            .filter_map(|path| {
                let destination = self.output.join(path);
                std::fs::rename(partial(&destination), &destination)
                    .err()
                    .map(|err| self.io("write", &destination, &err))
            })
            .collect();
        let removed = self
            .previous
            .iter()
            .filter(|p| !current.contains(p.as_str()) && remove_stale(self.output, p))
            .count();
        if let Err(problem) = self.write_manifest(&current) {
            problems.push(problem);
        }
        if problems.is_empty() {
            Ok(WriteReport {
                written: changed.len(),
                unchanged: produced.len() - changed.len(),
                removed,
            })
        } else {
            Err(problems)
        }
    }

    fn write_manifest(&self, paths: &BTreeSet<&str>) -> Result<(), Diagnostic> {
        let manifest = manifest_text(paths);
        let destination = self.output.join(MANIFEST);
        if holds(&destination, manifest.as_bytes()) {
            return Ok(());
        }
        let staged = partial(&destination);
        write_whole(&staged, manifest.as_bytes())
            .map_err(|err| self.io("write", &destination, &err))?;
        std::fs::rename(&staged, &destination).map_err(|err| self.io("write", &destination, &err))
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

    /// Takes back a build that will not be committed: its partial files, then the folders it
    /// made, deepest first, each only if nothing else is in it.
    fn abandon(&mut self) {
        let produced = self.produced.get_mut().unwrap_or_else(|e| e.into_inner());
        for (path, _) in produced.iter().filter(|(_, changed)| **changed) {
            let _ = std::fs::remove_file(partial(&self.output.join(path)));
        }
        let made = self.made.get_mut().unwrap_or_else(|e| e.into_inner());
        made.sort_by_key(|folder| std::cmp::Reverse(folder.components().count()));
        for folder in made.iter() {
            let _ = std::fs::remove_dir(folder);
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
                let _ = std::fs::remove_file(self.output.join(UNFINISHED));
            }
        }
    }
}

/// Writes a file this build owns, or, failing part-way (a full disk), removes what it wrote.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes).inspect_err(|_| {
        let _ = std::fs::remove_file(path);
    })
}

fn manifest_text(paths: &BTreeSet<&str>) -> String {
    std::iter::once(MANIFEST_HEADER)
        .chain(paths.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Where a first build puts the site until it is complete: beside the output folder, so that
/// one rename makes it the output folder.
fn fresh_folder(output: &Path) -> PathBuf {
    let output = normalise(&std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf()));
    let mut name = std::ffi::OsString::from(".");
    name.push(output.file_name().unwrap_or_default());
    name.push(".careersite-new");
    output.with_file_name(name)
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

/// Whether the file at `path` holds exactly `bytes`. Asked of every file on every build, so it
/// reads through `take`, which needs no more system calls to learn the size it was told.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let expected = bytes.len() as u64;
    // Checked before opening: opening a named pipe left where a page goes would wait forever.
    if !std::fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.len() == expected) {
        return false;
    }
    let mut existing = Vec::with_capacity(bytes.len());
    std::fs::File::open(path)
        .and_then(|file| file.take(expected + 1).read_to_end(&mut existing))
        .is_ok_and(|_| existing == bytes)
}

/// The output folder must not be, contain, or sit inside what the user wrote.
fn refuse_unsafe_output(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let output_abs = normalise(&absolute(output));
    let root_abs = normalise(&absolute(root));
    let content = root_abs.join(CONTENT_DIR);
    let themes = root_abs.join(THEMES_DIR);
    // Building into the root, or any folder above it, would mix the site with the sources.
    let holds_sources = [&root_abs, &content, &themes]
        .iter()
        .any(|folder| folder.starts_with(&output_abs));
    let inside_sources = output_abs.starts_with(&content) || output_abs.starts_with(&themes);
    if holds_sources || inside_sources {
        return Err(Diagnostic::error(format!(
            "refusing to build into {}: it is, holds or sits inside your own files",
            output.display()
        ))
        .with_help("choose a separate folder for the built site, such as the default `site/`"));
    }
    Ok(())
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

/// The files the last build wrote. A non-empty folder without a manifest is not careersite's.
fn previous_manifest(root: &Path, output: &Path, force: bool) -> Result<Vec<String>, Diagnostic> {
    let manifest = output.join(MANIFEST);
    match std::fs::read_to_string(&manifest) {
        Ok(text) => Ok(text
            .lines()
            .filter(|line| !line.starts_with('#') && is_plain_relative(line))
            .map(str::to_string)
            .collect()),
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
                .with_help("choose an empty or new folder with --output, or pass --force to build into it anyway (careersite will still delete nothing it did not write)"))
            } else {
                Ok(Vec::new())
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

/// Removes a file an earlier build wrote, and any folders that leaves empty.
fn remove_stale(output: &Path, path: &str) -> bool {
    let file = output.join(path);
    let removed = std::fs::remove_file(&file).is_ok();
    let mut folder = file.parent();
    while let Some(dir) = folder {
        if dir == output || std::fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    removed
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
