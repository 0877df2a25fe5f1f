//! Repeat rules (RRULE, RFC 5545 3.3.10 and 3.8.5.3), expanded into the occurrences that fall
//! in a window of dates.
//!
//! careersite expands the rules a school's calendar writes: daily, weekly, monthly and yearly,
//! with INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS (Outlook writes "the
//! second Thursday of every month" as `BYDAY=TH;BYSETPOS=2`) and WKST. Any other part would
//! have to be guessed at, so a rule using one is refused whole, naming the part.

use jiff::Span;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

use super::time::{Moment, read_moment};

/// The most occurrences of one event careersite adds: more is a rule gone wrong (or a daily
/// event, better described once on a page than listed hundreds of times).
pub(super) const MOST_OCCURRENCES: usize = 500;

#[derive(Debug)]
pub(super) struct Rule {
    freq: Freq,
    interval: i64,
    count: Option<u32>,
    until: Option<Moment>,
    by_day: Vec<ByDay>,
    by_month_day: Vec<i8>,
    by_month: Vec<i8>,
    by_set_pos: Vec<i32>,
    week_start: Weekday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// `MO`, or `2TH` (the second Thursday), or `-1FR` (the last Friday) of the month or year.
#[derive(Debug, Clone, Copy)]
struct ByDay {
    nth: Option<i8>,
    weekday: Weekday,
}

/// Why careersite will not expand a rule.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum RuleProblem {
    /// A part it does not expand, as the rule names it: `BYHOUR`, `FREQ=HOURLY`.
    Unsupported(String),
    /// Not a rule as RFC 5545 writes one, and why.
    Unreadable(String),
}

/// More than [`MOST_OCCURRENCES`] occurrences in the window.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct TooMany;

/// Reads `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270722T170000Z`; a floating UNTIL is in `zone`, the
/// zone of the event's start.
pub(super) fn parse(value: &str, zone: &TimeZone) -> Result<Rule, RuleProblem> {
    let mut freq = None;
    let mut rule = Rule {
        freq: Freq::Daily,
        interval: 1,
        count: None,
        until: None,
        by_day: Vec::new(),
        by_month_day: Vec::new(),
        by_month: Vec::new(),
        by_set_pos: Vec::new(),
        week_start: Weekday::Monday,
    };
    for part in value
        .split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let Some((name, value)) = part.split_once('=') else {
            return Err(RuleProblem::Unreadable(format!(
                "`{part}` should be a name, `=` and a value"
            )));
        };
        let name = name.trim().to_ascii_uppercase();
        let value = value.trim();
        match name.as_str() {
            "FREQ" => freq = Some(read_freq(value)?),
            "INTERVAL" => rule.interval = number(&name, value, 1..=10_000)?,
            "COUNT" => rule.count = Some(number(&name, value, 1..=1_000_000)?),
            "UNTIL" => rule.until = Some(read_until(value, zone)?),
            "BYDAY" => rule.by_day = list(value, read_by_day)?,
            "BYMONTHDAY" => {
                rule.by_month_day = list(value, |n| signed_number(&name, n, 31))?;
            }
            "BYMONTH" => rule.by_month = list(value, |n| number(&name, n, 1..=12))?,
            "BYSETPOS" => rule.by_set_pos = list(value, |n| signed_number(&name, n, 366))?,
            "WKST" => rule.week_start = weekday(value)?,
            // BYHOUR, BYMINUTE, BYSECOND, BYWEEKNO, BYYEARDAY and any part of a program's own.
            _ => return Err(RuleProblem::Unsupported(name)),
        }
    }
    rule.freq = freq.ok_or_else(|| {
        RuleProblem::Unreadable("it has no FREQ, which says how often it repeats".to_string())
    })?;
    rule.check()?;
    Ok(rule)
}

fn read_freq(value: &str) -> Result<Freq, RuleProblem> {
    match value.to_ascii_uppercase().as_str() {
        "DAILY" => Ok(Freq::Daily),
        "WEEKLY" => Ok(Freq::Weekly),
        "MONTHLY" => Ok(Freq::Monthly),
        "YEARLY" => Ok(Freq::Yearly),
        "SECONDLY" | "MINUTELY" | "HOURLY" => Err(RuleProblem::Unsupported(format!(
            "FREQ={}",
            value.to_ascii_uppercase()
        ))),
        _ => Err(RuleProblem::Unreadable(format!(
            "FREQ `{value}` is not DAILY, WEEKLY, MONTHLY or YEARLY"
        ))),
    }
}

fn read_until(value: &str, zone: &TimeZone) -> Result<Moment, RuleProblem> {
    read_moment(value, zone)
        .map_err(|why| RuleProblem::Unreadable(format!("UNTIL `{value}` is not a date: {why}")))
}

fn number<T: TryFrom<i64>>(
    name: &str,
    value: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<T, RuleProblem> {
    value
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| {
            RuleProblem::Unreadable(format!(
                "{name} `{value}` is not a whole number from {} to {}",
                range.start(),
                range.end()
            ))
        })
}

/// A number from 1 to `most`, or from -1 to -`most` counting from the end.
fn signed_number<T: TryFrom<i64>>(name: &str, value: &str, most: i64) -> Result<T, RuleProblem> {
    let positive = value.strip_prefix('-').unwrap_or(value);
    let positive = positive.strip_prefix('+').unwrap_or(positive);
    number::<i64>(name, positive, 1..=most)?;
    number(name, value, -most..=most)
}

fn list<T>(
    value: &str,
    read: impl Fn(&str) -> Result<T, RuleProblem>,
) -> Result<Vec<T>, RuleProblem> {
    value.split(',').map(|item| read(item.trim())).collect()
}

fn read_by_day(value: &str) -> Result<ByDay, RuleProblem> {
    let split = value.len().saturating_sub(2);
    let (nth, day) = (value.get(..split), value.get(split..));
    let (Some(nth), Some(day)) = (nth, day) else {
        return Err(RuleProblem::Unreadable(format!(
            "BYDAY `{value}` is not a day such as MO, 1TU or -1FR"
        )));
    };
    let nth = match nth {
        "" => None,
        _ => Some(signed_number("BYDAY", nth, 53)?),
    };
    Ok(ByDay {
        nth,
        weekday: weekday(day)?,
    })
}

fn weekday(value: &str) -> Result<Weekday, RuleProblem> {
    Ok(match value.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Monday,
        "TU" => Weekday::Tuesday,
        "WE" => Weekday::Wednesday,
        "TH" => Weekday::Thursday,
        "FR" => Weekday::Friday,
        "SA" => Weekday::Saturday,
        "SU" => Weekday::Sunday,
        _ => {
            return Err(RuleProblem::Unreadable(format!(
                "`{value}` is not a day of the week: MO, TU, WE, TH, FR, SA or SU"
            )));
        }
    })
}

impl Rule {
    /// The combinations RFC 5545 forbids, which no calendar program means anything by.
    fn check(&self) -> Result<(), RuleProblem> {
        let numbered_day = self.by_day.iter().any(|day| day.nth.is_some());
        if numbered_day && matches!(self.freq, Freq::Daily | Freq::Weekly) {
            return Err(RuleProblem::Unreadable(
                "a numbered day in BYDAY (such as 1MO) belongs only in a monthly or yearly rule"
                    .to_string(),
            ));
        }
        if !self.by_month_day.is_empty() && self.freq == Freq::Weekly {
            return Err(RuleProblem::Unreadable(
                "BYMONTHDAY does not belong in a weekly rule".to_string(),
            ));
        }
        Ok(())
    }

    /// The starts of the occurrences, in the zone of `start`, that `wanted` keeps: `start`
    /// first, then the rule's, until its COUNT or UNTIL or the end of `window`.
    pub fn expand(
        &self,
        start: &Moment,
        window: (Date, Date),
        wanted: impl Fn(&Moment) -> bool,
    ) -> Result<Vec<Moment>, TooMany> {
        let mut taking = Taking {
            rule: self,
            wanted,
            found: Vec::new(),
            counted: 0,
        };
        // The start always counts as the first occurrence (RFC 5545, 3.8.5.3), whether or not
        // it fits the rule.
        if !taking.take(start.clone())? {
            return Ok(taking.found);
        }
        let first = start.date();
        // Dates in the event's zone may be a day either side of the window's UK dates.
        let (Some(anchor), Some(last)) = (self.anchor(first), add_days(window.1, 1)) else {
            return Ok(taking.found);
        };
        for index in self.first_period(anchor, window.0).. {
            let Some(period) = self.period(anchor, index).filter(|period| *period <= last) else {
                break;
            };
            for day in self.candidates(period, first) {
                if day > first && !taking.take(on(day, start))? {
                    return Ok(taking.found);
                }
            }
        }
        Ok(taking.found)
    }

    /// The first day of the period that holds `first`: the day, its week, month or year.
    fn anchor(&self, first: Date) -> Option<Date> {
        match self.freq {
            Freq::Daily => Some(first),
            Freq::Weekly => {
                let into_week = self.week_start.until(first.weekday());
                add_days(first, -i64::from(into_week))
            }
            Freq::Monthly => Some(first.first_of_month()),
            Freq::Yearly => Date::new(first.year(), 1, 1).ok(),
        }
    }

    /// The period `index` intervals after the anchor's.
    fn period(&self, anchor: Date, index: i64) -> Option<Date> {
        let steps = index.checked_mul(self.interval)?;
        let span = match self.freq {
            Freq::Daily => Span::new().try_days(steps),
            Freq::Weekly => Span::new().try_weeks(steps),
            Freq::Monthly => Span::new().try_months(steps),
            Freq::Yearly => Span::new().try_years(steps),
        };
        anchor.checked_add(span.ok()?).ok()
    }

    /// The period to start from: with no COUNT to keep, the earlier periods can be skipped
    /// (all but one, as the window's dates are UK dates and the periods the event's own).
    fn first_period(&self, anchor: Date, window_start: Date) -> i64 {
        if self.count.is_some() || window_start <= anchor {
            return 0;
        }
        let days = anchor
            .until(window_start)
            .map_or(0, |span| i64::from(span.get_days()));
        let months = i64::from(window_start.year() - anchor.year()) * 12
            + i64::from(window_start.month() - anchor.month());
        let periods = match self.freq {
            Freq::Daily => days,
            Freq::Weekly => days / 7,
            Freq::Monthly => months,
            Freq::Yearly => months / 12,
        };
        (periods / self.interval - 1).max(0)
    }

    /// The days the rule picks in the period beginning `period`, in order.
    fn candidates(&self, period: Date, first: Date) -> Vec<Date> {
        let mut days = match self.freq {
            Freq::Daily => vec![period],
            Freq::Weekly => self.in_week(period, first),
            Freq::Monthly => self.in_month(period, first),
            Freq::Yearly => self.in_year(period, first),
        };
        days.retain(|day| self.by_month.is_empty() || self.by_month.contains(&day.month()));
        if self.freq == Freq::Daily {
            days.retain(|day| self.daily_fits(*day));
        }
        days.sort();
        days.dedup();
        self.at_set_positions(days)
    }

    /// BYMONTHDAY and BYDAY narrow a daily rule to the days they name.
    fn daily_fits(&self, day: Date) -> bool {
        let month_day = self.by_month_day.is_empty()
            || self
                .by_month_day
                .iter()
                .any(|n| day_of_month(day.first_of_month(), *n) == Some(day));
        let weekday =
            self.by_day.is_empty() || self.by_day.iter().any(|by| by.weekday == day.weekday());
        month_day && weekday
    }

    fn in_week(&self, week: Date, first: Date) -> Vec<Date> {
        (0..7)
            .filter_map(|n| add_days(week, n))
            .filter(|day| match self.by_day.is_empty() {
                true => day.weekday() == first.weekday(),
                false => self.by_day.iter().any(|by| by.weekday == day.weekday()),
            })
            .collect()
    }

    /// The days of the month beginning `month` that BYMONTHDAY and BYDAY name (those both
    /// name, if it has both), or the day of the month of the first occurrence.
    fn in_month(&self, month: Date, first: Date) -> Vec<Date> {
        let by_month_day: Vec<Date> = self
            .by_month_day
            .iter()
            .filter_map(|n| day_of_month(month, *n))
            .collect();
        let by_day = self.by_day_between(month, month.last_of_month());
        match (self.by_month_day.is_empty(), self.by_day.is_empty()) {
            (true, true) => day_of_month(month, first.day()).into_iter().collect(),
            (false, true) => by_month_day,
            (true, false) => by_day,
            (false, false) => by_day
                .into_iter()
                .filter(|day| by_month_day.contains(day))
                .collect(),
        }
    }

    /// A yearly rule's days: BYDAY alone counts through the whole year (`20MO`, the twentieth
    /// Monday); otherwise the months of BYMONTH (or every month, for BYMONTHDAY alone, or the
    /// first occurrence's month) are read as a monthly rule reads them.
    fn in_year(&self, year: Date, first: Date) -> Vec<Date> {
        if self.by_month.is_empty() && self.by_month_day.is_empty() && !self.by_day.is_empty() {
            let Ok(last) = Date::new(year.year(), 12, 31) else {
                return Vec::new();
            };
            return self.by_day_between(year, last);
        }
        let months: Vec<i8> = match (self.by_month.is_empty(), self.by_month_day.is_empty()) {
            (false, _) => self.by_month.clone(),
            (true, false) => (1..=12).collect(),
            (true, true) => vec![first.month()],
        };
        months
            .into_iter()
            .filter_map(|month| Date::new(year.year(), month, 1).ok())
            .flat_map(|month| self.in_month(month, first))
            .collect()
    }

    /// The days from `start` to `end` (inclusive) that BYDAY names.
    fn by_day_between(&self, start: Date, end: Date) -> Vec<Date> {
        let mut days = Vec::new();
        for by in &self.by_day {
            let first = add_days(start, i64::from(start.weekday().until(by.weekday)));
            let last = add_days(end, -i64::from(by.weekday.until(end.weekday())));
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            match by.nth {
                None => days.extend(
                    (0..)
                        .map_while(|week| add_days(first, 7 * week))
                        .take_while(|day| *day <= end),
                ),
                Some(nth) if nth > 0 => days.extend(add_days(first, 7 * i64::from(nth - 1))),
                Some(nth) => days.extend(add_days(last, 7 * i64::from(nth + 1))),
            }
        }
        days.retain(|day| (start..=end).contains(day));
        days
    }

    /// BYSETPOS: of the period's days in order, only those at the positions it names
    /// (`-1`, the last).
    fn at_set_positions(&self, days: Vec<Date>) -> Vec<Date> {
        if self.by_set_pos.is_empty() {
            return days;
        }
        let count = i64::try_from(days.len()).unwrap_or(i64::MAX);
        let mut chosen: Vec<Date> = self
            .by_set_pos
            .iter()
            .filter_map(|&position| {
                let index = match position > 0 {
                    true => i64::from(position) - 1,
                    false => count + i64::from(position),
                };
                usize::try_from(index)
                    .ok()
                    .and_then(|i| days.get(i))
                    .copied()
            })
            .collect();
        chosen.sort();
        chosen.dedup();
        chosen
    }

    /// Whether an occurrence at `moment` comes after the rule's UNTIL, which it may reach.
    fn is_past_until(&self, moment: &Moment) -> bool {
        match (&self.until, moment) {
            (None, _) => false,
            (Some(until @ Moment::Time(..)), Moment::Time(..)) => {
                match (moment.zoned(), until.zoned()) {
                    (Some(at), Some(until)) => at.timestamp() > until.timestamp(),
                    _ => true,
                }
            }
            (Some(until), _) => moment.date() > until.date(),
        }
    }
}

/// The occurrences found so far, and how many the rule has made.
struct Taking<'a, F> {
    rule: &'a Rule,
    wanted: F,
    found: Vec<Moment>,
    counted: u32,
}

impl<F: Fn(&Moment) -> bool> Taking<'_, F> {
    /// Counts an occurrence, keeping it if wanted; `false` once the rule has ended.
    fn take(&mut self, occurrence: Moment) -> Result<bool, TooMany> {
        let counted_out = self.rule.count.is_some_and(|count| self.counted >= count);
        if counted_out || self.rule.is_past_until(&occurrence) {
            return Ok(false);
        }
        self.counted = self.counted.saturating_add(1);
        if (self.wanted)(&occurrence) {
            if self.found.len() == MOST_OCCURRENCES {
                return Err(TooMany);
            }
            self.found.push(occurrence);
        }
        Ok(true)
    }
}

/// The occurrence on `day` of an event that starts at `start`: at the same time of day in the
/// same zone, so a 6 pm event stays at 6 pm when the clocks change.
fn on(day: Date, start: &Moment) -> Moment {
    match start {
        Moment::Day(_) => Moment::Day(day),
        Moment::Time(time, zone) => Moment::Time(day.to_datetime(time.time()), zone.clone()),
    }
}

/// Day `n` of the month beginning `month`: `-1` is its last day.
fn day_of_month(month: Date, n: i8) -> Option<Date> {
    match n {
        1.. => Date::new(month.year(), month.month(), n).ok(),
        ..=-1 => add_days(month.last_of_month(), i64::from(n) + 1)
            .filter(|day| day.month() == month.month()),
        0 => None,
    }
}

fn add_days(day: Date, days: i64) -> Option<Date> {
    day.checked_add(Span::new().try_days(days).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// The dates of a whole-day event starting on `first` with the rule `rule`, in 2026–27.
    fn dates(rule: &str, first: Date) -> Vec<String> {
        let rule = parse(rule, &TimeZone::UTC).unwrap();
        let window = (date(2026, 9, 1), date(2027, 8, 31));
        rule.expand(&Moment::Day(first), window, |moment| {
            (window.0..=window.1).contains(&moment.date())
        })
        .unwrap()
        .iter()
        .map(|moment| moment.date().to_string())
        .collect()
    }

    #[test]
    fn a_weekly_rule_picks_its_days_until_its_count_runs_out() {
        assert_eq!(
            dates("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5", date(2026, 9, 7)),
            [
                "2026-09-07",
                "2026-09-09",
                "2026-09-14",
                "2026-09-16",
                "2026-09-21"
            ]
        );
    }

    #[test]
    fn the_start_counts_as_the_first_occurrence_even_off_the_rule() {
        // 2 September 2026 is a Wednesday; the rule picks Mondays.
        assert_eq!(
            dates("FREQ=WEEKLY;BYDAY=MO;COUNT=3", date(2026, 9, 2)),
            ["2026-09-02", "2026-09-07", "2026-09-14"]
        );
    }

    #[test]
    fn every_other_week_counts_its_weeks_from_wkst() {
        // RFC 5545's own example: the week a Sunday falls in depends on WKST.
        let first = date(1997, 8, 5);
        let window = (date(1997, 8, 1), date(1997, 8, 31));
        let expand = |rule| {
            let rule = parse(rule, &TimeZone::UTC).unwrap();
            rule.expand(&Moment::Day(first), window, |_| true)
                .unwrap()
                .iter()
                .map(|moment| moment.date().day())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO"),
            [5, 10, 19, 24]
        );
        assert_eq!(
            expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU"),
            [5, 17, 19, 31]
        );
    }

    #[test]
    fn monthly_rules_read_numbered_days_and_set_positions_alike() {
        let first_tuesday = ["2026-10-06", "2026-11-03", "2026-12-01"];
        assert_eq!(
            dates("FREQ=MONTHLY;BYDAY=1TU;COUNT=3", date(2026, 10, 6)),
            first_tuesday
        );
        assert_eq!(
            dates(
                "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=3",
                date(2026, 10, 6)
            ),
            first_tuesday
        );
        assert_eq!(
            dates("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", date(2026, 9, 25)),
            ["2026-09-25", "2026-10-30", "2026-11-27"]
        );
        assert_eq!(
            dates("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", date(2027, 1, 31)),
            ["2027-01-31", "2027-02-28", "2027-03-31"]
        );
    }

    #[test]
    fn a_monthly_rule_skips_months_without_its_day() {
        assert_eq!(
            dates("FREQ=MONTHLY;COUNT=3", date(2027, 1, 31)),
            ["2027-01-31", "2027-03-31", "2027-05-31"]
        );
    }

    #[test]
    fn yearly_rules_read_months_and_their_days() {
        assert_eq!(
            dates("FREQ=YEARLY;BYMONTH=3;BYDAY=2TU", date(2020, 3, 10)),
            ["2027-03-09"]
        );
        assert_eq!(
            dates("FREQ=YEARLY;BYMONTH=2,6", date(2019, 2, 14)),
            ["2027-02-14", "2027-06-14"]
        );
        assert_eq!(
            dates("FREQ=YEARLY;BYDAY=20MO", date(2027, 5, 17)),
            ["2027-05-17"]
        );
    }

    #[test]
    fn a_weekday_rule_repeats_on_school_days_until_its_until() {
        assert_eq!(
            dates(
                "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260908",
                date(2026, 9, 3)
            ),
            ["2026-09-03", "2026-09-04", "2026-09-07", "2026-09-08"]
        );
    }

    #[test]
    fn a_rule_with_no_end_starts_long_ago_and_reaches_the_window() {
        let found = dates("FREQ=DAILY;INTERVAL=3", date(2001, 1, 1));
        assert_eq!(found.len(), 122);
        assert!(found[0].as_str() >= "2026-09-01", "{found:?}");
    }

    #[test]
    fn too_many_occurrences_are_refused() {
        let rule = parse("FREQ=DAILY", &TimeZone::UTC).unwrap();
        let window = (date(2026, 9, 1), date(2028, 8, 31));
        let start = Moment::Day(date(2026, 9, 1));
        assert!(matches!(
            rule.expand(&start, window, |_| true),
            Err(TooMany)
        ));
    }

    #[test]
    fn parts_careersite_cannot_expand_are_named() {
        for (rule, part) in [
            ("FREQ=HOURLY", "FREQ=HOURLY"),
            ("FREQ=MONTHLY;BYWEEKNO=20", "BYWEEKNO"),
            ("FREQ=DAILY;BYHOUR=9,14", "BYHOUR"),
            ("FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY"),
            ("FREQ=DAILY;X-NAME=1", "X-NAME"),
        ] {
            assert_eq!(
                parse(rule, &TimeZone::UTC).unwrap_err(),
                RuleProblem::Unsupported(part.to_string()),
                "{rule}"
            );
        }
    }

    #[test]
    fn rules_rfc_5545_does_not_allow_are_unreadable() {
        for rule in [
            "BYDAY=MO",
            "FREQ=FORTNIGHTLY",
            "FREQ=WEEKLY;BYDAY=1MO",
            "FREQ=WEEKLY;BYMONTHDAY=1",
            "FREQ=MONTHLY;BYDAY=0MO",
            "FREQ=MONTHLY;BYDAY=MON",
            "FREQ=MONTHLY;BYMONTHDAY=32",
            "FREQ=MONTHLY;BYMONTHDAY=0",
            "FREQ=MONTHLY;BYMONTH=13",
            "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;COUNT=ten",
            "FREQ=DAILY;UNTIL=2027",
            "FREQ=DAILY;WEEKLY",
        ] {
            assert!(
                matches!(parse(rule, &TimeZone::UTC), Err(RuleProblem::Unreadable(_))),
                "{rule}"
            );
        }
    }
}
