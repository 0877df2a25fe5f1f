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
