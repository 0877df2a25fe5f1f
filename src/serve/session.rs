//! What `serve` keeps between saves: the loaded site, its theme and the prepared render, so a
//! save that changes only the text of one page renders that page alone. Anything else, or
//! anything unsure, rebuilds the whole site, exactly as `build` would, into a preview folder
//! of careersite's own in the user's cache folder, from which the pages are served: the
//! rendered site is never all held in memory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use crate::diagnostic::Diagnostics;
use crate::load::{CONTENT_DIR, load_page};
use crate::output::{Contents, OutputFile};
use crate::pipeline::{self, Checked};
use crate::render::{self, Prepared};
use crate::site::Site;
use crate::theme::Theme;
use crate::write::{self, Writer};

use super::state::Served;

pub struct Session {
    site: Site,
    theme: Theme,
    prepared: Prepared,
}

/// What changed in the served site.
pub enum Update {
    /// Everything was built again.
    Site {
        files: HashMap<String, Served>,
        pages: usize,
        warnings: Diagnostics,
    },
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
    // Let go of the old site first: two at once would double what the preview holds.
    *session = None;
    let today = pipeline::today();
    let checked = pipeline::check_site(root)?;
    let prepared = render::prepare(&checked.site, &checked.theme, today)?;
    let preview = preview_folder(root);
    let lock = write::lock(root, &preview).map_err(|d| vec![d])?;
    // Nothing stops a preview part-way but a problem in the content.
    static NEVER: AtomicBool = AtomicBool::new(false);
    // The folder is careersite's own; should something else have put files there, they are
    // still neither replaced nor deleted.
    let writer = Writer::open(&lock, root, &preview, true, &NEVER).map_err(|d| vec![d])?;
    let files = Mutex::new(HashMap::new());
    // While previewing, the compliance checklist is always there for the careers leader.
    let checked_render = pipeline::render_checking(&checked, &prepared, today, true, |file| {
        let (path, served) = match &file.contents {
            Contents::Bytes(_) => {
                let entry = (file.path.clone(), Served::File(preview.join(&file.path)));
                writer.stage(file)?;
                entry
            }
            // The school's own files are served from where they are, as a static host would.
            Contents::Copy(source) => (file.path.clone(), Served::File(source.clone())),
        };
        files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path, served);
        Ok(())
    })?;
    writer.commit(None).map_err(|failure| failure.problems)?;
    let Checked {
        site,
        theme,
        mut warnings,
    } = checked;
    warnings.extend(checked_render.report.warnings);
    // The pages are on the disk; a save renders its own page's Markdown again anyway.
    let mut prepared = prepared;
    prepared.let_go_of_bodies();
    *session = Some(Session {
        site,
        theme,
        prepared,
    });
    Ok(Update::Site {
        files: files.into_inner().unwrap_or_else(|e| e.into_inner()),
        pages: checked_render.report.pages,
        warnings,
    })
}

/// Where `serve` builds the site of `root`: a folder of its own for each site, kept between
/// runs, so that a preview started again writes only what changed. It is in the user's own
/// cache folder, not the temporary folder every user shares, where another could put links.
fn preview_folder(root: &Path) -> PathBuf {
    let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let site = xxhash_rust::xxh3::xxh3_64(real.as_os_str().as_encoded_bytes());
    crate::files::cache_folder()
        .unwrap_or_else(|| std::env::temp_dir().join("careersite"))
        .join("preview")
        .join(format!("{site:016x}"))
        .join("site")
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
            && new.title_given == old.title_given
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
