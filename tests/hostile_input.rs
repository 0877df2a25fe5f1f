//! Broken and hostile input: every case is refused with an error that names the file (and the
//! line and column, where there is one) and says what to do, or is accepted and published as it
//! should be. None makes careersite panic, and none makes it hang: every run in these tests is
//! stopped, and the test failed, if it outlasts `common::HANG`.

mod common;

use common::{TestSite, assert_reported};

#[test]
fn invalid_utf8_names_the_file_line_and_column() {
    let site = TestSite::example();
    site.write("content/pupils/latin1.md", b"# Careers\n\nCaf\xe9 trip\n");
    site.refused_saying(
        "content/pupils/latin1.md:3:4: this file is not UTF-8 text",
        "save the file as UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)",
    );
}

#[test]
fn a_byte_order_mark_and_windows_line_endings_are_accepted() {
    let site = TestSite::example();
    site.write(
        "content/pupils/windows.md",
        "\u{feff}---\r\ntitle: Saved on Windows\r\n---\r\n\r\nFirst line.\r\nSecond line.\r\n",
    );
    let build = site.build().stderr();
    assert!(!build.contains("windows.md"), "{build}");
    let page = site.page("pupils/windows/index.html");
    assert_eq!(page.text("h1"), "Saved on Windows");
    assert_eq!(page.texts(".content p"), ["First line. Second line."]);
    let html = page.0.html();
    assert!(!html.contains('\r') && !html.contains('\u{feff}'), "{html}");
}

#[test]
fn a_50_mb_markdown_file_is_refused_with_the_fix() {
    let site = TestSite::example();
    let line = "A very long page that was pasted from somewhere else. ".repeat(20) + "\n";
    site.write(
        "content/pupils/huge.md",
        line.repeat(50 * 1_048_576 / line.len()),
    );
    site.refused_saying(
        "content/pupils/huge.md: this file is 50.0 MB; careersite reads text files of up to 10 MB",
        "split it into several pages; a document for download belongs in a PDF, linked from a page",
    );
}

/// The "billion laughs", as one flow list: nine anchors, each repeating the one before nine
/// times, so that read in full it would be 9⁹ (387 million) words.
fn yaml_bomb() -> String {
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    let mut lists = vec![format!("&a [{}]", ["lol"; 9].join(","))];
    for pair in names.windows(2) {
        let repeated = vec![format!("*{}", pair[0]); 9].join(",");
        lists.push(format!("&{} [{repeated}]", pair[1]));
    }
    format!("[{}]", lists.join(", "))
}

#[test]
fn a_billion_laughs_in_front_matter_is_refused() {
    // Front matter's `extra` takes any value, so this is where a bomb could go off.
    let site = TestSite::example();
    site.write(
        "content/pupils/bomb.md",
        format!("---\nextra:\n  laughs: {}\n---\nText.\n", yaml_bomb()),
    );
    site.refused_saying(
        "content/pupils/bomb.md: repetition limit exceeded",
        "the file repeats aliases so deeply that it would expand without end; write the values out",
    );
}

#[test]
fn a_billion_laughs_in_a_data_file_is_refused_at_its_first_list() {
    // No field of a data file takes lists of lists, so the bomb is refused before it expands.
    let site = TestSite::example();
    site.write("content/events.yaml", format!("events: {}\n", yaml_bomb()));
    site.refused_saying(
        "content/events.yaml:1:10: a list is not a set of `key: value` lines: this takes `title`, `start`, `end`, `location`, `audiences`, `benchmarks`, `description` or `uid`, each on a line of its own",
        "docs/content.md describes every field and the values it takes",
    );
}

#[test]
fn a_10_mb_data_file_full_of_mistakes_shows_the_first_fifty_and_counts_the_rest() {
    let site = TestSite::example();
    let mut yaml = String::from("actions:\n  - benchmark: 1\n    actions:\n");
    let row = "      - action: Tell parents\n        deadline: end of term\n";
    let rows = 10 * 1_000_000 / row.len();
    yaml.push_str(&row.repeat(rows));
    site.write("content/action-plan.yaml", yaml);
    let err = site.refused("content/action-plan.yaml", "is not a time");
    let not_a_deadline = |line: usize| {
        format!(
            "error: content/action-plan.yaml:{line}:19: `end of term` is not a time: write a day (2021-09-30), a month (2021-09 or September 2021), a term (autumn 2021 or Autumn Term 2021, or a half term like autumn 1 2021), a school year (2021-22), or `ongoing`; any of these may be followed by `then ongoing`"
        )
    };
    // The deadlines are on lines 5, 7, 9 and so on: the fiftieth is on line 103.
    for line in [5, 7, 103] {
        assert_reported(
            &err,
            &not_a_deadline(line),
            "docs/content.md describes every field and the values it takes",
        );
    }
    assert!(!err.contains(&not_a_deadline(105)), "{err}");
    assert_eq!(err.matches("is not a time").count(), 50);
    assert_reported(
        &err,
        &format!(
            "error: content/action-plan.yaml: and {} more problems in this file",
            rows - 50
        ),
        "put right the problems above and build again to see the rest",
    );
    assert!(
        err.ends_with(&format!(
            "careersite stopped: {rows} problems to fix; nothing in the output folder was changed.\n"
        )),
        "{err}"
    );
}

#[test]
fn front_matter_nested_thousands_deep_is_refused_at_the_bracket_too_many_before_it_is_read() {
    // 200,000 `[` took the YAML reader 48 s, so the nesting is counted before YAML reads it. The
    // 65th bracket is column 72, after `title: ` and 64 more; the line around it is cut short.
    let closed = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
    let never_closed = "[".repeat(200_000);
    for deep in [closed, never_closed] {
        let site = TestSite::example();
        site.write(
            "content/pupils/deep.md",
            format!("---\ntitle: {deep}\n---\nText.\n"),
        );
        let err = site.refused_saying(
            "content/pupils/deep.md:2:72: the lists and sets of keys here are nested more than 64 deep",
            "check for a `[` or `{` typed by mistake, or one never closed",
        );
        let shown = format!("2 | …{}…", "[".repeat(100));
        assert!(err.lines().any(|line| line == shown), "{err}");
        assert!(err.lines().all(|line| line.chars().count() < 200), "{err}");
    }
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
    site.refused_saying(
        "content/pupils/quote.md:3:68: the lists and sets of keys here are nested more than 64 deep",
        "check for a `[` or `{` typed by mistake, or one never closed",
    );

    let site = TestSite::new();
    site.write(
        "content/a.md",
        format!("# A\n\n{}\n", "<div/>".repeat(100_000)),
    );
    let build = site.build().stderr();
    assert_reported(
        &build,
        "warning[UNSAFE-HTML]: content/a.md:3:1: the HTML here nests 257 elements deep, more than the 256 a page may have, so all of this page's HTML is left out",
        "write the content in Markdown, or paste HTML with fewer elements inside one another",
    );
    assert!(site.page("a/index.html").texts(".content div").is_empty());
}

#[test]
fn raw_html_nested_thousands_deep_is_left_out_before_it_is_parsed() {
    // 40,000 nested elements took seconds to parse, and 1.8 million never finished.
    let site = TestSite::new();
    let deep = "<div>".repeat(2_000_000);
    site.write("content/a.md", format!("# A\n\nBefore.\n\n{deep}\n"));
    let build = site.build().stderr();
    assert_reported(
        &build,
        "warning[UNSAFE-HTML]: content/a.md:5:1: the HTML here nests 257 elements deep, more than the 256 a page may have, so all of this page's HTML is left out",
        "write the content in Markdown, or paste HTML with fewer elements inside one another",
    );
    let page = site.page("a/index.html");
    assert_eq!(page.text(".content"), "Before.");
    assert!(page.texts(".content div").is_empty());
}

#[test]
fn a_key_written_twice_is_refused_at_the_second() {
    let site = TestSite::example();
    site.write(
        "content/pupils/twice.md",
        "---\ntitle: One\ntitle: Two\n---\nText.\n",
    );
    site.refused_saying(
        "content/pupils/twice.md:3:1: duplicate field `title`",
        "each key may appear once: remove or rename one of them",
    );

    // site.yaml's `school:` is on line 3, with keys of its own under it.
    let site = TestSite::example();
    site.edit("content/site.yaml", "language:", "school: Again\nlanguage:");
    site.refused_saying(
        "content/site.yaml:11:1: duplicate field `school`",
        "each key may appear once: remove or rename one of them",
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_under_content_is_refused() {
    let site = TestSite::example();
    std::os::unix::fs::symlink("..", site.root().join("content/pupils/loop")).unwrap();
    site.refused_saying(
        "content/pupils/loop: this folder link points back at a folder that contains it",
        "remove the link, or point it at another folder in the site's folder",
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
    let links = site.page("pupils/index.html").attrs("a", "href");
    for link in [
        "../pupils/year-11-options/index.html",
        "../pupils/caf%C3%A9-cr%C3%AApes/index.html",
        "../pupils/what-why-how/index.html",
    ] {
        assert!(links.iter().any(|l| l == link), "{link}: {links:?}");
    }
    let page = site.page("pupils/café-crêpes/index.html");
    assert_eq!(
        page.attrs("link[rel=canonical]", "href"),
        ["https://www.riverside-academy.sch.uk/careers/pupils/caf%C3%A9-cr%C3%AApes/"]
    );
}

#[test]
fn an_empty_content_folder_builds_a_site_and_says_what_is_missing() {
    let site = TestSite::new();
    let build = site.build().stderr();
    for (first, help) in [
        (
            "warning[S1]: content/site.yaml: the Careers Leader is not named: the law asks for their name, email address and telephone number",
            "add `careers_leader:` with `name:`, `email:` and `phone:` to content/site.yaml",
        ),
        (
            "warning[S2]: content/programme.yaml: there is no summary of the careers programme",
            "create content/programme.yaml with `summary:`, `access:` and `impact:` (see docs/content.md)",
        ),
        (
            "warning[S4]: content/site.yaml: the date of the next review of this information is not given",
            "add `review:` with `next:` (such as 2027-07-12) to content/site.yaml",
        ),
        (
            "warning[P1]: content/site.yaml: there is no provider access policy statement",
            "add `provider_access:` with `contact:`, `how_to_request:`, `granting:`, `refusing:` and `premises:` to content/site.yaml",
        ),
        (
            "warning[A11Y]: content/site.yaml: the accessibility statement gives nobody to contact about a problem",
            "add `accessibility:` with `email:` to content/site.yaml",
        ),
        (
            "warning[COMPASS]: content/evaluation.yaml: there is no Compass result to show how the programme measures up",
            "add your latest Compass percentages under `compass:` in content/evaluation.yaml",
        ),
    ] {
        assert_reported(&build, first, help);
    }
    assert!(!build.contains("error"), "{build}");
    // `.careersite-manifest` is careersite's record of what it wrote, and is not published.
    // The stylesheet's copy for browsers to keep is under a folder named by its hash.
    let files: Vec<String> = site
        .snapshot()
        .into_keys()
        .filter(|file| file != ".careersite-manifest")
        .map(|file| match file.strip_prefix("cached/") {
            Some(cached) => format!("cached/…/{}", cached.split_once('/').unwrap().1),
            None => file,
        })
        .collect();
    assert_eq!(
        files,
        [
            "404.html",
            "accessibility/index.html",
            "cached/…/style.css",
            "employers/index.html",
            "glossary/index.html",
            "index.html",
            "parents/index.html",
            "pupils/index.html",
            "staff/index.html",
            "style.css",
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_site_is_refused_and_never_published() {
    // A link to /proc/self/environ would publish the build's environment: CI's secrets.
    let help = "copy the file into content/ instead of linking to it, or remove the link";
    let site = TestSite::example();
    std::fs::create_dir_all(site.root().join("content/downloads")).unwrap();
    std::os::unix::fs::symlink(
        "/etc/passwd",
        site.root().join("content/downloads/passwd.txt"),
    )
    .unwrap();
    site.refused_saying(
        "content/downloads/passwd.txt: this link points outside the site's folder, to /etc/passwd, which is not published",
        help,
    );

    // /proc/self is careersite's own process, named by its number.
    let site = TestSite::example();
    std::fs::create_dir_all(site.root().join("content/downloads")).unwrap();
    std::os::unix::fs::symlink(
        "/proc/self/environ",
        site.root().join("content/downloads/env.txt"),
    )
    .unwrap();
    let err = site.refused(
        "content/downloads/env.txt: this link points outside the site's folder, to /proc/",
        "/environ, which is not published",
    );
    assert!(err.contains(help), "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("id_rsa"), "secret").unwrap();
    let site = TestSite::example();
    std::os::unix::fs::symlink(outside.path(), site.root().join("content/keys")).unwrap();
    site.refused_saying(
        &format!(
            "content/keys: this link points outside the site's folder, to {}, which is not published",
            outside.path().canonicalize().unwrap().display()
        ),
        "copy the file into content/ instead of linking to it, or remove the link",
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
    let err = site.refused(
        &format!(
            "error: themes/default/static: this link points outside the site's folder, to {}, which is not published",
            outside.path().canonicalize().unwrap().display()
        ),
        "remove the link",
    );
    assert!(!err.contains("creds.txt"), "{err}");
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
    site.refused_saying(
        "content/env.txt: this link points to a hidden file or folder, .env, which is not published",
        "copy what should be published into content/ instead of linking to it, or remove the link",
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_elsewhere_in_the_site_is_published_as_a_copy() {
    // The output folder is uploaded as it is: a link in it would lead nowhere on the web server.
    let site = TestSite::example();
    site.write("shared/policy.pdf", "%PDF-1.4");
    std::os::unix::fs::symlink(
        site.root().join("shared/policy.pdf"),
        site.root().join("content/policy.pdf"),
    )
    .unwrap();
    site.build();
    let published = site.output().join("policy.pdf");
    assert!(std::fs::symlink_metadata(&published).unwrap().is_file());
    assert_eq!(std::fs::read(published).unwrap(), b"%PDF-1.4");
}

#[test]
fn thousands_of_broken_links_in_a_page_list_the_first_hundred_and_count_the_rest() {
    let site = TestSite::new();
    let links: String = (0..5_000)
        .map(|i| format!("[a](missing-{i}.md)\n"))
        .collect();
    site.write("content/a.md", format!("# A\n\n{links}"));
    let help = "put right the ones listed, and build again to see the rest";
    let build = site.build().stderr();
    assert_reported(
        &build,
        "warning: content/a.md: and 4900 more problems like those above in this text, not listed",
        help,
    );
    assert_reported(
        &build,
        "warning[LINK]: content/a.md:3:5: broken link: there is no page content/missing-0.md (or it is a draft)",
        "link to another page by its file name, such as `year-11.md`, or to a file under content/",
    );

    let check = site.run(&["check", "--format", "json"]).failure().stdout();
    let report: serde_json::Value = serde_json::from_str(&check).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let lines: Vec<u64> = findings
        .iter()
        .filter(|f| f["code"] == "LINK")
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    // The links to missing-0 to missing-99, on lines 3 to 102.
    assert_eq!(lines, (3..=102).collect::<Vec<_>>());
    let counted: Vec<_> = findings
        .iter()
        .filter(|f| f["message"].as_str().unwrap().contains("more problems"))
        .collect();
    assert_eq!(counted.len(), 1, "{check}");
    assert_eq!(counted[0]["file"], "content/a.md");
    assert_eq!(
        counted[0]["message"],
        "and 4900 more problems like those above in this text, not listed"
    );
    assert_eq!(counted[0]["help"], help);
}

#[test]
fn a_folder_too_many_folders_deep_is_refused() {
    // Each page's links grow with its depth: 2,000 folders deep wrote 11 GB.
    let site = TestSite::example();
    let deep = vec!["a"; 25].join("/");
    site.write(&format!("content/{deep}/page.md"), "# Deep\n");
    site.refused_saying(
        &format!(
            "content/{}: this folder is 21 folders deep in content/, more than the 20 a site may have",
            vec!["a"; 21].join("/")
        ),
        "move its pages into a folder nearer the top of content/",
    );
}
