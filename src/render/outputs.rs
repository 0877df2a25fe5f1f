//! The files careersite makes itself, besides copying the school's own (and drawing its
//! pictures afresh): one list of their
//! names, so that a school file at one of those addresses is named before anything is
//! rendered, and `build`, `check` and `serve` refuse it alike.

use std::collections::{HashMap, HashSet};

use super::plan::Plan;
use super::urls::{
    CACHED_DIR, COMPLIANCE_FILE, COMPLIANCE_PATH, FEED_FILE, NOT_FOUND_FILE, SITEMAP_FILE,
};
use super::{atom, calendar, hosting, sitemap};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::site::Site;
use crate::theme::Theme;

/// What a generated file is, for the careers leader whose file is in its way.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Generated {
    Page,
    NotFoundPage,
    Sitemap,
    Robots,
    Feed,
    Calendar,
    Checklist,
    ThemeFile,
    HostFile,
}

impl Generated {
    fn label(self) -> &'static str {
        match self {
            Generated::Page => "page",
            Generated::NotFoundPage => "page-not-found page",
            Generated::Sitemap => "sitemap (written when `url:` is set in site.yaml)",
            Generated::Robots => "robots.txt (written when `url:` is set in site.yaml)",
            Generated::Feed => "news feed",
            Generated::Calendar => "events calendar",
            Generated::Checklist => "compliance checklist",
            Generated::ThemeFile => "theme file",
            Generated::HostFile => {
                "file for the host (written when `url:` is set in site.yaml, unless `host_files: false`)"
            }
        }
    }
}

/// Every path the site will have: those careersite generates, and the school's own files.
pub fn all(site: &Site, theme: &Theme, plan: &Plan) -> HashSet<String> {
    listed(site, theme, plan)
        .into_iter()
        .map(|(path, _)| path)
        .chain(site.assets.iter().map(|asset| asset.content_path.clone()))
        .chain(site.images.iter().flat_map(|image| {
            let versions = image.widths().into_iter();
            let versions = versions.map(|width| image.published_at(super::urls::CACHED_DIR, width));
            std::iter::once(image.content_path.clone()).chain(versions)
        }))
        .collect()
}

/// Every output path careersite generates for `site`, in lower case: a host or a computer that
/// does not tell capitals apart would see `Sitemap.xml` and `sitemap.xml` as one file.
fn generated(site: &Site, theme: &Theme, plan: &Plan) -> HashMap<String, Generated> {
    listed(site, theme, plan)
        .into_iter()
        .map(|(path, kind)| (path.to_lowercase(), kind))
        .collect()
}

/// Every output path careersite generates for `site`, and what each is.
fn listed(site: &Site, theme: &Theme, plan: &Plan) -> Vec<(String, Generated)> {
    let mut files = vec![(NOT_FOUND_FILE.to_string(), Generated::NotFoundPage)];
    for &path in sitemap::paths(site) {
        let kind = if path == SITEMAP_FILE {
            Generated::Sitemap
        } else {
            Generated::Robots
        };
        files.push((path.to_string(), kind));
    }
    if atom::has_feed(site) {
        files.push((FEED_FILE.to_string(), Generated::Feed));
    }
    files.extend(
        calendar::paths(site)
            .into_iter()
            .map(|path| (path, Generated::Calendar)),
    );
    if site.config.compliance_page {
        files.push((COMPLIANCE_FILE.to_string(), Generated::Checklist));
    }
    let fingerprint = theme.fingerprint();
    for file in &theme.static_files {
        files.push((file.name.clone(), Generated::ThemeFile));
        let cached = super::urls::cached_theme_file(&fingerprint, &file.name);
        files.push((cached, Generated::ThemeFile));
    }
    files.extend(
        hosting::paths(site)
            .into_iter()
            .map(|path| (path.to_string(), Generated::HostFile)),
    );
    files.extend(
        plan.targets
            .iter()
            .map(|target| (format!("{}index.html", target.url_path), Generated::Page)),
    );
    files
}

/// School files that would be written over by a file careersite generates, and pages at the
/// address of the compliance checklist.
pub fn clashes(site: &Site, theme: &Theme, plan: &Plan) -> Diagnostics {
    let generated = generated(site, theme, plan);
    let mut problems = Diagnostics::new();
    for asset in &site.assets {
        if let Some(&kind) = generated.get(&asset.content_path.to_lowercase()) {
            problems.push(
                Diagnostic::error(format!(
                    "this file would be overwritten by the {} careersite writes at `{}`",
                    kind.label(),
                    asset.content_path
                ))
                .in_file(&crate::files::relative_to(&site.root, &asset.source))
                .with_help(if kind == Generated::ThemeFile {
                    "rename the file; to replace a theme file, put yours under themes/<name>/static/"
                } else {
                    "rename or move the file"
                }),
            );
        }
    }
    let school_files = site
        .assets
        .iter()
        .map(|asset| (&asset.content_path, &asset.source))
        .chain(
            site.images
                .iter()
                .map(|image| (&image.content_path, &image.source)),
        );
    for (content_path, source) in school_files {
        if content_path.starts_with(&format!("{CACHED_DIR}/")) {
            problems.push(
                Diagnostic::error(format!(
                    "this file would be published under {CACHED_DIR}/, where careersite publishes the files a browser may keep for a year"
                ))
                .in_file(&crate::files::relative_to(&site.root, source))
                .with_help(format!("rename the folder content/{CACHED_DIR}/ (such as to content/files/), and the links to it")),
            );
        }
    }
    if site.config.compliance_page {
        for page in site.pages.iter().filter(|p| p.url_path == COMPLIANCE_PATH) {
            problems.push(
                Diagnostic::error(format!(
                    "this page would be published at /{COMPLIANCE_PATH}, where careersite publishes the compliance checklist"
                ))
                .in_file(&page.source)
                .with_help("rename the page, or set `compliance_page: false` in content/site.yaml"),
            );
        }
    }
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    problems
}
