//! The kind of school a site is for, which decides which expectations of the Gatsby Benchmarks
//! and of the law apply, and how careersite's own words put them.

use std::fmt;

use serde::Serialize;

use super::YearGroup;
use crate::yaml;

/// The kind of school, as `school.phase` in site.yaml gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Primary,
    Secondary,
    AllThrough,
    Special,
    College,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Primary,
        Phase::Secondary,
        Phase::AllThrough,
        Phase::Special,
        Phase::College,
    ];

    /// `primary`, `All-through`: as site.yaml writes it, in any case.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Phase::ALL.into_iter().find(|phase| phase.name() == text)
    }

    /// As site.yaml writes it: `all-through`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Primary => "primary",
            Phase::Secondary => "secondary",
            Phase::AllThrough => "all-through",
            Phase::Special => "special",
            Phase::College => "college",
        }
    }

    /// For a sentence: "a primary school", "a college".
    pub fn described(self) -> &'static str {
        match self {
            Phase::Primary => "a primary school",
            Phase::Secondary => "a secondary school",
            Phase::AllThrough => "an all-through school",
            Phase::Special => "a special school",
            Phase::College => "a college",
        }
    }

    /// Whether the school teaches the primary years, for which the Gatsby Benchmarks have an
    /// adapted version (and the self-assessment grid a "primary adaptation").
    pub fn has_primary_years(self) -> bool {
        matches!(self, Phase::Primary | Phase::AllThrough)
    }

    /// Whether a school of this phase can have `year`: a primary school ends at Year 6; a
    /// secondary school starts at Year 7, or at Year 5 if it is a middle school deemed
    /// secondary; a college has learners from 16, and some from 14 (Years 10 and 11). All-through
    /// and special schools can have any year group.
    pub fn has_year(self, year: YearGroup) -> bool {
        match (self, year) {
            (Phase::Primary, YearGroup::Year(n)) => n <= 6,
            (Phase::Secondary, YearGroup::Year(n)) => n >= 5,
            (Phase::College, YearGroup::Year(n)) => n >= 10,
            (Phase::Secondary | Phase::College, YearGroup::Reception) => false,
            (Phase::Primary | Phase::AllThrough | Phase::Special, _) => true,
        }
    }

    /// Whether the provider access legislation (Education Act 1997, section 42B) can apply:
    /// it is about pupils in Years 8 to 13, so never to a primary school.
    pub fn has_provider_access(self) -> bool {
        self != Phase::Primary
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl yaml::Scalar for Phase {
    const WHAT: &'static str = "a school phase";
    const HOW: &'static str = "use primary, secondary, all-through, special or college";
    const WRITTEN: yaml::Written =
        yaml::Written::Words(&["primary", "secondary", "all-through", "special", "college"]);

    fn from_text(text: &str) -> Option<Self> {
        Phase::parse(text)
    }

    fn stand_in() -> Self {
        Phase::Secondary
    }
}

yaml::deserialize_scalar!(Phase);

#[cfg(test)]
mod tests {
    use super::*;
    use yaml::Scalar;

    #[test]
    fn phases_read_as_site_yaml_writes_them() {
        for phase in Phase::ALL {
            assert_eq!(Phase::from_text(phase.name()), Some(phase));
        }
        assert_eq!(Phase::from_text(" All-Through "), Some(Phase::AllThrough));
        assert_eq!(Phase::from_text("grammar"), None);
    }

    #[test]
    fn each_phase_has_its_own_year_groups() {
        assert!(Phase::Primary.has_year(YearGroup::Reception));
        assert!(!Phase::Primary.has_year(YearGroup::Year(7)));
        assert!(
            Phase::Secondary.has_year(YearGroup::Year(5)),
            "a middle school"
        );
        assert!(!Phase::Secondary.has_year(YearGroup::Year(4)));
        assert!(!Phase::College.has_year(YearGroup::Year(9)));
        assert!(Phase::College.has_year(YearGroup::Year(12)));
        assert!(Phase::AllThrough.has_year(YearGroup::Reception));
        assert!(Phase::Special.has_year(YearGroup::Year(13)));
    }
}
