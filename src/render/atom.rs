//! An Atom feed (RFC 4287) of the dated pages, newest first, so parents and local press can
//! follow the school's careers news. Like the sitemap, it needs the site's public address.

use super::escape_xml;
use super::links::encode_path;
use super::plan::Plan;
use super::urls::FEED_FILE;
use super::view_parts::Summary;
use crate::output::OutputFile;
use crate::site::Site;

/// How many of the newest pages the feed carries.
const ENTRIES: usize = 50;

/// Whether the site has a feed: it needs the public address, and a dated page to carry. Every
/// page links to the feed exactly when this holds, so no page links to a feed never written.
pub fn has_feed(site: &Site) -> bool {
    site.config.url.is_some() && site.pages.iter().any(|page| page.front.date.is_some())
}

/// The feed, from the pages `plan` publishes and their `summaries` (in the same order).
pub fn file(site: &Site, plan: &Plan, summaries: &[Summary]) -> Option<OutputFile> {
    if !has_feed(site) {
        return None;
    }
    let url = site.config.url.as_ref()?;
    let mut dated: Vec<(&crate::site::Page, &str)> = plan
        .targets
        .iter()
        .zip(summaries)
        .filter_map(|(target, summary)| {
            Some((&site.pages[target.page?], summary.description.as_str()))
        })
        .filter(|(page, _)| page.front.date.is_some())
        .collect();
    dated.sort_by(|a, b| {
        b.0.front
            .date
            .cmp(&a.0.front.date)
            .then_with(|| a.0.url_path.cmp(&b.0.url_path))
    });
    dated.truncate(ENTRIES);
    let newest = dated.first()?.0.front.date?;
    let name = &site.config.school.name;
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<title>{title}</title>\n<link rel=\"self\" href=\"{feed}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n<id>{home}</id>\n<updated>{updated}T00:00:00Z</updated>\n<author><name>{name}</name></author>\n",
        lang = escape_xml(&site.config.language),
        title = escape_xml(&format!("{name}: careers news")),
        feed = escape_xml(&url.join(FEED_FILE)),
        home = escape_xml(&url.join("")),
        updated = newest.iso(),
        name = escape_xml(name),
    );
    for (page, summary) in dated {
        let address = escape_xml(&url.join(&encode_path(&page.url_path)));
        let date = page.front.date.map(|d| d.iso()).unwrap_or_default();
        xml.push_str(&format!(
            "<entry>\n<title>{title}</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"{address}\"/>\n<id>{address}</id>\n<updated>{date}T00:00:00Z</updated>\n<summary>{summary}</summary>\n</entry>\n",
            title = escape_xml(&page.title),
            summary = escape_xml(summary),
        ));
    }
    xml.push_str("</feed>\n");
    Some(OutputFile {
        path: FEED_FILE.to_string(),
        contents: super::clean_text::publishable(xml),
    })
}
