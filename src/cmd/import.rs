//! `careersite import`: brings figures and dates in from where the school keeps them, into one
//! part of one data file, and says what it added, changed and left alone.

use std::path::Path;
use std::process::ExitCode;

use crate::diagnostic::{Diagnostic, has_errors};
use crate::import::{self, DataFile, Imported};

/// `careersite import destinations FILE.csv [--urn URN]`.
pub fn destinations(
    root: &Path,
    file: &Path,
    urn: Option<&str>,
    dry_run: bool,
    quiet: bool,
) -> ExitCode {
    let outcome = import::destinations::import(root, file, urn);
    finish(outcome, dry_run, quiet)
}

/// `careersite import events FILE.ics`.
pub fn events(root: &Path, file: &Path, dry_run: bool, quiet: bool) -> ExitCode {
    let mapping = match crate::load::site_config(root) {
        Ok(config) => config.calendar,
        Err(problems) => return stopped(&problems),
    };
    let today = crate::pipeline::today();
    let outcome = import::events::import(root, file, today, &mapping);
    finish(outcome, dry_run, quiet)
}

/// `careersite import grid FILE.csv`.
pub fn grid(root: &Path, file: &Path, dry_run: bool, quiet: bool) -> ExitCode {
    finish(import::grid::import(root, file), dry_run, quiet)
}

/// `careersite import plan FILE.csv`.
pub fn plan(root: &Path, file: &Path, dry_run: bool, quiet: bool) -> ExitCode {
    finish(import::plan::import(root, file), dry_run, quiet)
}

/// Reports an import's outcome, and writes the file unless told not to or nothing changed.
fn finish(
    outcome: Result<(DataFile, Imported), Vec<Diagnostic>>,
    dry_run: bool,
    quiet: bool,
) -> ExitCode {
    let (data, imported) = match outcome {
        Ok(done) => done,
        Err(problems) => return stopped(&problems),
    };
    if !quiet {
        for line in imported.summary.lines() {
            println!("{line}");
        }
    }
    let file = data.shown.display();
    if imported.text == data.text {
        if !quiet {
            println!("{file} is up to date: nothing was written.");
        }
        return ExitCode::SUCCESS;
    }
    if dry_run {
        if !quiet {
            println!(
                "Nothing was written (--dry-run): run the import again without --dry-run to change {file}."
            );
        }
        return ExitCode::SUCCESS;
    }
    match data.write(&imported.text) {
        Ok(()) => {
            if !quiet {
                println!("Wrote {file}. Everything else in it is as it was.");
            }
            ExitCode::SUCCESS
        }
        Err(problem) => stopped(&[problem]),
    }
}

pub(super) fn stopped(problems: &[Diagnostic]) -> ExitCode {
    super::report(problems);
    if has_errors(problems) {
        eprintln!("careersite stopped, and changed no file.");
    }
    ExitCode::FAILURE
}
