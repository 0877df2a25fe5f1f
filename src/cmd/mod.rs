//! One module per subcommand. Each turns its arguments into a call on the pipeline and reports
//! the outcome to the terminal.

pub mod build;
pub mod check;
pub mod init;
pub mod serve;

use std::process::ExitCode;

use crate::diagnostic::{Diagnostic, Severity};

/// Most problems are shown in full; past this many of one severity, the rest are counted. More
/// than one file shows at most (50 problems and a line counting the rest), so that a file's own
/// count is never the line cut.
const SHOWN_PER_SEVERITY: usize = 100;

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
            let more: usize = of_kind[SHOWN_PER_SEVERITY..].iter().map(|d| d.count).sum();
            eprintln!("… and {more} more like these\n");
        }
    }
}

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
