//! `careersite export grid|plan`: the self-assessment grid or the action plan as a spreadsheet
//! to edit in Excel, brought back with `careersite import grid|plan`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::diagnostic::Diagnostic;
use crate::import;

/// What to export.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Part {
    /// The self-assessment grid: each benchmark's requirements and ratings, from benchmarks.yaml.
    Grid,
    /// The action plan: each benchmark's (or area's) provision, actions and success criteria,
    /// from action-plan.yaml.
    Plan,
}

/// The only format for now; named so that a command written today keeps working.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Comma-separated values, as Excel opens and saves them.
    Csv,
}

pub fn run(root: &Path, part: Part, output: Option<&Path>, quiet: bool) -> ExitCode {
    let exported = match part {
        Part::Grid => import::grid::export(root),
        Part::Plan => import::plan::export(root),
    };
    let text = match exported {
        Ok(text) => text,
        Err(problems) => return super::import::stopped(&problems),
    };
    let Some(output) = output else {
        return match std::io::stdout().write_all(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        };
    };
    if let Err(problem) = write_new_or_imported(root, part, output, &text) {
        return super::import::stopped(&[problem]);
    }
    if !quiet {
        println!(
            "Wrote {}. Edit it in Excel, save it as CSV, then run: careersite import {} {}",
            output.display(),
            part.word(),
            output.display()
        );
    }
    ExitCode::SUCCESS
}

/// Writes `text` to `path`, which must be new, or a spreadsheet whose every change is in the
/// data file already (importing it would change nothing): never a file of the careers
/// leader's own, nor one with edits not yet imported.
fn write_new_or_imported(
    root: &Path,
    part: Part,
    path: &Path,
    text: &str,
) -> Result<(), Diagnostic> {
    if path.exists() {
        let header = text
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or_default();
        let theirs = std::fs::read(path)
            .map(|bytes| {
                !String::from_utf8_lossy(&bytes)
                    .trim_start_matches('\u{feff}')
                    .starts_with(header)
            })
            .unwrap_or(true);
        if theirs {
            return Err(Diagnostic::error(format!(
                "{} is there already, and careersite did not write it",
                path.display()
            ))
            .with_help("give another name with --output, or move that file first"));
        }
        let imported = match part {
            Part::Grid => import::grid::import(root, path),
            Part::Plan => import::plan::import(root, path),
        };
        let nothing_new = imported.is_ok_and(|(data, imported)| imported.text == data.text);
        if !nothing_new {
            return Err(Diagnostic::error(format!(
                "{} has changes that are not in careersite's files yet, and exporting over it would lose them",
                path.display()
            ))
            .with_help(format!(
                "import it first (careersite import {} {}), or give another name with --output",
                part.word(),
                path.display()
            )));
        }
    }
    std::fs::write(path, text).map_err(|err| Diagnostic::io("write", path, &err))
}

impl Part {
    /// As the command names it.
    fn word(self) -> &'static str {
        match self {
            Part::Grid => "grid",
            Part::Plan => "plan",
        }
    }
}
