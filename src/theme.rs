//! The theme: Tera templates and static files. The default theme is built into the binary, so a
//! school needs no theme files; a school's own `themes/<name>/` replaces it file by file.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::files::{read_text, relative_to};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub const THEMES_DIR: &str = "themes";
const TEMPLATES: &str = "templates";
const STATIC: &str = "static";
/// Every built-in template can also be found under this prefix, whichever a school replaces,
/// so that a school's `base.html` can start `{% extends "default/base.html" %}` and replace
/// only the blocks it changes.
pub const BUILT_IN_PREFIX: &str = "default/";

pub struct Theme {
    pub templates: Vec<ThemeFile>,
    pub static_files: Vec<ThemeFile>,
}

pub struct ThemeFile {
    /// The path within `templates/` or `static/`, with `/` separators: `partials/nav.html`.
    pub name: String,
    /// Where it came from, for error messages: `None` when built in.
    pub origin: Option<PathBuf>,
    pub contents: Cow<'static, [u8]>,
}

/// Changed whenever careersite publishes theme files differently, so their addresses change.
const THEME_FILES_VERSION: u8 = 1;

impl Theme {
    /// A hash of every static file, names and bytes: the name of the folder their copies for a
    /// browser to keep are published in. A change to any file gives all of them new addresses,
    /// which keeps their links to one another (a stylesheet's `url(logo.png)`) working.
    pub fn fingerprint(&self) -> String {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&[THEME_FILES_VERSION]);
        for file in &self.static_files {
            hasher.update(&(file.name.len() as u64).to_le_bytes());
            hasher.update(file.name.as_bytes());
            hasher.update(&(file.contents.len() as u64).to_le_bytes());
            hasher.update(&file.contents);
        }
        format!("{:032x}", hasher.digest128())[..10].to_string()
    }
}

impl ThemeFile {
    /// Where the careers leader would look for this file.
    pub fn shown_path(&self) -> PathBuf {
        self.origin
            .clone()
            .unwrap_or_else(|| Path::new("(built-in theme)").join(&self.name))
    }
}

/// The built-in theme overlaid with the school's `themes/<name>/`, if it has one.
pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
    if !is_folder_name(name) {
        return Err(vec![not_a_folder_name(name)]);
    }
    let mut theme = Theme {
        templates: embedded_templates(),
        static_files: embedded(STATIC),
    };
    let folder = root.join(THEMES_DIR).join(name);
    if !folder.is_dir() {
        if name == "default" {
            return Ok(theme);
        }
        return Err(vec![
            Diagnostic::error(format!("the theme `{name}` was not found"))
                .with_help(format!(
                    "create the folder {} with your templates, or set `theme: default` in content/site.yaml",
                    relative_to(root, &folder).display()
                )),
        ]);
    }
    // A theme folder that is a link out of the site's folder would publish what it leads to.
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let problems: Diagnostics = [folder.clone(), folder.join(TEMPLATES), folder.join(STATIC)]
        .iter()
        .filter(|path| path.exists())
        .filter_map(|path| crate::load::link_out_of_the_site(root, &real_root, path))
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let reserved = folder
        .join(TEMPLATES)
        .join(BUILT_IN_PREFIX.trim_end_matches('/'));
    if reserved.exists() {
        return Err(vec![
            Diagnostic::error("a theme's templates cannot have a folder called `default`")
                .in_file(&relative_to(root, &reserved))
                .with_help("careersite keeps its built-in templates there, to be extended as \"default/base.html\" and so on: rename the folder, and the names that include or extend what is in it"),
        ]);
    }
    let mut problems = Diagnostics::new();
    overlay(
        root,
        &folder.join(TEMPLATES),
        &mut theme.templates,
        &mut problems,
    );
    overlay(
        root,
        &folder.join(STATIC),
        &mut theme.static_files,
        &mut problems,
    );
    if problems.is_empty() {
        Ok(theme)
    } else {
        Err(problems)
    }
}

/// Whether `name` names one folder and no more: `riverside`, not `../riverside` or `a/b`, which
/// would lead out of `themes/` or into another theme.
pub fn is_folder_name(name: &str) -> bool {
    let mut components = Path::new(name).components();
    matches!(components.next(), Some(Component::Normal(_))) && components.next().is_none()
}

/// The problem with a `theme:` in site.yaml that is not one folder's name.
pub fn not_a_folder_name(name: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "the theme is called `{name}`, which is not the name of a folder"
    ))
    .in_file(&crate::load::data_file_path(crate::load::CONFIG_FILE))
    .with_help("a theme is a folder directly under themes/: give `theme:` a plain name, such as `theme: riverside`")
}

/// Every file of the built-in theme, by its path in a theme's folder (`templates/base.html`),
/// for `careersite init --theme` to copy out.
pub fn built_in_files() -> Vec<(String, Cow<'static, [u8]>)> {
    [TEMPLATES, STATIC]
        .into_iter()
        .flat_map(|kind| {
            embedded(kind)
                .into_iter()
                .map(move |file| (format!("{kind}/{}", file.name), file.contents))
        })
        .collect()
}

/// The built-in templates, each also under [`BUILT_IN_PREFIX`].
fn embedded_templates() -> Vec<ThemeFile> {
    let templates = embedded(TEMPLATES);
    let copies: Vec<ThemeFile> = templates
        .iter()
        .map(|file| ThemeFile {
            name: format!("{BUILT_IN_PREFIX}{}", file.name),
            origin: None,
            contents: file.contents.clone(),
        })
        .collect();
    let mut all = templates;
    all.extend(copies);
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

fn embedded(kind: &str) -> Vec<ThemeFile> {
    let mut files = Vec::new();
    if let Some(dir) = DEFAULT_THEME.get_dir(kind) {
        collect_embedded(dir, kind, &mut files);
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

fn collect_embedded(dir: &'static Dir<'static>, kind: &str, files: &mut Vec<ThemeFile>) {
    for file in dir.files() {
        let name = file.path().strip_prefix(kind).unwrap_or(file.path());
        files.push(ThemeFile {
            name: name.to_string_lossy().replace('\\', "/"),
            origin: None,
            contents: Cow::Borrowed(file.contents()),
        });
    }
    for sub in dir.dirs() {
        collect_embedded(sub, kind, files);
    }
}

/// Puts each file under `folder` in place of the built-in file of the same name, or beside them.
fn overlay(root: &Path, folder: &Path, files: &mut Vec<ThemeFile>, problems: &mut Diagnostics) {
    for entry in WalkDir::new(folder).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) if entry.file_type().is_file() => entry,
            Ok(_) => continue,
            Err(err) if err.io_error().map(|e| e.kind()) == Some(std::io::ErrorKind::NotFound) => {
                return;
            }
            Err(err) => {
                problems
                    .push(Diagnostic::error(err.to_string()).in_file(&relative_to(root, folder)));
                continue;
            }
        };
        let shown = relative_to(root, entry.path());
        let name = entry
            .path()
            .strip_prefix(folder)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let contents = if name.ends_with(".html") || name.ends_with(".xml") {
            read_text(entry.path(), &shown).map(String::into_bytes)
        } else {
            std::fs::read(entry.path()).map_err(|err| Diagnostic::io("read", &shown, &err))
        };
        match contents {
            Ok(contents) => {
                let file = ThemeFile {
                    name,
                    origin: Some(shown),
                    contents: Cow::Owned(contents),
                };
                match files.iter_mut().find(|f| f.name == file.name) {
                    Some(existing) => *existing = file,
                    None => files.push(file),
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
}
