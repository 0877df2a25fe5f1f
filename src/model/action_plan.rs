//! `content/action-plan.yaml`: the strategic plan (vision, current position, objectives) and the
//! action plan that carries it out, row by row.

use std::fmt;

use serde::Deserialize;

use super::{Benchmark, Date};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    /// The careers vision: a short, ambitious statement (Markdown).
    pub vision: String,
    pub current_position: CurrentPosition,
    pub objectives: Vec<Objective>,
    pub actions: Vec<ActionRow>,
}

/// Where the programme stands now, as a SOAR analysis. Each field is Markdown.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CurrentPosition {
    pub strengths: String,
    pub opportunities: String,
    pub aspirations: String,
    pub results: String,
}

impl CurrentPosition {
    pub fn is_empty(&self) -> bool {
        [
            &self.strengths,
            &self.opportunities,
            &self.aspirations,
            &self.results,
        ]
        .iter()
        .all(|text| text.trim().is_empty())
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Objective {
    pub title: String,
    #[serde(default)]
    pub benchmarks: Vec<Benchmark>,
    #[serde(default)]
    pub description: String,
}

/// One row of the action plan: for a benchmark (or another area), what is in place, what will
/// be done, by when and by whom, and how success will be judged.
#[derive(Debug, Clone, Deserialize)]
pub struct ActionRow {
    pub benchmark: Option<Benchmark>,
    /// A heading for a row that is not about one benchmark, such as "Destinations".
    pub area: Option<String>,
    #[serde(default)]
    pub provision: Vec<String>,
    #[serde(default)]
    pub actions: Vec<KeyAction>,
    #[serde(default)]
    pub success_criteria: Vec<String>,
    #[serde(default)]
    pub progress: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct KeyAction {
    pub action: String,
    pub deadline: Option<Deadline>,
    #[serde(default)]
    pub who: String,
}

/// When an action is due: a day, a month, or ongoing, as action plans write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub by: Option<DueBy>,
    pub ongoing: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueBy {
    Day(Date),
    Month(jiff::civil::Date),
}

impl Deadline {
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        if text == "ongoing" {
            return Some(Deadline {
                by: None,
                ongoing: true,
            });
        }
        let (due, ongoing) = match text.strip_suffix("and ongoing") {
            Some(due) => (due.trim(), true),
            None => (text.as_str(), false),
        };
        let by = match Date::parse(due) {
            Some(day) => DueBy::Day(day),
            None => DueBy::Month(format!("{due}-01").parse::<jiff::civil::Date>().ok()?),
        };
        Some(Deadline {
            by: Some(by),
            ongoing,
        })
    }

    /// For `<time datetime>`: `2019-09-30` or `2019-09`.
    pub fn iso(&self) -> Option<String> {
        self.by.map(|by| match by {
            DueBy::Day(day) => day.iso(),
            DueBy::Month(month) => month.strftime("%Y-%m").to_string(),
        })
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.by {
            Some(DueBy::Day(day)) => f.write_str(&day.long())?,
            Some(DueBy::Month(month)) => write!(f, "{}", month.strftime("%B %Y"))?,
            None => return f.write_str("Ongoing"),
        }
        if self.ongoing {
            f.write_str(", then ongoing")?;
        }
        Ok(())
    }
}

impl yaml::Scalar for Deadline {
    const WHAT: &'static str = "a deadline";
    const HOW: &'static str = "write a date (2025-09-30), a month (2025-09), `ongoing`, or a date or month followed by `and ongoing`";

    fn from_text(text: &str) -> Option<Self> {
        Deadline::parse(text)
    }

    fn stand_in() -> Self {
        Deadline {
            by: None,
            ongoing: true,
        }
    }
}

yaml::deserialize_scalar!(Deadline);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_read_as_action_plans_write_them() {
        assert_eq!(
            Deadline::parse("2019-09").unwrap().to_string(),
            "September 2019"
        );
        assert_eq!(
            Deadline::parse("2019-09-30").unwrap().to_string(),
            "30 September 2019"
        );
        assert_eq!(Deadline::parse("Ongoing").unwrap().to_string(), "Ongoing");
        assert_eq!(
            Deadline::parse("2019-09 and ongoing").unwrap().to_string(),
            "September 2019, then ongoing"
        );
        assert_eq!(
            Deadline::parse("2019-09").unwrap().iso().unwrap(),
            "2019-09"
        );
        assert!(Deadline::parse("Sept 2019").is_none());
        assert!(Deadline::parse("2019-13").is_none());
    }
}
