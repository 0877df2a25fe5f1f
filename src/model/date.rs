use std::fmt;

use crate::yaml;

/// A calendar date. Accepts `2025-09-01`, and also the timestamps other generators' front matter
/// carries (`2025-09-01T10:00:00Z`), keeping only the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(date) = text.parse::<jiff::civil::Date>() {
            return Some(Date(date));
        }
        if let Ok(timestamp) = text.parse::<jiff::Timestamp>() {
            return Some(Date(timestamp.to_zoned(jiff::tz::TimeZone::UTC).date()));
        }
        text.parse::<jiff::civil::DateTime>()
            .ok()
            .map(|datetime| Date(datetime.date()))
    }

    pub fn civil(self) -> jiff::civil::Date {
        self.0
    }

    /// ISO 8601, for machines: `2025-09-01`.
    pub fn iso(self) -> String {
        self.0.to_string()
    }

    /// The British way, for readers: `1 September 2025`.
    pub fn long(self) -> String {
        self.0.strftime("%-d %B %Y").to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl yaml::Scalar for Date {
    const WHAT: &'static str = "a date";
    const HOW: &'static str = "write it as year-month-day, like 2025-09-01";
    const WRITTEN: yaml::Written = yaml::Written::Text {
        // A timestamp (from another generator's front matter) may follow the day.
        pattern: r"^\s*\d{4}-\d\d-\d\d",
        examples: &["2026-07-13"],
    };

    fn from_text(text: &str) -> Option<Self> {
        Date::parse(text)
    }

    fn stand_in() -> Self {
        Date(jiff::civil::Date::constant(2000, 1, 1))
    }
}

yaml::deserialize_scalar!(Date);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_written_and_print_the_british_way() {
        let date = Date::parse("2025-09-01").unwrap();
        assert_eq!(date.iso(), "2025-09-01");
        assert_eq!(date.long(), "1 September 2025");
    }

    #[test]
    fn timestamps_keep_their_day() {
        assert_eq!(
            Date::parse("2023-01-31T23:00:00Z").unwrap().iso(),
            "2023-01-31"
        );
        assert_eq!(
            Date::parse("2023-01-31T09:30:00").unwrap().iso(),
            "2023-01-31"
        );
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert!(Date::parse("31/01/2023").is_none());
        assert!(Date::parse("2023-02-30").is_none());
    }
}
