//! What each audience's hub leads with. A reader comes to a hub to do something ("how can I
//! help my child"), so its pages are sorted by what they are to that reader: the hub's own
//! guides first, then pages written for other readers that concern this one too, and news
//! kept apart. The home page links to every hub's guides, so each is one click away.

use serde::Serialize;

use super::plan::Plan;
use super::urls;
use super::view_parts::{LinkView, Summary};
use crate::model::Audience;
use crate::site::Site;

/// An audience hub's pages, by what they are to its reader.
#[derive(Serialize)]
pub struct HubPages<'a> {
    /// The pages in the hub's own folder: the guides written for this reader.
    pub guides: Vec<&'a Summary>,
    /// Pages tagged for this reader from elsewhere: another hub's guides, or undated pages.
    pub elsewhere: Vec<&'a Summary>,
    /// Dated pages tagged for this reader outside every hub's folder: the school's news.
    pub news: Vec<&'a Summary>,
}

/// An audience's hub and its own guides, for the home page.
#[derive(Serialize)]
pub struct AudienceGuides<'a> {
    pub hub: LinkView,
    pub guides: Vec<&'a Summary>,
}

/// The pages listed on `audience`'s hub, sorted for its reader.
pub fn pages<'a>(plan: &'a Plan, summaries: &'a [Summary], audience: Audience) -> HubPages<'a> {
    let own = urls::hub_path(audience);
    let mut pages = HubPages {
        guides: Vec::new(),
        elsewhere: Vec::new(),
        news: Vec::new(),
    };
    let hubs = Audience::ALL.map(urls::hub_path);
    for summary in listed_on(plan, summaries, &own) {
        let in_a_hub = hubs.iter().any(|hub| summary.path.starts_with(hub));
        if summary.path.starts_with(&own) {
            pages.guides.push(summary);
        } else if summary.date.is_some() && !in_a_hub {
            pages.news.push(summary);
        } else {
            pages.elsewhere.push(summary);
        }
    }
    pages
}

/// Each hub of the site that has guides of its own, with them, in site.yaml's order.
pub fn guides<'a>(
    site: &Site,
    plan: &'a Plan,
    summaries: &'a [Summary],
) -> Vec<AudienceGuides<'a>> {
    site.config
        .audiences
        .iter()
        .map(|&audience| AudienceGuides {
            hub: LinkView::audience(audience),
            guides: pages(plan, summaries, audience).guides,
        })
        .filter(|hub| !hub.guides.is_empty())
        .collect()
}

/// The pages listed on the page at `url_path`, in listing order.
fn listed_on<'a>(
    plan: &'a Plan,
    summaries: &'a [Summary],
    url_path: &str,
) -> impl Iterator<Item = &'a Summary> {
    plan.children
        .get(url_path)
        .into_iter()
        .flatten()
        .map(move |&i| &summaries[i])
}
