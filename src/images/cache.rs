//! Pictures once drawn are kept in the user's cache folder (beside `serve`'s previews), each
//! under the hash of the file it was drawn from, so `build`, `check` and `serve` draw a
//! picture once, whichever runs first, and never again until its file changes. A cached file
//! is written beside its name and then renamed, so a build stopped part-way, or two running at
//! once, never leave half a picture there. Deleting the folder is always safe: it costs only
//! the time to draw the pictures again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use image::metadata::Orientation;

use super::{Format, Image, Taken};
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
        let drawn = image.draw(&bytes).map_err(|err| {
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

/// What reading each picture's header found, by its file's path, size and time: a picture
/// whose file still has them is not read again (as `make` and `rsync` judge a file
/// unchanged), so that a build with nothing changed reads none of the school's photos.
pub struct Remembered {
    folder: Option<PathBuf>,
}

/// A file's size and modification time, in nanoseconds since 1970.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(u64, i128);

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        let nanos = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => i128::try_from(after.as_nanos()).ok()?,
            Err(before) => -i128::try_from(before.duration().as_nanos()).ok()?,
        };
        Some(Stamp(meta.len(), nanos))
    }
}

impl Remembered {
    pub fn open() -> Remembered {
        Remembered {
            folder: crate::files::cache_folder().map(|folder| folder.join("images").join("read")),
        }
    }

    fn note(&self, source: &Path) -> Option<PathBuf> {
        let real = std::fs::canonicalize(source).ok()?;
        let key = xxhash_rust::xxh3::xxh3_128(real.as_os_str().as_encoded_bytes());
        Some(self.folder.as_ref()?.join(format!("{key:032x}")))
    }

    /// The picture at `source`, as it was read when its file last had `stamp`.
    pub fn recall(&self, source: &Path, content_path: &str, stamp: Stamp) -> Option<Image> {
        let text = std::fs::read_to_string(self.note(source)?).ok()?;
        let fields: Vec<&str> = text.split_whitespace().collect();
        let [
            size,
            modified,
            hash,
            format,
            width,
            height,
            orientation,
            by_camera,
            at_a_place,
        ] = fields[..]
        else {
            return None;
        };
        if Stamp(size.parse().ok()?, modified.parse().ok()?) != stamp {
            return None;
        }
        Some(Image {
            source: source.to_path_buf(),
            content_path: content_path.to_string(),
            format: Format::named(&format!(".{format}"))?,
            hash: u128::from_str_radix(hash, 16).ok()?,
            width: width.parse().ok()?,
            height: height.parse().ok()?,
            orientation: Orientation::from_exif(orientation.parse().ok()?)?,
            taken: Taken {
                by_camera: by_camera == "1",
                at_a_place: at_a_place == "1",
            },
        })
    }

    pub fn forget(&self, source: &Path) {
        if let Some(note) = self.note(source) {
            let _ = std::fs::remove_file(note);
        }
    }

    /// Notes what reading `image` found, its file having had `stamp`. Lost, it costs reading
    /// the picture again.
    pub fn remember(&self, image: &Image, stamp: Stamp) {
        let Some(note) = self.note(&image.source) else {
            return;
        };
        let text = format!(
            "{} {} {:032x} {} {} {} {} {} {}\n",
            stamp.0,
            stamp.1,
            image.hash,
            image.format.extension(),
            image.width,
            image.height,
            image.orientation.to_exif(),
            u8::from(image.taken.by_camera),
            u8::from(image.taken.at_a_place),
        );
        if let Some(folder) = note.parent() {
            let _ = std::fs::create_dir_all(folder);
            let _ = write_whole(&note, text.as_bytes());
        }
    }
}

fn file_name(image: &Image, width: u32) -> String {
    format!("{width}.{}", image.format.extension())
}

/// Puts `bytes` in the cache, returning where; `None` if the cache cannot be written, which
/// costs only drawing the picture again next time.
fn keep(entry: &Path, image: &Image, width: u32, bytes: &[u8]) -> Option<PathBuf> {
    std::fs::create_dir_all(entry).ok()?;
    let path = entry.join(file_name(image, width));
    write_whole(&path, bytes).ok()?;
    Some(path)
}

/// Writes `bytes` beside `path` and renames them onto it, so that no reader, in this process
/// or another, sees half of them.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static WRITTEN: AtomicU64 = AtomicU64::new(0);
    let mut partial = path.as_os_str().to_owned();
    partial.push(format!(
        ".{}-{}.partial",
        std::process::id(),
        WRITTEN.fetch_add(1, Ordering::Relaxed)
    ));
    let partial = PathBuf::from(partial);
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
