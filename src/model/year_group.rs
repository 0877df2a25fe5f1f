use std::fmt;

use serde::{Serialize, Serializer};

use crate::yaml;

/// A year group, from Reception to Year 13.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum YearGroup {
    Reception,
    Year(u8),
}

impl YearGroup {
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        if matches!(text.as_str(), "reception" | "r" | "eyfs") {
            return Some(YearGroup::Reception);
        }
        let number = text.strip_prefix("year").unwrap_or(&text).trim();
        number
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=13).contains(n))
            .map(YearGroup::Year)
    }

    pub fn label(self) -> String {
        self.to_string()
    }

    /// For addresses and ids: `reception`, `year-7`.
    pub fn slug(self) -> String {
        match self {
            YearGroup::Reception => "reception".to_string(),
            YearGroup::Year(n) => format!("year-{n}"),
        }
    }

    pub fn key_stage(self) -> &'static str {
        match self {
            YearGroup::Reception => "Early years",
            YearGroup::Year(1..=2) => "Key stage 1",
            YearGroup::Year(3..=6) => "Key stage 2",
            YearGroup::Year(7..=9) => "Key stage 3",
            YearGroup::Year(10..=11) => "Key stage 4",
            YearGroup::Year(_) => "Key stage 5",
        }
    }
}

impl fmt::Display for YearGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            YearGroup::Reception => f.write_str("Reception"),
            YearGroup::Year(n) => write!(f, "Year {n}"),
        }
    }
}

impl Serialize for YearGroup {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl yaml::Scalar for YearGroup {
    const WHAT: &'static str = "a year group";
    const HOW: &'static str = "use Reception or a year from 1 to 13, such as 7 or \"Year 7\"";
    const WRITTEN: yaml::Written = yaml::Written::NumberOrText {
        min: 1,
        max: 13,
        pattern: r"^\s*([Rr]|[Rr]eception|RECEPTION|EYFS|[Ee]yfs|([Yy]ear|YEAR)?\s*\d\d?)\s*$",
        examples: &["Reception", "Year 7"],
    };

    fn from_text(text: &str) -> Option<Self> {
        YearGroup::parse(text)
    }

    fn stand_in() -> Self {
        YearGroup::Reception
    }
}

/// The year groups a school has, such as `Reception to Year 6` or `7 to 13`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRange {
    pub youngest: YearGroup,
    pub oldest: YearGroup,
}

impl YearRange {
    pub fn parse(text: &str) -> Option<Self> {
        let lower = text.to_lowercase();
        let (from, to) = lower
            .split_once(" to ")
            .or_else(|| lower.split_once('-'))
            .or_else(|| lower.split_once('–'))?;
        let (youngest, oldest) = (YearGroup::parse(from)?, YearGroup::parse(to)?);
        (youngest <= oldest).then_some(YearRange { youngest, oldest })
    }

    pub fn contains(self, year: YearGroup) -> bool {
        (self.youngest..=self.oldest).contains(&year)
    }
}

impl yaml::Scalar for YearRange {
    const WHAT: &'static str = "a range of year groups";
    const HOW: &'static str =
        "write the youngest and the oldest, such as `Reception to Year 6` or `7 to 13`";
    const WRITTEN: yaml::Written = yaml::Written::Text {
        pattern: r"^\s*([Rr]eception|RECEPTION|[Rr]|([Yy]ear|YEAR)?\s*\d\d?)\s*(\s[Tt][Oo]\s|-|–)\s*([Yy]ear|YEAR)?\s*\d\d?\s*$",
        examples: &["Reception to Year 6", "Year 7 to Year 13", "7 to 13"],
    };

    fn from_text(text: &str) -> Option<Self> {
        YearRange::parse(text)
    }

    fn stand_in() -> Self {
        YearRange {
            youngest: YearGroup::Reception,
            oldest: YearGroup::Reception,
        }
    }
}

yaml::deserialize_scalar!(YearGroup, YearRange);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_groups_read_as_teachers_write_them() {
        assert_eq!(YearGroup::parse("Year 7"), Some(YearGroup::Year(7)));
        assert_eq!(YearGroup::parse("7"), Some(YearGroup::Year(7)));
        assert_eq!(YearGroup::parse("Reception"), Some(YearGroup::Reception));
        assert_eq!(YearGroup::parse("Year 14"), None);
        assert_eq!(YearGroup::Year(12).key_stage(), "Key stage 5");
    }

    #[test]
    fn year_ranges_read_as_schools_write_them() {
        let range = |youngest, oldest| Some(YearRange { youngest, oldest });
        assert_eq!(
            YearRange::parse("Reception to Year 6"),
            range(YearGroup::Reception, YearGroup::Year(6))
        );
        assert_eq!(
            YearRange::parse("7-13"),
            range(YearGroup::Year(7), YearGroup::Year(13))
        );
        assert_eq!(YearRange::parse("11 to 7"), None);
        assert_eq!(YearRange::parse("Year 7"), None);
    }
}
