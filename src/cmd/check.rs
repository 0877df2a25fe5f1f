//! `careersite check`: the compliance report. Not built yet; it has its own issue.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    eprintln!(
        "careersite check is not built yet. `careersite build` already reports problems it finds in your content."
    );
    ExitCode::from(2)
}
