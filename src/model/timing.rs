//! When something in a plan is due, in the words schools write it: a day, a month, a term or
//! half term, a school year, "ongoing", or any of those "then ongoing". One type for the action
//! plan's deadlines, the strategic plan's times and the plan's own dates, so they read alike
//! on every page.

use std::fmt;

use jiff::civil;

use crate::yaml;

/// A stretch of time a plan names: when it is due by, or when something happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day(civil::Date),
    /// The first day of the month.
    Month(civil::Date),
    Term {
        term: SchoolTerm,
        /// Which half of the term, for schools that plan by half term ("Autumn 1").
        half: Option<Half>,
        /// The calendar year the term falls in.
        year: i16,
    },
    /// The school year from September of `starting` to the next August.
    SchoolYear {
        starting: i16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchoolTerm {
    Autumn,
    Spring,
    Summer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    First,
    Second,
}

/// When an action is due: a period, "ongoing", or a period and then ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub by: Option<Period>,
    pub ongoing: bool,
}

/// The years a plan covers: `2021-2024`, `2021 to 2024`, `2021-24`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearSpan {
    pub from: i16,
    pub to: i16,
}

impl YearSpan {
    pub fn parse(text: &str) -> Option<Self> {
        let words = normalise(text);
        let (from, to) = words
            .split_once(" to ")
            .or_else(|| words.split_once('-'))
            .or_else(|| words.split_once('/'))?;
        let (from, to) = (from.trim(), to.trim());
        let from: i16 = from.parse().ok().filter(|_| from.len() == 4)?;
        let to: i16 = match to.len() {
            2 => from / 100 * 100 + to.parse::<i16>().ok()?,
            4 => to.parse().ok()?,
            _ => return None,
        };
        (from < to && PLAN_YEARS.contains(&from) && PLAN_YEARS.contains(&to))
            .then_some(YearSpan { from, to })
    }
}

impl YearSpan {
    /// Whether the span's last school year is over: a plan for 2021 to 2024 runs to the end
    /// of August 2024.
    pub fn ended(self, today: civil::Date) -> bool {
        civil::date(self.to, 8, 31) < today
    }
}

impl fmt::Display for YearSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.from, self.to)
    }
}

impl yaml::Scalar for YearSpan {
    const WHAT: &'static str = "a span of years";
    const HOW: &'static str = "write the first and last year, like 2021-2024 or 2021 to 2024";
    const WRITTEN: yaml::Written = yaml::Written::Text {
        pattern: r"^\s*\d{4}\s*(-|–|—|/|\s[Tt][Oo]\s)\s*(\d\d|\d{4})[.,]?\s*$",
        examples: &["2021-2024", "2021 to 2024"],
    };

    fn from_text(text: &str) -> Option<Self> {
        YearSpan::parse(text)
    }

    fn stand_in() -> Self {
        YearSpan {
            from: 2000,
            to: 2001,
        }
    }
}

/// Years outside these are almost always a mistyped year, as for events.
const PLAN_YEARS: std::ops::RangeInclusive<i16> = 2000..=2100;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl Period {
    /// As [`Timing::written`] writes it: `30 September 2019`, `September 2019`, `Autumn 1
    /// 2021`, `2021-22`.
    pub fn written(&self) -> String {
        match self {
            Period::Day(day) => day.strftime("%-d %B %Y").to_string(),
            Period::Month(first) => first.strftime("%B %Y").to_string(),
            Period::Term { term, half, year } => {
                let name = match term {
                    SchoolTerm::Autumn => "Autumn",
                    SchoolTerm::Spring => "Spring",
                    SchoolTerm::Summer => "Summer",
                };
                match half {
                    None => format!("{name} {year}"),
                    Some(Half::First) => format!("{name} 1 {year}"),
                    Some(Half::Second) => format!("{name} 2 {year}"),
                }
            }
            Period::SchoolYear { starting } => format!("{starting}-{:02}", (starting + 1) % 100),
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let words = normalise(text);
        let period = Self::iso_written(&words)
            .or_else(|| Self::school_year(&words))
            .or_else(|| Self::term(&words))
            .or_else(|| Self::month_in_words(&words))
            .or_else(|| Self::day_in_words(&words))
            .or_else(|| Self::as_excel_shows(&words))?;
        PLAN_YEARS.contains(&period.end().year()).then_some(period)
    }

    /// `2021-09-30` or `2021-09`, or a day as England writes it, `30/09/2021`.
    fn iso_written(text: &str) -> Option<Self> {
        if let Ok(day) = text.parse::<civil::Date>() {
            return Some(Period::Day(day));
        }
        if let [day, month, year] = text.split('/').collect::<Vec<_>>()[..]
            && year.len() == 4
        {
            return civil::Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
                .ok()
                .map(Period::Day);
        }
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        civil::Date::new(year.parse().ok()?, month.parse().ok()?, 1)
            .ok()
            .map(Period::Month)
    }

    /// `2021-22`, `2021-2022`, `2021/22`, `2021 to 2022`, with or without "school year" or
    /// "academic year" before it. Month numbers come first: `2021-09` is a month, never a year.
    fn school_year(text: &str) -> Option<Self> {
        let text = ["academic year ", "school year ", "the school year "]
            .iter()
            .find_map(|prefix| text.strip_prefix(prefix))
            .unwrap_or(text);
        let span = YearSpan::parse(text)?;
        (span.to == span.from + 1).then_some(Period::SchoolYear {
            starting: span.from,
        })
    }

    /// `autumn 2021`, `Autumn Term 2021`, `spring term 2021-22`, `autumn 1 2021`.
    fn term(text: &str) -> Option<Self> {
        let (name, rest) = text.split_once(' ')?;
        let term = match name {
            "autumn" => SchoolTerm::Autumn,
            "spring" => SchoolTerm::Spring,
            "summer" => SchoolTerm::Summer,
            _ => return None,
        };
        let rest = rest.strip_prefix("term ").unwrap_or(rest);
        let (half, rest) = match rest.split_once(' ') {
            Some(("1", rest)) => (Some(Half::First), rest),
            Some(("2", rest)) => (Some(Half::Second), rest),
            _ => (None, rest),
        };
        let year = match Self::school_year(rest) {
            // In a school year, autumn is in its first calendar year, spring and summer its
            // second.
            Some(Period::SchoolYear { starting }) if term == SchoolTerm::Autumn => starting,
            Some(Period::SchoolYear { starting }) => starting + 1,
            _ => year_number(rest)?,
        };
        Some(Period::Term { term, half, year })
    }

    /// `September 2021`, `Sept 2019`, `Nov '21`.
    fn month_in_words(text: &str) -> Option<Self> {
        let (month, year) = text.split_once(' ')?;
        civil::Date::new(year_number(year)?, month_number(month)?, 1)
            .ok()
            .map(Period::Month)
    }

    /// `30 September 2021`, `30 Sept 2021`.
    fn day_in_words(text: &str) -> Option<Self> {
        let mut words = text.split(' ');
        let (day, month, year) = (words.next()?, words.next()?, words.next()?);
        if words.next().is_some() {
            return None;
        }
        let day = day
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse()
            .ok()?;
        civil::Date::new(year_number(year)?, month_number(month)?, day)
            .ok()
            .map(Period::Day)
    }

    /// `oct-26` and `17-jul-27`: a month or a day as Excel shows a date and saves it to CSV,
    /// when it took "October 2026" or "17 July 2027" for a date.
    fn as_excel_shows(text: &str) -> Option<Self> {
        // Excel writes the year in two figures, as schools write `Nov '21`.
        let year = |year: &str| match year.len() {
            2 => format!("'{year}"),
            _ => year.to_string(),
        };
        match text.split('-').collect::<Vec<_>>()[..] {
            [month, y] => Self::month_in_words(&format!("{month} {}", year(y))),
            [day, month, y] if day.chars().all(|c| c.is_ascii_digit()) => {
                Self::day_in_words(&format!("{day} {month} {}", year(y)))
            }
            _ => None,
        }
    }

    /// The last day the period covers: when a deadline in it has passed. Terms end at the
    /// latest their holidays can start in England (the spring term with Easter, which can
    /// fall in late April), so that a deadline is never called passed too soon.
    pub fn end(self) -> civil::Date {
        let last_of = |year: i16, month: i8| civil::date(year, month, 1).last_of_month();
        match self {
            Period::Day(day) => day,
            Period::Month(first) => first.last_of_month(),
            Period::Term { term, half, year } => {
                let month = match (term, half) {
                    (SchoolTerm::Autumn, Some(Half::First)) => 10,
                    (SchoolTerm::Autumn, _) => 12,
                    (SchoolTerm::Spring, Some(Half::First)) => 2,
                    (SchoolTerm::Spring, _) => 4,
                    (SchoolTerm::Summer, Some(Half::First)) => 5,
                    (SchoolTerm::Summer, _) => 7,
                };
                last_of(year, month)
            }
            Period::SchoolYear { starting } => civil::date(starting + 1, 8, 31),
        }
    }

    /// For `<time datetime>`: `2021-09-30` or `2021-09`. HTML has no form for a term or a
    /// school year, so those have none.
    pub fn iso(&self) -> Option<String> {
        match self {
            Period::Day(day) => Some(day.to_string()),
            Period::Month(first) => Some(first.strftime("%Y-%m").to_string()),
            Period::Term { .. } | Period::SchoolYear { .. } => None,
        }
    }
}

impl Period {
    /// As shown inside a sentence: seasons and "school year" in lower case, as GOV.UK's style
    /// writes them ("due by summer term 2022").
    pub fn in_sentence(self) -> String {
        lower_first(
            &self.to_string(),
            matches!(self, Period::Term { .. } | Period::SchoolYear { .. }),
        )
    }
}

fn lower_first(text: &str, lower: bool) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if lower => first.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day(day) => write!(f, "{}", day.strftime("%-d %B %Y")),
            Period::Month(first) => write!(f, "{}", first.strftime("%B %Y")),
            Period::Term { term, half, year } => {
                let name = match term {
                    SchoolTerm::Autumn => "Autumn",
                    SchoolTerm::Spring => "Spring",
                    SchoolTerm::Summer => "Summer",
                };
                write!(f, "{name} term {year}")?;
                match half {
                    Some(Half::First) => f.write_str(" (first half)"),
                    Some(Half::Second) => f.write_str(" (second half)"),
                    None => Ok(()),
                }
            }
            Period::SchoolYear { starting } => {
                write!(f, "School year {starting} to {}", starting + 1)
            }
        }
    }
}

impl Timing {
    /// As careersite writes it into a spreadsheet for the careers leader to edit: in words,
    /// and read back by [`Timing::parse`] as the same time.
    pub fn written(&self) -> String {
        match (self.by, self.ongoing) {
            (None, _) => "Ongoing".to_string(),
            (Some(period), false) => period.written(),
            (Some(period), true) => format!("{} then ongoing", period.written()),
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let words = normalise(text);
        if words == "ongoing" {
            return Some(Timing {
                by: None,
                ongoing: true,
            });
        }
        // Longest first, so that "and then ongoing" is not read as "and" + "then ongoing".
        let going_on = [
            " and then ongoing",
            " then ongoing",
            " and ongoing",
            " - ongoing",
            " ongoing",
            " onwards",
        ];
        let (period, ongoing) = match going_on.iter().find_map(|end| words.strip_suffix(end)) {
            Some(period) => (period, true),
            None => match words.strip_prefix("from ") {
                Some(period) => (period, true),
                None => (words.as_str(), false),
            },
        };
        let period = period.trim_end_matches([',', ' ', '-']);
        let period = period.strip_prefix("from ").unwrap_or(period);
        Some(Timing {
            by: Some(Period::parse(period)?),
            ongoing,
        })
    }

    /// Whether the time has run out: its period is over, and it does not go on after it.
    pub fn passed(&self, today: civil::Date) -> bool {
        !self.ongoing && self.by.is_some_and(|period| period.end() < today)
    }

    pub fn iso(&self) -> Option<String> {
        self.by.and_then(|period| period.iso())
    }

    /// As shown inside a sentence, as [`Period::in_sentence`].
    pub fn in_sentence(self) -> String {
        let lower = matches!(
            self.by,
            None | Some(Period::Term { .. } | Period::SchoolYear { .. })
        );
        lower_first(&self.to_string(), lower)
    }
}

impl fmt::Display for Timing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.by, self.ongoing) {
            (None, _) => f.write_str("Ongoing"),
            (Some(period), false) => write!(f, "{period}"),
            (Some(period), true) => write!(f, "{period}, then ongoing"),
        }
    }
}

/// Lower case, single spaces, no commas, no full stop at the end; the dashes and quotes word
/// processors put in ("2021–22", "Nov ‘21") as typed on a keyboard.
fn normalise(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .replace(['–', '—'], "-")
        .replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches('.')
        .to_string()
}

/// `2021`, or `'21` as schools abbreviate it.
fn year_number(text: &str) -> Option<i16> {
    match text.strip_prefix('\'') {
        Some(short) if short.len() == 2 => Some(2000 + short.parse::<i16>().ok()?),
        None if text.len() == 4 => text.parse().ok(),
        _ => None,
    }
}

/// `september`, `sept`, `sep`: a month's name or its first three letters and more.
fn month_number(text: &str) -> Option<i8> {
    let text = text.trim_end_matches('.');
    if text.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|name| name.starts_with(text))
        .map(|i| i as i8 + 1)
}

const HOW: &str = "write a day (2021-09-30), a month (2021-09 or September 2021), a term (autumn 2021 or Autumn Term 2021, or a half term like autumn 1 2021), a school year (2021-22), or `ongoing`; any of these may be followed by `then ongoing`";

impl yaml::Scalar for Timing {
    const WHAT: &'static str = "a time";
    const HOW: &'static str = HOW;
    const WRITTEN: yaml::Written = yaml::Written::Text {
        // Every time has a year in it, or goes on: "next term" would be read differently
        // from one year to the next.
        pattern: r"\d\d|[Oo][Nn][Gg][Oo][Ii][Nn][Gg]",
        examples: &[
            "2021-09-30",
            "September 2021",
            "autumn 2021",
            "autumn 1 2021",
            "2021-22",
            "ongoing",
            "Autumn Term 2021 then ongoing",
        ],
    };

    fn from_text(text: &str) -> Option<Self> {
        Timing::parse(text)
    }

    fn stand_in() -> Self {
        Timing {
            by: None,
            ongoing: true,
        }
    }
}

impl yaml::Scalar for Period {
    const WHAT: &'static str = "a date, month, term or school year";
    const HOW: &'static str = "write a day (2021-09-30), a month (2021-09 or May 2021), a term (spring 2021 or Spring Term 2021), or a school year (2021-22)";
    const WRITTEN: yaml::Written = yaml::Written::Text {
        pattern: r"\d\d",
        examples: &["2021-09-30", "May 2021", "spring 2021", "2021-22"],
    };

    fn from_text(text: &str) -> Option<Self> {
        Period::parse(text)
    }

    fn stand_in() -> Self {
        Period::SchoolYear { starting: 2000 }
    }
}

yaml::deserialize_scalar!(Timing, Period, YearSpan);

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        Timing::parse(text)
            .unwrap_or_else(|| panic!("{text:?} should be a time"))
            .to_string()
    }

    #[test]
    fn the_words_schools_write_are_read_and_shown_one_way() {
        for (written, shown_as) in [
            ("2019-09", "September 2019"),
            ("Sept 2019", "September 2019"),
            ("Nov '21", "November 2021"),
            ("nov ’21", "November 2021"),
            ("2019-09-30", "30 September 2019"),
            ("30 Sept 2019", "30 September 2019"),
            ("Ongoing", "Ongoing"),
            ("autumn 2021", "Autumn term 2021"),
            ("Autumn Term 2021", "Autumn term 2021"),
            ("Spring Term 2022.", "Spring term 2022"),
            ("spring term 2021-22", "Spring term 2022"),
            ("autumn 1 2021", "Autumn term 2021 (first half)"),
            ("2021-22", "School year 2021 to 2022"),
            ("2021/2022", "School year 2021 to 2022"),
            ("academic year 2021 to 2022", "School year 2021 to 2022"),
            (
                "Autumn Term 2021 then ongoing",
                "Autumn term 2021, then ongoing",
            ),
            ("Sept 2019 and ongoing", "September 2019, then ongoing"),
            ("2019-09, then ongoing", "September 2019, then ongoing"),
            ("Sept 2019 and then ongoing", "September 2019, then ongoing"),
            ("Autumn 2021 - ongoing", "Autumn term 2021, then ongoing"),
            ("Autumn 2021 – ongoing", "Autumn term 2021, then ongoing"),
            ("summer term 2022 onwards", "Summer term 2022, then ongoing"),
            ("from September 2021", "September 2021, then ongoing"),
            ("2021–22", "School year 2021 to 2022"),
            ("Sept ‘19", "September 2019"),
            ("Autumn 1, 2021", "Autumn term 2021 (first half)"),
            ("30 Sept, 2019", "30 September 2019"),
            ("30/09/2019", "30 September 2019"),
            ("Oct-26", "October 2026"),
            ("17-Jul-27", "17 July 2027"),
        ] {
            assert_eq!(shown(written), shown_as, "{written:?}");
        }
    }

    #[test]
    fn a_time_written_for_a_spreadsheet_reads_back_as_the_same_time() {
        for text in [
            "2019-09-30",
            "Sept 2019",
            "autumn 2021",
            "autumn 1 2021",
            "summer 2 2022",
            "2021-22",
            "2029-30",
            "Ongoing",
            "Sept 2019 and ongoing",
            "from 30/09/2019",
            "Autumn Term 2021 then ongoing",
        ] {
            let timing = Timing::parse(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(
                Timing::parse(&timing.written()),
                Some(timing),
                "{text:?} as {}",
                timing.written()
            );
        }
    }

    #[test]
    fn what_is_not_a_time_is_refused() {
        for text in [
            "2019-13",
            "Septemberish 2019",
            "winter 2021",
            "2021-23",
            "soon",
            "31/02/2023",
            "autumn 1899",
            "ju 2020",
        ] {
            assert!(Timing::parse(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn a_time_has_passed_once_its_period_is_over_unless_it_goes_on() {
        let today = civil::date(2022, 4, 15);
        assert!(Timing::parse("autumn 2021").unwrap().passed(today));
        assert!(!Timing::parse("spring 2022").unwrap().passed(today));
        assert!(
            !Timing::parse("autumn 2021 then ongoing")
                .unwrap()
                .passed(today)
        );
        assert!(!Timing::parse("ongoing").unwrap().passed(today));
        assert!(!Timing::parse("2021-22").unwrap().passed(today));
        assert!(Timing::parse("2022-03").unwrap().passed(today));
    }

    #[test]
    fn a_plan_spans_years_written_either_way() {
        for text in ["2021-2024", "2021 to 2024", "2021-24", "2021 - 2024"] {
            assert_eq!(YearSpan::parse(text).unwrap().to_string(), "2021 to 2024");
        }
        assert!(YearSpan::parse("2024-2021").is_none());
        assert!(YearSpan::parse("2021").is_none());
    }

    #[test]
    fn only_days_and_months_have_a_machine_date() {
        assert_eq!(Timing::parse("2019-09").unwrap().iso().unwrap(), "2019-09");
        assert_eq!(
            Timing::parse("30 September 2019").unwrap().iso().unwrap(),
            "2019-09-30"
        );
        assert_eq!(Timing::parse("autumn 2021").unwrap().iso(), None);
    }
}
