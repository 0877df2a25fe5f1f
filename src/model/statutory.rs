//! What a school must publish about its careers programme and provider access (items S1-S4
//! and P1-P4 of docs/check.md, from the DfE's statutory guidance "Careers guidance and access
//! for education and training providers", gov.uk). These live in `site.yaml`.

use serde::Deserialize;

use super::Date;

/// A person the public can contact: the Careers Leader (S1), or whoever takes providers' requests (P1).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    /// When they can be reached, such as `Monday to Friday, 8.30am to 4pm`.
    pub hours: String,
}

/// When the published information was last reviewed, and when it will be next (S4).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Review {
    pub last: Option<Date>,
    pub next: Option<Date>,
}

/// The provider access policy statement (Education Act 1997 s42B). Text fields are Markdown.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProviderAccess {
    /// Who providers should ask (P1).
    pub contact: Contact,
    /// How a provider asks for access (P1).
    pub how_to_request: String,
    /// Grounds for granting a request (P2).
    pub granting: String,
    /// Grounds for refusing a request (P2).
    pub refusing: String,
    /// Premises and facilities given to providers (P3).
    pub premises: String,
}

/// What the accessibility statement says beyond what careersite knows itself. Public-sector
/// websites must publish one (Public Sector Bodies Accessibility Regulations 2018).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AccessibilityStatement {
    /// Where to report a problem; the Careers Leader's email when not given.
    pub email: String,
    pub phone: String,
    /// When the site was last tested for accessibility.
    pub tested: Option<Date>,
    /// When the statement was prepared or last reviewed.
    pub prepared: Option<Date>,
    /// Content known not to be accessible, in plain words.
    pub known_issues: Vec<String>,
}
