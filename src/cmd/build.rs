//! `careersite build`: the site, written to the output folder, in one line of report.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::pipeline::{self, BuildOptions};

pub fn run(root: PathBuf, output: Option<PathBuf>, force: bool, quiet: bool) -> ExitCode {
    let output = output.unwrap_or_else(|| pipeline::default_output(&root));
    let options = BuildOptions {
        root,
        output,
        force,
        today: pipeline::today(),
    };
    match pipeline::build(&options) {
        Ok(report) => {
            if !quiet {
                super::report(&report.warnings);
                let w = &report.write;
                println!(
                    "Built {} pages ({} files: {} written, {} unchanged, {} removed) into {} in {} ms{}",
                    report.pages,
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
        Err(diagnostics) => super::failed(&diagnostics),
    }
}
