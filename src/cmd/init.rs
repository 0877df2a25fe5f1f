//! `careersite init FOLDER`: a new school site, started from the bundled example school of its
//! phase (`--phase`), under its own name (`--name`). `careersite init --theme`: the built-in
//! theme copied out beside `content/`, for a school to change. Neither ever overwrites a file.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use include_dir::{Dir, include_dir};

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, CONFIG_FILE, CONTENT_DIR, PROGRAMME_FILE};
use crate::model::Phase;
use crate::schema::{self, FileSchema};
use crate::theme::{self, THEMES_DIR};
use crate::yaml;

/// The example schools a new site starts from: a secondary school (the bundled example that
/// `build` in this repository makes), a primary school and a college.
static SECONDARY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
static PRIMARY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples/primary/content");
static COLLEGE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples/college/content");

/// What a new site starts as: the example of `phase`, named `name` where given.
pub struct Start {
    pub phase: Phase,
    pub name: Option<String>,
}

/// `folder`: the new site's, if one is asked for; `root`: the site the theme goes into
/// without one; `theme`: whether to copy the built-in theme out.
pub fn run(
    folder: Option<PathBuf>,
    root: PathBuf,
    start: Start,
    theme: bool,
    quiet: bool,
) -> ExitCode {
    match init(folder.as_deref(), &root, &start, theme, quiet) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => super::failed(&problems),
    }
}

fn init(
    folder: Option<&Path>,
    root: &Path,
    start: &Start,
    theme: bool,
    quiet: bool,
) -> Result<(), Diagnostics> {
    // Settled, and checked for files in the way, before anything is written.
    let example = folder
        .map(|_| Example::of(start))
        .transpose()
        .map_err(|problem| vec![problem])?;
    let copy = match (folder, theme) {
        (_, false) => None,
        // A new site is an example school, whose theme is the default one.
        (Some(folder), true) => Some(ThemeCopy::plan(folder, &SiteConfig::default().theme)?),
        (None, true) => Some(ThemeCopy::for_site(root)?),
    };
    if let (Some(folder), Some(example)) = (folder, example) {
        let count = scaffold(folder, &example).map_err(|problem| vec![problem])?;
        if !quiet {
            println!(
                "Created {count} files in {}, from the example {}, with the schemas that let an editor such as VS Code check the data files as you type (docs/editors.md). Next:\n  1. edit {} (start with site.yaml; the pages describe the example school)\n  2. run `careersite build --root {}` and open {}",
                folder.join(CONTENT_DIR).display(),
                example.described,
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
fn scaffold(folder: &Path, example: &Example) -> Result<usize, Diagnostic> {
    let content = folder.join(CONTENT_DIR);
    if content.exists() {
        return Err(Diagnostic::error(format!("{} already exists", content.display()))
            .with_help("careersite init never overwrites: choose a new folder, or build the site that is already there"));
    }
    for (path, contents) in &example.files {
        let path = content.join(path);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .map_err(|err| Diagnostic::io("create", &path, &err))?;
        std::fs::write(&path, contents.bytes())
            .map_err(|err| Diagnostic::io("write", &path, &err))?;
    }
    schema::write(&content, &example.schemas)?;
    let gitignore = folder.join(".gitignore");
    if !gitignore.exists() {
        // The lock and the build's notes stay beside the site between builds (see `write`).
        std::fs::write(&gitignore, "/site/\n/.site.careersite-*\n")
            .map_err(|err| Diagnostic::io("write", &gitignore, &err))?;
    }
    Ok(example.files.len())
}

/// A new site's `content/`: each file's path in it, with what it holds.
struct Example {
    files: Vec<(PathBuf, Contents)>,
    /// "secondary school", for saying what the site was started from.
    described: &'static str,
    /// The schemas the data files name, written beside them in `content/.schemas/`.
    schemas: Vec<FileSchema>,
}

enum Contents {
    /// Markdown and YAML, which init may adjust.
    Text(String),
    /// Images, PDFs: copied as they are.
    Bytes(&'static [u8]),
}

impl Contents {
    fn bytes(&self) -> &[u8] {
        match self {
            Contents::Text(text) => text.as_bytes(),
            Contents::Bytes(bytes) => bytes,
        }
    }
}

impl Example {
    /// The example of `start.phase`, with the school's name where given. A phase with no
    /// example of its own starts from the nearest, adjusted.
    fn of(start: &Start) -> Result<Self, Diagnostic> {
        let name = start.name.as_deref().map(school_name).transpose()?;
        let (dir, names, described): (&Dir<'static>, &[&str], _) = match start.phase {
            Phase::Primary => (
                &PRIMARY,
                &["Oak Tree Primary School", "Oak Tree"],
                "primary school",
            ),
            Phase::Secondary => (&SECONDARY, &["Riverside Academy"], "secondary school"),
            Phase::AllThrough => (&SECONDARY, &["Riverside Academy"], "all-through school"),
            Phase::Special => (&SECONDARY, &["Riverside Academy"], "special school"),
            Phase::College => (&COLLEGE, &["Millbrook College"], "college"),
        };
        let mut example = Example {
            files: Vec::new(),
            described,
            schemas: schema::all(),
        };
        example.add(dir, dir);
        example.name_schemas();
        match start.phase {
            Phase::AllThrough => example.all_through()?,
            Phase::Special => {
                example.replace(CONFIG_FILE, "  phase: secondary\n", "  phase: special\n")?;
            }
            Phase::Primary | Phase::Secondary | Phase::College => {}
        }
        if let Some(name) = name {
            example.rename(names, &name);
        }
        Ok(example)
    }

    /// Every file under `dir`, with its path from `top`, but hidden ones (such as schemas
    /// written into the example's own `content/` by `careersite schema`).
    fn add(&mut self, top: &Dir<'static>, dir: &Dir<'static>) {
        let shown = |path: &Path| !path.file_name().is_some_and(load::is_hidden_or_temporary);
        for file in dir.files().filter(|file| shown(file.path())) {
            let path = file.path().strip_prefix(top.path()).unwrap_or(file.path());
            // A PDF may be text too, but one whose byte offsets must not move.
            let editable = path.extension().is_some_and(|e| e == "md" || e == "yaml");
            let contents = match file.contents_utf8().filter(|_| editable) {
                Some(text) => Contents::Text(text.to_string()),
                None => Contents::Bytes(file.contents()),
            };
            self.files.push((path.to_path_buf(), contents));
        }
        for sub in dir.dirs().filter(|sub| shown(sub.path())) {
            self.add(top, sub);
        }
    }

    /// Each data file names its schema on its first line, so that an editor checks it as it is
    /// typed.
    fn name_schemas(&mut self) {
        for (path, text) in texts(&mut self.files) {
            let named = self
                .schemas
                .iter()
                .find(|file| file.data_file == path.to_str());
            if let Some(file) = named {
                *text = schema::with_first_line(text, file);
            }
        }
    }

    /// An all-through school's: the secondary school's, from Reception, with the primary
    /// school's Reception to Year 6 at the start of its programme.
    fn all_through(&mut self) -> Result<(), Diagnostic> {
        self.replace(
            CONFIG_FILE,
            "  phase: secondary\n",
            "  phase: all-through\n",
        )?;
        // The comment after it stays where it was.
        self.replace(
            CONFIG_FILE,
            "  years: Year 7 to Year 13   ",
            "  years: Reception to Year 13",
        )?;
        let primary_years = PRIMARY
            .get_file(PROGRAMME_FILE)
            .and_then(|file| file.contents_utf8())
            .and_then(|text| text.split_once("\nyears:\n"))
            .map(|(_, years)| years)
            .ok_or_else(|| built_in_example_broken(PROGRAMME_FILE))?;
        self.replace(
            PROGRAMME_FILE,
            "\nyears:\n",
            &format!("\nyears:\n{primary_years}"),
        )?;
        for (path, text) in self.texts() {
            if path != Path::new(CONFIG_FILE) {
                *text = text.replace("Year 7 to Year 13", "Reception to Year 13");
            }
        }
        Ok(())
    }

    /// Replaces the first `from` in the file at `path`, which must hold it.
    fn replace(&mut self, path: &str, from: &str, to: &str) -> Result<(), Diagnostic> {
        let text = self
            .texts()
            .find(|(file, text)| *file == Path::new(path) && text.contains(from))
            .map(|(_, text)| text)
            .ok_or_else(|| built_in_example_broken(path))?;
        *text = text.replacen(from, to, 1);
        Ok(())
    }

    /// `name` for the example school's (each of `names`, as its pages write it, the longest
    /// first): as `school.name` in site.yaml, and in the Markdown pages. The data files name
    /// the school only in comments, and the logo is the example's own, to be replaced.
    fn rename(&mut self, names: &[&str], name: &str) {
        for (path, text) in self.texts() {
            if path == Path::new(CONFIG_FILE) {
                *text = with_school_name(text, name);
            } else if path.extension().is_some_and(|e| e == "md") {
                *text = renamed_page(text, names, name);
            }
        }
    }

    /// The text files, each with its path.
    fn texts(&mut self) -> impl Iterator<Item = (&Path, &mut String)> {
        texts(&mut self.files)
    }
}

/// The text files of `files`, each with its path.
fn texts(files: &mut [(PathBuf, Contents)]) -> impl Iterator<Item = (&Path, &mut String)> {
    files
        .iter_mut()
        .filter_map(|(path, contents)| match contents {
            Contents::Text(text) => Some((path.as_path(), text)),
            Contents::Bytes(_) => None,
        })
}

/// A failed adjustment of an example built into careersite, which its tests rule out; said
/// rather than panicked on, all the same.
fn built_in_example_broken(path: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "careersite could not adjust {path} of its built-in example for this phase"
    ))
    .with_help("this is a fault in careersite: start from another phase, such as --phase secondary, and change `school.phase` in site.yaml")
}

/// The name `--name` gives, trimmed; one line of text.
fn school_name(name: &str) -> Result<String, Diagnostic> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Diagnostic::error("--name gives no name")
            .with_help("give the school's name, such as --name \"Oak Tree Primary School\""));
    }
    if name.chars().any(char::is_control) {
        return Err(
            Diagnostic::error("a school's name is one line of text, with no tabs")
                .with_help("give the name as it is shown on the school's sign, in quotes: --name \"St Mary's School\""),
        );
    }
    Ok(name.to_string())
}

/// site.yaml's text with `name` as `school.name`, and every other line (comments included) as
/// it was.
fn with_school_name(text: &str, name: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let Some(school) = lines.iter().position(|line| line.trim_end() == "school:") else {
        return format!("school:\n  name: {}\n{text}", yaml::quoted(name));
    };
    // The keys under `school:`: the lines after it, up to the next that is not indented.
    let under = lines[school + 1..]
        .iter()
        .take_while(|line| line.is_empty() || line.starts_with([' ', '#']))
        .count();
    let existing =
        (school + 1..school + 1 + under).find(|&i| lines[i].trim_start().starts_with("name:"));
    match existing {
        Some(i) => {
            let line = &lines[i];
            let indent = &line[..line.len() - line.trim_start().len()];
            // A comment after the old name stays, with the spaces before it; a plain value
            // cannot hold ` #`.
            let comment = line
                .find(" #")
                .map_or("", |at| &line[line[..at].trim_end().len()..]);
            lines[i] = format!("{indent}name: {}{comment}", yaml::quoted(name));
        }
        None => lines.insert(school + 1, format!("  name: {}", yaml::quoted(name))),
    }
    lines.join("\n") + "\n"
}

/// A Markdown page's text with `name` for each of `names`: in its front matter as YAML text,
/// in its body as Markdown text.
fn renamed_page(text: &str, names: &[&str], name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut front_matter = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == "---" && (i == 0 || front_matter) {
            front_matter = i == 0;
            out.push_str(line);
        } else if front_matter {
            out.push_str(&renamed_field(line, names, name));
        } else {
            out.push_str(&replace_names(line, names, &markdown_text(name)));
        }
    }
    out
}

/// A front matter line `key: value` whose plain value names the example school, with the value
/// quoted: the name may hold `: ` or `#`, which a plain value cannot. Other lines are kept.
fn renamed_field(line: &str, names: &[&str], name: &str) -> String {
    let Some((key, value)) = line.split_once(": ") else {
        return line.to_string();
    };
    let value = value.trim_end();
    let plain = !value.starts_with(['"', '\'', '|', '>', '[', '{', '&', '*', '!']);
    if !plain || !names.iter().any(|n| value.contains(n)) {
        return line.to_string();
    }
    let ending = &line[line.trim_end().len()..];
    format!(
        "{key}: {}{ending}",
        yaml::quoted(&replace_names(value, names, name))
    )
}

/// `text` with each of `names` replaced by `with` in one pass, so that the first name found
/// at a place wins and nothing put in is replaced again.
fn replace_names(text: &str, names: &[&str], with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match names.iter().find(|n| rest.starts_with(**n)) {
            Some(found) => {
                out.push_str(with);
                rest = &rest[found.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// `text` escaped so that Markdown shows it as it is: no emphasis, link, HTML or entity in it.
/// Quotes and apostrophes stay, to be made curly.
fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '!'
                | '|'
                | '~'
                | '&'
                | '{'
                | '}'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(example: &'a Example, path: &str) -> &'a str {
        example
            .files
            .iter()
            .find(|(file, _)| file == Path::new(path))
            .and_then(|(_, contents)| std::str::from_utf8(contents.bytes()).ok())
            .unwrap_or_else(|| panic!("{path} is not in the example"))
    }

    #[test]
    fn every_phase_has_an_example_that_says_so() {
        for phase in Phase::ALL {
            let start = Start { phase, name: None };
            let example = Example::of(&start).unwrap_or_else(|e| panic!("{phase}: {e}"));
            assert!(
                text(&example, CONFIG_FILE).contains(&format!("\n  phase: {phase}\n")),
                "{phase}"
            );
        }
    }

    #[test]
    fn an_all_through_example_runs_from_reception_to_year_13() {
        let start = Start {
            phase: Phase::AllThrough,
            name: None,
        };
        let example = Example::of(&start).unwrap();
        assert!(text(&example, CONFIG_FILE).contains("  years: Reception to Year 13     # "));
        let programme = text(&example, PROGRAMME_FILE);
        let first = programme.find("- year: Reception").unwrap();
        let seventh = programme.find("- year: 7").unwrap();
        assert!(first < seventh, "{programme}");
    }

    #[test]
    fn the_name_goes_into_site_yaml_and_keeps_its_comments() {
        let text = "# The school.\nschool:\n  # Its name:\n  name: Old School   # shown in the header\n  phase: primary\nname: not this one\n";
        assert_eq!(
            with_school_name(text, "St Mary's: \"Lower\" School"),
            "# The school.\nschool:\n  # Its name:\n  name: \"St Mary's: \\\"Lower\\\" School\"   # shown in the header\n  phase: primary\nname: not this one\n"
        );
        assert_eq!(
            with_school_name("school:\n  phase: primary\n", "Oak"),
            "school:\n  name: \"Oak\"\n  phase: primary\n"
        );
        assert_eq!(
            with_school_name("url: https://a.sch.uk/\n", "Oak"),
            "school:\n  name: \"Oak\"\nurl: https://a.sch.uk/\n"
        );
    }

    #[test]
    fn the_name_goes_into_pages_as_yaml_in_front_matter_and_as_markdown_in_the_body() {
        let page = "---\ntitle: Careers at Oak Tree\nweight: 2\n---\n\nAt Oak Tree Primary School, *all* of us.\n---\nOak Tree again.\n";
        assert_eq!(
            renamed_page(
                page,
                &["Oak Tree Primary School", "Oak Tree"],
                "St Mary's *Lower* School"
            ),
            "---\ntitle: \"Careers at St Mary's *Lower* School\"\nweight: 2\n---\n\nAt St Mary's \\*Lower\\* School, *all* of us.\n---\nSt Mary's \\*Lower\\* School again.\n"
        );
        assert_eq!(
            replace_names("Oak Tree", &["Oak Tree"], "Oak Tree Infants"),
            "Oak Tree Infants",
            "what is put in is not replaced again"
        );
    }

    #[test]
    fn a_name_is_one_line_of_text() {
        assert_eq!(school_name("  St Mary's  ").unwrap(), "St Mary's");
        assert!(school_name(" ").is_err());
        assert!(school_name("St Mary's\nSchool").is_err());
    }
}
