//! One module per subcommand. Each turns its arguments into a call on the pipeline and reports
//! the outcome to the terminal.

pub mod build;
pub mod check;
pub mod init;
pub mod serve;

use std::process::ExitCode;

use crate::diagnostic::{Diagnostic, Severity};

/// Most problems are shown in full; past this many of one severity, the rest are counted.
const SHOWN_PER_SEVERITY: usize = 50;

/// Prints diagnostics to standard error, errors first.
pub fn report(diagnostics: &[Diagnostic]) {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.file.cmp(&b.file)));
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        let of_kind: Vec<_> = sorted.iter().filter(|d| d.severity == severity).collect();
        for diagnostic in of_kind.iter().take(SHOWN_PER_SEVERITY) {
            eprintln!("{diagnostic}\n");
        }
        if of_kind.len() > SHOWN_PER_SEVERITY {
            eprintln!(
                "… and {} more like these\n",
                of_kind.len() - SHOWN_PER_SEVERITY
            );
        }
    }
}

/// Exit status for a command that could not do its job because of the user's input.
pub fn failed(diagnostics: &[Diagnostic]) -> ExitCode {
    report(diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    eprintln!(
        "careersite stopped: {errors} {} to fix; nothing in the output folder was changed.",
        if errors == 1 { "problem" } else { "problems" }
    );
    ExitCode::FAILURE
}
