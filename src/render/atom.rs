//! An Atom feed (RFC 4287) of the dated pages, newest first, so parents and local press can
//! follow the school's careers news. Like the sitemap, it needs the site's public address.
//! The data is worked out here; its markup is the theme's template `atom.xml`, which Tera
//! escapes for XML as it does every `.xml` template.

use serde::Serialize;

use super::links::encode_path;
use super::plan::Plan;
use super::urls::FEED_FILE;
use super::view_parts::{DateView, Summary};
use crate::site::{Page, Site};

/// How many of the newest pages the feed carries.
const ENTRIES: usize = 50;

/// What `atom.xml` receives besides `site`.
#[derive(Serialize)]
pub struct FeedContext<'a> {
    feed: FeedView<'a>,
}

#[derive(Serialize)]
struct FeedView<'a> {
    /// The feed's own public address.
    url: String,
    /// The site's public address: the feed's `alternate` link, and its id.
    home: String,
    /// The newest entry's date.
    updated: DateView,
    /// The newest dated pages, newest first.
    entries: Vec<EntryView<'a>>,
}

#[derive(Serialize)]
struct EntryView<'a> {
    title: &'a str,
    /// The page's public address: its link, and its id.
    url: String,
    date: DateView,
    /// The page's description, or its first paragraph.
    summary: &'a str,
}

/// Whether the site has a feed: it needs the public address, and a dated page to carry. Every
/// page links to the feed exactly when this holds, so no page links to a feed never written.
pub fn has_feed(site: &Site) -> bool {
    site.config.url.is_some() && site.pages.iter().any(|page| page.front.date.is_some())
}

/// What the feed's template receives, from the pages `plan` publishes and their `summaries`
/// (in the same order); `None` when the site has no feed.
pub fn context<'a>(
    site: &'a Site,
    plan: &'a Plan,
    summaries: &'a [Summary],
) -> Option<FeedContext<'a>> {
    if !has_feed(site) {
        return None;
    }
    let url = site.config.url.as_ref()?;
    // Each entry takes its title from its target, as the page itself does.
    let mut dated: Vec<(&Page, &str, &str)> = plan
        .targets
        .iter()
        .zip(summaries)
        .filter_map(|(target, summary)| {
            Some((
                &site.pages[target.page?],
                target.title.as_str(),
                summary.description.as_str(),
            ))
        })
        .filter(|(page, _, _)| page.front.date.is_some())
        .collect();
    dated.sort_by(|a, b| {
        b.0.front
            .date
            .cmp(&a.0.front.date)
            .then_with(|| a.0.url_path.cmp(&b.0.url_path))
    });
    dated.truncate(ENTRIES);
    let entries: Vec<EntryView> = dated
        .into_iter()
        .filter_map(|(page, title, summary)| {
            Some(EntryView {
                title,
                url: url.join(&encode_path(&page.url_path)),
                date: page.front.date?.into(),
                summary,
            })
        })
        .collect();
    let feed = FeedView {
        url: url.join(FEED_FILE),
        home: url.join(""),
        updated: entries.first()?.date.clone(),
        entries,
    };
    Some(FeedContext { feed })
}
