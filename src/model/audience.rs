use serde::Serialize;

use crate::yaml;

/// The readers a careers site speaks to. Each has its own hub page and navigation entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Pupils,
    Parents,
    Staff,
    Employers,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::Pupils,
        Audience::Parents,
        Audience::Staff,
        Audience::Employers,
    ];

    /// The folder of the audience's hub page, and its name in YAML.
    pub fn slug(self) -> &'static str {
        match self {
            Audience::Pupils => "pupils",
            Audience::Parents => "parents",
            Audience::Staff => "staff",
            Audience::Employers => "employers",
        }
    }

    /// How the audience is named to a reader, capitalised for a heading or a link.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Pupils => "Pupils",
            Audience::Parents => "Parents and carers",
            Audience::Staff => "Staff",
            Audience::Employers => "Employers",
        }
    }
}

impl yaml::Scalar for Audience {
    const WHAT: &'static str = "an audience";
    const HOW: &'static str = "use pupils, parents, staff or employers";
    const WRITTEN: yaml::Written =
        yaml::Written::Words(&["pupils", "parents", "staff", "employers"]);

    fn from_text(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "pupils" | "students" => Some(Audience::Pupils),
            "parents" | "carers" | "parents-and-carers" | "parents and carers" => {
                Some(Audience::Parents)
            }
            "staff" | "teachers" => Some(Audience::Staff),
            "employers" => Some(Audience::Employers),
            _ => None,
        }
    }

    fn stand_in() -> Self {
        Audience::Pupils
    }
}

yaml::deserialize_scalar!(Audience);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_audience_has_a_distinct_slug() {
        let mut slugs: Vec<_> = Audience::ALL.iter().map(|a| a.slug()).collect();
        slugs.dedup();
        assert_eq!(slugs.len(), Audience::ALL.len());
    }
}
