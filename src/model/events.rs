//! `content/events.yaml`: dated events for the events page and the calendar feeds.

use std::fmt;

use serde::{Deserialize, Deserializer};

use super::{Audience, Benchmark, Date};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Events {
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
}

/// An event as written, before its times are checked against each other.
#[derive(Deserialize)]
struct WrittenEvent {
    title: String,
    start: When,
    end: Option<When>,
    #[serde(default)]
    location: String,
    #[serde(default = "all_audiences")]
    audiences: Vec<Audience>,
    #[serde(default)]
    benchmarks: Vec<Benchmark>,
    #[serde(default)]
    description: String,
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
        })
    }
}

/// A whole day, or a day and a time in the UK (`2026-01-29T18:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(Date),
    Time(jiff::civil::DateTime),
}

impl When {
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        // jiff reads a date from the front of a date and time, so look for the time first.
        if text.contains(['T', 't', ' ']) {
            return text.parse::<jiff::civil::DateTime>().ok().map(When::Time);
        }
        text.parse::<jiff::civil::Date>()
            .ok()
            .and_then(|day| Date::parse(&day.to_string()))
            .map(When::Day)
    }

    pub fn date(self) -> jiff::civil::Date {
        match self {
            When::Day(day) => day.civil(),
            When::Time(time) => time.date(),
        }
    }

    /// Orders whole days before timed events on the same day.
    pub fn sort_key(self) -> jiff::civil::DateTime {
        match self {
            When::Day(day) => day.civil().at(0, 0, 0, 0),
            When::Time(time) => time,
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(day) => write!(f, "{day}"),
            When::Time(time) => write!(f, "{}", time.strftime("%Y-%m-%dT%H:%M")),
        }
    }
}

impl yaml::Scalar for When {
    const WHAT: &'static str = "a date or time";
    const HOW: &'static str = "write 2026-01-29 for a whole day, or 2026-01-29T18:00 for a time";

    fn from_text(text: &str) -> Option<Self> {
        When::parse(text)
    }

    fn stand_in() -> Self {
        When::Day(<Date as yaml::Scalar>::stand_in())
    }
}

yaml::deserialize_scalar!(When);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_are_told_apart() {
        assert!(matches!(When::parse("2026-01-29"), Some(When::Day(_))));
        assert!(matches!(
            When::parse("2026-01-29T18:00"),
            Some(When::Time(_))
        ));
        assert!(matches!(
            When::parse("2026-01-29 18:00"),
            Some(When::Time(_))
        ));
        assert!(When::parse("2026-01-29T25:00").is_none());
        assert!(When::parse("29/01/2026").is_none());
    }
}
