//! The manifest: the list, kept in the output folder, of every file the last build wrote,
//! with a hash of what each held. The list is what careersite may replace or delete. Beside the
//! output folder, where it is not published, a second list says when each file was written:
//! with both, the next build knows, without reading a file back, that it is still what
//! careersite wrote, so that only files whose bytes change are written again. The manifest
//! itself stays the same for the same site, as every published file does.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

pub const MANIFEST: &str = ".careersite-manifest";
const HEADER: &str = "# Files written by careersite. It deletes or replaces only the files listed here.\n\
    # Each line: a hash (XXH3, 128 bits) of the file's bytes, then its path.\n";
/// The name of the list of when each file was written, beside the output folder.
pub const STAMPS: &str = "stamps";
const STAMPS_HEADER: &str = "# When careersite wrote each file it lists in the output folder's manifest.\n\
    # Each line: the file's size:time (ns), the size:time of the file it was copied from or -, its path.\n";

/// A file's size and modification time, as the file system reports them: a file that still
/// has both is taken to be unchanged, as `make` and `rsync` take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    /// Nanoseconds since 1970.
    pub modified: i128,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let nanos = match modified.duration_since(UNIX_EPOCH) {
            Ok(after) => i128::try_from(after.as_nanos()).ok()?,
            Err(before) => -i128::try_from(before.duration().as_nanos()).ok()?,
        };
        Some(Stamp {
            size: meta.len(),
            modified: nanos,
        })
    }

    /// The stamp of the regular file at `path`; `None` for anything else, or nothing.
    pub fn read(path: &Path) -> Option<Stamp> {
        std::fs::symlink_metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|meta| Stamp::of(&meta))
    }

    fn parse(text: &str) -> Option<Stamp> {
        let (size, modified) = text.split_once(':')?;
        Some(Stamp {
            size: size.parse().ok()?,
            modified: modified.parse().ok()?,
        })
    }
}

impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.size, self.modified)
    }
}

/// What careersite wrote at one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// XXH3, 128 bits, of the bytes.
    pub hash: u128,
    /// The output file, as written.
    pub file: Stamp,
    /// The school's file it was copied from, as it was when copied.
    pub copied_from: Option<Stamp>,
}

/// The files the last build wrote. A path known only from the manifest (written by an older
/// careersite, or with its list of times lost) maps to `None`: it is careersite's, but will be
/// written again.
pub type Listed = BTreeMap<String, Option<Written>>;

pub fn parse(manifest: &str, stamps: &str) -> Listed {
    let mut stamps: BTreeMap<&str, (Stamp, Option<Stamp>)> =
        lines(stamps).filter_map(parse_stamps).collect();
    lines(manifest)
        .map(|line| match line.split_once(' ') {
            Some((hash, path)) if hash.len() == 32 => (path, u128::from_str_radix(hash, 16).ok()),
            _ => (line, None),
        })
        .filter(|(path, _)| super::is_plain_relative(path))
        .map(|(path, hash)| {
            let written = hash
                .zip(stamps.remove(path))
                .map(|(hash, (file, copied_from))| Written {
                    hash,
                    file,
                    copied_from,
                });
            (path.to_string(), written)
        })
        .collect()
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|line| !line.starts_with('#'))
}

fn parse_stamps(line: &str) -> Option<(&str, (Stamp, Option<Stamp>))> {
    let mut fields = line.splitn(3, ' ');
    let file = Stamp::parse(fields.next()?)?;
    let copied_from = match fields.next()? {
        "-" => None,
        stamp => Some(Stamp::parse(stamp)?),
    };
    Some((fields.next()?, (file, copied_from)))
}

/// The manifest, and the list of times, of `files`.
pub fn texts<'a>(files: impl Iterator<Item = (&'a str, Option<&'a Written>)>) -> (String, String) {
    let (mut manifest, mut stamps) = (HEADER.to_string(), STAMPS_HEADER.to_string());
    for (path, written) in files {
        let Some(w) = written else {
            manifest.push_str(path);
            manifest.push('\n');
            continue;
        };
        manifest.push_str(&format!("{:032x} {path}\n", w.hash));
        let copied_from = w.copied_from.map_or("-".to_string(), |s| s.to_string());
        stamps.push_str(&format!("{} {copied_from} {path}\n", w.file));
    }
    (manifest, stamps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_lists_say_reads_back_the_same() {
        let page = Written {
            hash: 0x0123_4567_89ab_cdef_0123_4567_89ab_cdef,
            file: Stamp {
                size: 120,
                modified: 1_795_435_200_123_456_789,
            },
            copied_from: None,
        };
        let copy = Written {
            copied_from: Some(Stamp {
                size: 120,
                modified: -5,
            }),
            ..page
        };
        let (manifest, stamps) = texts(
            [
                ("a page/index.html", Some(&page)),
                ("files/a b.pdf", Some(&copy)),
            ]
            .into_iter(),
        );
        assert!(!manifest.contains("1795435200"), "{manifest}");
        let read = parse(&manifest, &stamps);
        assert_eq!(read["a page/index.html"], Some(page));
        assert_eq!(read["files/a b.pdf"], Some(copy));
        assert_eq!(read.len(), 2);
    }

    #[test]
    fn a_file_listed_without_its_hash_or_its_time_is_known_only_as_careersites() {
        let manifest = "# Files written by careersite.\nindex.html\nnews/a b c/index.html\n../escape\n0123456789abcdef0123456789abcdef style.css\n";
        let read = parse(manifest, "");
        assert_eq!(read.len(), 3);
        assert_eq!(read["index.html"], None);
        assert_eq!(read["news/a b c/index.html"], None);
        assert_eq!(read["style.css"], None);
    }
}
