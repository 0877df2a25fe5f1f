//! `url()`, the Tera function templates link to careersite's own pages and files with, so that
//! no template writes an address by hand: `{{ url(name="events") }}` is the address of the
//! events page from the page being rendered (`../../events/index.html` two folders down).
//! Every address comes from the one table in [`super::urls`].
//!
//! Tera hands a function the variables of the render it is called in, so `url()` reads the
//! page's own `root` (the climb from the page to the site root) and no template need pass it.

use std::collections::HashMap;

use serde::Deserialize;
use tera::{Error, Kwargs, State, Tera, TeraResult};

use super::links::{encode_path, page_href};
use super::urls::{self, FILES_BY_NAME, PAGES_BY_NAME};
use crate::model::{Audience, Benchmark};
use crate::site::Site;

/// The names `url()` takes besides those of [`PAGES_BY_NAME`] and [`FILES_BY_NAME`], each
/// with the argument it needs, as its error messages and docs/templates.md show them.
const NAMES_WITH_ARGUMENTS: [&str; 3] = [
    "benchmark (with number=1 to 8)",
    "hub (with audience=\"pupils\", \"parents\", \"staff\" or \"employers\")",
    "calendar (every event; with audience=\"…\", one audience's)",
];

/// Makes `url()` known to `tera`, with the pages of `site` for `url(page="…")`. Must come
/// before the templates: Tera refuses a template that calls a function it does not know.
pub fn register(tera: &mut Tera, site: &Site) {
    let pages = site
        .pages
        .iter()
        .map(|page| (page.content_path.clone(), page.url_path.clone()))
        .collect();
    register_with_pages(tera, pages);
}

/// `pages`: each page's address, by its Markdown file under `content/`.
fn register_with_pages(tera: &mut Tera, pages: HashMap<String, String>) {
    tera.register_function("url", move |kwargs: Kwargs, state: &State| {
        url(&kwargs, state, &pages)
    });
}

/// What a template may give `url()`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Args {
    /// One of careersite's own pages or files, by name: `events`, `benchmark`...
    name: Option<String>,
    /// A page of the site, by its Markdown file under `content/`: `parents/year-11.md`.
    page: Option<String>,
    /// For `name="benchmark"`.
    number: Option<u64>,
    /// For `name="hub"` and `name="calendar"`: an audience's slug.
    audience: Option<String>,
}

fn url(kwargs: &Kwargs, state: &State, pages: &HashMap<String, String>) -> TeraResult<String> {
    let args: Args = kwargs
        .deserialize()
        .map_err(|err| Error::message(format!("url(): {err}")))?;
    let href = match (&args.name, &args.page) {
        (Some(name), None) => named(name, &args),
        (None, Some(page)) => by_file(page, &args, pages),
        _ => Err("give it either name=\"…\" (such as name=\"events\") or page=\"…\" (a Markdown file under content/, such as page=\"parents/_index.md\")".to_string()),
    }
    .map_err(|problem| Error::message(format!("url(): {problem}")))?;
    Ok(format!("{}{href}", root(state)?))
}

/// The page's climb to the site root, from the variables of the render.
fn root(state: &State) -> TeraResult<String> {
    state.get::<String>("root")?.ok_or_else(|| {
        Error::message(
            "url() needs `root`, the way from the page to the site root, and finds none here; \
             inside a component, give the component `root` as an argument",
        )
    })
}

/// The address of careersite's own page or file called `name`, from the site root.
fn named(name: &str, args: &Args) -> Result<String, String> {
    if let Some((_, path)) = PAGES_BY_NAME.iter().find(|(n, _)| *n == name) {
        takes_no_more(name, args)?;
        return Ok(page_href(path));
    }
    if let Some((_, file)) = FILES_BY_NAME.iter().find(|(n, _)| *n == name) {
        takes_no_more(name, args)?;
        return Ok(encode_path(file));
    }
    match name {
        "benchmark" => {
            refuse(name, "audience", args.audience.is_some())?;
            let benchmark = args.number.and_then(Benchmark::new).ok_or_else(|| {
                format!(
                    "name=\"benchmark\" needs number=1 to 8, the benchmark's number, not {}",
                    args.number.map_or("none".to_string(), |n| n.to_string())
                )
            })?;
            Ok(page_href(&urls::benchmark_path(benchmark)))
        }
        "hub" => {
            refuse(name, "number", args.number.is_some())?;
            let audience = audience(name, args.audience.as_deref().unwrap_or(""))?;
            Ok(page_href(&urls::hub_path(audience)))
        }
        "calendar" => {
            refuse(name, "number", args.number.is_some())?;
            let audience = match &args.audience {
                Some(slug) => Some(audience(name, slug)?),
                None => None,
            };
            Ok(encode_path(&urls::calendar_file(audience)))
        }
        _ => Err(format!(
            "there is no address called name=\"{name}\"; the names are {}",
            all_names().join(", ")
        )),
    }
}

/// Every name `url()` takes, as its error messages show them.
pub fn all_names() -> Vec<&'static str> {
    PAGES_BY_NAME
        .iter()
        .chain(&FILES_BY_NAME)
        .map(|(name, _)| *name)
        .chain(NAMES_WITH_ARGUMENTS)
        .collect()
}

fn takes_no_more(name: &str, args: &Args) -> Result<(), String> {
    refuse(name, "number", args.number.is_some())?;
    refuse(name, "audience", args.audience.is_some())
}

/// A mistake when `given`: `name` takes no argument called `argument`.
fn refuse(name: &str, argument: &str, given: bool) -> Result<(), String> {
    if given {
        Err(format!("name=\"{name}\" takes no `{argument}`"))
    } else {
        Ok(())
    }
}

fn audience(name: &str, slug: &str) -> Result<Audience, String> {
    Audience::ALL
        .into_iter()
        .find(|a| a.slug() == slug)
        .ok_or_else(|| {
            format!(
                "name=\"{name}\" needs audience=\"pupils\", \"parents\", \"staff\" or \"employers\", not \"{slug}\""
            )
        })
}

/// The address of the page made from `content/<file>`.
fn by_file(file: &str, args: &Args, pages: &HashMap<String, String>) -> Result<String, String> {
    refuse("page", "number", args.number.is_some())?;
    refuse("page", "audience", args.audience.is_some())?;
    let file = file.trim_start_matches('/');
    pages.get(file).map(|url_path| page_href(url_path)).ok_or_else(|| {
        format!(
            "no page is made from content/{file}; give the path of a Markdown file under content/, such as page=\"parents/_index.md\" (a draft has no page)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders `template` at a page whose climb to the root is `root`, on a site whose only
    /// page is made from `content/parents/year-11.md`.
    fn render(template: &str, root: &str) -> Result<String, String> {
        let mut tera = Tera::new();
        let pages = HashMap::from([(
            "parents/year-11.md".to_string(),
            "parents/year-11/".to_string(),
        )]);
        register_with_pages(&mut tera, pages);
        tera.add_raw_template("page.html", template)
            .map_err(|e| e.to_string())?;
        let mut context = tera::Context::new();
        context.insert("root", root);
        tera.render("page.html", &context).map_err(|err| {
            let mut message = err.to_string();
            let mut source = std::error::Error::source(&err);
            while let Some(cause) = source {
                message.push_str(&format!(" {cause}"));
                source = cause.source();
            }
            message
        })
    }

    #[test]
    fn addresses_climb_from_the_page_to_the_root() {
        let cases = [
            (r#"url(name="home")"#, "../../index.html"),
            (r#"url(name="events")"#, "../../events/index.html"),
            (r#"url(name="glossary")"#, "../../glossary/index.html"),
            (
                r#"url(name="year_by_year")"#,
                "../../careers-programme/year-by-year/index.html",
            ),
            (r#"url(name="feed")"#, "../../atom.xml"),
            (
                r#"url(name="benchmark", number=5)"#,
                "../../benchmarks/5/index.html",
            ),
            (
                r#"url(name="hub", audience="parents")"#,
                "../../parents/index.html",
            ),
            (r#"url(name="calendar")"#, "../../events/calendar.ics"),
            (
                r#"url(name="calendar", audience="staff")"#,
                "../../events/staff.ics",
            ),
            (
                r#"url(page="parents/year-11.md")"#,
                "../../parents/year-11/index.html",
            ),
        ];
        for (call, expected) in cases {
            assert_eq!(
                render(&format!("{{{{ {call} }}}}"), "../../").as_deref(),
                Ok(expected),
                "{call}"
            );
        }
    }

    #[test]
    fn the_root_is_read_inside_an_include_and_after_a_set() {
        let mut tera = Tera::new();
        register_with_pages(&mut tera, HashMap::new());
        tera.add_raw_templates([
            ("part.html", r#"{{ url(name="events") }}"#),
            (
                "page.html",
                r#"{% include "part.html" %} {% set root = "/careers/" %}{% include "part.html" %}"#,
            ),
        ])
        .unwrap();
        let mut context = tera::Context::new();
        context.insert("root", "../");
        assert_eq!(
            tera.render("page.html", &context).unwrap(),
            "../events/index.html /careers/events/index.html"
        );
    }

    #[test]
    fn an_unknown_name_is_named_with_every_name_there_is() {
        let err = render(r#"{{ url(name="event") }}"#, "").unwrap_err();
        assert!(err.contains("url()"), "{err}");
        assert!(err.contains(r#"name="event""#), "{err}");
        for name in all_names() {
            assert!(err.contains(name), "{name} missing from: {err}");
        }
    }

    #[test]
    fn mistaken_arguments_say_what_is_wanted() {
        let cases = [
            (r#"url(name="benchmark", number=9)"#, "number=1 to 8"),
            (r#"url(name="benchmark")"#, "not none"),
            (
                r#"url(name="hub", audience="governors")"#,
                "not \"governors\"",
            ),
            (r#"url(name="events", number=2)"#, "takes no `number`"),
            (r#"url(nme="events")"#, "unknown field `nme`"),
            (r#"url()"#, "either name="),
            (r#"url(name="home", page="a.md")"#, "either name="),
            (r#"url(page="nowhere.md")"#, "content/nowhere.md"),
        ];
        for (call, words) in cases {
            let err = render(&format!("{{{{ {call} }}}}"), "").unwrap_err();
            assert!(err.contains("url()"), "{call}: {err}");
            assert!(err.contains(words), "{call} should say {words:?}: {err}");
        }
    }

    #[test]
    fn without_a_root_the_error_says_where_one_comes_from() {
        let mut tera = Tera::new();
        register_with_pages(&mut tera, HashMap::new());
        tera.add_raw_template("feed.xml", r#"{{ url(name="home") }}"#)
            .unwrap();
        let err = tera.render("feed.xml", &tera::Context::new()).unwrap_err();
        let message = format!("{err} {:?}", std::error::Error::source(&err));
        assert!(message.contains("url() needs `root`"), "{message}");
    }
}
