//! `content/programme.yaml`: the careers programme, year by year.

use serde::{Deserialize, Serialize};

use super::{Audience, Benchmark, Date, YearGroup};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Programme {
    /// A summary of the careers programme (Markdown): statutory item S2.
    pub summary: String,
    /// How each audience can find out about the programme (Markdown): statutory item S2.
    pub access: Access,
    /// How the school measures and assesses the programme's impact (Markdown): statutory item S3.
    pub impact: String,
    pub years: Vec<Year>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Access {
    pub pupils: String,
    pub parents: String,
    pub staff: String,
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

#[derive(Debug, Clone, Deserialize)]
pub struct Year {
    pub year: YearGroup,
    #[serde(default)]
    pub theme: String,
    /// What pupils will know or be able to do by the end of the year.
    #[serde(default)]
    pub outcomes: Vec<String>,
    #[serde(default)]
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Activity {
    pub title: String,
    pub term: Term,
    #[serde(default)]
    pub benchmarks: Vec<Benchmark>,
    #[serde(default = "pupils_only")]
    pub audiences: Vec<Audience>,
    /// An encounter with providers of technical education or apprenticeships (the Baker clause).
    #[serde(default)]
    pub provider_encounter: bool,
    pub date: Option<Date>,
    /// Markdown.
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
