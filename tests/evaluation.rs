//! The evaluation page: Compass results, feedback and destinations, with every chart backed by a
//! table and no published number able to identify a pupil.

mod common;

use common::TestSite;

fn evaluation_site(yaml: &str) -> TestSite {
    let site = TestSite::new();
    site.write("content/evaluation.yaml", yaml);
    site
}

fn destinations(cohort: u32, routes: &str) -> String {
    format!(
        "destinations:\n  - year: 2026\n    leaving: Year 11\n    cohort: {cohort}\n    routes: {{{routes}}}\n"
    )
}

/// The (pupils, share) cells of each destination row.
fn published(site: &TestSite) -> Vec<Vec<String>> {
    site.page("careers-programme/evaluation/index.html")
        .rows("tbody tr")
}

#[test]
fn compass_results_are_a_labelled_chart_and_a_table() {
    let site = evaluation_site(
        "compass:\n  - date: 2026-06-29\n    scores: {1: 100, 5: 86}\n  - date: 2025-12-05\n    scores: {1: 90, 5: 71}\n",
    );
    site.build();
    let page = site.page("careers-programme/evaluation/index.html");
    assert_eq!(page.attrs("svg.chart", "role"), ["img"]);
    assert_eq!(
        page.texts("svg.chart title"),
        ["Compass results for each Gatsby Benchmark"]
    );
    assert!(
        page.text("svg.chart desc")
            .contains("5 December 2025 and 29 June 2026"),
        "oldest first"
    );
    let rows = page.rows("tbody tr");
    assert_eq!(rows[0], ["1. A stable careers programme", "90%", "100%"]);
    assert_eq!(
        rows[1],
        [
            "2. Learning from career and labour market information",
            "",
            ""
        ]
    );
    assert_eq!(
        rows[4],
        ["5. Encounters with employers and employees", "71%", "86%"]
    );
}

#[test]
fn a_cohort_of_five_publishes_no_counts() {
    let site = evaluation_site(&destinations(5, "school-sixth-form: 5"));
    site.build();
    assert_eq!(published(&site), [["School sixth form", "c", "c"]]);
}

#[test]
fn a_cohort_of_six_publishes_its_counts() {
    let site = evaluation_site(&destinations(6, "school-sixth-form: 6, neet: 0"));
    site.build();
    assert_eq!(
        published(&site),
        [
            ["School sixth form", "6", "100%"],
            ["Not in education, employment or training", "0", "0%"]
        ]
    );
}

#[test]
fn a_count_of_five_is_suppressed_and_so_is_the_count_that_would_reveal_it() {
    let site = evaluation_site(&destinations(
        100,
        "school-sixth-form: 80, apprenticeship: 5, further-education: 15",
    ));
    site.build();
    assert_eq!(
        published(&site),
        [
            ["School sixth form", "80", "80%"],
            ["Further education college", "c", "c"],
            ["Apprenticeship", "c", "c"]
        ],
        "100 - 80 - 15 would give away the 5"
    );
    let page = site.page("careers-programme/evaluation/index.html");
    assert!(
        !page.text("svg.chart").contains("15%"),
        "the chart hides what the table hides"
    );
}

#[test]
fn counts_of_six_are_published() {
    let site = evaluation_site(&destinations(
        100,
        "school-sixth-form: 88, apprenticeship: 6, employment: 6",
    ));
    site.build();
    let rows = published(&site);
    assert_eq!(rows[1], ["Apprenticeship", "6", "6%"]);
    assert_eq!(rows[2], ["Employment", "6", "6%"]);
}

#[test]
fn feedback_from_too_few_people_is_not_published() {
    let site = evaluation_site(
        "feedback:\n  - survey: Hosts\n    audience: employers\n    respondents: 5\n    results:\n      - {statement: Well organised, agree: 100}\n  - survey: Pupils\n    audience: pupils\n    respondents: 6\n    results:\n      - {statement: Helpful, agree: 83}\n",
    );
    site.build();
    let page = site.page("careers-programme/evaluation/index.html");
    assert!(page.text("main").contains("Too few people answered"));
    assert!(!page.text("main").contains("Well organised"));
    assert_eq!(page.rows("tbody tr"), [["Helpful", "83%"]]);
}

fn refused(yaml: &str, line: usize, expected: &str) {
    let site = evaluation_site(yaml);
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains(&format!("content/evaluation.yaml:{line}:")),
        "{err}"
    );
    assert!(err.contains(expected), "{err}");
}

#[test]
fn a_percentage_over_100_is_refused() {
    refused(
        "compass:\n  - date: 2026-06-29\n    scores: {1: 120}\n",
        3,
        "whole number from 0 to 100",
    );
}

#[test]
fn routes_adding_up_to_more_than_the_cohort_are_refused() {
    refused(
        &destinations(10, "school-sixth-form: 8, apprenticeship: 4"),
        4,
        "add up to 12, more than the cohort",
    );
}

#[test]
fn an_unknown_route_is_refused_with_the_routes() {
    refused(
        &destinations(10, "gap-year: 10"),
        5,
        "`gap-year` is not a destination: use school-sixth-form, sixth-form-college",
    );
}
