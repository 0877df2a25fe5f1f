//! Whether the plans are kept up: the strategic plan current, reviewed when it said it would be
//! and approved by governors, and every action whose time has run out showing progress.

use super::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{ACTION_PLAN_FILE, data_file_path};
use crate::model::{ActionPlan, Timing};
use crate::site::Site;

pub fn check(site: &Site, today: jiff::civil::Date, out: &mut Findings) {
    let Some(plan) = &site.careers.action_plan else {
        return;
    };
    record(plan, today, out);
    objectives(plan, today, out);
    action_rows(plan, today, out);
}

fn record(plan: &ActionPlan, today: jiff::civil::Date, out: &mut Findings) {
    let file = data_file_path(ACTION_PLAN_FILE);
    if let Some(period) = plan.plan.period
        && period.ended(today)
    {
        out.warning(
            Code::Plan,
            &format!("the strategic plan, for {period}, has ended"),
            Place::field(&file, &["plan", "period"]),
            "write the plan for the years ahead, and give them in `period:`",
        );
    }
    if let Some(review) = plan.plan.review
        && review.end() < today
    {
        out.warning(
            Code::Plan,
            &format!(
                "the strategic plan was due to be reviewed by {}",
                review.in_sentence()
            ),
            Place::field(&file, &["plan", "review"]),
            "review the plan, then set `review:` to the date of the next review and add the review under `updated:`",
        );
    }
    if !plan.plan.is_empty() && plan.plan.approved_by_governors.is_none() {
        out.warning(
            Code::Plan,
            "the strategic plan does not say when governors approved it",
            Place::field(&file, &["plan"]),
            "once governors approve the plan, add `approved_by_governors:` with the date (a day, month or term)",
        );
    }
}

/// What an overdue action is told: the field its time is in, and where progress is written.
struct Due {
    field: &'static str,
    help: &'static str,
}

const OBJECTIVE_ACTION: Due = Due {
    field: "time",
    help: "write how far the objective has come under its `progress:` (beside `outcomes:`), or give the action a new `time:`",
};

const KEY_ACTION: Due = Due {
    field: "deadline",
    help: "write what has happened under the row's `progress:` (beside `success_criteria:`), or give the action a new `deadline:`",
};

/// An objective whose action's time has run out, with no progress written for it.
fn objectives(plan: &ActionPlan, today: jiff::civil::Date, out: &mut Findings) {
    let file = data_file_path(ACTION_PLAN_FILE);
    for objective in &plan.objectives {
        for action in objective
            .actions
            .iter()
            .filter(|a| objective.is_overdue(a, today))
        {
            let place = Place::value_after(&file, &objective.title, &action.action);
            overdue(&action.action, action.time, &OBJECTIVE_ACTION, place, out);
        }
    }
}

/// The same for the action plan's rows: a key action past its deadline, with no progress.
fn action_rows(plan: &ActionPlan, today: jiff::civil::Date, out: &mut Findings) {
    let file = data_file_path(ACTION_PLAN_FILE);
    for row in &plan.actions {
        let heading = match (&row.area, row.benchmark) {
            (Some(area), _) => format!("area: {area}"),
            (None, Some(benchmark)) => format!("benchmark: {}", benchmark.number()),
            (None, None) => String::new(),
        };
        for action in row.actions.iter().filter(|a| row.is_overdue(a, today)) {
            let place = Place::value_after(&file, &heading, &action.action);
            overdue(&action.action, action.deadline, &KEY_ACTION, place, out);
        }
    }
}

/// Reports `action`, already found overdue, whose time is `time`.
fn overdue(action: &str, time: Option<Timing>, due: &Due, place: Place, out: &mut Findings) {
    let time = time.map_or_else(String::new, Timing::in_sentence);
    out.warning(
        Code::Plan,
        &format!(
            "the {} for “{action}” ({time}) has passed, and no progress is recorded",
            due.field
        ),
        place,
        due.help,
    );
}
