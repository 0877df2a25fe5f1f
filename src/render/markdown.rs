//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, smart punctuation,
//! a unique `id` on every heading, and links rewritten to work from the published page.

use std::collections::HashSet;

use pulldown_cmark::{
    Alignment, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html,
};

use super::autolinks::link_bare_addresses;
use super::escape_xml;
use super::links::{Link, LinkIndex};
use super::pictures;
use super::placed::Placed;
use super::raw_html;
// Every caller of `render` builds a `Source`; it has a module of its own only so that
// `placed` can read it without importing this one.
pub use super::source::{Headings, Source};
use crate::diagnostic::{Code, Diagnostic};
use crate::site::slugify;

/// Longest description derived from a page's first paragraph, in characters.
const SUMMARY_LENGTH: usize = 160;

pub struct Html {
    pub html: String,
    /// The first paragraph as plain text, cut to a meta description's length.
    pub summary: String,
    pub warnings: Vec<Diagnostic>,
}

pub fn render(source: &Source<'_>, links: &LinkIndex) -> Html {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<(Event, std::ops::Range<usize>)> = link_bare_addresses(
        Parser::new_ext(source.text, options)
            .into_offset_iter()
            .collect(),
    );

    let mut warnings = Placed::new(source);
    leave_out_html_nested_too_deep(&mut events, &mut warnings);
    let has_raw_html = events
        .iter()
        .any(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    // After the raw HTML is judged: the pictures' own HTML is careersite's.
    pictures::show(source, links, &mut events);
    rewrite_links(source, links, &mut events, &mut warnings);
    let sanitise = has_raw_html && !source.allow_scripts;
    if sanitise {
        warn_of_unsafe_html(&events, &mut warnings);
    }
    // The text's headings nest under the page's: a page's under its title, the only h1; a data
    // file's field under the heading its template shows it beneath.
    let highest = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level),
            _ => None,
        })
        .min();
    let shift = highest.map_or(0, |highest| source.headings.shift(highest));
    assign_heading_ids(source, &mut events, shift, &mut warnings);
    let summary = first_paragraph(&events);

    let mut html = String::with_capacity(source.text.len() * 3 / 2);
    let mut tables = Tables::default();
    html::push_html(
        &mut html,
        events.into_iter().flat_map(|(e, _)| {
            let (event, after) = tables.write(e);
            std::iter::once(event).chain(after)
        }),
    );
    Html {
        html: if sanitise {
            raw_html::sanitise(&html)
        } else {
            html
        },
        summary,
        warnings: warnings.into_list(),
    }
}

/// Markdown tables, written here rather than by pulldown-cmark so that they fit a phone:
///
/// - each is wrapped in a box that scrolls sideways on a narrow screen, so the page does not;
///   the box takes keyboard focus so that it can be scrolled without a mouse;
/// - a table of three or more columns has the class `stack`, which lays each row out as a list
///   of its cells on a narrow screen, and each of its body cells carries its column's heading, as
///   plain text, in `data-label` for the stylesheet to show;
/// - columns aligned with `:--:` are aligned by class: pulldown-cmark would use `style`
///   attributes, which the pages' Content Security Policy forbids.
///
/// pulldown-cmark still writes the rows and the `thead` and `tbody` around them.
#[derive(Default)]
struct Tables {
    alignments: Vec<Alignment>,
    stack: bool,
    in_head: bool,
    column: usize,
    /// The plain text of each heading, once the head has been read.
    labels: Vec<String>,
}

/// Tables of fewer columns fit a phone side by side; see the stylesheet's rule for stacking.
const STACK_FROM_COLUMNS: usize = 3;

impl Tables {
    /// The event to write in place of `event`, and one to write after it.
    fn write<'a>(&mut self, event: Event<'a>) -> (Event<'a>, Option<Event<'a>>) {
        let html = |text: String| (Event::Html(CowStr::from(text)), None);
        match event {
            Event::Start(Tag::Table(alignments)) => {
                self.stack = alignments.len() >= STACK_FROM_COLUMNS;
                self.alignments = alignments;
                self.labels.clear();
                html(format!(
                    r#"<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table{}>"#,
                    if self.stack { r#" class="stack""# } else { "" }
                ))
            }
            Event::End(TagEnd::Table) => (event, Some(Event::Html(CowStr::Borrowed("</div>")))),
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                (event, None)
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                (event, None)
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                (event, None)
            }
            Event::Start(Tag::TableCell) if self.in_head => {
                self.labels.push(String::new());
                html(format!("<th{}>", self.align()))
            }
            Event::Start(Tag::TableCell) => {
                let label = match self.labels.get(self.column) {
                    Some(label) if self.stack && !label.trim().is_empty() => {
                        format!(r#" data-label="{}""#, escape_xml(label.trim()))
                    }
                    _ => String::new(),
                };
                html(format!("<td{label}{}>", self.align()))
            }
            Event::End(TagEnd::TableCell) => {
                self.column += 1;
                html(if self.in_head { "</th>" } else { "</td>" }.to_string())
            }
            Event::Text(ref text) | Event::Code(ref text) if self.in_head => {
                if let Some(label) = self.labels.last_mut() {
                    label.push_str(text);
                }
                (event, None)
            }
            event => (event, None),
        }
    }

    fn align(&self) -> &'static str {
        match self.alignments.get(self.column) {
            Some(Alignment::Left) => r#" class="align-left""#,
            Some(Alignment::Center) => r#" class="align-center""#,
            Some(Alignment::Right) => r#" class="align-right""#,
            Some(Alignment::None) | None => "",
        }
    }
}

/// Raw HTML nested deeper than [`raw_html::DEEPEST`] is left out, all of it, before anything
/// parses it: no school's table or list nests so deep, and parsing it would hang the build.
fn leave_out_html_nested_too_deep(
    events: &mut Vec<(Event, std::ops::Range<usize>)>,
    warnings: &mut Placed<'_, '_>,
) {
    let is_raw = |e: &Event| matches!(e, Event::Html(_) | Event::InlineHtml(_));
    let joined: String = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Html(text) | Event::InlineHtml(text) => Some(text.as_ref()),
            _ => None,
        })
        .collect();
    let depth = raw_html::nesting_depth(&joined);
    if depth <= raw_html::DEEPEST {
        return;
    }
    if let Some((_, range)) = events.iter().find(|(e, _)| is_raw(e)) {
        warnings.add(range.start, || {
            Diagnostic::warning(format!(
                "the HTML here nests {depth} elements deep, more than the {} a page may have, so all of this page's HTML is left out",
                raw_html::DEEPEST
            ))
            .coded(Code::UnsafeHtml)
            .with_help("write the content in Markdown, or paste HTML with fewer elements inside one another")
        });
    }
    events.retain(|(e, _)| !is_raw(e));
}

/// Warns of each thing in the raw HTML that will be taken out, at the raw HTML that holds it.
fn warn_of_unsafe_html(events: &[(Event, std::ops::Range<usize>)], warnings: &mut Placed<'_, '_>) {
    let raw: Vec<(&str, usize)> = events
        .iter()
        .filter_map(|(e, range)| match e {
            Event::Html(text) | Event::InlineHtml(text) => Some((text.as_ref(), range.start)),
            _ => None,
        })
        .collect();
    let joined: String = raw.iter().map(|(text, _)| *text).collect();
    for (what, why, needle) in raw_html::dangers(&joined) {
        let needle = needle.to_ascii_lowercase();
        let offset = raw
            .iter()
            .find(|(text, _)| text.to_ascii_lowercase().contains(&needle))
            .map_or(raw[0].1, |(_, offset)| *offset);
        warnings.add(offset, || {
            Diagnostic::warning(format!("removed {what} from the page's HTML: {why}"))
                .coded(Code::UnsafeHtml)
                .with_help("take it out of the Markdown; should the school's web team have checked it and want it kept, set `allow_scripts: true` in content/site.yaml")
        });
    }
}

fn rewrite_links(
    source: &Source<'_>,
    links: &LinkIndex,
    events: &mut [(Event, std::ops::Range<usize>)],
    warnings: &mut Placed<'_, '_>,
) {
    // For each image open, whether it became a link, so its end becomes the link's end.
    let mut images_made_links: Vec<bool> = Vec::new();
    for (event, range) in events.iter_mut() {
        if let Event::Start(Tag::Image { dest_url, .. }) = event
            && !raw_html::is_on_this_site(dest_url)
            && !raw_html::is_script_url(dest_url)
        {
            warnings.add(range.start, || remote_image(dest_url));
            images_made_links.push(true);
            let Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) = std::mem::replace(event, Event::SoftBreak)
            else {
                unreachable!("matched as an image just above");
            };
            *event = Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            });
            continue;
        }
        match event {
            Event::Start(Tag::Image { .. }) => images_made_links.push(false),
            Event::End(TagEnd::Image) => {
                if images_made_links.pop() == Some(true) {
                    *event = Event::End(TagEnd::Link);
                }
                continue;
            }
            _ => {}
        }
        // `<careers@school.sch.uk>`, or the address bare: pulldown-cmark writes `mailto:` before
        // it, so it is no page of this site.
        if matches!(
            event,
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            })
        ) {
            continue;
        }
        let is_image = matches!(event, Event::Start(Tag::Image { .. }));
        let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) =
            event
        else {
            continue;
        };
        match links.resolve(source.content_path, source.depth, dest_url) {
            Link::Local(href) => *dest_url = CowStr::from(href),
            Link::External if !source.allow_scripts && raw_html::is_script_url(dest_url) => {
                warnings.add(range.start, || {
                    Diagnostic::warning(format!(
                        "removed the address `{dest_url}` from a link: pages may not run scripts"
                    ))
                    .coded(Code::UnsafeHtml)
                    .with_help("link to a page or a web address (https://…) instead")
                });
                // An empty address keeps the link's text and leads nowhere harmful.
                *dest_url = CowStr::Borrowed("");
            }
            Link::External => {}
            Link::Broken(reason) => warnings.add(link_place(source.text, range, dest_url), || {
                let (what, code) = if is_image {
                    ("picture", Code::Image)
                } else {
                    ("link", Code::Link)
                };
                Diagnostic::warning(format!("broken {what}: {reason}"))
                    .coded(code)
                    .with_help("link to another page by its file name, such as `year-11.md`, or to a file under content/")
            }),
        }
    }
}

/// Where a broken link is shown, as `check` finds it in the published page's source: at its
/// address, or at the start of a link with none.
fn link_place(text: &str, range: &std::ops::Range<usize>, destination: &str) -> usize {
    if crate::render::links::is_placeholder(destination) {
        return range.start;
    }
    let written = text.get(range.clone()).unwrap_or("");
    written
        .find(destination)
        .map_or(range.start, |i| range.start + i)
}

fn assign_heading_ids(
    source: &Source<'_>,
    events: &mut [(Event, std::ops::Range<usize>)],
    shift: isize,
    warnings: &mut Placed<'_, '_>,
) {
    // The page's template's ids are borrowed, not copied: this runs for every page.
    let theme = source.theme_ids;
    let written: HashSet<String> = events
        .iter()
        .filter_map(|(event, _)| match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    // The ids given so far. A heading's own `{#id}` must be free of the theme's and these; a
    // made-up one must also keep clear of every id written further down.
    let mut given_so_far: HashSet<String> = HashSet::new();
    for index in 0..events.len() {
        let text = match &events[index].0 {
            Event::Start(Tag::Heading { id: None, .. }) => heading_text(&events[index + 1..]),
            _ => String::new(),
        };
        let start = events[index].1.start;
        match &mut events[index].0 {
            Event::Start(Tag::Heading {
                id, level, attrs, ..
            }) => {
                if !source.allow_scripts && !attrs.is_empty() {
                    warnings.add(start, || heading_attributes_removed(attrs));
                    attrs.clear();
                }
                let taken = |id: &str| {
                    theme.contains(id) || written.contains(id) || given_so_far.contains(id)
                };
                let unique = match id.take() {
                    Some(own)
                        if !theme.contains(own.as_ref())
                            && !given_so_far.contains(own.as_ref()) =>
                    {
                        own.to_string()
                    }
                    Some(own) => {
                        let unique = unique_id(&own, taken);
                        warnings.add(start, || taken_id(theme, &own, &unique));
                        unique
                    }
                    None => unique_id(&text, taken),
                };
                given_so_far.insert(unique.clone());
                *id = Some(CowStr::from(unique));
                *level = shifted(*level, shift);
            }
            Event::End(TagEnd::Heading(level)) => *level = shifted(*level, shift),
            _ => {}
        }
    }
}

/// A picture from another site would be refused by the page's Content Security Policy and
/// show as broken: it becomes a link to the picture, its description the link's text.
fn remote_image(address: &str) -> Diagnostic {
    Diagnostic::warning(format!(
        "the picture `{address}` is on another site, so it is shown as a link to it"
    ))
    .coded(Code::RemoteMedia)
    .with_help("save the picture under content/ (if the school may publish it) and use its file name, such as `images/fair.jpg`")
}

/// `## Heading {onclick=… style=…}`: heading attributes other than an id and classes would
/// pass raw HTML's sanitiser by, so they are taken out like any other handler or style.
fn heading_attributes_removed(attrs: &[(CowStr<'_>, Option<CowStr<'_>>)]) -> Diagnostic {
    let names: Vec<String> = attrs.iter().map(|(name, _)| format!("`{name}`")).collect();
    Diagnostic::warning(format!(
        "removed {} from a heading: a heading may have only an `{{#id}}` and `{{.classes}}`",
        names.join(", ")
    ))
    .coded(Code::UnsafeHtml)
    .with_help("take the attribute out of the `{…}` after the heading")
}

/// A heading's `{#id}` that the page's template or an earlier heading already has: two elements with one
/// id would send the skip link, or a link to the heading, to the wrong place.
fn taken_id(theme_ids: &HashSet<String>, given: &str, unique: &str) -> Diagnostic {
    let whose = if theme_ids.contains(given) {
        "the page around this text"
    } else {
        "another heading"
    };
    Diagnostic::warning(format!(
        "the id `{given}` is already used by {whose}, so this heading's id is `{unique}`"
    ))
    .coded(Code::Id)
    .with_help("give the heading another id in `{#…}`, or none: one is made from its text")
}

fn heading_text(events: &[(Event, std::ops::Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

fn unique_id(text: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = match slugify(text).trim_matches(['-', '.', '_']) {
        "" => "section".to_string(),
        slug => slug.to_string(),
    };
    let mut id = base.clone();
    let mut n = 1;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// `level` moved `by` levels down (up, when negative), kept within `h1` to `h6`: HTML has no
/// `h7`, so headings pushed past `h6` all become `h6`.
fn shifted(level: HeadingLevel, by: isize) -> HeadingLevel {
    let moved = (level as isize + by).clamp(1, 6);
    usize::try_from(moved)
        .ok()
        .and_then(|n| HeadingLevel::try_from(n).ok())
        .unwrap_or(HeadingLevel::H6)
}

fn first_paragraph(events: &[(Event, std::ops::Range<usize>)]) -> String {
    let mut text = String::new();
    let mut inside = false;
    for (event, _) in events {
        match event {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    shorten(&text, SUMMARY_LENGTH)
}

/// Markdown as plain text, for formats that cannot hold HTML (calendar descriptions):
/// paragraphs separated by blank lines, links followed by their address.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    let mut link: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_SMART_PUNCTUATION) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take().filter(|u| u.contains(':')) {
                    text.push_str(&format!(" ({url})"));
                }
            }
            Event::Start(Tag::Item) => text.push_str("- "),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push('\n'),
            Event::End(TagEnd::List(_)) => text.push('\n'),
            _ => {}
        }
    }
    text.trim().replace("\n\n\n", "\n\n")
}

/// Cuts `text` at a word boundary to at most `limit` characters, marking the cut with `…`.
fn shorten(text: &str, limit: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit - 1).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SiteConfig;
    use crate::model::FrontMatter;
    use crate::site::{Page, PageKind, Site};
    use std::path::PathBuf;

    fn page(body: &str) -> Page {
        Page {
            source: PathBuf::from("content/pupils/a.md"),
            content_path: "pupils/a.md".into(),
            url_path: "pupils/a/".into(),
            kind: PageKind::Leaf,
            front: FrontMatter::default(),
            title: "A".into(),
            title_given: true,
            text: body.into(),
            body_start: 0,
            body_line: 5,
        }
    }

    fn render_alone(body: &str) -> Html {
        let site = Site {
            root: PathBuf::new(),
            config: SiteConfig::default(),
            careers: Default::default(),
            pages: vec![page(body)],
            assets: Vec::new(),
            images: Vec::new(),
            data_texts: Default::default(),
        };
        let theme_ids: HashSet<String> = ["main", "compass"].map(String::from).into();
        render(
            &Source::page(&site.pages[0], false, &theme_ids),
            &LinkIndex::new(&site, &[]),
        )
    }

    #[test]
    fn headings_get_unique_ids() {
        let html = render_alone("## Next steps\n\n## Next steps\n\n## Main\n").html;
        assert!(html.contains(r#"<h2 id="next-steps">"#), "{html}");
        assert!(html.contains(r#"<h2 id="next-steps-1">"#), "{html}");
        assert!(html.contains(r#"<h2 id="main-1">"#), "{html}");
    }

    #[test]
    fn a_body_h1_moves_down_a_level_so_the_title_stays_the_only_h1() {
        let html = render_alone("# Part one\n\n## Detail\n").html;
        assert!(html.contains(r#"<h2 id="part-one">"#), "{html}");
        assert!(html.contains(r#"<h3 id="detail">"#), "{html}");
    }

    /// `body` rendered as a data file's field shown under a heading of level `under`.
    fn render_field(body: &str, under: HeadingLevel) -> String {
        let theme_ids = HashSet::new();
        let site = Site {
            root: PathBuf::new(),
            config: SiteConfig::default(),
            careers: Default::default(),
            pages: Vec::new(),
            assets: Vec::new(),
            images: Vec::new(),
            data_texts: Default::default(),
        };
        let source = Source {
            text: body,
            file: std::path::Path::new("content/benchmarks.yaml"),
            first_line: Some(1),
            file_text: None,
            content_path: "benchmarks.yaml",
            depth: 2,
            allow_scripts: false,
            theme_ids: &theme_ids,
            headings: Headings::Under(under),
        };
        render(&source, &LinkIndex::new(&site, &[])).html
    }

    #[test]
    fn a_fields_highest_heading_sits_one_level_below_the_heading_it_is_shown_under() {
        for written in [
            "# Our approach\n\n## Detail\n",
            "## Our approach\n\n### Detail\n",
        ] {
            let html = render_field(written, HeadingLevel::H2);
            assert!(
                html.contains(r#"<h3 id="our-approach">Our approach</h3>"#),
                "{html}"
            );
            assert!(html.contains(r#"<h4 id="detail">Detail</h4>"#), "{html}");
        }
        // A field whose headings start too deep is lifted, so no level is skipped.
        let html = render_field("#### Our approach\n", HeadingLevel::H2);
        assert!(html.contains(r#"<h3 id="our-approach">"#), "{html}");
    }

    #[test]
    fn a_fields_headings_pushed_past_h6_stay_h6() {
        let html = render_field("# One\n\n### Three\n\n###### Six\n", HeadingLevel::H4);
        assert!(html.contains(r#"<h5 id="one">"#), "{html}");
        assert!(html.contains(r#"<h6 id="three">Three</h6>"#), "{html}");
        assert!(html.contains(r#"<h6 id="six">Six</h6>"#), "{html}");
    }

    #[test]
    fn a_page_without_h1_keeps_its_heading_levels() {
        let html = render_alone("### Detail\n\n## Part\n").html;
        assert!(html.contains(r#"<h3 id="detail">"#), "{html}");
        assert!(html.contains(r#"<h2 id="part">"#), "{html}");
    }

    #[test]
    fn tables_footnotes_strikethrough_and_smart_quotes() {
        let html = render_alone("| a |\n|---|\n| b |\n\n\"Hi\" ~~no~~[^1]\n\n[^1]: Note.\n").html;
        assert!(
            html.contains(
                r#"<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>"#
            ),
            "{html}"
        );
        assert!(html.contains("<del>no</del>"));
        assert!(html.contains("“Hi”"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn a_table_of_three_columns_stacks_each_cell_under_its_headings_plain_text() {
        let html = render_alone(
            "| Term | *What* | `Who` & when |\n|:--|:-:|--:|\n| Autumn | Fair | Ms Adu |\n",
        )
        .html;
        assert!(
            html.contains(r#"tabindex="0"><table class="stack"><thead><tr><th class="align-left">Term</th><th class="align-center"><em>What</em></th><th class="align-right"><code>Who</code> &amp; when</th></tr></thead>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<tr><td data-label="Term" class="align-left">Autumn</td><td data-label="What" class="align-center">Fair</td><td data-label="Who &amp; when" class="align-right">Ms Adu</td></tr>"#),
            "{html}"
        );
        assert!(html.ends_with("</tbody></table>\n</div>"), "{html}");
    }

    #[test]
    fn a_table_of_two_columns_fits_a_phone_and_stays_a_table() {
        let html =
            render_alone("| Date | What happens |\n|---|---|\n| 13 January | Assembly |\n").html;
        assert!(html.contains("<table><thead>"), "{html}");
        assert!(!html.contains("data-label"), "{html}");
    }

    #[test]
    fn a_cell_under_an_empty_heading_has_no_label() {
        let html = render_alone("| | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n").html;
        assert!(
            html.contains(
                r#"<tr><td>1</td><td data-label="B">2</td><td data-label="C">3</td></tr>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn labels_survive_the_cleaning_of_a_page_with_raw_html() {
        let html =
            render_alone("<div>Pasted</div>\n\n| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n").html;
        assert!(html.contains(r#"<td data-label="A">1</td>"#), "{html}");
    }

    #[test]
    fn a_heading_never_takes_an_id_the_theme_or_another_heading_has() {
        let out = render_alone(
            "## Start {#main}\n\n## Compass\n\n## Later {#later}\n\n## Again {#later}\n",
        );
        for heading in [
            "<h2 id=\"main-1\">Start</h2>",
            "<h2 id=\"compass-1\">Compass</h2>",
            "<h2 id=\"later\">Later</h2>",
            "<h2 id=\"later-1\">Again</h2>",
        ] {
            assert!(out.html.contains(heading), "{heading} in {}", out.html);
        }
        let messages: Vec<&str> = out.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the id `main` is already used by the page around this text, so this heading's id is `main-1`",
                "the id `later` is already used by another heading, so this heading's id is `later-1`"
            ]
        );
    }

    #[test]
    fn broken_links_warn_at_their_address() {
        let out = render_alone("Text\n\nSee [the plan](plan.md).\n");
        let at = out.warnings[0].position.as_ref().unwrap();
        assert_eq!((at.line, at.column), (7, 16));
    }

    #[test]
    fn the_first_paragraph_summarises_the_page() {
        let long = "word ".repeat(60);
        let summary = render_alone(&format!("## H\n\n{long}\n")).summary;
        assert!(summary.ends_with('…') && summary.chars().count() <= SUMMARY_LENGTH);
    }
}
