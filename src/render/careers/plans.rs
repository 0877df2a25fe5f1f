//! The strategic plan and the action plan.

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

use super::DataMarkdown;
use jiff::civil::Date;

use crate::model::{ActionPlan, ActionRow, Benchmark, Objective, PlanRecord};
use crate::render::view_parts::{BenchmarkView, TimingView};

#[derive(Serialize)]
pub struct ActionRowView {
    /// The benchmark's title, or the row's own area.
    pub heading: String,
    pub benchmark: Option<BenchmarkView>,
    /// The school's own wording of the row's benchmark, from the self-assessment.
    pub statement: String,
    pub provision: Vec<String>,
    pub actions: Vec<KeyActionView>,
    pub success_criteria: Vec<String>,
    pub progress: String,
}

#[derive(Serialize)]
pub struct KeyActionView {
    pub action: String,
    pub deadline: Option<TimingView>,
    pub who: String,
    /// Its deadline has passed (and it does not go on) while its row records no progress.
    pub overdue: bool,
}

#[derive(Serialize)]
pub struct StrategicPlanView {
    pub record: Option<PlanRecordView>,
    pub vision: String,
    /// Strengths, opportunities, aspirations, results: those written.
    pub position: Vec<PositionView>,
    pub objectives: Vec<ObjectiveView>,
}

#[derive(Serialize)]
pub struct PositionView {
    pub heading: &'static str,
    pub html: String,
}

#[derive(Serialize)]
pub struct ObjectiveView {
    pub number: usize,
    pub title: String,
    pub benchmarks: Vec<BenchmarkView>,
    pub description: String,
    pub actions: Vec<PlanActionView>,
    pub outcomes: Vec<String>,
    pub progress: String,
}

#[derive(Serialize)]
pub struct PlanActionView {
    pub action: String,
    pub responsible: String,
    pub time: Option<TimingView>,
    /// Its time has passed (and it does not go on) while its objective records no progress.
    pub overdue: bool,
}

/// The plan's cover: its years, when it was written, updated and approved, its review and
/// who leads it. Approvals not yet given are `None`, for the page to say so.
#[derive(Serialize)]
pub struct PlanRecordView {
    pub period: Option<String>,
    /// The last year of the period is over.
    pub ended: bool,
    pub created: Option<TimingView>,
    pub updated: Vec<PlanUpdateView>,
    pub approved_by_leadership: Option<TimingView>,
    pub approved_by_governors: Option<TimingView>,
    pub review: Option<TimingView>,
    /// The review's date has passed.
    pub review_overdue: bool,
    pub led_by: String,
}

#[derive(Serialize)]
pub struct PlanUpdateView {
    pub when: TimingView,
    pub why: String,
}

/// `statement`: the school's wording of the row's benchmark, rendered, or empty.
pub(super) fn action_row(
    row: &ActionRow,
    statement: String,
    today: Date,
    md: &mut DataMarkdown<'_>,
) -> ActionRowView {
    let heading = match (&row.benchmark, &row.area) {
        (_, Some(area)) => area.clone(),
        (Some(b), None) => format!("Benchmark {}: {}", b.number(), b.title()),
        (None, None) => "Other actions".to_string(),
    };
    ActionRowView {
        heading,
        benchmark: row.benchmark.map(BenchmarkView::from),
        statement,
        provision: row.provision.clone(),
        actions: row
            .actions
            .iter()
            .map(|a| KeyActionView {
                action: a.action.clone(),
                deadline: a.deadline.map(TimingView::from),
                who: a.who.clone(),
                overdue: row.is_overdue(a, today),
            })
            .collect(),
        success_criteria: row.success_criteria.clone(),
        progress: md.html(&row.progress, HeadingLevel::H3),
    }
}

/// `statement`: the school's wording of a benchmark, rendered, or empty.
pub(super) fn action_plan(
    plan: &ActionPlan,
    mut statement: impl FnMut(Benchmark) -> String,
    today: Date,
    md: &mut DataMarkdown<'_>,
) -> Vec<ActionRowView> {
    plan.actions
        .iter()
        .map(|row| {
            let statement = row.benchmark.map(&mut statement).unwrap_or_default();
            action_row(row, statement, today, md)
        })
        .collect()
}

pub(super) fn strategic_plan(
    plan: &ActionPlan,
    today: Date,
    md: &mut DataMarkdown<'_>,
) -> StrategicPlanView {
    let position = &plan.current_position;
    StrategicPlanView {
        record: (!plan.plan.is_empty()).then(|| record(&plan.plan, today)),
        vision: md.html(&plan.vision, HeadingLevel::H2),
        position: [
            ("Strengths", &position.strengths),
            ("Opportunities", &position.opportunities),
            ("Aspirations", &position.aspirations),
            ("Results", &position.results),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(heading, text)| PositionView {
            heading,
            html: md.html(text, HeadingLevel::H3),
        })
        .collect(),
        objectives: plan
            .objectives
            .iter()
            .enumerate()
            .map(|(i, objective)| self::objective(i + 1, objective, today, md))
            .collect(),
    }
}

fn objective(
    number: usize,
    objective: &Objective,
    today: Date,
    md: &mut DataMarkdown<'_>,
) -> ObjectiveView {
    ObjectiveView {
        number,
        title: objective.title.clone(),
        benchmarks: objective.benchmarks.iter().map(|&b| b.into()).collect(),
        description: md.html(&objective.description, HeadingLevel::H3),
        actions: objective
            .actions
            .iter()
            .map(|a| PlanActionView {
                action: a.action.clone(),
                responsible: a.responsible.clone(),
                time: a.time.map(TimingView::from),
                overdue: objective.is_overdue(a, today),
            })
            .collect(),
        outcomes: objective.outcomes.clone(),
        progress: md.html(&objective.progress, HeadingLevel::H4),
    }
}

fn record(record: &PlanRecord, today: Date) -> PlanRecordView {
    PlanRecordView {
        period: record.period.map(|span| span.to_string()),
        ended: record.period.is_some_and(|span| span.ended(today)),
        created: record.created.map(TimingView::from),
        updated: record
            .updated
            .iter()
            .map(|update| PlanUpdateView {
                when: update.when.into(),
                why: update.why.clone(),
            })
            .collect(),
        approved_by_leadership: record.approved_by_leadership.map(TimingView::from),
        approved_by_governors: record.approved_by_governors.map(TimingView::from),
        review: record.review.map(TimingView::from),
        review_overdue: record.review.is_some_and(|review| review.end() < today),
        led_by: record.led_by.clone(),
    }
}
