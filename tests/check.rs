//! `careersite check`: one test per finding. Each starts from a school that passes
//! `check --strict`, introduces exactly one fault, and asserts the finding's code, where it
//! points and the exit code.

mod common;

use common::TestSite;
use serde_json::Value;

const SITE: &str = "school:
  name: Riverside
  phase: secondary
careers_leader:
  name: Ms Shah
  role: Careers Leader
  email: careers@riverside.sch.uk
  phone: 01632 960 123
review:
  last: 2026-07-13
  next: 2027-07-12
provider_access:
  contact:
    name: Mr Okafor
    email: providers@riverside.sch.uk
    phone: 01632 960 145
  how_to_request: Email Mr Okafor.
  granting: Any reasonable request.
  refusing: During exams.
  premises: The main hall.
accessibility:
  email: careers@riverside.sch.uk
";

const PROGRAMME: &str = "summary: A planned programme.
access:
  pupils: Tutor time.
  parents: This website.
  staff: The shared drive.
  employers: Contact us.
impact: Compass each term.
years:
  - year: 7
    activities:
      - {title: Strengths, term: autumn, benchmarks: [1, 2, 3, 4]}
      - {title: Meet a professional, term: spring, benchmarks: [5]}
  - year: 8
    activities:
      - {title: Enterprise day, term: summer, benchmarks: [5]}
      - {title: Apprenticeship assembly, term: spring, benchmarks: [7], provider_encounter: true}
  - year: 9
    activities:
      - {title: Careers fair, term: spring, benchmarks: [5, 7], provider_encounter: true}
  - year: 10
    activities:
      - {title: Work experience, term: summer, benchmarks: [5, 6]}
      - {title: Roadshow, term: spring, benchmarks: [7], provider_encounter: true}
      - {title: College taster, term: summer, benchmarks: [7], provider_encounter: true}
  - year: 11
    activities:
      - {title: Guidance interview, term: autumn, benchmarks: [8]}
      - {title: Mock interviews, term: autumn, benchmarks: [5]}
  - year: 12
    activities:
      - {title: Placement, term: summer, benchmarks: [5, 6]}
      - {title: Degree apprenticeships talk, term: spring, benchmarks: [7], provider_encounter: true}
  - year: 13
    activities:
      - {title: Second interview, term: autumn, benchmarks: [8]}
      - {title: Alumni panel, term: spring, benchmarks: [5]}
      - {title: Applications workshop, term: autumn, benchmarks: [7], provider_encounter: true}
";

const EVALUATION: &str = "compass:
  - date: 2026-06-29
    scores: {1: 100}
destinations:
  - {year: 2026, leaving: Year 11, cohort: 100, routes: {school-sixth-form: 100}}
  - {year: 2025, leaving: Year 11, cohort: 100, routes: {school-sixth-form: 100}}
  - {year: 2024, leaving: Year 11, cohort: 100, routes: {school-sixth-form: 100}}
";

fn clean_site() -> TestSite {
    let site = TestSite::new();
    site.write("content/site.yaml", SITE)
        .write("content/programme.yaml", PROGRAMME)
        .write("content/evaluation.yaml", EVALUATION)
        .write("content/_index.md", "# Careers\n\nWelcome.\n");
    site
}

struct Report {
    exit: i32,
    json: Value,
}

impl Report {
    fn of(site: &TestSite, extra: &[&str]) -> Report {
        let mut args = vec!["check", "--format", "json"];
        args.extend(extra);
        let run = site.run(&args);
        let json =
            serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}: {}", run.stdout()));
        Report {
            exit: run.0.status.code().unwrap(),
            json,
        }
    }

    fn findings(&self) -> &Vec<Value> {
        self.json["findings"].as_array().unwrap()
    }

    /// The one finding with `code`, which must exist.
    fn only(&self, code: &str) -> &Value {
        let matching: Vec<&Value> = self
            .findings()
            .iter()
            .filter(|f| f["code"] == code)
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "one {code} finding expected in {:#}",
            self.json
        );
        matching[0]
    }
}

/// Asserts a finding's severity, file and line (`None` when it has no line).
fn assert_at(finding: &Value, severity: &str, file: &str, line: Option<u64>) {
    assert_eq!(finding["severity"], severity, "{finding:#}");
    assert_eq!(finding["file"], file, "{finding:#}");
    assert_eq!(finding["line"].as_u64(), line, "{finding:#}");
    assert!(
        finding["help"].is_string(),
        "every finding says how to fix it"
    );
}

#[test]
fn the_fixture_school_is_clean_under_strict() {
    let site = clean_site();
    let report = Report::of(&site, &["--strict"]);
    assert_eq!(report.findings().len(), 0, "{:#}", report.json);
    assert_eq!(report.exit, 0);
}

#[test]
fn the_bundled_examples_are_clean_under_strict() {
    let run = TestSite::example().run(&["check", "--strict"]).success();
    assert!(
        run.stdout().ends_with("0 errors, 0 warnings, 3 notes\n"),
        "the example's three external links, the school's website among them: {}",
        run.stdout()
    );
    let primary = TestSite::new();
    common::copy_tree(
        &common::repo_root().join("examples/primary/content"),
        &primary.root().join("content"),
    );
    assert!(
        primary
            .run(&["check", "--strict"])
            .success()
            .stdout()
            .contains(" 0 errors, 0 warnings")
    );
}

#[test]
fn s1_a_missing_careers_leader() {
    let site = clean_site();
    let without: String = SITE
        .lines()
        .filter(|l| {
            !l.starts_with("careers_leader")
                && !l.starts_with("  name: Ms")
                && !l.starts_with("  role")
                && !l.starts_with("  email: careers")
                && !l.starts_with("  phone: 01632 960 123")
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write("content/site.yaml", without);
    let report = Report::of(&site, &[]);
    assert_at(report.only("S1"), "error", "content/site.yaml", None);
    assert_eq!(report.exit, 1);
}

#[test]
fn s1_an_email_that_is_not_one() {
    let site = clean_site();
    site.edit(
        "content/site.yaml",
        "email: careers@riverside.sch.uk\n  phone",
        "email: careers at riverside\n  phone",
    );
    let report = Report::of(&site, &[]);
    assert_at(report.only("S1"), "error", "content/site.yaml", Some(7));
    assert_eq!(report.exit, 1);
}

#[test]
fn s1_a_telephone_number_that_is_not_one() {
    let site = clean_site();
    site.edit("content/site.yaml", "phone: 01632 960 123", "phone: 960123");
    assert_at(
        Report::of(&site, &[]).only("S1"),
        "error",
        "content/site.yaml",
        Some(8),
    );
}

#[test]
fn s2_no_word_on_how_employers_find_out() {
    let site = clean_site();
    site.edit("content/programme.yaml", "  employers: Contact us.\n", "");
    let report = Report::of(&site, &[]);
    let finding = report.only("S2");
    assert_at(finding, "error", "content/programme.yaml", Some(2));
    assert!(finding["message"].as_str().unwrap().contains("employers"));
}

#[test]
fn s2_no_programme_at_all() {
    let site = clean_site();
    std::fs::remove_file(site.root().join("content/programme.yaml")).unwrap();
    assert_at(
        Report::of(&site, &[]).only("S2"),
        "error",
        "content/programme.yaml",
        None,
    );
}

#[test]
fn s3_no_word_on_measuring_impact() {
    let site = clean_site();
    site.edit("content/programme.yaml", "impact: Compass each term.\n", "");
    assert_at(
        Report::of(&site, &[]).only("S3"),
        "error",
        "content/programme.yaml",
        None,
    );
}

#[test]
fn s4_a_review_date_in_the_past() {
    let site = clean_site();
    site.edit("content/site.yaml", "next: 2027-07-12", "next: 2026-09-01");
    let report = Report::of(&site, &[]);
    assert_at(report.only("S4"), "error", "content/site.yaml", Some(11));
    assert_eq!(report.exit, 1);
}

#[test]
fn s4_a_review_due_within_30_days_is_a_warning_and_fails_only_under_strict() {
    let site = clean_site();
    site.edit("content/site.yaml", "next: 2027-07-12", "next: 2026-12-10");
    let report = Report::of(&site, &[]);
    assert_at(report.only("S4"), "warning", "content/site.yaml", Some(11));
    assert_eq!(report.exit, 0);
    assert_eq!(Report::of(&site, &["--strict"]).exit, 1);
}

#[test]
fn p1_no_provider_access_policy() {
    let site = clean_site();
    let cut = SITE.find("provider_access:").unwrap();
    let end = SITE.find("accessibility:").unwrap();
    site.write(
        "content/site.yaml",
        format!("{}{}", &SITE[..cut], &SITE[end..]),
    );
    assert_at(
        Report::of(&site, &[]).only("P1"),
        "error",
        "content/site.yaml",
        None,
    );
}

#[test]
fn p2_no_grounds_for_refusing() {
    let site = clean_site();
    site.edit("content/site.yaml", "  refusing: During exams.\n", "");
    assert_at(
        Report::of(&site, &[]).only("P2"),
        "error",
        "content/site.yaml",
        Some(12),
    );
}

#[test]
fn p3_no_premises() {
    let site = clean_site();
    site.edit("content/site.yaml", "  premises: The main hall.\n", "");
    assert_at(
        Report::of(&site, &[]).only("P3"),
        "error",
        "content/site.yaml",
        Some(12),
    );
}

#[test]
fn p4_only_one_provider_encounter_in_years_8_and_9() {
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "benchmarks: [5, 7], provider_encounter: true",
        "benchmarks: [5, 7]",
    );
    let report = Report::of(&site, &[]);
    let finding = report.only("P4");
    assert_at(finding, "error", "content/programme.yaml", None);
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("Years 8 and 9 have 1 encounter")
    );
}

#[test]
fn a11y_nobody_to_contact_about_accessibility() {
    let site = clean_site();
    site.edit(
        "content/site.yaml",
        "accessibility:\n  email: careers@riverside.sch.uk\n",
        "",
    );
    site.edit(
        "content/site.yaml",
        "  email: careers@riverside.sch.uk\n",
        "",
    );
    let report = Report::of(&site, &[]);
    assert_at(report.only("A11Y"), "warning", "content/site.yaml", None);
}

#[test]
fn b2_a_benchmark_no_activity_serves() {
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "benchmarks: [1, 2, 3, 4]",
        "benchmarks: [1, 3, 4]",
    );
    assert_at(
        Report::of(&site, &[]).only("B2"),
        "warning",
        "content/programme.yaml",
        None,
    );
}

#[test]
fn b5_a_year_without_an_employer_encounter_points_at_that_year() {
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "{title: Alumni panel, term: spring, benchmarks: [5]}",
        "{title: Alumni panel, term: spring, benchmarks: [3]}",
    );
    let report = Report::of(&site, &[]);
    let finding = report.only("B5");
    assert_at(finding, "warning", "content/programme.yaml", Some(33));
    assert!(finding["message"].as_str().unwrap().starts_with("Year 13"));
}

#[test]
fn b6_no_workplace_experience_again_by_year_13() {
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "{title: Placement, term: summer, benchmarks: [5, 6]}",
        "{title: Placement, term: summer, benchmarks: [5]}",
    );
    let finding = Report::of(&site, &[]).only("B6").clone();
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("again by Year 13"),
        "{finding:#}"
    );
}

#[test]
fn b7_no_further_or_higher_education_encounter_by_year_11() {
    let site = clean_site();
    for (from, to) in [
        (
            "benchmarks: [7], provider_encounter: true}\n  - year: 9",
            "benchmarks: [], provider_encounter: true}\n  - year: 9",
        ),
        (
            "benchmarks: [5, 7], provider_encounter",
            "benchmarks: [5], provider_encounter",
        ),
        (
            "{title: Roadshow, term: spring, benchmarks: [7]",
            "{title: Roadshow, term: spring, benchmarks: []",
        ),
        (
            "{title: College taster, term: summer, benchmarks: [7]",
            "{title: College taster, term: summer, benchmarks: []",
        ),
    ] {
        site.edit("content/programme.yaml", from, to);
    }
    assert_at(
        Report::of(&site, &[]).only("B7"),
        "warning",
        "content/programme.yaml",
        None,
    );
}

#[test]
fn b8_no_guidance_interview_by_year_11() {
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "{title: Guidance interview, term: autumn, benchmarks: [8]}",
        "{title: Guidance interview, term: autumn, benchmarks: [3]}",
    );
    let finding = Report::of(&site, &[]).only("B8").clone();
    assert!(
        finding["message"].as_str().unwrap().contains("by Year 11"),
        "{finding:#}"
    );
}

#[test]
fn primary_schools_get_adapted_expectations_and_items_marked_not_applicable_are_not_reported() {
    let site = TestSite::new();
    site.write("content/site.yaml", "school:\n  phase: primary\ncareers_leader:\n  name: Mrs Ward\n  email: w@oak.sch.uk\n  phone: 01632 960 456\nreview:\n  next: 2027-09-06\n")
        .write("content/programme.yaml", primary_programme(&[0, 1, 2, 3, 4, 5]))
        .write("content/benchmarks.yaml", "benchmarks:\n  - benchmark: 8\n    requirements:\n      - {requirement: Guidance interview by 16, progress: not-applicable}\n")
        .write("content/evaluation.yaml", "compass:\n  - {date: 2026-07-10, scores: {1: 80}}\n");
    let report = Report::of(&site, &["--strict"]);
    assert_eq!(
        report.findings().len(),
        0,
        "no provider access, destinations or Benchmark 8 expected: {:#}",
        report.json
    );
}

/// A primary programme with an employer encounter in each of `years` (Reception as 0), and a
/// Year 6 that serves the rest.
fn primary_programme(years: &[u8]) -> String {
    let mut yaml = String::from(
        "summary: S\naccess: {pupils: a, parents: b, staff: c, employers: d}\nimpact: I\nyears:\n",
    );
    for &year in years {
        let name = if year == 0 {
            "Reception".to_string()
        } else {
            year.to_string()
        };
        yaml.push_str(&format!(
            "  - year: {name}\n    activities:\n      - {{title: Visitor, term: autumn, benchmarks: [1, 2, 3, 4, 5]}}\n"
        ));
    }
    yaml + "  - year: 6\n    activities:\n      - {title: Factory visit, term: summer, benchmarks: [5, 6, 7]}\n"
}

#[test]
fn a_year_group_left_out_of_a_primary_programme_is_reported() {
    let site = TestSite::new();
    site.write("content/site.yaml", "school:\n  phase: primary\n")
        .write(
            "content/programme.yaml",
            primary_programme(&[0, 1, 2, 4, 5]),
        );
    let report = Report::of(&site, &[]);
    let finding = report.only("B5");
    assert_at(finding, "warning", "content/programme.yaml", Some(4));
    assert_eq!(
        finding["message"],
        "Year 3 is not in the programme, so it has no careers activities and no encounter with employers (Benchmark 5 asks for one every year)"
    );
}

#[test]
fn a_year_group_left_out_of_a_secondary_programme_is_reported() {
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "  - year: 8\n    activities:\n      - {title: Enterprise day, term: summer, benchmarks: [5]}\n      - {title: Apprenticeship assembly, term: spring, benchmarks: [7], provider_encounter: true}\n",
        "",
    );
    let report = Report::of(&site, &[]);
    let finding = report.only("B5");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("Year 8 is not in the programme"),
        "{finding:#}"
    );
}

#[test]
fn a_benchmark_partly_not_applicable_and_partly_unrated_is_still_checked() {
    // Unrated is "not assessed yet", not "not applicable".
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "benchmarks: [1, 2, 3, 4]",
        "benchmarks: [1, 2, 4]",
    );
    site.write(
        "content/benchmarks.yaml",
        "benchmarks:\n  - benchmark: 3\n    requirements:\n      - {requirement: Sixth-form records, progress: n/a}\n      - {requirement: Records of each pupil's guidance}\n      - requirement: Is evaluated using feedback from\n        parts:\n          - {requirement: Pupils}\n",
    );
    assert_at(
        Report::of(&site, &[]).only("B3"),
        "warning",
        "content/programme.yaml",
        None,
    );
}

#[test]
fn compass_results_more_than_a_school_year_old() {
    let site = clean_site();
    site.edit(
        "content/evaluation.yaml",
        "date: 2026-06-29",
        "date: 2025-09-01",
    );
    assert_at(
        Report::of(&site, &[]).only("COMPASS"),
        "warning",
        "content/evaluation.yaml",
        Some(1),
    );
}

#[test]
fn destinations_missing_for_one_of_the_last_three_years() {
    let site = clean_site();
    site.edit(
        "content/evaluation.yaml",
        "  - {year: 2025, leaving: Year 11, cohort: 100, routes: {school-sixth-form: 100}}\n",
        "",
    );
    let finding = Report::of(&site, &[]).only("DESTINATIONS").clone();
    assert_at(&finding, "warning", "content/evaluation.yaml", Some(4));
    assert!(finding["message"].as_str().unwrap().contains("2025"));
}

#[test]
fn link_to_a_page_that_does_not_exist() {
    let site = clean_site();
    site.write(
        "content/a.md",
        "# A\n\nIntro.\n\nSee [the plan](plan.md).\n",
    );
    let report = Report::of(&site, &[]);
    let finding = report.only("LINK");
    assert_at(finding, "error", "content/a.md", Some(5));
    assert_eq!(finding["column"], 16, "at the link's address");
    assert_eq!(report.exit, 1);
}

#[test]
fn anchor_that_is_not_on_the_page() {
    let site = clean_site();
    site.write(
        "content/a.md",
        "# A\n\n## Key dates\n\nSee [dates](#key-date) and [ok](#key-dates).\n",
    );
    assert_at(
        Report::of(&site, &[]).only("ANCHOR"),
        "error",
        "content/a.md",
        Some(5),
    );
}

#[test]
fn image_that_does_not_exist() {
    let site = clean_site();
    site.write(
        "content/a.md",
        "# A\n\n![Pupils at the fair](images/fair.jpg)\n",
    );
    assert_at(
        Report::of(&site, &[]).only("IMAGE"),
        "error",
        "content/a.md",
        Some(3),
    );
}

#[test]
fn image_without_alt_text() {
    let site = clean_site();
    site.write("content/images/fair.gif", "GIF89a").write(
        "content/a.md",
        "# A\n\nText.\n\n<img src=\"images/fair.gif\">\n",
    );
    let finding = Report::of(&site, &[]).only("ALT").clone();
    assert_at(&finding, "error", "content/a.md", Some(5));
}

#[test]
fn a_heading_that_skips_a_level() {
    let site = clean_site();
    site.write("content/a.md", "# A\n\n## Two\n\n#### Four\n");
    assert_at(
        Report::of(&site, &[]).only("HEADINGS"),
        "warning",
        "content/a.md",
        Some(5),
    );
}

#[test]
fn link_text_that_says_nothing() {
    let site = clean_site();
    site.write(
        "content/a.md",
        "# A\n\nFor the policy [click here](_index.md).\n",
    );
    assert_at(
        Report::of(&site, &[]).only("LINK-TEXT"),
        "warning",
        "content/a.md",
        Some(3),
    );
}

#[test]
fn a_link_with_no_text() {
    let site = clean_site();
    site.write("content/a.md", "# A\n\nIntro.\n\n[](_index.md)\n");
    let finding = Report::of(&site, &[]).only("LINK-TEXT").clone();
    assert_at(&finding, "error", "content/a.md", Some(5));
}

#[test]
fn raw_html_table_without_headers() {
    let site = clean_site();
    site.write(
        "content/a.md",
        "# A\n\nIntro.\n\n<table><tr><td>1</td></tr></table>\n",
    );
    assert_at(
        Report::of(&site, &[]).only("TABLE"),
        "error",
        "content/a.md",
        Some(5),
    );
}

#[test]
fn external_links_are_listed_not_fetched() {
    let site = clean_site();
    site.write(
        "content/a.md",
        "# A\n\nSee [the National Careers Service](https://nationalcareers.service.gov.uk).\n",
    );
    let report = Report::of(&site, &["--strict"]);
    let finding = report.only("EXTERNAL");
    assert_eq!(finding["severity"], "note");
    assert_eq!(
        (finding["file"].as_str(), finding["line"].as_u64()),
        (Some("content/a.md"), Some(3))
    );
    assert_eq!(report.exit, 0, "notes never fail the check");
}

#[test]
fn bare_addresses_made_links_are_listed_as_links_written_in_full_are() {
    let site = clean_site();
    site.write(
        "content/a.md",
        "# A\n\nSee https://www.apprenticeships.gov.uk.\n\nOr www.ucas.com, or <careers@school.sch.uk>.\n",
    );
    let report = Report::of(&site, &["--strict"]);
    let external: Vec<(&str, u64)> = report
        .findings()
        .iter()
        .filter(|f| f["code"] == "EXTERNAL")
        .map(|f| (f["message"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        external,
        [
            (
                "external link to https://www.apprenticeships.gov.uk, not checked",
                3
            ),
            ("external link to https://www.ucas.com, not checked", 5),
        ],
        "{:#}",
        report.json
    );
    // An e-mail address is no broken link to a page.
    assert_eq!(report.exit, 0, "{:#}", report.json);
}

#[test]
fn content_that_does_not_load_is_an_error_with_its_place() {
    let site = clean_site();
    site.write("content/a.md", "---\nbenchmarks: [9]\n---\n");
    let report = Report::of(&site, &[]);
    let finding = &report.findings()[0];
    assert_eq!(
        (finding["file"].as_str(), finding["line"].as_u64()),
        (Some("content/a.md"), Some(2))
    );
    assert_eq!(report.exit, 1);
}

#[test]
fn without_content_the_check_cannot_run() {
    let site = TestSite::new();
    std::fs::remove_dir(site.root().join("content")).unwrap();
    assert_eq!(site.run(&["check"]).0.status.code(), Some(2));
}

#[test]
fn the_json_report_has_a_version_and_a_summary() {
    let site = clean_site();
    site.edit("content/site.yaml", "next: 2027-07-12", "next: 2026-09-01");
    let report = Report::of(&site, &[]);
    assert_eq!(report.json["version"], 1);
    assert_eq!(report.json["summary"]["errors"], 1);
    for key in [
        "severity", "code", "message", "file", "line", "column", "help",
    ] {
        assert!(report.findings()[0].get(key).is_some(), "{key}");
    }
}

#[test]
fn build_reports_the_same_findings_as_warnings_and_still_builds() {
    let site = clean_site();
    site.edit("content/site.yaml", "next: 2027-07-12", "next: 2026-09-01");
    let run = site.build();
    assert!(
        run.stderr().contains("warning[S4]: content/site.yaml:11:"),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_compliance_page_is_not_published_unless_asked_for() {
    let site = clean_site();
    site.build();
    assert!(!site.exists("compliance/index.html"));
}

#[test]
fn the_compliance_page_shows_the_findings_when_asked_for() {
    let site = clean_site();
    site.edit("content/site.yaml", "next: 2027-07-12", "next: 2026-09-01");
    site.write(
        "content/site.yaml",
        format!(
            "{}compliance_page: true\n",
            std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap()
        ),
    );
    site.build();
    let page = site.page("compliance/index.html");
    assert_eq!(page.text("h1"), "Careers compliance checklist");
    assert_eq!(page.texts("main h2"), ["To fix: required (1)"]);
    let finding = page.text(".finding-error");
    assert!(
        finding.contains("S4") && finding.contains("content/site.yaml:11:"),
        "{finding}"
    );
}

#[test]
fn a_clean_school_sees_a_clean_checklist() {
    let site = clean_site();
    site.write(
        "content/site.yaml",
        format!("{SITE}compliance_page: true\n"),
    );
    site.build();
    assert!(
        site.page("compliance/index.html")
            .text("main")
            .contains("Nothing to fix")
    );
}

#[test]
fn placeholder_links_are_reported_in_markdown_and_raw_html() {
    let site = clean_site();
    site.write(
        "content/results.md",
        "# Results\n\nSee [Compass+](#) for our results.\n\n<p>Or <a href=\"#\">the report</a>.</p>\n",
    );
    let report = Report::of(&site, &[]);
    assert_eq!(report.exit, 1);
    let mut placeholders: Vec<(u64, u64)> = report
        .findings()
        .iter()
        .filter(|f| f["code"] == "LINK")
        .map(|f| {
            assert_eq!(f["file"], "content/results.md", "{f:#}");
            (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap())
        })
        .collect();
    placeholders.sort();
    assert_eq!(placeholders, [(3, 5), (5, 16)]);
    let build = site.build().stderr();
    assert!(
        build.contains("content/results.md:3:5") && build.contains("is a placeholder"),
        "{build}"
    );
}

/// The `file:line:column` of each broken link `build` warns of.
fn places_of_broken_links(output: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|line| line.strip_prefix("warning[LINK]: "))
        .filter_map(|rest| {
            let parts: Vec<&str> = rest.splitn(4, ':').collect();
            (parts.len() == 4).then(|| parts[..3].join(":"))
        })
        .collect()
}

#[test]
fn build_and_check_place_a_broken_link_at_the_same_line_and_column() {
    let site = clean_site();
    site.write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 2027-01-05\n    description: |\n      Bring your [CV](cv-tips.md) and\n      read [the guide](guide.md).\n",
    );
    site.write("content/a.md", "# A\n\nSee [options](options.md).\n");
    let report = Report::of(&site, &[]);
    let mut from_check: Vec<String> = report
        .findings()
        .iter()
        .filter(|f| f["code"] == "LINK")
        .map(|f| {
            format!(
                "{}:{}:{}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["column"]
            )
        })
        .collect();
    from_check.sort();
    assert_eq!(
        from_check,
        [
            "content/a.md:3:15",
            "content/events.yaml:5:23",
            "content/events.yaml:6:24"
        ]
    );
    let build = site.build().stderr();
    let mut from_build = places_of_broken_links(&build);
    from_build.sort();
    assert_eq!(from_build, from_check, "{build}");
}

#[test]
fn every_broken_or_placeholder_link_is_reported_once_at_its_own_place_by_build_and_check() {
    let site = clean_site();
    site.write(
        "content/help.md",
        "# Help\n\nOur old plan is gone. See [the plan][p].\n\nSee [**Unifrog**](#) and [the portal][portal].\n\n<p><a href='#'>Report</a></p>\n\nAgain, [the plan](plan.md) and [the plan](plan.md).\n\n[p]: plan.md\n[portal]: #\n",
    );
    let report = Report::of(&site, &[]);
    assert_eq!(report.exit, 1);
    let mut from_check: Vec<String> = report
        .findings()
        .iter()
        .filter(|f| f["code"] == "LINK")
        .map(|f| format!("{}:{}", f["line"], f["column"]))
        .collect();
    from_check.sort();
    assert_eq!(
        from_check,
        ["3:27", "5:26", "5:5", "7:13", "9:19", "9:43"],
        "{:#}",
        report.json
    );
    let build = site.build().stderr();
    let mut from_build: Vec<String> = places_of_broken_links(&build)
        .into_iter()
        .map(|place| place.trim_start_matches("content/help.md:").to_string())
        .collect();
    from_build.sort();
    let markdown_only: Vec<&String> = from_check.iter().filter(|p| *p != "7:13").collect();
    assert_eq!(
        from_build.iter().collect::<Vec<_>>(),
        markdown_only,
        "{build}"
    );
}

#[test]
fn a_school_with_fewer_year_groups_gets_no_warning_for_those_it_does_not_have() {
    // A junior school (Years 3 to 6): no Reception, Year 1 or Year 2 to report.
    let site = TestSite::new();
    site.write("content/site.yaml", "school:\n  phase: primary\n")
        .write("content/programme.yaml", primary_programme(&[3, 4, 5]));
    let report = Report::of(&site, &[]);
    assert!(
        !report.findings().iter().any(|f| f["message"]
            .as_str()
            .unwrap()
            .contains("is not in the programme")),
        "{:#}",
        report.json
    );
}

#[test]
fn the_year_groups_in_site_yaml_say_which_years_the_programme_must_cover() {
    let site = clean_site();
    site.edit(
        "content/site.yaml",
        "  phase: secondary\n",
        "  phase: secondary\n  years: Year 6 to Year 13\n",
    );
    let report = Report::of(&site, &[]);
    let finding = report.only("B1");
    assert_eq!(
        finding["message"],
        "Year 6 is not in the programme, so it has no careers activities (Benchmark 1 asks for a programme for every year)"
    );
}

#[test]
fn parts_left_unrated_under_a_heading_marked_not_applicable_are_not_applicable_too() {
    let site = clean_site();
    site.edit(
        "content/programme.yaml",
        "benchmarks: [1, 2, 3, 4]",
        "benchmarks: [1, 2, 4]",
    );
    site.write(
        "content/benchmarks.yaml",
        "benchmarks:\n  - benchmark: 3\n    requirements:\n      - requirement: Sixth-form records\n        progress: n/a\n        parts:\n          - {requirement: Year 12}\n          - {requirement: Year 13}\n",
    );
    let report = Report::of(&site, &[]);
    assert!(
        !report.findings().iter().any(|f| f["code"] == "B3"),
        "{:#}",
        report.json
    );
}
