//! Whether the programme covers the Gatsby Benchmarks as schools are expected to: every
//! benchmark has activities; employer encounters every year from Year 7; workplace experience
//! by 16 and again by 18; further and higher education encounters; guidance interviews by 16
//! and by 18. Primary schools get the adapted expectations, all-through schools employer
//! encounters in their primary years too, and colleges each experience by the end of their
//! learners' study programme. Benchmarks a school marks not applicable in its self-assessment
//! are not reported.

use super::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{PROGRAMME_FILE, data_file_path};
use crate::model::{Benchmark, Phase, Programme, Progress, Year, YearGroup};
use crate::site::Site;

pub fn check(site: &Site, out: &mut Findings) {
    let Some(programme) = &site.careers.programme else {
        return;
    };
    let applies = |n: u64| Benchmark::new(n).is_some_and(|b| !marked_not_applicable(site, b));
    for benchmark in Benchmark::ALL {
        if applies(u64::from(benchmark.number())) && years_serving(programme, benchmark).is_empty()
        {
            out.warning(
                Code::Benchmark(benchmark.number()),
                &format!(
                    "no activity in the programme serves {benchmark}: {}",
                    benchmark.title()
                ),
                Place::file(data_file_path(PROGRAMME_FILE)),
                &format!(
                    "add `{}` to the `benchmarks:` of the activities that serve it",
                    benchmark.number()
                ),
            );
        }
    }
    let phase = site.config.school.phase;
    let primary = phase == Phase::Primary;
    missing_years(programme, site, applies, out);
    if applies(5) {
        employer_encounters(programme, phase, out);
    }
    let sixth_form = programme
        .years
        .iter()
        .any(|y| matches!(y.year, YearGroup::Year(12 | 13)));
    // A college's learners are there for a study programme of a year or two, by whose end the
    // benchmarks' criteria for colleges ask for each experience.
    let stages: &[(u8, &str)] = match (phase, sixth_form) {
        (Phase::Primary, _) => &[(6, "by the end of Year 6")],
        (Phase::College, _) => &[(13, "by the end of their study programme")],
        (_, false) => &[(11, "by Year 11")],
        (_, true) => &[(11, "by Year 11"), (13, "again by Year 13")],
    };
    let who = if phase == Phase::College {
        "learners"
    } else {
        "pupils"
    };
    for (number, what) in [
        (6u8, "an experience of a workplace"),
        (
            8,
            if primary {
                "a chance to talk about their future with adults they trust"
            } else {
                "a guidance interview"
            },
        ),
    ] {
        if !applies(u64::from(number)) {
            continue;
        }
        let benchmark = Benchmark::new(u64::from(number)).expect("benchmarks 6 and 8 exist");
        let mut from = 0;
        for &(by_year, when) in stages {
            if !served_between(programme, benchmark, from, by_year) {
                out.warning(
                    Code::Benchmark(number),
                    &format!(
                        "{who} have no activity giving them {what} {when} (Benchmark {number})"
                    ),
                    Place::file(data_file_path(PROGRAMME_FILE)),
                    &format!(
                        "add an activity with benchmark {number} in a year up to Year {by_year}"
                    ),
                );
            }
            from = by_year + 1;
        }
    }
    if applies(7) {
        let by_year = match phase {
            Phase::Primary => 6,
            Phase::College => 13,
            _ => 11,
        };
        if !served_between(
            programme,
            Benchmark::new(7).expect("benchmark 7 exists"),
            0,
            by_year,
        ) {
            out.warning(
                Code::Benchmark(7),
                &format!("{who} meet no college, university or training provider by Year {by_year} (Benchmark 7)"),
                Place::file(data_file_path(PROGRAMME_FILE)),
                &format!("add an activity with benchmark 7 in a year up to Year {by_year}"),
            );
        }
    }
}

/// Whether a school of `phase` is asked for an encounter with employers in `year`: every year
/// where there are primary years (the benchmarks' primary version asks for them in every year
/// group), from Year 7 elsewhere (from the age of 11, as the statutory guidance puts it).
fn employers_expected(phase: Phase, year: YearGroup) -> bool {
    phase.has_primary_years() || matches!(year, YearGroup::Year(7..=13))
}

/// An encounter with employers every year the school is asked for one.
fn employer_encounters(programme: &Programme, phase: Phase, out: &mut Findings) {
    let benchmark = Benchmark::new(5).expect("benchmark 5 exists");
    for year in &programme.years {
        if employers_expected(phase, year.year) && !serves(year, benchmark) {
            out.warning(
                Code::Benchmark(5),
                &format!(
                    "{} has no encounter with employers (Benchmark 5 asks for one every year)",
                    year.year
                ),
                Place::year(data_file_path(PROGRAMME_FILE), year.year),
                &format!("add an activity with benchmark 5 to {}", year.year),
            );
        }
    }
}

/// Year groups the programme leaves out altogether: those the school has ([`Site::year_range`]).
/// A year left out has no activity of any benchmark.
fn missing_years(
    programme: &Programme,
    site: &Site,
    applies: impl Fn(u64) -> bool,
    out: &mut Findings,
) {
    let described: Vec<u8> = programme.years.iter().map(|y| number(y.year)).collect();
    let Some(range) = site.year_range() else {
        return;
    };
    let (youngest, oldest) = (number(range.youngest), number(range.oldest));
    let phase = site.config.school.phase;
    for missing in (youngest..=oldest).filter(|n| !described.contains(n)) {
        let year = if missing == 0 {
            YearGroup::Reception
        } else {
            YearGroup::Year(missing)
        };
        // The same years Benchmark 5's own check expects an employer encounter in.
        let (code, consequence) = if applies(5) && employers_expected(phase, year) {
            (
                Code::Benchmark(5),
                "no careers activities and no encounter with employers (Benchmark 5 asks for one every year)",
            )
        } else if applies(1) {
            (
                Code::Benchmark(1),
                "no careers activities (Benchmark 1 asks for a programme for every year)",
            )
        } else {
            continue;
        };
        out.warning(
            code,
            &format!("{year} is not in the programme, so it has {consequence}"),
            Place::field(data_file_path(PROGRAMME_FILE), &["years"]),
            &format!("add `- year: {year}` with its activities under `years:`, or, if the school has no {year}, give its year groups as `years:` under `school:` in content/site.yaml"),
        );
    }
}

/// Reception counts as 0.
fn number(year: YearGroup) -> u8 {
    match year {
        YearGroup::Reception => 0,
        YearGroup::Year(n) => n,
    }
}

fn serves(year: &Year, benchmark: Benchmark) -> bool {
    year.activities
        .iter()
        .any(|a| a.benchmarks.contains(&benchmark))
}

fn years_serving(programme: &Programme, benchmark: Benchmark) -> Vec<YearGroup> {
    programme
        .years
        .iter()
        .filter(|y| serves(y, benchmark))
        .map(|y| y.year)
        .collect()
}

/// Whether some year from `from` to `to` (Reception counts as 0) serves `benchmark`.
fn served_between(programme: &Programme, benchmark: Benchmark, from: u8, to: u8) -> bool {
    years_serving(programme, benchmark)
        .into_iter()
        .any(|year| (from..=to).contains(&number(year)))
}

/// A benchmark whose every requirement the school marks not applicable. A requirement left
/// unrated has not been judged not applicable, so it keeps the benchmark's findings.
fn marked_not_applicable(site: &Site, benchmark: Benchmark) -> bool {
    let Some(assessment) = &site.careers.self_assessment else {
        return false;
    };
    let mut ratings = assessment
        .benchmarks
        .iter()
        .filter(|b| b.benchmark == benchmark)
        .flat_map(|b| b.rated_requirements())
        .map(|rated| rated.progress)
        .peekable();
    ratings.peek().is_some() && ratings.all(|p| p == Some(Progress::NotApplicable))
}
