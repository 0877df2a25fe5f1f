//! Pictures once drawn are kept in the user's cache folder (beside `serve`'s previews), each
//! under the hash of the file it was drawn from, so `build`, `check` and `serve` draw a
//! picture once, whichever runs first, and never again until its file changes. A cached file
//! is written beside its name and then renamed, so a build stopped part-way, or two running at
//! once, never leave half a picture there. Deleting the folder is always safe: it costs only
//! the time to draw the pictures again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Image, encode};
use crate::diagnostic::Diagnostic;
use crate::output::Contents;

/// One width of a drawn picture.
pub struct Version {
    pub width: u32,
    pub contents: Contents,
    /// In bytes.
    pub size: u64,
}

/// A picture at each of its widths, narrowest first.
pub struct Drawn {
    pub versions: Vec<Version>,
    /// Whether it was drawn now, rather than found in the cache.
    pub drawn_now: bool,
}

pub struct Cache {
    /// `None` when there is no cache folder to be had: every picture is then drawn each time.
    folder: Option<PathBuf>,
}

impl Cache {
    /// The cache in the user's cache folder.
    pub fn open() -> Cache {
        Cache {
            folder: crate::files::cache_folder().map(|folder| folder.join("images")),
        }
    }

    /// `image` at each of its widths: from the cache, or drawn now and cached.
    pub fn drawn(&self, image: &Image, shown: &Path) -> Result<Drawn, Diagnostic> {
        let widths = image.widths();
        let entry = self
            .folder
            .as_ref()
            .map(|folder| folder.join(format!("{:032x}", image.hash)));
        let cached: Option<Vec<Version>> = entry.as_ref().and_then(|entry| {
            widths
                .iter()
                .map(|&width| {
                    let path = entry.join(file_name(image, width));
                    let size = std::fs::metadata(&path).ok().filter(|m| m.is_file())?.len();
                    Some(Version {
                        width,
                        contents: Contents::Copy(path),
                        size,
                    })
                })
                .collect()
        });
        if let Some(versions) = cached {
            return Ok(Drawn {
                versions,
                drawn_now: false,
            });
        }
        let bytes =
            std::fs::read(&image.source).map_err(|err| Diagnostic::io("read", shown, &err))?;
        if Image::from_bytes(&bytes, &image.source, &image.content_path)
            .is_ok_and(|now| now.hash != image.hash)
        {
            return Err(
                Diagnostic::error("this picture changed while the site was being built")
                    .in_file(shown)
                    .with_help("build again once it is saved"),
            );
        }
        let drawn = encode::draw(image, &bytes, &widths).map_err(|err| {
            Diagnostic::error(format!("this picture cannot be drawn again: {err}"))
                .in_file(shown)
                .with_help("open it in a photo editor and save it again")
        })?;
        let versions = widths
            .iter()
            .zip(drawn)
            .map(|(&width, bytes)| Version {
                width,
                size: bytes.len() as u64,
                contents: match entry.as_ref().and_then(|e| keep(e, image, width, &bytes)) {
                    Some(path) => Contents::Copy(path),
                    None => Contents::Bytes(bytes),
                },
            })
            .collect();
        Ok(Drawn {
            versions,
            drawn_now: true,
        })
    }
}

fn file_name(image: &Image, width: u32) -> String {
    format!("{width}.{}", image.format.extension())
}

/// Puts `bytes` in the cache, returning where; `None` if the cache cannot be written, which
/// costs only drawing the picture again next time.
fn keep(entry: &Path, image: &Image, width: u32, bytes: &[u8]) -> Option<PathBuf> {
    static WRITTEN: AtomicU64 = AtomicU64::new(0);
    std::fs::create_dir_all(entry).ok()?;
    let path = entry.join(file_name(image, width));
    let partial = entry.join(format!(
        ".{}.{}-{}.partial",
        file_name(image, width),
        std::process::id(),
        WRITTEN.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, &path));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
        return None;
    }
    Some(path)
}
