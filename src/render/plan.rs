//! Which pages the site has: one for each Markdown file, plus the pages careersite makes itself
//! (a hub for each audience, a home page, and a listing for any folder without `_index.md`), so
//! that every page has a parent to be listed on and navigation never leads nowhere.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::urls;
use crate::load::title_from_path;
use crate::model::{Audience, Benchmark};
use crate::site::{PageKind, Site, parent_url_path, url_path_for};

/// A page careersite makes from the careers data, whether or not a Markdown page sits at its
/// address (one that does supplies the page's title and an introduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Special {
    /// An audience's hub page.
    Hub(Audience),
    /// The statutory summary of the careers programme.
    Programme,
    /// The programme, one section per year group.
    YearByYear,
    /// The provider access policy statement.
    ProviderAccess,
    /// The eight benchmarks, with the coverage matrix.
    Benchmarks,
    /// One benchmark: what it means, what the school does, how it assesses itself, what is next.
    Benchmark(Benchmark),
    /// The action plan, row by row.
    ActionPlan,
    /// Vision, current position and objectives.
    StrategicPlan,
    /// Upcoming and past events, with calendar feeds.
    Events,
    /// Compass results, feedback and destinations.
    Evaluation,
    /// The accessibility statement every public-sector site must publish.
    Accessibility,
    /// The careers words a reader may not know.
    Glossary,
}

impl Special {
    pub fn url_path(self) -> String {
        match self {
            Special::Hub(audience) => urls::hub_path(audience),
            Special::Programme => urls::PROGRAMME_PATH.to_string(),
            Special::YearByYear => urls::YEAR_BY_YEAR_PATH.to_string(),
            Special::ProviderAccess => urls::PROVIDER_ACCESS_PATH.to_string(),
            Special::Benchmarks => urls::BENCHMARKS_PATH.to_string(),
            Special::Benchmark(benchmark) => urls::benchmark_path(benchmark),
            Special::ActionPlan => urls::ACTION_PLAN_PATH.to_string(),
            Special::StrategicPlan => urls::STRATEGIC_PLAN_PATH.to_string(),
            Special::Events => urls::EVENTS_PATH.to_string(),
            Special::Evaluation => urls::EVALUATION_PATH.to_string(),
            Special::Accessibility => urls::ACCESSIBILITY_PATH.to_string(),
            Special::Glossary => urls::GLOSSARY_PATH.to_string(),
        }
    }

    fn title(self) -> String {
        match self {
            Special::Hub(audience) => {
                format!("Information for {}", audience.label().to_lowercase())
            }
            Special::Programme => "Our careers programme".to_string(),
            Special::YearByYear => "Careers programme year by year".to_string(),
            Special::ProviderAccess => "Provider access policy".to_string(),
            Special::Benchmarks => "Gatsby Benchmarks".to_string(),
            Special::Benchmark(b) => format!("Benchmark {}: {}", b.number(), b.title()),
            Special::ActionPlan => "Careers action plan".to_string(),
            Special::StrategicPlan => "Careers strategic plan".to_string(),
            Special::Events => "Events".to_string(),
            Special::Evaluation => "How well the programme is working".to_string(),
            Special::Accessibility => "Accessibility statement".to_string(),
            Special::Glossary => "Careers words explained".to_string(),
        }
    }

    fn template(self) -> &'static str {
        match self {
            Special::Hub(_) => "audience.html",
            Special::Programme => "careers-programme.html",
            Special::YearByYear => "year-by-year.html",
            Special::ProviderAccess => "provider-access.html",
            Special::Benchmarks => "benchmarks.html",
            Special::Benchmark(_) => "benchmark.html",
            Special::ActionPlan => "action-plan.html",
            Special::StrategicPlan => "strategic-plan.html",
            Special::Events => "events.html",
            Special::Evaluation => "evaluation.html",
            Special::Accessibility => "accessibility.html",
            Special::Glossary => "glossary.html",
        }
    }

    /// The special pages this site has, from what its content describes.
    fn of(site: &Site) -> Vec<Special> {
        let mut specials: Vec<Special> = site
            .config
            .audiences
            .iter()
            .map(|&a| Special::Hub(a))
            .collect();
        specials.push(Special::Accessibility);
        specials.push(Special::Glossary);
        let careers = &site.careers;
        if !careers.is_empty() || site.config.careers_leader.is_some() {
            specials.push(Special::Programme);
        }
        if careers
            .programme
            .as_ref()
            .is_some_and(|p| !p.years.is_empty())
        {
            specials.push(Special::YearByYear);
        }
        // A primary school has no provider access duty: a statement left in its site.yaml is
        // not published (and `check` says so).
        if site.config.provider_access.is_some() && site.config.school.phase.has_provider_access() {
            specials.push(Special::ProviderAccess);
        }
        if !careers.is_empty() {
            specials.push(Special::Benchmarks);
            specials.extend(Benchmark::ALL.map(Special::Benchmark));
        }
        if careers.events.is_some() {
            specials.push(Special::Events);
        }
        if careers.evaluation.is_some() {
            specials.push(Special::Evaluation);
        }
        if let Some(plan) = &careers.action_plan {
            if !plan.actions.is_empty() {
                specials.push(Special::ActionPlan);
            }
            if !plan.vision.trim().is_empty()
                || !plan.objectives.is_empty()
                || !plan.current_position.is_empty()
                || !plan.plan.is_empty()
            {
                specials.push(Special::StrategicPlan);
            }
        }
        specials
    }
}

#[derive(Hash)]
pub struct Target {
    pub url_path: String,
    pub title: String,
    pub template: String,
    /// The Markdown page this target renders, as an index into `Site::pages`.
    pub page: Option<usize>,
    /// Set for the pages careersite makes from the careers data.
    pub special: Option<Special>,
    /// Whether the page lists the pages below it.
    pub lists_children: bool,
}

pub struct Plan {
    /// In address order.
    pub targets: Vec<Target>,
    /// For each address, the targets listed on it, in listing order.
    pub children: HashMap<String, Vec<usize>>,
    /// The targets one folder below the home page, in listing order, for the navigation.
    pub top_level: Vec<usize>,
}

impl Target {
    /// The file the target is written to.
    pub fn output_file(&self) -> String {
        format!("{}index.html", self.url_path)
    }
}

impl std::hash::Hash for Plan {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.targets.hash(state);
        let mut children: Vec<_> = self.children.iter().collect();
        children.sort_unstable();
        children.hash(state);
        self.top_level.hash(state);
    }
}

impl Plan {
    pub fn new(site: &Site) -> Self {
        let mut targets: BTreeMap<String, Target> = BTreeMap::new();
        let specials: HashMap<String, Special> = Special::of(site)
            .into_iter()
            .map(|s| (s.url_path(), s))
            .collect();
        let school = &site.config.school.name;
        for (index, page) in site.pages.iter().enumerate() {
            let special = specials.get(&page.url_path).copied();
            // A page careersite would make anyway keeps its own title unless the Markdown that
            // introduces it gives one: the name of that file (`1` for `benchmarks/1/_index.md`)
            // is no title for it.
            let made_title = match (page.url_path.as_str(), special) {
                ("", _) => Some(school.clone()),
                (_, Some(special)) => Some(special.title()),
                (_, None) => None,
            };
            let title = match made_title {
                Some(made) if !page.title_given => made,
                _ => page.title.clone(),
            };
            let default_template = match (page.url_path.as_str(), special, page.kind) {
                ("", _, _) => "index.html",
                (_, Some(special), _) => special.template(),
                (_, None, PageKind::Section) => "section.html",
                (_, None, PageKind::Leaf) => "page.html",
            };
            targets.insert(
                page.url_path.clone(),
                Target {
                    url_path: page.url_path.clone(),
                    title,
                    template: page
                        .front
                        .template
                        .clone()
                        .unwrap_or_else(|| default_template.to_string()),
                    page: Some(index),
                    special,
                    lists_children: page.kind == PageKind::Section
                        || matches!(special, Some(Special::Hub(_))),
                },
            );
        }
        for (url_path, &special) in &specials {
            targets.entry(url_path.clone()).or_insert_with(|| Target {
                url_path: url_path.clone(),
                title: special.title(),
                template: special.template().to_string(),
                page: None,
                special: Some(special),
                lists_children: matches!(special, Special::Hub(_)),
            });
        }
        // Every site has a home page, even one whose content is only data files.
        let mut folders_done = HashSet::new();
        add_missing_folders(&mut targets, &mut folders_done, "_index.md", school);
        for page in &site.pages {
            add_missing_folders(&mut targets, &mut folders_done, &page.content_path, school);
        }
        let targets: Vec<Target> = targets.into_values().collect();
        let children = children_of(site, &targets);
        let mut top_level: Vec<usize> = (0..targets.len())
            .filter(|&i| parent_url_path(&targets[i].url_path) == Some(""))
            .collect();
        top_level.sort_by(|&a, &b| listing_order(site, &targets[a], &targets[b]));
        Plan {
            targets,
            children,
            top_level,
        }
    }

    /// The template each of a site's `pages` is shown with, by its index in `Site::pages`.
    pub fn page_templates(&self, pages: usize) -> Vec<&str> {
        let mut templates = vec![""; pages];
        for target in &self.targets {
            if let Some(page) = target.page {
                templates[page] = &target.template;
            }
        }
        templates
    }

    pub fn url_paths(&self) -> Vec<String> {
        self.targets.iter().map(|t| t.url_path.clone()).collect()
    }
}

/// Gives each folder above `content_path` that has no page of its own a listing page. `done`
/// holds the folders seen already, with all the folders above them, so that thousands of
/// pages do not each walk up the same folders again.
fn add_missing_folders<'a>(
    targets: &mut BTreeMap<String, Target>,
    done: &mut HashSet<&'a str>,
    content_path: &'a str,
    school: &str,
) {
    let mut folder = content_path;
    loop {
        folder = folder.rfind('/').map_or("", |end| &folder[..end]);
        if !done.insert(folder) {
            return;
        }
        let index_path = if folder.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{folder}/_index.md")
        };
        let (url_path, _) = url_path_for(&index_path);
        targets.entry(url_path.clone()).or_insert_with(|| Target {
            title: if url_path.is_empty() {
                school.to_string()
            } else {
                title_from_path(&index_path)
            },
            template: if url_path.is_empty() {
                "index.html"
            } else {
                "section.html"
            }
            .to_string(),
            url_path,
            page: None,
            special: None,
            lists_children: true,
        });
        if folder.is_empty() {
            return;
        }
    }
}

/// Lists each page on its folder's page, and on the hub of each audience it is tagged for.
fn children_of(site: &Site, targets: &[Target]) -> HashMap<String, Vec<usize>> {
    let mut children: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, target) in targets.iter().enumerate() {
        let Some(parent) = parent_url_path(&target.url_path) else {
            continue;
        };
        // The home page reaches the pages careersite makes through its navigation and its
        // own links to the careers pages, so it lists only the school's own sections.
        if !(parent.is_empty() && target.special.is_some()) {
            children.entry(parent.to_string()).or_default().push(index);
        }
        let tagged = target
            .page
            .map(|i| site.pages[i].front.audiences.as_slice())
            .unwrap_or_default();
        for audience in tagged {
            let hub = urls::hub_path(*audience);
            if hub != parent && site.config.audiences.contains(audience) {
                children.entry(hub).or_default().push(index);
            }
        }
    }
    for list in children.values_mut() {
        list.sort_by(|&a, &b| listing_order(site, &targets[a], &targets[b]));
    }
    children
}

/// By `weight` (pages without one last), then newest first, then by title.
fn listing_order(site: &Site, a: &Target, b: &Target) -> std::cmp::Ordering {
    let front = |t: &Target| t.page.map(|i| &site.pages[i].front);
    let weight = |t: &Target| front(t).and_then(|f| f.weight).unwrap_or(i64::MAX);
    let date = |t: &Target| front(t).and_then(|f| f.date);
    weight(a)
        .cmp(&weight(b))
        .then_with(|| date(b).cmp(&date(a)))
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.url_path.cmp(&b.url_path))
}
