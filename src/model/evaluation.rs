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
    /// Every route that leavers from this year group can take, in a fixed order, with 0 for
    /// those the school does not list.
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
        let possible = Route::open_to(written.leaving);
        if let Some(route) = written.routes.keys().find(|r| !possible.contains(r)) {
            return Err(format!(
                "`{}` is not a route that {} leavers take: use {}",
                route.key(),
                written.leaving,
                possible
                    .iter()
                    .map(|r| format!("`{}`", r.key()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        // The same rows every year, listed or not: were a route missing only when nobody took
        // it, a listed route would be known to have somebody, and the cohort could then pin
        // hidden counts down.
        let routes = possible
            .iter()
            .map(|&route| (route, written.routes.get(&route).copied().unwrap_or(0)))
            .collect();
        Ok(Destinations {
            year: written.year,
            leaving: written.leaving,
            cohort: written.cohort,
            routes,
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
    /// The routes open to leavers from `year`: after Year 11, the DfE's key stage 4 destination
    /// measures; after Year 13, its 16 to 18 measures; after any other year, all of them.
    pub fn open_to(year: super::YearGroup) -> &'static [Route] {
        use Route::*;
        match year {
            super::YearGroup::Year(11) => &[
                SchoolSixthForm,
                SixthFormCollege,
                FurtherEducation,
                Apprenticeship,
                Employment,
                Neet,
                Unknown,
            ],
            super::YearGroup::Year(13) => &[
                FurtherEducation,
                HigherEducation,
                Apprenticeship,
                Employment,
                Neet,
                Unknown,
            ],
            _ => &[
                SchoolSixthForm,
                SixthFormCollege,
                FurtherEducation,
                HigherEducation,
                Apprenticeship,
                Employment,
                Neet,
                Unknown,
            ],
        }
    }

    /// As written in `evaluation.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Route::SchoolSixthForm => "school-sixth-form",
            Route::SixthFormCollege => "sixth-form-college",
            Route::FurtherEducation => "further-education",
            Route::HigherEducation => "higher-education",
            Route::Apprenticeship => "apprenticeship",
            Route::Employment => "employment",
            Route::Neet => "neet",
            Route::Unknown => "unknown",
        }
    }

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
