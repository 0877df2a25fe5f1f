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
