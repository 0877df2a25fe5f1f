//! `careersite schema`: writes the JSON Schemas for the data files and front matter into
//! `content/.schemas/`, where an editor finds them through the line at the top of each data
//! file, and says which data files do not name theirs yet.

use std::path::Path;
use std::process::ExitCode;

use crate::diagnostic::Diagnostic;
use crate::load::CONTENT_DIR;
use crate::schema::{self, FileSchema};

pub fn run(root: &Path, quiet: bool) -> ExitCode {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return super::failed(&[Diagnostic::error(format!(
            "there is no {} folder here",
            content.display()
        ))
        .with_help(
            "run careersite schema in the folder that holds content/, or give it with --root",
        )]);
    }
    let files = schema::all();
    if let Err(problem) = schema::write(&content, &files) {
        return super::failed(&[problem]);
    }
    if !quiet {
        println!(
            "Wrote the schemas for site.yaml, the careers data files and front matter to {}.",
            content.join(schema::FOLDER).display()
        );
        // Each data file the school has that does not name its schema yet.
        let unnamed: Vec<(&str, &FileSchema)> = files
            .iter()
            .filter_map(|file| file.data_file.map(|name| (name, file)))
            .filter(|(name, _)| !names_schema(&content, name))
            .collect();
        if !unnamed.is_empty() {
            println!(
                "So that your editor checks a file as you type, put its line at the very top of it (docs/editors.md):"
            );
            for (name, file) in unnamed {
                println!(
                    "  {}:\n    {}",
                    Path::new(CONTENT_DIR).join(name).display(),
                    file.first_line()
                );
            }
        }
    }
    ExitCode::SUCCESS
}

/// Whether the data file `name` is there and already names a schema on its first lines.
fn names_schema(content: &Path, name: &str) -> bool {
    match std::fs::read_to_string(content.join(name)) {
        Ok(text) => schema::named_in(&text),
        // A file the school does not have needs no line.
        Err(_) => true,
    }
}
