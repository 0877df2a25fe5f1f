//! What the render stage makes and the write stage (or `check`, which only reads it) takes:
//! one file of the built site, and the sink it is streamed into. It sits below every stage, so that each can name it without depending on
//! another.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

pub struct OutputFile {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub contents: Contents,
}

/// Where the renderer sends each file as soon as it is ready, from any thread: the writer,
/// or, for `check` and `serve`, whatever they do with it.
pub trait Sink: Sync {
    fn take(&self, file: OutputFile) -> Result<(), Diagnostic>;

    /// Whether the file the last build wrote at `path` may stand, not rendered again, for a
    /// page whose inputs have not changed. Only a writer that knows the file is still as it
    /// wrote it can say yes.
    fn keep(&self, _path: &str) -> bool {
        false
    }
}

impl<F: Fn(OutputFile) -> Result<(), Diagnostic> + Sync> Sink for F {
    fn take(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self(file)
    }
}

pub enum Contents {
    Bytes(Vec<u8>),
    /// A file copied as it is, such as a PDF under `content/`.
    Copy(PathBuf),
}
