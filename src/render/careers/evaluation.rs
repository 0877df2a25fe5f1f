//! The evaluation page: Compass results over time, feedback surveys and destinations, each as
//! a chart with the same figures in a table. Destination counts that could identify a pupil are
//! shown as `c`.

use serde::Serialize;

use super::DataMarkdown;
use crate::model::suppression::{Breakdown, Published, THRESHOLD, suppress};
use crate::model::{Benchmark, DestinationsSource, Evaluation};
use crate::render::charts::{self, Chart, Row};
use crate::render::view_parts::{BenchmarkView, DateView, TimingView};

#[derive(Serialize)]
pub struct EvaluationView {
    /// The school's own words on how it measures the programme's impact (`impact:` in
    /// programme.yaml), rendered; empty without them.
    pub impact: String,
    pub compass: Option<CompassView>,
    pub surveys: Vec<SurveyView>,
    pub destinations: Vec<DestinationsView>,
    /// The smallest count published.
    pub threshold: u32,
}

#[derive(Serialize)]
pub struct CompassView {
    /// The results with scores, oldest first; empty when every result is a report alone.
    pub dates: Vec<TimingView>,
    pub rows: Vec<CompassRow>,
    /// A whole `<figure>`: caption, key and a row of bars for each benchmark; empty with no
    /// scores to draw.
    pub chart: String,
    /// The reports linked, newest first.
    pub reports: Vec<CompassReport>,
}

#[derive(Serialize)]
pub struct CompassReport {
    pub date: TimingView,
    /// As said in a sentence: "November 2021".
    pub date_in_sentence: String,
    /// Empty when the report's address leads nowhere (a warning says so): the result is still
    /// listed, without a link.
    pub href: String,
    /// `PDF` for a PDF file, and so on, for the link to say what it opens; empty for a page.
    pub file_type: String,
}

#[derive(Serialize)]
pub struct CompassRow {
    pub benchmark: BenchmarkView,
    /// One score per date, as `81%`, or empty where that assessment has none.
    pub scores: Vec<String>,
}

#[derive(Serialize)]
pub struct SurveyView {
    pub survey: String,
    pub date: Option<DateView>,
    pub audience: &'static str,
    pub respondents: u32,
    /// Results from fewer respondents than the threshold are not published.
    pub too_few: bool,
    pub results: Vec<SurveyResultView>,
}

#[derive(Serialize)]
pub struct SurveyResultView {
    pub statement: String,
    /// The percentage who agreed.
    pub agree: u8,
}

#[derive(Serialize)]
pub struct DestinationsView {
    pub id: String,
    pub heading: String,
    /// Where the figures come from, when they are not the school's own.
    pub source: Option<&'static str>,
    /// None when the cohort is too small for anything about it to be published.
    pub cohort: Option<u32>,
    pub rows: Vec<DestinationRow>,
    pub suppressed: bool,
    /// A whole `<figure>` with a bar for each route; empty when the cohort is withheld.
    pub chart: String,
}

#[derive(Serialize)]
pub struct DestinationRow {
    pub route: &'static str,
    /// The count, or `c`.
    pub count: String,
    /// The share of the cohort, or `c`.
    pub percent: String,
}

pub(super) fn evaluation(
    evaluation: &Evaluation,
    impact: String,
    md: &mut DataMarkdown<'_>,
) -> EvaluationView {
    EvaluationView {
        impact,
        compass: compass(evaluation, md),
        surveys: evaluation
            .feedback
            .iter()
            .map(|survey| SurveyView {
                survey: survey.survey.clone(),
                date: survey.date.map(DateView::from),
                audience: survey.audience.label(),
                respondents: survey.respondents,
                too_few: survey.respondents < THRESHOLD,
                results: survey
                    .results
                    .iter()
                    .map(|r| SurveyResultView {
                        statement: r.statement.clone(),
                        agree: r.agree.value(),
                    })
                    .collect(),
            })
            .collect(),
        destinations: evaluation.destinations.iter().map(destinations).collect(),
        threshold: THRESHOLD,
    }
}

fn compass(evaluation: &Evaluation, md: &mut DataMarkdown<'_>) -> Option<CompassView> {
    if evaluation.compass.is_empty() {
        return None;
    }
    let mut results: Vec<_> = evaluation.compass.iter().collect();
    results.sort_by_key(|r| r.date.end());
    let reports = results
        .iter()
        .rev()
        .filter_map(|r| {
            let report = r.report.as_deref()?;
            Some(CompassReport {
                date: r.date.into(),
                date_in_sentence: r.date.in_sentence(),
                href: md.href(report).unwrap_or_default(),
                file_type: file_type(report),
            })
        })
        .collect();
    // Only results with scores are drawn: a report alone has nothing to chart.
    results.retain(|r| !r.scores.is_empty());
    if results.is_empty() {
        return Some(CompassView {
            dates: Vec::new(),
            rows: Vec::new(),
            chart: String::new(),
            reports,
        });
    }
    let dates: Vec<TimingView> = results.iter().map(|r| r.date.into()).collect();
    let values: Vec<Vec<Option<u8>>> = results
        .iter()
        .map(|r| {
            Benchmark::ALL
                .iter()
                .map(|b| r.scores.get(b).map(|p| p.value()))
                .collect()
        })
        .collect();
    let series: Vec<String> = dates.iter().map(|d| d.text.clone()).collect();
    let chart = charts::horizontal_bars(
        &Chart {
            id: "compass-chart",
            title: "Compass results for each Gatsby Benchmark",
            description: &format!(
                "A bar chart of the percentage achieved for each of the eight benchmarks, at {}. The table below gives the same figures.",
                series.join(" and ")
            ),
            series: &series,
            missing: "no result",
        },
        &Benchmark::ALL
            .iter()
            .enumerate()
            .map(|(i, b)| Row {
                name: format!("B{} {}", b.number(), b.short_name()),
                values: values.iter().map(|v| v[i].map(f64::from)).collect(),
            })
            .collect::<Vec<_>>(),
    );
    let rows = Benchmark::ALL
        .iter()
        .enumerate()
        .map(|(i, &benchmark)| CompassRow {
            benchmark: benchmark.into(),
            scores: values
                .iter()
                .map(|v| v[i].map(|p| format!("{p}%")).unwrap_or_default())
                .collect(),
        })
        .collect();
    Some(CompassView {
        dates,
        rows,
        chart,
        reports,
    })
}

/// A file's type from its name (`PDF`, `DOCX`), as GOV.UK's guidance asks links to files to
/// say; empty for a web page.
fn file_type(report: &str) -> String {
    let path = report.split(['?', '#']).next().unwrap_or(report);
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((_, extension))
            if matches!(
                extension.to_lowercase().as_str(),
                "pdf" | "docx" | "doc" | "xlsx" | "xls" | "pptx" | "odt" | "ods"
            ) =>
        {
            extension.to_uppercase()
        }
        _ => String::new(),
    }
}

/// What the DfE's figures count, which differs from a school's own.
const DFE_SOURCE: &str = "These figures are the Department for Education’s destination measures. They show where these pupils were in the school year after they left, counting a destination only if the pupil stayed in it for at least two terms (six months). A number the Department did not publish is shown as c too.";

fn destinations(year: &crate::model::Destinations) -> DestinationsView {
    let routes: Vec<_> = year.routes.iter().collect();
    let counts: Vec<Option<u32>> = routes.iter().map(|(_, count)| count.known()).collect();
    let heading = format!("{} leavers, {}", year.leaving, year.year);
    let id = format!("destinations-{}-{}", year.year, year.leaving.slug());
    let source = match year.source {
        DestinationsSource::School => None,
        DestinationsSource::Dfe => Some(DFE_SOURCE),
    };
    let published = match suppress(&counts, year.cohort) {
        Breakdown::Withheld => {
            return DestinationsView {
                id,
                heading,
                source,
                cohort: None,
                rows: Vec::new(),
                suppressed: false,
                chart: String::new(),
            };
        }
        Breakdown::Counts(published) => published,
    };
    let share = |count: u32| f64::from(count) * 100.0 / f64::from(year.cohort);
    let rows: Vec<DestinationRow> = routes
        .iter()
        .zip(&published)
        .map(|((route, _), shown)| match shown {
            Published::Shown(count) => DestinationRow {
                route: route.label(),
                count: count.to_string(),
                percent: format!("{:.0}%", share(*count)),
            },
            Published::Suppressed => DestinationRow {
                route: route.label(),
                count: "c".to_string(),
                percent: "c".to_string(),
            },
        })
        .collect();
    let chart = charts::horizontal_bars(
        &Chart {
            id: &id,
            title: &format!("Destinations of {heading}"),
            description: &format!(
                "A bar chart of the share of the {} leavers who went on to each route. Routes whose numbers are not published are marked c. The table below gives the same figures.",
                year.cohort
            ),
            series: &[],
            missing: "c (not published)",
        },
        &routes
            .iter()
            .zip(&published)
            .map(|((route, _), shown)| Row {
                name: route.label().to_string(),
                values: vec![match shown {
                    Published::Shown(count) => Some(share(*count)),
                    Published::Suppressed => None,
                }],
            })
            .collect::<Vec<_>>(),
    );
    DestinationsView {
        id,
        heading,
        source,
        cohort: Some(year.cohort),
        suppressed: published.contains(&Published::Suppressed),
        rows,
        chart,
    }
}
