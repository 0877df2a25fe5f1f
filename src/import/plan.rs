//! The action plan (`actions:` in `action-plan.yaml`) as a CSV file that opens in Excel, and
//! back, laid out as schools' Word tables are: each row of the plan is a group of lines, its
//! benchmark (or area) on the first; the i-th line holds the i-th item of each column.

use std::path::Path;

use super::place::{Record, all_placed, place};
use super::table::{columns, spreadsheet};
use super::{DataFile, Imported, Summary, Table, Untouched};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::ACTION_PLAN_FILE;
use crate::model::{ActionPlan, ActionRow, Benchmark, Timing};
use crate::yaml::Scalar;
use crate::yaml::edit::Item;

const HEADERS: [&str; 7] = [
    "Benchmark or area",
    "What is in place",
    "Action",
    "Deadline",
    "Who",
    "Success criteria",
    "Progress",
];

/// What a row of the plan is about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum About {
    Benchmark(Benchmark),
    Area(String),
}

impl About {
    fn written(&self) -> String {
        match self {
            About::Benchmark(benchmark) => benchmark.number().to_string(),
            About::Area(area) => area.clone(),
        }
    }

    fn same(&self, other: &About) -> bool {
        match (self, other) {
            (About::Benchmark(a), About::Benchmark(b)) => a == b,
            (About::Area(a), About::Area(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Action {
    action: String,
    deadline: Option<Timing>,
    who: String,
}

/// One row of the action plan.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlanRow {
    about: About,
    provision: Vec<String>,
    actions: Vec<Action>,
    success_criteria: Vec<String>,
    progress: String,
}

impl PlanRow {
    fn from_model(row: &ActionRow) -> Option<Self> {
        let about = match (row.benchmark, &row.area) {
            (Some(benchmark), _) => About::Benchmark(benchmark),
            (None, Some(area)) => About::Area(area.trim().to_string()),
            (None, None) => return None,
        };
        let texts = |items: &[String]| items.iter().map(|i| i.trim().to_string()).collect();
        Some(PlanRow {
            about,
            provision: texts(&row.provision),
            actions: row
                .actions
                .iter()
                .map(|a| Action {
                    action: a.action.trim().to_string(),
                    deadline: a.deadline,
                    who: a.who.trim().to_string(),
                })
                .collect(),
            success_criteria: texts(&row.success_criteria),
            progress: row.progress.trim().to_string(),
        })
    }

    /// The CSV lines of the row.
    fn lines(&self) -> Vec<Vec<String>> {
        let count = 1
            .max(self.provision.len())
            .max(self.actions.len())
            .max(self.success_criteria.len());
        (0..count)
            .map(|i| {
                let item = |list: &[String]| list.get(i).cloned().unwrap_or_default();
                let action = self.actions.get(i);
                vec![
                    if i == 0 {
                        self.about.written()
                    } else {
                        String::new()
                    },
                    item(&self.provision),
                    action.map(|a| a.action.clone()).unwrap_or_default(),
                    action
                        .and_then(|a| a.deadline)
                        .map(|d| d.written())
                        .unwrap_or_default(),
                    action.map(|a| a.who.clone()).unwrap_or_default(),
                    item(&self.success_criteria),
                    if i == 0 {
                        self.progress.clone()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect()
    }
}

impl Record for PlanRow {
    fn name(&self) -> String {
        match &self.about {
            About::Benchmark(benchmark) => format!("Benchmark {}", benchmark.number()),
            About::Area(area) => area.clone(),
        }
    }

    fn item(&self, indent: usize) -> String {
        let mut item = Item::new(indent);
        match &self.about {
            About::Benchmark(benchmark) => item.word("benchmark", benchmark.number()),
            About::Area(area) => item.text("area", area),
        };
        let inner = item.inner_indent();
        let list = |texts: &[String]| -> String {
            texts
                .iter()
                .map(|text| {
                    format!(
                        "{}- {}\n",
                        " ".repeat(inner),
                        crate::yaml::edit::scalar(text, inner + 2)
                    )
                })
                .collect()
        };
        if !self.provision.is_empty() {
            item.list("provision", &list(&self.provision));
        }
        if !self.actions.is_empty() {
            let actions: String = self
                .actions
                .iter()
                .map(|action| {
                    let mut written = Item::new(inner);
                    written.text("action", &action.action);
                    if let Some(deadline) = action.deadline {
                        written.text("deadline", &deadline.written());
                    }
                    if !action.who.is_empty() {
                        written.text("who", &action.who);
                    }
                    written.finish()
                })
                .collect();
            item.list("actions", &actions);
        }
        if !self.success_criteria.is_empty() {
            item.list("success_criteria", &list(&self.success_criteria));
        }
        if !self.progress.is_empty() {
            item.text("progress", &self.progress);
        }
        item.finish()
    }

    fn matches(&self, imported: &Self) -> bool {
        self.about.same(&imported.about)
    }

    fn owned_by(&self, _imported: &Self) -> bool {
        true
    }

    /// New rows go at the end of the plan.
    fn goes_before(&self, _other: &Self) -> bool {
        false
    }
}

/// `action-plan.yaml`'s action plan as CSV text.
pub fn export(root: &Path) -> Result<String, Diagnostics> {
    let data = DataFile::open(root, ACTION_PLAN_FILE).map_err(|d| vec![d])?;
    let plan: ActionPlan = data.current()?;
    let rows: Vec<Vec<String>> = plan
        .actions
        .iter()
        .filter_map(PlanRow::from_model)
        .flat_map(|row| row.lines())
        .collect();
    Ok(spreadsheet(&HEADERS, &rows))
}

/// Reads the plan CSV `file` and works out the new text of
/// `action-plan.yaml` under `root`.
pub fn import(root: &Path, file: &Path) -> Result<(DataFile, Imported), Diagnostics> {
    let mut table = Table::open(file, file).map_err(|d| vec![d])?;
    let rows = read(&mut table)?;
    let data = DataFile::open(root, ACTION_PLAN_FILE).map_err(|d| vec![d])?;
    let current: ActionPlan = data.current()?;
    let existing: Vec<PlanRow> = current
        .actions
        .iter()
        .filter_map(PlanRow::from_model)
        .collect();
    if existing.len() != current.actions.len() {
        return Err(vec![
            Diagnostic::error("a row of the action plan has neither `benchmark:` nor `area:`")
                .in_file(&data.shown)
                .with_help("give every row under `actions:` the benchmark or the area it is about"),
        ]);
    }
    let mut summary = Summary::default();
    let placed = place(&data, "actions", &existing, &rows, &|_| None, &mut summary)?;
    let untouched = Untouched {
        key: "actions",
        items: placed.untouched.iter().map(|&at| (at, None)).collect(),
    };
    let text = placed.text;
    super::read_back::<ActionPlan>(&data, &text, &untouched, |read| {
        let read: Vec<PlanRow> = read
            .actions
            .iter()
            .filter_map(PlanRow::from_model)
            .collect();
        all_placed(&read, &rows)
    })?;
    Ok((data, Imported { text, summary }))
}

/// The plan's rows: a line with a benchmark or area starts one, and the lines below it, with
/// that cell empty, carry on its lists.
fn read(table: &mut Table) -> Result<Vec<PlanRow>, Diagnostics> {
    let at = columns(table, &HEADERS).map_err(|d| vec![d])?;
    let [about, provision, action, deadline, who, success, progress] = at[..] else {
        unreachable!("the plan has seven columns")
    };
    let mut rows: Vec<(PlanRow, usize)> = Vec::new();
    let mut problems = Vec::new();
    while let Some(row) = table.next_row().map_err(|d| vec![d])? {
        let cell = |column: usize| row.cell(column).to_string();
        if !cell(about).is_empty() {
            let Some(new) = About::from_cell(&cell(about)) else {
                problems.push(table.problem(
                    &row,
                    about,
                    format!("`{}` is not a benchmark", cell(about)),
                    Benchmark::HOW.to_string(),
                ));
                continue;
            };
            if let Some((_, line)) = rows.iter().find(|(r, _)| r.about.same(&new)) {
                problems.push(table.problem(
                    &row,
                    about,
                    format!(
                        "\"{}\" has a group of lines already, from line {line}",
                        cell(about)
                    ),
                    "put all of its lines together, under its first".to_string(),
                ));
                continue;
            }
            rows.push((
                PlanRow {
                    about: new,
                    provision: Vec::new(),
                    actions: Vec::new(),
                    success_criteria: Vec::new(),
                    progress: cell(progress),
                },
                row.line,
            ));
        } else if !cell(progress).is_empty() {
            problems.push(table.problem(
                &row,
                progress,
                "progress belongs on the first line of its benchmark or area".to_string(),
                "move it up to the line with the benchmark or area".to_string(),
            ));
            continue;
        }
        let Some((current, _)) = rows.last_mut() else {
            problems.push(table.row_problem(
                &row,
                "this line has no benchmark or area above it".to_string(),
                "give the first line of each group its benchmark (1 to 8) or area, such as Destinations".to_string(),
            ));
            continue;
        };
        let line_problem = |column: usize, message: String, help: &str| {
            table.problem(&row, column, message, help.to_string())
        };
        if !cell(provision).is_empty() {
            current.provision.push(cell(provision));
        }
        if !cell(success).is_empty() {
            current.success_criteria.push(cell(success));
        }
        let deadline_text = cell(deadline);
        let parsed = match deadline_text.as_str() {
            "" => None,
            text => match Timing::parse(text) {
                Some(timing) => Some(timing),
                None => {
                    problems.push(line_problem(
                        deadline,
                        format!("`{text}` is not a deadline"),
                        Timing::HOW,
                    ));
                    continue;
                }
            },
        };
        if cell(action).is_empty() {
            if parsed.is_some() || !cell(who).is_empty() {
                problems.push(line_problem(
                    action,
                    "a deadline or who, with no action".to_string(),
                    "write the action on the same line as its deadline and who",
                ));
            }
            continue;
        }
        current.actions.push(Action {
            action: cell(action),
            deadline: parsed,
            who: cell(who),
        });
    }
    if problems.is_empty() {
        Ok(rows.into_iter().map(|(row, _)| row).collect())
    } else {
        Err(problems)
    }
}

impl About {
    /// A number is a benchmark, and must be one from 1 to 8; anything else names an area.
    fn from_cell(cell: &str) -> Option<Self> {
        let cell = cell.trim();
        if cell.chars().all(|c| c.is_ascii_digit()) {
            return Benchmark::from_text(cell).map(About::Benchmark);
        }
        Some(About::Area(cell.to_string()))
    }
}
