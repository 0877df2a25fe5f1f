//! `careersite init FOLDER`: a new school site, started from the bundled example school.
//! `careersite init --theme`: the built-in theme copied out beside `content/`, for a school to
//! change. Neither ever overwrites a file.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use include_dir::{Dir, include_dir};

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, CONTENT_DIR};
use crate::theme::{self, THEMES_DIR};

static EXAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// `folder`: the new site's, if one is asked for; `root`: the site the theme goes into
/// without one; `theme`: whether to copy the built-in theme out.
pub fn run(folder: Option<PathBuf>, root: PathBuf, theme: bool, quiet: bool) -> ExitCode {
    match init(folder.as_deref(), &root, theme, quiet) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => super::failed(&problems),
    }
}

fn init(folder: Option<&Path>, root: &Path, theme: bool, quiet: bool) -> Result<(), Diagnostics> {
    // Settled, and checked for files in the way, before anything is written.
    let copy = match (folder, theme) {
        (_, false) => None,
        // A new site is the example school, whose theme is the default one.
        (Some(folder), true) => Some(ThemeCopy::plan(folder, &SiteConfig::default().theme)?),
        (None, true) => Some(ThemeCopy::for_site(root)?),
    };
    if let Some(folder) = folder {
        let count = scaffold(folder).map_err(|problem| vec![problem])?;
        if !quiet {
            println!(
                "Created {count} files in {}. Next:\n  1. edit {} (start with site.yaml)\n  2. run `careersite build --root {}` and open {}",
                folder.join(CONTENT_DIR).display(),
                folder.join(CONTENT_DIR).display(),
                folder.display(),
                folder.join("site").join("index.html").display(),
            );
        }
    }
    if let Some(copy) = copy {
        copy.write()?;
        if !quiet {
            println!("{}", copy.done());
        }
    }
    Ok(())
}

/// Writes the example into `folder/content/`, which must not exist yet: init never overwrites.
fn scaffold(folder: &Path) -> Result<usize, Diagnostic> {
    let content = folder.join(CONTENT_DIR);
    if content.exists() {
        return Err(Diagnostic::error(format!("{} already exists", content.display()))
            .with_help("careersite init never overwrites: choose a new folder, or build the site that is already there"));
    }
    let mut count = 0;
    write_dir(&EXAMPLE, &content, &mut count)?;
    let gitignore = folder.join(".gitignore");
    if !gitignore.exists() {
        // The lock and the build's notes stay beside the site between builds (see `write`).
        std::fs::write(&gitignore, "/site/\n/.site.careersite-*\n")
            .map_err(|err| Diagnostic::io("write", &gitignore, &err))?;
    }
    Ok(count)
}

fn write_dir(dir: &Dir<'_>, destination: &Path, count: &mut usize) -> Result<(), Diagnostic> {
    std::fs::create_dir_all(destination)
        .map_err(|err| Diagnostic::io("create", destination, &err))?;
    for file in dir.files() {
        let name = file.path().file_name().unwrap_or_default();
        let path = destination.join(name);
        std::fs::write(&path, file.contents())
            .map_err(|err| Diagnostic::io("write", &path, &err))?;
        *count += 1;
    }
    for sub in dir.dirs() {
        let name = sub.path().file_name().unwrap_or_default();
        write_dir(sub, &destination.join(name), count)?;
    }
    Ok(())
}

/// The built-in theme, to be copied into `themes/<name>/` of the site at `root`.
struct ThemeCopy {
    root: PathBuf,
    name: String,
    files: Vec<(String, Cow<'static, [u8]>)>,
}

impl ThemeCopy {
    /// Into the theme the site at `root` uses, as `theme:` in its site.yaml names it (or
    /// `default`), so that what the school changes shows in its next build.
    fn for_site(root: &Path) -> Result<Self, Diagnostics> {
        if !root.join(CONTENT_DIR).is_dir() {
            return Err(vec![
                Diagnostic::error(format!("there is no `{CONTENT_DIR}` folder in {}", root.display()))
                    .with_help("run careersite init --theme in the folder that holds `content/`, or pass --root FOLDER; for a new site with its own copy of the theme, run `careersite init FOLDER --theme`"),
            ]);
        }
        let name = load::site_config(root)?.theme;
        Self::plan(root, &name)
    }

    /// Refuses, naming the first, if any file of the copy is already there.
    fn plan(root: &Path, name: &str) -> Result<Self, Diagnostics> {
        if !theme::is_folder_name(name) {
            return Err(vec![theme::not_a_folder_name(name)]);
        }
        let copy = ThemeCopy {
            root: root.to_path_buf(),
            name: name.to_string(),
            files: theme::built_in_files(),
        };
        let in_the_way: Vec<PathBuf> = copy
            .files
            .iter()
            .map(|(path, _)| copy.folder().join(path))
            .filter(|path| path.symlink_metadata().is_ok())
            .collect();
        match in_the_way.first() {
            Some(first) => Err(vec![copy.refusal(first, in_the_way.len())]),
            None => Ok(copy),
        }
    }

    /// `themes/<name>/`.
    fn folder(&self) -> PathBuf {
        self.shown(&Path::new(THEMES_DIR).join(&self.name))
    }

    /// `path` in the site, as the careers leader would write it from where they ran careersite.
    fn shown(&self, path: &Path) -> PathBuf {
        if self.root == Path::new(".") {
            path.to_path_buf()
        } else {
            self.root.join(path)
        }
    }

    fn refusal(&self, first: &Path, in_the_way: usize) -> Diagnostic {
        let others = match in_the_way {
            1 => String::new(),
            n => format!(", and so do {} more of the theme's files", n - 1),
        };
        Diagnostic::error(format!("{} already exists{others}", first.display())).with_help(format!(
            "careersite init --theme never overwrites a file, and changed nothing: to copy the built-in theme afresh, first rename {} (your files in it are kept)",
            self.folder().display()
        ))
    }

    /// Writes every file, each only where nothing is, even if something appeared since
    /// [`Self::plan`] looked.
    fn write(&self) -> Result<(), Diagnostics> {
        for (path, contents) in &self.files {
            let destination = self.folder().join(path);
            let written = destination
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| {
                    std::fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(&destination)
                })
                .and_then(|mut file| file.write_all(contents));
            written.map_err(|err| vec![Diagnostic::io("write", &destination, &err)])?;
        }
        Ok(())
    }

    /// What was written, and how to use it.
    fn done(&self) -> String {
        let folder = self.folder();
        let build = if self.root == Path::new(".") {
            "careersite build".to_string()
        } else {
            format!("careersite build --root {}", self.root.display())
        };
        format!(
            "Copied the built-in theme into {folder}/ ({count} files).\n\
             This site's theme is `{name}` (`theme:` in content/site.yaml), so careersite builds it with these files from now on. Next:\n  \
             1. change a template in {folder}/templates/, or the style sheet in {folder}/static/\n  \
             2. run `{build}` and open {site}\n\
             Delete the files you do not change: careersite takes any file missing from {folder}/ from its own built-in theme, which new versions improve.\n\
             To change one part of a page, a template can extend the built-in one and replace only a block: start base.html with {{% extends \"default/base.html\" %}}.",
            folder = folder.display(),
            count = self.files.len(),
            name = self.name,
            site = self.shown(Path::new("site/index.html")).display(),
        )
    }
}
