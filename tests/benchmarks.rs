//! The self-assessment, the action and strategic plans, and the benchmark pages built from them.

mod common;

use common::TestSite;

/// Seed 000 (a primary school's Gatsby assessment grid), Benchmark 1 and 3 rows as written.
const SEED_000: &str = r#"
assessed: 2024-03-01
benchmarks:
  - benchmark: 1
    requirements:
      - requirement: "Your whole school careers programme:"
        parts:
          - requirement: Is written down?
            progress: amber
            priority: 1
            primary_adaptation: Evaluations adapted for primary.
            notes: We can create a strategy and overview.
          - requirement: Is approved by the board of governors?
            progress: red
            priority: 2
      - requirement: Has an identified lead individual with strategic responsibility for overseeing the programme
        progress: green
        priority: 3
    notes: Mrs J Harding is leading it at the moment.
  - benchmark: 3
    requirements:
      - requirement: "Your school provides a career programme that:"
        parts:
          - requirement: collects and maintains accurate data for each pupil and their destination for 3 years after they leave school.
            progress: n/a
          - requirement: Shares above mentioned data with the local authority.
            progress: not-applicable
    primary_adaptation: Challenging stereotypes one starting point?
"#;

/// Seed 001 (an action plan): the Benchmark 1 row and the destinations row without a benchmark.
const SEED_001: &str = r#"
actions:
  - benchmark: 1
    provision:
      - Careers Access Policy on website
    actions:
      - action: Careers Plan 2018-2020 to be revised and published on website
        deadline: 2019-09
        who: SLT
      - action: Careers section on website to be regularly updated
        deadline: ongoing
        who: SLT/JB
      - action: Develop/revise the adviser role
        deadline: 2019-09 and ongoing
        who: SLT
    success_criteria:
      - Governors, staff, students and parents understand the Careers' Plan and Programme
    progress: Plan published in September.
  - area: "Careers' Programme: destination information for the past three years"
    provision:
      - Destination information is collected in school and also provided by the LA.
    actions:
      - action: Continue to analyse destination information over time
        deadline: 2019-11-30
        who: PMs, LCs and SLT
    success_criteria:
      - Destination information and performance data will be analysed each year
"#;

fn seeded_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "school:\n  name: Oak Primary\n  phase: primary\n",
    )
    .write("content/benchmarks.yaml", SEED_000)
    .write("content/action-plan.yaml", SEED_001);
    site
}

#[test]
fn every_column_of_the_assessment_grid_appears_on_the_benchmark_page() {
    let site = seeded_site();
    site.build();
    let page = site.page("benchmarks/1/index.html");
    assert_eq!(page.text("h1"), "Benchmark 1: A stable careers programme");
    assert_eq!(
        page.texts(".assessment thead th"),
        [
            "Requirement",
            "Progress",
            "Priority (1 is highest)",
            "Adaptation for primary",
            "Notes"
        ],
        "a primary school gets the adaptation column"
    );
    let rows = page.rows(".assessment tbody tr");
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[1],
        [
            "Your whole school careers programme: Is written down?",
            "◐ Amber: partly met",
            "1",
            "Evaluations adapted for primary.",
            "We can create a strategy and overview."
        ]
    );
    assert_eq!(
        page.attrs(".assessment tbody tr", "class"),
        ["level-0", "level-1", "level-1", "level-0"]
    );
    assert_eq!(rows[2][1..3], ["✗ Red: not yet met", "2"]);
    assert_eq!(rows[3][1..3], ["✓ Green: met", "3"]);
    assert!(
        page.text("main")
            .contains("Mrs J Harding is leading it at the moment."),
        "general notes"
    );
    assert_eq!(
        page.attrs("main p > time", "datetime"),
        ["2024-03-01"],
        "the date of the assessment"
    );
}

#[test]
fn not_applicable_items_say_so_in_words() {
    let site = seeded_site();
    site.build();
    let page = site.page("benchmarks/3/index.html");
    assert_eq!(
        page.texts(".progress"),
        ["– Not applicable", "– Not applicable"]
    );
    assert!(
        page.text("main")
            .contains("Challenging stereotypes one starting point?")
    );
}

#[test]
fn every_column_of_the_action_plan_appears() {
    let site = seeded_site();
    site.build();
    let page = site.page("careers-programme/action-plan/index.html");
    assert_eq!(
        page.texts(".action-row > h2"),
        [
            "Benchmark 1: A stable careers programme",
            "Careers' Programme: destination information for the past three years"
        ]
    );
    assert_eq!(
        page.rows(".action-row:first-of-type tbody tr"),
        [
            [
                "Careers Plan 2018-2020 to be revised and published on website",
                "September 2019",
                "SLT"
            ],
            [
                "Careers section on website to be regularly updated",
                "Ongoing",
                "SLT/JB"
            ],
            [
                "Develop/revise the adviser role",
                "September 2019, then ongoing",
                "SLT"
            ],
        ]
    );
    assert_eq!(
        page.attrs("tbody time", "datetime"),
        ["2019-09", "2019-09", "2019-11-30"]
    );
    let main = page.text("main");
    for text in [
        "Careers Access Policy on website",
        "Governors, staff, students and parents understand the Careers' Plan and Programme",
        "Plan published in September.",
        "Destination information is collected in school and also provided by the LA.",
        "30 November 2019",
        "PMs, LCs and SLT",
    ] {
        assert!(main.contains(text), "{text} is missing");
    }
}

#[test]
fn a_benchmark_page_shows_its_own_actions() {
    let site = seeded_site();
    site.build();
    let page = site.page("benchmarks/1/index.html");
    assert!(
        page.text("main")
            .contains("Careers Plan 2018-2020 to be revised")
    );
    assert!(
        !site
            .page("benchmarks/2/index.html")
            .text("main")
            .contains("Careers Plan 2018-2020")
    );
}

#[test]
fn the_overview_has_a_coverage_matrix_from_the_programme() {
    let site = seeded_site();
    site.write(
        "content/programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - {title: A, term: autumn, benchmarks: [1, 5]}\n      - {title: B, term: spring, benchmarks: [5]}\n  - year: 8\n    activities:\n      - {title: C, term: summer, benchmarks: [8]}\n",
    );
    site.build();
    let page = site.page("benchmarks/index.html");
    assert_eq!(page.texts(".coverage tbody th"), ["Year 7", "Year 8"]);
    let rows = page.rows(".coverage tbody tr");
    assert_eq!(
        rows[0],
        [
            "Year 7", "1", "–none", "–none", "–none", "2", "–none", "–none", "–none"
        ]
    );
    assert_eq!(rows[1][8], "1");
    assert_eq!(
        page.texts(".coverage thead .visually-hidden")[4],
        "Benchmark 5: Encounters with employers and employees"
    );
    assert!(
        page.text("main")
            .contains("Our self-assessment: 1 met, 1 partly met, 1 not yet met.")
    );
}

#[test]
fn the_overview_leaves_out_the_coverage_matrix_when_the_programme_lists_no_year_groups() {
    for programme in [None, Some("summary: Every pupil has a plan.\n")] {
        let site = seeded_site();
        if let Some(programme) = programme {
            site.write("content/programme.yaml", programme);
        }
        site.build();
        let page = site.page("benchmarks/index.html");
        assert!(page.texts(".coverage").is_empty(), "{programme:?}");
        assert!(page.texts("#coverage").is_empty(), "{programme:?}");
        assert!(
            !page.text("main").contains("Which year groups"),
            "{programme:?}"
        );
        // The rest of the overview is still there.
        assert_eq!(page.texts(".benchmark-list > li").len(), 8);
    }
}

#[test]
fn headings_in_a_provision_nest_under_the_pages_own_heading() {
    let site = seeded_site();
    site.edit(
        "content/benchmarks.yaml",
        "  - benchmark: 1\n",
        "  - benchmark: 1\n    provision: |\n      ## Our approach\n\n      Governors approve it.\n\n      ### In detail\n\n      Each summer.\n",
    );
    site.build();
    let page = site.page("benchmarks/1/index.html");
    let headings = page.texts("main h1, main h2, main h3, main h4");
    let at = headings
        .iter()
        .position(|h| h == "What we do")
        .expect("the page's heading");
    assert_eq!(
        headings[at + 1..at + 3],
        ["Our approach", "In detail"],
        "{headings:?}"
    );
    assert_eq!(page.texts(".content h3"), ["Our approach"]);
    assert_eq!(page.texts(".content h4"), ["In detail"]);
}

#[test]
fn the_strategic_plan_shows_vision_position_and_objectives() {
    let site = TestSite::new();
    site.write(
        "content/action-plan.yaml",
        "vision: Every pupil leaves with a plan.\ncurrent_position:\n  strengths: A trained leader.\n  results: Compass 81%.\nobjectives:\n  - title: An employer encounter every year\n    benchmarks: [5]\n",
    );
    site.build();
    let page = site.page("careers-programme/strategic-plan/index.html");
    assert_eq!(
        page.texts("main h2"),
        [
            "Our vision for careers",
            "Where we are now",
            "Our objectives"
        ]
    );
    assert_eq!(
        page.texts("main h3"),
        ["Strengths", "Results", "An employer encounter every year"]
    );
    assert_eq!(
        page.link("5. Encounters with employers and employees"),
        "../../benchmarks/5/index.html"
    );
    assert!(
        !site.exists("careers-programme/action-plan/index.html"),
        "no actions, no action plan page"
    );
    let programme = site.page("careers-programme/index.html");
    assert_eq!(
        programme.link("Careers strategic plan"),
        "../careers-programme/strategic-plan/index.html"
    );
}

fn refused(file: &str, yaml: &str, line: usize, expected: &str) {
    let site = TestSite::new();
    site.write(&format!("content/{file}"), yaml);
    site.refused(&format!("content/{file}:{line}:"), expected);
}

#[test]
fn a_rag_rating_of_purple_is_refused_with_the_ratings() {
    refused(
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 2\n    requirements:\n      - requirement: X\n        progress: purple\n",
        5,
        "use red, amber, green, not-assessed or not-applicable",
    );
}

#[test]
fn a_priority_of_four_is_refused() {
    refused(
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 2\n    requirements:\n      - requirement: X\n        priority: 4\n",
        5,
        "`4` is not a priority: a priority is a number from 1 (highest) to 3",
    );
}

#[test]
fn a_deadline_written_loosely_is_refused_with_the_forms_allowed() {
    refused(
        "action-plan.yaml",
        "actions:\n  - benchmark: 1\n    actions:\n      - action: X\n        deadline: end of term\n",
        5,
        "a month (2021-09 or September 2021)",
    );
}
