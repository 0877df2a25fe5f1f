//! What a page says about itself in its front matter (the YAML between `---` lines at its
//! top). `load` reads it; the site and the templates use it.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Audience, Benchmark, Date};
use crate::yaml;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    pub date: Option<Date>,
    pub draft: bool,
    /// Lower comes first in listings and navigation.
    #[serde(alias = "order")]
    pub weight: Option<i64>,
    pub audiences: Vec<Audience>,
    pub benchmarks: Vec<Benchmark>,
    /// A theme template to render this page with instead of the usual one.
    pub template: Option<String>,
    /// Free-form values for a school's own templates.
    pub extra: BTreeMap<String, yaml::Value>,
}
