//! What the last build rendered, so that a rebuild renders again only the pages whose inputs
//! changed. A page's output depends on its own file, on what its Markdown is rendered with (the
//! site's addresses, the theme, the data files, careersite itself), and on what its template
//! shows of other pages (titles and descriptions in listings, breadcrumbs and navigation). The
//! last two are each summed up in one hash: when either changes, every page is rendered again.
//! Only plain Markdown pages are kept; the pages careersite makes from the careers data, which
//! show the date, are always rendered, and so is a page that warned of anything, so that its
//! warnings are shown again.
//!
//! A stale page is worse than a slow one: `tests/rebuild.rs` changes each kind of input and
//! compares the rebuilt site with a first build, byte for byte.

use std::collections::BTreeMap;
use std::hash::Hash;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use super::plan::Plan;
use super::view_parts::Summary;
use super::views::SiteView;
use crate::site::{Page, Site};
use crate::theme::Theme;

/// Changed whenever what is kept, or what it means, changes.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Default)]
pub struct RenderCache {
    version: u32,
    /// Everything a page's Markdown is rendered with, besides the page's own file.
    bodies: String,
    /// Everything a page's template shows of the rest of the site.
    listings: String,
    /// The pages that rendered without a warning, by their file under `content/`.
    pages: BTreeMap<String, KeptPage>,
}

#[derive(Serialize, Deserialize, Clone)]
pub struct KeptPage {
    /// The hash of the page's file.
    file: String,
    /// The first paragraph of its body, which listings show.
    summary: String,
}

impl RenderCache {
    /// The last build's cache, if it was written by this careersite and can be read.
    pub fn read(text: &str) -> Option<RenderCache> {
        serde_json::from_str::<RenderCache>(text)
            .ok()
            .filter(|cache| cache.version == VERSION)
    }

    pub fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether what every page's Markdown is rendered with is as it was for the last build.
    pub fn same_bodies(&self, bodies: u128) -> bool {
        self.bodies == hex(bodies)
    }

    /// A page of the last build whose file has not changed since. If [`Self::same_bodies`],
    /// its summary holds, and its output too if nothing it lists changed.
    pub fn page(&self, page: &Page) -> Option<&KeptPage> {
        let kept = self.pages.get(&page.content_path)?;
        (kept.file == hex(file_hash(page))).then_some(kept)
    }

    pub fn same_listings(&self, listings: u128) -> bool {
        self.listings == hex(listings)
    }

    /// The cache for the next build: `kept` names, for each page, its summary if it rendered
    /// without a warning (or was kept).
    pub fn new<'a>(
        bodies: u128,
        listings: u128,
        pages: impl Iterator<Item = (&'a Page, Option<String>)>,
    ) -> Self {
        RenderCache {
            version: VERSION,
            bodies: hex(bodies),
            listings: hex(listings),
            pages: pages
                .filter_map(|(page, summary)| {
                    let kept = KeptPage {
                        file: hex(file_hash(page)),
                        summary: summary?,
                    };
                    Some((page.content_path.clone(), kept))
                })
                .collect(),
        }
    }
}

impl KeptPage {
    pub fn summary(&self) -> &str {
        &self.summary
    }
}

fn hex(hash: u128) -> String {
    format!("{hash:032x}")
}

fn file_hash(page: &Page) -> u128 {
    xxhash_rust::xxh3::xxh3_128(page.text.as_bytes())
}

/// The hash of everything a page's Markdown is rendered with besides its own file: the pages
/// and files links can lead to, the theme (its ids, its templates), every data file and
/// `site.yaml`, and careersite itself.
/// `None` when careersite cannot read itself: then nothing can be kept.
pub fn bodies(site: &Site, theme: &Theme, plan: &Plan) -> Option<u128> {
    let mut hasher = Xxh3::new();
    careersite_itself()?.hash(&mut hasher);
    site.data_texts.hash(&mut hasher);
    for file in theme.templates.iter().chain(&theme.static_files) {
        (&file.name, &file.contents).hash(&mut hasher);
    }
    for page in &site.pages {
        (&page.source, &page.content_path, &page.url_path).hash(&mut hasher);
    }
    for asset in &site.assets {
        asset.content_path.hash(&mut hasher);
    }
    // A picture's versions are named by its hash, and shown at its size.
    for image in &site.images {
        (&image.content_path, image.hash, image.width, image.height).hash(&mut hasher);
    }
    plan.hash(&mut hasher);
    Some(hasher.digest128())
}

/// The hash of what a page's template shows of other pages: every page's listing (title,
/// description, date), and what every page shows of the site.
pub fn listings(bodies: u128, summaries: &[Summary], site_view: &SiteView) -> u128 {
    let mut hasher = Xxh3::new();
    bodies.hash(&mut hasher);
    serde_json::to_vec(summaries)
        .unwrap_or_default()
        .hash(&mut hasher);
    serde_json::to_vec(site_view)
        .unwrap_or_default()
        .hash(&mut hasher);
    hasher.digest128()
}

/// The hash of the running program's bytes: a new careersite may render differently, and its
/// size and time may not tell (packagers set every file's time to one value). Read once.
fn careersite_itself() -> Option<u128> {
    static ITSELF: std::sync::OnceLock<Option<u128>> = std::sync::OnceLock::new();
    *ITSELF.get_or_init(|| {
        let bytes = std::fs::read(std::env::current_exe().ok()?).ok()?;
        Some(xxhash_rust::xxh3::xxh3_128(&bytes))
    })
}
