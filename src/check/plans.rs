//! Whether the plans are kept up: the strategic plan reviewed when it said it would be and
//! approved by governors, and every action whose time has run out showing progress.

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
    if let Some(review) = plan.plan.review
        && review.end() < today
    {
        out.warning(
            Code::Plan,
            &format!("the strategic plan was due to be reviewed by {review}"),
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

/// An objective whose action's time has run out, with no progress written for it.
fn objectives(plan: &ActionPlan, today: jiff::civil::Date, out: &mut Findings) {
    for objective in plan
        .objectives
        .iter()
        .filter(|o| o.progress.trim().is_empty())
    {
        for action in &objective.actions {
            overdue(&action.action, action.time, "time", today, out);
        }
    }
}

/// The same for the action plan's rows: a key action past its deadline, with no progress.
fn action_rows(plan: &ActionPlan, today: jiff::civil::Date, out: &mut Findings) {
    for row in plan.actions.iter().filter(|r| r.progress.trim().is_empty()) {
        for action in &row.actions {
            overdue(&action.action, action.deadline, "deadline", today, out);
        }
    }
}

fn overdue(
    action: &str,
    time: Option<Timing>,
    field: &str,
    today: jiff::civil::Date,
    out: &mut Findings,
) {
    let Some(time) = time.filter(|t| t.passed(today)) else {
        return;
    };
    out.warning(
        Code::Plan,
        &format!("the {field} for \"{action}\" ({time}) has passed, and no progress is recorded"),
        Place::value(data_file_path(ACTION_PLAN_FILE), action),
        &format!("write what has happened under its `progress:`, or give it a new `{field}:`"),
    );
}
