//! Content that does not fit the school's phase (`school.phase` in site.yaml): year groups the
//! phase does not have, and what the law or the benchmarks ask only of another kind of school,
//! which the site then leaves out. Warnings, each with both ways to put it right, since either
//! the phase or the content may be the mistake.

use super::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{CONFIG_FILE, EVALUATION_FILE, PROGRAMME_FILE, data_file_path};
use crate::model::{Phase, YearGroup, YearRange};
use crate::site::Site;

pub fn check(site: &Site, out: &mut Findings) {
    let phase = site.config.school.phase;
    year_groups(site, phase, out);
    if phase == Phase::Primary {
        primary_only(site, out);
    }
    if phase == Phase::AllThrough {
        all_through(site, out);
    }
}

/// How to put right a year group the phase does not have, in either file.
fn fix(phase: Phase, strays: &str, file: &str) -> String {
    let other = match phase {
        Phase::College => "`school.phase: secondary` or `all-through`",
        _ => "`school.phase: all-through`",
    };
    format!("set {other} in site.yaml, or remove {strays} from {file}")
}

/// The year groups of `school.years` and of the programme that the phase does not have.
fn year_groups(site: &Site, phase: Phase, out: &mut Findings) {
    if let Some(range) = site.config.school.years {
        let strays: Vec<YearGroup> = years_in(range)
            .filter(|&year| !phase.has_year(year))
            .collect();
        if let Some(strays) = span(&strays) {
            out.warning(
                Code::Phase,
                &format!(
                    "the school's year groups, {} to {}, include {strays}, but site.yaml says this is {}",
                    range.youngest,
                    range.oldest,
                    phase.described()
                ),
                Place::field(data_file_path(CONFIG_FILE), &["school", "years"]),
                &fix(phase, &strays, "`years:` under `school:`"),
            );
        }
    }
    let Some(programme) = &site.careers.programme else {
        return;
    };
    let strays: Vec<YearGroup> = programme
        .years
        .iter()
        .map(|y| y.year)
        .filter(|&year| !phase.has_year(year))
        .collect();
    let Some(all) = span(&strays) else {
        return;
    };
    for &year in &strays {
        out.warning(
            Code::Phase,
            &format!(
                "programme.yaml describes {year}, but site.yaml says this is {}, which has no {year}",
                phase.described()
            ),
            Place::year(data_file_path(PROGRAMME_FILE), year),
            &fix(phase, &all, "programme.yaml"),
        );
    }
}

/// What the law asks only of secondary schools, which a primary school's site leaves out.
fn primary_only(site: &Site, out: &mut Findings) {
    if site.config.provider_access.is_some() {
        out.warning(
            Code::Phase,
            "primary schools have no provider access duty, so this provider access policy is not published",
            Place::field(data_file_path(CONFIG_FILE), &["provider_access"]),
            "remove `provider_access:` from site.yaml, or, if the school has pupils in Years 8 to 13, set `school.phase: all-through`",
        );
    }
    if let Some(programme) = &site.careers.programme {
        for year in &programme.years {
            for activity in year.activities.iter().filter(|a| a.provider_encounter) {
                out.warning(
                    Code::Phase,
                    &format!(
                        "“{}” in {} is marked as an encounter with providers of technical education or apprenticeships, which the law asks of secondary schools; a primary school's site does not show it as one",
                        activity.title, year.year
                    ),
                    Place::year(data_file_path(PROGRAMME_FILE), year.year),
                    "remove `provider_encounter: true` from the activity, or set `school.phase: all-through` in site.yaml",
                );
            }
        }
    }
    if site
        .careers
        .evaluation
        .as_ref()
        .is_some_and(|e| !e.destinations.is_empty())
    {
        out.warning(
            Code::Phase,
            "a primary school's pupils go on to secondary school, not to the routes destinations count, so these destinations are not published",
            Place::field(data_file_path(EVALUATION_FILE), &["destinations"]),
            "remove `destinations:` from evaluation.yaml, or, if the school has pupils leaving Year 11 or Year 13, set `school.phase: all-through` in site.yaml",
        );
    }
}

/// An all-through school has primary and secondary years: with only one, the phase is the
/// other's.
fn all_through(site: &Site, out: &mut Findings) {
    let Some(range) = site.year_range() else {
        return;
    };
    let place = match site.config.school.years {
        Some(_) => Place::field(data_file_path(CONFIG_FILE), &["school", "years"]),
        None => Place::field(data_file_path(PROGRAMME_FILE), &["years"]),
    };
    let primary_years = range.youngest <= YearGroup::Year(6);
    let secondary_years = range.oldest >= YearGroup::Year(7);
    let (has, instead) = match (primary_years, secondary_years) {
        (false, _) => ("no primary years", "secondary"),
        (_, false) => ("no secondary years", "primary"),
        (true, true) => return,
    };
    out.warning(
        Code::Phase,
        &format!(
            "site.yaml says this is an all-through school, but its year groups, {} to {}, have {has}",
            range.youngest, range.oldest
        ),
        place,
        &format!("set `school.phase: {instead}` in site.yaml, or give the school's year groups from Reception (or Year 1) to Year 11 or Year 13 as `years:` under `school:`"),
    );
}

/// Each year group from the youngest of `range` to its oldest.
fn years_in(range: YearRange) -> impl Iterator<Item = YearGroup> {
    std::iter::once(YearGroup::Reception)
        .chain((1..=13).map(YearGroup::Year))
        .filter(move |&year| range.contains(year))
}

/// `Year 7`, or `Year 7 to Year 13`: the youngest and oldest of `years`, which are in order.
fn span(years: &[YearGroup]) -> Option<String> {
    let (first, last) = (years.first()?, years.last()?);
    Some(if first == last {
        first.to_string()
    } else {
        format!("{first} to {last}")
    })
}
