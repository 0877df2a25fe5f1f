//! `careersite check`: the full report of what the content is missing or gets wrong, from the
//! law's requirements to broken links, with an exit code for scripts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::{load, pipeline, render};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The version of the JSON report's shape; it changes only when the shape does.
const JSON_VERSION: u32 = 1;

pub fn run(root: PathBuf, format: Format, strict: bool) -> ExitCode {
    if !root.join(load::CONTENT_DIR).is_dir() {
        eprintln!(
            "careersite check could not run: there is no `content` folder in {}",
            root.display()
        );
        return ExitCode::from(2);
    }
    let mut findings = findings(&root);
    if strict {
        for finding in &mut findings {
            if finding.severity == Severity::Warning {
                finding.severity = Severity::Error;
            }
        }
    }
    findings.sort_by(|a, b| {
        (
            a.severity,
            &a.file,
            a.position.as_ref().map(|p| (p.line, p.column)),
        )
            .cmp(&(
                b.severity,
                &b.file,
                b.position.as_ref().map(|p| (p.line, p.column)),
            ))
    });
    let count = |severity| -> usize {
        findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| f.count)
            .sum()
    };
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    match format {
        Format::Text => {
            for finding in &findings {
                println!("{finding}\n");
            }
            println!(
                "careersite check: {errors} {}, {warnings} {}, {notes} {}",
                plural(errors, "error"),
                plural(warnings, "warning"),
                plural(notes, "note")
            );
        }
        Format::Json => println!("{}", json(&findings, errors, warnings, notes)),
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Everything `check` reports; a site that does not load reports why.
fn findings(root: &Path) -> Diagnostics {
    let today = pipeline::today();
    let checked = match pipeline::check_site(root) {
        Ok(checked) => checked,
        Err(problems) => return problems,
    };
    let checked_render =
        render::prepare(&checked.site, &checked.theme, today).and_then(|prepared| {
            pipeline::render_checking(&checked, &prepared, today, false, |_| Ok(()))
        });
    match checked_render {
        Ok(checked_render) => checked_render.findings,
        Err(problems) => problems,
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    summary: JsonSummary,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: Severity,
    code: Option<&'a str>,
    message: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<&'a str>,
}

fn json(findings: &[Diagnostic], errors: usize, warnings: usize, notes: usize) -> String {
    let report = JsonReport {
        version: JSON_VERSION,
        summary: JsonSummary {
            errors,
            warnings,
            notes,
        },
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                severity: f.severity,
                code: f.code.map(Code::as_str),
                message: &f.message,
                file: f
                    .file
                    .as_ref()
                    .map(|p| p.to_string_lossy().replace('\\', "/")),
                line: f.position.as_ref().map(|p| p.line),
                column: f.position.as_ref().map(|p| p.column),
                help: f.help.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"))
}
