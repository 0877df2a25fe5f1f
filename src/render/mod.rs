//! Stage 3, render: turn the loaded site into the bytes of every output file, each handed to a
//! sink as soon as it is ready. Markdown and templates are rendered in parallel; nothing
//! touches the output folder here.

mod atom;
pub mod autolinks;
mod cache;
mod calendar;
mod careers;
mod charts;
mod clean_text;
#[cfg(test)]
mod content_docs;
mod hosting;
mod hubs;
pub mod links;
mod markdown;
mod outputs;
mod pictures;
mod placed;
mod plan;
pub mod raw_html;
mod sitemap;
mod source;
#[cfg(test)]
mod template_docs;
mod templates;
mod theme_ids;
mod url_function;
pub mod urls;
mod view_parts;
mod views;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Audience;
use crate::output::{Contents, OutputFile, Sink};
use crate::site::{Site, root_prefix, url_depth};
use crate::theme::Theme;
use plan::{Plan, Target};
use urls::{COMPLIANCE_FILE, COMPLIANCE_PATH, FEED_FILE, NOT_FOUND_FILE};
use view_parts::{DateView, LinkView, Summary};
use views::{AudienceView, PageContext, PageView, SiteView};

pub use cache::RenderCache;
pub use templates::template_names;

/// What rendering found, when the files themselves went straight on to be written.
pub struct RenderReport {
    pub pages: usize,
    /// Pages not rendered, their files kept as the last build wrote them.
    pub kept: usize,
    /// Pictures drawn afresh, rather than found already drawn (see [`crate::images`]).
    pub pictures_drawn: usize,
    pub warnings: Diagnostics,
    /// For the next build: what this one rendered, and with what; `None` when not asked for.
    pub cache: Option<RenderCache>,
}

/// What rendering works out before any page: the pages there are, every page's Markdown as
/// HTML, how each is listed, and the compiled templates. `serve` keeps it between saves.
pub struct Prepared {
    plan: Plan,
    theme_ids: theme_ids::ThemeIds,
    links: links::LinkIndex,
    /// Each page's Markdown as HTML; `None` for a page the last build rendered with the same
    /// inputs, which is rendered only if its file cannot be kept.
    bodies: Vec<Option<markdown::Html>>,
    /// The first paragraph of each page's body.
    first_paragraphs: Vec<String>,
    /// Each page the last build rendered with the same inputs.
    unchanged: Vec<bool>,
    summaries: Vec<Summary>,
    tera: tera::Tera,
    today: jiff::civil::Date,
    /// What the cache compares (see [`cache`]), when this render keeps a cache.
    hashes: Option<(u128, u128)>,
}

/// Prepares the whole site, with every page rendered afresh and nothing recorded for a later
/// render: what `check` and `serve` need.
pub fn prepare(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
) -> Result<Prepared, Diagnostics> {
    prepare_with(site, theme, today, None)
}

/// Prepares the site for a build, leaving out the pages the last build rendered with the same
/// inputs, as `previous` tells (nothing on a first build), and recording this one's for the
/// next.
pub fn prepare_after(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
    previous: Option<&RenderCache>,
) -> Result<Prepared, Diagnostics> {
    prepare_with(
        site,
        theme,
        today,
        Some(previous.unwrap_or(&RenderCache::default())),
    )
}

/// `caching`: `None` to keep and record nothing, else the last build's cache.
fn prepare_with(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
    caching: Option<&RenderCache>,
) -> Result<Prepared, Diagnostics> {
    let plan = Plan::new(site);
    let clashes = outputs::clashes(site, theme, &plan);
    if !clashes.is_empty() {
        return Err(clashes);
    }
    let links = links::LinkIndex::new(site, &plan.url_paths());
    let theme_ids = theme_ids::ThemeIds::new(theme);
    let templates = plan.page_templates(site.pages.len());
    // Unsure what careersite itself is, a build keeps and records nothing.
    let bodies_hash = caching.and_then(|_| cache::bodies(site, theme, &plan));
    let previous = caching.filter(|cache| bodies_hash.is_some_and(|hash| cache.same_bodies(hash)));
    let render_body = |page: usize| render_body(site, &theme_ids, &links, templates[page], page);
    let (mut bodies, first_paragraphs): (Vec<Option<markdown::Html>>, Vec<String>) =
        (0..site.pages.len())
            .into_par_iter()
            .map(
                |page| match previous.and_then(|cache| cache.page(&site.pages[page])) {
                    Some(kept) => (None, kept.summary().to_string()),
                    None => {
                        let body = render_body(page);
                        let first = body.summary.clone();
                        (Some(body), first)
                    }
                },
            )
            .unzip();
    let summaries: Vec<Summary> = plan
        .targets
        .par_iter()
        .map(|target| summary(site, &first_paragraphs, target))
        .collect();
    let mut tera = templates::compile(theme, site)?;
    let site_view = SiteView::new(site, programme_menu(&plan, &summaries));
    let hashes =
        bodies_hash.map(|bodies| (bodies, cache::listings(bodies, &summaries, &site_view)));
    if !previous
        .is_some_and(|cache| hashes.is_some_and(|(_, listings)| cache.same_listings(listings)))
    {
        // What every page lists has changed: no page can be kept.
        bodies.par_iter_mut().enumerate().for_each(|(page, body)| {
            if body.is_none() {
                *body = Some(render_body(page));
            }
        });
    }
    let unchanged = bodies.iter().map(Option::is_none).collect();
    tera.global_context().insert("site", &site_view);
    Ok(Prepared {
        plan,
        theme_ids,
        links,
        bodies,
        first_paragraphs,
        unchanged,
        summaries,
        tera,
        today,
        hashes,
    })
}

fn render_body(
    site: &Site,
    theme_ids: &theme_ids::ThemeIds,
    links: &links::LinkIndex,
    template: &str,
    page: usize,
) -> markdown::Html {
    let ids = theme_ids.on(template);
    let source = markdown::Source::page(&site.pages[page], site.config.allow_scripts, ids);
    markdown::render(&source, links)
}

impl Prepared {
    /// The path of every file the site will have, before any is rendered.
    pub fn output_paths(&self, site: &Site, theme: &Theme) -> std::collections::HashSet<String> {
        outputs::all(site, theme, &self.plan)
    }

    /// Every output file, held in memory: for the tests that read a whole built site.
    #[cfg(test)]
    pub(crate) fn render_in_memory(&self, site: &Site, theme: &Theme) -> Vec<OutputFile> {
        let outputs = std::sync::Mutex::new(Vec::new());
        let sink = |file: OutputFile| -> Result<(), Diagnostic> {
            outputs.lock().unwrap().push(file);
            Ok(())
        };
        self.render_each(site, theme, &sink)
            .expect("the site renders");
        outputs.into_inner().unwrap()
    }

    /// Renders every output file and hands each to `sink` as soon as it is ready, from any
    /// thread, so that a build need never hold the whole site in memory. A page the last
    /// build rendered with the same inputs is not rendered if the sink can keep its file.
    pub fn render_each(
        &self,
        site: &Site,
        theme: &Theme,
        sink: &impl Sink,
    ) -> Result<RenderReport, Diagnostics> {
        let kept = AtomicUsize::new(0);
        let outcomes: Vec<Result<Diagnostics, Diagnostic>> = (0..self.plan.targets.len())
            .into_par_iter()
            .map(|index| {
                if self.may_keep(index) && sink.keep(&self.plan.targets[index].output_file()) {
                    kept.fetch_add(1, Ordering::Relaxed);
                    return Ok(Diagnostics::new());
                }
                let (file, warnings) = self.render_target(site, theme, index)?;
                sink.take(file)?;
                Ok(warnings)
            })
            .collect();
        let mut problems = Diagnostics::new();
        let mut warnings: Diagnostics = self
            .bodies
            .iter()
            .flatten()
            .flat_map(|b| b.warnings.clone())
            .collect();
        // A page that warned is rendered again next time, so that it warns again.
        let mut quiet: Vec<bool> = self
            .bodies
            .iter()
            .map(|body| body.as_ref().is_none_or(|b| b.warnings.is_empty()))
            .collect();
        for (target, outcome) in self.plan.targets.iter().zip(outcomes) {
            match outcome {
                Ok(page_warnings) => {
                    if let Some(page) = target.page.filter(|_| !page_warnings.is_empty()) {
                        quiet[page] = false;
                    }
                    warnings.extend(page_warnings);
                }
                Err(problem) => problems.push(problem),
            }
        }
        // Data shown on several pages would otherwise warn once per page.
        warnings.sort_by_cached_key(ToString::to_string);
        warnings.dedup();
        if let Err(problem) = not_found_page(&self.tera, theme, site).and_then(|f| sink.take(f)) {
            problems.push(problem);
        }
        let site_files = self.site_files(site, theme).unwrap_or_else(|found| {
            problems.extend(found);
            Vec::new()
        });
        if !problems.is_empty() {
            return Err(problems);
        }
        let pages = self.plan.targets.len() + 1;
        let mut others = Vec::with_capacity(site.assets.len() + 8);
        others.extend(site_files);
        others.extend(calendar::files(site, self.today));
        let fingerprint = theme.fingerprint();
        for file in &theme.static_files {
            for path in [
                file.name.clone(),
                urls::cached_theme_file(&fingerprint, &file.name),
            ] {
                let contents = Contents::Bytes(file.contents.to_vec());
                others.push(OutputFile { path, contents });
            }
        }
        others.extend(hosting::files(site));
        others.extend(site.assets.iter().map(|asset| OutputFile {
            path: asset.content_path.clone(),
            contents: Contents::Copy(asset.source.clone()),
        }));
        let pictures = pictures::files(site)?;
        others.extend(pictures.files);
        warnings.extend(pictures.warnings);
        let problems: Diagnostics = others
            .into_par_iter()
            .filter_map(|file| sink.take(file).err())
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let cache = self.hashes.map(|(bodies, listings)| {
            let pages_now = site.pages.iter().zip(&self.first_paragraphs).zip(quiet);
            RenderCache::new(
                bodies,
                listings,
                pages_now.map(|((page, first), quiet)| (page, quiet.then(|| first.clone()))),
            )
        });
        Ok(RenderReport {
            pages,
            kept: kept.into_inner(),
            pictures_drawn: pictures.drawn,
            warnings,
            cache,
        })
    }

    /// The files made from the whole site through the theme's templates: the sitemap,
    /// robots.txt and the feed.
    fn site_files(&self, site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Diagnostics> {
        let mut rendered = Vec::with_capacity(3);
        if let Some(context) = sitemap::context(site, &self.plan) {
            rendered.extend(
                sitemap::paths(site)
                    .iter()
                    .map(|path| templates::render_file(&self.tera, theme, path, &context)),
            );
        }
        if let Some(context) = atom::context(site, &self.plan, &self.summaries) {
            rendered.push(templates::render_file(
                &self.tera, theme, FEED_FILE, &context,
            ));
        }
        let mut problems = Diagnostics::new();
        let files = rendered
            .into_iter()
            .filter_map(|file| file.map_err(|problem| problems.push(problem)).ok())
            .collect();
        if problems.is_empty() {
            Ok(files)
        } else {
            Err(problems)
        }
    }

    /// Lets go of every page's HTML once the site is written: a page rendered again later
    /// renders its Markdown again.
    pub fn let_go_of_bodies(&mut self) {
        self.bodies.iter_mut().for_each(|body| *body = None);
    }

    /// Whether target `index` is a plain Markdown page the last build rendered with the same
    /// inputs. The home page and the careers pages show the date, and are always rendered.
    fn may_keep(&self, index: usize) -> bool {
        let target = &self.plan.targets[index];
        target.special.is_none()
            && !target.url_path.is_empty()
            && target.page.is_some_and(|page| self.unchanged[page])
    }

    fn render_body(&self, site: &Site, target: &Target, page: usize) -> markdown::Html {
        render_body(site, &self.theme_ids, &self.links, &target.template, page)
    }

    /// Renders `site.pages[page]` again after its body changed and nothing else did, and
    /// returns its file with its warnings. `None` when the change shows on other pages too
    /// (its listing text changed), which needs everything rendered again.
    pub fn rerender_page(
        &mut self,
        site: &Site,
        theme: &Theme,
        page: usize,
    ) -> Option<Result<(OutputFile, Diagnostics), Diagnostic>> {
        let target = self
            .plan
            .targets
            .iter()
            .position(|t| t.page == Some(page))?;
        let body = self.render_body(site, &self.plan.targets[target], page);
        let previous = std::mem::replace(&mut self.first_paragraphs[page], body.summary.clone());
        if summary(site, &self.first_paragraphs, &self.plan.targets[target])
            != self.summaries[target]
        {
            self.first_paragraphs[page] = previous;
            return None;
        }
        let body_warnings = body.warnings.clone();
        self.bodies[page] = Some(body);
        Some(
            self.render_target(site, theme, target)
                .map(|(file, mut warnings)| {
                    warnings.extend(body_warnings);
                    (file, warnings)
                }),
        )
    }

    /// The staff-facing compliance checklist: what `careersite check` finds, as a page.
    pub fn compliance_page(
        &self,
        site: &Site,
        theme: &Theme,
        findings: &[Diagnostic],
    ) -> Result<OutputFile, Diagnostic> {
        let target = Target {
            url_path: COMPLIANCE_PATH.to_string(),
            title: "Careers compliance checklist".to_string(),
            template: "compliance.html".to_string(),
            page: None,
            special: None,
            lists_children: false,
        };
        let context = views::ComplianceContext {
            page: PageContext {
                page: PageView {
                    title: &target.title,
                    description: "",
                    date: None,
                    content: "",
                    path: COMPLIANCE_PATH,
                    audiences: Vec::new(),
                    benchmarks: Vec::new(),
                    extra: None,
                },
                root: root_prefix(url_depth(COMPLIANCE_PATH)),
                canonical: None,
                breadcrumbs: breadcrumbs(&self.plan, &self.summaries, COMPLIANCE_PATH),
                children: Vec::new(),
                audience: None,
                hub: None,
                hubs: Vec::new(),
                careers: None,
            },
            groups: views::FindingGroup::of(findings),
        };
        let html = templates::render(&self.tera, theme, &target.template, &context, site, &target)?;
        Ok(OutputFile {
            path: COMPLIANCE_FILE.to_string(),
            contents: clean_text::publishable(html),
        })
    }

    fn render_target(
        &self,
        site: &Site,
        theme: &Theme,
        index: usize,
    ) -> Result<(OutputFile, Diagnostics), Diagnostic> {
        let target = &self.plan.targets[index];
        // A page the last build rendered, whose file could not be kept after all.
        let rendered_now = target
            .page
            .filter(|&page| self.bodies[page].is_none())
            .map(|page| self.render_body(site, target, page));
        let body = target
            .page
            .and_then(|page| self.bodies[page].as_ref())
            .or(rendered_now.as_ref());
        let (careers, mut warnings) = match target.special {
            Some(special) => {
                let depth = url_depth(&target.url_path);
                let (mut view, warnings) = careers::view(
                    site,
                    special,
                    depth,
                    &self.links,
                    self.theme_ids.all(),
                    self.today,
                );
                match special {
                    plan::Special::Programme => {
                        view.related = links_to(&self.plan, &PROGRAMME_LINKS);
                    }
                    plan::Special::Hub(Audience::Staff) => {
                        view.related = links_to(&self.plan, &STAFF_LINKS);
                    }
                    plan::Special::Hub(Audience::Employers) => {
                        view.related = links_to(&self.plan, &[plan::Special::ProviderAccess]);
                    }
                    _ => {}
                }
                (Some(view), warnings)
            }
            None if target.url_path.is_empty() => {
                let (mut view, warnings) =
                    careers::home(site, &self.links, self.theme_ids.all(), self.today);
                view.related = links_to(&self.plan, &HOME_LINKS);
                (Some(view), warnings)
            }
            _ => (None, Vec::new()),
        };
        let content = body.map_or("", |body| body.html.as_str());
        let mut context = page_context(site, &self.plan, &self.summaries, index, content);
        context.careers = careers;
        let html = templates::render(&self.tera, theme, &target.template, &context, site, target)?;
        warnings.extend(rendered_now.into_iter().flat_map(|body| body.warnings));
        let file = OutputFile {
            path: target.output_file(),
            contents: clean_text::publishable(html),
        };
        Ok((file, warnings))
    }
}

fn summary(site: &Site, first_paragraphs: &[String], target: &Target) -> Summary {
    let page = target.page.map(|i| &site.pages[i]);
    let description = page
        .and_then(|p| p.front.description.clone())
        .or_else(|| target.page.map(|i| first_paragraphs[i].clone()))
        .unwrap_or_default();
    Summary {
        title: target.title.clone(),
        href: links::page_href(&target.url_path),
        path: target.url_path.clone(),
        description,
        date: page.and_then(|p| p.front.date).map(DateView::from),
    }
}

/// The menu's "About our programme" group: the programme's own pages, then the school's own
/// top-level sections (such as its news), then the pages a reader looks things up in.
fn programme_menu(plan: &Plan, summaries: &[Summary]) -> Vec<LinkView> {
    use plan::Special::*;
    let school_sections = plan.top_level.iter().filter_map(|&i| {
        let target = &plan.targets[i];
        (target.special.is_none() && target.lists_children)
            .then(|| LinkView::new(&summaries[i].title, &summaries[i].path))
    });
    let mut menu = links_to(plan, &[Programme, YearByYear, Events]);
    menu.extend(school_sections);
    menu.extend(links_to(plan, &[Benchmarks, ProviderAccess, Glossary]));
    menu
}

/// What the template of target `index` is given; `content` is its page's body as HTML.
fn page_context<'a>(
    site: &'a Site,
    plan: &'a Plan,
    summaries: &'a [Summary],
    index: usize,
    content: &'a str,
) -> PageContext<'a> {
    let target = &plan.targets[index];
    let page = target.page.map(|i| &site.pages[i]);
    let children = if target.lists_children {
        plan.children
            .get(&target.url_path)
            .into_iter()
            .flatten()
            .map(|&i| &summaries[i])
            .collect()
    } else {
        Vec::new()
    };
    PageContext {
        page: PageView {
            title: &target.title,
            description: &summaries[index].description,
            date: summaries[index].date.clone(),
            content,
            path: &target.url_path,
            audiences: page
                .map(|p| {
                    p.front
                        .audiences
                        .iter()
                        .map(|&a| LinkView::audience(a))
                        .collect()
                })
                .unwrap_or_default(),
            benchmarks: page
                .map(|p| p.front.benchmarks.iter().map(|&b| b.into()).collect())
                .unwrap_or_default(),
            extra: page.map(|p| &p.front.extra),
        },
        root: root_prefix(url_depth(&target.url_path)),
        canonical: site
            .config
            .url
            .as_ref()
            .map(|url| url.join(&links::encode_path(&target.url_path))),
        breadcrumbs: breadcrumbs(plan, summaries, &target.url_path),
        children,
        audience: match target.special {
            Some(plan::Special::Hub(a)) => Some(AudienceView {
                slug: a.slug(),
                label: a.label(),
            }),
            _ => None,
        },
        hub: match target.special {
            Some(plan::Special::Hub(a)) => Some(hubs::pages(plan, summaries, a)),
            _ => None,
        },
        hubs: if target.url_path.is_empty() {
            hubs::guides(site, plan, summaries)
        } else {
            Vec::new()
        },
        careers: None,
    }
}

/// Escapes text for XML and SVG content and attribute values.
pub fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The careers pages the programme page points to.
const PROGRAMME_LINKS: [plan::Special; 7] = {
    use plan::Special::*;
    [
        YearByYear,
        StrategicPlan,
        ActionPlan,
        Evaluation,
        Benchmarks,
        Events,
        ProviderAccess,
    ]
};

/// The programme's documents, which staff work from, for the staff hub.
const STAFF_LINKS: [plan::Special; 6] = {
    use plan::Special::*;
    [
        StrategicPlan,
        ActionPlan,
        YearByYear,
        Evaluation,
        Benchmarks,
        Programme,
    ]
};

/// The pages a parent or pupil most often looks for, for the home page.
const HOME_LINKS: [plan::Special; 5] = {
    use plan::Special::*;
    [Programme, YearByYear, Events, Benchmarks, ProviderAccess]
};

/// Links to those of `specials` this site has, in that order.
fn links_to(plan: &Plan, specials: &[plan::Special]) -> Vec<LinkView> {
    specials
        .iter()
        .filter_map(|&special| {
            plan.targets
                .iter()
                .find(|t| t.special == Some(special))
                .map(|t| LinkView::new(&t.title, &t.url_path))
        })
        .collect()
}

/// Links to each page above `url_path`, from the home page down.
fn breadcrumbs(plan: &Plan, summaries: &[Summary], url_path: &str) -> Vec<LinkView> {
    let mut crumbs = Vec::new();
    let mut current = url_path;
    while let Some(parent) = crate::site::parent_url_path(current) {
        if let Ok(i) = plan
            .targets
            .binary_search_by(|t| t.url_path.as_str().cmp(parent))
        {
            crumbs.push(LinkView::new(&summaries[i].title, parent));
        }
        current = parent;
    }
    crumbs.reverse();
    crumbs
}

/// `404.html` is served in place of any missing address, at any depth, so its links cannot be
/// relative: they start from the site's public path (`/careers/`), or `/` when none is set.
fn not_found_page(tera: &tera::Tera, theme: &Theme, site: &Site) -> Result<OutputFile, Diagnostic> {
    let root = site
        .config
        .url
        .as_ref()
        .map_or("/".to_string(), |url| url.path().to_string());
    let target = Target {
        url_path: String::new(),
        title: "Page not found".to_string(),
        template: NOT_FOUND_FILE.to_string(),
        page: None,
        special: None,
        lists_children: false,
    };
    let context = PageContext {
        page: PageView {
            title: &target.title,
            description: "",
            date: None,
            content: "",
            path: NOT_FOUND_FILE,
            audiences: Vec::new(),
            benchmarks: Vec::new(),
            extra: None,
        },
        root,
        canonical: None,
        breadcrumbs: Vec::new(),
        children: Vec::new(),
        audience: None,
        hub: None,
        hubs: Vec::new(),
        careers: None,
    };
    let html = templates::render(tera, theme, NOT_FOUND_FILE, &context, site, &target)?;
    Ok(OutputFile {
        path: NOT_FOUND_FILE.to_string(),
        contents: clean_text::publishable(html),
    })
}
