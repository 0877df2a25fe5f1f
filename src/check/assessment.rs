//! Whether the self-assessment says where the school stands on every requirement: a rating
//! left out cannot be told from "not yet assessed", and a requirement not yet assessed is a gap
//! still to close, never a pass.

use super::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{SELF_ASSESSMENT_FILE, data_file_path};
use crate::model::{Progress, Requirement};
use crate::site::Site;

pub fn check(site: &Site, out: &mut Findings) {
    let Some(assessment) = &site.careers.self_assessment else {
        return;
    };
    let file = data_file_path(SELF_ASSESSMENT_FILE);
    for benchmark in &assessment.benchmarks {
        let mut rated = Vec::new();
        leaves(&benchmark.requirements, None, &mut rated);
        for (requirement, progress) in &rated {
            if progress.is_none() {
                out.warning(
                    Code::Assessment,
                    &format!(
                        "\"{}\" ({}) has no rating",
                        requirement.requirement.trim(),
                        benchmark.benchmark
                    ),
                    Place::value(&file, &requirement.requirement),
                    "give it `progress:` red, amber or green, or `not-assessed` if it has not been assessed yet, or `not-applicable`",
                );
            }
        }
        let not_assessed = rated
            .iter()
            .filter(|(_, p)| *p == Some(Progress::NotAssessed))
            .count();
        if not_assessed > 0 {
            out.warning(
                Code::Assessment,
                &format!(
                    "{not_assessed} of the {} requirements of {} are not yet assessed",
                    rated.len(),
                    benchmark.benchmark
                ),
                Place::value(
                    &file,
                    &format!("benchmark: {}", benchmark.benchmark.number()),
                ),
                "assess them, with Compass or your careers hub, and rate each red, amber or green",
            );
        }
    }
}

/// Each requirement that is rated on its own (one without parts), with its rating or the
/// rating of the heading it sits under.
fn leaves<'a>(
    requirements: &'a [Requirement],
    heading: Option<Progress>,
    out: &mut Vec<(&'a Requirement, Option<Progress>)>,
) {
    for requirement in requirements {
        let own = requirement.progress.or(heading);
        if requirement.parts.is_empty() {
            out.push((requirement, own));
        } else {
            leaves(&requirement.parts, own, out);
        }
    }
}
