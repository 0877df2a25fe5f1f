//! The kind of school a site is for (`school.phase`): `careersite init --phase` starts each
//! kind from an example that builds and passes `check`; careersite's own words follow the
//! phase, so that a primary school's site says nothing meant for secondary schools; and
//! `check` warns of content that does not fit the phase, with both ways to put it right.

mod common;

use std::ffi::OsStr;
use std::path::Path;

use common::{TestSite, careersite};
use serde_json::Value;

const PHASES: [&str; 5] = ["primary", "secondary", "all-through", "special", "college"];

/// A site started by `careersite init` with `options`.
fn started(options: &[&str]) -> TestSite {
    let site = TestSite::new();
    std::fs::remove_dir(site.root().join("content")).unwrap();
    let mut args: Vec<&OsStr> = vec![OsStr::new("init"), site.root().as_os_str()];
    args.extend(options.iter().map(OsStr::new));
    careersite(&args).success();
    site
}

/// Words that belong to secondary schools and what comes after them: ages, the year groups from
/// Year 7, sixth forms, the provider access duty, qualifications and interviews.
const SECONDARY_ONLY: [&str; 25] = [
    "age of 11",
    "age of 16",
    "by 16",
    "by 18",
    "Year 7",
    "Year 8",
    "Year 9",
    "Year 10",
    "Year 11",
    "Year 12",
    "Year 13",
    "sixth form",
    "sixth-form",
    "provider access",
    "provider encounter",
    "technical education",
    "apprenticeship",
    "GCSE",
    "A level",
    "T Level",
    "post-16",
    "guidance interview",
    "careers adviser",
    "work experience",
    "mock interview",
];

/// Whether `text` has `phrase`, or its plural, as words of its own: not "at levels" for
/// "t level", nor "Year 1" in "Year 10".
fn has_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let rest = &text[at + phrase.len()..];
        let after = rest.strip_prefix('s').unwrap_or(rest).chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn a_primary_school_started_by_init_says_nothing_meant_for_secondary_schools() {
    let site = started(&["--phase", "primary"]);
    site.build();
    site.run(&["check", "--strict"]).success();
    let mut found = Vec::new();
    for (page, bytes) in site.snapshot() {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap().to_lowercase();
        for phrase in SECONDARY_ONLY {
            if has_words(&html, &phrase.to_lowercase()) {
                found.push(format!("{page}: {phrase:?}"));
            }
        }
    }
    assert!(found.is_empty(), "secondary wording:\n{}", found.join("\n"));
}

#[test]
fn init_starts_every_phase_from_an_example_that_builds_and_passes_check_under_strict() {
    for phase in PHASES {
        let site = started(&["--phase", phase]);
        let site_yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
        assert!(
            site_yaml.contains(&format!("\n  phase: {phase}\n")),
            "{site_yaml}"
        );
        site.build();
        let check = site.run(&["check", "--strict"]);
        assert!(
            check.0.status.success() && check.stdout().contains(" 0 errors, 0 warnings"),
            "{phase}: {}",
            check.stdout()
        );
    }
}

#[test]
fn init_names_the_school_in_its_header_and_on_its_home_page() {
    let name = "St Mary's: \"Lower\" School";
    for phase in PHASES {
        let site = started(&["--phase", phase, "--name", name]);
        site.build();
        site.run(&["check", "--strict"]).success();
        let home = site.page("index.html");
        assert_eq!(home.text(".school-name"), name, "{phase}");
        assert!(
            home.text("h1").ends_with(name),
            "{phase}: {}",
            home.text("h1")
        );
        let site_yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
        assert!(
            site_yaml.contains("\n  name: \"St Mary's: \\\"Lower\\\" School\"\n"),
            "{site_yaml}"
        );
    }
}

#[test]
fn init_without_a_phase_starts_from_the_secondary_example_as_it_is() {
    let site = started(&[]);
    let example = common::repo_root().join("content");
    let walk = walkdir::WalkDir::new(&example)
        .into_iter()
        .filter_entry(|entry| !entry.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let path = entry.path().strip_prefix(&example).unwrap();
            let mut expected = std::fs::read(entry.path()).unwrap();
            // A data file gains the line naming its schema, for editors.
            if let Some(name) = common::DATA_FILES
                .iter()
                .find(|name| path == Path::new(name))
            {
                let line = format!(
                    "# yaml-language-server: $schema=.schemas/{}\n",
                    common::schema_file(name)
                );
                expected.splice(0..0, line.into_bytes());
            }
            assert_eq!(
                std::fs::read(site.root().join("content").join(path)).unwrap(),
                expected,
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn init_refuses_a_phase_it_does_not_know_naming_the_five_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("school");
    let run = careersite(&[
        OsStr::new("init"),
        folder.as_os_str(),
        OsStr::new("--phase"),
        OsStr::new("grammar"),
    ])
    .failure();
    assert!(
        run.stderr()
            .contains("invalid value 'grammar' for '--phase <PHASE>': use primary, secondary, all-through, special or college"),
        "{}",
        run.stderr()
    );
    assert!(!folder.exists());
}

#[test]
fn init_with_a_phase_never_overwrites() {
    let site = started(&["--phase", "primary"]);
    let before = std::fs::read(site.root().join("content/site.yaml")).unwrap();
    let again = careersite(&[
        OsStr::new("init"),
        site.root().as_os_str(),
        OsStr::new("--phase"),
        OsStr::new("college"),
        OsStr::new("--name"),
        OsStr::new("Another"),
    ])
    .failure();
    assert!(
        again.stderr().contains("never overwrites"),
        "{}",
        again.stderr()
    );
    assert_eq!(
        std::fs::read(site.root().join("content/site.yaml")).unwrap(),
        before
    );
}

#[test]
fn each_phase_is_told_what_the_benchmarks_ask_of_it() {
    for (phase, guidance) in [
        (
            "primary",
            "Pupils have chances to talk about their future, and what they hope to do, with adults they trust, such as their teachers.",
        ),
        (
            "secondary",
            "Every pupil has a guidance interview with a qualified careers adviser by the age of 16, and another by 18, timed to when they make choices.",
        ),
        (
            "all-through",
            "In the primary years pupils talk about their future",
        ),
        ("special", "timed to their needs"),
        ("college", "before the end of their study programme"),
    ] {
        let site = started(&["--phase", phase]);
        site.build();
        let lead = site.page("benchmarks/8/index.html").text(".lead");
        assert!(lead.contains(guidance), "{phase}: {lead}");
        let overview = site.page("benchmarks/index.html");
        assert!(
            overview.text(".benchmark-list").contains(guidance),
            "{phase}: the overview says the same"
        );
    }
}

/// A site whose site.yaml says `phase` and whose programme describes `years` (Reception as 0),
/// each with an activity serving every benchmark.
fn school(phase: &str, years: &[u8]) -> TestSite {
    let site = TestSite::new();
    let mut programme = String::from(
        "summary: S\naccess: {pupils: a, parents: b, staff: c, employers: d}\nimpact: I\nyears:\n",
    );
    for &year in years {
        let year = match year {
            0 => "Reception".to_string(),
            n => n.to_string(),
        };
        programme.push_str(&format!(
            "  - year: {year}\n    activities:\n      - {{title: Everything, term: autumn, benchmarks: [1, 2, 3, 4, 5, 6, 7, 8]}}\n"
        ));
    }
    site.write("content/site.yaml", format!("school:\n  phase: {phase}\n"))
        .write("content/programme.yaml", programme);
    site
}

/// The findings of `check --format json` with the code `PHASE`.
fn phase_warnings(site: &TestSite) -> Vec<Value> {
    let run = site.run(&["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout()).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PHASE")
        .cloned()
        .collect()
}

/// Asserts that `finding` is a warning at `file`:`line` that says `message` and how to fix it.
fn assert_warning(finding: &Value, file: &str, line: u64, message: &str, help: &str) {
    assert_eq!(finding["severity"], "warning", "{finding:#}");
    assert_eq!(finding["file"], file, "{finding:#}");
    assert_eq!(finding["line"], line, "{finding:#}");
    assert_eq!(finding["message"], message, "{finding:#}");
    assert_eq!(finding["help"], help, "{finding:#}");
}

#[test]
fn a_primary_school_whose_programme_has_secondary_years_is_warned_at_each() {
    let site = school("primary", &[0, 1, 2, 3, 4, 5, 6, 7, 8]);
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    let help = "set `school.phase: all-through` in site.yaml, or remove Year 7 to Year 8 from programme.yaml";
    assert_warning(
        &warnings[0],
        "content/programme.yaml",
        26,
        "programme.yaml describes Year 7, but site.yaml says this is a primary school, which has no Year 7",
        help,
    );
    assert_warning(
        &warnings[1],
        "content/programme.yaml",
        29,
        "programme.yaml describes Year 8, but site.yaml says this is a primary school, which has no Year 8",
        help,
    );
}

#[test]
fn a_primary_school_whose_year_groups_run_past_year_6_is_warned() {
    let site = school("primary", &[0, 1, 2, 3, 4, 5, 6]);
    site.write(
        "content/site.yaml",
        "school:\n  phase: primary\n  years: Reception to Year 7\n",
    );
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_warning(
        &warnings[0],
        "content/site.yaml",
        3,
        "the school's year groups, Reception to Year 7, include Year 7, but site.yaml says this is a primary school",
        "set `school.phase: all-through` in site.yaml, or remove Year 7 from `years:` under `school:`",
    );
}

#[test]
fn a_primary_school_with_a_provider_access_policy_is_warned_and_publishes_none() {
    let site = school("primary", &[0, 1, 2, 3, 4, 5, 6]);
    site.write(
        "content/site.yaml",
        "school:\n  phase: primary\nprovider_access:\n  how_to_request: Email us.\n",
    );
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_warning(
        &warnings[0],
        "content/site.yaml",
        3,
        "primary schools have no provider access duty, so this provider access policy is not published",
        "remove `provider_access:` from site.yaml, or, if the school has pupils in Years 8 to 13, set `school.phase: all-through`",
    );
    site.build();
    assert!(!site.exists("provider-access/index.html"));
    for (page, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("provider-access/"), "{page} links to it");
        assert!(!text.contains("Provider access"), "{page} names it");
    }
}

#[test]
fn a_primary_school_with_an_encounter_with_providers_is_warned_and_the_activity_is_not_tagged() {
    let site = school("primary", &[0, 1, 2, 3, 4, 5]);
    let programme = std::fs::read_to_string(site.root().join("content/programme.yaml")).unwrap();
    site.write(
        "content/programme.yaml",
        programme
            + "  - year: 6\n    activities:\n      - {title: College visit, term: summer, benchmarks: [1, 2, 3, 4, 5, 6, 7, 8], provider_encounter: true}\n",
    );
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_warning(
        &warnings[0],
        "content/programme.yaml",
        23,
        "“College visit” in Year 6 is marked as an encounter with providers of technical education or apprenticeships, which the law asks of secondary schools; a primary school's site does not show it as one",
        "remove `provider_encounter: true` from the activity, or set `school.phase: all-through` in site.yaml",
    );
    site.build();
    let page = site.page("careers-programme/year-by-year/index.html");
    assert!(page.texts(".tag").is_empty(), "{:?}", page.texts(".tag"));
}

#[test]
fn a_primary_school_with_destinations_is_warned_and_publishes_none() {
    let site = school("primary", &[0, 1, 2, 3, 4, 5, 6]);
    site.write(
        "content/evaluation.yaml",
        "compass:\n  - {date: 2026-07-10, scores: {1: 80}}\ndestinations:\n  - {year: 2026, leaving: Year 6, cohort: 30, routes: {unknown: 30}}\n",
    );
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_warning(
        &warnings[0],
        "content/evaluation.yaml",
        3,
        "a primary school's pupils go on to secondary school, not to the routes destinations count, so these destinations are not published",
        "remove `destinations:` from evaluation.yaml, or, if the school has pupils leaving Year 11 or Year 13, set `school.phase: all-through` in site.yaml",
    );
    site.build();
    let page = site.page("careers-programme/evaluation/index.html");
    assert!(
        !page.text("main").contains("leavers"),
        "{}",
        page.text("main")
    );
}

#[test]
fn a_college_whose_programme_has_years_before_year_10_is_warned() {
    let site = school("college", &[9, 12, 13]);
    site.write(
        "content/site.yaml",
        "school:\n  phase: college\n  years: Year 9 to Year 13\n",
    );
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert_warning(
        &warnings[0],
        "content/programme.yaml",
        5,
        "programme.yaml describes Year 9, but site.yaml says this is a college, which has no Year 9",
        "set `school.phase: secondary` or `all-through` in site.yaml, or remove Year 9 from programme.yaml",
    );
    assert_warning(
        &warnings[1],
        "content/site.yaml",
        3,
        "the school's year groups, Year 9 to Year 13, include Year 9, but site.yaml says this is a college",
        "set `school.phase: secondary` or `all-through` in site.yaml, or remove Year 9 from `years:` under `school:`",
    );
}

#[test]
fn a_secondary_school_whose_programme_starts_in_reception_is_warned() {
    let site = school("secondary", &[0, 7, 8, 9, 10, 11]);
    site.write(
        "content/site.yaml",
        "school:\n  phase: secondary\n  years: Reception to Year 11\n",
    );
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert_eq!(
        warnings[0]["message"],
        "programme.yaml describes Reception, but site.yaml says this is a secondary school, which has no Reception"
    );
    assert_eq!(
        warnings[1]["message"],
        "the school's year groups, Reception to Year 11, include Reception to Year 4, but site.yaml says this is a secondary school"
    );
    assert_eq!(
        warnings[1]["help"],
        "set `school.phase: all-through` in site.yaml, or remove Reception to Year 4 from `years:` under `school:`"
    );
}

#[test]
fn a_middle_school_deemed_secondary_from_year_5_is_not_warned() {
    let site = school("secondary", &[5, 6, 7, 8]);
    assert_eq!(phase_warnings(&site), Vec::<Value>::new());
}

#[test]
fn an_all_through_school_with_no_primary_years_is_warned() {
    let site = school("all-through", &[7, 8, 9, 10, 11]);
    let warnings = phase_warnings(&site);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_warning(
        &warnings[0],
        "content/programme.yaml",
        4,
        "site.yaml says this is an all-through school, but its year groups, Year 7 to Year 11, have no primary years",
        "set `school.phase: secondary` in site.yaml, or give the school's year groups from Reception (or Year 1) to Year 11 or Year 13 as `years:` under `school:`",
    );
}

#[test]
fn a_secondary_school_shows_its_primary_adaptations_as_adapting_the_benchmark_for_primary_pupils() {
    // Every school's grid has the column; a secondary school may fill it in for its work with
    // partner primary schools. "In a primary school" would read as if it were one.
    let site = school("secondary", &[7, 8, 9, 10, 11]);
    site.write(
        "content/benchmarks.yaml",
        "benchmarks:\n  - benchmark: 6\n    requirements:\n      - requirement: Workplace experience by 16\n        progress: green\n        primary_adaptation: Workplace visits.\n    primary_adaptation: Visits with our partner primary schools.\n",
    );
    assert_eq!(phase_warnings(&site), Vec::<Value>::new());
    site.build();
    let page = site.page("benchmarks/6/index.html");
    assert_eq!(
        page.texts(".assessment thead th"),
        [
            "Requirement",
            "Progress",
            "Priority (1 is highest)",
            "Adaptation for primary",
            "Notes"
        ]
    );
    assert!(
        page.texts("h2")
            .contains(&"Adapting it for primary pupils".to_string())
    );
    assert!(!page.text("main").contains("In a primary school"));
}

#[test]
fn an_all_through_self_assessment_shows_its_primary_adaptations_under_the_primary_years() {
    let site = school("all-through", &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    site.write(
        "content/benchmarks.yaml",
        "benchmarks:\n  - benchmark: 6\n    requirements:\n      - requirement: Workplace experience by 16\n        progress: green\n        primary_adaptation: Workplace visits.\n    primary_adaptation: Visits instead.\n",
    );
    assert_eq!(phase_warnings(&site), Vec::<Value>::new());
    site.build();
    let page = site.page("benchmarks/6/index.html");
    assert!(
        page.texts(".assessment thead th")
            .contains(&"Adaptation for primary".to_string())
    );
    assert!(
        page.texts("h2")
            .contains(&"In the primary years".to_string())
    );
}

#[test]
fn the_provider_access_statement_claims_the_sixth_form_pair_only_with_a_sixth_form() {
    let site = TestSite::example();
    site.build();
    let entitlement = |site: &TestSite| {
        site.page("provider-access/index.html")
            .texts("h2 + p + ul > li")
    };
    assert_eq!(
        entitlement(&site),
        [
            "two in Year 8 or Year 9, for every pupil;",
            "two in Year 10 or Year 11, for every pupil;",
            "two in Year 12 or Year 13, for pupils in the sixth form."
        ]
    );
    site.edit(
        "content/site.yaml",
        "years: Year 7 to Year 13",
        "years: Year 7 to Year 11",
    );
    let programme = std::fs::read_to_string(site.root().join("content/programme.yaml")).unwrap();
    let without_sixth_form = &programme[..programme.find("  - year: 12\n").unwrap()];
    site.write("content/programme.yaml", without_sixth_form);
    site.build();
    let page = site.page("provider-access/index.html");
    assert!(
        page.text("main")
            .contains("We arrange at least four encounters with providers during the school day:"),
        "{}",
        page.text("main")
    );
    assert_eq!(
        entitlement(&site),
        [
            "two in Year 8 or Year 9, for every pupil;",
            "two in Year 10 or Year 11, for every pupil."
        ]
    );
    assert!(!page.text("main").contains("sixth form"));
    assert!(
        !page.text("main").contains("Year 12"),
        "the encounters listed are those planned"
    );
}

#[test]
fn a_college_is_asked_for_each_experience_by_the_end_of_its_learners_study_programme() {
    let site = school("college", &[12, 13]);
    site.edit(
        "content/programme.yaml",
        "benchmarks: [1, 2, 3, 4, 5, 6, 7, 8]}\n  - year: 13",
        "benchmarks: [1, 2, 3, 4, 5, 7]}\n  - year: 13",
    )
    .edit(
        "content/programme.yaml",
        "benchmarks: [1, 2, 3, 4, 5, 6, 7, 8]}\n",
        "benchmarks: [1, 2, 3, 4, 5, 8], provider_encounter: true}\n",
    );
    let run = site.run(&["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout()).unwrap();
    let messages: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| ["B6", "B7", "B8", "P4"].contains(&f["code"].as_str().unwrap()))
        .map(|f| (f["code"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                "P4",
                "Years 12 and 13 have 1 encounter with providers of technical education or apprenticeships; the law asks for two"
            ),
            (
                "B6",
                "learners have no activity giving them an experience of a workplace by the end of their study programme (Benchmark 6)"
            ),
            (
                "B6",
                "no activity in the programme serves Benchmark 6: Experiences of workplaces"
            ),
        ],
        "nothing is asked by Year 11, nor of Years 8 to 11, which a college does not have"
    );
}
