//! Compiling the theme's Tera templates once, and rendering a page through them.

use std::path::PathBuf;

use serde::Serialize;
use tera::{Context, Tera};

use super::plan::Target;
use super::views::UrlsView;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::OutputFile;
use crate::site::Site;
use crate::theme::{BUILT_IN_PREFIX, Theme, ThemeFile};

pub fn compile(theme: &Theme, site: &Site) -> Result<Tera, Diagnostics> {
    let mut tera = Tera::new();
    super::url_function::register(&mut tera, site);
    let mut problems = Diagnostics::new();
    let mut sources = Vec::with_capacity(theme.templates.len());
    for file in &theme.templates {
        match std::str::from_utf8(&file.contents) {
            Ok(text) => sources.push((file.name.as_str(), text)),
            Err(_) => problems.push(
                Diagnostic::error("this template is not UTF-8 text").in_file(&file.shown_path()),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    tera.add_raw_templates(sources).map_err(|err| {
        vec![explain(theme, &err).with_help(
            "fix the template, or delete it from your theme to use the built-in one; to change part of a built-in template, yours can start {% extends \"default/base.html\" %} (with the template's name) and replace only its blocks",
        )]
    })?;
    // Unlike `site`, these are the same for every school using the theme, so they go in with
    // the templates.
    tera.global_context().insert("urls", &UrlsView::new(theme));
    Ok(tera)
}

pub fn render<C: Serialize>(
    tera: &Tera,
    theme: &Theme,
    template: &str,
    context: &C,
    site: &Site,
    target: &Target,
) -> Result<String, Diagnostic> {
    let page = target
        .page
        .map(|i| site.pages[i].source.display().to_string())
        .unwrap_or_else(|| format!("the generated page /{}", target.url_path));
    render_helped(tera, theme, template, context, || {
        format!(
            "this happened while rendering {page}; check the template, or the page's `template:` field"
        )
    })
}

/// Renders one of the files careersite makes from the whole site (`atom.xml`, `sitemap.xml`,
/// `robots.txt`) with the template of the same name, which a school's theme may replace.
pub fn render_file<C: Serialize>(
    tera: &Tera,
    theme: &Theme,
    path: &str,
    context: &C,
) -> Result<OutputFile, Diagnostic> {
    let text = render_helped(tera, theme, path, context, || {
        format!("this happened while rendering /{path}; check the template {path}")
    })?;
    Ok(OutputFile {
        path: path.to_string(),
        contents: super::clean_text::publishable(text),
    })
}

/// Renders `template`; `help` says, should it fail, what was being rendered and what to check.
fn render_helped<C: Serialize>(
    tera: &Tera,
    theme: &Theme,
    template: &str,
    context: &C,
    help: impl FnOnce() -> String,
) -> Result<String, Diagnostic> {
    let context = Context::from_serialize(context).map_err(|err| {
        Diagnostic::error(format!("internal error preparing `{template}`: {err}"))
    })?;
    tera.render(template, &context)
        .map_err(|err| explain(theme, &err).with_help(help()))
}

/// The names templates can be chosen by in a page's `template:` field: the HTML ones, since
/// `atom.xml`, `sitemap.xml` and `robots.txt` make files of their own, and not the built-in
/// ones under `default/`, there to be extended.
pub fn template_names(theme: &Theme) -> Vec<&str> {
    theme
        .templates
        .iter()
        .map(|t| t.name.as_str())
        .filter(|name| name.ends_with(".html") && !name.starts_with(BUILT_IN_PREFIX))
        .collect()
}

/// A Tera error, naming the template file the careers leader (or theme author) can open: the
/// one Tera points to (` --> base.html:3:5`), or else the one with the longest name the error
/// mentions, so that `default/base.html` is not taken for `base.html`.
fn explain(theme: &Theme, err: &tera::Error) -> Diagnostic {
    let report = full_message(err);
    let pointed_to = |t: &&ThemeFile| report.contains(&format!("--> {}:", t.name));
    let file = theme
        .templates
        .iter()
        .find(pointed_to)
        .or_else(|| {
            theme
                .templates
                .iter()
                .filter(|t| report.contains(t.name.as_str()))
                .max_by_key(|t| t.name.len())
        })
        .map_or_else(|| PathBuf::from("templates"), |t| t.shown_path());
    Diagnostic::error(format!("template problem: {report}")).in_file(&file)
}

fn full_message(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!("\n  {cause}"));
        source = cause.source();
    }
    message
}
