//! The typed data templates receive. Every `href` here is relative to the site root; templates
//! put `{{ root }}` in front of it, which climbs from the current page to that root.

use std::collections::BTreeMap;

use serde::Serialize;

use super::atom::has_feed;
use super::hubs::{AudienceGuides, HubPages};
use super::links::page_href;
use super::urls;
use super::view_parts::{BenchmarkView, ContactView, DateView, LinkView, Summary};
use crate::diagnostic::Code;
use crate::model::Audience;
use crate::site::Site;
use crate::yaml;

/// What every page knows about the site (Tera's global context).
#[derive(Serialize)]
pub struct SiteView {
    pub name: String,
    pub phase: crate::model::Phase,
    pub language: String,
    pub url: Option<String>,
    pub address: Option<String>,
    /// The school's main website, which the header links back to.
    pub website: Option<String>,
    pub logo: Option<String>,
    /// The Careers Leader, for the contact box on every hub and in the footer.
    pub contact: Option<ContactView>,
    /// When the careers information was last reviewed, for the printed footer.
    pub reviewed: Option<DateView>,
    /// One hub per audience, in the order site.yaml gives: the main menu.
    pub audiences: Vec<LinkView>,
    /// The pages about the programme as a whole, and the school's own top-level sections,
    /// grouped in the menu under "About our programme".
    pub programme_menu: Vec<LinkView>,
    /// The Atom feed of dated pages, when the site has one.
    pub feed: Option<&'static str>,
    /// For every page's Content-Security-Policy meta tag.
    pub content_security_policy: &'static str,
}

/// Pages load nothing from anywhere but the site itself, and embed, send and run nothing
/// from elsewhere. The default theme needs no more: no inline script or style.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; object-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'";
/// The same, for a school that has said its raw HTML may run its own inline scripts.
const CONTENT_SECURITY_POLICY_WITH_SCRIPTS: &str = "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'";

/// The policy every page of `config`'s site carries.
pub fn content_security_policy(config: &crate::config::SiteConfig) -> &'static str {
    if config.allow_scripts {
        CONTENT_SECURITY_POLICY_WITH_SCRIPTS
    } else {
        CONTENT_SECURITY_POLICY
    }
}

impl SiteView {
    pub fn new(site: &Site, programme_menu: Vec<LinkView>) -> Self {
        let config = &site.config;
        SiteView {
            name: config.school.name.clone(),
            phase: config.school.phase,
            language: config.language.clone(),
            url: config.url.as_ref().map(ToString::to_string),
            address: config.school.address.clone(),
            website: config.school.website.as_ref().map(ToString::to_string),
            logo: config.school.logo.as_deref().map(super::links::encode_path),
            audiences: config
                .audiences
                .iter()
                .map(|&a| LinkView::audience(a))
                .collect(),
            contact: config.careers_leader.as_ref().map(ContactView::from),
            reviewed: config.review.last.map(DateView::from),
            programme_menu,
            feed: has_feed(site).then_some(urls::FEED_FILE),
            content_security_policy: content_security_policy(config),
        }
    }
}

/// The addresses of careersite's own pages and files that templates link to, whichever page
/// they are on (Tera's global context, as `urls`): `{{ root }}{{ urls.events }}`.
#[derive(Serialize)]
pub struct UrlsView {
    pub home: String,
    pub accessibility: String,
    pub glossary: String,
    pub events: String,
    /// Each audience's events calendar, by the audience's slug:
    /// `{{ root }}{{ urls.calendars[audience.slug] }}`.
    pub calendars: BTreeMap<&'static str, String>,
    /// Each of the theme's static files, by its name, at the address a browser may keep it
    /// for a year: `{{ root }}{{ urls.theme["style.css"] }}`.
    pub theme: BTreeMap<String, String>,
}

impl UrlsView {
    pub fn new(theme: &crate::theme::Theme) -> Self {
        let fingerprint = theme.fingerprint();
        UrlsView {
            home: page_href(""),
            accessibility: page_href(urls::ACCESSIBILITY_PATH),
            glossary: page_href(urls::GLOSSARY_PATH),
            events: page_href(urls::EVENTS_PATH),
            calendars: Audience::ALL
                .into_iter()
                .map(|a| (a.slug(), urls::calendar_file(Some(a))))
                .collect(),
            theme: theme
                .static_files
                .iter()
                .map(|file| {
                    let cached = urls::cached_theme_file(&fingerprint, &file.name);
                    (file.name.clone(), cached)
                })
                .collect(),
        }
    }
}

/// The page being rendered.
#[derive(Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub date: Option<DateView>,
    /// The Markdown body as HTML.
    pub content: &'a str,
    pub path: &'a str,
    pub audiences: Vec<LinkView>,
    pub benchmarks: Vec<BenchmarkView>,
    pub extra: Option<&'a BTreeMap<String, yaml::Value>>,
}

/// The audience an audience hub speaks to.
#[derive(Serialize)]
pub struct AudienceView {
    pub slug: &'static str,
    pub label: &'static str,
}

/// Everything a template receives besides `site`.
#[derive(Serialize)]
pub struct PageContext<'a> {
    pub page: PageView<'a>,
    /// `../` repeated to climb from this page to the site root; empty at the root.
    pub root: String,
    /// The page's full public address, when site.yaml gives the site's `url`.
    pub canonical: Option<String>,
    /// The pages above this one, from the home page down.
    pub breadcrumbs: Vec<LinkView>,
    /// The pages listed on this one: a section's pages, or an audience hub's.
    pub children: Vec<&'a Summary>,
    pub audience: Option<AudienceView>,
    /// On an audience's hub: its `children`, sorted by what they are to its reader.
    pub hub: Option<HubPages<'a>>,
    /// On the home page: each hub that has guides of its own, with them.
    pub hubs: Vec<AudienceGuides<'a>>,
    /// For the pages careersite makes from the careers data.
    pub careers: Option<super::careers::CareersView>,
}

/// A finding of `careersite check`, for the compliance page.
#[derive(Serialize)]
pub struct FindingView {
    /// `error`, `warning` or `note`.
    pub severity: crate::diagnostic::Severity,
    pub code: &'static str,
    pub message: String,
    /// `content/site.yaml:7:3`, or the file alone.
    pub place: String,
    pub help: String,
}

impl From<&crate::diagnostic::Diagnostic> for FindingView {
    fn from(finding: &crate::diagnostic::Diagnostic) -> Self {
        let file = finding
            .file
            .as_ref()
            .map(|f| f.display().to_string())
            .unwrap_or_default();
        FindingView {
            severity: finding.severity,
            code: finding.code.map_or("", Code::as_str),
            message: finding.message.clone(),
            place: match &finding.position {
                Some(at) => format!("{file}:{}:{}", at.line, at.column),
                None => file,
            },
            help: finding.help.clone().unwrap_or_default(),
        }
    }
}

/// The findings of one severity, under the heading the compliance page gives them.
#[derive(Serialize)]
pub struct FindingGroup {
    pub heading: &'static str,
    pub findings: Vec<FindingView>,
}

impl FindingGroup {
    /// Errors, then warnings, then notes; severities with no findings are left out.
    pub fn of(findings: &[crate::diagnostic::Diagnostic]) -> Vec<FindingGroup> {
        use crate::diagnostic::Severity;
        [
            (Severity::Error, "To fix: required"),
            (Severity::Warning, "To look at"),
            (Severity::Note, "For information"),
        ]
        .into_iter()
        .map(|(severity, heading)| FindingGroup {
            heading,
            findings: findings
                .iter()
                .filter(|f| f.severity == severity)
                .map(FindingView::from)
                .collect(),
        })
        .filter(|group| !group.findings.is_empty())
        .collect()
    }
}

/// The compliance page's context: the usual page context, and the findings.
#[derive(Serialize)]
pub struct ComplianceContext<'a> {
    #[serde(flatten)]
    pub page: PageContext<'a>,
    pub groups: Vec<FindingGroup>,
}
