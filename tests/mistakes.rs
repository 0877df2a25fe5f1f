//! Mistakes in the careers leader's YAML: every one in a file is reported in one run, each at its
//! own line and column and in words a teacher uses, not Rust's.

mod common;

use common::{TestSite, assert_reported};

/// The line and column (from 1) at which `needle` first appears in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let (index, line) = text
        .lines()
        .enumerate()
        .find_map(|(index, line)| line.find(needle).map(|column| (index, column)))
        .unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    (index + 1, line + 1)
}

/// `file:line:column: ` for where `needle` is in `text`.
fn at(file: &str, text: &str, needle: &str) -> String {
    let (line, column) = position_of(text, needle);
    format!("{file}:{line}:{column}: ")
}

fn action_plan_with_deadlines(count: usize) -> String {
    let mut yaml = String::from("actions:\n  - benchmark: 1\n    actions:\n");
    for n in 1..=count {
        yaml.push_str(&format!(
            "      - action: Action {n}\n        deadline: Sept {}\n",
            1900 + n
        ));
    }
    yaml
}

#[test]
fn every_bad_deadline_in_a_file_is_reported_in_one_run() {
    let site = TestSite::new();
    let yaml = action_plan_with_deadlines(20);
    site.write("content/action-plan.yaml", &yaml);
    let err = site.refused("content/action-plan.yaml", "is not a time");
    for n in 1..=20 {
        let value = format!("Sept {}", 1900 + n);
        let (line, column) = position_of(&yaml, &value);
        assert_eq!(column, 19);
        let gutter = " ".repeat(line.to_string().len());
        let shown = format!(
            "error: content/action-plan.yaml:{line}:19: `{value}` is not a time: write a day (2021-09-30)"
        );
        let caret =
            format!("{line} |         deadline: {value}\n{gutter} |                   ^\n  help: ");
        assert!(err.contains(&shown), "{shown}\n{err}");
        assert!(err.contains(&caret), "the caret is on {value}:\n{err}");
    }
    assert_eq!(err.matches("is not a time").count(), 20, "{err}");
    assert!(
        err.contains("careersite stopped: 20 problems to fix"),
        "{err}"
    );
}

#[test]
fn past_fifty_problems_in_a_file_the_rest_are_counted_in_one_line() {
    let site = TestSite::new();
    let yaml = action_plan_with_deadlines(60);
    site.write("content/action-plan.yaml", &yaml);
    let err = site.refused("content/action-plan.yaml", "is not a time");
    assert_eq!(err.matches("is not a time").count(), 50, "{err}");
    assert!(err.contains("`Sept 1950` is not a time"), "{err}");
    assert!(
        !err.contains("`Sept 1951`"),
        "the first fifty are shown:\n{err}"
    );
    assert_reported(
        &err,
        "error: content/action-plan.yaml: and 10 more problems in this file",
        "put right the problems above and build again to see the rest",
    );
    assert!(
        err.contains("careersite stopped: 60 problems to fix"),
        "{err}"
    );
}

#[test]
fn every_kind_of_mistake_in_a_data_file_is_reported_in_one_run() {
    let yaml = "compass:
  - date: sometime in June
    scores: {1: 100, 2: lots}
feedback:
  - survey: Year 11 interviews
    dat: 2026-03-20
    audience: pupil
    respondents: many
    results:
      - statement: Helpful
        agree: 89%
destinations:
  - year: last summer
    leaving: Year 14
    cohort: 180
    routes: {employment: 10, gap-year: 3}
";
    let site = TestSite::new();
    site.write("content/evaluation.yaml", yaml);
    let err = site.refused("content/evaluation.yaml", "is not the day or month");
    let file = "content/evaluation.yaml";
    for (value, says) in [
        (
            "sometime in June",
            "`sometime in June` is not the day or month of a Compass result",
        ),
        ("lots", "`lots` is not a percentage"),
        ("dat:", "unknown field `dat`"),
        ("pupil", "`pupil` is not an audience"),
        ("many", "`many` is not a whole number"),
        ("89%", "`89%` is not a percentage"),
        ("last summer", "`last summer` is not a whole number"),
        ("Year 14", "`Year 14` is not a year group"),
        ("gap-year", "`gap-year` is not a destination"),
    ] {
        let shown = format!("{}{says}", at(file, yaml, value));
        assert!(err.contains(&shown), "{shown}\n{err}");
    }
    assert!(
        err.contains("careersite stopped: 9 problems to fix"),
        "{err}"
    );
}

#[test]
fn every_bad_value_in_front_matter_is_reported_in_one_run() {
    let page = "---
title: Work experience
date: next week
weight: heavy
draft: maybe
audiences: [pupils, pupil]
benchmarks: [5, nine]
---
Text.
";
    let site = TestSite::new();
    site.write("content/pupils/work.md", page);
    let err = site.refused("content/pupils/work.md", "is not a date");
    let file = "content/pupils/work.md";
    for (value, says) in [
        ("next week", "`next week` is not a date"),
        ("heavy", "`heavy` is not a whole number"),
        ("maybe", "`maybe` is not `true` or `false`"),
        ("pupil]", "`pupil` is not an audience"),
        ("nine", "`nine` is not a benchmark"),
    ] {
        let shown = format!("{}{says}", at(file, page, value));
        assert!(err.contains(&shown), "{shown}\n{err}");
    }
}

#[test]
fn every_misspelt_key_in_a_file_is_reported_in_one_run() {
    let yaml = "careers_leader:\n  name: Ms Shah\n  emial: careers@school.sch.uk\n  phnoe: 01632 960 123\n";
    let site = TestSite::new();
    site.write("content/site.yaml", yaml);
    let err = site.refused("content/site.yaml", "unknown field");
    for key in ["emial", "phnoe"] {
        let shown = format!(
            "{}unknown field `{key}`, expected one of `name`, `role`, `email`, `phone`",
            at("content/site.yaml", yaml, key)
        );
        assert!(err.contains(&shown), "{shown}\n{err}");
    }
}

#[test]
fn a_misspelt_key_is_not_also_reported_as_its_field_missing() {
    let site = TestSite::new();
    site.write(
        "content/action-plan.yaml",
        "objectives:\n  - titel: Every pupil meets an employer each year\n",
    );
    let err = site.refused("content/action-plan.yaml", "unknown field `titel`");
    assert!(
        err.contains("content/action-plan.yaml:2:5: unknown field `titel`"),
        "{err}"
    );
    assert!(!err.contains("missing field"), "{err}");
    assert!(
        err.contains("careersite stopped: 1 problem to fix"),
        "{err}"
    );
}

#[test]
fn a_reported_value_is_not_checked_against_its_neighbours() {
    let yaml = "events:
  - title: Careers fair
    start: 18/03/2027 1pm
    end: 2027-03-18T12:00
  - title: Options evening
    start: 2027-01-28 6pm
";
    let site = TestSite::new();
    site.write("content/events.yaml", yaml);
    let err = site.refused("content/events.yaml", "is not a date or time");
    for value in ["18/03/2027 1pm", "2027-01-28 6pm"] {
        let shown = format!(
            "{}`{value}` is not a date or time",
            at("content/events.yaml", yaml, value)
        );
        assert!(err.contains(&shown), "{shown}\n{err}");
    }
    assert!(!err.contains("before it starts"), "{err}");
    assert!(!err.contains("must both be"), "{err}");
    assert!(
        err.contains("careersite stopped: 2 problems to fix"),
        "{err}"
    );
}

#[test]
fn a_bad_count_of_leavers_is_not_also_compared_with_their_routes() {
    let yaml = "destinations:
  - year: 2026
    leaving: Year 11
    cohort: about 180
    routes: {employment: 10}
  - year: 2025
    leaving: 11
    cohort: 150
    routes: {employment: lots}
";
    let site = TestSite::new();
    site.write("content/evaluation.yaml", yaml);
    let err = site.refused("content/evaluation.yaml", "is not a whole number");
    for (value, what) in [
        ("about 180", "a whole number"),
        ("lots", "a number of leavers"),
    ] {
        let shown = format!(
            "{}`{value}` is not {what}",
            at("content/evaluation.yaml", yaml, value)
        );
        assert!(err.contains(&shown), "{shown}\n{err}");
    }
    assert!(!err.contains("add up to"), "{err}");
}

#[test]
fn counts_too_large_to_add_up_are_refused_not_crashed_on() {
    let site = TestSite::new();
    site.write(
        "content/evaluation.yaml",
        "destinations:\n  - year: 2026\n    leaving: 11\n    cohort: 10\n    routes: {employment: 4000000000, neet: 4000000000}\n",
    );
    let err = site.refused("content/evaluation.yaml", "the routes add up to 8000000000");
    assert!(err.contains("the routes add up to 8000000000"), "{err}");
}

#[test]
fn problems_in_every_file_are_reported_in_one_run() {
    let site = TestSite::new();
    site.write("content/site.yaml", "school:\n  phase: grammar\n")
        .write(
            "content/programme.yaml",
            "years:\n  - year: 14\n    activities: []\n",
        )
        .write(
            "content/events.yaml",
            "events:\n  - title: Fair\n    start: soon\n",
        )
        .write("content/pupils/a.md", "---\ndate: someday\n---\nText.\n");
    let err = site.refused("content/site.yaml", "is not a school phase");
    for shown in [
        "content/site.yaml:2:10: `grammar` is not a school phase",
        "content/programme.yaml:2:11: `14` is not a year group",
        "content/events.yaml:3:12: `soon` is not a date or time",
        "content/pupils/a.md:2:7: `someday` is not a date",
    ] {
        assert!(err.contains(shown), "{shown}\n{err}");
    }
}

#[test]
fn a_priority_written_in_words_is_explained_in_the_careers_leaders_terms() {
    let site = TestSite::new();
    site.write(
        "content/benchmarks.yaml",
        "benchmarks:\n  - benchmark: 2\n    requirements:\n      - requirement: X\n        priority: high\n",
    );
    let err = site.refused("content/benchmarks.yaml", "is not a priority");
    assert!(
        err.contains("error: content/benchmarks.yaml:5:19: `high` is not a priority: a priority is a number from 1 (highest) to 3"),
        "{err}"
    );
    assert!(!err.contains("i64"), "{err}");
}

/// What a field takes, which decides what is a value of the wrong type for it.
#[derive(Clone, Copy, Debug)]
enum Takes {
    Text,
    WholeNumber,
    TrueOrFalse,
    /// One value of a kind careersite knows: a date, a benchmark, a rating, an audience...
    OneValue,
    List,
    Keys,
}

impl Takes {
    fn wrong_values(self) -> &'static [&'static str] {
        match self {
            Takes::Text => &["[a, b]", "{a: b}"],
            Takes::WholeNumber => &["lots", "2.5", "true", "[1, 2]", "{a: 1}"],
            Takes::TrueOrFalse => &["maybe", "2", "[true]", "{a: b}"],
            Takes::OneValue => &["nonsense", "2.5", "true", "[a, b]", "{a: b}"],
            Takes::List => &["just one", "5", "{a: b}"],
            Takes::Keys => &["just text", "5", "[a, b]"],
        }
    }
}

/// Every field of every data file and of front matter, as `(file, YAML with `@` where the value
/// goes, what the field takes)`. The rest of each YAML is valid, so the value is the only mistake.
const FIELDS: &[(&str, &str, Takes)] = &[
    ("site.yaml", "school: @\n", Takes::Keys),
    ("site.yaml", "school:\n  name: @\n", Takes::Text),
    ("site.yaml", "school:\n  phase: @\n", Takes::OneValue),
    ("site.yaml", "school:\n  address: @\n", Takes::Text),
    ("site.yaml", "school:\n  logo: @\n", Takes::Text),
    ("site.yaml", "url: @\n", Takes::OneValue),
    ("site.yaml", "language: @\n", Takes::Text),
    ("site.yaml", "theme: @\n", Takes::Text),
    ("site.yaml", "audiences: @\n", Takes::List),
    ("site.yaml", "audiences: [pupils, @]\n", Takes::OneValue),
    ("site.yaml", "careers_leader: @\n", Takes::Keys),
    ("site.yaml", "careers_leader:\n  name: @\n", Takes::Text),
    ("site.yaml", "careers_leader:\n  role: @\n", Takes::Text),
    ("site.yaml", "careers_leader:\n  email: @\n", Takes::Text),
    ("site.yaml", "careers_leader:\n  phone: @\n", Takes::Text),
    ("site.yaml", "review: @\n", Takes::Keys),
    ("site.yaml", "review:\n  last: @\n", Takes::OneValue),
    ("site.yaml", "review:\n  next: @\n", Takes::OneValue),
    ("site.yaml", "provider_access: @\n", Takes::Keys),
    ("site.yaml", "provider_access:\n  contact: @\n", Takes::Keys),
    (
        "site.yaml",
        "provider_access:\n  contact:\n    name: @\n",
        Takes::Text,
    ),
    (
        "site.yaml",
        "provider_access:\n  how_to_request: @\n",
        Takes::Text,
    ),
    (
        "site.yaml",
        "provider_access:\n  granting: @\n",
        Takes::Text,
    ),
    (
        "site.yaml",
        "provider_access:\n  refusing: @\n",
        Takes::Text,
    ),
    (
        "site.yaml",
        "provider_access:\n  premises: @\n",
        Takes::Text,
    ),
    ("site.yaml", "accessibility: @\n", Takes::Keys),
    ("site.yaml", "accessibility:\n  email: @\n", Takes::Text),
    ("site.yaml", "accessibility:\n  phone: @\n", Takes::Text),
    (
        "site.yaml",
        "accessibility:\n  tested: @\n",
        Takes::OneValue,
    ),
    (
        "site.yaml",
        "accessibility:\n  prepared: @\n",
        Takes::OneValue,
    ),
    (
        "site.yaml",
        "accessibility:\n  known_issues: @\n",
        Takes::List,
    ),
    (
        "site.yaml",
        "accessibility:\n  known_issues: [@]\n",
        Takes::Text,
    ),
    ("site.yaml", "compliance_page: @\n", Takes::TrueOrFalse),
    ("site.yaml", "allow_scripts: @\n", Takes::TrueOrFalse),
    ("programme.yaml", "summary: @\n", Takes::Text),
    ("programme.yaml", "access: @\n", Takes::Keys),
    ("programme.yaml", "access:\n  pupils: @\n", Takes::Text),
    ("programme.yaml", "access:\n  parents: @\n", Takes::Text),
    ("programme.yaml", "access:\n  staff: @\n", Takes::Text),
    ("programme.yaml", "access:\n  employers: @\n", Takes::Text),
    ("programme.yaml", "impact: @\n", Takes::Text),
    ("programme.yaml", "years: @\n", Takes::List),
    ("programme.yaml", "years:\n  - @\n", Takes::Keys),
    ("programme.yaml", "years:\n  - year: @\n", Takes::OneValue),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    theme: @\n",
        Takes::Text,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    outcomes: @\n",
        Takes::List,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    outcomes: [@]\n",
        Takes::Text,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities: @\n",
        Takes::List,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - @\n",
        Takes::Keys,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: @\n        term: autumn\n",
        Takes::Text,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: @\n",
        Takes::OneValue,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        benchmarks: @\n",
        Takes::List,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        benchmarks: [@]\n",
        Takes::OneValue,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        audiences: @\n",
        Takes::List,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        audiences: [@]\n",
        Takes::OneValue,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        provider_encounter: @\n",
        Takes::TrueOrFalse,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        date: @\n",
        Takes::OneValue,
    ),
    (
        "programme.yaml",
        "years:\n  - year: 7\n    activities:\n      - title: A\n        term: autumn\n        description: @\n",
        Takes::Text,
    ),
    ("benchmarks.yaml", "assessed: @\n", Takes::OneValue),
    ("benchmarks.yaml", "benchmarks: @\n", Takes::List),
    ("benchmarks.yaml", "benchmarks:\n  - @\n", Takes::Keys),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: @\n",
        Takes::OneValue,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    provision: @\n",
        Takes::Text,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    primary_adaptation: @\n",
        Takes::Text,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    notes: @\n",
        Takes::Text,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements: @\n",
        Takes::List,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements:\n      - @\n",
        Takes::Keys,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements:\n      - requirement: @\n",
        Takes::Text,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements:\n      - requirement: A\n        progress: @\n",
        Takes::OneValue,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements:\n      - requirement: A\n        priority: @\n",
        Takes::OneValue,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements:\n      - requirement: A\n        primary_adaptation: @\n",
        Takes::Text,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements:\n      - requirement: A\n        notes: @\n",
        Takes::Text,
    ),
    (
        "benchmarks.yaml",
        "benchmarks:\n  - benchmark: 1\n    requirements:\n      - requirement: A\n        parts: @\n",
        Takes::List,
    ),
    ("action-plan.yaml", "vision: @\n", Takes::Text),
    ("action-plan.yaml", "current_position: @\n", Takes::Keys),
    (
        "action-plan.yaml",
        "current_position:\n  strengths: @\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "current_position:\n  opportunities: @\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "current_position:\n  aspirations: @\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "current_position:\n  results: @\n",
        Takes::Text,
    ),
    ("action-plan.yaml", "objectives: @\n", Takes::List),
    ("action-plan.yaml", "objectives:\n  - @\n", Takes::Keys),
    (
        "action-plan.yaml",
        "objectives:\n  - title: @\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "objectives:\n  - title: A\n    benchmarks: @\n",
        Takes::List,
    ),
    (
        "action-plan.yaml",
        "objectives:\n  - title: A\n    benchmarks: [@]\n",
        Takes::OneValue,
    ),
    (
        "action-plan.yaml",
        "objectives:\n  - title: A\n    description: @\n",
        Takes::Text,
    ),
    ("action-plan.yaml", "actions: @\n", Takes::List),
    ("action-plan.yaml", "actions:\n  - @\n", Takes::Keys),
    (
        "action-plan.yaml",
        "actions:\n  - benchmark: @\n",
        Takes::OneValue,
    ),
    ("action-plan.yaml", "actions:\n  - area: @\n", Takes::Text),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    provision: @\n",
        Takes::List,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    provision: [@]\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    actions: @\n",
        Takes::List,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    actions:\n      - @\n",
        Takes::Keys,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    actions:\n      - action: @\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    actions:\n      - action: B\n        deadline: @\n",
        Takes::OneValue,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    actions:\n      - action: B\n        who: @\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    success_criteria: @\n",
        Takes::List,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    success_criteria: [@]\n",
        Takes::Text,
    ),
    (
        "action-plan.yaml",
        "actions:\n  - area: A\n    progress: @\n",
        Takes::Text,
    ),
    ("evaluation.yaml", "compass: @\n", Takes::List),
    ("evaluation.yaml", "compass:\n  - @\n", Takes::Keys),
    (
        "evaluation.yaml",
        "compass:\n  - date: @\n    scores: {1: 50}\n",
        Takes::OneValue,
    ),
    (
        "evaluation.yaml",
        "compass:\n  - date: 2026-06-29\n    scores: @\n",
        Takes::Keys,
    ),
    (
        "evaluation.yaml",
        "compass:\n  - date: 2026-06-29\n    scores: {@: 50}\n",
        Takes::OneValue,
    ),
    (
        "evaluation.yaml",
        "compass:\n  - date: 2026-06-29\n    scores: {1: @}\n",
        Takes::OneValue,
    ),
    ("evaluation.yaml", "feedback: @\n", Takes::List),
    ("evaluation.yaml", "feedback:\n  - @\n", Takes::Keys),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: @\n    audience: pupils\n    respondents: 10\n    results: []\n",
        Takes::Text,
    ),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: A\n    date: @\n    audience: pupils\n    respondents: 10\n    results: []\n",
        Takes::OneValue,
    ),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: A\n    audience: @\n    respondents: 10\n    results: []\n",
        Takes::OneValue,
    ),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: A\n    audience: pupils\n    respondents: @\n    results: []\n",
        Takes::WholeNumber,
    ),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: A\n    audience: pupils\n    respondents: 10\n    results: @\n",
        Takes::List,
    ),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: A\n    audience: pupils\n    respondents: 10\n    results:\n      - @\n",
        Takes::Keys,
    ),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: A\n    audience: pupils\n    respondents: 10\n    results:\n      - statement: @\n        agree: 50\n",
        Takes::Text,
    ),
    (
        "evaluation.yaml",
        "feedback:\n  - survey: A\n    audience: pupils\n    respondents: 10\n    results:\n      - statement: B\n        agree: @\n",
        Takes::OneValue,
    ),
    ("evaluation.yaml", "destinations: @\n", Takes::List),
    ("evaluation.yaml", "destinations:\n  - @\n", Takes::Keys),
    (
        "evaluation.yaml",
        "destinations:\n  - year: @\n    leaving: 11\n    cohort: 10\n    routes: {}\n",
        Takes::WholeNumber,
    ),
    (
        "evaluation.yaml",
        "destinations:\n  - year: 2026\n    leaving: @\n    cohort: 10\n    routes: {}\n",
        Takes::OneValue,
    ),
    (
        "evaluation.yaml",
        "destinations:\n  - year: 2026\n    leaving: 11\n    cohort: @\n    routes: {}\n",
        Takes::WholeNumber,
    ),
    (
        "evaluation.yaml",
        "destinations:\n  - year: 2026\n    leaving: 11\n    cohort: 10\n    routes: @\n",
        Takes::Keys,
    ),
    (
        "evaluation.yaml",
        "destinations:\n  - year: 2026\n    leaving: 11\n    cohort: 10\n    routes: {@: 1}\n",
        Takes::OneValue,
    ),
    (
        "evaluation.yaml",
        "destinations:\n  - year: 2026\n    leaving: 11\n    cohort: 10\n    routes: {employment: @}\n",
        Takes::WholeNumber,
    ),
    ("events.yaml", "events: @\n", Takes::List),
    ("events.yaml", "events:\n  - @\n", Takes::Keys),
    (
        "events.yaml",
        "events:\n  - title: @\n    start: 2027-01-28\n",
        Takes::Text,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: @\n",
        Takes::OneValue,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: 2027-01-28\n    end: @\n",
        Takes::OneValue,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: 2027-01-28\n    location: @\n",
        Takes::Text,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: 2027-01-28\n    audiences: @\n",
        Takes::List,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: 2027-01-28\n    audiences: [@]\n",
        Takes::OneValue,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: 2027-01-28\n    benchmarks: @\n",
        Takes::List,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: 2027-01-28\n    benchmarks: [@]\n",
        Takes::OneValue,
    ),
    (
        "events.yaml",
        "events:\n  - title: A\n    start: 2027-01-28\n    description: @\n",
        Takes::Text,
    ),
    ("pupils/page.md", "---\ntitle: @\n---\n", Takes::Text),
    ("pupils/page.md", "---\ndescription: @\n---\n", Takes::Text),
    ("pupils/page.md", "---\ndate: @\n---\n", Takes::OneValue),
    ("pupils/page.md", "---\ndraft: @\n---\n", Takes::TrueOrFalse),
    (
        "pupils/page.md",
        "---\nweight: @\n---\n",
        Takes::WholeNumber,
    ),
    ("pupils/page.md", "---\norder: @\n---\n", Takes::WholeNumber),
    ("pupils/page.md", "---\naudiences: @\n---\n", Takes::List),
    (
        "pupils/page.md",
        "---\naudiences: [@]\n---\n",
        Takes::OneValue,
    ),
    ("pupils/page.md", "---\nbenchmarks: @\n---\n", Takes::List),
    (
        "pupils/page.md",
        "---\nbenchmarks: [@]\n---\n",
        Takes::OneValue,
    ),
    ("pupils/page.md", "---\ntemplate: @\n---\n", Takes::Text),
    ("pupils/page.md", "---\nextra: @\n---\n", Takes::Keys),
];

/// Words from Rust and serde that mean nothing to a careers leader.
const JARGON: &[&str] = &[
    "i8",
    "i16",
    "i32",
    "i64",
    "u8",
    "u16",
    "u32",
    "u64",
    "f64",
    "usize",
    "sequence",
    "expected a map",
    "expected a string",
    "boolean",
    "struct",
    "variant",
    "enum",
    "invalid type",
    "unit value",
    "Option",
    "integer",
    "floating point",
];

/// How the value is named back to the careers leader.
fn named(value: &str) -> String {
    match value.chars().next() {
        Some('[') => "a list".to_string(),
        Some('{') => "a set of keys".to_string(),
        _ => format!("`{value}`"),
    }
}

#[test]
fn no_value_of_the_wrong_type_in_any_field_is_explained_in_rust_terms() {
    let mut failures = Vec::new();
    for &(file, template, takes) in FIELDS {
        for value in takes.wrong_values() {
            let text = template.replace('@', value);
            let site = TestSite::new();
            site.write(&format!("content/{file}"), &text);
            let err = site.run(&["build"]).stderr();
            let (line, _) = position_of(&text, value);
            let case = format!("{file} with {value} in\n{text}");
            if !err.contains(&format!("content/{file}:{line}:")) {
                failures.push(format!("{case}does not name line {line}:\n{err}"));
            } else if let Some(word) = JARGON.iter().find(|word| err.contains(*word)) {
                failures.push(format!("{case}says {word:?}:\n{err}"));
            } else if !err.contains(&format!("{} is not", named(value))) {
                failures.push(format!("{case}does not name {}:\n{err}", named(value)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the wrong values are not explained plainly:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
