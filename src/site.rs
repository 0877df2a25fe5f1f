//! The loaded site: everything the later stages need, held in memory so that a single page can be
//! re-rendered without reading the rest again.

use std::path::PathBuf;

use crate::config::SiteConfig;
use crate::model::FrontMatter;
use crate::model::{ActionPlan, Evaluation, Events, Photos, Programme, SelfAssessment, YearRange};

pub struct Site {
    /// The folder holding `content/` and, optionally, `themes/`.
    pub root: PathBuf,
    pub config: SiteConfig,
    /// What the careers data files say, for those the school has written.
    pub careers: CareersData,
    /// Published pages (drafts left out), in URL order.
    pub pages: Vec<Page>,
    /// Files under `content/` copied to the output as they are, in path order.
    pub assets: Vec<Asset>,
    /// Pictures under `content/` (JPEG, PNG, WebP), drawn afresh for the site, in path order.
    pub images: Vec<crate::images::Image>,
    /// The data files as written, by their path from the root (`content/events.yaml`), to
    /// place problems found in their Markdown after loading.
    pub data_texts: std::collections::BTreeMap<PathBuf, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `_index.md`: introduces a folder and lists its pages.
    Section,
    /// Any other Markdown file.
    Leaf,
}

pub struct Page {
    /// The file as the user knows it, relative to the root: `content/pupils/year-11.md`.
    pub source: PathBuf,
    /// The file relative to `content/`, with `/` separators: `pupils/year-11.md`.
    pub content_path: String,
    /// Where the page is published, relative to the site root: `pupils/year-11/` (`` for home).
    pub url_path: String,
    pub kind: PageKind,
    pub front: FrontMatter,
    /// The title the page gives, or else one made from its file's name.
    pub title: String,
    /// Whether the page gives its title, in `title:` or a leading `# Heading`. A page that
    /// introduces one careersite makes, such as `benchmarks/1/_index.md`, and gives none keeps
    /// that page's title rather than its file's name (`1`).
    pub title_given: bool,
    /// The whole file, front matter included, as loaded (a byte order mark taken off, line
    /// endings made `\n`): findings are placed in it.
    pub text: String,
    /// Where in `text` the body starts.
    pub body_start: usize,
    /// The line of `source` on which the body starts, so Markdown problems point at the right
    /// line.
    pub body_line: usize,
}

impl Page {
    /// The Markdown after the front matter (and after a leading `# Title` that became the
    /// title).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// How many folders deep the page's `index.html` is written.
    pub fn depth(&self) -> usize {
        url_depth(&self.url_path)
    }
}

/// The careers data files in `content/`; each is optional.
#[derive(Default)]
pub struct CareersData {
    /// `programme.yaml`
    pub programme: Option<Programme>,
    /// `benchmarks.yaml`
    pub self_assessment: Option<SelfAssessment>,
    /// `action-plan.yaml`
    pub action_plan: Option<ActionPlan>,
    /// `events.yaml`
    pub events: Option<Events>,
    /// `evaluation.yaml`
    pub evaluation: Option<Evaluation>,
    /// `photos.yaml`: who is in the school's photos, and the consent to publish them.
    pub photos: Option<Photos>,
}

impl Site {
    /// The year groups the school has: `school.years` in site.yaml, or, without it, those from
    /// the youngest to the oldest the programme describes (schools' age ranges vary too much to
    /// assume one); `None` when neither says.
    pub fn year_range(&self) -> Option<YearRange> {
        if let Some(range) = self.config.school.years {
            return Some(range);
        }
        let years = self
            .careers
            .programme
            .as_ref()?
            .years
            .iter()
            .map(|y| y.year);
        let youngest = years.clone().min()?;
        let oldest = years.max()?;
        Some(YearRange { youngest, oldest })
    }
}

impl CareersData {
    pub fn is_empty(&self) -> bool {
        self.programme.is_none()
            && self.self_assessment.is_none()
            && self.action_plan.is_none()
            && self.events.is_none()
            && self.evaluation.is_none()
    }
}

pub struct Asset {
    /// The file on disk.
    pub source: PathBuf,
    /// The path relative to `content/` and to the output, with `/` separators.
    pub content_path: String,
}

/// The `url_path` of the folder page that lists `url_path`, or `None` for the home page.
pub fn parent_url_path(url_path: &str) -> Option<&str> {
    if url_path.is_empty() {
        return None;
    }
    let trimmed = url_path.trim_end_matches('/');
    Some(trimmed.rfind('/').map_or("", |i| &url_path[..=i]))
}

/// How many folders deep a root-relative `url_path` such as `a/b/` is.
pub fn url_depth(url_path: &str) -> usize {
    url_path.matches('/').count()
}

/// The prefix that leads from a page `depth` folders deep back to the site root.
pub fn root_prefix(depth: usize) -> String {
    "../".repeat(depth)
}

/// The output path of `content/a/b.md`: the folder `a/b/`, so its address needs no `.html`.
/// `_index.md` and `index.md` stand for their folder. Folder and file names become lower case,
/// with spaces and characters that are unsafe in addresses or on Windows turned into hyphens.
pub fn url_path_for(content_path: &str) -> (String, PageKind) {
    let without_ext = markdown_stem(content_path).unwrap_or(content_path);
    let (folder, stem) = match without_ext.rfind('/') {
        Some(i) => (&without_ext[..i], &without_ext[i + 1..]),
        None => ("", without_ext),
    };
    let mut segments: Vec<String> = folder
        .split('/')
        .filter(|s| !s.is_empty())
        .map(slugify)
        .collect();
    let kind = match stem {
        "_index" => PageKind::Section,
        "index" => PageKind::Leaf,
        _ => {
            segments.push(slugify(stem));
            PageKind::Leaf
        }
    };
    let url_path = segments.iter().map(|s| format!("{s}/")).collect();
    (url_path, kind)
}

/// `content_path` without its `.md`, in any case (`Page.MD` is a page too, as Windows and
/// macOS treat it), or `None` for a file that is not Markdown.
pub fn markdown_stem(content_path: &str) -> Option<&str> {
    let split = content_path.len().checked_sub(".md".len())?;
    let (stem, extension) = (content_path.get(..split)?, content_path.get(split..)?);
    extension.eq_ignore_ascii_case(".md").then_some(stem)
}

/// A path within the site (`a/./b/../c/`) with `.` and `..` worked out as a browser would
/// (`a/c/`), keeping a final `/`; `None` if `..` would climb above the top of the site. The
/// one normaliser for links in pages, in `check` and in `serve`.
pub fn normalise(path: &str) -> Option<String> {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            other => segments.push(other),
        }
    }
    let mut normalised = segments.join("/");
    if path.ends_with('/') && !normalised.is_empty() {
        normalised.push('/');
    }
    Some(normalised)
}

/// A name made safe for an address: lower case, with runs of anything but letters, digits, `_`
/// and `.` turned into single hyphens.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "-".to_string()
    } else {
        slug.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_mirror_paths() {
        assert_eq!(url_path_for("a/b.md"), ("a/b/".into(), PageKind::Leaf));
        assert_eq!(
            url_path_for("a/_index.md"),
            ("a/".into(), PageKind::Section)
        );
        assert_eq!(url_path_for("_index.md"), ("".into(), PageKind::Section));
        assert_eq!(url_path_for("a/index.md"), ("a/".into(), PageKind::Leaf));
    }

    #[test]
    fn unsafe_names_become_tidy_addresses() {
        assert_eq!(
            url_path_for("Key Stage 4/Year 11: Options?.md").0,
            "key-stage-4/year-11-options/"
        );
        assert_eq!(slugify("Café & Careers"), "café-careers");
    }

    #[test]
    fn the_root_is_reached_by_climbing_each_folder() {
        assert_eq!(root_prefix(url_depth("a/b/")), "../../");
        assert_eq!(root_prefix(url_depth("")), "");
    }
}
