//! Stage 2, check, in two phases. [`before_render`] looks at the loaded site as a whole and
//! finds what stops a build; [`Published`] looks at each page as it is rendered, for links
//! that lead nowhere and for accessibility. [`compliance`] finds what the law and the Gatsby
//! Benchmarks ask that the content does not yet give, and [`report`] puts everything
//! `careersite check` says together.

mod assessment;
mod copied_files;
mod coverage;
mod findings;
mod freshness;
mod phase;
mod photos;
mod plans;
mod published;
mod sources;
mod statutory;

pub use findings::{Findings, Place};
pub use published::Published;

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::render::template_names;
use crate::site::Site;
use crate::theme::Theme;

/// The first phase: problems in the loaded site that stop a build.
pub fn before_render(site: &Site, theme: &Theme) -> Diagnostics {
    let mut findings = Diagnostics::new();
    same_address(site, &mut findings);
    unknown_templates(site, theme, &mut findings);
    audiences_without_hub(site, &mut findings);
    missing_logo(site, &mut findings);
    destinations_given_twice(site, &mut findings);
    findings.extend(copied_files::metadata(site));
    if !site.config.allow_scripts {
        findings.extend(copied_files::scripts(site));
    }
    findings
}

/// What the law requires the site to publish, benchmark coverage, evaluation freshness and
/// content that does not fit the school's phase.
pub fn compliance(site: &Site, today: jiff::civil::Date) -> Diagnostics {
    let mut findings = Findings::new(&site.root);
    statutory::check(site, today, &mut findings);
    coverage::check(site, &mut findings);
    freshness::check(site, today, &mut findings);
    plans::check(site, today, &mut findings);
    assessment::check(site, &mut findings);
    phase::check(site, &mut findings);
    photos::check(site, &mut findings);
    findings.list
}

/// Everything `careersite check` reports about a site that loaded: the warnings from loading
/// and rendering it, what the law and the benchmarks ask, and the problems [`Published`] found
/// in its pages.
pub fn report(
    site: &Site,
    load_warnings: &[Diagnostic],
    render_warnings: &[Diagnostic],
    published: Diagnostics,
    today: jiff::civil::Date,
) -> Diagnostics {
    let mut findings = load_warnings.to_vec();
    findings.extend(compliance(site, today));
    // Links written in Markdown are found broken while rendering, each at its own place; a
    // broken link stops nothing in `build`, but is an error here. The published pages are
    // checked for the rest: links in raw HTML and anchors.
    findings.extend(render_warnings.iter().cloned().map(|mut finding| {
        if matches!(finding.code, Some(Code::Link | Code::Image)) {
            finding.severity = Severity::Error;
        }
        finding
    }));
    findings.extend(published);
    // Text from a data file is shown on several pages, and would be reported once for each.
    findings.sort_by_cached_key(ToString::to_string);
    findings.dedup();
    findings
}

/// Two Markdown files that would be published at the same address.
fn same_address(site: &Site, findings: &mut Diagnostics) {
    let mut first_at: HashMap<&str, &crate::site::Page> = HashMap::new();
    for page in &site.pages {
        if let Some(first) = first_at.insert(&page.url_path, page) {
            findings.push(
                Diagnostic::error(format!(
                    "this page and {} would both be published at /{}",
                    first.source.display(),
                    page.url_path
                ))
                .in_file(&page.source)
                .with_help("rename or move one of them; names differing only in capitals or punctuation count as the same"),
            );
            first_at.insert(&page.url_path, first);
        }
    }
}

fn unknown_templates(site: &Site, theme: &Theme, findings: &mut Diagnostics) {
    let names = template_names(theme);
    for page in &site.pages {
        if let Some(template) = &page.front.template
            && !names.contains(&template.as_str())
        {
            findings.push(
                Diagnostic::error(format!("there is no template called `{template}`"))
                    .in_file(&page.source)
                    .with_help(format!(
                        "use one of {}, or add {template} to your theme's templates folder",
                        names.join(", ")
                    )),
            );
        }
    }
}

fn audiences_without_hub(site: &Site, findings: &mut Diagnostics) {
    for page in &site.pages {
        for audience in &page.front.audiences {
            if !site.config.audiences.contains(audience) {
                findings.push(
                    Diagnostic::warning(format!(
                        "this page is for {}, but the site has no page for that audience",
                        audience.label().to_lowercase()
                    ))
                    .in_file(&page.source)
                    .with_help(format!(
                        "add `{}` to `audiences` in content/site.yaml, or remove it from this page",
                        audience.slug()
                    )),
                );
            }
        }
    }
}

fn missing_logo(site: &Site, findings: &mut Diagnostics) {
    if let Some(logo) = &site.config.school.logo
        && !site.assets.iter().any(|a| &a.content_path == logo)
        && !site.images.iter().any(|i| &i.content_path == logo)
    {
        findings.push(
            Diagnostic::error(format!("the logo `{logo}` is not under content/"))
                .in_file(&crate::load::data_file_path(crate::load::CONFIG_FILE))
                .with_help("put the image under content/ and give its path from there, such as `images/logo.png`"),
        );
    }
}

/// Two sets of figures for one cohort would let a reader compare them and work out a count
/// that each hides.
fn destinations_given_twice(site: &Site, findings: &mut Diagnostics) {
    let Some(evaluation) = &site.careers.evaluation else {
        return;
    };
    let mut seen = std::collections::HashSet::new();
    for year in &evaluation.destinations {
        if !seen.insert((year.year, year.leaving)) {
            findings.push(
                Diagnostic::error(format!(
                    "the destinations of the {} leavers of {} are given twice",
                    year.leaving, year.year
                ))
                .in_file(&crate::load::data_file_path(crate::load::EVALUATION_FILE))
                .with_help("keep one entry for each year and year group under `destinations:`"),
            );
        }
    }
}
