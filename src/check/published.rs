//! Checks on the pages that would be published: every internal link, anchor and image leads
//! somewhere; external links are listed (not fetched); and the accessibility lint: images
//! without alt text, skipped heading levels, empty or meaningless link text, tables without
//! header cells. Findings are placed in the Markdown or YAML they came from, where the
//! offending text can be found there.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

use scraper::{ElementRef, Html, Selector};

use super::sources::Sources;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Location};
use crate::output::{Contents, OutputFile};
use crate::render::links::{has_scheme, is_placeholder};
use crate::render::urls::NOT_FOUND_FILE;
use crate::site::Site;

/// Link text that says nothing about where a link goes.
const MEANINGLESS_LINK_TEXT: [&str; 8] = [
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "this link",
    "click",
    "this page",
];

pub fn check(site: &Site, files: &[OutputFile]) -> Diagnostics {
    let pages: Vec<(&str, std::borrow::Cow<'_, str>)> = files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .filter_map(|f| match &f.contents {
            Contents::Bytes(bytes) => Some((f.path.as_str(), String::from_utf8_lossy(bytes))),
            Contents::Copy(_) => None,
        })
        .collect();
    let existing: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    // The ids of every page are known before any page is checked, so that each page's parsed
    // tree can be let go as soon as it is checked: all of them at once came to ten times the
    // site's size.
    let ids: HashMap<&str, HashSet<String>> = pages
        .iter()
        .map(|(path, text)| (*path, ids_in(text)))
        .collect();
    let sources = Sources::new(site);
    let mut findings = Diagnostics::new();
    let mut external: BTreeMap<String, String> = BTreeMap::new();
    for (path, text) in &pages {
        // 404.html is served at any address, so its links start from the site's own path.
        if *path == NOT_FOUND_FILE {
            continue;
        }
        let html = Html::parse_document(text);
        let context = Page {
            site,
            path,
            sources: &sources,
            placed: Cell::new(0),
        };
        let mut on_page = Diagnostics::new();
        links(
            &context,
            &html,
            &existing,
            &ids,
            &mut external,
            &mut on_page,
        );
        lint(&context, &html, &mut on_page);
        findings.extend(listed(on_page, &sources.file_for(path)));
    }
    for (url, page) in external {
        let page = Page {
            site,
            path: &page,
            sources: &sources,
            placed: Cell::new(0),
        };
        findings.push(
            page.finding(
                Diagnostic::note(format!("external link to {url}, not checked")),
                &url,
            )
            .coded(Code::External),
        );
    }
    findings
}

/// The value of every `id` attribute in a page, read from its text: careersite writes each one
/// quoted, and raw HTML reaches the page through the sanitiser, which quotes it too.
fn ids_in(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for (at, _) in html.match_indices("id=") {
        let attribute_starts = html[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = &html[at + 3..];
        let Some(quote) = rest.chars().next().filter(|q| matches!(q, '"' | '\'')) else {
            continue;
        };
        if let (true, Some(end)) = (attribute_starts, rest[1..].find(quote)) {
            ids.insert(rest[1..1 + end].replace("&amp;", "&"));
        }
    }
    ids
}

/// The page being checked, and where to look for the text that made it.
struct Page<'a> {
    site: &'a Site,
    path: &'a str,
    sources: &'a Sources,
    /// How many findings on this page have been made so far.
    placed: Cell<usize>,
}

/// How many findings one page lists: a page with thousands of one mistake (a pasted list of
/// broken links) gets the first ones and a line saying how many more.
const LISTED_PER_PAGE: usize = 100;

fn listed(mut findings: Diagnostics, file: &std::path::Path) -> Diagnostics {
    if findings.len() > LISTED_PER_PAGE {
        let unlisted = findings.len() - LISTED_PER_PAGE;
        findings.truncate(LISTED_PER_PAGE);
        findings.push(
            Diagnostic::error(format!(
                "and {unlisted} more problems like those above on this page, not listed"
            ))
            .in_file(file)
            .with_help("put right the ones listed, and check again to see the rest"),
        );
    }
    findings
}

/// Whether `link` is to another site, not to this one's own public address.
fn is_external(site: &Site, link: &str) -> bool {
    link.starts_with("http")
        && !site
            .config
            .url
            .as_ref()
            .is_some_and(|own| link.starts_with(&own.to_string()))
}

impl Page<'_> {
    /// Where `attribute="target"` is written in raw HTML in the page's sources.
    fn raw_html_place(&self, attribute: &str, target: &str) -> Option<Location> {
        self.sources.attribute(self.path, attribute, target)
    }

    /// Whether `target` is a Markdown link's address in the page's sources.
    fn written_in_markdown(&self, target: &str) -> bool {
        self.sources.markdown_link(self.path, target)
    }

    /// A finding about `needle` on this page, placed where the content has it. Past the
    /// findings a page lists, placing (a search of the source) is skipped.
    fn finding(&self, diagnostic: Diagnostic, needle: &str) -> Diagnostic {
        self.placed.set(self.placed.get() + 1);
        let location = (self.placed.get() <= LISTED_PER_PAGE)
            .then(|| self.sources.locate(self.path, needle))
            .flatten();
        match location {
            Some(location) => diagnostic.at(location),
            None => diagnostic.in_file(&self.sources.file_for(self.path)),
        }
    }
}

fn links(
    page: &Page<'_>,
    html: &Html,
    existing: &HashSet<&str>,
    ids: &HashMap<&str, HashSet<String>>,
    external: &mut BTreeMap<String, String>,
    findings: &mut Diagnostics,
) {
    let folder = page.path.rsplit_once('/').map_or("", |(folder, _)| folder);
    for (element, attribute) in [
        ("a[href]", "href"),
        ("img[src]", "src"),
        ("link[href]", "href"),
    ] {
        for node in html.select(selector(element)) {
            let Some(target) = node.value().attr(attribute) else {
                continue;
            };
            if target.starts_with("//") || has_scheme(target) {
                // Only the school's own links: the theme's are careersite's to keep right.
                if is_external(page.site, target)
                    && element == "a[href]"
                    && page.sources.locate(page.path, target).is_some()
                {
                    external
                        .entry(target.to_string())
                        .or_insert_with(|| page.path.to_string());
                }
                continue;
            }
            if element == "a[href]" && is_placeholder(target) {
                // Markdown placeholders were reported while rendering; these are raw HTML's.
                if let Some(location) = page.raw_html_place(attribute, target) {
                    findings.push(
                        Diagnostic::error(format!(
                            "`{target}` is a placeholder, not the address of a page (for a link back to the top, use `#main`)"
                        ))
                        .at(location)
                        .coded(Code::Link)
                        .with_help("put the page's file name (`year-11.md`) or its web address in the link, or take the link out"),
                    );
                }
                continue;
            }
            let (address, fragment) = match target.split_once('#') {
                Some((address, fragment)) => (address, Some(fragment)),
                None => (target, None),
            };
            let address = address.split('?').next().unwrap_or("");
            let resolved = if address.is_empty() {
                Some(page.path.to_string())
            } else {
                resolve(folder, address)
            };
            let code = if element == "img[src]" {
                Code::Image
            } else {
                Code::Link
            };
            let Some(resolved) = resolved.filter(|r| existing.contains(r.as_str())) else {
                let problem = Diagnostic::error(format!(
                    "`{target}` leads nowhere on the published site"
                ))
                .coded(code)
                .with_help("link to a page by its file name (`year-11.md`) or to a file under content/, and check the spelling");
                // Markdown's broken links were reported while rendering, each at its place.
                if let Some(location) = page.raw_html_place(attribute, target) {
                    findings.push(problem.at(location));
                } else if !page.written_in_markdown(target) {
                    findings.push(page.finding(problem, address));
                }
                continue;
            };
            if let Some(fragment) = fragment.filter(|f| !f.is_empty())
                && let Some(anchors) = ids.get(resolved.as_str())
                && !anchors.contains(&percent_decode(fragment))
            {
                findings.push(
                    page.finding(
                        Diagnostic::error(format!(
                            "`{target}` points to `#{fragment}`, which is not on that page"
                        )),
                        &format!("#{fragment}"),
                    )
                    .coded(Code::Anchor)
                    .with_help(
                        "headings get their id from their text: `## Key dates` is `#key-dates`",
                    ),
                );
            }
        }
    }
}

fn lint(page: &Page<'_>, html: &Html, findings: &mut Diagnostics) {
    for image in html.select(selector("img:not([alt])")) {
        let src = image.value().attr("src").unwrap_or("");
        let name = src.rsplit('/').next().unwrap_or(src);
        findings.push(
            page.finding(Diagnostic::error(format!("the image `{name}` has no alt text")), name)
                .coded(Code::Alt)
                .with_help("describe the image in the brackets: ![Pupils at the careers fair](fair.jpg), or write alt=\"\" in HTML if it is only decoration"),
        );
    }
    let mut previous = 0;
    for heading in html.select(selector(
        "main h1, main h2, main h3, main h4, main h5, main h6",
    )) {
        let level = heading.value().name()[1..].parse::<usize>().unwrap_or(1);
        if previous > 0 && level > previous + 1 {
            let text = text_of(heading);
            findings.push(
                page.finding(
                    Diagnostic::warning(format!(
                        "the heading “{text}” skips from level {previous} to level {level}"
                    )),
                    &text,
                )
                .coded(Code::Headings)
                .with_help("use one more # than the heading above it, so screen reader users can follow the outline"),
            );
        }
        previous = level;
    }
    for link in html.select(selector("main a[href]")) {
        let text = text_of(link);
        let label = link.value().attr("aria-label").unwrap_or("").trim();
        let has_image_text = link
            .select(selector("img[alt]"))
            .any(|i| !i.value().attr("alt").unwrap_or("").trim().is_empty());
        if text.is_empty() && label.is_empty() && !has_image_text {
            let href = link.value().attr("href").unwrap_or("");
            findings.push(
                page.finding(Diagnostic::error(format!("the link to `{href}` has no text")), "[](")
                    .coded(Code::LinkText)
                    .with_help("put words in the brackets that say where the link goes: [Year 11 options](year-11.md)"),
            );
        } else if MEANINGLESS_LINK_TEXT.contains(&text.to_lowercase().as_str()) {
            findings.push(
                page.finding(
                    Diagnostic::warning(format!(
                        "the link text “{text}” does not say where it goes"
                    )),
                    &format!("[{text}]"),
                )
                .coded(Code::LinkText)
                .with_help(
                    "use words that make sense on their own, such as “the careers policy (PDF)”",
                ),
            );
        }
    }
    for table in html.select(selector("main table")) {
        if table.select(selector("th")).next().is_none() {
            findings.push(
                page.finding(Diagnostic::error("a table has no header cells"), "<table")
                    .coded(Code::Table)
                    .with_help("give the table a header row: in Markdown the first row, in HTML <th> cells"),
            );
        }
    }
}

/// The selector for `css`, parsed once for the whole run rather than once per page.
fn selector(css: &'static str) -> &'static Selector {
    static PARSED: LazyLock<Mutex<HashMap<&'static str, &'static Selector>>> =
        LazyLock::new(Mutex::default);
    let mut parsed = PARSED.lock().unwrap_or_else(|e| e.into_inner());
    parsed.entry(css).or_insert_with(|| {
        Box::leak(Box::new(
            Selector::parse(css).expect("the checks' own selectors are valid"),
        ))
    })
}

fn text_of(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Resolves a relative link from a page in `folder`, as a browser would; `None` if it climbs
/// out of the site.
fn resolve(folder: &str, link: &str) -> Option<String> {
    let decoded = percent_decode(link);
    let joined = if decoded.starts_with('/') {
        decoded
    } else {
        format!("{folder}/{decoded}")
    };
    let path = crate::site::normalise(&joined)?;
    Some(if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    })
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_from_the_text_of_a_page() {
        let ids = ids_in(
            "<main id=\"main\"><h2 id='key-dates'>Key</h2><p data-id=\"no\">grid=\"no\"</p>",
        );
        assert_eq!(ids, ["main", "key-dates"].map(String::from).into());
    }
}
