//! Bare web and e-mail addresses in Markdown's running text become links, as GitHub makes
//! them: `https://www.gov.uk/apply-apprenticeship`, `www.ucas.com` and
//! `careers@school.sch.uk`, written without `<…>` or `[…](…)` around them ("Autolinks
//! (extension)" in the GitHub Flavored Markdown spec,
//! <https://github.github.com/gfm/#autolinks-extension->). pulldown-cmark 0.13 has no option
//! for them, so they are found in its text events, before the links written in Markdown are
//! resolved: a link made here then goes through the same handling as one written by hand.
//!
//! The addresses are found by the `linkify` crate, which gets their ends right as GFM does (a
//! full stop, comma or unmatched `)` after an address is not part of it) and knows addresses
//! with accented letters; this module keeps only the kinds GFM links.

use std::ops::Range;

use linkify::{LinkFinder, LinkKind};
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// The scheme a `www.` address is given. GFM gives `http://`; nearly every site is served
/// over HTTPS now, and with `https://` a pupil's visit starts encrypted.
pub const WWW_SCHEME: &str = "https://";

type Placed<'a> = (Event<'a>, Range<usize>);

/// `events` with each bare address in running text made a link. Text in code blocks, in links
/// and pictures (written in Markdown or raw HTML) and in raw HTML's `<code>` and `<pre>` is
/// left as it is; code spans are not text events, so are never looked in.
pub fn link_bare_addresses(events: Vec<Placed<'_>>) -> Vec<Placed<'_>> {
    let mut finder = LinkFinder::new();
    // `www.` addresses have no scheme; other addresses without one are dropped below.
    finder.url_must_have_scheme(false);
    let mut inside = Inside::default();
    let mut linked = Vec::with_capacity(events.len());
    for (event, range) in joined_text(events) {
        match event {
            Event::Text(text) if !inside.anywhere() => {
                link_in(&finder, text, &range, &mut linked);
            }
            event => {
                inside.track(&event);
                linked.push((event, range));
            }
        }
    }
    linked
}

/// pulldown-cmark may split one run of text into several events (at `_`, an apostrophe made
/// curly, a backslash escape), which could cut an address in two: each run becomes one event.
/// A run is joined once, at its end, so that one of many thousands of events is not copied
/// over and over.
fn joined_text(events: Vec<Placed<'_>>) -> Vec<Placed<'_>> {
    let mut joined: Vec<Placed<'_>> = Vec::with_capacity(events.len());
    let mut run: Vec<(CowStr<'_>, Range<usize>)> = Vec::new();
    for (event, range) in events {
        match event {
            Event::Text(text) => run.push((text, range)),
            event => {
                end_run(&mut run, &mut joined);
                joined.push((event, range));
            }
        }
    }
    end_run(&mut run, &mut joined);
    joined
}

fn end_run<'a>(run: &mut Vec<(CowStr<'a>, Range<usize>)>, joined: &mut Vec<Placed<'a>>) {
    if run.len() < 2 {
        joined.extend(
            run.drain(..)
                .map(|(text, range)| (Event::Text(text), range)),
        );
        return;
    }
    let start = run.iter().map(|(_, r)| r.start).min().unwrap_or(0);
    let end = run.iter().map(|(_, r)| r.end).max().unwrap_or(start);
    let mut text = String::new();
    for (part, _) in run.drain(..) {
        text.push_str(&part);
    }
    joined.push((Event::Text(CowStr::from(text)), start..end));
}

/// Pushes `text` onto `linked` as text and links. Each part keeps the range of the whole text:
/// the text may differ from the source (escapes, smart quotes), and nothing warns of a link
/// made here.
fn link_in<'a>(
    finder: &LinkFinder,
    text: CowStr<'a>,
    range: &Range<usize>,
    linked: &mut Vec<Placed<'a>>,
) {
    let found: Vec<Found> = finder
        .links(&text)
        .filter_map(|link| linkable(&text, &link))
        .collect();
    if found.is_empty() {
        linked.push((Event::Text(text), range.clone()));
        return;
    }
    let part = |from: usize, to: usize| Event::Text(CowStr::from(text[from..to].to_string()));
    let mut written = 0;
    for found in found {
        if found.at.start > written {
            linked.push((part(written, found.at.start), range.clone()));
        }
        linked.push((
            Event::Start(Tag::Link {
                link_type: found.link_type,
                dest_url: CowStr::from(found.href),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }),
            range.clone(),
        ));
        linked.push((Event::Text(CowStr::from(found.written)), range.clone()));
        linked.push((Event::End(TagEnd::Link), range.clone()));
        written = found.at.end;
    }
    if written < text.len() {
        linked.push((part(written, text.len()), range.clone()));
    }
}

/// Characters GFM leaves off the end of an address, with what smart punctuation makes of
/// `"`, `'` and `...`; `linkify` has left off most already.
const TRAILING: [char; 13] = [
    '?', '!', '.', ',', ':', '*', '_', '~', '\'', '"', '”', '’', '…',
];

/// An address as written, before smart punctuation made `it's` `it’s` and `a--b` `a–b` in the
/// text pulldown-cmark gives: pasted addresses write these characters percent-encoded, if at
/// all, so in an address they can only have been made.
fn as_written(address: &str) -> String {
    address
        .replace(['’', '‘'], "'")
        .replace('—', "---")
        .replace('–', "--")
        .replace('…', "...")
}

/// Characters GFM lets stand before an address, besides a space or the start of the text
/// (with the opening quotes smart punctuation makes).
const BEFORE: [char; 8] = ['*', '_', '~', '(', '"', '\'', '“', '‘'];

/// A bare address that becomes a link.
struct Found {
    /// Where it is in the text.
    at: Range<usize>,
    /// The address as written, the link's text.
    written: String,
    /// Where the link leads.
    href: String,
    link_type: LinkType,
}

/// The address `link` that `linkify` found in `text`, if GFM would link it: an e-mail address,
/// or a web address that starts `http://`, `https://` or `www.` after a space, a bracket, a
/// quote or emphasis.
fn linkable(text: &str, link: &linkify::Link<'_>) -> Option<Found> {
    let start = link.start();
    match link.kind() {
        // pulldown-cmark writes `mailto:` before the address of an e-mail link.
        LinkKind::Email => Some(Found {
            at: start..link.end(),
            written: link.as_str().to_string(),
            href: link.as_str().to_string(),
            link_type: LinkType::Email,
        }),
        LinkKind::Url => {
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| !c.is_whitespace() && !BEFORE.contains(&c)) {
                return None;
            }
            let address = link.as_str().trim_end_matches(TRAILING);
            let starts = |prefix: &str| {
                address
                    .get(..prefix.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            };
            let scheme = ["https://", "http://", "www."]
                .into_iter()
                .find(|scheme| starts(scheme))?;
            if address.len() == scheme.len() {
                return None;
            }
            let written = as_written(address);
            let href = if scheme == "www." {
                format!("{WWW_SCHEME}{written}")
            } else {
                written.clone()
            };
            Some(Found {
                at: start..start + address.len(),
                written,
                href,
                link_type: LinkType::Autolink,
            })
        }
        _ => None,
    }
}

/// What the text being read is inside, where an address stays text.
#[derive(Default)]
struct Inside {
    /// Links and pictures written in Markdown: a link in a link is no link, and a picture's
    /// text is its description.
    links: usize,
    code_blocks: usize,
    /// `<a>`, `<code>` and `<pre>` elements of raw HTML.
    raw: usize,
}

impl Inside {
    fn anywhere(&self) -> bool {
        self.links + self.code_blocks + self.raw > 0
    }

    fn track(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.links += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => {
                self.links = self.links.saturating_sub(1);
            }
            Event::Start(Tag::CodeBlock(_)) => self.code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => self.code_blocks = self.code_blocks.saturating_sub(1),
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let (opened, closed) = raw_elements(raw);
                self.raw = (self.raw + opened).saturating_sub(closed);
            }
            _ => {}
        }
    }
}

/// How many `<a>`, `<code>` and `<pre>` elements raw HTML opens, and how many it closes.
fn raw_elements(raw: &str) -> (usize, usize) {
    let (mut opened, mut closed) = (0, 0);
    for (at, _) in raw.match_indices('<') {
        let tag = &raw[at + 1..];
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let name_end = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        if ["a", "code", "pre"]
            .iter()
            .any(|skipped| name.eq_ignore_ascii_case(skipped))
        {
            if closing {
                closed += 1;
            } else {
                opened += 1;
            }
        }
    }
    (opened, closed)
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Options, Parser, html};

    use super::*;

    /// `markdown` as HTML, with bare addresses linked as pages' are, or not.
    fn rendered(markdown: &str, link: bool) -> String {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_SMART_PUNCTUATION;
        let mut events: Vec<Placed<'_>> = Parser::new_ext(markdown, options)
            .into_offset_iter()
            .collect();
        if link {
            events = link_bare_addresses(events);
        }
        let mut out = String::new();
        html::push_html(&mut out, events.into_iter().map(|(event, _)| event));
        out
    }

    fn linked(markdown: &str) -> String {
        rendered(markdown, true)
    }

    #[test]
    fn web_and_email_addresses_in_running_text_become_links() {
        assert_eq!(
            linked(
                "See https://www.gov.uk/apply-apprenticeship. Or www.ucas.com, or email careers@school.sch.uk."
            ),
            "<p>See <a href=\"https://www.gov.uk/apply-apprenticeship\">https://www.gov.uk/apply-apprenticeship</a>. \
             Or <a href=\"https://www.ucas.com\">www.ucas.com</a>, or email \
             <a href=\"mailto:careers@school.sch.uk\">careers@school.sch.uk</a>.</p>\n"
        );
    }

    #[test]
    fn punctuation_around_an_address_is_left_out_of_it_as_gfm_does() {
        for (markdown, address) in [
            ("(www.ucas.com)", "www.ucas.com"),
            (
                "see https://example.org/a_(b))",
                "https://example.org/a_(b)",
            ),
            ("https://example.org/a?", "https://example.org/a"),
            ("https://example.org/a!,", "https://example.org/a"),
            ("**https://example.org/a**", "https://example.org/a"),
            ("\"https://example.org/a\"", "https://example.org/a"),
            ("'https://example.org/a'", "https://example.org/a"),
            ("https://example.org/a...", "https://example.org/a"),
        ] {
            let html = linked(markdown);
            assert!(
                html.contains(&format!(">{address}</a>")),
                "{markdown}: {html}"
            );
        }
    }

    #[test]
    fn an_address_keeps_the_characters_smart_punctuation_would_change() {
        let html = linked("\"https://example.org/it's--here\"");
        assert_eq!(
            html,
            "<p>“<a href=\"https://example.org/it&#x27;s--here\">https://example.org/it's--here</a>”</p>\n"
        );
    }

    #[test]
    fn an_address_cut_by_an_escape_is_linked_whole() {
        let html = linked("https://example.org/a\\_b");
        assert!(
            html.contains("<a href=\"https://example.org/a_b\">https://example.org/a_b</a>"),
            "{html}"
        );
    }

    #[test]
    fn code_links_pictures_and_raw_html_keep_their_addresses_as_text() {
        for markdown in [
            "`https://example.org`",
            "```\nhttps://example.org\n```",
            "    https://example.org",
            "[https://example.org](https://other.example)",
            "<https://example.org>",
            "![https://example.org](a.png)",
            "<a href=\"https://other.example\">https://example.org</a>",
            "<code>https://example.org</code>",
            "<pre>https://example.org</pre>",
        ] {
            assert_eq!(linked(markdown), rendered(markdown, false), "{markdown}");
        }
        // After a link or code, text is linked again.
        let html = linked("<a href=\"x.md\">x</a> and `y` then www.ucas.com");
        assert!(html.contains("<a href=\"https://www.ucas.com\">"), "{html}");
    }

    #[test]
    fn only_addresses_gfm_links_become_links() {
        for markdown in [
            "results.pdf",
            "example.org",
            "xwww.example.org",
            "ftp://example.org",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "see a/www.example.org",
            "careers@school",
        ] {
            let html = linked(markdown);
            assert!(!html.contains("<a"), "{markdown}: {html}");
        }
    }

    #[test]
    fn many_pieces_of_text_are_joined_in_one_pass() {
        // Escapes make a text event each: joined one at a time, this would copy gigabytes.
        let markdown = "\\_".repeat(200_000);
        assert!(Parser::new(&markdown).count() > 200_000);
        let html = linked(&markdown);
        assert_eq!(html.matches('_').count(), 200_000);
    }
}
