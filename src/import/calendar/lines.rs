//! The content lines of an iCalendar file (RFC 5545, section 3.1), and the events among them.
//!
//! Only the properties of each VEVENT directly inside a VCALENDAR are kept: reminders (VALARM)
//! inside an event, tasks, journal entries and time-zone definitions are stepped over, as
//! careersite publishes none of them.

use super::CalendarError;

/// One `NAME;PARAM=VALUE:value` line, unfolded.
#[derive(Debug)]
pub(super) struct Property {
    /// In capitals: property names are case-insensitive.
    pub name: String,
    params: Vec<Param>,
    /// As written: escapes are undone by [`text`] only for the properties that are text.
    pub value: String,
    /// The file's line (1-based) where the property starts, before unfolding.
    pub line: usize,
    /// The column (1-based, in characters) where the value starts, if it is on that line.
    pub value_column: usize,
}

#[derive(Debug)]
struct Param {
    /// In capitals, as names are case-insensitive.
    name: String,
    /// Unquoted; several values stay joined by commas.
    value: String,
    column: usize,
}

impl Property {
    /// The value of the parameter `name` (in capitals), and the column where it starts.
    pub fn param(&self, name: &str) -> Option<(&str, usize)> {
        self.params
            .iter()
            .find(|param| param.name == name)
            .map(|param| (param.value.as_str(), param.column))
    }
}

/// The properties of one VEVENT, and the line of its `BEGIN:VEVENT`.
#[derive(Debug)]
pub(super) struct RawEvent {
    pub line: usize,
    pub properties: Vec<Property>,
}

/// A line after unfolding, with the number of its first physical line.
struct Logical {
    line: usize,
    text: String,
}

/// Every VEVENT of every VCALENDAR in `text`, or the first mistake in the file's structure.
pub(super) fn events(text: &str) -> Result<Vec<RawEvent>, CalendarError> {
    let mut scan = Scan::default();
    for logical in unfold(text) {
        if logical.text.trim().is_empty() {
            continue;
        }
        match parse(&logical) {
            Ok(property) => scan.take(property)?,
            // Text that is not a calendar at all, rather than a calendar with a bad line.
            Err(_) if scan.open.is_empty() && scan.calendars == 0 => {
                return Err(not_a_calendar(logical.line));
            }
            Err(error) => return Err(error),
        }
    }
    scan.finish()
}

/// Where the reading has got to: the components begun and not yet ended, outermost first.
#[derive(Default)]
struct Scan {
    open: Vec<(String, usize)>,
    current: Option<RawEvent>,
    events: Vec<RawEvent>,
    calendars: usize,
}

impl Scan {
    fn take(&mut self, property: Property) -> Result<(), CalendarError> {
        match property.name.as_str() {
            "BEGIN" => self.begin(&property),
            "END" => self.end(&property),
            _ if self.open.is_empty() => Err(outside_calendar(&property)),
            _ => {
                // Only the event's own lines: not those of a reminder inside it.
                if let Some(event) = self.current.as_mut().filter(|_| self.open.len() == 2) {
                    event.properties.push(property);
                }
                Ok(())
            }
        }
    }

    fn begin(&mut self, property: &Property) -> Result<(), CalendarError> {
        let component = property.value.trim().to_ascii_uppercase();
        if self.open.is_empty() && component != "VCALENDAR" {
            return Err(not_a_calendar(property.line));
        }
        if self.open.len() == 1 && component == "VEVENT" {
            self.current = Some(RawEvent {
                line: property.line,
                properties: Vec::new(),
            });
        }
        self.open.push((component, property.line));
        Ok(())
    }

    fn end(&mut self, property: &Property) -> Result<(), CalendarError> {
        let component = property.value.trim().to_ascii_uppercase();
        match self.open.pop() {
            None => Err(end_without_begin(property, &component)),
            Some((begun, at)) if begun != component => {
                Err(ended_too_soon(property, &component, &begun, at))
            }
            Some(_) => {
                if component == "VEVENT" && self.open.len() == 1 {
                    self.events.extend(self.current.take());
                } else if component == "VCALENDAR" {
                    self.calendars += 1;
                }
                Ok(())
            }
        }
    }

    fn finish(self) -> Result<Vec<RawEvent>, CalendarError> {
        if let Some((component, at)) = self.open.last() {
            return Err(CalendarError::new(
                *at,
                1,
                format!("the {component} begun on line {at} has no END:{component}"),
                "The file seems to have been cut short: export the calendar again and import the new file.",
            ));
        }
        if self.calendars == 0 {
            return Err(not_a_calendar(1));
        }
        Ok(self.events)
    }
}

/// Joins each line that starts with a space or tab to the one before (RFC 5545, 3.1), reading
/// CRLF or LF line endings and a leading byte order mark.
fn unfold(text: &str) -> Vec<Logical> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<Logical> = Vec::new();
    for (index, physical) in text.split('\n').enumerate() {
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        match (physical.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.text.push_str(rest),
            _ => lines.push(Logical {
                line: index + 1,
                text: physical.to_string(),
            }),
        }
    }
    lines
}

/// `NAME;PARAM=VALUE;PARAM="quoted:value":value`.
fn parse(logical: &Logical) -> Result<Property, CalendarError> {
    let text = logical.text.as_str();
    let (name, mut at) = word(text, 0);
    if name.is_empty() {
        return Err(unreadable_line(logical, 1));
    }
    let mut params = Vec::new();
    while text[at..].starts_with(';') {
        let (param, end) = parse_param(logical, at + 1)?;
        params.push(param);
        at = end;
    }
    // Each parameter was given its byte; its column is counted here, in one pass over the
    // line, since counting from the start for each would take minutes on a hostile line.
    let mut counted = (0, 1);
    for param in &mut params {
        let (byte, column) = counted;
        let to = param.column;
        counted = (to, column + text[byte..to].chars().count());
        param.column = counted.1;
    }
    if !text[at..].starts_with(':') {
        return Err(unreadable_line(logical, column(text, at)));
    }
    Ok(Property {
        name: name.to_ascii_uppercase(),
        params,
        value: text[at + 1..].to_string(),
        line: logical.line,
        value_column: column(text, at + 1),
    })
}

/// One `PARAM=VALUE` or `PARAM=VALUE,"VALUE"` from byte `start`, and where it ends.
fn parse_param(logical: &Logical, start: usize) -> Result<(Param, usize), CalendarError> {
    let text = logical.text.as_str();
    let (name, mut at) = word(text, start);
    if name.is_empty() || !text[at..].starts_with('=') {
        return Err(unreadable_line(logical, column(text, at)));
    }
    at += 1;
    let value_start = at;
    let mut values = Vec::new();
    loop {
        let (value, end) = param_value(logical, at)?;
        values.push(value);
        at = end;
        if !text[at..].starts_with(',') {
            break;
        }
        at += 1;
    }
    let param = Param {
        name: name.to_ascii_uppercase(),
        value: values.join(","),
        // The byte for now: the caller counts the columns of all a line's parameters at once.
        column: value_start,
    };
    Ok((param, at))
}

/// A parameter value from byte `start`, unquoted, and where it ends.
fn param_value(logical: &Logical, start: usize) -> Result<(&str, usize), CalendarError> {
    let text = logical.text.as_str();
    let rest = &text[start..];
    if let Some(quoted) = rest.strip_prefix('"') {
        let Some(close) = quoted.find('"') else {
            return Err(CalendarError::new(
                logical.line,
                column(text, start),
                "a value that opens with `\"` has no closing `\"`".to_string(),
                REPAIR,
            ));
        };
        return Ok((&quoted[..close], start + close + 2));
    }
    let end = rest.find([',', ';', ':']).unwrap_or(rest.len());
    Ok((&rest[..end], start + end))
}

/// The name (letters, digits and `-`) starting at byte `start`, and the byte after it.
fn word(text: &str, start: usize) -> (&str, usize) {
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    (&rest[..end], start + end)
}

/// The 1-based column, in characters, of byte `at` of `text`.
fn column(text: &str, at: usize) -> usize {
    text.get(..at)
        .map_or(1, |before| before.chars().count() + 1)
}

/// A TEXT value with its escapes undone (RFC 5545, 3.3.11): `\n` or `\N` is a new line, and
/// `\,` `\;` `\\` the character itself.
pub(super) fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(escaped @ (',' | ';' | '\\')) => out.push(escaped),
            // Not an escape RFC 5545 knows: keep what was written.
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A list of TEXT values (CATEGORIES), split at the commas that are not escaped.
pub(super) fn text_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (at, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ',' => {
                items.push(text(&value[start..at]));
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(text(&value[start..]));
    items
}

const REPAIR: &str = "The file may have been damaged or changed by hand: export the calendar again and import the new file.";

fn unreadable_line(logical: &Logical, column: usize) -> CalendarError {
    let shown: String = logical.text.chars().take(60).collect();
    CalendarError::new(
        logical.line,
        column,
        format!(
            "`{shown}` is not a calendar line: each line of an .ics file is a name, a `:` and a value, such as `SUMMARY:Careers fair`"
        ),
        REPAIR,
    )
}

fn not_a_calendar(line: usize) -> CalendarError {
    CalendarError::new(
        line,
        1,
        "this is not an iCalendar file: it should begin with BEGIN:VCALENDAR".to_string(),
        "Export the calendar as an .ics (iCalendar) file from Outlook, Google Calendar, Apple Calendar or your MIS, and import that file.",
    )
}

fn outside_calendar(property: &Property) -> CalendarError {
    CalendarError::new(
        property.line,
        1,
        format!(
            "{} is outside BEGIN:VCALENDAR and END:VCALENDAR",
            property.name
        ),
        REPAIR,
    )
}

fn end_without_begin(property: &Property, component: &str) -> CalendarError {
    CalendarError::new(
        property.line,
        1,
        format!("END:{component} ends something that was never begun"),
        REPAIR,
    )
}

fn ended_too_soon(property: &Property, component: &str, begun: &str, at: usize) -> CalendarError {
    CalendarError::new(
        property.line,
        1,
        format!("END:{component} comes before the END:{begun} of the {begun} begun on line {at}"),
        "The file seems to have been cut short or changed by hand: export the calendar again and import the new file.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Property {
        parse(&Logical {
            line: 7,
            text: line.to_string(),
        })
        .unwrap()
    }

    #[test]
    fn folded_lines_are_joined_whatever_the_line_endings() {
        // The one space or tab that marks a folded line is dropped; any after it is kept.
        let lines = unfold("\u{feff}A:1\r\nB:long\r\n  line\r\n\t, end\nC:3");
        let texts: Vec<(usize, &str)> = lines.iter().map(|l| (l.line, l.text.as_str())).collect();
        assert_eq!(texts, [(1, "A:1"), (2, "B:long line, end"), (5, "C:3")]);
    }

    #[test]
    fn names_and_parameters_are_read_whatever_their_case() {
        let property = one("dtStart;tzid=\"GMT Standard Time\";X-A=b,\"c:d\":20270128T180000");
        assert_eq!(property.name, "DTSTART");
        assert_eq!(property.param("TZID"), Some(("GMT Standard Time", 14)));
        assert_eq!(property.param("X-A"), Some(("b,c:d", 38)));
        assert_eq!(property.value, "20270128T180000");
        assert_eq!(property.value_column, 46);
    }

    #[test]
    fn a_colon_in_the_value_belongs_to_the_value() {
        assert_eq!(
            one("URL:https://example.org/a").value,
            "https://example.org/a"
        );
    }

    #[test]
    fn a_line_with_no_colon_is_explained() {
        let logical = Logical {
            line: 9,
            text: "SUMMARY Careers fair".to_string(),
        };
        let err = parse(&logical).unwrap_err();
        assert_eq!((err.line, err.column), (9, 8));
        assert!(err.message.contains("not a calendar line"), "{err:?}");
    }

    #[test]
    fn text_escapes_are_undone() {
        assert_eq!(text(r"a\, b\; c\\d\ne\Nf\x"), "a, b; c\\d\ne\nf\\x");
        assert_eq!(
            text_list(r"Careers,Parents\, carers,"),
            ["Careers", "Parents, carers", ""]
        );
    }
}
