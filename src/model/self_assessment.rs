//! `content/benchmarks.yaml`: the school's self-assessment against each benchmark's requirements,
//! in the shape of the Gatsby Benchmark assessment grid schools already use.

use serde::{Deserialize, Deserializer, Serialize};

use super::{Benchmark, Date};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SelfAssessment {
    /// When the grid was last completed.
    pub assessed: Option<Date>,
    pub benchmarks: Vec<BenchmarkAssessment>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkAssessment {
    pub benchmark: Benchmark,
    /// What the school does towards this benchmark (Markdown).
    #[serde(default)]
    pub provision: String,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// How the benchmark is adapted for a primary school.
    #[serde(default)]
    pub primary_adaptation: String,
    /// General notes (Markdown).
    #[serde(default)]
    pub notes: String,
}

/// One requirement, or a heading with its parts (such as "Is evaluated using feedback from:").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub requirement: String,
    pub progress: Option<Progress>,
    pub priority: Option<Priority>,
    #[serde(default)]
    pub primary_adaptation: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub parts: Vec<Requirement>,
}

/// Red / Amber / Green, or not applicable (a primary school's sixth-form items, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    Red,
    Amber,
    Green,
    NotApplicable,
}

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match text.trim().to_lowercase().as_str() {
            "red" => Ok(Progress::Red),
            "amber" => Ok(Progress::Amber),
            "green" => Ok(Progress::Green),
            "not-applicable" | "not applicable" | "n/a" | "na" => Ok(Progress::NotApplicable),
            _ => Err(serde::de::Error::custom(format!(
                "`{text}` is not a rating: use red, amber, green or not-applicable"
            ))),
        }
    }
}

impl Progress {
    /// Words, not only colour, carry the meaning.
    pub fn label(self) -> &'static str {
        match self {
            Progress::Red => "Red: not yet met",
            Progress::Amber => "Amber: partly met",
            Progress::Green => "Green: met",
            Progress::NotApplicable => "Not applicable",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Progress::Red => "✗",
            Progress::Amber => "◐",
            Progress::Green => "✓",
            Progress::NotApplicable => "–",
        }
    }
}

/// 1 is the highest priority, 3 the lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Priority(u8);

impl<'de> Deserialize<'de> for Priority {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        match value {
            1..=3 => Ok(Priority(value as u8)),
            _ => Err(serde::de::Error::custom(format!(
                "`{value}` is not a priority: use 1 (highest), 2 or 3"
            ))),
        }
    }
}
