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
    assert_eq!(page.attrs(".chart", "role"), ["img"]);
    assert_eq!(
        page.texts("figure figcaption"),
        ["Compass results for each Gatsby Benchmark"]
    );
    assert!(
        page.text("#compass-chart-desc")
            .contains("5 December 2025 and 29 June 2026"),
        "oldest first"
    );
    assert_eq!(
        page.texts(".chart-name"),
        [
            "B1 Programme",
            "B2 Information",
            "B3 Each pupil",
            "B4 Curriculum",
            "B5 Employers",
            "B6 Workplaces",
            "B7 Education",
            "B8 Guidance"
        ]
    );
    assert_eq!(
        page.texts(".chart-value"),
        ["90%", "100%", "71%", "86%"],
        "the chart shows the table's figures, and says where there are none"
    );
    assert_eq!(page.texts(".chart-missing").len(), 12);
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
fn a_cohort_of_five_publishes_neither_its_routes_nor_its_size() {
    // A lone "Further education college: c" would say where all of them went.
    let site = evaluation_site(&destinations(5, "further-education: 5"));
    site.build();
    assert!(published(&site).is_empty());
    let page = site.page("careers-programme/evaluation/index.html");
    let main = page.text("main");
    assert!(
        main.contains("we do not publish where these leavers went, or how many there were"),
        "{main}"
    );
    assert!(!main.contains("Further education college"), "{main}");
    assert!(!main.contains("5 pupils left"), "{main}");
    assert!(page.texts(".chart").is_empty());
}

#[test]
fn a_cohort_of_six_publishes_its_counts() {
    let site = evaluation_site(&destinations(6, "school-sixth-form: 6, neet: 0"));
    site.build();
    assert_eq!(
        published(&site),
        [
            ["School sixth form", "6", "100%"],
            ["Sixth-form college", "0", "0%"],
            ["Further education college", "0", "0%"],
            ["Apprenticeship", "0", "0%"],
            ["Employment", "0", "0%"],
            ["Not in education, employment or training", "0", "0%"],
            ["Not known", "0", "0%"]
        ]
    );
}

#[test]
fn every_route_open_to_the_year_group_is_listed_whether_written_or_not() {
    // Were only the routes written listed, a school that writes only those with leavers would
    // tell the reader each hidden count is at least 1: 40 - 38 leaves two 1s.
    let site = evaluation_site(&destinations(
        40,
        "school-sixth-form: 38, apprenticeship: 1, employment: 1",
    ));
    site.build();
    let routes: Vec<String> = published(&site).into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(
        routes,
        [
            "School sixth form",
            "Sixth-form college",
            "Further education college",
            "Apprenticeship",
            "Employment",
            "Not in education, employment or training",
            "Not known"
        ]
    );
    let shown: Vec<String> = published(&site).into_iter().map(|r| r[1].clone()).collect();
    assert_eq!(shown, ["38", "c", "c", "c", "c", "c", "c"]);
}

#[test]
fn a_route_year_11_leavers_cannot_take_is_refused() {
    refused(
        &destinations(40, "school-sixth-form: 38, higher-education: 2"),
        5,
        "`higher-education` is not a route that Year 11 leavers take",
    );
}

#[test]
fn zeros_are_hidden_beside_hidden_counts_so_they_cannot_be_worked_out() {
    // With the zero shown, 40 - 30 - 8 leaves 2 for two hidden counts of at least 1 each.
    let site = evaluation_site(&destinations(
        40,
        "school-sixth-form: 30, further-education: 8, apprenticeship: 1, employment: 1, neet: 0",
    ));
    site.build();
    assert_eq!(
        published(&site),
        [
            ["School sixth form", "30", "75%"],
            ["Sixth-form college", "c", "c"],
            ["Further education college", "8", "20%"],
            ["Apprenticeship", "c", "c"],
            ["Employment", "c", "c"],
            ["Not in education, employment or training", "c", "c"],
            ["Not known", "c", "c"]
        ]
    );
}

#[test]
fn a_count_hidden_to_protect_another_is_not_called_too_few() {
    let site = evaluation_site(&destinations(
        100,
        "school-sixth-form: 80, apprenticeship: 5, further-education: 15",
    ));
    site.build();
    let page = site.page("careers-programme/evaluation/index.html");
    let main = page.text("main");
    assert!(!main.contains("too few"), "{main}");
    assert!(main.contains("c: not published, so that no pupil can be identified"));
    assert!(
        page.text(".chart").contains("c (not published)"),
        "{}",
        page.text(".chart")
    );
}

#[test]
fn routes_adding_up_to_less_than_the_cohort_are_refused() {
    // A route left out would be a count that no rule protects.
    refused(
        &destinations(40, "school-sixth-form: 30, further-education: 8"),
        4,
        "give the route of the other 2",
    );
}

#[test]
fn a_lone_count_of_five_is_suppressed_and_so_is_the_count_that_would_reveal_it() {
    let site = evaluation_site(&destinations(
        100,
        "school-sixth-form: 56, sixth-form-college: 7, further-education: 10, apprenticeship: 9, employment: 7, neet: 6, unknown: 5",
    ));
    site.build();
    let shown: Vec<String> = published(&site).into_iter().map(|r| r[1].clone()).collect();
    assert_eq!(
        shown,
        ["56", "7", "10", "9", "7", "c", "c"],
        "100 less the rest would give away the 5, so the smallest other count goes too"
    );
    let page = site.page("careers-programme/evaluation/index.html");
    let labels = page.texts(".chart-value");
    assert!(
        !labels.iter().any(|label| label == "6%" || label == "5%"),
        "the chart hides what the table hides: {labels:?}"
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
    assert_eq!(rows[3], ["Apprenticeship", "6", "6%"]);
    assert_eq!(rows[4], ["Employment", "6", "6%"]);
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
    evaluation_site(yaml).refused(&format!("content/evaluation.yaml:{line}:"), expected);
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

#[test]
fn one_cohort_given_twice_is_refused() {
    // Two sets of figures for the same pupils could be compared to work out a hidden count.
    let once = "  - year: 2026\n    leaving: Year 11\n    cohort: 40\n    routes: {school-sixth-form: 38, neet: 2}\n";
    let site = evaluation_site(&format!("destinations:\n{once}{once}"));
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("content/evaluation.yaml"), "{err}");
    assert!(
        err.contains("the destinations of the Year 11 leavers of 2026 are given twice"),
        "{err}"
    );
}
