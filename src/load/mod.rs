//! Stage 1, load: read `content/` into a typed [`Site`]. Every file is read and parsed once;
//! problems in all files are gathered so the careers leader sees them together.

mod front_matter;
mod walk;

pub use walk::link_out_of_the_site;

use crate::files::{read_text, relative_to};

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::FrontMatter;
pub use walk::is_hidden_or_temporary;

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, has_errors};
use crate::images::{self, Image};
use crate::site::{Asset, CareersData, Page, Site, url_path_for};
use crate::yaml;

pub const CONTENT_DIR: &str = "content";
pub const CONFIG_FILE: &str = "site.yaml";
pub const PROGRAMME_FILE: &str = "programme.yaml";
pub const SELF_ASSESSMENT_FILE: &str = "benchmarks.yaml";
pub const ACTION_PLAN_FILE: &str = "action-plan.yaml";
pub const EVENTS_FILE: &str = "events.yaml";
pub const EVALUATION_FILE: &str = "evaluation.yaml";
pub const PHOTOS_FILE: &str = "photos.yaml";

/// A data file as the careers leader names it: `content/site.yaml` for `site.yaml`.
pub fn data_file_path(name: &str) -> PathBuf {
    Path::new(CONTENT_DIR).join(name)
}

/// A loaded site and the warnings found on the way.
pub struct Loaded {
    pub site: Site,
    pub warnings: Diagnostics,
}

pub fn load(root: &Path) -> Result<Loaded, Diagnostics> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(vec![
            Diagnostic::error(format!("there is no `{CONTENT_DIR}` folder in {}", root.display()))
                .with_help("run careersite in the folder that holds `content/`, pass --root FOLDER, or start a new site with `careersite init FOLDER`"),
        ]);
    }
    let files = walk::content_files(root, &content)?;
    let mut loading = Loading::default();
    let config = data_file::<SiteConfig>(root, &content, CONFIG_FILE, &mut loading)
        .map(Option::unwrap_or_default);
    let careers = CareersData {
        programme: data_file(root, &content, PROGRAMME_FILE, &mut loading).flatten(),
        self_assessment: data_file(root, &content, SELF_ASSESSMENT_FILE, &mut loading).flatten(),
        action_plan: data_file(root, &content, ACTION_PLAN_FILE, &mut loading).flatten(),
        events: data_file(root, &content, EVENTS_FILE, &mut loading).flatten(),
        evaluation: data_file(root, &content, EVALUATION_FILE, &mut loading).flatten(),
        photos: data_file(root, &content, PHOTOS_FILE, &mut loading).flatten(),
    };
    let Loading {
        mut diagnostics,
        data_texts,
    } = loading;

    let results: Vec<_> = files
        .pages
        .par_iter()
        .map(|(content_path, source)| load_page(root, source, content_path))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((page, warnings)) => {
                diagnostics.extend(warnings);
                pages.extend(page);
            }
            Err(errors) => diagnostics.extend(errors),
        }
    }

    let (images, assets) = read_images(root, files.assets, &mut diagnostics);
    match config {
        Some(config) if !has_errors(&diagnostics) => {
            pages.sort_by(|a, b| a.url_path.cmp(&b.url_path).then(a.source.cmp(&b.source)));
            Ok(Loaded {
                site: Site {
                    root: root.to_path_buf(),
                    config,
                    careers,
                    pages,
                    assets,
                    images,
                    data_texts,
                },
                warnings: diagnostics,
            })
        }
        _ => Err(diagnostics),
    }
}

/// Sorts the pictures careersite draws afresh (see [`crate::images`]) out of `assets`, and
/// reads each one's header.
fn read_images(
    root: &Path,
    assets: Vec<Asset>,
    diagnostics: &mut Diagnostics,
) -> (Vec<Image>, Vec<Asset>) {
    let (pictures, assets): (Vec<Asset>, Vec<Asset>) = assets
        .into_iter()
        .partition(|asset| images::Format::named(&asset.content_path).is_some());
    let remembered = images::Remembered::open();
    let read: Vec<Result<Image, Diagnostic>> = pictures
        .par_iter()
        .map(|p| {
            let shown = relative_to(root, &p.source);
            Image::read(&p.source, &shown, &p.content_path, &remembered)
        })
        .collect();
    let mut images = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok(image) => images.push(image),
            Err(problem) => diagnostics.push(problem),
        }
    }
    (images, assets)
}

/// Only `content/site.yaml` (the defaults when there is none), for a command that needs no
/// more of the site.
pub fn site_config(root: &Path) -> Result<SiteConfig, Diagnostics> {
    let mut loading = Loading::default();
    let content = root.join(CONTENT_DIR);
    match data_file::<SiteConfig>(root, &content, CONFIG_FILE, &mut loading) {
        Some(config) if !has_errors(&loading.diagnostics) => Ok(config.unwrap_or_default()),
        _ => Err(loading.diagnostics),
    }
}

/// What loading the data files has gathered so far.
#[derive(Default)]
struct Loading {
    diagnostics: Diagnostics,
    data_texts: std::collections::BTreeMap<std::path::PathBuf, String>,
}

/// Reads `content/NAME` if it exists: `Some(None)` when absent, `None` when it has errors
/// (which are added to the diagnostics).
fn data_file<T: serde::de::DeserializeOwned>(
    root: &Path,
    content: &Path,
    name: &str,
    loaded: &mut Loading,
) -> Option<Option<T>> {
    let diagnostics = &mut loaded.diagnostics;
    let path = content.join(name);
    if !path.exists() {
        return Some(None);
    }
    let shown = relative_to(root, &path);
    let text = match read_text(&path, &shown) {
        Ok(text) => text,
        Err(err) => {
            diagnostics.push(err);
            return None;
        }
    };
    let parsed = yaml::parse::<T>(yaml::Source {
        file: &shown,
        text: &text,
        first_line: 1,
        unknown_keys: Severity::Error,
    });
    loaded.data_texts.insert(shown, text);
    match parsed {
        Ok(parsed) => {
            diagnostics.extend(parsed.warnings);
            Some(Some(parsed.value))
        }
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    }
}

/// Reads and parses one page; drafts load as `None`.
pub fn load_page(
    root: &Path,
    source: &Path,
    content_path: &str,
) -> Result<(Option<Page>, Diagnostics), Diagnostics> {
    let shown = relative_to(root, source);
    let text = read_text(source, &shown).map_err(|err| vec![err])?;
    let split = front_matter::split(&shown, &text).map_err(|err| vec![err])?;
    let (front, warnings) = front_matter::parse(&shown, &split)?;
    if front.draft {
        return Ok((None, warnings));
    }
    let (url_path, kind) = url_path_for(content_path);
    let (title, body, body_line) = title_and_body(&front, split.body, split.body_line);
    let title_given = title.is_some();
    let title = title.unwrap_or_else(|| title_from_path(content_path));
    // The body is the end of the text: kept as where it starts, the file is held once.
    let body_start = text.len() - body.len();
    Ok((
        Some(Page {
            source: shown,
            content_path: content_path.to_string(),
            url_path,
            kind,
            title,
            title_given,
            body_start,
            body_line,
            front,
            text,
        }),
        warnings,
    ))
}

/// The title the page gives: in its front matter, else in a leading `# Heading` (which then
/// leaves the body, so the page has one `h1`); `None` if it gives none.
fn title_and_body<'a>(
    front: &FrontMatter,
    body: &'a str,
    body_line: usize,
) -> (Option<String>, &'a str, usize) {
    if let Some(title) = &front.title {
        return (Some(title.clone()), body, body_line);
    }
    let skipped_blank = body.len() - body.trim_start_matches('\n').len();
    let rest = &body[skipped_blank..];
    if let Some(heading) = rest.strip_prefix("# ") {
        let line_end = heading.find('\n').unwrap_or(heading.len());
        let title = heading[..line_end].trim().trim_end_matches('#').trim();
        if !title.is_empty() {
            let after = heading[line_end..].strip_prefix('\n').unwrap_or("");
            return (
                Some(title.to_string()),
                after,
                body_line + skipped_blank + 1,
            );
        }
    }
    (None, body, body_line)
}

/// `pupils/year-11_options.md` → `Year 11 options`; `pupils/_index.md` → `Pupils`.
pub fn title_from_path(content_path: &str) -> String {
    let without_ext = crate::site::markdown_stem(content_path).unwrap_or(content_path);
    let mut segments = without_ext.rsplit('/');
    let mut name = segments.next().unwrap_or("");
    if matches!(name, "_index" | "index") {
        name = segments.next().unwrap_or("Home");
    }
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Home".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_heading_becomes_the_title() {
        let (title, body, line) =
            title_and_body(&FrontMatter::default(), "\n# Work experience\n\nText\n", 4);
        assert_eq!(title.as_deref(), Some("Work experience"));
        assert_eq!(body, "\nText\n");
        assert_eq!(line, 6);
    }

    #[test]
    fn a_page_without_a_title_or_leading_heading_gives_none() {
        let (title, body, _) = title_and_body(&FrontMatter::default(), "Text\n\n# Later\n", 4);
        assert_eq!(title, None);
        assert_eq!(body, "Text\n\n# Later\n");
    }

    #[test]
    fn names_become_titles_when_nothing_else_is_given() {
        assert_eq!(
            title_from_path("pupils/year-11_options.md"),
            "Year 11 options"
        );
        assert_eq!(title_from_path("pupils/_index.md"), "Pupils");
        assert_eq!(title_from_path("_index.md"), "Home");
    }
}
