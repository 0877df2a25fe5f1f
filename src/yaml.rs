//! The one door to YAML. Every YAML call in careersite goes through this module, to the crate
//! Cargo.toml names `serde_yaml`: yaml_serde, the YAML Organization's maintained continuation
//! of the archived serde_yaml, with the same API. Another crate with that API replaces it in
//! that one line; `tests::the_yaml_crate_words_its_errors_as_careersite_expects` pins what
//! careersite relies on in its wording (the help texts, and where a position is written).
//!
//! [`recover`] reads on past a mistake, so that every mistake in a file is reported in one run.
//! It knows nothing of the YAML crate beyond how its errors word a position, which
//! [`position_in`] reads.

pub mod edit;
pub mod json_schema;
mod nesting;
mod recover;

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use serde::de::{self, DeserializeOwned, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::{Diagnostic, Diagnostics, Location, Severity, has_errors};
pub use json_schema::also_named;
pub(crate) use json_schema::schema_as;
use recover::{Found, Problem, Recover};

/// A YAML value of any shape, for free-form fields such as a page's `extra`.
pub type Value = serde_yaml::Value;

/// The keys and values of a YAML mapping.
pub type Mapping = serde_yaml::Mapping;

/// `text` as a value of any shape, to compare two versions of a file as YAML reads them;
/// `None` if it is not YAML. A text with nothing but comments is an empty set of keys, as
/// careersite reads it.
pub fn any_value(text: &str) -> Option<Value> {
    if text.trim().is_empty() {
        return Some(Value::Mapping(Mapping::new()));
    }
    match serde_yaml::from_str(text).ok()? {
        Value::Null => Some(Value::Mapping(Mapping::new())),
        value => Some(value),
    }
}

/// YAML text, and where it sits in the file the careers leader edits.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    /// The line of `file` on which `text` begins (front matter starts below its `---`).
    pub first_line: usize,
    /// How a key careersite does not know is reported: an error in a data file; a warning in
    /// front matter, which may have been written for another site generator.
    pub unknown_keys: Severity,
}

/// A parsed value, with the warnings found on the way.
pub struct Parsed<T> {
    pub value: T,
    pub warnings: Diagnostics,
}

/// Parses `source` into `T`, reporting every problem in it, not only the first.
pub fn parse<T: DeserializeOwned>(source: Source<'_>) -> Result<Parsed<T>, Diagnostics> {
    // An empty document means "nothing set", not "missing value".
    let text = if source.text.trim().is_empty() {
        "{}"
    } else {
        source.text
    };
    if let Some(offset) = nesting::too_deep(text, DEEPEST_FLOW) {
        return Err(vec![
            Diagnostic::error(format!(
                "the lists and sets of keys here are nested more than {DEEPEST_FLOW} deep"
            ))
            .at(Location::at_offset(
                source.file,
                text,
                offset,
                source.first_line,
            ))
            .with_help("check for a `[` or `{` typed by mistake, or one never closed"),
        ]);
    }
    let (read, collected) = recover::collect(source.unknown_keys, || {
        T::deserialize(Recover::new(serde_yaml::Deserializer::from_str(text)))
    });
    let mut diagnostics: Diagnostics = collected
        .problems
        .into_iter()
        .map(|problem| located(source, problem))
        .collect();
    let value = match read {
        Ok(value) => Some(value),
        Err(err) => {
            // Reading stopped; say why, unless it stopped on a problem already reported.
            if !(collected.stopped_on_recorded && has_errors(&diagnostics)) {
                diagnostics.push(explain(source, &err));
            }
            None
        }
    };
    let diagnostics = in_order_and_counted(source.file, diagnostics, collected.unshown);
    match value {
        Some(value) if !has_errors(&diagnostics) => Ok(Parsed {
            value,
            warnings: diagnostics,
        }),
        _ => Err(diagnostics),
    }
}

/// How deep `[…]` and `{…}` may nest: far deeper than any careers data file.
const DEEPEST_FLOW: usize = 64;

fn located(source: Source<'_>, problem: Problem) -> Diagnostic {
    let help = help_for(&problem.message);
    let diagnostic = Diagnostic {
        severity: problem.severity,
        ..Diagnostic::error(problem.message)
    };
    diagnostic
        .at(Location::at_line(
            source.file,
            source.text,
            problem.line,
            problem.column,
            source.first_line,
        ))
        .with_help(help)
}

/// The problems in the order they come in the file; past [`recover::SHOWN_PER_FILE`] of them,
/// one line counting the rest.
fn in_order_and_counted(
    file: &Path,
    mut diagnostics: Diagnostics,
    mut unshown: Vec<Severity>,
) -> Diagnostics {
    diagnostics.sort_by_key(|d| {
        d.position
            .as_ref()
            .map_or((usize::MAX, 0), |at| (at.line, at.column))
    });
    let cut = diagnostics.split_off(diagnostics.len().min(recover::SHOWN_PER_FILE));
    unshown.extend(cut.iter().map(|d| d.severity));
    if let Some(&severity) = unshown.iter().min() {
        let count = unshown.len();
        let problems = if count == 1 { "problem" } else { "problems" };
        let summary = Diagnostic::error(format!("and {count} more {problems} in this file"))
            .in_file(file)
            .with_help("put right the problems above and build again to see the rest")
            .counting(count);
        diagnostics.push(Diagnostic {
            severity,
            ..summary
        });
    }
    diagnostics
}

/// Where the value an error is about lies, as (line, column) from 1 in the text read. Generic
/// reading code holds the YAML crate's error only as something it can display; serde_yaml ends
/// its message with " at line L column C", and leaves that out at the very start of the text.
fn position_in(error: &impl fmt::Display) -> (usize, usize) {
    let message = error.to_string();
    message
        .rsplit_once(" at line ")
        .and_then(|(_, at)| {
            let (line, column) = at.split_once(" column ")?;
            Some((line.parse().ok()?, column.parse().ok()?))
        })
        .unwrap_or((1, 1))
}

fn explain(source: Source<'_>, err: &serde_yaml::Error) -> Diagnostic {
    let message = plain(&err.to_string());
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

/// serde_yaml's message without the position it ends with, which is shown separately, or the
/// path of keys and item numbers it may start with (`actions[0].deadline: …`), which the line and
/// caret show better; and with serde's words for a value of the wrong kind put in careersite's.
fn plain(full: &str) -> String {
    let message = full.find(" at line ").map_or(full, |i| &full[..i]);
    let message = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(char::is_whitespace) && !path.contains('`') => rest,
        _ => message,
    };
    // "invalid type: sequence, expected a piece of text: write it…", where what follows
    // "expected" is careersite's own description of what belongs there.
    match message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        Some(("sequence", expected)) => format!("{} is not {expected}", Found::List),
        Some(("map", expected)) => format!("{} is not {expected}", Found::Keys),
        _ => message.to_string(),
    }
}

/// serde_yaml places errors raised while converting a value as a whole (an event that ends
/// before it starts) at the start of the list or mapping holding it. careersite's messages quote
/// the value in backticks, so the value itself can be found from there.
fn offending_value_offset(text: &str, reported: usize, message: &str) -> Option<usize> {
    // A missing field is not there to point at; the entry it is missing from is.
    if message.starts_with("missing field") {
        return None;
    }
    let quoted = message.split('`').nth(1).filter(|v| !v.is_empty())?;
    let from = reported.min(text.len());
    let mut found = text
        .get(from..)?
        .match_indices(quoted)
        .map(|(i, _)| from + i);
    if message.starts_with("duplicate field") {
        // The key written a second time is the one to point at: the first is where it belongs.
        let column = |at: usize| at - text[..at].rfind('\n').map_or(0, |n| n + 1);
        let is_key = |at: &usize| {
            column(*at) == column(from)
                && text[at + quoted.len()..]
                    .trim_start_matches(' ')
                    .starts_with(':')
        };
        if let Some(again) = found.clone().filter(is_key).nth(1) {
            return Some(again);
        }
    }
    found.next()
}

fn help_for(message: &str) -> &'static str {
    let rules: [(&str, &str); 9] = [
        (
            "is ignored",
            "check its spelling, or remove it if it is not meant for careersite",
        ),
        (
            "unknown field",
            "check the spelling; the fields allowed here are listed above",
        ),
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
            "duplicate field",
            "each key may appear once: remove or rename one of them",
        ),
        (
            "repetition limit exceeded",
            "the file repeats aliases so deeply that it would expand without end; write the values out",
        ),
        (
            "missing field",
            "add it: docs/content.md lists what each entry needs",
        ),
    ];
    // What the careers leader wrote is quoted in backticks; it must not choose the help.
    let unquoted: String = message.split('`').step_by(2).collect();
    rules
        .iter()
        .find(|(needle, _)| unquoted.contains(needle))
        .map_or(
            "docs/content.md describes every field and the values it takes",
            |(_, help)| *help,
        )
}

/// `text` as a YAML double-quoted scalar, for careersite to write into a file the careers
/// leader then edits (`careersite init --name`): whatever `text` holds (`: `, `#`, quotes, a
/// leading `-`) reads back as that text. Characters YAML does not allow as they are, such as
/// control characters and a byte order mark, are written as escapes.
pub fn quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            // YAML's printable characters, less the byte order mark and the line and paragraph
            // separators, which YAML 1.1 readers take for line breaks.
            ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..
                if !matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}') =>
            {
                quoted.push(c);
            }
            c if u32::from(c) <= 0xff => quoted.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    quoted.push('"');
    quoted
}

/// A value the careers leader writes as one piece of text or one number: a date, a benchmark,
/// a rating. Read with [`scalar`], usually through [`deserialize_scalar`].
pub trait Scalar: Sized {
    /// What one is, for messages: "a date".
    const WHAT: &'static str;
    /// How to write one: "write it as year-month-day, like 2025-09-01".
    const HOW: &'static str;
    /// How one is written, for the JSON Schemas that check files as they are typed
    /// (`careersite schema`). `from_text` must read every word and example it gives.
    const WRITTEN: Written;

    fn from_text(text: &str) -> Option<Self>;

    /// Why `text` is not one, where that says more than "is not {WHAT}: {HOW}" (a time the
    /// clocks skip, say). It quotes `text` in backticks, as every refusal does.
    fn refused_because(_text: &str) -> Option<String> {
        None
    }

    /// Stands in for a value that was refused, so that reading carries on past it. It is never
    /// published: a file with a refused value is refused.
    fn stand_in() -> Self;
}

/// How a [`Scalar`] is written, in the terms a JSON Schema can state.
pub enum Written {
    /// One of these words. `from_text` may read more spellings (any case, say); these are the
    /// ones an editor offers.
    Words(&'static [&'static str]),
    /// A whole number from `min` to `max`.
    Number { min: u32, max: u32 },
    /// Text such as `examples`. `pattern`, a JSON Schema (ECMAScript) regular expression, turns
    /// away the commonest mistakes as they are typed; `from_text` is the judge of the rest.
    Text {
        pattern: &'static str,
        examples: &'static [&'static str],
    },
    /// A whole number from `min` to `max`, or text such as `examples` (`7` or `Year 7`).
    NumberOrText {
        min: u32,
        max: u32,
        pattern: &'static str,
        examples: &'static [&'static str],
    },
}

/// Reads a [`Scalar`] from whatever was written there. Anything else (text in another form, a
/// number where words belong, a list) is recorded as "… is not {WHAT}: {HOW}", and past a single
/// value reading carries on with a stand-in.
pub fn scalar<'de, D: Deserializer<'de>, T: Scalar>(deserializer: D) -> Result<T, D::Error> {
    let refused = Cell::new(None);
    let visitor = ScalarVisitor {
        refused: &refused,
        kind: PhantomData::<T>,
    };
    let read = deserializer.deserialize_any(visitor);
    match (read, refused.take()) {
        (Err(err), Some((message, found))) => {
            recover::refused(err, message, Severity::Error, &found)?;
            Ok(T::stand_in())
        }
        (read, _) => read,
    }
}

/// Implements `Deserialize` through [`scalar`] for each [`Scalar`] type named, and its JSON
/// Schema from the same [`Scalar`].
macro_rules! deserialize_scalar {
    ($($type:ty),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::yaml::scalar(deserializer)
            }
        }

        impl schemars::JsonSchema for $type {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($type).into()
            }

            // Inline, so that an editor shows the field's own description beside the values.
            fn inline_schema() -> bool {
                true
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::yaml::json_schema::scalar::<$type>()
            }
        }
    )+};
}
pub(crate) use deserialize_scalar;

struct ScalarVisitor<'r, T> {
    /// What was refused, and the message saying so.
    refused: &'r Cell<Option<(String, Found)>>,
    kind: PhantomData<T>,
}

impl<T: Scalar> ScalarVisitor<'_, T> {
    fn read<E: de::Error>(self, found: Found) -> Result<T, E> {
        T::from_text(&found.as_text()).ok_or_else(|| self.refuse(found))
    }

    fn refuse<E: de::Error>(&self, found: Found) -> E {
        let specific = match &found {
            Found::Text(text) => T::refused_because(text),
            _ => None,
        };
        let message = specific.unwrap_or_else(|| recover::refusal(&found, T::WHAT, T::HOW));
        let error = E::custom(&message);
        self.refused.set(Some((message, found)));
        error
    }
}

impl<'de, T: Scalar> Visitor<'de> for ScalarVisitor<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", T::WHAT, T::HOW)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        self.read(Found::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.read(Found::number(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.read(Found::number(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<T, E> {
        self.read(Found::number(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<T, E> {
        self.read(Found::number(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        self.read(Found::number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        self.read(Found::text(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.read(Found::Nothing)
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        self.read(Found::Nothing)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<T, A::Error> {
        Err(self.refuse(Found::List))
    }

    fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<T, A::Error> {
        Err(self.refuse(Found::Keys))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, _data: A) -> Result<T, A::Error> {
        Err(self.refuse(Found::Tagged))
    }
}

/// Reads a `W` and checks it as a whole (an event's end against its start), as
/// `#[serde(try_from)]` would. When a value in it was refused, the check is left out: it would
/// judge the stand-in, not what the careers leader wrote.
pub fn checked<'de, D: Deserializer<'de>, W: de::Deserialize<'de>>(
    deserializer: D,
    check: impl FnOnce(&W) -> Result<(), String>,
) -> Result<W, D::Error> {
    let before = recover::stand_ins();
    let written = W::deserialize(deserializer)?;
    if recover::stand_ins() == before {
        check(&written).map_err(de::Error::custom)?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_text_reads_back_as_it_was() {
        for text in [
            "St Mary's: \"Lower\" School",
            "- # not a list, not a comment",
            "Back\\slash & {braces} [brackets] *stars* |pipe| >fold",
            "Ysgol Gymraeg Bro Alaw",
            "École Saint-Étienne ✓",
            "yes",
            "null",
            "007",
            "tab\there, bell\u{7}, byte order mark\u{feff}, line separator\u{2028}, next line\u{85}",
            "",
        ] {
            let written = format!("name: {}\n", super::quoted(text));
            let read: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&written).unwrap_or_else(|e| panic!("{written}: {e}"));
            assert_eq!(read["name"], text, "{written}");
        }
    }

    /// The help texts and the positions of recovered problems depend on how the YAML crate words
    /// its errors. This pins that wording, so that swapping the crate stays a one-line change
    /// whose every consequence a test names.
    #[test]
    fn the_yaml_crate_words_its_errors_as_careersite_expects() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
        // (what is written, the words the help is chosen by, whether it comes with a position)
        let cases = [
            ("a: b: c\n", "mapping values are not allowed", true),
            ("a:\n  b: 1\n c: 2\n", "did not find expected key", true),
            ("a:\n\tb: 1\n", "cannot start any token", true),
            ("a: 1\na: 2\n", "duplicate entry", true),
            (bomb, "repetition limit exceeded", false),
        ];
        for (text, words, placed) in cases {
            let err = serde_yaml::from_str::<Value>(text).unwrap_err();
            let message = err.to_string();
            assert!(message.contains(words), "{text:?}: {message}");
            assert_eq!(err.location().is_some(), placed, "{message}");
            assert_eq!(help_for(&plain(&message)), help_for(words), "{message}");
        }
        // A problem raised while reading a value ends with its position, which the reading
        // code takes from the message.
        #[derive(Debug, Deserialize)]
        struct Outer {
            #[allow(dead_code)]
            a: Inner,
        }
        #[derive(Debug, Deserialize)]
        struct Inner {
            #[allow(dead_code)]
            b: u8,
        }
        let err = serde_yaml::from_str::<Outer>("a:\n  b: many\n").unwrap_err();
        assert_eq!(position_in(&err), (2, 6), "{err}");
    }

    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Contact {
        #[allow(dead_code)]
        name: String,
        #[allow(dead_code)]
        #[serde(default)]
        phone: String,
    }

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Lenient {
        name: String,
        count: u32,
    }

    #[derive(Debug, PartialEq)]
    struct Rating(u8);

    impl Scalar for Rating {
        const WHAT: &'static str = "a rating";
        const HOW: &'static str = "use 1, 2 or 3";
        const WRITTEN: Written = Written::Number { min: 1, max: 3 };

        fn from_text(text: &str) -> Option<Self> {
            text.parse()
                .ok()
                .filter(|n| (1..=3).contains(n))
                .map(Rating)
        }

        fn stand_in() -> Self {
            Rating(1)
        }
    }

    deserialize_scalar!(Rating);

    fn source(text: &str) -> Source<'_> {
        Source {
            file: Path::new("content/site.yaml"),
            text,
            first_line: 1,
            unknown_keys: Severity::Error,
        }
    }

    fn messages(diagnostics: &[Diagnostic]) -> Vec<(usize, usize, &str)> {
        diagnostics
            .iter()
            .map(|d| {
                let at = d.position.as_deref().unwrap();
                (at.line, at.column, d.message.as_str())
            })
            .collect()
    }

    #[test]
    fn errors_carry_line_column_and_help() {
        let err = parse::<Contact>(source("name: A\nnmae: B\n"))
            .err()
            .unwrap();
        let at = err[0].position.as_ref().unwrap();
        assert_eq!((at.line, at.column), (2, 1));
        assert!(err[0].message.starts_with("unknown field `nmae`"));
        assert!(err[0].help.is_some());
    }

    #[test]
    fn lines_are_counted_from_where_the_yaml_starts_in_its_file() {
        let err = parse::<Contact>(Source {
            first_line: 5,
            ..source("name: [\n")
        })
        .err()
        .unwrap();
        assert!(err[0].position.as_ref().unwrap().line >= 5);
    }

    #[test]
    fn unknown_keys_can_be_warnings_at_their_line_and_column() {
        let parsed = parse::<Lenient>(Source {
            unknown_keys: Severity::Warning,
            ..source("name: A\n  # a comment\ntags: [x]\n")
        })
        .unwrap();
        assert_eq!(parsed.value.name, "A");
        assert_eq!(
            messages(&parsed.warnings),
            [(3, 1, "unknown field `tags` is ignored")]
        );
    }

    #[test]
    fn empty_documents_take_defaults() {
        assert_eq!(parse::<Lenient>(source("  \n")).unwrap().value.name, "");
    }

    #[test]
    fn reading_carries_on_past_each_value_of_the_wrong_kind() {
        let err = parse::<Vec<Lenient>>(source(
            "- name: A\n  count: lots\n- name: [B]\n- count: 4\n  nmae: C\n",
        ))
        .err()
        .unwrap();
        assert_eq!(
            messages(&err),
            [
                (
                    2,
                    10,
                    "`lots` is not a whole number of 0 or more: write it in figures, such as 120"
                ),
                (
                    3,
                    9,
                    "a list is not a piece of text: write the text straight after the colon, without `-` or brackets"
                ),
            ],
            "a list where text belongs ends the reading: the reader is inside it"
        );
    }

    #[test]
    fn a_scalar_is_named_back_in_its_own_terms_and_reading_carries_on() {
        let err = parse::<Vec<Rating>>(source("[1, high, 4, [2]]\n"))
            .err()
            .unwrap();
        assert_eq!(
            messages(&err),
            [
                (1, 5, "`high` is not a rating: use 1, 2 or 3"),
                (1, 11, "`4` is not a rating: use 1, 2 or 3"),
                (1, 14, "a list is not a rating: use 1, 2 or 3"),
            ]
        );
        let ok = parse::<Vec<Rating>>(source("[1, '2', 3]")).ok().unwrap();
        assert_eq!(ok.value, [Rating(1), Rating(2), Rating(3)]);
    }

    #[test]
    fn a_whole_is_not_checked_when_a_value_in_it_was_refused() {
        #[derive(Debug)]
        struct Span;
        impl<'de> Deserialize<'de> for Span {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                checked(d, |ratings: &Vec<Rating>| match ratings.as_slice() {
                    [from, to] if from.0 > to.0 => {
                        Err(format!("`{}` comes before `{}`", to.0, from.0))
                    }
                    _ => Ok(()),
                })
                .map(|_| Span)
            }
        }
        let refused = |text| parse::<Vec<Span>>(source(text)).err().unwrap();
        assert_eq!(
            messages(&refused("- [3, 2]\n"))[0].2,
            "`2` comes before `3`"
        );
        assert_eq!(
            messages(&refused("- [3, x]\n- [2, 0]\n")),
            [
                (1, 7, "`x` is not a rating: use 1, 2 or 3"),
                (2, 7, "`0` is not a rating: use 1, 2 or 3")
            ]
        );
    }

    #[test]
    fn past_fifty_problems_the_rest_are_counted() {
        let text = "- count: x\n".repeat(53);
        let err = parse::<Vec<Lenient>>(source(&text)).err().unwrap();
        assert_eq!(err.len(), 51);
        assert_eq!(err[49].position.as_ref().unwrap().line, 50);
        assert_eq!(err[50].message, "and 3 more problems in this file");
        assert!(err[50].is_error());
    }

    #[test]
    fn positions_are_read_from_the_end_of_the_message() {
        assert_eq!(
            position_in(&"a: `at line 9 column 9` at line 3 column 7"),
            (3, 7)
        );
        assert_eq!(position_in(&"at the very start"), (1, 1));
    }

    #[test]
    fn messages_lose_the_path_of_keys_and_serde_s_words() {
        assert_eq!(
            plain("actions[0].deadline: `x` is not a deadline: write a date at line 2 column 3"),
            "`x` is not a deadline: write a date"
        );
        assert_eq!(
            plain("title: invalid type: sequence, expected a piece of text: write it"),
            "a list is not a piece of text: write it"
        );
        assert_eq!(
            plain("the event's end (`x`) and start: no"),
            "the event's end (`x`) and start: no"
        );
    }
}
