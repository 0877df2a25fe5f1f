//! Bringing figures and dates in from where schools already keep them: the DfE's destination
//! measures, the school calendar, spreadsheets of the grid and the action plan.
//!
//! Each import owns one part of one data file (the DfE's destination years in
//! `evaluation.yaml`, the events a calendar brought into `events.yaml`) and edits only that
//! part's text ([`crate::yaml::edit`]): comments, blank lines and everything else the careers
//! leader wrote stay as they were. The edited text is read back with the parser the build uses
//! before anything is written, and it is written whole or not at all.

pub mod calendar;
pub mod destinations;
pub mod events;
pub mod grid;
mod place;
pub mod plan;
mod table;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::files::relative_to;
use crate::load::CONTENT_DIR;
use crate::yaml;

pub use table::{Row, Table};

/// What an import did, or would do, item by item in the careers leader's words.
#[derive(Debug, Default)]
pub struct Summary {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub unchanged: Vec<String>,
    /// Items the import had brought in before and the source has since withdrawn.
    pub removed: Vec<String>,
    /// Items of the file's part that the import left as they were, because the source does not
    /// mention them.
    pub left_alone: Vec<String>,
    /// What the source held that the import did not bring in, and why.
    pub left_out: Vec<String>,
}

impl Summary {
    /// The summary as lines for the terminal.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (heading, items) in [
            ("Added", &self.added),
            ("Changed", &self.changed),
            ("Already up to date", &self.unchanged),
            ("Removed", &self.removed),
            ("Left alone (not in the file imported)", &self.left_alone),
            ("Not imported", &self.left_out),
        ] {
            if items.is_empty() {
                continue;
            }
            lines.push(format!("{heading}:"));
            lines.extend(items.iter().map(|item| format!("  {item}")));
        }
        lines
    }
}

/// A data file as it is on disk, kept exactly: only the imported part changes, and a byte-order
/// mark and Windows line endings are put back on writing.
pub struct DataFile {
    path: PathBuf,
    /// As messages name it: `content/evaluation.yaml`.
    pub shown: PathBuf,
    /// The text, with `\n` line endings and no byte-order mark.
    pub text: String,
    /// The bytes as read, to make sure nobody saved the file in the meantime.
    bytes: Option<Vec<u8>>,
    bom: bool,
    crlf: bool,
}

impl DataFile {
    /// Reads `content/NAME` under `root`; a file that is not there reads as empty and is
    /// created on writing.
    pub fn open(root: &Path, name: &str) -> Result<Self, Diagnostic> {
        let path = root.join(CONTENT_DIR).join(name);
        let shown = relative_to(root, &path);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => return Err(Diagnostic::io("read", &shown, &err)),
        };
        let text = match &bytes {
            Some(bytes) => crate::files::text_of(bytes.clone(), &shown)?,
            None => String::new(),
        };
        let raw = bytes.as_deref().unwrap_or_default();
        Ok(DataFile {
            bom: raw.starts_with("\u{feff}".as_bytes()),
            crlf: raw.windows(2).any(|pair| pair == b"\r\n"),
            path,
            shown,
            text,
            bytes,
        })
    }

    /// `text` read as this file, with the parser the build uses.
    pub fn parse<T: serde::de::DeserializeOwned + Default>(
        &self,
        text: &str,
    ) -> Result<T, Diagnostics> {
        if text.trim().is_empty() {
            return Ok(T::default());
        }
        yaml::parse::<T>(yaml::Source {
            file: &self.shown,
            text,
            first_line: 1,
            unknown_keys: Severity::Error,
        })
        .map(|parsed| parsed.value)
    }

    /// A part of this file whose layout careersite cannot edit, as a problem at its line.
    pub fn unplaceable(&self, unplaceable: yaml::edit::Unplaceable) -> Diagnostics {
        vec![
            Diagnostic::error(unplaceable.message)
                .at(crate::diagnostic::Location::at_line(
                    &self.shown,
                    &self.text,
                    unplaceable.line,
                    1,
                    1,
                ))
                .with_help(unplaceable.help),
        ]
    }

    /// The data as the file holds it now; errors in it stop the import before it starts.
    pub fn current<T: serde::de::DeserializeOwned + Default>(&self) -> Result<T, Diagnostics> {
        self.parse(&self.text).map_err(|mut errors| {
            errors.push(
                Diagnostic::note(format!(
                    "put {} right first: careersite imports into a file only once it reads it as the build does",
                    self.shown.display()
                )),
            );
            errors
        })
    }

    /// Replaces the file with `text`, written to a new file beside it and renamed over it, so
    /// that the file is either as it was or wholly new. Refuses if the file changed on disk
    /// since it was read.
    pub fn write(&self, text: &str) -> Result<(), Diagnostic> {
        let io = |err: std::io::Error| Diagnostic::io("write", &self.shown, &err);
        let now = match std::fs::read(&self.path) {
            Ok(bytes) => Some(bytes),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => return Err(io(err)),
        };
        if now != self.bytes {
            return Err(Diagnostic::error(format!(
                "{} changed while careersite was importing into it",
                self.shown.display()
            ))
            .with_help("save your changes, then run the import again"));
        }
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if self.bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        if self.crlf {
            bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
        } else {
            bytes.extend_from_slice(text.as_bytes());
        }
        let folder = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(io)?;
        let temporary = new_file_beside(&self.path, &bytes).map_err(io)?;
        if let Some(permissions) = std::fs::metadata(&self.path).ok().map(|m| m.permissions()) {
            std::fs::set_permissions(&temporary, permissions).map_err(io)?;
        }
        std::fs::rename(&temporary, &self.path).map_err(|err| {
            let _ = std::fs::remove_file(&temporary);
            io(err)
        })
    }
}

#[cfg(test)]
impl DataFile {
    /// `content/NAME` as if it held `text`, for tests that touch no disk.
    pub(crate) fn from_text(name: &str, text: &str) -> Self {
        let shown = Path::new(CONTENT_DIR).join(name);
        DataFile {
            path: shown.clone(),
            shown,
            text: text.to_string(),
            bytes: Some(text.as_bytes().to_vec()),
            bom: false,
            crlf: false,
        }
    }
}

/// Writes `bytes` to a new file in `path`'s folder, named after it, and returns its path. The
/// file is created new (never opened if something, or a link, is there already), so the write
/// cannot land anywhere but in the new file.
fn new_file_beside(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let folder = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut attempt = 0;
    loop {
        let temporary = folder.join(format!(
            ".{name}.careersite-{}-{attempt}",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(mut file) => {
                let written = file.write_all(bytes).and_then(|()| file.sync_all());
                return match written {
                    Ok(()) => Ok(temporary),
                    Err(err) => {
                        let _ = std::fs::remove_file(&temporary);
                        Err(err)
                    }
                };
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

/// The outcome of an import: the file's new text and what changed.
pub struct Imported {
    pub text: String,
    pub summary: Summary,
}

/// What an import leaves as it was in the list it edits: each item of the list under the
/// top-level `key`, by its place in the file as read, and for each, a field of it the import
/// may rewrite (a benchmark's `requirements:`), if any.
pub struct Untouched<'a> {
    pub key: &'a str,
    pub items: Vec<(usize, Option<&'a str>)>,
}

/// Checks the edited `text` of `file` before it is written: the build must read it without a
/// problem; `holds` must find the imported part in it as intended; and, read as YAML, every
/// other top-level key and every item of `untouched` must be just as it was, in the same order.
/// A layout that the text editing misjudged is caught here, and nothing is written.
pub fn read_back<T: serde::de::DeserializeOwned + Default>(
    file: &DataFile,
    text: &str,
    untouched: &Untouched<'_>,
    holds: impl FnOnce(&T) -> bool,
) -> Result<(), Diagnostics> {
    let wrong = || {
        Diagnostic::error(format!(
            "careersite could not fit the import into {} without changing the rest of it; nothing was written",
            file.shown.display()
        ))
        .with_help("please report this, with the file; meanwhile copy the figures in by hand")
    };
    match file.parse::<T>(text) {
        Ok(value) if holds(&value) && rest_as_it_was(&file.text, text, untouched) => Ok(()),
        Ok(_) => Err(vec![wrong()]),
        Err(mut errors) => {
            errors.insert(0, wrong());
            Err(errors)
        }
    }
}

/// Whether `after` holds everything of `before` that `untouched` says the import left alone.
fn rest_as_it_was(before: &str, after: &str, untouched: &Untouched<'_>) -> bool {
    use yaml::Value;
    let (Some(Value::Mapping(before)), Some(Value::Mapping(after))) =
        (yaml::any_value(before), yaml::any_value(after))
    else {
        return false;
    };
    let key = Value::String(untouched.key.to_string());
    let others_kept = before
        .iter()
        .filter(|(name, _)| **name != key)
        .all(|(name, value)| after.get(name) == Some(value))
        && after.len() <= before.len() + usize::from(!before.contains_key(&key));
    let items = |map: &yaml::Mapping| match map.get(&key) {
        Some(Value::Sequence(items)) => items.clone(),
        _ => Vec::new(),
    };
    let without = |item: &Value, field: Option<&str>| {
        let mut item = item.clone();
        if let (Value::Mapping(map), Some(field)) = (&mut item, field) {
            map.remove(field);
        }
        item
    };
    let (old, new) = (items(&before), items(&after));
    // The untouched items must come in the new list in their old order.
    let mut rest = new.iter();
    others_kept
        && untouched.items.iter().all(|&(at, field)| {
            let Some(was) = old.get(at) else {
                return false;
            };
            let was = without(was, field);
            rest.any(|item| without(item, field) == was)
        })
}
