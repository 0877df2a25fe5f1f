//! careersite only ever deletes or overwrites files it wrote itself.

mod common;

use common::TestSite;

#[test]
fn a_folder_of_someone_elses_files_is_refused() {
    let site = TestSite::example();
    site.write("site/governors-minutes.docx", "precious");
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("did not write") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(site.output().join("governors-minutes.docx")).unwrap(),
        "precious"
    );
    assert!(!site.exists("index.html"));
}

#[test]
fn force_builds_beside_someone_elses_files_and_deletes_none_of_them() {
    let site = TestSite::example();
    site.write("site/governors-minutes.docx", "precious");
    site.run(&["build", "--force"]).success();
    assert!(site.exists("index.html"));
    std::fs::remove_dir_all(site.root().join("content/news")).unwrap();
    site.build();
    assert_eq!(
        std::fs::read_to_string(site.output().join("governors-minutes.docx")).unwrap(),
        "precious"
    );
}

#[test]
fn pages_removed_from_content_are_removed_from_the_output_and_nothing_else() {
    let site = TestSite::example();
    site.build();
    assert!(site.exists("news/careers-fair-2026/index.html"));
    site.write("site/uploaded-by-webmaster.txt", "keep me");
    std::fs::remove_file(site.root().join("content/news/careers-fair-2026.md")).unwrap();
    let run = site.build();
    assert!(run.stdout().contains("1 removed"), "{}", run.stdout());
    assert!(!site.exists("news/careers-fair-2026/index.html"));
    assert!(
        !site.exists("news/careers-fair-2026"),
        "the emptied folder goes too"
    );
    assert!(site.exists("uploaded-by-webmaster.txt"));
}

#[test]
fn the_output_cannot_be_the_sources() {
    let site = TestSite::example();
    for output in [".", "content", "content/site", "themes", ".."] {
        let path = site.root().join(output);
        let err = site
            .run(&["build", "--output", path.to_str().unwrap()])
            .failure()
            .stderr();
        assert!(err.contains("refusing to build into"), "{output}: {err}");
    }
    assert!(site.root().join("content/site.yaml").exists());
}

#[test]
fn a_failed_build_leaves_the_previous_site_as_it_was() {
    let site = TestSite::example();
    site.build();
    let before = site.snapshot();
    site.write(
        "content/pupils/broken.md",
        "---\nbenchmarks: [purple]\n---\n",
    );
    site.run(&["build"]).failure();
    assert_eq!(site.snapshot(), before);
}

/// No file a build stages may outlive it, whatever happened to the build.
fn assert_no_leftovers(site: &TestSite) {
    for entry in walkdir::WalkDir::new(site.root()).into_iter().flatten() {
        let name = entry.file_name().to_string_lossy();
        assert!(
            !name.contains(".careersite-partial")
                && !name.contains(".careersite-new")
                && !name.contains(".careersite-unfinished"),
            "left behind: {}",
            entry.path().display()
        );
    }
}

/// A page whose template fails only when it is rendered, after other pages have been staged.
fn add_page_that_fails_to_render(site: &TestSite) {
    site.write(
        "themes/default/templates/broken.html",
        "{% extends \"base.html\" %}{% block content %}{{ no_such_value.field }}{% endblock content %}",
    )
    .write(
        "content/pupils/zz-broken.md",
        "---\ntitle: Broken\ntemplate: broken.html\n---\nText.\n",
    );
}

#[test]
fn a_template_error_half_way_leaves_the_previous_site_as_it_was() {
    let site = TestSite::example();
    site.build();
    let before = site.snapshot();
    site.edit(
        "content/pupils/work-experience.md",
        "Work experience",
        "Changed work experience",
    );
    for i in 0..40 {
        site.write(
            &format!("content/pupils/new-{i}.md"),
            "# New\n\nA new page.\n",
        );
    }
    add_page_that_fails_to_render(&site);
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("template problem"), "{err}");
    assert_eq!(site.snapshot(), before);
    assert_no_leftovers(&site);
}

#[test]
fn a_first_build_that_fails_leaves_no_output_folder() {
    let site = TestSite::example();
    add_page_that_fails_to_render(&site);
    site.run(&["build"]).failure();
    assert!(!site.output().exists());
    assert_no_leftovers(&site);
}

/// A site big enough that a debug build of it takes a good fraction of a second.
#[cfg(unix)]
fn large_site(pages: usize, text: &str) -> TestSite {
    let site = TestSite::new();
    for i in 0..pages {
        site.write(
            &format!("content/topic-{}/page-{i}.md", i / 100),
            format!("# Page {i}\n\n{text}\n\n| a | b |\n|---|---|\n| {i} | {text} |\n"),
        );
    }
    site
}

#[cfg(unix)]
fn start_build(site: &TestSite) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_careersite"))
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the build has begun writing, then sends it `signal`.
#[cfg(unix)]
fn signal_once_writing(site: &TestSite, build: &std::process::Child, signal: &str) {
    let marker = site.output().join(".careersite-unfinished");
    let started = std::time::Instant::now();
    while !marker.exists() {
        assert!(
            started.elapsed().as_secs() < 60,
            "the build never began writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    let sent = std::process::Command::new("kill")
        .args([signal, &build.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[cfg(unix)]
#[test]
fn ctrl_c_part_way_leaves_the_previous_site_as_it_was() {
    let site = large_site(3000, "First version.");
    site.build();
    let before = site.snapshot();
    for i in 0..3000 {
        site.edit(
            &format!("content/topic-{}/page-{i}.md", i / 100),
            "First version.",
            "Second version.",
        );
    }
    let build = start_build(&site);
    signal_once_writing(&site, &build, "-INT");
    let finished = build.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&finished.stderr);
    assert_eq!(finished.status.code(), Some(130), "{err}");
    assert!(
        err.contains("the previous site was left as it was"),
        "{err}"
    );
    assert_eq!(site.snapshot(), before);
    assert_no_leftovers(&site);
}

#[cfg(unix)]
#[test]
fn a_build_killed_outright_leaves_whole_files_and_the_next_build_tidies_up() {
    let site = large_site(3000, "First version.");
    site.build();
    let before = site.snapshot();
    for i in 0..3000 {
        site.edit(
            &format!("content/topic-{}/page-{i}.md", i / 100),
            "First version.",
            "Second version.",
        );
    }
    let mut build = start_build(&site);
    signal_once_writing(&site, &build, "-KILL");
    build.wait().unwrap();
    // Killed while staging, nothing published has changed; no file is ever half written.
    let after_kill = site.snapshot();
    for (path, bytes) in &before {
        assert_eq!(after_kill.get(path), Some(bytes), "{path} changed");
    }
    site.build();
    assert_no_leftovers(&site);
    let page = String::from_utf8(site.snapshot()["topic-0/page-0/index.html"].clone()).unwrap();
    assert!(page.contains("Second version."));
}

#[cfg(unix)]
#[test]
fn a_first_build_killed_outright_is_cleared_by_the_next() {
    let site = large_site(3000, "Text.");
    let mut build = start_build(&site);
    let fresh = site.root().join(".site.careersite-new");
    let started = std::time::Instant::now();
    while !fresh.exists() {
        assert!(
            started.elapsed().as_secs() < 60,
            "the build never began writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    build.kill().unwrap();
    build.wait().unwrap();
    assert!(
        !site.output().exists(),
        "a killed first build published a site"
    );
    site.build();
    assert_no_leftovers(&site);
    assert!(site.exists("topic-0/page-0/index.html"));
}

/// A write that fails half-way, as on a full disk: here the file-size limit makes every write
/// of more than 8 KB fail (with its signal ignored, the write returns an error instead).
#[cfg(unix)]
#[test]
fn a_write_that_fails_half_way_leaves_the_previous_site_as_it_was() {
    let site = TestSite::example();
    site.build();
    let before = site.snapshot();
    site.edit(
        "content/pupils/work-experience.md",
        "Work experience",
        "Changed work experience",
    );
    site.edit("content/site.yaml", "Riverside Academy", "Riverside School");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 16; exec \"$0\" build --root \"$1\"")
        .arg(env!("CARGO_BIN_EXE_careersite"))
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "the build should have failed");
    assert!(err.contains("could not write"), "{err}");
    assert_eq!(site.snapshot(), before);
    assert_no_leftovers(&site);
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn manifest_lines(site: &TestSite) -> Vec<String> {
    std::fs::read_to_string(site.output().join(".careersite-manifest"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn force_never_replaces_a_file_careersite_did_not_write() {
    let site = TestSite::example();
    site.write("site/index.html", "our own home page")
        .write("site/style.css", "our own styles");
    let err = site.run(&["build", "--force"]).failure().stderr();
    assert!(
        err.contains("index.html") && err.contains("did not write"),
        "{err}"
    );
    assert_eq!(read(&site.output().join("index.html")), "our own home page");
    assert_eq!(read(&site.output().join("style.css")), "our own styles");
    let claimed = manifest_lines(&site);
    assert!(
        !claimed
            .iter()
            .any(|l| l == "index.html" || l == "style.css"),
        "{claimed:?}"
    );
}

#[test]
fn a_build_never_takes_over_a_file_the_user_added() {
    let site = TestSite::example();
    let url = "url: https://www.riverside-academy.sch.uk/careers/\n";
    site.edit("content/site.yaml", url, "");
    site.build();
    assert!(!site.exists("robots.txt"));
    site.write("site/robots.txt", "User-agent: *\nDisallow: /staff/\n");
    site.edit("content/site.yaml", "language:", &format!("{url}language:"));
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("robots.txt") && err.contains("did not write"),
        "{err}"
    );
    assert_eq!(
        read(&site.output().join("robots.txt")),
        "User-agent: *\nDisallow: /staff/\n"
    );
    assert!(!manifest_lines(&site).iter().any(|l| l == "robots.txt"));
}

/// Every `index.html` under `folder`: a site built where it should not be.
#[cfg(unix)]
fn pages_under(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "index.html")
        .map(|e| e.path().to_path_buf())
        .collect()
}

#[cfg(unix)]
#[test]
fn the_output_cannot_reach_the_sources_through_a_link() {
    use std::os::unix::fs::symlink;
    let site = TestSite::example();
    let root = site.root();
    symlink(root.join("content"), root.join("to-content")).unwrap();
    symlink(root, root.join("to-root")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let alias = elsewhere.path().join("school");
    symlink(root, &alias).unwrap();
    // `a-link/..` is the folder above where the link leads, not the folder holding the link.
    symlink(root.join("content/pupils"), root.join("to-pupils")).unwrap();
    symlink(root.join("content"), elsewhere.path().join("to-content")).unwrap();
    std::fs::create_dir(root.join("content/out")).unwrap();
    let attempts: [(&std::path::Path, std::path::PathBuf, bool); 7] = [
        (root, root.join("to-content"), false),
        (root, root.join("to-content"), true),
        (root, root.join("to-root"), true),
        (&alias, root.join("content/site"), false),
        (root, root.join("to-pupils/../out"), false),
        (root, root.join("to-pupils/../new"), false),
        (root, elsewhere.path().join("to-content/.."), true),
    ];
    for (from, output, force) in &attempts {
        let mut args = vec![
            std::ffi::OsStr::new("build"),
            "--output".as_ref(),
            output.as_os_str(),
            "--root".as_ref(),
            from.as_os_str(),
        ];
        if *force {
            args.push("--force".as_ref());
        }
        let err = common::careersite(&args).failure().stderr();
        assert!(
            err.contains("refusing to build into"),
            "{}: {err}",
            output.display()
        );
    }
    assert_eq!(
        pages_under(&root.join("content")),
        Vec::<std::path::PathBuf>::new()
    );
}

#[cfg(unix)]
#[test]
fn writes_and_deletes_never_follow_a_link_out_of_the_output() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let keep = |name: &str| {
        let file = outside.path().join(name);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "precious").unwrap();
        file
    };

    // A folder of the site replaced by a link to a folder of someone else's.
    let site = TestSite::example();
    site.build();
    let theirs = keep("news/careers-fair-2026/index.html");
    std::fs::remove_dir_all(site.output().join("news")).unwrap();
    symlink(outside.path().join("news"), site.output().join("news")).unwrap();
    site.edit("content/site.yaml", "Riverside Academy", "Riverside School");
    std::fs::remove_file(site.root().join("content/news/careers-fair-2026.md")).unwrap();
    site.run(&["build"]);
    assert_eq!(read(&theirs), "precious");

    // The build's own marker and partial file, each a link to someone else's file.
    let site = TestSite::example();
    site.build();
    let marker_target = keep("marker-target.txt");
    let partial_target = keep("partial-target.txt");
    symlink(&marker_target, site.output().join(".careersite-unfinished")).unwrap();
    site.run(&["build"]);
    assert_eq!(read(&marker_target), "precious");
    std::fs::remove_file(site.output().join(".careersite-unfinished")).unwrap();
    symlink(
        &partial_target,
        site.output().join("index.html.careersite-partial"),
    )
    .unwrap();
    site.edit("content/site.yaml", "Riverside Academy", "Riverside School");
    site.run(&["build"]);
    assert_eq!(read(&partial_target), "precious");
}

/// A file the last build wrote, since replaced by a folder with something in it: renaming the
/// new page onto it fails while the other pages are being put in place.
#[test]
fn a_rename_that_fails_part_way_is_reported_truthfully_and_finished_by_the_next_build() {
    let site = TestSite::example();
    site.build();
    site.edit("content/site.yaml", "Riverside Academy", "Riverside School");
    let blocked = site.output().join("pupils/index.html");
    std::fs::remove_file(&blocked).unwrap();
    site.write("site/pupils/index.html/in-the-way.txt", "in the way");
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        !err.contains("nothing in the output folder was changed"),
        "{err}"
    );
    assert!(
        err.contains("pupils/index.html") && err.contains("build again"),
        "{err}"
    );
    assert!(
        site.exists(".careersite-unfinished"),
        "the next build must know"
    );
    std::fs::remove_dir_all(&blocked).unwrap();
    site.build();
    assert_no_leftovers(&site);
    for page in ["index.html", "pupils/index.html"] {
        assert!(
            read(&site.output().join(page)).contains("Riverside School"),
            "{page}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_second_build_at_once_is_turned_away_and_the_first_finishes() {
    let site = large_site(3000, "First version.");
    let wait_for = |path: std::path::PathBuf| {
        let started = std::time::Instant::now();
        while !path.exists() {
            assert!(
                started.elapsed().as_secs() < 60,
                "the build never began writing"
            );
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    };
    let rebuild = |first: std::process::Child| {
        let err = site.run(&["build"]).failure().stderr();
        assert!(err.contains("another careersite build is writing"), "{err}");
        let finished = first.wait_with_output().unwrap();
        assert!(
            finished.status.success(),
            "{}",
            String::from_utf8_lossy(&finished.stderr)
        );
    };
    let first = start_build(&site);
    wait_for(site.root().join(".site.careersite-new"));
    rebuild(first);
    assert!((0..3000).all(|i| site.exists(&format!("topic-{}/page-{i}/index.html", i / 100))));
    for i in 0..3000 {
        site.edit(
            &format!("content/topic-{}/page-{i}.md", i / 100),
            "First version.",
            "Second version.",
        );
    }
    let first = start_build(&site);
    wait_for(site.output().join(".careersite-unfinished"));
    rebuild(first);
    let pages = site.snapshot();
    for i in 0..3000 {
        let page =
            String::from_utf8_lossy(&pages[&format!("topic-{}/page-{i}/index.html", i / 100)])
                .into_owned();
        assert!(page.contains("Second version."), "page {i}");
    }
    assert_no_leftovers(&site);
}

/// What a build asks of the system, in order, as `strace` saw it.
#[cfg(target_os = "linux")]
fn traced_build(site: &TestSite) -> Vec<String> {
    let log = site.root().join("../strace.log");
    let traced = std::process::Command::new("strace")
        .args(["-f", "-qq", "-o"])
        .arg(&log)
        .args([
            "-e",
            "trace=rename,renameat,renameat2,fsync,fdatasync,syncfs,sync",
        ])
        .arg(env!("CARGO_BIN_EXE_careersite"))
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .status()
        .expect("strace runs");
    assert!(traced.success());
    let calls = read(&log).lines().map(str::to_string).collect();
    std::fs::remove_file(log).unwrap();
    calls
}

#[cfg(target_os = "linux")]
#[test]
fn new_files_reach_the_disk_before_they_are_put_in_place() {
    assert!(
        std::process::Command::new("strace")
            .arg("-V")
            .output()
            .is_ok(),
        "this test watches the build's system calls: apt-get install strace"
    );
    let is_sync = |call: &String| call.contains("sync");
    // careersite's own lists of what it wrote are not pages: they name both sites' files.
    let is_bookkeeping = |call: &String| {
        [
            ".careersite-manifest",
            ".careersite-stamps",
            ".careersite-render-cache",
        ]
        .iter()
        .any(|name| call.contains(name))
    };
    let first_rename = |calls: &[String], of: &str| {
        calls
            .iter()
            .position(|c| c.contains("rename") && c.contains(of) && !is_bookkeeping(c))
            .unwrap_or_else(|| panic!("no rename of {of}: {calls:#?}"))
    };
    let site = TestSite::example();
    let calls = traced_build(&site);
    let published = first_rename(&calls, ".site.careersite-new");
    assert!(calls[..published].iter().any(is_sync), "{calls:#?}");
    assert!(calls[published..].iter().any(is_sync), "{calls:#?}");

    site.edit("content/site.yaml", "Riverside Academy", "Riverside School");
    let calls = traced_build(&site);
    let first = first_rename(&calls, ".careersite-partial");
    assert!(calls[..first].iter().any(is_sync), "{calls:#?}");
    let last = calls
        .iter()
        .rposition(|c| c.contains("rename") && !is_bookkeeping(c))
        .unwrap();
    assert!(calls[last..].iter().any(is_sync), "{calls:#?}");
}
