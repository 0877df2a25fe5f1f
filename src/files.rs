//! Reading the careers leader's files, and naming them as they would: helpers every stage may
//! use, below all of them.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Location};

/// Reads a UTF-8 text file, dropping a byte-order mark and turning Windows line endings into `\n`.
/// Far more than any page or data file a school writes. A larger file is most likely not what
/// it seems (a pasted export), and would stall every save in `serve`.
const LARGEST_TEXT_FILE: u64 = 10 * 1_048_576;

pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    use std::io::Read;
    let io = |err: std::io::Error| Diagnostic::io("read", shown, &err);
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > LARGEST_TEXT_FILE {
        return Err(Diagnostic::error(format!(
            "this file is {:.1} MB; careersite reads text files of up to {} MB",
            size as f64 / 1_048_576.0,
            LARGEST_TEXT_FILE / 1_048_576
        ))
        .in_file(shown)
        .with_help("split it into several pages; a document for download belongs in a PDF, linked from a page"));
    }
    // Read through `take`, which knows the size already: `File::read_to_end` would ask the
    // system for it twice more, for every page of the site.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(LARGEST_TEXT_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    text_of(bytes, shown)
}

/// The text of a file's `bytes` as careersite reads it: UTF-8, without a byte-order mark, with
/// Windows line endings turned into `\n`.
pub fn text_of(bytes: Vec<u8>, shown: &Path) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        Diagnostic::error("this file is not UTF-8 text")
            .at(Location {
                file: shown.to_path_buf(),
                line,
                column,
                source_line: None,
            })
            .with_help(
                "save the file as UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)",
            )
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(after_bom) => after_bom.to_string(),
        None => text,
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

/// `path` as the user would name it: relative to the site's root folder where possible.
pub fn relative_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// careersite's folder in the user's own cache folder, for what it keeps between runs (the
/// preview `serve` builds, pictures once drawn): not the temporary folder every user shares,
/// where another could put links. `None` when the system names no folder for the user.
pub fn cache_folder() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .or_else(|| std::env::var_os("LOCALAPPDATA").map(PathBuf::from))?;
    Some(cache.join("careersite"))
}
