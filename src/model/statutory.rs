//! What a school must publish about its careers programme and provider access (items S1-S4
//! and P1-P4 of docs/check.md, from the DfE's statutory guidance "Careers guidance and access
//! for education and training providers", gov.uk). These live in `site.yaml`.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Date, YearGroup, YearRange};

/// A person the public can contact: the Careers Leader (S1), or whoever takes providers' requests (P1).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Contact {
    /// Their name, such as `Ms Priya Shah`.
    pub name: String,
    /// Their role, such as `Assistant Headteacher and Careers Leader`.
    pub role: String,
    /// Their email address.
    pub email: String,
    /// Their telephone number.
    pub phone: String,
    /// When to call, such as `Monday to Friday, 8.30am to 4pm`.
    pub hours: String,
}

/// When the published information was last reviewed, and when it will be next (S4).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Review {
    /// When this information was last reviewed.
    pub last: Option<Date>,
    /// When it will be reviewed next.
    pub next: Option<Date>,
}

/// The provider access policy statement (Education Act 1997 s42B). Text fields are Markdown.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ProviderAccess {
    /// Who providers should ask (P1).
    pub contact: Contact,
    /// How a provider asks for access (P1). Markdown.
    pub how_to_request: String,
    /// The grounds for granting a request (P2). Markdown.
    pub granting: String,
    /// The grounds for refusing a request (P2). Markdown.
    pub refusing: String,
    /// The premises and facilities providers are given (P3). Markdown.
    pub premises: String,
}

/// Two year groups in which the provider access legislation asks a school to give every pupil
/// two encounters with providers of technical education or apprenticeships: Years 8 and 9,
/// Years 10 and 11, and, for pupils in a sixth form, Years 12 and 13.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncounterStage {
    /// The year groups' numbers: 8 and 9, 10 and 11, or 12 and 13.
    pub first: u8,
    pub second: u8,
}

impl EncounterStage {
    const ALL: [EncounterStage; 3] = [
        EncounterStage::new(8, 9),
        EncounterStage::new(10, 11),
        EncounterStage::new(12, 13),
    ];

    const fn new(first: u8, second: u8) -> Self {
        EncounterStage { first, second }
    }

    /// The stages a school with `years` has: those with a year group among them. Without
    /// `years`, the two in Years 8 to 11 that every secondary school has.
    pub fn of(years: Option<YearRange>) -> Vec<EncounterStage> {
        match years {
            Some(range) => EncounterStage::ALL
                .into_iter()
                .filter(|stage| {
                    range.contains(YearGroup::Year(stage.first))
                        || range.contains(YearGroup::Year(stage.second))
                })
                .collect(),
            None => EncounterStage::ALL[..2].to_vec(),
        }
    }

    /// Years 12 and 13: those of a sixth form.
    pub fn is_post_16(self) -> bool {
        self.first >= 12
    }

    pub fn contains(self, year: YearGroup) -> bool {
        matches!(year, YearGroup::Year(n) if n == self.first || n == self.second)
    }
}

/// What the accessibility statement says beyond what careersite knows itself. Public-sector
/// websites must publish one (Public Sector Bodies Accessibility Regulations 2018).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct AccessibilityStatement {
    /// Where to report an accessibility problem: the Careers Leader's email address unless you give
    /// another.
    pub email: String,
    /// A telephone number for accessibility problems: the Careers Leader's unless you give another.
    pub phone: String,
    /// When the site was last tested for accessibility.
    pub tested: Option<Date>,
    /// When the statement was prepared or last reviewed.
    pub prepared: Option<Date>,
    /// Content known not to be accessible, one item each, in plain words.
    pub known_issues: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_has_the_encounter_stages_of_its_year_groups() {
        let range = |text| YearRange::parse(text);
        assert_eq!(EncounterStage::of(range("7 to 13")), EncounterStage::ALL);
        assert_eq!(
            EncounterStage::of(range("7 to 11")),
            EncounterStage::ALL[..2]
        );
        assert_eq!(
            EncounterStage::of(range("Year 12 to Year 13")),
            EncounterStage::ALL[2..]
        );
        assert_eq!(EncounterStage::of(range("9 to 13")), EncounterStage::ALL);
        assert!(EncounterStage::of(range("Reception to Year 6")).is_empty());
        assert_eq!(EncounterStage::of(None), EncounterStage::ALL[..2]);
    }
}
