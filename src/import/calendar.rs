//! Reading a school's calendar file (iCalendar, RFC 5545, as Outlook, Google Calendar, Apple
//! Calendar and school MIS export it) into events for `content/events.yaml`.
//!
//! This module only reads text: writing the events is for its caller. It keeps only what a
//! public careers page may show: an event's title, times, place, description and categories.
//! Attendees, organisers, contacts and programs' own `X-` properties are never read, and an
//! event marked private or confidential is left out whole, so none of them can reach the site.
//!
//! Times are converted to UK time, to the minute, as events.yaml writes them. A repeating event
//! becomes one event for each occurrence in a window of dates (the academic year), each with an
//! identity of its own, so that importing the calendar again updates the events it made rather
//! than adding them twice.

mod lines;
mod recurrence;
mod time;

use std::collections::HashMap;
use std::fmt;

use jiff::civil::Date;

use crate::model::When;
use crate::yaml::Scalar;
use lines::{Property, RawEvent};
use recurrence::{MOST_OCCURRENCES, RuleProblem, TooMany};
use time::{Duration, Moment, Uk};

/// What a calendar file holds for the site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// In order of start, then identity.
    pub events: Vec<CalendarEvent>,
    /// What careersite did not import, and why, in the order of the file.
    pub left_out: Vec<LeftOut>,
    /// Events the calendar now withholds (cancelled, or made private), which must come off the
    /// site if an earlier import brought them in.
    pub withheld: Vec<Withheld>,
}

/// An event, or one occurrence, that the calendar withholds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withheld {
    /// The identity it was imported with: an event's UID, which stands for all its
    /// occurrences too, or one occurrence's `UID#2027-01-28`.
    pub uid: String,
    /// Why: "cancelled in the calendar".
    pub reason: String,
}

impl Withheld {
    /// Whether an event imported as `uid` is this one, or one of its occurrences.
    pub fn covers(&self, uid: &str) -> bool {
        uid == self.uid
            || uid
                .strip_prefix(self.uid.as_str())
                .is_some_and(|rest| rest.starts_with('#'))
    }
}

/// One event, or one occurrence of a repeating event, ready for events.yaml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The calendar's UID for an event that happens once; for each occurrence of a repeating
    /// event, the UID and the UK date the occurrence was first set for (`UID#2027-01-28`), which
    /// stays the same when the occurrence is moved.
    pub uid: String,
    pub title: String,
    /// A whole day, or a UK time to the minute.
    pub start: When,
    /// The last day of an event of several days, or the end time of a timed one; none for a
    /// single whole day or an event that ends as it starts.
    pub end: Option<When>,
    pub location: String,
    /// As the calendar wrote it: plain text, with its line breaks.
    pub description: String,
    pub categories: Vec<String>,
}

/// An event in the calendar that careersite did not import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The line of the event's `BEGIN:VEVENT`.
    pub line: usize,
    /// Its title in the calendar, if it has one; none for a private event, whose title may
    /// say what it is.
    pub title: String,
    /// Why, in words for a careers leader: "marked private in the calendar".
    pub reason: String,
}

/// A calendar file careersite cannot read, where (1-based) and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarError {
    pub line: usize,
    pub column: usize,
    /// What is wrong, without the line: "DTSTART `20271301` is not a date: there is no month 13".
    pub message: String,
    /// How to put it right.
    pub help: String,
}

impl CalendarError {
    fn new(line: usize, column: usize, message: String, help: &str) -> Self {
        CalendarError {
            line,
            column,
            message,
            help: help.to_string(),
        }
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for CalendarError {}

/// The events of the calendar `text`, with each repeating event's occurrences whose UK dates
/// fall in `window` (first and last days included); an event that happens once is kept
/// whatever its date. A mistake anywhere in the file is an error, so that nothing is imported
/// from a file that was not read as it was meant.
pub fn read(text: &str, window: (Date, Date)) -> Result<Calendar, CalendarError> {
    let raw = lines::events(text)?;
    let components = raw
        .iter()
        .map(Component::read)
        .collect::<Result<Vec<_>, _>>()?;
    let mut reading = Reading {
        window,
        events: Vec::new(),
        left_out: Vec::new(),
        withheld: Vec::new(),
    };
    for series in by_uid(components) {
        reading.series(series)?;
    }
    Ok(reading.finish())
}

/// One VEVENT, holding only the properties careersite reads. Its times are read when needed,
/// as a private or cancelled event is left out whatever they say.
struct Component<'a> {
    line: usize,
    uid: String,
    title: Option<String>,
    description: Option<String>,
    location: Option<String>,
    categories: Option<Vec<String>>,
    cancelled: bool,
    private: bool,
    start: Option<&'a Property>,
    end: Option<&'a Property>,
    duration: Option<&'a Property>,
    rules: Vec<&'a Property>,
    exdates: Vec<&'a Property>,
    rdates: Vec<&'a Property>,
    exrule: Option<&'a Property>,
    recurrence_id: Option<&'a Property>,
}

impl<'a> Component<'a> {
    fn read(raw: &'a RawEvent) -> Result<Self, CalendarError> {
        let mut component = Component {
            line: raw.line,
            uid: String::new(),
            title: None,
            description: None,
            location: None,
            categories: None,
            cancelled: false,
            private: false,
            start: None,
            end: None,
            duration: None,
            rules: Vec::new(),
            exdates: Vec::new(),
            rdates: Vec::new(),
            exrule: None,
            recurrence_id: None,
        };
        for property in &raw.properties {
            component.take(property);
        }
        if component.uid.is_empty() {
            return Err(CalendarError::new(
                raw.line,
                1,
                "the event begun here has no UID, which every event in a calendar file has"
                    .to_string(),
                "Export the calendar again from the calendar program itself: a file made or changed by hand may have lost its UIDs.",
            ));
        }
        Ok(component)
    }

    /// Keeps `property` if careersite reads it. Anything else (ATTENDEE, ORGANIZER, CONTACT,
    /// `X-` properties, free or busy) is not even looked at.
    fn take(&mut self, property: &'a Property) {
        let text = || lines::text(&property.value).trim().to_string();
        match property.name.as_str() {
            "UID" => self.uid = text(),
            "SUMMARY" => self.title = Some(text()),
            "DESCRIPTION" => self.description = Some(text()),
            "LOCATION" => self.location = Some(text()),
            "CATEGORIES" => self
                .categories
                .get_or_insert_with(Vec::new)
                .extend(lines::text_list(&property.value)),
            // RFC 5545 (3.8.1.3): a class a program does not know is taken as private.
            "CLASS" => {
                self.private = !matches!(text().to_ascii_uppercase().as_str(), "PUBLIC" | "")
            }
            "STATUS" => self.cancelled = text().eq_ignore_ascii_case("CANCELLED"),
            "DTSTART" => self.start = Some(property),
            "DTEND" => self.end = Some(property),
            "DURATION" => self.duration = Some(property),
            "RRULE" => self.rules.push(property),
            "EXDATE" => self.exdates.push(property),
            "RDATE" => self.rdates.push(property),
            "EXRULE" => self.exrule = Some(property),
            "RECURRENCE-ID" => self.recurrence_id = Some(property),
            _ => {}
        }
    }

    fn title(&self) -> String {
        self.title.clone().unwrap_or_default()
    }

    fn repeats(&self) -> bool {
        !self.rules.is_empty() || !self.rdates.is_empty() || self.exrule.is_some()
    }

    /// When the event starts, and how long it lasts: from DTEND or DURATION, or `fallback`
    /// (the repeating event's, for an occurrence that gives neither).
    fn times(&self, fallback: Option<Duration>) -> Result<Times, Problem> {
        let Some(start) = self.start else {
            return Err(Problem::Error(CalendarError::new(
                self.line,
                1,
                "the event begun here has no DTSTART, so careersite cannot tell when it is"
                    .to_string(),
                "Give the event a start in the calendar and export it again.",
            )));
        };
        let start = time::moment(start)?;
        let length = match (self.end, self.duration) {
            (Some(end), _) => Some(length(&start, &time::moment(end)?, end.line)?),
            (None, Some(duration)) => Some(time::duration(duration)?),
            (None, None) => fallback,
        };
        Ok(Times { start, length })
    }
}

/// The components of each UID together, in the order the file first names each.
fn by_uid(components: Vec<Component<'_>>) -> Vec<Vec<Component<'_>>> {
    let mut series: Vec<Vec<Component<'_>>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for component in components {
        match index.get(&component.uid) {
            Some(&at) => series[at].push(component),
            None => {
                index.insert(component.uid.clone(), series.len());
                series.push(vec![component]);
            }
        }
    }
    series
}

/// When an event starts, and for how long.
struct Times {
    start: Moment,
    /// None for a single whole day, or a time with no end.
    length: Option<Duration>,
}

/// How long an event that starts at `start` and ends at `end` lasts: whole days between two
/// dates, or exact seconds between two times (which may be in different zones).
fn length(start: &Moment, end: &Moment, line: usize) -> Result<Duration, Problem> {
    match (start, end) {
        (Moment::Day(start), Moment::Day(end)) => {
            let days = start.until(*end).map_or(0, |span| span.get_days());
            Ok(Duration {
                days: i64::from(days),
                seconds: 0,
            })
        }
        (Moment::Time(..), Moment::Time(..)) => match (start.zoned(), end.zoned()) {
            (Some(start), Some(end)) => Ok(Duration {
                days: 0,
                seconds: end.timestamp().as_second() - start.timestamp().as_second(),
            }),
            _ => Err(too_far_away()),
        },
        _ => Err(Problem::LeftOut(format!(
            "its start and its end (line {line}) must both be whole days or both be times"
        ))),
    }
}

/// Why an event is not imported: the file is wrong, or this event cannot be.
enum Problem {
    Error(CalendarError),
    LeftOut(String),
    /// Cancelled or private: left out, and taken off the site if imported before.
    Withheld {
        uid: String,
        reason: String,
        private: bool,
    },
}

impl From<CalendarError> for Problem {
    fn from(error: CalendarError) -> Self {
        Problem::Error(error)
    }
}

fn too_far_away() -> Problem {
    Problem::LeftOut("its dates are too far away to be those of an event".to_string())
}

/// The events found so far, each with the line of the VEVENT it came from.
struct Reading {
    window: (Date, Date),
    events: Vec<(usize, CalendarEvent)>,
    left_out: Vec<LeftOut>,
    withheld: Vec<Withheld>,
}

/// A component that changes one occurrence of a repeating event, and the RECURRENCE-ID that
/// names the occurrence by the start it had before.
struct Change<'a> {
    id: &'a Property,
    component: Component<'a>,
}

impl Change<'_> {
    /// The occurrence it changes: the start that occurrence had before.
    fn original(&self) -> Result<Moment, Problem> {
        Ok(time::moment(self.id)?)
    }

    /// Whether it changes every occurrence from its own on (RANGE=THISANDFUTURE), which
    /// careersite does not follow: which of the event's fields and times carry on is a guess.
    fn changes_the_rest(&self) -> bool {
        self.id
            .param("RANGE")
            .is_some_and(|(range, _)| range.eq_ignore_ascii_case("THISANDFUTURE"))
    }
}

/// One occurrence: where it was first set for, and the component (the repeating event's, or
/// the one that changes this occurrence) that says what it is.
struct Occurrence<'c, 'a> {
    original: Moment,
    component: &'c Component<'a>,
    times: Times,
}

impl Reading {
    /// Every event of one UID: the event itself and the components that change its
    /// occurrences (RECURRENCE-ID), which may come without it.
    fn series(&mut self, components: Vec<Component<'_>>) -> Result<(), CalendarError> {
        let mut masters = Vec::new();
        let mut changes = Vec::new();
        for component in components {
            match component.recurrence_id {
                Some(id) => changes.push(Change { id, component }),
                None => masters.push(component),
            }
        }
        let mut masters = masters.into_iter();
        let Some(master) = masters.next() else {
            for change in &changes {
                let outcome = self.lone_change(change);
                self.settle(outcome, &change.component, "")?;
            }
            return Ok(());
        };
        for duplicate in masters {
            let reason = format!(
                "the event on line {} has the same UID, and careersite keeps that one",
                master.line
            );
            self.leave_out(&duplicate, "", reason);
        }
        let outcome = self.master(&master, &changes);
        self.settle(outcome, &master, "")
    }

    /// Turns a problem with `component` into an error or a note of what was left out.
    fn settle(
        &mut self,
        outcome: Result<(), Problem>,
        component: &Component<'_>,
        fallback_title: &str,
    ) -> Result<(), CalendarError> {
        match outcome {
            Ok(()) => Ok(()),
            Err(Problem::Error(error)) => Err(error),
            Err(Problem::LeftOut(reason)) => {
                self.leave_out(component, fallback_title, reason);
                Ok(())
            }
            Err(Problem::Withheld {
                uid,
                reason,
                private,
            }) => {
                // A private event's title may say what it is (a staff matter, a pupil's
                // meeting), so not even the import's own summary repeats it.
                let title = match (private, &component.title) {
                    (true, _) => String::new(),
                    (false, Some(title)) => title.clone(),
                    (false, None) => fallback_title.to_string(),
                };
                self.left_out.push(LeftOut {
                    line: component.line,
                    title,
                    reason: reason.clone(),
                });
                self.withheld.push(Withheld { uid, reason });
                Ok(())
            }
        }
    }

    fn leave_out(&mut self, component: &Component<'_>, fallback_title: &str, reason: String) {
        let title = component.title.as_deref().unwrap_or(fallback_title);
        self.left_out.push(LeftOut {
            line: component.line,
            title: title.to_string(),
            reason,
        });
    }

    /// An event and the changes to its occurrences.
    fn master<'c, 'a>(
        &mut self,
        master: &'c Component<'a>,
        changes: &'c [Change<'a>],
    ) -> Result<(), Problem> {
        whether_published(master)?;
        if master.title.as_deref().is_none_or(str::is_empty) {
            return Err(Problem::LeftOut(
                "it has no title (SUMMARY), which every event in events.yaml needs".to_string(),
            ));
        }
        if let Some(change) = changes.iter().find(|change| change.changes_the_rest()) {
            return Err(Problem::LeftOut(format!(
                "a change on line {} applies to every occurrence after it (RANGE=THISANDFUTURE), which careersite cannot follow: add its dates to events.yaml by hand",
                change.id.line
            )));
        }
        let times = master.times(None)?;
        if !master.repeats() {
            return self.once(master, times, changes);
        }
        let starts = self.occurrences(master, &times)?;
        let mut occurrences: Vec<Occurrence<'c, 'a>> = starts
            .into_iter()
            .map(|start| Occurrence {
                original: start.clone(),
                component: master,
                times: Times {
                    start,
                    length: times.length,
                },
            })
            .collect();
        for change in changes {
            let outcome = self.change(change, times.length, &mut occurrences);
            self.settle(outcome, &change.component, &master.title())
                .map_err(Problem::Error)?;
        }
        for occurrence in occurrences {
            let outcome = self.occurrence(master, &occurrence);
            self.settle(outcome, occurrence.component, &master.title())
                .map_err(Problem::Error)?;
        }
        Ok(())
    }

    /// An event that happens once, kept whatever its date; a change to it (which some
    /// programs write for a single event) replaces it.
    fn once(
        &mut self,
        master: &Component<'_>,
        times: Times,
        changes: &[Change<'_>],
    ) -> Result<(), Problem> {
        for change in changes {
            if change.original()?.names_same(&times.start) {
                let change = &change.component;
                whether_published(change)?;
                let changed = change.times(times.length)?;
                return self.publish(master.uid.clone(), change, master, &changed);
            }
        }
        self.publish(master.uid.clone(), master, master, &times)
    }

    /// The starts of a repeating event's occurrences in the window, in the event's own zone:
    /// its rule's and its extra dates (RDATE), less the dates it excludes (EXDATE).
    fn occurrences(&self, master: &Component<'_>, times: &Times) -> Result<Vec<Moment>, Problem> {
        if let Some(exrule) = master.exrule {
            return Err(Problem::LeftOut(format!(
                "it leaves out occurrences by a rule (EXRULE, line {}), which careersite cannot expand: add its dates to events.yaml by hand",
                exrule.line
            )));
        }
        let wanted = |moment: &Moment| self.in_window(moment);
        let mut starts = match master.rules.as_slice() {
            [] => Vec::new(),
            [rule] => {
                let rule = read_rule(rule, &times.start)?;
                rule.expand(&times.start, self.window, wanted).map_err(|TooMany| {
                    Problem::LeftOut(format!(
                        "it repeats more than {MOST_OCCURRENCES} times between {} and {}: add the dates that matter to events.yaml by hand",
                        self.window.0.strftime("%-d %B %Y"),
                        self.window.1.strftime("%-d %B %Y"),
                    ))
                })?
            }
            [_, second, ..] => {
                return Err(Problem::LeftOut(format!(
                    "it has more than one repeat rule (the second on line {}), which careersite cannot combine: add its dates to events.yaml by hand",
                    second.line
                )));
            }
        };
        if master.rules.is_empty() && wanted(&times.start) {
            starts.push(times.start.clone());
        }
        for rdate in &master.rdates {
            if rdate
                .param("VALUE")
                .is_some_and(|(value, _)| value.eq_ignore_ascii_case("PERIOD"))
            {
                return Err(Problem::LeftOut(format!(
                    "it gives extra occurrences as periods (RDATE, line {}), which careersite cannot read: add its dates to events.yaml by hand",
                    rdate.line
                )));
            }
            for extra in time::moments(rdate)? {
                if wanted(&extra) && !starts.iter().any(|start| start.names_same(&extra)) {
                    starts.push(extra);
                }
            }
        }
        let mut excluded = Vec::new();
        for exdate in &master.exdates {
            excluded.extend(time::moments(exdate)?);
        }
        starts.retain(|start| !excluded.iter().any(|ex| ex.names_same(start)));
        Ok(starts)
    }

    /// Applies `change` (a component with RECURRENCE-ID) to the occurrence it names: it moves
    /// or alters it, or cancels it, or (for one not among them, but in the window) adds it.
    fn change<'c, 'a>(
        &self,
        change: &'c Change<'a>,
        length: Option<Duration>,
        occurrences: &mut Vec<Occurrence<'c, 'a>>,
    ) -> Result<(), Problem> {
        let original = change.original()?;
        let found = occurrences
            .iter()
            .position(|occurrence| occurrence.original.names_same(&original));
        if found.is_none() && !self.in_window(&original) {
            return Ok(());
        }
        if let Some(at) = found {
            occurrences.remove(at);
        }
        let component = &change.component;
        // Named as the occurrence was imported: by its UK date.
        let uk_date = original.in_uk().map_or(original.date(), |uk| uk.date());
        let occurrence_uid = format!("{}#{uk_date}", component.uid);
        if component.private {
            return Err(Problem::Withheld {
                uid: occurrence_uid,
                reason: private_reason(),
                private: true,
            });
        }
        if component.cancelled {
            return Err(Problem::Withheld {
                uid: occurrence_uid,
                reason: format!(
                    "cancelled in the calendar for {}",
                    original.date().strftime("%-d %B %Y")
                ),
                private: false,
            });
        }
        occurrences.push(Occurrence {
            times: component.times(length)?,
            original,
            component,
        });
        Ok(())
    }

    /// A change to an occurrence of an event the calendar does not hold (a single occurrence
    /// shared with the school, say): kept if its original date is in the window.
    fn lone_change(&mut self, change: &Change<'_>) -> Result<(), Problem> {
        let original = change.original()?;
        if !self.in_window(&original) {
            return Ok(());
        }
        let change = &change.component;
        whether_published(change)?;
        let occurrence = Occurrence {
            times: change.times(None)?,
            original,
            component: change,
        };
        self.occurrence(change, &occurrence)
    }

    /// Adds an occurrence, named by the event's UID and the UK date it was first set for.
    fn occurrence(
        &mut self,
        master: &Component<'_>,
        occurrence: &Occurrence<'_, '_>,
    ) -> Result<(), Problem> {
        let original = occurrence.original.in_uk().ok_or_else(too_far_away)?;
        let uid = format!("{}#{}", master.uid, original.date());
        self.publish(uid, occurrence.component, master, &occurrence.times)
    }

    /// Adds the event `component` describes (its title and so on taken from `master` where it
    /// gives none), at `times`.
    fn publish(
        &mut self,
        uid: String,
        component: &Component<'_>,
        master: &Component<'_>,
        times: &Times,
    ) -> Result<(), Problem> {
        let title = component
            .title
            .clone()
            .filter(|title| !title.is_empty())
            .or_else(|| master.title.clone())
            .unwrap_or_default();
        if title.is_empty() {
            return Err(Problem::LeftOut(
                "it has no title (SUMMARY), which every event in events.yaml needs".to_string(),
            ));
        }
        let (start, end) = uk_times(times)?;
        let inherit = |own: &Option<String>, master: &Option<String>| {
            own.clone().or_else(|| master.clone()).unwrap_or_default()
        };
        let event = CalendarEvent {
            uid,
            title,
            start: publishable(start)?,
            end: end.map(publishable).transpose()?,
            location: inherit(&component.location, &master.location),
            description: inherit(&component.description, &master.description),
            categories: categories(component.categories.as_ref().or(master.categories.as_ref())),
        };
        self.events.push((component.line, event));
        Ok(())
    }

    fn in_window(&self, moment: &Moment) -> bool {
        moment
            .in_uk()
            .is_some_and(|uk| (self.window.0..=self.window.1).contains(&uk.date()))
    }

    /// The events in order of start and identity, each identity once.
    fn finish(mut self) -> Calendar {
        self.events.sort_by(|(_, a), (_, b)| {
            (a.start.sort_key(), &a.uid).cmp(&(b.start.sort_key(), &b.uid))
        });
        let mut seen = std::collections::HashSet::new();
        let mut events = Vec::new();
        for (line, event) in self.events {
            if seen.insert(event.uid.clone()) {
                events.push(event);
            } else {
                self.left_out.push(LeftOut {
                    line,
                    title: event.title,
                    reason: format!(
                        "the calendar has it twice (as `{}`), and careersite imports it once",
                        event.uid
                    ),
                });
            }
        }
        self.left_out.sort_by_key(|left_out| left_out.line);
        Calendar {
            events,
            left_out: self.left_out,
            withheld: self.withheld,
        }
    }
}

/// Whether an event may be published: not private, not cancelled.
fn whether_published(component: &Component<'_>) -> Result<(), Problem> {
    if component.private {
        return Err(Problem::Withheld {
            uid: component.uid.clone(),
            reason: private_reason(),
            private: true,
        });
    }
    if component.cancelled {
        return Err(Problem::Withheld {
            uid: component.uid.clone(),
            reason: "cancelled in the calendar".to_string(),
            private: false,
        });
    }
    Ok(())
}

fn private_reason() -> String {
    "marked private in the calendar".to_string()
}

fn read_rule(property: &Property, start: &Moment) -> Result<recurrence::Rule, Problem> {
    let zone = match start {
        Moment::Time(_, zone) => zone.clone(),
        Moment::Day(_) => jiff::tz::TimeZone::UTC,
    };
    recurrence::parse(&property.value, &zone).map_err(|problem| match problem {
        RuleProblem::Unsupported(part) => Problem::LeftOut(format!(
            "its repeat rule (line {}) uses {part}, which careersite cannot expand: add its dates to events.yaml by hand",
            property.line
        )),
        RuleProblem::Unreadable(why) => Problem::Error(CalendarError::new(
            property.line,
            property.value_column,
            format!("RRULE `{}` is not a repeat rule careersite can read: {why}", property.value.trim()),
            "Check how the event repeats in the calendar and export it again.",
        )),
    })
}

/// The start and end in the UK: a whole day's end is the last day (iCalendar's DTEND is the
/// day after), and an end that is the start is no end.
fn uk_times(times: &Times) -> Result<(Uk, Option<Uk>), Problem> {
    let start = times.start.in_uk().ok_or_else(too_far_away)?;
    let Some(length) = times.length else {
        return Ok((start, None));
    };
    let end = match &times.start {
        Moment::Day(day) => {
            let days = length.days + length.seconds.div_euclid(86_400);
            let last = day
                .checked_add(
                    jiff::Span::new()
                        .try_days(days - 1)
                        .map_err(|_| too_far_away())?,
                )
                .map_err(|_| too_far_away())?;
            Uk::Day(last)
        }
        Moment::Time(..) => {
            let zoned = times.start.zoned().ok_or_else(too_far_away)?;
            time::uk_minute(&length.after(&zoned).ok_or_else(too_far_away)?)
        }
    };
    match end {
        // A whole day that "ends" on the day it starts (DTEND written as DTSTART) is one day.
        Uk::Day(last) if last < start.date() && length.days == 0 => Ok((start, None)),
        _ if end < start => Err(Problem::LeftOut(
            "it ends before it starts in the calendar".to_string(),
        )),
        _ if end == start => Ok((start, None)),
        _ => Ok((start, Some(end))),
    }
}

/// The time as events.yaml takes it, if it takes it (it refuses a year that is most likely a
/// typo), with events.yaml's own words if not.
fn publishable(time: Uk) -> Result<When, Problem> {
    let text = match time {
        Uk::Day(day) => day.to_string(),
        Uk::Time(time) => time.strftime("%Y-%m-%dT%H:%M").to_string(),
    };
    When::parse(&text).map_err(|_| {
        Problem::LeftOut(
            When::refused_because(&text)
                .unwrap_or_else(|| format!("`{text}` is not a date events.yaml can take")),
        )
    })
}

/// Trimmed, without blanks or repeats, in the calendar's order.
fn categories(categories: Option<&Vec<String>>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for category in categories.into_iter().flatten() {
        let category = category.trim();
        if !category.is_empty() && !kept.iter().any(|k| k == category) {
            kept.push(category.to_string());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const SCHOOL: &str = include_str!("../../tests/fixtures/import/school-calendar.ics");

    /// The academic year 2026–27.
    const YEAR: (Date, Date) = (date(2026, 9, 1), date(2027, 8, 31));

    /// A calendar holding `events` (VEVENT text, with LF line endings).
    fn calendar(events: &str) -> String {
        format!("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n{events}END:VCALENDAR\n")
    }

    fn read_events(events: &str) -> Calendar {
        read(&calendar(events), YEAR).unwrap()
    }

    fn error(events: &str) -> CalendarError {
        read(&calendar(events), YEAR).unwrap_err()
    }

    /// Each event as `start end title`, as events.yaml would write its times.
    fn summary(calendar: &Calendar) -> Vec<String> {
        calendar
            .events
            .iter()
            .map(|event| {
                let end = event.end.map(|end| end.to_string()).unwrap_or_default();
                format!("{} {end} {}", event.start, event.title)
            })
            .collect()
    }

    fn event<'c>(calendar: &'c Calendar, uid: &str) -> &'c CalendarEvent {
        calendar
            .events
            .iter()
            .find(|event| event.uid == uid)
            .unwrap_or_else(|| panic!("no event {uid} in {calendar:#?}"))
    }

    const DROP_IN: &str = "040000008200E00074C5B7101A82E00800000000D0F1C2A3B4E5DC01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90";

    #[test]
    fn a_school_calendar_exported_from_outlook_is_read_whole() {
        let calendar = read(SCHOOL, YEAR).unwrap();
        assert_eq!(
            summary(&calendar),
            [
                "2026-09-16T12:30 2026-09-16T13:15 Careers drop-in",
                "2026-09-23T12:30 2026-09-23T13:15 Careers drop-in",
                "2026-09-30T12:30 2026-09-30T13:15 Careers drop-in",
                "2026-10-07T12:30 2026-10-07T13:15 Careers drop-in",
                "2026-10-14T12:30 2026-10-14T13:15 Careers drop-in",
                "2026-10-21T12:30 2026-10-21T13:15 Careers drop-in",
                "2026-11-04T12:30 2026-11-04T13:15 Careers drop-in",
                "2026-11-10T18:00 2026-11-10T19:00 Studying in the USA: a university talk",
                "2026-11-11T12:30 2026-11-11T13:15 Careers drop-in",
                "2026-11-19T13:00 2026-11-19T13:45 Careers drop-in (moved to Thursday)",
                "2026-11-25T12:30 2026-11-25T13:15 Careers drop-in",
                "2026-12-02T12:30 2026-12-02T13:15 Careers drop-in",
                "2026-12-09T12:30 2026-12-09T13:15 Careers drop-in",
                "2026-12-16T12:30 2026-12-16T13:15 Careers drop-in",
                "2027-01-28T18:00 2027-01-28T20:00 Year 9 options evening",
                "2027-03-01T08:45 2027-03-01T09:25 National Careers Week assembly",
                "2027-03-11T09:00 2027-03-11T12:00 Year 12 mock interviews with local employers",
                "2027-06-28 2027-07-02 Year 10 work experience week",
            ]
        );
        let left_out: Vec<(usize, &str, &str)> = calendar
            .left_out
            .iter()
            .map(|left| (left.line, left.title.as_str(), left.reason.as_str()))
            .collect();
        assert_eq!(
            left_out,
            [
                (107, "", "marked private in the calendar"),
                (117, "Employer breakfast", "cancelled in the calendar"),
            ]
        );
    }

    #[test]
    fn text_is_unescaped_and_folded_lines_are_joined() {
        let calendar = read(SCHOOL, YEAR).unwrap();
        let drop_in = event(&calendar, &format!("{DROP_IN}#2026-09-16"));
        assert_eq!(
            drop_in.description,
            "Drop in at lunchtime to talk about your next steps, apprenticeships, college courses or university; no appointment needed.\n\nBring your careers log."
        );
        assert_eq!(drop_in.location, "Library");
        assert_eq!(drop_in.categories, ["Careers", "Pupils"]);
    }

    #[test]
    fn attendees_and_organisers_never_reach_the_site() {
        let everything = format!("{:?}", read(SCHOOL, YEAR).unwrap());
        for private in [
            "mailto",
            "p.shah",
            "Priya Shah",
            "Daniel Okoro",
            "year9-parents",
            "01632",
            "<html>",
            "BUSY",
            "Reminder",
            "Book the hall",
        ] {
            assert!(!everything.contains(private), "{private} in {everything}");
        }
    }

    #[test]
    fn a_private_or_confidential_event_is_left_out_whole() {
        for class in ["PRIVATE", "CONFIDENTIAL", "private", "X-STAFF-ONLY"] {
            let calendar = read_events(&format!(
                "BEGIN:VEVENT\nUID:a\nCLASS:{class}\nSUMMARY:Staff briefing\nDTSTART:20261006T153000\nEND:VEVENT\n"
            ));
            assert!(calendar.events.is_empty(), "{class}");
            assert_eq!(
                calendar.left_out,
                [LeftOut {
                    line: 4,
                    // Not even the summary repeats a private event's title.
                    title: String::new(),
                    reason: "marked private in the calendar".to_string(),
                }]
            );
        }
        let public = read_events(
            "BEGIN:VEVENT\nUID:a\nCLASS:PUBLIC\nSUMMARY:Careers fair\nDTSTART:20261006\nEND:VEVENT\n",
        );
        assert_eq!(summary(&public), ["2026-10-06  Careers fair"]);
    }

    #[test]
    fn a_whole_day_event_ends_the_day_before_dtend() {
        let calendar = read(SCHOOL, YEAR).unwrap();
        let week = event(
            &calendar,
            "8d2f4a60-1c3b-4e5f-a7b9-0d1e2f3a4b5c@riverside-academy.sch.uk",
        );
        assert_eq!(week.start.to_string(), "2027-06-28");
        assert_eq!(
            week.end.map(|end| end.to_string()).as_deref(),
            Some("2027-07-02")
        );
        // One day: DTEND is the next day, or (as some programs write it) the same day, or absent.
        let one_day = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Careers fair\nDTSTART;VALUE=DATE:20270128\nDTEND;VALUE=DATE:20270129\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nSUMMARY:Mock results day\nDTSTART;VALUE=DATE:20270129\nDTEND;VALUE=DATE:20270129\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:c\nSUMMARY:Open day\nDTSTART;VALUE=DATE:20270130\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&one_day),
            [
                "2027-01-28  Careers fair",
                "2027-01-29  Mock results day",
                "2027-01-30  Open day"
            ]
        );
    }

    #[test]
    fn times_in_other_zones_are_converted_to_uk_time() {
        let calendar = read(SCHOOL, YEAR).unwrap();
        let talk = event(&calendar, "3k1m9q2r7t5v8x0z4b6d@google.com");
        // 1 pm in New York is 6 pm in London in November.
        assert_eq!(talk.start.to_string(), "2026-11-10T18:00");
        let summer = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Online talk\nDTSTART;TZID=America/New_York:20270615T130000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nSUMMARY:Webinar\nDTSTART:20270615T120000Z\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:c\nSUMMARY:Parents' evening\nDTSTART:20270616T180000\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&summer),
            [
                "2027-06-15T13:00  Webinar",
                "2027-06-15T18:00  Online talk",
                "2027-06-16T18:00  Parents' evening",
            ]
        );
    }

    #[test]
    fn an_outlook_windows_zone_is_read() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Talk from Berlin\nDTSTART;TZID=W. Europe Standard Time:20270120T190000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nSUMMARY:Talk from Paris\nDTSTART;TZID=\"Romance Standard Time\":20270121T190000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:c\nSUMMARY:Talk from New York\nDTSTART;TZID=Eastern Standard Time:20270122T130000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:d\nSUMMARY:Options evening\nDTSTART;TZID=GMT Standard Time:20270616T180000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:e\nSUMMARY:Webinar\nDTSTART;TZID=UTC:20270617T180000\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&calendar),
            [
                "2027-01-20T18:00  Talk from Berlin",
                "2027-01-21T18:00  Talk from Paris",
                "2027-01-22T18:00  Talk from New York",
                "2027-06-16T18:00  Options evening",
                "2027-06-17T19:00  Webinar",
            ]
        );
    }

    #[test]
    fn a_time_zone_careersite_cannot_place_is_an_error_naming_it() {
        let err = error(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Talk\nDTSTART;TZID=Customized Time Zone:20270120T190000\nEND:VEVENT\n",
        );
        assert_eq!((err.line, err.column), (7, 14));
        assert_eq!(
            err.message,
            "DTSTART is in the time zone `Customized Time Zone`, which careersite does not know"
        );
        assert!(err.help.contains("Europe/London"), "{}", err.help);
        assert!(err.help.contains("UTC"), "{}", err.help);
    }

    #[test]
    fn a_duration_gives_the_end_when_there_is_no_dtend() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Mock interviews\nDTSTART:20270311T090000\nDURATION:PT2H\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nSUMMARY:Taster lesson\nDTSTART:20270312T090000\nDURATION:PT1H30M\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:c\nSUMMARY:Careers fair\nDTSTART;VALUE=DATE:20270313\nDURATION:P1D\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:d\nSUMMARY:Residential\nDTSTART;VALUE=DATE:20270315\nDURATION:P3D\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:e\nSUMMARY:Night shift taster\nDTSTART:20270319T220000\nDURATION:PT8H\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&calendar),
            [
                "2027-03-11T09:00 2027-03-11T11:00 Mock interviews",
                "2027-03-12T09:00 2027-03-12T10:30 Taster lesson",
                "2027-03-13  Careers fair",
                "2027-03-15 2027-03-17 Residential",
                "2027-03-19T22:00 2027-03-20T06:00 Night shift taster",
            ]
        );
    }

    #[test]
    fn a_weekly_event_stays_at_six_across_the_clock_change() {
        // The clocks go back on 25 October 2026.
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:club\nSUMMARY:Careers club\nDTSTART;TZID=Europe/London:20261021T180000\nDTEND;TZID=Europe/London:20261021T190000\nRRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&calendar),
            [
                "2026-10-21T18:00 2026-10-21T19:00 Careers club",
                "2026-10-28T18:00 2026-10-28T19:00 Careers club",
            ]
        );
    }

    #[test]
    fn a_weekly_event_set_in_another_zone_keeps_that_zones_clock() {
        // New York's clocks go back a week after the UK's, so for that week the talk is an
        // hour earlier in the UK.
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:talk\nSUMMARY:Online talk\nDTSTART;TZID=America/New_York:20261021T130000\nRRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&calendar),
            [
                "2026-10-21T18:00  Online talk",
                "2026-10-28T17:00  Online talk",
                "2026-11-04T18:00  Online talk",
            ]
        );
    }

    #[test]
    fn each_occurrence_is_named_by_its_uid_and_original_date() {
        let calendar = read(SCHOOL, YEAR).unwrap();
        let uids: Vec<&str> = calendar
            .events
            .iter()
            .filter_map(|event| event.uid.strip_prefix(DROP_IN))
            .collect();
        assert_eq!(
            uids,
            [
                "#2026-09-16",
                "#2026-09-23",
                "#2026-09-30",
                "#2026-10-07",
                "#2026-10-14",
                "#2026-10-21",
                "#2026-11-04",
                "#2026-11-11",
                "#2026-11-18",
                "#2026-11-25",
                "#2026-12-02",
                "#2026-12-09",
                "#2026-12-16",
            ]
        );
        let options = "b7a6c1e0-3f2d-4d8e-9a51-2c7f0e4d9b13@riverside-academy.sch.uk";
        assert_eq!(event(&calendar, options).title, "Year 9 options evening");
    }

    #[test]
    fn an_occurrence_moved_by_recurrence_id_keeps_its_original_identity() {
        let calendar = read(SCHOOL, YEAR).unwrap();
        let moved = event(&calendar, &format!("{DROP_IN}#2026-11-18"));
        assert_eq!(moved.title, "Careers drop-in (moved to Thursday)");
        assert_eq!(moved.start.to_string(), "2026-11-19T13:00");
        assert_eq!(moved.location, "Room S12");
        assert_eq!(
            moved.description,
            "Moved to Thursday this week: the library is closed for mock exams."
        );
        // What the change does not say, it keeps from the repeating event.
        assert_eq!(moved.categories, ["Careers", "Pupils"]);
    }

    #[test]
    fn an_excluded_date_is_not_imported() {
        let calendar = read(SCHOOL, YEAR).unwrap();
        let half_term = format!("{DROP_IN}#2026-10-28");
        assert!(calendar.events.iter().all(|event| event.uid != half_term));
    }

    #[test]
    fn a_cancelled_occurrence_is_left_out_and_said_so() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:club\nSUMMARY:Careers club\nDTSTART:20261007T180000\nRRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:club\nRECURRENCE-ID:20261014T180000\nSTATUS:CANCELLED\nDTSTART:20261014T180000\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&calendar),
            [
                "2026-10-07T18:00  Careers club",
                "2026-10-21T18:00  Careers club"
            ]
        );
        assert_eq!(
            calendar.left_out,
            [LeftOut {
                line: 10,
                title: "Careers club".to_string(),
                reason: "cancelled in the calendar for 14 October 2026".to_string(),
            }]
        );
    }

    #[test]
    fn extra_dates_are_added_to_a_repeating_event() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:club\nSUMMARY:Careers club\nDTSTART:20261007T180000\nRRULE:FREQ=WEEKLY;COUNT=2\nRDATE:20261009T180000,20261014T180000\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&calendar),
            [
                "2026-10-07T18:00  Careers club",
                "2026-10-09T18:00  Careers club",
                "2026-10-14T18:00  Careers club",
            ]
        );
    }

    #[test]
    fn repeats_careersite_cannot_follow_are_left_out() {
        for (events, reason) in [
            (
                "BEGIN:VEVENT\nUID:a\nSUMMARY:Club\nDTSTART:20261007T180000\nRRULE:FREQ=WEEKLY\nEXRULE:FREQ=MONTHLY\nEND:VEVENT\n",
                "(EXRULE, line 9)",
            ),
            (
                "BEGIN:VEVENT\nUID:a\nSUMMARY:Club\nDTSTART:20261007T180000\nRDATE;VALUE=PERIOD:20261009T180000Z/PT1H\nEND:VEVENT\n",
                "(RDATE, line 8)",
            ),
            (
                "BEGIN:VEVENT\nUID:a\nSUMMARY:Club\nDTSTART:20261007T180000\nRRULE:FREQ=WEEKLY\nRRULE:FREQ=MONTHLY\nEND:VEVENT\n",
                "(the second on line 9)",
            ),
            (
                "BEGIN:VEVENT\nUID:a\nSUMMARY:Club\nDTSTART:20261007T180000\nRRULE:FREQ=WEEKLY\nEND:VEVENT\n\
                 BEGIN:VEVENT\nUID:a\nRECURRENCE-ID;RANGE=THISANDFUTURE:20261014T180000\nDTSTART:20261014T190000\nEND:VEVENT\n",
                "a change on line 12 applies to every occurrence after it (RANGE=THISANDFUTURE)",
            ),
        ] {
            let calendar = read_events(events);
            assert!(
                calendar
                    .left_out
                    .iter()
                    .any(|left| left.reason.contains(reason)),
                "{reason}: {calendar:#?}"
            );
        }
    }

    #[test]
    fn a_time_the_uk_clocks_skip_is_read_as_after_the_jump() {
        // The clocks go forward from 1:00 to 2:00 on 28 March 2027; 1:30 never shows.
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Early start\nDTSTART:20270328T013000\nEND:VEVENT\n",
        );
        assert_eq!(summary(&calendar), ["2027-03-28T02:30  Early start"]);
    }

    #[test]
    fn only_the_occurrences_in_the_window_are_imported() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:fair\nSUMMARY:Careers fair\nDTSTART;VALUE=DATE:20250305\nRRULE:FREQ=YEARLY\nEND:VEVENT\n",
        );
        assert_eq!(summary(&calendar), ["2027-03-05  Careers fair"]);
        assert_eq!(calendar.events[0].uid, "fair#2027-03-05");
    }

    #[test]
    fn outlooks_second_thursday_of_the_month_is_expanded() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:m\nSUMMARY:Parents' careers clinic\nDTSTART;TZID=GMT Standard Time:20260910T170000\nRRULE:FREQ=MONTHLY;COUNT=4;BYDAY=TH;BYSETPOS=2\nEND:VEVENT\n",
        );
        assert_eq!(
            summary(&calendar),
            [
                "2026-09-10T17:00  Parents' careers clinic",
                "2026-10-08T17:00  Parents' careers clinic",
                "2026-11-12T17:00  Parents' careers clinic",
                "2026-12-10T17:00  Parents' careers clinic",
            ]
        );
    }

    #[test]
    fn a_repeat_rule_careersite_cannot_expand_is_left_out_naming_the_part_and_line() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Study skills\nDTSTART:20260907T090000\nRRULE:FREQ=YEARLY;BYWEEKNO=20\nEND:VEVENT\n",
        );
        assert!(calendar.events.is_empty());
        assert_eq!(
            calendar.left_out,
            [LeftOut {
                line: 4,
                title: "Study skills".to_string(),
                reason: "its repeat rule (line 8) uses BYWEEKNO, which careersite cannot expand: add its dates to events.yaml by hand".to_string(),
            }]
        );
        let hourly = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Drop-in\nDTSTART:20260907T090000\nRRULE:FREQ=HOURLY;COUNT=3\nEND:VEVENT\n",
        );
        assert!(
            hourly.left_out[0].reason.contains("uses FREQ=HOURLY"),
            "{hourly:?}"
        );
    }

    #[test]
    fn a_runaway_rule_is_left_out() {
        let two_years = (date(2026, 9, 1), date(2028, 8, 31));
        let text = calendar(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Lunch club\nDTSTART:20260901T123000\nRRULE:FREQ=DAILY\nEND:VEVENT\n",
        );
        let calendar = read(&text, two_years).unwrap();
        assert!(calendar.events.is_empty());
        assert_eq!(
            calendar.left_out[0].reason,
            "it repeats more than 500 times between 1 September 2026 and 31 August 2028: add the dates that matter to events.yaml by hand"
        );
    }

    #[test]
    fn an_event_that_happens_once_is_kept_whatever_its_date_in_2000_to_2100() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Careers fair 2019\nDTSTART;VALUE=DATE:20190314\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nSUMMARY:Typo fair\nDTSTART;VALUE=DATE:22070314\nEND:VEVENT\n",
        );
        assert_eq!(summary(&calendar), ["2019-03-14  Careers fair 2019"]);
        assert_eq!(calendar.left_out[0].title, "Typo fair");
        assert!(
            calendar.left_out[0].reason.contains("2000 to 2100"),
            "{:?}",
            calendar.left_out
        );
    }

    #[test]
    fn an_event_with_no_title_is_left_out() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:a\nDTSTART:20261006T153000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nSUMMARY:  \nDTSTART:20261007T153000\nEND:VEVENT\n",
        );
        assert!(calendar.events.is_empty());
        assert_eq!(calendar.left_out.len(), 2);
        assert!(calendar.left_out[0].reason.contains("no title"));
    }

    #[test]
    fn an_event_that_ends_before_it_starts_is_left_out() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Backwards\nDTSTART:20261006T153000\nDTEND:20261006T143000\nEND:VEVENT\n",
        );
        assert_eq!(
            calendar.left_out[0].reason,
            "it ends before it starts in the calendar"
        );
    }

    #[test]
    fn events_are_in_order_of_start_then_identity() {
        let calendar = read_events(
            "BEGIN:VEVENT\nUID:z\nSUMMARY:Second\nDTSTART:20261006T180000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:y\nSUMMARY:First by identity\nDTSTART:20261006T180000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:x\nSUMMARY:Whole day first\nDTSTART;VALUE=DATE:20261006\nEND:VEVENT\n",
        );
        let uids: Vec<&str> = calendar.events.iter().map(|e| e.uid.as_str()).collect();
        assert_eq!(uids, ["x", "y", "z"]);
    }

    #[test]
    fn an_unreadable_date_is_an_error_naming_its_line_and_column() {
        let err = error("BEGIN:VEVENT\nUID:a\nSUMMARY:Fair\nDTSTART:20271301\nEND:VEVENT\n");
        assert_eq!((err.line, err.column), (7, 9));
        assert_eq!(
            err.to_string(),
            "line 7: DTSTART `20271301` is not a date: there is no month 13"
        );
        let err = error(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Fair\nDTSTART:20270101\nEXDATE:20270108,2027-01-15\nRRULE:FREQ=WEEKLY\nEND:VEVENT\n",
        );
        assert_eq!((err.line, err.column), (8, 17));
        assert!(
            err.message.starts_with("EXDATE `2027-01-15` is not a date"),
            "{err:?}"
        );
    }

    #[test]
    fn an_unreadable_repeat_rule_is_an_error() {
        let err = error(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:Club\nDTSTART:20270101\nRRULE:FREQ=WEEKLY;INTERVAL=two\nEND:VEVENT\n",
        );
        assert_eq!(err.line, 8);
        assert_eq!(
            err.message,
            "RRULE `FREQ=WEEKLY;INTERVAL=two` is not a repeat rule careersite can read: INTERVAL `two` is not a whole number from 1 to 10000"
        );
    }

    #[test]
    fn an_event_with_no_uid_or_start_is_an_error_naming_its_begin_line() {
        let err = error("BEGIN:VEVENT\nSUMMARY:Fair\nDTSTART:20270101\nEND:VEVENT\n");
        assert_eq!(err.line, 4);
        assert!(err.message.contains("no UID"), "{err:?}");
        let err = error("BEGIN:VEVENT\nUID:a\nSUMMARY:Fair\nEND:VEVENT\n");
        assert_eq!(err.line, 4);
        assert!(err.message.contains("no DTSTART"), "{err:?}");
    }

    #[test]
    fn a_file_cut_short_is_an_error() {
        let err = read(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSUMMARY:Fair\nDTSTART:20270101\nEND:VCALENDAR\n",
            YEAR,
        )
        .unwrap_err();
        assert_eq!(err.line, 6);
        assert_eq!(
            err.message,
            "END:VCALENDAR comes before the END:VEVENT of the VEVENT begun on line 2"
        );
        let err = read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n", YEAR).unwrap_err();
        assert_eq!(err.message, "the VEVENT begun on line 2 has no END:VEVENT");
    }

    #[test]
    fn a_file_that_is_not_a_calendar_is_an_error() {
        for text in [
            "",
            "\n\n",
            "Careers fair, 28 January",
            "BEGIN:VCARD\nEND:VCARD\n",
        ] {
            let err = read(text, YEAR).unwrap_err();
            assert!(
                err.message.starts_with("this is not an iCalendar file"),
                "{text:?}: {err:?}"
            );
        }
    }

    #[test]
    fn no_file_makes_the_reader_panic() {
        // Every truncation of the school's calendar...
        let mut cut = 0;
        while cut < SCHOOL.len() {
            let _ = read(&SCHOOL[..cut], YEAR);
            cut += SCHOOL[cut..].chars().next().map_or(1, char::len_utf8);
        }
        // ...the calendar with characters that matter to the format put in at random...
        let awkward = [
            ':', ';', '"', ',', '\\', '\n', ' ', '=', '-', '0', '9', 'T', 'Z', 'é', '\r',
        ];
        let mut seed: u64 = 2027;
        for _ in 0..3000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mut text = SCHOOL.to_string();
            for _ in 0..3 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let at = (seed >> 33) as usize % text.len();
                if text.is_char_boundary(at) {
                    text.insert(at, awkward[(seed >> 20) as usize % awkward.len()]);
                }
            }
            let _ = read(&text, YEAR);
        }
        // ...and values at the edges of what jiff can hold.
        for events in [
            "BEGIN:VEVENT\nUID:a\nSUMMARY:x\nDTSTART;TZID=Pacific/Kiritimati:99991231T235959\nDTEND;TZID=Pacific/Pago_Pago:00000101T000000\nEND:VEVENT\n",
            "BEGIN:VEVENT\nUID:a\nSUMMARY:x\nDTSTART:99991231\nDURATION:P999999W\nRRULE:FREQ=YEARLY;INTERVAL=10000\nEND:VEVENT\n",
            "BEGIN:VEVENT\nUID:a\nSUMMARY:x\nDTSTART:00000101T000000\nRRULE:FREQ=DAILY;COUNT=1000000\nEND:VEVENT\n",
            "BEGIN:VEVENT\nUID:a\nSUMMARY:x\nDTSTART:99991231T235959Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-31;BYSETPOS=-366\nEND:VEVENT\n",
            "BEGIN:VEVENT\nUID:a\nSUMMARY:x\nDTSTART:20260901\nRRULE:FREQ=YEARLY;BYDAY=-53SU,53MO;BYMONTH=2;BYMONTHDAY=29,30\nEND:VEVENT\n",
        ] {
            let _ = read(&calendar(events), YEAR);
            let _ = read(&calendar(events), (date(-9999, 1, 1), date(9999, 12, 31)));
        }
    }
}
