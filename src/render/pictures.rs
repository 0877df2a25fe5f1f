//! `![A pupil at the careers fair](fair.jpg)` shown the way a phone needs it: every version
//! of the picture in `srcset`, so the browser fetches the narrowest that fills the column at
//! the screen's sharpness; its size in `width` and `height`, so the page does not jump when it
//! arrives; and, below the first screen, `loading="lazy"`, so it is fetched only if the reader
//! scrolls to it.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use rayon::prelude::*;

use super::escape_xml;
use super::links::{LinkIndex, Picture, encode_path};
use super::source::{Headings, Source};
use super::urls::CACHED_DIR;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::images::Image;
use crate::images::cache::{Cache, Drawn};
use crate::output::{Contents, OutputFile};
use crate::site::{Site, root_prefix};

/// The width a picture is shown at, for the browser to choose a version before it has laid
/// the page out: the text column (`--measure`, 42rem, in the theme's style.css), or the
/// screen less the page's margins (1rem each side) when that is narrower.
const SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";
/// How far into a page's text a picture may start and still be on the first screen, in
/// characters of Markdown: a heading and a short paragraph.
const FIRST_SCREEN: usize = 600;

/// Writes each picture careersite draws as an `<img>` of its own, in place of
/// pulldown-cmark's.
pub fn show(
    source: &Source<'_>,
    links: &LinkIndex,
    events: &mut Vec<(Event<'_>, std::ops::Range<usize>)>,
) {
    let mut shown_first = false;
    let mut index = 0;
    while index < events.len() {
        let (
            Event::Start(Tag::Image {
                dest_url, title, ..
            }),
            range,
        ) = &events[index]
        else {
            index += 1;
            continue;
        };
        let Some(picture) = links.picture(source.content_path, dest_url) else {
            index += 1;
            continue;
        };
        let end = (index..events.len())
            .find(|&i| matches!(events[i].0, Event::End(TagEnd::Image)))
            .unwrap_or(events.len() - 1);
        let alt = plain_text(&events[index + 1..end]);
        let eager =
            !shown_first && source.headings == Headings::UnderTitle && range.start < FIRST_SCREEN;
        shown_first = true;
        let html = img(picture, &root_prefix(source.depth), &alt, title, eager);
        let range = range.clone();
        events.splice(
            index..=end,
            [(Event::InlineHtml(CowStr::from(html)), range)],
        );
        index += 1;
    }
}

/// The text of a picture's description, as a screen reader should read it.
fn plain_text(events: &[(Event<'_>, std::ops::Range<usize>)]) -> String {
    events
        .iter()
        .filter_map(|(event, _)| match event {
            Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
            Event::SoftBreak | Event::HardBreak => Some(" "),
            _ => None,
        })
        .collect()
}

fn img(picture: &Picture, root: &str, alt: &str, title: &str, eager: bool) -> String {
    let address = |path: &str| format!("{root}{}", encode_path(path));
    let widest = picture
        .versions
        .last()
        .map_or("", |(_, path)| path.as_str());
    let mut html = format!(r#"<img src="{}""#, escape_xml(&address(widest)));
    if picture.versions.len() > 1 {
        let srcset: Vec<String> = picture
            .versions
            .iter()
            .map(|(width, path)| format!("{} {width}w", address(path)))
            .collect();
        html.push_str(&format!(
            r#" srcset="{}" sizes="{SIZES}""#,
            escape_xml(&srcset.join(", "))
        ));
    }
    html.push_str(&format!(
        r#" width="{}" height="{}""#,
        picture.width, picture.height
    ));
    if !eager {
        html.push_str(r#" loading="lazy""#);
    }
    html.push_str(&format!(r#" decoding="async" alt="{}""#, escape_xml(alt)));
    if !title.is_empty() {
        html.push_str(&format!(r#" title="{}""#, escape_xml(title)));
    }
    html.push('>');
    html
}

/// A picture larger than this, once drawn, makes a page slow on a phone's data: most photos
/// come to a third of it at 1,600 pixels wide.
pub const BUDGET: u64 = 300 * 1024;

/// Every picture's files: each version at its address under `cached/`, and the widest at the
/// picture's own address too, so that a link to `images/fair.jpg`, from this site or any
/// other, still finds the picture (without its metadata).
pub struct Files {
    pub files: Vec<OutputFile>,
    pub warnings: Diagnostics,
    /// How many pictures were drawn now, not found already drawn.
    pub drawn: usize,
}

pub fn files(site: &Site) -> Result<Files, Diagnostics> {
    let cache = Cache::open();
    let drawn: Vec<Result<(&Image, Drawn), Diagnostic>> = site
        .images
        .par_iter()
        .map(|image| {
            let shown = crate::files::relative_to(&site.root, &image.source);
            cache.drawn(image, &shown).map(|drawn| (image, drawn))
        })
        .collect();
    let mut problems = Diagnostics::new();
    let mut files = Files {
        files: Vec::new(),
        warnings: Diagnostics::new(),
        drawn: 0,
    };
    // Two copies of one picture, under one name in two folders, share their versions.
    let mut published = HashSet::new();
    for result in drawn {
        let (image, drawn) = match result {
            Ok(drawn) => drawn,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        files.drawn += usize::from(drawn.drawn_now);
        let widest = drawn.versions.last();
        if let Some(widest) = widest.filter(|version| version.size > BUDGET) {
            files.warnings.push(over_budget(site, image, widest.size));
        }
        if let Some(widest) = widest {
            files.files.push(OutputFile {
                path: image.content_path.clone(),
                contents: copy_of(&widest.contents),
            });
        }
        for version in drawn.versions {
            let path = image.published_at(CACHED_DIR, version.width);
            if published.insert(path.clone()) {
                files.files.push(OutputFile {
                    path,
                    contents: version.contents,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn copy_of(contents: &Contents) -> Contents {
    match contents {
        Contents::Bytes(bytes) => Contents::Bytes(bytes.clone()),
        Contents::Copy(path) => Contents::Copy(path.clone()),
    }
}

fn over_budget(site: &Site, image: &Image, size: u64) -> Diagnostic {
    let advice = match image.format {
        crate::images::Format::Jpeg => "crop it to what matters, or use a simpler photo",
        _ => "save it as JPEG if it is a photo, or crop it to what matters",
    };
    Diagnostic::warning(format!(
        "this picture is still {} KB at {} pixels wide, after careersite made it smaller: more than the {} KB a picture should be for a reader on a phone",
        size.div_ceil(1024),
        image.widest(),
        BUDGET / 1024
    ))
    .coded(Code::PictureSize)
    .in_file(&crate::files::relative_to(&site.root, &image.source))
    .with_help(advice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo() -> Picture {
        Picture {
            versions: vec![
                (480, "cached/3f9a0c21d4/fair-480.jpg".to_string()),
                (960, "cached/3f9a0c21d4/fair-960.jpg".to_string()),
            ],
            width: 960,
            height: 720,
        }
    }

    #[test]
    fn a_picture_offers_every_version_and_says_its_size() {
        assert_eq!(
            img(&photo(), "../", "Pupils & an employer", "", false),
            r#"<img src="../cached/3f9a0c21d4/fair-960.jpg" srcset="../cached/3f9a0c21d4/fair-480.jpg 480w, ../cached/3f9a0c21d4/fair-960.jpg 960w" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" width="960" height="720" loading="lazy" decoding="async" alt="Pupils &amp; an employer">"#
        );
    }

    #[test]
    fn a_small_picture_has_one_version_and_the_first_screens_is_not_lazy() {
        let logo = Picture {
            versions: vec![(200, "cached/aa/logo-200.png".to_string())],
            width: 200,
            height: 80,
        };
        assert_eq!(
            img(&logo, "", "The \"Trust\"", "Our trust", true),
            r#"<img src="cached/aa/logo-200.png" width="200" height="80" decoding="async" alt="The &quot;Trust&quot;" title="Our trust">"#
        );
    }
}
