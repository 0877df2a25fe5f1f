//! `sitemap.xml` and `robots.txt`, which need the site's public address: without `url` in
//! site.yaml neither is written, since a sitemap must list absolute addresses. The data is
//! worked out here; the markup is the theme's templates of the same names (Tera escapes the
//! `.xml` one for XML).

use serde::Serialize;

use super::links::encode_path;
use super::plan::Plan;
use super::urls::{ROBOTS_FILE, SITEMAP_FILE};
use super::view_parts::DateView;
use crate::site::Site;

/// What `sitemap.xml` and `robots.txt` receive besides `site`.
#[derive(Serialize)]
pub struct SitemapContext {
    sitemap: SitemapView,
}

#[derive(Serialize)]
struct SitemapView {
    /// The sitemap's own public address, for `robots.txt`.
    url: String,
    /// Every page, in address order.
    pages: Vec<SitemapPage>,
}

#[derive(Serialize)]
struct SitemapPage {
    /// The page's public address.
    url: String,
    /// The page's `date`, if it has one.
    date: Option<DateView>,
}

/// The files made with [`context`] for `site`, each with the theme's template of its name.
pub fn paths(site: &Site) -> &'static [&'static str] {
    if site.config.url.is_some() {
        &[SITEMAP_FILE, ROBOTS_FILE]
    } else {
        &[]
    }
}

/// What the sitemap's and robots.txt's templates receive; `None` without the site's public
/// address.
pub fn context(site: &Site, plan: &Plan) -> Option<SitemapContext> {
    let url = site.config.url.as_ref()?;
    let pages = plan
        .targets
        .iter()
        .map(|target| SitemapPage {
            url: url.join(&encode_path(&target.url_path)),
            date: target
                .page
                .and_then(|i| site.pages[i].front.date)
                .map(DateView::from),
        })
        .collect();
    Some(SitemapContext {
        sitemap: SitemapView {
            url: url.join(SITEMAP_FILE),
            pages,
        },
    })
}
