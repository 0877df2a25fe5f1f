//! `content/evaluation.yaml`: how the programme is doing. Compass results over time, feedback
//! surveys, and where leavers went.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Audience, Benchmark, Date, Period};
use crate::yaml;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Evaluation {
    /// Compass results: the percentages from the Compass tool for each benchmark, the report, or
    /// both.
    pub compass: Vec<CompassResult>,
    /// Surveys of pupils, parents, staff or employers, with the share who agreed with each
    /// statement.
    pub feedback: Vec<Survey>,
    /// Where each year's leavers went.
    pub destinations: Vec<Destinations>,
}

/// One Compass self-assessment: a percentage for each benchmark, a link to its report, or both.
#[derive(Debug, Clone)]
pub struct CompassResult {
    /// When it was done: a day, or the month its report names.
    pub date: Period,
    pub scores: BTreeMap<Benchmark, Percent>,
    /// The report Compass produced: a file under content/ or a web address.
    pub report: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "CompassResult")]
struct WrittenCompassResult {
    /// When it was done: a day (`2026-06-29`) or a month (`2026-06`, `June 2026`, `Jun '26`).
    date: CompassDate,
    /// The percentage for each benchmark, such as `{1: 100, 2: 88}`.
    #[serde(default)]
    #[schemars(schema_with = "super::benchmark::per_benchmark::<Percent>")]
    scores: BTreeMap<Benchmark, Percent>,
    /// The report Compass produced: a file under `content/`, such as
    /// `downloads/compass-2026-06.pdf`, or a web address.
    report: Option<String>,
}

impl WrittenCompassResult {
    /// A result with neither scores nor a report says nothing: it would draw an empty chart.
    fn check(&self) -> Result<(), String> {
        match (self.scores.is_empty(), &self.report) {
            (true, None) => Err(
                "a Compass result needs its `scores:` for each benchmark, or a `report:` linking to the report, or both"
                    .to_string(),
            ),
            (_, Some(report)) if report.trim().is_empty() => {
                Err("`report:` is empty: give the report's file, such as downloads/compass-2021-11.pdf, or its web address".to_string())
            }
            _ => Ok(()),
        }
    }
}

yaml::schema_as!(CompassResult, WrittenCompassResult);

/// The day or month of a Compass result, as its report gives it. Compass dates each
/// assessment; a term or a school year would make an old result look current until the term or
/// year is over.
#[derive(Debug, Clone, Copy)]
struct CompassDate(Period);

impl yaml::Scalar for CompassDate {
    const WHAT: &'static str = "the day or month of a Compass result";
    const HOW: &'static str =
        "write the day (2021-11-15) or the month (2021-11 or November 2021) its report gives";
    const WRITTEN: yaml::Written = yaml::Written::Text {
        // A day or a month, in figures or with the month's name: not a term or a school year.
        pattern: r"^\s*(\d{4}[-–—]\d\d([-–—]\d\d)?([Tt ].*)?|\d\d?/\d\d?/\d{4}|(\d\d?([Ss][Tt]|[Nn][Dd]|[Rr][Dd]|[Tt][Hh])?\s+)?([Jj][Aa][Nn]|[Ff][Ee][Bb]|[Mm][Aa][Rr]|[Aa][Pp][Rr]|[Mm][Aa][Yy]|[Jj][Uu][Nn]|[Jj][Uu][Ll]|[Aa][Uu][Gg]|[Ss][Ee][Pp]|[Oo][Cc][Tt]|[Nn][Oo][Vv]|[Dd][Ee][Cc])[A-Za-z]*\.?,?\s+(\d{4}|['‘’]\d\d))\.?\s*$",
        examples: &["2026-06-29", "2026-06", "June 2026", "Jun '26"],
    };

    fn from_text(text: &str) -> Option<Self> {
        Period::parse(text)
            .filter(|period| matches!(period, Period::Day(_) | Period::Month(_)))
            .map(CompassDate)
    }

    fn stand_in() -> Self {
        CompassDate(Period::Month(jiff::civil::date(2000, 1, 1)))
    }
}

impl<'de> Deserialize<'de> for CompassResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = yaml::checked(deserializer, WrittenCompassResult::check)?;
        Ok(CompassResult {
            date: written.date.0,
            scores: written.scores,
            report: written.report.map(|report| report.trim().to_string()),
        })
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct Survey {
    /// The survey's name, such as `Year 11 guidance interviews`.
    pub survey: String,
    /// When it was taken.
    pub date: Option<Date>,
    /// Who answered: `pupils`, `parents`, `staff` or `employers`.
    pub audience: Audience,
    /// How many people answered: results from fewer than 6 people are not published.
    pub respondents: u32,
    /// Each statement, with the share who agreed.
    pub results: Vec<SurveyResult>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct SurveyResult {
    /// The statement people were asked about.
    pub statement: String,
    /// The percentage who agreed: a whole number from 0 to 100, without the % sign.
    pub agree: Percent,
}

/// Where one year's leavers went.
#[derive(Debug, Clone)]
pub struct Destinations {
    /// The year they left, such as 2025 for leavers in the summer of 2025.
    pub year: i32,
    /// The year group they left from, such as Year 11 or Year 13.
    pub leaving: super::YearGroup,
    /// Whose figures these are: the school's own, or the DfE's destination measures.
    pub source: DestinationsSource,
    pub cohort: u32,
    /// Every route that leavers from this year group can take, in a fixed order, with 0 for
    /// those the school does not list.
    pub routes: BTreeMap<Route, Count>,
}

#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "Destinations")]
struct WrittenDestinations {
    /// The summer they left, such as `2026`.
    year: i32,
    /// The year group they left from, such as `Year 11` or `Year 13`.
    leaving: super::YearGroup,
    /// Whose figures these are: `school` (your own, the default) or `dfe` (the Department for
    /// Education's destination measures, which `careersite import destinations` brings in).
    #[serde(default)]
    source: DestinationsSource,
    /// How many left: the routes must add up to this.
    cohort: u32,
    /// How many went each way, with `unknown` for leavers whose destination you do not know, and
    /// `c` for a figure the source did not publish. Counts from 1 to 5 are never published.
    routes: BTreeMap<Route, Count>,
}

impl WrittenDestinations {
    /// Suppression reasons from the cohort being the sum of the published counts: a route
    /// left out would be a count no rule protects.
    fn check(&self) -> Result<(), String> {
        Count::fit(self.cohort, self.routes.values().copied())?;
        if self.source == DestinationsSource::Dfe
            && !matches!(self.leaving, super::YearGroup::Year(11 | 13))
        {
            return Err(format!(
                "the DfE's destination measures are for Year 11 and Year 13 leavers, not {}: for your own figures, leave out `source:`",
                self.leaving
            ));
        }
        let possible = Route::open_to(self.leaving, self.source);
        if let Some(route) = self.routes.keys().find(|r| !possible.contains(r)) {
            return Err(format!(
                "`{}` is not a route that {} leavers take{}: use {}",
                route.key(),
                self.leaving,
                match self.source {
                    DestinationsSource::School => "",
                    DestinationsSource::Dfe => " in the DfE's measures",
                },
                possible
                    .iter()
                    .map(|r| format!("`{}`", r.key()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(())
    }
}

yaml::schema_as!(Destinations, WrittenDestinations);

impl<'de> Deserialize<'de> for Destinations {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = yaml::checked(deserializer, WrittenDestinations::check)?;
        // The same rows every year, listed or not: were a route missing only when nobody took
        // it, a listed route would be known to have somebody, and the cohort could then pin
        // hidden counts down.
        let routes = Route::open_to(written.leaving, written.source)
            .iter()
            .map(|&route| {
                let count = written.routes.get(&route).copied();
                (route, count.unwrap_or(Count::Known(0)))
            })
            .collect();
        Ok(Destinations {
            year: written.year,
            leaving: written.leaving,
            source: written.source,
            cohort: written.cohort,
            routes,
        })
    }
}

/// Whose destination figures these are. The two measure different things: a school records
/// where its leavers went that autumn; the DfE counts a destination only once it was kept up
/// for six months of the year after, and sorts leavers into its own categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DestinationsSource {
    #[default]
    School,
    Dfe,
}

impl DestinationsSource {
    /// As written in `evaluation.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            DestinationsSource::School => "school",
            DestinationsSource::Dfe => "dfe",
        }
    }
}

impl yaml::Scalar for DestinationsSource {
    const WHAT: &'static str = "a source of destination figures";
    const HOW: &'static str =
        "use school (your own figures) or dfe (the DfE's destination measures)";
    const WRITTEN: yaml::Written = yaml::Written::Words(&["school", "dfe"]);

    fn from_text(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "school" => Some(DestinationsSource::School),
            "dfe" => Some(DestinationsSource::Dfe),
            _ => None,
        }
    }

    fn stand_in() -> Self {
        DestinationsSource::School
    }
}

/// How many leavers took a route: a number, or `c` where the source kept the number back (as
/// the DfE's measures write a number small enough to identify a pupil).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Count {
    Known(u32),
    Withheld,
}

impl Count {
    pub fn known(self) -> Option<u32> {
        match self {
            Count::Known(count) => Some(count),
            Count::Withheld => None,
        }
    }

    /// Whether `counts` fit `cohort`: they add up to it, or, with some withheld, to no more.
    /// Added as 64-bit numbers, so that no count a file can hold overflows the sum.
    pub fn fit(cohort: u32, counts: impl IntoIterator<Item = Count>) -> Result<(), String> {
        let (mut counted, mut withheld) = (0u64, false);
        for count in counts {
            match count {
                Count::Known(count) => counted += u64::from(count),
                Count::Withheld => withheld = true,
            }
        }
        let whole = u64::from(cohort);
        if counted > whole {
            return Err(format!(
                "the routes add up to {counted}, more than the cohort of `{cohort}` leavers: check the counts"
            ));
        }
        if counted < whole && !withheld {
            return Err(format!(
                "the routes add up to {counted}, but the cohort is `{cohort}` leavers: give the route of the other {}, with `unknown:` for those whose destination is not known",
                whole - counted
            ));
        }
        Ok(())
    }
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Count::Known(count) => write!(f, "{count}"),
            Count::Withheld => f.write_str("c"),
        }
    }
}

impl yaml::Scalar for Count {
    const WHAT: &'static str = "a number of leavers";
    const HOW: &'static str = "write a whole number, or c for a figure the source did not publish";
    const WRITTEN: yaml::Written = yaml::Written::NumberOrText {
        min: 0,
        max: u32::MAX,
        pattern: r"^\s*[cC]\s*$",
        examples: &["c"],
    };

    fn from_text(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("c") {
            return Some(Count::Withheld);
        }
        text.parse::<u32>().ok().map(Count::Known)
    }

    fn stand_in() -> Self {
        Count::Known(0)
    }
}

/// Where a leaver went, in the categories of the DfE's destination measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    SchoolSixthForm,
    SixthFormCollege,
    FurtherEducation,
    HigherEducation,
    /// The DfE's "other education": independent schools, specialist colleges, special schools.
    OtherEducation,
    Apprenticeship,
    Employment,
    Neet,
    /// The DfE's "not recorded as a sustained destination": a destination not kept up for six
    /// months, or none.
    NotSustained,
    Unknown,
}

impl Route {
    /// Every route, in either source's figures.
    pub const EVERY: [Route; 10] = [
        Route::SchoolSixthForm,
        Route::SixthFormCollege,
        Route::FurtherEducation,
        Route::HigherEducation,
        Route::OtherEducation,
        Route::Apprenticeship,
        Route::Employment,
        Route::Neet,
        Route::NotSustained,
        Route::Unknown,
    ];

    /// The routes open to leavers from `year` in figures from `source`. A school's own follow
    /// the DfE's key stage 4 measures after Year 11 and its 16 to 18 measures after Year 13, with
    /// every route after any other year; the DfE's own are its categories, which add other
    /// education and leavers who kept no destination up.
    pub fn open_to(year: super::YearGroup, source: DestinationsSource) -> &'static [Route] {
        use Route::*;
        match (source, year) {
            (DestinationsSource::School, super::YearGroup::Year(11)) => &[
                SchoolSixthForm,
                SixthFormCollege,
                FurtherEducation,
                Apprenticeship,
                Employment,
                Neet,
                Unknown,
            ],
            (DestinationsSource::School, super::YearGroup::Year(13)) => &[
                FurtherEducation,
                HigherEducation,
                Apprenticeship,
                Employment,
                Neet,
                Unknown,
            ],
            (DestinationsSource::School, _) => &Route::EVERY,
            (DestinationsSource::Dfe, super::YearGroup::Year(13)) => &[
                FurtherEducation,
                HigherEducation,
                OtherEducation,
                Apprenticeship,
                Employment,
                NotSustained,
                Unknown,
            ],
            (DestinationsSource::Dfe, _) => &[
                SchoolSixthForm,
                SixthFormCollege,
                FurtherEducation,
                OtherEducation,
                Apprenticeship,
                Employment,
                NotSustained,
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
            Route::OtherEducation => "other-education",
            Route::Apprenticeship => "apprenticeship",
            Route::Employment => "employment",
            Route::Neet => "neet",
            Route::NotSustained => "not-sustained",
            Route::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Route::SchoolSixthForm => "School sixth form",
            Route::SixthFormCollege => "Sixth-form college",
            Route::FurtherEducation => "Further education college",
            Route::HigherEducation => "University or higher education",
            Route::OtherEducation => "Other education, such as a specialist college",
            Route::Apprenticeship => "Apprenticeship",
            Route::Employment => "Employment",
            Route::Neet => "Not in education, employment or training",
            Route::NotSustained => "Did not stay in education, training or work for six months",
            Route::Unknown => "Not known",
        }
    }
}

impl yaml::Scalar for Route {
    const WHAT: &'static str = "a destination";
    const HOW: &'static str = "use school-sixth-form, sixth-form-college, further-education, higher-education, apprenticeship, employment, neet or unknown (and, in the DfE's figures, other-education and not-sustained)";
    const WRITTEN: yaml::Written = yaml::Written::Words(&[
        "school-sixth-form",
        "sixth-form-college",
        "further-education",
        "higher-education",
        "other-education",
        "apprenticeship",
        "employment",
        "neet",
        "not-sustained",
        "unknown",
    ]);

    fn from_text(text: &str) -> Option<Self> {
        let text = text.trim();
        Route::EVERY.into_iter().find(|route| route.key() == text)
    }

    fn stand_in() -> Self {
        Route::Unknown
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

impl yaml::Scalar for Percent {
    const WHAT: &'static str = "a percentage";
    const HOW: &'static str = "write a whole number from 0 to 100, without the % sign";
    const WRITTEN: yaml::Written = yaml::Written::Number { min: 0, max: 100 };

    fn from_text(text: &str) -> Option<Self> {
        let value = text.trim().parse::<f64>().ok()?;
        ((0.0..=100.0).contains(&value) && value.fract() == 0.0).then_some(Percent(value as u8))
    }

    fn stand_in() -> Self {
        Percent(0)
    }
}

yaml::deserialize_scalar!(Route, Percent, CompassDate, Count, DestinationsSource);
