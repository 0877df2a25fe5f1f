//! Relative links. Every link careersite writes climbs to the site root with `../` and descends
//! to an `index.html`, so the same output works at a domain's root, in a sub-folder such as
//! `/careers/`, and opened straight from disk.

use std::collections::{HashMap, HashSet};

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use crate::site::{Site, root_prefix};

/// Characters escaped in the paths careersite writes into `href` and `src`.
const PATH_UNSAFE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'#')
    .add(b'?')
    .add(b'{')
    .add(b'}')
    .add(b'%');

/// The link from the site root to a page's `index.html`, such as `pupils/index.html`.
pub fn page_href(url_path: &str) -> String {
    format!("{}index.html", encode_path(url_path))
}

pub fn encode_path(path: &str) -> String {
    utf8_percent_encode(path, PATH_UNSAFE).to_string()
}

/// Where a link written in Markdown leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Link {
    /// Rewritten to work from the page that contains it.
    Local(String),
    /// Left as written: another site, an e-mail address, an anchor on the same page.
    External,
    /// Leads nowhere in this site; the reason says why.
    Broken(String),
}

/// Every address in the site, for resolving links written in Markdown.
pub struct LinkIndex {
    url_path_by_source: HashMap<String, String>,
    url_paths: HashSet<String>,
    assets: HashSet<String>,
    /// The pictures careersite draws afresh, by their path under `content/`.
    pictures: HashMap<String, Picture>,
}

/// What a page needs to show a picture at the width that suits the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// Each version's width and address from the site root, narrowest first.
    pub versions: Vec<(u32, String)>,
    /// The size of the widest version, for `width` and `height`, which keep the page from
    /// jumping when the picture arrives.
    pub width: u32,
    pub height: u32,
}

impl Picture {
    fn of(image: &crate::images::Image) -> Picture {
        let widest = image.widest();
        Picture {
            versions: image
                .widths()
                .into_iter()
                .map(|width| (width, image.published_at(super::urls::CACHED_DIR, width)))
                .collect(),
            width: widest,
            height: image.height_at(widest),
        }
    }
}

impl LinkIndex {
    /// `generated` holds the addresses of pages careersite makes that have no Markdown file.
    pub fn new(site: &Site, generated: &[String]) -> Self {
        LinkIndex {
            url_path_by_source: site
                .pages
                .iter()
                .map(|p| (p.content_path.clone(), p.url_path.clone()))
                .collect(),
            url_paths: site
                .pages
                .iter()
                .map(|p| p.url_path.clone())
                .chain(generated.iter().cloned())
                .collect(),
            assets: site
                .assets
                .iter()
                .map(|a| a.content_path.clone())
                .chain(site.images.iter().map(|i| i.content_path.clone()))
                .collect(),
            pictures: site
                .images
                .iter()
                .map(|image| (image.content_path.clone(), Picture::of(image)))
                .collect(),
        }
    }

    /// The picture `destination` names, written in the text at `content_path`, if it is one
    /// careersite draws.
    pub fn picture(&self, content_path: &str, destination: &str) -> Option<&Picture> {
        if destination.starts_with('#') || destination.starts_with("//") || has_scheme(destination)
        {
            return None;
        }
        let (target, _) = target(content_path, destination)?;
        self.pictures.get(&target)
    }

    /// Resolves `destination`, written in the page at `content_path` published `depth` folders deep.
    /// Links may name a Markdown file (`year-11.md`), an address (`/pupils/`) or a file
    /// (`policy.pdf`), relative to the page's file or, with a leading `/`, to `content/`.
    pub fn resolve(&self, content_path: &str, depth: usize, destination: &str) -> Link {
        if is_placeholder(destination) {
            return Link::Broken(format!(
                "`{destination}` is a placeholder, not the address of a page (for a link back to the top, use `#main`)"
            ));
        }
        if destination.starts_with('#') || has_scheme(destination) {
            return Link::External;
        }
        if destination.starts_with("//") {
            return Link::External;
        }
        let Some((target, suffix)) = target(content_path, destination) else {
            return Link::Broken(format!("`{destination}` points outside the content folder"));
        };
        let root = root_prefix(depth);
        if crate::site::markdown_stem(&target).is_some() {
            return match self.url_path_by_source.get(&target) {
                Some(url_path) => Link::Local(format!("{root}{}{suffix}", page_href(url_path))),
                None => Link::Broken(format!(
                    "there is no page content/{target} (or it is a draft)"
                )),
            };
        }
        if self.assets.contains(&target) {
            return Link::Local(format!("{root}{}{suffix}", encode_path(&target)));
        }
        let as_folder = folder_form(&target);
        if self.url_paths.contains(&as_folder) {
            return Link::Local(format!("{root}{}{suffix}", page_href(&as_folder)));
        }
        Link::Broken(format!("there is no page or file at `{destination}`"))
    }
}

/// The path under `content/` that `destination`, written in the text at `content_path`,
/// names, and what follows it (`#part`, `?query`); `None` if it leads out of `content/`.
fn target<'a>(content_path: &str, destination: &'a str) -> Option<(String, &'a str)> {
    let (path, suffix) = match destination.find(['#', '?']) {
        Some(i) => destination.split_at(i),
        None => (destination, ""),
    };
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let base = match decoded.strip_prefix('/') {
        Some(_) => "",
        None => content_path.rfind('/').map_or("", |i| &content_path[..=i]),
    };
    let target = crate::site::normalise(&format!("{base}{}", decoded.trim_start_matches('/')))?;
    Some((target, suffix))
}

/// A link written to be filled in later (`[Compass+](#)`, `href="#"`, `[x]()`): it leads
/// nowhere, and a reader who follows it is left where they were.
pub fn is_placeholder(destination: &str) -> bool {
    matches!(destination.trim(), "" | "#")
}

/// Whether a link names its scheme (`https:`, `mailto:`, `tel:`), so leads outside the site.
pub fn has_scheme(destination: &str) -> bool {
    match destination.find(':') {
        Some(i) => {
            let scheme = &destination[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `pupils`, `pupils/` and `pupils/index.html` all name the page at `pupils/`.
fn folder_form(target: &str) -> String {
    let trimmed = target
        .strip_suffix("index.html")
        .unwrap_or(target)
        .trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> LinkIndex {
        LinkIndex {
            url_path_by_source: [
                (
                    "pupils/year-11.md".to_string(),
                    "pupils/year-11/".to_string(),
                ),
                ("_index.md".to_string(), String::new()),
            ]
            .into(),
            url_paths: ["pupils/year-11/", "", "parents/"].map(String::from).into(),
            assets: ["files/Careers Policy.pdf".to_string()].into(),
            pictures: HashMap::new(),
        }
    }

    #[test]
    fn markdown_files_become_relative_page_links() {
        let link = index().resolve("pupils/year-10.md", 2, "year-11.md#options");
        assert_eq!(
            link,
            Link::Local("../../pupils/year-11/index.html#options".into())
        );
    }

    #[test]
    fn addresses_from_the_content_root_work_from_any_depth() {
        assert_eq!(
            index().resolve("pupils/year-10.md", 2, "/parents/"),
            Link::Local("../../parents/index.html".into())
        );
        assert_eq!(
            index().resolve("a.md", 1, "/"),
            Link::Local("../index.html".into())
        );
    }

    #[test]
    fn files_keep_their_names_safely_encoded() {
        assert_eq!(
            index().resolve("_index.md", 0, "files/Careers%20Policy.pdf"),
            Link::Local("files/Careers%20Policy.pdf".into())
        );
    }

    #[test]
    fn other_sites_and_anchors_are_left_alone() {
        for link in [
            "https://nationalcareers.service.gov.uk",
            "mailto:a@b.sch.uk",
            "#top",
            "tel:01234",
        ] {
            assert_eq!(index().resolve("a.md", 1, link), Link::External, "{link}");
        }
    }

    #[test]
    fn links_to_nothing_are_reported() {
        assert!(matches!(
            index().resolve("a.md", 1, "missing.md"),
            Link::Broken(_)
        ));
        assert!(matches!(
            index().resolve("a.md", 1, "../../etc/passwd"),
            Link::Broken(_)
        ));
    }
}
