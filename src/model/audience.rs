use serde::{Deserialize, Serialize};

/// The readers a careers site speaks to. Each has its own hub page and navigation entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Pupils,
    #[serde(alias = "parents-and-carers", alias = "carers")]
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
