//! The one pipeline every command runs: load → check → render → write.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostics, has_errors};
use crate::write::WriteReport;
use crate::{check, load, render, theme, write};

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// Build into a non-empty folder careersite did not create (still deleting nothing in it).
    pub force: bool,
}

pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub write: WriteReport,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let loaded = load::load(&options.root)?;
    let site = loaded.site;
    let mut warnings = loaded.warnings;

    let theme = theme::load(&site.root, &site.config.theme)?;
    let findings = check::check(&site, &theme);
    if has_errors(&findings) {
        return Err(findings);
    }
    warnings.extend(findings);

    let rendered = render::render(&site, &theme)?;
    warnings.extend(rendered.warnings);
    let write = write::write(&site.root, &options.output, &rendered.files, options.force)?;
    Ok(BuildReport {
        pages: rendered.pages,
        files: rendered.files.len(),
        write,
        elapsed: started.elapsed(),
        warnings,
    })
}

/// The output folder when none is given: `site/` beside `content/`.
pub fn default_output(root: &Path) -> PathBuf {
    root.join("site")
}
