//! HTML, SVG and XML files under `content/` are published as they are, outside any page and its
//! Content Security Policy: a script in one would run on the school's own site when it is
//! opened. Unless the school allows scripts, such a file stops the build, and so does one that
//! cannot be read well enough to tell.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::raw_html::{self, EMBEDS, RUNS_SCRIPTS};
use crate::site::Site;

/// Endings of files a browser may open as a page or an image that runs scripts.
const MARKUP: [&str; 10] = [
    ".html", ".htm", ".shtml", ".xhtml", ".xht", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
];

pub fn scripts(site: &Site) -> Diagnostics {
    site.assets
        .iter()
        .filter(|asset| {
            let lower = asset.content_path.to_ascii_lowercase();
            MARKUP.iter().any(|ending| lower.ends_with(ending))
        })
        .filter_map(|asset| {
            let shown = crate::files::relative_to(&site.root, &asset.source);
            let problem = match crate::files::read_text(&asset.source, &shown) {
                Ok(text) => what_runs(&text).map(|what| {
                    Diagnostic::error(format!(
                        "this file is published as it is, and it has {what}: it would run on the school's site when opened"
                    ))
                    .with_help("take it out of the file; should the school's web team have checked it and want it kept, set `allow_scripts: true` in content/site.yaml")
                }),
                // Not UTF-8, or too large: it cannot be checked, so it is not published.
                Err(unreadable) => Some(
                    Diagnostic::error(format!(
                        "this file is published as it is, so it is checked for scripts, but it cannot be read: {}",
                        unreadable.message
                    ))
                    .with_help("save it as UTF-8 text, or take it out of content/"),
                ),
            };
            problem.map(|p| p.in_file(&shown))
        })
        .collect()
}

/// The first thing in `text` that would run or load a page of its own, and how many more.
fn what_runs(text: &str) -> Option<String> {
    // An XML entity can hold markup that only the browser's XML reader puts in place.
    if text.contains("<!ENTITY") {
        return Some("an XML entity (`<!ENTITY`), which can hide a script".to_string());
    }
    let found: Vec<String> = raw_html::dangers(text)
        .into_iter()
        .filter(|(_, why, _)| *why == RUNS_SCRIPTS || *why == EMBEDS)
        .map(|(what, _, _)| what)
        .collect();
    let first = found.first()?;
    Some(match found.len() {
        1 => first.clone(),
        n => format!("{first} and {} more", n - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_however_they_are_written_are_found() {
        for file in [
            "<script>alert(1)</script>",
            "<svg onload=\"x()\"/>",
            "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"><svg:script>x()</svg:script></svg:svg>",
            "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">x()</h:script>",
            "<iframe srcdoc=\"&lt;script&gt;x()&lt;/script&gt;\"></iframe>",
            "<!DOCTYPE svg [<!ENTITY s \"<script>x()</script>\">]><svg>&s;</svg>",
            "<svg><foreignObject><iframe srcdoc=\"x\"></iframe></foreignObject></svg>",
        ] {
            assert!(what_runs(file).is_some(), "{file}");
        }
        assert_eq!(
            what_runs("<svg><circle r=\"4\"/><style>circle{fill:red}</style></svg>"),
            None
        );
    }
}
