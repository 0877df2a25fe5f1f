//! `content/evaluation.yaml`: how the programme is doing. Compass results over time, feedback
//! surveys, and where leavers went.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::{Audience, Benchmark, Date};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Evaluation {
    pub compass: Vec<CompassResult>,
    pub feedback: Vec<Survey>,
    pub destinations: Vec<Destinations>,
}

/// One Compass self-assessment: a percentage for each benchmark.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompassResult {
    pub date: Date,
    pub scores: BTreeMap<Benchmark, Percent>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    pub survey: String,
    pub date: Option<Date>,
    pub audience: Audience,
    /// How many people answered.
    pub respondents: u32,
    pub results: Vec<SurveyResult>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyResult {
    pub statement: String,
    /// The share of respondents who agreed.
    pub agree: Percent,
}

/// Where one year's leavers went.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "WrittenDestinations")]
pub struct Destinations {
    /// The year they left, such as 2025 for leavers in the summer of 2025.
    pub year: i32,
    /// The year group they left from, such as Year 11 or Year 13.
    pub leaving: super::YearGroup,
    pub cohort: u32,
    pub routes: BTreeMap<Route, u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenDestinations {
    year: i32,
    leaving: super::YearGroup,
    cohort: u32,
    routes: BTreeMap<Route, u32>,
}

impl TryFrom<WrittenDestinations> for Destinations {
    type Error = String;

    fn try_from(written: WrittenDestinations) -> Result<Self, Self::Error> {
        // Suppression reasons from the cohort being the sum of the published counts: a route
        // left out would be a count no rule protects.
        let counted: u32 = written.routes.values().sum();
        if counted > written.cohort {
            return Err(format!(
                "the routes add up to {counted}, more than the cohort of `{}` leavers: check the counts",
                written.cohort
            ));
        }
        if counted < written.cohort {
            return Err(format!(
                "the routes add up to {counted}, but the cohort is `{}` leavers: give the route of the other {}, with `unknown:` for those whose destination is not known",
                written.cohort,
                written.cohort - counted
            ));
        }
        Ok(Destinations {
            year: written.year,
            leaving: written.leaving,
            cohort: written.cohort,
            routes: written.routes,
        })
    }
}

/// Where a leaver went, in the categories of the DfE's destination measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    SchoolSixthForm,
    SixthFormCollege,
    FurtherEducation,
    HigherEducation,
    Apprenticeship,
    Employment,
    Neet,
    Unknown,
}

impl Route {
    pub fn label(self) -> &'static str {
        match self {
            Route::SchoolSixthForm => "School sixth form",
            Route::SixthFormCollege => "Sixth-form college",
            Route::FurtherEducation => "Further education college",
            Route::HigherEducation => "University or higher education",
            Route::Apprenticeship => "Apprenticeship",
            Route::Employment => "Employment",
            Route::Neet => "Not in education, employment or training",
            Route::Unknown => "Not known",
        }
    }
}

/// A whole-number percentage from 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Percent(u8);

impl Percent {
    pub fn value(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if (0.0..=100.0).contains(&value) && value.fract() == 0.0 {
            Ok(Percent(value as u8))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{value}` is not a percentage: write a whole number from 0 to 100, without the % sign"
            )))
        }
    }
}
