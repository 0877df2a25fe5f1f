//! The self-assessment grid (`requirements:` of each benchmark in `benchmarks.yaml`) as a CSV
//! file that opens in Excel, and back. A row for each requirement; a heading with parts ("Is on
//! the school's website with information aimed at:") has a row of its own, then a row for each
//! part, with the heading repeated so that the spreadsheet can be sorted and filtered. The
//! benchmark's own long texts (statement, provision) stay in the YAML.

use std::path::Path;

use super::place::{list_of, new_list};
use super::table::{columns, spreadsheet};
use super::{DataFile, Imported, Row, Summary, Table, Untouched};
use crate::diagnostic::{Diagnostic, Diagnostics};
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
    spreadsheet_of(&assessment, &data.shown)
}

/// The grid of `assessment`, read from `shown`, as CSV text.
fn spreadsheet_of(assessment: &SelfAssessment, shown: &Path) -> Result<String, Diagnostics> {
    let mut rows = Vec::new();
    for benchmark in &assessment.benchmarks {
        for requirement in benchmark.requirements.iter().map(Requirement::from_model) {
            rows.push(requirement.row(benchmark.benchmark, None));
            for part in &requirement.parts {
                if !part.parts.is_empty() {
                    return Err(vec![Diagnostic::error(format!(
                        "in benchmark {}, the part \"{}\" of \"{}\" has parts of its own, which a grid of requirements and parts cannot hold",
                        benchmark.benchmark.number(),
                        part.text,
                        requirement.text
                    ))
                    .in_file(shown)
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
    let imported = bring_in(&data, &grids)?;
    Ok((data, imported))
}

/// The new text of `data` with `grids` in it, checked by reading it back.
fn bring_in(data: &DataFile, grids: &[Grid]) -> Result<Imported, Diagnostics> {
    let current: SelfAssessment = data.current()?;
    let mut summary = Summary::default();
    let (text, untouched) = place(data, &current, grids, &mut summary)?;
    let untouched = Untouched {
        key: "benchmarks",
        items: untouched,
    };
    super::read_back::<SelfAssessment>(data, &text, &untouched, |read: &SelfAssessment| {
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
    Ok(Imported { text, summary })
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
    let name = |grid: &Grid| format!("Benchmark {}", grid.benchmark.number());
    let mut edits = Edits::default();
    let Some(list) = list_of(data, &text, "benchmarks", current.benchmarks.len())? else {
        let items: String = grids.iter().map(|grid| new_benchmark(grid, 2)).collect();
        summary.added.extend(grids.iter().map(name));
        edits.insert(data.text.len(), new_list(data, "benchmarks", &items));
        return Ok((edits.apply(&data.text), Vec::new()));
    };
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
        match text
            .list_in_item(item, "requirements")
            .map_err(|u| data.unplaceable(u))?
        {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::{messages, plain};

    const HEADER: &str = "Benchmark,Requirement,Part,Rating,Priority,Primary adaptation,Notes";

    /// A small grid as careers leaders write it: a heading with parts, comments and a blank
    /// line between benchmarks, a benchmark's own long texts beside its requirements.
    const BENCHMARKS: &str = "\
# Our self-assessment, reviewed each term. Keep this comment.
assessed: 2026-06-30

benchmarks:
  - benchmark: 1
    statement: |
      A stable careers programme.
    requirements:
      - requirement: Has a careers programme, published on the website
        progress: green
      - requirement: \"Is on the school's website with information aimed at:\"
        parts:
          - requirement: Pupils
            progress: green
          - requirement: Employers
            progress: amber
            priority: 2
            notes: Add a page for employers.

  # Benchmark 2 is next term's work.
  - benchmark: 2
    provision: Labour market information in the library.
    requirements:
      - requirement: Pupils use labour market information
        progress: red
        primary_adaptation: Pupils learn about jobs people do
";

    fn data(text: &str) -> DataFile {
        DataFile::from_text(SELF_ASSESSMENT_FILE, text)
    }

    fn exported(yaml: &str) -> Result<String, Diagnostics> {
        let data = data(yaml);
        spreadsheet_of(&data.current()?, &data.shown)
    }

    fn read_csv(csv: &str) -> Result<Vec<Grid>, Diagnostics> {
        let mut table = Table::from_bytes(csv.as_bytes(), "grid.csv").map_err(|d| vec![d])?;
        read(&mut table)
    }

    fn imported(yaml: &str, csv: &str) -> Imported {
        bring_in(&data(yaml), &read_csv(csv).unwrap()).unwrap()
    }

    fn refused(csv: &str) -> Vec<String> {
        messages(&read_csv(csv).unwrap_err())
    }

    #[test]
    fn a_requirement_is_a_line_and_a_heading_has_a_line_then_one_for_each_part() {
        assert_eq!(
            plain(&exported(BENCHMARKS).unwrap()),
            format!(
                "{HEADER}
1,\"Has a careers programme, published on the website\",,green,,,
1,Is on the school's website with information aimed at:,,,,,
1,Is on the school's website with information aimed at:,Pupils,green,,,
1,Is on the school's website with information aimed at:,Employers,amber,2,,Add a page for employers.
2,Pupils use labour market information,,red,,Pupils learn about jobs people do,
"
            )
        );
    }

    #[test]
    fn the_file_opens_in_excel_with_its_accents_a_bom_and_windows_line_endings() {
        let csv = exported("benchmarks:\n  - benchmark: 3\n    requirements:\n      - requirement: \"Café visits:\n          one a term\"\n").unwrap();
        assert!(csv.starts_with("\u{feff}Benchmark,"));
        assert!(
            csv.ends_with("\r\n3,Café visits: one a term,,,,,\r\n"),
            "{csv:?}"
        );
        assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
    }

    #[test]
    fn a_cell_of_several_lines_goes_out_quoted_and_comes_back_whole() {
        let yaml = "benchmarks:\n  - benchmark: 3\n    requirements:\n      - requirement: Records are kept\n        notes: |\n          First line, with a comma.\n          \n          - a \"list\"\n";
        let csv = exported(yaml).unwrap();
        assert!(csv.contains(",\"First line, with a comma.\n\n- a \"\"list\"\"\"\r\n"));
        assert_eq!(imported(yaml, &csv).text, yaml);
    }

    #[test]
    fn the_benchmarks_own_texts_stay_in_the_yaml() {
        let csv = exported(BENCHMARKS).unwrap();
        assert!(!csv.contains("stable careers programme"));
        assert!(!csv.contains("in the library"));
    }

    #[test]
    fn parts_of_parts_are_refused_naming_the_file_and_what_to_do() {
        let yaml = "benchmarks:\n  - benchmark: 4\n    requirements:\n      - requirement: \"Subjects:\"\n        parts:\n          - requirement: Science\n            parts:\n              - requirement: Physics\n";
        let refused = exported(yaml).unwrap_err();
        assert_eq!(
            refused[0].to_string(),
            "error: content/benchmarks.yaml: in benchmark 4, the part \"Science\" of \"Subjects:\" has parts of its own, which a grid of requirements and parts cannot hold\n  help: give each part its own rating instead of parts, or keep this benchmark's grid in benchmarks.yaml"
        );
    }

    #[test]
    fn export_then_import_changes_no_byte_and_exports_the_same_bytes() {
        for yaml in [
            BENCHMARKS,
            include_str!("../../content/benchmarks.yaml"),
            include_str!("../../examples/plans/content/benchmarks.yaml"),
            include_str!("../../examples/primary/content/benchmarks.yaml"),
        ] {
            let csv = exported(yaml).unwrap();
            let again = imported(yaml, &csv);
            assert_eq!(again.text, yaml);
            assert!(again.summary.changed.is_empty() && again.summary.added.is_empty());
            assert_eq!(exported(&again.text).unwrap(), csv);
        }
    }

    #[test]
    fn a_file_saved_by_excel_reads_as_it_was_written() {
        // A byte-order mark, Windows line endings, headers in another case with spaces round
        // them and in another order, a column of the careers leader's own, a quoted comma and
        // line break, and the blank lines Excel leaves at the end.
        let csv = "\u{feff}rating , BENCHMARK,Requirement,Part,Priority,Primary Adaptation,Notes,Our own column\r\n\
             Green,1,\"Has a careers programme, published on the website\",,,,,ignored\r\n\
             n/a,2,Pupils use labour market information,,3,,\"Two\r\nlines\",\r\n\
             ,,,,,,,\r\n\r\n";
        let grids = read_csv(csv).unwrap();
        assert_eq!(grids.len(), 2);
        let first = &grids[0].requirements[0];
        assert_eq!(
            first.text,
            "Has a careers programme, published on the website"
        );
        assert_eq!(first.progress, Some(Progress::Green));
        let second = &grids[1].requirements[0];
        assert_eq!(second.progress, Some(Progress::NotApplicable));
        assert_eq!(second.priority, Some(3));
        assert_eq!(second.notes, "Two\r\nlines");
    }

    #[test]
    fn the_lines_of_a_part_go_under_the_heading_just_above_them() {
        let csv = format!(
            "{HEADER}\n1,Aimed at:,,red,,,\n1,Aimed at:,Pupils,green,,,\n1,Aimed at:,Parents,,,,\n1,Something else,,,,,\n"
        );
        let grids = read_csv(&csv).unwrap();
        let requirements = &grids[0].requirements;
        assert_eq!(requirements.len(), 2);
        assert_eq!(requirements[0].progress, Some(Progress::Red));
        let parts: Vec<&str> = requirements[0]
            .parts
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(parts, ["Pupils", "Parents"]);
    }

    #[test]
    fn a_part_with_no_heading_line_above_it_gets_one() {
        let grids = read_csv(&format!("{HEADER}\n5,Visits to:,Employers,green,,,\n")).unwrap();
        let heading = &grids[0].requirements[0];
        assert_eq!(
            (heading.text.as_str(), heading.progress),
            ("Visits to:", None)
        );
        assert_eq!(heading.parts[0].text, "Employers");
    }

    #[test]
    fn a_mistake_is_named_by_file_line_and_column_with_what_to_write() {
        let csv = format!("{HEADER}\n1,Has a programme,,green,,,\n1,\"Two\nlines\",,purple,,,\n");
        assert_eq!(
            refused(&csv),
            [
                "error: grid.csv:3:4: column \"Rating\": `purple` is not a rating\n  help: use red, amber, green, not-assessed or not-applicable"
            ]
        );
    }

    #[test]
    fn every_mistake_in_the_file_is_reported_at_once() {
        let csv =
            format!("{HEADER}\n9,A requirement,,,,,\n1,,Pupils,green,,,\n1,A requirement,,,4,,\n");
        assert_eq!(
            refused(&csv),
            [
                "error: grid.csv:2:1: column \"Benchmark\": `9` is not a benchmark\n  help: the Gatsby Benchmarks are numbered 1 to 8",
                "error: grid.csv:3:2: column \"Requirement\": the requirement is empty\n  help: give the requirement's words; for a part, the words of the requirement it is part of",
                "error: grid.csv:4:5: column \"Priority\": `4` is not a priority\n  help: a priority is a number from 1 (highest) to 3",
            ]
        );
    }

    #[test]
    fn a_file_without_the_grids_headers_is_refused_listing_them() {
        assert_eq!(
            refused("Benchmark,Requirement,Status\n1,x,green\n"),
            [
                "error: grid.csv has no column \"Part\", \"Rating\", \"Priority\", \"Primary adaptation\", \"Notes\"\n  help: keep the first row as careersite exported it: Benchmark,Requirement,Part,Rating,Priority,Primary adaptation,Notes"
            ]
        );
    }

    #[test]
    fn a_spreadsheet_with_only_its_headers_changes_nothing_and_says_what_it_left_alone() {
        let done = imported(BENCHMARKS, &format!("\u{feff}{HEADER}\r\n,,,,,,\r\n"));
        assert_eq!(done.text, BENCHMARKS);
        assert_eq!(done.summary.left_alone, ["Benchmark 1", "Benchmark 2"]);
    }

    #[test]
    fn an_import_rewrites_only_the_requirements_of_a_benchmark_it_changes() {
        let csv = exported(BENCHMARKS).unwrap().replace(
            "Employers,amber,2,,Add a page for employers.",
            "Employers,green,,,Done: a page for employers.",
        );
        let done = imported(BENCHMARKS, &csv);
        assert_eq!(done.summary.changed, ["Benchmark 1"]);
        assert_eq!(done.summary.unchanged, ["Benchmark 2"]);
        assert_eq!(
            done.text,
            BENCHMARKS.replace(
                "            progress: amber\n            priority: 2\n            notes: Add a page for employers.\n",
                "            progress: green\n            notes: 'Done: a page for employers.'\n"
            )
        );
    }

    #[test]
    fn a_new_benchmark_is_added_at_the_end_and_those_not_in_the_file_are_left_alone() {
        let done = imported(
            BENCHMARKS,
            &format!("{HEADER}\n7,Pupils visit a university,,amber,1,,\n"),
        );
        assert_eq!(done.summary.added, ["Benchmark 7"]);
        assert_eq!(done.summary.left_alone, ["Benchmark 1", "Benchmark 2"]);
        assert_eq!(
            done.text,
            format!(
                "{BENCHMARKS}  - benchmark: 7\n    requirements:\n      - requirement: Pupils visit a university\n        progress: amber\n        priority: 1\n"
            )
        );
    }

    #[test]
    fn a_benchmark_with_no_requirements_yet_gets_them_under_its_other_fields() {
        let yaml = "benchmarks:\n  - benchmark: 6\n    provision: Work experience in Year 10.\n";
        let done = imported(
            yaml,
            &format!("{HEADER}\n6,Every pupil has had an experience of a workplace,,green,,,\n"),
        );
        assert_eq!(
            done.text,
            format!(
                "{yaml}    requirements:\n      - requirement: Every pupil has had an experience of a workplace\n        progress: green\n"
            )
        );
    }

    #[test]
    fn no_spreadsheet_makes_the_import_panic_and_what_it_reads_comes_back_as_read() {
        let columns: [&[&str]; 7] = [
            &["1", "1", "2", "7", "8"],
            &[
                "Aimed at:",
                "Aimed at:",
                "Has a programme",
                "Has a programme",
            ],
            &["", "", "", "Pupils", "Parents"],
            &["", "red", "Green", "n/a", "Not yet assessed"],
            &["", "", "1", "3"],
            &["", "", "Pupils learn about jobs"],
            &["", "", "Two\nlines, with a comma"],
        ];
        for csv in super::super::table::scrambled(HEADER, &columns, 3000) {
            let Ok(mut table) = Table::from_bytes(&csv, "grid.csv") else {
                continue;
            };
            let Ok(grids) = read(&mut table) else {
                continue;
            };
            let done = bring_in(&data(BENCHMARKS), &grids)
                .unwrap_or_else(|problems| panic!("{grids:?}: {problems:?}"));
            let csv = exported(&done.text).unwrap();
            for grid in &grids {
                let again = read_csv(&csv).unwrap();
                assert!(again.contains(grid), "{grid:?} in {csv}");
            }
        }
    }
}
