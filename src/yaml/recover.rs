//! Reading on past a mistake, so that every mistake in a file is reported in one run.
//!
//! serde stops at the first error. [`Recover`] stands between the YAML reader and the types being
//! read. When one value is of the wrong kind (text where a number belongs, a single value where a
//! list belongs, a key careersite does not know), it records the problem at the position the
//! reader gave it and hands the type a stand-in, so reading carries on. A file with a problem is
//! refused all the same, so a stand-in is never published.
//!
//! A list or a set of keys where one value belongs is recorded too, but ends the reading of the
//! file: the reader has stepped into it and cannot be moved past its end from outside.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::Severity;

/// Problems kept per file. A hostile file may hold a million; past this many they are counted.
pub const SHOWN_PER_FILE: usize = 50;

/// A problem found while reading, at a line and column (from 1) of the text read.
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub severity: Severity,
}

/// What reading one text found, besides its value.
pub struct Collected {
    pub problems: Vec<Problem>,
    /// How serious each problem past the first [`SHOWN_PER_FILE`] is, which is all that is kept.
    pub unshown: Vec<Severity>,
    /// Reading stopped on a problem already recorded, or on one that follows from it (a stand-in
    /// its type could not use, a field missing because its key was misspelt).
    pub stopped_on_recorded: bool,
    unknown_keys: Severity,
    unknown_keys_found: usize,
}

thread_local! {
    // serde gives a type nothing but the deserializer, so the problems found while reading one
    // text are gathered beside it, on the thread doing the reading.
    static COLLECTED: RefCell<Option<Collected>> = const { RefCell::new(None) };
}

/// Runs `read`, collecting the problems found while it reads. A key careersite does not know is
/// reported as `unknown_keys`: an error in a data file, a warning in front matter, which may have
/// been written for another site generator.
pub fn collect<T>(unknown_keys: Severity, read: impl FnOnce() -> T) -> (T, Collected) {
    COLLECTED.with(|collected| collected.replace(Some(Collected::new(unknown_keys))));
    let value = read();
    let collected = COLLECTED.with(RefCell::take);
    (
        value,
        collected.unwrap_or_else(|| Collected::new(unknown_keys)),
    )
}

impl Collected {
    fn new(unknown_keys: Severity) -> Self {
        Collected {
            problems: Vec::new(),
            unshown: Vec::new(),
            stopped_on_recorded: false,
            unknown_keys,
            unknown_keys_found: 0,
        }
    }
}

fn with_collected<R>(f: impl FnOnce(&mut Collected) -> R) -> Option<R> {
    COLLECTED.with(|collected| collected.borrow_mut().as_mut().map(f))
}

/// Records a value refused while reading, given the error the reader raised for it, and says
/// whether reading can carry on past it: it can past one value, not past a list or a set of keys,
/// and not when nothing is being collected. The error comes back when it cannot.
pub fn refused<E: fmt::Display>(
    error: E,
    message: String,
    severity: Severity,
    found: &Found,
) -> Result<(), E> {
    if !found.is_one_value() {
        return Err(stopped_by(error, message, severity));
    }
    if record(&error, message, severity) {
        Ok(())
    } else {
        Err(error)
    }
}

/// Records the problem that ends the reading, and gives back the error that ends it.
fn stopped_by<E: fmt::Display>(error: E, message: String, severity: Severity) -> E {
    if record(&error, message, severity) {
        stopped_on_recorded();
    }
    error
}

fn record(error: &impl fmt::Display, message: String, severity: Severity) -> bool {
    with_collected(|collected| {
        if collected.problems.len() < SHOWN_PER_FILE {
            let (line, column) = super::position_in(error);
            collected.problems.push(Problem {
                line,
                column,
                message,
                severity,
            });
        } else {
            collected.unshown.push(severity);
        }
    })
    .is_some()
}

/// How many values have been replaced by stand-ins so far in the text being read.
pub fn stand_ins() -> usize {
    with_collected(|collected| {
        collected.problems.len() + collected.unshown.len() - collected.unknown_keys_found
    })
    .unwrap_or(0)
}

fn stopped_on_recorded() {
    with_collected(|collected| collected.stopped_on_recorded = true);
}

fn unknown_keys() -> Severity {
    with_collected(|collected| collected.unknown_keys).unwrap_or(Severity::Error)
}

fn unknown_keys_found() -> usize {
    with_collected(|collected| collected.unknown_keys_found).unwrap_or(0)
}

/// What the careers leader wrote, as far as a message needs to name it.
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Nothing,
    List,
    Keys,
    Tagged,
}

impl Found {
    pub fn text(text: &str) -> Self {
        Found::Text(text.to_string())
    }

    pub fn number(number: impl fmt::Display) -> Self {
        Found::Number(number.to_string())
    }

    /// Whether the reader is already past it, so that reading can carry on after it.
    pub fn is_one_value(&self) -> bool {
        !matches!(self, Found::List | Found::Keys | Found::Tagged)
    }

    /// The value written, for a type that reads values from their text.
    pub fn as_text(&self) -> String {
        match self {
            Found::Text(text) | Found::Number(text) => text.clone(),
            Found::Bool(yes) => yes.to_string(),
            Found::Nothing | Found::List | Found::Keys | Found::Tagged => String::new(),
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Text(text) if text.trim().is_empty() => f.write_str("an empty value"),
            Found::Text(text) | Found::Number(text) => write!(f, "`{}`", shortened(text)),
            Found::Bool(yes) => write!(f, "`{yes}`"),
            Found::Nothing => f.write_str("an empty value"),
            Found::List => f.write_str("a list"),
            Found::Keys => f.write_str("a set of keys"),
            Found::Tagged => f.write_str("a value marked with a YAML tag (`!`)"),
        }
    }
}

/// A long value named in a message: its first line, and no more than fits on it.
fn shortened(text: &str) -> String {
    const LONGEST: usize = 60;
    let text = text.trim();
    let first_line = text.lines().next().unwrap_or("");
    if first_line.len() == text.len() && text.chars().count() <= LONGEST {
        return text.to_string();
    }
    let start: String = first_line.chars().take(LONGEST).collect();
    format!("{start}…")
}

/// The message for a value that is not what the field takes: `found` is not `what`: `how`.
pub fn refusal(found: &Found, what: &str, how: &str) -> String {
    format!("{found} is not {what}: {how}")
}

/// What a type asked the reader for.
#[derive(Clone, Copy)]
enum Wanted {
    /// Whatever is there: the type checks it itself.
    Any,
    Text,
    /// The name of a field of a struct with these fields.
    Key(&'static [&'static str]),
    Bool,
    Whole {
        least: i128,
        most: i128,
    },
    Number,
    List,
    /// A struct with these fields, or a map when `None`.
    Keys(Option<&'static [&'static str]>),
}

impl Wanted {
    fn what(self) -> &'static str {
        match self {
            Wanted::Any => "a value",
            Wanted::Text => "a piece of text",
            Wanted::Key(_) => "the name of a field",
            Wanted::Bool => "`true` or `false`",
            Wanted::Whole { least: 0, .. } => "a whole number of 0 or more",
            Wanted::Whole { .. } => "a whole number",
            Wanted::Number => "a number",
            Wanted::List => "a list",
            Wanted::Keys(_) => "a set of `key: value` lines",
        }
    }

    fn how(self) -> String {
        match self {
            Wanted::Any => "see docs/content.md".to_string(),
            Wanted::Text => {
                "write the text straight after the colon, without `-` or brackets".to_string()
            }
            Wanted::Key(fields) => format!("the fields here are {}", either(fields)),
            Wanted::Bool => "write `true` for yes or `false` for no".to_string(),
            Wanted::Whole { .. } => "write it in figures, such as 120".to_string(),
            Wanted::Number => "write it in figures, such as 75".to_string(),
            Wanted::List => "put each item on a line of its own starting with `- `, or write them all in square brackets, like [5, 6]".to_string(),
            Wanted::Keys(Some(fields)) => {
                format!("this takes {}, each on a line of its own", either(fields))
            }
            Wanted::Keys(None) => "write each as `key: value` on a line of its own".to_string(),
        }
    }

    fn refusal(self, found: &Found) -> (String, Severity) {
        match (self, found) {
            (Wanted::Key(fields), Found::Text(key)) => match unknown_keys() {
                Severity::Error => {
                    let message = <de::value::Error as de::Error>::unknown_field(key, fields);
                    (message.to_string(), Severity::Error)
                }
                severity => (format!("unknown field `{key}` is ignored"), severity),
            },
            _ => (refusal(found, self.what(), &self.how()), Severity::Error),
        }
    }

    fn takes_integer(self, number: i128) -> bool {
        match self {
            Wanted::Any | Wanted::Number => true,
            Wanted::Whole { least, most } => (least..=most).contains(&number),
            _ => false,
        }
    }

    /// Hands `visitor` a value of the kind it wants, in place of `found`, which it did not.
    fn stand_in<'de, V: Visitor<'de>, E: de::Error>(
        self,
        visitor: V,
        found: &Found,
    ) -> Result<V::Value, E> {
        match self {
            Wanted::Bool => visitor.visit_bool(false),
            Wanted::Whole { .. } => visitor.visit_u64(0),
            Wanted::Number => visitor.visit_f64(0.0),
            Wanted::List => visitor.visit_seq(nothing_listed()),
            Wanted::Keys(_) => visitor.visit_map(no_keys()),
            // An unknown key goes on to a type that ignores it; text is never refused.
            Wanted::Any | Wanted::Text | Wanted::Key(_) => visitor.visit_string(found.as_text()),
        }
    }
}

/// `a`, `b` or `c`.
fn either(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

fn nothing_listed<E: de::Error>() -> SeqDeserializer<std::iter::Empty<()>, E> {
    SeqDeserializer::new(std::iter::empty())
}

fn no_keys<'de, E: de::Error>() -> MapDeserializer<'de, std::iter::Empty<((), ())>, E> {
    MapDeserializer::new(std::iter::empty())
}

/// A deserializer that reads on past a value of the wrong kind.
pub struct Recover<D> {
    inner: D,
    /// When `inner` reads the key of a struct: the struct's fields.
    fields: Option<&'static [&'static str]>,
}

impl<D> Recover<D> {
    pub fn new(inner: D) -> Self {
        Recover {
            inner,
            fields: None,
        }
    }
}

impl<'de, D: Deserializer<'de>> Recover<D> {
    /// Asks `inner` for what `wanted` describes, through `read`, with `visitor` behind a guard
    /// that refuses a value of another kind before the visitor sees it, so that the visitor is
    /// still there to be given a stand-in.
    fn guarded<V: Visitor<'de>>(
        self,
        wanted: Wanted,
        visitor: V,
        read: impl FnOnce(D, Guard<'_, V>) -> Result<V::Value, D::Error>,
    ) -> Result<V::Value, D::Error> {
        let mut refused = None;
        let reader_refused = Cell::new(false);
        let guard = Guard {
            visitor,
            wanted,
            refused: &mut refused,
            reader_refused: &reader_refused,
        };
        match (read(self.inner, guard), refused) {
            (Err(error), Some(refused)) => carry_on(error, wanted, refused),
            (Err(error), None) if reader_refused.get() => {
                // The reader refused a list or a set of keys itself, in serde's words.
                let message = super::plain(&error.to_string());
                Err(stopped_by(error, message, Severity::Error))
            }
            (result, _) => result,
        }
    }
}

/// Records the refused value and, past one value, hands its visitor a stand-in.
fn carry_on<'de, V: Visitor<'de>, E: de::Error>(
    error: E,
    wanted: Wanted,
    refused: Refused<V>,
) -> Result<V::Value, E> {
    let Refused {
        visitor,
        found,
        message,
        severity,
    } = refused;
    self::refused(error, message, severity, &found)?;
    if matches!(wanted, Wanted::Key(_)) {
        with_collected(|collected| collected.unknown_keys_found += 1);
    }
    wanted
        .stand_in(visitor, &found)
        .inspect_err(|_| stopped_on_recorded())
}

macro_rules! guarded {
    ($($method:ident => $wanted:expr, $read:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.guarded($wanted, visitor, |inner, guard| inner.$read(guard))
        }
    )*};
}

macro_rules! whole {
    ($($method:ident: $type:ty;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            let wanted = Wanted::Whole { least: <$type>::MIN.into(), most: <$type>::MAX.into() };
            self.guarded(wanted, visitor, |inner, guard| inner.deserialize_any(guard))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Recover<D> {
    type Error = D::Error;

    // A number, a yes or no, a list or a set of keys is read as whatever is there, so that the
    // guard sees what was written and can name it; text is read as text, so that it keeps the
    // form it was written in (`01632`, `1.50`).
    guarded! {
        deserialize_any => Wanted::Any, deserialize_any;
        deserialize_bool => Wanted::Bool, deserialize_any;
        deserialize_f32 => Wanted::Number, deserialize_any;
        deserialize_f64 => Wanted::Number, deserialize_any;
        deserialize_char => Wanted::Text, deserialize_char;
        deserialize_str => Wanted::Text, deserialize_str;
        deserialize_string => Wanted::Text, deserialize_string;
        deserialize_option => Wanted::Any, deserialize_option;
        deserialize_seq => Wanted::List, deserialize_any;
        deserialize_map => Wanted::Keys(None), deserialize_any;
    }

    whole! {
        deserialize_i8: i8;
        deserialize_i16: i16;
        deserialize_i32: i32;
        deserialize_i64: i64;
        deserialize_u8: u8;
        deserialize_u16: u16;
        deserialize_u32: u32;
        deserialize_u64: u64;
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_bytes(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_byte_buf(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_unit(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.guarded(Wanted::Any, visitor, |inner, guard| {
            inner.deserialize_newtype_struct(name, guard)
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.guarded(Wanted::Keys(Some(fields)), visitor, |inner, guard| {
            inner.deserialize_any(guard)
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let wanted = self.fields.map_or(Wanted::Text, Wanted::Key);
        self.guarded(wanted, visitor, |inner, guard| {
            inner.deserialize_identifier(guard)
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_ignored_any(visitor)
    }
}

/// A value the guard refused, with the visitor it kept back.
struct Refused<V> {
    visitor: V,
    found: Found,
    message: String,
    severity: Severity,
}

/// Stands before a visitor and lets through only what `wanted` describes.
struct Guard<'r, V> {
    visitor: V,
    wanted: Wanted,
    refused: &'r mut Option<Refused<V>>,
    /// The reader asked what was wanted, which it does to refuse a value without offering it.
    reader_refused: &'r Cell<bool>,
}

impl<V> Guard<'_, V> {
    fn refuse<E: de::Error, T>(self, found: Found) -> Result<T, E> {
        let (message, severity) = self.wanted.refusal(&found);
        let error = E::custom(&message);
        *self.refused = Some(Refused {
            visitor: self.visitor,
            found,
            message,
            severity,
        });
        Err(error)
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Guard<'_, V> {
    type Value = V::Value;

    /// Completes the YAML reader's own message for a value of the wrong kind, which careersite
    /// rewrites as "… is not {what}: {how}".
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reader_refused.set(true);
        write!(f, "{}: {}", self.wanted.what(), self.wanted.how())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any | Wanted::Bool => self.visitor.visit_bool(v),
            _ => self.refuse(Found::Bool(v)),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        if self.wanted.takes_integer(v.into()) {
            self.visitor.visit_i64(v)
        } else {
            self.refuse(Found::number(v))
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        if self.wanted.takes_integer(v.into()) {
            self.visitor.visit_u64(v)
        } else {
            self.refuse(Found::number(v))
        }
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any => self.visitor.visit_i128(v),
            _ => self.refuse(Found::number(v)),
        }
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any => self.visitor.visit_u128(v),
            _ => self.refuse(Found::number(v)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any | Wanted::Number => self.visitor.visit_f64(v),
            _ => self.refuse(Found::number(v)),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any | Wanted::Text => self.visitor.visit_str(v),
            Wanted::Key(fields) if fields.contains(&v) => self.visitor.visit_str(v),
            _ => self.refuse(Found::text(v)),
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any | Wanted::Text => self.visitor.visit_borrowed_str(v),
            Wanted::Key(fields) if fields.contains(&v) => self.visitor.visit_borrowed_str(v),
            _ => self.refuse(Found::text(v)),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any | Wanted::Text => self.visitor.visit_string(v),
            Wanted::Key(fields) if fields.contains(&v.as_str()) => self.visitor.visit_string(v),
            _ => self.refuse(Found::Text(v)),
        }
    }

    /// An empty value is an empty list or set of keys, as the YAML reader itself reads one.
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any => self.visitor.visit_unit(),
            Wanted::List => self.visitor.visit_seq(nothing_listed()),
            Wanted::Keys(_) => self.visitor.visit_map(no_keys()),
            _ => self.refuse(Found::Nothing),
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        match self.wanted {
            Wanted::Any => self.visitor.visit_none(),
            _ => self.visit_unit(),
        }
    }

    fn visit_some<D2: Deserializer<'de>>(self, inner: D2) -> Result<V::Value, D2::Error> {
        self.visitor.visit_some(Recover::new(inner))
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, inner: D2) -> Result<V::Value, D2::Error> {
        self.visitor.visit_newtype_struct(Recover::new(inner))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        match self.wanted {
            Wanted::Any | Wanted::List => self.visitor.visit_seq(RecoverSeq(seq)),
            _ => self.refuse(Found::List),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let fields = match self.wanted {
            Wanted::Keys(fields) => fields,
            Wanted::Any => None,
            _ => return self.refuse(Found::Keys),
        };
        let mut map = RecoverMap {
            inner: map,
            fields,
            unknown_keys: false,
            finished: false,
        };
        let result = self.visitor.visit_map(&mut map);
        // Once every key is read, a struct fails only for a field it lacks; after a misspelt
        // key, that is the same mistake again.
        if result.is_err() && map.finished && map.unknown_keys {
            stopped_on_recorded();
        }
        result
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        match self.wanted {
            Wanted::Any => self.visitor.visit_enum(data),
            _ => self.refuse(Found::Tagged),
        }
    }
}

/// The items of a list, each read through [`Recover`].
struct RecoverSeq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for RecoverSeq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Recovering { seed, fields: None })
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// The keys and values of a set of keys, each read through [`Recover`].
struct RecoverMap<A> {
    inner: A,
    /// The struct's fields, when it is one.
    fields: Option<&'static [&'static str]>,
    /// A key was not one of `fields`.
    unknown_keys: bool,
    /// Every key has been read.
    finished: bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for RecoverMap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let before = unknown_keys_found();
        let fields = self.fields;
        let key = self.inner.next_key_seed(Recovering { seed, fields })?;
        self.unknown_keys |= unknown_keys_found() > before;
        self.finished = key.is_none();
        Ok(key)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.inner
            .next_value_seed(Recovering { seed, fields: None })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A seed whose value is read through [`Recover`].
struct Recovering<S> {
    seed: S,
    fields: Option<&'static [&'static str]>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Recovering<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Recover {
            inner,
            fields: self.fields,
        })
    }
}
