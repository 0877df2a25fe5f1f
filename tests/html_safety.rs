//! What a page may run or load: raw HTML is kept but made safe, data is escaped, and every
//! page carries a Content Security Policy that the theme satisfies.

mod common;

use common::TestSite;

const HOSTILE: &str = r#"# Careers fair

<p onclick="steal()">Come along on <b>Thursday</b>.</p>

<script>alert("hello")</script>

<iframe src="https://video.example.com/embed/1"></iframe>

<a href="javascript:alert(1)">Book a place</a>

[Also a place](javascript:alert(2))

<details><summary>Who is coming?</summary>

Employers from the town.

</details>
"#;

#[test]
fn scripts_handlers_script_links_and_embeds_are_removed_with_a_warning_each() {
    let site = TestSite::example();
    site.write("content/pupils/fair.md", HOSTILE);
    let run = site.build();
    let page = site.page("pupils/fair/index.html");
    let html = page.0.html();
    for gone in [
        "<script>alert",
        "onclick",
        "javascript:",
        "<iframe",
        "video.example.com",
    ] {
        assert!(!html.contains(gone), "{gone} is still there");
    }
    assert_eq!(page.text(".content b"), "Thursday");
    assert_eq!(page.text(".content summary"), "Who is coming?");
    assert!(
        page.text(".content details")
            .contains("Employers from the town.")
    );
    assert!(page.text(".content").contains("Book a place"));
    let err = run.stderr();
    for (line, what) in [
        (3, "an `onclick` handler"),
        (5, "a <script> element"),
        (7, "a <iframe> element"),
        (9, "the address `javascript:alert(1)`"),
        (11, "the address `javascript:alert(2)`"),
    ] {
        assert!(
            err.contains(&format!("content/pupils/fair.md:{line}:")) && err.contains(what),
            "no warning of {what} on line {line}:\n{err}"
        );
    }
    assert!(err.contains("allow_scripts: true"), "{err}");
}

#[test]
fn a_school_can_allow_its_own_scripts() {
    let site = TestSite::example();
    site.write("content/pupils/fair.md", HOSTILE);
    site.edit(
        "content/site.yaml",
        "language:",
        "allow_scripts: true\nlanguage:",
    );
    let run = site.build();
    assert!(!run.stderr().contains("UNSAFE-HTML"), "{}", run.stderr());
    let page = site.page("pupils/fair/index.html");
    assert!(page.0.html().contains(r#"<script>alert("hello")</script>"#));
    let policy = page.attrs(r#"meta[http-equiv="Content-Security-Policy"]"#, "content");
    assert!(
        policy[0].contains("script-src 'self' 'unsafe-inline'"),
        "{policy:?}"
    );
}

#[test]
fn every_page_forbids_loading_from_or_sending_to_other_sites() {
    let site = TestSite::example();
    site.build();
    let pages: Vec<String> = site
        .snapshot()
        .into_keys()
        .filter(|path| path.ends_with(".html"))
        .collect();
    assert!(pages.len() > 20);
    for path in pages {
        let page = site.page(&path);
        let policy = page.attrs(
            r#"head meta[http-equiv="Content-Security-Policy"]"#,
            "content",
        );
        assert_eq!(
            policy,
            [
                "default-src 'self'; object-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'"
            ],
            "{path}"
        );
        assert!(
            page.attrs("[style]", "style").is_empty(),
            "{path} has inline styles"
        );
        assert!(page.texts("script").is_empty(), "{path} has a script");
    }
}

#[test]
fn aligned_table_columns_use_classes_not_inline_styles() {
    let site = TestSite::example();
    site.write(
        "content/pupils/table.md",
        "# Table\n\n| Left | Centre | Right |\n|:--|:-:|--:|\n| a | b | c |\n",
    );
    site.build();
    let page = site.page("pupils/table/index.html");
    assert_eq!(
        page.attrs("td", "class"),
        ["align-left", "align-center", "align-right"]
    );
    assert!(page.attrs("[style]", "style").is_empty());
}

#[test]
fn text_from_yaml_is_escaped_everywhere_it_appears() {
    let site = TestSite::example();
    site.edit(
        "content/site.yaml",
        "name: Riverside Academy",
        "name: \"Riverside <script>alert(1)</script> & <b>Academy</b>\"",
    );
    site.build();
    for path in [
        "index.html",
        "pupils/index.html",
        "careers-programme/index.html",
    ] {
        let page = site.page(path);
        assert!(page.texts("script").is_empty(), "{path}");
        assert!(
            page.text("title")
                .contains("Riverside <script>alert(1)</script> & <b>Academy</b>"),
            "{path}"
        );
    }
}

#[test]
fn heading_attributes_other_than_id_and_classes_are_removed_with_a_warning() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "# A\n\n## Hello {#hi .big onclick=\"steal()\" onfocus=steal() autofocus style=\"color:red\"}\n",
    );
    site.write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 2027-01-05\n    description: \"## Come {onmouseover=steal()}\"\n",
    );
    let run = site.build();
    let page = site.page("a/index.html");
    let html = page.0.html();
    for gone in ["onclick", "onfocus", "autofocus", "style=", "steal"] {
        assert!(!html.contains(gone), "{gone} is still there");
    }
    assert_eq!(page.attrs("h2#hi", "class"), ["big"]);
    let events = site.page("events/index.html").0.html();
    assert!(!events.contains("onmouseover"), "{events}");
    let err = run.stderr();
    assert!(
        err.contains("content/a.md:3:1")
            && err.contains("removed `onclick`, `onfocus`, `autofocus`, `style` from a heading"),
        "{err}"
    );
}

#[test]
fn pictures_video_and_sound_from_other_sites_are_not_loaded_and_each_is_warned_of() {
    // The Content Security Policy would block them: readers would see broken media.
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "# A\n\n![The careers fair](https://photos.example.com/fair.jpg)\n\n<img src=\"https://photos.example.com/b.jpg\" alt=\"B\">\n\n<video src=\"//cdn.example.com/v.mp4\" controls></video>\n\n<audio><source src=\"https://cdn.example.com/a.mp3\"></audio>\n\n![Ours](logo.svg)\n",
    );
    site.write(
        "content/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let run = site.build();
    let page = site.page("a/index.html");
    let html = page.0.html();
    assert!(
        !html.contains("src=\"https://") && !html.contains("src=\"//"),
        "{html}"
    );
    assert_eq!(
        page.link("The careers fair"),
        "https://photos.example.com/fair.jpg",
        "a Markdown picture from another site becomes a link to it"
    );
    assert_eq!(page.attrs(".content img", "src"), ["../logo.svg"]);
    let err = run.stderr();
    for (line, what) in [
        (
            3,
            "the picture `https://photos.example.com/fair.jpg` is on another site",
        ),
        (5, "the address `https://photos.example.com/b.jpg`"),
        (7, "the address `//cdn.example.com/v.mp4`"),
        (9, "the address `https://cdn.example.com/a.mp3`"),
    ] {
        assert!(
            err.contains(&format!("content/a.md:{line}:")) && err.contains(what),
            "no warning of {what} on line {line}:\n{err}"
        );
    }
}

#[test]
fn a_copied_html_or_svg_file_with_a_script_is_refused_unless_scripts_are_allowed() {
    let site = TestSite::new();
    site.write("content/a.md", "# A\n");
    site.write(
        "content/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"steal()\"><circle r=\"4\"/></svg>",
    );
    site.write(
        "content/old/page.HTML",
        "<p>Old</p><script>steal()</script>",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("content/images/logo.svg") && err.contains("an `onload` handler"),
        "{err}"
    );
    assert!(
        err.contains("content/old/page.HTML") && err.contains("a <script> element"),
        "{err}"
    );
    assert!(!site.output().exists(), "nothing is published");
    site.write("content/site.yaml", "allow_scripts: true\n");
    site.build();
    assert!(site.exists("images/logo.svg"));
}

#[test]
fn media_addresses_are_read_as_a_browser_reads_them() {
    // A tab inside the scheme, a backslash for a slash, a line break in a srcset: a browser
    // still loads each from another site.
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "# A\n\n<img src=\"ht&#x09;tps://evil.example/t.png\" alt=\"T\">\n<img src=\"\\\\evil.example/b.png\" alt=\"B\">\n<img srcset=\"a.png 1x,\nhttps://evil.example/x 2x\" alt=\"S\">\n<img srcset=\"data:image/svg+xml,x\" alt=\"D\">\n",
    );
    site.build();
    let html = site.page("a/index.html").0.html();
    assert!(!html.contains("evil.example"), "{html}");
    assert!(!html.contains("data:"), "{html}");
}

#[test]
fn a_copied_markup_file_that_cannot_be_read_for_scripts_is_refused() {
    // Latin-1 or UTF-16 text could hide a script from the check; such a file is not published.
    let site = TestSite::new();
    site.write("content/a.md", "# A\n");
    site.write(
        "content/old/latin1.html",
        b"<!-- \xff --><script>alert(document.domain)</script>".as_slice(),
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("content/old/latin1.html") && err.contains("cannot be read"),
        "{err}"
    );
}
