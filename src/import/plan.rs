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
    /// The `area:` a benchmark's row may have too, as its heading on the page. The spreadsheet
    /// has no cell for it: an import keeps it from the row it replaces.
    heading: Option<String>,
    provision: Vec<String>,
    actions: Vec<Action>,
    success_criteria: Vec<String>,
    progress: String,
}

impl PlanRow {
    fn from_model(row: &ActionRow) -> Option<Self> {
        let area = row.area.as_ref().map(|area| area.trim().to_string());
        let (about, heading) = match (row.benchmark, area) {
            (Some(benchmark), heading) => (About::Benchmark(benchmark), heading),
            (None, Some(area)) => (About::Area(area), None),
            (None, None) => return None,
        };
        let texts = |items: &[String]| items.iter().map(|i| i.trim().to_string()).collect();
        Some(PlanRow {
            about,
            heading,
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
        if let Some(heading) = &self.heading {
            item.text("area", heading);
        }
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
    let rows = rows_in_file(&plan, &data.shown)?;
    Ok(spreadsheet_of(&rows))
}

fn spreadsheet_of(rows: &[PlanRow]) -> String {
    let lines: Vec<Vec<String>> = rows.iter().flat_map(PlanRow::lines).collect();
    spreadsheet(&HEADERS, &lines)
}

/// The plan's rows, each of which a spreadsheet can take out and bring back as itself: it
/// names its benchmark or area, no other row names the same, and an area's name does not read
/// as a benchmark. Anything else is refused, naming `shown`, before a spreadsheet is made.
fn rows_in_file(plan: &ActionPlan, shown: &Path) -> Result<Vec<PlanRow>, Diagnostics> {
    let refused = |message: String, help: &str| {
        vec![
            Diagnostic::error(message)
                .in_file(shown)
                .with_help(help.to_string()),
        ]
    };
    let mut rows: Vec<PlanRow> = Vec::new();
    for (i, row) in plan.actions.iter().enumerate() {
        let Some(row) = PlanRow::from_model(row) else {
            return Err(refused(
                format!(
                    "row {} of the action plan (under `actions:`) has neither `benchmark:` nor `area:`, so a spreadsheet could not bring it back to its place",
                    i + 1
                ),
                "give every row under `actions:` the benchmark or the area it is about",
            ));
        };
        if rows.iter().any(|earlier| earlier.about.same(&row.about)) {
            return Err(refused(
                format!(
                    "the action plan has two rows for {}; a spreadsheet has one group of lines for each benchmark or area, and could not tell them apart",
                    row.about.in_words()
                ),
                "put the two rows together into one, or make one of them a row for an area of its own (`area:` without `benchmark:`)",
            ));
        }
        if let About::Area(area) = &row.about
            && let Some(number) = benchmark_number(area)
        {
            return Err(refused(
                format!(
                    "the row for the area \"{area}\" would come back from a spreadsheet as benchmark {number}"
                ),
                &format!(
                    "write `benchmark: {number}` for that row (keep `area:` too, if you want the page to head it \"{area}\")"
                ),
            ));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Reads the plan CSV `file` and works out the new text of
/// `action-plan.yaml` under `root`.
pub fn import(root: &Path, file: &Path) -> Result<(DataFile, Imported), Diagnostics> {
    let mut table = Table::open(file, file).map_err(|d| vec![d])?;
    let rows = read(&mut table)?;
    let data = DataFile::open(root, ACTION_PLAN_FILE).map_err(|d| vec![d])?;
    let imported = bring_in(&data, rows)?;
    Ok((data, imported))
}

/// The new text of `data` with `rows` in it, checked by reading it back.
fn bring_in(data: &DataFile, mut rows: Vec<PlanRow>) -> Result<Imported, Diagnostics> {
    let current: ActionPlan = data.current()?;
    let existing = rows_in_file(&current, &data.shown)?;
    keep_headings(&mut rows, &existing);
    let mut summary = Summary::default();
    let placed = place(data, "actions", &existing, &rows, &|_| None, &mut summary)?;
    let untouched = Untouched {
        key: "actions",
        items: placed.untouched.iter().map(|&at| (at, None)).collect(),
    };
    let text = placed.text;
    super::read_back::<ActionPlan>(data, &text, &untouched, |read| {
        let read: Vec<PlanRow> = read
            .actions
            .iter()
            .filter_map(PlanRow::from_model)
            .collect();
        all_placed(&read, &rows)
    })?;
    Ok(Imported { text, summary })
}

/// Gives each imported row the heading (`area:` beside `benchmark:`) of the row it replaces,
/// which the spreadsheet does not hold.
fn keep_headings(rows: &mut [PlanRow], existing: &[PlanRow]) {
    for row in rows {
        if let Some(old) = existing.iter().find(|old| old.matches(row)) {
            row.heading.clone_from(&old.heading);
        }
    }
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
                    format!(
                        "{}; for a row about something else, write its name, such as Destinations",
                        Benchmark::HOW
                    ),
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
                    heading: None,
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
                        &format!(
                            "{}; if Excel turned it into a date, format the Deadline column as Text and write it again",
                            Timing::HOW
                        ),
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
    /// A benchmark, written as schools head a row ([`benchmark_number`]), must be one from 1
    /// to 8 (`None` otherwise); anything else names an area.
    fn from_cell(cell: &str) -> Option<Self> {
        let cell = cell.trim();
        match benchmark_number(cell) {
            Some(number) => Benchmark::from_text(&number).map(About::Benchmark),
            None => Some(About::Area(cell.to_string())),
        }
    }

    /// As a sentence names it: "benchmark 3", "the area \"Destinations\"".
    fn in_words(&self) -> String {
        match self {
            About::Benchmark(benchmark) => format!("benchmark {}", benchmark.number()),
            About::Area(area) => format!("the area \"{area}\""),
        }
    }
}

/// The number of a benchmark as schools head a row of a plan: `3`, `Benchmark 3`, `Gatsby
/// Benchmark 3`, `BM3`, `GB 3`, and those followed by the benchmark's title (`Benchmark 3:
/// Addressing the needs of each pupil`, `3. Addressing...`). A bare number followed by more
/// than a title (`16-19 study programmes`) is an area's name.
fn benchmark_number(cell: &str) -> Option<String> {
    let lower = cell.trim().to_lowercase();
    let named = ["gatsby benchmark", "benchmark", "bm", "gb"]
        .iter()
        .find_map(|word| lower.strip_prefix(word));
    let rest = named.unwrap_or(&lower).trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let (number, after) = rest.split_at(digits);
    let title_follows = match after.chars().next() {
        None => true,
        Some(next) if named.is_some() => !next.is_alphanumeric(),
        // `3. Careers guidance`, never `3.5 hours`.
        Some('.' | ':') => !after[1..].starts_with(|c: char| c.is_ascii_digit()),
        Some(_) => false,
    };
    title_follows.then(|| number.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::{messages, plain};

    const HEADER: &str =
        "Benchmark or area,What is in place,Action,Deadline,Who,Success criteria,Progress";

    /// A small plan as careers leaders write it: the strategic plan above, comments, rows
    /// spaced out, a benchmark's row with a heading of its own, deadlines written as they come.
    const PLAN: &str = "\
# Our action plan. Keep this comment.
vision: Every pupil leaves with a plan.
objectives:
  - title: Every subject links its learning to careers
    benchmarks: [4]

actions:
  - benchmark: 1
    provision:
      - Careers programme approved by governors
      - Careers pages on the website
    actions:
      - action: Name a link governor for careers
        deadline: 2026-10
        who: Headteacher
    success_criteria:
      - Governors understand the careers plan
    progress: Link governor named.

  # Destinations come from the local authority in December.
  - area: Destinations
    actions:
      - action: Analyse destinations over three years
        deadline: ongoing
        who: Careers Leader
      - action: Report destinations to governors
        deadline: autumn 2 2026 then ongoing

  - benchmark: 5
    area: Encounters with employers
    actions:
      - action: Invite employers to assemblies
        deadline: 2026-27
";

    fn data(text: &str) -> DataFile {
        DataFile::from_text(ACTION_PLAN_FILE, text)
    }

    fn exported(yaml: &str) -> Result<String, Diagnostics> {
        let data = data(yaml);
        Ok(spreadsheet_of(&rows_in_file(
            &data.current()?,
            &data.shown,
        )?))
    }

    fn read_csv(csv: &str) -> Result<Vec<PlanRow>, Diagnostics> {
        let mut table = Table::from_bytes(csv.as_bytes(), "plan.csv").map_err(|d| vec![d])?;
        read(&mut table)
    }

    fn imported(yaml: &str, csv: &str) -> Imported {
        bring_in(&data(yaml), read_csv(csv).unwrap()).unwrap()
    }

    fn refused(csv: &str) -> Vec<String> {
        messages(&read_csv(csv).unwrap_err())
    }

    #[test]
    fn each_row_of_the_plan_is_a_group_of_lines_as_in_a_word_table() {
        assert_eq!(
            plain(&exported(PLAN).unwrap()),
            format!(
                "{HEADER}
1,Careers programme approved by governors,Name a link governor for careers,October 2026,Headteacher,Governors understand the careers plan,Link governor named.
,Careers pages on the website,,,,,
Destinations,,Analyse destinations over three years,Ongoing,Careers Leader,,
,,Report destinations to governors,Autumn 2 2026 then ongoing,,,
5,,Invite employers to assemblies,2026-27,,,
"
            )
        );
    }

    #[test]
    fn a_row_with_nothing_in_it_yet_is_one_line() {
        let csv = exported("actions:\n  - area: Labour market information\n").unwrap();
        assert_eq!(
            plain(&csv),
            format!("{HEADER}\nLabour market information,,,,,,\n")
        );
    }

    #[test]
    fn the_strategic_plan_is_not_in_the_spreadsheet() {
        assert!(!exported(PLAN).unwrap().contains("Every subject links"));
    }

    #[test]
    fn export_then_import_changes_no_byte_and_exports_the_same_bytes() {
        for yaml in [
            PLAN,
            include_str!("../../content/action-plan.yaml"),
            include_str!("../../examples/plans/content/action-plan.yaml"),
        ] {
            let csv = exported(yaml).unwrap();
            let again = imported(yaml, &csv);
            assert_eq!(again.text, yaml);
            assert!(again.summary.changed.is_empty() && again.summary.added.is_empty());
            assert_eq!(exported(&again.text).unwrap(), csv);
        }
    }

    #[test]
    fn the_lines_of_a_group_carry_on_its_lists_in_order() {
        let csv = format!(
            "{HEADER}\n\
             4,In place 1,Action 1,July 2027,Who 1,Criterion 1,Under way\n\
             ,In place 2,,,,Criterion 2,\n\
             ,,Action 2,,,,\n"
        );
        let rows = read_csv(&csv).unwrap();
        let row = &rows[0];
        assert_eq!(
            row.about,
            About::Benchmark(Benchmark::from_text("4").unwrap())
        );
        assert_eq!(row.provision, ["In place 1", "In place 2"]);
        assert_eq!(row.success_criteria, ["Criterion 1", "Criterion 2"]);
        let actions: Vec<&str> = row.actions.iter().map(|a| a.action.as_str()).collect();
        assert_eq!(actions, ["Action 1", "Action 2"]);
        assert_eq!(row.actions[0].deadline, Timing::parse("2027-07"));
        assert_eq!(row.actions[1].deadline, None);
        assert_eq!(row.progress, "Under way");
    }

    #[test]
    fn a_benchmark_is_read_as_schools_head_a_row_and_anything_else_is_an_area() {
        let benchmark = |n: &str| Some(About::Benchmark(Benchmark::from_text(n).unwrap()));
        let area = |name: &str| Some(About::Area(name.to_string()));
        for (cell, about) in [
            ("3", benchmark("3")),
            ("Benchmark 3", benchmark("3")),
            ("benchmark3", benchmark("3")),
            (
                "Gatsby Benchmark 3: Addressing the needs of each pupil",
                benchmark("3"),
            ),
            ("BM 3", benchmark("3")),
            ("GB3 - Addressing the needs of each pupil", benchmark("3")),
            ("3. Addressing the needs of each pupil", benchmark("3")),
            ("Destinations", area("Destinations")),
            ("16-19 study programmes", area("16-19 study programmes")),
            (
                "3.5 hours of careers lessons",
                area("3.5 hours of careers lessons"),
            ),
            ("Benchmarks 1 and 2", area("Benchmarks 1 and 2")),
            ("Benchmark 9", None),
            ("0", None),
            ("2026", None),
        ] {
            assert_eq!(About::from_cell(cell), about, "{cell:?}");
        }
    }

    #[test]
    fn a_benchmark_outside_1_to_8_is_refused_with_what_to_write() {
        assert_eq!(
            refused(&format!("{HEADER}\nBenchmark 9,,Visit a university,,,,\n")),
            [
                "error: plan.csv:2:1: column \"Benchmark or area\": `Benchmark 9` is not a benchmark\n  help: the Gatsby Benchmarks are numbered 1 to 8; for a row about something else, write its name, such as Destinations"
            ]
        );
    }

    #[test]
    fn a_deadline_excel_turned_into_a_date_reads_as_the_deadline_it_was() {
        let csv =
            format!("{HEADER}\n1,,Survey employers,30-Sep-26,,,\n,,Name a governor,Oct-26,,,\n");
        let deadlines: Vec<_> = read_csv(&csv).unwrap()[0]
            .actions
            .iter()
            .map(|a| a.deadline)
            .collect();
        assert_eq!(
            deadlines,
            [Timing::parse("2026-09-30"), Timing::parse("October 2026")]
        );
    }

    #[test]
    fn a_deadline_that_is_not_one_is_named_by_line_and_column_with_what_to_write() {
        let problems = refused(&format!("{HEADER}\n1,,Survey employers,next summer,,,\n"));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("error: plan.csv:2:4: column \"Deadline\": `next summer` is not a deadline\n  help: write a day (2021-09-30), a month"),
            "{}",
            problems[0]
        );
        assert!(problems[0].ends_with(
            "if Excel turned it into a date, format the Deadline column as Text and write it again"
        ));
    }

    #[test]
    fn lines_out_of_their_place_are_refused_each_with_its_line() {
        let csv = format!(
            "{HEADER}\n\
             ,In place before any benchmark,,,,,\n\
             2,,Use labour market information,,,,\n\
             ,,,,,,Progress on a later line\n\
             ,,,July 2027,Careers Leader,,\n\
             Benchmark 2,,Again,,,,\n"
        );
        assert_eq!(
            refused(&csv),
            [
                "error: plan.csv:2:1: this line has no benchmark or area above it\n  help: give the first line of each group its benchmark (1 to 8) or area, such as Destinations",
                "error: plan.csv:4:7: column \"Progress\": progress belongs on the first line of its benchmark or area\n  help: move it up to the line with the benchmark or area",
                "error: plan.csv:5:3: column \"Action\": a deadline or who, with no action\n  help: write the action on the same line as its deadline and who",
                "error: plan.csv:6:1: column \"Benchmark or area\": \"Benchmark 2\" has a group of lines already, from line 3\n  help: put all of its lines together, under its first",
            ]
        );
    }

    #[test]
    fn a_spreadsheet_with_only_its_headers_changes_nothing_and_says_what_it_left_alone() {
        let done = imported(PLAN, &format!("\u{feff}{HEADER}\r\n,,,,,,\r\n"));
        assert_eq!(done.text, PLAN);
        assert_eq!(
            done.summary.left_alone,
            ["Benchmark 1", "Destinations", "Benchmark 5"]
        );
    }

    #[test]
    fn an_import_rewrites_only_the_rows_it_changes_and_keeps_a_rows_own_heading() {
        let csv = exported(PLAN).unwrap().replace(
            "5,,Invite employers to assemblies,2026-27,,,",
            "5,,Invite employers to assemblies,Jul-27,Heads of year,,Booked.",
        );
        let done = imported(PLAN, &csv);
        assert_eq!(done.summary.changed, ["Benchmark 5"]);
        assert_eq!(done.summary.unchanged, ["Benchmark 1", "Destinations"]);
        assert_eq!(
            done.text,
            PLAN.replace(
                "        deadline: 2026-27\n",
                "        deadline: July 2027\n        who: Heads of year\n    progress: Booked.\n"
            )
        );
    }

    #[test]
    fn a_new_row_is_added_at_the_end_and_rows_not_in_the_file_are_left_alone() {
        let done = imported(
            PLAN,
            &format!(
                "{HEADER}\nBenchmark 8,Guidance interviews in Year 11,Offer every pupil in Year 10 an interview,Summer 2027,Careers adviser,,\n"
            ),
        );
        assert_eq!(done.summary.added, ["Benchmark 8"]);
        assert_eq!(
            done.summary.left_alone,
            ["Benchmark 1", "Destinations", "Benchmark 5"]
        );
        assert_eq!(
            done.text,
            format!(
                "{PLAN}\n  - benchmark: 8\n    provision:\n      - Guidance interviews in Year 11\n    actions:\n      - action: Offer every pupil in Year 10 an interview\n        deadline: Summer 2027\n        who: Careers adviser\n"
            )
        );
    }

    #[test]
    fn export_refuses_a_plan_a_spreadsheet_could_not_bring_back() {
        for (yaml, message) in [
            (
                "actions:\n  - area: Destinations\n  - provision: [Careers fair]\n",
                "row 2 of the action plan (under `actions:`) has neither `benchmark:` nor `area:`",
            ),
            (
                "actions:\n  - benchmark: 2\n  - benchmark: 2\n    area: Labour market information\n",
                "the action plan has two rows for benchmark 2",
            ),
            (
                "actions:\n  - area: Destinations\n  - area: destinations\n",
                "the action plan has two rows for the area \"destinations\"",
            ),
            (
                "actions:\n  - area: \"Benchmark 3: Addressing the needs of each pupil\"\n",
                "the row for the area \"Benchmark 3: Addressing the needs of each pupil\" would come back from a spreadsheet as benchmark 3",
            ),
        ] {
            let refused = exported(yaml).unwrap_err();
            assert!(
                refused[0]
                    .to_string()
                    .starts_with(&format!("error: content/action-plan.yaml: {message}")),
                "{}",
                refused[0]
            );
        }
    }

    #[test]
    fn no_spreadsheet_makes_the_import_panic_and_what_it_reads_comes_back_as_read() {
        let columns: [&[&str]; 7] = [
            &["1", "5", "Benchmark 8", "Destinations", "", "", ""],
            &["", "", "Careers fair"],
            &["", "Invite employers", "Invite employers"],
            &[
                "",
                "",
                "Ongoing",
                "Sep-26",
                "30-Sep-26",
                "Autumn 1 2026 then ongoing",
                "2026-27",
            ],
            &["", "", "Careers Leader"],
            &["", "", "Every pupil meets an employer"],
            &["", "", "", "", "Booked."],
        ];
        for csv in super::super::table::scrambled(HEADER, &columns, 3000) {
            let Ok(mut table) = Table::from_bytes(&csv, "plan.csv") else {
                continue;
            };
            let Ok(rows) = read(&mut table) else {
                continue;
            };
            let done = bring_in(&data(PLAN), rows.clone())
                .unwrap_or_else(|problems| panic!("{rows:?}: {problems:?}"));
            let again = read_csv(&exported(&done.text).unwrap()).unwrap();
            for row in &rows {
                assert!(
                    again
                        .iter()
                        .any(|there| there.matches(row) && there.lines() == row.lines()),
                    "{row:?} in {again:?}"
                );
            }
        }
    }
}
