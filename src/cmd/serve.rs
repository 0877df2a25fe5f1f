//! `careersite serve`: live preview. Not built yet; it has its own issue.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    eprintln!(
        "careersite serve is not built yet. For now, run `careersite build` and open site/index.html in a browser."
    );
    ExitCode::from(2)
}
