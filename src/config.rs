//! `content/site.yaml`: who the school is and how the site is set up. Every field has a default,
//! so a folder of Markdown with no site.yaml at all still builds.

use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::model::{
    AccessibilityStatement, Audience, Contact, Phase, ProviderAccess, Review, YearRange,
};
use crate::yaml;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(default)]
pub struct SiteConfig {
    /// The school: its name, phase, year groups, address, website and logo.
    pub school: School,
    /// The address the site is published at, such as
    /// `https://www.riverside-academy.sch.uk/careers/`. Needed for `sitemap.xml`, `robots.txt` and
    /// links shared on social media.
    pub url: Option<PublicUrl>,
    /// The language of the pages, such as `en-GB` (the default).
    pub language: String,
    /// The theme: a folder under `themes/`, or `default`, the built-in one (the default).
    pub theme: String,
    /// The readers the site has a page for, in navigation order: `pupils`, `parents` (parents and
    /// carers), `staff`, `employers`. All four unless you list them.
    pub audiences: Vec<Audience>,
    /// The Careers Leader, whose name, email address and telephone number the law asks you to
    /// publish (S1). They also make the contact box on every audience's page and the footer of
    /// every page.
    pub careers_leader: Option<Contact>,
    /// When this careers information was last reviewed, and when it will be next (S4).
    pub review: Review,
    /// The provider access policy statement (P1 to P3), which every secondary school must publish.
    pub provider_access: Option<ProviderAccess>,
    /// For the accessibility statement every site gets.
    pub accessibility: AccessibilityStatement,
    /// `true` publishes the compliance checklist for staff at `compliance/` (`careersite serve`
    /// always shows it). `false` unless you say.
    pub compliance_page: bool,
    /// `true` keeps the scripts, `on…` handlers, `javascript:` and `data:` addresses, forms and
    /// embedded content from other sites that raw HTML in Markdown otherwise loses, each with a
    /// warning, and lets pages run inline scripts. Turn it on only for HTML the school's web team
    /// has checked. `false` unless you say.
    pub allow_scripts: bool,
    /// `false` leaves out `_headers` and `.htaccess`, which tell a Netlify, Cloudflare Pages or
    /// Apache host the security headers and caching to send (docs/deploy.md). They are written
    /// when `url` is set; `true` unless you say. `careersite build --no-host-files` leaves them
    /// out of one build.
    pub host_files: bool,
    /// How `careersite import events` reads the school calendar: which of its categories are
    /// careers events, and who and which benchmarks each is for (docs/import.md).
    pub calendar: CalendarImport,
}

/// How the school calendar's categories become events' audiences and benchmarks.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CalendarImport {
    /// Each category the calendar gives careers events, such as `Careers` or `Parents'
    /// evenings`, with who it is for and the benchmarks it serves. When you list categories, only
    /// events in one of them are imported.
    pub categories: std::collections::BTreeMap<String, CalendarCategory>,
}

/// What one calendar category means on the careers site.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CalendarCategory {
    /// Who its events are for: `pupils`, `parents`, `staff`, `employers`. Everyone unless you
    /// list them.
    pub audiences: Vec<Audience>,
    /// The Gatsby Benchmarks (1 to 8) its events serve.
    pub benchmarks: Vec<crate::model::Benchmark>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            school: School::default(),
            url: None,
            language: "en-GB".to_string(),
            theme: "default".to_string(),
            audiences: Audience::ALL.to_vec(),
            careers_leader: None,
            review: Review::default(),
            provider_access: None,
            accessibility: AccessibilityStatement::default(),
            compliance_page: false,
            allow_scripts: false,
            host_files: true,
            calendar: CalendarImport::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(default)]
pub struct School {
    /// The school's name, shown in the header, page titles and footer (`Careers` unless you give
    /// it).
    pub name: String,
    /// The kind of school (`secondary` unless you say): decides which benchmark expectations apply,
    /// how careersite's own pages word them, and whether the provider access policy applies (not to
    /// a primary school). `check` warns of content that does not fit it.
    pub phase: Phase,
    /// The year groups the school has, youngest to oldest (`Reception to Year 6`, `7 to 13`), so
    /// that `check` can report a year group missing from the programme. Without it, the years the
    /// programme describes.
    pub years: Option<YearRange>,
    /// The school's address, shown in the footer.
    pub address: Option<String>,
    /// The school's main website: the school's name in the header and footer links back to it, so a
    /// reader can tell the careers pages are part of the school's site.
    pub website: Option<PublicUrl>,
    /// An image under `content/`, such as `images/logo.svg`, shown beside the school's name.
    pub logo: Option<String>,
}

impl Default for School {
    fn default() -> Self {
        School {
            name: "Careers".to_string(),
            phase: Phase::Secondary,
            years: None,
            address: None,
            website: None,
            logo: None,
        }
    }
}

/// An absolute `http(s)` address, always ending in `/` so page paths can be appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))?;
        // Page paths are appended to the address, so it must end in its path.
        if rest.is_empty()
            || rest.starts_with('/')
            || text.contains(char::is_whitespace)
            || text.contains(['?', '#'])
        {
            return None;
        }
        let with_slash = if text.ends_with('/') {
            text.to_string()
        } else {
            format!("{text}/")
        };
        Some(PublicUrl(with_slash))
    }

    /// The absolute address of a page whose path is relative to the site root (`pupils/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The host name (`www.school.sch.uk`), for identifiers that must be unique worldwide.
    pub fn host(&self) -> Option<&str> {
        let after_scheme = &self.0[self.0.find("//")? + 2..];
        after_scheme.split('/').next().filter(|h| !h.is_empty())
    }

    /// The path part of the address (`/careers/`), for pages that cannot use relative links.
    pub fn path(&self) -> &str {
        let after_scheme = &self.0[self.0.find("//").map_or(0, |i| i + 2)..];
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl yaml::Scalar for PublicUrl {
    const WHAT: &'static str = "a web address";
    const HOW: &'static str =
        "write it in full, with no `?` or `#` part, like https://www.school.sch.uk/careers/";
    const WRITTEN: yaml::Written = yaml::Written::Text {
        pattern: r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^\s?#]+\s*$",
        examples: &["https://www.school.sch.uk/careers/"],
    };

    fn from_text(text: &str) -> Option<Self> {
        PublicUrl::parse(text)
    }

    fn stand_in() -> Self {
        PublicUrl("https://www.school.sch.uk/".to_string())
    }
}

yaml::deserialize_scalar!(PublicUrl);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_gain_a_trailing_slash_and_expose_their_path() {
        let url = PublicUrl::parse("https://www.school.sch.uk/careers").unwrap();
        assert_eq!(
            url.join("pupils/"),
            "https://www.school.sch.uk/careers/pupils/"
        );
        assert_eq!(url.path(), "/careers/");
        assert_eq!(PublicUrl::parse("https://school.org").unwrap().path(), "/");
    }

    #[test]
    fn only_full_web_addresses_are_accepted() {
        assert!(PublicUrl::parse("www.school.sch.uk").is_none());
        assert!(PublicUrl::parse("ftp://school").is_none());
        assert!(PublicUrl::parse("https://").is_none());
        assert!(PublicUrl::parse("https://school.org/?q").is_none());
        assert!(PublicUrl::parse("https://school.org/careers#top").is_none());
    }
}
