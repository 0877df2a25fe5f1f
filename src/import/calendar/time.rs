//! Dates, times, time zones and durations as iCalendar writes them (RFC 5545, 3.3), and their
//! conversion to UK time.

use jiff::civil::{self, Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Span, Zoned};

use super::CalendarError;
use super::lines::Property;

/// A start, end or date named by a property, as written: a whole day, or a time in the zone
/// it was written in.
#[derive(Debug, Clone)]
pub(super) enum Moment {
    Day(Date),
    Time(DateTime, TimeZone),
}

impl Moment {
    /// The date, in the zone the moment was written in.
    pub fn date(&self) -> Date {
        match self {
            Moment::Day(day) => *day,
            Moment::Time(time, _) => time.date(),
        }
    }

    /// The moment, if it is a time that jiff can place (years near 9999 may not be).
    pub fn zoned(&self) -> Option<Zoned> {
        match self {
            Moment::Day(_) => None,
            // An hour skipped when the clocks go forward is read with the offset before the
            // jump, and a repeated hour the first time round, as RFC 5545 (3.3.5) says.
            Moment::Time(time, zone) => zone.to_ambiguous_zoned(*time).compatible().ok(),
        }
    }

    /// Whether `self` and `other` name the same occurrence: the same day, or the same instant.
    /// A day names any time on it, as some calendars write a whole day to exclude a time.
    pub fn names_same(&self, other: &Moment) -> bool {
        match (self, other) {
            (Moment::Time(..), Moment::Time(..)) => {
                let instant = |moment: &Moment| moment.zoned().map(|zoned| zoned.timestamp());
                instant(self).is_some() && instant(self) == instant(other)
            }
            _ => self.date() == other.date(),
        }
    }

    /// The moment as UK clocks show it, to the minute; a whole day stays the day it is.
    pub fn in_uk(&self) -> Option<Uk> {
        match self {
            Moment::Day(day) => Some(Uk::Day(*day)),
            Moment::Time(..) => self.zoned().map(|zoned| uk_minute(&zoned)),
        }
    }
}

/// A whole day, or a time as UK clocks show it, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Uk {
    Day(Date),
    Time(DateTime),
}

impl Uk {
    pub fn date(self) -> Date {
        match self {
            Uk::Day(day) => day,
            Uk::Time(time) => time.date(),
        }
    }
}

/// `zoned` in the UK, with its seconds dropped: events.yaml writes times to the minute.
pub(super) fn uk_minute(zoned: &Zoned) -> Uk {
    let time = zoned.with_time_zone(uk()).datetime();
    Uk::Time(time.date().at(time.hour(), time.minute(), 0, 0))
}

pub(super) fn uk() -> TimeZone {
    TimeZone::get("Europe/London").expect("the time zone database is built into careersite")
}

/// The single date or date-time of `property` (DTSTART, DTEND, RECURRENCE-ID).
pub(super) fn moment(property: &Property) -> Result<Moment, CalendarError> {
    let zone = zone(property)?;
    read_moment(&property.value, &zone)
        .map_err(|why| unreadable(property, 0, &property.value, &why))
}

/// The comma-separated dates or date-times of `property` (EXDATE, RDATE).
pub(super) fn moments(property: &Property) -> Result<Vec<Moment>, CalendarError> {
    let zone = zone(property)?;
    let mut found = Vec::new();
    let mut offset = 0;
    for value in property.value.split(',') {
        let moment =
            read_moment(value, &zone).map_err(|why| unreadable(property, offset, value, &why))?;
        found.push(moment);
        offset += value.chars().count() + 1;
    }
    Ok(found)
}

/// `20270128`, `20270128T180000` (in `zone`) or `20270128T180000Z` (in UTC).
pub(super) fn read_moment(value: &str, zone: &TimeZone) -> Result<Moment, String> {
    let value = value.trim();
    let (date, time) = match value.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    let date = read_date(date)?;
    let Some(time) = time else {
        return Ok(Moment::Day(date));
    };
    let (time, zone) = match time.strip_suffix(['Z', 'z']) {
        Some(utc) => (utc, TimeZone::UTC),
        None => (time, zone.clone()),
    };
    Ok(Moment::Time(date.to_datetime(read_time(time)?), zone))
}

const HOW_DATES_ARE_WRITTEN: &str =
    "calendar files write a date as 20270128, and a time as 20270128T180000";

fn read_date(text: &str) -> Result<Date, String> {
    let [year, month, day] = digits(text, [4, 2, 2]).ok_or(HOW_DATES_ARE_WRITTEN)?;
    let (month, day) = (small(month)?, small(day)?);
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    let first = civil::Date::new(year, month, 1).map_err(|_| HOW_DATES_ARE_WRITTEN)?;
    civil::Date::new(year, month, day)
        .map_err(|_| format!("{} has no day {day}", first.strftime("%B %Y")))
}

fn read_time(text: &str) -> Result<civil::Time, String> {
    let [hour, minute, second] = digits(text, [2, 2, 2]).ok_or(HOW_DATES_ARE_WRITTEN)?;
    let (hour, minute, second) = (small(hour)?, small(minute)?, small(second)?);
    // A leap second is the last second of its minute, and seconds are dropped anyway.
    civil::Time::new(hour, minute, second.min(59), 0)
        .map_err(|_| format!("there is no time {hour:02}:{minute:02}"))
}

/// A number of two digits, as jiff takes months, days, hours and minutes.
fn small(number: i16) -> Result<i8, String> {
    i8::try_from(number).map_err(|_| HOW_DATES_ARE_WRITTEN.to_string())
}

/// Three numbers of exactly `widths` digits, one after the other, and nothing else.
fn digits(text: &str, widths: [usize; 3]) -> Option<[i16; 3]> {
    if !text.bytes().all(|b| b.is_ascii_digit()) || text.len() != widths.iter().sum::<usize>() {
        return None;
    }
    let mut numbers = [0; 3];
    let mut at = 0;
    for (number, width) in numbers.iter_mut().zip(widths) {
        *number = text.get(at..at + width)?.parse().ok()?;
        at += width;
    }
    Some(numbers)
}

/// The zone named by the property's TZID, or UK time for a time written with no zone (a
/// "floating" time, which a school's calendar means as the time on the school's clocks).
pub(super) fn zone(property: &Property) -> Result<TimeZone, CalendarError> {
    let Some((tzid, column)) = property.param("TZID") else {
        return Ok(uk());
    };
    known_zone(tzid).ok_or_else(|| {
        CalendarError::new(
            property.line,
            column,
            format!(
                "{} is in the time zone `{tzid}`, which careersite does not know",
                property.name
            ),
            "Export the calendar again with time zones named as Europe/London is, or with times in UTC. Outlook's own names for the common zones, such as GMT Standard Time, are read too.",
        )
    })
}

/// An IANA zone (`Europe/London`), a Windows one as Outlook names it (`GMT Standard Time`), or
/// an IANA name behind a prefix (`/mozilla.org/20050126_1/Europe/London`, as older Mozilla
/// calendars wrote).
pub(super) fn known_zone(tzid: &str) -> Option<TimeZone> {
    let tzid = tzid.trim();
    if let Ok(zone) = TimeZone::get(tzid) {
        return Some(zone);
    }
    if let Some((_, iana)) = WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(tzid))
    {
        return TimeZone::get(iana).ok();
    }
    let prefixed = tzid.strip_prefix('/')?;
    prefixed
        .match_indices('/')
        .find_map(|(at, _)| TimeZone::get(&prefixed[at + 1..]).ok())
}

/// Windows time zones as Outlook and Exchange name them, and the IANA zone each stands for,
/// from the Unicode CLDR's table (windowsZones.xml, territory 001): those of the UK and of the
/// places a school's visitors and online talks most often come from.
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("UTC", "UTC"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("India Standard Time", "Asia/Calcutta"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Azores Standard Time", "Atlantic/Azores"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Canada Central Standard Time", "America/Regina"),
    ("Mountain Standard Time", "America/Denver"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
];

/// How long an event lasts (RFC 5545, 3.3.6): `PT2H`, `P1D`, `PT1H30M`, `P1W`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Duration {
    /// Calendar days (weeks included): a day is 23 or 25 hours when the clocks change.
    pub days: i64,
    /// Exact seconds.
    pub seconds: i64,
}

impl Duration {
    /// The end of an event that starts at `start` and lasts this long.
    pub fn after(self, start: &Zoned) -> Option<Zoned> {
        let span = Span::new()
            .try_days(self.days)
            .ok()?
            .try_seconds(self.seconds)
            .ok()?;
        start.checked_add(span).ok()
    }
}

pub(super) fn duration(property: &Property) -> Result<Duration, CalendarError> {
    read_duration(&property.value).ok_or_else(|| {
        CalendarError::new(
            property.line,
            property.value_column,
            format!("DURATION `{}` is not a length of time", property.value.trim()),
            "Calendar files write a length of time as PT2H (two hours), PT1H30M, P1D (a day) or P1W (a week). Export the calendar again, or give the event an end (DTEND) instead.",
        )
    })
}

fn read_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let text = text.strip_prefix(['P', 'p'])?;
    let (date_part, time_part) = match text.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut duration = Duration {
        days: 0,
        seconds: 0,
    };
    for (number, unit) in amounts(date_part)? {
        duration.days += number
            * match unit {
                'W' => 7,
                'D' => 1,
                _ => return None,
            };
    }
    for (number, unit) in time_part.map(amounts).unwrap_or(Some(Vec::new()))? {
        duration.seconds += number
            * match unit {
                'H' => 3600,
                'M' => 60,
                'S' => 1,
                _ => return None,
            };
    }
    if date_part.is_empty() && time_part.is_none_or(str::is_empty) {
        return None;
    }
    duration.days *= sign;
    duration.seconds *= sign;
    Some(duration)
}

/// `2H30M` → `[(2, 'H'), (30, 'M')]`, units in capitals; numbers kept small enough to add up.
fn amounts(text: &str) -> Option<Vec<(i64, char)>> {
    let mut found = Vec::new();
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else {
            let value: i64 = number.parse().ok().filter(|n| *n < 1_000_000)?;
            found.push((value, c.to_ascii_uppercase()));
            number.clear();
        }
    }
    number.is_empty().then_some(found)
}

fn unreadable(property: &Property, offset: usize, value: &str, why: &str) -> CalendarError {
    let kind = if value.contains(['T', 't']) {
        "a date and time"
    } else {
        "a date"
    };
    CalendarError::new(
        property.line,
        property.value_column + offset,
        format!("{} `{}` is not {kind}: {why}", property.name, value.trim()),
        "Check the date in the calendar and export it again.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_windows_zone_careersite_names_is_in_the_time_zone_database() {
        for (windows, iana) in WINDOWS_ZONES {
            assert!(TimeZone::get(iana).is_ok(), "{windows}: {iana}");
        }
    }

    #[test]
    fn zones_are_read_by_iana_windows_or_prefixed_names() {
        for tzid in [
            "Europe/London",
            "europe/london",
            "GMT Standard Time",
            "gmt standard time",
            "UTC",
            "/mozilla.org/20050126_1/Europe/London",
        ] {
            assert!(known_zone(tzid).is_some(), "{tzid}");
        }
        assert!(known_zone("Customized Time Zone").is_none());
        assert!(known_zone("/").is_none());
    }

    #[test]
    fn dates_and_times_are_read_exactly() {
        let uk = uk();
        assert!(
            matches!(read_moment("20270128", &uk), Ok(Moment::Day(d)) if d == civil::date(2027, 1, 28))
        );
        assert!(matches!(
            read_moment("20270128T183045Z", &uk),
            Ok(Moment::Time(t, z)) if t == civil::date(2027, 1, 28).at(18, 30, 45, 0) && z == TimeZone::UTC
        ));
        assert_eq!(
            read_moment("20271301", &uk).unwrap_err(),
            "there is no month 13"
        );
        assert_eq!(
            read_moment("20270230", &uk).unwrap_err(),
            "February 2027 has no day 30"
        );
        assert_eq!(
            read_moment("20270128T250000", &uk).unwrap_err(),
            "there is no time 25:00"
        );
        for unreadable in [
            "2027-01-28",
            "2027012",
            "+2027012",
            "20270128T1800",
            "",
            "T",
        ] {
            assert!(read_moment(unreadable, &uk).is_err(), "{unreadable}");
        }
    }

    #[test]
    fn durations_are_read_in_days_and_seconds() {
        let read = |text| read_duration(text).map(|d| (d.days, d.seconds));
        assert_eq!(read("PT2H"), Some((0, 7200)));
        assert_eq!(read("PT1H30M"), Some((0, 5400)));
        assert_eq!(read("P1D"), Some((1, 0)));
        assert_eq!(read("P1W"), Some((7, 0)));
        assert_eq!(read("P1DT12H"), Some((1, 43200)));
        assert_eq!(read("-PT15M"), Some((0, -900)));
        for unreadable in [
            "",
            "P",
            "PT",
            "2H",
            "PT2",
            "PTH",
            "P1H",
            "PT1D",
            "P99999999999D",
        ] {
            assert_eq!(read(unreadable), None, "{unreadable}");
        }
    }
}
