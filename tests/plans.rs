//! Real plans fit: every column of a careers leader's own self-assessment grid, action plan and
//! strategic plan has a typed place, is shown on the right page, and is read by `check`.

mod common;

use common::TestSite;
use serde_json::Value;

const SITE: &str = "school:\n  name: Riverside\ncareers_leader:\n  name: Ms Priya Shah\n  email: careers@riverside.sch.uk\n  phone: 01632 960 123\n";

fn site_with(file: &str, yaml: &str) -> TestSite {
    let site = TestSite::new();
    site.write("content/site.yaml", SITE)
        .write(&format!("content/{file}"), yaml);
    site
}

/// `check`'s findings with `code`, as (line, message).
fn findings(site: &TestSite, code: &str) -> Vec<(Option<u64>, String)> {
    let run = site.run(&["check", "--format", "json"]);
    let json: Value =
        serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}: {}", run.stdout()));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| {
            assert!(f["help"].is_string(), "every finding says how to fix it");
            (
                f["line"].as_u64(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const GRID: &str = "benchmarks:
  - benchmark: 1
    statement: Every school should have a **stable, structured** careers programme.
    requirements:
      - requirement: Is written down
        progress: green
      - requirement: Is approved by the board of governors
        progress: not-assessed
      - requirement: Has resources allocated to it
        progress: Not yet assessed
      - requirement: Has systematic monitoring in place
";

#[test]
fn not_yet_assessed_is_shown_in_words_and_told_apart_from_a_rating_left_out() {
    let site = site_with("benchmarks.yaml", GRID);
    site.build();
    let page = site.page("benchmarks/1/index.html");
    let rows = page.rows("table.assessment tbody tr");
    let progress: Vec<&str> = rows.iter().map(|row| row[1].as_str()).collect();
    assert_eq!(
        progress,
        [
            "✓ Green: met",
            "? Not yet assessed",
            "? Not yet assessed",
            ""
        ],
        "{rows:?}"
    );
    let overview = site.page("benchmarks/index.html");
    assert!(
        overview
            .text(".benchmark-list li:first-child .page-meta")
            .contains("1 met, 2 not yet assessed."),
        "the summary counts them, and prints no zero counts: {}",
        overview.text(".benchmark-list li:first-child")
    );
}

#[test]
fn check_counts_not_assessed_as_a_gap_and_asks_for_a_missing_rating() {
    let site = site_with("benchmarks.yaml", GRID);
    let found = findings(&site, "ASSESSMENT");
    assert!(
        found.contains(&(
            Some(11),
            "“Has systematic monitoring in place” (Benchmark 1) has no rating".to_string()
        )),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(line, message)| *line == Some(2)
            && message == "2 of the 4 requirements of Benchmark 1 are not yet assessed"),
        "{found:?}"
    );
    site.run(&["check", "--strict"]).failure();
}

#[test]
fn a_benchmark_page_leads_with_the_schools_own_wording_of_it() {
    let site = site_with("benchmarks.yaml", GRID);
    site.write(
        "content/action-plan.yaml",
        "actions:\n  - benchmark: 1\n    actions:\n      - {action: Name a link governor, deadline: autumn 2026, who: Head}\n",
    );
    site.build();
    let page = site.page("benchmarks/1/index.html");
    assert_eq!(
        page.text("main .lead"),
        "Every school should have a stable, structured careers programme."
    );
    assert_eq!(page.texts("main .lead strong"), ["stable, structured"]);
    let plan = site.page("careers-programme/action-plan/index.html");
    assert_eq!(
        plan.text(".action-row .statement"),
        "Every school should have a stable, structured careers programme.",
        "the action plan opens the benchmark's row with it, as schools' plans do"
    );
}

const STRATEGIC_PLAN: &str = "plan:
  period: 2021-2024
  created: May 2020
  updated:
    - when: Spring 2021
      why: to reflect the impact of Covid-19
  approved_by_leadership: 2021-03-15
  review: 2027-07
  led_by: Mr D Marsh
objectives:
  - title: Careers in every subject, in every year group
    benchmarks: [1, 2, 3, 4, 7]
    actions:
      - action: Student careers ambassadors report each department's good practice every term
        responsible: Student careers ambassadors
        time: Autumn Term 2021 then ongoing
      - action: Staff careers ambassadors wear badges
        responsible: Careers Leader
        time: Spring Term 2022
    outcomes:
      - Students know the careers linked to each subject
      - Students know the routes into them
    progress: Ambassadors appointed in **every** department.
";

#[test]
fn the_strategic_plan_publishes_its_cover_and_its_three_year_actions() {
    let site = site_with("action-plan.yaml", STRATEGIC_PLAN);
    site.build();
    let page = site.page("careers-programme/strategic-plan/index.html");
    let cover: Vec<(String, String)> = page
        .texts(".plan-record dt")
        .into_iter()
        .zip(page.texts(".plan-record dd"))
        .collect();
    let expected = [
        ("Years", "2021 to 2024 This plan has ended"),
        ("Led by", "Mr D Marsh"),
        ("Written", "May 2020"),
        (
            "Updated",
            "Spring term 2021, to reflect the impact of Covid-19",
        ),
        ("Approved by the senior leadership team", "15 March 2021"),
        ("Approved by governors", "Not recorded"),
        ("Next review", "July 2027"),
    ];
    assert_eq!(
        cover,
        expected.map(|(label, value)| (label.to_string(), value.to_string()))
    );
    assert_eq!(
        page.attrs(".plan-record time", "datetime"),
        ["2020-05", "2021-03-15", "2027-07"],
        "days and months are machine-readable; a term has no such form"
    );
    assert_eq!(
        page.text("h2:has(+ .objectives)"),
        "Our objectives for 2021 to 2024"
    );
    assert_eq!(
        page.rows(".objectives table tbody tr"),
        [
            [
                "Student careers ambassadors report each department's good practice every term",
                "Student careers ambassadors",
                "Autumn term 2021, then ongoing"
            ],
            [
                "Staff careers ambassadors wear badges",
                "Careers Leader",
                "Spring term 2022"
            ]
        ]
    );
    assert_eq!(
        page.texts(".objectives h4 + ul li"),
        [
            "Students know the careers linked to each subject",
            "Students know the routes into them"
        ]
    );
    assert_eq!(
        page.text(".objectives h4:last-of-type + .content"),
        "Ambassadors appointed in every department."
    );
}

#[test]
fn deadlines_take_the_words_schools_use_and_read_alike_on_every_page() {
    let site = site_with(
        "action-plan.yaml",
        "actions:
  - benchmark: 2
    actions:
      - {action: A, deadline: Sept 2019}
      - {action: B, deadline: autumn 2021}
      - {action: C, deadline: Autumn Term 2021 then ongoing}
      - {action: D, deadline: 2021-22}
      - {action: E, deadline: 2019-09-30}
      - {action: F, deadline: Ongoing}
      - {action: G, deadline: spring 1 2022}
    progress: Under way.
",
    );
    site.build();
    let expected = [
        "September 2019",
        "Autumn term 2021",
        "Autumn term 2021, then ongoing",
        "School year 2021 to 2022",
        "30 September 2019",
        "Ongoing",
        "Spring term 2022 (first half)",
    ];
    for page in [
        "careers-programme/action-plan/index.html",
        "benchmarks/2/index.html",
    ] {
        let deadlines: Vec<String> = site
            .page(page)
            .rows(".action-row table tbody tr")
            .into_iter()
            .map(|row| row[1].clone())
            .collect();
        assert_eq!(deadlines, expected, "{page}");
    }
}

#[test]
fn a_deadline_in_no_form_a_school_uses_is_refused_with_the_forms_it_may_take() {
    let site = site_with(
        "action-plan.yaml",
        "actions:\n  - benchmark: 2\n    actions:\n      - {action: A, deadline: when we can}\n",
    );
    site.refused(
        "content/action-plan.yaml:4:",
        "is not a time: write a day (2021-09-30), a month (2021-09 or September 2021), a term (autumn 2021",
    );
}

#[test]
fn check_reads_the_plan_review_approval_and_progress() {
    let site = site_with(
        "action-plan.yaml",
        &STRATEGIC_PLAN
            .replace("review: 2027-07", "review: summer 2026")
            .replace(
                "    progress: Ambassadors appointed in **every** department.\n",
                "",
            ),
    );
    let mut found = findings(&site, "PLAN");
    found.sort();
    assert_eq!(
        found,
        [
            (
                Some(1),
                "the strategic plan does not say when governors approved it".to_string()
            ),
            (
                Some(2),
                "the strategic plan, for 2021 to 2024, has ended".to_string()
            ),
            (
                Some(8),
                "the strategic plan was due to be reviewed by summer term 2026".to_string()
            ),
            (
                Some(17),
                "the time for “Staff careers ambassadors wear badges” (spring term 2022) has passed, and no progress is recorded".to_string()
            ),
        ],
        "an action that goes on after its time (line 14) is never overdue"
    );
}

#[test]
fn an_action_plan_row_past_its_deadline_with_no_progress_is_reported_at_the_action() {
    let site = site_with(
        "action-plan.yaml",
        "actions:\n  - benchmark: 2\n    actions:\n      - action: Hold a twilight session\n        deadline: Jan 2020\n      - {action: Keep the library up to date, deadline: Sept 2019 and ongoing}\n",
    );
    assert_eq!(
        findings(&site, "PLAN"),
        [(
            Some(4),
            "the deadline for “Hold a twilight session” (January 2020) has passed, and no progress is recorded".to_string()
        )]
    );
}

#[test]
fn an_action_worded_alike_in_two_rows_is_reported_at_each_rows_own_line() {
    let site = site_with(
        "action-plan.yaml",
        "actions:\n  - benchmark: 2\n    actions:\n      - {action: Build links with universities, deadline: Nov 2019}\n  - benchmark: 7\n    actions:\n      - {action: Build links with universities, deadline: Nov 2019}\n",
    );
    let lines: Vec<Option<u64>> = findings(&site, "PLAN")
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    assert_eq!(lines, [Some(4), Some(7)]);
}

#[test]
fn a_compass_result_may_be_a_month_and_a_report_without_scores() {
    let site = site_with(
        "evaluation.yaml",
        "compass:\n  - date: Nov '21\n    report: downloads/compass-2021-11.pdf\n",
    );
    site.write("content/downloads/compass-2021-11.pdf", "%PDF-1.4\n");
    site.build();
    let page = site.page("careers-programme/evaluation/index.html");
    assert_eq!(
        page.texts("main figure"),
        Vec::<String>::new(),
        "no chart is drawn with no scores"
    );
    assert!(page.texts("#compass ~ table").is_empty(), "nor a table");
    assert_eq!(
        page.link("Our Compass report, November 2021 (PDF)"),
        "../../downloads/compass-2021-11.pdf"
    );
}

#[test]
fn a_compass_result_with_neither_scores_nor_report_is_refused() {
    let site = site_with(
        "evaluation.yaml",
        "compass:\n  - date: 2021-11\n    scores: {}\n",
    );
    site.refused(
        "content/evaluation.yaml",
        "a Compass result needs its `scores:` for each benchmark, or a `report:` linking to the report",
    );
}

#[test]
fn a_compass_report_that_is_not_there_is_a_broken_link_at_its_line() {
    let site = site_with(
        "evaluation.yaml",
        "compass:\n  - date: 2021-11\n    scores: {1: 50}\n    report: downloads/missing.pdf\n",
    );
    let found = findings(&site, "LINK");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Some(4), "{found:?}");
}

#[test]
fn the_evaluation_page_states_only_what_the_school_says_about_itself() {
    let site = site_with(
        "evaluation.yaml",
        "compass:\n  - date: 2026-06-29\n    scores: {1: 80}\ndestinations:\n  - {year: 2026, leaving: Year 11, cohort: 100, routes: {school-sixth-form: 100}}\n",
    );
    site.write(
        "content/programme.yaml",
        "summary: A programme.\nimpact: We complete Compass every half term.\n",
    );
    site.build();
    let main = site
        .page("careers-programme/evaluation/index.html")
        .text("main");
    assert!(
        main.contains("We complete Compass every half term."),
        "{main}"
    );
    for claim in ["Each term", "three years"] {
        assert!(!main.contains(claim), "the theme claims {claim:?}: {main}");
    }
}

#[test]
fn a_plan_past_its_years_and_actions_past_their_time_say_so_on_the_page_and_in_check() {
    let site = site_with(
        "action-plan.yaml",
        &STRATEGIC_PLAN
            .replace("period: 2021-2024", "period: 2021–2024")
            .replace(
                "    progress: Ambassadors appointed in **every** department.\n",
                "",
            ),
    );
    site.write(
        "content/benchmarks.yaml",
        "benchmarks:\n  - benchmark: 5\n    requirements:\n      - {requirement: Every pupil meets employers, progress: not-assessed}\n",
    );
    site.build();
    let page = site.page("careers-programme/strategic-plan/index.html");
    assert_eq!(page.texts(".plan-record .overdue"), ["This plan has ended"]);
    assert_eq!(
        page.texts(".objectives td .overdue"),
        ["Past, with no progress recorded"],
        "the action that goes on is not marked"
    );
    assert_eq!(
        page.text(".objectives h4:last-of-type + p"),
        "No progress recorded yet."
    );
    let found = findings(&site, "PLAN");
    assert!(
        found.contains(&(
            Some(2),
            "the strategic plan, for 2021 to 2024, has ended".to_string()
        )),
        "{found:?}"
    );
    assert_eq!(
        findings(&site, "ASSESSMENT"),
        [(
            Some(2),
            "the only requirement of Benchmark 5 is not yet assessed".to_string()
        )]
    );
}

#[test]
fn a_plan_with_only_its_cover_and_an_action_plan_still_publishes_the_cover() {
    let site = site_with(
        "action-plan.yaml",
        "plan:\n  period: 2026-2029\n  approved_by_governors: autumn 2026\nactions:\n  - benchmark: 1\n    actions:\n      - {action: Name a link governor, time: autumn 2027, responsible: Head}\n",
    );
    site.build();
    let cover = site
        .page("careers-programme/strategic-plan/index.html")
        .texts(".plan-record dd");
    assert_eq!(cover[0], "2026 to 2029");
    assert_eq!(
        site.page("careers-programme/action-plan/index.html")
            .rows(".action-row table tbody tr"),
        [["Name a link governor", "Autumn term 2027", "Head"]],
        "the strategic plan's words for its columns work in the action plan too"
    );
}

#[test]
fn a_compass_result_dated_by_term_is_refused() {
    let site = site_with(
        "evaluation.yaml",
        "compass:\n  - date: autumn 2021\n    scores: {1: 50}\n",
    );
    site.refused(
        "content/evaluation.yaml",
        "is not the day or month of a Compass result",
    );
}
