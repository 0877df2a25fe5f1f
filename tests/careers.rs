//! The careers content model: what a careers leader writes in YAML, and the pages it becomes.

mod common;

use common::TestSite;

const SITE: &str = "school:\n  name: Riverside\ncareers_leader:\n  name: Ms Priya Shah\n  role: Careers Leader\n  email: careers@riverside.sch.uk\n  phone: 01632 960 123\nreview:\n  last: 2025-07-14\n  next: 2026-07-13\n";

const PROGRAMME: &str = r#"
summary: Every pupil has a **planned** programme.
access:
  parents: Come to our options evening.
impact: We survey pupils each term.
years:
  - year: 8
    theme: Exploring
    outcomes: [explain an apprenticeship]
    activities:
      - title: Summer trip
        term: summer
        benchmarks: [6]
      - title: Apprenticeship assembly
        term: spring
        date: 2026-02-05
        benchmarks: [7]
        provider_encounter: true
        description: "See [options](/options.md)."
      - title: Autumn talk
        term: autumn
        benchmarks: [5, 2]
        audiences: [pupils, parents]
  - year: Year 10
    activities:
      - title: Roadshow
        term: all-year
        provider_encounter: true
"#;

fn careers_site() -> TestSite {
    let site = TestSite::new();
    site.write("content/site.yaml", SITE)
        .write("content/programme.yaml", PROGRAMME)
        .write("content/options.md", "# Options\n");
    site
}

#[test]
fn the_programme_page_publishes_every_statutory_item() {
    let site = careers_site();
    site.build();
    let page = site.page("careers-programme/index.html");
    assert_eq!(page.text("h1"), "Our careers programme");
    let main = page.text("main");
    assert_eq!(
        page.texts("main .contact-name strong"),
        ["Ms Priya Shah"],
        "S1 name: {main}"
    );
    assert!(main.contains("Careers Leader"), "S1 role: {main}");
    assert_eq!(
        page.link("careers@riverside.sch.uk"),
        "mailto:careers@riverside.sch.uk"
    );
    assert_eq!(page.link("01632 960 123"), "tel:+441632960123");
    assert_eq!(page.text("main strong"), "Ms Priya Shah planned");
    assert!(
        main.contains("Every pupil has a planned programme."),
        "S2 summary"
    );
    assert_eq!(
        page.texts("h3"),
        ["Parents and carers"],
        "S2 access, only where written"
    );
    assert!(main.contains("Come to our options evening."));
    assert!(main.contains("We survey pupils each term."), "S3 impact");
    assert_eq!(
        page.attrs("time", "datetime"),
        ["2025-07-14", "2026-07-13"],
        "S4 review dates"
    );
    assert!(main.contains("We will next review it on 13 July 2026."));
}

#[test]
fn the_year_by_year_page_has_a_section_per_year_with_activities_in_term_order() {
    let site = careers_site();
    site.build();
    let page = site.page("careers-programme/year-by-year/index.html");
    assert_eq!(
        page.texts("section.year > h2"),
        ["Year 8: Exploring", "Year 10"]
    );
    assert_eq!(
        page.texts("#year-8 ~ h3"),
        [
            "By the end of the year, pupils will",
            "Autumn term",
            "Spring term",
            "Summer term"
        ]
    );
    assert_eq!(
        page.texts("section.year h4"),
        [
            "Autumn talk",
            "Apprenticeship assembly",
            "Summer trip",
            "Roadshow"
        ]
    );
    assert_eq!(
        page.texts(".activity .badge")[..2],
        ["B5 Employers".to_string(), "B2 Information".to_string()],
        "badges name their benchmark"
    );
    assert_eq!(
        page.attrs(".activity .badge abbr", "title")[0],
        "Gatsby Benchmark 5: Encounters with employers and employees",
        "and give its full title"
    );
    assert_eq!(
        page.texts(".activity .tag").len(),
        2,
        "provider encounters are marked"
    );
    assert_eq!(
        page.link("options"),
        "../../options/index.html",
        "links in YAML Markdown work from the page's depth"
    );
}

#[test]
fn the_provider_access_statement_lists_this_years_encounters() {
    let site = careers_site();
    site.write(
        "content/site.yaml",
        format!("{SITE}provider_access:\n  contact:\n    name: Mr Okafor\n    email: providers@riverside.sch.uk\n  how_to_request: Email Mr Okafor.\n  granting: Any reasonable request.\n  refusing: During exams.\n  premises: The main hall.\n"),
    );
    site.build();
    let page = site.page("provider-access/index.html");
    assert_eq!(
        page.texts("tbody tr td:first-child"),
        ["Year 8", "Year 10"],
        "P4"
    );
    assert_eq!(
        page.texts("tbody tr td:last-child"),
        ["5 February 2026", "All year"]
    );
    let main = page.text("main");
    for text in [
        "Mr Okafor",
        "Email Mr Okafor.",
        "Any reasonable request.",
        "During exams.",
        "The main hall.",
    ] {
        assert!(main.contains(text), "{text} missing from {main}");
    }
    assert_eq!(page.attrs("thead th", "scope"), ["col", "col", "col"]);
}

#[test]
fn careers_pages_appear_in_the_navigation() {
    let site = careers_site();
    site.build();
    let nav = site.page("options/index.html").texts(".programme-menu a");
    assert!(
        nav.contains(&"Our careers programme".to_string()),
        "{nav:?}"
    );
}

#[test]
fn a_markdown_page_at_a_careers_address_gives_its_introduction() {
    let site = careers_site();
    site.write(
        "content/careers-programme/_index.md",
        "---\ntitle: Careers at Riverside\n---\nOur promise to every pupil.\n",
    );
    site.build();
    let page = site.page("careers-programme/index.html");
    assert_eq!(page.text("h1"), "Careers at Riverside");
    assert!(page.text("main").contains("Our promise to every pupil."));
    assert!(page.text("main").contains("Ms Priya Shah"));
}

#[test]
fn an_introduction_that_gives_no_title_keeps_the_title_of_the_page_careersite_makes() {
    let site = careers_site();
    site.write(
        "content/benchmarks/1/_index.md",
        "Our governors approved the programme in July.\n",
    )
    .write("content/careers-programme/_index.md", "Our promise.\n")
    .write("content/_index.md", "Welcome.\n");
    site.build();
    let benchmark = site.page("benchmarks/1/index.html");
    assert_eq!(
        benchmark.text("h1"),
        "Benchmark 1: A stable careers programme"
    );
    assert!(
        benchmark
            .text("title")
            .starts_with("Benchmark 1: A stable careers programme")
    );
    assert!(
        benchmark
            .text("main")
            .contains("Our governors approved the programme in July.")
    );
    let programme = site.page("careers-programme/index.html");
    assert_eq!(programme.text("h1"), "Our careers programme");
    assert!(programme.text("main").contains("Our promise."));
    let home = site.page("index.html");
    assert_eq!(home.text("h1"), "Riverside");
    assert!(home.text("main").contains("Welcome."));
}

/// Each invalid value fails with the file, the line and the allowed values, and the last good
/// site stays as it was.
fn assert_refused(programme: &str, line: usize, expected: &str) {
    let site = careers_site();
    site.build();
    let before = site.snapshot();
    site.write("content/programme.yaml", programme);
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains(&format!("content/programme.yaml:{line}:")),
        "{err}"
    );
    assert!(err.contains(expected), "{err}");
    assert_eq!(site.snapshot(), before, "nothing in site/ changed");
}

#[test]
fn an_unknown_field_is_refused_with_the_known_ones() {
    assert_refused(
        "summary: x\nsumary: y\n",
        2,
        "expected one of `summary`, `access`, `impact`, `years`",
    );
}

#[test]
fn benchmark_nine_is_refused() {
    assert_refused(
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        benchmarks: [9]\n",
        6,
        "numbered 1 to 8",
    );
}

#[test]
fn an_unknown_term_is_refused_with_the_terms() {
    assert_refused(
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: winter\n",
        5,
        "`winter` is not a term: use autumn, spring, summer or all-year",
    );
}

#[test]
fn a_year_that_does_not_exist_is_refused() {
    assert_refused(
        "years:\n  - year: 14\n",
        2,
        "Reception or a year from 1 to 13",
    );
}

#[test]
fn a_malformed_date_is_refused() {
    assert_refused(
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        date: 31/01/2026\n",
        6,
        "like 2025-09-01",
    );
}

#[test]
fn the_programme_page_links_to_every_other_careers_page_the_site_has() {
    let site = TestSite::example();
    site.build();
    let page = site.page("careers-programme/index.html");
    let related = page.texts("main h2 + ul a");
    assert_eq!(
        related,
        [
            "Careers programme year by year",
            "Careers strategic plan",
            "Careers action plan",
            "How well the programme is working",
            "Gatsby Benchmarks",
            "Events",
            "Provider access policy"
        ]
    );
}
