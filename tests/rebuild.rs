//! Building again: a rebuild does only the work its changes need, and always gives the same
//! bytes a first build into an empty folder would.

mod common;

use common::TestSite;

/// The files a build opens, as `strace` sees them, relative to the site's root.
#[cfg(target_os = "linux")]
fn files_opened_by_a_build(site: &TestSite) -> Vec<String> {
    let log = site.root().join("../opened.log");
    let traced = std::process::Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=open,openat", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_careersite"))
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .status()
        .expect("strace runs: apt-get install strace");
    assert!(traced.success());
    let root = format!("{}/", site.root().display());
    let opened = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .filter(|call| !call.contains("= -1"))
        .filter_map(|call| {
            let path = call.split('"').nth(1)?;
            Some(path.strip_prefix(&root)?.to_string())
        })
        .collect();
    std::fs::remove_file(log).unwrap();
    opened
}

#[cfg(target_os = "linux")]
#[test]
fn an_unchanged_rebuild_reads_no_published_file_back_and_no_unchanged_school_file() {
    let site = TestSite::example();
    site.write("content/files/policy.pdf", "%PDF-1.4 the careers policy\n");
    site.build();
    let opened = files_opened_by_a_build(&site);
    let read_back: Vec<&String> = opened
        .iter()
        // Its own bookkeeping, the manifest and the marker of a build under way, aside.
        .filter(|path| path.starts_with("site/") && !path.starts_with("site/.careersite-"))
        .collect();
    assert!(read_back.is_empty(), "{read_back:#?}");
    // Markup files (the SVG logo) are read by the check for scripts; a PDF is only copied.
    assert!(
        !opened.iter().any(|path| path == "content/files/policy.pdf"),
        "the PDF was read again: {opened:#?}"
    );
    // Nor is a photo: what its header said, and its drawings, are in the cache.
    assert!(
        !opened
            .iter()
            .any(|path| path == "content/images/careers-fair-2026.jpg"),
        "the photo was read again: {opened:#?}"
    );
    assert!(
        opened.iter().any(|path| path == "content/site.yaml"),
        "the trace should show the sources being read: {opened:#?}"
    );
}

#[test]
fn a_published_file_changed_or_deleted_by_hand_is_put_back() {
    let site = TestSite::example();
    site.build();
    let built = site.snapshot();
    let home = site.output().join("index.html");
    let text = std::fs::read_to_string(&home).unwrap();
    // The same size, so that only its time gives the change away.
    std::fs::write(&home, text.replacen("<main", "<MAIN", 1)).unwrap();
    std::fs::remove_file(site.output().join("style.css")).unwrap();
    let rebuilt = site.build();
    assert!(
        rebuilt.stdout().contains("2 written"),
        "{}",
        rebuilt.stdout()
    );
    assert_eq!(site.snapshot(), built);
}

#[test]
fn a_school_file_replaced_by_one_of_the_same_size_is_copied_again() {
    let site = TestSite::example();
    site.write("content/files/policy.pdf", "%PDF-1.4 first version\n");
    site.build();
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.write("content/files/policy.pdf", "%PDF-1.4 other version\n");
    site.build();
    assert_eq!(
        std::fs::read_to_string(site.output().join("files/policy.pdf")).unwrap(),
        "%PDF-1.4 other version\n"
    );
}

#[test]
fn a_lost_list_of_times_costs_only_writing_every_file_again() {
    let site = TestSite::example();
    site.build();
    let built = site.snapshot();
    std::fs::remove_file(site.root().join(".site.careersite-stamps")).unwrap();
    let rebuilt = site.build();
    assert!(
        rebuilt.stdout().contains(" 0 unchanged"),
        "{}",
        rebuilt.stdout()
    );
    assert_eq!(site.snapshot(), built);
    let again = site.build();
    assert!(again.stdout().contains("0 written"), "{}", again.stdout());
}

#[test]
fn the_manifest_is_the_same_for_the_same_site() {
    let first = TestSite::example();
    first.build();
    let second = TestSite::example();
    second.build();
    let manifest = |site: &TestSite| {
        std::fs::read_to_string(site.output().join(".careersite-manifest")).unwrap()
    };
    assert_eq!(manifest(&first), manifest(&second));
    assert!(
        manifest(&first)
            .lines()
            .any(|line| line.ends_with(" index.html") && line.len() == 32 + 1 + 10),
        "each file is listed with its hash: {}",
        manifest(&first)
    );
}

/// Every file under `folder` and its bytes.
fn files_in(folder: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry.path().strip_prefix(folder).unwrap();
            (
                name.to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

/// The example school, with pages that show each kind of input a page depends on: a section
/// that lists its pages, one by its first paragraph, and a page in it linking to a page and
/// to a file, with a warning.
fn site_with_every_kind_of_input() -> TestSite {
    let site = TestSite::example();
    site.write(
        "content/pupils/days/_index.md",
        "---\ntitle: Days out\n---\n\nVisits to colleges and employers.\n",
    );
    site.write(
        "content/pupils/days/taster-days.md",
        "---\ntitle: Taster days\n---\n\nSpend a day at a college in the summer term.\n\n\
         Ask [your tutor](../work-experience.md) or read the [leaflet](../../files/taster.pdf).\n",
    );
    site.write(
        "content/pupils/days/open-evenings.md",
        "---\ntitle: Open evenings\ndescription: When colleges open their doors.\n---\n\n\
         Colleges hold open evenings in the autumn.\n",
    );
    site
}

/// Builds `site` with the date `epoch`, then builds the same content into a new folder, and
/// says whether the two outputs differ.
fn compare_with_a_first_build(site: &TestSite, epoch: &str, change: &str) {
    let run = |output: &std::path::Path| {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_careersite"))
            .args(["build", "--quiet", "--root"])
            .arg(site.root())
            .arg("--output")
            .arg(output)
            .env("SOURCE_DATE_EPOCH", epoch)
            .status()
            .unwrap();
        assert!(status.success(), "{change}: the build failed");
    };
    run(&site.output());
    let first = tempfile::tempdir().unwrap();
    run(&first.path().join("site"));
    let (rebuilt, fresh) = (
        files_in(&site.output()),
        files_in(&first.path().join("site")),
    );
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "{change}: the rebuilt site has other files than a first build"
    );
    // Pages first, so that a stale page is named rather than the manifest that lists it.
    let mut in_order: Vec<_> = rebuilt.iter().collect();
    in_order.sort_by_key(|(path, _)| path.starts_with(".careersite"));
    for (path, bytes) in in_order {
        assert!(
            *bytes == fresh[path],
            "{change}: {path} differs from a first build's:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn a_rebuild_after_any_change_gives_the_bytes_of_a_first_build() {
    type Change = fn(&TestSite);
    let changes: [(&str, Change); 15] = [
        ("a sentence in a page", |site| {
            site.edit(
                "content/pupils/work-experience.md",
                "end of March",
                "end of April",
            );
        }),
        ("the first paragraph of a page listed by it", |site| {
            site.edit(
                "content/pupils/days/taster-days.md",
                "summer term",
                "spring term",
            );
        }),
        (
            "the title of a section, in its pages' breadcrumbs",
            |site| {
                site.edit("content/pupils/days/_index.md", "Days out", "Visits");
            },
        ),
        ("a page's title", |site| {
            site.edit(
                "content/pupils/work-experience.md",
                "title: Work experience in Year 10",
                "title: Work placements in Year 10",
            );
        }),
        ("a page's description", |site| {
            site.edit(
                "content/pupils/days/open-evenings.md",
                "open their doors",
                "welcome visitors",
            );
        }),
        ("a page added", |site| {
            site.write(
                "content/pupils/apprenticeships.md",
                "# Apprenticeships\n\nPaid training.\n",
            );
        }),
        ("a page a link leads to, removed", |site| {
            std::fs::remove_file(site.root().join("content/pupils/work-experience.md")).unwrap();
        }),
        ("a file a link leads to, added", |site| {
            site.write("content/files/taster.pdf", "%PDF-1.4\n");
        }),
        ("site.yaml", |site| {
            site.edit("content/site.yaml", "Riverside Academy", "Riverside School");
        }),
        ("a data file", |site| {
            let events = std::fs::read_to_string(site.root().join("content/events.yaml")).unwrap();
            let title = events
                .lines()
                .find_map(|line| line.trim().strip_prefix("- title: "))
                .expect("an event with a title")
                .to_string();
            site.edit("content/events.yaml", &title, "A renamed event");
        }),
        ("a theme template", |site| {
            let page = std::fs::read_to_string(
                common::repo_root().join("themes/default/templates/page.html"),
            )
            .unwrap();
            site.write(
                "themes/default/templates/page.html",
                page.replacen(
                    "</article>",
                    "<p>Printed copies at reception.</p></article>",
                    1,
                ),
            );
        }),
        ("a theme's static file", |site| {
            site.write("themes/default/static/extra.css", "body { margin: 0 }\n");
        }),
        ("the draft flag of a page", |site| {
            site.edit(
                "content/pupils/days/open-evenings.md",
                "title: Open",
                "draft: true\ntitle: Open",
            );
        }),
        ("a page's audiences", |site| {
            site.edit(
                "content/pupils/work-experience.md",
                "audiences: [pupils, parents, employers]",
                "audiences: [pupils]",
            );
        }),
        ("nothing", |_| {}),
    ];
    for (change, apply) in changes {
        let site = site_with_every_kind_of_input();
        site.build();
        apply(&site);
        compare_with_a_first_build(&site, common::TODAY_EPOCH, change);
    }
}

#[test]
fn a_rebuild_on_another_day_gives_the_bytes_of_a_first_build_on_that_day() {
    let site = site_with_every_kind_of_input();
    site.build();
    // A year on: every event has passed.
    compare_with_a_first_build(&site, "1826971200", "the build date");
}

#[test]
fn pages_whose_inputs_did_not_change_are_kept_and_a_page_that_warned_warns_again() {
    let site = site_with_every_kind_of_input();
    site.build();
    let again = site.build();
    assert!(
        again.stdout().contains("kept from the last build"),
        "{}",
        again.stdout()
    );
    assert!(again.stdout().contains("0 written"), "{}", again.stdout());
    // The leaflet is missing, on every build, until it is there.
    for run in [&again, &site.build()] {
        assert!(
            run.stderr().contains("taster.pdf"),
            "the warning was not given again:\n{}",
            run.stderr()
        );
    }
    site.edit(
        "content/pupils/work-experience.md",
        "end of March",
        "end of April",
    );
    let one_page = site.build();
    assert!(
        one_page.stdout().contains("1 written"),
        "{}",
        one_page.stdout()
    );
}
