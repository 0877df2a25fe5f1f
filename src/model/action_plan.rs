//! `content/action-plan.yaml`: the strategic plan (vision, current position, objectives) and the
//! action plan that carries it out, row by row.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Benchmark, Period, Timing, YearSpan};

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ActionPlan {
    /// The plan's cover: the years it covers, when it was written, updated and approved, when it is
    /// next reviewed, and who leads it.
    pub plan: PlanRecord,
    /// The careers vision: a short, ambitious statement. Markdown.
    pub vision: String,
    /// Where the programme stands now, as a SOAR analysis.
    pub current_position: CurrentPosition,
    /// The strategic plan's objectives, with its three-year plan.
    pub objectives: Vec<Objective>,
    /// The action plan: a row for each benchmark, or for another area such as destinations.
    pub actions: Vec<ActionRow>,
}

/// Where the programme stands now, as a SOAR analysis. Each field is Markdown.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CurrentPosition {
    /// Strengths: what the programme does well. Markdown.
    pub strengths: String,
    /// Opportunities: what the school could build on. Markdown.
    pub opportunities: String,
    /// Aspirations: what the school wants the programme to become. Markdown.
    pub aspirations: String,
    /// Results: how the school will know it has got there. Markdown.
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
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PlanRecord {
    /// The years the plan covers, such as `2021-2024` or `2021 to 2024`.
    pub period: Option<YearSpan>,
    /// When the plan was written.
    pub created: Option<Period>,
    /// Each time the plan was updated, and why.
    pub updated: Vec<PlanUpdate>,
    /// When the senior leadership team approved the plan.
    pub approved_by_leadership: Option<Period>,
    /// When the governors approved the plan: leave it out until they have.
    pub approved_by_governors: Option<Period>,
    /// When the plan is next to be reviewed.
    pub review: Option<Period>,
    /// Who leads the plan, such as `Mr D Marsh, Careers Leader`.
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

#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct PlanUpdate {
    /// When the plan was updated.
    pub when: Period,
    /// Why it was updated, such as `to reflect the impact of Covid-19`.
    #[serde(default)]
    pub why: String,
}

/// A strategic objective: the problem the school is trying to solve, the actions that would
/// solve it, and what success would look like.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct Objective {
    /// The objective: the problem the school is trying to solve.
    pub title: String,
    /// The Gatsby Benchmarks (1 to 8) it serves.
    #[serde(default)]
    pub benchmarks: Vec<Benchmark>,
    /// More about the objective. Markdown.
    #[serde(default)]
    pub description: String,
    /// What would solve the problem: each action, who is responsible and when.
    #[serde(default)]
    pub actions: Vec<PlanAction>,
    /// What success would look like.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// How far the objective has come. Markdown. Without it, an action whose time is over is marked
    /// "Past, with no progress recorded".
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(transform = crate::yaml::also_named(&[("who", "responsible"), ("deadline", "time")]))]
pub struct PlanAction {
    /// What will be done.
    pub action: String,
    /// Who is responsible (you may write `who` instead).
    #[serde(default, alias = "who")]
    pub responsible: String,
    /// When it will be done (you may write `deadline` instead).
    #[serde(alias = "deadline")]
    pub time: Option<Timing>,
}

/// One row of the action plan: for a benchmark (or another area), what is in place, what will
/// be done, by when and by whom, and how success will be judged.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct ActionRow {
    /// The benchmark the row is about: 1 to 8. For a row about something else, give `area` instead.
    pub benchmark: Option<Benchmark>,
    /// A heading for a row that is not about one benchmark, such as `Destinations`.
    pub area: Option<String>,
    /// What is in place now.
    #[serde(default)]
    pub provision: Vec<String>,
    /// What will be done, by when and by whom.
    #[serde(default)]
    pub actions: Vec<KeyAction>,
    /// How success will be judged.
    #[serde(default)]
    pub success_criteria: Vec<String>,
    /// Progress so far. Markdown. Without it, an action whose deadline is over is marked "Past,
    /// with no progress recorded".
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

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(transform = crate::yaml::also_named(&[("time", "deadline"), ("responsible", "who")]))]
pub struct KeyAction {
    /// What will be done.
    pub action: String,
    /// By when (you may write `time` instead).
    #[serde(alias = "time")]
    pub deadline: Option<Timing>,
    /// Who will do it (you may write `responsible` instead).
    #[serde(default, alias = "responsible")]
    pub who: String,
}
