//! `careersite import`: figures and dates brought in from where schools keep them change only
//! the part of the data file the import owns, say what they changed, and publish nothing a
//! careers leader did not have before: the DfE's hidden numbers stay hidden.

mod common;

use common::{TestSite, repo_root};

fn fixture(name: &str) -> String {
    repo_root()
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn evaluation(site: &TestSite) -> String {
    std::fs::read_to_string(site.root().join("content/evaluation.yaml")).unwrap()
}

fn import_dfe(site: &TestSite) -> common::Run {
    let file = fixture("dfe-ks4-destinations.csv");
    site.run(&["import", "destinations", &file, "--urn", "100001"])
}

/// The rows of the destinations table under the heading with id `id`.
fn destinations_table(site: &TestSite, id: &str) -> Vec<Vec<String>> {
    site.page("careers-programme/evaluation/index.html")
        .rows(&format!("#{id} ~ .table-scroll tbody tr"))
        .into_iter()
        .take(8)
        .collect()
}

#[test]
fn the_dfe_figures_for_the_school_are_published_with_their_hidden_numbers_still_hidden() {
    let site = TestSite::example();
    let run = import_dfe(&site).success();
    let said = run.stdout();
    assert!(said.contains("Added:\n  Year 11 leavers of 2023\n  Year 11 leavers of 2022\n  Year 11 leavers of 2021\n  Year 11 leavers of 2020\n"), "{said}");
    site.build();
    let rows = destinations_table(&site, "destinations-2022-year-11");
    let row = |route: &str| -> Vec<String> {
        rows.iter()
            .find(|row| row[0] == route)
            .unwrap_or_else(|| panic!("no row for {route}: {rows:?}"))
            .clone()
    };
    assert_eq!(row("School sixth form"), ["School sixth form", "82", "45%"]);
    assert_eq!(
        row("Further education college"),
        ["Further education college", "58", "32%"]
    );
    // The DfE's `c` is published as `c`, never worked out from the cohort.
    assert_eq!(row("Other education, such as a specialist college")[1], "c");
    assert_eq!(row("Not known")[1], "c");
    let page = site.page("careers-programme/evaluation/index.html");
    assert!(
        page.text("main")
            .contains("Department for Education’s destination measures")
    );
    // Another school's rows, a group of pupils and the percentages are not brought in.
    let yaml = evaluation(&site);
    assert!(!yaml.contains("cohort: 120"), "{yaml}");
    assert!(!yaml.contains("cohort: 41"), "{yaml}");
    assert_eq!(yaml.matches("source: dfe").count(), 4, "{yaml}");
}

#[test]
fn revised_figures_win_over_provisional_and_a_year_with_the_schools_own_figures_is_left_alone() {
    let site = TestSite::example();
    let said = import_dfe(&site).success().stdout();
    let yaml = evaluation(&site);
    // 2020/21 (the 2020 leavers) is in the file as provisional (cohort 170) and revised (171).
    assert!(
        yaml.contains("  - year: 2020\n    leaving: Year 11\n    source: dfe\n    cohort: 171\n"),
        "{yaml}"
    );
    // The example's own 2024 figures stay; publishing both would give hidden numbers away.
    assert!(
        said.contains(
            "Not imported:\n  Year 11 leavers of 2024: evaluation.yaml has your own figures"
        ),
        "{said}"
    );
    assert_eq!(yaml.matches("year: 2024").count(), 1);
}

#[test]
fn an_import_changes_only_its_own_lines_and_a_second_import_changes_nothing() {
    let site = TestSite::example();
    let before = evaluation(&site);
    import_dfe(&site).success();
    let after = evaluation(&site);
    // Everything the careers leader wrote, comments included, is still there, in order.
    assert!(
        after.starts_with(&before),
        "the import changed lines it does not own"
    );
    assert!(after.contains("# Destination counts under 6, and counts that would reveal them"));
    let said = import_dfe(&site).success().stdout();
    assert!(said.contains("up to date: nothing was written"), "{said}");
    assert_eq!(evaluation(&site), after);
}

#[test]
fn a_dry_run_says_what_would_change_and_changes_nothing() {
    let site = TestSite::example();
    let before = evaluation(&site);
    let file = fixture("dfe-ks4-destinations.csv");
    let said = site
        .run(&[
            "import",
            "destinations",
            &file,
            "--urn",
            "100001",
            "--dry-run",
        ])
        .success()
        .stdout();
    assert!(said.contains("Added:"), "{said}");
    assert!(said.contains("Nothing was written (--dry-run)"), "{said}");
    assert_eq!(evaluation(&site), before);
}

#[test]
fn a_spreadsheet_saved_by_excel_updates_the_schools_own_years() {
    // The fixture has a byte-order mark, Windows line endings and a header with commas in quotes.
    let site = TestSite::example();
    let file = fixture("school-destinations.csv");
    let said = site
        .run(&["import", "destinations", &file])
        .success()
        .stdout();
    assert!(
        said.contains("Added:\n  Year 11 leavers of 2023\n"),
        "{said}"
    );
    assert!(
        said.contains("Changed:\n  Year 11 leavers of 2026\n"),
        "{said}"
    );
    assert!(
        said.contains("Already up to date:\n  Year 13 leavers of 2026\n"),
        "{said}"
    );
    assert!(said.contains("Left alone (not in the file imported):\n  Year 11 leavers of 2025\n  Year 11 leavers of 2024\n"), "{said}");
    let yaml = evaluation(&site);
    assert!(yaml.contains("      school-sixth-form: 87\n"), "{yaml}");
    // Newest first, as the file lists them: 2023 goes after 2024.
    let at = |text: &str| yaml.find(text).unwrap();
    assert!(at("year: 2024") < at("year: 2023"), "{yaml}");
    site.build();
}

#[test]
fn the_file_keeps_its_windows_line_endings() {
    let site = TestSite::example();
    let crlf = evaluation(&site).replace('\n', "\r\n");
    site.write("content/evaluation.yaml", &crlf);
    import_dfe(&site).success();
    let after = std::fs::read(site.root().join("content/evaluation.yaml")).unwrap();
    let text = String::from_utf8(after).unwrap();
    assert!(text.starts_with(&crlf));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
}

#[test]
fn a_malformed_row_is_named_by_its_line_and_column_and_nothing_is_written() {
    let site = TestSite::example();
    let before = evaluation(&site);
    let text = std::fs::read_to_string(fixture("dfe-ks4-destinations.csv")).unwrap();
    let broken = text.replacen(",82,10,c,14,6,9,c", ",82,10,c,fourteen,6,9,c", 1);
    site.write("riverside.csv", &broken);
    let file = site.root().join("riverside.csv");
    let run = site
        .run(&[
            "import",
            "destinations",
            file.to_str().unwrap(),
            "--urn",
            "100001",
        ])
        .failure();
    let err = run.stderr();
    assert!(err.contains("riverside.csv:4:"), "{err}");
    assert!(
        err.contains("column \"appren\": `fourteen` is not a number of pupils"),
        "{err}"
    );
    assert!(
        err.contains("careersite stopped, and changed no file"),
        "{err}"
    );
    assert_eq!(evaluation(&site), before);
}

#[test]
fn a_dfe_file_needs_the_schools_urn_and_a_urn_with_no_rows_is_named() {
    let site = TestSite::example();
    let file = fixture("dfe-ks4-destinations.csv");
    let err = site
        .run(&["import", "destinations", &file])
        .failure()
        .stderr();
    assert!(err.contains("--urn 123456"), "{err}");
    let err = site
        .run(&["import", "destinations", &file, "--urn", "999999"])
        .failure()
        .stderr();
    assert!(
        err.contains("no rows for the school with URN 999999"),
        "{err}"
    );
}

#[test]
fn a_school_with_no_destinations_yet_gets_the_list_at_the_end_of_its_file() {
    let site = TestSite::new();
    site.write(
        "content/evaluation.yaml",
        "# Our evaluation.\n\ncompass: []\n",
    );
    import_dfe(&site).success();
    let yaml = evaluation(&site);
    assert!(
        yaml.starts_with("# Our evaluation.\n\ncompass: []\n\ndestinations:\n  - year: 2024\n"),
        "{yaml}"
    );
}

const CALENDAR_CATEGORIES: &str = "
calendar:
  categories:
    Careers:
      benchmarks: [2]
    Parents:
      audiences: [parents]
    Pupils:
      audiences: [pupils]
";

/// The example school, with site.yaml saying which calendar categories are careers events.
fn calendar_site() -> TestSite {
    let site = TestSite::example();
    let config = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", config + CALENDAR_CATEGORIES);
    site
}

fn events_yaml(site: &TestSite) -> String {
    std::fs::read_to_string(site.root().join("content/events.yaml")).unwrap()
}

fn import_calendar(site: &TestSite) -> common::Run {
    let file = fixture("school-calendar.ics");
    site.run(&["import", "events", &file])
}

/// The events of the feed `name` in the built site, read by the `icalendar` crate's parser:
/// (summary, DTSTART).
fn feed(site: &TestSite, name: &str) -> Vec<(String, String)> {
    use icalendar::Component;
    let text = std::fs::read_to_string(site.output().join("events").join(name)).unwrap();
    let calendar: icalendar::Calendar = text.parse().unwrap();
    calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            (
                e.get_summary().unwrap_or_default().to_string(),
                e.property_value("DTSTART").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn calendar_events_reach_the_events_page_and_the_feeds_of_their_audiences() {
    let site = calendar_site();
    let said = import_calendar(&site).success().stdout();
    assert!(
        said.contains("  Careers drop-in, 2026-11-25T12:30\n"),
        "{said}"
    );
    site.build();
    // The weekly drop-in is for pupils; 25 November is GMT, so 12:30 is 12:30 UTC.
    let pupils = feed(&site, "pupils.ics");
    assert!(
        pupils.contains(&(
            "Careers drop-in".to_string(),
            "20261125T123000Z".to_string()
        )),
        "{pupils:?}"
    );
    assert!(
        !feed(&site, "parents.ics")
            .iter()
            .any(|(title, _)| title == "Careers drop-in")
    );
    // The New York talk at 1 pm there is 6 pm here, for everyone.
    let everyone = feed(&site, "calendar.ics");
    assert!(
        everyone.contains(&(
            "Studying in the USA: a university talk".to_string(),
            "20261110T180000Z".to_string()
        )),
        "{everyone:?}"
    );
    let page = site.page("events/index.html");
    assert!(page.text("main").contains("Careers drop-in"));
    // Moved by the calendar for one week, and shown where it was moved to.
    let yaml = events_yaml(&site);
    assert!(
        yaml.contains("title: Careers drop-in (moved to Thursday)\n    start: 2026-11-19T13:00"),
        "{yaml}"
    );
    // The week the calendar skipped (EXDATE) is not there.
    assert!(!yaml.contains("start: 2026-10-28"), "{yaml}");
}

#[test]
fn nothing_private_in_the_calendar_reaches_the_site() {
    let site = calendar_site();
    let said = import_calendar(&site).success().stdout();
    assert!(
        said.contains("An event (line 107): marked private in the calendar"),
        "{said}"
    );
    assert!(
        said.contains("Employer breakfast (line 117): cancelled in the calendar"),
        "{said}"
    );
    site.build();
    let yaml = events_yaml(&site);
    for private in [
        "p.shah@",
        "d.okoro",
        "year9-parents",
        "Daniel Okoro",
        "Staff meeting",
        "BUSYSTATUS",
    ] {
        assert!(!yaml.contains(private), "events.yaml has {private}");
        for (name, bytes) in site.snapshot() {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(private), "{name} has {private}");
        }
    }
}

#[test]
fn a_second_import_of_the_calendar_changes_nothing_and_the_comments_stay() {
    let site = calendar_site();
    let before = events_yaml(&site);
    import_calendar(&site).success();
    let after = events_yaml(&site);
    assert!(
        after.starts_with("# Careers events at Riverside Academy."),
        "{after}"
    );
    // Every line the careers leader wrote is still there, in the same order.
    let mut rest = after.as_str();
    for line in before.lines() {
        let at = rest.find(line).unwrap_or_else(|| panic!("lost {line:?}"));
        rest = &rest[at + line.len()..];
    }
    let said = import_calendar(&site).success().stdout();
    assert!(
        said.contains("content/events.yaml is up to date: nothing was written."),
        "{said}"
    );
    assert_eq!(events_yaml(&site), after);
}

#[test]
fn an_event_the_careers_leader_wrote_by_hand_is_not_added_twice() {
    let site = calendar_site();
    let said = import_calendar(&site).success().stdout();
    assert!(
        said.contains(
            "Year 9 options evening, 2027-01-28T18:00: events.yaml has it already, as you wrote it"
        ),
        "{said}"
    );
    assert_eq!(
        events_yaml(&site)
            .matches("title: Year 9 options evening")
            .count(),
        1
    );
}

#[test]
fn events_in_no_careers_category_are_left_out_and_said_so() {
    let site = calendar_site();
    let said = import_calendar(&site).success().stdout();
    assert!(
        said.contains("1 event in no careers category of site.yaml's `calendar: categories:`"),
        "{said}"
    );
}

#[test]
fn a_calendar_with_a_mistake_is_refused_at_its_line_and_nothing_is_written() {
    let site = calendar_site();
    let before = events_yaml(&site);
    let text = std::fs::read_to_string(fixture("school-calendar.ics")).unwrap();
    let broken = text.replacen("DTSTART:20270301T084500Z", "DTSTART:20271301T084500Z", 1);
    let line = broken[..broken.find("DTSTART:20271301").unwrap()]
        .matches('\n')
        .count()
        + 1;
    site.write("school.ics", &broken);
    let file = site.root().join("school.ics");
    let err = site
        .run(&["import", "events", file.to_str().unwrap()])
        .failure()
        .stderr();
    assert!(err.contains(&format!("school.ics:{line}:")), "{err}");
    assert!(err.contains("20271301"), "{err}");
    assert!(
        err.contains("careersite stopped, and changed no file"),
        "{err}"
    );
    assert_eq!(events_yaml(&site), before);
}

/// A copy of the example at `folder` (`""` for the bundled school, or `examples/plans`).
fn example_at(folder: &str) -> TestSite {
    let site = TestSite::new();
    let from = repo_root().join(folder).join("content");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = site
            .root()
            .join("content")
            .join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    site
}

fn exported(site: &TestSite, part: &str) -> Vec<u8> {
    site.run(&["export", part]).success().0.stdout
}

/// `file` with its top-level `key:` and everything under it taken out.
fn without(site: &TestSite, file: &str, key: &str) {
    let path = site.root().join("content").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut kept = Vec::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with(&format!("{key}:")) {
            skipping = true;
            continue;
        }
        if skipping && !line.is_empty() && !line.starts_with([' ', '-', '#']) {
            skipping = false;
        }
        if !skipping {
            kept.push(line);
        }
    }
    std::fs::write(path, kept.join("\n") + "\n").unwrap();
}

#[test]
fn the_grid_and_the_plan_come_back_from_a_spreadsheet_byte_for_byte() {
    for (folder, parts) in [
        (
            "",
            &[
                ("grid", "benchmarks.yaml", "benchmarks"),
                ("plan", "action-plan.yaml", "actions"),
            ][..],
        ),
        (
            "examples/plans",
            &[
                ("grid", "benchmarks.yaml", "benchmarks"),
                ("plan", "action-plan.yaml", "actions"),
            ][..],
        ),
        (
            "examples/primary",
            &[("grid", "benchmarks.yaml", "benchmarks")][..],
        ),
    ] {
        for &(part, file, key) in parts {
            let site = example_at(folder);
            let first = exported(&site, part);
            assert!(
                first.starts_with("\u{feff}".as_bytes()),
                "a byte-order mark for Excel"
            );
            site.write(&format!("{part}.csv"), &first);
            // Written back into a file that has lost its grid or plan altogether, the
            // spreadsheet makes the same one again.
            without(&site, file, key);
            let csv = site.root().join(format!("{part}.csv"));
            site.run(&["import", part, csv.to_str().unwrap()]).success();
            assert_eq!(
                String::from_utf8(exported(&site, part)).unwrap(),
                String::from_utf8(first.clone()).unwrap(),
                "{folder} {part}"
            );
            site.build();
            // And imported again, it changes nothing.
            let said = site
                .run(&["import", part, csv.to_str().unwrap()])
                .success()
                .stdout();
            assert!(
                said.contains("up to date: nothing was written"),
                "{folder} {part}: {said}"
            );
        }
    }
}

#[test]
fn a_grid_saved_by_excel_changes_only_the_benchmarks_it_changes() {
    let site = TestSite::example();
    let path = site.root().join("content/benchmarks.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let file = fixture("grid-excel.csv");
    let said = site.run(&["import", "grid", &file]).success().stdout();
    assert!(said.contains("Changed:\n  Benchmark 1\n"), "{said}");
    assert!(
        said.contains("Already up to date:\n  Benchmark 2\n"),
        "{said}"
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("          - requirement: Employers\n            progress: green\n            notes: Employer page added, with the provider access policy\n"),
        "{after}"
    );
    // The benchmark's own texts and the file's comments are as they were.
    let head = |text: &str| text[..text.find("    requirements:").unwrap()].to_string();
    assert_eq!(head(&after), head(&before));
    let tail = |text: &str| text[text.find("  - benchmark: 2").unwrap()..].to_string();
    assert_eq!(tail(&after), tail(&before));
    site.build();
}

#[test]
fn a_plan_saved_by_excel_updates_its_row_and_reads_deadlines_as_schools_write_them() {
    // Its benchmark 5 is headed as Word plans head it, "Benchmark 5: Encounters with employers".
    let site = TestSite::example();
    let file = fixture("plan-excel.csv");
    let said = site.run(&["import", "plan", &file]).success().stdout();
    assert!(said.contains("Changed:\n  Benchmark 5\n"), "{said}");
    let plan = std::fs::read_to_string(site.root().join("content/action-plan.yaml")).unwrap();
    assert!(
        plan.contains("        who: Heads of year, with tutors\n"),
        "{plan}"
    );
    assert!(plan.contains("        deadline: July 2027\n"), "{plan}");
    // Excel saved March 2027, which it took for a date, as Mar-27.
    assert!(plan.contains("        deadline: March 2027\n"), "{plan}");
    // The strategic plan above the action plan is untouched.
    assert!(plan.starts_with(
        &std::fs::read_to_string(repo_root().join("content/action-plan.yaml")).unwrap()[..1500]
    ));
}

#[test]
fn a_spreadsheet_with_a_mistake_names_its_line_and_column_and_changes_nothing() {
    let site = TestSite::example();
    let path = site.root().join("content/benchmarks.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let text = std::fs::read_to_string(fixture("grid-excel.csv")).unwrap();
    let broken = text.replacen(",Is written down,green,", ",Is written down,purple,", 1);
    site.write("grid.csv", &broken);
    let csv = site.root().join("grid.csv");
    let err = site
        .run(&["import", "grid", csv.to_str().unwrap()])
        .failure()
        .stderr();
    assert!(
        err.contains("grid.csv:3:4: column \"Rating\": `purple` is not a rating"),
        "{err}"
    );
    assert!(err.contains("use red, amber, green"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    let plan = std::fs::read_to_string(fixture("plan-excel.csv")).unwrap();
    site.write(
        "plan.csv",
        plan.replacen("Jul 2027,\"Heads", "next summer,\"Heads", 1),
    );
    let csv = site.root().join("plan.csv");
    let err = site
        .run(&["import", "plan", csv.to_str().unwrap()])
        .failure()
        .stderr();
    assert!(
        err.contains("column \"Deadline\": `next summer` is not a deadline"),
        "{err}"
    );
}

#[test]
fn export_never_overwrites_a_file_it_did_not_write() {
    let site = TestSite::example();
    site.write("plan.csv", "my own notes\n");
    let out = site.root().join("plan.csv");
    let err = site
        .run(&["export", "plan", "--output", out.to_str().unwrap()])
        .failure()
        .stderr();
    assert!(err.contains("careersite did not write it"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my own notes\n");
    std::fs::remove_file(&out).unwrap();
    site.run(&["export", "plan", "--output", out.to_str().unwrap()])
        .success();
    // Its own export it may write again.
    site.run(&["export", "plan", "--output", out.to_str().unwrap()])
        .success();
}

#[test]
fn an_event_cancelled_or_made_private_after_it_was_imported_comes_off_the_site() {
    let site = calendar_site();
    import_calendar(&site).success();
    let text = std::fs::read_to_string(fixture("school-calendar.ics")).unwrap();
    // The drop-in series is made private, and the mock interviews cancelled.
    let changed = text
        .replacen(
            "SUMMARY;LANGUAGE=en-gb:Careers drop-in\r\n",
            "SUMMARY;LANGUAGE=en-gb:Careers drop-in\r\nCLASS:PRIVATE\r\n",
            1,
        )
        .replacen(
            "SUMMARY:Studying in the USA: a university talk\r\n",
            "SUMMARY:Studying in the USA: a university talk\r\nSTATUS:CANCELLED\r\n",
            1,
        );
    assert_ne!(changed, text);
    site.write("later.ics", &changed);
    let later = site.root().join("later.ics");
    let said = site
        .run(&["import", "events", later.to_str().unwrap()])
        .success()
        .stdout();
    assert!(
        said.contains(
            "Removed:\n  Careers drop-in, 2026-09-16T12:30: marked private in the calendar\n"
        ),
        "{said}"
    );
    assert!(said.contains("  Studying in the USA: a university talk, 2026-11-10T18:00: cancelled in the calendar\n"), "{said}");
    let yaml = events_yaml(&site);
    assert!(!yaml.contains("Careers drop-in"), "{yaml}");
    assert!(!yaml.contains("Studying in the USA"), "{yaml}");
    // What the careers leader wrote is all still there, and the list still starts under its key.
    assert!(
        yaml.contains("events:\n  - title: Post-16 evening\n"),
        "{yaml}"
    );
    let example = std::fs::read_to_string(repo_root().join("content/events.yaml")).unwrap();
    let mut rest = yaml.as_str();
    for line in example.lines() {
        let at = rest.find(line).unwrap_or_else(|| panic!("lost {line:?}"));
        rest = &rest[at + line.len()..];
    }
}

#[test]
fn an_online_meetings_address_in_the_location_never_reaches_the_site() {
    let site = calendar_site();
    let text = std::fs::read_to_string(fixture("school-calendar.ics")).unwrap();
    let zoom = text.replacen(
        "LOCATION:Library\r\n",
        "LOCATION:https://us02web.zoom.us/j/85123456789?pwd=aBcD1234\r\n",
        1,
    );
    site.write("zoom.ics", &zoom);
    let file = site.root().join("zoom.ics");
    let said = site
        .run(&["import", "events", file.to_str().unwrap()])
        .success()
        .stdout();
    assert!(
        said.contains("its online meeting's joining details"),
        "{said}"
    );
    site.build();
    for (name, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("85123456789") && !text.contains("pwd="),
            "{name}"
        );
    }
    assert!(events_yaml(&site).contains("    location: Online\n"));
}

#[test]
fn a_grid_sorted_in_the_spreadsheet_reads_back_as_the_same_grid() {
    let site = TestSite::example();
    let first = exported(&site, "grid");
    let text = String::from_utf8(first.clone()).unwrap();
    let mut lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    let header = lines.remove(0);
    // Sorted by rating, as a careers leader might to see what is red: headings and parts apart.
    lines.sort_by_key(|line| line.rsplit(',').nth(3).unwrap_or_default().to_string());
    let sorted = format!("{header}\r\n{}\r\n", lines.join("\r\n"));
    site.write("sorted.csv", sorted);
    let file = site.root().join("sorted.csv");
    let said = site
        .run(&["import", "grid", file.to_str().unwrap()])
        .success()
        .stdout();
    // Each heading keeps its parts; only the order of lines differs, so nothing it holds is lost.
    assert!(!said.contains("removed"), "{said}");
    let page_before = {
        let original = TestSite::example();
        original.build();
        original.page("benchmarks/1/index.html").text("main")
    };
    site.build();
    let page = site.page("benchmarks/1/index.html").text("main");
    for part in [
        "Is written down",
        "Employers",
        "Has an identified lead individual",
    ] {
        assert_eq!(
            page.matches(part).count(),
            page_before.matches(part).count(),
            "{part}"
        );
    }
}

#[test]
fn counts_too_large_to_add_up_are_refused_by_line_not_crashed_on() {
    let site = TestSite::example();
    site.write(
        "ours.csv",
        "Year,Leaving,Cohort,employment,neet\n2026,Year 11,10,4000000000,4000000000\n",
    );
    let file = site.root().join("ours.csv");
    let err = site
        .run(&["import", "destinations", file.to_str().unwrap()])
        .failure()
        .stderr();
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("ours.csv:2:"), "{err}");
    assert!(err.contains("the routes add up to 8000000000"), "{err}");
}
