//! `careersite import destinations FILE.csv`: where leavers went, from the DfE's destination
//! measures or from the school's own spreadsheet, into `destinations:` in `evaluation.yaml`.
//!
//! The DfE publishes, for every school, the destinations of its key stage 4 leavers (and of
//! its 16 to 18 students, for a sixth form) as institution-level CSV files on Explore
//! Education Statistics: one row per school, year and group of pupils, one column per
//! destination. A number small enough to identify a pupil is published as `c`; careersite
//! keeps it hidden and never works it out.

use std::collections::BTreeMap;
use std::path::Path;

use super::place::{Record, all_placed, place};
use super::{DataFile, Imported, Row, Summary, Table, Untouched};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::EVALUATION_FILE;
use crate::model::{Count, Destinations, DestinationsSource, Evaluation, Route, YearGroup};
use crate::yaml::edit::Item;

/// One year's destinations as an import writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Leavers {
    year: i32,
    leaving: YearGroup,
    source: DestinationsSource,
    cohort: u32,
    routes: Vec<(Route, Count)>,
}

impl Record for Leavers {
    fn name(&self) -> String {
        format!("{} leavers of {}", self.leaving, self.year)
    }

    fn item(&self, indent: usize) -> String {
        let mut item = Item::new(indent);
        item.word("year", self.year).word("leaving", self.leaving);
        if self.source == DestinationsSource::Dfe {
            item.word("source", self.source.key());
        }
        item.word("cohort", self.cohort);
        let routes: Vec<String> = self
            .routes
            .iter()
            .map(|(route, count)| format!("{}: {count}", route.key()))
            .collect();
        item.nested("routes", &routes);
        item.finish()
    }

    fn matches(&self, imported: &Self) -> bool {
        self.year == imported.year && self.leaving == imported.leaving
    }

    /// Two sets of figures for one cohort would let a reader compare them and work out what
    /// each hides.
    fn keeps_out(&self, imported: &Self) -> Option<String> {
        (self.source != imported.source).then(|| {
            format!(
                "evaluation.yaml has {} figures for them already, and publishing two sets would let a reader work out the hidden numbers; delete those to use these",
                match self.source {
                    DestinationsSource::School => "your own",
                    DestinationsSource::Dfe => "the DfE's",
                }
            )
        })
    }

    fn owned_by(&self, imported: &Self) -> bool {
        self.source == imported.source
    }

    /// Newest first, as the examples list them.
    fn goes_before(&self, other: &Self) -> bool {
        self.year > other.year
    }
}

impl Leavers {
    fn from_model(destinations: &Destinations) -> Self {
        Leavers {
            year: destinations.year,
            leaving: destinations.leaving,
            source: destinations.source,
            cohort: destinations.cohort,
            routes: destinations
                .routes
                .iter()
                .map(|(&route, &count)| (route, count))
                .collect(),
        }
    }

    /// With every route its source lists, in their order, 0 for those not given: as the
    /// model reads it back.
    fn complete(mut self) -> Self {
        let given: BTreeMap<Route, Count> = self.routes.iter().copied().collect();
        self.routes = Route::open_to(self.leaving, self.source)
            .iter()
            .map(|&route| (route, given.get(&route).copied().unwrap_or(Count::Known(0))))
            .collect();
        self
    }
}

/// Reads `file` and works out the new text of `evaluation.yaml`
/// under `root`. `urn` picks the school's rows out of a DfE file.
pub fn import(
    root: &Path,
    file: &Path,
    urn: Option<&str>,
) -> Result<(DataFile, Imported), Diagnostics> {
    let mut table = Table::open(file, file).map_err(|d| vec![d])?;
    let mut summary = Summary::default();
    let imported = match Layout::of(&table)? {
        Layout::Dfe(measure) => {
            let Some(urn) = urn else {
                return Err(vec![Diagnostic::error(format!(
                    "{} is the DfE's file of every school's destinations",
                    file.display()
                ))
                .with_help("give your school's URN, such as --urn 123456 (Get Information about Schools at get-information-schools.service.gov.uk shows it)")]);
            };
            dfe_rows(&mut table, measure, urn, &mut summary)?
        }
        Layout::School(columns) => school_rows(&mut table, &columns)?,
    };
    let data = DataFile::open(root, EVALUATION_FILE).map_err(|d| vec![d])?;
    let current: Evaluation = data.current()?;
    let existing: Vec<Leavers> = current
        .destinations
        .iter()
        .map(Leavers::from_model)
        .collect();
    let imported = newest_first(&imported);
    let placed = place(
        &data,
        "destinations",
        &existing,
        &imported,
        &|_| None,
        &mut summary,
    )?;
    let untouched = Untouched {
        key: "destinations",
        items: placed.untouched.iter().map(|&at| (at, None)).collect(),
    };
    let text = placed.text;
    super::read_back::<Evaluation>(&data, &text, &untouched, |read| {
        let read: Vec<Leavers> = read.destinations.iter().map(Leavers::from_model).collect();
        all_placed(&read, &imported)
    })?;
    Ok((data, Imported { text, summary }))
}

fn newest_first(imported: &[Leavers]) -> Vec<Leavers> {
    let mut sorted = imported.to_vec();
    sorted.sort_by(|a, b| b.year.cmp(&a.year).then(a.leaving.cmp(&b.leaving)));
    sorted
}

/// The DfE's two measures: after key stage 4 (Year 11) and after 16 to 18 study (Year 13).
#[derive(Debug, Clone, Copy)]
enum Measure {
    KeyStage4,
    SixteenToEighteen,
}

impl Measure {
    fn leaving(self) -> YearGroup {
        match self {
            Measure::KeyStage4 => YearGroup::Year(11),
            Measure::SixteenToEighteen => YearGroup::Year(13),
        }
    }

    /// The DfE's columns for our routes, which between them count every pupil once.
    fn columns(self) -> &'static [(&'static str, Route)] {
        match self {
            Measure::KeyStage4 => &[
                ("ssf", Route::SchoolSixthForm),
                ("sfc", Route::SixthFormCollege),
                ("fe", Route::FurtherEducation),
                ("other_edu", Route::OtherEducation),
                ("appren", Route::Apprenticeship),
                ("all_work", Route::Employment),
                ("all_notsust", Route::NotSustained),
                ("all_unknown", Route::Unknown),
            ],
            Measure::SixteenToEighteen => &[
                ("fe", Route::FurtherEducation),
                ("he", Route::HigherEducation),
                ("other_edu", Route::OtherEducation),
                ("appren", Route::Apprenticeship),
                ("all_work", Route::Employment),
                ("all_notsust", Route::NotSustained),
                ("all_unknown", Route::Unknown),
            ],
        }
    }
}

/// The kind of file: the DfE's, or the school's own laid out as docs/import.md shows.
enum Layout {
    Dfe(Measure),
    School(SchoolColumns),
}

/// Where each of the school template's columns is.
struct SchoolColumns {
    year: usize,
    leaving: usize,
    cohort: usize,
    routes: Vec<(usize, Route)>,
}

/// The school template's columns, as docs/import.md lists them.
const SCHOOL_TEMPLATE: &str = "Year,Leaving,Cohort,school-sixth-form,sixth-form-college,further-education,higher-education,apprenticeship,employment,neet,unknown";

impl Layout {
    fn of(table: &Table) -> Result<Self, Diagnostics> {
        let has = |name: &str| table.column(name).is_some();
        if has("destination_description") || has("pupil_count") {
            return Err(vec![Diagnostic::error(format!(
                "{} gives one destination a row; careersite reads the DfE's institution-level files, which give each destination a column (ssf, fe, appren...)",
                table.shown().display()
            ))
            .with_help("download the \"institution level destinations\" data set of the key stage 4 (or 16 to 18) destination measures from Explore Education Statistics")]);
        }
        if has("school_urn") || has("time_period") {
            let measure = if has("ssf") || has("sfc") {
                Measure::KeyStage4
            } else {
                Measure::SixteenToEighteen
            };
            let missing: Vec<&str> = ["time_period", "school_urn", "cohort"]
                .into_iter()
                .chain(measure.columns().iter().map(|(name, _)| *name))
                .filter(|name| !has(name))
                .collect();
            if !missing.is_empty() {
                return Err(vec![Diagnostic::error(format!(
                    "{} has no column {}, which careersite needs from the DfE's destination measures",
                    table.shown().display(),
                    missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                ))
                .with_help("use the institution-level file of the key stage 4 or 16 to 18 destination measures, as downloaded from Explore Education Statistics")]);
            }
            return Ok(Layout::Dfe(measure));
        }
        let (Some(year), Some(leaving), Some(cohort)) = (
            table.column("year"),
            table.column("leaving"),
            table.column("cohort"),
        ) else {
            return Err(vec![Diagnostic::error(format!(
                "careersite cannot tell what {} holds: it is neither the DfE's destination measures (with `school_urn` and `time_period` columns) nor the school template",
                table.shown().display()
            ))
            .with_help(format!("give your own figures the template's headers, as docs/import.md shows: {SCHOOL_TEMPLATE}"))]);
        };
        let mut routes = Vec::new();
        for (at, header) in table.headers().iter().enumerate() {
            if [year, leaving, cohort].contains(&at) || header.is_empty() {
                continue;
            }
            let route = Route::EVERY.into_iter().find(|route| {
                header.eq_ignore_ascii_case(route.key())
                    || header.eq_ignore_ascii_case(route.label())
            });
            match route {
                Some(route) => routes.push((at, route)),
                None => {
                    return Err(vec![
                        Diagnostic::error(format!(
                            "{}: the column \"{header}\" is not a destination",
                            table.shown().display()
                        ))
                        .with_help(format!("name each column after a route: {SCHOOL_TEMPLATE}")),
                    ]);
                }
            }
        }
        Ok(Layout::School(SchoolColumns {
            year,
            leaving,
            cohort,
            routes,
        }))
    }
}

/// The school's rows of a DfE file: all its pupils (not a group such as disadvantaged
/// pupils), as numbers of pupils (not percentages), the revised figures over provisional.
fn dfe_rows(
    table: &mut Table,
    measure: Measure,
    urn: &str,
    summary: &mut Summary,
) -> Result<Vec<Leavers>, Diagnostics> {
    let urn = urn.trim();
    if urn.is_empty() || !urn.chars().all(|c| c.is_ascii_digit()) {
        return Err(vec![
            Diagnostic::error(format!("`{urn}` is not a URN")).with_help(
                "a school's URN is its unique reference number, six figures such as 123456",
            ),
        ]);
    }
    let urn_column = table.column("school_urn").expect("the layout has it");
    let period = table.column("time_period").expect("the layout has it");
    let data_type = table.column("data_type");
    let version = table.column("version");
    // The columns that split a school's pupils into groups, each `Total` for all of them.
    let groups: Vec<usize> = [
        "breakdown_topic",
        "breakdown",
        "characteristic_group",
        "characteristic",
        "cohort_level_group",
        "cohort_level",
        "level",
        "level_group",
    ]
    .into_iter()
    .filter_map(|name| table.column(name))
    .collect();
    let cohort = table.column("cohort").expect("the layout has it");
    let routes: Vec<(usize, Route)> = measure
        .columns()
        .iter()
        .map(|(name, route)| (table.column(name).expect("the layout has it"), *route))
        .collect();
    // For each year: the figures, the line they came from and whether they are revised.
    let mut years: BTreeMap<i32, (Leavers, usize, bool)> = BTreeMap::new();
    let mut found = false;
    let mut percentages = 0;
    let mut problems = Vec::new();
    while let Some(row) = table.next_row().map_err(|d| vec![d])? {
        if row.cell(urn_column) != urn {
            continue;
        }
        found = true;
        if groups
            .iter()
            .any(|&g| !row.cell(g).eq_ignore_ascii_case("total"))
        {
            continue;
        }
        let kind = row.cell_in(data_type).to_lowercase();
        if kind.starts_with("percent") {
            percentages += 1;
            continue;
        }
        if data_type.is_some() && !kind.starts_with("number") {
            continue;
        }
        let year = match leaving_year(row.cell(period)) {
            Some(year) => year,
            None => {
                problems.push(
                    table.problem(
                        &row,
                        period,
                        format!("`{}` is not a DfE time period", row.cell(period)),
                        "a time period is written as two years run together, such as 202223"
                            .to_string(),
                    ),
                );
                continue;
            }
        };
        let revised = row.cell_in(version).eq_ignore_ascii_case("revised");
        let leavers = match dfe_leavers(table, &row, measure, year, cohort, &routes) {
            Ok(Some(leavers)) => leavers,
            Ok(None) => {
                summary.left_out.push(format!(
                    "{} leavers of {year}: the DfE did not publish how many there were (line {})",
                    measure.leaving(),
                    row.line
                ));
                continue;
            }
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        // Revised figures replace provisional ones; two rows of the same kind for one year
        // mean the file splits the pupils in a way careersite does not know, and guessing which
        // is the whole cohort could publish a group as if it were everyone.
        match years.get(&year) {
            Some((_, _, true)) if !revised => {}
            Some((_, line, earlier_revised)) if *earlier_revised == revised => {
                problems.push(table.row_problem(
                    &row,
                    format!("this row gives the {year} leavers' destinations again, after line {line}"),
                    "careersite cannot tell which row is for all the school's pupils: remove the other rows for the school and year".to_string(),
                ));
            }
            _ => {
                years.insert(year, (leavers, row.line, revised));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if !found {
        return Err(vec![Diagnostic::error(format!(
            "{} has no rows for the school with URN {urn}",
            table.shown().display()
        ))
        .with_help("check the URN, and that the file is the institution-level data set, which has a row for every school")]);
    }
    if years.is_empty() && percentages > 0 {
        return Err(vec![
            Diagnostic::error(format!(
                "{} gives percentages only for URN {urn}; careersite needs the numbers of pupils",
                table.shown().display()
            ))
            .with_help("download the data set with its \"Number of pupils\" rows as well"),
        ]);
    }
    Ok(years.into_values().map(|(leavers, _, _)| leavers).collect())
}

/// The summer a DfE time period's pupils left. The institution-level files name each row by
/// the school year in which destinations were counted, the year after leaving: `202223` counts
/// where the pupils who left in the summer of 2022 were during 2022/23.
fn leaving_year(period: &str) -> Option<i32> {
    let digits = period.trim();
    if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let first: i32 = digits[..4].parse().ok()?;
    let second: i32 = digits[4..].parse().ok()?;
    (second == (first + 1) % 100).then_some(first)
}

/// One DfE row as destinations; `None` when the DfE kept the cohort back.
fn dfe_leavers(
    table: &Table,
    row: &Row,
    measure: Measure,
    year: i32,
    cohort_column: usize,
    routes: &[(usize, Route)],
) -> Result<Option<Leavers>, Diagnostic> {
    let cohort = match dfe_count(table, row, cohort_column)? {
        Count::Known(cohort) => cohort,
        Count::Withheld => return Ok(None),
    };
    let mut counted = Vec::new();
    for &(column, route) in routes {
        counted.push((route, dfe_count(table, row, column)?));
    }
    let leavers = Leavers {
        year,
        leaving: measure.leaving(),
        source: DestinationsSource::Dfe,
        cohort,
        routes: counted,
    }
    .complete();
    Count::fit(
        leavers.cohort,
        leavers.routes.iter().map(|&(_, count)| count),
    )
    .map_err(|message| {
        table.row_problem(
            row,
            message,
            "check that this is the DfE's file as downloaded, with its columns unchanged"
                .to_string(),
        )
    })?;
    Ok(Some(leavers))
}

/// A DfE count: a number, or one of its symbols for a number it does not publish.
fn dfe_count(table: &Table, row: &Row, column: usize) -> Result<Count, Diagnostic> {
    let cell = row.cell(column);
    match cell.to_lowercase().as_str() {
        // c: kept back so that no pupil can be identified; x: not available; z: not applicable.
        "c" | "x" | "z" => Ok(Count::Withheld),
        _ => cell.parse::<u32>().map(Count::Known).map_err(|_| {
            table.problem(
                row,
                column,
                format!("`{cell}` is not a number of pupils"),
                "the DfE writes a number, or c, x or z for one it does not publish".to_string(),
            )
        }),
    }
}

/// The rows of the school's own spreadsheet.
fn school_rows(table: &mut Table, columns: &SchoolColumns) -> Result<Vec<Leavers>, Diagnostics> {
    let mut imported: Vec<(Leavers, usize)> = Vec::new();
    let mut problems = Vec::new();
    while let Some(row) = table.next_row().map_err(|d| vec![d])? {
        match school_leavers(table, &row, columns) {
            Ok(leavers) => {
                if let Some((_, line)) = imported
                    .iter()
                    .find(|(l, _)| l.year == leavers.year && l.leaving == leavers.leaving)
                {
                    problems.push(table.row_problem(
                        &row,
                        format!("{} are given again, after line {line}", leavers.name()),
                        "keep one row for each year and year group".to_string(),
                    ));
                } else {
                    imported.push((leavers, row.line));
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(imported.into_iter().map(|(leavers, _)| leavers).collect())
    } else {
        Err(problems)
    }
}

fn school_leavers(
    table: &Table,
    row: &Row,
    columns: &SchoolColumns,
) -> Result<Leavers, Diagnostic> {
    let year = row
        .cell(columns.year)
        .parse::<i32>()
        .ok()
        .filter(|year| (2000..=2100).contains(year))
        .ok_or_else(|| {
            table.problem(
                row,
                columns.year,
                format!("`{}` is not a year", row.cell(columns.year)),
                "write the summer they left, such as 2026".to_string(),
            )
        })?;
    let leaving = YearGroup::parse(row.cell(columns.leaving)).ok_or_else(|| {
        table.problem(
            row,
            columns.leaving,
            format!("`{}` is not a year group", row.cell(columns.leaving)),
            "write the year group they left, such as Year 11 or Year 13".to_string(),
        )
    })?;
    let number = |column: usize| -> Result<Count, Diagnostic> {
        let cell = row.cell(column);
        if cell.is_empty() {
            return Ok(Count::Known(0));
        }
        cell.parse::<u32>().map(Count::Known).map_err(|_| {
            table.problem(
                row,
                column,
                format!("`{cell}` is not a number of pupils"),
                "write a whole number, or leave the cell empty for none".to_string(),
            )
        })
    };
    let Count::Known(cohort) = number(columns.cohort)? else {
        unreachable!("a school's own count is always a number")
    };
    let open = Route::open_to(leaving, DestinationsSource::School);
    let mut routes = Vec::new();
    for &(column, route) in &columns.routes {
        let count = number(column)?;
        if count == Count::Known(0) {
            continue;
        }
        if !open.contains(&route) {
            return Err(table.problem(
                row,
                column,
                format!("{leaving} leavers do not take this route"),
                format!(
                    "for {leaving} leavers use {}",
                    open.iter().map(|r| r.key()).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        routes.push((route, count));
    }
    let leavers = Leavers {
        year,
        leaving,
        source: DestinationsSource::School,
        cohort,
        routes,
    }
    .complete();
    Count::fit(cohort, leavers.routes.iter().map(|&(_, count)| count)).map_err(|message| {
        table.problem(
            row,
            columns.cohort,
            message,
            "each leaver is counted under one route, and the routes add up to the cohort"
                .to_string(),
        )
    })?;
    Ok(leavers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dfe_time_period_is_the_year_after_its_pupils_left() {
        assert_eq!(leaving_year("202223"), Some(2022));
        assert_eq!(leaving_year("199900"), Some(1999));
        assert_eq!(leaving_year("202225"), None);
        assert_eq!(leaving_year("2022/23"), None);
    }

    #[test]
    fn an_item_is_written_as_the_example_school_writes_one() {
        let leavers = Leavers {
            year: 2023,
            leaving: YearGroup::Year(11),
            source: DestinationsSource::Dfe,
            cohort: 20,
            routes: vec![
                (Route::FurtherEducation, Count::Known(12)),
                (Route::Apprenticeship, Count::Withheld),
            ],
        };
        assert_eq!(
            leavers.item(2),
            "  - year: 2023\n    leaving: Year 11\n    source: dfe\n    cohort: 20\n    routes:\n      further-education: 12\n      apprenticeship: c\n"
        );
    }
}
