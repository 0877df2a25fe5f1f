//! The accessibility statement and the Atom feed of dated pages.

mod common;

use common::TestSite;

#[test]
fn every_site_has_an_accessibility_statement_linked_from_every_page() {
    let site = TestSite::new();
    site.write("content/a.md", "# A\n");
    site.build();
    let statement = site.page("accessibility/index.html");
    assert_eq!(statement.text("h1"), "Accessibility statement");
    assert!(
        statement
            .text("main")
            .contains("Web Content Accessibility Guidelines version 2.2")
    );
    assert!(
        statement
            .text("main")
            .contains("Equality Advisory and Support Service")
    );
    assert_eq!(
        site.page("a/index.html").link("Accessibility statement"),
        "../accessibility/index.html"
    );
}

#[test]
fn the_statement_is_generated_from_site_yaml() {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "school:\n  name: Riverside\ncareers_leader:\n  email: careers@riverside.sch.uk\n  phone: 01632 960 123\naccessibility:\n  tested: 2026-07-06\n  known_issues:\n    - Old PDF newsletters are not accessible.\n",
    );
    site.build();
    let page = site.page("accessibility/index.html");
    let main = page.text("main");
    assert!(
        main.contains("Old PDF newsletters are not accessible."),
        "{main}"
    );
    assert!(
        main.contains("partially compliant"),
        "known issues make it partial"
    );
    assert_eq!(
        page.link("careers@riverside.sch.uk"),
        "mailto:careers@riverside.sch.uk",
        "the Careers Leader stands in"
    );
    assert_eq!(page.link("01632 960 123"), "tel:+441632960123");
    assert_eq!(page.attrs("main time", "datetime"), ["2026-07-06"]);
}

#[test]
fn dated_pages_make_an_atom_feed_newest_first() {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "school:\n  name: Riverside & Co\nurl: https://www.riverside.sch.uk/careers/\n",
    )
    .write(
        "content/news/old.md",
        "---\ntitle: Old news\ndate: 2025-01-10\n---\nFirst <b>paragraph</b> & more.\n",
    )
    .write(
        "content/news/new.md",
        "---\ntitle: New news\ndate: 2026-03-19\ndescription: A fair.\n---\n",
    )
    .write("content/about.md", "# Undated\n");
    site.build();
    let text = std::fs::read_to_string(site.output().join("atom.xml")).unwrap();
    let xml = roxmltree::Document::parse(&text).expect("well-formed XML");
    let feed = xml.root_element();
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let child = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(
        child(feed, "title").unwrap(),
        "Riverside & Co: careers news"
    );
    assert_eq!(child(feed, "updated").unwrap(), "2026-03-19T00:00:00Z");
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    let titles: Vec<_> = entries
        .iter()
        .map(|e| child(*e, "title").unwrap())
        .collect();
    assert_eq!(titles, ["New news", "Old news"], "undated pages stay out");
    assert_eq!(
        child(entries[0], "id").unwrap(),
        "https://www.riverside.sch.uk/careers/news/new/"
    );
    assert_eq!(
        child(entries[1], "summary").unwrap(),
        "First paragraph & more."
    );
    let page = site.page("news/new/index.html");
    assert_eq!(
        page.attrs("link[type='application/atom+xml']", "href"),
        ["../../atom.xml"]
    );
}

#[test]
fn without_a_public_address_there_is_no_feed() {
    let site = TestSite::new();
    site.write("content/news/a.md", "---\ndate: 2026-01-01\n---\n");
    site.build();
    assert!(!site.exists("atom.xml"));
    assert!(
        site.page("news/a/index.html")
            .attrs("link[type='application/atom+xml']", "href")
            .is_empty()
    );
}
