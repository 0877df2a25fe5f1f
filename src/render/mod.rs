//! Stage 3, render: turn the loaded site into the bytes of every output file, in memory.
//! Markdown and templates are rendered in parallel; nothing touches the output folder here.

mod atom;
mod calendar;
mod careers;
mod charts;
mod clean_text;
pub mod links;
mod markdown;
mod outputs;
mod placed;
mod plan;
pub mod raw_html;
mod sitemap;
mod source;
mod templates;
mod theme_ids;
pub mod urls;
mod view_parts;
mod views;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::{Contents, OutputFile};
use crate::site::{Site, root_prefix, url_depth};
use crate::theme::Theme;
use plan::{Plan, Target};
use urls::{COMPLIANCE_FILE, COMPLIANCE_PATH, NOT_FOUND_FILE};
use view_parts::{DateView, LinkView, Summary};
use views::{AudienceView, PageContext, PageView, SiteView};

pub use templates::template_names;

pub struct Rendered {
    pub files: Vec<OutputFile>,
    /// How many HTML pages the site has.
    pub pages: usize,
    pub warnings: Diagnostics,
}

/// What rendering found, when the files themselves went straight on to be written.
pub struct RenderReport {
    pub pages: usize,
    pub warnings: Diagnostics,
}

/// Renders the site as of `today`, which decides which events are still to come.
pub fn render(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
) -> Result<Rendered, Diagnostics> {
    prepare(site, theme, today)?.render_all(site, theme)
}

/// What rendering works out before any page: the pages there are, every page's Markdown as
/// HTML, how each is listed, and the compiled templates. `serve` keeps it between saves.
pub struct Prepared {
    plan: Plan,
    theme_ids: theme_ids::ThemeIds,
    links: links::LinkIndex,
    bodies: Vec<markdown::Html>,
    summaries: Vec<Summary>,
    tera: tera::Tera,
    today: jiff::civil::Date,
}

pub fn prepare(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
) -> Result<Prepared, Diagnostics> {
    let plan = Plan::new(site);
    let clashes = outputs::clashes(site, theme, &plan);
    if !clashes.is_empty() {
        return Err(clashes);
    }
    let links = links::LinkIndex::new(site, &plan.url_paths());
    let theme_ids = theme_ids::ThemeIds::new(theme);
    let templates = plan.page_templates(site.pages.len());
    let bodies: Vec<markdown::Html> = site
        .pages
        .par_iter()
        .zip(&templates)
        .map(|(page, template)| {
            let ids = theme_ids.on(template);
            let source = markdown::Source::page(page, site.config.allow_scripts, ids);
            markdown::render(&source, &links)
        })
        .collect();
    let summaries: Vec<Summary> = plan
        .targets
        .par_iter()
        .map(|target| summary(site, &bodies, target))
        .collect();
    let mut tera = templates::compile(theme)?;
    tera.global_context().insert(
        "site",
        &SiteView::new(site, main_sections(&plan, &summaries)),
    );
    Ok(Prepared {
        plan,
        theme_ids,
        links,
        bodies,
        summaries,
        tera,
        today,
    })
}

impl Prepared {
    /// Renders every output file into memory.
    pub fn render_all(&self, site: &Site, theme: &Theme) -> Result<Rendered, Diagnostics> {
        let files = std::sync::Mutex::new(Vec::new());
        let report = self.render_each(site, theme, |file| {
            files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
            Ok(())
        })?;
        let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
        // Threads finish in any order; what reads the files should not see that.
        files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        Ok(Rendered {
            files,
            pages: report.pages,
            warnings: report.warnings,
        })
    }

    /// Renders every output file and hands each to `emit` as soon as it is ready, from any
    /// thread, so that a build need never hold the whole site in memory.
    pub fn render_each(
        &self,
        site: &Site,
        theme: &Theme,
        emit: impl Fn(OutputFile) -> Result<(), Diagnostic> + Sync,
    ) -> Result<RenderReport, Diagnostics> {
        let pages: Vec<Result<Diagnostics, Diagnostic>> = (0..self.plan.targets.len())
            .into_par_iter()
            .map(|index| {
                let (file, warnings) = self.render_target(site, theme, index)?;
                emit(file)?;
                Ok(warnings)
            })
            .collect();
        let mut problems = Diagnostics::new();
        let mut warnings: Diagnostics = self
            .bodies
            .iter()
            .flat_map(|b| b.warnings.clone())
            .collect();
        for page in pages {
            match page {
                Ok(page_warnings) => warnings.extend(page_warnings),
                Err(problem) => problems.push(problem),
            }
        }
        // Data shown on several pages would otherwise warn once per page.
        warnings.sort_by_cached_key(ToString::to_string);
        warnings.dedup();
        if let Err(problem) = not_found_page(&self.tera, theme, site).and_then(&emit) {
            problems.push(problem);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let pages = self.plan.targets.len() + 1;
        let mut others = Vec::with_capacity(site.assets.len() + 8);
        others.extend(sitemap::files(site, &self.plan));
        others.extend(calendar::files(site, self.today));
        others.extend(atom::file(site, &self.plan, &self.summaries));
        others.extend(theme.static_files.iter().map(|file| OutputFile {
            path: file.name.clone(),
            contents: Contents::Bytes(file.contents.to_vec()),
        }));
        others.extend(site.assets.iter().map(|asset| OutputFile {
            path: asset.content_path.clone(),
            contents: Contents::Copy(asset.source.clone()),
        }));
        let problems: Diagnostics = others
            .into_par_iter()
            .filter_map(|file| emit(file).err())
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(RenderReport { pages, warnings })
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
        let ids = self.theme_ids.on(&self.plan.targets[target].template);
        let source = markdown::Source::page(&site.pages[page], site.config.allow_scripts, ids);
        let body = markdown::render(&source, &self.links);
        let previous = std::mem::replace(&mut self.bodies[page], body);
        if summary(site, &self.bodies, &self.plan.targets[target]) != self.summaries[target] {
            self.bodies[page] = previous;
            return None;
        }
        let body_warnings = self.bodies[page].warnings.clone();
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
        let (careers, warnings) = match target.special {
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
                if special == plan::Special::Programme {
                    view.related = links_to(&self.plan, &PROGRAMME_LINKS);
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
        let mut context = page_context(site, &self.plan, &self.bodies, &self.summaries, index);
        context.careers = careers;
        let html = templates::render(&self.tera, theme, &target.template, &context, site, target)?;
        let file = OutputFile {
            path: format!("{}index.html", target.url_path),
            contents: clean_text::publishable(html),
        };
        Ok((file, warnings))
    }
}

fn summary(site: &Site, bodies: &[markdown::Html], target: &Target) -> Summary {
    let page = target.page.map(|i| &site.pages[i]);
    let description = page
        .and_then(|p| p.front.description.clone())
        .or_else(|| target.page.map(|i| bodies[i].summary.clone()))
        .unwrap_or_default();
    Summary {
        title: target.title.clone(),
        href: links::page_href(&target.url_path),
        path: target.url_path.clone(),
        description,
        date: page.and_then(|p| p.front.date).map(DateView::from),
    }
}

/// The folders at the top of the site, for the main navigation; audience hubs have their own.
fn main_sections(plan: &Plan, summaries: &[Summary]) -> Vec<LinkView> {
    plan.top_level
        .iter()
        .filter(|&&i| {
            let target = &plan.targets[i];
            // Hubs have their own navigation; the accessibility statement is in the footer.
            let elsewhere = matches!(
                target.special,
                Some(plan::Special::Hub(_) | plan::Special::Accessibility)
            );
            (target.lists_children || target.special.is_some()) && !elsewhere
        })
        .map(|&i| LinkView::new(&summaries[i].title, &summaries[i].path))
        .collect()
}

fn page_context<'a>(
    site: &'a Site,
    plan: &'a Plan,
    bodies: &'a [markdown::Html],
    summaries: &'a [Summary],
    index: usize,
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
            content: target.page.map_or("", |i| bodies[i].html.as_str()),
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
        careers: None,
    };
    let html = templates::render(tera, theme, NOT_FOUND_FILE, &context, site, &target)?;
    Ok(OutputFile {
        path: NOT_FOUND_FILE.to_string(),
        contents: clean_text::publishable(html),
    })
}
