//! Whether the self-assessment says where the school stands on every requirement: a rating
//! left out cannot be told from "not yet assessed", and a requirement not yet assessed is a gap
//! still to close, never a pass.

use super::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{SELF_ASSESSMENT_FILE, data_file_path};
use crate::model::{BenchmarkAssessment, Progress, Rated};
use crate::site::Site;

pub fn check(site: &Site, out: &mut Findings) {
    let Some(assessment) = &site.careers.self_assessment else {
        return;
    };
    for benchmark in &assessment.benchmarks {
        let rated = benchmark.rated_requirements();
        for unrated in rated.iter().filter(|r| r.progress.is_none()) {
            no_rating(benchmark, unrated, out);
        }
        let not_assessed = rated
            .iter()
            .filter(|r| r.progress == Some(Progress::NotAssessed))
            .count();
        if not_assessed > 0 {
            out.warning(
                Code::Assessment,
                &{
                    let (which, verb) = how_many(not_assessed, rated.len());
                    format!("{which} of {} {verb} not yet assessed", benchmark.benchmark)
                },
                Place::value(data_file_path(SELF_ASSESSMENT_FILE), &entry(benchmark)),
                "assess them, with Compass or your careers hub, and rate each red, amber or green",
            );
        }
    }
}

fn no_rating(benchmark: &BenchmarkAssessment, unrated: &Rated<'_>, out: &mut Findings) {
    let requirement = unrated.requirement.requirement.trim();
    let (what, after) = match unrated.heading {
        Some(heading) => (format!("“{heading} {requirement}”"), heading.to_string()),
        None => (format!("“{requirement}”"), entry(benchmark)),
    };
    out.warning(
        Code::Assessment,
        &format!("{what} ({}) has no rating", benchmark.benchmark),
        Place::value_after(data_file_path(SELF_ASSESSMENT_FILE), &after, requirement),
        "give it `progress:` red, amber or green, or `not-assessed` if it has not been assessed yet, or `not-applicable`",
    );
}

/// The line that opens a benchmark's entry, to place findings about it.
fn entry(benchmark: &BenchmarkAssessment) -> String {
    format!("benchmark: {}", benchmark.benchmark.number())
}

/// "3 of the 16 requirements" and "are"; "all 16 requirements"; "the only requirement", "is".
fn how_many(count: usize, total: usize) -> (String, &'static str) {
    match (count, total) {
        (1, 1) => ("the only requirement".to_string(), "is"),
        (count, total) if count == total => (format!("all {total} requirements"), "are"),
        (1, total) => (format!("1 of the {total} requirements"), "is"),
        (count, total) => (format!("{count} of the {total} requirements"), "are"),
    }
}
