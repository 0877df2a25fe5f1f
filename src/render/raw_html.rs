//! Raw HTML inside Markdown. Schools paste it (a table from a spreadsheet, a details box), so
//! it is kept; but scripts, event handlers, `javascript:` addresses, forms and content embedded
//! from other sites are taken out, with a warning, unless `site.yaml` says `allow_scripts: true`.
//! Every page also carries a Content Security Policy, so a browser would refuse them anyway.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use scraper::Html;

/// What ammonia keeps: its own safe defaults, plus what careersite's Markdown produces and
/// what schools paste, minus anything that runs code, loads from elsewhere or styles inline.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut cleaner = ammonia::Builder::default();
    cleaner
        .add_tags([
            "section", "aside", "article", "header", "footer", "main", "address", "video", "audio",
            "source", "track", "picture",
        ])
        .add_generic_attributes(["id", "class", "role", "tabindex", "hidden", "dir"])
        .add_generic_attribute_prefixes(["aria-"])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("img", ["loading", "srcset", "sizes", "decoding"])
        // A stacked table's labels: shown by the stylesheet, never run.
        .add_tag_attributes("td", ["headers", "data-label"])
        .add_tag_attributes("th", ["headers"])
        .add_tag_attributes(
            "video",
            ["src", "controls", "poster", "width", "height", "muted"],
        )
        .add_tag_attributes("audio", ["src", "controls"])
        .add_tag_attributes("source", ["src", "srcset", "type", "media"])
        .add_tag_attributes("track", ["src", "kind", "srclang", "label", "default"])
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .attribute_filter(|element, attribute, value| {
            if loads_media(element, attribute) && !media_on_this_site(attribute, value) {
                None
            } else {
                Some(value.into())
            }
        });
    cleaner
});

/// Whether `attribute` of `element` is an address the browser loads into the page by itself:
/// pictures, video and sound, which the Content Security Policy allows only from the site.
fn loads_media(element: &str, attribute: &str) -> bool {
    matches!(
        (element, attribute),
        ("img" | "source", "src" | "srcset")
            | ("video", "src" | "poster")
            | ("audio" | "track", "src")
    )
}

/// Whether a browser would load `url` from the page's own site: no scheme (`https:`, `data:`)
/// and no `//` before a host, read as browsers read it: with tabs and line breaks taken out,
/// leading spaces ignored and `\` taken for `/`.
pub fn is_on_this_site(url: &str) -> bool {
    let read: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let read = read
        .trim_start_matches(|c: char| c <= ' ')
        .replace('\\', "/");
    if read.starts_with("//") {
        return false;
    }
    read.find([':', '/', '?', '#'])
        .is_none_or(|at| read.as_bytes()[at] != b':')
}

/// Whether the address in `attribute` (`srcset` lists several) is all on the page's own site.
fn media_on_this_site(attribute: &str, value: &str) -> bool {
    if attribute != "srcset" {
        return is_on_this_site(value);
    }
    value
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .all(is_on_this_site)
}

/// Why a handler, a script or a script address is taken out.
pub const RUNS_SCRIPTS: &str = "pages may not run scripts";
/// Why a frame or an embedded object is taken out.
pub const EMBEDS: &str = "pages may not embed content from other sites";

/// Elements whose work is lost when they are taken out, and why that is.
const REMOVED_ELEMENTS: [(&str, &str); 12] = [
    ("script", RUNS_SCRIPTS),
    ("style", "the theme's stylesheet styles every page"),
    ("iframe", EMBEDS),
    ("frame", EMBEDS),
    ("object", EMBEDS),
    ("embed", EMBEDS),
    ("form", "pages may not send form data"),
    ("input", "pages may not send form data"),
    ("button", "pages may not send form data"),
    ("select", "pages may not send form data"),
    ("textarea", "pages may not send form data"),
    ("base", "it would change where every link on the page leads"),
];

const URL_ATTRIBUTES: [&str; 7] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "xlink:href",
];

/// How deep raw HTML may nest. Far deeper than any table or list a school pastes, and shallow
/// enough that parsing it (here, in `check` and in the reader's browser) stays quick: 40,000
/// nested `<div>`s took seconds, and 1.8 million never finished.
pub const DEEPEST: usize = 256;

/// How deep the elements of `html` nest, counted from its tags alone, before anything parses
/// it, as browsers nest them: a `<li>`, `<p>` or table cell left open closes when its next
/// sibling opens, a closing tag closes what it matches, and `<div/>` opens a `<div>` (only
/// inside `<svg>` or `<math>` does `/>` close an element).
pub fn nesting_depth(html: &str) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    const SIBLINGS_CLOSE: [&str; 8] = ["li", "p", "td", "th", "tr", "dt", "dd", "option"];
    let mut open: Vec<String> = Vec::new();
    let mut deepest = 0;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_end = rest[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != ':')
            .map_or(rest.len(), |i| name_start + i);
        let name = rest[name_start..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        if name.is_empty() {
            continue;
        }
        if closing {
            if let Some(i) = open.iter().rposition(|o| *o == name) {
                open.truncate(i);
            }
            continue;
        }
        let tag_end = end_of_tag(rest);
        let foreign = open.iter().any(|o| o == "svg" || o == "math");
        let self_closing = foreign && rest[..tag_end].ends_with('/');
        rest = &rest[tag_end..];
        if self_closing || VOID.contains(&name.as_str()) {
            continue;
        }
        if SIBLINGS_CLOSE.contains(&name.as_str()) && open.last() == Some(&name) {
            open.pop();
        }
        open.push(name);
        deepest = deepest.max(open.len());
        if deepest > DEEPEST {
            // Too deep already: how much deeper does not matter, and stops a long stack.
            break;
        }
    }
    deepest
}

/// Where the tag whose attributes `rest` starts with ends (at its `>`, or the text's end): a
/// `>` inside a quoted attribute value does not end it.
fn end_of_tag(rest: &str) -> usize {
    let mut quote = None;
    for (at, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return at,
            _ => {}
        }
    }
    rest.len()
}

/// Rendered HTML with everything unsafe taken out.
pub fn sanitise(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// What `sanitise` would take out of this raw HTML that its writer meant to be there, each as
/// (what, why, a piece of its text to find it by).
pub fn dangers(raw: &str) -> BTreeSet<(String, &'static str, String)> {
    let fragment = Html::parse_fragment(raw);
    let mut found = BTreeSet::new();
    for element in fragment.tree.nodes().filter_map(|n| n.value().as_element()) {
        // `<svg:script>` in an SVG or XHTML file is a script all the same.
        let name = unprefixed(element.name());
        if let Some((_, why)) = REMOVED_ELEMENTS.iter().find(|(tag, _)| *tag == name) {
            found.insert((format!("a <{name}> element"), *why, format!("<{name}")));
        }
        for (attribute, value) in element.attrs() {
            let attribute = unprefixed(attribute);
            if attribute.len() > 2 && attribute.starts_with("on") || attribute == "srcdoc" {
                let what = if attribute == "srcdoc" {
                    "a `srcdoc` page inside the page".to_string()
                } else {
                    format!("an `{attribute}` handler")
                };
                found.insert((what, RUNS_SCRIPTS, attribute.to_string()));
            } else if loads_media(name, attribute) && !media_on_this_site(attribute, value) {
                found.insert((
                    format!("the address `{}`", shorten(value)),
                    "pages load pictures, video and sound only from the school's own site",
                    value.chars().take(10).collect(),
                ));
            } else if URL_ATTRIBUTES.contains(&attribute) && is_script_url(value) {
                found.insert((
                    format!("the address `{}`", shorten(value)),
                    RUNS_SCRIPTS,
                    value.chars().take(10).collect(),
                ));
            }
        }
    }
    found
}

/// `svg:script` → `script`: a name without its XML namespace prefix.
fn unprefixed(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// An address that runs code when followed (`data:` can hold a whole page), as browsers read it: they ignore spaces and
/// control characters inside the scheme and its letter case.
pub fn is_script_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take_while(|&c| c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_as_browsers_read_them() {
        for own in ["fair.jpg", "/images/a.png", "../b.png", "fair.jpg?size=2:1"] {
            assert!(is_on_this_site(own), "{own}");
        }
        for elsewhere in [
            "https://evil.example/t.png",
            "ht\ttps://evil.example/t.png",
            "//evil.example/x",
            "\\\\evil.example/b.png",
            "/\\evil.example/b.png",
            " HTTPS://evil.example",
            "data:image/svg+xml,<svg/>",
        ] {
            assert!(!is_on_this_site(elsewhere), "{elsewhere}");
        }
        assert!(!media_on_this_site(
            "srcset",
            "a.png 1x,\nhttps://evil.example/x 2x"
        ));
        assert!(media_on_this_site("srcset", "a.png 1x, b.png 2x"));
    }

    #[test]
    fn nesting_is_counted_from_the_tags() {
        assert_eq!(nesting_depth("<p>Hi <b>there</b><br></p>"), 2);
        assert!(nesting_depth(&"<div>".repeat(300)) > DEEPEST);
        assert_eq!(nesting_depth(&"<ul><li>".repeat(10)), 20);
        assert_eq!(nesting_depth("<img src=a><hr/>a < b"), 0);
        assert!(
            nesting_depth(&"<div/>".repeat(300)) > DEEPEST,
            "HTML opens a div for <div/>"
        );
        assert_eq!(
            nesting_depth(&format!("<svg>{}</svg>", "<circle r=\"1\"/>".repeat(300))),
            1
        );
        assert!(nesting_depth(&"<svg><g title=\"/>\">".repeat(300)) > DEEPEST);
        assert_eq!(
            nesting_depth(&format!("<ul>{}</ul>", "<li>item".repeat(500))),
            2
        );
        assert_eq!(nesting_depth(&"<p>para".repeat(500)), 1);
    }

    #[test]
    fn scripts_handlers_and_script_addresses_are_taken_out() {
        let html = r#"<p onclick="steal()">Hi <a href=" JaVa&#x09;Script:alert(1)">x</a></p><script>alert(1)</script><iframe src="https://tracker.example"></iframe>"#;
        let clean = sanitise(html);
        assert_eq!(clean, r#"<p>Hi <a>x</a></p>"#);
        let found: Vec<String> = dangers(html).into_iter().map(|d| d.0).collect();
        assert!(
            found.contains(&"an `onclick` handler".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"a <script> element".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"a <iframe> element".to_string()),
            "{found:?}"
        );
        assert!(
            found.iter().any(|d| d.starts_with("the address")),
            "{found:?}"
        );
    }

    #[test]
    fn what_markdown_and_schools_write_is_kept() {
        let html = r#"<h2 id="options">Options</h2><div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table><thead><tr><th class="align-center">A</th></tr></thead></table></div><details open><summary>More</summary><p><a href="../x/index.html">x</a> <a href="https://www.gov.uk/">GOV.UK</a> <img src="../a.png" alt="A"></p></details>"#;
        // Boolean attributes come back written out in full, as html5ever serialises them.
        assert_eq!(
            sanitise(html),
            html.replace("<details open>", r#"<details open="">"#)
        );
        assert!(dangers(html).is_empty());
    }

    #[test]
    fn script_addresses_are_recognised_however_they_are_written() {
        assert!(is_script_url("data:text/html,<script>"));
        assert!(is_script_url("java\nscript:alert(1)"));
        assert!(!is_script_url("https://example.org/javascript:"));
        assert!(!is_script_url("javascript-careers.md"));
    }
}
