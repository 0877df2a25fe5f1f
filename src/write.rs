//! Stage 4, write: the one place that touches the output folder.
//!
//! careersite deletes or overwrites only what it wrote itself. A manifest in the output folder
//! lists every file the last build wrote; a folder with files but no manifest is not ours, and
//! is left alone unless the user says `--force`. Files whose bytes have not changed are not
//! rewritten, and each changed file is written beside its final name and renamed into place.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{CONTENT_DIR, relative_to};
use crate::theme::THEMES_DIR;

pub const MANIFEST: &str = ".careersite-manifest";
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

pub fn write(
    root: &Path,
    output: &Path,
    files: &[OutputFile],
    force: bool,
) -> Result<WriteReport, Diagnostics> {
    refuse_unsafe_output(root, output).map_err(|d| vec![d])?;
    let previous = previous_manifest(root, output, force).map_err(|d| vec![d])?;
    let current: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    if current.len() != files.len() {
        return Err(vec![Diagnostic::error(
            "two outputs of this build have the same name",
        )]);
    }
    if let Some(bad) = files.iter().find(|f| !is_plain_relative(&f.path)) {
        return Err(vec![Diagnostic::error(format!(
            "refusing to write `{}` outside the output folder",
            bad.path
        ))]);
    }
    std::fs::create_dir_all(output)
        .map_err(|err| vec![Diagnostic::io("create", &relative_to(root, output), &err)])?;

    let results: Vec<Result<bool, Diagnostic>> = files
        .par_iter()
        .map(|file| write_file(root, output, file))
        .collect();
    let mut report = WriteReport::default();
    let mut problems = Diagnostics::new();
    for result in results {
        match result {
            Ok(true) => report.written += 1,
            Ok(false) => report.unchanged += 1,
            Err(problem) => problems.push(problem),
        }
    }
    for stale in previous.iter().filter(|p| !current.contains(p.as_str())) {
        if remove_stale(output, stale) {
            report.removed += 1;
        }
    }
    // The manifest goes last: it must never list a file that was not written.
    let manifest = std::iter::once(MANIFEST_HEADER)
        .chain(current.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    if let Err(problem) = replace_if_changed(root, &output.join(MANIFEST), manifest.as_bytes()) {
        problems.push(problem);
    }
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(problems)
    }
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
                .map(|mut entries| entries.next().is_some())
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

/// Writes one file; `Ok(false)` when it already held these bytes.
fn write_file(root: &Path, output: &Path, file: &OutputFile) -> Result<bool, Diagnostic> {
    let destination = output.join(&file.path);
    match &file.contents {
        Contents::Bytes(bytes) => replace_if_changed(root, &destination, bytes),
        Contents::Copy(source) => {
            let bytes = std::fs::read(source)
                .map_err(|err| Diagnostic::io("read", &relative_to(root, source), &err))?;
            replace_if_changed(root, &destination, &bytes)
        }
    }
}

fn replace_if_changed(root: &Path, destination: &Path, bytes: &[u8]) -> Result<bool, Diagnostic> {
    let unchanged = std::fs::metadata(destination)
        .is_ok_and(|meta| meta.len() == bytes.len() as u64)
        && std::fs::read(destination).is_ok_and(|existing| existing == bytes);
    if unchanged {
        return Ok(false);
    }
    let shown = relative_to(root, destination);
    if let Some(parent) = destination.parent() {
        std::fs::create_dir_all(parent).map_err(|err| Diagnostic::io("create", &shown, &err))?;
    }
    let mut temporary = destination.as_os_str().to_owned();
    temporary.push(".careersite-partial");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, bytes).map_err(|err| Diagnostic::io("write", &shown, &err))?;
    std::fs::rename(&temporary, destination).map_err(|err| {
        let _ = std::fs::remove_file(&temporary);
        Diagnostic::io("write", &shown, &err)
    })?;
    Ok(true)
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
