//! A Markdown text and where it comes from. It sits below both `markdown`, which renders it,
//! and `placed`, which places its warnings at their lines.

use std::collections::HashSet;
use std::path::Path;

use crate::site::Page;

/// Markdown to render, and where it comes from, for resolving its links and placing warnings.
pub struct Source<'a> {
    pub text: &'a str,
    /// The file as the user knows it.
    pub file: &'a Path,
    /// The line of `file` on which `text` starts, when known.
    pub first_line: Option<usize>,
    /// Otherwise, the whole of `file`, to find a problem's line in.
    pub file_text: Option<&'a str>,
    /// The path under `content/` that relative links start from.
    pub content_path: &'a str,
    /// How many folders deep the page showing this HTML is published.
    pub depth: usize,
    /// The school has said, in `site.yaml`, that its raw HTML may run scripts.
    pub allow_scripts: bool,
    /// Ids the theme gives elements of the page this text is shown on.
    pub theme_ids: &'a HashSet<String>,
}

impl<'a> Source<'a> {
    pub fn page(page: &'a Page, allow_scripts: bool, theme_ids: &'a HashSet<String>) -> Self {
        Source {
            text: page.body(),
            file: &page.source,
            first_line: Some(page.body_line),
            file_text: None,
            content_path: &page.content_path,
            depth: page.depth(),
            allow_scripts,
            theme_ids,
        }
    }
}
