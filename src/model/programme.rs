//! `content/programme.yaml`: the careers programme, year by year.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Audience, Benchmark, Date, YearGroup};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Programme {
    /// A summary of the careers programme (S2). Markdown.
    pub summary: String,
    /// How pupils, parents, staff and employers find out about the programme (S2).
    pub access: Access,
    /// How the school measures and assesses the programme's impact (S3), such as Compass each half
    /// term. Markdown; the evaluation page shows it first.
    pub impact: String,
    /// The programme year by year: an entry for each year group.
    pub years: Vec<Year>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Access {
    /// How pupils find out about the programme. Markdown.
    pub pupils: String,
    /// How parents and carers find out about the programme. Markdown.
    pub parents: String,
    /// How staff find out about the programme. Markdown.
    pub staff: String,
    /// How employers find out about the programme. Markdown.
    pub employers: String,
}

impl Access {
    pub fn for_audience(&self, audience: Audience) -> &str {
        match audience {
            Audience::Pupils => &self.pupils,
            Audience::Parents => &self.parents,
            Audience::Staff => &self.staff,
            Audience::Employers => &self.employers,
        }
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct Year {
    /// The year group: `Reception`, or 1 to 13 (`Year 7` works too).
    pub year: YearGroup,
    /// The year's theme, such as `Discovering myself`.
    #[serde(default)]
    pub theme: String,
    /// What pupils will know or be able to do by the end of the year.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// The year's careers activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct Activity {
    /// The activity's name.
    pub title: String,
    /// When in the year it happens: `autumn`, `spring`, `summer` or `all-year`.
    pub term: Term,
    /// The Gatsby Benchmarks (1 to 8) it serves.
    #[serde(default)]
    pub benchmarks: Vec<Benchmark>,
    /// Who it is for: `pupils` unless you list others.
    #[serde(default = "pupils_only")]
    pub audiences: Vec<Audience>,
    /// `true` for an encounter with providers of technical education or apprenticeships: the
    /// provider access policy lists these (P4).
    #[serde(default)]
    pub provider_encounter: bool,
    /// Its date, when it is fixed.
    pub date: Option<Date>,
    /// What happens. Markdown.
    #[serde(default)]
    pub description: String,
}

fn pupils_only() -> Vec<Audience> {
    vec![Audience::Pupils]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Term {
    Autumn,
    Spring,
    Summer,
    AllYear,
}

impl Term {
    pub const ALL: [Term; 4] = [Term::Autumn, Term::Spring, Term::Summer, Term::AllYear];

    pub fn label(self) -> &'static str {
        match self {
            Term::Autumn => "Autumn term",
            Term::Spring => "Spring term",
            Term::Summer => "Summer term",
            Term::AllYear => "All year",
        }
    }
}

impl yaml::Scalar for Term {
    const WHAT: &'static str = "a term";
    const HOW: &'static str = "use autumn, spring, summer or all-year";
    const WRITTEN: yaml::Written =
        yaml::Written::Words(&["autumn", "spring", "summer", "all-year"]);

    fn from_text(text: &str) -> Option<Self> {
        let term = match text.trim().to_lowercase().as_str() {
            "autumn" => Term::Autumn,
            "spring" => Term::Spring,
            "summer" => Term::Summer,
            "all-year" => Term::AllYear,
            _ => return None,
        };
        Some(term)
    }

    fn stand_in() -> Self {
        Term::AllYear
    }
}

yaml::deserialize_scalar!(Term);
