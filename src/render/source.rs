//! A Markdown text and where it comes from. It sits below both `markdown`, which renders it,
//! and `placed`, which places its warnings at their lines.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::HeadingLevel;

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
    /// Where the text's headings sit among the headings of the page around it.
    pub headings: Headings,
}

/// Where a text's headings sit in the page that shows it, so that they nest under the
/// template's own headings rather than stand beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headings {
    /// A page's own text, under its title, the page's only `h1`: if the text uses `#`
    /// headings, every heading moves one level down.
    UnderTitle,
    /// A field of a data file, which the template shows under a heading of this level: the
    /// text's highest heading becomes one level below it (an `h3` under an `h2`, whether written
    /// `#`, `##` or `###`), and the others keep their places below that, down to `h6`.
    Under(HeadingLevel),
}

impl Headings {
    /// How many levels a text's headings move down (up, when negative), given the highest
    /// level the text uses.
    pub fn shift(self, highest: HeadingLevel) -> isize {
        match self {
            Headings::UnderTitle => isize::from(highest == HeadingLevel::H1),
            Headings::Under(enclosing) => enclosing as isize + 1 - highest as isize,
        }
    }
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
            headings: Headings::UnderTitle,
        }
    }
}
