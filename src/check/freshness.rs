//! Whether the published evaluation is current: a Compass result from within the last school
//! year, and destinations for each of the last three leaving years (kept three years).

use super::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{EVALUATION_FILE, data_file_path};
use crate::model::Phase;
use crate::site::Site;

/// A Compass result older than this is out of date.
const COMPASS_MAX_AGE_DAYS: i32 = 365;

pub fn check(site: &Site, today: jiff::civil::Date, out: &mut Findings) {
    let evaluation = site.careers.evaluation.as_ref();
    let latest = evaluation.and_then(|e| e.compass.iter().map(|c| c.date).max_by_key(|d| d.end()));
    match latest {
        None => out.warning(
            Code::Compass,
            "there is no Compass result to show how the programme measures up",
            Place::file(data_file_path(EVALUATION_FILE)),
            "add your latest Compass percentages under `compass:` in content/evaluation.yaml",
        ),
        Some(date) if (today - date.end()).get_days() > COMPASS_MAX_AGE_DAYS => out.warning(
            Code::Compass,
            &format!("the latest Compass result, from {date}, is more than a school year old"),
            Place::field(data_file_path(EVALUATION_FILE), &["compass"]),
            "assess the programme with Compass again and add the result under `compass:`",
        ),
        Some(_) => {}
    }
    if site.config.school.phase == Phase::Primary {
        return;
    }
    // Pupils leave in the summer; from September, that summer's leavers are the newest.
    let newest = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    for year in (newest - 2..=newest).rev() {
        let recorded =
            evaluation.is_some_and(|e| e.destinations.iter().any(|d| d.year == i32::from(year)));
        if !recorded {
            out.warning(
                Code::Destinations,
                &format!("there are no destinations for the pupils who left in {year}"),
                Place::field(data_file_path(EVALUATION_FILE), &["destinations"]),
                &format!("add `- year: {year}` with the cohort and routes under `destinations:`"),
            );
        }
    }
}
