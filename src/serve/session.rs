//! What `serve` keeps between saves: the loaded site, its theme and the prepared render, so a
//! save that changes only the text of one page renders that page alone. Anything else, or
//! anything unsure, rebuilds the whole site, exactly as `build` would.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;
use crate::load::{CONTENT_DIR, load_page};
use crate::output::OutputFile;
use crate::pipeline::{self, Checked};
use crate::render::{self, Prepared, Rendered};
use crate::site::Site;
use crate::theme::Theme;

pub struct Session {
    site: Site,
    theme: Theme,
    prepared: Prepared,
}

/// What changed in the served site.
pub enum Update {
    /// Everything was built again.
    Site(Rendered),
    /// One page was rendered again.
    Page {
        file: OutputFile,
        warnings: Diagnostics,
    },
}

/// Brings the session up to date with `changed` (paths relative to `root`).
pub fn update(
    session: &mut Option<Session>,
    root: &Path,
    changed: &[PathBuf],
) -> Result<Update, Diagnostics> {
    if let (Some(current), [one]) = (session.as_mut(), changed)
        && let Some(update) = current.one_page(root, one)
    {
        return update;
    }
    let today = pipeline::today();
    let checked = pipeline::check_site(root)?;
    let prepared = render::prepare(&checked.site, &checked.theme, today)?;
    let files = std::sync::Mutex::new(Vec::new());
    // While previewing, the compliance checklist is always there for the careers leader.
    let checked_render = pipeline::render_checking(&checked, &prepared, today, true, |file| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    })?;
    let Checked {
        site,
        theme,
        mut warnings,
    } = checked;
    warnings.extend(checked_render.report.warnings);
    let rendered = Rendered {
        files: files.into_inner().unwrap_or_else(|e| e.into_inner()),
        pages: checked_render.report.pages,
        warnings,
    };
    *session = Some(Session {
        site,
        theme,
        prepared,
    });
    Ok(Update::Site(rendered))
}

impl Session {
    /// Renders one page again if `path` is a page whose text alone changed; `None` when the
    /// whole site must be rebuilt.
    fn one_page(&mut self, root: &Path, path: &Path) -> Option<Result<Update, Diagnostics>> {
        if !path.starts_with(CONTENT_DIR) || crate::site::markdown_stem(path.to_str()?).is_none() {
            return None;
        }
        // A page replaced by a link is for the full build to judge: it may lead out of the site.
        if std::fs::symlink_metadata(root.join(path)).is_ok_and(|m| m.file_type().is_symlink()) {
            return None;
        }
        let index = self.site.pages.iter().position(|p| p.source == path)?;
        let old = &self.site.pages[index];
        let (new, warnings) = match load_page(root, &root.join(path), &old.content_path) {
            Ok((Some(new), warnings)) => (new, warnings),
            // A draft now, or unreadable: let the full build decide and explain.
            Ok((None, _)) | Err(_) => return None,
        };
        let same_place = new.url_path == old.url_path
            && new.kind == old.kind
            && new.title == old.title
            && new.front == old.front;
        if !same_place {
            return None;
        }
        let previous = std::mem::replace(&mut self.site.pages[index], new);
        match self.prepared.rerender_page(&self.site, &self.theme, index) {
            Some(Ok((file, mut page_warnings))) => {
                page_warnings.extend(warnings);
                Some(Ok(Update::Page {
                    file,
                    warnings: page_warnings,
                }))
            }
            Some(Err(problem)) => {
                self.site.pages[index] = previous;
                Some(Err(vec![problem]))
            }
            None => None,
        }
    }
}
