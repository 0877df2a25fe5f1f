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
    if let Err(problem) = write_new_or_own(output, &text) {
        return super::import::stopped(&[problem]);
    }
    if !quiet {
        println!(
            "Wrote {}. Edit it in Excel, save it as CSV, then run: careersite import {} {}",
            output.display(),
            match part {
                Part::Grid => "grid",
                Part::Plan => "plan",
            },
            output.display()
        );
    }
    ExitCode::SUCCESS
}

/// Writes `text` to `path`, which must be new or a file careersite exported before (its first
/// line is the same header): never a file of the careers leader's own.
fn write_new_or_own(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let header = text.lines().next().unwrap_or_default();
    match std::fs::read(path) {
        Ok(bytes) if !String::from_utf8_lossy(&bytes).starts_with(header) => {
            return Err(Diagnostic::error(format!(
                "{} is there already, and careersite did not write it",
                path.display()
            ))
            .with_help("give another name with --output, or move that file first"));
        }
        Ok(_) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => return Err(Diagnostic::io("read", path, &err)),
    }
    std::fs::write(path, text).map_err(|err| Diagnostic::io("write", path, &err))
}
