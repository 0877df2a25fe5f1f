//! Gathering findings about the content, each placed as exactly as the files allow: at the
//! line of the YAML field concerned when it is there, otherwise at the file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Location};
use crate::model::YearGroup;

/// Where a finding points: a file, and the path of keys to a field inside it, or the entry
/// for a year group in a list of years.
pub struct Place {
    file: PathBuf,
    keys: Vec<String>,
    year: Option<YearGroup>,
    /// A value written in the file, for an entry of a list that keys cannot tell apart.
    value: Option<String>,
}

impl Place {
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Place {
            file: file.into(),
            keys: Vec::new(),
            year: None,
            value: None,
        }
    }

    /// The `- year:` entry for `year` in the YAML file `file`.
    pub fn year(file: impl Into<PathBuf>, year: YearGroup) -> Self {
        Place {
            year: Some(year),
            ..Place::file(file)
        }
    }

    /// The field `keys` (outermost first) in the YAML file `file`.
    pub fn field(file: impl Into<PathBuf>, keys: &[&str]) -> Self {
        Place {
            keys: keys.iter().map(|k| k.to_string()).collect(),
            ..Place::file(file)
        }
    }

    /// The first line of the YAML file `file` where `value` is written, such as one action
    /// among many: found by its opening words, which a long value wrapped over lines keeps.
    pub fn value(file: impl Into<PathBuf>, value: &str) -> Self {
        let opening: String = value
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        Place {
            value: Some(opening),
            ..Place::file(file)
        }
    }
}

pub struct Findings<'a> {
    root: &'a Path,
    texts: HashMap<PathBuf, Option<String>>,
    pub list: Diagnostics,
}

impl<'a> Findings<'a> {
    pub fn new(root: &'a Path) -> Self {
        Findings {
            root,
            texts: HashMap::new(),
            list: Diagnostics::new(),
        }
    }

    pub fn error(&mut self, code: Code, message: &str, place: Place, help: &str) {
        let diagnostic = Diagnostic::error(message);
        self.add(diagnostic, code, place, help);
    }

    pub fn warning(&mut self, code: Code, message: &str, place: Place, help: &str) {
        let diagnostic = Diagnostic::warning(message);
        self.add(diagnostic, code, place, help);
    }

    fn add(&mut self, diagnostic: Diagnostic, code: Code, place: Place, help: &str) {
        let placed = match self.locate(&place) {
            Some(location) => diagnostic.at(location),
            None => diagnostic.in_file(&place.file),
        };
        self.list.push(placed.coded(code).with_help(help));
    }

    /// The line of the innermost of `place.keys` that the file has.
    fn locate(&mut self, place: &Place) -> Option<Location> {
        if place.keys.is_empty() && place.year.is_none() && place.value.is_none() {
            return None;
        }
        let root = self.root;
        let text = self
            .texts
            .entry(place.file.clone())
            .or_insert_with(|| std::fs::read_to_string(root.join(&place.file)).ok())
            .as_deref()?;
        let (line, column) = match (place.year, &place.value) {
            (Some(year), _) => find_year(text, year)?,
            (None, Some(value)) => find_value(text, value)?,
            (None, None) => find_keys(text, &place.keys)?,
        };
        Some(Location::at_line(&place.file, text, line, column, 1))
    }
}

/// The line and column (from 1) of the deepest of `keys` found, each key looked for among the
/// lines indented under the one before.
fn find_keys(text: &str, keys: &[String]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = None;
    let mut start = 0;
    let mut parent_indent: Option<usize> = None;
    for key in keys {
        let wanted = format!("{key}:");
        let mut hit = None;
        for (i, line) in lines.iter().enumerate().skip(start) {
            let indent = line.len() - line.trim_start().len();
            let content = line.trim_start();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if let Some(parent) = parent_indent
                && indent <= parent
            {
                break;
            }
            if content.starts_with(&wanted) {
                hit = Some((i, indent));
                break;
            }
        }
        let Some((i, indent)) = hit else {
            break;
        };
        found = Some((i + 1, indent + 1));
        start = i + 1;
        parent_indent = Some(indent);
    }
    found
}

/// The line and column of the first place `value` is written.
fn find_value(text: &str, value: &str) -> Option<(usize, usize)> {
    if value.is_empty() {
        return None;
    }
    text.lines().enumerate().find_map(|(i, line)| {
        let at = line.find(value)?;
        Some((i + 1, line[..at].chars().count() + 1))
    })
}

/// The line and column of the `year:` key whose value is `year`.
fn find_year(text: &str, year: YearGroup) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let at = line.find("year:")?;
        let before = line[..at].trim();
        let value = line[at + "year:".len()..].trim().trim_matches(['"', '\'']);
        (matches!(before, "" | "-") && YearGroup::parse(value) == Some(year))
            .then_some((i + 1, at + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_are_found_under_their_parent() {
        let text = "school:\n  name: A\ncareers_leader:\n  name: B\n  email: b@c.uk\nreview:\n  next: 2026-01-01\n";
        let keys =
            |k: &[&str]| find_keys(text, &k.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(keys(&["careers_leader", "email"]), Some((5, 3)));
        assert_eq!(keys(&["review", "next"]), Some((7, 3)));
        assert_eq!(
            keys(&["careers_leader", "phone"]),
            Some((3, 1)),
            "the parent, when the field is missing"
        );
        assert_eq!(keys(&["provider_access"]), None);
    }

    #[test]
    fn year_entries_are_found_however_the_year_is_written() {
        let text = "years:\n  - year: 7\n    theme: A\n  - year: \"Year 12\"\n";
        assert_eq!(find_year(text, YearGroup::Year(12)), Some((4, 5)));
        assert_eq!(find_year(text, YearGroup::Year(7)), Some((2, 5)));
        assert_eq!(find_year(text, YearGroup::Year(8)), None);
    }
}
