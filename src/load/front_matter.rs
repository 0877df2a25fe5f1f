//! The YAML block between `---` lines at the top of a Markdown page.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Location, Severity};
use crate::model::FrontMatter;
use crate::yaml;

/// A page's text split into its front matter and its Markdown body.
pub struct Split<'a> {
    pub front_matter: Option<&'a str>,
    /// The line (from 1) on which the front matter's YAML starts.
    pub front_matter_line: usize,
    pub body: &'a str,
    /// The line (from 1) on which the body starts.
    pub body_line: usize,
}

/// Splits `text` (already free of a BOM and of `\r\n` line endings).
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    if text.starts_with("+++") {
        return Err(Diagnostic::error("this page's front matter is TOML (between `+++` lines)")
            .at(Location::at_offset(file, text, 0, 1))
            .with_help("careersite reads YAML front matter: put it between two `---` lines and write `key: value`"));
    }
    let Some(after_open) = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
    else {
        return Ok(Split {
            front_matter: None,
            front_matter_line: 1,
            body: text,
            body_line: 1,
        });
    };
    let mut offset = 0;
    for (index, line) in after_open.split_inclusive('\n').enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            return Ok(Split {
                front_matter: Some(&after_open[..offset]),
                front_matter_line: 2,
                body: &after_open[offset + line.len()..],
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error("the front matter that starts on line 1 is never closed")
            .at(Location::at_offset(file, text, 0, 1))
            .with_help("add a line with only `---` after the last front matter line, before the page's text"),
    )
}

/// Parses the front matter, returning warnings for keys careersite ignores: front matter written
/// for another site generator still builds.
pub fn parse(file: &Path, split: &Split<'_>) -> Result<(FrontMatter, Diagnostics), Diagnostics> {
    let Some(text) = split.front_matter else {
        return Ok((FrontMatter::default(), Vec::new()));
    };
    let parsed = yaml::parse::<FrontMatter>(yaml::Source {
        file,
        text,
        first_line: split.front_matter_line,
        unknown_keys: Severity::Warning,
    })?;
    Ok((parsed.value, parsed.warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "content/a.md";

    #[test]
    fn front_matter_and_body_are_split_with_their_lines() {
        let split = split(Path::new(FILE), "---\ntitle: A\n---\n# Body\n").unwrap();
        assert_eq!(split.front_matter, Some("title: A\n"));
        assert_eq!(split.body, "# Body\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn pages_without_front_matter_are_all_body() {
        let split = split(Path::new(FILE), "Just text\n---\n").unwrap();
        assert!(split.front_matter.is_none());
        assert_eq!(split.body, "Just text\n---\n");
    }
}
