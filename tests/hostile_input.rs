//! Broken and hostile input: every case gets a clear error naming the file, or is accepted,
//! and none makes careersite panic or hang.

mod common;

use common::TestSite;

/// Builds and expects a refusal whose message names `file` and contains `words`.
#[test]
fn invalid_utf8_names_the_file_line_and_column() {
    let site = TestSite::example();
    site.write("content/pupils/latin1.md", b"# Careers\n\nCaf\xe9 trip\n");
    let err = site.refused("content/pupils/latin1.md:3:4", "not UTF-8");
    assert!(err.contains("help: save the file as UTF-8"), "{err}");
}

#[test]
fn a_byte_order_mark_and_windows_line_endings_are_accepted() {
    let site = TestSite::example();
    site.write(
        "content/pupils/windows.md",
        "\u{feff}---\r\ntitle: Saved on Windows\r\n---\r\n\r\nFirst line.\r\nSecond line.\r\n",
    );
    site.build();
    let page = site.page("pupils/windows/index.html");
    assert_eq!(page.text("h1"), "Saved on Windows");
    assert!(!page.text("main").contains('\r'));
}

#[test]
fn a_50_mb_markdown_file_is_refused_with_the_fix() {
    let site = TestSite::example();
    let line = "A very long page that was pasted from somewhere else. ".repeat(20) + "\n";
    site.write(
        "content/pupils/huge.md",
        line.repeat(50 * 1_048_576 / line.len()),
    );
    let err = site.refused(
        "content/pupils/huge.md",
        "careersite reads text files of up to 10 MB",
    );
    assert!(err.contains("split it into several pages"), "{err}");
}

/// The "billion laughs": nine aliases deep, each repeating the one before nine times.
fn yaml_bomb(indent: &str) -> String {
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    let mut bomb = format!("{indent}a: &a [{}]\n", ["lol"; 9].join(","));
    for pair in names.windows(2) {
        let repeated = vec![format!("*{}", pair[0]); 9].join(",");
        bomb.push_str(&format!("{indent}{}: &{} [{repeated}]\n", pair[1], pair[1]));
    }
    bomb
}

#[test]
fn a_billion_laughs_yaml_bomb_is_refused() {
    let site = TestSite::example();
    site.write(
        "content/pupils/bomb.md",
        format!("---\nextra:\n{}---\nText.\n", yaml_bomb("  ")),
    );
    site.refused("content/pupils/bomb.md", "repetition limit exceeded");
}

#[test]
fn a_bomb_in_a_data_file_is_refused() {
    let site = TestSite::example();
    site.write("content/events.yaml", yaml_bomb(""));
    site.refused("content/events.yaml", "error");
}

#[test]
fn a_10_mb_data_file_full_of_mistakes_is_refused_in_bounded_time_with_a_count() {
    let site = TestSite::example();
    let mut yaml = String::from("actions:\n  - benchmark: 1\n    actions:\n");
    let row = "      - action: Tell parents\n        deadline: Sept 2019\n";
    let rows = 10 * 1_000_000 / row.len();
    yaml.push_str(&row.repeat(rows));
    site.write("content/action-plan.yaml", yaml);
    let started = std::time::Instant::now();
    let err = site.refused("content/action-plan.yaml", "is not a deadline");
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    assert_eq!(err.matches("is not a deadline").count(), 50);
    assert!(
        err.contains(&format!("and {} more problems in this file", rows - 50)),
        "{err}"
    );
}

#[test]
fn deeply_nested_yaml_is_refused_and_the_long_line_is_shortened() {
    let site = TestSite::example();
    site.write(
        "content/pupils/deep.md",
        format!(
            "---\nextra: {}{}\n---\nText.\n",
            "[".repeat(5000),
            "]".repeat(5000)
        ),
    );
    let err = site.refused("content/pupils/deep.md:2:", "nested more than 64 deep");
    assert!(err.lines().all(|line| line.chars().count() < 200), "{err}");
}

#[test]
fn front_matter_never_closed_is_explained() {
    let site = TestSite::example();
    site.write("content/pupils/open.md", "---\ntitle: Open\n\nThe text.\n");
    site.refused("content/pupils/open.md", "---");
}

#[test]
fn a_key_written_twice_is_refused_at_the_second() {
    let help = "each key may appear once: remove or rename one of them";
    let site = TestSite::example();
    site.write(
        "content/pupils/twice.md",
        "---\ntitle: One\ntitle: Two\n---\nText.\n",
    );
    let err = site.refused("content/pupils/twice.md:3:1: duplicate field `title`", help);
    assert!(err.contains("3 | title: Two"), "{err}");

    // site.yaml's `school:` is on line 3, with keys of its own under it.
    let site = TestSite::example();
    site.edit("content/site.yaml", "language:", "school: Again\nlanguage:");
    site.refused("content/site.yaml:10:1: duplicate field `school`", help);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_under_content_is_refused() {
    let site = TestSite::example();
    std::os::unix::fs::symlink("..", site.root().join("content/pupils/loop")).unwrap();
    site.refused(
        "content/pupils/loop",
        "points back at a folder that contains it",
    );
}

#[test]
fn two_files_for_one_address_are_both_named() {
    let site = TestSite::example();
    site.write("content/pupils/open day.md", "# Open day\n")
        .write("content/pupils/Open-Day.md", "# Open day again\n");
    let err = site.refused(
        "would both be published at /pupils/open-day/",
        "rename or move one of them",
    );
    assert!(
        err.contains("open day.md") && err.contains("Open-Day.md"),
        "{err}"
    );
}

#[test]
fn spaces_unicode_and_characters_windows_forbids_make_plain_addresses() {
    let site = TestSite::example();
    site.write("content/pupils/Year 11 options.md", "# Options\n")
        .write("content/pupils/Café & crêpes.md", "# Café\n")
        .write("content/pupils/what? why: how*.md", "# Questions\n");
    site.build();
    assert_eq!(
        site.page("pupils/year-11-options/index.html").text("h1"),
        "Options"
    );
    assert_eq!(
        site.page("pupils/café-crêpes/index.html").text("h1"),
        "Café"
    );
    assert_eq!(
        site.page("pupils/what-why-how/index.html").text("h1"),
        "Questions"
    );
    let hub = site.page("pupils/index.html");
    let encoded = "../pupils/caf%C3%A9-cr%C3%AApes/index.html".to_string();
    assert!(hub.attrs("a", "href").contains(&encoded));
    let page = site.page("pupils/café-crêpes/index.html");
    assert_eq!(
        page.attrs("link[rel=canonical]", "href"),
        ["https://www.riverside-academy.sch.uk/careers/pupils/caf%C3%A9-cr%C3%AApes/"]
    );
}

#[test]
fn an_empty_content_folder_builds_a_site_and_says_what_is_missing() {
    let site = TestSite::new();
    let run = site.build();
    assert!(run.stderr().contains("warning"), "{}", run.stderr());
    assert!(site.exists("index.html"));
    assert!(site.exists("accessibility/index.html"));
}

#[test]
fn a_missing_content_folder_is_explained() {
    let site = TestSite::new();
    std::fs::remove_dir(site.root().join("content")).unwrap();
    let run = site.run(&["build"]).failure();
    assert!(run.stderr().contains("content"), "{}", run.stderr());
    assert!(!site.output().exists());
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_site_is_refused_and_never_published() {
    // A link to /proc/self/environ would publish the build's environment: CI's secrets.
    for (link, target) in [
        ("content/downloads/env.txt", "/proc/self/environ"),
        ("content/downloads/passwd.txt", "/etc/passwd"),
    ] {
        let site = TestSite::example();
        std::fs::create_dir_all(site.root().join("content/downloads")).unwrap();
        std::os::unix::fs::symlink(target, site.root().join(link)).unwrap();
        site.refused(link, "points outside the site's folder");
    }
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("id_rsa"), "secret").unwrap();
    let site = TestSite::example();
    std::os::unix::fs::symlink(outside.path(), site.root().join("content/keys")).unwrap();
    site.refused("content/keys", "points outside the site's folder");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_elsewhere_in_the_site_is_published() {
    let site = TestSite::example();
    site.write("shared/policy.pdf", "%PDF-1.4");
    std::os::unix::fs::symlink(
        site.root().join("shared/policy.pdf"),
        site.root().join("content/policy.pdf"),
    )
    .unwrap();
    site.build();
    assert!(site.exists("policy.pdf"));
}

#[test]
fn thousands_of_broken_links_in_a_page_list_the_first_hundred_and_count_the_rest() {
    let site = TestSite::new();
    let links: String = (0..5_000)
        .map(|i| format!("[a](missing-{i}.md)\n"))
        .collect();
    site.write("content/a.md", format!("# A\n\n{links}"));
    let build = site.build().stderr();
    assert!(
        build.contains("and 4900 more problems like those above in this text, not listed"),
        "{build}"
    );
    let check = site.run(&["check", "--format", "json"]).failure().stdout();
    let report: serde_json::Value = serde_json::from_str(&check).unwrap();
    let links = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "LINK")
        .count();
    assert_eq!(links, 100);
    assert!(check.contains("and 4900 more problems like those above in this text"));
}

#[test]
fn raw_html_nested_thousands_deep_is_left_out_before_it_is_parsed() {
    // 40,000 nested elements took seconds to parse, and 1.8 million never finished.
    let site = TestSite::new();
    let deep = "<div>".repeat(2_000_000);
    site.write("content/a.md", format!("# A\n\nBefore.\n\n{deep}\n"));
    let build = site.build().stderr();
    assert!(
        build.contains("content/a.md:5:1") && build.contains("more than the 256 a page may have"),
        "{build}"
    );
    let page = site.page("a/index.html");
    assert!(page.text(".content").contains("Before."));
    assert!(page.0.html().matches("<div").count() < 50);
}

#[test]
fn a_folder_too_many_folders_deep_is_refused() {
    // Each page's links grow with its depth: 2,000 folders deep wrote 11 GB.
    let site = TestSite::example();
    let deep = vec!["a"; 25].join("/");
    site.write(&format!("content/{deep}/page.md"), "# Deep\n");
    site.refused(
        &format!("content/{}", vec!["a"; 21].join("/")),
        "more than the 20 a site may have",
    );
}

#[test]
fn front_matter_nested_thousands_deep_is_refused_before_it_is_read() {
    // 200,000 `[` took the YAML reader 48 s.
    let site = TestSite::example();
    let deep = "[".repeat(200_000);
    site.write(
        "content/pupils/deep.md",
        format!("---\ntitle: {deep}\n---\n"),
    );
    let err = site.refused("content/pupils/deep.md:2:", "nested more than 64 deep");
    assert!(
        err.contains("typed by mistake, or one never closed"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_theme_folder_that_links_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("creds.txt"), "secret").unwrap();
    let site = TestSite::example();
    std::fs::create_dir_all(site.root().join("themes/default")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("themes/default/static")).unwrap();
    site.refused("themes/default/static", "points outside the site's folder");
}

#[test]
fn nesting_hidden_behind_a_stray_quote_or_self_closing_tags_is_still_caught() {
    // `a "` begins no quoted text in YAML, and `<div/>` opens a div in HTML.
    let site = TestSite::example();
    let deep = "[".repeat(200_000);
    site.write(
        "content/pupils/quote.md",
        format!("---\ntitle: a \"\nx: {deep}\n---\n"),
    );
    site.refused("content/pupils/quote.md:3:", "nested more than 64 deep");

    let site = TestSite::new();
    site.write(
        "content/a.md",
        format!("# A\n\n{}\n", "<div/>".repeat(100_000)),
    );
    let build = site.build().stderr();
    assert!(
        build.contains("more than the 256 a page may have"),
        "{build}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_hidden_file_in_the_site_is_refused() {
    // `.env` and `.git/config` hold secrets, and hidden files are never published.
    let site = TestSite::example();
    site.write(".env", "SECRET=1");
    std::os::unix::fs::symlink(
        site.root().join(".env"),
        site.root().join("content/env.txt"),
    )
    .unwrap();
    site.refused("content/env.txt", "hidden file or folder");
}
