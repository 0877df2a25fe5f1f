//! The one pipeline every command runs: load → check → render → write. `check` stops short of
//! writing; `serve` writes into a preview folder of its own.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Diagnostics, has_errors};
use crate::output::OutputFile;
use crate::render::{Prepared, RenderCache, RenderReport};
use crate::site::Site;
use crate::theme::Theme;
use crate::write::{self, Failure, WriteReport, Writer};
use crate::{check, load, render, theme};

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// Build into a non-empty folder careersite did not create (still deleting nothing in it).
    pub force: bool,
    /// Whether to write the host files (`_headers`, `.htaccess`) a site with `url:` gets,
    /// unless its site.yaml says `host_files: false`.
    pub host_files: bool,
    /// The day the site is built for: it decides which events are upcoming.
    pub today: jiff::civil::Date,
    /// Set by Ctrl+C: the build stops and leaves the previous site as it was.
    pub interrupted: &'static AtomicBool,
}

pub struct BuildReport {
    pub pages: usize,
    /// Pages whose inputs had not changed, kept as the last build wrote them.
    pub kept: usize,
    /// Pictures drawn afresh, rather than found already drawn.
    pub pictures_drawn: usize,
    pub files: usize,
    pub write: WriteReport,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, Failure> {
    let started = Instant::now();
    // Taken first, so that a second build is turned away before it does any work.
    let lock = write::lock(&options.root, &options.output).map_err(|d| vec![d])?;
    let mut checked = check_site(&options.root)?;
    checked.site.config.host_files &= options.host_files;
    let (site, theme) = (&checked.site, &checked.theme);
    let writer = Writer::open(
        &lock,
        &options.root,
        &options.output,
        options.force,
        options.interrupted,
    )
    .map_err(|d| vec![d])?;
    let previous = writer.previous_render_cache();
    let previous = previous.as_deref().and_then(RenderCache::read);
    let prepared = render::prepare_after(site, theme, options.today, previous.as_ref())?;
    let report = if site.config.compliance_page {
        // The checklist reads every page, so none is kept unrendered.
        let stage = |file| writer.stage(file);
        render_checking(&checked, &prepared, options.today, true, stage)?.report
    } else {
        prepared.render_each(site, theme, &writer)?
    };
    let write = writer.commit(report.cache.as_ref().map(RenderCache::text).as_deref())?;
    let mut warnings = checked.warnings;
    warnings.extend(report.warnings);
    // What `check` reports as errors, `build` reports as warnings: the site still builds.
    warnings.extend(
        check::compliance(site, options.today)
            .into_iter()
            .map(|mut finding| {
                finding.severity = crate::diagnostic::Severity::Warning;
                finding
            }),
    );
    Ok(BuildReport {
        pages: report.pages,
        kept: report.kept,
        pictures_drawn: report.pictures_drawn,
        files: write.written + write.unchanged,
        write,
        elapsed: started.elapsed(),
        warnings,
    })
}

/// What rendering a site and checking its pages found.
pub struct CheckedRender {
    /// What rendering warned of, as `build` reports it.
    pub report: RenderReport,
    /// Everything `careersite check` reports.
    pub findings: Diagnostics,
}

/// Renders every file of the site into `emit`, checking each page on its way there, and
/// reports everything `careersite check` finds. With `checklist`, the last file is the
/// compliance checklist: those findings, as a page.
pub fn render_checking(
    checked: &Checked,
    prepared: &Prepared,
    today: jiff::civil::Date,
    checklist: bool,
    emit: impl Fn(OutputFile) -> Result<(), Diagnostic> + Sync,
) -> Result<CheckedRender, Diagnostics> {
    let (site, theme) = (&checked.site, &checked.theme);
    let published = check::Published::new(site, prepared.output_paths(site, theme));
    let report = prepared.render_each(site, theme, &|file: OutputFile| {
        published.file(&file);
        emit(file)
    })?;
    let findings = check::report(
        site,
        &checked.warnings,
        &report.warnings,
        published.finish(),
        today,
    );
    if checklist {
        let page = prepared
            .compliance_page(site, theme, &findings)
            .and_then(&emit)
            .map_err(|d| vec![d]);
        page?;
    }
    Ok(CheckedRender { report, findings })
}

/// A site that has been loaded and checked, with its theme, ready to render.
pub struct Checked {
    pub site: Site,
    pub theme: Theme,
    pub warnings: Diagnostics,
}

/// The first two stages: load, then check.
pub fn check_site(root: &Path) -> Result<Checked, Diagnostics> {
    let loaded = load::load(root)?;
    let site = loaded.site;
    let mut warnings = loaded.warnings;
    let theme = theme::load(&site.root, &site.config.theme)?;
    let findings = check::before_render(&site, &theme);
    if has_errors(&findings) {
        return Err(findings);
    }
    warnings.extend(findings);
    Ok(Checked {
        site,
        theme,
        warnings,
    })
}

/// Today in the UK, or the day given by `SOURCE_DATE_EPOCH` (seconds since 1970), the
/// reproducible-builds convention for building the same bytes on any day.
pub fn today() -> jiff::civil::Date {
    let uk = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    now.to_zoned(uk).date()
}

/// The output folder when none is given: `site/` beside `content/`.
pub fn default_output(root: &Path) -> PathBuf {
    root.join("site")
}
