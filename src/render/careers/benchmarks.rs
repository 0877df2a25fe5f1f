//! The Gatsby Benchmarks: an overview with the coverage matrix, and a page for each benchmark.

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

use super::DataMarkdown;
use super::plans::{ActionRowView, action_row};
use crate::model::{Benchmark, Phase, Progress, Requirement, Term, YearGroup};
use crate::render::urls;
use crate::render::view_parts::{BenchmarkView, DateView, LinkView};
use crate::site::Site;

#[derive(Serialize)]
pub struct OverviewView {
    /// `None` when the programme lists no year groups.
    pub coverage: Option<CoverageView>,
    pub assessed: Option<DateView>,
    /// Per benchmark, how many requirements the self-assessment rates each way.
    pub summaries: Vec<AssessmentSummary>,
}

/// Year groups × benchmarks: how many of each year's activities serve each benchmark.
#[derive(Serialize)]
pub struct CoverageView {
    pub rows: Vec<CoverageRow>,
}

#[derive(Serialize)]
pub struct CoverageRow {
    pub year: String,
    pub slug: String,
    /// One count per benchmark, 1 to 8.
    pub counts: Vec<usize>,
}

#[derive(Serialize)]
pub struct AssessmentSummary {
    pub benchmark: BenchmarkView,
    /// What the benchmark asks of a school of this one's phase.
    pub plain_words: &'static str,
    /// How many requirements are rated each way, leaving out the ways none are.
    pub counts: Vec<RatingCount>,
}

#[derive(Serialize)]
pub struct RatingCount {
    pub count: usize,
    /// `met`, `partly met`, `not yet met`, `not yet assessed`, `not applicable`.
    pub label: &'static str,
}

#[derive(Serialize)]
pub struct BenchmarkPageView {
    pub benchmark: BenchmarkView,
    /// The school's own wording of the benchmark; the page leads with it when given.
    pub statement: String,
    /// What the benchmark asks of a school of this one's phase, for the page to lead with
    /// when the school gives no statement of its own.
    pub plain_words: &'static str,
    pub provision: String,
    pub activities: Vec<YearActivities>,
    pub assessed: Option<DateView>,
    pub requirements: Vec<RequirementRow>,
    /// Whether the grid has a column for primary adaptations: always in a primary school,
    /// elsewhere when a requirement has one.
    pub show_primary: bool,
    /// How the benchmark as a whole is adapted for primary pupils.
    pub primary_adaptation: String,
    pub notes: String,
    pub actions: Vec<ActionRowView>,
    pub previous: Option<LinkView>,
    pub next: Option<LinkView>,
}

#[derive(Serialize)]
pub struct YearActivities {
    pub year: String,
    pub activities: Vec<ActivitySummary>,
}

#[derive(Serialize)]
pub struct ActivitySummary {
    pub title: String,
    pub term: &'static str,
}

/// A requirement as a row of the self-assessment grid; parts follow their heading with `level` 1.
#[derive(Serialize)]
pub struct RequirementRow {
    pub text: String,
    /// The heading a part belongs to, read out before it.
    pub group: Option<String>,
    pub level: u8,
    pub progress: Option<ProgressView>,
    pub priority: Option<crate::model::Priority>,
    pub primary_adaptation: String,
    pub notes: String,
}

#[derive(Serialize)]
pub struct ProgressView {
    /// For styling: `red`, `amber`, `green`, `not-applicable`.
    pub class: Progress,
    pub label: &'static str,
    pub symbol: &'static str,
}

impl From<Progress> for ProgressView {
    fn from(progress: Progress) -> Self {
        ProgressView {
            class: progress,
            label: progress.label(),
            symbol: progress.symbol(),
        }
    }
}

pub(super) fn overview(site: &Site) -> OverviewView {
    let assessment = site.careers.self_assessment.as_ref();
    OverviewView {
        // A matrix with no year groups would be headings over an empty table.
        coverage: site
            .careers
            .programme
            .as_ref()
            .filter(|programme| !programme.years.is_empty())
            .map(|programme| CoverageView {
                rows: programme
                    .years
                    .iter()
                    .map(|year| CoverageRow {
                        year: year.year.label(),
                        slug: year.year.slug(),
                        counts: Benchmark::ALL
                            .iter()
                            .map(|b| {
                                year.activities
                                    .iter()
                                    .filter(|a| a.benchmarks.contains(b))
                                    .count()
                            })
                            .collect(),
                    })
                    .collect(),
            }),
        assessed: assessment.and_then(|a| a.assessed).map(DateView::from),
        summaries: Benchmark::ALL
            .iter()
            .map(|&benchmark| {
                let rated: Vec<Progress> = assessment
                    .into_iter()
                    .flat_map(|a| &a.benchmarks)
                    .filter(|b| b.benchmark == benchmark)
                    .flat_map(|b| b.rated_requirements())
                    .filter_map(|rated| rated.progress)
                    .collect();
                let counts = [
                    (Progress::Green, "met"),
                    (Progress::Amber, "partly met"),
                    (Progress::Red, "not yet met"),
                    (Progress::NotAssessed, "not yet assessed"),
                    (Progress::NotApplicable, "not applicable"),
                ]
                .into_iter()
                .map(|(progress, label)| RatingCount {
                    count: rated.iter().filter(|&&r| r == progress).count(),
                    label,
                })
                .filter(|c| c.count > 0)
                .collect();
                AssessmentSummary {
                    benchmark: benchmark.into(),
                    plain_words: benchmark.plain_words(site.config.school.phase),
                    counts,
                }
            })
            .collect(),
    }
}

pub(super) fn page(
    site: &Site,
    benchmark: Benchmark,
    assessment_md: &mut DataMarkdown<'_>,
    plan_md: &mut DataMarkdown<'_>,
    today: jiff::civil::Date,
) -> BenchmarkPageView {
    let assessment = site.careers.self_assessment.as_ref();
    let own = assessment
        .into_iter()
        .flat_map(|a| &a.benchmarks)
        .find(|b| b.benchmark == benchmark);
    let requirements: Vec<RequirementRow> = own
        .map(|b| {
            flatten(&b.requirements, None, 0)
                .into_iter()
                .map(|(r, group, level)| RequirementRow {
                    text: r.requirement.clone(),
                    group: group.map(str::to_string),
                    level,
                    progress: r.progress.map(ProgressView::from),
                    priority: r.priority,
                    primary_adaptation: r.primary_adaptation.clone(),
                    notes: r.notes.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    // Every school's grid has the column, and a secondary school may fill it in too, for its
    // work with partner primary schools: so it is shown wherever it is filled in, under a
    // heading the template words for the school's phase.
    let show_primary = site.config.school.phase == Phase::Primary
        || requirements
            .iter()
            .any(|r| !r.primary_adaptation.is_empty());
    let neighbour = |number: u8| {
        Benchmark::new(u64::from(number)).map(|b| {
            LinkView::new(
                &format!("Benchmark {}: {}", b.number(), b.title()),
                &urls::benchmark_path(b),
            )
        })
    };
    BenchmarkPageView {
        benchmark: benchmark.into(),
        // The school's words for the benchmark stand under the page's title.
        statement: own.map_or_else(String::new, |b| {
            assessment_md.html(&b.statement, HeadingLevel::H1)
        }),
        plain_words: benchmark.plain_words(site.config.school.phase),
        provision: own.map_or_else(String::new, |b| {
            assessment_md.html(&b.provision, HeadingLevel::H2)
        }),
        activities: activities_for(site, benchmark),
        assessed: assessment.and_then(|a| a.assessed).map(DateView::from),
        requirements,
        show_primary,
        primary_adaptation: own.map_or_else(String::new, |b| {
            assessment_md.html(&b.primary_adaptation, HeadingLevel::H2)
        }),
        notes: own.map_or_else(String::new, |b| {
            assessment_md.html(&b.notes, HeadingLevel::H2)
        }),
        actions: site
            .careers
            .action_plan
            .iter()
            .flat_map(|plan| &plan.actions)
            .filter(|row| row.benchmark == Some(benchmark))
            // The page leads with the statement; its rows need not repeat it.
            .map(|row| action_row(row, String::new(), today, plan_md))
            .collect(),
        previous: neighbour(benchmark.number() - 1),
        next: neighbour(benchmark.number() + 1),
    }
}

/// The school's own wording of `benchmark` in the self-assessment, if it gives one.
pub(super) fn statement(site: &Site, benchmark: Benchmark) -> Option<&str> {
    site.careers
        .self_assessment
        .as_ref()?
        .benchmarks
        .iter()
        .find(|b| b.benchmark == benchmark)
        .map(|b| b.statement.as_str())
        .filter(|text| !text.trim().is_empty())
}

/// Requirements in grid order, each with the heading it sits under and its depth.
fn flatten<'a>(
    requirements: &'a [Requirement],
    group: Option<&'a str>,
    level: u8,
) -> Vec<(&'a Requirement, Option<&'a str>, u8)> {
    requirements
        .iter()
        .flat_map(|r| {
            std::iter::once((r, group, level)).chain(flatten(
                &r.parts,
                Some(&r.requirement),
                level + 1,
            ))
        })
        .collect()
}

fn activities_for(site: &Site, benchmark: Benchmark) -> Vec<YearActivities> {
    let Some(programme) = &site.careers.programme else {
        return Vec::new();
    };
    programme
        .years
        .iter()
        .map(|year| {
            let mut activities: Vec<_> = year
                .activities
                .iter()
                .filter(|a| a.benchmarks.contains(&benchmark))
                .collect();
            activities.sort_by_key(|a| a.term);
            YearActivities {
                year: YearGroup::label(year.year),
                activities: activities
                    .into_iter()
                    .map(|a| ActivitySummary {
                        title: a.title.clone(),
                        term: Term::label(a.term),
                    })
                    .collect(),
            }
        })
        .filter(|y| !y.activities.is_empty())
        .collect()
}
