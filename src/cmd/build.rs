//! `careersite build`: the site, written to the output folder, in one line of report.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::pipeline::{self, BuildOptions};

/// Set by Ctrl+C. The writer checks it between files; the previous site stays as it was.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

pub fn run(
    root: PathBuf,
    output: Option<PathBuf>,
    force: bool,
    host_files: bool,
    quiet: bool,
) -> ExitCode {
    // Without a handler, Ctrl+C would end the process at once. Were the handler impossible to
    // set, Ctrl+C would still leave the previous site whole, just with a staging folder in it.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::Relaxed));
    let output = output.unwrap_or_else(|| pipeline::default_output(&root));
    let options = BuildOptions {
        root,
        output,
        force,
        host_files,
        today: pipeline::today(),
        interrupted: &INTERRUPTED,
    };
    match pipeline::build(&options) {
        Ok(report) => {
            if !quiet {
                super::report(&report.warnings);
                let w = &report.write;
                println!(
                    "Built {} pages ({}{}{} files: {} written, {} unchanged, {} removed) into {} in {} ms{}",
                    report.pages,
                    match report.kept {
                        0 => String::new(),
                        n => format!("{n} kept from the last build; "),
                    },
                    match report.pictures_drawn {
                        0 => String::new(),
                        1 => "1 picture drawn afresh; ".to_string(),
                        n => format!("{n} pictures drawn afresh; "),
                    },
                    report.files,
                    w.written,
                    w.unchanged,
                    w.removed,
                    options.output.display(),
                    report.elapsed.as_millis(),
                    match report.warnings.len() {
                        0 => String::new(),
                        1 => ", with 1 warning".to_string(),
                        n => format!(", with {n} warnings"),
                    }
                );
            }
            ExitCode::SUCCESS
        }
        Err(failure) if failure.output_changed => {
            super::report(&failure.problems);
            eprintln!(
                "careersite stopped part-way through changing {}; build again to finish.",
                options.output.display()
            );
            ExitCode::FAILURE
        }
        Err(_) if INTERRUPTED.load(Ordering::Relaxed) => {
            eprintln!("careersite stopped: interrupted; the previous site was left as it was.");
            ExitCode::from(130)
        }
        Err(failure) => super::failed(&failure.problems),
    }
}
