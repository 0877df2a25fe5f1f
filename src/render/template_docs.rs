//! docs/templates.md against the code: every template of the default theme, every variable a
//! template receives when the two example schools are built (found by rendering each with a
//! template that writes out all it was given), and every name `url()` takes must be in it.
//! Whoever adds a field to a view, or a template, is told exactly what to add to the doc.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;
use tera::{Kwargs, State, Tera, TeraResult};

use super::url_function::all_names;
use crate::diagnostic::Diagnostic;
use crate::output::Contents;

const DOC: &str = "docs/templates.md";

/// Maps whose keys are the school's data, audiences or the theme's files, not fields: the doc
/// describes the map, not each key.
const FREE_FORM: [&str; 3] = ["page.extra", "urls.calendars", "urls.theme"];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn doc() -> String {
    std::fs::read_to_string(repo().join(DOC)).expect("docs/templates.md can be read")
}

/// Whether the doc names `thing` as code: `` `page.title` ``.
fn documents(doc: &str, thing: &str) -> bool {
    doc.contains(&format!("`{thing}`"))
}

#[test]
fn every_template_of_the_default_theme_is_in_the_doc() {
    let doc = doc();
    let templates = repo().join("themes/default/templates");
    let missing: Vec<String> = walkdir::WalkDir::new(&templates)
        .into_iter()
        .map(|entry| entry.expect("the default theme can be read"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry
                .path()
                .strip_prefix(&templates)
                .unwrap_or(entry.path());
            name.to_string_lossy().replace('\\', "/")
        })
        .filter(|name| !documents(&doc, name))
        .map(|name| {
            format!(
                "  `{name}`: add it to the table of templates, with what it renders and its blocks"
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{DOC} does not list these templates of themes/default/templates/:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_name_url_takes_is_in_the_doc() {
    let doc = doc();
    let missing: Vec<String> = all_names()
        .into_iter()
        .map(|name| name.split(' ').next().unwrap_or(name))
        .filter(|name| !doc.contains(&format!("url(name=\"{name}\"")))
        .map(|name| format!("  url(name=\"{name}\"): add a row for it to the table of `url()`"))
        .collect();
    assert!(
        missing.is_empty(),
        "{DOC} does not show these names of `url()`:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_variable_templates_receive_is_in_the_doc() {
    let mut received: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for example in ["", "examples/primary", "examples/plans"] {
        for (template, context) in contexts(&repo().join(example)) {
            let mut paths = BTreeSet::new();
            walk("", &context, &mut paths);
            for path in paths {
                received.entry(path).or_default().insert(template.clone());
            }
        }
    }
    let doc = doc();
    let missing: Vec<String> = received
        .iter()
        .filter(|(path, _)| !documents(&doc, path))
        .map(|(path, templates)| {
            let templates: Vec<&str> = templates.iter().map(String::as_str).collect();
            format!("  `{path}` (given to {})", templates.join(", "))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{DOC} does not document these variables, which templates receive; add a row for each, \
         in the table of the variable it belongs to, named in full as below:\n{}",
        missing.join("\n")
    );
}

/// Every path in `value`, as a template writes it: `page.title`, `children`, and
/// `children[].title` for a field of each item of a list.
fn walk(path: &str, value: &Value, paths: &mut BTreeSet<String>) {
    if !path.is_empty() {
        paths.insert(path.to_string());
    }
    match value {
        Value::Object(fields) if !FREE_FORM.contains(&path) => {
            for (name, field) in fields {
                let inner = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                walk(&inner, field, paths);
            }
        }
        Value::Array(items) => {
            for item in items.iter().filter(|item| item.is_object()) {
                walk_fields(&format!("{path}[]"), item, paths);
            }
        }
        _ => {}
    }
}

/// The fields of one item of a list at `path` (`children[]`), not the item itself.
fn walk_fields(path: &str, item: &Value, paths: &mut BTreeSet<String>) {
    if let Value::Object(fields) = item {
        for (name, field) in fields {
            walk(&format!("{path}.{name}"), field, paths);
        }
    }
}

/// What each template is given when the site at `root` is built, its compliance checklist
/// included: every output's template, and its whole context as JSON.
fn contexts(root: &Path) -> Vec<(String, Value)> {
    let site = crate::load::load(root).expect("the example loads").site;
    let theme = crate::theme::load(root, &site.config.theme).expect("the theme loads");
    let today = jiff::civil::date(2026, 11, 23);
    let mut prepared = super::prepare(&site, &theme, today).expect("the example prepares");
    prepared.tera = writing_out_contexts(&theme, &mut prepared.tera);
    let mut outputs = prepared.render_in_memory(&site, &theme);
    let finding = Diagnostic::warning("a sample finding")
        .in_file(Path::new("content/site.yaml"))
        .with_help("a sample help");
    let checklist = prepared.compliance_page(&site, &theme, &[finding]);
    outputs.extend(checklist);
    outputs
        .into_iter()
        .filter_map(|file| match file.contents {
            Contents::Bytes(bytes) => serde_json::from_slice::<Value>(&bytes).ok(),
            Contents::Copy(_) => None,
        })
        .filter_map(|written| {
            let template = written.get("template")?.as_str()?.to_string();
            Some((template, written.get("context")?.clone()))
        })
        .collect()
}

/// A Tera like `compiled`, with the same global context, in which every template of `theme`
/// writes out its name and its whole context as JSON.
fn writing_out_contexts(theme: &crate::theme::Theme, compiled: &mut Tera) -> Tera {
    let mut tera = Tera::new();
    tera.register_function(
        "write_out",
        |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let template = kwargs.must_get::<&str>("template")?;
            let context = kwargs.must_get::<tera::Value>("context")?;
            let context = serde_json::to_value(&context).map_err(tera::Error::message)?;
            Ok(serde_json::json!({ "template": template, "context": context }).to_string())
        },
    );
    let templates: Vec<(String, String)> = theme
        .templates
        .iter()
        .map(|t| {
            let body = format!(
                "{{{{ write_out(template=\"{}\", context=__tera_context) | safe }}}}",
                t.name
            );
            (t.name.clone(), body)
        })
        .collect();
    tera.add_raw_templates(templates)
        .expect("the writing-out templates compile");
    *tera.global_context() = compiled.global_context().clone();
    tera
}
