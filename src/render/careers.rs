//! Views of the careers data (site.yaml's statutory fields, programme.yaml) for the pages
//! careersite makes from it. Markdown in the data is rendered for the page that shows it, so
//! its links climb the right number of folders.

use std::path::PathBuf;

use serde::Serialize;

use super::links::LinkIndex;
use super::markdown;
use super::plan::Special;
use super::views::{BenchmarkView, DateView, LinkView};
use crate::diagnostic::Diagnostic;
use crate::load::{CONFIG_FILE, CONTENT_DIR, PROGRAMME_FILE};
use crate::model::{Activity, Audience, Benchmark, Contact, Programme, Term, Year};
use crate::site::Site;

#[derive(Serialize, Default)]
pub struct CareersView {
    pub programme: Option<ProgrammeView>,
    pub provider_access: Option<ProviderAccessView>,
    /// All eight benchmarks, as a key to the numbered badges.
    pub benchmarks: Vec<BenchmarkView>,
}

#[derive(Serialize)]
pub struct ContactView {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    /// A `tel:` link in international form, so it dials from any phone.
    pub phone_href: String,
}

impl From<&Contact> for ContactView {
    fn from(contact: &Contact) -> Self {
        ContactView {
            name: contact.name.clone(),
            role: contact.role.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone(),
            phone_href: tel_href(&contact.phone),
        }
    }
}

/// `01632 960 123` → `tel:+441632960123`.
fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    match digits.strip_prefix('0') {
        Some(national) => format!("tel:+44{national}"),
        None => format!("tel:{digits}"),
    }
}

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

#[derive(Serialize)]
pub struct ProviderAccessView {
    pub contact: ContactView,
    pub how_to_request: String,
    pub granting: String,
    pub refusing: String,
    pub premises: String,
}

/// Renders the Markdown held in a data file for one page.
struct DataMarkdown<'a> {
    links: &'a LinkIndex,
    file: PathBuf,
    content_path: &'static str,
    depth: usize,
    warnings: Vec<Diagnostic>,
}

impl DataMarkdown<'_> {
    fn html(&mut self, text: &str) -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        let rendered = markdown::render(
            &markdown::Source {
                text,
                file: &self.file,
                first_line: None,
                content_path: self.content_path,
                depth: self.depth,
            },
            self.links,
        );
        self.warnings.extend(rendered.warnings);
        rendered.html
    }
}

/// The careers data a special page shows, and any warnings from rendering its Markdown.
pub fn view(
    site: &Site,
    special: Special,
    depth: usize,
    links: &LinkIndex,
) -> (CareersView, Vec<Diagnostic>) {
    let data_file = |name: &'static str| DataMarkdown {
        links,
        file: PathBuf::from(CONTENT_DIR).join(name),
        content_path: name,
        depth,
        warnings: Vec::new(),
    };
    let mut programme_md = data_file(PROGRAMME_FILE);
    let mut config_md = data_file(CONFIG_FILE);
    let mut view = CareersView {
        benchmarks: (1..=8)
            .filter_map(Benchmark::new)
            .map(BenchmarkView::from)
            .collect(),
        ..CareersView::default()
    };
    if matches!(
        special,
        Special::Programme | Special::YearByYear | Special::ProviderAccess
    ) {
        view.programme = Some(programme(site, &mut programme_md));
    }
    if special == Special::ProviderAccess
        && let Some(policy) = &site.config.provider_access
    {
        view.provider_access = Some(ProviderAccessView {
            contact: (&policy.contact).into(),
            how_to_request: config_md.html(&policy.how_to_request),
            granting: config_md.html(&policy.granting),
            refusing: config_md.html(&policy.refusing),
            premises: config_md.html(&policy.premises),
        });
    }
    let mut warnings = programme_md.warnings;
    warnings.extend(config_md.warnings);
    (view, warnings)
}

fn programme(site: &Site, md: &mut DataMarkdown<'_>) -> ProgrammeView {
    let empty = Programme::default();
    let programme = site.programme.as_ref().unwrap_or(&empty);
    ProgrammeView {
        leader: site.config.careers_leader.as_ref().map(ContactView::from),
        summary: md.html(&programme.summary),
        access: site
            .config
            .audiences
            .iter()
            .filter(|&&a| !programme.access.for_audience(a).trim().is_empty())
            .map(|&a| AccessView {
                audience: LinkView::audience(a),
                html: md.html(programme.access.for_audience(a)),
            })
            .collect(),
        impact: md.html(&programme.impact),
        last_review: site.config.review.last.map(DateView::from),
        next_review: site.config.review.next.map(DateView::from),
        years: programme.years.iter().map(|y| year(y, md)).collect(),
        provider_encounters: provider_encounters(programme),
    }
}

fn year(year: &Year, md: &mut DataMarkdown<'_>) -> YearView {
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
                    .map(|a| activity(a, md))
                    .collect(),
            })
            .filter(|t| !t.activities.is_empty())
            .collect(),
    }
}

fn activity(activity: &Activity, md: &mut DataMarkdown<'_>) -> ActivityView {
    ActivityView {
        title: activity.title.clone(),
        benchmarks: activity.benchmarks.iter().map(|&b| b.into()).collect(),
        audiences: activity
            .audiences
            .iter()
            .map(|&a: &Audience| LinkView::audience(a))
            .collect(),
        provider_encounter: activity.provider_encounter,
        date: activity.date.map(DateView::from),
        description: md.html(&activity.description),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_dial_internationally() {
        assert_eq!(tel_href("01632 960 123"), "tel:+441632960123");
        assert_eq!(tel_href("+44 1632 960123"), "tel:+441632960123");
    }
}
