//! `content/site.yaml`: who the school is and how the site is set up. Every field has a default,
//! so a folder of Markdown with no site.yaml at all still builds.

use std::fmt;

use serde::Deserialize;

use crate::model::{
    AccessibilityStatement, Audience, Contact, Phase, ProviderAccess, Review, YearRange,
};
use crate::yaml;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SiteConfig {
    pub school: School,
    /// The address the site is published at, such as `https://www.school.sch.uk/careers/`.
    /// Needed for the sitemap, robots.txt and links shared on social media.
    pub url: Option<PublicUrl>,
    /// The language of the pages, as a BCP 47 tag.
    pub language: String,
    /// The theme under `themes/` to use; `default` is built in.
    pub theme: String,
    /// The readers the site has a hub page for, in navigation order.
    pub audiences: Vec<Audience>,
    /// The person responsible for the careers programme (statutory item S1).
    pub careers_leader: Option<Contact>,
    /// When the published careers information is reviewed (statutory item S4).
    pub review: Review,
    /// The provider access policy statement (statutory items P1-P3).
    pub provider_access: Option<ProviderAccess>,
    /// For the accessibility statement.
    pub accessibility: AccessibilityStatement,
    /// Publish the staff-facing compliance checklist at `compliance/` (always shown by `serve`).
    pub compliance_page: bool,
    /// Keep scripts, event handlers and `javascript:` links in raw HTML, and let pages run
    /// inline scripts. Off unless the school's web team turns it on.
    pub allow_scripts: bool,
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
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct School {
    pub name: String,
    pub phase: Phase,
    /// The year groups the school has, such as `Reception to Year 6` or `7 to 13`, so that
    /// `check` can tell a year group missing from the programme.
    pub years: Option<YearRange>,
    pub address: Option<String>,
    /// The school's main website, which the header's school name links back to.
    pub website: Option<PublicUrl>,
    /// An image under `content/`, shown in the header.
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
