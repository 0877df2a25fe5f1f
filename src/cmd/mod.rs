//! One module per subcommand. Each turns its arguments into a call on the pipeline and reports
//! the outcome to the terminal.

pub mod build;
pub mod check;
pub mod export;
pub mod import;
pub mod init;
pub mod schema;
pub mod serve;

use std::process::ExitCode;

use crate::diagnostic::Diagnostic;

pub use crate::diagnostic::report;

/// Exit status for a command that could not do its job because of the user's input.
pub fn failed(diagnostics: &[Diagnostic]) -> ExitCode {
    report(diagnostics);
    let errors: usize = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.count)
        .sum();
    eprintln!(
        "careersite stopped: {errors} {} to fix; nothing in the output folder was changed.",
        if errors == 1 { "problem" } else { "problems" }
    );
    ExitCode::FAILURE
}
