//! Views of the careers data (site.yaml's statutory fields, programme.yaml) for the pages
//! careersite makes from it. Markdown in the data is rendered for the page that shows it, so
//! its links climb the right number of folders.

use std::path::PathBuf;

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

mod benchmarks;
mod evaluation;
mod events;
mod plans;
mod programme;

use super::links::{Link, LinkIndex};
use super::markdown;
use super::plan::Special;
use super::view_parts::{BenchmarkView, ContactView, DateView, LinkView, tel_href};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::load::{
    ACTION_PLAN_FILE, CONFIG_FILE, EVALUATION_FILE, EVENTS_FILE, PROGRAMME_FILE,
    SELF_ASSESSMENT_FILE,
};
use crate::model::{Benchmark, Contact, EncounterStage, Phase, ProviderAccess};
use crate::site::Site;
use benchmarks::{BenchmarkPageView, OverviewView};
pub use events::{AnchoredEvent, anchored};
use events::{CalendarView, EventView, EventsView};
use plans::{ActionRowView, StrategicPlanView};
use programme::ProgrammeView;

#[derive(Serialize, Default)]
pub struct CareersView {
    pub programme: Option<ProgrammeView>,
    pub provider_access: Option<ProviderAccessView>,
    pub overview: Option<OverviewView>,
    pub benchmark: Option<BenchmarkPageView>,
    pub action_plan: Option<Vec<ActionRowView>>,
    pub strategic_plan: Option<StrategicPlanView>,
    pub events: Option<EventsView>,
    pub evaluation: Option<evaluation::EvaluationView>,
    pub accessibility: Option<AccessibilityView>,
    /// On an audience's hub: the upcoming events and the programme's activities for it, year
    /// by year, with a link to each year group's part of the programme and the audience's
    /// calendar.
    pub upcoming: Vec<EventView>,
    pub activities: Vec<programme::YearActivities>,
    pub year_links: Vec<LinkView>,
    pub calendar: Option<CalendarView>,
    /// The other careers pages, for the programme page to point to.
    pub related: Vec<LinkView>,
    /// All eight benchmarks, as a key to the numbered badges.
    pub benchmarks: Vec<BenchmarkView>,
}

fn accessibility(site: &Site) -> AccessibilityView {
    let statement = &site.config.accessibility;
    let leader = site.config.careers_leader.as_ref();
    let or_leader = |own: &str, of_leader: fn(&Contact) -> &str| {
        if own.is_empty() {
            leader.map_or_else(String::new, |l| of_leader(l).to_string())
        } else {
            own.to_string()
        }
    };
    let phone = or_leader(&statement.phone, |l| &l.phone);
    AccessibilityView {
        email: or_leader(&statement.email, |l| &l.email),
        phone_href: tel_href(&phone),
        phone,
        tested: statement.tested.map(DateView::from),
        prepared: statement.prepared.map(DateView::from),
        known_issues: statement.known_issues.clone(),
    }
}

#[derive(Serialize)]
pub struct AccessibilityView {
    pub email: String,
    pub phone: String,
    pub phone_href: String,
    pub tested: Option<DateView>,
    pub prepared: Option<DateView>,
    pub known_issues: Vec<String>,
}

#[derive(Serialize)]
pub struct ProviderAccessView {
    /// How many encounters the school arranges, in words (`six`), for the stages it has; empty
    /// when it has none of Years 8 to 13.
    pub encounters: &'static str,
    /// The pairs of year groups the school has, in each of which it arranges two encounters.
    pub stages: Vec<EncounterStageView>,
    pub contact: ContactView,
    pub how_to_request: String,
    pub granting: String,
    pub refusing: String,
    pub premises: String,
}

#[derive(Serialize)]
pub struct EncounterStageView {
    /// `Year 8 or Year 9`.
    pub years: String,
    /// Years 12 and 13 in a school with a sixth form, whose encounters are for the pupils in
    /// it, not for every pupil.
    pub sixth_form: bool,
}

impl ProviderAccessView {
    fn new(site: &Site, policy: &ProviderAccess, md: &mut DataMarkdown<'_>) -> Self {
        let stages = EncounterStage::of(site.year_range());
        ProviderAccessView {
            encounters: match stages.len() {
                0 => "",
                1 => "two",
                2 => "four",
                _ => "six",
            },
            stages: stages
                .into_iter()
                .map(|stage| EncounterStageView {
                    years: format!("Year {} or Year {}", stage.first, stage.second),
                    // Every learner in a college is in Years 12 and 13.
                    sixth_form: stage.is_post_16() && site.config.school.phase != Phase::College,
                })
                .collect(),
            contact: (&policy.contact).into(),
            how_to_request: md.html(&policy.how_to_request, HeadingLevel::H2),
            granting: md.html(&policy.granting, HeadingLevel::H3),
            refusing: md.html(&policy.refusing, HeadingLevel::H3),
            premises: md.html(&policy.premises, HeadingLevel::H2),
        }
    }
}

/// Renders the Markdown held in a data file for one page.
struct DataMarkdown<'a> {
    links: &'a LinkIndex,
    allow_scripts: bool,
    file: PathBuf,
    /// The data file as written, to place warnings at their lines.
    file_text: Option<&'a str>,
    theme_ids: &'a std::collections::HashSet<String>,
    content_path: &'static str,
    depth: usize,
    warnings: Vec<Diagnostic>,
}

impl DataMarkdown<'_> {
    /// `text` as HTML, for a page whose template shows it under a heading of level `under`:
    /// the text's own headings nest beneath that one.
    fn html(&mut self, text: &str, under: HeadingLevel) -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        let source = markdown::Source {
            text,
            file: &self.file,
            first_line: None,
            file_text: self.file_text,
            content_path: self.content_path,
            depth: self.depth,
            allow_scripts: self.allow_scripts,
            theme_ids: self.theme_ids,
            headings: markdown::Headings::Under(under),
        };
        let rendered = markdown::render(&source, self.links);
        self.warnings.extend(rendered.warnings);
        rendered.html
    }

    /// The address of a file under content/ or a web page that a field names, for a link
    /// from this page; `None`, with a warning at the field's line, when it leads nowhere.
    fn href(&mut self, destination: &str) -> Option<String> {
        let broken = match self
            .links
            .resolve(self.content_path, self.depth, destination)
        {
            Link::Local(href) => return Some(href),
            Link::External
                if destination.starts_with("https://") || destination.starts_with("http://") =>
            {
                return Some(destination.to_string());
            }
            Link::External => {
                format!("`{destination}` is not a web address: write it in full, starting https://")
            }
            Link::Broken(reason) => reason,
        };
        let warning = Diagnostic::warning(format!("broken link: {broken}"))
            .coded(Code::Link)
            .with_help("give a file under content/, such as downloads/report.pdf, or a web address starting https://");
        let placed = match self
            .file_text
            .and_then(|text| Some((text, text.find(destination)?)))
        {
            Some((text, at)) => warning.at(Location::at_offset(&self.file, text, at, 1)),
            None => warning.in_file(&self.file),
        };
        self.warnings.push(placed);
        None
    }
}

/// How many upcoming events the home page shows.
const HOME_EVENTS: usize = 3;

/// What the home page shows of the careers data: the next few events.
pub fn home(
    site: &Site,
    links: &LinkIndex,
    theme_ids: &std::collections::HashSet<String>,
    today: jiff::civil::Date,
) -> (CareersView, Vec<Diagnostic>) {
    let mut events_md = DataMarkdown {
        links,
        allow_scripts: site.config.allow_scripts,
        file: crate::load::data_file_path(EVENTS_FILE),
        file_text: site
            .data_texts
            .get(&crate::load::data_file_path(EVENTS_FILE))
            .map(String::as_str),
        theme_ids,
        content_path: EVENTS_FILE,
        depth: 0,
        warnings: Vec::new(),
    };
    let mut upcoming = site
        .careers
        .events
        .as_ref()
        .map(|e| events::upcoming_for(&e.events, None, today, &mut events_md))
        .unwrap_or_default();
    upcoming.truncate(HOME_EVENTS);
    let view = CareersView {
        upcoming,
        ..CareersView::default()
    };
    (view, events_md.warnings)
}

/// The careers data a special page shows, and any warnings from rendering its Markdown.
pub fn view(
    site: &Site,
    special: Special,
    depth: usize,
    links: &LinkIndex,
    theme_ids: &std::collections::HashSet<String>,
    today: jiff::civil::Date,
) -> (CareersView, Vec<Diagnostic>) {
    let data_file = |name: &'static str| DataMarkdown {
        links,
        allow_scripts: site.config.allow_scripts,
        file: crate::load::data_file_path(name),
        file_text: site
            .data_texts
            .get(&crate::load::data_file_path(name))
            .map(String::as_str),
        theme_ids,
        content_path: name,
        depth,
        warnings: Vec::new(),
    };
    let mut programme_md = data_file(PROGRAMME_FILE);
    let mut config_md = data_file(CONFIG_FILE);
    let mut assessment_md = data_file(SELF_ASSESSMENT_FILE);
    let mut plan_md = data_file(ACTION_PLAN_FILE);
    let mut events_md = data_file(EVENTS_FILE);
    let mut evaluation_md = data_file(EVALUATION_FILE);
    let events = site.careers.events.as_ref().map(|e| e.events.as_slice());
    let mut view = CareersView {
        benchmarks: Benchmark::ALL
            .into_iter()
            .map(BenchmarkView::from)
            .collect(),
        ..CareersView::default()
    };
    if matches!(
        special,
        Special::Programme | Special::YearByYear | Special::ProviderAccess
    ) {
        view.programme = Some(programme::programme(site, &mut programme_md));
    }
    if special == Special::ProviderAccess
        && let Some(policy) = &site.config.provider_access
    {
        view.provider_access = Some(ProviderAccessView::new(site, policy, &mut config_md));
    }
    match special {
        Special::Benchmarks => view.overview = Some(benchmarks::overview(site)),
        Special::Benchmark(benchmark) => {
            view.benchmark = Some(benchmarks::page(
                site,
                benchmark,
                &mut assessment_md,
                &mut plan_md,
                today,
            ));
        }
        Special::ActionPlan => {
            view.action_plan = site.careers.action_plan.as_ref().map(|plan| {
                let statement = |benchmark| {
                    benchmarks::statement(site, benchmark).map_or_else(String::new, |text| {
                        assessment_md.html(text, HeadingLevel::H2)
                    })
                };
                plans::action_plan(plan, statement, today, &mut plan_md)
            });
        }
        Special::StrategicPlan => {
            view.strategic_plan = site
                .careers
                .action_plan
                .as_ref()
                .map(|plan| plans::strategic_plan(plan, today, &mut plan_md));
        }
        Special::Accessibility => view.accessibility = Some(accessibility(site)),
        Special::Evaluation => {
            view.evaluation = site.careers.evaluation.as_ref().map(|e| {
                // Only the programme's words on impact: the evaluation page shows nothing
                // else of it, so the rest of its Markdown is not rendered for it.
                let impact = site
                    .careers
                    .programme
                    .as_ref()
                    .map_or_else(String::new, |p| {
                        programme_md.html(&p.impact, HeadingLevel::H2)
                    });
                evaluation::evaluation(e, impact, &mut evaluation_md)
            });
            // Where a primary school's pupils go next is the secondary school, not one of the
            // routes destinations are counted in: `check` says such figures are left out.
            if site.config.school.phase == Phase::Primary
                && let Some(evaluation) = &mut view.evaluation
            {
                evaluation.destinations.clear();
            }
        }
        Special::Events => {
            view.events = events
                .map(|events| events::events_page(events, &site.config, today, &mut events_md));
        }
        Special::Hub(audience) => {
            view.upcoming = events
                .map(|events| events::upcoming_for(events, Some(audience), today, &mut events_md))
                .unwrap_or_default();
            view.activities = programme::for_audience(site, audience);
            view.year_links = programme::year_links(site);
            let title = format!("Events for {}", audience.label().to_lowercase());
            view.calendar = Some(CalendarView::new(
                title,
                Some(audience),
                site.config.url.as_ref(),
            ));
        }
        _ => {}
    }
    let warnings = [
        programme_md,
        config_md,
        assessment_md,
        plan_md,
        events_md,
        evaluation_md,
    ]
    .into_iter()
    .flat_map(|md| md.warnings)
    .collect();
    (view, warnings)
}
