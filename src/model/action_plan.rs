//! `content/action-plan.yaml`: the strategic plan (vision, current position, objectives) and the
//! action plan that carries it out, row by row.

use serde::Deserialize;

use super::{Benchmark, Period, Timing, YearSpan};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    /// What the plan is and who stands behind it: its years, when it was written and approved.
    pub plan: PlanRecord,
    /// The careers vision: a short, ambitious statement (Markdown).
    pub vision: String,
    pub current_position: CurrentPosition,
    pub objectives: Vec<Objective>,
    pub actions: Vec<ActionRow>,
}

/// Where the programme stands now, as a SOAR analysis. Each field is Markdown.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CurrentPosition {
    pub strengths: String,
    pub opportunities: String,
    pub aspirations: String,
    pub results: String,
}

impl CurrentPosition {
    pub fn is_empty(&self) -> bool {
        [
            &self.strengths,
            &self.opportunities,
            &self.aspirations,
            &self.results,
        ]
        .iter()
        .all(|text| text.trim().is_empty())
    }
}

/// The cover of a strategic plan, as schools fill it in: the years it covers, when it was
/// written and updated, who approved it and when, when it will be reviewed, and who leads it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PlanRecord {
    /// The years the plan covers, such as 2021 to 2024.
    pub period: Option<YearSpan>,
    pub created: Option<Period>,
    pub updated: Vec<PlanUpdate>,
    /// When the senior leadership team approved the plan.
    pub approved_by_leadership: Option<Period>,
    pub approved_by_governors: Option<Period>,
    /// When the plan is next to be reviewed.
    pub review: Option<Period>,
    /// Who leads the plan: the Careers Leader or careers manager.
    pub led_by: String,
}

impl PlanRecord {
    pub fn is_empty(&self) -> bool {
        self.period.is_none()
            && self.created.is_none()
            && self.updated.is_empty()
            && self.approved_by_leadership.is_none()
            && self.approved_by_governors.is_none()
            && self.review.is_none()
            && self.led_by.trim().is_empty()
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlanUpdate {
    pub when: Period,
    /// Why it was updated, such as "to reflect the impact of Covid-19".
    #[serde(default)]
    pub why: String,
}

/// A strategic objective: the problem the school is trying to solve, the actions that would
/// solve it, and what success would look like.
#[derive(Debug, Clone, Deserialize)]
pub struct Objective {
    pub title: String,
    #[serde(default)]
    pub benchmarks: Vec<Benchmark>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub actions: Vec<PlanAction>,
    /// What success would look like.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// How far the objective has come (Markdown).
    #[serde(default)]
    pub progress: String,
}

impl Objective {
    /// Whether `action`, one of this objective's, is overdue: its time is over (and it does not
    /// go on) while the objective records no progress.
    pub fn is_overdue(&self, action: &PlanAction, today: jiff::civil::Date) -> bool {
        self.progress.trim().is_empty() && action.time.is_some_and(|t| t.passed(today))
    }
}

/// One action towards an objective, with who is responsible and when it should be done.
#[derive(Debug, Clone, Deserialize)]
pub struct PlanAction {
    pub action: String,
    /// `who` as the action plan writes it.
    #[serde(default, alias = "who")]
    pub responsible: String,
    /// `deadline` as the action plan writes it.
    #[serde(alias = "deadline")]
    pub time: Option<Timing>,
}

/// One row of the action plan: for a benchmark (or another area), what is in place, what will
/// be done, by when and by whom, and how success will be judged.
#[derive(Debug, Clone, Deserialize)]
pub struct ActionRow {
    pub benchmark: Option<Benchmark>,
    /// A heading for a row that is not about one benchmark, such as "Destinations".
    pub area: Option<String>,
    #[serde(default)]
    pub provision: Vec<String>,
    #[serde(default)]
    pub actions: Vec<KeyAction>,
    #[serde(default)]
    pub success_criteria: Vec<String>,
    #[serde(default)]
    pub progress: String,
}

impl ActionRow {
    /// Whether `action`, one of this row's, is overdue: its deadline is over (and it does not
    /// go on) while the row records no progress.
    pub fn is_overdue(&self, action: &KeyAction, today: jiff::civil::Date) -> bool {
        self.progress.trim().is_empty() && action.deadline.is_some_and(|d| d.passed(today))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct KeyAction {
    pub action: String,
    /// `time` as the strategic plan writes it.
    #[serde(alias = "time")]
    pub deadline: Option<Timing>,
    /// `responsible` as the strategic plan writes it.
    #[serde(default, alias = "responsible")]
    pub who: String,
}
