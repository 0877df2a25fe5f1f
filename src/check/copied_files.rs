//! Files under `content/` other than pages, data and the pictures careersite draws afresh are
//! published as they are. Two kinds could do harm that way:
//!
//! - HTML, SVG and XML files, outside any page and its Content Security Policy: a script in
//!   one would run on the school's own site when it is opened. Unless the school allows
//!   scripts, such a file stops the build, and so does one that cannot be read well enough to
//!   tell.
//! - Pictures in formats careersite cannot draw (HEIC, AVIF, TIFF, GIF...) that carry EXIF or
//!   XMP metadata, which may say where a photo of pupils was taken. Such a file stops the
//!   build: converted to JPEG, it is drawn afresh without it.

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

/// Endings of pictures careersite cannot draw afresh, whose formats can carry metadata.
const UNDRAWN_PICTURES: [&str; 10] = [
    ".heic", ".heif", ".avif", ".tif", ".tiff", ".gif", ".bmp", ".jxl", ".jp2", ".dng",
];
/// What EXIF and XMP metadata start with, or are named by, in any of those formats.
const METADATA_MARKS: [&[u8]; 3] = [b"Exif", b"<x:xmpmeta", b"http://ns.adobe.com/xap/1.0/"];

pub fn metadata(site: &Site) -> Diagnostics {
    site.assets
        .iter()
        .filter(|asset| {
            let lower = asset.content_path.to_ascii_lowercase();
            UNDRAWN_PICTURES.iter().any(|ending| lower.ends_with(ending))
        })
        .filter_map(|asset| {
            let shown = crate::files::relative_to(&site.root, &asset.source);
            let carries = match std::fs::read(&asset.source) {
                Ok(bytes) => carries_metadata(&bytes),
                Err(err) => return Some(Diagnostic::io("read", &shown, &err)),
            };
            carries.then(|| {
                Diagnostic::error(
                    "this picture carries metadata (EXIF or XMP), which may say where it was taken, and careersite can take it out only of JPEG, PNG and WebP pictures",
                )
                .in_file(&shown)
                .with_help("open it in a photo editor and save it as JPEG (for a photo) or PNG (for a drawing): careersite then publishes it without its metadata")
            })
        })
        .collect()
}

fn carries_metadata(bytes: &[u8]) -> bool {
    METADATA_MARKS
        .iter()
        .any(|mark| bytes.windows(mark.len()).any(|window| window == *mark))
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
    fn metadata_is_found_whatever_the_format_wraps_it_in() {
        let found = carries_metadata;
        // A HEIC names its EXIF item; an XMP packet says what it is.
        assert!(found(b"....iinf....infe....Exif...."));
        assert!(found(
            b"GIF89a...XMP DataXMP<?xpacket begin=''?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
        ));
        assert!(!found(b"GIF89a\x01\x00\x01\x00 plain pixels"));
    }

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
