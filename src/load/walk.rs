//! Finding the files under `content/` and sorting them into pages, assets and data.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::files::relative_to;
use crate::site::Asset;

pub struct ContentFiles {
    /// Markdown files: the path relative to `content/` (with `/`), and the file on disk.
    pub pages: Vec<(String, PathBuf)>,
    pub assets: Vec<Asset>,
}

/// How many folders deep a page may be. Every page links to the top of the site and to each
/// folder above it, so pages 2,000 folders deep wrote 11 GB; no school's site needs more than a
/// handful.
const DEEPEST_FOLDER: usize = 20;

pub fn content_files(root: &Path, content: &Path) -> Result<ContentFiles, Diagnostics> {
    let mut files = ContentFiles {
        pages: Vec::new(),
        assets: Vec::new(),
    };
    let mut problems = Diagnostics::new();
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut walker = WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden_or_temporary(entry.file_name()));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(walk_error(root, &err));
                continue;
            }
        };
        if entry.depth() > DEEPEST_FOLDER && entry.file_type().is_dir() {
            problems.push(
                Diagnostic::error(format!(
                    "this folder is {} folders deep in content/, more than the {DEEPEST_FOLDER} a site may have",
                    entry.depth()
                ))
                .in_file(&relative_to(root, entry.path()))
                .with_help("move its pages into a folder nearer the top of content/"),
            );
            walker.skip_current_dir();
            continue;
        }
        if entry.path_is_symlink()
            && let Some(problem) = link_out_of_the_site(root, &real_root, entry.path())
        {
            problems.push(problem);
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(content_path) = content_relative(content, entry.path()) else {
            problems.push(
                Diagnostic::error("this file's name is not valid Unicode text")
                    .in_file(&relative_to(root, entry.path()))
                    .with_help("rename the file using ordinary letters, digits and hyphens"),
            );
            continue;
        };
        if crate::site::markdown_stem(&content_path).is_some() {
            files.pages.push((content_path, entry.into_path()));
        } else if !is_data_file(&content_path) {
            files.assets.push(Asset {
                source: entry.into_path(),
                content_path,
            });
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn content_relative(content: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(content).ok()?;
    let parts: Option<Vec<&str>> = relative.iter().map(|part| part.to_str()).collect();
    Some(parts?.join("/"))
}

/// YAML files directly in `content/` describe the site; they are read, not published.
fn is_data_file(content_path: &str) -> bool {
    !content_path.contains('/')
        && (content_path.ends_with(".yaml") || content_path.ends_with(".yml"))
}

/// Hidden files (`.git`, `.DS_Store`) and the temporary files editors leave beside the ones
/// they save (`page.md~`, `.page.md.swp`, `#page.md#`, vim's `4913`, JetBrains'
/// `page.md___jb_tmp___`) are never published, nor rebuilt for.
pub fn is_hidden_or_temporary(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name.ends_with("___")
}

/// A link under `content/` whose target is outside the site's folder, or in the system's own
/// `/proc`, `/sys` or `/dev`: publishing it could publish the build's environment (its
/// secrets), a password file or a private key.
pub fn link_out_of_the_site(root: &Path, real_root: &Path, link: &Path) -> Option<Diagnostic> {
    let shown = relative_to(root, link);
    let Ok(target) = std::fs::canonicalize(link) else {
        return Some(
            Diagnostic::error("this link points to something that is not there")
                .in_file(&shown)
                .with_help("remove the link, or point it at a file in the site's folder"),
        );
    };
    let system = ["/proc", "/sys", "/dev"]
        .iter()
        .any(|system| target.starts_with(system));
    // Hidden files are never published (`.env`, `.git/config`), even through a link.
    let hidden = target.strip_prefix(real_root).is_ok_and(|inside| {
        inside
            .components()
            .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
    });
    if hidden {
        return Some(
            Diagnostic::error(format!(
                "this link points to a hidden file or folder, {}, which is not published",
                relative_to(real_root, &target).display()
            ))
            .in_file(&shown)
            .with_help("copy what should be published into content/ instead of linking to it, or remove the link"),
        );
    }
    if system || !target.starts_with(real_root) {
        return Some(
            Diagnostic::error(format!(
                "this link points outside the site's folder, to {}, which is not published",
                target.display()
            ))
            .in_file(&shown)
            .with_help("copy the file into content/ instead of linking to it, or remove the link"),
        );
    }
    None
}

fn walk_error(root: &Path, err: &walkdir::Error) -> Diagnostic {
    let path = err.path().map(|p| relative_to(root, p)).unwrap_or_default();
    if err.loop_ancestor().is_some() {
        return Diagnostic::error("this folder link points back at a folder that contains it")
            .in_file(&path)
            .with_help("remove the link, or point it at another folder in the site's folder");
    }
    match err.io_error() {
        Some(io) => Diagnostic::io("read", &path, io),
        None => Diagnostic::error(err.to_string()).in_file(&path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn editor_leftovers_are_not_content() {
        for name in [
            ".DS_Store",
            "page.md~",
            ".page.md.swp",
            "#page.md#",
            "4913",
            "page.md___jb_tmp___",
        ] {
            assert!(is_hidden_or_temporary(OsStr::new(name)), "{name}");
        }
        assert!(!is_hidden_or_temporary(OsStr::new("careers-policy.pdf")));
    }

    #[test]
    fn only_top_level_yaml_is_data() {
        assert!(is_data_file("site.yaml"));
        assert!(!is_data_file("downloads/form.yaml"));
        assert!(!is_data_file("guide.pdf"));
    }
}
