//! The addresses careersite generates, in one table. The code that writes a file and the code
//! and templates that link to it all take its address from here (templates through the
//! `url()` function, or `urls` in every template's context), so that no link is left behind
//! when an address moves. A page's
//! address is its `url_path`, a folder such as `events/`; its file is that folder's
//! `index.html`.

use crate::model::{Audience, Benchmark};

/// The statutory summary of the careers programme, and the pages beneath it.
pub const PROGRAMME_PATH: &str = "careers-programme/";
pub const YEAR_BY_YEAR_PATH: &str = "careers-programme/year-by-year/";
pub const ACTION_PLAN_PATH: &str = "careers-programme/action-plan/";
pub const STRATEGIC_PLAN_PATH: &str = "careers-programme/strategic-plan/";
pub const EVALUATION_PATH: &str = "careers-programme/evaluation/";
pub const PROVIDER_ACCESS_PATH: &str = "provider-access/";
/// The eight benchmarks; each has its own page beneath, at [`benchmark_path`].
pub const BENCHMARKS_PATH: &str = "benchmarks/";
/// The events page; the calendars, at [`calendar_file`], sit beside it.
pub const EVENTS_PATH: &str = "events/";
pub const ACCESSIBILITY_PATH: &str = "accessibility/";
/// The careers words a reader may not know, each explained at its own anchor.
pub const GLOSSARY_PATH: &str = "glossary/";

/// Where the compliance checklist is published, when it is.
pub const COMPLIANCE_PATH: &str = "compliance/";
/// The checklist's file.
pub const COMPLIANCE_FILE: &str = "compliance/index.html";

/// The page-not-found page, and the name of its template.
pub const NOT_FOUND_FILE: &str = "404.html";
/// The Atom feed of dated pages.
pub const FEED_FILE: &str = "atom.xml";
pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";
/// Files whose names change whenever their contents do (each picture's versions, the theme's
/// files), so that a browser may keep them for a year: under a folder named by a hash.
pub const CACHED_DIR: &str = "cached";

/// Where the copy of the theme's static file `name` that a browser may keep is published:
/// `cached/3f9a0c21d4/style.css`.
pub fn cached_theme_file(fingerprint: &str, name: &str) -> String {
    format!("{CACHED_DIR}/{fingerprint}/{name}")
}

/// The pages templates ask for by name, with `url(name="…")`: each name, and the page's
/// address.
pub const PAGES_BY_NAME: [(&str, &str); 11] = [
    ("home", ""),
    ("programme", PROGRAMME_PATH),
    ("year_by_year", YEAR_BY_YEAR_PATH),
    ("action_plan", ACTION_PLAN_PATH),
    ("strategic_plan", STRATEGIC_PLAN_PATH),
    ("evaluation", EVALUATION_PATH),
    ("provider_access", PROVIDER_ACCESS_PATH),
    ("benchmarks", BENCHMARKS_PATH),
    ("events", EVENTS_PATH),
    ("accessibility", ACCESSIBILITY_PATH),
    ("glossary", GLOSSARY_PATH),
];

/// The files templates ask for by name, with `url(name="…")`.
pub const FILES_BY_NAME: [(&str, &str); 1] = [("feed", FEED_FILE)];

/// An audience's hub page.
pub fn hub_path(audience: Audience) -> String {
    format!("{}/", audience.slug())
}

/// One benchmark's page.
pub fn benchmark_path(benchmark: Benchmark) -> String {
    format!("{BENCHMARKS_PATH}{}/", benchmark.number())
}

/// The events calendar for one audience, or for everyone.
pub fn calendar_file(audience: Option<Audience>) -> String {
    match audience {
        None => format!("{EVENTS_PATH}calendar.ics"),
        Some(audience) => format!("{EVENTS_PATH}{}.ics", audience.slug()),
    }
}
