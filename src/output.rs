//! What the render stage makes and the write stage (or `serve`, in memory) takes: one file of
//! the built site. It sits below every stage, so that each can name it without depending on
//! another.

use std::path::PathBuf;

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
