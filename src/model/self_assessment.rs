//! `content/benchmarks.yaml`: the school's self-assessment against each benchmark's requirements,
//! in the shape of the Gatsby Benchmark assessment grid schools already use.

use serde::{Deserialize, Serialize};

use super::{Benchmark, Date};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SelfAssessment {
    /// When the grid was last completed.
    pub assessed: Option<Date>,
    pub benchmarks: Vec<BenchmarkAssessment>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BenchmarkAssessment {
    pub benchmark: Benchmark,
    /// The school's own wording of the benchmark, as its documents open each one (Markdown).
    #[serde(default)]
    pub statement: String,
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

impl BenchmarkAssessment {
    /// Each requirement rated on its own (one without parts) with its rating: its own, or the
    /// heading's it sits under when it has none. Headings over parts stand for their parts, so
    /// counts of these agree with the grid a school fills in, however it rates its headings.
    pub fn rated_requirements(&self) -> Vec<Rated<'_>> {
        let mut rated = Vec::new();
        leaves(&self.requirements, None, None, &mut rated);
        rated
    }
}

/// A requirement rated on its own, with the heading it sits under, if any.
pub struct Rated<'a> {
    pub requirement: &'a Requirement,
    pub progress: Option<Progress>,
    pub heading: Option<&'a str>,
}

fn leaves<'a>(
    requirements: &'a [Requirement],
    heading: Option<&'a Requirement>,
    heading_progress: Option<Progress>,
    out: &mut Vec<Rated<'a>>,
) {
    for requirement in requirements {
        let progress = requirement.progress.or(heading_progress);
        if requirement.parts.is_empty() {
            out.push(Rated {
                requirement,
                progress,
                heading: heading.map(|h| h.requirement.as_str()),
            });
        } else {
            leaves(&requirement.parts, Some(requirement), progress, out);
        }
    }
}

/// One requirement, or a heading with its parts (such as "Is evaluated using feedback from:").
#[derive(Debug, Clone, Deserialize)]
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

/// Red / Amber / Green, not yet assessed, or not applicable (a primary school's sixth-form
/// items, say). "Not yet assessed" is written down, so that a reader can tell it from a rating
/// left out by mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    Red,
    Amber,
    Green,
    NotAssessed,
    NotApplicable,
}

impl yaml::Scalar for Progress {
    const WHAT: &'static str = "a rating";
    const HOW: &'static str = "use red, amber, green, not-assessed or not-applicable";

    fn from_text(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "red" => Some(Progress::Red),
            "amber" => Some(Progress::Amber),
            "green" => Some(Progress::Green),
            "not-assessed" | "not assessed" | "not yet assessed" | "not-yet-assessed" => {
                Some(Progress::NotAssessed)
            }
            "not-applicable" | "not applicable" | "n/a" | "na" => Some(Progress::NotApplicable),
            _ => None,
        }
    }

    fn stand_in() -> Self {
        Progress::NotApplicable
    }
}

impl Progress {
    /// Words, not only colour, carry the meaning.
    pub fn label(self) -> &'static str {
        match self {
            Progress::Red => "Red: not yet met",
            Progress::Amber => "Amber: partly met",
            Progress::Green => "Green: met",
            Progress::NotAssessed => "Not yet assessed",
            Progress::NotApplicable => "Not applicable",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Progress::Red => "✗",
            Progress::Amber => "◐",
            Progress::Green => "✓",
            Progress::NotAssessed => "?",
            Progress::NotApplicable => "–",
        }
    }
}

/// 1 is the highest priority, 3 the lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Priority(u8);

impl yaml::Scalar for Priority {
    const WHAT: &'static str = "a priority";
    const HOW: &'static str = "a priority is a number from 1 (highest) to 3";

    fn from_text(text: &str) -> Option<Self> {
        text.trim()
            .parse()
            .ok()
            .filter(|n| (1..=3).contains(n))
            .map(Priority)
    }

    fn stand_in() -> Self {
        Priority(3)
    }
}

yaml::deserialize_scalar!(Progress, Priority);
