//! `content/events.yaml`: dated events for the events page and the calendar feeds.

use std::fmt;
use std::ops::RangeInclusive;

use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff::{Timestamp, civil};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

use super::{Audience, Benchmark};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Events {
    /// The school's careers events.
    pub events: Vec<Event>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub title: String,
    pub start: When,
    pub end: Option<When>,
    pub location: String,
    pub audiences: Vec<Audience>,
    pub benchmarks: Vec<Benchmark>,
    /// Markdown.
    pub description: String,
    /// The calendar's own name for the event, for events `careersite import events` brought in.
    pub uid: Option<String>,
}

/// An event as written, before its times are checked against each other.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "Event")]
struct WrittenEvent {
    /// The event's name, such as `Year 9 options evening`.
    title: String,
    /// When it starts: a UK time (`2027-01-28T18:00`), or a date (`2027-01-28`) for a whole day.
    start: When,
    /// When it ends: after the start, and a time if the start is a time.
    end: Option<When>,
    /// Where it is, such as `Main hall`.
    #[serde(default)]
    location: String,
    /// Who it is for: everyone unless you list them.
    #[serde(default = "all_audiences")]
    audiences: Vec<Audience>,
    /// The Gatsby Benchmarks (1 to 8) it serves.
    #[serde(default)]
    benchmarks: Vec<Benchmark>,
    /// What happens. Markdown.
    #[serde(default)]
    description: String,
    /// The school calendar's own name for the event, written by `careersite import events` so
    /// that importing the calendar again updates the event rather than adding it twice. Leave it
    /// as it is.
    uid: Option<String>,
}

fn all_audiences() -> Vec<Audience> {
    Audience::ALL.to_vec()
}

impl WrittenEvent {
    fn check(&self) -> Result<(), String> {
        let Some(end) = self.end else {
            return Ok(());
        };
        if end.sort_key() < self.start.sort_key() {
            return Err(format!(
                "the event ends (`{end}`) before it starts ({})",
                self.start
            ));
        }
        if matches!(end, When::Day(_)) != matches!(self.start, When::Day(_)) {
            return Err(format!(
                "the event's end (`{end}`) and start ({}) must both be dates or both be dates with times",
                self.start
            ));
        }
        Ok(())
    }
}

yaml::schema_as!(Event, WrittenEvent);

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = yaml::checked(deserializer, WrittenEvent::check)?;
        Ok(Event {
            title: written.title,
            start: written.start,
            end: written.end,
            location: written.location,
            audiences: written.audiences,
            benchmarks: written.benchmarks,
            description: written.description,
            uid: written.uid,
        })
    }
}

/// The years an event may fall in: wide enough for any school's past and planned events, narrow
/// enough that a mistyped year (`2207`, `9999`) is caught rather than published. Every day in
/// them, and the day after, can be written in a calendar feed.
const EVENT_YEARS: RangeInclusive<i16> = 2000..=2100;

/// A whole day, or a day and a time in the UK (`2026-01-29T18:00`), in [`EVENT_YEARS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(EventDay),
    Time(UkTime),
}

/// A day an event may fall on. Only [`When::parse`] makes one, so it is always in [`EVENT_YEARS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDay(civil::Date);

/// A time as UK clocks show it, and the moment it is. Only [`When::parse`] makes one, so it is
/// always a time that UK clocks show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UkTime {
    civil: civil::DateTime,
    instant: Timestamp,
}

/// Why some text is not a [`When`].
#[derive(Debug, PartialEq, Eq)]
pub enum WhenError {
    /// Neither `2026-01-29` nor `2026-01-29T18:00`.
    Unreadable,
    /// Outside [`EVENT_YEARS`]: most likely a mistyped year.
    TooFarAway,
    /// In the hour skipped when the clocks go forward, which never shows on a UK clock.
    Skipped(ClocksForward),
}

/// A time that UK clocks skip, and the clock times either side of the jump.
#[derive(Debug, PartialEq, Eq)]
pub struct ClocksForward {
    skipped: civil::DateTime,
    from: civil::Time,
    to: civil::Time,
}

impl When {
    pub fn parse(text: &str) -> Result<Self, WhenError> {
        let text = text.trim();
        // jiff reads a date from the front of a date and time, so look for the time first.
        if text.contains(['T', 't', ' ']) {
            let civil = text
                .parse::<civil::DateTime>()
                .map_err(|_| WhenError::Unreadable)?;
            return UkTime::new(civil).map(When::Time);
        }
        let day = text
            .parse::<civil::Date>()
            .map_err(|_| WhenError::Unreadable)?;
        EventDay::new(day).map(When::Day)
    }

    pub fn date(self) -> civil::Date {
        match self {
            When::Day(day) => day.civil(),
            When::Time(time) => time.civil().date(),
        }
    }

    /// Orders whole days before timed events on the same day.
    pub fn sort_key(self) -> civil::DateTime {
        match self {
            When::Day(day) => day.civil().at(0, 0, 0, 0),
            When::Time(time) => time.civil(),
        }
    }
}

fn check_year(day: civil::Date) -> Result<(), WhenError> {
    if EVENT_YEARS.contains(&day.year()) {
        Ok(())
    } else {
        Err(WhenError::TooFarAway)
    }
}

impl EventDay {
    fn new(day: civil::Date) -> Result<Self, WhenError> {
        check_year(day)?;
        Ok(EventDay(day))
    }

    pub fn civil(self) -> civil::Date {
        self.0
    }

    /// The day after, where a calendar feed ends a whole-day event.
    pub fn next(self) -> civil::Date {
        self.0
            .tomorrow()
            .expect("event days end in 2100, long before the last day jiff knows")
    }
}

impl UkTime {
    /// An hour repeated when the clocks go back is read the first time round, in British Summer
    /// Time, as RFC 5545 reads it; an hour skipped when they go forward is refused, since no
    /// moment matches it.
    fn new(civil: civil::DateTime) -> Result<Self, WhenError> {
        check_year(civil.date())?;
        let uk = uk_time_zone();
        let ambiguous = uk.to_ambiguous_timestamp(civil);
        if let AmbiguousOffset::Gap { before, after } = ambiguous.offset() {
            return Err(WhenError::Skipped(ClocksForward::over(
                &uk, civil, before, after,
            )));
        }
        let instant = ambiguous.earlier().map_err(|_| WhenError::TooFarAway)?;
        Ok(UkTime { civil, instant })
    }

    pub fn civil(self) -> civil::DateTime {
        self.civil
    }

    pub fn instant(self) -> Timestamp {
        self.instant
    }
}

impl ClocksForward {
    /// The jump over `skipped`, which UK clocks were `before` and `after` UTC either side of.
    fn over(uk: &TimeZone, skipped: civil::DateTime, before: Offset, after: Offset) -> Self {
        // Read with the later offset, the skipped time falls just before the jump.
        let jump = after
            .to_timestamp(skipped)
            .ok()
            .and_then(|just_before| uk.following(just_before).next())
            .expect("a skipped time in an event's years has a jump after it")
            .timestamp();
        ClocksForward {
            skipped,
            from: before.to_datetime(jump).time(),
            to: after.to_datetime(jump).time(),
        }
    }
}

fn uk_time_zone() -> TimeZone {
    TimeZone::get("Europe/London").expect("the time zone database is built into careersite")
}

impl WhenError {
    /// What is wrong with `written`, and how to put it right, quoting it for the caret.
    fn explain(&self, written: &str) -> String {
        match self {
            WhenError::Unreadable => format!(
                "`{written}` is not a date or time: write 2026-01-29 for a whole day, or 2026-01-29T18:00 for a time"
            ),
            WhenError::TooFarAway => format!(
                "`{written}` is too far away to be the date of an event: events must fall in the years {} to {}, so check the year for a typo",
                EVENT_YEARS.start(),
                EVENT_YEARS.end()
            ),
            WhenError::Skipped(jump) => {
                let (from, to) = (clock(jump.from), clock(jump.to));
                format!(
                    "{} on {} (`{written}`) does not exist in the UK: the clocks go forward from {from} to {to} that night, so write a time before {from} or from {to}",
                    clock(jump.skipped.time()),
                    jump.skipped.strftime("%-d %B %Y"),
                )
            }
        }
    }
}

/// `01:30` → `1:30`, as a careers leader would say it reading the file.
fn clock(time: civil::Time) -> String {
    time.strftime("%-H:%M").to_string()
}

impl fmt::Display for EventDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(day) => write!(f, "{day}"),
            When::Time(time) => write!(f, "{}", time.civil.strftime("%Y-%m-%dT%H:%M")),
        }
    }
}

impl yaml::Scalar for When {
    const WHAT: &'static str = "a date or time";
    const HOW: &'static str = "write 2026-01-29 for a whole day, or 2026-01-29T18:00 for a time";
    const WRITTEN: yaml::Written = yaml::Written::Text {
        // A year from 2000 to 2100 (EVENT_YEARS), a day, and perhaps a time.
        pattern: r"^\s*(20\d\d|2100)-\d\d-\d\d([Tt ]\d\d?(:\d\d(:\d\d(\.\d+)?)?)?)?\s*$",
        examples: &["2027-01-28", "2027-01-28T18:00"],
    };

    fn from_text(text: &str) -> Option<Self> {
        When::parse(text).ok()
    }

    fn refused_because(text: &str) -> Option<String> {
        When::parse(text).err().map(|err| err.explain(text))
    }

    fn stand_in() -> Self {
        When::Day(EventDay(civil::date(2000, 1, 1)))
    }
}

yaml::deserialize_scalar!(When);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_are_told_apart() {
        assert!(matches!(When::parse("2026-01-29"), Ok(When::Day(_))));
        assert!(matches!(When::parse("2026-01-29T18:00"), Ok(When::Time(_))));
        assert!(matches!(When::parse("2026-01-29 18:00"), Ok(When::Time(_))));
        assert_eq!(When::parse("2026-01-29T25:00"), Err(WhenError::Unreadable));
        assert_eq!(When::parse("29/01/2026"), Err(WhenError::Unreadable));
    }

    #[test]
    fn events_fall_between_2000_and_2100() {
        for accepted in [
            "2000-01-01",
            "2100-12-31",
            "2000-01-01T00:00",
            "2100-12-31T23:59",
        ] {
            assert!(When::parse(accepted).is_ok(), "{accepted}");
        }
        for refused in ["1999-12-31", "2101-01-01", "9999-12-31T23:30", "0026-01-29"] {
            assert_eq!(
                When::parse(refused),
                Err(WhenError::TooFarAway),
                "{refused}"
            );
        }
    }

    #[test]
    fn the_last_event_day_still_has_a_day_after() {
        let Ok(When::Day(last)) = When::parse("2100-12-31") else {
            panic!("2100-12-31 is an event day");
        };
        assert_eq!(last.next(), civil::date(2101, 1, 1));
    }

    #[test]
    fn a_skipped_time_is_explained_with_the_jump_either_side() {
        let err = When::parse("2026-03-29T01:30").unwrap_err();
        assert_eq!(
            err.explain("2026-03-29T01:30"),
            "1:30 on 29 March 2026 (`2026-03-29T01:30`) does not exist in the UK: the clocks go forward from 1:00 to 2:00 that night, so write a time before 1:00 or from 2:00"
        );
        assert!(When::parse("2026-03-29T00:59").is_ok());
        assert!(When::parse("2026-03-29T02:00").is_ok());
    }

    #[test]
    fn a_repeated_time_is_read_the_first_time_round_in_summer_time() {
        let Ok(When::Time(time)) = When::parse("2026-10-25T01:30") else {
            panic!("1:30 happens on 25 October 2026, twice");
        };
        assert_eq!(time.instant().to_string(), "2026-10-25T00:30:00Z");
    }
}
