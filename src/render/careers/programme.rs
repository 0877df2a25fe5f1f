//! The careers programme: the statutory summary and the year-by-year plan.

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

use super::super::view_parts::{BenchmarkView, ContactView, DateView, LinkView};
use super::DataMarkdown;
use crate::model::{Activity, Audience, Programme, Term, Year};
use crate::render::links::page_href;
use crate::render::urls::YEAR_BY_YEAR_PATH;
use crate::site::Site;

#[derive(Serialize)]
pub struct ProgrammeView {
    pub leader: Option<ContactView>,
    pub summary: String,
    pub access: Vec<AccessView>,
    pub impact: String,
    pub last_review: Option<DateView>,
    pub next_review: Option<DateView>,
    pub years: Vec<YearView>,
    /// The provider encounters in the programme, for the provider access statement (P4).
    pub provider_encounters: Vec<EncounterView>,
}

#[derive(Serialize)]
pub struct AccessView {
    pub audience: LinkView,
    pub html: String,
}

#[derive(Serialize)]
pub struct YearView {
    pub label: String,
    pub slug: String,
    pub key_stage: &'static str,
    pub theme: String,
    pub outcomes: Vec<String>,
    /// Only the terms that have activities, in the order of the school year.
    pub terms: Vec<TermView>,
}

#[derive(Serialize)]
pub struct TermView {
    pub label: &'static str,
    pub activities: Vec<ActivityView>,
}

#[derive(Serialize)]
pub struct ActivityView {
    pub title: String,
    pub benchmarks: Vec<BenchmarkView>,
    pub audiences: Vec<LinkView>,
    pub provider_encounter: bool,
    pub date: Option<DateView>,
    pub description: String,
}

#[derive(Serialize)]
pub struct EncounterView {
    pub year: String,
    pub title: String,
    pub term: &'static str,
    pub date: Option<DateView>,
}

pub(super) fn programme(site: &Site, md: &mut DataMarkdown<'_>) -> ProgrammeView {
    let empty = Programme::default();
    let programme = site.careers.programme.as_ref().unwrap_or(&empty);
    // Encounters with providers are a duty of secondary schools: on a primary school's site
    // they are not shown (and `check` says so).
    let providers = site.config.school.phase.has_provider_access();
    ProgrammeView {
        leader: site.config.careers_leader.as_ref().map(ContactView::from),
        summary: md.html(&programme.summary, HeadingLevel::H2),
        access: site
            .config
            .audiences
            .iter()
            .filter(|&&a| !programme.access.for_audience(a).trim().is_empty())
            .map(|&a| AccessView {
                audience: LinkView::audience(a),
                html: md.html(programme.access.for_audience(a), HeadingLevel::H3),
            })
            .collect(),
        impact: md.html(&programme.impact, HeadingLevel::H2),
        last_review: site.config.review.last.map(DateView::from),
        next_review: site.config.review.next.map(DateView::from),
        years: programme
            .years
            .iter()
            .map(|y| year(y, providers, md))
            .collect(),
        provider_encounters: if providers {
            provider_encounters(programme)
        } else {
            Vec::new()
        },
    }
}

/// `providers`: whether an activity may show that it is an encounter with providers.
fn year(year: &Year, providers: bool, md: &mut DataMarkdown<'_>) -> YearView {
    YearView {
        label: year.year.label(),
        slug: year.year.slug(),
        key_stage: year.year.key_stage(),
        theme: year.theme.clone(),
        outcomes: year.outcomes.clone(),
        terms: Term::ALL
            .iter()
            .map(|&term| TermView {
                label: term.label(),
                activities: year
                    .activities
                    .iter()
                    .filter(|a| a.term == term)
                    .map(|a| activity(a, providers, md))
                    .collect(),
            })
            .filter(|t| !t.activities.is_empty())
            .collect(),
    }
}

fn activity(activity: &Activity, providers: bool, md: &mut DataMarkdown<'_>) -> ActivityView {
    ActivityView {
        title: activity.title.clone(),
        benchmarks: activity.benchmarks.iter().map(|&b| b.into()).collect(),
        audiences: activity
            .audiences
            .iter()
            .map(|&a: &Audience| LinkView::audience(a))
            .collect(),
        provider_encounter: providers && activity.provider_encounter,
        date: activity.date.map(DateView::from),
        description: md.html(&activity.description, HeadingLevel::H4),
    }
}

fn provider_encounters(programme: &Programme) -> Vec<EncounterView> {
    programme
        .years
        .iter()
        .flat_map(|year| {
            year.activities
                .iter()
                .filter(|a| a.provider_encounter)
                .map(move |a| EncounterView {
                    year: year.year.label(),
                    title: a.title.clone(),
                    term: a.term.label(),
                    date: a.date.map(DateView::from),
                })
        })
        .collect()
}

/// One year group's activities for an audience's hub.
#[derive(Serialize)]
pub struct YearActivities {
    /// The year group, linking to its part of the year-by-year page.
    pub year: LinkView,
    pub activities: Vec<AudienceActivity>,
}

/// A programme activity as listed on an audience's hub.
#[derive(Serialize)]
pub struct AudienceActivity {
    pub title: String,
    pub term: &'static str,
}

/// The programme's activities for `audience`, year by year, leaving out the years with none.
pub(super) fn for_audience(site: &Site, audience: Audience) -> Vec<YearActivities> {
    let Some(programme) = &site.careers.programme else {
        return Vec::new();
    };
    programme
        .years
        .iter()
        .map(|year| {
            let mut activities: Vec<&Activity> = year
                .activities
                .iter()
                .filter(|a| a.audiences.contains(&audience))
                .collect();
            activities.sort_by_key(|a| a.term);
            YearActivities {
                year: year_link(year),
                activities: activities
                    .into_iter()
                    .map(|a| AudienceActivity {
                        title: a.title.clone(),
                        term: a.term.label(),
                    })
                    .collect(),
            }
        })
        .filter(|year| !year.activities.is_empty())
        .collect()
}

/// A link to each year group's part of the year-by-year page, for a hub's "choose your year".
pub(super) fn year_links(site: &Site) -> Vec<LinkView> {
    site.careers
        .programme
        .iter()
        .flat_map(|programme| &programme.years)
        .map(year_link)
        .collect()
}

fn year_link(year: &Year) -> LinkView {
    LinkView {
        title: year.year.label(),
        href: format!("{}#{}", page_href(YEAR_BY_YEAR_PATH), year.year.slug()),
        path: String::new(),
    }
}
