//! The files careersite makes itself, besides copying the school's own: one list of their
//! names, so that a school file at one of those addresses is named before anything is
//! rendered, and `build`, `check` and `serve` refuse it alike.

use std::collections::HashMap;

use super::plan::Plan;
use super::{COMPLIANCE_FILE, COMPLIANCE_PATH, NOT_FOUND_FILE, atom, calendar, sitemap};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::site::Site;
use crate::theme::Theme;

/// Every output path careersite generates for `site`, with what it is, in the reader's words.
fn generated(site: &Site, theme: &Theme, plan: &Plan) -> HashMap<String, &'static str> {
    let mut files = HashMap::new();
    files.insert(NOT_FOUND_FILE.to_string(), "page-not-found page");
    for path in sitemap::paths(site) {
        files.insert(path.to_string(), "search engines' file");
    }
    if atom::has_feed(site) {
        files.insert(atom::FEED_FILE.to_string(), "news feed");
    }
    for path in calendar::paths(site) {
        files.insert(path, "events calendar");
    }
    if site.config.compliance_page {
        files.insert(COMPLIANCE_FILE.to_string(), "compliance checklist");
    }
    for file in &theme.static_files {
        files.insert(file.name.clone(), "theme file");
    }
    for target in &plan.targets {
        files.insert(format!("{}index.html", target.url_path), "page");
    }
    files
}

/// School files that would be written over by a file careersite generates, and pages at the
/// address of the compliance checklist.
pub fn clashes(site: &Site, theme: &Theme, plan: &Plan) -> Diagnostics {
    let generated = generated(site, theme, plan);
    let mut problems = Diagnostics::new();
    for asset in &site.assets {
        if let Some(what) = generated.get(&asset.content_path) {
            problems.push(
                Diagnostic::error(format!(
                    "this file would be overwritten by the {what} careersite writes at `{}`",
                    asset.content_path
                ))
                .in_file(&crate::load::relative_to(&site.root, &asset.source))
                .with_help(if *what == "theme file" {
                    "rename the file; to replace a theme file, put yours under themes/<name>/static/"
                } else {
                    "rename or move the file"
                }),
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
