//! Checks on the pages that would be published: every internal link, anchor and image leads
//! somewhere; external links are listed (not fetched); and the accessibility lint: images
//! without alt text, skipped heading levels, empty or meaningless link text, tables without
//! header cells. Findings are placed in the Markdown or YAML they came from, where the
//! offending text can be found there.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

use scraper::{ElementRef, Html, Selector};

use super::sources::{PageSources, Sources};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::output::{Contents, OutputFile};
use crate::render::autolinks::WWW_SCHEME;
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

/// The check of the published pages, fed one page at a time as each is rendered, from any
/// thread, so that no page is held longer than it takes to check it. What needs the whole
/// site, anchors on other pages, is settled by [`Published::finish`].
pub struct Published<'a> {
    site: &'a Site,
    sources: Sources<'a>,
    /// Every file the site will have, known before any is rendered.
    existing: HashSet<String>,
    gathered: Mutex<Gathered>,
}

#[derive(Default)]
struct Gathered {
    /// The ids on each page.
    ids: HashMap<String, HashSet<String>>,
    /// Each page's findings so far, and the links to places on other pages still to check.
    pages: BTreeMap<String, (Diagnostics, Vec<Anchor>)>,
    /// Each external link, with the first page it is on.
    external: BTreeMap<String, String>,
}

/// A link to `#fragment` on another page, checked once every page's ids are known.
struct Anchor {
    target: String,
    page: String,
    fragment: String,
}

impl<'a> Published<'a> {
    /// `existing` holds the path of every file the site will have.
    pub fn new(site: &'a Site, existing: HashSet<String>) -> Self {
        Published {
            site,
            sources: Sources::new(site),
            existing,
            gathered: Mutex::default(),
        }
    }

    /// Checks one file of the site; only its pages are looked at.
    pub fn file(&self, file: &OutputFile) {
        let Contents::Bytes(bytes) = &file.contents else {
            return;
        };
        if !file.path.ends_with(".html") {
            return;
        }
        let text = String::from_utf8_lossy(bytes);
        let ids = ids_in(&text);
        // 404.html is served at any address, so its links start from the site's own path.
        let checked = (file.path != NOT_FOUND_FILE).then(|| {
            let html = Html::parse_document(&text);
            let sources = self.sources.of(&file.path);
            let page = Page::new(self.site, &file.path, &sources, 0);
            let mut on_page = Diagnostics::new();
            let mut external = Vec::new();
            let anchors = links(
                &page,
                &html,
                (&self.existing, &ids),
                &mut external,
                &mut on_page,
            );
            lint(&page, &html, &mut on_page);
            (on_page, anchors, external)
        });
        let mut gathered = self.gathered.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((on_page, anchors, external)) = checked {
            // The first page in address order, whichever thread gets there first.
            for url in external {
                let first = gathered
                    .external
                    .entry(url)
                    .or_insert_with(|| file.path.clone());
                if file.path < *first {
                    first.clone_from(&file.path);
                }
            }
            gathered.pages.insert(file.path.clone(), (on_page, anchors));
        }
        gathered.ids.insert(file.path.clone(), ids);
    }

    /// Every finding, once every file has been checked.
    pub fn finish(self) -> Diagnostics {
        let gathered = self
            .gathered
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        let mut external_on: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (url, path) in &gathered.external {
            external_on.entry(path).or_default().push(url);
        }
        let mut findings = Diagnostics::new();
        for (path, (mut on_page, anchors)) in gathered.pages {
            let missing: Vec<&Anchor> = anchors
                .iter()
                .filter(|anchor| {
                    gathered
                        .ids
                        .get(&anchor.page)
                        .is_some_and(|ids| !ids.contains(&anchor.fragment))
                })
                .collect();
            let urls = external_on.remove(path.as_str()).unwrap_or_default();
            if missing.is_empty() && urls.is_empty() {
                findings.extend(listed(on_page, &self.sources.file_of(&path)));
                continue;
            }
            // Only a page with more to place is indexed again, and once.
            let sources = self.sources.of(&path);
            let page = Page::new(self.site, &path, &sources, on_page.len());
            on_page.extend(
                missing
                    .iter()
                    .map(|anchor| missing_anchor(&page, &anchor.target)),
            );
            findings.extend(listed(on_page, sources.file()));
            for url in urls {
                let note = Diagnostic::note(format!("external link to {url}, not checked"));
                let page = Page::new(self.site, &path, &sources, 0);
                let needle = written_as(&sources, url).unwrap_or(url);
                findings.push(page.finding(note, needle).coded(Code::External));
            }
        }
        findings
    }
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
    sources: &'a PageSources<'a>,
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

/// How the page's sources write the address `url`, if they do: as it is, or, for a bare
/// `www.` address that careersite made a link, without the scheme it was given.
fn written_as<'u>(sources: &PageSources<'_>, url: &'u str) -> Option<&'u str> {
    if sources.locate(url).is_some() {
        return Some(url);
    }
    url.strip_prefix(WWW_SCHEME)
        .filter(|bare| {
            bare.get(..4)
                .is_some_and(|www| www.eq_ignore_ascii_case("www."))
        })
        .filter(|bare| sources.locate(bare).is_some())
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

impl<'a> Page<'a> {
    /// `placed`: how many findings on the page have been made already.
    fn new(site: &'a Site, path: &'a str, sources: &'a PageSources<'a>, placed: usize) -> Self {
        Page {
            site,
            path,
            sources,
            placed: Cell::new(placed),
        }
    }

    /// A finding about `needle` on this page, placed where the content has it. Past the
    /// findings a page lists, placing (a search of the source) is skipped.
    fn finding(&self, diagnostic: Diagnostic, needle: &str) -> Diagnostic {
        self.placed.set(self.placed.get() + 1);
        let location = (self.placed.get() <= LISTED_PER_PAGE)
            .then(|| self.sources.locate(needle))
            .flatten();
        match location {
            Some(location) => diagnostic.at(location),
            None => diagnostic.in_file(self.sources.file()),
        }
    }
}

fn missing_anchor(page: &Page<'_>, target: &str) -> Diagnostic {
    let fragment = target.split_once('#').map_or("", |(_, fragment)| fragment);
    page.finding(
        Diagnostic::error(format!(
            "`{target}` points to `#{fragment}`, which is not on that page"
        )),
        &format!("#{fragment}"),
    )
    .coded(Code::Anchor)
    .with_help("headings get their id from their text: `## Key dates` is `#key-dates`")
}

/// Checks the links on a page against the files the site will have and the page's own ids.
/// Returns the links to places on other pages, for when those pages' ids are known.
fn links(
    page: &Page<'_>,
    html: &Html,
    (existing, own_ids): (&HashSet<String>, &HashSet<String>),
    external: &mut Vec<String>,
    findings: &mut Diagnostics,
) -> Vec<Anchor> {
    let mut anchors = Vec::new();
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
                    && written_as(page.sources, target).is_some()
                {
                    external.push(target.to_string());
                }
                continue;
            }
            if element == "a[href]" && is_placeholder(target) {
                // Markdown placeholders were reported while rendering; these are raw HTML's.
                if let Some(location) = page.sources.attribute(attribute, target) {
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
            let Some(resolved) = resolved.filter(|r| existing.contains(r)) else {
                let problem = Diagnostic::error(format!(
                    "`{target}` leads nowhere on the published site"
                ))
                .coded(code)
                .with_help("link to a page by its file name (`year-11.md`) or to a file under content/, and check the spelling");
                // Markdown's broken links were reported while rendering, each at its place.
                if let Some(location) = page.sources.attribute(attribute, target) {
                    findings.push(problem.at(location));
                } else if !page.sources.markdown_link(target) {
                    findings.push(page.finding(problem, address));
                }
                continue;
            };
            let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                continue;
            };
            let fragment = percent_decode(fragment);
            if resolved != page.path {
                anchors.push(Anchor {
                    target: target.to_string(),
                    page: resolved,
                    fragment,
                });
            } else if !own_ids.contains(&fragment) {
                findings.push(missing_anchor(page, target));
            }
        }
    }
    anchors
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
