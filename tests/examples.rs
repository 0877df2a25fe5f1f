//! The bundled examples: the secondary school in `content/`, the primary school in
//! `examples/primary/` and the college in `examples/college/`. Each must build cleanly, since
//! schools start from them (`careersite init --phase`).

mod common;

use common::{TestSite, copy_tree, repo_root};

fn primary() -> TestSite {
    let site = TestSite::new();
    copy_tree(
        &repo_root().join("examples/primary/content"),
        &site.root().join("content"),
    );
    site
}

#[test]
fn the_secondary_example_builds_without_a_single_warning() {
    let run = TestSite::example().build();
    assert_eq!(run.stderr(), "", "warnings in the example school");
}

#[test]
fn the_primary_example_builds_without_a_single_warning() {
    let run = primary().build();
    assert_eq!(run.stderr(), "", "warnings in the primary example");
}

#[test]
fn the_college_example_builds_without_a_single_warning() {
    let site = TestSite::new();
    copy_tree(
        &repo_root().join("examples/college/content"),
        &site.root().join("content"),
    );
    let run = site.build();
    assert_eq!(run.stderr(), "", "warnings in the college example");
}

#[test]
fn a_primary_programme_runs_from_reception_to_year_6() {
    let site = primary();
    site.build();
    let page = site.page("careers-programme/year-by-year/index.html");
    let years: Vec<String> = page
        .texts("section.year > h2")
        .iter()
        .map(|h| h.split(':').next().unwrap().to_string())
        .collect();
    assert_eq!(
        years,
        [
            "Reception",
            "Year 1",
            "Year 2",
            "Year 3",
            "Year 4",
            "Year 5",
            "Year 6"
        ]
    );
    assert_eq!(page.texts("section.year > p.page-meta")[0], "Early years");
}

#[test]
fn a_primary_self_assessment_shows_adaptations_and_items_not_applicable() {
    let site = primary();
    site.build();
    let page = site.page("benchmarks/8/index.html");
    assert_eq!(
        page.rows(".assessment tbody tr"),
        [[
            "Pupils have had the chance to talk about their future with an adult they trust",
            "◐ Amber: partly met",
            "2",
            "Group sessions in Year 6 with Mrs Ward, and time with their class teacher.",
            ""
        ]]
    );
    let rows = site
        .page("benchmarks/3/index.html")
        .rows(".assessment tbody tr");
    assert!(
        rows.iter()
            .any(|row| row[0].contains("shares destination data") && row[1] == "– Not applicable"),
        "{rows:?}"
    );
}

#[test]
fn the_secondary_example_publishes_every_careers_page() {
    let site = TestSite::example();
    site.build();
    for page in [
        "careers-programme/index.html",
        "careers-programme/year-by-year/index.html",
        "careers-programme/strategic-plan/index.html",
        "careers-programme/action-plan/index.html",
        "careers-programme/evaluation/index.html",
        "benchmarks/index.html",
        "benchmarks/8/index.html",
        "provider-access/index.html",
        "events/index.html",
        "events/parents.ics",
        "accessibility/index.html",
        "atom.xml",
    ] {
        assert!(site.exists(page), "{page} is missing");
    }
}

#[test]
fn the_home_page_points_to_the_careers_pages_and_the_next_events() {
    let site = TestSite::example();
    site.build();
    let home = site.page("index.html");
    assert_eq!(
        home.texts(".key-links a"),
        [
            "Our careers programme",
            "Careers programme year by year",
            "Events",
            "Gatsby Benchmarks",
            "Provider access policy"
        ]
    );
    assert_eq!(home.texts(".event h3").len(), 3, "the next three events");
    assert_eq!(
        home.texts(".listing > li > a"),
        ["News"],
        "only the school's own sections are listed"
    );
}
