//! The one door to YAML. serde_yaml is archived upstream; every YAML call in careersite goes
//! through this module so that a maintained fork with the same API replaces it in one line.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Location};

/// A YAML value of any shape, for free-form fields such as a page's `extra`.
pub type Value = serde_yaml::Value;

/// YAML text, and where it sits in the file the careers leader edits.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    /// The line of `file` on which `text` begins (front matter starts below its `---`).
    pub first_line: usize,
}

/// A parsed value, with a warning for each key that careersite does not know and ignored.
pub struct Parsed<T> {
    pub value: T,
    pub ignored: Vec<Diagnostic>,
}

/// Parses `source` into `T`. Types that forbid unknown fields report them as errors; the others
/// report each ignored key as a warning so that a misspelt key never passes silently.
pub fn parse<T: DeserializeOwned>(source: Source<'_>) -> Result<Parsed<T>, Diagnostic> {
    // An empty document means "nothing set", not "missing value".
    let text = if source.text.trim().is_empty() {
        "{}"
    } else {
        source.text
    };
    let mut ignored_paths = Vec::new();
    let deserializer = serde_yaml::Deserializer::from_str(text);
    let value =
        serde_ignored::deserialize(deserializer, |path| ignored_paths.push(path.to_string()))
            .map_err(|err| explain(source, &err))?;
    let ignored = ignored_paths
        .into_iter()
        .map(|path| ignored_key(source, &path))
        .collect();
    Ok(Parsed { value, ignored })
}

fn ignored_key(source: Source<'_>, path: &str) -> Diagnostic {
    let top_key = path.split(['.', '[', '?']).next().unwrap_or(path);
    let line = source
        .text
        .lines()
        .position(|line| line.starts_with(&format!("{top_key}:")))
        .map_or(1, |i| i + 1);
    Diagnostic::warning(format!("unknown field `{path}` is ignored"))
        .at(Location::at_line(
            source.file,
            source.text,
            line,
            1,
            source.first_line,
        ))
        .with_help("check its spelling, or remove it if it is not meant for careersite")
}

fn explain(source: Source<'_>, err: &serde_yaml::Error) -> Diagnostic {
    let full = err.to_string();
    // serde_yaml appends " at line L column C"; the location is shown separately.
    let message = match full.find(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let help = help_for(&message);
    let mut diagnostic = Diagnostic::error(message.clone()).in_file(source.file);
    if let Some(at) = err.location() {
        let offset =
            offending_value_offset(source.text, at.index(), &message).unwrap_or(at.index());
        diagnostic = diagnostic.at(Location::at_offset(
            source.file,
            source.text,
            offset,
            source.first_line,
        ));
    }
    diagnostic.with_help(help)
}

/// serde_yaml places errors raised while converting a value (a bad date, an unknown audience)
/// at the start of the list or mapping holding it. careersite's messages quote the value in
/// backticks, so the value itself can be found from there.
fn offending_value_offset(text: &str, reported: usize, message: &str) -> Option<usize> {
    let quoted = message.split('`').nth(1).filter(|v| !v.is_empty())?;
    let from = reported.min(text.len());
    text.get(from..)?.find(quoted).map(|i| from + i)
}

fn help_for(message: &str) -> &'static str {
    let rules: [(&str, &str); 8] = [
        (
            "unknown field",
            "check the spelling; the fields allowed here are listed above",
        ),
        ("unknown variant", "use one of the values listed above"),
        (
            "mapping values are not allowed",
            "put a space after each colon, and put any text that contains `: ` inside quotes",
        ),
        (
            "did not find expected key",
            "check the indentation: keys at the same level must line up, using spaces",
        ),
        (
            "cannot start any token",
            "YAML does not allow tabs for indentation: indent with spaces",
        ),
        (
            "duplicate entry",
            "each key may appear once: remove or rename one of them",
        ),
        (
            "repetition limit exceeded",
            "the file repeats aliases so deeply that it would expand without end; write the values out",
        ),
        (
            "invalid type",
            "check the value's shape: text, a number, a list (- item) or a set of keys",
        ),
    ];
    rules
        .iter()
        .find(|(needle, _)| message.contains(needle))
        .map_or(
            "docs/content.md describes every field and the values it takes",
            |(_, help)| *help,
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Strict {
        #[allow(dead_code)]
        name: String,
    }

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Lenient {
        name: String,
    }

    fn source(text: &str) -> Source<'_> {
        Source {
            file: Path::new("content/site.yaml"),
            text,
            first_line: 1,
        }
    }

    #[test]
    fn errors_carry_line_column_and_help() {
        let err = parse::<Strict>(source("name: A\nnmae: B\n")).err().unwrap();
        let at = err.position.unwrap();
        assert_eq!((at.line, at.column), (2, 1));
        assert!(err.message.starts_with("unknown field `nmae`"));
    }

    #[test]
    fn lines_are_counted_from_where_the_yaml_starts_in_its_file() {
        let err = parse::<Strict>(Source {
            first_line: 5,
            ..source("name: [\n")
        })
        .err()
        .unwrap();
        assert!(err.position.unwrap().line >= 5);
    }

    #[test]
    fn ignored_keys_are_warnings_at_their_line() {
        let parsed = parse::<Lenient>(source("name: A\ntags: [x]\n")).unwrap();
        assert_eq!(parsed.value.name, "A");
        assert_eq!(parsed.ignored.len(), 1);
        assert_eq!(parsed.ignored[0].position.as_ref().unwrap().line, 2);
    }

    #[test]
    fn empty_documents_take_defaults() {
        assert_eq!(parse::<Lenient>(source("  \n")).unwrap().value.name, "");
    }
}
