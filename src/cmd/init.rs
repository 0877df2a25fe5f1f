//! `careersite init DIR`: a new school site, started from the bundled example school.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use include_dir::{Dir, include_dir};

use crate::diagnostic::Diagnostic;
use crate::load::CONTENT_DIR;

static EXAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

pub fn run(folder: PathBuf, quiet: bool) -> ExitCode {
    match scaffold(&folder) {
        Ok(count) => {
            if !quiet {
                println!(
                    "Created {count} files in {}. Next:\n  1. edit {} (start with site.yaml)\n  2. run `careersite build --root {}` and open {}",
                    folder.join(CONTENT_DIR).display(),
                    folder.join(CONTENT_DIR).display(),
                    folder.display(),
                    folder.join("site").join("index.html").display(),
                );
            }
            ExitCode::SUCCESS
        }
        Err(diagnostic) => super::failed(&[diagnostic]),
    }
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
