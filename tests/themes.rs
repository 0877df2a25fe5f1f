//! What a school can change in the theme, and how: `careersite init --theme` copies the
//! built-in theme out; a school's template may extend the built-in one it replaces; the feed,
//! the sitemap and robots.txt are templates like any other, escaped for XML whatever the
//! school writes.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{TestSite, careersite};

/// A site with a public address, a feed, and text that XML must escape everywhere.
fn site_with_awkward_text() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "school:\n  name: \"Smith & Jones <Academy> \\\"Trust\\\" O'Neil\"\nurl: https://www.school.sch.uk/a&b/\n",
    )
    .write(
        "content/news/fair.md",
        "---\ntitle: \"Fish & chips <b>day</b> \\\"quoted\\\" it's\"\ndescription: \"A & B < C > D\"\ndate: 2026-03-04\n---\nText.\n",
    );
    site
}

fn read(site: &TestSite, path: &str) -> String {
    std::fs::read_to_string(site.output().join(path)).unwrap()
}

#[test]
fn the_feed_and_sitemap_escape_what_the_school_writes() {
    let site = site_with_awkward_text();
    site.build();
    let feed = read(&site, "atom.xml");
    let feed = roxmltree::Document::parse(&feed).expect("the feed is well-formed XML");
    let texts: Vec<&str> = feed
        .descendants()
        .filter(|n| n.has_tag_name("title") || n.has_tag_name("summary"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        texts,
        [
            "Smith & Jones <Academy> \"Trust\" O'Neil: careers news",
            "Fish & chips <b>day</b> \"quoted\" it's",
            "A & B < C > D",
        ]
    );
    let links: Vec<&str> = feed
        .descendants()
        .filter(|n| n.has_tag_name("link"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert_eq!(
        links,
        [
            "https://www.school.sch.uk/a&b/atom.xml",
            "https://www.school.sch.uk/a&b/",
            "https://www.school.sch.uk/a&b/news/fair/",
        ]
    );
    let sitemap = read(&site, "sitemap.xml");
    let sitemap = roxmltree::Document::parse(&sitemap).expect("the sitemap is well-formed XML");
    assert!(
        sitemap
            .descendants()
            .any(|n| n.has_tag_name("loc") && n.text() == Some("https://www.school.sch.uk/a&b/"))
    );
    assert!(
        read(&site, "robots.txt").ends_with("Sitemap: https://www.school.sch.uk/a&b/sitemap.xml\n")
    );
}

#[test]
fn a_school_theme_replaces_the_feed_sitemap_and_robots_templates() {
    let site = site_with_awkward_text();
    site.write(
        "themes/default/templates/robots.txt",
        "User-agent: *\nDisallow: /staff/\n\nSitemap: {{ sitemap.url }}\n",
    )
    .write(
        "themes/default/templates/atom.xml",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{{ site.name }}</title>{% for entry in feed.entries %}<entry><title>{{ entry.title }}</title></entry>{% endfor %}</feed>\n",
    )
    .write(
        "themes/default/templates/sitemap.xml",
        "<urlset>{% for entry in sitemap.pages %}{% if entry.date %}<url><loc>{{ entry.url }}</loc></url>{% endif %}{% endfor %}</urlset>\n",
    );
    site.build();
    assert_eq!(
        read(&site, "robots.txt"),
        "User-agent: *\nDisallow: /staff/\n\nSitemap: https://www.school.sch.uk/a&b/sitemap.xml\n"
    );
    assert_eq!(
        read(&site, "atom.xml"),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Smith &amp; Jones &lt;Academy&gt; &quot;Trust&quot; O&#39;Neil</title><entry><title>Fish &amp; chips &lt;b&gt;day&lt;/b&gt; &quot;quoted&quot; it&#39;s</title></entry></feed>\n"
    );
    assert_eq!(
        read(&site, "sitemap.xml"),
        "<urlset><url><loc>https://www.school.sch.uk/a&amp;b/news/fair/</loc></url></urlset>\n"
    );
}

#[test]
fn a_mistake_in_the_robots_template_names_the_file_and_line() {
    let site = site_with_awkward_text();
    site.write(
        "themes/default/templates/robots.txt",
        "User-agent: *\nSitemap: {{ sitemap.adress }}\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("themes/default/templates/robots.txt"), "{err}");
    assert!(err.contains("robots.txt:2:"), "{err}");
    assert!(err.contains("while rendering /robots.txt"), "{err}");
    assert!(!site.output().exists());
}

#[test]
fn the_feed_and_sitemap_templates_cannot_be_chosen_for_a_page() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntemplate: atom.xml\n---\nText.\n");
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("there is no template called `atom.xml`"),
        "{err}"
    );
}

#[test]
fn a_school_template_extends_the_built_in_one_and_replaces_only_a_block() {
    let site = TestSite::example();
    site.build();
    let built_in = site.snapshot();
    // A base.html that changes nothing yet, in the chain page.html → base.html → default/base.html.
    site.write(
        "themes/default/templates/base.html",
        "{% extends \"default/base.html\" %}\n",
    );
    site.build();
    assert!(
        site.snapshot() == built_in,
        "extending the built-in base.html changed the site"
    );
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"default/page.html\" %}\n{% block content %}<p class=\"notice\">Term dates have changed.</p>\n{{ super() }}{% endblock content %}\n",
    );
    site.build();
    let page = site.page("pupils/work-experience/index.html");
    assert_eq!(page.text("main .notice"), "Term dates have changed.");
    assert_eq!(page.text("main h1"), "Work experience in Year 10");
}

#[test]
fn a_theme_cannot_hide_the_built_in_templates() {
    let site = TestSite::new();
    site.write("content/a.md", "Text.\n").write(
        "themes/default/templates/default/page.html",
        "{% extends \"base.html\" %}\n",
    );
    site.refused(
        "themes/default/templates/default",
        "a theme's templates cannot have a folder called `default`",
    );
}

/// Every file under `folder` and its bytes.
fn files_under(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry.path().strip_prefix(folder).unwrap();
            (
                name.to_string_lossy().replace('\\', "/"),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn init_theme_copies_a_theme_that_builds_the_same_site_and_never_overwrites() {
    let site = TestSite::example();
    site.build();
    let built_in = site.snapshot();
    let said = site.run(&["init", "--theme"]).success().stdout();
    let built_in_files = walkdir::WalkDir::new(common::repo_root().join("themes/default"))
        .into_iter()
        .filter(|entry| entry.as_ref().is_ok_and(|e| e.file_type().is_file()))
        .count();
    assert!(
        said.contains(&format!("themes/default/ ({built_in_files} files)")),
        "{said}"
    );
    assert!(said.contains("default/base.html"), "{said}");
    let theme = site.root().join("themes/default");
    assert!(theme.join("templates/base.html").is_file());
    assert!(theme.join("templates/atom.xml").is_file());
    assert!(theme.join("static/style.css").is_file());

    let copied = site.root().join("copied");
    site.run(&["build", "--output", copied.to_str().unwrap()])
        .success();
    assert!(
        files_under(&copied) == built_in,
        "the copied theme built a different site"
    );

    // The school changes a template; a second copy must refuse and keep it.
    site.edit(
        "themes/default/templates/page.html",
        "{% block content %}",
        "{% block content %}<p>Ours</p>",
    );
    let before = files_under(&theme);
    let again = site.run(&["init", "--theme"]).failure().stderr();
    assert!(
        again.contains(&format!(
            "themes/default/templates/404.html already exists, and so do {} more",
            built_in_files - 1
        )),
        "{again}"
    );
    assert!(again.contains("never overwrites"), "{again}");
    assert!(
        files_under(&theme) == before,
        "a refused copy changed the theme"
    );
    site.build();
    let page = site.page("pupils/work-experience/index.html");
    assert_eq!(
        page.texts("main > p").first().map(String::as_str),
        Some("Ours")
    );
}

#[test]
fn init_theme_copies_into_the_theme_site_yaml_names() {
    let site = TestSite::new();
    site.write("content/site.yaml", "theme: riverside\n")
        .write("themes/riverside/templates/partials/contact.html", "ours\n");
    let err = site.run(&["init", "--theme"]).failure().stderr();
    assert!(
        err.contains("themes/riverside/templates/partials/contact.html already exists\n"),
        "{err}"
    );
    assert_eq!(
        files_under(&site.root().join("themes")).len(),
        1,
        "a refused copy wrote files"
    );
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    let said = site.run(&["init", "--theme"]).success().stdout();
    assert!(said.contains("themes/riverside/"), "{said}");
    assert!(
        site.root()
            .join("themes/riverside/templates/base.html")
            .is_file()
    );
    assert!(!site.root().join("themes/default").exists());
}

#[test]
fn init_theme_refuses_a_theme_name_that_leads_out_of_themes() {
    let site = TestSite::new();
    site.write("content/site.yaml", "theme: ../outside\n");
    let err = site.run(&["init", "--theme"]).failure().stderr();
    assert!(err.contains("content/site.yaml"), "{err}");
    assert!(
        err.contains("`../outside`, which is not the name of a folder"),
        "{err}"
    );
    assert!(!site.root().join("outside").exists());
    assert!(!site.root().join("themes").exists());
}

#[test]
fn init_with_a_folder_and_theme_starts_a_site_with_its_own_theme() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("school");
    careersite(&["init".as_ref(), folder.as_os_str(), "--theme".as_ref()]).success();
    assert!(folder.join("content/site.yaml").is_file());
    assert!(folder.join("themes/default/templates/base.html").is_file());
    let without_folder = careersite(&[
        "init".as_ref(),
        "--root".as_ref(),
        parent.path().as_os_str(),
        "--theme".as_ref(),
    ])
    .failure()
    .stderr();
    assert!(
        without_folder.contains("there is no `content` folder"),
        "{without_folder}"
    );
}

#[test]
fn a_theme_name_that_leads_out_of_themes_is_refused_by_build() {
    let site = TestSite::new();
    site.write("content/site.yaml", "theme: ../content\n");
    site.refused(
        "content/site.yaml",
        "`../content`, which is not the name of a folder",
    );
}
