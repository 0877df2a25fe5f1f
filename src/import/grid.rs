//! The self-assessment grid (`requirements:` of each benchmark in `benchmarks.yaml`) as a CSV
//! file that opens in Excel, and back. A row for each requirement; a heading with parts ("Is on
//! the school's website with information aimed at:") has a row of its own, then a row for each
//! part, with the heading repeated so that the spreadsheet can be sorted and filtered. The
//! benchmark's own long texts (statement, provision) stay in the YAML.

use std::path::Path;

use super::table::{columns, spreadsheet};
use super::{DataFile, Imported, Row, Summary, Table, Untouched};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::SELF_ASSESSMENT_FILE;
use crate::model::{Benchmark, Progress, SelfAssessment};
use crate::yaml::Scalar;
use crate::yaml::edit::{Edits, Item, Text};

const HEADERS: [&str; 7] = [
    "Benchmark",
    "Requirement",
    "Part",
    "Rating",
    "Priority",
    "Primary adaptation",
    "Notes",
];

/// One requirement, or a heading with its parts, as the grid holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Requirement {
    text: String,
    progress: Option<Progress>,
    priority: Option<u8>,
    primary_adaptation: String,
    notes: String,
    parts: Vec<Requirement>,
}

/// One benchmark's requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Grid {
    benchmark: Benchmark,
    requirements: Vec<Requirement>,
}

impl Requirement {
    /// Whether it was made to hold parts whose heading had no line of its own yet.
    fn made_for_parts(&self) -> bool {
        !self.parts.is_empty()
            && self.progress.is_none()
            && self.priority.is_none()
            && self.primary_adaptation.is_empty()
            && self.notes.is_empty()
    }

    fn from_model(requirement: &crate::model::Requirement) -> Self {
        Requirement {
            text: requirement.requirement.trim().to_string(),
            progress: requirement.progress,
            priority: requirement.priority.map(|p| p.number()),
            primary_adaptation: requirement.primary_adaptation.trim().to_string(),
            notes: requirement.notes.trim().to_string(),
            parts: requirement
                .parts
                .iter()
                .map(Requirement::from_model)
                .collect(),
        }
    }

    fn row(&self, benchmark: Benchmark, heading: Option<&str>) -> Vec<String> {
        let (requirement, part) = match heading {
            Some(heading) => (heading.to_string(), self.text.clone()),
            None => (self.text.clone(), String::new()),
        };
        vec![
            benchmark.number().to_string(),
            requirement,
            part,
            self.progress
                .map(|p| p.key().to_string())
                .unwrap_or_default(),
            self.priority.map(|p| p.to_string()).unwrap_or_default(),
            self.primary_adaptation.clone(),
            self.notes.clone(),
        ]
    }

    /// The list item for `requirements:` or `parts:`.
    fn item(&self, indent: usize) -> String {
        let mut item = Item::new(indent);
        item.text("requirement", &self.text);
        if let Some(progress) = self.progress {
            item.word("progress", progress.key());
        }
        if let Some(priority) = self.priority {
            item.word("priority", priority);
        }
        if !self.primary_adaptation.is_empty() {
            item.text("primary_adaptation", &self.primary_adaptation);
        }
        if !self.notes.is_empty() {
            item.text("notes", &self.notes);
        }
        if !self.parts.is_empty() {
            let inner = item.inner_indent();
            let parts: String = self.parts.iter().map(|part| part.item(inner)).collect();
            item.list("parts", &parts);
        }
        item.finish()
    }
}

impl Grid {
    fn items(&self, indent: usize) -> String {
        self.requirements.iter().map(|r| r.item(indent)).collect()
    }
}

/// `benchmarks.yaml`'s grid as CSV text. Parts of parts have no place in it.
pub fn export(root: &Path) -> Result<String, Diagnostics> {
    let data = DataFile::open(root, SELF_ASSESSMENT_FILE).map_err(|d| vec![d])?;
    let assessment: SelfAssessment = data.current()?;
    let mut rows = Vec::new();
    for benchmark in &assessment.benchmarks {
        for requirement in benchmark.requirements.iter().map(Requirement::from_model) {
            rows.push(requirement.row(benchmark.benchmark, None));
            for part in &requirement.parts {
                if !part.parts.is_empty() {
                    return Err(vec![Diagnostic::error(format!(
                        "benchmark {}'s requirement \"{}\" has parts with parts of their own, which a grid of requirements and parts cannot hold",
                        benchmark.benchmark.number(),
                        part.text
                    ))
                    .in_file(&data.shown)
                    .with_help("give each part its own rating instead of parts, or keep this benchmark's grid in benchmarks.yaml")]);
                }
                rows.push(part.row(benchmark.benchmark, Some(&requirement.text)));
            }
        }
    }
    Ok(spreadsheet(&HEADERS, &rows))
}

/// Reads the grid CSV `file` and works out the new text of
/// `benchmarks.yaml` under `root`: for each benchmark in the file, its `requirements:`.
pub fn import(root: &Path, file: &Path) -> Result<(DataFile, Imported), Diagnostics> {
    let mut table = Table::open(file, file).map_err(|d| vec![d])?;
    let grids = read(&mut table)?;
    let data = DataFile::open(root, SELF_ASSESSMENT_FILE).map_err(|d| vec![d])?;
    let current: SelfAssessment = data.current()?;
    let mut summary = Summary::default();
    let (text, untouched) = place(&data, &current, &grids, &mut summary)?;
    let untouched = Untouched {
        key: "benchmarks",
        items: untouched,
    };
    super::read_back::<SelfAssessment>(&data, &text, &untouched, |read: &SelfAssessment| {
        grids.iter().all(|grid| {
            read.benchmarks.iter().any(|b| {
                b.benchmark == grid.benchmark
                    && b.requirements
                        .iter()
                        .map(Requirement::from_model)
                        .eq(grid.requirements.iter().cloned())
            })
        })
    })?;
    Ok((data, Imported { text, summary }))
}

/// The grid's rows, benchmark by benchmark in the order they first appear.
fn read(table: &mut Table) -> Result<Vec<Grid>, Diagnostics> {
    let at = columns(table, &HEADERS).map_err(|d| vec![d])?;
    let mut grids: Vec<Grid> = Vec::new();
    let mut problems = Vec::new();
    while let Some(row) = table.next_row().map_err(|d| vec![d])? {
        match grid_row(table, &row, &at) {
            Ok((benchmark, heading, requirement)) => {
                let position = grids.iter().position(|g| g.benchmark == benchmark);
                let grid = match position {
                    Some(i) => &mut grids[i],
                    None => {
                        grids.push(Grid {
                            benchmark,
                            requirements: Vec::new(),
                        });
                        grids.last_mut().expect("just pushed")
                    }
                };
                // A part goes under its heading wherever the heading's own line is, so that a
                // sorted spreadsheet reads the same; a part whose heading has no line of its own
                // makes one, and a heading's line coming after its parts fills that one in.
                match heading {
                    // The heading's own line, after a part made it: it fills that one in.
                    None => match grid
                        .requirements
                        .iter_mut()
                        .find(|r| r.text == requirement.text && r.made_for_parts())
                    {
                        Some(made) => {
                            let parts = std::mem::take(&mut made.parts);
                            *made = Requirement {
                                parts,
                                ..requirement
                            };
                        }
                        None => grid.requirements.push(requirement),
                    },
                    Some(heading) => {
                        match grid.requirements.iter_mut().find(|r| r.text == heading) {
                            Some(found) => found.parts.push(requirement),
                            None => grid.requirements.push(Requirement {
                                text: heading,
                                progress: None,
                                priority: None,
                                primary_adaptation: String::new(),
                                notes: String::new(),
                                parts: vec![requirement],
                            }),
                        }
                    }
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(grids)
    } else {
        Err(problems)
    }
}

/// One row: its benchmark, the heading it is a part of (if it is a part), and the requirement.
fn grid_row(
    table: &Table,
    row: &Row,
    at: &[usize],
) -> Result<(Benchmark, Option<String>, Requirement), Diagnostic> {
    let [
        benchmark,
        requirement,
        part,
        rating,
        priority,
        primary,
        notes,
    ] = at
    else {
        unreachable!("the grid has seven columns")
    };
    let cell = |column: &usize| row.cell(*column).to_string();
    let benchmark = Benchmark::from_text(row.cell(*benchmark)).ok_or_else(|| {
        table.problem(
            row,
            *benchmark,
            format!("`{}` is not a benchmark", row.cell(*benchmark)),
            Benchmark::HOW.to_string(),
        )
    })?;
    if cell(requirement).is_empty() {
        return Err(table.problem(
            row,
            *requirement,
            "the requirement is empty".to_string(),
            "give the requirement's words; for a part, the words of the requirement it is part of"
                .to_string(),
        ));
    }
    let progress = match row.cell(*rating) {
        "" => None,
        written => Some(Progress::from_text(written).ok_or_else(|| {
            table.problem(
                row,
                *rating,
                format!("`{written}` is not a rating"),
                Progress::HOW.to_string(),
            )
        })?),
    };
    let priority = match row.cell(*priority) {
        "" => None,
        written => Some(
            crate::model::Priority::from_text(written)
                .ok_or_else(|| {
                    table.problem(
                        row,
                        *priority,
                        format!("`{written}` is not a priority"),
                        crate::model::Priority::HOW.to_string(),
                    )
                })?
                .number(),
        ),
    };
    let (heading, text) = match cell(part) {
        part if part.is_empty() => (None, cell(requirement)),
        part => (Some(cell(requirement)), part),
    };
    Ok((
        benchmark,
        heading,
        Requirement {
            text,
            progress,
            priority,
            primary_adaptation: cell(primary),
            notes: cell(notes),
            parts: Vec::new(),
        },
    ))
}

/// The items of `benchmarks:` left as they were, each with the field that may have changed.
type Kept = Vec<(usize, Option<&'static str>)>;

/// The text of `benchmarks.yaml` with each grid's requirements in place.
fn place(
    data: &DataFile,
    current: &SelfAssessment,
    grids: &[Grid],
    summary: &mut Summary,
) -> Result<(String, Kept), Diagnostics> {
    let text = Text::new(&data.text);
    let unplaceable = |line: usize, message: String, help: String| {
        vec![
            Diagnostic::error(message)
                .at(Location::at_line(&data.shown, &data.text, line, 1, 1))
                .with_help(help),
        ]
    };
    let placing = |u: crate::yaml::edit::Unplaceable| unplaceable(u.line, u.message, u.help);
    let name = |grid: &Grid| format!("Benchmark {}", grid.benchmark.number());
    let mut edits = Edits::default();
    let list = text.top_level_list("benchmarks").map_err(placing)?;
    let Some(list) = list else {
        let mut added = String::new();
        if !data.text.trim().is_empty() {
            added.push_str(if data.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
        added.push_str("benchmarks:\n");
        for grid in grids {
            added.push_str(&new_benchmark(grid, 2));
            summary.added.push(name(grid));
        }
        edits.insert(data.text.len(), added);
        return Ok((edits.apply(&data.text), Vec::new()));
    };
    if list.items.len() != current.benchmarks.len() {
        return Err(unplaceable(
            list.line,
            "careersite cannot tell the benchmarks under `benchmarks:` apart in the text"
                .to_string(),
            "start each benchmark with `- benchmark:`, one under another, as docs/content.md shows"
                .to_string(),
        ));
    }
    if let Some(brackets) = list.empty_value.clone() {
        edits.replace(brackets, String::new());
    }
    let mut kept: Kept = (0..current.benchmarks.len()).map(|at| (at, None)).collect();
    for grid in grids {
        let Some(at) = current
            .benchmarks
            .iter()
            .position(|b| b.benchmark == grid.benchmark)
        else {
            edits.insert(list.end, new_benchmark(grid, list.indent));
            summary.added.push(name(grid));
            continue;
        };
        let there: Vec<Requirement> = current.benchmarks[at]
            .requirements
            .iter()
            .map(Requirement::from_model)
            .collect();
        if there == grid.requirements {
            summary.unchanged.push(name(grid));
            continue;
        }
        kept[at].1 = Some("requirements");
        let gone = texts(&there).difference(&texts(&grid.requirements)).count();
        summary.changed.push(match gone {
            0 => name(grid),
            1 => format!("{}, whose requirements are written afresh; 1 that is not in the spreadsheet is removed", name(grid)),
            gone => format!("{}, whose requirements are written afresh; {gone} that are not in the spreadsheet are removed", name(grid)),
        });
        let item = &list.items[at];
        match text.list_in_item(item, "requirements").map_err(placing)? {
            Some(requirements) => {
                let start = requirements
                    .items
                    .first()
                    .map_or(requirements.end, |first| first.start);
                if let Some(brackets) = requirements.empty_value.clone() {
                    edits.replace(brackets, String::new());
                }
                let replaced = &data.text[start..requirements.end];
                if replaced
                    .lines()
                    .any(|line| line.trim_start().starts_with('#'))
                {
                    summary.changed.push(format!(
                        "{}: the comments among its requirements are not kept, as its requirements are written afresh from the spreadsheet",
                        name(grid)
                    ));
                }
                edits.replace(start..requirements.end, grid.items(requirements.indent));
            }
            None => {
                // The keys of the item line up two in from its `-`.
                let indent = list.indent + 2;
                let mut added = format!("{}requirements:\n", " ".repeat(indent));
                added.push_str(&grid.items(indent + 2));
                let end = data.text[..item.end].trim_end_matches('\n').len() + 1;
                edits.insert(end.min(item.end), added);
            }
        }
    }
    for benchmark in &current.benchmarks {
        if !grids.iter().any(|g| g.benchmark == benchmark.benchmark) {
            summary
                .left_alone
                .push(format!("Benchmark {}", benchmark.benchmark.number()));
        }
    }
    Ok((edits.apply(&data.text), kept))
}

/// The words of every requirement and part in `requirements`.
fn texts(requirements: &[Requirement]) -> std::collections::BTreeSet<&str> {
    requirements
        .iter()
        .flat_map(|r| {
            std::iter::once(r.text.as_str()).chain(r.parts.iter().map(|p| p.text.as_str()))
        })
        .collect()
}

/// A whole new benchmark item, with nothing but its grid.
fn new_benchmark(grid: &Grid, indent: usize) -> String {
    let mut item = Item::new(indent);
    item.word("benchmark", grid.benchmark.number());
    let inner = item.inner_indent();
    item.list("requirements", &grid.items(inner));
    item.finish()
}
