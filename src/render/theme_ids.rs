//! The ids a theme's templates give their own elements. A heading in a page's Markdown never
//! takes one that is on the page it is shown in, or the skip link and the theme's own links
//! would lead to the wrong place; on other pages the heading keeps the id its text gives it.

use std::collections::{HashMap, HashSet};

use crate::model::YearGroup;
use crate::theme::{BUILT_IN_PREFIX, Theme};

pub struct ThemeIds {
    /// On every page: those of `base.html` and the partials.
    shared: HashSet<String>,
    /// Those of each page template, with the shared ones.
    by_template: HashMap<String, HashSet<String>>,
    /// Every id of every template, for Markdown from data files, shown on several pages.
    all: HashSet<String>,
}

impl ThemeIds {
    pub fn new(theme: &Theme) -> Self {
        let own: Vec<(&str, HashSet<String>)> = theme
            .templates
            .iter()
            .map(|t| {
                let text = std::str::from_utf8(&t.contents).unwrap_or("");
                (t.name.as_str(), ids_in(text))
            })
            .collect();
        // A school's `base.html` may extend the built-in one, whose ids are then on every page.
        let is_shared = |name: &str| {
            let name = name.strip_prefix(BUILT_IN_PREFIX).unwrap_or(name);
            name == "base.html" || name.starts_with("partials/")
        };
        let shared: HashSet<String> = own
            .iter()
            .filter(|(name, _)| is_shared(name))
            .flat_map(|(_, ids)| ids.iter().cloned())
            .collect();
        let by_template: HashMap<String, HashSet<String>> = own
            .iter()
            .filter(|(name, _)| !is_shared(name))
            .map(|(name, ids)| (name.to_string(), ids.union(&shared).cloned().collect()))
            .collect();
        let all = by_template
            .values()
            .flatten()
            .cloned()
            .chain(shared.iter().cloned())
            .collect();
        ThemeIds {
            shared,
            by_template,
            all,
        }
    }

    /// The ids on a page made with `template`.
    pub fn on(&self, template: &str) -> &HashSet<String> {
        self.by_template.get(template).unwrap_or(&self.shared)
    }

    pub fn all(&self) -> &HashSet<String> {
        &self.all
    }
}

/// The ids a template writes: each `id="…"` given as it is, and each year group's, where the
/// template gives year groups their ids (`id="{{ year.slug }}"`, the year-by-year page).
fn ids_in(template: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for value in template
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
    {
        if !value.contains("{{") {
            ids.insert(value.to_string());
        } else if value.contains("year.slug") {
            ids.extend(
                std::iter::once(YearGroup::Reception)
                    .chain((1..=13).map(YearGroup::Year))
                    .map(YearGroup::slug),
            );
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_as_written_and_year_groups_where_the_template_names_them() {
        let ids =
            ids_in(r#"<main id="main"><h2 id="{{ year.slug }}"></h2><li id="{{ event.id }}">"#);
        assert!(ids.contains("main") && ids.contains("reception") && ids.contains("year-13"));
        assert!(!ids.iter().any(|id| id.contains("{{")));
    }
}
