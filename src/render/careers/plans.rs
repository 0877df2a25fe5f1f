//! The strategic plan and the action plan.

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

use super::DataMarkdown;
use crate::model::{ActionPlan, ActionRow};
use crate::render::view_parts::BenchmarkView;

#[derive(Serialize)]
pub struct ActionRowView {
    /// The benchmark's title, or the row's own area.
    pub heading: String,
    pub benchmark: Option<BenchmarkView>,
    pub provision: Vec<String>,
    pub actions: Vec<KeyActionView>,
    pub success_criteria: Vec<String>,
    pub progress: String,
}

#[derive(Serialize)]
pub struct KeyActionView {
    pub action: String,
    pub deadline: Option<String>,
    /// For `<time datetime>`, when the deadline is a date or a month.
    pub deadline_iso: Option<String>,
    pub who: String,
}

#[derive(Serialize)]
pub struct StrategicPlanView {
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
}

pub(super) fn action_row(row: &ActionRow, md: &mut DataMarkdown<'_>) -> ActionRowView {
    let heading = match (&row.benchmark, &row.area) {
        (_, Some(area)) => area.clone(),
        (Some(b), None) => format!("Benchmark {}: {}", b.number(), b.title()),
        (None, None) => "Other actions".to_string(),
    };
    ActionRowView {
        heading,
        benchmark: row.benchmark.map(BenchmarkView::from),
        provision: row.provision.clone(),
        actions: row
            .actions
            .iter()
            .map(|a| KeyActionView {
                action: a.action.clone(),
                deadline: a.deadline.map(|d| d.to_string()),
                deadline_iso: a.deadline.and_then(|d| d.iso()),
                who: a.who.clone(),
            })
            .collect(),
        success_criteria: row.success_criteria.clone(),
        progress: md.html(&row.progress, HeadingLevel::H3),
    }
}

pub(super) fn action_plan(plan: &ActionPlan, md: &mut DataMarkdown<'_>) -> Vec<ActionRowView> {
    plan.actions.iter().map(|row| action_row(row, md)).collect()
}

pub(super) fn strategic_plan(plan: &ActionPlan, md: &mut DataMarkdown<'_>) -> StrategicPlanView {
    let position = &plan.current_position;
    StrategicPlanView {
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
            .map(|(i, objective)| ObjectiveView {
                number: i + 1,
                title: objective.title.clone(),
                benchmarks: objective.benchmarks.iter().map(|&b| b.into()).collect(),
                description: md.html(&objective.description, HeadingLevel::H3),
            })
            .collect(),
    }
}
