//! `content/benchmarks.yaml`: the school's self-assessment against each benchmark's requirements,
//! in the shape of the Gatsby Benchmark assessment grid schools already use.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Benchmark, Date};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct SelfAssessment {
    /// When the grid was last completed.
    pub assessed: Option<Date>,
    /// The assessment of each benchmark.
    pub benchmarks: Vec<BenchmarkAssessment>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct BenchmarkAssessment {
    /// Which benchmark: 1 to 8.
    pub benchmark: Benchmark,
    /// Your own documents' wording of the benchmark ("Every school should have..."): its page leads
    /// with it, and the action plan opens its row with it. Markdown.
    #[serde(default)]
    pub statement: String,
    /// What the school does towards the benchmark. Markdown.
    #[serde(default)]
    pub provision: String,
    /// The benchmark's requirements, as the assessment grid lists them, each with its rating.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// How the benchmark is adapted for a primary school. Markdown.
    #[serde(default)]
    pub primary_adaptation: String,
    /// Notes on the benchmark as a whole. Markdown.
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct Requirement {
    /// The requirement, in the grid's words.
    pub requirement: String,
    /// Its rating: `red`, `amber`, `green`, `not-assessed` (or `not yet assessed`) or
    /// `not-applicable` (or `n/a`). Pages show it in words with a symbol, never by colour alone.
    pub progress: Option<Progress>,
    /// How urgent it is: 1 (highest) to 3.
    pub priority: Option<Priority>,
    /// How it is adapted for a primary school, shown in its own column.
    #[serde(default)]
    pub primary_adaptation: String,
    /// Notes on it, such as what is still to do.
    #[serde(default)]
    pub notes: String,
    /// The parts of a requirement that has them, such as each audience of "Is on the school's
    /// website with information aimed at:", each with its rating.
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
    const WRITTEN: yaml::Written = yaml::Written::Words(&[
        "red",
        "amber",
        "green",
        "not-assessed",
        "not-applicable",
        "not yet assessed",
        "n/a",
    ]);

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
    /// As written in `benchmarks.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Progress::Red => "red",
            Progress::Amber => "amber",
            Progress::Green => "green",
            Progress::NotAssessed => "not-assessed",
            Progress::NotApplicable => "not-applicable",
        }
    }

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

impl Priority {
    pub fn number(self) -> u8 {
        self.0
    }
}

impl yaml::Scalar for Priority {
    const WHAT: &'static str = "a priority";
    const HOW: &'static str = "a priority is a number from 1 (highest) to 3";
    const WRITTEN: yaml::Written = yaml::Written::Number { min: 1, max: 3 };

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
