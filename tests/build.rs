//! `careersite build`: what a webmaster and a careers leader can rely on.

mod common;

use std::ffi::OsStr;

use common::{TestSite, careersite};

#[test]
fn markdown_files_are_published_at_addresses_that_mirror_their_paths() {
    let site = TestSite::new();
    site.write("content/_index.md", "# Home\n")
        .write("content/a/b.md", "# B\n")
        .write("content/a/_index.md", "# A\n")
        .write("content/Key Stage 4/Year 11 Options.md", "# Options\n");
    site.build();
    assert_eq!(site.page("index.html").text("h1"), "Home");
    assert_eq!(site.page("a/index.html").text("h1"), "A");
    assert_eq!(site.page("a/b/index.html").text("h1"), "B");
    assert_eq!(
        site.page("key-stage-4/year-11-options/index.html")
            .text("h1"),
        "Options"
    );
}

#[test]
fn a_section_lists_its_pages_in_weight_then_date_order() {
    let site = TestSite::new();
    site.write(
        "content/news/_index.md",
        "---\ntitle: News\n---\nLatest news.\n",
    )
    .write(
        "content/news/old.md",
        "---\ntitle: Old\ndate: 2024-01-01\n---\n",
    )
    .write(
        "content/news/new.md",
        "---\ntitle: New\ndate: 2025-01-01\n---\n",
    )
    .write(
        "content/news/pinned.md",
        "---\ntitle: Pinned\nweight: 1\n---\n",
    )
    .write(
        "content/news/draft.md",
        "---\ntitle: Draft\ndraft: true\n---\n",
    );
    site.build();
    let news = site.page("news/index.html");
    assert_eq!(news.texts(".listing li > a"), ["Pinned", "New", "Old"]);
    assert_eq!(
        news.attrs(".listing time", "datetime"),
        ["2025-01-01", "2024-01-01"]
    );
    assert!(
        !site.exists("news/draft/index.html"),
        "drafts are not published"
    );
}

#[test]
fn a_folder_without_an_index_still_gets_a_page_listing_it() {
    let site = TestSite::new();
    site.write("content/guides/cv.md", "# Writing a CV\n");
    site.build();
    let guides = site.page("guides/index.html");
    assert_eq!(guides.text("h1"), "Guides");
    assert_eq!(guides.link("Writing a CV"), "../guides/cv/index.html");
}

#[test]
fn every_page_has_the_audiences_as_its_menu_with_the_current_one_marked() {
    let site = TestSite::new();
    site.write(
        "content/parents/help.md",
        "---\ntitle: Help\naudiences: [parents]\n---\n",
    );
    site.build();
    let page = site.page("parents/help/index.html");
    assert_eq!(
        page.texts(".audience-menu a"),
        ["Pupils", "Parents and carers", "Staff", "Employers"]
    );
    assert_eq!(
        page.attrs(".audience-menu a[aria-current=true]", "href"),
        ["../../parents/index.html"],
        "a page in a hub's folder marks its hub"
    );
    let hub = site.page("parents/index.html");
    assert_eq!(
        hub.attrs(".audience-menu a[aria-current=page]", "href"),
        ["../parents/index.html"]
    );
    assert_eq!(
        hub.text("title"),
        "Information for parents and carers – Careers – Careers"
    );
}

#[test]
fn a_hub_leads_with_its_own_guides_and_keeps_news_apart() {
    let site = TestSite::new();
    let page = |path: &str, front: &str| {
        site.write(
            path,
            format!("---\n{front}\naudiences: [parents]\n---\nText.\n"),
        );
    };
    page("content/parents/help.md", "title: Helping your child");
    page(
        "content/pupils/options.md",
        "title: Choosing options\ndate: 2026-01-12",
    );
    page("content/guides/money.md", "title: Student money");
    page(
        "content/news/fair.md",
        "title: Careers fair report\ndate: 2026-03-19",
    );
    site.build();
    let hub = site.page("parents/index.html");
    assert_eq!(
        hub.texts("section[aria-labelledby=start-here] .task-list a"),
        ["Helping your child"]
    );
    assert_eq!(
        hub.texts("section[aria-labelledby=also] .task-list a"),
        ["Choosing options", "Student money"],
        "another hub's guide, dated or not, and an undated page from elsewhere"
    );
    assert_eq!(
        hub.texts("section[aria-labelledby=news] .listing a"),
        ["Careers fair report"]
    );
    let headings = hub.texts("main h2");
    let at = |heading: &str| headings.iter().position(|h| h == heading);
    assert!(at("Start here") < at("Also for parents and carers"));
    assert!(at("Also for parents and carers") < at("News"));
    let home = site.page("index.html");
    assert_eq!(
        home.attrs("section[aria-labelledby=start-here] .task-list a", "href"),
        ["pupils/options/index.html", "parents/help/index.html"],
        "the home page links to each hub's own guides, hub by hub"
    );
}

#[test]
fn pages_tagged_for_an_audience_appear_on_its_hub() {
    let site = TestSite::new();
    site.write(
        "content/events/fair.md",
        "---\ntitle: Careers fair\naudiences: [pupils, employers]\n---\n",
    );
    site.build();
    assert_eq!(
        site.page("employers/index.html")
            .texts("section[aria-labelledby=also] a"),
        ["Careers fair"]
    );
    assert_eq!(
        site.page("pupils/index.html")
            .texts("section[aria-labelledby=also] a"),
        ["Careers fair"]
    );
    assert!(
        site.page("staff/index.html")
            .text("main")
            .contains("no pages for staff yet")
    );
}

#[test]
fn front_matter_errors_name_the_file_line_and_column_and_the_fix() {
    let site = TestSite::new();
    site.write(
        "content/pupils/a.md",
        "---\ntitle: A\naudiences: [pupil]\n---\nText\n",
    );
    site.refused_saying(
        "content/pupils/a.md:3:13: `pupil` is not an audience: use pupils, parents, staff or employers",
        "docs/content.md describes every field and the values it takes",
    );
}

#[test]
fn a_benchmark_that_does_not_exist_is_refused_with_its_line() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\nbenchmarks: [1, 9]\n---\n");
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains(
            "content/a.md:3:17: `9` is not a benchmark: the Gatsby Benchmarks are numbered 1 to 8"
        ),
        "{err}"
    );
}

#[test]
fn unclosed_front_matter_is_explained() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n\nSome text\n");
    site.refused_saying(
        "content/a.md:1:1: the front matter that starts on line 1 is never closed",
        "add a line with only `---` after the last front matter line, before the page's text",
    );
}

#[test]
fn misspelt_front_matter_keys_warn_but_build() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\ndecsription: typo\n---\n");
    let run = site.build();
    assert!(
        run.stderr()
            .contains("warning: content/a.md:3:1: unknown field `decsription`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn site_yaml_errors_point_into_site_yaml() {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "school:\n  name: Riverside\n  phase: grammar\n",
    );
    site.refused_saying(
        "content/site.yaml:3:10: `grammar` is not a school phase: use primary, secondary, all-through, special or college",
        "docs/content.md describes every field and the values it takes",
    );
}

#[test]
fn a_school_template_overrides_the_built_in_one_file_by_file() {
    let site = TestSite::new();
    site.write("content/site.yaml", "theme: riverside\n")
        .write("content/a.md", "# A\n")
        .write(
            "themes/riverside/templates/page.html",
            "{% extends \"base.html\" %}{% block content %}<h1 class=\"ours\">{{ page.title }}</h1>{% endblock content %}",
        )
        .write("themes/riverside/static/extra.css", "p { color: red; }");
    site.build();
    let page = site.page("a/index.html");
    assert_eq!(page.text("h1.ours"), "A");
    assert_eq!(
        page.texts(".skip-link"),
        ["Skip to main content"],
        "base.html is still built in"
    );
    assert!(site.exists("extra.css"));
    assert!(site.exists("style.css"), "built-in static files remain");
}

#[test]
fn a_page_can_choose_its_template() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\ntemplate: wide.html\n---\n")
        .write(
            "themes/default/templates/wide.html",
            "<p class=\"wide\">{{ page.title }}</p>",
        );
    site.build();
    assert_eq!(site.page("a/index.html").text("p.wide"), "A");
}

#[test]
fn a_missing_template_is_named_with_the_choices() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntemplate: nope.html\n---\n");
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("content/a.md") && err.contains("nope.html") && err.contains("page.html"),
        "{err}"
    );
}

#[test]
fn a_broken_template_names_the_template_file() {
    let site = TestSite::new();
    site.write("content/a.md", "# A\n")
        .write("themes/default/templates/page.html", "{% if %}");
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("themes/default/templates/page.html"), "{err}");
}

#[test]
fn static_files_are_copied_as_they_are() {
    let site = TestSite::new();
    let pdf = b"%PDF-1.4 binary \x00\xff bytes";
    site.write("content/downloads/Careers Policy.pdf", pdf)
        .write("content/a.md", "[Policy](downloads/Careers%20Policy.pdf)\n");
    site.build();
    assert_eq!(
        std::fs::read(site.output().join("downloads/Careers Policy.pdf")).unwrap(),
        pdf
    );
    assert_eq!(
        site.page("a/index.html").link("Policy"),
        "../downloads/Careers%20Policy.pdf"
    );
}

#[test]
fn data_files_hidden_files_and_editor_leftovers_are_not_published() {
    let site = TestSite::new();
    site.write("content/site.yaml", "school:\n  name: X\n")
        .write("content/.DS_Store", "x")
        .write("content/a.md~", "x")
        .write("content/.a.md.swp", "x");
    site.build();
    for path in ["site.yaml", ".DS_Store", "a.md~", ".a.md.swp"] {
        assert!(!site.exists(path), "{path} should not be published");
    }
}

#[test]
fn bare_web_and_email_addresses_become_links_but_not_in_code() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "# A\n\nApply at https://www.gov.uk/apply-apprenticeship. Or www.ucas.com, or email careers@school.sch.uk.\n\nType `https://www.example.org/in-code` as it is.\n",
    )
    .write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 2027-01-28\n    description: Book at www.eventbrite.co.uk.\n",
    );
    let run = site.build();
    let page = site.page("a/index.html");
    assert_eq!(
        page.link("https://www.gov.uk/apply-apprenticeship"),
        "https://www.gov.uk/apply-apprenticeship"
    );
    assert_eq!(page.link("www.ucas.com"), "https://www.ucas.com");
    assert_eq!(
        page.link("careers@school.sch.uk"),
        "mailto:careers@school.sch.uk"
    );
    assert_eq!(page.texts("main code"), ["https://www.example.org/in-code"]);
    assert!(page.texts("main a code, main code a").is_empty());
    assert_eq!(
        site.page("events/index.html").link("www.eventbrite.co.uk"),
        "https://www.eventbrite.co.uk"
    );
    assert!(!run.stderr().contains("broken link"), "{}", run.stderr());
}

#[test]
fn every_link_is_relative_and_stays_inside_the_site_so_it_works_from_a_sub_folder_or_disk() {
    let site = TestSite::example();
    site.build();
    let mut checked = 0;
    for (path, bytes) in site.snapshot() {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let page = common::Page(scraper::Html::parse_document(
            &String::from_utf8(bytes).unwrap(),
        ));
        let folder: Vec<&str> =
            path.split('/').collect::<Vec<_>>()[..path.matches('/').count()].to_vec();
        for link in page
            .attrs("a[href]", "href")
            .into_iter()
            .chain(page.attrs("[src]", "src"))
            .chain(page.attrs("link[rel=stylesheet]", "href"))
        {
            if link.contains(':') || link.starts_with('#') {
                continue; // another site, e-mail, telephone, or this page
            }
            assert!(
                !link.starts_with('/'),
                "{path}: {link} starts at the domain root"
            );
            let target = resolve(&folder, &link)
                .unwrap_or_else(|| panic!("{path}: {link} climbs above the site root"));
            let decoded = percent_encoding::percent_decode_str(&target)
                .decode_utf8()
                .unwrap();
            assert!(
                site.exists(&decoded),
                "{path}: {link} leads to {decoded}, which is missing"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

/// Resolves a relative link from a page in `folder` the way a browser would.
fn resolve(folder: &[&str], link: &str) -> Option<String> {
    let path = link.split(['#', '?']).next().unwrap();
    let mut parts: Vec<&str> = folder.to_vec();
    for segment in path.split('/') {
        match segment {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[test]
fn building_twice_gives_byte_identical_output() {
    let first = TestSite::example();
    first.build();
    let second = TestSite::example();
    second.build();
    assert_eq!(first.snapshot(), second.snapshot());
    let again = first.build();
    assert!(again.stdout().contains("0 written"), "{}", again.stdout());
}

#[test]
fn the_build_reports_what_it_did_in_one_line_unless_quiet() {
    let site = TestSite::example();
    let run = site.build();
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let html_pages = site
        .snapshot()
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert!(
        lines[0].starts_with(&format!("Built {html_pages} pages")),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains(" ms"), "{}", lines[0]);
    let quiet = TestSite::example().run(&["build", "--quiet"]).success();
    assert_eq!(quiet.stdout(), "");
}

#[test]
fn sitemap_and_robots_are_written_only_when_the_public_address_is_known() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\ndate: 2025-02-01\n---\n");
    site.build();
    assert!(!site.exists("sitemap.xml") && !site.exists("robots.txt"));

    site.write(
        "content/site.yaml",
        "url: https://www.school.sch.uk/careers\n",
    );
    site.build();
    let sitemap = std::fs::read_to_string(site.output().join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains(
            "<loc>https://www.school.sch.uk/careers/a/</loc><lastmod>2025-02-01</lastmod>"
        ),
        "{sitemap}"
    );
    let robots = std::fs::read_to_string(site.output().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://www.school.sch.uk/careers/sitemap.xml"));
    let page = site.page("a/index.html");
    assert_eq!(
        page.attrs("link[rel=canonical]", "href"),
        ["https://www.school.sch.uk/careers/a/"]
    );
    assert_eq!(
        page.attrs("meta[property='og:url']", "content"),
        ["https://www.school.sch.uk/careers/a/"]
    );
}

#[test]
fn the_404_page_links_from_the_public_path_because_it_is_served_at_any_depth() {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "url: https://www.school.sch.uk/careers/\n",
    );
    site.build();
    let page = site.page("404.html");
    assert_eq!(page.text("h1"), "Page not found");
    let stylesheet = &page.attrs("link[rel=stylesheet]", "href")[0];
    assert!(
        stylesheet.starts_with("/careers/cached/") && stylesheet.ends_with("/style.css"),
        "{stylesheet}"
    );
}

#[test]
fn pages_are_accessible_by_construction() {
    let site = TestSite::example();
    site.build();
    for (path, _) in site.snapshot().iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = site.page(path);
        assert_eq!(page.texts("h1").len(), 1, "{path} has one h1");
        assert_eq!(page.attrs("html", "lang"), ["en-GB"], "{path}");
        assert_eq!(
            page.attrs("body > a:first-child", "href"),
            ["#main"],
            "{path} starts with a skip link"
        );
        assert_eq!(page.texts("main#main").len(), 1, "{path}");
        assert_eq!(page.texts("header").len(), 1, "{path}");
        assert_eq!(page.texts("footer").len(), 1, "{path}");
        assert!(
            page.attrs("script", "src").is_empty() && page.texts("script").is_empty(),
            "{path} needs no JavaScript"
        );
        for src in page
            .attrs("[src]", "src")
            .iter()
            .chain(&page.attrs("link[rel=stylesheet], link[rel=icon]", "href"))
        {
            assert!(
                !src.starts_with("http") && !src.starts_with("//"),
                "{path} requests {src} from another site"
            );
        }
    }
}

#[test]
fn a_generic_corpus_builds_without_any_careersite_file() {
    let site = TestSite::new();
    for section in ["blog", "docs/guides", "docs/reference"] {
        site.write(
            &format!("content/{section}/_index.md"),
            format!("---\ntitle: {section}\n---\n"),
        );
        for n in 0..3 {
            site.write(
                &format!("content/{section}/post-{n}.md"),
                format!("---\ntitle: \"Post {n}\"\ndate: 2023-05-0{}T10:00:00Z\ntags: [a, b]\n---\n\n## Heading\n\nText with a [link](https://example.org).\n", n + 1),
            );
        }
    }
    let run = site.build();
    assert!(run.stdout().starts_with("Built "), "{}", run.stdout());
    let home = site.page("index.html");
    assert_eq!(
        home.text("h1"),
        "Careers",
        "the default school name stands in"
    );
    assert_eq!(
        site.page("docs/guides/post-2/index.html").text("h1"),
        "Post 2"
    );
    assert!(
        site.exists("docs/index.html"),
        "the docs folder gets a listing page"
    );
}

#[test]
fn a_missing_content_folder_is_explained() {
    let site = TestSite::new();
    std::fs::remove_dir(site.root().join("content")).unwrap();
    site.refused_saying(
        &format!("there is no `content` folder in {}", site.root().display()),
        "run careersite in the folder that holds `content/`, pass --root FOLDER, or start a new site with `careersite init FOLDER`",
    );
}

#[test]
fn two_files_for_one_address_are_refused_and_both_named() {
    for (files, error) in [
        (
            ["content/a/_index.md", "content/a/index.md"],
            "content/a/index.md: this page and content/a/_index.md would both be published at /a/",
        ),
        // Capitals, spaces and punctuation are lost from addresses, so these two clash too.
        (
            ["content/pupils/open day.md", "content/pupils/Open-Day.md"],
            "content/pupils/open day.md: this page and content/pupils/Open-Day.md would both be published at /pupils/open-day/",
        ),
    ] {
        let site = TestSite::new();
        site.write(files[0], "# One\n")
            .write(files[1], "# The other\n");
        site.refused_saying(
            error,
            "rename or move one of them; names differing only in capitals or punctuation count as the same",
        );
    }
}

#[test]
fn init_scaffolds_a_school_that_builds_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new-school");
    let init = [OsStr::new("init"), target.as_os_str()];
    careersite(&init).success();
    assert!(target.join("content/site.yaml").exists());
    careersite(&[
        OsStr::new("build"),
        OsStr::new("--root"),
        target.as_os_str(),
    ])
    .success();
    let again = careersite(&init).failure();
    assert!(
        again.stderr().contains("never overwrites"),
        "{}",
        again.stderr()
    );
}

#[test]
fn a_school_file_where_careersite_writes_one_is_named_by_build_and_check_alike() {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "url: https://www.school.sch.uk/careers\ncompliance_page: true\n",
    );
    site.write("content/news.md", "---\ndate: 2026-01-05\n---\nNews.\n");
    site.write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 2027-01-05\n",
    );
    for (file, what) in [
        ("content/events/calendar.ics", "events calendar"),
        ("content/atom.xml", "news feed"),
        ("content/compliance/index.html", "compliance checklist"),
        ("content/404.html", "page-not-found page"),
        ("content/Sitemap.XML", "sitemap"),
    ] {
        site.write(file, "mine");
        let build = site.run(&["build"]).failure().stderr();
        let check = site.run(&["check"]).failure().stdout();
        for said in [&build, &check] {
            assert!(said.contains(file), "{file}: {said}");
            assert!(
                said.contains(&format!("would be overwritten by the {what}")),
                "{said}"
            );
        }
        std::fs::remove_file(site.root().join(file)).unwrap();
    }
    site.build();
}

#[test]
fn no_page_links_to_a_feed_that_is_not_written() {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "url: https://www.school.sch.uk/careers\n",
    );
    site.write("content/about.md", "About us.\n");
    site.build();
    assert!(!site.exists("atom.xml"));
    assert!(
        site.page("about/index.html")
            .attrs("link[type='application/atom+xml']", "href")
            .is_empty()
    );
    let check = site.run(&["check"]).stdout();
    assert!(!check.contains("atom.xml"), "{check}");

    site.write("content/news.md", "---\ndate: 2026-01-05\n---\nNews.\n");
    site.build();
    assert!(site.exists("atom.xml"));
    assert_eq!(
        site.page("about/index.html")
            .attrs("link[type='application/atom+xml']", "href"),
        ["../atom.xml"]
    );
}

#[test]
fn a_markdown_file_is_a_page_whatever_the_case_of_its_extension() {
    let site = TestSite::new();
    site.write("content/Options.MD", "# Options\n");
    site.write("content/careers-fair.Md", "# Careers fair\n");
    site.build();
    assert_eq!(site.page("options/index.html").text("h1"), "Options");
    assert_eq!(
        site.page("careers-fair/index.html").text("h1"),
        "Careers fair"
    );
    assert!(!site.exists("Options.MD") && !site.exists("careers-fair.Md"));
}

#[test]
fn a_public_address_with_a_query_or_fragment_is_refused() {
    // Page paths are appended to it: `https://x/?q` would publish addresses like `?q/pupils/`.
    for url in [
        "https://www.school.sch.uk/?q",
        "https://www.school.sch.uk/careers#top",
    ] {
        let site = TestSite::new();
        site.write("content/site.yaml", format!("url: {url}\n"));
        let err = site.run(&["build"]).failure().stderr();
        assert!(err.contains("content/site.yaml:1:6"), "{err}");
        assert!(err.contains("with no `?` or `#` part"), "{err}");
    }
}

#[test]
fn control_characters_never_reach_a_page_the_feed_or_a_calendar() {
    // One control character makes a feed reader reject the whole Atom feed.
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "url: https://www.school.sch.uk/careers\n",
    );
    site.write(
        "content/news.md",
        "---\ntitle: \"Open\\x01 evening\\x1b\"\ndate: 2026-01-05\n---\nDoors open\u{7}.\n",
    );
    site.write(
        "content/events.yaml",
        "events:\n  - title: \"Careers\\x02 fair\"\n    start: 2027-01-05\n",
    );
    site.build();
    let forbidden = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    for (path, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.chars().any(forbidden),
            "{path} has a control character"
        );
    }
    let feed = std::fs::read_to_string(site.output().join("atom.xml")).unwrap();
    let feed = roxmltree::Document::parse(&feed).expect("the feed is well-formed XML");
    assert!(
        feed.descendants()
            .any(|n| n.has_tag_name("title") && n.text() == Some("Open evening"))
    );
    assert_eq!(site.page("news/index.html").text("h1"), "Open evening");
}

#[test]
fn a_heading_cannot_take_the_id_the_skip_link_leads_to() {
    let site = TestSite::new();
    site.write("content/a.md", "# A\n\n## Start here {#main}\n\nText.\n");
    let build = site.build().stderr();
    assert!(
        build.contains("content/a.md:3:1")
            && build.contains("the id `main` is already used by the page around this text"),
        "{build}"
    );
    let page = site.page("a/index.html");
    assert_eq!(page.attrs("[id='main']", "id").len(), 1);
    assert_eq!(
        page.texts("main#main").len(),
        1,
        "the skip link's target is the main content"
    );
    assert_eq!(page.attrs("h2#main-1", "id"), ["main-1"]);
}

#[test]
fn a_heading_named_after_a_year_group_keeps_its_id_on_an_ordinary_page() {
    // The year-by-year page gives year groups their ids; an ordinary page may use them.
    let site = TestSite::new();
    site.write(
        "content/pupils/options.md",
        "# Options\n\n## Year 9\n\nChoices.\n",
    );
    site.write(
        "content/parents/help.md",
        "# Help\n\nSee [Year 9](../pupils/options.md#year-9).\n",
    );
    let build = site.build().stderr();
    assert!(!build.contains("already used"), "{build}");
    assert_eq!(
        site.page("pupils/options/index.html").attrs("h2", "id"),
        ["year-9"]
    );
    let check = site.run(&["check"]).stdout();
    assert!(
        !check.contains("ANCHOR") && !check.contains("ID"),
        "{check}"
    );
}
