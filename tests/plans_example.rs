//! The plans example (`examples/plans/`), built row for row from a school's self-assessment grid,
//! action plan, strategic plan and Compass page: everything its YAML holds is on the built pages.
//! The tests read the example's own YAML, so that they never restate its content: whatever the
//! files say, the pages must show, in the right row and column.

mod common;

use std::collections::BTreeMap;

use common::{Page, TestSite, copy_tree, repo_root};
use scraper::{ElementRef, Selector};
use serde_yaml::Value;

/// The figures `examples/plans/README.md` gives for the grid.
const GRID_ROWS: usize = 41;
const NOT_YET_ASSESSED: usize = 37;
const NOT_APPLICABLE: usize = 4;

fn example() -> TestSite {
    let site = TestSite::new();
    copy_tree(
        &repo_root().join("examples/plans/content"),
        &site.root().join("content"),
    );
    site
}

fn built() -> TestSite {
    let site = example();
    site.build();
    site
}

/// One of the example's YAML files, as written.
fn yaml(file: &str) -> Value {
    let path = repo_root().join("examples/plans/content").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} should exist: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn list(value: &Value) -> &[Value] {
    value.as_sequence().map_or(&[], |items| items.as_slice())
}

/// A plain-text field as a page shows it: on one line.
fn plain(value: &Value) -> String {
    value.as_str().map(one_line).unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Markdown field as a page shows it: without its emphasis marks, with typographic
/// apostrophes, on one line.
fn markdown(value: &Value) -> String {
    markdown_text(value.as_str().unwrap_or_default())
}

fn markdown_text(text: &str) -> String {
    one_line(&text.replace('*', "").replace('\'', "’"))
}

/// The items of a Markdown list, each as a page shows it.
fn markdown_items(value: &Value) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in value.as_str().unwrap_or_default().lines() {
        match line.trim_start().strip_prefix("- ") {
            Some(item) => items.push(item.to_string()),
            None => {
                let last = items.last_mut().expect("a list starts with its first item");
                last.push(' ');
                last.push_str(line);
            }
        }
    }
    items.iter().map(|item| markdown_text(item)).collect()
}

fn text_of(element: ElementRef<'_>) -> String {
    one_line(&element.text().collect::<String>())
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A time as written in the example's YAML (`Sept 2019`, `Nov '21`, `Spring Term 2022`,
/// `Sept 2019 and ongoing`, `Ongoing`), as the pages show it, and the month it names in the
/// machine-readable form of `<time datetime>`, if it names one. Only the forms the example uses:
/// docs/content.md and `src/model/timing.rs` have them all.
fn shown_time(written: &str) -> (String, Option<String>) {
    let written = one_line(written);
    if written.eq_ignore_ascii_case("ongoing") {
        return ("Ongoing".to_string(), None);
    }
    for then in [" then ongoing", " and ongoing"] {
        if let Some(period) = written.strip_suffix(then) {
            let (shown, month) = shown_period(period);
            return (format!("{shown}, then ongoing"), month);
        }
    }
    shown_period(&written)
}

fn shown_period(written: &str) -> (String, Option<String>) {
    let words: Vec<&str> = written.split(' ').collect();
    let year = |text: &str| -> String {
        match text.strip_prefix('\'') {
            Some(short) => format!("20{short}"),
            None => text.to_string(),
        }
    };
    match words.as_slice() {
        [term @ ("Autumn" | "Spring" | "Summer"), "Term" | "term", y]
        | [term @ ("Autumn" | "Spring" | "Summer"), y] => {
            (format!("{term} term {}", year(y)), None)
        }
        [month, y] => {
            let number = MONTHS
                .iter()
                .position(|name| name.to_lowercase().starts_with(&month.to_lowercase()))
                .unwrap_or_else(|| panic!("{written:?}: this test does not know the month"));
            let y = year(y);
            (
                format!("{} {y}", MONTHS[number]),
                Some(format!("{y}-{:02}", number + 1)),
            )
        }
        _ => panic!("{written:?}: this test does not know how that time is shown; teach it"),
    }
}

/// A rating as the grid shows it: a symbol and words, never colour alone.
fn shown_progress(progress: &Value) -> String {
    let Some(progress) = progress.as_str() else {
        return String::new();
    };
    match progress {
        "red" => "✗ Red: not yet met",
        "amber" => "◐ Amber: partly met",
        "green" => "✓ Green: met",
        "not-assessed" => "? Not yet assessed",
        "not-applicable" => "– Not applicable",
        other => panic!("{other:?} is not a rating this test knows"),
    }
    .to_string()
}

/// The grid's rows as a benchmark page should show them: the requirement (after the heading it
/// sits under, which is read out before it), progress, priority and notes.
fn grid_rows(requirements: &[Value], heading: Option<&str>, out: &mut Vec<[String; 4]>) {
    for requirement in requirements {
        let text = plain(&requirement["requirement"]);
        out.push([
            heading.map_or(text.clone(), |heading| format!("{heading} {text}")),
            shown_progress(&requirement["progress"]),
            requirement["priority"]
                .as_u64()
                .map_or(String::new(), |p| p.to_string()),
            plain(&requirement["notes"]),
        ]);
        grid_rows(list(&requirement["parts"]), Some(&text), out);
    }
}

/// The text of the element after the `h2` that reads `heading` in `main`.
fn after_heading(page: &Page, heading: &str) -> String {
    let h2 = page
        .0
        .select(&selector("main h2"))
        .find(|h2| text_of(*h2) == heading)
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    let next = h2
        .next_siblings()
        .find_map(ElementRef::wrap)
        .expect("something after the heading");
    text_of(next)
}

#[test]
fn every_row_and_column_of_the_grid_is_on_its_benchmark_page() {
    let site = built();
    let grid = yaml("benchmarks.yaml");
    let benchmarks = list(&grid["benchmarks"]);
    assert_eq!(benchmarks.len(), 8, "the grid has every benchmark");
    let mut shown_rows: Vec<Vec<String>> = Vec::new();
    for benchmark in benchmarks {
        let number = benchmark["benchmark"].as_u64().unwrap();
        let page = site.page(&format!("benchmarks/{number}/index.html"));
        assert_eq!(
            page.text("main .lead"),
            markdown(&benchmark["statement"]),
            "Benchmark {number} leads with the school's own statement of it"
        );
        let mut expected = Vec::new();
        grid_rows(list(&benchmark["requirements"]), None, &mut expected);
        let rows = page.rows("table.assessment tbody tr");
        let shown: Vec<[String; 4]> = rows
            .iter()
            .map(|row| {
                [
                    row[0].clone(),
                    row[1].clone(),
                    row[2].clone(),
                    row.last().unwrap().clone(),
                ]
            })
            .collect();
        assert_eq!(shown, expected, "Benchmark {number}'s grid, row for row");
        for (field, heading) in [
            ("notes", "Notes"),
            ("primary_adaptation", "Adapting it for primary pupils"),
        ] {
            let text = markdown(&benchmark[field]);
            if !text.is_empty() {
                assert_eq!(after_heading(&page, heading), text, "Benchmark {number}");
            }
        }
        shown_rows.extend(rows);
    }
    let counted = |label: &str| {
        shown_rows
            .iter()
            .filter(|row| row[1].ends_with(label))
            .count()
    };
    assert_eq!(shown_rows.len(), GRID_ROWS);
    assert_eq!(counted("Not yet assessed"), NOT_YET_ASSESSED);
    assert_eq!(counted("Not applicable"), NOT_APPLICABLE);
    assert_eq!(
        GRID_ROWS,
        NOT_YET_ASSESSED + NOT_APPLICABLE,
        "every row is rated or not yet assessed"
    );
}

#[test]
fn there_is_a_page_for_each_of_the_eight_benchmarks() {
    let site = built();
    let pages: Vec<u8> = (1..=9)
        .filter(|n| site.exists(&format!("benchmarks/{n}/index.html")))
        .collect();
    assert_eq!(pages, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(
        site.page("benchmarks/index.html")
            .texts(".benchmark-list > li")
            .len(),
        8
    );
}

/// One row of the action plan as a page shows it.
#[derive(Debug, Default, PartialEq)]
struct ShownRow {
    heading: String,
    statement: String,
    /// The items of each list, by the heading over it.
    lists: BTreeMap<String, Vec<String>>,
    /// Action, deadline and who.
    actions: Vec<Vec<String>>,
    /// Each deadline's `<time datetime>`, for those that name a month.
    datetimes: Vec<Option<String>>,
}

const IN_PLACE: &str = "What is in place now";
const SUCCESS: &str = "How we will know it has worked";

/// How a deadline that has passed with no progress recorded is marked beside it.
const OVERDUE: &str = " Past, with no progress recorded";

fn action_rows(page: &Page) -> Vec<ShownRow> {
    let (li, tr, time) = (
        selector("li"),
        selector("tbody tr"),
        selector("td[data-label=Deadline] time"),
    );
    page.0
        .select(&selector("main section.action-row"))
        .map(|section| {
            let mut row = ShownRow::default();
            let mut under = String::new();
            for child in section.children().filter_map(ElementRef::wrap) {
                let classes: Vec<&str> = child.value().classes().collect();
                match child.value().name() {
                    "h2" => row.heading = text_of(child),
                    "h3" => under = text_of(child),
                    "ul" => {
                        row.lists
                            .insert(under.clone(), child.select(&li).map(text_of).collect());
                    }
                    "div" if classes.contains(&"statement") => row.statement = text_of(child),
                    "div" if classes.contains(&"table-scroll") => {
                        for tr in child.select(&tr) {
                            // A deadline gone by is marked; the marks are counted apart.
                            row.actions.push(
                                tr.select(&selector("td"))
                                    .map(|td| text_of(td).replace(OVERDUE, ""))
                                    .collect::<Vec<_>>(),
                            );
                            row.datetimes.push(
                                tr.select(&time)
                                    .next()
                                    .and_then(|t| t.value().attr("datetime"))
                                    .map(str::to_string),
                            );
                        }
                    }
                    _ => {}
                }
            }
            row
        })
        .collect()
}

/// What `row` of action-plan.yaml should show, but for its heading and statement.
fn expected_row(row: &Value) -> ShownRow {
    let items = |field: &str| list(&row[field]).iter().map(plain).collect::<Vec<_>>();
    let mut lists = BTreeMap::new();
    for (heading, field) in [(IN_PLACE, "provision"), (SUCCESS, "success_criteria")] {
        if !items(field).is_empty() {
            lists.insert(heading.to_string(), items(field));
        }
    }
    let (actions, datetimes) = list(&row["actions"])
        .iter()
        .map(|action| {
            let (deadline, month) = action["deadline"]
                .as_str()
                .map_or((String::new(), None), shown_time);
            assert!(!deadline.is_empty(), "every key action has a deadline");
            (
                vec![plain(&action["action"]), deadline, plain(&action["who"])],
                month,
            )
        })
        .unzip();
    ShownRow {
        lists,
        actions,
        datetimes,
        ..ShownRow::default()
    }
}

#[test]
fn every_row_of_the_action_plan_is_on_the_action_plan_page_and_its_benchmarks_page() {
    let site = built();
    let plan = yaml("action-plan.yaml");
    let grid = yaml("benchmarks.yaml");
    let statement = |number: u64| {
        list(&grid["benchmarks"])
            .iter()
            .find(|b| b["benchmark"].as_u64() == Some(number))
            .map(|b| markdown(&b["statement"]))
            .unwrap_or_default()
    };
    let rows = list(&plan["actions"]);
    let page = site.page("careers-programme/action-plan/index.html");
    assert_eq!(
        page.texts("td[data-label=Deadline] .overdue").len(),
        19,
        "the deadlines gone by with no progress, as the README counts them"
    );
    let shown = action_rows(&page);
    assert_eq!(
        shown.len(),
        rows.len(),
        "one section for each row, in order"
    );
    for (row, shown) in rows.iter().zip(&shown) {
        let mut expected = expected_row(row);
        match row["benchmark"].as_u64() {
            Some(number) => {
                assert!(
                    shown.heading.starts_with(&format!("Benchmark {number}: ")),
                    "{}",
                    shown.heading
                );
                expected.heading = shown.heading.clone();
                expected.statement = statement(number);
                // The benchmark's own page shows the row under its statement, without either.
                let on_its_page =
                    action_rows(&site.page(&format!("benchmarks/{number}/index.html")));
                assert_eq!(
                    on_its_page,
                    [ShownRow {
                        heading: String::new(),
                        statement: String::new(),
                        ..expected_row(row)
                    }],
                    "Benchmark {number}'s page"
                );
            }
            None => expected.heading = plain(&row["area"]),
        }
        assert_eq!(shown, &expected);
    }
    let key_actions = |count: usize, row: &Value| count + list(&row["actions"]).len();
    assert_eq!(
        shown.iter().map(|row| row.actions.len()).sum::<usize>(),
        rows.iter().fold(0, key_actions),
        "every key action, and no other"
    );
    assert!(
        rows.iter().any(|row| row["area"].is_string()),
        "a row about something other than one benchmark, such as destinations"
    );
}

#[test]
fn the_strategic_plan_shows_its_cover_vision_current_position_and_objectives() {
    let site = built();
    let plan = yaml("action-plan.yaml");
    let page = site.page("careers-programme/strategic-plan/index.html");
    let cover = &plan["plan"];

    let mut expected = vec![
        (
            "Years",
            format!(
                "{} This plan has ended",
                plain(&cover["period"]).replacen('-', " to ", 1)
            ),
        ),
        ("Led by", plain(&cover["led_by"])),
        ("Written", shown_time(cover["created"].as_str().unwrap()).0),
    ];
    for update in list(&cover["updated"]) {
        let when = shown_time(update["when"].as_str().unwrap()).0;
        expected.push(("Updated", format!("{when}, {}", plain(&update["why"]))));
    }
    for (field, label) in [
        (
            "approved_by_leadership",
            "Approved by the senior leadership team",
        ),
        ("approved_by_governors", "Approved by governors"),
    ] {
        assert!(
            cover[field].is_null(),
            "the plan says its approvals are still to be completed"
        );
        expected.push((label, "Not recorded".to_string()));
    }
    assert!(cover["review"].is_null(), "nor is a review date given");
    let shown: Vec<(String, String)> = page
        .texts(".plan-record dt")
        .into_iter()
        .zip(page.texts(".plan-record dd"))
        .collect();
    let expected: Vec<(String, String)> = expected
        .into_iter()
        .map(|(label, value)| (label.to_string(), value))
        .collect();
    assert_eq!(shown, expected);

    assert_eq!(page.text("main .vision"), markdown(&plan["vision"]));

    let items = page.texts("main li");
    for part in ["strengths", "opportunities", "aspirations", "results"] {
        let expected = markdown_items(&plan["current_position"][part]);
        assert!(!expected.is_empty(), "{part}");
        for item in expected {
            assert!(items.contains(&item), "{part}: {item:?} is not on the page");
        }
    }
    assert_eq!(
        page.texts("main h3")[..4],
        ["Strengths", "Opportunities", "Aspirations", "Results"]
    );

    let objectives = list(&plan["objectives"]);
    let shown: Vec<ElementRef<'_>> = page.0.select(&selector(".objectives > li")).collect();
    assert_eq!(shown.len(), objectives.len());
    for (objective, li) in objectives.iter().zip(shown) {
        let texts = |css: &str| li.select(&selector(css)).map(text_of).collect::<Vec<_>>();
        assert_eq!(texts("h3"), [plain(&objective["title"])]);
        let numbers: Vec<String> = list(&objective["benchmarks"])
            .iter()
            .map(|b| format!("{}.", b.as_u64().unwrap()))
            .collect();
        let links = texts(".for a");
        assert_eq!(links.len(), numbers.len());
        for (link, number) in links.iter().zip(&numbers) {
            assert!(link.starts_with(number.as_str()), "{link}");
        }
        let rows: Vec<Vec<String>> = li
            .select(&selector("tbody tr"))
            .map(|tr| {
                tr.select(&selector("td"))
                    .map(|td| text_of(td).replace(OVERDUE, ""))
                    .collect()
            })
            .collect();
        let expected: Vec<Vec<String>> = list(&objective["actions"])
            .iter()
            .map(|action| {
                vec![
                    plain(&action["action"]),
                    plain(&action["responsible"]),
                    shown_time(action["time"].as_str().unwrap()).0,
                ]
            })
            .collect();
        assert_eq!(
            rows, expected,
            "each action with who is responsible and when"
        );
        let outcomes: Vec<String> = list(&objective["outcomes"]).iter().map(plain).collect();
        assert_eq!(texts("h4 + ul li"), outcomes);
        let progress = markdown(&objective["progress"]);
        assert_eq!(
            texts("h4:last-of-type + *"),
            [if progress.is_empty() {
                "No progress recorded yet.".to_string()
            } else {
                progress
            }]
        );
    }
}

#[test]
fn the_compass_reports_and_the_half_termly_assessment_are_on_the_evaluation_page() {
    let site = built();
    let evaluation = yaml("evaluation.yaml");
    let page = site.page("careers-programme/evaluation/index.html");
    let results = list(&evaluation["compass"]);
    assert!(!results.is_empty());
    for result in results {
        let (month, _) = shown_time(result["date"].as_str().unwrap());
        let report = plain(&result["report"]);
        // The link says what kind of file it opens, as GOV.UK asks.
        let kind = report.rsplit('.').next().unwrap().to_uppercase();
        assert_eq!(
            page.link(&format!("Our Compass report, {month} ({kind})")),
            format!("../../{report}")
        );
        let pdf = std::fs::read(site.output().join(&report)).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{report} is a PDF");
    }
    let impact = &yaml("programme.yaml")["impact"];
    assert!(
        plain(impact).contains("once every half term"),
        "the school says how often it assesses the programme"
    );
    assert_eq!(
        after_heading(&page, "How we measure the programme’s impact"),
        markdown(impact)
    );
}

/// The codes `examples/plans/README.md` says `check --strict` reports, with how many of each:
/// its table's rows that begin with a code.
fn codes_the_readme_names() -> BTreeMap<String, u64> {
    let readme = std::fs::read_to_string(repo_root().join("examples/plans/README.md")).unwrap();
    readme
        .lines()
        .filter_map(|line| {
            let mut cells = line.split('|').skip(1).map(str::trim);
            let code = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            let count = cells.next()?.parse().ok()?;
            Some((code.to_string(), count))
        })
        .collect()
}

#[test]
fn check_reports_only_the_findings_the_readme_names_each_a_gap_in_the_documents() {
    let site = example();
    let findings = |strict: bool| {
        let mut args = vec!["check", "--format", "json"];
        if strict {
            args.push("--strict");
        }
        let run = site.run(&args);
        let json: serde_json::Value =
            serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}: {}", run.stdout()));
        (run.0.status.code(), json)
    };

    let (code, json) = findings(false);
    assert_eq!(code, Some(0), "no errors: every statutory item is there");
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");

    let (code, json) = findings(true);
    assert_eq!(code, Some(1), "the warnings fail a strict check");
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut notes = Vec::new();
    for finding in json["findings"].as_array().unwrap() {
        let code = finding["code"].as_str().unwrap_or("(none)").to_string();
        if finding["severity"] == "note" {
            notes.push(code);
        } else {
            *counts.entry(code).or_default() += 1;
        }
    }
    assert_eq!(counts, codes_the_readme_names());
    let readme = std::fs::read_to_string(repo_root().join("examples/plans/README.md")).unwrap();
    for code in notes {
        assert!(
            readme.contains(&format!("`{code}`")),
            "the README does not mention the note {code}"
        );
    }
}
