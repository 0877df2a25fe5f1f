//! What a page says about itself in its front matter (the YAML between `---` lines at its
//! top). `load` reads it; the site and the templates use it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Audience, Benchmark, Date};
use crate::yaml;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(default)]
#[schemars(transform = crate::yaml::also_named(&[("order", "weight")]))]
pub struct FrontMatter {
    /// The page's heading. Without it, a first line `# Heading` is used, then the file name.
    pub title: Option<String>,
    /// A sentence for search engines, link previews and listings. Without it, the start of the
    /// first paragraph is used.
    pub description: Option<String>,
    /// The page's date, such as `2025-03-03`: shown on the page, newest first in listings.
    pub date: Option<Date>,
    /// `true` keeps the page out of the published site.
    pub draft: bool,
    /// Where the page comes in listings: lower numbers first (you may write `order` instead).
    #[serde(alias = "order")]
    pub weight: Option<i64>,
    /// Who the page is for: it is listed on those audiences' pages.
    pub audiences: Vec<Audience>,
    /// The Gatsby Benchmarks (1 to 8) the page supports.
    pub benchmarks: Vec<Benchmark>,
    /// A theme template to use instead of the usual one, such as `wide.html`.
    pub template: Option<String>,
    /// Any values of your own, for your own templates (`{{ page.extra.key }}`).
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub extra: BTreeMap<String, yaml::Value>,
}
